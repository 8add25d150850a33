"""Contacts as CSV for spreadsheets: one row per active contact, one column per field.

Several values in one cell (emails, phones, URLs, tags) are joined with
`` ::: `` as Google Contacts does. A cell that starts with ``=``, ``+``, ``-``,
``@`` (or a tab or carriage return) gets a leading ``'`` so that a spreadsheet
shows it as text instead of running it as a formula ("CSV injection"); a phone
number ``+1 555 0100`` therefore reads ``'+1 555 0100``; ``netty import csv`` takes
the ``'`` off again. After the older columns come the card's (UID, structured
name, nicknames, gender, birthday, anniversaries, unit, role, addresses, handles,
affiliations, and the labels of emails, phones and URLs in their order), in the
cell formats of ``netty.services.cardfields``, so the file re-imports unchanged.
"""

from __future__ import annotations

import csv
from typing import TextIO

import pendulum

from netty.db.bulk import moment_text
from netty.db.models import database
from netty.services.cardfields import (
    ADDRESS_FIELDS,
    CardDate,
    address_cell,
    affiliation_cell,
    date_value,
    handle_cell,
)
from netty.services.exporters.vcard import CardData, active_cards

SEPARATOR = " ::: "
COLUMNS = (
    "id", "name", "organization", "title", "emails", "phones", "urls", "location", "ring",
    "channel", "cadence_days", "strength", "tags", "how_met", "details", "notes", "linkedin",
    "connected_at", "created_at", "last_interaction_at", "next_ping_at",
    # the card (after the older columns, which keep their places)
    "uid", "name_prefix", "given_name", "additional_names", "family_name", "name_suffix",
    "nicknames", "gender", "birthday", "anniversaries", "unit", "role", "addresses", "handles",
    "affiliations", "email_labels", "phone_labels", "url_labels",
)  # fmt: skip
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A cell as text a spreadsheet will not evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_DANGEROUS) else text


def _card_cells(data: CardData, mine: list[tuple[str, str, str]]) -> dict[str, str]:
    card = data.card

    def date_text(d) -> str:
        return date_value(CardDate(d.kind, d.year, d.month, d.day, d.text))[0]

    def labels(kind: str) -> str:
        found = [label for k, _v, label in mine if k == kind]
        return SEPARATOR.join(found) if any(found) else ""

    return {
        "uid": data.uid,
        "name_prefix": card.prefix if card else "",
        "given_name": card.given if card else "",
        "additional_names": card.additional if card else "",
        "family_name": card.family if card else "",
        "name_suffix": card.suffix if card else "",
        "nicknames": SEPARATOR.join(card.nicknames.split("\n")) if card and card.nicknames else "",
        "gender": (card.gender + (f";{card.gender_text}" if card.gender_text else ""))
        if card
        else "",
        "birthday": next((date_text(d) for d in data.dates if d.kind == "BDAY"), ""),
        "anniversaries": SEPARATOR.join(
            date_text(d) for d in data.dates if d.kind == "ANNIVERSARY"
        ),
        "unit": card.unit if card else "",
        "role": card.role if card else "",
        "addresses": SEPARATOR.join(
            address_cell(a.label, tuple(getattr(a, f) for f in ADDRESS_FIELDS))
            for a in data.addresses
        ),
        "handles": SEPARATOR.join(
            handle_cell(h.kind, h.service, h.value, h.label) for h in data.handles
        ),
        "affiliations": SEPARATOR.join(
            affiliation_cell(
                a.org_name or "", a.unit, a.title, a.role, a.is_current, a.start_year, a.end_year
            )
            for a in data.affiliations
        ),
        "email_labels": labels("email"),
        "phone_labels": labels("phone"),
        "url_labels": labels("url"),
    }


def write(out: TextIO, now: pendulum.DateTime) -> int:
    """Write every active contact as a CSV row, streamed; returns how many.

    One read transaction; rows are written as their batch is read
    (``vcard.active_cards``), so memory stays flat at any size (issue 16).
    """
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    with database.atomic():
        for c, mine, tags, data in active_cards(now):
            values = {
                "id": c.id,
                "name": c.name,
                "organization": c.org_name,
                "title": c.title,
                "emails": SEPARATOR.join(v for k, v, _l in mine if k == "email"),
                "phones": SEPARATOR.join(v for k, v, _l in mine if k == "phone"),
                "urls": SEPARATOR.join(v for k, v, _l in mine if k == "url"),
                "location": c.location,
                "ring": c.ring,
                "channel": c.channel,
                "cadence_days": c.cadence_days,
                "strength": c.strength,
                "tags": SEPARATOR.join(tags),
                "how_met": c.how_met,
                "details": c.details,
                "notes": c.notes,
                "linkedin": c.linkedin,
                "connected_at": moment_text(c.connected_at),
                "created_at": moment_text(c.created_at),
                "last_interaction_at": moment_text(c.last_interaction_at),
                "next_ping_at": moment_text(c.next_ping_at),
            }
            values.update(_card_cells(data, mine))
            writer.writerow([neutralise(values[column]) for column in COLUMNS])
            count += 1
    return count
