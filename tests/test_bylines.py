"""The byline grammar: one table of shapes, read alike by the page-text row and the HTML path."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus.authors import split_names
from hzcorpus.boilerplate import LINE_RULES
from hzcorpus.bylines import BYLINE_SHAPES, CREDITS, line_pattern
from hzcorpus.clean import CleanOptions, clean_document
from hzcorpus.document import Document
from hzcorpus.html_meta import BYLINE_RULES, byline_names
from hzcorpus.rules import rule_example_failures

LINE_ROW = next(rule for rule in LINE_RULES if rule.id == "byline")
EMPTY_ROW = next(rule for rule in LINE_RULES if rule.id == "byline-empty")
PARAGRAPHS = [
    "Ferry operators will run extra sailings to the northern islands this winter after "
    "complaints that residents were stranded for days during storms last year.",
    "The new timetable adds two return crossings a week and a relief vessel on standby.",
    "Islanders welcomed the change but said the ships themselves were too old.",
]


def line_names(line: str) -> list[str] | None:
    """The names the page-text row keeps from `line`, None when it is no byline there."""
    match = LINE_ROW.regex.search(line)
    if match is None:
        return None
    return split_names(next(name for name in match.groupdict().values() if name))


def test_both_paths_are_built_from_the_shapes():
    assert LINE_ROW.pattern == line_pattern()
    assert {f"byline-{shape.lang}" for shape in BYLINE_SHAPES} <= {r.id for r in BYLINE_RULES}
    assert list(rule_example_failures(BYLINE_RULES)) == []
    assert list(rule_example_failures([LINE_ROW, EMPTY_ROW])) == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Written by Ann Lee and Tom Roe", ["Ann Lee", "Tom Roe"]),
        ("By JANE DOE | Reuters", ["JANE DOE"]),
        ("Posted by Ann Lee", ["Ann Lee"]),
        ("By Ana de la Vega", ["Ana de la Vega"]),
        ("By Ann Lee • Reuters", ["Ann Lee"]),
        ("Von: Eva Roth", ["Eva Roth"]),
        ("Verfasst von Eva Roth", ["Eva Roth"]),
        ("Publié par Léa Roy", ["Léa Roy"]),
        ("By Jane Doe | Photos: John Smith", ["Jane Doe"]),  # a credit is no author
        ("Von Anna Schmidt und Max Weber, dpa", ["Anna Schmidt", "Max Weber"]),
        ("Autorin: Eva Roth", ["Eva Roth"]),
        ("Text: Eva Roth, Fotos: Max Weber", ["Eva Roth"]),
        ("Por Ana Ruiz y Luis Gil", ["Ana Ruiz", "Luis Gil"]),
        ("Escrito por Ana Ruiz, EFE", ["Ana Ruiz"]),
        ("Par Léa Roy et Jean Roy", ["Léa Roy", "Jean Roy"]),
        ("Texte : Léa Roy", ["Léa Roy"]),
        ("De: Ana Ruiz", ["Ana Ruiz"]),
        ("作者：王晓明", ["王晓明"]),
        ("文/李华、张三", ["李华", "张三"]),
    ],
)
def test_a_byline_is_read_the_same_way_on_both_paths(line, names):
    assert line_names(line) == names
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, sales had doubled.",
        "by now everyone knows",
        "Von Montag an gilt der neue Fahrplan.",
        "Por favor, espere.",
        "Par ailleurs, le gouvernement a tranché.",
        "记者从市交通管理部门了解到，截至17时",
        "Photo: John Smith",  # a credit opens no byline
        "Fotos: Max Weber",
        "De Gaulle",  # "De" opens a byline with its colon only
        "PAR Exemple (PAR)",  # capitals open an English byline only ("BY JANE DOE")
        "POR FIN LLEGA EL VERANO",
    ],
)
def test_a_sentence_or_a_credit_is_no_byline_on_either_path(line):
    assert line_names(line) is None
    assert byline_names(line) == []


def test_the_page_text_row_takes_only_a_bylines_own_line():
    # the HTML path reads the names from a longer text; the page text keeps such a line
    line = "By Ann Lee Feb 8, 2020, with a look at what the new rules mean for renters"
    assert byline_names(line) == ["Ann Lee"]
    assert line_names(line) is None
    # a date or a time ends the names, and a month's name is no name
    assert byline_names("Posted by A. B. Kumar at 2:33 PM") == ["A. B. Kumar"]
    assert byline_names("By Ann Lee, August 3, 2021") == ["Ann Lee"]
    assert byline_names("Von Eva Roth Vom 3. Februar 2022") == ["Eva Roth"]
    assert byline_names("Written by Mia Stone, MS, RD — Updated on May 2, 2023") == ["Mia Stone"]


def test_a_credit_word_is_no_empty_byline():
    assert all(EMPTY_ROW.regex.search(lead) for lead in ("作者：", "Autor", "Author:", "BY", "DE"))
    assert not any(EMPTY_ROW.regex.search(f"{credit}:") for credit in CREDITS)
    assert not EMPTY_ROW.regex.search("Text") and not EMPTY_ROW.regex.search("Texto:")


_NAME_WORD = st.sampled_from(["Ann", "Lee", "JANE", "Doe", "Léa", "von", "de", "Roy", "O'Neil"])
_LEAD = st.sampled_from([lead for shape in BYLINE_SHAPES for lead in shape.leads])
_TAIL = st.sampled_from(["", ", AFP", " | Reuters", " for The Times", " Photo: Bo Ek", " 3 May"])
_TEXT = st.one_of(
    st.text(max_size=90),
    st.builds(
        lambda lead, words, tail: f"{lead} {' '.join(words)}{tail}",
        _LEAD,
        st.lists(_NAME_WORD, min_size=1, max_size=6),
        _TAIL,
    ),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_author_parsing_never_raises_and_names_occur_in_the_line(text):
    """Each path's names are words of the line it read them from."""
    flat = " ".join(text.split())
    for names in (byline_names(text), line_names(flat) or []):
        for name in names:
            assert name and name in flat, (text, name)
    doc = clean_document(
        Document(source="page.txt", raw="\n".join(["Ferry sailings added", text, *PARAGRAPHS])),
        CleanOptions(),
    )
    for name in (doc.author or "").split("; ") if doc.author else []:
        assert re.sub(r"\s+", " ", name) in flat, (text, doc.author)


def page_author(*lines: str) -> str | None:
    """The author the page-text cleaner reads from a page of `lines` and `PARAGRAPHS`."""
    raw = "\n".join(["Ferry operators add winter sailings to the islands", *lines, *PARAGRAPHS])
    return clean_document(Document(source="page.txt", raw=raw), CleanOptions()).author


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (("Von", "Eva Roth", "12.03.2025"), "Eva Roth"),  # a byline split from its name
        (("Written by", "Ann Lee"), "Ann Lee"),
        (("Auteur", "Léa Roy", "3 mars 2025"), "Léa Roy"),
        (("作者：", "王晓明"), "王晓明"),
        (("Ann Lee", "12 December 2024"), "Ann Lee"),  # a name above the date line
        (("12 December 2024", "Jonas Becker"), "Jonas Becker"),  # and below it
        (("Sobre el autor", "Ana Ruiz"), "Ana Ruiz"),
    ],
)
def test_a_name_on_a_line_of_its_own_is_the_author(lines, author):
    assert page_author(*lines) == author


@pytest.mark.parametrize(
    "lines",
    [
        ("Zelluloid", "Autor", "Über-Ich", "Meta"),  # a lead word in a menu
        ("Ann Lee", "Jonas Becker"),  # names without a lead or a date beside them
        ("Politics", "12 December 2024"),  # a section label above the date: one word
        ("The Island Post", "12 December 2024"),  # a site's name
        ("De", "Eva Roth"),  # a language switch: "De:" leads only with its colon
        ("Madrid", "Economía"),
    ],
)
def test_a_name_like_line_without_an_authors_place_is_no_author(lines):
    assert page_author(*lines) is None


def test_an_author_box_after_the_article_names_the_author():
    raw = "\n".join(["Ferry operators add winter sailings", *PARAGRAPHS, "About the author"])
    box = ["Ann Lee", "Ann Lee covers transport for the paper."]
    doc = clean_document(Document(source="page.txt", raw="\n".join([raw, *box])), CleanOptions())
    assert doc.author == "Ann Lee"


_LINE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["Von", "By", "About the author", "作者简介", "12 December 2024", "Autor"]),
    st.builds(" ".join, st.lists(_NAME_WORD, min_size=1, max_size=4)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=8))
def test_reading_an_author_never_raises_and_it_occurs_in_the_page(lines):
    author = page_author(*lines)
    page = " ".join(" ".join(lines).split())
    for name in author.split("; ") if author else []:
        assert " ".join(name.split()) in page, (lines, author)


def _lead_words() -> list[str]:
    from hzcorpus.bylines import NAME_LINES

    words = {lead for shape in BYLINE_SHAPES for lead in shape.leads}
    return sorted(words | {w for entry in NAME_LINES for w in (*entry.leads, *entry.headings)})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(_lead_words())
            | st.sampled_from([" ", "  ", ":", "：", "\t", "Eva Roth", "x", "\xa0", "By"])
            | st.sampled_from(_lead_words()).map(str.upper),
            max_size=3,
        ).map("".join),
        max_size=10,
    ),
    st.integers(0, 10),
)
def test_the_lead_lines_are_those_the_plain_lead_pattern_matches(texts, top):
    """`clean._lead_lines` (the lead pattern, its words a trie, mapped over the texts) finds
    the lines of a byline's lead alone that a plain loop of a plain alternation finds."""
    from hzcorpus.clean import _lead_lines
    from hzcorpus.dates import alternation

    words = _lead_words()
    colon = alternation(word[:-1] for word in words if word.endswith(":"))
    alternatives = alternation(word for word in words if not word.endswith(":"))
    lead = re.compile(
        rf"^(?:(?:{alternatives})\s*[:：]?|(?:{colon})\s*[:：])$".replace(r"\ ", r"\s+"), re.I
    )
    plain = [i for i in range(top, len(texts) - 1) if lead.match(texts[i])]
    assert list(_lead_lines(texts[top:], top)) == plain
