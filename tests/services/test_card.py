"""The contact card: every stored fact about a person, with what `y` copies and `o` opens."""

from __future__ import annotations

import pytest

from netty.services import ledger, reminders
from netty.services.card import contact_card, mailto, reach_link, tel, web
from netty.services.contacts import ContactFields, add_contact, archive_contact
from netty.services.notes import record_note


@pytest.fixture
def sally(db, now):
    omar = add_contact(ContactFields(name="Omar Siddiqui"), now.subtract(days=60)).id
    return add_contact(
        ContactFields(
            name="Sally Jones",
            title="VP Engineering",
            organization="XYZ Corp",
            emails=["sally@xyz.example", "sally.home@mail.example"],
            phones=["+1 (503) 555-0160"],
            urls=["sallyjones.example/blog", "https://www.linkedin.com/in/sallyj"],
            location="12 Oak St, Portland, OR",
            ring=2,
            channel="civic club",
            how_met="Rotary breakfast",
            introduced_by=omar,
            details="Two kids, Maya and Leo\nRuns marathons",
            notes="Prefers email.\nAllergic to cats.",
            strength=3,
            tags=["design", "health"],
        ),
        now.subtract(days=40),
    ).id


def texts(card, title):
    section = card.section(title)
    return [(line.label, line.text) for line in section.lines] if section else []


def test_every_field_is_on_the_card_with_links(sally, now):
    card = contact_card(sally, now)
    assert card.headline == "VP Engineering at XYZ Corp · ring 2 (colleagues & neighbours)"
    reach = card.section("Reach").lines
    assert [(line.label, line.copy, line.url) for line in reach] == [
        ("email", "sally@xyz.example", "mailto:sally@xyz.example"),
        ("email", "sally.home@mail.example", "mailto:sally.home@mail.example"),
        ("phone", "+1 (503) 555-0160", "tel:+15035550160"),
        ("web", "sallyjones.example/blog", "https://sallyjones.example/blog"),
        ("linkedin", "https://www.linkedin.com/in/sallyj", "https://www.linkedin.com/in/sallyj"),
        ("location", "12 Oak St, Portland, OR", None),
    ]
    assert texts(card, "Who") == [
        ("works", "VP Engineering at XYZ Corp"),
        ("ring", "2, colleagues & neighbours; every 30 days (ring default)"),
        ("channel", "civic club"),
        ("how met", "Rotary breakfast"),
        ("introduced by", "Omar Siddiqui"),
        ("tags", "#design #health"),
        ("strength", "3/5 · suggested 0/5 (no conversation logged, no help either way yet)"),
        ("added", "14 Oct 2026"),
    ]
    assert texts(card, "Keeping in touch") == [
        ("last contact", "never"),
        ("next ping", "13 Nov 2026 (overdue)"),
    ]
    assert texts(card, "Personal details") == [
        ("details", "Two kids, Maya and Leo\nRuns marathons")
    ]
    assert texts(card, "Notes") == [("notes", "Prefers email.\nAllergic to cats.")]
    assert card.section("Upcoming") is None and card.section("Their needs") is None


def test_open_records_both_ways_and_follow_ups_with_their_source(sally, now):
    record_note(
        [sally],
        "coffee at Blue Bottle; needs: a UX designer by dec 31; i owe: the deck by friday; "
        "they owe: intro to Bob; asked: an intro to Dana; follow up in 2 weeks: the role",
        kind="coffee",
        when=now.subtract(days=1),
        now=now,
    )
    met = ledger.add_need(sally, "A met need", now=now)
    ledger.close_item(f"n{met}", "done", now)
    card = contact_card(sally, now)
    [follow] = card.section("Upcoming").lines
    assert follow.text == (
        "Mon 7 Dec 2026 09:00: the role\n"
        "from the coffee on 22 Nov 2026 (i1): “coffee at Blue Bottle”"
    )
    assert (follow.copy, follow.ref) == ("the role", "r1")
    assert texts(card, "Their needs") == [("need", "a UX designer (by 31 Dec 2026)")]
    assert texts(card, "I owe them") == [("I owe", "the deck (due 27 Nov 2026)")]
    assert texts(card, "They owe me") == [("they owe", "intro to Bob")]
    assert texts(card, "My pending asks") == [("asked", "an intro to Dana (22 Nov 2026)")]
    assert [line.ref for line in card.lines if line.ref] == ["r1", "n1", "p1", "p2", "a1"]


def test_archived_state_and_an_empty_card(db, now):
    ann = add_contact(ContactFields(name="Ann Lee"), now.subtract(days=5)).id
    archive_contact(ann, now)
    card = contact_card(ann, now)
    assert card.headline == "ring 3 (acquaintances) · archived since 23 Nov 2026"
    assert texts(card, "Reach") == [("", "No email, phone, web address or location recorded.")]
    assert ("archived", "since 23 Nov 2026; no pings") in texts(card, "Keeping in touch")


def test_links_for_email_phone_and_web(db, now):
    assert mailto("a+b@x.example", "Hi Ann, thanks & “cheers”") == (
        "mailto:a+b@x.example?body=Hi%20Ann%2C%20thanks%20%26%20%E2%80%9Ccheers%E2%80%9D"
    )
    assert tel("+44 20 7946 0958") == "tel:+442079460958"
    assert web("example.com") == "https://example.com"
    assert web("http://example.com") == "http://example.com"
    ann = add_contact(ContactFields(name="Ann", phones=["555 0100"]), now).id
    bob = add_contact(ContactFields(name="Bob", emails=["bob@x.example"], phones=["1234"]), now).id
    none = add_contact(ContactFields(name="Cy"), now).id
    assert reach_link(ann, "hello") == "tel:5550100"
    assert reach_link(bob, "hello") == "mailto:bob@x.example?body=hello"
    assert reach_link(none) is None


def test_thank_yous_come_with_wording(db, now):
    ann = add_contact(ContactFields(name="Ann Lee"), now).id
    pid = ledger.add_promise(ann, "they_owe", "Send the salary survey", now=now.subtract(days=3))
    ledger.close_item(f"p{pid}", "done", now.subtract(days=1))
    [thank] = reminders.due(now, kinds=["thank"])
    assert thank.wording == (
        "Hi Ann, thank you so much for “send the salary survey”. It really helped."
    )
