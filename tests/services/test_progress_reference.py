"""The fast progress figures against a plain reference computation, on a random history.

``stats`` counts in SQL, people reached from the derived ``reach`` table that
triggers keep (``netty.db.reach``). Here a seeded random history (rings,
channels, archived people and talks, notes, thank-yous, intros, several people
per talk, moments around a daylight-saving change and a year end) is counted
again in plain Python from every row, period by period, and the two must agree:
after the history is made, and after each later write (a ring or channel
changed, a talk archived or turned into a note, moved in time, a person merged
into another, a person deleted) and after undoing and redoing them all.
"""

from __future__ import annotations

import random

import pendulum
import pytest

from netty.db.models import (
    Ask,
    Contact,
    Give,
    Interaction,
    InteractionContact,
    Need,
    Promise,
)
from netty.db.vocab import CHANNELS, RINGS
from netty.services import changes, ledger
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact
from netty.services.duplicates import merge_contacts
from netty.services.progress import label_of, period_bounds, stats
from netty.services.timeline import log_interaction

ZONE = "Europe/Berlin"
NOW = pendulum.datetime(2027, 2, 10, 12, 0, tz=ZONE)
KINDS = ("coffee", "meal", "call", "email", "message", "note", "thank-you", "intro", "event")


def _local(moment) -> pendulum.DateTime:
    return pendulum.instance(moment).in_tz(ZONE)


def reference(since: pendulum.DateTime, by: str) -> dict:
    """Every figure of ``stats(NOW, since=since, by=by)``, counted row by row in Python."""
    bounds = period_bounds(since, NOW, by)
    n = len(bounds) - 1

    def period(moment) -> int | None:
        if moment is None:
            return None
        local = _local(moment)
        for i in range(n):
            if bounds[i] <= local < bounds[i + 1]:
                return i
        return None

    figures = [
        {
            "in_person": 0,
            "online": 0,
            "new": [0, 0, 0],
            "reached": set(),
            "gives": 0,
            "asks": 0,
            "on_time": 0,
            "late": 0,
            "to_me": 0,
            "help": 0,
            "thanks": 0,
            "needs": 0,
        }
        for _ in range(n)
    ]
    contacts = {c.id: c for c in Contact.select()}
    links: dict[int, list[int]] = {}
    for link in InteractionContact.select():
        links.setdefault(link.interaction_id, []).append(link.contact_id)
    for talk in Interaction.select():
        p = period(talk.occurred_at)
        if p is None or talk.archived_at is not None:
            continue
        if talk.kind == "thank-you":
            figures[p]["thanks"] += 1
        if talk.kind == "intro" and talk.initiated_by == "them":
            figures[p]["help"] += 1
        if talk.kind == "note":
            continue
        figures[p]["in_person" if talk.in_person else "online"] += 1
        figures[p]["reached"].update(links.get(talk.id, ()))
    for c in contacts.values():
        p = period(c.connected_at or c.created_at)
        if p is not None and c.archived_at is None:
            figures[p]["new"][c.ring - 1] += 1
    for give in Give.select():
        if (p := period(give.given_at)) is not None:
            figures[p]["gives"] += 1
    for ask in Ask.select():
        if (p := period(ask.asked_at)) is not None:
            figures[p]["asks"] += 1
        if ask.status == "granted" and (p := period(ask.resolved_at)) is not None:
            figures[p]["help"] += 1
    for promise in Promise.select().where(Promise.status == "done"):
        if (p := period(promise.closed_at)) is None:
            continue
        if promise.direction == "they_owe":
            figures[p]["to_me"] += 1
            figures[p]["help"] += 1
        elif promise.due is not None and _local(promise.closed_at).date() > promise.due:
            figures[p]["late"] += 1
        else:
            figures[p]["on_time"] += 1
    helped = {g.need_id for g in Give.select() if g.need_id is not None}
    for need in Need.select().where(Need.status == "met"):
        if need.id in helped and (p := period(need.closed_at)) is not None:
            figures[p]["needs"] += 1

    def rings(people) -> dict[str, int]:
        counts = [0, 0, 0]
        for cid in people:
            counts[contacts[cid].ring - 1] += 1
        return {str(r): counts[r - 1] for r in RINGS}

    def as_json(label, start, end, f) -> dict:
        return {
            "label": label,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "interactions": f["in_person"] + f["online"],
            "in_person": f["in_person"],
            "online": f["online"],
            "new_by_ring": {str(r): f["new"][r - 1] for r in RINGS},
            "reached_by_ring": rings(f["reached"]),
            "gives": f["gives"],
            "asks": f["asks"],
            "promises_kept_on_time": f["on_time"],
            "promises_kept_late": f["late"],
            "promises_kept_to_me": f["to_me"],
            "help_received": f["help"],
            "thanks_sent": f["thanks"],
            "needs_met_helped": f["needs"],
        }

    periods = [
        as_json(label_of(bounds[i], by), bounds[i], bounds[i + 1], figures[i]) for i in range(n)
    ]
    total = {
        key: (
            [sum(f[key][r] for f in figures) for r in range(3)]
            if key == "new"
            else set().union(*(f[key] for f in figures))
            if key == "reached"
            else sum(f[key] for f in figures)
        )
        for key in figures[0]
    }
    channels: dict[str, int] = {}
    for cid in total["reached"]:
        channel = contacts[cid].channel
        key = channel if channel in CHANNELS else "none"
        channels[key] = channels.get(key, 0) + 1
    return {
        "by": by,
        "start": bounds[0].isoformat(),
        "end": bounds[-1].isoformat(),
        "periods": periods,
        "totals": as_json("total", bounds[0], bounds[-1], total),
        "reached_by_channel": dict(sorted(channels.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def assert_agree() -> None:
    for since, by in (
        (NOW.subtract(months=6), "month"),
        (NOW.subtract(months=6), "week"),
        (pendulum.datetime(2026, 10, 19, tz=ZONE), "week"),
        (pendulum.datetime(2026, 1, 1, tz=ZONE), "month"),
    ):
        fast = stats(NOW, since=since, by=by).to_json()
        assert fast == reference(since, by), (since, by)


@pytest.fixture
def history(db):
    """About 40 people and 160 conversations from a fixed seed, Aug 2026 to Feb 2027."""
    rng = random.Random(15)
    start = pendulum.datetime(2026, 8, 1, tz=ZONE)
    span_minutes = int((NOW - start).total_minutes())

    def moment() -> pendulum.DateTime:
        return start.add(minutes=rng.randrange(span_minutes))

    people = []
    for i in range(40):
        channel = rng.choice((None, *CHANNELS))
        fields = ContactFields(name=f"Person {i}", ring=rng.choice(tuple(RINGS)), channel=channel)
        people.append(add_contact(fields, moment()).id)
    for _ in range(160):
        ids = rng.sample(people, rng.choice((1, 1, 1, 2, 3)))
        kind = rng.choice(KINDS)
        log_interaction(ids, kind=kind, when=moment(), by_them=rng.random() < 0.4, now=NOW)
    with change("history by hand", NOW):
        for cid in rng.sample(people, 5):
            Contact.update(connected_at=moment()).where(Contact.id == cid).execute()
        for cid in rng.sample(people, 3):
            Contact.update(archived_at=NOW).where(Contact.id == cid).execute()
        talks = [i.id for i in Interaction.select(Interaction.id).order_by(Interaction.id)]
        for iid in rng.sample(talks, 10):
            Interaction.update(archived_at=NOW).where(Interaction.id == iid).execute()
    for cid in rng.sample(people, 10):
        need = ledger.add_need(cid, "a lead", now=moment())
        ledger.add_give(cid, "advice", "a pointer", now=NOW, given_at=moment(), need_id=need)
        ledger.add_ask(cid, "an intro", now=moment())
        due = moment().date() if rng.random() < 0.7 else None
        promise = ledger.add_promise(
            cid, rng.choice(("i_owe", "they_owe")), "send it", now=moment(), due=due
        )
        with change("closed by hand", NOW):
            Promise.update(status="done", closed_at=moment()).where(Promise.id == promise).execute()
            Need.update(status="met", closed_at=moment()).where(Need.id == need).execute()
    with change("asks granted", NOW):
        asks = [a.id for a in Ask.select(Ask.id).order_by(Ask.id)]
        Ask.update(status="granted", resolved_at=moment()).where(Ask.id.in_(asks[::2])).execute()
    return {"people": people, "talks": talks, "rng": rng, "moment": moment}


def test_the_figures_agree_with_a_plain_count(history):
    assert_agree()


def test_the_figures_stay_right_through_later_writes_undo_and_redo(history):
    people, talks, rng, moment = (history[k] for k in ("people", "talks", "rng", "moment"))
    steps = 0

    def step(label, write) -> None:
        nonlocal steps
        with change(label, NOW):
            write()
        steps += 1
        assert_agree()

    step(
        "rings",
        lambda: Contact.update(ring=1).where(Contact.id.in_(people[:6])).execute(),
    )
    step(
        "channels",
        lambda: Contact.update(channel="work").where(Contact.id.in_(people[6:10])).execute(),
    )
    step(
        "archived",
        lambda: Interaction.update(archived_at=NOW).where(Interaction.id.in_(talks[:8])).execute(),
    )
    step(
        "unarchived",
        lambda: Interaction.update(archived_at=None).where(Interaction.id.in_(talks[:4])).execute(),
    )
    step(
        "notes",
        lambda: Interaction.update(kind="note").where(Interaction.id.in_(talks[10:20])).execute(),
    )
    step(
        "moved",
        lambda: (
            Interaction.update(occurred_at=moment())
            .where(Interaction.id.in_(talks[20:40]))
            .execute()
        ),
    )
    # a talk with one person, not the last one: its link row moved to the last one
    lone = next(
        iid
        for iid in talks[40:]
        if [
            c
            for (c,) in InteractionContact.select(InteractionContact.contact)
            .where(InteractionContact.interaction == iid)
            .tuples()
        ]
        not in ([], [people[-1]])
        and InteractionContact.select().where(InteractionContact.interaction == iid).count() == 1
    )
    step(
        "link moved",
        lambda: (
            InteractionContact.update(contact=people[-1])
            .where(InteractionContact.interaction == lone)
            .execute()
        ),
    )
    step("deleted", lambda: Contact.delete().where(Contact.id == people[11]).execute())
    step("talk deleted", lambda: Interaction.delete().where(Interaction.id == talks[60]).execute())
    merge_contacts(people[12], people[13], NOW, backup=False)
    steps += 1
    assert_agree()
    log_interaction([people[14], people[15]], kind="coffee", when=NOW.subtract(days=2), now=NOW)
    steps += 1
    assert_agree()
    for _ in range(steps):
        changes.undo(NOW)
        assert_agree()
    for _ in range(steps):
        changes.redo(NOW)
        assert_agree()
    assert rng.random() is not None
