"""Boilerplate removal: the article of a page-text dump (HTML goes to `html.py`).

A page-text dump is the visible text of a page, one block per line. The cleaner works in
small passes over its lines:

1. broken bullets ("-" alone, then the item) are joined to their item;
2. every line is checked against the rule table `boilerplate.LINE_RULES`, then against
   the rules that need context: a table of contents, and repeats of a line just above;
3. each line gets features (words, sentence end, share of function words) that say
   whether it is prose;
4. the page is cut into blocks at section headers (comments, related articles, footer),
   and the main block is the first one holding a fair share of the page's prose;
5. the title is the headline-like line near the main block's first paragraph that
   scores best (`page_title`); lines above it are page header, short non-prose lines
   after the last paragraph are footer.

Every line that does not reach `text` is kept in `removed` with its rule and reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, islice
from math import ceil
from operator import attrgetter
from typing import NamedTuple

import numpy as np

from .authors import split_names
from .boilerplate import (
    BRACKETED_TAIL,
    BULLET_MARKERS,
    CHAINED_BOX_RULES,
    CJK_FUNCTION_CHARS,
    CLOSING_MARK,
    COMMENT_ACTIONS,
    COMMENT_RULES,
    COMMENT_WORDS,
    CONTEXT_REASONS,
    DATE_IN_LINE,
    DATE_SHAPE,
    DUMP_ONLY_RULES,
    HEADING_MARKER,
    INLINE_BOX_RULES,
    LABEL_COMMENT_RULES,
    LINE_RULES,
    LIST_MARKER,
    PHOTO_CREDIT,
    STOPWORDS,
    TRUNCATION_MARKS,
    US_DATE,
    Thresholds,
)
from .bylines import NAME_LINE, NOT_NAME_STARTS, name_lead_pattern
from .dates import DATE_LANGUAGES, quick_date
from .document import Document, Removed
from .errors import InputError
from .html import HtmlOptions, extract_html
from .html_meta import byline_names
from .html_title import TITLE_SEPARATOR, shown_part
from .line_matcher import LineMatcher
from .line_model import LineFacts, line_features, load_model
from .line_rows import PageRows, row_features
from .page_title import (
    KEY_POINTS_CHARS,
    KEY_POINTS_LABEL,
    TITLE_MIN_SHARE_OF_LONGEST,
    TITLE_WEIGHTS,
    Lead,
    TitleFeatures,
    best_of,
    content_words,
    lead_of,
    lead_overlap,
    title_score,
)
from .rules import Rule

#: The rule id and reason of the lines the line model removes.
MODEL_RULE = "model:boilerplate"
MODEL_REASON = "the line model scores the line as page furniture"

#: A word: letters joined by apostrophes or hyphens, or a number. No possessive
#: quantifiers here or in the two below: Python 3.11.2 (Debian 12's python3) repeats a
#: possessive group wrongly after an earlier match ("0.:" gave "0." after "0.5"; CPython
#: gh-101955, fixed in 3.11.3).
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Where `_WORD` meets only characters below U+0250 (the Latin scripts) and general
#: punctuation (no word characters among them), `_LATIN_WORD` finds the same words with
#: classes of plain characters, which the regex engine tests faster than Unicode
#: categories: its letters are exactly `_WORD`'s letters there, and its digits 0-9.
_LATIN_LETTERS = re.escape(
    "".join(c for c in map(chr, range(0x250)) if re.fullmatch(r"[^\W\d_]", c))
)
_LATIN_WORD = re.compile(rf"[{_LATIN_LETTERS}]+(?:['’-][{_LATIN_LETTERS}]+)*|[0-9]+(?:[.,][0-9]+)*")
#: `_LATIN_WORD` in lowercased ASCII text, where its letters are a-z.
_ASCII_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*|[0-9]+(?:[.,][0-9]+)*")
_BEYOND_LATIN = re.compile(
    "[^\x00-\u024f"
    + re.escape("".join(c for c in map(chr, range(0x2000, 0x2070)) if not re.match(r"\w", c)))
    + "]"
)
_CLOSERS = "'\"”’»)）」』"
#: The marks that end a sentence, before any closers.
_FINAL_MARKS = tuple(".!?。！？…")
_SENTENCE_END = re.compile(rf"[{''.join(_FINAL_MARKS)}][{_CLOSERS}]*$")
_SENTENCE_MARK = re.compile(r"[.!?。！？]")
_TIME_OF_DAY = re.compile(r"\d{1,2}\s*[:h时点]\s*\d{2}")
_DATE_SETTINGS = {
    # absolute dates only: a relative date would depend on the day the cleaner runs
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}


@dataclass(frozen=True)
class CleanOptions:
    """How articles are cleaned (one object for the whole cleaning stage).

    `rules` is the line-rule table and `thresholds` the numbers of the context rules;
    both default to the tables in `boilerplate.py`. `max_lines` bounds a page-text dump.
    """

    keep_title_in_text: bool = False
    #: A page-text dump with more lines than this is refused (no article has so many;
    #: the cleaner's time grows with the lines).
    max_lines: int = 200_000
    rules: tuple[Rule, ...] = LINE_RULES
    thresholds: Thresholds = field(default_factory=Thresholds)
    html: HtmlOptions = field(default_factory=HtmlOptions)
    #: Whether the line model decides the lines of a page-text dump that no rule removed
    #: by name (`model_decides`): such a line that it scores at or above its threshold
    #: (one around the article, one inside it) is removed (rule id `model:boilerplate`),
    #: and it may keep a line the block passes would drop. False: the rules and passes
    #: alone.
    model: bool = True
    #: Whether the model also decides the lines inside the article (the model file's
    #: `inside_thresholds`, one per script; not on a page without prose). Off by default:
    #: it needs the features and trees of every page, which halves page-text cleaning
    #: speed, for +0.002 to +0.019 F1 (out of fold, on the development part).
    model_inside: bool = False
    #: Whether the model decides the runs of non-prose lines inside the article as wholes
    #: (`_inside_runs`: a run goes when its lines' mean score reaches
    #: `Thresholds.inside_run_threshold`). Off by default for the same reason as
    #: `model_inside`: it needs the features of most pages (page-text cleaning ~0.8x as
    #: fast), for +0.002 to +0.007 F1 on the development part. Ignored under `model_inside`.
    model_runs: bool = False
    #: None: the removal threshold around the article stored in the model file (chosen
    #: for 0.97 recall of the article sentences it may remove, on the development data);
    #: a number, for tuning.
    model_threshold: float | None = None


@dataclass(slots=True)
class _Line:
    """One non-blank line of the dump and what the passes found out about it."""

    no: int
    text: str
    rule: Rule | None = None
    context: str | None = None  # id of a context rule that removes the line
    prose: bool = False
    units: float = 0.0
    cjk: bool = False
    function_share: float = 0.0


def clean_document(doc: Document, options: CleanOptions = CleanOptions()) -> Document:
    """A copy of `doc` with `title`, `published`, `author`, `text` and `removed` filled in.

    Metadata the document already has (a JSON line's own `title`, `author`, …) is kept;
    what the page gives fills the rest.

    HTML goes to `hzcorpus.html` (trafilatura), and the line rules then run over its
    paragraphs, which catches furniture it keeps (date lines, "Read more:" links); page-text
    dumps go through the line rules and the context passes.
    """
    if doc.format == "html":
        return _clean_html(doc, options)
    return _clean_text(doc, options)


def _clean_html(doc: Document, options: CleanOptions) -> Document:
    page = extract_html(doc.raw, options.html)
    texts = page.text.split("\n")
    hits = LineMatcher.of(options.rules).first_hits(texts, options.thresholds.max_rule_chars)
    preformatted = set(page.preformatted)
    hits = [
        None if rule is None or rule.id in DUMP_ONLY_RULES or i in preformatted else rule
        for i, rule in enumerate(hits)
    ]
    inside = _html_inside(texts, hits, options.thresholds)
    kept: list[str] = []
    removed = list(page.removed)
    for i, (no, text, rule) in enumerate(zip(page.paragraph_lines, texts, hits, strict=True)):
        if rule is None or (rule.kind == "edge" and i in inside):
            kept.append(text)
        else:
            removed.append(Removed(no, text, rule.id, rule.reason))
    removed.sort(key=lambda r: r.line)
    return replace(
        doc,
        title=doc.title or page.title,
        published=doc.published or page.published,
        author=doc.author or page.author,
        sitename=doc.sitename or page.sitename,
        lang_hint=doc.lang_hint or page.lang_hint,
        text="\n".join(kept),
        removed=removed,
    )


def _html_inside(texts: list[str], hits: list[Rule | None], th: Thresholds) -> range:
    """The extracted lines from the first prose line that no rule hits to the last, where
    edge rules (a consent notice, a menu run) spare a line as inside a dump's article: "the
    right to give or withhold Free, Prior and Informed Consent" is a sentence of the
    article. Empty when no edge rule hits (nothing to spare, nothing measured)."""
    if not any(rule is not None and rule.kind == "edge" for rule in hits):
        return range(0)
    prose = []
    for n, (text, rule) in enumerate(zip(texts, hits, strict=True)):
        line = _Line(n, text)
        _measure(line, th)
        if rule is None and _is_prose(line, th):
            prose.append(n)
    return range(prose[0], prose[-1] + 1) if prose else range(0)


@dataclass
class _Passes:
    """The lines of a dump after the rule and context passes, and what they found."""

    lines: list[_Line]
    first: int
    last: int
    title_at: int | None

    @cached_property
    def inside(self) -> range:
        """The article's lines, first to last paragraph, which edge rules (section names,
        menus, consent lines) spare; empty on a page without prose."""
        if any(line.prose for line in self.lines):
            return range(self.first, self.last + 1)
        return range(0)


def _run_passes(raw: str, options: CleanOptions, source: str = "") -> _Passes:
    th = options.thresholds
    raw_lines = raw.split("\n")
    if len(raw_lines) > options.max_lines:
        raise InputError(
            f"{source}: {len(raw_lines)} lines, over the {options.max_lines}-line limit"
        )
    lines = _join_bullets(raw_lines)
    texts = [line.text for line in lines]
    hits = LineMatcher.of(options.rules).first_hits(texts, th.max_rule_chars)
    # `_measure`'s memo, read here without a call per line
    measured_of, memo_chars = _MEASURED.get, min(LineMatcher.MEMO_LINE_CHARS, th.feature_chars)
    for line, text, rule in zip(lines, texts, hits, strict=True):
        line.rule = rule
        if len(text) <= memo_chars and (measured := measured_of(text)) is not None:
            line.units, line.cjk, line.function_share = measured
        else:
            _measure(line, th)
        if text in BULLET_MARKERS:
            line.context = "lone-bullet"
    _mark_toc(lines, th, raw)
    _mark_gallery(lines, th, raw)
    _mark_repeats(lines, th)
    least = th.prose_min_units  # `_is_prose` of a shorter line: False
    for line in lines:
        line.prose = (
            line.units >= least
            and line.rule is None
            and line.context is None
            and _is_prose(line, th)
        )

    start, end = _main_block(lines, th)
    first = next((i for i in range(start, end) if lines[i].prose), start)
    title_at = _find_title(lines, start, first, end, th)
    if title_at is not None:
        if not options.keep_title_in_text:
            lines[title_at].context = "title"
        _mark_title_repeats(lines, texts, title_at)
        if title_at == first:
            first = next((i for i in range(first + 1, end) if lines[i].prose), first)
    last = max((i for i in range(start, end) if lines[i].prose), default=end - 1)
    last = _before_comments(lines, first, last, end)
    first, last = _densest_part(lines, first, last, th)
    _mark_edges(lines, start, end, first, last, title_at, th)
    return _Passes(lines, first, last, title_at)


#: Up to this many rows, or one row in `LINES_PER_ROW` lines of the page, `_features`
#: computes them line by line (`line_rows`); for more, the page's whole matrix (numpy)
#: costs less (on the development data's dumps).
ROWS_BY_LINE = 64
LINES_PER_ROW = 5


def _facts(passes: _Passes) -> LineFacts:
    """What the line model reads of the lines after the passes."""
    lines = passes.lines
    return LineFacts(
        texts=list(map(_TEXT, lines)),
        units=list(map(_UNITS, lines)),
        function_share=list(map(_FUNCTION_SHARE, lines)),
        cjk=list(map(_CJK_LINE, lines)),
        prose=list(map(_PROSE, lines)),
        rule_kind=[None if (rule := line.rule) is None else rule.kind for line in lines],
        context=list(map(_CONTEXT, lines)),
    )


#: The `_Line` fields `_facts` reads, as C-level getters.
_TEXT, _UNITS, _FUNCTION_SHARE, _CJK_LINE, _PROSE, _CONTEXT = map(
    attrgetter, ("text", "units", "function_share", "cjk", "prose", "context")
)


def _by_line(rows: int, lines: int) -> bool:
    """Whether `rows` rows of a page of `lines` lines cost less line by line."""
    return rows <= ROWS_BY_LINE or rows * LINES_PER_ROW <= lines


def _features(passes: _Passes, rows: np.ndarray | None = None) -> np.ndarray:
    """The line model's features of the lines after the passes (see `line_model`): of all
    lines, or of the lines at `rows` (the same values, computed the cheaper way)."""
    facts = _facts(passes)
    if rows is None or not _by_line(len(rows), len(passes.lines)):
        every = line_features(facts)
        return every if rows is None else every[rows]
    return row_features(facts, rows.tolist())


@dataclass
class DumpLines:
    """The non-blank lines of a page-text dump as the line model sees them.

    `nos` are the lines' numbers in the dump, `facts` what the model reads of them,
    `features` its feature matrix (one row per line) and `decides` which lines the model
    decides in the cleaner (see `model_decides`): the training script trains on exactly
    these.
    """

    nos: list[int]
    texts: list[str]
    facts: LineFacts
    decides: np.ndarray

    @property
    def features(self) -> np.ndarray:
        """The line model's feature matrix of the lines (`line_model.line_features`)."""
        return line_features(self.facts)


def dump_lines(raw: str, options: CleanOptions | None = None) -> DumpLines:
    """The lines of a page-text dump after the rule and context passes, with features.

    A lone bullet line is joined to the item after it ("- item", the marker's number).
    """
    passes = _run_passes(raw, options or CleanOptions())
    return DumpLines(
        [line.no for line in passes.lines],
        [line.text for line in passes.lines],
        _facts(passes),
        model_decides(passes),
    )


def line_scores(lines: list[str], options: CleanOptions | None = None) -> list[float]:
    """The line model's boilerplate score (0 to 1) of each line of a page.

    `lines` are the page's blocks in order (a page-text dump, or the candidate paragraphs
    of an extractor); blank lines score 0. The score is that of the learned model on the
    line's features and its neighbours'; the model's `threshold` (or
    `options.model_threshold`) is where the cleaner removes a line.
    """
    options = options or CleanOptions()
    page = dump_lines("\n".join(line.replace("\n", " ") for line in lines), options)
    scores = [0.0] * len(lines)
    for no, score in zip(page.nos, load_model().scores(page.features).tolist(), strict=True):
        scores[no] = score
    return scores


#: Context removals that the line model may overrule: the block passes' guesses of where
#: the article starts and ends. Named removals (the title, a repeat, a table of contents,
#: comments) stay.
MODEL_OVERRULES = frozenset({"outside-main", "before-title", "before-article", "after-article"})
#: What the line model decides of a line (`model_decides`), and with which of the model
#: file's thresholds: nothing; a line the rules keep around the article (`threshold`); a
#: line a block pass dropped, which it may bring back (`rescue_threshold`); a line the
#: rules keep inside the article (`inside_thresholds`, one per group of lines).
NOT_DECIDED, AROUND, DROPPED, INSIDE = range(4)


def model_decides(passes: _Passes) -> np.ndarray:
    """What the line model decides of each line (one of `NOT_DECIDED`, `AROUND`,
    `DROPPED`, `INSIDE` per line; the one definition that the cleaner and the training
    script share).

    Lines a rule or pass removed by name stay removed. Of the lines the rules keep, those
    above the article's head (the title, or the first paragraph when there is none) or
    below its last paragraph are `AROUND`, those from the head to the last paragraph
    `INSIDE` (its own thresholds, chosen for the article sentences there), except the
    article's lead (its first prose line under the head: a standfirst or the first
    paragraph), which the rules keep; the block passes' guesses (`MODEL_OVERRULES`) are
    `DROPPED`.
    """
    head = passes.title_at if passes.title_at is not None else passes.first
    last = passes.last
    inside = passes.inside
    lead = next((i for i in range(head, last + 1) if passes.lines[i].prose), -1)
    codes = [NOT_DECIDED] * len(passes.lines)  # a list: numpy's items are slow one by one
    for i, line in enumerate(passes.lines):
        if (context := line.context) is not None:
            if context in MODEL_OVERRULES:
                codes[i] = DROPPED
        elif head <= i <= last:
            if (rule := line.rule) is None or (rule.kind == "edge" and i in inside):
                codes[i] = INSIDE
        elif line.rule is None:
            codes[i] = AROUND
    if lead >= 0:  # the lead stays as the rules leave it
        codes[lead] = NOT_DECIDED
    return np.array(codes, dtype=np.int8)


def _clean_text(doc: Document, options: CleanOptions) -> Document:
    passes = _run_passes(doc.raw, options, doc.source)
    lines, title_at = passes.lines, passes.title_at
    title = _title(lines, title_at)

    inside = passes.inside
    decides = model_decides(passes) if options.model else np.zeros(len(lines), dtype=np.int8)
    scores = np.zeros(len(lines))
    limits = np.ones(len(lines))  # a line the model decides stays when it scores under this
    if decides.any():
        model = load_model()
        around = model.threshold if options.model_threshold is None else options.model_threshold
        by_code = np.array([1.0, around, model.rescue_threshold, 1.0])
        limits = by_code[decides]
        # a page without prose has no article for the inside decisions to clean: on such a
        # page they could take every line the page keeps
        decide_inside = options.model_inside and model.decides_inside and bool(inside)
        inside_at = np.flatnonzero(decides == INSIDE) if decide_inside else []
        th = options.thresholds
        runs = (
            _inside_runs(passes, decides.tolist(), th.inside_run_min_lines)
            if options.model_runs and not decide_inside
            else []
        )
        for run in runs:
            limits[run.start : run.stop] = th.inside_run_threshold
        # the trees run only on the lines whose fate a score can change (a threshold of 0
        # keeps nothing back, one of 1 removes nothing)
        scorable = (decides != NOT_DECIDED) & (limits > 0) & (limits < 1)
        if len(inside_at) or scorable.any():
            at = np.flatnonzero(scorable)
            if len(inside_at):
                features = _features(passes)
                # inside, a line is judged with its neighbours (`LineModel.in_context`):
                # every line's score is needed
                limits[inside_at] = model.inside_limits(features[inside_at])
                every = model.scores(features)
                scores[at] = every[at]
                scores[inside_at] = model.in_context(every)[inside_at]
            else:
                scores[at] = _decided_scores(passes, at, runs, th.inside_run_threshold)
            for run in runs:  # a run is judged as a whole: by its lines' mean score
                scores[run.start : run.stop] = scores[run.start : run.stop].mean()
    kept, removed = [], []
    # lists: numpy's items are slow one by one
    decided, kept_under = decides.tolist(), (scores < limits).tolist()
    for i, line in enumerate(lines):
        if decided[i]:
            if kept_under[i]:
                kept.append(line.text)
            elif line.context is not None:
                removed.append(
                    Removed(line.no, line.text, line.context, CONTEXT_REASONS[line.context])
                )
            else:
                reason = f"{MODEL_REASON} (score {scores[i]:.2f})"
                removed.append(Removed(line.no, line.text, MODEL_RULE, reason))
        elif line.context is not None:
            removed.append(Removed(line.no, line.text, line.context, CONTEXT_REASONS[line.context]))
        elif line.rule is not None and (line.rule.kind != "edge" or i not in inside):
            removed.append(Removed(line.no, line.text, line.rule.id, line.rule.reason))
        else:
            kept.append(line.text)
    return replace(
        doc,
        title=doc.title or title,
        published=doc.published or _published(lines, passes.first, passes.last),
        author=doc.author or _author(passes),
        text="\n".join(kept),
        removed=removed,
    )


#: The share of a run's lines (its first ones, at least one) that `_decided_scores` scores
#: before the rest.
RUN_FIRST_SHARE = 0.4


def _decided_scores(
    passes: _Passes, at: np.ndarray, runs: list[range], run_threshold: float
) -> np.ndarray:
    """The line model's scores of the lines `at` (in order), where the runs among them
    (`_inside_runs`) are judged by their mean: a run's first lines are scored first, and
    its other lines only when the run's mean could reach `run_threshold`. Most runs stay:
    a run whose mean is under it with its other lines at 1, the highest score, is under
    it whatever they score (a float sum does not fall when a term grows), and its other
    lines keep 1, unscored."""
    model = load_model()
    if not runs or not _by_line(len(at), len(passes.lines)):
        return model.scores(_features(passes, at))
    rows = PageRows(_facts(passes), at.tolist())
    later = {i for run in runs for i in run[max(1, ceil(RUN_FIRST_SHARE * len(run))) :]}
    first = [i for i in at.tolist() if i not in later]
    score_of = dict(zip(first, model.scores(rows.features(first)).tolist(), strict=True))
    score_of.update(dict.fromkeys(later, 1.0))
    rest = [
        i
        for run in runs
        if np.mean([score_of[i] for i in run]) >= run_threshold
        for i in run
        if i in later
    ]
    if rest:
        score_of.update(zip(rest, model.scores(rows.features(rest)).tolist(), strict=True))
    return np.array([score_of[i] for i in at.tolist()])


def _inside_runs(passes: _Passes, decides: list[int], min_lines: int) -> list[range]:
    """The runs of at least `min_lines` consecutive non-prose lines inside the article that
    the model decides (`INSIDE`): a menu, a headline list or a widget the block passes
    left in the article's span. A page without prose has no article span, so no runs."""
    if not passes.inside:
        return []
    runs, start = [], None
    for i, (code, line) in enumerate(zip(decides, passes.lines, strict=True)):
        if code == INSIDE and not line.prose:
            start = i if start is None else start
        elif start is not None:
            runs.append(range(start, i))
            start = None
    if start is not None:
        runs.append(range(start, len(decides)))
    return [run for run in runs if len(run) >= min_lines]


def _join_bullets(raw_lines: list[str]) -> list[_Line]:
    """Non-blank lines, stripped; a lone bullet marker is joined to the item after it."""
    texts = list(map(str.strip, raw_lines))
    if BULLET_MARKERS.isdisjoint(texts):
        return [_Line(no, text) for no, text in enumerate(texts) if text]
    lines: list[_Line] = []
    marker: _Line | None = None
    for no, text in enumerate(texts):
        if not text:
            continue
        if marker is not None and text not in BULLET_MARKERS:
            lines.append(_Line(marker.no, f"{marker.text} {text}"))
            marker = None
            continue
        if marker is not None:
            lines.append(marker)
        marker = _Line(no, text) if text in BULLET_MARKERS else None
        if marker is None:
            lines.append(_Line(no, text))
    if marker is not None:
        lines.append(marker)
    return lines


#: Measures of the short lines seen last (`_measure`): text -> (units, cjk, function
#: share). Menus and footers repeat across a site's pages; bounded like the line-rule
#: matcher's memo (`LineMatcher.MEMO_LINES` lines of at most `MEMO_LINE_CHARS`).
_MEASURED: dict[str, tuple[float, bool, float]] = {}


def _measure(line: _Line, th: Thresholds) -> None:
    """Fill `units` (words; two CJK characters count as one) and the function-word share.

    Only the first `feature_chars` characters are measured: every threshold is far below.
    """
    text = line.text
    if len(text) > LineMatcher.MEMO_LINE_CHARS or len(text) > th.feature_chars:
        line.units, line.cjk, line.function_share = _measures(text[: th.feature_chars])
        return
    measured = _MEASURED.get(text)
    if measured is None:
        if len(_MEASURED) >= LineMatcher.MEMO_LINES:
            _MEASURED.clear()
        measured = _MEASURED[text] = _measures(text)
    line.units, line.cjk, line.function_share = measured


def _measures(text: str) -> tuple[float, bool, float]:
    """`(units, cjk, function share)` of a text (see `_measure`)."""
    if text.isascii():  # lowercased, ASCII keeps its words' bounds: they come lowercased
        words = _ASCII_WORD.findall(text.lower())
        stopwords = sum(map(STOPWORDS.__contains__, words))
        return float(len(words)), False, stopwords / len(words) if words else 0.0
    if _BEYOND_LATIN.search(text) is None:
        cjk, words = [], _LATIN_WORD.findall(text)
    else:
        cjk = _CJK.findall(text)
        words = _WORD.findall(_CJK.sub(" ", text) if cjk else text)
    units = len(words) + len(cjk) / 2
    if len(cjk) > len(words):
        return units, True, sum(map(CJK_FUNCTION_CHARS.__contains__, cjk)) / len(cjk)
    if words:
        return units, False, sum(map(STOPWORDS.__contains__, map(str.lower, words))) / len(words)
    return units, False, 0.0


def _is_prose(line: _Line, th: Thresholds) -> bool:
    """Whether a line reads as article prose: a sentence (or a long line) of real words."""
    if line.units < th.prose_min_units:
        return False
    body = line.text.rstrip(_CLOSERS)
    if line.units < th.teaser_max_units and body.endswith(TRUNCATION_MARKS):
        return False  # a teaser cut short
    sentence = body.endswith(_FINAL_MARKS)  # `_SENTENCE_END` (a line has no line break)
    if line.cjk:  # a Chinese sentence end is signal enough; a long line needs function characters
        return sentence or (
            line.units >= th.prose_long_units
            and line.function_share >= th.prose_min_function_share_cjk
        )
    if not sentence and line.units < th.prose_long_units:
        return False
    return line.function_share >= th.prose_min_stopword_share


#: `LIST_MARKER` at the start of any line of a dump: every line it starts (stripped, or
#: a lone bullet joined to its item) starts with it in the dump too.
_LIST_LINE = re.compile(LIST_MARKER.pattern, re.MULTILINE)


def _list_keys(lines: list[_Line], marked: list[bool]) -> list[str]:
    """What the lines say as list items (their marker, a closing ":" and case dropped), to
    compare items with later lines; `marked` tells the lines with a `LIST_MARKER`. One
    `casefold` for the page: it works character by character, and maps no character to a
    line break, a colon or a space."""
    folded = "\n".join(line.text for line in lines).casefold().split("\n")
    return [
        LIST_MARKER.sub("", line.text).strip().rstrip(":：").strip().casefold()
        if is_marked
        else text.rstrip(":：").strip()
        for line, is_marked, text in zip(lines, marked, folded, strict=True)
    ]


def _mark_toc(lines: list[_Line], th: Thresholds, raw: str) -> None:
    """Mark the items of a table of contents: a list whose items repeat later lines.

    After a contents heading, one item that repeats a later line is enough; a numbered or
    bulleted list without a heading needs `toc_min_items` items, `toc_min_repeat_share` of
    them repeated later. A page (`raw`, the dump the lines come from) where `LIST_MARKER`
    starts no line and no contents heading stands has none, found in one search.
    """
    headings = [line.rule is not None and line.rule.kind == "toc" for line in lines]
    if not any(headings) and _LIST_LINE.search(raw) is None:
        return
    marked = [LIST_MARKER.match(line.text) is not None for line in lines]
    keys = _list_keys(lines, marked)
    last_at = {key: i for i, key in enumerate(keys)}
    i = 0
    while i < len(lines):
        heading = headings[i]
        if not heading and not marked[i]:
            i += 1
            continue
        items = _list_items(lines, keys, marked, i + 1 if heading else i, th)
        if not items:
            i += 1
            continue
        end = items[-1]
        repeated = sum(last_at.get(keys[j], -1) > end for j in items)
        enough = (
            repeated > 0
            if heading
            else (
                len(items) >= th.toc_min_items and repeated >= th.toc_min_repeat_share * len(items)
            )
        )
        if enough:
            for j in items:
                lines[j].context = "toc-item"
        i = end + 1


def _list_items(
    lines: list[_Line], keys: list[str], marked: list[bool], start: int, th: Thresholds
) -> list[int]:
    """Indices of the short list lines from `start` on (all marked, or all unmarked);
    `keys` are the lines' `_list_keys`, `marked` which have a `LIST_MARKER`."""
    items: list[int] = []
    seen: set[str] = set()
    first_marked = start < len(lines) and marked[start]
    for j in range(start, len(lines)):
        key = keys[j]
        if (
            lines[j].units > th.toc_item_max_units
            or marked[j] != first_marked
            or key in seen
            or _SENTENCE_END.search(lines[j].text)
        ):
            break
        seen.add(key)
        items.append(j)
    return items


#: A gallery slide's position counter opening a line ("7/50", "7/50 Star Wars boosts economy").
_SLIDE_COUNTER = re.compile(r"(\d{1,3})\s*[/／]\s*(\d{1,3})(?!\S)")


def _mark_gallery(lines: list[_Line], th: Thresholds, raw: str) -> None:
    """Mark the slides of a photo gallery: lines opened by the position counters of one
    gallery ("1/50", "2/50", ... of one total, numbered up by one, at least
    `gallery_min_slides` of them), each slide up to the next counter (its headline, caption
    and credit); the last slide takes as many lines as the others on average. Counters
    that only look alike (dates, fractions) are not numbered up this way. Only a gallery
    below `gallery_min_prose_above` paragraphs is marked: a slideshow page opens with its
    gallery, and its captions are the text. A page (`raw`, the dump the lines come from)
    without a slash has no counter; otherwise only lines that open with a digit are
    matched (a slice and a test per line cost half a regex search of the dump)."""
    if "/" not in raw and "／" not in raw:
        return
    slides: dict[int, list[tuple[int, int]]] = {}  # total -> (line, number) of each counter
    for i in [i for i, line in enumerate(lines) if line.text[:1].isdigit()]:
        counter = _SLIDE_COUNTER.match(lines[i].text)
        if counter is not None and 0 < int(counter[1]) <= int(counter[2]):
            slides.setdefault(int(counter[2]), []).append((i, int(counter[1])))
    for found in slides.values():
        run: list[int] = []
        for k, (at, number) in enumerate(found):
            if run and number == found[k - 1][1] + 1:
                run.append(at)
            else:
                _mark_slides(lines, run, th)
                run = [at]
        _mark_slides(lines, run, th)


def _mark_slides(lines: list[_Line], starts: list[int], th: Thresholds) -> None:
    """Mark the slides that open at `starts` (see `_mark_gallery`), if there are enough."""
    if len(starts) < th.gallery_min_slides:
        return
    above = (ln for ln in lines[: starts[0]] if ln.rule is None and ln.context is None)
    if sum(_is_prose(ln, th) for ln in above) < th.gallery_min_prose_above:
        return
    size = round((starts[-1] - starts[0]) / (len(starts) - 1))
    for start, stop in zip(starts, [*starts[1:], starts[-1] + size], strict=True):
        for line in lines[start : min(stop, len(lines))]:
            if line.context is None:
                line.context = "gallery"


def _mark_repeats(lines: list[_Line], th: Thresholds) -> None:
    """Mark exact repeats of one of the few lines just above (a caption shown twice)."""
    last_at: dict[str, int] = {}  # text -> where it was last seen
    for i, line in enumerate(lines):
        seen = last_at.get(line.text)
        if seen is not None and i - seen <= th.repeat_window and line.context is None:
            line.context = "repeat"
        last_at[line.text] = i


def _main_block(lines: list[_Line], th: Thresholds) -> tuple[int, int]:
    """`(start, end)` of the main block: the first one with a fair share of the prose.

    A block's prose is that of its densest run of prose (`_densest_run`) when more than one
    block has prose: a sidebar of teasers or comment excerpts, a sentence each between
    headlines, names and dates, does not outweigh the article.

    Blocks are separated by boundary lines (comment, related-articles and footer headers).
    A block a comment header opens below a block with prose weighs
    `comment_block_weight` of its prose (a long thread does not outweigh the post),
    unless the header is a comment count that heads no thread (`_opens_no_thread`).
    The main block takes in the blocks without prose just before it (a page header with a
    "Contact" link or a comment count must not cut the title off).
    A related-articles box inside the article (see `_inline_box`) does not separate them,
    nor does a comment header that heads no thread.
    """
    prose = [0]  # prose[i]: characters of prose in lines[:i]
    for line in lines:
        prose.append(prose[-1] + (len(line.text) if line.prose else 0))
    bounds = [i for i, ln in enumerate(lines) if ln.rule is not None and ln.rule.kind == "boundary"]
    blocks: list[list[int]] = [[0, 0]]
    openers: list[str | None] = [None]  # the boundary rule that opened each block
    for n, at in enumerate(bounds):
        rule = lines[at].rule.id
        end = bounds[n + 1] if n + 1 < len(bounds) else len(lines)
        if rule in CHAINED_BOX_RULES:  # the prose after runs to a header of another rule
            end = next((i for i in bounds[n + 1 :] if lines[i].rule.id != rule), len(lines))
        box = _inline_box(lines, prose, blocks[-1][0], at, end, th)
        if box is None:
            blocks[-1][1] = at
            blocks.append([at + 1, at + 1])
            openers.append(rule)
        else:
            for i in box:
                lines[i].context = "related-box"
    blocks[-1][1] = len(lines)
    scores = [prose[e] - prose[s] for s, e in blocks]
    if sum(score > 0 for score in scores) > 1:  # blocks with prose compete by their densest run
        cost = th.main_block_line_cost
        scores = [
            _densest_run(lines, s, e, cost) if score else 0
            for (s, e), score in zip(blocks, scores, strict=True)
        ]
        # a comment thread below prose is no article; whether a comment label heads one
        # is asked only where the answer can change the choice: while no block above
        # reaches the share of the best block's full weight (`share`)
        share, above = th.main_block_min_share * max(scores), 0.0
        for n, rule in enumerate(openers):
            if (
                rule in COMMENT_RULES
                and above > 0
                and (above >= share or not _opens_no_thread(lines, *blocks[n], th))
            ):
                scores[n] *= th.comment_block_weight
            above = max(above, scores[n])
    best = max(scores)
    if best == 0:
        return 0, len(lines)
    chosen = next(n for n, score in enumerate(scores) if score >= th.main_block_min_share * best)
    start = chosen
    while start > 0 and scores[start - 1] == 0:  # page-header blocks before it
        start -= 1
    return blocks[start][0], blocks[chosen][1]


def _opens_no_thread(lines: list[_Line], start: int, end: int, th: Thresholds) -> bool:
    """Whether the comment header opening the block `lines[start:end]` heads no thread:
    a comment link in the article's head (`_in_article_head`), or a comment label that
    heads no thread (`_heads_no_thread`: a comment count above the article, "11
    Comments"). The block is then the article's and weighs in full."""
    at = start - 1
    if _in_article_head(lines, at, end, th):
        return True
    if lines[at].rule.id not in LABEL_COMMENT_RULES:
        return False
    resume = next((i for i in range(start, end) if lines[i].prose), None)
    return resume is not None and _heads_no_thread(lines, at, resume, end, th)


def _in_article_head(lines: list[_Line], at: int, end: int, th: Thresholds) -> bool:
    """Whether the comment header at `at` is a link in the article's head ("Write a
    comment" under the byline): a date or byline line (`_TEASER_META_KINDS`, a relative
    date) stands right above it, no prose in the `gap_lines` lines above it (below a post,
    its date line follows the post's last paragraph), the article's paragraphs follow it
    at once, and they say nothing of comments (`_speaks_of_comments`: a form's notes)."""
    meta = lines[at - 1].rule if at > 0 else None
    if meta is None or (meta.kind not in _TEASER_META_KINDS and meta.date != "relative"):
        return False
    if any(line.prose for line in lines[max(0, at - th.gap_lines) : at]):
        return False
    if _prose_resumes(lines, at, end, 0, paragraphs=True) != at + 1:
        return False
    return not _speaks_of_comments(lines, at, at + 1)


def _speaks_of_comments(lines: list[_Line], at: int, resume: int) -> bool:
    """Whether the lines after the comment header at `at`, up to the prose that resumes at
    `resume` and its next line, speak of comments (`COMMENT_WORDS`: a form's notes, a
    discussion policy)."""
    opening = " ".join(line.text for line in lines[at + 1 : resume + 2]).lower()
    return any(word in opening for word in COMMENT_WORDS)


def _densest_run(lines: list[_Line], start: int, end: int, cost: float) -> float:
    """The most prose characters in a run of `lines[start:end]` where each other line costs
    `cost` characters: a sidebar of teasers, one sentence each between headlines and
    dates, is no article (with `cost` 0: all the prose)."""
    best = run = 0.0
    for line in lines[start:end]:
        run = max(run + (len(line.text) if line.prose else -cost), 0.0)
        best = max(best, run)
    return best


def _inline_box(
    lines: list[_Line], prose: list[int], start: int, at: int, end: int, th: Thresholds
) -> list[int] | None:
    """The link lines of a related-articles box that sits inside the article, or None.

    The header at `at` opens an inline box when its rule allows it, at most
    `inline_box_max_links` short lines follow before prose resumes as paragraphs do
    (`_prose_resumes`; after a digest's header, `CHAINED_BOX_RULES`, one paragraph is
    enough), and the prose up to the next boundary (`end`), by its densest run
    (`_densest_run`, as blocks are weighed: not a sidebar's scattered teasers), is at
    least `inline_box_min_share` of the prose above the header (since `start`). `prose`
    holds the running prose character counts. A numbered section heading in the box is
    the article's, not a link. A comment label (`LABEL_COMMENT_RULES`) that heads no
    thread (`_heads_no_thread`: a comment count above the article, a table's "Comment"
    column) sits in the article the same way, with no links.
    """
    rule = lines[at].rule.id
    comment = rule in LABEL_COMMENT_RULES
    if rule not in INLINE_BOX_RULES and not comment:
        return None
    paragraphs = rule not in CHAINED_BOX_RULES  # a digest's items: a headline, a paragraph
    resume = _prose_resumes(lines, at, end, th.inline_box_max_links, paragraphs)
    if resume is None:
        return None
    above = prose[at] - prose[start]
    after = _densest_run(lines, resume, end, th.main_block_line_cost)
    if above == 0 or after < th.inline_box_min_share * above:
        return None
    if comment:
        return [] if _heads_no_thread(lines, at, resume, end, th) else None
    links = range(at + 1, resume)
    return [i for i in links if not HEADING_MARKER.match(lines[i].text)]


def _heads_no_thread(lines: list[_Line], at: int, resume: int, end: int, th: Thresholds) -> bool:
    """Whether the comment header at `at` heads no comments: the lines up to the prose
    that resumes at `resume` and its next line say nothing of comments (`COMMENT_WORDS`:
    a form's notes, a discussion policy), and no line up to the next boundary (`end`) is
    a comment's date, time or action ("Reply") line; a date line is short (under
    `prose_long_units`: a photo caption that names its day is none). A comment count
    above the article ("11 Comments") or a table's "Comment" column is no thread; a
    thread is dated."""
    if _speaks_of_comments(lines, at, resume):
        return False
    for line in lines[at + 1 : end]:
        rule = line.rule
        if rule is not None and (
            rule.kind == "published"
            or rule.date == "relative"
            or line.text.lower() in COMMENT_ACTIONS
        ):
            return False
        if (
            not line.prose
            and line.units < th.prose_long_units
            and (_TIME_OF_DAY.search(line.text) or DATE_IN_LINE.search(line.text))
        ):
            return False
    return True


def _prose_resumes(
    lines: list[_Line], at: int, end: int, max_lines: int, paragraphs: bool
) -> int | None:
    """The first prose line after the header at `at` (before `end`), or None when more
    than `max_lines` other lines come first; date and byline lines, which their rules
    remove, are not counted (a teaser's "Jul 17, 2014" under its headline). With
    `paragraphs`, the prose must resume as an article's does: its first line followed by
    another at most one line further (a subheading between), where a list of teasers has
    a summary under each headline and then the next headline (None)."""
    others = 0
    for i in range(at + 1, end):
        line = lines[i]
        if line.prose:
            if not paragraphs or any(lines[k].prose for k in range(i + 1, min(i + 3, end))):
                return i
            return None
        if line.rule is None or line.rule.kind not in _TEASER_META_KINDS:
            others += 1
            if others > max_lines:
                return None
    return None


#: Kinds of rule rows whose lines stand under a teaser's headline (its date and author).
_TEASER_META_KINDS = frozenset({"published", "byline"})


def _before_comments(lines: list[_Line], first: int, last: int, end: int) -> int:
    """The article's last line when reader comments without a header follow it.

    The first comment action ("Reply") after the first paragraph ends a comment; walking
    up over its text and its name and date lines leads to the article's last paragraph.
    Without a date among those lines nothing is cut. The comments are marked removed.
    """
    action = next(
        (
            i
            for i in range(first + 1, min(last + 2, end))
            if lines[i].rule is not None and lines[i].text.lower() in COMMENT_ACTIONS
        ),
        None,
    )
    if action is None:
        return last
    j = action - 1
    while j > first and lines[j].prose:
        j -= 1
    while j > first and not lines[j].prose:
        j -= 1
    dated = any(
        ln.rule is not None and (ln.rule.kind == "published" or ln.rule.date == "relative")
        for ln in lines[j + 1 : action]
    )
    if not dated:
        return last
    for i in range(j + 1, end):
        if lines[i].context is None and lines[i].rule is None:
            lines[i].context = "comments"
    return j


def _is_gap_line(line: _Line, th: Thresholds) -> bool:
    """A short unruled line that is neither prose, a list item nor a heading with ":"."""
    return (
        line.rule is None
        and line.context is None
        and not line.prose
        and line.units < th.lead_min_units
        and LIST_MARKER.match(line.text) is None
        and not line.text.endswith((":", "："))
    )


def _densest_part(lines: list[_Line], first: int, last: int, th: Thresholds) -> tuple[int, int]:
    """`(first, last)` narrowed to the parts of the article not cut off by a gap.

    Runs of `gap_lines` short labels split the stretch from the first to the last
    paragraph; parts holding less than `gap_keep_share` of the best part's prose are
    dropped from the ends (a paywall notice or tag list with a sentence after it).
    """
    parts: list[list[int]] = [[first, first]]
    run = 0
    for i in range(first + 1, last + 1):
        if lines[i].prose:
            if run >= th.gap_lines:
                parts.append([i, i])
            parts[-1][1] = i
            run = 0
        elif _is_gap_line(lines[i], th):
            run += 1
    if len(parts) == 1:
        return first, last
    weight = [sum(len(lines[i].text) for i in range(a, b + 1) if lines[i].prose) for a, b in parts]
    keep = [w >= th.gap_keep_share * max(weight) for w in weight]
    lo = keep.index(True)
    hi = len(keep) - 1 - keep[::-1].index(True)
    return parts[lo][0], parts[hi][1]


def _is_title_like(line: _Line, th: Thresholds) -> bool:
    """An unruled line shaped like a headline (length, no full stop, not a menu row, not a
    photo credit). The cheap tests come first."""
    text = line.text
    return (
        line.rule is None
        and line.context is None
        and th.title_min_units <= line.units <= th.title_max_units
        and not text.endswith((":", "：", ".", "。", ",", "，", ";"))
        and LIST_MARKER.match(text) is None
        and not (text.upper() == text != text.lower())  # a site name or kicker in capitals
        and not _is_label_run(text)
        and not (_may_be_credit(text) and PHOTO_CREDIT.search(text) is not None)
    )


def _may_be_credit(text: str) -> bool:
    """Whether `PHOTO_CREDIT` can match `text`: every match holds a colon, a slash or "by"
    after its word, or is an agency in brackets, "图：" or "摄影". A line without them skips
    the pattern, which costs more than the rest of `_is_title_like` (a test checks this)."""
    return (
        ":" in text
        or "：" in text
        or "/" in text
        or "(" in text
        or "摄影" in text
        or "by" in text
        or "By" in text
        or "bY" in text
        or "BY" in text
    )


def _is_label_run(text: str) -> bool:
    """Four or more capitalised words and no function word: a row of menu labels."""
    head = text[:1]
    if not (head.isupper() or head.isdigit() or head.isspace()):
        return False  # the first word is not capitalised
    words = text.split()
    return (
        len(words) >= 4
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not any(w.lower() in STOPWORDS for w in words)
    )


def _is_lead_line(line: _Line, th: Thresholds) -> bool:
    """A line that may stand above the first paragraph: standfirst, caption, heading, sentence."""
    return (
        line.units >= th.lead_min_units
        or (line.units >= th.heading_min_units and _SENTENCE_END.search(line.text) is not None)
        or line.text.endswith((":", "："))
        or (_may_be_credit(line.text) and PHOTO_CREDIT.search(line.text) is not None)
    )


def _head(lines: list[_Line], start: int, first: int, th: Thresholds) -> range:
    """Without a title: the lines just above the first paragraph that belong to it.

    Walking up from the first paragraph, unruled lead lines (`_is_lead_line`) belong to
    it; a rule hit or a short label ends it.
    """
    top = first
    while top > start:
        line = lines[top - 1]
        if line.rule is not None or line.context is not None or line.prose:
            break
        if not _is_lead_line(line, th):
            break
        top -= 1
    return range(top, first)


def _is_attached(lines: list[_Line], after: int, first: int, th: Thresholds) -> bool:
    """Whether the line at `after` is what follows a headline: article metadata or text.

    One short label in between ("Key points") is looked past.
    """
    for i in (after, after + 1):
        if i >= first:
            return True
        line = lines[i]
        if line.rule is not None:
            return line.rule.after_headline
        if line.context in ("repeat", "title-repeat") or _is_lead_line(line, th):
            return True
        if line.units >= th.title_min_units:
            return False
    return False


def _is_sentence_title(lines: list[_Line], first: int, end: int, th: Thresholds) -> bool:
    """Whether the first paragraph is a one-sentence headline: short, before longer prose."""
    if first >= end or not lines[first].prose:
        return False
    opening = lines[first]
    following = next((lines[i] for i in range(first + 1, end) if lines[i].prose), None)
    inner = opening.text.rstrip(".!?。！？'\"”’») ")
    return (
        opening.units <= th.sentence_title_max_units
        and _SENTENCE_MARK.search(inner) is None
        and following is not None
        and following.units > opening.units
    )


#: The title search's candidates (`_find_title`): this many headline-like lines nearest
#: above the first paragraph, the lines this far below it, and the dump's first lines
#: searched for the page's `<title>`.
TITLE_NEAREST = 6
TITLE_BELOW = 6
TITLE_TOP_LINES = 3


def _find_title(lines: list[_Line], start: int, first: int, end: int, th: Thresholds) -> int | None:
    """Index of the title: the candidate (`_title_candidates`) that scores best
    (`page_title.title_score`).

    With no candidate, a short single sentence that opens the page, followed by longer
    prose, is the title. The features that cost most, `overlap` and `repeated`, are read
    only for candidates that can still win (`page_title.best_of`).
    """
    found = _title_candidates(lines, start, first, end, th)
    candidates = found.at
    if not candidates:
        unruled_above = any(ln.rule is None and ln.context is None for ln in lines[:first])
        return first if found.sentence_title and not unruled_above else None
    if len(candidates) == 1:
        return candidates[0]
    w = TITLE_WEIGHTS
    cheap, full = _title_features(lines, found, start, first, end, th)
    known = {i: title_score(f, w) for i, f in cheap.items()}
    # `overlap` is at most 1, `repeated` True
    up = max(w.overlap, 0) + max(w.repeated, 0)
    return best_of(candidates, known, lambda i: title_score(full(i), w), up)


class _Candidates(NamedTuple):
    """The title search's candidates (`_title_candidates`)."""

    #: Their indexes, in page order.
    at: list[int]
    #: The headline-like lines (`_is_title_like`) from the block's start to `first`.
    title_like: set[int]
    #: The first paragraph is a one-sentence headline (`_is_sentence_title`).
    sentence_title: bool
    #: The article's lead (`page_title.lead_of`), when the search needed it.
    lead: Lead | None = None


def _title_candidates(
    lines: list[_Line], start: int, first: int, end: int, th: Thresholds
) -> _Candidates:
    """The lines that may be the title.

    Candidates are the headline-like lines (`_is_title_like`) between the block's start
    and `first`: the `TITLE_NEAREST` nearest, and further up those that one of the dump's
    first lines holds (a page's `<title>`, "Headline | Site"); a one-sentence question or
    exclamation opening the article; and below `first`, for `TITLE_BELOW` lines, headline-like
    non-prose ones that the first lines hold, or that stand above the next prose line and
    share a word with the article's lead (the "first paragraph" was a teaser or a notice
    above the headline; the score's `below` weighs against them).
    Lines under a key-points label (`page_title.KEY_POINTS_LABEL`) are no candidates, and
    of candidates alike only the last is (a page's `<title>` comes before its headline).
    """
    top = [line.text for line in lines[:TITLE_TOP_LINES]]
    least, most = th.title_min_units, th.title_max_units  # `_is_title_like`'s cheapest test
    above = [
        i
        for i, line in enumerate(lines[start:first], start)
        if least <= line.units <= most and _is_title_like(line, th)
    ]
    far = max(0, len(above) - TITLE_NEAREST)
    near = above[far:]
    candidates = [i for i in above[:far] if _is_shown(lines[i], top)] + near
    # key points under a label ("Key points") are no title
    label = _key_points_label(lines, near[0], first) if near else None
    if label is not None:
        candidates = [i for i in candidates if i < label]
    sentence_title = _is_sentence_title(lines, first, end, th)
    if sentence_title and lines[first].text.rstrip("'\"”’») ").endswith(("?", "!", "？", "！")):
        candidates.append(first)
    # a page without prose has no first paragraph to stand below; the next prose line is
    # looked for only where the candidates below stand (all stand above it when it is further)
    window = range(first + 1, min(end, first + 1 + TITLE_BELOW))
    prose = first < end and lines[first].prose
    nxt = next((i for i in window if lines[i].prose), end) if prose else first
    below = [i for i in window if not lines[i].prose and _is_title_like(lines[i], th)]
    shown = [i for i in below if _is_shown(lines[i], top)]
    lead = None
    if any(i < nxt and i not in shown for i in below):
        lead = lead_of((ln.text, ln.cjk) for ln in _lead_paragraphs(lines, first, end))
        shown += [i for i in below if i < nxt and _shares_lead(lines[i], lead)]
    candidates += shown
    # of lines alike, the last: a page's <title> comes before its headline
    candidates = sorted({lines[i].text: i for i in candidates}.values())
    return _Candidates(candidates, set(above), sentence_title, lead)


def _shares_lead(line: _Line, lead: Lead) -> bool:
    """Whether `line` shares a content word with the article's `lead` (`page_title`)."""
    return lead_overlap(content_words(line.text, line.cjk), line.cjk, lead) > 0


def _title_features(
    lines: list[_Line], found: _Candidates, start: int, first: int, end: int, th: Thresholds
) -> tuple[dict[int, TitleFeatures], Callable[[int], TitleFeatures]]:
    """The candidates' features (`page_title.TitleFeatures`): those with `overlap` 0 and
    `repeated` False, by candidate, and a function of a candidate giving all of them
    (`overlap` and `repeated` cost most)."""
    candidates = found.at
    top = [line.text for line in lines[:TITLE_TOP_LINES]]
    attached = {
        i for i in candidates if _is_attached(lines, i + 1, first if i < first else end, th)
    }
    # the short labels (unruled lines under `lead_min_units` words: menu items, labels)
    # from the first candidate on, counted once: labels[j - lo] of them stand from `lo`
    # to above line j
    lo = min(candidates[0], first)
    hi = max(first, candidates[-1])
    short = th.lead_min_units
    labels = [
        0,
        *accumulate(
            line.units < short and line.rule is None and line.context is None
            for line in lines[lo:hi]
        ),
    ]

    def is_like(j: int) -> bool:  # `_is_title_like`, known for the lines scanned above
        return j in found.title_like if start <= j < first else _is_title_like(lines[j], th)

    heads = [i for i in candidates if i in attached] or candidates
    longest = max(lines[i].units for i in heads)
    first_long = next(i for i in heads if lines[i].units >= TITLE_MIN_SHARE_OF_LONGEST * longest)
    cheap = {
        i: TitleFeatures(
            overlap=0.0,
            shown=_is_shown(lines[i], top),
            repeated=False,
            attached=i in attached,
            gap=_between(labels, lo, i, first),
            units=lines[i].units,
            opening=i == first,
            below=i > first,
            first_long=i == first_long,
            in_run=0 < i < len(lines) - 1 and is_like(i - 1) and is_like(i + 1),
        )
        for i in candidates
    }
    lead = found.lead
    texts: list[str] = []

    def full(i: int) -> TitleFeatures:
        nonlocal lead, texts
        if not texts:  # once a page, at the first call
            if lead is None:
                lead = lead_of((ln.text, ln.cjk) for ln in _lead_paragraphs(lines, first, end))
            texts = list(map(_TEXT, lines))
        line = lines[i]
        return cheap[i]._replace(
            overlap=lead_overlap(content_words(line.text, line.cjk), line.cjk, lead),
            repeated=texts.count(line.text) > 1,
        )

    return cheap, full


def _mark_title_repeats(lines: list[_Line], texts: list[str], title_at: int) -> None:
    """Mark the other lines that say the title, in other case or not (`texts`: the lines'
    texts). Only lines of the title's length are casefolded (found without a loop)."""
    folded = texts[title_at].casefold()
    size = len(texts[title_at])
    for i in compress(range(len(texts)), map(size.__eq__, map(len, texts))):
        if i != title_at and texts[i].casefold() == folded:
            lines[i].context = "title-repeat"


def _key_points_label(lines: list[_Line], top: int, first: int) -> int | None:
    """The lowest key-points label (`page_title.KEY_POINTS_LABEL`) between line `top` and
    the first paragraph, if any: the lines under it are key points, not a title."""
    return next(
        (
            j
            for j in range(first - 1, top, -1)
            if len(lines[j].text) <= KEY_POINTS_CHARS and KEY_POINTS_LABEL.fullmatch(lines[j].text)
        ),
        None,
    )


def _between(labels: list[int], lo: int, i: int, first: int) -> int:
    """How many of the lines strictly between lines `i` and `first` `labels` counts (its
    running sums from line `lo` on)."""
    if i < first:
        return labels[first - lo] - labels[i + 1 - lo]
    if i > first:
        return labels[i - lo] - labels[first + 1 - lo]
    return 0


def _is_shown(line: _Line, top: list[str]) -> bool:
    """Whether one of the dump's first lines (`top`) holds `line` and more (a page's
    `<title>`: "Headline | Site")."""
    text = line.text
    return any(text in shown and text != shown for shown in top)


def _lead_paragraphs(lines: list[_Line], first: int, end: int) -> list[_Line]:
    """The article's first two prose lines from `first` (what its headline is about)."""
    return list(islice(filter(_PROSE, islice(lines, first, end)), 2))


def _mark_edges(
    lines: list[_Line],
    start: int,
    end: int,
    first: int,
    last: int,
    title_at: int | None,
    th: Thresholds,
) -> None:
    """Mark lines outside the article: other blocks, the page header, the trailing footer.

    Between the title and the first paragraph, lead lines (`_is_lead_line`) stay; without
    a title, only those just above the first paragraph stay.
    """
    head = _head(lines, start, first, th)
    for i, line in enumerate(lines):
        if line.context is not None or line.rule is not None:
            continue
        if i < start or i >= end:
            line.context = "outside-main"
        elif i < first:
            if title_at is not None and i < title_at:
                line.context = "before-title"
            elif i == first - 1 and line.units >= th.heading_min_units:
                pass  # a section heading right above the first paragraph
            elif not _is_lead_line(line, th) or (title_at is None and i not in head):
                line.context = "before-article"
        elif i > last:
            line.context = "after-article"
    # a list or short sentences that close the article (right after its last paragraph) stay
    i = last + 1
    while i < end and lines[i].context == "after-article" and _closes_article(lines[i], th):
        lines[i].context = None
        i += 1


def _closes_article(line: _Line, th: Thresholds) -> bool:
    """A list item, or a short sentence, that may end an article after its last paragraph.

    A sentence may end in an emoji or emoticon (`CLOSING_MARK`: a blog's last line "und
    das gefällt mir 😉") or before a bracketed credit (`BRACKETED_TAIL`: "(Writing by Eva
    Roth; Editing by Tom Lee)", a line of its own or after the last sentence); a sentence
    ending with a colon introduces what follows ("The tools you will need are:").
    """
    text = line.text
    if LIST_MARKER.match(text):
        return True
    if line.units < th.heading_min_units:
        return False
    if _SENTENCE_END.search(text) is not None or CLOSING_MARK.search(text) is not None:
        return True
    if text.endswith((")", "）")):
        body = BRACKETED_TAIL.sub("", text)
        if not body or _SENTENCE_END.search(body) is not None:
            return True
    return (
        text.endswith((":", "："))
        and line.units >= th.lead_min_units
        and (line.cjk or line.function_share >= th.prose_min_stopword_share)
    )


#: Lines above the first paragraph searched for a byline (`_author`), at most.
BYLINE_LINES = 12


def _title(lines: list[_Line], title_at: int | None) -> str | None:
    """The title line's text, or its part that is also a line of the page when it adds a
    site's name ("Storm closes road | Reuters" above a "Storm closes road" line: a page's
    `<title>` above its headline)."""
    if title_at is None:
        return None
    title = lines[title_at].text.strip()
    if TITLE_SEPARATOR.search(title) is None:
        return lines[title_at].text
    return shown_part(title, {line.text.strip() for line in lines}) or lines[title_at].text


#: The longest line of no rule whose date may be the publication date ("Von Eva Roth /
#: 6. November 2023 / 3 Kommentare": a metadata line kept in the text).
META_MAX_CHARS = 150
#: A first paragraph shorter than this (in words) may be the headline, taken for prose.
HEADLINE_UNITS = 15


def _published(lines: list[_Line], first: int, last: int) -> str | None:
    """The first labelled publication date, else the first date line above the article's
    third paragraph (the first may be a headline taken for prose, the second a standfirst,
    with the byline and date below them), else the first date of a byline there ("par Léa
    Roy, 21 juin 2018": the `byline` row removes the line with its date), else the first date
    of a short line there that is no prose (`META_MAX_CHARS`: "18.02.2022 | Recht"), else
    the first date line further down, to `BYLINE_LINES` lines below the article's `last`
    paragraph ("Erstellt am: 01.11.2023" at its foot)."""
    third = first
    for _ in range(2 if first < len(lines) and lines[first].units < HEADLINE_UNITS else 1):
        third = next((i for i in range(third + 1, len(lines)) if lines[i].prose), len(lines))
    labelled = [ln for ln in lines if ln.rule is not None and ln.rule.date == "label"]
    bare = [ln for ln in lines[:third] if ln.rule is not None and ln.rule.kind == "published"]
    date = _first_date(chain(labelled, bare))
    if date is not None:
        return date
    # the bylines and short lines of no rule (no prose) above the third paragraph that hold
    # a date
    short = [
        ln
        for ln in lines[:third]
        if (ln.rule is None and not ln.prose and len(ln.text) <= META_MAX_CHARS)
        or (ln.rule is not None and ln.rule.kind == "byline")
    ]
    dated = [short[i] for i in _dated(list(map(_TEXT, short)))]
    dated_bylines = (ln for ln in dated if ln.rule is not None)
    meta = (ln for ln in dated if ln.rule is None)
    later = (
        ln
        for ln in lines[third : last + 1 + BYLINE_LINES]
        if ln.rule is not None and ln.rule.kind == "published"
    )
    return _first_date(chain(dated_bylines, meta, later))


def _dated(texts: list[str]) -> list[int]:
    """The indexes of the texts that hold a date (`DATE_IN_LINE`): the costly search runs
    only on those `DATE_SHAPE` finds, and those are found at C speed (no Python step per
    text)."""
    hinted = compress(range(len(texts)), map(DATE_SHAPE.search, texts))
    return [i for i in hinted if DATE_IN_LINE.search(texts[i])]


def _first_date(lines: Iterable[_Line]) -> str | None:
    """The first date (`parse_date`) of `lines`, read in order until one gives a date."""
    return next(filter(None, map(parse_date, map(_TEXT, lines))), None)


def parse_date(text: str) -> str | None:
    """The absolute date in `text` as ISO `YYYY-MM-DD` (`YYYY-MM-DDTHH:MM` with a time).

    Relative dates ("2 hours ago") give None: they depend on the day the page was saved.
    Numeric dates are day first ("03.04.2025" is 3 April), except "/" dates with an English
    label or none, which are month first (US).
    """
    match = DATE_IN_LINE.search(text)
    part = match.group(0) if match else text
    order = "MDY" if US_DATE.search(text) else "DMY"
    parsed = quick_date(part, order) or dateparser_date(part, order)
    if parsed is None:
        return None
    return parsed.strftime("%Y-%m-%dT%H:%M" if _TIME_OF_DAY.search(part) else "%Y-%m-%d")


def dateparser_date(part: str, order: str) -> datetime | None:
    """dateparser's reading of a date (`order`: "DMY" or "MDY"), None when it finds none.

    `parse_date` asks it only for the forms `dates.quick_date` does not read."""
    try:
        return _date_parser(order).get_date_data(part)["date_obj"]
    except (ValueError, OverflowError):  # an impossible date ("31.02.2025")
        return None


@lru_cache(maxsize=2)
def _date_parser(order: str):
    """dateparser's parser for a date order, made once: `dateparser.parse` builds a new one
    (settings checked, locales looked up) on every call, which cost most of its time. It
    keeps no state between dates (it does only with `try_previous_locales`)."""
    import dateparser

    settings = {**_DATE_SETTINGS, "DATE_ORDER": order}
    return dateparser.DateDataParser(languages=list(DATE_LANGUAGES), settings=settings)


def _author(passes: _Passes) -> str | None:
    """The names in the first byline, joined by "; " (a news agency beside a person left
    out: `authors.split_names`); without one, the names of the first of the HTML path's
    bylines (`html_meta.byline_names`: "Posted on … by …", "记者 …") among the lines that
    are not prose from the title, at most `BYLINE_LINES` lines above the first paragraph,
    to the second paragraph."""
    lines = passes.lines
    for line in lines:
        if line.rule is not None and line.rule.kind == "byline":
            match = line.rule.regex.search(line.text)
            if match is not None:  # the first named group that matched holds the names
                found = next((name for name in match.groupdict().values() if name), "")
                return "; ".join(split_names(found)) or None
    first = passes.first
    top = max(passes.title_at or 0, first - BYLINE_LINES, 0)
    second = next((i for i in range(first + 1, len(lines)) if lines[i].prose), len(lines))
    for line in lines[top:second]:
        names = None if line.prose else byline_names(line.text)  # a byline is no sentence
        if names:
            return "; ".join(names)
    return _name_line(lines, top, second)


_NAME_LEAD = re.compile(name_lead_pattern(), re.I)
_NAME_LINE = re.compile(NAME_LINE)


def _name_line(lines: list[_Line], top: int, second: int) -> str | None:
    """The author's name on a line of its own: the line after a byline's lead alone or an
    author box's heading (`bylines.NAME_LINES`: "Von", "About the author"), anywhere below
    `top`; else a name of two words or more right above or below the date line, from `top`
    to `second`, once on the page (not a repeated menu item or the headline) and not opening
    with an article ("The Daily Post")."""
    for i in _lead_lines(list(map(_TEXT, lines[top:])), top):
        if _is_name_line(lines[i + 1]):
            # in a run of name-like lines it is a menu item ("Zelluloid", "Autor", "Über-Ich")
            menu = 0 < i < len(lines) - 2 and _is_name_line(lines[i - 1])
            if menu and _is_name_line(lines[i + 2]):
                continue
            return lines[i + 1].text.rstrip(" |–—-")
    for i in range(top, min(second, len(lines))):
        line = lines[i]
        if line.rule is None or line.rule.kind != "published":
            continue
        for near in lines[max(i - 1, top) : i] + lines[i + 1 : i + 2]:
            words = near.text.split()
            if (
                _is_name_line(near)
                and len(words) >= 2
                and words[0].casefold() not in NOT_NAME_STARTS
                and list(map(_TEXT, lines)).count(near.text) == 1
            ):
                return near.text.rstrip(" |–—-")
    return None


def _lead_lines(texts: list[str], top: int) -> Iterator[int]:
    """The indexes of the texts (but the last) that are a byline's lead alone
    (`_NAME_LEAD`), counted from `top`, found at C speed (no Python step per text)."""
    return compress(range(top, top + len(texts) - 1), map(_NAME_LEAD.match, texts[:-1]))


def _is_name_line(line: _Line) -> bool:
    """Whether `line` is a name alone (`bylines.NAME_LINE`), neither prose nor furniture."""
    return not line.prose and line.rule is None and _NAME_LINE.match(line.text) is not None
