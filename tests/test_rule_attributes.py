"""The cleaner reaches rules by their attributes, never by their ids: a custom rule table
(rows renamed, copied, extended) keeps the behaviour."""

from __future__ import annotations

from dataclasses import replace

from hzcorpus.boilerplate import LINE_RULES
from hzcorpus.clean import CleanOptions, clean_document
from hzcorpus.read import document_from_bytes

PAGE = (
    "Home | News | Sport\n"
    "Council approves the new tram line\n"
    "By Jane Doe\n"
    "The city council approved the new tram line on Tuesday after a long debate.\n"
    "Construction is due to start next spring and to last about three years.\n"
    "The line will connect the harbour with the university campus.\n"
    "Published: 12 March 2024\n"  # below the article: found as a labelled date only
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
