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
from typing import Any, TextIO

import pendulum
from peewee import BooleanField

from netty import __version__
from netty.db import SCHEMA_TABLE
from netty.db.bulk import moment_text
from netty.db.fields import Day, Timestamp
from netty.db.models import MODELS, database

MARKER = "export"
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


def table_rows(model) -> tuple[list[str], list[list[Any]]]:
    fields = model._meta.sorted_fields
    columns = [f.column_name for f in fields]
    sql = 'SELECT {} FROM "{}" ORDER BY {}'.format(
        ", ".join(f'"{c}"' for c in columns),
        model._meta.table_name,
        ", ".join(f'"{c}"' for c in order_by(model)),
    )
    rows = [
        [portable(f, v) for f, v in zip(fields, row, strict=True)]
        for row in database.execute_sql(sql)
    ]
    return columns, rows


def applied_migrations() -> list[str]:
    return [
        row[0] for row in database.execute_sql(f'SELECT "name" FROM "{SCHEMA_TABLE}" ORDER BY "id"')
    ]


def snapshot(now: pendulum.DateTime) -> dict[str, Any]:
    """The whole database as one JSON-able dict, read in one transaction."""
    with database.atomic():
        tables = {}
        for model in MODELS:
            columns, rows = table_rows(model)
            tables[model._meta.table_name] = {"columns": columns, "rows": rows}
        return {
            "netty": MARKER,
            "format_version": FORMAT_VERSION,
            "netty_version": __version__,
            "exported_at": now.in_tz("UTC").to_iso8601_string(),
            "schema": applied_migrations(),
            "tables": tables,
        }


def write(out: TextIO, now: pendulum.DateTime) -> int:
    """Write the JSON export; returns the number of contacts in it."""
    data = snapshot(now)
    out.write("{\n")
    head = [k for k in data if k != "tables"]
    for key in head:
        out.write(f"  {json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},\n")
    out.write('  "tables": {')
    for i, (name, table) in enumerate(data["tables"].items()):
        out.write(",\n" if i else "\n")
        out.write(f"    {json.dumps(name)}: {{\n")
        out.write(f'      "columns": {json.dumps(table["columns"], ensure_ascii=False)},\n')
        out.write('      "rows": [')
        for j, row in enumerate(table["rows"]):
            out.write(",\n        " if j else "\n        ")
            out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n      ]\n    }" if table["rows"] else "]\n    }")
    out.write("\n  }\n}\n")
    return len(data["tables"].get("contact", {}).get("rows", ()))
