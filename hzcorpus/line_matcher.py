"""The line-rule matcher: the first rule of a table that fires on a line, found fast.

`clean.py` asks it for every line of a page-text dump (and every paragraph of an HTML
page). It answers as `Rule.hits`, rule by rule in table order, would; the speed comes
from running only the rules that can fire on the line (see `LineMatcher`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from .rules import Rule, strings_automaton


class LineMatcher:
    """The first rule of a table that fires on a line, as `Rule.hits` would find it.

    A line is first sorted by what can fire on it: its first character (the patterns,
    all anchored at the line start, that can start with it: `Rule.first_char`), its last
    character (the patterns whose hits all end at the line's end: `Rule.last_char`), its
    length (rules whose `max_chars`, or `longest_text`, it exceeds are out), the required
    strings it holds (`Rule.requires`, all found in one Aho-Corasick pass over the
    lowercased line) and the required character classes (`Rule.requires_chars`, one
    search each). The plan of each such key, made when first needed, holds the rules
    left, in table order; the first that fires is the line's rule.
    A line seen before (menus and footers repeat across a site's pages) is answered from
    a memo of the last `MEMO_LINES` distinct lines of at most `MEMO_LINE_CHARS`
    characters (furniture is short; a page's long lines would make the memo's memory
    depend on the pages rather than on its size).
    """

    MEMO_LINES = 1 << 16
    MEMO_LINE_CHARS = 200
    PLANS = 1 << 14  # plans kept at most (first and last characters, lengths, strings)
    _last: tuple[tuple[Rule, ...], LineMatcher] | None = None  # the last table asked for

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        for rule in rules:
            if rule.pattern is not None and not rule.pattern.startswith("^"):
                raise ValueError(f"rule {rule.id}: a line rule's pattern starts with ^")
        self._limits = [
            min(n for n in (r.max_chars, r.longest_text) if n is not None)
            if r.max_chars is not None or r.longest_text is not None
            else None
            for r in rules
        ]
        self._bounds = sorted({n for n in self._limits if n is not None})
        self._requires = strings_automaton(r.requires for r in rules)
        self._classes = [
            (
                re.compile(chars).search,
                sum(1 << i for i, r in enumerate(rules) if r.requires_chars == chars),
            )
            for chars in sorted({r.requires_chars for r in rules if r.requires_chars})
        ]
        self._plans: dict[tuple[str, str, int, int, int], _Plan] = {}
        self._memo: dict[str, int] = {}  # line -> index of its rule, -1 for none

    @staticmethod
    def of(rules: tuple[Rule, ...]) -> LineMatcher:
        """The matcher of a table (compiled once per table). The table of the last call is
        recognised by identity: hashing its rules (to find it by value) cost more than
        cleaning a short page."""
        last = LineMatcher._last
        if last is None or last[0] is not rules:
            last = LineMatcher._last = (rules, LineMatcher._by_value(rules))
        return last[1]

    @staticmethod
    @lru_cache(maxsize=8)
    def _by_value(rules: tuple[Rule, ...]) -> LineMatcher:
        return LineMatcher(rules)

    def _plan(self, key: tuple[str, str, int, int, int]) -> _Plan:
        """What may fire on the lines of a key (first and last character, length bucket,
        rules whose required strings and characters were found): `(index, test)` in
        table order."""
        first, last, bucket, strings, chars = key
        plan = []
        for i, rule in enumerate(self.rules):
            limit = self._limits[i]
            if limit is not None and self._bounds.index(limit) < bucket:
                continue
            if rule.requires and not strings >> i & 1:
                continue
            if rule.requires_chars and not chars >> i & 1:
                continue
            if rule.pattern is None:
                plan.append((i, rule.predicate))
            elif (not first or rule.first_char is None or rule.first_char.match(first)) and (
                not last or rule.last_char is None or rule.last_char.match(last)
            ):
                plan.append((i, rule.regex.match))
        if len(self._plans) >= self.PLANS:
            self._plans.clear()
        self._plans[key] = tuple(plan)
        return self._plans[key]

    def __call__(self, text: str) -> Rule | None:
        if len(text) > self.MEMO_LINE_CHARS:
            at = self._first(text)
        elif (at := self._memo.get(text)) is None:
            at = self._first(text)
            if len(self._memo) >= self.MEMO_LINES:
                self._memo.clear()
            self._memo[text] = at
        return self.rules[at] if at >= 0 else None

    def _first(self, text: str) -> int:
        """The index of the first rule that fires on `text`, -1 when none does."""
        key = self._key(text)
        for i, test in self._plans.get(key) or self._plan(key):
            if test is None or test(text):
                return i
        return -1

    def _key(self, text: str) -> tuple[str, str, int, int, int]:
        """What decides which rules may fire on `text` (see the class)."""
        strings = chars = 0
        if self._requires is not None:
            for _end, bits in self._requires.iter(text.lower()):
                strings |= bits
        for search, bits in self._classes:
            if search(text) is not None:
                chars |= bits
        last = text[-1:] if text[-1:] != "\n" else ""  # `$` may stand before a last newline
        return (text[:1], last, bisect_left(self._bounds, len(text)), strings, chars)


#: A matcher plan: `(index, test)` of the rules that may fire on a line, in table order; a
#: test is a pattern's `match`, a predicate, or None for a rule of required strings alone.
_Plan = tuple[tuple[int, Callable[[str], object] | None], ...]
