"""Turn the date phrases people type into pendulum values.

Everything here is pure: the current time is always passed in as ``now`` and
every result is expressed in ``now``'s timezone. Bad input raises
:class:`~netty.errors.InvalidInput` with a one-line message; no other exception
escapes the public functions.

Phrases understood by :func:`parse_when` and :func:`parse_date` (case does not
matter, surrounding and repeated spaces are ignored):

* ``now``, ``today``, ``yesterday``, ``tomorrow``
* weekdays, full or abbreviated (``fri``, ``friday``, ``thu``/``thur``/``thurs``,
  ``tue``/``tues``, ``wed``/``weds`` ...):

  - a bare weekday and ``next <weekday>`` both mean the next such day strictly
    after today (on a Monday, ``mon`` is a week ahead);
  - ``last <weekday>`` is the most recent such day strictly before today;
  - ``this <weekday>`` is that day of the current Monday-to-Sunday week, which
    may be in the past, or today.

* ``next week`` / ``last week`` (plus or minus 7 days), ``next month`` /
  ``last month``, ``next year`` / ``last year``
* ``in 3 days``, ``in 2 weeks``, ``in 1 month``, ``in a week``, ``in an hour``,
  ``in 30 minutes``, ``in 3d``
* ``3 days ago``, ``2 weeks ago``, ``a month ago``, ``1 year ago``, ``2h ago``
* short forms ``3d``, ``2w``, ``1m`` (a month), ``1y``, ``24h``: a bare or ``+``
  span is in the FUTURE ("follow up 2w"); a ``-`` span is in the past (``-2w``).
  ``3 days`` without ``in`` is read the same way as ``3d``.
* month and day: ``dec 1``, ``1 dec``, ``december 1``, ``Dec 1st``,
  ``1st of december``, ``dec 1, 2027``, ``1 dec 2027``. Without a year the
  date is the occurrence nearest to today (looking back and ahead), which is
  always within about six months either side; a tie goes to the future. For
  ``feb 29`` without a year that is the nearest leap day, however far.
* ISO dates ``2026-12-01`` and date-times ``2026-12-01T09:00``,
  ``2026-12-01 09:00:00``, ``2026-12-01T09:00+01:00``, ``2026-12-01T09:00Z``.
  A date-time without an offset is in ``now``'s timezone; one with an offset
  is the same instant, converted to ``now``'s timezone.

Month and weekday names are English and built in: the locale does not matter.

Calendar units (days, weeks, months, years) move by calendar days and keep the
wall-clock time of ``now``; ``in 1 month`` from Jan 31 is the last day of
February. Hours and minutes move by elapsed time.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import pendulum
from pendulum import Date, DateTime, Duration
from pendulum.helpers import precise_diff

from netty.errors import InvalidInput

__all__ = [
    "DATE_STYLES",
    "MAX_YEAR",
    "MIN_YEAR",
    "ago",
    "date_in",
    "day_words",
    "days_words",
    "due_words",
    "local_day",
    "moment_in",
    "parse_date",
    "parse_span",
    "parse_when",
    "plural",
]

_EXAMPLES = (
    "today, yesterday, fri, last friday, next week, in 3 days, 3 days ago, 2w, dec 1 or 2026-12-01"
)
_SPAN_EXAMPLES = "7d, 2w, 3m, 1y, 24h, 7 days or 2 weeks"
_QUOTE_LIMIT = 40
# Numbers longer than this are never a sensible amount of anything.
_MAX_DIGITS = 9
# Every date netty reads or stores falls in these years (the documented range).
MIN_YEAR = 1900
MAX_YEAR = 2200
# The longest span of time: the whole range of years.
_MAX_SPAN_DAYS = (MAX_YEAR - MIN_YEAR + 1) * 366

_WEEKDAYS: dict[str, pendulum.WeekDay] = {}
for _day, _names in (
    (pendulum.MONDAY, ("mon", "monday")),
    (pendulum.TUESDAY, ("tue", "tues", "tuesday")),
    (pendulum.WEDNESDAY, ("wed", "weds", "wednesday")),
    (pendulum.THURSDAY, ("thu", "thur", "thurs", "thursday")),
    (pendulum.FRIDAY, ("fri", "friday")),
    (pendulum.SATURDAY, ("sat", "saturday")),
    (pendulum.SUNDAY, ("sun", "sunday")),
):
    for _name in _names:
        _WEEKDAYS[_name] = _day

#: January..December, for saying a month in words.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS: dict[str, int] = {}
for _number, _full in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_full.lower()] = _number
    _MONTHS[_full[:3].lower()] = _number
_MONTHS["sept"] = 9
# Longest days in each month over all years (February has 29 in leap years).
_MONTH_MAX_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_UNITS: dict[str, str] = {}
for _unit, _names in (
    ("minutes", ("min", "mins", "minute", "minutes")),
    ("hours", ("h", "hr", "hrs", "hour", "hours")),
    ("days", ("d", "day", "days")),
    ("weeks", ("w", "wk", "wks", "week", "weeks")),
    ("months", ("m", "mo", "mos", "month", "months")),
    ("years", ("y", "yr", "yrs", "year", "years")),
):
    for _name in _names:
        _UNITS[_name] = _unit
_CLOCK_UNITS = frozenset({"minutes", "hours"})

_WEEKDAY_RE = re.compile(r"(?:(?P<which>last|next|this) )?(?P<day>[a-z]+)")
_RELATIVE_RE = re.compile(r"(?P<which>last|next) (?P<unit>week|month|year)")
_IN_RE = re.compile(r"in (?P<n>[0-9]+|an?) ?(?P<unit>[a-z]+)")
_AGO_RE = re.compile(r"(?P<n>[0-9]+|an?) ?(?P<unit>[a-z]+) ago")
_SHORT_RE = re.compile(r"(?P<sign>[+-]?)(?P<n>[0-9]+) ?(?P<unit>[a-z]+)")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (?P<year>[0-9]{4}))?"
_MONTH_DAY_RE = re.compile(rf"(?P<month>[a-z]+)\.? (?P<day>[0-9]+){_ORD}{_YEAR}")
_DAY_MONTH_RE = re.compile(rf"(?P<day>[0-9]+){_ORD}(?: of)? (?P<month>[a-z]+)\.?{_YEAR}")
_SPAN_RE = re.compile(r"(?P<n>[0-9]+|an?) ?(?P<unit>[a-z]+)")
_ISO_DATE_RE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})")
_ISO_DATETIME_RE = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})[t ]"
    r"(?P<hh>[0-9]{2}):(?P<mm>[0-9]{2})(?::(?P<ss>[0-9]{2})(?:[.,](?P<frac>[0-9]{1,6}))?)?"
    r"(?: ?(?P<tz>z|[+-][0-9]{2}(?::?[0-9]{2})?))?"
)


@dataclass(frozen=True)
class _Day:
    """A phrase that names a calendar day; the time of day comes from ``now``."""

    day: Date


@dataclass(frozen=True)
class _Moment:
    """A phrase that names an exact instant."""

    moment: DateTime


def parse_when(text: str, now: DateTime) -> DateTime:
    """The moment ``text`` names, in ``now``'s timezone.

    Phrases that only name a day (``yesterday``, ``fri``, ``dec 1``,
    ``in 3 days``, ``2026-12-01`` ...) keep ``now``'s time of day, so
    ``yesterday`` is exactly one calendar day before ``now``. Explicit ISO
    date-times keep the time given. Raises :class:`InvalidInput` for anything
    else.
    """
    result = _resolve(text, now)
    if isinstance(result, _Moment):
        return result.moment
    try:
        return now.on(result.day.year, result.day.month, result.day.day)
    except (ValueError, OverflowError) as exc:
        raise _too_far(text) from exc


def parse_date(text: str, now: DateTime) -> Date:
    """The calendar day ``text`` names, as seen from ``now``'s timezone.

    Used for due dates and horizons. For phrases naming an instant (``now``,
    ``in 3 hours``, an ISO date-time) it is the day that instant falls on in
    ``now``'s timezone. Raises :class:`InvalidInput` for anything else.
    """
    result = _resolve(text, now)
    if isinstance(result, _Day):
        return result.day
    moment = result.moment
    return pendulum.date(moment.year, moment.month, moment.day)


def parse_span(text: str) -> Duration:
    """A length of time such as ``7d``, ``2w``, ``3m``, ``1y``, ``24h``, ``7 days``.

    For options like ``--within 7d``. A month counts as 30 days and a year as
    365 days. ``a week`` and ``an hour`` work too. Raises :class:`InvalidInput`
    for anything else, and for a span longer than the range of years
    (``MIN_YEAR`` to ``MAX_YEAR``).
    """
    phrase = _normalise(text)
    match = None if phrase is None else _SPAN_RE.fullmatch(phrase)
    unit = _UNITS.get(match["unit"]) if match else None
    if match is None or unit is None:
        raise InvalidInput(f"can't read {_quote(text)} as a span of time; try {_SPAN_EXAMPLES}")
    count = _count(match["n"])
    if count is None:
        raise InvalidInput(f"{_quote(text)} is too long a span of time; try {_SPAN_EXAMPLES}")
    try:
        if unit == "months":
            span = pendulum.duration(days=30 * count)
        elif unit == "years":
            span = pendulum.duration(days=365 * count)
        else:
            span = pendulum.duration(**{unit: count})
        if span.total_days() > _MAX_SPAN_DAYS:
            raise OverflowError(span)
        return span
    except (ValueError, OverflowError) as exc:
        raise InvalidInput(
            f"{_quote(text)} is too long a span of time; try {_SPAN_EXAMPLES}"
        ) from exc


def ago(moment: DateTime | None, now: DateTime) -> str:
    """How long ago (or ahead) ``moment`` is from ``now``, in plain English.

    ``"never"`` for None, ``"just now"`` within a minute either side, otherwise
    pendulum's wording as in ``"3 weeks ago"`` or ``"in 2 days"``.
    """
    if moment is None:
        return "never"
    seconds = moment.timestamp() - now.timestamp()
    if abs(seconds) < 60:
        return "just now"
    if abs(seconds) < _FAR_SECONDS:
        return _ago(moment, now)
    # Beyond a week pendulum's wording depends only on the UTC calendar day and on
    # whether the time of day is before, at or after now's (a borrowed day), so one
    # answer serves every moment of that day: ``netty list`` at 50,000 contacts says
    # it once per day instead of once per person (checked against pendulum for
    # 230,000 pairs in six zones, tests/test_dates.py).
    utc = moment.astimezone(dt.UTC)
    ref = now.astimezone(dt.UTC)
    key = (now, utc.date(), (utc.time() > ref.time()) - (utc.time() < ref.time()))
    said = _FAR.get(key)
    if said is None:
        if len(_FAR) > 4096:
            _FAR.clear()
        said = _FAR[key] = _ago(moment, now)
    return said


_FAR_SECONDS = 8 * 86400
_FAR: dict[tuple, str] = {}


def _ago(moment: DateTime, now: DateTime) -> str:
    """pendulum's ``diff_for_humans`` words (English), without its Interval, Duration
    and locale machinery: 40 µs a call was most of ``netty list --search``'s Python
    time at 50,000 contacts (430 calls). The same ``precise_diff`` on the same plain
    datetimes, then pendulum's rounding rules (``DifferenceFormatter.format``);
    checked against ``_pendulum_ago`` in tests/test_dates.py."""
    if not (isinstance(moment, DateTime) and isinstance(now, DateTime)):
        return _pendulum_ago(moment, now)
    start, end = (now, moment) if moment > now else (moment, now)
    diff = precise_diff(_plain(start), _plain(end))
    weeks, days = divmod(diff.days, 7)
    if diff.years > 0:
        unit, count = "year", diff.years + (diff.months > 6)
    elif diff.months == 11 and weeks * 7 + days > 15:
        unit, count = "year", 1
    elif diff.months > 0:
        unit, count = "month", diff.months + (weeks * 7 + days >= 27)
    elif weeks > 0:
        unit, count = "week", weeks + (days > 3)
    elif days > 0:
        unit, count = "day", days + (diff.hours >= 22)
    elif diff.hours > 0:
        unit, count = "hour", diff.hours
    elif diff.minutes > 0:
        unit, count = "minute", diff.minutes
    else:  # seconds: pendulum counts them from the elapsed time
        return _pendulum_ago(moment, now)
    amount = f"{count} {unit}" + ("" if count == 1 else "s")
    return f"in {amount}" if moment > now else f"{amount} ago"


def _plain(moment: DateTime) -> dt.datetime:
    """``moment`` as the plain datetime pendulum's Interval hands to ``precise_diff``."""
    return dt.datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=moment.tzinfo,
    )


def _pendulum_ago(moment: DateTime, now: DateTime) -> str:
    amount = moment.diff_for_humans(now, absolute=True, locale="en")
    return f"in {amount}" if moment > now else f"{amount} ago"


# --- saying times -----------------------------------------------------------------------
#
# Every sentence that says when something is due is built here, so the app, the CLI, the
# calendar export and the prep sheet agree: calendar days in the user's zone (``now``'s),
# never a negative count, singular and plural right.

#: One date style per kind of place: the due list and contact list, the timeline, the
#: prep sheet, dialogs and notifications, and CLI text (ISO, for scripts and grep).
DATE_STYLES = {
    "list": "ddd D MMM",
    "timeline": "YYYY-MM-DD",
    "prep": "D MMM YYYY",
    "dialog": "dddd D MMMM YYYY",
    "cli": "YYYY-MM-DD",
}


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and the noun, singular or plural: ``1 day``, ``2 days``, ``2,069 pings``.

    ``many`` is the plural when adding ``s`` is wrong (``plural(2, "thing is", "things
    are")``).
    """
    word = noun if count == 1 else (many or noun + "s")
    return f"{count:,} {word}"


def local_day(value: Date | DateTime, now: DateTime) -> Date:
    """The calendar day ``value`` falls on in ``now``'s timezone (a Date stays itself)."""
    if isinstance(value, DateTime):
        moment = value.in_tz(now.tz or pendulum.UTC)
        return pendulum.date(moment.year, moment.month, moment.day)
    return pendulum.date(value.year, value.month, value.day)


def day_words(value: Date | DateTime, now: DateTime) -> str:
    """A day relative to today, in ``now``'s zone, counted in calendar days.

    ``today``, ``tomorrow``, ``yesterday``, ``in 3 days`` or ``3 days ago``; something
    at 16:00 today is ``today``, never ``in 1 day``.
    """
    return days_words(local_day(value, now).toordinal() - local_day(now, now).toordinal())


def days_words(days: int) -> str:
    """A day ``days`` calendar days from today (negative: past), in words.

    ``today``, ``tomorrow``, ``yesterday``, ``in 3 days``, ``3 days ago``. For hot loops
    that already know the count (the reminder engine's pings); see :func:`day_words`.
    """
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {plural(days, 'day')}" if days > 0 else f"{plural(-days, 'day')} ago"


def due_words(value: Date | DateTime, now: DateTime) -> str:
    """``due today``, ``due tomorrow``, ``due in 3 days``, ``due yesterday``, ``due 3 days ago``.

    The one way netty says when something is (or was) due; see :func:`day_words`.
    """
    return f"due {day_words(value, now)}"


def date_in(value: Date | DateTime, now: DateTime, place: str) -> str:
    """``value`` as a date in the style of ``place`` (a key of :data:`DATE_STYLES`).

    A moment is shown on its day in ``now``'s zone. Raises KeyError for an unknown place.
    """
    style = DATE_STYLES[place]
    day = local_day(value, now)
    return day.format(style, locale="en")


def moment_in(value: DateTime, now: DateTime, place: str) -> str:
    """A moment as its date in the style of ``place`` and its time (``HH:mm``), in
    ``now``'s zone: ``2026-11-25 15:00`` on the command line."""
    moment = value.in_tz(now.tz or pendulum.UTC)
    sep = ", " if place == "dialog" else " "
    return f"{date_in(moment, now, place)}{sep}{moment.format('HH:mm')}"


# --- the parser -------------------------------------------------------------------------


def _resolve(text: str, now: DateTime) -> _Day | _Moment:
    """Read ``text`` into a day or an instant within years MIN_YEAR..MAX_YEAR, or
    raise InvalidInput."""
    phrase = _normalise(text)
    if phrase == "":
        raise InvalidInput(f"no date given; try {_EXAMPLES}")
    try:
        result = None if phrase is None else _read(phrase, now, text)
    except (ValueError, OverflowError) as exc:
        raise _too_far(text) from exc
    if result is None:
        raise InvalidInput(f"can't read {_quote(text)} as a date; try {_EXAMPLES}")
    year = result.day.year if isinstance(result, _Day) else result.moment.in_tz(now.tz).year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _too_far(text)
    return result


def _read(phrase: str, now: DateTime, text: str) -> _Day | _Moment | None:
    """Try every form in turn; None when none matches.

    Date arithmetic may raise ValueError or OverflowError for results outside
    years 1-9999; the caller turns those into InvalidInput.
    """
    today = pendulum.date(now.year, now.month, now.day)
    if phrase == "now":
        return _Moment(now)
    if phrase == "today":
        return _Day(today)
    if phrase == "yesterday":
        return _Day(today.subtract(days=1))
    if phrase == "tomorrow":
        return _Day(today.add(days=1))

    if match := _WEEKDAY_RE.fullmatch(phrase):
        weekday = _WEEKDAYS.get(match["day"])
        if weekday is not None:
            return _Day(_weekday(today, weekday, match["which"]))

    if match := _RELATIVE_RE.fullmatch(phrase):
        sign = 1 if match["which"] == "next" else -1
        return _Day(today.add(**{match["unit"] + "s": sign}))

    for pattern, sign in ((_IN_RE, 1), (_AGO_RE, -1), (_SHORT_RE, None)):
        match = pattern.fullmatch(phrase)
        if match is None or match["unit"] not in _UNITS:
            continue
        if sign is None:
            sign = -1 if match["sign"] == "-" else 1
        count = _count(match["n"])
        if count is None:
            raise _too_far(text)
        return _shift(today, now, _UNITS[match["unit"]], sign * count)

    for pattern in (_MONTH_DAY_RE, _DAY_MONTH_RE):
        match = pattern.fullmatch(phrase)
        if match is not None and match["month"] in _MONTHS:
            return _Day(_month_day(today, match, text))

    if match := _ISO_DATE_RE.fullmatch(phrase):
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        return _Day(_checked_date(year, month, day, text))

    if match := _ISO_DATETIME_RE.fullmatch(phrase):
        return _Moment(_iso_datetime(match, now, text))

    return None


def _weekday(today: Date, weekday: pendulum.WeekDay, which: str | None) -> Date:
    """The weekday picked by ``which`` (None, "next", "last" or "this")."""
    if which == "last":
        return today.subtract(days=(today.weekday() - weekday) % 7 or 7)
    if which == "this":
        return today.add(days=weekday - today.weekday())
    return today.add(days=(weekday - today.weekday()) % 7 or 7)


def _shift(today: Date, now: DateTime, unit: str, amount: int) -> _Day | _Moment:
    """Move by ``amount`` units: calendar units move the day, clock units the instant."""
    if unit in _CLOCK_UNITS:
        return _Moment(now.add(**{unit: amount}))
    return _Day(today.add(**{unit: amount}))


def _month_day(today: Date, match: re.Match[str], text: str) -> Date:
    """The date a month-and-day phrase names; without a year the nearest one."""
    month = _MONTHS[match["month"]]
    day = int(match["day"]) if len(match["day"]) <= _MAX_DIGITS else 0
    if match["year"] is not None:
        return _checked_date(int(match["year"]), month, day, text)
    if not 1 <= day <= _MONTH_MAX_DAYS[month - 1]:
        raise _no_such_date(text, month, None)
    # Every candidate year within four years holds a leap day, so one is always valid.
    candidates = []
    for year in range(today.year - 4, today.year + 5):
        try:
            candidates.append(pendulum.date(year, month, day))
        except ValueError:
            continue
    # Nearest first; on a tie prefer the future one.
    return min(candidates, key=lambda d: (abs(d.toordinal() - today.toordinal()), d < today))


def _checked_date(year: int, month: int, day: int, text: str) -> Date:
    """``pendulum.date`` with a helpful InvalidInput for impossible dates."""
    if not 1 <= month <= 12:
        raise InvalidInput(f"no such date: {_quote(text)} (months go from 1 to 12)")
    if year < 1:
        raise _too_far(text)
    try:
        return pendulum.date(year, month, day)
    except ValueError as exc:
        raise _no_such_date(text, month, year) from exc


def _iso_datetime(match: re.Match[str], now: DateTime, text: str) -> DateTime:
    """An ISO date-time as an instant in ``now``'s timezone."""
    day = _checked_date(int(match["y"]), int(match["m"]), int(match["d"]), text)
    hour, minute = int(match["hh"]), int(match["mm"])
    second = int(match["ss"] or 0)
    microsecond = int((match["frac"] or "0").ljust(6, "0"))
    if hour > 23 or minute > 59 or second > 59:
        raise InvalidInput(f"no such time: {_quote(text)} (use 00:00 to 23:59)")
    offset = match["tz"]
    if offset is None:
        zone = now.tz or pendulum.UTC
    elif offset == "z":
        zone = pendulum.UTC
    else:
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:
            raise InvalidInput(f"no such time zone offset in {_quote(text)} (use e.g. +01:00)")
        seconds = (hours * 3600 + minutes * 60) * (-1 if offset[0] == "-" else 1)
        zone = pendulum.fixed_timezone(seconds)
    moment = pendulum.datetime(
        day.year, day.month, day.day, hour, minute, second, microsecond, tz=zone
    )
    if now.tz is not None:
        moment = moment.in_timezone(now.tz)
    return moment


# --- helpers ----------------------------------------------------------------------------


def _normalise(text: str) -> str | None:
    """``text`` trimmed, lower-cased, with single spaces; None if it is not ASCII.

    Every phrase is ASCII; refusing anything else up front also keeps
    ``str.lower`` from turning exotic letters (such as the Kelvin sign) into
    ASCII ones.
    """
    phrase = " ".join(text.split())
    return phrase.lower() if phrase.isascii() else None


def _count(number: str) -> int | None:
    """``"3"`` -> 3, ``"a"``/``"an"`` -> 1; None when absurdly long."""
    if number in ("a", "an"):
        return 1
    if len(number) > _MAX_DIGITS:
        return None
    return int(number)


def _quote(text: str) -> str:
    """The user's text, quoted for a one-line message: no control characters, short.

    Text with nothing printable left is shown as ``that``.
    """
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    kept = " ".join(kept.split())
    if not kept:
        return "that"
    if len(kept) > _QUOTE_LIMIT:
        kept = kept[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return f'"{kept}"'


def _too_far(text: str) -> InvalidInput:
    return InvalidInput(
        f"{_quote(text)} is too far away; dates must fall in years {MIN_YEAR} to {MAX_YEAR}"
    )


def _no_such_date(text: str, month: int, year: int | None) -> InvalidInput:
    name = MONTH_NAMES[month - 1]
    if year is None:
        days = _MONTH_MAX_DAYS[month - 1]
        return InvalidInput(f"no such date: {_quote(text)} ({name} has at most {days} days)")
    days = pendulum.date(year, month, 1).days_in_month
    return InvalidInput(f"no such date: {_quote(text)} ({name} {year} has {days} days)")
