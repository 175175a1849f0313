"""The cleaner reaches rules by their attributes, never by their ids: a custom rule table
(rows renamed, copied, extended) keeps the behaviour."""

from __future__ import annotations

from dataclasses import replace

from hzcorpus.boilerplate import LINE_RULES
from hzcorpus.clean import BYLINE_LINES, CleanOptions, clean_document
from hzcorpus.read import document_from_bytes

PAGE = (
    "Home | News | Sport\n"
    "Council approves the new tram line\n"
    "By Jane Doe\n"
    "The city council approved the new tram line on Tuesday after a long debate.\n"
    "Construction is due to start next spring and to last about three years.\n"
    "The line will connect the harbour with the university campus.\n"
    + "Advertisement\n" * BYLINE_LINES
    # far below the article (a date line right below it is read as the date too): found as
    # a labelled date only
    + "Published: 12 March 2024\n"
)


def _clean(rules) -> tuple[str | None, str | None]:
    doc = document_from_bytes(PAGE.encode(), "page.txt")
    out = clean_document(doc, CleanOptions(rules=rules))
    return out.published, out.author


def test_renamed_rules_keep_dates_and_authors():
    assert _clean(LINE_RULES) == ("2024-03-12", "Jane Doe")
    renamed = tuple(replace(rule, id=f"my-{rule.id}") for rule in LINE_RULES)
    assert _clean(renamed) == _clean(LINE_RULES)
    undated = tuple(replace(rule, date="") for rule in LINE_RULES)
    assert _clean(undated) == (None, "Jane Doe")  # the attribute is what finds the label


def test_the_date_attribute_marks_the_rows_the_cleaner_needs():
    dates = {rule.id: rule.date for rule in LINE_RULES if rule.date}
    assert dates == {"published-label": "label", "relative-date": "relative"}


FOLLOWERS = ("By Jane Doe", "5 min read", "Share on Facebook", "12 March 2024")
# no word of either headline-like line: what follows them decides
BODY = (
    "The council voted on Tuesday after a long debate over the route and its cost.\n"
    "Construction is due to start next spring and to last about three years, she said.\n"
)


def _title(follower: str, rules) -> str | None:
    page = f"Stories from the city desk this week\nTram line approved\n{follower}\n{BODY}"
    doc = document_from_bytes(page.encode(), "page.txt")
    return clean_document(doc, CleanOptions(rules=rules)).title


def test_the_line_after_a_headline_is_found_by_its_attribute():
    renamed = tuple(replace(rule, id=f"my-{rule.id}", kind="") for rule in LINE_RULES)
    unmarked = tuple(replace(rule, after_headline=False) for rule in LINE_RULES)
    for follower in FOLLOWERS:  # a byline, a reading time, a share row, a date
        assert _title(follower, LINE_RULES) == "Tram line approved"
        assert _title(follower, renamed) == "Tram line approved"
        # without the attribute, the longer headline-like line above wins
        assert _title(follower, unmarked) == "Stories from the city desk this week"
