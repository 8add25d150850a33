"""Output paths (issue 9): export and backup never write over the database, a device or a folder."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, dump


@pytest.fixture
def one(netty, dbfile):
    netty("add", "Ann Lee", "--email", "ann@example.com")
    return dbfile


@pytest.mark.sqlite_only("the database and its backups as files")
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize("fmt", ["vcard", "json"])
def test_export_onto_the_database_or_its_companions_is_refused(netty, one, fmt, suffix):
    before = dump(one)
    target = one.with_name(one.name + suffix)
    assert_user_error(netty("export", fmt, "-o", target, ok=False))
    assert dump(one) == before
    assert netty("list").out.startswith("#1")


@pytest.mark.sqlite_only("the database and its backups as files")
def test_export_onto_the_database_by_another_spelling_or_a_link_is_refused(netty, one, tmp_path):
    before = dump(one)
    link = tmp_path / "link.db"
    link.symlink_to(one)
    for target in (link, one.parent / ".." / one.parent.name / one.name):
        assert_user_error(netty("export", "csv", "-o", target, ok=False))
    assert dump(one) == before


@pytest.mark.sqlite_only("the database and its backups as files")
def test_export_onto_a_backup_or_another_sqlite_file_is_refused(netty, one):
    backup = Path(netty("backup").out.strip())
    saved = backup.read_bytes()
    assert_user_error(netty("export", "json", "-o", backup, ok=False))
    assert backup.read_bytes() == saved


@pytest.mark.parametrize("target", ["/dev/null", "FIFO", "FOLDER"])
def test_devices_fifos_and_folders_are_refused(netty, one, tmp_path, target):
    if target == "FIFO":
        target = tmp_path / "fifo"
        os.mkfifo(target)
    elif target == "FOLDER":
        target = tmp_path
    for command in (("export", "vcard", "-o", target), ("backup", "-o", target)):
        if target == tmp_path and command[0] == "backup":
            continue  # a folder is where `backup -o` puts a dated copy
        assert_user_error(netty(*command, ok=False))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_300_character_file_name_is_refused_in_one_line(netty, one, tmp_path):
    assert_user_error(netty("export", "json", "-o", tmp_path / ("x" * 300), ok=False))
    assert_user_error(netty("backup", "-o", tmp_path / ("x" * 300), ok=False))


def test_a_stale_temporary_file_from_a_killed_export_is_cleaned_and_the_name_accepted(
    netty, one, tmp_path
):
    out = tmp_path / "out.json"
    stale = tmp_path / ".out.json.999999999-0123abcd.netty-tmp"
    old_style = tmp_path / ".out.json.k2j4h5g6.tmp"  # what netty wrote before
    stale.write_text("half")
    old_style.write_text("half")
    netty("export", "json", "-o", out)
    assert not stale.exists() and not old_style.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert '"netty": "export"' in out.read_text()


@pytest.mark.sqlite_only("the database and its backups as files")
def test_backup_is_checked_complete_and_leaves_no_temporary_file(netty, one, tmp_path):
    out = tmp_path / "copy.db"
    assert netty("backup", "-o", out).out.strip() == str(out)
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT name FROM contact").fetchall() == [("Ann Lee",)]
    conn.close()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert_user_error(netty("backup", "-o", out, ok=False))  # never overwritten


def test_hidden_files_that_are_not_netty_temporaries_are_left_alone(netty, one, tmp_path):
    mine = [tmp_path / ".notes.abcdefgh.tmp", tmp_path / ".other.json.k2j4h5g6.tmp"]
    mine.append(tmp_path / f".out.json.{os.getpid()}-0123abcd.netty-tmp")  # a live process
    for path in mine:
        path.write_text("keep")
    netty("export", "json", "-o", tmp_path / "out.json")
    assert all(path.read_text() == "keep" for path in mine)
