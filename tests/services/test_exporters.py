"""Export: vCard and JSON round-trip through the importers; CSV is safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pendulum
import pytest

from netty.db import backup_file, close_database, open_database
from netty.db.models import Contact, Event, Reminder, ReminderState, database
from netty.errors import InvalidInput
from netty.services import settings
from netty.services.changes import change
from netty.services.contacts import (
    ContactFields,
    add_contact,
    archive_contact,
    get_contact,
    list_contacts,
)
from netty.services.demo import load_demo
from netty.services.exporters import EXPORTERS, export
from netty.services.exporters.csvfile import neutralise
from netty.services.exporters.vcard import fold
from netty.services.importers import import_file, import_text
from tests.services.importers.helpers import tables

FIXED = pendulum.parse("2026-11-23T10:00:00+00:00")


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo network plus awkward contacts, built once; tests get a copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    open_database(path, FIXED)
    load_demo(FIXED)
    add_awkward_contacts(FIXED)
    close_database()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "data" / "netty.db"
    path.parent.mkdir()
    backup_file(demo_file, path)
    open_database(path, FIXED)
    yield path
    close_database()


def add_awkward_contacts(now) -> None:
    from netty.db.models import ContactMethod

    add_contact(
        ContactFields(
            name="O'Brien; Siobhán, Jr.",
            organization="Smith, Jones & Co; Ltd",
            title="Head of R&D \\ Ops",
            emails=["siobhan@sjco.example"],
            phones=["+353 1 555 0100"],
            urls=["https://sjco.example/people/siobhan?x=1,2;3"],
            notes="Line one\nLine two, with a comma; and a semicolon\n\\back\\slash",
            details="Kids: Aoife (7), Cian (4)\n" + "Ünïcödé ✓ " * 30,
            how_met="Rotary breakfast\nsecond line",
            location="Dublin, Ireland",
            tags=["design leaders", "a,b"],
            ring=2,
            channel="civic club",
            cadence_days=21,
            strength=4,
        ),
        now,
    )
    add_contact(
        ContactFields(name="Cedar Labs", organization="Cedar Labs", phones=["+1 555 0177"]), now
    )
    add_contact(ContactFields(name="info@bakery.example", emails=["info@bakery.example"]), now)
    view = add_contact(
        ContactFields(
            name="Label Person", emails=["lp@x.example", "lp@y.example"], phones=["123 456"]
        ),
        now,
    )
    with change("test setup", now):
        for value, label in (
            ("lp@x.example", "work"),
            ("lp@y.example", "after hours"),
            ("123 456", "cell"),
        ):
            ContactMethod.update(label=label).where(
                (ContactMethod.contact == view.id) & (ContactMethod.value == value)
            ).execute()
        Contact.update(connected_at=now.subtract(days=400)).where(Contact.id == view.id).execute()
    gone = add_contact(ContactFields(name="Archived Person", emails=["gone@x.example"]), now)
    archive_contact(gone.id, now)


COMPARED = ("name", "organization", "title", "emails", "phones", "urls", "notes", "details",
            "tags", "ring", "channel", "cadence_days", "strength", "how_met", "location",
            "linkedin", "connected_at")  # fmt: skip


def contacts_by_name() -> dict[str, dict]:
    from netty.db.models import ContactMethod

    out = {}
    for row in list_contacts():
        view = get_contact(row.id)
        data = {field: getattr(view, field) for field in COMPARED}
        data["labels"] = sorted(
            (m.kind, m.value, m.label)
            for m in ContactMethod.select().where(ContactMethod.contact == row.id)
        )
        assert view.name not in out
        out[view.name] = data
    return out


def test_exporters_offered():
    assert list(EXPORTERS) == ["vcard", "csv", "json", "ics"]


def test_vcard_round_trip(demo: Path, tmp_path: Path, now):
    before = contacts_by_name()
    assert len(before) > 60
    target = tmp_path / "out" / "contacts.vcf"
    target.parent.mkdir()
    result = export("vcard", target, now)
    assert result.count == len(before)  # active contacts only
    data = target.read_bytes()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert b"Archived Person" not in data
    close_database()
    open_database(tmp_path / "empty.db", now)
    report = import_file("vcard", target, now, backup=False)
    assert (report.created, len(report.skipped)) == (len(before), 0)
    assert contacts_by_name() == before


def test_json_round_trip_is_lossless(demo: Path, tmp_path: Path, now):
    settings.put("weekly_minutes", 120, now)
    with change("test setup", now):
        Reminder.create(contact=1, text="Send the deck", due_at=now.add(days=2), created_at=now)
        ReminderState.create(key="ping:contact:3", snoozed_until=now.add(days=5), updated_at=now)
        Event.create(name="Sunday market", starts_at=now, channel=None, created_at=now)
        last = Contact.select().order_by(Contact.id.desc()).first()
        Contact.update(introduced_by=last.id).where(Contact.id == 1).execute()  # points forward
    before = tables()
    assert all(before[name] for name in ("contact", "interaction", "need", "give", "ask", "promise",
                                          "reminder", "reminder_state", "setting", "event",
                                          "organization", "tag", "contact_tag",
                                          "interaction_contact", "contact_method"))  # fmt: skip
    target = tmp_path / "netty.json"
    export("json", target, now)
    data = json.loads(target.read_text("utf-8"))
    assert data["netty"] == "export" and data["format_version"] == 1
    close_database()
    open_database(tmp_path / "empty.db", now)
    dry = import_file("json", target, now, dry_run=True)
    assert tables() == {name: [] for name in before}
    report = import_file("json", target, now)
    assert report.created == len(before["contact"]) == dry.created
    assert report.restored == {name: len(rows) for name, rows in before.items()}
    assert tables() == before
    # the restored database works: a new contact gets the next id
    assert add_contact(ContactFields(name="After Restore"), now).id == last.id + 1


def test_json_restores_only_into_an_empty_database(demo: Path, tmp_path: Path, now):
    target = tmp_path / "netty.json"
    export("json", target, now)
    before = tables()
    with pytest.raises(InvalidInput, match="only into an empty database"):
        import_file("json", target, now)
    assert tables() == before


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda d: d.update(netty="something"), "not a netty JSON export"),
        (lambda d: d.update(format_version=9), "format 9"),
        (lambda d: d["schema"].append("0999_future"), "newer netty"),
        (lambda d: d["tables"].update(spaceship={"columns": [], "rows": []}), "does not know"),
        (lambda d: d["tables"]["contact"]["rows"][0].__setitem__(1, None), "can't be empty"),
        (lambda d: d["tables"]["contact"]["rows"][0].__setitem__(0, "one"), "not a whole number"),
        (lambda d: d["tables"]["contact"]["columns"].append("colour"), "unknown or repeated column"),
        (lambda d: d["tables"]["need"]["rows"][0].__setitem__(1, 99999), "not consistent"),
        (lambda d: d["tables"]["contact"]["rows"].append(list(d["tables"]["contact"]["rows"][0])),
         "not consistent"),
        (lambda d: d["tables"]["interaction"]["rows"][0].__setitem__(2, "yesterday"), "time"),
    ],
)  # fmt: skip
def test_json_restore_refuses_a_damaged_export_and_writes_nothing(
    demo: Path, tmp_path: Path, now, change, says
):
    data = json.loads(export("json", None, now).text)
    change(data)
    close_database()
    open_database(tmp_path / "empty.db", now)
    with pytest.raises(InvalidInput, match=says):
        import_text("json", json.dumps(data), now, backup=False)
    assert all(rows == [] for rows in tables().values())


def test_csv_export_is_spreadsheet_safe(db, tmp_path: Path, now):
    add_contact(
        ContactFields(
            name='=HYPERLINK("http://evil.example")',
            title="+SUM(A1:A9)",
            organization="@Corp",
            phones=["+1 555 0100"],
            notes="-2+3",
            tags=["plain"],
        ),
        now,
    )
    add_contact(
        ContactFields(name="Zoë Müller", emails=["zoe@acme.example", "z@home.example"]), now
    )
    target = tmp_path / "contacts.csv"
    result = export("csv", target, now)
    assert result.count == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so spreadsheets read the accents
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    evil = rows[0]
    assert evil["name"] == '\'=HYPERLINK("http://evil.example")'
    assert evil["title"] == "'+SUM(A1:A9)"
    assert evil["organization"] == "'@Corp"
    assert evil["phones"] == "'+1 555 0100"
    assert evil["notes"] == "'-2+3"
    assert rows[1]["emails"] == "zoe@acme.example ::: z@home.example"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@x", "\t=1", "\r=1"])
def test_neutralise(value):
    assert neutralise(value) == "'" + value
    assert neutralise("plain") == "plain" and neutralise(None) == ""


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_files_are_written_0600_and_atomically(db, tmp_path: Path, now, fmt, monkeypatch):
    add_contact(ContactFields(name="Sally Jones", ring=1), now.subtract(days=30))  # ping due
    target = tmp_path / f"out.{fmt}"
    target.write_text("old content")
    os.chmod(target, 0o644)
    export(fmt, target, now)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Sally Jones" in target.read_text("utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []

    def broken(out, now):
        out.write("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(EXPORTERS, fmt, EXPORTERS[fmt].__class__(fmt, ".x", "x", broken))
    before = target.read_bytes()
    with pytest.raises(InvalidInput, match="disk full"):
        export(fmt, target, now)
    assert target.read_bytes() == before  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_export_to_stdout_and_bad_targets(db, tmp_path: Path, now):
    add_contact(ContactFields(name="Sally Jones"), now)
    result = export("vcard", None, now)
    assert result.path is None and result.text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    with pytest.raises(InvalidInput, match="folder"):
        export("csv", tmp_path, now)
    with pytest.raises(InvalidInput, match="does not exist"):
        export("csv", tmp_path / "nope" / "x.csv", now)
    with pytest.raises(InvalidInput, match="unknown export format"):
        export("ics-not-yet", None, now)


def test_fold_never_splits_a_character():
    line = "NOTE:" + "é✓😀" * 40
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    assert database is not None
