"""The few SQL spellings that differ between SQLite and PostgreSQL, in one place.

Write peewee expressions and ``fn.`` calls first (COUNT, MAX, SUM, COALESCE,
``fn.LOWER``): they are the same on both engines. Where raw SQL is worth it, take
the engine-specific fragment from here, and placeholders from ``param()``
(``?`` on SQLite, ``%s`` on PostgreSQL), never a literal ``?``. Every function
takes the database (a peewee ``Database`` or the models' proxy) and returns SQL
text; ``tests/db/test_postgres.py`` runs both spellings.

Moments (``Timestamp`` columns) are UTC text ``YYYY-MM-DD HH:MM:SS`` on SQLite
and ``timestamptz`` on PostgreSQL (sessions run in UTC); compare them with
bounds computed in Python (a pendulum value or that text), never with string
functions. On PostgreSQL raw SQL reads a moment back as the same UTC text and a
day as ``YYYY-MM-DD`` (type casters below), so code written for SQLite's values
keeps working. Booleans are ``BooleanField``: compare with ``== True`` in peewee,
or ``true_()`` in raw SQL. PostgreSQL has no implicit row order: say
``ORDER BY``. A statement that may fail (a unique clash) inside a change runs in
a savepoint (``database.atomic()``), since PostgreSQL refuses every statement
after a failed one in the same transaction.
"""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from peewee import Database, PostgresqlDatabase


def _engine(db: Any) -> Any:
    return getattr(db, "obj", db)  # the models' DatabaseProxy, or a database


def is_postgres(db: Any) -> bool:
    """Whether ``db`` (a database or the models' proxy) is PostgreSQL."""
    return isinstance(_engine(db), PostgresqlDatabase)


def param(db: Any) -> str:
    """The driver's placeholder: ``?`` (sqlite3) or ``%s`` (psycopg2)."""
    return "%s" if is_postgres(db) else "?"


def qmarks(db: Any, sql: str) -> str:
    """``sql`` written with ``?`` placeholders, in the driver's spelling (see
    ``to_pyformat``)."""
    return to_pyformat(sql) if is_postgres(db) else sql


@functools.lru_cache(maxsize=512)  # the same statements run again and again (a hot path)
def to_pyformat(sql: str) -> str:
    """SQLite-style SQL (``?`` placeholders) as psycopg2 wants it: ``?`` outside quotes
    becomes ``%s`` and every literal ``%`` (``LIKE 'ui.%'``) becomes ``%%``.

    SQL that already holds ``%s`` (peewee's own, or written with ``param()``) is
    returned as it is. ``NettyPostgres.execute_sql`` applies this to every raw
    statement: netty's raw SQL is written once, in SQLite's ``?`` style, and this is
    the one place its placeholders are translated (the PostgreSQL test pass runs every
    such statement). A statement must not mix ``?`` with ``%s``.
    """
    if "%s" in sql or ("?" not in sql and "%" not in sql):
        return sql
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if char == "%":
            out.append("%%")
            continue
        if quote is None and char in "'\"":
            quote = char
        elif quote is not None and char == quote:
            quote = None
        elif quote is None and char == "?":
            out.append("%s")
            continue
        out.append(char)
    return "".join(out)


def days_between(db: Any, later: str, earlier: str) -> str:
    """SQL for the (fractional) days from moment ``earlier`` to moment ``later``.

    Both arguments are SQL expressions (a column, or a placeholder bound to a UTC
    moment as text); the result is a float, negative when ``later`` is earlier.
    """
    if is_postgres(db):
        return (
            f"(CAST(EXTRACT(EPOCH FROM (CAST({later} AS timestamptz) - "
            f"CAST({earlier} AS timestamptz))) AS double precision) / 86400.0)"
        )
    return f"(julianday({later}) - julianday({earlier}))"


def string_agg(db: Any, expression: str, separator: str) -> str:
    """SQL aggregating text ``expression`` over a group, joined by ``separator``
    (a literal, quoted here); order unspecified, as SQLite's ``group_concat``."""
    quoted = "'" + separator.replace("'", "''") + "'"
    if is_postgres(db):
        return f"string_agg(CAST({expression} AS text), {quoted})"
    return f"group_concat({expression}, {quoted})"


def true_(db: Any) -> str:
    """A true boolean literal (``1`` on SQLite, ``true`` on PostgreSQL)."""
    return "true" if is_postgres(db) else "1"


def false_(db: Any) -> str:
    """A false boolean literal (``0`` on SQLite, ``false`` on PostgreSQL)."""
    return "false" if is_postgres(db) else "0"


def not_blank(db: Any, column: str) -> str:
    """CHECK text: ``column`` holds more than spaces, tabs and newlines.

    SQLite keeps the spelling migration 0001 always had (``char(9)``), so the DDL
    of existing files is unchanged; PostgreSQL spells the same characters ``chr(9)``.
    """
    char = "chr" if is_postgres(db) else "char"
    return f"trim({column}, ' ' || {char}(9) || {char}(10) || {char}(13)) <> ''"


def fk(db: Any) -> dict[str, str]:
    """Extra ``ForeignKeyField`` arguments for a migration: deferrable on PostgreSQL, so
    an undo can put rows back in any order inside its transaction
    (``SET CONSTRAINTS ALL DEFERRED``, as SQLite's ``defer_foreign_keys``); nothing on
    SQLite, whose DDL stays as it always was. Use ``ForeignKeyField(..., **fk(db))``."""
    return {"deferrable": "INITIALLY IMMEDIATE"} if is_postgres(db) else {}


def autoincrement_key(db: Any) -> str:
    """Column definition of an integer primary key that numbers itself."""
    if is_postgres(db):
        return "SERIAL PRIMARY KEY"
    return "INTEGER NOT NULL PRIMARY KEY"


def moment_type(db: Any) -> str:
    """Column type of a moment: ``TEXT`` (UTC text) on SQLite, ``timestamptz`` on PostgreSQL."""
    return "TIMESTAMPTZ" if is_postgres(db) else "TEXT"


def mask_password(url: str) -> str:
    """``url`` with any password replaced by ``***`` (``postgresql://sam:***@host/db``);
    a path is returned as it is."""
    text = str(url)
    if "://" not in text:
        return text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text.split("://", 1)[0] + "://***"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{host}"
    query = parts.query
    if "password=" in query:
        query = "&".join(
            "password=***" if item.startswith("password=") else item for item in query.split("&")
        )
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def postgres_database(url: str) -> Database:
    """A peewee database for a ``postgresql://`` (or ``postgres://``) URL.

    The URL goes to libpq whole, so every libpq form works: a unix socket
    (``postgresql:///netty?host=/run/postgresql``), ``?service=NAME``,
    ``sslmode``, and a password from the URL, ``PGPASSWORD`` or ``~/.pgpass``.
    Sessions run in UTC; moments are ``timestamptz``.
    """
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    return NettyPostgres(url, field_types={"DATETIME": "TIMESTAMPTZ"})


def psycopg2_extensions():
    import psycopg2.extensions

    return psycopg2.extensions


def _casters() -> list[Any]:
    """psycopg2 type casters that give raw SQL the values SQLite gives: a moment as UTC
    text ``YYYY-MM-DD HH:MM:SS`` (the session is in UTC), a day as ``YYYY-MM-DD``,
    and a numeric (``AVG``, ``EXTRACT``) as a float. ``Timestamp`` and ``Day`` read
    both forms, so models see pendulum values on either engine."""
    ext = psycopg2_extensions()

    def moment(value, _cursor):
        return None if value is None else value[:19]

    def day(value, _cursor):
        return value

    def number(value, _cursor):
        return None if value is None else float(value)

    return [
        ext.new_type((1184, 1114), "NETTY_MOMENT", moment),  # timestamptz, timestamp
        ext.new_type((1082,), "NETTY_DAY", day),
        ext.new_type((1700,), "NETTY_NUMBER", number),
    ]


class NettyPostgres(PostgresqlDatabase):
    """PostgreSQL with every session in UTC (moments read and written as UTC), whose
    introspection (``get_tables``, ``get_columns`` ...) looks at the first schema of
    the search path (``current_schema()``), not always ``public``."""

    schema: str | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from netty.db.drivers import attach_psycopg2

        attach_psycopg2()  # peewee was imported without it (netty.db.drivers)
        super().__init__(*args, **kwargs)

    def execute_sql(self, sql, params=None, *args, **kwargs):
        return super().execute_sql(to_pyformat(sql), params, *args, **kwargs)

    def _initialize_connection(self, conn):
        for caster in _casters():
            psycopg2_extensions().register_type(caster, conn)
        with conn.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
            cursor.execute("SELECT current_schema()")
            self.schema = cursor.fetchone()[0]

    def _schema(self, schema):
        if schema is None and self.schema is None:
            self.connect(reuse_if_open=True)
        return schema or self.schema or "public"

    def get_tables(self, schema=None):
        return super().get_tables(self._schema(schema))

    def get_views(self, schema=None):
        return super().get_views(self._schema(schema))

    def get_indexes(self, table, schema=None):
        return super().get_indexes(table, self._schema(schema))

    def get_columns(self, table, schema=None):
        return super().get_columns(table, self._schema(schema))

    def get_primary_keys(self, table, schema=None):
        return super().get_primary_keys(table, self._schema(schema))

    def get_foreign_keys(self, table, schema=None):
        return super().get_foreign_keys(table, self._schema(schema))

    def table_exists(self, table_name, schema=None):
        return super().table_exists(table_name, self._schema(schema))

    def sequence_exists(self, sequence):
        return super().sequence_exists(sequence)
