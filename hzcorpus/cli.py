"""The `hzcorpus` command: a thin layer over the Python API (contract in DESIGN.md).

Each command is an `add_<name>` function that declares its arguments and a `run_<name>`
function that does the work. Errors a user can cause print one line on stderr and exit 2;
`--verbose` shows the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .errors import HzcorpusError

EXAMPLES = """examples:
  hzcorpus build raw clean                 build the dataset folder clean/ from raw/
  hzcorpus clean raw/004_x.txt             cleaned text, one paragraph per line
  hzcorpus clean raw/*.txt --out cleaned   one cleaned .txt per input
  hzcorpus clean page.html --json          title, date, text and the removed lines
  echo "Guten Morgen" | hzcorpus detect    one language code per input line
  hzcorpus flag raw/000_x.txt              redaction gaps with their line
  hzcorpus models install de_en.argosmodel install a translation package from a file
  hzcorpus translate raw/002_x.txt         English text of a German article
  hzcorpus review clean                    an HTML page to check the dataset
"""


def _fail(message: str) -> None:
    raise HzcorpusError(message)


# --- clean -----------------------------------------------------------------------------


def add_clean(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="remove boilerplate from articles",
        description="Cleaned article text: one paragraph per line, without the title.",
    )
    p.add_argument("files", nargs="+", type=Path, help="page-text dumps or HTML files")
    p.add_argument("--out", type=Path, help="write DIR/<name>.txt per input instead of stdout")
    p.add_argument("--json", action="store_true", help="print the whole document as JSON")


def run_clean(args: argparse.Namespace) -> int:
    from .clean import clean_document
    from .read import read_document

    if len(args.files) > 1 and args.out is None and not args.json:
        _fail("several files need --out DIR (or --json)")
    failed = 0
    for path in args.files:
        try:
            doc = clean_document(read_document(path, root=path.parent))
        except HzcorpusError as exc:
            if len(args.files) == 1:
                raise
            print(f"hzcorpus: {exc}", file=sys.stderr)
            failed += 1
            continue
        if args.json:
            record = doc.to_record()
            keep = ("source", "title", "published", "author", "sitename", "text", "removed")
            out = json.dumps({k: record[k] for k in keep}, ensure_ascii=False)
        else:
            out = doc.text
        if args.out is None:
            print(out)
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            suffix = ".json" if args.json else ".txt"
            (args.out / path.with_suffix(suffix).name).write_text(out + "\n", encoding="utf-8")
    return 1 if failed else 0


# --- detect ----------------------------------------------------------------------------


def add_detect(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("detect", help="detect languages (not built yet)")


def run_detect(args: argparse.Namespace) -> int:
    _fail("detect is not built yet")
    return 2


# --- flag ------------------------------------------------------------------------------


def add_flag(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "flag",
        help="flag redaction gaps (cut-out numbers, dates, names)",
        description=(
            "Find where a censor cut numbers, dates or names out of a text. FILE... mode "
            "cleans each file first (as `hzcorpus clean`) and reports file:line:col in the "
            "cleaned text, with the line and a ^ marker under the gap. --jsonl mode reads "
            'JSON lines {"id", "text"} on stdin and prints one JSON line per input, in order: '
            '{"id", "flags": [{"start", "end", "kind", "rule", "match", "score"}]} with '
            'character offsets into text, or {"id", "error"} for a bad line.'
        ),
    )
    p.add_argument("files", nargs="*", type=Path, help="page-text dumps or HTML files")
    p.add_argument("--jsonl", action="store_true", help="JSON lines on stdin -> JSON lines")
    p.add_argument(
        "--min-score", type=float, help="skip rules less confident than this (default 0.5)"
    )
    p.add_argument(
        "--kinds", help="comma-separated flag kinds to report (default: all)", default=None
    )


def _flag_options(args: argparse.Namespace):
    from .document import FLAG_KINDS
    from .redaction import FlagOptions

    kinds = tuple(k.strip() for k in args.kinds.split(",")) if args.kinds else FLAG_KINDS
    unknown = sorted(set(kinds) - set(FLAG_KINDS))
    if unknown:
        _fail(f"unknown flag kind {', '.join(unknown)} (known: {', '.join(FLAG_KINDS)})")
    if args.min_score is None:
        return FlagOptions(kinds=kinds)
    return FlagOptions(min_score=args.min_score, kinds=kinds)


def _flag_jsonl_line(raw: bytes, number: int, flag: Callable[[str], list]) -> dict:
    """The output object for one input line of `flag --jsonl` (an error object if bad)."""
    try:
        item = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return {"id": None, "error": f"line {number}: not UTF-8"}
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {number}: not valid JSON ({exc.msg})"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {number}: not a JSON object"}
    if not isinstance(item.get("text"), str):
        return {"id": item.get("id"), "error": f'line {number}: no "text" string'}
    return {"id": item.get("id"), "flags": flag(item["text"])}


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _flag_excerpt(line: str, start: int, end: int, room: int = 50) -> tuple[str, str]:
    """The line around [start, end) (cut to `room` characters each side) and its marker."""
    left = max(0, start - room)
    right = min(len(line), end + room)
    before = ("…" if left else "") + line[left:start]
    excerpt = before + line[start:right] + ("…" if right < len(line) else "")
    marker = " " * _display_width(before) + "^" * max(1, _display_width(line[start:end]))
    return excerpt, marker


def run_flag(args: argparse.Namespace) -> int:
    from collections import Counter
    from dataclasses import asdict

    from .redaction import find_flags

    options = _flag_options(args)
    if args.jsonl:
        if args.files:
            _fail("give FILE... or --jsonl (stdin), not both")

        def flag(text: str) -> list[dict]:
            return [asdict(span) for span in find_flags(text, options)]

        failed = 0
        for number, raw in enumerate(sys.stdin.buffer, 1):
            result = _flag_jsonl_line(raw.rstrip(b"\r\n"), number, flag)
            failed += "error" in result
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 1 if failed else 0
    if not args.files:
        _fail("give FILE... or --jsonl")

    from .clean import clean_document
    from .read import read_document
    from .redaction import flag_document

    print("# positions are file:line:col in the cleaned text (see `hzcorpus clean FILE`)")
    failed = 0
    for path in args.files:
        try:
            doc = flag_document(clean_document(read_document(path, root=path.parent)), options)
        except HzcorpusError as exc:
            if len(args.files) == 1:
                raise
            print(f"hzcorpus: {exc}", file=sys.stderr)
            failed += 1
            continue
        lines = doc.text.split("\n")
        line_starts = [0]
        for line in lines[:-1]:
            line_starts.append(line_starts[-1] + len(line) + 1)
        number = 0
        for flag in doc.flags:
            while number + 1 < len(lines) and line_starts[number + 1] <= flag.start:
                number += 1
            col = flag.start - line_starts[number]
            excerpt, marker = _flag_excerpt(lines[number], col, flag.end - line_starts[number])
            print(f"{path}:{number + 1}:{col + 1} {flag.kind} {flag.rule} {flag.score:.2f}")
            print(f"    {excerpt}")
            print(f"    {marker}")
        counts = Counter(flag.kind for flag in doc.flags)
        summary = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
        print(f"{path}: {len(doc.flags)} flags" + (f" ({summary})" if summary else ""))
    return 1 if failed else 0


# --- models ----------------------------------------------------------------------------


def add_models(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("models", help="manage translation packages (not built yet)")


def run_models(args: argparse.Namespace) -> int:
    _fail("models is not built yet")
    return 2


# --- translate -------------------------------------------------------------------------


def add_translate(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("translate", help="translate articles to English (not built yet)")


def run_translate(args: argparse.Namespace) -> int:
    _fail("translate is not built yet")
    return 2


# --- build -----------------------------------------------------------------------------


def add_build(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("build", help="build a dataset folder (not built yet)")


def run_build(args: argparse.Namespace) -> int:
    _fail("build is not built yet")
    return 2


# --- push ------------------------------------------------------------------------------


def add_push(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("push", help="upload a dataset folder to the Hub (not built yet)")


def run_push(args: argparse.Namespace) -> int:
    _fail("push is not built yet")
    return 2


# --- review ----------------------------------------------------------------------------


def add_review(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("review", help="an HTML page to check a dataset (not built yet)")


def run_review(args: argparse.Namespace) -> int:
    _fail("review is not built yet")
    return 2


# --- main ------------------------------------------------------------------------------

COMMANDS: dict[str, tuple[Callable, Callable]] = {
    "clean": (add_clean, run_clean),
    "detect": (add_detect, run_detect),
    "flag": (add_flag, run_flag),
    "models": (add_models, run_models),
    "translate": (add_translate, run_translate),
    "build": (add_build, run_build),
    "push": (add_push, run_push),
    "review": (add_review, run_review),
}


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="hzcorpus",
        description="Scraped news pages to a clean, translated, audited Hugging Face dataset.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"hzcorpus {__version__}")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks and details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add, _run in COMMANDS.values():
        add(sub)
    for command in sub.choices.values():
        command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command][1](args)
    except HzcorpusError as exc:
        if args.verbose:
            traceback.print_exc()
        print(f"hzcorpus: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("hzcorpus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
