"""Rule rows rewritten for speed hit exactly what their plain forms hit.

A row's pattern may be written for the regex engine (a lookahead that fails most lines
at once, segments that split one way only) rather than for the reader; its plain form
here is the definition, and the two must agree on every text.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from hzcorpus.boilerplate import LINE_RULES

_CAPS = r"[A-ZÄÖÜÉÈÁÍÓÚÑÇ][A-ZÄÖÜÉÈÁÍÓÚÑÇ&\- ]{0,24}"

#: rule id -> its plain form (the same flags as the row).
PLAIN = {
    "section-label": rf"^{_CAPS}(?:\s*[/|»>›·]\s*{_CAPS}){{1,3}}$"
    r"|^(?:[Hh]ome|HOME|[Ss]tart(?:seite)?|[Ii]nicio|[Pp]ortada|[Aa]ccueil|首页|主页)"
    r"\s*[>›»/|]\s*.{1,100}$"
    r"|^[^.!?。>›»]{1,30}(?:\s*[>›»]\s*[^.!?。>›»]{1,40}){2,6}$"
    r"|^[^.!?。>›»]{1,30}(?:\s*(?:>>|[›»])\s*[^.!?。>›»]{1,40}){1,6}$"
    r"|^(?:[Ss]ection|[Cc]ategory|[Rr]ubrik|[Rr]essort|[Kk]ategorie|[Ss]ección|[Cc]ategoría|"
    r"[Rr]ubrique|[Cc]atégorie|栏目|频道|分类)\s*[:：]\s*.{1,40}$",
    "headline-with-count": r"^[^.!?。！？]{8,140}?\s*(?:\(\d+\)|\[\d+\]|[|·–-]\s*\d+\s*(?:"
    r"comments?|kommentare?|comentarios?|commentaires?|views|aufrufe|vistas|vues|评论|阅读)|"
    r"\d+\s*(?:comments?|kommentare?|comentarios?|commentaires?)|\d+\s*(?:条评论|评论|阅读))$",
    "headline-with-timestamp": (
        r"^(?=.*\d[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[a-z]{2,4}|uhr))?\)?$)"
        r"(?:[•·*▪►-]\s*)?(?!(?:posted|by|von|por|par|updated|aktualisiert|published|"
        r"veröffentlicht|publicado|publié)\b)[^.!?。！？:：|»]{12,160}?[\s,|(–-]+"
        r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
        r"\d{4}年\d{1,2}月\d{1,2}日|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
        r" \d{1,2},? \d{4}|\d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|"
        r"nov|dez|dec)[a-zé]*\.? \d{4}),?\s*(?:à\s*|-\s*)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?"
        r"(?:\s*(?:[a-z]{2,4}|uhr))?\)?$"
    ),
}

#: Pieces of texts: separators, blanks, words of the rows, runs near the length limits.
PIECES = (
    " ",
    "   ",
    "\t",
    "\n",
    " » ",
    "›",
    ">",
    ">>",
    "|",
    "/",
    "·",
    ".",
    "?",
    "(",
    ")",
    "[",
    "]",
    "-",
    "–",
    ":",
    "a",
    "Home",
    "News",
    "SPORT",
    "Wirtschaft",
    "12",
    "3",
    " 14 Kommentare",
    "comments",
    "Views",
    "评论",
    "x" * 7,
    "y" * 28,
    "z" * 38,
    "w" * 41,
    " " * 30,
)


#: Ends of counted headlines: every word of the count, with and without a number before.
COUNT_ENDS = tuple(
    f"{sep}{number}{word}"
    for word in (
        *(
            [
                "comment",
                "comments",
                "kommentar",
                "kommentare",
                "comentario",
                "comentarios",
                "commentaire",
            ]
        ),
        *(
            [
                "commentaires",
                "views",
                "aufrufe",
                "vistas",
                "vues",
                "评论",
                "条评论",
                "阅读",
                "(23)",
                "[5]",
            ]
        ),
    )
    for sep, number in (("", ""), (" ", "7 "), (" | ", "12"), ("·", "3 "), ("x", "4"))
)

#: Ends of headlines of a news ticker: each form of date, then a time, after blanks too.
DATED_ENDS = tuple(
    f"{sep}{date}{time}"
    for sep in (" ", ", ", " " * 60 + "- ", " |", "(")
    for date in (
        "1/15/2008",
        "15.01.2008",
        "2008-01-15",
        "2025年3月12日",
        "Jan 5, 2025",
        "5. März 2025",
    )
    for time in (" 7:52 a.m. EST", ", 15:42 Uhr", " à 06h00", " - 15:42)", " 12:00x")
)


def _texts() -> list[str]:
    """Every text of up to four short pieces, headlines with each count end, and seeded
    random texts of more pieces."""
    short = [p for p in PIECES if len(p) <= 3 or p in ("Home", "12", "comments", "评论")]
    texts = ["".join(t) for n in range(1, 5) for t in itertools.product(short, repeat=n)]
    heads = ("Short", "A headline of the day", "Ein Titel. Mit Satz", "y" * 139, "z" * 141)
    texts += [head + end for head in heads for end in COUNT_ENDS]
    texts += [head + end for head in (*heads, "• Posted by", " " * 90) for end in DATED_ENDS]
    rng = random.Random(14)
    texts += ["".join(rng.choices(PIECES, k=rng.randint(3, 14))) for _ in range(20_000)]
    return texts


@pytest.mark.parametrize("rule_id", sorted(PLAIN))
def test_rewritten_rows_hit_what_their_plain_forms_hit(rule_id: str) -> None:
    rule = next(r for r in LINE_RULES if r.id == rule_id)
    plain = re.compile(PLAIN[rule_id], rule.flags)
    assert rule.pattern != PLAIN[rule_id]  # else the row needs no entry here
    differ = [t for t in _texts() if (rule.regex.search(t) is None) != (plain.search(t) is None)]
    assert differ == []
    assert any(rule.regex.search(t) for t in _texts())  # the texts reach the hits
