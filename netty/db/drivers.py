"""peewee without the PostgreSQL driver until a ``postgresql://`` URL is opened.

peewee imports every database driver it knows when it is imported (psycopg2,
psycopg, pymysql ...): about 15 ms of a 50 ms command that only reads a SQLite
file (issue 16: a command imports only what it uses). ``import_peewee()``
imports peewee with those drivers hidden, and ``attach_psycopg2()`` gives peewee
psycopg2 afterwards, exactly as its own import would have (the same module
globals, the UUID adapter registered, the adapter's transaction states), before
the first PostgreSQL database is made. Nothing changes for a process that
imported peewee first (a test, a script): its peewee already has psycopg2.

Written for peewee 4.5 (``peewee.psycopg2``, ``pg_extensions``, ``Json_pg2``,
``Psycopg2Adapter.txn_*``); the PostgreSQL run of the test suite opens every
database through ``attach_psycopg2``.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: What peewee tries to import at its own import; netty uses none of them on SQLite.
DRIVERS = ("psycopg2cffi", "psycopg2", "psycopg", "pymysql", "MySQLdb")


def import_peewee() -> ModuleType:
    """peewee, imported (if it was not yet) without the drivers in ``DRIVERS``."""
    if "peewee" in sys.modules:
        return sys.modules["peewee"]
    hidden = [name for name in DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import peewee
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return peewee


def attach_psycopg2() -> None:
    """Give peewee psycopg2 if ``import_peewee`` hid it: what peewee's own import does.

    Raises nothing when psycopg2 is missing: peewee then says "psycopg2 postgres
    driver not found" on connecting, as before.
    """
    import peewee

    if peewee.psycopg2 is not None:
        return
    try:
        import psycopg2
        from psycopg2 import extensions
        from psycopg2.extras import Json, register_uuid
    except ImportError:
        return
    register_uuid()
    peewee.psycopg2 = psycopg2
    peewee.pg_extensions = extensions
    peewee.pg_register_uuid = register_uuid
    peewee.Json_pg2 = Json
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
