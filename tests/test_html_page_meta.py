"""`html_page_meta.page_metadata` gives the fields a record takes as trafilatura's
`extract_metadata` does: on the annotated pages and on generated ones."""

from __future__ import annotations

from copy import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.metadata import extract_metadata

from hzcorpus.html import HtmlOptions, _extractor, _parse
from hzcorpus.html_page_meta import page_metadata
from tests.conftest import DATA

FIELDS = ("title", "author", "url", "date", "sitename")
PAGES = sorted((DATA / "clean").glob("*.html"))


def both(html: str) -> tuple[tuple, tuple]:
    """(trafilatura's, page_metadata's) fields of a page parsed as `extract_html` parses it."""
    tree = _parse(html, HtmlOptions())
    params = _extractor(HtmlOptions()).date_params
    theirs = extract_metadata(copy(tree), date_config=params)
    ours = page_metadata(tree, params)
    return tuple(getattr(theirs, f) for f in FIELDS), tuple(getattr(ours, f) for f in FIELDS)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_the_annotated_pages_give_trafilaturas_fields(path):
    theirs, ours = both(path.read_text(encoding="utf-8"))
    assert ours == theirs


def test_the_tree_is_left_as_it_was():
    html = (DATA / "clean" / PAGES[0].name).read_text(encoding="utf-8")
    tree = _parse(html, HtmlOptions())
    from lxml import etree

    before = etree.tostring(tree)
    page_metadata(tree, _extractor(HtmlOptions()).date_params)
    assert etree.tostring(tree) == before


HEAD_PARTS = [
    "<title>Ferry terminal opens late | Harbour News</title>",
    "<title>Ferry terminal opens late - harbour.example</title>",
    "<title>  Ferry &amp; terminal  </title>",
    '<meta name="author" content="Jane Smith">',
    '<meta name="author" content="jsmith">',
    '<meta property="og:site_name" content="@harbournews">',
    '<meta property="og:site_name" content="harbour news">',
    '<meta property="og:title" content="Ferry terminal opens late">',
    '<meta property="article:published_time" content="2021-03-04T10:00:00Z">',
    '<meta name="date" content="2021-03-01">',
    '<link rel="canonical" href="https://www.harbour.example/2021/03/05/ferry">',
    '<link rel="canonical" href="/news/ferry">',
    '<meta property="og:url" content="https://harbour.example/news/ferry">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry",'
    ' "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2020-02-02"}'
    "</script>",
]
BODY_PARTS = [
    "<h1>Ferry terminal opens late</h1>",
    "<h1>Second heading</h1>",
    '<p class="byline">By Tom Brown</p>',
    '<span class="author-name">Maria Rossi</span>',
    '<div id="author">x</div>',
    '<time datetime="2019-07-08">July 8, 2019</time>',
    "<p>Published 12 May 2018 by the desk.</p>",
    '<div class="comments"><span class="author">Commenter Name</span></div>',
    "<h2>Sub heading</h2>",
    "<p>The harbour authority said on Monday that the new terminal would open in spring.</p>",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(HEAD_PARTS), max_size=5),
    st.lists(st.sampled_from(BODY_PARTS), min_size=1, max_size=6),
)
def test_generated_pages_give_trafilaturas_fields(head, body):
    html = f"<html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>"
    theirs, ours = both(html)
    assert ours == theirs


def test_a_date_without_its_day_is_the_1st_on_any_day():
    # htmldate reads "2007/12" with dateutil, which takes the missing day from today:
    # trafilatura's extract_metadata gives 2007-12-06 on the 6th. page_metadata gives the
    # 1st on every day (so does htmldate's own year-month pattern), so the same page gives
    # the same record whenever it is built.
    html = (
        "<html><body><span id='Article_publishDate'>2007/12</span>"
        "<p>The harbour authority said on Monday that the terminal would open.</p></body></html>"
    )
    tree = _parse(html, HtmlOptions())
    assert page_metadata(tree, _extractor(HtmlOptions()).date_params).date == "2007-12-01"


def test_htmldate_is_left_as_it_was():
    from htmldate import extractors

    before = extractors.dateutil_parse, extractors.get_external_parser
    both("<html><body><time datetime='2019-07-08'>July 8, 2019</time></body></html>")
    assert (extractors.dateutil_parse, extractors.get_external_parser) == before
