"""Scores of the cleaner on the development data, per data set and split, beside anchors.

Usage: python scripts/eval_clean.py DEVDATA [--datasets a,b] [--systems x,y]
       [--renderers r,s] [--split dev|held-out] [--limit N] [--sample N] [--cache DIR]
       [--by-renderer]

DEVDATA is the folder with the development data sets unpacked (one folder per archive of
the project's shared devdata); the script prints a note and exits 0 when it is absent.
Every data set is split into a development and a held-out part by a hash of the page id
(`devdata.split_of`); both are reported, and only "dev" may be used for tuning.

Systems run either on the page's HTML or on its page-text dump (the visible text of the
whole page, one block per line, rendered by each renderer of `devdata.RENDERERS`; a
dump system's row pools the pages of all renderers). Add a system with one function
from its input to an `Output` and one row in `SYSTEMS`; add a data set in
`devdata.DATASETS`.

`hzcorpus` is the page-text cleaner as shipped (rules, passes and the line model),
`hzcorpus-rules` the same without the line model, `hzcorpus-inside` and `hzcorpus-runs`
with the model's inside decisions per line (`CleanOptions.model_inside`) and per run of
non-prose lines (`CleanOptions.model_runs`), `oracle` the ceiling of line decisions
(the dump's lines the line model's label matcher calls article: what a perfect line
classifier would keep), `oracle-sentences` the ceiling of decisions below the line (each
line's sentences and inline-furniture pieces, kept exactly when the matcher calls them
article: what a perfect pass cutting heads and tails off lines could add to the oracle);
`hzcorpus-html` the HTML path as
shipped, `hzcorpus-html-choice` the same with the per-page choice of trafilatura's mode
(`HtmlOptions.choice`).

Metrics per (data set, split, system):
- P / R / F1: the article-extraction-benchmark metric (scrapinghub's `evaluate.py`):
  multisets of 4-token shingles of `\\w+` tokens, tp/fp/fn normalised per page, precision
  and recall averaged over pages, F1 of the averages. Data sets that only have snippets
  (trafilatura-eval) get trafilatura's snippet metric instead: `with` snippets found are
  true positives, `without` snippets found false positives (pooled over pages; marked *).
  On data sets whose gold holds the headline (`devdata.HEADLINE_IN_GOLD`) the text
  scored is the system's title and text (`scored_text`), for every system alike.
- sent-R: kept-sentence recall, the share of gold sentences (5+ tokens) found in the output
  (for snippet data sets: `with` snippets found).
- title / author / date: exact-match accuracy where the data set annotates them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache, partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import devdata

from hzcorpus.clean import CleanOptions, clean_document, dump_lines
from hzcorpus.document import Document
from hzcorpus.errors import HzcorpusError
from hzcorpus.html import HtmlOptions
from hzcorpus.html_choice import ModeChoice


@dataclass
class Output:
    """What a system extracted from one page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


# --- metrics -----------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")


def tokens(text: str) -> list[str]:
    """The `\\w+` tokens of a text (the benchmark's tokenizer)."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    """The multiset of n-token shingles (a text shorter than n is one shingle)."""
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks)


def shingle_match(gold: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of the shingles of `pred` against `gold`, normalised to sum to 1."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def shingle_scores(matches: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) as the benchmark computes them from per-page matches."""
    ps = [_precision(*m) for m in matches if m[0] + m[1] > 0]
    rs = [_recall(*m) for m in matches if m[0] + m[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def normalised(text: str) -> str:
    """Lowercased tokens joined by single spaces (for containment tests)."""
    return " ".join(tokens(text.lower()))


def gold_sentences(gold: str, min_tokens: int = 5) -> list[str]:
    """The gold text's sentences of `min_tokens` tokens or more, normalised."""
    found = []
    for block in gold.split("\n"):
        for sentence in _SENTENCE.split(block):
            norm = normalised(sentence)
            if len(norm.split()) >= min_tokens or (norm and not norm.isascii() and len(norm) >= 8):
                found.append(norm)
    return found


def _field(value) -> str:
    """A metadata value as text (some annotations and extractors give a list of names)."""
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value or "")


def scored_text(page: devdata.Page, out: Output) -> str:
    """The part of a system's output scored against the gold: its text, and on data sets
    whose gold holds the headline (`devdata.HEADLINE_IN_GOLD`) its title as the first
    line when the text does not hold the title already."""
    title = normalised(out.title or "")
    if page.dataset not in devdata.HEADLINE_IN_GOLD or not title:
        return out.text
    if f" {title} " in f" {normalised(out.text)} ":
        return out.text
    return f"{out.title}\n{out.text}"


def _same(a, b) -> bool:
    return normalised(_field(a)) == normalised(_field(b))


@dataclass
class Tally:
    """Running sums of one row of the table."""

    pages: int = 0
    matches: list[tuple[float, float, float]] | None = None
    snip_tp: int = 0
    snip_fp: int = 0
    snip_fn: int = 0
    sent_hit: int = 0
    sent_all: int = 0
    meta_hit: Counter | None = None
    meta_all: Counter | None = None
    errors: int = 0

    def __post_init__(self) -> None:
        self.matches = []
        self.meta_hit, self.meta_all = Counter(), Counter()

    def add(self, page: devdata.Page, out: Output) -> None:
        self.pages += 1
        scored = scored_text(page, out)
        text = f" {normalised(scored)} "
        if page.gold is not None:
            self.matches.append(shingle_match(page.gold, scored))
            sents = gold_sentences(page.gold)
            self.sent_all += len(sents)
            self.sent_hit += sum(f" {s} " in text for s in sents)
        else:
            found = [f" {normalised(s)} " in text for s in page.with_ if normalised(s)]
            self.snip_tp += sum(found)
            self.snip_fn += len(found) - sum(found)
            self.snip_fp += sum(f" {normalised(s)} " in text for s in page.without if normalised(s))
            self.sent_all += len(found)
            self.sent_hit += sum(found)
        for name in ("title", "author", "date"):
            truth = getattr(page, name)
            if truth:
                self.meta_all[name] += 1
                value = getattr(out, name)
                if name == "date":
                    self.meta_hit[name] += bool(value) and _field(value)[:10] == _field(truth)[:10]
                else:
                    self.meta_hit[name] += _same(value, truth)

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall and F1: of shingles with full gold text (`shingle_scores`),
        else trafilatura's snippet metric (pooled)."""
        if self.matches:
            return shingle_scores(self.matches)
        tp, fp, fn = self.snip_tp, self.snip_fp, self.snip_fn
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def cells(self) -> list[str]:
        mark = "" if self.matches else "*"  # the snippet metric
        prf = [f"{x:.3f}{mark}" for x in self.scores()]
        sent = f"{self.sent_hit / self.sent_all:.3f}" if self.sent_all else "-"
        meta = [
            f"{self.meta_hit[m] / self.meta_all[m]:.2f}" if self.meta_all[m] else "-"
            for m in ("title", "author", "date")
        ]
        return [str(self.pages), *prf, sent, *meta, str(self.errors)]


# --- systems -----------------------------------------------------------------------------


def hzcorpus_dump(dump: str, options: CleanOptions | None = None) -> Output:
    """hzcorpus's page-text cleaner on a dump."""
    doc = Document(source="page.txt", raw=dump, format="text")
    doc = clean_document(doc, options or CleanOptions())
    return Output(doc.text, doc.title, doc.author, doc.published)


def best_block(dump: str, min_words: int = 10, penalty: float = 8.0) -> Output:
    """Baseline: the stretch of lines with the most prose words (maximum subarray).

    A line of `min_words` words or more adds its words; a shorter line costs `penalty`.
    """
    best, best_span, run, start = 0.0, (0, 0), 0.0, 0
    lines = dump.split("\n")
    for i, line in enumerate(lines):
        words = len(line.split())
        run += words if words >= min_words else -penalty
        if run <= 0:
            run, start = 0.0, i + 1
        elif run > best:
            best, best_span = run, (start, i + 1)
    return Output("\n".join(lines[best_span[0] : best_span[1]]))


def oracle_dump(dump: str, page: devdata.Page) -> Output:
    """The ceiling of line decisions: exactly the dump's lines (as the cleaner splits them,
    `clean.dump_lines`) that the line model's label matcher (`devdata.Gold`) calls article."""
    gold = devdata.Gold(page)
    texts = dump_lines(dump, CleanOptions(model=False)).texts
    return Output("\n".join(t for t in texts if gold.label(t) == 0))


#: Where a dump line splits below the sentence: separators of inline furniture ("Home | News",
#: "3 comments · Share") and CJK sentence ends, which pysbd's English rules do not split.
_PIECE_BREAK = re.compile(r"\s+[|·•»]\s+|(?<=[。！？])")


@cache
def _segmenter():
    """pysbd's rule-based sentence splitter (English rules: they split Latin-script text at
    sentence ends followed by a capital, which is all the oracle needs)."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def line_pieces(line: str) -> list[str]:
    """A dump line's sentences (pysbd), each split again at `_PIECE_BREAK`, stripped."""
    sentences = _segmenter().segment(line) if re.search(r"[.!?]\s", line) else [line]
    return [p.strip() for s in sentences for p in _PIECE_BREAK.split(s) if p.strip()]


def sentence_oracle_dump(dump: str, page: devdata.Page) -> Output:
    """The ceiling of decisions below the line: each dump line split into `line_pieces`, and
    exactly the pieces the label matcher calls article kept (a piece it cannot label, such as a
    short one whose words are in the gold text, is kept when its whole line is article)."""
    gold = devdata.Gold(page)
    kept = []
    for text in dump_lines(dump, CleanOptions(model=False)).texts:
        line_label = gold.label(text)
        pieces = [p for p in line_pieces(text) if _piece_kept(gold, p, line_label)]
        if pieces:
            kept.append(" ".join(pieces))
    return Output("\n".join(kept))


def _piece_kept(gold: devdata.Gold, piece: str, line_label: int | None) -> bool:
    label = gold.label(piece)
    return label == 0 or (label is None and line_label == 0)


def hzcorpus_html(html: str, options: CleanOptions | None = None) -> Output:
    """hzcorpus's HTML cleaner (`hzcorpus.html` and the line rules) on the page."""
    doc = Document(source="page.html", raw=html, format="html")
    doc = clean_document(doc, options or CleanOptions())
    return Output(doc.text, doc.title, doc.author, doc.published)


def trafilatura_html(html: str, precision: bool = False, recall: bool = False) -> Output:
    """trafilatura.extract on the HTML (default mode, favor_precision or favor_recall)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        favor_precision=precision,
        favor_recall=recall,
        with_metadata=True,
        include_comments=False,
    )
    if doc is None:
        return Output("")
    return Output(doc.text or "", doc.title, doc.author, doc.date)


#: jusText stoplists used for every page: the data sets' Latin-script languages together
#: (jusText wants one list; a union costs little stopword density precision).
_JUSTEXT_LANGUAGES = ("English", "German", "Spanish", "French", "Polish", "Croatian")


def justext_html(html: str) -> Output:
    """jusText's paragraph classifier on the HTML (non-boilerplate paragraphs kept)."""
    import justext

    stoplist = frozenset().union(*(justext.get_stoplist(lang) for lang in _JUSTEXT_LANGUAGES))
    paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
    return Output("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


@dataclass(frozen=True)
class System:
    """A row of the table: what it reads ("dump" or "html") and how it runs; `cached`: its
    HTML output may be kept in `--cache` (anchors, which do not change while hzcorpus does);
    `reads_gold`: it also gets the page with its ground truth (the oracle)."""

    input: str
    run: Callable[..., Output]
    cached: bool = True
    reads_gold: bool = False


#: Name -> system. HTML systems get the decoded HTML, dump systems each renderer's dump.
SYSTEMS: dict[str, System] = {
    "hzcorpus": System("dump", hzcorpus_dump),
    "hzcorpus-rules": System("dump", partial(hzcorpus_dump, options=CleanOptions(model=False))),
    "hzcorpus-inside": System(
        "dump", partial(hzcorpus_dump, options=CleanOptions(model_inside=True))
    ),
    "hzcorpus-runs": System("dump", partial(hzcorpus_dump, options=CleanOptions(model_runs=True))),
    "best-block": System("dump", best_block),
    "oracle": System("dump", oracle_dump, reads_gold=True),
    "oracle-sentences": System("dump", sentence_oracle_dump, reads_gold=True),
    "hzcorpus-html": System("html", hzcorpus_html, cached=False),
    "hzcorpus-html-choice": System(
        "html",
        partial(hzcorpus_html, options=CleanOptions(html=HtmlOptions(choice=ModeChoice()))),
        cached=False,
    ),
    "trafilatura": System("html", trafilatura_html),
    "trafilatura-precision": System("html", lambda html: trafilatura_html(html, precision=True)),
    "trafilatura-recall": System("html", lambda html: trafilatura_html(html, recall=True)),
    "justext": System("html", justext_html),
}


# --- the table ---------------------------------------------------------------------------


def evaluate(
    pages: list[devdata.Page],
    systems: dict[str, System],
    renderers: list[str],
    cache: Path | None,
    by_renderer: bool = False,
) -> dict[tuple[str, str, str], Tally]:
    """Tallies per (data set, split, system[/renderer])."""
    tallies: dict[tuple[str, str, str], Tally] = {}
    for page in pages:
        html = None
        for name, system in systems.items():
            if system.input == "html":
                inputs = [(name, None)]
            else:
                inputs = [(f"{name}/{r}" if by_renderer else name, r) for r in renderers]
            for row, renderer in inputs:
                tally = tallies.setdefault((page.dataset, page.split, row), Tally())
                try:
                    if renderer is None:
                        html = html if html is not None else page.html()
                        source = html
                    else:
                        source = devdata.render(page, renderer, cache, html)
                        if source is None:
                            tally.errors += 1
                            continue
                    out = _run_cached(system, name, page, source, cache)
                except (HzcorpusError, ValueError, TypeError, RecursionError) as exc:
                    print(f"error {name} {page.dataset}/{page.id}: {exc}", file=sys.stderr)
                    tally.errors += 1
                    out = Output("")
                tally.add(page, out)
    return tallies


def _run_cached(
    system: System, name: str, page: devdata.Page, source: str, cache: Path | None
) -> Output:
    """`system.run(source)`; an HTML system's output is cached (it depends on the page only)."""
    if system.reads_gold:
        return system.run(source, page)
    if cache is None or system.input != "html" or not system.cached:
        return system.run(source)
    key = hashlib.sha256(f"{name}/{page.dataset}/{page.id}".encode()).hexdigest()[:24]
    path = cache / "outputs" / f"{key}.json"
    if path.exists():
        return Output(**json.loads(path.read_text(encoding="utf-8")))
    out = system.run(source)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(out)), encoding="utf-8")
    return out


HEADER = ["data set", "split", "system", "pages", "P", "R", "F1", "sent-R"]
HEADER += ["title", "author", "date", "errors"]


def print_table(tallies: dict[tuple[str, str, str], Tally], order: list[str]) -> None:
    """A markdown table, rows grouped by data set and split, systems in `order`."""
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    rank = {name: i for i, name in enumerate(order)}
    for key in sorted(tallies, key=lambda k: (k[0], k[1], rank.get(k[2].split("/")[0], 99), k[2])):
        print("| " + " | ".join([*key, *tallies[key].cells()]) + " |")
    print("\n* snippet metric (trafilatura's): the data set has snippets, not full text")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--datasets", default="", help="comma-separated (default: all)")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--renderers", default=",".join(devdata.RENDERERS))
    parser.add_argument("--split", choices=devdata.SPLITS)
    parser.add_argument("--limit", type=int, default=0, help="pages per data set and split")
    parser.add_argument(
        "--sample", type=int, default=0, help="pages per data set, a fixed sample by page-id hash"
    )
    parser.add_argument("--cache", type=Path, help="folder for rendered dumps")
    parser.add_argument("--by-renderer", action="store_true")
    parser.add_argument(
        "--model-threshold", type=float, help="hzcorpus's line-model threshold (tuning on dev)"
    )
    args = parser.parse_args(argv)
    if not args.devdata.is_dir():
        print(f"no devdata folder at {args.devdata}: nothing to score")
        return 0
    names = [n for n in args.datasets.split(",") if n]
    pages = devdata.load_pages(args.devdata, names or None)
    if args.split:
        pages = [p for p in pages if p.split == args.split]
    if args.sample:
        pages = devdata.sample(pages, args.sample)
    if args.limit:
        seen: Counter = Counter()
        kept = []
        for page in pages:
            seen[page.dataset, page.split] += 1
            if seen[page.dataset, page.split] <= args.limit:
                kept.append(page)
        pages = kept
    systems = {n: SYSTEMS[n] for n in args.systems.split(",") if n}
    if args.model_threshold is not None and "hzcorpus" in systems:
        options = CleanOptions(model_threshold=args.model_threshold)
        systems["hzcorpus"] = System("dump", partial(hzcorpus_dump, options=options))
    renderers = [r for r in args.renderers.split(",") if r]
    tallies = evaluate(pages, systems, renderers, args.cache, args.by_renderer)
    print_table(tallies, list(systems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
