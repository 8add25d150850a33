"""``netty sync vdir``: two-way sync with a folder of vCards (and so, through
vdirsyncer, with a CardDAV server). A thin call into ``netty.services.sync.vdir``."""

from __future__ import annotations

import json

import click

from netty.cli_io import echo

SHOWN = 50  # items printed by name; --json has them all


def register(cli: click.Group) -> None:
    """Add the ``sync`` group to the ``netty`` group."""
    from netty.cli import pass_env

    @cli.group()
    def sync() -> None:
        """Keep netty in step with another address book."""

    @sync.command("vdir")
    @click.argument("path", required=False)
    @click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
    @pass_env
    def vdir(env, path: str | None, dry_run: bool, as_json: bool) -> None:
        """Sync with PATH, a folder of .vcf files (default: `netty config sync.vdir`)."""
        from netty.errors import InvalidInput
        from netty.services.sync.vdir import sync_config, sync_vdir

        env.open(write=not dry_run)
        target = path or sync_config().vdir
        if not target:
            raise InvalidInput(
                "name the folder: `netty sync vdir PATH`, or set one with "
                "`netty config sync.vdir PATH`"
            )
        report = sync_vdir(target, env.now, dry_run=dry_run)
        if as_json:
            click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
            return
        verb = "would sync" if dry_run else "synced"
        conflicts = len(report.conflicts)
        echo(
            f"{verb} {report.vdir}: {report.incoming} in, {report.outgoing} out, "
            f"{conflicts} conflict{'' if conflicts == 1 else 's'}, {report.cards} cards"
        )
        for item in report.items[:SHOWN]:
            echo(f"  {item.line()}")
        if len(report.items) > SHOWN:
            echo(f"  ... and {len(report.items) - SHOWN} more (see --json)")
        for conflict in report.conflicts:
            echo(f"  conflict: {conflict.line()}")
        for href, reason in report.skipped[:SHOWN]:
            echo(f"  skipped {href}: {reason}")
        if report.items and not dry_run:
            echo("  `netty undo` takes this back in netty (files in the folder stay as written)")
