"""Warm paths at scale: a recursive CTE vs an in-memory graph vs what `paths` does.

    python tests/benchmark_paths.py [--size 50000] [--links 200000] [--runs 5] [--db PATH]

Not collected by pytest (timed tests flake); run it by hand. Builds a temporary
database with `netty demo --size N` (in-process), then adds LINKS random "knows"
pairs and a past employer (with years) for one contact in five, makes a third of
ring 3 people I was never in touch with (on file, reached through others), and
times, as
the median over several targets and runs (ms):

- cte reach: one recursive CTE (standard SQL, runs on SQLite and PostgreSQL)
  returning everyone within two "knows" links of the people at the target;
- memory load / bfs / total: every "knows" row read into an adjacency dict,
  then the same two-level search in Python (total = what a fresh process pays);
- routes_to: the service `netty paths` calls, the whole answer: indexed
  level-by-level queries over knows, introduced-by and colleagues (overlapping
  years), scoring, reasons;
- best_route_through: the prep sheet's ask for one person;
- netty paths (process): the CLI end to end, Python start-up included.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pendulum

NOW = "2026-11-23T10:00:00+00:00"

CTE = """
WITH RECURSIVE reach(node, depth) AS (
    SELECT id, 0 FROM contact WHERE organization_id = {p}
  UNION
    SELECT CASE WHEN k.a_id = r.node THEN k.b_id ELSE k.a_id END, r.depth + 1
    FROM reach r JOIN knows k ON (k.a_id = r.node OR k.b_id = r.node)
    WHERE r.depth < 2
)
SELECT node, MIN(depth) FROM reach GROUP BY node
"""


def build(path: Path, size: int, links: int, now: pendulum.DateTime) -> None:
    from netty.db import close_database, open_database
    from netty.db.bulk import bulk_insert
    from netty.db.models import Affiliation, Contact, Knows
    from netty.services.changes import change
    from netty.services.demo import generate

    open_database(path, now)
    t = time.perf_counter()
    generate(size, now)
    print(f"demo --size {size}: {time.perf_counter() - t:.1f} s", file=sys.stderr)
    rng = random.Random(12)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < links:
        a, b = rng.randrange(1, size + 1), rng.randrange(1, size + 1)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    hows = ("friend", "colleague", "former colleague", "acquaintance", "introduced", "client")
    n_orgs = max(5, min(3000, size // 20))
    stamp = now.format("YYYY-MM-DD HH:mm:ss")
    t = time.perf_counter()
    with change("benchmark links", now):
        bulk_insert(
            Knows,
            ["a", "b", "how", "created_at"],
            [(a, b, rng.choice(hows), stamp) for a, b in sorted(pairs)],
        )
        rows = []
        for cid in range(1, size + 1, 5):
            start = rng.randrange(1995, 2022)
            org = rng.randrange(1, n_orgs + 1)
            rows.append((cid, org, "", "", "", False, start, start + rng.randrange(0, 5), 0))
        fields = ["contact", "organization", "unit", "title", "role", "is_current"]
        bulk_insert(Affiliation, [*fields, "start_year", "end_year", "position"], rows)
        # a third of ring 3 only on file (never in touch): people reached through others
        ring3 = [c for (c,) in Contact.select(Contact.id).where(Contact.ring == 3).tuples()]
        on_file = ring3[::3]
        for i in range(0, len(on_file), 900):
            Contact.update(last_interaction_at=None).where(
                Contact.id.in_(on_file[i : i + 900])
            ).execute()
    print(
        f"{links} links, {len(rows)} past employers: {time.perf_counter() - t:.1f} s",
        file=sys.stderr,
    )
    close_database()


def median_ms(fn, args_list, runs: int) -> float:
    times = []
    for _ in range(runs):
        for args in args_list:
            t = time.perf_counter()
            fn(*args)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--links", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--db",
        type=Path,
        help="Keep the database here and reuse it when it exists (builds take minutes).",
    )
    opts = parser.parse_args()
    now = pendulum.parse(NOW)
    os.environ["NETTY_NOW"] = NOW
    folder = Path(tempfile.mkdtemp(prefix="netty-paths-bench-"))
    path = opts.db or folder / "bench.db"
    if not path.exists():
        build(path, opts.size, opts.links, now)

    from netty.db import close_database, open_database
    from netty.db.models import Contact, Knows, Organization, database
    from netty.services.paths import best_route_through, organization_target, routes_to

    open_database(path, now)
    orgs = [o.id for o in Organization.select().where(Organization.is_target == True).limit(5)]  # noqa: E712
    people = [c.id for c in Contact.select(Contact.id).where(Contact.ring == 1).limit(5)]
    targets = [organization_target(o) for o in orgs]

    def cte(org_id: int) -> int:
        return len(database.execute_sql(CTE.format(p=database.param), (org_id,)).fetchall())

    def load() -> dict[int, list[int]]:
        adj: dict[int, list[int]] = defaultdict(list)
        for a, b in database.execute_sql("SELECT a_id, b_id FROM knows"):
            adj[a].append(b)
            adj[b].append(a)
        return adj

    adjacency = load()

    def bfs(adj, org_id: int) -> int:
        there = {
            i for (i,) in Contact.select(Contact.id).where(Contact.organization == org_id).tuples()
        }
        seen = set(there)
        frontier = there
        for _ in range(2):
            nxt = {n for x in frontier for n in adj.get(x, ())} - seen
            seen |= nxt
            frontier = nxt
        return len(seen)

    reach = [cte(o) for o in orgs]
    assert reach == [bfs(adjacency, o) for o in orgs], "the CTE and the graph disagree"
    found = [len(routes_to(t, now).routes) for t in targets]
    rows = [
        ("cte reach (2 links)", median_ms(cte, [(o,) for o in orgs], opts.runs)),
        ("memory load (all knows rows)", median_ms(load, [()], opts.runs)),
        ("memory bfs (2 links, loaded)", median_ms(bfs, [(adjacency, o) for o in orgs], opts.runs)),
        (
            "memory total (load + bfs)",
            median_ms(lambda o: bfs(load(), o), [(o,) for o in orgs], opts.runs),
        ),
        ("routes_to (whole answer)", median_ms(routes_to, [(t, now) for t in targets], opts.runs)),
        (
            "best_route_through (prep ask)",
            median_ms(best_route_through, [(p, now) for p in people], opts.runs),
        ),
    ]
    close_database()
    cli = []
    for _ in range(opts.runs):
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import netty.cli as c; c.main()",
                "--db",
                str(path),
                "paths",
                targets[0].name,
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "NETTY_NOW": NOW},
        )
        cli.append((time.perf_counter() - t) * 1000)
    rows.append(("netty paths (process)", statistics.median(cli)))
    shutil.rmtree(folder, ignore_errors=True)
    print(
        f"\nwarm paths: {opts.size:,} contacts, {Knows.__name__.lower()} links {opts.links:,}, "
        f"median of {opts.runs} runs x {len(targets)} targets"
    )
    print(
        f"people within two links of a target: {statistics.median(reach):.0f}; routes found: {found}"
    )
    print(f"{'what':<34}{'ms':>10}")
    for name, ms in rows:
        print(f"{name:<34}{ms:>10.1f}")


if __name__ == "__main__":
    main()
