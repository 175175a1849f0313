"""Parquet shards of a dataset folder: `ShardWriter` streams records into `data/`.

Parquet bytes are deterministic: fixed writer options, no timestamps, rows in the order
they were added. `write_dataset` writes records and their card into a new folder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .document import Document, record_schema
from .errors import DatasetError

if TYPE_CHECKING:
    from .card import CardInfo

DATA_DIR = "data"
#: The libraries that write a dataset folder (their versions go into the card).
WRITER_LIBRARIES: tuple[str, ...] = ("pyarrow", "huggingface_hub")
SPLIT = "train"
#: Rows per parquet row group: bounds the rows held in memory while writing.
ROW_GROUP_ROWS = 500
_PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
}


@dataclass
class DatasetStats:
    """Statistics of the rows of a dataset, gathered one record at a time."""

    rows: int = 0
    words: int = 0
    languages: Counter = field(default_factory=Counter)
    removed_rules: Counter = field(default_factory=Counter)
    flag_kinds: Counter = field(default_factory=Counter)
    flag_rules: Counter = field(default_factory=Counter)
    translated: int = 0
    english: int = 0
    packages: Counter = field(default_factory=Counter)
    missing_pairs: Counter = field(default_factory=Counter)
    #: Arrow bytes of the rows and parquet bytes of the shards (the card's `dataset_info`).
    num_bytes: int = 0
    download_size: int = 0

    @property
    def not_english(self) -> int:
        """Rows whose language is not English: the ones translation is for."""
        return self.rows - self.english

    def translated_share(self) -> str:
        """The machine-translated share of the articles not in English, as the card and the
        review pages show it: "3 of 4 (75.0%)" (English articles need no translation)."""
        whole = self.not_english
        share = f" ({100 * self.translated / whole:.1f}%)" if whole else ""
        return f"{self.translated:,} of {whole:,}{share}"

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one dataset row (columns of stages that did not run may be null)."""
        self.rows += 1
        self.words += record["n_words"] or 0
        language = record["language"] or "und"
        self.languages[language] += 1
        self.removed_rules.update(r["rule"] for r in record["removed"] or ())
        flags = record["flags"] or ()
        self.flag_kinds.update(s["kind"] for s in flags)
        self.flag_rules.update(s["rule"] for s in flags)
        if language == "en":
            self.english += 1
        if record["translation"]:
            self.translated += 1
            package = record["translation"]
            self.packages[f"{package['package']} {package['version']}"] += 1
        elif language not in ("en", "und") and record["text_en"] is None:
            self.missing_pairs[f"{language}->en"] += 1


class ShardWriter:
    """Streams records into `data/part-NNNNN.parquet` shards of at most `shard_rows` rows.

    At most one row group of records is held in memory. `close()` renames the shards to
    the conventional `train-00000-of-0000N.parquet` and returns their names.
    """

    def __init__(self, folder: Path, shard_rows: int = 10_000) -> None:
        import pyarrow as pa  # noqa: F401  (fail early when missing)

        if shard_rows < 1:
            raise DatasetError("shard rows must be at least 1")
        self.folder = folder / DATA_DIR
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shard_rows = shard_rows
        self.stats = DatasetStats()
        self._schema = record_schema()
        self._rows: list[dict[str, Any]] = []
        self._writer: Any = None
        self._in_shard = 0
        self._parts: list[Path] = []

    def add(self, record: Mapping[str, Any] | Document) -> None:
        """Append one row (a `Document` or its `to_record()`)."""
        if isinstance(record, Document):
            record = record.to_record()
        self.stats.add(record)
        self._rows.append(dict(record))
        self._in_shard += 1
        if self._in_shard == self.shard_rows or len(self._rows) == ROW_GROUP_ROWS:
            self._flush()
        if self._in_shard == self.shard_rows:
            self._writer.close()
            self._writer = None
            self._in_shard = 0

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows:
            return
        if self._writer is None:
            path = self.folder / f"part-{len(self._parts):05d}.parquet"
            self._parts.append(path)
            self._writer = pq.ParquetWriter(path, self._schema, **_PARQUET_OPTIONS)
        table = pa.Table.from_pylist(self._rows, schema=self._schema)
        self._writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
        self.stats.num_bytes += table.nbytes
        self._rows = []

    def close(self) -> list[str]:
        """Finish the last shard; returns the shard paths relative to the dataset folder."""
        import pyarrow.parquet as pq

        self._flush()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if not self._parts:  # an empty dataset still has one (empty) shard with the schema
            path = self.folder / "part-00000.parquet"
            pq.ParquetWriter(path, self._schema, **_PARQUET_OPTIONS).close()
            self._parts.append(path)
        names = []
        for i, path in enumerate(self._parts):
            name = f"{SPLIT}-{i:05d}-of-{len(self._parts):05d}.parquet"
            path.rename(self.folder / name)
            names.append(f"{DATA_DIR}/{name}")
            self.stats.download_size += (self.folder / name).stat().st_size
        return names


def write_dataset(
    records: Iterable[Mapping[str, Any] | Document],
    folder: str | Path,
    info: CardInfo | None = None,
    shard_rows: int = 10_000,
) -> list[str]:
    """Write records (or documents) as a dataset folder: parquet shards and the card.

    The folder must not hold a dataset yet (use `hzcorpus.build` for atomic rebuilds).
    Returns the shard paths relative to the folder.
    """
    from .card import CardInfo, write_card

    folder = Path(folder)
    if (folder / DATA_DIR).exists() or (folder / "README.md").exists():
        raise DatasetError(f"{folder.name}: already holds a dataset; write to a new folder")
    writer = ShardWriter(folder, shard_rows)
    for record in records:
        writer.add(record)
    shards = writer.close()
    write_card(folder, writer.stats, info or CardInfo(), {"kept": writer.stats.rows})
    return shards
