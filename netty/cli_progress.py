"""The commands that look back and write to everyone: stats, review, update.

Thin calls into ``netty.services.progress``, ``netty.services.review`` and
``netty.services.update_letter``; ``update sent``, ``update template`` and
``update list NAME CONTACT...`` write, each as one change in the journal.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from netty.cli_io import echo
from netty.dates import parse_when, plural
from netty.db.vocab import RINGS
from netty.services.text import for_terminal


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def stats_table(result) -> list[str]:
    """The figures as aligned lines: one per period, then the totals and reach per channel."""
    head = (
        f"{'period':<9} {'talks':>5} {'in pers':>7} {'online':>6}  {'new 1/2/3':<10} "
        f"{'reached 1/2/3':<13} {'gives':>5} {'asks':>4}  {'kept/late':<9} "
        f"{'to me':>5} {'thanks':>6} {'needs':>5}"
    )
    lines = [head]

    def row(f) -> str:
        new = "/".join(map(str, f.new_by_ring))
        reached = "/".join(map(str, f.reached_by_ring))
        kept = f"{f.kept_on_time}/{f.kept_late}"
        return (
            f"{f.label:<9} {f.interactions:>5} {f.in_person:>7} {f.online:>6}  {new:<10} "
            f"{reached:<13} {f.gives:>5} {f.asks:>4}  {kept:<9} "
            f"{f.kept_to_me:>5} {f.thanks_sent:>6} {f.needs_met_helped:>5}"
        )

    lines += [row(p) for p in result.periods]
    lines.append(row(result.totals))
    if result.reached_by_channel:
        from netty.db.vocab import CHANNELS

        parts = [f"{CHANNELS.get(c, 'no channel')} {n}" for c, n in result.reached_by_channel]
        lines.append("reached by channel: " + ", ".join(parts))
    return lines


def _selection(rings, tags, channels, list_name, to) -> Any:
    from netty.services.contacts import parse_channel, resolve_contact
    from netty.services.update_letter import Selection

    for ring in rings:
        if ring not in RINGS:
            raise click.UsageError(f"--ring must be 1, 2 or 3, not {ring}")
    return Selection(
        rings=tuple(dict.fromkeys(rings)),
        tags=tuple(t.lstrip("#") for t in tags),
        channels=tuple(parse_channel(c) for c in channels),
        list_name=list_name,
        contact_ids=tuple(resolve_contact(c) for c in to),
    )


def selection_options(func):
    """--ring, --tag, --channel, --list, --to: who gets the update."""
    for option in reversed(
        [
            click.option(
                "--ring",
                "rings",
                multiple=True,
                type=int,
                metavar="N",
                help="Ring 1, 2 or 3 (repeatable).",
            ),
            click.option("--tag", "tags", multiple=True, metavar="T", help="Tag (repeatable)."),
            click.option(
                "--channel", "channels", multiple=True, metavar="C", help="Channel (repeatable)."
            ),
            click.option(
                "--list", "list_name", metavar="NAME", help="A saved list (netty update list)."
            ),
            click.option("--to", multiple=True, metavar="CONTACT", help="A contact (repeatable)."),
        ]
    ):
        func = option(func)
    return func


def register(cli: click.Group) -> None:
    """Add stats, review and update to the ``netty`` group (the shared ``Env`` is the
    click context object, as in ``cli_io``, so ``python -m netty.cli`` works too)."""
    pass_env = click.pass_obj

    @cli.command()
    @click.option("--since", metavar="WHEN", help="Start of the span (default: 6 months ago).")
    @click.option(
        "--by",
        type=click.Choice(["week", "month"]),
        default="month",
        show_default=True,
        help="One line per week (Monday to Sunday) or calendar month, in your time zone.",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON object (see README).")
    @pass_env
    def stats(env, since: str | None, by: str, as_json: bool) -> None:
        """Progress over months: talks, new and reached people per ring, gives and asks,
        promises kept, thank-yous and needs met, per week or month."""
        from netty.services.progress import stats as compute

        start = parse_when(since, env.now) if since else None
        if start is not None and start > env.now:
            raise click.UsageError(f"--since {since!r} is in the future; give a past date")
        env.open(write=False)
        result = compute(env.now, since=start, by=by)
        if as_json:
            _json(result.to_json())
            return
        for line in stats_table(result):
            echo(line)

    @cli.command()
    @click.option("--month", metavar="YYYY-MM", help="The month to review (default: this one).")
    @click.option("--markdown", is_flag=True, help="Clean Markdown, to keep or print.")
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
    @pass_env
    def review(env, month: str | None, markdown: bool, as_json: bool) -> None:
        """The month looked back on: what happened, who I helped, who helped me (and
        whether I thanked them), which rings grew, what to do next month."""
        from netty.services.review import monthly_review, parse_month, review_lines

        parse_month(month, env.now)  # bad input: exit 2 before opening anything
        env.open(write=False)
        result = monthly_review(month, env.now)
        if as_json:
            _json(result.to_json())
            return
        for line in review_lines(result, markdown=markdown):
            echo(line)

    @cli.group()
    def update() -> None:
        """The update letter to friends and neighbours: draft, export, mark sent."""

    @update.command("draft")
    @selection_options
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON array of letters.")
    @pass_env
    def update_draft(env, as_json: bool, **picked: Any) -> None:
        """Show each personalised letter (nothing is written)."""
        from netty.services.update_letter import as_text, draft

        env.open(write=False)
        result = draft(_selection(**picked), env.now)
        if as_json:
            _json([letter.to_json() for letter in result.letters])
            return
        _summary(result, env)
        if result.letters:
            echo("")
            echo(as_text(result.letters).rstrip("\n"))

    @update.command("export")
    @selection_options
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["eml", "mailto", "text"]),
        default="eml",
        show_default=True,
        help="One .eml per recipient, mailto: links, or plain text.",
    )
    @click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        help="A folder for .eml files (default: netty-update-DATE here); a file for text.",
    )
    @pass_env
    def update_export(env, fmt: str, output: Path | None, **picked: Any) -> None:
        """Export the letters: .eml files to open in your mail program, mailto: links, or text."""
        from netty.outfile import atomic_text, check_output, protected_paths
        from netty.services.update_letter import as_text, draft, mailto, write_eml

        location = env.open(write=False)
        result = draft(_selection(**picked), env.now)
        if not result.letters:
            raise click.UsageError(f"nobody matches {result.selection.describe()}")
        protect = protected_paths(Path(location)) if location else []
        if fmt == "eml":
            folder = output or Path(f"netty-update-{env.now.to_date_string()}")
            paths = write_eml(result.letters, folder, env.now, protect)
            echo(f"wrote {plural(len(paths), 'letter')} to {Path(paths[0]).parent}")
        elif fmt == "mailto":
            for letter in result.letters:
                if letter.email:
                    echo(f"{for_terminal(letter.name)}: {mailto(letter)}")
        else:
            text = as_text(result.letters)
            if output is None:
                click.echo(for_terminal(text) if sys.stdout.isatty() else text, nl=False)
            else:
                target = check_output(output, protect)
                with atomic_text(target) as out:
                    out.write(text)
                echo(f"wrote {plural(len(result.letters), 'letter')} to {target}")
        for letter in result.without_email:
            echo(f"netty: {letter.name} has no email address: send it another way", err=True)

    @update.command("sent")
    @selection_options
    @click.option(
        "--every",
        type=click.IntRange(1, 365),
        default=42,
        show_default=True,
        metavar="DAYS",
        help="Remind me to send the next update in DAYS days.",
    )
    @pass_env
    def update_sent(env, every: int, **picked: Any) -> None:
        """Mark the update sent: log an email with each recipient and set the next reminder
        (one change: `netty undo` takes it all back)."""
        from netty.services.update_letter import mark_sent

        selection = _selection(**picked)
        env.open(write=True)
        done = mark_sent(selection, env.now, every_days=every)
        echo(
            f"logged an email with {plural(done.count, 'person', 'people')}; "
            f"next update reminder {done.reminder} on {done.next_at.to_date_string()}; "
            "`netty undo` takes it back"
        )

    @update.command("template")
    @click.option("--subject", help="The subject line.")
    @click.option("--where", help="Where I am in my search.")
    @click.option("--looking-for", help="What I am looking for.")
    @click.option("--targets", help="Target organizations (blank: those marked with netty target).")
    @click.option("--ask", help="The one specific way they can help.")
    @click.option("--offer", help="What I can offer them.")
    @click.option("--signature", help="My name, to sign with.")
    @click.option("--from", "sender", help="My email address (the From header).")
    @pass_env
    def update_template(env, **parts: str | None) -> None:
        """Show the letter's template, or change some of its parts."""
        from netty.services.update_letter import FIELDS, set_template, template

        given = {k: v for k, v in parts.items() if v is not None}
        env.open(write=bool(given))
        current = set_template(given, env.now) if given else template()
        for key, what in FIELDS.items():
            value = getattr(current, key) or "(blank)"
            echo(f"{key}: {value}  [{what}]")

    @update.command("list")
    @click.argument("name", required=False)
    @click.argument("contacts", nargs=-1, metavar="[CONTACT...]")
    @click.option("--delete", is_flag=True, help="Delete the list NAME.")
    @pass_env
    def update_list(env, name: str | None, contacts: tuple[str, ...], delete: bool) -> None:
        """Show saved lists, show NAME's people, save NAME as CONTACT..., or --delete it."""
        from netty.services.contacts import resolve_contact
        from netty.services.update_letter import save_list, saved_lists

        if delete and (not name or contacts):
            raise click.UsageError("--delete takes a NAME and no contacts")
        env.open(write=bool(contacts) or delete)
        if contacts or delete:
            ids = [resolve_contact(c) for c in contacts]
            count = save_list(name or "", ids, env.now)
            echo(
                f"saved the list {name!r}: {plural(count, 'person', 'people')}"
                if count
                else f"deleted the list {name!r}"
            )
            return
        lists = saved_lists()
        if name:
            from netty.services.update_letter import Selection, recipients

            for cid, person, address in recipients(Selection(list_name=name)):
                echo(f"#{cid} {person}" + (f" <{address}>" if address else " (no email)"))
            return
        if not lists:
            echo("no saved lists; save one with `netty update list NAME CONTACT...`")
        for key, ids in sorted(lists.items()):
            echo(f"{key}: {plural(len(ids), 'person', 'people')}")


def _summary(result, env) -> None:
    from netty.dates import ago

    count = plural(len(result.letters), "letter")
    echo(f"{count} to {result.selection.describe()}")
    if result.last_sent is not None:
        echo(f"last update sent {ago(result.last_sent, env.now)}")
    if result.missing:
        echo(
            "the template is blank for: "
            + "; ".join(result.missing)
            + " (fill it with `netty update template --where TEXT ...`)"
        )
    if result.without_email:
        names = ", ".join(letter.name for letter in result.without_email)
        echo(f"no email address: {names}")
