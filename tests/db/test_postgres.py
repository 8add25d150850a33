"""PostgreSQL: the dialect's two spellings, a URL's password never shown, a database
that is not netty's (or is newer) refused untouched, and libpq's password sources.

The tests that need a server run when ``NETTY_TEST_DATABASE_URL`` names one
(``python -m tests.pg start DIR``); the SQLite spellings always run.
"""

from __future__ import annotations

import importlib
import json
import stat
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pendulum
import pytest
from peewee import SqliteDatabase
from playhouse.migrations import SchemaMigrator

from netty.cli import main
from netty.db import close_database, dialect, known_migrations, open_database
from netty.errors import DatabaseRefused
from tests import pgschema
from tests.pg import PASSWORD_GROUP

needs_server = pytest.mark.skipif(
    not pgschema.SERVER_URL, reason="needs NETTY_TEST_DATABASE_URL (python -m tests.pg start DIR)"
)
NOW = pendulum.datetime(2026, 11, 23, 10)


def engines(tmp_path):
    found = [SqliteDatabase(str(tmp_path / "d.db"))]
    if pgschema.SERVER_URL:
        found.append(dialect.postgres_database(pgschema.SERVER_URL))
    return found


def test_each_fragment_gives_the_same_answer_on_every_engine(tmp_path):
    for db in engines(tmp_path):
        p = dialect.param(db)
        days = db.execute_sql(
            f"SELECT {dialect.days_between(db, p, p)}",
            ("2026-11-23 10:00:00", "2026-11-21 22:00:00"),
        ).fetchone()[0]
        assert days == pytest.approx(1.5), db
        agg = db.execute_sql(
            f"SELECT {dialect.string_agg(db, 'x', ' ')} FROM "
            "(SELECT 'a' AS x UNION ALL SELECT 'b' AS x) t"
        ).fetchone()[0]
        assert sorted(agg.split(" ")) == ["a", "b"]
        truth = db.execute_sql(f"SELECT {dialect.true_(db)} AND NOT {dialect.false_(db)}")
        assert truth.fetchone()[0] in (1, True)
        blank = db.execute_sql(
            f"SELECT {dialect.not_blank(db, p)}, {dialect.not_blank(db, p)}", (" \t\r\n", " x ")
        ).fetchone()
        assert [bool(v) for v in blank] == [False, True]
        db.close()


def test_sqlite_keeps_the_check_it_always_had():
    db = SqliteDatabase(None)
    assert dialect.not_blank(db, "name") == (
        "trim(name, ' ' || char(9) || char(10) || char(13)) <> ''"
    )
    assert dialect.fk(db) == {}


def test_question_marks_become_pyformat_outside_quotes_only():
    sql = "SELECT 'a?%' FROM t WHERE x = ? AND k LIKE 'ui.%' AND \"c?\" = ?"
    assert dialect.to_pyformat(sql) == (
        "SELECT 'a?%%' FROM t WHERE x = %s AND k LIKE 'ui.%%' AND \"c?\" = %s"
    )
    assert dialect.to_pyformat("SELECT %s") == "SELECT %s"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://sam:s3cret@db.example/netty", "postgresql://sam:***@db.example/netty"),
        ("postgresql://sam@db.example/netty", "postgresql://sam@db.example/netty"),
        (
            "postgresql://db.example/netty?password=s3cret&sslmode=require",
            "postgresql://db.example/netty?password=***&sslmode=require",
        ),
        ("/home/sam/netty.db", "/home/sam/netty.db"),
    ],
)
def test_a_password_is_never_shown(url, shown):
    assert dialect.mask_password(url) == shown


def test_a_server_that_cannot_be_reached_is_named_without_its_password(tmp_path, capsys):
    socket = tmp_path / "nothing-here"
    socket.mkdir()
    url = f"postgresql://sam:s3cret@/netty?host={socket}&connect_timeout=2"
    code = main(["--db", url, "info"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "s3cret" not in out + err
    assert err.startswith("netty: cannot connect to postgresql://sam:***@/netty")


@needs_server
def test_a_database_with_tables_of_its_own_is_refused_untouched():
    name, url = pgschema.create_schema()
    try:
        admin = dialect.postgres_database(url)
        admin.execute_sql("CREATE TABLE invoices (id integer)")
        with pytest.raises(DatabaseRefused, match="not a netty database"):
            open_database(url, NOW)
        assert admin.get_tables() == ["invoices"]  # no netty_schema added
        admin.close()
    finally:
        close_database()
        pgschema.drop_schema(name)


@needs_server
def test_a_newer_schema_is_refused_untouched(db_path, capsys):
    open_database(db_path, NOW)
    close_database()
    admin = dialect.postgres_database(db_path)
    admin.execute_sql("INSERT INTO netty_schema (name, applied) VALUES ('9999_future', now())")
    admin.close()
    assert main(["--db", db_path, "info"]) == 2
    assert "written by a newer netty (schema 9999_future)" in capsys.readouterr().err


@needs_server
def test_pgpassword_and_pgpass_give_the_password(db_path, tmp_path, monkeypatch, capsys):
    admin = dialect.postgres_database(pgschema.SERVER_URL)
    if not admin.execute_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_GROUP,)
    ).fetchone():
        admin.close()
        pytest.skip(f"the server has no {PASSWORD_GROUP} role (tests/pg.py makes one)")
    role = f"netty_pw_{uuid.uuid4().hex[:8]}"
    admin.execute_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'open sesame' IN ROLE {PASSWORD_GROUP}")
    try:
        owner = dialect.postgres_database(db_path)
        for what in (
            "SCHEMA public",
            "ALL TABLES IN SCHEMA public",
            "ALL SEQUENCES IN SCHEMA public",
        ):
            owner.execute_sql(f"GRANT ALL ON {what} TO {role}")
        role_url = f"postgresql://{role}@{str(db_path).split('@', 1)[1]}"
        monkeypatch.delenv("PGPASSWORD", raising=False)
        assert main(["--db", role_url, "info"]) == 2  # the server asks for a password
        assert "password" in capsys.readouterr().err
        monkeypatch.setenv("PGPASSWORD", "open sesame")
        assert main(["--db", role_url, "info"]) == 0, capsys.readouterr().err
        monkeypatch.delenv("PGPASSWORD")
        pgpass = tmp_path / "home" / ".pgpass"  # HOME is in tmp_path (tests/conftest.py)
        pgpass.write_text(f"*:*:*:{role}:open sesame\n")
        pgpass.chmod(0o600)
        assert main(["--db", role_url, "info"]) == 0, capsys.readouterr().err
        assert "open sesame" not in capsys.readouterr().out
    finally:
        close_database()
        owner.close()
        pgschema.drop_database(str(db_path).rsplit("/", 1)[1])  # what the role touched
        admin.execute_sql(f"DROP ROLE {role}")
        admin.close()


@needs_server
def test_a_new_database_gets_every_migration_and_no_backup():
    name, url = pgschema.create_schema()
    try:
        result = open_database(url, NOW)
        assert result.applied == tuple(known_migrations())
        assert result.backup is None
        assert result.location == url
    finally:
        close_database()
        pgschema.drop_schema(name)


@needs_server
def test_an_upgrade_is_backed_up_first_and_says_where(tmp_path):
    name, url = pgschema.create_schema()
    other, other_url = pgschema.create_schema()  # someone else's, in the same database
    neighbour = dialect.postgres_database(other_url)
    neighbour.execute_sql("CREATE TABLE private (secret text)")
    neighbour.close()
    try:
        open_database(url, NOW)
        close_database()
        db = dialect.postgres_database(url)  # make it as the previous netty left it
        migration = importlib.import_module("netty.db.migrations.0005_card_basics")
        migration.down(SchemaMigrator.from_database(db), db)
        db.execute_sql("DELETE FROM netty_schema WHERE name = '0005_card_basics'")
        db.close()
        result = open_database(url, NOW)
        assert result.applied == ("0005_card_basics",)
        backup = result.backup
        folder = tmp_path / "home" / "xdg_data_home" / "netty" / "backups"
        assert backup.parent == folder
        assert backup.name == "netty_test.20261123-100000.before-0005_card_basics.dump"
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        listing = subprocess.run(
            ["pg_restore", "--list", str(backup)], capture_output=True, text=True, check=True
        ).stdout
        assert f"TABLE {name} contact " in listing
        # only netty's schema: a shared database's other schemas are not netty's to copy
        assert f"TABLE {other} private " not in listing and other not in listing
    finally:
        close_database()
        pgschema.drop_schema(name)
        pgschema.drop_schema(other)


@needs_server
def test_without_pg_dump_the_backup_is_netty_json(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))  # no pg_dump
    assert main(["--db", db_path, "add", "Sally Jones"]) == 0
    assert main(["--db", db_path, "backup"]) == 0
    written = Path(capsys.readouterr().out.splitlines()[-1])
    assert written.suffix == ".json" and written.parent.name == "backups"
    tables = json.loads(written.read_text())["tables"]
    names = [row[tables["contact"]["columns"].index("name")] for row in tables["contact"]["rows"]]
    assert names == ["Sally Jones"]


@needs_server
def test_a_service_file_names_the_server(db_path, tmp_path, capsys):
    parts = urlsplit(str(db_path))
    host = (
        unquote(parts.hostname or "")
        if "%2F" not in parts.netloc
        else unquote(parts.netloc.split("@")[-1].rsplit(":", 1)[0])
    )
    service = tmp_path / "home" / ".pg_service.conf"  # HOME is in tmp_path
    service.write_text(
        f"[netty]\nhost={host}\nport={parts.port or 5432}\n"
        f"dbname={parts.path.strip('/')}\nuser={unquote(parts.username or '')}\n"
    )
    assert main(["--db", "postgresql:///?service=netty", "add", "Sally Jones"]) == 0
    assert main(["--db", db_path, "list"]) == 0
    assert "Sally Jones" in capsys.readouterr().out


@needs_server
def test_a_writer_waits_for_another_then_says_busy(db_path, capsys):
    from netty.services.changes import WRITER_LOCK

    other = dialect.postgres_database(db_path)  # another netty, in the middle of a change
    other.execute_sql("SELECT pg_advisory_lock(%s)", (WRITER_LOCK,))
    try:
        started = time.monotonic()
        assert main(["--db", db_path, "add", "Sally Jones"]) == 2
        waited = time.monotonic() - started
        assert "the database is busy" in capsys.readouterr().err
        assert waited >= 4.5
    finally:
        other.close()
    assert main(["--db", db_path, "add", "Sally Jones"]) == 0  # free again


def test_the_throwaway_cluster_script_says_how_to_use_it():
    result = subprocess.run(
        ["python", "-m", "tests.pg"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "start|stop FOLDER" in result.stderr


def _planner_rows(url: str, table: str) -> float:
    """The row count PostgreSQL's planner has for ``table``: -1 until the first
    ANALYZE (PostgreSQL 14 on), then what the last one counted."""
    conn = dialect.postgres_database(url)
    try:
        (tuples,) = conn.execute_sql(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", (f'"{table}"',)
        ).fetchone()
    finally:
        conn.close()
    return tuples


@needs_server
def test_a_big_change_leaves_the_planner_statistics_of_what_it_wrote(db_path, capsys):
    """Right after a bulk load the planner would count on empty tables and scan whole
    ones (`netty show` 814 ms instead of 34 ms at 50,000 contacts): a change that
    wrote thousands of rows analyzes the tables it wrote, and so does its undo."""
    assert _planner_rows(db_path, "interaction") == -1
    assert main(["--db", db_path, "demo", "--size", "700", "--no-tui"]) == 0
    close_database()
    assert _planner_rows(db_path, "interaction") > 5000
    assert _planner_rows(db_path, "interaction_contact") > 5000
    assert main(["--db", db_path, "undo"]) == 0
    close_database()
    assert _planner_rows(db_path, "interaction") == 0
