"""hzcorpus: scraped news pages to a clean, translated, audited Hugging Face dataset.

The public API is re-exported here and imported lazily, so that `import hzcorpus` stays
cheap and a stage's heavy libraries load only when that stage is used::

    import hzcorpus
    doc = hzcorpus.read_document("raw/002_x.txt")
    doc = hzcorpus.clean_document(doc)
    doc = hzcorpus.detect_document(doc)
    doc = hzcorpus.flag_document(doc)
    hzcorpus.build("raw", "clean")
    ds = hzcorpus.load("clean")
"""

from __future__ import annotations

import importlib
from typing import Any

from .document import FLAG_KINDS, Document, LanguageScore, Removed, Span
from .errors import DatasetError, HzcorpusError, InputError, ModelError

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY: dict[str, str] = {
    "ReadOptions": "read",
    "read_document": "read",
    "document_from_bytes": "read",
    "CleanOptions": "clean",
    "clean_document": "clean",
    "HtmlOptions": "html",
    "extract_html": "html",
    "LanguageOptions": "language",
    "detect_language": "language",
    "detect_document": "language",
    "FlagOptions": "redaction",
    "find_flags": "redaction",
    "flag_document": "redaction",
    "damaged_paragraphs": "redaction",
    "undamaged_text": "redaction",
    "TranslateOptions": "translate",
    "Translator": "translate",
    "InstalledPackage": "packages",
    "install_package": "packages",
    "list_packages": "packages",
    "download_package": "package_index",
    "translate_documents": "translate",
    "BuildOptions": "builder",
    "build": "builder",
    "process_document": "builder",
    "write_dataset": "writer",
    "load": "dataset",
    "push": "hub",
    "read_manifest": "manifest",
    "ReviewOptions": "review",
    "render_review": "review",
}

__all__ = [
    "FLAG_KINDS",
    "DatasetError",
    "Document",
    "HzcorpusError",
    "InputError",
    "LanguageScore",
    "ModelError",
    "Removed",
    "Span",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'hzcorpus' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
