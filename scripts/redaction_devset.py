"""Make redaction test sets from real sentences: cut numbers, dates and names out of them.

Reads the development data (a folder with `sentences/` — UD en-EWT, en-GUM-noNC, zh-GSD —
and `trafilatura-eval/` — German news pages), splits the sentences by a hash of their text
into a development and a held-out part (before anything is tuned on them), and cuts each
chosen sentence the way censors and anonymisers do: digits removed with or without their
separators, the gap closed or left open, one to three cuts a sentence; numbers with units,
currencies, percents, dates, times and years; placeholders instead of numbers; anonymisation
tokens instead of names; euphemisms for dates; possessives without their owner. Intact
sentences rich in numbers stay as negatives. Same folder, same seed: same records.

Records have the gold format of `tests/data/redaction` plus `source`, `part` and, per span,
`cut` (the cut type) and `variant`; negatives have `dense: true` when they are rich in
numbers and `slip: true` when a typing slip (a doubled space, a stray comma, a space before
the full stop) was put in them, so that such a slip alone is seen not to be a cut. Nothing
here may be committed (third-party text); see `scripts/redaction_eval.py`.

Usage: python scripts/redaction_devset.py DEVDATA [--out DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HELDOUT_SHARE = 0.3
#: The seed of the evaluation's cuts (`records`, `redaction_eval`, the gate's figures).
SEED = 13

# --- the generator's own view of numbers (kept apart from the flagger's lexicons) ------------

_NUM = r"\d+(?:[.,:]\d+)*"
_MONTHS_EN = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTHS_DE = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
)
_CURRENCY_SIGN = r"(?:US|HK|A|C)?[$€£¥]"
_MAGNITUDE = (
    r"(?:million|billion|trillion|thousand|hundred|Millionen|Milliarden|Mio\.?|Mrd\.?|Tausend)"
)

# (cut type, language or "*", pattern) — the digits to cut are the named group `n` (and `n2`)
SITES: tuple[tuple[str, str, str], ...] = (
    ("percent", "*", rf"(?P<n>{_NUM})\s?(?:%|％|percent\b|per cent\b|Prozent\b|Prozentpunkte)"),
    ("currency", "*", rf"{_CURRENCY_SIGN}\s?(?P<n>{_NUM})(?:\s?{_MAGNITUDE})?"),
    ("currency", "en", rf"(?P<n>{_NUM})\s(?:{_MAGNITUDE}\s)?(?:dollars|euros|pounds|yuan|cents)\b"),
    ("currency", "de", rf"(?P<n>{_NUM})\s(?:{_MAGNITUDE}\s)?(?:Euro|Dollar|Franken|Cent)\b"),
    (
        "currency",
        "zh",
        rf"(?P<n>{_NUM})\s?(?:[萬万億亿]\s?)?(?:美元|元|歐元|欧元|港元|英鎊|日元|人民幣)",
    ),
    (
        "date",
        "en",
        rf"(?:{_MONTHS_EN})\.?\s(?P<n>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s?(?P<n2>\d{{4}}))?\b",
    ),
    ("date", "en", rf"\b(?P<n>\d{{1,2}})\s(?:{_MONTHS_EN})\b(?:\s(?P<n2>\d{{4}}))?"),
    ("date", "*", r"\b(?P<n>\d{1,2}[./]\d{1,2}[./]\d{2,4})\b"),
    ("date", "de", rf"\b(?P<n>\d{{1,2}})\.\s?(?:{_MONTHS_DE})\b(?:\s(?P<n2>\d{{4}}))?"),
    (
        "date",
        "de",
        r"\b(?P<n>\d{1,2}\.\d{1,2}\.)(?:\s?(?:bis|und|-|–)\s?(?P<n2>\d{1,2}\.\d{1,2}\.))?",
    ),
    ("date", "zh", r"(?P<n>\d{2,4})年(?:(?P<n2>\d{1,2})月(?:(?P<n3>\d{1,2})[日號号])?)?"),
    ("date", "zh", r"(?<![\d年])(?P<n>\d{1,2})月(?P<n2>\d{1,2})[日號号]"),
    ("time", "*", r"\b(?P<n>\d{1,2}:\d{2})(?!\d)(?:\s?(?:Uhr|a\.?m\.?|p\.?m\.?|AM|PM))?"),
    ("time", "*", r"\b(?P<n>\d{1,2}(?:\.\d{2})?)\s?(?:Uhr|a\.m\.|p\.m\.|AM|PM)\b"),
    ("year", "en", r"\b(?:in|since|from|until|by|of|before|after)\s(?P<n>(?:19|20)\d{2})\b"),
    ("year", "de", r"\b(?:im Jahr|seit|bis|ab|von|Ende|Anfang|Mitte)\s(?P<n>(?:19|20)\d{2})\b"),
    # a number before a noun or a unit word: "300 people", "40 gallon", "50 Menschen", "3座";
    # a whole number only: not the tail of "9/11", "2018/19", "3/4" or of a digit group
    # ("+44 20 7484 9866"), which no censor cuts alone (see `_is_designation` too)
    (
        "number-unit",
        "en",
        rf"(?<![\w$€£.,/-])(?<!\d )(?P<n>{_NUM})\s(?=(?:{_MAGNITUDE}\s)?[a-z]{{3,}})",
    ),
    (
        "number-unit",
        "de",
        rf"(?<![\w$€£.,/-])(?<!\d )(?P<n>{_NUM})\s(?=(?:{_MAGNITUDE}\s)?[A-ZÄÖÜa-zäöü]{{3,}})",
    ),
    (
        "number-unit",
        "zh",
        r"(?<![\d.,])(?P<n>\d+(?:[.,]\d+)*)(?=[萬万億亿]?[個个座人名位家所項项次年歲岁天種种部輛辆台米公噸吨])",
    ),
)
_SITE_REGEX = tuple((cut, lang, re.compile(p)) for cut, lang, p in SITES)

PLACEHOLDERS = {
    "en": ("XX", "X", "xx", "[number]", "[NUMBER]"),
    "de": ("XX", "X", "[Zahl]", "[ZAHL]", "xx"),
    "zh": ("×", "X", "XX", "[数字]", "[數字]", "××"),
}
ANON_TOKENS = (
    "#NAME#",
    "[PERSON{n}]",
    "(PERSON{n})",
    "<ORG>",
    "[REDACTED]",
    "███",
    "<PERSON>",
    "[NAME]",
    "#PERSON{n}#",
    "[ORG{n}]",
    "█████",
    "<LOC>",
)
VAGUE = {
    "en": ("on a certain date", "in a certain month and year", "on a certain day"),
    "de": ("an einem bestimmten Tag", "in einem bestimmten Monat"),
    "zh": ("某年某月", "某日", "某年"),
}
_NAME_EN = re.compile(r"(?<=[a-z,] )(?P<n>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[\s,.'’])")
_NAME_DE = re.compile(
    r"(?<=[a-zäöüß,] )(?:der |die |den |dem |von )?"
    r"(?P<n>[A-ZÄÖÜ][a-zäöüß]+(?: [A-ZÄÖÜ][a-zäöüß]+)?)(?=[\s,.])"
)
_NAME_ZH = re.compile(r"(?<=[\u3400-\u9fff])(?P<n>[\u3400-\u9fff]{2,3})(?=[\u3400-\u9fff，。、])")
_POSSESSIVE = re.compile(r"(?<=\s)(?P<n>[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)?)(?=['’]s\b)")
#: what a date phrase's euphemism also replaces before its digits: a month name and the
#: preposition before the phrase ("on May 5, 2003", "am 5. Mai")
_DATE_LEAD = re.compile(
    rf"(?:\b(?i:on|in|at|am|im|an|vom|seit)\s+)?(?:\b(?:{_MONTHS_EN}|{_MONTHS_DE})\.?\s+)?$"
)
_DIGIT = re.compile(r"\d")
_SEPARATOR = re.compile(r"[.,:/]")


def sentence_key(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


def part_of(text: str) -> str:
    """`heldout` for about 30% of sentences (by a hash of the text), else `dev`."""
    return "heldout" if (sentence_key(text) % 1000) < HELDOUT_SHARE * 1000 else "dev"


# --- loading -------------------------------------------------------------------------------


def german_sentences(devdata: Path, cache: Path | None) -> list[str]:
    """Sentences of the German pages of trafilatura-eval (main text by trafilatura, cut
    into sentences by pysbd); cached in `cache` when given."""
    if cache is not None and cache.exists():
        return cache.read_text(encoding="utf-8").splitlines()
    import pysbd
    import trafilatura

    evaldata = json.loads((devdata / "trafilatura-eval" / "evaldata.json").read_text("utf-8"))
    segmenter = pysbd.Segmenter(language="de", clean=False)
    german = re.compile(r"\b(?:der|die|und|das|nicht|mit|ist|für|auf|sich)\b")
    seen: set[str] = set()
    out: list[str] = []
    for entry in sorted(evaldata.values(), key=lambda e: e["file"]):
        snippets = " ".join(entry.get("with", []))
        if len(german.findall(snippets)) < 2:
            continue
        page = devdata / "trafilatura-eval" / "html" / entry["file"]
        if not page.exists():
            continue
        text = trafilatura.extract(page.read_text("utf-8", errors="replace"), favor_precision=True)
        for paragraph in (text or "").split("\n"):
            if len(german.findall(paragraph)) < 2:
                continue
            for sentence in segmenter.segment(paragraph):
                sentence = " ".join(sentence.split())
                if 30 <= len(sentence) <= 400 and sentence not in seen:
                    seen.add(sentence)
                    out.append(sentence)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("\n".join(out) + "\n", encoding="utf-8")
    return out


def load_sentences(devdata: Path, cache_dir: Path | None = None) -> list[tuple[str, str, str]]:
    """`(source, lang, sentence)` for every usable sentence, deduplicated, in file order."""
    rows = []
    for name, lang in (("en-EWT.txt", "en"), ("en-GUM-noNC.txt", "en"), ("zh-GSD.txt", "zh")):
        path = devdata / "sentences" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if 20 <= len(line) <= 400 or (lang == "zh" and 8 <= len(line) <= 200):
                rows.append((name.removesuffix(".txt"), lang, line))
    cache = cache_dir / "de-sentences.txt" if cache_dir else None
    rows += [("trafilatura-de", "de", s) for s in german_sentences(devdata, cache)]
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row[2] not in seen:
            seen.add(row[2])
            unique.append(row)
    return unique


# --- cutting -------------------------------------------------------------------------------


_DESIGNATED = re.compile(r"(?<=\S )[A-ZÄÖÜ][\w-]* $")


def _is_designation(text: str, start: int, end: int) -> bool:
    """A short plain number after a capitalised word inside the sentence: part of a name
    ("Apollo 11 crew", "Windows 7", "Bundesstraße 3", "Absatz 2"), not a figure a censor
    cuts alone (an anonymiser takes the whole name). Years (4 digits) stay cuttable."""
    piece = text[start:end]
    return piece.isdigit() and len(piece) <= 3 and bool(_DESIGNATED.search(text, 0, start))


def number_sites(text: str, lang: str) -> list[tuple[int, int, str]]:
    """`(start, end, cut type)` of the digit stretches a censor could cut, first match wins."""
    taken: list[tuple[int, int, str]] = []
    for cut, site_lang, regex in _SITE_REGEX:
        if site_lang not in ("*", lang):
            continue
        for match in regex.finditer(text):
            groups = [g for g in ("n", "n2", "n3") if g in regex.groupindex and match.start(g) >= 0]
            start, end = match.start(groups[0]), match.end(groups[-1])
            if any(s < end and start < e for s, e, _ in taken):
                continue
            if cut == "number-unit" and lang != "zh" and _is_designation(text, start, end):
                continue
            taken.append((start, end, cut))
    return sorted(taken)


def is_dense(text: str) -> bool:
    """Rich in numbers: two digit groups or more, or one with a unit, date, sign or time."""
    groups = re.findall(r"\d+(?:[.,:]\d+)*", text)
    return len(groups) >= 2 or bool(groups and number_sites(text, "en") + number_sites(text, "de"))


def _strip_digits(piece: str, keep_separators: bool) -> str:
    out = _DIGIT.sub("", piece)
    return out if keep_separators else _SEPARATOR.sub("", out)


def _cut_number(text: str, start: int, end: int, rng: random.Random) -> tuple[str, str]:
    """The replacement for text[start:end] (its digits gone) and the variant name."""
    piece = text[start:end]
    keep = rng.random() < 0.5
    replacement = _strip_digits(piece, keep)
    has_sep = bool(_SEPARATOR.search(_DIGIT.sub("", piece)))
    return replacement, ("sep-kept" if keep and has_sep else "sep-gone" if has_sep else "plain")


def _apply(text: str, cuts: list[tuple[int, int, str, str, str, str]], close: bool):
    """Apply non-overlapping cuts `(start, end, replacement, kind, cut, variant)`; gold spans."""
    out: list[str] = []
    spans = []
    at = 0
    for start, end, replacement, kind, cut, variant in cuts:
        out.append(text[at:start])
        pos = sum(map(len, out))
        before = text[start - 1] if start else ""
        closed = False
        if kind == "missing-number" and not replacement.strip():
            after_end = end
            # close the gap: a space on both sides of an emptied stretch becomes one
            if close and before == " " and text[end : end + 1] == " ":
                after_end = end + 1
                closed = True
            end = after_end
        out.append(replacement)
        at = end
        spans.append(
            [pos, pos + len(replacement), kind, cut, variant + ("-closed" if closed else "")]
        )
    out.append(text[at:])
    new = "".join(out)
    gold = []
    for pos, stop, kind, cut, variant in spans:
        if kind == "missing-number":
            pos, stop = _gap_span(new, pos, stop)
        if stop > pos:
            gold.append({"start": pos, "end": stop, "kind": kind, "cut": cut, "variant": variant})
    return new, gold


def _gap_span(text: str, pos: int, stop: int) -> tuple[int, int]:
    """The residue of a number cut: what replaced it, the spaces around it and the one
    character on each side that borders the gap ("about⟨t  p⟩eople", "占⟨%⟩", "达⟨达亿⟩")."""
    while pos > 0 and text[pos - 1] == " ":
        pos -= 1
    while stop < len(text) and text[stop] == " ":
        stop += 1
    return max(pos - 1, 0), min(stop + 1, len(text))


def cut_sentence(text: str, lang: str, rng: random.Random):
    """One cut version of `text` and its gold spans, or None when nothing can be cut."""
    sites = number_sites(text, lang)
    options = []
    for start, end, cut in sites:
        options.append(("number", start, end, cut))
    name_regex = {"en": _NAME_EN, "de": _NAME_DE, "zh": _NAME_ZH}[lang]
    names = [m.span("n") for m in name_regex.finditer(text)]
    possessives = [m.span("n") for m in _POSSESSIVE.finditer(text)] if lang == "en" else []
    if not options and not names:
        return None
    n_cuts = rng.choice((1, 1, 1, 2, 2, 3))
    chosen: list[tuple[int, int, str, str, str, str]] = []
    for _ in range(n_cuts):
        style = rng.random()
        if options and style < 0.7:
            _, start, end, cut = rng.choice(options)
            replacement, variant = _cut_number(text, start, end, rng)
            kind = "missing-number"
        elif options and style < 0.88:
            _, start, end, cut = rng.choice(options)
            if cut == "date" and rng.random() < 0.4:
                replacement, cut, variant = rng.choice(VAGUE[lang]), "vague-date", "euphemism"
                kind = "vague-date"
                # the euphemism stands for the whole date phrase: its month name and the
                # preposition before it too ("on May 5" -> "on a certain date", not "on May
                # on a certain date")
                if lang != "zh":
                    start = _DATE_LEAD.search(text, 0, start).start()
                    if text[start].isupper():
                        replacement = replacement[0].upper() + replacement[1:]
            else:
                replacement = rng.choice(PLACEHOLDERS[lang])
                kind, variant = "placeholder", "number-placeholder"
                cut = "placeholder"
                if (
                    cut == "placeholder"
                    and _SEPARATOR.search(text[start:end])
                    and rng.random() < 0.5
                ):
                    replacement = _DIGIT.sub(
                        replacement[0] if replacement[0] in "Xx×" else "X", text[start:end]
                    )
        elif names and (style < 0.97 or not options):
            start, end = rng.choice(names)
            template = rng.choice(ANON_TOKENS)
            replacement = template.format(n=rng.randint(1, 9))
            kind, cut, variant = "placeholder", "anonymisation", template.replace("{n}", "N")
        elif possessives:
            start, end = rng.choice(possessives)
            replacement, kind, cut, variant = "", "missing-name", "possessive", "owner-cut"
        else:
            continue
        if any(s < end and start < e for s, e, *_ in chosen):
            continue
        chosen.append((start, end, replacement, kind, cut, variant))
    if not chosen:
        return None
    chosen.sort()
    return _apply(text, chosen, close=rng.random() < 0.5)


def records(devdata: Path, seed: int = SEED, cache_dir: Path | None = None) -> Iterator[dict]:
    """Every record (cut or intact), with its `part` (dev or heldout), in a stable order."""
    for index, (source, lang, text) in enumerate(load_sentences(devdata, cache_dir)):
        rng = random.Random(f"{seed}:{sentence_key(text)}")
        base = {"id": f"{source}-{index}", "lang": lang, "source": source, "part": part_of(text)}
        dense = bool(re.search(r"\d", text)) and is_dense(text)
        has_digit = bool(re.search(r"\d", text))
        # half the sentences with numbers stay intact (negatives); a few without get names cut
        if rng.random() < (0.5 if has_digit else 0.01):
            made = cut_sentence(text, lang, rng)
            if made is not None:
                new, gold = made
                yield {**base, "text": new, "spans": gold, "original": text}
                continue
        if has_digit or rng.random() < 0.2:
            noisy = _slip(text, rng) if rng.random() < 0.5 else None
            yield {**base, "text": noisy or text, "spans": [], "dense": dense, "slip": bool(noisy)}


def _slip(text: str, rng: random.Random) -> str | None:
    """`text` with a typing slip that hides no number: a doubled space, a space before a
    comma ("word , next"), a doubled comma, or a space before the final full stop."""
    kind = rng.choice(("space", "space", "space", "comma-space", "comma-comma", "stop"))
    if kind == "stop" and text.endswith(".") and text[-2:-1].isalpha():
        return text[:-1] + " ."
    commas = [m.start() for m in re.finditer(r"(?<=\w), (?=\w)", text)]
    if kind.startswith("comma") and commas:
        at = rng.choice(commas)
        return text[:at] + (" , " if kind == "comma-space" else ",, ") + text[at + 2 :]
    spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", text)]
    if not spaces:
        return None
    at = rng.choice(spaces)
    return text[:at] + "  " + text[at + 1 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devdata", type=Path, help="folder with sentences/ and trafilatura-eval/")
    parser.add_argument("--out", type=Path, help="write dev.jsonl and heldout.jsonl here")
    parser.add_argument("--cache", type=Path, help="folder for the German sentence cache")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if not (args.devdata / "sentences").is_dir():
        sys.exit(f"no sentences/ in {args.devdata}: unpack the devdata archives there first")
    rows = list(records(args.devdata, args.seed, args.cache))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for part in ("dev", "heldout"):
            with (args.out / f"{part}.jsonl").open("w", encoding="utf-8") as f:
                for row in rows:
                    if row["part"] == part:
                        f.write(json.dumps(row, ensure_ascii=False) + "\n")
    for part in ("dev", "heldout"):
        for lang in ("en", "de", "zh"):
            mine = [r for r in rows if r["part"] == part and r["lang"] == lang]
            cut = sum(bool(r["spans"]) for r in mine)
            gaps = sum(len(r["spans"]) for r in mine)
            print(f"{part:8} {lang}: {len(mine):6} sentences, {cut:5} cut ({gaps} gaps)")


if __name__ == "__main__":
    main()
