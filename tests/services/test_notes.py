"""Saving a quick note: every record the grammar finds lands, in one transaction."""

from __future__ import annotations

import pytest

from netty.db.models import Reminder
from netty.errors import InvalidInput
from netty.services.contacts import ContactFields, add_contact, get_contact
from netty.services.notes import Closing, record_note
from netty.services.timeline import contact_detail

EXAMPLE = (
    "coffee at Blue Bottle. needs: a UX designer by next month; i owe: intro to Ann by "
    "friday; they owe: intro to Bob at @XYZ Corp #fintech"
)


@pytest.fixture
def people(db, now):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    ann = add_contact(ContactFields(name="Ann Lee"), now).id
    return sally, ann


def test_the_issue_example_records_everything(people, now):
    sally, _ann = people
    out = record_note([sally], EXAMPLE, kind="coffee", when=now, now=now)
    d = contact_detail(sally)
    assert d.interactions[0].summary == "coffee at Blue Bottle."
    assert [(n.text, n.horizon.isoformat()) for n in d.needs] == [("a UX designer", "2026-12-23")]
    owe = {p.direction: (p.text, p.due) for p in d.promises}
    assert owe["i_owe"][0] == "intro to Ann" and owe["i_owe"][1].isoformat() == "2026-11-27"
    assert owe["they_owe"] == ("intro to Bob at @XYZ Corp", None)
    assert d.contact.tags == ("fintech",)
    assert d.contact.organization is None  # @XYZ Corp is Bob's, inside a promise
    assert out.lines[0].startswith("coffee with Sally Jones")


def test_gives_asks_and_follow_ups_link_people(people, now):
    sally, ann = people
    record_note(
        [sally],
        "gave: intro to Ann; asked: an intro to Ann at @Northwind Health; follow up in 2 weeks",
        kind="call",
        when=now,
        now=now,
    )
    d = contact_detail(sally)
    assert d.gives[0].kind == "intro" and d.gives[0].introduced_to.id == ann
    assert d.asks[0].target_contact.id == ann and d.asks[0].target_org == "Northwind Health"
    reminder = Reminder.get()
    assert reminder.contact_id == sally and reminder.due_at.date() == now.add(weeks=2).date()


def test_closings_in_the_same_save_and_all_or_nothing(people, now):
    sally, _ann = people
    record_note([sally], "needs: a designer; i owe: the deck", kind="coffee", when=now, now=now)
    d = contact_detail(sally)
    need, promise = d.needs[0].ref, d.promises[0].ref
    with pytest.raises(InvalidInput):
        record_note(
            [sally],
            "needs: another thing",
            kind="coffee",
            when=now,
            now=now,
            closings=[Closing(need, "done"), Closing("x9", "done")],
        )
    after = contact_detail(sally)
    assert len(after.interactions) == 1 and len(after.needs) == 1  # nothing half-written
    record_note(
        [sally],
        "wrap-up",
        kind="coffee",
        when=now,
        now=now,
        closings=[Closing(need, "done"), Closing(promise, "drop")],
    )
    final = contact_detail(sally)
    assert final.needs[0].status == "met" and final.promises[0].status == "dropped"


def test_an_unknown_name_is_never_linked(people, now):
    sally, _ann = people
    record_note([sally], "gave: intro to Zed Unknown", kind="email", when=now, now=now)
    assert contact_detail(sally).gives[0].introduced_to is None
    assert get_contact(sally).last_interaction_at == now


def test_a_top_level_org_fills_an_empty_organization_only(people, now):
    sally, _ann = people
    record_note([sally], "met at the booth @Northwind Health", kind="event", when=now, now=now)
    assert contact_detail(sally).contact.organization == "Northwind Health"
    record_note([sally], "lunch @Other Co", kind="meal", when=now, now=now)
    assert contact_detail(sally).contact.organization == "Northwind Health"


def test_find_person_exact_first_name_and_archived(people, now):
    from netty.services.contacts import archive_contact
    from netty.services.notes import find_person

    sally, ann = people
    assert find_person("ann") == ann and find_person("ANN LEE") == ann
    assert find_person("ann", exclude=[ann]) is None
    add_contact(ContactFields(name="Ann Other"), now)
    assert find_person("ann") is None  # two Anns: ambiguous, never a guess
    archive_contact(sally, now)
    assert find_person("Sally Jones") is None


def test_a_give_closes_the_promise_it_fulfils_same_person(people, now):
    sally, ann = people
    record_note([sally], "i owe: intro to Ann by friday", kind="coffee", when=now, now=now)
    later = now.add(days=2)
    out = record_note([sally], "gave: intro to Ann Lee", kind="email", when=later, now=later)
    assert out.lines[1:] == [
        "gave g1 (intro): intro to Ann Lee",
        "p1: done (you promised: intro to Ann; g1 fulfils it)",
    ]
    promise = contact_detail(sally).promises[0]
    assert (promise.status, promise.closed_at) == ("done", later)
    assert contact_detail(sally).gives[0].introduced_to.id == ann


def test_a_give_closes_the_promise_with_the_same_words(people, now):
    sally, _ann = people
    record_note([sally], "i owe: the portfolio checklist", kind="coffee", when=now, now=now)
    out = record_note(
        [sally], "gave: sent her the portfolio checklist", kind="email", when=now, now=now
    )
    assert out.lines[-1] == ("p1: done (you promised: the portfolio checklist; g1 fulfils it)")


def test_a_give_offers_when_several_promises_fit_and_leaves_others_open(people, now):
    sally, _ann = people
    record_note(
        [sally],
        "i owe: intro to Ann; i owe: introduce Ann to Bo; i owe: the deck",
        kind="coffee",
        when=now,
        now=now,
    )
    out = record_note([sally], "gave: intro to Ann", kind="email", when=now, now=now)
    assert out.lines[-1] == "g1 may fulfil p1, p2; close the one it does with `netty done pN`"
    assert [p.status for p in contact_detail(sally).promises] == ["open", "open", "open"]
    other = record_note([sally], "gave: advice on her CV", kind="email", when=now, now=now)
    assert other.lines[1:] == ["gave g2 (advice): advice on her CV"]
