"""The quickstart leaves `git status` clean: no run facts in committed files, pinned versions.

The quickstart installs with `-c constraints.txt` and runs `hzcorpus build raw clean`, which
must rewrite the committed `clean/` byte for byte and add no file.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from importlib import metadata

import pytest

from hzcorpus.builder import BuildOptions, build
from hzcorpus.card import library_versions
from tests.conftest import RAW, ROOT, run_cli

RUN_FACTS = {"started", "seconds", "workers", "reused", "time", "duration", "host"}


def _pins() -> dict[str, str]:
    """Package -> version pinned by constraints.txt (names normalised as pip does)."""
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==([^\s;]+)", line)
        if match:
            pins[_norm(match.group(1))] = match.group(2)
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements() -> list[str]:
    """Names of what the quickstart installs: hzcorpus's requirements, test and ray extras."""
    return [
        _norm(re.match(r"[A-Za-z0-9._-]+", spec).group(0))
        for spec in metadata.requires("hzcorpus") or []
        if "extra ==" not in spec or re.search(r"""extra == ['"](?:test|ray)['"]""", spec)
    ]


def test_build_json_holds_no_run_facts_and_does_not_depend_on_workers(tmp_path):
    options = BuildOptions(quiet=True, translate=None, chunk_size=2)
    one = build(RAW, tmp_path / "one", replace(options, workers=1))
    two = build(RAW, tmp_path / "two", replace(options, workers=2))
    assert one.seconds > 0 and two.seconds > 0  # the run facts are in the report
    first = (tmp_path / "one" / "build.json").read_bytes()
    assert first == (tmp_path / "two" / "build.json").read_bytes()
    assert not RUN_FACTS & set(json.loads(first))


def test_every_requirement_is_pinned_and_the_quickstart_uses_the_pins():
    pins = _pins()
    missing = [name for name in _requirements() if name not in pins]
    assert not missing, f"constraints.txt pins no version of {missing}: regenerate it (README)"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    installs = re.findall(r"pip install ([^&]+)&&", quickstart)
    assert len(installs) == 2 and all("-c constraints.txt" in cmd for cmd in installs)
    assert re.search(
        r"pip install -c constraints.txt '\.\[test,ray\]'", (ROOT / ".ci/run").read_text()
    )


def test_committed_clean_was_built_with_the_pinned_versions():
    recorded = json.loads((ROOT / "clean" / "build.json").read_text(encoding="utf-8"))
    pins = _pins()
    differ = {
        name: (version, pins.get(_norm(name)))
        for name, version in recorded["versions"].items()
        if name != "hzcorpus" and pins.get(_norm(name)) != version
    }
    assert not differ, (
        f"clean/ was built with other versions than constraints.txt pins {differ}: install "
        "with `pip install -c constraints.txt` and rebuild with `hzcorpus build raw clean`"
    )


def _installed_as_pinned() -> list[str]:
    pins = _pins()
    recorded = json.loads((ROOT / "clean" / "build.json").read_text(encoding="utf-8"))
    return [
        f"{name} {version} (pinned {pins.get(_norm(name))})"
        for name, version in library_versions(recorded["versions"]).items()
        if name != "hzcorpus" and version != pins.get(_norm(name))
    ]


def test_quickstart_build_leaves_git_status_clean(tmp_path, monkeypatch):
    """A checkout holding the committed raw/ and clean/, `hzcorpus build raw clean` as in the
    quickstart (empty HOME, all cores), then `git status`."""
    differ = _installed_as_pinned()
    if differ:
        pytest.skip(f"libraries not installed as constraints.txt pins them: {differ}")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.delenv("HZCORPUS_PACKAGES_DIR", raising=False)
    repo = tmp_path / "repo"
    for name in ("raw", "clean"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")

    def git(*args: str) -> str:
        out = subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "committed state")
    out = run_cli("build", "raw", "clean", cwd=repo)
    assert out.returncode == 0, out.stderr
    assert git("status", "--porcelain", "--untracked-files=all") == ""


def test_no_committed_file_names_a_library_version_outside_the_pins():
    """The card's versions table is the build.json's: both come from the pinned install."""
    card = (ROOT / "clean" / "README.md").read_text(encoding="utf-8")
    pins = _pins()
    for name, version in re.findall(r"^\| ([a-z][\w.-]*) \| (\d[\w.]*) \|$", card, re.M):
        if name != "hzcorpus":
            assert pins.get(_norm(name)) == version, (name, version)
