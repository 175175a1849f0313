"""The page in reading order: the extracted lines and the page blocks left out, one slot each.

`visible_blocks` renders a parsed page as its visible text, one block per line, each with
the element that holds it. `page_order` walks those blocks and the lines trafilatura
extracted together: an extracted line takes the place of the first block that starts it
(trafilatura sometimes moves a standfirst to the end; a menu item "D.C." found inside a
paragraph does not move the paragraph to the menu), else of the first block found inside
it; a block that is in no extracted line is a left-out slot of its own. The slots are the one
numbering base of `removed` for HTML: slot numbers count the article's paragraphs and the
removed blocks in page order, so the kept paragraphs fill the numbers not removed.

`rescue` turns left-out slots back into article lines when a row of `RESCUE_RULES` says
they belong to it: a standfirst or teaser paragraph or a figure caption inside the
article (not of the page's lead picture or a gallery). `split_credits` splits the picture
credit off a caption line. `vote` removes extracted lines where trafilatura's modes
disagree and the line is not prose (`MODE_VOTES`: the balanced mode kept it, the
precision mode did not).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from operator import itemgetter

from .rules import Rule

#: Elements that start a new line of visible text (a browser shows them as blocks).
BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "button", "dd", "details"),
        *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "legend", "li"),
        *("main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody"),
        *("td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
INVISIBLE_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
)
#: Characters compared to find blocks inside longer extracted lines, per page.
AUDIT_BUDGET = 50_000_000
#: A sentence ends in one of the stops, then perhaps closing quotes and brackets.
_SENTENCE_STOPS, _SENTENCE_CLOSERS = ".!?。！？…", "\"'”’»)）"
#: A left-out block whose runs of three words are this much in the article is a repeat.
REPEAT_SHARE = 0.8
_WORDS = re.compile(r"\w+")
#: The marker before an extracted list item's or table row's text.
_LINE_MARKER = re.compile(r"^(?:- |\|\s*)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Block:
    """One line of the page's visible text and the innermost block element holding it."""

    text: str
    element: object = None


@dataclass
class Slot:
    """One line of the page in reading order: an extracted line (`output` is its index in
    the extraction), a block left out (`output` None), or a block rescued by `rule`."""

    text: str
    block: Block | None = None
    output: int | None = None
    rule: str | None = None
    modes: frozenset[str] = frozenset()
    demoted: str | None = None
    #: For an extracted line, the first page block it is made of (None when not found).
    origin: Block | None = None

    @property
    def kept(self) -> bool:
        return (self.output is not None or self.rule is not None) and self.demoted is None


def visible_blocks(tree) -> list[Block]:
    """Visible text of the page, one block per line (whitespace collapsed), with the block
    element each line starts in (the innermost open block when its first visible text came)."""
    from lxml import etree

    blocks: list[Block] = []
    buffer: list[str] = []
    blank = True  # the buffer holds whitespace only (or nothing)
    open_blocks: list = [None]
    owner = None
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if tag in INVISIBLE_TAGS or tag.__class__ is not str:
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                if buffer:  # a block starts a new line
                    if not blank:
                        blocks.append(Block(" ".join("".join(buffer).split()), owner))
                    buffer.clear()
                    blank = True
                open_blocks.append(element)
            text = element.text
        else:
            if tag in BLOCK_TAGS:
                if buffer:
                    if not blank:
                        blocks.append(Block(" ".join("".join(buffer).split()), owner))
                    buffer.clear()
                    blank = True
                if open_blocks[-1] is element:
                    open_blocks.pop()
            text = element.tail if element is not tree else None
        if text:
            if blank:
                owner = open_blocks[-1]
                blank = text.isspace()
            buffer.append(text)
    if not blank:
        blocks.append(Block(" ".join("".join(buffer).split()), owner))
    return blocks


def _pieces(line: str) -> list[str]:
    """An extracted line and the page blocks it may come from: list item text, table cells."""
    line = " ".join(line.split())
    pieces = [line]
    if line.startswith("- "):
        pieces.append(line[2:])
    if line.startswith("|"):
        pieces += [cell.strip() for cell in line.strip("|").split(" | ") if cell.strip()]
    return pieces


def page_order(blocks: list[Block], lines: list[str]) -> list[Slot]:
    """The extracted `lines` and the blocks not in them, in page order (see module doc).

    Each extracted line absorbs the blocks it is made of once: a second copy of the same
    block is a left-out slot of its own. The search for blocks inside longer lines stops
    after `AUDIT_BUDGET` characters (the rest count as left out).
    """
    normalized = [" ".join(line.split()) for line in lines]
    # each piece's lines not yet used, the last to use first (a block takes the first line)
    unused: dict[str, list[int]] = defaultdict(list)
    for i in range(len(lines) - 1, -1, -1):
        for piece in dict.fromkeys(_pieces(normalized[i])):
            unused[piece].append(i)
    words = {w for line in normalized for w in line.split()}
    budget, total = AUDIT_BUDGET, sum(map(len, normalized))
    keyed: list[tuple[tuple[int, int, int], Slot]] = []
    first_block: dict[int, int] = {}  # line -> the first block that starts it
    inner_block: dict[int, int] = {}  # line -> the first block found inside it elsewhere
    cursor = 0
    for b, block in enumerate(blocks):
        text = block.text
        left = unused.get(text)
        starts = True
        if left:
            found = left.pop()
        elif left is None and budget > 0 and words.issuperset(text.split()):
            budget -= total
            found = _inside(text, normalized, cursor)
            starts = found is not None and _starts(normalized[found], text)
        else:
            found = None
        if found is None:
            keyed.append(((b, 0, 0), Slot(text, block)))
        elif starts:
            first_block.setdefault(found, b)
            cursor = max(cursor, found)
        else:
            inner_block.setdefault(found, b)
    at = -1
    for i, line in enumerate(lines):  # a line found nowhere on the page follows the one before
        b = first_block.get(i, inner_block.get(i))
        at = at if b is None else b
        origin = None if b is None else blocks[b]
        keyed.append(((at, 1, i), Slot(line, output=i, origin=origin)))
    keyed.sort(key=itemgetter(0))
    return [slot for _, slot in keyed]


def _starts(line: str, text: str) -> bool:
    """Whether the extracted `line` starts with the words of `text` (after a list item's
    or a table row's marker)."""
    return f"{_LINE_MARKER.sub('', line)} ".startswith(f"{text} ")


def _inside(text: str, lines: list[str], start: int) -> int | None:
    """The first extracted line from `start` on (then before it) that holds `text`."""
    padded = f" {text} "
    for i in (*range(start, len(lines)), *range(start)):
        if padded in f" {lines[i]} ":
            return i
    return None


def mark_modes(slots: list[Slot], modes: dict[str, list[str]]) -> None:
    """Note on each slot which other extraction modes kept its text."""
    for mode, lines in modes.items():
        pieces = {piece for line in lines for piece in _pieces(line)}
        joined = " " + " ".join(" ".join(line.split()) for line in lines) + " "
        for slot in slots:
            text = " ".join(slot.text.split())
            if text in pieces or f" {text} " in joined:
                slot.modes |= {mode}


@dataclass(frozen=True)
class ModeVote:
    """An extracted line is removed when the other extraction `mode` drops it, it has
    fewer than `max_words` words (CJK: 2 characters a word), and it lies before the
    article's first line of prose (a sentence of `prose_words` words or more) or after its
    last."""

    id: str
    reason: str
    mode: str
    prose_words: int = 8
    max_words: int = 6


#: Where trafilatura's modes disagree on a line of the article, one row per mode asked.
MODE_VOTES: tuple[ModeVote, ...] = (
    ModeVote(
        id="html-precision",
        reason="only trafilatura's balanced mode keeps it, its precision mode drops it, and "
        "it is not a sentence of prose",
        mode="precision",
    ),
)


def vote(slots: list[Slot], votes: tuple[ModeVote, ...], asked: set[str]) -> int:
    """Demote extracted lines (in place) that a row of `votes` removes; the number demoted.
    Only the rows whose mode was run (`asked`) vote, and only on short lines at the
    article's edges: headings and list items inside the article stay."""
    demoted = 0
    for row in votes:
        if row.mode not in asked:
            continue
        prose = [
            n
            for n, slot in enumerate(slots)
            if slot.kept and is_sentence(slot.text) and words_of(slot.text) >= row.prose_words
        ]
        if not prose:
            continue
        for n, slot in enumerate(slots):
            inside = prose[0] <= n <= prose[-1] or words_of(slot.text) >= row.max_words
            if slot.output is None or slot.demoted or inside or row.mode in slot.modes:
                continue
            slot.demoted = row.id
            demoted += 1
    return demoted


# --- teaser lists ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TeaserList:
    """Extracted lines that are other articles' teasers: the line's block lies within
    `depth` levels of an item element (`items` tags) that also holds a heading (`headings`
    tags) of at least `min_heading_words` words that is mostly link text (the other
    article's headline, not a section name linked to a help page), the headline is not a
    line of the article, and at least `min_items` sibling items of at most
    `max_item_words` words have such a linked heading (a list of short teasers, not one
    linked heading in the article nor a page's sections under links to their own pages)."""

    id: str
    reason: str
    items: frozenset[str]
    headings: frozenset[str]
    depth: int = 4
    min_items: int = 3
    min_link_share: float = 0.8
    min_heading_words: int = 4
    max_item_words: int = 150


#: Lists of other articles inside what the extractor kept (examples in the tests).
TEASER_LISTS: tuple[TeaserList, ...] = (
    TeaserList(
        id="html-teaser-list",
        reason="the summary of another article in a list of teasers, each under its "
        "linked headline",
        items=frozenset(("li", "article")),
        headings=frozenset(("h2", "h3", "h4", "h5", "h6")),
    ),
)


def demote_teasers(slots: list[Slot], rows: tuple[TeaserList, ...] = TEASER_LISTS) -> int:
    """Demote extracted lines (in place) that a row of `rows` finds in a teaser list; the
    number demoted."""
    article = {" ".join(slot.text.split()) for slot in slots if slot.kept}
    demoted = 0
    for row in rows:
        listed: dict[object, bool] = {}  # item element -> in a teaser list
        for slot in slots:
            if not slot.kept or slot.origin is None or slot.origin.element is None:
                continue
            item = _teaser_item(slot.origin.element, row, article, listed)
            if item is not None:
                slot.demoted = row.id
                demoted += 1
    return demoted


def _teaser_item(element, row: TeaserList, article: set[str], listed: dict) -> object | None:
    """The item of a teaser list that `element` lies in, or None."""
    for _ in range(row.depth + 1):
        if element is None or not isinstance(element.tag, str):
            return None
        if element.tag in row.items:
            if element not in listed:
                listed[element] = _in_teaser_list(element, row, article)
            return element if listed[element] else None
        element = element.getparent()
    return None


def _linked_heading(item, row: TeaserList, article: set[str] | None = None) -> bool:
    """Whether `item` is short and holds a heading that is mostly link text (and, given
    the `article`'s lines, not one of them)."""
    if words_of(item.text_content()) > row.max_item_words:
        return False
    for heading in item.iter(*row.headings):
        text = " ".join(heading.text_content().split())
        if words_of(text) < row.min_heading_words or (article is not None and text in article):
            continue
        if link_share(heading, text) >= row.min_link_share:
            return True
    return False


def _in_teaser_list(item, row: TeaserList, article: set[str]) -> bool:
    if not _linked_heading(item, row, article):
        return False
    parent = item.getparent()
    if parent is None:
        return False
    siblings = [el for el in parent if el.tag == item.tag]
    return sum(_linked_heading(el, row) for el in siblings) >= row.min_items


# --- rescue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RescueRule:
    """A kind of left-out block that belongs to the article: `element` says whether its
    element (or an ancestor within `depth`) is of that kind; the block must also hold at
    least `min_words` words (CJK: 2 characters a word), have at most `max_link_share` of
    its text in links, end like a sentence when `sentence`, and lie within the article's
    span (from `lead` slots before its first line to its last line); a block `not_text`
    matches (a photo credit, a "click to enlarge") or of more than `max_words` words (a
    whole copy of the article in a mislabelled element) is never rescued, nor one whose
    text the article holds already (whole, or `REPEAT_SHARE` of its runs of three words).
    With `one_run`, the rule's blocks must form one run of
    adjacent slots: blocks of its kind in two runs or more are a list of other articles'
    teasers (each under its headline link), and none of them is rescued. A block within
    `outside_depth` levels of an element `not_inside` says is no part of the article (an
    author's box, the site's header or a widget) is never rescued."""

    id: str
    reason: str
    element: Callable[[object], bool]
    not_text: re.Pattern[str] | None = None
    not_inside: Callable[[object], bool] | None = None
    outside_depth: int = 4
    depth: int = 2
    min_words: int = 6
    max_words: int = 400
    max_link_share: float = 0.3
    sentence: bool = True
    lead: int = 0
    one_run: bool = False


_STANDFIRST_NAMES = re.compile(
    r"(?:^|[\s_-])(?:teaser|standfirst|lead|leadin|lede|intro|summary|dek|deck|subtitle|"
    r"subline|sub-?headline|abstract|excerpt|description|article-?teaser|vorspann|"
    r"einleitung|entradilla|chapeau|chapo|summary-text)(?:$|[\s_-])",
    re.I,
)
_CAPTION_NAMES = re.compile(
    r"caption|legend|bildunterschrift|bu-text|pic-?note|img-?desc|image-?text|photo-?text|"
    r"wp-caption-text|figure-?text",
    re.I,
)


def _named(pattern: re.Pattern[str]) -> Callable[[object], bool]:
    def test(element) -> bool:
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        return bool(names.strip()) and pattern.search(names) is not None

    return test


#: Class or id names of page parts around an article that are not the article: an
#: author's box ("about the author": the class `author`, `author-bio`, `abh_`), the
#: site's header and its tagline (`site-description`, `masthead`, `navbar`, Blogger's
#: `header-inner`), widgets, newsletter boxes and banners. WordPress's `author-<name>`
#: on the post itself is not an author's box, nor is an advertiser's `skin-branding`
#: around the whole page a header.
_NOT_ARTICLE_NAMES = re.compile(
    r"(?:^|\s)authors?(?:$|\s)|(?:^|[\s_-])(?:abh|author-?(?:box|bio|info|card|profile|"
    r"about|description)|about-?(?:the-?)?author|site-?description|site-?title|tagline|"
    r"masthead|navbar|header-inner|widget|newsletter|banner)(?:$|[\s_-])",
    re.I,
)
#: Caption-like blocks that are not text of the article: a credit alone, a viewer hint.
_CREDIT_OR_HINT = re.compile(
    r"^\(?\s*(?:quelle|foto|fotos|bild|bilder|photo|photos|image|credit|source|©)\s*[:：]"
    r"|zum vergrößern|click to enlarge|tap to enlarge|klicken sie",
    re.I,
)


_CAPTION_NAMED = _named(_CAPTION_NAMES)


def _is_caption(element) -> bool:
    return element.tag == "figcaption" or _CAPTION_NAMED(element)


#: Class or id names of a page's lead picture or of a gallery: the featured or header
#: image above the article, a hero, a carousel or slideshow. Their captions describe
#: pictures the page shows beside the article (on the development part of trafilatura's
#: set, 6 of 34 rescued captions its annotators mark as boilerplate, none of the 5 they
#: mark as article text).
_LEAD_MEDIA_NAMES = re.compile(
    r"(?:featured|header|hero|lead|top)[-_]?(?:image|img|media|photo|picture|"
    r"thumbnail)|article-?header|(?:^|[\s_-])(?:hero|intro|gallery|carousel|slider|"
    r"slideshow)(?:$|[\s_-])",
    re.I,
)


_LEAD_MEDIA_NAMED = _named(_LEAD_MEDIA_NAMES)


def _lead_media(element) -> bool:
    """Whether `element` is a page header or holds a lead picture or gallery."""
    return element.tag == "header" or _LEAD_MEDIA_NAMED(element)


#: Left-out blocks that belong to the article, one row per kind (examples in the tests).
RESCUE_RULES: tuple[RescueRule, ...] = (
    RescueRule(
        id="html-standfirst",
        reason="a standfirst or teaser paragraph of the article (class teaser, lead, intro, …)",
        element=_named(_STANDFIRST_NAMES),
        not_inside=_named(_NOT_ARTICLE_NAMES),
        min_words=8,
        lead=6,
        one_run=True,
    ),
    RescueRule(
        id="html-caption",
        reason="the caption of a figure inside the article",
        element=_is_caption,
        not_text=_CREDIT_OR_HINT,
        not_inside=_lead_media,
        depth=3,
        min_words=4,
        max_words=80,
        max_link_share=0.5,
        sentence=False,
    ),
)


def words_of(text: str) -> float:
    """Words of `text`, a CJK character counting as half a word."""
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + cjk / 2


def link_share(element, text: str) -> float:
    """Share of the block's characters that are link text (all of them inside a link:
    a teaser's headline or caption wrapped in its `<a>`)."""
    if element is None or not text:
        return 0.0
    if next(element.iterancestors("a"), None) is not None:
        return 1.0
    linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return min(linked / len(text), 1.0)


def is_sentence(text: str) -> bool:
    """Whether `text` ends like a sentence: one of `_SENTENCE_STOPS`, then perhaps closing
    quotes and brackets (`_SENTENCE_CLOSERS`) and whitespace."""
    end = text.rstrip().rstrip(_SENTENCE_CLOSERS)
    return end[-1:] in _SENTENCE_STOPS if end else False


def rescue(slots: list[Slot], rules: tuple[RescueRule, ...] = RESCUE_RULES) -> int:
    """Turn left-out slots that a rule says belong to the article into kept ones (in place);
    the number rescued."""
    kept = [n for n, slot in enumerate(slots) if slot.kept]
    if not kept:
        return 0
    first, last = kept[0], kept[-1]
    lead = max((rule.lead for rule in rules), default=0)
    article = " ".join(" ".join(slots[n].text.split()) for n in kept)
    grams: set[tuple[str, ...]] | None = None  # the article's, once a block is a candidate
    found: dict[str, list[int]] = defaultdict(list)
    for n in range(max(first - lead, 0), last + 1):
        slot = slots[n]
        if slot.kept or slot.block is None or slot.block.element is None:
            continue
        rule = next((r for r in rules if _fits(r, slot, n, first, last)), None)
        if rule is None or f" {slot.text} " in f" {article} ":
            continue
        grams = _trigrams(article) if grams is None else grams
        if not _repeats(slot.text, grams):
            found[rule.id].append(n)
    rescued = 0
    for rule in rules:
        numbers = found[rule.id]
        if numbers and rule.one_run and numbers[-1] - numbers[0] >= len(numbers):
            continue  # two runs or more: a teaser list
        for n in numbers:
            slots[n].rule = rule.id
        rescued += len(numbers)
    return rescued


def _trigrams(text: str) -> set[tuple[str, ...]]:
    """The runs of three words of `text` (casefolded, punctuation ignored)."""
    words = _WORDS.findall(text.casefold())
    return set(zip(words, words[1:], words[2:], strict=False))


def _repeats(text: str, article: set[tuple[str, ...]]) -> bool:
    """Whether the article (its `_trigrams`) holds `REPEAT_SHARE` of the runs of three
    words of `text` already (a standfirst that is the first paragraph again, give or take
    a link label such as "Opens a new window")."""
    own = _trigrams(text)
    return bool(own) and len(own & article) >= REPEAT_SHARE * len(own)


def _fits(rule: RescueRule, slot: Slot, n: int, first: int, last: int) -> bool:
    """Whether `rule` rescues the left-out `slot` (number `n`); the cheap tests first."""
    if not first - rule.lead <= n <= last:
        return False
    if rule.sentence and not is_sentence(slot.text):
        return False
    if rule.not_text is not None and rule.not_text.search(slot.text):
        return False
    if not rule.min_words <= words_of(slot.text) <= rule.max_words:
        return False
    element = slot.block.element
    if not _within(element, rule.element, rule.depth):
        return False
    if rule.not_inside is not None and _within(element, rule.not_inside, rule.outside_depth):
        return False
    return link_share(element, slot.text) <= rule.max_link_share


def _within(element, test: Callable[[object], bool], depth: int) -> bool:
    """Whether `element` or an ancestor within `depth` levels passes `test`."""
    for _ in range(depth + 1):
        if element is None or not isinstance(element.tag, str):
            return False
        if test(element):
            return True
        element = element.getparent()
    return False


# --- caption credits ------------------------------------------------------------------------


def split_credits(slots: list[Slot], rows: tuple[Rule, ...]) -> list[Slot]:
    """The slots with the picture credit that closes a kept caption line (the `credit`
    group of the first row of `rows` that matches it) split off into a removed slot of
    its own after the caption (demoted by the row), and a caption line that is all
    credit demoted whole. Only lines whose block lies within a caption element (a
    `<figcaption>` or a caption class, `_is_caption`) are looked at: a credit closes a
    caption, and prose that ends in "Foto: …" elsewhere is left alone."""
    out: list[Slot] = []
    for slot in slots:
        out.append(slot)
        block = slot.block or slot.origin
        if not slot.kept or block is None or not _within(block.element, _is_caption, 3):
            continue
        found = next(((row, m) for row in rows if (m := row.regex.search(slot.text))), None)
        if found is None:
            continue
        row, match = found
        caption = slot.text[: match.start()].rstrip(" -–—|")
        if not caption:
            slot.demoted = row.id
            continue
        out[-1] = replace(slot, text=caption)
        out.append(Slot(match.group("credit"), demoted=row.id))
    return out
