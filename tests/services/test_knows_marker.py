"""The ``knows:`` marker: read from a note, then saved as a link (and a new person if needed)."""

from __future__ import annotations

import pytest

from netty.db.models import Contact, Knows
from netty.db.vocab import KNOWS_HOW as DB_KNOWS_HOW
from netty.services.capture import KNOWS_HOW, parse_note
from netty.services.contacts import ContactFields, add_contact
from netty.services.knows import acquaintances, add_knows
from netty.services.notes import record_note


@pytest.mark.parametrize(
    ("text", "name", "org", "how"),
    [
        ("knows: Sally Jones @XYZ Corp", "Sally Jones", "XYZ Corp", None),
        (
            "She knows: Sally Jones @XYZ Corp (former colleague)",
            "Sally Jones",
            "XYZ Corp",
            "former colleague",
        ),
        ("knows: Bob Lee, friend", "Bob Lee", None, "friend"),
        ("knows:Tomas Berg as a classmate", "Tomas Berg", None, "classmate"),
    ],
)
def test_knows_marker_forms(now, text, name, org, how):
    (known,) = parse_note(text, now).knows
    assert (known.name, known.organization, known.how) == (name, org, how)


def test_knows_marker_keeps_everything_else(now):
    note = parse_note(
        "coffee with Lena; knows: Sally Jones @XYZ Corp #alumni; needs: a designer", now
    )
    assert note.summary == "coffee with Lena"
    assert note.organization is None  # Sally's organization, not Lena's
    assert note.tags == ("alumni",) and len(note.needs) == 1
    assert "knows: Sally Jones at XYZ Corp (acquaintance)" in note.preview()


def test_knows_marker_without_a_name_or_with_a_bad_how(now):
    note = parse_note("knows:", now)
    assert note.knows == () and note.summary == "knows:"
    assert note.problems == ('"knows:" names nobody; kept in the summary',)
    note = parse_note("knows: Ann (nemesis)", now)
    assert note.knows[0].name == "Ann" and note.knows[0].how is None
    assert note.problems[0].startswith('"nemesis" is not how people know each other')


def test_knows_vocabulary_matches_the_data_model():
    assert tuple(KNOWS_HOW) == tuple(DB_KNOWS_HOW)


def test_saving_creates_sally_at_her_organization_and_links_her(db, now):
    lena = add_contact(ContactFields(name="Lena Park", ring=1), now).id
    saved = record_note(
        [lena], "coffee; knows: Sally Jones @XYZ Corp (friend)", kind="coffee", when=now, now=now
    )
    sally = Contact.get(Contact.name == "Sally Jones")
    assert sally.organization.name == "XYZ Corp" and sally.ring == 3
    assert (
        f"knows Sally Jones (friend); added Sally Jones at XYZ Corp as #{sally.id}" in saved.lines
    )
    assert [(p.name, p.organization, p.how) for p in acquaintances(lena)] == [
        ("Sally Jones", "XYZ Corp", "friend")
    ]
    # a second note about the same person finds her, and creates nobody
    saved = record_note([lena], "knows: sally jones", kind="note", when=now, now=now)
    assert "knows Sally Jones (friend)" in saved.lines
    assert Contact.select().count() == 2 and Knows.select().count() == 1


def test_an_ambiguous_name_is_not_guessed(db, now):
    lena = add_contact(ContactFields(name="Lena Park"), now).id
    for org in ("Acme", "Globex"):
        add_contact(ContactFields(name="Sam Lee", organization=org), now)
    saved = record_note([lena], "knows: Sam Lee", kind="note", when=now, now=now)
    assert any("'Sam Lee' matches several contacts" in line for line in saved.lines)
    assert Knows.select().count() == 0
    saved = record_note([lena], "knows: Sam Lee @Globex", kind="note", when=now, now=now)
    assert [p.organization for p in acquaintances(lena)] == ["Globex"]


def test_set_knows_adds_changes_and_removes_in_one_change(db, now):
    from netty.services.changes import history
    from netty.services.knows import parse_knows_list, set_knows

    ids = [
        add_contact(ContactFields(name=n), now).id for n in ("Lena Park", "Sally Jones", "Bob Lee")
    ]
    lena, sally, bob = ids
    assert parse_knows_list("Sally Jones (Former colleague); Bob Lee,") == [
        ("Sally Jones", "former colleague"),
        ("Bob Lee", None),
    ]
    assert set_knows(lena, [(sally, "friend"), (bob, None)], now)
    assert [(p.name, p.how) for p in acquaintances(lena)] == [
        ("Bob Lee", "acquaintance"),
        ("Sally Jones", "friend"),
    ]
    before = len(history())
    assert set_knows(lena, [(sally, None)], now)
    assert len(history()) == before + 1
    assert [(p.name, p.how) for p in acquaintances(lena)] == [("Sally Jones", "friend")]
    assert not set_knows(lena, [(sally, None)], now)  # nothing to do, nothing written
    assert len(history()) == before + 1


def test_a_merge_moves_whom_they_know(db, now):
    from netty.services.duplicates import merge_contacts

    names = ("Sally Jones", "Sally Jones (old)", "Lena Park", "Bob Lee")
    sally, old, lena, bob = (add_contact(ContactFields(name=n), now).id for n in names)
    add_knows(old, lena, now, "friend")
    add_knows(old, bob, now, "colleague")
    add_knows(sally, bob, now, "client")
    add_knows(old, sally, now)
    result = merge_contacts(sally, old, now, backup=False)
    assert result.moved["people they know"] == 1
    assert [(p.name, p.how) for p in acquaintances(sally)] == [
        ("Bob Lee", "client"),  # Sally's own link stays as it was
        ("Lena Park", "friend"),
    ]
    assert acquaintances(old) == []
