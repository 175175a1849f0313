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
from . import cli_parsing as arg
from .errors import HzcorpusError

EXAMPLES = """examples:
  hzcorpus build raw clean                 build the dataset folder clean/ from raw/
  hzcorpus clean raw/004_x.txt             cleaned text, one paragraph per line
  hzcorpus clean raw/*.txt --out cleaned   one cleaned .txt per input
  hzcorpus clean page.html --json          title, date, text and the removed lines
  echo "Guten Morgen" | hzcorpus detect    one language code per input line
  hzcorpus flag raw/000_x.txt              redaction gaps with their line
  hzcorpus models download de en          download and install a German-English package
  hzcorpus models install de_en.argosmodel install a translation package from a file
  hzcorpus translate raw/002_x.txt         English text of a German article
  hzcorpus review clean                    an HTML page to check the dataset
"""


def _fail(message: str) -> None:
    raise HzcorpusError(message)


def _fail_one(files: list[Path], message: str) -> int:
    """Raise for a single input; with several, print the message and count one failure."""
    if len(files) == 1:
        _fail(message)
    print(f"hzcorpus: {message}", file=sys.stderr)
    return 1


def _add_files(p: argparse.ArgumentParser, nargs: str) -> None:
    p.add_argument(
        "files", nargs=nargs, type=arg.path, metavar="FILE", help="page-text dumps or HTML files"
    )


def _add_out(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        type=arg.folder,
        metavar="DIR",
        help="write DIR/<name>.txt per input instead of stdout",
    )


# --- clean -----------------------------------------------------------------------------


def add_clean(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="remove boilerplate from articles",
        description="Cleaned article text: one paragraph per line, without the title.",
    )
    _add_files(p, "+")
    _add_out(p)
    p.add_argument("--json", action="store_true", help="print the whole document as JSON")


def _write_output(out_dir: Path, name: str, text: str) -> None:
    """Write `text` to out_dir/name, creating the folder; a one-line error if it cannot."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"{out_dir}: cannot make the output folder ({exc.strerror or exc})")
    try:
        (out_dir / name).write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        _fail(f"{out_dir / name}: cannot write ({exc.strerror or exc})")


def _clean_file(path: Path):
    """Read and clean one article file (clean, detect, flag); a JSON-lines file is refused."""
    from .clean import clean_document
    from .read import is_json_lines, read_document

    doc = read_document(path, root=path.parent)
    if is_json_lines(doc.raw):
        _fail(f"{path}: JSON lines, one article per line: `hzcorpus build` reads them")
    return clean_document(doc)


class _CleanedFiles:
    """The cleaned articles of a command's FILEs, in order; a bad file is reported on stderr
    and counted in `failed` (with a single FILE, its error is the command's error)."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.failed = 0

    def __iter__(self):
        for path in self.files:
            try:
                doc = _clean_file(path)
            except HzcorpusError as exc:
                self.failed += _fail_one(self.files, str(exc))
                continue
            yield path, doc


def run_clean(args: argparse.Namespace) -> int:
    if len(args.files) > 1 and args.out is None and not args.json:
        _fail("several files need --out DIR (or --json)")
    suffix = ".json" if args.json else ".txt"
    written: dict[str, Path] = {}  # output name -> the input it holds
    failed = 0
    for path in args.files:
        name = path.with_suffix(suffix).name
        try:
            if args.out is not None and name in written:
                _fail(f"{path}: not written: {args.out / name} already holds {written[name]}")
            doc = _clean_file(path)
            if not doc.text and not args.json:
                _fail(f"{path}: no article text left after cleaning (--json lists what went)")
        except HzcorpusError as exc:
            failed += _fail_one(args.files, str(exc))
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
            _write_output(args.out, name, out)
            written[name] = path
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
    _add_files(p, "*")
    p.add_argument("--scores", action="store_true", help="stdin mode: print code<TAB>score")
    p.add_argument(
        "--reference", action="store_true", help="use pure-Python langdetect, not langdetect-rs"
    )


def run_detect(args: argparse.Namespace) -> int:
    import io

    from .language import LanguageOptions, best_language, detect_language, document_language_text

    options = LanguageOptions(fast=not args.reference)
    if not args.files:
        # lines end at "\n" only: a stray "\r" or U+2028 inside an item does not split it
        lines = io.TextIOWrapper(sys.stdin.buffer, "utf-8", errors="replace", newline="\n")
        out = sys.stdout
        for line in lines:
            if args.scores:
                best = detect_language(line.rstrip("\r\n"), options)[0]
                out.write(f"{best.lang}\t{best.score:.4f}\n")
            else:
                out.write(best_language(line.rstrip("\r\n"), options) + "\n")
            out.flush()
        return 0

    if args.scores:
        _fail("--scores is for lines on stdin; with FILEs the score is always printed")
    inputs = _CleanedFiles(args.files)
    for path, doc in inputs:
        best = detect_language(document_language_text(doc), options)[0]
        print(f"{best.lang}\t{best.score:.4f}\t{path}", flush=True)
    return 1 if inputs.failed else 0


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
    _add_files(p, "*")
    p.add_argument("--jsonl", action="store_true", help="JSON lines on stdin -> JSON lines")
    p.add_argument(
        "--min-score", type=arg.fraction, help="skip rules less confident than this (default 0.5)"
    )
    p.add_argument(
        "--kinds", type=arg.text, help="comma-separated flag kinds to report (default: all)"
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
        item = json.loads(raw.decode("utf-8-sig"))  # a BOM (Windows editors) is not JSON
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

    from bisect import bisect_right

    from .redaction import flag_document, paragraph_starts

    inputs = _CleanedFiles(args.files)
    for index, (path, cleaned) in enumerate(inputs):
        if index == 0:
            print("# positions are file:line:col in the cleaned text (see `hzcorpus clean FILE`)")
        doc = flag_document(cleaned, options)
        lines = doc.text.split("\n")
        line_starts = paragraph_starts(doc.text)
        for flag in doc.flags:
            number = bisect_right(line_starts, flag.start) - 1
            col = flag.start - line_starts[number]
            excerpt, marker = _flag_excerpt(lines[number], col, flag.end - line_starts[number])
            print(f"{path}:{number + 1}:{col + 1} {flag.kind} {flag.rule} {flag.score:.2f}")
            print(f"    {excerpt}")
            print(f"    {marker}")
        counts = Counter(flag.kind for flag in doc.flags)
        summary = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
        print(f"{path}: {len(doc.flags)} flags" + (f" ({summary})" if summary else ""))
    return 1 if inputs.failed else 0


# --- models ----------------------------------------------------------------------------


def add_models(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "models",
        help="download, install and list translation packages",
        description="Translation packages (.argosmodel files), installed from local files or "
        "downloaded from the Argos package index (`download`, the only command that uses the "
        "network) into $HZCORPUS_PACKAGES_DIR or the per-user data folder.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    install = actions.add_parser("install", help="install a local .argosmodel file")
    install.add_argument("file", type=arg.file, metavar="FILE", help="FILE.argosmodel")
    install.add_argument(
        "--splitter",
        type=arg.file,
        metavar="FILE",
        help="a MiniSBD .onnx sentence splitter to add to the package",
    )
    download = actions.add_parser(
        "download",
        help="download and install the newest package for a pair (uses the network)",
        description="The one command of hzcorpus that uses the network: read the Argos package "
        "index, download the newest package for FROM->TO (size and any checksum the index "
        "gives are checked) and install it as `models install` does.",
    )
    download.add_argument(
        "from_code", metavar="FROM", type=arg.text, help="source language code, e.g. de"
    )
    download.add_argument(
        "to_code", metavar="TO", type=arg.text, help="target language code, e.g. en"
    )
    download.add_argument(
        "--index",
        metavar="URL",
        type=arg.text,
        help="package index: an http(s) or file URL or a local path (default: argostranslate's)",
    )
    download.add_argument("--quiet", action="store_true", help="no progress bar")
    install.add_argument("--quiet", action="store_true", help="no progress bar")
    listing = actions.add_parser("list", help="installed language pairs, versions and folders")
    for action in (install, download, listing):
        action.add_argument(
            "--packages-dir", type=arg.folder, metavar="DIR", help="packages folder to use"
        )


def run_models(args: argparse.Namespace) -> int:
    from .packages import install_package, list_packages

    if args.action in ("install", "download"):
        if args.action == "install":
            progress = not args.quiet
            pkg = install_package(args.file, args.packages_dir, args.splitter, progress)
        else:
            from .package_index import DEFAULT_INDEX, download_package

            progress = not args.quiet and sys.stderr.isatty()
            index = args.index or DEFAULT_INDEX
            pkg = download_package(args.from_code, args.to_code, index, args.packages_dir, progress)
        print(f"installed {pkg.pair} {pkg.version} in {pkg.path}")
        return 0
    packages = list_packages(args.packages_dir)
    if not packages:
        print("no packages installed; add one with `hzcorpus models install FILE.argosmodel`")
    for pkg in packages:
        splitter = "minisbd" if pkg.minisbd_file else (pkg.other_splitter or "none")
        print(f"{pkg.pair}\t{pkg.version}\t{splitter}\t{pkg.path}")
    return 0


# --- translate -------------------------------------------------------------------------


def add_translate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "translate",
        help="translate articles to English offline",
        description="Read, clean and translate articles with an installed package; the "
        "translation of the cleaned text, one paragraph per line.",
    )
    _add_files(p, "+")
    p.add_argument(
        "--from", dest="source", type=arg.text, help="source language (default: detected)"
    )
    p.add_argument(
        "--to", dest="target", type=arg.text, default="en", help="target language (default en)"
    )
    _add_out(p)
    p.add_argument(
        "--beam", type=arg.count, default=4, help="beam size (default 4, as argostranslate)"
    )
    p.add_argument("--packages-dir", type=arg.folder, metavar="DIR", help="packages folder to use")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")


#: Files translated together: one translation batch, then their outputs are written.
TRANSLATE_CHUNK = 16


def run_translate(args: argparse.Namespace) -> int:
    import itertools
    import time

    from .progress import progress_bar, summary
    from .translate import TranslateOptions

    if len(args.files) > 1 and args.out is None:
        _fail("several files need --out DIR")
    started = time.monotonic()
    extra = {"packages_dir": args.packages_dir} if args.packages_dir else {}
    options = TranslateOptions(target=args.target, beam_size=args.beam, **extra)
    inputs = _CleanedFiles(args.files)
    cleaned = iter(inputs)
    failed = read = 0
    with progress_bar(len(args.files), "file", "translate", args.quiet) as bar:
        while chunk := list(itertools.islice(cleaned, TRANSLATE_CHUNK)):
            failed += _translate_chunk(chunk, args, options)
            read += len(chunk)
            bar.update(read + inputs.failed - bar.n)  # the files that failed to read too
        bar.update(len(args.files) - bar.n)
    failed += inputs.failed
    summary(
        f"translated {len(args.files) - failed} of {len(args.files)} files"
        + (f" ({failed} failed)" if failed else "")
        + f" in {time.monotonic() - started:.1f} s",
        args.quiet,
    )
    return 1 if failed else 0


def _translate_chunk(chunk: list, args: argparse.Namespace, options) -> int:
    """Detect (unless --from), translate and write out a chunk of (path, cleaned document);
    returns how many of them were not translated."""
    from .language import detect_document
    from .packages import missing_package_hint, no_package_note
    from .translate import translate_documents

    docs = [detect_document(doc) if args.source is None else doc for _path, doc in chunk]
    for doc in docs:
        doc.language = args.source or doc.language
    docs = translate_documents(docs, options)
    failed = 0
    for (path, _cleaned), doc in zip(chunk, docs, strict=True):
        if doc.text_en is None:
            reason = doc.translation_note
            if doc.language and reason == no_package_note(doc.language, options.target):
                reason = missing_package_hint(doc.language, options.target)
            failed += _fail_one(args.files, f"{path.name}: not translated: {reason}")
        elif args.out is None:
            print(doc.text_en)
        else:
            _write_output(args.out, path.with_suffix(".txt").name, doc.text_en)
    return failed


# --- build -----------------------------------------------------------------------------


def add_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build a dataset folder from a folder of articles",
        description="Every stage over RAW_DIR (.txt, .html, .htm, .jsonl, recursively) into "
        "the dataset folder OUT_DIR: data/*.parquet, README.md (card), manifest.jsonl "
        "(every input and its status) and build.json. Exit status 1 when an input failed.",
    )
    p.add_argument(
        "raw_dir",
        metavar="RAW_DIR",
        type=arg.folder,
        help="folder of page-text dumps, HTML and JSON lines",
    )
    p.add_argument(
        "out_dir",
        metavar="OUT_DIR",
        type=arg.folder,
        help="dataset folder to write (replaced atomically)",
    )
    p.add_argument(
        "--workers", type=arg.count, help="worker processes (default: the machine's cores)"
    )
    p.add_argument("--resume", action="store_true", help="reuse the results of a killed build")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.add_argument("--no-translate", action="store_true", help="leave translation out")
    p.add_argument("--shard-rows", type=arg.count, default=10_000, help="rows per parquet file")
    p.add_argument(
        "--chunk-size",
        type=arg.count,
        default=32,
        help="inputs per unit of work and translation batch",
    )
    p.add_argument(
        "--time-limit",
        type=arg.seconds,
        default=120.0,
        help="seconds one document may take; a slower one fails and the build goes on",
    )
    p.add_argument("--max-bytes", type=arg.count, help="refuse inputs larger than this")
    p.add_argument(
        "--repeats",
        type=arg.count,
        metavar="N",
        help="remove the lines (not sentences) that cleaning keeps on N documents or more "
        "of the build: a count pass reads and cleans every input first (default: off)",
    )
    p.add_argument("--name", type=arg.text, help="pretty name of the dataset (card)")
    p.add_argument(
        "--license",
        type=arg.text,
        help="license identifier the Hub knows, e.g. cc-by-4.0 (card; default: unknown)",
    )
    p.add_argument(
        "--license-name", type=arg.text, help="with --license other: an id, e.g. my-license-1.0"
    )
    p.add_argument(
        "--license-link",
        type=arg.text,
        help="with --license other: a URL or a file such as LICENSE",
    )
    p.add_argument(
        "--executor",
        choices=("local", "ray"),
        default="local",
        help="local worker processes (default) or Ray Data (pip install 'hzcorpus[ray]')",
    )
    p.add_argument(
        "--ray-address",
        type=arg.text,
        help="Ray cluster to join (`auto`: the one `ray start` runs here; default: a new "
        "local Ray)",
    )
    p.add_argument(
        "--translate-actors",
        type=arg.count,
        help="translation actors on Ray (default: one per GPU, else 1)",
    )
    p.add_argument(
        "--device",
        choices=("cpu", "cuda", "auto"),
        default="cpu",
        help="where translation runs (cuda: a GPU, an error without one)",
    )


def run_build(args: argparse.Namespace) -> int:
    from . import sandbox

    if args.executor == "local":  # the workers start while this process imports the stages
        sandbox.prestart()
        from .chunks import arrow_without_pandas

        arrow_without_pandas()
    try:
        return _run_build(args)
    finally:
        sandbox.discard_spares()


def _run_build(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .builder import BuildOptions, build

    options = BuildOptions(
        workers=args.workers,
        resume=args.resume,
        quiet=args.quiet,
        shard_rows=args.shard_rows,
        chunk_size=args.chunk_size,
        time_limit=args.time_limit,
        executor=args.executor,
        ray_address=args.ray_address,
        translate_actors=args.translate_actors,
        device=args.device,
        repeats=args.repeats,
    )
    if args.no_translate:
        options = replace(options, translate=None)
    if args.max_bytes is not None:
        options = replace(options, read=replace(options.read, max_bytes=args.max_bytes))
    given = {
        "pretty_name": args.name,
        "license": args.license,
        "license_name": args.license_name,
        "license_link": args.license_link,
    }
    card = {k: v for k, v in given.items() if v}
    options = replace(options, card=replace(options.card, **card))
    report = build(args.raw_dir, args.out_dir, options)
    if not args.quiet:
        counts = ", ".join(f"{n} {status}" for status, n in report.status.items())
        print(
            f"{args.out_dir}: {counts}; {report.stats.rows} rows in {len(report.shards)} "
            f"shard(s), {report.reused} reused, {report.seconds:.1f} s",
            file=sys.stderr,
        )
    if not args.quiet:
        _print_reasons(report.reasons, options.time_limit)
    if options.translate is not None and not args.quiet:
        from .packages import missing_package_hint

        for pair in sorted(report.stats.missing_pairs):
            print(f"hzcorpus: {missing_package_hint(*pair.split('->'))}", file=sys.stderr)
    if report.stats.rows == 0:
        why = (
            f"{args.raw_dir} holds no files"
            if not sum(report.status.values())
            else "no input was kept"
        )
        print(f"hzcorpus: warning: {why}: the dataset is empty", file=sys.stderr)
    for source, reason in report.failures[:20]:
        print(f"hzcorpus: failed: {source}: {reason}", file=sys.stderr)
    if report.status["failed"] > 20:
        more = report.status["failed"] - 20
        print(f"hzcorpus: … and {more} more failed: see manifest.jsonl", file=sys.stderr)
    return 0 if report.ok and report.stats.rows else 1


def _print_reasons(reasons: dict[str, dict[str, int]], time_limit: float) -> None:
    """The inputs not kept per status and reason, and what running out of time means."""
    from .sandbox import LIMIT_STEP

    for status, counts in reasons.items():
        for reason, n in counts.items():
            print(f"hzcorpus: {n} {status}: {reason}", file=sys.stderr)
    limited = sum(
        n for reason, n in reasons.get("failed", {}).items() if reason.startswith(LIMIT_STEP)
    )
    if limited:
        print(
            f"hzcorpus: {limited} input(s) ran out of time or killed their worker: that depends "
            f"on the machine's load; a higher --time-limit (now {time_limit:g} s) may keep them",
            file=sys.stderr,
        )


# --- push ------------------------------------------------------------------------------


def add_push(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "push",
        help="upload a dataset folder to the Hugging Face Hub",
        description="Upload a dataset folder hzcorpus built to a dataset repo on the Hub. "
        "The token comes from --token, HF_TOKEN or `hf auth login`.",
    )
    p.add_argument(
        "out_dir", metavar="OUT_DIR", type=arg.folder, help="dataset folder (from hzcorpus build)"
    )
    p.add_argument(
        "repo_id", metavar="REPO_ID", type=arg.text, help="dataset repo on the Hub, OWNER/NAME"
    )
    p.add_argument("--private", action="store_true", help="create the repo private")
    p.add_argument(
        "--token", type=arg.text, help="Hugging Face token (default: HF_TOKEN or the stored login)"
    )
    p.add_argument("--message", type=arg.text, help="commit message")


def run_push(args: argparse.Namespace) -> int:
    from .hub import push

    url = push(args.out_dir, args.repo_id, args.private, args.token, args.message)
    print(url)
    return 0


# --- review ----------------------------------------------------------------------------


def add_review(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="HTML pages to check a dataset by eye",
        description="Static, self-contained HTML: an index with the overview and a "
        "filterable table of articles, and one page per article with its flags and "
        "removed lines. Prints the index file's path.",
    )
    p.add_argument("out_dir", type=arg.folder, metavar="OUT_DIR", help="a dataset folder")
    p.add_argument(
        "--html",
        type=arg.file,
        metavar="FILE",
        help="index file (default OUT_DIR-review/index.html); article pages go to "
        "FILE's folder, in <FILE stem>_articles/",
    )
    p.add_argument(
        "--raw",
        type=arg.folder,
        metavar="RAW_DIR",
        help="the folder the dataset was built from: places removed lines exactly",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def run_review(args: argparse.Namespace) -> int:
    import time

    from .progress import summary
    from .review import ReviewOptions, render_review

    started = time.monotonic()
    options = ReviewOptions(html=args.html, raw=args.raw, progress=not args.quiet)
    index = render_review(args.out_dir, options)
    pages = sum(1 for _ in index.with_name(f"{index.stem}_articles").glob("*.html"))
    hint = (
        "; removed lines placed approximately (--raw RAW_DIR places them exactly)"
        if args.raw is None
        else ""
    )
    summary(
        f"review: {pages} article pages in {time.monotonic() - started:.1f} s{hint}", args.quiet
    )
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
    parser = arg.Parser(
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
    _add_verbose(sub.choices.values())
    return parser


def _add_verbose(parsers) -> None:
    """`--verbose` after the command name too, on every command and subcommand."""
    for command in parsers:
        command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS)
        _add_verbose(arg.subcommands(command).values())


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = make_parser()
    args = arg.parse(parser, argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return arg.USAGE_ERROR
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
    except OSError as exc:  # a full disk, an unwritable output: the user's to fix
        if args.verbose:
            traceback.print_exc()
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"hzcorpus: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
