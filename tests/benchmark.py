"""netty's performance table: what a user feels at 1,000 and 50,000 contacts.

    python tests/benchmark.py [--sizes 1000 50000] [--runs 5] [--db PATH ...]
    python tests/benchmark.py --peers [--sizes ...]   (khard and abook beside netty)
    python tests/benchmark.py --engines [--size N]    (SQLite beside PostgreSQL)

Not collected by pytest (timed tests flake); run it by hand and put the table in
the closing note. Each figure is the median of several runs. Databases are made
with `netty demo --size N` in a temporary folder with a fixed NETTY_NOW; with
``--db`` (one path per size, in order) an existing file is reused as it is and a
missing one is made there and kept, so a 200,000-contact network is built once
(``netty --db /tmp/x.db demo --size 200000 --no-tui``) and the generate row says
"reused".

What is measured:
- generate: `netty demo --size N --no-tui`, whole process;
- cold start: process start to the first frame handed to the terminal, and to
  the first frame in which the contact list painted a contact; the same first
  frame for a minimal Textual app in this run (both clocked where the app hands a
  frame to its driver, ``App._display``, not after ``pilot.pause()``, which also
  waits up to 1 s for every worker thread to go quiet); then when the whole index
  is in memory and every start-up worker has finished. The same two moments in
  main-thread CPU time (``time.thread_time``), which a machine loaded by other
  work inflates far less than the wall clock, and their ratios;
- filter key: one keystroke in `/` to the repainted frame (pilot press + idle),
  and the in-memory filter alone (filter, then name matches ranked first);
- cursor move: `j` to the repainted list, and to the timeline and prep updated;
- peak memory: max RSS of the app process once the whole index is loaded and the
  start-up workers are done.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOW = "2026-11-23T10:00:00+00:00"
QUERIES = ("zoe", "health", "ana m", "design")


# ------------------------------------------------------------------ child processes


async def _workers_done(app) -> None:
    """Wait for every worker; one cancelled by a newer one (exclusive) is done too."""
    from textual.worker import WorkerCancelled

    for _ in range(100):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            await asyncio.sleep(0.001)


def child_minimal(t0: float) -> None:
    """A minimal Textual app: time from process start to its first frame."""
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("hello")

    out: dict[str, float] = {}
    app = Minimal()
    _clock_frames(app, t0, out)

    async def auto_pilot(pilot):
        while "first_frame" not in out:
            await asyncio.sleep(0.002)
        pilot.app.exit()

    app.run(headless=True, auto_pilot=auto_pilot, size=(120, 36))
    print(json.dumps(out))


def _clock_frames(app, t0: float, out: dict[str, float], filled=None) -> None:
    """Record in ``out`` when ``app`` hands its first frame to the driver
    ("first_frame"), and its first frame once ``filled()`` is true ("list_filled"):
    wall time since ``t0``, and the main thread's CPU time since the process
    started ("..._cpu": what the machine's other load does not inflate)."""
    original = app._display

    def spy(screen, renderable):
        if renderable is not None:
            now = time.time() - t0
            if "first_frame" not in out:
                out["first_frame"] = now
                out["first_frame_cpu"] = time.thread_time()
            if filled is not None and "list_filled" not in out and filled():
                out["list_filled"] = now
                out["list_filled_cpu"] = time.thread_time()
        return original(screen, renderable)

    app._display = spy


def child_netty(t0: float, db: str) -> None:
    """The netty app: process start to first frame and to the list filled; peak memory."""
    os.environ["NETTY_NOW"] = NOW
    from netty import clock
    from netty.db import open_database
    from netty.ui.app import NettyApp
    from netty.ui.widgets.contact_list import ContactList

    open_database(db, clock.now())
    out: dict[str, float] = {}
    painted: list[bool] = []  # the list painted a contact's line (render_line below)
    render_line = ContactList.render_line

    def spy_line(self, y: int):
        if y >= 1 and not painted and self.rows:
            painted.append(True)
        return render_line(self, y)

    ContactList.render_line = spy_line
    app = NettyApp(db)
    _clock_frames(app, t0, out, filled=lambda: bool(painted))

    async def auto_pilot(pilot):
        while "list_filled" not in out:
            await asyncio.sleep(0.002)
        # then the whole index: every start-up worker done, the last message handled
        await _workers_done(pilot.app)
        await pilot.pause()
        await _workers_done(pilot.app)
        out["all_loaded"] = time.time() - t0
        out["total"] = pilot.app.screen.query_one(ContactList).total
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pilot.app.exit()

    app.run(headless=True, auto_pilot=auto_pilot, size=(120, 36))
    print(json.dumps(out))


def child_interactive(db: str, runs: int) -> None:
    """Keystroke and cursor timings inside one running app (headless).

    A key event is posted straight to the app and the clock stops when the app
    hands the next composed frame to the driver (``App._display``): that is the
    whole path a terminal key takes, minus the terminal itself.
    """
    os.environ["NETTY_NOW"] = NOW
    from textual import events

    from netty import clock
    from netty.db import open_database
    from netty.services.contact_index import Filter, apply_filter, rank_matches
    from netty.ui.app import NettyApp
    from netty.ui.widgets.contact_list import ContactList

    open_database(db, clock.now())
    out: dict[str, list[float]] = {
        "filter_key": [],
        "filter_only": [],
        "cursor_list": [],
        "cursor_detail": [],
    }
    frames: list[float] = []

    async def key_to_frame(app, key: str, char: str | None, *, workers: bool = False) -> float:
        t = time.perf_counter()
        app.post_message(events.Key(key, char))
        if workers:  # wait for the detail worker and the frame after it
            await asyncio.sleep(0)
            await _workers_done(app)
            t_done = time.perf_counter()
            while not (frames and frames[-1] > t_done):
                await asyncio.sleep(0.0002)
        else:
            while not (frames and frames[-1] > t):
                await asyncio.sleep(0.0002)
        return frames[-1] - t

    async def main() -> None:
        app = NettyApp(db)
        async with app.run_test(size=(120, 36)) as pilot:
            original = app._display

            def spy(screen, renderable):
                if renderable is not None:
                    frames.append(time.perf_counter())
                return original(screen, renderable)

            app._display = spy
            contacts = app.screen.query_one(ContactList)
            while not contacts.total:
                await asyncio.sleep(0.005)
            await _workers_done(app)
            await pilot.pause(0.2)
            rows = list(app.screen._index.rows)
            for _ in range(runs):
                for query in QUERIES:
                    await pilot.press("slash")
                    await pilot.pause(0.05)
                    for ch in query:
                        key = "space" if ch == " " else ch
                        out["filter_key"].append(await key_to_frame(app, key, ch))
                        await pilot.pause(0.03)
                    await pilot.press("escape")
                    await _workers_done(app)
                    await pilot.pause(0.05)
                    for i in range(1, len(query) + 1):
                        t = time.perf_counter()
                        rank_matches(apply_filter(rows, Filter(query[:i])), query[:i])
                        out["filter_only"].append(time.perf_counter() - t)
                for _ in range(5):
                    out["cursor_list"].append(await key_to_frame(app, "j", "j"))
                    await _workers_done(app)
                    await pilot.pause(0.05)
                for _ in range(5):
                    out["cursor_detail"].append(
                        await key_to_frame(app, "j", "j", workers=True) + 0.0
                    )
                    await pilot.pause(0.05)

    asyncio.run(main())
    result = {k: statistics.median(v) for k, v in out.items()}
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def child_due(db: str, runs: int) -> None:
    """The reminder engine: one call, median of several (warm connection)."""
    os.environ["NETTY_NOW"] = NOW
    from netty import clock
    from netty.db import open_database
    from netty.services.contact_index import load_index
    from netty.services.reminders import due, due_count

    now = clock.now()
    open_database(db, now)
    timings: dict[str, list[float]] = {"due_limit": [], "due_count": [], "due_all": [], "index": []}
    for _ in range(max(5, runs)):
        for key, call in (
            ("due_limit", lambda: due(now, limit=50)),
            ("due_count", lambda: due_count(now)),
            ("due_all", lambda: due(now)),
            ("index", lambda: load_index(now)),
        ):
            t = time.perf_counter()
            call()
            timings[key].append(time.perf_counter() - t)
    print(json.dumps({k: statistics.median(v) for k, v in timings.items()}))


# ------------------------------------------------------------------ the parent


def run_child(*args: str) -> dict:
    t0 = time.time()
    result = subprocess.run(
        [sys.executable, __file__, "--child", *args, "--t0", repr(t0)],
        capture_output=True,
        text=True,
        env={**os.environ, "NETTY_NOW": NOW},
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(size: int, runs: int, folder: Path, db: str | None = None) -> dict[str, float]:
    """Every figure at ``size`` contacts (``db``: a demo database to reuse or make)."""
    db = db or str(folder / f"bench-{size}.db")
    generate = float("nan")  # reused: not measured
    if not Path(db).exists():
        t = time.perf_counter()
        subprocess.run(
            ["netty", "--db", db, "demo", "--size", str(size), "--no-tui"],
            check=True,
            capture_output=True,
            env={**os.environ, "NETTY_NOW": NOW},
        )
        generate = time.perf_counter() - t
    minimal, starts = [], []
    for _ in range(runs):
        minimal.append(run_child("minimal"))
        starts.append(run_child("netty", db))
    inter = run_child("interactive", db, "--runs", str(max(1, runs // 2)))
    engine = run_child("due", db, "--runs", str(runs))
    med = statistics.median
    return {
        "generate_s": generate,
        "minimal_first_frame_s": med(m["first_frame"] for m in minimal),
        "minimal_cpu_ms": med(m["first_frame_cpu"] for m in minimal) * 1000,
        "first_frame_cpu_ms": med(s["first_frame_cpu"] for s in starts) * 1000,
        "list_filled_cpu_ms": med(s["list_filled_cpu"] for s in starts) * 1000,
        "first_frame_s": med(s["first_frame"] for s in starts),
        "list_filled_s": med(s["list_filled"] for s in starts),
        "all_loaded_s": med(s["all_loaded"] for s in starts),
        "contacts": med(s["total"] for s in starts),
        "peak_mb": med(s["peak_mb"] for s in starts),
        "filter_key_ms": inter["filter_key"] * 1000,
        "filter_only_ms": inter["filter_only"] * 1000,
        "cursor_list_ms": inter["cursor_list"] * 1000,
        "cursor_detail_ms": inter["cursor_detail"] * 1000,
        "peak_after_keys_mb": inter["peak_mb"],
        "due_limit_ms": engine["due_limit"] * 1000,
        "due_count_ms": engine["due_count"] * 1000,
        "due_all_ms": engine["due_all"] * 1000,
        "index_ms": engine["index"] * 1000,
    }


ROWS = [
    ("generate (netty demo --size)", "generate_s", "s", None),
    ("minimal Textual app, first frame", "minimal_first_frame_s", "s", None),
    ("cold start, first frame", "first_frame_s", "s", None),
    ("cold start, list filled", "list_filled_s", "s", None),
    ("  ratio to minimal app (first frame)", "frame_ratio", "x", 1.6),
    ("  ratio to minimal app (list filled)", "start_ratio", "x", 2),
    ("cold start, whole index loaded", "all_loaded_s", "s", None),
    ("minimal app: main-thread CPU to frame", "minimal_cpu_ms", "ms", None),
    ("netty: main-thread CPU to first frame", "first_frame_cpu_ms", "ms", None),
    ("netty: main-thread CPU to list filled", "list_filled_cpu_ms", "ms", None),
    ("  CPU ratio to minimal (first frame)", "frame_cpu_ratio", "x", 1.6),
    ("  CPU ratio to minimal (list filled)", "start_cpu_ratio", "x", 2),
    ("filter keystroke to frame", "filter_key_ms", "ms", 16),
    ("  in-memory filter alone", "filter_only_ms", "ms", None),
    ("cursor move to frame (list)", "cursor_list_ms", "ms", 5),
    ("cursor move, timeline+prep updated", "cursor_detail_ms", "ms", None),
    ("peak memory (RSS), index loaded", "peak_mb", "MB", 250),
    ("  after the filter and cursor runs", "peak_after_keys_mb", "MB", 250),
    ("due(now, limit=50): the most urgent", "due_limit_ms", "ms", 5),
    ("due_count(now): the status line", "due_count_ms", "ms", None),
    ("due(now): every item", "due_all_ms", "ms", None),
    ("contact index load (worker)", "index_ms", "ms", None),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--db",
        nargs="+",
        default=[],
        help="a demo database per size, in order: reused if it exists, else made there",
    )
    parser.add_argument("--child", nargs="+")
    parser.add_argument("--t0", type=float, default=0.0)
    parser.add_argument(
        "--peers", action="store_true", help="khard and abook beside netty (benchmark_peers.py)"
    )
    parser.add_argument(
        "--engines",
        action="store_true",
        help="SQLite beside PostgreSQL (benchmark_engines.py)",
    )
    args, _rest = parser.parse_known_args()
    if args.engines:
        sys.path.insert(0, str(Path(__file__).parent))
        from benchmark_engines import main as engines

        engines([a for a in sys.argv[1:] if a != "--engines"])
        return
    if args.peers:
        sys.path.insert(0, str(Path(__file__).parent))
        from benchmark_peers import main as peers

        peers(sys.argv[1:])
        return
    if args.child:
        kind = args.child[0]
        if kind == "minimal":
            child_minimal(args.t0)
        elif kind == "netty":
            child_netty(args.t0, args.child[1])
        elif kind == "due":
            child_due(args.child[1], args.runs)
        else:
            child_interactive(args.child[1], args.runs)
        return
    if args.db and len(args.db) != len(args.sizes):
        raise SystemExit("--db takes one path per size in --sizes")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, size in enumerate(args.sizes):
            print(f"measuring {size:,} contacts ...", file=sys.stderr)
            r = measure(size, args.runs, Path(tmp), args.db[i] if args.db else None)
            r["frame_ratio"] = r["first_frame_s"] / r["minimal_first_frame_s"]
            r["start_ratio"] = r["list_filled_s"] / r["minimal_first_frame_s"]
            r["frame_cpu_ratio"] = r["first_frame_cpu_ms"] / r["minimal_cpu_ms"]
            r["start_cpu_ratio"] = r["list_filled_cpu_ms"] / r["minimal_cpu_ms"]
            results[size] = r
    sizes = args.sizes
    head = f"| {'median of ' + str(args.runs) + ' runs':<38} |" + "".join(
        f" {s:>10,} |" for s in sizes
    )
    if len(sizes) == 2:
        head += f" {'ratio':>6} |"
    head += " target |"
    print(head)
    print(
        "|"
        + "-" * 40
        + "|"
        + "------------|" * len(sizes)
        + ("--------|" if len(sizes) == 2 else "")
        + "--------|"
    )
    for label, key, unit, target in ROWS:
        line = f"| {label:<38} |"
        for s in sizes:
            value = results[s][key]
            if value != value:  # NaN: a reused database was not generated here
                line += f" {'reused':>10} |"
                continue
            line += f" {value:>7.{1 if unit in ('ms', 'MB') else 2}f} {unit:<2} |"
        if len(sizes) == 2:
            ratio = results[sizes[1]][key] / results[sizes[0]][key]
            line += f" {ratio:>6.2f} |"
        line += f" {'< ' + str(target) + unit if target else '':>6} |"
        print(line)


if __name__ == "__main__":
    main()
