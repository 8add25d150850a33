"""`netty due` says dates and honours limits; next pings keep their local hour across DST."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def at(monkeypatch):
    """Move the clock: ``at("2026-11-23T10:00:00Z")``."""

    def move(moment: str) -> None:
        monkeypatch.setenv("NETTY_NOW", moment)

    return move


def test_due_text_shows_the_date_of_every_item_custom_ones_included(netty, at):
    netty("add", "Ann Lee", "--ring", "2")
    netty("log", "ann", "--kind", "call", "--when", "2026-10-20")
    netty("remind", "ann", "2026-11-25T15:00", "ask", "about", "the", "role")
    netty("log", "ann", "i owe: send the deck by 2026-11-22", "--kind", "note")
    out = netty("due", "--within", "7d").out
    assert out.splitlines() == [
        "deliver-p1     deliver  2026-11-22 Ann Lee: you promised: send the deck (due yesterday)",
        "r1             custom   2026-11-25 Ann Lee: ask about the role",
    ]
    at("2026-12-24T16:00:00Z")
    out = netty("due", "--kind", "ping").out
    assert out.splitlines() == [
        "ping-1         ping     2026-12-23 Ann Lee: ping 1 day overdue; every 30 days, "
        "last contact 31 days ago",
    ]


def test_due_json_honours_the_limit(netty, at):
    for name in ("Ann Lee", "Bo Chan", "Cy Dunn"):
        netty("add", name, "--ring", "1")
    at("2027-01-23T10:00:00Z")
    assert len(json.loads(netty("due", "--json").out)) == 3
    limited = json.loads(netty("due", "--json", "--limit", "2").out)
    assert [i["kind"] for i in limited] == ["ping", "ping"]
    assert len(netty("due", "--limit", "1").out.splitlines()) == 2  # one item, then "… and 2 more"
    assert netty("due", "--limit", "1").out.splitlines()[-1] == (
        "… and 2 more (--limit N, or --json for all)"
    )


def test_next_ping_keeps_its_local_hour_after_an_unrelated_edit_across_dst(netty, at, monkeypatch):
    """Seen: next ping 21:00 after `log`, 20:00 after an unrelated `edit` (Europe/Berlin,
    end of October). Summer time ends on 25 Oct 2026; both now say 21:00 local."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    at("2026-10-20T21:00:00+02:00")
    netty("add", "Ann Lee", "--ring", "2")
    netty("log", "ann", "--kind", "call", "--when", "now")
    after_log = json.loads(netty("show", "ann", "--json").out)["next_ping_at"]
    assert after_log == "2026-11-19T20:00:00Z"  # 21:00 CET
    at("2026-11-02T09:00:00+01:00")
    netty("edit", "ann", "--title", "CTO")
    assert json.loads(netty("show", "ann", "--json").out)["next_ping_at"] == after_log
    netty("cadence", "2", "30")  # a ring's cadence recomputes every next ping the same way
    assert json.loads(netty("show", "ann", "--json").out)["next_ping_at"] == after_log


def test_remind_and_snooze_say_the_moment_in_the_cli_style(netty):
    netty("add", "Ann Lee")
    assert netty("remind", "ann", "2026-11-25T15:00", "call").out == (
        "reminder r1 set for 2026-11-25 15:00\n"
    )
    assert netty("snooze", "r1", "2026-11-27T09:30").out == "snoozed r1 until 2026-11-27 09:30\n"


def test_counts_are_singular_when_there_is_one(netty, tmp_path):
    netty("add", "Ann Lee", "--every", "1")
    assert "ring: 3, every 1 day\n" in netty("show", "ann").out
    assert netty("cadence", "1", "1").out.splitlines()[0] == "ring 1 (inner circle): every 1 day"
    target = tmp_path / "one.vcf"
    assert netty("export", "vcard", "-o", target).out == f"exported 1 contact to {target}\n"
    netty("edit", "ann", "--every", "60")  # no ping within the 30 days exported
    netty("remind", "ann", "in 2 days", "call")
    ics = tmp_path / "one.ics"
    assert netty("export", "ics", "-o", ics).out == f"exported 1 reminder to {ics}\n"
