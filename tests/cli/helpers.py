"""What the CLI tests share: the result of a run, table dumps, the user-error shape."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


JOURNAL_ROWS = ('INSERT INTO "change" ', 'INSERT INTO "change_row" ')


def dump(path: Path | str, *, schema_history: bool = True, journal: bool = True) -> list[str]:
    """Every table's schema and rows, as SQL text (optionally without migration times,
    and without the change journal's rows, to compare the user data of two files).

    On a PostgreSQL URL: every table's columns and rows, one ``INSERT INTO`` line
    per row in key order, in the same shape (comparable with another PostgreSQL dump).
    """
    if "://" in str(path):
        lines = _dump_postgres(str(path))
    else:
        conn = sqlite3.connect(path)
        try:
            lines = list(conn.iterdump())
        finally:
            conn.close()
    if not schema_history:
        lines = [line for line in lines if "netty_schema" not in line]
    if not journal:
        lines = [line for line in lines if not line.startswith(JOURNAL_ROWS)]
    return lines


def assert_user_error(result: Result) -> None:
    """Exit 2, one line on stderr starting with 'netty:', nothing on stdout, no traceback."""
    assert result.code == 2, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("netty: ")
    assert len(lines[0]) > len("netty: ") + 5
    assert "Traceback" not in result.err
    assert result.out == ""


def _dump_postgres(url: str) -> list[str]:
    from netty.db import dialect

    db = dialect.postgres_database(url)
    try:
        lines = []
        for table in db.get_tables():
            columns = [c.name for c in db.get_columns(table)]
            lines.append(f'CREATE TABLE "{table}" ({", ".join(columns)})')
            order = ", ".join(str(i + 1) for i in range(len(columns)))
            for row in db.execute_sql(f'SELECT * FROM "{table}" ORDER BY {order}'):
                lines.append(f'INSERT INTO "{table}" VALUES{tuple(row)!r}')
        return lines
    finally:
        db.close()


def backups_of(db: Path | str) -> Path:
    """The folder the automatic backups of ``db`` go to: beside a SQLite file, or
    netty's ``backups`` folder for a PostgreSQL database."""
    if "://" in str(db):
        from netty.db.pgbackup import backup_folder

        return backup_folder()
    return Path(db).parent


def query(db: Path | str, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of ``sql`` (``?`` placeholders) read straight from the database file or
    PostgreSQL URL ``db``, around netty (booleans as 0/1 on both engines)."""
    if "://" in str(db):
        from netty.db import dialect

        conn = dialect.postgres_database(str(db))
        try:
            cursor = conn.execute_sql(sql, params)
            rows = cursor.fetchall() if cursor.description else []
        finally:
            conn.close()
        return [tuple(int(v) if isinstance(v, bool) else v for v in row) for row in rows]
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(sql, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def backup_suffix(db: Path | str) -> str:
    """The automatic backups' suffix: ``.bak`` (SQLite) or ``.dump`` (pg_dump)."""
    return ".dump" if "://" in str(db) else ".bak"
