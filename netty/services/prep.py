"""The prep sheet: "give before you get", built from what is recorded.

``build_prep_sheet(contact_id, now)`` returns plain sections, in the order a
30-minute coffee goes: who they are and what to remember (a birthday or anniversary
within ``birthdays.SOON_DAYS`` days first: "Turns 40 on Friday"), the follow-ups I set
(with the note each came from), their needs, what I
can give (promises first, then people to introduce, then what I gave before),
questions to ask, my one specific ask, what they owe me, the give/ask balance,
and the agenda. The pane, the full-screen view and ``netty prep --markdown`` are
thin renderers of the same ``PrepSheet``. A section with nothing to say is left
out, or says so in one line; a heading is never empty.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pendulum
from peewee import JOIN

from netty.dates import ago, date_in, due_words, plural
from netty.db.models import Contact, ContactTag, Organization, Tag, database
from netty.db.vocab import CHANNELS, INTERACTION_KINDS, RINGS, fold
from netty.services.birthdays import soon_words
from netty.services.reminders import NUDGE_DAYS, NUDGE_WORDING, quoted
from netty.services.timeline import contact_detail
from netty.services.views import ContactDetail

QUESTIONS = (
    "What two things or people do you need in the next 30-60 days?",
    "What are the two biggest problems you face right now?",
    "Who could help you solve them?",
)
RECENT_DAYS = 30
MATCH_LIMIT = 5
STOPWORDS = frozenset(
    " ".join(
        (
            "a an the and or but for with without to of in on at by from into about as is are",
            "be who whom someone somebody anyone people person persons need needs needed help",
            "helping looking find finding new next more some any good great best our their his",
            "her my me them they we you your get getting intro intros introduction",
            "introductions introduce connect contact contacts who's i'd would could should",
            "can will just also like via per over under month months week weeks year years",
            "day days time soon asap quick quickly one two three senior junior staff",
            "principal chief experienced know knows knew known knowing knowledge helps helped",
            "someone's somebody's anybody anybody's everyone everybody thing things way ways",
            "want wants wanted willing able really very much many lot lots it its this that",
            "these those which what where when how was were has have had do does did can't",
            "simple simpler clear clearer long-term short-term other another own she he her him",
            "us use using make making work working warm",
        )
    ).split()
)
PROBLEM_WORDS = ("problem", "challenge", "struggl", "issue", "pain", "blocker", "stuck")
HELP_WORDS = ("could help", "can help", "who to talk", "introduce", "connect them")


@dataclass(frozen=True)
class Section:
    """A heading and its lines; a section with no lines is never shown.

    Lines are whole: never cut (the side pane may shorten them for display).
    ``overdue`` holds the indexes of lines about something overdue, to mark them.
    """

    title: str
    lines: tuple[str, ...]
    overdue: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PrepSheet:
    contact_id: int
    name: str
    headline: str  # "VP Engineering at XYZ Corp · ring 2 (colleagues & neighbours)"
    sections: tuple[Section, ...]

    def section(self, title: str) -> Section | None:
        return next((s for s in self.sections if s.title == title), None)


@dataclass(frozen=True)
class Match:
    """Someone I could introduce them to: for which of their needs, and why."""

    contact_id: int
    name: str
    reason: str  # "Motion Designer, Alder Street Collective; title has “motion”, “designer”"
    score: float
    need: str = ""  # the need this person serves, as recorded


def build_prep_sheet(contact_id: int, now: pendulum.DateTime) -> PrepSheet:
    """The whole sheet for one contact."""
    detail = contact_detail(contact_id)
    c = detail.contact
    work = " at ".join(x for x in (c.title, c.organization) if x)
    headline = " · ".join(x for x in (work, f"ring {c.ring} ({RINGS[c.ring]})") if x)
    open_needs = [n for n in detail.needs if n.status == "open"]
    matches = match_people([n.text for n in open_needs], exclude=contact_id)
    give, late = _give(detail, matches, now)
    sections = [
        Section("Who", tuple(_who(detail, now))),
        Section("Remember", tuple(_remember(detail, now))),
        Section("Follow-ups", tuple(_follow_ups(detail, now))),
        Section("Their needs", tuple(_needs(detail, now))),
        Section("What I can give", tuple(give), frozenset(late)),
        Section("Questions to ask", tuple(_questions(detail, now))),
        Section("My ask", tuple(_my_ask(detail, now))),
        Section("What they owe me", tuple(_they_owe(detail, now))),
        Section("Balance", tuple(_balance(detail, now))),
        Section("Agenda for a 30-minute coffee", tuple(_agenda(detail, matches))),
    ]
    return PrepSheet(c.id, c.name, headline, tuple(s for s in sections if s.lines))


# ------------------------------------------------------------------ sections


def _who(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    c = d.contact
    lines = []
    met = " — ".join(x for x in (CHANNELS.get(c.channel or "", ""), c.how_met) if x)
    if met:
        lines.append(f"Met: {met}")
    if c.introduced_by:
        lines.append(f"Introduced by {c.introduced_by.name}")
    if c.strength is not None:
        lines.append(f"Strength {c.strength}/5")
    if c.tags:
        lines.append("Tags: " + ", ".join(f"#{t}" for t in c.tags))
    if c.emails:
        lines.append("Email: " + ", ".join(c.emails))
    if c.phones:
        lines.append("Phone: " + ", ".join(c.phones))
    if c.linkedin:
        lines.append(f"LinkedIn: {c.linkedin}")
    if d.interactions:
        first = d.interactions[-1].occurred_at.in_tz(now.timezone or "UTC")
        count = len(d.interactions)
        lines.append(
            f"Last contact {ago(c.last_interaction_at, now)}; "
            f"{plural(count, 'interaction')} since {first.format('MMM YYYY')}"
        )
    else:
        lines.append("No interactions logged yet")
    return lines


def _remember(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    lines = []
    for value in (d.contact.birthday, d.contact.anniversary):  # only when near: SOON_DAYS
        near = soon_words(value, now) if value is not None else None
        if near:
            lines.append(f"{near[0].upper()}{near[1:]}")  # "Turns 40 on Friday (in 4 days)"
    lines += [line.strip() for line in d.contact.details.splitlines() if line.strip()]
    for i in d.interactions[:3]:
        summary = " ".join(i.summary.split())
        lines.append(
            f"{date_in(i.occurred_at, now, 'prep')} {INTERACTION_KINDS[i.kind]}: {summary}".rstrip(
                ": "
            )
        )
    return lines


def _follow_ups(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    """Open follow-ups and reminders, soonest first, each with the note it came from."""
    tz = now.timezone or "UTC"
    lines = []
    for r in d.reminders:
        if r.done_at is not None:
            continue
        when = r.due_at.in_tz(tz).format("D MMM")
        late = " (overdue)" if r.due_at <= now else ""
        lines.append(f"{when}{late}: {r.text} ({r.origin(tz)})")
    return lines


def _needs(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    today = now.date()
    lines = []
    for n in d.needs:
        if n.status != "open":
            continue
        by = date_in(n.horizon, now, "prep") if n.horizon else ""
        if n.horizon and n.horizon < today:
            lines.append(f"{n.text} (by {by}: passed; ask whether this is still open)")
        else:
            lines.append(n.text + (f" (by {by})" if n.horizon else ""))
    if not lines:
        lines.append("No open needs recorded: ask the first question below.")
    return lines


def _give(
    d: ContactDetail, matches: list[Match], now: pendulum.DateTime
) -> tuple[list[str], set[int]]:
    """The lines, and the indexes of promises I owe that are overdue."""
    lines, late = [], set()
    today = now.date()
    for p in d.promises:
        if p.direction == "i_owe" and p.status == "open":
            if p.due and p.due < today:
                late.add(len(lines))
                days = plural((today - p.due).days, "day")
                when = f" (OVERDUE: due {date_in(p.due, now, 'prep')}, {days} late)"
            elif p.due:
                when = f" (due {date_in(p.due, now, 'prep')}, {due_words(p.due, now)})"
            else:
                when = ""
            lines.append(f"Deliver first: {p.text}{when}")
    for m in matches:
        lines.append(f"Introduce {m.name} for “{m.need}”: {m.reason}")
    for g in d.gives[:3]:
        to = f" to {g.introduced_to.name}" if g.introduced_to else ""
        lines.append(f"Gave before ({g.kind}{to}, {ago(g.given_at, now)}): {g.text}")
    if not lines:
        lines.append("Nothing recorded yet: listen for a need you can meet.")
    return lines, late


def _questions(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    recent = now.subtract(days=RECENT_DAYS)
    recent_text = " ".join(fold(i.summary) for i in d.interactions if i.occurred_at >= recent)
    answered = [
        any(n.created_at >= recent for n in d.needs),
        any(word in recent_text for word in PROBLEM_WORDS),
        any(word in recent_text for word in HELP_WORDS),
    ]
    return [q for q, done in zip(QUESTIONS, answered, strict=True) if not done]


def _my_ask(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    """The one specific ask: the pending ones, else one drawn from the best warm
    route through this person (``paths.best_route_through``), which says to give
    first when I owe them or have asked more than given."""
    lines = []
    pending = [a for a in d.asks if a.status == "pending"]
    gives, asks = len(d.gives), len(d.asks)
    if asks > gives:
        lines.append(
            f"You have asked {_times(asks)} and given {_times(gives)}: offer something first."
        )
    if pending:
        asks_shown = []
        for ask in pending:
            if ask.target_contact or ask.target_org:
                target = " at ".join(
                    x
                    for x in (
                        (ask.target_contact.name if ask.target_contact else None),
                        ask.target_org,
                    )
                    if x
                )
                asks_shown.append(f"{ask.text} ({target})")
            else:
                example = _suggestions(d)
                shape = example[0] if example else "an email intro to NAME at ORG"
                asks_shown.append(f"{ask.text}: vague. Make it specific, like “{shape}”.")
        lines[:0] = asks_shown
    else:
        from netty.services.paths import best_route_through

        suggestions = _suggestions(d)
        route = None if _at_target(d) else best_route_through(d.contact.id, now)
        if route is not None:
            lines.insert(0, f"No ask pending. {route.ask}")
        elif suggestions:
            lines.insert(0, f"No ask pending. Suggested: {suggestions[0]}.")
        else:
            lines.insert(
                0,
                "No ask pending. Decide one specific thing before you go: "
                "an email intro to a person at one of your target organizations.",
            )
    return lines


def _at_target(d: ContactDetail) -> bool:
    """Whether the contact's current organization is one of my targets."""
    org = d.contact.organization
    if not org:
        return False
    return (
        Organization.select()
        .where((Organization.name_key == fold(org)) & (Organization.is_target == True))  # noqa: E712
        .exists()
    )


def _suggestions(d: ContactDetail) -> list[str]:
    """Specific asks from my target organizations where this person has links."""
    c = d.contact
    out = []
    targets = {
        name_key: name
        for name_key, name in Organization.select(Organization.name_key, Organization.name)
        .where(Organization.is_target)
        .tuples()
    }
    if not targets:
        return out
    if c.organization and fold(c.organization) in targets:
        out.append(f"an email intro to the hiring manager for my kind of role at {c.organization}")
    rows = (
        Contact.select(Contact.name, Organization.name)
        .join(Organization)
        .where(
            (Contact.introduced_by == c.id) & Contact.archived_at.is_null() & Organization.is_target
        )
        .tuples()
    )
    for name, org in rows:
        out.append(f"a warm re-introduction to {name} at {org}")
    return out


def _they_owe(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    """What they promised me; a nudge is proposed only once it is due (the reminder
    engine's schedule: 3, 7 and 14 days after the due date, or after the promise
    was made when it has no date), and never after the last one."""
    first = d.contact.name.split()[0] if d.contact.name.split() else d.contact.name
    today = now.date()
    lines = []
    for p in d.promises:
        if p.direction != "they_owe" or p.status != "open":
            continue
        due = f", due {date_in(p.due, now, 'prep')}" if p.due else ""
        if p.nudges_sent >= len(NUDGE_DAYS):
            lines.append(
                f"{p.text}{due}. Nudged {p.nudges_sent} times: let it go or ask in person."
            )
            continue
        base = p.due or p.created_at.in_tz(now.tz or "UTC").date()
        nudge_day = base.add(days=NUDGE_DAYS[p.nudges_sent])
        if nudge_day > today:
            lines.append(
                f"{p.text}{due}. No nudge yet; if it has not come, nudge from {date_in(nudge_day, now, 'prep')}."
            )
            continue
        wording = NUDGE_WORDING[p.nudges_sent]
        lines.append(f"{p.text}{due}. Gently: {wording.format(first=first, what=quoted(p.text))}")
    return lines


def _balance(d: ContactDetail, now: pendulum.DateTime) -> list[str]:
    if not d.gives and not d.asks:
        return []
    pending = sum(1 for a in d.asks if a.status == "pending")
    line = f"Given {len(d.gives)} · asked {len(d.asks)}" + (
        f" ({pending} pending)" if pending else ""
    )
    lines = [line]
    if d.gives:
        last = d.gives[0]
        lines.append(f"Last give {ago(last.given_at, now)}: {last.text}")
    return lines


def _agenda(d: ContactDetail, matches: list[Match]) -> list[str]:
    owe = [p.text for p in d.promises if p.direction == "i_owe" and p.status == "open"]
    if owe:
        give = f"deliver {quoted(owe[0])}"
    elif matches:
        give = f"offer an intro to {matches[0].name}"
    else:
        give = "offer a person to meet, a resource or a strategy"
    pending = [a for a in d.asks if a.status == "pending"]
    ask = pending[0].text.rstrip(".?!") if pending else "one specific ask (see above)"
    return [
        "0-20 min: their world. Ask the questions, listen, note their needs.",
        f"20-25 min: what I can give: {give}.",
        f"25-30 min: my ask: {ask}.",
        "After: thank them within a day, deliver what you promised by its date, log it (w).",
    ]


# ------------------------------------------------------------------ matching needs to people
#
# Judged on tests/data/need_matches.json (precision of the top 3; see
# tests/services/need_eval.py). The rules, each from a mistake seen there:
# - words match whole words, stemmed ("designers" ~ "designer", never "know" in
#   "knowledge"); stop words ("know", "help", "someone") never match;
# - a word counts by how rare it is in the network (idf): "health" in 35 contacts says
#   little, "photographer" in one says a lot; a suggestion needs enough of that weight,
#   and at least half the best suggestion's, so a weak tail is not shown;
# - "who knows X", "with experience in X": X is the requirement; someone who only
#   matches the rest ("a contractor who knows Epic" -> a general contractor) is not
#   suggested;
# - "A photographer for the second location's opening": what is needed comes before
#   "for", "to", "in" ...; a suggestion must match at least half of it (by weight;
#   a word nobody in the network has counts fully), and the purpose counts half.

MIN_SCORE = 0.73  # about one rare word in a title or tags, or two in the notes
TAIL = 0.5  # a suggestion scores at least this share of the best one
COVER = 0.4  # share of what is needed (and of a requirement) a suggestion must match
_BOUNDARY = frozenset(
    [
        "for",
        "to",
        "in",
        "into",
        "on",
        "at",
        "after",
        "before",
        "from",
        "about",
        "so",
        "because",
        "if",
        "who",
        "that",
        "which",
        "with",
        "by",
        "starting",
        "willing",
        "while",
        "during",
    ]
)
# Words that name the kind of help, not the thing needed: "referrals for a designer".
_REQUEST = frozenset(
    [
        "referral",
        "recommend",
        "advic",
        "feedback",
        "name",
        "idea",
        "tip",
        "suggest",
        "pointer",
        "lead",
        "contact",
    ]
)
_REQUIREMENT = re.compile(
    r"\b(?:who|that|which)\s+(?:knows?|has|have|understands?|can|speaks?|does|worked)\b"
    r"|\b(?:with|has|having)\s+(?:experience|expertise|background)\s+(?:in|with|of)\b"
    r"|\bfamiliar\s+with\b|\bexperienced\s+(?:in|with)\b"
)
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")


@lru_cache(maxsize=1)
def _stemmer():
    """Snowball's English stemmer, imported on first use: importing snowballstemmer
    loads all of its 30 languages (about 20 ms), which a prep sheet without needs
    to match never uses (issue 16)."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    """Stems of the stop words too, so "knowing" or "helps" never slip through by stemming."""
    return frozenset(_stemmer().stemWords(sorted(STOPWORDS)))


@lru_cache(maxsize=1)
def _request_stems() -> frozenset[str]:
    return frozenset(_stemmer().stemWords(sorted(_REQUEST))) | _REQUEST


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def _words(text: str) -> list[tuple[str, str]]:
    """(stem, word) for each word of ``text`` worth matching: folded, no stop words."""
    out = []
    for word in _WORD.findall(fold(text).replace("'s ", " ")):
        if len(word) < 2 or word in STOPWORDS or word.isdigit():
            continue
        stem = _stem(word)
        if stem in _stop_stems():
            continue
        out.append((stem, word))
    return out


def need_words(text: str) -> list[str]:
    """The words of a need worth matching: folded, stemmed, no stop words, each once."""
    return list(dict.fromkeys(stem for stem, _word in _words(text)))


def match_people(needs: list[str], *, exclude: int, limit: int = MATCH_LIMIT) -> list[Match]:
    """People I could introduce for these needs, best first; each names its need and why.

    Scored per need: each need word found as a whole (stemmed) word in a contact's
    title or tags counts 2, organization 1.5, notes and personal details 1, times how
    rare the word is in the network. See the rules above; ties go to closer rings and
    stronger relationships, since an intro from me carries more there. A contact is
    suggested once, for the need it serves best. ``exclude`` (the contact the sheet is
    for) and their colleagues are never suggested.
    """
    best: dict[int, Match] = {}
    order: dict[int, tuple] = {}
    for need in needs:
        for key, match in _match_one(need, exclude):
            if match.contact_id not in best or key > order[match.contact_id]:
                best[match.contact_id], order[match.contact_id] = match, key
    ranked = sorted(best, key=lambda cid: order[cid], reverse=True)
    return [best[cid] for cid in ranked[:limit]]


def _match_one(need: str, exclude: int) -> list[tuple[tuple, Match]]:
    """Suggestions for one need, as (sort key, Match), best first."""
    found = _REQUIREMENT.search(fold(need))
    words = _words(need)
    required = {stem for stem, _w in _words(fold(need)[found.end() :])} if found else set()
    stems = list(dict.fromkeys(stem for stem, _w in words))
    if not stems:
        return []
    head = _head(need) or set(stems)
    shown_word = {}
    for stem, word in words:
        shown_word.setdefault(stem, word)
    total = database.execute_sql(
        "SELECT COUNT(*) FROM contact WHERE archived_at IS NULL"
    ).fetchone()[0]
    hits: Counter[int] = Counter()
    idf: dict[str, float] = {}
    for stem in stems:
        # One pass over the table; active contacts kept here, in the order SQLite's
        # (archived_at, next_ping_at) index gave them (ties in most_common below keep
        # it). Asked in SQL, ``archived_at IS NULL`` made SQLite walk that index and
        # fetch every contact's row out of order: 150 ms a word at 50,000 contacts.
        found = database.execute_sql(
            "SELECT id, next_ping_at, archived_at FROM contact "
            "WHERE search_text LIKE ? ESCAPE '\\'",
            ("%" + stem.replace("%", "\\%").replace("_", "\\_") + "%",),
        )
        ids = [cid for _at, cid in sorted((at, cid) for cid, at, gone in found if gone is None)]
        # How rare the word is, from 0 (everyone) to 1 (one person), whatever the size.
        idf[stem] = math.log((total + 1) / (len(ids) + 1)) / math.log(total + 2) if ids else 0.0
        for cid in ids:
            if cid != exclude:
                hits[cid] += 1
    colleagues = {
        cid
        for (cid,) in database.execute_sql(
            "SELECT c.id FROM contact c JOIN contact me ON me.organization_id = c.organization_id "
            "WHERE me.id = ?",
            (exclude,),
        )
    }
    candidates = [cid for cid, _n in hits.most_common(200) if cid not in colleagues]
    if not candidates:
        return []
    rows = (
        Contact.select(
            Contact.id,
            Contact.name,
            Contact.title,
            Contact.notes,
            Contact.details,
            Contact.ring,
            Contact.strength,
            Organization.name,
        )
        .join(Organization, JOIN.LEFT_OUTER)
        .where(Contact.id.in_(candidates))
        .tuples()
    )
    tags: dict[int, list[str]] = {}
    for cid, name in (
        ContactTag.select(ContactTag.contact, Tag.name)
        .join(Tag)
        .where(ContactTag.contact.in_(candidates))
        .tuples()
    ):
        tags.setdefault(cid, []).append(name)
    scored = []
    for cid, name, title, notes, details, ring, strength, org in rows:
        fields = (
            ("title", _stems_of(title or ""), 2.0),
            ("tags", _stems_of(" ".join(tags.get(cid, []))), 2.0),
            ("organization", _stems_of(org or ""), 1.5),
            ("notes", _stems_of(f"{notes} {details}"), 1.0),
        )
        score, why = 0.0, {}
        for stem in stems:
            for label, present, weight in fields:
                if stem in present:
                    score += weight * idf[stem] * (1.0 if stem in head else 0.5)
                    why.setdefault(label, []).append(shown_word[stem])
                    break
        matched = {stem for stem in stems if any(stem in f[1] for f in fields)}
        if not _covers(matched, head, idf) or not _covers(matched, required, idf):
            continue
        if score < MIN_SCORE:
            continue
        shown = ", ".join(x for x in (title, org) if x)
        because = "; ".join(
            f"{label} has " + ", ".join(f"“{w}”" for w in found_words)
            for label, found_words in why.items()
        )
        reason = f"{shown + '; ' if shown else ''}{because}"
        match = Match(cid, name, reason, round(score, 2), need)
        scored.append(((score, -ring, strength or 0, -cid), match))
    scored.sort(key=lambda t: t[0], reverse=True)
    if not scored:
        return []
    floor = TAIL * scored[0][0][0]
    return [(key, m) for key, m in scored if key[0] >= floor]


def _head(need: str) -> set[str]:
    """The stems of what is needed: the first phrase before "for", "to", "who" ... that
    names a thing (not only "referrals" or "feedback")."""
    head: set[str] = set()
    for word in _WORD.findall(fold(need).replace("'s ", " ")):
        if word in _BOUNDARY:
            if head - _request_stems():
                break
            continue
        if len(word) < 2 or word in STOPWORDS or word.isdigit():
            continue
        stem = _stem(word)
        if stem not in _stop_stems():
            head.add(stem)
    return head - _request_stems()


def _covers(matched: set[str], wanted: set[str], idf: dict[str, float]) -> bool:
    """True when ``matched`` holds at least COVER of ``wanted``'s weight (a word nobody
    in the network has weighs as much as the rarest)."""
    if not wanted:
        return True
    weight = {stem: idf.get(stem) or 1.0 for stem in wanted}
    return sum(weight[s] for s in wanted & matched) >= COVER * sum(weight.values())


@lru_cache(maxsize=4096)
def _stems_of(text: str) -> frozenset[str]:
    """The stems of every word in a contact's field (stop words kept: never asked for)."""
    return frozenset(_stem(word) for word in _WORD.findall(fold(text)))


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def to_markdown(sheet: PrepSheet) -> str:
    """The sheet as Markdown for a phone or a printer."""
    out = [f"# {sheet.name}", "", sheet.headline, ""]
    for section in sheet.sections:
        out.append(f"## {section.title}")
        out.append("")
        out.extend(f"- {line}" for line in section.lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
