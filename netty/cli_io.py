"""The import, export, backup, duplicates and merge commands of ``netty``.

Registered on the main group by ``netty.cli`` (``cli_io.register(cli)``). Each
command is thin: it opens the database through the shared ``Env`` (the click
context object), calls a service, and prints the result; errors are
``NettyError`` (one line, exit 2).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import click

from netty.dates import plural
from netty.services.text import for_terminal

#: ``netty export``'s formats: the names of ``netty.services.exporters.EXPORTERS``, in
#: its order (a test keeps them equal), written here so that building the command
#: line does not import the exporters (issue 16: a command imports only what it uses).
EXPORT_FORMATS = ("vcard", "csv", "json", "ics")
PROGRESS_FROM = 2000  # records; smaller imports finish before a bar would help
SHOWN = 20  # skipped records, warnings and possible duplicates printed by name


def echo(text: object = "", **kwargs: Any) -> None:
    """``click.echo`` for text meant for a terminal: stored text never drives it
    (escape sequences, C0/C1 controls and bidi overrides are removed, see
    ``netty.services.text.for_terminal``). JSON output uses ``_echo_json``."""
    click.echo(for_terminal(str(text)), **kwargs)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# ------------------------------------------------------------------ import


class _Progress:
    """A click progress bar on stderr, only when stderr is a terminal and the file is big."""

    def __init__(self) -> None:
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < PROGRESS_FROM or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(length=total, label="importing", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(max(0, done - self.done))
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _print_report(report, path: Path) -> None:
    verb = "would import" if report.dry_run else "imported"
    if report.restored:
        tables = ", ".join(f"{n} {t}" for t, n in report.restored.items() if n)
        echo(f"{verb} {path.name} ({report.source}): {tables or 'nothing'}")
    else:
        unchanged = f" ({report.unchanged} already up to date)" if report.unchanged else ""
        echo(
            f"{verb} {path.name} ({report.source}): {report.created} created, "
            f"{report.merged} merged{unchanged}, {len(report.skipped)} skipped"
        )
    for item in report.skipped[:SHOWN]:
        echo(f"  skipped record {item['record']}: {item['reason']}")
    if len(report.skipped) > SHOWN:
        echo(f"  ... and {len(report.skipped) - SHOWN} more skipped (see --json)")
    for text in report.warnings[:SHOWN]:
        echo(f"  warning: {text}")
    if len(report.warnings) > SHOWN:
        echo(f"  ... and {len(report.warnings) - SHOWN} more warnings (see --json)")
    for dup in report.possible_duplicates[:SHOWN]:
        same = ", ".join(f"#{i}" for i in dup["same_name_as"])
        echo(
            f"  possible duplicate: #{dup['id']} {dup['name']} (record {dup['record']}) "
            f"has the same name as {same}"
        )
    if len(report.possible_duplicates) > SHOWN:
        echo(f"  ... and {len(report.possible_duplicates) - SHOWN} more possible duplicates")
    if report.possible_duplicates and not report.dry_run:
        echo(
            "  review them with `netty duplicates` (or M in the app), "
            "join two with `netty merge KEEP OTHER`"
        )
    if report.dry_run:
        echo("dry run: nothing was written")
    elif report.backup:
        echo(f"backup taken first: {report.backup}")


def _run_import(env, fmt: str, path: Path, dry_run: bool, as_json: bool, mapping=None) -> None:
    from netty.services.importers import import_file

    env.open()
    progress = _Progress()
    try:
        report = import_file(
            fmt, path, env.now, dry_run=dry_run, mapping=mapping, progress=progress
        )
    finally:
        progress.close()
    if as_json:
        _echo_json(report.as_json())
    else:
        _print_report(report, path)


_file_argument = click.argument("file", type=click.Path(dir_okay=True, path_type=Path))
_dry_run_option = click.option(
    "--dry-run", is_flag=True, help="Report what would happen; write nothing."
)
_json_option = click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the report as JSON: created, merged, skipped, warnings, possible_duplicates.",
)


@click.group("import")
def import_group() -> None:
    """Bring contacts in: LinkedIn, vCard, Google/Outlook CSV, or a netty JSON export.

    Every import is one transaction, after an automatic backup; a refused file
    changes nothing. Contacts merge only on a LinkedIn profile, an email
    address, or (for organizations) the organization's name; the same name
    alone is listed as a possible duplicate. Merging fills empty fields and
    adds emails, phones, URLs and tags; it never overwrites. Importing the
    same file again changes nothing. Notes longer than 10,000 characters are
    cut, with a warning.
    """


@import_group.command("linkedin")
@_file_argument
@_dry_run_option
@_json_option
@click.pass_obj
def import_linkedin(env, file: Path, dry_run: bool, as_json: bool) -> None:
    """Import LinkedIn's Connections.csv (from "Get a copy of your data")."""
    _run_import(env, "linkedin", file, dry_run, as_json)


@import_group.command("vcard")
@_file_argument
@_dry_run_option
@_json_option
@click.pass_obj
def import_vcard(env, file: Path, dry_run: bool, as_json: bool) -> None:
    """Import a vCard file (.vcf: 2.1, 3.0 or 4.0, many cards)."""
    _run_import(env, "vcard", file, dry_run, as_json)


@import_group.command("csv")
@_file_argument
@click.option(
    "--map",
    "mapping",
    metavar="FIELD=COLUMN,...",
    help="Which column is which, for a CSV netty does not recognise, e.g. "
    '"name=Full Name,email=E-mail,phone=Mobile,org=Company". Fields: name, first_name, '
    "last_name, organization, title, email, phone, url, notes, details, location, tags, "
    "ring, channel, cadence, strength, how_met.",
)
@_dry_run_option
@_json_option
@click.pass_obj
def import_csv(env, file: Path, mapping: str | None, dry_run: bool, as_json: bool) -> None:
    """Import a Google Contacts or Outlook CSV (or any CSV, with --map)."""
    _run_import(env, "csv", file, dry_run, as_json, mapping=mapping)


@import_group.command("json")
@_file_argument
@_dry_run_option
@_json_option
@click.pass_obj
def import_json(env, file: Path, dry_run: bool, as_json: bool) -> None:
    """Restore a `netty export json` file into an EMPTY database, exactly as it was."""
    _run_import(env, "json", file, dry_run, as_json)


# ------------------------------------------------------------------ export, backup


@click.command("export")
@click.argument(
    "fmt",
    metavar="|".join(EXPORT_FORMATS),
    type=click.Choice(list(EXPORT_FORMATS), case_sensitive=False),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to FILE (atomically, readable only by you) instead of printing.",
)
@click.pass_obj
def export_command(env, fmt: str, output: Path | None) -> None:
    """Export contacts (vCard, CSV), the whole database (JSON) or reminders (ics).

    vCard (3.0) and CSV hold the active contacts; JSON holds every table, and
    `netty import json` restores it into an empty database; ics holds what is
    due and what falls due in the next 30 days, as calendar events with alarms
    (stable UIDs: importing it again updates them). Without -o the export is
    printed.
    """
    from netty.services.exporters import export

    env.open()
    if output is None:
        # An export is file content: printed as it is made, as it is, unless to a
        # terminal (cleaned piece by piece: the cleaning works character by character).
        stream = sys.stdout
        sink = _TerminalSafe(stream) if stream.isatty() else stream
        export(fmt.lower(), None, env.now, out=sink)
        stream.flush()
        return
    result = export(fmt.lower(), output, env.now)
    if result.path is not None:
        noun = "reminder" if fmt.lower() == "ics" else "contact"
        what = plural(result.count, noun)
        if fmt.lower() == "json":
            what += " (and everything else)"
        echo(f"exported {what} to {result.path}")


class _TerminalSafe(io.TextIOBase):
    """A text stream that passes what it is given to ``stream`` made safe for a
    terminal (``for_terminal``)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(for_terminal(text))
        return len(text)


@click.command("backup")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the copy (a file, or a folder); default: beside the database.",
)
@click.pass_obj
def backup_command(env, output: Path | None) -> None:
    """Copy the live database safely (SQLite's online backup API); prints the copy's path."""
    from netty.services.backup import backup_to

    env.open()
    echo(str(backup_to(output, env.now)))


# ------------------------------------------------------------------ duplicates, merge


@click.command("duplicates")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of groups.")
@click.pass_obj
def duplicates_command(env, as_json: bool) -> None:
    """List contacts that may be the same person (same or close names, shared details)."""
    from netty.services.duplicates import find_duplicates
    from netty.services.views import to_json

    env.open()
    groups = find_duplicates()
    if as_json:
        _echo_json([to_json(g) for g in groups])
        return
    if not groups:
        echo("no possible duplicates", err=True)
        return
    for group in groups:
        people = ", ".join(f"#{r.id} {r.name}" for r in group.contacts)
        echo(f"{people}  ({'; '.join(group.reasons)})")
    echo(
        f"{len(groups)} group{'s' if len(groups) != 1 else ''}; join two with "
        "`netty merge KEEP OTHER`",
        err=True,
    )


@click.command("merge")
@click.argument("keep")
@click.argument("other")
@click.option(
    "--take",
    "take",
    multiple=True,
    metavar="FIELD",
    help="Where both differ, take OTHER's value of FIELD (name, organization, title, "
    "location, ring, channel, cadence, strength, ...); repeatable or comma-separated.",
)
@click.option("--json", "as_json", is_flag=True, help="Print what moved as JSON.")
@click.pass_obj
def merge_command(env, keep: str, other: str, take: tuple[str, ...], as_json: bool) -> None:
    """Merge contact OTHER into KEEP: everything moves to KEEP, OTHER is archived.

    A backup is taken first; nothing is deleted. Every field both fill differently
    is listed with the value kept (KEEP's unless --take names it).
    """
    from netty.services.contacts import resolve_contact
    from netty.services.duplicates import merge_contacts
    from netty.services.views import to_json

    fields = [f.strip() for t in take for f in t.split(",") if f.strip()]
    env.open()
    keep_id = resolve_contact(keep)
    other_id = resolve_contact(other, archived=None)
    result = merge_contacts(keep_id, other_id, env.now, take=fields)
    if as_json:
        _echo_json(to_json(result))
        return
    moved = ", ".join(f"{n} {what}" for what, n in result.moved.items()) or "nothing to move"
    echo(
        f"merged #{result.other.id} {result.other.name} into #{result.keep.id} {result.keep.name}: {moved}"
    )
    if result.filled:
        echo(f"  filled from #{result.other.id}: {', '.join(result.filled)}")
    for c in result.conflicts:
        if c.kept == "other":
            echo(
                f"  {c.field}: took “{c.other_value}” from #{result.other.id} over “{c.keep_value}”"
            )
        else:
            echo(
                f"  {c.field}: kept “{c.keep_value}”; #{result.other.id} had "
                f"“{c.other_value}” (--take {c.field} keeps that instead)"
            )
    echo(f"  #{result.other.id} is archived (see `netty list --archived`)")
    if result.backup:
        echo(f"  backup taken first: {result.backup}")


def register(group: click.Group) -> None:
    """Add these commands to the ``netty`` group."""
    for command in (
        import_group,
        export_command,
        backup_command,
        duplicates_command,
        merge_command,
    ):
        group.add_command(command)


__all__ = ["register"]
