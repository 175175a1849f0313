"""HTML extraction: metadata, no state between documents, bad HTML, limits, and a score gate."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hzcorpus.errors import InputError
from hzcorpus.html import (
    CAPTION_CREDITS,
    OUTPUT_LINE_RULES,
    HtmlExtraction,
    HtmlOptions,
    extract_html,
    page_text_dump,
)
from hzcorpus.html_dates import DAY_DATE_FORMS, named_days
from hzcorpus.rules import rule_example_failures
from tests.conftest import DATA, subprocess_env

PAGES = DATA / "clean"


ARTICLE = (
    "<p>The harbour authority said on Monday that the new ferry terminal would open in the "
    "spring, two years later than planned, because of delays in steel deliveries.</p>"
    "<p>Passengers will be able to board from a covered walkway, and the old terminal will be "
    "turned into a market hall for local producers and fishermen.</p>"
)


def page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


def normalized(text: str) -> str:
    return " ".join(text.split())


def test_metadata_and_audit_of_a_news_page():
    result = extract_html(page("en_council_budget"))
    assert isinstance(result, HtmlExtraction)
    assert result.title == "Council approves record school budget after late-night vote"
    assert result.published == "2024-03-05"
    assert result.author == "Maria Okafor"
    assert result.sitename == "Riverton Herald"
    assert result.title not in result.text.split("\n")
    rules = {r.rule for r in result.removed}
    assert {"html-title", "html-boilerplate"} <= rules
    cookie = [r for r in result.removed if r.text.startswith("We use cookies")]
    assert cookie and cookie[0].line == 0  # the first block of the page
    assert all(r.text not in result.text for r in result.removed if r.rule == "html-boilerplate")


def test_byline_and_table_separator_are_removed_and_recorded():
    html = (
        "<html><head><title>Ferry terminal delayed</title><meta name='author' "
        "content='Ola Nordmann'></head><body><article><h1>Ferry terminal delayed</h1>"
        f"<p>By Ola Nordmann</p>{ARTICLE}<p>Ola Nordmann asked: why now?</p>"
        "<table><tr><th>Year</th><th>Passengers</th></tr>"
        "<tr><td>2022</td><td>1.2 million</td></tr></table></article></body></html>"
    )
    result = extract_html(html)
    assert "By Ola Nordmann" not in result.text
    assert "Ola Nordmann asked: why now?" in result.text.split("\n")
    assert "| 2022 | 1.2 million |" in result.text.split("\n")
    assert "---" not in result.text
    rules = {r.rule for r in result.removed if r.line >= 0}
    assert {"html-byline", "html-table-separator"} <= rules
    # each removed line is recorded once: not again as a page block missing from the text
    texts = [r.text for r in result.removed]
    assert texts.count("Ferry terminal delayed") == 1 and texts.count("By Ola Nordmann") == 1


def test_a_byline_names_the_author_in_whole_words_and_an_initial_names_no_one():
    html = (
        "<html><head><title>Ferry terminal delayed</title><meta name='DC.Creator' "
        "content='Kooman, F.'><meta name='DC.Creator' content='Lee, Ann'></head><body>"
        f"<article><h1>Ferry terminal delayed</h1><p>By Ann Lee</p>{ARTICLE}"
        "<p>Table of Contents</p><p>Leeward piers</p><p>F. Kooman</p></article></body></html>"
    )
    result = extract_html(html)
    lines = result.text.split("\n")
    # "F" (an initial) is in every line, "Lee" inside "Leeward": neither is a byline
    assert {"Table of Contents", "Leeward piers"} <= set(lines)
    bylines = {r.text for r in result.removed if r.rule == "html-byline"}
    assert bylines == {"By Ann Lee", "F. Kooman"}


def test_a_block_shown_twice_and_removed_once_is_recorded_twice():
    html = (
        "<html><head><title>Ferry terminal delayed</title></head><body>"
        "<div class='teaser'><h2>Ferry terminal delayed</h2></div>"
        f"<article><h1>Ferry terminal delayed</h1>{ARTICLE}</article></body></html>"
    )
    removed = [r for r in extract_html(html).removed if r.text == "Ferry terminal delayed"]
    assert len(removed) == 2 and {r.rule for r in removed} == {"html-title"}


def test_output_line_rule_examples():
    assert list(rule_example_failures(OUTPUT_LINE_RULES)) == []
    assert list(rule_example_failures(CAPTION_CREDITS)) == []


def test_no_state_carries_between_documents():
    names = sorted(p.stem for p in PAGES.glob("*.html"))
    first = [extract_html(page(name)) for name in names]
    again = [extract_html(page(name)) for name in reversed(names)][::-1]
    assert first == again
    # trafilatura's deduplication would return nothing for a page seen before
    assert extract_html(page(names[0])) == first[0]


def test_same_bytes_out_whatever_the_hash_seed():
    code = (
        "import json, dataclasses, pathlib\n"
        "from hzcorpus.html import extract_html\n"
        f"pages = sorted(pathlib.Path({str(PAGES)!r}).glob('*.html'))\n"
        "print(json.dumps([dataclasses.asdict(extract_html(p.read_text(encoding='utf-8')))"
        " for p in pages], ensure_ascii=False))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = subprocess_env(PYTHONHASHSEED=seed)
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
        )
        assert out.returncode == 0, out.stderr
        outputs.append(out.stdout)
    assert outputs[0] == outputs[1]


def test_malformed_html_still_gives_text():
    html = (
        "<div><p>The harbour authority said on Monday that the new ferry terminal would open "
        "in the spring, <b>two years <i>later than planned</p></span></table>"
        "<p>Passengers will board from a covered walkway<li>stray item</div></body>"
    )
    result = extract_html(html)
    assert "ferry terminal would open" in result.text


def test_deeply_nested_html_keeps_the_text_after_the_nesting():
    depth = 20_000
    html = (
        f"<html><body>{ARTICLE}{'<div>' * depth}<p>The deepest paragraph of the page is still "
        f"article text and must come out.</p>{'</div>' * depth}<p>The final paragraph after "
        "all that nesting must not be lost either, whatever the parser limit.</p></body></html>"
    )
    result = extract_html(html)
    assert "The deepest paragraph of the page" in result.text
    assert "The final paragraph after all that nesting" in result.text


def test_texts_and_attributes_over_10_mb_do_not_cut_the_page_short():
    # libxml2 drops everything after a value over 10 MB unless told to accept huge input
    image = "data:image/png;base64," + "A" * 11_000_000
    html = (
        f"<html><body><p>{'word ' * 2_200_000}</p><img src='{image}'>"
        "<p>The paragraph after the huge ones.</p></body></html>"
    )
    lines = page_text_dump(html).split("\n")
    assert len(lines[0]) > 10_000_000
    assert lines[-1] == "The paragraph after the huge ones."


def test_works_off_the_main_thread():
    results: list[HtmlExtraction] = []
    worker = threading.Thread(target=lambda: results.append(extract_html(page("fr_festival"))))
    worker.start()
    worker.join()
    assert results == [extract_html(page("fr_festival"))]


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<html><body></body></html>", "no article text found in HTML"),
        ("<html><head><script>var a = 1;</script></head><body><script>x()</script>", "no art"),
        ("<html><body><h1>Only a title</h1></body></html>", "no article text found"),
        ("   \n ", "no HTML content"),
    ],
)
def test_pages_without_article_text_raise_a_clear_error(html, message):
    with pytest.raises(InputError, match=message):
        extract_html(html)


def test_script_rendered_page_falls_back_to_its_json_ld_article_body():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Harbour News"},
            {
                "@type": "NewsArticle",
                "headline": "Ferry terminal opens two years late",
                "datePublished": "2024-05-02T08:00:00Z",
                "articleBody": "The harbour authority opened the terminal on Thursday.\n\n"
                "Passengers board from a covered walkway.",
            },
        ],
    }
    html = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(ld)
        + "</script><script src='/app.js'></script></head><body><div id='root'></div>"
        "<script>window.render()</script></body></html>"
    )
    result = extract_html(html)
    assert result.text == (
        "The harbour authority opened the terminal on Thursday.\n"
        "Passengers board from a covered walkway."
    )
    assert result.title == "Ferry terminal opens two years late"
    assert result.published == "2024-05-02"


def test_too_many_elements_is_refused():
    html = "<html><body>" + "<span>x</span>" * 500 + ARTICLE + "</body></html>"
    with pytest.raises(InputError, match="elements, over the limit of 100"):
        extract_html(html, HtmlOptions(max_elements=100))


def test_xml_declaration_and_fragment_are_accepted():
    declared = '<?xml version="1.0" encoding="utf-8"?><html><body>' + ARTICLE + "</body></html>"
    assert "ferry terminal" in extract_html(declared).text
    assert "ferry terminal" in extract_html("<div>" + ARTICLE + "</div>").text


def test_page_text_dump_is_the_visible_text_one_block_per_line():
    dump = page_text_dump(page("en_council_budget")).split("\n")
    assert "Accept all" in dump
    assert "Related stories" in dump
    assert not any("dataLayer" in line for line in dump)  # scripts are not visible
    assert dump[-1] == "© 2024 Riverton Herald Media Group. All rights reserved."


def test_mangled_pages_give_text_or_input_error():
    """Cut, spliced and tag-salted versions of the annotated pages never raise anything else."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.html"))]
    salt = ["<", ">", "</", "<p>", "</div>", "<table>", "<td>", "<!--", "<script>", "&#", "\x00"]
    rng = random.Random(7)
    outcomes = {"text": 0, "error": 0}
    for _ in range(30):
        html = rng.choice(pages)
        for _ in range(rng.randint(1, 30)):
            at = rng.randrange(len(html))
            if rng.random() < 0.5:
                html = html[:at] + rng.choice(salt) + html[at:]
            else:
                html = html[:at] + html[at + rng.randint(1, 200) :]
        try:
            outcomes["text"] += bool(extract_html(html).text)
        except InputError as exc:
            assert "\n" not in str(exc)
            outcomes["error"] += 1
    assert outcomes["text"] > 15


_DATED = (
    "<html>{head}<body><article><h1>Ferry terminal delayed</h1>{lead}"
    + ARTICLE
    + "</article></body></html>"
)


@pytest.mark.parametrize(
    ("head", "lead", "published"),
    [
        # a full date in the text, no date in the markup: the text search finds it
        ("", "<p>Harbourside, 14.03.2021</p>", "2021-03-14"),
        # a year or a month in the text: htmldate would guess the 1st, which is dropped
        ("", "<p>In 2030 the ferries are to run on electricity.</p>", None),
        ("", "<p>Updated March 2021</p>", None),
        # a date on the 1st named in full in the text stays (in each written form)
        ("", "<p>Harbourside, 01.03.2021</p>", "2021-03-01"),
        ("", "<p>Posted March 1, 2021</p>", "2021-03-01"),
        ("", "<p>Hafen, 1. März 2021</p>", "2021-03-01"),
        # the month named, the day elsewhere in the text: not a full date
        ("", "<p>March 2021. 1 person was hurt.</p>", None),
        # a date on the 1st from the metadata stays
        (
            "<head><meta property='article:published_time' content='2021-03-01T10:00'></head>",
            "",
            "2021-03-01",
        ),
    ],
)
def test_dates_from_text_only_when_they_name_a_day(head, lead, published):
    html = _DATED.format(head=head, lead=lead)
    assert extract_html(html).published == published
    assert extract_html(html, HtmlOptions(date_from_text=False)).published == (
        published if head else None
    )


def test_a_date_closing_the_article_is_found_when_its_top_has_none():
    more = "".join(
        f"<p>The {n} part of the report adds detail on the terminal, the berths and the road.</p>"
        for n in ("first", "second", "third", "fourth", "fifth", "sixth")
    )
    tail = f"{more}<p>Published on 14 March 2021</p></article><footer><p>Contact</p></footer>"
    html = _DATED.format(head="", lead="").replace("</article>", tail)
    assert extract_html(html).published == "2021-03-14"
    top = html.replace("<h1>", "<p>Harbourside, 12.03.2021</p><h1>")
    assert extract_html(top).published == "2021-03-12"  # the article's top comes first


def test_day_date_forms_match_their_examples():
    assert list(rule_example_failures(DAY_DATE_FORMS)) == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Stand: 01.03.2021, 10:00 Uhr", {"2021-03-01"}),
        ("1er mars 2021 et 2021年4月1日", {"2021-03-01", "2021-04-01"}),
        ("03/01/2021", {"2021-01-03", "2021-03-01"}),  # either order: both are named
        ("31.02.2021, im Jahr 2030, March 2021", set()),  # impossible or no day
    ],
)
def test_named_days(text, days):
    assert {d.isoformat() for d in named_days(text)} == days


@given(st.text(max_size=60))
def test_named_days_never_fail(text):
    assert all(1900 <= d.year <= 2099 for d in named_days(text))


def test_an_unclosed_title_does_not_swallow_the_page():
    # libxml2 reads everything after an unclosed <title> as its text: no body, no article
    html = "<html><head><title>Ferry terminal delayed\n<script>var x;</script></head><body>"
    html += f"<article>{ARTICLE}</article></body></html>"
    result = extract_html(html)
    assert result.title == "Ferry terminal delayed"
    assert "steel deliveries" in result.text


def test_an_early_html_end_tag_does_not_hide_the_body():
    # libxml2 drops everything after </html>; browsers show the body that follows
    html = "<html><head><title>Ferry terminal delayed</title></head></html>\n<!-- x -->"
    html += f"<body><article>{ARTICLE}</article></body>"
    assert "steel deliveries" in extract_html(html).text


def test_a_page_whose_extraction_is_over_the_tree_bound_says_so():
    with pytest.raises(InputError, match=r"kept none of it \(or over max_tree_size\)"):
        extract_html(_DATED.format(head="", lead=""), HtmlOptions(max_tree_size=1))


def test_picture_credits_are_dropped_and_captions_kept():
    figure = (
        "<figure><img src='a.jpg'><figcaption>The new terminal seen from the harbour "
        "wall on Monday evening.</figcaption></figure><p>Trybunał Konstytucyjny / Shutterstock</p>"
        "<p>Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.</p>"
    )
    result = extract_html(_DATED.format(head="", lead=figure))
    assert "seen from the harbour wall" in result.text
    assert "Shutterstock" not in result.text and "Beitragsbild" not in result.text
    rules = {r.text: r.rule for r in result.removed}
    assert rules["Trybunał Konstytucyjny / Shutterstock"] == "html-picture-credit"
    assert rules["Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss."] == (
        "html-picture-source"
    )
