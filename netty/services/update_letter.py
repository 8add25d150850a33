"""The update letter: tell friends and neighbours where my search stands.

Seed 002 ("periodically update friends and neighbours on your search") and seed
001 (a vague ask fails; ask for one specific thing, name the target employers).
One template, kept in the database as user data (the setting ``update.template``,
journaled: ``u`` undoes an edit), says where I am, what I am looking for, my
target organizations (the ones marked as targets when left blank), the one
specific way they can help, and what I can offer. Each recipient's letter opens
with their first name and one personal line: an open need of theirs (nearest
horizon first), else the last thing we talked about.

Recipients are picked by ring, tag, channel, a saved list (``update.lists``) or
ids; with nothing given, rings 1 and 2 met as family or friends and neighbours.
Letters export as one ``.eml`` per recipient (RFC 5322 headers, UTF-8 body,
``X-Unsent: 1`` so a mail program opens it as a draft), ``mailto:`` links
(RFC 6068) or plain text. Marking the update sent logs an email with each
recipient and sets a reminder for the next one, all in one change.
"""

from __future__ import annotations

import email.policy
import email.utils
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pendulum

from netty.db.models import (
    Contact,
    ContactMethod,
    ContactTag,
    Interaction,
    InteractionContact,
    Need,
    Organization,
    Reminder,
    Tag,
)
from netty.db.vocab import CHANNELS, RINGS, fold, slug
from netty.errors import InvalidInput
from netty.services import settings
from netty.services.changes import change
from netty.services.text import clean_block, clean_line

TEMPLATE_KEY = "update.template"
LISTS_KEY = "update.lists"
LAST_SENT_KEY = "update.last_sent"
DEFAULT_RINGS = (1, 2)
DEFAULT_CHANNELS = ("family", "friends-neighbours")
DEFAULT_EVERY_DAYS = 42  # every six weeks
REMINDER_TEXT = "send the next update to friends and neighbours"
MAX_RECIPIENTS = 2000
#: Opening words lower-cased inside a sentence ("you need a tutor"); others may be names.
LOWER_FIRST = frozenset(
    [
        "a",
        "an",
        "the",
        "some",
        "more",
        "any",
        "another",
        "someone",
        "somebody",
        "help",
        "advice",
        "feedback",
        "new",
        "her",
        "his",
        "their",
        "our",
        "my",
        "coffee",
        "lunch",
        "dinner",
    ]
)
#: Kinds that are a conversation, for "the last thing they told me".
CONVERSATIONS = ("coffee", "meal", "call", "video", "event", "message", "email")
FIELDS: dict[str, str] = {
    "subject": "the subject line",
    "where": "where I am",
    "looking_for": "what I am looking for",
    "targets": "my target organizations (blank: the ones marked as targets)",
    "ask": "the one specific way they can help",
    "offer": "what I can offer them",
    "signature": "my name, to sign with",
    "sender": "my email address, for the From header",
}
DEFAULT_TEMPLATE: dict[str, str] = {
    "subject": "A quick update on my search",
    "where": "",
    "looking_for": "",
    "targets": "",
    "ask": "",
    "offer": "",
    "signature": "",
    "sender": "",
}


@dataclass(frozen=True)
class Template:
    """The letter's parts, as the user wrote them (``targets`` empty: use target orgs)."""

    subject: str = DEFAULT_TEMPLATE["subject"]
    where: str = ""
    looking_for: str = ""
    targets: str = ""
    ask: str = ""
    offer: str = ""
    signature: str = ""
    sender: str = ""

    def missing(self) -> tuple[str, ...]:
        """The parts a letter needs that are still blank, as words (signature included)."""
        return tuple(
            FIELDS[name]
            for name in ("where", "looking_for", "ask", "offer", "signature")
            if not getattr(self, name).strip()
        )

    def to_json(self) -> dict[str, str]:
        """The stored form: every field as text."""
        return {name: getattr(self, name) for name in FIELDS}


@dataclass(frozen=True)
class Selection:
    """Who gets the letter. Rings, tags and channels narrow together (all must hold;
    within one, any value); ``list_name`` or ``contact_ids`` name people outright.
    All empty: the default, rings 1 and 2 met as family or friends and neighbours."""

    rings: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    list_name: str | None = None
    contact_ids: tuple[int, ...] = ()

    @property
    def is_default(self) -> bool:
        """Nothing chosen: the default recipients apply."""
        return not (self.rings or self.tags or self.channels or self.list_name or self.contact_ids)

    def describe(self) -> str:
        """In words: 'rings 1, 2 · family, friends and neighbours'."""
        if self.list_name:
            return f"the list {self.list_name!r}"
        if self.contact_ids:
            return f"{len(self.contact_ids)} chosen people"
        sel = (
            replace(self, rings=DEFAULT_RINGS, channels=DEFAULT_CHANNELS)
            if self.is_default
            else self
        )
        parts = []
        if sel.rings:
            parts.append(
                "ring" + ("s " if len(sel.rings) > 1 else " ") + ", ".join(map(str, sel.rings))
            )
        if sel.channels:
            parts.append(", ".join(CHANNELS.get(c, c) for c in sel.channels))
        if sel.tags:
            parts.append(" ".join(f"#{t}" for t in sel.tags))
        return " · ".join(parts)


@dataclass(frozen=True)
class Letter:
    """One personalised letter: to whom (``email`` None when they have none), and what."""

    contact_id: int
    name: str
    first_name: str
    email: str | None
    subject: str
    personal: str
    body: str
    sender: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON-ready: id, name, email (or null), subject, body."""
        return {
            "id": self.contact_id,
            "name": self.name,
            "email": self.email,
            "subject": self.subject,
            "body": self.body,
        }


@dataclass(frozen=True)
class Draft:
    """The letters for a selection, the template they came from, and what it lacks."""

    selection: Selection
    template: Template
    letters: tuple[Letter, ...]
    missing: tuple[str, ...] = field(default=())
    last_sent: pendulum.DateTime | None = None

    @property
    def without_email(self) -> tuple[Letter, ...]:
        """The letters to people with no email address (no .eml, no mailto: for them)."""
        return tuple(letter for letter in self.letters if not letter.email)


# ------------------------------------------------------------------ template and lists


def template() -> Template:
    """The stored template (defaults where never set)."""
    stored = settings.get(TEMPLATE_KEY, {}) or {}
    values = {k: str(stored.get(k, v)) for k, v in DEFAULT_TEMPLATE.items()}
    return Template(**values)


def set_template(changes: dict[str, str], now: pendulum.DateTime) -> Template:
    """Change some of the template's parts (keys from ``FIELDS``) in one change.

    Raises InvalidInput for an unknown part or a blank subject.
    """
    unknown = [k for k in changes if k not in FIELDS]
    if unknown:
        raise InvalidInput(f"unknown template part {unknown[0]!r}; parts: {', '.join(FIELDS)}")
    current = template().to_json()
    for key, value in changes.items():
        text = (
            clean_line(value) if key in ("subject", "sender", "signature") else clean_block(value)
        )
        current[key] = text
    if not current["subject"].strip():
        raise InvalidInput("the subject can't be blank")
    if current["sender"] and "@" not in current["sender"]:
        raise InvalidInput(f"{current['sender']!r} is not an email address")
    names = ", ".join(FIELDS[k].split(" (")[0] for k in changes) or "nothing"
    with change(f"edited the update letter ({names})", now, kind="update"):
        settings._put(TEMPLATE_KEY, current, now)
    return template()


def saved_lists() -> dict[str, tuple[int, ...]]:
    """The saved recipient lists: name -> contact ids."""
    stored = settings.get(LISTS_KEY, {}) or {}
    return {str(k): tuple(int(i) for i in v) for k, v in stored.items()}


def save_list(name: str, contact_ids: list[int], now: pendulum.DateTime) -> int:
    """Save (or replace) a recipient list; an empty ``contact_ids`` deletes it.

    Returns how many people it holds. Raises InvalidInput for a blank name.
    """
    name = clean_line(name)
    if not name:
        raise InvalidInput("a list needs a name")
    ids = list(dict.fromkeys(int(i) for i in contact_ids))
    found = {c for (c,) in Contact.select(Contact.id).where(Contact.id.in_(ids)).tuples()}
    missing = [i for i in ids if i not in found]
    if missing:
        raise InvalidInput(f"no contact #{missing[0]}")
    lists = {k: list(v) for k, v in saved_lists().items()}
    if ids:
        lists[name] = ids
        label = f"saved the update list {name!r} ({len(ids)} people)"
    else:
        if name not in lists:
            raise InvalidInput(f"no saved list {name!r}")
        del lists[name]
        label = f"deleted the update list {name!r}"
    with change(label, now, kind="update"):
        settings._put(LISTS_KEY, lists, now)
    return len(ids)


def last_sent() -> pendulum.DateTime | None:
    """When the update was last marked sent, or None."""
    value = settings.get(LAST_SENT_KEY)
    if isinstance(value, dict) and value.get("at"):
        return pendulum.parse(value["at"])
    return None


# ------------------------------------------------------------------ recipients and letters


def recipients(selection: Selection) -> list[tuple[int, str, str | None]]:
    """(contact id, name, first email or None) of the active contacts selected, by name.

    Raises InvalidInput for an unknown ring, channel or saved list.
    """
    query = Contact.select(Contact.id, Contact.name).where(Contact.archived_at.is_null())
    if selection.list_name:
        lists = saved_lists()
        if selection.list_name not in lists:
            known = ", ".join(sorted(lists)) or "none saved yet"
            raise InvalidInput(f"no saved list {selection.list_name!r} (lists: {known})")
        query = query.where(Contact.id.in_(list(lists[selection.list_name])))
    elif selection.contact_ids:
        query = query.where(Contact.id.in_(list(selection.contact_ids)))
    else:
        sel = (
            replace(selection, rings=DEFAULT_RINGS, channels=DEFAULT_CHANNELS)
            if selection.is_default
            else selection
        )
        for ring in sel.rings:
            if ring not in RINGS:
                raise InvalidInput(f"ring must be 1, 2 or 3, not {ring!r}")
        for channel in sel.channels:
            if channel not in CHANNELS:
                raise InvalidInput(f"unknown channel {channel!r}; channels: {', '.join(CHANNELS)}")
        if sel.rings:
            query = query.where(Contact.ring.in_(list(sel.rings)))
        if sel.channels:
            query = query.where(Contact.channel.in_(list(sel.channels)))
        if sel.tags:
            tagged = (
                ContactTag.select(ContactTag.contact).join(Tag).where(_tag_is(Tag.name, sel.tags))
            )
            query = query.where(Contact.id.in_(tagged))
    people = list(query.order_by(Contact.name_key).limit(MAX_RECIPIENTS).tuples())
    ids = [cid for cid, _ in people]
    emails: dict[int, str] = {}
    for cid, value in (
        ContactMethod.select(ContactMethod.contact, ContactMethod.value)
        .where((ContactMethod.kind == "email") & ContactMethod.contact.in_(ids))
        .order_by(ContactMethod.contact, ContactMethod.position)
        .tuples()
    ):
        emails.setdefault(cid, value)
    return [(cid, name, emails.get(cid)) for cid, name in people]


def _tag_is(column, tags: tuple[str, ...]):
    """``column`` equal to one of ``tags`` (tags are stored as typed; matched folded)."""
    wanted = {fold(t.lstrip("#")) for t in tags}
    names = [n for (n,) in Tag.select(Tag.name).tuples() if fold(n) in wanted]
    return column.in_(names)


def draft(selection: Selection, now: pendulum.DateTime) -> Draft:
    """The personalised letters for ``selection`` under the stored template; writes nothing."""
    tpl = template()
    people = recipients(selection)
    ids = [cid for cid, _, _ in people]
    targets = tpl.targets.strip() or _target_names()
    personal = _personal_lines(ids, now)
    letters = tuple(
        _letter(tpl, cid, name, address, targets, personal.get(cid, ""))
        for cid, name, address in people
    )
    return Draft(selection, tpl, letters, tpl.missing(), last_sent())


def first_name(name: str) -> str:
    """The first word of a name ('Zoë Müller' -> 'Zoë'); the name itself if one word."""
    words = name.split()
    return words[0] if words else name


def _target_names() -> str:
    names = [
        n
        for (n,) in Organization.select(Organization.name)
        .where(Organization.is_target == True)  # noqa: E712  (peewee expression)
        .order_by(Organization.name_key)
        .tuples()
    ]
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _personal_lines(ids: list[int], now: pendulum.DateTime) -> dict[int, str]:
    """One line per person: an open need of theirs (nearest horizon), else our last talk."""
    lines: dict[int, str] = {}
    if not ids:
        return lines
    for cid, text in (
        Need.select(Need.contact, Need.text)
        .where((Need.status == "open") & Need.contact.in_(ids))
        .order_by(Need.contact, Need.horizon.asc(nulls="LAST"), Need.id)
        .tuples()
    ):
        if cid not in lines:
            lines[cid] = (
                f"Last time you mentioned you need {_clause(text)}. I have not forgotten: "
                "if I can help with that, I will."
            )
    rest = [cid for cid in ids if cid not in lines]
    if rest:
        rows = (
            InteractionContact.select(
                InteractionContact.contact, Interaction.occurred_at, Interaction.summary
            )
            .join(Interaction)
            .where(
                InteractionContact.contact.in_(rest)
                & Interaction.archived_at.is_null()
                & Interaction.kind.in_(CONVERSATIONS)
                & (Interaction.summary != "")
            )
            .order_by(InteractionContact.contact, Interaction.occurred_at.desc())
            .tuples()
        )
        zone = now.tz or pendulum.UTC
        for cid, at, summary in rows:
            if cid in lines:
                continue
            day = at.in_tz(zone).format("MMMM D")
            lines[cid] = f"I still think of our talk on {day}: {_clause(summary)}."
    return lines


def _clause(text: str) -> str:
    one = " ".join(text.split())
    first, _, rest = one.partition(" ")
    if (
        first.lower().rstrip(",;:.") in LOWER_FIRST
    ):  # "A tutor" reads "a tutor"; names keep their capital
        one = f"{first.lower()} {rest}".rstrip()
    if len(one) > 160:
        one = one[:157].rstrip() + "..."
    return one.rstrip(".!;:")


def _sentence(text: str) -> str:
    """``text`` stripped, ending with a full stop unless it ends with . ! ? or )."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def _letter(
    tpl: Template, cid: int, name: str, address: str | None, targets: str, personal: str
) -> Letter:
    first = first_name(name)
    parts = [f"Hi {first},"]
    if personal:
        parts.append(personal)
    where = tpl.where.strip() or "A quick update on my search."
    parts.append(where)
    details = []
    if tpl.looking_for.strip():
        details.append(f"What I am looking for: {_sentence(tpl.looking_for)}")
    if targets:
        details.append(f"Organizations I would love to reach: {_sentence(targets)}")
    if details:
        parts.append("\n".join(details))
    if tpl.ask.strip():
        parts.append(f"The one thing that would help most: {_sentence(tpl.ask)}")
    if tpl.offer.strip():
        parts.append(f"And what I can do for you: {_sentence(tpl.offer)}")
    closing = "Thank you, and talk soon,"
    if tpl.signature.strip():
        closing += "\n" + tpl.signature.strip()
    parts.append(closing)
    body = "\n\n".join(parts) + "\n"
    return Letter(cid, name, first, address, tpl.subject, personal, body, tpl.sender)


# ------------------------------------------------------------------ export


def to_email(letter: Letter, now: pendulum.DateTime) -> EmailMessage:
    """The letter as an RFC 5322 message: To (name and address), Subject, Date,
    Message-ID, a UTF-8 text/plain body, and ``X-Unsent: 1`` (opened as a draft).
    Raises InvalidInput when the recipient has no email address."""
    if not letter.email:
        raise InvalidInput(f"{letter.name} has no email address")
    message = EmailMessage(policy=email.policy.SMTP)
    message["To"] = email.utils.formataddr((letter.name, letter.email))
    if letter.sender:
        message["From"] = email.utils.formataddr((_signature_name(letter), letter.sender))
    message["Subject"] = letter.subject
    message["Date"] = email.utils.format_datetime(now.in_tz("UTC"))
    message["Message-ID"] = email.utils.make_msgid(domain="netty.invalid")
    message["X-Unsent"] = "1"
    message.set_content(letter.body, charset="utf-8")
    return message


def _signature_name(letter: Letter) -> str:
    lines = [line for line in letter.body.splitlines() if line.strip()]
    return lines[-1] if lines and not lines[-1].endswith(",") else ""


def mailto(letter: Letter) -> str:
    """A ``mailto:`` link (RFC 6068) with the subject and body, UTF-8 percent-encoded;
    line breaks as %0D%0A. Raises InvalidInput when the recipient has no email."""
    if not letter.email:
        raise InvalidInput(f"{letter.name} has no email address")
    body = letter.body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(letter.email, safe='@')}"
        f"?subject={quote(letter.subject, safe='')}&body={quote(body, safe='')}"
    )


def as_text(letters: tuple[Letter, ...]) -> str:
    """Every letter as plain text, each headed by To and Subject, separated by a rule."""
    blocks = []
    for letter in letters:
        to = f"{letter.name} <{letter.email}>" if letter.email else f"{letter.name} (no email)"
        blocks.append(f"To: {to}\nSubject: {letter.subject}\n\n{letter.body}")
    return ("\n" + "-" * 60 + "\n\n").join(blocks)


def eml_name(letter: Letter) -> str:
    """The file name of a letter's ``.eml``: '<id>-<name slug>.eml' (ASCII)."""
    name = "".join(ch for ch in slug(letter.name) if ch.isascii() and (ch.isalnum() or ch == "-"))
    return f"{letter.contact_id}-{name or 'contact'}.eml"


def write_eml(
    letters: tuple[Letter, ...], folder: Path, now: pendulum.DateTime, protect=()
) -> list[Path]:
    """Write one ``.eml`` per letter with an email address into ``folder`` (created if
    missing, 0700), each written atomically and 0600; returns the paths written.
    Raises InvalidInput when no letter has an address or a file can't be written."""
    from netty.outfile import atomic_path, check_output

    with_address = [letter for letter in letters if letter.email]
    if not with_address:
        raise InvalidInput("nobody selected has an email address; try --format text")
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder; give a folder for the .eml files")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    written = []
    for letter in with_address:
        target = check_output(folder / eml_name(letter), protect)
        data = to_email(letter, now).as_bytes()
        with atomic_path(target) as temp:
            temp.write_bytes(data)
        written.append(target)
    return written


# ------------------------------------------------------------------ sent


@dataclass(frozen=True)
class Sent:
    """What marking the update sent did: emails logged, the next reminder (``r12``) and when."""

    count: int
    reminder: str
    next_at: pendulum.DateTime


def mark_sent(
    selection: Selection,
    now: pendulum.DateTime,
    *,
    every_days: int = DEFAULT_EVERY_DAYS,
) -> Sent:
    """Log an email interaction with each selected person and set a reminder for the
    next update in ``every_days`` days, all in ONE change (``u`` undoes all of it).

    Raises InvalidInput when nobody is selected or ``every_days`` is not 1..365.
    """
    from netty.services.timeline import log_interaction

    if not 1 <= every_days <= 365:
        raise InvalidInput(f"the next update must be 1 to 365 days away, not {every_days}")
    tpl = template()
    next_at = now.add(days=every_days)
    with change("", now, kind="update") as handle:
        people = recipients(selection)
        if not people:
            raise InvalidInput(f"nobody matches {selection.describe()}; nothing was logged")
        for cid, _name, _email in people:
            log_interaction(
                [cid],
                kind="email",
                when=now,
                summary=f"Sent my update: {tpl.subject}",
                now=now,
            )
        Reminder.update(done_at=now).where(
            (Reminder.text == REMINDER_TEXT)
            & Reminder.done_at.is_null()
            & Reminder.contact.is_null()
        ).execute()
        reminder = Reminder.create(contact=None, text=REMINDER_TEXT, due_at=next_at, created_at=now)
        settings._put(
            LAST_SENT_KEY, {"at": now.in_tz("UTC").isoformat(), "count": len(people)}, now
        )
        handle.label = (
            f"sent the update to {len(people)} {'person' if len(people) == 1 else 'people'}"
        )
    return Sent(len(people), f"r{reminder.id}", next_at)
