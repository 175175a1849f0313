"""`build()`: a folder of articles into a dataset folder, in two phases.

1. **Map** (pure, split by input): the inputs are listed in order and cut into chunks; an
   executor (`executors/`) runs each chunk through the steps (`steps.py`) and the results
   of each chunk are saved as one Arrow file (`chunks.py`). A chunk file is the unit of
   resume: with `resume=True`, every input whose result is on disk (same options, same
   content) is reused, whatever chunk it was part of.
2. **Reduce** (one process, `reduce.py`): the results in input order, as soon as they are
   known (while the executor runs the next chunks), exact dedupe, the manifest, parquet
   shards, then card and `build.json` in a staging folder, renamed to OUT_DIR at the end,
   so that a killed build never leaves a half-written dataset visible.

See docs/architecture.md for the data flow and the record schema.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from .card import CardInfo, library_versions
from .clean import CleanOptions
from .document import Document
from .errors import DatasetError, InputError
from .executors import EXECUTORS
from .inputs import InputItem, count_inputs, item_article, item_sha256, iter_inputs
from .language import LanguageOptions
from .read import ReadOptions
from .redaction import FlagOptions
from .repeats import RepeatStep, RepeatTable
from .steps import (
    CleanStep,
    DetectStep,
    FlagStep,
    HasTextStep,
    ItemResult,
    ReadStep,
    Step,
    TranslateStep,
    run_batch,
    run_step,
)
from .translate import TranslateOptions
from .writer import DatasetStats

WORK_SUFFIX = ".hzcorpus-work"


@dataclass(frozen=True)
class BuildOptions:
    """Options of a build: one options object per stage (None leaves the stage out).

    `workers` defaults to the machine's cores; `chunk_size` inputs form one unit of work
    (and one translation batch); `shard_rows` rows per parquet file; `time_limit` seconds
    per document (a document over it fails, the build goes on). `executor` is `local` or
    `ray` (with `ray_address`, `translate_actors`); `device` is where translation runs.
    `repeats` (off by default): a line kept on this many documents of the build or more is
    removed after cleaning (`hzcorpus.repeats`); `build()` counts them first and sets
    `repeat_table`.
    """

    read: ReadOptions = field(default_factory=ReadOptions)
    clean: CleanOptions | None = field(default_factory=CleanOptions)
    language: LanguageOptions | None = field(default_factory=LanguageOptions)
    flag: FlagOptions | None = field(default_factory=FlagOptions)
    translate: TranslateOptions | None = field(default_factory=TranslateOptions)
    card: CardInfo = field(default_factory=CardInfo)
    workers: int | None = None
    chunk_size: int = 32
    shard_rows: int = 10_000
    time_limit: float = 120.0
    resume: bool = False
    quiet: bool = False
    executor: str = "local"
    ray_address: str | None = None
    translate_actors: int | None = None
    device: str = "cpu"
    repeats: int | None = None
    repeat_table: RepeatTable | None = None

    def __post_init__(self) -> None:
        if self.executor not in EXECUTORS:
            raise DatasetError(f"unknown executor {self.executor!r} (one of {EXECUTORS})")
        if self.device not in ("cpu", "cuda", "auto"):
            raise DatasetError(f"unknown device {self.device!r} (cpu, cuda or auto)")
        if self.chunk_size < 1 or self.shard_rows < 1 or (self.workers or 1) < 1:
            raise DatasetError("workers, chunk size and shard rows must be at least 1")
        if self.time_limit <= 0:
            raise DatasetError("the time limit must be more than 0 seconds")
        if self.repeats is not None and (self.repeats < 2 or self.clean is None):
            raise DatasetError("repeats needs the clean stage and at least 2 documents")

    def steps(self) -> list[Step]:
        """The steps that make each record, in order; their names are the build's stages."""
        steps: list[Step] = [ReadStep(self.read)]
        steps += [CleanStep(self.clean)] if self.clean is not None else []
        if self.repeats is not None:
            steps.append(RepeatStep(self.repeat_table or RepeatTable.empty(self.repeats)))
        steps.append(HasTextStep())
        steps += [DetectStep(self.language)] if self.language is not None else []
        steps += [FlagStep(self.flag)] if self.flag is not None else []
        if self.translate is not None:
            steps.append(TranslateStep(replace(self.translate, device=self.device)))
        return steps

    def stages(self) -> tuple[str, ...]:
        """Names of the steps that make each record, in order."""
        return tuple(step.name for step in self.steps())

    def libraries(self) -> tuple[str, ...]:
        """The libraries the steps use, in step order."""
        return tuple(dict.fromkeys(lib for step in self.steps() for lib in step.libraries))

    def fingerprint(self) -> str:
        """A hash of everything that changes a record: stage options, library versions and
        the package's data files (`data_digest`)."""
        translate, packages = self.translate, []
        if translate is not None:  # a package installed since changes the records ...
            from .packages import list_packages

            installed = list_packages(translate.packages_dir)
            packages = [(p.from_code, p.to_code, p.version, p.path.name) for p in installed]
            translate = replace(translate, packages_dir=Path())  # ... the folder does not
        parts = [self.read, self.clean, self.language, self.flag, translate, packages]
        if self.repeats is not None:  # the table's digest, not its lines (`RepeatTable`)
            parts.append(["repeats", self.repeats, self.repeat_table])
        parts += [library_versions(self.libraries()), data_digest()]
        return hashlib.sha256(repr(_stable(parts)).encode()).hexdigest()[:16]

    def count_steps(self) -> list[Step]:
        """A repeat build's count pass: read (the raw text kept) and clean, the first
        `steps()`; its second pass runs the others on the records (`after_count_steps`)."""
        return [ReadStep(self.read, keep_raw=True), CleanStep(self.clean or CleanOptions())]

    def after_count_steps(self) -> list[Step]:
        """A repeat build's second pass: the steps after clean, started from the count
        pass's records (`kept.KeptStep`)."""
        from .kept import KeptStep

        return [KeptStep(), *self.steps()[len(self.count_steps()) :]]

    def count_fingerprint(self) -> str:
        """The count pass's chunk folder: read and clean options, library versions, data."""
        counting = replace(
            self, language=None, flag=None, translate=None, repeats=None, repeat_table=None
        )
        return hashlib.sha256(f"count\0{counting.fingerprint()}".encode()).hexdigest()[:16]


#: the package's folders of data files that steps read: the line model, the gap scorer's
#: weights and counts, the lexicons
DATA_FOLDERS = ("models", "data", "lexicons")


def data_digest(package: Path = Path(__file__).parent) -> str:
    """SHA-256 of the data files in `package`'s `DATA_FOLDERS` (names and bytes): a model
    retrained in place changes records as an option does, so `resume` must not reuse them."""
    digest = hashlib.sha256()
    for folder in DATA_FOLDERS:
        for path in sorted((package / folder).glob("*.json")):
            digest.update(f"{folder}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _stable(value: Any) -> Any:
    """`value` as plain data whose repr is the same in every process (functions by name)."""
    if is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__qualname__,
            *((f.name, _stable(getattr(value, f.name))) for f in fields(value)),
        ]
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, dict):
        return sorted((str(k), _stable(v)) for k, v in value.items())
    if isinstance(value, re.Pattern):
        return [value.pattern, value.flags]
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    return value


def process_document(doc: Document, options: BuildOptions | None = None) -> Document:
    """Run every step of a build after reading on one read document; `InputError` when a
    step drops or fails it."""
    options = options or BuildOptions()
    result = ItemResult(0, doc.source, doc=doc)
    for step in options.steps()[1:]:
        if result.doc is None:
            break
        if step.batched:
            run_batch([result], step)
        else:
            run_step(result, step)
    if result.doc is None:
        raise InputError(f"{doc.source}: {result.reason}")
    return result.doc


@dataclass
class BuildReport:
    """What a build did: counts per manifest status and per step, the inputs not kept per
    status and reason (`manifest.ManifestWriter.top_reasons`), and the first failures."""

    out_dir: Path
    status: dict[str, int]
    steps: dict[str, dict[str, int]]
    shards: list[str]
    stats: DatasetStats | None = None
    reused: int = 0  # results of an earlier run's chunks (a repeat build: of both passes)
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first ones
    reasons: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    executor: str = "local"

    @property
    def ok(self) -> bool:
        return self.status.get("failed", 0) == 0


def work_dir(out_dir: Path) -> Path:
    """The folder beside OUT_DIR where a build keeps its chunks and stages its output."""
    return out_dir.parent / f".{out_dir.name}{WORK_SUFFIX}"


def _check_folders(raw_dir: Path, out_dir: Path) -> None:
    if not raw_dir.is_dir():
        raise InputError(f"{raw_dir}: {'not a folder' if raw_dir.exists() else 'no such folder'}")
    raw, out = raw_dir.resolve(), out_dir.resolve()
    if out == raw or raw in out.parents or out in raw.parents:
        raise DatasetError(f"{out_dir}: the output folder must be outside the raw folder")
    if out_dir.exists() and (
        not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / "build.json").exists())
    ):
        raise DatasetError(
            f"{out_dir}: exists and is not a dataset hzcorpus built; "
            "remove it or choose another folder"
        )


@contextlib.contextmanager
def _terminate_interrupts():
    """Make SIGTERM interrupt the build like Ctrl-C (the workers stop, the finished inputs
    stay saved for `resume`), when this is the main thread and SIGTERM is not handled."""
    import signal
    import threading

    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
    ):
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def locked(work: Path, out_dir: Path):
    """Hold an exclusive lock on the work folder: one build per OUT_DIR at a time."""
    try:
        work.mkdir(parents=True, exist_ok=True)
        lock = (work / "lock").open("w")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise DatasetError(f"cannot write {out_dir}: {where}{exc.strerror or exc}") from None
    with lock as fh:
        try:
            import fcntl

            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # not POSIX: no lock
            pass
        except OSError:
            raise DatasetError(f"{out_dir}: another build is writing it") from None
        yield


def make_executor(options: BuildOptions):
    """The executor the options name."""
    workers = options.workers or os.cpu_count() or 1
    if options.executor == "ray":
        from .executors.ray import RayExecutor

        return RayExecutor(
            options.ray_address, options.translate_actors, options.device, options.time_limit
        )
    from .executors.local import LocalExecutor

    return LocalExecutor(workers, options.time_limit)


def _worker_steps(options: BuildOptions) -> list[Step]:
    """The steps as workers run them (`_worker_options`)."""
    return _worker_options(options).steps()


def _worker_options(options: BuildOptions) -> BuildOptions:
    """The options as workers run them: translation threads shared among the local workers."""
    translate = options.translate
    workers = options.workers or os.cpu_count() or 1
    if (
        options.executor == "local"
        and translate is not None
        and not translate.inter_threads
        and not translate.intra_threads
    ):
        cores = max(1, (os.cpu_count() or 1) // workers)
        options = replace(
            options, translate=replace(translate, inter_threads=1, intra_threads=cores)
        )
    return options


def build(
    raw_dir: str | Path, out_dir: str | Path, options: BuildOptions | None = None
) -> BuildReport:
    """Build the dataset folder `out_dir` from the articles under `raw_dir`.

    Writes `data/*.parquet`, `README.md` (the card), `manifest.jsonl` and `build.json`.
    Bad inputs are recorded as failed and never stop the build (see `BuildReport.ok`).
    """
    from .chunks import ChunkStore
    from .reduce import Plan, Reducer, publish, write_build_json

    options = options or BuildOptions()
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    _check_folders(raw_dir, out_dir)
    if options.translate is not None and options.device != "cpu":
        replace(options.translate, device=options.device).engine_device()  # no GPU: now
    started = time.time()
    work = work_dir(out_dir)
    with _terminate_interrupts(), locked(work, out_dir):
        if not options.resume:
            shutil.rmtree(work / "chunks", ignore_errors=True)
        staging = work / "staging"
        for stale in (staging, work / "previous", work / "repeats"):
            shutil.rmtree(stale, ignore_errors=True)
        staging.mkdir()
        executor = make_executor(options)
        with Reducer(staging, options.shard_rows) as reducer:
            if options.repeats is None:
                fingerprint = options.fingerprint()  # once: it walks every rule of every stage
                store = ChunkStore(work / "chunks" / fingerprint)
                plan = Plan(store if options.resume else None, options.read)
                steps = _worker_steps(options)
                inputs, total = iter_inputs(raw_dir), partial(count_inputs, raw_dir)
                _map(inputs, plan, store, executor, steps, reducer.add, options, total)
            else:
                options, fingerprint, plan, store = _repeat_build(
                    raw_dir, work, executor, options, reducer.add
                )
            info = replace(options.card, stages=options.stages(), libraries=options.libraries())
            report = reducer.finish(plan, store, info)
        report.executor = executor.name
        report.seconds = round(time.time() - started, 3)
        write_build_json(staging, report, options, fingerprint)
        publish(staging, out_dir, work)
    shutil.rmtree(work, ignore_errors=True)
    report.out_dir = out_dir
    return report


def _repeat_build(
    raw_dir: Path,
    work: Path,
    executor: Any,
    options: BuildOptions,
    take: Callable[[Iterable[dict[str, Any]]], None],
) -> tuple[BuildOptions, str, Any, Any]:
    """A repeat build's two passes. The count pass reads and cleans every input once
    (chunks saved and resumed as a build's, raw texts kept: `hzcorpus.kept`) and counts
    each kept text's lines; the second pass runs the steps after clean on the count pass's
    records, in input order (`Ledger`), never on the inputs. Returns the options with the
    table, their fingerprint, and the second pass's plan and store (for `Reducer.finish`;
    its `reused` counts the results a resume reused in either pass)."""
    from .chunks import ChunkStore
    from .kept import KeptItem
    from .reduce import Ledger, Plan
    from .repeats import RepeatCounter

    counts = ChunkStore(work / "chunks" / options.count_fingerprint())
    ledger = Ledger(work / "ledger.jsonl")
    plan = Plan(counts if options.resume else None, options.read, ledger)
    counter = RepeatCounter(work / "repeats")

    def count(rows: Iterable[dict[str, Any]]) -> None:
        counter.add_all(row["record"]["text"] for row in rows if row["status"] == "ok")

    inputs, total = iter_inputs(raw_dir), partial(count_inputs, raw_dir)
    steps = _worker_options(options).count_steps()
    _map(inputs, plan, counts, executor, steps, count, options, total)
    count(plan.ready(counts))
    plan.check_done()
    listed = plan.listed
    options = replace(options, repeat_table=counter.table(options.repeats or 0))
    shutil.rmtree(work / "repeats", ignore_errors=True)

    fingerprint = options.fingerprint()
    store = ChunkStore(work / "chunks" / fingerprint)
    counted, plan = plan.reused, Plan(store if options.resume else None, options.read)
    plan.reused = counted  # the report's `reused`: the results of both passes
    rows = ledger.rows(counts)
    items = (KeptItem.of(n, r) if r["status"] == "ok" else r for n, r in enumerate(rows))
    steps = _worker_options(options).after_count_steps()
    _map(items, plan, store, executor, steps, take, options, lambda: listed)
    return options, fingerprint, plan, store


def _map(
    items: Iterable[Any],
    plan: Any,
    store: Any,
    executor: Any,
    steps: list[Step],
    take: Callable[[Iterable[dict[str, Any]]], None],
    options: BuildOptions,
    total: Callable[[], int],
) -> None:
    """The map phase: every item not reused through the executor's `steps` into chunk
    files, each result handed to `take` (the reducer) as soon as the ones before it are.
    `total`: how many items there are, for a progress bar that is shown."""
    progress = _progress(options.quiet)
    try:
        if not progress.disable:
            progress.total = total()
            progress.refresh()
        chunks = plan.chunks(items, options.chunk_size, progress.update)
        for chunk in executor.run(steps, chunks, progress.update):
            path = store.write_table(chunk.table, chunk.rows)
            plan.add(path, chunk.table.column("index").to_pylist())
            take(plan.ready(store))
        if plan.reused:
            progress.set_postfix(reused=plan.reused, refresh=False)
    finally:
        progress.close()


def _progress(quiet: bool):
    """A progress bar over the inputs, per document, with ETA (on a terminal only)."""
    from tqdm import tqdm

    return tqdm(
        unit="doc",
        disable=True if quiet else None,  # None: only on a terminal
        file=sys.stderr,
        dynamic_ncols=True,
        mininterval=0.5,
    )


def current_sha256(item: InputItem, options: ReadOptions) -> str | None:
    """The content hash of an item (`inputs.item_sha256`; None when it cannot be read now)."""
    try:
        data, _fmt, fields = item_article(item, options)
    except InputError:
        return None
    return item_sha256(data, fields)
