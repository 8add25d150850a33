"""A command imports only what it uses (issue 16): the everyday read commands start
without the app (textual, rich), the calendar library (icalendar), the exporters,
the stemmer of all of Snowball's languages, and, on a SQLite file with nothing to
migrate, without the PostgreSQL driver or the migration runner.

Each command runs in a fresh interpreter (imports are per process), on a database
that the ``netty`` fixture filled first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pgschema

HEAVY = ("textual", "rich", "icalendar")
# Never needed by a read command of one contact or a search.
UNUSED = (
    "netty.services.exporters",
    "netty.ui",
    "snowballstemmer",
    "platformdirs",  # --db given: the default folder is never asked for
)
# Not needed on a SQLite file that is already migrated.
SQLITE_UNUSED = ("psycopg2", "psycopg", "playhouse.migrations", "playhouse.migrate")

PROBE = """
import json, sys
from netty.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""

READ_COMMANDS = pytest.mark.parametrize(
    "args",
    [
        ["list", "--search", "smith"],
        ["due", "--count"],
        ["show", "sally"],
        ["prep", "bob"],
        ["list"],
    ],
    ids=["list-search", "due-count", "show", "prep", "list"],
)


def imported(args: list[str], modules: tuple[str, ...] = HEAVY) -> dict:
    """Run ``netty ARGS`` in a fresh interpreter; its exit code and which of ``modules``
    it imported."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=modules), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(proc.stderr.strip().splitlines()[-1])


@pytest.fixture
def sally(netty) -> None:
    netty("add", "Sally Smith", "--org", "XYZ Corp", "--email", "sally@xyz.example")
    netty("log", "sally", "coffee; needs: a designer for the launch; i owe: the deck by fri")
    netty("add", "Bob Jones", "--org", "Globex", "--title", "Designer")
    netty("log", "bob", "coffee; gave: a book on hiring; they owe: an intro by fri")


@READ_COMMANDS
def test_read_commands_do_not_import_the_app_or_icalendar(sally, dbfile: Path, args) -> None:
    result = imported(["--db", str(dbfile), *args])
    assert result == {"code": 0, "heavy": []}


@READ_COMMANDS
def test_read_commands_do_not_import_what_they_do_not_use(sally, dbfile: Path, args) -> None:
    unused = UNUSED if pgschema.SERVER_URL else UNUSED + SQLITE_UNUSED
    result = imported(["--db", str(dbfile), *args], unused)
    assert result == {"code": 0, "heavy": []}


def test_prep_matching_needs_imports_the_stemmer(sally, dbfile: Path) -> None:
    """Sally needs a designer: her prep sheet stems the need to find Bob (and the
    probe sees the import it is there to see)."""
    result = imported(["--db", str(dbfile), "prep", "sally"], ("snowballstemmer",))
    assert result == {"code": 0, "heavy": ["snowballstemmer"]}


def test_the_probe_sees_an_import_when_there_is_one(netty, dbfile: Path) -> None:
    """The check above can fail: exporting iCalendar does import icalendar."""
    netty("add", "Sally Smith")
    result = imported(["--db", str(dbfile), "export", "ics"])
    assert result["code"] == 0
    assert "icalendar" in result["heavy"]


@pytest.mark.sqlite_only("the PostgreSQL driver is what a postgresql:// URL needs")
def test_a_file_to_migrate_still_gets_the_migration_runner(dbfile: Path) -> None:
    """A new file is migrated (so the runner is imported), and then listed."""
    result = imported(["--db", str(dbfile), "list"], ("playhouse.migrations",))
    assert result == {"code": 0, "heavy": ["playhouse.migrations"]}
    assert imported(["--db", str(dbfile), "list"], SQLITE_UNUSED)["heavy"] == []


def test_a_postgresql_url_gets_its_driver(dbfile: Path) -> None:
    """peewee is imported without psycopg2 and given it for a postgresql:// URL: the
    command works there, in a fresh interpreter (on the PostgreSQL pass)."""
    if not pgschema.SERVER_URL:
        pytest.skip("needs NETTY_TEST_DATABASE_URL (the PostgreSQL pass)")
    assert imported(["--db", str(dbfile), "add", "Sally Smith"]) == {"code": 0, "heavy": []}
    result = imported(["--db", str(dbfile), "list", "--search", "sally"], ("psycopg2",))
    assert result == {"code": 0, "heavy": ["psycopg2"]}


def test_export_formats_are_the_exporters() -> None:
    """The command line names the formats without importing the exporters."""
    from netty.cli_io import EXPORT_FORMATS
    from netty.services.exporters import EXPORTERS

    assert tuple(EXPORTERS) == EXPORT_FORMATS


def test_python_dash_m_netty_is_the_command(sally, dbfile: Path) -> None:
    """``python -m netty`` runs the same command (for ``python -X importtime -m netty``)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [sys.executable, "-m", "netty", "--db", str(dbfile), "list", "--search", "sally"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Sally Smith" in proc.stdout and "XYZ Corp" in proc.stdout
