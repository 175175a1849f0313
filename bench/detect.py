"""Language detection: agreement of langdetect-rs with langdetect, and speed against langdetect.

Run from the project root: `python bench/detect.py` (`--quick` for a smaller sample).

1. Agreement. langdetect-rs claims bit-identical results. On a varied sample (sentences in
   33 languages, word and character prefixes, paragraphs, long articles, mixed-language
   pages, noisy lines with URLs, numbers and emoji, Python docstrings, the seed articles)
   this compares every probability of every language, first through hzcorpus's detectors
   (our seeded factories, profiles in name order), then through the two libraries' own
   `detect_langs` with `DetectorFactory.seed = 0`. It also gives how often hzcorpus's
   answer equals plain `langdetect.detect_langs`'s.
2. Speed. Articles/s and lines/s of hzcorpus and of plain `langdetect.detect_langs` on the
   same inputs in one run, with the ratio.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import inspect
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import langdetect  # noqa: E402

from hzcorpus.clean import clean_document  # noqa: E402
from hzcorpus.document import Document  # noqa: E402
from hzcorpus.language import (  # noqa: E402
    ISO_CODES,
    LanguageOptions,
    backend,
    detect_document,
    detect_language,
    document_language_text,
    langdetect_probabilities,
)
from hzcorpus.read import read_document  # noqa: E402

SENTENCES = ROOT / "tests" / "data" / "language" / "sentences.jsonl"
FAST = LanguageOptions(fast=True)
REFERENCE = LanguageOptions(fast=False)
NOISE = [
    "https://example.com/news/2024/05/article-123.html",
    "info@example.org",
    "12:45",
    "€ 19,99",
    "🙂👍",
    "#breaking",
    "© 2024",
    "+49 30 1234567",
]

AGREEMENT_COLUMNS = (
    "texts",
    "n",
    "hzcorpus fast = reference (all probabilities, bit for bit)",
    "same answer",
    "plain `detect_langs`: rs = langdetect (bit for bit)",
    "hzcorpus = plain langdetect (answer)",
)
SPEED_COLUMNS = (
    "path",
    "articles/s",
    "× langdetect",
    "lines/s",
    "× langdetect",
    "articles/s with paragraphs (`detect_document`)",
)


def sample(size: int, seed: int = 0) -> dict[str, list[str]]:
    """Texts by kind; every kind scales with `size` (about the number of texts in all)."""
    rng = random.Random(seed)
    rows = [json.loads(line) for line in SENTENCES.open(encoding="utf-8")]
    by_lang: dict[str, list[str]] = {}
    for row in rows:
        by_lang.setdefault(row["lang"], []).append(row["text"])
    langs = sorted(by_lang)
    sentences = [row["text"] for row in rows]

    def article(lang: str, n: int) -> str:
        body = [rng.choice(by_lang[lang]) for _ in range(n)]
        return "\n".join([rng.choice(by_lang[lang])[:40], *body])

    def mixed() -> str:
        main, other = rng.sample(langs, 2)
        lines = [rng.choice(by_lang[main]) for _ in range(rng.randint(3, 8))]
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(by_lang[other]))
        return "\n".join(lines)

    def noisy() -> str:
        words = rng.choice(sentences).split()
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(NOISE))
        return " ".join(words)

    def prefix() -> str:
        text = rng.choice(sentences)
        if rng.random() < 0.5:
            return " ".join(text.split()[: rng.randint(1, 5)])
        return text[: rng.randint(2, 30)]

    unit = max(1, size // 20)
    seeds = [
        clean_document(read_document(p, root=p.parent)) for p in sorted((ROOT / "raw").glob("*"))
    ]
    return {
        "sentence": sentences,
        "prefix": [prefix() for _ in range(6 * unit)],
        "paragraph": [
            " ".join(rng.choice(by_lang[rng.choice(langs)]) for _ in range(4))
            for _ in range(2 * unit)
        ],
        "article": [article(rng.choice(langs), rng.randint(8, 40)) for _ in range(2 * unit)],
        "mixed page": [mixed() for _ in range(2 * unit)],
        "noisy line": [noisy() for _ in range(2 * unit)],
        "docstring": docstrings(rng, 4 * unit),
        "seed article": [document_language_text(d) for d in seeds],
        "seed paragraph": [p for d in seeds for p in d.paragraphs],
    }


def docstrings(rng: random.Random, n: int) -> list[str]:
    """English text that ships with Python: docstrings of standard-library functions."""
    import collections
    import email
    import functools
    import http.client
    import json as json_module
    import os.path
    import pathlib
    import textwrap
    import typing

    found = {
        inspect.getdoc(obj)
        for module in (
            collections,
            email,
            functools,
            http.client,
            json_module,
            os.path,
            pathlib,
            textwrap,
            typing,
        )
        for _, obj in inspect.getmembers(module)
        if callable(obj) and inspect.getdoc(obj)
    }
    texts = sorted(t for t in found if len(t) > 40)
    return rng.sample(texts, min(n, len(texts)))


def agreement(items: dict[str, list[str]]) -> None:
    """Print how often the fast path and langdetect agree, per kind of text."""
    print("## Agreement of langdetect-rs with langdetect\n")
    _row(*AGREEMENT_COLUMNS)
    print("|---|---:|---:|---:|---:|---:|")
    langdetect.DetectorFactory.seed = 0
    rs = _langdetect_rs()
    if rs is not None:
        rs.DetectorFactory.seed = 0
    totals = [0, 0, 0, 0, 0]
    differences: list[str] = []
    changed: Counter[str] = Counter()
    for kind, texts in items.items():
        exact = answer = plain_exact = ours_plain = 0
        for text in texts:
            fast = langdetect_probabilities(text, FAST)
            ref = langdetect_probabilities(text, REFERENCE)
            exact += fast == ref
            answer += _top(fast) == _top(ref)
            if fast != ref and len(differences) < 5:
                differences.append(text[:80])
            plain = _plain(langdetect, text)
            plain_exact += rs is not None and _plain(rs, text) == plain
            ours, theirs = (
                detect_language(text, FAST)[0].lang,
                _iso(plain[0][0] if plain else "und"),
            )
            ours_plain += ours == theirs
            if ours != theirs:
                changed[f"{theirs} -> {ours}"] += 1
        n = len(texts)
        for i, value in enumerate((n, exact, answer, plain_exact, ours_plain)):
            totals[i] += value
        _row(kind, n, *(_pct(v, n) for v in (exact, answer, plain_exact, ours_plain)))
    n, exact, answer, plain_exact, ours_plain = totals
    _row("**all**", n, *(_pct(v, n) for v in (exact, answer, plain_exact, ours_plain)))
    print(f"\nbackend: {backend(FAST)}; texts where fast and reference differ: {differences}")
    print(f"hzcorpus answers that differ from plain langdetect's: {dict(changed)}\n")


def speed(items: dict[str, list[str]], repeat: int) -> None:
    """Print articles/s and lines/s of hzcorpus and plain langdetect on the same inputs."""
    articles = items["article"] + items["mixed page"] + items["seed article"]
    lines = items["sentence"] + items["prefix"] + items["noisy line"] + items["seed paragraph"]
    docs = [
        Document(source=str(i), title=a.split("\n", 1)[0], text=a.split("\n", 1)[1])
        for i, a in enumerate(articles)
    ]
    langdetect.DetectorFactory.seed = 0
    plain = langdetect.detect_langs
    paths: list[tuple[str, Callable[[str], object], Callable[[Document], object] | None]] = [
        ("plain `langdetect.detect_langs`", _safe(plain), None),
        (
            "hzcorpus `detect_language`, reference (langdetect)",
            lambda t: detect_language(t, REFERENCE),
            lambda d: detect_document(d, REFERENCE),
        ),
        (
            f"hzcorpus `detect_language`, fast ({backend(FAST)})",
            lambda t: detect_language(t, FAST),
            lambda d: detect_document(d, FAST),
        ),
    ]
    rs = _langdetect_rs()
    if rs is not None:
        rs.DetectorFactory.seed = 0
        paths.append(("plain `langdetect_rs.detect_langs`", _safe(rs.detect_langs), None))
    for warm in (articles[:3], lines[:3]):  # load profiles outside the timed part
        for _, per_text, _ in paths:
            for text in warm:
                per_text(text)
    chars = sum(map(len, articles)) / len(articles)
    print(f"## Speed ({len(articles)} articles of {chars:.0f} characters on average,", end=" ")
    print(f"{len(lines)} lines; best of {repeat})\n")
    _row(*SPEED_COLUMNS)
    print("|---|---:|---:|---:|---:|---:|")
    jobs = {
        (name, kind): (fn, inputs)
        for name, per_text, per_doc in paths
        for kind, fn, inputs in (("articles", per_text, articles), ("lines", per_text, lines))
        + ((("documents", per_doc, docs),) if per_doc else ())
    }
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(repeat):  # interleaved, so that a busy spell hits every path alike
        for key, (fn, inputs) in jobs.items():
            best[key] = min(best[key], _seconds(fn, inputs))
    rate = {key: len(jobs[key][1]) / seconds for key, seconds in best.items()}
    base_name = paths[0][0]
    for name, _, per_doc in paths:
        a, line_rate = rate[name, "articles"], rate[name, "lines"]
        ratios = f"{a / rate[base_name, 'articles']:.1f}", f"{line_rate:,.0f}"
        ratios += (f"{line_rate / rate[base_name, 'lines']:.1f}",)
        with_paragraphs = f"{rate[name, 'documents']:,.0f}" if per_doc else "–"
        _row(name, f"{a:,.0f}", *ratios, with_paragraphs)


LIBRARIES = ("langdetect", "langdetect_rs")


def cli(lines: list[str], rounds: int, other: Path | None = None, python_too: bool = True) -> None:
    """Lines/s of `hzcorpus detect` on stdin and of plain langdetect and langdetect-rs loops
    (with start-up), the commands taking turns for `rounds` rounds (min and median);
    `other` is another checkout of the project whose `hzcorpus detect` runs too;
    `python_too=False` leaves out the two pure-Python langdetect commands (slow)."""
    plain = (
        "import sys, langdetect\n"
        "langdetect.DetectorFactory.seed = 0\n"
        "for line in sys.stdin:\n"
        "    try:\n"
        "        print(langdetect.detect(line), flush=True)\n"
        "    except langdetect.lang_detect_exception.LangDetectException:\n"
        "        print('und', flush=True)\n"
    )
    commands = {
        "plain langdetect loop (`detect` per line, flush)": [sys.executable, "-c", plain],
        "plain langdetect_rs loop (`detect` per line, flush)": [
            sys.executable,
            "-c",
            plain.replace("langdetect", "langdetect_rs"),
        ],
        "`hzcorpus detect` (stdin)": [sys.executable, "-m", "hzcorpus", "detect"],
        "`hzcorpus detect --reference` (stdin)": [
            *(sys.executable, "-m", "hzcorpus", "detect", "--reference")
        ],
    }
    if not python_too:
        del commands["plain langdetect loop (`detect` per line, flush)"]
        del commands["`hzcorpus detect --reference` (stdin)"]
    checkouts = dict.fromkeys(commands, ROOT)
    if other is not None:
        name = f"`hzcorpus detect` (stdin), {other.name}"
        commands[name], checkouts[name] = commands["`hzcorpus detect` (stdin)"], other
    print(f"\n### Command line, {len(lines):,} lines on stdin (process start included)\n")
    print(
        "| command | lines/s (best) | seconds: min / median | × langdetect | × langdetect_rs "
        "| CPU s: min / median | × langdetect_rs (CPU) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stdin:
        stdin.write("\n".join(line.replace("\n", " ") for line in lines) + "\n")
        for _ in range(rounds):
            for name, command in commands.items():
                stdin.seek(0)
                start, children = time.perf_counter(), _children_cpu()
                env = dict(os.environ, PYTHONPATH=str(checkouts[name]))
                done = subprocess.run(
                    command,
                    stdin=stdin,
                    capture_output=True,
                    env=env,
                    cwd=checkouts[name],  # `python -m` puts the working folder first on sys.path
                    check=True,
                )
                seconds[name].append(time.perf_counter() - start)
                cpu[name].append(_children_cpu() - children)
                assert done.stdout.count(b"\n") == len(lines)
    best = {name: min(times) for name, times in seconds.items()}
    anchors = [best.get(f"plain {lib} loop (`detect` per line, flush)") for lib in LIBRARIES]
    for name, times in seconds.items():
        cells = [f"{len(lines) / best[name]:,.0f}", f"{best[name]:.1f} / {median(times):.1f}"]
        cells += [f"{anchor / best[name]:.2f}" if anchor else "–" for anchor in anchors]
        cells.append(f"{min(cpu[name]):.2f} / {median(cpu[name]):.2f}")
        rs = cpu.get("plain langdetect_rs loop (`detect` per line, flush)")
        cells.append(f"{min(rs) / min(cpu[name]):.2f}" if rs else "–")
        _row(name, *cells)


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


#: One process of `issue14_rows`: times every path in turns, CPU seconds per pass, as JSON.
ROWS_WORKER = """
import json, sys, time
import langdetect_rs
from hzcorpus import language
from hzcorpus.document import Document
from hzcorpus.language import detect_document, detect_language

data = json.load(open(sys.argv[1], encoding="utf-8"))
lines = data["lines"]
docs = [Document(source=str(i), text="\\n".join(a)) for i, a in enumerate(data["articles"])]
whole = [language.document_language_text(d) for d in docs]
langdetect_rs.DetectorFactory.seed = 0
# the paragraph cache: per options since session 9, one function before
cache = getattr(language, "_paragraph_languages", getattr(language, "_paragraph_language", None))


def plain():
    for text in lines:
        try:
            langdetect_rs.detect(text)
        except langdetect_rs.LangDetectException:
            pass


def ours():
    for text in lines:
        detect_language(text)


def plain_documents():
    for text in whole:
        langdetect_rs.detect(text)


def plain_paragraphs():
    for doc, text in zip(docs, whole):
        langdetect_rs.detect(text)
        for paragraph in doc.paragraphs:
            langdetect_rs.detect(paragraph)


def plain_paragraph_features():
    # the engine's floor: each paragraph's n-gram pass alone, no random walk (0 trials)
    langdetect_rs.detector_factory.init_factory()
    prepare, clean = langdetect_rs._core.prepare, langdetect_rs._core.clean
    block = langdetect_rs.detector_factory._factory._core.detect_block
    for doc, text in zip(docs, whole):
        langdetect_rs.detect(text)
        for paragraph in doc.paragraphs:
            prepared = prepare(paragraph, 10_000)
            cleaned = clean(prepared)
            block(prepared if cleaned is None else cleaned, 0.0, 0, None)


def documents():
    for text in whole:
        detect_language(text)


def paragraphs():
    if hasattr(cache, "cache_clear"):
        cache.cache_clear()  # no paragraph repeats within a pass; none may come from the last
    for doc in docs:
        detect_document(doc)


paths = {
    "plain": plain,
    "lines": ours,
    "documents": documents,
    "paragraphs": paragraphs,
    "plain documents": plain_documents,
    "plain paragraphs": plain_paragraphs,
    "plain paragraph features": plain_paragraph_features,
}
for run in paths.values():  # load the profiles, warm up
    run()
times = {name: [] for name in paths}
for _ in range(int(sys.argv[2])):
    for name, run in paths.items():
        start = time.process_time()
        run()
        times[name].append(time.process_time() - start)
print(json.dumps(times))
"""


def distinct_articles(n: int, paragraphs: int = 15, seed: int = 0) -> list[list[str]]:
    """`n` articles of `paragraphs` paragraphs (2-4 gate sentences of one language each),
    no paragraph twice in the whole sample: per-paragraph detection without repeats."""
    rng = random.Random(seed)
    by_lang: dict[str, list[str]] = {}
    for line in SENTENCES.open(encoding="utf-8"):
        row = json.loads(line)
        by_lang.setdefault(row["lang"], []).append(row["text"])
    langs, seen, articles = sorted(by_lang), set(), []
    while len(articles) < n:
        lang, article = rng.choice(langs), []
        for _ in range(paragraphs * 20):  # a language with few sentences may run out
            paragraph = " ".join(
                rng.sample(by_lang[lang], min(rng.randint(2, 4), len(by_lang[lang])))
            )
            if paragraph not in seen:
                seen.add(paragraph)
                article.append(paragraph)
            if len(article) == paragraphs:
                articles.append(article)
                break
    return articles


def issue14_rows(
    lines: list[str], articles: list[list[str]], rounds: int, passes: int, other: Path | None
) -> None:
    """Issue 14's in-process rows: `detect_language` on `lines` against a plain
    `langdetect_rs.detect` loop, and `detect_document` (document and every paragraph)
    against `detect_language` on the documents alone. CPU seconds; each checkout runs in
    its own processes, the checkouts take turns for `rounds` rounds of `passes` passes."""
    checkouts = {ROOT.name: ROOT, **({other.name: other} if other is not None else {})}
    times: dict[str, dict[str, list[float]]] = {name: {} for name in checkouts}
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as data:
        json.dump({"lines": lines, "articles": articles}, data)
        data.flush()
        for _ in range(rounds):
            for name, checkout in checkouts.items():
                env = dict(os.environ, PYTHONPATH=str(checkout))
                done = subprocess.run(
                    [sys.executable, "-c", ROWS_WORKER, data.name, str(passes)],
                    capture_output=True,
                    text=True,
                    env=env,
                    cwd=checkout,
                    check=True,
                )
                for path, seconds in json.loads(done.stdout).items():
                    times[name].setdefault(path, []).extend(seconds)
    paragraphs = sum(map(len, articles))
    print(f"\n### In process: {len(lines):,} lines; {len(articles)} documents with {paragraphs:,}")
    print(f"distinct paragraphs (CPU seconds, {rounds} x {passes} passes per checkout)\n")
    print("| checkout | row | ratio: best / median of passes | CPU ms, best: the two paths |")
    print("|---|---|---:|---:|")
    rows = {
        "`detect_language` speed vs a plain `langdetect_rs.detect` loop": ("plain", "lines"),
        "`detect_document` (document + every paragraph) cost vs the document alone": (
            "paragraphs",
            "documents",
        ),
        "the same with plain `langdetect_rs.detect` (the engine's own cost)": (
            "plain paragraphs",
            "plain documents",
        ),
        "the engine's floor: each paragraph's n-gram pass alone, without the random walk": (
            "plain paragraph features",
            "plain documents",
        ),
    }
    for name, paths in times.items():
        for row, (num, den) in rows.items():
            ratios = [a / b for a, b in zip(paths[num], paths[den], strict=True)]
            ratio = f"{min(paths[num]) / min(paths[den]):.2f}x / {median(ratios):.2f}x"
            _row(name, row, ratio, f"{1000 * min(paths[num]):.1f} / {1000 * min(paths[den]):.1f}")


def _row(*cells: object) -> None:
    print("| " + " | ".join(map(str, cells)) + " |")


def _seconds(fn: Callable, inputs: list) -> float:
    start = time.perf_counter()
    for item in inputs:
        fn(item)
    return time.perf_counter() - start


def _safe(detect_langs: Callable[[str], list]) -> Callable[[str], list]:
    def run(text: str) -> list:
        try:
            return detect_langs(text)
        except Exception:  # langdetect raises on text without features
            return []

    return run


def _plain(module, text: str) -> list[tuple[str, float]]:
    try:
        return [(lang.lang, lang.prob) for lang in module.detect_langs(text)]
    except module.LangDetectException:
        return []


def _langdetect_rs():
    try:
        import langdetect_rs
    except ImportError:
        return None
    return langdetect_rs


def _top(ranked: list[tuple[str, float]] | None) -> str | None:
    return ranked[0][0] if ranked else None


def _iso(code: str) -> str:
    return ISO_CODES.get(code, code)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.2f}%)" if whole else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small sample (about 400 texts)")
    parser.add_argument("--size", type=int, default=3000, help="about how many texts to sample")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best counts")
    parser.add_argument("--skip-agreement", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--cli-only", action="store_true", help="only the command-line table")
    parser.add_argument(
        "--skip-reference",
        action="store_true",
        help="no pure-Python langdetect on the command line",
    )
    parser.add_argument("--compare-with", type=Path, help="another checkout's `hzcorpus detect`")
    parser.add_argument(
        "--rows",
        action="store_true",
        help="only issue 14's in-process rows (with --compare-with: for both checkouts)",
    )
    parser.add_argument("--articles", type=int, default=160, help="documents for --rows")
    args = parser.parse_args()
    items = sample(400 if args.quick else args.size)
    versions = ", ".join(f"{name} {_version(name)}" for name in ("langdetect", "langdetect-rs"))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Python {sys.version.split()[0]}, {versions}, {os.cpu_count()} CPUs, load {load}\n")
    repeat = 1 if args.quick else args.repeat
    lines = items["sentence"] + items["prefix"] + items["noisy line"] + items["seed paragraph"]
    if args.rows:
        issue14_rows(lines, distinct_articles(args.articles), repeat, 3, args.compare_with)
        return
    if not args.skip_agreement and not args.cli_only:
        agreement(items)
    if not args.skip_speed and not args.cli_only:
        speed(items, repeat)
    if not args.skip_speed:
        lines = lines * max(1, 20_000 // len(lines))
        cli(lines, repeat, args.compare_with, python_too=not args.skip_reference)


if __name__ == "__main__":
    main()
