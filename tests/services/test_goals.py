"""Goals: progress counted from what is logged, in local weeks and months, and streaks."""

from __future__ import annotations

import pendulum
import pytest

from netty.db.models import Contact
from netty.errors import InvalidInput
from netty.services import changes, goals
from netty.services.contacts import ContactFields, add_contact
from netty.services.ledger import add_give
from netty.services.timeline import log_interaction

LA = "America/Los_Angeles"


def person(now, name="Sally Jones", **kw):
    return add_contact(ContactFields(name=name, **kw), now).id


def coffee(cid, when, kind="coffee", **kw):
    return log_interaction([cid], kind=kind, when=when, now=when, **kw)


def report(now):
    return {p.goal.kind: p for p in goals.progress(now).progress}


def test_no_goals_offers_the_defaults_and_one_call_accepts_them(db, now):
    assert goals.progress(now).progress == ()
    offered = [(g.kind, g.target, g.per) for g in goals.progress(now).defaults]
    assert offered == [
        ("coffees", 2, "week"),
        ("events", 1, "week"),
        ("pings", 5, "week"),
        ("gives", 2, "week"),
        ("new-ring3", 2, "month"),
    ]
    goals.accept_defaults(now)
    assert [(g.kind, g.target, g.per) for g in goals.goals()] == offered
    assert goals.progress(now).defaults == ()
    assert changes.history(1)[0].label == "accepted the default goals"
    changes.undo(now)
    assert goals.goals() == []


def test_set_and_clear_a_goal_are_changes_that_undo(db, now):
    goals.set_goal("coffee", 3, "week", now)
    goals.set_goal("new ring 3", 4, "monthly", now)
    assert [(g.kind, g.target, g.per) for g in goals.goals()] == [
        ("coffees", 3, "week"),
        ("new-ring3", 4, "month"),
    ]
    assert changes.history(1)[0].label == "set goal new-ring3 to 4 a month"
    assert goals.clear_goal("coffees", now).target == 3
    assert goals.clear_goal("coffees", now) is None
    changes.undo(now)
    assert [g.kind for g in goals.goals()] == ["coffees", "new-ring3"]


@pytest.mark.parametrize(
    ("kind", "target", "per"),
    [("naps", 2, "week"), ("coffees", 0, "week"), ("coffees", 1001, "week"), ("pings", 2, "day")],
)
def test_bad_goals_are_refused_and_nothing_is_written(db, now, kind, target, per):
    with pytest.raises(InvalidInput):
        goals.set_goal(kind, target, per, now)
    assert goals.goals() == []
    assert changes.history(5) == []


def test_a_coffee_at_2330_sunday_local_counts_in_that_week(db, monkeypatch):
    # Sunday 2026-11-22 23:30 in Los Angeles is Monday 07:30 UTC: still last week locally.
    monkeypatch.setenv("TZ", LA)
    sunday_night = pendulum.datetime(2026, 11, 22, 23, 30, tz=LA)
    sally = person(sunday_night.subtract(days=30))
    coffee(sally, sunday_night)
    goals.set_goal("coffees", 1, "week", sunday_night)

    # The clock moves: Sunday 23:45, then Monday morning (local).
    at = report(pendulum.datetime(2026, 11, 22, 23, 45, tz=LA))["coffees"]
    assert (at.done, at.met, str(at.start), str(at.end)) == (1, True, "2026-11-16", "2026-11-22")
    at = report(pendulum.datetime(2026, 11, 23, 9, 0, tz=LA))["coffees"]
    assert (at.done, at.previous, at.met, str(at.start)) == (0, 1, False, "2026-11-23")
    assert at.streak == 1  # last week's coffee, none yet this week


def test_monday_0030_in_berlin_is_the_new_week_though_utc_is_still_sunday(db, monkeypatch):
    berlin = "Europe/Berlin"
    monkeypatch.setenv("TZ", berlin)
    monday = pendulum.datetime(2026, 11, 23, 0, 30, tz=berlin)  # Sunday 23:30 UTC
    sally = person(monday.subtract(days=30))
    coffee(sally, monday, kind="meal")
    goals.set_goal("coffees", 2, "week", monday)
    at = report(monday.add(hours=1))["coffees"]
    assert (at.done, at.previous, str(at.start)) == (1, 0, "2026-11-23")


def test_weeks_stay_monday_to_monday_across_a_daylight_saving_change(db, monkeypatch):
    # US clocks went back on Sunday 2026-11-01: that week is 169 hours long.
    monkeypatch.setenv("TZ", LA)
    sally = person(pendulum.datetime(2026, 9, 1, tz=LA))
    coffee(sally, pendulum.datetime(2026, 10, 26, 0, 10, tz=LA))  # Monday, first minutes
    coffee(sally, pendulum.datetime(2026, 11, 1, 23, 50, tz=LA))  # Sunday, last minutes
    coffee(sally, pendulum.datetime(2026, 11, 2, 0, 5, tz=LA))  # next Monday
    goals.set_goal("coffees", 2, "week", pendulum.datetime(2026, 11, 2, 1, tz=LA))
    at = report(pendulum.datetime(2026, 11, 2, 12, tz=LA))["coffees"]
    assert (at.done, at.previous, at.streak) == (1, 2, 1)


def test_streak_counts_consecutive_weeks_met_and_includes_this_week_once_met(db, now):
    # now: Monday 2026-11-23 10:00 UTC. Weeks met: the three before this one, not the fourth.
    sally = person(now.subtract(days=90))
    for weeks_ago in (1, 2, 3):
        coffee(sally, now.subtract(weeks=weeks_ago))
    coffee(sally, now.subtract(weeks=5))
    goals.set_goal("coffees", 1, "week", now)
    assert report(now)["coffees"].streak == 3
    coffee(sally, now.subtract(hours=1))
    assert report(now)["coffees"].streak == 4
    goals.set_goal("coffees", 2, "week", now)
    assert report(now)["coffees"].streak == 0


def test_month_goals_and_streaks_count_calendar_months(db, now):
    # New people in ring 3: one in each of Sep, Oct and Nov. Ed was added today from a
    # LinkedIn export but connected in October: the connection date counts.
    for name, when in [
        ("Ann Ring", now.subtract(months=2)),
        ("Bob Ring", now.subtract(months=1)),
        ("Cy Ring", now.subtract(days=3)),
    ]:
        person(when, name, ring=3)
    person(now.subtract(days=1), "Dee Inner", ring=1)
    ed = person(now, "Ed Linked", ring=3)
    with changes.change("connected", now):
        Contact.update(connected_at=now.subtract(months=1, days=2)).where(
            Contact.id == ed
        ).execute()
    goals.set_goal("new-ring3", 1, "month", now)
    at = report(now)["new-ring3"]
    assert (at.done, at.previous, at.streak, str(at.start), str(at.end)) == (
        1,
        2,
        3,
        "2026-11-01",
        "2026-11-30",
    )


def test_each_kind_counts_what_the_readme_says(db, now):
    sally = person(now.subtract(days=60))
    ann = person(now.subtract(days=60), "Ann Lee")
    monday = now.start_of("week")
    at = monday.add(hours=1)
    log_interaction([sally, ann], kind="coffee", when=at, now=now)  # one coffee, two people
    coffee(sally, at, kind="message")  # a ping
    coffee(sally, at, kind="thank-you")  # a ping, not online
    coffee(sally, at, kind="email", by_them=True)  # theirs: not my ping, but online
    coffee(sally, at, kind="event")  # an event without an Event record
    coffee(sally, at, kind="note")  # counts for nothing
    add_give(sally, "advice", "portfolio review", now=now, given_at=at)
    for kind in goals.GOAL_KINDS:
        goals.set_goal(kind, 1, "week", now)
    done = {k: p.done for k, p in report(now).items()}
    assert done == {
        "coffees": 1,
        "events": 1,
        "pings": 2,
        "gives": 1,
        "new-ring1": 0,
        "new-ring2": 0,
        "new-ring3": 0,
        "in-person": 2,
        "online": 2,
    }


def test_one_event_with_several_people_is_one_event_attended(db, now):
    from netty.db.models import Event

    a, b = person(now, "Ann Lee"), person(now, "Bob Ode")
    with changes.change("an event", now):
        event_id = Event.create(name="Rotary breakfast", starts_at=now, created_at=now).id
    for cid in (a, b):
        log_interaction([cid], kind="event", when=now.subtract(hours=2), event_id=event_id, now=now)
    goals.set_goal("events", 1, "week", now)
    assert report(now)["events"].done == 1


def test_interactions_per_week_over_the_last_eight_weeks(db, now):
    sally = person(now.subtract(days=90))
    coffee(sally, now.subtract(hours=2))
    coffee(sally, now.subtract(weeks=1))
    coffee(sally, now.subtract(weeks=1), kind="call")
    coffee(sally, now.subtract(weeks=7))
    coffee(sally, now.subtract(weeks=8))  # outside
    weeks = goals.interactions_per_week(now)
    assert str(weeks[0][0]) == "2026-10-05"
    assert [n for _, n in weeks] == [1, 0, 0, 0, 0, 0, 2, 1]
