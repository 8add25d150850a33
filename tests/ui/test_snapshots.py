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
    """Toasts time out after a few seconds: take them away so pictures don't depend on speed."""
    pilot.app.clear_notifications()
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
