"""A fresh PostgreSQL database per test, on the server ``NETTY_TEST_DATABASE_URL`` names.

Each pytest process (an xdist worker) migrates one template database once, then
gives every test its own copy (``CREATE DATABASE ... TEMPLATE``: about 50 ms,
where running the migrations takes half a second): a migrated, empty netty
database, as a SQLite test's first ``open_database`` makes. Names carry the
process id, so workers never clash. A test's database is dropped (``WITH
(FORCE)``, closing any connection the test left) when the test ends, and what is
left (a crashed worker) when the process exits.

``create_schema()`` gives an empty, unmigrated schema of the server's own
database instead, for tests that need nothing of netty in it (a foreign database).
"""

from __future__ import annotations

import atexit
import itertools
import os
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SERVER_URL = os.environ.get("NETTY_TEST_DATABASE_URL", "").strip()
PREFIX = f"netty_t{os.getpid()}_"

_admin = None
_counter = itertools.count(1)


def _connection():
    global _admin
    if _admin is None or _admin.closed:
        import psycopg2

        _admin = psycopg2.connect(SERVER_URL)
        _admin.autocommit = True
        atexit.register(_drop_leftovers)
    return _admin


def with_search_path(url: str, schema: str) -> str:
    """``url`` with libpq's ``options`` set so ``schema`` is the search path."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "options"]
    query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def create_schema() -> tuple[str, str]:
    """Create an empty schema; return its name and the URL that opens it."""
    name = f"{PREFIX}{next(_counter)}"
    with _connection().cursor() as cur:
        cur.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        cur.execute(f'CREATE SCHEMA "{name}"')
    return name, with_search_path(SERVER_URL, name)


def drop_schema(name: str) -> None:
    """Drop ``name`` and everything in it (waits at most a few seconds for locks)."""
    import psycopg2

    try:
        with _connection().cursor() as cur:
            cur.execute("SET lock_timeout = '5s'")
            cur.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    except psycopg2.Error:
        pass  # a connection the test left open holds a lock: dropped at exit


def database_url(name: str) -> str:
    """The server's URL with database ``name`` in place of its own."""
    parts = urlsplit(SERVER_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


_template: str | None = None


def _template_name() -> str:
    """This process's migrated template database (made on first use)."""
    global _template
    if _template is None:
        import pendulum

        from netty.db import close_database, open_database

        name = f"{PREFIX}template"
        with _connection().cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}"')
        open_database(database_url(name), pendulum.datetime(2026, 1, 1))
        close_database()
        _template = name
    return _template


def fresh_url(request) -> str:
    """A fresh, migrated, empty database's URL for this test, dropped when it ends."""
    template = _template_name()
    name = f"{PREFIX}{next(_counter)}"
    with _connection().cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
    request.addfinalizer(lambda: drop_database(name))
    return database_url(name)


def drop_database(name: str) -> None:
    """Drop database ``name``, closing any connection to it first."""
    import psycopg2

    try:
        with _connection().cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg2.Error:
        pass  # dropped at exit


def _drop_leftovers() -> None:
    if _admin is None or _admin.closed:
        return
    try:
        with _admin.cursor() as cur:
            cur.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", (PREFIX + "%",))
            for (name,) in cur.fetchall():
                cur.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
            cur.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (PREFIX + "%",))
            for (name,) in cur.fetchall():
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin.close()
    except Exception:
        pass


__all__ = ["SERVER_URL", "create_schema", "database_url", "drop_schema", "fresh_url"]
