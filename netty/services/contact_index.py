"""The contact list's data: every contact as one small tuple, plus fast in-memory filters.

At 50,000 contacts the app cannot build a widget or an ORM object per row. This
module reads the list with two plain SQL queries into ``IndexRow`` tuples once,
and then filters and sorts in memory: a keystroke in ``/`` is a substring test
over pre-folded text, and narrowing a filter re-filters the previous result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pendulum

from netty.db.fields import from_utc_text, to_utc_text
from netty.db.models import database
from netty.services import settings
from netty.services.text import fold_query

SORTS = ("attention", "name", "last contact")

# Attention flags, as bits.
PING_OVERDUE = 1
PROMISE_DUE = 2  # a promise I owe is due today or overdue
ARCHIVED = 4


class IndexRow(NamedTuple):
    """One contact as the list shows it; plain values only."""

    id: int
    name: str
    name_key: str
    org_title: str
    ring: int
    last_at: str | None  # UTC text, sortable
    next_ping_at: str
    cadence_days: int
    search_text: str
    tags: str  # space-separated
    flags: int
    attention: float  # how overdue relative to cadence; > 0 means overdue

    @property
    def last_interaction(self) -> pendulum.DateTime | None:
        return from_utc_text(self.last_at) if self.last_at else None


@dataclass(frozen=True)
class ContactIndex:
    """Every (active or archived) contact, in attention order."""

    rows: tuple[IndexRow, ...]
    now: pendulum.DateTime

    @property
    def due_count(self) -> int:
        """How many contacts need attention now (ping overdue or a promise due)."""
        return sum(1 for r in self.rows if r.flags & (PING_OVERDUE | PROMISE_DUE))


def load_index(now: pendulum.DateTime, *, archived: bool = False) -> ContactIndex:
    """Read every active (or archived) contact into an in-memory index."""
    cadences = settings.ring_cadences()
    now_text = to_utc_text(now)
    today = now.date().isoformat()
    cursor = database.execute_sql(
        """
        SELECT c.id, c.name, c.name_key, c.title, o.name, c.ring, c.last_interaction_at,
               c.next_ping_at, c.cadence_days, c.search_text, c.archived_at,
               (SELECT group_concat(t.name, ' ') FROM contact_tag ct
                  JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id)
        FROM contact c LEFT JOIN organization o ON o.id = c.organization_id
        WHERE c.archived_at IS {} NULL
        """.format("NOT" if archived else "")
    )
    owed = {
        row[0]
        for row in database.execute_sql(
            "SELECT DISTINCT contact_id FROM promise WHERE status = 'open' "
            "AND direction = 'i_owe' AND due IS NOT NULL AND due <= ?",
            (today,),
        )
    }
    now_ts = now.timestamp()
    rows = []
    for (
        cid,
        name,
        key,
        title,
        org,
        ring,
        last_at,
        next_ping,
        cadence,
        search,
        archived_at,
        tags,
    ) in cursor:
        cadence = cadence or cadences[ring]
        flags = 0
        attention = 0.0
        if next_ping and next_ping <= now_text:
            flags |= PING_OVERDUE
            late = now_ts - from_utc_text(next_ping).timestamp()
            attention = late / 86400 / cadence
        if cid in owed:
            flags |= PROMISE_DUE
            attention += 1.0
        if archived_at:
            flags |= ARCHIVED
        org_title = ", ".join(x for x in (title, org) if x)
        rows.append(
            IndexRow(
                cid,
                name,
                key,
                org_title,
                ring,
                last_at,
                next_ping,
                cadence,
                search or "",
                tags or "",
                flags,
                attention,
            )
        )
    return ContactIndex(tuple(sort_rows(rows, "attention")), now)


def sort_rows(rows: Sequence[IndexRow], how: str) -> list[IndexRow]:
    """Rows in one of the SORTS orders (attention: most overdue first, then by ring, name)."""
    if how == "name":
        return sorted(rows, key=lambda r: (r.name_key, r.id))
    if how == "last contact":
        # most recent first; never-contacted last ("" sorts below any timestamp)
        return sorted(rows, key=lambda r: r.last_at or "", reverse=True)
    return sorted(rows, key=lambda r: (-r.attention, r.ring, r.name_key, r.id))


@dataclass(frozen=True)
class Filter:
    """What the list is narrowed to; every part is optional."""

    text: str = ""
    ring: int | None = None
    tag: str | None = None
    due_only: bool = False

    def narrows(self, other: Filter) -> bool:
        """True when every row matching ``self`` also matches ``other`` (re-filter is safe)."""
        return (
            self.text.startswith(other.text)
            and (other.ring is None or other.ring == self.ring)
            and (other.tag is None or other.tag == self.tag)
            and (self.due_only or not other.due_only)
        )

    @property
    def active(self) -> bool:
        return bool(self.text or self.ring or self.tag or self.due_only)


def apply_filter(rows: Sequence[IndexRow], flt: Filter) -> list[IndexRow]:
    """The rows that match every part of the filter, in the same order."""
    words = fold_query(flt.text)
    out: list[IndexRow] = list(rows)
    if flt.ring is not None:
        out = [r for r in out if r.ring == flt.ring]
    if flt.due_only:
        out = [r for r in out if r.flags & (PING_OVERDUE | PROMISE_DUE)]
    if flt.tag:
        tag = flt.tag
        out = [r for r in out if tag in r.tags.split()]
    for word in words:
        out = [r for r in out if word in r.search_text]
    return out
