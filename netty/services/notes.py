"""Saving a quick note: one interaction plus everything the capture grammar found.

``record_note`` is what ``netty log CONTACT "note"``, the log form, the wrap-up
and event mode call. It parses with :func:`netty.services.capture.parse_note`,
resolves names to contacts (exact names only: a guess never links the wrong
person), and writes the interaction, needs, gives, asks, promises, follow-up
reminders, tags, organization and who they know (``knows:``, creating that
person when no contact has the name) in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pendulum

from netty.dates import plural
from netty.db.models import Contact, ContactTag, Tag
from netty.db.vocab import fold
from netty.errors import InvalidInput
from netty.services import ledger, reminders
from netty.services.capture import KnowsNote, ParsedNote, parse_note
from netty.services.changes import change, who
from netty.services.contacts import organization_for, refresh_search_text
from netty.services.text import MAX_TEXT_CHARS, check_length
from netty.services.timeline import log_interaction


@dataclass(frozen=True)
class Closing:
    """An open record to close in the same save: ``ref`` (n4, p7, a3) and how."""

    ref: str
    how: str  # "done" (met / done / granted), "drop", "decline"


@dataclass
class RecordedNote:
    """What a save wrote, as ids and the lines a person reads."""

    interaction_ref: str
    lines: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)


def person_lookup(exclude: Sequence[int] = ()) -> callable:
    """A name -> bool check for the parser: is there exactly one active contact so named?"""

    def is_person(name: str) -> bool:
        return find_person(name, exclude) is not None

    return is_person


def find_person(name: str, exclude: Sequence[int] = ()) -> int | None:
    """The one active contact whose name is ``name`` (ignoring case and accents), or None.

    A first name alone matches when exactly one contact has it ("intro to Ann").
    """
    key = fold(" ".join(name.split()))
    if not key:
        return None
    skip = set(exclude)

    def active(condition) -> list[int]:
        # Only the name_key index in the WHERE clause: with archived_at there too,
        # SQLite picks the archived_at index and reads every active contact. The
        # log form asks this on every keystroke, so filter the few hits here.
        rows = Contact.select(Contact.id, Contact.archived_at).where(condition).limit(20)
        return [r.id for r in rows if r.archived_at is None and r.id not in skip][:2]

    exact = active(Contact.name_key == key)
    if len(exact) == 1:
        return exact[0]
    if exact or " " in key:
        return None
    prefix = key + " "  # a range on the folded name, not LIKE 'ann %' (a full scan)
    first = active((Contact.name_key >= prefix) & (Contact.name_key < prefix + "\U0010ffff"))
    return first[0] if len(first) == 1 else None


def preview_note(text: str, now: pendulum.DateTime, contact_ids: Sequence[int] = ()) -> ParsedNote:
    """Parse a note the way ``record_note`` will (for a live preview)."""
    return parse_note(text, now, is_person=person_lookup(contact_ids))


def record_note(
    contact_ids: Sequence[int],
    text: str,
    *,
    kind: str,
    when: pendulum.DateTime,
    now: pendulum.DateTime,
    by_them: bool = False,
    event_id: int | None = None,
    closings: Sequence[Closing] = (),
    summary: str | None = None,
    answers: Sequence[str] = (),
) -> RecordedNote:
    """Log one interaction with everything the note says, all or nothing.

    Records the note names (needs, promises ...) belong to the first contact.
    ``summary`` replaces the parsed summary (the old ``--summary`` form).
    ``answers`` are due-item ids (``r5``, ``check-in-n4``) this log answers: each is
    marked done in the same change, so one `u` takes back the log and them.
    """
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        raise InvalidInput("log a note with at least one contact")
    main = ids[0]
    check_length(text, MAX_TEXT_CHARS, "note")
    check_length(summary, MAX_TEXT_CHARS, "summary")
    note = preview_note(text or "", now, ids)
    with change("logged a note", now, kind="log") as ch:
        interaction = log_interaction(
            ids,
            kind=kind,
            when=when,
            summary=summary if summary is not None else note.summary,
            by_them=by_them,
            event_id=event_id,
            now=now,
        )
        out = RecordedNote(interaction.ref)
        names = ", ".join(r.name for r in interaction.contacts)
        out.lines.append(
            f"{interaction.kind} with {names} on {when.to_date_string()}"
            + (f": {interaction.summary}" if interaction.summary else "")
        )
        iid = interaction.id
        for need in note.needs:
            nid = ledger.add_need(
                main, need.text, now=now, horizon=need.horizon, interaction_id=iid
            )
            out.refs.append(f"n{nid}")
            out.lines.append(f"need n{nid}: {need.text} (by {need.horizon.isoformat()})")
        for give in note.gives:
            to = find_person(give.intro_to, [main]) if give.intro_to else None
            gid = ledger.add_give(
                main,
                give.kind,
                give.text,
                now=now,
                given_at=when,
                introduced_to=to,
                interaction_id=iid,
            )
            out.refs.append(f"g{gid}")
            out.lines.append(f"gave g{gid} ({give.kind}): {give.text}")
            skip = {c.ref for c in closings}
            kept = [(pid, t) for pid, t in _fulfilled(main, give.text, to) if f"p{pid}" not in skip]
            if len(kept) == 1:
                pid, promise_text = kept[0]
                ledger.close_item(f"p{pid}", "done", now)
                out.lines.append(f"p{pid}: done (you promised: {promise_text}; g{gid} fulfils it)")
            elif kept:
                refs = ", ".join(f"p{pid}" for pid, _t in kept)
                out.lines.append(
                    f"g{gid} may fulfil {refs}; close the one it does with `netty done pN`"
                )
        for ask in note.asks:
            target = find_person(ask.target_person, [main]) if ask.target_person else None
            aid = ledger.add_ask(
                main,
                ask.text,
                now=now,
                asked_at=when,
                target_contact=target,
                target_org=ask.target_org,
                interaction_id=iid,
            )
            out.refs.append(f"a{aid}")
            out.lines.append(f"asked a{aid}: {ask.text}")
        for promise in note.promises:
            pid = ledger.add_promise(
                main, promise.direction, promise.text, now=now, due=promise.due, interaction_id=iid
            )
            who = "I owe" if promise.direction == "i_owe" else "they owe"
            due = f" (by {promise.due.isoformat()})" if promise.due else ""
            out.refs.append(f"p{pid}")
            out.lines.append(f"{who} p{pid}: {promise.text}{due}")
        for known in note.knows:
            out.lines.append(_record_knows(main, known, now))
        for follow in note.follow_ups:
            rid = reminders.remind(main, follow.when, follow.text, now, interaction_id=iid)
            out.refs.append(rid)
            out.lines.append(f"reminder {rid}: {follow.text} on {follow.when.to_date_string()}")
        if note.tags:
            add_tags(main, note.tags)
            out.lines.append("tags: " + " ".join("#" + t for t in note.tags))
        if note.organization:
            contact = Contact.get_by_id(main)
            if contact.organization_id is None:
                contact.organization = organization_for(note.organization, now)
                contact.save(only=[Contact.organization])
                refresh_search_text([main])
                out.lines.append(f"organization: {note.organization}")
        for closing in closings:
            status = ledger.close_item(closing.ref, closing.how, now)
            out.lines.append(f"{closing.ref}: {status}")
        for item_id in answers:  # due items this log answers (a follow-up, a check-in)
            out.lines.append(f"{item_id}: {reminders.done(item_id, now)}")
        for problem in note.problems:
            out.lines.append(f"note: {problem}")
        ch.label = _label(interaction.kind, ids, out.refs, closings)
        if answers:
            ch.label += f"; {', '.join(answers)} done"
    return out


def _record_knows(main: int, known: KnowsNote, now: pendulum.DateTime) -> str:
    """Link ``main`` to the person a ``knows:`` line names, creating them if new; one line."""
    from netty.errors import Ambiguous
    from netty.services.knows import add_knows, person_for

    try:
        other, created = person_for(known.name, known.organization, now, exclude=main)
    except Ambiguous:
        return (
            f"note: {known.name!r} matches several contacts; link the right one with "
            f"`netty knows #{main} #ID`"
        )
    how, _new = add_knows(main, other, now, known.how)
    name = Contact.get_by_id(other).name
    at = f" at {known.organization}" if known.organization else ""
    made = f"; added {name}{at} as #{other}" if created else ""
    return f"knows {name} ({how}){made}"


def _label(kind: str, ids: Sequence[int], refs: Sequence[str], closings: Sequence[Closing]) -> str:
    """``logged coffee with Sally Jones: 1 need, 2 promises`` (for the journal)."""
    names = {"n": "need", "g": "give", "a": "ask", "p": "promise", "r": "reminder"}
    parts = [
        plural(sum(1 for r in refs if r[0] == letter), noun)
        for letter, noun in names.items()
        if any(r[0] == letter for r in refs)
    ]
    if closings:
        parts.append(plural(len(closings), "item") + " closed")
    return f"logged {kind} with {who(ids)}" + (": " + ", ".join(parts) if parts else "")


def _fulfilled(contact_id: int, give_text: str, introduced_to: int | None) -> list[tuple[int, str]]:
    """Open promises I owe ``contact_id`` that a give fulfils: (id, text) pairs.

    A promise is fulfilled when it names the person the give introduced (``i owe:
    intro to Ann`` and ``gave: intro to Ann Lee``) or when every word it has that is
    worth matching is in the give too (``i owe: the deck`` and ``gave: sent the deck``).
    """
    from netty.db.models import Promise
    from netty.services.prep import need_words

    rows = list(
        Promise.select(Promise.id, Promise.text).where(
            (Promise.contact == contact_id)
            & (Promise.direction == "i_owe")
            & (Promise.status == "open")
        )
    )
    if not rows:
        return []
    person: list[str] = []
    if introduced_to is not None:
        name = fold(Contact.get_by_id(introduced_to).name).split()
        person = [" ".join(name), name[0]] if name else []
    given = set(need_words(give_text))
    out = []
    for row in rows:
        words = fold(row.text).replace(",", " ").split()
        text = " " + " ".join(words) + " "
        named = any(f" {n} " in text for n in person)
        wanted = set(need_words(row.text))
        if named or (wanted and wanted <= given):
            out.append((row.id, row.text))
    return out


def add_tags(contact_id: int, names: Sequence[str]) -> None:
    """Add tags to a contact (keeping the ones it has)."""
    for name in names:
        tag, _ = Tag.get_or_create(name=name)
        ContactTag.insert(contact=contact_id, tag=tag.id).on_conflict_ignore().execute()
    refresh_search_text([contact_id])
