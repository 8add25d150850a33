"""``netty sync vdir``: two-way sync with a folder of vCards, driven in-process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, dump

CARD = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{family};{given};;;\r\n"
    "EMAIL;TYPE=work:{email}\r\nPHOTO:data:image/png;base64,iVBORw0KGgo=\r\n"
    "NOTE:written on my phone\r\nX-PHONE-APP:keep me\r\nEND:VCARD\r\n"
)


@pytest.fixture
def vdir(tmp_path: Path) -> Path:
    folder = tmp_path / "contacts" / "default"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def sally(netty) -> int:
    netty(
        "add", "Sally Jones", "--org", "XYZ Corp", "--title", "VP Engineering",
        "--email", "sally@xyz.example", "--phone", "+1 555 0100", "--tag", "design",
        "--ring", "2", "--notes", "private: owes me a call", "--details", "two kids",
    )  # fmt: skip
    netty("log", "Sally Jones", "coffee at Blue Bottle. i owe: intro to Ann by friday")
    return netty("list", "--json").json[0]["id"]


def cards(folder: Path) -> dict[str, str]:
    return {p.name: p.read_bytes().decode() for p in sorted(folder.glob("*.vcf"))}


def edit_card(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def sync(netty, folder: Path, *args: str):
    return netty("sync", "vdir", folder, "--json", *args).json


def test_first_sync_writes_one_card_per_contact_named_by_its_uid(netty, vdir, sally):
    report = sync(netty, vdir)
    assert (report["in"], report["out"], report["conflicts"]) == (0, 1, [])
    shown = netty("show", "Sally Jones", "--json").json
    [(name, text)] = cards(vdir).items()
    uid = name.removesuffix(".vcf")
    assert f"UID:{uid}\r\n" in text
    assert "FN:Sally Jones\r\n" in text and "EMAIL;TYPE=INTERNET:sally@xyz.example" in text
    assert "ORG:XYZ Corp" in text and "TITLE:VP Engineering" in text
    assert "CATEGORIES:design" in text
    # netty-only data never leaves netty
    for private in ("owes me a call", "two kids", "X-NETTY", "Blue Bottle", "intro to Ann"):
        assert private not in text
    assert len(shown["promises"]) == 1


def test_a_sync_with_nothing_changed_changes_nothing(netty, vdir, sally, dbfile):
    sync(netty, vdir)
    before = dump(dbfile)
    stats = {p.name: p.stat().st_mtime_ns for p in vdir.glob("*.vcf")}
    report = sync(netty, vdir)
    assert (report["in"], report["out"], report["items"], report["dry_run"]) == (0, 0, [], False)
    assert dump(dbfile) == before  # not even a journal entry
    assert {p.name: p.stat().st_mtime_ns for p in vdir.glob("*.vcf")} == stats


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unchanged_sync_reads_no_card(netty, vdir, sally):
    sync(netty, vdir)
    for path in vdir.glob("*.vcf"):
        path.chmod(0)
    try:
        assert sync(netty, vdir)["items"] == []
    finally:
        for path in vdir.glob("*.vcf"):
            path.chmod(0o644)


def test_a_card_added_in_the_folder_becomes_a_contact(netty, vdir, sally):
    sync(netty, vdir)
    path = vdir / "bob-42.vcf"
    path.write_text(
        CARD.format(uid="bob-42", name="Bob Ray", family="Ray", given="Bob", email="bob@x.example")
    )
    written = path.read_bytes()
    report = sync(netty, vdir)
    assert [(i["direction"], i["what"], i["contact"]) for i in report["items"]] == [
        ("in", "new", "Bob Ray")
    ]
    bob = netty("show", "Bob Ray", "--json").json
    assert bob["emails"] == ["bob@x.example"]
    assert path.read_bytes() == written  # nothing netty needed to add: left as it was
    assert sync(netty, vdir)["items"] == []


def test_a_card_changed_in_the_folder_changes_the_contact_and_keeps_netty_data(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "TITLE:VP Engineering", "TITLE:CTO")
    report = sync(netty, vdir)
    assert [(i["direction"], i["what"], i["fields"]) for i in report["items"]] == [
        ("in", "changed", ["title"])
    ]
    shown = netty("show", "Sally Jones", "--json").json
    assert shown["title"] == "CTO"
    assert shown["notes"] == "private: owes me a call" and shown["details"] == "two kids"
    assert shown["ring"] == 2 and len(shown["interactions"]) == 1 and len(shown["promises"]) == 1


def test_a_contact_changed_in_netty_rewrites_its_card_keeping_what_netty_does_not_sync(netty, vdir):
    vdir.joinpath("ann.vcf").write_text(
        CARD.format(uid="ann-1", name="Ann Lee", family="Lee", given="Ann", email="ann@x.example")
    )
    sync(netty, vdir)
    netty("edit", "Ann Lee", "--title", "Founder", "--phone", "+44 20 7946 0000")
    report = sync(netty, vdir)
    assert [(i["direction"], i["what"], i["fields"]) for i in report["items"]] == [
        ("out", "changed", ["title", "phones"])
    ]
    text = (vdir / "ann.vcf").read_text()
    assert "TITLE:Founder" in text and "TEL:+44 20 7946 0000" in text
    # the phone's photo, note and own property, and the unchanged lines, as they were
    for kept in (
        "PHOTO:data:image/png;base64,iVBORw0KGgo=",
        "NOTE:written on my phone",
        "X-PHONE-APP:keep me",
        "EMAIL;TYPE=work:ann@x.example",
        "VERSION:4.0",
        "UID:ann-1",
    ):
        assert kept in text
    assert netty("show", "Ann Lee", "--json").json["notes"] == ""  # NOTE stays on the card


def test_changes_to_different_fields_on_both_sides_are_merged(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "TITLE:VP Engineering", "TITLE:CTO")
    edit_card(path, "CATEGORIES:design", "CATEGORIES:design,fintech")
    netty("edit", "Sally Jones", "--org", "ABC Ltd", "--tag", "mentor")
    report = sync(netty, vdir)
    assert report["conflicts"] == []
    shown = netty("show", "Sally Jones", "--json").json
    assert (shown["title"], shown["organization"]) == ("CTO", "ABC Ltd")
    assert shown["tags"] == ["design", "fintech", "mentor"]
    text = path.read_text()
    assert "TITLE:CTO" in text and "ORG:ABC Ltd" in text
    assert "CATEGORIES:design,fintech,mentor" in text
    assert sync(netty, vdir)["items"] == []


def test_a_field_changed_on_both_sides_is_a_conflict_kept_in_report_and_journal(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "TITLE:VP Engineering", "TITLE:CTO")
    netty("edit", "Sally Jones", "--title", "Chief Architect")
    report = sync(netty, vdir)
    assert report["conflicts"] == [
        {
            "contact_id": sally,
            "contact": "Sally Jones",
            "field": "title",
            "kept": "Chief Architect",
            "card": "CTO",
        }
    ]
    assert netty("show", "Sally Jones", "--json").json["title"] == "Chief Architect"
    assert "TITLE:Chief Architect" in path.read_text()
    label = netty("history", "--json").json[0]["label"]
    assert label == (
        f"synced vdir {vdir}: 0 in, 1 out, 1 conflict "
        "(Sally Jones: title: kept 'Chief Architect', the card had 'CTO')"
    )


def test_the_human_report_names_the_conflict(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "TITLE:VP Engineering", "TITLE:CTO")
    netty("edit", "Sally Jones", "--title", "Chief Architect")
    out = netty("sync", "vdir", vdir).out.splitlines()
    assert out[0] == f"synced {vdir}: 0 in, 1 out, 1 conflict, 1 cards"
    assert "  conflict: Sally Jones: title: kept 'Chief Architect', the card had 'CTO'" in out


def test_a_deleted_card_archives_its_contact_and_undo_brings_it_back(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    path.unlink()
    report = sync(netty, vdir)
    assert [(i["direction"], i["what"]) for i in report["items"]] == [
        ("in", "archived (card deleted)")
    ]
    shown = netty("show", sally, "--json").json
    assert shown["archived"] is True and len(shown["interactions"]) == 1
    netty("undo")
    assert netty("show", sally, "--json").json["archived"] is False
    # the next sync carries netty's state back to the folder
    report = sync(netty, vdir)
    assert [(i["direction"], i["what"]) for i in report["items"]] == [("out", "new")]
    assert len(cards(vdir)) == 1


def test_archiving_in_netty_removes_the_card(netty, vdir, sally):
    other = vdir / "notes.txt"
    other.write_text("not a card")
    sync(netty, vdir)
    netty("archive", "Sally Jones")
    report = sync(netty, vdir)
    assert [(i["direction"], i["what"]) for i in report["items"]] == [
        ("out", "removed (archived in netty)")
    ]
    assert cards(vdir) == {} and other.read_text() == "not a card"
    netty("restore", sally)
    sync(netty, vdir)
    assert len(cards(vdir)) == 1


def test_undo_takes_a_sync_back_in_netty(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "TITLE:VP Engineering", "TITLE:CTO")
    sync(netty, vdir)
    assert netty("undo").out.startswith("undid change")
    assert netty("show", "Sally Jones", "--json").json["title"] == "VP Engineering"


def test_dry_run_writes_nothing(netty, vdir, sally, dbfile):
    vdir.joinpath("bob.vcf").write_text(
        CARD.format(uid="bob", name="Bob Ray", family="Ray", given="Bob", email="bob@x.example")
    )
    before = dump(dbfile)
    files = cards(vdir)
    report = sync(netty, vdir, "--dry-run")
    assert report["dry_run"] is True
    assert sorted((i["direction"], i["what"], i["contact"]) for i in report["items"]) == [
        ("in", "new", "Bob Ray"),
        ("out", "new", "Sally Jones"),
    ]
    out = netty("sync", "vdir", vdir, "--dry-run").out
    assert out.startswith(f"would sync {vdir}: 1 in, 1 out, 0 conflicts")
    assert dump(dbfile) == before and cards(vdir) == files


def test_a_card_met_first_joins_the_contact_with_its_email(netty, vdir, sally):
    vdir.joinpath("s.vcf").write_text(
        CARD.format(
            uid="s-1", name="Sally Jones", family="Jones", given="Sally", email="sally@xyz.example"
        )
    )
    report = sync(netty, vdir)
    assert len(netty("list", "--json").json) == 1
    assert [(i["direction"], i["what"]) for i in report["items"]] == [("out", "changed")]
    text = (vdir / "s.vcf").read_text()
    assert "ORG:XYZ Corp" in text and "UID:s-1" in text and "PHOTO:" in text
    assert len(cards(vdir)) == 1


def test_an_unreadable_card_is_skipped_and_left_alone(netty, vdir, sally):
    bad = vdir / "broken.vcf"
    bad.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nthis line has no colon\r\n")
    report = sync(netty, vdir)
    assert [s["file"] for s in report["skipped"]] == ["broken.vcf"]
    assert bad.read_bytes().decode() == "BEGIN:VCARD\r\nVERSION:3.0\r\nthis line has no colon\r\n"
    assert len(netty("list", "--json").json) == 1
    assert sync(netty, vdir)["skipped"] == []  # left alone until it changes


def test_a_configured_vdir_is_the_default(netty, vdir, sally):
    out = netty("config", "sync.vdir", vdir).out
    assert f"sync.vdir = {vdir}" in out
    assert netty("sync", "vdir").out.startswith(f"synced {vdir}: 0 in, 1 out")
    assert "sync.on_start = off" in netty("config").out
    netty("config", "sync.on_start", "on")
    assert "sync.on_start = on" in netty("config", "sync.on_start").out


def test_bad_input_is_one_line_and_writes_nothing(netty, run, dbfile, tmp_path, sally):
    before = dump(dbfile)
    assert_user_error(run("--db", dbfile, "sync", "vdir", tmp_path / "nope"))
    assert_user_error(run("--db", dbfile, "sync", "vdir"))
    assert_user_error(run("--db", dbfile, "config", "sync.poll", "maybe"))
    assert dump(dbfile) == before


def test_a_card_deleted_but_changed_in_netty_is_written_back(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    path.unlink()
    netty("edit", "Sally Jones", "--title", "CTO")
    report = sync(netty, vdir)
    assert [c["field"] for c in report["conflicts"]] == ["card"]
    assert netty("show", sally, "--json").json["archived"] is False
    assert "TITLE:CTO" in path.read_bytes().decode()


def test_a_card_changed_while_archived_in_netty_restores_the_contact(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    netty("archive", "Sally Jones")
    edit_card(path, "TITLE:VP Engineering", "TITLE:CTO")
    report = sync(netty, vdir)
    assert ("in", "restored (card changed)") in [
        (i["direction"], i["what"]) for i in report["items"]
    ]
    shown = netty("show", sally, "--json").json
    assert shown["archived"] is False and shown["title"] == "CTO"
    assert path.exists()


def test_a_card_joins_the_contact_with_its_uid(netty, vdir, tmp_path, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    other = tmp_path / "other"
    other.mkdir()
    (other / path.name).write_bytes(path.read_bytes().replace(b"sally@xyz", b"s@elsewhere"))
    report = sync(netty, other)
    # a first meeting: each side's emails join the other's, no second contact
    assert [(i["direction"], i["fields"]) for i in report["items"]] == [
        ("in", ["emails"]),
        ("out", ["emails"]),
    ]
    assert netty("show", sally, "--json").json["emails"] == [
        "sally@xyz.example",
        "s@elsewhere.example",
    ]
    assert len(netty("list", "--json").json) == 1


def test_after_undo_the_next_sync_carries_netty_back_to_the_folder(netty, vdir, sally):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "TITLE:VP Engineering", "TITLE:CTO")
    sync(netty, vdir)
    netty("undo")
    report = sync(netty, vdir)
    assert [(i["direction"], i["fields"]) for i in report["items"]] == [("out", ["title"])]
    assert "TITLE:VP Engineering" in path.read_bytes().decode()


def test_a_birthday_and_an_address_edited_in_the_folder_reach_netty(netty, vdir, sally, dbfile):
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(
        path,
        "CATEGORIES:design",
        "CATEGORIES:design\r\nBDAY:1980-05-02\r\nADR;TYPE=home:;;7 Elm Close;Winchester;;SO23 9AA;UK",
    )
    report = sync(netty, vdir)
    [item] = report["items"]
    assert (item["direction"], item["what"]) == ("in", "changed")
    assert {"birthday", "addresses", "location"} <= set(item["fields"])
    shown = netty("show", "Sally Jones", "--json").json
    assert shown["birthday"] == "1980-05-02"
    assert shown["location"] == "7 Elm Close, Winchester, SO23 9AA, UK"
    [address] = shown["card"]["addresses"]
    assert "7 Elm Close" in str(address) and "home" in str(address)
    # what the phone wrote stays as it wrote it, and a second sync writes nothing
    assert "ADR;TYPE=home:;;7 Elm Close;Winchester;;SO23 9AA;UK\n" in path.read_text()
    before = dump(dbfile)
    assert sync(netty, vdir)["items"] == []
    assert dump(dbfile) == before


def test_a_nickname_and_a_birthday_set_in_netty_reach_the_card(netty, vdir, sally, dbfile):
    vobject = pytest.importorskip("vobject")
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "CATEGORIES:design", "CATEGORIES:design\r\nX-PHONE-APP:keep me")
    sync(netty, vdir)
    netty("edit", "Sally Jones", "--nickname", "Sal", "--birthday", "1980-05-02")
    report = sync(netty, vdir)
    [item] = report["items"]
    assert (item["direction"], item["what"]) == ("out", "changed")
    assert set(item["fields"]) == {"nicknames", "birthday"}
    card = vobject.readOne(path.read_text())
    assert card.nickname.value == "Sal"
    assert card.bday.value == "1980-05-02"
    assert card.x_phone_app.value == "keep me"  # a property netty does not know survives
    assert "X-NETTY" not in path.read_text()
    before = dump(dbfile)
    stats = {p.name: p.stat().st_mtime_ns for p in vdir.glob("*.vcf")}
    assert sync(netty, vdir)["items"] == []
    assert dump(dbfile) == before
    assert {p.name: p.stat().st_mtime_ns for p in vdir.glob("*.vcf")} == stats


def test_a_birthday_changed_on_both_sides_is_a_conflict(netty, vdir, sally):
    netty("edit", "Sally Jones", "--birthday", "1980-05-02")
    sync(netty, vdir)
    [path] = vdir.glob("*.vcf")
    edit_card(path, "BDAY:1980-05-02", "BDAY:1981-05-02")
    netty("edit", "Sally Jones", "--birthday", "1980-06-02")
    report = sync(netty, vdir)
    assert report["conflicts"] == [
        {
            "contact_id": sally,
            "contact": "Sally Jones",
            "field": "birthday",
            "kept": "1980-06-02",
            "card": "1981-05-02",
        }
    ]
    assert netty("show", "Sally Jones", "--json").json["birthday"] == "1980-06-02"
    assert "BDAY:1980-06-02\n" in path.read_text()
