"""Fit the page-text title search's weights (`hzcorpus.page_title.TitleWeights`) on dev pages.

Usage: python scripts/fit_title_weights.py DEVDATA [--cache DIR] [--renderers r,s]
       [--l2 1.0] [--hold name=value,...] [--held-out]

The pages are the development parts of the devdata sets that give a title (`devdata`:
L3S-GN1, Readability, trafilatura's evaluation set), each rendered into a page-text dump
by every renderer (`devdata.RENDERERS`; `--cache` is the folder of rendered dumps that
scripts/eval_clean.py uses). Each dump goes through `clean_document`, and the title
search's own functions (`clean._title_candidates`, `clean._title_features`) give its
candidates and their features, exactly as the cleaner reads them. On the dumps with two
or more candidates, one of them the gold title (scripts/eval_clean.py's title match),
two models of the features (`gap` as its logarithm, `units` up to `units_cap`, as
`title_score` reads them) are fitted by Newton's method with an L2 penalty (`--l2`, not
on an intercept); numpy only:
- per candidate: a logistic regression of "this candidate is the title";
- choice: a conditional logit, a softmax over each dump's candidates whose choice should
  be the gold one, which is what the title search does (the best-scoring candidate wins);
  the weights `--hold` names keep the values it gives (the shipped ones come from
  `--hold first_long=1,in_run=-1.5`: see `hzcorpus.page_title`).

It prints the fitted weights (the choice's also rounded to two significant digits) and
the title accuracy per data set (the share of dumps whose title, the best-scoring
candidate, matches the gold one) of the shipped weights and the fitted ones: on all the
development parts, and out of fold (each half of the sites scored with weights fitted on
the other half: `train_line_model.site_fold`, as the line model's folds). A dump with no
candidate or only one has the same title under any weights; it counts in the accuracy.
`--held-out` then prints the same accuracies on the held-out parts, once, at the end:
read them to check a refit, never to choose weights.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import devdata
from eval_clean import _same
from train_line_model import site_fold

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
    #: The cross-validation fold of the page's site (`train_line_model.site_fold`).
    fold: int = 0


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
            fixed = None if candidates else title
            out.append(Dump(page.dataset, page.title, candidates, fixed, site_fold(page)))
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


def fit_choice(
    dumps: list[Dump], cap: float, l2: float, held: Mapping[str, float] | None = None
) -> np.ndarray:
    """Conditional logit weights (one per name of `FITTED`, no intercept: a softmax over
    each dump's candidates does not read one): the candidates' scores choose among them,
    and the choice should fall on the gold title (on any candidate that matches it, when
    several do). The weights named in `held` keep the values given; the others are
    fitted by Newton's method with the Fisher information (the Hessian when one
    candidate matches), halving a step that does not lower the penalised loss."""
    held = held or {}
    rows, hits, sizes = [], [], []
    for d in dumps:
        hit = [_same(text, d.gold) for text, _ in d.candidates]
        if any(hit):
            rows += [vector(f, cap) for _, f in d.candidates]
            hits += hit
            sizes.append(len(hit))
    every, gold = np.array(rows), np.array(hits, dtype=bool)
    free = [j for j, name in enumerate(FITTED) if name not in held]
    kept = [j for j, name in enumerate(FITTED) if name in held]
    x = every[:, free]
    offset = every[:, kept] @ np.array([held[FITTED[j]] for j in kept], dtype=float)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(sizes)), sizes)

    def loss_and_p(beta: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        s = x @ beta + offset
        s = s - np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        total, on_gold = np.add.reduceat(e, starts), np.add.reduceat(e * gold, starts)
        loss = float(np.sum(np.log(total) - np.log(on_gold))) + l2 / 2 * float(beta @ beta)
        return loss, e / total[group], e * gold / on_gold[group]

    beta = np.zeros(x.shape[1])
    loss, p, q = loss_and_p(beta)
    for _ in range(100):
        gradient = x.T @ (p - q) + l2 * beta
        mean = np.add.reduceat(x * p[:, None], starts)
        hessian = (x * p[:, None]).T @ x - mean.T @ mean + l2 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        while True:
            new_loss, new_p, new_q = loss_and_p(beta - step)
            if new_loss <= loss or np.abs(step).max() < 1e-12:
                break
            step = step / 2
        beta, loss, p, q = beta - step, new_loss, new_p, new_q
        if np.abs(step).max() < 1e-10:
            break
    print(f"choice fitted on {len(rows)} candidates of {len(sizes)} dumps")
    out = np.zeros(len(FITTED))
    out[free] = beta
    out[kept] = [held[FITTED[j]] for j in kept]
    return out


def weights_of(beta: np.ndarray, cap: float) -> TitleWeights:
    """`TitleWeights` from fitted values in `FITTED`'s order (an intercept after them is
    left out: it moves every candidate's score alike)."""
    return TitleWeights(**dict(zip(FITTED, map(float, beta), strict=False)), units_cap=cap)


def out_of_fold(
    dumps: list[Dump], fitter: Callable[[list[Dump]], TitleWeights]
) -> dict[str, tuple[int, int]]:
    """`accuracy` of weights fitted on the other fold's dumps (folds by site)."""
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k in sorted({d.fold for d in dumps}):
        w = fitter([d for d in dumps if d.fold != k])
        for name, (hit, n) in accuracy([d for d in dumps if d.fold == k], w).items():
            right[name][0] += hit
            right[name][1] += n
    return {name: (hit, n) for name, (hit, n) in sorted(right.items())}


def rounded(x: float) -> float:
    """`x` to two significant digits."""
    return float(f"{x:.2g}")


def report(dumps: list[Dump], scores: dict[str, dict[str, tuple[int, int]]]) -> None:
    """A table of title accuracy per data set (`accuracy`), one column per set of weights."""
    print("| data set | dumps | " + " | ".join(scores) + " |")
    print("|---|---:|" + "---:|" * len(scores))
    for dataset, (_, n) in next(iter(scores.values())).items():
        cells = [f"{scores[name][dataset][0] / n:.3f}" for name in scores]
        print(f"| {dataset} | {n} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--cache", type=Path, help="folder of rendered dumps")
    parser.add_argument("--renderers", default=",".join(devdata.RENDERERS))
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the weights")
    parser.add_argument("--held-out", action="store_true", help="then report held-out parts")
    parser.add_argument(
        "--hold", default="", help="weights the choice fit keeps: name=value,name=value"
    )
    args = parser.parse_args(argv)
    if not args.devdata.is_dir():
        print(f"no devdata folder at {args.devdata}: nothing to fit")
        return 0
    pages = [p for p in devdata.load_pages(args.devdata) if p.title]
    renderers = [r for r in args.renderers.split(",") if r]
    dev = dumps_of([p for p in pages if p.split == "dev"], renderers, args.cache)
    cap = TITLE_WEIGHTS.units_cap
    hold = {k: float(v) for k, v in (item.split("=") for item in args.hold.split(",") if item)}
    beta = fit(dev, cap, args.l2)
    choice = fit_choice(dev, cap, args.l2, hold)
    fitted, chosen = weights_of(beta, cap), weights_of(choice, cap)
    shown = TitleWeights(**{name: rounded(getattr(chosen, name)) for name in FITTED}, units_cap=cap)
    print("\n| weight | shipped | per candidate | choice | choice, rounded |")
    print("|---|---:|---:|---:|---:|")
    for name in FITTED:
        values = [getattr(w, name) for w in (TITLE_WEIGHTS, fitted, chosen, shown)]
        print(f"| {name} | {values[0]:g} | {values[1]:.4f} | {values[2]:.4f} | {values[3]:g} |")
    print(f"| (intercept) | - | {beta[-1]:.4f} | - | - |\n")
    weights = {"shipped": TITLE_WEIGHTS, "per candidate": fitted, "choice": chosen}
    weights["choice, rounded"] = shown
    print("Title accuracy, development parts (the fits on all of them):")
    report(dev, {name: accuracy(dev, w) for name, w in weights.items()})
    print("\nOut of fold (weights fitted on the other fold's sites):")
    report(
        dev,
        {
            "shipped": accuracy(dev, TITLE_WEIGHTS),
            "per candidate": out_of_fold(
                dev, lambda part: weights_of(fit(part, cap, args.l2), cap)
            ),
            "choice": out_of_fold(
                dev, lambda part: weights_of(fit_choice(part, cap, args.l2, hold), cap)
            ),
        },
    )
    if args.held_out:
        held = dumps_of([p for p in pages if p.split == "held-out"], renderers, args.cache)
        print("\nTitle accuracy, held-out parts (a check, not for choosing weights):")
        report(held, {name: accuracy(held, w) for name, w in weights.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
