"""The change journal: every kind of change undone exactly and redone exactly.

Each test takes a picture of every user table (``tables()``) before a change and
after it; undo must give back the first picture row for row, redo the second.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netty.db import close_database, open_database
from netty.db.models import Change, ChangeRow, Contact, database
from netty.errors import Conflict, NotFound
from netty.services import ledger, reminders
from netty.services import settings as netty_settings
from netty.services.changes import (
    MIN_KEPT,
    change,
    history,
    last_change,
    prune,
    redo,
    undo,
)
from netty.services.contacts import (
    ContactFields,
    add_contact,
    archive_contact,
    edit_contact,
    restore_contact,
    set_target,
)
from netty.services.demo import load_demo
from netty.services.duplicates import merge_contacts
from netty.services.events import read_people, record_event
from netty.services.importers import import_text
from netty.services.items import ItemEdit, delete_item, edit_item, reopen_item
from netty.services.notes import record_note
from tests.services.importers.helpers import tables

NOW = pendulum.parse("2026-11-23T10:00:00+00:00")


@pytest.fixture
def base(db: Path) -> dict[str, int]:
    """Two contacts with a little history, written as ordinary changes."""
    sally = add_contact(
        ContactFields(
            name="Sally Jones", organization="XYZ Corp", emails=["sally@xyz.example"], tags=["ux"]
        ),
        NOW,
    ).id
    bob = add_contact(ContactFields(name="Bob Lee", ring=2, phones=["+1 555 0100"]), NOW).id
    record_note(
        [sally],
        "coffee. needs: a UX designer; i owe: intro to Bob; they owe: the deck",
        kind="coffee",
        when=NOW.subtract(days=1),
        now=NOW,
    )
    return {"sally": sally, "bob": bob}


def _need(contact: int) -> str:
    return "n" + str(
        database.execute_sql("SELECT id FROM need WHERE contact_id = ?", (contact,)).fetchone()[0]
    )


def _promise(contact: int) -> str:
    row = database.execute_sql(
        "SELECT id FROM promise WHERE contact_id = ? AND direction = 'i_owe'", (contact,)
    ).fetchone()
    return f"p{row[0]}"


VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sally Jones\r\nEMAIL:sally@xyz.example\r\n"
    "TITLE:Head of Design\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nina New\r\nEMAIL:nina@new.example\r\nEND:VCARD\r\n"
)

CHANGES: dict[str, Callable[[dict[str, int]], object]] = {
    "add": lambda c: add_contact(ContactFields(name="Ann Lee", tags=["a", "b"]), NOW),
    "edit": lambda c: edit_contact(
        c["sally"],
        ContactFields(name="Sally J. Jones", title="VP", tags=["ux", "fintech"], emails=[]),
        NOW,
    ),
    "archive": lambda c: archive_contact(c["bob"], NOW),
    "target": lambda c: set_target("XYZ Corp", True, NOW),
    "log with a note": lambda c: record_note(
        [c["sally"], c["bob"]],
        "lunch. needs: a designer by friday; gave: article on hiring; asked: intro to "
        "@Acme; they owe: intro to Dana; follow up in 2 weeks #hiring @Acme",
        kind="meal",
        when=NOW,
        now=NOW,
    ),
    "need met": lambda c: ledger.close_item(_need(c["sally"]), "done", NOW),
    "promise dropped": lambda c: ledger.close_item(_promise(c["sally"]), "drop", NOW),
    "remind": lambda c: reminders.remind(c["bob"], NOW.add(days=3), "call back", NOW),
    "snooze": lambda c: reminders.snooze(f"ping-{c['bob']}", NOW.add(days=7), NOW),
    "done: ping": lambda c: reminders.done(f"ping-{c['bob']}", NOW),
    "cadence": lambda c: netty_settings.set_ring_cadence(2, 10, NOW),
    "setting": lambda c: netty_settings.put("poll_seconds", 30, NOW),
    "event": lambda c: record_event(
        "Rotary breakfast",
        when=NOW,
        people=[(p, None) for p in read_people("Dana Park, Acme; needs: a mentor\nEli Ro", NOW)],
        now=NOW,
    ),
    "merge": lambda c: merge_contacts(c["sally"], c["bob"], NOW, backup=False),
    "import": lambda c: import_text("vcard", VCARD, NOW, backup=False),
    "edit an interaction": lambda c: edit_item(
        _interaction(c["sally"]),
        ItemEdit(text="coffee at Blue Bottle", when=NOW.subtract(days=3), contacts=[c["bob"]]),
        NOW,
    ),
    "delete an interaction": lambda c: delete_item(_interaction(c["sally"]), NOW),
    "edit a need": lambda c: edit_item(
        _need(c["sally"]), ItemEdit(text="a senior UX designer", horizon=NOW.date()), NOW
    ),
    "delete a promise": lambda c: delete_item(_promise(c["sally"]), NOW),
}


def _interaction(contact: int) -> str:
    row = database.execute_sql(
        "SELECT interaction_id FROM interaction_contact WHERE contact_id = ?", (contact,)
    ).fetchone()
    return f"i{row[0]}"


def test_reopen_undoes_and_redoes_exactly(base):
    ref = _need(base["sally"])
    ledger.close_item(ref, "done", NOW)
    closed = tables()
    assert reopen_item(ref, NOW) == f"reopened need {ref} of Sally Jones"
    reopened = tables()
    undo(NOW)
    assert tables() == closed
    redo(NOW)
    assert tables() == reopened


@pytest.mark.parametrize("name", list(CHANGES))
def test_undo_gives_back_every_table_and_redo_the_change(base, name):
    before = tables()
    CHANGES[name](base)
    after = tables()
    assert after != before
    entry = last_change()
    assert entry is not None and entry.state == "done" and entry.rows > 0
    undone = undo(NOW)
    assert undone.id == entry.id and undone.state == "undone"
    assert tables() == before
    redone = redo(NOW)
    assert redone.id == entry.id and redone.state == "done"
    assert tables() == after
    undo(NOW)
    assert tables() == before


def test_labels_say_what_happened(base):
    labels = [h.label for h in history()]
    assert labels == [
        "logged coffee with Sally Jones: 1 need, 2 promises",
        "added Bob Lee",
        "added Sally Jones",
    ]
    archive_contact(base["bob"], NOW)
    assert last_change().label == "archived Bob Lee"


def test_the_demo_and_a_restore_undo_to_an_empty_database(db):
    empty = tables()
    load_demo(NOW)
    full = tables()
    assert last_change().label == "loaded the demo network"
    undo(NOW)
    assert tables() == empty
    redo(NOW)
    assert tables() == full


def test_several_levels_in_order_and_the_journal_survives_a_restart(base, db):
    states = [tables()]
    archive_contact(base["bob"], NOW)
    states.append(tables())
    restore_contact(base["bob"], NOW)
    states.append(tables())
    edit_contact(base["bob"], ContactFields(title="CTO"), NOW)
    close_database()
    open_database(db, NOW)
    for expected in reversed(states):
        undo(NOW)
        assert tables() == expected
    for expected in states[1:]:
        redo(NOW)
        assert tables() == expected


def test_a_new_change_drops_what_could_be_redone(base):
    archive_contact(base["bob"], NOW)
    undo(NOW)
    edit_contact(base["sally"], ContactFields(title="VP"), NOW)
    with pytest.raises(NotFound, match="nothing to redo"):
        redo(NOW)


def test_nothing_to_undo_is_one_line(db):
    with pytest.raises(NotFound, match="nothing to undo"):
        undo(NOW)


def test_undo_refuses_when_a_later_change_touched_the_same_rows(base):
    archived = archive_contact(base["bob"], NOW)
    first = last_change().id
    edit_contact(archived.id, ContactFields(title="CTO"), NOW)
    later = last_change()
    before = tables()
    with pytest.raises(Conflict) as err:
        undo(NOW, first)
    assert f"later change {later.id} (edited Bob Lee: title)" in str(err.value)
    assert "\n" not in str(err.value)
    assert tables() == before


def test_undo_refuses_a_cascade_into_a_later_change(db):
    ann = add_contact(ContactFields(name="Ann Lee"), NOW).id
    added = last_change().id
    ledger.add_need(ann, "a mentor", now=NOW)  # a later change that hangs on Ann
    before = tables()
    with pytest.raises(Conflict, match=r"later change \d+ \(added a need for Ann Lee\)"):
        undo(NOW, added)
    assert tables() == before


def test_undo_of_an_older_unrelated_change_leaves_later_ones(base):
    archive_contact(base["bob"], NOW)
    first = last_change().id
    edit_contact(base["sally"], ContactFields(title="VP"), NOW)
    undo(NOW, first)
    assert Contact.get_by_id(base["bob"]).archived_at is None
    assert Contact.get_by_id(base["sally"]).title == "VP"


def test_a_change_that_writes_nothing_leaves_no_entry(base):
    count = Change.select().count()
    with change("nothing", NOW):
        pass
    assert Change.select().count() == count


def test_a_failed_change_leaves_nothing(base):
    before = tables()
    count = Change.select().count()
    with pytest.raises(RuntimeError), change("half", NOW):
        add_contact(ContactFields(name="Half Written"), NOW)
        raise RuntimeError("boom")
    assert tables() == before and Change.select().count() == count


def test_pruning_keeps_the_newest_and_drops_the_oldest(db):
    netty_settings.put("journal.max_entries", MIN_KEPT, NOW)
    for i in range(MIN_KEPT + 20):
        add_contact(ContactFields(name=f"Person {i}"), NOW)
    prune(NOW)
    ids = [c.id for c in Change.select().order_by(Change.id)]
    assert len(ids) == MIN_KEPT
    assert ids[-1] == Change.select().order_by(Change.id.desc()).first().id
    orphan = ChangeRow.select().where(ChangeRow.change_id.not_in(ids)).count()
    assert orphan == 0
    undo(NOW)  # the newest still undoes
    assert not Contact.select().where(Contact.name == f"Person {MIN_KEPT + 19}").exists()


def test_old_entries_go_after_max_days_but_never_the_newest(db):
    for i in range(MIN_KEPT + 5):
        add_contact(ContactFields(name=f"Person {i}"), NOW.subtract(days=200))
    dropped = prune(NOW)
    assert dropped == 5
    assert Change.select().count() == MIN_KEPT


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "edit", "archive", "note", "need", "promise", "remind", "tag"]),
        st.integers(0, 99),
        st.sampled_from(["Ann", "Bo", "Cy"]),
        st.text(max_size=5),
        st.lists(st.sampled_from("xyz")),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(actions=ACTIONS)
def test_any_sequence_of_changes_undone_ends_where_it_began(db, actions):
    start = tables()
    journal = Change.select().count()
    for action, pick, name, title, tags in actions:
        ids = [c.id for c in Contact.select(Contact.id)]
        who = ids[pick % len(ids)] if ids else None
        if action == "add" or who is None:
            add_contact(ContactFields(name=name), NOW)
        elif action == "edit":
            edit_contact(who, ContactFields(title=title), NOW)
        elif action == "archive":
            archive_contact(who, NOW)
        elif action == "note":
            record_note(
                [who], "coffee. needs: a job; i owe: a book", kind="coffee", when=NOW, now=NOW
            )
        elif action == "need":
            ledger.add_need(who, "a mentor", now=NOW)
        elif action == "promise":
            ledger.add_promise(who, "they_owe", "an intro", now=NOW)
        elif action == "remind":
            reminders.remind(who, NOW.add(days=2), "call", NOW)
        else:
            edit_contact(who, ContactFields(tags=tags), NOW)
    made = Change.select().count() - journal
    for _ in range(made):
        undo(NOW)
    assert tables() == start
    Change.delete().execute()  # the journal itself is not user data: no change needed


def test_editing_an_interaction_moves_the_ping_clocks_of_everyone_it_touches(base):
    ref = _interaction(base["sally"])
    edit_item(ref, ItemEdit(when=NOW.subtract(days=10), contacts=[base["bob"]]), NOW)
    sally, bob = Contact.get_by_id(base["sally"]), Contact.get_by_id(base["bob"])
    assert sally.last_interaction_at is None
    assert bob.last_interaction_at == NOW.subtract(days=10)
    assert bob.next_ping_at == NOW.subtract(days=10).add(days=30)  # ring 2


@pytest.mark.parametrize(
    ("ref_of", "edit", "message"),
    [
        (_need, ItemEdit(kind="call"), "a need has no kind"),
        (_need, ItemEdit(due=NOW.date()), "only a promise has a due day"),
        (_promise, ItemEdit(status="met"), "a promise's status is one of open, done, dropped"),
        (_need, ItemEdit(text="   "), "can't be blank"),
        (_interaction, ItemEdit(when=NOW.add(days=3)), "is in the future"),
        (_interaction, ItemEdit(contacts=[999]), "no contact #999"),
        (_need, ItemEdit(), "nothing to change"),
    ],
)
def test_a_bad_edit_is_one_line_and_writes_nothing(base, ref_of, edit, message):
    from netty.errors import NettyError

    before = tables()
    journal = Change.select().count()
    with pytest.raises(NettyError, match=message):
        edit_item(ref_of(base["sally"]), edit, NOW)
    assert tables() == before and Change.select().count() == journal


def test_reopening_an_open_item_or_a_give_is_refused(base):
    from netty.errors import InvalidInput

    with pytest.raises(InvalidInput, match="already open"):
        reopen_item(_need(base["sally"]), NOW)
    gid = ledger.add_give(base["sally"], "resource", "an article", now=NOW)
    with pytest.raises(InvalidInput, match="can't be reopened"):
        reopen_item(f"g{gid}", NOW)
    with pytest.raises(NotFound, match="no need n999"):
        delete_item("n999", NOW)


# ---------------------------------------------------------------- found in review


def _cycle(change_fn) -> None:
    """Make a change, then undo, redo, undo, redo: each step gives back exact tables."""
    before = tables()
    change_fn()
    after = tables()
    for _ in range(2):
        undo(NOW)
        assert tables() == before
        redo(NOW)
        assert tables() == after


def test_a_merge_that_moves_links_to_the_kept_contact_redoes_exactly(db):
    a = add_contact(ContactFields(name="Sally Jones", tags=["x"]), NOW).id
    b = add_contact(ContactFields(name="Sally J", tags=["x", "y"]), NOW).id
    record_note([b], "coffee", kind="coffee", when=NOW, now=NOW)
    _cycle(lambda: merge_contacts(a, b, NOW, backup=False))


def test_an_edit_that_reuses_row_ids_for_other_values_redoes_exactly(db):
    sally = add_contact(
        ContactFields(name="Sally Jones", emails=["a@x.example", "b@x.example"]), NOW
    )
    _cycle(
        lambda: edit_contact(sally.id, ContactFields(emails=["b@x.example", "a@x.example"]), NOW)
    )
    _cycle(lambda: edit_contact(sally.id, ContactFields(emails=["c@x.example"]), NOW))


def test_undo_that_would_restore_a_value_a_later_change_took_is_a_conflict(db):
    url = "https://www.linkedin.com/in/sally"
    ann = add_contact(ContactFields(name="Sally Jones", urls=[url]), NOW).id
    add_contact(ContactFields(name="Zed", emails=["z@x.example"]), NOW)  # no row ids reused
    edit_contact(ann, ContactFields(urls=[]), NOW)
    dropped = last_change().id
    add_contact(ContactFields(name="Sally Other", urls=[url]), NOW)
    before = tables()
    with pytest.raises(Conflict, match="a later change took a value it would restore"):
        undo(NOW, dropped)
    assert tables() == before


def test_pruning_by_age_only_drops_a_prefix_even_when_the_clock_went_back(db):
    ann = add_contact(ContactFields(name="Ann Lee"), NOW).id
    edit_contact(ann, ContactFields(title="CTO"), NOW)
    titled = last_change().id
    edit_contact(ann, ContactFields(notes="met at the fair"), NOW.subtract(days=100))
    for i in range(MIN_KEPT + 10):
        add_contact(ContactFields(name=f"Person {i}"), NOW)
    prune(NOW)
    assert Change.get_or_none(Change.id == titled + 1) is not None  # not cut out of the middle
    with pytest.raises(Conflict, match="edited Ann Lee: notes"):
        undo(NOW, titled)


@pytest.mark.sqlite_only("ids are given again after a delete only on SQLite (max + 1)")
def test_deleting_a_record_takes_its_snooze_along(db):
    ann = add_contact(ContactFields(name="Ann Lee"), NOW).id
    ref = f"p{ledger.add_promise(ann, 'i_owe', 'the deck', now=NOW, due=NOW.date())}"
    reminders.snooze(f"deliver-{ref}", NOW.add(days=3), NOW)
    delete_item(ref, NOW)
    again = ledger.add_promise(ann, "i_owe", "another deck", now=NOW, due=NOW.date())
    assert f"p{again}" == ref  # the same id, given again
    assert f"deliver-{ref}" in {i.id for i in reminders.due(NOW)}  # and no inherited snooze


def test_the_journal_version_moves_with_every_undo_and_redo(base):
    from netty.services.changes import journal_version

    archive_contact(base["bob"], NOW)
    older = last_change().id - 1
    seen = [journal_version()]
    for step in (lambda: undo(NOW), lambda: redo(NOW), lambda: undo(NOW, older)):
        step()
        seen.append(journal_version())
    assert len(set(seen)) == len(seen)  # another netty's watcher never misses one
