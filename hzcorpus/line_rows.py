"""The line model's features of a few lines of a page, in plain Python.

`line_model.line_features` builds a page's whole matrix with numpy: some 150 vector
operations whatever the page's size, most of their cost numpy's per-call overhead. The
cleaner needs a handful of rows of most pages (the lines around the article and the runs
of non-prose lines inside it, `clean.model_decides`), so `row_features` computes just
those: each row from its line and the few lines around it, and what rows need of the
whole page (the densest prose block, the prose lines' mean and median, prefix sums) once.
The values equal `line_features`' rows exactly: the same float operations in the same
order (numpy's where the order is numpy's: a mean, `log1p`); the tests compare both.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import eq, itemgetter, methodcaller, mul

import numpy as np

from .line_lexicon import Lexicon
from .line_matcher import LineMatcher
from .line_model import (
    CJK_PUNCT_RANGES,
    CLAUSE_MARKS,
    CLOSERS,
    CONTEXTS,
    FAR_NEIGHBOUR_FEATURES,
    FAR_NEIGHBOURS,
    FEATURES,
    FINAL_MARKS,
    HEAD_CHARS,
    LEXICAL_OFFSETS,
    LINK_LIKE,
    LIST_MARKER_AT,
    NEIGHBOUR_FEATURES,
    NEIGHBOURS,
    PROSE_RUN_GAP,
    RULE_KINDS,
    SEPARATOR,
    SHALLOW_FEATURES,
    WINDOW_FEATURES,
    WINDOWS,
    LineFacts,
    best_block,
    load_model,
)

# What `line_model`'s character classes count, as patterns: `\d` is `str.isdecimal`,
# `\w` is `str.isalnum` or "_", `\s` is `str.isspace`.
_DIGITS = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s]|_")
_CLAUSE = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")
#: The same classes of printable ASCII characters, as the bytes `bytes.translate` deletes to
#: count the rest (a C loop, where a pattern tests character by character).
_NOT_DIGIT = bytes(c for c in range(128) if not chr(c).isdecimal())
_NOT_PUNCT = bytes(c for c in range(128) if chr(c).isalnum() or chr(c).isspace())
_NOT_CLAUSE = bytes(c for c in range(128) if chr(c) not in CLAUSE_MARKS)
_NOT_UPPER = bytes(c for c in range(128) if not chr(c).isupper())
_CJK_BLOCKS = re.compile(
    "[" + "".join(f"{chr(lo)}-{chr(hi - 1)}" for lo, hi in CJK_PUNCT_RANGES) + "]"
)
#: Base features that `line_features` takes the `log1p` of (here: of the whole rows at
#: once, with numpy's `log1p`, which Python's `math.log1p` does not always equal).
_LOGGED = (
    "log_chars",
    "log_repeats",
    "best_block_distance",
    "boundaries_above",
    "prose_gap_above",
    "prose_gap_below",
    "log_nonprose_run",
    "log_list_run",
    "log_lines",
)
_LOGGED_AT = [FEATURES.index(name) for name in _LOGGED]


def row_features(
    facts: LineFacts, rows: Sequence[int], lexicon: Lexicon | None = None
) -> np.ndarray:
    """The rows `rows` of `line_features(facts, lexicon)` (one per index, in that order)."""
    return PageRows(facts, rows, lexicon).features(rows)


class PageRows:
    """Rows of `line_features(facts, lexicon)` among `rows`, asked for in parts (the
    cleaner scores a run's first lines before the rest): what they need of the whole page
    is worked out once. Only the lines of `rows` may be asked for."""

    def __init__(
        self, facts: LineFacts, rows: Sequence[int], lexicon: Lexicon | None = None
    ) -> None:
        self._page = _Page(facts, rows)
        self._texts = facts.texts
        self._lexicon = lexicon

    def features(self, rows: Sequence[int]) -> np.ndarray:
        """The rows `rows` (one per index, in that order)."""
        values = chain.from_iterable(map(self._page.row, rows))
        shallow = len(SHALLOW_FEATURES)
        matrix = np.fromiter(values, dtype=float, count=len(rows) * shallow)
        matrix = matrix.reshape(len(rows), shallow)
        matrix[:, _LOGGED_AT] = np.log1p(matrix[:, _LOGGED_AT])
        return np.column_stack([matrix, _lexical_rows(self._texts, rows, self._lexicon)])


def _lexical_rows(texts: list[str], rows: Sequence[int], lexicon: Lexicon | None) -> np.ndarray:
    """The `LEXICAL_FEATURES` columns of `rows`: the lexical scores of just the lines they
    need (a line's score does not depend on the other lines scored with it); the shipped
    lexicon's scores of short lines are kept (`_LEXICAL`)."""
    near = sorted({i + k for i in rows for k in LEXICAL_OFFSETS if 0 <= i + k < len(texts)})
    memo = _LEXICAL if lexicon is None else {}
    score_of = {j: score for j in near if (score := memo.get(texts[j])) is not None}
    if len(score_of) < len(near):
        new = [j for j in near if j not in score_of]
        scores = (lexicon or load_model().lexicon).scores([texts[j] for j in new]).tolist()
        score_of.update(zip(new, scores, strict=True))
        if lexicon is None:
            if len(_LEXICAL) >= LineMatcher.MEMO_LINES:
                _LEXICAL.clear()
            short = (j for j in new if len(texts[j]) <= LineMatcher.MEMO_LINE_CHARS)
            _LEXICAL.update((texts[j], score_of[j]) for j in short)
    return np.array(
        [[score_of.get(i + k, 0.0) for k in LEXICAL_OFFSETS] for i in rows], dtype=float
    ).reshape(len(rows), len(LEXICAL_OFFSETS))


#: The shipped lexicon's scores of the short lines scored last (`_lexical_rows`): text ->
#: score. Menus and widgets repeat across a site's pages; bounded like the line-rule
#: matcher's memo (`LineMatcher.MEMO_LINES` lines of at most `MEMO_LINE_CHARS`).
_LEXICAL: dict[str, float] = {}

_COLONS = (":", "：")
#: How far from a row the lines reach whose heads and sentence ends its row reads.
_REACH = max(*WINDOWS, *map(abs, NEIGHBOURS), *map(abs, FAR_NEIGHBOURS))
_HEAD_CHARS = itemgetter(slice(0, HEAD_CHARS))
_HEAD = methodcaller("replace", "\n", " ")
_STRIP_CLOSERS = methodcaller("rstrip", CLOSERS)
_ENDS_SENTENCE = methodcaller("endswith", FINAL_MARKS)
#: The one-hot columns of a line's rule kind (`_NO_RULE` for none or another kind) and of
#: its context removal (`_OTHER_CONTEXT` for a context not in `CONTEXTS`).
_RULE_ONE_HOT = {kind: tuple(kind == k for k in RULE_KINDS) for kind in RULE_KINDS}
_NO_RULE = (False,) * len(RULE_KINDS)
_CONTEXT_ONE_HOT = {
    None: (False,) * (len(CONTEXTS) + 1),
    **{context: (*(context == c for c in CONTEXTS), False) for context in CONTEXTS},
}
_OTHER_CONTEXT = (False,) * len(CONTEXTS) + (True,)
_NO_NEIGHBOUR = (0.0,) * len(NEIGHBOUR_FEATURES)
_NO_FAR_NEIGHBOUR = (0.0,) * len(FAR_NEIGHBOUR_FEATURES)


class _Page:
    """A page's lines and what the rows need of all of them: what C-level maps give for
    every line at once, what the rows' windows need for the lines in them, and the rest
    worked out for a line when a row first needs it."""

    def __init__(self, facts: LineFacts, rows: Sequence[int]) -> None:
        self.facts = facts
        self.n = n = len(facts.texts)
        units = np.asarray(facts.units, dtype=float)
        prose = np.asarray(facts.prose, dtype=float) > 0
        log_units = np.log1p(units)
        function = np.asarray(facts.function_share, dtype=float)
        self.log_units = log_units.tolist()
        self.function = function.tolist()
        self.prose = prose.tolist()
        self.start, self.end = best_block(np.where(prose, units, -np.minimum(units, 5.0) - 1.0))
        self.prose_at = np.flatnonzero(prose).tolist()
        # as `line_model._prose_context` takes them
        self.function_mean = float(function[prose].mean()) if self.prose_at else 0.0
        self.units_median = statistics.median(log_units[prose].tolist()) if self.prose_at else 0.0
        self.repeats = Counter(facts.texts)
        self.boundaries = list(accumulate(map(eq, facts.rule_kind, repeat("boundary")), initial=0))
        self.prose_chars = list(accumulate(map(mul, map(len, facts.texts), self.prose)))
        # heads and sentence ends of the lines within the rows' windows (the widest reach
        # of all neighbours and windows), a stretch at a time; other heads when needed
        self.heads: list[str | None] = [None] * n
        self.sentence_ends = [False] * n
        for lo, hi in _stretches(rows, _REACH, n):
            heads = list(map(_HEAD, map(_HEAD_CHARS, facts.texts[lo:hi])))
            self.heads[lo:hi] = heads
            self.sentence_ends[lo:hi] = map(_ENDS_SENTENCE, map(_STRIP_CLOSERS, heads))
        sums = {  # prefix sums from line 0 (a float sum's rounding depends on its start)
            "log_units": list(accumulate(self.log_units, initial=0.0)),
            "prose": list(accumulate(self.prose, initial=0)),
            "sentence_end": list(accumulate(self.sentence_ends, initial=0)),  # in the windows
        }
        self.window_sums = [sums[name] for name in WINDOW_FEATURES]
        self.title_case: list[float | None] = [None] * n
        self.listed: list[bool | None] = [None] * n
        self.nonprose_runs: list[range | None] = [None] * n
        self.list_runs: list[int | None] = [None] * n  # of the lines in a list

    def head(self, i: int) -> str:
        """Line i's first `HEAD_CHARS` characters, a line break in them a space."""
        head = self.heads[i]
        if head is None:
            head = self.heads[i] = _HEAD(self.facts.texts[i][:HEAD_CHARS])
        return head

    def title_case_share(self, i: int) -> float:
        """The share of line i's words that start with a capital."""
        share = self.title_case[i]
        if share is None:
            head = self.head(i)
            if head.isascii() and head.isprintable():  # only " " splits, in bytes too
                words = head.encode().split()
                upper = len(bytes(map(itemgetter(0), words)).translate(None, _NOT_UPPER))
            else:
                words = head.split()
                upper = sum(map(str.isupper, map(itemgetter(0), words)))
            share = self.title_case[i] = upper / max(len(words), 1)
        return share

    def list_marker(self, i: int) -> bool:
        """Whether line i starts with a list item's marker."""
        listed = self.listed[i]
        if listed is None:
            listed = self.listed[i] = LIST_MARKER_AT.match(self.head(i)) is not None
        return listed

    def nonprose_run(self, i: int) -> range:
        """The run of consecutive non-prose lines that line i is in (empty for prose)."""
        run = self.nonprose_runs[i]
        if run is None:
            run = range(i, i)
            if not self.prose[i]:
                before = bisect_left(self.prose_at, i)
                lo = self.prose_at[before - 1] + 1 if before else 0
                hi = self.prose_at[before] if before < len(self.prose_at) else self.n
                run = range(lo, hi)
                self.nonprose_runs[lo:hi] = [run] * (hi - lo)
        return run

    def list_run(self, i: int) -> int:
        """The length of the run of consecutive list items that line i is in (0 if none)."""
        length = self.list_runs[i]
        if length is None:
            if not self.list_marker(i):
                return 0
            lo, hi = i, i + 1
            while lo > 0 and self.list_marker(lo - 1):
                lo -= 1
            while hi < self.n and self.list_marker(hi):
                hi += 1
            length = hi - lo
            self.list_runs[lo:hi] = [length] * length
        return length

    def prose_gaps(self, i: int) -> tuple[int, int]:
        """Lines up to the nearest prose line above line i and down to the nearest below
        (the page's line count when there is none)."""
        at, n = self.prose_at, self.n
        above = bisect_left(at, i)
        below = bisect_right(at, i)
        return (i - at[above - 1] if above else n), (at[below] - i if below < len(at) else n)

    def row(self, i: int) -> list:
        """Line i's row of the feature matrix, numbers in `FEATURES`' order (the `_LOGGED`
        features before `log1p`; booleans and counts as they are: `np.fromiter` makes
        them floats)."""
        n, prose, texts = self.n, self.prose, self.facts.texts
        head = self.head(i)
        size = max(len(head), 1)
        if head.isascii():
            ascii_head = head.encode()
            digits = len(ascii_head.translate(None, _NOT_DIGIT))
            punct = len(ascii_head.translate(None, _NOT_PUNCT))
            clause = len(ascii_head.translate(None, _NOT_CLAUSE))
            cjk_punct = 0
        else:
            digits = len(_DIGITS.findall(head))
            punct = len(_PUNCT.findall(head))
            clause = len(_CLAUSE.findall(head))
            cjk_punct = sum(not (c.isalnum() or c.isspace()) for c in _CJK_BLOCKS.findall(head))
        up, down = self.prose_gaps(i)
        run = self.nonprose_run(i)
        top = run.start
        announced = bool(run) and (
            self.head(top).endswith(_COLONS) or (top > 0 and self.head(top - 1).endswith(_COLONS))
        )
        kind, context = self.facts.rule_kind[i], self.facts.context[i]
        before = self.prose_chars[i] - (len(texts[i]) if prose[i] else 0)
        start, end = self.start, self.end
        row = [  # BASE_FEATURES
            self.log_units[i],
            len(texts[i]),  # log_chars
            self.sentence_ends[i],
            self.function[i],
            self.facts.cjk[i],
            self.title_case_share(i),
            digits / size,  # digit_share
            punct / size,  # punct_share
            self.list_marker(i),
            min(len(SEPARATOR.findall(head)), 5),  # separators
            head.endswith(_COLONS),  # ends_colon
            head.upper() == head != head.lower(),  # all_caps
            LINK_LIKE.search(head) is not None,  # link_like
            prose[i],
            self.repeats[texts[i]] - 1,  # log_repeats
            i / max(n - 1, 1),  # position
            start <= i < end,  # in_best_block
            start - i if i < start else i - end + 1 if i >= end else 0,  # best_block_distance
            before / max(self.prose_chars[-1], 1.0),  # prose_before_share
            self.boundaries[i],  # boundaries_above
            clause / size,  # clause_share
            cjk_punct / size,  # cjk_punct_share
            min(up, 50),  # prose_gap_above
            min(down, 50),  # prose_gap_below
            up <= PROSE_RUN_GAP and down <= PROSE_RUN_GAP,  # in_prose_run
            len(run),  # log_nonprose_run
            self.list_run(i),  # log_list_run
            announced,  # announced_run
            self.function[i] - self.function_mean,  # function_vs_prose
            self.log_units[i] - self.units_median,  # units_vs_prose
            n,  # log_lines
            len(self.prose_at) / n,  # prose_line_share
            *_RULE_ONE_HOT.get(kind, _NO_RULE),  # rule_*
            *_CONTEXT_ONE_HOT.get(context, _OTHER_CONTEXT),  # context_*, context_other
        ]
        for k in NEIGHBOURS:  # NEIGHBOUR_FEATURES of each
            j = i + k
            if 0 <= j < n:
                row += (
                    self.log_units[j],
                    self.sentence_ends[j],
                    self.function[j],
                    prose[j],
                    self.title_case_share(j),
                )
            else:
                row += _NO_NEIGHBOUR
        for k in FAR_NEIGHBOURS:  # FAR_NEIGHBOUR_FEATURES of each
            j = i + k
            if 0 <= j < n:
                row += (self.sentence_ends[j], prose[j], self.list_marker(j))
            else:
                row += _NO_FAR_NEIGHBOUR
        for w in WINDOWS:  # the mean of each of WINDOW_FEATURES
            lo, hi = max(i - w, 0), min(i + w + 1, n)
            row += [(sums[hi] - sums[lo]) / (hi - lo) for sums in self.window_sums]
        return row


def _stretches(rows: Sequence[int], reach: int, n: int) -> list[tuple[int, int]]:
    """The lines within `reach` of any of `rows` (of a page of `n` lines), as `(start, end)`
    stretches in page order, none overlapping."""
    stretches: list[tuple[int, int]] = []
    for i in sorted(rows):
        lo, hi = max(i - reach, 0), min(i + reach + 1, n)
        if stretches and lo <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], hi))
        else:
            stretches.append((lo, hi))
    return stretches
