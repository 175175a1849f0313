"""The pages of the development data (`shared/devdata`, unpacked), one loader per data set.

Each archive of the development data is unpacked into one folder of `DEVDATA`
(`mkdir -p DIR && tar -xJf NAME.tar.xz -C DIR`); `load_pages(DEVDATA)` yields a `Page`
per HTML page with its ground truth, whatever the data set's own format:

- `trafilatura-eval`: snippets that must be extracted (`with`) and must not (`without`),
  plus title, author and date for most pages;
- `readability`: the main content as cleaned HTML and a metadata file (title, byline,
  published time); the synthetic lorem-ipsum fixtures are skipped;
- `cleaneval`, `cleanportaleval`: the full cleaned text in CleanEval's marker format;
- `l3s-gn1`: the blocks labelled "full text" in the annotated copy of each page;
- `htmltotext-benchmark`: the main text extracted by hand.

`split_of(page)` puts each page in the development part or the held-out part by a hash of
its data set and id, so the split is the same on any machine and fixed before any tuning.
No page is ever copied into the repository: the data is third-party.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: Share of each data set held out (by page-id hash) from all tuning.
HELD_OUT_PERCENT = 30
DATASETS = (
    "trafilatura-eval",
    "readability",
    "cleaneval",
    "cleanportaleval",
    "l3s-gn1",
    "htmltotext-benchmark",
)
_CLEANEVAL_MARKER = re.compile(r"^\s*<(?:p|h|l)>\s*", re.M)


@dataclass
class Page:
    """One HTML page of the development data and its ground truth.

    `text` is the full main text when the data set has it (else None); `with_` and
    `without` are snippets that must and must not be in the extracted text; `has_meta`
    says whether `title`, `author` and `date` are annotated (None then means "none").
    """

    dataset: str
    id: str
    html_path: Path
    text: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    has_meta: bool = False


def split_of(dataset: str, page_id: str) -> str:
    """"held-out" for HELD_OUT_PERCENT % of the pages of a data set, else "dev"."""
    digest = hashlib.sha256(f"{dataset}/{page_id}".encode()).hexdigest()
    return "held-out" if int(digest[:8], 16) % 100 < HELD_OUT_PERCENT else "dev"


def sample_key(page: Page) -> str:
    """An order of the pages of a data set that does not follow their names (for samples)."""
    return hashlib.sha256(f"sample/{page.dataset}/{page.id}".encode()).hexdigest()


def load_pages(devdata: Path, datasets: tuple[str, ...] = DATASETS) -> Iterator[Page]:
    """Every page of the data sets found under `devdata`, in a fixed order."""
    loaders = {
        "trafilatura-eval": _trafilatura_eval,
        "readability": _readability,
        "cleaneval": _cleaneval,
        "cleanportaleval": _cleanportaleval,
        "l3s-gn1": _l3s,
        "htmltotext-benchmark": _htmltotext,
    }
    for name in datasets:
        folder = devdata / name
        if folder.is_dir():
            yield from loaders[name](folder)


def _optional(value) -> str | None:
    value = " ".join(str(value).split()) if value else ""
    return value or None


def _trafilatura_eval(folder: Path) -> Iterator[Page]:
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    for _url, entry in sorted(data.items(), key=lambda item: item[1]["file"]):
        yield Page(
            dataset="trafilatura-eval",
            id=entry["file"],
            html_path=folder / "html" / entry["file"],
            with_=list(entry.get("with") or []),
            without=list(entry.get("without") or []),
            title=_optional(entry.get("title")),
            author=_optional(entry.get("author")),
            date=_optional(entry.get("date")),
            has_meta="title" in entry,
        )


def _html_text(path: Path) -> str:
    """The text of an HTML fragment, one line per block element."""
    from lxml import html

    tree = html.fromstring(path.read_bytes())
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = "p div h1 h2 h3 h4 h5 h6 li pre blockquote tr figcaption dt dd td th".split()
    for el in tree.iter(*blocks):
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    return "\n".join(" ".join(line.split()) for line in tree.text_content().split("\n"))


def _readability(folder: Path) -> Iterator[Page]:
    for case in sorted((folder / "test-pages").iterdir()):
        expected = case / "expected.html"
        if not expected.exists() or "Lorem ipsum" in expected.read_text(encoding="utf-8"):
            continue
        meta = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
        yield Page(
            dataset="readability",
            id=case.name,
            html_path=case / "source.html",
            text=_html_text(expected),
            title=_optional(meta.get("title")),
            author=_optional(meta.get("byline")),
            date=_optional(meta.get("publishedTime")),
            has_meta=True,
        )


def _cleaneval_text(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = text.split("\n")
    if lines and lines[0].startswith("URL:"):
        lines = lines[1:]
    return _CLEANEVAL_MARKER.sub("", "\n".join(lines))


def _cleaneval(folder: Path) -> Iterator[Page]:
    for part in ("dev", "final"):
        gold = folder / part / "GoldStandard"
        for html_path in sorted((folder / part / "input").glob("*.html"), key=_numeric):
            truth = gold / f"{html_path.stem}.txt"
            if truth.exists():
                yield Page("cleaneval", f"{part}/{html_path.stem}", html_path, _cleaneval_text(truth))


def _numeric(path: Path) -> tuple[int, str]:
    return (int(path.stem), "") if path.stem.isdigit() else (1 << 30, path.stem)


def _cleanportaleval(folder: Path) -> Iterator[Page]:
    for html_path in sorted((folder / "input").glob("*.html")):
        truth = folder / "GoldStandard" / f"{html_path.stem}.txt"
        if truth.exists():
            yield Page("cleanportaleval", html_path.stem, html_path, _cleaneval_text(truth))


def _l3s(folder: Path) -> Iterator[Page]:
    from lxml import html

    for annotated in sorted((folder / "annotated").glob("*.html")):
        original = folder / "original" / annotated.name
        if not original.exists():
            continue
        tree = html.fromstring(annotated.read_bytes())
        blocks = tree.xpath('//*[contains(concat(" ", @class, " "), " x-nc-sel2 ")]')
        text = "\n".join(" ".join(el.text_content().split()) for el in blocks)
        yield Page("l3s-gn1", annotated.stem, original, text)


def _htmltotext(folder: Path) -> Iterator[Page]:
    for lang_dir in sorted((folder / "benchmarkdata").iterdir()):
        for html_path in sorted((lang_dir / "html").glob("*.html")):
            truth = lang_dir / "text" / f"{html_path.stem}.txt"
            if truth.exists():
                text = truth.read_text(encoding="utf-8", errors="replace")
                yield Page("htmltotext-benchmark", f"{lang_dir.name}/{html_path.stem}", html_path, text)
