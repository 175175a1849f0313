"""The line model's lexical score: hashed character n-grams and a linear model over them."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus.line_lexicon import BITS, GRAMS, HEAD, TAIL, Lexicon, gram_counts, gram_hashes
from hzcorpus.line_model import FEATURES, LEXICAL_FEATURES, lexical_columns, load_model


def _grams(text: str) -> int:
    """How many n-grams a line of `text` has, by the definition: the n-grams of its marked
    text (start, end) without a mark inside, n-grams of one character no mark."""
    size = len(text) + 2
    return sum(max(size - n + 1, 0) for n in GRAMS) - 2


def test_each_line_has_its_ngrams_hashed_into_the_table():
    texts = ["Foto: dpa", "市政府周二批准", "x"]
    buckets, lines = gram_hashes(texts)
    assert np.bincount(lines, minlength=3).tolist() == [_grams(t) for t in texts]
    assert buckets.min() >= 0 and buckets.max() < 2**BITS


def test_hashes_are_fixed_and_ignore_case_and_digits():
    # the same n-grams in any batch, any case, any digits; not Python's salted hash
    one, _ = gram_hashes(["Foto: dpa"])
    again, lines = gram_hashes(["Mehr zum Thema", "FOTO: DPA"])
    assert sorted(one.tolist()) == sorted(again[lines == 1].tolist())
    a, _ = gram_hashes(["12 Kommentare"])
    b, _ = gram_hashes(["37 Kommentare"])
    assert a.tolist() == b.tolist()
    c, _ = gram_hashes(["Foto: dpb"])
    assert sorted(c.tolist()) != sorted(one.tolist())


def test_a_long_line_is_read_by_its_head_and_tail():
    head, tail = "Der Bürgermeister sagte " * 5, " und so weiter. Foto: dpa" * 3
    long = head + "am Dienstag" + tail
    other = head + "am Mittwoch" + tail
    assert len(long) > HEAD + TAIL
    assert sorted(gram_hashes([long])[0].tolist()) == sorted(gram_hashes([other])[0].tolist())
    assert np.bincount(gram_hashes([long])[1]).tolist() == [_grams("x" * (HEAD + TAIL + 1))]


def test_counts_are_shares_that_sum_to_one_per_line():
    data, rows, cols = gram_counts(["Foto: dpa", "Mehr"])
    assert np.bincount(rows, weights=data).tolist() == pytest.approx([1.0, 1.0])
    assert cols.max() < 2**BITS


def test_the_score_is_the_bias_plus_the_mean_weight():
    weights = np.zeros(2**BITS, dtype=np.float16)
    buckets, _ = gram_hashes(["Foto: dpa"])
    weights[buckets] = 1.5
    lexicon = Lexicon(bias=-0.5, weights=weights)
    scores = lexicon.scores(["Foto: dpa", ""])
    assert scores[0] == 1.0
    again = Lexicon.from_json(json.loads(json.dumps(lexicon.to_json())))
    assert again.scores(["Foto: dpa"]).tolist() == [1.0]


@pytest.mark.parametrize(
    ("key", "value"), [("grams", [1, 2, 3]), ("bits", BITS - 1), ("head_tail", [HEAD, TAIL + 1])]
)
def test_weights_of_other_n_grams_are_refused(key, value):
    data = Lexicon(bias=0.0, weights=np.zeros(2**BITS, dtype=np.float16)).to_json()
    data[key] = value
    with pytest.raises(ValueError, match="other n-grams"):
        Lexicon.from_json(data)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=8), st.data())
def test_a_lines_score_does_not_depend_on_the_others(texts, data):
    lexicon = load_model().lexicon
    i = data.draw(st.integers(0, len(texts) - 1))
    assert lexicon.scores(texts)[i] == lexicon.scores([texts[i]])[0]


def test_lexical_columns_hold_a_line_and_its_neighbours_scores():
    columns = lexical_columns(np.array([1.0, 2.0, 3.0]))
    assert columns.tolist() == [[1.0, 0.0, 2.0], [2.0, 1.0, 3.0], [3.0, 2.0, 0.0]]
    assert FEATURES[-len(LEXICAL_FEATURES) :] == LEXICAL_FEATURES


def test_the_shipped_lexicon_scores_furniture_above_prose():
    lexicon = load_model().lexicon
    furniture, prose = lexicon.scores(
        [
            "Foto: dpa",
            "Die Stadt hat am Dienstag den Bau einer neuen Brücke über den Fluss beschlossen.",
        ]
    )
    assert furniture > prose


def _plain_bucket(gram: str) -> int:
    """The bucket of one n-gram by the hash's definition, in plain Python: start at its
    length, times the multiplier plus each code point, then mixed (all modulo 2**64)."""
    h, mask = len(gram), (1 << 64) - 1
    for char in gram:
        h = (h * 0x100000001B3 + ord(char)) & mask
    h ^= h >> 29
    h = (h * 0x9E3779B97F4A7C15) & mask
    return h >> (64 - BITS)


@pytest.mark.parametrize("text", ["Foto: dpa", "市政府周二批准", "x", "Ünïcödé 2024 — ok"])
def test_buckets_are_the_plain_hash_of_each_n_gram(text):
    marked = "\n" + text.lower().translate(str.maketrans("123456789", "0" * 9)) + "\n"
    expected = [
        _plain_bucket(marked[i : i + n])
        for n in GRAMS
        for i in range(len(marked) - n + 1)
        if "\n" not in marked[i + 1 : i + n - 1] and (n > 1 or marked[i] != "\n")
    ]
    assert gram_hashes([text])[0].tolist() == expected
