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
- the same plain script writing one parquet file at the end (a fairer baseline).

Peak memory is sampled from /proc every 0.2 s over the run's process tree.

`--compare-with CHECKOUT` adds the build of another checkout of the project (say, main
before a change) to the same rounds, and says whether its records and manifest (the parquet
shards and `manifest.jsonl`) equal this checkout's byte for byte.

Usage: python bench/build.py [--size 5000] [--workers 1 2] [--rounds 1]
       python bench/build.py --pages DIR [--dumps 2000] [--html 500] [--compare-with CHECKOUT]
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


def plain(raw: str, out: str, batched: bool) -> None:
    """The plain script: trafilatura or line stripping, langdetect, datasets to parquet."""
    import trafilatura
    from datasets import Dataset
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    Path(out).mkdir(parents=True, exist_ok=True)
    rows = []
    for i, path in enumerate(sorted(Path(raw).iterdir())):
        if path.suffix == ".html":  # trafilatura decodes the bytes itself
            text = trafilatura.extract(path.read_bytes()) or ""
        else:
            page = path.read_text(encoding="utf-8")
            text = "\n".join(line.strip() for line in page.splitlines()[1:] if line.strip())
        try:
            language = detect(text)
        except LangDetectException:
            language = None
        row = {"source": path.name, "text": text, "language": language}
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
    """(largest process, whole tree) resident memory in MB of `root` and its descendants,
    read from /proc (Linux); workers of a forkserver are grandchildren."""
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
    return max(sizes), sum(sizes)


def measure(command: list[str], checkout: str) -> dict[str, float]:
    """Run a command in `checkout` (the project on its path); its wall time and peak memory
    (largest process, whole tree) in MB."""
    env = dict(os.environ, PYTHONPATH=checkout)
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
    return {"seconds": seconds, "peak_mb": largest, "tree_mb": total}


def run_measured(command: list[str], checkout: Path) -> dict[str, float]:
    """`measure` in a fresh process."""
    out = subprocess.run(
        [sys.executable, __file__, "--measure", json.dumps([command, str(checkout)])],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


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
        "--plain-modes", nargs="+", default=["per-article", "batched"], help="plain scripts to run"
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--plain", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*json.loads(args.measure))))
        return
    if args.plain:
        plain(args.plain[0], args.plain[1], args.plain[2] == "batched")
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
        ray = importlib.util.find_spec("ray") is not None
        if ray:
            cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), "OUT"]
            cmd += ["--no-translate", "--quiet", "--executor", "ray"]
            paths[f"hzcorpus build, Ray on {os.cpu_count()} CPUs"] = (cmd, ROOT)
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
    print()
    print(
        "| run | seconds: min / median | articles/s (min) | vs plain per-article | vs plain "
        "batched | peak RSS MB: largest / all |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    best = {name: min(m["seconds"] for m in ms) for name, ms in runs.items()}
    for name, ms in runs.items():
        median = statistics.median(m["seconds"] for m in ms)
        cells = [name, f"{best[name]:.1f} / {median:.1f}", f"{size / best[name]:.0f}"]
        for mode in ("per-article", "batched"):
            anchor = best.get(f"plain script, parquet {mode}")
            cells.append(f"{anchor / best[name]:.2f}x" if anchor else "–")
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
