"""Timing shared by the benchmark scripts: best wall time per path, paths interleaved."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence


def best_times(
    paths: dict[str, tuple[Callable[[object], object], Sequence]], repeat: int, warmup: int = 10
) -> dict[str, float]:
    """The fastest of `repeat` passes of each path (a function and the items it runs over).

    The first `warmup` items of every path run once untimed (imports, lazy tables, compiled
    patterns); then the paths take turns within each round, so that a change of machine
    load during the run hits every path alike.
    """
    for run, items in paths.values():
        for item in items[:warmup]:
            run(item)
    best = dict.fromkeys(paths, float("inf"))
    for _ in range(repeat):
        for label, (run, items) in paths.items():
            start = time.perf_counter()
            for item in items:
                run(item)
            best[label] = min(best[label], time.perf_counter() - start)
    return best
