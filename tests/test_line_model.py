"""The line model: its features, its tree evaluation, the shipped file and its use in cleaning."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from importlib import resources
from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus import clean
from hzcorpus.boilerplate import Thresholds
from hzcorpus.clean import (
    AROUND,
    DROPPED,
    INSIDE,
    MODEL_RULE,
    NOT_DECIDED,
    CleanOptions,
    clean_document,
    dump_lines,
    line_scores,
)
from hzcorpus.document import Document
from hzcorpus.line_model import (
    FEATURES,
    INSIDE_GROUPS,
    LineFacts,
    LineModel,
    context_score,
    inside_groups,
    line_features,
    load_model,
)

ARTICLE = [
    "Home",
    "News",
    "Sport",
    "Weather",
    "Council approves a new footbridge over the river",
    "The town council approved the construction of a footbridge over the river on Tuesday, "
    "after two years of debate about its cost and its location near the old mill.",
    "Work is due to start in the spring and should take about eighteen months, the council's "
    "engineer said, and the bridge will be open to cyclists as well as pedestrians.",
    "Residents of the east bank have asked for a crossing since the ferry stopped running in "
    "2019, when its operator said the service no longer paid for itself.",
    "Privacy",
    "Terms",
    "Contact",
]


def _facts(texts: list[str]) -> LineFacts:
    n = len(texts)
    return LineFacts(
        texts=texts,
        units=np.array([len(t.split()) for t in texts], dtype=float),
        function_share=np.full(n, 0.2),
        cjk=np.zeros(n),
        prose=np.array([len(t.split()) > 12 for t in texts]),
        rule_kind=[None] * n,
        context=[None] * n,
    )


def test_features_have_one_row_per_line_and_the_named_columns():
    features = line_features(_facts(ARTICLE))
    assert features.shape == (len(ARTICLE), len(FEATURES))
    assert np.isfinite(features).all()
    col = FEATURES.index("in_best_block")
    assert features[5:8, col].tolist() == [1.0, 1.0, 1.0]
    assert features[0, col] == 0.0
    assert line_features(_facts([])).shape == (0, len(FEATURES))


def _shape_of_one_line(text: str) -> dict[str, float]:
    """The shape features of one line, written out plainly (what the page-wide vectors of
    `line_features` must equal)."""
    head = text[:600]
    words = head.split()
    size = max(len(head), 1)
    return {
        "title_case_share": sum(w[0].isupper() for w in words) / max(len(words), 1),
        "digit_share": sum(c.isdecimal() for c in head) / size,
        "punct_share": sum(not (c.isalnum() or c.isspace()) or c == "_" for c in head) / size,
        "list_marker": float(re.match(r"^\s*(?:\(?\d{1,2}[.)]|[-•*·–—‣◦▪●])\s+", head) is not None),
        "separators": float(min(len(re.findall(r"\s[|•·>»/]\s|\s\|\s?|\|", head)), 5)),
        "ends_colon": float(head.endswith((":", "："))),
        "all_caps": float(head.upper() == head != head.lower()),
        "sentence_end": float(re.search(r"[.!?。！？…]['\"”’»)）」』]*$", head) is not None),
        "clause_share": sum(c in ",;:，、；：﹐﹑" for c in head) / size,
        "cjk_punct_share": sum(_is_cjk_punct(c) for c in head) / size,
    }


def _is_cjk_punct(char: str) -> bool:
    code = ord(char)
    in_ranges = (
        0x3000 <= code < 0x3040
        or 0xFF01 <= code < 0xFF20
        or 0xFF3B <= code < 0xFF41
        or 0xFF5B <= code < 0xFF66
    )
    return in_ranges and not (char.isalnum() or char.isspace())


SHAPES = [
    *ARTICLE,
    "1. First point: ÄRGER über Straße_Bau!",
    "HOME | NEWS | SPORT » WEATHER / TV",
    "ÜBER UNS",
    "Straße",
    "ǅemal said “yes.”」",
    "市政府周二批准在河上修建一座人行桥。",
    "• item\u00a0two\u2003words  123 ４５",
    "x" * 700 + " end.",
    "Ω ω ß ẞ 𝐀 \U000e0001 \ue000",
]


@pytest.mark.parametrize("line", range(len(SHAPES)))
def test_vectorised_shape_features_equal_the_per_line_definition(line):
    features = line_features(_facts(SHAPES))
    for name, value in _shape_of_one_line(SHAPES[line]).items():
        assert features[line, FEATURES.index(name)] == pytest.approx(value), name


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80).map(lambda t: t.replace("\n", " ")), max_size=8))
def test_shape_features_of_any_lines_equal_the_per_line_definition(texts):
    features = line_features(_facts(texts))
    for i, text in enumerate(texts):
        for name, value in _shape_of_one_line(text).items():
            assert features[i, FEATURES.index(name)] == pytest.approx(value), (name, text)


def test_neighbour_features_are_the_neighbours_values():
    features = line_features(_facts(ARTICLE))
    own, before = FEATURES.index("log_units"), FEATURES.index("log_units@-1")
    assert features[1:, before].tolist() == features[:-1, own].tolist()
    assert features[0, before] == 0.0


def test_prose_context_features_place_each_line_towards_the_prose():
    # prose at lines 5-7 of ARTICLE (more than 12 words); the rest are short
    features = line_features(_facts(ARTICLE))

    def column(name: str) -> list[float]:
        return features[:, FEATURES.index(name)].tolist()

    assert column("prose_gap_above") == pytest.approx(
        np.log1p([11, 11, 11, 11, 11, 11, 1, 1, 1, 2, 3]).tolist()
    )
    assert column("prose_gap_below") == pytest.approx(
        np.log1p([5, 4, 3, 2, 1, 1, 1, 11, 11, 11, 11]).tolist()
    )
    assert column("in_prose_run") == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    assert column("log_nonprose_run") == pytest.approx(np.log1p([5] * 5 + [0] * 3 + [3] * 3))
    assert column("prose_line_share") == pytest.approx([3 / 11] * 11)
    listed = line_features(_facts(["Intro", "- one", "- two", "- three", "End"]))
    assert listed[:, FEATURES.index("log_list_run")].tolist() == pytest.approx(
        np.log1p([0, 3, 3, 3, 0]).tolist()
    )
    units = FEATURES.index("units_vs_prose")
    words = np.log1p([len(text.split()) for text in ARTICLE])
    assert features[:, units].tolist() == pytest.approx((words - np.median(words[5:8])).tolist())


def test_tree_evaluation_follows_the_splits():
    # one tree: x[0] <= 1 -> -2, else -> 3; baseline 0.5
    model = LineModel(
        features=FEATURES,
        baseline=0.5,
        roots=np.array([0]),
        feature=np.array([0, 0, 0]),
        threshold_at=np.array([1.0, 0.0, 0.0]),
        left=np.array([1, -1, -1]),
        right=np.array([2, -1, -1]),
        value=np.array([0.0, -2.0, 3.0]),
        threshold=0.5,
        inside_thresholds=(1.0, 0.9),
        rescue_threshold=0.4,
        provenance={},
        lexicon=load_model().lexicon,
    )
    x = np.zeros((2, len(FEATURES)))
    x[1, 0] = 5.0
    assert model.raw_scores(x).tolist() == [-1.5, 3.5]
    again = LineModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.raw_scores(x).tolist() == [-1.5, 3.5]
    assert again.inside_thresholds == model.inside_thresholds


def test_a_line_in_context_takes_a_share_of_its_neighbours_scores():
    scores = np.array([0.9, 0.1, 0.2, 0.8, 0.1])
    assert context_score(scores, 0.0, 1) is scores
    mixed = context_score(scores, 0.5, 1)
    # the ends have one neighbour, the others two
    assert mixed.tolist() == pytest.approx([0.5, 0.325, 0.325, 0.475, 0.45])
    wide = context_score(scores, 0.5, 2)
    assert wide[2] == pytest.approx(0.5 * 0.2 + 0.5 * (0.9 + 0.1 + 0.8 + 0.1) / 4)
    assert context_score(np.array([0.7]), 0.5, 1).tolist() == [0.7]  # alone: its own
    assert context_score(np.zeros(0), 0.5, 1).size == 0
    model = replace(load_model(), context_weight=0.5, context_reach=1)
    assert model.in_context(scores).tolist() == mixed.tolist()


def test_a_colon_announces_a_run_of_non_prose_lines():
    lines = [
        "Zehn Fehler",
        *ARTICLE[5:7],
        "Wer seine Steuererklärung selbst macht, sollte diese häufigen Fehler unbedingt "
        "vermeiden, sagen die Berater:",
        "Fahrtkosten vergessen",
        "Spenden ohne Beleg",
        ARTICLE[7],
        "Zutaten:",
        "6 Äpfel",
        "50 g Zucker",
        ARTICLE[5],
        "Mehr zum Thema",
    ]
    features = line_features(_facts(lines))
    announced = features[:, FEATURES.index("announced_run")].tolist()
    assert announced == [0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0]


def test_inside_thresholds_go_by_script():
    lines = [*ARTICLE, "市政府周二批准在河上修建一座人行桥，此前围绕其造价和选址争论了两年。"]
    facts = _facts(lines)
    facts.cjk = np.array([0.0] * len(ARTICLE) + [1.0])
    features = line_features(facts)
    assert [INSIDE_GROUPS[g] for g in inside_groups(features)] == ["other"] * 11 + ["cjk"]
    model = replace(load_model(), inside_thresholds=(1.0, 0.8))
    assert model.inside_limits(features).tolist() == [0.8] * 11 + [1.0]
    assert model.decides_inside
    assert not replace(model, inside_thresholds=(1.0, 1.0)).decides_inside


def test_the_shipped_model_is_small_and_matches_the_features():
    path = resources.files("hzcorpus.models").joinpath("line_model.json")
    assert len(path.read_bytes()) < 1_000_000
    model = load_model()
    assert model.features == FEATURES
    assert 0.0 < model.threshold < 1.0
    assert 0.0 <= model.rescue_threshold < 1.0
    assert all(0.0 < t <= 1.0 for t in model.inside_thresholds)
    assert len(model.inside_thresholds) == len(INSIDE_GROUPS)
    assert "development parts" in model.provenance["trained_on"]


def test_a_model_file_for_other_features_is_refused():
    data = load_model().to_json()
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="other features"):
        LineModel.from_json(data)


def test_line_scores_rank_menus_above_prose():
    scores = line_scores(ARTICLE)
    assert len(scores) == len(ARTICLE)
    assert all(0.0 <= s <= 1.0 for s in scores)
    prose = scores[5:8]
    furniture = scores[:4] + scores[8:]
    assert max(prose) < min(furniture)
    assert max(prose) < load_model().threshold
    assert line_scores(["", *ARTICLE])[0] == 0.0


def test_line_scores_are_deterministic():
    assert line_scores(ARTICLE) == line_scores(ARTICLE)


def test_the_model_can_be_turned_off():
    doc = Document(source="a.txt", raw="\n".join(ARTICLE), format="text")
    with_model = clean_document(doc)
    without = clean_document(doc, CleanOptions(model=False))
    assert all(r.rule != MODEL_RULE for r in without.removed)
    assert "footbridge over the river on Tuesday" in with_model.text
    assert "footbridge over the river on Tuesday" in without.text


def test_the_model_decides_nothing_inside_a_page_without_prose():
    # no line reads as prose, so there is no article: the inside decisions could take every
    # line the rules keep (here "Help", scored as furniture, was the page's whole text)
    raw = "Sign in\nRegister\nSubscribe\nMy account\nHelp"
    doc = Document(source="a.txt", raw=raw, format="text")
    inside = clean_document(doc, CleanOptions(model_inside=True))
    assert inside.text == clean_document(doc).text == "Help"
    assert all(r.rule != MODEL_RULE for r in inside.removed)


def _score_in(reason: str) -> float:
    return float(reason.rsplit("(score ", 1)[1].rstrip(")"))


def test_the_cleaner_applies_the_model_files_thresholds_to_the_lines_it_decides():
    raw = "\n".join(ARTICLE)
    page = dump_lines(raw)
    scores = line_scores(ARTICLE)
    doc = Document(source="a.txt", raw=raw, format="text")
    removed = {r.line: r for r in clean_document(doc, CleanOptions(model_inside=True)).removed}
    by_default = {r.line for r in clean_document(doc).removed}
    by_passes = {r.line for r in clean_document(doc, CleanOptions(model=False)).removed}
    model = load_model()
    limits = {
        AROUND: model.threshold,
        DROPPED: model.rescue_threshold,
    }
    inside_limits = dict(zip(page.nos, model.inside_limits(page.features).tolist(), strict=True))
    # inside, a line is judged by its score in context (its neighbours' scores mixed in)
    in_context = model.in_context(np.array([scores[no] for no in page.nos])).tolist()
    context_scores = dict(zip(page.nos, in_context, strict=True))
    assert page.decides.any() and not page.decides.all()
    assert {NOT_DECIDED, INSIDE} < set(page.decides.tolist())
    for no, decided in zip(page.nos, page.decides.tolist(), strict=True):
        if decided == NOT_DECIDED:  # the rules and passes alone
            assert (no in removed) == (no in by_passes)
            assert no not in removed or removed[no].rule != MODEL_RULE
            continue
        dropped = no in by_passes  # a block pass's guess: the model may only rescue it
        assert dropped == (decided == DROPPED)
        if decided == INSIDE:  # the model decides inside only when asked to
            assert no not in by_default
        limit = inside_limits[no] if decided == INSIDE else limits[decided]
        score = context_scores[no] if decided == INSIDE else scores[no]
        assert (no not in removed) == (score < limit)
        if no in removed and not dropped:
            assert removed[no].rule == MODEL_RULE
            assert _score_in(removed[no].reason) == pytest.approx(score, abs=0.005)


def test_the_model_decides_chinese_lines_around_and_inside_the_article():
    lines = [
        "首页",
        "市政府批准修建人行桥",
        "市政府周二批准在河上修建一座人行桥，此前围绕其造价和选址争论了两年。",
        "工程预计明年春天开工，工期约十八个月，桥梁将同时向行人和骑车人开放。",
        "春节假期出行指南",
        "本市新开三条公交线路",
    ]
    page = dump_lines("\n".join(lines))
    # the lead (the first prose line under the title) is the rules' to keep
    assert page.decides.tolist() == [
        NOT_DECIDED,
        NOT_DECIDED,
        NOT_DECIDED,
        INSIDE,
        DROPPED,
        DROPPED,
    ]
    doc = clean_document(Document(source="a.txt", raw="\n".join(lines), format="text"))
    assert doc.text.split("\n") == lines[2:4]


def _with_run_threshold(threshold: float) -> CleanOptions:
    thresholds = replace(Thresholds(), inside_run_threshold=threshold)
    return CleanOptions(model_runs=True, thresholds=thresholds)


def test_a_run_of_non_prose_lines_inside_the_article_goes_by_its_mean_score():
    widget = ["London 12°C", "Paris 15°C", "Berlin 9°C"]
    lines = ARTICLE[:6] + widget + ARTICLE[6:7] + ["Rome 18°C"] + ARTICLE[7:]
    run = range(6, 9)
    decides = dump_lines("\n".join(lines)).decides.tolist()
    assert [decides[i] for i in run] == [INSIDE] * 3
    mean = float(np.mean([line_scores(lines)[i] for i in run]))
    doc = Document(source="a.txt", raw="\n".join(lines), format="text")
    below = clean_document(doc, _with_run_threshold(mean - 0.01))
    removed = {r.line: r for r in below.removed}
    assert set(run) <= set(removed)
    for i in run:
        assert removed[i].rule == MODEL_RULE
        assert _score_in(removed[i].reason) == pytest.approx(mean, abs=0.005)
    assert 10 not in removed  # one non-prose line is no run
    assert "Rome 18°C" in below.text
    assert "footbridge over the river on Tuesday" in below.text
    above = clean_document(doc, _with_run_threshold(mean + 0.01))
    assert all(widget_line in above.text for widget_line in widget)
    assert all(r.rule != MODEL_RULE for r in above.removed if r.line in run)
    by_default = clean_document(doc, replace(_with_run_threshold(0.0), model_runs=False))
    assert all(widget_line in by_default.text for widget_line in widget)


def test_a_page_without_prose_has_no_runs_inside_an_article():
    lines = ["London 12°C", "Paris 15°C", "Berlin 9°C"]
    doc = Document(source="a.txt", raw="\n".join(lines), format="text")
    assert clean_document(doc, _with_run_threshold(0.0)).text == "\n".join(lines)


_RUN_LINES = st.sampled_from(
    [
        "London 12°C",
        "Paris 15°C",
        "Most read",
        "Ferry service ends after forty years (12)",
        "New car park opens",
        "Share on Facebook",
        "Ingredients:",
        "- 200 g flour",
        "Key points",
        "Photo: Jane Smith",
        "The mayor, Anna Berg",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(_RUN_LINES, min_size=1, max_size=12), min_size=1, max_size=3),
    st.floats(0.0, 1.0),
)
def test_runs_scored_first_lines_first_are_judged_as_when_every_line_is_scored(runs, threshold):
    # the plain reference: every line of every run scored at once
    lines = ARTICLE[:6]
    for run, sentence in zip(runs, ARTICLE[6:8] + ARTICLE[6:7], strict=False):
        lines = lines + run + [sentence]
    lines += ARTICLE[8:]
    doc = Document(source="a.txt", raw="\n".join(lines), format="text")
    options = _with_run_threshold(threshold)
    first_lines_first = clean_document(doc, options)
    with patch.object(clean, "RUN_FIRST_SHARE", 1.0):
        every_line = clean_document(doc, options)
    assert first_lines_first == every_line
