"""Fit the page-text title search's weights (`hzcorpus.page_title.TitleWeights`) on dev pages.

Usage: python scripts/fit_title_weights.py DEVDATA [--cache DIR] [--renderers r,s]
       [--l2 1.0] [--held-out]

The pages are the development parts of the devdata sets that give a title (`devdata`:
L3S-GN1, Readability, trafilatura's evaluation set), each rendered into a page-text dump
by every renderer (`devdata.RENDERERS`; `--cache` is the folder of rendered dumps that
scripts/eval_clean.py uses). Each dump goes through `clean_document`, and the title
search's own functions (`clean._title_candidates`, `clean._title_features`) give its
candidates and their features, exactly as the cleaner reads them. On the dumps with two
or more candidates, one of them the gold title (scripts/eval_clean.py's title match),
a logistic regression of "this candidate is the title" on the features (`gap` as its
logarithm, `units` up to `units_cap`, as `title_score` reads them) is fitted by Newton's
method with an L2 penalty (`--l2`, not on the intercept); numpy only.

It prints the fitted weights, the same rounded to two significant digits, and the title
accuracy per data set (the share of dumps whose title, the best-scoring candidate, matches
the gold one) of the shipped weights, the fitted ones and the rounded ones. A dump with
no candidate or only one has the same title under any weights; it counts in the accuracy.
`--held-out` then prints the same accuracies on the held-out parts, once, at the end:
read them to check a refit, never to choose weights.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import devdata
from eval_clean import _same

from hzcorpus import clean
from hzcorpus.document import Document
from hzcorpus.page_title import TITLE_WEIGHTS, TitleFeatures, TitleWeights, title_score

#: The weights fitted, in the order of `vector`'s columns (`units_cap` is not fitted).
FITTED = [f.name for f in fields(TitleWeights) if f.name != "units_cap"]


@dataclass
class Dump:
    """What the title search saw on one rendered dump."""

    dataset: str
    gold: str
    #: The candidates' titles (`clean._title`) and features (two or more: the weights
    #: choose).
    candidates: list[tuple[str, TitleFeatures]]
    #: The title when the weights do not choose (no candidate or one).
    fixed: str | None = None


def vector(f: TitleFeatures, cap: float) -> list[float]:
    """`f` as `title_score` weighs it, one column per name of `FITTED`."""
    read = {**f._asdict(), "gap": math.log1p(f.gap), "units": min(f.units, cap)}
    return [float(read[name]) for name in FITTED]


def search(dump: str) -> tuple[list[tuple[str, TitleFeatures]], str | None]:
    """The title search's candidates (the title each gives, `clean._title`) with their
    features when there are two or more, and the cleaner's title."""
    seen = []
    find = clean._find_title

    def spy(lines, start, first, end, th):
        found = clean._title_candidates(lines, start, first, end, th)
        if len(found.at) > 1:
            _, full = clean._title_features(lines, found, start, first, end, th)
            seen.extend((clean._title(lines, i), full(i)) for i in found.at)
        return find(lines, start, first, end, th)

    clean._find_title = spy
    try:
        doc = clean.clean_document(Document(source="page.txt", raw=dump, format="text"))
    finally:
        clean._find_title = find
    return seen, doc.title


def dumps_of(pages: list[devdata.Page], renderers: list[str], cache: Path | None) -> list[Dump]:
    """The title search's view of every page's dumps (pages with a gold title)."""
    out = []
    for page in pages:
        html = None
        for renderer in renderers:
            if cache is None and html is None:
                html = page.html()
            dump = devdata.render(page, renderer, cache, html)
            if dump is None:
                continue
            candidates, title = search(dump)
            chosen = best(candidates, TITLE_WEIGHTS) if candidates else title
            if chosen != title:  # the features must be the cleaner's
                raise SystemExit(f"{page.dataset}/{page.id} ({renderer}): {chosen!r} != {title!r}")
            out.append(Dump(page.dataset, page.title, candidates, None if candidates else title))
    return out


def best(candidates: list[tuple[str, TitleFeatures]], w: TitleWeights) -> str:
    """The text of the best-scoring candidate (the first of the best, as the cleaner)."""
    return max(candidates, key=lambda c: title_score(c[1], w))[0]


def accuracy(dumps: list[Dump], w: TitleWeights) -> dict[str, tuple[int, int]]:
    """Per data set: dumps whose title under `w` matches the gold title, and all dumps."""
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in dumps:
        title = best(d.candidates, w) if d.candidates else d.fixed
        right[d.dataset][0] += _same(title, d.gold)
        right[d.dataset][1] += 1
    return {name: (hit, n) for name, (hit, n) in sorted(right.items())}


def fit(dumps: list[Dump], cap: float, l2: float) -> np.ndarray:
    """Logistic regression weights (intercept last) of "the candidate is the title" on the
    candidates of the dumps where one of them is."""
    rows, labels = [], []
    for d in dumps:
        hits = [_same(text, d.gold) for text, _ in d.candidates]
        if any(hits):
            rows += [vector(f, cap) for _, f in d.candidates]
            labels += hits
    x = np.hstack([np.array(rows), np.ones((len(rows), 1))])
    y = np.array(labels, dtype=float)
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ beta))
        gradient = x.T @ (p - y) + penalty * beta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    print(f"fitted on {len(rows)} candidates of {int(y.sum())} dumps")
    return beta


def rounded(x: float) -> float:
    """`x` to two significant digits."""
    return float(f"{x:.2g}")


def report(dumps: list[Dump], weights: dict[str, TitleWeights]) -> None:
    """A table of title accuracy per data set, one column per set of weights."""
    scores = {name: accuracy(dumps, w) for name, w in weights.items()}
    print("| data set | dumps | " + " | ".join(weights) + " |")
    print("|---|---:|" + "---:|" * len(weights))
    for dataset, (_, n) in next(iter(scores.values())).items():
        cells = [f"{scores[name][dataset][0] / n:.3f}" for name in weights]
        print(f"| {dataset} | {n} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--cache", type=Path, help="folder of rendered dumps")
    parser.add_argument("--renderers", default=",".join(devdata.RENDERERS))
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the weights")
    parser.add_argument("--held-out", action="store_true", help="then report held-out parts")
    args = parser.parse_args(argv)
    if not args.devdata.is_dir():
        print(f"no devdata folder at {args.devdata}: nothing to fit")
        return 0
    pages = [p for p in devdata.load_pages(args.devdata) if p.title]
    renderers = [r for r in args.renderers.split(",") if r]
    dev = dumps_of([p for p in pages if p.split == "dev"], renderers, args.cache)
    cap = TITLE_WEIGHTS.units_cap
    beta = fit(dev, cap, args.l2)
    fitted = TitleWeights(**dict(zip(FITTED, map(float, beta), strict=False)), units_cap=cap)
    shown = TitleWeights(**{name: rounded(getattr(fitted, name)) for name in FITTED}, units_cap=cap)
    print("\n| weight | shipped | fitted | rounded |\n|---|---:|---:|---:|")
    for name in FITTED:
        values = (getattr(TITLE_WEIGHTS, name), getattr(fitted, name), getattr(shown, name))
        print(f"| {name} | {values[0]:g} | {values[1]:.4f} | {values[2]:g} |")
    print(f"| (intercept) | - | {beta[-1]:.4f} | - |\n")
    weights = {"shipped": TITLE_WEIGHTS, "fitted": fitted, "rounded": shown}
    print("Title accuracy, development parts:")
    report(dev, weights)
    if args.held_out:
        held = dumps_of([p for p in pages if p.split == "held-out"], renderers, args.cache)
        print("\nTitle accuracy, held-out parts (a check, not for choosing weights):")
        report(held, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
