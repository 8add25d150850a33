"""Logging interactions keeps the ping clock right; the timeline reads newest first."""

from __future__ import annotations

import pytest

from netty.errors import InvalidInput
from netty.services import ledger
from netty.services.contacts import ContactFields, add_contact, get_contact
from netty.services.timeline import contact_detail, log_interaction, parse_kind, timeline


@pytest.fixture
def sally(db, now):
    return add_contact(ContactFields(name="Sally", ring=2), now.subtract(days=100)).id


def test_logging_moves_last_interaction_and_next_ping(sally, now):
    when = now.subtract(days=1)
    view = log_interaction([sally], kind="coffee", when=when, summary="talked design", now=now)
    assert view.in_person and view.initiated_by == "me"
    contact = get_contact(sally)
    assert contact.last_interaction_at == when
    assert contact.next_ping_at == when.add(days=30)


def test_an_older_interaction_never_moves_the_clock_back(sally, now):
    log_interaction([sally], kind="call", when=now.subtract(days=2), now=now)
    log_interaction([sally], kind="email", when=now.subtract(days=50), now=now)
    assert get_contact(sally).last_interaction_at == now.subtract(days=2)


def test_one_interaction_with_several_people(sally, now):
    bob = add_contact(ContactFields(name="Bob"), now).id
    view = log_interaction([sally, bob], kind="meal", when=now, by_them=True, now=now)
    assert {r.name for r in view.contacts} == {"Sally", "Bob"}
    assert view.initiated_by == "them"
    assert get_contact(bob).last_interaction_at == now


def test_future_and_unknown_kinds_are_refused(sally, now):
    with pytest.raises(InvalidInput, match="future"):
        log_interaction([sally], kind="coffee", when=now.add(days=2), now=now)
    with pytest.raises(InvalidInput, match="unknown kind"):
        parse_kind("telepathy")
    assert parse_kind("Thank you") == "thank-you"
    assert get_contact(sally).last_interaction_at is None


def test_timeline_is_newest_first_with_ledger_records(sally, now):
    log_interaction([sally], kind="coffee", when=now.subtract(days=10), summary="old", now=now)
    need = ledger.add_need(sally, "A UX researcher", now=now.subtract(days=5))
    ledger.add_give(sally, "intro", "Intro to Priya", now=now.subtract(days=2), need_id=need)
    ledger.add_promise(sally, "they_owe", "Intro to their CTO", now=now.subtract(days=1))
    items = timeline(sally)
    assert [i.label for i in items] == ["they owe", "need met", "gave intro", "needs", "coffee"]
    assert items[-1].detail.endswith("old")
    detail = contact_detail(sally)
    assert detail.needs[0].status == "met"
    assert [p.ref for p in detail.promises] == [f"p{detail.promises[0].id}"]
