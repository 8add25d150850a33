"""The prep sheet in the app: whole text full screen, shortened in the pane, and
`l` / `w` work from the full-screen sheet."""

from __future__ import annotations

from netty.services import ledger
from netty.services.contacts import ContactFields, add_contact
from netty.services.timeline import contact_detail
from netty.ui.app import NettyApp
from netty.ui.dialogs.log_form import LogForm
from netty.ui.screens.prep import PrepScreen
from tests.ui.conftest import SIZE, screen_text, settle

LONG = (
    "Walked through the whole onboarding flow with her team and agreed to send the annotated "
    "research plan, the recruiting screener and three interview guides before the holidays"
)


def painted(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_full_screen_keeps_every_word_and_l_logs_from_it(db, now):
    ann = add_contact(ContactFields(name="Ann Lee", details=LONG), now).id
    ledger.add_promise(ann, "i_owe", "Send the deck", now=now, due=now.subtract(days=3).date())
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = " ".join(painted(app.screen.query_one("#prep")))
        assert "p shows the whole sheet" in pane  # the side pane may shorten
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PrepScreen)
        rows = painted(app.screen.query_one("#prep-full-body"))
        lines = [r for r in rows if r.strip()]
        text = " ".join(" ".join(line.split()) for line in lines)
        assert LONG in text.replace("• ", "")
        first = next(r for r in rows if r.startswith("  • Walked"))
        after = rows[rows.index(first) + 1]
        assert after.startswith("    ") and not after.startswith("     ")  # hanging indent
        assert "Deliver first: Send the deck (OVERDUE: due 20 Nov 2026, 3 days late)" in text
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogForm)
        await pilot.press(*"Called her", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PrepScreen)
        assert contact_detail(ann).interactions[0].summary == "Called her"
        assert "1 interaction since Nov 2026" in screen_text(app)


async def test_w_wraps_up_from_the_prep_screen(db, now):
    add_contact(ContactFields(name="Ann Lee"), now)
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "w")
        await settle(pilot)
        assert isinstance(app.screen, LogForm) and app.screen.wrap_up
