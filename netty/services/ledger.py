"""The give/ask ledger: what they need, what I gave, what I asked, what each side promised.

Each function writes one record in the caller's transaction (or its own) and
returns its id. Quick capture and the prep sheet build on these.
"""

from __future__ import annotations

import pendulum

from netty.db.models import Ask, Contact, Give, Need, Promise
from netty.db.vocab import ASK_STATUSES, GIVE_KINDS, NEED_STATUSES, PROMISE_DIRECTIONS
from netty.errors import InvalidInput, NotFound
from netty.services.changes import change, who
from netty.services.contacts import organization_for
from netty.services.text import clean_block, id_number

NEED_HORIZON_DAYS = 45  # "the next 30-60 days"


def _text(text: str, what: str) -> str:
    cleaned = clean_block(text)
    if not cleaned:
        raise InvalidInput(f"the {what} can't be blank")
    return cleaned


def _contact(contact_id: int) -> int:
    if not Contact.select().where(Contact.id == contact_id).exists():
        raise NotFound(f"no contact #{contact_id}")
    return contact_id


def _choice(value: str, allowed: tuple[str, ...] | dict, what: str) -> str:
    if value not in allowed:
        raise InvalidInput(f"{what} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def add_need(
    contact_id: int,
    text: str,
    *,
    now: pendulum.DateTime,
    horizon: pendulum.Date | None = None,
    status: str = "open",
    interaction_id: int | None = None,
) -> int:
    """Record something a contact needs; the horizon defaults to 45 days from now."""
    with change(f"added a need for {who([contact_id])}", now, kind="need"):
        need = Need.create(
            contact=_contact(contact_id),
            text=_text(text, "need"),
            horizon=horizon or now.add(days=NEED_HORIZON_DAYS).date(),
            status=_choice(status, NEED_STATUSES, "status"),
            interaction=interaction_id,
            created_at=now,
            closed_at=None if status == "open" else now,
        )
    return need.id


def add_give(
    contact_id: int,
    kind: str,
    text: str,
    *,
    now: pendulum.DateTime,
    given_at: pendulum.DateTime | None = None,
    need_id: int | None = None,
    introduced_to: int | None = None,
    interaction_id: int | None = None,
) -> int:
    """Record something I gave a contact, optionally meeting one of their needs."""
    with change(f"recorded a give to {who([contact_id])}", now, kind="give"):
        give = Give.create(
            contact=_contact(contact_id),
            kind=_choice(kind, GIVE_KINDS, "kind"),
            text=_text(text, "give"),
            given_at=given_at or now,
            need=need_id,
            introduced_to=_contact(introduced_to) if introduced_to else None,
            interaction=interaction_id,
            created_at=now,
        )
        if need_id is not None:
            Need.update(status="met", closed_at=given_at or now).where(
                (Need.id == need_id) & (Need.status == "open")
            ).execute()
    return give.id


def add_ask(
    contact_id: int,
    text: str,
    *,
    now: pendulum.DateTime,
    asked_at: pendulum.DateTime | None = None,
    target_contact: int | None = None,
    target_org: str | None = None,
    status: str = "pending",
    interaction_id: int | None = None,
) -> int:
    """Record my specific ask of a contact, with the person or organization it is about."""
    with change(f"recorded an ask of {who([contact_id])}", now, kind="ask"):
        org = organization_for(target_org, now) if target_org else None
        ask = Ask.create(
            contact=_contact(contact_id),
            text=_text(text, "ask"),
            target_contact=_contact(target_contact) if target_contact else None,
            target_org=org,
            status=_choice(status, ASK_STATUSES, "status"),
            asked_at=asked_at or now,
            resolved_at=None if status == "pending" else now,
            interaction=interaction_id,
            created_at=now,
        )
    return ask.id


def add_promise(
    contact_id: int,
    direction: str,
    text: str,
    *,
    now: pendulum.DateTime,
    due: pendulum.Date | None = None,
    created_at: pendulum.DateTime | None = None,
    interaction_id: int | None = None,
) -> int:
    """Record a promise: ``i_owe`` (I promised them) or ``they_owe`` (they promised me)."""
    with change(f"recorded a promise with {who([contact_id])}", now, kind="promise"):
        promise = Promise.create(
            contact=_contact(contact_id),
            direction=_choice(direction, PROMISE_DIRECTIONS, "direction"),
            text=_text(text, "promise"),
            due=due,
            interaction=interaction_id,
            created_at=created_at or now,
        )
    return promise.id


_CLOSE = {
    # ref letter: (model, {how: status}, time column)
    "n": (Need, {"done": "met", "drop": "dropped"}, "closed_at"),
    "p": (Promise, {"done": "done", "drop": "dropped"}, "closed_at"),
    "a": (Ask, {"done": "granted", "drop": "withdrawn", "decline": "declined"}, "resolved_at"),
}
_OPEN = {"n": "open", "p": "open", "a": "pending"}
_NAMES = {"n": "need", "p": "promise", "a": "ask"}


def is_item_ref(text: str) -> bool:
    """True for a ledger item ref such as ``n4``, ``p7`` or ``a3``."""
    text = text.strip().lower()
    return len(text) > 1 and text[0] in _CLOSE and text[1:].isascii() and text[1:].isdigit()


def close_item(ref: str, how: str, now: pendulum.DateTime) -> str:
    """Close a need (met/dropped), promise (done/dropped) or ask (granted/withdrawn/declined).

    ``how`` is "done", "drop" or (asks only) "decline". Returns the new status.
    """
    key = ref.strip().lower()
    if not is_item_ref(key):
        raise InvalidInput(f"{ref!r} is not an item id; `netty show` lists them (n4, p7, a3)")
    model, statuses, column = _CLOSE[key[0]]
    if how not in statuses:
        raise InvalidInput(f"a {_NAMES[key[0]]} can't be {how!r}")
    status = statuses[how]
    number = id_number(key[1:])
    if number is None:
        raise NotFound(f"no {_NAMES[key[0]]} {key[:25]}")
    with change(f"closed {key}", now, kind="close") as ch:
        row = model.get_or_none(model.id == number)
        if row is None:
            raise NotFound(f"no {_NAMES[key[0]]} {key}")
        ch.label = f"marked {_NAMES[key[0]]} {key} of {who([row.contact_id])} {status}"
        if row.status != _OPEN[key[0]]:
            raise InvalidInput(f"{_NAMES[key[0]]} {key} is already {row.status}")
        model.update({model.status: status, getattr(model, column): now}).where(
            model.id == row.id
        ).execute()
    return status
