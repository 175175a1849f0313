"""Listing RAW_DIR: once per build, streamed one folder at a time, in the order of the
whole sorted paths; the progress bar's total from a count that parses no JSON line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hzcorpus import inputs
from hzcorpus.inputs import count_inputs, iter_inputs, list_files
from tests.test_progress import BAR, run_on_terminal


def sorted_walk(raw_dir: Path) -> list[tuple[str, Path]]:
    """The reference: every path `os.walk` sees (hidden and symlinked folders as files),
    sorted as whole relative paths."""
    found = []
    for folder, dirs, files in os.walk(raw_dir):
        base = Path(folder)
        entered = [d for d in dirs if not d.startswith(".") and not (base / d).is_symlink()]
        files += [d for d in dirs if d not in entered]
        dirs[:] = entered
        found += [((base / f).relative_to(raw_dir).as_posix(), base / f) for f in files]
    return sorted(found)


# short names that are prefixes of each other, with characters sorting before and after
# `/`: a folder `a` and a file `a-b` list `a-b` first (`-` < `/`), a file `ab` after
NAME = st.text(alphabet="a-b~", min_size=1, max_size=3)


@st.composite
def trees(draw, depth: int = 0) -> dict:
    names = draw(st.lists(NAME, max_size=5, unique=True))
    tree: dict = {}
    for name in names:
        kind = draw(st.sampled_from(["file", "jsonl", "folder"] if depth < 3 else ["file"]))
        if kind == "folder":
            tree[name] = draw(trees(depth + 1))
        elif kind == "jsonl":
            tree[f"{name}.jsonl"] = draw(st.lists(st.sampled_from(['{"text": "x"}', ""])))
        else:
            tree[name] = None
    return tree


def write_tree(folder: Path, tree: dict) -> None:
    folder.mkdir(exist_ok=True)
    for name, value in tree.items():
        if isinstance(value, dict):
            write_tree(folder / name, value)
        elif isinstance(value, list):
            (folder / name).write_text("\n".join(value))
        else:
            (folder / name).write_text("Title\n\nA line of text.\n")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tree=trees(), symlink=st.booleans())
@example(tree={"a": {"x": None}, "a-": None, "ab": None}, symlink=True)
def test_the_streamed_listing_is_the_sorted_walk_and_the_count_its_length(
    tmp_path_factory, tree, symlink
):
    raw = tmp_path_factory.mktemp("raw")
    write_tree(raw, tree)
    folders = [p for p in raw.rglob("*") if p.is_dir()]
    if symlink and folders:
        (raw / "linked").symlink_to(folders[0], target_is_directory=True)
    assert list(list_files(raw)) == sorted_walk(raw)
    assert count_inputs(raw) == len(list(iter_inputs(raw)))


def test_the_listing_streams_one_folder_at_a_time(tmp_path, monkeypatch):
    for i in range(20):
        (tmp_path / f"f{i:02d}").mkdir()
        (tmp_path / f"f{i:02d}" / "a.txt").write_text("x")
    scanned = []
    scandir = os.scandir
    monkeypatch.setattr(inputs.os, "scandir", lambda p: scanned.append(p) or scandir(p))
    first = next(iter_inputs(tmp_path))
    assert first.source == "f00/a.txt"
    assert len(scanned) == 2  # RAW_DIR and the first folder, not the 19 others


def test_the_terminal_bar_counts_to_the_total_of_inputs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Title\n\nThe council met on Monday to discuss the budget.\n")
    lines = [json.dumps({"text": f"Title\n\nA river article number {i}."}) for i in range(3)]
    (raw / "b.jsonl").write_text("\n\n".join(lines) + "\n")
    code, _out, err = run_on_terminal("build", str(raw), str(tmp_path / "out"), "--no-translate")
    assert code == 0, err
    assert BAR.search(err) and "4/4" in err
