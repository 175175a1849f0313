"""The other fields of a JSON-lines record: known ones become columns, the rest `meta`.

A JSON line carries its article in `html` (or `text`); everything else it holds is kept.
`KNOWN_FIELDS` maps the fields that are record columns to the `Document` attribute they
fill (`lang` is the language the record declares: `lang_hint`); a known field whose value
is not a string (an `author` list of strings is joined with "; ") and every other field go
to `meta`, a dict written as compact JSON with sorted keys (`document.meta_json`). Nothing
of a record is silently dropped: the article field is the text, the rest is here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .document import Document

#: JSON-line field -> the Document attribute (and record column) it fills.
KNOWN_FIELDS: dict[str, str] = {
    "url": "url",
    "title": "title",
    "published": "published",
    "author": "author",
    "sitename": "sitename",
    "lang": "lang_hint",
}
#: Fields that may hold the article, in the order they are looked for, with the format
#: each forces (None: sniffed from the content).
CONTENT_FIELDS: tuple[tuple[str, str | None], ...] = (("html", "html"), ("text", None))


def content_field(record: dict[str, Any]) -> tuple[str, str | None] | None:
    """The (field, forced format) that holds the record's article, or None."""
    return next(((k, f) for k, f in CONTENT_FIELDS if isinstance(record.get(k), str)), None)


def other_fields(record: dict[str, Any], used: str) -> dict[str, Any]:
    """Every field of `record` but the article field `used`."""
    return {key: value for key, value in record.items() if key != used}


def apply_fields(doc: Document, fields: dict[str, Any]) -> Document:
    """`doc` with the known fields as attributes and the others in `meta`."""
    known: dict[str, str] = {}
    meta: dict[str, Any] = {}
    for key, value in fields.items():
        text = _as_text(value) if key in KNOWN_FIELDS else None
        if text is None:
            meta[key] = value
        elif text:
            known[KNOWN_FIELDS[key]] = text
    return replace(doc, meta={**doc.meta, **meta}, **known)


def _as_text(value: Any) -> str | None:
    """A column value: a string (whitespace collapsed), or a list of strings joined with
    "; "; None for anything else (it goes to `meta`)."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "; ".join(" ".join(v.split()) for v in value)
    return None
