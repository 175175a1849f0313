"""Benchmark redaction flagging: hzcorpus.find_flags against the plain `re` loop it replaces.

Inputs: the redaction gold sentences (tests/data/redaction/*.jsonl), the seed articles of
raw/ as whole documents, and the same articles split into their lines. Paths timed on the
same inputs in one run:

- plain re: every rule's regular expression with `re.finditer`, one after the other, hits
  collected as they come (what a user would write with the standard library);
- find_flags, every rule: hzcorpus without the `needs` prefilter and the first-character
  lookaheads (adds overlap resolution and Span building to the plain loop);
- find_flags: hzcorpus as shipped (rules skipped when the text lacks their `needs`, each
  regex behind a lookahead for the characters its hits can start with).

The paths take turns in each round; the best round of each counts. `--texts FILE` adds the
`text` of every line of a JSON-lines file as one more input (say, the cut sentences that
`scripts/redaction_devset.py --out` writes), and `--join N` the same lines joined N at a time
into whole articles (paragraphs of four lines); `--compare-with CHECKOUT` adds `find_flags` of
another checkout of the project (its package copied and imported under another name) to the
same interleaved rounds, and checks that it flags the same spans.

Usage: python bench/flag.py [--repeat N] [--texts FILE.jsonl [--join N]]
       [--compare-with CHECKOUT]
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best_times  # noqa: E402  (bench/timing.py)

from hzcorpus.redaction import FlagOptions, find_flags  # noqa: E402
from hzcorpus.redaction_rules import RULES  # noqa: E402


def plain_re(text: str) -> list[tuple[int, int, str]]:
    """The standard-library baseline: each rule's compiled regex, one `finditer` after another."""
    return [(m.start(), m.end(), rule.id) for rule in RULES for m in rule.regex.finditer(text)]


def compared_find_flags(checkout: Path, into: Path):
    """`find_flags` of the package in `checkout`, imported as `hzcorpus_compared` (its
    package-data look-ups renamed too, so that it reads its own lexicons and model)."""
    package = into / "hzcorpus_compared"
    shutil.copytree(checkout / "hzcorpus", package)
    for module in package.rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        module.write_text(source.replace('files("hzcorpus")', 'files("hzcorpus_compared")'))
    sys.path.insert(0, str(into))
    return importlib.import_module("hzcorpus_compared.redaction").find_flags


def inputs(texts: Path | None = None, join: int = 0) -> dict[str, list[str]]:
    gold = []
    for path in sorted((ROOT / "tests" / "data" / "redaction").glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            gold += [json.loads(line)["text"] for line in f if line.strip()]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw").glob("*.txt"))]
    lines = [line for text in seeds for line in text.split("\n") if line.strip()]
    found = {"gold sentences": gold, "seed articles": seeds, "seed lines": lines}
    if texts is not None:
        with texts.open(encoding="utf-8") as f:
            found[texts.stem] = [json.loads(line)["text"] for line in f if line.strip()]
        if join:
            found[f"{texts.stem} x{join}"] = articles(found[texts.stem], join)
    return found


def articles(lines: list[str], size: int) -> list[str]:
    """`lines` joined `size` at a time into articles of paragraphs of four lines each."""
    chunks = [lines[i : i + size] for i in range(0, len(lines), size)]
    return ["\n".join(" ".join(c[j : j + 4]) for j in range(0, len(c), 4)) for c in chunks]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="passes per path (best is kept)")
    parser.add_argument("--texts", type=Path, help="a JSON-lines file with a `text` field")
    parser.add_argument("--compare-with", type=Path, help="another checkout of the project")
    parser.add_argument(
        "--join", type=int, default=0, help="also time --texts joined N lines to an article"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(args, Path(tmp))


def run(args: argparse.Namespace, tmp: Path) -> None:
    """Time the paths on every input and print the table."""
    every_rule = FlagOptions(prefilter=False)
    paths = {
        "plain re (finditer per rule)": plain_re,
        "find_flags, every rule": lambda text: find_flags(text, every_rule),
        "find_flags": find_flags,
    }
    texts = inputs(args.texts, args.join)
    if args.compare_with is not None:
        other = compared_find_flags(args.compare_with, tmp)
        paths[f"{args.compare_with.name}: find_flags"] = other
        spans = lambda flags: [(f.start, f.end, f.kind, f.rule, f.score) for f in flags]  # noqa: E731
        every = [t for ts in texts.values() for t in ts]
        differ = sum(spans(other(t)) != spans(find_flags(t)) for t in every)
        print(f"{args.compare_with.name} flags other spans in {differ} of {len(every)} texts")
    for rule in RULES:  # compile outside the timed passes
        assert rule.regex
    print(f"{'input':15} {'units':>6} {'path':30} {'units/s':>10} {'kchar/s':>9} {'vs re':>6}")
    for name, items in texts.items():
        chars = sum(map(len, items))
        seconds = best_times({label: (f, items) for label, f in paths.items()}, args.repeat)
        baseline = seconds["plain re (finditer per rule)"]
        for label, took in seconds.items():
            print(
                f"{name:15} {len(items):>6} {label:30} {len(items) / took:>10.0f} "
                f"{chars / took / 1000:>9.0f} {baseline / took:>5.2f}x"
            )
    n_flags = sum(len(find_flags(t)) for t in texts["seed articles"])
    version = sys.version.split()[0]
    print(f"\n{len(RULES)} rules; {n_flags} flags in the seed articles; Python {version}")


if __name__ == "__main__":
    main()
