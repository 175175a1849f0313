"""Which of trafilatura's extraction modes to keep for a page, chosen with the line model.

trafilatura's balanced mode sometimes takes a headline sidebar, a list of other stories or
a comment widget for the article while its precision or recall mode finds the article
itself. The line model (`hzcorpus.clean.line_scores`, the page-text cleaner's learned
classifier) scores every visible block of the page (the page-text dump); a candidate's
lines are looked up among those blocks, and two numbers describe it: its *furniture
share*, the share of its words in lines scoring over `furniture_score`, and its *article
probability*, the mean of `1 - score` weighted by words.

The balanced mode is kept unless the model finds it mostly furniture (a furniture share
of `max_furniture` or more) and another mode is not (under `max_furniture`) and is at
least `min_gain` more article-like; of the other modes the most article-like is asked.
Everywhere else trafilatura's own choice stands: where all modes keep mostly prose, the
model, which sees one line at a time, is no better judge of the article's edges than
trafilatura (an earlier choice by summed worth of words gained on some sets and lost on
others on the development pages).

Cost: a cheap test comes first. The model and the other modes run only for a page whose
balanced lines are mostly not sentences (`min_non_sentence` of their words in lines that
do not end like one): a page of prose is kept as extracted (about 86% of the development
pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from .html_order import is_sentence, words_of

#: The mode trafilatura runs by default; the others are asked only for a choice.
DEFAULT_MODE = "balanced"


@dataclass(frozen=True)
class ModeChoice:
    """The per-page choice (see the module doc): the other `modes` asked, the share of
    the balanced mode's words in non-sentence lines over which the page is looked at
    (`min_non_sentence`), the line-model score over which a line is furniture
    (`furniture_score`), the furniture share that makes a candidate mostly furniture
    (`max_furniture`) and the article probability by which another mode must beat the
    balanced one (`min_gain`). Tuned on the development parts of the devdata (README,
    "HTML extraction")."""

    modes: tuple[str, ...] = ("precision", "recall")
    min_non_sentence: float = 0.5
    furniture_score: float = 0.5
    max_furniture: float = 0.5
    min_gain: float = 0.3


@dataclass(frozen=True)
class Candidate:
    """What the line model says of one mode's lines: the words it could place among the
    page's blocks, the share of them in furniture lines, and their article probability."""

    placed_words: float
    furniture: float
    article: float


def non_sentence_share(lines: list[str]) -> float:
    """The share of the words of `lines` in lines that do not end like a sentence."""
    total = sum(map(words_of, lines))
    loose = sum(words_of(line) for line in lines if not is_sentence(line))
    return loose / total if total else 0.0


def looked_at(lines: list[str], choice: ModeChoice) -> bool:
    """Whether the balanced mode's `lines` are worth a choice (the cheap test)."""
    return non_sentence_share(lines) >= choice.min_non_sentence


def candidate(lines: list[str], score_of: dict[str, float], furniture_score: float) -> Candidate:
    """The line model's view of a candidate's `lines`, given each page block's score
    (`score_of`; a list item's "- " marker is ignored, a line found on no block, such
    as text trafilatura joined from several, counts nothing)."""
    placed = furniture = article = 0.0
    for line in lines:
        text = " ".join(line.split())
        score = score_of.get(text)
        if score is None and text.startswith("- "):
            text = text[2:]
            score = score_of.get(text)
        if score is None:
            continue
        words = words_of(text)
        placed += words
        article += (1.0 - score) * words
        furniture += words if score > furniture_score else 0.0
    if not placed:
        return Candidate(0.0, 0.0, 0.0)
    return Candidate(placed, furniture / placed, article / placed)


def block_scores(blocks: list[str], scores: list[float]) -> dict[str, float]:
    """Each page block's line-model score by its text (the first, for a repeated block)."""
    score_of: dict[str, float] = {}
    for block, score in zip(blocks, scores, strict=True):
        score_of.setdefault(block, score)
    return score_of


def mostly_furniture(seen: Candidate, choice: ModeChoice) -> bool:
    """Whether the model finds a candidate mostly furniture (nothing placed: no)."""
    return seen.placed_words > 0 and seen.furniture >= choice.max_furniture


def choose_mode(seen: dict[str, Candidate], choice: ModeChoice) -> str:
    """The mode whose lines to keep, given the model's view of each candidate (`seen`):
    `DEFAULT_MODE` unless it is mostly furniture and the most article-like other mode
    is not, and is more article-like by `choice.min_gain`."""
    default = seen.get(DEFAULT_MODE)
    if default is None or not mostly_furniture(default, choice):
        return DEFAULT_MODE
    others = [mode for mode in seen if mode != DEFAULT_MODE and seen[mode].placed_words]
    if not others:
        return DEFAULT_MODE
    best = max(others, key=lambda mode: seen[mode].article)
    if mostly_furniture(seen[best], choice):
        return DEFAULT_MODE
    return best if seen[best].article >= default.article + choice.min_gain else DEFAULT_MODE
