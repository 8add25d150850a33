"""The commands for who knows whom and the warm path: ``knows`` and ``paths``.

Thin calls into ``netty.services.knows`` and ``netty.services.paths``.
"""

from __future__ import annotations

import json

import click

from netty.cli_io import echo


def register(cli: click.Group) -> None:
    """Add the commands to the ``netty`` group."""
    from netty.cli import _choose_contact, pass_env

    @cli.command()
    @click.argument("first", metavar="A")
    @click.argument("second", metavar="[B]", required=False)
    @click.option(
        "--how",
        metavar="H",
        help="colleague, former colleague, friend, family, client, classmate, introduced, "
        "acquaintance (default).",
    )
    @click.option("--forget", is_flag=True, help="Remove the link between A and B.")
    @pass_env
    def knows(env, first: str, second: str | None, how: str | None, forget: bool) -> None:
        """Record that A and B know each other (mutual); with only A, list whom A knows."""
        from netty.services.knows import acquaintances, add_knows, forget_knows, parse_how

        if how is not None:
            parse_how(how)  # bad input is refused before the database is opened
        if second is None and (how is not None or forget):
            raise click.UsageError("name both people, e.g. `netty knows Lena Sally --how friend`")
        env.open(write=second is not None)
        a = _choose_contact(first, env.now)
        if second is None:
            from netty.services.contacts import get_contact

            name = get_contact(a).name
            people = acquaintances(a)
            if not people:
                echo(f"{name}: nobody recorded yet; `netty knows {first!r} NAME` adds one")
                return
            echo(f"{name} knows:")
            for p in people:
                at = f" at {p.organization}" if p.organization else ""
                echo(f"  {p.name}{at} ({p.how})")
            return
        b = _choose_contact(second, env.now)
        from netty.services.changes import who

        pair = who([a, b])
        if forget:
            if not forget_knows(a, b, env.now):
                from netty.errors import NotFound

                raise NotFound(f"{pair} are not recorded as knowing each other")
            echo(f"forgot that {pair} know each other")
            return
        kind, created = add_knows(a, b, env.now, how)
        echo(f"{pair} know each other ({kind})" + ("" if created else "; already recorded"))

    @cli.command()
    @click.argument("target")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON (see README).")
    @click.option(
        "--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Routes."
    )
    @pass_env
    def paths(env, target: str, as_json: bool, limit: int) -> None:
        """Warm paths to TARGET (an organization or a person), best first.

        \b
        1 step: someone you know is there; 2: someone you know knows someone
        there; 3 at most. Each route is scored by the strength of each link,
        how recently you were in touch and whether you should give first, with
        the reason in words and the specific ask. No route: where to go instead.
        """
        from netty.services.paths import routes_to

        env.open()
        result = routes_to(target, env.now, limit=limit)
        if as_json:
            echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
            return
        for line in result.lines():
            echo(line)
