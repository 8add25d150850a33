"""The strategy page: when networking is not working, a gap analysis and a SWOT.

Seed 002 ("When Networking's Not Working"): "Do a quick gap analysis by answering
these four questions: Where are you now? Where would you like to be? What is your
gap? How do you fill the gap? Next, determine your strengths, weaknesses,
opportunities, and threats."

The answers are the person's own text, kept in the journaled setting ``strategy``
(``{"now": "...", "want": "...", ...}``), so each edit is a change ``u`` undoes.
Beside them ``strategy_page`` puts numbers from the data: people per ring,
interactions per week over the last 8 local weeks, gives vs asks, targets, and the
channels that reach nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum
from peewee import fn

from netty.dates import plural
from netty.db.models import Ask, Contact, Give
from netty.db.vocab import RINGS, slug
from netty.errors import InvalidInput
from netty.services import settings
from netty.services.changes import change
from netty.services.channels import ChannelsReport, channel_reach
from netty.services.goals import interactions_per_week
from netty.services.targets import Target, targets
from netty.services.text import MAX_TEXT_CHARS, check_length, clean_block

STRATEGY_KEY = "strategy"

#: The eight questions, in the order of the page: key -> (heading, the question).
FIELDS: dict[str, tuple[str, str]] = {
    "now": ("Where am I now?", "what I do now and what it brings"),
    "want": ("Where would I like to be?", "the role, the client, the people"),
    "gap": ("What is my gap?", "between the two"),
    "fill": ("How do I fill the gap?", "what I will do, where, with whom"),
    "strengths": ("Strengths", "e.g. relationships with past co-workers"),
    "weaknesses": ("Weaknesses", "e.g. shy; don't know a lot of people"),
    "opportunities": ("Opportunities", "e.g. job fairs, networking events"),
    "threats": ("Threats", "e.g. no one is hiring"),
}
ALIASES = {
    "where-am-i-now": "now",
    "where-now": "now",
    "want-to-be": "want",
    "where-would-i-like-to-be": "want",
    "the-gap": "gap",
    "how": "fill",
    "fill-the-gap": "fill",
    "how-do-i-fill-the-gap": "fill",
    "s": "strengths",
    "strength": "strengths",
    "w": "weaknesses",
    "weakness": "weaknesses",
    "o": "opportunities",
    "opportunity": "opportunities",
    "t": "threats",
    "threat": "threats",
}
RECENT_DAYS = 90


def parse_field(text: str) -> str:
    """A field key from what a person typed ("now", "fill", "S", "weakness");
    InvalidInput naming the fields for anything else."""
    key = slug(text or "")
    key = ALIASES.get(key, key)
    if key not in FIELDS:
        raise InvalidInput(f"unknown strategy field {text!r}; use one of: {', '.join(FIELDS)}")
    return key


def texts() -> dict[str, str]:
    """Every field's text ("" when not written), in page order."""
    stored = settings.get(STRATEGY_KEY, {}) or {}
    return {k: str(stored.get(k) or "") for k in FIELDS}


def set_fields(values: dict[str, str], now: pendulum.DateTime) -> list[str]:
    """Write several fields as one change; returns the keys that changed (none: nothing
    written). Text is kept as typed (newlines too), up to 100,000 characters each."""
    cleaned = {}
    for key, text in values.items():
        field = parse_field(key)
        check_length(text, MAX_TEXT_CHARS, FIELDS[field][0])
        cleaned[field] = clean_block(text)
    current = texts()
    changed = [k for k in FIELDS if k in cleaned and cleaned[k] != current[k]]
    if not changed:
        return []
    what = FIELDS[changed[0]][0].rstrip("?") if len(changed) == 1 else f"{len(changed)} fields"
    with change(f"wrote the strategy: {what.lower()}", now, kind="strategy"):
        current.update({k: cleaned[k] for k in changed})
        settings.put(STRATEGY_KEY, {k: v for k, v in current.items() if v}, now)
    return changed


def set_field(field: str, text: str, now: pendulum.DateTime) -> bool:
    """Write one field (an empty text clears it); True when it changed."""
    return bool(set_fields({field: text}, now))


@dataclass(frozen=True)
class StrategyNumbers:
    """What the data says, beside the text.

    ``rings`` maps 1..3 to active contacts; ``weeks`` is (Monday, interactions) for the
    last 8 local weeks, this one last; gives and asks all time and in the last 90
    days; ``routes`` is (with, without) a warm route (``netty.services.paths``).
    """

    rings: dict[int, int]
    weeks: tuple[tuple[pendulum.Date, int], ...]
    gives: int
    asks: int
    gives_recent: int
    asks_recent: int
    target_orgs: int
    target_people: int
    routes: tuple[int, int] | None
    no_reach: tuple[str, ...]

    @property
    def per_week(self) -> float:
        """Mean interactions per week over the finished weeks (this one left out)."""
        done = [n for _, n in self.weeks[:-1]]
        return sum(done) / len(done) if done else 0.0

    def lines(self) -> list[tuple[str, str]]:
        """The numbers as (label, value) lines, for the page and the Markdown."""
        ring_text = ", ".join(f"{self.rings[r]} in ring {r}" for r in RINGS)
        week_text = " ".join(str(n) for _, n in self.weeks)
        targets_text = f"{plural(self.target_orgs, 'organization')}, {plural(self.target_people, 'person', 'people')}"
        if self.routes is not None:
            targets_text += f"; {self.routes[0]} with a warm route, {self.routes[1]} without"
        return [
            ("people", ring_text),
            ("interactions a week", f"{week_text} (last 8 weeks; {self.per_week:.1f} a week)"),
            (
                "gives vs asks",
                f"{plural(self.gives, 'give')}, {plural(self.asks, 'ask')}"
                f" ({self.gives_recent} vs {self.asks_recent} in the last {RECENT_DAYS} days)",
            ),
            ("targets", targets_text),
            ("channels with no reach", ", ".join(self.no_reach) or "none"),
        ]

    def to_json(self) -> dict:
        return {
            "rings": {str(k): v for k, v in self.rings.items()},
            "interactions_per_week": [
                {"week": day.isoformat(), "count": n} for day, n in self.weeks
            ],
            "gives": self.gives,
            "asks": self.asks,
            "gives_90d": self.gives_recent,
            "asks_90d": self.asks_recent,
            "targets": {
                "organizations": self.target_orgs,
                "people": self.target_people,
                "with_route": None if self.routes is None else self.routes[0],
                "without_route": None if self.routes is None else self.routes[1],
            },
            "channels_with_no_reach": list(self.no_reach),
        }


@dataclass(frozen=True)
class StrategyPage:
    """The whole page: the texts (key -> text), the numbers, the targets and the channels."""

    texts: dict[str, str]
    numbers: StrategyNumbers
    targets: tuple[Target, ...]
    channels: ChannelsReport

    def to_json(self) -> dict:
        return {
            "fields": [
                {"field": k, "heading": FIELDS[k][0], "text": v} for k, v in self.texts.items()
            ],
            "numbers": self.numbers.to_json(),
            "targets": [t.to_json() for t in self.targets],
            "channels": self.channels.to_json(),
        }


def _routes(found: list[Target], now: pendulum.DateTime) -> tuple[int, int]:
    """(with, without) a warm route to each target, from the warm-path search."""
    from netty.services.paths import has_route

    with_route = sum(1 for t in found if has_route(t, now))
    return with_route, len(found) - with_route


def strategy_page(now: pendulum.DateTime) -> StrategyPage:
    """The strategy page at ``now``: texts as written, numbers from the data."""
    rings = {r: 0 for r in RINGS}
    rings.update(
        Contact.select(Contact.ring, fn.COUNT(Contact.id))
        .where(Contact.archived_at.is_null())
        .group_by(Contact.ring)
        .tuples()
    )
    since = now.subtract(days=RECENT_DAYS)
    found = targets()
    report = channel_reach(now)
    numbers = StrategyNumbers(
        rings=rings,
        weeks=tuple(interactions_per_week(now)),
        gives=Give.select().count(),
        asks=Ask.select().count(),
        gives_recent=Give.select().where(Give.given_at >= since).count(),
        asks_recent=Ask.select().where(Ask.asked_at >= since).count(),
        target_orgs=sum(1 for t in found if t.kind == "organization"),
        target_people=sum(1 for t in found if t.kind == "person"),
        routes=_routes(found, now),
        no_reach=tuple(c.label for c in report.no_reach),
    )
    return StrategyPage(texts(), numbers, tuple(found), report)


def markdown(page: StrategyPage) -> str:
    """The page as Markdown: the numbers, the gap analysis, the SWOT, targets, channels."""
    out = ["# Strategy", "", "## The numbers", ""]
    out += [f"- **{label}**: {value}" for label, value in page.numbers.lines()]
    for title, keys in (
        ("Gap analysis", ("now", "want", "gap", "fill")),
        ("SWOT", ("strengths", "weaknesses", "opportunities", "threats")),
    ):
        out += ["", f"## {title}"]
        for key in keys:
            heading, hint = FIELDS[key]
            text = (
                page.texts[key] or f"_(not written yet: {hint}; `netty strategy set {key} TEXT`)_"
            )
            out += ["", f"### {heading}", "", text]
    out += ["", "## Targets", ""]
    if not page.targets:
        out.append("_(none yet: `netty target ORG` or `netty target --person NAME`)_")
    for t in page.targets:
        why = f": {t.note}" if t.note else ""
        out.append(f"- {t.name} ({t.kind}; {t.detail}){why}" if t.detail else f"- {t.name}{why}")
    no_reach = page.channels.no_reach
    if no_reach:
        out += ["", "## Channels with no reach", ""]
        out += [f"- **{c.label}**: “{c.advice}” (seed {c.source})" for c in no_reach]
    return "\n".join(out) + "\n"
