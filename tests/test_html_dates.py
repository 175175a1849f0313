"""htmldate's text search as `html_dates.text_date` runs it: dateparser in hzcorpus's date
languages only, with htmldate's own settings, and htmldate left as it was afterwards."""

from __future__ import annotations

from htmldate import extractors, find_date

from hzcorpus.dates import DATE_LANGUAGES
from hzcorpus.html_dates import HTMLDATE_PARSER_SETTINGS, text_date

PARAMS = {"original_date": True, "extensive_search": True, "max_date": "2099-12-31"}


def test_the_parser_settings_are_htmldates():
    settings = extractors.get_external_parser()._settings
    assert {key: getattr(settings, key) for key in HTMLDATE_PARSER_SETTINGS} == (
        HTMLDATE_PARSER_SETTINGS
    )


def test_dateparser_reads_the_date_languages():
    # htmldate's own patterns do not read a weekday and month name: dateparser does
    assert "es" in DATE_LANGUAGES
    assert text_date(["Una noticia", "Sábado 23 de abril del 2022"], PARAMS) == "2022-04-23"
    assert text_date(["A story", "Saturday April 23, 2022"], PARAMS) == "2022-04-23"


def test_dateparser_skips_the_other_locales():
    # dateparser over every locale reads this Italian date; Italian is not a date language
    assert "it" not in DATE_LANGUAGES
    assert text_date(["Una notizia", "sabato 23 aprile 2022"], PARAMS) is None


def test_htmldate_is_restored():
    before = extractors.get_external_parser
    text_date(["Una noticia", "Sábado 23 de abril del 2022"], PARAMS)
    assert extractors.get_external_parser is before


def test_answers_made_over_every_locale_are_not_taken_for_ours():
    # htmldate caches each text's answer; called directly it reads Italian (every locale)
    texts = ["Una notizia", "sabato 23 aprile 2022"]
    page = "<html><body>" + "".join(f"<p>{text}</p>" for text in texts) + "</body></html>"
    assert find_date(page, **PARAMS) == "2022-04-23"
    assert text_date(texts, PARAMS) is None
    assert find_date(page, **PARAMS) == "2022-04-23"


def test_texts_without_digits_are_not_searched():
    assert text_date(["Sábado, abril", "no date here"], PARAMS) is None
