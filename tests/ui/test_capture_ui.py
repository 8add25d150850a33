"""Give before you get in the app: the log preview, wrap-up, ticking off, event mode."""

from __future__ import annotations

from netty.services import ledger
from netty.services.contacts import ContactFields, add_contact, list_contacts
from netty.services.timeline import contact_detail
from netty.ui.app import NettyApp
from netty.ui.screens.main import MainScreen
from tests.ui.conftest import SIZE, screen_text, settle


def make(db, now):
    return NettyApp(str(db), now=lambda: now, poll_seconds=3600)


async def test_the_log_form_previews_and_records_a_note(db, now):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l", *"coffee. needs: a UX designer; i owe: the deck by fri #fintech")
        await pilot.pause()
        text = screen_text(app)
        assert "will record:" in text and "need: a UX designer" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
    d = contact_detail(sally)
    assert d.needs[0].text == "a UX designer" and d.promises[0].text == "the deck"
    assert d.contact.tags == ("fintech",) and d.interactions[0].summary == "coffee."


async def test_wrap_up_ticks_off_needs_and_promises_in_the_same_save(db, now):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    ledger.add_need(sally, "A designer", now=now)
    ledger.add_promise(sally, "i_owe", "Send the deck", now=now)
    ledger.add_promise(sally, "they_owe", "Intro to CTO", now=now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert "Wrap up with Sally Jones" in screen_text(app)
        await pilot.press(*"Great coffee")
        app.screen.query_one("#open-items").focus()
        await pilot.press("space", "down", "space", "space")  # need met, promise dropped
        await pilot.press("ctrl+s")
        await settle(pilot)
    d = contact_detail(sally)
    assert d.needs[0].status == "met"
    status = {p.text: p.status for p in d.promises}
    assert status == {"Send the deck": "dropped", "Intro to CTO": "open"}
    assert d.interactions[0].summary == "Great coffee"


async def test_space_in_the_timeline_closes_records(db, now):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    ledger.add_ask(sally, "Intro to Dana", now=now.subtract(days=1))
    ledger.add_need(sally, "A designer", now=now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "space")  # the newest item: the need
        await settle(pilot)
        await pilot.press("G", "n")  # the oldest: the ask, declined
        await settle(pilot)
    d = contact_detail(sally)
    assert d.needs[0].status == "met" and d.asks[0].status == "declined"


async def test_event_mode_five_people_one_save(db, now):
    add_contact(ContactFields(name="Sally Jones"), now)
    app = make(db, now)
    lines = [
        "Sally Jones @XYZ Corp, VP Engineering needs: a UX designer",
        "Bob Stone, Pastor",
        "Cy Twombly #art",
        "Dee Dee i owe: the article",
        "Eve Ng @Northwind Health",
    ]
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await pilot.press("E", *"Rotary breakfast", "tab", "ctrl+u", *"yesterday")
        app.screen.query_one("#event-people").focus()
        for line in lines:
            await pilot.press(*line, "enter")
        await pilot.pause(0.4)
        await settle(pilot)
        text = screen_text(app)
        assert "Sally Jones (#1, existing)" in text and "Bob Stone (new)" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    names = sorted(r.name for r in list_contacts())
    assert names == ["Bob Stone", "Cy Twombly", "Dee Dee", "Eve Ng", "Sally Jones"]
    assert contact_detail(1).needs[0].text == "a UX designer"


async def test_escape_in_event_mode_asks_before_discarding(db, now):
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E", *"Block party", "escape")
        assert "Discard this event?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
