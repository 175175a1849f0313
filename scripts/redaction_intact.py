"""Flag intact English web text: the redaction flagger's false alarms outside the cut sets.

The cut sets (`redaction_devset.py`) draw their negatives from the same UD sentences as
their cuts, so an idiom the generator rarely meets ("for months", "about people", "only
minutes from") can score as a cut there and still be common in real text. This script reads
the hand-cleaned main texts of the CleanEval and CleanPortalEval gold standards in DEVDATA
(English web pages and news portals that no one cut), splits them into paragraphs at their
`<p>`, `<h>` and `<l>` marks with their whitespace normalised (a layout's doubled space is
not a gap), flags every paragraph and prints the flags per rule, per 10,000 paragraphs; with
`--show N` the first N flags of each rule (or only of `--rule ID`). Nearly every flag here
is a false alarm: a row or model that adds many has learned an idiom of the generator, not a
cut. Skips with a message when DEVDATA lacks both gold standards. Development data: nothing
of it is kept.

Usage: python scripts/redaction_intact.py DEVDATA [--show N] [--rule ID]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hzcorpus.redaction import find_flags

GOLD_FOLDERS = (
    "cleaneval/dev/GoldStandard",
    "cleaneval/final/GoldStandard",
    "cleanportaleval/GoldStandard",
)
_URL_LINE = re.compile(r"^\s*URL:.*$", re.MULTILINE)
_MARK = re.compile(r"<[phl]>")
#: a paragraph counts when it is this long and reads as English prose
MIN_CHARS = 40
_ENGLISH = re.compile(r"\b(?:the|and|of)\b")


def paragraphs(devdata: Path) -> list[str]:
    """The English paragraphs of the gold standards, whitespace normalised, in file order."""
    out = []
    for folder in GOLD_FOLDERS:
        for path in sorted((devdata / folder).glob("*.txt")):
            text = _URL_LINE.sub("", path.read_text("utf-8", errors="replace"))
            for piece in _MARK.split(text):
                paragraph = " ".join(piece.split())
                if len(paragraph) >= MIN_CHARS and _ENGLISH.search(paragraph):
                    out.append(paragraph)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devdata", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print N flags of each rule")
    parser.add_argument("--rule", help="print the flags of this rule only")
    args = parser.parse_args()
    texts = paragraphs(args.devdata)
    if not texts:
        print(f"skipped: no CleanEval or CleanPortalEval gold standard in {args.devdata}")
        return
    counts: Counter = Counter()
    shown: defaultdict[str, list[str]] = defaultdict(list)
    for text in texts:
        for flag in find_flags(text):
            counts[flag.rule] += 1
            if args.rule in (None, flag.rule) and len(shown[flag.rule]) < args.show:
                shown[flag.rule].append(text[max(0, flag.start - 50) : flag.end + 30])
    total = sum(counts.values())
    print(f"{len(texts)} paragraphs, {sum(map(len, texts)):,} characters: {total} flags")
    print(f"{'rule':44} {'flags':>6} {'per 10,000':>11}")
    for rule, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {rule:42} {n:6} {n * 10_000 / len(texts):11.1f}")
        for context in shown[rule]:
            print(f"      {context!r}")


if __name__ == "__main__":
    main()
