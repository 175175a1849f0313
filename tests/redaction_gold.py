"""The redaction gold sets and their scorer (span precision and recall by overlap).

`tests/data/redaction/*.jsonl` hold hand-written sentences in en/de/zh, one JSON object a
line: `{"id", "lang", "text", "spans": [{"start", "end", "kind"}]}` (see the README there);
a span may name its `cut` (the way the text was cut: `number-unit`, `date`, `anonymisation`
...). A predicted span matches a gold span when the two overlap; the per-kind figures also
require the same kind, the `all` figures ignore kinds, and the `cut:<type>` cells give the
recall of each cut type (any kind). `python -m tests.redaction_gold`
prints the tables; `--write-floors` pins the current scores (rounded down) in floors.json.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from pathlib import Path

from hzcorpus.document import FLAG_KINDS

GOLD_DIR = Path(__file__).resolve().parent / "data" / "redaction"
GOLD = GOLD_DIR / "gold.jsonl"
SETS = ("gold.jsonl", "heldout.jsonl", "cuts.jsonl")
FLOORS = GOLD_DIR / "floors.json"
LANGS = ("en", "de", "zh")

Predict = Callable[[str], Iterable]  # text -> spans with .start, .end, .kind


def load_gold(path: Path = GOLD) -> list[dict]:
    """The gold records, in file order."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(records: list[dict], predict: Predict) -> dict[str, dict[str, dict[str, float | int]]]:
    """`{lang or "all": {kind or "all": {precision, recall, n_pred, n_gold}}}`.

    precision = predictions that overlap a gold span / predictions; recall = gold spans
    that overlap a prediction / gold spans. A ratio with nothing to count is left out.
    """
    counts: dict[tuple[str, str], list[int]] = {}  # -> [pred ok, pred, gold ok, gold]
    for record in records:
        gold = [(s["start"], s["end"], s["kind"]) for s in record["spans"]]
        pred = [(p.start, p.end, p.kind) for p in predict(record["text"])]
        for kind in ("all", *FLAG_KINDS):
            same = (lambda a, b: True) if kind == "all" else (lambda a, b: a[2] == b[2])
            g = [s for s in gold if kind in ("all", s[2])]
            p = [s for s in pred if kind in ("all", s[2])]
            row = [
                sum(any(_overlaps(x, y) and same(x, y) for y in g) for x in p),
                len(p),
                sum(any(_overlaps(x, y) and same(x, y) for y in p) for x in g),
                len(g),
            ]
            for lang in (record["lang"], "all"):
                total = counts.setdefault((lang, kind), [0, 0, 0, 0])
                for i, value in enumerate(row):
                    total[i] += value
        for span in record["spans"]:
            if "cut" in span:
                found = any(_overlaps((span["start"], span["end"]), p) for p in pred)
                for lang in (record["lang"], "all"):
                    total = counts.setdefault((lang, f"cut:{span['cut']}"), [0, 0, 0, 0])
                    total[2] += found
                    total[3] += 1
    result: dict[str, dict[str, dict[str, float | int]]] = {}
    for (lang, kind), (pred_ok, n_pred, gold_ok, n_gold) in sorted(counts.items()):
        if not (n_pred or n_gold):
            continue
        cell: dict[str, float | int] = {"n_pred": n_pred, "n_gold": n_gold}
        if n_pred:
            cell["precision"] = pred_ok / n_pred
        if n_gold:
            cell["recall"] = gold_ok / n_gold
        result.setdefault(lang, {})[kind] = cell
    return result


def table(scores: dict) -> str:
    """The scores as a plain-text table, one row per (language, kind)."""
    rows = [f"{'lang':4} {'kind':18} {'precision':>9} {'recall':>7} {'pred':>5} {'gold':>5}"]
    for lang in (*LANGS, "all"):
        for kind, cell in scores.get(lang, {}).items():
            p = f"{cell['precision']:.3f}" if "precision" in cell else "-"
            r = f"{cell['recall']:.3f}" if "recall" in cell else "-"
            rows.append(f"{lang:4} {kind:18} {p:>9} {r:>7} {cell['n_pred']:>5} {cell['n_gold']:>5}")
    return "\n".join(rows)


def floors_of(scores: dict) -> dict:
    """The scores rounded down to 2 decimals: the floors a later change must not go below."""
    return {
        lang: {
            kind: {m: math.floor(cell[m] * 100) / 100 for m in ("precision", "recall") if m in cell}
            for kind, cell in kinds.items()
        }
        for lang, kinds in scores.items()
    }


if __name__ == "__main__":
    import sys

    from hzcorpus.redaction import find_flags

    all_scores = {name: score(load_gold(GOLD_DIR / name), find_flags) for name in SETS}
    for name, scores in all_scores.items():
        print(f"== {name}\n{table(scores)}\n")
    if "--write-floors" in sys.argv:
        floors = {name: floors_of(scores) for name, scores in all_scores.items()}
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
