"""Rules as data: one `Rule` row per heuristic, with examples that must and must not match.

Modules that hold rule tables (boilerplate lines, redaction patterns) build them from this
row type; code walks the tables, and `rule_example_failures` lets the tests run every
example of every row. A new heuristic is a new row, not a new branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from .regex_tree import constants as _constants
from .regex_tree import parser as _parser


@dataclass(frozen=True)
class Rule:
    """One heuristic: a regular expression or a predicate over a string, and why it exists.

    `kind` is what a hit means to the stage that uses the table (a flag kind, a removal
    class); `score` is the confidence a hit carries. `match` are examples the rule must
    hit, `no_match` examples it must leave alone. `date` is what a hit says of the
    article's date, for the cleaner: `label` (a labelled publication date, preferred to a
    bare date line), `relative` (a relative date: the page is dated, but not by it).
    `after_headline` marks lines that follow a headline (a byline, a date, a share row, a
    contents heading): for the cleaner, a headline-like line followed by one is the title.

    Preconditions let a matcher skip a rule without running it: `max_chars` (the rule
    fires only on texts of at most this many characters), `requires` (lowercase strings,
    one of which the lowercased text must hold) and `requires_chars` (a character class,
    such as `\\d`, one of whose characters the text must hold). They are part of the
    rule: `hits` checks them first. A rule of `requires` alone, with neither pattern nor
    predicate, fires wherever one of its strings occurs. A predicate row's `gate` is a
    pattern (from `^`, with `flags`) that a text must match before the predicate runs:
    the facts a matcher reads off a pattern (`first_char`, `last_char`, `literals`,
    `longest_text`) are read off it, so most lines never reach the predicate.
    """

    id: str
    reason: str
    pattern: str | None = None
    predicate: Callable[[str], bool] | None = field(default=None, compare=False)
    kind: str = ""
    score: float = 1.0
    flags: int = re.IGNORECASE
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    date: str = ""
    after_headline: bool = False
    max_chars: int | None = None
    requires: tuple[str, ...] = ()
    requires_chars: str = ""
    gate: str | None = None

    def __post_init__(self) -> None:
        if self.pattern is not None and self.predicate is not None:
            raise ValueError(f"rule {self.id}: give a pattern or a predicate, not both")
        if self.gate is not None and (self.predicate is None or not self.gate.startswith("^")):
            raise ValueError(f"rule {self.id}: a gate is a pattern from ^ before a predicate")
        if self.pattern is None and self.predicate is None and not self.requires:
            raise ValueError(f"rule {self.id}: give a pattern, a predicate or required strings")
        if any(need != need.lower() or not need for need in self.requires):
            raise ValueError(f"rule {self.id}: required strings are lowercase, not empty")
        if self.requires_chars and not re.fullmatch(r"\\[dDsSwW]|\[[^\]]+\]", self.requires_chars):
            raise ValueError(f"rule {self.id}: required characters are one character class")

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (rules with a predicate have none)."""
        if self.pattern is None:
            raise TypeError(f"rule {self.id} is a predicate, not a pattern")
        return re.compile(self.pattern, self.flags)

    @cached_property
    def gate_regex(self) -> re.Pattern[str]:
        """The compiled `gate` (rules without one have none)."""
        if self.gate is None:
            raise TypeError(f"rule {self.id} has no gate")
        return re.compile(self.gate, self.flags)

    @property
    def _shape(self) -> str | None:
        """The pattern that the facts of a hit's shape are read off: the row's pattern, or
        its predicate's `gate`."""
        return self.pattern if self.pattern is not None else self.gate

    @cached_property
    def group_names(self) -> tuple[str, ...]:
        """The pattern's named groups in pattern order (`regex.groupindex`'s names), read
        from its parse tree without compiling it."""
        if self.pattern is None:
            raise TypeError(f"rule {self.id} is a predicate, not a pattern")
        return tuple(_parse(self.pattern, self.flags).state.groupdict)

    @cached_property
    def first_char(self) -> re.Pattern[str] | None:
        """A pattern matching every character a hit can start with, or None when a hit may
        start with any character (or be empty); for a predicate, those of its `gate`."""
        first = None if self._shape is None else first_chars(self._shape, self.flags)
        return None if first is None else re.compile(first, self.flags)

    @cached_property
    def guarded_regex(self) -> re.Pattern[str]:
        """`regex` behind a lookahead for `first_char` (as `guarded` does): the same hits."""
        return self.regex if self.pattern is None else guarded(self.pattern, self.flags)

    @cached_property
    def longest_text(self) -> int | None:
        """The longest text a hit can span (its pattern ends every branch at the text's end,
        without MULTILINE, and its hits have a bounded width; one more for a last newline
        that `$` may stand before), or None; for a predicate, that of its `gate`."""
        if self._shape is None or self.flags & re.MULTILINE:
            return None
        parsed = _parse(self._shape, self.flags)
        widest = parsed.getwidth()[1]
        if parsed.state.flags & re.MULTILINE or widest >= _constants.MAXREPEAT:
            return None
        return widest + 1 if _ends_at_end(list(parsed)) else None

    @cached_property
    def literals(self) -> frozenset[str]:
        """Strings one of which every hit of the pattern holds, as `fold` writes them: the
        text's `fold` holds one of them wherever the pattern fires. Empty when the pattern
        has no such strings of at least two characters (a Chinese character counts two);
        for a predicate, those of its `gate`."""
        if self._shape is None:
            return frozenset()
        found = _sequence_literals(_parse(self._shape, self.flags))
        return frozenset(found or ())

    @cached_property
    def last_char(self) -> re.Pattern[str] | None:
        """A pattern matching every character a hit can end with when every hit ends at the
        end of the text (`$` or `\\Z` closes each branch; without MULTILINE), or None when
        a hit may end elsewhere, may be empty, or is not modelled; for a predicate, that of
        its `gate`. A text that ends with a newline, which `$` may stand before, must not be
        judged by it.
        """
        if self._shape is None or self.flags & re.MULTILINE:
            return None
        parsed = _parse(self._shape, self.flags)
        if parsed.state.flags & re.MULTILINE:
            return None
        last = _end_atoms(list(parsed))
        return None if last is None else re.compile("|".join(last), self.flags)

    def admits(self, text: str) -> bool:
        """Whether `text` meets the rule's preconditions (`max_chars`, `requires`)."""
        if self.max_chars is not None and len(text) > self.max_chars:
            return False
        if self.requires_chars and re.search(self.requires_chars, text) is None:
            return False
        return not self.requires or any(need in text.lower() for need in self.requires)

    def hits(self, text: str) -> bool:
        """Whether the rule fires anywhere in `text`."""
        if not self.admits(text):
            return False
        if self.predicate is not None:
            gate = self.gate is None or self.gate_regex.match(text) is not None
            return gate and self.predicate(text)
        return self.pattern is None or self.regex.search(text) is not None


_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_NOT_DIGIT: r"\D",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_NOT_SPACE: r"\S",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)


def _item_atoms(op, av, reverse: bool = False) -> tuple[list[str], bool] | None:
    """`(atoms, can be empty)` of one parsed item, or None when not modelled: the atoms
    (one character each) are the characters the item can start with (with `reverse`: end
    with). Zero-width items (anchors, lookarounds) are skipped, so the atoms may only be
    too many, never too few."""
    c = _constants
    if op is c.LITERAL:
        return [re.escape(chr(av))], False
    if op is c.IN:
        return ([_char_class(av)], False) if _char_class(av) else None
    if op in _ZERO_WIDTH:
        return [], True
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        inner = _sequence_atoms(av[2], reverse)
        return None if inner is None else (inner[0], av[0] == 0 or inner[1])
    if op is c.SUBPATTERN:
        _group, add, remove, body = av
        inner = _sequence_atoms(body, reverse)
        if inner is None or (add | remove) & ~re.IGNORECASE:
            return None
        scope = "i" if add else "-i" if remove else ""
        return [f"(?{scope}:{a})" if scope else a for a in inner[0]], inner[1]
    if op is c.ATOMIC_GROUP:
        return _sequence_atoms(av, reverse)
    if op is c.BRANCH:
        branches = [_sequence_atoms(b, reverse) for b in av[1]]
        if any(b is None for b in branches):
            return None
        return [a for b in branches for a in b[0]], any(b[1] for b in branches)
    return None  # any character, back-references, conditionals


def _sequence_atoms(items, reverse: bool = False) -> tuple[list[str], bool] | None:
    """`(atoms, can be empty)` of a parsed sequence (walked from its end with `reverse`),
    or None when not modelled."""
    atoms: list[str] = []
    for op, av in reversed(list(items)) if reverse else items:
        first = _item_atoms(op, av, reverse)
        if first is None:
            return None
        atoms += first[0]
        if not first[1]:
            return atoms, False
    return atoms, True


def fold(text: str) -> str:
    """`text` lowercased, with the characters that a case-insensitive pattern takes as one
    written alike ("ſ" as "s", "ı" as "i", "ς" as "σ", …; "İ" lowercases to "i"), so that a
    pattern's `Rule.literals` are found in the `fold` of any text it fires on, in any
    case."""
    return fold_lowered(text.lower())


def fold_lowered(low: str) -> str:
    """`fold` of a text from its lowercase `low`."""
    if low.isascii() or _folded_chars().search(low) is None:
        return low
    return low.translate(_folds())


@cache
def _folded_chars() -> re.Pattern[str]:
    """The characters `fold` changes after lowercasing (in one class: a fast scan)."""
    return re.compile(f"[{re.escape(''.join(map(chr, _folds())))}]")


@cache
def _folds() -> dict[int, int | None]:
    """The translation of `fold`: each of the characters that `re` takes as one ignoring
    case (beyond lowercase, `re._casefix`) to the lowest of them, and the dot that
    lowercasing adds to "İ" ("i̇") to nothing."""
    from re._casefix import _EXTRA_CASES

    lowest: dict[int, int] = {}
    for char, others in _EXTRA_CASES.items():
        group = (char, *others)
        for member in group:
            lowest[member] = min(lowest.get(member, member), *group)
    return {**{c: low for c, low in lowest.items() if c != low}, 0x307: None}


#: The fewest characters a string of `Rule.literals` has (a character outside ASCII, such
#: as a Chinese one, counts two): shorter ones occur in too many lines to tell anything.
_LITERAL_MIN_WEIGHT = 2


def _literal_weight(text: str) -> int:
    return sum(1 if char.isascii() else 2 for char in text)


def _better_literals(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more telling of two sets of required strings: its shortest string the longer,
    then fewer strings; None (nothing required) loses to any set."""
    if a is None or b is None:
        return a if b is None else b
    rank_a = (min(map(_literal_weight, a)), -len(a))
    rank_b = (min(map(_literal_weight, b)), -len(b))
    return a if rank_a >= rank_b else b


def _sequence_literals(items) -> set[str] | None:
    """Strings (`fold`ed) one of which every hit of a parsed sequence holds, or None: the
    most telling of its runs of literal characters and of the sets its groups, branches
    and repeats of at least one require (each branch of an alternation must require a
    set: their union)."""
    c = _constants
    best: set[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:  # a last item that closes the last run
        if op is c.LITERAL and len(char := fold(chr(av))) == 1:
            run.append(char)
            continue
        if run:
            best = _better_literals(best, {"".join(run)})
            run = []
        inner: set[str] | None = None
        if op is c.SUBPATTERN:
            inner = _sequence_literals(av[3])
        elif op is c.ATOMIC_GROUP:
            inner = _sequence_literals(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _sequence_literals(av[2])
        elif op is c.BRANCH:
            branches = [_sequence_literals(branch) for branch in av[1]]
            if all(branches):
                inner = set().union(*branches)
        best = _better_literals(best, inner)
    if best is None or min(map(_literal_weight, best)) < _LITERAL_MIN_WEIGHT:
        return None
    return best


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A pattern (with `flags`) that matches every character a hit of `pattern` can start
    with, or None when a hit may start with any character (or be empty). Each character
    is named once (a list of words starting alike names its letter once per word, and
    every repeat costs compile time)."""
    first = _sequence_atoms(_parse(pattern, flags))
    if first is None or first[1]:  # not modelled, or a hit may be empty
        return None
    return "|".join(dict.fromkeys(first[0]))


@lru_cache(maxsize=1024)
def _parse(pattern: str, flags: int) -> _parser.SubPattern:
    """The parse tree of a pattern, made once for the facts read from it (first and last
    characters, literals, width); the readers leave it as it is."""
    return _parser.parse(pattern, flags)


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled behind a lookahead for the characters its hits can start with
    (`first_chars`): the same hits, but a search leaves most places at their first
    character instead of trying the whole pattern there."""
    first = first_chars(pattern, flags)
    return re.compile(pattern, flags) if first is None else _behind(first, pattern, flags)


def _behind(first: str, pattern: str, flags: int) -> re.Pattern[str]:
    """`pattern` compiled behind a lookahead for `first`."""
    return re.compile(f"(?={first})(?:{pattern})", flags)


def _without_closing_lookarounds(items: list) -> list:
    """A parsed sequence without the lookarounds at its end (they consume nothing)."""
    while items and items[-1][0] in (_constants.ASSERT, _constants.ASSERT_NOT):
        items = items[:-1]
    return items


def _ends_at_end(items: list) -> bool:
    """Whether every hit of a parsed sequence ends at the text's end (or before a last
    newline): `$` or `\\Z` closes it, or each branch of its last group."""
    c = _constants
    items = _without_closing_lookarounds(items)
    if not items:
        return False
    op, av = items[-1]
    if op is c.AT:
        return av in (c.AT_END, c.AT_END_STRING)
    if op is c.BRANCH:
        return all(_ends_at_end(list(b)) for b in av[1])
    return op is c.SUBPATTERN and _ends_at_end(list(av[3]))


def _end_atoms(items: list) -> list[str] | None:
    """The atoms of the last character of every hit of a parsed sequence when each hit
    ends at the text's end, or None (a hit may end elsewhere, be empty, or the sequence is
    not modelled). Lookarounds after the end anchor are skipped."""
    c = _constants
    items = _without_closing_lookarounds(items)
    if not items:
        return None
    op, av = items[-1]
    if op is c.AT and av in (c.AT_END, c.AT_END_STRING):
        last = _sequence_atoms(items[:-1], reverse=True)
        return None if last is None or last[1] else last[0]
    if op is c.BRANCH:
        branches = [_end_atoms(list(b)) for b in av[1]]
        return None if any(b is None for b in branches) else [a for b in branches for a in b]
    if op is c.SUBPATTERN:
        _group, add, remove, body = av
        inner = _end_atoms(list(body))
        if inner is None or (add | remove) & ~re.IGNORECASE:
            return None
        scope = "i" if add else "-i" if remove else ""
        return [f"(?{scope}:{a})" if scope else a for a in inner]
    return None


def _char_class(items) -> str | None:
    """The source of a parsed character class, or None when it holds what we do not model."""
    c = _constants
    parts = []
    for op, av in items:
        if op is c.NEGATE:
            parts.append("^")
        elif op is c.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is c.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None
    return f"[{''.join(parts)}]"


def rule_example_failures(
    rules: Iterable[Rule], hits: Callable[[Rule, str], bool] | None = None
) -> Iterator[tuple[str, str, str]]:
    """Yield `(rule id, example, expected)` for every example a rule gets wrong.

    `hits` decides whether a rule fires on an example (default `Rule.hits`); a table whose
    rules fire only in context (a whole line, a span with a gap) passes its own.
    """
    fires = hits or (lambda rule, text: rule.hits(text))
    ids: set[str] = set()
    for rule in rules:
        if rule.id in ids:
            yield rule.id, "", "a unique id"
        ids.add(rule.id)
        if not rule.match:
            yield rule.id, "", "at least one must-match example"
        for example in rule.match:
            if not fires(rule, example):
                yield rule.id, example, "match"
        for example in rule.no_match:
            if fires(rule, example):
                yield rule.id, example, "no match"


def strings_automaton(strings_per_rule: Iterable[Iterable[str]]) -> Any:
    """One Aho-Corasick automaton over the strings of a table's rules (the strings of the
    i-th rule at bit i): each string's value is the bit mask of the rules that hold it, so
    that one pass over a text tells which rules' strings occur in it. None when no rule has
    any."""
    import ahocorasick

    masks: dict[str, int] = {}
    for index, strings in enumerate(strings_per_rule):
        for string in strings:
            masks[string] = masks.get(string, 0) | 1 << index
    if not masks:
        return None
    automaton = ahocorasick.Automaton()
    for string, mask in masks.items():
        automaton.add_word(string, mask)
    automaton.make_automaton()
    return automaton
