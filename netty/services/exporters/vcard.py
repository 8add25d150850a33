"""Contacts as vCard 3.0, the version every phone and address book imports.

(4.0 is newer, but Google Contacts and older Apple and Android address books
read 3.0 more reliably.) One card per active contact, CRLF lines folded at 75
octets without splitting a character, text escaped (``\\\\``, ``\\,``,
``\\;``, ``\\n``). Standard properties carry what others understand: ``FN``,
``N``, ``ORG``, ``TITLE``, ``EMAIL``, ``TEL``, ``URL``, ``ADR`` (the location,
as the locality), ``NOTE``, ``CATEGORIES`` (tags). A label that is a vCard
type (home, work, cell ...) is a ``TYPE``; any other label uses Apple's
``itemN.X-ABLabel`` group. An organization-only contact is a company card
(``X-ABShowAs:COMPANY``). netty's own fields use ``X-NETTY-RING``,
``X-NETTY-CHANNEL``, ``X-NETTY-CADENCE``, ``X-NETTY-STRENGTH``,
``X-NETTY-HOW-MET``, ``X-NETTY-DETAILS`` and ``X-NETTY-CONNECTED``, which
``netty import vcard`` reads back: export, import into an empty database, and
the contacts come back equal.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TextIO

import pendulum
from peewee import JOIN

from netty import __version__
from netty.db.bulk import chunks, moment_text
from netty.db.models import Contact, ContactMethod, ContactTag, Organization, Tag, database
from netty.db.vocab import fold as fold_name

# Labels written as TYPE=; anything else (and types an importer ignores, like voice) uses a group.
_TYPES = frozenset({"home", "work", "cell", "mobile", "fax", "pager", "main", "other", "iphone"})
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


def active_contacts():
    """Active contacts with organization, methods and tags, by name, in a few queries."""
    rows = list(
        Contact.select(Contact, Organization.name.alias("org_name"))
        .join(Organization, JOIN.LEFT_OUTER, on=(Contact.organization == Organization.id))
        .where(Contact.archived_at.is_null(True))
        .order_by(Contact.name_key, Contact.id)
        .objects()
    )
    ids = [r.id for r in rows]
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
    return rows, methods, tags


def card(contact, methods: list[tuple[str, str, str]], tags: list[str]) -> str:
    """One contact as a vCard 3.0 card."""
    org = contact.org_name
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    company = org is not None and fold_name(org) == contact.name_key
    if company:
        lines += [
            "N:;;;;",
            f"FN:{escape(contact.name)}",
            f"ORG:{escape(org)}",
            "X-ABShowAs:COMPANY",
        ]
    else:
        words = contact.name.split()
        family, given = (words[-1], " ".join(words[:-1])) if len(words) > 1 else ("", contact.name)
        lines += [f"N:{escape(family)};{escape(given)};;;", f"FN:{escape(contact.name)}"]
        if org:
            lines.append(f"ORG:{escape(org)}")
    if contact.title:
        lines.append(f"TITLE:{escape(contact.title)}")
    item = 0
    for kind, value, label in methods:
        prop = {"email": "EMAIL", "phone": "TEL", "url": "URL"}[kind]
        params = ";TYPE=INTERNET" if kind == "email" else ""
        group = ""
        label = label.strip().lower()
        if label and _TOKEN.match(label) and label in _TYPES:
            params += f";TYPE={label}"
        elif label:
            item += 1
            group = f"item{item}."
        lines.append(f"{group}{prop}{params}:{escape(value)}")
        if group:
            lines.append(f"{group}X-ABLabel:{escape(label)}")
    if contact.location:
        lines.append(f"ADR:;;;{escape(contact.location)};;;")
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


def write(out: TextIO, now: pendulum.DateTime) -> int:
    """Write every active contact as vCard 3.0; returns how many."""
    with database.atomic():
        rows, methods, tags = active_contacts()
    for contact in rows:
        out.write(card(contact, methods.get(contact.id, []), tags.get(contact.id, [])))
    return len(rows)
