"""Demo networks: the hand-made one people explore, and generated ones for benchmarks.

``load_demo`` writes the believable network of ``demo_data`` through the same
services the app uses. ``generate`` writes N synthetic contacts with about ten
interactions each in bulk, deterministically for a given ``now``.
Both refuse a database that already has contacts: a demo never mixes with real data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pendulum

from netty.db.bulk import bulk_insert
from netty.db.fields import to_utc_text
from netty.db.models import (
    Affiliation,
    Contact,
    ContactMethod,
    ContactTag,
    Event,
    Interaction,
    InteractionContact,
    Need,
    Organization,
    Promise,
    Tag,
)
from netty.db.vocab import CHANNELS, IN_PERSON_KINDS, fold
from netty.errors import InvalidInput
from netty.services import ledger, reminders, settings
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact, organization_for, set_target
from netty.services.knows import add_knows
from netty.services.text import search_key
from netty.services.timeline import log_interaction


@dataclass(frozen=True)
class DemoSummary:
    contacts: int
    interactions: int


def _require_empty() -> None:
    count = Contact.select().count()
    if count:
        raise InvalidInput(
            f"this database already has {count} contacts; the demo writes only into an "
            "empty one (leave out --db and NETTY_DB for a temporary database)"
        )


def _demo_birthday(person: dict, now: pendulum.DateTime) -> str:
    """A person's typed birthday, or one ``birthday_in_days`` from ``now`` (in its zone)."""
    if "birthday_in_days" not in person:
        return person.get("birthday", "")
    on = now.add(days=person["birthday_in_days"])
    if (on.month, on.day) == (2, 29):
        on = on.add(days=1)  # a birth year that is a common year has no 29 February
    turns = person.get("birthday_turns")
    return f"{on.year - turns:04d}-{on.month:02d}-{on.day:02d}" if turns else on.format("MM-DD")


def load_demo(now: pendulum.DateTime) -> DemoSummary:
    """Write the hand-made demo network, all of it relative to ``now``, in one transaction."""
    from netty.services import demo_data as data

    with change("loaded the demo network", now, kind="demo"):
        _require_empty()
        for org in data.ORGANIZATIONS:
            if org.get("is_target"):
                set_target(org["name"], True, now)
        orgs = {o["name"]: o for o in data.ORGANIZATIONS}
        for org in orgs.values():
            Organization.update(notes=org.get("notes", "")).where(
                Organization.name_key == fold(org["name"])
            ).execute()
        events = {}
        for ev in data.EVENTS:
            events[ev["key"]] = Event.create(
                name=ev["name"],
                starts_at=now.subtract(days=ev["days_ago"]).set(hour=8, minute=0),
                venue=ev.get("venue", ""),
                channel=ev.get("channel"),
                created_at=now.subtract(days=ev["days_ago"]),
            ).id
        ids: dict[str, int] = {}
        for person in data.PEOPLE:
            created = now.subtract(days=person.get("created_days_ago", 400))
            view = add_contact(
                ContactFields(
                    name=person["name"],
                    title=person.get("title", ""),
                    organization=person.get("org"),
                    emails=person.get("emails", []),
                    phones=person.get("phones", []),
                    urls=person.get("urls", []),
                    location=person.get("location", ""),
                    ring=person.get("ring", 3),
                    channel=person.get("channel"),
                    how_met=person.get("how_met", ""),
                    details=person.get("details", ""),
                    notes=person.get("notes", ""),
                    cadence_days=person.get("cadence_days"),
                    strength=person.get("strength"),
                    tags=person.get("tags", []),
                    birthday=_demo_birthday(person, now),
                    anniversary=person.get("anniversary", ""),
                ),
                created,
            )
            ids[person["key"]] = view.id
        for person in data.PEOPLE:
            intro = person.get("introduced_by")
            if intro:
                Contact.update(introduced_by=ids[intro]).where(
                    Contact.id == ids[person["key"]]
                ).execute()
        for first, second, how in data.KNOWS:
            add_knows(ids[first], ids[second], now, how)
        for key, org_name, start, end in data.AFFILIATIONS:
            Affiliation.create(
                contact=ids[key],
                organization=organization_for(org_name, now),
                start_year=start,
                end_year=end,
            )
        interactions = 0
        for person in data.PEOPLE:
            me = ids[person["key"]]
            latest = None
            for item in sorted(person.get("interactions", []), key=lambda i: -i["days_ago"]):
                when = now.subtract(days=item["days_ago"]).set(hour=9 + item["days_ago"] % 9)
                latest = log_interaction(
                    [me, *(ids[k] for k in item.get("with", []))],
                    kind=item["kind"],
                    when=when,
                    summary=item.get("summary", ""),
                    by_them=item.get("by_them", False),
                    event_id=events.get(item.get("event")),
                    now=when,
                )
                interactions += 1
            for follow in person.get("follow_ups", []):
                at = now.add(days=follow["in_days"]).set(hour=9, minute=0)
                reminders.remind(
                    me,
                    at,
                    follow["text"],
                    latest.occurred_at if latest else now,
                    interaction_id=latest.id if latest else None,
                )
            need_ids = []
            for need in person.get("needs", []):
                created = now.subtract(days=need.get("created_days_ago", 10))
                horizon = now.add(days=need.get("horizon_days", 45)).date()
                need_ids.append(
                    ledger.add_need(
                        me,
                        need["text"],
                        now=created,
                        horizon=horizon,
                        status=need.get("status", "open"),
                    )
                )
            for give in person.get("gives", []):
                at = now.subtract(days=give.get("days_ago", 0))
                need_index = give.get("need")
                ledger.add_give(
                    me,
                    give["kind"],
                    give["text"],
                    now=at,
                    need_id=need_ids[need_index] if need_index is not None else None,
                    introduced_to=ids.get(give.get("introduced_to", "")),
                )
            for ask in person.get("asks", []):
                at = now.subtract(days=ask.get("days_ago", 0))
                ledger.add_ask(
                    me,
                    ask["text"],
                    now=at,
                    status=ask.get("status", "pending"),
                    target_contact=ids.get(ask.get("target_person", "")),
                    target_org=ask.get("target_org"),
                )
            for promise in person.get("promises", []):
                created = now.subtract(days=promise.get("created_days_ago", 7))
                due_in = promise.get("due_in_days")
                pid = ledger.add_promise(
                    me,
                    promise["direction"],
                    promise["text"],
                    now=created,
                    due=now.add(days=due_in).date() if due_in is not None else None,
                )
                if promise.get("done") or promise.get("nudges_sent"):
                    Promise.update(
                        status="done" if promise.get("done") else "open",
                        closed_at=now.subtract(days=1) if promise.get("done") else None,
                        nudges_sent=promise.get("nudges_sent", 0),
                    ).where(Promise.id == pid).execute()
        interactions += _bow_and_arrow(now, ids)
        from netty.services.update_letter import set_template

        set_template(data.UPDATE_TEMPLATE, now)
    return DemoSummary(len(ids), interactions)


def _bow_and_arrow(now: pendulum.DateTime, ids: dict[str, int]) -> int:
    """Goals half met this week, targets with why (organizations and people), and the
    strategy page (issue 12). Returns the interactions logged."""
    from netty.services import demo_data as data
    from netty.services import goals, strategy, targets

    for kind, (target, per) in data.GOALS.items():
        goals.set_goal(kind, target, per, now)
    for name, note in data.TARGET_NOTES.items():
        targets.set_organization_target(name, True, now, note)
    for key, note in data.TARGET_PEOPLE.items():
        targets.set_person_target(ids[key], True, now, note)
    for item in data.THIS_WEEK:
        when = now.subtract(hours=item["hours_ago"])
        log_interaction(
            [ids[item["with"]]], kind=item["kind"], when=when, summary=item["summary"], now=when
        )
    for give in data.THIS_WEEK_GIVES:
        at = now.subtract(hours=give["hours_ago"])
        ledger.add_give(ids[give["to"]], give["kind"], give["text"], now=at)
    strategy.set_fields(data.STRATEGY, now)
    return len(data.THIS_WEEK)


# ------------------------------------------------------------------ generated networks

_FIRST = [
    "Ada",
    "Alan",
    "Amara",
    "Ana",
    "Anil",
    "Ari",
    "Bea",
    "Ben",
    "Carla",
    "Chen",
    "Chloe",
    "Dana",
    "Dev",
    "Diego",
    "Elif",
    "Emma",
    "Eun",
    "Farah",
    "Felix",
    "Femi",
    "Grace",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jade",
    "Jamal",
    "Jin",
    "Joao",
    "Kai",
    "Kenji",
    "Lara",
    "Leo",
    "Lina",
    "Luca",
    "Maya",
    "Mei",
    "Mina",
    "Nadia",
    "Nia",
    "Noah",
    "Olu",
    "Omar",
    "Pablo",
    "Priya",
    "Quinn",
    "Rafael",
    "Rosa",
    "Sam",
    "Sara",
    "Sven",
    "Tara",
    "Tomas",
    "Uma",
    "Vera",
    "Wei",
    "Yara",
    "Yusuf",
    "Zoe",
    "Zoë",
    "José",
]
_LAST = [
    "Abe",
    "Adeyemi",
    "Alvarez",
    "Andersson",
    "Bauer",
    "Chen",
    "Cohen",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Gupta",
    "Haddad",
    "Hansen",
    "Ito",
    "Jensen",
    "Kang",
    "Khan",
    "Kim",
    "Kowalski",
    "Larsen",
    "Lee",
    "Li",
    "Lopez",
    "Martin",
    "Meyer",
    "Mendes",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Nguyen",
    "Novak",
    "Okafor",
    "Olsen",
    "Park",
    "Patel",
    "Perez",
    "Petrov",
    "Rossi",
    "Sato",
    "Schmidt",
    "Silva",
    "Singh",
    "Smith",
    "Suzuki",
    "Tanaka",
    "Torres",
    "Walsh",
    "Wang",
    "Weber",
    "Wu",
    "Yamamoto",
    "Zhang",
    "Álvarez",
    "Müller",
]
_TITLES = (
    "Product Designer",
    "UX Researcher",
    "Engineering Manager",
    "Software Engineer",
    "Recruiter",
    "VP Engineering",
    "Head of Design",
    "Data Scientist",
    "Product Manager",
    "Founder",
    "CTO",
    "Nurse Practitioner",
    "Clinical Informaticist",
    "Marketing Lead",
    "Consultant",
    "Teacher",
    "Account Executive",
    "Operations Manager",
    "Pastor",
    "Student",
)
_ORG_A = [
    "North",
    "South",
    "East",
    "West",
    "Blue",
    "Green",
    "Bright",
    "Cedar",
    "River",
    "Summit",
    "Harbor",
    "Pioneer",
    "Granite",
]
_ORG_B = [
    "Health",
    "Labs",
    "Systems",
    "Works",
    "Bank",
    "Clinic",
    "Studio",
    "Partners",
    "Collective",
    "Analytics",
    "Foods",
]
_TAGS = (
    "design",
    "health",
    "fintech",
    "rotary",
    "uxpa",
    "hiring",
    "mentor",
    "church",
    "alumni",
    "neighbour",
    "recruiter",
    "founder",
    "research",
    "ai",
    "volunteer",
    "climate",
)
_KINDS = ("coffee", "meal", "call", "video", "email", "message", "event", "note")
_SUMMARIES = (
    "Caught up on their team's roadmap",
    "Talked about hiring plans for next quarter",
    "Swapped notes on the design-systems meetup",
    "They asked about my portfolio",
    "Quick check-in after the conference",
    "Shared an article on patient onboarding",
    "Discussed a possible intro to their head of product",
    "Birthday message",
)


def generate(size: int, now: pendulum.DateTime, interactions_per_contact: int = 10) -> DemoSummary:
    """Write ``size`` synthetic contacts with about ten interactions each, in bulk.

    Deterministic for a given ``now``. Used by ``netty demo --size N`` for benchmarks.
    """
    rng = random.Random(20260101)
    cadences = settings.ring_cadences()
    n_orgs = max(5, min(3000, size // 20))
    stamp_now = to_utc_text(now)
    with change(f"generated a demo network of {size} contacts", now, kind="demo"):
        _require_empty()
        org_rows, org_names = [], []
        for i in range(n_orgs):
            name = f"{rng.choice(_ORG_A)} {rng.choice(_ORG_B)} {i + 1}"
            org_names.append(name)
            org_rows.append((i + 1, name, fold(name), i % 40 == 0, "", stamp_now))
        bulk_insert(
            Organization, ["id", "name", "name_key", "is_target", "notes", "created_at"], org_rows
        )
        bulk_insert(Tag, ["id", "name"], [(i + 1, t) for i, t in enumerate(_TAGS)])

        contacts, methods, tags, inters, links, needs, promises = [], [], [], [], [], [], []
        iid = 0
        channels = list(CHANNELS)
        for cid in range(1, size + 1):
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            ring = rng.choices((1, 2, 3), weights=(4, 26, 70))[0]
            org = rng.randrange(n_orgs)
            title = rng.choice(_TITLES)
            created = now.subtract(days=rng.randrange(30, 1500), minutes=rng.randrange(1440))
            count = max(0, int(rng.gauss(interactions_per_contact, 3)))
            last = None
            for _ in range(count):
                iid += 1
                when = now.subtract(minutes=rng.randrange(1, 730 * 1440))
                if when < created:
                    when = created.add(minutes=rng.randrange(1, 1440))
                kind = rng.choice(_KINDS)
                inters.append(
                    (
                        iid,
                        kind,
                        to_utc_text(when),
                        rng.choice(_SUMMARIES),
                        rng.choice(("me", "me", "them")),
                        kind in IN_PERSON_KINDS,
                        stamp_now,
                    )
                )
                links.append((iid, cid))
                last = when if last is None or when > last else last
            base = last or created
            next_ping = base.add(days=cadences[ring])
            email = None
            if rng.random() < 0.35:
                email = f"{fold(name).replace(' ', '.')}{cid}@example.com"
                methods.append((cid, "email", email, email, 0, ""))
            my_tags = rng.sample(range(1, len(_TAGS) + 1), k=rng.choice((0, 0, 1, 2)))
            tags.extend((cid, t) for t in my_tags)
            search = search_key(
                name, org_names[org], title, email, " ".join(_TAGS[t - 1] for t in my_tags)
            )
            contacts.append(
                (
                    cid,
                    name,
                    fold(name),
                    title,
                    org + 1,
                    ring,
                    rng.choice(channels),
                    search,
                    to_utc_text(created),
                    stamp_now,
                    to_utc_text(last) if last else None,
                    to_utc_text(next_ping),
                    "",
                    "",
                    "",
                    "",
                )
            )
            if rng.random() < 0.006:  # a busy networker: ~300 open needs at 50,000
                needs.append(
                    (
                        cid,
                        "An intro to a " + rng.choice(_TITLES).lower(),
                        now.add(days=rng.randrange(-10, 60)).date().isoformat(),
                        "open",
                        stamp_now,
                    )
                )
            if rng.random() < 0.004:  # and ~200 promises either way
                promises.append(
                    (
                        cid,
                        rng.choice(("i_owe", "they_owe")),
                        "Send the article",
                        now.add(days=rng.randrange(-20, 20)).date().isoformat(),
                        "open",
                        0,
                        stamp_now,
                    )
                )
        bulk_insert(
            Contact,
            [
                "id",
                "name",
                "name_key",
                "title",
                "organization",
                "ring",
                "channel",
                "search_text",
                "created_at",
                "updated_at",
                "last_interaction_at",
                "next_ping_at",
                "location",
                "how_met",
                "details",
                "notes",
            ],
            contacts,
        )
        bulk_insert(
            ContactMethod, ["contact", "kind", "value", "value_key", "position", "label"], methods
        )
        bulk_insert(ContactTag, ["contact", "tag"], tags)
        bulk_insert(
            Interaction,
            ["id", "kind", "occurred_at", "summary", "initiated_by", "in_person", "created_at"],
            inters,
        )
        bulk_insert(InteractionContact, ["interaction", "contact"], links)
        bulk_insert(Need, ["contact", "text", "horizon", "status", "created_at"], needs)
        bulk_insert(
            Promise,
            ["contact", "direction", "text", "due", "status", "nudges_sent", "created_at"],
            promises,
        )
    return DemoSummary(size, iid)
