"""What removing kept lines repeated across a corpus would do to the cleaner's scores.

Usage: python scripts/repeat_lines.py DEVDATA --cache DUMPS --outputs DIR
       [--split dev|held-out] [--html] [--datasets a,b] [--top N]

A corpus build sees many pages; a line the cleaner keeps on several of them (a newsletter
box, a share label, a copyright line) is furniture more often than article. This script
cleans each page of one split (the page-text dumps of every renderer, or with `--html`
the HTML path), counts each normalised kept line (casefolded, digits folded to 0,
whitespace squeezed: `norm`) once per page over the pages of the same data set, split and
renderer, and scores the outputs with the lines of `df` pages or more removed: those a
repeat build may remove (`hzcorpus.repeats.repeatable`: not prose, not short), or every
such line. It prints the table of
`eval_clean` per variant and the most repeated kept lines per data set with their labels
(`devdata.Gold`: a for article, b for boilerplate, ? unlabelled), counted over their pages.

The cleaned outputs are kept in `--outputs` (one JSON file per input), so that variants
are scored without cleaning again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devdata
import eval_clean

from hzcorpus.errors import HzcorpusError
from hzcorpus.repeats import norm, repeatable


@dataclass(frozen=True)
class Variant:
    """Which repeated lines go: seen on `df` pages or more, and (`repeatable`) only those
    a repeat build may remove (`hzcorpus.repeats.repeatable`), else every line."""

    df: int
    repeatable: bool = True

    @property
    def name(self) -> str:
        return f"df>={self.df}{',repeatable' if self.repeatable else ',any line'}"

    def drops(self, line: str, count: int) -> bool:
        return count >= self.df and (not self.repeatable or repeatable(line) is not None)


VARIANTS = [Variant(df, only) for df in (3, 4, 6) for only in (True, False)]


def outputs(
    pages: list[devdata.Page], renderers: list[str], cache: Path, store: Path, html: bool
) -> dict[tuple[str, str], eval_clean.Output]:
    """(page key, renderer) -> the cleaner's output, from `store` or cleaned now."""
    found: dict[tuple[str, str], eval_clean.Output] = {}
    for page in pages:
        for renderer in ["html"] if html else renderers:
            key = f"{page.dataset}/{page.id}/{renderer}"
            path = store / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"
            if path.exists():
                found[key, renderer] = eval_clean.Output(**json.loads(path.read_text("utf-8")))
                continue
            try:
                if html:
                    out = eval_clean.hzcorpus_html(page.html())
                else:
                    dump = devdata.render(page, renderer, cache)
                    if dump is None:
                        continue
                    out = eval_clean.hzcorpus_dump(dump)
            except (HzcorpusError, ValueError, TypeError, RecursionError) as exc:
                print(f"error {key}: {exc}", file=sys.stderr)
                out = eval_clean.Output("")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(asdict(out)), encoding="utf-8")
            found[key, renderer] = out
    return found


def page_counts(
    pages: list[devdata.Page], found: dict[tuple[str, str], eval_clean.Output]
) -> dict[tuple[str, str], Counter]:
    """(data set, renderer) -> normalised kept line -> pages it is kept on."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_key = {f"{p.dataset}/{p.id}": p for p in pages}
    for (key, renderer), out in found.items():
        page = by_key[key.rsplit("/", 1)[0]]
        lines = {norm(t) for t in out.text.split("\n")} - {""}
        counts[page.dataset, renderer].update(lines)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="rendered dumps")
    parser.add_argument("--outputs", type=Path, required=True, help="cleaned outputs")
    parser.add_argument("--split", choices=devdata.SPLITS, default="dev")
    parser.add_argument("--html", action="store_true", help="the HTML path, not dumps")
    parser.add_argument("--datasets", default="")
    parser.add_argument("--renderers", default=",".join(devdata.RENDERERS))
    parser.add_argument("--top", type=int, default=25, help="repeated lines shown per set")
    args = parser.parse_args(argv)
    if not args.devdata.is_dir():
        print(f"no devdata folder at {args.devdata}: nothing to measure")
        return 0
    names = [n for n in args.datasets.split(",") if n] or None
    pages = [p for p in devdata.load_pages(args.devdata, names) if p.split == args.split]
    renderers = [r for r in args.renderers.split(",") if r]
    found = outputs(pages, renderers, args.cache, args.outputs, args.html)
    counts = page_counts(pages, found)
    by_key = {f"{p.dataset}/{p.id}": p for p in pages}
    tallies: dict[tuple[str, str, str], eval_clean.Tally] = {}
    dropped: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for (key, renderer), out in sorted(found.items()):
        page = by_key[key.rsplit("/", 1)[0]]
        gold = devdata.Gold(page)
        count = counts[page.dataset, renderer]
        lines = out.text.split("\n")
        tallies.setdefault((page.dataset, args.split, "kept"), eval_clean.Tally()).add(page, out)
        for variant in VARIANTS:
            gone = [variant.drops(t, count[norm(t)]) for t in lines]
            text = "\n".join(t for t, g in zip(lines, gone, strict=True) if not g)
            row = (page.dataset, args.split, variant.name)
            tallies.setdefault(row, eval_clean.Tally()).add(
                page, eval_clean.Output(text, out.title, out.author, out.date)
            )
            label = {0: "a", 1: "b", None: "?"}
            for t, g in zip(lines, gone, strict=True):
                if g:
                    dropped[page.dataset, variant.name][label[gold.label(t)]] += len(t.split())
            if variant == VARIANTS[0]:
                for t, g in zip(lines, gone, strict=True):
                    if g:
                        dropped[page.dataset, "lines"][norm(t), label[gold.label(t)]] += 1
    eval_clean.print_table(tallies, ["kept", *(v.name for v in VARIANTS)])
    print("\nwords dropped per variant by label (a article, b boilerplate, ? unlabelled)")
    for (dataset, name), labels in sorted(dropped.items()):
        if name != "lines":
            print(f"{dataset} {name}: " + " ".join(f"{k}={v}" for k, v in sorted(labels.items())))
    for (dataset, name), lines in sorted(dropped.items()):
        if name != "lines":
            continue
        per_line: dict[str, Counter] = defaultdict(Counter)
        for (line, label), n in lines.items():
            per_line[line][label] += n
        top = sorted(per_line.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        print(f"\n{dataset}: {len(per_line)} distinct lines dropped at {VARIANTS[0].name}")
        for line, labels in top[: args.top]:
            shown = " ".join(f"{k}{v}" for k, v in sorted(labels.items()))
            print(f"  {sum(labels.values()):4d} [{shown}] {line[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
