"""The map phase's results on disk: one Arrow IPC file per finished chunk of inputs.

A chunk file holds one row per input (`RESULT_SCHEMA`): its place in input order, source,
content hash, status, reason, trail of step outcomes and, for an input that went through
every step, its dataset record (and in a repeat build's count pass, a page-text dump's raw
text: `hzcorpus.kept`), compressed with zstd (`COMPRESSION`: about a third of the bytes
of a page-text dump's rows). Arrow holds any string the steps make; the file appears
under its final name only when complete (written aside, then renamed), so that a killed
build leaves only whole chunks. The files live in a folder named by the options
fingerprint: a resumed build reuses a finished input whatever chunk it was part of.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .document import record_schema
from .steps import FAILED, ItemResult, one_line

SUFFIX = ".arrow"
#: The codec of a chunk file's buffers (Arrow IPC's own; readers need nothing to open it).
COMPRESSION = "zstd"
#: Chunks whose rows the reader keeps decoded (inputs are read mostly chunk by chunk).
READ_CACHE = 8


@cache
def result_schema():
    """The Arrow schema of a chunk file's rows."""
    import pyarrow as pa

    step = pa.struct([("step", pa.string()), ("outcome", pa.string())])
    return pa.schema(
        [
            ("index", pa.int64()),
            ("source", pa.string()),
            ("status", pa.string()),
            ("sha256", pa.string()),
            ("id", pa.string()),
            ("reason", pa.string()),
            ("trail", pa.list_(step)),
            ("record", pa.struct(list(record_schema()))),
            ("raw", pa.string()),
        ]
    )


def result_row(result: ItemResult) -> dict[str, Any]:
    """An item's result as a chunk row (its record when it went through every step)."""
    return {
        "index": result.index,
        "source": result.source,
        "status": result.status,
        "sha256": result.sha256,
        "id": result.id,
        "reason": result.reason,
        "trail": [{"step": s, "outcome": o} for s, o in result.trail],
        "record": result.doc.to_record() if result.doc is not None else result.record,
        "raw": result.raw,
    }


@dataclass(frozen=True)
class ChunkResults:
    """One chunk's results as an executor hands them to the build: the Arrow table and,
    when the executor made it from them, its rows as Python values (equal to
    `table.to_pylist()`), so that the reduce does not decode what it had."""

    table: Any
    rows: list[dict[str, Any]] | None = None


def results_table(results: Sequence[ItemResult]):
    """The Arrow table of a chunk's results. A row Arrow refuses (it cannot happen with the
    built-in steps) fails alone, with the reason, instead of the chunk."""
    return results_chunk(results).table


def results_chunk(results: Sequence[ItemResult]) -> ChunkResults:
    """`results_table`, with the rows it was made of when Arrow took them all as they are."""
    import pyarrow as pa

    schema = result_schema()
    rows = [result_row(r) for r in results]
    try:
        return ChunkResults(pa.Table.from_pylist(rows, schema=schema), rows)
    except (pa.ArrowException, ValueError, TypeError, UnicodeError):
        pass
    good = []
    for row in rows:
        try:
            pa.Table.from_pylist([row], schema=schema)
        except (pa.ArrowException, ValueError, TypeError, UnicodeError) as exc:
            why = f"write: {one_line(exc)}"
            row = {**row, "status": FAILED, "reason": why, "record": None, "raw": None}
            row["trail"] = [*row["trail"], {"step": "write", "outcome": FAILED}]
            row["source"] = row["source"].encode("utf-8", "backslashreplace").decode()
        good.append(row)
    return ChunkResults(pa.Table.from_pylist(good, schema=schema))


class _PandasAbsent:
    """An import finder that says pandas is not installed."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "pandas":
            raise ModuleNotFoundError("pandas is left out of this process", name=name)


def arrow_without_pandas() -> None:
    """Let pyarrow take pandas as absent in this process, when pandas is not imported yet.

    On its first array, pyarrow imports pandas (about 0.4 s of CPU, more than the rest of
    a build's own process does per 1,000 documents) only to ask whether the values are a
    pandas object; a build gives it lists with their Arrow types. For the process of the
    `hzcorpus build` command: pandas stays importable, and pyarrow's own pandas functions
    (`to_pandas`, `from_pandas`) import it when called; only `pa.array` of a pandas object
    without a type would see a plain sequence.
    """
    import sys

    if "pandas" in sys.modules:
        return
    import pyarrow as pa

    finder = _PandasAbsent()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([], pa.int64())  # pyarrow tries pandas once, on its first array
    finally:
        sys.meta_path.remove(finder)


def table_bytes(table, compression: str | None = None) -> bytes:
    """A table as Arrow IPC file bytes (how executors hand results to the driver), its
    buffers compressed with `compression` (an Arrow codec name) when given."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    options = pa.ipc.IpcWriteOptions(compression=compression)
    with pa.ipc.new_file(sink, table.schema, options=options) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


class ChunkStore:
    """The chunk files of one options fingerprint under `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: OrderedDict[Path, list[dict[str, Any]]] = OrderedDict()

    def write(self, data: bytes, rows: list[dict[str, Any]] | None = None) -> Path:
        """Save one chunk's IPC bytes under a name of its own; returns its path. `rows`
        (the table's rows, when the caller has them) are kept for `row`."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{hashlib.sha256(data).hexdigest()[:32]}{SUFFIX}"
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        if rows is not None:
            self._keep(path, rows)
        return path

    def write_table(self, table, rows: list[dict[str, Any]] | None = None) -> Path:
        """`write` a chunk's table as IPC bytes compressed with `COMPRESSION`."""
        return self.write(table_bytes(table, COMPRESSION), rows)

    def files(self) -> list[Path]:
        """The finished chunk files."""
        return sorted(self.folder.glob(f"*{SUFFIX}")) if self.folder.is_dir() else []

    def finished(self) -> Iterator[tuple[str, str | None, Path, int]]:
        """(source, sha256, chunk file, row) of every finished input on disk."""
        import pyarrow as pa

        for path in self.files():
            try:
                with pa.memory_map(str(path)) as source:
                    table = pa.ipc.open_file(source).read_all().select(["source", "sha256"])
            except (OSError, pa.ArrowException):
                continue  # not a whole chunk: its inputs are done again
            sources, hashes = table.column(0).to_pylist(), table.column(1).to_pylist()
            for row, (name, sha) in enumerate(zip(sources, hashes, strict=True)):
                yield name, sha, path, row

    def row(self, path: Path, row: int) -> dict[str, Any]:
        """One row of a chunk file, as plain Python values."""
        rows = self._cache.get(path)
        if rows is None:
            import pyarrow as pa

            with pa.memory_map(str(path)) as source:
                rows = pa.ipc.open_file(source).read_all().to_pylist()
            self._keep(path, rows)
        self._cache.move_to_end(path)
        return rows[row]

    def _keep(self, path: Path, rows: list[dict[str, Any]]) -> None:
        self._cache[path] = rows
        self._cache.move_to_end(path)
        if len(self._cache) > READ_CACHE:
            self._cache.popitem(last=False)
