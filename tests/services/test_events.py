"""Event mode: lines become people, matches are offered, one transaction saves it all."""

from __future__ import annotations

import pytest

from netty.db.models import Event, Interaction
from netty.errors import InvalidInput
from netty.services.contacts import ContactFields, add_contact, get_contact, list_contacts
from netty.services.events import read_people, record_event
from netty.services.timeline import contact_detail

LINES = """\
Sally Jones @XYZ Corp, VP Engineering #rotary needs: a UX designer; i owe: the article
Bob Stone, Pastor

Ann Lea @Northwind Health i owe: intro to Sally Jones by fri
Dee Dee
Eve Ng, Student #rotary
"""


def test_five_people_one_event_one_save(db, now):
    sally = add_contact(ContactFields(name="sally jones"), now).id
    ann = add_contact(ContactFields(name="Ann Lee"), now).id
    people = read_people(LINES, now)
    assert [p.name for p in people] == ["Sally Jones", "Bob Stone", "Ann Lea", "Dee Dee", "Eve Ng"]
    first = people[0]
    assert (first.organization, first.title, first.tags) == (
        "XYZ Corp",
        "VP Engineering",
        ("rotary",),
    )
    assert first.suggested == sally  # exact name, ignoring case
    assert people[2].suggested is None and people[2].close == ((ann, "Ann Lee"),)
    event_id, _lines = record_event(
        "Rotary breakfast",
        when=now.subtract(days=1),
        venue="MAC",
        channel="civic club",
        people=[(p, p.suggested) for p in people],
        now=now,
    )
    assert Event.select().count() == 1
    assert Interaction.select().where(Interaction.event == event_id).count() == 5
    assert len(list_contacts()) == 6  # four new, Sally reused, Ann Lee untouched
    new = get_contact(people[1].suggested or list_contacts(search="bob")[0].id)
    assert (new.ring, new.channel, new.how_met, new.title) == (
        3,
        "civic-club",
        "met at Rotary breakfast",
        "Pastor",
    )
    d = contact_detail(sally)
    assert d.needs[0].text == "a UX designer" and d.promises[0].text == "the article"
    assert d.interactions[0].event.name == "Rotary breakfast"


def test_a_bad_line_saves_nothing(db, now):
    people = read_people("Ann\nBob", now)
    with pytest.raises(InvalidInput):
        record_event("  ", when=now, people=[(p, None) for p in people], now=now)
    with pytest.raises(InvalidInput):
        read_people("needs: a designer", now)
    assert list_contacts() == [] and Event.select().count() == 0
