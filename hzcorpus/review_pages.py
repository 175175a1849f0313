"""HTML of the review pages: one article (a dataset row) and the index with its overview.

Pure functions from plain values to strings: every piece of data is escaped, nothing
depends on time or on the machine, so the same dataset gives the same bytes.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from .redaction import paragraph_starts
from .review_assets import ARTICLE_TABLE, CSS, ERROR_TRAP, INDEX_JS
from .words import WORD_UNIT, count_words

#: The generator tag of every page; `render_review` replaces only files that carry it.
GENERATOR = "hzcorpus review"


def esc(value: Any) -> str:
    """`value` as text safe in HTML content and in quoted attributes."""
    return escape("" if value is None else str(value), quote=True)


def page(title: str, body: str, script: str = "", lang: str = "en") -> str:
    """A whole self-contained HTML document."""
    tail = f"<script>{script}</script>\n" if script else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{GENERATOR}">\n'
        f"<title>{esc(title)}</title>\n<script>{ERROR_TRAP}</script>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n{tail}</body>\n</html>\n"
    )


def _kind_class(kind: str | None) -> str:
    return "k-" + re.sub(r"[^a-z0-9-]", "-", str(kind).lower())


def _lang_attr(lang: str | None) -> str:
    return f' lang="{esc(lang)}"' if lang and lang != "und" else ""


# --- removed lines in place --------------------------------------------------------------


def lines_not_removed(n_paragraphs: int, removed_lines: set[int]) -> list[int]:
    """The first `n_paragraphs` line numbers that are not removed ones.

    That is where the kept paragraphs are when each took one line and no line was blank:
    exact for the HTML cleaner (it numbers the page in reading order, a paragraph or a
    removed block a line), an estimate for page-text dumps with blank lines or joined lines.
    """
    lines: list[int] = []
    line = 0
    while len(lines) < n_paragraphs:
        if line not in removed_lines:
            lines.append(line)
        line += 1
    return lines


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def matched_paragraph_lines(
    raw: str, paragraphs: Sequence[str], removed_lines: set[int], window: int = 400
) -> list[int]:
    """Raw line numbers of the kept paragraphs, found by matching them against the raw text.

    A paragraph matches the first later raw line (not a removed one) that equals it, or that
    contains it or is contained in it when the shorter of the two has 8 characters or more.
    A paragraph not found within `window` lines takes its predecessor's line.
    """
    raw_lines = [_norm(line) for line in raw.split("\n")]
    out: list[int] = []
    cursor = 0
    for paragraph in paragraphs:
        key = _norm(paragraph)
        found = None
        for j in range(cursor, min(len(raw_lines), cursor + window)):
            line = raw_lines[j]
            if not line or j in removed_lines:
                continue
            short, long_ = sorted((line, key), key=len)
            if line == key or (len(short) >= 8 and short in long_):
                found = j
                break
        if found is None:
            out.append(out[-1] if out else 0)
        else:
            out.append(found)
            cursor = found + 1
    return out


def place_removed(
    paragraph_lines: Sequence[int], removed: Sequence[dict]
) -> tuple[list[list[dict]], list[dict]]:
    """Removed lines grouped before the kept paragraph that follows them in the raw order.

    Returns `groups` (len(paragraph_lines) + 1: group i is shown before paragraph i, the
    last one after the text) and the removals with no line of the input (`line < 0`).
    """
    groups: list[list[dict]] = [[] for _ in range(len(paragraph_lines) + 1)]
    unplaced: list[dict] = []
    for item in sorted(removed, key=lambda r: (r["line"] is None, r["line"] or 0)):
        line = item["line"]
        if line is None or line < 0:
            unplaced.append(item)
            continue
        groups[bisect.bisect_right(paragraph_lines, line)].append(item)
    return groups, unplaced


def _line_label(line: int | None) -> str:
    return "no input line" if line is None or line < 0 else f"line {line}"


def _removed_html(items: Sequence[dict]) -> str:
    lines = "".join(
        f'<p><del title="{esc(r["rule"])}: {esc(r["reason"])}">{esc(r["text"])}</del>'
        f'<span class="rule">{esc(r["rule"])} · {_line_label(r["line"])}</span></p>'
        for r in items
    )
    return f'<div class="removed">{lines}</div>'


# --- flagged spans -------------------------------------------------------------------------


def highlight(text: str, start: int, spans: Sequence[dict]) -> str:
    """HTML of `text` (which starts at offset `start` of the document) with spans marked.

    Overlapping spans are cut into segments; a segment's hover text names every span
    that covers it.
    """
    end = start + len(text)
    inside = [s for s in spans if s["start"] < end and s["end"] > start and s["end"] > s["start"]]
    if not inside:
        return esc(text)
    cuts = sorted(
        {start, end, *(min(max(p, start), end) for s in inside for p in (s["start"], s["end"]))}
    )
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = esc(text[a - start : b - start])
        cover = [s for s in inside if s["start"] <= a and s["end"] >= b]
        if not cover:
            out.append(piece)
            continue
        hover = "\n".join(
            f"{s['kind']} · rule {s['rule']}"
            + (f" · score {s['score']:g}" if s.get("score") is not None else "")
            for s in cover
        )
        cls = _kind_class(cover[0]["kind"]) + (" overlap" if len(cover) > 1 else "")
        out.append(f'<mark class="flag {cls}" title="{esc(hover)}">{piece}</mark>')
    return "".join(out)


def _flags_by_paragraph(starts: Sequence[int], flags: Sequence[dict]) -> list[list[dict]]:
    """The flags that touch each paragraph (`starts`: the paragraphs' offsets in the text)."""
    out: list[list[dict]] = [[] for _ in starts]
    for flag in flags:
        first = max(bisect.bisect_right(starts, flag["start"]) - 1, 0)
        last = bisect.bisect_right(starts, max(flag["end"] - 1, flag["start"])) - 1
        for i in range(first, min(last, len(starts) - 1) + 1):
            out[i].append(flag)
    return out


def _paragraphs_html(record: dict) -> list[str]:
    """One HTML block per kept paragraph, flags highlighted, a language tag when it differs."""
    text = record["text"] or ""
    plangs = record["paragraph_languages"] or []
    paragraphs = text.split("\n") if text else []
    starts = paragraph_starts(text)
    # a span without offsets cannot be placed (the flags table still lists it)
    spans = [
        f
        for f in record["flags"] or []
        if isinstance(f["start"], int) and isinstance(f["end"], int)
    ]
    flags = _flags_by_paragraph(starts, spans)
    out = []
    for i, paragraph in enumerate(paragraphs):
        tag, lang = "", ""
        if len(plangs) == len(paragraphs) and plangs[i]["lang"] != record["language"]:
            plang = plangs[i]
            hover = f"paragraph language, score {plang['score']:.2f}"
            tag = f'<span class="plang" title="{hover}">{esc(plang["lang"])}</span>'
            lang = _lang_attr(plang["lang"])
        out.append(f"<p{lang}>{tag}{highlight(paragraph, starts[i], flags[i])}</p>")
    return out


# --- one article ---------------------------------------------------------------------------


def _meta_rows(record: dict, placement: str) -> str:
    translation = record["translation"]
    score = record["language_score"]
    candidates = record["language_candidates"] or []
    text = record["text"] or ""
    n_paragraphs = text.count("\n") + 1 if text else 0
    rows: list[tuple[str, str]] = [
        ("source", esc(record["source"])),
        ("id", esc(record["id"])),
        ("format", f"{esc(record['format'])}, {esc(record['encoding'])}"),
        ("published", esc(record["published"])),
        ("author", esc(record["author"])),
        ("site", esc(record["sitename"])),
        (
            "language",
            esc(record["language"] or "und") + ("" if score is None else f" (score {score:.3f})"),
        ),
        (
            "candidates",
            esc(", ".join(f"{c['lang']} {c['score']:.3f}" for c in candidates))
            if len(candidates) > 1
            else "",
        ),
        (
            "size",
            f"{n_paragraphs} paragraphs, "
            f'<span title="{WORD_UNIT}">{count_words(text)} words</span>, '
            f"{len(record['removed'] or [])} removed lines, {len(record['flags'] or [])} flags",
        ),
        (
            "translation",
            esc(", ".join(f"{k} {v}" for k, v in (translation or {}).items() if v is not None)),
        ),
        ("translation note", esc(record["translation_note"])),
        ("removed lines placed", esc(placement) if record["removed"] else ""),
    ]
    rows = [(k, v) for k, v in rows if v]
    return "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)


def _flags_table(record: dict) -> str:
    text = record["text"] or ""
    flags = record["flags"] or []
    if not flags:
        return "<h2>Flags</h2><p class=note>No redaction flag in this article.</p>"
    rows = []
    for s in flags:
        ok = text[s["start"] : s["end"]] == s["match"]
        where = f"{s['start']}–{s['end']}" + (
            "" if ok else ' <span class="bad">offsets do not match</span>'
        )
        score = "" if s.get("score") is None else f"{s['score']:g}"
        rows.append(
            f'<tr><td><mark class="flag {_kind_class(s["kind"])}">{esc(s["kind"])}</mark></td>'
            f"<td>{esc(s['rule'])}</td><td>{esc(s['match'])}</td>"
            f'<td class="n">{where}</td><td class="n">{score}</td></tr>'
        )
    head = "".join(f"<th>{h}</th>" for h in ("kind", "rule", "match"))
    head = f"<tr>{head}<th class=n>offsets</th><th class=n>score</th></tr>"
    table = f"<table class=flags>{head}{''.join(rows)}</table>"
    return f'<h2>Flags ({len(flags)})</h2><div class="wide">{table}</div>'


def article_page(
    record: dict, paragraph_lines: Sequence[int], placement: str, nav: dict[str, str | None]
) -> str:
    """The review page of one dataset row.

    `paragraph_lines` are the raw line numbers of its kept paragraphs (matched or
    estimated, as `placement` says); `nav` maps "index", "prev", "next" to relative links.
    """
    groups, unplaced = place_removed(paragraph_lines, record["removed"] or [])
    paragraphs = _paragraphs_html(record)
    lang = _lang_attr(record["language"])
    text_en = record["text_en"]
    translated = text_en is not None and text_en != record["text"]
    en_paragraphs = [f"<p>{esc(p)}</p>" for p in text_en.split("\n")] if translated else []

    blocks: list[tuple[str, str, str]] = []  # (row class, original, English) in reading order
    aligned = len(en_paragraphs) == len(paragraphs)
    for i, group in enumerate(groups):
        if group:
            blocks.append(("row removed-row", _removed_html(group), ""))
        if i < len(paragraphs):
            blocks.append(("row", paragraphs[i], en_paragraphs[i] if aligned else ""))
    original = "".join(o for _, o, _ in blocks)
    if not translated:
        text_html = f'<div class="doc"{lang}>{original}</div>'
    elif aligned:
        head = (
            f'<div class="row head"><div class="colhead">original ({esc(record["language"])})</div>'
            '<div class="colhead">English</div></div>'
        )
        text_html = head + "".join(
            f'<div class="{cls}"><div{lang}>{o}</div><div lang="en">{e}</div></div>'
            for cls, o, e in blocks
        )
    else:
        text_html = (
            f"<p class=note>The English text has {len(en_paragraphs)} paragraphs and the "
            f"original {len(paragraphs)}: shown side by side, not aligned.</p>"
            f'<div class="cols"><div{lang}><div class="colhead">original</div>{original}</div>'
            f'<div lang="en"><div class="colhead">English</div>{"".join(en_paragraphs)}</div></div>'
        )
    if unplaced:
        heading = "Removed, with no line number (parts of the page outside the extracted text)"
        text_html += f'<div class="removed-row"><h2>{heading}</h2>{_removed_html(unplaced)}</div>'

    links = [f'<a href="{esc(nav["index"])}">↑ all articles</a>']
    for key, label in (("prev", "← previous"), ("next", "next →")):
        if nav.get(key):
            links.append(f'<a href="{esc(nav[key])}">{label}</a>')
    kinds = sorted({str(s["kind"]) for s in record["flags"] or []})
    legend = "".join(f'<mark class="flag {_kind_class(k)}">{esc(k)}</mark> ' for k in kinds)
    n_removed = len(record["removed"] or [])
    body = (
        f"<nav>{' · '.join(links)}</nav>\n"
        f"<h1{lang}>{esc(record['title'] or '(no title)')}</h1>\n"
        f"<table class=meta>{_meta_rows(record, placement)}</table>\n"
        '<div class="controls">'
        + (
            f'<label><input type="checkbox" id="hide-removed"> hide removed lines ({n_removed})'
            "</label>"
            if n_removed
            else "<span class=note>no removed lines</span>"
        )
        + (f'<span class="legend">flags: {legend}</span>' if legend else "")
        + "</div>\n"
        f"<h2>Text</h2>\n{text_html}\n{_flags_table(record)}"
    )
    return page(record["title"] or record["id"], body)


# --- the index -----------------------------------------------------------------------------


def bar_chart(
    title: str,
    items: Sequence[tuple[str, int]],
    link: Callable[[str], str | None] = lambda label: None,
    limit: int = 15,
) -> str:
    """A small horizontal bar chart in HTML; items past `limit` are summed as "others".

    Labels are shown whole (wrapped when long) and each bar's hover text repeats its label
    and count. `link(label)` gives the URL a bar leads to (None: no link).
    """
    items = list(items)
    rest = items[limit - 1 :] if len(items) > limit else []
    if rest:
        items = [*items[: limit - 1], (f"{len(rest)} others", sum(n for _, n in rest))]
    if not items:
        return f'<div class="chart"><h3>{esc(title)}</h3><p class=note>none</p></div>'
    top = max(n for _, n in items) or 1
    bars = []
    for i, (label, n) in enumerate(items):
        width = round(85 * n / top, 1)  # of the track; the rest holds the count
        inner = (
            f'<span class="label">{esc(label)}</span><span class="track">'
            f'<span class="fill" style="width: {width}%"></span><span>{n}</span></span>'
        )
        href = None if rest and i == len(items) - 1 else link(label)
        hover = f'title="{esc(label)}: {n}"'
        bars.append(
            f'<a class="bar" href="{esc(href)}" {hover}>{inner}</a>'
            if href
            else f'<div class="bar" {hover}>{inner}</div>'
        )
    return f'<div class="chart"><h3>{esc(title)}</h3><div class="bars">{"".join(bars)}</div></div>'


def _json_script(element_id: str, value: Any) -> str:
    """`value` as JSON in a non-executed script element, safe against `</script>`."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _stat(value: Any, label: str) -> str:
    return f'<div class="stat"><b>{esc(value)}</b>{esc(label)}</div>'


def build_section(summary: dict[str, Any], card: str | None) -> str:
    """How the dataset was made, from its `build.json` (whatever of it is there) and a link
    to its dataset card.
    """
    rows: list[tuple[str, str]] = []
    if isinstance(summary.get("stages"), list):
        rows.append(("stages", " → ".join(map(str, summary["stages"]))))
    for key in ("hzcorpus", "options_fingerprint"):
        if isinstance(summary.get(key), (str, int, float)):
            rows.append((key.replace("_", " "), str(summary[key])))
    for key in ("missing_translation_pairs", "versions"):
        if isinstance(summary.get(key), dict) and summary[key]:
            text = ", ".join(f"{k} {v}" for k, v in summary[key].items())
            rows.append((key.replace("_", " "), text))
    table = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in rows)
    steps = summary.get("steps")
    if isinstance(steps, dict) and steps:
        counts = ("forwarded", "dropped", "failed")
        head = "".join(f"<th class=n>{c}</th>" for c in counts)
        body = "".join(
            f"<tr><td>{esc(step)}</td>"
            + "".join(f'<td class="n">{esc(n.get(c, ""))}</td>' for c in counts)
            + "</tr>"
            for step, n in steps.items()
            if isinstance(n, dict)
        )
        table += (
            f"<tr><td>steps</td><td><table><tr><th>step</th>{head}</tr>{body}</table></td></tr>"
        )
    link = f'<p><a href="{esc(card)}">the dataset card (README.md)</a></p>' if card else ""
    if not table:
        return link + ("" if summary else "<p class=note>No build.json in the dataset folder.</p>")
    return f"{link}<table class=meta>{table}</table>"


def index_page(
    name: str,
    *,
    stats: dict[str, Any],
    charts: Sequence[tuple[str, Sequence[tuple[str, int]], Callable[[str], str | None]]],
    problems: Sequence[dict] | None,
    n_problems: int,
    build: str,
    table: dict[str, Any],
) -> str:
    """The index: overview figures, charts, the inputs that did not become articles
    (`problems`, None without a manifest), how the dataset was built (`build`, HTML), and
    the filterable, paged table of articles (`table` is the data its script reads).
    """
    figures = "".join(_stat(v, k) for k, v in stats.items())
    chart_html = "".join(bar_chart(*chart) for chart in charts)
    if problems:
        rows = "".join(
            f"<tr><td>{esc(p.get('status'))}</td><td>{esc(p.get('source'))}</td>"
            f"<td>{esc(p.get('reason') or '')}</td><td>{esc(p.get('duplicate_of') or '')}</td></tr>"
            for p in problems
        )
        more = (
            f"<p class=note>{n_problems - len(problems)} more in manifest.jsonl.</p>"
            if n_problems > len(problems)
            else ""
        )
        problem_html = (
            '<div class="wide"><table><tr><th>status</th><th>input</th><th>reason</th>'
            f"<th>duplicate of</th></tr>{rows}</table></div>{more}"
        )
    elif problems is None:
        problem_html = "<p class=note>No manifest.jsonl in the dataset folder.</p>"
    else:
        problem_html = "<p class=note>Every input listed in the manifest became an article.</p>"
    body = f"""<h1>Review of {esc(name)}</h1>
<div class="stats">{figures}</div>
<h2>Overview</h2>
<div class="charts">{chart_html}</div>
<h2>Inputs that did not become articles ({n_problems})</h2>
{problem_html}
<h2>Articles</h2>
{ARTICLE_TABLE}
<h2>How the dataset was built</h2>
{build}
{_json_script("rows", table)}"""
    return page(f"Review of {name}", body, INDEX_JS)
