"""Birthdays on the command line: `edit --birthday`, `show`, `due`, `config`, `export ics`."""

from __future__ import annotations

import json

import pytest

from netty.cli import main


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """`netty --db n.db ARGS` with the clock moved by now=... (and TZ by tz=...)."""
    db = str(tmp_path / "n.db")

    def go(*args: str, now: str | None = None, tz: str | None = None) -> tuple[int, str, str]:
        if now:
            monkeypatch.setenv("NETTY_NOW", now)
        if tz:
            monkeypatch.setenv("TZ", tz)
        code = main(["--db", db, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def test_set_show_due_done_and_clear(cli):
    # NETTY_NOW is Monday 23 November 2026, 10:00 UTC.
    assert cli("add", "Sally Jones", "--birthday", "1986-11-27")[0] == 0
    assert cli("edit", "sally", "--anniversary", "--12-20")[0] == 0
    _, out, _ = cli("show", "sally")
    assert "birthday: 27 November 1986 · turns 40 on Friday (in 4 days)" in out
    assert "anniversary: 20 December\n" in out  # far away: no words
    shown = json.loads(cli("show", "sally", "--json")[1])
    assert (shown["birthday"], shown["anniversary"]) == ("1986-11-27", "--12-20")
    code, out, _ = cli("due")
    assert code == 0
    assert out.splitlines()[0] == (
        "birthday-c1-2026 birthday 2026-11-27 Sally Jones: turns 40 on Friday (in 4 days)"
    )
    assert "Happy birthday, Sally!" in out
    items = json.loads(cli("due", "--json", "--kind", "birthday")[1])
    assert [(i["id"], i["kind"], i["due_at"], i["soon"]) for i in items] == [
        ("birthday-c1-2026", "birthday", "2026-11-27T09:00:00Z", False)
    ]
    assert cli("due", "--kind", "anniversary", "--count")[1].strip() == "0"
    assert cli("due", "--kind", "anniversary", "--within", "30d", "--count")[1].strip() == "1"
    assert cli("done", "birthday-c1-2026")[1].strip() == "birthday-c1-2026: marked it done"
    assert cli("due", "--count")[1].strip() == "0"
    later = cli("due", "--kind", "birthday", "--count", now="2027-11-25T10:00:00Z")
    assert later[1].strip() == "1"  # next year's
    assert cli("undo")[0] == 0
    assert cli("edit", "sally", "--birthday", "")[0] == 0
    assert "birthday" not in cli("show", "sally")[1]


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("02-30", "netty: birthday: February has no day 30"),
        ("1981-02-29", "netty: birthday: February 1981 has no day 29"),
        ("soon", "netty: birthday 'soon' is not a date; use MM-DD (03-15) or YYYY-MM-DD"),
    ],
)
def test_a_bad_date_is_one_line_exit_2_and_nothing_written(cli, value, says):
    cli("add", "Sally Jones")
    before = cli("history", "--json")[1]
    code, out, err = cli("edit", "sally", "--birthday", value, "--title", "CTO")
    assert code == 2 and out == "" and err.startswith(says) and err.count("\n") == 1
    assert cli("history", "--json")[1] == before
    code, _, err = cli("add", "Bob Lee", "--birthday", value)
    assert code == 2 and err.startswith(says)
    assert "Bob" not in cli("list")[1]


def test_the_look_ahead_is_netty_config_birthday_days(cli):
    cli("add", "Sally Jones", "--birthday", "12-03")
    assert cli("due", "--count")[1].strip() == "0"  # in 10 days
    _, out, _ = cli("config")
    assert "birthday-days = 7" in out
    assert cli("config", "birthday-days", "14")[1].startswith("birthday-days = 14")
    assert cli("due", "--count")[1].strip() == "1"
    code, _, err = cli("config", "birthday-days", "61")
    assert code == 2 and "birthday-days must be from 0 to 60" in err


def test_29_february_and_the_users_time_zone(cli):
    cli("add", "Leap Day", "--birthday", "02-29")
    cli("config", "birthday-days", "0")
    count = ("due", "--kind", "birthday", "--count")
    assert cli(*count, now="2027-02-28T10:00:00Z")[1].strip() == "1"
    assert cli(*count, now="2028-02-28T10:00:00Z")[1].strip() == "0"
    # 28 Feb 2028 20:00 UTC is already the 29th in Tokyo: the day itself there.
    _, out, _ = cli("due", "--kind", "birthday", now="2028-02-28T20:00:00Z", tz="Asia/Tokyo")
    assert out.startswith("birthday-c1-2028 birthday 2028-02-29 Leap Day: birthday today")


def test_export_ics_holds_a_yearly_event(cli, tmp_path):
    cli("add", "Sally Jones", "--birthday", "1986-11-27")
    target = tmp_path / "out.ics"
    code, out, _ = cli("export", "ics", "-o", str(target))
    assert code == 0 and "exported 1 reminder" in out
    text = target.read_text()
    assert "RRULE:FREQ=YEARLY" in text and "DTSTART;VALUE=DATE:19861127" in text
    assert "SUMMARY:Sally Jones's birthday" in text
