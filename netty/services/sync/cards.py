"""Card <-> contact for the vdir sync: the one adapter over the vCard import and export.

The sync engine (``netty.services.sync.vdir``) sees contacts only through this
module, so a richer card model replaces these internals and nothing else:

- ``card_text(contact_id, previous)``: the contact as a vCard 3.0 card, from
  ``netty.services.exporters.vcard.card``, with its ``UID``, without netty-only
  properties, and with every property of ``previous`` (the file as it was) that
  netty does not sync kept as it was: a photo, a note, an ``X-`` property of
  another app survive netty's edits. A synced field whose value is unchanged
  keeps its lines as ``previous`` wrote them (``TEL;TYPE=VOICE,CELL``,
  ``BDAY;X-APPLE-OMIT-YEAR=1604``), so only what changed is rewritten (a slot of
  ``_SLOTS`` at a time: ``ORG`` carries organization and unit, ``ADR`` addresses
  and location).
- ``fields_from_card(text)``: the synced fields of a card, read by
  ``netty.services.importers.vcard.parse`` (its ``Card`` too), as a JSON-able
  dict; the three-way merge compares these dicts. Card items use the cell formats
  of ``netty.services.cardfields`` (``address_cell``, ``handle_cell``,
  ``affiliation_cell``), dates ``date_value``'s text.
- ``apply_fields(contact_id | None, fields, now)``: set those fields on a contact
  (or create one), through ``netty.services.contacts`` so every derived column
  stays right, and the card's into ``ContactCard``, ``Address``, ``Handle``,
  ``ContactDate`` and ``Affiliation``. Call it inside a ``change()``.
- ``fingerprints()``: a cheap per-contact hash of exactly what ``card_text``
  reads (the contact's columns, methods, tags and every card table), from a few
  column-only queries (no card is built), so a sync with nothing changed costs
  milliseconds per thousand contacts.

What syncs (``SYNCED``): name and structured name, nicknames, organization with
unit, title, role, further affiliations (with ``X-NETTY-AFFILIATION``, their
state and years), location and addresses (``ADR``; the location is the first
address), emails, phones and URLs with their labels, handles (``IMPP``,
``X-SOCIALPROFILE``), the first birthday and anniversary, gender, and tags
(``CATEGORIES``). Everything else is
netty's own and never leaves netty: ring, channel, cadence, strength, how met,
personal details, notes, and every timeline, ledger and promise record.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pendulum
from peewee import JOIN, Case

from netty.db.bulk import chunks
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
from netty.errors import InvalidInput
from netty.services.cardfields import (
    ADDRESS_FIELDS,
    IMPP_SERVICES,
    SOCIAL_PROPERTIES,
    address_cell,
    affiliation_cell,
    date_value,
    handle_cell,
    parse_address_cell,
    parse_affiliation_cell,
    parse_date,
    parse_handle_cell,
)
from netty.services.exporters import vcard as export
from netty.services.importers import vcard as read
from netty.services.importers.record import Card, Record

#: The fields a card and a contact keep in step, in the order a report names them.
SYNCED = (
    "name",
    "name_parts",
    "nicknames",
    "organization",
    "unit",
    "title",
    "role",
    "affiliations",
    "location",
    "addresses",
    "emails",
    "phones",
    "urls",
    "handles",
    "birthday",
    "anniversary",
    "gender",
    "tags",
)
#: Fields that hold lists (merged item by item), the others are single values.
LIST_FIELDS = frozenset(
    {"nicknames", "affiliations", "addresses", "emails", "phones", "urls", "handles", "tags"}
)

# Which card properties carry which slot: a slot is the lines of one or more fields,
# rewritten together when any of its fields changed (upper-case property names).
_PROPERTY_FIELD = {
    "FN": "name",
    "N": "name",
    "NICKNAME": "nicknames",
    "ORG": "organization",
    "X-ABSHOWAS": "organization",
    "TITLE": "title",
    "ROLE": "role",
    "ADR": "addresses",
    "EMAIL": "emails",
    "TEL": "phones",
    "URL": "web",
    "X-SOCIALPROFILE": "web",
    "IMPP": "web",
    **{prop: "web" for prop in (*IMPP_SERVICES, *SOCIAL_PROPERTIES)},
    "BDAY": "birthday",
    "ANNIVERSARY": "anniversary",
    "X-ANNIVERSARY": "anniversary",
    "GENDER": "gender",
    "CATEGORIES": "tags",
}
# The synced fields of each slot.
_SLOTS = {
    "name": ("name", "name_parts"),
    "nicknames": ("nicknames",),
    "organization": ("organization", "unit"),
    "title": ("title",),
    "role": ("role",),
    "affiliations": ("affiliations",),
    "addresses": ("location", "addresses"),
    "emails": ("emails",),
    "phones": ("phones",),
    "web": ("urls", "handles"),
    "birthday": ("birthday",),
    "anniversary": ("anniversary",),
    "gender": ("gender",),
    "tags": ("tags",),
}
# A further affiliation is a group of these (``org1.ORG``, ``org1.X-NETTY-AFFILIATION``).
_AFFILIATION_PROPS = frozenset({"ORG", "TITLE", "ROLE", "X-NETTY-AFFILIATION"})
# Written by netty on every card (or netty-only): never kept from a previous card.
_NETTY_OWN = frozenset({"BEGIN", "END", "VERSION", "UID", "REV", "PRODID"})
_NETTY_ONLY = frozenset({"NOTE"})  # written by the exporter, but netty's own here
_OUR_GROUP = "netty"  # our grouped lines are netty1.EMAIL ...; kept groups keep theirs
_UID_LINE = re.compile(r"^(?:[A-Za-z0-9-]+\.)?UID(?:;[^:]*)?:(.*)$", re.IGNORECASE)


class CardUnreadable(InvalidInput):
    """A card the sync cannot take as a contact (damaged, a group, no name)."""


# ------------------------------------------------------------------ reading


def card_uid(text: str) -> str | None:
    """The card's ``UID`` (RFC 6350 6.7.6), or None when it has none."""
    for _no, line in read._logical_lines(text):
        match = _UID_LINE.match(line)
        if match and match.group(1).strip():
            return read._unescape(match.group(1).strip())
    return None


def fields_from_card(text: str) -> dict[str, Any]:
    """The synced fields of the first card in ``text``: a JSON-able dict.

    ``emails``, ``phones`` and ``urls`` are lists of ``[value, label]`` as netty
    stores them (normalised), ``tags`` a sorted list. Raises CardUnreadable for a
    damaged card, a group card or one with no name, organization or email.
    """
    try:
        items = read.parse(text)
    except InvalidInput as exc:
        raise CardUnreadable(str(exc)) from exc
    if not items:
        raise CardUnreadable("no card in the file")
    record = items[0]
    if not isinstance(record, Record):
        raise CardUnreadable(record.reason)
    card = record.card or Card()

    def first_date(kind: str) -> str:
        return next((date_value(d)[0] for d in card.dates if d.kind == kind), "")

    gender = [card.gender, card.gender_text] if card.gender or card.gender_text else []
    return {
        "name": record.name,
        "name_parts": list(card.name_parts) if card.name_parts else [],
        "nicknames": list(card.nicknames),
        "organization": record.organization,
        "unit": card.unit,
        "title": record.title,
        "role": card.role,
        "affiliations": [affiliation_cell(*a) for a in card.affiliations],
        "location": record.location,
        "addresses": [[address_cell("", tuple(a[1:])), a[0]] for a in card.addresses],
        "emails": [[value, label] for value, _key, label, _pos in record.emails],
        "phones": [[value, label] for value, _key, label, _pos in record.phones],
        "urls": [[value, label] for value, _key, label, _pos in record.urls],
        "handles": [[handle_cell(k, svc, v, ""), label] for k, svc, v, label in card.handles],
        "birthday": first_date("BDAY"),
        "anniversary": first_date("ANNIVERSARY"),
        "gender": gender,
        "tags": sorted(record.tags),
    }


# ------------------------------------------------------------------ writing cards


def new_uid() -> str:
    """A fresh UID for a contact that has none (a random UUID, RFC 4122)."""
    return str(uuid.uuid4())


# What ``exporters.vcard.card`` reads of a contact.
_CARD_COLUMNS = (
    Contact.id,
    Contact.name,
    Contact.name_key,
    Contact.title,
    Contact.location,
    Contact.notes,
    Contact.ring,
    Contact.channel,
    Contact.cadence_days,
    Contact.strength,
    Contact.how_met,
    Contact.details,
    Contact.connected_at,
    Contact.updated_at,
    Contact.uid,
)


def _load(ids: list[int]) -> tuple[list[Any], dict[int, list], dict[int, list[str]]]:
    """Contacts (as the exporter reads them), their methods and tags, in a few queries.

    The card tables (``ContactCard``, addresses, handles, dates, affiliations) come
    from ``exporters.vcard.card_extras``.
    """
    rows = []
    for chunk in chunks(ids):
        rows.extend(
            Contact.select(*_CARD_COLUMNS, Organization.name.alias("org_name"))
            .join(Organization, JOIN.LEFT_OUTER, on=(Contact.organization == Organization.id))
            .where(Contact.id.in_(chunk))
            .namedtuples()
        )
    methods, tags = export.methods_and_tags(ids)
    return rows, methods, tags


def card_texts(
    ids: Iterable[int], previous: dict[int, str] | None = None, uids: dict[int, str] | None = None
) -> dict[int, str]:
    """``card_text`` for many contacts at once (a few queries per 500 contacts)."""
    previous = previous or {}
    uids = uids or {}
    ids = list(ids)
    rows, methods, tags = _load(ids)
    extras = export.card_extras(ids)
    out = {}
    for contact in rows:
        text = export.card(
            contact, methods.get(contact.id, []), tags.get(contact.id, []), extras[contact.id]
        )
        uid = contact.uid or uids.get(contact.id) or ""
        out[contact.id] = _finish(text, uid, previous.get(contact.id))
    return out


def card_text(contact_id: int, previous: str | None = None, uid: str | None = None) -> str:
    """One contact as the card the vdir gets (see the module docstring).

    ``uid`` is used when the contact has none yet (a dry run's preview). Raises
    KeyError when there is no such contact.
    """
    texts = card_texts(
        [contact_id],
        {contact_id: previous} if previous else None,
        {contact_id: uid} if uid else None,
    )
    return texts[contact_id]


def _props(text: str) -> list[tuple[str, str, str]]:
    """(group, NAME, unfolded line) for each content line of the first card."""
    out = []
    for no, line in read._logical_lines(text):
        if not line.strip():
            continue
        try:
            prop = read._parse_line(no, line)
        except read._Damaged:
            continue
        out.append((prop.group, prop.name, line))
    return out


_OWN_LINE = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)[;:]")


def _own_props(text: str) -> list[tuple[str, str, str]]:
    """``_props`` for a card the exporter just wrote (well formed, so read quickly)."""
    out = []
    for line in text.replace("\r\n ", "").split("\r\n"):
        match = _OWN_LINE.match(line)
        if match:
            out.append(((match.group(1) or "").lower(), match.group(2).upper(), line))
    return out


def _group_fields(props: list[tuple[str, str, str]]) -> dict[str, str | None]:
    """The synced slot each group belongs to (None: a group of properties netty keeps)."""
    groups: dict[str, str | None] = {}
    for group, name, _line in props:
        if group and name != "X-ABLABEL":
            field = _field_of(group, name, {})
            if groups.get(group) is None:
                groups[group] = None if field == "netty" else field
    return groups


def _field_of(group: str, name: str, groups: dict[str, str | None]) -> str | None:
    """The slot of a property (``_SLOTS``), "netty" for netty's own, None for one kept."""
    if name == "X-ABLABEL" and group:
        return groups.get(group)
    if group and name in _AFFILIATION_PROPS:
        return "affiliations"
    if name.startswith("X-NETTY-"):
        return "netty"
    return _PROPERTY_FIELD.get(name)


def _finish(ours: str, uid: str, previous: str | None) -> str:
    """Our exported card: with UID, without netty-only lines, merged into ``previous``.

    ``previous``'s lines keep their order; the lines of a changed field take the
    place of that field's first old line; fields new to the card come last.
    """
    mine = _own_props(ours)
    our_groups = _group_fields(mine)
    old: list[tuple[str, str, str]] = []
    same: set[str] = set()
    version = "VERSION:3.0"
    if previous:
        old = _props(previous)
        try:
            before, now = fields_from_card(previous), fields_from_card(ours)
        except CardUnreadable:
            before, now = {}, {}
        same = {
            slot
            for slot, names in _SLOTS.items()
            if all(f in before and before.get(f) == now.get(f) for f in names)
        }
        version = next((line for _g, n, line in old if n == "VERSION"), version)
    old_groups = _group_fields(old)
    kept_groups = {
        group
        for group, name, _line in old
        if group and (_field_of(group, name, old_groups) in same or old_groups.get(group) is None)
    }
    by_field: dict[str, list[str]] = defaultdict(list)
    stamps: list[str] = []  # REV and PRODID: ours replace the old ones
    renamed: dict[str, str] = {}
    for group, name, line in mine:
        field = _field_of(group, name, our_groups)
        if name in ("REV", "PRODID"):
            stamps.append(line)
            continue
        if name in _NETTY_OWN or name in _NETTY_ONLY or field == "netty" or field in same:
            continue
        if group:  # item1.EMAIL -> nettyN.EMAIL, never the group of a kept property
            if group not in renamed:
                number = len(renamed) + 1
                while f"{_OUR_GROUP}{number}" in kept_groups:
                    number += 1
                renamed[group] = f"{_OUR_GROUP}{number}"
                kept_groups.add(renamed[group])
            line = renamed[group] + line[len(group) :]
        by_field[field or ""].append(line)
    lines = ["BEGIN:VCARD", version]
    if uid:
        lines.append(f"UID:{export.escape(uid)}")
    placed: set[str] = set()
    for group, name, line in old:
        field = _field_of(group, name, old_groups)
        if name in _NETTY_OWN or field == "netty":
            continue
        if field is None or field in same:
            lines.append(line)  # a property netty does not sync, or an unchanged field
        elif field not in placed:
            lines += by_field.pop(field, [])
            placed.add(field)
    for field in list(by_field):
        lines += by_field.pop(field)
    lines += stamps
    lines.append("END:VCARD")
    return "".join(export.fold(line) for line in lines)


# ------------------------------------------------------------------ writing contacts


def _contact_fields(fields: dict[str, Any]):
    from netty.services.contacts import ContactFields

    given = {k: fields[k] for k in ("name", "title", "organization", "location") if k in fields}
    if "tags" in fields:
        given["tags"] = list(fields["tags"])
    return ContactFields(**given)


def apply_fields(contact_id: int | None, fields: dict[str, Any], now: pendulum.DateTime) -> int:
    """Set the synced ``fields`` given (all or some) on a contact, or create one.

    Returns the contact's id. Methods keep their labels. One change of its own, or
    part of the caller's ``change()``. Raises InvalidInput for a value netty refuses.
    """
    from netty.services.changes import change

    with change("took a card into netty", now, kind="sync"):
        return _apply_fields(contact_id, fields, now)


def _apply_fields(contact_id: int | None, fields: dict[str, Any], now: pendulum.DateTime) -> int:
    from netty.services import contacts
    from netty.services.text import normalise_email, normalise_phone, normalise_url

    if contact_id is None:
        view = contacts.add_contact(_contact_fields(fields), now)
        contact_id = view.id
    elif any(k in fields for k in ("name", "title", "organization", "location", "tags")):
        contacts.edit_contact(contact_id, _contact_fields(fields), now)
    _apply_card(contact_id, fields, now)
    norms = {"emails": normalise_email, "phones": normalise_phone, "urls": normalise_url}
    kinds = {"emails": "email", "phones": "phone", "urls": "url"}
    touched = False
    for field, kind in kinds.items():
        if field not in fields:
            continue
        touched = True
        rows, seen = [], set()
        for value, label in fields[field]:
            try:
                shown, key = norms[field](value)
            except (InvalidInput, ValueError):
                continue
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                {
                    "contact": contact_id,
                    "kind": kind,
                    "value": shown,
                    "value_key": key,
                    "label": label or "",
                    "position": len(rows),
                }
            )
        ContactMethod.delete().where(
            (ContactMethod.contact == contact_id) & (ContactMethod.kind == kind)
        ).execute()
        if rows:
            ContactMethod.insert_many(rows).execute()
    if touched:
        linkedin = (
            ContactMethod.select(ContactMethod.value_key)
            .where(
                (ContactMethod.contact == contact_id)
                & (ContactMethod.kind == "url")
                & ContactMethod.value_key.startswith("https://www.linkedin.com/in/")
            )
            .order_by(ContactMethod.position)
            .scalar()
        )
        taken = (
            Contact.select(Contact.id)
            .where((Contact.linkedin == linkedin) & (Contact.id != contact_id))
            .exists()
            if linkedin
            else False
        )
        Contact.update(linkedin=None if taken else linkedin, updated_at=now).where(
            Contact.id == contact_id
        ).execute()
        contacts.refresh_search_text([contact_id])
    return contact_id


_CARD_COLUMN_NAMES = (
    "prefix",
    "given",
    "additional",
    "family",
    "suffix",
    "nicknames",
    "gender",
    "gender_text",
    "unit",
    "role",
)


def _apply_card(contact_id: int, fields: dict[str, Any], now: pendulum.DateTime) -> None:
    """Write the card fields among ``fields`` to the card tables (inside a ``change()``).

    Values are the ones ``fields_from_card`` gives, so they were read (and cleaned)
    by the vCard importer; the cell formats are ``netty.services.cardfields``'.
    """
    from netty.services.contacts import organization_for

    columns: dict[str, str] = {}
    if "name_parts" in fields:
        parts = list(fields["name_parts"] or ["", "", "", "", ""])
        columns.update(zip(_CARD_COLUMN_NAMES[:5], [*parts, "", "", "", "", ""][:5], strict=True))
    if "nicknames" in fields:
        columns["nicknames"] = "\n".join(n for n in fields["nicknames"] if n)
    if "gender" in fields:
        sex, text = [*(fields["gender"] or []), "", ""][:2]
        columns["gender"] = sex if sex in ("M", "F", "O", "N", "U") else ""
        columns["gender_text"] = text
    for name in ("unit", "role"):
        if name in fields:
            columns[name] = fields[name] or ""
    if columns:
        row = ContactCard.get_or_none(ContactCard.contact == contact_id)
        if row is not None:
            ContactCard.update(**columns).where(ContactCard.id == row.id).execute()
        elif any(columns.values()):
            ContactCard.insert(contact=contact_id, **columns).execute()
    if "addresses" in fields:
        Address.delete().where(Address.contact == contact_id).execute()
        rows = []
        for value, label in fields["addresses"]:
            parts = parse_address_cell(value)[1:]
            if any(parts):
                address = dict(zip(ADDRESS_FIELDS, parts, strict=True))
                rows.append(
                    {"contact": contact_id, "label": label or "", "position": len(rows), **address}
                )
        if rows:
            Address.insert_many(rows).execute()
    if "handles" in fields:
        Handle.delete().where(Handle.contact == contact_id).execute()
        rows = []
        for cell, label in fields["handles"]:
            handle = parse_handle_cell(cell)
            if handle is not None:
                kind, service, value, _label = handle
                rows.append(
                    {
                        "contact": contact_id,
                        "kind": kind,
                        "service": service,
                        "value": value,
                        "label": label or "",
                        "position": len(rows),
                    }
                )
        if rows:
            Handle.insert_many(rows).execute()
    if "affiliations" in fields:
        Affiliation.delete().where(Affiliation.contact == contact_id).execute()
        for position, cell in enumerate(fields["affiliations"]):
            org, unit, title, role, current, start, end = parse_affiliation_cell(cell)
            organization = organization_for(org, now) if org else None
            Affiliation.insert(
                contact=contact_id,
                organization=organization.id if organization is not None else None,
                unit=unit,
                title=title,
                role=role,
                is_current=current,
                start_year=start,
                end_year=end,
                position=position,
            ).execute()
    for name, kind in (("birthday", "BDAY"), ("anniversary", "ANNIVERSARY")):
        if name not in fields:
            continue
        ContactDate.delete().where(
            (ContactDate.contact == contact_id) & (ContactDate.kind == kind)
        ).execute()
        if fields[name]:
            date = parse_date(kind, fields[name])
            ContactDate.insert(
                contact=contact_id,
                kind=kind,
                year=date.year,
                month=date.month,
                day=date.day,
                text=date.text,
            ).execute()


def set_uid(contact_id: int, uid: str) -> None:
    """Give a contact its card's UID (inside a ``change()``)."""
    Contact.update(uid=uid).where(Contact.id == contact_id).execute()


def set_uids(uids: dict[int, str]) -> None:
    """``set_uid`` for many contacts: one statement per 500 (inside a ``change()``)."""
    items = list(uids.items())
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        Contact.update(uid=Case(Contact.id, chunk)).where(
            Contact.id.in_([cid for cid, _uid in chunk])
        ).execute()


# ------------------------------------------------------------------ fingerprints


def fingerprints(ids: list[int] | None = None) -> dict[int, tuple[str, bool, str | None]]:
    """``(fingerprint, archived, uid)`` of every contact (or those in ``ids``).

    The fingerprint is a hash of exactly what ``card_text`` reads.

    Column-only queries (no model objects, no card built): about 0.15 s at 10,000
    contacts. The fingerprint changes exactly when a synced field or the UID does.
    """
    if ids is not None:
        out: dict[int, tuple[str, bool, str | None]] = {}
        for chunk in chunks(ids):
            out.update(_fingerprints(chunk))
        return out
    return _fingerprints(None)


def _fingerprints(ids: list[int] | None) -> dict[int, tuple[str, bool, str | None]]:
    hashes: dict[int, Any] = {}
    meta: dict[int, tuple[bool, str | None]] = {}
    contacts = Contact.select(
        Contact.id,
        Contact.name,
        Contact.title,
        Contact.location,
        Contact.uid,
        Contact.archived_at.is_null(False),
        Organization.name,
    ).join(Organization, JOIN.LEFT_OUTER, on=(Contact.organization == Organization.id))
    methods = ContactMethod.select(
        ContactMethod.contact,
        ContactMethod.kind,
        ContactMethod.value,
        ContactMethod.label,
        ContactMethod.position,
    ).order_by(ContactMethod.contact, ContactMethod.kind, ContactMethod.position)
    tag_rows = ContactTag.select(ContactTag.contact, Tag.name).join(Tag)
    if ids is not None:
        contacts = contacts.where(Contact.id.in_(ids))
        methods = methods.where(ContactMethod.contact.in_(ids))
        tag_rows = tag_rows.where(ContactTag.contact.in_(ids))
    for cid, name, title, location, uid, archived, org in database.execute(contacts):
        hashes[cid] = hashlib.blake2b(
            repr((name, title, location, uid, org)).encode(), digest_size=16
        )
        meta[cid] = (bool(archived), uid)
    for cid, kind, value, label, position in database.execute(methods):
        hashes[cid].update(repr((kind, value, label, position)).encode())
    tags: dict[int, list[str]] = defaultdict(list)
    for cid, name in database.execute(tag_rows):
        tags[cid].append(name)
    for cid, names in tags.items():
        hashes[cid].update(repr(sorted(names)).encode())
    # the card tables, each row tagged with its table (what exporters.vcard.card_extras reads)
    card_tables = (
        ContactCard.select(
            ContactCard.contact, *(getattr(ContactCard, c) for c in _CARD_COLUMN_NAMES)
        ).order_by(ContactCard.contact),
        Address.select(
            Address.contact, Address.label, *(getattr(Address, f) for f in ADDRESS_FIELDS)
        ).order_by(Address.contact, Address.position, Address.id),
        Handle.select(
            Handle.contact, Handle.kind, Handle.service, Handle.value, Handle.label
        ).order_by(Handle.contact, Handle.position, Handle.id),
        ContactDate.select(
            ContactDate.contact,
            ContactDate.kind,
            ContactDate.year,
            ContactDate.month,
            ContactDate.day,
            ContactDate.text,
        ).order_by(
            ContactDate.contact, ContactDate.kind.desc(), ContactDate.position, ContactDate.id
        ),
        Affiliation.select(
            Affiliation.contact,
            Organization.name,
            Affiliation.unit,
            Affiliation.title,
            Affiliation.role,
            Affiliation.is_current,
            Affiliation.start_year,
            Affiliation.end_year,
        )
        .join(Organization, JOIN.LEFT_OUTER)
        .order_by(Affiliation.contact, Affiliation.position, Affiliation.id),
    )
    for table, query in enumerate(card_tables):
        if ids is not None:
            query = query.where(query.model.contact.in_(ids))
        for cid, *values in database.execute(query):
            if cid in hashes:
                hashes[cid].update(repr((table, *values)).encode())
    return {cid: (h.hexdigest(), *meta[cid]) for cid, h in hashes.items()}


__all__ = [
    "SYNCED",
    "CardUnreadable",
    "apply_fields",
    "card_text",
    "card_texts",
    "card_uid",
    "fields_from_card",
    "fingerprints",
    "new_uid",
    "set_uid",
]
