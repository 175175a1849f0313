"""Progress bars and end-of-run summaries of the long commands, on stderr.

A bar shows only when stderr is a terminal; a summary is one line. `quiet` silences both,
so that stdout and stderr stay as a script expects them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress_bar(total: int | None, unit: str, desc: str, quiet: bool = False, **options):
    """A tqdm bar on stderr: drawn on a terminal only, never when `quiet`."""
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit=unit,
        desc=desc,
        disable=True if quiet else None,  # None: only when stderr is a terminal
        file=sys.stderr,
        dynamic_ncols=True,
        mininterval=0.5,
        **options,
    )


def with_progress(
    items: Iterable[T], total: int | None, unit: str, desc: str, quiet: bool = False
) -> Iterator[T]:
    """`items`, counted on a progress bar (see `progress_bar`)."""
    with progress_bar(total, unit, desc, quiet) as bar:
        for item in items:
            yield item
            bar.update(1)


def summary(line: str, quiet: bool = False) -> None:
    """Print the one-line summary of a run on stderr, unless `quiet`."""
    if not quiet:
        print(f"hzcorpus: {line}", file=sys.stderr, flush=True)
