import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hzcorpus.pattern_prefixes import IGNORECASE_ASCII, fold, hits_at, literal_prefixes
from hzcorpus.redaction_rules import RULES

ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)

# (pattern, flags, the prefixes every hit starts with, or None)
PREFIX_CASES = [
    (r"\b(?:approximately|nearly)\s+\d", re.I, {"approximately", "nearly"}),
    (r"(?<=\bmy )(?P<mark>year old)", 0, {"year old"}),
    (r"(?:^|(?<=[.!?:] ))(?:Seit|Ab) hat", 0, {"seit hat", "ab hat"}),
    (r"[Ii]n (?:he|she)\b", 0, {"in he", "in she"}),
    (r"[:：][ \t]*,", 0, {":", "："}),
    (r"(?:ab)+c", 0, {"ab"}),
    (r"x?y", 0, None),  # a hit may start with x or y: the optional item is not modelled
    (r"\w+ million", 0, None),
    (r"(?:foo|\d+)", 0, None),
    (r"a*", 0, None),  # may be empty
    (r"Äpfel", re.I, {"äpfel"}),  # a character with a case outside ASCII: its lower case
    (r"Äpfel", 0, {"äpfel"}),
    (r"[Mm]ärz", 0, {"märz"}),
    (r"(?i:ä)b", 0, {"äb"}),
    (r"(?i)a(?-i:Ä)", 0, {"aä"}),
    (r"ıb", 0, None),  # a character `IGNORECASE_ASCII` maps
    (r"μm", re.I, None),  # ignoring case, "μ" also matches "µ" (micro sign), which folds apart
    (r"μm", 0, {"μm"}),
    (r"Σ", re.I, None),  # "Σ" matches "ς" too
    (r"€x", 0, {"€x"}),
    (r"第(?:届|章)", 0, {"第届", "第章"}),
]


@pytest.mark.parametrize(("pattern", "flags", "expected"), PREFIX_CASES)
def test_literal_prefixes(pattern, flags, expected):
    found = literal_prefixes(pattern, flags)
    assert (None if found is None else set(found)) == expected


def test_ignorecase_ascii_is_every_other_character_ignorecase_takes_for_a_letter():
    found = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for match in re.finditer(letter, ALL_CHARS, re.IGNORECASE):
            if not match.group().isascii():
                found[match.group()] = letter
    assert found == IGNORECASE_ASCII


def test_fold_keeps_positions_and_what_prefixes_hold():
    # one character for one, and str.lower maps no character to an ASCII letter other
    # than fold's table says
    assert len(fold(ALL_CHARS)) == len(ALL_CHARS)
    for char in ALL_CHARS:
        assert len(fold(char)) == 1, char
        lowered = char.lower()
        if len(lowered) == 1 and lowered != char and lowered.isascii():
            assert char.isascii() or IGNORECASE_ASCII[char] == lowered, char


@pytest.mark.parametrize("literal", ["ä", "Ä", "ß", "ẞ", "é", "σ", "Σ", "ς", "µ", "в", "ǅ", "Ω"])
def test_every_character_a_literal_matches_folds_to_its_prefix_form(literal):
    for flags in (0, re.IGNORECASE):
        prefixes = literal_prefixes(re.escape(literal), flags)
        if prefixes is None:
            continue
        (form,) = prefixes
        for match in re.finditer(re.escape(literal), ALL_CHARS, flags):
            assert fold(match.group()) == form, (literal, flags, match.group())


PIECES = ["in", "IN", "In", "he", "she", "approximately", "APPROXIMATELY", "ſ", "ı", "İ"]
PIECES += ["K", "%", "％", ".", ",", ":", " ", "  ", "\n", "1", "€", "x", "X", "Σ", "ß"]
PIECES += ["million", "Jahren", "rund", "um", "Uhr", "the", "no.", "月", "日", "第", "届"]
PIECES += ["ä", "Ä", "ö", "Ö", "höchstens", "HÖCHSTENS", "März", "MÄRZ", "Jänner", "b", "a"]
PIECES += ["Höhe", "HÖHE", " von ", "Euro", "μ", "µ", "m"]
PATTERNS = [(r.id, r.pattern, r.flags) for r in RULES if literal_prefixes(r.pattern, r.flags)]
PATTERNS += [(p, p, f) for p, f, e in PREFIX_CASES if e is not None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
@example(["İ", "n", " ", "he"])
@example(["ı", "n", " ", "she"])
@example(["in", "in", " he"])
def test_hits_at_prefixes_equal_finditer(parts):
    import ahocorasick

    text = "".join(parts)
    folded = fold(text)
    assert len(folded) == len(text)
    for name, pattern, flags in PATTERNS:
        regex = re.compile(pattern, flags)
        automaton = ahocorasick.Automaton()
        for string in literal_prefixes(pattern, flags):
            automaton.add_word(string, len(string))
        automaton.make_automaton()
        starts = sorted({end - length + 1 for end, length in automaton.iter(folded)})
        found = [m.span() for m in hits_at(regex, starts, text)]
        assert found == [m.span() for m in regex.finditer(text)], name
