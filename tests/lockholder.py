"""Hold a database's write lock from another process, as another netty would: SQLite's
write lock (BEGIN IMMEDIATE), or on PostgreSQL the advisory lock every netty writer takes."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""

PG_HOLDER = """
import psycopg2, sys, time
conn = psycopg2.connect(sys.argv[1])
conn.cursor().execute("SELECT pg_advisory_xact_lock(%s)", (int(sys.argv[3]),))
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.rollback()
"""


@contextlib.contextmanager
def write_lock_held(db: Path | str, seconds: float) -> Iterator[None]:
    """Start a process that takes the write lock of ``db`` and keeps it ``seconds``;
    enters once the lock is held, and waits for the process on exit."""
    if "://" in str(db):
        from netty.services.changes import WRITER_LOCK

        args = ["-c", PG_HOLDER, str(db), str(seconds), str(WRITER_LOCK)]
    else:
        args = ["-c", HOLDER, str(db), str(seconds)]
    holder = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.wait(timeout=seconds + 30)
