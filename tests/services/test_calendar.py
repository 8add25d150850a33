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
