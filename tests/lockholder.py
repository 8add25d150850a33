"""Hold a SQLite database's write lock from another process, as another netty would."""

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


@contextlib.contextmanager
def write_lock_held(db: Path, seconds: float) -> Iterator[None]:
    """Start a process that takes the write lock of ``db`` and keeps it ``seconds``;
    enters once the lock is held, and waits for the process on exit."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.wait(timeout=seconds + 30)
