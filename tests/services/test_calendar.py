"""The .ics export opens in a real parser with every item, and UIDs are stable."""

from __future__ import annotations

import pendulum
from icalendar import Calendar

from netty.services import ledger
from netty.services.calendar import reminders_calendar
from netty.services.contacts import ContactFields, add_contact
from netty.services.reminders import due, remind
from netty.services.settings import database_id


def test_every_due_and_upcoming_item_is_an_event_with_an_alarm(db, now):
    ann = add_contact(ContactFields(name="Ann [b]Lee[/b]", ring=1), now.subtract(days=30)).id
    ledger.add_promise(ann, "i_owe", "Send the deck", now=now, due=now.date())
    rid = remind(ann, now.add(days=5), "Ask about the role", now)
    scope = database_id(now)
    expected = {f"{i.id}.{scope}@netty" for i in due(now, within=pendulum.duration(days=30))}
    assert {f"ping-{ann}.{scope}@netty", f"deliver-p1.{scope}@netty"} <= expected
    assert f"{rid}.{scope}@netty" in expected

    cal = Calendar.from_ical(reminders_calendar(now))
    events = list(cal.walk("VEVENT"))
    assert {str(e["uid"]) for e in events} == expected
    for event in events:
        assert list(event.walk("VALARM"))
        assert str(event["summary"])
    again = Calendar.from_ical(reminders_calendar(now))
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == expected


# ------------------------------------------------------------------ birthdays, yearly


def _expand(event, years: int) -> list[str]:
    """The first ``years`` occurrences of an event's RRULE (dateutil: icalendar's own
    dependency), as ISO days."""
    from dateutil.rrule import rrulestr

    start = event["dtstart"].dt
    rule = event["rrule"].to_ical().decode()
    begin = pendulum.datetime(start.year, start.month, start.day).naive()
    return [d.date().isoformat() for d in rrulestr(rule, dtstart=begin)[:years]]


def test_birthdays_are_yearly_all_day_events_with_stable_uids(db, now):
    from netty.services.contacts import archive_contact, edit_contact

    sally = add_contact(ContactFields(name="Sally Jones", birthday="1986-12-04"), now).id
    bob = add_contact(ContactFields(name="Bob Lee", anniversary="06-01"), now).id
    gone = add_contact(ContactFields(name="Gone", birthday="01-01"), now).id
    archive_contact(gone, now)
    scope = database_id(now)
    cal = Calendar.from_ical(reminders_calendar(now))
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    birthday = events[f"birthday-c{sally}.{scope}@netty"]
    assert str(birthday["summary"]) == "Sally Jones's birthday"
    assert birthday["dtstart"].dt.isoformat() == "1986-12-04"  # a date: all day
    assert birthday["dtend"].dt.isoformat() == "1986-12-05"
    assert birthday["rrule"].to_ical() == b"FREQ=YEARLY"
    assert _expand(birthday, 3) == ["1986-12-04", "1987-12-04", "1988-12-04"]
    anniversary = events[f"anniversary-c{bob}.{scope}@netty"]
    assert anniversary["dtstart"].dt.isoformat() == "2000-06-01"  # no year: 2000
    assert f"birthday-c{gone}.{scope}@netty" not in events
    # The birthday is due in the engine (within 30 days) but is not a dated event too.
    assert not [u for u in events if u.startswith(f"birthday-c{sally}-")]
    edit_contact(sally, ContactFields(birthday="1986-12-05"), now)
    again = {str(e["uid"]) for e in Calendar.from_ical(reminders_calendar(now)).walk("VEVENT")}
    assert set(events) == again  # the same UIDs: a calendar updates the events


def test_29_february_recurs_on_the_last_day_of_february(db, now):
    leap = add_contact(ContactFields(name="Leap Day", birthday="2000-02-29"), now).id
    plain = add_contact(ContactFields(name="No Year", birthday="02-29"), now).id
    scope = database_id(now)
    events = {str(e["uid"]): e for e in Calendar.from_ical(reminders_calendar(now)).walk("VEVENT")}
    for cid in (leap, plain):
        event = events[f"birthday-c{cid}.{scope}@netty"]
        assert event["dtstart"].dt.isoformat() == "2000-02-29"
        assert b"BYMONTHDAY=-1" in event["rrule"].to_ical()
        assert b"BYMONTH=2" in event["rrule"].to_ical()
        # By hand: the last day of February in 2000..2004, then as the engine says.
        assert _expand(event, 5) == [
            "2000-02-29",
            "2001-02-28",
            "2002-02-28",
            "2003-02-28",
            "2004-02-29",
        ]


def test_text_birthdays_are_not_exported(db, now):
    from netty.services.birthdays import DateValue, set_date

    cid = add_contact(ContactFields(name="Old Friend"), now).id
    set_date(cid, "birthday", DateValue("BDAY", None, None, None, "circa 1800"), now)
    assert not list(Calendar.from_ical(reminders_calendar(now)).walk("VEVENT"))
