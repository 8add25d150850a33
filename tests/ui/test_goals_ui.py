"""The goals view (`o`) and the strategy page (`S`), driven with real keys."""

from __future__ import annotations

from textual.widgets import ProgressBar, TextArea

from netty.services import goals, strategy
from netty.services.contacts import ContactFields, add_contact
from netty.services.targets import set_person_target
from netty.services.timeline import log_interaction
from netty.ui.screens.card import ContactCardScreen
from netty.ui.screens.goals import GoalsScreen
from netty.ui.screens.main import MainScreen
from netty.ui.screens.strategy import StrategyScreen
from tests.ui.conftest import SIZE, notices, screen_text, settle


async def test_o_offers_the_defaults_and_a_accepts_them_in_one_key(db, now, make_app):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    log_interaction([sally], kind="coffee", when=now.subtract(hours=1), now=now)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        text = screen_text(app)
        assert "No goals yet. Press a to accept these:" in text
        assert "2 coffees or meals a week" in text and "2 new people in ring 3 a month" in text
        assert not app.screen.query(ProgressBar)
        await pilot.press("a")
        await settle(pilot)
        assert [g.kind for g in goals.goals()] == [
            "coffees",
            "events",
            "pings",
            "gives",
            "new-ring3",
        ]
        bars = list(app.screen.query(ProgressBar))
        assert [(b.progress, b.total) for b in bars][:2] == [(1, 2), (0, 1)]
        text = screen_text(app)
        assert "0 of 5 goals met" in text and "1 of 2 · last week 0" in text
        assert "Press a" not in text
        assert any("Accepted the default goals" in n for n in notices(app))
        await pilot.press("a")  # only while no goal is set: nothing happens
        await pilot.press("u")
        await settle(pilot)
        assert goals.goals() == []
        assert "No goals yet" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_goals_view_shows_streaks_met_goals_and_targets(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "1 of 5 goals met" in text
        assert "3 of 5 · last week 1" in text  # pings this week
        assert "1 of 1 ✓ · last month 2 · streak 4 months" in text
        assert "Dana Wu (Head of Design at Northwind Health): Runs design at Northwind" in text
        await pilot.press("S")  # on to the strategy page, and back with o
        await settle(pilot)
        assert isinstance(demo_app.screen, StrategyScreen)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(demo_app.screen, GoalsScreen)


async def test_S_shows_the_page_and_e_edits_it_as_one_change(db, now, make_app):
    add_contact(ContactFields(name="Sally Jones", ring=2, channel="civic club"), now)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, StrategyScreen)
        text = screen_text(app)
        assert "(not written yet: what I do now and what it" in text
        assert "people: 0 in ring 1, 1 in ring 2, 0 in ring 3" in text
        assert "professional association:" in text  # a channel with no reach, with advice
        assert "civic club: 1 (0/1/0) · 0" in text  # reach per channel and ring, 90 days
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#field-now", TextArea)
        await pilot.press(*"Between jobs [bold]for now[/]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StrategyScreen)
        assert strategy.texts()["now"] == "Between jobs [bold]for now[/]"
        assert "Between jobs [bold]for now[/]" in screen_text(app)  # shown literally
        assert any("Wrote the strategy: where am i now" in n for n in notices(app))
        await pilot.press("u")
        await settle(pilot)
        assert strategy.texts()["now"] == ""
        assert "Between jobs" not in screen_text(app)


async def test_the_palette_opens_goals_and_strategy(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"strategy: gap")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, StrategyScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"goals: this week")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, GoalsScreen)


async def test_the_card_says_a_person_is_a_target_and_why(db, now, make_app):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    set_person_target(sally, True, now, "runs the design team I want to join")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactCardScreen)
        assert "target runs the design team I want to join" in screen_text(app)


async def test_goals_and_strategy_are_readable_at_80x24(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "last month 2 · streak" in text and "4 months" in text  # wrapped, not cut
        await pilot.press("S")
        await settle(pilot)
        text = screen_text(demo_app)
        assert "Where am I now?" in text and "The numbers" in text
