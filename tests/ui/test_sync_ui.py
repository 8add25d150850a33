"""The app syncs a configured vdir at start and on its poll, in a worker, and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from netty.services import settings
from netty.services.contacts import ContactFields, add_contact
from netty.ui.widgets.contact_list import ContactList
from tests.ui.conftest import SIZE, notices, screen_text, settle

BOB = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bob-1\r\nFN:Bob Ray\r\nEMAIL:bob@x.example\r\nEND:VCARD\r\n"
)


@pytest.fixture
def vdir(tmp_path: Path, db, now) -> Path:
    folder = tmp_path / "vdir"
    folder.mkdir()
    (folder / "bob-1.vcf").write_text(BOB)
    add_contact(ContactFields(name="Sally Jones", emails=["sally@xyz.example"]), now)
    settings.put("sync.vdir", str(folder), now)
    return folder


async def test_syncs_at_start_when_switched_on(vdir, make_app, now):
    settings.put("sync.on_start", True, now)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert "⇅ synced 10:00" in text
        names = [r.name for r in app.screen.query_one(ContactList).rows]
        assert sorted(names) == ["Bob Ray", "Sally Jones"]
        assert any(n.startswith(f"synced vdir {vdir}: 1 in, 1 out") for n in notices(app))
    assert len(list(vdir.glob("*.vcf"))) == 2


async def test_off_by_default(vdir, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "synced" not in screen_text(app)
        assert len(app.screen.query_one(ContactList).rows) == 1
    assert [p.name for p in vdir.glob("*.vcf")] == ["bob-1.vcf"]


async def test_a_failed_sync_is_shown_not_fatal(vdir, make_app, now):
    settings.put("sync.on_start", True, now)
    (vdir / "bob-1.vcf").unlink()
    vdir.rmdir()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert "sync failed:" in screen_text(app)
        assert any("is not a folder" in n for n in notices(app))
        await pilot.press("j")  # still alive and answering keys
        assert app.is_running


async def test_the_palette_syncs_now(vdir, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"sync: now")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert "⇅ synced 10:00" in screen_text(app)
        assert len(app.screen.query_one(ContactList).rows) == 2


async def test_syncs_on_the_poll_when_switched_on(vdir, db, now):
    from netty.ui.app import NettyApp

    settings.put("sync.poll", True, now)
    app = NettyApp(str(db), now=lambda: now, poll_seconds=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)
        await settle(pilot)
        assert "⇅ synced 10:00" in screen_text(app)
        assert len(app.screen.query_one(ContactList).rows) == 2
