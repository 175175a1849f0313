"""Word lists the redaction rules and the gap scorer share, one JSON file a language.

`hzcorpus/lexicons/<lang>.json` holds, for one language, the words that stand next to a
number: units of time and measure, counted nouns, magnitudes, currency words and signs,
months, weekdays, quantifiers ("about", "rund", "约"), number words ("twelve", "zwei", "两"),
the placeholders people write
for a number ("XX", "[Zahl]", "×"), and the determiners and prepositions that stand
before a number ("the  people", "die  Euro", "seit  hat"). A new language is a new file
with the same fields.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    """The number-neighbour words of one language (see the module docstring)."""

    language: str
    time_units: tuple[str, ...]
    measure_units: tuple[str, ...]
    count_nouns: tuple[str, ...]
    magnitudes: tuple[str, ...]
    currency_words: tuple[str, ...]
    currency_signs: tuple[str, ...]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    quantifiers: tuple[str, ...]
    number_words: tuple[str, ...]
    number_placeholders: tuple[str, ...]
    determiners: tuple[str, ...]
    prepositions: tuple[str, ...]


#: the fields that name something a number measures or counts
UNIT_FIELDS = ("time_units", "measure_units", "count_nouns", "magnitudes", "currency_words")


@cache
def lexicons() -> dict[str, Lexicon]:
    """Every shipped lexicon, by language code."""
    found = {}
    folder = resources.files("hzcorpus") / "lexicons"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        raw = json.loads(entry.read_text(encoding="utf-8"))
        values = {f.name: raw[f.name] for f in fields(Lexicon)}
        lexicon = Lexicon(**{k: v if k == "language" else tuple(v) for k, v in values.items()})
        found[lexicon.language] = lexicon
    return found


def words(*names: str, langs: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The words of the fields `names` in the lexicons of `langs` (all when None), unique."""
    chosen = [lexicons()[lang] for lang in langs] if langs else list(lexicons().values())
    seen: dict[str, None] = {}
    for lexicon in chosen:
        for name in names:
            seen.update(dict.fromkeys(getattr(lexicon, name)))
    return tuple(seen)


def alternation(*names: str, langs: tuple[str, ...] | None = None) -> str:
    """A non-capturing regex group matching any word of those fields, longest first."""
    items = sorted(words(*names, langs=langs), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in items) + ")"
