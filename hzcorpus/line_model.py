"""The line model: a small learned classifier that scores each line of a page as boilerplate.

Shallow text features of a line and of its neighbours (Kohlschütter et al., "Boilerplate
detection using shallow text features", WSDM 2010; jusText's context-sensitive classes):
words, characters, sentence end, share of function words (per language, CJK included),
title case, digits, punctuation, link- and menu-like shape, list markers, position in the
page, repeats, the distance to the densest run of prose, and what the rule table and the
cleaner's context passes said about the line. A small gradient-boosted tree ensemble
(trained by `scripts/train_line_model.py` on the development parts of the project's
development data; provenance in the model file) turns them into a score in [0, 1]; it is
evaluated here with numpy, all trees at once, a few vector operations per tree level.

Public API:

- `LineFacts`: what the cleaner measured per line (one object per page, arrays);
- `line_features(facts)`: the feature matrix, one row per line (`FEATURES` names the columns);
- `LineModel.scores(features)`: boilerplate scores; `LineModel.in_context(scores)` the same
  mixed with the neighbours' scores (jusText's context: a short line among prose reads as
  prose, one among menu rows as a menu row); `load_model()` the shipped model.

`hzcorpus.clean.line_scores(lines)` does all of it for a list of lines.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import repeat
from operator import itemgetter, methodcaller, ne

import numpy as np

from .line_lexicon import Lexicon

#: Rule kinds of `boilerplate.LINE_RULES` (a line's first hit), one-hot in the features.
RULE_KINDS = ("furniture", "edge", "boundary", "published", "byline", "toc")
#: Context removals of the cleaner's block passes, one-hot in the features; any other
#: context removal counts as "other".
CONTEXTS = ("outside-main", "before-title", "before-article", "after-article", "title")

#: The features of a line itself and of its place in the page.
BASE_FEATURES = (
    "log_units",
    "log_chars",
    "sentence_end",
    "function_share",
    "cjk",
    "title_case_share",
    "digit_share",
    "punct_share",
    "list_marker",
    "separators",
    "ends_colon",
    "all_caps",
    "link_like",
    "prose",
    "log_repeats",
    "position",
    "in_best_block",
    "best_block_distance",
    "prose_before_share",
    "boundaries_above",
    "clause_share",
    "cjk_punct_share",
    "prose_gap_above",
    "prose_gap_below",
    "in_prose_run",
    "log_nonprose_run",
    "log_list_run",
    "announced_run",
    "function_vs_prose",
    "units_vs_prose",
    "log_lines",
    "prose_line_share",
    *(f"rule_{k}" for k in RULE_KINDS),
    *(f"context_{c}" for c in CONTEXTS),
    "context_other",
)
#: Offsets of the neighbours whose `NEIGHBOUR_FEATURES` a line's row holds, the far
#: neighbours' `FAR_NEIGHBOUR_FEATURES`, and the reaches of the windows over whose lines
#: the `WINDOW_FEATURES` are averaged.
NEIGHBOURS = (-2, -1, 1, 2)
NEIGHBOUR_FEATURES = ("log_units", "sentence_end", "function_share", "prose", "title_case_share")
FAR_NEIGHBOURS = (-3, 3)
FAR_NEIGHBOUR_FEATURES = ("sentence_end", "prose", "list_marker")
WINDOWS = (3, 10)
WINDOW_FEATURES = ("log_units", "prose", "sentence_end")

#: Offsets of the lines whose lexical score (`Lexicon`) a line's row holds (0: its own).
LEXICAL_OFFSETS = (0, -1, 1)
#: The columns of the lexical scores, last in the matrix (`lexical_columns`).
LEXICAL_FEATURES = tuple("lexical" if k == 0 else f"lexical@{k:+d}" for k in LEXICAL_OFFSETS)
#: The columns that the text's shape and the page's layout give (`shallow_features`).
SHALLOW_FEATURES: tuple[str, ...] = (
    *BASE_FEATURES,
    *(f"{name}@{k:+d}" for k in NEIGHBOURS for name in NEIGHBOUR_FEATURES),
    *(f"{name}@{k:+d}" for k in FAR_NEIGHBOURS for name in FAR_NEIGHBOUR_FEATURES),
    *(f"{name}~{w}" for w in WINDOWS for name in WINDOW_FEATURES),
)
#: Column names of `line_features`.
FEATURES: tuple[str, ...] = (*SHALLOW_FEATURES, *LEXICAL_FEATURES)

#: A list item's marker, a separator of menu items, a link-like token.
LIST_MARKER_AT = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-•*·–—‣◦▪●])\s+")
SEPARATOR = re.compile(r"\s[|•·>»/]\s|\s\|\s?|\|")
LINK_LIKE = re.compile(r"https?://|www\.|@\w|\.(?:com|org|net|de)\b|#\w")
#: Quote marks and brackets that may follow a sentence's final mark.
CLOSERS = "'\"”’»)）」』"
FINAL_MARKS = tuple(".!?。！？…")
#: A line's first characters looked at (a long paragraph's shape shows in its head).
HEAD_CHARS = 600

# Character classes of `_char_classes`, bits of a 16-bit word per code point.
_DIGIT, _SPACE, _PUNCT, _UPPER, _LOWERS, _UPPERS, _SEPARATING, _CLAUSE, _CJK_PUNCT = (
    1 << i for i in range(9)
)
#: Marks inside a sentence: commas, semicolons, colons (Latin, CJK, full width).
CLAUSE_MARKS = ",;:，、；：﹐﹑"
#: CJK punctuation: the CJK symbols block and the full-width forms' punctuation.
CJK_PUNCT_RANGES = ((0x3000, 0x3040), (0xFF01, 0xFF20), (0xFF3B, 0xFF41), (0xFF5B, 0xFF66))
#: Code points from here on (private use, tags, unassigned) are all punctuation to Python.
_TABLE_END = 0x32400


@cache
def _char_classes() -> np.ndarray:
    """One 16-bit word per code point: digit (`\\d`), white space (`\\s`), punctuation or
    symbol (neither `\\w` nor white space, or "_"), upper case (`str.isupper`), changed by
    `str.lower`, changed by `str.upper`, the characters `SEPARATOR` can start with,
    clause marks (`CLAUSE_MARKS`) and CJK punctuation (`CJK_PUNCT_RANGES`). The last
    entry stands for every code point from `_TABLE_END` on."""
    chars = "".join(map(chr, range(_TABLE_END)))

    def where(test) -> np.ndarray:
        return np.fromiter(map(bool, map(test, chars)), dtype=bool, count=_TABLE_END)

    space = where(str.isspace)
    table = np.zeros(_TABLE_END + 1, dtype=np.uint16)
    table[:-1] = (
        where(str.isdecimal) * _DIGIT
        + space * _SPACE
        + ((~where(str.isalnum) & ~space) | (np.arange(_TABLE_END) == ord("_"))) * _PUNCT
        + where(str.isupper) * _UPPER
        + np.fromiter(map(ne, map(str.lower, chars), chars), dtype=bool) * _LOWERS
        + np.fromiter(map(ne, map(str.upper, chars), chars), dtype=bool) * _UPPERS
    )
    table[[ord(c) for c in "|•·>»/"]] |= _SEPARATING
    table[[ord(c) for c in CLAUSE_MARKS]] |= _CLAUSE
    for lo, hi in CJK_PUNCT_RANGES:
        block = table[lo:hi]  # a view: setting its items sets the table's
        block[(block & _PUNCT) > 0] |= _CJK_PUNCT
    table[-1] = _PUNCT
    return table


@dataclass
class LineFacts:
    """What the cleaner knows about each line of a page (all sequences of one length).

    `units` are words (two CJK characters count as one), `function_share` the share of
    function words (CJK: function characters), `prose` whether the line reads as prose,
    `rule_kind` the kind of the first rule that hit it (or None), `context` the id of the
    context removal the passes gave it (or None).
    """

    texts: list[str]
    units: np.ndarray
    function_share: np.ndarray
    cjk: np.ndarray
    prose: np.ndarray
    rule_kind: list[str | None]
    context: list[str | None]


def _flags(test, heads: list[str]) -> np.ndarray:
    """1.0 where `test(head)` is truthy (a compiled pattern's match or search, say)."""
    return np.fromiter(map(bool, map(test, heads)), dtype=float, count=len(heads))


def _shapes(texts: list[str]) -> dict[str, np.ndarray]:
    """Shape features that need the text, for all lines of a page at once.

    Title case, digits, punctuation, list marker, separators, colon end, all capitals,
    link-like, sentence end, of each line's first `HEAD_CHARS` characters. The lines are
    joined once into an array of code points, classed by one table look-up, and counted
    per line with numpy; patterns and string tests run through C-level maps, so no Python
    code runs per line or per character.
    """
    n = len(texts)
    heads = list(map(itemgetter(slice(0, HEAD_CHARS)), texts))
    joined = "\n".join(heads)
    if joined.count("\n") >= n:  # a line holding a break: it is a space here
        heads = [head.replace("\n", " ") for head in heads]
        joined = "\n".join(heads)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _char_classes()[np.minimum(points, _TABLE_END)]
    space = (classes & _SPACE) > 0
    starts = ~space & np.concatenate([[True], space[:-1]])  # each word's first character
    marks = np.zeros((len(points) + 1, 9), dtype=np.int32)  # a last row for an empty line
    marks[:-1] = np.column_stack(
        [
            starts,
            starts & ((classes & _UPPER) > 0),
            classes & _DIGIT,
            classes & _PUNCT,
            classes & _UPPERS,
            classes & _LOWERS,
            classes & _SEPARATING,
            classes & _CLAUSE,
            classes & _CJK_PUNCT,
        ]
    ).astype(bool)
    line_starts = np.concatenate([[0], np.flatnonzero(points == 10) + 1])
    words, upper, digits, punct, uppers, lowers, separating, clause, cjk_punct = np.add.reduceat(
        marks, line_starts, axis=0
    ).T.astype(float)
    size = np.maximum(np.fromiter(map(len, heads), dtype=float, count=n), 1.0)
    separators = np.zeros(n)
    at = np.flatnonzero(separating).tolist()
    separators[at] = [len(SEPARATOR.findall(heads[i])) for i in at]
    return {
        "title_case_share": upper / np.maximum(words, 1),
        "digit_share": digits / size,
        "punct_share": punct / size,
        "clause_share": clause / size,
        "cjk_punct_share": cjk_punct / size,
        "list_marker": _flags(LIST_MARKER_AT.match, heads),
        "separators": np.minimum(separators, 5.0),
        "ends_colon": _flags(methodcaller("endswith", (":", "：")), heads),
        "all_caps": ((uppers == 0) & (lowers > 0)).astype(float),
        "link_like": _flags(LINK_LIKE.search, heads),
        "sentence_end": _flags(
            methodcaller("endswith", FINAL_MARKS),
            list(map(methodcaller("rstrip", CLOSERS), heads)),
        ),
    }


def best_block(weights: np.ndarray) -> tuple[int, int]:
    """`(start, end)` of the stretch of lines with the largest sum of `weights` (the first
    such end, and the latest start for it; `(0, 0)` when no sum is positive)."""
    prefix = np.concatenate([[0.0], np.cumsum(weights)])
    lowest = np.minimum.accumulate(prefix)
    gain = prefix - lowest
    end = int(np.argmax(gain))
    if gain[end] <= 0:
        return 0, 0
    start = int(np.flatnonzero(prefix[:end] == lowest[end])[-1])
    return start, end


def _shifted(block: np.ndarray, offsets: tuple[int, ...]) -> list[np.ndarray]:
    """For each offset k, `block` (lines x columns) moved by k lines (the row of line i + k
    at i), zero past the ends; one padded copy serves all offsets."""
    n, reach = block.shape[0], max(map(abs, offsets))
    padded = np.zeros((n + 2 * reach, block.shape[1]))
    padded[reach : reach + n] = block
    return [padded[reach + k : reach + k + n] for k in offsets]


def _window_sums(block: np.ndarray, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum of `block` (a column, or lines x columns) over lines i - w .. i + w, and how
    many lines each sum holds (fewer at the page's ends)."""
    total = np.concatenate([np.zeros((1, *block.shape[1:])), np.cumsum(block, axis=0)])
    n = block.shape[0]
    index = np.arange(n)
    lo = np.maximum(index - w, 0)
    hi = np.minimum(index + w + 1, n)
    return total[hi] - total[lo], hi - lo


def _window_means(block: np.ndarray, w: int) -> np.ndarray:
    """Mean of each column of `block` over lines i - w .. i + w (fewer at the page's ends)."""
    sums, counts = _window_sums(block, w)
    return sums / counts[:, None]


def _gaps(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per line: how many lines up to the nearest flagged line above it, and down to the
    nearest below it (`len(flags)` when there is none)."""
    n = len(flags)
    at = np.flatnonzero(flags)
    index = np.arange(n)
    if not len(at):
        return np.full(n, n), np.full(n, n)
    above = np.searchsorted(at, index, side="left") - 1
    below = np.searchsorted(at, index, side="right")
    up = np.where(above >= 0, index - at[np.maximum(above, 0)], n)
    down = np.where(below < len(at), at[np.minimum(below, len(at) - 1)] - index, n)
    return up, down


def _run_lengths(flags: np.ndarray) -> np.ndarray:
    """Per line: the length of the run of consecutive flagged lines it is in (0 when it is
    not flagged)."""
    flagged = flags > 0
    edges = np.diff(np.concatenate([[0], flagged.astype(np.int8), [0]]))
    lengths = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    if not len(lengths):
        return np.zeros(len(flags))
    run = np.maximum(np.cumsum(edges[:-1] == 1) - 1, 0)  # the run a flagged line is in
    return np.where(flagged, lengths[run], 0).astype(float)


def _codes(values: list[str | None], names: tuple[str, ...]) -> np.ndarray:
    """Per value: its index in `names`, -1 for None, `len(names)` for any other value."""
    index = {None: -1, **{name: i for i, name in enumerate(names)}}
    return np.fromiter(map(index.get, values, repeat(len(names))), dtype=np.int64)


#: Lines up and down within which a prose line makes a line part of a run of prose.
PROSE_RUN_GAP = 3


def _announced(prose: np.ndarray, ends_colon: np.ndarray) -> np.ndarray:
    """1.0 for a non-prose line whose run of non-prose lines is announced by a colon: the
    run's first line or the line above the run ends with one ("Ingredients:", "Avoid these
    mistakes:" over a list)."""
    nonprose = ~prose
    starts = nonprose & ~np.concatenate([[False], nonprose[:-1]])
    first = np.flatnonzero(starts)
    if not len(first):
        return np.zeros(len(prose))
    above = np.concatenate([[False], ends_colon[:-1] > 0])
    announced = (ends_colon[first] > 0) | above[first]
    run = np.maximum(np.cumsum(starts) - 1, 0)  # the run a non-prose line is in
    return (nonprose & announced[run]).astype(float)


def _prose_context(base: dict[str, np.ndarray], prose: np.ndarray) -> dict[str, np.ndarray]:
    """Where a line stands towards the page's prose: lines up and down to the nearest
    prose line, whether prose is near on both sides, the runs of non-prose and of list
    lines it is in, its function-word share and length against the prose lines' (the page's
    prose voice: a short sentence or a key point reads like it, a headline or menu does not),
    whether a colon announces its non-prose run,
    and the page's size and share of prose."""
    n = len(prose)
    up, down = _gaps(prose)
    has_prose = bool(prose.any())
    function, units = base["function_share"], base["log_units"]
    return {
        "prose_gap_above": np.log1p(np.minimum(up, 50)),
        "prose_gap_below": np.log1p(np.minimum(down, 50)),
        "in_prose_run": ((up <= PROSE_RUN_GAP) & (down <= PROSE_RUN_GAP)).astype(float),
        "log_nonprose_run": np.log1p(_run_lengths(~prose)),
        "log_list_run": np.log1p(_run_lengths(base["list_marker"] > 0)),
        "announced_run": _announced(prose, base["ends_colon"]),
        "function_vs_prose": function - (function[prose].mean() if has_prose else 0.0),
        "units_vs_prose": units - (float(np.median(units[prose])) if has_prose else 0.0),
        "log_lines": np.full(n, np.log1p(n)),
        "prose_line_share": np.full(n, prose.mean()),
    }


def line_features(facts: LineFacts, lexicon: Lexicon | None = None) -> np.ndarray:
    """The feature matrix of a page: one row per line, columns named by `FEATURES`; the
    lexical scores are `lexicon`'s (None: the shipped model's)."""
    if not facts.texts:
        return np.zeros((0, len(FEATURES)))
    lexical = (lexicon or load_model().lexicon).scores(facts.texts)
    return np.column_stack([shallow_features(facts), lexical_columns(lexical)])


def lexical_columns(scores: np.ndarray) -> np.ndarray:
    """The `LEXICAL_FEATURES` columns of a page's lines from their lexical scores (in page
    order): each line's own and its `LEXICAL_OFFSETS` neighbours' (0 past the ends)."""
    return np.column_stack(_shifted(scores[:, None], LEXICAL_OFFSETS))


def shallow_features(facts: LineFacts) -> np.ndarray:
    """The `SHALLOW_FEATURES` columns of a page's matrix (one row per line)."""
    n = len(facts.texts)
    if n == 0:
        return np.zeros((0, len(SHALLOW_FEATURES)))
    units = np.asarray(facts.units, dtype=float)
    prose = np.asarray(facts.prose, dtype=float)
    chars = np.fromiter(map(len, facts.texts), dtype=float, count=n)
    counts = Counter(facts.texts)
    repeats = np.fromiter(map(counts.__getitem__, facts.texts), dtype=float, count=n) - 1.0
    prose_chars = prose * chars
    start, end = best_block(np.where(prose > 0, units, -np.minimum(units, 5.0) - 1.0))
    index = np.arange(n)
    distance = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    before = np.cumsum(prose_chars) - prose_chars
    kinds = _codes(facts.rule_kind, RULE_KINDS)
    contexts = _codes(facts.context, CONTEXTS)
    boundary = (kinds == RULE_KINDS.index("boundary")).astype(float)
    base = {
        **_shapes(facts.texts),
        "log_units": np.log1p(units),
        "log_chars": np.log1p(chars),
        "function_share": np.asarray(facts.function_share, dtype=float),
        "cjk": np.asarray(facts.cjk, dtype=float),
        "prose": prose,
        "log_repeats": np.log1p(repeats),
        "position": index / max(n - 1, 1),
        "in_best_block": ((index >= start) & (index < end)).astype(float),
        "best_block_distance": np.log1p(distance),
        "prose_before_share": before / max(prose_chars.sum(), 1.0),
        "boundaries_above": np.log1p(np.cumsum(boundary) - boundary),
    }
    base.update(_prose_context(base, prose > 0))
    for i, kind in enumerate(RULE_KINDS):
        base[f"rule_{kind}"] = (kinds == i).astype(float)
    for i, ctx in enumerate(CONTEXTS):
        base[f"context_{ctx}"] = (contexts == i).astype(float)
    base["context_other"] = (contexts == len(CONTEXTS)).astype(float)
    near = np.column_stack([base[name] for name in NEIGHBOUR_FEATURES])
    far = np.column_stack([base[name] for name in FAR_NEIGHBOUR_FEATURES])
    windowed = np.column_stack([base[name] for name in WINDOW_FEATURES])
    return np.column_stack(
        [
            *(base[name] for name in BASE_FEATURES),
            *_shifted(near, NEIGHBOURS),
            *_shifted(far, FAR_NEIGHBOURS),
            *(_window_means(windowed, w) for w in WINDOWS),
        ]
    )


#: Groups of the lines inside the article (`inside_groups`), each with its own removal
#: threshold in the model file (`LineModel.inside_thresholds`): lines in a CJK script and
#: the others. A group keeps inside decisions off (threshold 1) when the development data
#: has too few pages with article lines in it to choose one (the model has no evidence
#: there: the devdata has few Chinese pages).
INSIDE_GROUPS = ("cjk", "other")


def inside_groups(features: np.ndarray) -> np.ndarray:
    """The `INSIDE_GROUPS` index of each row of `features`."""
    return (features[:, FEATURES.index("cjk")] <= 0).astype(np.int64)


#: Rows that `LineModel.raw_scores` scores at once (its arrays hold rows x inner nodes).
_ROWS_AT_ONCE = 1024


@dataclass(frozen=True)
class _ExitTables:
    """A tree ensemble as bit masks (`LineModel.raw_scores`).

    One column per inner node, grouped by tree, each tree's group opened by a column that
    rules nothing out (so no group is empty): the node's `feature` and `threshold`, and
    `mask`, the bits of the tree's leaves that stay possible when a row fails the node's
    test (all but its left subtree's). `starts` are the groups' first columns, `value[t, r]`
    the value of tree t's r-th leaf from the left, `trees` the tree numbers 0..T-1, and
    `all_leaves` a mask with every bit set.
    """

    feature: np.ndarray
    threshold: np.ndarray
    mask: np.ndarray
    starts: np.ndarray
    value: np.ndarray
    trees: np.ndarray
    all_leaves: np.generic

    @classmethod
    def of(cls, model: LineModel) -> _ExitTables:
        """The tables of `model`'s trees."""
        left, right = model.left.tolist(), model.right.tolist()
        per_tree = [_leaves_and_tests(root, left, right) for root in model.roots.tolist()]
        width = max(len(leaves) for leaves, _ in per_tree)
        dtype = next(
            (t for t in (np.uint8, np.uint16, np.uint32, np.uint64) if width <= np.iinfo(t).bits),
            None,
        )
        if dtype is None:
            raise ValueError(f"the line model has a tree of {width} leaves: at most 64 are scored")
        every = (1 << width) - 1
        feature, threshold, mask, starts = [], [], [], []
        value = np.zeros((len(per_tree), width))
        for t, (leaves, tests) in enumerate(per_tree):
            starts.append(len(feature))
            feature.append(0)
            threshold.append(np.inf)
            mask.append(every)
            for node, left_leaves in tests:
                feature.append(int(model.feature[node]))
                threshold.append(float(model.threshold_at[node]))
                mask.append(every & ~sum(1 << r for r in left_leaves))
            value[t, : len(leaves)] = model.value[leaves]
        return cls(
            feature=np.array(feature, dtype=np.int64),
            threshold=np.array(threshold),
            mask=np.array(mask, dtype=dtype),
            starts=np.array(starts, dtype=np.int64),
            value=value,
            trees=np.arange(len(per_tree)),
            all_leaves=dtype(every),
        )


def _leaves_and_tests(root: int, left: list[int], right: list[int]) -> tuple[list[int], list]:
    """A tree's leaves (node numbers, left to right) and its inner nodes, each with the
    ranks of the leaves in its left subtree."""
    leaves: list[int] = []
    tests: list[tuple[int, range]] = []

    def under(node: int) -> range:
        if left[node] < 0:
            leaves.append(node)
            return range(len(leaves) - 1, len(leaves))
        first = under(left[node]).start
        middle = under(right[node]).start
        tests.append((node, range(first, middle)))
        return range(first, len(leaves))

    under(root)
    return leaves, tests


@dataclass(frozen=True)
class LineModel:
    """A gradient-boosted tree ensemble over `FEATURES`, as flat arrays per tree.

    Node arrays of all trees are concatenated; `roots[t]` is tree t's root. At an inner
    node, `x[feature] <= threshold` goes to `left`, else to `right`; a leaf (`left == -1`)
    adds `value` to the raw score, which starts at `baseline`. The score is the logistic of
    the sum: the probability that the line is boilerplate. `threshold` is the score at or
    above which the cleaner removes a line it would keep around the article,
    `inside_thresholds` the same inside the article, one per `INSIDE_GROUPS` group (1:
    the rules alone decide there), applied to the scores in context (`in_context`: a
    share `context_weight` of the mean score of the `context_reach` lines on each side),
    `rescue_threshold` the score under which it keeps a line the block passes dropped;
    `provenance` says what the model was trained on, `lexicon` scores the lines' words
    (the `LEXICAL_FEATURES`).
    """

    features: tuple[str, ...]
    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold_at: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    threshold: float
    inside_thresholds: tuple[float, ...]
    rescue_threshold: float
    provenance: dict
    lexicon: Lexicon
    context_weight: float = 0.0
    context_reach: int = 1

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        """The model from its JSON form (what `to_json` writes)."""
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the line model was trained on other features than this code makes")
        return cls(
            features=tuple(data["features"]),
            baseline=float(data["baseline"]),
            roots=np.array(data["roots"], dtype=np.int64),
            feature=np.array(data["feature"], dtype=np.int64),
            threshold_at=np.array(data["threshold_at"], dtype=float),
            left=np.array(data["left"], dtype=np.int64),
            right=np.array(data["right"], dtype=np.int64),
            value=np.array(data["value"], dtype=float),
            threshold=float(data["threshold"]),
            inside_thresholds=tuple(
                float(data["inside_thresholds"][group]) for group in INSIDE_GROUPS
            ),
            rescue_threshold=float(data["rescue_threshold"]),
            provenance=data.get("provenance", {}),
            lexicon=Lexicon.from_json(data["lexicon"]),
            context_weight=float(data["context_weight"]),
            context_reach=int(data["context_reach"]),
        )

    def to_json(self) -> dict:
        """The JSON form of the model (rounded, so the file is small and stable)."""
        return {
            "features": list(self.features),
            "baseline": round(self.baseline, 6),
            "threshold": round(self.threshold, 4),
            "inside_thresholds": {
                group: round(t, 4)
                for group, t in zip(INSIDE_GROUPS, self.inside_thresholds, strict=True)
            },
            "rescue_threshold": round(self.rescue_threshold, 4),
            "context_weight": round(self.context_weight, 4),
            "context_reach": self.context_reach,
            "roots": self.roots.tolist(),
            "feature": self.feature.tolist(),
            "threshold_at": [round(float(v), 6) for v in self.threshold_at],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(float(v), 6) for v in self.value],
            "provenance": self.provenance,
            "lexicon": self.lexicon.to_json(),
        }

    def raw_scores(self, features: np.ndarray) -> np.ndarray:
        """The ensemble's raw (log-odds) score of each row of `features`.

        Every tree's leaf is found at once, with no walk down the levels (QuickScorer,
        Lucchese et al., SIGIR 2015): each inner node whose test a row fails rules out the
        leaves of its left subtree, a bit mask over the tree's leaves in left-to-right
        order; the leftmost leaf that no failed test rules out (the lowest bit left in the
        AND of the masks) is the row's leaf. A dozen vector operations for any number of
        rows, on `_ROWS_AT_ONCE` rows at a time.
        """
        if features.shape[0] > _ROWS_AT_ONCE:
            parts = range(0, features.shape[0], _ROWS_AT_ONCE)
            return np.concatenate([self.raw_scores(features[i : i + _ROWS_AT_ONCE]) for i in parts])
        exits = self._exits
        passed = np.take(features, exits.feature, axis=1) <= exits.threshold
        masks = np.where(passed, exits.all_leaves, exits.mask)  # all ones where a test passes
        left = np.bitwise_and.reduceat(masks, exits.starts, axis=1)
        rank = np.frexp(left & (~left + 1))[1] - 1  # the lowest bit left
        return self.baseline + exits.value[exits.trees, rank].sum(axis=1)

    @cached_property
    def _exits(self) -> _ExitTables:
        """The trees as `raw_scores` reads them (see `_ExitTables`)."""
        return _ExitTables.of(self)

    @property
    def decides_inside(self) -> bool:
        """Whether any group's inside threshold lets the model remove a line."""
        return min(self.inside_thresholds) < 1.0

    def inside_limits(self, features: np.ndarray) -> np.ndarray:
        """The inside-the-article threshold of each row of `features` (by its group)."""
        return np.array(self.inside_thresholds)[inside_groups(features)]

    def scores(self, features: np.ndarray) -> np.ndarray:
        """The probability that each line (a row of `features`) is boilerplate."""
        return 1.0 / (1.0 + np.exp(-self.raw_scores(features)))

    def in_context(self, scores: np.ndarray) -> np.ndarray:
        """The scores of a page's lines (all of them, in order) in context: each line's own
        score mixed with the mean score of its neighbours (`context_score`)."""
        return context_score(scores, self.context_weight, self.context_reach)


def context_score(scores: np.ndarray, weight: float, reach: int) -> np.ndarray:
    """`(1 - weight) * score + weight * (mean score of the up to `reach` lines on each side)`,
    per line of a page (`scores` in page order; a line alone keeps its own score)."""
    if len(scores) == 0 or weight == 0:
        return scores
    sums, counts = _window_sums(scores, reach)
    others = counts - 1
    around = np.where(others > 0, (sums - scores) / np.maximum(others, 1), scores)
    return (1.0 - weight) * scores + weight * around


#: The shipped model file, inside the package.
MODEL_FILE = "line_model.json"


@cache
def load_model() -> LineModel:
    """The line model shipped with hzcorpus (`hzcorpus/models/line_model.json`)."""
    text = resources.files("hzcorpus.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel.from_json(json.loads(text))
