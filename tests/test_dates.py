"""Tests for netty.dates: the date phrases people type, read into pendulum values."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netty.dates import ago, parse_date, parse_span, parse_when
from netty.errors import InvalidInput

# A Monday, 10:30 GMT (London is on winter time in late November).
NOW = pendulum.datetime(2026, 11, 23, 10, 30, tz="Europe/London")
LONDON = "Europe/London"


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 30) -> pendulum.DateTime:
    """A London moment; by default at NOW's time of day."""
    return pendulum.datetime(year, month, day, hour, minute, tz=LONDON)


def d(year: int, month: int, day: int) -> pendulum.Date:
    return pendulum.date(year, month, day)


def test_now_is_a_monday() -> None:
    assert NOW.day_of_week == pendulum.MONDAY


# --- parse_when: every phrase, exact results --------------------------------------------

WHEN_CASES = [
    # keywords
    ("now", NOW),
    ("today", NOW),
    ("yesterday", at(2026, 11, 22)),
    ("tomorrow", at(2026, 11, 24)),
    # bare weekdays: the next one strictly after today
    ("mon", at(2026, 11, 30)),
    ("monday", at(2026, 11, 30)),
    ("tue", at(2026, 11, 24)),
    ("tues", at(2026, 11, 24)),
    ("tuesday", at(2026, 11, 24)),
    ("wed", at(2026, 11, 25)),
    ("wednesday", at(2026, 11, 25)),
    ("thu", at(2026, 11, 26)),
    ("thur", at(2026, 11, 26)),
    ("thurs", at(2026, 11, 26)),
    ("thursday", at(2026, 11, 26)),
    ("fri", at(2026, 11, 27)),
    ("friday", at(2026, 11, 27)),
    ("sat", at(2026, 11, 28)),
    ("saturday", at(2026, 11, 28)),
    ("sun", at(2026, 11, 29)),
    ("sunday", at(2026, 11, 29)),
    # next <weekday> is the same as a bare weekday
    ("next friday", at(2026, 11, 27)),
    ("next fri", at(2026, 11, 27)),
    ("next monday", at(2026, 11, 30)),
    # last <weekday>: most recent strictly before today
    ("last friday", at(2026, 11, 20)),
    ("last fri", at(2026, 11, 20)),
    ("last monday", at(2026, 11, 16)),
    ("last sunday", at(2026, 11, 22)),
    ("last tues", at(2026, 11, 17)),
    # this <weekday>: inside the current Monday-Sunday week
    ("this monday", at(2026, 11, 23)),
    ("this friday", at(2026, 11, 27)),
    ("this sun", at(2026, 11, 29)),
    # relative weeks, months, years
    ("next week", at(2026, 11, 30)),
    ("last week", at(2026, 11, 16)),
    ("next month", at(2026, 12, 23)),
    ("last month", at(2026, 10, 23)),
    ("next year", at(2027, 11, 23)),
    ("last year", at(2025, 11, 23)),
    # in ...
    ("in 3 days", at(2026, 11, 26)),
    ("in 1 day", at(2026, 11, 24)),
    ("in 2 weeks", at(2026, 12, 7)),
    ("in 1 month", at(2026, 12, 23)),
    ("in 2 months", at(2027, 1, 23)),
    ("in 1 year", at(2027, 11, 23)),
    ("in a week", at(2026, 11, 30)),
    ("in a day", at(2026, 11, 24)),
    ("in an hour", at(2026, 11, 23, 11, 30)),
    ("in 3 hours", at(2026, 11, 23, 13, 30)),
    ("in 45 minutes", at(2026, 11, 23, 11, 15)),
    ("in 3d", at(2026, 11, 26)),
    # ... ago
    ("3 days ago", at(2026, 11, 20)),
    ("2 weeks ago", at(2026, 11, 9)),
    ("a month ago", at(2026, 10, 23)),
    ("1 year ago", at(2025, 11, 23)),
    ("an hour ago", at(2026, 11, 23, 9, 30)),
    ("2h ago", at(2026, 11, 23, 8, 30)),
    ("a week ago", at(2026, 11, 16)),
    # short forms: bare and + are in the future, - in the past
    ("2w", at(2026, 12, 7)),
    ("3d", at(2026, 11, 26)),
    ("1m", at(2026, 12, 23)),
    ("1y", at(2027, 11, 23)),
    ("+3d", at(2026, 11, 26)),
    ("-2w", at(2026, 11, 9)),
    ("-1m", at(2026, 10, 23)),
    ("24h", at(2026, 11, 24)),
    ("-3h", at(2026, 11, 23, 7, 30)),
    ("3 days", at(2026, 11, 26)),
    # month and day, no year: the nearest occurrence
    ("dec 1", at(2026, 12, 1)),
    ("1 dec", at(2026, 12, 1)),
    ("december 1", at(2026, 12, 1)),
    ("Dec 1st", at(2026, 12, 1)),
    ("1st of december", at(2026, 12, 1)),
    ("dec. 1", at(2026, 12, 1)),
    ("jan 5", at(2027, 1, 5)),
    ("nov 1", at(2026, 11, 1)),
    ("nov 23", at(2026, 11, 23)),
    ("sept 2", at(2026, 9, 2)),
    ("2nd of march", at(2027, 3, 2)),
    ("may 20", at(2027, 5, 20)),  # 178 days ahead beats 187 days back
    ("may 30", at(2026, 5, 30)),  # 177 days back beats 188 days ahead
    ("feb 29", at(2028, 2, 29)),  # the nearest leap day
    ("3rd june", at(2026, 6, 3)),
    # month and day with a year
    ("dec 1 2027", at(2027, 12, 1)),
    ("1 dec 2027", at(2027, 12, 1)),
    ("dec 1, 2027", at(2027, 12, 1)),
    ("december 1st 2025", at(2025, 12, 1)),
    ("1st of december 2030", at(2030, 12, 1)),
    ("feb 29 2028", at(2028, 2, 29)),
    # ISO dates keep now's time of day
    ("2026-12-01", at(2026, 12, 1)),
    ("1999-01-31", at(1999, 1, 31)),
    # ISO date-times are kept as given; naive ones are in now's zone
    ("2026-11-01T14:30", at(2026, 11, 1, 14, 30)),
    ("2026-11-01 14:30", at(2026, 11, 1, 14, 30)),
    ("2026-12-01T09:00", at(2026, 12, 1, 9, 0)),
    ("2026-12-01T09:00:00", at(2026, 12, 1, 9, 0)),
    ("2026-12-01T09:00:15.5", pendulum.datetime(2026, 12, 1, 9, 0, 15, 500000, tz=LONDON)),
    ("2026-12-01T09:00Z", at(2026, 12, 1, 9, 0)),
    ("2026-12-01T09:00:00Z", at(2026, 12, 1, 9, 0)),
    ("2026-12-01T09:00+01:00", at(2026, 12, 1, 8, 0)),
    ("2026-12-01T09:00:00-05:00", at(2026, 12, 1, 14, 0)),
    ("2026-12-01 09:00 +0530", at(2026, 12, 1, 3, 30)),
    ("2026-07-01T14:30", at(2026, 7, 1, 14, 30)),  # BST, +01:00
]


@pytest.mark.parametrize(("text", "expected"), WHEN_CASES)
def test_parse_when(text: str, expected: pendulum.DateTime) -> None:
    result = parse_when(text, NOW)
    assert isinstance(result, pendulum.DateTime)
    assert result == expected
    assert result.timezone_name == LONDON


@pytest.mark.parametrize(("text", "expected"), WHEN_CASES)
def test_parse_date_is_the_day_of_parse_when(text: str, expected: pendulum.DateTime) -> None:
    result = parse_date(text, NOW)
    assert type(result) is pendulum.Date
    assert result == expected.date()


def test_yesterday_is_exactly_one_day_before_now() -> None:
    assert NOW - parse_when("yesterday", NOW) == dt.timedelta(days=1)
    assert parse_when("yesterday", NOW).time() == NOW.time()


def test_iso_offset_moves_the_day_for_parse_date() -> None:
    # 23:30 in New York on Dec 1 is already Dec 2 in London.
    assert parse_date("2026-12-01T23:30-05:00", NOW) == d(2026, 12, 2)
    assert parse_date("2026-12-01", NOW) == d(2026, 12, 1)


def test_parse_date_for_instants() -> None:
    assert parse_date("now", NOW) == d(2026, 11, 23)
    assert parse_date("in 14 hours", NOW) == d(2026, 11, 24)
    late = pendulum.datetime(2026, 11, 23, 23, 50, tz=LONDON)
    assert parse_date("in 20 minutes", late) == d(2026, 11, 24)


# --- case and spaces ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Yesterday  ", d(2026, 11, 22)),
        ("TOMORROW", d(2026, 11, 24)),
        ("Last   Friday", d(2026, 11, 20)),
        ("\tnext\tweek\n", d(2026, 11, 30)),
        ("IN  3   DAYS", d(2026, 11, 26)),
        ("3   Days  Ago", d(2026, 11, 20)),
        ("DEC 1ST", d(2026, 12, 1)),
        ("1st  Of  December  2027", d(2027, 12, 1)),
        ("Fri", d(2026, 11, 27)),
        ("2W", d(2026, 12, 7)),
        ("\u00a0dec\u00a01\u00a0", d(2026, 12, 1)),  # non-breaking spaces
        ("2026-12-01t09:00z", d(2026, 12, 1)),
    ],
)
def test_case_and_spaces_do_not_matter(text: str, expected: pendulum.Date) -> None:
    assert parse_date(text, NOW) == expected


# --- rollovers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        # month ends: clamp to the last day of the shorter month
        (at(2026, 1, 31), "in 1 month", d(2026, 2, 28)),
        (at(2028, 1, 31), "in 1 month", d(2028, 2, 29)),
        (at(2026, 1, 31), "1m", d(2026, 2, 28)),
        (at(2026, 3, 31), "a month ago", d(2026, 2, 28)),
        (at(2026, 3, 31), "last month", d(2026, 2, 28)),
        (at(2026, 8, 31), "next month", d(2026, 9, 30)),
        (at(2028, 2, 29), "in 1 year", d(2029, 2, 28)),
        (at(2026, 1, 30), "in 3 days", d(2026, 2, 2)),
        # years
        (at(2026, 12, 30), "in 3 days", d(2027, 1, 2)),
        (at(2026, 12, 30), "tomorrow", d(2026, 12, 31)),
        (at(2026, 12, 31), "tomorrow", d(2027, 1, 1)),
        (at(2027, 1, 1), "yesterday", d(2026, 12, 31)),
        (at(2026, 12, 15), "next month", d(2027, 1, 15)),
        (at(2027, 1, 15), "last month", d(2026, 12, 15)),
        (at(2026, 12, 30), "next week", d(2027, 1, 6)),
        (at(2026, 12, 30), "jan 5", d(2027, 1, 5)),
        (at(2027, 1, 2), "dec 28", d(2026, 12, 28)),
        (at(2027, 1, 2), "2 weeks ago", d(2026, 12, 19)),
        (at(2026, 12, 31), "fri", d(2027, 1, 1)),  # Dec 31 2026 is a Thursday
        (at(2027, 1, 1), "last thu", d(2026, 12, 31)),
    ],
)
def test_rollover(now: pendulum.DateTime, text: str, expected: pendulum.Date) -> None:
    assert parse_date(text, now) == expected
    assert parse_when(text, now) == now.on(expected.year, expected.month, expected.day)


# --- weekday rules -------------------------------------------------------------------------

FRIDAY_NOW = at(2026, 11, 27)  # a Friday
SUNDAY_NOW = at(2026, 11, 29)  # a Sunday


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        # bare = next occurrence strictly after today, never today
        (NOW, "mon", d(2026, 11, 30)),
        (FRIDAY_NOW, "fri", d(2026, 12, 4)),
        (FRIDAY_NOW, "sat", d(2026, 11, 28)),
        (FRIDAY_NOW, "thu", d(2026, 12, 3)),
        (SUNDAY_NOW, "mon", d(2026, 11, 30)),
        # next = same as bare
        (FRIDAY_NOW, "next fri", d(2026, 12, 4)),
        (FRIDAY_NOW, "next sat", d(2026, 11, 28)),
        # last = most recent strictly before today, never today
        (NOW, "last mon", d(2026, 11, 16)),
        (FRIDAY_NOW, "last fri", d(2026, 11, 20)),
        (FRIDAY_NOW, "last thu", d(2026, 11, 26)),
        (FRIDAY_NOW, "last sat", d(2026, 11, 21)),
        # this = the one in the current Monday-Sunday week, past or future
        (FRIDAY_NOW, "this mon", d(2026, 11, 23)),
        (FRIDAY_NOW, "this fri", d(2026, 11, 27)),
        (FRIDAY_NOW, "this sunday", d(2026, 11, 29)),
        (SUNDAY_NOW, "this monday", d(2026, 11, 23)),
        (SUNDAY_NOW, "this sun", d(2026, 11, 29)),
    ],
)
def test_weekday_rules(now: pendulum.DateTime, text: str, expected: pendulum.Date) -> None:
    assert parse_date(text, now) == expected


@pytest.mark.parametrize("day", range(7))
def test_weekday_properties_for_every_weekday(day: int) -> None:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    today = NOW.date()
    for offset in range(7):
        now = NOW.add(days=offset)
        today = now.date()
        upcoming = parse_date(names[day], now)
        previous = parse_date(f"last {names[day]}", now)
        this = parse_date(f"this {names[day]}", now)
        assert upcoming.weekday() == previous.weekday() == this.weekday() == day
        assert 1 <= (upcoming - today).in_days() <= 7
        assert 1 <= (today - previous).in_days() <= 7
        assert this.isocalendar()[:2] == today.isocalendar()[:2]
        assert parse_date(f"next {names[day]}", now) == upcoming


# --- nearest month-day rule ----------------------------------------------------------------


@given(st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2199, 12, 31)))
@settings(max_examples=150, deadline=None)
def test_month_day_without_year_is_within_half_a_year(today: dt.date) -> None:
    now = pendulum.datetime(today.year, today.month, today.day, 12, tz="UTC")
    for text in ("jan 1", "jun 15", "dec 31", "mar 1", "feb 28"):
        result = parse_date(text, now)
        assert abs(result.toordinal() - today.toordinal()) <= 183


# --- time zones ----------------------------------------------------------------------------


def test_results_keep_nows_timezone() -> None:
    ny = pendulum.datetime(2026, 11, 23, 22, 15, tz="America/New_York")
    for text in ("yesterday", "fri", "dec 1", "in 3 days", "2026-12-01", "in 2 hours", "now"):
        assert parse_when(text, ny).timezone_name == "America/New_York"
    assert parse_when("yesterday", ny) == pendulum.datetime(
        2026, 11, 22, 22, 15, tz="America/New_York"
    )
    # 22:15 in New York is already the 24th in London, but "today" is New York's today.
    assert parse_date("today", ny) == d(2026, 11, 23)
    naive = parse_when("2026-12-01T09:00", ny)
    assert naive == pendulum.datetime(2026, 12, 1, 9, tz="America/New_York")
    offset = parse_when("2026-12-01T09:00Z", ny)
    assert offset == pendulum.datetime(2026, 12, 1, 9, tz="UTC")
    assert offset.timezone_name == "America/New_York"
    assert (offset.hour, offset.minute) == (4, 0)


def test_fixed_offset_now() -> None:
    now = pendulum.datetime(2026, 11, 23, 10, 30, tz=pendulum.fixed_timezone(5 * 3600))
    result = parse_when("2026-12-01T09:00Z", now)
    assert result.utcoffset() == dt.timedelta(hours=5)
    assert (result.hour, result.minute) == (14, 0)


def test_calendar_units_keep_wall_clock_time_across_dst() -> None:
    before = pendulum.datetime(2026, 3, 28, 10, 30, tz=LONDON)  # day before clocks go forward
    after = parse_when("tomorrow", before)
    assert (after.hour, after.minute) == (10, 30)
    assert after.utcoffset() == dt.timedelta(hours=1)
    # Hours are elapsed time: 24 hours later is 11:30 on the wall clock.
    assert parse_when("24h", before) == pendulum.datetime(2026, 3, 29, 11, 30, tz=LONDON)


# --- errors -----------------------------------------------------------------------------------


def _error(text: str) -> str:
    with pytest.raises(InvalidInput) as info:
        parse_when(text, NOW)
    with pytest.raises(InvalidInput):
        parse_date(text, NOW)
    message = str(info.value)
    assert len(message.splitlines()) == 1
    return message


def test_unreadable_text_names_the_text_and_examples() -> None:
    assert _error("blorp") == (
        'can\'t read "blorp" as a date; try today, yesterday, fri, last friday, next week, '
        "in 3 days, 3 days ago, 2w, dec 1 or 2026-12-01"
    )


@pytest.mark.parametrize(
    "text",
    [
        "blorp",
        "fri day",
        "last",
        "next",
        "in",
        "ago",
        "in days",
        "3 ago",
        "in -3 days",
        "3 fortnights",
        "2x",
        "++3d",
        "this week",
        "13/12/2026",
        "2026-1-1",
        "2026-12-01T9:00",
        "2026-12-01T09",
        "20261201",
        "dec",
        "dec 1 27",
        "1 2 3",
        "\x00",
        "dec\x001",
        "🎉",
        "fri🎉",
        "ｆｒｉ",  # full-width letters
        "\u212aelvin",  # Kelvin sign lower-cases to ASCII k
    ],
)
def test_unreadable(text: str) -> None:
    assert _error(text).startswith("can't read ")


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty(text: str) -> None:
    assert _error(text).startswith("no date given; try today")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("feb 30", "February has at most 29 days"),
        ("30 feb", "February has at most 29 days"),
        ("apr 31", "April has at most 30 days"),
        ("dec 0", "December has at most 31 days"),
        ("dec 32", "December has at most 31 days"),
        ("feb 29 2027", "February 2027 has 28 days"),
        ("2026-02-29", "February 2026 has 28 days"),
        ("2026-02-30T10:00", "February 2026 has 28 days"),
        ("2026-13-01", "months go from 1 to 12"),
        ("2026-00-10", "months go from 1 to 12"),
        ("2026-12-01T24:00", "use 00:00 to 23:59"),
        ("2026-12-01T10:60", "use 00:00 to 23:59"),
        ("2026-12-01T10:00+25:00", "use e.g. +01:00"),
    ],
)
def test_impossible_dates(text: str, detail: str) -> None:
    message = _error(text)
    assert message.startswith("no such ")
    assert f'"{text}"' in message
    assert detail in message


@pytest.mark.parametrize(
    "text",
    [
        "in 99999999999 days",
        "99999999999 days ago",
        "in 999999 years",
        "999999999d",
        "-999999999m",
        "in 999999999 months",
        "0000-01-01",
        "dec 1 0000",
        "9999-12-31T23:00-05:00",
        "0001-01-01T00:00+05:00",
        "in " + "9" * 5000 + " days",
    ],
)
def test_too_far(text: str) -> None:
    assert "too far away" in _error(text)


def test_too_far_from_the_edge_of_time() -> None:
    end = pendulum.datetime(2200, 12, 31, 12, tz="UTC")
    with pytest.raises(InvalidInput, match="too far away"):
        parse_when("tomorrow", end)
    assert parse_date("today", end) == d(2200, 12, 31)


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "2201-01-01", "dec 1 1000"])
def test_dates_fall_in_years_1900_to_2200(text: str) -> None:
    """Issue 9: `netty remind 1 0001-01-01 x` stored a date every later `due` failed on."""
    assert "years 1900 to 2200" in _error(text)
    assert parse_date("1900-01-01", NOW) == d(1900, 1, 1)
    assert parse_date("2200-12-31", NOW) == d(2200, 12, 31)


def test_message_quotes_clean_truncated_text() -> None:
    message = _error("x" * 100 + "\n\u2028\x1b[31m" + "y")
    assert '"' + "x" * 39 + '…"' in message
    assert "\x1b" not in message
    message = _error("bl\x00o\x07rp\u200b")
    assert '"blorp"' in message
    assert _error("\x00\x01").startswith("can't read that as a date")


# --- parse_span ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "hours"),
    [
        ("7d", 7, 0),
        ("2w", 14, 0),
        ("3m", 90, 0),  # a month is 30 days
        ("1y", 365, 0),  # a year is 365 days
        ("7 days", 7, 0),
        ("1 day", 1, 0),
        ("2 weeks", 14, 0),
        ("6 months", 180, 0),
        ("2 years", 730, 0),
        ("24h", 1, 0),
        ("36 hours", 1, 12),
        ("a week", 7, 0),
        ("an hour", 0, 1),
        ("  7  D ", 7, 0),
        ("0d", 0, 0),
    ],
)
def test_parse_span(text: str, days: int, hours: int) -> None:
    span = parse_span(text)
    assert isinstance(span, pendulum.Duration)
    assert span.total_seconds() == days * 86400 + hours * 3600


def test_parse_span_minutes() -> None:
    assert parse_span("90 min").total_seconds() == 90 * 60


@pytest.mark.parametrize(
    "text",
    ["", " ", "7", "d", "-7d", "+7d", "7x", "in 7 days", "7 days ago", "blorp", "🎉", "7d\x00"],
)
def test_parse_span_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_span(text)
    message = str(info.value)
    assert message.startswith("can't read ")
    assert "as a span of time; try 7d, 2w, 3m, 1y, 24h, 7 days or 2 weeks" in message
    assert len(message.splitlines()) == 1


@pytest.mark.parametrize("text", ["99999999999d", "999999999y", "9" * 5000 + "d"])
def test_parse_span_too_long(text: str) -> None:
    with pytest.raises(InvalidInput, match="too long a span"):
        parse_span(text)


# --- ago ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (None, "never"),
        (NOW, "just now"),
        (NOW.subtract(seconds=30), "just now"),
        (NOW.add(seconds=30), "just now"),
        (NOW.subtract(minutes=5), "5 minutes ago"),
        (NOW.subtract(hours=1), "1 hour ago"),
        (NOW.subtract(days=1), "1 day ago"),
        (NOW.subtract(days=3), "3 days ago"),
        (NOW.subtract(weeks=3), "3 weeks ago"),
        (NOW.subtract(months=2), "2 months ago"),
        (NOW.subtract(years=3), "3 years ago"),
        (NOW.add(days=2), "in 2 days"),
        (NOW.add(hours=5), "in 5 hours"),
        (NOW.add(weeks=2), "in 2 weeks"),
        (NOW.add(years=1), "in 1 year"),
        (NOW.in_timezone("Asia/Tokyo").subtract(days=2), "2 days ago"),
    ],
)
def test_ago(moment: pendulum.DateTime | None, expected: str) -> None:
    assert ago(moment, NOW) == expected


def test_ago_and_names_ignore_pendulums_locale() -> None:
    previous = pendulum.get_locale()
    pendulum.set_locale("fr")
    try:
        assert ago(NOW.subtract(weeks=3), NOW) == "3 weeks ago"
        assert parse_date("dec 1", NOW) == d(2026, 12, 1)
        assert parse_date("fri", NOW) == d(2026, 11, 27)
        with pytest.raises(InvalidInput):
            parse_date("ven", NOW)
    finally:
        pendulum.set_locale(previous)


# --- properties ------------------------------------------------------------------------------

_WORDS = [
    "in",
    "ago",
    "a",
    "an",
    "last",
    "next",
    "this",
    "of",
    "days",
    "week",
    "months",
    "year",
    "h",
    "d",
    "w",
    "m",
    "y",
    "fri",
    "thurs",
    "dec",
    "feb",
    "1st",
    "29",
    "30",
    "2026",
    "0",
    "-",
    "+",
    ":",
    "T",
    "Z",
    "2026-02-29",
    "2026-12-01T09:00",
    "+01:00",
    "99999999999",
    "999999",
]
phrase_like = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.integers(0, 10**12).map(str)), max_size=5
).map(" ".join)
any_text = st.one_of(st.text(), phrase_like)


def _check_single_line(error: InvalidInput) -> None:
    message = str(error)
    assert message
    assert len(message.splitlines()) == 1
    assert message == message.strip()


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_parse_when_returns_a_datetime_or_invalid_input(text: str) -> None:
    try:
        result = parse_when(text, NOW)
    except InvalidInput as error:
        _check_single_line(error)
    else:
        assert isinstance(result, pendulum.DateTime)
        assert result.timezone_name == LONDON


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_parse_date_returns_a_date_or_invalid_input(text: str) -> None:
    try:
        result = parse_date(text, NOW)
    except InvalidInput as error:
        _check_single_line(error)
    else:
        assert type(result) is pendulum.Date


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_parse_span_returns_a_duration_or_invalid_input(text: str) -> None:
    try:
        result = parse_span(text)
    except InvalidInput as error:
        _check_single_line(error)
    else:
        assert isinstance(result, pendulum.Duration)
        assert result.total_seconds() >= 0


@given(
    phrase_like,
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.sampled_from(["UTC", LONDON, "America/New_York", "Pacific/Apia", "Asia/Kolkata"]),
)
@settings(max_examples=300, deadline=None)
def test_any_now_never_leaks_other_errors(text: str, when: dt.datetime, zone: str) -> None:
    now = pendulum.instance(when, tz=zone)
    for parse in (parse_when, parse_date):
        try:
            parse(text, now)
        except InvalidInput as error:
            _check_single_line(error)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
@settings(max_examples=300, deadline=None)
def test_iso_dates_round_trip(day: dt.date) -> None:
    text = day.isoformat()
    assert parse_date(text, NOW) == day
    assert parse_when(text, NOW).date() == day


# --- module hygiene ------------------------------------------------------------------------------


def test_no_ui_imports() -> None:
    code = (
        "import sys, netty.dates; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_ago_beyond_a_week_says_what_pendulum_says_for_every_moment_of_a_day() -> None:
    """``ago`` answers once per UTC day beyond a week (a cache); the words must be
    pendulum's own for every moment, in zones with odd offsets and DST."""
    import random

    from netty.dates import _ago

    rng = random.Random(7)
    zones = ["UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"]
    checked = 0
    for zone in zones:
        for _ in range(12):
            now = (
                pendulum.datetime(2026, 1, 1, tz="UTC")
                .add(seconds=rng.randint(0, 3 * 365 * 86400))
                .in_tz(zone)
            )
            utc_now = now.in_tz("UTC")
            for days in [*range(6, 40), *rng.sample(range(40, 1500), 20)]:
                for sign in (-1, 1):
                    base = utc_now.add(days=sign * days)
                    for moment in (
                        base,
                        base.replace(hour=rng.randint(0, 23), minute=rng.randint(0, 59)),
                        base.replace(hour=rng.randint(0, 23), second=rng.randint(0, 59)),
                    ):
                        assert ago(moment, now) == _ago(moment, now), (zone, now, moment)
                        checked += 1
    assert checked > 10_000


def test_ago_says_what_pendulum_says_for_any_two_moments() -> None:
    """``_ago`` builds pendulum's words from its ``precise_diff`` (issue 16: pendulum's
    ``diff_for_humans`` was most of ``netty list``'s Python time); they must be
    pendulum's own: minutes to years, either way, in zones with DST and odd offsets,
    moments in another zone than now, on a DST fold, with and without microseconds."""
    import random

    from netty.dates import _ago, _pendulum_ago

    rng = random.Random(16)
    zones = ["UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]
    nows = [pendulum.datetime(2027, 11, 7, 6, 1, 8, tz="UTC").in_tz("America/New_York")]  # fold
    nows += [
        pendulum.datetime(2026, 1, 1, tz="UTC")
        .add(seconds=rng.randint(0, 3 * 365 * 86400))
        .in_tz(zone)
        for zone in zones
        for _ in range(8)
    ]
    checked = 0
    for now in nows:
        for _ in range(600):
            span = rng.choice((86400, 8 * 86400, 60 * 86400, 800 * 86400))
            micro = rng.randint(60_000_000, span * 1_000_000) * rng.choice((-1, 1))
            moment = now.add(microseconds=micro)
            if rng.random() < 0.5:
                moment = moment.in_tz(rng.choice(["UTC", "Europe/Paris", "Asia/Tokyo"]))
            if rng.random() < 0.3:
                moment = moment.replace(microsecond=0)
            assert _ago(moment, now) == _pendulum_ago(moment, now), (now, moment)
            checked += 1
    assert checked > 20_000
