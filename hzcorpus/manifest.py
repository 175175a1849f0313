"""The build manifest: one JSON line per input item, in input order, with what became of it.

`OUT_DIR/manifest.jsonl` lists every input the build saw (files sorted by path, the lines of
a `.jsonl` file in file order), so that nothing is skipped silently::

    {"source": "a/b.txt", "sha256": "…", "status": "kept", "id": "…", "reason": null,
     "duplicate_of": null}
"""

from __future__ import annotations

import json
import re
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


@dataclass(frozen=True)
class ReasonPart:
    """A part of a reason that differs from input to input (a size, a position, a quoted
    value or path): reasons that differ only there are counted as one, shown with the part
    replaced by `mark` when their texts differ. `example` is a reason and its shape."""

    name: str
    pattern: str
    mark: str
    example: tuple[str, str]


#: The parts of reasons counted as one (`reason_shape`), in the order they are replaced.
REASON_PARTS: tuple[ReasonPart, ...] = (
    ReasonPart(
        "quoted",
        r"'[^'\n]*'|\"[^\"\n]*\"",
        "'…'",
        (
            "read: cannot read: [Errno 13] Permission denied: '/data/raw/a.txt'",
            "read: cannot read: [Errno <n>] Permission denied: '…'",
        ),
    ),
    ReasonPart(
        "number",
        r"\b0x[0-9a-fA-F]+\b|\d+(?:[.,]\d+)*",
        "<n>",
        (
            "clean: HTML has 120,511 elements, over the limit of 100,000",
            "clean: HTML has <n> elements, over the limit of <n>",
        ),
    ),
)
_REASON_PARTS = [(re.compile(part.pattern), part.mark) for part in REASON_PARTS]


def reason_shape(reason: str) -> str:
    """A reason with the parts that differ from input to input replaced (`REASON_PARTS`)."""
    for pattern, mark in _REASON_PARTS:
        reason = pattern.sub(mark, reason)
    return reason


class ManifestWriter:
    """Appends entries to a manifest file and counts them per status, and the inputs not
    kept per status and reason: reasons of the same shape (`reason_shape`) are one count,
    shown as their text when they all read the same, else as their shape."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="\n")
        self.counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
        #: status -> reason shape -> [count, the reason's text while all read the same]
        self.reasons: dict[str, dict[str, list]] = {}

    def write(self, entry: ManifestEntry) -> None:
        self._file.write(entry.to_json() + "\n")
        self.counts[entry.status] += 1
        if entry.reason is not None:
            groups = self.reasons.setdefault(entry.status, {})
            shape = reason_shape(entry.reason)
            if shape not in groups and len(groups) >= MAX_REASONS:
                shape = OTHER_REASONS
            group = groups.setdefault(shape, [0, entry.reason])
            group[0] += 1
            if group[1] != entry.reason:
                group[1] = None

    def reason_counts(self, status: str) -> dict[str, int]:
        """The inputs of one status per reason (as `top_reasons` shows them), all of them."""
        shown: dict[str, int] = {}
        for shape, (n, text) in self.reasons.get(status, {}).items():
            reason = shape if shape == OTHER_REASONS or text is None else text
            shown[reason] = shown.get(reason, 0) + n
        return shown

    def top_reasons(self) -> dict[str, dict[str, int]]:
        """Per status not kept, in `STATUSES` order: its `REASONS_LISTED` most frequent
        reasons (ties by reason), the others added up as `OTHER_REASONS`."""
        top = {}
        for status in STATUSES:
            ranked = sorted(self.reason_counts(status).items(), key=lambda r: (-r[1], r[0]))
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
