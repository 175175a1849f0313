"""Progress bars on a terminal and one-line summaries of the long commands; --quiet
silences both. stderr is a pseudo-terminal here, as in a person's shell."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from tests.conftest import ROOT, subprocess_env
from tests.review_fixture import make_dataset
from tests.test_translate import ARTICLES
from tests.tiny_package import build_package, train_sentencepiece

#: What tqdm draws: a percentage and a bar between pipes.
BAR = re.compile(r"\d+%\|")


def run_on_terminal(*args: str, tty: bool = True) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal (or a pipe); (status, stdout, stderr)."""
    command = [sys.executable, "-m", "hzcorpus", *args]
    env = subprocess_env()
    if not tty:
        out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
        return out.returncode, out.stdout, out.stderr
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=child, stdin=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    stdout = proc.stdout.read().decode()
    proc.stdout.close()
    return proc.wait(timeout=300), stdout, b"".join(chunks).decode(errors="replace")


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("progress")
    return build_package(root / "de_en.argosmodel", sentencepiece=train_sentencepiece())


@pytest.fixture(scope="module")
def installed(package, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("packages")
    code, _out, err = run_on_terminal(
        "models", "install", str(package), "--packages-dir", str(folder)
    )
    assert code == 0, err
    return folder


def _summary_lines(stderr: str) -> list[str]:
    return [
        line for line in stderr.replace("\r", "\n").splitlines() if line.startswith("hzcorpus:")
    ]


def test_translate_many_files(installed, tmp_path):
    files = []
    for i in range(20):
        files.append(tmp_path / f"{i:02d}.txt")
        files[-1].write_text(ARTICLES[i % 2], encoding="utf-8")
    args = ["translate", *map(str, files), "--from", "de", "--packages-dir", str(installed)]
    code, out, err = run_on_terminal(*args, "--out", str(tmp_path / "en"))
    assert code == 0, err
    assert out == ""
    assert BAR.search(err) and "translate" in err and "20/20" in err
    assert _summary_lines(err)[-1].startswith("hzcorpus: translated 20 of 20 files in ")
    assert len(list((tmp_path / "en").iterdir())) == 20

    code, out, err = run_on_terminal(*args, "--out", str(tmp_path / "q"), "--quiet")
    assert code == 0 and err == ""
    code, out, err = run_on_terminal(*args, "--out", str(tmp_path / "p"), tty=False)
    assert code == 0 and not BAR.search(err)  # no bar when stderr is not a terminal
    assert err.count("\n") == 1 and "translated 20 of 20 files" in err


def test_translate_summary_counts_failures(installed, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLES[0], encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    args = ["translate", str(good), str(empty), "--from", "de", "--packages-dir", str(installed)]
    code, _out, err = run_on_terminal(*args, "--out", str(tmp_path / "en"), tty=False)
    assert code == 1
    assert err.splitlines()[-1].startswith("hzcorpus: translated 1 of 2 files (1 failed) in ")


def test_review_of_a_dataset(tmp_path):
    dataset = make_dataset(tmp_path / "ds")
    code, out, err = run_on_terminal("review", str(dataset))
    assert code == 0 and out.strip().endswith("index.html")
    assert BAR.search(err) and "review" in err and "5/5" in err
    summary = _summary_lines(err)
    assert len(summary) == 1 and summary[0].startswith("hzcorpus: review: 5 article pages in ")
    code, out, err = run_on_terminal("review", str(dataset), "--quiet")
    assert code == 0 and err == "" and out.strip().endswith("index.html")


def test_models_install(package, tmp_path):
    args = ["models", "install", str(package), "--packages-dir", str(tmp_path / "p")]
    code, out, err = run_on_terminal(*args)
    assert code == 0 and out.startswith("installed de->en 1.0 in ")
    assert BAR.search(err) and package.name in err and "100%" in err
    code, out, err = run_on_terminal(*args, "--quiet")
    assert code == 0 and err == "" and out.startswith("installed de->en 1.0 in ")


def test_every_long_command_has_quiet():
    from hzcorpus import cli

    parser = cli.make_parser()
    for names in (["build"], ["translate"], ["review"], ["models", "install"]):
        command = parser
        for name in names:
            command = cli.arg.subcommands(command)[name]
        assert "--quiet" in command._option_string_actions, names
