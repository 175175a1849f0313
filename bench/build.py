"""Benchmark `hzcorpus build` (without translation) against a plain per-article script.

The corpus is either synthetic (invented articles, page text and HTML, several languages)
or, with `--pages DIR`, rendered from real HTML pages under DIR (any folder of `.html`
files, such as the unpacked development data; nothing of it is kept): `--html` pages of
30-80 kB as they are (navigation, scripts, comments), and `--dumps` page-text dumps, the
visible text of other pages one block per line. Then it times, each in its own process so
that peak memory is measured per run, and every path once per round (`--rounds`) so that
load from other jobs hits them alike (min and median over the rounds):

- `hzcorpus build RAW OUT --no-translate` at 1 and 2 workers;
- the same on Ray (`--executor ray`: a local Ray on this machine's CPUs, started and stopped
  by the build, which the time includes), when the ray extra is installed; the table says
  whether its dataset folder equals the local one byte for byte;
- a plain script that, per article, calls trafilatura (HTML) or strips lines (page text),
  langdetect, and `datasets.Dataset.from_list([row]).to_parquet(...)`;
- the same plain script writing one parquet file at the end (a fairer baseline);
- `--repeats N`: also `hzcorpus build --repeats N` at the first worker count (and the
  `--compare-with` checkout's), with its CPU over the plain build's of the same checkout,
  and whether the two checkouts' repeat builds wrote the same dataset folder byte for byte;
- `--plain-modes per-article-meta`: the per-article script with the title, author and date
  a record holds where a library finds them (`trafilatura.bare_extraction(...,
  with_metadata=True)` on HTML; page text has none), information beside the issue's anchor.

Peak memory is sampled from /proc every 0.2 s over the run's process tree: the resident
set of its largest process, and the proportional set size (PSS) of the whole tree, which
counts a page shared by forked processes (the workers share the template's) once, not once
per process as a sum of resident sets would; the CPU seconds
are those of the whole tree (on a loaded machine, where wall times are noise, the evidence).

`--compare-with CHECKOUT` adds the build of another checkout of the project (say, main
before a change) to the same rounds, and says whether its records and manifest (the parquet
shards and `manifest.jsonl`) equal this checkout's byte for byte.

`--profile` times instead where a 1-worker build of the same corpus spends its time, in two
builds: one with timestamps only (the main process's start, the worker's start and
warm-up, the documents, what is left after the last one), one with the worker under
cProfile after its warm-up, whose shares split the documents' time among the steps.

`--steps` times instead, without a profiler, each step of hzcorpus and of the glue on the
same corpus, per input kind (page-text dumps, HTML pages), each side in its own process
with the other's checkout in the same run (`--compare-with`): wall seconds of the
imports, the worker's warm-up, and per kind read, clean, detect, flag, `to_record` and
sending the record back (hzcorpus), or extraction, langdetect and the parquet file (glue,
also as `per-article-meta`),
and the glue's seconds over each side's without the imports (a small corpus magnifies them:
on 200 dumps + 50 pages the glue imports `datasets` for a second). `--cpu` counts each
process's CPU seconds instead of wall seconds; with `--rounds N` the sides take turns N
times and each keeps its fastest round.

Usage: python bench/build.py [--size 5000] [--workers 1 2] [--rounds 1] [--repeats 3]
       python bench/build.py --pages DIR [--dumps 2000] [--html 500] [--compare-with CHECKOUT]
       python bench/build.py --pages DIR [--dumps 2000] [--html 500] --profile
       python bench/build.py --pages DIR [--dumps 200] [--html 50] --steps [--compare-with C]
                             [--cpu] [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.synthetic import write_corpus  # noqa: E402

#: The plain scripts: whether they write one parquet file at the end, and whether they take
#: HTML pages' metadata (title, author, date) from trafilatura.
PLAIN_MODES = {
    "per-article": (False, False),
    "batched": (True, False),
    "per-article-meta": (False, True),
}


def plain(raw: str, out: str, mode: str) -> None:
    """The plain script: trafilatura or line stripping, langdetect, datasets to parquet."""
    import trafilatura
    from datasets import Dataset
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    batched, with_metadata = PLAIN_MODES[mode]
    DetectorFactory.seed = 0
    Path(out).mkdir(parents=True, exist_ok=True)
    rows = []
    for i, path in enumerate(sorted(Path(raw).iterdir())):
        meta = {}
        if path.suffix == ".html" and with_metadata:
            found = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
            text = (found.text if found else None) or ""
            meta = {key: getattr(found, key, None) for key in ("title", "author", "date")}
        elif path.suffix == ".html":  # trafilatura decodes the bytes itself
            text = trafilatura.extract(path.read_bytes()) or ""
        else:
            page = path.read_text(encoding="utf-8")
            text = "\n".join(line.strip() for line in page.splitlines()[1:] if line.strip())
        try:
            language = detect(text)
        except LangDetectException:
            language = None
        row = {"source": path.name, "text": text, "language": language}
        if with_metadata:
            row.update({key: meta.get(key) for key in ("title", "author", "date")})
        if batched:
            rows.append(row)
        else:
            Dataset.from_list([row]).to_parquet(f"{out}/{i:06d}.parquet")
    if batched:
        Dataset.from_list(rows).to_parquet(f"{out}/all.parquet")


def write_real_corpus(pages: Path, raw: Path, dumps: int, html: int, seed: int = 0) -> None:
    """`html` real pages of 30-80 kB as they are and `dumps` page-text dumps of other pages,
    picked in a seeded order from the `.html`/`.htm` files under `pages`."""
    from hzcorpus.errors import InputError
    from hzcorpus.html import page_text_dump
    from hzcorpus.read import decode

    files = sorted(p for p in pages.rglob("*.htm*") if p.suffix in (".html", ".htm"))
    random.Random(seed).shuffle(files)
    raw.mkdir(parents=True)
    n_html = n_dumps = 0
    for path in files:
        data = path.read_bytes()
        if n_html < html and 30_000 <= len(data) <= 80_000:
            (raw / f"page{n_html:05d}.html").write_bytes(data)
            n_html += 1
        elif n_dumps < dumps:
            try:
                dump = page_text_dump(decode(data)[0])
            except InputError:
                continue
            if len(dump) >= 500:
                (raw / f"dump{n_dumps:05d}.txt").write_text(dump + "\n", encoding="utf-8")
                n_dumps += 1
    if (n_html, n_dumps) != (html, dumps):
        raise SystemExit(f"{pages}: found {n_html} pages and {n_dumps} dumps only")


def _tree_rss_mb(root: int) -> tuple[float, float]:
    """(largest process's resident set, whole tree's proportional set size) in MB of `root`
    and its descendants, read from /proc (Linux); workers of a forkserver are grandchildren.
    A process whose `smaps_rollup` cannot be read counts its resident set."""
    parents: dict[int, int] = {}
    rss: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
                rss[int(entry.name)] = int(fields[21]) * resource.getpagesize() / 2**20
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        children = [pid for pid, ppid in parents.items() if ppid in frontier]
        frontier = [pid for pid in children if pid not in tree]
        tree.update(frontier)
    sizes = [rss.get(pid, 0.0) for pid in tree]
    return max(sizes), sum(_pss_mb(pid, rss.get(pid, 0.0)) for pid in tree)


def _pss_mb(pid: int, rss_mb: float) -> float:
    """The proportional set size of a process in MB (`rss_mb` when it cannot be read)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return rss_mb
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return rss_mb


def measure(command: list[str], checkout: str) -> dict[str, float]:
    """Run a command in `checkout` (the project on its path); its wall time, the CPU seconds
    of its process tree (each process waited for by its parent) and peak memory (largest
    process, whole tree) in MB."""
    env = dict(os.environ, PYTHONPATH=checkout)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=checkout, env=env)
    largest = total = 0.0
    while proc.poll() is None:
        one, tree = _tree_rss_mb(proc.pid)
        largest, total = max(largest, one), max(total, tree)
        time.sleep(0.2)
    if proc.returncode not in (0, 1):  # 1: some inputs failed; the build.json says which
        raise SystemExit(f"{command}: exit status {proc.returncode}")
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu
    return {"seconds": seconds, "cpu": cpu, "peak_mb": largest, "tree_mb": total}


def run_measured(command: list[str], checkout: Path) -> dict[str, float]:
    """`measure` in a fresh process."""
    out = subprocess.run(
        [sys.executable, __file__, "--measure", json.dumps([command, str(checkout)])],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


#: The documents' time by step: (label, file, function) whose cumulative time in the
#: worker's profile is the step's; rows that start with "  " are part of the row above.
PROFILE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("read (bytes, hashes, decoding)", "hzcorpus/steps.py", "load"),
    ("clean", "hzcorpus/clean.py", "clean_document"),
    ("  page-text dumps", "hzcorpus/clean.py", "_clean_text"),
    ("    line rules", "hzcorpus/line_matcher.py", "__call__"),
    ("    line model features", "hzcorpus/line_model.py", "line_features"),
    ("    publication date", "hzcorpus/clean.py", "_published"),
    ("  HTML", "hzcorpus/clean.py", "_clean_html"),
    ("    trafilatura", "trafilatura/core.py", "bare_extraction"),
    ("detect (language)", "hzcorpus/language.py", "detect_document"),
    ("flag (redaction)", "hzcorpus/redaction.py", "flag_document"),
    ("record (`to_record`)", "hzcorpus/steps.py", "seal"),
    ("  (in all steps above: compiling regular expressions)", "re/_compiler.py", "compile"),
)


def profile_sandbox(out: str) -> None:
    """A worker template (`hzcorpus.sandbox.main`) whose forked worker is profiled from its
    start (after the template's warm-up); the profile goes to `out`."""
    import cProfile

    import hzcorpus.sandbox as sandbox

    serve = sandbox._serve

    def serve_profiled(*args) -> None:
        profile = cProfile.Profile()
        profile.enable()
        try:
            serve(*args)
        finally:
            profile.disable()
            profile.dump_stats(out)

    sandbox._serve = serve_profiled
    sandbox.main()


def timed_build(raw: str, out: str, profile_out: str | None) -> dict[str, float]:
    """A 1-worker build in this process; seconds from the start to each of its moments
    (`import` ... `end`) and of the worker's warm-up. With `profile_out`, the worker is
    profiled after its warm-up (`profile_sandbox`)."""
    start = time.perf_counter()
    import hzcorpus.forkserver as forkserver
    import hzcorpus.sandbox as sandbox
    from hzcorpus.cli import main as cli

    moments = {"import": time.perf_counter() - start}

    def at(name: str) -> None:
        moments.setdefault(name, time.perf_counter() - start)

    command, receive, stop = forkserver.Template.command, sandbox.SandboxPool._receive, None

    def command_profiled(self) -> list[str]:
        at("workers")
        if profile_out is None:
            return command(self)
        return [sys.executable, __file__, "--profile-sandbox", profile_out]

    def receive_timed(self, box, *args) -> None:
        receive(self, box, *args)
        if box.ready:
            at("ready")

    def stop_gently(self) -> None:  # the worker ends at end of input, writing its profile
        at("documents")
        if profile_out is None:
            return stop(self)
        for conn in (self.send_conn, self.recv_conn):
            if conn is not None:
                conn.close()
        self.send_conn = self.recv_conn = None
        if self.proc is not None:
            self.proc.wait()

    forkserver.Template.command, sandbox.SandboxPool._receive = command_profiled, receive_timed
    stop, sandbox.Sandbox.stop = sandbox.Sandbox.stop, stop_gently
    try:
        cli(["build", raw, out, "--no-translate", "--quiet", "--workers", "1"])
    finally:
        forkserver.Template.command, sandbox.SandboxPool._receive = command, receive
        sandbox.Sandbox.stop = stop
    moments["end"] = time.perf_counter() - start
    return moments


def _profile_seconds(path: str) -> tuple[float, dict[str, float]]:
    """The profile's total and the cumulative seconds of each `PROFILE_ROWS` function."""
    import pstats

    stats = pstats.Stats(path)
    found = dict.fromkeys([label for label, _, _ in PROFILE_ROWS], 0.0)
    for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
        for label, where, name in PROFILE_ROWS:
            if function == name and filename.replace("\\", "/").endswith(where):
                found[label] += cumulative
    return stats.total_tt, found


def print_profile(raw: Path, tmp: str) -> None:
    """The table of where a 1-worker build spends its time (see the module docstring)."""
    runs = []
    for profiled in (False, True):
        cmd = [sys.executable, __file__, "--timed-build", str(raw), f"{tmp}/profiled-{profiled}"]
        cmd += [f"{tmp}/worker.prof"] if profiled else []
        runs.append(json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout))
    times = runs[0]
    total, seconds = _profile_seconds(f"{tmp}/worker.prof")
    documents = times["documents"] - times["ready"]
    rows = [
        ("main process: imports, options, listing, until the worker starts", times["workers"]),
        ("worker start: Python, imports, steps' setup, warm-up", times["ready"] - times["workers"]),
        ("documents (worker ready to last result), of which:", documents),
    ]
    top = [seconds[label] for label, _, _ in PROFILE_ROWS if not label.startswith(" ")]
    steps = [(f"  {label}", documents * s / total) for label, s in seconds.items()]
    steps.append(("  worker's messages and waits", documents * (total - sum(top)) / total))
    rows += steps
    rows.append(
        ("after the last result: last rows, card, publish", times["end"] - times["documents"])
    )
    print(f"1-worker build, {times['end']:.1f} s (documents split by the worker's cProfile shares)")
    print()
    print("| stage | seconds | share of the build |")
    print("|---|---:|---:|")
    for label, value in rows:
        print(f"| {label} | {value:.1f} | {100 * value / times['end']:.1f}% |")


def _kind(source: str) -> str:
    return "HTML" if source.endswith((".html", ".htm")) else "dumps"


#: The clocks of `--steps`: wall seconds, or the process's CPU seconds (`--cpu`: steadier
#: on a machine that other jobs load).
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def step_seconds_hzcorpus(checkout: str, raw: str, clock: str = "wall") -> dict[str, float]:
    """Seconds of each step of the hzcorpus of `checkout` over the inputs of `raw` in this
    process, per kind."""
    import pickle
    from collections import Counter

    now = CLOCKS[clock]
    sys.path.insert(0, checkout)
    start = now()
    from hzcorpus.builder import BuildOptions
    from hzcorpus.inputs import iter_inputs
    from hzcorpus.sandbox import _warm_up
    from hzcorpus.steps import ItemResult, run_step

    read, *steps = BuildOptions(translate=None).steps()
    seconds: Counter = Counter({"imports": now() - start})
    at = now()
    _warm_up(read, steps)
    seconds["warm-up"] = now() - at
    for item in iter_inputs(Path(raw)):
        kind = _kind(item.source)
        at = now()
        result = ItemResult(item.index, item.source)
        result.advance(read, read.load(item, result))
        marks = [("read", now())]
        for step in steps:
            if result.doc is None:
                break
            run_step(result, step)
            marks.append((step.name, now()))
        result.seal()
        marks.append(("to_record", now()))
        pickle.loads(pickle.dumps(("doc", result), pickle.HIGHEST_PROTOCOL))
        marks.append(("record sent back (pickle)", now()))
        for name, moment in marks:
            seconds[f"{kind}: {name}"] += moment - at
            at = moment
    return dict(seconds)


def step_seconds_glue(
    raw: str, out: str, clock: str = "wall", mode: str = "per-article"
) -> dict[str, float]:
    """Seconds of each step of the glue (`plain`, per article, with HTML pages' metadata in
    mode `per-article-meta`) over `raw`, per kind."""
    from collections import Counter

    now = CLOCKS[clock]
    start = now()
    import trafilatura
    from datasets import Dataset
    from datasets.utils.logging import disable_progress_bar
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    disable_progress_bar()
    DetectorFactory.seed = 0
    Path(out).mkdir(parents=True, exist_ok=True)
    seconds: Counter = Counter({"imports": now() - start})
    for i, path in enumerate(sorted(Path(raw).iterdir())):
        kind = _kind(path.name)
        at = now()
        meta = {}
        if kind == "HTML" and PLAIN_MODES[mode][1]:
            found = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
            text = (found.text if found else None) or ""
            meta = {key: getattr(found, key, None) for key in ("title", "author", "date")}
        elif kind == "HTML":
            text = trafilatura.extract(path.read_bytes()) or ""
        else:
            page = path.read_text(encoding="utf-8")
            text = "\n".join(line.strip() for line in page.splitlines()[1:] if line.strip())
        extracted = now()
        try:
            language = detect(text)
        except LangDetectException:
            language = None
        detected = now()
        row = {"source": path.name, "text": text, "language": language, **meta}
        Dataset.from_list([row]).to_parquet(f"{out}/{i:06d}.parquet")
        written = now()
        what = "trafilatura.extract" if kind == "HTML" else "line stripping"
        seconds[f"{kind}: {what}"] += extracted - at
        seconds[f"{kind}: langdetect"] += detected - extracted
        seconds[f"{kind}: parquet file"] += written - detected
    return dict(seconds)


def print_steps(
    raw: Path, tmp: str, compare_with: Path | None, rounds: int = 1, clock: str = "wall"
) -> None:
    """The table of `--steps`: seconds per step of each side, each in its own process, the
    sides in turns for `rounds` rounds; per side the round with the fewest seconds on the
    documents."""
    sides = {"hzcorpus": ["--step-seconds", str(ROOT), str(raw), clock]}
    if compare_with is not None:
        other = ["--step-seconds", str(compare_with.resolve()), str(raw), clock]
        sides[f"hzcorpus ({compare_with.name})"] = other
    sides["glue"] = ["--glue-seconds", str(raw), f"{tmp}/glue-steps", clock, "per-article"]
    meta = ["--glue-seconds", str(raw), f"{tmp}/glue-meta-steps", clock, "per-article-meta"]
    sides["glue per-article-meta"] = meta
    found: dict[str, dict[str, float]] = {}
    for _ in range(rounds):
        for name, args in sides.items():
            out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True)
            seconds = json.loads(out.stdout)
            if name not in found or _documents_seconds(seconds) < _documents_seconds(found[name]):
                found[name] = seconds
    print(f"{clock} seconds, best of {rounds} round(s) per side")
    print("| side | step | seconds | share of the side's total |")
    print("|---|---|---:|---:|")
    for name, seconds in found.items():
        total = sum(seconds.values())
        for step, value in seconds.items():
            print(f"| {name} | {step} | {value:.2f} | {100 * value / total:.1f}% |")
        print(f"| {name} | **total** | **{total:.2f}** | |")
        print(f"| {name} | without imports | {_documents_seconds(seconds):.2f} | |")
    print()
    print("Documents only (without the imports, which a small corpus magnifies; hzcorpus's warm-up")
    print("counts, as the glue's libraries load their data on first use), each glue's")
    print("seconds / each hzcorpus side's:")
    for glue in ("glue", "glue per-article-meta"):
        anchor = _documents_seconds(found[glue])
        ratios = (
            f"{name} {anchor / _documents_seconds(seconds):.2f}x"
            for name, seconds in found.items()
            if not name.startswith("glue")
        )
        print(f"- {glue}: " + ", ".join(ratios))


def _documents_seconds(seconds: dict[str, float]) -> float:
    """A side's seconds spent on the documents: every step but the imports."""
    return sum(value for step, value in seconds.items() if step != "imports")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="synthetic articles")
    parser.add_argument("--pages", type=Path, help="a folder of real HTML pages to render from")
    parser.add_argument("--dumps", type=int, default=2000, help="page-text dumps (with --pages)")
    parser.add_argument("--html", type=int, default=500, help="HTML pages (with --pages)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1, help="runs of every path")
    parser.add_argument("--compare-with", type=Path, help="another checkout to time too")
    parser.add_argument(
        "--plain-modes",
        nargs="+",
        choices=list(PLAIN_MODES),
        default=["per-article", "batched"],
        help="plain scripts to run",
    )
    parser.add_argument("--profile", action="store_true", help="where a 1-worker build's time goes")
    parser.add_argument("--steps", action="store_true", help="seconds per step, no profiler")
    parser.add_argument("--cpu", action="store_true", help="--steps: CPU seconds, not wall")
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray run")
    parser.add_argument("--repeats", type=int, help="also a repeat build (--repeats N)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--plain", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--timed-build", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--profile-sandbox", help=argparse.SUPPRESS)
    parser.add_argument("--step-seconds", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--glue-seconds", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step_seconds:
        print(json.dumps(step_seconds_hzcorpus(*args.step_seconds)))
        return
    if args.glue_seconds:
        print(json.dumps(step_seconds_glue(*args.glue_seconds)))
        return
    if args.profile_sandbox:
        profile_sandbox(args.profile_sandbox)
        return
    if args.timed_build:
        print(json.dumps(timed_build(*args.timed_build[:2], (args.timed_build[2:] or [None])[0])))
        return
    if args.measure:
        print(json.dumps(measure(*json.loads(args.measure))))
        return
    if args.plain:
        plain(*args.plain)
        return

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        if args.pages is not None:
            if not args.pages.is_dir():
                parser.error(f"{args.pages}: no such folder")
            write_real_corpus(args.pages, raw, args.dumps, args.html)
            what = (
                f"{args.dumps} page-text dumps and {args.html} HTML pages rendered from real pages"
            )
        else:
            write_corpus(raw, args.size, seed=0)
            what = f"{args.size} synthetic articles"
        if args.profile or args.steps:
            print(f"{what}; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
            if args.profile:
                print_profile(raw, tmp)
            else:
                clock = "cpu" if args.cpu else "wall"
                print_steps(raw, tmp, args.compare_with, args.rounds, clock)
            return
        size = sum(1 for _ in raw.iterdir())
        paths: dict[str, tuple[list[str], Path]] = {}
        for mode in args.plain_modes:
            cmd = [sys.executable, __file__, "--plain", str(raw), f"{tmp}/plain-{mode}", mode]
            paths[f"plain script, parquet {mode}"] = (cmd, ROOT)
        checkouts = {"hzcorpus build": ROOT}
        if args.compare_with is not None:
            checkouts[f"hzcorpus build ({args.compare_with.name})"] = args.compare_with.resolve()
        for label, checkout in checkouts.items():
            for workers in args.workers:
                cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), "OUT"]
                cmd += ["--no-translate", "--quiet", "--workers", str(workers)]
                paths[f"{label}, {workers} worker(s)"] = (cmd, checkout)
            if args.repeats is not None:
                cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), "OUT", "--quiet"]
                cmd += ["--no-translate", "--workers", str(args.workers[0])]
                cmd += ["--repeats", str(args.repeats)]
                paths[f"{label} --repeats {args.repeats}, {args.workers[0]} worker(s)"] = (
                    cmd,
                    checkout,
                )
        ray = not args.no_ray and importlib.util.find_spec("ray") is not None
        if ray:
            cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), "OUT"]
            cmd += ["--no-translate", "--quiet", "--executor", "ray"]
            paths[f"hzcorpus build, Ray on {os.cpu_count()} CPUs"] = (cmd, ROOT)
        repeat_labels = [name for name in paths if " --repeats " in name]
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in paths}
        for round_ in range(args.rounds):
            for n, (name, (cmd, checkout)) in enumerate(paths.items()):
                out = f"{tmp}/out-{n}-{round_}"
                runs[name].append(run_measured([out if c == "OUT" else c for c in cmd], checkout))
        first = list(paths).index(f"hzcorpus build, {args.workers[0]} worker(s)")
        summary = json.loads(Path(f"{tmp}/out-{first}-0/build.json").read_text())
        if args.compare_with is not None:
            other = list(paths).index(f"{list(checkouts)[1]}, {args.workers[0]} worker(s)")
            same_as_compared = _same_files(
                Path(f"{tmp}/out-{first}-0"), Path(f"{tmp}/out-{other}-0"), RECORD_FILES
            )
        if args.repeats is not None and args.compare_with is not None:
            same_repeats = _same_files(
                *(Path(f"{tmp}/out-{list(paths).index(label)}-0") for label in repeat_labels)
            )
        if ray:
            local = Path(
                f"{tmp}/out-{list(paths).index(f'hzcorpus build, {args.workers[-1]} worker(s)')}-0"
            )
            same = _same_files(local, Path(f"{tmp}/out-{len(paths) - 1}-0"))

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{what} ({size} files); hzcorpus steps: {' → '.join(summary['stages'])}")
    print(f"hzcorpus manifest: {summary['status']}; {args.rounds} round(s); load average {load}")
    if args.compare_with is not None:
        print(
            f"{args.compare_with.name}'s records and manifest equal this checkout's byte for byte: "
            f"{same_as_compared}"
        )
    if ray:
        print(f"Ray's dataset folder equals the local one byte for byte: {same}")
    if args.repeats is not None and args.compare_with is not None:
        print(f"the repeat builds' dataset folders are equal byte for byte: {same_repeats}")
    for name in repeat_labels:
        plain_build = name.replace(f" --repeats {args.repeats}", "")
        ratio = min(m["cpu"] for m in runs[name]) / min(m["cpu"] for m in runs[plain_build])
        print(f"{name}: {ratio:.2f}x the CPU of `{plain_build}` (min over the rounds)")
    print()
    print(
        "| run | seconds: min / median | articles/s (min) | vs plain per-article | vs plain "
        "batched | vs plain per-article-meta | CPU s: min / median "
        "| peak MB: largest RSS / all PSS |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    best = {name: min(m["seconds"] for m in ms) for name, ms in runs.items()}
    for name, ms in runs.items():
        median = statistics.median(m["seconds"] for m in ms)
        cells = [name, f"{best[name]:.1f} / {median:.1f}", f"{size / best[name]:.0f}"]
        for mode in PLAIN_MODES:
            anchor = best.get(f"plain script, parquet {mode}")
            cells.append(f"{anchor / best[name]:.2f}x" if anchor else "–")
        cpu = [m["cpu"] for m in ms]
        cells.append(f"{min(cpu):.1f} / {statistics.median(cpu):.1f}")
        memory = f"{max(m['peak_mb'] for m in ms):.0f} / {max(m['tree_mb'] for m in ms):.0f}"
        print("| " + " | ".join([*cells, memory]) + " |")


#: The files of a dataset folder that hold its records and what became of each input (the
#: card and `build.json` also name the options, which another checkout may spell otherwise).
RECORD_FILES = ("data/", "manifest.jsonl")


def _same_files(a: Path, b: Path, only: tuple[str, ...] = ("",)) -> bool:
    """Whether two dataset folders hold the same files with the same bytes (of the files
    whose relative path starts with one of `only`)."""

    def listed(folder: Path) -> list[Path]:
        found = (p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
        return sorted(p for p in found if p.as_posix().startswith(only))

    files = listed(a)
    return files == listed(b) and all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


if __name__ == "__main__":
    main()
