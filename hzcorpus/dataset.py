"""Reading a dataset folder: `check_dataset` and `load`.

The folder is what `datasets.load_dataset(folder)` and the Hugging Face Hub expect::

    data/train-00000-of-00001.parquet   typed columns of `record_schema()` (`writer.py`)
    README.md                           card: YAML metadata (configs, languages, …) + body
                                        (`card.py`)
"""

from __future__ import annotations

from pathlib import Path

from .errors import DatasetError
from .writer import DATA_DIR, SPLIT


def check_dataset(folder: str | Path) -> list[Path]:
    """Raise `DatasetError` unless `folder` is a dataset folder; returns its parquet shards."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"{folder}: no such dataset folder")
    card = folder / "README.md"
    shards = sorted((folder / DATA_DIR).glob(f"{SPLIT}-*.parquet"))
    if not card.is_file() or not shards:
        raise DatasetError(
            f"{folder}: not a dataset folder (needs README.md and {DATA_DIR}/{SPLIT}-*.parquet)"
        )
    from huggingface_hub import DatasetCard

    if "configs" not in DatasetCard.load(card).data.to_dict():
        raise DatasetError(f"{folder}: README.md has no `configs` metadata; not a dataset card")
    return shards


def load(path: str | Path, split: str = SPLIT, streaming: bool = False):
    """Load a dataset folder with `datasets.load_dataset` (offline; `streaming` for large).

    The shards are named explicitly, so that `datasets` keys its cache on the files
    themselves: a rebuilt folder never loads as its cached former self.
    """
    shards = check_dataset(path)
    if split != SPLIT:
        raise DatasetError(f"{path}: has one split, {SPLIT!r}, not {split!r}")
    import pyarrow.parquet as pq

    if all(pq.ParquetFile(p).metadata.num_rows == 0 for p in shards):
        raise DatasetError(
            f"{path}: the dataset has no rows (manifest.jsonl says why); "
            "`datasets` cannot load an empty split"
        )
    from datasets import load_dataset

    files = {SPLIT: [str(p) for p in shards]}
    return load_dataset("parquet", data_files=files, split=split, streaming=streaming)
