"""Contacts as vCard 3.0, the version every phone and address book imports.

(4.0 is newer, but Google Contacts and older Apple and Android address books
read 3.0 more reliably.) One card per active contact, CRLF lines folded at 75
octets without splitting a character, text escaped (``\\\\``, ``\\,``,
``\\;``, ``\\n``). Standard properties carry what others understand: ``UID``, ``FN``, a
structured ``N`` (the one kept, else the display name split at its last word),
``NICKNAME`` (one property each), ``ORG`` (with the unit), ``TITLE`` and ``ROLE``
for the current affiliation and, grouped (``org1.ORG``, ``org1.TITLE``), for every
other one, ``EMAIL``, ``TEL``, ``URL``, every ``ADR``, ``IMPP`` (with
``X-SERVICE-TYPE``), ``X-SOCIALPROFILE``, ``BDAY`` (``1979-05-02``, ``--0315``
without a year, ``VALUE=text``), ``ANNIVERSARY`` (and ``X-ANNIVERSARY`` for 3.0
readers), ``GENDER``, ``NOTE``, ``CATEGORIES`` (tags). A label made of vCard
types (home, work, cell, voice, fax ...) is a ``TYPE`` list; any other label uses
Apple's ``itemN.X-ABLabel`` group. An organization-only contact is a company
card (``X-ABShowAs:COMPANY``). netty's own fields use ``X-NETTY-RING``,
``X-NETTY-CHANNEL``, ``X-NETTY-CADENCE``, ``X-NETTY-STRENGTH``,
``X-NETTY-HOW-MET``, ``X-NETTY-DETAILS``, ``X-NETTY-CONNECTED``,
``X-NETTY-LOCATION`` (a location that is not the first address; a location with
no address is an ``ADR;X-NETTY-LOCATION=1`` with only the locality) and
``X-NETTY-AFFILIATION`` (``past;2001;2010``), which ``netty import vcard`` reads
back: export, import into an empty database, and the contacts come back equal.
The UID of a contact that has none is derived (``active_cards``): export writes
nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple, TextIO

import pendulum
from peewee import JOIN

from netty import __version__
from netty.db.bulk import chunks, moment_text
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
    database,
)
from netty.db.vocab import fold as fold_name
from netty.services.cardfields import (
    SCHEMES,
    CardDate,
    address_text,
    date_value,
    derived_uid,
    split_name,
)
from netty.services.settings import database_id

BATCH = 2000  # contacts read at a time: an export's memory is about this many cards

# Labels written as TYPE=; anything else (and types an importer ignores, like voice) uses a group.
_TYPES = frozenset(
    {
        "home",
        "work",
        "cell",
        "mobile",
        "fax",
        "pager",
        "main",
        "other",
        "iphone",
        "voice",
        "text",
        "video",
        "pref",
    }
)
_TOKEN = re.compile(r"^[a-z0-9-]+$")


def escape(text: str) -> str:
    """vCard 3.0 text escaping."""
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded at 75 octets (UTF-8), never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    out, current, size, limit = [], [], 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out) + "\r\n"


@dataclass
class CardData:
    """A contact's card beyond its own columns, as the exporters read it."""

    uid: str = ""
    card: ContactCard | None = None
    addresses: list[Address] = field(default_factory=list)
    handles: list[Handle] = field(default_factory=list)
    dates: list[ContactDate] = field(default_factory=list)
    affiliations: list = field(default_factory=list)  # Affiliation rows with .org_name


class ActiveCard(NamedTuple):
    """One active contact as an export reads it (see :func:`active_cards`)."""

    contact: Contact  # with ``org_name``
    methods: list[tuple[str, str, str]]  # (kind, value, label) in order
    tags: list[str]  # tag names, sorted
    data: CardData  # the card tables and the UID


def _active_query():
    """Active contacts with their organization's name (``org_name``), by name then id."""
    return (
        Contact.select(Contact, Organization.name.alias("org_name"))
        .join(Organization, JOIN.LEFT_OUTER, on=(Contact.organization == Organization.id))
        .where(Contact.archived_at.is_null(True))
        .order_by(Contact.name_key, Contact.id)
        .objects()
    )


def active_cards(now: pendulum.DateTime) -> Iterator[ActiveCard]:
    """Every active contact with its methods, tags and ``CardData``, by name then id,
    read ``BATCH`` contacts at a time as the caller iterates (issue 16: whole-database
    commands stream; memory is about one batch at any size).

    The UID choice: netty does not write at export. A contact that has no UID is
    exported with ``cardfields.derived_uid`` (from this database's id and the
    contact's id), the same on every export; importing that card back into this
    database matches the contact by it, and into another stores it.

    Iterate inside one read transaction (``database.atomic()``) so the export is
    one consistent picture. Raises nothing of its own.
    """
    if not Contact.select().where(Contact.archived_at.is_null(True)).exists():
        return  # no UID is derived, so no database id is made (export writes nothing)
    dbid = database_id(now)
    rows = _active_query().iterator()
    while batch := list(islice(rows, BATCH)):
        ids = [r.id for r in batch]
        methods, tags = methods_and_tags(ids)
        extras = card_extras(ids)
        for r in batch:
            data = extras[r.id]
            data.uid = r.uid or derived_uid(dbid, r.id)
            yield ActiveCard(r, methods.get(r.id, []), tags.get(r.id, []), data)


def methods_and_tags(
    ids: list[int],
) -> tuple[dict[int, list[tuple[str, str, str]]], dict[int, list[str]]]:
    """For contacts ``ids``: their (kind, value, label) methods in order, and their tag
    names, keyed by contact id, two queries per chunk of ids (export and vdir sync)."""
    methods: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    tags: dict[int, list[str]] = defaultdict(list)
    for chunk in chunks(ids):
        for cid, kind, value, label in (
            ContactMethod.select(
                ContactMethod.contact, ContactMethod.kind, ContactMethod.value, ContactMethod.label
            )
            .where(ContactMethod.contact.in_(chunk))
            .order_by(ContactMethod.contact, ContactMethod.kind, ContactMethod.position)
            .tuples()
        ):
            methods[cid].append((kind, value, label))
        for cid, name in (
            ContactTag.select(ContactTag.contact, Tag.name)
            .join(Tag)
            .where(ContactTag.contact.in_(chunk))
            .order_by(ContactTag.contact, Tag.name)
            .tuples()
        ):
            tags[cid].append(name)
    return methods, tags


def card_extras(ids: list[int]) -> dict[int, CardData]:
    """Each contact's ``CardData`` without its UID: the card tables, a few queries per 500."""
    out = {cid: CardData() for cid in ids}
    for chunk in chunks(ids):
        for card in ContactCard.select().where(ContactCard.contact.in_(chunk)):
            out[card.contact_id].card = card
        for a in (
            Address.select()
            .where(Address.contact.in_(chunk))
            .order_by(Address.position, Address.id)
        ):
            out[a.contact_id].addresses.append(a)
        for h in (
            Handle.select().where(Handle.contact.in_(chunk)).order_by(Handle.position, Handle.id)
        ):
            out[h.contact_id].handles.append(h)
        for d in (
            ContactDate.select()
            .where(ContactDate.contact.in_(chunk))
            .order_by(ContactDate.kind.desc(), ContactDate.position, ContactDate.id)
        ):
            out[d.contact_id].dates.append(d)
        for aff in (
            Affiliation.select(Affiliation, Organization.name.alias("org_name"))
            .join(Organization, JOIN.LEFT_OUTER)
            .where(Affiliation.contact.in_(chunk))
            .order_by(Affiliation.position, Affiliation.id)
            .objects()
        ):
            out[aff.contact_id].affiliations.append(aff)
    return out


def _type_params(label: str) -> str | None:
    """``;TYPE=work,voice`` when every word of the label is a vCard type, else None."""
    words = label.strip().lower().split()
    if words and all(w in _TYPES for w in words):
        return ";TYPE=" + ",".join(words)
    return None


def card(
    contact, methods: list[tuple[str, str, str]], tags: list[str], data: CardData | None = None
) -> str:
    """One contact as a vCard 3.0 card."""
    data = data or CardData()
    extra = data.card
    org = contact.org_name
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    if data.uid:
        lines.append(f"UID:{escape(data.uid)}")
    company = org is not None and fold_name(org) == contact.name_key
    item = 0

    def grouped(prop: str, params: str, value: str, label: str) -> None:
        nonlocal item
        types = _type_params(label) if label else ""
        if types is not None:
            lines.append(f"{prop}{params}{types}:{value}")
            return
        item += 1
        lines.append(f"item{item}.{prop}{params}:{value}")
        lines.append(f"item{item}.X-ABLabel:{escape(label)}")

    if company:
        lines += [
            "N:;;;;",
            f"FN:{escape(contact.name)}",
            f"ORG:{escape(org)}",
            "X-ABShowAs:COMPANY",
        ]
    else:
        parts = None
        if extra is not None and any(
            (extra.prefix, extra.given, extra.additional, extra.family, extra.suffix)
        ):
            parts = (extra.prefix, extra.given, extra.additional, extra.family, extra.suffix)
        prefix, given, additional, family, suffix = parts or split_name(contact.name)
        n = ";".join(escape(p) for p in (family, given, additional, prefix, suffix))
        lines += [f"N:{n}", f"FN:{escape(contact.name)}"]
        unit = extra.unit if extra is not None else ""
        if org or unit:
            lines.append(f"ORG:{escape(org or '')}" + (f";{escape(unit)}" if unit else ""))
    if extra is not None and extra.nicknames:
        # one property each: khard and others show only the first of a comma list
        lines.extend(f"NICKNAME:{escape(n)}" for n in extra.nicknames.split("\n") if n)
    if contact.title:
        lines.append(f"TITLE:{escape(contact.title)}")
    if extra is not None and extra.role:
        lines.append(f"ROLE:{escape(extra.role)}")
    for number, aff in enumerate(data.affiliations, start=1):
        group = f"org{number}."
        org_value = escape(aff.org_name or "") + (f";{escape(aff.unit)}" if aff.unit else "")
        lines.append(f"{group}ORG:{org_value}")
        if aff.title:
            lines.append(f"{group}TITLE:{escape(aff.title)}")
        if aff.role:
            lines.append(f"{group}ROLE:{escape(aff.role)}")
        state = "current" if aff.is_current else "past"
        years = ";".join("" if y is None else str(y) for y in (aff.start_year, aff.end_year))
        lines.append(f"{group}X-NETTY-AFFILIATION:{state};{years}")
    firsts: set[str] = set()
    for kind, value, label in methods:
        prop = {"email": "EMAIL", "phone": "TEL", "url": "URL"}[kind]
        params = ";TYPE=INTERNET" if kind == "email" else ""
        firsts.add(kind)
        grouped(prop, params, escape(value), label.strip().lower())
    for address in data.addresses:
        value = ";".join(
            escape(getattr(address, f))
            for f in (
                "po_box",
                "extended",
                "street",
                "locality",
                "region",
                "postal_code",
                "country",
            )
        )
        grouped("ADR", "", value, address.label.strip().lower())
    if contact.location and not data.addresses:  # a free-text place, not a postal address
        lines.append(f"ADR;X-NETTY-LOCATION=1:;;;{escape(contact.location)};;;")
    elif contact.location and contact.location != _first_address_text(data.addresses):
        lines.append(f"X-NETTY-LOCATION:{escape(contact.location)}")
    for handle in data.handles:
        if handle.kind == "impp":
            scheme = SCHEMES.get(handle.service, handle.service)
            value = f"{scheme}:{handle.value}" if scheme else handle.value
            service = f";X-SERVICE-TYPE={handle.service}" if handle.service else ""
            grouped("IMPP", service, escape(value), handle.label.strip().lower())
        else:
            service = f";TYPE={handle.service}" if _TOKEN.match(handle.service or "-") else ""
            lines.append(f"X-SOCIALPROFILE{service}:{escape(handle.value)}")
    for date in data.dates:
        value, is_text = date_value(CardDate(date.kind, date.year, date.month, date.day, date.text))
        params = ";VALUE=text" if is_text else ""
        lines.append(f"{date.kind}{params}:{escape(value)}")
        if date.kind == "ANNIVERSARY":  # what vCard 3.0 readers (Evolution, khard) look for
            lines.append(f"X-ANNIVERSARY{params}:{escape(value)}")
    if extra is not None and (extra.gender or extra.gender_text):
        text = f";{escape(extra.gender_text)}" if extra.gender_text else ""
        lines.append(f"GENDER:{extra.gender}{text}")
    if contact.notes:
        lines.append(f"NOTE:{escape(contact.notes)}")
    if tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in tags))
    lines.append(f"X-NETTY-RING:{contact.ring}")
    for prop, value in (
        ("CHANNEL", contact.channel),
        ("CADENCE", contact.cadence_days),
        ("STRENGTH", contact.strength),
        ("HOW-MET", contact.how_met),
        ("DETAILS", contact.details),
    ):
        if value not in (None, ""):
            lines.append(f"X-NETTY-{prop}:{escape(str(value))}")
    if contact.connected_at is not None:
        stamp = moment_text(contact.connected_at).replace(" ", "T") + "Z"
        lines.append(f"X-NETTY-CONNECTED:{stamp}")
    lines.append(f"REV:{moment_text(contact.updated_at).replace(' ', 'T')}Z")
    lines.append(f"PRODID:-//netty//netty {__version__}//EN")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def _first_address_text(addresses: list[Address]) -> str:
    a = addresses[0]
    fields = (a.po_box, a.extended, a.street, a.locality, a.region, a.postal_code, a.country)
    return address_text(fields)


def write(out: TextIO, now: pendulum.DateTime) -> int:
    """Write every active contact as vCard 3.0, streamed; returns how many.

    One read transaction; each card is written as soon as its batch is read, so
    memory stays flat at any size (issue 16) and the text is what it always was.
    """
    count = 0
    with database.atomic():
        for contact, methods, tags, data in active_cards(now):
            out.write(card(contact, methods, tags, data))
            count += 1
    return count
