"""trafilatura's `extract_author`, with the same answer, in one walk over the page.

`trafilatura.metadata.extract_author` deep-copies the whole page, deletes from the copy the
elements `AUTHOR_DISCARD_XPATHS` find (comments, dates, figures, sidebars, ...), then
evaluates the three `AUTHOR_XPATHS` over the copy and takes the first element whose text is
2-120 characters long. Each of those five XPaths walks every element (about 1.5 ms each on
a 50 kB news page), so a page costs about 5.5 ms whether or not it names an author.

`page_author` walks the page once in Python and tests each element's name and attributes
against the same conditions (`AUTHOR_TESTS`, `DISCARD_TESTS`: one row per XPath, in its
order). An element the XPaths would find on the copy is one that matches on the page and
lies in no deleted element, since every condition reads only the element's own name and
attributes. For the candidates, in trafilatura's order, the text is taken as trafilatura
takes it: from a copy of the candidate alone, pruned by trafilatura's own
`prune_unwanted_nodes` with the same XPaths (a deletion joins a tail to the element before
it, which changes the text's spacing, so the text is not read from the page itself).

One condition reads more than attributes: `rel='me'` compares the string value of a child
element named `rel`, which a deletion inside it could change. A page with a `<rel>`
element goes to trafilatura's function itself. A test holds both equal on pages built to
reach every condition.

The tables were written from the XPaths of one trafilatura (the version constraints.txt
pins); `XPATH_DIGESTS` holds a digest of their source text. When the installed
trafilatura's XPaths differ, the tables may no longer say what they say, so `page_author`
hands every page to `extract_author` (the same answer, at its cost).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass

from lxml.etree import Element
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import extract_author, normalize_authors
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

#: trafilatura's `extract_metainfo(..., len_limit=120)` for authors.
LEN_LIMIT = 120

#: SHA-256 of the JSON list of the source texts of `AUTHOR_XPATHS` and of
#: `AUTHOR_DISCARD_XPATHS` in trafilatura 2.3.1, which `AUTHOR_TESTS` and
#: `DISCARD_TESTS` were written from.
XPATH_DIGESTS = (
    "dfcc7cde4ff66bf5096f07481c97a470583c02dc013897b6b791a17dd29f1230",
    "b6761f1fa241a06ce2ec6738cf06a3ec615de083ec2fc7edff97dfea3593266d",
)


def xpath_digest(xpaths: Sequence) -> str:
    """SHA-256 of the JSON list of the XPaths' source texts (`.path`), in order."""
    return hashlib.sha256(json.dumps([x.path for x in xpaths]).encode()).hexdigest()


def tables_match(author_xpaths: Sequence, discard_xpaths: Sequence) -> bool:
    """Whether these are the XPaths the tables were written from."""
    return (xpath_digest(author_xpaths), xpath_digest(discard_xpaths)) == XPATH_DIGESTS


#: Whether the installed trafilatura's XPaths are the ones the tables hold.
TABLES_MATCH = tables_match(AUTHOR_XPATHS, AUTHOR_DISCARD_XPATHS)


@dataclass(frozen=True)
class ElementTest:
    """One XPath of trafilatura's as a test of an element's name and attributes: the
    element's tag is one of `tags` (None: any), and it has an attribute in `equals` with
    one of its values, or in `contains` holding that text, or in `searches` where the
    regular expression is found (EXSLT `re:test` is Python's `re.search`); or its tag is
    one of `any_of_tags`, whatever its attributes."""

    tags: frozenset[str] | None
    equals: tuple[tuple[str, frozenset[str]], ...] = ()
    contains: tuple[tuple[str, str], ...] = ()
    searches: tuple[tuple[str, re.Pattern[str]], ...] = ()
    any_of_tags: frozenset[str] = frozenset()

    def __call__(self, tag: str, element) -> bool:
        if tag in self.any_of_tags:
            return True
        if self.tags is not None and tag not in self.tags:
            return False
        get = element.get
        for name, values in self.equals:
            if get(name) in values:
                return True
        for name, text in self.contains:
            value = get(name)
            if value is not None and text in value:
                return True
        for name, pattern in self.searches:
            value = get(name)
            if value is not None and pattern.search(value):
                return True
        return False


#: `trafilatura.xpaths.AUTHOR_XPATHS`, in order (without `rel='me'`: see the module text).
AUTHOR_TESTS: tuple[ElementTest, ...] = (
    ElementTest(
        tags=frozenset({"a", "address", "div", "link", "p", "span", "strong"}),
        equals=(
            ("rel", frozenset({"author"})),
            ("id", frozenset({"author"})),
            ("class", frozenset({"author"})),
            ("itemprop", frozenset({"author name"})),
            ("data-testid", frozenset({"AuthorCard", "AuthorURL"})),
        ),
        searches=(("class", re.compile("author-?name|AuthorName|authorName")),),
        any_of_tags=frozenset({"author"}),
    ),
    ElementTest(
        tags=frozenset({"a", "div", "h3", "h4", "p", "span"}),
        equals=(("class", frozenset({"byline", "username", "byl", "BBL"})),),
        contains=(("itemprop", "author"),),
        searches=(
            ("id", re.compile("author|zuozhe|bianji|xiaobian")),
            (
                "class",
                re.compile(
                    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
                    "journalist-name"
                ),
            ),
        ),
    ),
    ElementTest(
        tags=None,
        contains=(("data-component", "Byline"), ("itemprop", "author")),
        searches=(
            ("id", re.compile("[Aa]uthor")),
            ("class", re.compile("[Aa]uthor|screenname|writer|[Bb]yline")),
        ),
    ),
)

#: `trafilatura.xpaths.AUTHOR_DISCARD_XPATHS`: the first (below the page's root element
#: only: `.//*`), then `//time|//figure`.
DISCARD_TESTS: tuple[ElementTest, ...] = (
    ElementTest(
        tags=frozenset({"a", "div", "section", "span"}),
        equals=(
            ("id", frozenset({"comments"})),
            ("class", frozenset({"comments", "title", "date"})),
        ),
        contains=(("data-component", "Figure"),),
        searches=(
            ("id", re.compile("^comments|comment-?list|ProductReviews")),
            (
                "class",
                re.compile(
                    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|"
                    "embedly-instagram|article-(?:share|support)|print|category|meta-date|"
                    "meta-reviewer"
                ),
            ),
        ),
    ),
    ElementTest(tags=frozenset(), any_of_tags=frozenset({"time", "figure"})),
)

#: The attributes and tags the tests read: an element with neither matches no test.
READ_ATTRIBUTES = frozenset(
    name
    for test in (*AUTHOR_TESTS, *DISCARD_TESTS)
    for name, _ in (*test.equals, *test.contains, *test.searches)
)
ANY_ATTRIBUTE_TAGS = frozenset().union(*(t.any_of_tags for t in (*AUTHOR_TESTS, *DISCARD_TESTS)))

#: A tag whose element's text a condition reads (`rel='me'`): such a page goes to
#: trafilatura's function.
TEXT_READ_TAGS = frozenset({"rel"})


def page_author(tree) -> str | None:
    """The author `trafilatura.metadata.extract_author(tree)` gives, found in one walk
    (by `extract_author` itself when the installed trafilatura's XPaths are not the
    tables')."""
    if not TABLES_MATCH:
        return extract_author(tree)
    candidates: list[list] = [[] for _ in AUTHOR_TESTS]
    discarded = set()
    verdicts: dict[tuple, tuple[bool, tuple[int, ...]]] = {}  # a page repeats its classes
    for element in tree.iter(Element):  # elements only: no comments, instructions
        tag = element.tag
        if tag in TEXT_READ_TAGS:
            return extract_author(tree)
        if tag not in ANY_ATTRIBUTE_TAGS and READ_ATTRIBUTES.isdisjoint(element.keys()):
            continue
        key = (tag, *map(element.get, _READ_ORDER))
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = _verdict(tag, element)
        discard, found_by = verdict
        if discard and (element is not tree or any(t(tag, element) for t in DISCARD_TESTS[1:])):
            discarded.add(element)
        for n in found_by:
            candidates[n].append(element)
    for found in candidates:
        for element in found:
            if element in discarded or any(a in discarded for a in element.iterancestors()):
                continue
            pruned = prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)
            content = trim(" ".join(pruned.itertext()))
            if content and 2 < len(content) < LEN_LIMIT:
                return normalize_authors(None, content)
    return None


#: The attributes the tests read, in the order of a verdict's key.
_READ_ORDER = tuple(sorted(READ_ATTRIBUTES))


def _verdict(tag: str, element) -> tuple[bool, tuple[int, ...]]:
    """Whether an element of this name and these attributes is discarded (below the page's
    root), and the indexes of the `AUTHOR_TESTS` it matches."""
    discard = any(test(tag, element) for test in DISCARD_TESTS)
    return discard, tuple(n for n, test in enumerate(AUTHOR_TESTS) if test(tag, element))
