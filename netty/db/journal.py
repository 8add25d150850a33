"""The change journal's storage: two tables and the triggers that fill them.

Every change a person makes is one row in ``change`` (when, a one-line label, its
state, and the range ``first_row``..``last_row`` of its rows in ``change_row``:
one writer at a time holds the lock, so a change's rows are contiguous and
``change_row`` needs no index beyond its primary key, which keeps journaling a
30,000-row import cheap) and one row in ``change_row`` for every row of user data it inserted,
updated or deleted: the table, the row's key (a JSON array of its key columns, as the row is keyed after the
write: an update that moves a link row to another contact is keyed where it went) and
the row's *before image* (a JSON object of every column, or NULL for an insert).
The images are taken by SQLite triggers on every user-data table, so any write,
by a peewee query, a bulk ``executemany`` or raw SQL, is recorded the same way, and
a new kind of record is undoable for free (ARCHITECTURE.md, "Every write is a
change that can be undone").

The triggers also guard the rule that nothing writes user data around the
journal: a write to a journaled table while no change is open aborts with
``write outside a change``. States of a change:

- ``open``: being made now (the writer holds the write lock; at most one);
- ``done``: committed, undoable;
- ``undone``: reverted, redoable until a new change is made;
- ``replay``: its undo or redo has been applied, in the same transaction.

The trigger text is generated from the table's *current* columns (read from the
database, not from the models), so a migration that changes a table calls
``install_triggers`` again and the images follow the new shape.

Settings whose key starts with ``ui.`` (theme, sort, filters) or ``sys.`` (ids
netty keeps for itself) are preferences, not user data: they are neither guarded
nor recorded, so ``u`` never undoes a theme change.
"""

from __future__ import annotations

from peewee import Database

CHANGE_TABLE = "change"
CHANGE_ROW_TABLE = "change_row"

#: Tables whose rows are user data, journaled, with the columns that identify a
#: row (its primary key, or the unique pair for the two link tables).
JOURNALED: dict[str, tuple[str, ...]] = {
    "organization": ("id",),
    "event": ("id",),
    "contact": ("id",),
    "affiliation": ("id",),
    "contact_date": ("id",),
    "contact_card": ("id",),
    "address": ("id",),
    "handle": ("id",),
    "knows": ("id",),
    "contact_method": ("id",),
    "tag": ("id",),
    "contact_tag": ("contact_id", "tag_id"),
    "interaction": ("id",),
    "interaction_contact": ("interaction_id", "contact_id"),
    "need": ("id",),
    "give": ("id",),
    "ask": ("id",),
    "promise": ("id",),
    "reminder": ("id",),
    "reminder_state": ("key",),
    "setting": ("key",),
}

#: Setting keys that are preferences, not user data (see the module docstring).
UNJOURNALED_SETTING_PREFIXES = ("ui.", "sys.")

OUTSIDE_MESSAGE = "write outside a change"


def create_tables(db: Database) -> None:
    """Create ``change`` and ``change_row`` with their indexes (migration 0004)."""
    db.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {CHANGE_TABLE} ("
        " id INTEGER NOT NULL PRIMARY KEY,"
        " at TEXT NOT NULL,"
        " label TEXT NOT NULL,"
        " kind TEXT NOT NULL DEFAULT '',"
        " state TEXT NOT NULL CHECK (state IN ('open', 'done', 'undone', 'replay')),"
        " undo_seq INTEGER,"
        " first_row INTEGER NOT NULL,"
        " last_row INTEGER)"
    )
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS change_state_id ON {CHANGE_TABLE} (state, id)")
    db.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {CHANGE_ROW_TABLE} ("
        " id INTEGER NOT NULL PRIMARY KEY,"
        " change_id INTEGER NOT NULL,"
        " tbl TEXT NOT NULL,"
        " row_key TEXT NOT NULL,"
        " op TEXT NOT NULL,"
        " before TEXT,"
        " after TEXT)"
    )


def table_columns(db: Database, table: str) -> list[str]:
    """The columns of ``table`` as they are in the database now, in order."""
    return [column.name for column in db.get_columns(table)]


def _image(columns: list[str], alias: str) -> str:
    pairs = ", ".join(f"'{c}', {alias}.\"{c}\"" for c in columns)
    return f"json_object({pairs})"


def _key(key: tuple[str, ...], alias: str) -> str:
    return "json_array(" + ", ".join(f'{alias}."{c}"' for c in key) + ")"


def trigger_sql(db: Database, table: str) -> list[str]:
    """The three ``CREATE TRIGGER`` statements (insert, update, delete) for ``table``."""
    columns = table_columns(db, table)
    key = JOURNALED[table]
    # The guard costs nothing extra: the record is written from the open change's
    # row, so no row written (changes() = 0) means no change is open.
    guard = f"SELECT RAISE(ABORT, '{OUTSIDE_MESSAGE}') WHERE changes() = 0;"
    statements = []
    for op, event, alias in (
        ("I", "INSERT", "NEW"),
        ("U", "UPDATE", "NEW"),
        ("D", "DELETE", "OLD"),
    ):
        when = ""
        if table == "setting":
            conds = " AND ".join(
                f"{alias}.key NOT LIKE '{prefix}%'" for prefix in UNJOURNALED_SETTING_PREFIXES
            )
            when = f" WHEN {conds}"
        before = "NULL" if op == "I" else _image(columns, "OLD")
        statements.append(
            f'CREATE TRIGGER journal_{table}_{event.lower()} AFTER {event} ON "{table}"{when} '
            f"BEGIN INSERT INTO {CHANGE_ROW_TABLE} (change_id, tbl, row_key, op, before) "
            f"SELECT id, '{table}', {_key(key, alias)}, '{op}', {before} "
            f"FROM {CHANGE_TABLE} WHERE state = 'open'; {guard} END"
        )
    return statements


def drop_triggers(db: Database) -> None:
    """Drop every journal trigger (before a migration rebuilds a table)."""
    for table in JOURNALED:
        for event in ("insert", "update", "delete"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS journal_{table}_{event}")


def install_triggers(db: Database) -> None:
    """(Re)create the journal triggers on every journaled table, from its columns now.

    SQLite only for now; on another engine this does nothing and the journal
    records nothing (PostgreSQL triggers are the PostgreSQL issue's work).
    """
    if not _is_sqlite(db):
        return
    drop_triggers(db)
    existing = set(db.get_tables())
    for table in JOURNALED:
        if table not in existing:  # a later migration creates it (and calls this again)
            continue
        for statement in trigger_sql(db, table):
            db.execute_sql(statement)


def _is_sqlite(db: Database) -> bool:
    from peewee import SqliteDatabase

    return isinstance(db, SqliteDatabase)
