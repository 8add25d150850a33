"""Birthdays in the app: set in the contact form, shown in the due view and the week plan."""

from __future__ import annotations

from netty.services.contacts import ContactFields, add_contact, get_contact
from netty.services.reminders import due
from netty.ui.app import NettyApp
from netty.ui.dialogs.contact_form import ContactForm
from netty.ui.screens.due import DueScreen
from tests.ui.conftest import SIZE, notices, screen_text, settle


async def test_the_form_sets_a_birthday_refuses_a_bad_one_and_u_undoes_it(db, now):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        app.screen.query_one("#birthday").focus()
        await pilot.press(*"02-30")
        await settle(pilot)
        assert "birthday: February has no day 30" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm) and get_contact(sally).birthday is None
        await pilot.press(*["backspace"] * 5, *"1986-11-27")
        await settle(pilot)
        assert "no day" not in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ContactForm)
        assert get_contact(sally).birthday.iso() == "1986-11-27"
        shown = notices(app)
        assert any(n.startswith("Edited Sally Jones: birthday") for n in shown)
        assert "Sally Jones: turns 40 on Friday (in 4 days)" in shown  # the poll: newly due
        await pilot.press("c")  # the contact card
        await settle(pilot)
        assert "27 November 1986 · turns 40 on Friday (in 4 days)" in screen_text(app)
        await pilot.press("escape", "u")
        await settle(pilot)
        assert get_contact(sally).birthday is None


async def test_the_due_view_and_the_week_plan_show_a_birthday_and_l_wishes_them(db, now):
    add_contact(ContactFields(name="Tess Calloway", birthday="1984-11-27"), now)
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
        text = screen_text(app)
        assert "Birthdays (1)" in text
        assert "Fri 27 Nov Tess Calloway  turns 42 on Friday (in 4 days)" in text
        await pilot.press("y")
        await settle(pilot)
        assert any(n.startswith("Copied: Happy birthday, Tess!") for n in notices(app))
        await pilot.press("w")
        await settle(pilot)
        assert "birthday Tess Calloway  turns 42 on Friday" in screen_text(app)
        await pilot.press("w", "l", *"Happy birthday call", "ctrl+s")
        await settle(pilot)
        assert "birthday-c1-2026" not in {i.id for i in due(now)}  # the log answered it
        assert "Birthdays" not in screen_text(app)
