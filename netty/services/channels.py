"""Channels and venues: where my network comes from, and where to position myself.

"Where do I need to position myself to meet those people? (Specific networking
groups, professional organizations, venues)" (seed 001). For each channel of
``netty.db.vocab.CHANNELS`` this counts the active contacts I know through it, per
ring, and the interactions with them in the last 90 days; a channel that reaches
nobody is suggested with what the seeds say about it, quoted word for word from
seed 002 ("When Networking's Not Working"), 003 and 000 (``CHANNEL_ADVICE``).
Events are venues too: ``venues`` lists the events that brought me people at my
target organizations (or target people), met there or seen there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pendulum
from peewee import JOIN, fn

from netty.db.models import Contact, Event, Interaction, InteractionContact, Organization
from netty.db.vocab import CHANNELS

RECENT_DAYS = 90

#: What the seeds say about each channel: (seed file, its words, quoted exactly).
#: ``tests/services/test_channels.py`` checks each quote against /work/shared/seeds.
CHANNEL_ADVICE: dict[str, tuple[str, str]] = {
    "family": (
        "002",
        "Family members feel obliged to help you, and you never know what contacts they may "
        "have. However, you must put forth the effort to stay in touch with every member of "
        "your immediate and extended family.",
    ),
    "friends-neighbours": (
        "002",
        "Occasionally send out an e-mail message to update your friends and neighbors on your "
        "job search. Consumed with their own lives, friends often forget you are still looking "
        "for work, so they need to be reminded.",
    ),
    "work": (
        "000",
        "For some, it’s harder to network with neighbors and colleagues, and even harder to "
        "reach out to strangers. But it’s the second and third levels of networking that will "
        "help you tap into the hidden job market.",
    ),
    "professional-association": (
        "002",
        "Professional associations represent the leaders in any profession and keep members "
        "informed as well as well-networked. Check Websites and newsletters for networking "
        "opportunities, as many times as they offer guest attendants.",
    ),
    "non-profit": (
        "002",
        "Hiring authorities often volunteer for various causes and, in some cases, sit on the "
        "Board of these groups. Volunteering yourself allows you not only to “pay it forward” "
        "but to possibly advance your job search as well.",
    ),
    "civic-club": (
        "002",
        "Members of service clubs, such as Rotary and Kiwanis, are often business people who "
        "are well-connected. Find a way to attend a meeting as a guest and make your own "
        "connections.",
    ),
    "place-of-worship": (
        "002",
        "Inform your religious leader that you are seeking employment. Members of volunteer "
        "committees at places of worship are usually more than willing to help someone else.",
    ),
    "business-event": (
        "002",
        "Attend conferences, meetings, and any other type of business event in order to meet "
        "people who are connected. Take a chance and ask people about themselves.",
    ),
    "social-event": (
        "002",
        "Attend social events and position yourself by the food, restrooms, or exit in order "
        "to meet the most people.",
    ),
    "online": (
        "003",
        "Networking is a very effective way for subject matter experts to find the best jobs – "
        "that goes for face-to-face and online networking.",
    ),
}


@dataclass(frozen=True)
class ChannelReach:
    """One channel: active contacts per ring (``rings[0]`` is ring 1), interactions with
    them in the last 90 days, events held in it, and the seeds' advice (may be empty)."""

    channel: str
    label: str
    rings: tuple[int, int, int]
    recent: int
    events: int
    advice: str
    source: str

    @property
    def people(self) -> int:
        return sum(self.rings)

    @property
    def no_reach(self) -> bool:
        """Nobody I know came through this channel."""
        return self.people == 0

    def to_json(self) -> dict:
        return {
            "channel": self.channel,
            "label": self.label,
            "people": self.people,
            "rings": {"1": self.rings[0], "2": self.rings[1], "3": self.rings[2]},
            "interactions_90d": self.recent,
            "events": self.events,
            "no_reach": self.no_reach,
            "advice": self.advice,
            "source": f"seed {self.source}" if self.source else "",
        }


@dataclass(frozen=True)
class Venue:
    """An event that brought me people at my targets: who, and at which target."""

    event_id: int
    name: str
    day: pendulum.Date
    channel: str | None
    people: tuple[tuple[int, str, str], ...]  # (contact id, name, target organization or "")

    def to_json(self) -> dict:
        return {
            "event": {"id": self.event_id, "name": self.name},
            "day": self.day.isoformat(),
            "channel": self.channel,
            "people": [{"id": i, "name": n, "target": t} for i, n, t in self.people],
        }


@dataclass(frozen=True)
class ChannelsReport:
    """Every channel's reach (vocabulary order, ``other`` last) and the venues."""

    channels: tuple[ChannelReach, ...]
    venues: tuple[Venue, ...]
    unknown: int  # active contacts with no channel

    @property
    def no_reach(self) -> tuple[ChannelReach, ...]:
        """Channels reaching nobody that the seeds have advice for."""
        return tuple(c for c in self.channels if c.no_reach and c.advice)

    def to_json(self) -> dict:
        return {
            "channels": [c.to_json() for c in self.channels],
            "no_channel": self.unknown,
            "venues": [v.to_json() for v in self.venues],
        }


def channel_reach(now: pendulum.DateTime) -> ChannelsReport:
    """Reach per channel and ring, interactions in the last 90 days, and the venues."""
    active = Contact.archived_at.is_null()
    rings: dict[str | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for channel, ring, count in (
        Contact.select(Contact.channel, Contact.ring, fn.COUNT(Contact.id))
        .where(active)
        .group_by(Contact.channel, Contact.ring)
        .tuples()
    ):
        rings[channel][ring - 1] += count
    since = now.subtract(days=RECENT_DAYS)
    recent = dict(
        Interaction.select(Contact.channel, fn.COUNT(fn.DISTINCT(Interaction.id)))
        .join(InteractionContact, on=(InteractionContact.interaction == Interaction.id))
        .join(Contact, on=(InteractionContact.contact == Contact.id))
        .where(
            active,
            Interaction.archived_at.is_null(),
            Interaction.occurred_at >= since,
            Interaction.occurred_at <= now,
        )
        .group_by(Contact.channel)
        .tuples()
    )
    events = dict(Event.select(Event.channel, fn.COUNT(Event.id)).group_by(Event.channel).tuples())
    out = []
    for slug, label in CHANNELS.items():
        source, advice = CHANNEL_ADVICE.get(slug, ("", ""))
        out.append(
            ChannelReach(
                slug,
                label,
                tuple(rings.get(slug, [0, 0, 0])),
                recent.get(slug, 0),
                events.get(slug, 0),
                advice,
                source,
            )
        )
    return ChannelsReport(tuple(out), tuple(venues(now)), sum(rings.get(None, [0, 0, 0])))


def venues(now: pendulum.DateTime) -> list[Venue]:
    """Events that brought me people at target organizations, or target people: met there
    (``met_at_event``) or seen there (an interaction at the event). Most such people first;
    days are local to ``now``'s zone."""
    is_target = (Organization.is_target == True) | (Contact.is_target == True)  # noqa: E712
    base = (
        Contact.select(Contact.id, Contact.name, Organization.name, Organization.is_target)
        .join(Organization, JOIN.LEFT_OUTER, on=(Contact.organization == Organization.id))
        .where(Contact.archived_at.is_null(), is_target)
    )
    met = base.select_extend(Contact.met_at_event).where(Contact.met_at_event.is_null(False))
    seen = (
        base.select_extend(Interaction.event)
        .switch(Contact)
        .join(InteractionContact, on=(InteractionContact.contact == Contact.id))
        .join(Interaction, on=(InteractionContact.interaction == Interaction.id))
        .where(Interaction.event.is_null(False), Interaction.archived_at.is_null())
    )
    people: dict[int, dict[int, tuple[int, str, str]]] = defaultdict(dict)
    for query in (met, seen):
        for cid, name, org, org_target, event_id in query.tuples():
            people[event_id][cid] = (cid, name, org if org_target else "")
    if not people:
        return []
    found = {e.id: e for e in Event.select().where(Event.id.in_(list(people)))}
    out = [
        Venue(
            e.id,
            e.name,
            e.starts_at.in_tz(now.tz or pendulum.UTC).date(),
            e.channel,
            tuple(sorted(people[e.id].values(), key=lambda p: p[1].casefold())),
        )
        for e in found.values()
    ]
    out.sort(key=lambda v: (-len(v.people), -v.day.toordinal(), v.name))
    return out
