"""How long a 30,000-row LinkedIn import takes (the issue asks for under 2 seconds).

    python tests/benchmark_import.py [--rows 30000] [--runs 3]

Not collected by pytest (timed tests flake); run it by hand and put the figure
in the closing note. Each run imports a generated Connections.csv
(tests/services/importers/make_linkedin.py) into a fresh database file in a
temporary folder, through ``import_file`` exactly as ``netty import linkedin``
does: read, decode, parse, match, back up, insert in one transaction, commit.
The median of the runs is printed, with the whole ``netty import linkedin``
command (process start included) for comparison, and the same import with the
change journal's triggers dropped, measured in the same run: the ratio is what
journaling every row costs (issue 10 asks for at most 1.5).
"""

from __future__ import annotations

import argparse
import os
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


def _one_run(csv_path: Path, folder: Path, journal: bool = True) -> float:
    import pendulum

    from netty.db import close_database, database, open_database
    from netty.db.journal import drop_triggers
    from netty.services.importers import import_file

    now = pendulum.parse(NOW)
    open_database(folder / "netty.db", now)
    if not journal:
        drop_triggers(database)
    try:
        start = time.perf_counter()
        report = import_file("linkedin", csv_path, now)
        elapsed = time.perf_counter() - start
    finally:
        close_database()
    assert report.created > 0 and not report.skipped, report.as_json()
    return elapsed


def bench_linkedin_import(rows: int = 30000, runs: int = 3) -> float:
    """Median seconds to import a ``rows``-row LinkedIn export into an empty database."""
    from tests.services.importers.make_linkedin import linkedin_csv

    with tempfile.TemporaryDirectory(prefix="netty-bench-import-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "Connections.csv"
        csv_path.write_bytes(linkedin_csv(rows))
        times, bare = [], []
        for run in range(runs):  # interleaved, so both see the same machine
            run_folder = folder / f"run{run}"
            run_folder.mkdir()
            times.append(_one_run(csv_path, run_folder))
            bare_folder = folder / f"bare{run}"
            bare_folder.mkdir()
            bare.append(_one_run(csv_path, bare_folder, journal=False))
        median = statistics.median(times)
        print(
            f"import linkedin, {rows:,} rows: median {median:.2f} s over {runs} runs "
            f"({', '.join(f'{t:.2f}' for t in times)})"
        )
        print(
            f"the same without the change journal: median {statistics.median(bare):.2f} s; "
            f"journal costs x{median / statistics.median(bare):.2f} (target at most x1.5)"
        )
        cli_times = []
        for run in range(runs):
            db = folder / f"cli{run}" / "netty.db"
            env = {**os.environ, "NETTY_NOW": NOW}
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "netty.cli", "--db", str(db), "import", "linkedin",
                 str(csv_path)],
                check=True, env=env, capture_output=True, cwd=ROOT,
            )  # fmt: skip
            cli_times.append(time.perf_counter() - start)
        print(
            f"`netty import linkedin` command, process start to exit: median "
            f"{statistics.median(cli_times):.2f} s"
        )
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bench_linkedin_import(args.rows, args.runs)


if __name__ == "__main__":
    main()
