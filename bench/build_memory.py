"""Peak memory of `hzcorpus build` over many inputs: does it stay bounded?

Writes `--inputs` short invented articles as JSON lines (one file per 10,000 lines) plus as
many files that are not read (skipped, so that listing and the manifest see them too), then
runs `hzcorpus build --no-translate` locally (and on Ray with `--ray`), sampling the memory
of the whole process tree every 0.2 s. Prints inputs, seconds and peak RSS (largest
process / all processes); run it at two sizes to see whether memory grows with the inputs.

Usage: python bench/build_memory.py [--inputs 100000] [--workers 2] [--ray]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import ROOT, run_measured

LINES_PER_FILE = 10_000
WORDS = [
    "river",
    "bridge",
    "council",
    "budget",
    "school",
    "tram",
    "ferry",
    "market",
    "harbour",
    "museum",
]


def write_inputs(raw: Path, n: int) -> None:
    """`n` JSON lines of short distinct articles and `n // 10` skipped files."""
    raw.mkdir(parents=True)
    for start in range(0, n, LINES_PER_FILE):
        lines = []
        for i in range(start, min(n, start + LINES_PER_FILE)):
            words = " ".join(WORDS[(i >> k) % len(WORDS)] for k in range(0, 24, 3))
            text = f"Item {i}\n\nThe {words} report number {i} was read out on Monday."
            lines.append(json.dumps({"id": f"a{i}", "text": text}))
        (raw / f"part-{start // LINES_PER_FILE:04d}.jsonl").write_text("\n".join(lines) + "\n")
    skipped = raw / "skipped"
    skipped.mkdir()
    for i in range(n // 10):
        (skipped / f"{i:07d}.bin").write_bytes(b"x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ray", action="store_true", help="also on Ray (the ray extra)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        write_inputs(raw, args.inputs)
        total = args.inputs + args.inputs // 10
        runs = [("local", ["--workers", str(args.workers)])]
        runs += [("ray", ["--executor", "ray"])] if args.ray else []
        print("| executor | inputs | seconds | peak MB: largest RSS / all PSS |")
        print("|---|---:|---:|---:|")
        for name, extra in runs:
            cmd = [sys.executable, "-m", "hzcorpus", "build", str(raw), f"{tmp}/out-{name}"]
            cmd += ["--no-translate", "--quiet", "--chunk-size", "64", *extra]
            m = run_measured(cmd, ROOT)
            cells = [name, f"{total:,}", f"{m['seconds']:.0f}"]
            print("| " + " | ".join([*cells, f"{m['peak_mb']:.0f} / {m['tree_mb']:.0f}"]) + " |")


if __name__ == "__main__":
    main()
