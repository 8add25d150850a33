"""Issue 9: every case the fault trials found, with the exact command.

Bad input exits 2 with one line and writes nothing; damaged, read-only and
hostile files are refused or shown safely.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, dump, query

ESC = "\x1b"
HOSTILE = (
    "Eve\x1b[2J\x1b]0;pwned\x07 \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"
    "\u202eevil\x9b31m"
)


@pytest.fixture
def one(netty, dbfile):
    netty("add", "Ann Lee", "--email", "ann@example.com", "--every", "14")
    return dbfile


@pytest.mark.parametrize(
    "args",
    [
        ["show", "9223372036854775808"],
        ["show", "#99999999999999999999999999"],
        ["edit", "9223372036854775808", "--org", "X"],
        ["done", "p9223372036854775808"],
        ["done", "ping-99999999999999999999"],
        ["snooze", "r99999999999999999999", "tomorrow"],
        ["due", "--within", "99999999d"],
        ["due", "--within", "999999y"],
        ["remind", "1", "0001-01-01", "x"],
        ["remind", "1", "2201-01-01", "x"],
        ["log", "1", "--when", "1899-12-31"],
        ["list", "--search", "a" * 50_001],
        ["add", "x" * 501],
        ["add", "Bob", "--notes", "n" * 100_001],
        ["edit", "1", "--name", "y" * 501],
        ["add", "Bob\udcff"],  # what click hands over for `netty add $'\xff'`
    ],
    ids=lambda a: " ".join(a)[:40],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(netty, one, args):
    before = dump(one)
    assert_user_error(netty(*args, ok=False))
    assert dump(one) == before


def test_limits_are_inclusive(netty, one):
    netty("add", "z" * 500)
    netty("list", "--search", "a" * 1000)
    netty("remind", "1", "2200-12-31", "far")
    netty("remind", "1", "1900-01-01", "old")
    netty("due", "--within", "100y")


def test_not_utf8_argv_from_a_real_shell_is_refused(tmp_path):
    db = tmp_path / "x.db"
    proc = subprocess.run(
        [sys.executable, "-m", "netty.cli", "--db", str(db), "add", b"\xff"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert proc.returncode == 2
    assert proc.stderr.decode().count("\n") == 1 and b"not UTF-8" in proc.stderr
    assert not db.exists()


def test_db_on_a_fifo_or_device_is_refused_at_once(run, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (fifo, "/dev/null", "/dev/zero"):
        assert_user_error(run("--db", target, "info"))
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("target", ["/dev/zero", "FIFO"])
def test_import_of_a_device_or_fifo_is_refused_at_once(netty, one, tmp_path, target):
    if target == "FIFO":
        target = tmp_path / "fifo"
        os.mkfifo(target)
    before = dump(one)
    assert_user_error(netty("import", "linkedin", target, ok=False))
    assert dump(one) == before


def test_import_larger_than_the_cap_is_refused(netty, one, tmp_path, monkeypatch):
    from netty.services.importers import sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_text("First Name,Last Name\n" + "Ann,Lee\n" * 200)
    result = netty("import", "linkedin", big, ok=False)
    assert_user_error(result)
    assert "up to" in result.err


# ---------------------------------------------------------------- corruption


def _damage_an_index(path: Path) -> None:
    """Overwrite 512 bytes in the middle of an index's root page."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    rootpage = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact' "
        "AND sql IS NOT NULL ORDER BY rootpage LIMIT 1"
    ).fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek(rootpage * page_size - 512)  # the cells sit at the end of the page
        fh.write(bytes((i * 37 + 11) % 256 for i in range(512)))


@pytest.fixture
def damaged(netty, dbfile):
    for n in range(30):
        netty("add", f"Person {n:02d}", "--org", f"Org {n}", "--tag", "x")
    good = Path(netty("backup").out.strip())
    _damage_an_index(dbfile)
    return dbfile, good


def test_check_says_ok_on_a_sound_file(netty, one):
    out = netty("check").out
    assert out.startswith("ok:")
    # each engine names the checks it really ran
    if "://" in str(one):
        assert "constraints and indexes" in out and "journal triggers" in out
        assert "integrity_check" not in out
    else:
        assert "integrity_check, foreign_key_check and the journal triggers" in out


def test_check_finds_a_journal_trigger_gone(netty, one):
    """Without its trigger, a table's writes could not be undone: check says which."""
    on = ' ON "tag"' if "://" in str(one) else ""
    query(one, f"DROP TRIGGER journal_tag_update{on}")
    result = netty("check", ok=False)
    assert result.code == 2
    assert "journal trigger journal_tag_update is missing" in result.out
    assert len(result.err.splitlines()) == 1


def test_check_on_a_server_finds_a_missing_column_and_an_unvalidated_constraint(netty, one):
    if "://" not in str(one):
        pytest.skip("PostgreSQL's catalog checks; the SQLite file has integrity_check")
    query(one, 'ALTER TABLE "contact" DROP COLUMN "target_note"')
    query(
        one,
        'ALTER TABLE "need" ADD CONSTRAINT short_text CHECK (length("text") < 500) NOT VALID',
    )
    result = netty("check", ok=False)
    assert "column contact.target_note is missing" in result.out
    assert "constraint short_text on need is not validated" in result.out


@pytest.mark.sqlite_only("damages the SQLite file's pages")
def test_check_reports_damage_and_what_to_do(netty, damaged):
    _dbfile, good = damaged
    result = netty("check", ok=False)
    assert result.code == 2
    assert len(result.err.splitlines()) == 1
    assert "damaged" in result.err and str(good) in result.err


@pytest.mark.parametrize(
    "args",
    [["add", "New Person"], ["log", "Person 01", "coffee"], ["import", "linkedin", "FIXTURE"]],
)
@pytest.mark.sqlite_only("damages the SQLite file's pages")
def test_a_write_on_a_damaged_file_stops_and_says_so(netty, damaged, args):
    from tests.services.importers.helpers import fixture

    args = [fixture("linkedin_connections.csv") if a == "FIXTURE" else a for a in args]
    dbfile, _good = damaged
    raw = dbfile.read_bytes()
    result = netty(*args, ok=False)
    assert_user_error(result)
    assert "damaged" in result.err and "netty check" in result.err
    assert dbfile.read_bytes() == raw


@pytest.mark.sqlite_only("damages the SQLite file's pages")
def test_backup_of_a_damaged_file_keeps_the_last_good_backup(netty, damaged, tmp_path):
    dbfile, good = damaged
    saved = good.read_bytes()
    assert_user_error(netty("backup", ok=False))
    assert_user_error(netty("backup", "-o", tmp_path / "new.db", ok=False))
    assert not (tmp_path / "new.db").exists()
    assert good.read_bytes() == saved
    assert sorted(p.name for p in dbfile.parent.iterdir() if "netty-tmp" in p.name) == []


# ---------------------------------------------------------------- read-only, umask, time zone


@pytest.mark.sqlite_only("file modes of the database file")
def test_a_read_only_database_is_read_but_not_written_nor_made_0600(netty, one):
    os.chmod(one, 0o400)
    before = dump(one)
    assert "Ann Lee" in netty("list").out
    assert "Ann Lee" in netty("show", "1").out
    result = netty("add", "Bob", ok=False)
    assert_user_error(result)
    assert "read-only" in result.err
    assert stat.S_IMODE(one.stat().st_mode) == 0o400
    assert dump(one) == before


def test_folders_netty_creates_are_0700_under_umask_000(run, tmp_path):
    db = tmp_path / "a" / "b" / "c" / "netty.db"
    old = os.umask(0)
    try:
        assert run("--db", db, "info").code == 0
    finally:
        os.umask(old)
    for folder in (db.parent, db.parent.parent, db.parent.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_show_prints_the_next_ping_in_local_time(netty, monkeypatch):
    monkeypatch.setenv("NETTY_NOW", "2026-11-23T23:30:00Z")
    netty("add", "Ann Lee", "--every", "7")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert "next ping: 2026-12-01" in netty("show", "1").out
    monkeypatch.setenv("TZ", "UTC")
    assert "next ping: 2026-11-30" in netty("show", "1").out


# ---------------------------------------------------------------- hostile text


def _hostile_export(netty, tmp_path) -> Path:
    netty("add", "Placeholder")
    exported = tmp_path / "clean.json"
    netty("export", "json", "-o", exported)
    data = json.loads(exported.read_text())
    contacts = data["tables"]["contact"]
    row = contacts["rows"][0]
    for column in ("name", "notes", "details"):
        row[contacts["columns"].index(column)] = HOSTILE + " 👩🏽‍💻 Ali\u200cReza"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(data))
    return hostile


def test_hostile_text_restored_from_json_never_reaches_the_terminal(netty, run, tmp_path):
    hostile = _hostile_export(netty, tmp_path)
    fresh = tmp_path / "fresh.db"
    assert run("--db", fresh, "import", "json", hostile).code == 0
    for args in (["show", "1"], ["list"], ["prep", "1"], ["prep", "1", "--markdown"], ["due"]):
        result = run("--db", fresh, *args)
        assert result.code == 0, result.err
        assert ESC not in result.out + result.err
        assert "\x9b" not in result.out and "\u202e" not in result.out
    shown = run("--db", fresh, "show", "1").out
    assert "👩🏽‍💻" in shown and "Ali\u200cReza" in shown  # joiners kept
    conn = sqlite3.connect(fresh)
    stored = conn.execute("SELECT name, notes FROM contact").fetchone()
    conn.close()
    assert all(ESC not in value and "\u202e" not in value for value in stored)


def test_cli_output_is_cleaned_even_when_the_database_holds_escapes(netty, dbfile):
    netty("add", "Ann Lee")
    netty("add", "Ann Leigh")
    for sql, params in (  # another program, holding a journal entry open
        (
            "INSERT INTO change (at, label, state, first_row) "
            "VALUES ('2026-11-23 10:00:00', 'hostile', 'open', 1000000)",
            (),
        ),
        ("UPDATE contact SET notes = ?, name = ? || id", (HOSTILE, HOSTILE)),
        ("UPDATE change SET state = 'done', last_row = 1000001 WHERE label = 'hostile'", ()),
    ):
        query(dbfile, sql, params)
    for args in (["show", "1"], ["list"], ["prep", "1"], ["duplicates"], ["merge", "1", "2"]):
        result = netty(*args)
        shown = result.out + result.err
        assert ESC not in shown and "\x07" not in shown and "\x9b" not in shown, args


def test_zero_width_joiners_are_kept_in_names_and_notes(netty):
    netty("add", "Ali\u200cReza 👩🏽‍💻", "--notes", "🏳️‍🌈 pride")
    shown = netty("show", "1").out
    assert "Ali\u200cReza 👩🏽‍💻" in shown and "🏳️‍🌈 pride" in shown
    assert netty("show", "AliReza").out == shown  # the joiner does not hide a name


def test_disk_full_says_disk_full(netty, one, monkeypatch):
    import peewee

    def full(*args, **kwargs):
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError as exc:
            raise peewee.OperationalError("cannot rollback - no transaction is active") from exc

    from netty.services import contacts

    monkeypatch.setattr(contacts, "_apply", full)
    result = netty("add", "Bob", ok=False)
    assert_user_error(result)
    assert "disk full" in result.err


def test_imported_dates_outside_1900_to_2200_are_left_out_and_nothing_breaks(
    netty, tmp_path, dbfile
):
    linkedin = tmp_path / "Connections.csv"
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = "".join(
        f"Ann{n},Lee,,,Acme,CTO,01 Jan {year}\n"
        for n, year in enumerate(["1850", "0999", "2999", "2024"])
    )
    linkedin.write_text(header + rows * 20)
    vcf = tmp_path / "old.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Old Rev\r\nREV:00010101T000000Z\r\nEND:VCARD\r\n" * 3
    )
    netty("import", "linkedin", linkedin)
    netty("import", "vcard", vcf)
    for args in (["due"], ["export", "ics"], ["list"], ["export", "json"]):
        netty(*args)
    years = {
        str(row[0])[:4]
        for row in query(dbfile, "SELECT connected_at FROM contact WHERE connected_at IS NOT NULL")
    }
    assert years == {"2024"}
