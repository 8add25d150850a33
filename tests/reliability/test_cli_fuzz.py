"""A fuzzed command line (issue 9): random commands, options and hostile values.

Every run exits 0 or 2, never prints a traceback, says what is wrong in one line
when it refuses, and a refused command leaves the database exactly as it was.
Runs in-process (``netty.cli.main``) for speed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netty.cli import main
from tests.cli.helpers import dump
from tests.services.importers.helpers import fixture

pytestmark = pytest.mark.reliability

HOSTILE_TEXT = [
    "",
    " ",
    "-",
    "--",
    "#",
    "0",
    "-1",
    "1",
    "2",
    "#1",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999999",
    "1e309",
    "nan",
    "Ann",
    "Ann Lee",
    "p1",
    "n1",
    "a1",
    "r1",
    "ping-1",
    "ping-99999999999999999999",
    "deliver-p1",
    "x" * 501,
    "y" * 1001,
    "\x1b[2J\x1b]0;title\x07",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\u202eevil",
    "Ali\u200cReza 👩🏽‍💻",
    "bad\udcffbytes",
    "\x00nul",
    "[bold]markup[/]",
    "needs: a designer by friday; i owe: intro to Ann",
    "%s%n",
    "'; DROP TABLE contact; --",
]
WHEN = ["today", "tomorrow", "0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31", "in 3 days"]
WHEN += ["99999999d", "2026-02-30", "next week", "", "-5d", "2200-12-31"]
SPAN = ["7d", "99999999d", "999999y", "0d", "-1d", "2w", "x", "100y", "1000000h"]
NUMBER = ["0", "1", "3", "-1", "99999999999999999999", "x", "", "5"]
value = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=30))
when = st.one_of(st.sampled_from(WHEN), value)
span = st.one_of(st.sampled_from(SPAN), value)
number = st.one_of(st.sampled_from(NUMBER), value)


def _options(pairs: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[list[str]]:
    """Zero to three of these options, each with a value."""
    one = st.sampled_from(sorted(pairs)).flatmap(lambda o: pairs[o].map(lambda v: [o, v]))
    return st.lists(one, max_size=3).map(lambda groups: [x for g in groups for x in g])


CONTACT_OPTIONS = {
    "--org": value,
    "--title": value,
    "--email": value,
    "--phone": value,
    "--url": value,
    "--ring": number,
    "--channel": value,
    "--every": number,
    "--tag": value,
    "--notes": value,
    "--strength": number,
    "--introduced-by": value,
}


def _commands(tmp: Path, db: Path) -> st.SearchStrategy[list[str]]:
    fifo = str(tmp / "fifo")
    paths = st.sampled_from(
        [
            str(db),
            f"{db}-wal",
            f"{db}-shm",
            f"{db}-journal",
            "/dev/null",
            "/dev/zero",
            fifo,
            str(tmp),
            str(tmp / ("n" * 300)),
            str(tmp / "missing" / "x"),
            str(tmp / "out.file"),
            str(tmp / "linkedin_connections.csv"),  # copies: an export may write over them
            str(tmp / "photo.png"),
            str(tmp / "vcard30_apple.vcf"),
        ]
    )
    flag = st.sampled_from(["--json", "--dry-run", "--archived", "--markdown", "--count", ""])
    c = st.just
    return st.one_of(
        st.tuples(c(["add"]), value.map(lambda v: [v]), _options(CONTACT_OPTIONS)),
        st.tuples(c(["edit"]), value.map(lambda v: [v]), _options(CONTACT_OPTIONS | {"--name": value})),
        st.tuples(st.sampled_from([["show"], ["prep"], ["archive"], ["restore"]]), value.map(lambda v: [v]), flag.map(lambda f: [f] if f else [])),
        st.tuples(c(["list"]), _options({"--search": value, "--tag": value, "--ring": number, "--org": value}), c([])),
        st.tuples(c(["log"]), st.lists(value, min_size=1, max_size=3), _options({"--when": when, "--kind": value, "--summary": value})),
        st.tuples(c(["remind"]), st.tuples(value, when, value).map(list), c([])),
        st.tuples(c(["snooze"]), st.tuples(value, when).map(list), c([])),
        st.tuples(st.sampled_from([["done"], ["drop"], ["drop", "--declined"]]), value.map(lambda v: [v]), c([])),
        st.tuples(c(["due"]), _options({"--within": span, "--kind": value, "--limit": number}), flag.map(lambda f: [f] if f in ("--json", "--count") else [])),
        st.tuples(st.sampled_from([["export", "json"], ["export", "vcard"], ["export", "csv"], ["export", "ics"]]), c(["-o"]), paths.map(lambda p: [p])),
        st.tuples(c(["backup", "-o"]), paths.map(lambda p: [p]), c([])),
        st.tuples(st.sampled_from([["import", "linkedin"], ["import", "vcard"], ["import", "json"], ["import", "csv"]]), paths.map(lambda p: [p]), flag.map(lambda f: [f] if f in ("--dry-run", "--json") else [])),
        st.tuples(c(["merge"]), st.tuples(value, value).map(list), c([])),
        st.tuples(st.sampled_from([["cadence"], ["config", "poll-seconds"], ["target"]]), st.lists(number, max_size=2), c([])),
        st.tuples(st.sampled_from([["info"], ["check"], ["duplicates"]]), c([]), c([])),
        st.tuples(c(["--db"]), paths.map(lambda p: [p]), c(["info"])),
    ).map(lambda parts: [x for part in parts for x in part])  # fmt: skip


@pytest.fixture
def fuzz_db(tmp_path: Path, run) -> Path:
    db = tmp_path / "fuzz" / "netty.db"
    assert run("--db", db, "add", "Ann Lee", "--email", "ann@example.com").code == 0
    assert run("--db", db, "add", "Bob Stone", "--tag", "x").code == 0
    assert run("--db", db, "log", "Ann Lee", "needs: a designer; i owe: intro to Bob").code == 0
    os.mkfifo(tmp_path / "fifo")
    for name in ("linkedin_connections.csv", "photo.png", "vcard30_apple.vcf"):
        shutil.copy(fixture(name), tmp_path / name)
    return db


def test_any_command_line_exits_0_or_2_in_one_line_and_a_refusal_writes_nothing(
    tmp_path: Path, fuzz_db: Path, capsys: pytest.CaptureFixture[str]
):
    codes: list[int] = []

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(args=_commands(tmp_path, fuzz_db))
    def check(args: list[str]) -> None:
        full = args if args[0] == "--db" else ["--db", str(fuzz_db), *args]
        before = dump(fuzz_db)
        capsys.readouterr()
        code = main(full)
        out, err = capsys.readouterr()
        codes.append(code)
        assert code in (0, 2), (full, code, err)
        assert "Traceback" not in err + out, (full, err)
        assert "\x1b" not in out + err or "--json" in args, full
        if code == 2:
            assert len(err.splitlines()) == 1, (full, err)
            assert dump(fuzz_db) == before, full

    check()
    assert len(codes) >= 100 and 0 in codes and 2 in codes  # it really ran, both ways
