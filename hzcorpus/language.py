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
import math
import operator
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from types import ModuleType

from .document import Document, LanguageScore
from .errors import HzcorpusError
from .regex_tree import constants as _constants
from .regex_tree import parser as _parser
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
_UNKNOWN_SCRIPT = re.compile("|".join(rule.pattern for rule in SCRIPT_LANGUAGES))


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
    letters = _letter_count(head, options.min_letters)
    found = _ranked(head, options) if letters else None
    if found is None:
        return [UNDETERMINED]
    labels, ranked = found
    scale, decimals = letters / options.min_letters, options.decimals
    if len(ranked) == 1:  # the usual case
        ((p, i),) = ranked
        return [LanguageScore(labels[i], round(p * scale, decimals))]
    return [
        LanguageScore(labels[i], round(p * scale, decimals)) for p, i in ranked[: options.top_k]
    ]


def best_language(text: str, options: LanguageOptions = LanguageOptions()) -> str:
    """The code of the best candidate of `detect_language` (the same answer, without
    counting letters or scoring the candidates)."""
    head = text[: options.max_chars]
    found = _ranked(head, options, best=True) if _LETTER.search(head) is not None else None
    if found is None:
        return UNDETERMINED.lang
    labels, ranked = found
    return labels[ranked[0][1]]


def _ranked(head: str, options: LanguageOptions, best: bool = False):
    """The entries' labels and the ranked (probability, entry) of a text with letters, or
    None for letters of a script that neither langdetect nor the table knows. With `best`,
    the first of them may come alone and unscored (`_Plan.best`)."""
    engine = _engine(options.fast, options.seed, options.max_chars)
    scripts = engine.may_hold_scripts(head)  # usually False: no letter of a script row
    guess = _script_guess(head) if scripts and _UNKNOWN_SCRIPT.search(head) else None
    if guess is not None:
        probs, plan = [guess[1]], _Plan.of((guess[0],), (), options.chinese_variants)
    else:
        probs = engine.probabilities(head)
        if probs is None:  # letters of a script that neither langdetect nor the table knows
            return None
        plan = engine.plan_for(head, options.chinese_variants, scripts)
    rank = _Plan.best if best else _Plan.ranked
    ranked = rank(plan, probs, options.min_candidate_score)
    if ranked is None:  # nothing left once ruled out: langdetect's numbers as they are
        plan = _Plan.of(plan.langs, (), options.chinese_variants)
        ranked = rank(plan, probs, options.min_candidate_score)
    return plan.labels, ranked


def detect_document(doc: Document, options: LanguageOptions = LanguageOptions()) -> Document:
    """A copy of `doc` with its language (from title and text) and each paragraph's.

    A paragraph that is the whole text detected (an untitled one-paragraph document) has
    the document's first candidate: the same detection."""
    text = document_language_text(doc)
    candidates = detect_language(text, options)
    paragraph_language = _paragraph_languages(options)
    return replace(
        doc,
        language=candidates[0].lang,
        language_score=candidates[0].score,
        language_candidates=candidates,
        paragraph_languages=[
            candidates[0] if p == text else paragraph_language(p) for p in doc.paragraphs
        ],
    )


@functools.lru_cache(maxsize=16)
def _paragraph_languages(options: LanguageOptions) -> Callable[[str], LanguageScore]:
    """The best language of one paragraph, with these options. Detection is deterministic,
    so a paragraph that repeats (a credit line, a notice that survived cleaning: about one
    in eight on real pages) is detected once per process; the cache is keyed by the
    paragraph alone (the options are looked up once per document, not hashed per
    paragraph)."""

    @functools.lru_cache(maxsize=8192)
    def paragraph_language(paragraph: str) -> LanguageScore:
        return detect_language(paragraph, options)[0]

    return paragraph_language


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
    engine = _engine(options.fast, options.seed, options.max_chars)
    probs = engine.probabilities(text)
    if probs is None:
        return None
    return sorted(zip(engine.langs, probs, strict=True), key=lambda c: (-c[1], c[0]))


@dataclass(frozen=True)
class _Engine:
    """One backend with one seed: its languages (profile name order) and a function giving
    every language's probability for a text, or None when the text has no features."""

    langs: tuple[str, ...]
    #: the rows of `REQUIRED_SCRIPTS` whose language the backend knows
    required: tuple[Rule, ...]
    probabilities: Callable[[str], list[float] | None]
    #: the plans made so far, by key (`plan_for`)
    plans: dict[int, _Plan] = field(default_factory=dict)
    #: each row of `required`'s test of a text: its pattern's search when the row has no
    #: other condition (what `Rule.hits` comes to, without its checks), else `Rule.hits`
    tests: tuple[Callable[[str], object], ...] = field(init=False)
    #: the UTF-8 bytes below the lead byte of the lowest code point that `_UNKNOWN_SCRIPT`
    #: or a test of `required` can hit (`_lowest_code_point`), or None if there is no bound
    below_scripts: bytes | None = field(init=False)

    def __post_init__(self) -> None:
        tests = tuple(_required_test(rule) for rule in self.required)
        object.__setattr__(self, "tests", tests)
        lowest = min(
            [_lowest_code_point(_UNKNOWN_SCRIPT)]
            + [_lowest_code_point(rule.regex) if _is_plain(rule) else 0 for rule in self.required]
        )
        lead = chr(lowest).encode("utf-8", "surrogatepass")[0] if lowest > 0x7F else None
        object.__setattr__(self, "below_scripts", None if lead is None else bytes(range(lead)))

    def may_hold_scripts(self, head: str) -> bool:
        """False when `head` holds no character that `_UNKNOWN_SCRIPT` or a test of
        `required` can hit: none at or above their lowest code point, whose UTF-8 lead byte
        every such character's lead byte reaches (UTF-8 keeps the order of code points).
        Two regex searches cost about 20 ns a character; this, about 1."""
        below = self.below_scripts
        if below is None:
            return True
        if head.isascii():
            return False
        return bool(head.encode("utf-8", "surrogatepass").translate(None, below))

    def plan_for(self, head: str, chinese_variants: bool, scripts: bool = True) -> _Plan:
        """The plan for the text `head`: the languages of `required` whose script it
        lacks are ruled out (all of them, without their tests, when not `scripts`:
        `may_hold_scripts` said no test can hit). Plans are kept by a small number: bit 0
        `chinese_variants`, bit i + 1 the i-th row of `required` found (hashing a tuple of
        the languages ruled out, per text, cost a tenth of what `detect_language` adds to
        the engine)."""
        key, bit = int(chinese_variants), 2
        for test in self.tests if scripts else ():
            if test(head):
                key |= bit
            bit <<= 1
        plan = self.plans.get(key)
        if plan is None:
            ruled_out = tuple(
                rule.kind for i, rule in enumerate(self.required) if not key >> (i + 1) & 1
            )
            plan = self.plans[key] = _Plan.of(self.langs, ruled_out, chinese_variants)
        return plan


def _required_test(rule: Rule) -> Callable[[str], object]:
    """A test of a text equal to `rule.hits` (truthy where it is true)."""
    return rule.regex.search if _is_plain(rule) else rule.hits


def _is_plain(rule: Rule) -> bool:
    """Whether `rule.hits` is its pattern's search and nothing more."""
    return (
        rule.predicate is None
        and rule.pattern is not None
        and rule.max_chars is None
        and not rule.requires_chars
        and not rule.requires
    )


def _lowest_code_point(regex: re.Pattern[str]) -> int:
    """The lowest code point of a character `regex` can hit, when its every hit is one
    character of a set of literals and ranges, matched with case; 0 otherwise (no bound)."""
    if regex.flags & re.IGNORECASE:
        return 0
    parsed = _parser.parse(regex.pattern, regex.flags)
    if len(parsed) != 1:
        return 0
    op, value = parsed[0]
    if op is _constants.LITERAL:
        return value
    if op is not _constants.IN:
        return 0
    lows = []
    for item, arg in value:
        if item is _constants.LITERAL:
            lows.append(arg)
        elif item is _constants.RANGE:
            lows.append(arg[0])
        else:  # a negated set, a category: no bound read here
            return 0
    return min(lows)


@functools.cache
def _engine(fast: bool, seed: int, max_chars: int) -> _Engine:
    """The detector of these options, made once per process (profiles are read-only once
    loaded and every call starts from the same seed, so no state passes between texts)."""
    module = _backend_module(fast)
    factory = _factory(module.__name__)
    langs = tuple(factory.langlist)
    required = tuple(rule for rule in REQUIRED_SCRIPTS if rule.kind in langs)
    if module.__name__ == "langdetect_rs":
        probabilities = _rust_probabilities(factory, seed, max_chars)
    else:
        probabilities = functools.partial(
            _python_probabilities, factory, module.LangDetectException, seed, max_chars
        )
    return _Engine(langs, required, probabilities)


def _python_probabilities(factory, no_features, seed: int, max_chars: int, text: str):
    """langdetect's probabilities through its public `Detector`, seeded with `seed`."""
    detector = factory.create()
    detector.seed = seed
    detector.set_max_text_length(max_chars)
    detector.append(text)
    try:
        detector.get_probabilities()
    except no_features:
        return None
    return detector.langprob


def _rust_probabilities(factory, seed: int, max_chars: int) -> Callable[[str], list[float] | None]:
    """langdetect-rs's `Detector.append` and `_detect_block` without a `Detector` per text,
    and with one pass of its engine instead of two.

    Its public path runs the engine once without trials, only to find out whether the text
    has features, and then again with them; the run with trials reports a text without
    features the same way, so one run gives the same probabilities at half the cost. The
    calls are the ones `Detector` makes (langdetect-rs's default URL and e-mail patterns),
    with the alpha and trial count of a fresh detector.
    """
    from langdetect_rs import _core
    from langdetect_rs._seed import seed_state

    fresh = factory.create()
    alpha, trials, state = fresh.alpha, fresh.n_trial, seed_state(seed)
    detect_block, prepare, clean = factory._core.detect_block, _core.prepare, _core.clean

    def probabilities(text: str) -> list[float] | None:
        prepared = prepare(text, max_chars)
        # langdetect drops Latin letters only from text with more letters of other scripts
        # (U+0300 on): never from ASCII text, whose `clean` is None
        cleaned = None if prepared.isascii() else clean(prepared)
        langprob, error = detect_block(
            prepared if cleaned is None else cleaned, alpha, trials, None, state
        )
        if error is not None:
            if error == "features":
                return None
            raise error
        return langprob

    return probabilities


#: Just below 1: a factor that keeps every probability that may reach a threshold after
#: division (rounding moves a quotient by less than 2**-52 of it).
_BELOW_ONE = 1.0 - 2.0**-40
_SCORE, _ENTRY = operator.itemgetter(0), operator.itemgetter(1)
#: A bound on the relative error of a float sum of a few hundred non-negative numbers.
_SUM_ERROR = 1e-12


@dataclass(frozen=True)
class _Plan:
    """How a backend's probabilities become the ranked candidates of `detect_language`: the
    languages ruled out by `REQUIRED_SCRIPTS` dropped and the rest renormalised, then
    langdetect's Chinese variants summed into `zh` (unless kept apart). Made once per case.

    The result is that of doing it on a dict per text (sum the kept probabilities in profile
    order, divide each by the sum, add the variants, take the first best in that order, then
    the others above the floor by score), with the same float operations; but only the
    languages that can reach the floor or the top are divided (division by a positive
    number keeps the order, so the others are known to stay below from their probability).
    """

    #: the backend's languages (profile order) the plan is for
    langs: tuple[str, ...]
    #: the language of each entry, in the order of the dict
    labels: tuple[str, ...]
    #: the probabilities summed for renormalising; None when nothing is ruled out
    kept: Callable[[list[float]], Sequence[float]] | None
    #: for each probability, the entry it alone makes up; -1 if ruled out or merged
    single_entry: tuple[int, ...]
    #: the probabilities that alone make up an entry
    single_probs: Callable[[list[float]], Sequence[float]]
    #: (entry, the probability indices added up into it, in order) of the merged entries
    merged: tuple[tuple[int, tuple[int, ...]], ...]

    @staticmethod
    @functools.cache
    def of(langs: tuple[str, ...], ruled_out: tuple[str, ...], chinese_variants: bool) -> _Plan:
        sources = {lang: [i] for i, lang in enumerate(langs) if lang not in ruled_out}
        if not chinese_variants:
            for variant, code in ISO_CODES.items():
                if variant in sources:
                    sources[code] = sources.get(code, []) + sources.pop(variant)
        kept = [i for i, lang in enumerate(langs) if lang not in ruled_out]
        single_entry = [-1] * len(langs)
        for n, indices in enumerate(sources.values()):
            if len(indices) == 1:
                single_entry[indices[0]] = n
        return _Plan(
            langs=langs,
            labels=tuple(sources),
            kept=_picker(kept) if len(kept) < len(langs) else None,
            single_entry=tuple(single_entry),
            single_probs=_picker([i for i, n in enumerate(single_entry) if n >= 0]),
            merged=tuple((n, tuple(s)) for n, s in enumerate(sources.values()) if len(s) > 1),
        )

    def ranked(self, probs: list[float], floor: float) -> list[tuple[float, int]] | None:
        """(score, entry) of the best entry, then of the others scoring at least `floor`,
        by score; None when the languages kept have no probability."""
        if self.kept is None:
            mass, total = sum(probs), 1.0
        else:
            mass = total = sum(self.kept(probs))
            if total <= 0.0:
                return None
        # the usual case: the most probable language is the whole answer, when it alone
        # makes up an entry and the others together stay below both its probability and
        # the floor (then no other entry, summed or not, can reach the floor or tie it)
        p = max(probs)
        entry = self.single_entry[probs.index(p)]
        if entry >= 0:
            others = mass - p + _SUM_ERROR * mass  # at least their exact sum
            if others < p and others < floor * total * _BELOW_ONE and p / total >= floor:
                return [(p / total, entry)]
        entries = self._singles(probs, floor * total, total)
        if not entries or max(entries)[0] < floor:
            # no single language reaches the floor: take those that may tie the top one
            top = max(self.single_probs(probs), default=0.0)
            entries = self._singles(probs, min(floor * total, top), total)
        for n, indices in self.merged:
            score = probs[indices[0]] / total
            for i in indices[1:]:
                score += probs[i] / total
            entries.append((score, n))
        entries.sort(key=_ENTRY)
        best = max(entries, key=_SCORE)  # the first in the dict's order on a tie
        rest = [e for e in entries if e[0] >= floor and e is not best]
        rest.sort(key=_SCORE, reverse=True)  # stable: the dict's order on a tie
        return [best, *rest]

    def best(self, probs: list[float], floor: float) -> list[tuple[float, int]] | None:
        """`ranked`, or only its first entry, unscored (`(nan, entry)`), when the most
        probable language alone makes up that entry and outweighs all the others together
        (then no other entry, summed or not, can reach it, whatever is ruled out)."""
        p = max(probs)
        entry = self.single_entry[probs.index(p)]
        if entry >= 0:
            mass = sum(probs)
            if mass - p + _SUM_ERROR * mass < p:  # at least the others' exact sum
                return [(math.nan, entry)]
        return self.ranked(probs, floor)

    def _singles(self, probs: list[float], low: float, total: float) -> list[tuple[float, int]]:
        """(score, entry) of the single-language entries whose probability is at least just
        below `low`: all those whose score may reach `low / total` once divided."""
        low *= _BELOW_ONE
        entry = self.single_entry
        return [(p / total, entry[i]) for i, p in enumerate(probs) if p >= low and entry[i] >= 0]


def _picker(indices: list[int]) -> Callable[[list[float]], Sequence[float]]:
    """A function giving the items of a list at `indices` (ascending), in that order: one
    or two slices when they make one or two runs (all languages but Korean: two, a third
    of the time of an item getter), else an item getter."""
    runs: list[list[int]] = []  # [start, stop) of each run of consecutive indices
    for i in indices:
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    if len(runs) == 1:
        ((a, b),) = runs
        return lambda items: items[a:b]
    if len(runs) == 2:
        (a, b), (c, d) = runs
        return lambda items: items[a:b] + items[c:d]
    return operator.itemgetter(*indices)


def _letter_count(head: str, most: int) -> int:
    """How many letters `head` holds, counted up to `most`."""
    if head.isascii():  # its letters are A-Z and a-z: the bytes left once the others go
        return min(len(head.encode("ascii").translate(None, _ASCII_NOT_LETTERS)), most)
    if len(head) >= most and _at_least_letters(most).match(head):
        return most
    return len(_LETTER.findall(head))


_ASCII_NOT_LETTERS = bytes(c for c in range(128) if not _LETTER.match(chr(c)))


@functools.cache
def _at_least_letters(n: int) -> re.Pattern[str]:
    """A pattern that matches text holding at least `n` letters (written out letter by
    letter: a repeated group costs the regex engine more per letter)."""
    other = r"[\W\d_]*+"  # possessive: what it takes is never a letter
    return re.compile(other + f"{_LETTER.pattern}{other}" * (n - 1) + _LETTER.pattern)


def _script_guess(head: str) -> tuple[str, float] | None:
    """The language of a script langdetect does not know and its share of the letters, if
    most letters are in it."""
    unknown = _UNKNOWN_SCRIPT.findall(head)
    if not unknown:
        return None
    share = len(unknown) / len(_LETTER.findall(head))
    if share <= 0.5:
        return None
    chars = "".join(unknown)
    rule = max(SCRIPT_LANGUAGES, key=lambda r: len(r.regex.findall(chars)))
    return rule.kind, share


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
    if module_name == "langdetect_rs":
        # its built-in copy of langdetect's profiles, parsed in Rust: a third of the start-up
        # time of reading the JSON profiles in Python (same profiles, same name order)
        try:
            factory._core.load_builtin(sorted(module._core.builtin_files()))
        except ValueError as exc:
            raise HzcorpusError(f"cannot load langdetect-rs's language profiles: {exc}") from exc
        factory.langlist[:] = factory._core.langs()
    else:
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
