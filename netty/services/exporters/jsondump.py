"""The whole database as JSON: every table, every row, every column, as stored.

Shape (``FORMAT_VERSION`` 1)::

    {"netty": "export", "format_version": 1, "netty_version": "0.1.0",
     "exported_at": "2026-11-23T10:00:00Z", "schema": ["0001_initial", ...],
     "tables": {"organization": {"columns": ["id", "name", ...],
                                  "rows": [[1, "Acme", ...], ...]}, ...}}

Tables are written in ``MODELS`` order (parents before children) and rows in
primary-key order. Moments are UTC text ``YYYY-MM-DD HH:MM:SS`` and days
``YYYY-MM-DD``, exactly as netty stores them; booleans are ``true``/``false``.
``netty import json`` restores such a file into an empty database losslessly,
ids included (``netty.services.importers.jsonrestore``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, TextIO

import pendulum
from peewee import BooleanField

from netty import __version__
from netty.db import SCHEMA_TABLE
from netty.db.bulk import moment_text
from netty.db.fields import Day, Timestamp
from netty.db.models import MODELS, database

MARKER = "export"
BATCH = 2000  # rows fetched at a time: the export's memory is about this many rows
FORMAT_VERSION = 1


def order_by(model) -> list[str]:
    """The columns a table's rows are sorted by: its primary key, or all its columns."""
    pk = model._meta.primary_key
    if pk is not None and getattr(pk, "column_name", None):
        return [pk.column_name]
    return [f.column_name for f in model._meta.sorted_fields]


def portable(field, value: Any) -> Any:
    """A stored value as JSON: moments and days as netty's text, booleans as booleans."""
    if value is None:
        return None
    if isinstance(field, Timestamp):
        return moment_text(value)
    if isinstance(field, Day):
        return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]
    if isinstance(field, BooleanField):
        return bool(value)
    return value


def table_rows(model) -> tuple[list[str], Iterator[list[Any]]]:
    """A table's column names, and its rows as JSON-able lists, read as they are iterated."""
    fields = model._meta.sorted_fields
    columns = [f.column_name for f in fields]
    sql = 'SELECT {} FROM "{}" ORDER BY {}'.format(
        ", ".join(f'"{c}"' for c in columns),
        model._meta.table_name,
        ", ".join(f'"{c}"' for c in order_by(model)),
    )

    def rows() -> Iterator[list[Any]]:
        cursor = database.execute_sql(sql)
        while batch := cursor.fetchmany(BATCH):
            for row in batch:
                yield [portable(f, v) for f, v in zip(fields, row, strict=True)]

    return columns, rows()


def applied_migrations() -> list[str]:
    return [
        row[0] for row in database.execute_sql(f'SELECT "name" FROM "{SCHEMA_TABLE}" ORDER BY "id"')
    ]


def header(now: pendulum.DateTime) -> dict[str, Any]:
    """The export's keys before ``tables``: what it is, from which netty, when, which schema."""
    return {
        "netty": MARKER,
        "format_version": FORMAT_VERSION,
        "netty_version": __version__,
        "exported_at": now.in_tz("UTC").to_iso8601_string(),
        "schema": applied_migrations(),
    }


def snapshot(now: pendulum.DateTime) -> dict[str, Any]:
    """The whole database as one JSON-able dict, read in one transaction (small databases)."""
    with database.atomic():
        tables = {}
        for model in MODELS:
            columns, rows = table_rows(model)
            tables[model._meta.table_name] = {"columns": columns, "rows": list(rows)}
        return {**header(now), "tables": tables}


def write(out: TextIO, now: pendulum.DateTime) -> int:
    """Write the JSON export, streamed; returns the number of contacts in it.

    One read transaction, each table's rows written as they are read (``BATCH`` at
    a time), so memory stays flat at any size (issue 16); the text is the same as
    before streaming: ``snapshot`` laid out one row per line.
    """
    contacts = 0
    with database.atomic():
        out.write("{\n")
        for key, value in header(now).items():
            out.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
        out.write('  "tables": {')
        for i, model in enumerate(MODELS):
            name = model._meta.table_name
            columns, rows = table_rows(model)
            out.write(",\n" if i else "\n")
            out.write(f"    {json.dumps(name)}: {{\n")
            out.write(f'      "columns": {json.dumps(columns, ensure_ascii=False)},\n')
            out.write('      "rows": [')
            count = 0
            for row in rows:
                out.write(",\n        " if count else "\n        ")
                out.write(json.dumps(row, ensure_ascii=False))
                count += 1
            out.write("\n      ]\n    }" if count else "]\n    }")
            if name == "contact":
                contacts = count
        out.write("\n  }\n}\n")
    return contacts
