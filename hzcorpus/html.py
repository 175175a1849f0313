"""HTML to article text with trafilatura: bounded in size, with an audit of the drops.

How trafilatura is called, and why (every option is set on purpose, per call):

- `bare_extraction` with a fresh `Extractor` options object and `output_format="python"`,
  without its metadata: title, date, author and site name come from trafilatura's own
  metadata functions, run only for those fields (`html_page_meta`).
- `deduplicate=False`: its LRU cache is process-global, so output would depend on which
  documents came before. Nothing carries over between calls here.
- `include_comments=False`: reader comments are not the article.
- balanced mode (neither `favor_precision` nor `favor_recall`): the stage must keep every
  sentence of the article. On the annotated pages of `tests/data/clean/` all modes keep
  every paragraph; precision mode drops one more furniture line of 182, recall mode lets
  more than twice as much furniture in. Precision mode is documented to trade text for
  certainty, which is the wrong side for a corpus that must keep every sentence, so
  balanced it is (numbers in the README).
- `include_tables=True`: tables in news articles are data (results, budgets); rows come out
  as `| cell | cell |` lines. Tables used for page layout (no cells, or holding headings,
  other tables, long cells, or only links) are turned into divs first, or trafilatura
  would flatten the whole page into one table row; put back when the divs lose the
  article's prose (`html_tables`). `include_images`, `include_links` and
  `include_formatting` are off: the corpus is plain text.
- after extraction, lines that repeat the title, bylines naming the extracted author, and
  the lines of `OUTPUT_LINE_RULES` (table separator rows; picture credits: an agency or
  photographer line, "Bildnachweis: …"; teasers of other articles, the page-text rule
  `read-also`) are removed and recorded. Captions stay: they describe the article's
  pictures; the picture credit that closes one ("… Foto: dpa", "… © Name", "… Name/
  Reuters") is split off and removed (`CAPTION_CREDITS`). A page title that
  adds the site's name ("Title | Site") is cut to the part shown as the h1 or a text line;
  a JSON-LD headline the page shows (as an h1 or a text line) comes before both;
  a title that shares no word with the page's `<title>` and is shorter (a section's
  heading) gives way to the `<title>`.
- when trafilatura finds no text (pages that render it with scripts; trafilatura has
  already tried its baseline over the whole page then), the schema.org `articleBody` of
  the page's JSON-LD is used if there is one; otherwise `InputError`, saying whether the
  page shows any text. Two markup mistakes that hide a whole page from libxml2 are
  mended before parsing: a `<title>` never closed and an `</html>` before `<body>`.
- a fixed `max_date` for htmldate instead of "today", and a fixed day for a date the page
  gives without one (`html_dates.fixed_htmldate`), so the same page gives the same date
  on any day; no `url` and a parsed tree as input, so nothing is ever fetched.

Bounds: the page is parsed here with lxml (fragments are accepted; nesting deeper than
libxml2's limit of 256, or a text over its 10 MB limit, which silently truncate the rest of
the page, are flattened or parsed again with the huge-input option); pages with more than
`max_elements` elements are refused; bulk data (long scripts, styles, inlined images) is
emptied first; trafilatura's `max_tree_size` bounds its output tree. Time is not bounded
here: the build engine's per-document time limit (`sandbox.py`) stops a document in its
worker process, on any thread and on Ray.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import copy
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from .boilerplate import AGENCY_NAMES, LINE_RULES
from .document import Removed
from .errors import InputError
from .html_choice import (
    DEFAULT_MODE,
    ModeChoice,
    block_scores,
    candidate,
    choose_mode,
    looked_at,
    mostly_furniture,
)
from .html_dates import text_date
from .html_meta import (
    BYLINE_MAX_CHARS,
    declared_language,
    json_ld_objects,
    page_author,
    without_site,
)
from .html_order import (
    BLOCK_TAGS,
    MODE_VOTES,
    TEASER_LISTS,
    Block,
    Slot,
    demote_teasers,
    mark_modes,
    page_order,
    rescue,
    split_credits,
    visible_blocks,
    vote,
)
from .html_tables import unwrap_layout_tables, with_layout_tables
from .html_title import UNSPACED, WORD, article_title
from .rules import Rule

#: The page-text rule for teasers of other articles ("Read more: …", "Lea más: …").
READ_ALSO = next(rule for rule in LINE_RULES if rule.id == "read-also")
#: Lines of trafilatura's output that are not article text, whatever the page.
OUTPUT_LINE_RULES: tuple[Rule, ...] = (
    Rule(
        id="html-table-separator",
        reason="the separator row under a table header, not text",
        pattern=r"^\|(?:\s*:?-{3,}:?\s*\|)+$",
        match=("|---|---|", "| --- | :---: |"),
        no_match=("| Fichte | 48 % |", "---", "| - | 3 |"),
    ),
    Rule(
        id="html-picture-credit",
        reason="a picture credit: an agency or photographer line, not a caption of the article",
        pattern=rf"^(?:[^.!?。/|]{{0,40}}?\s*(?:[/|©:]|\bvia\b)\s*)?(?:{AGENCY_NAMES})\b"
        r"(?:\s*[/|,:]\s*[^.!?。/|]{1,40})?$",
        match=(
            "Trybunał Konstytucyjny / Shutterstock",
            "Getty Images",
            "picture alliance / dpa",
            "AP Photo/Evan Vucci",
            "Foto: imago images/Sven Simon",
        ),
        no_match=(
            "Getty Images agreed to buy the archive, the company said.",
            "Cristina Kirchner y Alberto Fernández en el Congreso (Foto: Pool via REUTERS).",
            "Reuters reported that talks would resume on Monday.",
            "Abbildung 4: klassische Schwachschicht.",
            "EPA announces new rules for power plants",
            "Analysis: Reuters poll shows support slipping",
        ),
    ),
    Rule(
        id="html-picture-source",
        reason="where the page's picture comes from (a credit line, not article text)",
        pattern=r"^(?:beitragsbild|titelbild|bildquelle|bildnachweis|bildrechte|fotonachweis|"
        r"fotoquelle|headerbild|image credits?|photo credits?|picture credits?|"
        r"featured image|header image|top image|crédito(?:s)?(?: de la)? (?:foto|imagen)|"
        r"crédit(?:s)? photo|图片来源|图片提供)\s*[:：]\s*.{1,150}$",
        match=(
            "Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.",
            "Photo credit: Jane Doe for The Times.",
            "图片来源：视觉中国",
        ),
        no_match=("Die Bildquelle ist unklar, sagte der Sprecher.", "Photo credits are due Monday"),
    ),
    READ_ALSO,  # the page-text row: teasers of other articles inside the text
)
#: Where a caption line starts its credit (after a sentence or a dash, or at its start).
_CREDIT_START = r"(?:^|(?<=[.!?\"”»)])\s*|\s[-–—|]\s*)"
#: Picture credits at the end of a caption line (`credit` group): the description stays
#: article text, the credit goes (`html_order.split_credits`; a line that is all credit
#: goes whole).
CAPTION_CREDITS: tuple[Rule, ...] = (
    Rule(
        id="html-caption-credit",
        reason="a picture credit closing a caption: who took the picture, not article text",
        pattern=rf"(?:{_CREDIT_START}|\s(?=\())(?P<credit>\(?\s*(?:fotos?|photos?|bild(?:er)?|quelle|"
        r"source|fuente|credits?|crédits?|crédito|image|imagen|kuva|picture|copyright)"
        r"\s*[:：]\s*[^:：]{1,100})$",
        match=(
            "La bendición se realizará mañana. Foto: LN",
            "Maxi Taucher ist in der Weltspitze angekommen. (Foto: Privat)",
            "Saksan liittokansleri Angela Merkel keskusteli. Kuva: ALEXANDER BECHER",
            "(Quelle: Fleischmann/Unsplash/DJV)",
            "Oberflächenreif bei Panex (VD), 922 m (Foto: V. Berret, 19.01.2022).",
        ),
        no_match=(
            "Auf dem Foto: Angela Merkel beim Gipfel in Brüssel.",
            "The source: a leaked memo, the paper said.",
            "Abbildung 4: Die grösste Lawine dieser Berichtsperiode.",
        ),
    ),
    Rule(
        id="html-caption-copyright",
        reason="a copyright notice closing a caption: who owns the picture, not article text",
        pattern=r"(?:^|\s*[-–—|]?\s*)(?P<credit>©.{1,100})$",
        match=(
            "Die Traufenprofile werden befestigt.© Hoklatherm",
            "Cyber-Attacken nehmen weiter zu. – © Sergey Nivens – stock.adobe.com",
            "Stau © aremac / Clipdealer",
            "© Bild: Werk/CHRISTIAN HOUDEK",
        ),
        no_match=("Copyright law was changed in 2019.", "The (c) mark stands for copyright"),
    ),
    Rule(
        id="html-caption-agency",
        reason="a photographer and picture agency closing a caption, not article text",
        pattern=rf"{_CREDIT_START}(?P<credit>(?:[^\s.!?/|]+\s+){{0,3}}[^\s.!?/|]*\s*[/|]\s*"
        rf"(?:{AGENCY_NAMES})\b[^.!?/|]{{0,30}}|(?:{AGENCY_NAMES})\s*[/|]\s*"
        rf"[^.!?/|]{{1,60}}|(?:{AGENCY_NAMES})(?:\s+(?:files|photo|foto))?)$",
        match=(
            "Microsoft plans to cut its emissions by 2030. Mike Blake/Reuters files",
            "Die EU ist noch nicht auf Paris-Kurs. picture alliance | Andrew Milligan",
            "Merkel und Macron in Brüssel. dpa",
        ),
        no_match=(
            "Reuters reported that talks would resume on Monday.",
            "Analysts at the AFP news desk said so.",
        ),
    ),
)
#: Removals that depend on the page's own metadata or on trafilatura: rule id -> reason.
REMOVAL_REASONS: dict[str, str] = {
    "html-title": "the title goes to `title`",
    "html-byline": "a byline: the author goes to `author`",
    "html-boilerplate": "not in trafilatura's main text",
}
#: A byline is the author's name with at most this many other words ("By", "Von", a role).
_BYLINE_EXTRA_WORDS = 4
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", '"', "”", "»", "“")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>", re.I)
_TITLE_START = re.compile(r"<title\b[^>]*>[^\n<]*", re.I)
_TITLE_END = re.compile(r"</title\s*>", re.I)
_EARLY_HTML_END = re.compile(r"</html\s*>(?=\s*(?:<!--.*?-->\s*)*<body\b)", re.I | re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")
_VOID_TAGS = "area base br col embed hr img input link meta param source track wbr"
_TEXT_BLOCK_TAGS = "p h1 h2 h3 h4 h5 h6 li dt dd pre blockquote figcaption"
_VOID, _TEXT_BLOCKS = (frozenset(t.split()) for t in (_VOID_TAGS, _TEXT_BLOCK_TAGS))
_LIBXML2_MAX_DEPTH = 256
#: Blocks before the article's first line searched for a byline.
_BYLINE_SLOTS = 12
_BULK_CHARS = 100_000


@dataclass(frozen=True)
class HtmlOptions:
    """How HTML pages are turned into article text (see the module docstring for why).

    `max_elements` refuses larger parsed
    pages; `max_depth` is the nesting that over-deep pages are flattened to;
    `max_tree_size` is trafilatura's bound on its output tree (a larger output is
    discarded); `favor_precision`, `favor_recall`, `include_tables` and `fast` (skip the
    fallback extractors) are trafilatura's; `max_removed` bounds the audit list of dropped
    page blocks; `max_date` is the latest publication date accepted; `date_from_text` lets
    htmldate search the short texts at the article's top for a date when the page's
    markup and metadata have none, and keeps what it finds there only when it
    names a day: htmldate turns a year or a year and month found in text into the 1st
    ("im Jahr 2030" would become 2030-01-01), so a date on the 1st is kept only when
    a text names that day in full (`html_dates.text_date`).
    `other_modes` are trafilatura modes also run ("precision", "recall"): where one drops
    a line the balanced mode keeps at the article's edges, `html_order.MODE_VOTES`
    decide; off by default (one more extraction per page, and no gain on the development
    data: README, "HTML extraction").
    `choice` (a `html_choice.ModeChoice`) keeps, per page, another mode's lines where
    the line model finds the balanced mode's mostly furniture and the other mode's not;
    it looks only at pages whose balanced lines are mostly not sentences, and runs its
    modes only there. Off by default: it costs about 10% of this function's CPU.
    """

    max_elements: int = 300_000
    max_depth: int = 200
    max_tree_size: int = 20_000
    favor_precision: bool = False
    favor_recall: bool = False
    include_tables: bool = True
    fast: bool = False
    max_removed: int = 1000
    max_date: str = "2099-12-31"
    date_from_text: bool = True
    other_modes: tuple[str, ...] = ()
    choice: ModeChoice | None = None


@dataclass(frozen=True)
class HtmlExtraction:
    """What an HTML page gives: metadata, the article text (one paragraph per line), the
    page blocks that did not make it into the text, each with its rule and reason, and
    the trafilatura `mode` whose lines were kept."""

    title: str | None
    published: str | None
    author: str | None
    sitename: str | None
    text: str
    removed: list[Removed] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)
    lang_hint: str | None = None
    mode: str = DEFAULT_MODE
    #: Indexes of the lines of `text` that are lines of a `<pre>` block (code, program
    #: output): the page-text line rules leave them alone.
    preformatted: tuple[int, ...] = ()


def extract_html(raw: str, options: HtmlOptions = HtmlOptions()) -> HtmlExtraction:
    """Extract the article of the HTML page `raw` (decoded text).

    Raises `InputError` with a one-line message when the page has no article text or is too
    large. Not bounded in time: a build's `time_limit` is.
    """
    return _extract(raw, options)


def page_text_dump(raw: str, options: HtmlOptions = HtmlOptions()) -> str:
    """The visible text of an HTML page, one block per line, as page-text scrapers save it."""
    return "\n".join(block.text for block in visible_blocks(_parse(raw, options)))


def _extract(raw: str, options: HtmlOptions) -> HtmlExtraction:
    from lxml import etree

    from .html_page_meta import page_metadata

    tree = _parse(raw, options)
    _drop_bulk_data(tree, len(raw))
    unwrapped = unwrap_layout_tables(tree)
    preformatted = _preformatted_lines(tree)
    extractor = copy(_extractor(options))  # a copy: no call can leak a setting to the next
    try:
        result = page_metadata(tree, extractor.date_params)
        lines = _lines(tree, extractor)
        blocks = visible_blocks(tree)
        page_texts = (block.text for block in blocks)
        lines = with_layout_tables(
            lines, page_texts, unwrapped, lambda: _lines(tree, _fast(extractor))
        )
        if not lines:  # pages that render their text with scripts may carry it in JSON-LD
            lines = _json_ld_body(tree)
        other_modes = {mode: _mode_lines(tree, extractor, mode) for mode in options.other_modes}
        mode = DEFAULT_MODE
        if lines and options.choice is not None and looked_at(lines, options.choice):
            mode, lines = _chosen(tree, extractor, lines, blocks, options.choice)
    except (ValueError, TypeError, LookupError, RecursionError, etree.LxmlError) as exc:
        # a library failure on one odd page must not end a batch; --verbose shows the cause
        reason = (str(exc).strip().split("\n") or [""])[0][:200]
        raise InputError(f"HTML extraction failed: {type(exc).__name__}: {reason}") from exc
    if not lines:
        raise InputError(_nothing_found(blocks))
    sitename = _clean_field(result.sitename)
    title = article_title(_clean_field(result.title), lines, tree, (sitename, result.url))
    slots = page_order(blocks, lines)
    mark_modes(slots, other_modes)
    vote(slots, MODE_VOTES, {mode for mode, found in other_modes.items() if found})
    demote_teasers(slots)
    rescue(slots)
    slots = split_credits(slots, CAPTION_CREDITS)
    head = _head_texts(slots)
    author = without_site(page_author(_clean_field(result.author), tree, head), sitename)
    extraction = _numbered(
        slots, title, author, result, declared_language(tree), preformatted, options
    )
    date = _published(extraction.published, (head, _article_texts(slots)), extractor, options)
    return replace(extraction, published=date, mode=mode)


def _nothing_found(blocks: list[Block]) -> str:
    """Why a page gave no text (one message per cause, so a build counts them): it shows
    none, or trafilatura kept none of it: its last resort is a baseline over the whole
    page, so that happens when its output is over `max_tree_size` elements."""
    if not any(block.text.strip() for block in blocks):
        return "no article text found in HTML: the page shows no text"
    return "no article text found in HTML: trafilatura kept none of it (or over max_tree_size)"


def _published(
    date: str | None, places: tuple[list[str], ...], extractor, options: HtmlOptions
) -> str | None:
    """The publication date from the markup and metadata; when they have none and
    `options.date_from_text`, htmldate's text search over the short texts of each of
    `places` in turn (the article's top, where a dateline stands, then the article and
    what follows it, where a "Published on" line stands; the whole page would cost a
    second full search), kept only when it names a day (a year or a year and month found
    in text becomes the 1st there)."""
    if date is not None or not options.date_from_text:
        return date
    for texts in places:
        found = text_date(texts, {**extractor.date_params, "extensive_search": True})
        if found:
            return found
    return None


def _chosen(tree, extractor, lines: list[str], blocks: list[Block], choice: ModeChoice):
    """The mode and lines `html_choice.choose_mode` keeps, the page's blocks scored by
    the line model; the other modes run only when the balanced lines are mostly furniture."""
    from .clean import line_scores  # clean imports this module

    texts = [block.text for block in blocks]
    score_of = block_scores(texts, line_scores(texts))
    seen = {DEFAULT_MODE: candidate(lines, score_of, choice.furniture_score)}
    if not mostly_furniture(seen[DEFAULT_MODE], choice):
        return DEFAULT_MODE, lines
    found = {mode: _mode_lines(tree, extractor, mode) for mode in choice.modes}
    found = {mode: other for mode, other in found.items() if other}
    seen |= {
        mode: candidate(other, score_of, choice.furniture_score) for mode, other in found.items()
    }
    mode = choose_mode(seen, choice)
    return mode, found.get(mode, lines)


@lru_cache(maxsize=8)
def _extractor(options: HtmlOptions):
    """trafilatura's options object for `options` (built once: its constructor reads the
    configuration with configparser, a few milliseconds per page otherwise)."""
    from trafilatura.settings import Extractor

    extractor = Extractor(
        output_format="python",
        fast=options.fast,
        precision=options.favor_precision,
        recall=options.favor_recall,
        comments=False,
        tables=options.include_tables,
        dedup=False,
        with_metadata=False,  # `html_page_meta`: only the fields a record takes
        date_params={
            "original_date": True,
            "extensive_search": False,  # the text search runs only if this finds nothing
            "max_date": options.max_date,
        },
    )
    extractor.max_tree_size = options.max_tree_size
    return extractor


def _mode_lines(tree, extractor, mode: str) -> list[str]:
    """The lines trafilatura extracts in another `mode` (no metadata)."""
    other = copy(extractor)
    other.focus = mode
    return _lines(tree, other)


def _fast(extractor):
    """A copy of `extractor` without trafilatura's fallback extractors (`fast`)."""
    other = copy(extractor)
    other.fast = True
    return other


def _lines(tree, extractor) -> list[str]:
    """The lines trafilatura extracts from `tree` with `extractor` (no metadata)."""
    import trafilatura

    result = trafilatura.bare_extraction(tree, options=extractor)
    return _nonblank_lines(result.text if result else "")


def _numbered(
    slots: list[Slot],
    title: str | None,
    author: str | None,
    result,
    lang: str | None,
    preformatted: frozenset[str],
    options,
) -> HtmlExtraction:
    """The extraction with every kept and removed line numbered on one base: its slot in
    the page's reading order (removed blocks past `options.max_removed` are not listed
    and take none); kept lines found among the `preformatted` lines are marked so."""
    kept: list[str] = []
    pre: list[int] = []
    paragraph_lines: list[int] = []
    removed: list[Removed] = []
    rule_of = _OutputLines(title, author)
    number = 0
    for slot in slots:
        if slot.kept:
            rule = rule_of(slot.text)
            if rule is None:
                if preformatted and " ".join(slot.text.split()) in preformatted:
                    pre.append(len(kept))
                kept.append(slot.text)
                paragraph_lines.append(number)
            else:
                removed.append(Removed(number, slot.text, rule, _reason(rule)))
        elif len(removed) < options.max_removed:
            rule = rule_of(slot.text, patterns=False) or slot.demoted or "html-boilerplate"
            removed.append(Removed(number, slot.text, rule, _reason(rule)))
        else:
            continue
        number += 1
    if not kept:
        raise InputError("no article text found in HTML (only its title or byline)")
    return HtmlExtraction(
        title=title,
        published=_clean_field(result.date),
        author=author,
        sitename=_clean_field(result.sitename),
        text="\n".join(kept),
        removed=removed,
        paragraph_lines=paragraph_lines,
        lang_hint=lang,
        preformatted=tuple(pre),
    )


def _preformatted_lines(tree) -> frozenset[str]:
    """The lines of the page's `<pre>` blocks, whitespace collapsed (empty when none)."""
    return frozenset(
        line
        for element in tree.iter("pre")
        for raw in element.text_content().splitlines()
        if (line := " ".join(raw.split()))
    )


def _head_texts(slots: list[Slot]) -> list[str]:
    """Short texts near the top of the article where a byline may be: every element's own
    text in the blocks left out before the first extracted line, and the first lines."""
    first = next((n for n, slot in enumerate(slots) if slot.kept), 0)
    texts: list[str] = []
    for slot in slots[max(first - _BYLINE_SLOTS, 0) : first + 3]:
        element = slot.block.element if slot.block else None
        if element is not None and isinstance(element.tag, str):  # the smallest texts first
            own = {" ".join(el.text_content().split()) for el in element.iter()}
            texts += sorted(own, key=lambda t: (len(t), t))
        texts.append(slot.text)
    return [t for t in texts if t and len(t) <= BYLINE_MAX_CHARS]


def _article_texts(slots: list[Slot]) -> list[str]:
    """Short texts from the article's first line to `_BYLINE_SLOTS` blocks after its
    last (a "Published on" line may close the article), in page order."""
    kept = [n for n, slot in enumerate(slots) if slot.kept]
    if not kept:
        return []
    span = slots[kept[0] : kept[-1] + _BYLINE_SLOTS + 1]
    return [slot.text for slot in span if len(slot.text) <= BYLINE_MAX_CHARS]


def _nonblank_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _json_ld_body(tree) -> list[str]:
    """Paragraphs of the first schema.org `articleBody` in the page's JSON-LD, if any."""
    for node in json_ld_objects(tree):
        body = node.get("articleBody")
        if isinstance(body, str) and body.strip():
            return _nonblank_lines(body)
    return []


class _OutputLines:
    """The id of the rule that removes a line from trafilatura's output, or None: the
    page's title, a byline naming the extracted author (a name found as whole words; a
    name without a word of two letters or one CJK character, an initial such as "F",
    names no one), then `OUTPUT_LINE_RULES` (`patterns=False`: only the first two, for
    blocks that are out already)."""

    def __init__(self, title: str | None, author: str | None) -> None:
        self.title = " ".join(title.split()).casefold() if title else None
        # "Kooman, F." is one author, written in a byline as "F. Kooman": its parts count
        names = [n.strip().casefold() for n in re.split(r"[;,]", author or "")]
        self.names = [(_name_pattern(n), len(n.split())) for n in names if WORD.search(n)]

    def __call__(self, line: str, patterns: bool = True) -> str | None:
        key = " ".join(line.split()).casefold()
        if key == self.title:
            return "html-title"
        if self.names and self._is_byline(line, key):
            return "html-byline"
        if patterns:
            for rule in OUTPUT_LINE_RULES:
                if rule.hits(line):
                    return rule.id
        return None

    def _is_byline(self, line: str, key: str) -> bool:
        """The author's name with a few words around it, and not a sentence."""
        if line.rstrip().endswith(_SENTENCE_ENDS):
            return False
        words = key.count(" ") + 1
        return any(
            words <= name_words + _BYLINE_EXTRA_WORDS and name.search(key)
            for name, name_words in self.names
        )


def _name_pattern(name: str) -> re.Pattern[str]:
    """`name` as whole words (written without spaces, a CJK name stands anywhere)."""
    if UNSPACED.search(name):
        return re.compile(re.escape(name))
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def _reason(rule_id: str) -> str:
    return _reasons()[rule_id]


@cache
def _reasons() -> dict[str, str]:
    """Every removal's reason by rule id: the rows' own, then `REMOVAL_REASONS`."""
    rows = (*OUTPUT_LINE_RULES, *CAPTION_CREDITS, *MODE_VOTES, *TEASER_LISTS)
    return {**REMOVAL_REASONS, **{rule.id: rule.reason for rule in reversed(rows)}}


def _parse(raw: str, options: HtmlOptions):
    """Parse with lxml without losing text to libxml2's limits or to an unclosed `<title>`
    or an early `</html>` (`_repaired`), and bound the size.

    libxml2 stops at a nesting depth of 256 and at text or attribute values over 10 MB and
    silently drops the rest of the page. Too deep a page is flattened and parsed again;
    too long a value is parsed again with libxml2's huge-input option.
    """
    source = _repaired(_XML_DECLARATION.sub("", raw, count=1))
    flattened = huge = False
    while True:
        tree, limit = _parse_once(source, huge)
        if limit == "depth" and not flattened:
            source, flattened = _flatten_nesting(source, options.max_depth), True
        elif limit == "size" and not huge:
            huge = True
        elif limit == "depth":
            raise InputError(f"HTML nested deeper than {_LIBXML2_MAX_DEPTH} levels")
        elif limit:
            raise InputError("HTML holds a text or attribute over the parser's size limit")
        else:
            break
    if tree is None:
        raise InputError("no HTML content to parse")
    count = int(tree.xpath("count(//*)"))
    if count > options.max_elements:
        raise InputError(f"HTML has {count} elements, over the limit of {options.max_elements}")
    return tree


def _repaired(source: str) -> str:
    """`source` without two mistakes that leave libxml2 no visible text at all: a `<title>`
    never closed (closed here at the end of its line or at the next tag; the rest of the
    page, body and all, would be the title's text) and an `</html>` before `<body>`
    (dropped; libxml2 ignores everything after it, a browser does not)."""
    start = _TITLE_START.search(source)
    if start is not None and not _TITLE_END.search(source, start.end()):
        source = f"{source[: start.end()]}</title>{source[start.end() :]}"
    return _EARLY_HTML_END.sub("", source, count=1)


def _parse_once(source: str, huge: bool):
    """The tree (or None) and which libxml2 limit cut the parse short: "depth", "size"."""
    from lxml import etree, html

    parser = html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge,
    )
    parser.set_element_class_lookup(_html_classes())
    try:
        tree = html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError):
        return None, None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            return tree, "depth" if "depth" in entry.message else "size"
    return tree, None


@cache
def _html_classes():
    """lxml.html's element classes chosen in C: `HtmlElement` for every element (with all
    of lxml.html's methods that trafilatura uses) instead of a Python call per element
    that picks the form classes, which nothing here needs (a fifth of the time spent
    walking a tree goes to that call otherwise)."""
    from lxml import etree, html

    return etree.ElementDefaultClassLookup(
        element=html.HtmlElement,
        comment=html.HtmlComment,
        pi=html.HtmlProcessingInstruction,
        entity=html.HtmlEntity,
    )


def _flatten_nesting(source: str, max_depth: int) -> str:
    """Drop start and end tags nested deeper than `max_depth` (block tags become `<br>`),
    so that libxml2 parses the whole page instead of stopping at its depth limit.

    Paragraph-like tags (`_TEXT_BLOCKS`) are always kept: libxml2 closes them itself, and
    without them trafilatura would not see the deep text as paragraphs.
    """
    out: list[str] = []
    pos = depth = 0
    dropped: Counter[str] = Counter()
    for match in _TAG.finditer(source):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or name in _TEXT_BLOCKS or self_closing:
            continue
        if not closing and depth < max_depth:
            depth += 1
            continue
        if closing and not dropped[name]:
            depth = max(depth - 1, 0)
            continue
        if closing:
            dropped[name] -= 1
        else:
            dropped[name] += 1
        between = source[pos : match.start()]
        if between.strip() or not out:  # one separator per run of dropped tags
            out.append(between)
            out.append("<br>" if name in BLOCK_TAGS else " ")
        pos = match.end()
    out.append(source[pos:])
    return "".join(out)


def _drop_bulk_data(tree, source_chars: int) -> None:
    """Empty scripts and styles, and drop attribute values (inlined images), longer than
    `_BULK_CHARS`: never visible text, and htmldate would search them character by
    character. JSON-LD is kept for the metadata. (The XPath finds them in C: no Python
    loop over every element.) A page of at most `_BULK_CHARS` characters of source
    (`source_chars`) is not searched: none of its texts or values can be longer."""
    if source_chars <= _BULK_CHARS:
        return
    texts, attributes = _bulk_xpaths()
    for element in texts(tree, n=_BULK_CHARS):
        if (element.get("type") or "").strip().lower() != "application/ld+json":
            element.text = ""
    for value in attributes(tree, n=_BULK_CHARS):
        del value.getparent().attrib[value.attrname]


@cache
def _bulk_xpaths():
    """Compiled XPaths of long script/style texts and of long attribute values."""
    from lxml import etree

    texts = "//script[string-length(text()) > $n] | //style[string-length(text()) > $n]"
    return etree.XPath(texts), etree.XPath("//@*[string-length(.) > $n]")


def _clean_field(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
