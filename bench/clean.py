"""Cleaning speed: hzcorpus's HTML path against plain trafilatura, and the page-text cleaner.

Usage: python bench/clean.py [--pages 200] [--repeat 3] [--seed 0] [--real DIR]
                             [--compare-with CHECKOUT ...] [--text-only] [--cpu]

The pages are generated deterministically from the annotated HTML pages of
tests/data/clean/ (nine sites, five languages): every variant reshuffles the words of each
paragraph, adds paragraphs and menu items, and gives the page what real news pages carry
(inline scripts and styles, a mega menu), so lengths and structure vary. Four paths run
in the same process over the same pages, best of `--repeat` interleaved passes:

- `trafilatura.extract(html)` with its defaults (the plain library), and with the two
  options we change that cost time (`with_metadata=True`, `include_comments=False`);
- `hzcorpus.html.extract_html(html)` (our options, bounds, post-rules and audit);
- `hzcorpus.clean.clean_document` on the visible-text dump of each page (what page-text
  scrapers save: one block per line), the cleaner for pages that arrive as text, with
  and without the line model (`model=False`: the rules and context passes alone), and
  with the model's decisions on runs of non-prose lines inside the article
  (`model_runs=True`);
- `read + clean_document`: the page's bytes through `document_from_bytes` (decoding,
  mojibake repair) and `clean_document`, for the HTML page and for its dump: what a build
  does with an input file.

`--real DIR` takes the pages from the `.html` files under DIR instead (real pages of
30-80 kB, such as the unpacked development data; nothing of it is kept). `--compare-with
CHECKOUT` adds the `read + clean_document` paths of another checkout of the project (a
copy of its package imported under another name) to the same interleaved passes, and
its `clean_document` on the dumps with the default options, `model_runs=True` and
`model_inside=True`; given more than once, each checkout's paths join the same passes.
`--text-only` times only the page-text paths (the dumps; trafilatura stays the ratio's
anchor, timed once per pass like the others). `--cpu` times the process's CPU time
instead of the wall clock (a machine shared with other jobs).
"""

from __future__ import annotations

import argparse
import platform
import random
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import pass_times  # noqa: E402  (bench/timing.py)

from hzcorpus import clean, read  # noqa: E402
from hzcorpus.clean import CleanOptions  # noqa: E402
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


def real_pages(folder: Path, count: int, seed: int) -> list[str]:
    """`count` real HTML pages of 30-80 kB under `folder` (decoded), in a seeded order."""
    files = sorted(p for p in folder.rglob("*.htm*") if p.suffix in (".html", ".htm"))
    random.Random(seed).shuffle(files)
    sized = (f for f in files if 30_000 <= f.stat().st_size <= 80_000)
    return [read.decode(f.read_bytes(), read.ReadOptions(fix_mojibake=False))[0] for f in sized][
        :count
    ]


def compared_modules(checkout: Path, tmp: Path, name: str = "hzcorpus_compared"):
    """The `read` and `clean` modules of another checkout, imported as package `name`
    (reading its own package data: line model, gap scorer, lexicons)."""
    import importlib

    shutil.copytree(checkout / "hzcorpus", tmp / name)
    for source in (tmp / name).rglob("*.py"):  # its own data files, not ours
        text = source.read_text(encoding="utf-8")
        source.write_text(
            text.replace('resources.files("hzcorpus', f'resources.files("{name}'),
            encoding="utf-8",
        )
    if str(tmp) not in sys.path:
        sys.path.insert(0, str(tmp))
    return tuple(importlib.import_module(f"{name}.{m}") for m in ("read", "clean"))


def read_and_clean(read_module, clean_module, fmt: str, first=None):
    """`document_from_bytes` + `clean_document` of one module pair, for one format.

    Before the item `first` (the first of a pass), the memos of lines (`forget_lines`)
    are emptied, so that a pass sees only the repeats between its own pages (those a
    build sees too) and not the lines of the passes before it.
    """

    def run(data: bytes):
        if data is first:
            forget_lines(clean_module)
        doc = read_module.document_from_bytes(data, "page", fmt=fmt)
        return clean_module.clean_document(doc)

    return run


def forget_lines(clean_module) -> None:
    """Empty the memos of lines: the line-rule matcher's of the default table, the
    cleaner's of line measures and the line model's of lexical scores (in the checkouts
    that have them)."""
    matcher_class = getattr(clean_module, "LineMatcher", None) or clean_module._FirstHit
    matcher = matcher_class.of(clean_module.LINE_RULES)
    getattr(matcher, "_memo", {}).clear()
    getattr(clean_module, "_MEASURED", {}).clear()
    rows_module = sys.modules.get(f"{clean_module.__package__}.line_rows")
    getattr(rows_module, "_LEXICAL", {}).clear()


def clean_dump(doc: Document, first=None, options: CleanOptions | None = None, module=clean):
    """`clean_document` of a page-text dump by a `clean` module (ours by default, with
    its own `CleanOptions` when `options` is None), the memos emptied before the item
    `first`."""
    if doc is first:
        forget_lines(module)
    return module.clean_document(doc, options or module.CleanOptions())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--real", type=Path, help="a folder of real HTML pages")
    parser.add_argument(
        "--compare-with",
        type=Path,
        action="append",
        default=[],
        help="another checkout of the project (may be given more than once)",
    )
    parser.add_argument("--text-only", action="store_true", help="page-text paths only")
    parser.add_argument("--cpu", action="store_true", help="CPU time, not wall time")
    args = parser.parse_args()

    import trafilatura

    pages = real_pages(args.real, args.pages, args.seed) if args.real else None
    pages = pages or make_pages(args.pages, args.seed)
    # a page with no visible text has no dump to clean (reading it is an error): left out
    with_text = [(page, dump) for page in pages if (dump := page_text_dump(page)).strip()]
    if len(with_text) < len(pages):
        print(f"{len(pages) - len(with_text)} page(s) without visible text left out")
    pages, dump_texts = [p for p, _ in with_text], [d for _, d in with_text]
    dumps = [Document(source=f"page{i}.txt", raw=d) for i, d in enumerate(dump_texts)]
    page_bytes = [page.encode("utf-8") for page in pages]
    dump_bytes = [d.encode("utf-8") for d in dump_texts]
    page_kb = sum(map(len, page_bytes)) / len(pages) / 1000
    dump_kb = sum(map(len, dump_bytes)) / len(dumps) / 1000
    source = f"real pages under {args.real.name}" if args.real else "generated pages"
    print(
        f"{len(pages)} HTML pages ({source}) of {page_kb:.1f} kB on average, their text dumps "
        f"{dump_kb:.1f} kB; {args.repeat} interleaved passes, best and median"
    )
    print(f"Python {platform.python_version()}, trafilatura {trafilatura.__version__}")

    def with_metadata(page: str) -> str | None:
        return trafilatura.extract(page, with_metadata=True, include_comments=False)

    html_paths = [
        ("hzcorpus extract_html", "html", extract_html, pages),
        (
            "hzcorpus read + clean_document",
            "html bytes",
            read_and_clean(read, clean, "html"),
            page_bytes,
        ),
    ]
    paths = [
        ("trafilatura.extract (defaults)", "html", trafilatura.extract, pages),
        ("trafilatura.extract + metadata, no comments", "html", with_metadata, pages),
        *([] if args.text_only else html_paths),
        ("hzcorpus clean_document", "text dump", partial(clean_dump, first=dumps[0]), dumps),
        (
            "hzcorpus clean_document, rules and passes only (model=False)",
            "text dump",
            partial(clean_dump, first=dumps[0], options=CleanOptions(model=False)),
            dumps,
        ),
        (
            "hzcorpus clean_document, runs inside the article too (model_runs=True)",
            "text dump",
            partial(clean_dump, first=dumps[0], options=CleanOptions(model_runs=True)),
            dumps,
        ),
        (
            "hzcorpus clean_document, every line inside the article (model_inside=True)",
            "text dump",
            partial(clean_dump, first=dumps[0], options=CleanOptions(model_inside=True)),
            dumps,
        ),
        (
            "hzcorpus read + clean_document",
            "dump bytes",
            read_and_clean(read, clean, "text", dump_bytes[0]),
            dump_bytes,
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for k, checkout in enumerate(args.compare_with):
            modules = compared_modules(checkout, Path(tmp), f"hzcorpus_compared{k}")
            name = f"{checkout.name}: read + clean_document"
            if not args.text_only:
                paths.append((name, "html bytes", read_and_clean(*modules, "html"), page_bytes))
            dump_path = read_and_clean(*modules, "text", dump_bytes[0])
            paths.append((name, "dump bytes", dump_path, dump_bytes))
            other = modules[1]
            for label, flags in (
                ("", {}),
                (" (model_runs=True)", {"model_runs": True}),
                (" (model_inside=True)", {"model_inside": True}),
            ):
                options = other.CleanOptions(**flags)
                run = partial(clean_dump, first=dumps[0], options=options, module=other)
                paths.append((f"{checkout.name}: clean_document{label}", "text dump", run, dumps))
        clock = time.process_time if args.cpu else time.perf_counter
        times = pass_times(
            {(n, k): (run, items) for n, k, run, items in paths}, args.repeat, clock=clock
        )
    base = len(pages) / min(times[paths[0][0], paths[0][1]])
    metadata = len(pages) / min(times[paths[1][0], paths[1][1]])
    print(
        "\n| path | input | articles/s (best) | ms/article: best / median "
        "| vs trafilatura.extract | vs extract + metadata |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for name, kind, _, items in paths:
        spent = times[name, kind]
        rate = len(items) / min(spent)
        ms = f"{1000 * min(spent) / len(items):.2f} / {1000 * median(spent) / len(items):.2f}"
        print(
            f"| {name} | {kind} | {rate:.1f} | {ms} | {rate / base:.2f}x | {rate / metadata:.2f}x |"
        )


if __name__ == "__main__":
    main()
