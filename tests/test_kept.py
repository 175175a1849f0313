"""A repeat build's second pass goes on from the count pass's records (`hzcorpus.kept`)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from hzcorpus import reduce
from hzcorpus.builder import BuildOptions, build, process_document, work_dir
from hzcorpus.chunks import table_bytes
from hzcorpus.document import Document
from hzcorpus.inputs import iter_inputs
from hzcorpus.kept import document_from_record
from hzcorpus.read import document_from_bytes
from hzcorpus.record_fields import apply_fields
from hzcorpus.reduce import DEDUPE
from hzcorpus.repeats import RepeatCounter
from hzcorpus.steps import ReadStep, StepCounts, run_document
from tests.test_repeats import CITIES, FAST, FURNITURE, _files, _write_site

PAGE = (
    "<html><head><title>Tram line approved</title></head><body><nav>Home | News</nav>"
    "<article><h1>Tram line approved</h1><p>The council of Aachen approved the tram line on "
    "Monday after a long debate about its cost.</p><p>Residents said the line would change "
    "how they travel to work, and the work starts in May 2025.</p></article></body></html>"
)


def test_a_record_gives_its_document_back():
    fields = {"url": "https://example.org/a", "meta": None, "tags": ["a", 2.5], "x": {"y": 1}}
    raw = "Tram line\n\nHome | News\n" + "The council of Aachen approved the tram line.\n" * 2
    text = apply_fields(Document(source="a.txt", raw=raw), fields)
    html = document_from_bytes(PAGE.encode(), "b.html")
    options = BuildOptions(translate=None)
    for doc in (text, html):
        done = process_document(doc, options)  # cleaned, languages, flags: every column
        assert done.language_candidates and done.paragraph_languages and done.removed
        assert document_from_record(done.to_record(), done.raw) == done
    assert document_from_record(done.to_record()).raw == ""


def _write_inputs(raw: Path) -> None:
    """A site's dumps, an HTML page, JSON lines with fields, an input that fails and one
    that is skipped."""
    _write_site(raw, [{0}, {0, 1}, {0}, {1, 2}, {0, 2}, {2}, set()])
    (raw / "page.html").write_text(PAGE.replace("</article>", f"<p>{FURNITURE[2]}</p></article>"))
    lines = [
        {
            "id": "one",
            "url": "https://example.org/1",
            "text": f"Budget\n{FURNITURE[0]}\n"
            "The council met on Monday to discuss the budget for the new tram line.",
        },
        {"text": "", "url": "https://example.org/empty"},
        {"text": (raw / "000.txt").read_text(), "author": "Jane Example"},
    ]
    (raw / "lines.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    (raw / "empty.txt").write_text("")
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4")


def test_the_second_pass_never_reads_an_input_and_writes_the_two_pass_bytes(tmp_path, monkeypatch):
    raw, out = tmp_path / "raw", tmp_path / "out"
    _write_inputs(raw)
    tables = []
    table = RepeatCounter.table

    def counted_then_gone(self, min_docs):  # the count pass is over: the inputs go
        tables.append(table(self, min_docs))
        shutil.rmtree(raw)
        return tables[-1]

    monkeypatch.setattr(RepeatCounter, "table", counted_then_gone)
    options = replace(FAST, repeats=2, chunk_size=2)
    report = build(raw, out, options)
    assert not raw.exists() and report.status["failed"] == 2
    assert report.status["skipped"] == 1 and report.steps["repeats"]["forwarded"] == 10

    # what the two-pass build made: each input read and cleaned again, then the steps
    _write_inputs(raw)
    steps = replace(options, repeat_table=tables[0]).steps()
    counts, seen, kept, manifest = StepCounts(), set(), [], []
    for item in iter_inputs(raw):
        if item.skip is not None:
            manifest.append((item.source, "skipped"))
            continue
        result = run_document(item, ReadStep(), steps[1:])
        result.seal()
        counts.add_trail(result.trail)
        status = result.status
        if status == "ok":
            duplicate = result.record["text"] in seen
            counts.count(DEDUPE, "dropped" if duplicate else "forwarded")
            seen.add(result.record["text"])
            status = "duplicate" if duplicate else "kept"
            kept += [] if duplicate else [result.record]
        manifest.append((result.source, status))
    assert any(r["rule"] == "corpus-repeat" for record in kept for r in record["removed"])
    rows = [
        row
        for shard in sorted(out.glob("data/*.parquet"))
        for row in pq.read_table(shard).to_pylist()
    ]
    assert rows == kept
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert [(x["source"], x["status"]) for x in lines] == manifest
    assert json.loads((out / "build.json").read_text())["steps"] == counts


@pytest.mark.parametrize(
    ("owner", "method", "at"),
    [(RepeatCounter, "add_all", 3), (reduce.Reducer, "add", 2)],
    ids=["count pass", "second pass"],
)
def test_an_interrupted_repeat_build_resumes_to_the_same_bytes(
    tmp_path, monkeypatch, owner, method, at
):
    raw = tmp_path / "raw"
    _write_inputs(raw)
    options = replace(FAST, repeats=2, chunk_size=2)
    fresh = tmp_path / "fresh"
    build(raw, fresh, options)
    calls = []
    original = getattr(owner, method)

    def interrupted(self, values):
        calls.append(1)
        if len(calls) == at:
            raise KeyboardInterrupt
        original(self, values)

    out = tmp_path / "out"
    monkeypatch.setattr(owner, method, interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(raw, out, options)
    assert any(work_dir(out).glob("chunks/*/*.arrow"))  # what it finished is saved
    monkeypatch.setattr(owner, method, original)
    report = build(raw, out, replace(options, resume=True, workers=2, chunk_size=3))
    assert _files(out) == _files(fresh)
    assert report.reused >= 2  # the count pass's results, and the second pass's own
    if owner is reduce.Reducer:
        assert report.reused > 10  # all 10 read and cleaned, then the second pass's own


def test_the_count_pass_keeps_its_records_compressed(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, city in enumerate(CITIES[:6]):
        lines = [f"Council of {city} decides", *FURNITURE]
        lines += [
            f"The council of {city} approved plan {n} for the tram after debate." for n in range(40)
        ]
        (raw / f"{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sizes = []
    table = RepeatCounter.table

    def measured(self, min_docs):  # the count pass is over: its chunk files are all there
        for path in work_dir(tmp_path / "out").glob("chunks/*/*.arrow"):
            with pa.memory_map(str(path)) as source:
                rows = pa.ipc.open_file(source).read_all()
            sizes.append((path.stat().st_size, len(table_bytes(rows))))
        return table(self, min_docs)

    monkeypatch.setattr(RepeatCounter, "table", measured)
    build(raw, tmp_path / "out", replace(FAST, repeats=2, chunk_size=3))
    assert len(sizes) == 2 and all(size < plain * 0.6 for size, plain in sizes)
