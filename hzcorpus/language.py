"""Language detection: langdetect with a fixed seed per call, per document and per paragraph.

langdetect's answer is a random walk over character n-grams. Its module functions seed that
walk from the global `DetectorFactory.seed` and share one factory whose profiles are loaded
in `os.listdir` order, which changes the last bits of a probability from one file system to
the next. Here every call builds its own detector with `LanguageOptions.seed`, and the
profiles are loaded in name order, so that a text gets the same answer in any process, in any
call order, on any machine with the same Python.

langdetect-rs (a Rust port that reproduces langdetect bit for bit, see `bench/detect.py` for
our check of that claim) is used when it is installed and `LanguageOptions.fast` is set;
pure-Python langdetect is the reference and the fallback.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import os
import re
from dataclasses import dataclass, replace
from types import ModuleType

from .document import Document, LanguageScore
from .errors import HzcorpusError
from .rules import Rule

#: The answer for text without letters (empty, digits, punctuation, emoji).
UNDETERMINED = LanguageScore("und", 0.0)

#: langdetect codes that are not ISO 639-1, and the code they are reported as.
ISO_CODES: dict[str, str] = {"zh-cn": "zh", "zh-tw": "zh"}

#: Scripts that langdetect has no profile for (it answers at random or finds no features):
#: text with more than half of its letters in one of them gets that language, with the
#: share of those letters as its probability.
SCRIPT_LANGUAGES: tuple[Rule, ...] = (
    Rule(
        "script-georgian",
        "langdetect has no Georgian profile",
        r"[\u10a0-\u10ff\u2d00-\u2d2f]",
        kind="ka",
        match=("საქართველო",),
        no_match=("Sakartvelo", "Армения"),
    ),
    Rule(
        "script-armenian",
        "langdetect has no Armenian profile",
        r"[\u0531-\u058f]",
        kind="hy",
        match=("Հայաստան",),
        no_match=("Hayastan",),
    ),
    Rule(
        "script-ethiopic",
        "langdetect has no Amharic profile",
        r"[\u1200-\u139f]",
        kind="am",
        match=("ሰላም ልዑል",),
        no_match=("selam",),
    ),
    Rule(
        "script-khmer",
        "langdetect has no Khmer profile",
        r"[\u1780-\u17ff]",
        kind="km",
        match=("កម្ពុជា",),
        no_match=("Kampuchea",),
    ),
    Rule(
        "script-lao",
        "langdetect has no Lao profile",
        r"[\u0e80-\u0eff]",
        kind="lo",
        match=("ລາວ",),
        no_match=("ไทย",),
    ),
    Rule(
        "script-myanmar",
        "langdetect has no Burmese profile",
        r"[\u1000-\u109f]",
        kind="my",
        match=("မြန်မာ",),
        no_match=("Myanmar",),
    ),
    Rule(
        "script-sinhala",
        "langdetect has no Sinhala profile",
        r"[\u0d80-\u0dff]",
        kind="si",
        match=("ශ්‍රී ලංකාව",),
        no_match=("Sri Lanka", "தமிழ்"),
    ),
    Rule(
        "script-tibetan",
        "langdetect has no Tibetan profile",
        r"[\u0f00-\u0fff]",
        kind="bo",
        match=("བོད་",),
        no_match=("Bod",),
    ),
)

#: Languages that need a script langdetect does not insist on: a language whose row does not
#: hit the text is ruled out and the others' probabilities are renormalised (conditioned on
#: "not that language"). langdetect reads many short or traditional Chinese texts as Korean
#: because its Korean profile holds Hanja.
REQUIRED_SCRIPTS: tuple[Rule, ...] = (
    Rule(
        "korean-needs-hangul",
        "Korean is written in Hangul; text with Han characters and no Hangul is not Korean",
        r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]",
        kind="ko",
        flags=0,  # Hangul has no case; IGNORECASE made the search 20 times slower
        match=("최신 뉴스", "大韓民國 헌법"),
        no_match=("最新新闻", "東京", "這家航空公司警告燃料成本將繼續上漲"),
    ),
)

_LETTER = re.compile(r"[^\W\d_]")
_UNKNOWN_SCRIPT = re.compile("|".join(rule.regex.pattern for rule in SCRIPT_LANGUAGES))


@dataclass(frozen=True)
class LanguageOptions:
    """How languages are detected.

    - `seed`: seed of langdetect's random walk, fixed for every call.
    - `top_k`: how many candidates to return at most (the best one always).
    - `min_candidate_score`: candidates after the first need at least this probability.
    - `min_letters`: below this many letters a guess is unreliable; its score is multiplied
      by `letters / min_letters`.
    - `max_chars`: characters of a text analysed (langdetect's own default is 10,000).
    - `fast`: use langdetect-rs when it is installed (same results, much faster).
    - `chinese_variants`: keep langdetect's `zh-cn`/`zh-tw` instead of reporting `zh`.
    - `decimals`: scores are rounded to this many decimals, so that the last bits, which
      depend on the Python version's float summation, almost never reach the records.
    """

    seed: int = 0
    top_k: int = 3
    min_candidate_score: float = 0.05
    min_letters: int = 20
    max_chars: int = 10_000
    fast: bool = True
    chinese_variants: bool = False
    decimals: int = 6

    def __post_init__(self) -> None:
        for name in ("top_k", "min_letters", "max_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"LanguageOptions.{name} must be at least 1")


def backend(options: LanguageOptions = LanguageOptions()) -> str:
    """The name of the library that detects with these options: langdetect-rs or langdetect."""
    return _backend_module(options.fast).__name__.replace("_", "-")


def detect_language(text: str, options: LanguageOptions = LanguageOptions()) -> list[LanguageScore]:
    """The candidate languages of `text`, best first (ISO 639-1 codes).

    Only the first `options.max_chars` characters are analysed.

    `[LanguageScore("und", 0.0)]` for text without letters, and for letters of a script
    that neither langdetect nor `SCRIPT_LANGUAGES` knows (Cherokee, say). Text with fewer
    than `options.min_letters` letters still gets its best guess, with its score multiplied
    by `letters / min_letters`.
    """
    head = text[: options.max_chars]
    letters = sum(1 for _ in itertools.islice(_LETTER.finditer(head), options.min_letters))
    if not letters:
        return [UNDETERMINED]
    probs = _script_guess(head) or _probabilities(head, options)
    if probs is None:  # letters of a script that neither langdetect nor the table knows
        return [UNDETERMINED]
    probs = _rule_out_missing_scripts(probs, head)
    if not options.chinese_variants:
        for variant, code in ISO_CODES.items():
            if variant in probs:
                probs[code] = probs.get(code, 0.0) + probs.pop(variant)
    best = max(probs, key=probs.__getitem__)  # the first in name order on a tie
    rest = (c for c in probs.items() if c[1] >= options.min_candidate_score and c[0] != best)
    kept = [(best, probs[best]), *sorted(rest, key=lambda c: -c[1])][: options.top_k]
    scale = letters / options.min_letters
    return [LanguageScore(lang, round(prob * scale, options.decimals)) for lang, prob in kept]


def detect_document(doc: Document, options: LanguageOptions = LanguageOptions()) -> Document:
    """A copy of `doc` with its language (from title and text) and each paragraph's."""
    candidates = detect_language(document_language_text(doc), options)
    return replace(
        doc,
        language=candidates[0].lang,
        language_score=candidates[0].score,
        language_candidates=candidates,
        paragraph_languages=[_paragraph_language(p, options) for p in doc.paragraphs],
    )


@functools.lru_cache(maxsize=8192)
def _paragraph_language(paragraph: str, options: LanguageOptions) -> LanguageScore:
    """The best language of one paragraph. Detection is deterministic, so a paragraph that
    repeats (a credit line, a notice that survived cleaning: about one in eight on real
    pages) is detected once per process."""
    return detect_language(paragraph, options)[0]


def document_language_text(doc: Document) -> str:
    """The text a document's language is detected from: its title and its whole text."""
    return "\n".join(part for part in (doc.title, doc.text) if part)


def langdetect_probabilities(
    text: str, options: LanguageOptions = LanguageOptions()
) -> list[tuple[str, float]] | None:
    """langdetect's raw probability of every language, best first; None without features.

    These are the library's own numbers (langdetect codes, unrounded, unscaled), for
    comparing backends; `detect_language` is the API.
    """
    probs = _probabilities(text, options)
    return None if probs is None else sorted(probs.items(), key=lambda c: (-c[1], c[0]))


def _probabilities(text: str, options: LanguageOptions) -> dict[str, float] | None:
    """Every language's probability (langdetect codes, profile name order); None without
    features. One detector per call, seeded with `options.seed`."""
    module = _backend_module(options.fast)
    factory = _factory(module.__name__)
    detector = factory.create()
    detector.seed = options.seed
    detector.set_max_text_length(options.max_chars)
    detector.append(text)
    if module.__name__ == "langdetect_rs":
        langprob = _rust_probabilities(factory, detector)
        if langprob is None:
            return None
        return dict(zip(detector.langlist, langprob, strict=True))
    try:
        detector.get_probabilities()
    except module.LangDetectException:
        return None
    return dict(zip(detector.langlist, detector.langprob, strict=True))


def _rust_probabilities(factory, detector) -> list[float] | None:
    """langdetect-rs's `Detector._detect_block` in one pass of its engine instead of two.

    Its public path runs the engine once without trials, only to find out whether the text
    has features, and then again with them; the run with trials reports a text without
    features the same way, so one run gives the same probabilities at half the cost.
    """
    from langdetect_rs._seed import seed_state

    detector.cleaning_text()
    langprob, error = factory._core.detect_block(
        detector.text, detector.alpha, detector.n_trial, None, seed_state(detector.seed)
    )
    if error == "features":
        return None
    if error is not None:
        raise error
    return langprob


def _script_guess(head: str) -> dict[str, float] | None:
    """The language of a script langdetect does not know, if most letters are in it."""
    unknown = _UNKNOWN_SCRIPT.findall(head)
    if not unknown:
        return None
    share = len(unknown) / len(_LETTER.findall(head))
    if share <= 0.5:
        return None
    chars = "".join(unknown)
    rule = max(SCRIPT_LANGUAGES, key=lambda r: len(r.regex.findall(chars)))
    return {rule.kind: share}


def _rule_out_missing_scripts(probs: dict[str, float], head: str) -> dict[str, float]:
    """`probs` without the languages whose required script is absent, renormalised."""
    ruled_out = {r.kind for r in REQUIRED_SCRIPTS if r.kind in probs and not r.hits(head)}
    if not ruled_out:
        return probs
    kept = [(lang, p) for lang, p in probs.items() if lang not in ruled_out]
    total = sum(p for _lang, p in kept)
    if total <= 0.0:  # nothing else left
        return probs
    return {lang: p / total for lang, p in kept}


def _backend_module(fast: bool) -> ModuleType:
    if fast:
        try:
            return importlib.import_module("langdetect_rs")
        except ImportError:
            pass
    return importlib.import_module("langdetect")


@functools.cache
def _factory(module_name: str):
    """A detector factory of `module_name` with langdetect's profiles loaded in name order.

    Profiles are read-only once loaded; caching the factory keeps no state between texts.
    """
    module = importlib.import_module(module_name)
    factory = module.DetectorFactory()
    factory.load_json_profile(_profile_texts())
    return factory


@functools.cache
def _profile_texts() -> tuple[str, ...]:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    try:
        names = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))
        return tuple(_read(os.path.join(PROFILES_DIRECTORY, n)) for n in names)
    except OSError as exc:
        raise HzcorpusError(f"cannot read langdetect's language profiles: {exc}") from exc


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()
