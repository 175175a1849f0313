"""The gap scorer: is a double space or a stray separator where a number was cut?

A run of two spaces or a lone `.`, `,`, `:` or `/` between spaces is a *candidate*, and so
are the spaces that start or end a line (" wurde sie in ...", "Sunday, May  ": a number cut
at either end) and, in
Chinese, the point between two characters where the second starts a unit, counter or
magnitude ("达|亿美元", "共|人"); alone it proves nothing (typing slips, tokenised text,
"Para . that", "有|人"), so a small logistic model weighs the words around it: their class
in the lexicons (`hzcorpus.redaction_lexicons`: unit, counted noun, magnitude, currency,
month, quantifier; before the gap also determiner and preposition), their shape (number,
capital, lower case, CJK, punctuation), the words themselves ("for  years", "approximately
comments", "die . Euro"), the right word's last two letters after the left word's class
("die  Kinderkrankentage") and how often real text has a number after the left word,
before the right one and between the two
(`hzcorpus.redaction_context`). The weights and counts are `hzcorpus/data/gap_scorer.json`,
trained by `scripts/train_gap_scorer.py` on the development part of the cut sentences
(counts from its intact sentences); plain Python. `gaps(text)` yields the candidates the
model calls cuts.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

from .redaction_context import NumberContext, rate_bin, word_token
from .redaction_lexicons import UNIT_FIELDS, lexicons

RULE_ID = "model:gap-scorer"
_CANDIDATE = re.compile(
    r"(?= )"  # every candidate starts with a space: the scan skips other characters at once
    # an ellipsis ("so ... and", "the . . . government") is punctuation, not what is left of a
    # number: matched first so that its dots are no candidates, and then passed over
    r"(?: (?P<ellipsis>\.\.\.|\. \. \.)(?= \S)"
    r"|(?<=\S)(?: {2,}(?=\S)| [.,:/]{1,3}(?= \S))"  # inside a line
    r"|(?m:^) +(?=\S)|(?<=\S) +(?m:$))"  # at its start or end
)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_LEFT_WORD = re.compile(r"\S+$")
#: the word after a gap; after a lone separator ("die . Euro") past its one space
_RIGHT_WORD = re.compile(r" ?(\S+)")
_LEFT_TWO = re.compile(r"(\S+)\s+\S+$")
_RIGHT_TWO = re.compile(r" ?\S+\s+(\S+)")
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
    "determiners": "det",
    "prepositions": "prep",
}


#: classes that describe a word before a gap only ("the  people", "seit  hat"): after a
#: gap, a determiner or preposition is just a lower-case word
_LEFT_ONLY = frozenset({"det", "prep"})


@cache
def _word_classes(left: bool = True) -> dict[str, str]:
    """Word -> lexicon class; lower-case words also match capitalised ('About'); `left`:
    for the word before a gap (else without `_LEFT_ONLY` classes)."""
    classes: dict[str, str] = {}
    for lexicon in lexicons().values():
        for field, name in _CLASS_OF_FIELD.items():
            if not left and name in _LEFT_ONLY:
                continue
            for word in getattr(lexicon, field):
                classes.setdefault(word, name)
                if word.islower():
                    classes.setdefault(word.capitalize(), name)
    return classes


@lru_cache(maxsize=8192)  # the same words come back: "the", "people", "years" ...
def token_class(token: str, left: bool = True) -> str:
    """The class of a word next to a gap (`left`: before it): a lexicon class, or its shape."""
    if not token:
        return "none"
    classes = _word_classes(left)
    known = classes.get(token) or classes.get(token.rstrip("."))
    if known:
        return known
    core = token.strip(_EDGE_PUNCT)
    if not core:
        return "punct"
    known = classes.get(core)
    if known:
        return known
    if any(c.isdigit() for c in core):
        return "num"
    if _CJK.match(core):
        return "cjk"
    if core[0].isupper():
        return "cap"
    return "low" if core[0].islower() else "other"


def _shape(text: str, start: int, end: int) -> str:
    if not start or text[start - 1] == "\n":
        return "start"
    if end == len(text) or text[end] == "\n":
        return "end"
    gap = text[start:end]
    stripped = gap.strip()
    if not stripped:
        return "sp2" if len(gap) == 2 else "sp3"
    return "sep" + stripped[0]


@cache
def _cjk_candidate() -> re.Pattern[str]:
    """The point between two CJK characters where the second starts a zh unit word."""
    zh = lexicons()["zh"]
    starts = {w[0] for name in UNIT_FIELDS for w in getattr(zh, name) if _CJK_CHAR.match(w)}
    chars = "".join(sorted(starts))
    return re.compile(rf"(?<=[\u3400-\u9fff])(?=[{chars}])")


def features(
    text: str, start: int, end: int, context: tuple[NumberContext, NumberContext] | None = None
) -> list[str]:
    """The feature names of the candidate gap `text[start:end]` (empty: a point between two
    CJK characters); `context`: the (words, CJK characters) number counts, else the shipped."""
    words, cjk = context or shipped_model().context
    if start == end:
        left, right = text[start - 1], text[end]
        shape, left2, right2 = "cjk", text[start - 2 : start - 1], text[end + 1 : end + 2]
        counts, lw, rw = cjk, left, right
    else:
        left_match = _LEFT_WORD.search(text, max(0, start - 40), start)
        right_match = _RIGHT_WORD.match(text, end)
        left = left_match.group() if left_match else ""
        right = right_match.group(1) if right_match else ""
        left_two = _LEFT_TWO.search(text, max(0, start - 60), start)
        right_two = _RIGHT_TWO.match(text, end, end + 60)
        left2 = left_two.group(1) if left_two else ""
        right2 = right_two.group(1) if right_two else ""
        shape, counts = _shape(text, start, end), words
        lw, rw = word_token(left), word_token(right)
    lc, rc = token_class(left), token_class(right, left=False)
    l2c, r2c = token_class(left2), token_class(right2, left=False)
    lw, rw = lw.strip(_EDGE_PUNCT).lower(), rw.strip(_EDGE_PUNCT).lower()
    ends = "p" if left and left[-1] in _EDGE_PUNCT else "w"
    plural = "s" if rc == "low" and rw.endswith("s") else "-"
    after, before = rate_bin(counts.rate_after(lw)), rate_bin(counts.rate_before(rw))
    between = rate_bin(counts.rate_between(lw, rw))
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
        f"nA={shape}|{after}",
        f"nB={shape}|{before}",
        f"nAB={shape}|{after}|{before}",
        f"nP={shape}|{between}",
        f"nAL={after}|{lc}",
        f"nBR={before}|{rc}",
        f"Rsf={lc}|{rc}|{rw[-2:]}",
    ]


@dataclass(frozen=True)
class GapModel:
    """Logistic weights over `features` and the number counts they use; a gap is a cut when
    its probability reaches the threshold of its family (`gap`: spaces and separators,
    `cjk`: a point between two CJK characters)."""

    weights: dict[str, float]
    thresholds: dict[str, float]
    context: tuple[NumberContext, NumberContext]

    def probability(self, names: list[str]) -> float:
        total = sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def threshold(self, start: int, end: int) -> float:
        return self.thresholds[family(start, end)]

    @cached_property
    def lefts(self) -> frozenset[str]:
        """`cjk_lefts` of the model's counts."""
        return cjk_lefts(self.context[1])


def load_context(raw: dict) -> tuple[NumberContext, NumberContext]:
    """The (words, CJK characters) counts of a model file's `context`."""
    return NumberContext(**raw["words"]), NumberContext(**raw["cjk"])


@cache
def shipped_model() -> GapModel:
    """The model in `hzcorpus/data/gap_scorer.json`."""
    path = resources.files("hzcorpus") / "data" / "gap_scorer.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return GapModel(raw["weights"], raw["thresholds"], load_context(raw["context"]))


def family(start: int, end: int) -> str:
    """The candidate family of a gap: `cjk` (a point between two CJK characters) or `gap`
    (spaces, a lone separator)."""
    return "cjk" if start == end else "gap"


#: a point in CJK text is a candidate only after a character that a number follows at
#: least this often in the counts (a fifth of the points, and all that the model flags)
CJK_MIN_AFTER = 0.02


def cjk_lefts(cjk: NumberContext) -> frozenset[str]:
    """The characters after which a point before a unit word is a candidate."""
    return frozenset(c for c in cjk.then_number if (cjk.rate_after(c) or 0) >= CJK_MIN_AFTER)


def candidates(text: str, lefts: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """`(start, end)` of every double space or lone separator between words (not an
    ellipsis), and (an empty span) of every point between two CJK characters where a unit
    word starts and the first is one of `lefts` (by default `cjk_lefts` of the shipped
    counts)."""
    spans = [m.span() for m in _CANDIDATE.finditer(text) if not m.group("ellipsis")]
    if _CJK_CHAR.search(text):
        if lefts is None:
            lefts = shipped_model().lefts
        points = _cjk_candidate().finditer(text)
        spans += [m.span() for m in points if text[m.start() - 1] in lefts]
        spans.sort()
    return spans


def gaps(text: str, model: GapModel | None = None) -> Iterator[tuple[int, int, float]]:
    """`(start, end, probability)` of the candidates the model calls cuts; the span runs
    from the word before the gap to the word after it (in Chinese, the two characters)."""
    model = model or shipped_model()
    for start, end in candidates(text, model.lefts):
        p = model.probability(features(text, start, end, model.context))
        if p < model.threshold(start, end):
            continue
        if start == end:
            yield (start - 1, end + 1, p)
            continue
        left = _LEFT_WORD.search(text, max(0, start - 40), start)
        right = _RIGHT_WORD.match(text, end)
        stop = end
        if right and right.group(1).rstrip(_EDGE_PUNCT):
            stop = right.start(1) + len(right.group(1).rstrip(_EDGE_PUNCT))
        yield (left.start() if left else start, stop, p)
