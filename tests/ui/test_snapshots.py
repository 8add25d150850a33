"""SVG snapshots of the main screens at 120x36 with a fixed clock, over the demo network.

Update them after an intended change with `pytest tests/ui --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from tests.ui.conftest import SIZE, settle


async def _ready(pilot) -> None:
    await settle(pilot)
    await _quiet(pilot)


async def _quiet(pilot) -> None:
    """Pictures must not depend on speed: toasts time out after a few seconds, and a
    text cursor blinks every half second. Take the toasts away, stop the blinking."""
    pilot.app.clear_notifications()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def _then(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await _quiet(pilot)

    return run_before


def test_main_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("j", "j"))


def test_main_screen_filtered(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("slash", *"health"))


def test_main_screen_narrow(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_ready)


def test_help(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("question_mark"))


def test_add_form(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("a"))


def test_log_form(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("l", *"Coffee at Heart"))


def test_prep_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("j", "p"))


def test_markup_names_render_literally(snap_compare, evil_app):
    assert snap_compare(evil_app, terminal_size=SIZE, run_before=_ready)


def test_due_view(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("d"))


def test_event_mode(snap_compare, demo_app):
    keys = ("E", *"Rotary breakfast", "tab", "tab", "tab", "tab")
    lines = "Sally Jones @XYZ Corp, VP Engineering needs: a UX designer\tPriya Ramen, Researcher"

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*keys, *_typed(lines))
        preview = pilot.app.screen.query_one("#event-preview")
        for _ in range(100):  # the preview is read 0.25 s after the last keystroke
            await pilot.pause(0.05)
            if preview.option_count == 2:
                break
        await settle(pilot)
        await _quiet(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=run_before)


def _typed(text: str) -> list[str]:
    return ["enter" if ch == "\t" else ch for ch in text]


def test_contact_card(snap_compare, demo_app):
    assert snap_compare(
        demo_app, terminal_size=SIZE, run_before=_then("slash", *"sally", "enter", "enter")
    )


def test_week_plan(snap_compare, demo_app):
    """`w` in the due view: the next seven days as one queue, wrapped rows hanging."""
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("d", "w"))


def test_prep_screen_with_an_overdue_promise(snap_compare, demo_app):
    """Sally Jones: a promise I owe is four days overdue, marked and coloured so."""

    async def run_before(pilot) -> None:
        from netty.services.contacts import resolve_contact

        await settle(pilot)
        pilot.app.open_contact(resolve_contact("Sally Jones"))
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await _quiet(pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_welcome_card(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_ready)


def test_paths_view(snap_compare, demo_app):
    keys = ("slash", *"hannah", "enter", "W")
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then(*keys))


def test_goals_view(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("o"))


def test_goals_view_narrow(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_then("o"))


def test_strategy_view(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("S"))


def test_strategy_view_narrow(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_then("S"))


def test_progress_view(snap_compare, demo_app):
    """`v`: six months of the demo network as charts, per month."""
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("v"))


def test_progress_view_narrow(snap_compare, demo_app):
    """The progress view stays readable at 80x24."""
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_then("v"))


def test_update_letter(snap_compare, demo_app):
    """`L`: who gets the update letter, and the first one in full."""
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=_then("L"))
