"""`hzcorpus review`: static HTML pages to check a dataset folder by eye.

One page per article plus an index, so that a dataset of any size stays quick to open:
the index carries the overview (inline SVG charts) and a compact JSON table that its
script filters and pages; each article page is plain HTML and CSS (flags highlighted,
removed lines in place, the English text beside the original) and needs no script.

Rows are read from the parquet shards batch by batch; only the small index row and the
overview counters of each article stay in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DatasetError, HzcorpusError, InputError
from .progress import with_progress
from .review_pages import (
    GENERATOR,
    article_page,
    build_section,
    index_page,
    lines_not_removed,
    matched_paragraph_lines,
)
from .writer import DATA_DIR, DatasetStats

#: The file that marks a folder of article pages as written by `render_review`.
MARKER = ".hzcorpus-review"
_SAFE_NAME = re.compile(r"[A-Za-z0-9_-]{1,80}")
_JSON_LINE = re.compile(r"\.jsonl#L\d+$")


@dataclass(frozen=True)
class ReviewOptions:
    """Where the pages go and how removed lines are placed.

    `html` is the index file (default: `<OUT_DIR>-review/index.html`, beside the dataset,
    never inside it, so the folder `datasets` loads and `push` uploads stays as built);
    the article pages go to the folder `<html stem>_articles` beside it. `raw` is the
    folder the dataset was built from: with it, removed lines of page-text inputs are placed
    by matching the kept paragraphs against the raw lines; without it, approximately.
    `progress` shows a progress bar on a terminal.
    """

    html: str | Path | None = None
    raw: str | Path | None = None
    progress: bool = False
    page_size: int = 100
    batch_size: int = 256
    max_problem_rows: int = 1000


@dataclass
class _Overview:
    """Counters over every article and manifest row."""

    stats: DatasetStats = field(default_factory=DatasetStats)
    statuses: Counter = field(default_factory=Counter)
    problems: list[dict] = field(default_factory=list)


def _ranked(counter: Counter) -> list[tuple[str, int]]:
    return sorted(((str(k), n) for k, n in counter.items()), key=lambda kv: (-kv[1], kv[0]))


def iter_records(out_dir: Path, batch_size: int = 256) -> Iterator[dict[str, Any]]:
    """The rows of the dataset folder's parquet shards, in order, one batch in memory.

    Columns of the record schema that a dataset lacks (a stage that was not run) read as
    null or empty; `id`, `source` and `text` must be there.
    """
    import pyarrow.parquet as pq

    from .document import record_schema

    defaults = {f.name: [] if str(f.type).startswith("list") else None for f in record_schema()}
    shards = _shards(out_dir)
    if not shards:
        raise DatasetError(f"{out_dir}: no parquet files under data/ (is it a dataset folder?)")
    for shard in shards:
        try:
            parquet = pq.ParquetFile(shard)
            missing = {"id", "source", "text"} - set(parquet.schema_arrow.names)
            if missing:
                raise DatasetError(f"{shard}: no column {', '.join(sorted(missing))}")
            for batch in parquet.iter_batches(batch_size=batch_size):
                for row in batch.to_pylist():
                    yield {**defaults, **row}
        except (OSError, ValueError) as exc:  # pyarrow's errors for broken files
            raise DatasetError(f"{shard}: cannot read parquet ({exc})") from exc


def _shards(out_dir: Path) -> list[Path]:
    return sorted((out_dir / DATA_DIR).glob("*.parquet"))


def _count_rows(out_dir: Path) -> int | None:
    """The number of rows from the shards' footers (None when one cannot be read)."""
    import pyarrow.parquet as pq

    try:
        return sum(pq.read_metadata(p).num_rows for p in _shards(out_dir))
    except (OSError, ValueError):
        return None


def _read_manifest(out_dir: Path, overview: _Overview, limit: int) -> dict[str, str]:
    """Count the manifest's statuses, keep the first `limit` problem rows, and return the
    SHA-256 of every kept input by source.
    """
    path = out_dir / "manifest.jsonl"
    hashes: dict[str, str] = {}
    if not path.exists():
        return hashes
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DatasetError(f"{path}:{number}: not a JSON line ({exc.msg})") from exc
            status = str(row.get("status", "unknown"))
            overview.statuses[status] += 1
            if status == "kept" and row.get("sha256"):
                hashes[str(row.get("source"))] = str(row["sha256"])
            elif status != "kept" and len(overview.problems) < limit:
                overview.problems.append(row)
    return hashes


@dataclass(frozen=True)
class _RawFolder:
    """The folder a dataset was built from, checked against the manifest's hashes."""

    root: Path
    sha256: dict[str, str]

    def text(self, source: str) -> tuple[str | None, str]:
        """The decoded raw text of `source`, or None and why not."""
        from .read import document_from_bytes

        if _JSON_LINE.search(source):
            return None, "its input is one line of a JSON-lines file"
        path = (self.root / source).resolve()
        if not path.is_relative_to(self.root.resolve()):
            return None, "its source is outside the raw folder"
        try:
            data = path.read_bytes()
        except OSError:
            return None, "its raw file is missing"
        expected = self.sha256.get(source)
        if expected and hashlib.sha256(data).hexdigest() != expected:
            return None, "its raw file changed since the build"
        try:
            return document_from_bytes(data, source).raw, ""
        except HzcorpusError:
            return None, "its raw file cannot be read"


def _paragraph_lines(record: dict, raw: _RawFolder | None) -> tuple[list[int], str]:
    """Raw line numbers of the kept paragraphs and how they were found."""
    text = record["text"] or ""
    paragraphs = text.split("\n") if text else []
    removed = {r["line"] for r in record["removed"] or [] if r["line"] is not None}
    if record["format"] == "html":
        # the HTML cleaner numbers the page in reading order, a paragraph or a removed block
        # a line: the paragraphs fill the numbers not removed (`hzcorpus.html_order`)
        how = "by line number in the page's reading order"
        return lines_not_removed(len(paragraphs), removed), how
    if raw is None:
        why = "pass --raw RAW_DIR to place them by matching"
    else:
        raw_text, why = raw.text(record["source"])
        if raw_text is not None:
            how = "by matching the paragraphs against the raw file"
            return matched_paragraph_lines(raw_text, paragraphs, removed), how
    how = f"approximately, paragraphs assumed on the raw lines not removed ({why})"
    return lines_not_removed(len(paragraphs), removed), how


def _page_name(record_id: str, used: set[str]) -> str:
    """A file name for an article page: its id when safe, made unique in the run."""
    base = record_id if _SAFE_NAME.fullmatch(record_id or "") else "article"
    name, n = f"{base}.html", 1
    while name in used:
        n += 1
        name = f"{base}-{n}.html"
    used.add(name)
    return name


def _prepare(index: Path, folder: Path) -> Path:
    """A fresh temporary folder beside `folder`; refuses to replace a foreign index file
    or article folder.
    """
    if index.exists():
        with index.open("rb") as head:
            ours = f'content="{GENERATOR}"'.encode() in head.read(2048)
        if not ours:
            raise HzcorpusError(f"{index} exists and was not written by hzcorpus review")
    if folder.exists() and not (folder / MARKER).exists():
        raise HzcorpusError(f"{folder} exists and was not written by hzcorpus review")
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir(parents=True)
        (tmp / MARKER).write_text("article pages written by hzcorpus review\n", encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise HzcorpusError(f"{index.parent}: cannot write the review ({reason})") from exc
    return tmp


def render_review(out_dir: str | Path, options: ReviewOptions = ReviewOptions()) -> Path:
    """Write the review pages of the dataset folder `out_dir`; returns the index file."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise DatasetError(f"{out_dir}: no such dataset folder")
    if options.raw is not None and not Path(options.raw).is_dir():
        raise InputError(f"{options.raw}: no such raw folder")
    index = Path(options.html or out_dir.parent / f"{out_dir.name}-review" / "index.html")
    if out_dir.resolve() in index.resolve().parents:
        raise HzcorpusError(f"{index}: the review must be outside the dataset folder {out_dir}")
    folder = index.with_name(f"{index.stem}_articles")
    tmp = _prepare(index, folder)
    try:
        overview = _Overview()
        hashes = _read_manifest(out_dir, overview, options.max_problem_rows)
        raw = None if options.raw is None else _RawFolder(Path(options.raw), hashes)
        table = _write_articles(out_dir, tmp, (index.name, folder.name), overview, raw, options)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if folder.exists():
        shutil.rmtree(folder)
    tmp.rename(folder)
    html = _index_html(out_dir, index, overview, table)
    part = index.with_name(index.name + ".tmp")
    part.write_text(html, encoding="utf-8")
    os.replace(part, index)
    return index


def _named(records: Iterator[dict]) -> Iterator[tuple[str, dict]]:
    used: set[str] = set()
    for record in records:
        yield _page_name(record["id"], used), record


def _with_next(items: Iterator[tuple[str, dict]]) -> Iterator[tuple[str, dict, str | None]]:
    """Each (name, record) with the next item's name (None for the last)."""
    previous = next(items, None)
    for item in items:
        yield *previous, item[0]
        previous = item
    if previous is not None:
        yield *previous, None


def _write_articles(
    out_dir: Path,
    tmp: Path,
    names: tuple[str, str],
    overview: _Overview,
    raw: _RawFolder | None,
    options: ReviewOptions,
) -> dict[str, Any]:
    """Write one page per row into `tmp` and count it in `overview`; return the index
    table's data. `names` are the index file's and the article folder's.
    """
    index_name, folder_name = names
    rows: list[list[Any]] = []
    prev = None
    records = with_progress(
        iter_records(out_dir, options.batch_size),
        _count_rows(out_dir),
        "article",
        "review",
        quiet=not options.progress,
    )
    for name, record, next_name in _with_next(_named(iter(records))):
        lines, how = _paragraph_lines(record, raw)
        nav = {"index": f"../{index_name}", "prev": prev, "next": next_name}
        (tmp / name).write_text(article_page(record, lines, how, nav), encoding="utf-8")
        prev = name

        flags = record["flags"] or []
        removed = record["removed"] or []
        overview.stats.add(record)
        keys = {f"flag: {s['rule']}" for s in flags} | {f"removed: {r['rule']}" for r in removed}
        title = record["title"] or ""
        language = record["language"] or "und"
        rows.append([name, title, record["source"], language, len(flags), len(removed)])
        rows[-1] += [int(bool(record["translation"])), keys]
    rules = sorted({key for row in rows for key in row[7]})
    number = {key: i for i, key in enumerate(rules)}
    for row in rows:
        row[7] = sorted(number[key] for key in row[7])
    table = {
        "folder": folder_name,
        "page_size": options.page_size,
        "rules": rules,
        "languages": _ranked(overview.stats.languages),
        "rows": rows,
    }
    return table


def _read_build_json(out_dir: Path) -> dict[str, Any]:
    try:
        summary = json.loads((out_dir / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return summary if isinstance(summary, dict) else {}


def _index_html(out_dir: Path, index: Path, overview: _Overview, table: dict) -> str:
    stats = overview.stats
    n = stats.rows
    statuses = overview.statuses
    summary: dict[str, Any] = {
        "articles": n,
        "languages": len(stats.languages),
        "translated (of the non-English)": stats.translated_share(),
        "flags": sum(stats.flag_kinds.values()),
        "removed lines": sum(stats.removed_rules.values()),
    }
    if statuses:
        summary["inputs in the manifest"] = sum(statuses.values())
        for status in ("duplicate", "failed", "skipped"):
            summary[status] = statuses.get(status, 0)
    else:
        summary["manifest"] = "none"
    rule_number = {rule: i for i, rule in enumerate(table["rules"])}

    def rule_link(prefix: str) -> Callable[[str], str]:
        return lambda rule: f"#rule={rule_number[prefix + rule]}"

    def nothing(label: str) -> None:
        return None

    charts = [
        ("Articles per language", _ranked(stats.languages), lambda lang: f"#lang={lang}"),
        ("Flags per kind", _ranked(stats.flag_kinds), nothing),
        ("Flags per rule", _ranked(stats.flag_rules), rule_link("flag: ")),
        ("Removed lines per rule", _ranked(stats.removed_rules), rule_link("removed: ")),
        (
            "Translation",
            [
                ("machine-translated", stats.translated),
                ("not translated", stats.not_english - stats.translated),
                ("in English already", stats.english),
            ],
            nothing,
        ),
        ("Inputs per status (manifest)", _ranked(statuses), nothing),
    ]
    n_problems = sum(v for k, v in statuses.items() if k != "kept")
    card = out_dir / "README.md"
    card_href = Path(os.path.relpath(card, index.parent)).as_posix() if card.exists() else None
    return index_page(
        out_dir.name,
        stats=summary,
        charts=charts,
        problems=overview.problems if statuses else None,
        n_problems=n_problems,
        build=build_section(_read_build_json(out_dir), card_href),
        table=table,
    )
