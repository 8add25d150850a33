"""Each file in tests/fixtures/field-cases/ gives the result its README states.

The files are copies of ../shared/field-cases/ (address-book files as real
exporters write them); the README there states the right result of each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netty.db.models import (
    Address,
    Affiliation,
    Contact,
    ContactCard,
    ContactDate,
    ContactMethod,
    Handle,
    Organization,
)
from netty.services.contacts import get_contact, list_contacts
from netty.services.exporters import export
from netty.services.importers import import_file, import_text

CASES = Path(__file__).resolve().parents[2] / "fixtures" / "field-cases"


def case(name: str) -> Path:
    return CASES / name


def one(name: str) -> Contact:
    return Contact.get(Contact.name == name)


def dates(contact: Contact) -> list[tuple]:
    return [
        (d.kind, d.year, d.month, d.day, d.text)
        for d in ContactDate.select().where(ContactDate.contact == contact).order_by(ContactDate.id)
    ]


def methods(contact: Contact, kind: str) -> list[tuple[str, str]]:
    return [
        (m.value, m.label)
        for m in ContactMethod.select()
        .where((ContactMethod.contact == contact) & (ContactMethod.kind == kind))
        .order_by(ContactMethod.position)
    ]


def exported(now) -> str:
    return export("vcard", None, now).text


def test_birthdays_without_year(db, now) -> None:
    report = import_file("vcard", case("birthdays-without-year.vcf"), now, backup=False)
    assert (report.created, report.skipped) == (3, ())
    assert dates(one("Mara Lindqvist")) == [("BDAY", None, 3, 15, "")]  # never 1604
    assert dates(one("Tunde Okafor")) == [("BDAY", None, 7, 4, "")]
    assert dates(one("Ines Duarte")) == [("BDAY", None, None, None, "circa 1960")]
    text = exported(now)
    assert "BDAY:--0315\r\n" in text
    assert "BDAY:--0704\r\n" in text
    assert "BDAY;VALUE=text:circa 1960\r\n" in text
    assert "1604" not in text


def test_several_values_per_property(db, now) -> None:
    report = import_file("vcard", case("several-values-per-property.vcf"), now, backup=False)
    assert report.created == 1
    # what netty cannot keep is named, never dropped silently
    assert report.warnings == ("record 1: not kept (netty has no place for them): GEO, TZ",)
    jonas = one("Dr. Jonas Brandt Jr.")
    view = get_contact(jonas.id)
    assert (view.organization, view.title) == ("Northwind Labs", "Lab Manager")
    card = ContactCard.get(ContactCard.contact == jonas)
    assert (card.prefix, card.given, card.additional, card.family, card.suffix) == (
        "Dr.",
        "Jonas",
        "Peter",
        "Brandt",
        "Jr.",
    )
    assert (card.nicknames, card.unit, card.role) == ("Jo\nJB", "Research", "CTO")
    assert jonas.uid == "c02-multi-0001"
    [aff] = Affiliation.select().where(Affiliation.contact == jonas)
    assert (Organization.get_by_id(aff.organization_id).name, aff.title) == (
        "Tailspin Toys",
        "Board Advisor",
    )
    addresses = [
        (a.label, a.extended, a.street, a.locality, a.postal_code, a.country)
        for a in Address.select().where(Address.contact == jonas).order_by(Address.position)
    ]
    assert addresses == [
        ("work", "Suite 4", "12 Harbour Road", "Portsmouth", "PO1 2AB", "UK"),
        ("home", "", "7 Elm Close", "Winchester", "SO23 9AA", "UK"),
        ("warehouse", "", "1 Depot Lane", "Southampton", "SO14 3XX", "UK"),
    ]
    handles = [
        (h.kind, h.service, h.value)
        for h in Handle.select().where(Handle.contact == jonas).order_by(Handle.position)
    ]
    assert handles == [
        ("impp", "xmpp", "jonas@chat.example.com"),  # IMPP and X-JABBER: one handle
        ("impp", "skype", "jonas.brandt.example"),
        ("social", "twitter", "@jonas_example"),
        ("social", "twitter", "https://twitter.com/jonas_example"),
    ]
    assert view.linkedin == "https://www.linkedin.com/in/jonas-brandt-example"
    assert view.notes == "first note\nsecond line\n\nanother note"
    assert view.tags == ("chemistry", "mentors", "uk")
    assert dates(jonas) == [("BDAY", 1979, 5, 2, ""), ("ANNIVERSARY", 2005, 9, 10, "")]
    text = exported(now)
    for line in (
        "UID:c02-multi-0001",
        "N:Brandt;Jonas;Peter;Dr.;Jr.",
        "NICKNAME:Jo",
        "NICKNAME:JB",
        "ORG:Northwind Labs;Research",
        "TITLE:Lab Manager",
        "ROLE:CTO",
        "org1.ORG:Tailspin Toys",
        "org1.TITLE:Board Advisor",
        "ADR;TYPE=work:;Suite 4;12 Harbour Road;Portsmouth;;PO1 2AB;UK",
        "ADR;TYPE=home:;;7 Elm Close;Winchester;;SO23 9AA;UK",
        "item2.ADR:;;1 Depot Lane;Southampton;;SO14 3XX;UK",
        "item2.X-ABLabel:warehouse",
        "IMPP;X-SERVICE-TYPE=xmpp:xmpp:jonas@chat.example.com",
        "IMPP;X-SERVICE-TYPE=skype:skype:jonas.brandt.example",
        "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/jonas_example",
        "BDAY:1979-05-02",
        "ANNIVERSARY:2005-09-10",
        "CATEGORIES:chemistry,mentors,uk",
    ):
        assert line + "\r\n" in text, line


def test_type_lists_with_commas(db, now) -> None:
    import_file("vcard", case("type-lists-with-commas.vcf"), now, backup=False)
    katrin = one("Katrin Vogel")
    assert methods(katrin, "phone") == [("+49 30 5550 1234", "cell"), ("+49 30 5550 9876", "work")]
    assert methods(katrin, "email") == [("katrin@example.com", "home")]  # preferred: first
    text = exported(now)
    assert "TEL;TYPE=cell:+49 30 5550 1234\r\n" in text
    assert "TEL;TYPE=work:+49 30 5550 9876\r\n" in text
    assert "EMAIL;TYPE=INTERNET;TYPE=home:katrin@example.com\r\n" in text
    assert "voice\\ " not in text and "X-ABLabel" not in text


def test_preferred_email_comes_first(db, now) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pia\r\nEMAIL;TYPE=work:a@example.com\r\n"
        "EMAIL;TYPE=home,pref:b@example.com\r\nEND:VCARD\r\n"
    )
    import_text("vcard", card, now, backup=False)
    assert methods(one("Pia"), "email") == [("b@example.com", "home"), ("a@example.com", "work")]


def test_thunderbird_csv(db, now) -> None:
    report = import_file("csv", case("thunderbird-address-book.csv"), now, backup=False)
    assert report.source == "Thunderbird CSV"
    helga = one("Helga Moreno")
    view = get_contact(helga.id)
    assert view.emails == ("helga@example.com", "h.moreno@example.org")
    assert methods(helga, "phone") == [
        ("555-0101", "work"),
        ("555-0102", "home"),
        ("555-0103", "cell"),
    ]
    assert (view.organization, view.title) == ("Acme Widgets", "Buyer")
    assert ContactCard.get(ContactCard.contact == helga).nicknames == "Hel"
    assert ContactCard.get(ContactCard.contact == helga).unit == "Procurement"
    [work] = Address.select().where(Address.contact == helga)
    assert (work.label, work.street, work.locality, work.postal_code, work.country) == (
        "work",
        "1 Quay St",
        "Bristol",
        "BS1 4AA",
        "UK",
    )
    assert view.urls == ("https://example.com/helga",)
    assert dates(helga) == [("BDAY", 1985, 4, 12, "")]
    assert view.notes == "Met at trade fair"


def test_two_files_joined_with_a_bom_inside(db, now) -> None:
    report = import_file("vcard", case("two-files-joined-bom-inside.vcf"), now, backup=False)
    assert (report.created, report.skipped) == (2, ())
    assert [c.name for c in list_contacts()] == ["Kari Hansen", "Ola Nordmann"]


def test_a_card_that_cannot_be_read_has_a_line_in_the_report(db, now) -> None:
    text = case("two-files-joined-bom-inside.vcf").read_text("utf-8-sig")
    broken = text.replace("FN:Kari Hansen", "FN Kari Hansen")
    report = import_text("vcard", broken, now, backup=False)
    assert report.created == 1
    [skip] = report.skipped
    assert skip["record"] == 2 and "damaged card" in skip["reason"]


def test_same_uid_newer_updates_the_one_contact(db, now) -> None:
    import_file("vcard", case("same-uid-older.vcf"), now, backup=False)
    report = import_file("vcard", case("same-uid-newer.vcf"), now, backup=False)
    assert (report.created, report.merged) == (0, 1)
    [tomasz] = Contact.select()
    assert tomasz.uid == "urn:uuid:6a1d6a1d-1111-4aaa-8bbb-000000000015"
    view = get_contact(tomasz.id)
    assert view.emails == ("tomasz@old.example.com", "tomasz@new.example.com")
    assert view.phones == ("+48 555 010 015",)
    assert "UID:urn:uuid:6a1d6a1d-1111-4aaa-8bbb-000000000015\r\n" in exported(now)


def _card(rev: str, title: str, email: str) -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u-1\r\nFN:Sam Lee\r\n"
        f"TITLE:{title}\r\nEMAIL:{email}\r\nREV:{rev}\r\nEND:VCARD\r\n"
    )


def test_uid_matches_even_when_nothing_else_does(db, now) -> None:
    import_text("vcard", _card("20240101T000000Z", "Engineer", "a@example.com"), now, backup=False)
    other = _card("20240101T000000Z", "Engineer", "b@example.com").replace("Sam Lee", "Samuel")
    report = import_text("vcard", other, now, backup=False)
    assert (report.created, report.merged) == (0, 1)
    assert get_contact(one("Sam Lee").id).emails == ("a@example.com", "b@example.com")


def test_a_newer_card_wins_per_field_and_an_older_never(db, now) -> None:
    import_text("vcard", _card("20240101T000000Z", "Engineer", "a@example.com"), now, backup=False)
    report = import_text(
        "vcard", _card("20250101T000000Z", "CTO", "a@example.com"), now, backup=False
    )
    assert get_contact(one("Sam Lee").id).title == "CTO"
    assert any("'Engineer' replaced by 'CTO' (a newer card)" in w for w in report.warnings)
    report = import_text(
        "vcard", _card("20230101T000000Z", "Intern", "a@example.com"), now, backup=False
    )
    assert get_contact(one("Sam Lee").id).title == "CTO"
    assert any("keeps the title 'CTO'; the file says 'Intern'" in w for w in report.warnings)


def test_reimporting_netty_export_into_the_same_database_matches_by_uid(db, now, tmp_path) -> None:
    import_file("vcard", case("birthdays-without-year.vcf"), now, backup=False)
    target = tmp_path / "out.vcf"
    export("vcard", target, now)
    report = import_file("vcard", target, now, backup=False)
    assert (report.created, report.merged, report.unchanged) == (0, 3, 0)  # UIDs stored now
    again = import_file("vcard", target, now, backup=False)
    assert (again.created, again.merged, again.unchanged) == (0, 3, 3)
    assert Contact.select().where(Contact.uid.is_null()).count() == 0


@pytest.mark.parametrize(
    "name", sorted(p.name for p in CASES.iterdir() if p.suffix in (".vcf", ".csv"))
)
def test_every_field_case_imports_twice_without_change(db, now, name: str) -> None:
    fmt = "csv" if name.endswith(".csv") else "vcard"
    first = import_file(fmt, case(name), now, backup=False)
    again = import_file(fmt, case(name), now, backup=False)
    assert (again.created, again.unchanged) == (0, again.merged)
    assert again.merged == first.created


def test_export_writes_nothing(db, now) -> None:
    from netty.db.models import Change

    import_file("vcard", case("birthdays-without-year.vcf"), now, backup=False)
    changes = Change.select().count()
    first, second = exported(now), exported(now)
    assert first == second  # the derived UIDs are stable
    assert Change.select().count() == changes
    assert Contact.select().where(Contact.uid.is_null(False)).count() == 0


def test_older_messaging_properties_and_gender(db, now) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Park\r\nX-AIM:leepark\r\nX-ICQ:12345\r\n"
        "IMPP;X-SERVICE-TYPE=Jabber;TYPE=work:xmpp:lee@chat.example\r\nX-JABBER:lee@chat.example\r\n"
        "GENDER:F;she/her\r\nEND:VCARD\r\n"
    )
    report = import_text("vcard", card, now, backup=False)
    assert report.warnings == ()
    lee = one("Lee Park")
    handles = [(h.kind, h.service, h.value, h.label) for h in Handle.select().order_by(Handle.id)]
    assert handles == [
        ("impp", "aim", "leepark", ""),
        ("impp", "icq", "12345", ""),
        ("impp", "xmpp", "lee@chat.example", "work"),
    ]
    stored = ContactCard.get(ContactCard.contact == lee)
    assert (stored.gender, stored.gender_text) == ("F", "she/her")
    text = exported(now)
    assert "IMPP;X-SERVICE-TYPE=aim:aim:leepark\r\n" in text
    assert "GENDER:F;she/her\r\n" in text


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        ("First Name,Last Name,E-mail Address,Birthday,Anniversary",
         "Ann,Lee,ann@example.com,4/12/1985,0/0/00", [("BDAY", 1985, 4, 12, "")]),
        ("First Name,Last Name,Labels,Birthday,E-mail 1 - Value",
         "Ann,Lee,,--04-12,ann@example.com", [("BDAY", None, 4, 12, "")]),
    ],
    ids=["outlook", "google"],
)  # fmt: skip
def test_csv_birthdays_go_to_the_card(db, now, header: str, row: str, expected) -> None:
    import_text("csv", f"{header}\r\n{row}\r\n", now, backup=False)
    ann = one("Ann Lee")
    assert dates(ann) == expected
    assert ann.details == ""


def test_merging_two_contacts_moves_the_card(db, now) -> None:
    from netty.services.duplicates import merge_contacts

    import_file("vcard", case("several-values-per-property.vcf"), now, backup=False)
    keep = add_plain("Jonas Brandt", now)
    other = one("Dr. Jonas Brandt Jr.")
    result = merge_contacts(keep, other.id, now, backup=False)
    assert result.moved["addresses"] == 3 and result.moved["handles"] == 4
    assert result.moved["dates"] == 2 and result.moved["affiliations"] == 1
    assert Contact.get_by_id(keep).uid == "c02-multi-0001"
    assert Contact.get_by_id(other.id).uid is None
    assert ContactCard.get(ContactCard.contact == keep).nicknames == "Jo\nJB"


def add_plain(name: str, now) -> int:
    from netty.services.contacts import ContactFields, add_contact

    return add_contact(ContactFields(name=name), now).id
