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

from netty.db import dialect, reach

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
    key, moment = dialect.autoincrement_key(db), dialect.moment_type(db)
    db.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {CHANGE_TABLE} ("
        f" id {key},"
        f" at {moment} NOT NULL,"
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
        f" id {key},"
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


def pg_trigger_sql(db: Database, table: str) -> list[str]:
    """PostgreSQL's equivalent of ``trigger_sql``: one plpgsql function for ``table``
    (its before image from ``to_jsonb(OLD)``, its key as the same JSON text Python
    writes) and one row trigger calling it after each update and delete; inserts
    have a statement trigger that journals all the rows the statement inserted (its
    transition table ``new_rows``) in one ``INSERT ... SELECT``, one ``change_row``
    row each, as the row trigger would (migration 0012).

    The guard is the same: no open change, no write (``write outside a change``).
    Settings keyed ``ui.``/``sys.`` are exempt through the trigger's WHEN (the insert
    trigger's SELECT).
    """
    key = JOURNALED[table]

    def key_text(alias: str) -> str:
        parts = " || ',' || ".join(f'to_json({alias}."{c}")::text' for c in key)
        return f"'[' || {parts} || ']'"

    function = f"journal_{table}_fn"
    body = (
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $j$\n"
        "BEGIN\n"
        "  IF TG_OP = 'DELETE' THEN\n"
        f"    INSERT INTO {CHANGE_ROW_TABLE} (change_id, tbl, row_key, op, before)\n"
        f"    SELECT id, '{table}', {key_text('OLD')}, 'D', to_jsonb(OLD)::text\n"
        f"    FROM {CHANGE_TABLE} WHERE state = 'open';\n"
        "  ELSIF TG_OP = 'UPDATE' THEN\n"
        f"    INSERT INTO {CHANGE_ROW_TABLE} (change_id, tbl, row_key, op, before)\n"
        f"    SELECT id, '{table}', {key_text('NEW')}, 'U', to_jsonb(OLD)::text\n"
        f"    FROM {CHANGE_TABLE} WHERE state = 'open';\n"
        "  ELSE\n"
        f"    INSERT INTO {CHANGE_ROW_TABLE} (change_id, tbl, row_key, op, before)\n"
        f"    SELECT id, '{table}', {key_text('NEW')}, 'I', NULL\n"
        f"    FROM {CHANGE_TABLE} WHERE state = 'open';\n"
        "  END IF;\n"
        f"  IF NOT FOUND THEN RAISE EXCEPTION '{OUTSIDE_MESSAGE}'\n"
        "    USING ERRCODE = 'integrity_constraint_violation'; END IF;\n"
        "  RETURN NULL;\n"
        "END $j$"
    )
    # Inserts are journaled once per statement, from the statement's new rows (a
    # transition table): the same change_row rows, one per inserted row, without a
    # plpgsql call per row, which cost a bulk import about 40 % of its insert time.
    journaled = ""
    if table == "setting":
        journaled = " WHERE " + " AND ".join(
            f"n.key NOT LIKE '{prefix}%'" for prefix in UNJOURNALED_SETTING_PREFIXES
        )
    inserted = f"journal_{table}_ins_fn"
    statements = [
        body,
        f"CREATE OR REPLACE FUNCTION {inserted}() RETURNS trigger LANGUAGE plpgsql AS $j$\n"
        "DECLARE open_id integer;\n"
        "BEGIN\n"
        f"  SELECT id INTO open_id FROM {CHANGE_TABLE} WHERE state = 'open';\n"
        "  IF open_id IS NULL THEN\n"
        f"    IF EXISTS (SELECT 1 FROM new_rows n{journaled}) THEN\n"
        f"      RAISE EXCEPTION '{OUTSIDE_MESSAGE}'\n"
        "        USING ERRCODE = 'integrity_constraint_violation';\n"
        "    END IF;\n"
        "    RETURN NULL;\n"
        "  END IF;\n"
        f"  INSERT INTO {CHANGE_ROW_TABLE} (change_id, tbl, row_key, op, before)\n"
        f"  SELECT open_id, '{table}', {key_text('n')}, 'I', NULL FROM new_rows n{journaled};\n"
        "  RETURN NULL;\n"
        "END $j$",
        f'CREATE TRIGGER journal_{table}_insert AFTER INSERT ON "{table}" '
        f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {inserted}()",
    ]
    for event, alias in (("UPDATE", "NEW"), ("DELETE", "OLD")):
        when = ""
        if table == "setting":
            conds = " AND ".join(
                f"{alias}.key NOT LIKE '{prefix}%'" for prefix in UNJOURNALED_SETTING_PREFIXES
            )
            when = f" WHEN ({conds})"
        statements.append(
            f'CREATE TRIGGER journal_{table}_{event.lower()} AFTER {event} ON "{table}" '
            f"FOR EACH ROW{when} EXECUTE FUNCTION {function}()"
        )
    return statements


def drop_triggers(db: Database) -> None:
    """Drop every journal trigger, and those keeping the derived ``reach`` table
    (``netty.db.reach``), before a migration rebuilds a table."""
    reach.drop_triggers(db)
    postgres = dialect.is_postgres(db)
    existing = set(db.get_tables()) if postgres else set()
    for table in JOURNALED:
        if postgres and table not in existing:
            continue
        for event in ("insert", "update", "delete"):
            on = f' ON "{table}"' if postgres else ""
            db.execute_sql(f"DROP TRIGGER IF EXISTS journal_{table}_{event}{on}")


def missing_triggers(db: Database) -> list[str]:
    """One line for each journal trigger that is missing (or disabled, on PostgreSQL)
    on a journaled table that exists: without it, that table's writes could not be
    undone. Empty when every trigger ``install_triggers`` makes is in place."""
    postgres = dialect.is_postgres(db)
    if postgres:
        rows = db.execute_sql(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled <> 'D'"
        )
    else:
        rows = db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    have = {name for (name,) in rows}
    existing = set(db.get_tables())
    return [
        f"journal trigger journal_{table}_{event} is missing: changes to {table} "
        "could not be undone (netty recreates it on the next migration)"
        for table in JOURNALED
        if table in existing
        for event in ("insert", "update", "delete")
        if f"journal_{table}_{event}" not in have
    ]


def install_triggers(db: Database) -> None:
    """(Re)create the journal triggers on every journaled table, from its columns now
    (SQLite triggers, or plpgsql trigger functions on PostgreSQL), and the triggers
    that keep the derived ``reach`` table once it exists (``netty.db.reach``)."""
    drop_triggers(db)
    existing = set(db.get_tables())
    make = pg_trigger_sql if dialect.is_postgres(db) else trigger_sql
    for table in JOURNALED:
        if table not in existing:  # a later migration creates it (and calls this again)
            continue
        for statement in make(db, table):
            db.execute_sql(statement)
    reach.install_triggers(db)
