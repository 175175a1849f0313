"""The common absolute date forms of news pages, read without dateparser.

`clean.parse_date` hands a date to dateparser, which costs about a millisecond per date
(locale detection, translation, several parsers). Most pages write their date in one of a
few forms: "2024-06-02 18:20", "09.01.2024, 06:45 Uhr", "17.11.19", "12 de febrero de 2024",
"29 December, 2007", "Monday, October 3, 2022 at 4:46 pm", "Jan 15 2008", "2024年06月02日".
`quick_date` reads exactly those, with the words of one language (month, weekday and time
words must share a language, as dateparser's locales require), and returns None for
anything else, which then goes to dateparser. A test compares it with dateparser on every
name of the tables below in every form.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime

_EN, _DE, _ES, _FR, _ZH = "en", "de", "es", "fr", "zh"
_ANY = frozenset({_EN, _DE, _ES, _FR, _ZH})
#: The languages hzcorpus reads dates in with dateparser (`clean.parse_date`, `html_dates`).
DATE_LANGUAGES: tuple[str, ...] = (_EN, _DE, _ES, _FR, _ZH)

#: Month names (lowercase) -> (month, languages that spell it so).
MONTHS: dict[str, tuple[int, frozenset[str]]] = {}
for _lang, _names in {
    _EN: "january february march april may june july august september october november december",
    _DE: "januar februar märz april mai juni juli august september oktober november dezember",
    _ES: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    _FR: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}.items():
    for _month, _name in enumerate(_names.split(), start=1):
        _known = MONTHS.get(_name, (_month, frozenset()))
        MONTHS[_name] = (_month, _known[1] | {_lang})

#: Abbreviated month names (lowercase; a full stop may follow) -> (month, languages).
MONTH_ABBREVIATIONS: dict[str, tuple[int, frozenset[str]]] = {
    "jan": (1, frozenset({_EN, _DE})),
    "feb": (2, frozenset({_EN, _DE, _ES})),
    "mar": (3, frozenset({_EN, _ES})),
    "apr": (4, frozenset({_EN, _DE})),
    "jun": (6, frozenset({_EN, _DE, _ES})),
    "jul": (7, frozenset({_EN, _DE, _ES})),
    "aug": (8, frozenset({_EN, _DE})),
    "sep": (9, frozenset({_EN, _DE, _ES})),
    "sept": (9, frozenset({_EN, _FR})),
    "oct": (10, frozenset({_EN, _ES})),
    "okt": (10, frozenset({_DE})),
    "nov": (11, frozenset({_EN, _DE, _ES})),
    "dec": (12, frozenset({_EN})),
    "dez": (12, frozenset({_DE})),
    "ene": (1, frozenset({_ES})),
    "abr": (4, frozenset({_ES})),
    "ago": (8, frozenset({_ES})),
    "dic": (12, frozenset({_ES})),
    "janv": (1, frozenset({_FR})),
    "févr": (2, frozenset({_FR})),
    "avr": (4, frozenset({_FR})),
    "juil": (7, frozenset({_FR})),
    "déc": (12, frozenset({_FR})),
}

#: Weekday names (lowercase) -> languages.
WEEKDAYS: dict[str, frozenset[str]] = {}
for _lang, _names in {
    _EN: "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun",
    _DE: "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    _ES: "lunes martes miércoles jueves viernes sábado domingo",
    _FR: "lundi mardi mercredi jeudi vendredi samedi dimanche",
}.items():
    for _name in _names.split():
        WEEKDAYS[_name] = WEEKDAYS.get(_name, frozenset()) | {_lang}

#: Words between a date and its time -> languages (punctuation belongs to all).
TIME_JOINERS: dict[str, frozenset[str]] = {
    ",": _ANY,
    "-": _ANY,
    "–": _ANY,
    "|": _ANY,
    "·": _ANY,
    "at": frozenset({_EN}),
    "um": frozenset({_DE}),
    "à": frozenset({_FR}),
    "a las": frozenset({_ES}),
}

#: Time-zone abbreviations after a time (capitals, as pages write them). dateparser keeps
#: the written time for each (the cleaner asks for no time-zone conversion), so they are
#: read and dropped.
TIME_ZONES: tuple[str, ...] = (
    *("UTC", "GMT", "BST", "IST", "WET", "WEST", "CET", "CEST", "EET", "EEST", "MSK"),
    *("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST"),
    *("JST", "KST", "HKT", "SGT", "ICT", "WIB", "PHT"),
    *("AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "SAST"),
)


#: A two-digit year from this one on is of the 1900s, before it of the 2000s ("17.11.19" is
#: 2019, "1/2/85" 1985), as dateparser reads them (strptime's `%y`).
TWO_DIGIT_PIVOT = 69


def alternation(names) -> str:
    """A regex alternation of `names`, escaped, longest first (so none loses to its prefix)."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_WEEKDAY = rf"(?:(?P<weekday>{alternation(WEEKDAYS)})\.?,?\s+)?"


def _named(tag: str) -> str:
    """A month name or abbreviation (a full stop may follow it), in groups named by `tag`."""
    full, short = alternation(MONTHS), alternation(MONTH_ABBREVIATIONS)
    return rf"(?:(?P<month{tag}>{full})|(?P<abbr{tag}>{short})\.?)"


_TIME = (
    rf"(?:(?:\s*(?P<joiner>{alternation(TIME_JOINERS)})\s*|\s+)"
    r"(?P<hour>\d{1,2})(?P<hsep>[:h])(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap]m))?(?:\s*(?P<uhr>uhr))?"
    rf"(?:\s+(?-i:{alternation(TIME_ZONES)}))?)?"
)
_FORM = re.compile(
    rf"{_WEEKDAY}(?:"
    r"(?P<y1>\d{4})(?P<sep1>[-./])(?P<m1>\d{1,2})(?P=sep1)(?P<d1>\d{1,2})"
    r"|(?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日"
    r"|(?P<a3>\d{1,2})(?P<sep3>[-./])(?P<b3>\d{1,2})(?P=sep3)(?P<y3>\d{4}|\d{2})"
    rf"|(?P<d4>\d{{1,2}})(?P<dot4>\.)?\s+(?P<de4>de\s+)?{_named('4')},?\s+"
    r"(?P<de4b>de\s+)?(?P<y4>\d{4})"
    rf"|{_named('5')}\s+"
    r"(?P<d5>\d{1,2})(?P<ord5>st|nd|rd|th)?,?\s+(?P<y5>\d{4})"
    rf"){_TIME}",
    re.IGNORECASE,
)


def quick_date(part: str, order: str) -> datetime | None:
    """The date (and time) of `part` when it is one of the common forms, else None.

    `order` is "DMY" or "MDY" (numeric dates such as "01/05/2024"; with a four-digit year
    the other order when it gives no month, as dateparser reads "14/01/2020" with "MDY";
    with two digits dateparser may read the year first). None also for
    impossible dates, mixed languages and years outside 1900-2099: dateparser decides those.
    """
    found = _FORM.fullmatch(part)
    if found is None:
        return None
    g = found.groupdict()
    languages = set(_ANY)
    for table, key in ((WEEKDAYS, "weekday"), (TIME_JOINERS, "joiner")):
        if g[key] is not None:
            languages &= table[g[key].lower()]
    if g["y1"] is not None:
        year, month, day = int(g["y1"]), int(g["m1"]), int(g["d1"])
    elif g["y2"] is not None:
        year, month, day = int(g["y2"]), int(g["m2"]), int(g["d2"])
        languages &= {_ZH}
    elif g["y3"] is not None:
        first, second = int(g["a3"]), int(g["b3"])
        day, month = (first, second) if order == "DMY" else (second, first)
        year = int(g["y3"])
        if len(g["y3"]) == 2:  # as dateparser (strptime's %y): 69-99 in the 1900s
            year += 1900 if year >= TWO_DIGIT_PIVOT else 2000
        elif month > 12:  # as dateparser: the other order ("14/01/2020" with "MDY")
            day, month = month, day
    else:
        day_first = g["y4"] is not None
        tag = "4" if day_first else "5"
        full = g[f"month{tag}"]
        table = MONTHS if full else MONTH_ABBREVIATIONS
        month, spelled = table[(full or g[f"abbr{tag}"]).lower()]
        languages &= spelled
        if day_first:
            year, day = int(g["y4"]), int(g["d4"])
            if g["dot4"]:
                languages &= {_DE}
            if g["de4"] or g["de4b"]:
                languages &= {_ES}
        else:
            year, day = int(g["y5"]), int(g["d5"])
            languages &= {_EN}
    if not 1900 <= year <= 2099 or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    hour = minute = 0
    if g["hour"] is not None:
        hour, minute = int(g["hour"]), int(g["minute"])
        if g["hsep"].lower() == "h":
            languages &= {_FR}
        if g["uhr"]:
            languages &= {_DE}
        if g["ampm"]:
            languages &= {_EN}
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if g["ampm"].lower() == "pm" else 0)
        if hour > 23 or minute > 59 or (g["second"] is not None and int(g["second"]) > 59):
            return None
    if not languages:
        return None
    return datetime(year, month, day, hour, minute)
