"""Test setup: no network in this process or in the subprocesses the tests start."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NONET = Path(__file__).resolve().parent / "nonet"
DATA = Path(__file__).resolve().parent / "data"
RAW = ROOT / "raw"


def _load_guard():
    """Run tests/nonet/sitecustomize.py here too: it refuses sockets in this process.

    Loaded by path under its own name: `import sitecustomize` would give the interpreter's
    own (Debian's python3 has one, imported at start-up), leaving this process unguarded.
    """
    spec = importlib.util.spec_from_file_location("hzcorpus_nonet", NONET / "sitecustomize.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_nonet = _load_guard()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep every test's user folders (and anything a library writes there) in a tmp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")


@pytest.fixture
def net_log(tmp_path, monkeypatch) -> Path:
    """A file that lists every connection a subprocess attempted (empty when none)."""
    log = tmp_path / "net.log"
    log.touch()
    monkeypatch.setenv("HZCORPUS_TEST_NET_LOG", str(log))
    return log


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment of a test's own Python subprocess: sockets refused, package found."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(NONET), str(ROOT)]), **extra}


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run `python -m hzcorpus ARGS` with sockets refused; returns the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "hzcorpus", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=subprocess_env(**(env or {})),
        timeout=600,
    )


@pytest.fixture
def loopback(monkeypatch):
    """Allow connections to this machine's loopback address, and only there, for one test.

    The guard reads the variable at each connection; subprocesses inherit it.
    """
    monkeypatch.setenv(_nonet.LOOPBACK_ENV, "1")
