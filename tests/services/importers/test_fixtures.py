r"""Every fixture file imports with exactly the counts it should, and a second import changes nothing.

The files in tests/fixtures/import are byte-exact (``.gitattributes`` marks them
binary so no checkout rewrites their line endings or encodings):

- ``linkedin_connections.csv``: LinkedIn's current export, notes before the
  header, mostly empty emails, ``14 Mar 2024`` dates and a ``09 Sept 2015``; a
  row without names, an empty row, the same profile again with ``?trk=`` and
  another case, an unparsable date, bidi overrides, a bell and a tab in cells,
  and two different Bob Smiths.
- ``linkedin_old_bom.csv``: an older export, UTF-8 BOM, header on line 1, CRLF.
- ``vcard21_android.vcf``: vCard 2.1, quoted-printable with soft line breaks,
  ``CHARSET=UTF-8`` and ``ISO-8859-1``, bare types (``TEL;HOME;VOICE``), a
  phone-only card and an email-only card.
- ``vcard30_apple.vcf``: Apple's 3.0, ``item1.EMAIL`` groups with
  ``X-ABLabel``, folded lines, a base64 photo, ``\,`` ``\;`` ``\n`` ``\\``
  escapes, ``https\://``, a company card, a group card, a note-only card.
- ``vcard40.vcf``: 4.0 ``KIND`` individual/org/group, ``ALTID`` names,
  ``VALUE=uri`` phones and URLs, the same person twice (merged by email).
- ``vcard_damaged.vcf``: good cards around a card with a broken line, a card
  without ``END:VCARD`` and a file cut off mid-card (LF line endings).
- ``google_current.csv`` / ``google_older.csv``: Google Contacts' two header
  layouts with `` ::: `` lists, labels, an empty row, a phone-only row, an
  organization-only row and a 12,000-character note.
- ``outlook.csv``: Outlook's full header, every cell quoted, ``0/0/00``
  birthdays, ``;``-separated categories, an invalid email.
- ``outlook_utf16.txt``: Excel's "Unicode text": UTF-16 LE with BOM, tabs.
- ``google_cp1252.csv``: a legacy Windows-1252 file (``€``, accents).
- ``members.csv``: a club's list with semicolons, imported with ``--map``.
- refused: ``linkedin_export.zip`` (the ZIP LinkedIn sends), ``photo.png``,
  ``random.bin``, ``bank_statement.csv`` (a CSV that is not contacts).
"""

from __future__ import annotations

import pytest

from netty.db.models import ContactCard, ContactDate
from netty.errors import InvalidInput
from netty.services.contacts import get_contact, list_contacts
from netty.services.importers import import_file
from tests.cli.helpers import backups_of
from tests.services.importers.helpers import fixture, tables

# (format, file, --map, created, merged, skipped records, warnings, possible duplicates)
ACCEPTED = [
    ("linkedin", "linkedin_connections.csv", None, 7, 1, [4], 1, 1),
    ("linkedin", "linkedin_old_bom.csv", None, 2, 0, [], 0, 0),
    ("csv", "linkedin_connections.csv", None, 7, 1, [4], 1, 1),  # recognised by its header
    ("vcard", "vcard21_android.vcf", None, 4, 0, [3], 0, 0),
    ("vcard", "vcard30_apple.vcf", None, 3, 0, [3, 5], 1, 0),
    ("vcard", "vcard40.vcf", None, 2, 1, [3], 0, 0),
    ("vcard", "vcard_damaged.vcf", None, 3, 0, [2, 4, 6], 0, 0),
    ("csv", "google_current.csv", None, 4, 0, [3], 1, 0),
    ("csv", "google_older.csv", None, 3, 0, [], 0, 0),
    ("csv", "outlook.csv", None, 3, 0, [], 1, 0),
    ("csv", "outlook_utf16.txt", None, 2, 0, [], 0, 0),
    ("csv", "google_cp1252.csv", None, 2, 0, [], 1, 0),
    ("csv", "members.csv", "name=Full Name,email=E-mail,phone=Mobile,org=Employer,tags=Interests",
     3, 0, [], 0, 0),
]  # fmt: skip
REFUSED = [
    ("linkedin", "linkedin_export.zip", None, "unzip it first"),
    ("vcard", "linkedin_export.zip", None, "ZIP archive"),
    ("csv", "photo.png", None, "PNG image"),
    ("vcard", "random.bin", None, "binary file"),
    ("csv", "bank_statement.csv", None, "not a contacts export"),
    ("csv", "members.csv", None, "--map"),
    ("csv", "members.csv", "name=Nickname", "no column 'Nickname'"),
    ("csv", "members.csv", "colour=Full Name", "unknown field 'colour'"),
    ("csv", "members.csv", "phone=Mobile", "at least one of"),
    ("linkedin", "google_current.csv", None, "not a LinkedIn Connections.csv"),
    ("linkedin", "vcard40.vcf", None, "not a LinkedIn Connections.csv"),
    ("vcard", "outlook.csv", None, "not a vCard file"),
    ("csv", "vcard30_apple.vcf", None, "vCard file"),
    ("json", "outlook_utf16.txt", None, "not valid JSON"),
    ("vcard", "no-such-file.vcf", None, "no file"),
]


def ids(params):
    return [f"{p[0]}-{p[1]}" + ("-map" if p[2] else "") for p in params]


@pytest.mark.parametrize(
    ("fmt", "name", "mapping", "created", "merged", "skipped", "warnings", "dups"),
    ACCEPTED,
    ids=ids(ACCEPTED),
)
def test_fixture_counts_and_second_import_changes_nothing(
    db, now, fmt, name, mapping, created, merged, skipped, warnings, dups
):
    report = import_file(fmt, fixture(name), now, mapping=mapping, backup=False)
    assert (report.created, report.merged) == (created, merged), report
    assert [s["record"] for s in report.skipped] == skipped, report.skipped
    assert len(report.warnings) == warnings, report.warnings
    assert len(report.possible_duplicates) == dups, report.possible_duplicates
    assert len(list_contacts()) == created

    before = tables()
    again = import_file(fmt, fixture(name), now.add(days=3), mapping=mapping, backup=False)
    assert again.created == 0
    assert again.merged == created + merged
    assert again.unchanged == created + merged
    assert [s["record"] for s in again.skipped] == skipped
    assert again.possible_duplicates == ()
    assert tables() == before  # row for row, updated_at included


@pytest.mark.parametrize(("fmt", "name", "mapping", "says"), REFUSED, ids=ids(REFUSED))
def test_refused_files_change_nothing(db, now, fmt, name, mapping, says):
    import_file("linkedin", fixture("linkedin_old_bom.csv"), now, backup=False)
    before = tables()
    with pytest.raises(InvalidInput) as err:
        import_file(fmt, fixture(name), now, mapping=mapping, backup=False)
    assert says.lower() in str(err.value).lower()
    assert "\n" not in str(err.value)
    assert tables() == before


@pytest.mark.parametrize(
    ("fmt", "name", "mapping", "created", "merged", "skipped", "warnings", "dups"),
    ACCEPTED[:6],
    ids=ids(ACCEPTED[:6]),
)
def test_dry_run_reports_the_same_and_writes_nothing(
    db, now, fmt, name, mapping, created, merged, skipped, warnings, dups
):
    before = tables()
    dry = import_file(fmt, fixture(name), now, mapping=mapping, dry_run=True)
    assert tables() == before
    assert not list(backups_of(db).glob("*.before-*"))  # no backup for a dry run
    real = import_file(fmt, fixture(name), now, mapping=mapping)
    assert dry.as_json() == real.as_json()
    assert dry.dry_run and not real.dry_run


def by_name():
    return {row.name: get_contact(row.id) for row in list_contacts()}


def test_linkedin_fields(db, now):
    import_file("linkedin", fixture("linkedin_connections.csv"), now, backup=False)
    people = by_name()
    sally = people["Sally Jones"]
    assert (sally.organization, sally.title) == ("XYZ Corp", "VP Engineering")
    assert sally.linkedin == "https://www.linkedin.com/in/sallyjones"
    assert sally.urls == ("https://www.linkedin.com/in/sallyjones",)  # the ?trk= copy merged
    assert sally.connected_at.to_date_string() == "2024-03-14"
    assert (sally.ring, sally.channel, sally.emails) == (3, "online", ())
    assert sally.next_ping_at == now.add(days=90)
    assert (sally.created_at, sally.updated_at) == (now, now)
    assert people["Zoë Müller"].emails == ("zoe@acme.example",)
    assert people["Ana López"].title == 'Head of "Growth"'
    assert people["Kenji Sato"].connected_at is None
    eve = people["Eve Evil"]  # bidi overrides, a bell and a tab cleaned away
    assert (eve.organization, eve.title) == ("Initech", "Analyst II")
    assert [c.organization for c in list_contacts(search="bob smith")] == [
        "Globex, Inc.",
        "Initech",
    ]


def test_vcard_21_quoted_printable_and_charsets(db, now):
    import_file("vcard", fixture("vcard21_android.vcf"), now, backup=False)
    people = by_name()
    jorg = people["Jörg Müller"]
    assert jorg.organization == "Bäckerei"
    assert jorg.phones == ("+49 30 1234567", "+49 170 7654321")
    assert jorg.notes == (
        "Met at the Rotary breakfast.\nHe bakes the best Brötchen in town and wants an intro "
        "to a café owner."
    )
    assert people["François Dupont"].location == "Rue de l'Église 3, Paris, 75001, France"
    assert people["Dr. Amara Okafor-Adeyemi"].phones == ("+234 1 555 0100",)
    assert people["info@bakery.example"].emails == ("info@bakery.example",)


def test_vcard_30_apple(db, now):
    import_file("vcard", fixture("vcard30_apple.vcf"), now, backup=False)
    people = by_name()
    jane = people["Jane Appleseed"]
    assert jane.organization == "Apple Orchard, Inc."
    assert jane.emails == ("jane@orchard.example", "jane.home@example.com")
    assert jane.linkedin == "https://www.linkedin.com/in/janeappleseed"
    assert len(jane.urls) == 1  # the X-SOCIALPROFILE copy is the same profile
    assert jane.tags == ("design-leaders", "friends")
    assert jane.notes == (
        "Two kids (Max, 7; Ida, 4).\nLoves sourdough, hates small talk.\n"
        "Path: C:\\netty\\notes — ask about the orchard mentoring programme she runs every spring."
    )
    assert jane.details == ""  # the birthday and department have their own places now
    card = ContactCard.get(ContactCard.contact == jane.id)
    assert card.unit == "Research"
    [bday] = ContactDate.select().where(ContactDate.contact == jane.id)
    assert (bday.kind, bday.year, bday.month, bday.day) == ("BDAY", 1984, 7, 2)
    from netty.db.models import ContactMethod

    labels = [m.label for m in ContactMethod.select().where(ContactMethod.contact == jane.id)]
    assert sorted(labels) == ["cell", "homepage", "personal", "work"]
    bakery = people["Acme Bakery"]
    assert bakery.organization == "Acme Bakery"  # an organization-only contact
    assert "Book Club" not in people


def test_vcard_40(db, now):
    import_file("vcard", fixture("vcard40.vcf"), now, backup=False)
    people = by_name()
    jun = people["Jun Tanaka"]  # the first of the ALTID alternatives
    assert jun.phones == ("+81-90-1234-5678", "+81-3-5555-0000")  # tel: dropped, merged by email
    assert jun.emails == ("jun@tanaka.example",)
    assert people["Kaisha K.K."].organization == "Kaisha K.K."
    assert "Tokyo design friends" not in people


def test_csv_layouts(db, now):
    import_file("csv", fixture("google_current.csv"), now, backup=False)
    import_file("csv", fixture("google_older.csv"), now, backup=False)
    import_file("csv", fixture("outlook.csv"), now, backup=False)
    people = by_name()
    sally = people["Sally Jones"]
    assert sally.emails == ("sally@xyz.example", "Sally.Jones@gmail.example")
    assert sally.tags == ("mentors", "starred")
    assert people["Dr. Amara Okafor"].location == "12 Harbor Rd Boston, MA 02110 USA"
    assert len(people["Long Notes"].notes) == 10_000
    assert people["Bob Smith"].emails == ("bob@globex.example", "bob@home.example")
    assert people["Priya Patel"].phones == ("+91 98765 43210", "+91 22 5555 0101")
    john = people["Mr. John Doe"]
    assert (john.organization, john.title, john.tags) == (
        "Contoso",
        "Operations Manager",
        ("clients", "vip"),
    )
    assert john.phones == ("+1 (425) 555-0123", "+1 (425) 555-0100")
    assert "Birthday" not in john.details  # Outlook's 0/0/00 means none
    assert people["Contoso Ltd"].organization == "Contoso Ltd"


def test_encodings(db, now):
    import_file("csv", fixture("outlook_utf16.txt"), now, backup=False)
    report = import_file("csv", fixture("google_cp1252.csv"), now, backup=False)
    assert "Windows-1252" in report.warnings[0]
    people = by_name()
    assert people["Łukasz Nowak"].organization == "Granite Bank"
    assert people["José Núñez"].notes == "Owes me 20 € and a coffee"
    assert people["José Núñez"].organization == "Café Olé"
