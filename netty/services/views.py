"""What services return: frozen, plain data that never touches the database again.

A widget can render these without firing a lazy query, and the CLI turns them
into JSON with ``to_json``. The JSON shapes are documented in the README.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import pendulum

from netty.db.vocab import INTERACTION_KINDS
from netty.services.birthdays import DateValue

Zone = str | pendulum.Timezone | pendulum.FixedTimezone | None
"""A time zone to show times in: a name, a pendulum zone, or None for UTC."""


@dataclass(frozen=True)
class Ref:
    """A pointer to another record, for display: its id and its name."""

    id: int
    name: str


@dataclass(frozen=True)
class ContactRow:
    """One contact as lists show it."""

    id: int
    name: str
    organization: str | None
    title: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    urls: tuple[str, ...]
    ring: int
    channel: str | None
    tags: tuple[str, ...]
    cadence_days: int
    cadence_is_default: bool
    last_interaction_at: pendulum.DateTime | None
    next_ping_at: pendulum.DateTime
    archived: bool


@dataclass(frozen=True)
class ContactLine:
    """One contact as a line of ``netty list`` shows it (``ContactRow``'s fields)."""

    id: int
    name: str
    organization: str | None
    title: str
    ring: int
    last_interaction_at: pendulum.DateTime | None
    archived: bool


@dataclass(frozen=True)
class ContactView(ContactRow):
    """One contact with every field."""

    location: str
    linkedin: str | None
    how_met: str
    introduced_by: Ref | None
    details: str
    notes: str
    strength: int | None
    created_at: pendulum.DateTime
    updated_at: pendulum.DateTime
    archived_at: pendulum.DateTime | None
    connected_at: pendulum.DateTime | None
    met_at_event: Ref | None = None
    birthday: DateValue | None = None  # vCard BDAY
    anniversary: DateValue | None = None  # vCard ANNIVERSARY


@dataclass(frozen=True)
class InteractionView:
    """An interaction: a coffee, a call, an event; with everyone who took part."""

    id: int
    ref: str
    kind: str
    occurred_at: pendulum.DateTime
    summary: str
    initiated_by: str
    in_person: bool
    event: Ref | None
    contacts: tuple[Ref, ...]


@dataclass(frozen=True)
class NeedView:
    id: int
    ref: str
    contact: Ref
    text: str
    horizon: pendulum.Date | None
    status: str
    created_at: pendulum.DateTime
    closed_at: pendulum.DateTime | None


@dataclass(frozen=True)
class GiveView:
    id: int
    ref: str
    contact: Ref
    kind: str
    text: str
    given_at: pendulum.DateTime
    need_id: int | None
    introduced_to: Ref | None


@dataclass(frozen=True)
class AskView:
    id: int
    ref: str
    contact: Ref
    text: str
    target_contact: Ref | None
    target_org: str | None
    status: str
    asked_at: pendulum.DateTime
    resolved_at: pendulum.DateTime | None


@dataclass(frozen=True)
class PromiseView:
    id: int
    ref: str
    contact: Ref
    direction: str
    text: str
    due: pendulum.Date | None
    status: str
    closed_at: pendulum.DateTime | None
    nudges_sent: int
    created_at: pendulum.DateTime


@dataclass(frozen=True)
class Source:
    """Where a record came from: the logged interaction (and its event) whose note set it."""

    ref: str  # "i12"
    kind: str  # the interaction's kind: coffee, call, event ...
    occurred_at: pendulum.DateTime
    summary: str
    event: Ref | None

    def describe(self, tz: Zone = None) -> str:
        """'from the coffee on 23 Nov 2026 (i12): “coffee at Blue Bottle”', day in ``tz``."""
        day = self.occurred_at.in_tz(tz or "UTC").format("D MMM YYYY")
        where = f" at {self.event.name}" if self.event else ""
        text = (
            f"from the {INTERACTION_KINDS.get(self.kind, self.kind)}{where} on {day} ({self.ref})"
        )
        first = " ".join(self.summary.split())
        if first:
            first = first if len(first) <= 40 else first[:39] + "…"
            text += f": “{first}”"
        return text


@dataclass(frozen=True)
class ReminderView:
    """A follow-up or custom reminder (``r5``).

    ``source`` is the logged note (and its event) that set it with ``follow up
    WHEN``, or None for one set with ``netty remind``. ``done_at`` is None while it
    is open; ``snoozed_until`` is the last snooze (UTC), which may have passed.
    """

    id: int
    ref: str
    contact: Ref | None
    text: str
    due_at: pendulum.DateTime
    done_at: pendulum.DateTime | None
    snoozed_until: pendulum.DateTime | None
    created_at: pendulum.DateTime
    source: Source | None

    def origin(self, tz: Zone = None) -> str:
        """Where it came from, in words: the note's :meth:`Source.describe`, or when it was set."""
        if self.source is not None:
            return self.source.describe(tz)
        return f"set on {self.created_at.in_tz(tz or 'UTC').format('D MMM YYYY')}"


@dataclass(frozen=True)
class ContactDetail:
    """A contact with everything recorded about them (``netty show``)."""

    contact: ContactView
    interactions: tuple[InteractionView, ...]
    needs: tuple[NeedView, ...]
    gives: tuple[GiveView, ...]
    asks: tuple[AskView, ...]
    promises: tuple[PromiseView, ...]
    reminders: tuple[ReminderView, ...] = ()


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, looked up once


def to_json(value: Any) -> Any:
    """Plain JSON-able data from views: moments as ISO 8601 UTC, days as ISO dates."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: to_json(getattr(value, name)) for name in names}
    if isinstance(value, pendulum.DateTime):
        return value.in_tz("UTC").to_iso8601_string()
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def detail_json(detail: ContactDetail) -> dict[str, Any]:
    """``netty show --json``: the contact object plus its records."""
    data = to_json(detail.contact)
    for name in ("birthday", "anniversary"):  # as vCard writes them: 1980-03-15, --03-15
        value = getattr(detail.contact, name)
        data[name] = value.iso() if value else None
    for name in ("interactions", "needs", "gives", "asks", "promises", "reminders"):
        data[name] = to_json(getattr(detail, name))
    return data
