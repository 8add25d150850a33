"""Correct and take back in the app: u undoes any change, ctrl+r redoes it, e edits and
delete deletes a timeline item, space on a closed item reopens it; and the app keeps
running, and refreshes, while another netty writes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netty.services import ledger, reminders
from netty.services.changes import history
from netty.services.contacts import ContactFields, add_contact, get_contact, list_contacts
from netty.services.notes import record_note
from netty.services.timeline import contact_detail
from netty.ui.app import NettyApp
from netty.ui.screens.due import DueScreen
from netty.ui.widgets.timeline import TimelineList
from tests.lockholder import write_lock_held
from tests.ui.conftest import SIZE, notices, screen_text, settle


def make(db, now):
    return NettyApp(str(db), now=lambda: now, poll_seconds=3600)


def sally_after(note: str, kind: str, now) -> int:
    """Sally Jones, with one interaction logged now; returns her id."""
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    record_note([sally], note, kind=kind, when=now, now=now)
    return sally


def pick(app, label: str) -> None:
    """Put the timeline's cursor on the first item whose label starts with ``label``."""
    timeline = app.screen.query_one(TimelineList)
    for index, item in enumerate(timeline._items):
        if item.label.startswith(label):
            timeline.highlighted = timeline.get_option_index(str(index))
            timeline.focus()
            return
    raise AssertionError(f"no {label!r} item in {[i.label for i in timeline._items]}")


async def test_a_need_met_by_a_stray_space_is_open_again_after_u(db, now):
    sally = add_contact(ContactFields(name="Sally Jones"), now).id
    ledger.add_need(sally, "A UX designer", now=now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pick(app, "needs")
        await pilot.press("space")
        await settle(pilot)
        assert contact_detail(sally).needs[0].status == "met"
        assert "need met" in screen_text(app)
        assert any("Press u to undo" in n for n in notices(app))
        await pilot.press("u")
        await settle(pilot)
        assert contact_detail(sally).needs[0].status == "open"
        text = screen_text(app)
        assert "need met" not in text and "A UX designer" in text
        assert any(n.startswith("Undid: marked need n1 of Sally Jones met") for n in notices(app))
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert contact_detail(sally).needs[0].status == "met"
        pick(app, "need met")
        await pilot.press("space")  # on a closed item: reopen it
        await settle(pilot)
        assert contact_detail(sally).needs[0].status == "open"


async def test_e_edits_a_logged_notes_text_and_date_in_the_timeline(db, now):
    sally = sally_after("coffee at Blue Botle", "coffee", now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pick(app, "coffee")
        await pilot.press("e")
        await settle(pilot)
        assert "Edit interaction i1" in screen_text(app)
        area = app.screen.query_one("#text")
        area.text = "coffee at Blue Bottle"
        when = app.screen.query_one("#when")
        when.value = "2026-11-20 09:30"
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "coffee at Blue Bottle" in text and "2026-11-20" in text
        assert any("edited interaction i1 of Sally Jones: text, when" in n for n in notices(app))
    shown = contact_detail(sally).interactions[0]
    assert shown.summary == "coffee at Blue Bottle"
    assert shown.occurred_at.to_date_string() == "2026-11-20"


async def test_delete_removes_an_interaction_and_u_brings_it_back(db, now):
    sally = sally_after("lunch at Tartine", "meal", now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pick(app, "meal")
        await pilot.press("delete")
        await settle(pilot)
        assert contact_detail(sally).interactions == ()
        assert "lunch at Tartine" not in screen_text(app)
        assert any("deleted interaction i1" in n and "u to undo" in n for n in notices(app))
        await pilot.press("u")
        await settle(pilot)
        assert "lunch at Tartine" in screen_text(app)
    assert contact_detail(sally).interactions[0].summary == "lunch at Tartine"


async def test_snooze_in_the_due_view_then_u_undoes_it(db, now):
    ann = add_contact(ContactFields(name="Ann Lee", ring=1), now.subtract(days=30)).id
    item = f"ping-{ann}"
    assert item in {i.id for i in reminders.due(now)}
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen) and app.screen.selected.id == item
        await pilot.press("s", "2")
        await settle(pilot)
        assert item not in {i.id for i in reminders.due(now)}
        assert item not in [i.id for i in app.screen._items]
        await pilot.press("u")
        await settle(pilot)
        assert item in {i.id for i in reminders.due(now)}
        assert item in [i.id for i in app.screen._items]  # back in the view too
        assert isinstance(app.screen, DueScreen)


async def test_logging_from_a_custom_reminder_completes_it_in_the_same_change(db, now):
    ann = add_contact(ContactFields(name="Ann Lee"), now).id
    rid = reminders.remind(ann, now.subtract(hours=1), "send the deck", now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.selected.id == rid
        await pilot.press("l", *"sent it")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rid not in {i.id for i in reminders.due(now)}
        label = f"logged note with Ann Lee; {rid} done"
        assert any(n == f"L{label[1:]}. Press u to undo." for n in notices(app)), notices(app)
        assert history(1)[0].label == label
        await pilot.press("u")  # one u takes back the log and the reminder's done
        await settle(pilot)
        assert rid in {i.id for i in reminders.due(now)}
    assert contact_detail(ann).interactions == ()


async def test_u_with_nothing_to_undo_says_so_and_u_in_a_form_is_text(db, now):
    add_contact(ContactFields(name="Ann Lee"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Ulla")  # a form: u is a letter there
        assert app.screen.query_one("#name").value == "Ulla"
        await pilot.press("escape", "y")  # discard the typed form
        await settle(pilot)
        await pilot.press("u")  # undoes "added Ann Lee"
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert any(n == "nothing to undo" for n in notices(app))
        assert app.is_running


async def test_a_write_while_another_netty_holds_the_lock_is_a_visible_retryable_error(db, now):
    ann = add_contact(ContactFields(name="Ann Lee"), now).id
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with write_lock_held(db, 6):
            await pilot.press("x")  # waits the busy timeout (5 s), then says so
            await settle(pilot)
            assert app.is_running
            assert any("the database is busy" in n for n in notices(app))
            assert get_contact(ann).archived is False
        await pilot.press("x")  # the same key again, now that the lock is free
        await settle(pilot)
        assert get_contact(ann).archived is True


async def test_the_app_refreshes_when_another_netty_writes(db, now):
    add_contact(ContactFields(name="Ann Lee"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Bob Stone" not in screen_text(app)
        result = subprocess.run(
            [sys.executable, "-m", "netty.cli", "--db", str(db), "add", "Bob Stone"],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "NETTY_NOW": now.to_iso8601_string()},
        )
        assert result.returncode == 0, result.stderr
        app.watch_journal()
        await settle(pilot)
        assert "Bob Stone" in screen_text(app)


@pytest.mark.sqlite_only("damages the SQLite file's pages")
async def test_the_app_says_at_once_when_the_file_is_damaged(db, now):
    from netty.db import close_database, open_database
    from tests.cli.test_cli_hostile import _damage_an_index

    for n in range(30):
        add_contact(ContactFields(name=f"Person {n:02d}", organization=f"Org {n}"), now)
    close_database()
    _damage_an_index(db)
    open_database(db, now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any(n.startswith("This database is damaged") for n in notices(app))
        assert app.is_running


async def test_a_sound_file_raises_no_alarm(db, now):
    add_contact(ContactFields(name="Ann Lee"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any("damaged" in n for n in notices(app))


async def test_the_item_form_says_a_refusal_inline_and_keeps_what_was_typed(db, now):
    sally = sally_after("coffee at Blue Botle", "coffee", now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pick(app, "coffee")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#when").value = "2027-03-01 09:00"  # refused by the service
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "Edit interaction i1" in text and "2027-03-01 09:00" in text  # still open
        assert "is in the future" in text
        app.screen.query_one("#contacts").value = "Nobody Atall"  # refused by the form
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "nobody atall" in screen_text(app).lower()
    assert contact_detail(sally).interactions[0].summary == "coffee at Blue Botle"


async def test_a_form_saved_while_another_netty_writes_keeps_what_was_typed(db, now):
    add_contact(ContactFields(name="Ann Lee"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Bob Stone")
        with write_lock_held(db, 6):
            await pilot.press("ctrl+s")  # the write waits in a worker; the screen does not
            await settle(pilot)
            assert app.screen.query_one("#name").value == "Bob Stone"  # the form is still open
            assert "the database is busy" in screen_text(app)  # and says why
        await pilot.press("ctrl+s")  # the same key again, now the lock is free
        await settle(pilot)
        assert "Bob Stone" in [c.name for c in list_contacts()]


async def test_a_refresh_that_arrives_while_quitting_is_ignored(db, now):
    add_contact(ContactFields(name="Ann Lee"), now)
    app = make(db, now)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.screen_stack == []
    app.data_changed()  # the journal watcher's late message: no ScreenStackError
