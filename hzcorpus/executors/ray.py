"""The Ray executor: the map phase on Ray Data, on one machine or a cluster.

The chunks of inputs become a dataset of one row per chunk. CPU steps run as tasks
(`map_batches` with a function, one chunk per call); each task runs its chunk through a
sandbox subprocess of its worker (the same `SandboxPool` as the local executor, one
process), so the per-document time limit holds on Ray too. Translation runs in an actor
pool (`map_batches` with a callable class): each actor loads its engine once, on a GPU
(`num_gpus=1`) when `device` asks for one, else with a fraction of a CPU so that the pool
never holds every CPU (an actor pool asking for all CPUs hangs Ray Data, ray#44687).

The chunks go to Ray Data a window at a time (`WINDOW_CHUNKS`, one dataset each, its
translation actors loaded anew), so that the driver holds a window of inputs, not all.
Ray's own file names, writers and checkpoints are not used: every chunk's results come back
to the driver as Arrow IPC bytes, and `build()` names, saves and resumes them as it does for
the local executor. Inputs must be on a filesystem every node sees, at the same path.
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DatasetError
from ..inputs import InputItem
from ..steps import Step, run_batch

#: CPUs one translation actor asks for when it runs on CPU.
ACTOR_CPUS = 0.5
#: CPUs one CPU task asks for while translation actors hold part of the CPUs.
TASK_CPUS_BESIDE_ACTORS = 0.75

#: Chunks handed to Ray Data at a time (one dataset each), at least `WINDOW_WAVES` per CPU:
#: the driver never holds the whole list of inputs, and each window keeps the cluster busy.
WINDOW_CHUNKS = 1000
WINDOW_WAVES = 16

_POOLS: dict[bytes, Any] = {}  # per Ray worker process: the sandbox of each set of steps


def _import_ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise DatasetError("--executor ray needs Ray Data: pip install 'hzcorpus[ray]'") from None
    return ray


def _cpu_chunk(batch: dict[str, Any], setup: bytes, time_limit: float, last: bool):
    """A Ray task: one chunk through the per-document steps in this worker's sandbox."""
    from ..sandbox import SandboxPool

    pool = _POOLS.get(setup)
    if pool is None:
        pool = SandboxPool(pickle.loads(setup), 1, time_limit, batches=False).__enter__()
        _POOLS[setup] = pool
    items = pickle.loads(batch["chunk"][0])
    results = next(iter(pool.run([items])))
    return _emit(results, last)


def _emit(results: list[Any], as_table: bool) -> dict[str, list[bytes]]:
    """A batch of one row: the results as Arrow IPC bytes (last stage) or pickled."""
    if as_table:
        from ..chunks import results_table, table_bytes

        return {"table": [table_bytes(results_table(results))]}
    return {"results": [pickle.dumps(results, pickle.HIGHEST_PROTOCOL)]}


class _Translator:
    """A Ray actor: the batched steps (translation), their engines loaded once."""

    def __init__(self, setup: bytes) -> None:
        self.steps: list[Step] = [s for s in pickle.loads(setup) if s.batched]

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[bytes]]:
        results = pickle.loads(batch["results"][0])
        for step in self.steps:
            run_batch(results, step)
        return _emit(results, True)


@dataclass(frozen=True)
class RayExecutor:
    """Ray Data on the cluster at `address` (None: a new local Ray on this machine)."""

    address: str | None
    translate_actors: int | None
    device: str
    time_limit: float
    name: str = "ray"

    def run(
        self,
        steps: Sequence[Step],
        chunks: Iterable[list[InputItem]],
        on_doc: Callable[[int], None],
    ) -> Iterator[Any]:
        """One `ChunkResults` per chunk, as chunks finish."""
        import pyarrow as pa

        from ..chunks import ChunkResults

        ray = _import_ray()
        started = not ray.is_initialized()
        if started:
            _init(ray, self.address)
        try:
            source = iter(chunks)
            window = max(WINDOW_CHUNKS, WINDOW_WAVES * int(ray.cluster_resources().get("CPU", 1)))
            while rows := [
                {"chunk": pickle.dumps(c, pickle.HIGHEST_PROTOCOL)}
                for c in itertools.islice(source, window)
            ]:
                for batch in self._dataset(ray, steps, rows).iter_batches(
                    batch_size=1, batch_format="numpy", prefetch_batches=0
                ):
                    with pa.ipc.open_file(pa.BufferReader(bytes(batch["table"][0]))) as reader:
                        table = reader.read_all()
                    on_doc(table.num_rows)
                    yield ChunkResults(table)
        finally:
            if started:
                ray.shutdown()

    def _dataset(self, ray, steps: Sequence[Step], rows: list[dict[str, bytes]]):
        setup = pickle.dumps(list(steps), pickle.HIGHEST_PROTOCOL)
        translate = any(s.batched for s in steps)
        cpus = ray.cluster_resources().get("CPU", 0)
        gpus = ray.cluster_resources().get("GPU", 0)
        actors, actor_resources = self._actors(translate, cpus, gpus)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        ds = ray.data.from_items(rows, override_num_blocks=len(rows))
        ds = ds.map_batches(
            _cpu_chunk,
            fn_kwargs={"setup": setup, "time_limit": self.time_limit, "last": not translate},
            batch_size=1,
            num_cpus=TASK_CPUS_BESIDE_ACTORS if translate else 1,
        )
        if translate:
            ds = ds.map_batches(
                _Translator,
                fn_constructor_args=(setup,),
                batch_size=1,
                concurrency=actors,
                **actor_resources,
            )
        return ds

    def _actors(self, translate: bool, cpus: float, gpus: float) -> tuple[int, dict[str, float]]:
        """How many translation actors, and what each asks for; checked against the cluster
        before anything starts (a request the cluster cannot meet would wait forever)."""
        use_gpu = self.device == "cuda" or (self.device == "auto" and gpus >= 1)
        if self.device == "cuda" and gpus < 1:
            raise DatasetError("--device cuda: the Ray cluster has no GPU")
        if not translate:
            return 0, {}
        if use_gpu:
            actors = self.translate_actors or int(gpus)
            if actors > gpus:
                raise DatasetError(
                    f"{actors} translation actors need {actors} GPUs; the cluster has {gpus:g}"
                )
            return actors, {"num_gpus": 1, "num_cpus": ACTOR_CPUS}
        actors = self.translate_actors or 1
        if actors * ACTOR_CPUS + TASK_CPUS_BESIDE_ACTORS > cpus:
            raise DatasetError(
                f"{actors} translation actors of {ACTOR_CPUS:g} CPU and one step task need "
                f"{actors * ACTOR_CPUS + TASK_CPUS_BESIDE_ACTORS:g} CPUs; the Ray cluster has "
                f"{cpus:g}: ask for fewer --translate-actors"
            )
        return actors, {"num_cpus": ACTOR_CPUS}


def _init(ray, address: str | None) -> None:
    """Join the cluster at `address`, or start a local Ray without dashboard on loopback."""
    import logging

    options: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.WARNING,
    }
    if address is None:
        options["num_cpus"] = os.cpu_count() or 1
        options["_node_ip_address"] = "127.0.0.1"
    try:
        ray.init(address=address, **options)
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # its notes are not ours
    except (ConnectionError, RuntimeError, ValueError) as exc:
        first = " ".join(str(exc).split())[:300]
        raise DatasetError(f"cannot start or join Ray ({address or 'local'}): {first}") from None
