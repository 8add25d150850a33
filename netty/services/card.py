"""The contact card: everything stored about one person, as lines to read, copy or open.

``contact_card(contact_id, now)`` returns a ``ContactCard`` built from the same
``contact_detail`` that ``netty show`` prints: how to reach them (every email,
phone, URL and the location), who they are (work, ring, how met, introduced by,
tags, birthday and anniversary with "turns 40 on Friday" when within two weeks),
keeping in touch (last contact, next ping, archived state), the open
follow-ups with the note each came from, their open needs, promises both ways,
my pending asks, and the personal details and notes in full. Each line says what
``y`` copies and, for an email, phone or web address, the link ``o`` opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pendulum

from netty.dates import ago
from netty.db.vocab import CHANNELS, RINGS
from netty.errors import InvalidInput
from netty.services.birthdays import soon_words
from netty.services.contacts import get_contact
from netty.services.text import linkedin_key, normalise_phone
from netty.services.timeline import contact_detail
from netty.services.views import ContactView


@dataclass(frozen=True)
class CardLine:
    """One fact on the card.

    ``label`` says what it is ("email", "need"); ``text`` is what is shown and may
    hold newlines (notes in full); ``copy`` is what ``y`` puts on the clipboard;
    ``url`` is what ``o`` opens (``https:``, ``mailto:``, ``tel:``) or None;
    ``ref`` names the record a line shows (``n4``, ``p7``, ``a2``, ``r5``).
    """

    label: str
    text: str
    copy: str
    url: str | None = None
    ref: str | None = None


@dataclass(frozen=True)
class CardSection:
    """A heading and its lines; sections with nothing to show are left out."""

    title: str
    lines: tuple[CardLine, ...]


@dataclass(frozen=True)
class ContactCard:
    """The whole contact: the stored fields (``contact``) and the card laid out in sections."""

    contact: ContactView
    headline: str  # "VP Engineering at XYZ Corp · ring 2 (colleagues & neighbours)"
    sections: tuple[CardSection, ...]

    def section(self, title: str) -> CardSection | None:
        """The section with this title, or None when it has nothing to show."""
        return next((s for s in self.sections if s.title == title), None)

    @property
    def lines(self) -> tuple[CardLine, ...]:
        """Every line, in order."""
        return tuple(line for s in self.sections for line in s.lines)


def target_lines(contact_id: int) -> list[tuple[str, str]]:
    """("target", why) when the person is a target, and ("target org", "XYZ Corp: why")
    when their organization is one; what the card and ``netty show`` say."""
    from netty.db.models import Contact, Organization

    row = Contact.get_or_none(Contact.id == contact_id)
    if row is None:
        return []
    out = []
    if row.is_target:
        out.append(("target", row.target_note or "a person I want to reach"))
    org = Organization.get_or_none(Organization.id == row.organization_id)
    if org is not None and org.is_target:
        out.append(
            ("target org", f"{org.name}: {org.target_note}" if org.target_note else org.name)
        )
    return out


def contact_card(contact_id: int, now: pendulum.DateTime) -> ContactCard:
    """Everything about one contact (archived ones too); days shown in ``now``'s zone.

    Raises NotFound for an unknown id.
    """
    d = contact_detail(contact_id)
    c = d.contact
    tz = now.timezone or "UTC"

    def day(moment: pendulum.DateTime) -> str:
        return moment.in_tz(tz).format("D MMM YYYY")

    work = " at ".join(x for x in (c.title, c.organization) if x)
    state = f"archived since {day(c.archived_at)}" if c.archived_at else ""
    headline = " · ".join(x for x in (work, f"ring {c.ring} ({RINGS[c.ring]})", state) if x)

    reach = [CardLine("email", e, e, mailto(e)) for e in c.emails]
    reach += [CardLine("phone", p, p, tel(p)) for p in c.phones]
    reach += [CardLine("linkedin" if linkedin_key(u) else "web", u, u, web(u)) for u in c.urls]
    if c.linkedin and c.linkedin not in c.urls:
        reach.append(CardLine("linkedin", c.linkedin, c.linkedin, c.linkedin))
    if c.location:
        reach.append(CardLine("location", c.location, c.location))
    if not reach:
        reach.append(CardLine("", "No email, phone, web address or location recorded.", ""))

    who = []
    if work:
        who.append(CardLine("works", work, work))
    cadence = f"every {c.cadence_days} days" + (" (ring default)" if c.cadence_is_default else "")
    who.append(CardLine("ring", f"{c.ring}, {RINGS[c.ring]}; {cadence}", str(c.ring)))
    for label, text in target_lines(c.id):
        who.append(CardLine(label, text, text))
    if c.channel:
        who.append(CardLine("channel", CHANNELS[c.channel], CHANNELS[c.channel]))
    met = c.how_met
    if c.met_at_event and c.met_at_event.name.lower() not in met.lower():
        met = "; ".join(x for x in (met, f"at {c.met_at_event.name}") if x)
    if met:
        who.append(CardLine("how met", met, met))
    if c.introduced_by:
        who.append(CardLine("introduced by", c.introduced_by.name, c.introduced_by.name))
    if c.tags:
        tags = " ".join("#" + t for t in c.tags)
        who.append(CardLine("tags", tags, tags))
    for value in (c.birthday, c.anniversary):
        if value is not None:
            near = soon_words(value, now)
            text = value.label() + (f" · {near}" if near else "")
            who.append(CardLine(value.name, text, value.label()))
    if c.strength is not None:
        who.append(CardLine("strength", f"{c.strength}/5", str(c.strength)))
    if c.connected_at:
        who.append(CardLine("connected", day(c.connected_at), day(c.connected_at)))
    who.append(CardLine("added", day(c.created_at), day(c.created_at)))

    keep = []
    if c.last_interaction_at:
        last = f"{day(c.last_interaction_at)} ({ago(c.last_interaction_at, now)})"
        keep.append(CardLine("last contact", last, day(c.last_interaction_at)))
    else:
        keep.append(CardLine("last contact", "never", "never"))
    if c.archived_at:
        keep.append(
            CardLine("archived", f"since {day(c.archived_at)}; no pings", day(c.archived_at))
        )
    else:
        late = " (overdue)" if c.next_ping_at <= now else ""
        keep.append(CardLine("next ping", day(c.next_ping_at) + late, day(c.next_ping_at)))

    upcoming = []
    for r in d.reminders:
        if r.done_at is not None:
            continue
        late = " (overdue)" if r.due_at <= now else ""
        when = r.due_at.in_tz(tz).format("ddd D MMM YYYY HH:mm")
        upcoming.append(
            CardLine("follow up", f"{when}{late}: {r.text}\n{r.origin(tz)}", r.text, ref=r.ref)
        )

    needs = [
        CardLine(
            "need",
            n.text + (f" (by {n.horizon.format('D MMM YYYY')})" if n.horizon else ""),
            n.text,
            ref=n.ref,
        )
        for n in d.needs
        if n.status == "open"
    ]
    i_owe, they_owe = [], []
    for p in d.promises:
        if p.status != "open":
            continue
        due = f" (due {p.due.format('D MMM YYYY')})" if p.due else ""
        if p.direction == "i_owe":
            i_owe.append(CardLine("I owe", p.text + due, p.text, ref=p.ref))
        else:
            nudged = f"; nudged {p.nudges_sent}×" if p.nudges_sent else ""
            they_owe.append(CardLine("they owe", p.text + due + nudged, p.text, ref=p.ref))
    asks = [
        CardLine("asked", a.text + f" ({day(a.asked_at)})", a.text, ref=a.ref)
        for a in d.asks
        if a.status == "pending"
    ]

    sections = [
        CardSection("Reach", tuple(reach)),
        CardSection("Who", tuple(who)),
        CardSection("Keeping in touch", tuple(keep)),
        CardSection("Upcoming", tuple(upcoming)),
        CardSection("Their needs", tuple(needs)),
        CardSection("I owe them", tuple(i_owe)),
        CardSection("They owe me", tuple(they_owe)),
        CardSection("My pending asks", tuple(asks)),
        CardSection("Personal details", _block("details", c.details)),
        CardSection("Notes", _block("notes", c.notes)),
    ]
    return ContactCard(c, headline, tuple(s for s in sections if s.lines))


def _block(label: str, text: str) -> tuple[CardLine, ...]:
    return (CardLine(label, text, text),) if text.strip() else ()


# ------------------------------------------------------------------ links


def mailto(address: str, body: str = "") -> str:
    """A ``mailto:`` link for ``address``, with ``body`` filled in when given."""
    link = "mailto:" + quote(address, safe="@.+-_")
    return link + ("?body=" + quote(body, safe="") if body else "")


def tel(number: str) -> str:
    """A ``tel:`` link: the number's digits, with its leading ``+`` (RFC 3966)."""
    try:
        return "tel:" + normalise_phone(number)[1]
    except InvalidInput:
        return "tel:" + quote(number, safe="+")


def web(url: str) -> str:
    """A URL as stored (``example.com/x``) made into one a browser opens (``https://...``)."""
    return url if "://" in url else "https://" + url


def reach_link(contact_id: int, body: str = "") -> str | None:
    """How to reach a contact in one link: their first email (``mailto:`` with ``body``),
    else their first phone (``tel:``), else None. For the due view's ``o``."""
    c = get_contact(contact_id)
    if c.emails:
        return mailto(c.emails[0], body)
    if c.phones:
        return tel(c.phones[0])
    return None
