"""The duplicates screen (M): one pair at a time, both sides told apart, field by field."""

from __future__ import annotations

import pendulum

from netty.services.contacts import ContactFields, add_contact, get_contact, list_contacts
from netty.services.timeline import log_interaction
from netty.ui.app import NettyApp
from netty.ui.screens.duplicates import DuplicatesScreen, MergeDialog
from tests.ui.conftest import SIZE, notices, screen_text, settle


def make(db, now):
    return NettyApp(str(db), now=lambda: now, poll_seconds=3600)


def two_sams(now):
    a = add_contact(
        ContactFields(
            name="Sam Lee", organization="Acme", title="CTO", emails=["sam@acme.example"]
        ),
        now,
    ).id
    b = add_contact(
        ContactFields(name="Samuel Lee", organization="Globex", title="Designer", ring=1), now
    ).id
    log_interaction([a], kind="coffee", when=pendulum.datetime(2026, 10, 1, 9), now=now)
    return a, b


async def test_each_side_shows_organization_emails_and_last_contact(db, now):
    two_sams(now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        text = screen_text(app)
        assert "1 possible duplicate pair. m merges one pair, field by field" in text
        assert " 90% nickname forms (Sam / Samuel)" in text
        assert "keep  Sam Lee #1  CTO, Acme · sam@acme.example · last contact 2026-10-01" in text
        assert "merge Samuel Lee #2  Designer, Globex · never contacted" in text


async def test_o_keeps_the_other_and_k_still_moves_up(db, now):
    two_sams(now)
    add_contact(ContactFields(name="Bill Ng"), now)
    add_contact(ContactFields(name="William Ng"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        listing = app.screen.query_one("#dupes-list")
        assert listing.option_count == 2 and listing.highlighted == 0
        await pilot.press("j")
        assert listing.highlighted == 1
        await pilot.press("k")  # movement wins: k moves up, never changes who is kept
        assert listing.highlighted == 0
        await pilot.press("G")
        assert listing.highlighted == 1
        await pilot.press("g")
        assert listing.highlighted == 0
        assert "keep  Bill Ng #3" in screen_text(app)  # same score: by name
        await pilot.press("o")
        assert "keep  William Ng #4" in screen_text(app)
        assert "merge Bill Ng #3" in screen_text(app)


async def test_merge_chooses_field_by_field(db, now):
    a, b = two_sams(now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MergeDialog)
        text = screen_text(app)
        for line in (
            "name          Sam Lee  |  Samuel Lee",
            "organization  Acme  |  Globex",
            "title         CTO  |  Designer",
            "ring          ring 3  |  ring 1",
        ):
            assert line in text
        await pilot.press("j", "space", "j", "j", "space")  # organization and ring from #2
        assert app.screen.take == {"organization", "ring"}
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        assert "No possible duplicates." in screen_text(app)
        assert any(
            "Merged Samuel Lee (#2) into Sam Lee (#1). name: kept Sam Lee; "
            "organization: took Globex; title: kept CTO; ring: took ring 1." in n
            for n in notices(app)
        )
    kept = get_contact(a)
    assert (kept.name, kept.organization, kept.title, kept.ring) == ("Sam Lee", "Globex", "CTO", 1)
    assert [c.id for c in list_contacts(archived=True)] == [b]


async def test_escape_in_the_merge_dialog_merges_nothing(db, now):
    two_sams(now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        await pilot.press("m", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen)
    assert len(list_contacts()) == 2


async def test_an_import_with_possible_duplicates_says_how_to_review_them(db, now):
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "import"
    app = make(db, now)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i", *str(fixtures / "linkedin_connections.csv"), "ctrl+s")
        await settle(pilot)
        assert "Review them with M on the main screen (or `netty duplicates`)." in screen_text(app)
