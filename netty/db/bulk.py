"""Bulk SQL helpers: fast inserts, id sequences, chunking (importers, exports, demo data)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from peewee import PostgresqlDatabase
from peewee import __exception_wrapper__ as exception_wrapper

from netty.db import dialect
from netty.db.fields import to_utc_text
from netty.db.models import database

CHUNK = 900  # stays under SQLite's default limit of bound parameters
PG_PAGE = 1000  # rows per round trip to a PostgreSQL server

# An INSERT whose VALUES is one row of placeholders and nothing after it.
_SIMPLE_INSERT = re.compile(r"(INSERT INTO .+?\)) VALUES \((?:%s, )*%s\)", re.S)


def bulk_insert(model, fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows on one prepared statement (``executemany``), in the caller's transaction."""
    if not rows:
        return
    columns = [model._meta.fields[f].column_name for f in fields]
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        model._meta.table_name,
        ", ".join(f'"{c}"' for c in columns),
        ", ".join([database.param] * len(columns)),
    )
    execute_many(sql, rows)


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
