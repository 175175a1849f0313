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
    sub.add_parser("flag", help="flag redaction gaps (not built yet)")


def run_flag(args: argparse.Namespace) -> int:
    _fail("flag is not built yet")
    return 2


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
    p = sub.add_parser(
        "review",
        help="HTML pages to check a dataset by eye",
        description="Static, self-contained HTML: an index with the overview and a "
        "filterable table of articles, and one page per article with its flags and "
        "removed lines. Prints the index file's path.",
    )
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="a dataset folder")
    p.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="index file (default OUT_DIR-review/index.html); article pages go to "
        "FILE's folder, in <FILE stem>_articles/",
    )
    p.add_argument(
        "--raw",
        type=Path,
        metavar="RAW_DIR",
        help="the folder the dataset was built from: places removed lines exactly",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def run_review(args: argparse.Namespace) -> int:
    from .review import ReviewOptions, render_review

    options = ReviewOptions(html=args.html, raw=args.raw, progress=not args.quiet)
    index = render_review(args.out_dir, options)
    if args.raw is None:
        hint = "removed lines placed approximately; --raw RAW_DIR places them exactly"
        print(f"hzcorpus: {hint}", file=sys.stderr)
    print(index)
    return 0


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
