"""Bulk SQL helpers: fast inserts, id sequences, chunking (importers, exports, demo data)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from peewee import PostgresqlDatabase
from peewee import __exception_wrapper__ as exception_wrapper

from netty.db import dialect
from netty.db.fields import to_utc_text
from netty.db.models import database

CHUNK = 900  # stays under SQLite's default limit of bound parameters
BATCH_ROWS = 500  # rows per multi-row INSERT (bulk_insert): past a few hundred nothing is gained
PG_PAGE = 1000  # rows per round trip to a PostgreSQL server (execute_many)

# An INSERT whose VALUES is one row of placeholders and nothing after it.
_SIMPLE_INSERT = re.compile(r"(INSERT INTO .+?\)) VALUES \((?:%s, )*%s\)", re.S)


def bulk_insert(model, fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows, in the caller's transaction, a batch of rows per statement.

    Each statement is one multi-row ``INSERT ... VALUES (...), (...), ...`` of up to
    ``BATCH_ROWS`` rows (fewer when the engine limits bound parameters), the rows in
    the order given. The journal's row triggers fire for every row as before. One
    statement per batch rather than one per row (``executemany``) is what makes a
    30,000-row import fast: SQLite keeps a statement journal of every page a
    statement touches, so a row per statement copied each of the contact table's
    index pages once per row; psycopg2's ``executemany`` is one round trip per row.
    """
    if not rows:
        return
    columns = [model._meta.fields[f].column_name for f in fields]
    head = 'INSERT INTO "{}" ({}) VALUES '.format(
        model._meta.table_name, ", ".join(f'"{c}"' for c in columns)
    )
    one = "(" + ", ".join([database.param] * len(columns)) + ")"
    per = max(1, min(BATCH_ROWS, _max_params() // len(columns)))
    cursor = database.cursor()
    full = head + ", ".join([one] * per)
    with exception_wrapper:
        for start in range(0, len(rows), per):
            batch = rows[start : start + per]
            sql = full if len(batch) == per else head + ", ".join([one] * len(batch))
            cursor.execute(sql, [value for row in batch for value in row])


def _max_params() -> int:
    """How many parameters one statement may bind: SQLite's limit for this connection
    (999 before SQLite 3.32, 32,766 after), or PostgreSQL's 65,535."""
    connection = database.connection()
    getlimit = getattr(connection, "getlimit", None)
    if getlimit is None:
        return 65535
    import sqlite3

    return getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


@contextlib.contextmanager
def page_cache(mebibytes: int = 64) -> Iterator[None]:
    """Let SQLite keep up to ``mebibytes`` MiB of pages in memory for one bulk write
    (``PRAGMA cache_size``, this connection only; put back as it was afterwards).

    Memory, not safety: what is written and when it reaches the disk do not change.
    A bulk insert into the contact table's random-key indexes (name, LinkedIn URL,
    email) outgrows the default 2 MB cache at a few tens of thousands of rows, and
    re-reads and spills pages from then on: 200,000 LinkedIn rows insert about a
    fifth faster with this. Nothing on PostgreSQL (the server sizes its own cache).
    """
    if dialect.is_postgres(database):
        yield
        return
    before = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-1024 * int(mebibytes)}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(before)}")


def execute_many(sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run ``sql`` (``?`` placeholders) once per row of ``rows``, in the caller's
    transaction, with the driver's errors turned into peewee's (IntegrityError ...).

    SQLite: ``executemany`` on one prepared statement. PostgreSQL: psycopg2's
    ``executemany`` is one round trip per row (minutes for a demo network), so a
    plain ``INSERT ... VALUES (...)`` goes as multi-row VALUES (``execute_values``)
    and anything else in batches of statements (``execute_batch``), ``PG_PAGE`` rows
    per round trip; the rows, their order and the triggers they fire are the same.
    """
    sql = dialect.qmarks(database, sql)
    with exception_wrapper:
        cursor = database.cursor()
        if not dialect.is_postgres(database.obj):
            cursor.executemany(sql, rows)
            return
        from psycopg2.extras import execute_batch, execute_values

        simple = _SIMPLE_INSERT.fullmatch(sql.strip())
        if simple:
            execute_values(cursor, simple[1] + " VALUES %s", rows, page_size=PG_PAGE)
        else:
            execute_batch(cursor, sql, rows, page_size=PG_PAGE)


def max_id(model) -> int:
    table = model._meta.table_name
    return database.execute_sql(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"').fetchone()[0]


def fix_sequences(models: Iterable) -> None:
    """After inserting explicit ids, move PostgreSQL's id sequences past them (SQLite needs nothing)."""
    if not isinstance(database.obj, PostgresqlDatabase):
        return
    for model in models:
        primary_key = model._meta.primary_key  # False for the link tables
        if not primary_key or getattr(primary_key, "name", None) != "id":
            continue
        table = model._meta.table_name
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'GREATEST((SELECT MAX("id") FROM "{table}"), 1))'
        )


def moment_text(value: Any) -> str | None:
    """A stored moment as UTC text, whatever the driver returned."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return to_utc_text(value)
    return str(value)[:19]


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]
