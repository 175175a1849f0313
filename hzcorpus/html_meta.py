"""Metadata of an HTML page that trafilatura misses: authors, the headline the page's
JSON-LD gives and shows, and the declared language.

Authors come from, in this order: trafilatura's author with its labels cut off ("作者：王小明
记者 李华" gives "王小明; 李华"), the page's `<meta name="author">`, a schema.org `author` in
its JSON-LD, and a byline near the top of the article (`BYLINE_RULES`, built from the byline
grammar `bylines.BYLINE_SHAPES` that the page-text cleaner's byline row shares: "By …",
"Von …", "作者：…", "…记者 …"). Several authors are joined with "; ", as trafilatura does.

The headline: a schema.org `headline` in the page's JSON-LD (the first), when the page also
shows it as a text of its own (an `<h1>` or an extracted line): the article's own title,
where trafilatura's pick is often the `og:title` written for sharing ("Dead Skin Cells
Might Actually Be A Good Thing" over "Wait, are dead skin cells actually a good thing?").

The declared language is the primary subtag of `<html lang>` (or `xml:lang`, or a
`Content-Language` meta tag): a hint of what the page says it is, not a detection.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator

from .authors import is_agency, people_first, split_names
from .bylines import BYLINE_SHAPES, NAMES, BylineShape, text_pattern
from .rules import Rule


def _shape_rule(shape: BylineShape) -> Rule:
    """The row that reads a short text's names in bylines of `shape`."""
    return Rule(
        id=f"byline-{shape.lang}",
        reason=f"a byline ({shape.lang}): {' / '.join(shape.leads)} and the names",
        flags=0,
        pattern=text_pattern(shape),
        match=shape.match,
        no_match=shape.no_match,
    )


#: Bylines: each row finds the author names in a short text of the page (`author` groups),
#: one row per language of `bylines.BYLINE_SHAPES`, and a blog post's "Posted on … by …".
BYLINE_RULES: tuple[Rule, ...] = (
    *(_shape_rule(shape) for shape in BYLINE_SHAPES if not shape.cjk),
    Rule(
        id="byline-posted",
        reason="a blog post's byline: posted on a day by a name (a user name too)",
        flags=0,
        pattern=r"^(?:[Pp]osted|[Pp]ublished|[Vv]eröffentlicht|[Pp]ublicado|[Pp]ublié)\s+"
        r"(?:on|am|el|le)\s+[^|]{4,30}?\s+(?:by|von|por|par)\s+"
        rf"(?P<author>{NAMES}|[\w.-]{{2,30}})\s*(?:$|[,|·/–—(-])",
        match=(
            *("Posted on September 21, 2020 by Ann Lee", "Posted on 2015-04-05 by marc | Reply"),
            "Veröffentlicht am 21. Juli 2019 von Eva Roth",
        ),
        no_match=("Posted on September 21, 2020", "Posted on Monday"),
    ),
    *(_shape_rule(shape) for shape in BYLINE_SHAPES if shape.cjk),
)
#: Author values that name no person: the tool that made the page (trafilatura reads
#: `<meta name="creator" content="rfcmarkup version 1.111">` as an author) or an account
#: form's label picked up from a login box.
NOT_AN_AUTHOR: tuple[Rule, ...] = (
    Rule(
        id="author-tool",
        reason="the program that made the page, not its author",
        pattern=r"\bversion\b|\bv?\d+(?:\.\d+)+\b|^(?:microsoft (?:word|office)|"
        r"ms ?word|libreoffice|openoffice|adobe \w+|wordpress|joomla|drupal|typo3|"
        r"frontpage|dreamweaver)\b",
        match=("Rfcmarkup Version", "rfcmarkup version 1.111", "Microsoft Word 15", "WordPress"),
        no_match=("Michiel de Jong", "Hugo Boss", "Jane Versionova"),
    ),
    Rule(
        id="author-account-label",
        reason="the label of an account or comment form (user name, log in, name) or "
        "of a share button, not a name",
        pattern=r"^(?:user ?name|benutzername|nutzername|nombre de usuario|usuario|"
        r"nom d'utilisateur|identifiant|用户名|用戶名|登录|log ?in|sign ?in|anmelden|"
        r"anonymous|anonym|anónimo|anonyme|admin|administrator|name|nombre|nom|"
        r"posted|follow|folgen|no author|datum|facebook(?: com)?|twitter(?: com)?|"
        r"instagram(?: com)?)$",
        match=(
            *("Username", "Benutzername", "Nombre de usuario", "Nom d'utilisateur", "用户名"),
            *("Name", "Posted", "Follow", "Facebook Com"),
        ),
        no_match=("Ann Username", "Jane Doe", "Ann Name", "Posted by Ann Lee"),
    ),
)
#: Words that end an author's name in trafilatura's output when a date follows the byline
#: ("Joshua Sokol May", "Sara Zinnecker Stand"): never the end of a name.
_DATE_WORDS_TEXT = (
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday "
    "thursday friday saturday sunday januar februar märz mai juni juli oktober dezember "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag stand updated "
    "aktualisiert published veröffentlicht am on vom"
)
DATE_WORDS: frozenset[str] = frozenset(_DATE_WORDS_TEXT.split())
_ZH_BYLINE = next(rule for rule in BYLINE_RULES if rule.id == "byline-zh")
_LANG = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
_META_AUTHOR_NAMES = ("author", "article:author", "dc.creator", "byl", "sailthru.author")
#: Texts longer than this are not bylines.
BYLINE_MAX_CHARS = 80
_JSON_LD_MAX_NODES = 10_000


def byline_names(text: str) -> list[str]:
    """The author names in `text` when it is a byline (a short text), else []."""
    text = " ".join(text.split())
    if not text or len(text) > BYLINE_MAX_CHARS:
        return []
    names: list[str] = []
    for rule in BYLINE_RULES:
        for match in rule.regex.finditer(text):
            found = next((g for g in match.groups() if g), "")
            names += [
                name
                for name in map(_without_date_words, split_names(found))
                if name.casefold() not in DATE_WORDS  # "By Ann Lee, August 3, 2021"
            ]
            if rule is not _ZH_BYLINE:
                break
        if names:
            break
    return people_first(list(dict.fromkeys(names)))


def clean_author(author: str | None) -> str | None:
    """An extracted author without byline labels, names of no person (`NOT_AN_AUTHOR`)
    and repeats (in any letter case); None when nothing is left."""
    if not author:
        return None
    author = " ".join(author.split())
    names = byline_names(author)
    if not names and (_ZH_BYLINE.regex.search(author) or re.search(r"[:：]", author)):
        return None
    names = [_without_date_words(name) for name in names or author.split("; ")]
    people: dict[str, str] = {}
    for name in names:
        if name and not _names_no_one(name):
            people.setdefault(name.casefold(), name)
    return "; ".join(people_first(list(people.values()))) or None


#: Legal forms that may follow a publisher's name in an author field ("… Zeitung GmbH").
_LEGAL_FORMS = re.compile(
    r"\s+(?:gmbh|ag|se|kg|e\.?\s?v\.?|inc\.?|ltd\.?|llc|s\.?a\.?|s\.?l\.?)$", re.I
)
_DOMAIN_END = re.compile(r"\.[a-z]{2,6}$", re.I)


def without_site(author: str | None, sitename: str | None) -> str | None:
    """`author` without the names that are the page's site (its publisher: "El Mostrador;
    Raúl Espina", "Rob Picheta, CNN"), when a name is left: the site's name as the page
    gives it, or its domain ("die-tagespost.de"), a legal form ("GmbH") not counted."""
    if not author or not sitename:
        return author
    sites = {letters(sitename), letters(_DOMAIN_END.sub("", sitename))} - {""}
    names = []
    for name in author.split("; "):
        head, _, last = name.rpartition(", ")
        if head and letters(last) in sites:  # "Rob Picheta, CNN"
            name = head
        if letters(_LEGAL_FORMS.sub("", name)) not in sites:
            names.append(name)
    return "; ".join(names) if names else author


def _names_no_one(name: str) -> bool:
    return any(rule.regex.search(name) for rule in NOT_AN_AUTHOR)


def _without_date_words(name: str) -> str:
    """A name without the date words trafilatura ran into it ("Joshua Sokol May")."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold().strip(".,") in DATE_WORDS:
        words.pop()
    return " ".join(words)


def page_author(extracted: str | None, tree, texts: Iterable[str]) -> str | None:
    """The article's author: trafilatura's `extracted` one without labels (in the page's
    own spelling when its first meta tag gives the same name, or its meta tags together
    give the same names: trafilatura splits "Kooman, F." at the comma), else the first
    meta tag's, the JSON-LD's, or the first byline in `texts`; where those name only news
    agencies, the first byline in `texts` that names a person."""
    texts = list(texts)
    author = _markup_author(extracted, tree) or _byline_author(texts)
    if author and all(map(is_agency, author.split("; "))):
        return _byline_author(texts, people=True) or author
    return author


def _byline_author(texts: list[str], people: bool = False) -> str | None:
    """The names of the first byline among `texts` (with `people`: that names a person)."""
    for text in texts:
        names = byline_names(text)
        if names and not (people and all(map(is_agency, names))):
            return "; ".join(names)
    return None


def _markup_author(extracted: str | None, tree) -> str | None:
    """The author that trafilatura, the meta tags or the JSON-LD give (see `page_author`)."""
    author = clean_author(extracted)
    metas = list(dict.fromkeys(filter(None, map(_meta_author, tree.iter("meta")))))
    meta = metas[0] if metas else None
    if author and meta and letters(author) == letters(meta):
        return meta
    if author and any("," in name for name in metas) and letters(author) == letters("".join(metas)):
        return "; ".join(metas)
    return author or meta or _json_ld_author(tree)


def _meta_author(meta) -> str | None:
    name = (meta.get("name") or meta.get("property") or "").strip().lower()
    content = " ".join((meta.get("content") or "").split())
    if name in _META_AUTHOR_NAMES and content and "/" not in content:
        return clean_author(content)
    return None


def letters(text: str) -> str:
    """The letters and digits of `text`, casefolded (names compared whatever their spelling)."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def json_ld_objects(tree) -> Iterator[dict]:
    """The JSON objects of the page's JSON-LD scripts, depth first (at most
    `_JSON_LD_MAX_NODES` nodes per script)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            stack = [json.loads(script.text or "")]
        except (ValueError, RecursionError):
            continue
        for _ in range(_JSON_LD_MAX_NODES):
            if not stack:
                break
            node = stack.pop()
            if isinstance(node, dict):
                yield node
                stack.extend(reversed(node.values()))
            elif isinstance(node, list):
                stack.extend(reversed(node))


def shown_headline(tree, shown: set[str]) -> str | None:
    """The first JSON-LD `headline` of the page (entities decoded, whitespace collapsed)
    when it is one of the `shown` texts (the page's h1s and extracted lines), else None."""
    for node in json_ld_objects(tree):
        headline = node.get("headline")
        if isinstance(headline, str):
            text = " ".join(html.unescape(headline).split())
            return text if text in shown else None
    return None


def _json_ld_author(tree) -> str | None:
    for node in json_ld_objects(tree):
        names = _author_names(node.get("author"))
        if names:
            return "; ".join(names)
    return None


def _author_names(value) -> list[str]:
    """Names of a JSON-LD `author` value: a string, a Person, or a list of them (not
    those `NOT_AN_AUTHOR` finds)."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and "/" not in name:
            name = " ".join(name.split())
            if not _names_no_one(name):
                names.append(name)
    return people_first(names)


def declared_language(tree) -> str | None:
    """The primary language subtag the page declares (`<html lang="de-DE">` gives "de")."""
    root = tree.getroottree().getroot()
    values = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    values.append(root.get("xml:lang"))
    values += [
        meta.get("content")
        for meta in tree.iter("meta")
        if (meta.get("http-equiv") or "").strip().lower() == "content-language"
    ]
    for value in values:
        match = _LANG.match((value or "").strip())
        if match:
            return match.group(0).lower()
    return None
