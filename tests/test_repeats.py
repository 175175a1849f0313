"""Lines repeated across a build (`hzcorpus.repeats`, `BuildOptions.repeats`)."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import hzcorpus
from hzcorpus.builder import BuildOptions, build
from hzcorpus.clean import clean_document
from hzcorpus.document import Document, Removed
from hzcorpus.errors import DatasetError
from hzcorpus.repeats import (
    RULE,
    RepeatCounter,
    RepeatStep,
    RepeatTable,
    ends_sentence,
    is_prose,
    kept_line_numbers,
    norm,
    repeatable,
)
from tests.conftest import run_cli

FAST = BuildOptions(workers=1, quiet=True, translate=None, chunk_size=3)
#: Lines the line rules keep that a site repeats on its pages.
FURNITURE = [
    "The Weekly Podcast with Jane Example",
    "Listen to our show on Fridays at 9",
    "Morning Briefing from the Newsroom",
]
CITIES = ["Aachen", "Lyon", "Porto", "Leeds", "Graz", "Bilbao", "Gent", "Turku", "Brno", "Oslo"]


def test_norm_folds_case_digits_and_spaces():
    assert (
        norm("  Top 10 Stories\tof  2024 ")
        == norm("top 99 stories of 1999")
        == ("top 00 stories of 0000")
    )
    assert norm("Ünïcode ẞ") == "ünïcode ss"


def test_short_lines_and_prose_are_not_repeatable():
    assert (
        repeatable("The Weekly Podcast with Jane Example") == "the weekly podcast with jane example"
    )
    assert repeatable("Conclusion") is repeatable("Share this") is None
    assert repeatable("The council approved the plan for the new tram line on Monday.") is None


def test_prose_is_a_long_line_that_ends_a_sentence():
    assert is_prose("The council approved the plan for the new tram line on Monday.")
    assert is_prose("„Wir sind zufrieden mit dem Ergebnis der langen Verhandlungen“, sagte er.")
    assert not is_prose("The council approved the plan for the new tram line on Monday")
    assert not is_prose("Read more.")
    # written without spaces: each Chinese character is a word (`words.count_words`)
    assert is_prose("市政府周一批准了新的有轨电车线路计划，预计明年开始施工。")
    assert is_prose("「市政府周一批准了新的有轨电车线路计划。」")
    assert not is_prose("更多新闻请点击这里查看")


#: `is_prose`'s sentence end as it was first written: a pattern searched at the line's end.
SENTENCE_END = re.compile(r"[.!?。！？]['\"”’»)）」』]*$")


@given(st.text(alphabet=".!?。！？'\"”’»)）」』…a字 \t\n", max_size=10))
def test_a_sentence_ends_as_the_pattern_says(line):
    assert ends_sentence(line) == bool(SENTENCE_END.search(line.rstrip()))


def _texts(draw_lines: list[list[int]]) -> list[str]:
    pool = [*FURNITURE, "Home | News", "Share this", "Subscribe now"]
    return ["\n".join(pool[i % len(pool)] for i in lines) for lines in draw_lines]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(st.lists(st.integers(0, 11), max_size=6), max_size=12),
    seed=st.integers(0, 99),
    spill=st.integers(1, 8),
    min_docs=st.integers(2, 4),
)
def test_the_count_is_per_distinct_text_whatever_the_order_and_spills(
    tmp_path_factory, lines, seed, spill, min_docs
):
    texts = _texts(lines)
    expected = Counter()
    for text in dict.fromkeys(texts):  # a duplicate text counts once
        expected.update({norm(t) for t in text.split("\n") if repeatable(t)})
    shuffled = random.Random(seed).sample(texts, len(texts))
    tables = []
    for order, size in ((texts, 1 << 20), (shuffled, spill)):
        counter = RepeatCounter(tmp_path_factory.mktemp("count"), spill=size)
        counter.add_all(order)
        tables.append(counter.table(min_docs))
    assert tables[0].digest == tables[1].digest
    assert tables[0].hashes.tobytes() == tables[1].hashes.tobytes()
    table = tables[0]
    pool = [*FURNITURE, "Home | News", "Share this", "Subscribe now"]
    for line in pool:
        n = expected[norm(line)]
        assert table.count(line) == (n if n >= min_docs else 0), line
    assert list(table.hashes) == sorted(table.hashes)
    page = [pool[i % len(pool)] for i in (lines[0] if lines else [])]
    assert table.counts_of(page) == [table.count(line) for line in page]


def test_prose_is_never_counted(tmp_path):
    sentence = "The council approved the plan for the new tram line on Monday."
    counter = RepeatCounter(tmp_path)
    counter.add_all([f"{sentence}\nPage {i} of the Weekly Podcast" for i in range(4)])
    table = counter.table(2)
    assert table.count(sentence) == 0
    assert table.count("Page 7 of the weekly podcast") == 4  # digits folded


def _table(tmp_path: Path, texts: list[str], min_docs: int) -> RepeatTable:
    counter = RepeatCounter(tmp_path)
    counter.add_all(texts)
    return counter.table(min_docs)


def test_the_step_moves_counted_lines_to_removed_on_their_input_line(tmp_path):
    raw = "Breaking: tram line approved\n\nThe Weekly Podcast with Jane Example\n" + (
        "The council of Aachen approved a plan for the tram line after a long debate.\n"
        "Residents of Aachen said the new line would change how they travel to work.\n"
    )
    doc = clean_document(Document(source="a.txt", raw=raw))
    assert "The Weekly Podcast with Jane Example" in doc.paragraphs
    table = _table(tmp_path, [doc.text, *(f"{FURNITURE[0]}\nx{i}" for i in range(2))], 3)
    out = RepeatStep(table).process(doc)
    assert "Weekly Podcast" not in out.text
    assert out.paragraphs == [p for p in doc.paragraphs if "Podcast" not in p]
    gone = [r for r in out.removed if r.rule == RULE]
    assert gone == [Removed(2, FURNITURE[0], RULE, "kept on 3 documents of the build (at least 3)")]
    assert [r.line for r in out.removed] == sorted(r.line for r in out.removed)
    assert RepeatStep(RepeatTable.empty(3)).process(doc) is doc


def test_kept_lines_are_numbered_by_their_input_lines():
    raw = "\n".join(
        [
            "Menu",
            "*",
            "Weekly Podcast",
            "",
            "The council of Lyon approved a plan for the tram line after a long debate.",
            "Residents of Lyon said the new line would change how they travel to work.",
            "Share this",
            "Officials expect the project to cost more than planned, a spokesperson said.",
        ]
    )
    doc = clean_document(Document(source="a.txt", raw=raw))
    lines = raw.split("\n")
    numbers = kept_line_numbers(doc)
    assert len(numbers) == len(doc.paragraphs) >= 3
    for no, text in zip(numbers, doc.paragraphs, strict=True):
        assert text.startswith(lines[no].strip()) or text in lines[no], (no, text)
    assert numbers == sorted(set(numbers))
    assert not set(numbers) & {r.line for r in doc.removed if r.text == lines[r.line]}


def test_a_kept_line_found_in_no_input_line_takes_the_number_after_the_previous():
    raw = "Alpha line of the page.\nBeta line of the page.\nGamma line of the page."
    doc = Document(
        source="a.txt",
        raw=raw,
        text="Alpha line of the page.\nA line the input never had.\nGamma line of the page.",
    )
    assert kept_line_numbers(doc) == [0, 1, 2]
    doc = replace(doc, text="Gamma line of the page.\nA line the input never had.")
    assert kept_line_numbers(doc) == [2, 3]  # past the last input line: one more


def test_html_kept_lines_fill_the_numbers_no_removal_has():
    doc = Document(
        source="a.html",
        format="html",
        text="one\ntwo\nthree",
        removed=[Removed(0, "menu", "x", ""), Removed(2, "ad", "x", "")],
    )
    assert kept_line_numbers(doc) == [1, 3, 4]


def _write_site(raw: Path, pages: list[set[int]]) -> None:
    """One page-text dump per entry, holding the FURNITURE lines the entry names."""
    raw.mkdir(parents=True, exist_ok=True)
    for i, furniture in enumerate(pages):
        city = CITIES[i % len(CITIES)]
        lines = [f"Council of {city} decides, part {i}"]
        lines += [FURNITURE[f] for f in sorted(furniture)]
        lines += [
            f"The council of {city} approved plan number {i} for the tram line after debate.",
            f"Residents of {city} said line {i} would change how they travel to work daily.",
        ]
        (raw / f"{i:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@settings(
    max_examples=4,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # a build takes seconds: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    pages=st.lists(st.sets(st.integers(0, 2)), min_size=3, max_size=9),
    min_docs=st.integers(2, 4),
    chunk=st.integers(1, 4),
)
def test_a_repeat_build_is_the_same_whatever_the_workers_and_chunks(
    tmp_path_factory, pages, min_docs, chunk
):
    raw = tmp_path_factory.mktemp("raw")
    _write_site(raw, pages)
    one, two = tmp_path_factory.mktemp("one") / "out", tmp_path_factory.mktemp("two") / "out"
    build(raw, one, replace(FAST, repeats=min_docs))
    build(raw, two, replace(FAST, repeats=min_docs, workers=2, chunk_size=chunk))
    assert _files(one) == _files(two)
    cleaned = [
        clean_document(Document(source=p.name, raw=p.read_text())) for p in sorted(raw.iterdir())
    ]
    kept = Counter(line for doc in cleaned for line in FURNITURE if line in doc.paragraphs)
    rows = hzcorpus.load(one)
    assert len(rows) == len(cleaned)
    for doc, text, removed in zip(cleaned, rows["text"], rows["removed"], strict=True):
        gone = {r["text"]: r["reason"] for r in removed if r["rule"] == RULE}
        for line in FURNITURE:
            assert (line in gone) == (line in doc.paragraphs and kept[line] >= min_docs)
            assert line not in text or line not in gone
            if line in gone:
                assert gone[line].startswith(f"kept on {kept[line]} documents")
    assert any(kept[line] >= min_docs for line in FURNITURE) or not any(
        r["rule"] == RULE for removed in rows["removed"] for r in removed
    )


def test_repeats_are_off_by_default_and_change_the_fingerprint():
    assert BuildOptions().repeats is None
    assert "repeats" not in BuildOptions().stages()
    options = BuildOptions(repeats=3)
    assert options.stages()[:3] == ("read", "clean", "repeats")
    assert [s.name for s in options.count_steps()] == ["read", "clean"]
    import numpy as np

    counted = replace(
        options, repeat_table=RepeatTable(3, np.array([5], np.uint64), np.array([3], np.uint32))
    )
    prints = {o.fingerprint() for o in (options, counted, BuildOptions())}
    # the count pass's chunks (raw texts kept) are never a plain build's with its stages
    plain = BuildOptions(language=None, flag=None, translate=None)
    assert len(prints | {options.count_fingerprint(), plain.fingerprint()}) == 5
    with pytest.raises(DatasetError, match="at least 2"):
        BuildOptions(repeats=1)
    with pytest.raises(DatasetError, match="clean stage"):
        BuildOptions(repeats=3, clean=None)


def test_cli_build_with_repeats(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    _write_site(raw, [{0}, {0}, {0, 1}])
    done = run_cli("build", str(raw), str(out), "--quiet", "--no-translate", "--repeats", "3")
    assert done.returncode == 0, done.stderr
    assert FURNITURE[0] not in "\n".join(hzcorpus.load(out)["text"])
    assert FURNITURE[1] in "\n".join(hzcorpus.load(out)["text"])
    bad = run_cli("build", str(raw), str(out), "--repeats", "1")
    assert bad.returncode == 2 and "at least 2" in bad.stderr
