"""Progress over months: figures per week or month, the monthly review, suggested strength.

Networking is slow (seeds 004: "microwave networkers" give up because they see no
progress); these figures show it moving. Every figure is counted in SQL, never
one query per contact: most by a grouped aggregate over the whole span (one
``CASE`` expression maps a moment to its period); the many rows (conversations,
people reached) by one index range count per period, which sorts nothing. People
reached come from the derived ``reach`` table (``netty.db.reach``: one row per
conversation and person, with the person's ring and channel, kept right by
triggers on every write, undo and redo): different people per period and ring,
and over the span per ring and channel. Six months at 50,000 contacts and 500,000
interactions take about 0.2 s (``tests/benchmark_stats.py``; issue 15's target is
0.3 s).

Periods are calendar weeks (Monday to Monday) or months in the user's time zone
(``now.tz``): each period's bounds are local midnights, converted to UTC and
compared with the ``Timestamp`` columns, so a week that spans a daylight-saving
change is 167 or 169 hours long and still holds exactly its local days.

What is counted (archived interactions are left out):

- ``in_person`` / ``online``: interactions by when they happened; in person is a
  coffee, meal or event, online every other kind but a ``note`` (a note is
  something I wrote down, not a conversation);
- ``new_by_ring``: contacts (not archived) by when I met them: ``connected_at``
  when known (LinkedIn's "Connected On"), else when the contact was added;
- ``reached_by_ring`` and ``reached_by_channel``: different people I had an
  interaction (not a note) with;
- ``gives`` / ``asks``: by ``given_at`` / ``asked_at``;
- ``kept_on_time`` / ``kept_late``: promises I owed marked done in the period, on
  time when done on or before the local due day (or with no due day);
- ``kept_to_me``: promises they owed me marked done;
- ``help_received``: promises kept to me, asks granted and intros they made;
- ``thanks_sent``: thank-you interactions;
- ``needs_met_helped``: their needs marked met in the period with a give of mine
  linked to them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pendulum
from peewee import SQL, Case, fn

from netty.db.fields import to_utc_text
from netty.db.models import (
    Ask,
    Contact,
    Give,
    Interaction,
    Need,
    Promise,
    Reach,
)
from netty.db.vocab import CHANNELS, RINGS
from netty.errors import InvalidInput

BYS = ("week", "month")
DEFAULT_MONTHS = 6
NOT_CONVERSATION = "note"


@dataclass(frozen=True)
class Figures:
    """The figures of one period (or of the whole span, as ``Stats.totals``).

    ``start``/``end`` are local (the user's zone) and ``end`` is exclusive; the
    ring tuples are indexed ring 1, 2, 3.
    """

    label: str
    start: pendulum.DateTime
    end: pendulum.DateTime
    in_person: int = 0
    online: int = 0
    new_by_ring: tuple[int, int, int] = (0, 0, 0)
    reached_by_ring: tuple[int, int, int] = (0, 0, 0)
    gives: int = 0
    asks: int = 0
    kept_on_time: int = 0
    kept_late: int = 0
    kept_to_me: int = 0
    help_received: int = 0
    thanks_sent: int = 0
    needs_met_helped: int = 0

    @property
    def interactions(self) -> int:
        """In person and online together."""
        return self.in_person + self.online

    def to_json(self) -> dict[str, Any]:
        """JSON-ready: bounds as local ISO 8601 with offset, rings as {"1": n, ...}."""
        return {
            "label": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "interactions": self.interactions,
            "in_person": self.in_person,
            "online": self.online,
            "new_by_ring": {str(r): n for r, n in zip(RINGS, self.new_by_ring, strict=True)},
            "reached_by_ring": {
                str(r): n for r, n in zip(RINGS, self.reached_by_ring, strict=True)
            },
            "gives": self.gives,
            "asks": self.asks,
            "promises_kept_on_time": self.kept_on_time,
            "promises_kept_late": self.kept_late,
            "promises_kept_to_me": self.kept_to_me,
            "help_received": self.help_received,
            "thanks_sent": self.thanks_sent,
            "needs_met_helped": self.needs_met_helped,
        }


@dataclass(frozen=True)
class Stats:
    """Figures per period over a span, the span's totals, and reach per channel.

    ``totals.reached_by_ring`` counts each person once over the whole span;
    ``reached_by_channel`` is (channel slug or ``"none"``, people) over the span,
    most first.
    """

    by: str
    periods: tuple[Figures, ...]
    totals: Figures
    reached_by_channel: tuple[tuple[str, int], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """JSON-ready (see README, `netty stats --json`)."""
        return {
            "by": self.by,
            "start": self.totals.start.isoformat(),
            "end": self.totals.end.isoformat(),
            "periods": [p.to_json() for p in self.periods],
            "totals": self.totals.to_json(),
            "reached_by_channel": dict(self.reached_by_channel),
        }


def period_bounds(
    since: pendulum.DateTime, until: pendulum.DateTime, by: str
) -> list[pendulum.DateTime]:
    """Local period starts from the one holding ``since`` to the end of the one holding
    ``until``: n periods give n + 1 bounds, each a local midnight in ``since``'s zone
    (weeks start on Monday). Raises InvalidInput for an unknown ``by`` or an empty span.
    """
    if by not in BYS:
        raise InvalidInput(f"--by must be week or month, not {by!r}")
    if until < since:
        raise InvalidInput("the span ends before it starts")
    zone = until.tz or pendulum.UTC
    start = since.in_tz(zone).start_of(by)
    bounds = [start]
    end = until.in_tz(zone)
    while bounds[-1] <= end:
        # add() on the local start keeps local midnight across a DST change
        step = bounds[-1].add(weeks=1) if by == "week" else bounds[-1].add(months=1)
        bounds.append(step.start_of("day"))
    return bounds


def label_of(start: pendulum.DateTime, by: str) -> str:
    """'2026-W47' for a week (ISO week number), '2026-11' for a month."""
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.format("YYYY-MM")


def default_since(now: pendulum.DateTime, months: int = DEFAULT_MONTHS) -> pendulum.DateTime:
    """The default span's start: ``months`` months before ``now``, in the user's zone."""
    return now.subtract(months=months)


def stats(
    now: pendulum.DateTime,
    *,
    since: pendulum.DateTime | None = None,
    by: str = "month",
    until: pendulum.DateTime | None = None,
) -> Stats:
    """The figures per ``by`` period from the period holding ``since`` (default six
    months ago) to the one holding ``until`` (default ``now``), in ``now``'s zone.

    Raises InvalidInput for an unknown ``by`` or ``since`` after ``until``.
    """
    until = until or now
    since = since or default_since(now)
    zone = now.tz or pendulum.UTC
    bounds = period_bounds(since.in_tz(zone), until.in_tz(zone), by)
    return _figures(bounds, by)


def _figures(bounds: list[pendulum.DateTime], by: str) -> Stats:
    n = len(bounds) - 1
    texts = [to_utc_text(b) for b in bounds]
    lo, hi = texts[0], texts[-1]
    rows: list[dict[str, Any]] = [{} for _ in range(n)]

    def add(period: int | None, key: str, amount: int, ring: int | None = None) -> None:
        if period is None or not 0 <= period < n:
            return
        slot = rows[period]
        if ring is None:
            slot[key] = slot.get(key, 0) + amount
        else:
            ring_counts = list(slot.get(key, (0, 0, 0)))
            if ring in RINGS:
                ring_counts[ring - 1] += amount
            slot[key] = tuple(ring_counts)

    def bucket(column) -> Case:
        return Case(None, [(column < t, i) for i, t in enumerate(texts[1:])], None)

    def within(column):
        return (column >= lo) & (column < hi)

    # Interactions: in person or online, per period (a range count over the covering
    # index of migration 0010, no GROUP BY to sort); thank-yous and intros they made,
    # far fewer, grouped by period from the (kind, initiated_by, occurred_at) index
    talks = (Interaction.kind != NOT_CONVERSATION) & Interaction.archived_at.is_null()
    for period in range(n):
        count, in_person = (
            Interaction.select(
                fn.COUNT(SQL("*")),  # the index has every column: no row read (PostgreSQL)
                fn.SUM(Case(None, [(Interaction.in_person == True, 1)], 0)),  # noqa: E712
            )
            .where(
                (Interaction.occurred_at >= texts[period])
                & (Interaction.occurred_at < texts[period + 1])
                & talks
            )
            .tuples()
            .get()
        )
        if count:
            add(period, "in_person", in_person or 0)
            add(period, "online", count - (in_person or 0))
    when = bucket(Interaction.occurred_at)
    for period, kind, count in (
        Interaction.select(when, Interaction.kind, fn.COUNT(Interaction.id))
        .where(
            (
                (Interaction.kind == "thank-you")
                | ((Interaction.kind == "intro") & (Interaction.initiated_by == "them"))
            )
            & within(Interaction.occurred_at)
            & Interaction.archived_at.is_null()
        )
        .group_by(when, Interaction.kind)
        .tuples()
    ):
        add(period, "thanks_sent" if kind == "thank-you" else "help_received", count)

    # New people per ring, by when I met them: connected_at when known, else when the
    # contact was added (two index-only range scans, migration 0011)
    for met, known in ((Contact.connected_at, True), (Contact.created_at, False)):
        met_bucket = bucket(met)
        where = within(met) & Contact.archived_at.is_null()
        if not known:
            where &= Contact.connected_at.is_null()
        for period, ring, count in (
            Contact.select(met_bucket, Contact.ring, fn.COUNT(Contact.id))
            .where(where)
            .group_by(met_bucket, Contact.ring)
            .tuples()
        ):
            add(period, "new_by_ring", count, ring)

    # People reached: different people per period and ring, and over the span per
    # ring and channel, counted in the derived ``reach`` table (netty.db.reach: one
    # row per conversation and person, with the person's ring and channel) by index
    # range scans. A person has one ring and one channel, so the span's count per
    # (ring, channel) adds up to both the per-ring and the per-channel figures.
    people = fn.COUNT(fn.DISTINCT(Reach.contact_id))
    for period in range(n):
        counts = dict(
            Reach.select(Reach.ring, people)
            .where(
                Reach.ring.in_(tuple(RINGS))
                & (Reach.occurred_at >= texts[period])
                & (Reach.occurred_at < texts[period + 1])
            )
            .group_by(Reach.ring)
            .tuples()
        )
        if counts:
            rows[period]["reached_by_ring"] = tuple(counts.get(r, 0) for r in RINGS)
    span_rings = [0, 0, 0]
    channels: dict[str, int] = {}
    for ring in RINGS:
        for channel in (*CHANNELS, None):
            # contact.channel is one of CHANNELS or NULL (its CHECK constraint)
            on = Reach.channel.is_null() if channel is None else Reach.channel == channel
            count = (
                Reach.select(people)
                .where((Reach.ring == ring) & on & within(Reach.occurred_at))
                .scalar()
            )
            if count:
                span_rings[ring - 1] += count
                key = channel or "none"
                channels[key] = channels.get(key, 0) + count

    # Gives and asks
    given = bucket(Give.given_at)
    for period, count in (
        Give.select(given, fn.COUNT(Give.id)).where(within(Give.given_at)).group_by(given).tuples()
    ):
        add(period, "gives", count)
    asked = bucket(Ask.asked_at)
    for period, count in (
        Ask.select(asked, fn.COUNT(Ask.id)).where(within(Ask.asked_at)).group_by(asked).tuples()
    ):
        add(period, "asks", count)

    # Promises: mine kept on time or late (a local day to compare: counted in Python,
    # over the few promises closed in the span), and theirs kept to me
    zone = bounds[0].tz or pendulum.UTC
    for closed_at, due in (
        Promise.select(Promise.closed_at, Promise.due)
        .where(
            (Promise.direction == "i_owe") & (Promise.status == "done") & within(Promise.closed_at)
        )
        .tuples()
    ):
        period = bisect.bisect_right(texts, to_utc_text(closed_at)) - 1
        late = due is not None and closed_at.in_tz(zone).date() > due
        add(period, "kept_late" if late else "kept_on_time", 1)
    closed = bucket(Promise.closed_at)
    for period, count in (
        Promise.select(closed, fn.COUNT(Promise.id))
        .where(
            (Promise.direction == "they_owe")
            & (Promise.status == "done")
            & within(Promise.closed_at)
        )
        .group_by(closed)
        .tuples()
    ):
        add(period, "kept_to_me", count)
        add(period, "help_received", count)
    resolved = bucket(Ask.resolved_at)
    for period, count in (
        Ask.select(resolved, fn.COUNT(Ask.id))
        .where((Ask.status == "granted") & within(Ask.resolved_at))
        .group_by(resolved)
        .tuples()
    ):
        add(period, "help_received", count)

    # Needs met that I helped with
    helped = Give.select(Give.need).where(Give.need.is_null(False))
    met_at = bucket(Need.closed_at)
    for period, count in (
        Need.select(met_at, fn.COUNT(Need.id))
        .where((Need.status == "met") & within(Need.closed_at) & Need.id.in_(helped))
        .group_by(met_at)
        .tuples()
    ):
        add(period, "needs_met_helped", count)

    periods = tuple(
        Figures(label_of(bounds[i], by), bounds[i], bounds[i + 1], **rows[i]) for i in range(n)
    )
    totals = _sum(periods, "total", bounds[0], bounds[-1])
    totals = replace(totals, reached_by_ring=tuple(span_rings))
    by_channel = tuple(sorted(channels.items(), key=lambda kv: (-kv[1], kv[0])))
    return Stats(by, periods, totals, by_channel)


def _sum(
    periods: Sequence[Figures], label: str, start: pendulum.DateTime, end: pendulum.DateTime
) -> Figures:
    values: dict[str, Any] = {}
    for name in Figures.__dataclass_fields__:
        if name in ("label", "start", "end"):
            continue
        if name.endswith("_by_ring"):
            values[name] = tuple(
                sum(getattr(p, name)[i] for p in periods) for i in range(len(RINGS))
            )
        else:
            values[name] = sum(getattr(p, name) for p in periods)
    return Figures(label, start, end, **values)
