"""What removing kept lines repeated across a build would do to the cleaner's scores.

Usage: python scripts/repeat_lines.py DEVDATA --cache DUMPS --outputs DIR
       [--split dev|held-out] [--html] [--datasets a,b] [--builds set,site,mixed]
       [--variants df>=3,...] [--top N]

A corpus build sees many pages; a line the cleaner keeps on several of them (a newsletter
box, a share label, a copyright line) is furniture more often than article. This script
cleans each page of one split (the page-text dumps of every renderer, or with `--html`
the HTML path) and groups the outputs into builds of one renderer's pages (`SCOPES`):
one build per data set (`set`), per site of a data set (`site`: `devdata.Page.site_key`,
a page of no known site alone), or one of all the data sets read (`mixed`). In each build
it counts each normalised kept line (casefolded, digits folded to 0, whitespace squeezed:
`norm`) once per distinct text, as `hzcorpus.repeats.RepeatCounter` does, and scores the
outputs with the lines of a variant's threshold or more removed (`Variant`: a fixed
number of texts, or one scaled to the build's size): those a repeat build may remove
(`hzcorpus.repeats.repeatable`: not prose, not short), or every such line. It prints the
table of `eval_clean` per build shape and variant, the change of each against the kept
text (F1, kept-sentence recall, pages that lose or gain F1) with the words removed by
their gold label (article, boilerplate, unlabelled), and the most repeated kept lines per
data set with their labels (`devdata.Gold`: a for article, b for boilerplate, ?
unlabelled), counted over their pages.

The cleaned outputs are kept in `--outputs` (one JSON file per input), so that variants
are scored without cleaning again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devdata
import eval_clean

from hzcorpus.errors import HzcorpusError
from hzcorpus.repeats import norm, repeatable


@dataclass(frozen=True)
class Variant:
    """Which repeated lines go: those kept on `df` distinct texts of the build or more, or
    on `share` of its texts when that is more (a threshold scaled to the build's size),
    and (`repeatable`) only those a repeat build may remove
    (`hzcorpus.repeats.repeatable`), else every line."""

    df: int
    share: float = 0.0
    repeatable: bool = True

    @property
    def name(self) -> str:
        scaled = f"{self.df}|{self.share:.1%}" if self.share else str(self.df)  # the larger
        return f"df>={scaled}{'' if self.repeatable else ' any line'}"

    def threshold(self, texts: int) -> int:
        """The texts a line is kept on for it to go, in a build of `texts` distinct texts."""
        return max(self.df, math.ceil(self.share * texts))

    def drops(self, line: str, count: int, threshold: int) -> bool:
        return count >= threshold and (not self.repeatable or repeatable(line) is not None)


VARIANTS = {
    v.name: v
    for v in [
        *(Variant(df) for df in (3, 5, 10, 20)),
        Variant(3, repeatable=False),
        *(Variant(3, share) for share in (0.005, 0.01, 0.02)),
    ]
}
#: Build shapes: what groups one renderer's pages into a build (data set, page, renderer).
SCOPES: dict[str, Callable[[devdata.Page, str], tuple[str, ...]]] = {
    "set": lambda page, renderer: (page.dataset, renderer),
    "site": lambda page, renderer: (page.site_key, renderer),
    "mixed": lambda page, renderer: (renderer,),
}


@dataclass
class Build:
    """One build's counts: normalised kept line -> distinct texts keeping it, and the
    number of distinct texts."""

    counts: Counter = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)

    def add(self, text: str) -> None:
        if text not in self.seen:  # an exact duplicate counts once, as in a build
            self.seen.add(text)
            self.counts.update({norm(t) for t in text.split("\n")} - {""})


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


def builds(
    pages: dict[str, devdata.Page],
    found: dict[tuple[str, str], eval_clean.Output],
    scope: Callable[[devdata.Page, str], tuple[str, ...]],
) -> dict[tuple[str, ...], Build]:
    """Build key (`SCOPES`) -> the counts of its pages' kept lines."""
    counted: dict[tuple[str, ...], Build] = defaultdict(Build)
    for (key, renderer), out in sorted(found.items()):
        counted[scope(pages[key.rsplit("/", 1)[0]], renderer)].add(out.text)
    return counted


@dataclass
class Change:
    """What a variant did to one data set's outputs against the kept text: words removed
    by gold label, pages whose F1 fell or rose."""

    words: Counter = field(default_factory=Counter)
    lost: int = 0
    gained: int = 0


def page_f1(page: devdata.Page, text: str) -> float:
    """One page's F1: of shingles with full gold text, of snippets with trafilatura's."""
    tally = eval_clean.Tally()
    tally.add(page, eval_clean.Output(text))
    return tally.scores()[2]


def score(
    pages: dict[str, devdata.Page],
    found: dict[tuple[str, str], eval_clean.Output],
    split: str,
    scope_names: list[str],
    variants: list[Variant],
) -> tuple[dict[tuple[str, str, str], eval_clean.Tally], dict[tuple[str, str], Change], Counter]:
    """Per (data set, split, build shape/variant): the tally of the outputs with the
    variant's lines removed, and the `Change` against the kept text; and the lines the
    first variant removed in `set` builds, by (data set, line, label)."""
    tallies: dict[tuple[str, str, str], eval_clean.Tally] = {}
    changes: dict[tuple[str, str], Change] = defaultdict(Change)
    shown: Counter = Counter()
    label = {0: "a", 1: "b", None: "?"}
    golds: dict[str, devdata.Gold] = {}
    for scope_name in scope_names:
        counted = builds(pages, found, SCOPES[scope_name])
        for (key, renderer), out in sorted(found.items()):
            page = pages[key.rsplit("/", 1)[0]]
            build = counted[SCOPES[scope_name](page, renderer)]
            lines = out.text.split("\n")
            tallies.setdefault((page.dataset, split, "kept"), eval_clean.Tally())
            if scope_name == scope_names[0]:
                tallies[page.dataset, split, "kept"].add(page, out)
            base = None
            for variant in variants:
                at = variant.threshold(len(build.seen))
                gone = [variant.drops(t, build.counts[norm(t)], at) for t in lines]
                name = f"{scope_name}/{variant.name}"
                text = "\n".join(t for t, g in zip(lines, gone, strict=True) if not g)
                row = (page.dataset, split, name)
                tallies.setdefault(row, eval_clean.Tally()).add(
                    page, eval_clean.Output(text, out.title, out.author, out.date)
                )
                if not any(gone):
                    continue
                gold = golds.setdefault(key, devdata.Gold(page))
                change = changes[page.dataset, name]
                for t, g in zip(lines, gone, strict=True):
                    if g:
                        change.words[label[gold.label(t)]] += len(t.split())
                        if scope_name == "set" and variant == variants[0]:
                            shown[page.dataset, norm(t), label[gold.label(t)]] += 1
                base = page_f1(page, out.text) if base is None else base
                after = page_f1(page, text)
                change.lost += after < base
                change.gained += after > base
    return tallies, changes, shown


def print_changes(
    tallies: dict[tuple[str, str, str], eval_clean.Tally], changes: dict[tuple[str, str], Change]
) -> None:
    """Each variant's change against the kept text, per data set."""
    print(
        "\n| set | build/variant | F1 | dF1 | P | R | sent. recall | d sent. | pages F1 -/+ "
        "| article words removed | boilerplate words | unlabelled words |"
    )
    print("|" + "---|" * 12)
    for dataset, split, name in sorted(tallies):
        if name == "kept":
            continue
        kept = tallies[dataset, split, "kept"].cells()
        cells = tallies[dataset, split, name].cells()
        change = changes.get((dataset, name), Change())
        f1, d_f1 = cells[3], float(cells[3].rstrip("*")) - float(kept[3].rstrip("*"))
        d_sent = float(cells[4]) - float(kept[4]) if "-" not in (cells[4], kept[4]) else 0.0
        print(
            f"| {dataset} | {name} | {f1} | {d_f1:+.3f} | {cells[1]} | {cells[2]} | {cells[4]} "
            f"| {d_sent:+.3f} | {change.lost}/{change.gained} | {change.words['a']} "
            f"| {change.words['b']} | {change.words['?']} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="rendered dumps")
    parser.add_argument("--outputs", type=Path, required=True, help="cleaned outputs")
    parser.add_argument("--split", choices=devdata.SPLITS, default="dev")
    parser.add_argument("--html", action="store_true", help="the HTML path, not dumps")
    parser.add_argument("--datasets", default="")
    parser.add_argument("--renderers", default=",".join(devdata.RENDERERS))
    parser.add_argument("--builds", default=",".join(SCOPES), help="build shapes (SCOPES)")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="names of VARIANTS")
    parser.add_argument("--top", type=int, default=25, help="repeated lines shown per set")
    args = parser.parse_args(argv)
    if not args.devdata.is_dir():
        print(f"no devdata folder at {args.devdata}: nothing to measure")
        return 0
    names = [n for n in args.datasets.split(",") if n] or None
    pages = [p for p in devdata.load_pages(args.devdata, names) if p.split == args.split]
    renderers = [r for r in args.renderers.split(",") if r]
    found = outputs(pages, renderers, args.cache, args.outputs, args.html)
    scopes = [s for s in args.builds.split(",") if s]
    variants = [VARIANTS[v] for v in args.variants.split(",") if v]
    by_key = {f"{p.dataset}/{p.id}": p for p in pages}
    tallies, changes, shown = score(by_key, found, args.split, scopes, variants)
    eval_clean.print_table(tallies, ["kept", *scopes])
    print_changes(tallies, changes)
    per_line: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for (dataset, line, label), n in shown.items():
        per_line[dataset][line][label] += n
    for dataset, lines in sorted(per_line.items()):
        top = sorted(lines.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        print(f"\n{dataset}: {len(lines)} distinct lines dropped at set/{variants[0].name}")
        for line, labels in top[: args.top]:
            marks = " ".join(f"{k}{v}" for k, v in sorted(labels.items()))
            print(f"  {sum(labels.values()):4d} [{marks}] {line[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
