"""Reminders as an iCalendar file that calendar apps show.

VEVENTs with a display alarm (several calendar apps ignore VTODO). Each event's
UID is the reminder's id plus this database's random id, so exporting again
updates events instead of duplicating them, and two databases never collide.
An event says what to do and on which date, never "in 4 days" or "3 days ago":
those words would be false on the day the calendar shows them.

Birthdays and anniversaries are not dated reminders here but one yearly all-day
event each (``RRULE:FREQ=YEARLY``, RFC 5545 section 3.8.5.3), UID
``birthday-c12.<database id>@netty``. ``DTSTART`` is the date itself when its year
is known, else that day in 2000 (a leap year, so a year-less 29 February is a real
day). A 29 February date recurs with ``BYMONTH=2;BYMONTHDAY=-1``: the last day of
February, so 28 February in common years, as the reminder engine has it. Text dates
(no month and day) are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pendulum
from icalendar import Alarm, Calendar, Event

from netty.dates import date_in
from netty.db.models import Contact, ContactDate, database
from netty.services.birthdays import DateValue
from netty.services.reminders import DATE_KINDS, DueItem, iter_due
from netty.services.settings import database_id

YEARLESS_YEAR = 2000  # DTSTART's year for a date without one: a leap year

UPCOMING_DAYS = 30
EVENT_MINUTES = 15


def reminders_calendar(now: pendulum.DateTime, days: int = UPCOMING_DAYS) -> bytes:
    """Everything due now and in the next ``days`` days, and every birthday and
    anniversary as a yearly event, as iCalendar bytes."""
    return to_ics(_dated(now, days), now, yearly_dates())


def _dated(now: pendulum.DateTime, days: int) -> Iterator[DueItem]:
    """The dated reminders, read as iterated: birthdays and anniversaries come as
    yearly events instead."""
    items = iter_due(now, within=pendulum.duration(days=days))
    return (i for i in items if i.kind not in DATE_KINDS)


def yearly_dates() -> Iterator[tuple[int, str, DateValue]]:
    """``(contact id, name, date)`` for every birthday and anniversary with a month and
    day, of contacts not archived, by contact and kind, read as iterated."""
    rows = (
        ContactDate.select(
            ContactDate.kind,
            ContactDate.year,
            ContactDate.month,
            ContactDate.day,
            Contact.id,
            Contact.name,
        )
        .join(Contact)
        .where(
            ContactDate.month.is_null(False)
            & ContactDate.day.is_null(False)
            & Contact.archived_at.is_null()
        )
        .order_by(Contact.id, ContactDate.kind.desc(), ContactDate.position, ContactDate.id)
        .tuples()
    )
    last = None
    for kind, year, month, day, cid, name in rows.iterator():
        if (cid, kind) != last:  # one event per contact and kind: the first date (rows
            last = (cid, kind)  # of one contact and kind come together, in this order)
            yield cid, name, DateValue(kind, year, month, day)


def yearly_event(contact_id: int, name: str, value: DateValue, scope: str, stamp) -> Event:
    """One all-day event recurring every year on the date (see the module docstring)."""
    year = value.year if value.year and value.year >= 1 else YEARLESS_YEAR
    if value.month == 2 and value.day == 29 and not pendulum.date(year, 1, 1).is_leap_year():
        year = YEARLESS_YEAR  # a stored 29 February in a common year: start on a real one
    start = dt.date(year, value.month, value.day)
    event = Event()
    event.add("uid", f"{value.name}-c{contact_id}.{scope}@netty")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(days=1))
    rule: dict = {"freq": "yearly"}
    if value.month == 2 and value.day == 29:
        rule.update(bymonth=2, bymonthday=-1)  # the last day of February, every year
    event.add("rrule", rule)
    event.add("summary", f"{name}'s {value.name}"[:200])
    event.add("description", f"{name}'s {value.name}: {value.label()}")
    event.add("categories", [value.name])
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{name}'s {value.name}"[:200])
    alarm.add("trigger", dt.timedelta(hours=9))  # 9:00 on the day
    event.add_component(alarm)
    return event


def to_ics(
    items: Iterable[DueItem],
    now: pendulum.DateTime,
    yearly: Iterable[tuple[int, str, DateValue]] = (),
) -> bytes:
    """The items as a VCALENDAR of VEVENTs with alarms, then the ``yearly`` dates
    (:func:`yearly_dates`) as recurring all-day events (creates the database id if new)."""
    return b"".join(ics_chunks(items, now, yearly))


def ics_chunks(
    items: Iterable[DueItem],
    now: pendulum.DateTime,
    yearly: Iterable[tuple[int, str, DateValue]] = (),
    counted: list[int] | None = None,
) -> Iterator[bytes]:
    """:func:`to_ics` in pieces: the calendar's opening lines, one VEVENT at a time,
    then ``END:VCALENDAR``; joined, the bytes ``Calendar.to_ical()`` gives for the
    whole calendar (RFC 5545 section 3.4: a component's lines, then each
    subcomponent's). Items are read as the pieces are, so memory stays flat
    (issue 16). ``counted``, when given, gets the number of events appended."""
    cal = Calendar()
    cal.add("prodid", "-//netty//reminders//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "netty reminders")
    head = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end), head  # a calendar without events ends with its END line
    yield head[: -len(end)]
    stamp = now.in_tz("UTC")
    scope = database_id(now)
    count = 0
    for item in items:
        yield _dated_event(item, now, scope, stamp).to_ical()
        count += 1
    for contact_id, name, value in yearly:
        yield yearly_event(contact_id, name, value, scope, stamp).to_ical()
        count += 1
    if counted is not None:
        counted.append(count)
    yield end


def _dated_event(item: DueItem, now: pendulum.DateTime, scope: str, stamp) -> Event:
    """One reminder as a 15-minute event with a display alarm."""
    # Overdue items are placed today, so they show up where people look.
    start = max(item.due_at, now).in_tz("UTC").replace(second=0, microsecond=0)
    event = Event()
    event.add("uid", f"{item.id}.{scope}@netty")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start.add(minutes=EVENT_MINUTES))
    who = f"{item.contact}: " if item.contact else ""
    event.add("summary", f"{item.kind}: {who}{item.what}"[:200])
    due_on = date_in(item.due_at, now, "cli")
    description = f"{item.what}\n\nDue {due_on}." + (f"\n\n{item.wording}" if item.wording else "")
    event.add("description", description + f"\n\nnetty done {item.id}")
    event.add("categories", [item.kind])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{item.kind}: {who}".strip(": ") or item.kind)
    alarm.add("trigger", pendulum.duration(minutes=0))
    event.add_component(alarm)
    return event


def write(out, now: pendulum.DateTime) -> int:
    """The exporter interface (``netty export ics``): write the calendar, return the
    number of events (dated reminders plus yearly birthdays and anniversaries).

    Streamed: one read transaction, each event written as it is made (issue 16).
    """
    counted: list[int] = []
    database_id(now)  # made (a write) before the read, if this database has none yet
    with database.atomic():
        for chunk in ics_chunks(_dated(now, UPCOMING_DAYS), now, yearly_dates(), counted):
            out.write(chunk.decode("utf-8"))
    return counted[0]
