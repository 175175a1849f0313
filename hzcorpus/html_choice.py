"""Which of trafilatura's extraction modes to keep for a page, chosen with the line model.

trafilatura's balanced, precision and recall modes disagree on about a third of the
development pages, and each wins on some of them. The line model (`hzcorpus.clean.line_scores`,
the page-text cleaner's learned classifier) scores every visible block of the page (the
page-text dump); a mode's extraction is worth the sum, over its lines that are blocks of
the page, of `(threshold - score) * words`: a line the model finds article-like adds its
words, a line it finds furniture takes them away, a line it cannot place (text trafilatura
joined from several blocks) counts nothing. The balanced mode is kept unless another mode
is worth more than `margin` words more (ties and near-ties keep the default).

A guard stands before the model: a mode that drops more than `max_prose_loss` of the
words of the balanced mode's prose lines (sentences of `prose_words` words or more) is
refused whatever its worth. trafilatura's other modes sometimes take a different block
of the page for the article (recall mode on a forum page, precision mode dropping the
posts), and there the model, which sees one line at a time, can be wrong. Recall mode
should only add to the balanced mode, so it is also refused when it keeps fewer than
`min_word_share` of the balanced mode's words (a forum page whose thread trafilatura
flattens into one table row has no prose lines for the first guard to count).
"""

from __future__ import annotations

from dataclasses import dataclass

from .html_order import is_sentence, words_of

#: The mode trafilatura runs by default; the others are asked only for a choice.
DEFAULT_MODE = "balanced"


@dataclass(frozen=True)
class ModeChoice:
    """The per-page choice: the other `modes` run besides the balanced one, the line-model
    score under which a line counts as article (`threshold`), and the words by which
    another mode must beat the balanced one (`margin`), and the guard: the largest share
    of the balanced mode's prose words (lines of `prose_words` words or more that end a
    sentence) another mode may drop (`max_prose_loss`), and per mode the least share of
    the balanced mode's words it must have (`min_word_share`). Tuned on the development parts
    of the devdata (README, "HTML extraction")."""

    modes: tuple[str, ...] = ("precision", "recall")
    threshold: float = 0.5
    margin: float = 5.0
    max_prose_loss: float = 0.1
    prose_words: int = 10
    min_word_share: tuple[tuple[str, float], ...] = (("recall", 0.9),)


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


def prose_loss(default: list[str], other: list[str], prose_words: int) -> float:
    """The share of the words of `default`'s prose lines (sentences of `prose_words` words
    or more) that are not lines of `other` (a list item's "- " marker ignored)."""
    kept = {_unmarked(" ".join(line.split())) for line in other}
    prose = lost = 0.0
    for line in default:
        text = _unmarked(" ".join(line.split()))
        words = words_of(text)
        if words >= prose_words and is_sentence(text):
            prose += words
            lost += 0.0 if text in kept else words
    return lost / prose if prose else 0.0


def choose_mode(
    candidates: dict[str, list[str]], blocks: list[str], scores: list[float], choice: ModeChoice
) -> str:
    """The mode whose lines to keep: `DEFAULT_MODE` unless another, not refused by the
    guard (`prose_loss` over `choice.max_prose_loss`, fewer words than its
    `choice.min_word_share`), is worth more than `choice.margin`
    words more (in `candidates` order, each further mode must beat the one chosen so far
    by the margin)."""
    values = mode_values(candidates, blocks, scores, choice.threshold)
    default = candidates.get(DEFAULT_MODE, [])
    best = DEFAULT_MODE
    for mode, value in values.items():
        if mode == best or value <= values[best] + choice.margin:
            continue
        if _guarded(default, candidates[mode], mode, choice):
            best = mode
    return best


def _guarded(default: list[str], other: list[str], mode: str, choice: ModeChoice) -> bool:
    """Whether the guard lets `mode` (lines `other`) replace the balanced mode's lines."""
    if prose_loss(default, other, choice.prose_words) > choice.max_prose_loss:
        return False
    share = dict(choice.min_word_share).get(mode, 0.0)
    return sum(map(words_of, other)) >= share * sum(map(words_of, default))


def _unmarked(text: str) -> str:
    return text[2:] if text.startswith("- ") else text
