"""Translation speed: argostranslate paragraph by paragraph against hzcorpus batched, one run.

On one package (default: the base stand-in, random weights with a real model's size), the
German article `raw/002_...` and a 20-article German corpus (`bench/german_corpus.py`):

- argostranslate: `argostranslate.translate.translate(paragraph, "de", "en")` for every
  paragraph, with its defaults (beam 4, one worker, batches of 32 tokens);
- hzcorpus at beam 4 (argostranslate's decoding) and at beam 1: `Translator.translate_texts`
  over all texts at once.

Models are loaded and warmed up before timing. Each path runs `--rounds` times (default 2),
in alternating order, and the fastest run counts, so that other jobs on a shared machine
disturb the comparison less. Prints a Markdown table: source tokens/s, the ratio to
argostranslate, and how many paragraphs (and the sentences in them) came out identical to
argostranslate's. CPU seconds (all threads of this process) show the work done, which other
jobs on a shared machine disturb less than wall time. Usage:

    python bench/translate.py [--package FILE.argosmodel] [--articles 20] [--rounds 2]

`--engine --beam N [--compare-with CHECKOUT]` prints issue 14's rows instead: the whole
`Translator.translate_texts` call (splitting, tokenising, batching, decoding,
detokenising) against CTranslate2 alone on the same sentences already tokenised, with the
engine's best shape on 2 cores (2 translators x 1 thread, 32-sentence batches); each path
in its own process (CPU seconds of all its threads, peak RSS), the paths taking turns.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from german_corpus import articles  # noqa: E402

from hzcorpus.clean import clean_document  # noqa: E402
from hzcorpus.packages import install_package  # noqa: E402
from hzcorpus.read import read_document  # noqa: E402
from hzcorpus.translate import TranslateOptions, Translator  # noqa: E402
from tests.argos_reference import import_argostranslate, reference_translate  # noqa: E402

DEFAULT_PACKAGE = ROOT.parent / "shared" / "models" / "de_en-base-standin.argosmodel"
ARTICLE = ROOT / "raw" / "002_1df129847dfbb07b.txt"


def _paragraphs(texts: list[str]) -> list[str]:
    return [p for text in texts for p in text.split("\n")]


def _timed(run) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result) of `run()`."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _timed_ours(translator: Translator, texts: list[str]) -> tuple[float, float, list, dict]:
    before = dataclasses.replace(translator.stats)
    wall, cpu, out = _timed(lambda: translator.translate_texts(texts))
    after = dataclasses.asdict(translator.stats)
    delta = {k: v - getattr(before, k) for k, v in after.items()}
    return wall, cpu, _paragraphs(out), delta


def bench_input(
    name: str, texts: list[str], argos, ours: dict[int, Translator], rounds: int
) -> list[str]:
    """Table rows for one input: the best of `rounds` runs of each path, in alternating order."""
    paragraphs = _paragraphs(texts)
    sentences = [len(segs) for text in texts for segs in ours[4].split_text(text)]
    argos_runs: list[tuple[float, float, list[str]]] = []
    our_runs: dict[int, list[tuple[float, float, list, dict]]] = {beam: [] for beam in ours}
    for i in range(rounds):
        for path in ("argos", *ours) if i % 2 == 0 else (*reversed(ours), "argos"):
            if path == "argos":
                argos_runs.append(
                    _timed(lambda: [reference_translate(argos, p, "de", "en") for p in paragraphs])
                )
            else:
                our_runs[path].append(_timed_ours(ours[path], texts))
    argos_wall, argos_cpu, reference = min(argos_runs, key=lambda run: run[0])
    best = {beam: min(runs, key=lambda run: run[0]) for beam, runs in our_runs.items()}
    stats = best[4][3]
    tokens = stats["source_tokens"]
    head = f"| {name} | {len(paragraphs)} | {stats['sentences']} ({stats['distinct_sentences']}) "
    head += f"| {tokens} "
    rows = [
        head + f"| argostranslate, beam 4 | {argos_wall:.1f} | {argos_cpu:.1f} "
        f"| {tokens / argos_wall:.0f} | 1.00 | - | - |"
    ]
    for beam, (wall, cpu, out, _stats) in best.items():
        same = [a == b for a, b in zip(out, reference, strict=True)]
        same_sentences = sum(n for n, s in zip(sentences, same, strict=True) if s)
        rows.append(
            f"| | | | | hzcorpus, beam {beam} | {wall:.1f} | {cpu:.1f} | {tokens / wall:.0f} "
            f"| {argos_wall / wall:.2f} | {sum(same)}/{len(same)} "
            f"| {same_sentences}/{sum(sentences)} |"
        )
    extra = {k: v for k, v in stats.items() if k.startswith(("long", "hit"))}
    print(f"{name}: hzcorpus beam 4 stats {extra}", file=sys.stderr)
    return rows


#: One timed run in its own process: `engine` (CTranslate2 alone on the tokenised sentences)
#: or `hzcorpus` (the checkout on PYTHONPATH translating the texts); prints JSON.
ENGINE_WORKER = """
import hashlib, json, resource, sys, time
from pathlib import Path
path, data_file, beam = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = json.loads(Path(data_file).read_text(encoding="utf-8"))
if path == "engine":
    import ctranslate2
    model = ctranslate2.Translator(data["model"], inter_threads=2, intra_threads=1)
    options = dict(beam_size=beam, length_penalty=0.2, replace_unknowns=True, max_batch_size=32)
    model.translate_batch([["▁Guten", "▁Morgen", "."]], **options)  # warm up
    run = lambda: [r.hypotheses[0] for r in model.translate_batch(data["tokens"], **options)]
else:
    from hzcorpus.packages import find_package
    from hzcorpus.translate import TranslateOptions, Translator
    packages = Path(data["packages"])
    options = TranslateOptions(packages, beam_size=beam)
    translator = Translator(find_package("de", "en", packages), options)
    translator.translate_texts(["Guten Morgen. Wie geht es?"])  # warm up
    run = lambda: translator.translate_texts(data["texts"])
cpu, wall = time.process_time(), time.perf_counter()
out = run()
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
digest = hashlib.sha256(json.dumps(out).encode()).hexdigest()[:12]
print(json.dumps({"cpu": cpu, "wall": wall, "rss": rss, "output": digest}))
"""


def headlines(n: int, per_text: int = 40) -> list[str]:
    """`n` texts of `per_text` distinct two-word lines (labels, headlines): the batches of
    short sentences whose memory the sentence cap of a batch bounds."""
    rng = random.Random(0)
    words = "Haus Baum Stadt Land Fluss Auto Bahn Zug Welt Zeit Jahr Tag Nacht Berg Tal See"
    pool = words.split()
    return [
        "\n".join(f"{rng.choice(pool)} {rng.choice(pool)}{i}" for i in range(per_text))
        for _ in range(n)
    ]


def engine_rows(
    package, texts: list[str], beam: int, rounds: int, other: Path | None, packages: Path
) -> None:
    """Issue 14's rows: CPU seconds and peak RSS of hzcorpus (this checkout, and `other`)
    against CTranslate2 alone on the same distinct sentences, one process per run."""
    translator = Translator(package, TranslateOptions(packages, beam_size=beam))
    segments = [seg for text in texts for para in translator.split_text(text) for seg in para]
    tokens = [list(t) for t in dict.fromkeys(tuple(s) for s in segments if s)]
    del translator
    checkouts = {"engine": None, ROOT.name: ROOT, **({other.name: other} if other else {})}
    runs: dict[str, list[dict]] = {name: [] for name in checkouts}
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as data:
        model = str(package.path / "model")
        json.dump(
            {"model": model, "tokens": tokens, "texts": texts, "packages": str(packages)}, data
        )
        data.flush()
        for i in range(rounds):
            order = list(checkouts) if i % 2 == 0 else list(reversed(checkouts))
            for name in order:
                checkout = checkouts[name]
                env = dict(os.environ, PYTHONPATH=str(checkout or ROOT))
                command = [
                    sys.executable,
                    "-c",
                    ENGINE_WORKER,
                    "engine" if checkout is None else "hzcorpus",
                ]
                done = subprocess.run(
                    [*command, data.name, str(beam)],
                    capture_output=True,
                    text=True,
                    env=env,
                    cwd=checkout or ROOT,  # `-c` puts the working folder first on sys.path
                    check=True,
                )
                runs[name].append(json.loads(done.stdout))
                print(f"round {i + 1} {name}: {runs[name][-1]}", file=sys.stderr, flush=True)
    source_tokens = sum(map(len, segments))
    print(
        f"\n### Beam {beam}: {len(texts)} texts, {len(segments)} sentences ({len(tokens)} distinct,"
    )
    print(f"{source_tokens:,} source tokens); {rounds} runs per path, one process each\n")
    print(
        "| path | CPU s: best / median | speed vs engine (CPU): best / median | wall s: best "
        "| peak RSS MB | RSS vs engine | output |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    engine = runs["engine"]
    for name, results in runs.items():
        cpu = [r["cpu"] for r in results]
        ratio = [e["cpu"] / r["cpu"] for e, r in zip(engine, results, strict=True)]
        rss = max(r["rss"] for r in results)
        best_ratio = min(e["cpu"] for e in engine) / min(cpu)
        label = (
            "CTranslate2 alone, 2x1 threads, 32-sentence batches"
            if name == "engine"
            else f"hzcorpus ({name})"
        )
        print(
            f"| {label} | {min(cpu):.2f} / {median(cpu):.2f} "
            f"| {best_ratio:.3f}x / {median(ratio):.3f}x "
            f"| {min(r['wall'] for r in results):.1f} | {rss:.0f} "
            f"| {rss / max(e['rss'] for e in engine):.2f}x | {results[0]['output']} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--package", type=Path, default=DEFAULT_PACKAGE)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2, help="runs per path; the best counts")
    parser.add_argument("--engine", action="store_true", help="issue 14's rows (see above)")
    parser.add_argument("--beam", type=int, default=4, help="beam size of --engine")
    parser.add_argument("--compare-with", type=Path, help="another checkout for --engine")
    parser.add_argument(
        "--headlines", type=int, default=0, help="--engine on N texts of short lines instead"
    )
    args = parser.parse_args()
    if not args.package.is_file():
        parser.error(f"{args.package}: no such package; give --package FILE.argosmodel")
    with tempfile.TemporaryDirectory() as tmp:
        packages = Path(tmp) / "packages"
        package = install_package(args.package, packages)
        if args.engine:
            texts = headlines(args.headlines) if args.headlines else articles(args.articles)
            engine_rows(
                package,
                texts,
                args.beam,
                args.rounds,
                args.compare_with,
                packages,
            )
            return 0
        argos = import_argostranslate(packages)
        ours = {
            beam: Translator(package, TranslateOptions(packages, beam_size=beam)) for beam in (4, 1)
        }
        reference_translate(argos, "Guten Morgen. Wie geht es?", "de", "en")  # load + warm up
        for translator in ours.values():
            translator.translate_texts(["Guten Morgen. Wie geht es?"])
        inputs = {
            "article 002": [clean_document(read_document(ARTICLE, root=ARTICLE.parent)).text],
            f"{args.articles}-article corpus": articles(args.articles),
        }
        inter, intra = ours[4].options.threads()
        print(f"package {package.name} ({args.package.name}); hzcorpus threads {inter}x{intra}")
        print(
            f"compute type {ours[4].record['compute_type']}, splitter {ours[4].record['splitter']}"
        )
        print()
        print(
            "| input | paragraphs | sentences (distinct) | source tokens | path | seconds "
            "| CPU seconds | source tokens/s | speed-up | identical paragraphs "
            "| sentences in them |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for name, texts in inputs.items():
            for row in bench_input(name, texts, argos, ours, args.rounds):
                print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
