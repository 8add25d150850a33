"""Time said right, in one place: the wording helper and everything that uses it.

Exact strings, because the bugs were in the words: ``(due -2 days ago)``, ``due in 1
day`` for 16:00 today, ``ping 0 days overdue; last 0 days ago``, ``1 groups``.
"""

from __future__ import annotations

import pendulum
import pytest

from netty.dates import date_in, day_words, days_words, due_words, plural
from netty.services import ledger
from netty.services.calendar import reminders_calendar
from netty.services.contacts import ContactFields, add_contact, edit_contact, get_contact
from netty.services.reminders import WEEK, count_pings, due, due_count, remind
from netty.services.timeline import log_interaction

NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz="UTC")  # a Monday


@pytest.mark.parametrize(
    ("count", "noun", "many", "said"),
    [
        (1, "day", None, "1 day"),
        (0, "day", None, "0 days"),
        (2, "group", None, "2 groups"),
        (1, "interaction", None, "1 interaction"),
        (2069, "ping", None, "2,069 pings"),
        (1, "thing is", "things are", "1 thing is"),
        (3, "thing is", "things are", "3 things are"),
        (1, "person", "people", "1 person"),
    ],
)
def test_plural(count, noun, many, said):
    assert plural(count, noun, many) == said


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (NOW.set(hour=16), "due today"),  # not "due in 1 day"
        (NOW.set(hour=0, minute=1), "due today"),
        (NOW.add(days=1).set(hour=8), "due tomorrow"),
        (NOW.subtract(days=1), "due yesterday"),
        (NOW.add(days=2), "due in 2 days"),
        (NOW.subtract(days=2), "due 2 days ago"),  # never "-2 days ago"
        (pendulum.date(2026, 12, 1), "due in 8 days"),
    ],
)
def test_due_words(moment, said):
    assert due_words(moment, NOW) == said


def test_days_are_counted_in_the_users_zone():
    tokyo = NOW.in_tz("Asia/Tokyo")  # 19:00 on Monday in Tokyo
    late_evening = pendulum.datetime(2026, 11, 23, 16, 0, tz="UTC")  # 01:00 Tuesday there
    assert day_words(late_evening, NOW) == "today"
    assert day_words(late_evening, tokyo) == "tomorrow"
    assert days_words(-1) == "yesterday" and days_words(5) == "in 5 days"


def test_one_date_style_per_place():
    moment = pendulum.datetime(2026, 12, 4, 15, 30, tz="UTC")
    assert [
        date_in(moment, NOW, place) for place in ("list", "timeline", "prep", "dialog", "cli")
    ] == [
        "Fri 4 Dec",
        "2026-12-04",
        "4 Dec 2026",
        "Friday 4 December 2026",
        "2026-12-04",
    ]


# ------------------------------------------------------------------ the engine's words


@pytest.fixture
def ann(db, now):
    return add_contact(ContactFields(name="Ann Lee", ring=2), now).id  # 30-day cadence


def reason(items, prefix):
    return next(i.reason for i in items if i.id.startswith(prefix))


def test_a_nudge_before_the_promise_date_never_says_minus_days_ago(ann, now):
    ledger.add_promise(ann, "they_owe", "Intro to Bo", now=now, due=now.add(days=2).date())
    items = due(now, within=WEEK, kinds=["nudge"])
    assert (
        reason(items, "nudge-") == "nudge 1 of 3: they owe you: Intro to Bo (promise due in 2 days)"
    )
    later = due(now.add(days=5), kinds=["nudge"])  # 3 days after the promise date
    assert (
        reason(later, "nudge-")
        == "nudge 1 of 3: they owe you: Intro to Bo (promise due 3 days ago)"
    )


def test_deliveries_say_today_tomorrow_and_days(ann, now):
    ledger.add_promise(ann, "i_owe", "Send the deck", now=now, due=now.date())
    ledger.add_promise(ann, "i_owe", "Send the link", now=now, due=now.add(days=1).date())
    ledger.add_promise(ann, "i_owe", "Send the book", now=now, due=now.subtract(days=1).date())
    items = due(now, within=WEEK, kinds=["deliver"])
    assert sorted(i.reason for i in items) == [
        "you promised: Send the book (due yesterday)",
        "you promised: Send the deck (due today)",
        "you promised: Send the link (due tomorrow)",
    ]


def test_a_ping_due_today_is_due_today_not_0_days_overdue(ann, now):
    log_interaction([ann], kind="call", when=now.subtract(days=30), now=now)
    # due at 10:00 today; at 16:00 the same day it is due today, not "0 days overdue"
    afternoon = now.set(hour=16)
    assert reason(due(afternoon, kinds=["ping"]), "ping-") == (
        "ping due today; every 30 days, last contact 30 days ago"
    )
    assert reason(due(now.add(days=1), kinds=["ping"]), "ping-") == (
        "ping 1 day overdue; every 30 days, last contact 31 days ago"
    )


def test_a_ping_logged_today_says_last_contact_today(db, now):
    bo = add_contact(ContactFields(name="Bo Chan", ring=2, cadence_days=3), now).id
    log_interaction([bo], kind="call", when=now.subtract(hours=1), now=now)
    assert reason(due(now, within=WEEK, kinds=["ping"]), "ping-") == (
        "ping due in 3 days; every 3 days, last contact today"
    )
    never = add_contact(ContactFields(name="Cy Dunn", ring=2, cadence_days=1), now).id
    assert reason(due(now.add(days=2), kinds=["ping"]), f"ping-{never}") == (
        "ping 1 day overdue; every 1 day, last contact never"
    )


def test_check_ins_say_when_the_need_passed(ann, now):
    ledger.add_need(ann, "A UX researcher", now=now, horizon=now.add(days=2).date())
    assert reason(due(now, within=WEEK, kinds=["check-in"]), "check-in") == (
        "their need A UX researcher reaches its date in 2 days; ask whether it is still open"
    )
    assert reason(due(now.add(days=3), kinds=["check-in"]), "check-in") == (
        "their need A UX researcher passed its date yesterday; ask whether it is still open"
    )


# ------------------------------------------------------------------ the week plan


def test_the_week_is_seven_days_from_now_whatever_the_weekday(db):
    sunday_evening = pendulum.datetime(2026, 11, 29, 20, 0, tz="UTC")
    start = sunday_evening.subtract(days=60)
    ann = add_contact(ContactFields(name="Ann Lee", ring=2), start).id
    bo = add_contact(ContactFields(name="Bo Chan", ring=2), start).id
    cy = add_contact(ContactFields(name="Cy Dunn", ring=2), start).id
    log_interaction([ann], kind="call", when=sunday_evening.subtract(days=26), now=sunday_evening)
    log_interaction([bo], kind="call", when=sunday_evening.subtract(days=10), now=sunday_evening)
    log_interaction([cy], kind="call", when=sunday_evening.subtract(days=1), now=sunday_evening)
    day = sunday_evening.date()
    ledger.add_promise(bo, "i_owe", "Send the deck", now=start, due=day.add(days=5))
    ledger.add_promise(cy, "they_owe", "Intro to Di", now=start, due=day.add(days=1))
    ledger.add_need(cy, "A designer", now=start, horizon=day.add(days=3))
    remind(ann, sunday_evening.add(days=6), "Ask about the role", start)
    remind(bo, sunday_evening.add(days=8), "Too late for this week", start)
    ledger.add_promise(ann, "i_owe", "Next month", now=start, due=day.add(days=8))

    week = due(sunday_evening, within=WEEK)
    assert sorted((i.kind, i.contact, date_in(i.due_at, sunday_evening, "cli")) for i in week) == [
        ("check-in", "Cy Dunn", "2026-12-02"),
        ("custom", "Ann Lee", "2026-12-05"),
        ("deliver", "Bo Chan", "2026-12-04"),
        ("nudge", "Cy Dunn", "2026-12-03"),
        ("ping", "Ann Lee", "2026-12-03"),
    ]
    assert count_pings(sunday_evening, WEEK) == 1
    assert count_pings(sunday_evening) == 0 == due_count(sunday_evening)


# ------------------------------------------------------------------ calendar events


def test_calendar_events_carry_dates_not_relative_words(ann, now):
    ledger.add_promise(ann, "i_owe", "Send the deck", now=now, due=now.add(days=4).date())
    ledger.add_promise(ann, "they_owe", "Intro to Bo", now=now, due=now.add(days=1).date())
    ics = reminders_calendar(now).decode()
    unfolded = ics.replace("\r\n ", "")
    for words in (" ago", "in 4 days", "in 1 day", "tomorrow", "today", "overdue"):
        assert words not in unfolded
    assert "SUMMARY:deliver: Ann Lee: you promised: Send the deck" in unfolded
    assert "Due 2026-11-27." in unfolded


def test_calendar_uids_are_unique_per_database_and_stable(tmp_path, now):
    from netty.db import close_database, open_database

    uids = []
    for name in ("a.db", "b.db", "a.db"):
        open_database(tmp_path / name, now)
        if not get_all_contacts():
            ann = add_contact(ContactFields(name="Ann Lee"), now).id
            remind(ann, now, "call", now)
        ics = reminders_calendar(now).decode()
        uids.append([line for line in ics.splitlines() if line.startswith("UID:")])
        close_database()
    first, other, again = uids
    assert first == again  # exporting again updates the same events
    assert first != other  # another database never overwrites them
    assert first[0].startswith("UID:r1.") and first[0].endswith("@netty")


def get_all_contacts():
    from netty.db.models import Contact

    return list(Contact.select())


# ------------------------------------------------------------------ daylight saving


def test_next_ping_keeps_its_local_hour_across_dst(db, monkeypatch):
    """Europe/Berlin leaves summer time on 25 Oct 2026: 21:00 CEST is 19:00 UTC, and 30
    days later 21:00 CET is 20:00 UTC, whether a log or an unrelated edit computed it."""
    berlin = pendulum.timezone("Europe/Berlin")
    logged = pendulum.datetime(2026, 10, 20, 21, 0, tz=berlin)
    ann = add_contact(ContactFields(name="Ann Lee", ring=2), logged).id
    log_interaction([ann], kind="call", when=logged, now=logged)
    after_log = get_contact(ann).next_ping_at
    assert after_log.in_tz("UTC") == pendulum.datetime(2026, 11, 19, 20, 0, tz="UTC")
    assert after_log.in_tz(berlin).hour == 21
    later = pendulum.datetime(2026, 11, 2, 9, 0, tz=berlin)
    edit_contact(ann, ContactFields(title="CTO"), later)
    assert get_contact(ann).next_ping_at == after_log
