"""The line-rule matcher: the first rule of a table that fires on a line, found fast.

`clean.py` asks it for every line of a page-text dump (and every paragraph of an HTML
page). It answers as `Rule.hits`, rule by rule in table order, would; the speed comes
from running only the rules that can fire on the line (see `LineMatcher`).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache, partial, reduce
from operator import itemgetter, or_

from .rules import Rule, fold_lowered, strings_automaton


class LineMatcher:
    """The first rule of a table that fires on a line, as `Rule.hits` would find it.

    A line is first sorted by what can fire on it: its first character (the patterns,
    all anchored at the line start, that can start with it: `Rule.first_char`), its last
    character (the patterns whose hits all end at the line's end: `Rule.last_char`), its
    length (rules whose `max_chars`, or `longest_text`, it exceeds are out), the strings it
    holds (`Rule.requires` in the lowercased line, and a pattern's `Rule.literals` in its
    `fold`: all found in one Aho-Corasick pass, two for the few lines whose `fold` is not
    their lowercase) and the required character classes (`Rule.requires_chars`, one search
    each). Each of these gives the bit mask of the rules it leaves in; the plan of the
    rules left by all of them (their masks' AND), made when first needed, holds those
    rules in table order, and the first that fires is the line's rule.
    A line seen before (menus and footers repeat across a site's pages) is answered from
    a memo of the last `MEMO_LINES` distinct lines of at most `MEMO_LINE_CHARS`
    characters (furniture is short; a page's long lines would make the memo's memory
    depend on the pages rather than on its size).
    """

    MEMO_LINES = 1 << 16
    MEMO_LINE_CHARS = 200
    PLANS = 1 << 14  # plans kept at most (one per mask of rules left)
    EDGE_CHARS = 1 << 12  # first and last characters whose masks are kept at most
    _last: tuple[tuple[Rule, ...], LineMatcher] | None = None  # the last table asked for

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        for rule in rules:
            if rule.pattern is not None and not rule.pattern.startswith("^"):
                raise ValueError(f"rule {rule.id}: a line rule's pattern starts with ^")
        everyone = (1 << len(rules)) - 1
        limits = [
            min(n for n in (r.max_chars, r.longest_text) if n is not None)
            if r.max_chars is not None or r.longest_text is not None
            else None
            for r in rules
        ]
        self._bounds = sorted({n for n in limits if n is not None})
        # the rules a line of each length bucket (`bisect_left` of its length) leaves in
        self._by_length = [
            _mask(limit is None or self._bounds.index(limit) >= bucket for limit in limits)
            for bucket in range(len(self._bounds) + 1)
        ]
        n = len(rules)
        classes = sorted({r.requires_chars for r in rules if r.requires_chars})
        self._classes = [
            (re.compile(chars).search, _mask(r.requires_chars == chars for r in rules))
            for chars in classes
        ]
        self._class_free = _mask(not r.requires_chars for r in rules)
        # the ASCII members of the classes that an ASCII line's strings tell (`_ascii_class`)
        in_strings = {chars: found for chars in classes if (found := _ascii_class(chars))}
        self._ascii_classes = [
            test
            for test, chars in zip(self._classes, classes, strict=True)
            if chars not in in_strings
        ]
        # found strings: `requires` at bits 0..n-1, `literals` at bits n..2n-1, and for an
        # ASCII line the characters of `in_strings` at bits 2n..3n-1
        self._strings = strings_automaton(
            [
                *(r.requires for r in rules),
                *self._literals(),
                *(in_strings.get(r.requires_chars, ()) for r in rules),
            ]
        )
        self._string_free = _mask(not r.requires for r in rules) | everyone << n
        self._string_free &= ~(_mask(bool(s) for s in self._literals()) << n)
        self._string_bound = everyone & ~(self._string_free & self._string_free >> n)
        # an ASCII line: the rules whose class its strings tell; another line: none
        told = _mask(r.requires_chars in in_strings for r in rules)
        self._ascii_free = self._string_free | (everyone & ~told) << 2 * n
        self._ascii_class_free = self._class_free | told
        self._ascii_bound = self._string_bound | told
        self._other_free = self._string_free | everyone << 2 * n
        self._everyone = everyone
        self._first_masks: dict[str, int] = {}
        self._last_masks: dict[str, int] = {}
        self._plans: dict[int, _Plan] = {}
        self._memo: dict[str, int] = {}  # line -> index of its rule, -1 for none

    def _literals(self) -> list[frozenset[str]]:
        """Each rule's `Rule.literals` (none for a rule with `requires`: those say more)."""
        return [frozenset() if r.requires else r.literals for r in self.rules]

    @staticmethod
    def of(rules: tuple[Rule, ...]) -> LineMatcher:
        """The matcher of a table (compiled once per table). The table of the last call is
        recognised by identity: hashing its rules (to find it by value) cost more than
        cleaning a short page."""
        last = LineMatcher._last
        if last is None or last[0] is not rules:
            last = LineMatcher._last = (rules, LineMatcher.by_value(rules))
        return last[1]

    @staticmethod
    @lru_cache(maxsize=8)
    def by_value(rules: tuple[Rule, ...]) -> LineMatcher:
        """The matcher of a table found by its rules' value (hashing them once per call)."""
        return LineMatcher(rules)

    def __call__(self, text: str) -> Rule | None:
        return self.first_hits([text])[0]

    def first_hits(self, texts: list[str], max_chars: int = sys.maxsize) -> list[Rule | None]:
        """The first rule that fires on each of `texts` (None where none does, or for a text
        of more than `max_chars` characters): a page's lines in one call, those the memo
        holds without a call each."""
        memo, rules, memo_chars = self._memo, self.rules, self.MEMO_LINE_CHARS
        hits: list[Rule | None] = []
        for text in texts:
            if len(text) > max_chars:
                hits.append(None)
                continue
            at = memo.get(text)
            if at is None:
                at = self._first(text)
                if len(text) <= memo_chars:
                    if len(memo) >= self.MEMO_LINES:
                        memo.clear()
                    memo[text] = at
            hits.append(rules[at] if at >= 0 else None)
        return hits

    def _first(self, text: str) -> int:
        """The index of the first rule that fires on `text`, -1 when none does."""
        mask = self._mask(text)
        plan = self._plans.get(mask)
        for i, test in self._plan(mask) if plan is None else plan:
            if test is None or test(text):
                return i
        return -1

    def _mask(self, text: str) -> int:
        """The bit mask of the rules that may fire on `text` (see the class)."""
        first, last = text[:1], text[-1:]
        mask = self._first_masks.get(first)
        if mask is None:
            mask = self._edge_mask(first, "first_char", self._first_masks)
        mask &= self._last_masks.get(last) or self._edge_mask(last, "last_char", self._last_masks)
        mask &= self._by_length[bisect_left(self._bounds, len(text))]
        ascii = text.isascii()
        chars = self._ascii_class_free if ascii else self._class_free
        for search, bits in self._ascii_classes if ascii else self._classes:
            if mask & bits and search(text) is not None:  # only for rules still in
                chars |= bits
        mask &= chars
        if mask & (self._ascii_bound if ascii else self._string_bound):  # look for strings
            low, n = text.lower(), len(self.rules)
            # the OR of the bits of every string found, in C (`reduce` over the hits)
            found = reduce(or_, map(_BITS, self._strings.iter(low)), 0)
            strings = found | (self._ascii_free if ascii else self._other_free)
            if not low.isascii() and (folded := fold_lowered(low)) != low:
                literals = self._everyone << n  # looked for in the fold
                strings |= reduce(or_, map(_BITS, self._strings.iter(folded)), 0) & literals
            mask &= strings & (strings >> n) & (strings >> 2 * n)
        return mask

    def _edge_mask(self, char: str, edge: str, masks: dict[str, int]) -> int:
        """The rules whose patterns can start (`edge` "first_char") or end ("last_char")
        with `char`, and the predicates; computed once per character and kept in `masks`.
        Every rule may fire on an empty line, and on one ending with a newline (`$` may
        stand before it)."""
        if char == "" or (char == "\n" and edge == "last_char"):
            mask = self._everyone
        else:
            mask = _mask(
                (test := getattr(rule, edge)) is None or test.match(char) is not None
                for rule in self.rules
            )
        if len(masks) >= self.EDGE_CHARS:
            masks.clear()
        masks[char] = mask
        return mask

    def _plan(self, mask: int) -> _Plan:
        """What may fire on the lines that leave the rules of `mask` in: `(index, test)` in
        table order."""
        plan = tuple((i, _test(rule)) for i, rule in enumerate(self.rules) if mask >> i & 1)
        if len(self._plans) >= self.PLANS:
            self._plans.clear()
        self._plans[mask] = plan
        return plan


#: The bits of an Aho-Corasick hit `(end, bits)`.
_BITS = itemgetter(1)


def _test(rule: Rule) -> Callable[[str], object] | None:
    """What a plan runs for a rule: its pattern's `match`, its predicate (behind its gate's
    `match`), or None for a rule of required strings alone."""
    if rule.pattern is not None:
        return rule.regex.match
    if rule.gate is not None and rule.predicate is not None:
        return partial(_gated, rule.gate_regex.match, rule.predicate)
    return rule.predicate


def _gated(gate: Callable[[str], object], predicate: Callable[[str], bool], text: str) -> bool:
    """Whether `text` passes a predicate row's gate, then its predicate."""
    return gate(text) is not None and predicate(text)


def _ascii_class(chars: str) -> frozenset[str]:
    """The ASCII characters of a `Rule.requires_chars` class, when whether an ASCII text
    holds one is whether its lowercase does (no member's other case is outside the class);
    else none (the class is searched for in every line)."""
    members = frozenset(c for c in map(chr, range(128)) if re.match(chars, c))
    closed = all(c.lower() in members and c.upper() in members for c in members)
    return members if closed else frozenset()


def _mask(bits: Iterable[bool]) -> int:
    """The bit mask with bit i set where the i-th of `bits` is true."""
    return sum(1 << i for i, bit in enumerate(bits) if bit)


#: A matcher plan: `(index, test)` of the rules that may fire on a line, in table order; a
#: test is a pattern's `match`, a predicate, or None for a rule of required strings alone.
_Plan = tuple[tuple[int, Callable[[str], object] | None], ...]
