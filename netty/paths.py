"""Where the data lives: ``--db PATH`` > ``NETTY_DB`` > the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "NETTY_DB"
APP_NAME = "netty"
DB_NAME = "netty.db"


def default_db_path() -> Path:
    """``netty/netty.db`` in the platform's user data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_path  # only without --db or NETTY_DB

    return user_data_path(APP_NAME, appauthor=False) / DB_NAME


def resolve_db(option: str | None) -> str:
    """The database to open: the ``--db`` option, else ``NETTY_DB``, else the default path.

    A value containing ``://`` is a database URL (e.g. ``postgresql://...``).
    """
    for value in (option, os.environ.get(ENV_VAR)):
        if value and value.strip():
            return value.strip()
    return str(default_db_path())
