"""Interactions and the timeline: logging what happened, reading it back newest first.

Logging an interaction updates each participant's ``last_interaction_at`` and
``next_ping_at`` in the same transaction, so the reminder engine sees it at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from peewee import JOIN

from netty.db.models import (
    Ask,
    Contact,
    Event,
    Give,
    Interaction,
    InteractionContact,
    Need,
    Organization,
    Promise,
    Reminder,
    ReminderState,
    database,
)
from netty.db.vocab import IN_PERSON_KINDS, INTERACTION_KINDS, PROMISE_DIRECTIONS, slug
from netty.errors import InvalidInput, NotFound
from netty.services.changes import change, who
from netty.services.contacts import get_contact, next_ping
from netty.services.text import clean_block
from netty.services.views import (
    AskView,
    ContactDetail,
    GiveView,
    InteractionView,
    NeedView,
    PromiseView,
    Ref,
    ReminderView,
    Source,
    Zone,
)

REF_PREFIX = {
    "interaction": "i",
    "need": "n",
    "give": "g",
    "ask": "a",
    "promise": "p",
    "reminder": "r",
}
DEFAULT_KIND = "note"  # what `netty log` and the app's log form record unless told


def parse_kind(value: str | None) -> str:
    """An interaction kind from its name ('thank you', 'Video call' ...), or a clear error."""
    if value is None or not value.strip():
        return DEFAULT_KIND
    key = slug(value)
    aliases = {
        "thanks": "thank-you",
        "thankyou": "thank-you",
        "video-call": "video",
        "zoom": "video",
        "lunch": "meal",
        "dinner": "meal",
        "breakfast": "meal",
        "phone": "call",
        "text": "message",
        "dm": "message",
        "mail": "email",
    }
    key = aliases.get(key, key)
    if key not in INTERACTION_KINDS:
        raise InvalidInput(f"unknown kind {value!r}; use one of: {', '.join(INTERACTION_KINDS)}")
    return key


def log_interaction(
    contact_ids: Sequence[int],
    *,
    kind: str,
    when: pendulum.DateTime,
    summary: str = "",
    by_them: bool = False,
    event_id: int | None = None,
    now: pendulum.DateTime,
) -> InteractionView:
    """Record one interaction with one or more contacts and reset their ping clocks."""
    ids = list(dict.fromkeys(int(c) for c in contact_ids))
    if not ids:
        raise InvalidInput("log an interaction with at least one contact")
    kind = parse_kind(kind)
    if when > now.add(minutes=5):
        raise InvalidInput(
            f"{when.to_date_string()} is in the future; log what happened, "
            "or set a reminder for what will"
        )
    with change(f"logged {kind} with {who(ids)}", now, kind="log"):
        found = {c.id: c for c in Contact.select().where(Contact.id.in_(ids))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"no contact #{missing[0]}")
        interaction = Interaction.create(
            kind=kind,
            occurred_at=when,
            summary=clean_block(summary),
            initiated_by="them" if by_them else "me",
            in_person=kind in IN_PERSON_KINDS,
            event=event_id,
            created_at=now,
        )
        InteractionContact.insert_many(
            [{"interaction": interaction.id, "contact": cid} for cid in ids]
        ).execute()
        for cid in ids:
            touch_contact(found[cid], when, now)
    return get_interaction(interaction.id)


def touch_contact(contact: Contact, when: pendulum.DateTime, now: pendulum.DateTime) -> None:
    """Move a contact's last interaction forward to ``when`` (never back) and its next ping."""
    if contact.last_interaction_at is None or when > contact.last_interaction_at:
        contact.last_interaction_at = when
    contact.next_ping_at = next_ping(contact, now)
    contact.updated_at = now
    contact.save(only=[Contact.last_interaction_at, Contact.next_ping_at, Contact.updated_at])


def get_interaction(interaction_id: int) -> InteractionView:
    views = _interaction_views(Interaction.select().where(Interaction.id == interaction_id))
    if not views:
        raise NotFound(f"no interaction #{interaction_id}")
    return views[0]


def interactions_of(contact_id: int, limit: int | None = None) -> list[InteractionView]:
    """A contact's interactions, newest first."""
    query = (
        Interaction.select()
        .join(InteractionContact)
        .where((InteractionContact.contact == contact_id) & Interaction.archived_at.is_null(True))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    if limit:
        query = query.limit(limit)
    return _interaction_views(query)


def _interaction_views(query) -> list[InteractionView]:
    rows = list(query)
    if not rows:
        return []
    ids = [r.id for r in rows]
    people: dict[int, list[Ref]] = defaultdict(list)
    events: dict[int, Ref] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        pairs = (
            InteractionContact.select(InteractionContact.interaction, Contact.id, Contact.name)
            .join(Contact)
            .where(InteractionContact.interaction.in_(chunk))
            .order_by(Contact.name_key)
            .tuples()
        )
        for iid, cid, name in pairs:
            people[iid].append(Ref(cid, name))
    event_ids = {r.event_id for r in rows if r.event_id is not None}
    if event_ids:
        for eid, name in Event.select(Event.id, Event.name).where(Event.id.in_(event_ids)).tuples():
            events[eid] = Ref(eid, name)
    return [
        InteractionView(
            id=r.id,
            ref=f"i{r.id}",
            kind=r.kind,
            occurred_at=r.occurred_at,
            summary=r.summary,
            initiated_by=r.initiated_by,
            in_person=r.in_person,
            event=events.get(r.event_id) if r.event_id else None,
            contacts=tuple(people.get(r.id, ())),
        )
        for r in rows
    ]


# ------------------------------------------------------------------ ledger views


def needs_of(contact_id: int) -> list[NeedView]:
    rows = Need.select(Need, Contact).join(Contact).where(Need.contact == contact_id)
    return [
        NeedView(
            id=n.id,
            ref=f"n{n.id}",
            contact=Ref(n.contact.id, n.contact.name),
            text=n.text,
            horizon=n.horizon,
            status=n.status,
            created_at=n.created_at,
            closed_at=n.closed_at,
        )
        for n in rows.order_by(Need.created_at.desc(), Need.id.desc())
    ]


def gives_of(contact_id: int) -> list[GiveView]:
    rows = (
        Give.select()
        .where(Give.contact == contact_id)
        .order_by(Give.given_at.desc(), Give.id.desc())
    )
    names = _names({g.introduced_to_id for g in rows} | {contact_id})
    return [
        GiveView(
            id=g.id,
            ref=f"g{g.id}",
            contact=Ref(contact_id, names[contact_id]),
            kind=g.kind,
            text=g.text,
            given_at=g.given_at,
            need_id=g.need_id,
            introduced_to=(
                Ref(g.introduced_to_id, names[g.introduced_to_id]) if g.introduced_to_id else None
            ),
        )
        for g in rows
    ]


def asks_of(contact_id: int) -> list[AskView]:
    rows = list(
        Ask.select().where(Ask.contact == contact_id).order_by(Ask.asked_at.desc(), Ask.id.desc())
    )
    names = _names({a.target_contact_id for a in rows} | {contact_id})
    org_ids = {a.target_org_id for a in rows if a.target_org_id}
    orgs = (
        dict(
            Organization.select(Organization.id, Organization.name)
            .where(Organization.id.in_(org_ids))
            .tuples()
        )
        if org_ids
        else {}
    )
    return [
        AskView(
            id=a.id,
            ref=f"a{a.id}",
            contact=Ref(contact_id, names[contact_id]),
            text=a.text,
            target_contact=(
                Ref(a.target_contact_id, names[a.target_contact_id])
                if a.target_contact_id
                else None
            ),
            target_org=orgs.get(a.target_org_id),
            status=a.status,
            asked_at=a.asked_at,
            resolved_at=a.resolved_at,
        )
        for a in rows
    ]


def promises_of(contact_id: int) -> list[PromiseView]:
    rows = (
        Promise.select()
        .where(Promise.contact == contact_id)
        .order_by(Promise.created_at.desc(), Promise.id.desc())
    )
    names = _names({contact_id})
    return [
        PromiseView(
            id=p.id,
            ref=f"p{p.id}",
            contact=Ref(contact_id, names[contact_id]),
            direction=p.direction,
            text=p.text,
            due=p.due,
            status=p.status,
            closed_at=p.closed_at,
            nudges_sent=p.nudges_sent,
            created_at=p.created_at,
        )
        for p in rows
    ]


def reminders_of(contact_id: int) -> list[ReminderView]:
    """A contact's follow-ups and custom reminders, open and done, soonest due first.

    Each carries its ``source``: the interaction (and event) whose note set it.
    """
    rows = list(
        Reminder.select()
        .where(Reminder.contact == contact_id)
        .order_by(Reminder.due_at, Reminder.id)
    )
    if not rows:
        return []
    names = _names({contact_id})
    sources = sources_of({r.interaction_id for r in rows if r.interaction_id})
    keys = [f"r{r.id}" for r in rows]
    snoozes = dict(
        ReminderState.select(ReminderState.key, ReminderState.snoozed_until)
        .where(ReminderState.key.in_(keys) & ReminderState.snoozed_until.is_null(False))
        .tuples()
    )
    return [
        ReminderView(
            id=r.id,
            ref=f"r{r.id}",
            contact=Ref(contact_id, names.get(contact_id, "")),
            text=r.text,
            due_at=r.due_at,
            done_at=r.done_at,
            snoozed_until=snoozes.get(f"r{r.id}"),
            created_at=r.created_at,
            source=sources.get(r.interaction_id) if r.interaction_id else None,
        )
        for r in rows
    ]


def sources_of(interaction_ids: set[int]) -> dict[int, Source]:
    """The interactions (with their events) that records came from, by interaction id."""
    if not interaction_ids:
        return {}
    rows = (
        Interaction.select(Interaction, Event)
        .join(Event, JOIN.LEFT_OUTER)
        .where(Interaction.id.in_(list(interaction_ids)))
    )
    return {
        i.id: Source(
            ref=f"i{i.id}",
            kind=i.kind,
            occurred_at=i.occurred_at,
            summary=i.summary,
            event=Ref(i.event.id, i.event.name) if i.event_id is not None else None,
        )
        for i in rows
    }


def _names(ids: set[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return dict(Contact.select(Contact.id, Contact.name).where(Contact.id.in_(wanted)).tuples())


def contact_detail(contact_id: int) -> ContactDetail:
    """A contact with every interaction, need, give, ask, promise and reminder (``netty show``)."""
    with database.atomic():  # one consistent snapshot
        return ContactDetail(
            contact=get_contact(contact_id),
            interactions=tuple(interactions_of(contact_id)),
            needs=tuple(needs_of(contact_id)),
            gives=tuple(gives_of(contact_id)),
            asks=tuple(asks_of(contact_id)),
            promises=tuple(promises_of(contact_id)),
            reminders=tuple(reminders_of(contact_id)),
        )


# ------------------------------------------------------------------ the timeline


@dataclass(frozen=True)
class TimelineItem:
    """One line of a contact's history: an interaction, or a ledger record opened or closed."""

    at: pendulum.DateTime
    ref: str  # "i12", "n4": the id `netty show` and `netty done` use
    kind: str  # interaction kind, or "need", "give", "ask", "promise"
    label: str  # what the line says first: "coffee", "need met", "I owe"
    text: str
    status: str | None
    detail: str  # everything, for the full view
    upcoming: bool = False  # an open follow-up or reminder, dated when it is due


def timeline(contact_id: int, now: pendulum.DateTime | None = None) -> list[TimelineItem]:
    """What is coming up, then everything recorded about a contact, newest first.

    The open follow-ups and reminders come first (``upcoming``), soonest due first,
    each saying where it came from; an overdue one has the status "overdue" (when
    ``now`` is given). Then the history, newest first. Times are in ``now``'s zone.
    """
    detail = contact_detail(contact_id)
    tz = (now.timezone if now is not None else None) or pendulum.UTC
    upcoming = [_reminder_item(r, now, tz) for r in detail.reminders if r.done_at is None]
    items: list[TimelineItem] = []
    for i in detail.interactions:
        others = [r.name for r in i.contacts if r.id != contact_id]
        lines = [
            f"{INTERACTION_KINDS[i.kind]} on {i.occurred_at.in_tz(tz).to_day_datetime_string()}",
            f"started by {'them' if i.initiated_by == 'them' else 'me'}"
            + (", in person" if i.in_person else ""),
        ]
        if i.event:
            lines.append(f"at {i.event.name}")
        if others:
            lines.append("with " + ", ".join(others))
        lines += ["", i.summary]
        items.append(
            TimelineItem(
                i.occurred_at,
                i.ref,
                i.kind,
                INTERACTION_KINDS[i.kind],
                i.summary,
                None,
                "\n".join(lines).strip(),
            )
        )
    for n in detail.needs:
        horizon = f" by {n.horizon.isoformat()}" if n.horizon else ""
        items.append(
            TimelineItem(
                n.created_at,
                n.ref,
                "need",
                "needs",
                n.text + horizon,
                n.status,
                f"They need: {n.text}{horizon}\nstatus: {n.status}",
            )
        )
        if n.closed_at:
            items.append(
                TimelineItem(
                    n.closed_at,
                    n.ref,
                    "need",
                    f"need {n.status}",
                    n.text,
                    n.status,
                    f"Need {n.status}: {n.text}",
                )
            )
    for g in detail.gives:
        to = f" (to {g.introduced_to.name})" if g.introduced_to else ""
        items.append(
            TimelineItem(
                g.given_at,
                g.ref,
                "give",
                f"gave {g.kind}",
                g.text + to,
                None,
                f"I gave ({g.kind}): {g.text}{to}",
            )
        )
    for a in detail.asks:
        target = ", ".join(
            x for x in (a.target_contact.name if a.target_contact else None, a.target_org) if x
        )
        tail = f" [{target}]" if target else ""
        items.append(
            TimelineItem(
                a.asked_at,
                a.ref,
                "ask",
                "asked",
                a.text + tail,
                a.status,
                f"I asked: {a.text}{tail}\nstatus: {a.status}",
            )
        )
        if a.resolved_at:
            items.append(
                TimelineItem(
                    a.resolved_at,
                    a.ref,
                    "ask",
                    f"ask {a.status}",
                    a.text,
                    a.status,
                    f"Ask {a.status}: {a.text}",
                )
            )
    for p in detail.promises:
        who = PROMISE_DIRECTIONS[p.direction]
        due = f" by {p.due.isoformat()}" if p.due else ""
        items.append(
            TimelineItem(
                p.created_at,
                p.ref,
                "promise",
                who,
                p.text + due,
                p.status,
                f"{who}: {p.text}{due}\nstatus: {p.status}",
            )
        )
        if p.closed_at:
            items.append(
                TimelineItem(
                    p.closed_at,
                    p.ref,
                    "promise",
                    f"{who}: {p.status}",
                    p.text,
                    p.status,
                    f"{who} ({p.status}): {p.text}",
                )
            )
    for r in detail.reminders:
        if r.done_at is not None:
            items.append(
                TimelineItem(
                    r.done_at,
                    r.ref,
                    "reminder",
                    "followed up",
                    r.text,
                    "done",
                    f"Followed up: {r.text}\n"
                    f"was due {r.due_at.in_tz(tz).to_day_datetime_string()}, {r.origin(tz)}",
                )
            )
    items.sort(key=lambda it: (it.at, it.ref), reverse=True)
    return upcoming + items


def _reminder_item(r: ReminderView, now: pendulum.DateTime | None, tz: Zone) -> TimelineItem:
    """An open reminder as an upcoming timeline line: when, what, and where it came from."""
    status = None
    if now is not None and r.snoozed_until is not None and r.snoozed_until > now:
        status = f"snoozed to {r.snoozed_until.in_tz(tz).format('D MMM')}"
    elif now is not None and r.due_at <= now:
        status = "overdue"
    origin = r.origin(tz)
    lines = [
        f"Follow up: {r.text}",
        f"due {r.due_at.in_tz(tz).to_day_datetime_string()}" + (f" ({status})" if status else ""),
        origin[0].upper() + origin[1:],
    ]
    if r.source is None:
        short = f"set {r.created_at.in_tz(tz).format('D MMM')}"
    elif r.source.event is not None:
        short = r.source.event.name
    else:
        short = (
            f"{INTERACTION_KINDS[r.source.kind]} {r.source.occurred_at.in_tz(tz).format('D MMM')}"
        )
    return TimelineItem(
        r.due_at,
        r.ref,
        "reminder",
        "follow up",
        f"{r.text} · {short}",
        status,
        "\n".join(lines),
        upcoming=True,
    )
