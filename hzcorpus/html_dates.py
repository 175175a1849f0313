"""htmldate's search of a page's short texts for a date, and the check on what it finds.

`text_date` runs htmldate's extensive text search over a few texts. That search hands the
texts its own patterns do not read to dateparser over every locale dateparser has, which
compiles all of them once per process (about 1.4 s) and tries each on every text it cannot
read (10-30 ms a text); here dateparser reads only `dates.DATE_LANGUAGES`, the languages
hzcorpus reads dates in elsewhere (`clean.parse_date`), with htmldate's own settings.

htmldate's search of a page's text turns a year or a year and month it finds into the 1st
of the month ("im Jahr 2030" gives 2030-01-01, "March 2021" 2021-03-01), so a date on the
1st from that search is kept only when a text names that very day. `DAY_DATE_FORMS` are
the written forms of a full date (day, month and year), one row each, with examples;
`names_day` reads every date of those forms in the texts and compares.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache, partial
from html import escape
from threading import Lock

from .dates import DATE_LANGUAGES, MONTH_ABBREVIATIONS, MONTHS, alternation
from .rules import Rule

_MONTH_NAMES = alternation({*MONTHS, *MONTH_ABBREVIATIONS})
_DAY = r"(?P<d>[0-3]?\d)"
_MONTH = r"(?P<m>[01]?\d)"
_NAMED = rf"(?P<mn>{_MONTH_NAMES})\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

#: Full dates as pages write them: day `d`, month `m` (a number) or `mn` (a name), year `y`.
DAY_DATE_FORMS: tuple[Rule, ...] = (
    Rule(
        id="date-iso",
        reason="year, month, day in numbers (ISO order)",
        pattern=rf"(?<!\d){_YEAR}[-/.]{_MONTH}[-/.]{_DAY}(?!\d)",
        match=("2021-03-01", "Stand: 2021/3/1 10:00"),
        no_match=("2021-03", "12021-03-01"),
    ),
    Rule(
        id="date-day-month-year",
        reason="day, month, year in numbers (European order; the US order is the next row)",
        pattern=rf"(?<!\d){_DAY}\s?[./-]\s?{_MONTH}\s?[./-]\s?{_YEAR}(?!\d)",
        match=("01.03.2021", "Harbourside, 1.3.2021, 10:00 Uhr", "01-03-2021"),
        no_match=("03.2021", "1.3.21"),
    ),
    Rule(
        id="date-month-day-year",
        reason="month/day/year in numbers (US order)",
        pattern=rf"(?<!\d){_MONTH}/{_DAY}/{_YEAR}(?!\d)",
        match=("3/1/2021", "Posted 03/01/2021"),
        no_match=("3/2021",),
    ),
    Rule(
        id="date-day-named-month",
        reason="day, month name, year (1 March 2021, 1. März 2021, 1er mars 2021)",
        pattern=rf"(?<!\d){_DAY}(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?{_NAMED},?\s+(?:de\s+)?{_YEAR}",
        match=(
            "1 March 2021",
            "1. März 2021",
            "1er mars 2021",
            "1 de marzo de 2021",
            "1st Mar. 2021",
        ),
        no_match=("March 2021", "im Jahr 2021"),
    ),
    Rule(
        id="date-named-month-day",
        reason="month name, day, year (March 1, 2021)",
        pattern=rf"\b{_NAMED}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}",
        match=("March 1, 2021", "Updated Mar. 1st, 2021 at 9:00"),
        no_match=("March 2021", "March 12021"),
    ),
    Rule(
        id="date-cjk",
        reason="year 年 month 月 day 日",
        pattern=rf"{_YEAR}\s*年\s*{_MONTH}\s*月\s*{_DAY}\s*日",
        flags=0,
        match=("2021年3月1日", "2021 年 03 月 01 日 10:00"),
        no_match=("2021年3月",),
    ),
)


#: dateparser's settings in htmldate's text search (`htmldate.extractors.get_external_parser`).
HTMLDATE_PARSER_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}


def text_date(texts: list[str], date_params: dict) -> str | None:
    """htmldate's text search (`date_params` are `find_date`'s) over `texts`, its dateparser
    limited to `DATE_LANGUAGES`; a date on the 1st is kept only when a text names that day."""
    if not any(map(str.isdigit, "".join(texts))):
        return None  # every date htmldate finds in text holds digits
    from htmldate import find_date

    fragment = "".join(f"<p>{escape(text)}</p>" for text in texts)
    with fixed_htmldate(date_languages=True):
        found = find_date(f"<html><body>{fragment}</body></html>", **date_params)
    if found and (found[8:10] != "01" or names_day(found, texts)):
        return found
    return None


#: Held while htmldate's functions are swapped (`fixed_htmldate`).
_PATCHING = Lock()

#: Where htmldate's `dateutil` shortcut takes the parts of a date its text leaves out.
_UNNAMED_PARTS = datetime(2000, 1, 1)


@contextmanager
def fixed_htmldate(*, date_languages: bool = False) -> Iterator[None]:
    """htmldate independent of the day it runs on, while the block runs, one thread at a time.

    htmldate reads a string that starts with a year with `dateutil`, which takes a day or
    month the string does not name from today ("2007/12" read on the 6th gives 2007-12-06);
    here it takes them from `_UNNAMED_PARTS`, the 1st, as htmldate's own year-month pattern
    does. With `date_languages`, its dateparser (the parser `get_external_parser` makes)
    reads only `DATE_LANGUAGES`. htmldate caches each text's answer (`try_date_expr`)
    whichever functions made it, so the cache is emptied on the way in and out: an answer
    made by htmldate or trafilatura called directly in the same process is not taken for
    ours, nor ours for theirs."""
    from dateutil.parser import parse
    from htmldate import extractors

    with _PATCHING:
        saved = extractors.get_external_parser, extractors.dateutil_parse
        extractors.try_date_expr.cache_clear()
        extractors.dateutil_parse = partial(parse, default=_UNNAMED_PARTS)
        if date_languages:
            extractors.get_external_parser = _date_languages_parser
        try:
            yield
        finally:
            extractors.get_external_parser, extractors.dateutil_parse = saved
            extractors.try_date_expr.cache_clear()


@cache
def _date_languages_parser():
    """A dateparser parser with htmldate's settings for `DATE_LANGUAGES` (made once)."""
    from dateparser import DateDataParser

    return DateDataParser(languages=list(DATE_LANGUAGES), settings=HTMLDATE_PARSER_SETTINGS)


def named_days(text: str) -> set[date]:
    """The days that `text` names in one of `DAY_DATE_FORMS` (impossible dates skipped)."""
    days: set[date] = set()
    for rule in DAY_DATE_FORMS:
        for found in rule.regex.finditer(text):
            parts = found.groupdict()
            month = int(parts["m"]) if parts.get("m") else _month_number(parts["mn"])
            try:
                days.add(date(int(parts["y"]), month, int(parts["d"])))
            except ValueError:
                continue
    return days


def names_day(day: str, texts: Iterable[str]) -> bool:
    """Whether one of `texts` names the ISO date `day` ("2021-03-01") in full."""
    wanted = date.fromisoformat(day[:10])
    return any(wanted in named_days(text) for text in texts)


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return (MONTHS.get(key) or MONTH_ABBREVIATIONS[key])[0]
