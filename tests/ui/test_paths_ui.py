"""The warm-paths view: `W` on a contact, `t` to switch, the palette's "Warm paths to…"."""

from __future__ import annotations

from netty.ui.screens.main import MainScreen
from netty.ui.screens.paths import PathsScreen
from tests.ui.conftest import SIZE, screen_text, settle


async def _select(pilot, name: str) -> None:
    await settle(pilot)
    await pilot.press("slash", *name, "enter")
    await settle(pilot)


async def test_w_shows_ranked_routes_to_their_organization_and_t_to_them(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await _select(pilot, "hannah")
        await pilot.press("W")
        await settle(pilot)
        assert isinstance(demo_app.screen, PathsScreen)
        text = screen_text(demo_app)
        assert "Warm paths to Evergreen Health Partners, a target" in text
        assert "1. you → Priya Raman → Hannah Ortiz" in text
        assert "Ask Priya for an email intro to Hannah Ortiz at Evergreen Health Partners" in text
        assert "Give first: you owe Lena" in text  # Lena's route, demoted and saying why
        await pilot.press("t")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "Warm paths to Hannah Ortiz at Evergreen Health Partners, a target" in text
        await pilot.press("t")
        await settle(pilot)
        assert "Warm paths to Evergreen Health Partners" in screen_text(demo_app)
        await pilot.press("escape")
        assert isinstance(demo_app.screen, MainScreen)


async def test_the_palette_asks_for_a_target_and_no_route_is_never_empty(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"warm paths to")
        for _ in range(40):
            await pilot.pause(0.05)
            if "Who can get you to an organization or a person" in screen_text(demo_app):
                break
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"orchard", "enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, PathsScreen)
        text = screen_text(demo_app)
        assert "Warm paths to Orchard Health, a target" in text
        assert "No warm route to Orchard Health within 3 steps yet." in text
        assert "People at your other targets came through:" in text
        # another target from here: one nobody has heard of says so
        await pilot.press("slash", *"Nowhere Inc", "enter")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "no organization or contact matches 'Nowhere Inc'" in text
        assert "Press / to name an organization or a person." in text
        await pilot.press("slash", *"summit", "enter")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "1. you → Kwame Asante → Inês Duarte → Marco Bianchi" in text


async def test_the_contact_form_records_whom_they_know(demo_app):
    from netty.services.contacts import resolve_contact
    from netty.services.knows import acquaintances

    priya = resolve_contact("Priya Raman")
    async with demo_app.run_test(size=SIZE) as pilot:
        await _select(pilot, "priya")
        await pilot.press("e")
        await settle(pilot)
        field = demo_app.screen.query_one("#knows")
        assert field.value == "Hannah Ortiz (friend)"
        field.focus()
        await pilot.press("end", *", Zoë Müller (colleague)", "ctrl+s")
        await settle(pilot)
        assert [(p.name, p.how) for p in acquaintances(priya)] == [
            ("Hannah Ortiz", "friend"),
            ("Zoë Müller", "colleague"),
        ]
        await pilot.press("u")  # one change: undone together
        await settle(pilot)
        assert [p.name for p in acquaintances(priya)] == ["Hannah Ortiz"]
        await pilot.press("e")
        await settle(pilot)
        field = demo_app.screen.query_one("#knows")
        field.focus()
        await pilot.press("end", *", Nobody Known", "ctrl+s")
        await settle(pilot)
        assert "no contact matches 'Nobody Known'" in screen_text(demo_app)
        assert [p.name for p in acquaintances(priya)] == ["Hannah Ortiz"]
