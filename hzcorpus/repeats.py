"""Lines repeated across a build: a line kept on `min_docs` documents or more is furniture.

The cleaner sees one page; a build sees all of them. A newsletter box, a show list or a
site's slogan that the line rules let through is kept on many pages of a build, an
article's own lines on one (CCNet drops the paragraphs repeated across a shard, datatrove
has line dedup steps for the same reason). A repeat build (`BuildOptions.repeats`) first
cleans every input and counts each normalised kept line (`norm`) once per distinct text
(`RepeatCounter`), then builds as usual with `RepeatStep` after cleaning: the lines of the
counted table (`RepeatTable`) move from the text to `removed`, rule `corpus-repeat`, with
their count in the reason. Prose lines stay (`is_prose`): the sentences of a story that
several sites carry are the article on each of them; so do short lines (`MIN_CHARS`),
headings such as "Conclusion" that many articles have.

Counting holds hashes, never texts: 8 bytes per (document, distinct line), spilled to
`BUCKETS` files under the build's work folder; memory is the spill buffer
(`SPILL_HASHES` hashes), the digests of the texts counted (exact duplicates count once,
as the reduce phase keeps one), one bucket while it is counted, and the table (12 bytes
per repeated line).
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from .document import Document, Removed
from .steps import Step
from .words import count_words

if TYPE_CHECKING:
    import numpy as np

#: The rule id of a line removed as a repeat across the build.
RULE = "corpus-repeat"
#: Spill files of the count (2 ** BUCKET_BITS); a hash goes to the bucket of its top bits.
BUCKET_BITS = 6
BUCKETS = 1 << BUCKET_BITS
#: Hashes held before they are spilled to the bucket files (8 MB).
SPILL_HASHES = 1 << 20
#: A line of this many words (`words.count_words`: a Chinese or Japanese character is one)
#: or more that ends a sentence is prose, never a repeat.
PROSE_WORDS = 8
#: Shorter normalised lines are never repeats: a heading ("Introduction", "References")
#: recurs across a build's articles as much as a share label does.
MIN_CHARS = 20

_DIGITS = re.compile(r"\d")
#: A sentence's end, closing quotes and brackets after it (CJK ones too); not "…", which
#: ends a teaser cut short rather than a sentence.
_SENTENCE_ENDS = frozenset(".!?。！？")
_CLOSERS = "'\"”’»)）」』"


def norm(line: str) -> str:
    """A line as repeats are counted: casefolded, digits as 0, whitespace squeezed."""
    return " ".join(_DIGITS.sub("0", line.casefold()).split())


def is_prose(line: str) -> bool:
    """A sentence: `PROSE_WORDS` words or more, ending in sentence punctuation (the cheap
    test first)."""
    return ends_sentence(line) and count_words(line) >= PROSE_WORDS


def ends_sentence(line: str) -> bool:
    """Whether `line` ends in sentence punctuation, closing quotes and brackets after it."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS


def line_hash(normed: str) -> int:
    """The 64-bit hash a normalised line is counted by (BLAKE2b: the same in every process)."""
    return int.from_bytes(hashlib.blake2b(normed.encode("utf-8"), digest_size=8).digest(), "big")


def repeatable(line: str) -> str | None:
    """The normalised line when a repeat may remove it (not prose, `MIN_CHARS` long)."""
    if is_prose(line):  # first: most of a text's lines are, and norm costs more
        return None
    normed = norm(line)
    return normed if len(normed) >= MIN_CHARS else None


def counted_lines(text: str) -> set[int]:
    """The hashes of a text's lines that a repeat may remove (`repeatable`)."""
    return {line_hash(n) for line in text.split("\n") if (n := repeatable(line))}


class RepeatTable:
    """The normalised lines kept on `min_docs` distinct texts or more of a build: their
    hashes (sorted) and counts, and a `digest` of both (the table's part of the build's
    options fingerprint)."""

    def __init__(self, min_docs: int, hashes: np.ndarray, counts: np.ndarray) -> None:
        self.min_docs, self.hashes, self.counts = min_docs, hashes, counts
        digest = hashlib.sha256(f"{min_docs}\0".encode())
        digest.update(hashes.tobytes())
        digest.update(counts.tobytes())
        self.digest = digest.hexdigest()[:16]

    @classmethod
    def empty(cls, min_docs: int) -> RepeatTable:
        """A table without lines (a build's steps before the count)."""
        import numpy as np

        return cls(min_docs, np.zeros(0, np.uint64), np.zeros(0, np.uint32))

    def __len__(self) -> int:
        return len(self.hashes)

    def __repr__(self) -> str:  # the fingerprint's view: stable, short
        return f"RepeatTable(min_docs={self.min_docs}, lines={len(self)}, digest={self.digest})"

    def count(self, line: str) -> int:
        """How many texts keep `line` when it is in the table, else 0."""
        return self.counts_of([line])[0]

    def counts_of(self, lines: list[str]) -> list[int]:
        """`count` of each line, the table searched once for all of them."""
        found = [0] * len(lines)
        if not len(self.hashes):
            return found
        keyed = [(i, line_hash(n)) for i, line in enumerate(lines) if (n := repeatable(line))]
        if not keyed:
            return found
        import numpy as np

        keys = np.fromiter((key for _, key in keyed), np.uint64, len(keyed))
        at = np.minimum(np.searchsorted(self.hashes, keys), len(self.hashes) - 1)
        for (i, _), hit, n in zip(keyed, self.hashes[at] == keys, self.counts[at], strict=True):
            if hit:
                found[i] = int(n)
        return found


class RepeatCounter:
    """Counts each text's distinct lines (`counted_lines`) once per distinct text, spilling
    the hashes to `BUCKETS` files in `folder`; `table` gives the lines of `min_docs` texts
    or more. The result does not depend on the order texts are added in."""

    def __init__(self, folder: Path, spill: int = SPILL_HASHES) -> None:
        self.folder, self.spill = folder, spill
        self._seen: set[bytes] = set()
        self._held = array("Q")  # 8 bytes a hash
        folder.mkdir(parents=True, exist_ok=True)
        for path in self._paths():
            path.write_bytes(b"")

    def _paths(self) -> list[Path]:
        return [self.folder / f"bucket-{b:02d}.u64" for b in range(BUCKETS)]

    def add(self, text: str) -> None:
        """Count one kept text (an exact duplicate of one counted before counts nothing)."""
        key = hashlib.sha256(text.encode("utf-8")).digest()
        if key in self._seen:
            return
        self._seen.add(key)
        self._held.extend(counted_lines(text))
        if len(self._held) >= self.spill:
            self._flush()

    def add_all(self, texts: Iterable[str]) -> None:
        """`add` each text."""
        for text in texts:
            self.add(text)

    def _flush(self) -> None:
        import numpy as np

        held = np.frombuffer(self._held, dtype=np.uint64).copy()
        self._held = array("Q")
        bucket = (held >> np.uint64(64 - BUCKET_BITS)).astype(np.int64)
        order = np.argsort(bucket, kind="stable")
        bounds = np.searchsorted(bucket[order], np.arange(BUCKETS + 1))
        for b, path in enumerate(self._paths()):
            part = held[order[bounds[b] : bounds[b + 1]]]
            if len(part):
                with path.open("ab") as fh:
                    fh.write(part.tobytes())

    def table(self, min_docs: int) -> RepeatTable:
        """The lines counted on `min_docs` texts or more (the buckets counted one at a time)."""
        import numpy as np

        self._flush()
        hashes, counts = [], []
        for path in self._paths():  # buckets by top bits: their hashes in ascending order
            values, n = np.unique(np.fromfile(path, dtype=np.uint64), return_counts=True)
            keep = n >= min_docs
            hashes.append(values[keep])
            counts.append(n[keep].astype(np.uint32))
        return RepeatTable(min_docs, np.concatenate(hashes), np.concatenate(counts))


def kept_line_numbers(doc: Document) -> list[int]:
    """The input line number of each of `doc`'s text lines, on `Removed.line`'s base.

    HTML: the kept paragraphs fill the numbers that no removal has. Page-text dumps: each
    kept line is the next input line (whitespace squeezed) that is the line, holds it (part
    of a line removed) or starts it (a lone bullet joined to its item), skipping the input
    lines removed whole; a line found nowhere after the previous one takes the number
    after it, and the lines after it are still looked for from there.
    """
    texts = doc.paragraphs
    taken = {r.line for r in doc.removed}
    if doc.format == "html":
        free = (n for n in range(len(texts) + len(taken) + 1) if n not in taken)
        return [next(free) for _ in texts]
    raw = [_squeezed(line) for line in doc.raw.split("\n")]
    whole = {r.line for r in doc.removed if r.line < len(raw) and _squeezed(r.text) == raw[r.line]}
    numbers, at = [], 0
    for text in map(_squeezed, texts):
        j = at
        while j < len(raw) and (j in whole or not _source_of(raw[j], text)):
            j += 1
        if j < len(raw):
            numbers.append(j)
            at = j + 1
        else:  # found nowhere: the lines after it are still looked for from `at`
            numbers.append(at)
    return numbers


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _source_of(line: str, text: str) -> bool:
    """Whether a kept text comes from an input line: the line, part of it, or a lone
    bullet joined to the item after it."""
    return bool(line) and (text.startswith(line) or text in line)


@dataclass(frozen=True)
class RepeatStep(Step):
    """Moves the lines of `table` (kept on `min_docs` texts or more of the build) from the
    text to `removed` (rule `corpus-repeat`, the count in the reason)."""

    table: RepeatTable
    name: ClassVar[str] = "repeats"

    def process(self, doc: Document) -> Document:
        texts = doc.paragraphs
        counts = self.table.counts_of(texts)
        if not any(counts):
            return doc
        numbers = kept_line_numbers(doc)
        kept, removed = [], list(doc.removed)
        for no, text, n in zip(numbers, texts, counts, strict=True):
            if n:
                why = f"kept on {n} documents of the build (at least {self.table.min_docs})"
                removed.append(Removed(no, text, RULE, why))
            else:
                kept.append(text)
        removed.sort(key=lambda r: r.line)
        return replace(doc, text="\n".join(kept), removed=removed)
