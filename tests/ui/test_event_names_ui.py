"""Event mode never makes a new contact for a name that matches several: it asks."""

from __future__ import annotations

import pendulum

from netty.services.contacts import ContactFields, add_contact, list_contacts
from netty.services.timeline import contact_detail, log_interaction
from netty.ui.app import NettyApp
from netty.ui.screens.event import EventScreen
from netty.ui.screens.main import MainScreen
from tests.ui.conftest import screen_text, settle


async def test_an_ambiguous_name_is_shown_with_each_candidate_and_must_be_chosen(db, now):
    a = add_contact(ContactFields(name="Sam Lee", organization="Acme", title="CTO"), now).id
    add_contact(ContactFields(name="Sam Lee", organization="Globex"), now)
    log_interaction([a], kind="call", when=pendulum.datetime(2026, 10, 1, 9), now=now)
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("E", *"Rotary breakfast")
        app.screen.query_one("#event-people").focus()
        await pilot.press(*"Sam Lee needs: a designer")
        await pilot.pause(0.4)
        await settle(pilot)
        text = screen_text(app)
        assert "? Sam Lee matches 2 contacts: space to choose" in text
        assert "Sam Lee #1 (CTO, Acme; last contact 2026-10-01)" in text
        assert "Sam Lee #2 (Globex; never contacted)" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventScreen)  # nothing saved, nobody guessed
        error = app.screen.query_one("#form-error").render()
        assert str(error) == (
            "line 1: Sam Lee matches several contacts; highlight the line below and press "
            "space to choose who it is"
        )
        assert len(list_contacts()) == 2
        app.screen.query_one("#event-preview").focus()
        await pilot.press("space", "space")  # the first candidate, then the second
        assert "= Sam Lee (#2, existing)" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert len(list_contacts()) == 2
    assert [n.text for n in contact_detail(2).needs] == ["a designer"]
