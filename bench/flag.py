"""Benchmark redaction flagging: hzcorpus.find_flags against the plain `re` loop it replaces.

Inputs: the redaction gold sentences (tests/data/redaction/*.jsonl), the seed articles of
raw/ as whole documents, and the same articles split into their lines. Paths timed on the
same inputs in one run:

- plain re: every rule's regular expression with `re.finditer`, one after the other, hits
  collected as they come (what a user would write with the standard library);
- find_flags, every rule: hzcorpus without the `needs` prefilter (adds overlap resolution
  and Span building to the plain loop);
- find_flags: hzcorpus as shipped (rules skipped when the text lacks their `needs`).

The paths take turns in each round; the best round of each counts.

Usage: python bench/flag.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best_times  # noqa: E402  (bench/timing.py)

from hzcorpus.redaction import FlagOptions, find_flags  # noqa: E402
from hzcorpus.redaction_rules import RULES  # noqa: E402


def plain_re(text: str) -> list[tuple[int, int, str]]:
    """The standard-library baseline: each rule's compiled regex, one `finditer` after another."""
    return [(m.start(), m.end(), rule.id) for rule in RULES for m in rule.regex.finditer(text)]


def inputs() -> dict[str, list[str]]:
    gold = []
    for path in sorted((ROOT / "tests" / "data" / "redaction").glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            gold += [json.loads(line)["text"] for line in f if line.strip()]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw").glob("*.txt"))]
    lines = [line for text in seeds for line in text.split("\n") if line.strip()]
    return {"gold sentences": gold, "seed articles": seeds, "seed lines": lines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="passes per path (best is kept)")
    args = parser.parse_args()
    every_rule = FlagOptions(prefilter=False)
    paths = {
        "plain re (finditer per rule)": plain_re,
        "find_flags, every rule": lambda text: find_flags(text, every_rule),
        "find_flags": find_flags,
    }
    for rule in RULES:  # compile outside the timed passes
        assert rule.regex
    print(f"{'input':15} {'units':>6} {'path':30} {'units/s':>10} {'kchar/s':>9} {'vs re':>6}")
    for name, texts in inputs().items():
        chars = sum(map(len, texts))
        seconds = best_times({label: (f, texts) for label, f in paths.items()}, args.repeat)
        baseline = seconds["plain re (finditer per rule)"]
        for label, took in seconds.items():
            print(
                f"{name:15} {len(texts):>6} {label:30} {len(texts) / took:>10.0f} "
                f"{chars / took / 1000:>9.0f} {baseline / took:>5.2f}x"
            )
    n_flags = sum(len(find_flags(t)) for t in inputs()["seed articles"])
    version = sys.version.split()[0]
    print(f"\n{len(RULES)} rules; {n_flags} flags in the seed articles; Python {version}")


if __name__ == "__main__":
    main()
