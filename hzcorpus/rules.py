"""Rules as data: one `Rule` row per heuristic, with examples that must and must not match.

Modules that hold rule tables (boilerplate lines, redaction patterns) build them from this
row type; code walks the tables, and `rule_example_failures` lets the tests run every
example of every row. A new heuristic is a new row, not a new branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Rule:
    """One heuristic: a regular expression or a predicate over a string, and why it exists.

    `kind` is what a hit means to the stage that uses the table (a flag kind, a removal
    class); `score` is the confidence a hit carries. `match` are examples the rule must
    hit, `no_match` examples it must leave alone.
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

    def __post_init__(self) -> None:
        if (self.pattern is None) == (self.predicate is None):
            raise ValueError(f"rule {self.id}: give exactly one of pattern and predicate")

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (rules with a predicate have none)."""
        if self.pattern is None:
            raise TypeError(f"rule {self.id} is a predicate, not a pattern")
        return re.compile(self.pattern, self.flags)

    def hits(self, text: str) -> bool:
        """Whether the rule fires anywhere in `text`."""
        if self.predicate is not None:
            return self.predicate(text)
        return self.regex.search(text) is not None


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
