"""The build manifest: one JSON line per input item, in input order, with what became of it.

`OUT_DIR/manifest.jsonl` lists every input the build saw (files sorted by path, the lines of
a `.jsonl` file in file order), so that nothing is skipped silently::

    {"source": "a/b.txt", "sha256": "…", "status": "kept", "id": "…", "reason": null,
     "duplicate_of": null}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

#: What became of an input: in the dataset, a copy of a kept one, dropped by a filter step
#: (has-text), failed in a step, not read. The steps' outcomes use the same words.
STATUSES: tuple[str, ...] = ("kept", "duplicate", "dropped", "failed", "skipped")


@dataclass(frozen=True)
class ManifestEntry:
    """One input item: `source` relative to the raw folder (`path#L<n>` for a JSON line)."""

    source: str
    sha256: str | None
    status: str
    id: str | None = None
    reason: str | None = None
    duplicate_of: str | None = None

    def to_json(self) -> str:
        """The entry as one JSON line (without the newline)."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=False)


class ManifestWriter:
    """Appends entries to a manifest file and counts them per status."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="\n")
        self.counts: dict[str, int] = dict.fromkeys(STATUSES, 0)

    def write(self, entry: ManifestEntry) -> None:
        self._file.write(entry.to_json() + "\n")
        self.counts[entry.status] += 1

    def close(self) -> None:
        self._file.close()


def read_manifest(path: str | Path) -> Iterator[ManifestEntry]:
    """The entries of `manifest.jsonl` (a file, or the dataset folder holding it)."""
    path = Path(path)
    if path.is_dir():
        path = path / "manifest.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield ManifestEntry(**json.loads(line))
