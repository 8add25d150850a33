"""Possible duplicate contacts, and merging two contacts into one without losing anything.

``find_duplicates()`` groups active contacts that are probably the same person:

- the same name (ignoring case and accents), wherever they work;
- close names (rapidfuzz ``token_sort_ratio`` >= ``SAME_ORG_SCORE``: "Jon Smith"
  and "John Smith", "Smith, John") at the same organization;
- close names (>= ``SHARED_DETAIL_SCORE``) sharing a phone number or URL;
- any two contacts sharing an email address;
- nickname forms of one first name with the same rest of the name ("Sam Lee" and
  "Samuel Lee", "Bill Ng" and "William Ng"), read from the ``nicknames`` package
  (a hand-curated, Apache-2.0 list of English given names and their nicknames).

Pairs are joined into groups (if A~B and B~C, one group A, B, C), each with the
reasons and its best score (100 = same name or shared email).

``merge_contacts(keep, other, now)`` moves everything of OTHER to KEEP:
interaction links, needs, gives (and intros to OTHER), asks (and asks about
OTHER), promises, reminders, tags, emails, phones and URLs, people OTHER
introduced; fills KEEP's empty fields from OTHER (adding OTHER's notes, details
and how-met text when KEEP lacks them). A field both fill differently keeps
KEEP's value unless the caller names it in ``take``; either way each such
conflict is reported with the value kept (``merge_conflicts`` lists them first). OTHER is
archived, not deleted, with "merged into #KEEP" in its notes; a backup of the
database is taken first, so a merge can be undone by restoring it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import pendulum
from rapidfuzz import fuzz, process

from netty.db.models import (
    Ask,
    Contact,
    ContactMethod,
    ContactTag,
    Event,
    Give,
    InteractionContact,
    Need,
    Organization,
    Promise,
    Reminder,
    database,
)
from netty.errors import InvalidInput, NotFound
from netty.services.candidates import Candidate, candidates
from netty.services.cardinfo import move_card
from netty.services.changes import change
from netty.services.contacts import next_ping, refresh_search_text
from netty.services.views import Ref

SAME_ORG_SCORE = 85
SHARED_DETAIL_SCORE = 75
NICKNAME_SCORE = 90


@dataclass(frozen=True)
class DuplicateGroup:
    """Contacts that are probably one person, why, and how sure (0-100)."""

    contacts: tuple[Ref, ...]
    reasons: tuple[str, ...]
    score: int


@dataclass(frozen=True)
class FieldConflict:
    """A field both contacts fill, differently; ``kept`` is "keep" or "other"."""

    field: str  # as the CLI's --take names it: name, organization, title, ...
    keep_value: str  # shown as text ("ring 2", "every 30 days")
    other_value: str
    kept: str = "keep"

    @property
    def kept_value(self) -> str:
        """The value the merged contact ends up with."""
        return self.other_value if self.kept == "other" else self.keep_value


@dataclass(frozen=True)
class MergeResult:
    """What a merge did: what moved, what was filled, every conflict and its winner."""

    keep: Ref
    other: Ref
    moved: dict[str, int]  # what moved to KEEP, by kind
    filled: tuple[str, ...]  # KEEP's fields filled from OTHER
    backup: str | None
    conflicts: tuple[FieldConflict, ...] = ()


# ------------------------------------------------------------------ finding


class _Groups:
    """Pairs of contacts joined into groups (union-find), with each pair's reasons and
    best score; pairs keep the order they were first made in (it orders the reasons).

    The first rule's pairs (``join_first``: everyone with one name, paired with the
    first of them) are kept implicitly, one entry per person rather than a key, a
    reason and a score per pair: at 200,000 contacts most people share a name.
    """

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.reasons: dict[tuple[int, int], tuple[str, ...]] = {}
        self.scores: dict[tuple[int, int], int] = {}
        self.first_of: dict[int, int] = {}  # the first rule's pairs: (first_of[b], b)
        self.first_rule: tuple[str, int] = ("", 0)  # its reason and score
        self.more: dict[tuple[int, int], tuple[str, ...]] = {}  # its pairs' later reasons

    def find(self, x: int) -> int:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def pair(self, a: int, b: int, reason: str, score: int) -> None:
        if a == b:
            return
        key = (a, b) if a < b else (b, a)
        if self.first_of.get(key[1]) == key[0]:  # a pair of the first rule: a new reason
            said = self.more.get(key, (self.first_rule[0],))
            if reason not in said:
                self.more[key] = (*said, reason)
        else:
            said = self.reasons.get(key, ())
            if reason not in said:
                self.reasons[key] = (*said, reason)
            self.scores[key] = max(self.scores.get(key, 0), score)
        self.parent[self.find(a)] = self.find(b)

    def join_first(self, rule: tuple[str, int], sets: Iterable[list[int]]) -> None:
        """The first rule (before any ``pair``): each set's first id paired with each
        other (ids in increasing order, no id in two sets) for ``rule`` (reason,
        score), whose score no later pair exceeds."""
        if self.reasons or self.first_of:
            raise RuntimeError("join_first is the first rule")
        self.first_rule = rule
        for ids in sets:
            if len(ids) > 1:
                self.parent.update(dict.fromkeys(ids, ids[0]))
                self.first_of.update(dict.fromkeys(ids[1:], ids[0]))

    def grouped(self) -> Iterator[tuple[list[int], tuple[str, ...], int]]:
        """Each group: its ids in order, its pairs' reasons (in the order the pairs were
        made, each once) and its best score."""
        parent, first_of = self.parent, self.first_of
        root_of: dict[int, int] = {}
        members: dict[int, list[int]] = defaultdict(list)
        for cid in parent:
            root = cid
            while root != parent[root]:
                root = parent[root]
            root_of[cid] = root
            members[root].append(cid)
        pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for key in self.reasons:
            pairs[root_of[key[0]]].append(key)
        more: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for key in sorted(self.more):  # the first rule's pairs were made in key order
            more[root_of[key[0]]].append(key)
        reason, score = self.first_rule
        for root, ids in members.items():
            if len(ids) < 2:
                continue
            ids.sort()
            keys = pairs[root]
            said: dict[str, None] = {}
            best = 0
            if any(cid in first_of for cid in ids):  # its first rule's pairs came first
                said[reason] = None
                said.update(dict.fromkeys(r for key in more[root] for r in self.more[key]))
                best = score
            said.update(dict.fromkeys(r for key in keys for r in self.reasons[key]))
            best = max(best, *map(self.scores.__getitem__, keys)) if keys else best
            yield ids, tuple(said), best


def find_duplicates() -> list[DuplicateGroup]:
    """Groups of active contacts that may be the same person, the surest first.

    Every rule looks at all the contacts it applies to, with no cut-off that
    depends on the network's size (issue 16: a larger network finds every group a
    smaller one with the same names finds): close names are compared within each
    organization, once per distinct name (people with one name score alike).

    The answer is the same on every run and engine: people are read by id, and each
    group's reasons come in the order its pairs were made.
    """
    query = (
        Contact.select(Contact.id, Contact.name, Contact.name_key, Contact.organization)
        .where(Contact.archived_at.is_null(True))
        .order_by(Contact.id)
        .tuples()
    )
    # plain driver rows: ids, text and an organization id need no conversion
    people = {cid: (name, key, org_id) for cid, name, key, org_id in database.execute(query)}
    org_names = dict(database.execute(Organization.select(Organization.id, Organization.name)))
    groups = _Groups()
    by_name: dict[str, list[int]] = defaultdict(list)
    by_org: dict[int, list[int]] = defaultdict(list)
    for cid, (_name, key, org_id) in people.items():
        by_name[key].append(cid)
        if org_id is not None:
            by_org[org_id].append(cid)
    groups.join_first(("same name", 100), by_name.values())  # ids in order: read by id
    words_sorted: dict[str, str] = {}  # token_sort_ratio is ratio on words in sorted order
    for org_id, ids in by_org.items():
        if len(ids) > 1:
            _pair_close_names(
                ids, people, words_sorted, f"similar names at {org_names[org_id]}", groups
            )
    _pair_nicknames(people, groups)
    shared: dict[tuple[str, str], list[int]] = defaultdict(list)
    for cid, kind, key in database.execute(
        ContactMethod.select(ContactMethod.contact, ContactMethod.kind, ContactMethod.value_key)
        .join(Contact)
        .where(Contact.archived_at.is_null(True))
        .tuples()
    ):
        shared[(kind, key)].append(cid)
    for (kind, key), ids in shared.items():
        ids = sorted(set(ids))
        if len(ids) < 2 or len(ids) > 50:  # a shared switchboard number is not a person
            continue
        for a_index, a in enumerate(ids):
            for b in ids[a_index + 1 :]:
                if kind == "email":
                    groups.pair(a, b, f"same email {key}", 100)
                    continue
                score = fuzz.token_sort_ratio(people[a][1], people[b][1])
                if score >= SHARED_DETAIL_SCORE:
                    groups.pair(a, b, f"similar names, same {kind} {key}", int(score))
    out = [
        DuplicateGroup(tuple(Ref(i, people[i][0]) for i in ids), reasons, best)
        for ids, reasons, best in groups.grouped()
    ]
    out.sort(key=lambda g: (-g.score, g.contacts[0].name.casefold(), g.contacts[0].id))
    return out


def _pair_close_names(
    ids: list[int],
    people: dict[int, tuple],
    words_sorted: dict[str, str],
    reason: str,
    groups: _Groups,
) -> None:
    """Pair the people ``ids`` (of one organization) whose names are close
    (token_sort_ratio >= SAME_ORG_SCORE) but not the same.

    Each distinct name is compared once with each other (people with one name score
    alike), then every pair of people with close names is made, in the order
    comparing each person with everyone after them would make it: by person, then
    by score (highest first), then by place (what ``process.extract`` returns).
    """
    keys = [people[cid][1] for cid in ids]
    places: dict[str, list[int]] = defaultdict(list)
    for place, key in enumerate(keys):
        places[key].append(place)
    names = list(places)
    if len(names) < 2:
        return
    sorted_words = [
        words_sorted.get(key) or words_sorted.setdefault(key, " ".join(sorted(key.split())))
        for key in names
    ]
    close: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for i, words in enumerate(sorted_words[:-1]):
        for _match, score, j in process.extract(
            words, sorted_words[i + 1 :], scorer=fuzz.ratio, score_cutoff=SAME_ORG_SCORE,
            limit=None,
        ):  # fmt: skip
            other = names[i + 1 + j]
            close[names[i]].append((other, score))
            close[other].append((names[i], score))
    for place, key in enumerate(keys):
        if key not in close:
            continue
        partners = sorted(
            (-score, later)
            for other, score in close[key]
            for later in places[other]
            if later > place
        )
        for negative, later in partners:
            groups.pair(ids[place], ids[later], reason, int(-negative))


@cache
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def given_name_forms(first: str) -> frozenset[str]:
    """``first`` (folded) and the full names it is a nickname of: "bill" -> {bill, william}.

    Two first names are nickname forms of one another when their forms meet
    ("sam" and "samuel" share "samuel"; "billy" and "will" share "william").
    """
    return frozenset({first, *_nicknamer().canonicals_of(first)})


def _pair_nicknames(people: dict[int, tuple], groups: _Groups) -> None:
    """Pair contacts whose first names are nickname forms and whose other words agree.

    Within one bucket (a name form and the rest of the name) everyone with the same
    first name already shares a name key, so "same name" joins them; pairing one
    person per first name with one per each other first name joins the bucket just
    as pairing everyone would, with the same reasons, in time linear in its size.
    No bucket is too big to look at, so a larger network finds every group a
    smaller one with the same names finds (issue 16).
    """
    buckets: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    forms: dict[str, list[str]] = {}  # a network has far fewer first names than people
    for cid, (_name, key, _org_id) in people.items():
        first, _, rest = key.partition(" ")
        if not rest or not first.isalpha():
            continue
        mine = forms.get(first)
        if mine is None:
            mine = forms[first] = sorted(given_name_forms(first))  # a fixed order
        for form in mine:
            buckets[(form, rest)].setdefault(first, cid)  # the first of each first name
    seen: set[tuple[int, int]] = set()
    for firsts in buckets.values():
        if len(firsts) < 2:
            continue
        reps = sorted(firsts.values())
        for i, a in enumerate(reps):
            for b in reps[i + 1 :]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                names = " / ".join(sorted({people[a][0].split()[0], people[b][0].split()[0]}))
                groups.pair(a, b, f"nickname forms ({names})", NICKNAME_SCORE)


@dataclass(frozen=True)
class Pair:
    """Two contacts that may be one person, why, and how sure (0-100)."""

    first: Candidate
    second: Candidate
    reasons: tuple[str, ...]
    score: int


def find_pairs() -> list[Pair]:
    """Every possible duplicate as pairs (a group of three is two pairs), surest first."""
    groups = find_duplicates()
    found = {c.id: c for c in candidates(r.id for g in groups for r in g.contacts)}
    pairs = []
    for group in groups:
        head, *rest = group.contacts
        for other in rest:
            if head.id in found and other.id in found:
                pairs.append(Pair(found[head.id], found[other.id], group.reasons, group.score))
    return pairs


# ------------------------------------------------------------------ merging


# Fields one value of which must win: (field as --take names it, model attribute).
MERGE_FIELDS = (
    ("name", "name"),
    ("organization", "organization_id"),
    ("title", "title"),
    ("location", "location"),
    ("ring", "ring"),
    ("channel", "channel"),
    ("cadence", "cadence_days"),
    ("strength", "strength"),
    ("met-at-event", "met_at_event_id"),
    ("introduced-by", "introduced_by_id"),
    ("connected", "connected_at"),
    ("linkedin", "linkedin"),
)
FIELD_NAMES = tuple(name for name, _attr in MERGE_FIELDS)


def _shown(attr: str, value) -> str:
    if attr == "organization_id":
        return Organization.get_by_id(value).name
    if attr == "met_at_event_id":
        event = Event.get_or_none(Event.id == value)
        return event.name if event else f"event #{value}"
    if attr == "introduced_by_id":
        person = Contact.get_or_none(Contact.id == value)
        return f"{person.name} #{value}" if person else f"#{value}"
    if attr == "ring":
        return f"ring {value}"
    if attr == "cadence_days":
        return f"every {value} days"
    if attr == "strength":
        return f"strength {value}"
    if attr == "connected_at":
        return value.to_date_string()
    return str(value)


def _conflicts(keep: Contact, other: Contact, take: frozenset[str]) -> list[FieldConflict]:
    out = []
    for name, attr in MERGE_FIELDS:
        mine, theirs = getattr(keep, attr), getattr(other, attr)
        if mine in (None, "") or theirs in (None, "") or mine == theirs:
            continue
        if attr == "introduced_by_id" and keep.id in (mine, theirs):
            continue
        out.append(
            FieldConflict(
                name,
                _shown(attr, mine),
                _shown(attr, theirs),
                "other" if name in take else "keep",
            )
        )
    return out


def merge_conflicts(keep_id: int, other_id: int) -> tuple[FieldConflict, ...]:
    """The fields both contacts fill differently (what a merge must choose between).

    Every value is text as a person reads it; ``kept`` is "keep" (the default).
    """
    keep = Contact.get_or_none(Contact.id == keep_id)
    other = Contact.get_or_none(Contact.id == other_id)
    if keep is None or other is None:
        raise NotFound(f"no contact #{keep_id if keep is None else other_id}")
    return tuple(_conflicts(keep, other, frozenset()))


def merge_contacts(
    keep_id: int,
    other_id: int,
    now: pendulum.DateTime,
    *,
    backup: bool = True,
    take: Collection[str] = (),
) -> MergeResult:
    """Move everything of ``other_id`` to ``keep_id`` and archive ``other_id``.

    Where both fill a field differently, KEEP's value stays unless the field is
    named in ``take`` (names from ``FIELD_NAMES``); every such conflict is in the
    result with the value kept, so nothing is dropped without a word. Raises
    InvalidInput for an unknown field name or a merge into itself, NotFound for
    a missing contact.
    """
    from netty.services.backup import backup_before

    if keep_id == other_id:
        raise InvalidInput("a contact can't be merged into itself; name two different contacts")
    unknown = [t for t in take if t not in FIELD_NAMES]
    if unknown:
        raise InvalidInput(
            f"unknown field {unknown[0]!r} for --take; use one of: {', '.join(FIELD_NAMES)}"
        )
    take = frozenset(take)
    for cid in (keep_id, other_id):
        if not Contact.select().where(Contact.id == cid).exists():
            raise NotFound(f"no contact #{cid}")
    backup_path = backup_before("merge", now) if backup else None
    with change("merged two contacts", now, kind="merge") as ch:
        keep = Contact.get_by_id(keep_id)
        other = Contact.get_by_id(other_id)
        ch.label = f"merged {other.name} (#{other_id}) into {keep.name} (#{keep_id})"
        conflicts = _conflicts(keep, other, take)
        # OTHER's LinkedIn profile moves with its URL; the column is unique.
        linkedin = other.linkedin
        if linkedin is not None:
            Contact.update(linkedin=None).where(Contact.id == other_id).execute()
        for conflict in conflicts:
            if conflict.kept == "other":
                attr = dict(MERGE_FIELDS)[conflict.field]
                setattr(keep, attr, linkedin if attr == "linkedin" else getattr(other, attr))
                if attr == "name":
                    keep.name_key = other.name_key
        moved = _move_records(keep_id, other_id)
        moved.update(_move_methods_and_tags(keep, other))
        moved.update(move_card(keep_id, other_id))
        filled = _fill(keep, other)
        if other.uid and keep.uid is None:  # the column is unique: OTHER gives it up first
            Contact.update(uid=None).where(Contact.id == other_id).execute()
            keep.uid = other.uid
            filled.append("uid")
        if linkedin is not None and keep.linkedin is None:
            keep.linkedin = linkedin
            filled.append("linkedin")
        if other.last_interaction_at is not None and (
            keep.last_interaction_at is None or other.last_interaction_at > keep.last_interaction_at
        ):
            keep.last_interaction_at = other.last_interaction_at
        keep.updated_at = now
        keep.next_ping_at = next_ping(keep, now)
        keep.save()
        stamp = now.in_tz("UTC").format("YYYY-MM-DD")
        note = f"merged into #{keep_id} {keep.name} on {stamp}"
        Contact.update(
            notes=f"{other.notes}\n\n{note}" if other.notes else note,
            archived_at=other.archived_at or now,
            updated_at=now,
        ).where(Contact.id == other_id).execute()
        refresh_search_text([keep_id, other_id])
    return MergeResult(
        keep=Ref(keep_id, keep.name),
        other=Ref(other_id, other.name),
        moved={k: v for k, v in moved.items() if v},
        filled=tuple(filled),
        backup=str(backup_path) if backup_path else None,
        conflicts=tuple(conflicts),
    )


def _move_records(keep_id: int, other_id: int) -> dict[str, int]:
    moved: dict[str, int] = {}
    already = InteractionContact.select(InteractionContact.interaction).where(
        InteractionContact.contact == keep_id
    )
    moved["interactions"] = (
        InteractionContact.update(contact=keep_id)
        .where(
            (InteractionContact.contact == other_id)
            & InteractionContact.interaction.not_in(already)
        )
        .execute()
    )
    # Interactions both took part in already list KEEP; OTHER's second link is redundant.
    InteractionContact.delete().where(InteractionContact.contact == other_id).execute()
    for name, model in (
        ("needs", Need),
        ("gives", Give),
        ("asks", Ask),
        ("promises", Promise),
        ("reminders", Reminder),
    ):
        moved[name] = model.update(contact=keep_id).where(model.contact == other_id).execute()
    moved["intros"] = (
        Give.update(introduced_to=keep_id).where(Give.introduced_to == other_id).execute()
    )
    moved["asks about"] = (
        Ask.update(target_contact=keep_id).where(Ask.target_contact == other_id).execute()
    )
    moved["introduced"] = (
        Contact.update(introduced_by=keep_id)
        .where((Contact.introduced_by == other_id) & (Contact.id != keep_id))
        .execute()
    )
    from netty.services.knows import move_knows

    moved["people they know"] = move_knows(keep_id, other_id)
    return moved


def _move_methods_and_tags(keep: Contact, other: Contact) -> dict[str, int]:
    have = {
        (kind, key): position
        for kind, key, position in ContactMethod.select(
            ContactMethod.kind, ContactMethod.value_key, ContactMethod.position
        )
        .where(ContactMethod.contact == keep.id)
        .tuples()
    }
    next_position: dict[str, int] = defaultdict(int)
    for (kind, _key), position in have.items():
        next_position[kind] = max(next_position[kind], position + 1)
    moved = 0
    for method in (
        ContactMethod.select()
        .where(ContactMethod.contact == other.id)
        .order_by(ContactMethod.kind, ContactMethod.position, ContactMethod.id)
    ):
        if (method.kind, method.value_key) in have:
            method.delete_instance()  # KEEP has the same address already
            continue
        method.contact = keep.id
        method.position = next_position[method.kind]
        next_position[method.kind] += 1
        method.save()
        have[(method.kind, method.value_key)] = method.position
        moved += 1
    mine = {
        t
        for (t,) in ContactTag.select(ContactTag.tag).where(ContactTag.contact == keep.id).tuples()
    }
    theirs = [
        t
        for (t,) in ContactTag.select(ContactTag.tag).where(ContactTag.contact == other.id).tuples()
    ]
    new_tags = [t for t in theirs if t not in mine]
    ContactTag.delete().where(ContactTag.contact == other.id).execute()
    if new_tags:
        ContactTag.insert_many([{"contact": keep.id, "tag": t} for t in new_tags]).execute()
    tags = len(new_tags)
    return {"emails, phones and urls": moved, "tags": tags}


def _fill(keep: Contact, other: Contact) -> list[str]:
    filled = []
    for name in ("title", "organization_id", "location", "channel", "met_at_event_id",
                 "cadence_days", "strength", "connected_at"):  # fmt: skip
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))
            filled.append(name.removesuffix("_id"))
    if keep.introduced_by_id == other.id:  # introduced by the person they turned out to be
        keep.introduced_by = None
    if keep.introduced_by_id is None and other.introduced_by_id not in (None, keep.id):
        keep.introduced_by = other.introduced_by_id
        filled.append("introduced_by")
    for name in ("how_met", "details", "notes"):
        mine, theirs = getattr(keep, name), getattr(other, name)
        if theirs and theirs not in mine:
            setattr(keep, name, f"{mine}\n\n{theirs}" if mine else theirs)
            filled.append(name)
    return filled
