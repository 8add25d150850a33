"""The progress view (`v`) and the update letter (`L`), driven by real keys."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import unquote

from netty.db.models import Interaction, Reminder
from netty.services import update_letter
from netty.ui.screens.letter import LetterScreen
from netty.ui.screens.progress import ProgressScreen
from tests.ui.conftest import SIZE, notices, opened, screen_text, settle


async def test_v_shows_six_months_of_figures_and_b_switches_to_weeks(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(demo_app.screen, ProgressScreen)
        text = screen_text(demo_app)
        assert "Progress · per month · May 1, 2026 to now" in text
        assert "171 conversations (54 in person)" in text
        assert "kept 1 promise (1 late) · 4 kept to me" in text
        assert "7 thank-yous · 5 needs met with my help" in text
        assert "Conversations per month" in text and "Gives and asks per month" in text
        assert "reached in ring 3:   27" in text
        await pilot.press("b")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "Progress · per week · May 18, 2026 to now" in text
        assert "Conversations per week" in text
        await pilot.press("r")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "Review of November 2026" in text and "Who helped me" in text
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert not isinstance(demo_app.screen, ProgressScreen)


async def test_the_palette_opens_the_progress_view(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"progress: charts")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ProgressScreen)


async def test_the_letter_previews_each_recipient_and_opens_it_in_mail(demo_app, tmp_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(demo_app.screen, LetterScreen)
        text = screen_text(demo_app)
        assert "10 recipients" in text
        assert "To: Chidi Okonkwo <c.okonkwo@crmc.example>" in text and "Hi Chidi," in text
        await pilot.press("j")
        await settle(pilot)
        assert "Hi Fatima," in screen_text(demo_app)
        await pilot.press("o")
        await settle(pilot)
        (link,) = opened(tmp_path)
        assert link.startswith("mailto:hello@sunnysidebread.example?subject=")
        assert "Hi Fatima," in unquote(link)


async def test_e_edits_the_template_and_the_preview_follows(demo_app, now):
    update_letter.set_template({"where": ""}, now)
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press(*"I left Acme in September.", "ctrl+s")
        await settle(pilot)
        assert isinstance(demo_app.screen, LetterScreen)
        assert "I left Acme in September." in screen_text(demo_app)
        assert update_letter.template().where == "I left Acme in September."
        assert any("Press u to undo" in n for n in notices(demo_app))


async def test_x_exports_eml_files_into_the_home_folder(demo_app, tmp_path):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "L")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        folder = Path.home() / "netty-update-2026-11-23"
        files = sorted(folder.glob("*.eml"))
        assert len(files) == 8  # ten recipients, two without an email address
        message = BytesParser(policy=policy.default).parsebytes(files[0].read_bytes())
        assert message["To"].addresses[0].addr_spec
        assert any(f"Wrote 8 letters to {folder}" in n for n in notices(demo_app))


async def test_S_marks_the_update_sent_in_one_change_and_u_takes_it_back(demo_app, now):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        emails_before = Interaction.select().where(Interaction.kind == "email").count()
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        emails = Interaction.select().where(Interaction.kind == "email").count()
        assert emails == emails_before + 10
        assert Reminder.get(Reminder.text == update_letter.REMINDER_TEXT).due_at == now.add(days=42)
        assert any("Sent the update to 10 people" in n for n in notices(demo_app))
        await pilot.press("u")
        await settle(pilot)
        assert Interaction.select().where(Interaction.kind == "email").count() == emails_before
        assert not Reminder.select().where(Reminder.text == update_letter.REMINDER_TEXT).exists()
