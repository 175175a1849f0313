"""HTML titles: the article's own title, without the site's name a page's title adds."""

from __future__ import annotations

import pytest
from lxml import html

from hzcorpus.html import extract_html
from hzcorpus.html_title import article_title, without_site_name

PROSE = (
    "<p>The harbour authority said on Monday that the new ferry terminal would open in the "
    "spring, two years later than planned, because of delays in steel deliveries.</p>"
    "<p>Passengers will be able to board from a covered walkway, and the old terminal will be "
    "turned into a market hall with room for forty stalls, the authority said.</p>"
)


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Ferry terminal opens late - reitschuster.de", ["https://reitschuster.de/post/1"], None),
        ("Ferry terminal opens late | Harbour News", ["Harbour News"], None),
        ("HARBOUR NEWS | Ferry terminal opens late", ["Harbour News"], None),
        ("Ferry terminal opens late › Harbour News", ["Harbour News"], None),
        ("Ferry terminal opens late - Harbour News", ["https://www.harbour-news.com/"], None),
        # a name in the middle, or no site name: unchanged
        ("Harbour: Ferry terminal - Harbour News - opens", ["Harbour News"], "same"),
        ("Ferry terminal opens late | Port", ["Harbour News"], "same"),
        ("Ferry terminal opens late | Port", [None], "same"),
        # a "site name" as long as the rest is a headline trafilatura took for one
        ("Sacred Heart wins - Examiner.com", ["Sacred Heart wins"], "same"),
    ],
)
def test_the_site_name_is_cut_from_either_end(title, sites, expected):
    assert without_site_name(title, sites) == (
        title if expected == "same" else expected or "Ferry terminal opens late"
    )


def page(head_title: str, h1: str = "", site: str = "") -> str:
    meta = f"<meta property='og:title' content='{head_title}'>"
    meta += f"<meta property='og:site_name' content='{site}'>" if site else ""
    header = f"<header><h1>{h1}</h1></header>" if h1 else ""
    return (
        f"<html><head><title>{head_title}</title>{meta}</head><body>{header}"
        f"<main><article>{PROSE}</article></main></body></html>"
    )


def test_a_page_title_loses_the_site_name_when_no_part_is_shown():
    shown = page("Ferry terminal opens late | Harbour News", site="Harbour News")
    assert extract_html(shown).title == "Ferry terminal opens late"
    other = page("Ferry terminal opens late | Harbour News", site="Riverton Post")
    assert extract_html(other).title == "Ferry terminal opens late | Harbour News"


def test_a_part_shown_as_the_h1_comes_first():
    tree = html.fromstring(page("Opens late | Ferry terminal", h1="Opens late"))
    assert article_title("Opens late | Ferry terminal", [], tree, ["Opens late"]) == "Opens late"


def test_a_heading_sharing_only_small_words_with_the_page_title_gives_way():
    heading = (
        "<html><head><title>Why ferry terminals open late and who pays</title></head><body>"
        "<header><h1>Services and Resources</h1></header>"
        f"<main><article>{PROSE}</article></main></body></html>"
    )
    assert extract_html(heading).title == "Why ferry terminals open late and who pays"
    shared = heading.replace("Services and Resources", "Ferry Resources")
    assert extract_html(shared).title == "Ferry Resources"  # a word of content in common
