"""The contact list's data: every contact as one small tuple, plus fast in-memory filters.

At 50,000 contacts the app cannot build a widget or an ORM object per row. This
module reads the list with two plain SQL queries into ``IndexRow`` tuples once,
and then filters and sorts in memory: a keystroke in ``/`` is a substring test
over pre-folded text, and narrowing a filter re-filters the previous result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import and_, contains, itemgetter, not_
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
    search_text: str
    tags: str  # space-separated
    flags: int
    attention: float  # how overdue relative to cadence; > 0 means overdue
    gives: int = 0  # what I gave them
    asks: int = 0  # what I asked of them


@dataclass(frozen=True)
class Page:
    """What a first page stands for: the first rows of one view of the whole index."""

    sort: str  # one of SORTS
    ring: int | None  # the ring filter the rows were picked under
    shown: int  # how many contacts that view shows in all
    total: int  # how many contacts the whole index holds


@dataclass(frozen=True)
class ContactIndex:
    """Every (active or archived) contact, in attention order, and the engine's due count.

    ``page`` is set on a first page (``load_page``): then ``rows`` are only the
    contacts the list shows first under ``page.sort`` and ``page.ring``, in
    attention order like every index, and the counts come from ``page``.
    """

    rows: tuple[IndexRow, ...]
    now: pendulum.DateTime
    due_count: int = 0
    page: Page | None = None

    @property
    def total(self) -> int:
        """How many contacts the whole index holds (a first page's too)."""
        return self.page.total if self.page is not None else len(self.rows)


def _attention_sql() -> str:
    """How overdue a contact is relative to its cadence, plus 1 for a promise due: the
    list's first sort key (``?`` x7: three ring cadences, now, today, now, now)."""
    cadence = "COALESCE(c.cadence_days, CASE c.ring WHEN 1 THEN ? WHEN 2 THEN ? ELSE ? END)"
    late = (
        f"CASE WHEN c.next_ping_at <= ? "
        f"THEN {dialect.days_between(database, '?', 'c.next_ping_at')} ELSE 0 END"
    )
    return f"({late}) / {cadence} + (CASE WHEN {PROMISE_DUE_SQL} THEN 1.0 ELSE 0 END)"


def _index_sql(archived: bool, ids: int | None = None) -> str:
    """The index query; with ``ids``, only for that many ids (``?`` placeholders
    after the seven of the query itself)."""
    only = ""
    if ids is not None:
        only = f"contact_id IN ({', '.join('?' * ids)})"
    return f"""
        WITH gave AS (
            SELECT contact_id, COUNT(*) AS n FROM give {"WHERE " + only if only else ""}
            GROUP BY contact_id
        ),
        asked AS (
            SELECT contact_id, COUNT(*) AS n FROM ask {"WHERE " + only if only else ""}
            GROUP BY contact_id
        ),
        tagged AS (
            SELECT ct.contact_id, {dialect.string_agg(database, "t.name", " ")} AS tags
            FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            {"WHERE ct." + only if only else ""}
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
            {"AND c.id IN (" + ", ".join("?" * ids) + ")" if ids is not None else ""}
        )
        SELECT id, name, name_key, org_title, ring, last_interaction_at,
               search_text, tags, flags,
               late / cadence + (CASE WHEN (flags & {PROMISE_DUE}) <> 0 THEN 1.0 ELSE 0 END) AS attention,
               gives, asks
        FROM base
        ORDER BY attention DESC, ring, name_key, id
        """


def _index_params(now: pendulum.DateTime) -> tuple:
    cadences = settings.ring_cadences()
    now_text = to_utc_text(now)
    today = now.in_tz(now.timezone or "UTC").date().isoformat()
    return (cadences[1], cadences[2], cadences[3], now_text, today, now_text, now_text)


def _attention_params(now: pendulum.DateTime) -> tuple:
    cadences = settings.ring_cadences()
    now_text = to_utc_text(now)
    today = now.in_tz(now.timezone or "UTC").date().isoformat()
    return (now_text, now_text, cadences[1], cadences[2], cadences[3], today)


def _rows(cursor) -> tuple[IndexRow, ...]:
    """The index query's rows as ``IndexRow`` tuples, sharing equal values: one string
    per organization line and tag set, one 0.0 for the many not overdue (about 20 MB
    less at 200,000 contacts than a string per row)."""
    shared: dict = {}
    share = shared.setdefault
    new = tuple.__new__
    return tuple(
        [
            new(IndexRow, (i, n, k, share(o, o), r, la, t, share(g, g), f, a or 0.0, gv, ak))
            for i, n, k, o, r, la, t, g, f, a, gv, ak in cursor
        ]
    )


def load_index(now: pendulum.DateTime, *, archived: bool = False) -> ContactIndex:
    """Read every active (or archived) contact into an in-memory index, attention first.

    One query does the work in SQLite (cadence defaults, how overdue, promise-due
    flags, tags, the attention order); Python only wraps each row in a tuple.
    """
    cursor = database.execute_sql(_index_sql(archived), _index_params(now))
    rows = _rows(cursor)
    return ContactIndex(rows, now, due_count(now))


PAGE_ROWS = 100  # a first page: more rows than a terminal shows at once


def load_page(
    now: pendulum.DateTime,
    *,
    sort: str = "attention",
    ring: int | None = None,
    limit: int = PAGE_ROWS,
) -> ContactIndex:
    """The first ``limit`` active contacts the list shows under ``sort`` and ``ring``,
    as a ``ContactIndex`` whose ``page`` holds that view's counts: the list paints its
    first screen from this while ``load_index`` reads everyone (0.5 s at 50,000).

    Exactly the rows ``load_index`` would put first in that view, and equal rows
    (tags may come in another order, as the index never promised one): the ids are
    picked in the order ``sort_rows`` gives (SQLite's text order is Python's;
    PostgreSQL is told ``COLLATE "C"`` where Python sorts), then read by the index
    query itself, for those ids only. For the attention sort only a few hundred
    candidates are ranked: per ring, the contacts on the ring's cadence are read
    from the (archived_at, ring, cadence_days, next_ping_at) index most overdue first
    (the same cadence, so the same order as attention), plus those with a cadence of
    their own, with a promise due, and the first by (ring, name) for the not overdue.
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    limit = max(1, int(limit))
    where = "c.archived_at IS NULL"
    args: tuple = ()
    if ring is not None:
        where += " AND c.ring = ?"
        args = (ring,)
    collate = ' COLLATE "C"' if dialect.is_postgres(database) else ""
    attention_order = f"{_attention_sql()} DESC, c.ring, c.name_key, c.id"
    attention_args = _attention_params(now)
    if sort == "attention":
        chosen = _attention_candidates(now, where, args, ring, limit)
        order, order_args = attention_order, attention_args
    elif sort == "name":
        # "+" keeps SQLite off the archived_at index, onto name_key (one short scan)
        plus = "" if collate else "+"
        sql = (
            f"SELECT c.id FROM contact c WHERE {plus}{where} "
            f"ORDER BY c.name_key{collate}, c.id LIMIT ?"
        )
        chosen = [row[0] for row in database.execute_sql(sql, (*args, limit))]
        order, order_args = f"c.name_key{collate}, c.id", ()
    elif sort == "last contact":
        # Python: last_at descending, never-contacted last, ties in attention order
        chosen = None
        order = f"c.last_interaction_at DESC NULLS LAST, {attention_order}"
        order_args = attention_args
    else:  # give balance: (gives - asks, -asks, name_key, id)
        chosen = None
        order = (
            "(SELECT COUNT(*) FROM give g WHERE g.contact_id = c.id)"
            " - (SELECT COUNT(*) FROM ask a WHERE a.contact_id = c.id),"
            " -(SELECT COUNT(*) FROM ask a WHERE a.contact_id = c.id),"
            f" c.name_key{collate}, c.id"
        )
        order_args = ()
    ids: list[int] = []
    if chosen is None or chosen:
        among = "" if chosen is None else f" AND c.id IN ({', '.join('?' * len(chosen))})"
        sql = f"SELECT c.id FROM contact c WHERE {where}{among} ORDER BY {order} LIMIT ?"
        params = (*args, *(chosen or ()), *order_args, limit)
        ids = [row[0] for row in database.execute_sql(sql, params)]
    rows: tuple[IndexRow, ...] = ()
    if ids:
        cursor = database.execute_sql(
            _index_sql(False, len(ids)), (*ids, *ids, *ids, *_index_params(now), *ids)
        )
        rows = _rows(cursor)
    total, in_ring = database.execute_sql(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN c.ring = ? THEN 1 ELSE 0 END), 0) "
        "FROM contact c WHERE c.archived_at IS NULL",
        (ring if ring is not None else -1,),
    ).fetchone()
    page = Page(sort, ring, in_ring if ring is not None else total, total)
    return ContactIndex(rows, now, due_count(now), page)


def _attention_candidates(
    now: pendulum.DateTime, where: str, args: tuple, ring: int | None, limit: int
) -> list[int]:
    """Ids that hold the first ``limit`` contacts in attention order (a superset).

    A contact not overdue and owing no promise has attention 0 and follows in
    (ring, name, id) order, so the first ``limit`` of those are enough. Among the
    overdue on a ring's default cadence, attention grows with how long ago
    ``next_ping_at`` was, so the first ``limit`` by it are enough, with the ties
    at the last one taken in (name, id) order as the list breaks them.
    """
    now_text = to_utc_text(now)
    today = now.in_tz(now.timezone or "UTC").date().isoformat()
    found: set[int] = set()

    def ids(sql: str, params: tuple) -> list[tuple]:
        rows = list(database.execute_sql(sql, params))
        found.update(row[0] for row in rows)
        return rows

    ids(f"SELECT c.id FROM contact c WHERE {where} AND {PROMISE_DUE_SQL}", (*args, today))
    ids(
        f"SELECT c.id FROM contact c WHERE {where} ORDER BY c.ring, c.name_key, c.id LIMIT ?",
        (*args, limit),
    )
    group = "c.archived_at IS NULL AND c.ring = ? AND c.cadence_days IS NULL"
    for each in (1, 2, 3) if ring is None else (ring,):
        rows = ids(
            f"SELECT c.id, c.next_ping_at FROM contact c WHERE {group} "
            "AND c.next_ping_at <= ? ORDER BY c.next_ping_at, c.id LIMIT ?",
            (each, now_text, limit),
        )
        if len(rows) == limit:  # ties at the boundary: the list orders them by name
            ids(
                f"SELECT c.id FROM contact c WHERE {group} AND c.next_ping_at = ? "
                "ORDER BY c.name_key, c.id LIMIT ?",
                (each, rows[-1][1], limit),
            )
        # the few with a cadence of their own: ranked whole (no next_ping_at bound,
        # so the planner stays on the ring's index range)
        ids(
            f"SELECT c.id FROM contact c WHERE c.archived_at IS NULL AND c.ring = ? "
            f"AND c.cadence_days > 0 ORDER BY {_attention_sql()} DESC, c.name_key, c.id "
            "LIMIT ?",
            (each, *_attention_params(now), limit),
        )
    return sorted(found)


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


# tuple positions for the tight loops below
_NAME_KEY, _RING, _TEXT, _TAGS, _FLAGS, _GIVES, _ASKS = (
    IndexRow._fields.index(f)
    for f in ("name_key", "ring", "search_text", "tags", "flags", "gives", "asks")
)


def apply_filter(rows: Sequence[IndexRow], flt: Filter) -> list[IndexRow]:
    """The rows that match every part of the filter, in the same order.

    Tight loops over tuple positions: this runs on every keystroke over up to
    50,000 rows (``tests/benchmark.py`` measures it).
    """
    out: Sequence[IndexRow] = rows
    if flt.ring is not None:
        ring = flt.ring
        out = [r for r in out if r[_RING] == ring]
    if flt.due_only:
        out = [r for r in out if r[_FLAGS] & (PING_OVERDUE | PROMISE_DUE)]
    if flt.asked_only:
        out = [r for r in out if r[_ASKS] and not r[_GIVES]]
    if flt.tag:
        tag = flt.tag
        out = [r for r in out if tag in r[_TAGS].split()]
    for word in fold_query(flt.text):  # each word narrows the last pass
        out = [r for r in out if word in r[_TEXT]]
    return list(out)


def rank_matches(rows: Sequence[IndexRow], text: str) -> list[IndexRow]:
    """Filtered rows with name matches first: every word of ``text`` in the name.

    "/dev" shows Dev Patel above someone whose notes mention a developer; each
    tier keeps the order it came in (the current sort). One pass over the rows
    already filtered for the name tier and one for the rest (in C for several words).
    """
    words = fold_query(text)
    if not words:
        return list(rows)
    if len(words) == 1:  # the usual case: two tight comprehensions, no set of ids
        word = words[0]
        named = [r for r in rows if word in r[_NAME_KEY]]
        if not named or len(named) == len(rows):
            return list(rows)
        return named + [r for r in rows if word not in r[_NAME_KEY]]
    # several words: one flag per row, every pass in C (map and compress)
    keys = list(map(itemgetter(_NAME_KEY), rows))
    hit: list[bool] = []
    for word in words:
        found = map(contains, keys, repeat(word))
        hit = list(found) if not hit else list(map(and_, hit, found))
    count = sum(hit)
    if not count or count == len(rows):
        return list(rows)
    return [*compress(rows, hit), *compress(rows, map(not_, hit))]
