"""Round trips of the whole card, checked by tools that are not ours.

Every file in tests/fixtures/import/ and tests/fixtures/field-cases/ is imported,
plus a contact with every netty-specific field and a past affiliation. Then:

- netty -> vCard -> netty and netty -> CSV -> netty give the same dump;
- ``vobject`` reads netty's vCard export field by field;
- khard (``khard show --format yaml`` / ``khard list`` run as a subprocess on a
  vdir of netty's cards, HOME and XDG folders in tmp_path) shows the same fields.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pendulum
import pytest

from netty.db import close_database, open_database
from netty.db.models import (
    Address,
    Affiliation,
    Contact,
    ContactCard,
    ContactDate,
    ContactMethod,
    ContactTag,
    Handle,
    Organization,
    Tag,
)
from netty.errors import InvalidInput
from netty.services import settings
from netty.services.cardfields import derived_uid
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact
from netty.services.exporters import export
from netty.services.importers import import_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAP = "name=Full Name,email=E-mail,phone=Mobile,org=Employer,tags=Interests"
REFUSED = {"linkedin_export.zip", "photo.png", "random.bin", "bank_statement.csv"}


def import_everything(now: pendulum.DateTime) -> None:
    """Every fixture file a contacts file (the refused ones hold none), and one full contact."""
    for path in sorted((FIXTURES / "import").iterdir()):
        if path.name.startswith("linkedin_") and path.suffix == ".csv":
            fmt, mapping = "linkedin", None
        elif path.suffix == ".vcf":
            fmt, mapping = "vcard", None
        else:
            fmt, mapping = "csv", MAP if path.name == "members.csv" else None
        try:
            import_file(fmt, path, now, mapping=mapping, backup=False)
        except InvalidInput:
            assert path.name in REFUSED, path.name
    for path in sorted((FIXTURES / "field-cases").iterdir()):
        if path.suffix in (".vcf", ".csv"):
            fmt = "vcard" if path.suffix == ".vcf" else "csv"
            import_file(fmt, path, now, backup=False)
    view = add_contact(
        ContactFields(
            name="Anneke van der Berg",
            organization="Leiden University",
            title="Professor",
            emails=["anneke@example.nl"],
            phones=["+31 71 555 0100"],
            location="Leiden",
            ring=1,
            channel="professional association",
            how_met="a conference; she spoke",
            details="two cats",
            cadence_days=30,
            strength=5,
            tags=["academia"],
        ),
        now,
    )
    with change("card fields", now):
        org = Organization.get(Organization.name == "Leiden University")
        ContactCard.create(
            contact=view.id,
            prefix="Prof.",
            given="Anneke",
            additional="Maria",
            family="van der Berg",
            suffix="PhD",
            nicknames="Ank",
            gender="F",
            gender_text="woman",
            role="Dean",
        )
        Affiliation.create(
            contact=view.id,
            organization=org,
            title="Lecturer",
            is_current=False,
            start_year=2001,
            end_year=2010,
        )
        ContactDate.create(contact=view.id, kind="ANNIVERSARY", year=None, month=6, day=1)


def dump() -> dict[str, dict[str, Any]]:
    """What the user has, keyed by each contact's UID (stored, else the one export derives)."""
    dbid = settings.get(settings.DATABASE_ID)
    orgs = {o.id: o.name for o in Organization.select()}
    tags = {t.id: t.name for t in Tag.select()}
    out: dict[str, dict[str, Any]] = {}
    skip = {"id", "organization", "uid", "introduced_by", "met_at_event"}
    for c in Contact.select():
        uid = c.uid or derived_uid(dbid, c.id)
        row = {f: getattr(c, f) for f in c._meta.fields if f not in skip}
        row["organization"] = orgs.get(c.organization_id)
        row["methods"] = sorted(
            (m.kind, m.value, m.label, m.position)
            for m in ContactMethod.select().where(ContactMethod.contact == c.id)
        )
        row["tags"] = sorted(
            tags[t.tag_id] for t in ContactTag.select().where(ContactTag.contact == c.id)
        )
        card = ContactCard.get_or_none(ContactCard.contact == c.id)
        fields = [f for f in ContactCard._meta.fields if f not in ("id", "contact", "rev")]
        values = {f: getattr(card, f) for f in fields} if card else {}
        row["card"] = values if any(values.values()) else None  # a row holding only a REV
        row["addresses"] = [
            tuple(getattr(a, f) for f in Address._meta.fields if f not in ("id", "contact"))
            for a in Address.select().where(Address.contact == c.id).order_by(Address.position)
        ]
        row["handles"] = [
            (h.kind, h.service, h.value, h.label, h.position)
            for h in Handle.select().where(Handle.contact == c.id).order_by(Handle.position)
        ]
        row["dates"] = sorted(
            (d.kind, d.year, d.month, d.day, d.text)
            for d in ContactDate.select().where(ContactDate.contact == c.id)
        )
        row["affiliations"] = [
            (orgs.get(a.organization_id), a.unit, a.title, a.role, a.is_current, a.start_year,
             a.end_year)
            for a in Affiliation.select().where(Affiliation.contact == c.id).order_by(Affiliation.id)
        ]  # fmt: skip
        out[uid] = row
    return out


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> dict[str, Any]:
    """The database with everything imported, its dump and its vCard and CSV exports."""
    folder = tmp_path_factory.mktemp("network")
    now = pendulum.parse("2026-11-23T10:00:00+00:00")
    open_database(folder / "netty.db", now)
    try:
        import_everything(now)
        vcf = folder / "contacts.vcf"
        csv = folder / "contacts.csv"
        export("vcard", vcf, now)
        export("csv", csv, now)
        before = dump()  # after the export made this database's id
    finally:
        close_database()
    return {"dump": before, "vcf": vcf, "csv": csv, "now": now, "folder": folder}


@pytest.mark.parametrize("fmt", ["vcard", "csv"])
def test_netty_to_file_to_netty_is_identical(network, tmp_path: Path, fmt: str) -> None:
    now = network["now"]
    open_database(tmp_path / "fresh.db", now)
    try:
        report = import_file(fmt, network["vcf" if fmt == "vcard" else "csv"], now, backup=False)
        assert (report.created, report.skipped, report.warnings) == (len(network["dump"]), (), ())
        after = dump()
    finally:
        close_database()
    before = network["dump"]
    assert sorted(after) == sorted(before)
    for uid, row in before.items():
        assert after[uid] == row, row["name"]


def test_the_full_contact_is_in_the_export(network) -> None:
    text = network["vcf"].read_text("utf-8")
    for line in (
        "N:van der Berg;Anneke;Maria;Prof.;PhD",  # not the display name jammed in
        "FN:Anneke van der Berg",
        "NICKNAME:Ank",
        "ORG:Leiden University",
        "TITLE:Professor",
        "ROLE:Dean",
        "TITLE:Lecturer",
        "X-NETTY-AFFILIATION:past;2001;2010",
        "ANNIVERSARY:--0601",
        "GENDER:F;woman",
        "X-NETTY-RING:1",
        "X-NETTY-CADENCE:30",
        "X-NETTY-STRENGTH:5",
        "X-NETTY-CHANNEL:professional-association",
    ):
        assert line in text, line


# ------------------------------------------------------------------ vobject


def _cards_by_uid(path: Path) -> dict[str, Any]:
    vobject = pytest.importorskip("vobject")
    cards = list(vobject.readComponents(path.read_text("utf-8")))
    return {c.uid.value: c for c in cards}


def _values(card, name: str) -> list:
    return [p.value for p in card.contents.get(name, [])]


def test_vobject_reads_the_export_field_by_field(network) -> None:
    cards = _cards_by_uid(network["vcf"])
    before = network["dump"]
    assert sorted(cards) == sorted(before)
    for uid, row in before.items():
        card = cards[uid]
        assert card.fn.value == row["name"]
        emails = [
            m[1] for m in sorted(row["methods"], key=lambda m: (m[0], m[3])) if m[0] == "email"
        ]
        phones = [
            m[1] for m in sorted(row["methods"], key=lambda m: (m[0], m[3])) if m[0] == "phone"
        ]
        urls = [m[1] for m in sorted(row["methods"], key=lambda m: (m[0], m[3])) if m[0] == "url"]
        assert _values(card, "email") == emails
        assert _values(card, "tel") == phones
        assert _values(card, "url") == urls
        name = card.n.value
        if row["card"] and row["card"]["family"]:
            parts = row["card"]
            assert (name.prefix, name.given, name.additional, name.family, name.suffix) == (
                parts["prefix"],
                parts["given"],
                parts["additional"],
                parts["family"],
                parts["suffix"],
            )
        orgs = [v[0] for v in _values(card, "org")]
        expected_orgs = [row["organization"]] if row["organization"] else []
        if row["card"] and row["card"]["unit"] and not row["organization"]:
            expected_orgs = [""]
        expected_orgs += [a[0] or "" for a in row["affiliations"]]
        assert orgs == expected_orgs
        titles = ([row["title"]] if row["title"] else []) + [
            a[2] for a in row["affiliations"] if a[2]
        ]
        assert _values(card, "title") == titles
        nicknames = (
            row["card"]["nicknames"].split("\n") if row["card"] and row["card"]["nicknames"] else []
        )
        assert _values(card, "nickname") == nicknames
        addresses = [(a.street, a.city, a.code, a.country) for a in _values(card, "adr")]
        if row["addresses"]:
            assert addresses == [(a[3], a[4], a[6], a[7]) for a in row["addresses"]]
        elif row["location"]:
            assert addresses == [("", row["location"], "", "")]
        bdays = [d for d in row["dates"] if d[0] == "BDAY"]
        assert len(_values(card, "bday")) == len(bdays)
        for (_k, year, month, day, text), value in zip(bdays, _values(card, "bday"), strict=True):
            if text:
                assert value == text
            elif year is None:
                assert value == f"--{month:02d}{day:02d}"
            else:
                assert value == f"{year:04d}-{month:02d}-{day:02d}"
        assert [t for v in _values(card, "categories") for t in v] == row["tags"]
        assert _values(card, "note") == ([row["notes"]] if row["notes"] else [])
        impp = [f"{h[1]}:{h[2]}" for h in row["handles"] if h[0] == "impp"]
        assert _values(card, "impp") == impp


# ------------------------------------------------------------------ khard


def _khard(tmp_path: Path, vcf: Path) -> tuple[list[str], Path]:
    """A khard command line with a config in tmp_path pointing at a vdir of ``vcf``'s cards."""
    exe = shutil.which("khard") or str(Path(sys.executable).parent / "khard")
    if not Path(exe).exists():
        pytest.skip("khard is not installed (pip install -e '.[test]')")
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    text = vcf.read_bytes().decode("utf-8")
    for number, card in enumerate(re.findall(r"BEGIN:VCARD.*?END:VCARD\r\n", text, re.S)):
        (vdir / f"{number}.vcf").write_bytes(card.encode("utf-8"))
    config = tmp_path / "khard.conf"
    config.write_text(
        f"[addressbooks]\n[[netty]]\npath = {vdir}\n[general]\neditor = /bin/false\n"
        "merge_editor = /bin/false\n[contact table]\ndisplay = formatted_name\n"
    )
    return [exe, "-c", str(config)], vdir


def _run(cmd: list[str], tmp_path: Path) -> str:
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / ".config"),
        XDG_DATA_HOME=str(tmp_path / "home" / ".local" / "share"),
        XDG_CACHE_HOME=str(tmp_path / "home" / ".cache"),
    )
    try:
        done = subprocess.run(
            cmd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120
        )
    except OSError as exc:
        pytest.skip(f"khard cannot start: {exc}")
    if done.returncode != 0 and "Traceback" in done.stderr and "khard" in done.stderr[:200]:
        pytest.skip(f"khard cannot start: {done.stderr.strip().splitlines()[-1]}")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_khard_lists_every_contact(network, tmp_path: Path) -> None:
    cmd, _vdir = _khard(tmp_path, network["vcf"])
    out = _run([*cmd, "list", "--parsable"], tmp_path)
    listed = {line.split("\t")[0]: line.split("\t")[1] for line in out.splitlines() if line}
    assert listed == {uid: row["name"] for uid, row in network["dump"].items()}


def test_khard_shows_each_contact_field_by_field(network, tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    cmd, _vdir = _khard(tmp_path, network["vcf"])
    yaml = YAML(typ="safe")
    for uid, row in network["dump"].items():
        shown = yaml.load(_run([*cmd, "show", "--format", "yaml", f"uid:{uid}"], tmp_path))
        assert shown["Formatted name"] == row["name"]
        card = row["card"]
        if card and card["family"]:
            assert (shown["Prefix"] or "", shown["First name"] or "", shown["Last name"] or "") == (
                card["prefix"],
                card["given"],
                card["family"],
            )
        if card and card["nicknames"]:
            assert sorted(_leaves(shown["Nickname"])) == sorted(card["nicknames"].split("\n"))
        emails = sorted(m[1] for m in row["methods"] if m[0] == "email")
        shown_emails = sorted(_leaves(shown.get("Email")))
        assert shown_emails == emails
        phones = sorted(m[1] for m in row["methods"] if m[0] == "phone")
        assert sorted(_leaves(shown.get("Phone"))) == phones
        bdays = [d for d in row["dates"] if d[0] == "BDAY"]
        if bdays:
            _k, year, month, day, text = bdays[0]
            expected = text or f"{year or 1900:04d}-{month:02d}-{day:02d}"  # khard: 1900 = none
            assert str(shown["Birthday"]).removeprefix("text=") == expected
        if row["organization"]:
            orgs = shown["Organisation"]
            first = orgs if isinstance(orgs, str) else orgs[0]
            first = first if isinstance(first, str) else first[0]
            assert first == row["organization"]
        streets = sorted(a[3] for a in row["addresses"] if a[3])
        assert sorted(_address_streets(shown.get("Address"))) == streets
        assert sorted(_leaves(shown.get("Categories"))) == row["tags"]


def _leaves(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    return [leaf for v in value for leaf in _leaves(v)]


def _address_streets(value) -> list[str]:
    if not value:
        return []
    found = []
    for entry in value.values():
        for address in entry if isinstance(entry, list) else [entry]:
            if address.get("Street"):
                found.append(address["Street"])
    return found


def test_khard_show_pretty_has_handles_and_dates(network, tmp_path: Path) -> None:
    cmd, _vdir = _khard(tmp_path, network["vcf"])
    out = _run([*cmd, "show", "uid:c02-multi-0001"], tmp_path)
    for text in (
        "Full name: Dr. Jonas Peter Brandt Jr.",
        "Nickname: \n        - JB\n        - Jo",
        "Role: CTO",
        "Anniversary:",
        "xmpp: jonas@chat.example.com",
        "skype: jonas.brandt.example",
        "warehouse:",
    ):
        assert text in out, text
