"""How often real text has a number between two words: the gap scorer's number context.

Counted over intact sentences (`scripts/train_gap_scorer.py`, on the development part only):
for a word, how often a number follows it ("about 300", "rund 40", "达5") and how often one
precedes it ("300 people", "40 Euro", "5亿"); for a pair of words, how often a number stood
between them ("about _ people"). Words are lower-cased tokens between spaces with their edge
punctuation stripped; in Chinese, single characters. These rates tell "about  people" (a word
that takes a number before a word that follows one) from "talk about  people" typed twice.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

EDGE_PUNCT = ".,;:!?()[]\"'“”„«»‚‘’<>"
NUMBER = "#"  # the token that stands for a number in the counts
_NUMBER_TOKEN = re.compile(r"[-+±~$€£¥(]*\d[\d.,:/\-–]*%?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]")
_CJK_TOKENS = re.compile(r"[0-9０-９]+(?:[.,．][0-9０-９]+)*|[\u3400-\u9fff]")


def word_token(word: str) -> str:
    """A space-separated word as the counts see it: `#` for a number, else lower case
    without edge punctuation ("" for punctuation alone)."""
    if _NUMBER_TOKEN.fullmatch(word):
        return NUMBER
    return word.strip(EDGE_PUNCT).lower()


def tokens(text: str) -> list[str]:
    """The tokens of a sentence: CJK characters and digit runs in Chinese text, else words."""
    if _CJK_RUN.search(text):
        return [NUMBER if t[0].isdigit() else t for t in _CJK_TOKENS.findall(text)]
    return [t for t in map(word_token, text.split()) if t]


#: Tokens never counted: e-mail and web addresses (in the training sentences they are
#: someone's address, not word statistics).
_ADDRESS = re.compile(r"\S@\S|://|(?:^|\s)www\.")


@dataclass(frozen=True)
class NumberContext:
    """Counts per token: `seen` (as a word), `then_number` (a number follows it),
    `after_number` (it follows a number); per "left right" pair: `between` (a number stood
    between them) and `adjacent` (they stood side by side; kept only for the pairs with a
    number between them)."""

    seen: dict[str, int]
    then_number: dict[str, int]
    after_number: dict[str, int]
    between: dict[str, int]
    adjacent: dict[str, int]

    @classmethod
    def count(cls, sentences: Iterable[str], min_count: int = 2) -> NumberContext:
        """Count `sentences` (intact text); drop tokens seen fewer than `min_count` times."""
        seen: Counter = Counter()
        then_number: Counter = Counter()
        after_number: Counter = Counter()
        between: Counter = Counter()
        adjacent: Counter = Counter()
        for sentence in sentences:
            toks = tokens(sentence)
            for i, tok in enumerate(toks):
                if tok == NUMBER:
                    continue
                seen[tok] += 1
                nxt = toks[i + 1] if i + 1 < len(toks) else ""
                if nxt == NUMBER:
                    then_number[tok] += 1
                    if i + 2 < len(toks) and toks[i + 2] != NUMBER:
                        between[f"{tok} {toks[i + 2]}"] += 1
                elif nxt:
                    adjacent[f"{tok} {nxt}"] += 1
                if i and toks[i - 1] == NUMBER:
                    after_number[tok] += 1
        keep = {t for t, n in seen.items() if n >= min_count and not _ADDRESS.search(t)}
        lefts = {t for t in keep if then_number[t]}
        rights = {t for t in keep if after_number[t]}
        pairs = {p for p, n in between.items() if n >= min_count and not _ADDRESS.search(p)}
        return cls(
            seen={t: seen[t] for t in sorted(keep) if then_number[t] or after_number[t]},
            then_number={t: then_number[t] for t in sorted(lefts)},
            after_number={t: after_number[t] for t in sorted(rights)},
            between={p: between[p] for p in sorted(pairs)},
            adjacent={p: adjacent[p] for p in sorted(pairs) if adjacent[p]},
        )

    def to_json(self) -> dict:
        return {
            "seen": self.seen,
            "then_number": self.then_number,
            "after_number": self.after_number,
            "between": self.between,
            "adjacent": self.adjacent,
        }

    def rate_after(self, token: str) -> float | None:
        """How often a number follows `token` (None: too rare to say)."""
        n = self.seen.get(token)
        return None if n is None else self.then_number.get(token, 0) / n

    def rate_before(self, token: str) -> float | None:
        """How often `token` follows a number (None: too rare to say)."""
        n = self.seen.get(token)
        return None if n is None else self.after_number.get(token, 0) / n

    def rate_between(self, left: str, right: str) -> float | None:
        """Of the times `left` and `right` stood side by side or with a number between them,
        the share with the number (None: neither was counted)."""
        pair = f"{left} {right}"
        n, side_by_side = self.between.get(pair, 0), self.adjacent.get(pair, 0)
        return n / (n + side_by_side) if n or side_by_side else None


def rate_bin(rate: float | None) -> str:
    """A rate as a coarse bin for a feature name: `-` unknown, else a rounded log."""
    if rate is None:
        return "-"
    if rate <= 0:
        return "0"
    return str(max(-6, round(2 * math.log10(rate))))
