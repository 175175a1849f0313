"""The article's own title among what an HTML page offers: its JSON-LD headline, trafilatura's
pick (`og:title`, a single `<h1>`, the `<title>`) and the `<title>` itself.

A page's title often adds the site's name ("Ferry terminal delayed | Harbour News",
"INDUSTRIEMAGAZIN | Luftfahrtbranche hebt ab"); the article's title is the part the page
also shows as its h1 or a line of the text, else the title without the site's name at
either end (the name the page gives its site, or its host name: "reitschuster.de").
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from urllib.parse import urlsplit

from .html_meta import letters, shown_headline
from .words import UNSPACED_CHARS

#: A title's words when titles are compared: one Chinese or Japanese character, or a run of
#: two or more letters.
WORD = re.compile(f"[{UNSPACED_CHARS}]|[^\\W\\d_]{{2,}}")
#: A character of a script written without spaces (Chinese, Japanese).
UNSPACED = re.compile(f"[{UNSPACED_CHARS}]")
#: What stands between a title's parts ("Title | Site", "Title - Site", "Title › Site").
TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»›⋆:/]|::)\s+")
#: A host name's top-level domain ("reitschuster.de" is the site "reitschuster").
_DOMAIN_END = re.compile(r"\.[a-z]{2,6}$", re.I)


def article_title(
    title: str | None, lines: list[str], tree, site_names: Iterable[str | None] = ()
) -> str | None:
    """The article's own title: the JSON-LD headline when the page shows it as an h1 or a
    line of the text (`html_meta.shown_headline`); else `title` (trafilatura's pick, often
    a page's only h1), or the page's `<title>` instead when `title` shares no word of
    content (`_content`) with it and is shorter, as a site or section heading ("Allergies
    Health Center" over "Babies Who Eat Peanuts Early May Avoid Allergy") is, and a site's
    name alone ("kath.net") is not; and when the title has parts ("X | Site"), the part of
    it that is also the page's h1 or a line of the text; else the title without the parts
    at its ends that are one of `site_names` (the site's name, its URL or host name); and
    for a `<title>` taken so, its part of the most words."""
    shown = {" ".join(h1.text_content().split()) for h1 in tree.iter("h1")} | set(lines)
    headline = shown_headline(tree, shown)
    if headline:
        return headline
    head = head_title(tree)
    heading = False  # trafilatura's pick was a section heading
    if title and head:
        words, head_words = title_words(title), title_words(head)
        if not _content(words & head_words) and len(head_words) > len(words):
            title, heading = head, True
    if not title or TITLE_SEPARATOR.search(title) is None:
        return title
    found = shown_part(title, shown)
    if found is not None:
        return found
    title = without_site_name(title, site_names)
    if heading:  # the article's part of a "<title>": the longest
        return max(TITLE_SEPARATOR.split(title), key=lambda part: len(title_words(part))).strip()
    return title


def shown_part(title: str, shown: Container[str]) -> str | None:
    """The first part of `title` ("Part | Site") that is one of the `shown` texts (the
    page's h1s, its lines), if any."""
    parts = (part.strip() for part in TITLE_SEPARATOR.split(title))
    return next((part for part in parts if part and part in shown), None)


def without_site_name(title: str, site_names: Iterable[str | None]) -> str:
    """`title` without a first or last part that is one of `site_names` (compared by their
    letters and digits; a host name also without its top-level domain) and is shorter
    than the rest."""
    sites = set()
    for name in filter(None, site_names):
        name = urlsplit(name).hostname or name if "://" in name else name
        sites |= {letters(name), letters(_DOMAIN_END.sub("", name.removeprefix("www.")))}
    sites.discard("")
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators or not sites:
        return title
    first, last = separators[0], separators[-1]
    if _is_site(title[last.end() :], title[: last.start()], sites):
        title = title[: last.start()]
    if first.end() < len(title) and _is_site(title[: first.start()], title[first.end() :], sites):
        title = title[first.end() :]
    return title.strip()


def _is_site(part: str, rest: str, sites: set[str]) -> bool:
    """Whether `part` of a title is a site's name: one of `sites`, and shorter than the
    `rest` (trafilatura takes a site's name from the page's markup, which sometimes
    holds a headline instead)."""
    return letters(part) in sites and len(part.strip()) < len(rest.strip())


def head_title(tree) -> str | None:
    """The text of the page's first non-empty `<title>` in its head, if any."""
    head = tree.find("head")
    for element in head.iter("title") if head is not None else ():
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _content(words: set[str]) -> set[str]:
    """The `words` that carry content: of four letters or more, or CJK characters (not
    "and", "the", "der")."""
    return {word for word in words if len(word) >= 4 or UNSPACED.match(word)}


def title_words(text: str) -> set[str]:
    """The casefolded words of `text` (CJK characters one by one)."""
    return set(WORD.findall(text.casefold()))
