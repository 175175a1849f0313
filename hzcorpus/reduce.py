"""The reduce phase of a build, in one process: every input's result in input order, exact
dedupe, manifest, parquet shards, card, `build.json`, and publishing by rename.

`Plan` is the bridge between the phases: it walks the inputs in order, tells which are
skipped (not read) or reused from an earlier run, cuts the others into chunks for the
executor, and remembers where each input's result row is until it is reduced (a repeat
build's count pass writes down where, in a `Ledger`, for its second pass). `Reducer`
takes the results in input order as soon as they are known, while the executor works on
the next chunks, so that only the last chunk's rows and the card are left for the end.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import __version__
from .card import CardInfo, library_versions, write_card
from .chunks import ChunkStore
from .inputs import InputItem
from .kept import KeptItem
from .manifest import ManifestEntry, ManifestWriter
from .read import ReadOptions
from .steps import DROPPED, FORWARDED, StepCounts
from .writer import ShardWriter

#: Failures a `BuildReport` lists (the manifest has them all).
MAX_FAILURES_LISTED = 100
#: The reduce phase's own step: exact duplicates of an earlier text are dropped.
DEDUPE = "dedupe"


def _skip_row(source: str, reason: str) -> dict[str, Any]:
    """The result row of an input not read."""
    return {"source": source, "status": "skipped", "reason": reason, "trail": []}


class Ledger:
    """Where each input's result is, in input order, in a file: a pass's `Plan` writes each
    entry as it lets it go, and `rows` reads the results back in the same order (a repeat
    build's second pass), so that neither holds one entry per input."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._out = path.open("w", encoding="utf-8")

    def write(self, entry: tuple[Any, ...]) -> None:
        """One entry of `Plan`: skipped (source, reason) or a row of a chunk file."""
        kind, *rest = entry
        where = [rest[0].name, rest[1]] if kind == "row" else rest
        self._out.write(json.dumps([kind, *where], ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._out.close()

    def rows(self, store: ChunkStore) -> Iterator[dict[str, Any]]:
        """The result rows, in input order (the chunk files in `store`)."""
        self.close()
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                kind, a, b = json.loads(line)
                yield _skip_row(a, b) if kind == "skip" else store.row(store.folder / a, b)


class Plan:
    """Where each input's result is: skipped (with the reason), a row of a chunk file, or a
    row given with the input (a repeat build's second pass: what its count pass failed).

    The items are inputs, or `KeptItem`s (a repeat build's second pass). With a store of an
    earlier run (`resume`), an item whose source and content hash match a finished row is
    reused, whatever chunk it was part of. The entries are let go in input order as soon as
    their results are known (`ready`; written to `ledger` when one is given), so the plan
    holds the inputs between the first without a result and the last listed, not one entry
    per input.
    """

    def __init__(
        self, store: ChunkStore | None, read: ReadOptions, ledger: Ledger | None = None
    ) -> None:
        self.read = read
        self.ledger = ledger
        self.reused = 0
        self._entries: dict[int, tuple[Any, ...]] = {}  # input index -> entry, not yet ready
        self._listed = 0
        self._next = 0  # the first input not yet handed on by `ready`
        self._finished: dict[str, tuple[str, Path, int]] = {}
        if store is not None:
            for source, sha, path, row in store.finished():
                if sha is not None:
                    self._finished[source] = (sha, path, row)

    def chunks(
        self,
        items: Iterable[InputItem | KeptItem | dict[str, Any]],
        size: int,
        on_done: Callable[[int], Any],
    ) -> Iterator[list[InputItem | KeptItem]]:
        """The chunks of items the executor has to run, in input order (a result row given
        as an item is its result)."""
        chunk: list[InputItem | KeptItem] = []
        for item in items:
            entry = self._entries[self._listed] = self._entry(item)
            self._listed += 1
            if entry[0] != "todo":
                on_done(1)
                continue
            chunk.append(item)  # type: ignore[arg-type]
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
        self._finished.clear()

    def _entry(self, item: InputItem | KeptItem | dict[str, Any]) -> tuple[Any, ...]:
        if isinstance(item, dict):
            return ("given", item)
        if isinstance(item, InputItem) and item.skip is not None:
            return ("skip", item.source, item.skip)
        done = self._finished.get(item.source)
        if done is not None:
            from .builder import current_sha256

            sha = item.sha256 if isinstance(item, KeptItem) else current_sha256(item, self.read)
            if sha == done[0]:
                self.reused += 1
                return ("row", done[1], done[2])
        return ("todo",)

    def add(self, path: Path, indexes: list[int]) -> None:
        """A chunk file is done: its rows are the results of these inputs."""
        for row, index in enumerate(indexes):
            self._entries[index] = ("row", path, row)

    def ready(self, store: ChunkStore) -> Iterator[dict[str, Any]]:
        """The result rows of the next inputs in input order whose results are known (and
        let go of their entries)."""
        while (entry := self._entries.get(self._next)) is not None and entry[0] != "todo":
            del self._entries[self._next]
            self._next += 1
            if self.ledger is not None:
                self.ledger.write(entry)
            if entry[0] == "skip":
                yield _skip_row(entry[1], entry[2])
            elif entry[0] == "given":
                yield entry[1]
            else:
                yield store.row(entry[1], entry[2])

    @property
    def listed(self) -> int:
        """Inputs listed so far (`chunks`)."""
        return self._listed

    @property
    def pending(self) -> int:
        """Entries held: inputs listed whose results are not yet handed on."""
        return len(self._entries)

    def check_done(self) -> None:
        """Every listed input's result was handed on."""
        if self._next != self._listed:
            raise RuntimeError("an input has no result: the map phase did not finish")


class Reducer:
    """The reduce phase, fed the results in input order while the map phase runs: step
    counts, exact dedupe, manifest lines and parquet rows; `finish` writes the card.

    It holds the dedupe digests (one per kept text: exact dedupe needs them all), the step
    and reason counts (bounded), the first failures and one row group of records.
    """

    def __init__(self, staging: Path, shard_rows: int) -> None:
        from .builder import BuildReport

        self.staging = staging
        self.manifest = ManifestWriter(staging / "manifest.jsonl")
        self.shards = ShardWriter(staging, shard_rows)
        self.seen: dict[bytes, str] = {}  # hash of cleaned text -> source of the kept copy
        self.counts = StepCounts()
        self.report = BuildReport(staging, self.manifest.counts, self.counts, [])

    def __enter__(self) -> Reducer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.manifest.close()

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        """Reduce the next results, in input order."""
        for row in rows:
            self.counts.add_trail(row["trail"])
            entry = _entry(row, self.seen, self.counts)
            if entry.status == "kept":
                self.shards.add(row["record"])
            elif entry.status == "failed" and len(self.report.failures) < MAX_FAILURES_LISTED:
                self.report.failures.append((entry.source, entry.reason or ""))
            self.manifest.write(entry)

    def finish(self, plan: Plan, store: ChunkStore, info: CardInfo):
        """The last results, then the shards, card and report (`BuildReport`)."""
        self.add(plan.ready(store))
        plan.check_done()
        self.manifest.close()
        report = self.report
        report.reused = plan.reused
        report.shards = self.shards.close()
        report.reasons = self.manifest.top_reasons()
        write_card(self.staging, self.shards.stats, info, self.manifest.counts, report.reasons)
        report.stats = self.shards.stats
        return report


def _entry(row: dict[str, Any], seen: dict[bytes, str], counts: StepCounts) -> ManifestEntry:
    """The manifest entry of a result: an exact duplicate of an earlier text is not kept."""
    source = row["source"]
    sha, id_ = row.get("sha256"), row.get("id")
    if row["status"] != "ok":
        return ManifestEntry(source, sha, row["status"], id=id_, reason=row["reason"])
    key = hashlib.sha256(row["record"]["text"].encode("utf-8")).digest()
    first = seen.setdefault(key, source)
    if first != source:
        counts.count(DEDUPE, DROPPED)
        return ManifestEntry(
            source,
            sha,
            "duplicate",
            id=id_,
            reason=f"{DEDUPE}: same cleaned text as an earlier input",
            duplicate_of=first,
        )
    counts.count(DEDUPE, FORWARDED)
    return ManifestEntry(source, sha, "kept", id=id_)


def write_build_json(staging: Path, report: Any, options: Any, fingerprint: str) -> None:
    """`build.json`: what made the dataset, and nothing of the run (time, workers, executor,
    reused inputs: those are in the `BuildReport` and the CLI's summary), so that a rebuild,
    a resumed build and a build on Ray write the same bytes. `fingerprint` is
    `options.fingerprint()`, the name of the build's chunk folder."""
    stats = report.stats
    summary = {
        "hzcorpus": __version__,
        "status": report.status,
        "reasons": report.reasons,
        "steps": report.steps,
        "stages": list(options.stages()),
        "options_fingerprint": fingerprint,
        "shards": report.shards,
        "rows": stats.rows,
        "languages": dict(sorted(stats.languages.items())),
        "translated": stats.translated,
        "missing_translation_pairs": dict(sorted(stats.missing_pairs.items()))
        if options.translate is not None
        else None,
        "versions": library_versions(options.libraries()),
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    (staging / "build.json").write_text(text, encoding="utf-8")


def publish(staging: Path, out_dir: Path, work: Path) -> None:
    """Replace `out_dir` by the staging folder (the old dataset moves aside, then goes)."""
    if out_dir.exists():
        os.replace(out_dir, work / "previous")
    os.replace(staging, out_dir)
