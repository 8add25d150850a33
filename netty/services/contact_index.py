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

from netty.db import dialect
from netty.db.fields import to_utc_text
from netty.db.models import database
from netty.services import settings
from netty.services.reminders import PING_DUE_SQL, PROMISE_DUE_SQL, due_count
from netty.services.text import fold_query

SORTS = ("attention", "name", "last contact", "give balance")

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
    gives: int = 0  # what I gave them
    asks: int = 0  # what I asked of them


@dataclass(frozen=True)
class ContactIndex:
    """Every (active or archived) contact, in attention order, and the engine's due count."""

    rows: tuple[IndexRow, ...]
    now: pendulum.DateTime
    due_count: int = 0


def load_index(now: pendulum.DateTime, *, archived: bool = False) -> ContactIndex:
    """Read every active (or archived) contact into an in-memory index, attention first.

    One query does the work in SQLite (cadence defaults, how overdue, promise-due
    flags, tags, the attention order); Python only wraps each row in a tuple.
    """
    cadences = settings.ring_cadences()
    now_text = to_utc_text(now)
    today = now.in_tz(now.timezone or "UTC").date().isoformat()
    cursor = database.execute_sql(
        f"""
        WITH gave AS (
            SELECT contact_id, COUNT(*) AS n FROM give GROUP BY contact_id
        ),
        asked AS (
            SELECT contact_id, COUNT(*) AS n FROM ask GROUP BY contact_id
        ),
        tagged AS (
            SELECT ct.contact_id, {dialect.string_agg(database, "t.name", " ")} AS tags
            FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            GROUP BY ct.contact_id
        ),
        base AS (
            SELECT c.id, c.name, c.name_key,
                   CASE WHEN c.title <> '' AND o.name IS NOT NULL THEN c.title || ', ' || o.name
                        ELSE COALESCE(NULLIF(c.title, ''), o.name, '') END AS org_title,
                   c.ring, c.last_interaction_at, c.next_ping_at,
                   COALESCE(c.cadence_days,
                            CASE c.ring WHEN 1 THEN ? WHEN 2 THEN ? ELSE ? END) AS cadence,
                   c.search_text, COALESCE(tagged.tags, '') AS tags,
                   (CASE WHEN {PING_DUE_SQL} THEN {PING_OVERDUE} ELSE 0 END)
                   | (CASE WHEN {PROMISE_DUE_SQL} THEN {PROMISE_DUE} ELSE 0 END)
                   | (CASE WHEN c.archived_at IS NOT NULL THEN {ARCHIVED} ELSE 0 END) AS flags,
                   CASE WHEN c.next_ping_at <= ?
                        THEN {dialect.days_between(database, "?", "c.next_ping_at")} ELSE 0 END AS late,
                   COALESCE(gave.n, 0) AS gives, COALESCE(asked.n, 0) AS asks
            FROM contact c
            LEFT JOIN organization o ON o.id = c.organization_id
            LEFT JOIN tagged ON tagged.contact_id = c.id
            LEFT JOIN gave ON gave.contact_id = c.id
            LEFT JOIN asked ON asked.contact_id = c.id
            WHERE c.archived_at IS {"NOT" if archived else ""} NULL
        )
        SELECT id, name, name_key, org_title, ring, last_interaction_at, next_ping_at, cadence,
               search_text, tags, flags,
               late / cadence + (CASE WHEN (flags & {PROMISE_DUE}) <> 0 THEN 1.0 ELSE 0 END) AS attention,
               gives, asks
        FROM base
        ORDER BY attention DESC, ring, name_key, id
        """,
        (cadences[1], cadences[2], cadences[3], now_text, today, now_text, now_text),
    )
    rows = tuple(map(IndexRow._make, cursor))
    return ContactIndex(rows, now, due_count(now))


def sort_rows(rows: Sequence[IndexRow], how: str) -> list[IndexRow]:
    """Rows in one of the SORTS orders (attention: most overdue first, then by ring, name)."""
    if how == "name":
        return sorted(rows, key=lambda r: (r.name_key, r.id))
    if how == "last contact":
        # most recent first; never-contacted last ("" sorts below any timestamp)
        return sorted(rows, key=lambda r: r.last_at or "", reverse=True)
    if how == "give balance":
        # asked most beyond what I gave first: the people to offer something to
        return sorted(rows, key=lambda r: (r.gives - r.asks, -r.asks, r.name_key, r.id))
    return sorted(rows, key=lambda r: (-r.attention, r.ring, r.name_key, r.id))


@dataclass(frozen=True)
class Filter:
    """What the list is narrowed to; every part is optional."""

    text: str = ""
    ring: int | None = None
    tag: str | None = None
    due_only: bool = False
    asked_only: bool = False  # people I have asked of and never given to

    def narrows(self, other: Filter) -> bool:
        """True when every row matching ``self`` also matches ``other`` (re-filter is safe)."""
        return (
            self.text.startswith(other.text)
            and (other.ring is None or other.ring == self.ring)
            and (other.tag is None or other.tag == self.tag)
            and (self.due_only or not other.due_only)
            and (self.asked_only or not other.asked_only)
        )

    @property
    def active(self) -> bool:
        return bool(self.text or self.ring or self.tag or self.due_only or self.asked_only)


def apply_filter(rows: Sequence[IndexRow], flt: Filter) -> list[IndexRow]:
    """The rows that match every part of the filter, in the same order.

    Tight loops over tuple positions: this runs on every keystroke over up to
    50,000 rows (``tests/benchmark.py`` measures it).
    """
    out: Sequence[IndexRow] = rows
    if flt.ring is not None:
        ring = flt.ring
        out = [r for r in out if r[4] == ring]
    if flt.due_only:
        out = [r for r in out if r[10] & (PING_OVERDUE | PROMISE_DUE)]
    if flt.asked_only:
        out = [r for r in out if r[13] and not r[12]]
    if flt.tag:
        tag = flt.tag
        out = [r for r in out if tag in r[9].split()]
    for word in fold_query(flt.text):  # each word narrows the last pass
        out = [r for r in out if word in r[8]]
    return list(out)


def rank_matches(rows: Sequence[IndexRow], text: str) -> list[IndexRow]:
    """Filtered rows with name matches first: every word of ``text`` in the name.

    "/dev" shows Dev Patel above someone whose notes mention a developer; each
    tier keeps the order it came in (the current sort). One pass over the rows
    already filtered, so the keystroke stays cheap at 50,000 contacts.
    """
    words = fold_query(text)
    if not words:
        return list(rows)
    names: Sequence[IndexRow] = rows
    for word in words:  # tight comprehensions over tuple positions, as in apply_filter
        names = [r for r in names if word in r[2]]
    if not names or len(names) == len(rows):
        return list(rows)
    in_name = {r[0] for r in names}
    return [*names, *(r for r in rows if r[0] not in in_name)]
