"""The build engine's promises: time limits without SIGALRM, dead workers, every input
accounted for whatever its name or bytes, scripts without a `__main__` guard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hzcorpus
from hzcorpus.builder import BuildOptions, build
from hzcorpus.chunks import ChunkStore, results_chunk, results_table, table_bytes
from hzcorpus.errors import DatasetError
from hzcorpus.inputs import iter_inputs, source_name
from hzcorpus.manifest import STATUSES, read_manifest
from hzcorpus.read import ReadOptions
from hzcorpus.reduce import Plan
from hzcorpus.sandbox import SandboxPool
from hzcorpus.steps import ItemResult, ReadStep
from tests.conftest import NONET, ROOT
from tests.engine_steps import TroubleStep

FAST = BuildOptions(workers=1, quiet=True, translate=None, chunk_size=4)
TEXT = "Budget talks\n\nThe regional parliament met on Tuesday to discuss the new budget.\n"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(NONET), str(ROOT)])}


def test_a_hanging_or_crashing_document_fails_alone_and_the_workers_go_on(tmp_path):
    pages = {"a": TEXT, "b": "HANG " + TEXT, "c": TEXT, "d": "DIE " + TEXT, "e": "RAISE " + TEXT}
    for name, text in pages.items():
        (tmp_path / f"{name}.txt").write_text(text)
    items = list(iter_inputs(tmp_path))
    steps = [ReadStep(ReadOptions()), TroubleStep()]
    started = time.monotonic()
    with SandboxPool(steps, workers=2, time_limit=2.0) as pool:
        chunks = list(pool.run([items[:3], items[3:]]))
    assert time.monotonic() - started < 60
    results = {r.source: r for chunk in chunks for r in chunk}
    assert sorted(results) == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    assert results["a.txt"].status == results["c.txt"].status == "ok"
    assert results["b.txt"].status == "failed"
    assert results["b.txt"].reason.startswith("time-limit: no result within 2 s")
    assert results["d.txt"].status == "failed"
    assert results["d.txt"].reason == "time-limit: the worker process died"
    assert results["e.txt"].reason == "trouble: ValueError: a broken page"
    assert results["a.txt"].trail == [("read", "forwarded"), ("trouble", "forwarded")]


def test_inputs_sent_to_a_worker_that_has_just_died_are_run_again(tmp_path):
    # the build may send to a worker whose death it has not read yet: the pipe is broken
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text(TEXT)
    items = list(iter_inputs(tmp_path))
    with SandboxPool([ReadStep(ReadOptions())], workers=1, time_limit=30.0) as pool:
        (first,) = pool.run([items[:1]])
        (sandbox,) = pool.sandboxes
        sandbox.proc.kill()
        sandbox.proc.wait()
        (rest,) = pool.run([items[1:]])
    results = {r.source: r for r in [*first, *rest]}
    assert sorted(results) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    # the oldest job in flight is the one charged with the death; the others run again
    assert results["b.txt"].reason == "time-limit: the worker process died"
    assert results["c.txt"].status == results["d.txt"].status == "ok"


def test_workers_are_forked_anew_from_a_new_template_when_the_template_died(tmp_path):
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text(TEXT)
    items = list(iter_inputs(tmp_path))
    with SandboxPool([ReadStep(ReadOptions())], workers=1, time_limit=30.0) as pool:
        (first,) = pool.run([items[:1]])
        old = pool.template.proc
        old.kill()
        old.wait()
        (sandbox,) = pool.sandboxes
        sandbox.proc.wait()  # a worker dies with its template
        assert sandbox.proc.poll() is not None
        (rest,) = pool.run([items[1:]])
        assert pool.template.proc is not old and pool.template.alive()
    results = {r.source: r for r in [*first, *rest]}
    assert results["a.txt"].status == "ok"
    assert results["b.txt"].reason == "time-limit: the worker process died"
    assert results["c.txt"].status == results["d.txt"].status == "ok"


def test_a_forked_worker_is_watched_and_killed_without_being_a_child():
    from hzcorpus.forkserver import Forked

    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        worker = Forked(proc.pid)
        assert worker.poll() is None
        worker.kill()
        proc.wait()  # reaped here, as the template's system reaps its workers
        assert worker.wait() == -1 and worker.poll() == -1
    finally:
        proc.kill()
        proc.wait()
    assert Forked(proc.pid).poll() == -1  # gone before it was watched


def _slow_page(paragraphs: int = 12000) -> str:
    paragraph = (
        "<p>The harbour authority said on Monday that the new ferry terminal would open in "
        "the spring, two years later than planned, because of delays in deliveries.</p>"
    )
    return f"<html><body><article>{paragraph * paragraphs}</article></body></html>"


def test_the_build_time_limit_is_the_one_limit_and_resume_retries_what_ran_out(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT)
    (raw / "b.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    (raw / "empty.txt").write_text("")
    (raw / "slow.html").write_text(_slow_page(100_000))  # 17 MB: far over 2 s anywhere
    # 2 s, not less: on a crowded machine a small page's first rule compilations take that
    steps = replace(FAST, time_limit=2.0).steps()
    with SandboxPool(steps, workers=1, time_limit=2.0) as pool:
        (results,) = pool.run([list(iter_inputs(raw))])
    by_source = {r.source: r for r in results}
    # the first documents are not charged with loading the libraries (`WARM_UP`)
    assert by_source["a.txt"].status == by_source["b.html"].status == "ok"
    assert by_source["empty.txt"].reason == "read: input is empty"
    slow = by_source["slow.html"]
    assert slow.status == "failed" and slow.sha256 is None
    assert slow.reason == (
        "time-limit: no result within 2 s (time limit); the worker was restarted"
    )
    store = ChunkStore(tmp_path / "chunks")  # as a killed build leaves it
    store.write(table_bytes(results_table(results)))
    plan = Plan(store, ReadOptions())
    todo = [i.source for c in plan.chunks(iter_inputs(raw), 10, lambda n: None) for i in c]
    # --resume: what ran out of time runs again (its hash is unknown); a document's own
    # failure with the same options and bytes is reused
    assert todo == ["slow.html"] and plan.reused == 3
    (raw / "slow.html").write_text(_slow_page())  # seconds of work: no other limit stops it
    report = build(raw, out, replace(FAST, time_limit=600))
    assert report.status["failed"] == 1 and report.status["kept"] == 3


def test_the_plan_hands_on_results_in_input_order_and_forgets_them(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(40):
        (raw / f"{i:03d}.txt").write_text(TEXT)
    (raw / "notes.pdf").write_bytes(b"%PDF")  # listed last, skipped: never run
    store = ChunkStore(tmp_path / "chunks")
    plan = Plan(None, ReadOptions())

    def finish(chunk):  # what the executor gives back for a chunk
        results = [ItemResult(i.index, i.source, "failed", reason="x") for i in chunk]
        plan.add(store.write(table_bytes(results_table(results))), [r.index for r in results])

    chunks = plan.chunks(iter_inputs(raw), 8, lambda n: None)
    first, second = next(chunks), next(chunks)
    finish(second)  # finished out of order: nothing follows the first chunk's inputs yet
    assert list(plan.ready(store)) == [] and plan.pending == 16
    finish(first)
    order = [row["source"] for row in plan.ready(store)]
    assert plan.pending == 0
    for chunk in chunks:
        finish(chunk)
        order += [row["source"] for row in plan.ready(store)]
        assert plan.pending == 0  # one entry per input is not held for the whole build
    order += [row["source"] for row in plan.ready(store)]
    plan.check_done()
    assert order == [item.source for item in iter_inputs(raw)]
    assert order[-1] == "notes.pdf"


# File names: any bytes but `/` and NUL (invalid UTF-8 too); contents: bytes, text in
# several encodings, JSON lines (some broken, some with lone surrogates).
NAMES = st.binary(min_size=1, max_size=12).filter(
    lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b"..")
)
EXTENSIONS = st.sampled_from([b".txt", b".html", b".jsonl", b".md", b"", b".TXT"])
WORDS = st.text(
    alphabet=st.sampled_from([*'abc xyzäöü\n<>{}"\\é日本\t\r\x00\x1b', "\ud800"]),
    max_size=200,
)


@st.composite
def contents(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "text", "jsonl", "article"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    text = draw(WORDS)
    if kind == "text":
        encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]))
        return text.encode(encoding, "surrogatepass" if "utf" in encoding else "replace")
    if kind == "article":
        return (TEXT + text).encode("utf-8", "surrogatepass")
    lines = draw(st.lists(st.one_of(WORDS, st.just(TEXT)), max_size=4))
    out = [json.dumps({"text": line}) for line in lines] + [draw(WORDS)]
    return "\n".join(out).encode("utf-8", "surrogatepass")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.dictionaries(st.tuples(NAMES, EXTENSIONS), contents(), max_size=6))
def test_every_input_is_accounted_for_whatever_its_name_and_bytes(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("hostile")
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    for (name, ext), data in files.items():
        (Path(os.fsdecode(bytes(raw))) / os.fsdecode(name + ext)).write_bytes(data)
    report = build(raw, out, replace(FAST, workers=2, chunk_size=2))
    entries = list(read_manifest(out))
    expected = [item.source for item in iter_inputs(raw)]
    assert [e.source for e in entries] == expected  # each input once, in input order
    for name in os.listdir(os.fsencode(raw)):
        shown = source_name(os.fsdecode(name))
        assert any(e.source == shown or e.source.startswith(f"{shown}#") for e in entries)
    for entry in entries:
        assert entry.status in STATUSES
        assert entry.status == "kept" or entry.reason, entry
        assert "\n" not in (entry.reason or "")
    kept = [e.source for e in entries if e.status == "kept"]
    assert report.stats.rows == len(kept)
    assert sum(report.status.values()) == len(expected)


def test_a_script_without_a_main_guard_builds_with_worker_processes(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(4):
        (raw / f"{i}.txt").write_text(TEXT.replace("budget", f"budget {i}"))
    script = tmp_path / "make_dataset.py"
    script.write_text(
        "import hzcorpus\n"
        f"options = hzcorpus.BuildOptions(workers=2, translate=None, quiet=True)\n"
        f"report = hzcorpus.build({str(raw)!r}, {str(tmp_path / 'out')!r}, options)\n"
        "print(report.stats.rows, 'rows')\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], env=_env(), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "4 rows\n"


def test_options_a_worker_cannot_receive_are_a_one_line_error(tmp_path):
    from hzcorpus.boilerplate import LINE_RULES
    from hzcorpus.clean import CleanOptions
    from hzcorpus.rules import Rule

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT)
    kind = LINE_RULES[0].kind
    rule = Rule(id="promo", reason="test", predicate=lambda line: "promo" in line, kind=kind)
    options = replace(FAST, clean=CleanOptions(rules=(*LINE_RULES, rule)))
    with pytest.raises(DatasetError, match=r"cannot be sent to a worker process: .*lambda"):
        build(raw, tmp_path / "out", options)
    script = tmp_path / "custom.py"  # a function of the script itself: one line, exit 2
    script.write_text(
        "import sys\nfrom dataclasses import replace\nimport hzcorpus\n"
        "from hzcorpus.boilerplate import LINE_RULES\nfrom hzcorpus.clean import CleanOptions\n"
        "from hzcorpus.cli import main\nfrom hzcorpus.rules import Rule\n"
        "def promo(line):\n    return 'promo' in line\n"
        f"rule = Rule(id='promo', reason='test', predicate=promo, kind={kind!r})\n"
        "clean = CleanOptions(rules=(*LINE_RULES, rule))\n"
        "options = hzcorpus.BuildOptions(workers=1, translate=None, quiet=True, clean=clean)\n"
        "try:\n"
        f"    hzcorpus.build({str(raw)!r}, {str(tmp_path / 'out')!r}, options)\n"
        "except hzcorpus.HzcorpusError as exc:\n"
        "    sys.exit(f'hzcorpus: {exc}')\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], env=_env(), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "cannot be sent to a worker process" in result.stderr
    assert "importable module" in result.stderr


def _gpus() -> int:
    import ctranslate2

    return ctranslate2.get_cuda_device_count()


@pytest.mark.skipif(_gpus() > 0, reason="this machine has a GPU")
def test_device_cuda_without_a_gpu_is_a_one_line_error(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT)
    cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), str(tmp_path / "out")]
    result = subprocess.run(
        [*cmd, "--device", "cuda"], env=_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert (
        result.stderr == "hzcorpus: --device cuda: CTranslate2 sees no CUDA GPU on this machine\n"
    )
    assert not (tmp_path / "out").exists()


def test_the_stages_and_versions_come_from_the_steps():
    options = replace(BuildOptions(), flag=None)
    assert options.stages() == ("read", "clean", "has-text", "detect", "translate")
    assert "ctranslate2" in options.libraries() and "trafilatura" in options.libraries()
    assert "ctranslate2" not in replace(options, translate=None).libraries()
    assert hzcorpus.BuildOptions is BuildOptions


def test_chunk_rows_kept_for_the_reduce_equal_the_decoded_table(tmp_path):
    # the reduce takes a chunk's rows as the executor made them instead of decoding the
    # file: they must be what decoding gives, value for value
    from hzcorpus.sandbox import SandboxPool

    with SandboxPool(BuildOptions(translate=None).steps(), 1, 120.0) as pool:
        results = [r for chunk in pool.run([list(iter_inputs(ROOT / "raw"))]) for r in chunk]
    chunk = results_chunk(results)
    assert chunk.rows is not None and any(row["record"] for row in chunk.rows)
    path = ChunkStore(tmp_path / "a").write(table_bytes(chunk.table), chunk.rows)
    decoded = ChunkStore(tmp_path / "b")
    decoded.write(table_bytes(chunk.table))
    assert [decoded.row(decoded.files()[0], i) for i in range(len(results))] == chunk.rows
    assert path.name == decoded.files()[0].name
    # a row Arrow refuses fails alone; then the rows are decoded from the table
    bad = ItemResult(99, "bad\udcff.txt", "failed", reason="x")
    refused = results_chunk([*results, bad])
    assert refused.rows is None and refused.table.num_rows == len(results) + 1


def test_a_prestarted_template_is_taken_by_the_pool_and_one_left_over_ended():
    from hzcorpus import sandbox

    sandbox.prestart()
    sandbox.prestart()
    spares = list(sandbox._SPARES)
    try:
        with SandboxPool(FAST.steps(), workers=2, time_limit=60.0) as pool:
            assert pool.template is spares[0]
            (results,) = pool.run([[next(iter_inputs(ROOT / "raw"))]])
            assert results[0].status == "ok"
            # both workers were forked from the one template
            pids = {s.proc.pid for s in pool.sandboxes}
            assert len(pids) == 2 and spares[0].proc.pid not in pids
            assert all(_parent(pid) == spares[0].proc.pid for pid in pids)
    finally:
        sandbox.discard_spares()
    assert sandbox._SPARES == [] and spares[1].proc.poll() is not None
    assert spares[0].proc.poll() is not None  # the pool ended its template


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def test_the_cli_build_leaves_no_prestarted_worker_behind(tmp_path):
    from hzcorpus import sandbox
    from hzcorpus.cli import main

    assert main(["build", str(tmp_path / "missing"), str(tmp_path / "out"), "--quiet"]) != 0
    assert sandbox._SPARES == []


def test_the_chunk_tables_are_made_without_pandas_and_pandas_still_works():
    script = (
        "import sys\n"
        "from hzcorpus.chunks import arrow_without_pandas, results_table\n"
        "from hzcorpus.steps import ItemResult\n"
        "arrow_without_pandas()\n"
        "table = results_table([ItemResult(0, 'a.txt')])\n"
        "print('pandas' in sys.modules)\n"
        "print(type(table.to_pandas()).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\nDataFrame\n"


def test_an_extension_with_a_newline_is_skipped_with_a_one_line_reason(tmp_path):
    from hzcorpus.inputs import skip_reason

    path = tmp_path / "\x01.\n"
    path.write_bytes(b"")
    assert skip_reason(path) == "extension .\\n is not one of .txt .html .htm .jsonl"


def test_the_warm_up_compiles_every_rule_and_survives_a_bad_pattern():
    script = (
        "import gc\n"
        "from hzcorpus import clean, language, redaction, sandbox\n"
        "from hzcorpus.rules import Rule\n"
        "bad = Rule('bad', 'an unbalanced group', '(a')\n"
        "sandbox._load_on_first_use()\n"
        "rules = [o for o in gc.get_objects() if isinstance(o, Rule) and o.pattern]\n"
        "lazy = [r.id for r in rules if 'regex' not in vars(r)]\n"
        "print(len(rules) > 100, lazy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_env(), check=True
    )
    assert done.stdout.split("\n")[0] == "True ['bad']"
