"""First run and finding your way: the welcome card, empty filters, the footer, keys."""

from __future__ import annotations

from netty.services import settings
from netty.services.contacts import ContactFields, add_contact
from netty.ui.app import NettyApp
from netty.ui.dialogs.contact_form import ContactForm, FormBody
from netty.ui.screens.due import DueScreen
from netty.ui.screens.help import HelpScreen
from netty.ui.screens.main import MainScreen
from netty.ui.widgets.contact_list import ContactList
from tests.ui.conftest import SIZE, notices, screen_text, settle


def make(db, now):
    return NettyApp(str(db), now=lambda: now, poll_seconds=3600)


def footer(app) -> str:
    return screen_text(app).rstrip().splitlines()[-1]


async def test_an_empty_database_opens_on_the_welcome_card(db, now):
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Welcome to netty" in text
        assert "netty keeps the people you network with" in text
        assert "i  import your LinkedIn connections (or a vCard, CSV or JSON file)" in text
        assert "a  add someone by hand" in text
        assert "netty demo  (in a shell) try it first on a demo network" in text
        assert "Contacts" not in text  # the empty panes are not shown
        await pilot.press("a", *"Ann Lee", "ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "Welcome to netty" not in text
        assert "1 / 1 contacts" in text
        assert app.focused is app.screen.query_one(ContactList)


async def test_keys_that_need_a_contact_say_what_to_do_first(db, now):
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("e", "l", "p", "w", "x", "slash"):
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert notices(app) == [
                "No contacts yet: press a to add one, or i to import LinkedIn."
            ], key
            assert isinstance(app.screen, MainScreen)


async def test_a_filter_that_matches_nothing_says_so(db, now):
    add_contact(ContactFields(name="Ann Lee"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzz")
        await settle(pilot)
        assert "No contact matches “zzz”. escape clears the filter." in screen_text(app)
        assert "0 / 1 contacts" in screen_text(app)
        await pilot.press("enter", "l")
        await pilot.pause()
        assert notices(app)[-1] == "No contact matches the filter: press escape to clear it first."
        await pilot.press("escape")
        await settle(pilot)
        assert "Ann Lee" in screen_text(app)


async def test_filter_ranks_name_matches_above_notes(db, now):
    add_contact(
        ContactFields(name="Theo Nakamura", notes="knows a dev shop"), now.subtract(days=300)
    )
    add_contact(ContactFields(name="Dev Patel"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ContactList).rows
        assert [r.name for r in rows] == ["Theo Nakamura", "Dev Patel"]  # Theo is overdue
        await pilot.press("slash", *"dev")
        await settle(pilot)
        rows = app.screen.query_one(ContactList).rows
        assert [r.name for r in rows] == ["Dev Patel", "Theo Nakamura"]


async def test_the_footer_shows_keys_and_quit_at_80_and_120_columns(demo_app, make_app):
    for size in ((80, 24), (120, 36)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            line = footer(app)
            assert "? keys" in line and "q quit" in line, (size, line)
            assert line.startswith(" / filter  a add  l log  p prep  d due  ? keys  q quit")


async def test_the_add_form_opens_scrolled_to_its_first_label(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(demo_app.screen, ContactForm)
        assert demo_app.screen.query_one(FormBody).scroll_y == 0
        assert "Name *" in screen_text(demo_app)


async def test_g_and_G_work_in_the_due_view_and_help(demo_app, make_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(demo_app.screen, DueScreen)
        listing = demo_app.screen.query_one("DueList")
        first = listing.highlighted
        assert listing.option_count > 2 and first is not None
        await pilot.press("G")
        assert listing.highlighted == listing.option_count - 1
        await pilot.press("g")
        assert listing.highlighted == first
        await pilot.press("q")  # q goes back from a screen (README)
        await settle(pilot)
        assert isinstance(demo_app.screen, MainScreen)
    demo_app = make_app()
    async with demo_app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(demo_app.screen, HelpScreen)
        box = demo_app.screen.query_one("VerticalScroll")
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(demo_app.screen, MainScreen)


async def test_q_on_the_main_screen_quits(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert demo_app._exit or not demo_app.is_running


async def test_theme_sort_and_ring_persist_across_restarts(db, now, demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "r", "r")  # sort by name, ring 2
        await settle(pilot)
        demo_app.theme = "nord"
        await pilot.pause()
    prefs = settings.preferences()
    assert (prefs.theme, prefs.sort, prefs.ring) == ("nord", "name", 2)
    again = make(db, now)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        contacts = again.screen.query_one(ContactList)
        assert contacts.sort == "name" and contacts.filter.ring == 2
        assert {r.ring for r in contacts.rows} == {2}
        assert [r.name_key for r in contacts.rows] == sorted(r.name_key for r in contacts.rows)
        assert "ring 2  ·  sorted by name" in screen_text(again)


async def test_q_goes_back_from_prep_and_duplicates_and_G_scrolls_the_prep_sheet(demo_app):
    from netty.ui.screens.duplicates import DuplicatesScreen
    from netty.ui.screens.prep import PrepScreen

    async with demo_app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(demo_app.screen, PrepScreen)
        box = demo_app.screen.query_one("#prep-full")
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(demo_app.screen, MainScreen)
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(demo_app.screen, DuplicatesScreen)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(demo_app.screen, MainScreen)
