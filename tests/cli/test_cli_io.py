"""``netty import``, ``export``, ``backup``, ``duplicates`` and ``merge``, driven in-process."""

from __future__ import annotations

import io
import json
import stat
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, backups_of, dump
from tests.services.importers.helpers import fixture

REPORT_KEYS = {"created", "merged", "skipped", "warnings", "possible_duplicates"}


def test_import_json_report(netty):
    report = netty("import", "linkedin", fixture("linkedin_connections.csv"), "--json").json
    assert set(report) == REPORT_KEYS
    assert (report["created"], report["merged"]) == (7, 1)
    assert report["skipped"] == [{"record": 4, "reason": "no first or last name"}]
    assert report["warnings"] == ["record 8: 'Connected On' 'sometime' is not a date; left out"]
    assert report["possible_duplicates"] == [
        {"record": 10, "name": "Bob Smith", "id": 7, "same_name_as": [3]}
    ]
    again = netty("import", "linkedin", fixture("linkedin_connections.csv"), "--json").json
    assert (again["created"], again["merged"], again["possible_duplicates"]) == (0, 8, [])


def test_import_human_report(netty, dbfile: Path):
    result = netty("import", "vcard", fixture("vcard30_apple.vcf"))
    lines = result.out.splitlines()
    assert lines[0] == "imported vcard30_apple.vcf (vCard): 3 created, 0 merged, 2 skipped"
    assert "  skipped record 3: a group card (a list of contacts), not a contact" in lines
    assert any(line.startswith("  warning: record 1: its photo") for line in lines)
    backup = lines[-1].removeprefix("backup taken first: ")
    assert Path(backup).parent == backups_of(dbfile) and Path(backup).exists()
    assert result.err == ""  # no progress bar when stderr is not a terminal
    again = netty("import", "vcard", fixture("vcard30_apple.vcf")).out
    assert again.startswith(
        "imported vcard30_apple.vcf (vCard): 0 created, 3 merged (3 already up to date), 2 skipped"
    )
    listed = netty("list", "--json").json
    assert [c["name"] for c in listed] == ["Acme Bakery", "Jane Appleseed", "John O'Neil"]


def test_dry_run_writes_nothing(netty, dbfile: Path):
    netty("import", "csv", fixture("google_older.csv"))
    before = dump(dbfile, schema_history=False)
    backups = sorted(backups_of(dbfile).glob("*.before-*"))
    for args in (
        ["import", "csv", fixture("google_current.csv")],
        ["import", "vcard", fixture("vcard21_android.vcf")],
        ["import", "linkedin", fixture("linkedin_connections.csv")],
        ["import", "csv", fixture("members.csv"), "--map", "name=Full Name,email=E-mail"],
    ):
        result = netty(*args, "--dry-run")
        assert (
            result.out.startswith("would import") and "dry run: nothing was written" in result.out
        )
        report = netty(*args, "--dry-run", "--json").json
        assert set(report) == REPORT_KEYS and report["created"] > 0
    assert dump(dbfile, schema_history=False) == before
    assert sorted(backups_of(dbfile).glob("*.before-*")) == backups


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["import", "linkedin", fixture("linkedin_export.zip")], "unzip it first"),
        (["import", "csv", fixture("bank_statement.csv")], "--map"),
        (["import", "vcard", fixture("photo.png")], "PNG image"),
        (["import", "vcard", "no-such-file.vcf"], "no file"),
        (["import", "csv", fixture("members.csv"), "--map", "name=Nope"], "no column"),
        (["import", "json", fixture("vcard40.vcf")], "not valid JSON"),
        (["import", "linkedin", fixture("outlook.csv"), "--json"], "not a LinkedIn"),
        (["import", "yaml", "x"], "yaml"),
        (["export", "xml"], "xml"),
        (["merge", "1", "1"], "itself"),
        (["merge", "1", "999"], "999"),
        (["backup", "-o", fixture("photo.png")], "already exists"),
    ],
)
def test_refusals_are_one_line_exit_2_and_change_nothing(netty, dbfile: Path, args, says):
    netty("import", "csv", fixture("google_older.csv"))
    before = dump(dbfile, schema_history=False)
    result = netty(*args, ok=False)
    assert_user_error(result)
    assert says.lower() in result.err.lower()
    assert dump(dbfile, schema_history=False) == before


def test_export_and_restore_round_trip(netty, dbfile: Path, tmp_path: Path, new_db):
    netty("import", "vcard", fixture("vcard30_apple.vcf"))
    netty("import", "csv", fixture("google_current.csv"))
    netty("log", "jane", "--kind", "coffee", "--when", "yesterday", "--summary", "orchard tour")
    vcard = netty("export", "vcard").out
    assert vcard.count("BEGIN:VCARD") == 7 and "FN:Jane Appleseed" in vcard
    csv_text = netty("export", "csv").out
    assert csv_text.splitlines()[0].startswith("id,name,organization")
    target = tmp_path / "all.json"
    out = netty("export", "json", "-o", target).out
    assert out == f"exported 7 contacts (and everything else) to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    fresh = new_db()
    restored = netty("import", "json", target, db=fresh)
    assert restored.out.startswith("imported all.json (netty JSON export): ")
    assert dump(fresh, schema_history=False, journal=False) == dump(
        dbfile, schema_history=False, journal=False
    )
    again = netty("import", "json", target, db=fresh, ok=False)
    assert_user_error(again)
    assert "empty database" in again.err
    vcf = tmp_path / "contacts.vcf"
    netty("export", "vcard", "--output", vcf)
    other = new_db()
    report = netty("import", "vcard", vcf, "--json", db=other).json
    assert (report["created"], report["skipped"]) == (7, [])


@pytest.mark.sqlite_only("SQLite backup files beside the database")
def test_backup(netty, dbfile: Path, tmp_path: Path):
    netty("import", "csv", fixture("google_older.csv"))
    path = Path(netty("backup").out.strip())
    assert path.parent == dbfile.parent and path.name == "netty-backup-20261123-100000.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert dump(path, schema_history=False) == dump(dbfile, schema_history=False)
    second = Path(netty("backup").out.strip())
    assert second.name == "netty-backup-20261123-100000-2.db"
    chosen = tmp_path / "copy.db"
    assert netty("backup", "-o", chosen).out.strip() == str(chosen)
    into_folder = Path(netty("backup", "-o", tmp_path).out.strip())
    assert into_folder.parent == tmp_path
    assert_user_error(netty("backup", "-o", dbfile, ok=False))


def test_duplicates_and_merge(netty, dbfile: Path):
    netty("import", "linkedin", fixture("linkedin_connections.csv"))
    netty("add", "Jane Appleseed", "--email", "jane@home.example")
    netty("import", "vcard", fixture("vcard30_apple.vcf"))
    groups = netty("duplicates", "--json").json
    names = [sorted(c["name"] for c in g["contacts"]) for g in groups]
    assert ["Bob Smith", "Bob Smith"] in names
    assert ["Jane Appleseed", "Jane Appleseed"] in names
    assert all(set(g) == {"contacts", "reasons", "score"} for g in groups)
    human = netty("duplicates")
    assert "#3 Bob Smith, #7 Bob Smith  (same name)" in human.out
    assert "netty merge KEEP OTHER" in human.err

    janes = next(g for g in groups if g["contacts"][0]["name"] == "Jane Appleseed")
    keep, other = (c["id"] for c in janes["contacts"])
    result = netty("merge", keep, other)
    assert result.out.startswith(f"merged #{other} Jane Appleseed into #{keep} Jane Appleseed: ")
    assert "backup taken first:" in result.out
    jane = netty("show", keep, "--json").json
    assert jane["emails"] == ["jane@home.example", "jane@orchard.example", "jane.home@example.com"]
    assert jane["organization"] == "Apple Orchard, Inc."
    assert netty("show", other, "--json").json["archived"] is True
    remaining = netty("duplicates", "--json").json
    assert len(remaining) == len(groups) - 1
    assert list(backups_of(dbfile).glob("*.before-merge.*"))


@pytest.mark.parametrize("fmt", ["vcard", "csv", "json", "ics"])
def test_a_printed_export_is_the_file_it_would_write(netty, dbfile, tmp_path, fmt):
    """Without -o the export is printed as it is made (memory stays flat however big
    the network); what is printed is what -o writes, less the CSV's BOM."""
    netty("import", "vcard", fixture("vcard30_apple.vcf"))
    netty("log", "jane", "--kind", "coffee", "--when", "yesterday", "--summary", "tour")
    target = tmp_path / f"out.{fmt}"
    netty("export", fmt, "-o", target)
    printed = netty("export", fmt).out
    written = target.read_bytes().decode("utf-8").removeprefix("\ufeff")
    if fmt == "json":  # the moment of each export is in it
        printed = json.loads(printed) | {"exported_at": None}
        written = json.loads(written) | {"exported_at": None}
    assert printed == written and printed


def test_an_export_printed_to_a_terminal_is_made_safe_for_it(netty, monkeypatch):
    """To a terminal, controls are taken out as everywhere in netty's output (here the
    vCard's CR of each CRLF); to a pipe or a file the export is byte for byte."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    netty("add", "Eve Lee", "--email", "eve@example.com")
    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    netty("export", "vcard")
    shown = screen.getvalue()
    assert "FN:Eve Lee\n" in shown and "\r" not in shown
    monkeypatch.undo()
    assert "FN:Eve Lee\r\n" in netty("export", "vcard").out
