"""The reminder engine in the app: polled, notified once, acted on from the due view."""

from __future__ import annotations

from netty.services import ledger
from netty.services.contacts import ContactFields, add_contact
from netty.services.reminders import due
from netty.ui.app import NettyApp
from netty.ui.screens.due import DueScreen
from tests.ui.conftest import SIZE, notices, screen_text, settle


async def test_poll_notifies_once_for_what_became_due_then_snooze_and_done(db, now):
    add_contact(ContactFields(name="Ann Lee", ring=2), now)
    bob = add_contact(ContactFields(name="Bob Stone", ring=2), now).id
    ledger.add_promise(bob, "i_owe", "Send the deck", now=now, due=now.add(days=40).date())
    clock = {"now": now}
    app = NettyApp(str(db), now=lambda: clock["now"], poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert notices(app) == []  # nothing due yet
        clock["now"] = now.add(days=41)  # Ann's and Bob's pings, and Bob's promise
        app.poll_due()
        await settle(pilot)
        shown = notices(app)
        assert any("Ann Lee" in n for n in shown) and any("Send the deck" in n for n in shown)
        count = len(shown)
        app.poll_due()
        await settle(pilot)
        assert len(notices(app)) == count  # once, not on every poll

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
        screen = app.screen
        first = screen.selected
        assert first.id.startswith("deliver-")
        await pilot.press("space")  # done: the promise is delivered
        await settle(pilot)
        later = clock["now"]
        assert all(not i.id.startswith("deliver-") for i in due(later))
        ping = screen.selected
        assert ping.kind == "ping"
        await pilot.press("s", "2")  # snooze a week
        await settle(pilot)
        remaining = {i.id for i in due(later)}
        assert ping.id not in remaining
        assert ping.id not in [i.id for i in screen._items]  # gone from the view too
        assert any("Snoozed until" in n for n in notices(app))


async def test_the_due_view_logs_and_opens_contacts(db, now):
    ann = add_contact(ContactFields(name="Ann Lee", ring=1), now.subtract(days=30)).id
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("l", *"Called her", "ctrl+s")
        await settle(pilot)
        assert due(now, kinds=["ping"]) == []
        assert "Nothing due" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.contacts.highlighted.id == ann


async def test_enter_in_the_due_view_opens_the_contact(db, now):
    add_contact(ContactFields(name="Zed", ring=3), now)
    ann = add_contact(ContactFields(name="Ann Lee", ring=1), now.subtract(days=30)).id
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.contacts.highlighted.id == ann
