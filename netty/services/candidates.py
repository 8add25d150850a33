"""Who a name could be: each candidate contact with what tells people apart.

When a name matches several contacts (``netty log``, ``netty event``, event mode,
the duplicates screen), the person choosing needs the organization, the title,
the email addresses and when they were last in touch, not just an id. This module
reads those for a set of ids in three queries and words them the same way
everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pendulum
from peewee import JOIN

from netty.db.models import Contact, ContactMethod, Organization


@dataclass(frozen=True)
class Candidate:
    """One contact as a chooser sees it. ``last_contact`` is a UTC DateTime or None."""

    id: int
    name: str
    organization: str
    title: str
    emails: tuple[str, ...]
    last_contact: pendulum.DateTime | None
    archived: bool = False

    def describe(self, tz: str | pendulum.Timezone | pendulum.FixedTimezone = "UTC") -> str:
        """One line: ``Sam Lee #3 (CTO, Acme; last contact 2026-10-01)``; dates in ``tz``."""
        who = ", ".join(x for x in (self.title, self.organization) if x)
        last = (
            f"last contact {self.last_contact.in_tz(tz).to_date_string()}"
            if self.last_contact is not None
            else "never contacted"
        )
        inside = f"{who}; {last}" if who else last
        return f"{self.name} #{self.id} ({inside})"


def candidates(ids: Iterable[int]) -> list[Candidate]:
    """The contacts with these ids, in the order given (unknown ids are left out)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = {
        row.id: row
        for row in Contact.select(
            Contact.id,
            Contact.name,
            Contact.title,
            Contact.last_interaction_at,
            Contact.archived_at,
            Organization.name.alias("org_name"),
        )
        .join(Organization, JOIN.LEFT_OUTER)
        .where(Contact.id.in_(wanted))
        .objects()
    }
    emails: dict[int, list[str]] = defaultdict(list)
    for cid, value in (
        ContactMethod.select(ContactMethod.contact, ContactMethod.value)
        .where((ContactMethod.contact.in_(wanted)) & (ContactMethod.kind == "email"))
        .order_by(ContactMethod.position, ContactMethod.id)
        .tuples()
    ):
        emails[cid].append(value)
    return [
        Candidate(
            id=cid,
            name=rows[cid].name,
            organization=rows[cid].org_name or "",
            title=rows[cid].title or "",
            emails=tuple(emails[cid]),
            last_contact=rows[cid].last_interaction_at,
            archived=rows[cid].archived_at is not None,
        )
        for cid in wanted
        if cid in rows
    ]


def describe_all(
    ids: Iterable[int], tz: str | pendulum.Timezone | pendulum.FixedTimezone = "UTC"
) -> str:
    """Candidates as one line, ``; ``-separated (for an error message)."""
    return "; ".join(c.describe(tz) for c in candidates(ids))
