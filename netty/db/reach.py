"""The ``reach`` table: who I talked with and when, kept right by triggers.

People reached (``netty stats``, the progress view ``v``) are the different people
I had a conversation with in a period, per ring and per channel. Read from the
user data, that is a join of ``interaction`` with ``interaction_contact`` and
``contact`` and a DISTINCT over it: about 130,000 link rows for six months at
500,000 interactions, 0.35 s on SQLite. ``reach`` holds that join already made:
one row per (interaction, person) of every conversation (an interaction that is
not a ``note`` and not archived) with its moment and the person's ring and
channel now, so the figures are index range scans (issue 15: under 300 ms).

It is derived data, not user data: not journaled, exported or restored. Database
triggers on the three tables it is made of keep it exactly right in the same
statement as every write, whatever makes it: a service, a bulk import, a merge, a
sync, and the change journal's undo and redo (which replay row images with plain
SQL). Each trigger only restates the definition for the rows it touched:

- a row inserted into ``interaction``, ``interaction_contact`` or ``contact``:
  insert the join rows that involve it (``ON CONFLICT DO NOTHING``, so the order
  in which undo puts rows back does not matter);
- a row deleted: delete the ``reach`` rows that involve it;
- a row updated (an interaction's kind, moment or archiving, a contact's ring or
  channel, a link row's ends): both of the above.

``install_triggers`` is called by ``netty.db.journal.install_triggers``, which
every migration that changes a table calls at its end, so a table that a
migration rebuilds gets these triggers back with the journal's. A migration that
rewrites the data itself with these triggers dropped calls ``rebuild``.
"""

from __future__ import annotations

from peewee import Database

from netty.db import dialect

TABLE = "reach"

#: What a conversation is: every interaction but a note, unless archived
#: (``netty.services.progress``).
TALK = "i.kind <> 'note' AND i.archived_at IS NULL"

#: For each source table: the filter on the join that picks the rows a new row of
#: it takes part in (NEW), the key of the ``reach`` rows an old row made (OLD),
#: and the columns whose change on update can change ``reach``.
SOURCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "interaction_contact": (
        "ic.interaction_id = NEW.interaction_id AND ic.contact_id = NEW.contact_id",
        "interaction_id = OLD.interaction_id AND contact_id = OLD.contact_id",
        ("interaction_id", "contact_id"),
    ),
    "interaction": (
        "ic.interaction_id = NEW.id",
        "interaction_id = OLD.id",
        ("id", "kind", "occurred_at", "archived_at"),
    ),
    "contact": ("ic.contact_id = NEW.id", "contact_id = OLD.id", ("id", "ring", "channel")),
}


def fill_sql(where: str) -> str:
    """The INSERT of the ``reach`` rows that the join rows matching ``where`` make."""
    return (
        f"INSERT INTO {TABLE} (interaction_id, contact_id, occurred_at, ring, channel) "
        "SELECT ic.interaction_id, ic.contact_id, i.occurred_at, c.ring, c.channel "
        "FROM interaction_contact ic JOIN interaction i ON i.id = ic.interaction_id "
        "JOIN contact c ON c.id = ic.contact_id "
        f"WHERE {where} AND {TALK} ON CONFLICT DO NOTHING"
    )


def _forget_sql(key: str) -> str:
    return f"DELETE FROM {TABLE} WHERE {key}"


def _changed(columns: tuple[str, ...], postgres: bool) -> str:
    differ = "IS DISTINCT FROM" if postgres else "IS NOT"
    return " OR ".join(f'OLD."{c}" {differ} NEW."{c}"' for c in columns)


def trigger_sql(table: str) -> list[str]:
    """SQLite's three triggers (insert, update, delete) on source ``table``."""
    new, old, columns = SOURCES[table]
    fill, forget = fill_sql(new), _forget_sql(old)
    return [
        f'CREATE TRIGGER reach_{table}_insert AFTER INSERT ON "{table}" BEGIN {fill}; END',
        f'CREATE TRIGGER reach_{table}_update AFTER UPDATE ON "{table}" '
        f"WHEN {_changed(columns, False)} BEGIN {forget}; {fill}; END",
        f'CREATE TRIGGER reach_{table}_delete AFTER DELETE ON "{table}" BEGIN {forget}; END',
    ]


def pg_trigger_sql(table: str) -> list[str]:
    """PostgreSQL's equivalent: one plpgsql function for ``table`` and three row
    triggers calling it (the update one only when a column in ``SOURCES`` changed)."""
    new, old, columns = SOURCES[table]
    function = f"reach_{table}_fn"
    body = (
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $r$\n"
        "BEGIN\n"
        f"  IF TG_OP <> 'INSERT' THEN {_forget_sql(old)}; END IF;\n"
        f"  IF TG_OP <> 'DELETE' THEN {fill_sql(new)}; END IF;\n"
        "  RETURN NULL;\n"
        "END $r$"
    )
    when = {"update": f" WHEN ({_changed(columns, True)})"}
    return [body] + [
        f'CREATE TRIGGER reach_{table}_{event} AFTER {event.upper()} ON "{table}" '
        f"FOR EACH ROW{when.get(event, '')} EXECUTE FUNCTION {function}()"
        for event in ("insert", "update", "delete")
    ]


def drop_triggers(db: Database) -> None:
    """Drop the triggers that keep ``reach`` (before a migration rebuilds a table)."""
    postgres = dialect.is_postgres(db)
    existing = set(db.get_tables())
    for table in SOURCES:
        if postgres and table not in existing:
            continue
        for event in ("insert", "update", "delete"):
            on = f' ON "{table}"' if postgres else ""
            db.execute_sql(f"DROP TRIGGER IF EXISTS reach_{table}_{event}{on}")


def install_triggers(db: Database) -> None:
    """(Re)create the triggers that keep ``reach``, if the table is there (migration
    0011 makes it; migrations before it run without)."""
    drop_triggers(db)
    existing = set(db.get_tables())
    if TABLE not in existing or not set(SOURCES) <= existing:
        return
    postgres = dialect.is_postgres(db)
    for table in SOURCES:
        for statement in pg_trigger_sql(table) if postgres else trigger_sql(table):
            db.execute_sql(statement)


def rebuild(db: Database) -> None:
    """Make ``reach`` again from the user data (in the caller's transaction)."""
    db.execute_sql(f"DELETE FROM {TABLE}")
    db.execute_sql(fill_sql("1 = 1"))
