"""Every command and subcommand, found in the parser (so new ones are covered), run with
missing, empty, wrong-type, unknown and conflicting arguments: each must print one line
on stderr, nothing on stdout, and exit with the usage-error status the README documents.
"""

from __future__ import annotations

import argparse
import shutil

import pytest

from hzcorpus import cli
from hzcorpus import cli_parsing as arg
from tests.conftest import RAW, ROOT

VALUE_TAKING = (argparse._StoreAction, argparse._AppendAction)


def _leaves(parser: argparse.ArgumentParser, names: tuple[str, ...] = ()):
    children = arg.subcommands(parser)
    if not children:
        yield names, parser
    for name, child in children.items():
        yield from _leaves(child, (*names, name))


def _inner(parser: argparse.ArgumentParser, names: tuple[str, ...] = ()):
    """The commands that only hold subcommands (`models`)."""
    for name, child in arg.subcommands(parser).items():
        if arg.subcommands(child):
            yield (*names, name)
            yield from _inner(child, (*names, name))


LEAVES = {" ".join(names): parser for names, parser in _leaves(cli.make_parser())}


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A working folder with an article, a raw folder and a dataset folder (a copy of
    `clean/`), as the default values of positionals."""
    monkeypatch.chdir(tmp_path)
    seed = sorted(RAW.glob("*.txt"))[0]
    (tmp_path / "raw").mkdir()
    shutil.copy(seed, tmp_path / "raw" / "article.txt")
    shutil.copy(seed, tmp_path / "article.txt")
    shutil.copytree(ROOT / "clean", tmp_path / "dataset")
    (tmp_path / "folder").mkdir()
    return tmp_path


def _valid(action: argparse.Action) -> str:
    """A plausible value for a positional, by its metavar."""
    metavar = str(action.metavar or action.dest).upper()
    if metavar == "RAW_DIR":
        return "raw"
    if metavar.endswith("DIR"):
        return "dataset"
    if metavar == "REPO_ID":
        return "someone/news"
    return "article.txt" if "FILE" in metavar else "x"


def _wrong_kind(action: argparse.Action) -> str | None:
    """A value of the wrong kind for a path argument: a file for a folder and the reverse."""
    metavar = str(action.metavar or action.dest).upper()
    if metavar.endswith("DIR"):
        return "article.txt"
    if "FILE" in metavar:
        return "folder"
    return None


def _positionals(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not a.option_strings]


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and isinstance(a, VALUE_TAKING)]


def _required(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in _positionals(parser) if a.nargs not in ("*", "?")]


def _baseline(parser: argparse.ArgumentParser) -> list[str]:
    """Valid values of the required positionals, in order."""
    return [_valid(a) for a in _required(parser)]


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def _assert_usage_error(argv: list[str], capsys, *mentions: str) -> None:
    code, out, err = _run(argv, capsys)
    assert code == arg.USAGE_ERROR, (argv, code, out, err)
    assert out == "", (argv, out)
    assert err.endswith("\n") and err.count("\n") == 1, (argv, err)
    assert "Traceback" not in err
    assert any(m in err for m in mentions), (argv, err, mentions)


def _bad_values(action: argparse.Action) -> list[str]:
    """Values of the wrong type or range for an option, judged by its type."""
    if action.type is arg.count:
        return ["abc", "0", "-3", "1.5"]
    if action.type is arg.fraction:
        return ["abc", "1.5", "-0.1"]
    if action.type in (int, float):
        return ["abc"]
    wrong = _wrong_kind(action) if action.type in (arg.file, arg.folder, arg.path) else None
    return [wrong] if wrong else []


def _cases():
    for name, parser in LEAVES.items():
        names = name.split()
        base = _baseline(parser)
        if base:
            yield name, "missing positionals", names, ("required",)
        yield name, "unknown option", [*names, *base, "--bogus"], ("--bogus",)
        required = _required(parser)
        for action in _positionals(parser):
            label = str(action.metavar or action.dest)
            for why, value in (("empty", ""), ("wrong kind", _wrong_kind(action))):
                if value is None:
                    continue
                if action in required:
                    argv = [
                        value if a is action else v for a, v in zip(required, base, strict=True)
                    ]
                else:
                    argv = [*base, value]
                yield name, f"{why} {label}", [*names, *argv], (label, value or label)
        for action in _options(parser):
            option = action.option_strings[-1]
            yield name, f"{option} without value", [*names, *base, option], (option,)
            yield name, f"{option} empty", [*names, *base, option, ""], (option,)
            for value in _bad_values(action):
                argv = [*names, *base, option, value]
                yield name, f"{option} {value}", argv, (option, value)


CASES = list(_cases())


@pytest.mark.parametrize(
    ("argv", "mentions"), [c[2:] for c in CASES], ids=[f"{c[0]}: {c[1]}" for c in CASES]
)
def test_bad_arguments_are_one_line_usage_errors(place, capsys, argv, mentions):
    _assert_usage_error(argv, capsys, *mentions)


#: Arguments that conflict, per command (paths relative to the `place` fixture).
CONFLICTS = {
    "clean": [["article.txt", "raw/article.txt"]],
    "translate": [["article.txt", "raw/article.txt"]],
    "flag": [[], ["article.txt", "--jsonl"]],
    "detect": [["article.txt", "--scores"]],
    "build": [["raw", "raw"], ["raw", "raw/inside"]],
    "review": [["dataset", "--html", "dataset/review.html"]],
}


@pytest.mark.parametrize(
    ("command", "argv"),
    [(c, argv) for c, cases in CONFLICTS.items() for argv in cases],
    ids=[f"{c}: {' '.join(a) or 'nothing'}" for c, cases in CONFLICTS.items() for a in cases],
)
def test_conflicting_arguments_are_one_line_errors(place, capsys, command, argv):
    assert command in LEAVES
    _assert_usage_error([*command.split(), *argv], capsys, "")


def test_every_command_is_covered():
    """The parser's commands, so that a command added later is seen by the tests above."""
    assert {"clean", "detect", "flag", "models install", "models list", "translate"} <= set(LEAVES)
    assert {"build", "push", "review"} <= set(LEAVES)
    assert all(any(c[0] == name for c in CASES) for name in LEAVES)


@pytest.mark.parametrize("names", list(_inner(cli.make_parser())))
def test_a_command_without_its_subcommand(place, capsys, names):
    _assert_usage_error(list(names), capsys, "required")
    _assert_usage_error([*names, "bogus"], capsys, "bogus")


def test_options_and_files_in_any_order(place, capsys):
    code, out, err = _run(["detect", "article.txt", "--reference", "raw/article.txt"], capsys)
    assert code == 0, err
    assert [line.split("\t")[2] for line in out.splitlines()] == [
        "article.txt",
        "raw/article.txt",
    ]


def test_unknown_option_names_the_subcommand(place, capsys):
    _code, _out, err = _run(["clean", "article.txt", "--bogus"], capsys)
    assert err.startswith("hzcorpus clean: ") and "hzcorpus clean --help" in err
    _code, _out, err = _run(["models", "install", "x.argosmodel", "--bogus"], capsys)
    assert err.startswith("hzcorpus models install: ")


def test_one_option_named_per_error(place, capsys):
    _code, _out, err = _run(["build", "raw", "out", "--chunk-size", "0"], capsys)
    assert "--chunk-size" in err and "--shard-rows" not in err


def test_models_install_of_a_folder_says_so(place, capsys):
    _assert_usage_error(["models", "install", "folder"], capsys, "is a folder")


def test_verbose_after_every_subcommand(place, capsys):
    for name in LEAVES:
        parser = LEAVES[name]
        assert "--verbose" in parser._option_string_actions, name
    code, out, err = _run(["models", "list", "--verbose", "--packages-dir", "folder"], capsys)
    assert code == 0 and "no packages installed" in out, err


def test_flag_of_a_missing_file_prints_nothing_on_stdout(place, capsys):
    _assert_usage_error(["flag", "missing.txt"], capsys, "missing.txt")


def test_the_readme_documents_the_exit_statuses():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit status", 1)[1].split("\n#", 1)[0]
    for status in ("0", "1", str(arg.USAGE_ERROR), "130"):
        assert f"| {status} |" in section, status
