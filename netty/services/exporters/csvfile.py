"""Contacts as CSV for spreadsheets: one row per active contact, one column per field.

Several values in one cell (emails, phones, URLs, tags) are joined with
`` ::: `` as Google Contacts does. A cell that starts with ``=``, ``+``, ``-``,
``@`` (or a tab or carriage return) gets a leading ``'`` so that a spreadsheet
shows it as text instead of running it as a formula ("CSV injection"); a phone
number ``+1 555 0100`` therefore reads ``'+1 555 0100``.
"""

from __future__ import annotations

import csv
from typing import TextIO

import pendulum

from netty.db.bulk import moment_text
from netty.db.models import database
from netty.services.exporters.vcard import active_contacts

SEPARATOR = " ::: "
COLUMNS = (
    "id", "name", "organization", "title", "emails", "phones", "urls", "location", "ring",
    "channel", "cadence_days", "strength", "tags", "how_met", "details", "notes", "linkedin",
    "connected_at", "created_at", "last_interaction_at", "next_ping_at",
)  # fmt: skip
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A cell as text a spreadsheet will not evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_DANGEROUS) else text


def write(out: TextIO, now: pendulum.DateTime) -> int:
    """Write every active contact as a CSV row; returns how many."""
    with database.atomic():
        rows, methods, tags = active_contacts()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for c in rows:
        mine = methods.get(c.id, [])
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
            "tags": SEPARATOR.join(tags.get(c.id, [])),
            "how_met": c.how_met,
            "details": c.details,
            "notes": c.notes,
            "linkedin": c.linkedin,
            "connected_at": moment_text(c.connected_at),
            "created_at": moment_text(c.created_at),
            "last_interaction_at": moment_text(c.last_interaction_at),
            "next_ping_at": moment_text(c.next_ping_at),
        }
        writer.writerow([neutralise(values[column]) for column in COLUMNS])
    return len(rows)
