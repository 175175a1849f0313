"""The literal strings every hit of a regular expression starts with, to find where it can hit.

Python's `re` tries a pattern such as `\\b(?:approximately|nearly|about) ...` at every
position of a text. When every hit starts with one of a few literal strings, one
Aho-Corasick pass over the text finds the only positions where a hit can start, and the
pattern is tried there alone (`hits_at`): the same hits as `finditer`, in the same order.

The strings are matched in `fold(text)`: the text in lower case, the few characters that
`re.IGNORECASE` takes for an ASCII letter (`IGNORECASE_ASCII`) mapped to that letter, one
character for one, so a position in the folded text is the same position in the text.
A literal's folded form is its lower case, so every character a literal matches folds to
it: as written, or ignoring case (then a character that `re` pairs with others beyond
lower case, such as "µ" and "μ", is left out of the strings).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .regex_tree import constants as _constants
from .regex_tree import parser as _parser

#: The characters other than ASCII letters that `re.IGNORECASE` matches to an ASCII letter
#: (a test checks this against every code point), and that letter.
IGNORECASE_ASCII: dict[str, str] = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
#: Longest string kept (a longer literal run adds no selectivity worth its cost).
MAX_CHARS = 16
#: Most strings kept per pattern; beyond this the pattern is scanned as before.
MAX_STRINGS = 400

_FOLD = str.maketrans(IGNORECASE_ASCII)


def fold(text: str) -> str:
    """`text` as the prefixes are found in: same length, in lower case (`str.lower`), the
    characters IGNORECASE takes for an ASCII letter mapped to it ("İ", whose lower case
    is two characters, the only one; a test checks every code point)."""
    lowered = text.lower()
    if len(lowered) == len(text) and "\u0131" not in text and "\u017f" not in text:
        return lowered
    return text.translate(_FOLD).lower()


def _literal(code: int, ignorecase: bool) -> str | None:
    """A pattern literal's folded form (its lower case), or None when it may match a
    character that folds otherwise: one `IGNORECASE_ASCII` maps, or, ignoring case
    (`ignorecase`), one that `re` pairs with characters beyond its lower case."""
    char = chr(code)
    if code < 128:
        return char.lower()
    if char in IGNORECASE_ASCII:
        return None
    lowered = char.lower()
    if ignorecase and (code in _paired_cases() or ord(lowered) in _paired_cases()):
        return None
    return lowered


@cache
def _paired_cases() -> frozenset[int]:
    """The characters `re.IGNORECASE` pairs with others beyond lower case (`re._casefix`)."""
    from re._casefix import _EXTRA_CASES

    return frozenset({*_EXTRA_CASES, *(c for cases in _EXTRA_CASES.values() for c in cases)})


def _zero_width(items) -> bool:
    """Whether a parsed sequence consumes nothing (anchors and lookarounds only)."""
    c = _constants
    for op, av in items:
        if op is c.SUBPATTERN:
            if not _zero_width(av[3]):
                return False
        elif op is c.BRANCH:
            if not all(_zero_width(b) for b in av[1]):
                return False
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return False
    return True


def _item(op, av, ignorecase: bool) -> tuple[set[str], bool] | None:
    """`(strings, whole)`: the folded strings a hit of one consuming item starts with and
    whether they are all of it (so the next item's strings may follow), or None.
    `ignorecase`: whether the item matches ignoring case."""
    c = _constants
    if op is c.LITERAL:
        char = _literal(av, ignorecase)
        return None if char is None else ({char}, True)
    if op is c.IN:
        chars = set()
        for kind, value in av:
            char = _literal(value, ignorecase) if kind is c.LITERAL else None
            if char is None:
                return None
            chars.add(char)
        return chars, True
    if op is c.SUBPATTERN:
        _group, add, remove, body = av
        if (add | remove) & ~re.IGNORECASE:
            return None
        inner = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _sequence(body, inner)
    if op is c.BRANCH:
        parts = [_sequence(b, ignorecase) for b in av[1]]
        if any(p is None for p in parts):
            return None
        return {s for p in parts for s in p[0]}, all(p[1] for p in parts)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
        inner = _sequence(av[2], ignorecase)
        return None if inner is None else (inner[0], False)
    return None


def _sequence(items, ignorecase: bool) -> tuple[set[str], bool] | None:
    """`(strings, whole)` of a parsed sequence, zero-width items skipped; None when its
    first consuming item is not a literal (or a group of them)."""
    strings = {""}
    whole = True
    for op, av in items:
        if op in (_constants.SUBPATTERN, _constants.BRANCH) and _zero_width([(op, av)]):
            continue
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue
        part = _item(op, av, ignorecase)
        if part is None:
            break
        strings = {(s + p)[:MAX_CHARS] for s in strings for p in part[0]}
        if len(strings) > MAX_STRINGS:
            return None
        if not part[1]:
            whole = False
            break
    else:
        return strings, whole
    return strings, False


def literal_prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Folded strings one of which every hit of `pattern` starts with (in `fold(text)`),
    or None when no such set is found (a hit may start with any character, or be empty)."""
    parsed = _parser.parse(pattern, flags)
    found = _sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    if found is None or "" in found[0]:
        return None
    return frozenset(found[0])


def hits_at(regex: re.Pattern[str], starts: list[int], text: str) -> Iterator[re.Match[str]]:
    """The hits `regex.finditer(text)` gives, found by trying `regex` only at `starts` (the
    sorted positions where one of its `literal_prefixes` occurs): a hit ends before the
    next one is looked for, as in `finditer`; hits are never empty (they hold a prefix)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = regex.match(text, start)
        if match is not None:
            end = match.end()
            yield match
