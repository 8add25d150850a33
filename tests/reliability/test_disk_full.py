"""A full disk (issue 9): one line saying "disk full", no 0-byte or partial file left.

Needs a real small file system: a 2 MB tmpfs, mounted when the tests run as root
in a place that allows it (CI containers do), skipped otherwise.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, dump

pytestmark = pytest.mark.reliability


@pytest.fixture
def small_disk(tmp_path: Path):
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave))


def test_backup_and_export_to_a_full_disk_say_so_and_leave_nothing(
    run, tmp_path: Path, small_disk: Path
):
    db = tmp_path / "netty.db"
    assert run("--db", db, "demo", "--size", "150", "--no-tui").code == 0
    _fill(small_disk, 100_000)  # less than the database or its export
    for args in (
        ["backup", "-o", small_disk / "copy.db"],
        ["export", "json", "-o", small_disk / "x.json"],
    ):
        result = run("--db", db, *args)
        assert_user_error(result)
        assert "disk full" in result.err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_writes_to_a_database_on_a_full_disk_say_disk_full_and_change_nothing(
    run, small_disk: Path
):
    db = small_disk / "netty.db"
    assert run("--db", db, "demo", "--size", "100", "--no-tui").code == 0
    before = dump(db)
    _fill(small_disk, 60_000)
    result = run("--db", db, "add", "Bob Stone", "--notes", "x" * 99_000)
    assert_user_error(result)
    assert "disk full" in result.err
    (small_disk / "filler").unlink()
    assert dump(db) == before
    leftovers = [p.name for p in small_disk.iterdir() if p.name.endswith((".bak", "netty-tmp"))]
    assert leftovers == []
