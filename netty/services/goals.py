"""Networking goals per week or month, with progress computed from what is logged.

The bow-and-arrow approach starts with "what goals do I currently have for
networking?" (seed 001), and "schedule regular, on-going networking time, so your
network will be there when you need it" (seed 001, seed 002: "Allow enough time for
networking"). Seed 000 adds: "Set goals for attending events, meeting people for
coffee or lunch and participating in groups."

A goal is a kind, a number and a period (``week`` or ``month``), stored as the
journaled setting ``goals`` (``{"coffees": {"target": 2, "per": "week"}, ...}``),
so setting, clearing and accepting the defaults are changes ``u`` undoes.
Progress is never typed: it is counted from interactions, gives and contacts.

Periods are local: a week is an ISO week (Monday 00:00 to Monday 00:00) and a
month a calendar month, both in ``now``'s time zone (the user's, see
``netty.clock.local_zone``). A coffee logged at 23:30 on Sunday local time counts
in that week even when it is already Monday in UTC. A streak counts the
consecutive periods, going back from the last finished one, in which the goal was
met, plus the current one once it is met.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pendulum

from netty.dates import plural
from netty.db.fields import to_utc_text
from netty.db.models import Contact, Give, Interaction, database
from netty.db.vocab import INITIATORS, slug
from netty.errors import InvalidInput
from netty.services import settings
from netty.services.changes import change

GOALS_KEY = "goals"
PERIODS = ("week", "month")

#: Every kind of goal, with what is counted, as a person reads it.
GOAL_KINDS: dict[str, str] = {
    "coffees": "coffees or meals",
    "events": "events attended",
    "pings": "pings",
    "gives": "gives",
    "new-ring1": "new people in ring 1",
    "new-ring2": "new people in ring 2",
    "new-ring3": "new people in ring 3",
    "in-person": "in-person meetings",
    "online": "calls, video calls, emails and messages",
}

#: The unit of each kind, one and many ("1 event attended", "2 events attended").
GOAL_UNITS: dict[str, tuple[str, str]] = {
    "coffees": ("coffee or meal", "coffees or meals"),
    "events": ("event attended", "events attended"),
    "pings": ("ping", "pings"),
    "gives": ("give", "gives"),
    "new-ring1": ("new person in ring 1", "new people in ring 1"),
    "new-ring2": ("new person in ring 2", "new people in ring 2"),
    "new-ring3": ("new person in ring 3", "new people in ring 3"),
    "in-person": ("in-person meeting", "in-person meetings"),
    "online": ("call, email or message", "calls, emails and messages"),
}

#: What each kind counts, for the README and ``netty goals --help``.
GOAL_RULES: dict[str, str] = {
    "coffees": "interactions logged as coffee or meal",
    "events": "distinct events attended (an event logged, or an interaction at an event)",
    "pings": "calls, video calls, emails, messages and thank-yous I started",
    "gives": "gives (intro, resource, advice, referral, favour)",
    "new-ring1": "contacts in ring 1 first met (connected, else added) in the period",
    "new-ring2": "contacts in ring 2 first met (connected, else added) in the period",
    "new-ring3": "contacts in ring 3 first met (connected, else added) in the period",
    "in-person": "interactions in person (coffee, meal, event)",
    "online": "calls, video calls, emails and messages, either way",
}

#: Accepted in one key by a new user (issue 12): 2 coffees, 1 event, 5 pings and
#: 2 gives a week, 2 new people in ring 3 a month.
DEFAULT_GOALS: dict[str, tuple[int, str]] = {
    "coffees": (2, "week"),
    "events": (1, "week"),
    "pings": (5, "week"),
    "gives": (2, "week"),
    "new-ring3": (2, "month"),
}

ALIASES = {
    "coffee": "coffees",
    "meal": "coffees",
    "meals": "coffees",
    "coffees-or-meals": "coffees",
    "event": "events",
    "ping": "pings",
    "give": "gives",
    "in-person-meetings": "in-person",
    "inperson": "in-person",
    "ring1": "new-ring1",
    "ring2": "new-ring2",
    "ring3": "new-ring3",
    "new-ring-1": "new-ring1",
    "new-ring-2": "new-ring2",
    "new-ring-3": "new-ring3",
}

PING_KINDS = ("call", "video", "email", "message", "thank-you")
ONLINE_KINDS = ("call", "video", "email", "message")
TARGET_MAX = 1000
STREAK_LOOKBACK = {"week": 52, "month": 12}  # a streak counts back a year at most


@dataclass(frozen=True)
class Goal:
    """A goal as set: ``target`` of ``kind`` per ``per`` (``week`` or ``month``)."""

    kind: str
    target: int
    per: str

    @property
    def label(self) -> str:
        """What is counted, as a person reads it ("coffees or meals")."""
        return GOAL_KINDS[self.kind]

    def describe(self) -> str:
        """ "2 coffees or meals a week", "1 event attended a week"."""
        one, many = GOAL_UNITS[self.kind]
        return f"{self.target} {one if self.target == 1 else many} a {self.per}"


@dataclass(frozen=True)
class GoalProgress:
    """One goal's progress in the current period.

    ``done`` is the count so far in the period ``start``..``end`` (local days,
    ``end`` the last day, inclusive); ``previous`` the count of the period before;
    ``streak`` the consecutive periods met (see the module docstring).
    """

    goal: Goal
    done: int
    start: pendulum.Date
    end: pendulum.Date
    previous: int
    streak: int

    @property
    def met(self) -> bool:
        return self.done >= self.goal.target

    def to_json(self) -> dict:
        return {
            "kind": self.goal.kind,
            "label": self.goal.label,
            "target": self.goal.target,
            "per": self.goal.per,
            "done": self.done,
            "met": self.met,
            "period_start": self.start.isoformat(),
            "period_end": self.end.isoformat(),
            "previous": self.previous,
            "streak": self.streak,
        }


@dataclass(frozen=True)
class GoalsReport:
    """Every goal's progress at ``now``; ``defaults`` are offered when no goal is set."""

    progress: tuple[GoalProgress, ...]
    defaults: tuple[Goal, ...]

    @property
    def met(self) -> int:
        return sum(1 for p in self.progress if p.met)

    def to_json(self) -> dict:
        return {
            "goals": [p.to_json() for p in self.progress],
            "met": self.met,
            "defaults": [{"kind": g.kind, "target": g.target, "per": g.per} for g in self.defaults],
        }


def parse_kind(text: str) -> str:
    """A goal kind from what a person typed ("coffee", "new ring 3", "in person").

    Raises InvalidInput naming the kinds for anything else.
    """
    key = slug(text or "")
    key = ALIASES.get(key, key)
    if key not in GOAL_KINDS:
        raise InvalidInput(f"unknown goal {text!r}; use one of: {', '.join(GOAL_KINDS)}")
    return key


def parse_period(text: str) -> str:
    """``week`` or ``month`` (``weekly``/``monthly``, ``w``/``m`` too); InvalidInput otherwise."""
    key = slug(text or "").removesuffix("ly")
    key = {"w": "week", "m": "month", "wk": "week", "mo": "month"}.get(key, key)
    if key not in PERIODS:
        raise InvalidInput(f"a goal is per week or per month, not {text!r}")
    return key


def goals() -> list[Goal]:
    """The goals set, in the order of ``GOAL_KINDS``; none set gives an empty list."""
    stored = settings.get(GOALS_KEY, {}) or {}
    out = []
    for kind in GOAL_KINDS:
        value = stored.get(kind)
        if isinstance(value, dict) and value.get("per") in PERIODS:
            target = value.get("target")
            if isinstance(target, int) and 1 <= target <= TARGET_MAX:
                out.append(Goal(kind, target, value["per"]))
    return out


def _store(goal_list: Iterable[Goal], now: pendulum.DateTime) -> None:
    value = {g.kind: {"target": g.target, "per": g.per} for g in goal_list}
    settings.put(GOALS_KEY, value, now)


def set_goal(kind: str, target: int, per: str, now: pendulum.DateTime) -> Goal:
    """Set (or change) one goal; one change ("set goal coffees to 2 a week").

    ``kind`` and ``per`` are parsed (``parse_kind``, ``parse_period``); ``target``
    must be 1 to 1000. Raises InvalidInput otherwise, writing nothing.
    """
    kind = parse_kind(kind)
    per = parse_period(per)
    if not isinstance(target, int) or not 1 <= target <= TARGET_MAX:
        raise InvalidInput(
            f"a goal is a number from 1 to {TARGET_MAX}, not {target!r} "
            f"(`netty goals clear {kind}` removes it)"
        )
    goal = Goal(kind, target, per)
    with change(f"set goal {kind} to {target} a {per}", now, kind="goal"):
        current = {g.kind: g for g in goals()}
        current[kind] = goal
        _store(current.values(), now)
    return goal


def clear_goal(kind: str, now: pendulum.DateTime) -> Goal | None:
    """Remove one goal; returns it, or None when it was not set (nothing written)."""
    kind = parse_kind(kind)
    current = {g.kind: g for g in goals()}
    gone = current.pop(kind, None)
    if gone is None:
        return None
    with change(f"cleared goal {kind}", now, kind="goal"):
        _store(current.values(), now)
    return gone


def default_goals() -> list[Goal]:
    """The goals offered to a new user (``DEFAULT_GOALS``)."""
    return [Goal(kind, target, per) for kind, (target, per) in DEFAULT_GOALS.items()]


def accept_defaults(now: pendulum.DateTime) -> list[Goal]:
    """Set every default goal not already set; one change. Returns the goals now set."""
    with change("accepted the default goals", now, kind="goal"):
        current = {g.kind: g for g in goals()}
        for goal in default_goals():
            current.setdefault(goal.kind, goal)
        _store([current[k] for k in GOAL_KINDS if k in current], now)
    return goals()


# ------------------------------------------------------------------ periods


def period_start(moment: pendulum.DateTime, per: str, tz) -> pendulum.DateTime:
    """The local start (Monday 00:00, or the 1st at 00:00) of the period holding ``moment``."""
    local = moment.in_tz(tz)
    return local.start_of("week") if per == "week" else local.start_of("month")


def _step(start: pendulum.DateTime, per: str, count: int) -> pendulum.DateTime:
    """``count`` periods after (or before, negative) a local period start."""
    moved = start.add(weeks=count) if per == "week" else start.add(months=count)
    return moved.start_of("day")  # the local midnight, whatever DST did between


def _zone(now: pendulum.DateTime):
    return now.tz or pendulum.UTC


def moments(kind: str, start: pendulum.DateTime, end: pendulum.DateTime) -> list:
    """What counts for ``kind`` between ``start`` and ``end`` (instants, end excluded):
    a list of (UTC text ``YYYY-MM-DD HH:MM:SS``, key) pairs; pairs sharing a non-None key
    count once. Rows are read raw (no datetime per row): at 50,000 contacts a streak
    reads hundreds of thousands of them."""
    if kind.startswith("new-ring"):
        ring = int(kind[-1])
        connected = (Contact.connected_at >= start) & (Contact.connected_at < end)
        added = (
            Contact.connected_at.is_null()
            & (Contact.created_at >= start)
            & (Contact.created_at < end)
        )
        query = Contact.select(Contact.connected_at, Contact.created_at).where(
            Contact.ring == ring, Contact.archived_at.is_null(), connected | added
        )
        return [(_utc(connected or created), None) for connected, created in _raw(query)]
    if kind == "gives":
        query = Give.select(Give.given_at).where(Give.given_at >= start, Give.given_at < end)
        return [(_utc(at), None) for (at,) in _raw(query)]
    query = Interaction.select(Interaction.occurred_at, Interaction.event).where(
        Interaction.archived_at.is_null(),
        Interaction.occurred_at >= start,
        Interaction.occurred_at < end,
    )
    # initiated_by IN (both values) changes nothing but lets SQLite range-scan the
    # (kind, initiated_by, occurred_at) index instead of reading every coffee ever.
    either = Interaction.initiated_by.in_(INITIATORS)
    if kind == "coffees":
        query = query.where(Interaction.kind.in_(("coffee", "meal")), either)
    elif kind == "events":  # logged as an event, or at an event: two index range scans
        logged = query.where(Interaction.kind == "event", either)
        at_event = query.where(Interaction.event.is_null(False), Interaction.kind != "event")
        return [(_utc(at), event) for q in (logged, at_event) for at, event in _raw(q)]
    elif kind == "pings":
        query = query.where(Interaction.kind.in_(PING_KINDS), Interaction.initiated_by == "me")
    elif kind == "in-person":
        query = query.where(Interaction.in_person == True)  # noqa: E712 (SQL, not Python)
    elif kind == "online":
        query = query.where(Interaction.kind.in_(ONLINE_KINDS), either)
    else:
        raise InvalidInput(f"unknown goal {kind!r}")
    return [(_utc(at), None) for at, _event in _raw(query)]


def _raw(query) -> list[tuple]:
    """The rows of ``query`` as the driver returns them (no field converters)."""
    return list(database.execute(query))


def _utc(value) -> str:
    """A stored moment as sortable UTC text, whatever the driver gave (text or datetime)."""
    return value[:19] if isinstance(value, str) else to_utc_text(value)


def counts_by_period(kind: str, per: str, first: pendulum.DateTime, periods: int, tz) -> list[int]:
    """Counts of ``kind`` in ``periods`` consecutive local periods from ``first`` (a period
    start), oldest first."""
    starts = [_step(first, per, i) for i in range(periods + 1)]
    bounds = [to_utc_text(s) for s in starts]  # local period starts as UTC text, ascending
    seen: set = set()
    out = [0] * periods
    for at, key in moments(kind, starts[0], starts[-1]):
        slot = bisect_right(bounds, at) - 1
        if not 0 <= slot < periods:
            continue
        if key is not None:
            if (slot, key) in seen:
                continue
            seen.add((slot, key))
        out[slot] += 1
    return out


def _streak(goal: Goal, current: int, now: pendulum.DateTime) -> int:
    """Consecutive periods met, back from the last finished one (``STREAK_LOOKBACK`` at
    most), plus the current one when met. Reads one short chunk first (most streaks
    end there), then the rest of the lookback in one query."""
    tz = _zone(now)
    this = period_start(now, goal.per, tz)
    total = STREAK_LOOKBACK[goal.per]
    first_chunk = 13 if goal.per == "week" else 6
    streak = 0
    end, looked = this, 0
    for chunk in (first_chunk, total - first_chunk):
        first = _step(end, goal.per, -chunk)
        for count in reversed(counts_by_period(goal.kind, goal.per, first, chunk, tz)):
            if count < goal.target:
                return streak + (1 if current >= goal.target else 0)
            streak += 1
        end, looked = first, looked + chunk
    return streak + (1 if current >= goal.target else 0)


def progress(now: pendulum.DateTime) -> GoalsReport:
    """Each goal's count in the current local week or month, the last period's, and its
    streak; with no goal set, the defaults on offer."""
    tz = _zone(now)
    out = []
    for goal in goals():
        start = period_start(now, goal.per, tz)
        previous, done = counts_by_period(goal.kind, goal.per, _step(start, goal.per, -1), 2, tz)
        end = _step(start, goal.per, 1).subtract(days=1).date()
        out.append(GoalProgress(goal, done, start.date(), end, previous, _streak(goal, done, now)))
    return GoalsReport(tuple(out), () if out else tuple(default_goals()))


def describe_progress(p: GoalProgress) -> str:
    """One line: "coffees or meals: 1 of 2 this week (last week 2) · streak 3 weeks"."""
    this = f"this {p.goal.per}"
    mark = "  ✓" if p.met else ""
    streak = f" · streak {plural(p.streak, p.goal.per)}" if p.streak else ""
    return (
        f"{p.goal.label}: {p.done} of {p.goal.target} {this}"
        f" (last {p.goal.per} {p.previous}){streak}{mark}"
    )


def interactions_per_week(
    now: pendulum.DateTime, weeks: int = 8
) -> list[tuple[pendulum.Date, int]]:
    """Interactions (notes aside) in each of the last ``weeks`` local ISO weeks, this one
    included, oldest first, as (Monday, count) pairs."""
    tz = _zone(now)
    first = _step(period_start(now, "week", tz), "week", -(weeks - 1))
    starts = [_step(first, "week", i) for i in range(weeks + 1)]
    bounds = [to_utc_text(s) for s in starts]
    query = Interaction.select(Interaction.occurred_at).where(
        Interaction.archived_at.is_null(),
        Interaction.occurred_at >= starts[0],
        Interaction.occurred_at < starts[-1],
        Interaction.kind != "note",
    )
    counted = Counter(bisect_right(bounds, _utc(at)) - 1 for (at,) in _raw(query))
    return [(starts[i].date(), counted.get(i, 0)) for i in range(weeks)]
