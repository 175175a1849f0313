"""`html_author.page_author` gives `trafilatura.metadata.extract_author`'s answer: on the
annotated pages and on generated pages that reach every condition of its XPaths, nested
inside each other and inside the elements trafilatura deletes first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.metadata import extract_author

from hzcorpus import html_author
from hzcorpus.html import HtmlOptions, _parse
from hzcorpus.html_author import AUTHOR_TESTS, DISCARD_TESTS, page_author, tables_match
from tests.conftest import DATA

TAGS = ["a", "address", "div", "link", "p", "span", "strong", "h3", "h4", "section", "li"]
TAGS += ["time", "figure", "author", "em", "rel"]
#: Values of each attribute a test reads: the conditions' own, near misses, and others.
VALUES = {
    "class": [
        "author", "author-name", "authorName", "AuthorName", "byline", "Byline", "username",
        "byl", "BBL", "channel-name", "zuozhe", "submitted-by", "posted-by", "writer",
        "journalist-name", "screenname", "comments", "Comments-box", "commentlist", "title",
        "date", "sidebar", "is-hidden", "quote", "article-share", "print", "category",
        "meta-date", "meta-reviewer", "xcomments", "authors", "byline x", "main", "",
    ],
    "id": ["author", "Author", "comments", "comments-2", "comment-list", "ProductReviews",
           "bianji", "xiaobian", "main", "x-comments", ""],
    "rel": ["author", "me", "nofollow"],
    "itemprop": ["author", "author name", "authorName", "name"],
    "data-testid": ["AuthorCard", "AuthorURL", "Card"],
    "data-component": ["Byline", "FigureBlock", "Figure", "Text"],
}  # fmt: skip
TEXTS = ["", "By", "Jane Doe", "Jane Doe and John Smith", "me", "x" * 130, "  Ann  Lee  "]


@st.composite
def elements(draw, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    names = draw(st.lists(st.sampled_from(sorted(VALUES)), max_size=2, unique=True))
    attrs = "".join(f' {n}="{draw(st.sampled_from(VALUES[n]))}"' for n in names)
    parts = [draw(st.sampled_from(TEXTS))]
    if depth < 3:
        for child in draw(st.lists(elements(depth + 1), max_size=3)):
            parts += [child, draw(st.sampled_from(TEXTS))]  # a tail after each child
    return f"<{tag}{attrs}>{''.join(parts)}</{tag}>"


def tree_of(html: str):
    return _parse(html, HtmlOptions())


@settings(max_examples=400, deadline=None)
@given(st.lists(elements(), min_size=1, max_size=4))
def test_generated_pages_give_trafilaturas_author(body):
    tree = tree_of(f"<html><head><title>T</title></head><body>{''.join(body)}</body></html>")
    assert page_author(tree) == extract_author(tree)


PAIRS = [(name, value) for name, values in VALUES.items() for value in values]


def test_each_tag_and_attribute_value_as_the_author_gives_trafilaturas_answer():
    for tag in TAGS:
        for name, value in PAIRS:
            html = f'<html><body><{tag} {name}="{value}">Jane Doe</{tag}></body></html>'
            tree = tree_of(html)
            assert page_author(tree) == extract_author(tree), html


def test_each_tag_and_attribute_value_around_the_author_gives_trafilaturas_answer():
    for tag in TAGS:
        for name, value in PAIRS:
            html = (
                f'<html><body><{tag} {name}="{value}"><span class="author">Troll Person</span>'
                f'</{tag}><p class="byline">Jane Doe</p></body></html>'
            )
            tree = tree_of(html)
            assert page_author(tree) == extract_author(tree), html


def test_the_root_element_is_not_deleted():
    from lxml.html import fragment_fromstring

    tree = fragment_fromstring('<div class="comments"><p class="byline">Jane Doe</p></div>')
    assert page_author(tree) == extract_author(tree) == "Jane Doe"


def test_the_annotated_pages_give_trafilaturas_author():
    pages = sorted((DATA / "clean").glob("*.html"))
    assert pages
    for path in pages:
        tree = tree_of(path.read_text(encoding="utf-8"))
        assert page_author(tree) == extract_author(tree), path.name


def test_a_deletion_inside_the_author_changes_its_spacing_as_trafilaturas_does():
    # the <time> goes, and its tail joins "Jane" with no space: "JaneDoe"
    html = '<html><body><p>x</p><div class="author">Jane<time>5 May</time>Doe</div></body></html>'
    tree = tree_of(html)
    assert page_author(tree) == extract_author(tree) == "JaneDoe"


def test_an_author_inside_a_deleted_element_is_passed_over():
    html = (
        '<html><body><div class="comments"><span class="author">Troll Person</span></div>'
        '<p class="byline">Jane Doe</p></body></html>'
    )
    tree = tree_of(html)
    assert page_author(tree) == extract_author(tree) == "Jane Doe"


def test_the_tables_hold_one_row_per_trafilatura_xpath():
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    assert len(AUTHOR_TESTS) == len(AUTHOR_XPATHS)
    assert len(DISCARD_TESTS) == len(AUTHOR_DISCARD_XPATHS)


def test_the_installed_trafilatura_has_the_xpaths_the_tables_were_written_from():
    # fails when constraints.txt moves to a trafilatura whose author XPaths changed:
    # rewrite the tables from the new XPaths and pin their digests
    assert html_author.TABLES_MATCH


def test_a_changed_xpath_sends_every_page_to_extract_author(monkeypatch):
    from types import SimpleNamespace

    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    first, *rest = AUTHOR_XPATHS
    changed = [SimpleNamespace(path=first.path.replace("'AuthorCard'", "'AuthorBox'")), *rest]
    assert tables_match(AUTHOR_XPATHS, AUTHOR_DISCARD_XPATHS)
    assert not tables_match(changed, AUTHOR_DISCARD_XPATHS)
    assert not tables_match(AUTHOR_XPATHS, AUTHOR_DISCARD_XPATHS[:1])

    calls = []
    monkeypatch.setattr(html_author, "TABLES_MATCH", tables_match(changed, AUTHOR_DISCARD_XPATHS))
    monkeypatch.setattr(html_author, "extract_author", lambda tree: calls.append(tree) or "X Y")
    tree = tree_of('<html><body><p class="byline">Jane Doe</p></body></html>')
    assert page_author(tree) == "X Y"
    assert calls == [tree]
