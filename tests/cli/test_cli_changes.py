"""netty undo, redo, history, edit-item, delete and reopen; and every write journaled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, dump, query


def journal(path: Path) -> int:
    return query(path, "SELECT count(*) FROM change WHERE state = 'done'")[0][0]


@pytest.fixture
def sally(netty):
    netty("add", "Sally Jones", "--org", "XYZ Corp", "--email", "sally@xyz.example")
    netty("add", "Bob Lee", "--ring", "2")
    netty(
        "log",
        "sally",
        "coffee at Blue Botle. needs: a UX designer; i owe: intro to Ann by friday",
        "--kind",
        "coffee",
    )
    return "sally"


def test_a_typo_in_a_logged_note_is_corrected_and_the_correction_undone(netty, sally, dbfile):
    before = dump(dbfile, journal=False)
    out = netty("edit-item", "i1", "--text", "coffee at Blue Bottle", "--when", "yesterday").out
    assert out == ("edited interaction i1 of Sally Jones: text, when; `netty undo` takes it back\n")
    shown = netty("show", "sally", "--json").json
    assert shown["interactions"][0]["summary"] == "coffee at Blue Bottle"
    assert shown["interactions"][0]["occurred_at"].startswith("2026-11-22")
    assert netty("undo").out == (
        "undid change 4: edited interaction i1 of Sally Jones: text, when; "
        "`netty redo` reapplies it\n"
    )
    assert dump(dbfile, journal=False) == before
    assert netty("redo").out.startswith("redid change 4: edited interaction i1")
    assert netty("show", "sally", "--json").json["interactions"][0]["summary"] == (
        "coffee at Blue Bottle"
    )


def test_delete_reopen_and_history(netty, sally, dbfile):
    assert netty("done", "n1").out == "n1: met\n"
    assert netty("reopen", "n1").out == "reopened need n1 of Sally Jones\n"
    assert netty("delete", "p1").out == (
        "deleted promise p1 of Sally Jones; `netty undo` brings it back\n"
    )
    netty("undo")
    text = netty("history").out.splitlines()
    assert text[0] == "     6  2026-11-23 10:00  deleted promise p1 of Sally Jones  (undone)"
    assert [line[26:] for line in text] == [
        "deleted promise p1 of Sally Jones  (undone)",
        "reopened need n1 of Sally Jones",
        "marked need n1 of Sally Jones met",
        "logged coffee with Sally Jones: 1 need, 1 promise",
        "added Bob Lee",
        "added Sally Jones",
    ]
    entries = netty("history", "--json").json
    assert entries[0] == {
        "id": 6,
        "at": "2026-11-23T10:00:00Z",
        "label": "deleted promise p1 of Sally Jones",
        "kind": "delete",
        "state": "undone",
        "rows": 1,
    }
    assert [e["state"] for e in entries[1:]] == ["done"] * 5
    assert json.loads(netty("history", "--json", "--limit", "2").out)[1]["id"] == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("edit-item", "x1", "--text", "a"), "is not an item ref"),
        (("edit-item", "n1", "--kind", "call"), "a need has no kind"),
        (("edit-item", "n1"), "nothing to change"),
        (("edit-item", "n9", "--text", "a"), "no need n9"),
        (("edit-item", "p1", "--due", "blorp"), "blorp"),
        (("edit-item", "i1", "--contact", "nobody at all"), "nobody at all"),
        (("delete", "g7"), "no give g7"),
        (("reopen", "n1"), "already open"),
        (("undo", "1"), "later change 3 (logged coffee with Sally Jones: 1 need, 1 promise)"),
        (("undo", "99"), "no change 99"),
        (("redo",), "nothing to redo"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(netty, sally, dbfile, args, message):
    before = dump(dbfile)
    result = netty(*args, ok=False)
    assert_user_error(result)
    assert message in result.err
    assert dump(dbfile) == before


def test_undo_on_an_empty_database_says_so(netty, dbfile):
    netty("info")
    result = netty("undo", ok=False)
    assert_user_error(result)
    assert result.err == "netty: nothing to undo\n"


WRITES = [
    ("add", "Ann Lee"),
    ("edit", "ann", "--title", "CTO", "--tag", "x"),
    ("log", "ann", "call. needs: a mentor; they owe: a deck", "--kind", "call"),
    ("done", "n2"),
    ("drop", "p2"),
    ("remind", "ann", "tomorrow", "call back"),
    ("snooze", "r1", "next week"),
    ("archive", "ann"),
    ("restore", "ann"),
    ("target", "XYZ Corp"),
    ("cadence", "2", "10"),
    ("config", "poll-seconds", "30"),
    ("event", "Rotary breakfast", "--person", "Dana Park, Acme"),
    ("merge", "ann", "dana"),
    ("edit-item", "i1", "--text", "coffee"),
    ("delete", "i1"),
    ("reopen", "n2"),
]


def test_every_command_that_writes_makes_exactly_one_journal_entry(netty, sally, dbfile):
    """No code path writes user data around the journal (ARCHITECTURE.md)."""
    for args in WRITES:
        before = journal(dbfile)
        netty(*args)
        assert journal(dbfile) == before + 1, args
    for _ in WRITES:
        netty("undo")
    netty("undo")  # the fixture's log, and its two adds
    netty("undo")
    netty("undo")
    assert journal(dbfile) == 0
    counts = [
        query(dbfile, f'SELECT count(*) FROM "{t}"')[0][0]
        for t in ("contact", "interaction", "need", "promise", "reminder", "event")
    ]
    assert counts == [0, 0, 0, 0, 0, 0]


def test_edit_item_changes_due_horizon_status_and_direction(netty, sally):
    netty("edit-item", "p1", "--due", "2026-12-01", "--direction", "they_owe")
    netty("edit-item", "n1", "--horizon", "2027-02-01", "--status", "met")
    shown = netty("show", "sally", "--json").json
    assert [(p["direction"], p["due"]) for p in shown["promises"]] == [("they_owe", "2026-12-01")]
    assert [(n["horizon"], n["status"]) for n in shown["needs"]] == [("2027-02-01", "met")]
    netty("edit-item", "p1", "--due", "none")
    assert netty("show", "sally", "--json").json["promises"][0]["due"] is None
    assert netty("reopen", "n1").out == "reopened need n1 of Sally Jones\n"


def test_the_journal_keeps_at_most_5000_changes_or_90_days_and_never_fewer_than_100():
    from netty.services import changes

    assert (changes.MAX_ENTRIES, changes.MAX_DAYS, changes.MIN_KEPT) == (5000, 90, 100)
