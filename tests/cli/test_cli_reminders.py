"""`netty due`, `remind`, `snooze`, `done`, `drop`: cron-friendly and exact."""

from __future__ import annotations

import json
import re

import pytest

from netty.cli import main


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """`netty --db n.db ARGS` with the clock moved by now=...; returns (code, out, err)."""
    db = str(tmp_path / "n.db")

    def go(*args: str, now: str | None = None) -> tuple[int, str, str]:
        if now:
            monkeypatch.setenv("NETTY_NOW", now)
        code = main(["--db", db, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def test_a_ping_comes_due_and_done_logs_it(cli):
    assert cli("add", "Ann Lee", "--ring", "1")[0] == 0
    assert cli("due", "--count")[1].strip() == "0"
    _code, out, _ = cli("due", "--json", now="2026-12-08T10:00:00Z")
    items = json.loads(out)
    assert [i["id"] for i in items] == ["ping-1"]
    assert set(items[0]) >= {"id", "kind", "contact_id", "contact", "due_at", "reason"}
    assert cli("due", "--count")[1].strip() == "1"
    assert cli("done", "ping-1")[1].strip() == "ping-1: logged a ping"
    assert cli("due", "--count")[1].strip() == "0"


def test_remind_snooze_and_kinds(cli):
    cli("add", "Ann Lee")
    code, out, _ = cli("remind", "ann", "in 3 days", "ask", "about", "the", "role")
    assert code == 0 and "r1" in out
    assert cli("due", "--kind", "custom", "--within", "7d", "--count")[1].strip() == "1"
    later = "2026-11-27T10:00:00Z"
    assert "ask about the role" in cli("due", now=later)[1]
    assert cli("snooze", "r1", "tomorrow")[0] == 0
    assert cli("due", "--count")[1].strip() == "0"


def test_done_and_drop_close_records(cli, tmp_path, now):
    cli("add", "Ann Lee")
    from netty.db import close_database, open_database
    from netty.services import ledger
    from netty.services.timeline import contact_detail

    open_database(tmp_path / "n.db", now)
    need = ledger.add_need(1, "A UX researcher", now=now)
    promise = ledger.add_promise(1, "i_owe", "Send the deck", now=now)
    ask = ledger.add_ask(1, "Intro to Dana", now=now)
    close_database()
    assert cli("done", f"n{need}")[1].strip() == f"n{need}: met"
    assert cli("drop", f"p{promise}")[1].strip() == f"p{promise}: dropped"
    assert cli("drop", f"a{ask}", "--declined")[1].strip() == f"a{ask}: declined"
    code, _out, err = cli("done", f"n{need}")
    assert code == 2 and "already met" in err
    open_database(tmp_path / "n.db", now)
    detail = contact_detail(1)
    assert [n.status for n in detail.needs] == ["met"]
    assert [p.status for p in detail.promises] == ["dropped"]
    assert [a.status for a in detail.asks] == ["declined"]
    close_database()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("due", "--kind", "party"), "unknown kind"),
        (("due", "--within", "soon"), "span of time"),
        (("snooze", "ping-1", "blorp"), "can't read"),
        (("snooze", "bogus", "tomorrow"), "not a reminder id"),
        (("done", "r99"), "no open reminder"),
        (("drop", "x1"), "not an item id"),
        (("remind", "nobody", "tomorrow", "x"), "no contact matches"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, args, message):
    cli("add", "Ann Lee")
    code, _out, err = cli(*args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_export_ics_writes_a_calendar_a_parser_reads(cli, tmp_path):
    from icalendar import Calendar

    cli("add", "Ann Lee", "--ring", "1")
    cli("remind", "ann", "in 3 days", "call", "about", "the", "role")
    target = tmp_path / "due.ics"
    code, out, _ = cli("export", "ics", "-o", str(target), now="2026-12-08T10:00:00Z")
    assert code == 0 and "2 reminders" in out
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    uids = {str(e["uid"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert {uid.split(".")[0] for uid in uids} == {"ping-1", "r1"}
    scope = {uid.split(".", 1)[1] for uid in uids}  # this database's random id, then @netty
    assert len(scope) == 1 and re.fullmatch(r"[0-9a-f]{16}@netty", scope.pop())


def test_config_poll_seconds(cli):
    assert cli("config")[1].startswith("poll-seconds = 60")
    assert cli("config", "poll-seconds", "30")[1].startswith("poll-seconds = 30")
    code, _out, err = cli("config", "poll-seconds", "1")
    assert code == 2 and "from 5 to 86400" in err
    assert cli("config", "colour")[0] == 2


def test_db_option_works_after_the_command_too(tmp_path, capsys):
    db = tmp_path / "after.db"
    assert main(["add", "Ann Lee", "--db", str(db)]) == 0
    assert main(["list", f"--db={db}", "--json"]) == 0
    assert '"Ann Lee"' in capsys.readouterr().out
