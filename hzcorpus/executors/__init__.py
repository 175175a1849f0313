"""Executors run the map phase: chunks of inputs through the steps, one Arrow table of
results per chunk. `local` (a pool of worker processes, the default) and `ray` (Ray Data,
the optional extra `hzcorpus[ray]`) give the same tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..inputs import InputItem
    from ..steps import Step

EXECUTORS: tuple[str, ...] = ("local", "ray")


class Executor(Protocol):
    """Runs chunks of inputs through the steps; yields one results table per chunk (as
    `chunks.ChunkResults`, with the rows when it has them), in the order the chunks finish."""

    name: str

    def run(
        self,
        steps: Sequence[Step],
        chunks: Iterable[list[InputItem]],
        on_doc: Callable[[int], None],
    ) -> Iterator[Any]: ...
