"""The prep sheet: what to know before meeting someone, as plain sections.

This is the basic sheet (who, personal details, open needs, promises both ways,
the last three interactions). The full "give before you get" sheet replaces
``build_prep_sheet`` and keeps the same shape, so every view (the pane, the
full-screen sheet, ``--markdown``) stays a thin renderer of ``PrepSheet``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from netty.dates import ago
from netty.db.vocab import CHANNELS, INTERACTION_KINDS, RINGS
from netty.services.timeline import contact_detail


@dataclass(frozen=True)
class Section:
    """A heading and its lines; a section with no lines is never shown."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PrepSheet:
    contact_id: int
    name: str
    headline: str  # "VP Engineering at XYZ Corp · ring 2"
    sections: tuple[Section, ...]


def build_prep_sheet(contact_id: int, now: pendulum.DateTime) -> PrepSheet:
    """The prep sheet for one contact, built from what is recorded."""
    detail = contact_detail(contact_id)
    c = detail.contact
    work = " at ".join(x for x in (c.title, c.organization) if x)
    headline = " · ".join(x for x in (work, f"ring {c.ring} ({RINGS[c.ring]})") if x)
    who = []
    if c.how_met or c.channel:
        channel = CHANNELS.get(c.channel or "", "")
        who.append("Met: " + " — ".join(x for x in (channel, c.how_met) if x))
    if c.introduced_by:
        who.append(f"Introduced by {c.introduced_by.name}")
    if c.strength is not None:
        who.append(f"Strength {c.strength}/5")
    if detail.interactions:
        first = detail.interactions[-1].occurred_at
        who.append(
            f"Last contact {ago(c.last_interaction_at, now)}; "
            f"{len(detail.interactions)} interactions since {first.format('MMM YYYY')}"
        )
    else:
        who.append("No interactions logged yet")
    remember = [line for line in c.details.splitlines() if line.strip()]
    needs = [
        n.text + (f" (by {n.horizon.format('D MMM')})" if n.horizon else "")
        for n in detail.needs
        if n.status == "open"
    ]
    owe, owed = [], []
    for p in detail.promises:
        if p.status != "open":
            continue
        due = f" (due {p.due.format('D MMM')})" if p.due else ""
        (owe if p.direction == "i_owe" else owed).append(p.text + due)
    recent = [
        f"{i.occurred_at.format('D MMM YYYY')} {INTERACTION_KINDS[i.kind]}: "
        + (i.summary.splitlines()[0] if i.summary else "")
        for i in detail.interactions[:3]
    ]
    sections = (
        Section("Who", tuple(who)),
        Section("Remember", tuple(remember)),
        Section("Their open needs", tuple(needs)),
        Section("I owe them", tuple(owe)),
        Section("They owe me", tuple(owed)),
        Section("Last interactions", tuple(recent)),
    )
    return PrepSheet(c.id, c.name, headline, tuple(s for s in sections if s.lines))


def to_markdown(sheet: PrepSheet) -> str:
    """The sheet as Markdown for a phone or a printer."""
    out = [f"# {sheet.name}", "", sheet.headline, ""]
    for section in sheet.sections:
        out.append(f"## {section.title}")
        out.extend(f"- {line}" for line in section.lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
