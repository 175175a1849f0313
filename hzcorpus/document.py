"""The record schema: `Document` and its spans, defined once for every stage and the dataset.

A stage takes documents and returns them with more filled in. Detectors never edit text:
`flags` are spans into `text`, and `removed` keeps every line the cleaner dropped with the
rule that dropped it, so the dataset carries its own audit trail.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .words import count_words

if TYPE_CHECKING:
    import pyarrow as pa

#: Redaction flag kinds. A new kind is added here so that the schema's count columns follow.
FLAG_KINDS: tuple[str, ...] = ("missing-number", "placeholder", "vague-date", "missing-name")


@dataclass(frozen=True)
class Span:
    """A flagged stretch of `Document.text`: `text[start:end] == match`."""

    start: int
    end: int
    kind: str
    rule: str
    match: str
    score: float = 1.0


@dataclass(frozen=True, init=False)
class Removed:
    """A line (or part of one) the cleaner removed, with the rule that removed it and why.

    `line` is 0-based. Page-text dumps: the line of the decoded input. HTML: the line of
    the page in reading order, where the article's paragraphs and the removed blocks each
    take one line (`hzcorpus.html_order`), so the kept paragraphs fill the numbers that no
    removal has.
    """

    line: int
    text: str
    rule: str
    reason: str

    def __init__(self, line: int, text: str, rule: str, reason: str) -> None:
        # a frozen dataclass's own __init__ sets each field through object.__setattr__,
        # 2x the time of this one; a page-text dump makes dozens of these
        fields = self.__dict__
        fields["line"], fields["text"], fields["rule"], fields["reason"] = line, text, rule, reason


@dataclass(frozen=True)
class LanguageScore:
    """One language candidate: ISO 639-1 code (or `und`) and its probability."""

    lang: str
    score: float


@dataclass
class Document:
    """One article on its way through the pipeline; `to_record()` gives its dataset row."""

    source: str
    raw: str = ""
    id: str = ""
    format: str = "text"
    encoding: str = "utf-8"
    title: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    lang_hint: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    language: str | None = None
    language_score: float | None = None
    language_candidates: list[LanguageScore] = field(default_factory=list)
    paragraph_languages: list[LanguageScore] = field(default_factory=list)
    flags: list[Span] = field(default_factory=list)
    text_en: str | None = None
    translation: dict[str, Any] | None = None
    translation_note: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        """The cleaned text's paragraphs (one per line)."""
        return self.text.split("\n") if self.text else []

    def flag_counts(self) -> dict[str, int]:
        """Number of flags per kind, every kind of FLAG_KINDS present."""
        counts = dict.fromkeys(FLAG_KINDS, 0)
        for span in self.flags:
            counts[span.kind] = counts.get(span.kind, 0) + 1
        return counts

    def to_record(self) -> dict[str, Any]:
        """The dataset row: every column of `record_schema()`, plain Python values."""
        return {
            "id": self.id,
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.title,
            "published": self.published,
            "author": self.author,
            "sitename": self.sitename,
            "url": self.url,
            "lang_hint": self.lang_hint,
            "meta": meta_json(self.meta),
            "text": self.text,
            "language": self.language,
            "language_score": self.language_score,
            "language_candidates": [_score_row(c) for c in self.language_candidates],
            "paragraph_languages": [_score_row(c) for c in self.paragraph_languages],
            "text_en": self.text_en,
            "translation": self.translation,
            "translation_note": self.translation_note,
            "flags": [_span_row(s) for s in self.flags],
            "removed": [_removed_row(r) for r in self.removed],
            "n_paragraphs": self.text.count("\n") + 1 if self.text else 0,
            "n_words": count_words(self.text),
            "n_removed": len(self.removed),
            "n_flags": len(self.flags),
            "flag_counts": {k.replace("-", "_"): v for k, v in self.flag_counts().items()},
        }


# The rows of the nested columns, built field by field: `dataclasses.asdict` deep-copies
# through every value and was a tenth of a build's time. Same keys, same order, same values.
def _score_row(score: LanguageScore) -> dict[str, Any]:
    return {"lang": score.lang, "score": score.score}


def _span_row(span: Span) -> dict[str, Any]:
    return {
        "start": span.start,
        "end": span.end,
        "kind": span.kind,
        "rule": span.rule,
        "match": span.match,
        "score": span.score,
    }


def _removed_row(removed: Removed) -> dict[str, Any]:
    return {
        "line": removed.line,
        "text": removed.text,
        "rule": removed.rule,
        "reason": removed.reason,
    }


def meta_json(meta: dict[str, Any]) -> str | None:
    """The `meta` column: the input's other fields as compact JSON with sorted keys (the
    same fields give the same bytes), or None when there are none."""
    if not meta:
        return None
    return json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_id(data: bytes) -> str:
    """A stable id derived from content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def record_schema() -> pa.Schema:  # pyarrow is imported lazily: it is slow to import
    """The Arrow schema of a dataset row; parquet files and the dataset card follow it."""
    import pyarrow as pa

    language = pa.struct([("lang", pa.string()), ("score", pa.float64())])
    translation = pa.struct(
        [
            ("package", pa.string()),
            ("version", pa.string()),
            ("beam", pa.int32()),
            ("compute_type", pa.string()),
            ("splitter", pa.string()),
        ]
    )
    span = pa.struct(
        [
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("kind", pa.string()),
            ("rule", pa.string()),
            ("match", pa.string()),
            ("score", pa.float64()),
        ]
    )
    removed = pa.struct(
        [
            ("line", pa.int32()),
            ("text", pa.string()),
            ("rule", pa.string()),
            ("reason", pa.string()),
        ]
    )
    counts = pa.struct([(k.replace("-", "_"), pa.int32()) for k in FLAG_KINDS])
    return pa.schema(
        [
            ("id", pa.string()),
            ("source", pa.string()),
            ("format", pa.string()),
            ("encoding", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("author", pa.string()),
            ("sitename", pa.string()),
            ("url", pa.string()),
            ("lang_hint", pa.string()),
            ("meta", pa.string()),
            ("text", pa.string()),
            ("language", pa.string()),
            ("language_score", pa.float64()),
            ("language_candidates", pa.list_(language)),
            ("paragraph_languages", pa.list_(language)),
            ("text_en", pa.string()),
            ("translation", translation),
            ("translation_note", pa.string()),
            ("flags", pa.list_(span)),
            ("removed", pa.list_(removed)),
            ("n_paragraphs", pa.int32()),
            ("n_words", pa.int32()),
            ("n_removed", pa.int32()),
            ("n_flags", pa.int32()),
            ("flag_counts", counts),
        ]
    )
