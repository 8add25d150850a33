"""Backups of a PostgreSQL database before a migration, an import or a merge.

A server's database has no file beside it, so its automatic backups go to
``backups/`` in netty's user data folder (``~/.local/share/netty/backups`` on
Linux, 0700), named ``<database>.<UTC stamp>.before-<action>.<ext>``:

- ``pg_dump`` (custom format, ``.dump``; restore with ``pg_restore``) when it is
  on the PATH;
- else every table of the database's schema as JSON (``.json``:
  ``{"tables": {name: {"columns": [...], "rows": [[...], ...]}}}``), read with
  the open connection, so it works for any schema version (before a migration
  the models may not match yet).

Both are written to a temporary name and renamed when complete; the newest
``KEPT`` of each kind are kept. The URL (which may hold a password) is given to
``pg_dump`` through the environment, never on its command line.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import pendulum
from peewee import Database
from platformdirs import user_data_path

from netty.errors import InvalidInput

KEPT = 5


def backup_folder() -> Path:
    """``backups/`` in netty's user data folder, created 0700."""
    folder = user_data_path("netty", appauthor=False) / "backups"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    return folder


def _name(url: str) -> str:
    name = urlsplit(url).path.strip("/") or "netty"
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60]


def backup_database(db: Database, url: str, action: str, now: pendulum.DateTime) -> Path:
    """Back up the database at ``url`` (open as ``db``) before ``action``; returns the file.

    Raises InvalidInput (one line, no password) when neither ``pg_dump`` nor the
    JSON copy can be written.
    """
    folder = backup_folder()
    stamp = now.in_tz("UTC").format("YYYYMMDD-HHmmss")
    target = write_backup(db, url, folder / f"{_name(url)}.{stamp}.before-{action}.dump")
    _prune(folder, _name(url))
    return target


def default_backup(db: Database, url: str, now: pendulum.DateTime) -> Path:
    """``netty backup`` without ``-o``: ``<database>-backup-<stamp>.dump`` (or ``.json``)
    in the backups folder (never pruned)."""
    stamp = now.in_tz("UTC").format("YYYYMMDD-HHmmss")
    return write_backup(db, url, backup_folder() / f"{_name(url)}-backup-{stamp}.dump")


def write_backup(db: Database, url: str, target: Path) -> Path:
    """A copy of the database at ``url`` in ``target``: ``pg_dump``'s custom format when
    it is on the PATH and works, else the JSON copy (a ``.dump`` name then becomes
    ``.json``). A name that is taken gets -2, -3 ... Returns the file written."""
    pg_dump = shutil.which("pg_dump")
    schema = db.execute_sql("SELECT current_schema()").fetchone()[0] or "public"
    written = _pg_dump(pg_dump, url, target, schema) if pg_dump else None
    if written is None:
        if target.suffix == ".dump":
            target = target.with_suffix(".json")
        written = _json_copy(db, target)
    return written


def _free(path: Path) -> Path:
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _pg_dump(program: str, url: str, target: Path, schema: str) -> Path | None:
    """``pg_dump -Fc`` of netty's ``schema`` only (a shared database's other schemas
    are not netty's to copy) into ``target``; None if it fails (a version mismatch,
    say)."""
    target = _free(target)
    temp = target.with_name(f".{target.name}.{os.getpid()}.netty-tmp")
    bare, password = _without_password(url)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    try:
        result = subprocess.run(
            [
                program,
                "--format=custom",
                "--no-owner",
                "--schema",
                '"' + schema.replace('"', '""') + '"',  # quoted: the name, not a pattern
                "--file",
                str(temp),
                "--dbname",
                bare,
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        temp.unlink(missing_ok=True)
        return None
    if result.returncode != 0:
        temp.unlink(missing_ok=True)
        return None
    os.chmod(temp, 0o600)
    os.replace(temp, target)
    return target


def _without_password(url: str) -> tuple[str, str | None]:
    """``url`` without its password, and the password (None if it has none)."""
    parts = urlsplit(url)
    password = None
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            user, password = userinfo.split(":", 1)
            password = unquote(password)
            netloc = f"{user}@{host}"
    query = []
    for item in parts.query.split("&") if parts.query else []:
        if item.startswith("password="):
            password = unquote(item[len("password=") :])
        else:
            query.append(item)
    return urlunsplit(parts._replace(netloc=netloc, query="&".join(query))), password


def _json_copy(db: Database, target: Path) -> Path:
    """Every table of the schema as JSON, written atomically (0600)."""
    target = _free(target)
    tables = {}
    for table in db.get_tables():
        cursor = db.execute_sql(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        tables[table] = {"columns": columns, "rows": [list(row) for row in cursor]}
    temp = target.with_name(f".{target.name}.{os.getpid()}.netty-tmp")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"netty_backup": 1, "tables": tables}, out, default=str)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InvalidInput(f"cannot write a backup to {target}: {exc.strerror or exc}") from exc
    return target


def _prune(folder: Path, name: str) -> None:
    groups: dict[str, list[Path]] = {}
    for path in sorted(folder.glob(f"{name}.*.before-*")):
        kind = path.name.rsplit(".before-", 1)[1].split(".")[0]
        kind = "migration" if kind[:4].isdigit() else kind
        groups.setdefault(kind, []).append(path)
    for paths in groups.values():
        for old in paths[:-KEPT]:
            old.unlink(missing_ok=True)
