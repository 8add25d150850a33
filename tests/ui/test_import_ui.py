"""The import dialog (i) and the duplicates screen (M)."""

from __future__ import annotations

from pathlib import Path

from netty.services.contacts import ContactFields, add_contact, list_contacts
from netty.ui.app import NettyApp
from netty.ui.screens.main import MainScreen
from tests.ui.conftest import SIZE, screen_text, settle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def make(db, now):
    return NettyApp(str(db), now=lambda: now, poll_seconds=3600)


async def test_import_a_linkedin_file_shows_the_report(db, now):
    app = make(db, now)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i", *str(FIXTURES / "linkedin_connections.csv"), "ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "Imported LinkedIn" in text and "created" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.contacts.total == len(list_contacts()) > 0


async def test_a_refused_file_says_why_and_writes_nothing(db, now):
    app = make(db, now)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i", *str(FIXTURES / "linkedin_export.zip"), "ctrl+s")
        await settle(pilot)
        assert "unzip it first" in screen_text(app)
    assert list_contacts() == []


async def test_review_and_merge_duplicates(db, now):
    keep = add_contact(ContactFields(name="Ann Lee", organization="Acme"), now).id
    other = add_contact(
        ContactFields(name="Ann  Lee", organization="Acme", emails=["ann@acme.example"]), now
    ).id
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert "keep  Ann Lee #1  Acme · never contacted" in screen_text(app)
        await pilot.press("m", "m")
        await settle(pilot)
    names = [(r.id, r.emails) for r in list_contacts()]
    assert names == [(keep, ("ann@acme.example",))]
    assert [r.id for r in list_contacts(archived=True)] == [other]
