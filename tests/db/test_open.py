"""Opening a database: pragmas, file modes, refusals, and the migration path."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pendulum
import pytest
from peewee import SqliteDatabase
from playhouse.migrations import Runner

import netty.db
from netty.db import (
    MIGRATIONS_DIR,
    SCHEMA_TABLE,
    close_database,
    database,
    known_migrations,
    open_database,
    prune_backups,
)
from netty.errors import DatabaseRefused

STAMP = "2026-11-01 09:30:00"
OLD_TABLES = (
    "organization",
    "event",
    "contact",
    "contact_method",
    "tag",
    "contact_tag",
    "interaction",
    "interaction_contact",
    "need",
    "give",
    "ask",
    "promise",
)
NEW_TABLES = ("reminder", "reminder_state", "setting")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    close_database()


# ---------------------------------------------------------------- helpers


def fingerprint(path: Path) -> tuple[str, int, int]:
    """sha256, size and mtime: what 'byte-for-byte untouched' means here."""
    info = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_size, info.st_mtime_ns


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def rows_of(conn: sqlite3.Connection, tables: tuple[str, ...]) -> dict[str, list[tuple]]:
    return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def tables_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def make_old_database(path: Path) -> None:
    """A database as netty 0001 left it, with a row in every table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    Runner(old, str(MIGRATIONS_DIR), table_name=SCHEMA_TABLE).up(target="0001_initial")
    statements = [
        "INSERT INTO organization VALUES (1, 'XYZ Corp', 'xyz corp', 1, 'hiring', ?)",
        "INSERT INTO event VALUES (1, 'Design Meetup', ?, 'Town Hall', 'business-event', '', ?)",
        "INSERT INTO contact VALUES (1, 'Zoë Müller', 'zoe muller', 'Designer', 1, 'Berlin',"
        " 'https://www.linkedin.com/in/zoe', 2, 'work', 'at the meetup', 1, NULL, 'two kids',"
        " 'likes sourdough', 21, 4, 'zoe muller xyz corp designer', ?, ?, NULL, ?, ?, NULL)",
        "INSERT INTO contact VALUES (2, 'Bob Smith', 'bob smith', '', NULL, '', NULL, 3, NULL,"
        " '', NULL, 1, '', '', NULL, NULL, 'bob smith', ?, ?, NULL, ?, ?, NULL)",
        "INSERT INTO contact_method VALUES (1, 1, 'email', 'Zoe@XYZ.example',"
        " 'zoe@xyz.example', 'work', 0)",
        "INSERT INTO tag VALUES (1, 'design')",
        "INSERT INTO contact_tag VALUES (1, 1)",
        "INSERT INTO interaction VALUES (1, 'coffee', ?, 'talked design', 'them', 1, 1, ?, NULL)",
        "INSERT INTO interaction_contact VALUES (1, 1)",
        "INSERT INTO interaction_contact VALUES (1, 2)",
        "INSERT INTO need VALUES (1, 1, 'a new role', '2026-12-31', 'open', 1, ?, NULL)",
        "INSERT INTO give VALUES (1, 1, 'intro', 'introduced her to Bob', ?, 1, 2, 1, ?)",
        "INSERT INTO ask VALUES (1, 1, 'an intro to their head of design', 2, 1, 'pending',"
        " ?, NULL, 1, ?)",
        "INSERT INTO promise VALUES (1, 1, 'i_owe', 'send the deck', '2026-12-01', 'open',"
        " NULL, 0, NULL, 1, ?)",
    ]
    with old.atomic():
        for sql in statements:
            old.execute_sql(sql, (STAMP,) * sql.count("?"))
    old.close()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "old" / "netty.db"
    make_old_database(path)
    return path


# ---------------------------------------------------------------- a new database


@pytest.mark.sqlite_only("a new file; tests/db/test_postgres.py has PostgreSQL's")
def test_new_database_gets_every_migration_and_no_backup(db_path: Path, now) -> None:
    result = open_database(db_path, now)
    assert result.applied == tuple(known_migrations())
    assert result.applied[0] == "0001_initial"
    assert result.backup is None
    assert result.location == str(db_path)
    assert not list(db_path.parent.glob("*.bak"))


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_pragmas_after_open(db: Path) -> None:
    def pragma(name: str):
        return database.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("busy_timeout") == 5000


def test_new_folder_is_0700_and_file_0600_whatever_the_umask(tmp_path: Path, now) -> None:
    target = tmp_path / "fresh" / "netty.db"
    previous = os.umask(0)
    try:
        open_database(target, now)
    finally:
        os.umask(previous)
    assert mode(target.parent) == 0o700
    assert mode(target) == 0o600


@pytest.mark.sqlite_only("file modes")
def test_existing_loose_file_is_tightened_to_0600(db_path: Path, now) -> None:
    open_database(db_path, now)
    close_database()
    db_path.chmod(0o644)
    open_database(db_path, now)
    assert mode(db_path) == 0o600


def test_empty_file_is_adopted_as_a_new_database(tmp_path: Path, now) -> None:
    target = tmp_path / "empty.db"
    target.touch()
    result = open_database(target, now)
    assert result.applied == tuple(known_migrations())
    assert result.backup is None


# ---------------------------------------------------------------- refusals


def _text_file(path: Path, now) -> None:
    path.write_text("my shopping list\neggs\nmilk\n")


def _random_bytes(path: Path, now) -> None:
    path.write_bytes(os.urandom(8192))


def _sqlite_header_then_garbage(path: Path, now) -> None:
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))


def _foreign_sqlite(path: Path, now) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO recipes (title) VALUES ('bread')")
    conn.commit()
    conn.close()


def _newer_netty(path: Path, now) -> None:
    open_database(path, now)
    database.execute_sql(
        f"INSERT INTO {SCHEMA_TABLE} (name, applied) VALUES ('0099_from_the_future', ?)",
        ("2027-01-01 00:00:00",),
    )
    close_database()


REFUSED_FILES = [
    pytest.param(_text_file, "not a netty database", id="text-file"),
    pytest.param(_random_bytes, "not a netty database", id="random-bytes"),
    pytest.param(_sqlite_header_then_garbage, "cannot be read", id="corrupt-sqlite"),
    pytest.param(_foreign_sqlite, "not a netty database", id="other-sqlite"),
    pytest.param(_newer_netty, "newer netty", id="newer-schema"),
]


@pytest.mark.parametrize(("make", "says"), REFUSED_FILES)
def test_refused_file_is_left_untouched(
    tmp_path: Path, now, make: Callable[[Path, pendulum.DateTime], None], says: str
) -> None:
    target = tmp_path / "data" / "x.db"
    target.parent.mkdir()
    make(target, now)
    before = fingerprint(target)
    with pytest.raises(DatabaseRefused) as info:
        open_database(target, now)
    message = str(info.value)
    assert "\n" not in message
    assert str(target) in message
    assert says in message
    assert fingerprint(target) == before
    assert not list(target.parent.glob("*.bak"))
    assert info.value.exit_code == 2


def test_newer_schema_message_names_the_schema(tmp_path: Path, now) -> None:
    target = tmp_path / "x.db"
    _newer_netty(target, now)
    with pytest.raises(DatabaseRefused, match="0099_from_the_future"):
        open_database(target, now)


def test_directory_is_refused(tmp_path: Path, now) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    (folder / "keep.txt").write_text("x")
    with pytest.raises(DatabaseRefused) as info:
        open_database(folder, now)
    assert "\n" not in str(info.value)
    assert "folder" in str(info.value)
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]


def test_parent_that_is_a_regular_file_is_refused(tmp_path: Path, now) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("hello\n")
    before = fingerprint(blocker)
    with pytest.raises(DatabaseRefused) as info:
        open_database(blocker / "netty.db", now)
    assert "\n" not in str(info.value)
    assert "cannot create" in str(info.value)
    assert fingerprint(blocker) == before


# ---------------------------------------------------------------- read-only folders

READ_ONLY_CASES = [
    pytest.param("new", id="new-file"),
    pytest.param("current", id="current-database"),
    pytest.param("old", id="old-database-needing-a-migration"),
]


def _prepare(kind: str, folder: Path, now) -> Path:
    target = folder / "netty.db"
    if kind == "current":
        open_database(target, now)
        close_database()
    elif kind == "old":
        make_old_database(target)
    return target


def _snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    return {p.name: fingerprint(p) for p in sorted(folder.iterdir())}


@pytest.mark.skipif(IS_ROOT, reason="root ignores folder permissions")
@pytest.mark.parametrize("kind", READ_ONLY_CASES)
def test_read_only_folder_is_refused(tmp_path: Path, now, kind: str) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = _prepare(kind, folder, now)
    before = _snapshot(folder)
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseRefused) as info:
            open_database(target, now)
    finally:
        folder.chmod(0o700)
    assert "\n" not in str(info.value)
    assert _snapshot(folder) == before


_AS_NOBODY = r"""
import os, sys
import pendulum
from netty.db import open_database
from netty.errors import DatabaseRefused

now = pendulum.parse(os.environ["NETTY_NOW"])
now.in_tz("UTC").format("YYYYMMDD-HHmmss")  # load pendulum's locale while we still can
import netty.outfile  # the backup imports it when it runs (and pyenv's stdlib is root's)
os.setgroups([])
os.setgid(65534)
os.setuid(65534)
try:
    open_database(sys.argv[1], now)
except DatabaseRefused as exc:
    print("REFUSED", exc)
    sys.exit(2)
except Exception as exc:
    print("ERROR", type(exc).__name__, exc)
    sys.exit(1)
print("OPENED")
"""


@pytest.mark.skipif(not IS_ROOT, reason="the test above covers this for ordinary users")
@pytest.mark.parametrize("kind", READ_ONLY_CASES)
def test_read_only_folder_is_refused_for_an_unprivileged_user(now, kind: str) -> None:
    """As root, drop to 'nobody' in a child process so the folder permissions bite."""
    base = Path(tempfile.mkdtemp(prefix="netty-ro-test-"))
    try:
        base.chmod(0o755)
        folder = base / "locked"
        folder.mkdir()
        target = _prepare(kind, folder, now)
        for path in (folder, *folder.iterdir()):
            os.chown(path, 65534, 65534)
        folder.chmod(0o500)
        before = _snapshot(folder)
        proc = subprocess.run(
            [sys.executable, "-c", _AS_NOBODY, str(target)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=base,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        output = proc.stdout + proc.stderr
        if sys.prefix in output:
            pytest.skip(f"the unprivileged child could not run: {output.strip()}")
        assert proc.returncode == 2, output
        assert proc.stdout.startswith("REFUSED"), output
        assert _snapshot(folder) == before
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ---------------------------------------------------------------- the migration path


def test_old_database_is_backed_up_then_migrated_with_every_row_intact(old_db: Path, now) -> None:
    conn = sqlite3.connect(old_db)
    before = rows_of(conn, OLD_TABLES)
    conn.close()
    assert all(before[t] for t in OLD_TABLES), "every 0001 table has a row"

    result = open_database(old_db, now)

    assert result.applied == tuple(known_migrations()[1:])  # everything after 0001
    # The backup was taken before the migration: old rows, no new tables.
    assert result.backup is not None and result.backup.exists()
    assert result.backup.parent == old_db.parent
    assert "before-0002_reminders_and_settings" in result.backup.name
    assert mode(result.backup) == 0o600
    backup_tables = tables_in(result.backup)
    assert not backup_tables & set(NEW_TABLES)
    conn = sqlite3.connect(result.backup)
    try:
        assert rows_of(conn, OLD_TABLES) == before
        assert [r[0] for r in conn.execute(f"SELECT name FROM {SCHEMA_TABLE}")] == ["0001_initial"]
    finally:
        conn.close()

    # Every row is intact in the migrated database (its old columns as they were, the
    # columns added since empty: NULL, or their schema default '' or false), and the new
    # tables exist.
    conn = sqlite3.connect(result.backup)
    old_columns = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in OLD_TABLES}
    conn.close()
    cursor_rows = {}
    for t in OLD_TABLES:
        cursor = database.execute_sql(f'SELECT * FROM "{t}" ORDER BY rowid')
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        cursor_rows[t] = [tuple(row[names.index(c)] for c in old_columns[t]) for row in rows]
        added = [i for i, c in enumerate(names) if c not in old_columns[t]]
        assert all(row[i] in (None, "", 0) for row in rows for i in added), t
    assert cursor_rows == before
    assert set(NEW_TABLES) <= set(database.get_tables())
    applied = [r[0] for r in database.execute_sql(f"SELECT name FROM {SCHEMA_TABLE}")]
    assert applied == known_migrations()


def test_migrated_database_is_readable_by_the_services(old_db: Path, now) -> None:
    from netty.services.contacts import list_contacts, resolve_contact
    from netty.services.timeline import contact_detail, log_interaction

    open_database(old_db, now)
    zoe = resolve_contact("zoe")
    assert zoe == 1
    detail = contact_detail(zoe)
    c = detail.contact
    assert (c.name, c.organization, c.title, c.ring, c.channel) == (
        "Zoë Müller",
        "XYZ Corp",
        "Designer",
        2,
        "work",
    )
    assert c.emails == ("Zoe@XYZ.example",)
    assert c.tags == ("design",)
    assert c.cadence_days == 21 and not c.cadence_is_default
    assert c.strength == 4
    assert c.linkedin == "https://www.linkedin.com/in/zoe"
    assert c.last_interaction_at == pendulum.parse("2026-11-01T09:30:00Z")
    [coffee] = detail.interactions
    assert coffee.kind == "coffee" and coffee.summary == "talked design"
    assert coffee.initiated_by == "them" and coffee.event is not None
    assert sorted(r.name for r in coffee.contacts) == ["Bob Smith", "Zoë Müller"]
    assert [n.text for n in detail.needs] == ["a new role"]
    assert detail.needs[0].horizon == pendulum.date(2026, 12, 31)
    assert [(g.kind, g.introduced_to.name) for g in detail.gives] == [("intro", "Bob Smith")]
    assert [(a.target_contact.name, a.target_org) for a in detail.asks] == [
        ("Bob Smith", "XYZ Corp")
    ]
    assert [(p.direction, p.due) for p in detail.promises] == [
        ("i_owe", pendulum.date(2026, 12, 1))
    ]
    bob = contact_detail(2).contact
    assert bob.introduced_by is not None and bob.introduced_by.name == "Zoë Müller"
    assert [r.name for r in list_contacts(search="xyz")] == ["Zoë Müller"]
    # And the migrated database takes new writes.
    log_interaction([zoe], kind="call", when=now.subtract(hours=1), now=now)
    assert contact_detail(zoe).contact.last_interaction_at == now.subtract(hours=1)


def test_opening_again_applies_nothing_and_makes_no_new_backup(old_db: Path, now) -> None:
    first = open_database(old_db, now)
    close_database()
    backups = sorted(old_db.parent.glob("*.bak"))
    assert backups == [first.backup]
    second = open_database(old_db, now.add(days=1))
    assert second.applied == ()
    assert second.backup is None
    assert sorted(old_db.parent.glob("*.bak")) == backups


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "netty.db"
    target.touch()
    names = [f"netty.db.2026010{i}-000000.before-000{i}_x.bak" for i in range(1, 9)]
    for name in names:
        (tmp_path / name).touch()
    (tmp_path / "other.db.20260101-000000.before-0001_x.bak").touch()
    prune_backups(target, keep=netty.db.BACKUPS_KEPT)
    kept = sorted(p.name for p in tmp_path.glob("netty.db.*.bak"))
    assert kept == names[-netty.db.BACKUPS_KEPT :]
    assert (tmp_path / "other.db.20260101-000000.before-0001_x.bak").exists()
