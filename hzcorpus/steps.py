"""The Step protocol: every stage of a build as one small object (datatrove's `PipelineStep`).

A step has a `name`, the `libraries` it uses (their versions go into the card and
`build.json`), and `process(doc)` (or `process_batch(docs)` for steps that batch, such as
translation). It returns the document (a new one: inputs are not changed), or an `Outcome`
saying that the document goes no further: `dropped` by a filter, or `failed`, with the step
and a one-line reason. An exception is a failure of that step.

Every item of a build carries its `trail`: the outcome of each step it went through. Step
counts (forwarded, dropped, failed per step) are added up from the trails in one place
(`StepCounts.add_trail`), so reused results keep their counts. The statuses are the
manifest's: an outcome's status is what the manifest says of the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from .document import Document, content_id
from .errors import HzcorpusError
from .inputs import InputItem, item_article, item_sha256
from .read import ReadOptions, document_from_bytes
from .record_fields import apply_fields

if TYPE_CHECKING:
    from .clean import CleanOptions
    from .language import LanguageOptions
    from .redaction import FlagOptions
    from .translate import TranslateOptions

#: What a step did with a document (the step counts' columns).
FORWARDED, DROPPED, FAILED = "forwarded", "dropped", "failed"


@dataclass(frozen=True)
class Outcome:
    """A document that goes no further: `status` (dropped or failed), the step, the reason."""

    status: str
    step: str
    reason: str

    def describe(self) -> str:
        """The manifest's reason: `step: reason`."""
        return f"{self.step}: {self.reason}"


def one_line(exc: BaseException) -> str:
    """An exception as one line: hzcorpus's own message, else `Type: message`."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, HzcorpusError) else f"{type(exc).__name__}: {text}"


class Step:
    """One stage of a build. Subclasses set `name`, `libraries` and `process`."""

    name: ClassVar[str]
    libraries: ClassVar[tuple[str, ...]] = ()
    #: Whether the step works on batches of documents (run once per chunk of inputs).
    batched: ClassVar[bool] = False

    def process(self, doc: Document) -> Document | Outcome:
        """The step's result for one document."""
        raise NotImplementedError

    def process_batch(self, docs: Sequence[Document]) -> list[Document | Outcome]:
        """The step's results for several documents, in order."""
        return [self.process(doc) for doc in docs]

    def outcome_of(self, doc: Document) -> str:
        """The trail's outcome for a document the step returned (forwarded by default)."""
        return FORWARDED


@dataclass
class ItemResult:
    """What the steps made of one input: the manifest's status so far (`ok` while it goes
    on), the trail of step outcomes and, while it goes on, its document."""

    index: int
    source: str
    status: str = "ok"
    sha256: str | None = None
    id: str | None = None
    reason: str | None = None
    trail: list[tuple[str, str]] = field(default_factory=list)
    doc: Document | None = None
    #: The dataset record of a document that went through every step (`seal`).
    record: dict[str, Any] | None = None
    #: A page-text dump's raw text, kept with the record for a later pass (`seal`).
    raw: str | None = None

    def seal(self, keep_raw: bool = False) -> None:
        """The steps are done: keep the document's dataset record instead of the document
        (a worker does this, so that the build's process only writes records and the
        raw input is not sent back). `keep_raw`: a page-text dump's raw text stays too, for
        a pass that goes on from the record (`hzcorpus.kept`; an HTML page's is not needed:
        its kept lines are numbered without it)."""
        if self.doc is not None:
            if keep_raw and self.doc.format != "html":
                self.raw = self.doc.raw
            self.record, self.doc = self.doc.to_record(), None

    def stop(self, outcome: Outcome) -> None:
        """Record that a step dropped or failed the document."""
        self.status, self.reason, self.doc = outcome.status, outcome.describe(), None
        self.trail.append((outcome.step, outcome.status))

    def advance(self, step: Step, value: Document | Outcome) -> None:
        """Record what a step returned: the next document, or an outcome that stops it."""
        if isinstance(value, Outcome):
            self.stop(value)
        else:
            self.doc = value
            self.trail.append((step.name, step.outcome_of(value)))


class SourceStep(Step):
    """The first step of a pass: makes a job item's result, with its document (`start`)."""

    #: Whether a worker keeps a page-text dump's raw text with its record (`ItemResult.seal`).
    keep_raw: bool = False

    def start(self, item: Any) -> ItemResult:
        """The result of one job item, its document in it unless the step failed it."""
        raise NotImplementedError


@dataclass(frozen=True)
class ReadStep(SourceStep):
    """Reads an input's bytes and decodes them into a `Document` (its first step).
    `keep_raw`: the raw text goes back with the record (a repeat build's count pass)."""

    options: ReadOptions = field(default_factory=ReadOptions)
    keep_raw: bool = False
    name: ClassVar[str] = "read"
    libraries: ClassVar[tuple[str, ...]] = ("charset-normalizer", "ftfy")

    def start(self, item: InputItem) -> ItemResult:
        result = ItemResult(item.index, item.source)
        result.advance(self, self.load(item, result))
        return result

    def load(self, item: InputItem, result: ItemResult) -> Document | Outcome:
        """The document of `item`; fills the result's `sha256` and `id` when it was read."""
        try:
            data, fmt, fields = item_article(item, self.options)
            result.sha256, result.id = item_sha256(data, fields), content_id(data)
            doc = document_from_bytes(data, item.source, self.options, fmt)
            return apply_fields(doc, fields)
        except Exception as exc:
            return Outcome(FAILED, self.name, one_line(exc))


@dataclass(frozen=True)
class CleanStep(Step):
    """Removes boilerplate (`clean_document`)."""

    options: CleanOptions
    name: ClassVar[str] = "clean"
    libraries: ClassVar[tuple[str, ...]] = ("trafilatura",)

    def process(self, doc: Document) -> Document | Outcome:
        from .clean import clean_document

        return clean_document(doc, self.options)


@dataclass(frozen=True)
class HasTextStep(Step):
    """Drops documents without text after cleaning."""

    name: ClassVar[str] = "has-text"

    def process(self, doc: Document) -> Document | Outcome:
        if doc.text.strip():
            return doc
        return Outcome(DROPPED, self.name, "no text left after cleaning")


@dataclass(frozen=True)
class DetectStep(Step):
    """Tags the language of the text and of each paragraph (`detect_document`)."""

    options: LanguageOptions
    name: ClassVar[str] = "detect"
    libraries: ClassVar[tuple[str, ...]] = ("langdetect", "langdetect-rs")

    def process(self, doc: Document) -> Document | Outcome:
        from .language import detect_document

        return detect_document(doc, self.options)


@dataclass(frozen=True)
class FlagStep(Step):
    """Finds redaction flags (`flag_document`)."""

    options: FlagOptions
    name: ClassVar[str] = "flag"

    def process(self, doc: Document) -> Document | Outcome:
        from .redaction import flag_document

        return flag_document(doc, self.options)


@dataclass(frozen=True)
class TranslateStep(Step):
    """Translates to English, batched across the documents of a chunk."""

    options: TranslateOptions
    name: ClassVar[str] = "translate"
    libraries: ClassVar[tuple[str, ...]] = ("argos-translate-lt", "ctranslate2", "sentencepiece")
    batched: ClassVar[bool] = True

    def process_batch(self, docs: Sequence[Document]) -> list[Document | Outcome]:
        from .translate import translate_documents

        return list(translate_documents(docs, self.options))

    def outcome_of(self, doc: Document) -> str:
        from .translate import FAILED_NOTE

        return FAILED if (doc.translation_note or "").startswith(FAILED_NOTE) else FORWARDED


def run_step(result: ItemResult, step: Step) -> None:
    """Run one per-document step over a result still going on."""
    try:
        value = step.process(result.doc)
    except Exception as exc:  # a bad document never stops the build
        value = Outcome(FAILED, step.name, one_line(exc))
    result.advance(step, value)


def run_document(item: Any, source: SourceStep, steps: Sequence[Step]) -> ItemResult:
    """Start one job item (`source`: read an input, or take a kept record) and run the
    per-document steps over it."""
    return run_steps(source.start(item), steps)


def run_steps(result: ItemResult, steps: Sequence[Step]) -> ItemResult:
    """Run per-document steps over a result until one stops it."""
    for step in steps:
        if result.doc is None:
            break
        run_step(result, step)
    return result


def run_batch(results: Sequence[ItemResult], step: Step) -> None:
    """Run a batched step over the results still going on; when the batch raises, one by
    one, so that only the document at fault fails."""
    going = [r for r in results if r.doc is not None]
    if not going:
        return
    docs = [r.doc for r in going]
    try:
        values = step.process_batch(docs)
    except Exception:
        values = []
        for doc in docs:
            try:
                values += step.process_batch([doc])
            except Exception as exc:
                values.append(Outcome(FAILED, step.name, one_line(exc)))
    for result, value in zip(going, values, strict=True):
        result.advance(step, value)


class StepCounts(dict):
    """Per step: how many documents it forwarded, dropped and failed."""

    def count(self, step: str, outcome: str, n: int = 1) -> None:
        """Add `n` to one step's outcome."""
        self.setdefault(step, {FORWARDED: 0, DROPPED: 0, FAILED: 0})[outcome] += n

    def add_trail(self, trail: Sequence[tuple[str, str]] | Sequence[dict[str, Any]]) -> None:
        """Count one input's trail of (step, outcome)."""
        for entry in trail:
            step, outcome = (entry["step"], entry["outcome"]) if isinstance(entry, dict) else entry
            self.count(step, outcome)
