"""The development data sets as pages with ground truth, their split, and page-text renderers.

Used by `eval_clean.py` (scores, the oracle) and `train_line_model.py` (the line model's
labels, `Gold`).
The data is the unpacked `devdata` folder (the archives of the project's shared
development data, each unpacked into a folder of its own name); nothing of it is in the
repository. Every data set is split into a development part and a held-out part by a
hash of the page id (`split_of`), fixed before any tuning: tune on "dev" only.

A `Page` holds the HTML and what its data set knows about it: the full article text
(`gold`), or only snippets that must (`with_`) and must not (`without`) be extracted
(trafilatura's set), plus title/author/date where annotated.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from hzcorpus.errors import InputError
from hzcorpus.read import decode

#: Share of each data set's pages held out (never used for tuning).
HELD_OUT_SHARE = 0.3
SPLITS = ("dev", "held-out")


@dataclass
class Page:
    """One page of a data set and its ground truth."""

    dataset: str
    id: str
    html_path: Path
    gold: str | None = None  # the full article text, blocks separated by newlines
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    #: The site the page is from, where the data set tells it (a host name, a site's
    #: name); "" when it does not (`site_key`).
    site: str = ""

    @property
    def site_key(self) -> str:
        """What groups the pages of one site (`site`, else the page alone): pages of one
        site share menus and footers, so training folds that split a site flatter a model."""
        return f"{self.dataset}/{self.site or self.id}"

    @property
    def split(self) -> str:
        return split_of(self.dataset, self.id)

    def html(self) -> str:
        """The page's HTML, decoded as hzcorpus decodes input."""
        return decode(self.html_path.read_bytes())[0]


def split_of(dataset: str, page_id: str) -> str:
    """ "dev" or "held-out", from a hash of the data set and page id (stable across runs)."""
    digest = hashlib.sha256(f"{dataset}/{page_id}".encode()).digest()
    return "held-out" if digest[0] / 256 < HELD_OUT_SHARE else "dev"


# --- data sets ---------------------------------------------------------------------------


def _text_of_html(source: str) -> str:
    """The text of an HTML fragment, one block per line (for HTML ground truth)."""
    from hzcorpus.html import page_text_dump

    return page_text_dump(source)


def trafilatura_eval(root: Path) -> Iterator[Page]:
    """trafilatura's evaluation set: snippets with/without, title/author/date."""
    folder = root / "trafilatura-eval"
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in sorted(data.items()):
        yield Page(
            "trafilatura-eval",
            item["file"],
            folder / "html" / item["file"],
            with_=list(item["with"]),
            without=list(item["without"]),
            title=item.get("title") or None,
            author=item.get("author") or None,
            date=item.get("date") or None,
            site=host_of(url),
        )


def host_of(url: str) -> str:
    """The host of `url` without a leading "www." ("" when it has none)."""
    host = urlsplit(url.strip()).hostname or ""
    return host.removeprefix("www.")


#: A numbered case of one site among Readability's test pages ("bbc-1", "ars-1").
_NUMBERED_CASE = re.compile(r"-\d+$")


def readability(root: Path) -> Iterator[Page]:
    """Mozilla Readability's test pages (the real ones: the lorem-ipsum fixtures are left out)."""
    for case in sorted((root / "readability" / "test-pages").iterdir()):
        expected = case / "expected.html"
        if not expected.exists() or "lorem" in expected.read_text(encoding="utf-8").lower():
            continue
        meta_path = case / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        yield Page(
            "readability",
            case.name,
            case / "source.html",
            gold=_text_of_html(expected.read_text(encoding="utf-8")),
            title=meta.get("title"),
            author=meta.get("byline"),
            date=meta.get("publishedTime"),
            site=_NUMBERED_CASE.sub("", case.name),
        )


_CLEANEVAL_MARK = re.compile(r"^\s*<[phl]>\s*", re.M)


def _cleaneval_gold(path: Path) -> str:
    """A CleanEval-format gold file as blocks, one per line: its URL line dropped, HTML
    character references decoded (CleanPortalEval's files keep `&#8217;` and the like,
    which would count as words no extractor can match)."""
    text = unescape(decode(path.read_bytes())[0])
    lines = text.split("\n")
    if lines and lines[0].startswith("URL:"):
        lines = lines[1:]
    text = _CLEANEVAL_MARK.sub("\n", "\n".join(lines))
    return "\n".join(" ".join(block.split()) for block in text.split("\n") if block.strip())


def _gold_pairs(name: str, inputs: Path, golds: Path, html_suffix: str) -> Iterator[Page]:
    for gold in sorted(golds.glob("*.txt")):
        html = inputs / (gold.stem + html_suffix)
        if html.exists():
            yield Page(name, gold.stem, html, gold=_cleaneval_gold(gold), site=_gold_site(gold))


#: A numbered page of one site (CleanPortalEval's "bbc.co.uk_news_03").
_NUMBERED_PAGE = re.compile(r"(?<=.)_\d+$")


def _gold_site(path: Path) -> str:
    """The host of a CleanEval-format gold file's "URL:" line, else its name without a
    page number ("bbc.co.uk_news"), else ""."""
    first = decode(path.read_bytes())[0].split("\n", 1)[0]
    if first.startswith("URL:"):
        return host_of(first.removeprefix("URL:"))
    site = _NUMBERED_PAGE.sub("", path.stem)
    return site if site != path.stem else ""


def cleaneval(root: Path) -> Iterator[Page]:
    """CleanEval 2007, dev and final sets (full cleaned text)."""
    for part in ("dev", "final"):
        folder = root / "cleaneval" / part
        for page in _gold_pairs("cleaneval", folder / "input", folder / "GoldStandard", ".html"):
            page.id = f"{part}/{page.id}"
            yield page


def cleanportaleval(root: Path) -> Iterator[Page]:
    """CleanPortalEval: news portals and blogs (full cleaned text)."""
    folder = root / "cleanportaleval"
    yield from _gold_pairs("cleanportaleval", folder / "input", folder / "GoldStandard", ".html")


#: L3S-GN1 labels that are the article: headline and full text.
_L3S_ARTICLE = re.compile(r'class="x-nc-sel[12]"')


def _l3s_gold(annotated: Path) -> tuple[str, str | None]:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(decode(annotated.read_bytes())[0])
    blocks, title = [], None
    for span in tree.iter("span"):
        label = span.get("class", "")
        if label in ("x-nc-sel1", "x-nc-sel2"):
            text = " ".join(span.text_content().split())
            if text:
                blocks.append(text)
                if label == "x-nc-sel1" and title is None:
                    title = text
    return "\n".join(blocks), title


def l3s_gn1(root: Path) -> Iterator[Page]:
    """L3S-GN1: Google News pages with annotated headline and full-text blocks."""
    folder = root / "l3s-gn1"
    for original in sorted((folder / "original").glob("*.html")):
        annotated = folder / "annotated" / original.name
        if not annotated.exists():
            continue
        gold, title = _l3s_gold(annotated)
        if gold:
            yield Page("l3s-gn1", original.stem, original, gold=gold, title=title)


def htmltotext(root: Path) -> Iterator[Page]:
    """leogao2's htmltotext benchmark: hand-extracted main text (en, de, hr, zh)."""
    folder = root / "htmltotext-benchmark" / "benchmarkdata"
    for lang in sorted(p.name for p in folder.iterdir() if p.is_dir()):
        for html in sorted((folder / lang / "html").glob("*.html")):
            text = folder / lang / "text" / (html.stem + ".txt")
            if text.exists():
                gold = decode(text.read_bytes())[0]
                site = "-".join(html.stem.split("-")[:2])  # "blog-leogao-1": a blog, leogao
                yield Page("htmltotext", f"{lang}/{html.stem}", html, gold=gold, site=site)


#: Data sets whose gold text holds the article's headline (L3S-GN1 labels it as article
#: text; CleanEval's guidelines, which CleanPortalEval follows, keep headings). A record
#: keeps the headline in its `title`, not twice, so there the record's title and text are
#: scored together (`eval_clean.scored_text`), for every system alike.
HEADLINE_IN_GOLD = frozenset({"cleaneval", "cleanportaleval", "l3s-gn1"})
#: Data set name -> loader over the devdata folder.
DATASETS: dict[str, Callable[[Path], Iterator[Page]]] = {
    "trafilatura-eval": trafilatura_eval,
    "readability": readability,
    "cleaneval": cleaneval,
    "cleanportaleval": cleanportaleval,
    "l3s-gn1": l3s_gn1,
    "htmltotext": htmltotext,
}


def load_pages(root: Path, names: list[str] | None = None) -> list[Page]:
    """The pages of the named data sets (all by default) whose folder is unpacked."""
    pages: list[Page] = []
    for name, loader in DATASETS.items():
        if names and name not in names:
            continue
        try:
            pages.extend(loader(root))
        except FileNotFoundError:
            continue
    return pages


def sample(pages: list[Page], n: int) -> list[Page]:
    """At most `n` pages per data set, the first in the order of a hash of their id: a
    fixed sample that does not follow file names (both splits in their usual shares)."""

    def key(page: Page) -> str:
        return hashlib.sha256(f"sample/{page.dataset}/{page.id}".encode()).hexdigest()

    kept: list[Page] = []
    for name in dict.fromkeys(page.dataset for page in pages):
        kept += sorted((p for p in pages if p.dataset == name), key=key)[:n]
    return kept


# --- line labels -------------------------------------------------------------------------

#: Label tokens: `\w+` runs, but every CJK character is a token of its own (Chinese has no
#: spaces; a run of it would be one token and a whole line one shingle).
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff\uf900-\ufaff]+")


def label_tokens(text: str) -> list[str]:
    """The tokens the line labels compare (`_TOKEN`), lowercased."""
    return _TOKEN.findall(text.lower())


class Gold:
    """A page's ground truth in the forms the line labels need (`label`): the line model's
    training labels (`train_line_model.py`) and the oracle (`eval_clean.py`)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        if page.gold is not None:
            toks = label_tokens(page.gold)
            self.text = f" {' '.join(toks)} "
            self.shingles = {tuple(toks[i : i + 4]) for i in range(max(0, len(toks) - 3))}
            self.blocks = {" ".join(label_tokens(b)) for b in page.gold.split("\n")}
        self.with_ = [f" {' '.join(label_tokens(s))} " for s in page.with_ if label_tokens(s)]
        self.without = [f" {' '.join(label_tokens(s))} " for s in page.without if label_tokens(s)]

    def label(self, line: str) -> int | None:
        """Of a dump line: 1 boilerplate, 0 article, None unlabelled.

        Full-text data sets: a line of 4+ tokens is article when at least half of its
        4-token shingles are in the gold text, boilerplate when under a fifth are; a
        shorter line is article when it equals a gold block, boilerplate when its tokens
        are not in the gold text at all. Snippet data sets: a line holding a `with`
        snippet is article, one holding a `without` snippet boilerplate.
        """
        toks = label_tokens(line)
        norm = f" {' '.join(toks)} "
        if self.page.gold is None:
            if any(s in norm for s in self.with_):
                return 0
            if any(s in norm for s in self.without):
                return 1
            return None
        if not toks:
            return 1
        if len(toks) >= 4:
            grams = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
            share = sum(g in self.shingles for g in grams) / len(grams)
            return 0 if share >= 0.5 else (1 if share < 0.2 else None)
        if norm.strip() in self.blocks:
            return 0
        return 1 if norm not in self.text else None


# --- page-text renderers -----------------------------------------------------------------


def render_html_text(html: str) -> str:
    """html-text's `extract_text` with layout guessing (newlines between blocks)."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def render_inscriptis(html: str) -> str:
    """inscriptis: a text-mode browser rendering (tables laid out, lists bulleted)."""
    from inscriptis import get_text

    return get_text(html)


def render_lxml(html: str) -> str:
    """lxml text with a break at every block element (`hzcorpus.html.page_text_dump`)."""
    from hzcorpus.html import page_text_dump

    return page_text_dump(html)


#: Renderer name -> HTML to page-text dump. The model is trained on all of them.
RENDERERS: dict[str, Callable[[str], str]] = {
    "html-text": render_html_text,
    "inscriptis": render_inscriptis,
    "lxml": render_lxml,
}


def render(
    page: Page, renderer: str, cache: Path | None = None, html: str | None = None
) -> str | None:
    """The page-text dump of `page` by `renderer` (cached under `cache`), None if unreadable.

    `html` is the page's decoded HTML when the caller has it already (decoding is slow).
    """
    key = hashlib.sha256(f"{page.dataset}/{page.id}/{renderer}".encode()).hexdigest()[:24]
    cached = cache / f"{key}.txt" if cache is not None else None
    if cached is not None and cached.exists():
        return cached.read_text(encoding="utf-8")
    try:
        dump = RENDERERS[renderer](html if html is not None else page.html())
    except (InputError, ValueError, RecursionError) as exc:
        print(f"skip {page.dataset}/{page.id} ({renderer}): {exc}")
        return None
    dump = "\n".join(line.strip() for line in dump.split("\n") if line.strip())
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(dump, encoding="utf-8")
    return dump
