"""Possible duplicates, and a merge that loses nothing."""

from __future__ import annotations

import random
import string

import pytest

from netty.db.models import (
    Ask,
    Contact,
    ContactMethod,
    ContactTag,
    Give,
    InteractionContact,
    Need,
    Organization,
    Promise,
    Reminder,
)
from netty.errors import InvalidInput, NotFound
from netty.services import ledger
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact, get_contact, list_contacts
from netty.services.duplicates import find_duplicates, merge_contacts
from netty.services.importers import import_text
from netty.services.timeline import contact_detail, log_interaction
from tests.cli.helpers import backups_of
from tests.services.importers.helpers import tables


def add(now, name, **kw):
    return add_contact(ContactFields(name=name, **kw), now).id


def groups():
    return [({r.name for r in g.contacts}, g.reasons) for g in find_duplicates()]


def small_network(now) -> None:
    """Four groups, and people who look alike but are not one person."""
    add(now, "Jane Doe", organization="Acme")
    add(now, "jane doe")  # same name, no organization: the phone-book copy
    add(now, "Jon Smith", organization="Globex")
    add(now, "John Smith", organization="Globex")  # close name, same organization
    add(now, "John Smith", organization="Initech")  # joins the Smiths by the same name
    add(now, "Priya Patel", phones=["+91 98765 43210"])
    add(now, "Priya Patil", phones=["+91 9876543210"])  # close name, same phone
    add(now, "Office Manager", phones=["+1 555 0100"])
    add(now, "Front Desk", phones=["+1 555 0100"])  # shared line, unrelated names: not listed
    add(now, "kenji s", emails=["kenji@sato.example"])
    add(now, "Kenji Sato", emails=["KENJI@sato.example"])  # shared email: always listed
    add(now, "Alone Person", organization="Acme")


def test_find_duplicates(db, now):
    small_network(now)
    found = groups()
    assert ({"Jane Doe", "jane doe"}, ("same name",)) in found
    smiths = next(r for names, r in found if "Jon Smith" in names)
    assert {"similar names at Globex", "same name", "nickname forms (John / Jon)"} == set(smiths)
    assert any(names == {"Priya Patel", "Priya Patil"} for names, _ in found)
    assert any(names == {"kenji s", "Kenji Sato"} for names, _ in found)
    flat = set().union(*(names for names, _ in found))
    assert not {"Office Manager", "Front Desk", "Alone Person"} & flat
    assert len(found) == 4
    assert find_duplicates()[0].score == 100


def test_a_group_is_still_found_when_the_network_grows(db, now):
    """Issue 16: no rule has a cut-off that depends on the network's size. The groups
    of a small network come back the same (people, reasons, scores) after 5,000
    unrelated people join it, 2,500 of them at one of its organizations."""
    small_network(now)
    add(now, "Bill Ng")
    add(now, "William Ng", organization="Initech")  # nickname forms
    small = [(g.contacts, g.reasons, g.score) for g in find_duplicates()]
    assert len(small) == 5
    rng = random.Random(16)
    globex = Organization.get(Organization.name == "Globex").id
    initech = Organization.get(Organization.name == "Initech").id

    def stranger(i: int) -> dict:
        name = " ".join(
            "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randrange(6, 11)))
            for _ in range(2)
        ).title()
        return {
            "name": name,
            "name_key": name.casefold(),
            "organization": globex if i % 2 else initech,
            "created_at": now,
            "updated_at": now,
            "next_ping_at": now,
        }

    with change("add strangers", now):
        for start in range(0, 5_000, 500):
            Contact.insert_many([stranger(i) for i in range(start, start + 500)]).execute()
    known = {r.id for contacts, _reasons, _score in small for r in contacts}
    grown = [
        (g.contacts, g.reasons, g.score)
        for g in find_duplicates()
        if known & {r.id for r in g.contacts}
    ]
    assert grown == small


def test_archived_contacts_are_not_listed(db, now):
    first = add(now, "Jane Doe")
    other = add(now, "Jane Doe")
    merge_contacts(first, other, now, backup=False)
    assert find_duplicates() == []


@pytest.fixture
def pair(db, now):
    """Two records of one person, each with history, sharing an interaction and a tag."""
    intro = add(now, "Introducer")
    keep = add(now, "Sally Jones", emails=["sally@xyz.example"], tags=["mentor"], ring=2,
               notes="Met at UXPA", urls=["https://sally.example"])  # fmt: skip
    other = add(now.subtract(days=30), "Sally J.", organization="XYZ Corp", title="VP",
                emails=["SALLY@xyz.example", "sally@home.example"], phones=["+1 503 555 0142"],
                urls=["linkedin.com/in/sallyj"], tags=["mentor", "design"], details="Two kids",
                notes="Owes me a call", cadence_days=21, strength=4, location="Portland",
                introduced_by=intro)  # fmt: skip
    friend = add(now, "Friend Of Sally", introduced_by=other)
    both = log_interaction([keep, other], kind="coffee", when=now.subtract(days=3), now=now)
    log_interaction([other], kind="call", when=now.subtract(days=1), summary="caught up", now=now)
    log_interaction([keep], kind="email", when=now.subtract(days=10), now=now)
    need = ledger.add_need(other, "an intro to a recruiter", now=now)
    ledger.add_give(
        other, "intro", "introduced to Bob", now=now, need_id=need, introduced_to=friend
    )
    ledger.add_give(friend, "intro", "introduced to Sally", now=now, introduced_to=other)
    ledger.add_ask(other, "an intro to XYZ's head of design", now=now, target_org="XYZ Corp")
    ledger.add_ask(friend, "coffee with Sally", now=now, target_contact=other)
    ledger.add_promise(other, "they_owe", "send the deck", now=now)
    ledger.add_promise(keep, "i_owe", "send the article", now=now)
    with change("test setup", now):
        Reminder.create(contact=other, text="follow up", due_at=now.add(days=2), created_at=now)
    return {"keep": keep, "other": other, "friend": friend, "intro": intro, "both": both.id}


def test_merge_moves_everything_and_loses_nothing(pair, now):
    keep, other = pair["keep"], pair["other"]
    before_keep, before_other = contact_detail(keep), contact_detail(other)
    later = now.add(hours=1)
    result = merge_contacts(keep, other, later, backup=False)
    assert result.moved["interactions"] == 1  # the call; the shared coffee already lists KEEP
    assert result.moved["needs"] == result.moved["gives"] == result.moved["asks"] == 1
    assert result.moved["promises"] == result.moved["reminders"] == 1
    assert result.moved["intros"] == result.moved["asks about"] == result.moved["introduced"] == 1

    merged = contact_detail(keep)
    refs = lambda items: sorted(i.ref for i in items)  # noqa: E731
    for name in ("interactions", "needs", "gives", "asks", "promises"):
        assert refs(getattr(merged, name)) == sorted(
            set(refs(getattr(before_keep, name))) | set(refs(getattr(before_other, name)))
        ), name
    shared = next(i for i in merged.interactions if i.id == pair["both"])
    assert [c.id for c in shared.contacts] == [keep]
    view = merged.contact
    assert view.name == "Sally Jones" and view.ring == 2  # KEEP's own values stay
    assert (view.organization, view.title, view.location) == ("XYZ Corp", "VP", "Portland")
    assert view.emails == ("sally@xyz.example", "sally@home.example")
    assert view.phones == ("+1 503 555 0142",)
    assert view.urls == ("https://sally.example", "linkedin.com/in/sallyj")
    assert view.linkedin == "https://www.linkedin.com/in/sallyj"
    assert view.tags == ("design", "mentor")
    assert view.notes == "Met at UXPA\n\nOwes me a call"
    assert view.details == "Two kids"
    assert (view.cadence_days, view.strength) == (21, 4)
    assert view.introduced_by.id == pair["intro"]
    assert view.last_interaction_at == now.subtract(days=1)
    assert view.next_ping_at == now.subtract(days=1).add(days=21)
    assert get_contact(pair["friend"]).introduced_by.id == keep
    assert Give.get(Give.contact == pair["friend"]).introduced_to_id == keep
    assert Ask.get(Ask.contact == pair["friend"]).target_contact_id == keep
    assert Reminder.get().contact_id == keep

    gone = get_contact(other)
    assert gone.archived and gone.archived_at == later
    assert gone.notes.endswith(f"merged into #{keep} Sally Jones on 2026-11-23")
    assert gone.linkedin is None
    for model in (
        Need,
        Give,
        Ask,
        Promise,
        Reminder,
        ContactMethod,
        ContactTag,
        InteractionContact,
    ):
        assert not model.select().where(model.contact == other).exists(), model
    assert [r.name for r in list_contacts(search="owes me a call")] == ["Sally Jones"]


def test_a_merged_contact_is_found_again_by_an_import(pair, now):
    merge_contacts(pair["keep"], pair["other"], now, backup=False)
    report = import_text(
        "linkedin",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Sally,J.,https://www.linkedin.com/in/sallyj,,XYZ Corp,VP,14 Mar 2024\n",
        now,
        backup=False,
    )
    assert (report.created, report.merged) == (0, 1)
    assert get_contact(pair["keep"]).connected_at is not None


def test_merge_takes_a_backup_first_and_refuses_nonsense(pair, db, now):
    before = tables()
    with pytest.raises(InvalidInput):
        merge_contacts(pair["keep"], pair["keep"], now)
    with pytest.raises(NotFound):
        merge_contacts(pair["keep"], 999, now)
    assert tables() == before and not list(backups_of(db).glob("*.before-*"))
    result = merge_contacts(pair["keep"], pair["other"], now)
    assert result.backup and ".before-merge." in result.backup
    assert Contact.select().count() == len(before["contact"])  # nothing deleted


def test_nickname_forms_are_paired_from_the_nickname_list(db, now):
    add(now, "Sam Lee", organization="Acme")
    add(now, "Samuel Lee")
    add(now, "Bill Ng")
    add(now, "William Ng", organization="Globex")
    add(now, "Billy Ortiz")
    add(now, "Will Ortiz")  # both nicknames of William
    add(now, "Samuel Park")  # another family name: not the same person
    add(now, "Sarah Lee")  # not a form of Sam
    found = groups()
    assert ({"Sam Lee", "Samuel Lee"}, ("nickname forms (Sam / Samuel)",)) in found
    assert ({"Bill Ng", "William Ng"}, ("nickname forms (Bill / William)",)) in found
    assert ({"Billy Ortiz", "Will Ortiz"}, ("nickname forms (Billy / Will)",)) in found
    assert len(found) == 3
    assert {g.score for g in find_duplicates()} == {90}


def test_merge_conflicts_lists_each_differing_field_and_take_chooses(db, now):
    from netty.services.contacts import resolve_contact
    from netty.services.duplicates import FieldConflict, merge_conflicts

    keep = add(now, "Sam Lee", organization="Acme", title="CTO", location="Paris", ring=2)
    other = add(
        now, "Samuel Lee", organization="Globex", location="Berlin", ring=2, cadence_days=60
    )
    assert merge_conflicts(keep, other) == (
        FieldConflict("name", "Sam Lee", "Samuel Lee"),
        FieldConflict("organization", "Acme", "Globex"),
        FieldConflict("location", "Paris", "Berlin"),
    )
    result = merge_contacts(keep, other, now, take=["name", "location"], backup=False)
    assert [(c.field, c.kept, c.kept_value) for c in result.conflicts] == [
        ("name", "other", "Samuel Lee"),
        ("organization", "keep", "Acme"),
        ("location", "other", "Berlin"),
    ]
    assert result.filled == ("cadence_days",)
    merged = get_contact(keep)
    assert (merged.name, merged.organization, merged.title, merged.location) == (
        "Samuel Lee", "Acme", "CTO", "Berlin",
    )  # fmt: skip
    assert merged.cadence_days == 60
    assert resolve_contact("samuel lee") == keep


def test_merge_take_refuses_unknown_fields(db, now):
    a, b = add(now, "A One"), add(now, "A Two")
    with pytest.raises(InvalidInput, match="unknown field 'age' for --take"):
        merge_contacts(a, b, now, take=["age"], backup=False)
    assert len(list_contacts()) == 2


@pytest.mark.parametrize("copies", [3, 130])
def test_a_larger_network_finds_every_group_a_smaller_one_finds(db, now, copies) -> None:
    """Many people sharing one name form (here 260 Smiths called William or Bill) are
    still one nickname group: no bucket is too big to look at (issue 16: at 200,000
    contacts `duplicates` found fewer groups than at 50,000)."""
    with change("add people", now=now):
        for i in range(copies):
            add(now, "William Smith", title=f"w{i}")
            add(now, "Bill Smith", title=f"b{i}")
        add(now, "Robert Jones")
        add(now, "Bob Jones")
    found = find_duplicates()
    names = sorted({r.name for g in found for r in g.contacts})
    assert names == ["Bill Smith", "Bob Jones", "Robert Jones", "William Smith"]
    smiths = next(g for g in found if g.contacts[0].name.endswith("Smith"))
    assert len(smiths.contacts) == 2 * copies
    assert "nickname forms (Bill / William)" in smiths.reasons
    assert "same name" in smiths.reasons
