"""Fault trials for issue 9: kill -9 at random moments of an import, a backup, a merge
and an export, run as real ``python -m netty.cli`` processes.

After every kill: ``PRAGMA integrity_check`` is ok, the database holds exactly what
it held before or exactly the full result (a dump of every table compared), every
file under a final name is complete (backups pass ``integrity_check``; exports equal
a full export), and, when the killed run had not finished, running the same
command again succeeds with the same output name and leaves no temporary file.

Used by ``test_faults.py`` (a few trials each) and, to compare two versions of
netty, as a script::

    python -m tests.reliability.faults --code /tmp/netty-orig --trials 20

which prints a table of trials, failures and writes lost.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.cli.helpers import dump
from tests.services.importers.make_linkedin import linkedin_csv

REPO = Path(__file__).resolve().parents[2]
FIXED_NOW = "2026-11-23T10:00:00+00:00"
TEMP_MARKS = (".netty-tmp", ".tmp", "-journal")


@dataclass
class Outcome:
    """What a batch of trials found: failures are one line each, for the report."""

    name: str
    trials: int = 0
    completed_before_kill: int = 0
    failures: list[str] = field(default_factory=list)
    failed_trials: int = 0
    writes_lost: int = 0


class Lab:
    """A folder with a template database and input file, and how to run netty on them."""

    def __init__(self, root: Path, code: Path = REPO, contacts: int = 4000) -> None:
        self.root = root
        self.code = code
        self.home = root / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self.template = root / "template.db"
        self.csv = root / "connections.csv"
        self.csv.write_bytes(linkedin_csv(3000, seed=9))
        if not self.template.exists():
            self.run("--db", self.template, "demo", "--size", contacts, "--no-tui", check=True)
            self.run("--db", self.template, "add", "Merge Keep", "--tag", "k", check=True)
            self.run("--db", self.template, "add", "Merge Other", "--email", "o@x.org", check=True)
        self.full: dict[str, tuple[list[str], bytes | None]] = {}

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NETTY_", "XDG_"))}
        env.update(
            PYTHONPATH=str(self.code),
            NETTY_NOW=FIXED_NOW,
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            PYTHONDONTWRITEBYTECODE="1",
        )
        return env

    def command(self, *args: object) -> list[str]:
        return [sys.executable, "-m", "netty.cli", *map(str, args)]

    def run(self, *args: object, check: bool = False) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            self.command(*args),
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=self.root,  # `python -m` puts the current folder first on sys.path
        )
        if check and proc.returncode != 0:
            raise RuntimeError(f"netty {args}: {proc.stderr}")
        return proc

    def fresh(self, name: str) -> tuple[Path, Path]:
        """A new folder holding a copy of the template database: (folder, db)."""
        folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.root))
        db = folder / "netty.db"
        src = sqlite3.connect(self.template)
        dst = sqlite3.connect(db)
        src.backup(dst)
        dst.close()
        src.close()
        os.chmod(db, 0o600)
        (folder / "out").mkdir()
        return folder, db


@dataclass(frozen=True)
class Scenario:
    name: str
    args: Callable[[Lab, Path], list[object]]  # (lab, folder) -> netty arguments
    output: str | None  # a file written under out/, or None
    changes_db: bool


SCENARIOS = {
    "import": Scenario(
        "import linkedin (3,000 rows)",
        lambda lab, folder: ["import", "linkedin", lab.csv],
        None,
        True,
    ),
    "backup": Scenario(
        "backup -o",
        lambda lab, folder: ["backup", "-o", folder / "out" / "copy.db"],
        "copy.db",
        False,
    ),
    "merge": Scenario(
        "merge (with its automatic backup)",
        lambda lab, folder: ["merge", "Merge Keep", "Merge Other"],
        None,
        True,
    ),
    "export": Scenario(
        "export json -o",
        lambda lab, folder: ["export", "json", "-o", folder / "out" / "export.json"],
        "export.json",
        False,
    ),
}


def _integrity(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)


def _strays(folder: Path) -> list[str]:
    """Temporary or partial files left in ``folder`` and ``folder/out``."""
    found = []
    for path in [*folder.iterdir(), *(folder / "out").iterdir()]:
        if path.name.startswith("netty.db"):
            if path.name.endswith("-journal"):
                found.append(path.name)
            continue
        if any(mark in path.name for mark in TEMP_MARKS):
            found.append(path.name)
    return found


def _full_result(lab: Lab, key: str) -> tuple[list[str], bytes | None]:
    """The database dump and the output bytes of an uninterrupted run."""
    if key not in lab.full:
        scenario = SCENARIOS[key]
        folder, db = lab.fresh(f"full-{key}")
        proc = lab.run("--db", db, *scenario.args(lab, folder))
        if proc.returncode != 0:
            raise RuntimeError(f"{scenario.name} failed when not killed: {proc.stderr}")
        out = folder / "out" / scenario.output if scenario.output else None
        data = out.read_bytes() if out and scenario.output != "copy.db" else None
        lab.full[key] = (dump(db, schema_history=False), data)
    return lab.full[key]


def _duration(lab: Lab, key: str) -> float:
    folder, db = lab.fresh(f"time-{key}")
    started = time.perf_counter()
    lab.run("--db", db, *SCENARIOS[key].args(lab, folder))
    return time.perf_counter() - started


def _new_file(folder: Path, known: set[str], proc: subprocess.Popen, limit: float) -> bool:
    """Wait until a file appears in ``folder`` or ``folder/out`` (a backup, a temporary
    or an output file): the moment the interesting writing starts."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline and proc.poll() is None:
        names = {p.name for p in folder.iterdir()} | {p.name for p in (folder / "out").iterdir()}
        if names - known:
            return True
        time.sleep(0.001)
    return False


def trial(lab: Lab, key: str, delay: float, outcome: Outcome, *, after_file: bool) -> None:
    """One kill -9, then every check; failures go to ``outcome``.

    The kill comes ``delay`` seconds after the start or, with ``after_file``, after
    the first new file appears beside the database or the output.
    """
    scenario = SCENARIOS[key]
    full_dump, full_output = _full_result(lab, key)
    folder, db = lab.fresh(key)
    before = dump(db, schema_history=False)
    known = {p.name for p in folder.iterdir()} | {"netty.db-wal", "netty.db-shm"}
    known |= {"netty.db-journal"}
    proc = subprocess.Popen(
        lab.command("--db", db, *scenario.args(lab, folder)),
        env=lab.env(),
        cwd=lab.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if after_file:
        _new_file(folder, known, proc, limit=30)
    time.sleep(delay)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    else:
        outcome.completed_before_kill += 1
    proc.wait()
    outcome.trials += 1
    where = f"{key} killed {delay:.3f}s after {'a file appeared' if after_file else 'start'}"

    failed_before = len(outcome.failures)

    def fail(what: str) -> None:
        outcome.failures.append(f"{where}: {what}")

    state = _integrity(db)
    if state != "ok":
        fail(f"database integrity_check: {state}")
        return
    after = dump(db, schema_history=False)
    finished = after == full_dump if scenario.changes_db else None
    if after != before and after != full_dump:
        fail("database half-changed (neither before nor the full result)")
        outcome.writes_lost += 1
    for bak in db.parent.glob("netty.db.*.bak"):
        if _integrity(bak) != "ok":
            fail(f"unreadable backup under its final name: {bak.name}")
    out = folder / "out" / scenario.output if scenario.output else None
    if out is not None and out.exists():
        if scenario.output == "copy.db":
            if _integrity(out) != "ok" or dump(out, schema_history=False) != before:
                fail("a partial backup under the final name")
        elif out.read_bytes() != full_output:
            fail("a partial export under the final name")
    # Run the same command again: when the killed run left its work undone it must
    # succeed with the same name (a finished backup's name is refused: it exists), and
    # either way the stale temporary files of the killed run are cleaned.
    undone = (out is not None and not out.exists()) or finished is False
    again = lab.run("--db", db, *scenario.args(lab, folder))
    if (undone and again.returncode != 0) or again.returncode not in (0, 2):
        fail(f"the same command again exits {again.returncode}: {again.stderr.strip()[:100]}")
    if undone and scenario.changes_db and dump(db, schema_history=False) != full_dump:
        fail("the same command again does not give the full result")
    left = _strays(folder)
    if left:
        fail(f"stale temporary files not cleaned by the next run: {left[:3]}")
    if len(outcome.failures) > failed_before:
        outcome.failed_trials += 1
    shutil.rmtree(folder, ignore_errors=True)


def _startup(lab: Lab) -> float:
    """How long netty takes to start and open the database (``info``): kills before
    that only test Python's start-up, so trials aim after it."""
    if not hasattr(lab, "startup"):
        _folder, db = lab.fresh("startup")
        started = time.perf_counter()
        lab.run("--db", db, "info")
        lab.startup = time.perf_counter() - started
    return lab.startup


def run_trials(lab: Lab, key: str, trials: int, seed: int = 9) -> Outcome:
    """``trials`` kills of scenario ``key`` at random moments: half uniform between the
    end of start-up and the end of an uninterrupted run, half within the first third of
    that time after the first new file (a backup, a temporary file) appears."""
    rng = random.Random(f"{seed}-{key}")
    span = _duration(lab, key)
    start = min(_startup(lab) * 0.9, span * 0.8)
    outcome = Outcome(SCENARIOS[key].name)
    for number in range(trials):
        if number % 2:  # half the kills aim at the writing itself
            trial(lab, key, rng.uniform(0, (span - start) / 3), outcome, after_file=True)
        else:
            trial(lab, key, rng.uniform(start, span), outcome, after_file=False)
    return outcome


def export_onto_database(lab: Lab) -> Outcome:
    """``netty export vcard -o <the live database>``: contacts lost afterwards."""
    outcome = Outcome("export vcard -o <the live database>")
    folder, db = lab.fresh("onto-db")
    before = len([line for line in dump(db) if line.startswith('INSERT INTO "contact"')])
    lab.run("--db", db, "export", "vcard", "-o", db)
    outcome.trials = 1
    try:
        after = len([line for line in dump(db) if line.startswith('INSERT INTO "contact"')])
    except sqlite3.DatabaseError:
        after = 0
    if after < before:
        outcome.failures.append("the database was overwritten")
        outcome.failed_trials = 1
        outcome.writes_lost = before - after
    shutil.rmtree(folder, ignore_errors=True)
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=REPO, help="root of the netty to test")
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netty-faults-") as root:
        lab = Lab(Path(root), args.code.resolve())
        outcomes = [run_trials(lab, key, args.trials) for key in SCENARIOS]
        outcomes.append(export_onto_database(lab))
    if args.json:
        print(json.dumps([o.__dict__ for o in outcomes], indent=2))
        return
    print("| trial | trials | failed trials | writes lost |")
    print("|---|---|---|---|")
    for o in outcomes:
        print(f"| {o.name} | {o.trials} | {o.failed_trials} | {o.writes_lost} |")
    for o in outcomes:
        for line in sorted(set(o.failures))[:3]:
            print(f"  {o.name}: {line}")


if __name__ == "__main__":
    main()
