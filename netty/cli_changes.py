"""The commands that correct and take back: undo, redo, history, edit-item, delete, reopen.

Each is a thin call into ``netty.services.changes`` or ``netty.services.items``;
every write they make is itself one change in the journal.
"""

from __future__ import annotations

import json

import click

from netty.cli_io import echo
from netty.dates import parse_date, parse_when


def register(cli: click.Group) -> None:
    """Add the commands to the ``netty`` group."""
    from netty.cli import pass_env

    @cli.command()
    @click.argument("change_id", metavar="[CHANGE]", required=False, type=int)
    @pass_env
    def undo(env, change_id: int | None) -> None:
        """Take back the newest change (or CHANGE, a number from `netty history`)."""
        from netty.services import changes

        env.open()
        entry = changes.undo(env.now, change_id)
        echo(f"undid change {entry.id}: {entry.label}; `netty redo` reapplies it")

    @cli.command()
    @pass_env
    def redo(env) -> None:
        """Reapply the change undone last."""
        from netty.services import changes

        env.open()
        entry = changes.redo(env.now)
        echo(f"redid change {entry.id}: {entry.label}")

    @cli.command()
    @click.option("--limit", type=click.IntRange(1, 100_000), default=30, show_default=True)
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON array (see README).")
    @pass_env
    def history(env, limit: int, as_json: bool) -> None:
        """The change journal, newest first: what each change did, and whether it is undone."""
        from netty.services import changes

        env.open()
        entries = changes.history(limit)
        if as_json:
            echo(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
            return
        if not entries:
            echo("no changes yet")
            return
        for e in entries:
            flag = "  (undone)" if e.state == "undone" else ""
            local = e.at.in_tz(_local_tz()).format("YYYY-MM-DD HH:mm")
            echo(f"{e.id:>6}  {local}  {e.label}{flag}")

    @cli.command("edit-item")
    @click.argument("ref")
    @click.option("--text", help="The text (an interaction's summary).")
    @click.option("--kind", help="An interaction's kind (coffee, call ...) or a give's kind.")
    @click.option(
        "--when", "when", help="When it happened (interaction, give, ask) or is due (reminder)."
    )
    @click.option("--due", help="A promise's due day; `none` removes it.")
    @click.option("--horizon", help="A need's day.")
    @click.option(
        "--status", help="open, met, dropped, done, pending, granted, declined, withdrawn."
    )
    @click.option("--direction", type=click.Choice(["i_owe", "they_owe"]))
    @click.option(
        "--contact",
        "contacts",
        multiple=True,
        metavar="CONTACT",
        help="Who took part in an interaction (repeat; replaces the list).",
    )
    @pass_env
    def edit_item(env, ref: str, **opts) -> None:
        """Correct any record by its ref: i12 interaction, n4 need, g3 give, a2 ask, p7 promise, r5 reminder."""
        from netty.services.contacts import resolve_contact
        from netty.services.items import ItemEdit, edit_item

        clear_due = (opts["due"] or "").strip().lower() == "none"
        edit = ItemEdit(
            text=opts["text"],
            kind=opts["kind"],
            when=parse_when(opts["when"], env.now) if opts["when"] else None,
            due=parse_date(opts["due"], env.now) if opts["due"] and not clear_due else None,
            clear_due=clear_due,
            horizon=parse_date(opts["horizon"], env.now) if opts["horizon"] else None,
            status=opts["status"],
            direction=opts["direction"],
            contacts=None,
        )
        env.open()
        if opts["contacts"]:
            ids = [resolve_contact(c, archived=None) for c in opts["contacts"]]
            edit = ItemEdit(**{**edit.__dict__, "contacts": ids})
        echo(edit_item(ref, edit, env.now) + "; `netty undo` takes it back")

    @cli.command()
    @click.argument("ref")
    @pass_env
    def delete(env, ref: str) -> None:
        """Delete a record by its ref (i12, n4, g3, a2, p7, r5); `netty undo` brings it back."""
        from netty.services.items import delete_item

        env.open()
        echo(delete_item(ref, env.now) + "; `netty undo` brings it back")

    @cli.command()
    @click.argument("ref")
    @pass_env
    def reopen(env, ref: str) -> None:
        """Open again a closed need, promise or ask, or a done reminder."""
        from netty.services.items import reopen_item

        env.open()
        echo(reopen_item(ref, env.now))


def _local_tz():
    import pendulum

    return pendulum.local_timezone()
