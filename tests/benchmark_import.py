"""How long a LinkedIn import takes (issue 16 asks for 30,000 rows under 1 s, 200,000 linear).

    python tests/benchmark_import.py [--rows 30000 200000] [--runs 3] [--url URL] [--no-cli]

Not collected by pytest (timed tests flake); run it by hand and put the figure
in the closing note. Each run imports a generated Connections.csv
(tests/services/importers/make_linkedin.py) into a fresh, empty database,
through ``import_file`` exactly as ``netty import linkedin`` does: read, decode,
parse, match, back up, insert in one transaction, commit. For each size it
prints the median of the runs in seconds of wall clock and of this process's
CPU (the steadier figure on a shared machine; on PostgreSQL the server's own
CPU is not in it), the same import with the change journal's triggers dropped,
measured in the same run (the ratio is what journaling every row costs; issue
10 asks for at most 1.5), and the whole ``netty import linkedin`` command
(process start included). With several sizes, a last line compares the time
per 1,000 rows: linear growth keeps it flat.

``--url postgresql://...`` runs the same on PostgreSQL: every run gets a new
database on that server (``CREATE DATABASE``, dropped afterwards), and netty's
backups folder is pointed into a temporary folder (``XDG_DATA_HOME``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NOW = "2026-11-23T10:00:00+00:00"
_names = itertools.count(1)


@contextmanager
def fresh_database(folder: Path, url: str | None) -> Iterator[str]:
    """A new, empty place for one run: a SQLite file in ``folder``, or a new database on
    the PostgreSQL server of ``url`` (dropped when the run is over)."""
    if url is None:
        folder.mkdir()
        yield str(folder / "netty.db")
        return
    import psycopg2

    name = f"netty_bench_import_{os.getpid()}_{next(_names)}"
    admin = psycopg2.connect(url)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def _one_run(csv_path: Path, target: str, journal: bool = True) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one import into ``target``."""
    import pendulum

    from netty.db import close_database, database, open_database
    from netty.db.journal import drop_triggers
    from netty.services.importers import import_file

    now = pendulum.parse(NOW)
    open_database(target, now)
    if not journal:
        drop_triggers(database)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        report = import_file("linkedin", csv_path, now)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        close_database()
    assert report.created > 0 and not report.skipped, report.as_json()
    return elapsed, cpu


def _median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def bench_linkedin_import(
    rows: int = 30000, runs: int = 3, url: str | None = None, cli: bool = True
) -> float:
    """Median wall seconds to import a ``rows``-row LinkedIn export into an empty database."""
    from tests.services.importers.make_linkedin import linkedin_csv

    engine = "PostgreSQL" if url else "SQLite"
    with tempfile.TemporaryDirectory(prefix="netty-bench-import-") as tmp:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "xdg")  # PostgreSQL's backups go here
        csv_path = folder / "Connections.csv"
        csv_path.write_bytes(linkedin_csv(rows))
        times, bare = [], []
        for run in range(runs):  # interleaved, so both see the same machine
            with fresh_database(folder / f"run{run}", url) as target:
                times.append(_one_run(csv_path, target))
            with fresh_database(folder / f"bare{run}", url) as target:
                bare.append(_one_run(csv_path, target, journal=False))
        wall, cpu = _median(times)
        bare_wall, bare_cpu = _median(bare)
        print(
            f"import linkedin, {rows:,} rows, {engine}: median {wall:.2f} s "
            f"(CPU {cpu:.2f} s) over {runs} runs ({', '.join(f'{t:.2f}' for t, _ in times)})"
        )
        print(
            f"  the same without the change journal: median {bare_wall:.2f} s (CPU "
            f"{bare_cpu:.2f} s); journal costs x{wall / bare_wall:.2f} wall, "
            f"x{cpu / bare_cpu:.2f} CPU (target at most x1.5)"
        )
        if cli:
            cli_times = []
            for run in range(runs):
                with fresh_database(folder / f"cli{run}", url) as target:
                    env = {**os.environ, "NETTY_NOW": NOW}
                    start = time.perf_counter()
                    subprocess.run(
                        [sys.executable, "-m", "netty.cli", "--db", target, "import",
                         "linkedin", str(csv_path)],
                        check=True, env=env, capture_output=True, cwd=ROOT,
                    )  # fmt: skip
                    cli_times.append(time.perf_counter() - start)
            print(
                f"  `netty import linkedin` command, process start to exit: median "
                f"{statistics.median(cli_times):.2f} s"
            )
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[30000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--url", help="a postgresql:// server to run on instead of SQLite")
    parser.add_argument("--no-cli", action="store_true", help="skip the whole-command timing")
    args = parser.parse_args()
    medians = {rows: bench_linkedin_import(rows, args.runs, args.url, not args.no_cli)
               for rows in args.rows}  # fmt: skip
    if len(medians) > 1:
        first = min(medians)
        per = {rows: 1000 * seconds / rows for rows, seconds in medians.items()}
        print(
            "per 1,000 rows: "
            + ", ".join(
                f"{rows:,}: {per[rows] * 1000:.1f} ms (x{per[rows] / per[first]:.2f})"
                for rows in sorted(per)
            )
            + " (linear growth keeps this flat)"
        )


if __name__ == "__main__":
    main()
