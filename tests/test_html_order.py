"""HTML: one numbering base for `removed`, teasers and captions rescued, authors, language hint."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus.clean import clean_document
from hzcorpus.document import Document
from hzcorpus.html import extract_html, page_text_dump
from hzcorpus.html_meta import (
    BYLINE_RULES,
    NOT_AN_AUTHOR,
    byline_names,
    clean_author,
    declared_language,
    without_site,
)
from hzcorpus.html_order import _NOT_ARTICLE_NAMES, RESCUE_RULES, Block, page_order
from hzcorpus.review_pages import lines_not_removed
from hzcorpus.rules import rule_example_failures

PROSE = (
    "<p>The harbour authority said on Monday that the new ferry terminal would open in the "
    "spring, two years later than planned, because of delays in steel deliveries.</p>"
    "<p>Passengers will be able to board from a covered walkway, and the old terminal will be "
    "turned into a market hall for local producers and fishermen.</p>"
    "<p>The council expects about a million passengers a year to use the new terminal once "
    "the second berth is finished, twice as many as today.</p>"
)
TEASER = (
    "The ferry terminal will open two years late, and the old building will become a "
    "market hall for the town's producers."
)
CAPTION = "The old terminal building on the north quay, which will become a market hall."


def article(head: str = "", middle: str = "", tail: str = "", lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head><title>Ferry terminal delayed</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>"
        f"<h1>Ferry terminal delayed</h1>{head}{PROSE[:200]}{PROSE[200:]}{middle}"
        f"<p>Work on the access road starts in March, the authority said.</p></article>"
        f"{tail}</main><footer>Contact us</footer></body></html>"
    )


def test_rule_examples():
    assert list(rule_example_failures(BYLINE_RULES)) == []
    assert list(rule_example_failures(NOT_AN_AUTHOR)) == []


def test_a_teaser_paragraph_is_kept_before_the_article():
    result = extract_html(article(head=f"<p class='teaser'>{TEASER}</p>"))
    lines = result.text.split("\n")
    assert lines[0] == TEASER


def test_related_teasers_are_not_rescued():
    related = "<div class='teaser'><a href='/x'>Harbour festival returns after a break</a></div>"
    result = extract_html(article(tail=f"<section>{related * 3}</section>"))
    assert "Harbour festival" not in result.text


def test_teasers_in_two_runs_or_more_are_a_list_and_not_rescued():
    stories = [
        (
            "Harbour festival returns",
            "The harbour festival returns in June after three years, the organisers said.",
        ),
        (
            "New bridge opens",
            "The new bridge opens to cyclists next week, a month earlier than planned.",
        ),
    ]
    listing = "".join(
        f"<aside><a href='/x'>{head}</a><p class='summary'>{text}</p></aside>"
        for head, text in stories
    )
    text = extract_html(article(middle=listing)).text
    assert all(teaser not in text for _, teaser in stories)
    one = f"<aside><a href='/x'>{stories[0][0]}</a><p class='summary'>{stories[0][1]}</p></aside>"
    assert stories[0][1] in extract_html(article(middle=one)).text  # one run: a standfirst


@pytest.mark.parametrize(
    ("names", "outside"),
    [
        *[(n, True) for n in ("vcard author abh_about_tab", "abh_box", "author-bio", "authors")],
        *[(n, True) for n in ("about-the-author", "site-description", "widget Header")],
        *[(n, True) for n in ("newsletter container", "tutorial-banner", "navbar-header")],
        *[(n, False) for n in ("post hentry author-solarserver", "article-author-and-dek")],
        *[(n, False) for n in ("authorship-note", "entry-header", "article-teaser")],
        *[(n, False) for n in ("sht__summary", "item-page__introtext", "subheader")],
        ("wrap-skin skin-branding", False),
    ],
)
def test_names_of_page_parts_that_are_not_the_article(names, outside):
    assert (_NOT_ARTICLE_NAMES.search(names) is not None) is outside


@pytest.mark.parametrize(
    "box",
    [
        "<div class='abh_box'><p class='teaser'>{}</p></div>",
        "<section class='author-bio'><p class='summary'>{}</p></section>",
        "<div id='masthead'><p class='site-description teaser'>{}</p></div>",
        "<div class='widget Header'><p class='description'>{}</p></div>",
        "<div class='newsletter container'><p class='newsletter-description'>{}</p></div>",
    ],
)
def test_a_standfirst_in_an_author_box_header_or_widget_is_not_rescued(box):
    assert TEASER not in extract_html(article(head=box.format(TEASER))).text


@pytest.mark.parametrize(
    "header",
    [
        "<header class='entry-header'><h2 class='dek'>{}</h2></header>",
        "<div class='article-header'><p class='lead'>{}</p></div>",
        "<div class='authorship-note'><p class='teaser'>{}</p></div>",  # not an author's box
    ],
)
def test_a_standfirst_in_the_articles_own_header_is_rescued(header):
    assert extract_html(article(head=header.format(TEASER))).text.split("\n")[0] == TEASER


def test_a_caption_inside_a_link_is_another_articles_teaser():
    linked = (
        "<figure class='teaser'><a href='/ratings'><figcaption>"
        "<h4>The ferry operators rated, one by one</h4></figcaption></a></figure>"
    )
    assert "rated, one by one" not in extract_html(article(middle=linked)).text
    figure = (
        f"<figure><img src='a.jpg'><figcaption><a href='/p'>Photo</a> {CAPTION}</figcaption>"
        "</figure>"
    )
    assert CAPTION in extract_html(article(middle=figure)).text  # a link in the caption


def test_a_figure_caption_inside_the_article_is_kept_in_place():
    figure = f"<figure><img src='a.jpg'><figcaption>{CAPTION}</figcaption></figure>"
    lines = extract_html(article(middle=figure)).text.split("\n")
    assert CAPTION in lines
    assert lines.index(CAPTION) == len(lines) - 2  # between the prose and the last line


@pytest.mark.parametrize(
    "caption",
    ["(Quelle: Fleischmann/Unsplash/Verband)", "Zum Vergrößern auf das Bild klicken, bitte sehr"],
)
def test_credits_and_viewer_hints_are_not_kept_as_captions(caption):
    figure = f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>"
    assert caption not in extract_html(article(middle=figure)).text


def test_a_caption_is_not_rescued_when_it_is_too_long_or_in_the_text_already():
    copy = " ".join(PROSE.replace("<p>", "").split("</p>"))  # the article in a caption element
    long = f"<figure><figcaption>{copy} {copy}</figcaption></figure>"
    assert extract_html(article(middle=long)).text.count("harbour authority said") == 1
    twice = f"<p>{CAPTION}</p><figure><figcaption>{CAPTION}</figcaption></figure>"
    assert extract_html(article(middle=twice)).text.split("\n").count(CAPTION) == 1


def test_a_standfirst_that_repeats_the_first_paragraph_is_not_rescued():
    first = PROSE.split("</p>")[0].removeprefix("<p>")
    # the same paragraph as a teaser above it, a few words less
    teaser = first.replace(" in the spring,", "")
    lines = extract_html(article(head=f"<p class='teaser'>{teaser}</p>")).text.split("\n")
    assert teaser not in lines and first in lines
    other = extract_html(article(head=f"<p class='teaser'>{TEASER}</p>")).text.split("\n")
    assert other[0] == TEASER  # a teaser of its own words stays


def test_a_menu_item_inside_a_paragraph_does_not_move_the_paragraph():
    blocks = ["Home", "D.C.", "Title", "One line of the article.", "Flights to D.C. resume."]
    lines = ["One line of the article.", "Flights to D.C. resume."]
    slots = page_order([Block(text) for text in blocks], lines)
    assert [s.text for s in slots] == ["Home", "Title", *lines]  # "D.C." absorbed in place
    inner = page_order([Block(t) for t in ("Menu", "resume.", "Flights to D.C.")], lines[1:])
    assert [s.text for s in inner] == ["Menu", "Flights to D.C. resume."]  # its start places it
    only = page_order([Block(t) for t in ("Menu", "Flights", "x")], ["- Flights to D.C. now"])
    assert [s.text for s in only] == ["Menu", "- Flights to D.C. now", "x"]


def test_a_caption_outside_the_article_is_not_kept():
    figure = f"<aside><figure><figcaption>{CAPTION}</figcaption></figure></aside>"
    html = article().replace("<footer>", f"{figure}<footer>")
    assert CAPTION not in extract_html(html).text


@pytest.mark.parametrize(
    ("head", "author"),
    [
        ("<p>By Jane Doe and John Smith</p>", "Jane Doe; John Smith"),
        ("<p>Von Anna Schmidt, dpa</p>", "Anna Schmidt"),
        ("<div class='info'><span>来源：新闻网</span><span>作者：王小明</span></div>", "王小明"),
        ("<div><span>2024年5月1日</span><span>本报记者 陈静</span></div>", "陈静"),
        ("<p>Por Alberto Ávila</p>", "Alberto Ávila"),
        ("<p>Par Claire Dubois | Le Quotidien</p>", "Claire Dubois"),
        ("<p>Por Ana Ruiz y Pedro Gómez</p>", "Ana Ruiz; Pedro Gómez"),
        ("<p>Par Jean Dupont et Marie Curie</p>", "Jean Dupont; Marie Curie"),
        # a news agency beside a person is not an author; alone it is the best answer
        ("<p>By Jane Doe, AFP</p>", "Jane Doe"),
        ("<p>Von Anna Schmidt, AFP</p>", "Anna Schmidt"),
        ("<p>By AFP</p>", "AFP"),
        # a date right after the names; a blog's "posted on … by" with a user name
        ("<p>By Ann Lee Feb 8, 2020 5 min read</p>", "Ann Lee"),
        ("<p>Posted on 2 May 2024 by annlee | Leave a comment</p>", "annlee"),
    ],
)
def test_bylines_give_the_author(head, author):
    assert extract_html(article(head=head)).author == author


def test_an_agency_in_the_markup_gives_way_to_a_person_in_the_byline():
    agency = article().replace("<head>", "<head><meta name='author' content='AFP'>")
    assert extract_html(agency).author == "AFP"
    byline = article(head="<p>By Jane Doe</p>").replace(
        "<head>", "<head><meta name='author' content='AFP'>"
    )
    assert extract_html(byline).author == "Jane Doe"


def test_meta_and_json_ld_authors():
    meta = article().replace("<head>", "<head><meta name='author' content='李华'>")
    assert extract_html(meta).author == "李华"
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '[{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Ek"}]}</script>'
    )
    assert extract_html(article().replace("<head>", f"<head>{ld}")).author == "Ann Lee; Bo Ek"


def test_the_json_ld_headline_the_page_shows_is_the_title():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "%s"}</script>'
    og = "<meta property='og:title' content='Delays again: what went wrong at the harbour'>"
    shown = article().replace("<head>", f"<head>{og}{ld % 'Ferry terminal delayed'}")
    assert extract_html(shown).title == "Ferry terminal delayed"
    assert "Ferry terminal delayed" not in extract_html(shown).text  # the title, not a line
    entity = article().replace("<head>", f"<head>{og}{ld % 'Ferry terminal &#8216;delayed&#8217;'}")
    entity = entity.replace("<h1>Ferry terminal delayed", "<h1>Ferry terminal ‘delayed’")
    assert extract_html(entity).title == "Ferry terminal ‘delayed’"
    hidden = article().replace("<head>", f"<head>{og}{ld % 'A headline the page never shows'}")
    assert extract_html(hidden).title == extract_html(article().replace("<head>", og)).title


def test_author_labels_are_cut_off():
    assert clean_author("作者：王小明 记者 李华") == "王小明; 李华"
    assert clean_author("By Jane Doe") == "Jane Doe"
    assert clean_author("Jane Doe") == "Jane Doe"
    assert clean_author("来源：新闻网") is None
    assert clean_author("Joshua Sokol May") == "Joshua Sokol"
    assert clean_author("Sara Zinnecker Stand; Joe Wee Monday") == "Sara Zinnecker; Joe Wee"
    assert clean_author("June") == "June"  # a name that is one word stays
    assert byline_names("By the end of the year, sales had doubled.") == []
    assert clean_author("Jeffrey Gettleman; JEFFREY GETTLEMAN") == "Jeffrey Gettleman"
    assert clean_author("Username") is None  # a login box's label
    assert clean_author("Name") is None  # a comment form's
    assert clean_author("Facebook Com; Evgenia Karp") == "Evgenia Karp"  # a share button's
    assert clean_author("Rfcmarkup Version; Ann Lee") == "Ann Lee"  # a tool's name
    assert clean_author("Jane Doe; AFP") == "Jane Doe"  # an agency beside a person
    assert clean_author("View all posts by Daniel Lemire") == "Daniel Lemire"


def test_the_site_is_not_an_author_beside_a_person():
    assert without_site("El Mostrador; Raúl Espina", "El Mostrador") == "Raúl Espina"
    assert without_site("Rob Picheta, CNN", "CNN") == "Rob Picheta"
    assert without_site("Die Tagespost; Christoph von Ritter", "die-tagespost.de") == (
        "Christoph von Ritter"
    )
    assert without_site("Riverton Herald GmbH; Ann Lee", "Riverton Herald") == "Ann Lee"
    assert without_site("Riverton Herald", "Riverton Herald") == "Riverton Herald"  # alone
    assert without_site("Kooman, F.; Ann Lee", "Riverton Herald") == "Kooman, F.; Ann Lee"
    assert without_site("Ann Lee", None) == "Ann Lee"
    head = "<head><meta property='og:site_name' content='Harbour News'>"
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '[{"@type": "Organization", "name": "Harbour News"}, {"@type": "Person", '
        '"name": "Bo Ek"}]}</script>'
    )
    assert extract_html(article().replace("<head>", head + ld)).author == "Bo Ek"


def test_tool_names_are_not_authors_and_last_comma_initial_is_one_name():
    head = (
        "<head><meta name='creator' content='rfcmarkup version 1.111'>"
        "<meta name='DC.Creator' content='Kooman, F.'>"
        "<meta name='DC.Creator' content='Jong, Michiel de'>"
    )
    result = extract_html(article().replace("<head>", head))
    assert result.author == "Kooman, F.; Jong, Michiel de"


def test_the_declared_language_is_a_hint_on_the_document():
    assert extract_html(article(lang="de-DE")).lang_hint == "de"
    assert extract_html(article(lang="")).lang_hint is None
    doc = Document(source="a.html", raw=article(lang="zh-Hans-CN"), format="html")
    assert clean_document(doc).lang_hint == "zh"
    given_hint = Document(source="a.html", raw=article(lang="de"), format="html", lang_hint="en")
    assert clean_document(given_hint).lang_hint == "en"  # the input's own field wins
    from lxml import html

    assert declared_language(html.fromstring("<html xml:lang='fr'><p>x</p></html>")) == "fr"


def test_removed_and_kept_lines_share_one_base_the_review_page_places_exactly():
    html = article(
        head=f"<p>By Jane Doe</p><p class='teaser'>{TEASER}</p>",
        middle=f"<figure><figcaption>{CAPTION}</figcaption></figure>",
        tail="<aside><h2>Most read</h2><ul><li><a href='/1'>One</a></li></ul></aside>",
    )
    doc = clean_document(Document(source="a.html", raw=html, format="html"))
    removed = {r.line: r.text for r in doc.removed}
    assert len(removed) == len(doc.removed)  # one number per removed line
    places = lines_not_removed(len(doc.paragraphs), set(removed))
    page = dict(removed) | dict(zip(places, doc.paragraphs, strict=True))
    assert sorted(page) == list(range(len(page)))  # no gaps, no overlaps
    reading = [page[n] for n in sorted(page)]
    dump = page_text_dump(html).split("\n")
    assert reading == [line for line in dump if line in reading]  # the page's own order


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c d", "e", "f g h"]), max_size=8),
    st.lists(st.sampled_from(["a", "b", "c d", "x", "- e", "| f g h |"]), max_size=6),
)
def test_page_order_keeps_every_line_and_block(blocks, lines):
    slots = page_order([Block(text) for text in blocks], lines)
    assert sorted(s.output for s in slots if s.output is not None) == list(range(len(lines)))
    left_out = [s.text for s in slots if s.output is None]
    assert all(text in blocks for text in left_out)
    assert len(left_out) <= len(blocks)


def test_rescue_rows_have_ids_and_reasons():
    assert len({r.id for r in RESCUE_RULES}) == len(RESCUE_RULES)
    assert all(r.id.startswith("html-") and r.reason for r in RESCUE_RULES)


def test_json_line_fields_become_columns_and_meta(tmp_path):
    from hzcorpus.builder import BuildOptions, build

    raw = tmp_path / "raw"
    raw.mkdir()
    text = "Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen."
    lines = [
        {
            "id": "a1",
            "url": "https://example.org/a1",
            "lang": "de",
            "author": ["A B", "C D"],
            "published": "2024-05-01",
            "section": "Sport",
            "tags": ["x", 1],
            "text": text,
        },
        {"title": 7, "text": text + " Zweiter Satz.", "html": 3},
    ]
    (raw / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    out = tmp_path / "out"
    options = BuildOptions(workers=1, quiet=True, language=None, flag=None, translate=None)
    build(raw, out, options)
    import pyarrow.parquet as pq

    rows = pq.read_table(next((out / "data").glob("*.parquet"))).to_pylist()
    first, second = rows
    assert first["url"] == "https://example.org/a1" and first["lang_hint"] == "de"
    assert first["author"] == "A B; C D" and first["published"] == "2024-05-01"
    assert json.loads(first["meta"]) == {"id": "a1", "section": "Sport", "tags": ["x", 1]}
    assert first["meta"] == '{"id":"a1","section":"Sport","tags":["x",1]}'  # sorted, compact
    assert json.loads(second["meta"]) == {"title": 7, "html": 3}  # not strings: kept as data
    assert second["url"] is None and second["lang_hint"] is None


def test_a_mode_vote_removes_short_edge_lines_the_other_mode_drops():
    from hzcorpus.html_order import MODE_VOTES, Slot, vote

    prose = "The council approved the budget on Tuesday after a long debate in the chamber."
    lines = ["Share this", prose, "Tags: budget", prose.replace("Tuesday", "Monday"), "Print"]
    slots = [Slot(text, output=i) for i, text in enumerate(lines)]
    for slot in slots:
        if slot.text != "Print":  # the precision mode kept all but the last line
            slot.modes = frozenset({"precision"})
    slots[0].modes = frozenset()
    slots[2].modes = frozenset()  # inside the article: stays
    assert vote(slots, MODE_VOTES, {"precision"}) == 2
    assert [s.text for s in slots if s.kept] == lines[1:4]
    assert vote(slots, MODE_VOTES, set()) == 0  # a mode not run does not vote


#: What `is_sentence` decided with a regular expression before: a stop, closers, spaces.
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)）]*\s*$")
_ENDINGS = list("ab .!?。！？…\"'”’»)）\n\t\u00a0\u3000x")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ENDINGS), max_size=12))
def test_is_sentence_decides_as_the_sentence_end_pattern(text):
    from hzcorpus.html_order import is_sentence

    assert is_sentence(text) == (_SENTENCE_END.search(text) is not None)


@pytest.mark.parametrize(
    ("head_title", "h1", "title"),
    [
        # the page's only h1 is the section's heading: the <title> names the article
        (
            "Ferry terminal opens two years late",
            "Harbour News Centre",
            "Ferry terminal opens two years late",
        ),
        (
            "Neues Fährterminal öffnet zwei Jahre später",
            "Hafen Aktuell",
            "Neues Fährterminal öffnet zwei Jahre später",
        ),
        # and without the site's name, the longest part, when no part is shown on the page
        (
            "Ferry terminal opens two years late : portnews.com",
            "Harbour News Centre",
            "Ferry terminal opens two years late",
        ),
        (
            "Nuevo terminal de ferris abre con retraso - diariopuerto.es",
            "Noticias del Puerto",
            "Nuevo terminal de ferris abre con retraso",
        ),
        # the <title> is the site's name alone: the h1 stays
        (
            "harbour.net",
            "Ferry terminal opens two years late",
            "Ferry terminal opens two years late",
        ),
        # they share words: the h1 stays, the site's name is cut from the <title>
        (
            "Ferry terminal opens late | Harbour News",
            "Ferry terminal opens late",
            "Ferry terminal opens late",
        ),
    ],
)
def test_the_title_is_the_articles_not_a_section_heading(head_title, h1, title):
    page = (
        f"<html><head><title>{head_title}</title></head><body><header><h1>{h1}</h1></header>"
        f"<main><article>{PROSE}</article></main></body></html>"
    )
    assert extract_html(page).title == title


STORIES = (
    ("Storm closes the coastal road for a week", "The coastal road stays closed after storm"),
    ("Neuer Bahnhof in Kiel eröffnet im Mai", "Der neue Bahnhof soll im Mai eröffnet werden"),
    ("El ayuntamiento aprueba el nuevo presupuesto", "El presupuesto incluye más fondos para"),
    ("La mairie ouvre une nouvelle bibliothèque municipale", "La bibliothèque ouvrira ses portes"),
    ("市政府宣布新的公交线路今天开通运营", "新的公交线路连接火车站和机场，每天运营十六个小时"),
)


def _teaser_list(stories, summary_tail: str = " damage was repaired, officials said.") -> str:
    items = "".join(
        f"<li><h3><a href='/story-{n}'>{headline}</a></h3><p>{summary}{summary_tail}</p>"
        "<span>News desk</span></li>"
        for n, (headline, summary) in enumerate(stories)
    )
    return f"<ul class='stream'>{items}</ul>"


def test_a_list_of_other_articles_teasers_is_removed():
    html = article(middle=_teaser_list(STORIES))
    plain = extract_html(article()).text
    result = extract_html(html)
    assert result.text == plain  # the article alone
    rules = {r.rule for r in result.removed if "officials said" in r.text}
    assert rules == {"html-teaser-list"}
    assert any(r.reason.startswith("the summary of another article") for r in result.removed)


def test_headlines_wrapped_in_their_links_are_a_teaser_list_too():
    items = "".join(
        f"<li><a href='/story-{n}'><h3>{headline}</h3></a><p>{summary} damage was repaired,"
        " officials said.</p></li>"
        for n, (headline, summary) in enumerate(STORIES)
    )
    html = article(middle=f"<ul class='stream'>{items}</ul>")
    assert extract_html(html).text == extract_html(article()).text


def test_linked_headings_of_the_article_own_sections_are_not_a_teaser_list():
    long_tail = " and " + " ".join(["the work went on through the winter"] * 20) + "."
    sections = _teaser_list(STORIES, summary_tail=long_tail)  # items too long for teasers
    assert "went on through the winter" in extract_html(article(middle=sections)).text
    two = _teaser_list(STORIES[:2])  # two linked headlines are not yet a list
    assert "officials said" in extract_html(article(middle=two)).text


@pytest.mark.parametrize(
    ("credit", "rule"),
    [
        ("Foto: Max Muster", "html-caption-credit"),
        ("(Photo: Jane Roe/Harbour Authority)", "html-caption-credit"),
        ("– © Sergey Nivens – stock.adobe.com", "html-caption-copyright"),
        ("Mike Blake/Reuters files", "html-caption-agency"),
    ],
)
def test_a_credit_closing_a_caption_is_removed_and_the_caption_kept(credit, rule):
    figure = f"<figure><img src='a.jpg'><figcaption>{CAPTION} {credit}</figcaption></figure>"
    result = extract_html(article(middle=figure))
    lines = result.text.split("\n")
    assert CAPTION in lines and credit.strip("– ") not in result.text
    removed = {r.text: (r.rule, r.line) for r in result.removed}
    number = result.paragraph_lines[lines.index(CAPTION)]
    assert removed[credit.strip("– ")] == (rule, number + 1)  # the credit's own line, after


def test_a_caption_that_is_all_credit_is_removed_and_prose_keeps_its_credit_words():
    figure = "<figure><img src='a.jpg'><figcaption>© Bild: Werk/Max Muster</figcaption></figure>"
    prose = "<p>The mayor thanked the crews for their work on the quay. Photo: Jane Roe</p>"
    result = extract_html(article(middle=figure + prose))
    assert "Max Muster" not in result.text
    assert "on the quay. Photo: Jane Roe" in result.text  # not a caption: left alone


@pytest.mark.parametrize(
    "figure",
    [
        "<header><figure><img src='a.jpg'><figcaption>{}</figcaption></figure></header>",
        "<div class='td-post-featured-image'><figure><figcaption>{}</figcaption></figure></div>",
        "<div class='gallery'><figure><figcaption>{}</figcaption></figure></div>",
    ],
)
def test_a_lead_picture_or_gallery_caption_is_not_rescued(figure):
    assert CAPTION not in extract_html(article(middle=figure.format(CAPTION))).text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["Hafen", "quay", "Kräne", "ferry", "Möwen", "crew"]), min_size=2),
    st.sampled_from(["Foto: {}", "(Bild: {})", "© {}", "Kuva: {}", "{}/dpa"]),
    st.lists(st.sampled_from(["Anna", "Lee", "O'Neil", "Müller", "Zhang"]), min_size=1, max_size=4),
)
def test_a_caption_loses_exactly_its_credit(words, form, names):
    caption = f"{' '.join(words).capitalize()} at the north quay on Monday."
    credit = form.format(" ".join(names))
    figure = f"<figure><img src='a.jpg'><figcaption>{caption} {credit}</figcaption></figure>"
    result = extract_html(article(middle=figure))
    assert caption in result.text.split("\n")
    assert credit in {r.text for r in result.removed}
