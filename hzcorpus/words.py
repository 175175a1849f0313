"""Word counts that hold for scripts written without spaces.

Whitespace-separated tokens undercount Chinese and Japanese, whose words are not spaced:
a Chinese article would count a handful of "words". There, each character counts as one
word (a CJK character is about a morpheme; a dictionary segmenter would give fewer, but
needs a large dictionary per language). Elsewhere a word is a whitespace-separated token.
"""

from __future__ import annotations

import re

#: Characters of scripts without spaces between words: each one counts as a word.
UNSPACED = {
    "Han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f",
    "Hiragana": "\u3040-\u309f",
    "Katakana": "\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f",
}
#: CJK punctuation and ideographic space: separators, like whitespace.
SEPARATORS = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
#: The unit of `count_words`, as the dataset card and the review pages name it.
WORD_UNIT = "a word is a whitespace-separated token, or one Chinese or Japanese character"

#: All of `UNSPACED`'s characters, for a character class.
UNSPACED_CHARS = "".join(UNSPACED.values())
_WORD = re.compile(f"[{UNSPACED_CHARS}]|[^\\s{UNSPACED_CHARS}{SEPARATORS}]+")
_UNSPACED_OR_SEPARATOR = re.compile(f"[{UNSPACED_CHARS}{SEPARATORS}]")


def count_words(text: str) -> int:
    """The number of words of `text` (see `WORD_UNIT`)."""
    if _UNSPACED_OR_SEPARATOR.search(text) is None:  # `str.split` splits where `\s` does
        return len(text.split())
    return sum(1 for _ in _WORD.finditer(text))
