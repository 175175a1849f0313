"""Batched offline translation with argos packages, with argostranslate's output.

`argostranslate.translate.translate()` works paragraph by paragraph and runs most sentences
as a batch of one. `Translator` loads a package's CTranslate2 model, tokenizer and sentence
splitter once, splits every paragraph of every text given into sentences, and translates
the distinct sentences together, sorted by length, in batches run in parallel on the
machine's cores. Decoding follows argostranslate (beam 4, length penalty 0.2, unknown
tokens replaced, its detokenisation per paragraph), so the output equals argostranslate's
for the same package, except where argostranslate loses something:

- it cuts translations at CTranslate2's default limit of 256 tokens: here each sentence's
  limit is twice its length plus 10 (at least 256), and a batch holds only sentences of one
  limit, so that no translation depends on the other sentences; outputs that reach it, and
  outputs longer than 256 tokens, are counted in `Translator.stats`;
- sentences longer than `max_sentence_tokens` are cut at word starts into pieces translated
  one after the other (counted) instead of being truncated at 1,024 input tokens;
- it drops empty paragraphs at the start of a text: here every paragraph keeps its line.

A process that loads a `Translator` keeps the memory it frees (`MALLOC_SETTINGS`, glibc
only): CTranslate2's batch buffers are then reused instead of faulted in again.

Sentence splitting: the package's `minisbd/*.onnx` model (as argostranslate); a package
without one (the official argos-train packages ship `stanza/`, which needs stanza and a
download) uses the rule-based pysbd splitter, named in the record's `splitter` field.
"""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .document import Document
from .errors import ModelError
from .packages import (
    InstalledPackage,
    default_packages_dir,
    find_package,
    missing_package_hint,
    no_package_note,
)

#: CTranslate2's default `max_decoding_length`, which argostranslate keeps.
ENGINE_DECODING_LIMIT = 256
#: argostranslate's length penalty.
ARGOS_LENGTH_PENALTY = 0.2


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class TranslateOptions:
    """How documents are translated.

    - `packages_dir`: installed packages (default `$HZCORPUS_PACKAGES_DIR`, else the
      per-user data folder).
    - `target`: language translated into.
    - `beam_size`, `compute_type`: decoding (4 and the model's own type, as argostranslate).
    - `inter_threads`, `intra_threads`: CTranslate2 workers and threads per worker
      (0: one worker per core up to 4, the remaining cores shared among them).
    - `max_batch_tokens`: padded source tokens per engine batch.
    - `max_batch_hypotheses`: sentences x beam size per engine batch (128: 32 sentences at
      beam 4, 128 at beam 1). It bounds the memory of batches of short sentences, since the
      decoder's scores over the whole vocabulary grow with sentences x beam, not with tokens;
      at beam 1 the larger batches it allows run about 12% faster than 32 sentences.
    - `max_sentence_tokens`: longer sentences are cut at word starts (at most 1,000).
    - `splitter`: `auto` (the package's MiniSBD model, else rule-based) or `rules`.
    - `device`: `cpu`, `cuda` (a GPU; a one-line error without one) or `auto` (a GPU when
      CTranslate2 sees one).
    """

    packages_dir: Path = field(default_factory=default_packages_dir)
    target: str = "en"
    beam_size: int = 4
    compute_type: str = "default"
    inter_threads: int = 0
    intra_threads: int = 0
    max_batch_tokens: int = 1024
    max_batch_hypotheses: int = 128
    max_sentence_tokens: int = 400
    splitter: str = "auto"
    device: str = "cpu"

    def __post_init__(self):
        if self.beam_size < 1:
            raise ModelError(f"beam size must be at least 1, not {self.beam_size}")
        if self.max_batch_tokens < 1:
            raise ModelError("max_batch_tokens must be at least 1")
        if self.max_batch_hypotheses < self.beam_size:
            raise ModelError(
                f"max_batch_hypotheses must be at least the beam size ({self.beam_size})"
            )
        if not 8 <= self.max_sentence_tokens <= 1000:
            raise ModelError("max_sentence_tokens must be between 8 and 1000")
        if self.splitter not in ("auto", "rules"):
            raise ModelError(f"unknown splitter {self.splitter!r} (auto or rules)")
        if self.device not in ("cpu", "cuda", "auto"):
            raise ModelError(f"unknown device {self.device!r} (cpu, cuda or auto)")

    def engine_device(self) -> str:
        """The CTranslate2 device: `cuda` or `cpu`; `ModelError` when `cuda` finds no GPU."""
        if self.device == "cpu":
            return "cpu"
        import ctranslate2

        if ctranslate2.get_cuda_device_count() > 0:
            return "cuda"
        if self.device == "cuda":
            raise ModelError("--device cuda: CTranslate2 sees no CUDA GPU on this machine")
        return "cpu"

    def threads(self) -> tuple[int, int]:
        """(inter_threads, intra_threads), with 0 resolved for this machine."""
        cores = _cores()
        inter = self.inter_threads or min(cores, 4)
        intra = self.intra_threads or max(1, cores // inter)
        return inter, intra


@dataclass
class TranslationStats:
    """What a Translator did: counts add up over its calls."""

    texts: int = 0
    paragraphs: int = 0
    sentences: int = 0
    distinct_sentences: int = 0
    source_tokens: int = 0
    target_tokens: int = 0
    long_sentences_cut: int = 0
    longer_than_engine_default: int = 0
    hit_decoding_limit: int = 0


# --- sentence splitters ------------------------------------------------------------------


class MiniSBDSplitter:
    """The package's MiniSBD model, exactly as argostranslate runs it (no download)."""

    def __init__(self, model_file: Path):
        from minisbd import SBDetect

        self.name = f"minisbd:{model_file.name}"
        try:
            # one thread, run in order: onnxruntime's default pool (one spinning thread per
            # core) took CPU from the translation engine's threads for no gain
            self._detector = SBDetect(str(model_file), use_gpu=False, max_threads=1)
        except Exception as exc:
            raise ModelError(f"{model_file}: cannot load the MiniSBD splitter: {exc}") from None

    def split(self, paragraph: str) -> list[str]:
        """The sentences of `paragraph`."""
        return self._detector.sentences(paragraph)


class RuleSplitter:
    """pysbd's rule-based splitter, for packages that ship no MiniSBD model."""

    def __init__(self, lang: str, reason: str):
        import pysbd
        from pysbd.languages import LANGUAGE_CODES

        if lang not in LANGUAGE_CODES:
            raise ModelError(
                f"no offline sentence splitter for {lang!r}: {reason}; the rule-based "
                f"fallback (pysbd) knows {', '.join(sorted(LANGUAGE_CODES))}; add a MiniSBD "
                f"model with `hzcorpus models install FILE.argosmodel --splitter {lang}.onnx`"
            )
        self.name = f"pysbd-{pysbd.__version__}:{lang} ({reason})"
        self._segmenter = pysbd.Segmenter(language=lang, clean=False)

    def split(self, paragraph: str) -> list[str]:
        """The sentences of `paragraph`, stripped, without empty ones."""
        return [s.strip() for s in self._segmenter.segment(paragraph) if s.strip()]


def make_splitter(
    package: InstalledPackage, options: TranslateOptions
) -> MiniSBDSplitter | RuleSplitter:
    """The package's MiniSBD splitter, else (or with `splitter="rules"`) pysbd."""
    model = package.minisbd_file
    if model is not None and options.splitter == "auto":
        return MiniSBDSplitter(model)
    if options.splitter == "rules":
        reason = "chosen"
    elif package.other_splitter:
        reason = f"package ships {package.other_splitter}/, no minisbd/"
    else:
        reason = "package ships no splitter"
    return RuleSplitter(package.from_code, reason)


# --- the translator ----------------------------------------------------------------------

#: glibc `mallopt` settings of a process that translates: (parameter, value). With the
#: defaults, the engine's large buffers (a beam-4 batch's scores over a 50,000-word
#: vocabulary: 25 MB) go back to the system when freed and are faulted in again, page by
#: page, by the next batch: 500,000-600,000 page faults and 7% of the CPU on 324 sentences.
#: Kept (blocks up to 256 MB from the heap, no trimming below 1 GB free at its top), the
#: memory is reused: 100,000 faults, 9% less CPU, peak RSS within 10%.
MALLOC_SETTINGS: tuple[tuple[int, int], ...] = (
    (-3, 256 << 20),  # M_MMAP_THRESHOLD
    (-1, 1 << 30),  # M_TRIM_THRESHOLD
)


@functools.cache
def keep_freed_memory() -> bool:
    """Apply `MALLOC_SETTINGS` once per process; False where the C library is not glibc
    (no `mallopt`) or refuses one of them."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return all(mallopt(parameter, value) == 1 for parameter, value in MALLOC_SETTINGS)


Segments = list[list[str]]  # one paragraph: the token lists of its sentences (or pieces)


class Translator:
    """One package loaded once: model, tokenizer and splitter; translates many texts at once."""

    def __init__(self, package: InstalledPackage, options: TranslateOptions | None = None):
        import ctranslate2
        from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

        self.package = package
        self.options = options or TranslateOptions()
        keep_freed_memory()
        inter, intra = self.options.threads()
        try:
            self._model = ctranslate2.Translator(
                str(package.path / "model"),
                device=self.options.engine_device(),
                compute_type=self.options.compute_type,
                inter_threads=inter,
                intra_threads=intra,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"{package.name}: cannot load the model: {exc}") from None
        tokenizer_file = package.tokenizer_file
        if tokenizer_file.name == "sentencepiece.model":
            self._tokenizer = SentencePieceTokenizer(tokenizer_file)
            self._word_start: Callable[[str, str], bool] = lambda _prev, tok: tok.startswith("▁")
        else:
            self._tokenizer = BPETokenizer(tokenizer_file, package.from_code, package.to_code)
            self._word_start = lambda prev, _tok: not prev.endswith("@@")
        self._splitter = make_splitter(package, self.options)
        self.stats = TranslationStats()

    @property
    def record(self) -> dict[str, Any]:
        """The `translation` struct of the records this translator fills."""
        return {
            "package": self.package.name,
            "version": self.package.version,
            "beam": self.options.beam_size,
            "compute_type": self._model.compute_type,
            "splitter": self._splitter.name,
        }

    def split_text(self, text: str) -> list[Segments]:
        """A text's paragraphs (lines), each as the token lists of its sentences."""
        return [self._split_paragraph(p) for p in text.split("\n")]

    def _split_paragraph(self, paragraph: str) -> Segments:
        segments = []
        for sentence in self._splitter.split(paragraph):
            tokens = self._tokenizer.encode(sentence)
            if len(tokens) > self.options.max_sentence_tokens:
                self.stats.long_sentences_cut += 1
                segments.extend(self._cut(tokens))
            else:
                segments.append(tokens)
        return segments

    def _cut(self, tokens: list[str]) -> Segments:
        """Pieces of at most max_sentence_tokens, cut before a word start when one is near."""
        limit = self.options.max_sentence_tokens
        pieces = []
        while len(tokens) > limit:
            near = range(limit, limit // 2, -1)
            cut = next((i for i in near if self._word_start(tokens[i - 1], tokens[i])), limit)
            pieces.append(tokens[:cut])
            tokens = tokens[cut:]
        return [*pieces, tokens]

    def translate_texts(self, texts: list[str]) -> list[str]:
        """English (target) text of each text, paragraph for paragraph."""
        return self.translate_split([self.split_text(t) for t in texts])

    def translate_split(self, split_texts: list[list[Segments]]) -> list[str]:
        """Translate texts already split by `split_text`, all in one batched run."""
        segments = [seg for text in split_texts for para in text for seg in para]
        outputs = self._translate_segments(segments)
        self.stats.texts += len(split_texts)
        self.stats.paragraphs += sum(len(t) for t in split_texts)
        self.stats.sentences += len(segments)
        self.stats.source_tokens += sum(len(s) for s in segments)
        return [
            "\n".join(
                self._detokenize([tok for seg in para for tok in outputs[tuple(seg)]])
                for para in text
            )
            for text in split_texts
        ]

    def _detokenize(self, tokens: list[str]) -> str:
        """argostranslate's detokenisation of one paragraph's output tokens."""
        value = self._tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        return value[1:] if value.startswith(" ") else value

    def _batches(self, distinct: list[tuple[str, ...]]) -> Iterable[list[tuple[str, ...]]]:
        """Sentences sorted by length, in batches of at most max_batch_tokens padded tokens
        and max_batch_hypotheses / beam size sentences, each batch of one decoding limit (the
        engine takes one per batch)."""
        batch: list[tuple[str, ...]] = []
        most_tokens = self.options.max_batch_tokens
        most_sentences = self.options.max_batch_hypotheses // self.options.beam_size
        for tokens in sorted(distinct, key=lambda t: (len(t), t)):
            full = len(batch) == most_sentences
            if batch and (
                full
                or (len(batch) + 1) * max(len(tokens), 1) > most_tokens
                or _decoding_limit(tokens) != _decoding_limit(batch[0])
            ):
                yield batch
                batch = []
            batch.append(tokens)
        if batch:
            yield batch

    def _translate_segments(self, segments: Segments) -> dict[tuple[str, ...], list[str]]:
        distinct = list(dict.fromkeys(tuple(s) for s in segments if s))
        self.stats.distinct_sentences += len(distinct)
        prefix = self.package.target_prefix
        pending = []
        for batch in self._batches(distinct):
            limit = _decoding_limit(batch[0])
            results = self._model.translate_batch(
                [list(t) for t in batch],
                target_prefix=[[prefix]] * len(batch) if prefix else None,
                beam_size=self.options.beam_size,
                length_penalty=ARGOS_LENGTH_PENALTY,
                replace_unknowns=True,
                max_decoding_length=limit,
                max_input_length=0,
                asynchronous=True,
            )
            pending.append((batch, limit, results))
        outputs: dict[tuple[str, ...], list[str]] = {(): []}
        for batch, limit, results in pending:
            for tokens, result in zip(batch, results, strict=True):
                hypothesis = result.result().hypotheses[0]
                outputs[tokens] = hypothesis
                self.stats.target_tokens += len(hypothesis)
                self.stats.longer_than_engine_default += len(hypothesis) > ENGINE_DECODING_LIMIT
                self.stats.hit_decoding_limit += len(hypothesis) >= limit
        return outputs


def _decoding_limit(tokens: tuple[str, ...]) -> int:
    """How many tokens a sentence's translation may have: twice its own plus 10, at least
    CTranslate2's default."""
    return max(ENGINE_DECODING_LIMIT, 2 * len(tokens) + 10)


@functools.lru_cache(maxsize=8)
def _cached_translator(package: InstalledPackage, options: TranslateOptions) -> Translator:
    return Translator(package, options)


def get_translator(
    from_code: str, options: TranslateOptions | None = None
) -> tuple[Translator | None, str | None]:
    """The translator for `from_code -> options.target` (loaded once per process), or the
    reason there is none."""
    options = options or TranslateOptions()
    package = find_package(from_code, options.target, options.packages_dir)
    if package is None:
        return None, no_package_note(from_code, options.target)
    try:
        return _cached_translator(package, options), None
    except ModelError as exc:
        return None, str(exc)


# --- documents ---------------------------------------------------------------------------


def translate_documents(
    docs: Iterable[Document], options: TranslateOptions | None = None
) -> list[Document]:
    """Copies of the documents with `text_en`, `translation` and `translation_note` filled
    in, batching across all documents of one language (the documents given are unchanged).

    English (target) documents keep their text; a document whose language is unknown or
    has no installed package gets `text_en` None and the reason in `translation_note`.
    A document that fails to translate gets its error there; the others go on.
    """
    options = options or TranslateOptions()
    docs = [replace(doc, text_en=None, translation=None, translation_note=None) for doc in docs]
    by_language: dict[str, list[Document]] = {}
    for doc in docs:
        if doc.language in (None, "", "und"):
            doc.translation_note = "language unknown"
        elif doc.language == options.target:
            doc.text_en = doc.text
        else:
            by_language.setdefault(doc.language, []).append(doc)
    for lang, group in sorted(by_language.items()):
        translator, reason = get_translator(lang, options)
        if translator is None:
            for doc in group:
                doc.translation_note = reason
            continue
        ready = []
        for doc in group:
            try:
                ready.append((doc, translator.split_text(doc.text)))
            except Exception as exc:  # one bad text must not stop the batch
                _failed(doc, exc)
        try:
            texts = translator.translate_split([split for _doc, split in ready])
        except Exception:  # find the culprit: translate one by one
            texts = [_translate_one(translator, doc, split) for doc, split in ready]
        for (doc, _split), text_en in zip(ready, texts, strict=True):
            if text_en is not None:
                doc.text_en, doc.translation = text_en, dict(translator.record)
    return docs


#: How `translation_note` starts when the engine failed on a document (not a missing package).
FAILED_NOTE = "translation failed"


def _failed(doc: Document, exc: Exception) -> None:
    doc.translation_note = f"{FAILED_NOTE}: {type(exc).__name__}: {exc}"


def _translate_one(translator: Translator, doc: Document, split: list[Segments]) -> str | None:
    try:
        return translator.translate_split([split])[0]
    except Exception as exc:
        _failed(doc, exc)
        return None


def missing_package_hints(
    docs: Iterable[Document], options: TranslateOptions | None = None
) -> list[str]:
    """One install hint per language pair that had no package, for the end of a build."""
    target = (options or TranslateOptions()).target
    langs = {
        d.language
        for d in docs
        if d.language and d.translation_note == no_package_note(d.language, target)
    }
    return [missing_package_hint(lang, target) for lang in sorted(langs)]
