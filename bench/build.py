"""Benchmark `hzcorpus build` (without translation) against a plain per-article script.

Generates a synthetic corpus of invented articles (page text and HTML, several languages),
then times, each in its own process so that peak memory is measured per run:

- `hzcorpus build RAW OUT --no-translate` at 1 and 2 workers;
- a plain script that, per article, calls trafilatura (HTML) or strips lines (page text),
  langdetect, and `datasets.Dataset.from_list([row]).to_parquet(...)`;
- the same plain script writing one parquet file at the end (a fairer baseline).

Peak memory is sampled from /proc every 0.2 s over the run's process tree.

Usage: python bench/build.py [--size 5000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import resource
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
        page = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = trafilatura.extract(page) or ""
        else:
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


def measure(command: list[str]) -> dict[str, float]:
    """Run a command; its wall time and peak memory (largest process, whole tree) in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT)
    largest = total = 0.0
    while proc.poll() is None:
        one, tree = _tree_rss_mb(proc.pid)
        largest, total = max(largest, one), max(total, tree)
        time.sleep(0.2)
    if proc.returncode not in (0, 1):  # 1: some inputs failed; the build.json says which
        raise SystemExit(f"{command}: exit status {proc.returncode}")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": largest, "tree_mb": total}


def run_measured(command: list[str]) -> dict[str, float]:
    """`measure` in a fresh process."""
    out = subprocess.run(
        [sys.executable, __file__, "--measure", json.dumps(command)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="articles in the corpus")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--plain", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(json.loads(args.measure))))
        return
    if args.plain:
        plain(args.plain[0], args.plain[1], args.plain[2] == "batched")
        return

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        write_corpus(raw, args.size, seed=0)
        runs: list[tuple[str, dict[str, float]]] = []
        for mode in ("per-article", "batched"):
            cmd = [sys.executable, __file__, "--plain", str(raw), f"{tmp}/plain-{mode}", mode]
            runs.append((f"plain script, parquet {mode}", run_measured(cmd)))
        for workers in args.workers:
            cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), f"{tmp}/out{workers}"]
            cmd += ["--no-translate", "--quiet", "--workers", str(workers)]
            runs.append((f"hzcorpus build, {workers} worker(s)", run_measured(cmd)))
        summary = json.loads(Path(f"{tmp}/out{args.workers[0]}/build.json").read_text())

    base = args.size / runs[0][1]["seconds"]
    print(f"{args.size} synthetic articles; hzcorpus steps: {' → '.join(summary['stages'])}")
    print(f"hzcorpus manifest: {summary['status']}\n")
    print("| run | seconds | articles/s | vs plain per-article | peak RSS MB: largest / all |")
    print("|---|---:|---:|---:|---:|")
    for name, m in runs:
        rate = args.size / m["seconds"]
        cells = [name, f"{m['seconds']:.1f}", f"{rate:.0f}", f"{rate / base:.2f}x"]
        memory = f"{m['peak_mb']:.0f} / {m['tree_mb']:.0f}"
        print("| " + " | ".join([*cells, memory]) + " |")


if __name__ == "__main__":
    main()
