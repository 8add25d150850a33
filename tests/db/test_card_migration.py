"""Migration 0006_card: a database at 0005 comes forward with nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from peewee import IntegrityError, SqliteDatabase
from playhouse.migrations import Runner

from netty.db import MIGRATIONS_DIR, SCHEMA_TABLE, close_database, database, open_database
from netty.db.journal import JOURNALED
from netty.db.models import Address, ContactCard, Handle
from netty.services.changes import change
from tests.db.test_open import make_old_database, rows_of

STAMP = "2026-11-01 09:30:00"
TABLES = ("contact", "contact_method", "affiliation", "contact_date", "organization")


@pytest.fixture(autouse=True)
def _close():
    yield
    close_database()


def make_0005_database(path: Path) -> None:
    """A database as 0005 left it, with an affiliation, a birthday and a UID."""
    make_old_database(path)
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    Runner(old, str(MIGRATIONS_DIR), table_name=SCHEMA_TABLE).up(target="0005_card_basics")
    old.execute_sql(
        "INSERT INTO change VALUES (1, ?, 'setup', '', 'open', NULL, 1, NULL)", (STAMP,)
    )
    old.execute_sql("UPDATE contact SET uid = 'urn:uuid:1' WHERE id = 1")
    old.execute_sql(
        "INSERT INTO affiliation VALUES (1, 1, 1, 'Design', 'Lead', 'mentor', 0, 2015, 2019, 0)"
    )
    old.execute_sql("INSERT INTO contact_date VALUES (1, 1, 'BDAY', NULL, 3, 15, '', 0)")
    old.execute_sql("UPDATE change SET state = 'done', last_row = 3 WHERE id = 1")
    old.close()


def test_0005_database_comes_forward_with_every_row(tmp_path: Path, now) -> None:
    path = tmp_path / "old" / "netty.db"
    make_0005_database(path)
    conn = sqlite3.connect(path)
    before = rows_of(conn, TABLES)
    old_columns = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in TABLES}
    conn.close()
    assert before["affiliation"] and before["contact_date"]

    result = open_database(path, now)

    assert result.applied[0] == "0006_card"  # and whatever came after it
    assert "before-0006_card" in result.backup.name
    for table in TABLES:  # every old column as it was (later migrations may add columns)
        cursor = database.execute_sql(f'SELECT * FROM "{table}" ORDER BY rowid')
        names = [d[0] for d in cursor.description]
        rows = [tuple(r[names.index(c)] for c in old_columns[table]) for r in cursor.fetchall()]
        assert rows == before[table], table
    assert {"contact_card", "address", "handle"} <= set(database.get_tables())
    assert {"contact_card", "address", "handle"} <= set(JOURNALED)


def test_new_tables_are_journaled(tmp_path: Path, now) -> None:
    path = tmp_path / "old" / "netty.db"
    make_0005_database(path)
    open_database(path, now)
    with pytest.raises(IntegrityError, match="write outside a change"):
        Address.create(contact=1, street="1 Quay St")
    with change("card fields", now):
        ContactCard.create(contact=1, given="Zoë", nicknames="Zo")
        Address.create(contact=1, street="1 Quay St", label="work")
        Handle.create(contact=1, kind="impp", service="xmpp", value="zoe@chat.example")
    from netty.services.changes import undo

    undo(now)
    assert (ContactCard.select().count(), Address.select().count(), Handle.select().count()) == (
        0,
        0,
        0,
    )
