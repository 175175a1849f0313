"""Kept documents: a repeat build's second pass goes on from what its count pass cleaned.

The count pass reads and cleans every input once (`ReadStep(keep_raw=True)`, then clean)
and its chunk files keep each cleaned document: the dataset record, and a page-text dump's
raw text (the repeat step numbers the kept lines by it). The second pass hands the
executor `KeptItem`s instead of inputs; `KeptStep` starts each from its record, with the
count pass's trail, content hash and id, so that the remaining steps (repeats, language,
flags, translation) make the record the two-pass build made from a second read and clean,
and never read an input again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

from .document import Document, LanguageScore, Removed, Span
from .steps import ItemResult, SourceStep


@dataclass(frozen=True)
class KeptItem:
    """One input the count pass read and cleaned: its place in input order, its result row
    (`chunks.result_schema`: source, content hash, id, trail, record, raw)."""

    index: int
    source: str
    sha256: str | None
    id: str | None
    trail: tuple[tuple[str, str], ...]
    record: dict[str, Any]
    raw: str | None

    @classmethod
    def of(cls, index: int, row: dict[str, Any]) -> KeptItem:
        """The item of a count pass's row (status `ok`) at `index` in input order."""
        trail = tuple((t["step"], t["outcome"]) for t in row["trail"])
        return cls(
            index, row["source"], row["sha256"], row["id"], trail, row["record"], row.get("raw")
        )


def document_from_record(record: dict[str, Any], raw: str | None = None) -> Document:
    """The `Document` whose `to_record()` is `record` (`raw`: its raw text, not a column)."""
    meta = record["meta"]
    return Document(
        source=record["source"],
        raw=raw or "",
        id=record["id"],
        format=record["format"],
        encoding=record["encoding"],
        title=record["title"],
        published=record["published"],
        author=record["author"],
        sitename=record["sitename"],
        url=record["url"],
        lang_hint=record["lang_hint"],
        meta=json.loads(meta) if meta is not None else {},
        text=record["text"],
        removed=[Removed(r["line"], r["text"], r["rule"], r["reason"]) for r in record["removed"]],
        language=record["language"],
        language_score=record["language_score"],
        language_candidates=[LanguageScore(**c) for c in record["language_candidates"]],
        paragraph_languages=[LanguageScore(**c) for c in record["paragraph_languages"]],
        flags=[Span(**s) for s in record["flags"]],
        text_en=record["text_en"],
        translation=record["translation"],
        translation_note=record["translation_note"],
    )


@dataclass(frozen=True)
class KeptStep(SourceStep):
    """Starts a `KeptItem`: its document from the record, its trail, hash and id as the
    count pass left them (the trail gets no step of its own)."""

    name: ClassVar[str] = "kept"

    def start(self, item: KeptItem) -> ItemResult:
        return ItemResult(
            item.index,
            item.source,
            sha256=item.sha256,
            id=item.id,
            trail=list(item.trail),
            doc=document_from_record(item.record, item.raw),
        )
