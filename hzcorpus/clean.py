"""Boilerplate removal (first cut: title line and blank lines; the line rules come next)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .document import Document, Removed


@dataclass(frozen=True)
class CleanOptions:
    """How articles are cleaned."""

    keep_title_in_text: bool = False


def clean_document(doc: Document, options: CleanOptions = CleanOptions()) -> Document:
    """Fill `title`, `text` and `removed` from `doc.raw`."""
    lines = [(i, line.strip()) for i, line in enumerate(doc.raw.split("\n")) if line.strip()]
    title = lines[0][1] if lines else None
    body = lines if options.keep_title_in_text else lines[1:]
    removed = [Removed(i, t, "title", "the title goes to `title`") for i, t in lines[:1]]
    return replace(doc, title=title, text="\n".join(t for _, t in body), removed=removed)
