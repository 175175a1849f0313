"""Which of trafilatura's extraction modes to keep for a page, chosen with the line model.

trafilatura's balanced, precision and recall modes disagree on about a third of the
development pages, and each wins on some of them. The line model (`hzcorpus.clean.line_scores`,
the page-text cleaner's learned classifier) scores every visible block of the page (the
page-text dump); a mode's extraction is worth the sum, over its lines that are blocks of
the page, of `(threshold - score) * words`: a line the model finds article-like adds its
words, a line it finds furniture takes them away, a line it cannot place (text trafilatura
joined from several blocks) counts nothing. The balanced mode is kept unless another mode
is worth more than `margin` words more (ties and near-ties keep the default).
"""

from __future__ import annotations

from dataclasses import dataclass

from .html_order import words_of

#: The mode trafilatura runs by default; the others are asked only for a choice.
DEFAULT_MODE = "balanced"


@dataclass(frozen=True)
class ModeChoice:
    """The per-page choice: the other `modes` run besides the balanced one, the line-model
    score under which a line counts as article (`threshold`), and the words by which
    another mode must beat the balanced one (`margin`). Tuned on the development parts
    of the devdata (README, "HTML extraction")."""

    modes: tuple[str, ...] = ("precision", "recall")
    threshold: float = 0.5
    margin: float = 5.0


def mode_values(
    candidates: dict[str, list[str]], blocks: list[str], scores: list[float], threshold: float
) -> dict[str, float]:
    """Each candidate's worth: its lines' `(threshold - score) * words`, summed over the
    lines that are a block of the page (a list item's text without its "- " marker)."""
    score_of: dict[str, float] = {}
    for block, score in zip(blocks, scores, strict=True):
        score_of.setdefault(block, score)
    values = {}
    for mode, lines in candidates.items():
        value = 0.0
        for line in lines:
            text = " ".join(line.split())
            score = score_of.get(text)
            if score is None and text.startswith("- "):
                text = text[2:]
                score = score_of.get(text)
            if score is not None:
                value += (threshold - score) * words_of(text)
        values[mode] = value
    return values


def choose_mode(
    candidates: dict[str, list[str]], blocks: list[str], scores: list[float], choice: ModeChoice
) -> str:
    """The mode whose lines to keep: `DEFAULT_MODE` unless another is worth more than
    `choice.margin` words more (in `candidates` order, each further mode must beat the
    one chosen so far by the margin)."""
    values = mode_values(candidates, blocks, scores, choice.threshold)
    best = DEFAULT_MODE
    for mode, value in values.items():
        if mode != best and value > values[best] + choice.margin:
            best = mode
    return best
