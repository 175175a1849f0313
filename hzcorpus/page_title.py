"""How much a line of a page-text dump looks like the page's title (`clean._find_title`).

The title search scores each headline-like line above the article's first paragraph and
takes the best. A headline shares words with the paragraph it heads, the page's
`<title>` (often the dump's first line, "Headline | Site") holds it, and it stands right
above the article, after a byline or date; a menu item shares no words with the article
and stands in a run of other menu items further up. The weights are data
(`TitleWeights`): a conditional logit (a softmax over each page's candidates whose
choice should be the gold title) on the candidates' features, on the development parts
of the devdata sets that have titles (L3S-GN1, Readability, trafilatura's evaluation
set), rounded to two digits, with `first_long` held at 1 and `in_run` at -1.5
(`scripts/fit_title_weights.py --hold first_long=1,in_run=-1.5`, numpy). Fitted freely,
those two weaken (0.24, -0.44) and a run of key points without its label ("Key points")
outscores the headline above it; held, dev title accuracy is .591 / .384 / .543
(L3S / Readability / trafilatura-eval) against the free fit's ~.60 / .38 / .55, and
session 17's weights' .553 / .364 / .523 on session 18's candidates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .boilerplate import STOPWORDS

#: A word of at least this many characters counts in the overlap with the article's lead
#: (shorter ones are mostly function words: "the", "und", "les").
_CONTENT_WORD = re.compile(r"\w{4,}")
#: The label of a list of key points under a headline (a live page's summary): the lines
#: under it are no title.
KEY_POINTS_LABEL = re.compile(
    r"(?i)(key points|key events|at a glance|in brief|highlights|das wichtigste( in kürze)?"
    r"|auf einen blick|kernpunkte|points clés|l'essentiel|en bref|puntos clave"
    r"|lo más importante|en resumen|要点|重点|摘要)\s*[:：]?"
)
#: A key-points label has at most this many characters.
KEY_POINTS_CHARS = 24
#: A candidate counts as long (`TitleFeatures.first_long`) from this share of the longest.
TITLE_MIN_SHARE_OF_LONGEST = 0.35
#: The words of a lead paragraph read for the overlap: those of its first this many
#: characters (what a headline sums up is in the first sentences).
LEAD_CHARS = 500


class TitleFeatures(NamedTuple):
    """What the score reads of a candidate line."""

    #: Share of the line's content words that the article's first paragraphs use.
    overlap: float
    #: The line is part of one of the dump's first lines (a page's `<title>`).
    shown: bool
    #: The page has the line more than once.
    repeated: bool
    #: What follows the line is what follows a headline (byline, date, standfirst, text).
    attached: bool
    #: Unruled short lines (menu items, labels) between the line and the first paragraph.
    gap: int
    #: The line's length in words (a CJK character is a word).
    units: float
    #: The line is the first paragraph itself (a one-sentence question or exclamation).
    opening: bool
    #: The line stands below the first paragraph.
    below: bool
    #: The line is the first candidate of some length (`TITLE_MIN_SHARE_OF_LONGEST` of the
    #: longest) among those followed by what follows a headline (if any): a headline
    #: comes before the longer standfirst under it.
    first_long: bool
    #: The lines right above and below are headline-like too: a row of a menu or a list.
    in_run: bool


@dataclass(frozen=True)
class TitleWeights:
    """The score's weight of each feature (`TitleFeatures`); `gap` is weighed by its
    logarithm (one line of menu more costs less the further up the line is), `units` up
    to `units_cap`."""

    overlap: float = 5.4
    shown: float = 4.0
    repeated: float = 1.1
    attached: float = 0.071
    gap: float = -0.79
    units: float = 0.16
    units_cap: float = 10
    opening: float = -3.7
    below: float = -0.9
    first_long: float = 1.0
    in_run: float = -1.5


TITLE_WEIGHTS = TitleWeights()


def title_score(f: TitleFeatures, w: TitleWeights = TITLE_WEIGHTS) -> float:
    """How much the line with features `f` looks like the title (higher: more)."""
    return (
        w.overlap * f.overlap
        + w.shown * f.shown
        + w.repeated * f.repeated
        + w.attached * f.attached
        + w.gap * math.log1p(f.gap)
        + w.units * min(f.units, w.units_cap)
        + w.opening * f.opening
        + w.below * f.below
        + w.first_long * f.first_long
        + w.in_run * f.in_run
    )


#: `title_score` adds up floats in one order; a score and a bound of it added up in another
#: may differ by this much more than the bound says.
SCORE_SLACK = 1e-9


def best_of(
    candidates: Sequence[int], known: Mapping[int, float], score: Callable[[int], float], up: float
) -> int:
    """`max(candidates, key=score)` (the first of the best), where `score(i)` is at most
    `known[i] + up`: the candidates are scored best `known` first, and scoring stops once
    none left can reach the best score (`score` is the costly part of the title search)."""
    best, best_at = -math.inf, candidates[0]
    for i in sorted(candidates, key=known.__getitem__, reverse=True):
        if known[i] + up + SCORE_SLACK < best:
            break
        s = score(i)
        if s > best or (s == best and i < best_at):
            best, best_at = s, i
    return best_at


def content_words(text: str, cjk: bool) -> frozenset[str]:
    """The words of `text` that say what it is about: casefolded words of four characters
    or more that are not function words (`STOPWORDS`), or on a CJK line its CJK
    characters."""
    if cjk:
        return frozenset(c for c in text if "\u3400" <= c <= "\u9fff")
    return frozenset(_CONTENT_WORD.findall(text.casefold())) - STOPWORDS


#: `overlap` divides by at least this many words: three words of a short line in the lead
#: (a key point's) say less than eight of a headline's.
OVERLAP_MIN_WORDS = 4


def overlap(words: frozenset[str], lead: frozenset[str]) -> float:
    """The share of `words` found in `lead`, of at least `OVERLAP_MIN_WORDS` words."""
    return len(words & lead) / max(len(words), OVERLAP_MIN_WORDS)


class Lead(NamedTuple):
    """The article's first paragraphs as `lead_overlap` reads them: the first `LEAD_CHARS`
    characters of each, joined by newlines."""

    #: The paragraphs without CJK, casefolded.
    folded: str
    #: The CJK paragraphs.
    cjk: str


def lead_of(paragraphs: Iterable[tuple[str, bool]]) -> Lead:
    """The `Lead` of paragraphs given as (text, is a CJK line)."""
    parts: tuple[list[str], list[str]] = ([], [])
    for text, cjk in paragraphs:
        parts[cjk].append(text[:LEAD_CHARS] if cjk else text[:LEAD_CHARS].casefold())
    return Lead("\n".join(parts[0]), "\n".join(parts[1]))


def lead_overlap(words: frozenset[str], cjk: bool, lead: Lead) -> float:
    """`overlap(words, <the content words of the lead's paragraphs>)`, where `words` are
    the content words of a CJK line (`cjk`) or not, without splitting the lead into words
    (which costs more than the rest of the title search): a CJK character is looked up in
    the CJK paragraphs, a word in the others as a whole word (a run of `\\w` characters
    that `content_words` reads as one; the CJK paragraphs' words are characters and the
    others' have four or more, so neither holds the other's)."""
    if cjk:
        found = frozenset(c for c in words if c in lead.cjk)
    else:
        found = frozenset(w for w in words if w in lead.folded and _holds_word(lead.folded, w))
    return overlap(words, found)


def _holds_word(text: str, word: str) -> bool:
    """Whether `word` (word characters only) stands in `text` between non-word characters
    (or its ends), as `re`'s `\\w`: `str.isalnum` or an underscore."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
