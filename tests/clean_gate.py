"""The cleaning quality gate: scores of `clean_document` on the annotated pages.

Every page `tests/data/clean/NAME.txt` (or `.html`) has `NAME.json`:
`{"title": str | null, "keep": [...], "drop": [...]}`, where `keep` lists every article
line that must survive and `drop` the furniture lines that must not be a line of the
output; HTML pages may also give `author` (names joined with "; ", or null) and
`lang_hint` (the language the page declares, or null). `score_pages(paths)` returns, per
format ("text", "html") and "overall":

- `keep_line_recall`: keep lines found as a line of the output text;
- `keep_sentence_recall`: sentences of the keep lines found in the output text;
- `drop_recall`: drop lines absent from the output lines;
- `drop_precision`: removed lines that are not keep lines, over all removed lines (a
  second copy of a keep line that is in the output counts as rightly removed; HTML
  has no line-level audit: there it is annotated lines absent from the output that are
  drop lines, over all annotated lines absent from the output);
- `title_accuracy`: pages whose title is the annotated one;
- `author_accuracy`, `lang_hint_accuracy`: pages whose author / declared language is the
  annotated one, over the pages that annotate it.

Run `python -m tests.clean_gate` for the table per page. The floors in `floors.json`
are pinned to the pages they were computed on (`pages_digest`); after adding or changing
pages, `python -m tests.clean_gate --pin` records the new digest and raises floors to the
new scores, and refuses when a score is below its floor (a floor is never lowered
silently: lower it by hand in the same commit, and say why).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from hzcorpus.boilerplate import BULLET_MARKERS
from hzcorpus.clean import clean_document
from hzcorpus.errors import HzcorpusError
from hzcorpus.read import read_document

PAGES = Path(__file__).resolve().parent / "data" / "clean"
FLOORS = PAGES / "floors.json"
METRICS = (
    "keep_line_recall",
    "keep_sentence_recall",
    "drop_recall",
    "drop_precision",
    "title_accuracy",
    "author_accuracy",
    "lang_hint_accuracy",
)
_SENTENCE = re.compile(r"(?<=[.!?。！？])['\"”’»)]*\s+|(?<=[。！？])")


def page_paths(folder: Path = PAGES) -> list[Path]:
    """The annotated pages of `folder` (inputs that have a `.json` beside them)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in (".txt", ".html") and p.with_suffix(".json").exists()
    )


def sentences(line: str) -> list[str]:
    """A line cut into sentences (after . ! ? and their CJK forms)."""
    return [s.strip() for s in _SENTENCE.split(line) if s and s.strip()]


def _output_lines(text: str) -> set[str]:
    """The output's lines, each also without a leading bullet marker joined to it."""
    lines = set()
    for line in text.split("\n"):
        line = line.strip()
        lines.add(line)
        head, _, rest = line.partition(" ")
        if head in BULLET_MARKERS and rest:
            lines.add(rest.strip())
    return lines


def score_page(path: Path) -> dict:
    """Counts for one page: hits and totals of each metric, its format and any error."""
    annotation = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    keep, drop = annotation["keep"], annotation["drop"]
    error = None
    try:
        doc = clean_document(read_document(path))
        text, title, fmt = doc.text, doc.title, doc.format
        removed = [r.text.strip() for r in doc.removed]
        found = {"author": doc.author, "lang_hint": doc.lang_hint}
    except HzcorpusError as exc:  # a page that fails scores as an empty output
        text, title, removed, error, found = "", None, [], str(exc), {}
        fmt = "html" if path.suffix == ".html" else "text"
    out = _output_lines(text)
    keep_sentences = [s for line in keep for s in sentences(line)]
    counts = {
        "format": fmt,
        "error": error,
        "keep_line_recall": (sum(k in out for k in keep), len(keep)),
        "keep_sentence_recall": (sum(s in text for s in keep_sentences), len(keep_sentences)),
        "drop_recall": (sum(d not in out for d in drop), len(drop)),
        "title_accuracy": (int(title == annotation["title"]), 1),
    }
    for key in ("author", "lang_hint"):
        annotated = key in annotation
        counts[f"{key}_accuracy"] = (
            int(annotated and found.get(key) == annotation[key]),
            int(annotated),
        )
    if fmt == "text":  # removing a second copy of a kept line loses nothing
        lost = set(keep) - out
        counts["drop_precision"] = (sum(r not in lost for r in removed), len(removed))
    else:
        dropped = sum(d not in out for d in drop)
        counts["drop_precision"] = (dropped, dropped + sum(k not in out for k in keep))
    return counts


def _ratio(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def score_pages(paths) -> dict:
    """Scores of the annotated pages `paths`: per format, overall, and per page."""
    sums: dict[str, dict[str, list[int]]] = defaultdict(lambda: {m: [0, 0] for m in METRICS})
    pages = {}
    for path in map(Path, paths):
        counts = score_page(path)
        pages[path.name] = {
            "format": counts["format"],
            "error": counts["error"],
            **{m: round(_ratio(*counts[m]), 4) for m in METRICS},
        }
        for group in (counts["format"], "overall"):
            for m in METRICS:
                sums[group][m][0] += counts[m][0]
                sums[group][m][1] += counts[m][1]
    scores = {g: {m: round(_ratio(*hm), 4) for m, hm in ms.items()} for g, ms in sums.items()}
    scores["pages"] = pages
    return scores


def pages_digest(paths) -> str:
    """sha256 over the names and bytes of the pages and their annotations, in order."""
    digest = hashlib.sha256()
    for path in map(Path, paths):
        for part in (path, path.with_suffix(".json")):
            digest.update(part.name.encode() + b"\0" + part.read_bytes() + b"\0")
    return digest.hexdigest()


def pin(scores: dict, floors_path: Path = FLOORS) -> list[str]:
    """Record the pages' digest and raise every floor to its score; return the scores that
    are below their floors (then nothing is written)."""
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    below = [
        f"{group} {metric}: {scores[group][metric]} < {floor}"
        for group, metrics in floors.items()
        if isinstance(metrics, dict)
        for metric, floor in metrics.items()
        if scores[group][metric] < floor
    ]
    if below:
        return below
    for group, metrics in floors.items():
        if isinstance(metrics, dict):
            for metric in metrics:
                metrics[metric] = scores[group][metric]
    floors["pages_digest"] = pages_digest(page_paths())
    floors_path.write_text(json.dumps(floors, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return []


def main() -> int:
    scores = score_pages(page_paths())
    if "--pin" in sys.argv[1:]:
        below = pin(scores)
        for line in below:
            print(f"below its floor, not pinned: {line}")
        return 1 if below else 0
    names = ["page", *(m.replace("_", " ") for m in METRICS)]
    print(" | ".join(names))
    for name, page in scores.pop("pages").items():
        flag = f"  ERROR {page['error']}" if page["error"] else ""
        print(name, *(f"{page[m]:.2f}" for m in METRICS), flag)
    for group, values in scores.items():
        print(group.upper(), *(f"{values[m]:.4f}" for m in METRICS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
