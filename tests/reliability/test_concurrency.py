"""Several netty processes writing one database at once: every acknowledged write is
there afterwards, nothing exits 1, and a lock held too long is one exit-2 line.

On the PostgreSQL pass the writers share one server database instead of a file:
two people or two machines on one network (issue 14).

Each writer is a real ``netty`` process (``python -m netty.cli``) in a loop, as two
shell loops of ``netty add`` would be. Issue 9 measured, before the write lock was
taken at the start of every write: `database is locked`, exit 1, in about 1 in 100
writes with two writers and 1 in 5 with five, and 8 of 405 tag edits lost silently.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests import pgschema
from tests.cli.helpers import query
from tests.lockholder import write_lock_held

pytestmark = pytest.mark.reliability

NOW = "2026-11-23T10:00:00+00:00"

# A writer process: runs netty in-process N times (process start is most of a CLI
# call; in-process keeps the trial fast while every call is its own transaction, on
# its own connection, in its own OS process), printing one line per call.
WRITER = textwrap.dedent(
    """
    import io, sys, contextlib
    from netty.cli import main
    db, prefix, kind, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    for i in range(count):
        if kind == "add":
            args = ["--db", db, "add", f"{prefix} Person {i}"]
        elif kind == "tag":
            args = ["--db", db, "edit", "1", "--tag", f"{prefix}{i}"]
        else:
            args = ["--db", db, "log", "1", f"{prefix} note {i}", "--kind", "call"]
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(args)
        print(code, i, err.getvalue().strip().replace(chr(10), " "), flush=True)
        from netty.db import close_database
        close_database()
    """
)


def _env() -> dict[str, str]:
    root = Path(__file__).resolve().parents[2]
    return {**os.environ, "NETTY_NOW": NOW, "PYTHONPATH": str(root)}


def _writers(db: Path, jobs: list[tuple[str, str, int]]) -> list[list[tuple[int, int, str]]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), prefix, kind, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for prefix, kind, count in jobs
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        lines = []
        for line in out.splitlines():
            code, index, message = line.split(" ", 2)
            lines.append((int(code), int(index), message))
        results.append(lines)
    return results


def _setup(db: Path) -> None:
    from netty.cli import main

    assert main(["--db", str(db), "add", "Sally Jones"]) == 0
    from netty.db import close_database

    close_database()


def _query(db: Path | str, sql: str) -> list[tuple]:
    return query(db, sql)


@pytest.fixture
def shared(tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """The one database every writer opens: a file, or a server database's URL."""
    if pgschema.SERVER_URL:
        return pgschema.fresh_url(request)
    return tmp_path / "netty.db"


def _sound(db: Path | str) -> None:
    if "://" not in str(db):
        assert _query(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize("writers", [2, 4])
def test_adds_and_logs_from_several_processes_all_land(shared, writers: int):
    db = shared
    _setup(db)
    jobs = [(f"w{n}", "add" if n % 2 == 0 else "log", 25) for n in range(writers)]
    results = _writers(db, jobs)
    for (prefix, kind, _count), lines in zip(jobs, results, strict=True):
        failed = [line for line in lines if line[0] != 0]
        assert failed == [], (prefix, failed)  # no exit 1, and no busy either
        if kind == "add":
            names = {r[0] for r in _query(db, "SELECT name FROM contact")}
            assert {f"{prefix} Person {x[1]}" for x in lines} <= names
        else:
            notes = {r[0] for r in _query(db, "SELECT summary FROM interaction")}
            assert {f"{prefix} note {x[1]}" for x in lines} <= notes
    _sound(db)
    journal = _query(db, "SELECT count(*) FROM change WHERE state = 'done'")[0][0]
    assert journal == 1 + writers * 25  # one entry per acknowledged write


def test_tag_edits_of_one_contact_from_two_processes_lose_nothing(shared):
    db = shared
    _setup(db)
    results = _writers(db, [("a", "tag", 30), ("b", "tag", 30)])
    acknowledged = set()
    for prefix, lines in zip("ab", results, strict=True):
        assert [line for line in lines if line[0] != 0] == []
        acknowledged |= {f"{prefix}{x[1]}" for x in lines}
    tags = {
        r[0]
        for r in _query(
            db,
            "SELECT tag.name FROM tag JOIN contact_tag ON contact_tag.tag_id = tag.id "
            "WHERE contact_tag.contact_id = 1",
        )
    }
    assert acknowledged == tags  # every edit's tag is there: none read stale and lost


@pytest.mark.sqlite_only(
    "holds SQLite's file lock; tests/db/test_postgres.py holds the advisory lock"
)
def test_a_lock_held_past_the_busy_timeout_is_one_line_exit_2(tmp_path: Path):
    db = tmp_path / "netty.db"
    _setup(db)
    before = _query(db, "SELECT count(*) FROM contact")
    with write_lock_held(db, 8):
        result = subprocess.run(
            [sys.executable, "-m", "netty.cli", "--db", str(db), "add", "Ann Lee"],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr == (
        "netty: the database is busy: another netty is writing; try again in a moment\n"
    )
    assert result.stdout == ""
    assert _query(db, "SELECT count(*) FROM contact") == before
