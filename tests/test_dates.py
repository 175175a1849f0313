"""The fast date reader agrees with dateparser wherever it answers, and answers the common forms."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzcorpus.clean import dateparser_date, parse_date
from hzcorpus.dates import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    TIME_JOINERS,
    TIME_ZONES,
    WEEKDAYS,
    quick_date,
)

MINUTE = "%Y-%m-%dT%H:%M"


def assert_agrees(part: str, order: str = "DMY") -> bool:
    """Whether `quick_date` answered `part`; when it did, dateparser's answer is the same."""
    quick = quick_date(part, order)
    if quick is None:
        return False
    slow = dateparser_date(part, order)
    assert slow is not None, part
    assert quick.strftime(MINUTE) == slow.strftime(MINUTE), part
    return True


def month_in(language: str) -> str:
    return next(name for name, (_, langs) in MONTHS.items() if langs == {language})


def test_every_month_name_reads_as_dateparser_reads_it():
    answered = 0
    for name in [*MONTHS, *MONTH_ABBREVIATIONS]:
        for spelled in (name.title(), name.upper()):
            answered += assert_agrees(f"7 {spelled} 2023")
            answered += assert_agrees(f"{spelled} 7, 2023")
            answered += assert_agrees(f"7 {spelled}, 2023")
            answered += assert_agrees(f"{spelled} 7 2023")
    assert answered >= len(MONTHS) * 2  # the day-first form of every full name at least


def test_every_weekday_and_time_word_reads_as_dateparser_reads_it():
    for weekday, languages in WEEKDAYS.items():
        for language in languages:
            assert assert_agrees(f"{weekday.title()}, 12 {month_in(language)} 2024"), weekday
    for joiner, languages in TIME_JOINERS.items():
        assert assert_agrees(f"12.03.2024 {joiner} 10:45")
        month = month_in(min(languages - {"zh"}))
        assert assert_agrees(f"12 {month} 2024 {joiner} 10:45"), joiner
    for zone in TIME_ZONES:
        assert assert_agrees(f"January 10, 2008 12:10am {zone}"), zone
        assert assert_agrees(f"10. Januar 2008 um 23:10 {zone}"), zone


@pytest.mark.parametrize(
    ("part", "order", "expected"),
    [
        ("09.01.2024, 06:45 Uhr", "DMY", "2024-01-09T06:45"),
        ("01/05/2024", "MDY", "2024-01-05T00:00"),
        ("2024-04-18 09:32:15", "DMY", "2024-04-18T09:32"),
        ("2024年06月02日 18:20", "DMY", "2024-06-02T18:20"),
        ("Lunes, 12 de febrero de 2024", "DMY", "2024-02-12T00:00"),
        ("6 juillet 2023 à 07h00", "DMY", "2023-07-06T07:00"),
        ("Sunday, January 20, 2008, 4:46 pm", "DMY", "2008-01-20T16:46"),
        ("January 18th, 2008", "DMY", "2008-01-18T00:00"),
        ("21. September 2023", "DMY", "2023-09-21T00:00"),
        ("29 December, 2007", "DMY", "2007-12-29T00:00"),
        ("Mon. Dec. 31 2007 2:49 PM", "DMY", "2007-12-31T14:49"),
        ("December 29th 2019", "MDY", "2019-12-29T00:00"),
        ("09.01.08", "DMY", "2008-01-09T00:00"),
        ("19.10.19, 08:16 Uhr", "DMY", "2019-10-19T08:16"),
        ("1/2/85 8:00am", "MDY", "1985-01-02T08:00"),
        ("14/01/2020", "MDY", "2020-01-14T00:00"),  # no month 14: the other order
        ("09/28/2012", "DMY", "2012-09-28T00:00"),
    ],
)
def test_common_forms_are_read_without_dateparser(part, order, expected):
    assert quick_date(part, order).strftime(MINUTE) == expected
    assert assert_agrees(part, order)


@pytest.mark.parametrize(
    "part",
    [
        "31.02.2024",  # impossible: dateparser decides
        "24.12.2024 24:00",
        "Monday 3 février 2024",  # two languages
        "2024年6月2日 at 10:45",
        "09.01.208",  # three-digit year
        "January 10, 2008 AEDT",  # a time zone without a time
        "January 10, 2008 12:10am aedt",  # a zone in lower case
        "10/09/199922:30",
        "1.5.1899",
    ],
)
def test_other_forms_go_to_dateparser(part):
    assert quick_date(part, "DMY") is None


def test_parse_date_gives_the_same_with_and_without_the_fast_path(monkeypatch):
    lines = ["Published: 21. September 2023", "Updated 09.01.2024, 06:45 Uhr", "04/28/2013"]
    fast = [parse_date(line) for line in lines]
    monkeypatch.setattr("hzcorpus.clean.quick_date", lambda part, order: None)
    assert [parse_date(line) for line in lines] == fast


_NAMES = sorted([*MONTHS, *MONTH_ABBREVIATIONS])


@settings(max_examples=150, deadline=None)
@given(
    weekday=st.sampled_from(["", *[f"{w}, " for w in sorted(WEEKDAYS)]]),
    day=st.integers(0, 32),
    month=st.integers(0, 13),
    year=st.sampled_from([1899, 1900, 2008, 2024, 2099, 2100]),
    name=st.sampled_from(_NAMES),
    form=st.integers(0, 8),
    time=st.sampled_from(
        ["", " 10:45", ", 23:59", " 0:05 am", " 12:30PM", " 7h05", " 25:00", " 10:45 Uhr"]
    ),
    zone=st.sampled_from(["", " CET", " EST", " AEDT", " XYZ", "CET"]),
    joiner=st.sampled_from(["", *sorted(TIME_JOINERS)]),
    space=st.sampled_from([" ", "\xa0", "  "]),
    upper=st.booleans(),
)
def test_generated_dates_agree_with_dateparser(
    weekday, day, month, year, name, form, time, zone, joiner, space, upper
):
    name = name.upper() if upper else name.title()
    date = [
        f"{year}-{month:02d}-{day:02d}",
        f"{year}年{month}月{day}日",
        f"{day}.{month}.{year}",
        f"{day}{space}{name}{space}{year}",
        f"{name}{space}{day}, {year}",
        f"{day}{space}{name},{space}{year}",
        f"{name}{space}{day}{space}{year}",
        f"{day}.{month}.{year % 100:02d}",
        f"{month}/{day}/{year % 100:02d}",
    ][form]
    if time and joiner:
        time = f" {joiner}{time}"
    time += zone
    for order in ("DMY", "MDY"):
        assert_agrees(f"{weekday}{date}{time}", order)


_DATE_PART = (
    st.tuples(
        st.sampled_from(["12", "3", "2024", "Mon, ", "June ", "x"]),
        st.sampled_from([".", "-", " ", "\xa0", "\r", " 年 ", " . "]),
        st.sampled_from(["03", "5", "März", "June", "x"]),
        st.sampled_from([".", " ", "\x85", "\t", " 月 ", "-"]),
        st.sampled_from(["2024", "24", "1999", "5", " 12:30", "x"]),
    ).map("".join)
    | st.sampled_from(["12", "3.", "2025", " 2024", "1999", "März", "June", "de", ".", "/", "-"])
    | st.sampled_from(["Feb", "11,", "\t", "\xa0", "\r", "\x85", "٣", "th", "年", "月", "日"])
    | st.text(alphabet="aA1 .:-/年月日", max_size=3)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_DATE_PART, max_size=8).map("".join), max_size=12))
def test_the_date_hint_finds_every_line_with_a_date(texts):
    """`clean._published` looks for dates only on the lines `DATE_SHAPE` finds: it finds
    the same lines as the plain search of every line."""
    from hzcorpus.boilerplate import DATE_IN_LINE
    from hzcorpus.clean import _dated

    plain = [i for i, text in enumerate(texts) if DATE_IN_LINE.search(text)]
    assert _dated(texts) == plain
