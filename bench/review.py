"""Benchmark `hzcorpus review` on a synthetic dataset folder of N articles.

Compares, in one run, reading the dataset's rows with pyarrow alone (the floor: any
review must read them) with rendering every review page, and prints page sizes, peak
memory and, when Debian's chromium is installed, how long the index takes to load.

    python bench/review.py [--articles 5000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hzcorpus.document import Document, LanguageScore, Removed, Span, record_schema
from hzcorpus.review import ReviewOptions, iter_records, render_review

PARAGRAPHS = {
    "en": [
        "The city council approved the new budget after a long debate on Tuesday.",
        "Shares rose by % of their value after the announcement on [date].",
        "On a certain date, the founder recalled why he joined the young company.",
        "Analysts expect the market to grow steadily over the next few years.",
        "Word count of this text: , estimated reading time approximately minutes.",
    ],
    "de": [
        "Die Stadt hat den neuen Haushalt nach langer Debatte beschlossen.",
        "Viele junge Firmen ziehen in die Region, weil die Mieten niedriger sind.",
        "Der Gründer sprach auf einer Konferenz über künstliche Intelligenz.",
    ],
    "fr": [
        "Le conseil municipal a adopté le nouveau budget après un long débat.",
        "Les entreprises arrivent dans la région pour ses talents.",
    ],
    "es": [
        "El ayuntamiento aprobó el nuevo presupuesto tras un largo debate.",
        "Las empresas llegan a la región por su talento.",
    ],
    "zh": ["某年某月，杭州的公司发布了新模型。", "市场份额达到%，分析人士预计将继续增长。"],
}
GAPS = (("% of", "missing-number", "pct-gap"), ("[date]", "placeholder", "bracket-date"))
GAPS += (("a certain date", "vague-date", "certain-date"), ("某年某月", "vague-date", "zh-date"))
JUNK = (
    ("arrow-right cart chevron-down close menu", "icon-names"),
    ("Sign up for our newsletter", "newsletter"),
    ("Share on Facebook", "share-line"),
    ("by", "empty-byline"),
    ("Published: 12 March", "published-line"),
)


def synthetic(first: int, n: int) -> list[Document]:
    """Articles `first`..`first + n - 1`: languages, flags, removed lines, some translated."""
    rng = random.Random(first)
    docs = []
    for i in range(first, first + n):
        lang = rng.choice(["en", "en", "en", "de", "fr", "es", "zh"])
        paragraphs = [rng.choice(PARAGRAPHS[lang]) for _ in range(rng.randint(3, 40))]
        text = "\n".join(paragraphs)
        flags, offset = [], 0
        for p in paragraphs:
            for match, kind, rule in GAPS:
                at = p.find(match)
                if at >= 0:
                    flags.append(Span(offset + at, offset + at + len(match), kind, rule, match))
            offset += len(p) + 1
        removed = [Removed(0, f"Title {i}", "title", "the title goes to `title`")]
        line = 1
        for _ in range(rng.randint(0, 12)):
            line += rng.randint(1, 6)
            junk, rule = rng.choice(JUNK)
            removed.append(Removed(line, junk, rule, f"{rule} line"))
        translated = lang != "en" and rng.random() < 0.7
        docs.append(
            Document(
                source=f"{lang}/{i:06d}.txt",
                id=f"{i:016x}",
                title=f"Article {i} ({lang})",
                text=text,
                language=lang,
                language_score=0.99,
                paragraph_languages=[LanguageScore(lang, 0.99) for _ in paragraphs],
                flags=flags,
                removed=removed,
                text_en=(text.upper() if translated else text if lang == "en" else None),
                translation={"package": "stand-in", "version": "1.0", "beam": 2}
                if translated
                else None,
            )
        )
    return docs


def write(articles: int, out: Path, shard: int = 1000) -> None:
    """A dataset folder of `articles` synthetic rows, one shard in memory at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    (out / "data").mkdir(parents=True)
    n = -(-articles // shard)
    for i in range(n):
        docs = synthetic(i * shard, min(shard, articles - i * shard))
        table = pa.Table.from_pylist([d.to_record() for d in docs], schema=record_schema())
        pq.write_table(table, out / "data" / f"train-{i:05d}-of-{n:05d}.parquet")


def browser_seconds(index: Path) -> float | None:
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        start = time.perf_counter()
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", "--dump-dom", index.as_uri()],
            capture_output=True, check=True, timeout=300,
        )  # fmt: skip
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="write the dataset and pages here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="hzreview-"))
    out = work / "dataset"
    shutil.rmtree(out, ignore_errors=True)
    write(args.articles, out)

    start = time.perf_counter()
    n = sum(1 for _ in iter_records(out))
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    index = render_review(out, ReviewOptions(html=work / "review" / "index.html"))
    render_s = time.perf_counter() - start
    pages = sorted(p.stat().st_size for p in index.with_name("index_articles").glob("*.html"))
    load_s = browser_seconds(index)

    print(f"{n} articles, {len(pages)} article pages")
    print("| step | seconds | articles/s | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| pyarrow: read rows | {read_s:.2f} | {n / read_s:,.0f} | 1.0 |")
    print(f"| hzcorpus review | {render_s:.2f} | {n / render_s:,.0f} | {render_s / read_s:.1f} |")
    print(f"index.html: {index.stat().st_size / 1e6:.2f} MB")
    print(
        f"article pages: median {statistics.median(pages) / 1e3:.1f} kB, "
        f"largest {pages[-1] / 1e3:.1f} kB, total {sum(pages) / 1e6:.1f} MB"
    )
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if load_s is not None:
        print(f"chromium: index loaded and table drawn in {load_s:.2f} s (process start included)")
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
