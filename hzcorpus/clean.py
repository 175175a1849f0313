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
5. the title is the headline-like line above the main block's first paragraph; lines
   above it are page header, short non-prose lines after the last paragraph are footer.

Every line that does not reach `text` is kept in `removed` with its rule and reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .boilerplate import (
    BULLET_MARKERS,
    CJK_FUNCTION_CHARS,
    CONTEXT_REASONS,
    DATE_IN_LINE,
    LINE_RULES,
    LIST_MARKER,
    PHOTO_CREDIT,
    STOPWORDS,
    US_DATE,
    Thresholds,
)
from .document import Document, Removed
from .html import HtmlOptions, extract_html
from .rules import Rule

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?。！？…]['\"”’»)）」』]*$")
_TIME_OF_DAY = re.compile(r"\d{1,2}\s*[:h时点]\s*\d{2}")
_DATE_LANGUAGES = ["en", "de", "es", "fr", "zh"]
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
    both default to the tables in `boilerplate.py`.
    """

    keep_title_in_text: bool = False
    rules: tuple[Rule, ...] = LINE_RULES
    thresholds: Thresholds = field(default_factory=Thresholds)
    html: HtmlOptions = field(default_factory=HtmlOptions)


@dataclass
class _Line:
    """One non-blank line of the dump and what the passes found out about it."""

    no: int
    text: str
    rule: Rule | None = None
    context: str | None = None  # id of a context rule that removes the line
    prose: bool = False
    units: float = 0.0


def clean_document(doc: Document, options: CleanOptions = CleanOptions()) -> Document:
    """A copy of `doc` with `title`, `published`, `author`, `text` and `removed` filled in.

    HTML goes to `hzcorpus.html`; page-text dumps go through the line rules.
    """
    if doc.format == "html":
        page = extract_html(doc.raw, options.html)
        return replace(
            doc,
            title=page.title,
            published=page.published,
            author=page.author,
            sitename=page.sitename,
            text=page.text,
            removed=page.removed,
        )
    return _clean_text(doc, options)


def _clean_text(doc: Document, options: CleanOptions) -> Document:
    th = options.thresholds
    lines = _join_bullets(doc.raw.split("\n"))
    for line in lines:
        line.units = _units(line.text)
        if len(line.text) <= th.max_rule_chars:
            line.rule = next((r for r in options.rules if r.hits(line.text)), None)
        if line.text in BULLET_MARKERS:
            line.context = "lone-bullet"
    _mark_toc(lines, th)
    _mark_repeats(lines, th)
    for line in lines:
        line.prose = line.rule is None and line.context is None and _is_prose(line, th)

    start, end = _main_block(lines, th)
    first = next((i for i in range(start, end) if lines[i].prose), start)
    title_at = _find_title(lines, start, first, th)
    title = lines[title_at].text if title_at is not None else None
    if title_at is not None:
        if not options.keep_title_in_text:
            lines[title_at].context = "title"
        for i, line in enumerate(lines):
            if i != title_at and line.text.casefold() == title.casefold():
                line.context = "title-repeat"
        if title_at == first:
            first = next((i for i in range(first + 1, end) if lines[i].prose), first)
    last = max((i for i in range(start, end) if lines[i].prose), default=end - 1)
    first, last = _densest_part(lines, first, last, th)
    _mark_edges(lines, start, end, first, last, title_at, th)

    kept, removed = [], []
    for i, line in enumerate(lines):
        if line.context is not None:
            removed.append(Removed(line.no, line.text, line.context, CONTEXT_REASONS[line.context]))
        elif line.rule is not None and (line.rule.kind != "edge" or not first <= i <= last):
            removed.append(Removed(line.no, line.text, line.rule.id, line.rule.reason))
        else:
            kept.append(line.text)
    return replace(
        doc,
        title=title,
        published=_published(lines, first),
        author=_author(lines),
        text="\n".join(kept),
        removed=removed,
    )


def _join_bullets(raw_lines: list[str]) -> list[_Line]:
    """Non-blank lines, stripped; a lone bullet marker is joined to the item after it."""
    lines: list[_Line] = []
    marker: _Line | None = None
    for no, raw in enumerate(raw_lines):
        text = raw.strip()
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


def _units(text: str) -> float:
    """Length in words; two CJK characters count as one word."""
    cjk = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text) if cjk else text))
    return words + cjk / 2


def _function_share(text: str) -> tuple[float, bool]:
    """Share of function words (or characters, for Chinese), and whether the line is CJK."""
    cjk = _CJK.findall(text)
    words = _WORD.findall(_CJK.sub(" ", text).lower() if cjk else text.lower())
    if len(cjk) > len(words):
        return sum(c in CJK_FUNCTION_CHARS for c in cjk) / len(cjk), True
    return (sum(w in STOPWORDS for w in words) / len(words) if words else 0.0), False


def _is_prose(line: _Line, th: Thresholds) -> bool:
    """Whether a line reads as article prose: a sentence (or a long line) of real words."""
    if line.units < th.prose_min_units:
        return False
    if not _SENTENCE_END.search(line.text) and line.units < th.prose_long_units:
        return False
    share, cjk = _function_share(line.text)
    if cjk:  # a Chinese sentence end is signal enough; a long line needs function characters
        return bool(_SENTENCE_END.search(line.text)) or share >= th.prose_min_function_share_cjk
    return share >= th.prose_min_stopword_share


def _list_key(text: str) -> str:
    return LIST_MARKER.sub("", text).strip().rstrip(":：").strip().casefold()


def _mark_toc(lines: list[_Line], th: Thresholds) -> None:
    """Mark the items of a table of contents: a list whose items repeat later lines.

    After a contents heading, one item that repeats a later line is enough; a numbered or
    bulleted list without a heading needs `toc_min_items` items, `toc_min_repeat_share` of
    them repeated later.
    """
    last_at: dict[str, int] = {}
    for i, line in enumerate(lines):
        last_at[_list_key(line.text)] = i
    i = 0
    while i < len(lines):
        heading = lines[i].rule is not None and lines[i].rule.kind == "toc"
        items = _list_items(lines, i + 1 if heading else i, th)
        if not items or (not heading and not LIST_MARKER.match(lines[i].text)):
            i += 1
            continue
        end = items[-1]
        repeated = sum(last_at.get(_list_key(lines[j].text), -1) > end for j in items)
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


def _list_items(lines: list[_Line], start: int, th: Thresholds) -> list[int]:
    """Indices of the short list lines from `start` on (all marked, or all unmarked)."""
    items: list[int] = []
    seen: set[str] = set()
    marked = start < len(lines) and LIST_MARKER.match(lines[start].text) is not None
    for j in range(start, len(lines)):
        line = lines[j]
        key = _list_key(line.text)
        if (
            line.units > th.toc_item_max_units
            or (LIST_MARKER.match(line.text) is not None) != marked
            or key in seen
            or _SENTENCE_END.search(line.text)
        ):
            break
        seen.add(key)
        items.append(j)
    return items


def _mark_repeats(lines: list[_Line], th: Thresholds) -> None:
    """Mark exact repeats of one of the few lines just above (a caption shown twice)."""
    for i, line in enumerate(lines):
        window = lines[max(0, i - th.repeat_window) : i]
        if line.context is None and any(w.text == line.text for w in window):
            line.context = "repeat"


def _main_block(lines: list[_Line], th: Thresholds) -> tuple[int, int]:
    """`(start, end)` of the main block: the first one with a fair share of the prose.

    Blocks are separated by boundary lines (comment, related-articles and footer headers).
    """
    blocks: list[tuple[int, int]] = []
    start = 0
    for i, line in enumerate(lines):
        if line.rule is not None and line.rule.kind == "boundary":
            blocks.append((start, i))
            start = i + 1
    blocks.append((start, len(lines)))
    scores = [sum(len(lines[i].text) for i in range(s, e) if lines[i].prose) for s, e in blocks]
    best = max(scores)
    if best == 0:
        return 0, len(lines)
    return next(
        b
        for b, score in zip(blocks, scores, strict=True)
        if score >= th.main_block_min_share * best
    )


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
    text = line.text
    return (
        line.rule is None
        and line.context is None
        and th.title_min_units <= line.units <= th.title_max_units
        and not text.endswith((":", "：", ".", "。", ",", "，", ";"))
        and PHOTO_CREDIT.search(text) is None
        and LIST_MARKER.match(text) is None
        and not (text.upper() == text != text.lower())  # a site name or kicker in capitals
        and not _is_label_run(text)
    )


def _is_label_run(text: str) -> bool:
    """Four or more capitalised words and no function word: a row of menu labels."""
    words = text.split()
    return (
        len(words) >= 4
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not any(w.lower() in STOPWORDS for w in words)
    )


def _is_lead_line(line: _Line, th: Thresholds) -> bool:
    """A line that may stand above the first paragraph: a standfirst, caption or heading."""
    return (
        line.units >= th.lead_min_units
        or line.text.endswith((":", "："))
        or PHOTO_CREDIT.search(line.text) is not None
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


def _find_title(lines: list[_Line], start: int, first: int, th: Thresholds) -> int | None:
    """Index of the title: a headline-like line between the block's start and `first`.

    A line that the page repeats wins; else the first one of some length (at least
    `title_min_share_of_longest` of the longest: not a menu item, not the standfirst).
    With no such line, a short single sentence that opens the page, followed by longer
    prose, is the title.
    """
    candidates = [i for i in range(start, first) if _is_title_like(lines[i], th)]
    if candidates:
        counts: dict[str, int] = {}
        for line in lines:
            counts[line.text.casefold()] = counts.get(line.text.casefold(), 0) + 1
        repeated = [i for i in candidates if counts[lines[i].text.casefold()] > 1]
        if repeated:
            return repeated[0]
        longest = max(lines[i].units for i in candidates)
        return next(
            i for i in candidates if lines[i].units >= th.title_min_share_of_longest * longest
        )
    opening = lines[first] if first < len(lines) else None
    if opening is None or not opening.prose:
        return None
    if any(line.rule is None and line.context is None for line in lines[:first]):
        return None
    following = next((line for line in lines[first + 1 :] if line.prose), None)
    single = len(re.findall(r"[.!?。！？]+", opening.text.rstrip(".!?。！？'\"”’»"))) == 0
    if (
        single
        and opening.units <= th.sentence_title_max_units
        and following is not None
        and following.units > opening.units
    ):
        return first
    return None


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
            elif not _is_lead_line(line, th) or (title_at is None and i not in head):
                line.context = "before-article"
        elif i > last:
            line.context = "after-article"
    # a list that closes the article (items right after the last paragraph) stays
    i = last + 1
    while i < end and lines[i].context == "after-article" and LIST_MARKER.match(lines[i].text):
        lines[i].context = None
        i += 1


def _published(lines: list[_Line], first: int) -> str | None:
    """The first labelled publication date, else the first date line above the article."""
    labelled = [ln for ln in lines if ln.rule is not None and ln.rule.id == "published-label"]
    bare = [ln for ln in lines[:first] if ln.rule is not None and ln.rule.kind == "published"]
    for line in labelled + bare:
        date = parse_date(line.text)
        if date is not None:
            return date
    return None


def parse_date(text: str) -> str | None:
    """The absolute date in `text` as ISO `YYYY-MM-DD` (`YYYY-MM-DDTHH:MM` with a time).

    Relative dates ("2 hours ago") give None: they depend on the day the page was saved.
    Numeric dates are day first ("03.04.2025" is 3 April), except "/" dates with an English
    label or none, which are month first (US).
    """
    import dateparser

    match = DATE_IN_LINE.search(text)
    part = match.group(0) if match else text
    order = "MDY" if US_DATE.search(text) else "DMY"
    settings = {**_DATE_SETTINGS, "DATE_ORDER": order}
    parsed = dateparser.parse(part, languages=_DATE_LANGUAGES, settings=settings)
    if parsed is None:
        return None
    return parsed.strftime("%Y-%m-%dT%H:%M" if _TIME_OF_DAY.search(part) else "%Y-%m-%d")


def _author(lines: Iterable[_Line]) -> str | None:
    """The name in the first byline."""
    for line in lines:
        if line.rule is not None and line.rule.kind == "byline":
            match = line.rule.regex.search(line.text)
            if match is not None:
                return match.group("author") or match.group("author_zh")
    return None
