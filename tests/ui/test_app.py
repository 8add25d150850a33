"""Pilot tests: press the real keys, assert what the user sees."""

from __future__ import annotations

from netty.services.contacts import get_contact, list_contacts
from netty.services.timeline import interactions_of
from netty.ui.screens.main import MainScreen
from netty.ui.widgets.contact_list import ContactList
from tests.ui.conftest import EVIL_NAMES, SIZE, notices, screen_text, settle


async def test_opens_on_three_titled_panes_sorted_by_attention(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(demo_app)
        for title in ("Contacts", "Timeline", "Prep"):
            assert title in text
        assert "63 / 63 contacts" in text and "sorted by attention" in text
        rows = demo_app.screen.query_one(ContactList).rows
        assert rows[0].attention >= rows[-1].attention
        assert "Who" in text  # prep pane filled for the first contact


async def test_j_k_g_G_move_and_the_panes_follow(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        contacts = demo_app.screen.query_one(ContactList)
        await pilot.press("j", "j")
        await settle(pilot)
        assert contacts.cursor == 2
        name = contacts.highlighted.name
        assert name in str(demo_app.screen.query_one("#prep").render())
        await pilot.press("k")
        assert contacts.cursor == 1
        await pilot.press("G")
        assert contacts.cursor == len(contacts.rows) - 1
        await pilot.press("g")
        assert contacts.cursor == 0
        await pilot.press("end")
        assert contacts.cursor == 62
        await pilot.press("home", "down")
        assert contacts.cursor == 1


async def test_slash_filters_as_you_type_and_escape_clears(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zoe")
        await settle(pilot)
        contacts = demo_app.screen.query_one(ContactList)
        assert [r.name for r in contacts.rows] == ["Zoë Müller"]
        assert "1 / 63 contacts" in screen_text(demo_app)
        await pilot.press("enter")  # back to the list, filter kept
        assert demo_app.focused is contacts
        await pilot.press("escape")
        await settle(pilot)
        assert len(contacts.rows) == 63


async def test_sort_ring_and_due_filters(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        contacts = demo_app.screen.query_one(ContactList)
        await pilot.press("s")
        names = [r.name_key for r in contacts.rows]
        assert names == sorted(names)
        assert "sorted by name" in screen_text(demo_app)
        await pilot.press("s")
        lasts = [r.last_at for r in contacts.rows]
        seen = [last for last in lasts if last is not None]  # never in touch: last
        assert lasts == sorted(seen, reverse=True) + [None] * (len(lasts) - len(seen))
        await pilot.press("r")
        assert {r.ring for r in contacts.rows} == {1}
        await pilot.press("r", "r", "r")
        assert len(contacts.rows) == 63
        await pilot.press("exclamation_mark")
        assert contacts.rows and all(r.flags for r in contacts.rows)
        assert "due only" in screen_text(demo_app)


async def test_add_refuses_a_blank_name_then_saves(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.press("ctrl+s")
        assert "A name is required." in screen_text(demo_app)
        await pilot.press(*"Ada Lovelace")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(demo_app.screen, MainScreen)
        assert [r.name for r in list_contacts(search="lovelace")] == ["Ada Lovelace"]
        assert demo_app.screen.query_one(ContactList).highlighted.name == "Ada Lovelace"


async def test_escape_on_a_typed_form_asks_first(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Half typed", "escape")
        assert "Discard what you typed?" in screen_text(demo_app)
        await pilot.press("n")
        assert "Add contact" in screen_text(demo_app)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(demo_app.screen, MainScreen)
        assert list_contacts(search="half typed") == []
        await pilot.press("a", "escape")  # nothing typed: closes at once
        assert isinstance(demo_app.screen, MainScreen)


async def test_edit_changes_the_selected_contact(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        contact_id = demo_app.screen.query_one(ContactList).highlighted.id
        await pilot.press("e")
        assert "Edit contact" in screen_text(demo_app)
        await pilot.press("end", *" Jr", "ctrl+s")
        await settle(pilot)
        assert get_contact(contact_id).name.endswith(" Jr")


async def test_log_records_an_interaction_and_the_timeline_shows_it(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        contact_id = demo_app.screen.query_one(ContactList).highlighted.id
        await pilot.press("l")
        await pilot.press(*"Walked the waterfront, talked about her new team")
        await pilot.press("ctrl+s")
        await settle(pilot)
        latest = interactions_of(contact_id, limit=1)[0]
        assert latest.summary == "Walked the waterfront, talked about her new team"
        assert latest.kind == "note"  # the same default as `netty log`
        assert "Walked the waterfront" in screen_text(demo_app)


async def test_log_form_shows_what_a_date_phrase_means(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        demo_app.screen.query_one("#when").focus()
        await pilot.press("ctrl+u", *"3 days ago")
        await pilot.pause()
        assert "Friday 20 November 2026" in screen_text(demo_app)
        await pilot.press("ctrl+u", *"blorp")
        await pilot.pause()
        assert "can't read" in screen_text(demo_app)


async def test_x_archives_and_u_undoes(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        contacts = demo_app.screen.query_one(ContactList)
        victim = contacts.highlighted
        await pilot.press("x")
        await settle(pilot)
        assert victim.id not in [r.id for r in contacts.rows]
        assert any("Press u to undo" in n for n in notices(demo_app))
        await pilot.press("u")
        await settle(pilot)
        assert contacts.highlighted.id == victim.id
        assert not get_contact(victim.id).archived


async def test_p_opens_prep_full_screen_and_escape_returns(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        name = demo_app.screen.query_one(ContactList).highlighted.name
        await pilot.press("p")
        text = screen_text(demo_app)
        assert "Prep sheet" in text and name in text
        await pilot.press("escape")
        assert isinstance(demo_app.screen, MainScreen)


async def test_enter_on_a_timeline_item_shows_it_whole(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert demo_app.focused.id == "timeline"
        await pilot.press("enter")
        assert "started by" in screen_text(demo_app)
        await pilot.press("escape")
        assert isinstance(demo_app.screen, MainScreen)


async def test_question_mark_lists_pane_and_app_keys(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        text = screen_text(demo_app)
        for expected in ("Contacts pane", "Main screen", "Filter contacts"):
            assert expected in text
        seen = text
        for _ in range(40):  # the list is longer than the screen: read it down to its end
            await pilot.press("j")
            seen += screen_text(demo_app)
        for expected in ("Archive the selected contact", "Everywhere", "Quit netty"):
            assert expected in seen
        await pilot.press("escape")
        assert isinstance(demo_app.screen, MainScreen)


async def test_palette_jumps_to_a_contact_by_name(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Priya")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert demo_app.screen.query_one(ContactList).highlighted.name.startswith("Priya")


async def test_q_quits(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert demo_app.return_code == 0


async def test_narrow_terminal_stacks_the_panes(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert demo_app.screen.has_class("-narrow")
        contacts = demo_app.screen.query_one("#contacts-pane").region
        timeline = demo_app.screen.query_one("#timeline-pane").region
        assert timeline.y > contacts.y


async def test_user_text_is_shown_literally_everywhere(evil_app):
    async with evil_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in EVIL_NAMES:
            text = screen_text(evil_app)
            name = evil_app.screen.query_one(ContactList).highlighted.name
            assert name in text  # list row and prep pane, literally
            await pilot.press("p")
            assert name in screen_text(evil_app)
            await pilot.press("escape", "e")
            assert evil_app.screen.query_one("#name").value == name
            await pilot.press("escape", "x")
            await settle(pilot)
            assert any(name in n for n in notices(evil_app))
            await pilot.press("u")
            await settle(pilot)
            await pilot.press("j")
            await settle(pilot)
        assert evil_app.is_running


async def test_tab_moves_between_form_fields(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Ann", "tab", *"Designer", "tab", *"Acme")
        screen = demo_app.screen
        assert screen.query_one("#name").value == "Ann"
        assert screen.query_one("#title").value == "Designer"
        assert screen.query_one("#organization").value == "Acme"


async def test_escape_in_the_filter_box_clears_it(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zoe", "escape")
        await settle(pilot)
        contacts = demo_app.screen.query_one(ContactList)
        assert len(contacts.rows) == 63 and demo_app.focused is contacts


async def test_d_opens_the_due_view_grouped_by_kind(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        text = screen_text(demo_app)
        for title in ("Deliver what you promised", "Say thank you", "Birthdays (1)", "Due now"):
            assert title in text
        await pilot.press("G")  # the pings come last, below the first screenful
        await settle(pilot)
        assert "Keep in touch" in screen_text(demo_app)
        await pilot.press("w")
        await settle(pilot)
        assert "Networking time · the next 7 days" in screen_text(demo_app)
        await pilot.press("escape")
        assert isinstance(demo_app.screen, MainScreen)


async def test_b_shows_people_i_have_only_asked_of(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        contacts = demo_app.screen.query_one(ContactList)
        assert contacts.rows and all(r.asks and not r.gives for r in contacts.rows)
        assert "asked of, never given to" in screen_text(demo_app)


async def test_the_palette_shows_markup_names_and_tags_literally(db, now, make_app):
    from netty.services.contacts import ContactFields, add_contact

    add_contact(ContactFields(name="Zed [/]x", organization="Acme [/]", tags=["[/]"]), now)
    add_contact(ContactFields(name="[bold red]Evelyn[/]"), now)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"zed")
        await shows(pilot, app, "Zed [/]x")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(ContactList).highlighted.name == "Zed [/]x"
        await pilot.press("ctrl+p", *"evel")
        await shows(pilot, app, "[bold red]Evelyn[/]")
        await pilot.press("escape", "ctrl+p", *"tag")
        await shows(pilot, app, "filter: tag #[/]")


async def shows(pilot, app, text: str, seconds: float = 10.0) -> None:
    """Wait until ``text`` is on screen (the palette searches in a worker; under load it
    takes longer than a fixed pause), failing after ``seconds``."""
    for _ in range(int(seconds / 0.1)):
        if text in screen_text(app):
            return
        await pilot.pause(0.1)
    assert text in screen_text(app)
