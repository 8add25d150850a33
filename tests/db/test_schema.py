"""The models agree with the migrations, and the database itself enforces the rules.

These tests write with raw SQL or bare model calls, bypassing the services, so
each constraint is shown to live in the schema and not only in Python. They hold
a change journal entry open (``open_change``), as the journal's guard requires.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from peewee import IntegrityError, SqliteDatabase
from playhouse.schema_diff import diff_models

from netty.db import MODELS, SCHEMA_TABLE, database
from netty.db.dialect import is_postgres
from netty.db.journal import JOURNALED, OUTSIDE_MESSAGE, trigger_sql
from netty.db.models import (
    DERIVED_MODELS,
    JOURNAL_MODELS,
    SYNC_MODELS,
    ChangeRow,
    Contact,
    Organization,
)

STAMP = "2026-11-23 10:00:00"

# A valid row for each table; each bad case below changes one column of one of these.
CONTACT = {
    "name": "Sally Jones",
    "name_key": "sally jones",
    "title": "",
    "location": "",
    "ring": 2,
    "how_met": "",
    "details": "",
    "notes": "",
    "search_text": "",
    "created_at": STAMP,
    "updated_at": STAMP,
    "next_ping_at": STAMP,
}
ORGANIZATION = {
    "name": "XYZ Corp",
    "name_key": "xyz corp",
    "is_target": False,
    "notes": "",
    "created_at": STAMP,
}
INTERACTION = {
    "kind": "coffee",
    "occurred_at": STAMP,
    "summary": "",
    "initiated_by": "me",
    "in_person": True,
    "created_at": STAMP,
}


def insert(table: str, row: dict[str, Any]) -> int:
    """INSERT one row with raw SQL; returns its rowid."""
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    returning = ' RETURNING "id"' if is_postgres(database) and "id" in _columns(table) else ""
    cursor = database.execute_sql(
        f'INSERT INTO "{table}" ({columns}) VALUES ({marks}){returning}', tuple(row.values())
    )
    return cursor.fetchone()[0] if returning else cursor.lastrowid


def _columns(table: str) -> list[str]:
    return [c.name for c in database.get_columns(table)]


def count(table: str) -> int:
    return database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]


@pytest.fixture(autouse=True)
def open_change(request: pytest.FixtureRequest) -> None:
    """Raw writes need an open journal entry; tests using ``db`` get one."""
    if "db" in request.fixturenames:
        request.getfixturevalue("db")
        database.execute_sql(
            "INSERT INTO change (at, label, kind, state, first_row) VALUES (?, 'raw test writes', '', 'open', 1)",
            (STAMP,),
        )


@pytest.fixture
def contact_id(db: Path) -> int:
    return insert("contact", CONTACT)


@pytest.fixture
def interaction_id(db: Path) -> int:
    return insert("interaction", INTERACTION)


# ---------------------------------------------------------------- models vs migrations


def test_models_match_the_migrated_schema(db: Path) -> None:
    diff = diff_models(database, MODELS + JOURNAL_MODELS + SYNC_MODELS + DERIVED_MODELS)
    assert not diff, f"models and migrations disagree:\n{diff}"


def test_every_journaled_table_has_its_triggers_from_its_columns_now(db: Path) -> None:
    assert set(JOURNALED) == {m._meta.table_name for m in MODELS}
    if is_postgres(database):  # the images are to_jsonb(OLD): every column, always
        installed = {
            (table, name)
            for table, name in database.execute_sql(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
            ).fetchall()
        }
        for table in JOURNALED:
            for event in ("insert", "update", "delete"):
                assert (table, f"journal_{table}_{event}") in installed
        return
    installed = {
        row[0]
        for row in database.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    }
    assert set(JOURNALED) == {m._meta.table_name for m in MODELS}
    for table in JOURNALED:
        assert set(trigger_sql(database, table)) <= installed, table


def test_a_write_outside_a_change_is_refused(db: Path) -> None:
    database.execute_sql("DELETE FROM change")
    with pytest.raises(IntegrityError, match=OUTSIDE_MESSAGE):
        insert("organization", ORGANIZATION)
    assert count("organization") == 0
    # Preferences are not user data: outside the journal, and not guarded.
    insert("setting", {"key": "ui.theme", "value": '"nord"', "updated_at": STAMP})


def _insert_settings(*rows: tuple[str, str]) -> None:
    """One multi-row INSERT (how imports write) of (key, JSON value) settings."""
    marks = ", ".join(["(?, ?, ?)"] * len(rows))
    values = [v for key, value in rows for v in (key, value, STAMP)]
    database.execute_sql(
        f'INSERT INTO "setting" ("key", "value", "updated_at") VALUES {marks}', values
    )


def test_a_statement_inserting_many_rows_is_journaled_row_by_row(db: Path, now) -> None:
    from netty.services.changes import change

    database.execute_sql("DELETE FROM change")  # the raw writes' entry: changes open their own
    with change("two settings", now) as entry:
        _insert_settings(("a.one", "1"), ("ui.theme", '"nord"'), ("b.two", "2"))
    rows = ChangeRow.select().where(ChangeRow.change_id == entry.id).order_by(ChangeRow.id)
    assert [(r.tbl, r.row_key, r.op, r.before) for r in rows] == [
        ("setting", '["a.one"]', "I", None),
        ("setting", '["b.two"]', "I", None),
    ]  # the preference among them is not recorded
    with pytest.raises(IntegrityError, match=OUTSIDE_MESSAGE):
        _insert_settings(("ui.sort", '"name"'), ("c.three", "3"))
    assert count("setting") == 3  # the refused statement wrote nothing, not even ui.sort
    _insert_settings(("ui.sort", '"name"'), ("sys.id", '"x"'))  # preferences only: not guarded
    assert count("setting") == 5


def _schema(conn_db) -> set[tuple[str, str, str]]:
    """(type, table, sql) of every user table and index; index names left out."""
    journal = tuple(m._meta.table_name for m in JOURNAL_MODELS)
    rows = conn_db.execute_sql(
        "SELECT type, tbl_name, sql FROM sqlite_master "
        "WHERE sql IS NOT NULL AND tbl_name <> ? AND name NOT LIKE 'sqlite_%' "
        "AND type <> 'trigger' AND tbl_name NOT IN (?, ?)",
        (SCHEMA_TABLE, *journal),
    ).fetchall()
    return {(kind, table, re.sub(r'INDEX "[^"]+"', "INDEX", sql)) for kind, table, sql in rows}


@pytest.mark.sqlite_only("compares SQLite's stored DDL text (existing files keep theirs)")
def test_models_and_migrations_create_identical_tables(db: Path) -> None:
    """Stronger than diff_models: column types, NOT NULL and CHECKs must match too."""
    migrated = _schema(database)
    fresh = SqliteDatabase(":memory:")
    with fresh.bind_ctx(MODELS + SYNC_MODELS + DERIVED_MODELS):
        fresh.create_tables(MODELS + SYNC_MODELS + DERIVED_MODELS)
        from_models = _schema(fresh)
    fresh.close()
    assert migrated - from_models == set()
    assert from_models - migrated == set()


def test_every_model_has_a_table(db: Path) -> None:
    tables = set(database.get_tables())
    assert {m._meta.table_name for m in MODELS} <= tables
    assert SCHEMA_TABLE in tables


# ---------------------------------------------------------------- the valid baseline


def test_valid_rows_are_accepted(db: Path) -> None:
    """The baseline rows used below are valid, so each refusal is down to one column."""
    org = insert("organization", ORGANIZATION)
    cid = insert("contact", {**CONTACT, "organization_id": org, "channel": "work"})
    iid = insert("interaction", INTERACTION)
    insert("interaction_contact", {"interaction_id": iid, "contact_id": cid})
    insert("need", {"contact_id": cid, "text": "a job", "status": "open", "created_at": STAMP})
    insert(
        "promise",
        {
            "contact_id": cid,
            "direction": "i_owe",
            "text": "send the deck",
            "status": "open",
            "nudges_sent": 0,
            "created_at": STAMP,
        },
    )
    assert [count(t) for t in ("contact", "interaction_contact", "need", "promise")] == [1] * 4


# ---------------------------------------------------------------- CHECK constraints


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"name": ""}, id="empty-name"),
        pytest.param({"name": "   "}, id="spaces-name"),
        pytest.param({"ring": 0}, id="ring-0"),
        pytest.param({"ring": 7}, id="ring-7"),
        pytest.param({"channel": "carrier-pigeon"}, id="unknown-channel"),
        pytest.param({"strength": 6}, id="strength-6"),
        pytest.param({"strength": -1}, id="strength-negative"),
        pytest.param({"cadence_days": 0}, id="cadence-0"),
        pytest.param({"cadence_days": 3651}, id="cadence-too-long"),
        pytest.param({"name": None}, id="null-name"),
        pytest.param({"next_ping_at": None}, id="null-next-ping"),
    ],
)
def test_contact_checks(db: Path, overrides: dict[str, Any]) -> None:
    with pytest.raises(IntegrityError):
        insert("contact", {**CONTACT, **overrides})
    assert count("contact") == 0


def test_contact_name_of_other_whitespace_is_refused(db: Path) -> None:
    with pytest.raises(IntegrityError):
        insert("contact", {**CONTACT, "name": "\t\n"})


def test_bare_model_insert_of_blank_name_is_refused(db: Path) -> None:
    """Even a model call that skips the services can't store a blank name."""
    with pytest.raises(IntegrityError):
        Contact.create(
            name="   ",
            name_key="",
            created_at=STAMP,
            updated_at=STAMP,
            next_ping_at=STAMP,
        )
    assert Contact.select().count() == 0


def test_organization_name_key_is_unique(db: Path) -> None:
    insert("organization", ORGANIZATION)
    with pytest.raises(IntegrityError):
        insert("organization", {**ORGANIZATION, "name": "xyz CORP"})
    with pytest.raises(IntegrityError):
        Organization.create(name="XYZ corp", name_key="xyz corp", created_at=STAMP)
    assert count("organization") == 1


def test_blank_organization_name_is_refused(db: Path) -> None:
    with pytest.raises(IntegrityError):
        insert("organization", {**ORGANIZATION, "name": "  "})


def test_linkedin_is_unique_when_present(db: Path) -> None:
    url = "https://www.linkedin.com/in/sally"
    insert("contact", {**CONTACT, "linkedin": url})
    with pytest.raises(IntegrityError):
        insert("contact", {**CONTACT, "name": "Sally Two", "linkedin": url})
    # NULL is not a value: any number of contacts may have no LinkedIn profile.
    insert("contact", {**CONTACT, "name": "No Profile 1"})
    insert("contact", {**CONTACT, "name": "No Profile 2"})
    assert count("contact") == 3


def test_unknown_interaction_kind_is_refused(db: Path) -> None:
    with pytest.raises(IntegrityError):
        insert("interaction", {**INTERACTION, "kind": "telepathy"})
    with pytest.raises(IntegrityError):
        insert("interaction", {**INTERACTION, "initiated_by": "someone"})
    assert count("interaction") == 0


def test_need_status_is_checked(contact_id: int) -> None:
    row = {"contact_id": contact_id, "text": "a job", "created_at": STAMP}
    with pytest.raises(IntegrityError):
        insert("need", {**row, "status": "weird"})
    with pytest.raises(IntegrityError):
        insert("need", {**row, "status": "open", "text": " "})
    insert("need", {**row, "status": "met"})
    assert count("need") == 1


def test_promise_direction_is_checked(contact_id: int) -> None:
    row = {
        "contact_id": contact_id,
        "text": "send the deck",
        "status": "open",
        "nudges_sent": 0,
        "created_at": STAMP,
    }
    with pytest.raises(IntegrityError):
        insert("promise", {**row, "direction": "x"})
    with pytest.raises(IntegrityError):
        insert("promise", {**row, "direction": "they_owe", "nudges_sent": -1})
    insert("promise", {**row, "direction": "they_owe"})
    assert count("promise") == 1


def test_give_kind_and_ask_status_are_checked(contact_id: int) -> None:
    with pytest.raises(IntegrityError):
        insert(
            "give",
            {
                "contact_id": contact_id,
                "kind": "bribe",
                "text": "x",
                "given_at": STAMP,
                "created_at": STAMP,
            },
        )
    with pytest.raises(IntegrityError):
        insert(
            "ask",
            {
                "contact_id": contact_id,
                "text": "an intro",
                "status": "maybe",
                "asked_at": STAMP,
                "created_at": STAMP,
            },
        )


def test_method_kind_is_checked(contact_id: int) -> None:
    row = {"contact_id": contact_id, "value": "x", "value_key": "x", "label": "", "position": 0}
    with pytest.raises(IntegrityError):
        insert("contact_method", {**row, "kind": "fax"})
    insert("contact_method", {**row, "kind": "email"})
    with pytest.raises(IntegrityError):  # same contact, kind and key twice
        insert("contact_method", {**row, "kind": "email"})


# ---------------------------------------------------------------- foreign keys


def test_foreign_keys_are_enforced(interaction_id: int) -> None:
    with pytest.raises(IntegrityError):
        insert("interaction_contact", {"interaction_id": interaction_id, "contact_id": 9999})
    assert count("interaction_contact") == 0


def test_foreign_key_to_a_missing_organization_is_refused(db: Path) -> None:
    with pytest.raises(IntegrityError):
        insert("contact", {**CONTACT, "organization_id": 4242})


def test_interaction_contact_pair_is_unique(contact_id: int, interaction_id: int) -> None:
    row = {"interaction_id": interaction_id, "contact_id": contact_id}
    insert("interaction_contact", row)
    with pytest.raises(IntegrityError):
        insert("interaction_contact", row)


def test_deleting_a_contact_cascades_to_its_links(contact_id: int, interaction_id: int) -> None:
    """ON DELETE CASCADE / SET NULL work because foreign keys are on."""
    other = insert("contact", {**CONTACT, "name": "Bob", "introduced_by_id": contact_id})
    insert("interaction_contact", {"interaction_id": interaction_id, "contact_id": contact_id})
    database.execute_sql("DELETE FROM contact WHERE id = ?", (contact_id,))
    assert count("interaction_contact") == 0
    introduced_by = database.execute_sql(
        "SELECT introduced_by_id FROM contact WHERE id = ?", (other,)
    ).fetchone()[0]
    assert introduced_by is None
