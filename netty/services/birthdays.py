"""Birthdays and anniversaries: read, set and clear them, and say when the next one is.

A contact has at most one of each kind as netty sets them (``contact_date`` rows of
kind ``BDAY`` / ``ANNIVERSARY``, the vCard property names of RFC 6350 sections 6.2.5
and 6.2.6). A date is a month and day with an optional year, or free text (a vCard
``VALUE=text`` such as "circa 1800"), which is shown but never reminds.

Typed values (:func:`parse_value`): ``03-15`` or ``--03-15`` or ``--0315`` (no year),
``1980-03-15`` or ``19800315`` (with a year, 1900 to 2200); an empty value clears.
A year-less 29 February is allowed; with a year it must be a leap year.

Occurrences are calendar days in the user's zone (``now``'s). A 29 February
birthday falls on 28 February in common years (:func:`occurrence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pendulum

from netty.dates import MAX_YEAR, MIN_YEAR, MONTH_NAMES, local_day, plural
from netty.db.models import ContactDate
from netty.errors import InvalidInput
from netty.services.changes import change, who

KINDS = {"birthday": "BDAY", "anniversary": "ANNIVERSARY"}
"""The words people use -> the stored kind (the vCard property name)."""
NAMES = {stored: word for word, stored in KINDS.items()}
#: The prep sheet and the contact card say "birthday in 4 days" this many days ahead.
SOON_DAYS = 14


@dataclass(frozen=True)
class DateValue:
    """A birthday or anniversary as stored: ``kind`` is ``BDAY`` or ``ANNIVERSARY``.

    ``month``/``day`` are None for a text value (then ``text`` holds the words);
    ``year`` is None when unknown.
    """

    kind: str
    year: int | None
    month: int | None
    day: int | None
    text: str = ""

    @property
    def name(self) -> str:
        """``birthday`` or ``anniversary``."""
        return NAMES[self.kind]

    @property
    def recurs(self) -> bool:
        """True when it has a month and day (a text value never reminds)."""
        return self.month is not None and self.day is not None

    def label(self) -> str:
        """As people read it: ``15 March 1980``, ``15 March`` or the text."""
        if not self.recurs:
            return self.text
        words = f"{self.day} {MONTH_NAMES[self.month - 1]}"
        return f"{words} {self.year}" if self.year else words

    def iso(self) -> str:
        """As typed and as JSON: ``1980-03-15``, ``--03-15`` (no year) or the text."""
        if not self.recurs:
            return self.text
        tail = f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{tail}" if self.year else f"--{tail}"


_YEARLESS = re.compile(r"^(?:--)?(\d{2})-?(\d{2})$")
_FULL = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")


def parse_value(kind: str, text: str | None) -> DateValue | None:
    """A typed date for ``kind`` (``birthday``/``anniversary`` or ``BDAY``/``ANNIVERSARY``).

    ``03-15``, ``--03-15``, ``--0315``, ``1980-03-15``, ``19800315``; None for an empty
    value (clear). Raises InvalidInput with one line saying what is accepted.
    """
    stored = KINDS.get(kind, kind)
    if stored not in NAMES:
        raise InvalidInput(f"unknown date kind {kind!r}; use birthday or anniversary")
    value = (text or "").strip()
    if not value:
        return None
    name = NAMES[stored]
    match = _FULL.match(value)
    year: int | None = None
    if match:
        year, month, day = (int(x) for x in match.groups())
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidInput(f"{name} year must be from {MIN_YEAR} to {MAX_YEAR}, not {year}")
    else:
        match = _YEARLESS.match(value)
        if not match:
            raise InvalidInput(
                f"{name} {value[:40]!r} is not a date; use MM-DD (03-15) or "
                "YYYY-MM-DD (1980-03-15), or an empty value to clear"
            )
        month, day = (int(x) for x in match.groups())
    if not 1 <= month <= 12:
        raise InvalidInput(f"{name} month must be from 01 to 12, not {month:02d}")
    longest = pendulum.date(year if year else 2000, month, 1).days_in_month  # 2000: a leap year
    if not 1 <= day <= longest:
        where = f"{MONTH_NAMES[month - 1]} {year}" if year else MONTH_NAMES[month - 1]
        raise InvalidInput(f"{name}: {where} has no day {day}")
    return DateValue(stored, year, month, day)


def dates_of(contact_id: int) -> tuple[DateValue, ...]:
    """A contact's birthdays and anniversaries, birthday first, in stored order."""
    rows = (
        ContactDate.select()
        .where(ContactDate.contact == contact_id)
        .order_by(ContactDate.kind.desc(), ContactDate.position, ContactDate.id)
    )  # "BDAY" sorts after "ANNIVERSARY": descending puts the birthday first
    return tuple(DateValue(r.kind, r.year, r.month, r.day, r.text or "") for r in rows)


def first_of(dates: tuple[DateValue, ...], kind: str) -> DateValue | None:
    """The first date of ``kind`` (``BDAY``/``ANNIVERSARY``) among ``dates``, or None."""
    return next((d for d in dates if d.kind == kind), None)


def set_date(contact_id: int, kind: str, value: DateValue | None, now: pendulum.DateTime) -> None:
    """Set (or with None, clear) a contact's birthday or anniversary, as one change.

    Replaces every stored date of that kind (an imported card's extra ones too). Inside
    another change (a contact edit) it joins that change, so ``u`` undoes both at once.
    """
    stored = KINDS.get(kind, kind)
    word = NAMES[stored]
    label = f"{'set' if value else 'cleared'} {word} of {who([contact_id])}"
    with change(label, now, kind="edit"):
        have = ContactDate.select().where(
            (ContactDate.contact == contact_id) & (ContactDate.kind == stored)
        )
        current = [DateValue(r.kind, r.year, r.month, r.day, r.text or "") for r in have]
        if current == ([value] if value else []):
            return  # unchanged: nothing written, no journal entry
        ContactDate.delete().where(
            (ContactDate.contact == contact_id) & (ContactDate.kind == stored)
        ).execute()
        if value is not None:
            ContactDate.create(
                contact=contact_id,
                kind=stored,
                year=value.year,
                month=value.month,
                day=value.day,
                text=value.text,
                position=0,
            )


# ------------------------------------------------------------------ when


def occurrence(month: int, day: int, year: int) -> pendulum.Date:
    """The day a ``month``/``day`` date falls on in ``year``: 29 February is 28 February
    in a common year (the usual convention; RFC 5545 calendars get the same from
    ``BYMONTHDAY=-1``, see :mod:`netty.services.calendar`)."""
    if month == 2 and day == 29 and not pendulum.date(year, 1, 1).is_leap_year():
        return pendulum.date(year, 2, 28)
    return pendulum.date(year, month, day)


def next_occurrence(value: DateValue, today: pendulum.Date) -> pendulum.Date | None:
    """The first day on or after ``today`` the date falls on; None for a text value."""
    if not value.recurs:
        return None
    this_year = occurrence(value.month, value.day, today.year)
    return this_year if this_year >= today else occurrence(value.month, value.day, today.year + 1)


def turns(value: DateValue, on: pendulum.Date) -> int | None:
    """How many years old (or married) on the occurrence ``on``; None without a year."""
    if value.year is None or on.year <= value.year:
        return None
    return on.year - value.year


def event_words(value: DateValue, on: pendulum.Date) -> str:
    """What happens on ``on``: ``birthday``, ``turns 40``, ``anniversary``, ``10th anniversary``."""
    years = turns(value, on)
    if value.kind == "BDAY":
        return f"turns {years}" if years else "birthday"
    return f"{ordinal(years)} anniversary" if years else "anniversary"


def when_words(on: pendulum.Date, today: pendulum.Date) -> str:
    """``today``, ``tomorrow``, ``on Friday`` (within a week) or ``on 12 Dec`` (later)."""
    days = (on - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 7:
        return f"on {on.format('dddd', locale='en')}"
    return f"on {on.format('D MMM', locale='en')}"


def soon_words(value: DateValue, now: pendulum.DateTime, window: int = SOON_DAYS) -> str | None:
    """How the card and prep sheet say it, when it is within ``window`` days; else None.

    ``birthday in 4 days (Friday)``, ``birthday today``, ``turns 40 on Friday (in 4 days)``,
    ``10th anniversary tomorrow``. Days are calendar days in ``now``'s zone.
    """
    today = local_day(now, now)
    on = next_occurrence(value, today)
    if on is None:
        return None
    days = (on - today).days
    if days > window:
        return None
    what = event_words(value, on)
    if days <= 1:
        return f"{what} {when_words(on, today)}"
    if turns(value, on):
        return f"{what} {when_words(on, today)} (in {plural(days, 'day')})"
    return f"{what} in {plural(days, 'day')} ({on.format('dddd D MMM', locale='en')})"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
