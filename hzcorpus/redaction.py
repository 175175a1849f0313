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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from .document import FLAG_KINDS, Document, Span
from .redaction_rules import RULES, RedactionRule
from .rules import Rule


@dataclass(frozen=True)
class FlagOptions:
    """Which redaction rules run, and how.

    `min_score`: rules less confident than this are skipped. `kinds`: the flag kinds
    reported. `skip_rules`: rule ids to leave out. `rules`: the rule table (add rows to it
    to extend the scanner). `prefilter`: skip a rule at once when the text holds none of
    its `needs` strings (False runs every regex, the reference the tests and
    `bench/flag.py` compare with; the result is the same).
    """

    min_score: float = 0.5
    kinds: tuple[str, ...] = FLAG_KINDS
    skip_rules: frozenset[str] = field(default_factory=frozenset)
    rules: tuple[Rule, ...] = RULES
    prefilter: bool = True

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
    return _span_groups(rule.regex)


@cache
def _span_groups(regex: re.Pattern[str]) -> tuple[str, ...]:
    return tuple(name for name in regex.groupindex if name.startswith("mark"))


def _hits(text: str, rules: tuple[Rule, ...], prefilter: bool):
    """Yield `(start, end, index of the rule)` for every hit, before overlaps are resolved."""
    lowered = text.lower() if prefilter else ""
    for index, rule in enumerate(rules):
        if prefilter and isinstance(rule, RedactionRule) and not rule.may_fire(lowered):
            continue
        names = _mark_names(rule)
        for match in rule.regex.finditer(text):
            for name in names:
                if match.start(name) >= 0:
                    yield (*match.span(name), index)
                    break
            else:
                yield (*match.span(), index)


def find_flags(text: str, options: FlagOptions = FlagOptions()) -> list[Span]:
    """The redaction flags of `text`, sorted by (start, end), at most one per position.

    Offsets are Python string indices (code points): `text[span.start:span.end] ==
    span.match`.
    """
    rules = options.active_rules()
    if not rules or not text:
        return []
    # most confident first, then longest, then leftmost, then table order
    hits = sorted(
        {hit for hit in _hits(text, rules, options.prefilter) if hit[1] > hit[0]},
        key=lambda h: (-rules[h[2]].score, h[0] - h[1], h[0], h[2]),
    )
    starts: list[int] = []
    kept: list[tuple[int, int, int]] = []
    for start, end, index in hits:
        at = bisect_right(starts, start)
        if at and kept[at - 1][1] > start:  # overlaps the kept span before it
            continue
        if at < len(kept) and kept[at][0] < end:  # overlaps the kept span after it
            continue
        starts.insert(at, start)
        kept.insert(at, (start, end, index))
    return [Span(s, e, rules[i].kind, rules[i].id, text[s:e], rules[i].score) for s, e, i in kept]


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
