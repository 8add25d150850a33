"""One fresh PostgreSQL schema per test, on the server ``NETTY_TEST_DATABASE_URL`` names.

A schema is far cheaper than a database (a CREATE SCHEMA is a catalog row), so
every test gets its own: the URL handed to netty carries
``options=-csearch_path=<schema>``, so every table, index and trigger function
netty creates lands there and nothing of another test is visible. Each pytest
process (an xdist worker) keeps one admin connection; schema names carry the
process id, so workers never clash. A test's schema is dropped when the test
ends, and anything left (a test that crashed its worker) is dropped when the
process exits.
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


def fresh_url(request) -> str:
    """A fresh schema's URL for this test, dropped when the test ends."""
    name, url = create_schema()
    request.addfinalizer(lambda: drop_schema(name))
    return url


def _drop_leftovers() -> None:
    if _admin is None or _admin.closed:
        return
    try:
        with _admin.cursor() as cur:
            cur.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", (PREFIX + "%",))
            for (name,) in cur.fetchall():
                cur.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        _admin.close()
    except Exception:
        pass


__all__ = ["SERVER_URL", "create_schema", "drop_schema", "fresh_url", "urlencode"]
