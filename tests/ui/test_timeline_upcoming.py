"""The timeline shows open follow-ups in an "Upcoming" group above the history."""

from __future__ import annotations

from netty.services.contacts import ContactFields, add_contact
from netty.services.notes import record_note
from netty.services.timeline import reminders_of
from netty.ui.widgets.timeline import TimelineList
from tests.ui.conftest import SIZE, notices, screen_text, settle


async def test_upcoming_above_history_and_space_marks_a_follow_up_done(db, now, make_app):
    sally = add_contact(ContactFields(name="Sally Jones"), now.subtract(days=3)).id
    record_note(
        [sally],
        "coffee at Blue Bottle; follow up in 2 weeks: the design role",
        kind="coffee",
        when=now.subtract(days=1),
        now=now,
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert text.index("Upcoming") < text.index("follow up") < text.index("History")
        assert "follow up    the design role · coffee" in text  # the source, cut to fit
        await pilot.press("tab")
        timeline = app.screen.query_one(TimelineList)
        assert app.focused is timeline
        assert timeline.selected_item.ref == "r1"  # the cursor skips the heading
        await pilot.press("j")
        assert timeline.selected_item.ref == "i1"
        await pilot.press("k", "enter")
        text = screen_text(app)
        assert "Follow up: the design role" in text
        assert "From the coffee on 22 Nov 2026 (i1): “coffee at Blue Bottle”" in text
        await pilot.press("escape", "space")
        await settle(pilot)
        assert reminders_of(sally)[0].done_at == now
        assert any("marked r1 done. Press u to undo." in n for n in notices(app))
        text = screen_text(app)
        assert "Upcoming" not in text and "followed up" in text
