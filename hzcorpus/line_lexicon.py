"""The line model's lexical score: what a line's words say, where its shape says little.

Furniture that reads like prose (a teaser of another article, an author's bio, a caption
ending in a credit, "Foto: dpa") has the shape of article text; its words give it away.
Each line is cut into character n-grams (`GRAMS` long, of its first `HEAD` and last
`TAIL` characters, lower case, digits as 0, the line's start and end marked, so CJK text
without spaces needs no tokenizer), each n-gram is hashed (a fixed polynomial hash of its
code points, not Python's `hash`) into one of 2**`BITS` weights, and the score is a bias
plus the mean weight of the line's n-grams: the log-odds of a logistic regression
(trained by `scripts/train_line_model.py`) that the line is boilerplate. The line
model's trees take it, and the neighbours', as features (`line_model.LEXICAL_FEATURES`).

Weights are float16, so the sum of a line's weights is exact in float64 and a line's
score does not depend on the other lines scored with it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np

#: Lengths of the character n-grams hashed.
GRAMS = (1, 2, 3, 4, 5)
#: The characters of a line looked at: its first `HEAD` and, of a longer line, its last
#: `TAIL` (a caption's credit, a teaser's "more" are at its end).
HEAD, TAIL = 80, 40
#: The hash table has 2**BITS weights.
BITS = 16
#: Marks a line's start and end (and separates its head from its tail).
_EDGE = "\n"
_CUT = "\x1f"
_DIGIT_ONE = np.uint64(ord("1"))
_MULTIPLIER = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)
#: What the hash of an n-gram adds to that of its first n - 1 characters times
#: `_MULTIPLIER`, for n = 1, 2, ... (a hash starts at n: `_MULTIPLIER`**n, modulo 2**64).
_SEEDS = tuple(np.uint64(pow(int(_MULTIPLIER), n, 1 << 64)) for n in range(1, max(GRAMS) + 1))
#: The lengths up to the longest that are not hashed (rows of `gram_hashes`' array).
_SKIPPED = [n - 1 for n in range(1, max(GRAMS) + 1) if n not in GRAMS]


def lexical_text(text: str) -> str:
    """What the n-grams of `text` are taken from: its first `HEAD` characters, and its last
    `TAIL` after a cut mark when it is longer than both together (no line breaks)."""
    if len(text) > HEAD + TAIL:
        text = text[:HEAD] + _CUT + text[-TAIL:]
    return text.replace(_EDGE, " ")


def gram_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The hashed n-grams of the lines `texts`: each n-gram's bucket (0 .. 2**BITS - 1) and
    the index of its line, by length and then position. An n-gram may hold the line's
    start or end mark, not a mark inside it.

    All lengths are hashed at once, as the rows of one array over the lines' joined code
    points: the hash of the n-gram at a position follows from that of its first n - 1
    characters (`_SEEDS`), so each length costs three vector operations, whatever the lines."""
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    joined = _EDGE + _EDGE.join(map(lexical_text, texts)).lower() + _EDGE
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    m, longest = len(points), len(_SEEDS)
    padded = np.zeros(m + longest, dtype=np.uint64)  # past the end: no n-gram starts there
    padded[:m] = points
    padded[padded - _DIGIT_ONE <= 8] = ord("0")  # digits 1-9 as 0 (under "1": a wrapped sum)
    edge = padded == ord(_EDGE)
    marks = np.cumsum(edge)
    edges_before = marks - edge  # marks before each position
    hashes = np.empty((longest, m), dtype=np.uint64)
    np.add(padded[:m], _SEEDS[0], out=hashes[0])
    # no mark inside an n-gram (marks at its ends or nowhere: as many before its last
    # character as before its second), and its end inside the text
    ok = np.empty((longest, m), dtype=bool)
    for k in range(longest):  # the (k + 1)-grams, their hashes from the k-grams'
        if k:
            np.multiply(hashes[k - 1], _MULTIPLIER, out=hashes[k])
            hashes[k] += padded[k : k + m]
            hashes[k] += _SEEDS[k]
        np.equal(edges_before[k : k + m], edges_before[1 : m + 1], out=ok[k])
        ok[k, m - k :] = False
    ok[_SKIPPED] = False
    h = hashes[ok]
    del hashes, padded, edge, edges_before
    h ^= h >> np.uint64(29)
    h *= _MIX
    h >>= np.uint64(64 - BITS)  # under 2**BITS: the same number as a signed integer
    line = np.empty((longest, m), dtype=np.int64)
    np.subtract(marks[:m], 1, out=line)  # in every row: a start mark's line
    return h.view(np.int64), line[ok]


def gram_counts(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The n-gram features of `texts` as a sparse matrix's parts (`data, (row, column)`,
    duplicates summed by the matrix): each n-gram weighs 1 / the line's n-grams, so a
    linear model's score on a row is the bias plus the mean weight (`Lexicon.scores`)."""
    buckets, lines = gram_hashes(texts)
    per_line = np.bincount(lines, minlength=len(texts))
    return 1.0 / per_line[lines], lines, buckets


@dataclass(frozen=True)
class Lexicon:
    """A linear model over the hashed n-grams: `bias` and 2**BITS float16 `weights`."""

    bias: float
    weights: np.ndarray

    def scores(self, texts: list[str]) -> np.ndarray:
        """The lexical score (log-odds of boilerplate) of each line of `texts`."""
        buckets, lines = gram_hashes(texts)
        n = len(texts)
        sums = np.bincount(lines, weights=self.weights[buckets].astype(float), minlength=n)
        counts = np.bincount(lines, minlength=n)
        return self.bias + sums / np.maximum(counts, 1)

    @classmethod
    def from_json(cls, data: dict) -> Lexicon:
        """The lexicon from its JSON form (`to_json`)."""
        settings = (tuple(data["grams"]), data["bits"], tuple(data["head_tail"]))
        if settings != (GRAMS, BITS, (HEAD, TAIL)):
            raise ValueError(
                "the lexical weights were trained on other n-grams than this code makes"
            )
        raw = base64.b64decode(data["weights"])
        return cls(float(data["bias"]), np.frombuffer(raw, dtype="<f2").copy())

    def to_json(self) -> dict:
        """The JSON form: the settings it was trained with, the weights as base64 float16."""
        weights = np.asarray(self.weights, dtype="<f2")
        return {
            "grams": list(GRAMS),
            "bits": BITS,
            "head_tail": [HEAD, TAIL],
            "bias": round(self.bias, 6),
            "weights": base64.b64encode(weights.tobytes()).decode("ascii"),
        }
