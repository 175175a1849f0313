"""Timing shared by the benchmark scripts: times per path, paths interleaved."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence


def pass_times(
    paths: dict[str, tuple[Callable[[object], object], Sequence]],
    repeat: int,
    warmup: int = 10,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, list[float]]:
    """The time of each of `repeat` passes of each path (a function and its items), by
    `clock` (wall time by default; `time.process_time` for the CPU time).

    The first `warmup` items of every path run once untimed (imports, lazy tables, compiled
    patterns); then the paths take turns within each round, so that a change of machine
    load during the run hits every path alike.
    """
    for run, items in paths.values():
        for item in items[:warmup]:
            run(item)
    times: dict[str, list[float]] = {label: [] for label in paths}
    for _ in range(repeat):
        for label, (run, items) in paths.items():
            start = clock()
            for item in items:
                run(item)
            times[label].append(clock() - start)
    return times


def best_times(
    paths: dict[str, tuple[Callable[[object], object], Sequence]], repeat: int, warmup: int = 10
) -> dict[str, float]:
    """The fastest of `repeat` interleaved passes of each path (see `pass_times`)."""
    return {label: min(t) for label, t in pass_times(paths, repeat, warmup).items()}
