"""Score the redaction flagger on real sentences with realistic cuts (see redaction_devset.py).

Prints, for the development and the held-out part: precision and recall per language and per
kind, recall per cut type and per variant (separators kept or gone, gap closed), recall of
the number cuts whose gap was closed (`trace closed`: the words close up, nothing is left
to see) against all other cuts (`trace open`), the share
of intact sentences flagged (all, and those rich in numbers), and with `--show N` the first
N misses and false alarms of each part. Skips with a message when DEVDATA is absent.

Usage: python scripts/redaction_eval.py DEVDATA [--part dev|heldout] [--show N] [--cache DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redaction_devset import records

from hzcorpus.redaction import find_flags


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _closed(gold: dict) -> bool:
    """A number cut that left nothing between the words: the gap closed, no separator kept."""
    return gold["variant"].endswith("-closed")


def evaluate(rows: list[dict], predict=find_flags) -> dict:
    """Counters: precision and recall cells keyed by (group, key), intact counts, examples."""
    pred_ok: Counter = Counter()
    pred_n: Counter = Counter()
    gold_ok: Counter = Counter()
    gold_n: Counter = Counter()
    intact: Counter = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    for row in rows:
        text, lang = row["text"], row["lang"]
        flags = predict(text)
        gold = row["spans"]
        if not gold:
            groups = ("all", "slip" if row.get("slip") else "clean")
            for group in (*groups, "dense") if row.get("dense") and not row.get("slip") else groups:
                intact[(lang, group, "n")] += 1
                intact[(lang, group, "flagged")] += bool(flags)
            if flags:
                alarms.append(f"{lang} {[(f.rule, f.match) for f in flags]} {text[:160]!r}")
        for flag in flags:
            hit_any = any(_overlaps((flag.start, flag.end), (g["start"], g["end"])) for g in gold)
            hit_kind = any(
                _overlaps((flag.start, flag.end), (g["start"], g["end"])) and g["kind"] == flag.kind
                for g in gold
            )
            for key in (("lang", lang, "all"), ("lang", "all", "all")):
                pred_n[key] += 1
                pred_ok[key] += hit_any
            for key in (("kind", lang, flag.kind), ("kind", "all", flag.kind)):
                pred_n[key] += 1
                pred_ok[key] += hit_kind
            if gold and not hit_any:
                alarms.append(f"{lang} cut-sentence {flag.rule} {flag.match!r} {text[:160]!r}")
        for g in gold:
            found = [f for f in flags if _overlaps((f.start, f.end), (g["start"], g["end"]))]
            same = any(f.kind == g["kind"] for f in found)
            keys = [
                ("lang", lang, "all", bool(found)),
                ("lang", "all", "all", bool(found)),
                ("kind", lang, g["kind"], same),
                ("kind", "all", g["kind"], same),
                ("cut", lang, g["cut"], bool(found)),
                ("cut", "all", g["cut"], bool(found)),
                ("variant", "all", f"{g['cut']}/{g['variant']}", bool(found)),
                ("trace", lang, "closed" if _closed(g) else "open", bool(found)),
                ("trace", "all", "closed" if _closed(g) else "open", bool(found)),
            ]
            for group, la, key, ok in keys:
                gold_n[(group, la, key)] += 1
                gold_ok[(group, la, key)] += ok
            if not found:
                misses.append(
                    f"{lang} {g['cut']}/{g['variant']} {text[g['start'] : g['end']]!r} "
                    f"in {text[max(0, g['start'] - 50) : g['end'] + 40]!r}"
                )
    return {
        "pred_ok": pred_ok,
        "pred_n": pred_n,
        "gold_ok": gold_ok,
        "gold_n": gold_n,
        "intact": intact,
        "misses": misses,
        "alarms": alarms,
    }


def report(result: dict, title: str) -> str:
    """The tables of one part as text."""
    lines = [f"== {title}"]
    ratio = lambda ok, n: f"{ok / n:.3f}" if n else "  -  "  # noqa: E731
    for group in ("lang", "kind", "cut", "variant", "trace"):
        keys = sorted(
            {k for k in result["gold_n"] if k[0] == group}
            | {k for k in result["pred_n"] if k[0] == group}
        )
        lines.append(f"{'by ' + group:34} {'prec':>6} {'recall':>7} {'pred':>6} {'gold':>6}")
        for key in keys:
            pn, gn = result["pred_n"][key], result["gold_n"][key]
            p = ratio(result["pred_ok"][key], pn) if group in ("lang", "kind") else "  -  "
            lines.append(
                f"  {key[1] + ' ' + key[2]:32} {p:>6} "
                f"{ratio(result['gold_ok'][key], gn):>7} {pn:>6} {gn:>6}"
            )
    intact = result["intact"]
    groups = ("all", "clean", "dense", "slip")
    lines.append(
        "intact sentences flagged (share of: all / without slips / rich in numbers, "
        "without slips / with a typing slip)"
    )
    for lang in ("en", "de", "zh"):
        cells = [
            f"{ratio(intact[(lang, g, 'flagged')], intact[(lang, g, 'n')])} of "
            f"{intact[(lang, g, 'n')]}"
            for g in groups
        ]
        lines.append(f"  {lang}: " + " / ".join(cells))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--part", choices=("dev", "heldout"), action="append")
    parser.add_argument("--show", type=int, default=0, help="print N misses and false alarms")
    parser.add_argument("--cache", type=Path, help="folder for the German sentence cache")
    args = parser.parse_args()
    if not (args.devdata / "sentences").is_dir():
        print(f"skipped: no devdata in {args.devdata}")
        return
    rows = list(records(args.devdata, cache_dir=args.cache))
    for part in args.part or ("dev", "heldout"):
        result = evaluate([r for r in rows if r["part"] == part])
        print(report(result, part))
        for label in ("misses", "alarms"):
            for line in result[label][: args.show]:
                print(f"  {label[:-2] if label == 'misses' else 'alarm'}: {line}")
        print()


if __name__ == "__main__":
    main()
