"""Opening the database: refuse what is not ours, back up, migrate, then bind.

``open_database(target, now)`` is the only way in. ``target`` is a path to a
SQLite file or a database URL (``postgresql://...``). A SQLite file is inspected
read-only first, so a file that is not a netty database, or one written by a
newer netty, is refused and left byte-for-byte untouched. Before a migration
changes an existing file, a copy is taken with SQLite's online backup API.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

import pendulum

from netty.db.drivers import import_peewee

import_peewee()  # before any other import of peewee: no PostgreSQL driver on SQLite

from peewee import Database, DatabaseError, OperationalError, SqliteDatabase  # noqa: E402

from netty.db import dialect  # noqa: E402
from netty.db.models import MODELS, database  # noqa: E402
from netty.errors import DatabaseRefused, InvalidInput, NettyError  # noqa: E402


class DamagedDatabase(DatabaseRefused):
    """The database file (or a copy of it) fails SQLite's integrity checks."""


class ReadOnlyDatabase(DatabaseRefused):
    """The database file is read-only (``chmod 400``) and a write was asked for."""


SCHEMA_TABLE = "netty_schema"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a logged coffee survives a power cut
    "foreign_keys": 1,
    "busy_timeout": 5000,
}
BACKUPS_KEPT = 5


@dataclass(frozen=True)
class OpenResult:
    """What opening did: where, which migrations ran, and the backup taken first."""

    location: str
    applied: tuple[str, ...]
    backup: Path | None
    read_only: bool = False  # the file's owner has no write permission: opened query-only


def known_migrations() -> list[str]:
    """Names of the migrations this version of netty ships, in order (by number, as
    ``playhouse.migrations`` orders them; read without importing it)."""
    names = [path.stem for path in MIGRATIONS_DIR.glob("[0-9]*.py")]
    return sorted(names, key=lambda name: (int(re.match(r"\d+", name).group()), name))


def open_database(
    target: str | os.PathLike[str], now: pendulum.DateTime, *, for_writing: bool = False
) -> OpenResult:
    """Open, check and migrate the database at ``target``, and bind the models to it.

    A SQLite file that is not a regular file (a FIFO, a device) is refused
    without being opened. A file its owner made read-only (``chmod 400``) is
    opened read-only (``PRAGMA query_only``) and its mode left alone: reads
    work, a write raises ``ReadOnlyDatabase``. ``for_writing`` (a command that
    is about to write) refuses a read-only file at once, and runs SQLite's
    ``PRAGMA quick_check`` (about 0.3 s on a 150 MB file with 50,000 contacts)
    so a damaged file is refused with ``DamagedDatabase`` before anything is
    written.
    """
    text = os.fspath(target)
    if "://" in text:
        return _open_url(text, now)
    result = _open_sqlite(Path(text).expanduser(), now)
    if for_writing:
        path = Path(result.location)
        if result.read_only:
            raise ReadOnlyDatabase(_read_only_message(path))
        problems = [row[0] for row in database.execute_sql("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DamagedDatabase(_damaged_message(path, problems[0]))
    return result


def _read_only_message(path: Path) -> str:
    return (
        f"{path} is read-only (its owner has no write permission), so netty opened it for "
        f"reading only and changed nothing; to change it, run: chmod u+w {path}"
    )


def _damaged_message(path: Path, problem: str) -> str:
    return (
        f"{path} is damaged ({_one_line(problem)}); nothing was written: run `netty check` "
        "to see the damage and which backup to restore"
    )


def explain_error(exc: BaseException) -> NettyError | None:
    """The one-line ``NettyError`` for a SQLite failure a person can act on, or None.

    Looks through the exception and what caused it: a full disk
    (SQLITE_FULL / ENOSPC, which peewee may hide behind "cannot rollback"), a
    read-only file, and a damaged file.
    """
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        text = str(current).lower()
        if "disk is full" in text or getattr(current, "errno", None) in (28, 122):
            return NettyError("disk full: the change was not saved; free some space and try again")
        if "readonly database" in text or ("read-only" in text and "database" in text):
            location = database.obj.database if database.obj is not None else "the database"
            return ReadOnlyDatabase(_read_only_message(Path(str(location))))
        if "malformed" in text or "not a database" in text:
            location = database.obj.database if database.obj is not None else "the database"
            return DamagedDatabase(_damaged_message(Path(str(location)), str(current)))
        current = current.__cause__ or current.__context__
        seen += 1
    return None


def close_database() -> None:
    """Close the connection of this thread, if one is open."""
    if database.obj is not None and not database.is_closed():
        database.close()


def _open_url(url: str, now: pendulum.DateTime) -> OpenResult:
    """Open a ``postgresql://`` URL: refuse a database that is not netty's (tables of
    its own and no ``netty_schema``) or was written by a newer netty, with nothing
    written; then migrate. The URL is never shown with its password."""
    shown = dialect.mask_password(url)
    if not url.startswith(("postgresql://", "postgres://")):
        raise DatabaseRefused(
            f"cannot open {shown}: only postgresql:// URLs are supported besides a file path"
        )
    try:
        db = dialect.postgres_database(url)
        db.connect()
    except Exception as exc:  # driver missing, bad URL, server down: all user-fixable
        reason = _one_line(str(exc).replace(url, shown))
        raise DatabaseRefused(f"cannot connect to {shown}: {reason}") from exc
    try:
        tables = set(db.get_tables())
        applied = (
            [row[0] for row in db.execute_sql(f'SELECT "name" FROM "{SCHEMA_TABLE}"')]
            if SCHEMA_TABLE in tables
            else []
        )
    except DatabaseError as exc:
        db.close()
        raise DatabaseRefused(f"cannot read {shown}: {_one_line(str(exc))}") from exc
    if tables and SCHEMA_TABLE not in tables:
        db.close()
        raise DatabaseRefused(
            f"{shown} has tables of its own and is not a netty database; left untouched"
        )
    newer = sorted(set(applied) - set(known_migrations()))
    if newer:
        db.close()
        raise DatabaseRefused(
            f"{shown} was written by a newer netty (schema {newer[-1]}); upgrade netty to open it"
        )
    database.initialize(db)
    pending = [name for name in known_migrations() if name not in applied]
    backup = None
    if pending and applied:  # an existing netty database about to change shape
        from netty.db.pgbackup import backup_database

        try:
            backup = backup_database(db, url, pending[0], now)
        except NettyError as exc:
            db.close()
            raise DatabaseRefused(f"cannot back up {shown} before upgrading it: {exc}") from exc
    database.initialize(db)
    applied_now = _migrate(db) if pending else []
    return OpenResult(shown, tuple(applied_now), backup)


def _open_sqlite(path: Path, now: pendulum.DateTime) -> OpenResult:
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        info = None  # _create_file says why it cannot be created
    except OSError as exc:
        raise DatabaseRefused(f"cannot open {path}: {exc.strerror or exc}") from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise DatabaseRefused(f"{path} is a folder; give the path of a database file")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise DatabaseRefused(
            f"{path} is not a regular file (a FIFO, a device or a socket); give the path of "
            "a database file"
        )
    read_only = info is not None and not info.st_mode & stat.S_IWUSR
    existing = info is not None and info.st_size > 0
    if read_only and not existing:
        raise ReadOnlyDatabase(f"{path} is an empty, read-only file; run: chmod u+w {path}")
    pending: list[str] = []
    if existing:
        pending = _inspect(path)
    else:
        _create_file(path)
    backup = None
    if read_only and pending:
        raise ReadOnlyDatabase(
            f"{path} is read-only and written by an older netty: it needs an upgrade "
            f"first; run: chmod u+w {path}"
        )
    if existing and pending:
        try:
            backup = backup_file(path, path.with_name(_backup_name(path, now, pending[0])))
            prune_backups(path)
        except DamagedDatabase:
            raise
        except NettyError as exc:
            raise DatabaseRefused(
                f"cannot back up {path} before upgrading it: {exc}; check the folder is writable"
            ) from exc
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise DatabaseRefused(
                f"cannot back up {path} before upgrading it: {reason}; check the folder is writable"
            ) from exc
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    try:
        db.connect(reuse_if_open=True)
    except (OperationalError, DatabaseError) as exc:
        raise DatabaseRefused(f"cannot open {path}: {exc}; check the folder is writable") from exc
    database.initialize(db)
    if read_only:
        db.execute_sql("PRAGMA query_only = 1")
        return OpenResult(str(path), (), None, read_only=True)
    try:
        applied = _migrate(db) if pending or not existing else []
    except OperationalError as exc:
        raise DatabaseRefused(f"cannot write to {path}: {exc}") from exc
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return OpenResult(str(path), tuple(applied), backup)


def _create_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) before SQLite touches it."""
    try:
        _make_folders(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DatabaseRefused(
            f"cannot create {path}: {reason}; choose another place with --db or NETTY_DB"
        ) from exc


def _make_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each 0700 whatever the umask."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700)
        os.chmod(created, 0o700)


def _inspect(path: Path) -> list[str]:
    """Read-only look at an existing file: refuse it, or return the pending migrations."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseRefused(f"cannot read {path}: {exc.strerror or exc}") from exc
    if header != SQLITE_HEADER:
        raise DatabaseRefused(f"{path} is not a netty database (not a SQLite file); left untouched")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            applied = (
                [row[0] for row in conn.execute(f"SELECT name FROM {SCHEMA_TABLE}")]
                if SCHEMA_TABLE in tables
                else []
            )
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "unable to open" in str(exc):
            raise DatabaseRefused(
                f"cannot open {path}: its folder is not writable (SQLite needs to write "
                "beside the file); move it or fix the folder's permissions"
            ) from exc
        raise DatabaseRefused(
            f"{path} cannot be read as a database ({exc}); left untouched"
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(
            f"{path} cannot be read as a database ({exc}); left untouched"
        ) from exc
    known = known_migrations()
    if tables and SCHEMA_TABLE not in tables:
        raise DatabaseRefused(f"{path} is a SQLite file but not a netty database; left untouched")
    newer = sorted(set(applied) - set(known))
    if newer:
        raise DatabaseRefused(
            f"{path} was written by a newer netty (schema {newer[-1]}); upgrade netty to open it"
        )
    return [name for name in known if name not in applied]


def _migrate(db: Database) -> list[str]:
    from playhouse.migrations import Runner  # only when there is something to migrate

    runner = Runner(db, str(MIGRATIONS_DIR), table_name=SCHEMA_TABLE)
    return runner.up()


def _backup_name(path: Path, now: pendulum.DateTime, before: str) -> str:
    stamp = now.in_tz("UTC").format("YYYYMMDD-HHmmss")
    return f"{path.name}.{stamp}.before-{before}.bak"


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds wrong in ``path``;
    empty when the file is sound. Opens the file read-only."""
    pragma = "quick_check" if quick else "integrity_check"
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def backup_file(source: Path, destination: Path) -> Path:
    """Copy a live SQLite file with the online backup API (never a plain copy); 0600.

    The copy is written to a temporary file beside ``destination``, checked with
    ``PRAGMA integrity_check``, synced, and only then given its name, so a file
    under a backup's name is always a complete, checked copy. ``destination``
    must not exist. Raises ``DamagedDatabase`` if the copy fails the check (the
    database itself is damaged), ``InvalidInput`` for file-system errors (a full
    disk says "disk full"); nothing is left behind either way.
    """
    from netty.outfile import atomic_path, check_output, protected_paths

    target = check_output(destination, protected_paths(source), overwrite=False)
    with atomic_path(target, overwrite=False) as temp:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        except sqlite3.Error as exc:
            if "full" in str(exc):
                raise InvalidInput(f"cannot write {target}: disk full") from exc
            raise
        finally:
            src.close()
        problems = integrity_problems(temp)
        if problems:
            raise DamagedDatabase(
                f"{source} is damaged ({_one_line(problems[0])}); no backup was written and "
                "earlier backups are kept: run `netty check`"
            )
    return target


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:200]


def prune_backups(path: Path, keep: int = BACKUPS_KEPT) -> None:
    """Keep the newest ``keep`` automatic backups of ``path`` of each kind (before a
    migration, an import, a merge ...), so many imports never push out the copy
    taken before a schema change."""
    groups: dict[str, list[Path]] = {}
    for backup in sorted(path.parent.glob(f"{path.name}.*.before-*.bak")):
        kind = backup.name.rsplit(".before-", 1)[1]
        kind = "migration" if kind[:4].isdigit() else kind
        groups.setdefault(kind, []).append(backup)
    for backups in groups.values():
        for old in backups[:-keep]:
            old.unlink(missing_ok=True)


__all__ = [
    "MODELS",
    "SCHEMA_TABLE",
    "DamagedDatabase",
    "OpenResult",
    "ReadOnlyDatabase",
    "backup_file",
    "close_database",
    "database",
    "explain_error",
    "integrity_problems",
    "known_migrations",
    "open_database",
]
