"""Encoding labels on the devdata: pages that are not UTF-8 and declare a charset are read
with the declaration stripped, so that the statistical guess runs, and compared with what
they declared. Prints, per split, how many decode to the declared text and how many get a
label of the declared one's region, with charset-normalizer's guess alone and with
`legacy_encodings.prefer_by_language`.

    python -m scripts.eval_encodings DEVDATA_DIR
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
from collections import Counter
from pathlib import Path

from hzcorpus.legacy_encodings import REGIONS, prefer_by_language
from hzcorpus.read import _declared_charset
from scripts.devdata import SPLITS, split_of

_DECLARATION = re.compile(rb"""<meta[^>]+charset\s*=[^>]*>|<\?xml[^>]+encoding\s*=[^>]*\?>""", re.I)
_SAME = {"iso8859-1": "cp1252", "iso8859-15": "cp1252"}  # one region, one text in practice


def region(encoding: str) -> str:
    """The first encoding of `encoding`'s region (itself when in none)."""
    name = codecs.lookup(encoding).name
    name = _SAME.get(name, name)
    for r in REGIONS:
        if name in {codecs.lookup(e).name for e in r.encodings}:
            return r.encodings[0]
    return name


def evaluate(folder: Path) -> dict[str, Counter]:
    from charset_normalizer import from_bytes

    scores = {split: Counter() for split in SPLITS}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        declared = _declared_charset(data[:4096])
        stripped = _DECLARATION.sub(b"", data)
        best = from_bytes(stripped[:1_000_000]).best() if declared else None
        if best is None or best.encoding is None:
            continue
        try:
            truth = stripped.decode(declared)
            guessed = stripped.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        text, label = prefer_by_language(stripped, guessed, best.encoding)
        score = scores[split_of(path.relative_to(folder).parts[0], str(path))]
        score["pages"] += 1
        score["text right, guess"] += guessed == truth
        score["text right, with preference"] += text == truth
        score["label region right, guess"] += region(best.encoding) == region(declared)
        score["label region right, with preference"] += region(label) == region(declared)
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devdata", type=Path, help="the unpacked devdata folder")
    args = parser.parse_args()
    if not args.devdata.is_dir():
        print(f"{args.devdata}: no devdata folder; nothing to evaluate", file=sys.stderr)
        return 0
    for split, score in evaluate(args.devdata).items():
        print(split, ", ".join(f"{k}: {v}" for k, v in score.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
