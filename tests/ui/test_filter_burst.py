"""Keys typed in one burst after / go to the filter (seen in tmux: /sally sorted the list
and opened the Add form)."""

from __future__ import annotations

from textual import events

from tests.ui.conftest import SIZE, settle


async def test_typing_straight_after_slash_filters(demo_app):
    """Keys that arrive in one burst after / (a fast typist, a paste, tmux) all go to
    the filter: none is taken as a list key (s sorts, a adds)."""
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, char in (("slash", "/"), *((c, c) for c in "sally")):
            demo_app.post_message(events.Key(key, char))
        await settle(pilot)
        assert demo_app.screen.query_one("#filter").value == "sally"
        assert type(demo_app.screen).__name__ == "MainScreen"
