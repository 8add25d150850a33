"""One incoming contact record, cleaned, whatever file it came from.

Every reader (LinkedIn, vCard, CSV) hands ``build_record`` the raw strings it
found; ``build_record`` applies the rules that decide what becomes a contact and
cleans the text the same way for all of them:

- text is NFC, trimmed, and single-line fields lose control and bidi characters
  (``netty.services.text.clean_line``); notes keep their newlines
  (``clean_block``);
- a single-line field longer than ``MAX_LINE_CHARS`` and a note, details or
  how-met text longer than ``MAX_NOTE_CHARS`` are cut to that length, with a
  warning: a pasted novel never stops an import;
- emails, phones and URLs are normalised as ``netty add`` does; one that is not
  valid is left out with a warning;
- the contact is named by the person's name, else the organization (an
  organization-only record), else the first email address. A record with only a
  phone number, or nothing usable, is skipped with that reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from netty.errors import InvalidInput
from netty.services.cardfields import CardDate, split_name
from netty.services.importers._fast import clean_line, fold, linkedin_key
from netty.services.text import (
    clean_block,
    normalise_email,
    normalise_phone,
    normalise_url,
    tag_name,
)

MAX_NOTE_CHARS = 10_000
"""Notes, details and how-met texts longer than this are truncated (with a warning)."""
MAX_LINE_CHARS = 500
"""Names, titles, organizations, addresses and other one-line fields are cut to this."""

LINKEDIN_PREFIX = "https://www.linkedin.com/in/"

# Characters ``clean_line`` keeps but that have no business in a contact field.
_INVISIBLE = str.maketrans({"\ufeff": None, "\u061c": None, "\u200b": None})


@dataclass(slots=True)
class Card:
    """What a file says beyond the contact's own columns (``ContactCard`` and its tables).

    ``name_parts`` is (prefix, given, additional, family, suffix) or None;
    ``addresses`` are (label, po box, extended, street, locality, region, postal
    code, country); ``handles`` (kind, service, value, label); ``affiliations``
    further organizations as (organization, unit, title, role, is_current,
    start_year, end_year); ``rev`` is the card's ``REV`` as UTC text.
    """

    uid: str | None = None
    rev: str | None = None
    name_parts: tuple[str, str, str, str, str] | None = None
    nicknames: list[str] = field(default_factory=list)
    gender: str = ""
    gender_text: str = ""
    unit: str = ""
    role: str = ""
    addresses: list[tuple[str, ...]] = field(default_factory=list)
    handles: list[tuple[str, str, str, str]] = field(default_factory=list)
    dates: list[CardDate] = field(default_factory=list)
    affiliations: list[tuple[str, str, str, str, bool, int | None, int | None]] = field(
        default_factory=list
    )

    def fields(self) -> dict[str, str]:
        """The ``ContactCard`` columns this card fills (prefix .. role), empty ones too."""
        parts = self.name_parts or ("", "", "", "", "")
        return {
            "prefix": parts[0],
            "given": parts[1],
            "additional": parts[2],
            "family": parts[3],
            "suffix": parts[4],
            "nicknames": "\n".join(self.nicknames),
            "gender": self.gender,
            "gender_text": self.gender_text,
            "unit": self.unit,
            "role": self.role,
        }


def clean_card(card: Card, warnings: list[str]) -> Card:
    """The same card with every text cleaned and cut like any one-line field."""

    def one(text: str, what: str = "") -> str:
        return line(text, what, warnings)

    seen_dates = {}
    for date in card.dates:
        date = CardDate(date.kind, date.year, date.month, date.day, one(date.text, "a date"))
        seen_dates.setdefault(date.key(), date)
    handles: dict[tuple, tuple[str, str, str, str]] = {}
    for kind, service, value, label in card.handles:
        value = one(value, "a handle")
        if value:
            handles.setdefault((kind, service, value.lower()), (kind, service, value, one(label)))
    addresses: dict[tuple, tuple[str, ...]] = {}
    for address in card.addresses:
        cleaned = tuple(one(p, "an address") for p in address)
        if any(cleaned[1:]):
            addresses.setdefault(tuple(fold(p) for p in cleaned[1:]), cleaned)
    parts = card.name_parts
    return Card(
        uid=one(card.uid) or None,
        rev=card.rev,
        name_parts=tuple(one(p, "a name part") for p in parts) if parts else None,  # type: ignore[arg-type]
        nicknames=list(
            dict.fromkeys(n for n in (one(x, "a nickname") for x in card.nicknames) if n)
        ),
        gender=card.gender,
        gender_text=one(card.gender_text),
        unit=one(card.unit, "the unit"),
        role=one(card.role, "the role"),
        addresses=list(addresses.values()),
        handles=list(handles.values()),
        dates=list(seen_dates.values()),
        affiliations=[
            (one(org, "an organization"), one(unit), one(title, "a title"), one(role), *rest)
            for org, unit, title, role, *rest in card.affiliations
            if org.strip() or title.strip() or role.strip()
        ],
    )


@dataclass(slots=True)
class Record:
    """A contact as a file describes it; every string already cleaned."""

    no: int  # the record's number in the file (data row or card), from 1
    name: str
    name_key: str
    org_only: bool = False
    organization: str = ""
    title: str = ""
    location: str = ""
    how_met: str = ""
    details: str = ""
    notes: str = ""
    # (value, key, label, position), as ``ContactMethod`` stores them
    emails: list[tuple[str, str, str, int]] = field(default_factory=list)
    phones: list[tuple[str, str, str, int]] = field(default_factory=list)
    urls: list[tuple[str, str, str, int]] = field(default_factory=list)
    linkedin: str | None = None  # the LinkedIn profile key, from the URLs
    tags: list[str] = field(default_factory=list)
    ring: int | None = None  # only when the file says so
    channel: str | None = None
    default_ring: int = 3  # for a new contact when the file says nothing
    default_channel: str | None = None
    cadence_days: int | None = None
    strength: int | None = None
    connected_at: str | None = None  # UTC text
    warnings: list[str] = field(default_factory=list)
    card: Card | None = None  # vCard fields beyond the contact's columns

    def methods(self) -> dict[str, list[tuple[str, str, str, int]]]:
        return {"email": self.emails, "phone": self.phones, "url": self.urls}


@dataclass(frozen=True)
class Skip:
    """A record that does not become a contact, and why."""

    no: int
    reason: str
    warnings: tuple[str, ...] = ()


def line(text: Any, what: str = "", warnings: list[str] | None = None) -> str:
    """A cleaned one-line value, cut to ``MAX_LINE_CHARS``."""
    if not text:
        return ""
    text = str(text)
    value = clean_line(text if text.isascii() else _visible(text))
    if len(value) > MAX_LINE_CHARS:
        if warnings is not None:
            warnings.append(
                f"{what or 'a field'} cut to {MAX_LINE_CHARS:,} characters (it had {len(value):,})"
            )
        value = value[:MAX_LINE_CHARS].rstrip()
    return value


def quiet_line(text: str) -> str | None:
    """``line(text)`` when that needs no warning (nothing is cut), else None."""
    if not text:
        return ""
    if text.isascii() and text.isprintable():  # clean_line, for plain ASCII
        value = " ".join(text.split())
    else:
        value = clean_line(text if text.isascii() else _visible(text))
    return value if len(value) <= MAX_LINE_CHARS else None


def _visible(text: str) -> str:
    """``text`` without the ``_INVISIBLE`` characters (three substring tests are
    quicker than ``translate`` on text that has none, which is nearly all)."""
    if "\ufeff" in text or "\u061c" in text or "\u200b" in text:
        return text.translate(_INVISIBLE)
    return text


def block(text: Any, what: str, warnings: list[str]) -> str:
    """A cleaned multi-line value, cut to ``MAX_NOTE_CHARS``."""
    if text is None:
        return ""
    value = clean_block(str(text).translate(_INVISIBLE))
    if len(value) > MAX_NOTE_CHARS:
        warnings.append(
            f"{what} cut to {MAX_NOTE_CHARS:,} characters (it had {len(value):,}); "
            "the rest was not imported"
        )
        value = value[:MAX_NOTE_CHARS].rstrip()
    return value


def _blocks(parts: Iterable[str], what: str, warnings: list[str]) -> str:
    return block(join_blocks(block(p, what, warnings) for p in parts), what, warnings)


def join_blocks(parts: Iterable[str]) -> str:
    """Several notes as one text, separated by a blank line, without repeats."""
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return "\n\n".join(seen)


_NORMALISERS = {"email": normalise_email, "phone": normalise_phone, "url": normalise_url}
_WHAT = {"email": "email address", "phone": "phone number", "url": "URL"}


def _methods(
    kind: str, raw: Iterable[tuple[str, str]], warnings: list[str]
) -> list[tuple[str, str, str, int]]:
    out: dict[str, tuple[str, str, str, int]] = {}
    norm = _NORMALISERS[kind]
    for value, label in raw:
        text = line(value, _WHAT[kind], warnings)
        if not text:
            continue
        if kind == "url" and " " not in text and (fast := linkedin_key(text)):
            shown, key = text, fast  # what normalise_url returns, without its slow path
        else:
            try:
                shown, key = norm(text)
            except (InvalidInput, ValueError):  # urlsplit raises ValueError for "http://["
                warnings.append(f"{text!r} is not a valid {_WHAT[kind]}; left out")
                continue
        if key not in out:
            out[key] = (shown, key, line(label).lower() if label else "", len(out))
    return list(out.values())


def build_record(
    no: int,
    *,
    name: str = "",
    given: str = "",
    family: str = "",
    organization: str = "",
    org_only: bool = False,
    title: str = "",
    emails: Iterable[tuple[str, str]] = (),
    phones: Iterable[tuple[str, str]] = (),
    urls: Iterable[tuple[str, str]] = (),
    location: str = "",
    notes: Iterable[str] = (),
    details: Iterable[str] = (),
    how_met: str = "",
    tags: Iterable[str] = (),
    ring: Any = None,
    channel: Any = None,
    cadence: Any = None,
    strength: Any = None,
    connected_at: str | None = None,
    warnings: Iterable[str] = (),
    card: Card | None = None,
) -> Record | Skip:
    """Clean what a reader found and decide: a ``Record``, or a ``Skip`` with the reason."""
    notes_w: list[str] = list(warnings)
    person = line(name, "the name", notes_w) if name else ""
    if not person and (given or family):
        person = line(f"{given} {family}", "the name", notes_w)
    org = line(organization, "the organization", notes_w) if organization else ""
    found = {
        "email": _methods("email", emails, notes_w) if emails else [],
        "phone": _methods("phone", phones, notes_w) if phones else [],
        "url": _methods("url", urls, notes_w) if urls else [],
    }
    if org and (org_only or fold(person) == fold(org)):
        person = ""  # an organization's own card: named by the organization
    if person:
        display, is_org = person, False
    elif org:
        display, is_org = org, True
    elif found["email"]:
        display, is_org = found["email"][0][0], False
    else:
        reason = (
            "only a phone number: no name, organization or email address"
            if found["phone"]
            else "no name, organization or email address"
        )
        return Skip(no, reason, tuple(notes_w))
    record = Record(
        no=no,
        name=display,
        name_key=fold(display),
        org_only=is_org,
        organization=org,
        title=line(title, "the title", notes_w) if title else "",
        location=line(location, "the location", notes_w) if location else "",
        how_met=block(how_met, "how-met text", notes_w) if how_met else "",
        details=_blocks(details, "details", notes_w) if details else "",
        notes=_blocks(notes, "the note", notes_w) if notes else "",
        emails=found["email"],
        phones=found["phone"],
        urls=found["url"],
        linkedin=next((m[1] for m in found["url"] if m[1].startswith(LINKEDIN_PREFIX)), None),
        connected_at=connected_at,
        warnings=notes_w,
        card=clean_card(card, notes_w) if card is not None else None,
    )
    parts = record.card.name_parts if record.card is not None else None
    # kept only when it says more than the display name does (cardfields.split_name)
    if parts is not None and (is_org or parts == split_name(display)):
        record.card.name_parts = None  # type: ignore[union-attr]
    if tags:
        seen_tags: dict[str, None] = {}
        for raw in tags:
            try:
                seen_tags.setdefault(tag_name(line(raw)), None)
            except InvalidInput:
                continue
        record.tags = list(seen_tags)
    if ring is None and channel is None and cadence is None and strength is None:
        return record
    from netty.services.contacts import parse_cadence, parse_channel, parse_ring, parse_strength

    for attr, value, parse in (
        ("ring", ring, parse_ring),
        ("channel", channel, parse_channel),
        ("cadence_days", cadence, parse_cadence),
        ("strength", strength, parse_strength),
    ):
        if value is None or not str(value).strip():
            continue
        try:
            setattr(record, attr, parse(line(value)))
        except InvalidInput as exc:
            notes_w.append(f"{exc}; left out")
    return record
