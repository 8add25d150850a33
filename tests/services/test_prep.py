"""The prep sheet, section by section, on hand-made fixtures and on the demo network."""

from __future__ import annotations

import pytest

from netty.services import ledger, reminders
from netty.services.contacts import ContactFields, add_contact, resolve_contact, set_target
from netty.services.demo import load_demo
from netty.services.prep import build_prep_sheet, match_people, need_words, to_markdown
from netty.services.timeline import log_interaction

ORDER = [
    "Who",
    "Remember",
    "Follow-ups",
    "Their needs",
    "What I can give",
    "Questions to ask",
    "My ask",
    "What they owe me",
    "Balance",
    "Agenda for a 30-minute coffee",
]


def lines(sheet, title):
    section = sheet.section(title)
    return list(section.lines) if section else []


@pytest.fixture
def sally(db, now):
    start = now.subtract(days=100)
    sally = add_contact(
        ContactFields(
            name="Sally Jones",
            title="VP Engineering",
            organization="XYZ Corp",
            ring=2,
            details="Two kids, Maya and Leo\nRuns marathons",
        ),
        start,
    ).id
    add_contact(ContactFields(name="Priya Raman", title="UX Researcher", ring=2), start)
    add_contact(ContactFields(name="Bob Baker", title="Pastry chef", ring=3), start)
    add_contact(ContactFields(name="Ed Co", title="UX Researcher", organization="XYZ Corp"), start)
    return sally


def test_sections_come_in_order_and_empty_ones_are_left_out(sally, now):
    sheet = build_prep_sheet(sally, now)
    titles = [s.title for s in sheet.sections]
    assert titles == [t for t in ORDER if t in titles]
    assert "What they owe me" not in titles and "Balance" not in titles
    assert all(s.lines for s in sheet.sections)
    assert lines(sheet, "Their needs") == ["No open needs recorded: ask the first question below."]
    assert "Two kids, Maya and Leo" in lines(sheet, "Remember")


def test_needs_matched_to_people_with_reasons(sally, now):
    ledger.add_need(
        sally, "A senior UX researcher for the portal", now=now, horizon=now.add(days=30).date()
    )
    ledger.add_need(
        sally, "An old need", now=now.subtract(days=60), horizon=now.subtract(days=5).date()
    )
    sheet = build_prep_sheet(sally, now)
    needs = lines(sheet, "Their needs")
    assert needs[0].startswith("A senior UX researcher")
    assert "ask whether this is still open" in needs[1]
    give = lines(sheet, "What I can give")
    assert give[0].startswith("Introduce Priya Raman") and "researcher" in give[0]
    assert not any("Ed Co" in g for g in give)  # her own colleague
    assert not any("Bob Baker" in g for g in give)
    assert need_words("Nurse volunteers for a study") == ["nurs", "volunt", "studi"]


def test_promises_first_and_what_they_owe_gently(sally, now):
    ledger.add_promise(sally, "i_owe", "Send the deck", now=now, due=now.date())
    ledger.add_promise(sally, "they_owe", "Intro to their CTO", now=now)
    sheet = build_prep_sheet(sally, now)
    assert lines(sheet, "What I can give")[0] == (
        "Deliver first: Send the deck (due 23 Nov 2026, due today)"
    )
    # promised minutes ago: no nudge proposed yet
    assert lines(sheet, "What they owe me") == [
        "Intro to their CTO. No nudge yet; if it has not come, nudge from 26 Nov 2026."
    ]
    later = build_prep_sheet(sally, now.add(days=3))
    assert lines(later, "What they owe me") == [
        "Intro to their CTO. Gently: Hi Sally, hope all is well! Just checking in about "
        "“intro to their CTO”. No rush at all."
    ]
    assert lines(later, "What I can give")[0] == (
        "Deliver first: Send the deck (OVERDUE: due 23 Nov 2026, 3 days late)"
    )
    assert later.section("What I can give").overdue == {0}
    assert "deliver “send the deck”" in " ".join(lines(sheet, "Agenda for a 30-minute coffee"))


def test_my_ask_vague_specific_offer_first_and_suggested(sally, now):
    assert "No ask pending" in lines(build_prep_sheet(sally, now), "My ask")[0]
    set_target("XYZ Corp", True, now)
    assert "hiring manager" in lines(build_prep_sheet(sally, now), "My ask")[0]
    ledger.add_ask(sally, "Any advice?", now=now)
    mine = lines(build_prep_sheet(sally, now), "My ask")
    assert "vague" in mine[0] and "offer something first" in mine[1]
    ledger.add_give(sally, "advice", "Portfolio review", now=now)
    ledger.add_give(sally, "resource", "Sent the article", now=now)
    ledger.add_ask(
        sally,
        "An email intro to Priya",
        now=now.add(seconds=1),
        target_contact=resolve_contact("priya"),
    )
    mine = lines(build_prep_sheet(sally, now.add(seconds=2)), "My ask")
    assert mine == [  # every pending ask
        "An email intro to Priya (Priya Raman)",
        "Any advice?: vague. Make it specific, like “an email intro to the hiring manager "
        "for my kind of role at XYZ Corp”.",
    ]


def test_questions_leave_out_what_a_recent_interaction_answered(sally, now):
    assert len(lines(build_prep_sheet(sally, now), "Questions to ask")) == 3
    ledger.add_need(sally, "A designer", now=now)
    log_interaction([sally], kind="coffee", when=now, summary="Her big problem is hiring", now=now)
    assert lines(build_prep_sheet(sally, now), "Questions to ask") == [
        "Who could help you solve them?"
    ]


def test_markdown_has_every_section(sally, now):
    ledger.add_promise(sally, "they_owe", "Intro", now=now)
    ledger.add_give(sally, "advice", "Feedback", now=now)
    reminders.remind(sally, now.add(days=2), "ask about the panel", now)
    text = to_markdown(build_prep_sheet(sally, now))
    assert text.startswith("# Sally Jones\n")
    for title in ORDER:
        if title not in ("Their needs",):
            assert f"## {title}" in text


def test_the_demo_network_exercises_every_section(db, now):
    load_demo(now)
    seen = set()
    for name in ("Sally Jones", "Walter Hughes", "Hugo Laurent", "Kwame Asante", "Priya Raman"):
        sheet = build_prep_sheet(resolve_contact(name), now)
        seen |= {s.title for s in sheet.sections}
    assert seen == set(ORDER)
    assert match_people(["A senior UX researcher"], exclude=resolve_contact("Sally Jones"))


def test_dates_are_shown_in_the_users_zone(db):
    import pendulum

    from netty.services.timeline import timeline

    now = pendulum.parse("2026-11-23T10:00:00-08:00")
    tia = add_contact(ContactFields(name="Tia Zone"), now.subtract(days=3)).id
    late = pendulum.parse("2026-11-22T23:30:00-08:00")  # 07:30 UTC on the 23rd
    log_interaction([tia], kind="coffee", when=late, summary="late coffee", now=now)
    assert lines(build_prep_sheet(tia, now), "Remember")[0].startswith("22 Nov 2026 coffee")
    assert "Nov 22, 2026 11:30 PM" in timeline(tia, now)[0].detail


def test_my_ask_comes_from_the_best_warm_route_through_them(db, now):
    from netty.services.knows import add_knows

    set_target("XYZ Corp", True, now)
    lena = add_contact(ContactFields(name="Lena Park", ring=1), now).id
    sally = add_contact(ContactFields(name="Sally Jones", organization="XYZ Corp"), now).id
    tom = add_contact(ContactFields(name="Tom Wu"), now).id
    bob = add_contact(ContactFields(name="Bob Stone", organization="XYZ Corp"), now).id
    add_knows(lena, tom, now, "friend")
    add_knows(tom, bob, now, "colleague")
    # three steps only: Lena knows Tom, who knows Bob at XYZ Corp
    assert lines(build_prep_sheet(lena, now), "My ask") == [
        "No ask pending. Ask Lena for an email intro to Tom Wu, who knows Bob Stone at "
        "XYZ Corp, a target."
    ]
    add_knows(lena, sally, now, "colleague")  # one step nearer and stronger
    assert lines(build_prep_sheet(lena, now), "My ask") == [
        "No ask pending. Ask Lena for an email intro to Sally Jones at XYZ Corp, a target."
    ]
    ledger.add_promise(lena, "i_owe", "the deck", now=now)
    assert lines(build_prep_sheet(lena, now), "My ask") == [
        "No ask pending. Give first: you owe Lena “the deck”; then ask Lena for an email "
        "intro to Sally Jones at XYZ Corp, a target."
    ]


def test_my_ask_says_give_first_when_i_asked_more_than_i_gave(db, now):
    from netty.services.knows import add_knows

    set_target("XYZ Corp", True, now)
    lena = add_contact(ContactFields(name="Lena Park", ring=1), now).id
    sally = add_contact(ContactFields(name="Sally Jones", organization="XYZ Corp"), now).id
    add_knows(lena, sally, now, "friend")
    aid = ledger.add_ask(lena, "A reference", now=now)
    ledger.close_item(f"a{aid}", "done", now)
    mine = lines(build_prep_sheet(lena, now), "My ask")
    assert mine[0] == (
        "No ask pending. Give first: you have only asked of Lena (1 ask, no gives); "
        "then ask Lena for an email intro to Sally Jones at XYZ Corp, a target."
    )
    assert "offer something first" in mine[1]
