"""Every example of the README runs as written, with sockets refused.

Each code block runs in a fresh folder holding copies of `raw/` and `clean/`, with an empty
HOME, the way a reader who just ran the quickstart would run it:

- `python` blocks run statement by statement, their result comments checked doctest-style
  (`tests/readme_examples.py` says which comments are checks);
- `bash` (or `sh`, `shell`) blocks run line by line; each command must exit 0;
- `json`, `yaml`, `toml` and `text` blocks are data and do not run;
- plain blocks (no language) are synopses and layouts, not commands, except `$ ` lines of a
  transcript, which run and must print the lines below them (`...` for any lines).
  A plain block must be one of NOT_CODE, so a new command example gets a language tag.

Files the README says a reader brings (a downloaded package, a page, a folder of scraped
pages) are made by FILES. SKIP lists the only lines that do not run, each with its reason.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, RAW, ROOT, subprocess_env
from tests.readme_examples import Block, code_blocks, lines_match
from tests.tiny_package import build_package, minisbd_onnx

README = ROOT / "README.md"
BLOCKS = code_blocks(README.read_text(encoding="utf-8"))

#: Lines (regex on the command) that are not run, and why.
SKIP: dict[str, str] = {
    r"^python3 -m venv \.venv && \.venv/bin/pip install": "installs the project: the "
    "quickstart itself, which CI runs as its very command",
    r"^hzcorpus models download de en\s*(#.*)?$": "reads the package index on the internet "
    "(the same command with --index on a local mirror runs below)",
    r"^hzcorpus push ": "uploads to the Hub: needs the network and a token (the failures are "
    "tested in tests/test_hub.py)",
    r"^ray start |--executor ray": "needs a Ray cluster (and the ray extra); the Ray executor is "
    "tested in tests/test_ray.py on a local Ray",
    r"\.venv/bin/pip freeze|constraints\.new|^HOME=\$\(mktemp -d\) \.venv/bin/": "the "
    "maintainer's steps after a dependency change: they rewrite the project's pins and "
    "clean/ with the developer's own .venv",
}

#: Languages of blocks that run as shell commands, and of blocks that are data, not code.
SHELL = ("bash", "sh", "shell")
DATA_LANGS = ("json", "yaml", "toml", "text")

#: First lines of the plain blocks that are not commands: the CLI synopsis, a folder layout.
NOT_CODE = ("hzcorpus build RAW_DIR OUT_DIR [--workers N]", "OUT_DIR/")


def _mirror(folder: Path, package: bytes) -> None:
    """A local copy of a package index: index.json beside the package it lists."""
    folder.mkdir()
    (folder / "translate-de_en-1_9.argosmodel").write_bytes(package)
    entry = {"from_code": "de", "to_code": "en", "package_version": "1.9", "type": "translate"}
    entry["links"] = ["translate-de_en-1_9.argosmodel"]
    (folder / "index.json").write_text(json.dumps([entry]), encoding="utf-8")


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("package") / "p.argosmodel"
    return build_package(path, version="1.9").read_bytes()


@pytest.fixture
def workdir(tmp_path, package) -> Path:
    """A reader's folder after the quickstart, with the files the README tells them to bring."""
    work = tmp_path / "work"
    shutil.copytree(RAW, work / "raw")
    shutil.copytree(ROOT / "clean", work / "clean")
    files = {
        "translate-de_en-1_9.argosmodel": lambda p: p.write_bytes(package),
        "de.onnx": lambda p: p.write_bytes(minisbd_onnx("de")),
        "page.html": lambda p: shutil.copy(sorted(DATA.glob("clean/*.html"))[0], p),
        "lines.txt": lambda p: p.write_text("Guten Morgen\nGood morning\nBuenos días\n"),
        "scraped": lambda p: shutil.copytree(RAW, p),
        "mirror": lambda p: _mirror(p, package),
    }
    for name, make in files.items():
        make(work / name)
    return work


def _env(work: Path) -> dict[str, str]:
    home = work.parent / "home"
    home.mkdir(exist_ok=True)
    bin_dir = str(Path(sys.executable).parent)
    return subprocess_env(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PATH=f"{bin_dir}:{subprocess_env()['PATH']}",
        HZCORPUS_PACKAGES_DIR="",
    )


def _skipped(command: str) -> str | None:
    return next((why for pattern, why in SKIP.items() if re.search(pattern, command)), None)


def _run(command: str, work: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=work,
        env=_env(work),
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_readme_has_examples_of_each_kind():
    kinds = {block.lang for block in BLOCKS}
    assert {"python", "bash", ""} <= kinds, kinds
    known = {"python", "", *SHELL, *DATA_LANGS}
    assert kinds <= known, f"a block of a language this test does not run: {kinds - known}"
    for pattern in SKIP:  # every skip still names a line the README has
        lines = (line for b in BLOCKS if b.lang in SHELL for line in b.text.splitlines())
        assert any(re.search(pattern, line.strip()) for line in lines), pattern


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.lang == "python"], ids=lambda b: b.name)
def test_python_example(block: Block, workdir):
    source = workdir / "example.py"
    source.write_text(block.text, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "tests.readme_examples", str(source)],
        cwd=workdir,
        env=_env(workdir),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert out.returncode == 0, f"README line {block.line}:\n{out.stderr[-3000:]}"


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.lang in SHELL], ids=lambda b: b.name)
def test_shell_example(block: Block, workdir):
    ran = 0
    for number, line in enumerate(block.text.splitlines()):
        command = line.strip()
        if not command or command.startswith("#") or _skipped(command):
            continue
        out = _run(command, workdir)
        where = f"README line {block.line + number}: {command}"
        assert out.returncode == 0, f"{where}\n{out.stderr[-3000:]}"
        ran += 1
    if not ran:
        pytest.skip(f"every line of the block is in SKIP: {block.text.splitlines()[0]}")


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.lang == ""], ids=lambda b: b.name)
def test_plain_block(block: Block, workdir):
    lines = block.text.rstrip("\n").split("\n")
    if not any(line.startswith("$ ") for line in lines):
        assert lines[0].startswith(NOT_CODE), (
            f"README line {block.line}: a plain block that is not a synopsis or a layout: give "
            "it a language (```bash, ```python) so that its examples run"
        )
        return
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(lines)
        expected = [line for line in lines[start + 1 : end]]
        while expected and not expected[-1].strip():
            expected.pop()
        out = _run(lines[start][2:], workdir)
        assert out.returncode == 0, out.stderr
        actual = out.stdout.rstrip("\n").split("\n")
        assert lines_match(expected, actual), (
            f"README line {block.line + start}: {lines[start]}\nprinted:\n{out.stdout}"
        )


def test_result_comments_are_checked():
    """The doctest-style runner fails a wrong result and lets prose comments be."""
    from tests.readme_examples import run_python

    good = (
        "x = [6, 10]\n"
        "x  # [6, 10]: indices of damaged paragraphs\n"
        "print({'kept': 5})  # {'kept': 5}\n"
        "for i in range(3):\n"
        "    print(i)\n"
        "# 0\n"
        "# ...\n"
        "# 2\n"
        "Path = __import__('pathlib').PurePosixPath\n"
        "Path('a/b')  # PurePosixPath('a/…\n"
        "len(x)  # two, since the list is short\n"
    )
    assert run_python(good) == []
    bad = "x = [6, 10]\nx  # [6, 11]: indices\nprint(1)\n# 2\n"
    assert [f.split(":")[0] for f in run_python(bad)] == ["line 2", "line 3"]
