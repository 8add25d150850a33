"""The monthly review, and the relationship strength the data suggests.

``monthly_review(month, now)`` answers, for one calendar month in the user's zone:
what happened (the month's figures beside the month before), who I helped, who
helped me and whether I thanked them, which rings grew, and what to do next month.

``suggest_strength(contact_id, now)`` reads recency, frequency and reciprocity and
suggests a strength from 0 to 5, shown beside the one the user set, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pendulum
from peewee import fn

from netty.dates import plural
from netty.db.fields import from_utc_text, to_utc_text
from netty.db.models import (
    Ask,
    Contact,
    Give,
    Interaction,
    InteractionContact,
    Need,
    Promise,
)
from netty.db.vocab import RINGS
from netty.errors import InvalidInput, NotFound
from netty.services.progress import Figures, stats

HELPED_LIMIT = 20
TODO_LIMIT = 5


@dataclass(frozen=True)
class Helped:
    """One person and what passed between us in the month (texts newest first)."""

    contact_id: int
    name: str
    what: tuple[str, ...]
    thanked: bool | None = None  # for help received: a thank-you logged since; None for gives


@dataclass(frozen=True)
class Review:
    """One month looked back on; ``month`` is 'YYYY-MM', figures as in ``progress``."""

    month: str
    figures: Figures
    before: Figures
    i_helped: tuple[Helped, ...]
    helped_me: tuple[Helped, ...]
    rings_grew: tuple[tuple[int, int], ...]  # (ring, new people), rings that grew
    next_month: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """JSON-ready form of the review."""
        return {
            "month": self.month,
            "figures": self.figures.to_json(),
            "month_before": self.before.to_json(),
            "i_helped": [
                {"id": h.contact_id, "name": h.name, "what": h.what} for h in self.i_helped
            ],
            "helped_me": [
                {"id": h.contact_id, "name": h.name, "what": h.what, "thanked": h.thanked}
                for h in self.helped_me
            ],
            "rings_grew": {str(r): n for r, n in self.rings_grew},
            "next_month": list(self.next_month),
        }


def parse_month(text: str | None, now: pendulum.DateTime) -> pendulum.DateTime:
    """'YYYY-MM' (default: the month holding ``now``) as its first local midnight.

    Raises InvalidInput for anything else, or a month after now's.
    """
    zone = now.tz or pendulum.UTC
    if not text:
        return now.in_tz(zone).start_of("month")
    parts = text.strip().split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise InvalidInput(f"--month takes YYYY-MM, e.g. 2026-11, not {text!r}")
    year, month = int(parts[0]), int(parts[1])
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise InvalidInput(f"--month takes YYYY-MM, e.g. 2026-11, not {text!r}")
    start = pendulum.datetime(year, month, 1, tz=zone)
    if start > now:
        raise InvalidInput(f"{text} has not happened yet")
    return start


def monthly_review(month: str | None, now: pendulum.DateTime) -> Review:
    """The review of ``month`` ('YYYY-MM', default this month) in ``now``'s zone."""
    start = parse_month(month, now)
    before_start = start.subtract(months=1)
    figures = stats(now, since=before_start, until=start, by="month")
    before, this = figures.periods[0], figures.periods[1]
    lo, hi = to_utc_text(this.start), to_utc_text(this.end)
    names: dict[int, str] = {}

    gave: dict[int, list[str]] = {}
    for cid, text in (
        Give.select(Give.contact, Give.text)
        .where((Give.given_at >= lo) & (Give.given_at < hi))
        .order_by(Give.given_at.desc())
        .tuples()
    ):
        gave.setdefault(cid, []).append(text)

    received: dict[int, list[tuple[str, str]]] = {}  # contact -> [(at, what)]
    for cid, at, text in (
        Promise.select(Promise.contact, Promise.closed_at, Promise.text)
        .where(
            (Promise.direction == "they_owe")
            & (Promise.status == "done")
            & (Promise.closed_at >= lo)
            & (Promise.closed_at < hi)
        )
        .tuples()
    ):
        received.setdefault(cid, []).append((to_utc_text(at), text))
    for cid, at, text in (
        Ask.select(Ask.contact, Ask.resolved_at, Ask.text)
        .where((Ask.status == "granted") & (Ask.resolved_at >= lo) & (Ask.resolved_at < hi))
        .tuples()
    ):
        received.setdefault(cid, []).append((to_utc_text(at), f"said yes: {text}"))
    for cid, at, text in (
        InteractionContact.select(
            InteractionContact.contact, Interaction.occurred_at, Interaction.summary
        )
        .join(Interaction)
        .where(
            (Interaction.kind == "intro")
            & (Interaction.initiated_by == "them")
            & Interaction.archived_at.is_null()
            & (Interaction.occurred_at >= lo)
            & (Interaction.occurred_at < hi)
        )
        .tuples()
    ):
        received.setdefault(cid, []).append((to_utc_text(at), text or "an intro"))

    thanked_at: dict[int, str] = {}
    if received:
        for cid, last in (
            InteractionContact.select(InteractionContact.contact, fn.MAX(Interaction.occurred_at))
            .join(Interaction)
            .where(
                (Interaction.kind == "thank-you")
                & Interaction.archived_at.is_null()
                & InteractionContact.contact.in_(list(received))
            )
            .group_by(InteractionContact.contact)
            .tuples()
        ):
            thanked_at[cid] = last if isinstance(last, str) else to_utc_text(last)

    wanted = set(gave) | set(received)
    if wanted:
        names = dict(
            Contact.select(Contact.id, Contact.name).where(Contact.id.in_(list(wanted))).tuples()
        )
    i_helped = tuple(
        Helped(cid, names.get(cid, f"#{cid}"), tuple(texts))
        for cid, texts in sorted(gave.items(), key=lambda kv: (-len(kv[1]), names.get(kv[0], "")))
    )[:HELPED_LIMIT]
    helped_me = []
    for cid, items in sorted(received.items(), key=lambda kv: names.get(kv[0], "")):
        latest = max(at for at, _ in items)
        thanked = cid in thanked_at and thanked_at[cid][:19] >= latest
        helped_me.append(
            Helped(cid, names.get(cid, f"#{cid}"), tuple(t for _, t in items), thanked)
        )
    rings_grew = tuple(
        (ring, count) for ring, count in zip(RINGS, this.new_by_ring, strict=True) if count
    )
    return Review(
        this.label,
        this,
        before,
        i_helped,
        tuple(helped_me[:HELPED_LIMIT]),
        rings_grew,
        _next_month(this, helped_me, start, now),
    )


def _next_month(
    this: Figures, helped_me: list[Helped], start: pendulum.DateTime, now: pendulum.DateTime
) -> tuple[str, ...]:
    """Up to five concrete things to do next month, from the data."""
    todo: list[str] = []
    unthanked = [h.name for h in helped_me if not h.thanked]
    if unthanked:
        todo.append("Thank " + _names(unthanked) + " for their help.")
    following = start.add(months=1)
    end = following.add(months=1)
    owed = (
        Promise.select(Promise.id)
        .where(
            (Promise.direction == "i_owe")
            & (Promise.status == "open")
            & ((Promise.due < end.date()) | Promise.due.is_null())
        )
        .count()
    )
    if owed:
        todo.append(f"Deliver the {owed} promise{'s' if owed != 1 else ''} you still owe.")
    needs = (
        Need.select(Contact.name)
        .join(Contact)
        .where(
            (Need.status == "open")
            & Contact.archived_at.is_null()
            & (Need.horizon >= now.date())
            & (Need.horizon < end.date())
        )
        .order_by(Need.horizon)
        .limit(3)
        .tuples()
    )
    needing = list(dict.fromkeys(name for (name,) in needs))
    if needing:
        todo.append(f"Help with open needs coming due: {_names(needing)}.")
    if this.gives < this.asks:
        todo.append(
            f"Give before you ask: you asked {this.asks} times and gave {this.gives}; "
            "offer an intro or a resource first."
        )
    reached_outer = this.reached_by_ring[2]
    if reached_outer < 3:
        todo.append(
            "Reach beyond your inner circle: meet three people in ring 3 "
            f"(you reached {reached_outer} this month)."
        )
    if not todo:
        todo.append("Keep the rhythm: the same again next month.")
    return tuple(todo[:TODO_LIMIT])


def _names(names: list[str]) -> str:
    if len(names) <= 3:
        return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
    return f"{', '.join(names[:3])} and {len(names) - 3} more"


# ------------------------------------------------------------------ suggested strength

RECENT_DAYS = (30, 90, 365)  # recency: within a month 2 points, a quarter 1, a year 0.5
FREQUENCY = (12, 4, 1)  # interactions in the last year: monthly 2, quarterly 1, once 0.5


@dataclass(frozen=True)
class StrengthSuggestion:
    """A strength 0-5 from the data, with the three reasons in words.

    ``score`` = recency (0-2) + frequency (0-2) + reciprocity (0-1), rounded half up;
    ``reasons`` like ("last talked 12 days ago", "8 conversations this year",
    "help goes both ways").
    """

    score: int
    reasons: tuple[str, ...]

    def describe(self) -> str:
        """'4 (last talked 12 days ago, 8 conversations this year, help goes both ways)'."""
        return f"{self.score} ({', '.join(self.reasons)})"


def suggest_strength(contact_id: int, now: pendulum.DateTime) -> StrengthSuggestion:
    """Suggest a relationship strength for one contact from its history; writes nothing.

    Recency is the newest interaction (not a note); frequency counts interactions in
    the 365 days before ``now``; reciprocity is whether help flows both ways (I gave
    to them, and they started a conversation, kept a promise or said yes to an ask).
    Raises NotFound for an unknown contact.
    """
    if not Contact.select().where(Contact.id == contact_id).exists():
        raise NotFound(f"no contact #{contact_id}")
    year_ago = to_utc_text(now.subtract(days=365))
    talks = (
        InteractionContact.select(
            fn.MAX(Interaction.occurred_at),
            fn.COUNT(Interaction.id),
        )
        .join(Interaction)
        .where(
            (InteractionContact.contact == contact_id)
            & (Interaction.kind != "note")
            & Interaction.archived_at.is_null()
        )
    )
    last, _ = talks.tuples().get()
    recent_count = talks.where(Interaction.occurred_at >= year_ago).tuples().get()[1]
    by_them = (
        InteractionContact.select()
        .join(Interaction)
        .where(
            (InteractionContact.contact == contact_id)
            & (Interaction.initiated_by == "them")
            & Interaction.archived_at.is_null()
        )
        .exists()
    )
    i_gave = Give.select().where(Give.contact == contact_id).exists()
    they_gave = (
        by_them
        or Promise.select()
        .where(
            (Promise.contact == contact_id)
            & (Promise.direction == "they_owe")
            & (Promise.status == "done")
        )
        .exists()
        or Ask.select().where((Ask.contact == contact_id) & (Ask.status == "granted")).exists()
    )
    points = 0.0
    reasons: list[str] = []
    if last is None:
        reasons.append("no conversation logged")
    else:
        zone = now.tz or pendulum.UTC  # calendar days in the user's zone
        days = (now.date() - from_utc_text(last).in_tz(zone).date()).days
        points += (
            2
            if days <= RECENT_DAYS[0]
            else 1
            if days <= RECENT_DAYS[1]
            else 0.5
            if days <= RECENT_DAYS[2]
            else 0
        )
        reasons.append(f"last talked {_days(days)}")
    if last is not None:
        points += (
            2
            if recent_count >= FREQUENCY[0]
            else 1
            if recent_count >= FREQUENCY[1]
            else 0.5
            if recent_count >= FREQUENCY[2]
            else 0
        )
        reasons.append(
            f"{recent_count} conversation{'s' if recent_count != 1 else ''} in the last year"
        )
    if i_gave and they_gave:
        points += 1
        reasons.append("help goes both ways")
    elif i_gave or they_gave:
        points += 0.5
        reasons.append("help goes one way (" + ("I gave" if i_gave else "they gave") + ")")
    else:
        reasons.append("no help either way yet")
    return StrengthSuggestion(min(5, int(points + 0.5)), tuple(reasons))


def _days(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def review_lines(review: Review, *, markdown: bool = False) -> list[str]:
    """The review as lines to print: plain text, or Markdown (headings and bullets).

    Names and texts are the user's own, printed as they are (Markdown is not escaped).
    """
    month = pendulum.parse(f"{review.month}-01").format("MMMM YYYY")
    f, b = review.figures, review.before
    lines: list[str] = []

    def heading(text: str, level: int = 2) -> None:
        if lines:
            lines.append("")
        lines.append(f"{'#' * level} {text}" if markdown else text.upper() if level == 1 else text)

    def bullet(text: str) -> None:
        lines.append(f"- {text}" if markdown else f"  - {text}")

    heading(f"Review of {month}", 1)
    heading("What happened")
    bullet(
        f"{f.interactions} conversations ({f.in_person} in person, {f.online} online); "
        f"{b.interactions} the month before"
    )
    reached = sum(f.reached_by_ring)
    bullet(
        f"reached {reached} people (ring 1: {f.reached_by_ring[0]}, ring 2: "
        f"{f.reached_by_ring[1]}, ring 3: {f.reached_by_ring[2]})"
    )
    bullet(f"gave {f.gives} times, asked {f.asks} times")
    kept = plural(f.kept_on_time + f.kept_late, "promise")
    bullet(
        f"kept {kept} ({f.kept_late} late); {f.kept_to_me} kept to me; "
        f"{plural(f.thanks_sent, 'thank-you')} sent"
    )
    bullet(f"{f.needs_met_helped} of their needs met with my help")
    heading("Who I helped")
    for h in review.i_helped:
        bullet(f"{h.name}: {'; '.join(h.what)}")
    if not review.i_helped:
        bullet("nobody this month: give something small first")
    heading("Who helped me")
    for h in review.helped_me:
        thanked = "thanked" if h.thanked else "NOT THANKED YET"
        bullet(f"{h.name}: {'; '.join(h.what)} ({thanked})")
    if not review.helped_me:
        bullet("no help logged this month")
    heading("Rings that grew")
    for ring, count in review.rings_grew:
        bullet(f"ring {ring} ({RINGS[ring]}): {count} new")
    if not review.rings_grew:
        bullet("no new people this month")
    heading("Next month")
    for item in review.next_month:
        bullet(item)
    return lines
