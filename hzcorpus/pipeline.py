"""`build()`: every stage over a folder of articles into a dataset folder, datatrove-style.

A build is a list of small steps over one `Document`: map steps fill fields in (clean,
detect, flag), filter steps return keep/drop and a reason, and every step counts what it
forwarded, dropped and failed. Per-document steps run in worker processes, one chunk of
inputs at a time; translation runs once per chunk, batched across its documents, with one
engine per worker process. The main process dedupes (by a set of text hashes) and streams
rows into parquet shards, in input order, so that memory stays bounded and the output does
not depend on the number of workers.

The results of each chunk of inputs are saved in a work folder beside OUT_DIR, keyed by the
inputs' content hashes and the options; `resume=True` reuses them after a killed run. The
dataset is assembled in the work folder and renamed to OUT_DIR at the end, so a killed run
leaves no half-written dataset visible.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import itertools
import json
import os
import re
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from . import __version__
from .card import CardInfo, library_versions, write_card
from .document import Document, content_id
from .errors import DatasetError, HzcorpusError, InputError
from .manifest import ManifestEntry, ManifestWriter
from .read import ReadOptions, document_from_bytes
from .record_fields import apply_fields, content_field, other_fields
from .writer import DatasetStats, ShardWriter

#: Extensions read as articles; any other file is recorded as skipped.
ARTICLE_EXTENSIONS = (".txt", ".html", ".htm")
JSONL_EXTENSIONS = (".jsonl",)
WORK_SUFFIX = ".hzcorpus-work"
#: Failures a `BuildReport` lists (the manifest has them all).
MAX_FAILURES_LISTED = 100


@dataclass(frozen=True)
class _StageDefault:
    """The default options of a stage, named instead of held: they travel to workers as a
    name (a stage's rule table may hold functions that do not pickle)."""

    module: str
    name: str

    def __call__(self) -> Any:
        """The stage's default options."""
        return getattr(importlib.import_module(f"hzcorpus.{self.module}"), self.name)()


#: BuildOptions field -> its stage's default options.
STAGE_DEFAULTS: dict[str, _StageDefault] = {
    "clean": _StageDefault("clean", "CleanOptions"),
    "language": _StageDefault("language", "LanguageOptions"),
    "flag": _StageDefault("redaction", "FlagOptions"),
    "translate": _StageDefault("translate", "TranslateOptions"),
}


@dataclass(frozen=True)
class BuildOptions:
    """Options of a build: one options object per stage (None leaves the stage out).

    `workers` defaults to the machine's cores; `chunk_size` inputs go to a worker at a
    time (and form one translation batch); `shard_rows` rows per parquet file.
    """

    read: ReadOptions = field(default_factory=ReadOptions)
    clean: Any = field(default_factory=STAGE_DEFAULTS["clean"])
    language: Any = field(default_factory=STAGE_DEFAULTS["language"])
    flag: Any = field(default_factory=STAGE_DEFAULTS["flag"])
    translate: Any = field(default_factory=STAGE_DEFAULTS["translate"])
    card: CardInfo = field(default_factory=CardInfo)
    workers: int | None = None
    chunk_size: int = 32
    shard_rows: int = 10_000
    resume: bool = False
    quiet: bool = False

    def stages(self) -> tuple[str, ...]:
        """Names of the steps that make each record, in order."""
        names = ["read", "clean" if self.clean is not None else None, "has-text"]
        names += ["detect" if self.language is not None else None]
        names += ["flag" if self.flag is not None else None]
        names += ["translate" if self.translate is not None else None]
        return tuple(n for n in names if n)

    def fingerprint(self) -> str:
        """A hash of everything that changes a record: stage options and library versions."""
        translate, packages = self.translate, []
        if translate is not None:  # a package installed since changes the records ...
            from .packages import list_packages

            installed = list_packages(translate.packages_dir)
            packages = [(p.from_code, p.to_code, p.version, p.path.name) for p in installed]
            translate = replace(translate, packages_dir=Path())  # ... the folder does not
        parts = [self.read, self.clean, self.language, self.flag, translate, packages]
        parts.append(library_versions(self.stages()))
        return hashlib.sha256(repr(_stable(parts)).encode()).hexdigest()[:16]


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


# --- steps -------------------------------------------------------------------------------


class Drop(Exception):
    """A filter step dropped the document; the message says why."""


@dataclass(frozen=True)
class MapStep:
    """A step that fills fields of a document in."""

    name: str
    fn: Callable[[Document], Document]

    def __call__(self, doc: Document) -> Document:
        return self.fn(doc)


@dataclass(frozen=True)
class FilterStep:
    """A step that keeps or drops a document: `keep(doc)` returns (keep, reason)."""

    name: str
    keep: Callable[[Document], tuple[bool, str]]

    def __call__(self, doc: Document) -> Document:
        keep, reason = self.keep(doc)
        if not keep:
            raise Drop(reason)
        return doc


def has_text(doc: Document) -> tuple[bool, str]:
    """Keep documents with text left after cleaning."""
    return (True, "") if doc.text.strip() else (False, "no text left after cleaning")


def document_steps(options: BuildOptions) -> list[MapStep | FilterStep]:
    """The per-document steps after reading, in order."""
    steps: list[MapStep | FilterStep] = []
    if options.clean is not None:
        from .clean import clean_document

        steps.append(MapStep("clean", partial(clean_document, options=options.clean)))
    steps.append(FilterStep("has-text", has_text))
    if options.language is not None:
        from .language import detect_document

        steps.append(MapStep("detect", partial(detect_document, options=options.language)))
    if options.flag is not None:
        from .redaction import flag_document

        steps.append(MapStep("flag", partial(flag_document, options=options.flag)))
    return steps


def process_document(doc: Document, options: BuildOptions | None = None) -> Document:
    """Run every stage of a build on one read document; `InputError` when it is dropped."""
    options = options or BuildOptions()
    try:
        for step in document_steps(options):
            doc = step(doc)
    except Drop as exc:
        raise InputError(f"{doc.source}: {exc}") from None
    if options.translate is not None:
        from .translate import translate_documents

        doc = translate_documents([doc], options.translate)[0]
    return doc


class StepCounts(dict):
    """Per step: how many documents it forwarded, dropped and failed."""

    def count(self, step: str, outcome: str, n: int = 1) -> None:
        self.setdefault(step, {"forwarded": 0, "dropped": 0, "failed": 0})[outcome] += n

    def merge(self, other: dict[str, dict[str, int]]) -> None:
        for step, counts in other.items():
            for outcome, n in counts.items():
                self.count(step, outcome, n)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, HzcorpusError) else f"{type(exc).__name__}: {text}"


# --- inputs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputItem:
    """One input: a file to read, one line of a `.jsonl` file, or a file not read (`skip`)."""

    source: str
    path: str | None = None
    line: bytes | None = None
    skip: str | None = None


def list_files(raw_dir: Path) -> list[tuple[str, Path]]:
    """Every file under `raw_dir` as (POSIX path relative to it, path), sorted by the first.

    Hidden folders are not entered and symlinked folders not followed; they are listed
    (and later recorded as skipped) instead.
    """
    found: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(raw_dir):
        base = Path(folder)
        entered = []
        for name in dirs:
            if name.startswith(".") or (base / name).is_symlink():
                files.append(name)
            else:
                entered.append(name)
        dirs[:] = entered
        for name in files:
            path = base / name
            found.append((path.relative_to(raw_dir).as_posix(), path))
    return sorted(found)


def _skip_reason(path: Path) -> str | None:
    name = path.name
    if path.is_dir():
        what = "hidden folder" if name.startswith(".") else "symlinked folder"
        return f"{what}, not entered"
    if name.startswith("."):
        return "hidden file"
    if not path.is_file():
        return "not a regular file"
    if path.suffix.lower() not in ARTICLE_EXTENSIONS + JSONL_EXTENSIONS:
        suffix = path.suffix.lower() or "(none)"
        return f"extension {suffix} is not one of .txt .html .htm .jsonl"
    return None


def _first_line_is_json_object(path: Path) -> bool:
    with path.open("rb") as fh:
        for line in fh:
            if line.strip():
                try:
                    return isinstance(json.loads(line), dict)
                except ValueError:
                    return False
    return False


def iter_inputs(files: Iterable[tuple[str, Path]]) -> Iterator[InputItem]:
    """The input items of a sorted file list: one per file, one per line of JSON lines.

    A `.jsonl` file whose first line is not a JSON object is read as one article by content.
    """
    for rel, path in files:
        reason = _skip_reason(path)
        if reason:
            yield InputItem(rel, skip=reason)
        elif path.suffix.lower() in JSONL_EXTENSIONS and _first_line_is_json_object(path):
            yield from _json_line_items(rel, path)
        else:
            yield InputItem(rel, path=str(path))


#: A JSON line's own `id` that can name it in its source: a plain token, not `L<n>`.
LINE_ID = re.compile(r"(?!L\d+$)[^\s#]{1,200}")


def _json_line_items(rel: str, path: Path) -> Iterator[InputItem]:
    """The items of a JSON-lines file: `rel#<id>` for a line whose string `id` is a plain
    token not used by an earlier line of the file, else `rel#L<line number>`."""
    used: set[str] = set()
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            id_ = None
            if b'"id"' in line:  # parse only lines that may have an id here (workers do)
                with contextlib.suppress(ValueError):
                    obj = json.loads(line)
                    id_ = obj.get("id") if isinstance(obj, dict) else None
            if isinstance(id_, str) and LINE_ID.fullmatch(id_) and id_ not in used:
                used.add(id_)
                yield InputItem(f"{rel}#{id_}", line=line)
            else:
                yield InputItem(f"{rel}#L{number}", line=line)


def count_inputs(files: Iterable[tuple[str, Path]]) -> int:
    """How many items `iter_inputs` yields (for the progress bar), without holding them."""
    return sum(1 for _ in iter_inputs(files))


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 1_000_000 else f"{n / 1e6:.1f} MB"


def _item_bytes(item: InputItem, options: ReadOptions) -> tuple[bytes, str | None, dict[str, Any]]:
    """The article bytes of an item, the format its JSON field forces (html), if any, and
    the JSON line's other fields (`record_fields`)."""
    if item.line is not None:
        try:
            obj = json.loads(item.line)
        except ValueError as exc:
            raise InputError(f"not valid JSON: {exc}") from None
        found = content_field(obj) if isinstance(obj, dict) else None
        if found is None:
            raise InputError("JSON line has no string `text` or `html` field")
        key, fmt = found
        return obj[key].encode("utf-8"), fmt, other_fields(obj, key)
    path = Path(item.path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(f"input is {_size(size)}, over the {_size(options.max_bytes)} limit")
        return path.read_bytes(), None, {}
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


# --- per-item results and the resume cache ---------------------------------------------


@dataclass
class ItemResult:
    """What the steps made of one input; `status` is ok, failed, dropped or skipped."""

    source: str
    status: str
    sha256: str | None = None
    id: str | None = None
    reason: str | None = None
    record: dict[str, Any] | None = None
    reused: bool = False


class ResultCache:
    """Results of chunks of inputs on disk, one file per chunk.

    A chunk's key hashes the options fingerprint and each input's source and content hash,
    so a rerun over the same inputs (and chunk size) finds the chunks it already did.
    """

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def key(self, results: list[ItemResult]) -> str:
        parts = [self.fingerprint, *((r.source, r.sha256, r.reason) for r in results)]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[ItemResult], dict[str, dict[str, int]]] | None:
        """A chunk's results and step counts, as first computed; None when not saved."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            rows, steps = data["results"], data["steps"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return [ItemResult(**{**row, "reused": True}) for row in rows], steps

    def put(self, key: str, results: list[ItemResult], steps: dict[str, dict[str, int]]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        data = {"results": [vars(r) for r in results], "steps": steps}
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)


def process_chunk(
    items: list[InputItem], options: BuildOptions, cache: ResultCache
) -> tuple[list[ItemResult], dict[str, dict[str, int]]]:
    """Run the steps over a chunk of inputs (in a worker); results in input order."""
    loaded = [_load(item, options.read) for item in items]
    results = [result for result, *_ in loaded]
    key = cache.key(results)
    cached = cache.get(key)
    if cached is not None:  # the counts too: a resumed build.json equals a fresh one
        return cached
    steps = document_steps(options)
    counts = StepCounts()
    pending: list[tuple[ItemResult, Document]] = []
    for result, data, fmt, extra in loaded:
        if data is None:
            if result.status == "failed":
                counts.count("read", "failed")
            continue
        doc = _run_steps(result, (data, fmt, extra), steps, counts, options.read)
        if doc is not None:
            pending.append((result, doc))
    if options.translate is not None and pending:
        _translate(pending, options, counts)
    for result, doc in pending:
        if result.status == "ok":
            result.record = doc.to_record()
    cache.put(key, results, dict(counts))
    return results, dict(counts)


def _load(
    item: InputItem, options: ReadOptions
) -> tuple[ItemResult, bytes | None, str | None, dict[str, Any]]:
    """An input's bytes, forced format and other JSON fields with its result so far; no
    bytes when not read. A JSON line's `sha256` covers its other fields too, so that a
    changed field is not taken from the resume cache."""
    if item.skip:
        return ItemResult(item.source, "skipped", reason=item.skip), None, None, {}
    try:
        data, fmt, fields = _item_bytes(item, options)
    except InputError as exc:
        return ItemResult(item.source, "failed", reason=f"read: {_one_line(exc)}"), None, None, {}
    digest = hashlib.sha256(data)
    if fields:
        digest.update(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode())
    result = ItemResult(item.source, "ok", sha256=digest.hexdigest(), id=content_id(data))
    return result, data, fmt, fields


def _run_steps(result, loaded, steps, counts, options) -> Document | None:
    """Read and run the per-document steps; a drop or failure goes into `result`."""
    data, fmt, fields = loaded
    step = "read"
    try:
        doc = apply_fields(document_from_bytes(data, result.source, options, fmt), fields)
        counts.count(step, "forwarded")
        for s in steps:
            step = s.name
            doc = s(doc)
            counts.count(step, "forwarded")
    except Drop as exc:
        counts.count(step, "dropped")
        result.status, result.reason = "dropped", f"{step}: {exc}"
        return None
    except Exception as exc:  # a bad document never stops the build
        counts.count(step, "failed")
        result.status, result.reason = "failed", f"{step}: {_one_line(exc)}"
        return None
    return doc


def _translate(pending: list[tuple[ItemResult, Document]], options, counts) -> None:
    """Translate the chunk's documents in one batch; on error, one by one to isolate it."""
    from .translate import FAILED_NOTE, translate_documents

    docs = [doc for _, doc in pending]
    try:
        translated = translate_documents(docs, options.translate)
    except Exception:
        translated = []
        for result, doc in pending:
            try:
                translated.append(translate_documents([doc], options.translate)[0])
            except Exception as exc:
                result.status, result.reason = "failed", f"translate: {_one_line(exc)}"
                translated.append(doc)
    for i, doc in enumerate(translated):
        result = pending[i][0]
        engine_failed = (doc.translation_note or "").startswith(FAILED_NOTE)
        ok = result.status == "ok" and not engine_failed
        counts.count("translate", "forwarded" if ok else "failed")
        pending[i] = (result, doc)


def _chunks(items: Iterator[InputItem], size: int) -> Iterator[list[InputItem]]:
    chunk: list[InputItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WORKER_OPTIONS: dict[str, Any] = {}  # set once per worker process by _init_worker


def _portable(options: BuildOptions) -> BuildOptions:
    """`options` with each stage's default options replaced by their name (picklable)."""
    named = {
        name: default
        for name, default in STAGE_DEFAULTS.items()
        if getattr(options, name) is not None and getattr(options, name) == default()
    }
    return replace(options, **named)


def _exit_with_parent() -> None:
    """End this worker process as soon as the process that started it dies (even killed)."""
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch(sentinel: int) -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, args=(parent.sentinel,), daemon=True).start()


def _init_worker(options: BuildOptions, cache: ResultCache, workers: int) -> None:
    """Resolve named default options; share the cores among the workers' engines; end
    with the build's process."""
    _exit_with_parent()
    named = {
        name: getattr(options, name)()
        for name in STAGE_DEFAULTS
        if isinstance(getattr(options, name), _StageDefault)
    }
    options = replace(options, **named)
    translate = options.translate
    if translate is not None and not translate.inter_threads and not translate.intra_threads:
        cores = max(1, (os.cpu_count() or 1) // workers)
        translate = replace(translate, inter_threads=1, intra_threads=cores)
        options = replace(options, translate=translate)
    _WORKER_OPTIONS.update(options=options, cache=cache)


def _worker_chunk(chunk: list[InputItem]):
    return process_chunk(chunk, _WORKER_OPTIONS["options"], _WORKER_OPTIONS["cache"])


def _run_chunks(chunks: Iterator[list[InputItem]], options: BuildOptions, cache: ResultCache):
    """Results of the chunks in order; at most a few chunks per worker are in flight.

    Workers start from a fresh forkserver process, so that no thread of this process (a
    translation engine, a progress bar) is copied into them; each receives the options
    once (default stage options by name), then chunks of inputs. Custom options that cannot
    be pickled (a rule whose predicate is a lambda) fall back to forking this process.
    """
    workers = options.workers or os.cpu_count() or 1
    if workers == 1:
        for chunk in chunks:
            yield process_chunk(chunk, options, cache)
        return
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    portable = _portable(options)
    try:
        pickle.dumps(portable)
        method = "forkserver" if "forkserver" in methods else "spawn"
    except (pickle.PicklingError, AttributeError, TypeError):
        method = "fork" if "fork" in methods else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["hzcorpus.pipeline"])
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(portable, cache, workers)
    )
    with pool:
        in_flight: deque = deque()
        try:
            for chunk in chunks:
                in_flight.append(pool.submit(_worker_chunk, chunk))
                if len(in_flight) >= 3 * workers:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        except BrokenProcessPool:
            raise DatasetError(
                "a worker process died (out of memory?); the finished inputs are saved: "
                "rerun with --resume (and fewer --workers)"
            ) from None
        finally:
            for future in in_flight:
                future.cancel()


# --- the build -------------------------------------------------------------------------


@dataclass
class BuildReport:
    """What a build did: counts per manifest status and per step, and the failures."""

    out_dir: Path
    status: dict[str, int]
    steps: dict[str, dict[str, int]]
    shards: list[str]
    stats: DatasetStats | None = None
    reused: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first ones
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status.get("failed", 0) == 0


def _work_dir(out_dir: Path) -> Path:
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
def _locked(work: Path, out_dir: Path):
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


def build(
    raw_dir: str | Path, out_dir: str | Path, options: BuildOptions | None = None
) -> BuildReport:
    """Build the dataset folder `out_dir` from the articles under `raw_dir`.

    Writes `data/*.parquet`, `README.md` (the card), `manifest.jsonl` and `build.json`.
    Bad inputs are recorded as failed and never stop the build (see `BuildReport.ok`).
    """
    options = options or BuildOptions()
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    _check_folders(raw_dir, out_dir)
    started = time.time()
    work = _work_dir(out_dir)
    with _terminate_interrupts(), _locked(work, out_dir):
        cache = ResultCache(work / "results", options.fingerprint())
        staging = work / "staging"
        if not options.resume:
            shutil.rmtree(cache.folder, ignore_errors=True)
        for stale in (staging, work / "previous"):
            shutil.rmtree(stale, ignore_errors=True)
        staging.mkdir()
        report = _assemble(raw_dir, staging, cache, options)
        report.seconds = round(time.time() - started, 3)
        _write_build_json(staging, report, options)
        _publish(staging, out_dir, work)
    shutil.rmtree(work, ignore_errors=True)
    report.out_dir = out_dir
    return report


def _assemble(
    raw_dir: Path, staging: Path, cache: ResultCache, options: BuildOptions
) -> BuildReport:
    """Stream every input through the steps into the staging folder."""
    from tqdm import tqdm

    files = list_files(raw_dir)
    manifest = ManifestWriter(staging / "manifest.jsonl")
    shards = ShardWriter(staging, options.shard_rows)
    seen: dict[bytes, str] = {}  # hash of cleaned text -> source of the kept copy
    counts = StepCounts()
    report = BuildReport(staging, manifest.counts, counts, [])
    total = count_inputs(files)
    stream = _run_chunks(_chunks(iter_inputs(files), max(1, options.chunk_size)), options, cache)
    progress = None
    try:
        # The first result forks the workers, before tqdm starts its monitor thread.
        first = next(stream, None)
        progress = tqdm(
            total=total,
            unit="doc",
            disable=True if options.quiet else None,  # None: only on a terminal
            file=sys.stderr,
            dynamic_ncols=True,
            mininterval=0.5,
        )
        for results, chunk_counts in itertools.chain([first] if first else [], stream):
            counts.merge(chunk_counts)
            for result in results:
                entry = _dedupe(result, seen, counts)
                if entry.status == "kept":
                    shards.add(result.record)
                elif entry.status == "failed" and len(report.failures) < MAX_FAILURES_LISTED:
                    report.failures.append((entry.source, entry.reason or ""))
                report.reused += result.reused
                manifest.write(entry)
            progress.update(len(results))
            progress.set_postfix(manifest.counts, refresh=False)
    finally:
        if progress is not None:
            progress.close()
        manifest.close()
    report.shards = shards.close()
    info = replace(options.card, stages=options.stages())
    write_card(staging, shards.stats, info, manifest.counts)
    report.stats = shards.stats
    return report


def _dedupe(result: ItemResult, seen: dict[bytes, str], counts: StepCounts) -> ManifestEntry:
    """The manifest entry of a result: an exact duplicate of an earlier text is not kept."""
    entry = partial(ManifestEntry, result.source, result.sha256, id=result.id)
    if result.status == "dropped":
        return entry("skipped", reason=result.reason)
    if result.status != "ok":
        return entry(result.status, reason=result.reason)
    key = hashlib.sha256(result.record["text"].encode("utf-8")).digest()
    first = seen.setdefault(key, result.source)
    if first != result.source:
        counts.count("dedupe", "dropped")
        return entry(
            "duplicate", reason="same cleaned text as an earlier input", duplicate_of=first
        )
    counts.count("dedupe", "forwarded")
    return entry("kept")


def _write_build_json(staging: Path, report: BuildReport, options: BuildOptions):
    """What made the dataset, and nothing of the run (time, workers, reused chunks: those
    are in the BuildReport and the CLI's summary), so that a rebuild writes the same bytes."""
    stats = report.stats
    summary = {
        "hzcorpus": __version__,
        "status": report.status,
        "steps": report.steps,
        "stages": list(options.stages()),
        "options_fingerprint": options.fingerprint(),
        "shards": report.shards,
        "rows": stats.rows,
        "languages": dict(sorted(stats.languages.items())),
        "translated": stats.translated,
        "missing_translation_pairs": dict(sorted(stats.missing_pairs.items()))
        if options.translate is not None
        else None,
        "versions": library_versions(options.stages()),
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    (staging / "build.json").write_text(text, encoding="utf-8")


def _publish(staging: Path, out_dir: Path, work: Path) -> None:
    """Replace `out_dir` by the staging folder (the old dataset moves aside, then goes)."""
    if out_dir.exists():
        os.replace(out_dir, work / "previous")
    os.replace(staging, out_dir)
