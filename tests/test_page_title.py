"""The page-text title search (`clean._find_title`, `page_title`) on invented pages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus.clean import CleanOptions, clean_document
from hzcorpus.document import Document
from hzcorpus.page_title import (
    OVERLAP_MIN_WORDS,
    TitleFeatures,
    content_words,
    overlap,
    title_score,
)


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
