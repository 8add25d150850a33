"""The card's extra fields of one contact, as text to show: names, addresses, handles, dates.

``card_info(contact_id)`` reads ``ContactCard``, ``Address``, ``Handle``,
``ContactDate`` and ``Affiliation`` and returns a frozen ``CardInfo`` of plain
strings for ``netty show``, the contact card and the app: nothing in it is a
live row. Dates are shown as stored: "15 March" without a year, "2 May 1979",
or the text ("circa 1960"); no reminder logic here (that is the reminder engine's).
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from netty.db.models import Address, Affiliation, ContactCard, ContactDate, Handle, Organization
from netty.services.cardfields import address_text

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class CardInfo:
    """One contact's card beyond its columns, as text.

    ``full_name`` is the structured name joined ("Prof. Anneke Maria van der Berg
    PhD") or "" when none is kept; ``addresses``, ``handles`` and ``affiliations``
    are (label, text) pairs; ``birthday`` and ``anniversaries`` are shown dates.
    """

    full_name: str = ""
    nicknames: tuple[str, ...] = ()
    gender: str = ""
    unit: str = ""
    role: str = ""
    addresses: tuple[tuple[str, str], ...] = ()
    handles: tuple[tuple[str, str], ...] = ()
    birthday: str = ""
    anniversaries: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


_GENDERS = {"M": "male", "F": "female", "O": "other", "N": "none", "U": "unknown"}


def shown_date(year: int | None, month: int | None, day: int | None, text: str) -> str:
    """ "2 May 1979", "15 March" (no year) or the text of a text date."""
    if month is None or day is None:
        return text
    return f"{day} {_MONTHS[month - 1]}" + (f" {year}" if year is not None else "")


def card_info(contact_id: int) -> CardInfo:
    """The ``CardInfo`` of a contact (all empty for one without card fields)."""
    card = ContactCard.get_or_none(ContactCard.contact == contact_id)
    addresses = tuple(
        (
            a.label,
            address_text(
                (a.po_box, a.extended, a.street, a.locality, a.region, a.postal_code, a.country)
            ),
        )
        for a in Address.select().where(Address.contact == contact_id).order_by(Address.position)
    )
    handles = tuple(
        (h.service or h.kind, h.value + (f" ({h.label})" if h.label else ""))
        for h in Handle.select().where(Handle.contact == contact_id).order_by(Handle.position)
    )
    birthday, anniversaries = "", []
    for d in (
        ContactDate.select()
        .where(ContactDate.contact == contact_id)
        .order_by(ContactDate.position, ContactDate.id)
    ):
        text = shown_date(d.year, d.month, d.day, d.text)
        if d.kind == "BDAY" and not birthday:
            birthday = text
        elif d.kind == "ANNIVERSARY":
            anniversaries.append(text)
    affiliations = []
    for a in (
        Affiliation.select(Affiliation, Organization.name.alias("org_name"))
        .join(Organization, JOIN.LEFT_OUTER)
        .where(Affiliation.contact == contact_id)
        .order_by(Affiliation.position, Affiliation.id)
        .objects()
    ):
        years = ""
        if a.start_year or a.end_year:
            years = f" {a.start_year or ''}–{a.end_year or ''}"
        what = ", ".join(x for x in (a.title, a.role) if x)
        where = "; ".join(x for x in (a.org_name or "", a.unit) if x)
        state = "" if a.is_current else " (past)"
        affiliations.append(" at ".join(x for x in (what, where) if x) + years + state)
    if card is None:
        return CardInfo(
            addresses=addresses,
            handles=handles,
            birthday=birthday,
            anniversaries=tuple(anniversaries),
            affiliations=tuple(affiliations),
        )
    parts = (card.prefix, card.given, card.additional, card.family, card.suffix)
    gender = ", ".join(x for x in (_GENDERS.get(card.gender, ""), card.gender_text) if x)
    return CardInfo(
        full_name=" ".join(p for p in parts if p),
        nicknames=tuple(n for n in card.nicknames.split("\n") if n),
        gender=gender,
        unit=card.unit,
        role=card.role,
        addresses=addresses,
        handles=handles,
        birthday=birthday,
        anniversaries=tuple(anniversaries),
        affiliations=tuple(affiliations),
    )


def move_card(keep_id: int, other_id: int) -> dict[str, int]:
    """Merging: give KEEP what OTHER's card has and KEEP lacks; how many of each moved.

    Addresses, handles, anniversaries and affiliations KEEP does not have move to
    it (the rest stay with OTHER, which is archived, not deleted); OTHER's birthday
    moves only when KEEP has none; empty card fields are filled and nicknames
    joined. Call inside the merge's ``change()``.
    """
    from netty.services.importers._fast import fold

    moved = {"addresses": 0, "handles": 0, "dates": 0, "affiliations": 0}
    have = {
        tuple(fold(getattr(a, f)) for f in _ADDRESS_FIELDS)
        for a in Address.select().where(Address.contact == keep_id)
    }
    position = Address.select().where(Address.contact == keep_id).count()
    for a in Address.select().where(Address.contact == other_id).order_by(Address.position):
        key = tuple(fold(getattr(a, f)) for f in _ADDRESS_FIELDS)
        if key not in have:
            have.add(key)
            Address.update(contact=keep_id, position=position).where(Address.id == a.id).execute()
            position += 1
            moved["addresses"] += 1
    handles = {
        (h.kind, h.service, h.value.lower())
        for h in Handle.select().where(Handle.contact == keep_id)
    }
    position = len(handles)
    for h in Handle.select().where(Handle.contact == other_id).order_by(Handle.position):
        if (h.kind, h.service, h.value.lower()) not in handles:
            handles.add((h.kind, h.service, h.value.lower()))
            Handle.update(contact=keep_id, position=position).where(Handle.id == h.id).execute()
            position += 1
            moved["handles"] += 1
    dates = {
        (d.kind, d.year, d.month, d.day, d.text)
        for d in ContactDate.select().where(ContactDate.contact == keep_id)
    }
    has_birthday = any(kind == "BDAY" for kind, *_ in dates)
    for d in ContactDate.select().where(ContactDate.contact == other_id):
        if (d.kind, d.year, d.month, d.day, d.text) in dates or (d.kind == "BDAY" and has_birthday):
            continue
        ContactDate.update(contact=keep_id).where(ContactDate.id == d.id).execute()
        moved["dates"] += 1
    affiliations = {
        (a.organization_id, fold(a.title))
        for a in Affiliation.select().where(Affiliation.contact == keep_id)
    }
    for a in Affiliation.select().where(Affiliation.contact == other_id):
        if (a.organization_id, fold(a.title)) not in affiliations:
            Affiliation.update(contact=keep_id).where(Affiliation.id == a.id).execute()
            moved["affiliations"] += 1
    theirs = ContactCard.get_or_none(ContactCard.contact == other_id)
    if theirs is not None:
        mine = ContactCard.get_or_none(ContactCard.contact == keep_id)
        if mine is None:
            ContactCard.update(contact=keep_id).where(ContactCard.id == theirs.id).execute()
        else:
            changes = {}
            for f in ("prefix", "given", "additional", "family", "suffix", "gender",
                      "gender_text", "unit", "role"):  # fmt: skip
                if not getattr(mine, f) and getattr(theirs, f):
                    changes[f] = getattr(theirs, f)
            nicks = [n for n in mine.nicknames.split("\n") if n]
            nicks += [n for n in theirs.nicknames.split("\n") if n and n not in nicks]
            if "\n".join(nicks) != mine.nicknames:
                changes["nicknames"] = "\n".join(nicks)
            if changes:
                ContactCard.update(**changes).where(ContactCard.id == mine.id).execute()
    return {k: v for k, v in moved.items() if v}


_ADDRESS_FIELDS = ("po_box", "extended", "street", "locality", "region", "postal_code", "country")


def edit_card(
    contact_id: int,
    now,
    *,
    add_nicknames: tuple[str, ...] = (),
    remove_nicknames: tuple[str, ...] = (),
) -> None:
    """Add or remove nicknames (``netty edit --nickname``): one change (joins the caller's)."""
    from netty.services.changes import change
    from netty.services.importers.record import line

    with change("edited a contact", now, kind="edit"):
        if add_nicknames or remove_nicknames:
            card, _ = ContactCard.get_or_create(contact=contact_id)
            nicks = [n for n in card.nicknames.split("\n") if n and n not in remove_nicknames]
            nicks += [n for n in (line(x) for x in add_nicknames) if n and n not in nicks]
            ContactCard.update(nicknames="\n".join(nicks)).where(
                ContactCard.id == card.id
            ).execute()
