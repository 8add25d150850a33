"""How an import meets the contacts already there: strong keys merge, names never do."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from netty.db.models import Contact
from netty.services import settings
from netty.services.changes import change
from netty.services.contacts import (
    ContactFields,
    add_contact,
    archive_contact,
    edit_contact,
    get_contact,
    list_contacts,
    next_ping,
    refresh_search_text,
)
from netty.services.importers import MAX_NOTE_CHARS, import_text
from tests.cli.helpers import backup_suffix
from tests.services.importers.helpers import tables


def vcf(*cards: str) -> str:
    return "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{card}END:VCARD\r\n" for card in cards)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_email_merges_fills_empty_fields_unions_and_never_overwrites(db, now):
    sally = add_contact(
        ContactFields(
            name="Sally Jones",
            title="CTO",
            emails=["sally@xyz.example"],
            notes="Met at UXPA",
            tags=["mentor"],
            ring=1,
        ),
        now.subtract(days=10),
    )
    later = now.add(hours=1)
    report = import_text(
        "vcard",
        vcf(
            "FN:Sally J.\r\nEMAIL:SALLY@XYZ.EXAMPLE\r\nTITLE:VP Engineering\r\nORG:XYZ Corp\r\n"
            "TEL:+1 503 555 0142\r\nNOTE:Two kids\r\nCATEGORIES:design\r\nX-NETTY-RING:3\r\n"
        ),
        later,
        backup=False,
    )
    assert (report.created, report.merged, report.unchanged) == (0, 1, 0)
    assert any("keeps the title 'CTO'" in w for w in report.warnings)
    assert any("keeps the name 'Sally Jones'" in w for w in report.warnings)
    assert any("keeps ring 1" in w for w in report.warnings)
    view = get_contact(sally.id)
    assert (view.name, view.title, view.ring) == ("Sally Jones", "CTO", 1)  # kept
    assert view.organization == "XYZ Corp"  # filled
    assert view.phones == ("+1 503 555 0142",)
    assert view.emails == ("sally@xyz.example",)  # the same address once
    assert view.tags == ("design", "mentor")
    assert view.notes == "Met at UXPA\n\nTwo kids"
    assert view.updated_at == later
    assert_denormalised_columns_as_services_compute_them(now)


def test_linkedin_url_merges_whatever_its_spelling(db, now):
    bob = add_contact(ContactFields(name="Robert Smith", urls=["linkedin.com/in/BobSmith"]), now)
    text = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Bob,Smith,https://www.linkedin.com/in/bobsmith/?originalSubdomain=uk,,Globex,Recruiter,"
        "30 Sep 2019\n"
    )
    report = import_text("linkedin", text, now, backup=False)
    assert (report.created, report.merged) == (0, 1)
    view = get_contact(bob.id)
    assert (view.name, view.organization, view.title) == ("Robert Smith", "Globex", "Recruiter")
    assert view.connected_at.to_date_string() == "2019-09-30"
    assert view.channel is None  # LinkedIn's default channel is for new contacts only


def test_same_name_alone_is_a_possible_duplicate_never_a_merge(db, now):
    ana = add_contact(ContactFields(name="Ana López", organization="Cedar Labs"), now)
    report = import_text("vcard", vcf("FN:ana lopez\r\nTEL:+1 555 0100\r\n"), now, backup=False)
    assert (report.created, report.merged) == (1, 0)
    [dup] = report.possible_duplicates
    assert dup["same_name_as"] == [ana.id] and dup["record"] == 1 and dup["name"] == "ana lopez"
    assert len(list_contacts()) == 2


def test_name_and_details_already_there_is_the_same_record(db, now):
    card = vcf("FN:Carol Good\r\nTEL:+1 555 0199\r\nNOTE:neighbour\r\n")
    first = import_text("vcard", card, now, backup=False)
    assert first.created == 1
    before = tables()
    again = import_text("vcard", card, now.add(days=1), backup=False)
    assert (again.created, again.merged, again.possible_duplicates) == (0, 1, ())
    assert tables() == before
    # once the user changed something the card says, a re-import is a new record: a name alone never merges
    [carol] = list_contacts()
    edit_contact(carol.id, ContactFields(notes="moved away"), now)
    third = import_text("vcard", card, now.add(days=2), backup=False)
    assert third.created == 1 and len(third.possible_duplicates) == 1


def test_organization_only_records_merge_on_the_organization_name(db, now):
    org = add_contact(ContactFields(name="Cedar Labs", organization="Cedar Labs"), now)
    report = import_text(
        "vcard",
        vcf(
            "N:;;;;\r\nFN:CEDAR LABS\r\nORG:Cedar Labs\r\nX-ABShowAs:COMPANY\r\nTEL:+1 555 0177\r\n"
        ),
        now,
        backup=False,
    )
    assert (report.created, report.merged) == (0, 1)
    assert get_contact(org.id).phones == ("+1 555 0177",)


def test_archived_contacts_are_matched_not_brought_back(db, now):
    zoe = add_contact(ContactFields(name="Zoë Müller", emails=["zoe@acme.example"]), now)
    archive_contact(zoe.id, now)
    report = import_text(
        "vcard", vcf("FN:Zoe Muller\r\nEMAIL:zoe@acme.example\r\n"), now, backup=False
    )
    assert (report.created, report.merged) == (0, 1)
    assert get_contact(zoe.id).archived and list_contacts() == []


def test_records_of_one_file_merge_with_each_other(db, now):
    report = import_text(
        "vcard",
        vcf(
            "FN:Jun Tanaka\r\nEMAIL:jun@tanaka.example\r\n",
            "FN:Jun T\r\nEMAIL:JUN@tanaka.example\r\nTEL:+81 3 5555 0000\r\n",
        ),
        now,
        backup=False,
    )
    assert (report.created, report.merged) == (1, 1)
    [jun] = list_contacts()
    assert (jun.name, jun.phones) == ("Jun Tanaka", ("+81 3 5555 0000",))


def test_a_huge_note_is_cut_with_a_warning(db, now):
    report = import_text(
        "vcard", vcf(f"FN:Long Notes\r\nNOTE:{'x' * 50_000}\r\n"), now, backup=False
    )
    assert report.created == 1
    assert any(f"{MAX_NOTE_CHARS:,} characters" in w for w in report.warnings)
    [row] = list_contacts()
    assert len(get_contact(row.id).notes) == MAX_NOTE_CHARS


def test_ring_cadences_and_netty_fields_are_honoured(db, now):
    settings.set_ring_cadence(3, 60, now)
    import_text(
        "vcard",
        vcf(
            "FN:Default Ring\r\n",
            "FN:Inner Circle\r\nX-NETTY-RING:1\r\nX-NETTY-CHANNEL:civic club\r\n",
            "FN:Own Cadence\r\nX-NETTY-CADENCE:7\r\nX-NETTY-STRENGTH:4\r\n",
            "FN:Bad Values\r\nX-NETTY-RING:9\r\nX-NETTY-CADENCE:0\r\n",
        ),
        now,
        backup=False,
    )
    people = {r.name: r for r in list_contacts()}
    assert people["Default Ring"].next_ping_at == now.add(days=60)
    assert people["Inner Circle"].next_ping_at == now.add(days=14)
    assert people["Inner Circle"].channel == "civic-club"
    assert people["Own Cadence"].next_ping_at == now.add(days=7)
    assert people["Bad Values"].ring == 3
    assert_denormalised_columns_as_services_compute_them(now)


def test_backup_is_taken_before_a_real_import_that_writes(db, now):
    text = "BEGIN:VCARD\r\nFN:Someone\r\nEND:VCARD\r\n"
    report = import_text("vcard", text, now)
    assert report.backup is not None and report.backup.exists()
    assert report.backup.name.endswith(".20261123-100000.before-import" + backup_suffix(db))
    assert oct(report.backup.stat().st_mode & 0o777) == "0o600"
    again = import_text("vcard", text, now)  # changes nothing: no backup needed
    assert again.backup is None


def test_an_import_is_one_transaction(db, now, monkeypatch: pytest.MonkeyPatch):
    from netty.services.importers import apply

    import_text("vcard", vcf("FN:Already Here\r\n"), now, backup=False)
    before = tables()

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(apply, "fix_sequences", boom)  # fails after every insert ran
    with pytest.raises(RuntimeError):
        import_text(
            "vcard",
            vcf("FN:New One\r\nEMAIL:new@one.example\r\nCATEGORIES:x\r\n"),
            now,
            backup=False,
        )
    assert tables() == before


class _Rollback(Exception):
    pass


def assert_denormalised_columns_as_services_compute_them(now):
    rows = {c.id: (c.search_text, c.next_ping_at) for c in Contact.select()}
    recomputed = {}
    try:
        with change("recompute, to compare, then roll back", pendulum.datetime(2026, 1, 1)):
            refresh_search_text(list(rows))
            recomputed = {c.id: (c.search_text, next_ping(c, now)) for c in Contact.select()}
            raise _Rollback
    except _Rollback:
        pass
    assert recomputed == rows


def test_bulk_linkedin_import_fills_columns_as_the_services_do(db, now):
    from tests.services.importers.make_linkedin import linkedin_csv

    report = import_text("linkedin", linkedin_csv(1500).decode("utf-8"), now, backup=False)
    assert report.created == 1500 and not report.skipped
    assert_denormalised_columns_as_services_compute_them(now)
    names = {c.name_key for c in Contact.select(Contact.name_key)}
    assert "zoe" in {key.split()[0] for key in names}  # "Zoë" folded like vocab.fold
    again = import_text("linkedin", linkedin_csv(1500).decode("utf-8"), now, backup=False)
    assert (again.created, again.merged, again.unchanged) == (0, 1500, 1500)
