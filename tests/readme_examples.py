"""The README's examples as checks: find its code blocks, run a Python block doctest-style.

`python -m tests.readme_examples FILE` runs the Python block in FILE statement by statement
in the current folder and exits 1 with one line per failed check. A statement's trailing
comment, or the comment lines right below it, is a check when it reads as its result:

- a Python literal, or one at the start of the comment (`# [6, 10]: indices of ...`);
- the start of the value's repr (`# [LanguageScore(lang='de', ...`), up to a `…`;
- for a statement that prints, the printed lines (a `...` line stands for any lines).

Any other comment is prose and checks nothing.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

_FENCE = re.compile(r"^```([\w-]*)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
_OPENERS = {"[": "]", "{": "}", "(": ")", "'": "'", '"': '"'}


@dataclass(frozen=True)
class Block:
    """One fenced code block: its language tag, its first line in the file, its text."""

    lang: str
    line: int
    text: str

    @property
    def name(self) -> str:
        """An id for test reports, e.g. `README.md:34-python`."""
        return f"L{self.line}-{self.lang or 'text'}"


def code_blocks(markdown: str) -> list[Block]:
    """Every fenced block of a Markdown text, in order."""
    return [
        Block(m.group(1), markdown.count("\n", 0, m.start()) + 2, m.group(2))
        for m in _FENCE.finditer(markdown)
    ]


def _comments(source: str) -> dict[int, tuple[str, bool]]:
    """Line number -> (comment text without `#`, whether the line holds only the comment)."""
    found = {}
    lines = source.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            row = tok.start[0]
            alone = not lines[row - 1][: tok.start[1]].strip()
            found[row] = (tok.string[1:].strip(), alone)
    return found


def _literal_prefix(comment: str):
    """The Python literal the comment is or starts with; raises ValueError when none."""
    with contextlib.suppress(ValueError, SyntaxError):
        return ast.literal_eval(comment)
    if comment[:1] in _OPENERS:
        close = _OPENERS[comment[0]]
        for end in range(len(comment), 0, -1):
            if comment[end - 1] == close:
                with contextlib.suppress(ValueError, SyntaxError):
                    return ast.literal_eval(comment[:end])
    raise ValueError("not a literal")


def check(value, printed: str, comment: str, below: bool) -> str | None:
    """A failure message when `comment` reads as the result and differs from it, else None.

    `below`: the comment is the lines under the statement (printed output, when it printed).
    """
    if printed.strip():
        actual = printed.strip()
        if below and lines_match(comment.split("\n"), actual.split("\n")):
            return None
        with contextlib.suppress(ValueError, SyntaxError):
            expected = _literal_prefix(comment)
            with contextlib.suppress(ValueError, SyntaxError):
                if expected == ast.literal_eval(actual):
                    return None
            return f"printed {actual!r}, the README says {comment!r}"
        return f"printed {actual!r}, the README says {comment!r}" if below else None
    text = repr(value)
    with contextlib.suppress(ValueError):
        expected = _literal_prefix(comment)
        return None if expected == value else f"got {text}, the README says {comment!r}"
    head = re.match(r"[\[({]*[A-Za-z_][\w.]*\(", text)
    if head and comment.startswith(head.group(0)):
        known = comment.split("…")[0]
        ok = text.startswith(known) if "…" in comment else text == comment
        return None if ok else f"got {text}, the README says {comment!r}"
    return None


def lines_match(expected: list[str], actual: list[str]) -> bool:
    """Line by line; a `...` line of `expected` matches any run of lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(lines_match(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return (
        bool(actual)
        and actual[0].rstrip() == expected[0].rstrip()
        and lines_match(expected[1:], actual[1:])
    )


def run_python(source: str) -> list[str]:
    """Run a Python block statement by statement; the failed checks, one line each."""
    tree = ast.parse(source)
    comments = _comments(source)
    namespace: dict = {"__name__": "__main__"}
    failures = []
    for stmt in tree.body:
        comment_lines = []
        trailing = comments.get(stmt.end_lineno)
        if trailing and not trailing[1]:
            comment_lines.append(trailing[0])
        row = stmt.end_lineno + 1
        while row in comments and comments[row][1]:
            comment_lines.append(comments[row][0])
            row += 1
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            if isinstance(stmt, ast.Expr):
                code = compile(ast.Expression(stmt.value), "<README>", "eval")
                value = eval(code, namespace)
            else:
                exec(compile(ast.Module([stmt], []), "<README>", "exec"), namespace)
                value = None
        sys.stdout.write(out.getvalue())
        if comment_lines:
            below = not (trailing and not trailing[1])
            # trailing: one comment, maybe continued on the lines below (a long repr)
            joined = "\n".join(comment_lines) if below else " ".join(comment_lines)
            problem = check(value, out.getvalue(), joined, below)
            if problem:
                failures.append(f"line {stmt.lineno}: {problem}")
    return failures


def main(path: str) -> int:
    failures = run_python(Path(path).read_text(encoding="utf-8"))
    for line in failures:
        print(f"README check failed: {line}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
