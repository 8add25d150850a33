"""The bow-and-arrow commands: goals, channels, strategy (and targets, in ``cli.py``).

Each is a thin call into ``netty.services.goals``, ``channels`` or ``strategy``;
every write is one change in the journal.
"""

from __future__ import annotations

import sys

import click

from netty.cli_io import _echo_json as _json
from netty.cli_io import echo
from netty.dates import plural


def register(cli: click.Group) -> None:
    """Add the commands to the ``netty`` group."""
    from netty.cli import pass_env

    @cli.group(invoke_without_command=True)
    @click.option("--json", "as_json", is_flag=True, help="Print JSON (see README).")
    @click.pass_context
    def goals(ctx: click.Context, as_json: bool) -> None:
        """Networking goals this week and month, counted from what you logged, with streaks.

        \b
        netty goals set KIND N [--per week|month]
        netty goals clear KIND
        netty goals defaults     # accept 2 coffees, 1 event, 5 pings, 2 gives a week,
                                 # 2 new people in ring 3 a month
        KIND: coffees, events, pings, gives, new-ring1, new-ring2, new-ring3, in-person, online
        """
        if ctx.invoked_subcommand is not None:
            return
        from netty.services.goals import describe_progress, progress

        env = ctx.obj
        env.open(write=False)
        report = progress(env.now)
        if as_json:
            _json(report.to_json())
            return
        if not report.progress:
            echo("no goals set; `netty goals defaults` sets these:")
            for goal in report.defaults:
                echo(f"  {goal.describe()}")
            return
        for p in report.progress:
            echo(describe_progress(p))
        echo(f"{report.met} of {plural(len(report.progress), 'goal')} met so far")

    @goals.command("set")
    @click.argument("kind")
    @click.argument("target", metavar="N", type=int)
    @click.option("--per", default="week", show_default=True, metavar="week|month")
    @pass_env
    def goals_set(env, kind: str, target: int, per: str) -> None:
        """Set a goal: N of KIND a week (or a month)."""
        from netty.services.goals import set_goal

        env.open(write=True)
        goal = set_goal(kind, target, per, env.now)
        echo(f"goal: {goal.describe()}")

    @goals.command("clear")
    @click.argument("kind")
    @pass_env
    def goals_clear(env, kind: str) -> None:
        """Remove the goal for KIND."""
        from netty.services.goals import clear_goal, parse_kind

        env.open(write=True)
        gone = clear_goal(kind, env.now)
        echo(f"cleared: {gone.describe()}" if gone else f"no goal for {parse_kind(kind)} was set")

    @goals.command("defaults")
    @pass_env
    def goals_defaults(env) -> None:
        """Accept the default goals (keeps any goal already set)."""
        from netty.services.goals import accept_defaults

        env.open(write=True)
        for goal in accept_defaults(env.now):
            echo(f"goal: {goal.describe()}")

    @cli.command()
    @click.option("--json", "as_json", is_flag=True, help="Print JSON (see README).")
    @pass_env
    def channels(env, as_json: bool) -> None:
        """Where my network comes from: people per channel and ring, interactions in the
        last 90 days; channels that reach nobody, with the seeds' advice; and the events
        that brought me people at my targets."""
        from netty.services.channels import channel_reach

        env.open(write=False)
        report = channel_reach(env.now)
        if as_json:
            _json(report.to_json())
            return
        width = max(len(c.label) for c in report.channels)
        echo(f"{'channel':<{width}}  people  ring 1/2/3   90 days")
        for c in report.channels:
            rings = "/".join(str(n) for n in c.rings)
            echo(f"{c.label:<{width}}  {c.people:>6}  {rings:<11} {c.recent:>7}")
        if report.unknown:
            echo(f"{'(no channel)':<{width}}  {report.unknown:>6}")
        if report.no_reach:
            echo("")
            echo("no reach yet:")
            for c in report.no_reach:
                echo(f"  {c.label}: “{c.advice}” (seed {c.source})")
        echo("")
        if not report.venues:
            echo("no event has brought you people at your targets yet")
            return
        echo("events that brought people at your targets:")
        for v in report.venues:
            who = ", ".join(f"{name} ({org})" if org else name for _id, name, org in v.people)
            echo(f"  {v.day.isoformat()} {v.name}: {who}")

    @cli.group(invoke_without_command=True)
    @click.option("--markdown", is_flag=True, help="Print the page as Markdown.")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON (see README).")
    @click.pass_context
    def strategy(ctx: click.Context, markdown: bool, as_json: bool) -> None:
        """The strategy page: gap analysis (now, want, gap, fill) and SWOT, with numbers.

        \b
        netty strategy set FIELD TEXT    # TEXT - reads standard input; "" clears
        FIELD: now, want, gap, fill, strengths, weaknesses, opportunities, threats
        """
        if ctx.invoked_subcommand is not None:
            return
        from netty.services import strategy as service

        env = ctx.obj
        env.open(write=False)
        page = service.strategy_page(env.now)
        if as_json:
            _json(page.to_json())
            return
        if markdown:
            echo(service.markdown(page), nl=False)
            return
        for label, value in page.numbers.lines():
            echo(f"{label + ':':<24}{value}")
        for key, (heading, hint) in service.FIELDS.items():
            echo("")
            echo(heading)
            text = page.texts[key]
            for line in (text or f"(not written yet: {hint})").split("\n"):
                echo(f"  {line}")
        if not any(page.texts.values()):
            echo("")
            echo("write it with `netty strategy set FIELD TEXT`, or S in the app")

    @strategy.command("set")
    @click.argument("field")
    @click.argument("text")
    @pass_env
    def strategy_set(env, field: str, text: str) -> None:
        """Write one field of the page (TEXT - reads it from standard input)."""
        from netty.services import strategy as service

        key = service.parse_field(field)
        if text == "-":
            text = sys.stdin.read()
        env.open(write=True)
        changed = service.set_field(key, text, env.now)
        heading = service.FIELDS[key][0]
        echo(f"{heading}: {'written' if changed else 'unchanged'}")
