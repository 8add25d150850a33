"""Targets: the organizations and the people I want to reach, each with why.

The bow-and-arrow questions (seed 001): "Who do I want to network with? (These can be
specific people, or types of people)". An organization is a target employer or
client (``organization.is_target``, since 0001); a person is a target too
(``contact.is_target``, 0008). Each keeps a one-line note on why
(``target_note``). Marking and unmarking are changes ``u`` undoes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum
from peewee import JOIN, fn

from netty.db.models import Contact, Organization
from netty.errors import NotFound
from netty.services.changes import change
from netty.services.contacts import organization_for
from netty.services.text import MAX_TEXT_CHARS, check_length, clean_line, require_name

MAX_NOTE_CHARS = 2000


@dataclass(frozen=True)
class Target:
    """A target: ``kind`` is ``organization`` or ``person``; ``id`` the row's id.

    ``note`` says why; ``detail`` what netty knows beside it (for an organization,
    how many active contacts work there; for a person, title and organization).
    ``known`` is that number of contacts (for a person: 1).
    """

    kind: str
    id: int
    name: str
    note: str
    detail: str
    known: int

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "note": self.note,
            "detail": self.detail,
            "known": self.known,
        }


def _note(note: str | None) -> str | None:
    if note is None:
        return None
    check_length(note, min(MAX_NOTE_CHARS, MAX_TEXT_CHARS), "target note")
    return clean_line(note)


def set_organization_target(
    name: str, is_target: bool, now: pendulum.DateTime, note: str | None = None
) -> Target:
    """Mark an organization (created if new) as a target, or not, with why.

    ``note`` None keeps the note there is; unmarking clears it. One change
    ("marked XYZ Corp as a target"). Raises InvalidInput for a blank name.
    """
    cleaned = _note(note)
    with change("set a target", now, kind="target") as ch:
        org = organization_for(require_name(name, "organization"), now)
        assert org is not None
        ch.label = f"{'marked' if is_target else 'unmarked'} {org.name} as a target"
        org.is_target = is_target
        if not is_target:
            org.target_note = ""
        elif cleaned is not None:
            org.target_note = cleaned
        org.save()
    return organization_target(org.id)


def set_person_target(
    contact_id: int, is_target: bool, now: pendulum.DateTime, note: str | None = None
) -> Target:
    """Mark a contact as a target person, or not, with why (as for organizations).

    Raises NotFound for an unknown contact.
    """
    cleaned = _note(note)
    with change("set a target", now, kind="target") as ch:
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is None:
            raise NotFound(f"no contact #{contact_id}")
        ch.label = f"{'marked' if is_target else 'unmarked'} {contact.name} as a target"
        values: dict = {Contact.is_target: is_target}
        if not is_target:
            values[Contact.target_note] = ""
        elif cleaned is not None:
            values[Contact.target_note] = cleaned
        # Not contact.save(): a target is not an edit of the contact (updated_at stays).
        Contact.update(values).where(Contact.id == contact_id).execute()
    return person_target(contact_id)


def organization_target(org_id: int) -> Target:
    """The organization as a target row (whether or not it is one now)."""
    org = Organization.get_by_id(org_id)
    known = (
        Contact.select()
        .where(Contact.organization == org_id, Contact.archived_at.is_null())
        .count()
    )
    return Target("organization", org.id, org.name, org.target_note, _people(known), known)


def person_target(contact_id: int) -> Target:
    """The contact as a target row (whether or not they are one now)."""
    row = (
        Contact.select(Contact, Organization.name.alias("org_name"))
        .join(Organization, JOIN.LEFT_OUTER, on=(Contact.organization == Organization.id))
        .where(Contact.id == contact_id)
        .objects()
        .get()
    )
    return Target("person", row.id, row.name, row.target_note, _work(row.title, row.org_name), 1)


def is_person_target(contact_id: int) -> tuple[bool, str]:
    """Whether a contact is a target, and the note on why."""
    row = Contact.get_or_none(Contact.id == contact_id)
    if row is None:
        raise NotFound(f"no contact #{contact_id}")
    return bool(row.is_target), row.target_note


def targets() -> list[Target]:
    """Every target: organizations by name, then people (not archived) by name."""
    counts = dict(
        Contact.select(Contact.organization, fn.COUNT(Contact.id))
        .where(Contact.archived_at.is_null(), Contact.organization.is_null(False))
        .group_by(Contact.organization)
        .tuples()
    )
    out = [
        Target(
            "organization",
            o.id,
            o.name,
            o.target_note,
            _people(counts.get(o.id, 0)),
            counts.get(o.id, 0),
        )
        for o in Organization.select()
        .where(Organization.is_target == True)  # noqa: E712 (SQL)
        .order_by(Organization.name_key)
    ]
    people = (
        Contact.select(Contact, Organization.name.alias("org_name"))
        .join(Organization, JOIN.LEFT_OUTER, on=(Contact.organization == Organization.id))
        .where(Contact.is_target == True, Contact.archived_at.is_null())  # noqa: E712
        .order_by(Contact.name_key)
        .objects()
    )
    out += [
        Target("person", c.id, c.name, c.target_note, _work(c.title, c.org_name), 1) for c in people
    ]
    return out


def _people(count: int) -> str:
    if count == 0:
        return "nobody I know works there"
    return f"{count} {'person' if count == 1 else 'people'} I know there"


def _work(title: str, org: str | None) -> str:
    if title and org:
        return f"{title} at {org}"
    return title or org or ""
