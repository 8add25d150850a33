"""The interactive operations on SQLite and on PostgreSQL, side by side (issue 14).

    python tests/benchmark.py --engines [--size 50000] [--runs 5] [--url URL]
    python tests/benchmark_engines.py [same options]

Not collected by pytest (timed tests flake). The same demo network (``netty demo
--size N``, fixed NETTY_NOW) is made in a SQLite file and in a PostgreSQL database:
the server at ``--url`` (or ``NETTY_TEST_DATABASE_URL``), else a throwaway cluster
that ``tests/pg.py`` starts on a unix socket in a temporary folder and stops after
(skipped with a line when ``initdb`` is not on the PATH). Then, per engine:

- in one process with a warm connection, the median of ``--runs`` calls of what the
  app does on a key: ``load_index`` (the data behind the list and every filter
  keystroke; the filter itself runs in memory and is the same on both), ``due(now,
  limit=50)`` and ``due_count(now)``, ``contact_detail`` (``netty show`` and the
  timeline) and ``build_prep_sheet`` for a person with an open need;
- whole ``netty`` commands, process start to exit: ``list --search smith``,
  ``show``, ``prep``, ``due --count``;
- a 30,000-row LinkedIn import (``import_file``, as ``netty import linkedin``) into
  an empty database (a new file; a new schema on the server), median of 3.

The last column is the ratio PostgreSQL / SQLite measured in this run; the targets
are the SQLite ones, the same on both engines.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NOW = "2026-11-23T10:00:00+00:00"

ROWS = [
    ("generate (netty demo --size)", "generate_s", "s", None),
    ("load_index: list and filter data", "index_ms", "ms", None),
    ("due(now, limit=50)", "due_limit_ms", "ms", 5),
    ("due_count(now)", "due_count_ms", "ms", None),
    ("contact_detail (show, timeline)", "detail_ms", "ms", None),
    ("build_prep_sheet", "prep_ms", "ms", None),
    ("netty list --search smith", "cli_search_s", "s", None),
    ("netty show ID", "cli_show_s", "s", None),
    ("netty prep ID", "cli_prep_s", "s", None),
    ("netty due --count", "cli_due_s", "s", None),
    ("import linkedin, 30,000 rows", "import_s", "s", 1),
]


def _env() -> dict[str, str]:
    return {**os.environ, "NETTY_NOW": NOW, "PYTHONPATH": str(ROOT)}


def child_calls(location: str, runs: int) -> None:
    """In-process timings on a warm connection; prints one JSON line."""
    os.environ["NETTY_NOW"] = NOW
    from netty import clock
    from netty.db import open_database
    from netty.db.models import Need
    from netty.services.contact_index import load_index
    from netty.services.prep import build_prep_sheet
    from netty.services.reminders import due, due_count
    from netty.services.timeline import contact_detail

    now = clock.now()
    open_database(location, now)
    need = Need.select(Need.contact).where(Need.status == "open").order_by(Need.id).first()
    person = need.contact_id
    calls = {
        "index_ms": lambda: load_index(now),
        "due_limit_ms": lambda: due(now, limit=50),
        "due_count_ms": lambda: due_count(now),
        "detail_ms": lambda: contact_detail(person),
        "prep_ms": lambda: build_prep_sheet(person, now),
    }
    timings: dict[str, list[float]] = {key: [] for key in calls}
    for _ in range(max(3, runs)):
        for key, call in calls.items():
            start = time.perf_counter()
            call()
            timings[key].append((time.perf_counter() - start) * 1000)
    out = {key: statistics.median(values) for key, values in timings.items()}
    out["person"] = person
    print(json.dumps(out))


def _timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=_env())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _import_once(location: str, csv_path: Path) -> float:
    """Seconds for ``import_file`` of ``csv_path`` into the empty ``location``."""
    code = (
        "import sys, time, pendulum\n"
        "from netty.db import open_database\n"
        "from netty.services.importers import import_file\n"
        f"now = pendulum.parse({NOW!r})\n"
        "open_database(sys.argv[1], now)\n"
        "t = time.perf_counter()\n"
        "report = import_file('linkedin', sys.argv[2], now)\n"
        "print(time.perf_counter() - t)\n"
        "assert report.created > 0 and not report.skipped\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, location, str(csv_path)],
        check=True,
        capture_output=True,
        text=True,
        env=_env(),
    )
    return float(result.stdout.strip().splitlines()[-1])


def measure(location: str, size: int, runs: int, csv_path: Path, fresh) -> dict[str, float]:
    """Every row of the table for one engine; ``fresh()`` gives an empty location."""
    netty = [sys.executable, "-m", "netty.cli", "--db", location]
    start = time.perf_counter()
    subprocess.run([*netty, "demo", "--size", str(size), "--no-tui"], check=True,
                   capture_output=True, env=_env())  # fmt: skip
    out: dict[str, float] = {"generate_s": time.perf_counter() - start}
    result = subprocess.run(
        [sys.executable, __file__, "--child", location, "--runs", str(runs)],
        check=True,
        capture_output=True,
        text=True,
        env=_env(),
    )
    calls = json.loads(result.stdout.strip().splitlines()[-1])
    person = str(calls.pop("person"))
    out.update(calls)
    out["cli_search_s"] = _timed([*netty, "list", "--search", "smith"], runs)
    out["cli_show_s"] = _timed([*netty, "show", person], runs)
    out["cli_prep_s"] = _timed([*netty, "prep", person], runs)
    out["cli_due_s"] = _timed([*netty, "due", "--count"], runs)
    out["import_s"] = statistics.median(_import_once(fresh(), csv_path) for _ in range(3))
    return out


def _start_cluster(folder: Path) -> str | None:
    if shutil.which("initdb") is None and not Path("/usr/lib/postgresql").exists():
        print("PostgreSQL column skipped: no initdb on this machine", file=sys.stderr)
        return None
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "pg.py"), "start", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        print(f"PostgreSQL column skipped: {result.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return result.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--url", default=os.environ.get("NETTY_TEST_DATABASE_URL", ""))
    parser.add_argument("--rows", type=int, default=30000, help="rows of the import")
    parser.add_argument("--child")
    args, _rest = parser.parse_known_args(argv)
    if args.child:
        child_calls(args.child, args.runs)
        return
    from tests.services.importers.make_linkedin import linkedin_csv

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="netty-bench-engines-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "Connections.csv"
        csv_path.write_bytes(linkedin_csv(args.rows))
        counter = iter(range(1, 1000))
        print(f"SQLite, {args.size:,} contacts ...", file=sys.stderr)
        results["SQLite"] = measure(
            str(folder / "bench.db"),
            args.size,
            args.runs,
            csv_path,
            lambda: str(folder / f"import{next(counter)}.db"),
        )
        url = args.url
        cluster = None
        if not url:  # its own folder (tests/pg.py gives it to the cluster's user)
            cluster = Path(tempfile.mkdtemp(prefix="netty-bench-pg-"))
            url = _start_cluster(cluster) or ""
        if url:
            os.environ["NETTY_TEST_DATABASE_URL"] = url
            from tests import pgschema

            pgschema.SERVER_URL = url
            schemas: list[str] = []

            def fresh() -> str:
                name, schema_url = pgschema.create_schema()
                schemas.append(name)
                return schema_url

            print(f"PostgreSQL, {args.size:,} contacts ...", file=sys.stderr)
            try:
                results["PostgreSQL"] = measure(fresh(), args.size, args.runs, csv_path, fresh)
            finally:
                for name in schemas:
                    pgschema.drop_schema(name)
                if cluster is not None:
                    subprocess.run(
                        [sys.executable, str(ROOT / "tests" / "pg.py"), "stop", str(cluster)],
                        capture_output=True,
                        check=False,
                    )
                    shutil.rmtree(cluster, ignore_errors=True)
    engines = list(results)
    head = f"| {f'{args.size:,} contacts, median of {args.runs}':<36} |"
    head += "".join(f" {e:>10} |" for e in engines)
    head += " PG/SQLite |" if len(engines) == 2 else ""
    print(head + " target |")
    print("|" + "-" * 38 + "|" + "------------|" * len(engines)
          + ("-----------|" if len(engines) == 2 else "") + "--------|")  # fmt: skip
    for label, key, unit, target in ROWS:
        label = label.replace("30,000", f"{args.rows:,}")
        line = f"| {label:<36} |"
        for engine in engines:
            line += f" {results[engine][key]:>7.{1 if unit == 'ms' else 2}f} {unit:<2} |"
        if len(engines) == 2:
            line += f" {results['PostgreSQL'][key] / results['SQLite'][key]:>9.2f} |"
        line += f" {'< ' + str(target) + ' ' + unit if target else '':>6} |"
        print(line)


if __name__ == "__main__":
    main()
