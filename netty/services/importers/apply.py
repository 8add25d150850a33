"""Turning parsed records into contacts: match, merge or create, then write in bulk.

Matching, in this order, against every contact (archived ones too, so a
re-import never brings back a contact the user archived as a new one) and
against the contacts this same file already created:

1. the normalised LinkedIn profile URL (``text.linkedin_key``), from
   ``Contact.linkedin`` or any LinkedIn URL a contact has;
2. an email address, lower-cased (``ContactMethod.value_key``);
3. for an organization-only record, the organization's name (ignoring case and
   accents) against the organization-only contacts;
4. a record with no strong key match whose name and every detail are already on
   one existing contact of the same name is that contact (this is what makes a
   re-import of name-and-phone cards change nothing). Otherwise a record whose
   name equals another contact's is created and listed as a possible duplicate:
   a name alone never merges.

Merging fills the contact's empty fields, unions emails, phones, URLs and tags,
and adds a note or details text it does not already contain; it never
overwrites a value. A differing value is a conflict, reported as a warning
(the contact keeps its value). A merge that adds nothing leaves the contact
untouched (``updated_at`` included), so importing the same file twice changes
nothing the second time: the second report says created 0, merged N.

Writing is one transaction with batched ``executemany`` inserts; denormalised
columns (``search_text``, ``name_key``, ``next_ping_at``) are computed exactly
as ``services.contacts`` computes them. Before a real import that writes
anything, the database is backed up (``services.backup.backup_before``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pendulum
from peewee import JOIN

from netty.dates import plural
from netty.db.bulk import (
    bulk_insert,
    chunks,
    execute_many,
    fix_sequences,
    max_id,
    moment_text,
    page_cache,
)
from netty.db.fields import to_utc_text
from netty.db.models import (
    Address,
    Affiliation,
    Contact,
    ContactCard,
    ContactDate,
    ContactMethod,
    ContactTag,
    Handle,
    Organization,
    Tag,
    database,
)
from netty.services import settings
from netty.services.cardfields import CardDate, derived_uid
from netty.services.changes import change
from netty.services.importers._fast import fold, search_key
from netty.services.importers.record import LINKEDIN_PREFIX, Record, Skip
from netty.services.importers.report import ImportReport

Progress = Callable[[int, int], None]

_CONTACT_COLUMNS = (
    "id",
    "name",
    "name_key",
    "title",
    "organization",
    "location",
    "linkedin",
    "ring",
    "channel",
    "how_met",
    "details",
    "notes",
    "cadence_days",
    "strength",
    "search_text",
    "created_at",
    "updated_at",
    "next_ping_at",
    "connected_at",
    "uid",
)
_UPDATE_COLUMNS = (
    "title",
    "organization",
    "location",
    "linkedin",
    "channel",
    "how_met",
    "details",
    "notes",
    "cadence_days",
    "strength",
    "connected_at",
    "uid",
    "search_text",
    "next_ping_at",
    "updated_at",
)
_CARD_FIELDS = ("prefix", "given", "additional", "family", "suffix", "nicknames", "gender",
                "gender_text", "unit", "role")  # fmt: skip


@dataclass(eq=False, slots=True)
class _Target:
    """A contact this import writes to: one that exists, or one it creates."""

    id: int
    new: bool
    name: str
    name_key: str
    org_only: bool
    org_name: str | None
    org_key: str | None
    title: str
    location: str
    how_met: str
    details: str
    notes: str
    linkedin: str | None
    ring: int
    channel: str | None
    cadence_days: int | None
    strength: int | None
    connected_at: str | None
    created_at: str
    last_interaction_at: str | None
    methods: dict[str, list[tuple[str, str, str, int]]] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    added_methods: list[tuple[str, str, str, str, int]] = field(default_factory=list)
    added_tags: list[str] = field(default_factory=list)
    dirty: bool = False
    uid: str | None = None
    # The card beyond the contact's columns (``ContactCard`` and its tables)
    card: dict[str, str] = field(default_factory=dict)
    rev: str | None = None
    card_id: int | None = None  # the stored ContactCard row, if any
    card_dirty: bool = False
    addresses: list[tuple[str, ...]] = field(default_factory=list)
    handles: list[tuple[str, str, str, str]] = field(default_factory=list)
    dates: list[CardDate] = field(default_factory=list)
    affiliations: list[tuple] = field(default_factory=list)  # (org key, unit, title, role, ...)
    added_addresses: list[tuple[tuple[str, ...], int]] = field(default_factory=list)
    added_handles: list[tuple[tuple[str, str, str, str], int]] = field(default_factory=list)
    added_dates: list[tuple[CardDate, int]] = field(default_factory=list)
    replaced_dates: list[CardDate] = field(default_factory=list)  # a newer card's birthday
    added_affiliations: list[tuple[tuple, int]] = field(default_factory=list)

    def keys(self, kind: str) -> set[str]:
        return {m[1] for m in self.methods.get(kind, ())}


@dataclass
class _Index:
    linkedin: dict[str, int] = field(default_factory=dict)
    uid: dict[str, int] = field(default_factory=dict)
    email: dict[str, int] = field(default_factory=dict)
    org_only: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    orgs: dict[str, tuple[int, str]] = field(default_factory=dict)
    tags: dict[str, int] = field(default_factory=dict)
    existing: set[int] = field(default_factory=set)


@dataclass
class _Plan:
    targets: dict[int, _Target]
    created: list[_Target]
    new_orgs: dict[str, tuple[int, str]]
    new_tags: dict[str, int]
    report: dict[str, Any]
    snapshot: tuple[int, ...]
    org_ids: dict[str, int]

    @property
    def writes(self) -> bool:
        return bool(self.created) or any(t.dirty for t in self.targets.values() if not t.new)


# ------------------------------------------------------------------ entry point


def run(
    items: Sequence[Record | Skip],
    now: pendulum.DateTime,
    *,
    source: str,
    warnings: Sequence[str] = (),
    dry_run: bool = False,
    progress: Progress | None = None,
    backup: bool = True,
) -> ImportReport:
    """Match, merge and create ``items``; writes nothing when ``dry_run``."""
    from netty.services.backup import backup_before

    plan = _plan(items, now, warnings, progress)
    backup_path = None
    if not dry_run and plan.writes:
        if backup:
            backup_path = backup_before("import", now)
        with page_cache(), change(f"imported {source}", now, kind="import") as ch:
            if _snapshot() != plan.snapshot:  # someone wrote in between: plan again
                plan = _plan(items, now, warnings, None)
            _write(plan, now, progress, len(items))
            ch.label = (
                f"imported {source}: {plural(len(plan.created), 'new contact')}, "
                f"{plan.report['merged']} merged"
            )
    r = plan.report
    return ImportReport(
        source=source,
        created=len(plan.created),
        merged=r["merged"],
        unchanged=r["unchanged"],
        skipped=tuple(r["skipped"]),
        warnings=tuple(r["warnings"]),
        possible_duplicates=tuple(r["possible_duplicates"]),
        dry_run=dry_run,
        backup=backup_path,
    )


def _snapshot() -> tuple[int, ...]:
    return tuple(max_id(m) for m in (Contact, Organization, Tag, ContactMethod))


# ------------------------------------------------------------------ reading what is there


def _build_index() -> _Index:
    index = _Index()
    c, o, m = (
        Contact._meta.table_name,
        Organization._meta.table_name,
        ContactMethod._meta.table_name,
    )
    for cid, name_key, linkedin, uid in database.execute_sql(
        f'SELECT "id", "name_key", "linkedin", "uid" FROM "{c}" '
        'ORDER BY "archived_at" IS NOT NULL, "id"'
    ):
        index.existing.add(cid)
        index.names[name_key].append(cid)
        if linkedin:
            index.linkedin.setdefault(linkedin, cid)
        if uid:
            index.uid[uid] = cid
    for cid, kind, key in database.execute_sql(
        f'SELECT m."contact_id", m."kind", m."value_key" FROM "{m}" m '
        f'JOIN "{c}" c ON c."id" = m."contact_id" '
        f'WHERE m."kind" IN (\'email\', \'url\') ORDER BY c."archived_at" IS NOT NULL, c."id"'
    ):
        if kind == "email":
            index.email.setdefault(key, cid)
        elif key.startswith(LINKEDIN_PREFIX):
            index.linkedin.setdefault(key, cid)
    for cid, key in database.execute_sql(
        f'SELECT c."id", o."name_key" FROM "{c}" c JOIN "{o}" o ON o."id" = c."organization_id" '
        f'WHERE c."name_key" = o."name_key" ORDER BY c."archived_at" IS NOT NULL, c."id"'
    ):
        index.org_only.setdefault(key, cid)
    for oid, name, key in database.execute_sql(f'SELECT "id", "name", "name_key" FROM "{o}"'):
        index.orgs[key] = (oid, name)
    for tid, name in database.execute_sql(f'SELECT "id", "name" FROM "{Tag._meta.table_name}"'):
        index.tags[name] = tid
    return index


def _load(ids: set[int]) -> dict[int, _Target]:
    """Existing contacts with their methods and tags, in a few queries."""
    out: dict[int, _Target] = {}
    c, o = Contact._meta.table_name, Organization._meta.table_name
    m, ct, t = ContactMethod._meta.table_name, ContactTag._meta.table_name, Tag._meta.table_name
    for chunk in chunks(sorted(ids)):
        marks = ", ".join([database.param] * len(chunk))
        rows = database.execute_sql(
            'SELECT c."id", c."name", c."name_key", o."name", o."name_key", c."title", '
            'c."location", c."how_met", c."details", c."notes", c."linkedin", c."ring", '
            'c."channel", c."cadence_days", c."strength", c."connected_at", c."created_at", '
            f'c."last_interaction_at", c."uid" FROM "{c}" c LEFT JOIN "{o}" o '
            f'ON o."id" = c."organization_id" WHERE c."id" IN ({marks})',
            chunk,
        )
        for row in rows:
            (cid, name, name_key, org_name, org_key, title, location, how_met, details, notes,
             linkedin, ring, channel, cadence, strength, connected, created, last, uid) = row  # fmt: skip
            out[cid] = _Target(
                id=cid,
                new=False,
                name=name,
                name_key=name_key,
                org_only=org_key is not None and org_key == name_key,
                org_name=org_name,
                org_key=org_key,
                title=title,
                location=location,
                how_met=how_met,
                details=details,
                notes=notes,
                linkedin=linkedin,
                ring=ring,
                channel=channel,
                cadence_days=cadence,
                strength=strength,
                connected_at=moment_text(connected),
                created_at=moment_text(created) or "",
                last_interaction_at=moment_text(last),
                methods={"email": [], "phone": [], "url": []},
                uid=uid,
            )
        for cid, kind, value, key, label, position in database.execute_sql(
            f'SELECT "contact_id", "kind", "value", "value_key", "label", "position" FROM "{m}" '
            f'WHERE "contact_id" IN ({marks}) ORDER BY "contact_id", "kind", "position", "id"',
            chunk,
        ):
            out[cid].methods.setdefault(kind, []).append((value, key, label, position))
        for cid, name in database.execute_sql(
            f'SELECT ct."contact_id", t."name" FROM "{ct}" ct JOIN "{t}" t ON t."id" = ct."tag_id" '
            f'WHERE ct."contact_id" IN ({marks}) ORDER BY t."name"',
            chunk,
        ):
            out[cid].tags.append(name)
        _load_cards(out, chunk)
    return out


def _load_cards(out: dict[int, _Target], chunk: list[int]) -> None:
    """The stored card of each contact in ``chunk``: ContactCard, addresses, handles, dates."""
    for row in ContactCard.select().where(ContactCard.contact.in_(chunk)):
        t = out[row.contact_id]
        t.card_id, t.rev = row.id, moment_text(row.rev)
        t.card = {f: getattr(row, f) for f in _CARD_FIELDS}
    for row in Address.select().where(Address.contact.in_(chunk)).order_by(Address.position):
        out[row.contact_id].addresses.append(
            (row.label, row.po_box, row.extended, row.street, row.locality, row.region,
             row.postal_code, row.country)
        )  # fmt: skip
    for row in Handle.select().where(Handle.contact.in_(chunk)).order_by(Handle.position):
        out[row.contact_id].handles.append((row.kind, row.service, row.value, row.label))
    for row in ContactDate.select().where(ContactDate.contact.in_(chunk)):
        out[row.contact_id].dates.append(CardDate(row.kind, row.year, row.month, row.day, row.text))
    for row in (
        Affiliation.select(Affiliation, Organization.name_key.alias("org_key"))
        .join(Organization, JOIN.LEFT_OUTER)
        .where(Affiliation.contact.in_(chunk))
        .objects()
    ):
        out[row.contact_id].affiliations.append(
            (row.org_key, row.unit, row.title, row.role, row.is_current, row.start_year,
             row.end_year)
        )  # fmt: skip


# ------------------------------------------------------------------ planning


def _strong_ids(record: Record, index: _Index) -> list[int]:
    found = []
    if record.card is not None and record.card.uid in index.uid:
        found.append(index.uid[record.card.uid])
    if record.linkedin and record.linkedin in index.linkedin:
        found.append(index.linkedin[record.linkedin])
    for _value, key, _label, _pos in record.emails:
        if key in index.email:
            found.append(index.email[key])
    if record.org_only and record.name_key in index.org_only:
        found.append(index.org_only[record.name_key])
    return found


def _plan(
    items: Sequence[Record | Skip],
    now: pendulum.DateTime,
    file_warnings: Sequence[str],
    progress: Progress | None,
) -> _Plan:
    snapshot = _snapshot()
    index = _build_index()
    records = [item for item in items if isinstance(item, Record)]
    wanted: set[int] = set()
    for record in records:
        ids = _strong_ids(record, index)
        wanted.update(ids)
        if not ids:
            wanted.update(index.names.get(record.name_key, ()))
    pending = {r.card.uid for r in records if r.card and r.card.uid and r.card.uid not in index.uid}
    if pending:  # netty's own export: a UID derived from this database's id and the contact's
        dbid = settings.get(settings.DATABASE_ID)
        if isinstance(dbid, str) and dbid:
            for cid in index.existing:
                if (uid := derived_uid(dbid, cid)) in pending:
                    index.uid.setdefault(uid, cid)
                    wanted.add(cid)
    targets = _load(wanted)
    next_contact, next_org, next_tag = snapshot[0] + 1, snapshot[1] + 1, snapshot[2] + 1
    new_orgs: dict[str, tuple[int, str]] = {}
    new_tags: dict[str, int] = {}
    created: list[_Target] = []
    report: dict[str, Any] = {
        "merged": 0,
        "unchanged": 0,
        "skipped": [],
        "warnings": list(file_warnings),
        "possible_duplicates": [],
    }
    stamp = to_utc_text(now)
    total = len(items)

    def org_for(name: str) -> tuple[str | None, str | None]:
        nonlocal next_org
        if not name:
            return None, None
        key = fold(name)
        if key in index.orgs:
            return index.orgs[key][1], key
        if key not in new_orgs:
            new_orgs[key] = (next_org, name)
            index.orgs[key] = new_orgs[key]
            next_org += 1
        return new_orgs[key][1], key

    def tag_id(name: str) -> None:
        nonlocal next_tag
        if name not in index.tags:
            index.tags[name] = new_tags[name] = next_tag
            next_tag += 1

    def remember(target: _Target) -> None:
        if target.uid:
            index.uid.setdefault(target.uid, target.id)
        for kind in ("email", "url"):
            for _value, key, _label, _pos in target.methods.get(kind, ()):
                if kind == "email":
                    index.email.setdefault(key, target.id)
                elif key.startswith(LINKEDIN_PREFIX):
                    index.linkedin.setdefault(key, target.id)
        if target.linkedin:
            index.linkedin.setdefault(target.linkedin, target.id)
        if target.org_only and target.org_key:
            index.org_only.setdefault(target.org_key, target.id)

    for done, item in enumerate(items, start=1):
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, 2 * total)  # matching is the first half of the work, writing the second
        for text in item.warnings:
            report["warnings"].append(f"record {item.no}: {text}")
        if isinstance(item, Skip):
            report["skipped"].append({"record": item.no, "reason": item.reason})
            continue
        record = item
        strong = _strong_ids(record, index)
        target = None
        if strong:
            target = targets.get(strong[0])
            if target is None:  # created by a record of this file, or not loaded yet
                target = targets[strong[0]] = _load({strong[0]})[strong[0]]
            others = sorted({i for i in strong if i != target.id})
            if others:
                report["warnings"].append(
                    f"record {record.no}: also matches "
                    + ", ".join(f"#{i}" for i in others)
                    + f"; merged into #{target.id} {target.name}"
                )
        else:
            for cid in index.names.get(record.name_key, ()):
                if cid in index.existing and cid in targets:
                    changes, conflicts = _merge(record, targets[cid], org_for, apply=False)
                    if not changes and not conflicts:
                        target = targets[cid]
                        break
        if target is not None:
            changes, conflicts = _merge(record, target, org_for, apply=True)
            for text in conflicts:
                report["warnings"].append(f"record {record.no}: #{target.id} {target.name} {text}")
            report["merged"] += 1
            if changes:
                if not target.new:
                    target.dirty = True
                for name in target.added_tags:
                    tag_id(name)
                remember(target)
            elif not target.new:
                report["unchanged"] += 1
            continue
        org_name, org_key = org_for(record.organization)
        target = _Target(
            id=next_contact,
            new=True,
            name=record.name,
            name_key=record.name_key,
            org_only=record.org_only,
            org_name=org_name,
            org_key=org_key,
            title=record.title,
            location=record.location,
            how_met=record.how_met,
            details=record.details,
            notes=record.notes,
            linkedin=record.linkedin,
            ring=record.ring or record.default_ring,
            channel=record.channel or record.default_channel,
            cadence_days=record.cadence_days,
            strength=record.strength,
            connected_at=record.connected_at,
            created_at=stamp,
            last_interaction_at=None,
            methods=_new_methods(record),
            tags=sorted(record.tags) if record.tags else [],
        )
        if record.card is not None:
            _merge_card(record, target, org_for, apply=True, newer=False)
        next_contact += 1
        for name in target.tags:
            tag_id(name)
        same = index.names.get(record.name_key)
        if same:
            report["possible_duplicates"].append(
                {"record": record.no, "name": record.name, "id": target.id,
                 "same_name_as": list(same)}
            )  # fmt: skip
        index.names[record.name_key].append(target.id)
        targets[target.id] = target
        created.append(target)
        remember(target)
    org_ids = {key: oid for key, (oid, _name) in index.orgs.items()}
    return _Plan(targets, created, new_orgs, new_tags, report, snapshot, org_ids)


def _new_methods(record: Record) -> dict[str, list[tuple[str, str, str, int]]]:
    """A new contact's emails, phones and URLs from ``record``: the kinds it has, in
    the order of ``Record.methods``."""
    methods = {}
    if record.emails:
        methods["email"] = list(record.emails)
    if record.phones:
        methods["phone"] = list(record.phones)
    if record.urls:
        methods["url"] = list(record.urls)
    return methods


def _merge(record: Record, target: _Target, org_for, *, apply: bool) -> tuple[list[str], list[str]]:
    """Fill ``target`` from ``record``; (what changed, conflicts). ``apply=False`` only looks."""
    changes: list[str] = []
    conflicts: list[str] = []
    newer = _newer(record, target)
    if record.name_key != target.name_key:
        conflicts.append(f"keeps the name {target.name!r}; the file says {record.name!r}")

    def single(attr: str, value: Any, label: str, same=lambda a, b: a == b) -> None:
        if value is None or value == "":
            return
        current = getattr(target, attr)
        if current is None or current == "":
            changes.append(attr)
            if apply:
                setattr(target, attr, value)
        elif not same(current, value):
            if newer:  # a newer card (REV) than the one last imported wins
                changes.append(attr)
                conflicts.append(f"{label} {current!r} replaced by {value!r} (a newer card)")
                if apply:
                    setattr(target, attr, value)
            else:
                conflicts.append(f"keeps {label} {current!r}; the file says {value!r}")

    if record.organization:
        key = fold(record.organization)
        if target.org_key is None:
            changes.append("organization")
            if apply:
                target.org_name, target.org_key = org_for(record.organization)
        elif target.org_key != key and newer:
            changes.append("organization")
            conflicts.append(
                f"the organization {target.org_name!r} replaced by {record.organization!r} "
                "(a newer card)"
            )
            if apply:
                target.org_name, target.org_key = org_for(record.organization)
        elif target.org_key != key:
            conflicts.append(
                f"keeps the organization {target.org_name!r}; the file says {record.organization!r}"
            )
    single("title", record.title, "the title", lambda a, b: fold(a) == fold(b))
    single("location", record.location, "the location", lambda a, b: fold(a) == fold(b))
    single("channel", record.channel, "the channel")
    single("cadence_days", record.cadence_days, "the cadence of")
    single("strength", record.strength, "the strength")
    single("connected_at", record.connected_at, "connected on", lambda a, b: a[:10] == b[:10])
    if record.ring is not None and record.ring != target.ring:
        conflicts.append(f"keeps ring {target.ring}; the file says ring {record.ring}")
    for attr in ("notes", "details", "how_met"):
        value = getattr(record, attr)
        current = getattr(target, attr)
        if value and value not in current:
            changes.append(attr)
            if apply:
                setattr(target, attr, f"{current}\n\n{value}" if current else value)
    record_linkedin = record.linkedin
    if record_linkedin:
        if target.linkedin is None:
            changes.append("linkedin")
            if apply:
                target.linkedin = record_linkedin
        elif target.linkedin != record_linkedin:
            conflicts.append(
                f"keeps the LinkedIn profile {target.linkedin}; the file also has {record_linkedin}"
            )
    for kind, values in record.methods().items():
        have = target.keys(kind)
        for value, key, label, _pos in values:
            if key in have:
                continue
            changes.append(kind)
            if apply:
                existing = target.methods.setdefault(kind, [])
                position = max((m[3] for m in existing), default=-1) + 1
                existing.append((value, key, label, position))
                target.added_methods.append((kind, value, key, label, position))
                have.add(key)
    if record.card is not None:
        card_changes, card_conflicts = _merge_card(
            record, target, org_for, apply=apply, newer=_newer(record, target)
        )
        changes += card_changes
        conflicts += card_conflicts
    tags = set(target.tags)
    for name in record.tags:
        if name not in tags:
            changes.append("tags")
            if apply:
                target.tags.append(name)
                target.tags.sort()
                target.added_tags.append(name)
                tags.add(name)
    return changes, conflicts


def _newer(record: Record, target: _Target) -> bool:
    """Whether the record is a newer card (``REV``) than the one last imported into ``target``."""
    rev = record.card.rev if record.card is not None else None
    return bool(rev and target.rev and rev > target.rev)


def _merge_card(
    record: Record, target: _Target, org_for, *, apply: bool, newer: bool
) -> tuple[list[str], list[str]]:
    """Fill ``target``'s card from ``record.card``: UID, name parts, lists; (changes, conflicts).

    Single values fill what is empty; a newer card replaces them (the old value is
    named in the conflicts); lists (nicknames, addresses, handles, anniversaries,
    affiliations) gain what they lack; a person has one birthday: a different one
    is a conflict unless the card is newer.
    """
    card = record.card
    assert card is not None
    changes: list[str] = []
    conflicts: list[str] = []
    if card.uid and card.uid != target.uid:
        if target.uid is None:
            changes.append("uid")
            if apply:
                target.uid = card.uid
        else:
            conflicts.append(f"keeps the UID {target.uid}; the file says {card.uid}")
    wanted = card.fields()
    merged = dict(target.card) or dict.fromkeys(_CARD_FIELDS, "")
    nick_have = [n for n in merged["nicknames"].split("\n") if n]
    for nick in card.nicknames:
        if nick not in nick_have:
            nick_have.append(nick)
    wanted_nicks = "\n".join(nick_have)
    for name in _CARD_FIELDS:
        value = wanted_nicks if name == "nicknames" else wanted[name]
        current = merged[name]
        if not value or value == current:
            continue
        if name != "nicknames" and current and not newer:
            conflicts.append(
                f"keeps the {name.replace('_', ' ')} {current!r}; the file says {value!r}"
            )
            continue
        if name != "nicknames" and current:
            conflicts.append(
                f"the {name.replace('_', ' ')} {current!r} replaced by {value!r} (a newer card)"
            )
        changes.append(name)
        merged[name] = value
    if card.rev and (target.rev is None or card.rev > target.rev):
        changes.append("rev")
        if apply:
            target.rev = card.rev
    if changes and apply:
        target.card = merged
        target.card_dirty = True
    have = {tuple(fold(p) for p in a[1:]) for a in target.addresses}
    for address in card.addresses:
        key = tuple(fold(p) for p in address[1:])
        if key not in have:
            have.add(key)
            changes.append("address")
            if apply:
                target.addresses.append(address)
                target.added_addresses.append((address, len(target.addresses) - 1))
    have_h = {(k, s, v.lower()) for k, s, v, _l in target.handles}
    for handle in card.handles:
        key = (handle[0], handle[1], handle[2].lower())
        if key not in have_h:
            have_h.add(key)
            changes.append("handle")
            if apply:
                target.handles.append(handle)
                target.added_handles.append((handle, len(target.handles) - 1))
    have_d = {d.key() for d in target.dates}
    for date in card.dates:
        if date.key() in have_d:
            continue
        birthday = next((d for d in target.dates if d.kind == "BDAY"), None)
        if date.kind == "BDAY" and birthday is not None:
            if not newer:
                conflicts.append(
                    f"keeps the birthday {_shown(birthday)}; the file says {_shown(date)}"
                )
                continue
            conflicts.append(
                f"the birthday {_shown(birthday)} replaced by {_shown(date)} (a newer card)"
            )
            if apply:
                target.dates.remove(birthday)
                target.replaced_dates.append(birthday)
        have_d.add(date.key())
        changes.append("date")
        if apply:
            target.dates.append(date)
            target.added_dates.append((date, len(target.dates) - 1))
    have_a = {(a[0], fold(a[2])) for a in target.affiliations}
    for org, unit, title, role, current, start, end in card.affiliations:
        key = fold(org) if org else None
        if (key, fold(title)) in have_a:
            continue
        have_a.add((key, fold(title)))
        changes.append("affiliation")
        if apply:
            org_key = org_for(org)[1] if org else None
            row = (org_key, unit, title, role, current, start, end)
            target.affiliations.append(row)
            target.added_affiliations.append((row, len(target.affiliations) - 1))
    return changes, conflicts


def _shown(date: CardDate) -> str:
    from netty.services.cardfields import date_value

    return date_value(date)[0]


# ------------------------------------------------------------------ writing


def _search_text(t: _Target) -> str:
    emails = t.methods.get("email")
    return search_key(
        t.name,
        t.org_name,
        t.title,
        " ".join(v for v, _k, _l, _p in sorted(emails, key=_position)) if emails else "",
        " ".join(sorted(t.tags)) if t.tags else "",
        t.notes,
        t.details,
        t.location,
    )


def _position(method: tuple[str, str, str, int]) -> int:
    return method[3]


@lru_cache(maxsize=4096)
def _add_days(moment: str, days: int, zone: dt.tzinfo) -> str:
    """UTC text plus ``days`` calendar days in ``zone`` (wall-clock, across DST), as UTC text."""
    base = dt.datetime.strptime(moment[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.UTC)
    local = base.astimezone(zone).replace(tzinfo=None) + dt.timedelta(days=days)
    moved = pendulum.instance(local, tz=zone)
    return moved.in_tz("UTC").strftime("%Y-%m-%d %H:%M:%S")


def _next_ping(
    t: _Target, cadences: dict[int, int], zone: dt.tzinfo, memo: dict | None = None
) -> str:
    """``contacts.next_ping``: last interaction (or creation) + the effective cadence.

    ``memo`` keeps the answers of one write (one zone): most new contacts share them.
    """
    key = (t.last_interaction_at or t.created_at, t.cadence_days or cadences[t.ring])
    if memo is None:
        return _add_days(*key, zone)
    if key not in memo:
        memo[key] = _add_days(*key, zone)
    return memo[key]


def _same(column, value):
    return column.is_null() if value is None else column == value


def _write_cards(plan: _Plan) -> None:
    """Insert or update each written contact's card, addresses, handles, dates, affiliations."""
    cards, addresses, handles, dates, affiliations = [], [], [], [], []
    for t in plan.targets.values():
        if not (t.new or t.dirty) or not (
            t.card_dirty
            or t.added_addresses
            or t.added_handles
            or t.replaced_dates
            or t.added_dates
            or t.added_affiliations
        ):  # nothing of the card to write (every LinkedIn row)
            continue
        if t.card_dirty and (any(t.card.values()) or t.rev):
            values = [t.card.get(f, "") for f in _CARD_FIELDS]
            if t.card_id is None:
                cards.append((t.id, *values, t.rev))
            else:
                ContactCard.update(**dict(zip(_CARD_FIELDS, values, strict=True)), rev=t.rev).where(
                    ContactCard.id == t.card_id
                ).execute()
        addresses.extend((t.id, *a, pos) for a, pos in t.added_addresses)
        handles.extend((t.id, *h, pos) for h, pos in t.added_handles)
        for gone in t.replaced_dates:
            ContactDate.delete().where(
                (ContactDate.contact == t.id)
                & (ContactDate.kind == gone.kind)
                & _same(ContactDate.year, gone.year)
                & _same(ContactDate.month, gone.month)
                & _same(ContactDate.day, gone.day)
                & (ContactDate.text == gone.text)
            ).execute()
        dates.extend(
            (t.id, d.kind, d.year, d.month, d.day, d.text, pos) for d, pos in t.added_dates
        )
        for (org_key, unit, title, role, current, start, end), pos in t.added_affiliations:
            org = plan.org_ids.get(org_key) if org_key else None
            affiliations.append((t.id, org, unit, title, role, current, start, end, pos))
    bulk_insert(ContactCard, ["contact", *_CARD_FIELDS, "rev"], cards)
    bulk_insert(
        Address,
        ["contact", "label", "po_box", "extended", "street", "locality", "region",
         "postal_code", "country", "position"],
        addresses,
    )  # fmt: skip
    bulk_insert(Handle, ["contact", "kind", "service", "value", "label", "position"], handles)
    bulk_insert(ContactDate, ["contact", "kind", "year", "month", "day", "text", "position"], dates)
    bulk_insert(
        Affiliation,
        ["contact", "organization", "unit", "title", "role", "is_current", "start_year",
         "end_year", "position"],
        affiliations,
    )  # fmt: skip


def _write(plan: _Plan, now: pendulum.DateTime, progress: Progress | None, total: int = 0) -> None:
    stamp = to_utc_text(now)
    cadences = settings.ring_cadences()
    zone = now.tz or pendulum.UTC
    bulk_insert(
        Organization,
        ["id", "name", "name_key", "is_target", "notes", "created_at"],
        [(oid, name, key, False, "", stamp) for key, (oid, name) in plan.new_orgs.items()],
    )
    bulk_insert(Tag, ["id", "name"], [(tid, name) for name, tid in plan.new_tags.items()])

    def org_id(t: _Target) -> int | None:
        return None if t.org_key is None else plan.org_ids[t.org_key]

    tag_ids = dict(Tag.select(Tag.name, Tag.id).tuples()) if plan.targets else {}
    contacts, methods, links = [], [], []
    pings: dict[tuple[str, int], str] = {}
    org_ids = plan.org_ids
    for t in plan.created:
        contacts.append(
            (t.id, t.name, t.name_key, t.title, None if t.org_key is None else org_ids[t.org_key],
             t.location, t.linkedin, t.ring, t.channel, t.how_met, t.details, t.notes,
             t.cadence_days, t.strength, _search_text(t), stamp, stamp,
             _next_ping(t, cadences, zone, pings), t.connected_at, t.uid)
        )  # fmt: skip
        for kind, values in t.methods.items():
            if values:
                methods += [(t.id, kind, v, k, label, pos) for v, k, label, pos in values]
        if t.tags:
            links += [(t.id, tag_ids[name]) for name in t.tags]
    step = 5000
    for start in range(0, len(contacts), step):
        bulk_insert(Contact, list(_CONTACT_COLUMNS), contacts[start : start + step])
        if progress is not None and total:
            progress(total + total * (start + step) // (len(contacts) + 1), 2 * total)
    updates = []
    for t in plan.targets.values():
        if t.new or not t.dirty:
            continue
        methods.extend((t.id, kind, v, k, label, pos) for kind, v, k, label, pos in t.added_methods)
        links.extend((t.id, tag_ids[name]) for name in t.added_tags)
        updates.append(
            (t.title, org_id(t), t.location, t.linkedin, t.channel, t.how_met, t.details,
             t.notes, t.cadence_days, t.strength, t.connected_at, t.uid, _search_text(t),
             _next_ping(t, cadences, zone), stamp, t.id)
        )  # fmt: skip
    bulk_insert(
        ContactMethod, ["contact", "kind", "value", "value_key", "label", "position"], methods
    )
    bulk_insert(ContactTag, ["contact", "tag"], links)
    if updates:
        fields = Contact._meta.fields
        sets = ", ".join(f'"{fields[c].column_name}" = {database.param}' for c in _UPDATE_COLUMNS)
        sql = f'UPDATE "{Contact._meta.table_name}" SET {sets} WHERE "id" = {database.param}'
        execute_many(sql, updates)
    _write_cards(plan)
    fix_sequences([Organization, Tag, Contact])
    if progress is not None and total:
        progress(2 * total, 2 * total)
