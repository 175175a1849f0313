"""The Ray executor gives the local executor's bytes (needs the extra `hzcorpus[ray]`).

One local Ray for the module: 2 CPUs, no dashboard, loopback only, auth off. A hang fails
by the timeouts of the subprocess runs and of CI's own run.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from subprocess import DEVNULL

import pytest

from hzcorpus import builder
from hzcorpus.builder import BuildOptions, build
from hzcorpus.errors import DatasetError
from hzcorpus.manifest import read_manifest
from tests.conftest import NONET, ROOT
from tests.synthetic import write_corpus

ray = pytest.importorskip("ray", reason="the ray extra is not installed")

FAST = BuildOptions(workers=1, quiet=True, translate=None, chunk_size=3)
RAY_ENV = {"RAY_AUTH_MODE": "disabled", "HZCORPUS_TEST_LOOPBACK": "1"}


@pytest.fixture(scope="module")
def local_ray():
    saved = {k: os.environ.get(k) for k in RAY_ENV}
    os.environ.update(RAY_ENV)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        log_to_driver=False,
        object_store_memory=256 * 1024 * 1024,
    )
    try:
        yield
    finally:
        ray.shutdown()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()  # build.json too: it holds no facts of the run
    }


def test_ray_writes_the_bytes_of_one_and_two_local_workers(local_ray, tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    write_corpus(raw, 24, seed=11)
    (raw / "lines.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Short\n\nA line of text about the river and its bridges."})
        + "\n{broken\n"
    )
    (raw / "notes.md").write_text("not read")
    one = build(raw, tmp_path / "one", replace(FAST, shard_rows=5))
    build(raw, tmp_path / "two", replace(FAST, shard_rows=5, workers=2))
    on_ray = build(raw, tmp_path / "ray", replace(FAST, shard_rows=5, executor="ray"))
    assert _files(tmp_path / "one") == _files(tmp_path / "two") == _files(tmp_path / "ray")
    assert on_ray.status == one.status and on_ray.steps == one.steps
    from hzcorpus.executors import ray as ray_executor

    monkeypatch.setattr(ray_executor, "WINDOW_CHUNKS", 2)  # 9 chunks: windows of 2 chunks
    monkeypatch.setattr(ray_executor, "WINDOW_WAVES", 0)
    build(raw, tmp_path / "windows", replace(FAST, shard_rows=5, executor="ray"))
    assert _files(tmp_path / "windows") == _files(tmp_path / "one")
    assert on_ray.executor == "ray"
    assert on_ray.status["skipped"] == 1 and on_ray.status["failed"] >= 1


def test_a_repeat_build_on_ray_writes_the_local_bytes(local_ray, tmp_path):
    from tests.test_repeats import FURNITURE, RULE, _write_site

    raw = tmp_path / "raw"
    _write_site(raw, [{0}, {0, 1}, {0}, {1}, {2}, {0, 2}, set()])
    options = replace(FAST, repeats=3)
    build(raw, tmp_path / "local", options)
    on_ray = build(raw, tmp_path / "ray", replace(options, executor="ray"))
    assert _files(tmp_path / "local") == _files(tmp_path / "ray")
    assert on_ray.steps["repeats"]["forwarded"] == 7
    import hzcorpus

    removed = [r for rows in hzcorpus.load(tmp_path / "ray")["removed"] for r in rows]
    assert sum(r["rule"] == RULE and r["text"] == FURNITURE[0] for r in removed) == 4


def test_translation_on_ray_runs_in_an_actor_pool(local_ray, tmp_path):
    from hzcorpus.packages import install_package
    from hzcorpus.translate import TranslateOptions
    from tests.tiny_package import build_package

    packages = tmp_path / "packages"
    install_package(build_package(tmp_path / "de_en.argosmodel"), packages)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "de.txt").write_text(
        "Neue Radwege\n\nDie Stadt plant neue Radwege entlang des Flusses. Der Bürgermeister "
        "sagte am Montag, dass die Arbeiten im Frühjahr beginnen.\n"
    )
    (raw / "en.txt").write_text(
        "Budget talks\n\nThe regional parliament met on Tuesday to discuss the new budget.\n"
    )
    options = replace(FAST, translate=TranslateOptions(packages_dir=packages))
    build(raw, tmp_path / "local", options)
    report = build(raw, tmp_path / "ray", replace(options, executor="ray", translate_actors=1))
    assert _files(tmp_path / "local") == _files(tmp_path / "ray")
    assert report.steps["translate"]["forwarded"] == 2
    with pytest.raises(DatasetError, match=r"ask for fewer --translate-actors"):
        build(raw, tmp_path / "big", replace(options, executor="ray", translate_actors=8))


def _env() -> dict[str, str]:
    return {**os.environ, **RAY_ENV, "PYTHONPATH": os.pathsep.join([str(NONET), str(ROOT)])}


def test_a_killed_ray_build_resumes_to_the_clean_build(local_ray, tmp_path):
    raw, out, fresh = tmp_path / "raw", tmp_path / "out", tmp_path / "fresh"
    write_corpus(raw, 60, seed=12, html_share=0)
    cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), str(out), "--quiet"]
    address = ray.get_runtime_context().gcs_address  # the drivers join the test's Ray
    args = ["--no-translate", "--chunk-size", "2", "--executor", "ray", "--ray-address", address]
    proc = subprocess.Popen([*cmd, *args], env=_env(), start_new_session=True, stderr=DEVNULL)
    chunks = builder.work_dir(out) / "chunks"
    deadline = time.time() + 180
    while not (chunks.exists() and any(chunks.rglob("*.arrow"))) and time.time() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert not out.exists()
    resume = [a for a in [*cmd, *args, "--resume"] if a != "--quiet"]
    resumed = subprocess.run(resume, env=_env(), capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    reused = int(re.search(r", (\d+) reused, ", resumed.stderr).group(1))
    assert 0 < reused < 60
    build(raw, fresh, FAST)
    assert _files(out) == _files(fresh)


def test_a_document_over_the_time_limit_fails_the_same_way_on_ray(local_ray, tmp_path):
    from tests.test_engine import TEXT, _slow_page

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT)
    (raw / "b.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    (raw / "slow.html").write_text(_slow_page(100_000))  # 17 MB: far over 1 s anywhere
    options = replace(FAST, time_limit=1.0)
    local = build(raw, tmp_path / "local", options)
    report = build(raw, tmp_path / "ray", replace(options, executor="ray"))
    # a time-limited document is recorded alike (same reason, no content hash) on both; on
    # a crowded machine a small one may run out of time too, on either side
    slow = "time-limit: no result within 1 s (time limit); the worker was restarted"
    for done in (local, report):
        assert ("slow.html", slow) in done.failures
        assert all(reason == slow for _source, reason in done.failures)
    entries = [{e.source: e for e in read_manifest(tmp_path / out)} for out in ("local", "ray")]
    assert entries[0]["slow.html"] == entries[1]["slow.html"]
    assert entries[0]["slow.html"].sha256 is None
