"""Bylines as data: one grammar of "By Jane Doe, AFP", "Von Anna Schmidt", "作者：王小明".

A byline is a lead (`BYLINE_SHAPES`: per language, "By", "Von", "Por", "Par", "作者", ...),
the names (`NAMES`: up to four, "Anna Schmidt und Max Weber"), and maybe what a byline puts
after them: an agency, desk or place after a separator ("| Reuters", ", AP Business
Writer"), "for The Associated Press", a date ("Feb 8, 2020"), or a credit of someone who is
not an author (`CREDITS`: "Photo: Ann Lee"; a credit never opens a byline). Both paths build
their rows from this table and keep their own action: the page-text cleaner's `byline` row
(`line_pattern`, boilerplate) matches a whole line, removes it and keeps its names; the HTML
path's `BYLINE_RULES` (`text_pattern`, html_meta) read the names of a short text of the
page, whatever follows them. `authors.split_names` splits the names either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import MONTH_ABBREVIATIONS, MONTHS, alternation


@dataclass(frozen=True)
class BylineShape:
    """The bylines of one language: the `leads` that open them (as written, a colon
    included; case: as written, with a lowercase first letter, or with `capitals` in
    capitals too: "BY JANE DOE", where "POR FIN" and "PAR Exemple" are no bylines), the
    `credit_leads` of a list of credits that open them too ("Text: Eva Roth, Fotos: Max
    Weber"; alone, "Text" is a word of the page, not an empty byline), whether
    the names are in CJK script (`cjk`: a colon, bar or slash follows the lead, or a space
    after one of `spaced_leads`), and examples of texts whose names are read (`match`) or
    that are no byline (`no_match`)."""

    lang: str
    leads: tuple[str, ...]
    credit_leads: tuple[str, ...] = ()
    capitals: bool = False
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    cjk: bool = False
    spaced_leads: tuple[str, ...] = ()


#: Bylines per language.
BYLINE_SHAPES: tuple[BylineShape, ...] = (
    BylineShape(
        lang="en",
        capitals=True,
        leads=(
            *("By", "Written by", "Words by", "Story by", "View all posts by", "All posts by"),
            *("Posted by", "Author:", "By:", "Written by:"),
        ),
        match=(
            *("By Jane Doe", "By Jane Doe and John Smith | Reuters", "Written by Ann Lee, 2 May"),
            *("View all posts by Ann Lee", "By Ann Lee Feb 8, 2020 5 min read", "By: Ann Lee"),
            *("Written by Ann Lee on July 27, 2017", "// By Ann Lee • Nov 11, 2020"),
            *("By Jane Doe for The Associated Press", "By Jane Doe Photo: John Smith"),
            *("Posted by Ann Lee at 9:41 PM", "By Ana de la Vega", "By Ann Lee • 11/08/23"),
        ),
        no_match=("By the end of the year, sales had doubled.", "by now everyone knows"),
    ),
    BylineShape(
        lang="de",
        leads=(
            *("Von", "Von:", "Autor:", "Autorin:", "Geschrieben von", "Verfasst von"),
            *("Verfasst von:", "Erstellt von", "Eingestellt von", "Ein Beitrag von"),
            *("Ein Gastbeitrag von", "Ein Kommentar von", "Eine Kolumne von"),
        ),
        credit_leads=("Text:",),
        match=(
            *("Von Jonas Becker", "Von Anna Schmidt und Max Weber, dpa", "Autorin: Eva Roth"),
            *("Von: Eva Roth | 31.10.23", "von Eva Roth 28. Januar 2022, 12:01"),
        ),
        no_match=("Von Montag an gilt der neue Fahrplan.", "von der Leyen sagte am Montag"),
    ),
    BylineShape(
        lang="es",
        leads=("Por", "De:", "Autor:", "Autora:", "Escrito por", "Publicado por"),
        credit_leads=("Texto:",),
        match=("Por Alberto Ávila", "Por Ana Ruiz, Madrid", "Por Ana Ruiz y Luis Gil"),
        no_match=("Por favor, espere.", "Por qué nadie lo vio venir"),
    ),
    BylineShape(
        lang="fr",
        leads=("Par", "De:", "Auteur:", "Autrice:", "Écrit par", "Publié par", "Rédigé par"),
        credit_leads=("Texte:",),
        match=("Par Attac France", "Par Léa Roy et Jean Roy", "Texte: Léa Roy, photos: Jean Roy"),
        no_match=("Par ailleurs, le gouvernement a tranché.",),
    ),
    BylineShape(
        lang="zh",
        leads=("作者", "记者", "撰文", "文"),
        spaced_leads=("作者", "记者"),
        cjk=True,
        match=("作者：王晓明", "南城晚报记者 陈静", "文/李华", "来源：东方新闻网　作者：王晓明"),
        no_match=("记者从市交通管理部门了解到，截至17时", "作者简介"),
    ),
)

#: Credits of people who are not the article's authors: the names of a byline end before
#: one ("By Jane Doe | Photos: John Smith").
CREDITS: tuple[str, ...] = (
    *("Photo", "Photos", "Foto", "Fotos", "Bild", "Bilder", "Image", "Images", "Video"),
    *("Illustration", "Grafik", "Graphic", "Photography", "Imagen", "Imágenes", "摄影", "图"),
)

_CAP = r"[A-ZÀ-ÖØ-ÝŁŚŻŠČŽ][\w'’.-]+"
#: Words inside a name ("Ana de la Vega", "Ann van der Berg"): at most two in a row.
_PARTICLE = r"(?:de|van|von|der|den|la|las|del|da|dos|du|le|di|zu|ter|ten)\s+"
_NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}){{0,2}}{_CAP}){{0,3}}"
#: A byline's names: up to four, joined as `authors.NAME_SPLIT` splits them.
NAMES = rf"{_NAME}(?:\s*(?:,|and|und|y|et|&)\s*{_NAME}){{0,3}}"
_ZH_NAME = r"[\u4e00-\u9fff·]{2,4}(?![\u4e00-\u9fff])"
_ZH_SEPARATOR = r"\s*[:：|丨/]\s*"
_ZH_LEADS = "|".join(lead for shape in BYLINE_SHAPES if shape.cjk for lead in shape.leads)
#: A Chinese byline's names ("张三、李四", "张三 李四"), not running into the next byline
#: ("作者：王晓明 记者 李华" names 王晓明 first).
ZH_NAMES = rf"{_ZH_NAME}(?:[\s、，,]+(?!(?:{_ZH_LEADS})(?:\s|{_ZH_SEPARATOR})){_ZH_NAME}){{0,3}}"
#: A month's name and a day: a date right after the names ("By Ann Lee Feb 8, 2020").
_DAY_NAMED = rf"(?i:{alternation({*MONTHS, *MONTH_ABBREVIATIONS})})\.?\s+\d"
_CREDIT = rf"(?i:{'|'.join(map(re.escape, CREDITS))})\s*[:：]"
_AGENCY_LEAD = r"(?:for|für|pour|para)\s+(?:the\s+|l')?[A-Z]"
#: Where the names end in a longer text (`text_pattern`): its end, a separator, a date or a
#: time ("at 9:41", "28. Januar"), a credit, or an agency's lead word.
_NAMES_END = (
    rf"\s*(?:$|[,|·•/–—(-]|(?={_DAY_NAMED}|{_CREDIT}|\d)|(?<=\s){_AGENCY_LEAD}"
    rf"|(?<=\s)(?=(?:at|on|am|um|vom|à|el|le)\s+(?:\d|{_DAY_NAMED})))"
)
#: What may follow the names on a byline's own line (`line_pattern`), to the line's end.
_LINE_TAIL = (
    rf"(?:\s*[,|·•/–—-]\s*[\w .&'’•-]{{1,40}}|\s*\([^)]{{1,40}}\)"
    rf"|\s+(?:for|für|pour|para)\s+(?:the\s+|l')?[A-Z][\w .&'’-]{{1,40}}"
    rf"|\s*(?:[,|·•/–—-]\s*|\s){_CREDIT}[\w .&'’,-]{{1,40}})?$"
)


def _cased(lead: str, capitals: bool) -> str:
    """`lead` as written, with a lowercase first letter, or (with `capitals`) in capitals."""
    forms = dict.fromkeys([lead, lead[:1].lower() + lead[1:], *[lead.upper()] * capitals])
    return "|".join(map(re.escape, forms))


def _leads(shape: BylineShape) -> str:
    """The shape's leads as one alternation, each with the space after it (a colon: any
    colon, with or without spaces, "Texte : Léa Roy")."""
    return "|".join(
        rf"(?:{_cased(lead[:-1], shape.capitals)})\s*[:：]\s*"
        if lead.endswith(":")
        else rf"(?:{_cased(lead, shape.capitals)})\s+"
        for lead in sorted(shape.leads + shape.credit_leads, key=len, reverse=True)
    )


def text_pattern(shape: BylineShape) -> str:
    """Of a short text (HTML): the shape's names in group `author` (CJK: `author` or
    `author2`), the text opening with a lead (CJK: a lead anywhere)."""
    if shape.cjk:
        leads = "|".join(map(re.escape, shape.leads))
        spaced = "|".join(map(re.escape, shape.spaced_leads))
        return (
            rf"(?:{leads}){_ZH_SEPARATOR}(?P<author>{ZH_NAMES})"
            rf"|(?:{spaced})\s+(?P<author2>{ZH_NAMES})"
        )
    return rf"^[^\w\s]{{0,3}}\s*(?:{_leads(shape)})(?P<author>{NAMES}){_NAMES_END}"


def line_pattern(shapes: tuple[BylineShape, ...] = BYLINE_SHAPES) -> str:
    """Of a whole line (page text): the names of a byline of any shape in group `author`
    (CJK: `author_zh`), the line being the byline alone."""
    latin = "|".join(_leads(shape) for shape in shapes if not shape.cjk)
    cjk = "|".join(re.escape(lead) for shape in shapes if shape.cjk for lead in shape.leads)
    return (
        rf"^(?:{latin})(?P<author>{NAMES}){_LINE_TAIL}"
        rf"|^(?:{cjk}){_ZH_SEPARATOR}(?P<author_zh>{ZH_NAMES})$"
    )


def empty_pattern(shapes: tuple[BylineShape, ...] = BYLINE_SHAPES) -> str:
    """Of a whole line, any letter case: a lead of one word without names ("By", "Autor",
    "作者："; not a credit lead: "Text" alone is a word of the page)."""
    words = {lead.rstrip(":").lower() for shape in shapes for lead in shape.leads}
    alternatives = "|".join(sorted(re.escape(word) for word in words if " " not in word))
    return rf"^(?:{alternatives})\s*[:：|]?$"


@dataclass(frozen=True)
class NameLines:
    """Where a page-text dump puts an author's name on a line of its own, per language: the
    `leads` of a byline split from its names ("Von" on one line, "Eva Roth" on the next;
    the `BYLINE_SHAPES` leads count too), and the `headings` of an author box ("About the
    author", then the name)."""

    lang: str
    leads: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()


#: Lines after which the next short line names the author.
NAME_LINES: tuple[NameLines, ...] = (
    NameLines(
        lang="en",
        leads=("Author", "Published by", "Article by"),
        headings=("About the author", "About the authors", "About me"),
    ),
    NameLines(
        lang="de",
        leads=("Artikel von", "Beitrag von", "Autor", "Autorin"),
        headings=(
            *("Über den Autor", "Über die Autorin", "Über den Autor/ die Autorin"),
            *("Über die Autoren", "Über mich", "Zur Person"),
        ),
    ),
    NameLines(lang="es", leads=("Autor", "Autora"), headings=("Sobre el autor", "Sobre la autora")),
    NameLines(
        lang="fr",
        leads=("Auteur", "Autrice"),
        headings=("À propos de l'auteur", "À propos de l’auteur", "A propos de l'auteur"),
    ),
    NameLines(lang="zh", leads=("作者",), headings=("作者简介", "关于作者")),
)


def name_lead_pattern(
    shapes: tuple[BylineShape, ...] = BYLINE_SHAPES, lines: tuple[NameLines, ...] = NAME_LINES
) -> str:
    """Of a whole line, any letter case: a byline's lead or an author box's heading alone
    (a colon may follow), after which the next line may be the author's name.
    `clean._name_line` tries it on every line below the title, so a lookahead for the
    words' first characters leaves most lines at once, and the words are a trie (`_trie`);
    in instructions, a third of a plain alternation's cost."""
    words = {lead for shape in shapes for lead in shape.leads}
    words |= {word for entry in lines for word in (*entry.leads, *entry.headings)}
    first = "".join(sorted({re.escape(word[0]) for word in words}))
    colon = _trie(word[:-1] for word in words if word.endswith(":"))
    alternatives = _trie(word for word in words if not word.endswith(":"))
    return rf"^(?=[{first}])(?:{alternatives}\s*[:：]?|{colon}\s*[:：])$"


def _trie(words: Iterable[str]) -> str:
    """A regex of `words` (escaped, a space `\\s+`) as a trie: words that begin alike share
    their beginning, so a line is tried against a few first characters, not every word."""
    root: dict[str, dict] = {}
    for word in sorted(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, dict]) -> str:
        parts = [
            (r"\s+" if char == " " else re.escape(char)) + branch(below)
            for char, below in node.items()
            if char
        ]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


#: A line that is a name and nothing else: a person's ("Eva Roth", "T. V. Raman", "Ana de la
#: Vega", "JANE DOE") or a Chinese one ("王晓明"); a trailing bar or dash is allowed.
NAME_LINE = rf"^(?:{_NAME}|{_ZH_NAME})\s*[|–—-]?$"

#: First words of a line that is no person's name (articles: "The Planetary Press", "Der
#: Turm der Wünsche"), lowercase.
NOT_NAME_STARTS: frozenset[str] = frozenset(
    ("the", "a", "an", "der", "die", "das", "ein", "eine", "el", "la", "los", "las", "le", "les")
)
