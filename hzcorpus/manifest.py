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


#: Distinct reasons counted apart per status; later new ones are counted as `OTHER_REASONS`
#: (memory stays bounded when every input fails in its own words).
MAX_REASONS = 10_000
#: Reasons listed per status (`top_reasons`); the rest are added up as one row.
REASONS_LISTED = 20
OTHER_REASONS = "(other reasons)"


class ManifestWriter:
    """Appends entries to a manifest file and counts them per status, and the inputs not
    kept per status and reason."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="\n")
        self.counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
        self.reasons: dict[str, dict[str, int]] = {}

    def write(self, entry: ManifestEntry) -> None:
        self._file.write(entry.to_json() + "\n")
        self.counts[entry.status] += 1
        if entry.reason is not None:
            counts = self.reasons.setdefault(entry.status, {})
            reason = entry.reason
            if reason not in counts and len(counts) >= MAX_REASONS:
                reason = OTHER_REASONS
            counts[reason] = counts.get(reason, 0) + 1

    def top_reasons(self) -> dict[str, dict[str, int]]:
        """Per status not kept, in `STATUSES` order: its `REASONS_LISTED` most frequent
        reasons (ties by reason), the others added up as `OTHER_REASONS`."""
        top = {}
        for status in STATUSES:
            ranked = sorted(self.reasons.get(status, {}).items(), key=lambda r: (-r[1], r[0]))
            if not ranked:
                continue
            listed = dict(ranked[:REASONS_LISTED])
            rest = sum(n for _reason, n in ranked[REASONS_LISTED:])
            if rest:
                listed[OTHER_REASONS] = listed.get(OTHER_REASONS, 0) + rest
            top[status] = listed
        return top

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
