"""Benchmark `hzcorpus build` (without translation): local workers, Ray, a plain script.

The corpus: `--texts` page-text dumps of invented articles (several languages) and `--html`
HTML pages: real pages from `--html-dir` (for example the L3S-GN1 news pages of the
devdata, `original/`), else invented ones. Each run is timed in its own process, so that
peak memory is measured per run:

- `hzcorpus build RAW OUT --no-translate` at 1 and 2 local workers;
- the same on Ray (`--executor ray`: a local Ray on this machine's CPUs, started and
  stopped by the build, which the time includes), when the ray extra is installed;
- a plain script that, per article, calls trafilatura (HTML) or strips lines (page text),
  langdetect, and `datasets.Dataset.from_list([row]).to_parquet(...)`;
- the same plain script writing one parquet file at the end (a fairer baseline).

Peak memory is sampled from /proc every 0.2 s over the run's process tree.

Usage: python bench/build.py [--texts 2000] [--html 500] [--html-dir DIR] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
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
        page = path.read_bytes().decode("utf-8", "replace")
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


def write_bench_corpus(raw: Path, texts: int, pages: int, html_dir: Path | None) -> None:
    """`texts` invented page-text dumps and `pages` HTML pages (real ones from `html_dir`,
    the first in sorted order, else invented) in one flat folder."""
    write_corpus(raw, texts, seed=0, html_share=0)
    if html_dir is None:
        for path in write_corpus(raw / "html", pages, seed=1, html_share=1):
            path.rename(raw / f"page_{path.name}")
        (raw / "html").rmdir()
        return
    found = sorted(p for p in html_dir.rglob("*") if p.suffix.lower() in (".html", ".htm"))
    if len(found) < pages:
        raise SystemExit(f"{html_dir}: {len(found)} HTML pages, fewer than {pages}")
    for i, path in enumerate(found[:pages]):
        shutil.copyfile(path, raw / f"page_{i:06d}.html")


def _ray_installed() -> bool:
    return importlib.util.find_spec("ray") is not None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000, help="page-text dumps")
    parser.add_argument("--html", type=int, default=500, help="HTML pages")
    parser.add_argument("--html-dir", type=Path, help="real HTML pages to take them from")
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
    if args.html_dir is not None and not args.html_dir.is_dir():
        raise SystemExit(f"{args.html_dir}: no such folder (the devdata is not unpacked?)")

    size = args.texts + args.html
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        write_bench_corpus(raw, args.texts, args.html, args.html_dir)
        runs: list[tuple[str, dict[str, float]]] = []
        for mode in ("per-article", "batched"):
            cmd = [sys.executable, __file__, "--plain", str(raw), f"{tmp}/plain-{mode}", mode]
            runs.append((f"plain script, parquet {mode}", run_measured(cmd)))
        build = [sys.executable, "-m", "hzcorpus", "build", str(raw)]
        for workers in args.workers:
            cmd = [*build, f"{tmp}/out{workers}", "--no-translate", "--quiet"]
            cmd += ["--workers", str(workers)]
            runs.append((f"hzcorpus build, {workers} local worker(s)", run_measured(cmd)))
        if _ray_installed():
            cmd = [*build, f"{tmp}/ray", "--no-translate", "--quiet", "--executor", "ray"]
            runs.append((f"hzcorpus build, Ray on {os.cpu_count()} CPUs", run_measured(cmd)))
            same = _same_dataset(Path(f"{tmp}/out{args.workers[-1]}"), Path(f"{tmp}/ray"))
        else:
            same = None
        summary = json.loads(Path(f"{tmp}/out{args.workers[0]}/build.json").read_text())

    base = size / runs[0][1]["seconds"]
    where = args.html_dir.name if args.html_dir else "invented"
    print(
        f"{args.texts} page-text dumps + {args.html} HTML pages ({where}); hzcorpus steps: "
        f"{' → '.join(summary['stages'])}"
    )
    print(f"hzcorpus manifest: {summary['status']}")
    if same is not None:
        print(f"Ray's dataset folder equals the local one byte for byte: {same}")
    print("\n| run | seconds | articles/s | vs plain per-article | peak RSS MB: largest / all |")
    print("|---|---:|---:|---:|---:|")
    for name, m in runs:
        rate = size / m["seconds"]
        cells = [name, f"{m['seconds']:.1f}", f"{rate:.0f}", f"{rate / base:.2f}x"]
        memory = f"{m['peak_mb']:.0f} / {m['tree_mb']:.0f}"
        print("| " + " | ".join([*cells, memory]) + " |")


def _same_dataset(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()) and all(
        (a / f).read_bytes() == (b / f).read_bytes() for f in files
    )


if __name__ == "__main__":
    main()
