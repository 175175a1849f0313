"""Inputs not kept, counted per status and reason: in the build report, `build.json`, the
card and the command's summary; the same counts whatever the order the entries come in."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus import manifest
from hzcorpus.builder import BuildOptions, build
from hzcorpus.manifest import OTHER_REASONS, REASONS_LISTED, ManifestEntry, ManifestWriter
from tests.conftest import run_cli

FAST = BuildOptions(workers=1, quiet=True, translate=None, chunk_size=2)
TEXT = "Budget talks\n\nThe regional parliament met on Tuesday to discuss the new budget.\n"

ENTRIES = st.lists(
    st.tuples(
        st.sampled_from(manifest.STATUSES),
        st.sampled_from(
            [f"step: reason {chr(97 + i)}" for i in range(26)]
            + [f"read: input is {n} bytes" for n in (10, 20, 30)]  # one shape
            + ["a | b <i>", "clean: KeyError: 'x'"]
        ),
    ),
    max_size=120,
)


@settings(max_examples=60, deadline=None)
@given(entries=ENTRIES, seed=st.integers(0, 1000))
def test_reason_counts_add_up_and_do_not_depend_on_the_order(tmp_path_factory, entries, seed):
    folder = tmp_path_factory.mktemp("manifest")
    tops = []
    for order in (entries, random.Random(seed).sample(entries, len(entries))):
        writer = ManifestWriter(folder / "manifest.jsonl")
        for i, (status, reason) in enumerate(order):
            writer.write(
                ManifestEntry(str(i), None, status, reason=None if status == "kept" else reason)
            )
        writer.close()
        top = writer.top_reasons()
        assert "kept" not in top
        for status, counts in top.items():
            assert sum(counts.values()) == writer.counts[status]
            assert len(counts) <= REASONS_LISTED + 1
            listed = [(-n, reason) for reason, n in counts.items() if reason != OTHER_REASONS]
            assert listed == sorted(listed)  # most frequent first, ties by reason
        tops.append(json.dumps(top))
    assert tops[0] == tops[1]


def test_distinct_reasons_past_the_limit_are_counted_together(tmp_path, monkeypatch):
    monkeypatch.setattr(manifest, "MAX_REASONS", 3)
    writer = ManifestWriter(tmp_path / "manifest.jsonl")
    for i in "abcde":
        writer.write(ManifestEntry(i, None, "failed", reason=f"read: reason {i}"))
    writer.close()
    assert writer.reason_counts("failed") == {
        "read: reason a": 1,
        "read: reason b": 1,
        "read: reason c": 1,
        OTHER_REASONS: 2,
    }


@pytest.mark.parametrize("part", manifest.REASON_PARTS, ids=lambda p: p.name)
def test_each_varying_part_of_a_reason_has_its_example(part):
    reason, shape = part.example
    assert manifest.reason_shape(reason) == shape
    assert manifest.reason_shape(shape) == shape  # a shape is its own shape


def test_reasons_that_differ_only_in_sizes_or_quoted_values_are_one_row(tmp_path):
    writer = ManifestWriter(tmp_path / "manifest.jsonl")
    reasons = [
        "read: input is 31.5 MB, over the limit of 20.0 MB",
        "read: input is 22.0 MB, over the limit of 20.0 MB",
        "clean: KeyError: 'headline'",
        "clean: KeyError: 'byline'",
        "time-limit: no result within 2 s (time limit); the worker was restarted",
        "time-limit: no result within 2 s (time limit); the worker was restarted",
    ]
    for i, reason in enumerate(reasons):
        writer.write(ManifestEntry(str(i), None, "failed", reason=reason))
    writer.close()
    assert writer.top_reasons() == {
        "failed": {
            # the same words: shown as they are
            "time-limit: no result within 2 s (time limit); the worker was restarted": 2,
            # differing sizes or values: shown with them replaced
            "clean: KeyError: '…'": 2,
            "read: input is <n> MB, over the limit of <n> MB": 2,
        }
    }
    assert manifest.read_manifest(tmp_path).__next__().reason == reasons[0]  # kept whole


def test_a_build_counts_what_it_did_not_keep_per_reason(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT)
    (raw / "b.txt").write_text(TEXT)  # a duplicate of a.txt
    (raw / "c.txt").write_text("")
    (raw / "d.txt").write_text("")
    (raw / "e.md").write_text("not read")
    (raw / "f.html").write_text("<html><body><script>x()</script></body></html>")
    report = build(raw, out, replace(FAST, time_limit=600))
    assert report.reasons == {
        "duplicate": {"dedupe: same cleaned text as an earlier input": 1},
        "failed": {
            "read: input is empty": 2,
            "clean: no article text found in HTML: the page shows no text": 1,
        },
        "skipped": {"extension .md is not one of .txt .html .htm .jsonl": 1},
    }
    recorded = json.loads((out / "build.json").read_text(encoding="utf-8"))["reasons"]
    assert recorded["failed"]["read: input is empty"] == 2
    assert list(recorded) == [s for s in manifest.STATUSES if s in recorded]
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| failed | read: input is empty | 2 |" in card
    assert "| duplicate | dedupe: same cleaned text as an earlier input | 1 |" in card
    result = run_cli("build", str(raw), str(out), "--workers", "1", "--no-translate")
    assert "hzcorpus: 2 failed: read: input is empty\n" in result.stderr
    assert "ran out of time" not in result.stderr
    limited = run_cli(
        "build", str(raw), str(out), "--workers", "1", "--no-translate", "--time-limit", "0.001"
    )
    assert "ran out of time or killed their worker" in limited.stderr
    assert "--time-limit (now 0.001 s)" in limited.stderr
