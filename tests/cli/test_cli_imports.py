"""A command imports only what it uses (issue 16): the everyday read commands start
without the app (textual, rich) or the calendar library (icalendar).

Each command runs in a fresh interpreter (imports are per process), on a database
that the ``netty`` fixture filled first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("textual", "rich", "icalendar")

PROBE = """
import json, sys
from netty.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""


def imported(args: list[str], env: dict[str, str]) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(proc.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [["list", "--search", "smith"], ["due", "--count"], ["show", "sally"], ["list"]],
    ids=["list-search", "due-count", "show", "list"],
)
def test_read_commands_do_not_import_the_app_or_icalendar(netty, dbfile: Path, args) -> None:
    netty("add", "Sally Smith", "--org", "XYZ Corp")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = imported(["--db", str(dbfile), *args], env)
    assert result == {"code": 0, "heavy": []}


def test_the_probe_sees_an_import_when_there_is_one(netty, dbfile: Path) -> None:
    """The check above can fail: exporting iCalendar does import icalendar."""
    netty("add", "Sally Smith")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = imported(["--db", str(dbfile), "export", "ics"], env)
    assert result["code"] == 0
    assert "icalendar" in result["heavy"]
