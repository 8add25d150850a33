"""The ``netty`` command: parses arguments, calls a service, prints the result.

Exit codes: 0 success; 2 bad input or usage (one line on stderr saying what is
wrong and how to fix it); 1 anything else. No tracebacks for user errors
(set ``NETTY_DEBUG=1`` to see one for a real bug).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from netty import __version__, clock
from netty.cli_io import echo
from netty.dates import ago, moment_in, parse_when, plural
from netty.db import close_database, explain_error, open_database
from netty.db.dialect import mask_password
from netty.errors import NettyError
from netty.paths import resolve_db

# Commands that write: they refuse a read-only or damaged file before writing.
WRITE_COMMANDS = frozenset(
    {"add", "edit", "archive", "restore", "log", "event", "target", "remind", "snooze"}
    | {"done", "drop", "import", "merge", "demo"}
    | {"undo", "redo", "edit-item", "delete", "reopen"}
    | {"sync", "knows"}
)  # `update` opens for writing only for sent, template edits and saving lists


class Env:
    """What every command shares: the database option and the clock, read once."""

    def __init__(self, db_option: str | None) -> None:
        self.db_option = db_option
        self.now = clock.now()
        self.location: str | None = None
        self.command: str | None = None

    def open(self, target: str | None = None, *, write: bool | None = None) -> str:
        """Open (creating and migrating if needed) the database; returns where it is.

        ``write`` (by default: whether the command is in ``WRITE_COMMANDS``)
        refuses a read-only or damaged file first (see ``open_database``).
        """
        self.location = target or resolve_db(self.db_option)
        if write is None:
            write = self.command in WRITE_COMMANDS
        open_database(self.location, self.now, for_writing=write)
        return self.location


pass_env = click.make_pass_decorator(Env)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _echo_json_array(items: Iterable[Any]) -> None:
    """Print ``items`` as ``_echo_json(list(items))`` would, one item at a time."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        click.echo(("[\n  " if first else ",\n  ") + text, nl=False)
        first = False
    click.echo("[]" if first else "\n]")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_option",
    metavar="PATH",
    help="Database file (or URL) to use; overrides NETTY_DB and the default location.",
)
@click.version_option(__version__, prog_name="netty")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """netty: a keyboard-driven personal CRM for people who network by giving first.

    Run without a command to open the app on your network.
    """
    ctx.obj = Env(db_option)
    ctx.obj.command = ctx.invoked_subcommand
    ctx.call_on_close(close_database)
    if ctx.invoked_subcommand is None:
        env: Env = ctx.obj
        env.open()
        _run_app(env)


def _run_app(env: Env) -> None:
    try:
        from netty.ui.app import run_app
    except ImportError as exc:
        raise click.ClickException(
            "the terminal app is not there yet; use the commands (`netty --help`)"
        ) from exc
    run_app(env.location, env.now)


# ------------------------------------------------------------------ contacts

_contact_options = [
    click.option("--org", "organization", metavar="ORG", help="Organization they work for."),
    click.option("--title", metavar="T", help="Job title."),
    click.option("--email", "emails", multiple=True, metavar="E", help="Email (repeatable)."),
    click.option("--phone", "phones", multiple=True, metavar="P", help="Phone (repeatable)."),
    click.option(
        "--url", "urls", multiple=True, metavar="U", help="URL, e.g. LinkedIn (repeatable)."
    ),
    click.option("--ring", metavar="1|2|3", help="1 inner circle, 2 colleagues, 3 acquaintances."),
    click.option("--channel", metavar="C", help="Where you met: work, civic club, online, ..."),
    click.option("--every", "cadence", metavar="DAYS", help="Keep-in-touch cadence in days."),
    click.option("--tag", "tags", multiple=True, metavar="T", help="Tag (repeatable)."),
    click.option("--met", "how_met", metavar="TEXT", help="How you met."),
    click.option("--introduced-by", metavar="CONTACT", help="Who introduced you."),
    click.option("--details", metavar="TEXT", help="Personal details: family, interests, career."),
    click.option("--notes", metavar="TEXT", help="Notes."),
    click.option("--location", metavar="TEXT", help="Where they live or work."),
    click.option("--strength", metavar="0-5", help="How strong the relationship is."),
    click.option(
        "--birthday",
        metavar="DATE",
        help="03-15, --03-15 (no year) or 1980-03-15; an empty value clears it.",
    ),
    click.option("--anniversary", metavar="DATE", help="As --birthday."),
]


def contact_options(func):
    for option in reversed(_contact_options):
        func = option(func)
    return func


def _fields(opts: dict[str, Any], *, editing: bool, current=None):
    from netty.services.contacts import UNSET, ContactFields, resolve_contact, without

    values: dict[str, Any] = {}
    for key in (
        "organization",
        "title",
        "ring",
        "channel",
        "how_met",
        "details",
        "notes",
        "location",
        "strength",
        "birthday",
        "anniversary",
    ):
        if opts.get(key) is not None:
            values[key] = opts[key]
    if opts.get("cadence") is not None:
        values["cadence_days"] = opts["cadence"]
    if opts.get("introduced_by"):
        values["introduced_by"] = resolve_contact(opts["introduced_by"], archived=None)
    lists = {
        "emails": "remove_emails",
        "phones": "remove_phones",
        "urls": "remove_urls",
        "tags": "remove_tags",
    }
    for key, remove_key in lists.items():
        added = list(opts.get(key) or ())
        removed = list(opts.get(remove_key) or ())
        if not editing:
            if added:
                values[key] = added
        elif added or removed:
            values[key] = without(getattr(current, key), removed, key) + added
    return ContactFields(**values) if values or editing else ContactFields(name=UNSET)


def _print_contact_line(row, now) -> None:
    org = ", ".join(x for x in (row.title, row.organization) if x)
    last = ago(row.last_interaction_at, now)
    flag = " (archived)" if row.archived else ""
    echo(f"#{row.id:<5} {row.name}{flag}  ·  {org or '-'}  ·  ring {row.ring}  ·  last {last}")


@cli.command()
@click.argument("name")
@contact_options
@pass_env
def add(env: Env, name: str, **opts: Any) -> None:
    """Add a contact called NAME."""
    from netty.services.contacts import ContactFields, add_contact, check_fields

    plain_opts = {k: v for k, v in opts.items() if k != "introduced_by"}
    check_fields(ContactFields(**{**_fields(plain_opts, editing=False).given(), "name": name}))
    env.open()
    fields = _fields(opts, editing=False)
    fields = ContactFields(**{**fields.given(), "name": name})
    view = add_contact(fields, env.now)
    echo(f"added #{view.id} {view.name}")


@cli.command()
@click.argument("contact")
@click.option("--name", help="New name.")
@contact_options
@click.option("--remove-email", "remove_emails", multiple=True, metavar="E")
@click.option("--remove-phone", "remove_phones", multiple=True, metavar="P")
@click.option("--remove-url", "remove_urls", multiple=True, metavar="U")
@click.option("--remove-tag", "remove_tags", multiple=True, metavar="T")
@click.option("--nickname", "nicknames", multiple=True, metavar="N", help="Add a nickname.")
@click.option("--remove-nickname", "remove_nicknames", multiple=True, metavar="N")
@pass_env
def edit(
    env: Env,
    contact: str,
    name: str | None,
    nicknames: tuple[str, ...],
    remove_nicknames: tuple[str, ...],
    **opts: Any,
) -> None:
    """Change a contact's fields. --email/--phone/--url/--tag/--nickname add; --remove-* remove."""
    from netty.services.cardinfo import edit_card
    from netty.services.changes import change
    from netty.services.contacts import (
        ContactFields,
        edit_contact,
        get_contact,
        resolve_contact,
    )

    card_edit = bool(nicknames or remove_nicknames)
    env.open()
    contact_id = resolve_contact(contact, archived=None)
    given = _fields(opts, editing=True, current=get_contact(contact_id)).given()
    if name is not None:
        given["name"] = name
    if not given and not card_edit:
        raise click.UsageError("nothing to change; give at least one option (see --help)")
    if not given:
        edit_card(contact_id, env.now, add_nicknames=nicknames, remove_nicknames=remove_nicknames)
        echo(f"updated #{contact_id} {get_contact(contact_id).name}")
        return

    def fields_now(current):  # read-modify-write inside the write lock (issue 9)
        given = _fields(opts, editing=True, current=current).given()
        if name is not None:
            given["name"] = name
        return ContactFields(**given)

    if not card_edit:
        view = edit_contact(contact_id, fields_now, env.now)
    else:
        with change("edited a contact", env.now, kind="edit"):  # one change for both
            view = edit_contact(contact_id, fields_now, env.now)
            edit_card(
                contact_id, env.now, add_nicknames=nicknames, remove_nicknames=remove_nicknames
            )
    echo(f"updated #{view.id} {view.name}")


@cli.command()
@click.argument("contact")
@pass_env
def archive(env: Env, contact: str) -> None:
    """Archive a contact (hidden everywhere; `netty restore` brings it back)."""
    from netty.services.contacts import archive_contact, resolve_contact

    env.open()
    view = archive_contact(resolve_contact(contact), env.now)
    echo(f"archived #{view.id} {view.name}; undo with: netty restore {view.id}")


@cli.command()
@click.argument("contact")
@pass_env
def restore(env: Env, contact: str) -> None:
    """Bring back an archived contact."""
    from netty.services.contacts import resolve_contact, restore_contact

    env.open()
    view = restore_contact(resolve_contact(contact, archived=True), env.now)
    echo(f"restored #{view.id} {view.name}")


@cli.command("list")
@click.option(
    "--search", metavar="TEXT", help="Match name, organization, title, emails, tags, notes."
)
@click.option("--tag", metavar="T")
@click.option("--ring", metavar="N")
@click.option("--org", "organization", metavar="ORG")
@click.option("--archived", is_flag=True, help="List archived contacts instead.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (see README).")
@pass_env
def list_(env: Env, as_json: bool, **filters: Any) -> None:
    """List contacts, by name."""
    from netty.db import database
    from netty.services.contacts import iter_contact_lines, iter_contacts, parse_ring

    if filters.get("ring") is not None:
        filters["ring"] = parse_ring(filters["ring"])
    env.open()
    with database.atomic():  # one consistent read, streamed
        if as_json:
            from netty.services.views import to_json

            _echo_json_array(to_json(r) for r in iter_contacts(**filters))
            return
        printed = 0
        for row in iter_contact_lines(**filters):
            _print_contact_line(row, env.now)
            printed += 1
    if not printed:
        echo("no contacts match", err=True)


def _card_lines(contact_id: int) -> list[tuple[str, str]]:
    """``netty show``'s lines for the card's fields (full name, nicknames, addresses...)."""
    from netty.services.cardinfo import card_info

    info = card_info(contact_id)
    return [
        ("full name", info.full_name),
        ("nicknames", ", ".join(info.nicknames)),
        ("unit, role", ", ".join(x for x in (info.unit, info.role) if x)),
        *((f"also ({n})" if len(info.affiliations) > 1 else "also", a)
          for n, a in enumerate(info.affiliations, start=1)),
        *((label or "address", text) for label, text in info.addresses),
        *((service, value) for service, value in info.handles),
        ("gender", info.gender),
    ]  # fmt: skip


@cli.command()
@click.argument("contact")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (see README).")
@pass_env
def show(env: Env, contact: str, as_json: bool) -> None:
    """Show a contact with reminders, needs, gives, asks, promises and interactions."""
    from netty.services.contacts import resolve_contact
    from netty.services.timeline import contact_detail
    from netty.services.views import detail_json

    env.open()
    detail = contact_detail(resolve_contact(contact, archived=None))
    if as_json:
        from dataclasses import asdict

        from netty.services.cardinfo import card_info

        data = detail_json(detail)
        data["card"] = asdict(card_info(detail.contact.id))
        _echo_json(data)
        return
    c = detail.contact
    echo(f"#{c.id} {c.name}" + ("  (archived)" if c.archived else ""))
    from netty.services.card import target_lines

    for label, value in (
        ("works", ", ".join(x for x in (c.title, c.organization) if x)),
        *target_lines(c.id),
        (
            "ring",
            f"{c.ring}, every {plural(c.cadence_days, 'day')}"
            + (" (ring default)" if c.cadence_is_default else ""),
        ),
        (
            "met",
            ", ".join(
                x
                for x in (c.channel, c.how_met, c.met_at_event.name if c.met_at_event else "")
                if x and (x == c.how_met or x.lower() not in c.how_met.lower())
            ),
        ),
        ("introduced by", c.introduced_by.name if c.introduced_by else ""),
        ("emails", ", ".join(c.emails)),
        ("phones", ", ".join(c.phones)),
        ("urls", ", ".join(c.urls)),
        ("linkedin", c.linkedin if c.linkedin and c.linkedin not in c.urls else ""),
        ("location", c.location),
        *_card_lines(c.id),
        ("tags", " ".join("#" + t for t in c.tags)),
        ("birthday", _date_line(c.birthday, env.now)),
        ("anniversary", _date_line(c.anniversary, env.now)),
        ("strength", _strength_words(c.id, c.strength, env.now)),
        ("last contact", ago(c.last_interaction_at, env.now)),
        ("next ping", c.next_ping_at.in_tz(_local_zone()).to_date_string()),
        ("details", c.details),
        ("notes", c.notes),
    ):
        if value:
            echo(f"  {label:>13}: {value}")
    tz = env.now.timezone
    sections = (
        (
            "Reminders",
            [
                f"[{r.ref}] {r.due_at.in_tz(tz).format('YYYY-MM-DD HH:mm')} {r.text} ("
                + (f"done {r.done_at.in_tz(tz).to_date_string()}" if r.done_at else "open")
                + f"; {r.origin(tz)})"
                for r in detail.reminders
            ],
        ),
        (
            "Needs",
            [
                f"[{n.ref}] {n.text} ({n.status}" + (f", by {n.horizon})" if n.horizon else ")")
                for n in detail.needs
            ],
        ),
        ("Gave", [f"[{g.ref}] {g.kind}: {g.text}" for g in detail.gives]),
        ("Asked", [f"[{a.ref}] {a.text} ({a.status})" for a in detail.asks]),
        (
            "Promises",
            [
                f"[{p.ref}] {'I owe' if p.direction == 'i_owe' else 'they owe'}: {p.text} ({p.status}"
                + (f", due {p.due})" if p.due else ")")
                for p in detail.promises
            ],
        ),
        (
            "Interactions",
            [
                f"[{i.ref}] {i.occurred_at.in_tz(env.now.timezone).to_date_string()} {i.kind}: {i.summary.splitlines()[0] if i.summary else ''}"
                for i in detail.interactions
            ],
        ),
    )
    for title, lines in sections:
        if lines:
            echo(f"\n{title}")
            for line in lines:
                echo(f"  {line}")


def _date_line(value, now) -> str:
    """``4 December 1986 · turns 40 on Friday (in 4 days)``; the words only when near."""
    from netty.services.birthdays import soon_words

    if value is None:
        return ""
    near = soon_words(value, now)
    return value.label() + (f" · {near}" if near else "")


@cli.command()
@click.argument("args", nargs=-1, required=True, metavar="CONTACT [CONTACT...] [NOTE]")
@click.option(
    "--kind",
    default=None,
    show_default="note",
    help="coffee, meal, call, video, email, message, event, intro, thank-you, note.",
)
@click.option(
    "--when",
    default="now",
    show_default=True,
    help="today, yesterday, fri, 3 days ago, 2026-11-01 ...",
)
@click.option("--summary", default=None, help="What happened (instead of a NOTE's summary).")
@click.option("--by-them", is_flag=True, help="They started it.")
@pass_env
def log(
    env: Env, args: Sequence[str], kind: str, when: str, summary: str | None, by_them: bool
) -> None:
    """Record an interaction, and everything a NOTE says, in one go.

    \b
    NOTE is free text; these markers become records (case-insensitive, clauses
    separated by ; or new lines):
      needs: TEXT [by WHEN]       what they need (default: in 45 days)
      gave: TEXT                  what I gave (intro / resource / advice / favour)
      asked: TEXT                 my specific ask; @Org or a contact's name is its target
      i owe: TEXT [by WHEN]       a promise I made
      they owe: TEXT [by WHEN]    a promise they made
      follow up WHEN [TEXT]       a reminder
      knows: NAME [@ORG] [(HOW)]  they know NAME (added if new); HOW: friend, ...
      #tag  @Org                  a tag; their organization if they have none
    The last argument is the NOTE when it has a marker, or several words that
    are not a contact's name; a single unknown word is an unknown contact.
    """
    from netty.errors import NotFound
    from netty.services.contacts import resolve_contact
    from netty.services.notes import record_note
    from netty.services.timeline import parse_kind

    kind = parse_kind(kind)
    moment = parse_when(when, env.now)
    env.open()
    names, note = list(args), ""
    if len(names) > 1:
        last = names[-1]
        if _looks_like_note(last):
            note = names.pop()
        elif " " in last.strip():  # one word is a (mistyped) name, never a note
            try:
                resolve_contact(last)
            except NotFound:
                note = names.pop()
        else:
            try:
                resolve_contact(last)
            except NotFound:
                word = last.strip()
                raise NotFound(
                    f"no contact matches {word!r}; if it says what happened, use "
                    f"--kind {word} (coffee, call, ...) or --summary {word!r}"
                ) from None
            except NettyError:
                pass  # ambiguous: asked below
    ids = [_choose_contact(c, env.now) for c in names]
    recorded = record_note(
        ids, note, kind=kind, when=moment, now=env.now, by_them=by_them, summary=summary
    )
    first, *rest = recorded.lines
    echo(f"logged [{recorded.interaction_ref}] {first}")
    for line in rest:
        echo(f"  {line}")


def _strength_words(contact_id: int, strength: int | None, now) -> str:
    """'3/5; suggested 4/5 (last talked ...)': the user's value is never changed."""
    from netty.services.review import suggest_strength

    suggested = suggest_strength(contact_id, now)
    mine = f"{strength}/5" if strength is not None else "not set"
    return f"{mine}; suggested {suggested.score}/5 ({', '.join(suggested.reasons)})"


def _local_zone() -> Any:
    """The user's time zone (the ``TZ`` variable, else the system's) for dates shown."""
    import pendulum

    zone = os.environ.get("TZ", "").strip().lstrip(":")
    if zone:
        try:
            return pendulum.timezone(zone)
        except Exception:  # an unknown TZ value: fall back to the system's zone
            pass
    return pendulum.local_timezone()


def _choose_contact(text: str, now) -> int:
    """The contact ``text`` names; several matches are asked about on a terminal.

    Without a terminal the Ambiguous error (exit 2) lists each candidate with
    organization, title and last contact: nothing is guessed.
    """
    from netty.errors import Ambiguous
    from netty.services.candidates import candidates
    from netty.services.contacts import resolve_contact

    try:
        return resolve_contact(text)
    except Ambiguous as exc:
        if not sys.stdin.isatty():
            raise
        found = candidates(cid for cid, _name in exc.candidates)
        echo(f"{text!r} matches several contacts:", err=True)
        for number, candidate in enumerate(found, 1):
            echo(f"  {number}. {candidate.describe(now.tz or 'UTC')}", err=True)
        number = click.prompt(
            "which one (a number; ctrl+c to stop)",
            type=click.IntRange(1, len(found)),
            err=True,
        )
        return found[number - 1].id


def _looks_like_note(text: str) -> bool:
    return any(ch in text for ch in ":;\n#") or len(text.split()) > 4


@cli.command()
@click.argument("contact")
@click.option("--markdown", is_flag=True, help="Clean Markdown for a phone or a printer.")
@pass_env
def prep(env: Env, contact: str, markdown: bool) -> None:
    """The prep sheet before meeting CONTACT: give before you get."""
    from netty.services.contacts import resolve_contact
    from netty.services.prep import build_prep_sheet, to_markdown

    env.open()
    sheet = build_prep_sheet(resolve_contact(contact, archived=None), env.now)
    if markdown:
        echo(to_markdown(sheet), nl=False)
        return
    echo(sheet.name)
    echo(sheet.headline)
    for section in sheet.sections:
        echo(f"\n{section.title}")
        for line in section.lines:
            echo(f"  • {line}")


@cli.command()
@click.argument("name")
@click.option("--when", default="today", show_default=True, help="When it was.")
@click.option(
    "--channel", metavar="C", help="civic club, business event, ... (default: business event)"
)
@click.option("--venue", default="", help="Where it was.")
@click.option(
    "--person",
    "persons",
    multiple=True,
    metavar="LINE",
    help='One person met, e.g. "Sally Jones @XYZ Corp, VP Eng needs: a designer". '
    "Repeatable; without it, one per line on stdin.",
)
@pass_env
def event(
    env: Env, name: str, when: str, channel: str | None, venue: str, persons: tuple[str, ...]
) -> None:
    """Record an event and everyone you met there, all in one go.

    \b
    Each person's line: NAME [@ORG][, TITLE] [#tag] [note: needs:, i owe:, ...],
    or #ID [note] for an existing contact by id. A person whose name matches one
    existing contact exactly is that contact (asked first on a terminal); a name
    matching several is asked about, or without a terminal exits 2 listing them;
    a close match is offered and otherwise a new contact is made: nothing is
    merged silently.
    """
    import sys

    from netty.errors import Ambiguous
    from netty.services.candidates import candidates, describe_all
    from netty.services.contacts import parse_channel
    from netty.services.events import read_people, record_event

    moment = parse_when(when, env.now)
    parse_channel(channel)
    text = "\n".join(persons) if persons else ("" if sys.stdin.isatty() else sys.stdin.read())
    interactive = sys.stdin.isatty()
    env.open()
    people = read_people(text, env.now)
    chosen: list[tuple[object, int | None]] = []
    tz = env.now.tz or "UTC"
    for person in people:
        use = person.suggested
        if interactive:
            use = None
            for candidate in candidates(person.candidate_ids):
                if click.confirm(
                    f"line {person.line_no}: is {person.name!r} your contact "
                    f"{candidate.describe(tz)}?",
                    default=(candidate.name == person.name and not person.ambiguous),
                ):
                    use = candidate.id
                    break
        elif person.ambiguous:
            raise Ambiguous(
                f"line {person.line_no}: {person.name!r} matches several contacts: "
                f"{describe_all(person.candidate_ids, tz)}; write #ID for one of them, "
                "or add the new person first with `netty add` and use their #ID",
                list(person.exact + person.close),
            )
        elif person.close and use is None:
            hint = ", ".join(f"{n} (#{c})" for c, n in person.close)
            echo(
                f"line {person.line_no}: {person.name} is new; close to {hint}: "
                "`netty merge` them if they are the same person",
                err=True,
            )
        chosen.append((person, use))
    event_id, lines = record_event(
        name, when=moment, people=chosen, now=env.now, venue=venue, channel=channel
    )
    echo(
        f"event #{event_id} {name} on {moment.to_date_string()}: {plural(len(chosen), 'person', 'people')}"
    )
    for line in lines:
        echo(f"  {line}")


# ------------------------------------------------------------------ organizations, settings


@cli.command()
@click.argument("name", metavar="[ORG]", required=False)
@click.option("--person", is_flag=True, help="NAME is a contact: a person you want to reach.")
@click.option("--note", metavar="TEXT", help="Why this is a target.")
@click.option("--off", is_flag=True, help="No longer a target.")
@click.option("--json", "as_json", is_flag=True, help="Without ORG: the targets as JSON.")
@pass_env
def target(
    env: Env, name: str | None, person: bool, note: str | None, off: bool, as_json: bool
) -> None:
    """Mark ORG as a target employer or client (--person: a contact), with --note on why.

    Without ORG, list the targets: organizations, then people, each with why.
    """
    from netty.services import targets

    if name is None:
        if person or note is not None or off:
            raise click.UsageError("name the target, e.g. `netty target --person 'Sally Jones'`")
        env.open(write=False)
        found = targets.targets()
        if as_json:
            _echo_json([t.to_json() for t in found])
            return
        if not found:
            echo("no targets yet: `netty target ORG` or `netty target --person NAME`")
        for t in found:
            detail = f" ({t.detail})" if t.detail else ""
            why = f": {t.note}" if t.note else ""
            echo(f"{t.kind:<12} {t.name}{detail}{why}")
        return
    env.open(write=True)
    if person:
        from netty.services.contacts import resolve_contact

        found = targets.set_person_target(resolve_contact(name), not off, env.now, note)
    else:
        found = targets.set_organization_target(name, not off, env.now, note)
    why = f": {found.note}" if found.note and not off else ""
    echo(f"{found.name} is {'no longer ' if off else ''}a target{why}")


@cli.command()
@click.argument("ring", required=False, type=int)
@click.argument("days", required=False, type=int)
@pass_env
def cadence(env: Env, ring: int | None, days: int | None) -> None:
    """Show the default keep-in-touch cadence per ring, or set RING to DAYS."""
    from netty.db.vocab import RINGS
    from netty.services import settings

    env.open()
    if ring is not None and days is None:
        raise click.UsageError("give both RING and DAYS, e.g. `netty cadence 2 45`")
    cadences = (
        settings.set_ring_cadence(ring, days, env.now)
        if ring is not None
        else settings.ring_cadences()
    )
    for number, label in RINGS.items():
        echo(f"ring {number} ({label}): every {plural(cadences[number], 'day')}")


CONFIG_KEYS = {
    "poll-seconds": (
        "poll_seconds",
        60,
        5,
        86400,
        "how often the app asks the reminder engine what is due",
    ),
    "birthday-days": (
        "birthday_days",
        7,
        0,
        60,
        "days before a birthday or anniversary it is due; 0 = on the day",
    ),
}


SYNC_CONFIG_KEYS = {
    "sync.vdir": "the folder of .vcf files `netty sync vdir` and the app sync with",
    "sync.on_start": "sync the vdir when the app starts (on/off)",
    "sync.poll": "sync the vdir on the app's poll, every poll-seconds (on/off)",
}
_SWITCH = {"on": True, "yes": True, "true": True, "1": True}
_SWITCH |= {"off": False, "no": False, "false": False, "0": False}


@cli.command()
@click.argument("key", required=False)
@click.argument("value", required=False)
@pass_env
def config(env: Env, key: str | None, value: str | None) -> None:
    """Show settings, or set KEY to VALUE: netty config poll-seconds 30."""
    from netty.services import settings

    if key is not None and key not in CONFIG_KEYS and key not in SYNC_CONFIG_KEYS:
        known = ", ".join([*CONFIG_KEYS, *SYNC_CONFIG_KEYS])
        raise click.UsageError(f"unknown setting {key!r}; known: {known}")
    env.open()
    for name, (stored, default, low, high, what) in CONFIG_KEYS.items():
        if key == name and value is not None:
            try:
                number = int(value)
            except ValueError:
                number = low - 1
            if not low <= number <= high:
                raise click.UsageError(f"{name} must be from {low} to {high}")
            settings.put(stored, number, env.now)
        if key in (None, name):
            echo(f"{name} = {settings.get(stored, default)}  ({what})")
    for name, what in SYNC_CONFIG_KEYS.items():
        if key == name and value is not None:
            settings.put(name, _sync_setting(name, value), env.now)
        if key in (None, name):
            stored = settings.get(name)
            shown = "on" if stored is True else "off"
            if name == "sync.vdir":
                shown = stored or "(none)"
            echo(f"{name} = {shown}  ({what})")


def _sync_setting(name: str, value: str) -> str | bool:
    """A ``sync.*`` value as stored: the vdir as an absolute folder, a switch as a bool."""
    if name == "sync.vdir":
        from netty.services.sync.vdir import vdir_path

        return "" if value in ("", "none", "off") else str(vdir_path(value))
    switch = _SWITCH.get(value.strip().lower())
    if switch is None:
        raise click.UsageError(f"{name} is on or off, not {value!r}")
    return switch


@cli.command()
@pass_env
def info(env: Env) -> None:
    """Where the database is and what it holds."""
    from netty.db import known_migrations
    from netty.services.contacts import counts

    location = env.open()
    c = counts()
    echo(f"database: {mask_password(location)}")
    echo(f"schema:   {known_migrations()[-1]}")
    echo(f"contacts: {c['active']} active, {c['archived']} archived")


@cli.command()
@pass_env
def check(env: Env) -> None:
    """Check the database for damage: on a file, SQLite's integrity and foreign-key
    checks; on a server, netty's tables, constraints, indexes; on both, the journal
    triggers undo needs.

    Exit 0 and "ok" when sound; otherwise the problems found, then one line on
    stderr saying what to do, and exit 2.
    """
    from netty.services.backup import check_database

    location = env.open()
    report = check_database(mask_password(location))
    if report.ok:
        echo(f"ok: {report.location} passed {report.checks}")
        return
    for line in report.problems[:20]:
        echo(f"  {line}")
    raise NettyError(report.advice)


# ------------------------------------------------------------------ reminders


TEXT_LIMIT = 50  # `netty due` text lines without --limit


@cli.command("due")
@click.option("--within", metavar="SPAN", help="Also what falls due within SPAN (7d, 2w).")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    metavar="KIND",
    help="ping, deliver, nudge, thank, check-in, custom, birthday, anniversary (repeatable).",
)
@click.option("--count", is_flag=True, help="Print only how many things are due.")
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=None,
    help="At most this many items (default 50 lines of text; --json prints all unless given).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (see README).")
@pass_env
def due_cmd(
    env: Env,
    within: str | None,
    kinds: tuple[str, ...],
    count: bool,
    limit: int | None,
    as_json: bool,
) -> None:
    """What is due: pings, promises to deliver, nudges, thank-yous, check-ins, reminders,
    birthdays and anniversaries.

    Each text line shows the item's id, kind, date (in your zone) and what to do.
    """
    from netty.dates import date_in, parse_span
    from netty.services import reminders

    span = parse_span(within) if within else None
    for kind in kinds:
        if kind not in reminders.KINDS:
            raise click.UsageError(
                f"unknown kind {kind!r}; use one of: {', '.join(reminders.KINDS)}"
            )
    env.open()
    if count and not (kinds or span):
        echo(reminders.due_count(env.now))
        return
    items = reminders.due(env.now, within=span, kinds=kinds or None)
    if not span:
        items = [i for i in items if not i.soon]
    if count:
        echo(len(items))
        return
    if as_json:
        _echo_json([i.as_json() for i in items[:limit]])
        return
    shown = limit or TEXT_LIMIT
    for item in items[:shown]:
        who = f"{item.contact}: " if item.contact else ""
        day = date_in(item.due_at, env.now, "cli")
        echo(f"{item.id:<14} {item.kind:<8} {day} {who}{item.reason}")
        if item.wording:
            echo(f"{'':<35}{item.wording}")
    if len(items) > shown:
        echo(f"… and {len(items) - shown:,} more (--limit N, or --json for all)")
    if not items:
        echo("nothing due", err=True)


@cli.command()
@click.argument("contact")
@click.argument("when")
@click.argument("text", nargs=-1, required=True)
@pass_env
def remind(env: Env, contact: str, when: str, text: tuple[str, ...]) -> None:
    """Remind me about CONTACT at WHEN: netty remind sally "in 2 weeks" ask about the role."""
    from netty.services import reminders
    from netty.services.contacts import resolve_contact

    moment = parse_when(when, env.now)
    env.open()
    contact_id = resolve_contact(contact)
    rid = reminders.remind(contact_id, moment, " ".join(text), env.now)
    echo(f"reminder {rid} set for {moment_in(moment, env.now, 'cli')}")


@cli.command()
@click.argument("item_id", metavar="ID")
@click.argument("when")
@pass_env
def snooze(env: Env, item_id: str, when: str) -> None:
    """Hide a due item (an id from `netty due`) until WHEN."""
    from netty.services import reminders

    moment = parse_when(when, env.now)
    env.open()
    reminders.snooze(item_id, moment, env.now)
    echo(f"snoozed {item_id} until {moment_in(moment, env.now, 'cli')}")


@cli.command()
@click.argument("item_id", metavar="ID")
@pass_env
def done(env: Env, item_id: str) -> None:
    """Mark done: a due item (ping-12, deliver-p7, r5 ...) or a record (n4 met, p7 done, a3 granted)."""
    from netty.services import ledger, reminders

    env.open()
    if ledger.is_item_ref(item_id):
        status = ledger.close_item(item_id, "done", env.now)
        echo(f"{item_id}: {status}")
    else:
        echo(f"{item_id}: {reminders.done(item_id, env.now)}")


@cli.command()
@click.argument("item_id", metavar="ITEM")
@click.option("--declined", is_flag=True, help="For an ask: they said no (not withdrawn).")
@pass_env
def drop(env: Env, item_id: str, declined: bool) -> None:
    """Close a record without doing it: a need dropped, a promise dropped, an ask withdrawn."""
    from netty.services import ledger

    env.open()
    status = ledger.close_item(item_id, "decline" if declined else "drop", env.now)
    echo(f"{item_id}: {status}")


# ------------------------------------------------------------------ demo


@cli.command()
@click.option(
    "--size",
    type=click.IntRange(1, 1_000_000),
    help="Generate N contacts instead (for benchmarks).",
)
@click.option("--no-tui", is_flag=True, help="Only write the data; don't open the app.")
@pass_env
def demo(env: Env, size: int | None, no_tui: bool) -> None:
    """Write a demo network into a fresh database (a temporary one unless --db/NETTY_DB) and open the app."""
    import tempfile

    from netty.services import demo as demo_service

    target_db = None
    if not (env.db_option or os.environ.get("NETTY_DB")):
        folder = Path(tempfile.mkdtemp(prefix="netty-demo-"))
        target_db = str(folder / "demo.db")
    location = env.open(target_db)
    if size is None:
        summary = demo_service.load_demo(env.now)
    else:
        summary = demo_service.generate(size, env.now)
    echo(
        f"demo network in {mask_password(location)}: {plural(summary.contacts, 'contact')}, "
        f"{plural(summary.interactions, 'interaction')}",
        err=not no_tui,
    )
    if not no_tui:
        _run_app(env)


# ------------------------------------------------------------------ entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns (and exits with) the exit code."""
    code = _main(list(argv) if argv is not None else sys.argv[1:])
    if argv is None:
        sys.exit(code)
    return code


def _hoist_db(args: list[str]) -> list[str]:
    """Accept ``--db PATH`` after the command too (``netty demo --db x.db``) by moving it
    before the command, where the global option lives. ``--`` ends the search."""
    out, moved, i = [], [], 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            out += args[i:]
            break
        if arg == "--db" and i + 1 < len(args):
            moved += [arg, args[i + 1]]
            i += 2
            continue
        if arg.startswith("--db="):
            moved.append(arg)
        else:
            out.append(arg)
        i += 1
    return moved + out


def _not_utf8(args: list[str]) -> str | None:
    """The first argument that is not UTF-8 text (click hands such bytes over as
    surrogate escapes), shown with its bad bytes as \\xNN; None if all are."""
    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


def _main(args: list[str]) -> int:
    args = _hoist_db(args)
    bad = _not_utf8(args)
    if bad is not None:
        echo(f'netty: the argument "{bad[:60]}" is not UTF-8 text; retype it', err=True)
        return 2
    try:
        result = cli.main(args=args, prog_name="netty", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        echo(f"netty: {_one_line(exc.format_message())}{hint}", err=True)
        return 2
    except click.Abort:
        echo("netty: aborted", err=True)
        return 1
    except NettyError as exc:
        echo(f"netty: {_one_line(str(exc))}", err=True)
        return exc.exit_code
    except click.ClickException as exc:
        echo(f"netty: {_one_line(exc.format_message())}", err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so in one line, keep the traceback for NETTY_DEBUG
        from netty.services.changes import is_busy_error

        if is_busy_error(exc):  # a read that met a writer past the busy timeout
            echo("netty: the database is busy: another netty is writing; try again", err=True)
            return 2
        known = explain_error(exc)  # a full disk, a read-only or damaged file
        if known is not None:
            echo(f"netty: {_one_line(str(known))}", err=True)
            return known.exit_code
        if os.environ.get("NETTY_DEBUG"):
            raise
        echo(f"netty: unexpected error: {type(exc).__name__}: {_one_line(str(exc))}", err=True)
        return 1
    return result if isinstance(result, int) else 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


from netty import cli_io  # noqa: E402  (import/export/backup/duplicates/merge commands)

cli_io.register(cli)

from netty import cli_changes  # noqa: E402  (undo/redo/history/edit-item/delete/reopen)

cli_changes.register(cli)

from netty import cli_paths  # noqa: E402  (knows, paths)

cli_paths.register(cli)

from netty import cli_goals  # noqa: E402  (goals, channels, strategy)

cli_goals.register(cli)

from netty import cli_progress  # noqa: E402  (stats/review/update)

cli_progress.register(cli)

from netty import cli_sync  # noqa: E402  (sync vdir)

cli_sync.register(cli)


if __name__ == "__main__":  # pragma: no cover
    main()
