"""Open follow-ups and reminders are shown, each with the note (and event) that set it."""

from __future__ import annotations

import pytest

from netty.services import reminders
from netty.services.contacts import ContactFields, add_contact
from netty.services.events import read_people, record_event
from netty.services.notes import record_note
from netty.services.prep import build_prep_sheet
from netty.services.timeline import contact_detail, reminders_of, timeline


@pytest.fixture
def sally(db, now):
    return add_contact(ContactFields(name="Sally Jones"), now.subtract(days=30)).id


def test_a_follow_up_remembers_the_note_that_set_it(sally, now):
    record_note(
        [sally],
        "coffee at Blue Bottle; follow up in 2 weeks about the design role",
        kind="coffee",
        when=now.subtract(days=1),
        now=now,
    )
    [r] = reminders_of(sally)
    assert (r.text, r.done_at) == ("about the design role", None)
    assert r.due_at.date() == now.add(weeks=2).date()
    assert r.source.kind == "coffee" and r.source.summary == "coffee at Blue Bottle"
    assert r.origin("UTC") == (
        f"from the coffee on 22 Nov 2026 ({r.source.ref}): “coffee at Blue Bottle”"
    )
    assert contact_detail(sally).reminders == (r,)


def test_one_set_by_hand_says_when_and_an_event_names_itself(sally, now):
    reminders.remind(sally, now.add(days=3), "send the article", now)
    people = read_people("Sally Jones follow up: the panel next week", now)
    record_event(
        "Rotary breakfast", when=now, people=[(people[0], sally)], now=now, channel="civic club"
    )
    by_hand, from_event = reminders_of(sally)  # soonest due first
    assert by_hand.source is None and by_hand.origin("UTC") == "set on 23 Nov 2026"
    assert from_event.source.event.name == "Rotary breakfast"
    assert "at Rotary breakfast on 23 Nov 2026" in from_event.origin("UTC")
    upcoming = [i.text for i in timeline(sally, now) if i.upcoming]
    assert upcoming == ["send the article · set 23 Nov", "the panel · Rotary breakfast"]


def test_the_timeline_shows_upcoming_first_then_history(sally, now):
    record_note([sally], "call; follow up tomorrow about the deck", kind="call", when=now, now=now)
    late = reminders.remind(sally, now.subtract(days=2), "ask about Bob", now.subtract(days=5))
    items = timeline(sally, now)
    upcoming = [i for i in items if i.upcoming]
    assert [i.ref for i in upcoming] == [late, upcoming[1].ref]  # soonest due first
    assert upcoming[0].status == "overdue" and upcoming[1].status is None
    assert (upcoming[0].text, upcoming[1].text) == (
        "ask about Bob · set 18 Nov",
        "about the deck · call 23 Nov",
    )
    assert "From the call on 23 Nov 2026 (i1): “call”" in upcoming[1].detail
    assert items[: len(upcoming)] == upcoming and not any(i.upcoming for i in items[2:])
    reminders.done(late, now)
    items = timeline(sally, now)
    assert [i.ref for i in items if i.upcoming] == [upcoming[1].ref]
    followed = [i for i in items if i.ref == late]
    assert [(i.label, i.status, i.upcoming) for i in followed] == [("followed up", "done", False)]


def test_a_snoozed_reminder_says_until_when(sally, now):
    rid = reminders.remind(sally, now.subtract(days=1), "ask about Bob", now.subtract(days=5))
    reminders.snooze(rid, now.add(days=7), now)
    [item] = [i for i in timeline(sally, now) if i.upcoming]
    assert item.status == "snoozed to 30 Nov"


def test_the_prep_sheet_lists_open_follow_ups_with_their_source(sally, now):
    record_note([sally], "coffee; follow up in 3 days: the panel", kind="coffee", when=now, now=now)
    done = reminders.remind(sally, now.add(days=1), "already done", now)
    reminders.done(done, now)
    section = build_prep_sheet(sally, now).section("Follow-ups")
    assert section.lines == ("26 Nov: the panel (from the coffee on 23 Nov 2026 (i1): “coffee”)",)
