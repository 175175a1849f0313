"""Tables used for page layout: turned into divs before trafilatura reads the page, and
put back on the pages where that loses the article.

trafilatura's table handling (kept on purpose for data tables) would flatten a page laid
out with tables into one table row, so a layout table (`unwrap_layout_tables`) becomes a div.
On pages laid out with tables that can fail the other way: reading divs, trafilatura may
keep one cell of the layout and leave the article's other cells out (a page of puzzles,
one per cell, comes out as three of twelve). So when the lines extracted from the divs
hold less than `KEEP_SHARE` of the page's prose words, the page is extracted again with
its tables back (without trafilatura's fallback extractors), and those lines are kept
when the first hold less than `KEEP_SHARE` of theirs (`with_layout_tables`). The page's
prose, and the words in its tables, bound what the second reading can add, so a page the
divs serve is read once. On the development data: CleanEval F1 .869 -> .881, L3S-GN1
.868 -> .875, the other sets unchanged; about 5% more CPU on bench's 60 real pages
(bench/README.md, session 14).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .words import count_words

#: Elements inside a table that make it a layout table.
_LAYOUT_MARKERS = frozenset(("table", "h1", "h2", "article", "main", "nav", "form"))
#: A cell with more text than this is a page column, not a data cell.
_LAYOUT_CELL_CHARS = 400
#: The share of the prose words that the lines read from divs must hold of the lines read
#: with the tables back (and, first, of the page's: see the module docstring).
KEEP_SHARE = 0.8
#: A piece of text (a line, or a table row's cell) counts as prose from this many words
#: and with a sentence mark.
_PROSE_MIN_WORDS = 10
_SENTENCE_MARK = re.compile(r"[.!?。！？]")


@dataclass(frozen=True)
class Unwrapped:
    """The elements of a tree turned into divs, each with the tag it had."""

    elements: tuple[tuple[object, str], ...]

    def words(self) -> int:
        """The words in the tables (those inside another counted once)."""
        tables = {element for element, _ in self.elements}
        outer = [t for t in tables if not any(a in tables for a in t.iterancestors())]
        return sum(count_words(" ".join(t.itertext())) for t in outer)

    def restore(self) -> None:
        """Give the elements their tags back (the tables are tables again)."""
        for element, tag in self.elements:
            element.tag = tag

    def redo(self) -> None:
        """Turn the elements into divs again."""
        for element, _ in self.elements:
            element.tag = "div"


def unwrap_layout_tables(tree) -> Unwrapped:
    """Turn each table used for page layout into a div (its rows and cells keep their
    tags), and say which tables changed.

    A table is a layout table when it has no cells, holds another table, a top-level
    heading or a page section, a cell with more than `_LAYOUT_CELL_CHARS` characters of
    text, or only links.
    """
    changed: list[tuple[object, str]] = []
    for table in list(tree.iter("table")):
        marked = next(table.iterdescendants(*_LAYOUT_MARKERS), None) is not None
        if marked or _is_layout_table(list(table.iter("td", "th"))):
            changed.append((table, table.tag))
            table.tag = "div"
    return Unwrapped(tuple(changed))


def with_layout_tables(
    lines: list[str],
    page_texts: Iterable[str],
    unwrapped: Unwrapped,
    extract: Callable[[], list[str]],
) -> list[str]:
    """`lines` (read from the page with its layout tables as divs), or the lines `extract`
    reads from the page with its tables back when `lines` hold less than `KEEP_SHARE` of
    their prose words; `page_texts` are the page's visible blocks. The tree is left as
    the kept lines were read from it."""
    if not unwrapped.elements:
        return lines
    got = prose_words(lines)
    if got >= KEEP_SHARE * prose_words(page_texts):
        return lines
    if unwrapped.words() * KEEP_SHARE <= got * (1 - KEEP_SHARE):
        return lines  # too few words in the tables to make up the share
    unwrapped.restore()
    other = extract()
    if got < KEEP_SHARE * prose_words(other):
        return other
    unwrapped.redo()
    return lines


def prose_words(texts: Iterable[str]) -> int:
    """The words of the prose in `texts`: of each line, or each cell of a table row
    ("| a | b |"), with `_PROSE_MIN_WORDS` words or more and a sentence mark."""
    total = 0
    for text in texts:
        if len(text) < _PROSE_MIN_WORDS:  # too short to hold as many words
            continue
        for piece in text.split("|") if "|" in text else (text,):
            if _SENTENCE_MARK.search(piece) and (words := count_words(piece)) >= _PROSE_MIN_WORDS:
                total += words
    return total


def _is_layout_table(cells) -> bool:
    """Whether a table of `cells` that holds no table, heading or page section is there
    for the page's layout (see `unwrap_layout_tables`)."""
    if not cells:
        return True
    texts = [" ".join(cell.text_content().split()) for cell in cells]
    if any(len(text) > _LAYOUT_CELL_CHARS for text in texts):
        return True
    links = [" ".join(" ".join(a.text_content() for a in cell.iter("a")).split()) for cell in cells]
    link_bar = all(text == link for text, link in zip(texts, links, strict=True))
    return any(texts) and link_bar
