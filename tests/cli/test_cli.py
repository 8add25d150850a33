"""The ``netty`` command, driven in-process through ``netty.cli.main`` (plus a few real runs).

Every command opens the database named by ``--db`` (or NETTY_DB, or the default),
so in-process runs can share the global database proxy safely.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pendulum
import pytest

from netty.db import known_migrations
from tests.cli.helpers import Result, assert_user_error, dump, query

FIXED_NOW = pendulum.parse("2026-11-23T10:00:00+00:00")


def iso(moment: pendulum.DateTime) -> str:
    """A moment as the JSON prints it: ISO 8601, UTC, with a Z."""
    return moment.in_tz("UTC").to_iso8601_string()


def names(result: Result) -> list[str]:
    return [row["name"] for row in result.json]


@pytest.fixture
def people(netty) -> dict[str, int]:
    """Three contacts with enough variety for search and filters."""
    netty(
        "add", "Zoë Müller",
        "--org", "Acme Health",
        "--title", "UX Researcher",
        "--email", "zoe@acme.example",
        "--tag", "uxpa",
        "--notes", "Loves sourdough bread",
        "--ring", "1",
        "--channel", "professional association",
    )  # fmt: skip
    netty(
        "add", "Sally Jones",
        "--org", "XYZ Corp",
        "--ring", "2",
        "--email", "sally@xyz.example",
        "--url", "https://www.linkedin.com/in/sallyj/",
        "--tag", "mentor",
    )  # fmt: skip
    netty(
        "add", "Bob Smith",
        "--org", "Globex",
        "--title", "Recruiter",
        "--tag", "#Mentor",
        "--phone", "+1 (555) 010-0100",
    )  # fmt: skip
    rows = netty("list", "--json").json
    return {row["name"].split()[0].lower().replace("ë", "e"): row["id"] for row in rows}


# ---------------------------------------------------------------- the issue's example


def test_issue_example_add_log_show(netty, now) -> None:
    added = netty(
        "add", "Sally Jones", "--org", "XYZ Corp", "--ring", "2", "--email", "sally@xyz.example"
    )
    assert added.out.startswith("added #1 Sally Jones")
    logged = netty("log", "sally", "--kind", "coffee", "--when", "yesterday", "--summary",
                   "talked design")  # fmt: skip
    assert "coffee" in logged.out and "Sally Jones" in logged.out

    shown = netty("show", "sally jones", "--json").json
    yesterday = iso(now.subtract(days=1))
    assert yesterday == "2026-11-22T10:00:00Z"
    assert shown["last_interaction_at"] == yesterday
    assert (shown["name"], shown["organization"], shown["ring"]) == ("Sally Jones", "XYZ Corp", 2)
    assert shown["emails"] == ["sally@xyz.example"]
    [coffee] = shown["interactions"]
    assert coffee["kind"] == "coffee"
    assert coffee["summary"] == "talked design"
    assert coffee["occurred_at"] == yesterday
    assert coffee["initiated_by"] == "me"
    assert coffee["in_person"] is True
    assert [c["name"] for c in coffee["contacts"]] == ["Sally Jones"]
    assert shown["next_ping_at"] == iso(now.subtract(days=1).add(days=30))
    for key in ("needs", "gives", "asks", "promises"):
        assert shown[key] == []


def test_show_without_json_is_readable(netty, people) -> None:
    netty("log", "sally", "--kind", "coffee", "--when", "yesterday", "--summary", "talked design")
    out = netty("show", "sally").out
    assert out.startswith(f"#{people['sally']} Sally Jones")
    assert "XYZ Corp" in out and "sally@xyz.example" in out and "#mentor" in out
    assert "Interactions" in out and "coffee: talked design" in out


# ---------------------------------------------------------------- where the data lives


def test_db_option_beats_netty_db_beats_default(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flag = tmp_path / "flag.db"
    env_db = tmp_path / "env" / "env.db"
    default = Path(os.environ["XDG_DATA_HOME"]) / "netty" / "netty.db"

    monkeypatch.setenv("NETTY_DB", str(env_db))
    assert run("--db", flag, "add", "Flag Person").code == 0
    assert flag.exists() and not env_db.exists() and not default.exists()

    assert run("add", "Env Person").code == 0
    assert env_db.exists() and not default.exists()

    monkeypatch.setenv("NETTY_DB", "   ")  # blank counts as unset
    info = run("info")
    assert info.code == 0
    assert f"database: {default}" in info.out
    assert default.exists()
    assert stat.S_IMODE(default.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(default.stat().st_mode) == 0o600
    assert run("add", "Default Person").code == 0

    monkeypatch.delenv("NETTY_DB")
    assert names(run("list", "--json")) == ["Default Person"]
    assert names(run("--db", flag, "list", "--json")) == ["Flag Person"]
    monkeypatch.setenv("NETTY_DB", str(env_db))
    assert names(run("list", "--json")) == ["Env Person"]
    assert names(run("--db", flag, "list", "--json")) == ["Flag Person"]


def test_info(netty, dbfile: Path, people) -> None:
    netty("archive", "bob")
    out = netty("info").out
    assert f"database: {dbfile}" in out
    assert known_migrations()[-1] in out
    assert "contacts: 2 active, 1 archived" in out


# ---------------------------------------------------------------- list


def test_list_json_shape(netty, people) -> None:
    rows = netty("list", "--json").json
    assert [r["name"] for r in rows] == ["Bob Smith", "Sally Jones", "Zoë Müller"]
    required = {
        "id", "name", "organization", "title", "emails", "phones", "urls", "ring", "channel",
        "tags", "cadence_days", "last_interaction_at", "archived",
    }  # fmt: skip
    for row in rows:
        assert required <= set(row)
    zoe = rows[2]
    assert zoe["organization"] == "Acme Health"
    assert zoe["title"] == "UX Researcher"
    assert zoe["emails"] == ["zoe@acme.example"]
    assert zoe["ring"] == 1
    assert zoe["channel"] == "professional-association"
    assert zoe["tags"] == ["uxpa"]
    assert zoe["cadence_days"] == 14
    assert zoe["last_interaction_at"] is None
    assert zoe["archived"] is False
    assert rows[0]["phones"] == ["+1 (555) 010-0100"]
    assert rows[0]["tags"] == ["mentor"]
    assert rows[1]["urls"] == ["https://www.linkedin.com/in/sallyj/"]


def test_json_keeps_accents_readable(netty, people) -> None:
    assert '"Zoë Müller"' in netty("list", "--json").out


def test_list_plain_and_empty(netty, people) -> None:
    out = netty("list").out.splitlines()
    assert len(out) == 3 and "Bob Smith" in out[0] and "Globex" in out[0]
    empty = netty("list", "--search", "nobody-like-this")
    assert empty.out == "" and "no contacts match" in empty.err


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", ["Zoë Müller"]),
        ("ZOË", ["Zoë Müller"]),
        ("muller", ["Zoë Müller"]),
        ("MÜLLER zoe", ["Zoë Müller"]),
        ("acme", ["Zoë Müller"]),  # organization
        ("researcher", ["Zoë Müller"]),  # title
        ("zoe@acme.example", ["Zoë Müller"]),  # email
        ("uxpa", ["Zoë Müller"]),  # tag
        ("sourdough", ["Zoë Müller"]),  # notes
        ("mentor", ["Bob Smith", "Sally Jones"]),
        ("xyz corp", ["Sally Jones"]),
        ("recruiter globex", ["Bob Smith"]),
        ("zzz-nothing", []),
        ("_", []),  # LIKE wildcards are matched literally
        ("%", []),
    ],
)
def test_list_search(netty, people, query: str, expected: list[str]) -> None:
    assert names(netty("list", "--search", query, "--json")) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--tag", "mentor"], ["Bob Smith", "Sally Jones"]),
        (["--tag", "#MENTOR"], ["Bob Smith", "Sally Jones"]),
        (["--tag", "uxpa"], ["Zoë Müller"]),
        (["--tag", "nope"], []),
        (["--ring", "1"], ["Zoë Müller"]),
        (["--ring", "2"], ["Sally Jones"]),
        (["--ring", "3"], ["Bob Smith"]),
        (["--org", "xyz"], ["Sally Jones"]),
        (["--org", "ACME health"], ["Zoë Müller"]),
        (["--tag", "mentor", "--ring", "2"], ["Sally Jones"]),
        (["--search", "mentor", "--org", "globex"], ["Bob Smith"]),
        (["--archived"], []),
    ],
)
def test_list_filters(netty, people, args: list[str], expected: list[str]) -> None:
    assert names(netty("list", *args, "--json")) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--search", "mentor"],
        ["--search", "MÜLLER zoe"],
        ["--search", "zoe@acme.example"],
        ["--search", "_"],
        ["--tag", "mentor", "--ring", "2"],
        ["--search", "mentor", "--org", "globex"],
        ["--archived"],
        [],
    ],
    ids=str,
)
def test_list_lines_name_the_contacts_json_lists(netty, people, args: list[str]) -> None:
    """The text lines (read without emails and tags, issue 16) list the same people,
    in the same order, as --json, each line with its organization and title."""
    netty("archive", "sally")
    rows = netty("list", *args, "--json").json
    lines = netty("list", *args, ok=False).out.splitlines()
    assert [line.split("  ·  ")[0].split(None, 1)[1] for line in lines] == [
        r["name"] + (" (archived)" if r["archived"] else "") for r in rows
    ]
    for line, row in zip(lines, rows, strict=True):
        assert line.startswith(f"#{row['id']:<5} ")
        works = ", ".join(x for x in (row["title"], row["organization"]) if x) or "-"
        assert f"  ·  {works}  ·  ring {row['ring']}  ·  " in line


# ---------------------------------------------------------------- edit, archive, restore


def test_edit_adds_and_removes_and_renames(netty, people) -> None:
    out = netty(
        "edit", "zoe",
        "--name", "Zoë Müller-Lee",
        "--title", "Research Lead",
        "--email", "zoe@new.example",
        "--remove-email", "ZOE@acme.example",
        "--tag", "design",
        "--remove-tag", "#UXPA",
        "--ring", "2",
        "--every", "21",
    ).out  # fmt: skip
    assert out.startswith(f"updated #{people['zoe']} Zoë Müller-Lee")
    zoe = netty("show", str(people["zoe"]), "--json").json
    assert zoe["name"] == "Zoë Müller-Lee"
    assert zoe["title"] == "Research Lead"
    assert zoe["emails"] == ["zoe@new.example"]
    assert zoe["tags"] == ["design"]
    assert (zoe["ring"], zoe["cadence_days"], zoe["cadence_is_default"]) == (2, 21, False)
    assert zoe["organization"] == "Acme Health"  # untouched
    assert zoe["notes"] == "Loves sourdough bread"
    # the search text follows the edit
    assert names(netty("list", "--search", "uxpa", "--json")) == []
    assert names(netty("list", "--search", "design", "--json")) == ["Zoë Müller-Lee"]
    assert names(netty("list", "--search", "zoe@acme", "--json")) == []
    assert names(netty("list", "--search", "lee", "--json")) == ["Zoë Müller-Lee"]
    # adding keeps what was there
    netty("edit", "zoe", "--email", "zoe@third.example")
    assert netty("show", "zoe", "--json").json["emails"] == ["zoe@new.example", "zoe@third.example"]


def test_edit_with_nothing_to_change_is_a_usage_error(netty, people) -> None:
    assert_user_error(netty("edit", "zoe", ok=False))


@pytest.mark.parametrize(
    ("add", "remove", "field"),
    [
        (["--tag", "design systems"], ["--remove-tag", "design systems"], "tags"),
        (["--phone", "+1 (555) 010-0100"], ["--remove-phone", "+1 555 010 0100"], "phones"),
    ],
)
def test_edit_removes_what_add_added(netty, add: list[str], remove: list[str], field: str) -> None:
    netty("add", "Dana Lee", *add)
    assert netty("show", "dana", "--json").json[field] != []
    netty("edit", "dana", *remove)
    assert netty("show", "dana", "--json").json[field] == []


def test_editing_emails_keeps_the_linkedin_key(netty, people) -> None:
    assert netty("show", "sally", "--json").json["linkedin"] == "https://www.linkedin.com/in/sallyj"
    netty("edit", "sally", "--email", "sally@home.example")
    sally = netty("show", "sally", "--json").json
    assert sally["urls"] == ["https://www.linkedin.com/in/sallyj/"]
    assert sally["linkedin"] == "https://www.linkedin.com/in/sallyj"
    clash = netty("add", "Sally Impostor", "--url", "linkedin.com/in/SallyJ", ok=False)
    assert_user_error(clash)


def test_duplicate_linkedin_is_refused(netty, dbfile: Path, people) -> None:
    before = dump(dbfile)
    result = netty("add", "Sally Impostor", "--url", "linkedin.com/in/SallyJ", ok=False)
    assert_user_error(result)
    assert "Sally Jones" in result.err
    assert dump(dbfile) == before


def test_archive_then_restore(netty, people) -> None:
    out = netty("archive", "sally").out
    assert f"netty restore {people['sally']}" in out
    assert names(netty("list", "--json")) == ["Bob Smith", "Zoë Müller"]
    archived = netty("list", "--archived", "--json").json
    assert [r["name"] for r in archived] == ["Sally Jones"]
    assert archived[0]["archived"] is True
    assert names(netty("list", "--search", "sally", "--json")) == []
    # still shown by name, but not a target for new interactions
    shown = netty("show", "sally", "--json").json
    assert shown["archived"] is True and shown["archived_at"] == iso(FIXED_NOW)
    assert_user_error(netty("log", "sally", ok=False))
    assert_user_error(netty("archive", "sally", ok=False))

    assert netty("restore", "sally").out.startswith(f"restored #{people['sally']} Sally Jones")
    assert names(netty("list", "--json")) == ["Bob Smith", "Sally Jones", "Zoë Müller"]
    assert names(netty("list", "--archived", "--json")) == []
    assert_user_error(netty("restore", "sally", ok=False))


# ---------------------------------------------------------------- log


def test_log_with_several_contacts_is_one_interaction(netty, people, now) -> None:
    out = netty(
        "log", "sally", "bob", "--kind", "lunch", "--when", "3 days ago", "--summary", "tacos"
    ).out
    assert "Bob Smith" in out and "Sally Jones" in out
    sally = netty("show", "sally", "--json").json
    bob = netty("show", "bob", "--json").json
    [a] = sally["interactions"]
    [b] = bob["interactions"]
    assert a == b
    assert a["kind"] == "meal"
    assert a["summary"] == "tacos"
    assert sorted(c["name"] for c in a["contacts"]) == ["Bob Smith", "Sally Jones"]
    when = iso(now.subtract(days=3))
    assert sally["last_interaction_at"] == bob["last_interaction_at"] == when
    assert netty("show", "zoe", "--json").json["last_interaction_at"] is None


def test_log_by_them_and_defaults(netty, people, now) -> None:
    netty("log", "zoe", "--kind", "email", "--by-them", "--when", "2 days ago")
    netty("log", "zoe")  # a note, now
    zoe = netty("show", "zoe", "--json").json
    note, email = zoe["interactions"]  # newest first
    assert (email["kind"], email["initiated_by"], email["in_person"]) == ("email", "them", False)
    assert (note["kind"], note["initiated_by"], note["occurred_at"]) == ("note", "me", iso(now))
    assert zoe["last_interaction_at"] == iso(now)


def test_older_interaction_does_not_move_last_interaction_back(netty, people, now) -> None:
    netty("log", "bob", "--kind", "call", "--when", "yesterday")
    netty("log", "bob", "--kind", "coffee", "--when", "2026-10-01")
    bob = netty("show", "bob", "--json").json
    assert bob["last_interaction_at"] == iso(now.subtract(days=1))
    assert len(bob["interactions"]) == 2


# ---------------------------------------------------------------- naming a contact


def test_contact_by_id_name_or_part(netty, people) -> None:
    zoe = people["zoe"]
    for text in (str(zoe), f"#{zoe}", "Zoë Müller", "zoe muller", "ZOE MÜLLER", "mull", "zoë",
                 "muller zoe"):  # fmt: skip
        assert netty("show", text, "--json").json["id"] == zoe, text


def test_introduced_by(netty, people) -> None:
    netty("add", "Zed Okafor", "--introduced-by", "sally", "--met", "her book club")
    zed = netty("show", "zed", "--json").json
    assert zed["introduced_by"] == {"id": people["sally"], "name": "Sally Jones"}
    assert zed["how_met"] == "her book club"


def test_exact_name_beats_a_longer_match(netty) -> None:
    netty("add", "Ann")
    netty("add", "Anna Smith")
    assert netty("show", "ann", "--json").json["name"] == "Ann"
    assert netty("show", "anna", "--json").json["name"] == "Anna Smith"


def test_ambiguous_part_exits_2_and_lists_the_candidates(netty, dbfile: Path) -> None:
    netty("add", "Sam Lee")
    netty("add", "Sam Park")
    netty("add", "Samira Okafor")
    before = dump(dbfile)
    for args in (["show", "sam"], ["log", "sam", "--kind", "call"], ["archive", "sam"]):
        result = netty(*args, ok=False)
        assert_user_error(result)
        for name, cid in (("Sam Lee", 1), ("Sam Park", 2), ("Samira Okafor", 3)):
            assert f"{name} #{cid} (never contacted)" in result.err
    assert dump(dbfile) == before


def test_unknown_id_is_not_found(netty, people) -> None:
    result = netty("show", "999", ok=False)
    assert_user_error(result)
    assert "999" in result.err


# ---------------------------------------------------------------- bad input changes nothing


@pytest.fixture
def populated(netty, people, dbfile: Path) -> list[str]:
    netty("log", "sally", "bob", "--kind", "coffee", "--when", "yesterday")
    netty("cadence", "3", "60")
    netty("target", "XYZ Corp")
    return dump(dbfile)


BAD_INPUT = [
    pytest.param(["add", "  "], "blank", id="blank-name"),
    pytest.param(["add", "New Person", "--ring", "7"], "ring", id="ring-7"),
    pytest.param(["add", "New Person", "--ring", "two"], "ring", id="ring-word"),
    pytest.param(["log", "sally", "--when", "blorp"], "blorp", id="when-blorp"),
    pytest.param(["log", "sally", "--when", "tomorrow"], "future", id="when-future"),
    pytest.param(["log", "nobody-at-all"], "nobody-at-all", id="unknown-contact-log"),
    pytest.param(["log", "sally", "nobody-at-all"], "nobody-at-all", id="one-unknown-of-two"),
    pytest.param(["show", "nobody-at-all"], "nobody-at-all", id="unknown-contact-show"),
    pytest.param(["edit", "nobody-at-all", "--title", "x"], "nobody", id="unknown-contact-edit"),
    pytest.param(["add", "New Person", "--every", "0"], "cadence", id="every-0"),
    pytest.param(["edit", "sally", "--every", "0"], "cadence", id="edit-every-0"),
    pytest.param(["add", "New Person", "--email", "not-an-email"], "email", id="bad-email"),
    pytest.param(
        ["add", "New Person", "--org", "New Org", "--email", "x@"],
        "email",
        id="bad-email-after-new-org",
    ),
    pytest.param(["edit", "sally", "--email", "not-an-email"], "email", id="edit-bad-email"),
    pytest.param(["edit", "sally", "--ring", "7"], "ring", id="edit-ring-7"),
    pytest.param(["edit", "sally", "--name", "  "], "blank", id="edit-blank-name"),
    pytest.param(["add", "New Person", "--channel", "carrier pigeon"], "channel", id="channel"),
    pytest.param(["add", "New Person", "--strength", "9"], "strength", id="strength-9"),
    pytest.param(
        ["add", "New Person", "--introduced-by", "nobody-at-all"], "nobody", id="unknown-introducer"
    ),
    pytest.param(["log", "sally", "--kind", "telepathy"], "kind", id="unknown-kind"),
    pytest.param(["edit", "sally", "--introduced-by", "sally"], "themselves", id="self-intro"),
    pytest.param(["list", "--ring", "9"], "ring", id="list-ring-9"),
    pytest.param(["demo", "--size", "0", "--no-tui"], "size", id="demo-size-0"),
    pytest.param(["list", "--bogus"], "--bogus", id="unknown-option"),
    pytest.param(["show"], "CONTACT", id="missing-argument"),
    pytest.param(["add"], "NAME", id="missing-name"),
    pytest.param(["frobnicate"], "frobnicate", id="unknown-command"),
    pytest.param(["cadence", "2"], "DAYS", id="cadence-missing-days"),
    pytest.param(["cadence", "2", "0"], "cadence", id="cadence-0"),
    pytest.param(["cadence", "4", "30"], "ring", id="cadence-ring-4"),
    pytest.param(["cadence", "two", "30"], "two", id="cadence-not-a-number"),
    pytest.param(["target", "  "], "blank", id="blank-target"),
    pytest.param(["restore", "sally"], "sally", id="restore-active"),
    pytest.param(["demo", "--no-tui"], "already has", id="demo-on-real-data"),
    pytest.param(["demo", "--size", "10", "--no-tui"], "already has", id="demo-size-on-real-data"),
]


@pytest.mark.parametrize(("args", "says"), BAD_INPUT)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    netty, dbfile: Path, populated: list[str], args: list[str], says: str
) -> None:
    result = netty(*args, ok=False)
    assert_user_error(result)
    assert says.lower() in result.err.lower()
    assert dump(dbfile) == populated


def test_text_file_as_database_is_refused_and_untouched(run, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    before = (notes.read_bytes(), notes.stat().st_mtime_ns)
    for args in (["list"], ["add", "Sally"], ["info"], ["demo", "--no-tui"]):
        result = run("--db", notes, *args)
        assert_user_error(result)
        assert "not a netty database" in result.err
    assert (notes.read_bytes(), notes.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "notes.txt"]


def test_db_whose_parent_is_a_regular_file_is_refused(run, tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x\n")
    result = run("--db", blocker / "netty.db", "add", "Sally")
    assert_user_error(result)
    assert "cannot create" in result.err
    assert blocker.read_text() == "x\n"


def test_db_that_is_a_folder_is_refused(run, tmp_path: Path) -> None:
    result = run("--db", tmp_path, "list")
    assert_user_error(result)
    assert "folder" in result.err


@pytest.mark.sqlite_only("checks no database file is created")
def test_bad_netty_now_is_a_user_error(run, dbfile: Path, monkeypatch) -> None:
    monkeypatch.setenv("NETTY_NOW", "half past blorp")
    result = run("--db", dbfile, "list")
    assert_user_error(result)
    assert "NETTY_NOW" in result.err
    assert not dbfile.exists()


@pytest.mark.sqlite_only("checks no database file is created")
def test_bad_input_does_not_create_a_database(run, dbfile: Path) -> None:
    assert_user_error(run("--db", dbfile, "add", "  "))
    assert not dbfile.exists()


@pytest.mark.sqlite_only("checks no database file is created")
def test_bad_input_that_is_caught_early_creates_no_database(run, dbfile: Path) -> None:
    for args in (
        ["add", "Sally", "--ring", "7"],
        ["add", "Sally", "--every", "0"],
        ["log", "sally", "--when", "blorp"],
        ["log", "sally", "--kind", "telepathy"],
        ["list", "--ring", "9"],
    ):
        assert_user_error(run("--db", dbfile, *args))
    assert not dbfile.parent.exists()


# ---------------------------------------------------------------- settings and targets


def test_cadence_shows_and_sets_ring_defaults(netty, people, now) -> None:
    netty("add", "Own Cadence", "--ring", "2", "--every", "10")
    netty("add", "Met Lately", "--ring", "2")
    netty("log", "met lately", "--kind", "call", "--when", "5 days ago")
    before = {r["name"]: r for r in netty("list", "--json").json}

    shown = netty("cadence").out
    for line in ("ring 1 (inner circle): every 14 days", "every 30 days", "every 90 days"):
        assert line in shown
    assert "ring 2 (colleagues & neighbours): every 45 days" in netty("cadence", "2", "45").out
    assert "ring 2 (colleagues & neighbours): every 45 days" in netty("cadence").out
    assert "ring 1 (inner circle): every 14 days" in netty("cadence").out

    after = {r["name"]: r for r in netty("list", "--json").json}
    assert before["Sally Jones"]["next_ping_at"] == iso(now.add(days=30))
    assert after["Sally Jones"]["next_ping_at"] == iso(now.add(days=45))
    assert after["Sally Jones"]["cadence_days"] == 45
    assert after["Met Lately"]["next_ping_at"] == iso(now.subtract(days=5).add(days=45))
    # not ring 2, or their own cadence: unchanged
    for name in ("Own Cadence", "Zoë Müller", "Bob Smith"):
        assert after[name]["next_ping_at"] == before[name]["next_ping_at"], name
        assert after[name]["cadence_days"] == before[name]["cadence_days"], name
    # new ring-2 contacts get the new default
    netty("add", "Newcomer", "--ring", "2")
    newcomer = netty("show", "newcomer", "--json").json
    assert (newcomer["cadence_days"], newcomer["next_ping_at"]) == (45, iso(now.add(days=45)))


def test_target_marks_an_organization(netty, dbfile: Path, people) -> None:
    def targets() -> list[tuple[str, int]]:
        return query(dbfile, "SELECT name, is_target FROM organization ORDER BY name")

    assert netty("target", "XYZ Corp").out.strip() == "XYZ Corp is a target"
    assert ("XYZ Corp", 1) in targets()
    assert netty("target", "xyz CORP", "--off").out.strip() == "XYZ Corp is no longer a target"
    assert ("XYZ Corp", 0) in targets()
    netty("target", "Brand New Co")
    assert targets() == [("Acme Health", 0), ("Brand New Co", 1), ("Globex", 0), ("XYZ Corp", 0)]


# ---------------------------------------------------------------- demo


def test_demo_writes_a_believable_network(run, tmp_path: Path) -> None:
    target = tmp_path / "demo" / "x.db"
    result = run("--db", target, "demo", "--no-tui")
    assert result.code == 0, result.err
    assert str(target) in result.out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    rows = run("--db", target, "list", "--json").json
    assert 50 <= len(rows) <= 70
    assert {r["ring"] for r in rows} == {1, 2, 3}
    assert len({r["channel"] for r in rows} - {None}) >= 6
    assert sum(1 for r in rows if r["last_interaction_at"]) >= 40
    assert sum(1 for r in rows if r["organization"]) >= 20
    assert any(r["tags"] for r in rows)
    assert any(r["emails"] for r in rows)
    overdue = [r for r in rows if r["next_ping_at"] < iso(FIXED_NOW)]
    assert len(overdue) >= 3

    before = dump(target)
    again = run("--db", target, "demo", "--no-tui")
    assert_user_error(again)
    assert "already has" in again.err
    assert dump(target) == before


def test_demo_network_has_ledger_records(run, tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    assert run("--db", target, "demo", "--no-tui").code == 0
    conn = sqlite3.connect(target)
    try:
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("need", "give", "ask", "promise", "event", "interaction")
        }
        directions = {r[0] for r in conn.execute("SELECT DISTINCT direction FROM promise")}
        targets = conn.execute("SELECT count(*) FROM organization WHERE is_target").fetchone()[0]
        oldest = conn.execute("SELECT min(occurred_at) FROM interaction").fetchone()[0]
    finally:
        conn.close()
    assert all(counts.values()), counts
    assert directions == {"i_owe", "they_owe"}
    assert targets >= 2
    assert oldest < FIXED_NOW.subtract(years=1).to_datetime_string()


def test_demo_size_is_exact_and_deterministic(run, tmp_path: Path) -> None:
    outputs = []
    for name in ("a.db", "b.db"):
        target = tmp_path / name
        result = run("--db", target, "demo", "--size", "200", "--no-tui")
        assert result.code == 0, result.err
        assert "200 contacts" in result.out
        listed = run("--db", target, "list", "--json")
        assert len(listed.json) == 200
        outputs.append(listed.out)
    assert outputs[0] == outputs[1]
    assert_user_error(run("--db", tmp_path / "a.db", "demo", "--size", "200", "--no-tui"))


def test_demo_without_db_uses_a_fresh_temporary_database(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    result = run("demo", "--size", "5", "--no-tui")
    assert result.code == 0, result.err
    [made] = list(scratch.glob("netty-demo-*/demo.db"))
    assert str(made) in result.out
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "netty" / "netty.db").exists()


# ---------------------------------------------------------------- real processes


def _netty_process(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if env_db is not None:
        env["NETTY_DB"] = str(env_db)
    return subprocess.run(
        [sys.executable, "-m", "netty.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_help_and_version_in_process(run) -> None:
    helped = run("--help")
    assert helped.code == 0 and "Usage:" in helped.out
    assert run("add", "--help").code == 0
    version = run("--version")
    assert version.code == 0 and version.out.startswith("netty, version ")


def test_python_dash_m_help() -> None:
    proc = _netty_process("--help")
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout
    for command in ("add", "edit", "archive", "restore", "list", "show", "log", "demo"):
        assert command in proc.stdout


def test_end_to_end_in_real_processes(tmp_path: Path) -> None:
    target = tmp_path / "e2e" / "netty.db"
    add = _netty_process("add", "Sally Jones", "--org", "XYZ Corp", "--ring", "2",
                         "--email", "sally@xyz.example", env_db=target)  # fmt: skip
    assert add.returncode == 0, add.stderr
    log = _netty_process("log", "sally", "--kind", "coffee", "--when", "yesterday",
                         "--summary", "talked design", env_db=target)  # fmt: skip
    assert log.returncode == 0, log.stderr
    show = _netty_process("--db", str(target), "show", "sally jones", "--json")
    assert show.returncode == 0, show.stderr
    data = json.loads(show.stdout)
    assert data["last_interaction_at"] == "2026-11-22T10:00:00Z"
    assert [i["summary"] for i in data["interactions"]] == ["talked design"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_user_error_in_a_real_process(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n")
    proc = _netty_process("--db", str(notes), "add", "  ")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith("netty: ")
    assert notes.read_text() == "hello\n"
