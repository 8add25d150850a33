"""Who knows whom: record, forget and list "A knows B" between two contacts.

Knowing is mutual: one ``Knows`` row per pair (``a_id < b_id``), with ``how``
they know each other (``netty.db.vocab.KNOWS_HOW``: family, friend, colleague,
former colleague, client, classmate, introduced, acquaintance). Recording a pair
that is already there changes its ``how``. Every write is one change in the
journal, so ``netty undo`` takes it back.

The warm-path search (:mod:`netty.services.paths`) reads these rows plus two
kinds of link it derives: ``introduced_by`` (whoever introduced me to C knows C)
and shared organizations in overlapping years (colleagues).
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum
from peewee import JOIN

from netty.db.models import Contact, Knows, Organization
from netty.db.vocab import DEFAULT_KNOWS_HOW, KNOWS_HOW, fold
from netty.errors import Ambiguous, InvalidInput, NotFound
from netty.services.changes import change, who
from netty.services.contacts import (
    ContactFields,
    add_contact,
    organization_for,
    refresh_search_text,
)
from netty.services.text import clean_line, require_name


@dataclass(frozen=True)
class Acquaintance:
    """Someone a contact knows: their id, name, organization and how."""

    id: int
    name: str
    organization: str
    how: str


def parse_how(value: str | None) -> str:
    """The ``KNOWS_HOW`` value ``value`` names (case, ``_``/``-`` and spaces ignored).

    ``None`` or blank gives the default (``acquaintance``). Raises InvalidInput
    naming the choices.
    """
    if value is None or not value.strip():
        return DEFAULT_KNOWS_HOW
    key = " ".join(fold(value).replace("_", " ").replace("-", " ").split())
    if key == "former":
        key = "former colleague"
    if key in KNOWS_HOW:
        return key
    raise InvalidInput(f"how must be one of {', '.join(KNOWS_HOW)}, not {value.strip()!r}")


def _pair(first: int, second: int) -> tuple[int, int]:
    if first == second:
        raise InvalidInput("a contact can't know themselves; name two different people")
    for cid in (first, second):
        if not Contact.select().where(Contact.id == cid).exists():
            raise NotFound(f"no contact #{cid}")
    return (first, second) if first < second else (second, first)


def add_knows(
    first: int, second: int, now: pendulum.DateTime, how: str | None = None
) -> tuple[str, bool]:
    """Record that contacts ``first`` and ``second`` know each other; one change.

    Returns ``(how, created)``: ``created`` is False when the pair was already
    recorded (its ``how`` is then set to the one given, if one was given).
    Raises InvalidInput (same person, unknown how) or NotFound (no such contact).
    """
    kind = parse_how(how)
    with change(f"recorded that {who([first, second])} know each other", now, kind="knows"):
        a, b = _pair(first, second)
        row = Knows.get_or_none((Knows.a == a) & (Knows.b == b))
        if row is None:
            Knows.create(a=a, b=b, how=kind, created_at=now)
            return kind, True
        if how is not None and how.strip() and row.how != kind:
            Knows.update(how=kind).where(Knows.id == row.id).execute()
            return kind, False
        return row.how, False


def forget_knows(first: int, second: int, now: pendulum.DateTime) -> bool:
    """Remove the link between two contacts; False when there was none (nothing written)."""
    a, b = _pair(first, second)
    if not Knows.select().where((Knows.a == a) & (Knows.b == b)).exists():
        return False
    with change(f"forgot that {who([first, second])} know each other", now, kind="knows"):
        Knows.delete().where((Knows.a == a) & (Knows.b == b)).execute()
    return True


def set_knows(contact_id: int, links: list[tuple[int, str | None]], now: pendulum.DateTime) -> bool:
    """Make ``contact_id``'s recorded links exactly ``links`` ([(other id, how or None)]).

    New pairs are added, a given ``how`` replaces the stored one (None keeps it),
    pairs not listed are removed; one change (joining the caller's). Returns
    whether anything changed (nothing is written when nothing did).
    """
    wanted = {other: how for other, how in links}
    for how in wanted.values():
        if how is not None:
            parse_how(how)
    current = {p.id: p.how for p in acquaintances(contact_id)}
    adds = {
        o: h for o, h in wanted.items() if o not in current or (h and parse_how(h) != current[o])
    }
    drops = [o for o in current if o not in wanted]
    if not adds and not drops:
        return False
    with change(f"changed whom {who([contact_id])} knows", now, kind="knows"):
        for other, how in adds.items():
            add_knows(contact_id, other, now, how)
        for other in drops:
            forget_knows(contact_id, other, now)
    return True


def parse_knows_list(text: str) -> list[tuple[str, str | None]]:
    """``Sally Jones (friend), Bob Lee`` -> ``[("Sally Jones", "friend"), ("Bob Lee", None)]``.

    Names are split at commas and semicolons; ``(how)`` after a name is checked
    with ``parse_how`` (InvalidInput when it is not one of the words).
    """
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        how = None
        if part.endswith(")") and "(" in part:
            part, _, inner = part[:-1].rpartition("(")
            how = parse_how(inner)
            part = part.strip()
        if not part:
            raise InvalidInput("a name is missing before (how) in who they know")
        out.append((part, how))
    return out


def move_knows(keep_id: int, other_id: int) -> int:
    """Give ``keep_id`` every link of ``other_id`` (a merge), in the caller's change.

    A pair KEEP already has keeps its ``how``; OTHER's link to KEEP is dropped.
    Returns how many links moved.
    """
    mine = {p.id for p in acquaintances(keep_id)}
    moved = 0
    for person in acquaintances(other_id):
        if person.id != keep_id and person.id not in mine:
            a, b = sorted((keep_id, person.id))
            Knows.create(a=a, b=b, how=person.how, created_at=_created(other_id, person.id))
            moved += 1
    Knows.delete().where((Knows.a == other_id) | (Knows.b == other_id)).execute()
    return moved


def _created(first: int, second: int):
    a, b = sorted((first, second))
    return Knows.select(Knows.created_at).where((Knows.a == a) & (Knows.b == b)).scalar()


def acquaintances(contact_id: int) -> list[Acquaintance]:
    """The people ``contact_id`` knows (recorded links only), by name."""
    out = []
    for mine, other in ((Knows.a, Knows.b), (Knows.b, Knows.a)):
        rows = (
            Knows.select(Contact.id, Contact.name, Organization.name, Knows.how)
            .join(Contact, on=(other == Contact.id))
            .join(
                Organization,
                join_type=JOIN.LEFT_OUTER,
                on=(Contact.organization == Organization.id),
            )
            .where(mine == contact_id)
            .tuples()
        )
        out.extend(Acquaintance(cid, name, org or "", how) for cid, name, org, how in rows)
    return sorted(out, key=lambda p: (fold(p.name), p.id))


def person_for(
    name: str, organization: str | None, now: pendulum.DateTime, exclude: int | None = None
) -> tuple[int, bool]:
    """The contact named ``name`` (at ``organization`` if given), created if there is none.

    Returns ``(contact id, created)``. An exact name (case and accents ignored)
    matching one active contact is that contact; several are narrowed by the
    organization, and if still several, Ambiguous is raised (nothing guessed).
    A new contact gets ``organization`` and ring 3. Runs inside the caller's change.
    """
    cleaned = require_name(name)
    key = fold(cleaned)
    rows = list(
        Contact.select(Contact.id, Contact.organization, Contact.archived_at)
        .where(Contact.name_key == key)
        .limit(20)
    )
    found = [r for r in rows if r.archived_at is None and r.id != exclude]
    if len(found) > 1 and organization:
        org_key = fold(clean_line(organization))
        org = Organization.get_or_none(Organization.name_key == org_key)
        found = [r for r in found if org is not None and r.organization_id == org.id]
    if len(found) == 1:
        contact = found[0]
        if organization and contact.organization_id is None:
            Contact.update(organization=organization_for(organization, now)).where(
                Contact.id == contact.id
            ).execute()
            refresh_search_text([contact.id])
        return contact.id, False
    if found:
        raise Ambiguous(
            f"{cleaned!r} matches several contacts; use `netty knows` with their #id",
            [(r.id, cleaned) for r in found],
        )
    view = add_contact(ContactFields(name=cleaned, organization=organization or None), now)
    return view.id, True
