"""Event mode: five people met at the Rotary breakfast, in two minutes.

One line per person: ``Sally Jones @XYZ Corp, VP Engineering #rotary needs: a UX
designer; i owe: the article``. ``read_people`` parses the lines and finds who
they may already be (an exact or a close name), without writing anything;
``record_event`` then saves the event, the new contacts (ring 3, the event's
channel, "met at EVENT"), one interaction per person tied to the event, and
everything each line's note says, all in one transaction. A match is only used
when the caller says so: nobody is merged silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from rapidfuzz import fuzz, process

from netty.dates import plural
from netty.db.models import Contact, Event
from netty.db.vocab import fold
from netty.errors import InvalidInput, NotFound
from netty.services.capture import parse_note
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact, parse_channel
from netty.services.notes import add_tags, record_note
from netty.services.text import clean_line, require_name

CLOSE_SCORE = 85  # rapidfuzz ratio (0-100) for "probably the same person"


@dataclass(frozen=True)
class PersonLine:
    """One line of event mode, read."""

    line_no: int
    text: str
    name: str
    organization: str | None
    title: str
    tags: tuple[str, ...]
    preview: tuple[str, ...]  # what the note part will record
    exact: tuple[tuple[int, str], ...]  # existing contacts with this very name
    close: tuple[tuple[int, str], ...]  # existing contacts with a similar name

    @property
    def suggested(self) -> int | None:
        """The existing contact to use by default: a single exact match, else none."""
        return self.exact[0][0] if len(self.exact) == 1 else None

    @property
    def ambiguous(self) -> bool:
        """The name matches several contacts and none exactly alone: someone must choose.

        Several exact matches, or no exact match and several close ones. Neither a
        new contact nor a guess is made for such a line without asking.
        """
        return len(self.exact) > 1 or (not self.exact and len(self.close) > 1)

    @property
    def candidate_ids(self) -> tuple[int, ...]:
        """Every existing contact this line may be, exact matches first."""
        return tuple(cid for cid, _name in self.exact + self.close)


def read_people(text: str, now: pendulum.DateTime) -> list[PersonLine]:
    """Parse event-mode lines (blank lines skipped) and look for existing matches."""
    lines = [(i + 1, line.strip()) for i, line in enumerate(text.splitlines()) if line.strip()]
    if not lines:
        return []
    active = dict(
        Contact.select(Contact.id, Contact.name_key)
        .where(Contact.archived_at.is_null())
        .order_by(Contact.id)  # candidates in id order on every engine
        .tuples()
    )
    names = (
        dict(Contact.select(Contact.id, Contact.name).where(Contact.id.in_(list(active))).tuples())
        if active
        else {}
    )
    out = []
    for line_no, line in lines:
        note = parse_note(line, now)
        head = note.summary.split("\n")[0]
        org = note.organization
        if org:
            head = head.replace("@" + org, "")
        name, _, title = head.partition(",")
        name = clean_line(name)
        if not name:
            raise InvalidInput(
                f"line {line_no}: start with the person's name, e.g. "
                "“Sally Jones @XYZ Corp, VP Engineering needs: ...”"
            )
        key = fold(name)
        exact = tuple((cid, names[cid]) for cid, k in active.items() if k == key)
        close: tuple[tuple[int, str], ...] = ()
        digits = name.removeprefix("#")
        if name.startswith("#") and digits.isdigit():  # `#12`: that very contact
            if int(digits) not in names:
                raise NotFound(f"line {line_no}: no active contact {name}; see `netty list`")
            name = names[int(digits)]
            exact = ((int(digits), name),)
        elif active:
            found = process.extract(
                key, active, scorer=fuzz.ratio, score_cutoff=CLOSE_SCORE, limit=4
            )
            close = tuple((cid, names[cid]) for _k, _score, cid in found if active[cid] != key)
        preview = tuple(
            line
            for line in note.preview()
            if not line.startswith(("summary:", "organization:", "#"))
        )
        out.append(
            PersonLine(
                line_no, line, name, org, clean_line(title), note.tags, preview, exact, close
            )
        )
    return out


def record_event(
    name: str,
    *,
    when: pendulum.DateTime,
    people: Sequence[tuple[PersonLine, int | None]],
    now: pendulum.DateTime,
    venue: str = "",
    channel: str | None = None,
) -> tuple[int, list[str]]:
    """Save an event and everyone met there; ``people`` pairs each line with the existing
    contact to use, or None to create one. Returns the event id and what was written."""
    event_name = require_name(name, "event name")
    channel = parse_channel(channel)
    if not people:
        raise InvalidInput("add at least one person, one per line")
    lines: list[str] = []
    with change(
        f"recorded the event {event_name}: {plural(len(people), 'person', 'people')}",
        now,
        kind="event",
    ):
        event = Event.create(
            name=event_name,
            starts_at=when,
            venue=clean_line(venue),
            channel=channel,
            created_at=now,
        )
        for person, existing in people:
            if existing is None:
                view = add_contact(
                    ContactFields(
                        name=person.name,
                        title=person.title,
                        organization=person.organization,
                        ring=3,
                        channel=channel or "business-event",
                        how_met=f"met at {event_name}",
                        tags=list(person.tags),
                    ),
                    now,
                )
                Contact.update(met_at_event=event.id).where(Contact.id == view.id).execute()
                contact_id, verb = view.id, "new"
            else:
                contact_id, verb = existing, "existing"
                if person.title:  # fill what is empty; never overwrite
                    Contact.update(title=person.title).where(
                        (Contact.id == contact_id) & (Contact.title == "")
                    ).execute()
                if person.tags:
                    add_tags(contact_id, person.tags)
            recorded = record_note(
                [contact_id],
                person.text,
                kind="event",
                when=when,
                now=now,
                event_id=event.id,
                summary=f"Met at {event_name}",
            )
            lines.append(f"{verb} #{contact_id} {person.name}")
            lines.extend(f"  {line}" for line in recorded.lines[1:] if not line.startswith("tags:"))
    return event.id, lines
