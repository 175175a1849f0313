"""Cleaning speed: hzcorpus's HTML path against plain trafilatura, and the page-text cleaner.

Usage: python bench/clean.py [--pages 200] [--repeat 3] [--seed 0]

The pages are generated deterministically from the annotated HTML pages of
tests/data/clean/ (nine sites, five languages): every variant reshuffles the words of each
paragraph, adds paragraphs and menu items, and gives the page what real news pages carry
(inline scripts and styles, a mega menu), so lengths and structure vary. Four paths run
in the same process over the same pages, best of `--repeat` interleaved passes:

- `trafilatura.extract(html)` with its defaults (the plain library), and with the two
  options we change that cost time (`with_metadata=True`, `include_comments=False`);
- `hzcorpus.html.extract_html(html)` (our options, bounds, post-rules and audit);
- `hzcorpus.clean.clean_document` on the visible-text dump of each page (what page-text
  scrapers save: one block per line), the cleaner for pages that arrive as text.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best_times  # noqa: E402  (bench/timing.py)

from hzcorpus.clean import clean_document  # noqa: E402
from hzcorpus.document import Document  # noqa: E402
from hzcorpus.html import extract_html, page_text_dump  # noqa: E402

TEMPLATES = ROOT / "tests" / "data" / "clean"


def make_pages(count: int, seed: int) -> list[str]:
    """`count` varied HTML pages built from the annotated templates, the same for a seed."""
    from lxml import html

    templates = [p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.glob("*.html"))]
    rng = random.Random(seed)
    pages = []
    for i in range(count):
        tree = html.document_fromstring(templates[i % len(templates)])
        for p in list(tree.iter("p")):
            words = p.text_content().split()
            if len(words) < 8:
                continue
            for _ in range(rng.randint(0, 2)):  # more paragraphs after this one
                copy = html.fromstring("<p></p>")
                copy.text = " ".join(rng.sample(words, len(words)))
                p.addnext(copy)
            rng.shuffle(words)
            for child in list(p):
                p.remove(child)
            p.text = " ".join(words)
        for ul in tree.iter("ul", "ol"):
            items = list(ul)
            for _ in range(rng.randint(0, 6) if items else 0):
                ul.append(html.fromstring(html.tostring(rng.choice(items))))
        _add_page_weight(tree, rng)
        pages.append(html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>"))
    return pages


def _add_page_weight(tree, rng: random.Random) -> None:
    """What real news pages carry around the article: inline scripts and styles, a mega menu."""
    from lxml import html

    head, body = tree.find("head"), tree.find("body")
    script = html.Element("script")
    script.text = "".join(
        f'window.__CFG_{k}={{"slot":"ad-{k}","sizes":[[300,250],[728,90]],"lazy":true}};\n'
        for k in range(rng.randint(100, 800))
    )
    style = html.Element("style")
    style.text = "".join(
        f".c{k}{{margin:{k % 7}px;color:#{k % 4096:03x}}}\n" for k in range(rng.randint(200, 900))
    )
    head.extend([script, style])
    links = "".join(
        f"<li><a href='/s/{k}'>Section {k}</a></li>" for k in range(rng.randint(40, 150))
    )
    body.insert(0, html.fromstring(f"<nav class='mega-menu'><ul>{links}</ul></nav>"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import trafilatura

    pages = make_pages(args.pages, args.seed)
    dumps = [
        Document(source=f"page{i}.txt", raw=page_text_dump(page)) for i, page in enumerate(pages)
    ]
    page_kb = sum(len(p.encode()) for p in pages) / len(pages) / 1000
    dump_kb = sum(len(d.raw.encode()) for d in dumps) / len(dumps) / 1000
    print(
        f"{len(pages)} HTML pages of {page_kb:.1f} kB on average, their text dumps "
        f"{dump_kb:.1f} kB; best of {args.repeat} passes"
    )
    print(f"Python {platform.python_version()}, trafilatura {trafilatura.__version__}")

    def with_metadata(page: str) -> str | None:
        return trafilatura.extract(page, with_metadata=True, include_comments=False)

    paths = [
        ("trafilatura.extract (defaults)", "html", trafilatura.extract, pages),
        ("trafilatura.extract + metadata, no comments", "html", with_metadata, pages),
        ("hzcorpus extract_html", "html", extract_html, pages),
        ("hzcorpus clean_document", "text dump", clean_document, dumps),
    ]
    seconds = list(
        best_times({name: (run, items) for name, _, run, items in paths}, args.repeat).values()
    )
    base_rate = len(pages) / seconds[0]
    print("\n| path | input | articles/s | ms/article | speed vs trafilatura.extract |")
    print("|---|---|---:|---:|---:|")
    for (name, kind, _, _), spent in zip(paths, seconds, strict=True):
        rate = len(pages) / spent
        print(f"| {name} | {kind} | {rate:.1f} | {1000 / rate:.2f} | {rate / base_rate:.2f}x |")


if __name__ == "__main__":
    main()
