"""Contacts service: the rules a user relies on, tested without the UI."""

from __future__ import annotations

import pytest

from netty.errors import Ambiguous, InvalidInput, NotFound
from netty.services import settings
from netty.services.contacts import (
    ContactFields,
    add_contact,
    archive_contact,
    edit_contact,
    get_contact,
    list_contacts,
    resolve_contact,
    restore_contact,
)


def add(now, name, **kw):
    return add_contact(ContactFields(name=name, **kw), now)


def test_add_keeps_every_field(db, now):
    view = add(
        now,
        "  Sally   Jones ",
        title="VP Engineering",
        organization="XYZ Corp",
        emails=["Sally@XYZ.example", "sally@xyz.example"],
        phones=["+1 (503) 555-0142"],
        urls=["linkedin.com/in/SallyJones/?trk=x"],
        ring=2,
        channel="Professional Association",
        how_met="UXPA panel",
        details="Two kids",
        cadence_days=21,
        strength=4,
        tags=["#Design Leaders", "health"],
    )
    assert view.name == "Sally Jones"
    assert view.organization == "XYZ Corp"
    assert view.emails == ("Sally@XYZ.example",)  # same address once, as first typed
    assert view.linkedin == "https://www.linkedin.com/in/sallyjones"
    assert view.channel == "professional-association"
    assert view.tags == ("design-leaders", "health")
    assert view.cadence_days == 21 and not view.cadence_is_default
    assert view.next_ping_at == now.add(days=21)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "   "}, "can't be blank"),
        ({"name": "A", "ring": 7}, "ring must be 1, 2 or 3"),
        ({"name": "A", "channel": "space"}, "unknown channel"),
        ({"name": "A", "emails": ["not-an-email"]}, "not an email"),
        ({"name": "A", "strength": 9}, "strength"),
        ({"name": "A", "cadence_days": 0}, "cadence"),
    ],
)
def test_bad_fields_are_refused_and_nothing_is_written(db, now, fields, message):
    with pytest.raises(InvalidInput, match=message):
        add_contact(ContactFields(**fields), now)
    assert list_contacts() == []


def test_ring_default_cadence_and_configurable(db, now):
    inner = add(now, "Mum", ring=1)
    far = add(now, "Stranger", ring=3)
    assert (inner.cadence_days, far.cadence_days) == (14, 90)
    settings.set_ring_cadence(3, 120, now)
    assert get_contact(far.id).cadence_days == 120
    assert get_contact(far.id).next_ping_at == now.add(days=120)
    assert get_contact(inner.id).next_ping_at == now.add(days=14)


def test_linkedin_profile_is_unique(db, now):
    add(now, "Ann", urls=["https://www.linkedin.com/in/ann-lee/"])
    with pytest.raises(InvalidInput, match="already belongs to Ann"):
        add(now, "Ann Lee", urls=["http://linkedin.com/in/Ann-Lee?utm=1"])


def test_organizations_are_shared_ignoring_case_and_accents(db, now):
    a = add(now, "A", organization="Café Corp")
    b = add(now, "B", organization="CAFE corp")
    assert a.organization == b.organization == "Café Corp"


def test_edit_changes_only_what_is_given(db, now):
    view = add(now, "Dana", title="PM", emails=["d@x.example"], tags=["a"])
    edited = edit_contact(view.id, ContactFields(title="Head of Product", ring=2), now.add(days=1))
    assert edited.title == "Head of Product" and edited.ring == 2
    assert edited.emails == ("d@x.example",) and edited.tags == ("a",)
    assert edited.updated_at == now.add(days=1)


def test_archive_hides_and_restore_brings_back(db, now):
    view = add(now, "Eve")
    archive_contact(view.id, now)
    assert list_contacts() == []
    assert [r.name for r in list_contacts(archived=True)] == ["Eve"]
    restore_contact(view.id, now)
    assert [r.name for r in list_contacts()] == ["Eve"]


def test_search_matches_every_field_ignoring_case_and_accents(db, now):
    add(
        now,
        "Zoë Müller",
        organization="Northwind Health",
        title="Designer",
        emails=["zoe@nw.example"],
        tags=["rotary"],
        notes="loves kayaking",
    )
    add(now, "Bob")
    for query in (
        "zoe",
        "MULLER",
        "northwind",
        "designer",
        "nw.example",
        "rotary",
        "kayak",
        "zoe health",
    ):
        assert [r.name for r in list_contacts(search=query)] == ["Zoë Müller"], query
    assert list_contacts(search="50%_") == []


def test_filters(db, now):
    add(now, "A", ring=1, tags=["x"], organization="Acme")
    add(now, "B", ring=2, tags=["y"], organization="Other")
    assert [r.name for r in list_contacts(ring=1)] == ["A"]
    assert [r.name for r in list_contacts(tag="#Y")] == ["B"]
    assert [r.name for r in list_contacts(organization="acm")] == ["A"]


def test_resolve_by_id_name_part_and_ambiguity(db, now):
    sally = add(now, "Sally Jones")
    add(now, "Sam Jones")
    zoe = add(now, "Zoë Müller")
    assert resolve_contact(str(sally.id)) == sally.id
    assert resolve_contact(f"#{sally.id}") == sally.id
    assert resolve_contact("SALLY JONES") == sally.id
    assert resolve_contact("sal") == sally.id
    assert resolve_contact("zoe muller") == zoe.id
    with pytest.raises(Ambiguous) as err:
        resolve_contact("jones")
    assert {name for _id, name in err.value.candidates} == {"Sally Jones", "Sam Jones"}
    with pytest.raises(NotFound):
        resolve_contact("nobody")


def test_exact_name_wins_over_longer_names(db, now):
    ann = add(now, "Ann")
    add(now, "Annabel")
    assert resolve_contact("ann") == ann.id


def test_archived_contacts_resolve_only_when_asked(db, now):
    view = add(now, "Gone Person")
    archive_contact(view.id, now)
    with pytest.raises(NotFound):
        resolve_contact("gone")
    assert resolve_contact("gone", archived=True) == view.id
    assert resolve_contact("gone", archived=None) == view.id


def test_introduced_by_and_self_intro_refused(db, now):
    a = add(now, "A")
    b = add(now, "B", introduced_by=a.id)
    assert get_contact(b.id).introduced_by.name == "A"
    with pytest.raises(InvalidInput):
        edit_contact(a.id, ContactFields(introduced_by=a.id), now)
