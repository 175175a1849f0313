"""The inputs of a build: listing RAW_DIR into items, and loading one item's bytes.

Files are listed sorted by their relative path; a `.jsonl` file whose first line is a JSON
object (`read.is_json_lines`, the same test the one-article commands use) gives one item per
non-blank line, any other listed file one item. Files that are not read (hidden, other
extensions, symlinked folders) are items too, with the reason they are skipped, so that
every input ends in the manifest.

An item holds a reference to its bytes (a path, and for a JSON line its byte offset and
length), never the bytes themselves, and the listing is streamed one folder at a time:
listing millions of inputs holds little memory. `count_inputs` counts them without
listing (for the progress bar).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .read import ReadOptions, is_json_lines, read_bytes
from .record_fields import content_field, other_fields

#: Extensions read as articles; any other file is recorded as skipped.
ARTICLE_EXTENSIONS = (".txt", ".html", ".htm")
JSONL_EXTENSIONS = (".jsonl",)
#: Lines of a `.jsonl` file looked at to decide whether it is JSON lines (as `is_json_lines`).
SNIFF_LINES = 20
#: A JSON line's own `id` that can name it in its source: a plain token, not `L<n>`.
LINE_ID = re.compile(r"(?!L\d+$)[^\s#\ud800-\udfff]{1,200}")


@dataclass(frozen=True)
class InputItem:
    """One input: a file, one line of a JSON-lines file, or a file not read (`skip`).

    `index` is its place in input order; `source` names it in the dataset and manifest
    (always valid UTF-8: bytes of a file name that are not are written as `\\xNN`);
    `path` is the file (in the file system's own encoding). A JSON line is `length` bytes at
    `offset` of its file.
    """

    index: int
    source: str
    path: str = ""
    offset: int = -1
    length: int = 0
    skip: str | None = None

    @property
    def is_line(self) -> bool:
        """Whether the item is one line of a JSON-lines file."""
        return self.offset >= 0


def source_name(relative: str) -> str:
    """A relative path as a valid UTF-8 string: undecodable bytes of a file name as `\\xNN`."""
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def list_files(raw_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every file under `raw_dir` as (POSIX path relative to it, path), sorted by the first.

    Streamed one folder at a time (memory: the names of the largest folder and of the
    folders above it). Hidden folders are not entered and symlinked folders not followed;
    they are listed (and later recorded as skipped) instead.
    """
    stack = [iter(_folder(raw_dir, ""))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry[0].endswith("/"):
            stack.append(iter(_folder(entry[1], entry[0])))
        else:
            yield entry


def _folder(folder: Path, prefix: str) -> list[tuple[str, Path]]:
    """The entries of one folder as (relative path, path), a folder to enter with a
    trailing `/`: sorted so, the walk lists every file in the order of its whole path."""
    entries = []
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                name, path = entry.name, folder / entry.name
                try:
                    enter = not name.startswith(".") and entry.is_dir() and not entry.is_symlink()
                except OSError:
                    enter = False
                entries.append((f"{prefix}{name}/" if enter else f"{prefix}{name}", path))
    except OSError:  # an unreadable folder is not entered (as `os.walk`)
        return []
    return sorted(entries)


def skip_reason(path: Path) -> str | None:
    """Why a listed file is not read, or None when it is."""
    name = path.name
    if path.is_dir():
        what = "hidden folder" if name.startswith(".") else "symlinked folder"
        return f"{what}, not entered"
    if name.startswith("."):
        return "hidden file"
    if not path.is_file():
        return "not a regular file"
    if path.suffix.lower() not in ARTICLE_EXTENSIONS + JSONL_EXTENSIONS:
        suffix = _printable(source_name(path.suffix.lower())) or "(none)"
        return f"extension {suffix} is not one of .txt .html .htm .jsonl"
    return None


def _printable(text: str) -> str:
    """`text` with each character that is not printable (a newline, a control character)
    escaped as Python writes it, so that a reason stays one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def sniff_json_lines(path: Path) -> bool:
    """Whether a `.jsonl` file is JSON lines: `read.is_json_lines` on its first lines."""
    try:
        with path.open("rb") as fh:
            head = b"".join(fh.readline() for _ in range(SNIFF_LINES))
    except OSError:
        return False  # read as one article: its read fails with the reason
    return is_json_lines(head.decode("utf-8-sig", "replace"))


def iter_inputs(raw_dir: Path) -> Iterator[InputItem]:
    """The input items under `raw_dir`, in input order (files sorted by path, lines in order),
    streamed as they are listed."""
    index = 0
    for rel, path in list_files(raw_dir):
        reason = skip_reason(path)
        source = source_name(rel)
        if _holds_json_lines(path, reason):
            for item in _json_line_items(index, source, path):
                yield item
                index += 1
            continue
        yield InputItem(index, source, str(path), skip=reason)
        index += 1


def count_inputs(raw_dir: Path) -> int:
    """How many items `iter_inputs` gives, by walking the folder again: no list held, and
    JSON lines counted, not parsed."""
    count = 0
    for _rel, path in list_files(raw_dir):
        # any other file is one item, read or skipped: no need to look at it
        if path.suffix.lower() not in JSONL_EXTENSIONS or not _holds_json_lines(
            path, skip_reason(path)
        ):
            count += 1
            continue
        with contextlib.suppress(OSError), path.open("rb") as fh:
            count += sum(1 for line in fh if line.strip())
    return count


def _holds_json_lines(path: Path, skip: str | None) -> bool:
    """Whether a listed file is read as JSON lines (one item per non-blank line)."""
    return skip is None and path.suffix.lower() in JSONL_EXTENSIONS and sniff_json_lines(path)


def _json_line_items(index: int, source: str, path: Path) -> Iterator[InputItem]:
    """The items of a JSON-lines file: `source#<id>` for a line whose string `id` is a plain
    token not used by an earlier line of the file, else `source#L<line number>`."""
    used: set[str] = set()
    offset = 0
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            id_ = None
            if b'"id"' in line:  # parse only lines that may have an id here
                with contextlib.suppress(ValueError, RecursionError):
                    obj = json.loads(line)
                    id_ = obj.get("id") if isinstance(obj, dict) else None
            if isinstance(id_, str) and LINE_ID.fullmatch(id_) and id_ not in used:
                used.add(id_)
                name = f"{source}#{id_}"
            else:
                name = f"{source}#L{number}"
            yield InputItem(index, name, str(path), offset=start, length=len(line))
            index += 1


def item_article(item: InputItem, options: ReadOptions) -> tuple[bytes, str | None, dict[str, Any]]:
    """The article bytes of an item, the format its JSON field forces (`html`), if any, and
    a JSON line's other fields (`record_fields`): a file's bytes, or a JSON line's `html`
    (else `text`) field."""
    if not item.is_line:
        return read_bytes(item.path, options), None, {}
    try:
        with open(item.path, "rb") as fh:
            fh.seek(item.offset)
            line = fh.read(item.length)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"not valid JSON: {' '.join(str(exc).split())[:200]}") from None
    found = content_field(obj) if isinstance(obj, dict) else None
    if found is None:
        raise InputError("JSON line has no string `text` or `html` field")
    key, fmt = found
    # a lone surrogate (`"\ud800"`) is not text: replaced, not fatal
    return obj[key].encode("utf-8", "replace"), fmt, other_fields(obj, key)


def item_sha256(data: bytes, fields: dict[str, Any]) -> str:
    """The content hash of an item: its article bytes, and a JSON line's other fields (so
    that a changed field is not taken from the resume cache)."""
    digest = hashlib.sha256(data)
    if fields:
        digest.update(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()
