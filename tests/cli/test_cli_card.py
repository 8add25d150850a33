"""The whole card through the CLI: import, `netty show`, export, and netty's CSV read back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from netty.services.card import contact_card
from tests.services.importers.test_field_cases import CASES


def test_show_has_the_card_fields(netty) -> None:
    netty("import", "vcard", CASES / "several-values-per-property.vcf")
    out = netty("show", "jonas").out
    for line in (
        "full name: Dr. Jonas Peter Brandt Jr.",
        "nicknames: Jo, JB",
        "unit, role: Research, CTO",
        "also: Board Advisor at Tailspin Toys",
        "work: Suite 4, 12 Harbour Road, Portsmouth, PO1 2AB, UK",
        "warehouse: 1 Depot Lane, Southampton, SO14 3XX, UK",
        "xmpp: jonas@chat.example.com",
        "skype: jonas.brandt.example",
        "birthday: 2 May 1979",
        "anniversary: 10 September 2005",
    ):
        assert line in out, line
    card = netty("show", "jonas", "--json").json["card"]
    assert card["nicknames"] == ["Jo", "JB"]
    assert card["birthday"] == "2 May 1979"
    assert card["addresses"][2] == ["warehouse", "1 Depot Lane, Southampton, SO14 3XX, UK"]


def test_year_less_and_text_birthdays_are_shown_as_they_are(netty) -> None:
    netty("import", "vcard", CASES / "birthdays-without-year.vcf")
    assert "birthday: 15 March\n" in netty("show", "mara").out
    assert "birthday: circa 1960\n" in netty("show", "ines").out


def test_the_contact_card_shows_addresses_handles_and_dates(netty, dbfile: Path, now) -> None:
    netty("import", "vcard", CASES / "several-values-per-property.vcf")
    from netty.db import close_database, open_database

    open_database(dbfile, now)
    try:
        card = contact_card(1, now)
    finally:
        close_database()
    reach = {(line.label, line.text) for line in card.section("Reach").lines}
    assert ("home", "7 Elm Close, Winchester, SO23 9AA, UK") in reach
    assert ("xmpp", "jonas@chat.example.com") in reach
    who = {(line.label, line.text) for line in card.section("Who").lines}
    assert ("nicknames", "Jo, JB") in who
    assert ("birthday", "2 May 1979") in who


def test_netty_csv_export_is_read_back_without_map(netty, tmp_path: Path) -> None:
    netty("add", "Sally Jones", "--email", "sally@xyz.example", "--phone", "+1 503 555 0142")
    netty("import", "vcard", CASES / "several-values-per-property.vcf")
    target = tmp_path / "out.csv"
    netty("export", "csv", "-o", target)
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert rows[1]["phones"] == "'+1 503 555 0142"  # the spreadsheet guard on export
    other = tmp_path / "other.db"
    result = netty("import", "csv", target, db=other)
    assert "(netty CSV): 2 created" in result.out
    shown = netty("show", "sally", "--json", db=other).json
    assert shown["phones"] == ["+1 503 555 0142"]  # the guard is undone: the + is kept
    again = tmp_path / "again.csv"
    netty("export", "csv", "-o", again, db=other)
    first = [r[1:] for r in csv.reader(io.StringIO(target.read_text("utf-8-sig")))]
    second = [r[1:] for r in csv.reader(io.StringIO(again.read_text("utf-8-sig")))]
    assert second == first  # everything but the ids


def test_thunderbird_csv_is_not_taken_for_outlook(netty) -> None:
    out = netty("import", "csv", CASES / "thunderbird-address-book.csv").out
    assert "(Thunderbird CSV): 1 created" in out
    shown = netty("show", "helga", "--json").json
    assert shown["emails"] == ["helga@example.com", "h.moreno@example.org"]


def test_edit_nicknames(netty) -> None:
    netty("add", "Sally Jones")
    netty("edit", "sally", "--nickname", "Sal", "--nickname", "SJ")
    assert "nicknames: Sal, SJ\n" in netty("show", "sally").out
    netty("edit", "sally", "--remove-nickname", "SJ", "--title", "VP")
    out = netty("show", "sally").out
    assert "nicknames: Sal\n" in out and "works: VP" in out
    history = netty("history", "--json").json
    assert [h["label"] for h in history[:2]] == ["edited a contact", "edited a contact"]
    netty("undo")  # the nickname and the title were one change
    out = netty("show", "sally").out
    assert "nicknames: Sal, SJ\n" in out and "works: VP" not in out
