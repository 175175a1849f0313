"""The line model's rows in plain Python (`line_rows`) and its bit-mask tree evaluation: both
must give exactly what the page-wide numpy features and a plain walk down the trees give."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus import line_rows
from hzcorpus.clean import ROWS_BY_LINE, CleanOptions, _facts, _features, _run_passes
from hzcorpus.line_model import (
    CONTEXTS,
    FEATURES,
    RULE_KINDS,
    LineFacts,
    LineModel,
    line_features,
    load_model,
)
from hzcorpus.line_rows import PageRows, row_features

PAGE = """Home | News | Sport | Weather
Skip to content
Council approves a new footbridge over the river
By Jane Smith
12 March 2025
The town council approved the construction of a footbridge over the river on Tuesday.
Work is due to start in the spring and should take about eighteen months, he said.
Related:
- Ferry service ends after forty years
- New car park opens
- Ferry service ends after forty years
Residents of the east bank have asked for a crossing since the ferry stopped running in 2019.
The bridge will be open to cyclists as well as pedestrians, and lit at night.
Share on Facebook
Comments (12)
JOHN SAYS:
Great news!
Privacy | Terms | Contact
© 2025 Town News"""


def test_rows_equal_the_page_matrix_on_a_cleaned_page():
    passes = _run_passes(PAGE, CleanOptions())
    every = _features(passes)
    rows = np.array([0, 3, 7, 8, 9, len(passes.lines) - 1, 7])
    assert np.array_equal(_features(passes, rows), every[rows])
    many = np.arange(len(passes.lines)).repeat(ROWS_BY_LINE // len(passes.lines) + 1)
    assert len(many) > ROWS_BY_LINE  # the page matrix's rows
    assert np.array_equal(_features(passes, many), every[many])
    assert _features(passes, np.array([], dtype=np.int64)).shape == (0, len(FEATURES))


_TEXTS = st.one_of(
    st.text(alphabet=st.sampled_from([*"aZq 9.,:;!?|->/_@#\"'()", "\t", "\x1c"]), max_size=40),
    st.text(
        alphabet=st.sampled_from(list('aZ 9.,:;!?|•-–»/_@#"’)」。，：、ＡＢ０：「」\u3000市府\n')),
        max_size=40,
    ),
).map(lambda text: text or "x")
_LINES = st.tuples(
    _TEXTS,
    st.integers(0, 40).map(lambda u: u / 2),
    st.floats(0, 1),
    st.booleans(),
    st.booleans(),
    st.sampled_from([None, *RULE_KINDS, "other-kind"]),
    st.sampled_from([None, *CONTEXTS, "comments"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=30), st.data())
def test_rows_of_any_page_equal_its_matrix_exactly(lines, data):
    texts, units, function, cjk, prose, kinds, contexts = map(list, zip(*lines, strict=True))
    texts[0] = texts[0] + texts[-1]  # repeats and lines of every length
    facts = LineFacts(texts, units, function, cjk, prose, kinds, contexts)
    rows = data.draw(st.lists(st.integers(0, len(lines) - 1), max_size=8))
    every = line_features(facts)
    assert np.array_equal(row_features(facts, rows), every[rows])
    part = data.draw(st.lists(st.sampled_from(rows), max_size=4)) if rows else []
    page = PageRows(facts, rows)  # asked for in parts, as the cleaner scores runs
    assert np.array_equal(page.features(part), every[part])
    assert np.array_equal(page.features(rows), every[rows])


def _walk(model: LineModel, row: np.ndarray) -> float:
    """The raw score of one row, walking down each tree node by node."""
    total = model.baseline
    for root in model.roots:
        node = root
        while model.left[node] >= 0:
            go_left = row[model.feature[node]] <= model.threshold_at[node]
            node = model.left[node] if go_left else model.right[node]
        total += model.value[node]
    return total


def _random_model(rng: np.random.Generator, trees: int, leaves: int) -> LineModel:
    """An ensemble of random trees of `leaves` leaves each, grown by splitting random leaves."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    for _ in range(trees):
        roots.append(len(left))
        open_leaves = [len(left)]
        feature.append(0), threshold.append(0.0), left.append(-1), right.append(-1)
        value.append(rng.normal())
        while len(open_leaves) < leaves:
            node = open_leaves.pop(rng.integers(len(open_leaves)))
            feature[node] = int(rng.integers(len(FEATURES)))
            threshold[node] = float(rng.choice([0.0, 0.5, rng.normal()]))
            left[node], right[node] = len(left), len(left) + 1
            for child in (left[node], right[node]):
                feature.append(0), threshold.append(0.0), left.append(-1), right.append(-1)
                value.append(rng.normal())
                open_leaves.append(child)
    return LineModel(
        features=FEATURES,
        baseline=0.25,
        roots=np.array(roots),
        feature=np.array(feature),
        threshold_at=np.array(threshold),
        left=np.array(left),
        right=np.array(right),
        value=np.array(value),
        threshold=0.5,
        inside_thresholds=(1.0, 1.0),
        rescue_threshold=0.0,
        provenance={},
        lexicon=load_model().lexicon,
    )


@pytest.mark.parametrize("leaves", [1, 2, 7, 16, 33])
def test_bit_mask_evaluation_finds_the_leaf_a_walk_finds(leaves):
    rng = np.random.default_rng(leaves)
    model = _random_model(rng, trees=12, leaves=leaves)
    x = rng.choice([0.0, 0.5, 1.0, -1.0], size=(40, len(FEATURES))) + rng.normal(size=(40, 1))
    walked = [_walk(model, row) for row in x]
    assert model.raw_scores(x).tolist() == pytest.approx(walked, abs=1e-12)
    assert model.raw_scores(x[:0]).shape == (0,)


def test_trees_of_more_than_64_leaves_are_refused():
    model = _random_model(np.random.default_rng(0), trees=1, leaves=65)
    with pytest.raises(ValueError, match="65 leaves"):
        model.raw_scores(np.zeros((1, len(FEATURES))))


def test_the_shipped_model_scores_a_page_in_chunks_as_at_once():
    passes = _run_passes(PAGE, CleanOptions())
    features = np.repeat(_features(passes), 70, axis=0)  # more rows than one chunk
    model = load_model()
    one_by_one = np.concatenate([model.raw_scores(row[None]) for row in features[::97]])
    assert np.array_equal(model.raw_scores(features)[::97], one_by_one)


def test_rows_read_lexical_scores_kept_from_an_earlier_page_as_new_ones():
    line_rows._LEXICAL.clear()
    first = _run_passes(PAGE, CleanOptions())
    _features(first, np.array([0, 8, 9]))
    assert "- New car park opens" in line_rows._LEXICAL
    shuffled = "\n".join(reversed(PAGE.split("\n")))  # the same lines elsewhere on a page
    facts = _facts(_run_passes(shuffled, CleanOptions()))
    rows = list(range(len(facts.texts)))
    assert np.array_equal(row_features(facts, rows), line_features(facts)[rows])
