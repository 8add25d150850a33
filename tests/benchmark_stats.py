"""How fast progress answers at 50,000 contacts and 500,000 interactions.

    python tests/benchmark_stats.py [--size 50000] [--runs 7] [--keep PATH | --url URL]

Not collected by pytest (timed tests flake); run it by hand. Makes a database with
`netty demo --size N` (about ten interactions per contact over two years), adds a
give for one contact in three, an ask for one in five and a closed promise for one
in ten, then prints the median of several runs of:

- the progress view's data (`stats` per month over six months, what `v` loads);
- the same per week (`b` in the view; `netty stats --by week`);
- the monthly review (`netty review`);
- the update letter's draft for the default recipients (`L`);
- `netty stats` as a whole process (start-up included).

The first row is issue 15's target: the six-month figures (the progress view and
`netty stats`) in under 300 ms. There is no cache: people reached are counted from
the `reach` table that triggers keep up to date on every write (migration 0011),
so the "first run" column (a fresh process's first call, nothing warm but the
page cache) is the same work as the median.

`--url postgresql://...` runs it on a PostgreSQL database: the data is made there
by the same `netty --db URL demo` (then the same ledger), or reused if the
database already holds contacts, then `VACUUM ANALYZE`d as autovacuum would
leave it. CPU ms then adds the server process's CPU time (read from /proc, so the
server must run on this machine, as `tests/pg.py` starts it); the whole-process
row counts the client only.

Wall-clock time and CPU time are both printed: on a shared, loaded machine the
wall clock measures the queue for a CPU; CPU time is what the work costs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOW = "2026-11-23T10:00:00+00:00"


#: The PostgreSQL server process serving this one (its CPU time counts too), if any.
SERVER_PID: list[int] = []


def _median_ms(fn, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU: this process, its children and, on
    PostgreSQL, the server process serving this one)."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), _cpu()
        fn()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((_cpu() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _cpu() -> float:
    mine, children = os.times(), None
    children = mine.children_user + mine.children_system
    server = 0.0
    for pid in SERVER_PID:  # utime and stime, fields 14 and 15 of /proc/PID/stat
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        server += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return mine.user + mine.system + children + server


def _ledger(size: int, now) -> dict[str, int]:
    """Gives, asks and closed promises spread over two years, in one bulk change."""
    from netty.db.bulk import bulk_insert
    from netty.db.fields import to_utc_text
    from netty.db.models import Ask, Give, Promise
    from netty.services.changes import change

    rng = random.Random(7)

    def moment() -> str:
        return to_utc_text(now.subtract(minutes=rng.randrange(1, 730 * 1440)))

    gives = [(cid, "advice", "A pointer", moment(), moment()) for cid in range(1, size + 1, 3)]
    asks = [
        (cid, "An intro", "granted" if cid % 2 else "pending", moment(), moment(), moment())
        for cid in range(1, size + 1, 5)
    ]
    promises = []
    for cid in range(1, size + 1, 10):
        closed = moment()
        due = closed[:10] if cid % 3 else "2024-01-01"
        promises.append(
            (cid, rng.choice(("i_owe", "they_owe")), "Send it", due, "done", closed, 0, closed)
        )
    with change("benchmark ledger", now):
        bulk_insert(Give, ["contact", "kind", "text", "given_at", "created_at"], gives)
        bulk_insert(
            Ask, ["contact", "text", "status", "asked_at", "resolved_at", "created_at"], asks
        )
        bulk_insert(
            Promise,
            [
                "contact",
                "direction",
                "text",
                "due",
                "status",
                "closed_at",
                "nudges_sent",
                "created_at",
            ],
            promises,
        )
    return {"gives": len(gives), "asks": len(asks), "promises": len(promises)}


def _empty(url: str) -> bool:
    """Whether the PostgreSQL database at ``url`` holds no netty contacts yet."""
    import psycopg2

    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regclass('contact') IS NOT NULL")
        if not cur.fetchone()[0]:
            return True
        cur.execute("SELECT NOT EXISTS (SELECT 1 FROM contact)")
        return cur.fetchone()[0]


def _vacuum(url: str) -> None:
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--keep", metavar="PATH", help="Make the database at PATH, or reuse it if it is there."
    )
    parser.add_argument(
        "--url", help="A PostgreSQL database URL to use instead (made there, or reused)."
    )
    args = parser.parse_args()
    os.environ["NETTY_NOW"] = NOW
    os.environ.setdefault("TZ", "Europe/Berlin")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    with tempfile.TemporaryDirectory() as folder:
        db = args.url or args.keep or str(Path(folder) / "bench.db")
        fresh = _empty(args.url) if args.url else not Path(db).exists()
        started = time.perf_counter()
        if fresh:
            command = [sys.executable, "-m", "netty.cli", "--db", db, "demo"]
            subprocess.run(
                [*command, "--size", str(args.size), "--no-tui"],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
        from netty import clock
        from netty.db import open_database
        from netty.db.models import Ask, Give, Interaction, Promise
        from netty.services import progress, review, update_letter

        now = clock.now()
        open_database(db, now)
        if not Give.select().exists():  # made here, or by `netty demo` elsewhere
            _ledger(args.size, now)
        if args.url:  # as autovacuum leaves it: statistics and the visibility map
            _vacuum(args.url)
            from netty.db.models import database

            SERVER_PID.append(database.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
        # a fresh process's first call (when --keep or --url reuses a database):
        # nothing warm but the database's own cache
        cold_wall, cold_cpu = _median_ms(lambda: progress.stats(now, by="month"), 1)
        added = {
            "gives": Give.select().count(),
            "asks": Ask.select().count(),
            "promises": Promise.select().where(Promise.status == "done").count(),
        }
        made = time.perf_counter() - started
        interactions = Interaction.select().count()
        target = "6-month figures: view + `netty stats` (< 300 ms)"
        rows = [
            (target, lambda: progress.stats(now, by="month")),
            ("stats per week (6 months)", lambda: progress.stats(now, by="week")),
            ("monthly review", lambda: review.monthly_review(None, now)),
            (
                "update letter draft (default recipients)",
                lambda: update_letter.draft(update_letter.Selection(), now),
            ),
            (
                "`netty stats` (whole process)",
                lambda: subprocess.run(
                    [sys.executable, "-m", "netty.cli", "--db", db, "stats"],
                    check=True,
                    env=env,
                    stdout=subprocess.DEVNULL,
                ),
            ),
        ]
        print(
            f"{args.size:,} contacts, {interactions:,} interactions, {added['gives']:,} gives, "
            f"{added['asks']:,} asks, {added['promises']:,} closed promises "
            f"(made in {made:.0f} s); {'PostgreSQL' if args.url else 'SQLite'}; "
            f"TZ={os.environ['TZ']}; median of {args.runs} runs"
        )
        print()
        print(f"| {'what':<50} | {'wall ms':>8} | {'CPU ms':>7} | {'first run CPU ms':>16} |")
        print(f"|{'-' * 52}|{'-' * 10}|{'-' * 9}|{'-' * 18}|")
        for label, fn in rows:
            first = f"{cold_cpu:.0f} ({cold_wall:.0f} wall)" if label == target else ""
            fn()  # warm the page cache
            wall, cpu = _median_ms(fn, args.runs)
            print(f"| {label:<50} | {wall:>8.0f} | {cpu:>7.0f} | {first:>16} |")
        print()
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
