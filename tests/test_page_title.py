"""The page-text title search (`clean._find_title`, `page_title`) on invented pages."""

from __future__ import annotations

import importlib.util
import math
import sys
from itertools import accumulate

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hzcorpus import clean
from hzcorpus.boilerplate import LIST_MARKER, PHOTO_CREDIT, STOPWORDS
from hzcorpus.clean import CleanOptions, clean_document
from hzcorpus.document import Document
from hzcorpus.page_title import (
    LEAD_CHARS,
    OVERLAP_MIN_WORDS,
    TITLE_MIN_SHARE_OF_LONGEST,
    TITLE_WEIGHTS,
    TitleFeatures,
    best_of,
    content_words,
    lead_of,
    lead_overlap,
    overlap,
    title_score,
)
from tests.conftest import ROOT


def title_of(lines: list[str]) -> str | None:
    doc = Document(source="page.txt", raw="\n".join(lines))
    return clean_document(doc, CleanOptions()).title


BODY_EN = [
    "Ferry operators will run extra sailings to the northern islands this winter after "
    "complaints that residents were stranded for days during storms last year.",
    "The new timetable adds two return crossings a week and a relief vessel on standby, "
    "the operator said on Tuesday.",
    "Islanders welcomed the extra ferry sailings but said the ships themselves were too old.",
]
HEADLINE_EN = "Ferry operators add winter sailings to the islands"
MENU_EN = [
    "Local News and Sport",
    "Things To Do Tonight",
    "Homes and Gardens",
    "Weather for the Week",
    "Cars for Sale Nearby",
    "Letters to the Editor",
]


def test_menu_rows_above_the_headline_are_not_the_title():
    # the menu's last rows stand right above the headline; the headline shares the
    # article's words
    assert title_of([*MENU_EN, HEADLINE_EN, "By Morag Campbell", *BODY_EN]) == HEADLINE_EN


def test_a_related_headline_between_title_and_text_is_not_the_title():
    related = "Council votes to close the swimming pool in March"
    page = [*MENU_EN, HEADLINE_EN, "12 December 2024", related, *BODY_EN]
    assert title_of(page) == HEADLINE_EN


def test_a_site_name_line_and_a_kicker_are_not_the_title():
    page = ["The Island Courier Online", "Transport Policy Desk", HEADLINE_EN, *BODY_EN]
    assert title_of(page) == HEADLINE_EN


def test_the_page_title_line_names_the_headline_among_menu_rows():
    # the dump's first line is the page's <title>; the headline shares no word with the
    # first paragraph here, so only the <title> tells it from the menu rows
    headline = "Stranded no more this December"
    page = [f"{headline} | The Island Courier", *MENU_EN[:3], headline, *MENU_EN[3:], *BODY_EN]
    assert title_of(page) == headline


def test_the_headline_below_a_teaser_paragraph_is_the_title():
    # a teaser of another story reads as the first paragraph; the <title> names the
    # headline under it
    teaser = (
        "Share your photos of the winter storms with us and win a weekend for two on the "
        "islands this spring."
    )
    page = [f"{HEADLINE_EN} | The Island Courier", *MENU_EN, teaser, HEADLINE_EN, *BODY_EN]
    assert title_of(page) == HEADLINE_EN


#: A promotion above the article that reads as its first paragraph, the headline under it,
#: the article's text and a subheading in it, in three languages.
NOTICE_PAGES = {
    "en": (
        "Our new podcast about life in small towns is out now, with stories from the "
        "people who live there all year round.",
        HEADLINE_EN,
        BODY_EN,
        "New ships for the islands will not come until 2027",
    ),
    "de": (
        "Unser neuer Podcast über das Leben in kleinen Städten ist da, mit Geschichten von "
        "Menschen, die das ganze Jahr dort wohnen.",
        "Fährbetrieb erweitert Winterfahrplan für die Inseln",
        [
            "Der Fährbetrieb wird in diesem Winter zusätzliche Fahrten zu den Inseln "
            "anbieten, nachdem Bewohner bei Stürmen im vergangenen Jahr tagelang festsaßen.",
            "Der neue Fahrplan sieht zwei weitere Fahrten zu den Inseln pro Woche und ein "
            "Ersatzschiff vor, teilte der Betreiber am Dienstag mit.",
        ],
        "Neue Schiffe für die Inseln erst im Jahr 2027",
    ),
    "es": (
        "Ya está disponible nuestro nuevo pódcast sobre la vida en los pueblos, con "
        "historias de la gente que vive allí todo el año.",
        "La naviera añade salidas de invierno a las islas",
        [
            "La naviera ofrecerá este invierno salidas adicionales a las islas del norte "
            "después de que los vecinos quedaran aislados durante días por los temporales.",
            "El nuevo horario añade dos salidas semanales a las islas y un barco de reserva, "
            "según informó la naviera el martes.",
        ],
        "Los barcos nuevos no llegarán a las islas hasta 2027",
    ),
}


@pytest.mark.parametrize("lang", sorted(NOTICE_PAGES))
def test_the_headline_under_a_promotion_read_as_the_first_paragraph_is_the_title(lang):
    # no <title> line names it: the headline shares the article's words, the
    # promotion above it none
    notice, headline, body, _ = NOTICE_PAGES[lang]
    assert title_of([*MENU_EN[:3], notice, headline, *body]) == headline


@pytest.mark.parametrize("lang", sorted(NOTICE_PAGES))
def test_a_subheading_under_the_first_paragraph_is_not_the_title(lang):
    # the headline above the article without a promotion: a subheading under the first
    # paragraph that shares fewer of the lead's words than the headline stays one (the
    # score weighs `below` against it; one made of the lead's words would win)
    _, headline, body, subheading = NOTICE_PAGES[lang]
    page = [*MENU_EN[:3], headline, body[0], subheading, *body[1:]]
    assert title_of(page) == headline


def test_german_headline_under_a_menu():
    menu = ["Startseite Politik", "Wirtschaft und Finanzen", "Kultur und Medien", "Sport heute"]
    headline = "Fährbetrieb erweitert Winterfahrplan für die Inseln"
    body = [
        "Der Fährbetrieb wird in diesem Winter zusätzliche Fahrten zu den Inseln anbieten, "
        "nachdem Bewohner bei Stürmen tagelang festsaßen.",
        "Der neue Fahrplan sieht zwei weitere Fahrten pro Woche und ein Ersatzschiff vor, "
        "teilte der Betreiber am Dienstag mit.",
    ]
    assert title_of([*menu, headline, "Von Anna Schmidt", *body]) == headline


def test_chinese_headline_under_a_menu():
    menu = ["首页 新闻", "国际新闻频道", "财经要闻速递", "体育赛事直播"]
    headline = "渡轮公司冬季增开前往海岛的航班"
    body = [
        "渡轮公司表示，今年冬季将增开前往北部海岛的航班，此前居民抱怨去年风暴期间被困多日。"
        "新的时刻表每周增加两个往返航次，并安排一艘备用船只随时待命。",
        "岛上居民对增开航班表示欢迎，但也表示渡轮本身过于陈旧，需要尽快更换新船以保障安全。",
    ]
    assert title_of([*menu, headline, *body]) == headline


def test_content_words_and_overlap():
    assert content_words("The Ferry, and its Winter sailings!", cjk=False) == {
        "ferry",
        "winter",
        "sailings",
    }
    assert content_words("渡轮 news", cjk=True) == {"渡", "轮"}
    lead = frozenset({"ferry", "winter", "islands"})
    headline = frozenset({"ferry", "winter", "islands", "sailings", "operators", "tonight"})
    assert overlap(headline, lead) == 0.5
    # a short line's few words in the lead count as a share of OVERLAP_MIN_WORDS
    assert overlap(frozenset({"ferry", "winter"}), lead) == 2 / OVERLAP_MIN_WORDS < 1
    assert overlap(frozenset(), lead) == 0.0


def test_the_score_prefers_a_headline_to_a_menu_row():
    headline = TitleFeatures(
        overlap=0.8, shown=False, repeated=False, attached=True, gap=0, units=8,
        opening=False, below=False, first_long=False, in_run=False,
    )  # fmt: skip
    menu_row = headline._replace(overlap=0.0, attached=False, gap=0, units=3)
    far_headline = headline._replace(gap=4)
    assert title_score(headline) > title_score(far_headline) > title_score(menu_row)
    assert title_score(menu_row._replace(shown=True)) > title_score(menu_row)


LINE = st.lists(
    st.sampled_from(["ferry", "News", "winter", "|", "-", ":", "?", ".", "渡轮", "Home", "1"]),
    max_size=14,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=25))
def test_the_title_is_a_line_of_the_page_or_none(lines):
    title = title_of(lines)
    if title is not None:
        shown = {line.strip() for line in lines}
        assert title.strip() in shown or any(title in line for line in lines)


# The title search's shortcuts (`clean._may_be_credit`, `clean._is_label_run`'s first
# letter, `page_title.best_of`, the scan's length test) must not change its answer: the
# tests below hold it to a plain reference, the search as it was before them.


def slow_is_title_like(line, th) -> bool:
    text = line.text
    words = text.split()
    label_run = (
        len(words) >= 4
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not any(w.lower() in STOPWORDS for w in words)
    )
    return (
        line.rule is None
        and line.context is None
        and th.title_min_units <= line.units <= th.title_max_units
        and not text.endswith((":", "：", ".", "。", ",", "，", ";"))
        and PHOTO_CREDIT.search(text) is None
        and LIST_MARKER.match(text) is None
        and not (text.upper() == text != text.lower())
        and not label_run
    )


def slow_find_title(lines, start, first, end, th) -> int | None:
    """`clean._find_title` without shortcuts: every candidate scored in full."""
    top = [line.text for line in lines[: clean.TITLE_TOP_LINES]]
    above = [i for i in range(start, first) if slow_is_title_like(lines[i], th)]
    far = max(0, len(above) - clean.TITLE_NEAREST)
    near = above[far:]
    candidates = [i for i in above[:far] if clean._is_shown(lines[i], top)] + near
    label = clean._key_points_label(lines, near[0], first) if near else None
    if label is not None:
        candidates = [i for i in candidates if i < label]
    opening = lines[first] if first < end else None
    following = [ln for ln in lines[first + 1 : end] if ln.prose]
    inner = opening.text.rstrip(".!?。！？'\"”’») ") if opening else ""
    sentence_title = (
        opening is not None
        and opening.prose
        and opening.units <= th.sentence_title_max_units
        and clean._SENTENCE_MARK.search(inner) is None
        and bool(following)
        and following[0].units > opening.units
    )
    if sentence_title and opening.text.rstrip("'\"”’») ").endswith(("?", "!", "？", "！")):
        candidates.append(first)
    prose = [line for line in lines[first:end] if line.prose][:2]
    lead = frozenset().union(*(content_words(ln.text[:LEAD_CHARS], ln.cjk) for ln in prose))
    candidates += [
        i
        for i in range(first + 1, min(end, first + 1 + clean.TITLE_BELOW))
        if not lines[i].prose and slow_is_title_like(lines[i], th)
        and (
            clean._is_shown(lines[i], top)
            or (opening is not None and opening.prose
                and not any(ln.prose for ln in lines[first + 1 : i])
                and content_words(lines[i].text, lines[i].cjk) & lead)
        )
    ]  # fmt: skip
    if not candidates:
        unruled_above = any(ln.rule is None and ln.context is None for ln in lines[:first])
        return first if sentence_title and not unruled_above else None
    candidates = sorted({lines[i].text: i for i in candidates}.values())
    texts = [line.text for line in lines]
    attached = {
        i for i in candidates if clean._is_attached(lines, i + 1, first if i < first else end, th)
    }
    lo, hi = min(candidates[0], first), max(first, candidates[-1])
    labels = [
        0,
        *accumulate(
            ln.units < th.lead_min_units and ln.rule is None and ln.context is None
            for ln in lines[lo:hi]
        ),
    ]
    heads = [i for i in candidates if i in attached] or candidates
    longest = max(lines[i].units for i in heads)
    first_long = next(i for i in heads if lines[i].units >= TITLE_MIN_SHARE_OF_LONGEST * longest)

    def score(i: int) -> float:
        line = lines[i]
        return title_score(
            TitleFeatures(
                overlap=overlap(content_words(line.text, line.cjk), lead),
                shown=clean._is_shown(line, top),
                repeated=texts.count(line.text) > 1,
                attached=i in attached,
                gap=clean._between(labels, lo, i, first),
                units=line.units,
                opening=i == first,
                below=i > first,
                first_long=i == first_long,
                in_run=0 < i < len(lines) - 1
                and slow_is_title_like(lines[i - 1], th)
                and slow_is_title_like(lines[i + 1], th),
            )
        )

    return max(candidates, key=score)


PAGE_LINE = st.one_of(
    st.sampled_from(
        [
            *MENU_EN,
            *BODY_EN,
            HEADLINE_EN,
            f"{HEADLINE_EN} | The Island Courier",
            "Council votes to close the swimming pool in March",
            "Is this the end of the winter ferry?",
            "By Morag Campbell",
            "12 December 2024",
            "Key points",
            "Photo: Morag Campbell / Island Courier",
            "Winter storms photo by Morag Campbell",
            "Ferry sailings (AP) in winter storms",
            "Winter Ferry Sailings Islands Timetable",
            "THE ISLAND COURIER",
            "- Ferry operators add winter sailings",
            "Share this article:",
            "渡轮公司冬季增开前往海岛的航班",
            "Fährbetrieb erweitert Winterfahrplan für die Inseln",
        ]
    ),
    LINE,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PAGE_LINE, max_size=30))
def test_the_title_search_finds_what_the_reference_does(page):
    found = []
    search = clean._find_title

    def both(lines, start, first, end, th):
        at = search(lines, start, first, end, th)
        found.append((at, slow_find_title(lines, start, first, end, th)))
        return at

    clean._find_title = both
    try:
        clean_document(Document(source="page.txt", raw="\n".join(page)), CleanOptions())
    finally:
        clean._find_title = search
    assert all(at == slow for at, slow in found)


CREDIT_PART = st.sampled_from(
    ["photo", "Photograph", "FOTO", "image", "Bild", "imagen", "crédit", "(", "AP", "afp",
     "Reuters", "dpa", "efe", "Getty", "EPA", "图", "摄影", " ", "\t", ":", "：", "/", "by",
     "BY", "b", "y", "x", "é", "İ", "ſ"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(CREDIT_PART, max_size=8).map("".join), st.text(max_size=30)))
@example("Bild by")
@example("(AFP)")
@example("摄影")
def test_a_line_without_credit_marks_is_no_photo_credit(text):
    if PHOTO_CREDIT.search(text) is not None:
        assert clean._may_be_credit(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(PAGE_LINE, max_size=1).map("".join), st.text(max_size=40)))
@example("Local News Sport Weather")
@example(" Local News Sport Weather")
def test_the_label_run_test_is_the_plain_one(text):
    words = text.split()
    plain = (
        len(words) >= 4
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not any(w.lower() in STOPWORDS for w in words)
    )
    assert clean._is_label_run(text) == plain


WORDY = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(
            ["ferry", "Ferry", "ferrys", "_ferry", "winter", "WINTER", "ß", "strasse", "straße",
             "渡轮", "渡", "1234", " ", "-", "\n", "_", "é", "İ", "ﬁ", "ferry2"]
        ),
        max_size=14,
    ).map("".join),
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(WORDY, st.booleans(), st.lists(st.tuples(WORDY, st.booleans()), max_size=3))
@example("Ferry winter", False, [("The ferry, in winter", False)])
@example("渡轮公司", True, [("渡轮", True), ("ferry", False)])
@example("ferry", False, [("ferrys and _ferry", False), ("ferry_", False)])
def test_the_lead_overlap_is_that_of_the_lead_words(line, cjk, paragraphs):
    words = content_words(line, cjk)
    lead = frozenset().union(*(content_words(t[:LEAD_CHARS], c) for t, c in paragraphs))
    assert lead_overlap(words, cjk, lead_of(paragraphs)) == overlap(words, lead)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.integers(0, 30), st.tuples(st.integers(-4, 4), st.integers(0, 3)), min_size=1
    )
)
def test_best_of_is_the_first_best_candidate(scored):
    # score = known + extra with 0 <= extra <= 3: ties are frequent
    candidates = sorted(scored)
    known = {i: float(k) for i, (k, _) in scored.items()}
    seen = []

    def score(i: int) -> float:
        seen.append(i)
        return known[i] + scored[i][1]

    assert best_of(candidates, known, score, 3.0) == max(
        candidates, key=lambda i: known[i] + scored[i][1]
    )
    # a candidate is scored only if it can still reach the best
    best = max(known[i] + scored[i][1] for i in candidates)
    assert all(known[i] + 3 >= best for i in seen)


def _fit_script():
    path = ROOT / "scripts" / "fit_title_weights.py"
    spec = importlib.util.spec_from_file_location("fit_title_weights", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


fit_title_weights = _fit_script()

FEATURES = st.builds(
    TitleFeatures,
    overlap=st.floats(0, 1),
    shown=st.booleans(),
    repeated=st.booleans(),
    attached=st.booleans(),
    gap=st.integers(0, 40),
    units=st.floats(0, 40),
    opening=st.booleans(),
    below=st.booleans(),
    first_long=st.booleans(),
    in_run=st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(FEATURES)
def test_the_fit_reads_the_features_as_the_score_does(f):
    w = TITLE_WEIGHTS
    weights = [getattr(w, name) for name in fit_title_weights.FITTED]
    columns = fit_title_weights.vector(f, w.units_cap)
    assert sum(a * b for a, b in zip(weights, columns, strict=True)) == pytest.approx(
        title_score(f, w)
    )


def test_the_fit_finds_what_tells_the_title_and_the_search_agrees():
    script = fit_title_weights
    page = [*MENU_EN, HEADLINE_EN, "By Morag Campbell", *BODY_EN]
    candidates, title = script.search("\n".join(page))
    assert title == HEADLINE_EN and len(candidates) > 1
    assert script.best(candidates, TITLE_WEIGHTS) == title
    # invented dumps: the title is the candidate sharing words with the lead
    plain = TitleFeatures(0.0, False, False, False, 0, 6, False, False, False, False)
    dumps = [
        script.Dump(
            "invented",
            f"headline {k}",
            [
                (f"menu {k}", plain._replace(units=3 + k % 5, gap=k % 3)),
                (f"headline {k}", plain._replace(overlap=0.5 + k % 4 / 10, units=4 + k % 7)),
                (f"teaser {k}", plain._replace(overlap=k % 3 / 10, units=9, below=True)),
            ],
        )
        for k in range(60)
    ]
    for fit in (script.fit, script.fit_choice):
        weights = script.weights_of(fit(dumps, TITLE_WEIGHTS.units_cap, l2=1.0), 10)
        assert weights.overlap > 0
        assert script.accuracy(dumps, weights) == {"invented": (60, 60)}


def _chosen_dumps(shift: float) -> list:
    """Invented dumps whose title is the candidate of the best score under known weights
    (overlap, units and gap count), with every candidate's `overlap` on every other
    dump raised by `shift` (which moves no choice)."""
    rng = np.random.default_rng(7)
    plain = TitleFeatures(0.0, False, False, False, 0, 6, False, False, False, False)
    dumps = []
    for k in range(120):
        features = [
            plain._replace(
                overlap=float(rng.uniform(0, 1)) + shift * (k % 2),
                units=float(rng.integers(3, 10)),
                gap=int(rng.integers(0, 6)),
            )
            for _ in range(int(rng.integers(2, 6)))
        ]
        best = max(range(len(features)), key=lambda j: _known_score(features[j]))
        texts = [f"{'title' if j == best else 'line'} {k} {j}" for j in range(len(features))]
        dumps.append(
            fit_title_weights.Dump("invented", texts[best], list(zip(texts, features, strict=True)))
        )
    return dumps


def _known_score(f: TitleFeatures) -> float:
    return 4 * f.overlap + 0.3 * f.units - math.log1p(f.gap)


def test_the_choice_fit_finds_a_pages_best_and_reads_no_level_of_a_page():
    script = fit_title_weights
    dumps = _chosen_dumps(0.0)
    beta = script.fit_choice(dumps, 10, l2=0.01)
    weights = script.weights_of(beta, 10)
    assert weights.overlap > 0 and weights.units > 0 and weights.gap < 0
    right, n = script.accuracy(dumps, weights)["invented"]
    assert right >= 0.9 * n
    # a softmax over a page's candidates: raising a feature on all of them alike
    # changes nothing (a per-candidate regression would read it)
    assert np.allclose(script.fit_choice(_chosen_dumps(0.5), 10, l2=0.01), beta, atol=1e-6)
    assert not np.allclose(
        script.fit(_chosen_dumps(0.5), 10, l2=0.01)[:-1],
        script.fit(dumps, 10, l2=0.01)[:-1],
        atol=1e-3,
    )


def test_out_of_fold_scores_each_fold_with_the_other_folds_weights():
    script = fit_title_weights
    dumps = _chosen_dumps(0.0)
    for k, d in enumerate(dumps):
        d.fold = k % 2
    seen = []

    def fitter(part):
        seen.append({d.fold for d in part})
        return TITLE_WEIGHTS

    assert script.out_of_fold(dumps, fitter) == script.accuracy(dumps, TITLE_WEIGHTS)
    assert seen == [{1}, {0}]
