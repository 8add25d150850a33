"""Reminders as an iCalendar file that calendar apps show.

VEVENTs with a display alarm (several calendar apps ignore VTODO). Each event's
UID is the reminder's id plus this database's random id, so exporting again
updates events instead of duplicating them, and two databases never collide.
An event says what to do and on which date, never "in 4 days" or "3 days ago":
those words would be false on the day the calendar shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pendulum
from icalendar import Alarm, Calendar, Event

from netty.dates import date_in
from netty.services.reminders import DueItem, due
from netty.services.settings import database_id

UPCOMING_DAYS = 30
EVENT_MINUTES = 15


def reminders_calendar(now: pendulum.DateTime, days: int = UPCOMING_DAYS) -> bytes:
    """Everything due now and in the next ``days`` days, as iCalendar bytes."""
    return to_ics(due(now, within=pendulum.duration(days=days)), now)


def to_ics(items: Sequence[DueItem], now: pendulum.DateTime) -> bytes:
    """The items as a VCALENDAR of VEVENTs with alarms (creates the database id if new)."""
    cal = Calendar()
    cal.add("prodid", "-//netty//reminders//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "netty reminders")
    stamp = now.in_tz("UTC")
    scope = database_id(now)
    for item in items:
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
        description = f"{item.what}\n\nDue {due_on}." + (
            f"\n\n{item.wording}" if item.wording else ""
        )
        event.add("description", description + f"\n\nnetty done {item.id}")
        event.add("categories", [item.kind])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{item.kind}: {who}".strip(": ") or item.kind)
        alarm.add("trigger", pendulum.duration(minutes=0))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def write(out, now: pendulum.DateTime) -> int:
    """The exporter interface (``netty export ics``): write the calendar, return the count."""
    items = due(now, within=pendulum.duration(days=UPCOMING_DAYS))
    out.write(to_ics(items, now).decode("utf-8"))
    return len(items)
