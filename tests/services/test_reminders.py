"""The reminder engine, walked forward through time with a fixed clock."""

from __future__ import annotations

import pendulum
import pytest

from netty.db import database
from netty.db.models import Ask, Promise
from netty.errors import InvalidInput
from netty.services import ledger
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact, archive_contact
from netty.services.reminders import done, due, due_count, remind, snooze
from netty.services.timeline import log_interaction


def ids(items):
    return [i.id for i in items]


@pytest.fixture
def ann(db, now):
    return add_contact(ContactFields(name="Ann Lee", ring=2), now).id  # 30-day cadence


def test_ping_appears_after_the_cadence_disappears_when_logged_and_comes_back(ann, now):
    assert due(now, kinds=["ping"]) == []
    day29 = now.add(days=29)
    soon = due(day29, kinds=["ping"])
    assert ids(soon) == [f"ping-{ann}"] and soon[0].soon  # within a fifth of the cadence
    day31 = now.add(days=31)
    late = due(day31, kinds=["ping"])
    assert not late[0].soon and "1 day overdue" in late[0].reason
    log_interaction([ann], kind="call", when=day31, now=day31)
    assert due(day31, kinds=["ping"]) == []
    assert ids(due(day31.add(days=31), kinds=["ping"])) == [f"ping-{ann}"]


def test_pings_rank_by_lateness_relative_to_cadence_then_ring(db, now):
    start = now.subtract(days=200)
    close = add_contact(ContactFields(name="Close", ring=1), start).id  # 14 days
    far = add_contact(ContactFields(name="Far", ring=3), start).id  # 90 days
    log_interaction([close], kind="call", when=now.subtract(days=44), now=now)
    log_interaction([far], kind="call", when=now.subtract(days=120), now=now)
    assert ids(due(now, kinds=["ping"])) == [f"ping-{close}", f"ping-{far}"]
    assert ids(due(now, kinds=["ping"], limit=1)) == [f"ping-{close}"]


def test_snooze_hides_until_the_date(ann, now):
    later = now.add(days=40)
    snooze(f"ping-{ann}", later.add(days=7), later)
    assert due(later.add(days=6), kinds=["ping"]) == []
    assert ids(due(later.add(days=8), kinds=["ping"])) == [f"ping-{ann}"]
    with pytest.raises(InvalidInput):
        snooze(f"ping-{ann}", later.subtract(days=1), later)
    with pytest.raises(InvalidInput):
        snooze("bogus", later.add(days=1), later)


def test_nudges_fire_at_3_7_and_14_days_then_stop(ann, now):
    pid = ledger.add_promise(ann, "they_owe", "Intro to their CTO", now=now, due=now.date())
    fired = []
    for day in range(0, 30):
        moment = now.add(days=day)
        nudges = [i for i in due(moment, kinds=["nudge"]) if not i.soon]
        if nudges and not nudges[0].stale:
            fired.append(day)
            assert nudges[0].wording.startswith("Hi Ann")
            done(nudges[0].id, moment)
    assert fired == [3, 7, 14]
    stale = due(now.add(days=30), kinds=["nudge"])
    assert stale[0].stale and "stale" in stale[0].reason
    done(stale[0].id, now.add(days=30))
    assert Promise.get_by_id(pid).status == "dropped"


def test_deliver_when_a_promise_i_owe_is_due(ann, now):
    ledger.add_promise(ann, "i_owe", "Send the deck", now=now, due=now.add(days=2).date())
    assert due(now, kinds=["deliver"]) == []
    assert [i.soon for i in due(now, kinds=["deliver"], within=pendulum.duration(days=3))] == [True]
    items = due(now.add(days=2), kinds=["deliver"])
    assert "Send the deck" in items[0].reason and "today" in items[0].reason
    done(items[0].id, now.add(days=2))
    assert due(now.add(days=3), kinds=["deliver"]) == []


def test_thank_you_after_help_until_one_is_logged(ann, now):
    aid = ledger.add_ask(ann, "An intro to Dana at Northwind", now=now)
    assert due(now, kinds=["thank"]) == []
    with change("test setup", now):
        Ask.update(status="granted", resolved_at=now.add(days=1)).where(Ask.id == aid).execute()
    items = due(now.add(days=1, hours=1), kinds=["thank"])
    assert ids(items) == [f"thank-a{aid}"] and "48 hours" not in items[0].reason
    assert "more than 48 hours" in due(now.add(days=4), kinds=["thank"])[0].reason
    log_interaction([ann], kind="thank-you", when=now.add(days=4), now=now.add(days=4))
    assert due(now.add(days=4), kinds=["thank"]) == []


def test_check_in_when_a_need_passes_its_horizon(ann, now):
    ledger.add_need(ann, "A UX researcher", now=now, horizon=now.add(days=10).date())
    assert due(now.add(days=10), kinds=["check-in"]) == []
    items = due(now.add(days=11), kinds=["check-in"])
    assert "still open" in items[0].reason
    done(items[0].id, now.add(days=11))
    assert due(now.add(days=12), kinds=["check-in"]) == []


def test_custom_reminders(ann, now):
    rid = remind(ann, now.add(days=14), "Ask about the Q1 role", now)
    assert due(now, kinds=["custom"]) == []
    assert ids(due(now.add(days=14), kinds=["custom"])) == [rid]
    done(rid, now.add(days=14))
    assert due(now.add(days=15), kinds=["custom"]) == []


def test_archived_contacts_never_show(ann, now):
    ledger.add_promise(ann, "i_owe", "Send the deck", now=now, due=now.date())
    remind(ann, now, "call", now)
    archive_contact(ann, now)
    assert due(now.add(days=100)) == []
    assert due_count(now.add(days=100)) == 0


def test_due_count_matches_the_items(ann, now):
    ledger.add_promise(ann, "i_owe", "Send the deck", now=now, due=now.date())
    later = now.add(days=40)
    assert due_count(later) == len([i for i in due(later) if not i.soon]) == 2


@pytest.mark.sqlite_only("reads SQLite's EXPLAIN QUERY PLAN")
def test_ping_query_uses_the_index(db, now):
    from netty.db.fields import to_utc_text

    plan = database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT c.id FROM contact c WHERE c.archived_at IS NULL "
        "AND c.ring = 1 AND c.cadence_days IS NULL AND c.next_ping_at <= ? "
        "ORDER BY c.next_ping_at",
        (to_utc_text(now),),
    ).fetchall()
    text = " ".join(str(row[-1]) for row in plan)
    assert "contact_archived_at_ring_cadence_days_next_ping_at" in text
    assert "TEMP B-TREE" not in text  # no sort: the index gives the order
