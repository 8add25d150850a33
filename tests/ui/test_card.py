"""The contact card (`enter` / `c`) and the keys `y` (copy) and `o` (open) there and in the due view."""

from __future__ import annotations

from netty.services import ledger
from netty.services.contacts import ContactFields, add_contact
from netty.services.notes import record_note
from netty.ui.app import NettyApp
from netty.ui.screens.card import ContactCardScreen
from netty.ui.screens.due import DueScreen
from netty.ui.screens.main import MainScreen
from tests.ui.conftest import SIZE, notices, opened, screen_text, settle


async def test_enter_and_c_open_the_card_with_everything_on_it(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sally", "enter")  # enter in the filter: back to the list
        await settle(pilot)
        assert isinstance(demo_app.screen, MainScreen)
        await pilot.press("enter")  # enter on a contact: the card
        await settle(pilot)
        assert isinstance(demo_app.screen, ContactCardScreen)
        text = screen_text(demo_app)
        for seen in (
            "sally.jones@cascadeclinic.example",
            "+1 503 555 0160",
            "https://www.linkedin.com/in/sallyjones-cascade-demo",
            "Portland, OR",
            "#design-leaders #health #target-contacts",
            "Rotary Club breakfast; Omar introduced us at his table",
            "introduced by Omar Siddiqui",
            "ask whether the researcher role is still open",
            "from the email on 15 Nov 2026",
            "A senior UX researcher for the clinic scheduling redesign",
            "Send Sally one or two senior researcher names",
            "Moved from fintech to health in 2023.",  # personal details in full
            "Prefers email over LinkedIn.",
        ):
            assert seen in text, seen
        await pilot.press("escape")
        assert isinstance(demo_app.screen, MainScreen)
        await pilot.press("tab", "c")  # c works from the timeline too
        await settle(pilot)
        assert isinstance(demo_app.screen, ContactCardScreen)
        assert demo_app.screen.card.contact.name == "Sally Jones"


async def test_y_copies_the_selected_value_and_o_opens_it(db, now, make_app, tmp_path):
    add_contact(
        ContactFields(
            name="Sally Jones",
            emails=["sally@xyz.example"],
            phones=["+1 503 555 0160"],
            urls=["sallyjones.example"],
            location="Portland, OR",
        ),
        now,
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == "sally@xyz.example"
        await pilot.press("o")
        assert opened(tmp_path) == ["mailto:sally@xyz.example"]
        await pilot.press("j", "y", "o")
        assert app.clipboard == "+1 503 555 0160"
        await pilot.press("j", "o", "j", "y", "o")  # the location has nothing to open
        assert app.clipboard == "Portland, OR"
        assert opened(tmp_path) == [
            "mailto:sally@xyz.example",
            "tel:+15035550160",
            "https://sallyjones.example",
        ]
        assert any("Nothing to open here" in n for n in notices(app))


async def test_due_view_y_copies_the_nudge_and_o_writes_it(db, now, tmp_path):
    sally = add_contact(ContactFields(name="Sally Jones", emails=["sally@xyz.example"]), now).id
    record_note(
        [sally],
        "they owe: intro to Bob by nov 10",
        kind="coffee",
        when=now.subtract(days=20),
        now=now.subtract(days=20),
    )
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
        assert app.screen.selected.kind == "nudge"
        await pilot.press("y")
        wording = (
            "Hi Sally, hope all is well! Just checking in about “intro to Bob”. No rush at all."
        )
        assert app.clipboard == wording
        await pilot.press("o")
        [link] = opened(tmp_path)
        assert link.startswith("mailto:sally@xyz.example?body=Hi%20Sally%2C%20hope%20all")


async def test_due_view_copies_a_thank_you_and_says_when_there_is_no_address(db, now, tmp_path):
    ann = add_contact(ContactFields(name="Ann Lee"), now.subtract(days=100)).id
    pid = ledger.add_promise(ann, "they_owe", "Intro to Dana", now=now.subtract(days=3))
    ledger.close_item(f"p{pid}", "done", now.subtract(hours=5))
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.selected.kind == "thank"
        await pilot.press("y", "o")
        assert app.clipboard == "Hi Ann, thank you so much for “intro to Dana”. It really helped."
        assert opened(tmp_path) == []
        assert any("No email or phone for Ann Lee" in n for n in notices(app))
        await pilot.press("j", "y")  # a ping has no wording: the item itself
        assert app.clipboard.startswith("Ann Lee: ping")
        assert any(n.startswith("Copied: Ann Lee: ping") for n in notices(app))


async def test_the_palette_opens_the_card(db, now, make_app):
    add_contact(ContactFields(name="Sally Jones"), now)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"contact: card")
        for _ in range(40):
            await pilot.pause(0.05)
            if "Everything about the selected contact" in screen_text(app):
                break
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactCardScreen)
