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
    p = sub.add_parser(
        "detect",
        help="detect languages of lines or articles",
        description="Without FILE: one ISO 639-1 code per stdin line, in order, as each line "
        "is read ('und' for a line without letters). With FILEs: code<TAB>score<TAB>file per "
        "article, from its cleaned title and text.",
    )
    p.add_argument("files", nargs="*", type=Path, help="page-text dumps or HTML files")
    p.add_argument("--scores", action="store_true", help="stdin mode: print code<TAB>score")
    p.add_argument(
        "--reference", action="store_true", help="use pure-Python langdetect, not langdetect-rs"
    )


def run_detect(args: argparse.Namespace) -> int:
    import io

    from .language import LanguageOptions, detect_language, document_language_text

    options = LanguageOptions(fast=not args.reference)
    if not args.files:
        lines = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        for line in lines:
            best = detect_language(line.rstrip("\r\n"), options)[0]
            sys.stdout.write(
                f"{best.lang}\t{best.score:.4f}\n" if args.scores else best.lang + "\n"
            )
            sys.stdout.flush()
        return 0

    from .clean import clean_document
    from .read import read_document

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
        best = detect_language(document_language_text(doc), options)[0]
        print(f"{best.lang}\t{best.score:.4f}\t{path}", flush=True)
    return 1 if failed else 0


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
    p = sub.add_parser(
        "build",
        help="build a dataset folder from a folder of articles",
        description="Every stage over RAW_DIR (.txt, .html, .htm, .jsonl, recursively) into "
        "the dataset folder OUT_DIR: data/*.parquet, README.md (card), manifest.jsonl "
        "(every input and its status) and build.json. Exit status 1 when an input failed.",
    )
    p.add_argument("raw_dir", type=Path, help="folder of page-text dumps, HTML and JSON lines")
    p.add_argument("out_dir", type=Path, help="dataset folder to write (replaced atomically)")
    p.add_argument("--workers", type=int, help="worker processes (default: the machine's cores)")
    p.add_argument("--resume", action="store_true", help="reuse the results of a killed build")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.add_argument("--no-translate", action="store_true", help="leave translation out")
    p.add_argument("--shard-rows", type=int, default=10_000, help="rows per parquet file")
    p.add_argument(
        "--chunk-size", type=int, default=32, help="inputs per worker task and translation batch"
    )
    p.add_argument("--max-bytes", type=int, help="refuse inputs larger than this")
    p.add_argument("--name", help="pretty name of the dataset (card)")
    p.add_argument("--license", help="license identifier of the dataset (card; default: other)")


def run_build(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .pipeline import BuildOptions, build

    if args.workers is not None and args.workers < 1:
        _fail("--workers must be at least 1")
    if args.shard_rows < 1 or args.chunk_size < 1:
        _fail("--shard-rows and --chunk-size must be at least 1")
    options = BuildOptions(
        workers=args.workers,
        resume=args.resume,
        quiet=args.quiet,
        shard_rows=args.shard_rows,
        chunk_size=args.chunk_size,
    )
    if args.no_translate:
        options = replace(options, translate=None)
    if args.max_bytes is not None:
        options = replace(options, read=replace(options.read, max_bytes=args.max_bytes))
    card = {k: v for k, v in (("pretty_name", args.name), ("license", args.license)) if v}
    options = replace(options, card=replace(options.card, **card))
    report = build(args.raw_dir, args.out_dir, options)
    if not args.quiet:
        counts = ", ".join(f"{n} {status}" for status, n in report.status.items())
        print(
            f"{args.out_dir}: {counts}; {report.stats.rows} rows in {len(report.shards)} "
            f"shard(s), {report.reused} reused, {report.seconds:.1f} s",
            file=sys.stderr,
        )
    for source, reason in report.failures[:20]:
        print(f"hzcorpus: failed: {source}: {reason}", file=sys.stderr)
    if report.status["failed"] > 20:
        more = report.status["failed"] - 20
        print(f"hzcorpus: … and {more} more failed: see manifest.jsonl", file=sys.stderr)
    return 0 if report.ok else 1


# --- push ------------------------------------------------------------------------------


def add_push(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "push",
        help="upload a dataset folder to the Hugging Face Hub",
        description="Upload a dataset folder hzcorpus built to a dataset repo on the Hub. "
        "The token comes from --token, HF_TOKEN or `hf auth login`.",
    )
    p.add_argument("out_dir", type=Path, help="dataset folder (from hzcorpus build)")
    p.add_argument("repo_id", help="dataset repo on the Hub, OWNER/NAME")
    p.add_argument("--private", action="store_true", help="create the repo private")
    p.add_argument("--token", help="Hugging Face token (default: HF_TOKEN or the stored login)")
    p.add_argument("--message", help="commit message")


def run_push(args: argparse.Namespace) -> int:
    from .dataset import push

    url = push(args.out_dir, args.repo_id, args.private, args.token, args.message)
    print(url)
    return 0


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
