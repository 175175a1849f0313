"""The local executor: a pool of worker processes on this machine (no Ray needed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..chunks import results_chunk
from ..inputs import InputItem
from ..sandbox import SandboxPool
from ..steps import Step


@dataclass(frozen=True)
class LocalExecutor:
    """`workers` sandbox processes; each runs every step, translation once per chunk."""

    workers: int
    time_limit: float
    name: str = "local"

    def run(
        self,
        steps: Sequence[Step],
        chunks: Iterable[list[InputItem]],
        on_doc: Callable[[int], None],
    ) -> Iterator[Any]:
        """One `ChunkResults` per chunk, as chunks finish."""
        with SandboxPool(steps, self.workers, self.time_limit) as pool:
            for results in pool.run(chunks, on_doc):
                yield results_chunk(results)
