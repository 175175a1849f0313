"""Estimate the number cuts that leave no trace: closed gaps whose words real text has side
by side as often as with a number between them.

A closed cut ("about people", "rund Euro") leaves two words next to each other. Over the
intact development sentences (English and German, words as `redaction_context.word_token`)
every adjacent pair is counted twice: how often a number stood between the two words and how
often they stood side by side. The counts are kept at four levels, from the two words to
their classes (`gap_scorer.token_class`, lower-case words ending in "s" apart): "w1 w2",
"w1 |C2", "|C1 w2", "|C1 |C2". A closed cut has a *trace* when the most specific level seen at
least `MIN_SEEN` times has a number between the words at least half the time; otherwise its
remainder is as likely in intact text as with the number, and no statistic of this kind can
tell it apart (about half of what the gap scorer would flag there is intact text anyway).

Per part and language it prints the closed cuts, the share with a trace, the recall of the
shipped flagger on open and on closed cuts, the recall it would reach if it found every open
cut and the closed ones as now (`open=1`: the ceiling of open-gap work), and if it found
every closed cut with a trace and the open cuts as now (`reachable`: the ceiling of
closed-gap evidence). With `--shapes N` it then lists, per part and language, the N most
common shapes of closed cuts (cut type, class of the word before, class of the word after)
with their count, the share with a trace and the share found: the traceless ones are the
cuts whose remainder reads as ordinary text ("for days", "the case", "did years"). The
development cuts are judged with the counts of the other folds (`train_gap_scorer.fold_of`),
the held-out ones with the counts of all development sentences; only totals are printed.

Usage: python scripts/redaction_trace.py DEVDATA [--cache DIR] [--shapes N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redaction_devset import load_sentences, part_of, records
from train_gap_scorer import FOLDS, NON_COMMERCIAL, fold_of

from hzcorpus.gap_scorer import token_class
from hzcorpus.redaction import find_flags
from hzcorpus.redaction_context import NUMBER, word_token

#: a level's counts speak only when the pair (or class pair) was seen this often
MIN_SEEN = 3
#: and a cut has a trace when a number stood between the words this often
TRACE_ODDS = 0.5


def word_class(raw: str, left: bool) -> str:
    """The class of a word for the backed-off counts: its lexicon class or shape, with
    lower-case words ending in "s" (plurals, mostly) apart."""
    name = token_class(raw, left)
    return "low-s" if name == "low" and word_token(raw).endswith("s") else name


class PairCounts:
    """Adjacent pairs with and without a number between them, at the four levels."""

    def __init__(self, sentences: Iterable[str]) -> None:
        self.between: Counter = Counter()
        self.adjacent: Counter = Counter()
        for sentence in sentences:
            raw = sentence.split()
            toks = [word_token(w) for w in raw]
            for i in range(len(toks) - 1):
                if not toks[i] or toks[i] == NUMBER:
                    continue
                j, counter = (
                    (i + 2, self.between) if toks[i + 1] == NUMBER else (i + 1, self.adjacent)
                )
                if j < len(toks) and toks[j] and toks[j] != NUMBER:
                    for key in self.keys(raw[i], raw[j]):
                        counter[key] += 1

    @staticmethod
    def keys(left: str, right: str) -> tuple[tuple[str, str], ...]:
        """The keys of a pair of raw words, most specific first."""
        lw, rw = word_token(left), word_token(right)
        lc, rc = "|" + word_class(left, True), "|" + word_class(right, False)
        return ((lw, rw), (lw, rc), (lc, rw), (lc, rc))

    def odds(self, left: str, right: str) -> float | None:
        """How often a number stood between the two words, at the most specific level seen
        `MIN_SEEN` times (None: not even the classes were)."""
        for key in self.keys(left, right):
            n, side_by_side = self.between[key], self.adjacent[key]
            if n + side_by_side >= MIN_SEEN:
                return n / (n + side_by_side)
        return None


def closed_pair(text: str, gold: dict) -> tuple[str, str] | None:
    """The two words a closed cut left side by side (its gold span is 'x y' around one space)."""
    middle = text.find(" ", gold["start"], gold["end"])
    left, right = text[:middle].split(), text[middle + 1 :].split()
    return (left[-1], right[0]) if middle >= 0 and left and right else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--cache", type=Path, help="folder for the German sentence cache")
    parser.add_argument("--shapes", type=int, default=0, help="list the N commonest shapes")
    args = parser.parse_args()
    if not (args.devdata / "sentences").is_dir():
        print(f"skipped: no devdata in {args.devdata}")
        return
    sentences = load_sentences(args.devdata, args.cache)
    dev = [
        s
        for source, lang, s in sentences
        if lang != "zh" and part_of(s) == "dev" and source not in NON_COMMERCIAL
    ]
    by_fold = [PairCounts(s for s in dev if fold_of(s) != k) for k in range(FOLDS)]
    everything = PairCounts(dev)
    fold_by_id = {f"{source}-{i}": fold_of(s) for i, (source, _, s) in enumerate(sentences)}
    print(
        f"{'part':8} {'lang':4} {'closed':>6} {'trace':>6} {'none':>6} "
        f"{'R open':>7} {'R closed':>8} {'R all':>6} {'open=1':>6} {'reachable':>9}"
    )
    shapes: dict[tuple[str, str], Counter] = {}
    rows = [row for row in records(args.devdata, cache_dir=args.cache) if row["lang"] != "zh"]
    for part in ("dev", "heldout"):
        for lang in ("en", "de"):
            cells: Counter = Counter()
            shape_cells = shapes.setdefault((part, lang), Counter())
            for row in rows:
                if row["part"] != part or row["lang"] != lang or not row["spans"]:
                    continue
                counts = by_fold[fold_by_id[row["id"]]] if part == "dev" else everything
                flags = find_flags(row["text"])
                for gold in row["spans"]:
                    found = any(f.start < gold["end"] and gold["start"] < f.end for f in flags)
                    closed = gold["variant"].endswith("-closed")
                    pair = closed_pair(row["text"], gold) if closed else None
                    odds = counts.odds(*pair) if pair else None
                    trace = not closed or (odds is not None and odds >= TRACE_ODDS)
                    cells["all"] += 1
                    cells["found"] += found
                    cells["closed" if closed else "open"] += 1
                    cells["closed found" if closed else "open found"] += found
                    cells["closed traced"] += closed and trace
                    cells["reachable"] += found or (closed and trace)
                    if pair:
                        shape = (gold["cut"], word_class(pair[0], True), word_class(pair[1], False))
                        shape_cells[(*shape, "n")] += 1
                        shape_cells[(*shape, "traced")] += trace
                        shape_cells[(*shape, "found")] += found
            closed, n = cells["closed"] or 1, cells["all"] or 1
            print(
                f"{part:8} {lang:4} {cells['closed']:>6} {cells['closed traced'] / closed:>6.3f} "
                f"{1 - cells['closed traced'] / closed:>6.3f} "
                f"{cells['open found'] / (cells['open'] or 1):>7.3f} "
                f"{cells['closed found'] / closed:>8.3f} {cells['found'] / n:>6.3f} "
                f"{(cells['open'] + cells['closed found']) / n:>6.3f} "
                f"{cells['reachable'] / n:>9.3f}"
            )
    print("(dev recall: the shipped model has seen these sentences; see train_gap_scorer.py)")
    for (part, lang), counts in shapes.items() if args.shapes else ():
        print(f"closed cuts of {part} {lang} by shape: count, share traced, share found")
        named = [key[:3] for key in counts if key[3] == "n"]
        for shape in sorted(named, key=lambda key: (-counts[(*key, "n")], key))[: args.shapes]:
            n = counts[(*shape, "n")]
            print(
                f"  {' + '.join(shape):40} {n:5} {counts[(*shape, 'traced')] / n:6.2f} "
                f"{counts[(*shape, 'found')] / n:6.2f}"
            )


if __name__ == "__main__":
    main()
