"""The gap scorer: is a double space or a stray separator where a number was cut?

A run of two spaces or a lone `.`, `,`, `:` or `/` between spaces is a *candidate*; alone it
proves nothing (typing slips, tokenised text, "Para . that"), so a small logistic model
weighs the words around it: their class in the lexicons (`hzcorpus.redaction_lexicons`:
unit, counted noun, magnitude, currency, month, quantifier), their shape (number, capital,
lower case, CJK, punctuation) and the words themselves ("for  years", "approximately
comments", "die . Euro"). The weights are `hzcorpus/data/gap_scorer.json`, trained by
`scripts/train_gap_scorer.py` on the development part of the cut sentences; plain Python,
no dependency. `gaps(text)` yields the candidates the model calls cuts.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .redaction_lexicons import lexicons

RULE_ID = "model:gap-scorer"
_SEPARATOR_GAP = re.compile(r" [.,:/]{1,3} ")
_CANDIDATE = re.compile(r"(?<=\S)(?: {2,}(?=\S)| [.,:/]{1,3}(?= \S))")
_LEFT_WORD = re.compile(r"\S+$")
_RIGHT_WORD = re.compile(r"\S+")
_LEFT_TWO = re.compile(r"(\S+)\s+\S+$")
_RIGHT_TWO = re.compile(r"\S+\s+(\S+)")
_EDGE_PUNCT = ".,;:!?()[]\"'“”„«»‚‘’<>"
_CJK = re.compile(r"[\u3400-\u9fff]")
_CLASS_OF_FIELD = {
    "time_units": "time",
    "measure_units": "measure",
    "count_nouns": "count",
    "magnitudes": "magnitude",
    "currency_words": "currency",
    "currency_signs": "currency-sign",
    "months": "month",
    "weekdays": "weekday",
    "quantifiers": "quantifier",
}


@cache
def _word_classes() -> dict[str, str]:
    """Word -> lexicon class; lower-case words also match capitalised ('About')."""
    classes: dict[str, str] = {}
    for lexicon in lexicons().values():
        for field, name in _CLASS_OF_FIELD.items():
            for word in getattr(lexicon, field):
                classes.setdefault(word, name)
                if word.islower():
                    classes.setdefault(word.capitalize(), name)
    return classes


def token_class(token: str) -> str:
    """The class of a word next to a gap: a lexicon class, or its shape."""
    if not token:
        return "none"
    known = _word_classes().get(token) or _word_classes().get(token.rstrip("."))
    if known:
        return known
    core = token.strip(_EDGE_PUNCT)
    if not core:
        return "punct"
    known = _word_classes().get(core)
    if known:
        return known
    if any(c.isdigit() for c in core):
        return "num"
    if _CJK.match(core):
        return "cjk"
    if core[0].isupper():
        return "cap"
    return "low" if core[0].islower() else "other"


def _shape(gap: str) -> str:
    stripped = gap.strip()
    if not stripped:
        return "sp2" if len(gap) == 2 else "sp3"
    return "sep" + stripped[0]


def features(text: str, start: int, end: int) -> list[str]:
    """The feature names of the candidate gap `text[start:end]`."""
    left_match = _LEFT_WORD.search(text, max(0, start - 40), start)
    right_match = _RIGHT_WORD.match(text, end)
    left = left_match.group() if left_match else ""
    right = right_match.group() if right_match else ""
    left2 = _LEFT_TWO.search(text, max(0, start - 60), start)
    right2 = _RIGHT_TWO.match(text, end, end + 60)
    shape, lc, rc = _shape(text[start:end]), token_class(left), token_class(right)
    l2c = token_class(left2.group(1)) if left2 else "none"
    r2c = token_class(right2.group(1)) if right2 else "none"
    lw, rw = left.strip(_EDGE_PUNCT).lower(), right.strip(_EDGE_PUNCT).lower()
    ends = "p" if left and left[-1] in _EDGE_PUNCT else "w"
    plural = "s" if rc == "low" and rw.endswith("s") else "-"
    return [
        f"L2={l2c}",
        f"R2={r2c}",
        f"RR2={rc}|{r2c}",
        f"L2L={l2c}|{lc}",
        f"Rpl={plural}|{lc}",
        "bias",
        f"s={shape}",
        f"L={lc}",
        f"R={rc}",
        f"Lw={lw}",
        f"Rw={rw}",
        f"LR={lc}|{rc}",
        f"sL={shape}|{lc}",
        f"sR={shape}|{rc}",
        f"sLR={shape}|{lc}|{rc}",
        f"Le={ends}|{shape}",
    ]


@dataclass(frozen=True)
class GapModel:
    """Logistic weights over `features`; a gap is a cut when its probability >= threshold."""

    weights: dict[str, float]
    threshold: float

    def probability(self, names: list[str]) -> float:
        total = sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


@cache
def shipped_model() -> GapModel:
    """The model in `hzcorpus/data/gap_scorer.json`."""
    path = resources.files("hzcorpus") / "data" / "gap_scorer.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return GapModel(weights=raw["weights"], threshold=raw["threshold"])


def candidates(text: str) -> Iterator[tuple[int, int]]:
    """`(start, end)` of every double space or lone separator between words."""
    for match in _CANDIDATE.finditer(text):
        yield match.span()


def gaps(text: str, model: GapModel | None = None) -> Iterator[tuple[int, int, float]]:
    """`(start, end, probability)` of the candidates the model calls cuts; the span runs
    from the word before the gap to the word after it."""
    if "  " not in text and not _SEPARATOR_GAP.search(text):
        return
    model = model or shipped_model()
    for start, end in candidates(text):
        p = model.probability(features(text, start, end))
        if p >= model.threshold:
            left = _LEFT_WORD.search(text, max(0, start - 40), start)
            right = _RIGHT_WORD.match(text, end)
            stop = end
            if right and right.group().rstrip(_EDGE_PUNCT):
                stop = right.start() + len(right.group().rstrip(_EDGE_PUNCT))
            yield (left.start() if left else start, stop, p)
