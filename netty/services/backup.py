"""Backups of the live database, always with SQLite's online backup API (never a file copy).

- ``backup_before(action, now)``: the automatic copy taken before an import or a
  merge, named ``netty.db.<UTC stamp>.before-<action>.bak`` beside the database
  and pruned with the migration backups (the newest ``BACKUPS_KEPT`` are kept);
- ``backup_to(destination, now)``: ``netty backup [-o FILE]``, by default
  ``netty-backup-<UTC stamp>.db`` in the database's folder (never pruned).

Both are written through ``netty.db.backup_file``: to a temporary file,
checked with ``PRAGMA integrity_check``, synced and only then renamed, so a
backup under its final name is complete and sound, and pruning (which only
sees final names) only ever keeps checked copies. A damaged database is not
backed up (``DamagedDatabase``) and earlier backups are left alone. Both are 0600. A PostgreSQL database has no file to copy:
``backup_before`` dumps it into netty's ``backups`` folder (``netty.db.pgbackup``)
and ``backup_to`` says to use the server's tools.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pendulum
from peewee import SqliteDatabase

from netty.db import backup_file, integrity_problems, prune_backups
from netty.db.dialect import is_postgres
from netty.db.journal import missing_triggers
from netty.db.models import database
from netty.db.pgbackup import backup_database, default_backup, write_backup
from netty.errors import InvalidInput
from netty.outfile import describe_os_error


def database_file() -> Path | None:
    """The file of the open SQLite database, or None (a URL database, or in-memory)."""
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        return None
    name = str(db.database)
    if not name or name == ":memory:" or name.startswith("file::memory:"):
        return None
    return Path(name)


def _stamp(now: pendulum.DateTime) -> str:
    return now.in_tz("UTC").format("YYYYMMDD-HHmmss")


def _free(path: Path) -> Path:
    """``path``, or the same name with -2, -3 ... if it is taken."""
    if not path.exists():
        return path
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise InvalidInput(f"too many backups named like {path}; remove some")


def backup_before(action: str, now: pendulum.DateTime) -> Path | None:
    """Copy the live database before ``action`` changes it; returns the copy's path.

    A SQLite file is copied beside itself; a PostgreSQL database is dumped into
    netty's ``backups`` folder (``netty.db.pgbackup``: ``pg_dump``, else JSON).
    None for an in-memory database.
    """
    source = database_file()
    if source is None:
        if is_postgres(database):
            return backup_database(database.obj, database.obj.database, action, now)
        return None
    target = _free(source.with_name(f"{source.name}.{_stamp(now)}.before-{action}.bak"))
    try:
        backup_file(source, target)
        prune_backups(source)
    except InvalidInput as exc:
        raise InvalidInput(
            f"cannot back up before the {action}: {exc}; nothing was changed"
        ) from exc
    except (OSError, sqlite3.Error) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise InvalidInput(
            f"cannot back up {source} before the {action}: {reason}; nothing was changed"
        ) from exc
    return target


def backup_to(destination: Path | None, now: pendulum.DateTime) -> Path:
    """``netty backup``: a safe copy of the live database; returns where it went."""
    source = database_file()
    if source is None and is_postgres(database):
        return _postgres_backup_to(destination, now)
    if source is None:
        raise InvalidInput("netty backup copies a database file; this database has none")
    default_name = f"netty-backup-{_stamp(now)}.db"
    if destination is None:
        target = _free(source.with_name(default_name))
    else:
        target = destination.expanduser()
        with contextlib.suppress(OSError):  # a name too long is refused by backup_file
            if target.is_dir() and not target.is_symlink():
                target = _free(target / default_name)
    try:
        backup_file(source, target)
    except (OSError, sqlite3.Error) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise InvalidInput(f"cannot write the backup to {target}: {reason}") from exc
    return target


def _postgres_backup_to(destination: Path | None, now: pendulum.DateTime) -> Path:
    """``netty backup`` on PostgreSQL: ``pg_dump`` (else netty's JSON copy) into
    ``destination`` (a file that must not exist, or a folder) or the backups folder."""
    db, url = database.obj, database.obj.database
    if destination is None:
        return default_backup(db, url, now)
    target = destination.expanduser()
    try:
        if target.is_dir():
            return default_backup_in(db, url, target, now)
        if target.exists() or target.is_symlink():
            raise InvalidInput(f"{target} already exists; choose a new name")
        return write_backup(db, url, target)
    except OSError as exc:
        raise InvalidInput(
            f"cannot write the backup to {target}: {describe_os_error(exc)}"
        ) from exc


def default_backup_in(db, url: str, folder: Path, now: pendulum.DateTime) -> Path:
    return write_backup(db, url, _free(folder / f"netty-backup-{_stamp(now)}.dump"))


@dataclass(frozen=True)
class CheckReport:
    """What ``check_database`` found: ``problems`` (empty when sound) and what to do.

    ``checks`` names what was run, for the "ok" line (the engines check differently).
    """

    location: str
    problems: tuple[str, ...]
    advice: str
    checks: str = "integrity_check, foreign_key_check and the journal triggers"

    @property
    def ok(self) -> bool:
        return not self.problems


SERVER_CHECKS = (
    "netty's tables and columns, validated constraints and indexes, the journal triggers"
)


def server_problems() -> list[str]:
    """What is wrong with the open PostgreSQL database, one line each (empty: sound).

    Read from the system catalogs of the connection's schema: a model's table or
    column that is missing, a constraint still ``NOT VALID`` (``pg_constraint.
    convalidated``), an index a failed ``CREATE INDEX CONCURRENTLY`` left invalid
    (``pg_index.indisvalid``), and a missing or disabled journal trigger.
    """
    from netty.db.models import MODELS

    db = database.obj
    problems: list[str] = []
    tables = set(db.get_tables())
    for model in MODELS:
        table = model._meta.table_name
        if table not in tables:
            problems.append(f"table {table} is missing")
            continue
        have = {column.name for column in db.get_columns(table)}
        for field in model._meta.sorted_fields:
            if field.column_name not in have:
                problems.append(f"column {table}.{field.column_name} is missing")
    schema = db.execute_sql("SELECT current_schema()").fetchone()[0]
    for name, table in db.execute_sql(
        "SELECT con.conname, cls.relname FROM pg_constraint con "
        "JOIN pg_class cls ON cls.oid = con.conrelid "
        "JOIN pg_namespace ns ON ns.oid = cls.relnamespace "
        "WHERE ns.nspname = %s AND NOT con.convalidated ORDER BY cls.relname, con.conname",
        (schema,),
    ):
        problems.append(f"constraint {name} on {table} is not validated")
    for name, table in db.execute_sql(
        "SELECT ic.relname, tc.relname FROM pg_index ix "
        "JOIN pg_class ic ON ic.oid = ix.indexrelid "
        "JOIN pg_class tc ON tc.oid = ix.indrelid "
        "JOIN pg_namespace ns ON ns.oid = tc.relnamespace "
        "WHERE ns.nspname = %s AND NOT (ix.indisvalid AND ix.indisready) "
        "ORDER BY tc.relname, ic.relname",
        (schema,),
    ):
        problems.append(f"index {name} on {table} is invalid (rebuild it with REINDEX)")
    return problems + missing_triggers(db)


def _newest_sound_backup(source: Path) -> Path | None:
    """The newest backup beside ``source`` that passes ``quick_check``, if any."""
    candidates = list(source.parent.glob(f"{source.name}.*.bak"))
    candidates += list(source.parent.glob("netty-backup-*.db"))
    for candidate in sorted(candidates, key=lambda p: p.stat().st_mtime, reverse=True):
        if not integrity_problems(candidate, quick=True):
            return candidate
    return None


def check_database(location: str = "the database server") -> CheckReport:
    """``netty check``.

    On a SQLite file: ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``,
    then the change journal's triggers (``journal.missing_triggers``); a damaged
    file's advice names the newest sound backup beside it.

    On PostgreSQL (``location`` is the URL with its password masked), the server
    keeps pages and foreign keys sound itself, so what is checked is what could
    still be wrong: every table and column netty's models expect, constraints left
    ``NOT VALID``, indexes left invalid by a failed build, and the journal triggers
    that make undo possible (see ``server_problems``).
    """
    source = database_file()
    if source is None:
        problems = tuple(server_problems())
        advice = (
            f"{location} is not as netty left it: {len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''} (first: {problems[0][:120]}); "
            "restore it from a backup (pg_restore) or ask its administrator"
            if problems
            else ""
        )
        return CheckReport(location, problems, advice, SERVER_CHECKS)
    problems = list(integrity_problems(source))
    try:
        rows = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    except Exception as exc:  # a damaged file can fail the check itself
        rows = []
        problems.append(f"foreign_key_check failed: {exc}")
    problems += [
        f"{table} row {rowid} refers to a missing {parent} row" for table, rowid, parent, _ in rows
    ]
    if not problems:
        problems += missing_triggers(database.obj)
    if not problems:
        return CheckReport(str(source), (), "")
    good = _newest_sound_backup(source)
    restore = (
        f"the newest sound backup is {good}: move {source.name} aside and copy it in its place"
        if good
        else "no sound backup was found: try `sqlite3 DB .recover`"
    )
    advice = (
        f"{source} is damaged: {len(problems)} problem{'s' if len(problems) != 1 else ''} "
        f"(first: {' '.join(problems[0].split())[:120]}); netty refuses to write to it; {restore}"
    )
    return CheckReport(str(source), tuple(problems), advice)
