"""The reminder engine: given the data and ``now``, what is due.

Pure domain code: no UI, no timers. The app polls ``due`` from a worker; the CLI
prints it for cron or a shell prompt. Kinds:

- ``ping``: last interaction (or creation) + cadence has passed. Ranked by how
  overdue relative to the cadence, then by ring. "Due soon" when the ping is
  within a fifth of the cadence (looked ahead at most ``SOON_DAYS_MAX`` days).
- ``deliver``: a promise I owe is due today or overdue.
- ``nudge``: a promise they owe is overdue. Nudges fall 3, 7 and 14 days after the
  due date (counting nudges sent); after three the promise is flagged stale and
  the engine stops nudging.
- ``thank``: someone helped me (a promise they owed marked done, an ask granted,
  an intro they made) in the last ``THANK_LOOKBACK_DAYS`` days, and no thank-you
  has been logged with them since. Due at once; "late" after 48 hours.
- ``check-in``: a need's horizon has passed while it is still open.
- ``custom``: a reminder the user set (``follow up WHEN``, ``netty remind``).
- ``birthday`` / ``anniversary``: a contact's birthday or anniversary with a month
  and day (a text value never reminds) falls in the next ``dates_ahead()`` days
  (``netty config birthday-days``, default 7), counted in calendar days in the
  user's zone, up to and including the day itself. Dated 9:00 on the day; a
  29 February date falls on 28 February in common years. Read per (kind, month,
  day) range from the ``contact_date`` index, never contact by contact. The id
  holds the year (``birthday-c12-2026``), so done or snoozed this year, next
  year's comes back.

Every item has a stable id to act on (``ping-12``, ``deliver-p7``, ``nudge-p7``,
``thank-p7`` / ``thank-a3`` / ``thank-i40``, ``check-in-n4``, ``r5``,
``birthday-c12-2026``, ``anniversary-c12-2026``). Snooze and
done are stored in ``reminder_state`` (custom reminders keep ``done_at`` on their
row). Pings are read per cadence group from an index in ``next_ping_at`` order,
so a limited call stays an index range scan at 50,000 contacts.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pendulum

from netty.dates import day_words, days_words, local_day, plural
from netty.db import dialect
from netty.db.fields import from_utc_text, to_utc_text
from netty.db.models import Contact, ContactDate, Promise, Reminder, ReminderState, database
from netty.errors import InvalidInput, NotFound
from netty.services import settings
from netty.services.changes import change, who
from netty.services.text import clean_line, id_number

KINDS = ("ping", "deliver", "nudge", "thank", "check-in", "custom", "birthday", "anniversary")
DATE_KINDS = ("birthday", "anniversary")
DATES_AHEAD = "birthday_days"  # the setting: how many days ahead a birthday shows as due
DATES_AHEAD_DEFAULT = 7
DATES_AHEAD_MAX = 60
NUDGE_DAYS = (3, 7, 14)
THANK_LOOKBACK_DAYS = 30
THANK_WITHIN_HOURS = 48
SOON_DAYS_MAX = 30
NUDGE_WORDING = (
    "Hi {first}, hope all is well! Just checking in about {what}. No rush at all.",
    "Hi {first}, a gentle reminder about {what}; happy to help make it easy if I can.",
    "Hi {first}, circling back one last time about {what}. If now's not a good time, no worries.",
)
THANK_WORDING = {
    "p": "Hi {first}, thank you so much for {what}. It really helped.",
    "a": "Hi {first}, thank you for saying yes to {what}. I really appreciate it.",
    "i": "Hi {first}, thank you for the introduction. I really appreciate you thinking of me.",
}
WEEK = pendulum.duration(days=7)  # the week plan: the next seven days counted from now
KIND_ORDER = {
    kind: i
    for i, kind in enumerate(
        ("deliver", "thank", "nudge", "custom", "birthday", "anniversary", "check-in", "ping")
    )
}
DATE_WORDING = {
    "birthday": "Happy birthday, {first}! I hope it's a wonderful day and a great year ahead.",
    "anniversary": "Happy anniversary, {first}! Wishing you a wonderful day.",
}

# The SQL that says "ping overdue" and "promise due": the contact list's markers use
# these same predicates, so the list and the engine never disagree.
PING_DUE_SQL = "c.next_ping_at <= ?"
PROMISE_DUE_SQL = (
    "c.id IN (SELECT contact_id FROM promise "
    "WHERE status = 'open' AND direction = 'i_owe' AND due <= ?)"
)


@dataclass(frozen=True)
class DueItem:
    """One thing to do, and why."""

    id: str
    kind: str
    contact_id: int | None
    contact: str
    due_at: pendulum.DateTime
    reason: str
    urgency: float  # larger is more urgent; comparable within a kind
    ring: int = 3
    soon: bool = False  # not yet due: within the look-ahead window
    stale: bool = False  # a nudge after the last one: stop nudging
    wording: str = ""  # a polite one-line message, for nudges and thank-yous
    wording: str = ""  # a polite one-line message, for nudges
    title: str = ""  # what to do, without relative time words (calendar events)

    @property
    def what(self) -> str:
        """What to do with no "in 3 days" or "ago" in it: true on any day (calendars)."""
        return self.title or self.reason

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "contact_id": self.contact_id,
            "contact": self.contact,
            "due_at": self.due_at.in_tz("UTC").to_iso8601_string(),
            "reason": self.reason,
            "soon": self.soon,
            "stale": self.stale,
            "wording": self.wording,
        }


def due(
    now: pendulum.DateTime,
    *,
    within: pendulum.Duration | None = None,
    kinds: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[DueItem]:
    """Everything due at ``now`` (and within ``within`` after it), most urgent first.

    With ``within``, an item is in when it falls due at or before ``now + within`` (so
    ``within=WEEK`` is the next seven days from now, whatever the weekday); without it,
    pings due "soon" (within a fifth of their cadence) come too, flagged ``soon``.
    ``limit`` caps the number of pings read (the other kinds are small tables); see
    :func:`count_pings` for how many there are in all.
    """
    return list(iter_due(now, within=within, kinds=kinds, limit=limit))


def iter_due(
    now: pendulum.DateTime,
    *,
    within: pendulum.Duration | None = None,
    kinds: Iterable[str] | None = None,
    limit: int | None = None,
) -> Iterator[DueItem]:
    """:func:`due`, one item at a time: the same items in the same order.

    The pings (one per contact, the only kind that grows with the network) are read
    as they are iterated, so a whole-database export holds only the other kinds
    at once (issue 16). Iterate inside one read transaction. Raises InvalidInput
    for an unknown kind (before the first item).
    """
    wanted = set(kinds or KINDS)
    unknown = wanted - set(KINDS)
    if unknown:
        raise InvalidInput(f"unknown kind {sorted(unknown)[0]!r}; use one of: {', '.join(KINDS)}")
    return _iter_due(now, within, wanted, limit)


def _iter_due(
    now: pendulum.DateTime,
    within: pendulum.Duration | None,
    wanted: set[str],
    limit: int | None,
) -> Iterator[DueItem]:
    horizon = now + within if within else now
    states = _states(now)
    items: list[DueItem] = []
    if "deliver" in wanted:
        items += _deliveries(now, horizon)
    if "nudge" in wanted:
        items += _nudges(now, horizon)
    if "thank" in wanted:
        items += _thanks(now)
    if "check-in" in wanted:
        items += _check_ins(now, horizon)
    if "custom" in wanted:
        items += _customs(now, horizon)
    if wanted & set(DATE_KINDS):
        items += _dates(now, horizon, [k for k in DATE_KINDS if k in wanted])
    items = [i for i in items if i.id not in states]
    items.sort(key=lambda i: (KIND_ORDER[i.kind], -i.urgency, i.contact))
    everything: Iterable[DueItem] = items
    if "ping" in wanted:
        everything = itertools.chain(items, _pings(now, horizon, limit, skip=states))
    for item in everything:
        # with ``within``, a birthday in the look-ahead is due now, whatever the span
        if not within or item.due_at <= horizon or (item.kind in DATE_KINDS and not item.soon):
            yield item


def count_pings(now: pendulum.DateTime, within: pendulum.Duration | None = None) -> int:
    """How many pings fall due by ``now + within`` (by ``now`` without it), snoozed left out.

    The number a capped list of pings is "showing N of".
    """
    horizon = to_utc_text(now + within if within else now)
    total = database.execute_sql(
        "SELECT COUNT(*) FROM contact c WHERE c.archived_at IS NULL AND " + PING_DUE_SQL,
        (horizon,),
    ).fetchone()[0]
    hidden = [int(key[5:]) for key in _states(now) if key.startswith("ping-")]
    if hidden:
        marks = ",".join("?" * len(hidden))
        total -= database.execute_sql(
            f"SELECT COUNT(*) FROM contact c WHERE c.archived_at IS NULL AND {PING_DUE_SQL} "
            f"AND c.id IN ({marks})",
            (horizon, *hidden),
        ).fetchone()[0]
    return max(0, total)


def due_count(now: pendulum.DateTime) -> int:
    """How many things are due now (all kinds): the status line's number.

    The due view (`d`) lists the same things: every non-ping item and these pings.
    """
    others = due(now, kinds=[k for k in KINDS if k != "ping"])
    return count_pings(now) + len(others)


# ------------------------------------------------------------------ kinds


def _pings(
    now: pendulum.DateTime, horizon: pendulum.DateTime, limit: int | None, skip: set[str]
) -> Iterator[DueItem]:
    """Pings due by ``horizon`` (and soon), most urgent first, read as iterated."""
    cadences = settings.ring_cadences()
    soon_days = min(SOON_DAYS_MAX, max(cadences.values()) / 5)
    now_text = to_utc_text(now)
    until = to_utc_text(max(horizon, now.add(days=soon_days)))
    horizon_text = to_utc_text(horizon)
    cap = "" if limit is None else f" LIMIT {int(limit) + len(skip)}"
    columns = (
        "c.id, c.name, c.ring, COALESCE(c.cadence_days, ?), c.next_ping_at, "
        f"{dialect.days_between(database, '?', 'c.next_ping_at')}, c.last_interaction_at"
    )
    # Per ring, contacts on the ring's default cadence come from one index range in
    # next_ping_at order (no sort), so a limited call reads only what it returns. Ties
    # go by id, the index's own last column: the same order on SQLite and PostgreSQL.
    default_sql = (
        f"SELECT {columns} FROM contact c WHERE c.archived_at IS NULL AND c.ring = ? "
        f"AND c.cadence_days IS NULL AND c.next_ping_at <= ? ORDER BY c.next_ping_at, c.id{cap}"
    )
    # The few with a cadence of their own are read whole through the same index (no
    # next_ping_at bound, so the planner cannot prefer a wider index) and ranked here.
    custom_sql = (
        f"SELECT {columns} FROM contact c WHERE c.archived_at IS NULL AND c.ring = ? "
        "AND c.cadence_days > 0 ORDER BY c.cadence_days, c.next_ping_at, c.id"
    )
    zone = now.tz or pendulum.UTC
    today = now.date().toordinal()
    groups: list[Iterable[DueItem]] = []
    for ring in (1, 2, 3):
        for sql, params in (
            (default_sql, (cadences[ring], now_text, ring, until)),
            (custom_sql, (cadences[ring], now_text, ring)),
        ):
            rows = database.execute_sql(sql, params)
            group = (_ping_item(row, skip, until, horizon_text, zone, today) for row in rows)
            if sql is default_sql:
                # read as merged: next_ping_at order is urgency order on one cadence
                groups.append(item for item in group if item is not None)
            else:
                groups.append(sorted((i for i in group if i is not None), key=lambda i: -i.urgency))
    merged = heapq.merge(*groups, key=lambda i: (-i.urgency, i.ring, i.contact))
    return merged if limit is None else itertools.islice(merged, limit)


def _ping_item(
    row: tuple, skip: set[str], until: str, horizon_text: str, zone: dt.tzinfo, today: int
) -> DueItem | None:
    cid, name, ring, cadence, next_ping, late, last_at = row
    key = f"ping-{cid}"
    if key in skip or next_ping > until:
        return None
    soon = late < 0
    if soon and next_ping > horizon_text and -late > cadence / 5:
        return None
    at = _utc(next_ping)
    days = today - _local_ordinal(at, zone)  # calendar days late, in the user's zone
    when = f"ping {plural(days, 'day')} overdue" if days > 0 else f"ping due {days_words(-days)}"
    last = "never" if last_at is None else days_words(_local_ordinal(_utc(last_at), zone) - today)
    title = f"keep in touch: every {plural(cadence, 'day')}"
    reason = f"{when}; every {plural(cadence, 'day')}, last contact {last}"
    return DueItem(key, "ping", cid, name, at, reason, late / cadence, ring, soon, title=title)


def _local_ordinal(moment: dt.datetime, zone: dt.tzinfo) -> int:
    """The day (as an ordinal) an aware moment falls on in ``zone``; fast, stdlib only."""
    return dt.datetime.astimezone(moment, zone).toordinal()


def _utc(text: str) -> pendulum.DateTime:
    """Stored UTC text to a DateTime, fast (this runs once per due ping)."""
    return pendulum.DateTime(
        int(text[0:4]),
        int(text[5:7]),
        int(text[8:10]),
        int(text[11:13]),
        int(text[14:16]),
        int(text[17:19]),
        tzinfo=pendulum.UTC,
    )


def _deliveries(now: pendulum.DateTime, horizon: pendulum.DateTime) -> list[DueItem]:
    today = now.date()
    rows = database.execute_sql(
        "SELECT p.id, p.text, p.due, c.id, c.name, c.ring FROM promise p "
        "JOIN contact c ON c.id = p.contact_id "
        "WHERE p.status = 'open' AND p.direction = 'i_owe' AND p.due <= ? "
        "AND c.archived_at IS NULL",
        (horizon.date().isoformat(),),
    )
    out = []
    today_n = today.toordinal()
    for pid, text, due_day, cid, name, ring in rows:
        day = dt.date.fromisoformat(str(due_day)[:10])  # stdlib: this runs per promise
        late = today_n - day.toordinal()
        title = f"you promised: {_short(text)}"
        out.append(
            DueItem(
                f"deliver-p{pid}",
                "deliver",
                cid,
                name,
                _at(day, now),
                f"{title} (due {days_words(-late)})",
                float(late),
                ring,
                late < 0,
                title=title,
            )
        )
    return out


def _nudges(now: pendulum.DateTime, horizon: pendulum.DateTime) -> list[DueItem]:
    today = now.date()
    rows = database.execute_sql(
        "SELECT p.id, p.text, p.due, p.nudges_sent, c.id, c.name, c.ring FROM promise p "
        "JOIN contact c ON c.id = p.contact_id "
        "WHERE p.status = 'open' AND p.direction = 'they_owe' AND p.due < ? "
        "AND c.archived_at IS NULL",
        (horizon.date().isoformat(),),
    )
    out = []
    today_n = today.toordinal()
    last_n = horizon.date().toordinal()
    for pid, text, due_day, sent, cid, name, ring in rows:
        day = dt.date.fromisoformat(str(due_day)[:10])  # stdlib: this runs per promise
        if sent >= len(NUDGE_DAYS):
            out.append(
                DueItem(
                    f"nudge-p{pid}",
                    "nudge",
                    cid,
                    name,
                    _at(day, now),
                    f"stale after {sent} nudges: {_short(text)}; let it go or ask in person",
                    0.0,
                    ring,
                    stale=True,
                )
            )
            continue
        nudge_day = day + dt.timedelta(days=NUDGE_DAYS[sent])
        nudge_n = nudge_day.toordinal()
        if nudge_n > last_n:
            continue
        first = name.split()[0] if name.split() else name
        title = f"nudge {sent + 1} of {len(NUDGE_DAYS)}: they owe you: {_short(text)}"
        out.append(
            DueItem(
                f"nudge-p{pid}",
                "nudge",
                cid,
                name,
                _at(nudge_day, now),
                f"{title} (promise due {days_words(day.toordinal() - today_n)})",
                float(today_n - nudge_n),
                ring,
                nudge_n > today_n,
                wording=NUDGE_WORDING[sent].format(first=first, what=quoted(text)),
                title=title,
            )
        )
    return out


def _thanks(now: pendulum.DateTime) -> list[DueItem]:
    since = to_utc_text(now.subtract(days=THANK_LOOKBACK_DAYS))
    now_text = to_utc_text(now)
    helped = database.execute_sql(
        """
        SELECT 'p' || p.id, p.contact_id, p.closed_at, 'delivering: ' || p.text, p.text
          FROM promise p
         WHERE p.direction = 'they_owe' AND p.status = 'done' AND p.closed_at >= ?
        UNION ALL
        SELECT 'a' || a.id, a.contact_id, a.resolved_at, 'saying yes to: ' || a.text, a.text
          FROM ask a WHERE a.status = 'granted' AND a.resolved_at >= ?
        UNION ALL
        SELECT 'i' || i.id, ic.contact_id, i.occurred_at, 'the intro: ' || i.summary, i.summary
          FROM interaction i JOIN interaction_contact ic ON ic.interaction_id = i.id
         WHERE i.kind = 'intro' AND i.initiated_by = 'them' AND i.occurred_at >= ?
           AND i.archived_at IS NULL
        """,
        (since, since, since),
    ).fetchall()
    if not helped:
        return []
    contact_ids = {row[1] for row in helped}
    marks = ",".join("?" * len(contact_ids))
    thanked: dict[int, str] = dict(
        database.execute_sql(
            "SELECT ic.contact_id, MAX(i.occurred_at) FROM interaction i "
            "JOIN interaction_contact ic ON ic.interaction_id = i.id "
            f"WHERE i.kind = 'thank-you' AND ic.contact_id IN ({marks}) "
            "GROUP BY ic.contact_id",
            tuple(contact_ids),
        ).fetchall()
    )
    people = {
        cid: (name, ring)
        for cid, name, ring in database.execute_sql(
            f"SELECT id, name, ring FROM contact WHERE archived_at IS NULL AND id IN ({marks})",
            tuple(contact_ids),
        )
    }
    out = []
    for ref, cid, at_text, what, text in helped:
        if cid not in people or at_text is None or at_text > now_text:
            continue
        last_thanks = thanked.get(cid)
        if last_thanks is not None and last_thanks >= at_text:
            continue
        name, ring = people[cid]
        at = from_utc_text(at_text)
        hours = (now - at).total_hours()
        late = " (more than 48 hours ago)" if hours > THANK_WITHIN_HOURS else ""
        title = f"thank them for {_short(what)}"
        out.append(
            DueItem(
                f"thank-{ref}",
                "thank",
                cid,
                name,
                at,
                f"{title}{late}",
                hours,
                ring,
                wording=thank_wording(ref[0], name, text),
                title=title,
            )
        )
    return out


def _check_ins(now: pendulum.DateTime, horizon: pendulum.DateTime) -> list[DueItem]:
    today = now.date()
    rows = database.execute_sql(
        "SELECT n.id, n.text, n.horizon, c.id, c.name, c.ring FROM need n "
        "JOIN contact c ON c.id = n.contact_id "
        "WHERE n.status = 'open' AND n.horizon < ? AND c.archived_at IS NULL",
        (horizon.date().isoformat(),),
    )
    out = []
    for nid, text, day_text, cid, name, ring in rows:
        day = pendulum.Date.fromisoformat(str(day_text))
        late = (today - day).days
        verb = "passed its date" if late > 0 else "reaches its date"
        out.append(
            DueItem(
                f"check-in-n{nid}",
                "check-in",
                cid,
                name,
                _at(day, now),
                f"their need {_short(text)} {verb} {day_words(day, now)}; "
                "ask whether it is still open",
                float(late),
                ring,
                late < 0,
                title=f"ask whether their need {_short(text)} is still open",
            )
        )
    return out


def _customs(now: pendulum.DateTime, horizon: pendulum.DateTime) -> list[DueItem]:
    rows = database.execute_sql(
        "SELECT r.id, r.text, r.due_at, c.id, c.name, c.ring FROM reminder r "
        "LEFT JOIN contact c ON c.id = r.contact_id "
        "WHERE r.done_at IS NULL AND r.due_at <= ? "
        "AND (c.id IS NULL OR c.archived_at IS NULL)",
        (to_utc_text(horizon),),
    )
    out = []
    for rid, text, due_text, cid, name, ring in rows:
        at = from_utc_text(due_text)
        out.append(
            DueItem(
                f"r{rid}",
                "custom",
                cid,
                name or "",
                at,
                _short(text, 80),
                (now - at).total_hours(),
                ring or 3,
                at > now,
            )
        )
    return out


def dates_ahead() -> int:
    """How many days before a birthday or anniversary it shows as due (0: on the day)."""
    value = settings.get(DATES_AHEAD, DATES_AHEAD_DEFAULT)
    return value if isinstance(value, int) and 0 <= value <= DATES_AHEAD_MAX else 7


def _dates(
    now: pendulum.DateTime, horizon: pendulum.DateTime, kinds: Sequence[str]
) -> list[DueItem]:
    """Birthdays and anniversaries from today to the look-ahead (or ``horizon``'s day).

    Due (not ``soon``) within the look-ahead; later ones up to ``horizon`` are ``soon``.
    At most a year ahead, so each date comes once.
    """
    from netty.services.birthdays import KINDS as STORED
    from netty.services.birthdays import DateValue, event_words, occurrence, soon_words

    today = local_day(now, now)
    ahead = today.add(days=dates_ahead())
    last = min(max(ahead, local_day(horizon, now)), today.add(years=1).subtract(days=1))
    out: dict[str, DueItem] = {}
    words: dict[tuple, tuple] = {}
    for year, month, first, final in day_ranges(today, last):
        rows = (
            ContactDate.select(
                ContactDate.kind,
                ContactDate.year,
                ContactDate.day,
                Contact.id,
                Contact.name,
                Contact.ring,
            )
            .join(Contact)
            .where(
                ContactDate.kind.in_([STORED[k] for k in kinds])
                & (ContactDate.month == month)
                & ContactDate.day.between(first, final)
                & Contact.archived_at.is_null()
            )
            .tuples()
        )
        for stored, born, day, cid, name, ring in rows:
            said = words.get((stored, born, month, day, year))
            if said is None:  # the same words for everyone born that day: said once
                value = DateValue(stored, born, month, day)
                on = occurrence(month, day, year)
                said = words[(stored, born, month, day, year)] = (
                    value.name,
                    on,
                    _at(on, now),
                    soon_words(value, now, 366) or value.name,
                    event_words(value, on),
                )
            kind, on, at, reason, title = said
            key = f"{kind}-c{cid}-{on.year}"
            if key in out:
                continue
            first_name = name.split()[0] if name.split() else name
            out[key] = DueItem(
                key,
                kind,
                cid,
                name,
                at,
                reason,
                -float((on - today).days),
                ring,
                soon=on > ahead,
                wording=DATE_WORDING[kind].format(first=first_name),
                title=title,
            )
    return list(out.values())


def day_ranges(first: pendulum.Date, last: pendulum.Date) -> list[tuple[int, int, int, int]]:
    """The days ``first`` to ``last`` (inclusive) as ``(year, month, first_day, last_day)``
    ranges, one per month, for index range scans on (month, day).

    In a common year a range ending on 28 February runs to 29, so 29 February dates
    are found on the 28th (:func:`netty.services.birthdays.occurrence`).
    """
    out = []
    start = first
    while start <= last:
        month_end = start.end_of("month")
        end = min(month_end, last)
        final = end.day
        if end.month == 2 and final == 28 and not end.is_leap_year():
            final = 29
        out.append((start.year, start.month, start.day, final))
        start = month_end.add(days=1)
    return out


# ------------------------------------------------------------------ acting on items


def remind(
    contact_id: int | None,
    when: pendulum.DateTime,
    text: str,
    now: pendulum.DateTime,
    interaction_id: int | None = None,
) -> str:
    """Set a custom reminder; returns its id (``r5``)."""
    body = clean_line(text) or "follow up"
    label = "set a reminder" + (f" for {who([contact_id])}" if contact_id else "")
    with change(label, now, kind="remind"):
        row = Reminder.create(
            contact=contact_id, text=body, due_at=when, created_at=now, interaction=interaction_id
        )
    return f"r{row.id}"


def snooze(item_id: str, until: pendulum.DateTime, now: pendulum.DateTime) -> None:
    """Hide an item until ``until``."""
    key = _check_id(item_id)
    if until <= now:
        raise InvalidInput("snooze until a time in the future, e.g. tomorrow or next week")
    with change(f"snoozed {key} until {until.to_date_string()}", now, kind="snooze"):
        ReminderState.insert(key=key, snoozed_until=until, updated_at=now).on_conflict(
            conflict_target=[ReminderState.key],
            update={ReminderState.snoozed_until: until, ReminderState.updated_at: now},
        ).execute()


def done(item_id: str, now: pendulum.DateTime) -> str:
    """Act on an item as done; returns what happened, in words.

    ping: logs a message to them (a ping) now. deliver: marks the promise done.
    nudge: counts a nudge sent (a stale one drops the promise). thank: logs a
    thank-you now. check-in, birthday, anniversary: stored as done (this year's only).
    custom: marks the reminder done.
    """
    from netty.services.timeline import log_interaction

    key = _check_id(item_id)
    number = int(re.sub(r"\D", "", key.rsplit("-", 1)[-1]))
    with change(f"marked {key} done", now, kind="done"):
        if key.startswith("ping-"):
            log_interaction([number], kind="message", when=now, summary="Pinged", now=now)
            return "logged a ping"
        if key.startswith("deliver-"):
            _close_promise(number, "done", now)
            return "marked the promise delivered"
        if key.startswith("nudge-"):
            promise = Promise.get_or_none(Promise.id == number)
            if promise is None or promise.status != "open":
                raise NotFound(f"no open promise p{number}")
            if promise.nudges_sent >= len(NUDGE_DAYS):
                _close_promise(number, "dropped", now)
                return "dropped the stale promise"
            Promise.update(nudges_sent=Promise.nudges_sent + 1, last_nudged_at=now).where(
                Promise.id == number
            ).execute()
            return f"counted nudge {promise.nudges_sent + 1} of {len(NUDGE_DAYS)}"
        if key.startswith("thank-"):
            contact_id = _thank_contact(key.removeprefix("thank-"))
            log_interaction(
                [contact_id], kind="thank-you", when=now, summary="Thanked them", now=now
            )
            return "logged a thank-you"
        if key.startswith("r"):
            updated = (
                Reminder.update(done_at=now)
                .where((Reminder.id == number) & Reminder.done_at.is_null())
                .execute()
            )
            if not updated:
                raise NotFound(f"no open reminder {key}")
            return "marked the reminder done"
        ReminderState.insert(key=key, done_at=now, updated_at=now).on_conflict(
            conflict_target=[ReminderState.key],
            update={ReminderState.done_at: now, ReminderState.updated_at: now},
        ).execute()
        return "marked it done"


_ID = re.compile(
    r"^(ping-\d+|deliver-p\d+|nudge-p\d+|thank-[pai]\d+|check-in-n\d+|r\d+"
    r"|(?:birthday|anniversary)-c\d+-\d{4})$"
)


def _check_id(item_id: str) -> str:
    key = clean_line(item_id).lower()
    if not _ID.match(key):
        raise InvalidInput(
            f"{item_id[:40]!r} is not a reminder id; `netty due` shows them (e.g. ping-12, r5)"
        )
    if any(id_number(n) is None for n in re.findall(r"\d+", key)):
        raise NotFound(f"no item {key[:40]}; `netty due` shows them (e.g. ping-12, r5)")
    return key


def _close_promise(pid: int, status: str, now: pendulum.DateTime) -> None:
    updated = (
        Promise.update(status=status, closed_at=now)
        .where((Promise.id == pid) & (Promise.status == "open"))
        .execute()
    )
    if not updated:
        raise NotFound(f"no open promise p{pid}")


def _thank_contact(ref: str) -> int:
    table = {"p": "promise", "a": "ask"}.get(ref[0])
    if table:
        row = database.execute_sql(
            f"SELECT contact_id FROM {table} WHERE id = ?", (int(ref[1:]),)
        ).fetchone()
    else:
        row = database.execute_sql(
            "SELECT contact_id FROM interaction_contact WHERE interaction_id = ? LIMIT 1",
            (int(ref[1:]),),
        ).fetchone()
    if row is None:
        raise NotFound(f"nothing to thank for {ref}")
    return row[0]


def _states(now: pendulum.DateTime) -> set[str]:
    """Keys hidden now: snoozed into the future, or done."""
    rows = database.execute_sql(
        "SELECT key FROM reminder_state WHERE done_at IS NOT NULL OR snoozed_until > ?",
        (to_utc_text(now),),
    )
    return {row[0] for row in rows}


# ------------------------------------------------------------------ wording helpers


def _at(day: dt.date, now: pendulum.DateTime) -> pendulum.DateTime:
    """9:00 on ``day`` in the user's zone: when a day-dated item shows."""
    return pendulum.DateTime(day.year, day.month, day.day, 9, tzinfo=now.tzinfo or pendulum.UTC)


def _short(text: str, width: int = 50) -> str:
    """``text`` on one line, at most ``width`` characters, cut between words with "…"."""
    line = " ".join(str(text).split())
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    if " " in cut and line[width - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def quoted(text: str) -> str:
    """A promise's text inside a message: 'Send the deck' -> '“send the deck”'."""
    line = _short(text, 60)
    if len(line) > 1 and line[0].isupper() and line[1].islower():
        line = line[0].lower() + line[1:]
    return f"“{line}”"


def thank_wording(what: str, name: str, text: str) -> str:
    """A one-line thank-you for help received: ``what`` is "p" (a promise they kept),
    "a" (an ask they granted) or "i" (an intro they made); ``text`` is that record's."""
    first = name.split()[0] if name.split() else name
    if what == "i":
        return THANK_WORDING["i"].format(first=first)
    return THANK_WORDING[what].format(first=first, what=quoted(text))


def group_by_kind(items: Sequence[DueItem]) -> dict[str, list[DueItem]]:
    """Items grouped by kind, in the engine's order of urgency (deliver first)."""
    out: dict[str, list[DueItem]] = {}
    for kind in sorted(KINDS, key=KIND_ORDER.get):
        out[kind] = [i for i in items if i.kind == kind]
    return {k: v for k, v in out.items() if v}
