"""Score HTML extraction on the development data: hzcorpus beside trafilatura's modes and jusText.

    python scripts/eval_html.py DEVDATA [--dataset NAME ...] [--cache DIR] [--limit N]

DEVDATA is a folder with the archives of `shared/devdata` unpacked into it (see
`devdata_pages.py`); the script says so and exits when it is absent. Per data set and per
part (development / held-out, fixed by `devdata_pages.split_of`), it prints:

- P/R/F1: the article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark
  `evaluate.py`): true/false positives and false negatives of 4-token shingles of `\\w+`
  tokens, normalised per page, precision and recall averaged over pages, F1 of the two
  averages. On `trafilatura-eval`, which has no full text, it is trafilatura's own snippet
  metric instead: a `with` snippet found is a true positive, one missing a false negative,
  a `without` snippet found a false positive (counted over all pages);
- title, author and date accuracy where the data set has them (a page with no author in
  the ground truth is right when none is extracted).

Systems, all given the same decoded page: `hzcorpus` (the cleaning stage, `clean_document`),
`traf-default` / `traf-precision` / `traf-recall` (`trafilatura.bare_extraction` with
comments off and tables on, in its three modes), and `justext` (its default settings, the
page's language stoplist or English). `--cache DIR` keeps the anchors' outputs between
runs (they do not change while hzcorpus is tuned).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata_pages import DATASETS, Page, load_pages, sample_key, split_of  # noqa: E402

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_PREFIX = re.compile(r"^(?:by|von|from|par|por|作者|记者)\s*[:：]?\s*", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|\bund\b|&|、)\s*", re.I)
ANCHORS = ("traf-default", "traf-precision", "traf-recall", "justext")


@dataclass
class Extraction:
    """What one system made of one page."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None


# --- metrics -------------------------------------------------------------------------------


def shingle_counts(true: str, pred: str, n: int = _SHINGLE) -> tuple[float, float, float]:
    """(tp, fp, fn) of the n-token shingles of two texts, normalised to sum to 1."""
    true_sh, pred_sh = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0
    for key in true_sh.keys() | pred_sh.keys():
        t, p = true_sh.get(key, 0), pred_sh.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _shingles(text: str, n: int) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def benchmark_scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages (as evaluate.py does) and their F1."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def snippet_counts(page: Page, text: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of trafilatura's evaluation: `with` snippets found, `without` found,
    `with` missing (whitespace-normalised substring tests)."""
    flat = " ".join(text.split())
    found = [" ".join(s.split()) in flat for s in page.with_]
    leaked = sum(" ".join(s.split()) in flat for s in page.without)
    return sum(found), leaked, len(found) - sum(found)


def snippet_scores(counts: list[tuple[int, int, int]]) -> dict[str, float]:
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _norm(value: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", value or "").casefold().split())


def title_match(gold: str | None, pred: str | None) -> bool:
    return _norm(gold) == _norm(pred)


def author_match(gold: str | None, pred: str | None) -> bool:
    """Same set of names, ignoring "By"/"Von" prefixes, order and separators."""

    def names(value: str | None) -> set[str]:
        value = _PREFIX.sub("", (value or "").strip())
        return {_norm(n) for n in _NAME_SPLIT.split(value) if _norm(n)}

    return names(gold) == names(pred)


def date_match(gold: str | None, pred: str | None) -> bool:
    return (gold or "")[:10] == (pred or "")[:10]


# --- systems -------------------------------------------------------------------------------


def _decoded(page: Page) -> str:
    from hzcorpus.read import decode

    return decode(page.html_path.read_bytes())[0]


def run_hzcorpus(html: str) -> Extraction:
    from hzcorpus.clean import clean_document
    from hzcorpus.document import Document
    from hzcorpus.errors import HzcorpusError

    try:
        doc = clean_document(Document(source="page.html", raw=html, format="html"))
    except HzcorpusError:
        return Extraction()
    return Extraction(doc.text, doc.title, doc.author, doc.published)


def _trafilatura(mode: str) -> Callable[[str], Extraction]:
    def run(html: str) -> Extraction:
        import trafilatura

        result = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            favor_precision=mode == "precision",
            favor_recall=mode == "recall",
            with_metadata=True,
        )
        if not result:
            return Extraction()
        return Extraction(result.text or "", result.title, result.author, result.date)

    return run


def run_justext(html: str) -> Extraction:
    import justext

    lang = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", html[:5000])
    names = {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "pl": "Polish"}
    stoplist = justext.get_stoplist(names.get(lang.group(1).lower(), "English") if lang else "English")
    try:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
    except Exception:  # jusText raises on some odd pages; score those as empty
        return Extraction()
    return Extraction("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


SYSTEMS: dict[str, Callable[[str], Extraction]] = {
    "hzcorpus": run_hzcorpus,
    "traf-default": _trafilatura("default"),
    "traf-precision": _trafilatura("precision"),
    "traf-recall": _trafilatura("recall"),
    "justext": run_justext,
}


# --- the run -------------------------------------------------------------------------------


class _Cache:
    """Outputs of the anchor systems on disk, one JSON file per system and data set."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.data: dict[tuple[str, str], dict] = {}

    def _file(self, system: str, dataset: str) -> Path:
        return self.folder / f"{system}--{dataset}.json"

    def get(self, system: str, page: Page) -> Extraction | None:
        if self.folder is None or system not in ANCHORS:
            return None
        key = (system, page.dataset)
        if key not in self.data:
            path = self._file(*key)
            self.data[key] = json.loads(path.read_text()) if path.exists() else {}
        row = self.data[key].get(page.id)
        return Extraction(**row) if row is not None else None

    def put(self, system: str, page: Page, value: Extraction) -> None:
        if self.folder is not None and system in ANCHORS:
            self.data.setdefault((system, page.dataset), {})[page.id] = vars(value)

    def save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for (system, dataset), rows in self.data.items():
            self._file(system, dataset).write_text(json.dumps(rows, ensure_ascii=False))


def evaluate(
    pages: list[Page], systems: dict[str, Callable[[str], Extraction]], cache: _Cache
) -> dict:
    """Per (data set, part, system): the text scores and the metadata accuracies."""
    counts: dict[tuple[str, str, str], list] = defaultdict(list)
    meta: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for number, page in enumerate(pages, 1):
        if number % 50 == 0:
            cache.save()
        part = split_of(page.dataset, page.id)
        html = _decoded(page)
        for name, run in systems.items():
            out = cache.get(name, page)
            if out is None:
                out = run(html)
                cache.put(name, page, out)
            key = (page.dataset, part, name)
            if page.text is not None:
                counts[key].append(shingle_counts(page.text, out.text))
            else:
                counts[key].append(snippet_counts(page, out.text))
            if not page.has_meta:
                continue
            for field, match in (("title", title_match), ("author", author_match), ("date", date_match)):
                gold = getattr(page, field)
                if field == "title" and gold is None:
                    continue
                meta[key][field] += match(gold, getattr(out, field))
                meta[key][f"{field}_n"] += 1
    results = {}
    for key, values in counts.items():
        snippets = key[0] == "trafilatura-eval"
        scores = snippet_scores(values) if snippets else benchmark_scores(values)
        scores["pages"] = len(values)
        for field in ("title", "author", "date"):
            n = meta[key][f"{field}_n"]
            scores[field] = meta[key][field] / n if n else None
        results[key] = scores
    return results


def print_table(results: dict, systems: list[str]) -> None:
    header = f"{'data set':<22}{'part':<9}{'system':<16}{'pages':>6}"
    header += "".join(f"{h:>8}" for h in ("P", "R", "F1", "title", "author", "date"))
    print(header)
    for dataset in DATASETS:
        for part in ("dev", "held-out"):
            for system in systems:
                s = results.get((dataset, part, system))
                if s is None:
                    continue
                cells = [s["precision"], s["recall"], s["f1"], s["title"], s["author"], s["date"]]
                row = f"{dataset:<22}{part:<9}{system:<16}{s['pages']:>6}"
                print(row + "".join(f"{'-':>8}" if c is None else f"{c:>8.3f}" for c in cells))
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--dataset", action="append", choices=DATASETS)
    parser.add_argument("--system", action="append", choices=list(SYSTEMS))
    parser.add_argument("--part", choices=("dev", "held-out"))
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--limit", type=int, help="a fixed sample of N pages per data set")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON")
    args = parser.parse_args(argv)
    if not args.devdata.is_dir():
        print(f"no development data at {args.devdata}: nothing to score", file=sys.stderr)
        return 0
    pages = [
        p
        for p in load_pages(args.devdata, tuple(args.dataset or DATASETS))
        if args.part is None or split_of(p.dataset, p.id) == args.part
    ]
    if args.limit:  # a fixed sample: the first pages of each data set in hash order
        pages.sort(key=lambda p: (DATASETS.index(p.dataset), sample_key(p)))
        per: Counter = Counter()
        pages = [p for p in pages if (per.update([p.dataset]) or per[p.dataset] <= args.limit)]
    names = args.system or list(SYSTEMS)
    cache = _Cache(args.cache)
    try:
        results = evaluate(pages, {n: SYSTEMS[n] for n in names}, cache)
    finally:
        cache.save()
    print_table(results, names)
    if args.json:
        rows = [{"dataset": d, "part": p, "system": s, **v} for (d, p, s), v in results.items()]
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
