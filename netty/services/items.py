"""Correct any record: edit, delete or reopen an item by its ref.

A ref names one record the way ``netty show`` and the timeline print it:
``i12`` an interaction, ``n4`` a need, ``g3`` a give, ``a2`` an ask, ``p7`` a
promise, ``r5`` a reminder. Each function is one change in the journal
(``netty.services.changes``), so ``netty undo`` or ``u`` takes it back.

An edit or a delete of an interaction keeps the denormalised columns of every
contact it touches right (``last_interaction_at``, ``next_ping_at``) in the same
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from peewee import fn

from netty.db.fields import from_utc_text
from netty.db.models import (
    Ask,
    Contact,
    Give,
    Interaction,
    InteractionContact,
    Need,
    Promise,
    Reminder,
    ReminderState,
)
from netty.db.vocab import (
    ASK_STATUSES,
    GIVE_KINDS,
    IN_PERSON_KINDS,
    NEED_STATUSES,
    PROMISE_DIRECTIONS,
    PROMISE_STATUSES,
)
from netty.errors import InvalidInput, NotFound
from netty.services.changes import change, who
from netty.services.contacts import next_ping
from netty.services.text import clean_block
from netty.services.timeline import parse_kind

#: ref letter -> (model, noun, what "open" is, statuses, closing time column)
KINDS = {
    "i": (Interaction, "interaction", None, (), None),
    "n": (Need, "need", "open", NEED_STATUSES, "closed_at"),
    "g": (Give, "give", None, (), None),
    "a": (Ask, "ask", "pending", ASK_STATUSES, "resolved_at"),
    "p": (Promise, "promise", "open", PROMISE_STATUSES, "closed_at"),
    "r": (Reminder, "reminder", None, (), None),
}
#: The reminder engine's snooze/done keys that belong to a record (netty.services.reminders).
STATE_KEYS = {
    "i": lambda n: [f"thank-i{n}"],
    "n": lambda n: [f"check-in-n{n}"],
    "g": lambda n: [],
    "a": lambda n: [f"thank-a{n}"],
    "p": lambda n: [f"deliver-p{n}", f"nudge-p{n}", f"thank-p{n}"],
    "r": lambda n: [f"r{n}"],
}
TEXT_COLUMN = {"i": "summary", "n": "text", "g": "text", "a": "text", "p": "text", "r": "text"}


@dataclass(frozen=True)
class ItemEdit:
    """The fields to change; None leaves a field as it is.

    ``when``: an interaction's time, a give's time (``given_at``), an ask's time
    (``asked_at``) or a reminder's due time, as an aware DateTime (stored UTC).
    ``due``: a promise's due day; ``horizon``: a need's day (local calendar days).
    ``clear_due`` removes a promise's due day. ``contacts``: who took part in an
    interaction (contact ids, at least one). ``direction``: ``i_owe``/``they_owe``.
    """

    text: str | None = None
    kind: str | None = None
    when: pendulum.DateTime | None = None
    due: pendulum.Date | None = None
    clear_due: bool = False
    horizon: pendulum.Date | None = None
    status: str | None = None
    direction: str | None = None
    contacts: Sequence[int] | None = None

    def given(self) -> list[str]:
        """Names of the fields this edit changes, for the journal's label."""
        names = [
            f
            for f in ("text", "kind", "when", "due", "horizon", "status", "direction", "contacts")
            if getattr(self, f) is not None
        ]
        return [*names, "due"] if self.clear_due and "due" not in names else names


def parse_ref(ref: str) -> tuple[str, int]:
    """``"n4"`` -> ``("n", 4)``; raises InvalidInput for anything that is not a ref."""
    key = str(ref).strip().lower()
    if len(key) < 2 or key[0] not in KINDS or not key[1:].isdigit() or len(key) > 20:
        raise InvalidInput(
            f"{ref!r} is not an item ref; `netty show CONTACT` lists them "
            "(i12 interaction, n4 need, g3 give, a2 ask, p7 promise, r5 reminder)"
        )
    return key[0], int(key[1:])


def _row(letter: str, number: int):
    model, noun = KINDS[letter][0], KINDS[letter][1]
    row = model.get_or_none(model.id == number)
    if row is None:
        raise NotFound(f"no {noun} {letter}{number}")
    return row


def _owners(letter: str, row) -> list[int]:
    if letter == "i":
        return [
            r.contact_id
            for r in InteractionContact.select().where(InteractionContact.interaction == row.id)
        ]
    return [row.contact_id] if getattr(row, "contact_id", None) else []


def _text(value: str, noun: str) -> str:
    cleaned = clean_block(value)
    if not cleaned:
        raise InvalidInput(f"the {noun}'s text can't be blank")
    return cleaned


def refresh_contacts(contact_ids: Sequence[int], now: pendulum.DateTime) -> None:
    """Recompute ``last_interaction_at`` and ``next_ping_at`` of these contacts from
    their interactions as they are now (after an interaction was edited or deleted)."""
    for cid in dict.fromkeys(contact_ids):
        contact = Contact.get_or_none(Contact.id == cid)
        if contact is None:
            continue
        last = (
            Interaction.select(fn.MAX(Interaction.occurred_at))
            .join(InteractionContact)
            .where((InteractionContact.contact == cid) & Interaction.archived_at.is_null(True))
            .scalar()
        )
        contact.last_interaction_at = None if last is None else from_utc_text(last)
        contact.next_ping_at = next_ping(contact, now)
        contact.updated_at = now
        contact.save(only=[Contact.last_interaction_at, Contact.next_ping_at, Contact.updated_at])


def edit_item(ref: str, edit: ItemEdit, now: pendulum.DateTime) -> str:
    """Change the given fields of the record ``ref``; returns the journal's label.

    Raises InvalidInput for a field the record does not have or a bad value, and
    NotFound for a ref that names nothing. Nothing is written on an error.
    """
    letter, number = parse_ref(ref)
    model, noun, _open, statuses, closed_col = KINDS[letter]
    fields = edit.given()
    if not fields:
        raise InvalidInput("nothing to change; give at least one field (see --help)")
    with change(f"edited {noun} {letter}{number}", now, kind="edit-item") as ch:
        row = _row(letter, number)
        before_owners = _owners(letter, row)
        values: dict = {}
        if edit.text is not None:
            values[TEXT_COLUMN[letter]] = _text(edit.text, noun)
        if edit.kind is not None:
            if letter == "i":
                kind = parse_kind(edit.kind)
                values.update(kind=kind, in_person=kind in IN_PERSON_KINDS)
            elif letter == "g":
                if edit.kind not in GIVE_KINDS:
                    raise InvalidInput(
                        f"a give's kind is one of {', '.join(GIVE_KINDS)}, not {edit.kind!r}"
                    )
                values["kind"] = edit.kind
            else:
                raise InvalidInput(f"a {noun} has no kind")
        if edit.when is not None:
            column = {"i": "occurred_at", "g": "given_at", "a": "asked_at", "r": "due_at"}.get(
                letter
            )
            if column is None:
                raise InvalidInput(f"a {noun} has no time; use --due or --horizon")
            if letter == "i" and edit.when > now.add(minutes=5):
                raise InvalidInput(
                    f"{edit.when.to_date_string()} is in the future; an interaction is "
                    "something that happened"
                )
            values[column] = edit.when
        if edit.due is not None or edit.clear_due:
            if letter != "p":
                raise InvalidInput(f"only a promise has a due day, not a {noun}")
            values["due"] = None if edit.clear_due else edit.due
        if edit.horizon is not None:
            if letter != "n":
                raise InvalidInput(f"only a need has a horizon, not a {noun}")
            values["horizon"] = edit.horizon
        if edit.direction is not None:
            if letter != "p":
                raise InvalidInput(f"only a promise has a direction, not a {noun}")
            if edit.direction not in PROMISE_DIRECTIONS:
                raise InvalidInput(f"direction is i_owe or they_owe, not {edit.direction!r}")
            values["direction"] = edit.direction
        if edit.status is not None:
            if not statuses:
                if letter == "r" and edit.status in ("open", "done"):
                    values["done_at"] = None if edit.status == "open" else now
                else:
                    raise InvalidInput(f"a {noun} has no status")
            elif edit.status not in statuses:
                raise InvalidInput(
                    f"a {noun}'s status is one of {', '.join(statuses)}, not {edit.status!r}"
                )
            else:
                values["status"] = edit.status
                values[closed_col] = None if edit.status == _open else now
        if values:
            model.update(values).where(model.id == number).execute()
        owners = before_owners
        if edit.contacts is not None:
            if letter != "i":
                raise InvalidInput(f"only an interaction's people can change, not a {noun}'s")
            ids = list(dict.fromkeys(int(c) for c in edit.contacts))
            if not ids:
                raise InvalidInput("an interaction needs at least one person")
            found = {c.id for c in Contact.select(Contact.id).where(Contact.id.in_(ids))}
            missing = [i for i in ids if i not in found]
            if missing:
                raise NotFound(f"no contact #{missing[0]}")
            InteractionContact.delete().where(
                (InteractionContact.interaction == number) & InteractionContact.contact.not_in(ids)
            ).execute()
            for cid in ids:
                InteractionContact.insert(
                    interaction=number, contact=cid
                ).on_conflict_ignore().execute()
            owners = [*before_owners, *ids]
        if letter == "i":
            refresh_contacts(owners, now)
        ch.label = f"edited {noun} {letter}{number} of {who(before_owners)}: {', '.join(fields)}"
        return ch.label


def delete_item(ref: str, now: pendulum.DateTime) -> str:
    """Delete the record ``ref`` (undo brings it back whole); returns the label.

    Deleting an interaction keeps the needs, gives, asks and promises it recorded
    (their link to it is cleared) and moves its contacts' ping clocks back.
    """
    letter, number = parse_ref(ref)
    model, noun = KINDS[letter][0], KINDS[letter][1]
    with change(f"deleted {noun} {letter}{number}", now, kind="delete") as ch:
        row = _row(letter, number)
        owners = _owners(letter, row)
        model.delete().where(model.id == number).execute()
        # Its snooze/done state goes with it: a later record given the same id must not
        # inherit a snooze (ids are reused once the highest is deleted).
        ReminderState.delete().where(ReminderState.key.in_(STATE_KEYS[letter](number))).execute()
        if letter == "i":
            refresh_contacts(owners, now)
        ch.label = f"deleted {noun} {letter}{number} of {who(owners)}"
        return ch.label


def reopen_item(ref: str, now: pendulum.DateTime) -> str:
    """Open again a closed need (met/dropped), promise (done/dropped), ask (granted,
    declined, withdrawn) or reminder (done); returns the label. InvalidInput when it
    is open already or has no status."""
    letter, number = parse_ref(ref)
    model, noun, open_status, _statuses, closed_col = KINDS[letter]
    with change(f"reopened {noun} {letter}{number}", now, kind="reopen") as ch:
        row = _row(letter, number)
        if letter == "r":
            if row.done_at is None:
                raise InvalidInput(f"reminder {letter}{number} is not done")
            Reminder.update(done_at=None).where(Reminder.id == number).execute()
        elif open_status is None:
            raise InvalidInput(f"a {noun} can't be reopened: it has no status")
        elif row.status == open_status:
            raise InvalidInput(f"{noun} {letter}{number} is already {open_status}")
        else:
            model.update({model.status: open_status, getattr(model, closed_col): None}).where(
                model.id == number
            ).execute()
        ch.label = f"reopened {noun} {letter}{number} of {who(_owners(letter, row))}"
        return ch.label


__all__ = [
    "KINDS",
    "ItemEdit",
    "ItemView",
    "delete_item",
    "edit_item",
    "get_item",
    "parse_ref",
    "refresh_contacts",
    "reopen_item",
]


@dataclass(frozen=True)
class ItemView:
    """One record as the edit form shows it. ``when`` is UTC (the form shows it local);
    ``fields`` names what this kind of record has: text, kind, when, due, horizon,
    status, direction, contacts. ``statuses`` are the ones it may take."""

    ref: str
    noun: str
    text: str
    kind: str | None
    when: pendulum.DateTime | None
    due: pendulum.Date | None
    horizon: pendulum.Date | None
    status: str | None
    direction: str | None
    contacts: tuple[str, ...]
    fields: tuple[str, ...]
    statuses: tuple[str, ...]


def get_item(ref: str) -> ItemView:
    """The record ``ref`` for the edit form; NotFound or InvalidInput as ``edit_item``."""
    letter, number = parse_ref(ref)
    _model, noun, _open, statuses, _closed = KINDS[letter]
    row = _row(letter, number)
    names = tuple(
        c.name
        for c in Contact.select(Contact.name)
        .where(Contact.id.in_(_owners(letter, row)))
        .order_by(Contact.name)
    )
    when_column = {"i": "occurred_at", "g": "given_at", "a": "asked_at", "r": "due_at"}.get(letter)
    fields = ["text"]
    if letter in ("i", "g"):
        fields.append("kind")
    if when_column:
        fields.append("when")
    fields += {"p": ["due", "direction"], "n": ["horizon"]}.get(letter, [])
    if statuses:
        fields.append("status")
    if letter == "i":
        fields.append("contacts")
    status = getattr(row, "status", None)
    if letter == "r":
        status = "done" if row.done_at else "open"
    return ItemView(
        ref=f"{letter}{number}",
        noun=noun,
        text=getattr(row, TEXT_COLUMN[letter]),
        kind=getattr(row, "kind", None),
        when=getattr(row, when_column) if when_column else None,
        due=getattr(row, "due", None),
        horizon=getattr(row, "horizon", None),
        status=status,
        direction=getattr(row, "direction", None),
        contacts=names,
        fields=tuple(fields),
        statuses=("open", "done") if letter == "r" else tuple(statuses),
    )
