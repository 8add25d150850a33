"""``netty import json``: restore a netty JSON export into an empty database, losslessly.

Every table, row and column comes back as it was exported, ids included, so
the restored database is the exported one (the migration history aside, which
belongs to the database file). The file is checked before anything is
written: it must be a netty export (``"netty": "export"``), of a schema this
netty knows, with known tables and columns and values of the right type
(moments as ``YYYY-MM-DD HH:MM:SS``, days as ``YYYY-MM-DD``, years 1900 to 2200).
Text goes through ``clean_stored``: control and bidi characters, which
nothing netty stores holds, are dropped; everything else comes back as it was. The target must be
empty: restoring never mixes with existing data. Rows go in with the
database's constraints on, in one transaction: an inconsistent file (a
reference to a missing row, a duplicate) is refused and nothing is written.
``--dry-run`` does the whole restore and rolls it back.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pendulum
from peewee import (
    AutoField,
    BooleanField,
    DatabaseError,
    ForeignKeyField,
    IntegerField,
    IntegrityError,
    TextField,
)

from netty.dates import MAX_YEAR, MIN_YEAR, plural
from netty.db import known_migrations
from netty.db.bulk import execute_many, fix_sequences
from netty.db.fields import Day, Timestamp
from netty.db.models import MODELS, Contact, database
from netty.errors import InvalidInput
from netty.services.changes import change
from netty.services.importers.report import ImportReport
from netty.services.importers.sources import FORMATS_READ
from netty.services.text import clean_stored

_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SOURCE = "netty JSON export"


def _load(text: str, name: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        message = getattr(exc, "msg", None) or str(exc) or "too deeply nested"
        where = f" at line {exc.lineno}" if hasattr(exc, "lineno") else ""
        raise InvalidInput(
            f"{name} is not valid JSON ({message}{where}); netty reads {FORMATS_READ}"
        ) from exc
    if not isinstance(data, dict) or data.get("netty") != "export":
        raise InvalidInput(
            f"{name} is not a netty JSON export (made by `netty export json`); "
            f"netty reads {FORMATS_READ}"
        )
    version = data.get("format_version")
    if version != 1:
        raise InvalidInput(
            f"{name} is a netty export of format {version!r}; this netty reads format 1: upgrade netty"
        )
    schema = data.get("schema", [])
    if not isinstance(schema, list) or not all(isinstance(s, str) for s in schema):
        raise InvalidInput(f"{name}: 'schema' must be a list of migration names")
    newer = sorted(set(schema) - set(known_migrations()))
    if newer:
        raise InvalidInput(
            f"{name} was written by a newer netty (schema {newer[-1]}); upgrade netty"
        )
    if not isinstance(data.get("tables"), dict):
        raise InvalidInput(f"{name}: 'tables' must be an object of tables")
    return data


def _in_range(value: str) -> bool:
    return MIN_YEAR <= int(value[:4]) <= MAX_YEAR


def _check(field, value: Any, where: str) -> Any:
    if value is None:
        if field.null or isinstance(field, AutoField):
            return None
        raise InvalidInput(f"{where}: {field.column_name} can't be empty")
    if isinstance(field, Timestamp):
        if isinstance(value, str) and _MOMENT.match(value) and _in_range(value):
            try:
                dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
                return value
            except ValueError:
                pass
        raise InvalidInput(
            f"{where}: {field.column_name} {value!r} is not a YYYY-MM-DD HH:MM:SS time"
        )
    if isinstance(field, Day):
        if isinstance(value, str) and _DAY.match(value) and _in_range(value):
            try:
                dt.date.fromisoformat(value)
                return value
            except ValueError:
                pass
        raise InvalidInput(f"{where}: {field.column_name} {value!r} is not a YYYY-MM-DD day")
    if isinstance(field, BooleanField):
        if isinstance(value, bool) or value in (0, 1):
            return bool(value)
        raise InvalidInput(f"{where}: {field.column_name} {value!r} is not true or false")
    if isinstance(field, (IntegerField, AutoField, ForeignKeyField)):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63:
            return value
        raise InvalidInput(f"{where}: {field.column_name} {value!r} is not a whole number")
    if isinstance(field, TextField):
        if isinstance(value, str):
            if "\x00" in value:
                raise InvalidInput(f"{where}: {field.column_name} holds a NUL character")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InvalidInput(f"{where}: {field.column_name} is not valid Unicode") from exc
            return clean_stored(value)
        raise InvalidInput(f"{where}: {field.column_name} {value!r} is not text")
    return value


def _tables(data: dict[str, Any], name: str) -> list[tuple[Any, list[str], list[list[Any]]]]:
    models = {m._meta.table_name: m for m in MODELS}
    unknown = sorted(set(data["tables"]) - set(models))
    if unknown:
        raise InvalidInput(f"{name} has a table this netty does not know: {unknown[0]!r}")
    out = []
    for model in MODELS:
        table_name = model._meta.table_name
        table = data["tables"].get(table_name)
        if table is None:
            continue
        if not isinstance(table, dict) or not isinstance(table.get("columns"), list):
            raise InvalidInput(f"{name}: table {table_name!r} needs 'columns' and 'rows'")
        by_column = {f.column_name: f for f in model._meta.sorted_fields}
        columns = table["columns"]
        bad = [c for c in columns if not isinstance(c, str) or c not in by_column]
        if bad or len(set(columns)) != len(columns):
            raise InvalidInput(
                f"{name}: table {table_name!r} has an unknown or repeated column {bad[:1]}"
            )
        absent = [c for c in by_column if c not in columns]
        missing = [
            c for c in absent
            if not by_column[c].null and by_column[c].default is None
            and not isinstance(by_column[c], AutoField)
        ]  # fmt: skip
        if missing:
            raise InvalidInput(f"{name}: table {table_name!r} lacks column {missing[0]!r}")
        defaults = {
            c: by_column[c].default() if callable(by_column[c].default) else by_column[c].default
            for c in absent
            if by_column[c].default is not None
        }  # columns an older netty did not have: their default
        rows = table.get("rows", [])
        if not isinstance(rows, list):
            raise InvalidInput(f"{name}: table {table_name!r} 'rows' must be a list")
        fields = [by_column[c] for c in columns]
        checked = []
        for number, row in enumerate(rows, start=1):
            where = f"{name}: {table_name} row {number}"
            if not isinstance(row, list) or len(row) != len(columns):
                raise InvalidInput(f"{where} does not have {len(columns)} values")
            values = [_check(f, v, where) for f, v in zip(fields, row, strict=True)]
            checked.append(values + list(defaults.values()))
        out.append((model, [*columns, *defaults], checked))
    return out


def _require_empty() -> None:
    for model in MODELS:
        count = model.select().count()
        if count:
            raise InvalidInput(
                f"netty import json restores only into an empty database, and this one has "
                f"{count} {model._meta.table_name} rows; restore into a new file with "
                "--db NEW.db (or NETTY_DB)"
            )


def _insert(tables) -> dict[str, int]:
    restored: dict[str, int] = {}
    deferred: list[tuple[int, int]] = []
    for model, columns, rows in tables:
        table_name = model._meta.table_name
        if model is Contact and "introduced_by_id" in columns:
            at = columns.index("introduced_by_id")
            pk = columns.index("id") if "id" in columns else None
            if pk is not None:
                deferred = [(row[at], row[pk]) for row in rows if row[at] is not None]
                rows = [[None if i == at else v for i, v in enumerate(row)] for row in rows]
        if rows:
            sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
                table_name,
                ", ".join(f'"{c}"' for c in columns),
                ", ".join([database.param] * len(columns)),
            )
            execute_many(sql, rows)
        restored[table_name] = len(rows)
    if deferred:
        execute_many(
            f'UPDATE "{Contact._meta.table_name}" SET "introduced_by_id" = {database.param} '
            f'WHERE "id" = {database.param}',
            deferred,
        )
    fix_sequences(MODELS)
    return restored


class _DryRun(Exception):
    """Raised inside the change to roll a dry run back, carrying what it counted."""

    def __init__(self, restored: dict[str, int]) -> None:
        super().__init__("dry run")
        self.restored = restored


def restore(
    text: str,
    now: pendulum.DateTime,
    *,
    name: str = "the file",
    dry_run: bool = False,
    backup: bool = True,
    warnings: list[str] | None = None,
) -> ImportReport:
    """Restore a JSON export into this (empty) database; InvalidInput if refused."""
    from netty.services.backup import backup_before

    data = _load(text, name)
    tables = _tables(data, name)
    _require_empty()
    backup_path = backup_before("import", now) if backup and not dry_run else None
    try:
        with change(f"restored {name}", now, kind="import") as ch:
            _require_empty()
            restored = _insert(tables)
            ch.label = f"restored {name}: {plural(restored.get('contact', 0), 'contact')}"
            if dry_run:
                raise _DryRun(restored)
    except _DryRun as done:
        restored = done.restored
    except IntegrityError as exc:
        raise InvalidInput(
            f"{name} is not consistent ({' '.join(str(exc).split())}); nothing was restored"
        ) from exc
    except DatabaseError as exc:
        raise InvalidInput(
            f"{name} could not be restored ({' '.join(str(exc).split())}); nothing was restored"
        ) from exc
    return ImportReport(
        source=SOURCE,
        created=restored.get(Contact._meta.table_name, 0),
        merged=0,
        skipped=(),
        warnings=tuple(warnings or ()),
        possible_duplicates=(),
        dry_run=dry_run,
        backup=backup_path,
        restored=restored,
    )
