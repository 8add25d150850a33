"""netty beside the address books people use in a terminal today, on the same contacts.

    python tests/benchmark.py --peers [--sizes 1000 10000 50000 200000] [--runs 3]
    python tests/benchmark_peers.py [same options]

Not collected by pytest (timed tests flake). For each size a demo network is made
with ``netty demo --size N`` (fixed NETTY_NOW), and the same people (name, first
email, organization) are written as an abook data file and as a vdir of vCards
(one ``.vcf`` per person, khard's layout). Then, each the median of ``--runs``
whole-process runs, wall clock:

- khard 0.22 ``list smith`` (Python over a vCard folder), installed with pip into a
  temporary virtualenv; skipped above 50,000 contacts (it takes minutes there);
- abook 0.6 ``--mutt-query smith`` (C over one file), unpacked from Debian's package
  into a temporary folder with ``apt-get download`` and ``dpkg -x``;
- netty ``list --search smith``, and the other read commands of issue 16 on the
  first contact that search lists: ``show``, ``due --count`` and ``prep``, each with
  its ratio to abook's search (target: at most 4) and khard's (target: at least 100);
- netty ``list``, ``export json|csv|vcard|ics``, ``duplicates --json`` (each
  whole-database command with its peak memory), and, for ``duplicates``, the number
  of groups (a network four times larger finds the groups of the smaller's names;
  with other names, the count may fall as groups join).

Below the table, how each whole-database command's time grew from the second
largest size to the largest, beside how the contacts grew (linear: about the same).

netty's modules are compiled to bytecode first (``compileall``), as an installed
package's are: with ``PYTHONDONTWRITEBYTECODE`` set, every run would otherwise
compile them again and time the compiler.

A peer that cannot be installed (no network, no apt) is skipped with a line saying why.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOW = "2026-11-23T10:00:00+00:00"
KHARD_MAX = 50_000


def timed(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time in seconds of ``runs`` runs of ``cmd`` (output discarded)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
        )
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Peak resident memory (MB) of one run of ``cmd``, from GNU time when present."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    if not Path(gnu_time).exists():
        return float("nan")
    out = subprocess.run(
        [gnu_time, "-f", "%M", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        check=True,
    )
    return int(out.stderr.strip().splitlines()[-1]) / 1024


# ------------------------------------------------------------------ installing the peers


def install_abook(folder: Path) -> tuple[Path | None, str]:
    """abook from Debian's package, unpacked (not installed) into ``folder``."""
    if shutil.which("apt-get") is None or shutil.which("dpkg") is None:
        return None, "abook skipped: no apt-get/dpkg on this machine"
    folder.mkdir(parents=True, exist_ok=True)
    got = subprocess.run(
        ["apt-get", "download", "abook"], cwd=folder, capture_output=True, text=True
    )
    debs = list(folder.glob("abook_*.deb"))
    if got.returncode != 0 or not debs:
        return None, f"abook skipped: apt-get download failed: {got.stderr.strip()[-200:]}"
    subprocess.run(["dpkg", "-x", str(debs[0]), str(folder / "root")], check=True)
    binary = folder / "root" / "usr" / "bin" / "abook"
    if subprocess.run([str(binary), "--help"], capture_output=True).returncode not in (0, 1):
        return None, "abook skipped: the unpacked binary does not run here"
    version = debs[0].name.split("_")[1]
    return binary, f"abook {version} (Debian package, unpacked in a temporary folder)"


def install_khard(folder: Path) -> tuple[Path | None, str]:
    """khard from PyPI into its own virtualenv in ``folder``."""
    venv = folder / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode != 0:
        return None, f"khard skipped: no virtualenv: {made.stderr.strip()[-200:]}"
    pip = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "khard==0.22.0"],
        capture_output=True,
        text=True,
    )
    if pip.returncode != 0:
        return None, f"khard skipped: pip install failed: {pip.stderr.strip()[-200:]}"
    return venv / "bin" / "khard", "khard 0.22.0 (PyPI, in a temporary virtualenv)"


def compile_netty() -> None:
    """Compile the ``netty`` that the ``netty`` command imports, as installing it does."""
    found = subprocess.run(
        ["netty", "--version"], capture_output=True, text=True, check=False
    )  # the command works at all
    where = subprocess.run(
        [sys.executable, "-c", "import netty, os; print(os.path.dirname(netty.__file__))"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if found.returncode == 0 and where:
        subprocess.run([sys.executable, "-m", "compileall", "-q", where], capture_output=True)
        print(f"netty: {found.stdout.strip()} from {where} (compiled to bytecode)", file=sys.stderr)


# ------------------------------------------------------------------ the same people, three ways


def people(db: Path) -> list[tuple[int, str, str, str]]:
    """(id, name, first email, organization) of every active contact in a netty database."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT c.id, c.name, COALESCE((SELECT m.value FROM contact_method m"
            " WHERE m.contact_id = c.id AND m.kind = 'email' ORDER BY m.position LIMIT 1), ''),"
            " COALESCE(o.name, '') FROM contact c LEFT JOIN organization o ON o.id = c.organization_id"
            " WHERE c.archived_at IS NULL ORDER BY c.id"
        ).fetchall()
    finally:
        conn.close()


def write_abook(rows, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n")
        for i, (_cid, name, email, org) in enumerate(rows):
            out.write(f"[{i}]\nname={name}\n")
            if email:
                out.write(f"email={email}\n")
            if org:
                out.write(f"custom1={org}\n")
            out.write("\n")


def write_vdir(rows, folder: Path, config: Path) -> None:
    book = folder / "contacts"
    book.mkdir(parents=True)
    for cid, name, email, org in rows:
        given, _, family = name.partition(" ")
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"UID:netty-bench-{cid}",
            f"FN:{name}",
            f"N:{family};{given};;;",
        ]
        if email:
            lines.append(f"EMAIL;TYPE=INTERNET:{email}")
        if org:
            lines.append(f"ORG:{org}")
        lines.append("END:VCARD")
        (book / f"netty-bench-{cid}.vcf").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    config.write_text(
        f"[addressbooks]\n[[contacts]]\npath = {book}\n\n[general]\ndebug = no\n"
        "default_action = list\neditor = true\nmerge_editor = true\n\n"
        "[contact table]\ndisplay = first_name\ngroup_by_addressbook = no\nreverse = no\n"
        "show_nicknames = no\nshow_uids = no\nsort = last_name\nlocalize_dates = yes\n"
        "preferred_phone_number_type = pref, cell, home\npreferred_email_address_type = pref, work, home\n\n"
        "[vcard]\npreferred_version = 3.0\nsearch_in_source_files = no\nskip_unparsable = no\n",
        encoding="utf-8",
    )


# ------------------------------------------------------------------ measuring


def export_figures(
    netty: list[str], fmt: str, path: Path, runs: int, env: dict[str, str]
) -> tuple[float, float]:
    """Median time (s) and peak memory (MB) of ``netty export FMT -o PATH``."""
    cmd = [*netty, "export", fmt, "-o", str(path)]
    return timed(cmd, max(1, runs // 2 + 1), env), peak_mb(cmd, env)


def measure(
    size: int, runs: int, folder: Path, abook: Path | None, khard: Path | None
) -> dict[str, float]:
    env = {**os.environ, "NETTY_NOW": NOW}
    db = folder / f"netty-{size}.db"
    subprocess.run(
        ["netty", "--db", str(db), "demo", "--size", str(size), "--no-tui"],
        check=True,
        capture_output=True,
        env=env,
    )
    rows = people(db)
    out: dict[str, float] = {}
    netty = ["netty", "--db", str(db)]
    out["netty_search"] = timed([*netty, "list", "--search", "smith"], runs, env)
    listed = subprocess.run(
        [*netty, "list", "--search", "smith"], capture_output=True, text=True, env=env, check=True
    )
    first = listed.stdout.split()[0].lstrip("#")  # "#714   Ada Smith ..." -> "714"
    for key, command in READ_COMMANDS.items():
        if key != "netty_search":
            out[key] = timed([*netty, *(first if a == "ID" else a for a in command)], runs, env)
    out["netty_list"] = timed([*netty, "list"], max(1, runs // 2 + 1), env)
    out["netty_list_mb"] = peak_mb([*netty, "list"], env)
    out["netty_export"] = timed(
        [*netty, "export", "json", "-o", str(folder / "e.json")], max(1, runs // 2 + 1), env
    )
    out["netty_export_mb"] = peak_mb([*netty, "export", "json", "-o", str(folder / "e.json")], env)
    for fmt in ("csv", "vcard", "ics"):
        out[f"netty_export_{fmt}"], out[f"netty_export_{fmt}_mb"] = export_figures(
            netty, fmt, folder / f"e.{fmt}", runs, env
        )
    out["netty_dupes"] = timed([*netty, "duplicates", "--json"], max(1, runs // 2 + 1), env)
    out["netty_dupes_mb"] = peak_mb([*netty, "duplicates", "--json"], env)
    listed = subprocess.run(
        [*netty, "duplicates", "--json"], capture_output=True, text=True, env=env, check=True
    )
    import json

    out["netty_groups"] = len(json.loads(listed.stdout))
    if abook is not None:
        data = folder / f"abook-{size}"
        write_abook(rows, data)
        out["abook"] = timed([str(abook), "--datafile", str(data), "--mutt-query", "smith"], runs)
    if khard is not None and size <= KHARD_MAX:
        config = folder / f"khard-{size}.conf"
        write_vdir(rows, folder / f"vdir-{size}", config)
        khard_env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "cfg")}
        out["khard"] = timed(
            [str(khard), "-c", str(config), "list", "smith"], max(1, min(runs, 3)), khard_env
        )
    return out


#: The read commands of issue 16, each compared with abook's and khard's search
#: (ID: the first contact ``list --search smith`` prints).
READ_COMMANDS = {
    "netty_search": ("list", "--search", "smith"),
    "netty_show": ("show", "ID"),
    "netty_due_count": ("due", "--count"),
    "netty_prep": ("prep", "ID"),
}

ROWS = [
    ("khard list smith", "khard", "s"),
    ("abook --mutt-query smith", "abook", "s"),
]
for _key, _command in READ_COMMANDS.items():
    ROWS += [
        (f"netty {' '.join(_command).replace('ID', '<first smith>')}", _key, "s"),
        ("  netty / abook (target <= 4)", f"{_key}_abook", "x"),
        ("  khard / netty (target >= 100)", f"{_key}_khard", "x"),
    ]
ROWS += [
    ("netty list (no filter)", "netty_list", "s"),
    ("  peak memory", "netty_list_mb", "MB"),
    ("netty export json", "netty_export", "s"),
    ("  peak memory", "netty_export_mb", "MB"),
    ("netty export csv", "netty_export_csv", "s"),
    ("  peak memory", "netty_export_csv_mb", "MB"),
    ("netty export vcard", "netty_export_vcard", "s"),
    ("  peak memory", "netty_export_vcard_mb", "MB"),
    ("netty export ics", "netty_export_ics", "s"),
    ("  peak memory", "netty_export_ics_mb", "MB"),
    ("netty duplicates --json", "netty_dupes", "s"),
    ("  peak memory", "netty_dupes_mb", "MB"),
    ("  groups found", "netty_groups", "n"),
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000, 200000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        abook, abook_line = install_abook(folder / "abook")
        khard, khard_line = install_khard(folder / "khard")
        print(abook_line, file=sys.stderr)
        print(khard_line, file=sys.stderr)
        compile_netty()
        for size in args.sizes:
            print(f"measuring {size:,} contacts ...", file=sys.stderr)
            r = measure(size, args.runs, folder, abook, khard)
            for key in READ_COMMANDS:
                if "abook" in r:
                    r[f"{key}_abook"] = r[key] / r["abook"]
                if "khard" in r:
                    r[f"{key}_khard"] = r["khard"] / r[key]
            results[size] = r
    print(
        f"| median of {args.runs} runs (wall clock) |" + "".join(f" {s:>10,} |" for s in args.sizes)
    )
    print("|---|" + "---|" * len(args.sizes))
    for label, key, unit in ROWS:
        cells = []
        for size in args.sizes:
            value = results[size].get(key)
            if value is None:
                cells.append(f" {'':>10} |")
            elif unit == "s":
                cells.append(f" {value:>8.3f} s |")
            elif unit == "n":
                cells.append(f" {int(value):>10,} |")
            else:
                cells.append(f" {value:>7.1f} {unit:<2}|")
        print(f"| {label} |" + "".join(cells))
    print_growth(results, args.sizes)


def print_growth(results: dict[int, dict[str, float]], sizes: list[int]) -> None:
    """Each whole-database command's time at the largest size over the next largest."""
    if len(sizes) < 2:
        return
    small, large = sorted(sizes)[-2:]
    words = []
    for label, key, unit in ROWS:
        if unit == "s" and key.startswith("netty_") and key != "netty_search":
            words.append(
                f"{label.removeprefix('netty ')} x{results[large][key] / results[small][key]:.1f}"
            )
    print(f"\n{small:,} -> {large:,} contacts (x{large / small:.1f}): " + ", ".join(words))


if __name__ == "__main__":
    main()
