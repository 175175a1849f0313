"""Behaviour of the page-text cleaner beyond the gate: joins, contexts, dates, audit, limits."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus.boilerplate import Thresholds
from hzcorpus.clean import CleanOptions, clean_document, parse_date
from hzcorpus.document import Document
from hzcorpus.errors import InputError
from hzcorpus.read import ReadOptions, document_from_bytes, read_document
from tests.clean_gate import page_paths
from tests.conftest import RAW, run_cli


def clean(text: str, **options) -> Document:
    return clean_document(Document(source="page.txt", raw=text), CleanOptions(**options))


def seed(prefix: str) -> str:
    return next(RAW.glob(f"{prefix}_*.txt")).name


ARTICLE = [
    "Ferry operators add winter sailings to the islands",
    "By Morag Campbell",
    "12 December 2024",
    "Ferry operators will run extra sailings to the northern islands this winter after "
    "complaints that residents were stranded for days during storms last year.",
    "The new timetable adds two return crossings a week and a relief vessel on standby.",
    "Islanders welcomed the change but said the ships themselves were too old.",
]


def test_seed_003_shop_furniture_goes():
    out = run_cli("clean", str(RAW / seed("003")))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    for furniture in ("Carrito de compra", "by", "Hace una semana", "Table of Contents"):
        assert furniture not in lines
    assert not any(line.startswith("arrow-right cart") for line in lines)
    assert not any(line.startswith(("1. Key Highlights", "6. FAQ")) for line in lines)
    assert "Key Highlights:" in lines  # the section the contents pointed to stays
    assert not any(line.startswith("Liangzhu: The Rise") for line in lines)  # the title


def test_seed_004_repeats_labels_and_newsletter_go():
    doc = clean_document(read_document(RAW / seed("004")))
    lines = doc.paragraphs
    assert doc.title.startswith("From DeepSeek to Unitree")
    assert doc.title not in lines
    assert (
        sum(line.startswith("A view of China Artificial Intelligence Town") for line in lines) == 1
    )
    for gone in ("SOURCE\xa0/\xa0ECONOMY", "GET OUR NEWSLETTER", "Subscribed successfully"):
        assert gone not in lines
    assert not any(line.startswith(("Published:", "Sign up for our email")) for line in lines)
    assert doc.published == "2025-02-11T22:28"


def test_seed_001_bullets_joined_to_their_items():
    doc = clean_document(read_document(RAW / seed("001")))
    assert "-" not in doc.paragraphs
    joined = [line for line in doc.paragraphs if line.startswith("- ")]
    assert len(joined) == 9
    assert "- Government Incentives: Tax breaks" in doc.text


def test_seed_000_reading_time_line_removed_and_recorded():
    doc = clean_document(read_document(RAW / seed("000")))
    assert "Word count of this text" not in doc.text
    rules = {r.rule for r in doc.removed if r.text.startswith("Word count of this text")}
    assert rules == {"word-count"}
    assert doc.published == "2025-02-18"


def test_bullet_markers_join_in_any_style():
    doc = clean(
        "\n".join(
            [
                *ARTICLE[:4],
                "Die Änderungen im Überblick:",
                "•",
                "Zwei zusätzliche Fahrten pro Woche",
                "*",
                "Ein Ersatzschiff in Bereitschaft",
                *ARTICLE[4:],
            ]
        )
    )
    assert "• Zwei zusätzliche Fahrten pro Woche" in doc.paragraphs
    assert "* Ein Ersatzschiff in Bereitschaft" in doc.paragraphs
    assert "•" not in doc.paragraphs and "*" not in doc.paragraphs


def test_table_of_contents_with_and_without_heading():
    sections = ["Qué cambia", "Quién paga", "Próximos pasos"]
    body = []
    for name in sections:
        body += [name, f"En la sección {name.lower()} el gobierno explicó los detalles del plan."]
    title = "El plan de vivienda, explicado"
    toc = [f"{n + 1}. {s}" for n, s in enumerate(sections)]
    with_heading = clean("\n".join([title, "Índice", *toc, *body]))
    assert with_heading.title == title
    assert with_heading.paragraphs == body
    assert {r.rule for r in with_heading.removed} >= {"toc-heading", "toc-item"}
    bare = clean("\n".join([title, *(f"{n + 1}) {s}" for n, s in enumerate(sections)), *body]))
    assert bare.paragraphs == body
    # a numbered list that does not repeat later lines is content, not a table of contents
    steps = ["1. Fahrtkosten angeben", "2. Belege sammeln", "3. Frist beachten"]
    kept = clean("\n".join([ARTICLE[3], *steps, ARTICLE[4]]))
    assert all(step in kept.paragraphs for step in steps)


def test_title_taken_once_and_not_repeated():
    doc = clean("\n".join([ARTICLE[0], "WORLD / EUROPE", ARTICLE[0], *ARTICLE[1:]]))
    assert doc.title == ARTICLE[0]
    assert ARTICLE[0] not in doc.paragraphs
    assert {r.rule for r in doc.removed if r.text == ARTICLE[0]} == {"title", "title-repeat"}
    assert doc.author == "Morag Campbell"
    assert doc.published == "2024-12-12"
    kept = clean("\n".join(ARTICLE), keep_title_in_text=True)
    assert kept.paragraphs[0] == ARTICLE[0]


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Morag Campbell, AFP", "Morag Campbell"),  # an agency beside a person
        ("Von Anna Schmidt und Max Weber, dpa", "Anna Schmidt; Max Weber"),
        ("By AFP", "AFP"),  # alone, the agency is the best answer
        ("By Morag Campbell for The Associated Press", "Morag Campbell"),
        ("By MORAG CAMPBELL Associated Press", "MORAG CAMPBELL"),
        ("By Morag Campbell, AP Business Writer", "Morag Campbell"),
        ("By The Associated Press", "The Associated Press"),
    ],
)
def test_a_bylines_names_are_the_author(byline, author):
    assert clean("\n".join([ARTICLE[0], byline, *ARTICLE[2:]])).author == author


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Veröffentlicht am 12.03.2025", "2025-03-12"),
        ("发布时间：2025年3月5日 10:20", "2025-03-05T10:20"),
        ("Publié le 3 mars 2025", "2025-03-03"),
        ("Published: 03/04/2025", "2025-03-04"),
        ("Actualizado: 03/04/2025", "2025-04-03"),
        ("Thursday, March 6, 2025 at 9:15 am", "2025-03-06T09:15"),
        ("vor 3 Tagen", None),
    ],
)
def test_published_dates(line, expected):
    assert parse_date(line) == expected
    doc = clean("\n".join([ARTICLE[0], line, *ARTICLE[3:]]))
    assert doc.published == expected
    assert line not in doc.paragraphs


def test_date_line_below_a_standfirst_is_the_published_date():
    standfirst = "Extra winter crossings are planned after storms stranded islanders last year."
    for byline, date, expected in [
        ("By Morag Campbell", "12 December 2024", "2024-12-12"),
        ("Von Peter Müller", "03.03.2025, 14:21 Uhr", "2025-03-03T14:21"),
    ]:
        doc = clean("\n".join([ARTICLE[0], standfirst, byline, date, *ARTICLE[3:]]))
        assert doc.paragraphs[0] == standfirst
        assert date not in doc.paragraphs
        assert doc.published == expected, date
    # a date line further down the body is the publication date only when no line above
    # the third paragraph gives one
    later = clean("\n".join([ARTICLE[0], *ARTICLE[3:5], "1 March 2025", ARTICLE[5]]))
    assert later.published == "2025-03-01"
    both = clean("\n".join([ARTICLE[0], "Published: 3 March 2025", *ARTICLE[3:5], "1 March 2025"]))
    assert both.published == "2025-03-03"
    far = [f"{sentence} It is line {n}." for n in range(20) for sentence in ARTICLE[3:4]]
    footer = clean("\n".join([ARTICLE[0], *far, *["Home"] * 15, "1 March 2025"]))
    assert footer.published is None  # far below the article's last paragraph


def test_date_below_a_headline_taken_for_prose_is_the_published_date():
    # the site's name is the title; the short headline counts as the first paragraph
    head = ["Home", "Sign Up", "The Island Ferry Blog", "The Island Ferry Blog"]
    headline = "Want More Winter Ferries for the Islands? So Do We."
    standfirst = "More winter crossings mean fewer islanders stranded when the storms come."
    doc = clean("\n".join([*head, headline, standfirst, "June 19, 2019", *ARTICLE[3:]]))
    assert doc.published == "2019-06-19"
    assert "June 19, 2019" not in doc.paragraphs


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        ("Von Thilo / 6. November 2023 / Keine Kommentare", "2023-11-06"),
        ("January 13, 2020 at 08:45 AM | categories: Python | View Comments", "2020-01-13T08:45"),
        ("18.02.2022, 10:27 | Recht & Gesetz | Jetzt kommentieren", "2022-02-18T10:27"),
    ],
)
def test_a_date_on_a_metadata_line_is_the_published_date(meta, published):
    doc = clean("\n".join([ARTICLE[0], meta, *ARTICLE[3:]]))
    assert doc.published == published
    # a date in a sentence of the article is not its publication date
    said = "The council said on 6 November 2023 that two return crossings would be added."
    assert clean("\n".join([ARTICLE[0], said, *ARTICLE[3:]])).published is None


@pytest.mark.parametrize(
    ("byline", "author", "published"),
    [
        ("par Léa Roy, 21 juin 2018", "Léa Roy", "2018-06-21"),
        ("Von: Jonas Becker | 31.10.23", "Jonas Becker", "2023-10-31"),
        ("By Ann Lee • 15 January 2020", "Ann Lee", "2020-01-15"),
        ("By Ann Lee", "Ann Lee", None),
    ],
)
def test_a_bylines_date_is_the_published_date(byline, author, published):
    doc = clean("\n".join([ARTICLE[0], byline, *ARTICLE[3:]]))
    assert (doc.author, doc.published) == (author, published)
    # a date line beside it comes first
    dated = clean("\n".join([ARTICLE[0], byline, "3 March 2025", *ARTICLE[3:]]))
    assert dated.published == "2025-03-03"


def test_page_without_article_keeps_no_section_label_or_menu():
    doc = clean("Home\nNews\nSubscribe to our newsletter\nShare on Facebook\n© 2024 Example Media")
    assert doc.text == ""
    assert {r.text: r.rule for r in doc.removed}["News"] == "category-label"
    # with an article, a section name inside it is a heading and stays
    inside = clean("\n".join([*ARTICLE[:4], "Economy", *ARTICLE[4:]]))
    assert "Economy" in inside.paragraphs


def test_removed_lines_carry_line_rule_and_reason():
    dumps = [p for p in page_paths() if p.suffix == ".txt"]  # HTML removals are not raw lines
    for path in [*RAW.glob("*.txt"), *dumps]:
        doc = clean_document(read_document(path))
        raw_lines = doc.raw.split("\n")
        assert doc.removed, path.name
        for removed in doc.removed:
            assert removed.rule and removed.reason
            assert raw_lines[removed.line].strip() == removed.text
        kept = len(doc.paragraphs) + len(doc.removed)
        joined = sum(1 for line in doc.paragraphs if line[:2] in ("- ", "• ", "* "))
        assert kept + joined >= len([line for line in raw_lines if line.strip()])


def test_nav_cookie_related_and_comments_around_an_article():
    page = [
        "Startseite Politik Wirtschaft Kultur Sport",
        "Wir verwenden Cookies, um unser Angebot für Sie zu verbessern. Mehr erfahren Sie in "
        "unserer Datenschutzerklärung.",
        "Alle akzeptieren",
        *ARTICLE,
        "Artikel teilen",
        "Das könnte Sie auch interessieren",
        "Neue Brücke für die Insel Föhr geplant",
        "Kommentare (2)",
        "Endlich! Wir haben lange genug auf bessere Verbindungen gewartet.",
        "Antworten",
    ]
    doc = clean("\n".join(page))
    assert doc.paragraphs == ARTICLE[3:]
    assert doc.title == ARTICLE[0]


def test_cleaning_cleaned_text_keeps_it():
    paths = [*RAW.glob("*.txt"), *(p for p in page_paths() if p.suffix == ".txt")]
    for path in paths:
        doc = clean_document(read_document(path))
        again = clean(f"{doc.title}\n{doc.text}" if doc.title else doc.text)
        assert (again.title, again.text) == (doc.title, doc.text), path.name


def test_deterministic_and_independent_of_order():
    paths = sorted(RAW.glob("*.txt"))
    first = [clean_document(read_document(p)).to_record() for p in paths]
    second = [clean_document(read_document(p)).to_record() for p in reversed(paths)]
    assert first == second[::-1]


def test_memos_of_lines_change_nothing_and_stay_bounded(monkeypatch):
    """The memos of line rules and measures (lines repeat across a site's pages) answer
    as a first look does, whatever they hold, and keep at most their size."""
    from hzcorpus import clean as clean_module
    from hzcorpus.line_matcher import LineMatcher

    paths = [*sorted(RAW.glob("*.txt")), *(p for p in page_paths() if p.suffix == ".txt")]
    docs = [read_document(p) for p in paths]
    clean_module._MEASURED.clear()
    LineMatcher.of(CleanOptions().rules)._memo.clear()
    first = [clean_document(d).to_record() for d in docs]
    assert [clean_document(d).to_record() for d in docs] == first  # from the memos
    monkeypatch.setattr(LineMatcher, "MEMO_LINES", 5)
    clean_module._MEASURED.clear()
    assert [clean_document(d).to_record() for d in reversed(docs)] == first[::-1]
    assert 0 < len(clean_module._MEASURED) <= 5


def test_html_goes_to_the_html_extractor():
    doc = Document(source="page.html", raw="<html><body><p>x</p></body></html>", format="html")
    try:
        result = clean_document(doc)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(result, Document)


def test_html_edge_rules_spare_sentences_inside_the_article_and_not_at_its_end():
    inside = (
        "The law gives Indigenous Peoples the right to give or withhold free, prior and "
        "informed consent to any project on their land.",
        "Die Firma speichert Cookies nur mit Einwilligung, sagte die Datenschützerin am Montag.",
    )
    prose = (
        "The ferry company said the new timetable would start in June after a long debate.",
        "Passengers will see two more crossings every morning from the first week of summer.",
    )
    banner = "We use cookies to improve your experience. By continuing you agree."
    body = "".join(f"<p>{p}</p>" for p in (prose[0], *inside, prose[1], banner))
    html = f"<html><head><title>Ferry</title></head><body><article>{body}</article></body></html>"
    doc = clean_document(Document(source="page.html", raw=html, format="html"))
    lines = doc.text.split("\n")
    assert set(inside) <= set(lines)
    assert banner not in lines
    assert [r.rule for r in doc.removed if r.text == banner] == ["cookie-banner"]


def test_html_preformatted_lines_are_left_to_the_page_not_the_line_rules():
    """Program output in a `<pre>` (a dated log row) stays; the same row as a paragraph of
    its own after the article is still removed by the page-text rules."""
    rows = (
        "2020-08-01 18:00:00+00 | 200 | 4084",
        "2020-08-01 17:59:00+00 | 404 | 0",
    )
    prose = (
        "The query counts the responses of every status code in each minute of the day.",
        "Rows with a status of 404 show the minutes in which the missing pages were asked for.",
    )
    pre = "<pre><code>" + "\n".join(rows) + "</code></pre>"
    stray = "<p>2020-08-01 18:00:00+00</p>"
    body = f"<p>{prose[0]}</p>{pre}<p>{prose[1]}</p>{stray}"
    html = f"<html><head><title>SQL</title></head><body><article>{body}</article></body></html>"
    doc = clean_document(Document(source="page.html", raw=html, format="html"))
    lines = doc.text.split("\n")
    assert set(rows) <= set(lines)
    assert "2020-08-01 18:00:00+00" not in lines
    assert not any(r.text in rows for r in doc.removed)


def test_a_5_mb_single_line_finishes():
    line = "The ferry left the harbour on time and the passengers waved. " * 82_000
    started = time.perf_counter()
    doc = clean(line)
    assert doc.text == line.strip()
    assert time.perf_counter() - started < 60  # a hang guard, not a speed assertion


def test_a_30_mb_page_gives_a_result_or_one_line_error(tmp_path):
    paragraph = "Residents of the island said the ferry was late again this morning. " * 30
    big = "\n".join([ARTICLE[0], *(f"{n}. {paragraph}" for n in range(15_000))]).encode()
    assert len(big) > 30_000_000
    path = tmp_path / "big.txt"
    path.write_bytes(big)
    out = run_cli("clean", str(path))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "limit" in out.stderr
    doc = document_from_bytes(big, "big.txt", ReadOptions(max_bytes=40_000_000, fix_mojibake=False))
    cleaned = clean_document(doc)
    assert cleaned.title == ARTICLE[0]
    assert len(cleaned.paragraphs) == 15_000


def test_too_many_lines_is_a_one_line_error():
    with pytest.raises(InputError) as info:
        clean("\n".join(ARTICLE * 10), max_lines=50)
    assert "\n" not in str(info.value) and "limit" in str(info.value)


def test_inline_related_box_does_not_end_the_article():
    body = [
        "The council will vote on the plan next Tuesday after a month of public hearings.",
        "Opponents say the new bus lanes will slow down deliveries to shops in the centre.",
        "Related articles",
        "Bus fares to rise in April",
        "Supporters argue that faster buses will take thousands of cars off the road each day.",
        "The transport department expects the first lanes to open before the summer holidays.",
    ]
    doc = clean("\n".join([ARTICLE[0], *body, "Related articles", "Tram line delayed again"]))
    assert doc.paragraphs == [body[0], body[1], body[4], body[5]]
    assert {r.rule for r in doc.removed} >= {"related-header", "related-box", "outside-main"}


def test_inline_box_of_teasers_with_dates_and_bylines_does_not_end_the_article():
    # three teasers of three lines each: only their headlines count as the box's links
    box = []
    for n, headline in enumerate(["Bus fares to rise", "Tram line delayed", "New bridge open"]):
        box += [headline, f"By Mary Jones {n}", f"Jul {n + 10}, 2014"]
    body = [
        "The council will vote on the plan next Tuesday after a month of public hearings.",
        "Opponents say the new bus lanes will slow down deliveries to shops in the centre.",
        "Supporters argue that faster buses will take thousands of cars off the road each day.",
        "The transport department expects the first lanes to open before the summer holidays.",
    ]
    doc = clean("\n".join([ARTICLE[0], *body[:2], "Recommended", *box, *body[2:]]))
    assert doc.paragraphs == body
    assert "related-box" in {r.rule for r in doc.removed}


def test_related_teasers_after_the_article_are_no_inline_box():
    # a headline, a one-sentence summary and its author each: prose that does not resume
    # as an article's paragraphs do
    teasers = []
    for topic in ("harbour", "library", "stadium", "market"):
        teasers += [
            f"The {topic} plan is back",
            f"Councillors will debate the {topic} plan again after a petition of residents.",
            "Mark Byrnes",
        ]
    doc = clean("\n".join([*ARTICLE, "Related", *teasers]))
    assert doc.paragraphs == ARTICLE[3:]


def test_a_comment_header_that_heads_no_thread_does_not_end_the_article():
    body = [
        "The council will vote on the plan next Tuesday after a month of public hearings.",
        "Opponents say the new bus lanes will slow down deliveries to shops in the centre.",
        "Supporters argue that faster buses will take thousands of cars off the road each day.",
        "The transport department expects the first lanes to open before the summer holidays.",
    ]
    # a table with a "Comment" column inside the article: undated, and no comment text
    table = ["Line", "Status", "Comment", "Route 4", "open"]
    doc = clean("\n".join([ARTICLE[0], *body[:2], *table, *body[2:]]))
    assert doc.paragraphs[-2:] == body[2:]
    # a comment form's notes talk about comments: the header ends the article
    notes = [
        "Comments",
        "Please note: comments are moderated and may take a while to appear on the page.",
        "Keep your comments on topic and do not post personal attacks on other readers.",
    ]
    doc = clean("\n".join([ARTICLE[0], *body, *notes]))
    assert doc.paragraphs == body
    # a dated thread: the header ends the article
    thread = ["Comments", "Anna", "12 December 2024", body[2], body[3]]
    doc = clean("\n".join([ARTICLE[0], *body[:2], *thread]))
    assert doc.paragraphs == body[:2]


def test_a_comment_count_above_the_article_does_not_outweigh_it():
    # a teaser stream above, then the article's comment count ("11 Comments") and the
    # article, its photo caption shown twice: the caption names a day, but a long line
    # is no comment's date line, so the count heads no thread and the article's block
    # weighs in full (as a thread's block it would weigh a quarter and lose to the
    # teaser above)
    caption = (
        "In this photo taken on Tuesday, 12 December 2024, the relief vessel waits in the "
        "harbour of Kirkwall before its first crossing to the northern islands of Orkney, "
        "where the storms of last winter kept the old ships in port for days."
    )
    teasers = [
        "Bus fares to rise",
        "Councillors will debate the bus fares again after a petition of residents.",
        "Tram line delayed",
    ]
    body = [
        "Ferry operators will run extra sailings to the northern islands this winter after "
        "complaints that residents were stranded for days during storms last year.",
        "The new timetable adds two return crossings a week and a relief vessel on standby.",
        "Islanders welcomed the change but said the ships themselves were too old and slow.",
        "The operator said that two new ships had been ordered and would arrive in 2027.",
        "Until then the relief vessel will sail whenever one of the old ships breaks down.",
    ]
    page = [*teasers, "11 Comments", caption, caption, ARTICLE[0], *body, "Privacy Policy"]
    doc = clean("\n".join(page), model=False)
    assert doc.paragraphs[0] == caption
    assert doc.paragraphs[-len(body) :] == body
    assert teasers[1] not in doc.paragraphs


GALLERY_SLIDES = [
    ("Harbour at dawn", "The first ferry of the day leaves the harbour of Kirkwall at dawn."),
    ("Relief vessel", "The relief vessel waits at the pier for the next storm warning."),
    ("Old ships", "The two old ferries have served the northern islands for thirty years."),
    ("New timetable", "The new timetable was posted at the terminal on Monday morning."),
]


def _gallery() -> list[str]:
    lines = []
    for n, (headline, caption) in enumerate(GALLERY_SLIDES, 1):
        lines += [f"{n}/{len(GALLERY_SLIDES)} {headline}", caption, "Getty Images"]
    return lines


def test_a_photo_gallery_below_the_article_is_removed():
    # four slides numbered up by one, each a numbered headline, a caption and a credit;
    # the last slide ends as long as the others, so the closing line after it stays
    closing = "The operator will publish the winter timetable for all routes on its website."
    doc = clean("\n".join([*ARTICLE, *_gallery(), closing]), model=False)
    assert doc.paragraphs == [*ARTICLE[3:], closing]
    assert {r.rule for r in doc.removed} >= {"gallery"}


def test_a_slideshow_page_keeps_its_captions_and_fractions_are_no_gallery():
    # a page that opens with its gallery: the captions are its text
    doc = clean("\n".join([ARTICLE[0], *_gallery()]), model=False)
    assert all(caption in doc.paragraphs for _, caption in GALLERY_SLIDES)
    assert "gallery" not in {r.rule for r in doc.removed}
    # a recipe's quantities are not numbered up as slides are
    recipe = ["1/4 cup of flour", "3/4 cup of sugar", "1/4 cup of butter", "3/4 cup of milk"]
    doc = clean("\n".join([*ARTICLE, *recipe]), model=False)
    assert "gallery" not in {r.rule for r in doc.removed}


def test_comments_without_a_header_are_removed():
    comments = [
        "Anna",
        "12 December 2024 at 9:15 am",
        "Finally some good news for the islands, thank you for reporting it.",
        "Reply",
    ]
    doc = clean("\n".join([*ARTICLE, *comments]))
    assert doc.paragraphs == ARTICLE[3:]
    assert "comments" in {r.rule for r in doc.removed}


NEWS_SENTENCES = [
    "Copyright lawsuits against AI firms are piling up in American courts.",
    "Personal data of five million customers was leaked, the company said on Monday.",
    "Free shipping helped the retailer grow faster than its rivals, analysts said.",
    "JavaScript creator Brendan Eich said the language would keep changing.",
    "Share prices rose 3 percent after the announcement of the merger.",
    "By the time police arrived, the crowd had already left the square.",
    "Published in 2019, the report warned that sea levels would rise faster.",
    "Subscription revenue rose by a fifth, helped by price increases.",
    "The newsletter, founded in 2019, now has 40,000 readers in the region.",
    "Advertising revenue fell by a third as companies cut their budgets.",
    "About 40 percent of voters said they were still undecided.",
    "Follow-up checks found no further damage to the bridge.",
    "Home sales fell for a third month in a row in March.",
    "Das Unternehmen verarbeitet nach eigenen Angaben keine personenbezogenen Daten.",
    "Hace una semana que llueve sin parar en el norte del país.",
    "Il y a deux ans, la ville comptait encore trois boulangeries.",
    "去年，这家公司的广告收入下降了三分之一。",
]


@pytest.mark.parametrize("position", ["first", "middle", "last"])
def test_news_sentences_with_furniture_words_stay(position):
    body = list(ARTICLE[3:])
    at = {"first": 0, "middle": 2, "last": len(body)}[position]
    for sentence in NEWS_SENTENCES:
        lines = [*ARTICLE[:3], *body[:at], sentence, *body[at:]]
        assert sentence in clean("\n".join(lines)).paragraphs, sentence


def test_short_sentences_at_the_article_edges_stay():
    doc = clean("\n".join([*ARTICLE[:3], "Then the storm came.", *ARTICLE[3:], "Nobody was hurt."]))
    assert doc.paragraphs == ["Then the storm came.", *ARTICLE[3:], "Nobody was hurt."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x250) | st.sampled_from("’‘“”„–—…€•‹›²")))
def test_latin_words_are_the_words(text):
    """In Latin text `_LATIN_WORD` (plain character classes) finds what `_WORD` finds."""
    from hzcorpus.clean import _BEYOND_LATIN, _LATIN_WORD, _WORD

    if _BEYOND_LATIN.search(text) is None:
        assert _LATIN_WORD.findall(text) == _WORD.findall(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZé1٣9'’-.,_ 一²") | st.characters(max_codepoint=0x3000)))
def test_ascii_words_are_the_words(text):
    """In lowercased ASCII text `_ASCII_WORD` finds what `_WORD` finds."""
    from hzcorpus.clean import _ASCII_WORD, _WORD

    low = text.lower()
    if low.isascii():
        assert _ASCII_WORD.findall(low) == _WORD.findall(low)


def test_a_number_before_a_stray_mark_after_a_decimal():
    """A word pattern gives the same words whatever it matched before: with possessive
    groups, Python 3.11.2 read "0.:" as "0." right after "0.5" (CPython gh-101955)."""
    from hzcorpus.clean import _ASCII_WORD, _LATIN_WORD, _WORD

    for pattern in (_WORD, _LATIN_WORD, _ASCII_WORD):
        assert pattern.findall("0.5") == ["0.5"]
        assert pattern.findall("0.:") == ["0"]
        assert pattern.findall("a-b c-:") == ["a-b", "c"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(".!?。！？…'\"”’»)）」』a \r\n")))
def test_a_sentence_end_is_a_final_mark_before_closers(text):
    """`_is_prose`'s test of a line's end (no line break in it) is `_SENTENCE_END`'s."""
    from hzcorpus.clean import _CLOSERS, _FINAL_MARKS, _SENTENCE_END

    line = text.replace("\n", " ")
    assert line.rstrip(_CLOSERS).endswith(_FINAL_MARKS) == bool(_SENTENCE_END.search(line))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_lines_measure_as_word_by_word(text):
    """An ASCII line is lowercased in one go before its words are found: the same words,
    lowercased, as lowering them one by one."""
    from hzcorpus.boilerplate import STOPWORDS
    from hzcorpus.clean import _WORD, _measures

    words = [word.lower() for word in _WORD.findall(text)]
    share = sum(word in STOPWORDS for word in words) / len(words) if words else 0.0
    assert _measures(text) == (len(words), False, share)
    assert type(_measures(text)[0]) is float  # as the units of any other line


def test_a_sidebar_of_cut_teasers_is_not_the_article():
    teasers = [
        "Ruth Bader Ginsburg and skim-milk...",
        "Capital Weather Gang",
        "A mixed day before the Supreme...",
        "Rain, snow and graupel on a spring…",
        "Post Tech",
        "Why now is the perfect time for...",
    ]
    # the page's <title> first, as dumps have it; before, the teasers were prose and the
    # article's first paragraph the first of them
    doc = clean("\n".join([ARTICLE[0], *teasers, *ARTICLE]))
    assert doc.paragraphs == ARTICLE[3:]
    assert doc.title == ARTICLE[0]


SCRIPT = (
    'pe, fn, false ); EventCache.add(obj, type, fn); } else if (obj.attachEvent) { obj["e"+type'
    '+fn] = fn; obj[type+fn] = function() { obj["e"+type+fn]( window.event ); } obj.attachEvent('
    ' "on"+type, obj[type+fn] ); EventCache.add(obj, type, fn); } else { obj["on"+type] = fn; }'
)


def test_a_page_script_in_a_dump_is_not_the_article():
    doc = clean("\n".join([SCRIPT, "Home News Sport", *ARTICLE, "Most Discussed", SCRIPT]))
    assert doc.paragraphs == ARTICLE[3:]
    assert [r.rule for r in doc.removed if r.text == SCRIPT] == ["script-code", "script-code"]


def test_a_code_sample_in_an_html_article_stays():
    body = "".join(f"<p>{line}</p>" for line in ARTICLE[3:])
    html = (
        f"<html><head><title>{ARTICLE[0]}</title></head><body><article><h1>{ARTICLE[0]}</h1>"
        f"{body}<pre>{SCRIPT}</pre><p>{ARTICLE[4]} And more ships will follow.</p>"
        "</article></body></html>"
    )
    doc = clean_document(Document(source="page.html", raw=html, format="html"))
    assert SCRIPT in doc.text


def test_a_sidebar_of_summaries_does_not_outweigh_a_dense_article():
    sidebar = []
    for n, town in enumerate(("Oban", "Mallaig", "Ullapool", "Stornoway", "Kirkwall", "Lerwick")):
        sidebar += [
            f"Harbour works in {town} to start",
            f"The council says work on the pier in {town} will start next spring.",
            f"{n + 2} hours ago",
        ]
    # all its prose outweighs the article's, but no run of it is dense
    most = ["Most Discussed", "Ferry fares frozen (42)", "Pier closed for repairs (17)"]
    doc = clean("\n".join([*sidebar, *most, *ARTICLE, "Comments", "Great story."]))
    assert doc.paragraphs == ARTICLE[3:]


def test_other_stories_header_ends_the_article_but_not_a_digest():
    article = [
        *ARTICLE,
        "The operator said the relief vessel would be based in the south harbour, where the "
        "crew could reach any of the islands within four hours in most weather.",
        "A review of the fleet is due next spring, and the government has promised to order "
        "two new ships once it has seen the findings of that review.",
    ]
    other = [
        "Other News in Science",
        "Telescope will begin operation shortly",
        "The observatory has flown its first night mission over the Pacific.",
        "Probe races past Mercury",
    ]
    doc = clean("\n".join([*article, *other]))
    assert doc.paragraphs == article[3:]
    assert "other-stories-header" in {r.rule for r in doc.removed}
    # a news digest: several headed lists of links, each followed by more of the article
    digest = [
        "Markets opened the month mixed after a strong July for most stock indices worldwide.",
        "Gold touched a record in early trade before it fell back as the dollar firmed again.",
        "Bond yields rose across Europe as investors waited for the central banks this week.",
        "Traders said the holiday season would keep volumes thin until the end of the month.",
        "The week brings the manufacturing surveys first and the jobs report on its last day.",
        "Analysts expect the surveys to show that factories grew for a second month running.",
        "Top Asian News",
        "Tokyo shares rise on exporters",
        "Hong Kong peg holds again",
        "Asian equity markets followed the lead of Wall Street with gains in most sectors.",
        "Top European News",
        "Factories return to growth",
        "Euro-area manufacturing grew for the first time since the start of the pandemic.",
        "In currencies, the dollar gave back some of its gains after a rebound late last week.",
        "Oil prices slipped as producers started to raise output under their new agreement.",
    ]
    doc = clean("\n".join([ARTICLE[0], *digest]))
    kept = doc.paragraphs
    assert [line for line in digest if len(line) > 60] == [line for line in kept if len(line) > 60]
    assert {r.rule for r in doc.removed} >= {"other-stories-header", "related-box"}


def test_a_comment_thread_longer_than_the_post_is_not_the_article():
    thread = [
        f"{n}. I took the ferry with my kids last winter and we waited two days in the harbour. "
        f"We were told nothing until the evening of day {n}, and the cafe had closed by then, "
        "so an extra sailing would have made all the difference to us and to everyone on board."
        for n in range(1, 9)
    ]
    page = [*ARTICLE, "Leave a Reply Cancel reply", *thread]
    doc = clean("\n".join(page))
    assert doc.paragraphs == ARTICLE[3:]
    # the weight is what keeps the post: at 1 the thread outweighs it
    weighted = clean("\n".join(page), thresholds=Thresholds(comment_block_weight=1.0))
    assert weighted.paragraphs == thread
    # a comment count above the article is no thread: the article under it stays
    doc = clean("\n".join([ARTICLE[0], "12 Comments", *ARTICLE[3:]]))
    assert doc.paragraphs == ARTICLE[3:]


#: HTML source that a renderer left in a dump: an ad slot's link and image, a page's head.
AD_SLOT = (
    '<a href="http://ads.example.net/click?site=news&pos=top" target="_blank"><img '
    'src="http://ads.example.net/view?n=a2c0" width="468" height="60" border="0"></a>'
)
PAGE_HEAD = '</title><script src="/js/site.js"></script></head><body id="story">'


@pytest.mark.parametrize(
    "article",
    [
        [ARTICLE[0], *ARTICLE[3:]],
        [
            "Fähren fahren im Winter öfter zu den Inseln",
            "Die Reedereien setzen in diesem Winter zusätzliche Fahrten zu den nördlichen Inseln "
            "ein, nachdem Bewohner im vergangenen Jahr tagelang festsaßen.",
            "Der neue Fahrplan sieht zwei weitere Rückfahrten pro Woche vor.",
            "Die Inselbewohner begrüßten die Änderung, nannten die Schiffe aber zu alt.",
        ],
        [
            "Los transbordadores harán más viajes a las islas este invierno",
            "Las navieras añadirán dos viajes semanales a las islas del norte después de que "
            "los vecinos quedaran aislados durante días el invierno pasado.",
            "El nuevo horario incluye además un buque de reserva en el puerto.",
            "Los vecinos celebraron el cambio, aunque dicen que los barcos son viejos.",
        ],
    ],
)
def test_html_source_around_the_article_goes_and_a_leaked_link_in_it_stays(article):
    linked = f'{article[2]} <a href="https://example.org/plan">(PDF)</a>'
    doc = clean("\n".join([AD_SLOT, PAGE_HEAD, *article[:2], linked, *article[3:], AD_SLOT]))
    assert doc.paragraphs == [article[1], linked, *article[3:]]
    assert {r.rule for r in doc.removed if "<" in r.text} == {"markup-source"}


def test_a_markup_sample_inside_the_article_stays():
    sample = ['<div id="app"></div>', '<script src="app.js"></script>']
    article = [*ARTICLE[:4], "The page needs only two lines of markup:", *sample, *ARTICLE[4:]]
    doc = clean("\n".join([AD_SLOT, *article]))
    assert all(line in doc.paragraphs for line in sample)
    assert [r.rule for r in doc.removed if r.text == AD_SLOT] == ["markup-source"]


@pytest.mark.parametrize(
    ("select", "instruction"),
    [
        (
            "Select a category Spam Harassment Copyright infringement Other",
            "Select a category that fits the complaint before you send it.",
        ),
        (
            "Bitte wählen Sie ein Ressort Politik Wirtschaft Sport Kultur Reise",
            "Bitte wählen Sie einen Termin, an dem Sie selbst zur Fähre kommen können.",
        ),
        (
            "Selecciona tu departamento Guatemala Izabal Escuintla Sololá Petén",
            "Selecciona tu puerto de salida y consulta los horarios de la semana.",
        ),
        (
            "Sélectionnez une région Bretagne Normandie Alsace Provence Corse",
            "Choisissez un jour de semaine, car les traversées du dimanche sont complètes.",
        ),
        ("-- Choose your island --", "Choose your crossing early: the winter boats fill up."),
    ],
)
def test_a_select_box_goes_and_an_instruction_like_it_stays(select, instruction):
    doc = clean("\n".join([*ARTICLE, instruction, *ARTICLE[4:], select, "Report"]))
    assert instruction in doc.paragraphs
    assert [r.rule for r in doc.removed if r.text == select] == ["select-box"]
