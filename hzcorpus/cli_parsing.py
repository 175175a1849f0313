"""Argument parsing of the `hzcorpus` command: one-line usage errors, options and FILEs in
any order, and argument types that refuse empty and out-of-range values.

A usage error prints one line on stderr, naming the (sub)command and the argument, and
exits with status 2 (`USAGE_ERROR`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

#: Exit status of a usage error and of an error a user can cause (see README, "Exit status").
USAGE_ERROR = 2


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr: `PROG: MESSAGE (see PROG --help)`."""

    def error(self, message: str) -> NoReturn:
        line = " ".join(message.split())
        self.exit(USAGE_ERROR, f"{self.prog}: {line} (see {self.prog} --help)\n")


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subparsers of `parser` by name (empty for a leaf command)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _subparsers_dest(parser: argparse.ArgumentParser) -> str:
    return next(a.dest for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse `argv` as `parser.parse_args` does, but with the leaf command's options and
    positionals in any order (`detect a.txt --reference b.txt`) and its errors in its
    own name. Options before a command name take no value (`--verbose`, `--help`).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    node, start, names = parser, 0, []
    while children := subcommands(node):
        at = next((i for i in range(start, len(argv)) if not argv[i].startswith("-")), None)
        if at is None or argv[at] not in children:
            return parser.parse_args(argv)  # help, version, or the parser's own error
        names.append((_subparsers_dest(node), argv[at], argv[start:at]))
        node, start = children[argv[at]], at + 1
    head = names[0][2]  # the top-level options: --verbose, --help, --version
    namespace = parser.parse_args(head)
    between = [token for _dest, _name, tokens in names[1:] for token in tokens]
    for dest, name, _tokens in names:
        setattr(namespace, dest, name)
    return node.parse_intermixed_args(between + argv[start:], namespace)


def count(text: str) -> int:
    """An integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def fraction(text: str) -> float:
    """A number between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {text}")
    return value


def seconds(text: str) -> float:
    """A number of seconds, more than 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def text(value: str) -> str:
    """A string that is not empty or blank."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def path(value: str) -> Path:
    """A path that is not empty (an empty one would mean the current folder)."""
    return Path(text(value))


def file(value: str) -> Path:
    """A path that is not empty and not an existing folder (it may not exist yet)."""
    result = path(value)
    if result.is_dir():
        raise argparse.ArgumentTypeError(f"{value} is a folder, not a file")
    return result


def folder(value: str) -> Path:
    """A path that is not empty and not an existing file (it may not exist yet)."""
    result = path(value)
    if result.exists() and not result.is_dir():
        raise argparse.ArgumentTypeError(f"{value} is a file, not a folder")
    return result
