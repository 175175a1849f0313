"""Redaction flags: spans where a censor cut a number, a date or a name out of the text.

The rules are the table in `hzcorpus.redaction_rules`. `find_flags` runs them over a text
(skipping at once the rules whose `needs` strings the text lacks) and returns typed
`Span`s; it never edits the text. A span marks the gap with the few characters that
betray it: the bare `%` of "accounts for % of", the `.%` of "with .%", "approximately
minutes", "[date]", "a certain month and year". Overlapping hits are resolved to the most
confident one (then the longest), so a text position carries at most one flag.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from . import gap_scorer
from .document import FLAG_KINDS, Document, Span
from .pattern_prefixes import fold, hits_at, literal_prefixes
from .redaction_rules import RULES, RedactionRule, prefilter_text
from .rules import Rule, strings_automaton


@dataclass(frozen=True)
class FlagOptions:
    """Which redaction rules run, and how.

    `min_score`: rules less confident than this are skipped. `kinds`: the flag kinds
    reported. `skip_rules`: rule ids to leave out. `rules`: the rule table (add rows to it
    to extend the scanner). `prefilter`: skip a rule at once when the text holds none of
    its `needs` strings, and scan with a lookahead for the characters a hit can start
    with (False runs every rule's plain regex, the reference the tests and `bench/flag.py`
    compare with; the result is the same). `gap_model`: also ask the gap
    scorer (`hzcorpus.gap_scorer`) about double spaces and lone separators; its flags are
    `missing-number` with rule `model:gap-scorer` and the model's probability as score
    (a `GapModel` instead of True: ask that model, not the shipped one).
    """

    min_score: float = 0.5
    kinds: tuple[str, ...] = FLAG_KINDS
    skip_rules: frozenset[str] = field(default_factory=frozenset)
    rules: tuple[Rule, ...] = RULES
    prefilter: bool = True
    gap_model: bool | gap_scorer.GapModel = True

    @cached_property
    def _plan(self) -> tuple[tuple[Rule, ...], _Scan]:
        """The active rules and how to scan for them: built once per options object."""
        rules = self.active_rules()
        return rules, _Scan.of(rules, self.prefilter)

    def active_rules(self) -> tuple[Rule, ...]:
        """The rules these options run, in table order."""
        unknown = set(self.kinds) - set(FLAG_KINDS)
        if unknown:
            raise ValueError(f"unknown flag kinds: {', '.join(sorted(unknown))}")
        return tuple(
            rule
            for rule in self.rules
            if rule.kind in self.kinds
            and rule.score >= self.min_score
            and rule.id not in self.skip_rules
        )


def _mark_names(rule: Rule) -> tuple[str, ...]:
    """The span groups (`mark`, `mark2`, ...) of a rule's pattern, in pattern order."""
    if rule.pattern is None:
        raise ValueError(f"redaction rule {rule.id} needs a pattern, not a predicate")
    # from the parse tree: the scan compiles the guarded pattern, not this one
    return tuple(name for name in rule.group_names if name.startswith("mark"))


@dataclass(frozen=True)
class _Scan:
    """Per active rule its compiled regex and span groups, and the prefilter: one
    Aho-Corasick automaton over every rule's `needs` whose value for a need is the bit
    mask of the rules that need it, so that one pass over the lowered text tells which
    rules may fire (`always`: the mask of the rules without `needs`, or of all rules when
    the prefilter is off). With the prefilter, a second automaton over the rules'
    `literal_prefixes` (`starts`, valued (length, rule indices)) finds where their hits can
    start, and those rules are tried there alone (`hits_at`); the others scan the text."""

    regexes: tuple[re.Pattern[str], ...]
    marks: tuple[tuple[str, ...], ...]
    always: int
    automaton: Any
    starts: Any = None

    @classmethod
    def of(cls, rules: tuple[Rule, ...], prefilter: bool) -> _Scan:
        needs = [
            rule.needs if prefilter and isinstance(rule, RedactionRule) else () for rule in rules
        ]
        prefixes = [_selective_prefixes(rule) if prefilter else None for rule in rules]
        return cls(
            regexes=tuple(rule.guarded_regex if prefilter else rule.regex for rule in rules),
            marks=tuple(_mark_names(rule) for rule in rules),
            always=sum(1 << index for index, need in enumerate(needs) if not need),
            automaton=strings_automaton(needs),
            starts=_prefix_automaton(prefixes),
        )

    def may_fire(self, text: str) -> int:
        """The bit mask of the rules that may fire on `text`."""
        mask = self.always
        if self.automaton is not None:
            for _, bits in self.automaton.iter(prefilter_text(text)):
                mask |= bits
        return mask

    def _starts(self, text: str, mask: int) -> dict[int, list[int]]:
        """Per rule of `mask` tried by its prefixes: the sorted positions where one occurs."""
        if self.starts is None:
            return {}
        automaton, with_prefixes = self.starts
        found: dict[int, list[int]] = {index: [] for index in _bits(with_prefixes & mask)}
        if not found:
            return {}
        for end, (length, indices) in automaton.iter(fold(text)):
            for index in indices:
                starts = found.get(index)
                if starts is not None:
                    starts.append(end - length + 1)
        return {index: sorted(set(starts)) for index, starts in found.items()}

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """`(start, end, index of the rule)` of every hit, before overlaps are resolved."""
        mask = self.may_fire(text)
        starts = self._starts(text, mask)
        found = []
        for index in _bits(mask):
            names = self.marks[index]
            regex = self.regexes[index]
            at = starts.get(index)
            for match in regex.finditer(text) if at is None else hits_at(regex, at, text):
                for name in names:
                    if match.start(name) >= 0:
                        found.append((*match.span(name), index))
                        break
                else:
                    found.append((*match.span(), index))
        return found


def _bits(mask: int) -> Iterator[int]:
    """The indices of the bits set in `mask`, lowest first."""
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest


#: Letters rare enough in the languages redaction rules are written for (well under 1% of
#: the letters of English, German, Spanish and French text; on the 7.4 MB of text a real
#: build flags, `find_flags` ran 9% faster with the rules that have the prefix "x" looked
#: up than scanned) that a prefix of that one letter is still worth a look-up.
RARE_LETTERS = frozenset("x")


def _selective_prefixes(rule: Rule) -> frozenset[str] | None:
    """A rule's `literal_prefixes` when they are worth a look-up: not when one of them is
    a single letter or digit (its hits could start almost anywhere), but `RARE_LETTERS`."""
    prefixes = literal_prefixes(rule.pattern, rule.flags) if rule.pattern else None
    if prefixes is None or any(
        len(p) == 1 and p.isascii() and p.isalnum() and p not in RARE_LETTERS for p in prefixes
    ):
        return None
    return prefixes


def _prefix_automaton(prefixes: list[frozenset[str] | None]) -> tuple[Any, int] | None:
    """One Aho-Corasick automaton over the rules' prefixes, each valued (its length, the
    indices of the rules that have it), and the bit mask of the rules that have prefixes."""
    import ahocorasick

    rules: dict[str, list[int]] = {}
    for index, strings in enumerate(prefixes):
        for string in strings or ():
            rules.setdefault(string, []).append(index)
    if not rules:
        return None
    automaton = ahocorasick.Automaton()
    for string, indices in rules.items():
        automaton.add_word(string, (len(string), tuple(indices)))
    automaton.make_automaton()
    return automaton, sum(1 << i for i, p in enumerate(prefixes) if p is not None)


def find_flags(text: str, options: FlagOptions = FlagOptions()) -> list[Span]:
    """The redaction flags of `text`, sorted by (start, end), at most one per position.

    Offsets are Python string indices (code points): `text[span.start:span.end] ==
    span.match`.
    """
    if not text:
        return []
    rules, scan = options._plan
    # (start, end, score, rule id, kind, table order)
    found = {
        (start, end, rules[i].score, rules[i].id, rules[i].kind, i)
        for start, end, i in scan.hits(text)
        if end > start
    }
    if options.gap_model and "missing-number" in options.kinds:
        model = options.gap_model if options.gap_model is not True else None
        for start, end, p in gap_scorer.gaps(text, model):
            if p >= options.min_score:
                found.add(
                    (start, end, round(p, 3), gap_scorer.RULE_ID, "missing-number", len(rules))
                )
    # rule hits before the model's (it fills in where no rule reached), then the most
    # confident first, then longest, then leftmost, then table order
    hits = sorted(found, key=lambda h: (h[5] == len(rules), -h[2], h[0] - h[1], h[0], h[5]))
    starts: list[int] = []
    kept: list[tuple] = []
    for hit in hits:
        start, end = hit[0], hit[1]
        at = bisect_right(starts, start)
        if at and kept[at - 1][1] > start:  # overlaps the kept span before it
            continue
        if at < len(kept) and kept[at][0] < end:  # overlaps the kept span after it
            continue
        starts.insert(at, start)
        kept.insert(at, hit)
    return [Span(s, e, kind, rule, text[s:e], score) for s, e, score, rule, kind, _ in kept]


def flag_document(doc: Document, options: FlagOptions = FlagOptions()) -> Document:
    """A copy of `doc` with `flags` found in `doc.text` (the text itself is not changed)."""
    return replace(doc, flags=find_flags(doc.text, options))


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph (line) of `text` starts: 0, and the offset after each newline."""
    return [0, *(newline.end() for newline in re.finditer("\n", text))]


def damaged_paragraphs(
    item: Document | Mapping[str, Any], kinds: tuple[str, ...] = FLAG_KINDS
) -> list[int]:
    """Indices of the paragraphs (lines of `text`) that hold a flag of one of `kinds`.

    `item` is a `Document` or a dataset record (a mapping with `text` and `flags`, the
    flags as `Span`s or as dicts).
    """
    if isinstance(item, Document):
        text, flags = item.text, item.flags
    else:
        text, flags = item["text"] or "", item["flags"] or []
    line_starts = paragraph_starts(text)
    damaged = set()
    for flag in flags:
        start, kind = (
            (flag["start"], flag["kind"]) if isinstance(flag, Mapping) else (flag.start, flag.kind)
        )
        if kind in kinds:
            damaged.add(bisect_right(line_starts, start) - 1)
    return sorted(damaged)


def undamaged_text(item: Document | Mapping[str, Any], kinds: tuple[str, ...] = FLAG_KINDS) -> str:
    """`text` without its damaged paragraphs (see `damaged_paragraphs`)."""
    text = item.text if isinstance(item, Document) else item["text"] or ""
    drop = set(damaged_paragraphs(item, kinds))
    return "\n".join(p for i, p in enumerate(text.split("\n")) if i not in drop) if text else ""
