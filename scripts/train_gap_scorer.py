"""Train the gap scorer (hzcorpus/gap_scorer.py) on the development part of the cut sentences.

The development sentences are cut `--rounds` times with other seeds than the evaluation's
(13). Every candidate gap (double space, lone separator) of these records is labelled a
cut when it overlaps a gold `missing-number` span, else not; a logistic regression over
`gap_scorer.features` is fitted with Adagrad in a fixed order (same data, same weights),
and the threshold is the lowest one whose development precision reaches `--precision`.
Writes hzcorpus/data/gap_scorer.json (weights rounded, near-zero ones dropped). Plain Python.

Usage: python scripts/train_gap_scorer.py DEVDATA [--cache DIR] [--precision 0.97]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from redaction_devset import records  # noqa: E402

from hzcorpus.gap_scorer import GapModel, candidates, features  # noqa: E402

OUT = ROOT / "hzcorpus" / "data" / "gap_scorer.json"


def examples(rows: list[dict]) -> list[tuple[list[str], int]]:
    """(feature names, label) of every candidate gap in `rows`."""
    out = []
    for row in rows:
        gold = [(g["start"], g["end"]) for g in row["spans"] if g["kind"] == "missing-number"]
        for start, end in candidates(row["text"]):
            label = int(any(start < e and s < end for s, e in gold))
            out.append((features(row["text"], start, end), label))
    return out


def train(data: list[tuple[list[str], int]], epochs: int, l2: float, rate: float) -> dict:
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    for _ in range(epochs):
        for names, label in data:
            z = sum(weights.get(n, 0.0) for n in names)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for n in names:
                g = (p - label) + l2 * weights.get(n, 0.0)
                squares[n] = squares.get(n, 0.0) + g * g
                weights[n] = weights.get(n, 0.0) - rate * g / math.sqrt(squares[n] + 1e-8)
    return weights


def pick_threshold(model: GapModel, data, precision: float) -> tuple[float, dict]:
    scored = sorted(((model.probability(n), y) for n, y in data), reverse=True)
    best = (0.99, {"precision": 1.0, "recall": 0.0})
    positives = sum(y for _, y in scored) or 1
    tp = fp = 0
    for p, y in scored:
        tp += y
        fp += 1 - y
        if p < 0.5:
            break
        if tp / (tp + fp) >= precision:
            best = (p, {"precision": tp / (tp + fp), "recall": tp / positives})
    return round(best[0] - 1e-6, 4), best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--precision", type=float, default=0.97)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--rounds", type=int, default=4, help="cut the development sentences this many times"
    )
    args = parser.parse_args()
    if not (args.devdata / "sentences").is_dir():
        print(f"skipped: no devdata in {args.devdata}")
        return
    # each round cuts the same development sentences anew (another seed): more gaps to learn
    dev = [
        row
        for seed in range(100, 100 + args.rounds)
        for row in records(args.devdata, seed=seed, cache_dir=args.cache)
        if row["part"] == "dev"
    ]
    data = examples(dev)
    weights = train(data, args.epochs, args.l2, rate=0.1)
    kept = {n: round(w, 3) for n, w in sorted(weights.items()) if abs(w) >= 0.05}
    threshold, scores = pick_threshold(GapModel(kept, 0.5), data, args.precision)
    model = {
        "about": "logistic weights over hzcorpus.gap_scorer.features; see "
        "scripts/train_gap_scorer.py",
        "trained_on": f"{len(data)} candidate gaps of the development part "
        f"({sum(y for _, y in data)} cuts)",
        "dev_candidates": {k: round(v, 3) for k, v in scores.items()},
        "threshold": threshold,
        "weights": kept,
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{len(data)} candidates, {len(kept)} weights, threshold {threshold}, dev {scores}")


if __name__ == "__main__":
    main()
