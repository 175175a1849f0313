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
_ZEROS = str.maketrans("123456789", "000000000")
_MULTIPLIER = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def lexical_text(text: str) -> str:
    """What the n-grams of `text` are taken from: its first `HEAD` characters, and its last
    `TAIL` after a cut mark when it is longer than both together (no line breaks)."""
    if len(text) > HEAD + TAIL:
        text = text[:HEAD] + _CUT + text[-TAIL:]
    return text.replace(_EDGE, " ")


def gram_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The hashed n-grams of the lines `texts`: each n-gram's bucket (0 .. 2**BITS - 1) and
    the index of its line. An n-gram may hold the line's start or end mark, not a mark
    inside it; the n-grams of each length are hashed as vectors over all lines at once."""
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    joined = _EDGE + _EDGE.join(map(lexical_text, texts)).lower().translate(_ZEROS) + _EDGE
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    points = points.astype(np.uint64)
    edge = points == ord(_EDGE)
    line = np.cumsum(edge) - 1  # a gram from a line's start mark is that line's
    edges_before = np.concatenate([[0], np.cumsum(edge)])
    buckets, lines = [], []
    for n in GRAMS:
        m = max(len(points) - n + 1, 0)
        h = np.full(m, n, dtype=np.uint64)
        for j in range(n):
            h = h * _MULTIPLIER + points[j : j + m]
        start = np.arange(m)
        # no mark inside an n-gram: the marks are at its ends or nowhere
        ok = ~edge if n == 1 else edges_before[start + n - 1] == edges_before[start + 1]
        h = h[ok]
        h ^= h >> np.uint64(29)
        h *= _MIX
        buckets.append((h >> np.uint64(64 - BITS)).astype(np.int64))
        lines.append(line[:m][ok])
    return np.concatenate(buckets), np.concatenate(lines)


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
