"""Warm paths: who I know who can get me to a target organization or person.

``routes_to(target, now)`` answers "who do I know at XYZ Corp, or who do I know
who knows someone there?" from what is recorded, ranked best first, each route
with its reason in words and the specific ask it makes possible (seed 001: "I see
you know Sally Jones at XYZ, one of my target employers; I'd appreciate an email
introduction"). With no route it says where to position myself instead.

The graph
=========

- **Me to a contact.** A contact is someone *I know* when I have logged an
  interaction with them, am connected to them (``connected_at``, a LinkedIn
  connection), rated them (strength 1-5) or placed them in ring 1 or 2. A contact
  with none of these (say Sally, added by ``knows: Sally Jones @XYZ Corp``) is on
  file to be reached, not a way in: routes never start with, pass through or end
  at a second-hand person I could reach myself.
- **Contact to contact** (mutual), three sources:
  ``knows`` rows (:mod:`netty.services.knows`), with their ``how``;
  ``introduced_by`` (whoever introduced me to C knows C: ``introduced``);
  shared organizations in overlapping years: ``Contact.organization`` (current,
  running to this year) and ``Affiliation`` rows (``start_year``..``end_year``;
  a current one runs to this year, an unknown start reaches back indefinitely; a
  past one with neither year is left out: no way to tell when). Both current:
  ``colleague``; otherwise ``former colleague``. Non-overlapping years: no link.
- **There.** For an organization: its contacts whose current organization it is
  (``Contact.organization``, or a current ``Affiliation``). For a person: them.

Routes and their score
======================

A route is 1 step (someone I know is there), 2 steps (someone I know knows
someone there) or 3 (through one more person); never more. Each person I know
gives at most one route (their best). The score, between 0 and 1, multiplies:

- my link to the first person: their strength / 5 when rated, else by ring
  (1: 0.8, 2: 0.6, 3: 0.35), times recency of contact (``last_interaction_at``
  within 90 days 1.0, within a year 0.8, older 0.6, never 0.5);
- each further link's weight by how (``netty.db.vocab.KNOWS_HOW``, best of the
  links a pair has);
- 0.75 for each step after the first;
- 0.5 when I should **give first**: I owe the first person an open promise, or
  have asked of them more often than I have given (including only asked).

Routes rank by score (ties: fewer steps, then name); the reason says which of
these it weighed.

How it is searched (measured with ``tests/benchmark_paths.py`` at 50,000
contacts and 200,000 links): reading every ``knows`` row into an in-memory graph
costs 0.7 s before the first search, so each answer walks the links level by
level with indexed ``IN`` queries from the people there, as a recursive CTE
would (11 ms for the bare reach set) but in portable peewee expressions that also
take in introductions and overlapping years, and only through people I don't
know myself (no route passes through them). The whole answer takes about 35 ms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pendulum
from peewee import JOIN, Case, fn

from netty.dates import ago, plural
from netty.db.models import Affiliation, Ask, Contact, Event, Give, Knows, Organization, Promise
from netty.db.vocab import CHANNELS, KNOWS_HOW, fold
from netty.errors import InvalidInput, NotFound
from netty.services.text import clean_line

MAX_STEPS = 3
ROUTE_LIMIT = 10
STEP_FACTOR = 0.75
GIVE_FIRST_FACTOR = 0.5
RING_WEIGHT = {1: 0.8, 2: 0.6, 3: 0.35}
RECENT_DAYS, YEAR_DAYS = 90, 365
_CHUNK = 900  # ids per IN (...) list: under every engine's parameter limit

# What the seeds say about channels a person has no reach through yet (seeds 000-002).
CHANNEL_ADVICE = {
    "professional-association": "a professional association's events admit guests",
    "civic-club": "a civic club meeting can be attended as a guest",
    "non-profit": "volunteering for a non-profit puts you beside its board and donors",
    "business-event": "business events (chamber mixers, meetups) are open to anyone",
}


@dataclass(frozen=True)
class Target:
    """What a route leads to: an organization or a person (a contact)."""

    kind: str  # "organization" | "person"
    id: int
    name: str
    organization: str = ""  # a person's current organization
    is_target: bool = False  # the organization (or the person's) is marked a target

    @property
    def label(self) -> str:
        """``XYZ Corp`` or ``Sally Jones at XYZ Corp``."""
        if self.kind == "person" and self.organization:
            return f"{self.name} at {self.organization}"
        return self.name


@dataclass(frozen=True)
class Hop:
    """One person on a route, and how they know the person before them."""

    contact_id: int
    name: str
    organization: str
    how: str = ""  # "" for the first person (me to them)
    detail: str = ""  # "at Acme, 2018-2020" for colleagues

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


@dataclass(frozen=True)
class Route:
    """A ranked way in: ``hops[0]`` is someone I know, ``hops[-1]`` is there."""

    hops: tuple[Hop, ...]
    score: float
    give_first: str  # "" or why to give first ("you owe Lena “the deck”")
    reason: str  # the whole reason in words
    ask: str  # the specific ask this route makes possible

    @property
    def steps(self) -> int:
        return len(self.hops)

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": self.steps,
            "score": round(self.score, 3),
            "people": [
                {
                    "id": h.contact_id,
                    "name": h.name,
                    "organization": h.organization,
                    "how": h.how or None,
                    "detail": h.detail or None,
                }
                for h in self.hops
            ],
            "give_first": self.give_first or None,
            "reason": self.reason,
            "ask": self.ask,
        }


@dataclass(frozen=True)
class Paths:
    """The answer for one target: routes best first, or advice when there are none."""

    target: Target
    routes: tuple[Route, ...]
    advice: tuple[str, ...] = ()  # where to position myself (only when no route)

    def to_json(self) -> dict[str, Any]:
        return {
            "target": {
                "kind": self.target.kind,
                "id": self.target.id,
                "name": self.target.name,
                "organization": self.target.organization or None,
                "is_target": self.target.is_target,
            },
            "routes": [r.to_json() for r in self.routes],
            "advice": list(self.advice),
        }

    def lines(self) -> list[str]:
        """The answer as plain lines (the CLI's text output and the app's view)."""
        t = self.target
        head = f"Warm paths to {t.label}" + (", a target" if t.is_target else "")
        out = [head]
        if not self.routes:
            out.extend(f"  {line}" for line in self.advice)
            return out
        for number, route in enumerate(self.routes, 1):
            chain = " → ".join(["you", *(h.name for h in route.hops)])
            out.append(
                f"{number}. {chain}  ({plural(route.steps, 'step')}, score {route.score:.2f})"
            )
            out.append(f"   {route.reason}")
            out.append(f"   {route.ask}")
        return out


# ------------------------------------------------------------------ targets


def resolve_target(text: str) -> Target:
    """The organization or contact ``text`` names.

    An organization's name (case and accents ignored) wins, then a unique part of
    one; else a contact as ``resolve_contact`` finds them (``#12``, a name or part
    of one). Raises InvalidInput (blank), NotFound, or Ambiguous (several contacts).
    """
    from netty.services.contacts import resolve_contact

    raw = clean_line(text or "")
    if not raw:
        raise InvalidInput("name a target: an organization or a person")
    key = fold(raw)
    if not raw.startswith("#"):
        org = Organization.get_or_none(Organization.name_key == key)
        if org is None:
            some = list(Organization.select().where(Organization.name_key.contains(key)).limit(2))
            org = some[0] if len(some) == 1 else None
        if org is not None:
            return Target("organization", org.id, org.name, org.name, bool(org.is_target))
    try:
        cid = resolve_contact(raw)
    except NotFound:
        raise NotFound(
            f"no organization or contact matches {raw!r}; see `netty list --search`"
        ) from None
    return person_target(cid)


def person_target(contact_id: int) -> Target:
    """A contact as a target."""
    row = (
        Contact.select(Contact.id, Contact.name, Organization.name, Organization.is_target)
        .join(Organization, JOIN.LEFT_OUTER)
        .where(Contact.id == contact_id)
        .tuples()
        .first()
    )
    if row is None:
        raise NotFound(f"no contact #{contact_id}")
    cid, name, org, is_target = row
    return Target("person", cid, name, org or "", bool(is_target))


def as_target(target: Any) -> Target:
    """A ``Target`` from one, from text (``resolve_target``), or from any object with
    ``kind`` ("organization" / "person") and ``id`` (``netty.services.targets.Target``)."""
    if isinstance(target, Target):
        return target
    if isinstance(target, str):
        return resolve_target(target)
    kind, ident = getattr(target, "kind", None), getattr(target, "id", None)
    if kind == "organization" and isinstance(ident, int):
        return organization_target(ident)
    if kind == "person" and isinstance(ident, int):
        return person_target(ident)
    raise InvalidInput(f"not a target: {target!r}")


def organization_target(org_id: int) -> Target:
    """An organization (by id) as a target."""
    org = Organization.get_or_none(Organization.id == org_id)
    if org is None:
        raise NotFound(f"no organization #{org_id}")
    return Target("organization", org.id, org.name, org.name, bool(org.is_target))


# ------------------------------------------------------------------ the graph


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


@dataclass
class _Person:
    id: int
    name: str
    organization: str
    ring: int
    strength: int | None
    recency: float  # 1.0 in touch within 90 days, 0.8 within a year, 0.6 older, 0.5 never
    known: bool  # someone I know myself


@dataclass
class _Graph:
    """Links found so far: node -> {other: (weight, how, detail)}, best link per pair."""

    year: int
    links: dict[int, dict[int, tuple[float, str, str]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    expanded: set[int] = field(default_factory=set)

    def add(self, x: int, y: int, how: str, detail: str = "") -> None:
        if x == y:
            return
        weight = KNOWS_HOW.get(how, KNOWS_HOW["acquaintance"])
        for p, q in ((x, y), (y, x)):
            old = self.links[p].get(q)
            if old is None or old[0] < weight:
                self.links[p][q] = (weight, how, detail)

    def expand(self, nodes: set[int]) -> None:
        """Load every link of ``nodes`` (each node once)."""
        todo = nodes - self.expanded
        if not todo:
            return
        self.expanded |= todo
        for chunk in _chunks(todo):
            for a, b, how in (
                Knows.select(Knows.a, Knows.b, Knows.how).where(Knows.a.in_(chunk)).tuples()
            ):
                self.add(a, b, how)
            for a, b, how in (
                Knows.select(Knows.a, Knows.b, Knows.how).where(Knows.b.in_(chunk)).tuples()
            ):
                self.add(a, b, how)
            for cid, by in (
                Contact.select(Contact.id, Contact.introduced_by)
                .where(Contact.introduced_by.in_(chunk))
                .tuples()
            ):
                self.add(cid, by, "introduced")
            for cid, by in (
                Contact.select(Contact.id, Contact.introduced_by)
                .where(Contact.id.in_(chunk) & Contact.introduced_by.is_null(False))
                .tuples()
            ):
                self.add(cid, by, "introduced")
        self._colleagues(todo)

    def _colleagues(self, nodes: set[int]) -> None:
        mine = _memberships(contacts=nodes, year=self.year)
        orgs = {org for spans in mine.values() for org, *_ in spans}
        if not orgs:
            return
        everyone = _memberships(orgs=orgs, year=self.year)
        names = dict(
            Organization.select(Organization.id, Organization.name)
            .where(Organization.id.in_(list(orgs)))
            .tuples()
        )
        by_org: dict[int, list[tuple[int, int, int, bool]]] = defaultdict(list)
        for cid, spans in everyone.items():
            for org, start, end, current in spans:
                by_org[org].append((cid, start, end, current))
        for x, spans in mine.items():
            for org, start, end, current in spans:
                for y, s2, e2, cur2 in by_org[org]:
                    low, high = max(start, s2), min(end, e2)
                    if y == x or low > high:
                        continue
                    both = current and cur2
                    how = "colleague" if both else "former colleague"
                    detail = f"at {names.get(org, '?')}" + (
                        "" if both else f", {_years(low, high, self.year)}"
                    )
                    self.add(x, y, how, detail)


_NO_START = 1900


def _years(low: int, high: int, year: int) -> str:
    if low <= _NO_START:
        return f"until {high}" if high < year else "to this day"
    if low == high:
        return str(low)
    return f"{low}–{high}" if high < year else f"{low} to this day"


def _memberships(
    *, year: int, contacts: set[int] | None = None, orgs: set[int] | None = None
) -> dict[int, list[tuple[int, int, int, bool]]]:
    """contact -> [(org, first year, last year, current)] for the given contacts or orgs.

    Unknown start years are 1900; current memberships run to ``year``; a past one
    with one year known spans just that year; with none, it is left out.
    """
    out: dict[int, list[tuple[int, int, int, bool]]] = defaultdict(list)
    ids = contacts if contacts is not None else orgs
    assert ids is not None
    for chunk in _chunks(ids):
        where = Contact.id.in_(chunk) if contacts is not None else Contact.organization.in_(chunk)
        rows = (
            Contact.select(Contact.id, Contact.organization)
            .where(where & Contact.organization.is_null(False))
            .tuples()
        )
        for cid, org in rows:
            out[cid].append((org, _NO_START, year, True))
        where = (
            Affiliation.contact.in_(chunk)
            if contacts is not None
            else Affiliation.organization.in_(chunk)
        )
        rows = (
            Affiliation.select(
                Affiliation.contact,
                Affiliation.organization,
                Affiliation.start_year,
                Affiliation.end_year,
                Affiliation.is_current,
            )
            .where(where & Affiliation.organization.is_null(False))
            .tuples()
        )
        for cid, org, start, end, current in rows:
            if current:
                # a current affiliation's start year says more than the bare
                # current organization: it replaces that open-ended span
                spans = out[cid]
                spans[:] = [s for s in spans if not (s[0] == org and s[1] == _NO_START and s[3])]
                out[cid].append((org, start or _NO_START, year, True))
            elif start or end:
                out[cid].append((org, start or end, end or start, False))
    return out


def _people(ids: set[int], now: pendulum.DateTime) -> dict[int, _Person]:
    """The active contacts among ``ids`` with what the score needs.

    Recency is bucketed in SQL against bounds computed here, so thousands of
    candidates cost no timestamp parsing.
    """
    last = Contact.last_interaction_at
    recency = Case(
        None,
        [
            (last.is_null(), 0.5),
            (last >= now.subtract(days=RECENT_DAYS), 1.0),
            (last >= now.subtract(days=YEAR_DAYS), 0.8),
        ],
        0.6,
    )
    out = {}
    for chunk in _chunks(ids):
        rows = (
            Contact.select(
                Contact.id,
                Contact.name,
                Organization.name,
                Contact.ring,
                Contact.strength,
                recency,
                Contact.connected_at.is_null(False),
            )
            .join(Organization, JOIN.LEFT_OUTER)
            .where(Contact.id.in_(chunk) & Contact.archived_at.is_null())
            .tuples()
        )
        for cid, name, org, ring, strength, seen, connected in rows:
            seen = float(seen)
            known = seen > 0.5 or bool(connected) or (strength or 0) >= 1 or ring <= 2
            out[cid] = _Person(cid, name, org or "", ring, strength, seen, known)
    return out


def _there(target: Target) -> set[int]:
    """Who is at the target now (archived people included: ``_people`` drops them).

    No ``archived_at`` test here or in ``_memberships``: with it, SQLite picks the
    ``archived_at`` index and reads every active contact (50,000 rows).
    """
    if target.kind == "person":
        return {target.id}
    ids = set(Contact.select(Contact.id).where(Contact.organization == target.id).tuples())
    ids |= set(
        Affiliation.select(Affiliation.contact)
        .where((Affiliation.organization == target.id) & (Affiliation.is_current == True))  # noqa: E712
        .tuples()
    )
    return {i[0] if isinstance(i, tuple) else i for i in ids}


# ------------------------------------------------------------------ scoring


@dataclass(frozen=True)
class Standing:
    """My standing with one contact: what the first link of a route weighs."""

    weight: float
    give_first: str  # "" or why I should give before asking


def _standings(people: dict[int, _Person]) -> dict[int, Standing]:
    """The weight of my link to each of ``people`` (see the module docstring).

    The ledger is read whole, grouped by contact, rather than with the candidates'
    ids: it holds the few people I gave to, asked of or owe, while the
    candidates can be thousands.
    """
    gives: dict[int, int] = dict(
        Give.select(Give.contact, fn.COUNT(Give.id)).group_by(Give.contact).tuples()
    )
    asks: dict[int, int] = dict(
        Ask.select(Ask.contact, fn.COUNT(Ask.id)).group_by(Ask.contact).tuples()
    )
    owed: dict[int, str] = {}
    for cid, text in (
        Promise.select(Promise.contact, Promise.text)
        .where((Promise.direction == "i_owe") & (Promise.status == "open"))
        .order_by(Promise.id)
        .tuples()
    ):
        owed.setdefault(cid, text)
    out = {}
    for cid, p in people.items():
        rated = p.strength is not None
        base = max(p.strength, 0.5) / 5 if rated else RING_WEIGHT.get(p.ring, 0.35)
        first = p.name.split()[0] if p.name.split() else p.name
        g, a = gives.get(cid, 0), asks.get(cid, 0)
        why = ""
        if cid in owed:
            why = f"you owe {first} “{owed[cid]}”"
        elif a > g:
            why = (
                f"you have only asked of {first} ({plural(a, 'ask')}, no gives)"
                if g == 0
                else f"you have asked {first} {_times(a)} and given {_times(g)}"
            )
        weight = base * p.recency * (GIVE_FIRST_FACTOR if why else 1.0)
        out[cid] = Standing(weight, why)
    return out


def _words(
    people: dict[int, _Person], ids: Iterable[int], now: pendulum.DateTime
) -> dict[int, str]:
    """How I stand with each of ``ids`` in words: ``ring 1, strength 4, in touch 5 days ago``."""
    ids = list(ids)
    last = (
        dict(
            Contact.select(Contact.id, Contact.last_interaction_at)
            .where(Contact.id.in_(ids))
            .tuples()
        )
        if ids
        else {}
    )
    out = {}
    for cid in ids:
        p = people[cid]
        words = [f"ring {p.ring}"]
        if p.strength is not None:
            words.append(f"strength {p.strength}")
        seen = last.get(cid)
        words.append("never in touch" if seen is None else f"in touch {ago(seen, now)}")
        out[cid] = ", ".join(words)
    return out


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


# ------------------------------------------------------------------ the search


def routes_to(
    target: Any,
    now: pendulum.DateTime,
    *,
    limit: int = ROUTE_LIMIT,
    through: int | None = None,
) -> Paths:
    """Ranked warm routes to ``target`` (a ``Target`` or the text ``resolve_target`` reads).

    ``through`` keeps only the route that starts with that contact (the prep
    sheet's ask). Routes are at most ``MAX_STEPS`` (3) people long. With no
    route, ``advice`` says where to position myself; never empty. Reads only.
    """
    target = as_target(target)
    graph = _Graph(year=now.year)
    there = _there(target)
    people = _people(there, now)
    known = {cid for cid, p in people.items() if p.known}
    # Routes never pass through or end at someone I know myself (the shorter
    # route through them is there), so only the ends and middles I don't know
    # are expanded: the search stays small however many people I know.
    ends = {e for e in there if e in people and e not in known}
    graph.expand(ends)
    level1 = {n for e in ends for n in graph.links.get(e, {})} - there
    people.update(_people(level1 - set(people), now))
    known = {cid for cid, p in people.items() if p.known}
    starts = known if through is None else known & {through}
    # reach1[m]: m's best link to someone there whom I don't know myself
    reach1: dict[int, tuple[float, int]] = {}
    for m in level1:
        if m not in people:
            continue
        for e, (w, _how, _detail) in graph.links.get(m, {}).items():
            if e in ends and (m not in reach1 or reach1[m][0] < w):
                reach1[m] = (w, e)
    middles = {m for m in reach1 if m not in known}
    graph.expand(middles)
    level2 = {n for m in middles for n in graph.links.get(m, {})} - there - middles
    people.update(_people(level2 - set(people), now))
    known = {cid for cid, p in people.items() if p.known}
    starts = known if through is None else known & {through}
    # reach2[n]: n's best chain of two links, through someone I don't know
    reach2: dict[int, tuple[float, int]] = {}
    for m in middles:
        for n, (w, _how, _detail) in graph.links.get(m, {}).items():
            if n in starts and n not in there:
                score = w * reach1[m][0]
                if n not in reach2 or reach2[n][0] < score:
                    reach2[n] = (score, m)
    candidates = (starts & there) | (starts & set(reach1)) | set(reach2)
    stands = _standings({c: people[c] for c in candidates})
    scored = []
    for a in candidates:
        options = []
        if a in there:
            options.append((stands[a].weight, [a]))
        elif a in reach1:
            w, e = reach1[a]
            options.append((stands[a].weight * w * STEP_FACTOR, [a, e]))
        if a in reach2 and a not in there:
            w, m = reach2[a]
            options.append((stands[a].weight * w * STEP_FACTOR**2, [a, m, reach1[m][1]]))
        score, chain = max(options, key=lambda o: (o[0], -len(o[1])))
        scored.append((-score, len(chain), fold(people[a].name), a, chain))
    scored.sort()
    top = scored[:limit]
    words = _words(people, [a for *_rest, a, _chain in top], now)
    routes = tuple(
        _route(chain, -neg, stands[a], words[a], people, graph, target)
        for neg, _n, _name, a, chain in top
    )
    advice = () if routes or through is not None else tuple(_advice(target, people, there))
    return Paths(target, routes, advice)


def best_route_through(contact_id: int, now: pendulum.DateTime) -> Route | None:
    """The best route to any target organization that starts with ``contact_id``.

    For the prep sheet's ask: someone ``contact_id`` knows (2 steps from me) or
    someone one further (3 steps) whose current organization is a target, and
    whom I don't know myself. Their own organization doesn't count (meeting
    them is already the 1-step route). None when there is no such route. Reads only.
    """
    graph = _Graph(year=now.year)
    graph.expand({contact_id})
    level1 = set(graph.links.get(contact_id, {}))
    people = _people({contact_id} | level1, now)
    if contact_id not in people:
        return None
    # only people I don't know lie further along a route: expand just them, and
    # look up only those of the next level who are at a target
    middles = {m for m in level1 if m in people and not people[m].known}
    graph.expand(middles)
    level2 = {n for m in middles for n in graph.links.get(m, {})} - level1 - {contact_id}
    at = _at_targets(middles | level2)
    people.update(_people({n for n in level2 if n in at}, now))
    own = set(Contact.select(Contact.organization).where(Contact.id == contact_id).tuples()) | set(
        Affiliation.select(Affiliation.organization)
        .where((Affiliation.contact == contact_id) & (Affiliation.is_current == True))  # noqa: E712
        .tuples()
    )
    own_orgs = {o for (o,) in own if o is not None}
    known = {cid for cid, p in people.items() if p.known}
    best: tuple[float, list[int], int] | None = None
    links = graph.links
    for m in middles:
        for org in at.get(m, set()) - own_orgs:
            score = links[contact_id][m][0]
            if best is None or score > best[0]:
                best = (score, [contact_id, m], org)
        for e, (w, _how, _detail) in links.get(m, {}).items():
            if e in level1 or e == contact_id or e not in people or e in known:
                continue
            for org in at.get(e, set()) - own_orgs - at.get(m, set()):
                score = links[contact_id][m][0] * w * STEP_FACTOR
                if best is None or score > best[0]:
                    best = (score, [contact_id, m, e], org)
    if best is None:
        return None
    score, chain, org = best
    mine = _standings({contact_id: people[contact_id]})[contact_id]
    target = organization_target(org)
    words = _words(people, [contact_id], now)[contact_id]
    return _route(chain, mine.weight * score * STEP_FACTOR, mine, words, people, graph, target)


def _at_targets(ids: set[int]) -> dict[int, set[int]]:
    """contact -> the target organizations they are at now (current org or affiliation)."""
    out: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(ids):
        for cid, org in (
            Contact.select(Contact.id, Contact.organization)
            .join(Organization, on=(Contact.organization == Organization.id))
            .where(Contact.id.in_(chunk) & (Organization.is_target == True))  # noqa: E712
            .tuples()
        ):
            out[cid].add(org)
        for cid, org in (
            Affiliation.select(Affiliation.contact, Affiliation.organization)
            .join(Organization, on=(Affiliation.organization == Organization.id))
            .where(
                Affiliation.contact.in_(chunk)
                & (Affiliation.is_current == True)  # noqa: E712
                & (Organization.is_target == True)  # noqa: E712
            )
            .tuples()
        ):
            out[cid].add(org)
    return out


def has_route(target: Any, now: pendulum.DateTime) -> bool:
    """Whether any warm route (at most three steps) leads to ``target``.

    ``target`` is a ``Target``, a ``netty.services.targets.Target`` (anything with
    ``kind`` "organization"/"person" and ``id``), or text naming an organization or
    a contact (see ``resolve_target``, which raises NotFound/Ambiguous/InvalidInput).
    Reads only.
    For the strategy page's "targets with and without a route".
    """
    return bool(routes_to(target, now, limit=1).routes)


def _route(
    chain: list[int],
    score: float,
    mine: Standing,
    words: str,
    people: dict[int, _Person],
    graph: _Graph,
    target: Target,
) -> Route:
    hops = []
    for i, cid in enumerate(chain):
        p = people[cid]
        how, detail = "", ""
        if i:
            _w, how, detail = graph.links[chain[i - 1]][cid]
        hops.append(Hop(cid, p.name, p.organization, how, detail))
    first, last = hops[0], hops[-1]
    end = _at(last, target)
    suffix = ", a target" if target.is_target else ""
    if len(hops) == 1:
        if target.kind == "person":
            reason = f"You know {end} yourself ({words})."
            ask = f"Ask {first.first_name} directly: you are already in touch."
        else:
            reason = f"You know {end} ({words})."
            ask = (
                f"Ask {first.first_name} for an email intro to the hiring manager "
                f"for your kind of role at {target.name}{suffix}."
            )
    else:
        links = []
        for hop in hops[1:]:
            linked = _at(hop, target) if hop is last else hop.name
            links.append(f"{linked} ({_link_words(hop)})")
        reason = f"{first.name} knows {links[0]}"
        if len(links) == 2:
            reason += f", who knows {links[1]}"
        reason += f". You and {first.first_name}: {words}."
        if len(hops) == 2:
            ask = f"Ask {first.first_name} for an email intro to {end}{suffix}."
        else:
            ask = (
                f"Ask {first.first_name} for an email intro to {hops[1].name}, "
                f"who knows {end}{suffix}."
            )
    if mine.give_first:
        reason += f" Give first: {mine.give_first}."
        ask = f"Give first: {mine.give_first}; then {ask[0].lower()}{ask[1:]}"
    return Route(tuple(hops), score, mine.give_first, reason, ask)


def _at(hop: Hop, target: Target) -> str:
    org = target.name if target.kind == "organization" else hop.organization
    return f"{hop.name} at {org}" if org else hop.name


def _link_words(hop: Hop) -> str:
    return f"{hop.how} {hop.detail}" if hop.detail else hop.how


# ------------------------------------------------------------------ no route


def _advice(target: Target, people: dict[int, _Person], there: set[int]) -> list[str]:
    """Where to position myself when no route leads to ``target``; never empty."""
    out = [f"No warm route to {target.label} within {MAX_STEPS} steps yet."]
    on_file = [people[c].name for c in sorted(there) if c in people]
    if on_file:
        out.append(
            f"On file there but not yet in touch: {', '.join(on_file[:3])}"
            + (f" and {len(on_file) - 3} more" if len(on_file) > 3 else "")
            + "; reach out, or find who knows them."
        )
    org_id = target.id if target.kind == "organization" else None
    if target.kind == "person":
        org_id = Contact.select(Contact.organization).where(Contact.id == target.id).scalar()
    similar = [
        o
        for (o,) in Organization.select(Organization.id)
        .where((Organization.is_target == True) & (Organization.id != (org_id or 0)))  # noqa: E712
        .tuples()
    ]
    channels: list[tuple[str, int]] = []
    events: list[tuple[str, int]] = []
    if similar:
        # archived people are counted out in the SELECT, not the WHERE (see _there)
        active = fn.SUM(Case(None, [(Contact.archived_at.is_null(), 1)], 0))
        channels = [
            (channel, n)
            for channel, n in Contact.select(Contact.channel, active)
            .where(Contact.organization.in_(similar) & Contact.channel.is_null(False))
            .group_by(Contact.channel)
            .order_by(active.desc(), Contact.channel)
            .tuples()
            if n
        ][:3]
        events = [
            (name, n)
            for name, n in Contact.select(Event.name, active)
            .join(Event, on=(Contact.met_at_event == Event.id))
            .where(Contact.organization.in_(similar))
            .group_by(Event.id, Event.name)
            .order_by(active.desc(), Event.name)
            .tuples()
            if n
        ][:3]
    if channels:
        said = ", ".join(f"{CHANNELS.get(c, c)} ({n})" for c, n in channels)
        out.append(f"People at your other targets came through: {said}; go there.")
    if events:
        said = ", ".join(f"{name} ({plural(n, 'person', 'people')})" for name, n in events)
        out.append(f"Events that brought people at similar organizations: {said}.")
    if not channels and not events:
        tips = "; ".join(CHANNEL_ADVICE.values())
        out.append(f"Position yourself where people like them gather: {tips}.")
    out.append(
        "Record who knows someone there: `netty knows A B`, or `knows: NAME @ORG` in a note."
    )
    return out
