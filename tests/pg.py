"""A throwaway PostgreSQL cluster for the test suite's PostgreSQL pass.

``python -m tests.pg start DIR`` creates a cluster in ``DIR`` (``initdb`` run as
an unprivileged user when we are root, since PostgreSQL refuses to run as
root), starts it listening on a unix socket inside ``DIR`` only (nothing on a
network address) and prints the URL to give ``NETTY_TEST_DATABASE_URL``.
``python -m tests.pg stop DIR`` stops it and removes ``DIR``.

Locally::

    export NETTY_TEST_DATABASE_URL=$(python -m tests.pg start /tmp/netty-pg)
    pytest
    python -m tests.pg stop /tmp/netty-pg
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

PASSWORD_GROUP = "netty_password_users"  # its members must give a password (tests)
USER = "netty-pg"  # the unprivileged owner of the cluster when we run as root
DATABASE = "netty_test"
PORT = 5432  # only names the socket file (.s.PGSQL.5432); nothing listens on TCP


def _bin(name: str) -> str:
    """The path of a PostgreSQL server program (Debian keeps them off the PATH)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not candidates:
        raise SystemExit(f"{name} not found: install PostgreSQL (apt-get install postgresql)")
    return candidates[-1]


def _as_owner(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "-r", "-M", "-s", "/usr/sbin/nologin", USER], check=True)
    return ["runuser", "-u", USER, "--", *args]


def start(folder: Path) -> str:
    """Create and start a cluster in ``folder``; return its ``postgresql://`` URL."""
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    data, socket = folder / "data", folder / "socket"
    socket.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        _as_owner(["true"])  # creates the user
        shutil.chown(folder, USER)
        shutil.chown(socket, USER)
    user = USER if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    if not (data / "PG_VERSION").exists():
        subprocess.run(
            _as_owner(
                [
                    _bin("initdb"),
                    "-D",
                    str(data),
                    "-U",
                    user,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        hba = data / "pg_hba.conf"
        rule = f"local all +{PASSWORD_GROUP} scram-sha-256\n"
        hba.write_text(rule + hba.read_text())  # root may write it; it keeps its owner
    options = (
        f"-c listen_addresses='' -c unix_socket_directories={socket} -c port={PORT} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=300 -c shared_buffers=64MB"
    )
    subprocess.run(
        _as_owner(
            [
                _bin("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-o",
                options,
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    host = quote(str(socket), safe="")
    exists = subprocess.run(
        [
            _bin("psql"),
            f"postgresql://{user}@{host}:{PORT}/postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not exists:
        for statement in (f"CREATE DATABASE {DATABASE}", f"CREATE ROLE {PASSWORD_GROUP}"):
            subprocess.run(
                [_bin("psql"), f"postgresql://{user}@{host}:{PORT}/postgres", "-qc", statement],
                check=True,
            )
    return f"postgresql://{user}@{host}:{PORT}/{DATABASE}"


def stop(folder: Path) -> None:
    """Stop the cluster in ``folder`` (if it runs) and remove the folder."""
    folder = folder.resolve()
    if (folder / "data" / "postmaster.pid").exists():
        subprocess.run(
            _as_owner([_bin("pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )
    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python -m tests.pg start|stop FOLDER", file=sys.stderr)
        return 2
    if argv[0] == "start":
        print(start(Path(argv[1])))
    else:
        stop(Path(argv[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
