import itertools
import json
from dataclasses import fields
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus import FlagOptions, find_flags
from hzcorpus.gap_scorer import (
    RULE_ID,
    GapModel,
    candidates,
    cjk_lefts,
    features,
    gaps,
    shipped_model,
)
from hzcorpus.redaction_context import NumberContext, rate_bin, tokens
from hzcorpus.redaction_lexicons import Lexicon, alternation, lexicons, words


def test_every_lexicon_has_every_field_and_en_de_zh_exist():
    assert {"en", "de", "zh"} <= set(lexicons())
    folder = resources.files("hzcorpus") / "lexicons"
    for entry in folder.iterdir():
        raw = json.loads(entry.read_text(encoding="utf-8"))
        assert set(raw) == {f.name for f in fields(Lexicon)}, entry.name
        for name, value in raw.items():
            if name != "language":
                assert all(isinstance(w, str) and w.strip() == w and w for w in value), name


def test_alternation_escapes_and_prefers_longer_words():
    import re

    regex = re.compile(alternation("months", langs=("en",)))
    assert regex.match("Sept.").group() == "Sept."
    assert regex.fullmatch("Sept") and not regex.fullmatch("Septx")
    assert "Euro" in words("currency_words", langs=("de",))


def test_shipped_model_is_small_and_well_formed():
    path = resources.files("hzcorpus") / "data" / "gap_scorer.json"
    assert len(path.read_bytes()) < 600_000
    model = shipped_model()
    assert set(model.thresholds) == {"gap", "cjk"}
    assert all(0.5 <= t < 1 for t in model.thresholds.values())
    assert all(isinstance(w, float) for w in model.weights.values())


EMPTY = (NumberContext({}, {}, {}, {}, {}),) * 2


def test_number_context_counts_words_around_numbers():
    context = NumberContext.count(
        ["about 300 people came", "about 40 people left", "talk about people", "rund 5 Euro"]
    )
    assert context.rate_after("about") == 2 / 3
    assert context.rate_before("people") == 2 / 3
    assert context.rate_between("about", "people") == 2 / 3
    assert context.rate_after("came") is None  # seen once: too rare to say
    assert context.rate_between("talk", "about") is None
    assert tokens("共有12名选手") == ["共", "有", "#", "名", "选", "手"]
    assert tokens("About $300, (people).") == ["about", "#", "people"]
    assert [rate_bin(r) for r in (None, 0.0, 1.0, 0.1, 1e-9)] == ["-", "0", "0", "-2", "-6"]


def test_number_context_keeps_no_address():
    sentences = ["mail ann.b@example.org 5 times", "see www.example.org/a 7 times"] * 2
    context = NumberContext.count(sentences + ["mail https://example.org/x 3 times"] * 2)
    counted = {*context.seen, *context.then_number, *context.after_number}
    assert "times" in counted  # after a number; the addresses stood before one
    assert not {t for t in counted if "@" in t or "www." in t or "://" in t}
    assert not [p for p in context.between if "@" in p or "www." in p]
    assert all("@" not in t for t in shipped_model().context[0].seen if t != "@")


def test_chinese_candidates_are_points_before_a_unit_word():
    text = "他捐了亿元，共人。"
    points = [text[s - 1 : s + 1] for s, e in candidates(text, frozenset("了亿共")) if s == e]
    assert points == ["了亿", "亿元", "共人"]
    # only after characters that numbers follow: by default those of the shipped counts
    assert [text[s - 1 : s + 1] for s, e in candidates(text, frozenset("共")) if s == e] == ["共人"]
    # the shipped file learned from no Chinese source (the one at hand is non-commercial)
    assert not cjk_lefts(shipped_model().context[1])
    assert [(s, e) for s, e in candidates(text) if s == e] == []
    names = features(text, 3, 3, EMPTY)
    assert {"Lw=了", "Rw=亿", "R=magnitude", "R2=currency", "s=cjk"} <= set(names)


def test_candidates_are_double_spaces_and_lone_separators():
    text = "for  years, die . Euro and a/b and 5 , 6 and end."
    spans = [text[s:e] for s, e in candidates(text)]
    assert spans == ["  ", " .", " ,"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't know when it will slow down ... and for that reason I wait.",
        "Praising the . . . government's increased spending, he left.",
        "He paused. . . . Then he went on.",
    ],
)
def test_an_ellipsis_is_no_candidate(text):
    assert candidates(text) == []
    assert find_flags(text) == []


def test_the_word_after_a_lone_separator_is_a_feature():
    text = "sie zahlten . Euro dafür"
    start, end = candidates(text)[0]
    names = features(text, start, end)
    assert "Rw=euro" in names and "R=none" not in names and "R2=low" in names


def test_a_dot_beside_an_ellipsis_is_still_a_candidate():
    text = "sales rose by . percent ... and then fell"
    assert [text[s:e] for s, e in candidates(text)] == [" ."]


@pytest.mark.parametrize(
    "text",
    [
        "They had lived there for  years before the war.",
        "The ferry was carrying about  people when it capsized.",
        "Die Strecke ist auf  Kilometer gesperrt.",
    ],
)
def test_a_double_space_before_a_unit_is_a_cut(text):
    flags = [f for f in find_flags(text) if f.rule == RULE_ID]
    assert len(flags) == 1 and "  " in flags[0].match
    assert flags[0].kind == "missing-number" and 0.5 <= flags[0].score <= 1


@pytest.mark.parametrize(
    "text",
    [
        "He said  that the plan was sound.",
        "The report was published  on the ministry's website.",
        "Der Antrag wurde  abgelehnt, teilte das Gericht mit.",
        "Prices rose sharply , analysts said.",
        "Please reply by Friday .",
    ],
)
def test_a_slip_alone_is_not_a_flag(text):
    assert find_flags(text) == []


def test_a_counted_noun_after_the_gap_weighs_more_than_a_function_word():
    def probability(text):
        start, end = candidates(text)[0]
        return shipped_model().probability(features(text, start, end))

    assert probability("The storm left  households without power.") > 2 * probability(
        "The storm left  the town without power."
    )
    assert probability("Die Petition erhielt  Unterschriften.") > 2 * probability(
        "Die Petition erhielt  die Zustimmung."
    )


def test_gap_model_can_be_switched_off():
    text = "They had lived there for  years before the war."
    assert find_flags(text, FlagOptions(gap_model=False)) == []
    assert find_flags(text, FlagOptions(kinds=("placeholder",))) == []


def test_flag_options_can_carry_another_gap_model():
    text = "They had lived there for  years before the war."
    eager = GapModel({"bias": -10.0, "R=time": 20.0}, {"gap": 0.9, "cjk": 0.9}, EMPTY)
    shy = GapModel({"bias": -30.0}, {"gap": 0.9, "cjk": 0.9}, EMPTY)
    flags = find_flags(text, FlagOptions(gap_model=eager))
    assert [(f.rule, f.match, f.score) for f in flags] == [(RULE_ID, "for  years", 1.0)]
    assert find_flags(text, FlagOptions(gap_model=shy)) == []
    assert eager.lefts == frozenset()  # no CJK counts: no point in CJK text is a candidate


def test_features_and_model_are_deterministic():
    text = "They had lived there for  years before the war."
    start, end = candidates(text)[0]
    names = features(text, start, end)
    assert "Rw=years" in names and "R=time" in names and "Lw=for" in names
    model = GapModel({"bias": -10.0, "R=time": 20.0}, {"gap": 0.9, "cjk": 0.9}, EMPTY)
    assert [round(p, 3) for *_, p in gaps(text, model)] == [1.0]
    assert list(gaps("no gap here", model)) == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab 1.,%$€年月日人XxX[]#<>()█ \n\t約达")), max_size=60)
)
def test_flags_are_valid_spans_on_any_text(text):
    flags = find_flags(text)
    assert flags == sorted(flags, key=lambda f: (f.start, f.end))
    for flag in flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.match
    for a, b in itertools.pairwise(flags):
        assert a.end <= b.start
    assert flags == find_flags(text, FlagOptions(prefilter=False))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_is_handled(text):
    for flag in find_flags(text):
        assert text[flag.start : flag.end] == flag.match
