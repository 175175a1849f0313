import codecs
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from subprocess import DEVNULL, PIPE

import pyarrow.parquet as pq
import pytest

import hzcorpus
from hzcorpus import builder
from hzcorpus.builder import BuildOptions, build
from hzcorpus.errors import DatasetError, InputError
from hzcorpus.manifest import read_manifest
from hzcorpus.read import ReadOptions
from tests.conftest import NONET, RAW, ROOT, run_cli
from tests.synthetic import write_corpus

# Translation, when installed, finds no model in the tests' empty HOME; leave it out here so
# that the tests stay fast; the committed-clean test runs the default options.
FAST = BuildOptions(workers=1, quiet=True, translate=None, chunk_size=4)


def _html_extraction() -> bool:
    """Whether the clean stage on this branch extracts HTML yet (it lands separately)."""
    from hzcorpus.clean import clean_document

    try:
        clean_document(hzcorpus.document_from_bytes(b"<html><p>x</p></html>", "x", fmt="html"))
    except InputError as exc:
        return "not available" not in str(exc)
    return True


HTML = _html_extraction()
HTML_SOURCES = ("b/d.html", "e.txt", "f.jsonl#L3")

ARTICLE = (
    "{title}\n\nThe regional parliament met on Tuesday to discuss the new budget for {what}.\n"
    "Members from every party agreed that the money should go to schools first.\n"
    "A final vote is expected before the summer break, the speaker said.\n"
)


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


@pytest.fixture
def mixed(tmp_path) -> Path:
    """A raw folder with every kind of input: nested, HTML, JSON lines, copies, bad files."""
    raw = tmp_path / "raw"
    _write(raw / "a.txt", ARTICLE.format(title="Budget talks", what="schools"))
    _write(raw / "b" / "c.txt", ARTICLE.format(title="Budget talks", what="schools"))  # copy
    html = (
        "<html><head><title>Tram line</title></head>\n<body><article><h1>Tram line</h1>\n"
        + "\n".join(f"<p>{s}</p>" for s in ARTICLE.format(title="", what="trams").split("\n")[2:])
        + "\n</article></body></html>\n"
    )
    _write(raw / "b" / "d.html", html)
    _write(raw / "e.txt", html.replace("trams", "ferries"))  # an extension that lies
    lines = [
        json.dumps({"text": ARTICLE.format(title="Bridge", what="bridges")}),
        "",
        json.dumps({"html": html.replace("trams", "buses"), "url": "https://x.example/1"}),
        "{not json",
        json.dumps({"body": "no text field"}),
    ]
    _write(raw / "f.jsonl", "\n".join(lines) + "\n")
    _write(raw / "g.pdf", b"%PDF-1.4 binary")
    _write(raw / "notes.md", "# notes")
    _write(raw / ".hidden.txt", "hidden")
    _write(raw / "h_empty.txt", b"")
    _write(raw / "i_binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _write(raw / "j_undecodable.txt", codecs.BOM_UTF8 + b"caf\xe9 \xff\xfe broken")
    _write(raw / "k_huge.txt", ARTICLE.format(title="Huge", what="x" * 5000))
    _write(raw / "l_boilerplate.txt", "Sign up for our newsletter\nShare this article\n")
    return raw


def _entries(out: Path) -> dict[str, tuple[str, str | None]]:
    return {e.source: (e.status, e.reason) for e in read_manifest(out)}


def test_mixed_folder_builds_and_records_every_input(mixed, tmp_path):
    out = tmp_path / "out"
    options = replace(FAST, read=ReadOptions(max_bytes=2000))
    report = build(mixed, out, options)
    assert not report.ok
    entries = list(read_manifest(out / "manifest.jsonl"))
    sources = [e.source for e in entries]
    assert sources == [
        ".hidden.txt", "a.txt", "b/c.txt", "b/d.html", "e.txt", "f.jsonl#L1", "f.jsonl#L3",
        "f.jsonl#L4", "f.jsonl#L5", "g.pdf", "h_empty.txt", "i_binary.txt", "j_undecodable.txt",
        "k_huge.txt", "l_boilerplate.txt", "notes.md",
    ]  # fmt: skip
    status = _entries(out)
    assert status["a.txt"] == ("kept", None)
    assert status["b/c.txt"][0] == "duplicate"
    assert next(e for e in entries if e.source == "b/c.txt").duplicate_of == "a.txt"
    assert status["f.jsonl#L1"] == ("kept", None)
    for source in HTML_SOURCES:
        expected = ("kept", None) if HTML else ("failed", "clean: HTML extraction is not available")
        assert status[source] == expected, source
    assert status["f.jsonl#L4"] == ("failed", status["f.jsonl#L4"][1])
    assert "not valid JSON" in status["f.jsonl#L4"][1]
    assert "no string `text` or `html` field" in status["f.jsonl#L5"][1]
    assert status["h_empty.txt"][0] == "failed" and "empty" in status["h_empty.txt"][1]
    assert "binary" in status["i_binary.txt"][1]
    assert "undecodable" in status["j_undecodable.txt"][1]
    assert status["k_huge.txt"][1] == "read: input is 5,220 bytes, over the 2,000 bytes limit"
    assert status["g.pdf"] == ("skipped", "extension .pdf is not one of .txt .html .htm .jsonl")
    assert status["notes.md"][0] == "skipped"
    assert status[".hidden.txt"] == ("skipped", "hidden file")
    assert status["l_boilerplate.txt"] == ("dropped", "has-text: no text left after cleaning")
    n_html = len(HTML_SOURCES) if HTML else 0
    assert report.status == {
        "kept": 2 + n_html, "duplicate": 1, "dropped": 1, "failed": 9 - n_html, "skipped": 3
    }  # fmt: skip

    ds = hzcorpus.load(out)
    assert ds["source"] == [s for s in status if status[s][0] == "kept"]
    formats = dict(zip(ds["source"], ds["format"], strict=True))
    assert formats["a.txt"] == "text"
    if HTML:
        assert formats["e.txt"] == "html" and formats["f.jsonl#L3"] == "html"
    summary = json.loads((out / "build.json").read_text())
    assert summary["status"] == report.status
    assert summary["steps"]["read"]["failed"] == 6
    assert summary["steps"]["has-text"]["dropped"] == 1
    assert summary["steps"]["dedupe"] == {"forwarded": 2 + n_html, "dropped": 1, "failed": 0}


def test_no_machine_path_in_the_dataset(mixed, tmp_path):
    out = tmp_path / "out"
    build(mixed, out, FAST)
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert str(tmp_path).encode() not in data, path
            assert str(Path.home()).encode() not in data, path


def test_output_does_not_depend_on_workers_and_rebuild_leaves_nothing_stale(tmp_path):
    raw = tmp_path / "raw"
    write_corpus(raw, 40, seed=3)
    one, two = tmp_path / "one", tmp_path / "two"
    report = build(raw, one, replace(FAST, shard_rows=7))
    build(raw, two, replace(FAST, shard_rows=7, workers=2))
    names = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    assert report.stats.rows >= 20
    assert len([n for n in names if n.startswith("data/")]) == -(-report.stats.rows // 7)
    for name in names:  # build.json too: it holds no facts of the run
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    for path in sorted(raw.iterdir())[10:]:
        path.unlink()
    report = build(raw, one, replace(FAST, shard_rows=7))
    assert 0 < report.stats.rows <= 10
    shards = -(-report.stats.rows // 7)
    assert sorted(p.name for p in (one / "data").iterdir()) == [
        f"train-{i:05d}-of-{shards:05d}.parquet" for i in range(shards)
    ]
    assert hzcorpus.load(one).num_rows == report.stats.rows
    assert not builder.work_dir(one).exists()


def test_a_rebuilt_folder_never_loads_from_the_stale_cache(tmp_path):
    from datasets import load_dataset

    raw, out = tmp_path / "raw", tmp_path / "clean"
    write_corpus(raw, 3, seed=5, html_share=0)
    build(raw, out, FAST)
    before = hzcorpus.load(out)["text"]
    assert load_dataset(str(out), split="train")["text"] == before
    first = sorted(raw.iterdir())[0]
    first.write_text(first.read_text().replace("a", "o"))  # same size, other text
    build(raw, out, FAST)
    after = hzcorpus.load(out)["text"]
    assert after != before and after[1:] == before[1:]
    (raw / "new.txt").write_text(ARTICLE.format(title="New", what="parks"))
    build(raw, out, FAST)  # other sizes: the card's dataset_info gives a new cache key
    assert load_dataset(str(out), split="train")["text"] == hzcorpus.load(out)["text"]
    assert len(hzcorpus.load(out)) == 4


def test_refuses_unsafe_output_folders(tmp_path):
    raw = tmp_path / "raw"
    write_corpus(raw, 2)
    with pytest.raises(DatasetError, match="outside the raw folder"):
        build(raw, raw / "out", FAST)
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.tex").write_text("keep me")
    with pytest.raises(DatasetError, match="not a dataset hzcorpus built"):
        build(raw, other, FAST)
    assert (other / "thesis.tex").read_text() == "keep me"
    with pytest.raises(InputError, match="no such folder"):
        build(tmp_path / "missing", tmp_path / "out", FAST)
    with pytest.raises(InputError, match=r"thesis.tex: not a folder"):
        build(other / "thesis.tex", tmp_path / "out", FAST)


def test_an_unwritable_output_folder_is_a_one_line_error(tmp_path):
    raw, not_a_folder = tmp_path / "raw", tmp_path / "file"
    write_corpus(raw, 2)
    not_a_folder.write_text("a file")
    with pytest.raises(DatasetError, match=r"cannot write .*file/out: "):
        build(raw, not_a_folder / "out", FAST)
    result = run_cli("build", str(raw), str(not_a_folder / "out"), "--quiet")
    assert result.returncode == 2
    assert result.stderr.startswith("hzcorpus: cannot write ") and result.stderr.count("\n") == 1


def test_one_build_per_output_folder_at_a_time(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 2)
    with (
        builder.locked(builder.work_dir(out), out),
        pytest.raises(DatasetError, match="another build is writing it"),
    ):
        build(raw, out, FAST)


def test_cli_build_exit_status_and_summary(mixed, tmp_path):
    out = tmp_path / "out"
    args = ("--workers", "1", "--no-translate", "--max-bytes", "2000")
    result = run_cli("build", str(mixed), str(out), *args)
    assert result.returncode == 1  # something failed, the dataset is still written
    n_html = len(HTML_SOURCES) if HTML else 0
    assert (
        f"{2 + n_html} kept, 1 duplicate, 1 dropped, {9 - n_html} failed, 3 skipped"
        in result.stderr
    )
    assert "hzcorpus: failed: h_empty.txt: read: input is empty" in result.stderr
    assert hzcorpus.load(out).num_rows == 2 + n_html
    for bad in ("f.jsonl", "h_empty.txt", "i_binary.txt", "j_undecodable.txt", "k_huge.txt"):
        (mixed / bad).unlink()
    if not HTML:
        (mixed / "b" / "d.html").unlink()
        (mixed / "e.txt").unlink()
    result = run_cli("build", str(mixed), str(out), "--quiet", "--no-translate")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    result = run_cli("build", str(mixed), str(out), "--workers", "0")
    assert result.returncode == 2 and "--workers: must be at least 1" in result.stderr


def test_no_progress_bar_frames_when_stderr_is_not_a_terminal(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 3, html_share=0)
    result = run_cli("build", str(raw), str(out), "--workers", "1", "--no-translate")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"{out}: 3 kept, 0 duplicate, 0 dropped, 0 failed, 0 skipped; ")
    assert "\r" not in result.stderr and result.stderr.count("\n") == 1


def test_cli_build_of_nothing_warns_and_fails(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    result = run_cli("build", str(raw), str(tmp_path / "out"), "--quiet", "--no-translate")
    assert result.returncode == 1
    assert result.stderr == f"hzcorpus: warning: {raw} holds no files: the dataset is empty\n"
    (raw / "empty.txt").write_bytes(b"")
    result = run_cli("build", str(raw), str(tmp_path / "out"), "--quiet", "--no-translate")
    assert result.returncode == 1
    assert "hzcorpus: warning: no input was kept: the dataset is empty" in result.stderr
    with pytest.raises(DatasetError, match="the dataset has no rows"):
        hzcorpus.load(tmp_path / "out")


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a dataset folder, build.json too: it holds no facts of the run."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _resume(raw: Path, out: Path, *args: str) -> tuple[subprocess.CompletedProcess, int]:
    """Run `build --resume` (not quiet); the process and the inputs it reused, from the
    CLI's summary line (a fact of the run, not written into build.json)."""
    cmd = [a for a in _build_cmd(raw, out, *args, "--resume") if a != "--quiet"]
    done = subprocess.run(cmd, env=_env(), stderr=PIPE, text=True)
    match = re.search(r", (\d+) reused, ", done.stderr)
    assert match, done.stderr
    return done, int(match.group(1))


def _build_cmd(raw: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "hzcorpus", "build", str(raw), str(out), "--quiet", *extra]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(NONET), str(ROOT)])}


def test_killed_build_leaves_old_dataset_and_resume_equals_clean_build(tmp_path):
    raw, out, fresh = tmp_path / "raw", tmp_path / "out", tmp_path / "fresh"
    write_corpus(raw, 12, seed=1)
    build(raw, out, FAST)  # an older dataset in OUT_DIR
    old = _files(out)
    write_corpus(raw, 150, seed=2)
    args = ("--workers", "1", "--no-translate", "--chunk-size", "4")
    cmd = _build_cmd(raw, out, *args)
    proc = subprocess.Popen(cmd, env=_env(), start_new_session=True, stderr=DEVNULL)
    results = builder.work_dir(out) / "chunks"
    deadline = time.time() + 120
    while not (results.exists() and any(results.rglob("*.arrow"))) and time.time() < deadline:
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # killed midway, not finished
    assert _files(out) == old  # no half-written dataset visible

    other = ("--workers", "2", "--no-translate", "--chunk-size", "7")  # reused all the same
    resumed, reused = _resume(raw, out, *other)
    assert 0 < reused < 150
    clean = subprocess.run(_build_cmd(raw, fresh, *args), env=_env(), stderr=DEVNULL)
    assert resumed.returncode == clean.returncode in (0, 1)  # 1: an input failed (reported)
    assert _files(out) == _files(fresh)


def test_two_builds_into_two_folders_at_once(tmp_path):
    raw = tmp_path / "raw"
    write_corpus(raw, 60, seed=4)
    args = ("--workers", "1", "--no-translate")
    procs = [
        subprocess.Popen(_build_cmd(raw, tmp_path / name, *args), env=_env(), stderr=DEVNULL)
        for name in ("x", "y")
    ]
    assert [p.wait(timeout=300) for p in procs] == ([0, 0] if HTML else [1, 1])
    assert _files(tmp_path / "x") == _files(tmp_path / "y")
    n_html = len(list(raw.glob("*.html")))
    assert hzcorpus.load(tmp_path / "x").num_rows == (60 if HTML else 60 - n_html)


def test_a_json_line_with_its_own_unique_id_is_named_by_it(tmp_path):
    raw = tmp_path / "raw"
    ids = ["ap-123", "ap-123", "", 7, "L9", "has space", "x#y", None, "zz/9"]
    lines = [
        json.dumps({"id": id_, "text": ARTICLE.format(title=f"T{n}", what=f"item {n}")})
        for n, id_ in enumerate(ids)
    ]
    _write(raw / "f.jsonl", "\n".join(lines) + "\n")
    build(raw, tmp_path / "out", FAST)
    sources = [e.source for e in read_manifest(tmp_path / "out")]
    # Not a string, empty, already used in the file, or not a plain token: the line number.
    expected = ["#ap-123", "#L2", "#L3", "#L4", "#L5", "#L6", "#L7", "#L8", "#zz/9"]
    assert sources == [f"f.jsonl{e}" for e in expected]
    assert hzcorpus.load(tmp_path / "out")["source"] == sources


def test_jsonl_that_is_not_json_is_read_by_content(tmp_path):
    raw = tmp_path / "raw"
    _write(raw / "page.jsonl", ARTICLE.format(title="Not JSON at all", what="roads"))
    build(raw, tmp_path / "out", FAST)
    assert _entries(tmp_path / "out") == {"page.jsonl": ("kept", None)}


def test_process_document_runs_the_steps():
    doc = hzcorpus.read_document(sorted(RAW.glob("*.txt"))[0], root=RAW)
    out = builder.process_document(doc, FAST)
    assert out.text and out.title
    empty = hzcorpus.document_from_bytes(b"Sign up for our newsletter\n", "x.txt")
    with pytest.raises(InputError, match=r"x\.txt: has-text: no text left after cleaning"):
        builder.process_document(empty, FAST)


def _versions_match(committed: Path) -> bool:
    recorded = json.loads((committed / "build.json").read_text())["versions"]
    stages = json.loads((committed / "build.json").read_text())["stages"]
    options = BuildOptions(
        translate=None if "translate" not in stages else BuildOptions().translate
    )
    libraries = options.libraries()
    return recorded == hzcorpus.card.library_versions(libraries)


def test_committed_clean_equals_a_fresh_build_of_raw(tmp_path, monkeypatch):
    """`clean/` must be rebuilt (`hzcorpus build raw clean`) whenever the pipeline changes.

    Like a fresh machine: no translation package installed (the tests' HOME is empty).
    """
    monkeypatch.delenv("HZCORPUS_PACKAGES_DIR", raising=False)
    committed = ROOT / "clean"
    out = tmp_path / "clean"
    build(RAW, out, BuildOptions(quiet=True, workers=1))
    assert (
        json.loads((out / "build.json").read_text())["stages"]
        == json.loads((committed / "build.json").read_text())["stages"]
    ), "clean/ was built with other stages: rebuild it with `hzcorpus build raw clean`"
    assert _entries(out) == _entries(committed)
    if _versions_match(committed):  # same libraries: the very same bytes
        assert _files(out) == _files(committed), "clean/ drifted: run `hzcorpus build raw clean`"
    else:  # other library versions: the same rows, and the card apart from its versions table
        for name in sorted((committed / "data").iterdir()):
            assert pq.read_table(out / "data" / name.name).equals(pq.read_table(name))

        def card(folder: Path) -> list[str]:
            text = (folder / "README.md").read_text(encoding="utf-8")
            return [line for line in text.splitlines() if not line.startswith("| ")]

        assert card(out) == card(committed)


def test_build_translates_with_an_installed_package(tmp_path):
    from hzcorpus.packages import install_package
    from hzcorpus.translate import TranslateOptions
    from tests.tiny_package import build_package

    packages = tmp_path / "packages"
    install_package(build_package(tmp_path / "de_en.argosmodel"), packages)
    raw = tmp_path / "raw"
    pages = {
        "de.txt": "Neue Radwege\n\nDie Stadt plant neue Radwege entlang des Flusses. Der "
        "Bürgermeister sagte am Montag, dass die Arbeiten im Frühjahr beginnen.\nViele "
        "Anwohner begrüßen das Vorhaben, andere fürchten um ihre Parkplätze.\n",
        "en.txt": ARTICLE.format(title="Budget talks", what="schools"),
        "fr.txt": "Nouvelles pistes\n\nLa ville prévoit de nouvelles pistes cyclables le long "
        "du fleuve. Le maire a déclaré lundi que les travaux commenceront au printemps.\n",
    }
    for name, text in pages.items():
        _write(raw / name, text)
    options = replace(FAST, translate=TranslateOptions(packages_dir=packages))
    build(raw, tmp_path / "two", replace(options, workers=2))  # an engine per worker
    report = build(raw, tmp_path / "one", options)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    rows = {r["source"]: r for r in hzcorpus.load(tmp_path / "one")}
    assert [rows[s]["language"] for s in sorted(rows)] == ["de", "en", "fr"]
    assert rows["de.txt"]["text_en"] and rows["de.txt"]["translation"]["package"]
    assert rows["en.txt"]["text_en"] == rows["en.txt"]["text"]
    assert rows["en.txt"]["translation"] is None
    assert rows["fr.txt"]["text_en"] is None and "fr->en" in rows["fr.txt"]["translation_note"]
    assert report.steps["translate"] == {"forwarded": 3, "dropped": 0, "failed": 0}
    card = (tmp_path / "one" / "README.md").read_text()
    assert "Translation package(s): `" in card
    assert "non-English articles: 1 of 2 (50.0%)" in card
    assert "| `fr->en` | 1 |" in card
    summary = json.loads((tmp_path / "one" / "build.json").read_text())
    assert summary["missing_translation_pairs"] == {"fr->en": 1}
    assert str(tmp_path) not in card


def test_options_fingerprint_is_stable_across_processes_and_follows_the_options():
    code = "from hzcorpus.builder import BuildOptions; print(BuildOptions().fingerprint())"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], env=_env(), capture_output=True, text=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert runs == {BuildOptions().fingerprint()}
    changed = replace(BuildOptions(), read=ReadOptions(max_bytes=10))
    assert changed.fingerprint() != BuildOptions().fingerprint()
    assert replace(BuildOptions(), workers=7).fingerprint() == BuildOptions().fingerprint()


def test_fingerprint_follows_the_shipped_data_files(tmp_path, monkeypatch):
    from hzcorpus import builder

    (tmp_path / "models").mkdir()
    model = tmp_path / "models" / "line_model.json"
    model.write_text('{"trees": [1]}')
    first = builder.data_digest(tmp_path)
    model.write_text('{"trees": [2]}')
    assert builder.data_digest(tmp_path) != first
    assert builder.data_digest() == builder.data_digest()
    before = BuildOptions().fingerprint()
    monkeypatch.setattr(builder, "data_digest", lambda: "retrained")
    assert BuildOptions().fingerprint() != before


def test_fingerprint_follows_installed_packages_not_their_folder(tmp_path):
    from hzcorpus.translate import TranslateOptions
    from tests.tiny_package import build_package

    def fingerprint(folder: Path) -> str:
        translate = TranslateOptions(packages_dir=folder)
        return replace(BuildOptions(), translate=translate).fingerprint()

    assert fingerprint(tmp_path / "a") == fingerprint(tmp_path / "b")
    hzcorpus.install_package(build_package(tmp_path / "de_en.argosmodel"), tmp_path / "b")
    assert fingerprint(tmp_path / "a") != fingerprint(tmp_path / "b")


def _session_processes(sid: int) -> list[int]:
    """Ids of the live processes of session `sid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_terminated_build_leaves_no_process_behind_and_resumes(tmp_path, sig):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 400, seed=7, html_share=0)
    args = ("--workers", "2", "--no-translate", "--chunk-size", "2")
    proc = subprocess.Popen(_build_cmd(raw, out, *args), env=_env(), start_new_session=True)
    results = builder.work_dir(out) / "chunks"
    deadline = time.time() + 120
    while not (results.exists() and any(results.rglob("*.arrow"))) and time.time() < deadline:
        time.sleep(0.005)
    os.kill(proc.pid, sig)  # the build's main process only, as `kill PID` does
    stopped = time.monotonic()
    try:
        assert proc.wait(timeout=60) == (130 if sig == signal.SIGTERM else -sig)
        assert time.monotonic() - stopped < 5  # about 2 s, on a busy machine
        deadline = time.time() + 20
        while _session_processes(proc.pid) and time.time() < deadline:
            time.sleep(0.05)
        assert _session_processes(proc.pid) == []  # forkserver and workers gone too
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # what a failure left behind
    assert not out.exists()
    resumed, reused = _resume(raw, out, *args)
    assert resumed.returncode == 0
    assert 0 < reused < 400
