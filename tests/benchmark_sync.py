"""How long ``netty sync vdir`` takes at 10,000 contacts.

    python tests/benchmark_sync.py [--size 10000] [--runs 5]

Not collected by pytest (timed tests flake); run it by hand. Wall-clock seconds
and CPU seconds are both shown: on a busy machine the second is the steadier. A database is made
with ``netty demo --size N`` in a temporary folder with a fixed NETTY_NOW, then
synced once into an empty vdir (every card written). Each row after that is the
median of several runs of ``sync_vdir`` in-process:

- nothing changed: stat every file, fingerprint every contact, read no card;
- one card changed in the folder (a new title, the file's mtime moved);
- one contact changed in netty (its card rewritten);
- ``netty sync vdir`` with nothing changed, as a whole process (start-up included).
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

NOW = "2026-11-23T10:00:00+00:00"
NETTY = [sys.executable, "-c", "from netty.cli import main; main()"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["NETTY_NOW"] = NOW
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))  # this tree's netty, in-process and in the children
    env = {**os.environ, "PYTHONPATH": str(root)}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "netty.db"
        vdir = Path(tmp) / "vdir"
        vdir.mkdir()
        subprocess.run(
            [*NETTY, "--db", str(db), "demo", "--no-tui", "--size", str(args.size)],
            check=True,
            env=env,
            capture_output=True,
        )
        from netty import clock
        from netty.db import open_database
        from netty.services.contacts import ContactFields, edit_contact
        from netty.services.sync.vdir import sync_vdir

        open_database(db, clock.now())
        rows: list[tuple[str, float]] = []
        t0, c0 = time.perf_counter(), time.process_time()
        first = sync_vdir(vdir, clock.now())
        rows.append(
            (
                f"first sync: {first.outgoing:,} cards written",
                time.perf_counter() - t0,
                time.process_time() - c0,
            )
        )
        print(rows[-1], file=sys.stderr)

        def timed(prepare, label: str) -> None:
            times, cpu = [], []
            for run in range(args.runs):
                prepare(run)
                t, c = time.perf_counter(), time.process_time()
                report = sync_vdir(vdir, clock.now())
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                expected = 0 if prepare is nothing else 1
                assert len(report.items) == expected, report.items
            rows.append((label, statistics.median(times), statistics.median(cpu)))
            print(label, [round(t, 3) for t in times], file=sys.stderr)

        def nothing(_run: int) -> None:
            pass

        files = sorted(vdir.glob("*.vcf"))

        def card_changed(run: int) -> None:
            path = files[run * 7]
            text = path.read_bytes().decode()
            lines = text.split("\r\n")
            at = next(i for i, line in enumerate(lines) if line.startswith("FN:"))
            lines.insert(at + 1, f"TITLE:Benchmark {run}")
            path.write_bytes("\r\n".join(lines).encode())
            st = path.stat()
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))

        def contact_changed(run: int) -> None:
            edit_contact(
                first.items[run * 11 + 3].contact_id, ContactFields(title=f"T{run}"), clock.now()
            )

        timed(nothing, "nothing changed")
        timed(card_changed, "one card changed in the folder")
        timed(contact_changed, "one contact changed in netty")
        times = []
        for _run in range(args.runs):
            t = time.perf_counter()
            subprocess.run(
                [*NETTY, "--db", str(db), "sync", "vdir", str(vdir)],
                check=True,
                env=env,
                capture_output=True,
            )
            times.append(time.perf_counter() - t)
        rows.append(
            ("`netty sync vdir`, nothing changed (whole process)", statistics.median(times), None)
        )
    print(f"netty sync vdir at {args.size:,} contacts (median of {args.runs} runs)\n")
    print(f"| {'what':<52} | seconds | CPU s |")
    print(f"|{'-' * 54}|---------|-------|")
    for label, seconds, cpu in rows:
        shown = f"{cpu:5.2f}" if cpu is not None else "    -"
        print(f"| {label:<52} | {seconds:7.3f} | {shown} |")
    print(f"\nload average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
