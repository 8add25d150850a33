"""Shared fixtures: a temp database, a fixed clock, and XDG folders in tmp_path.

Every test is hermetic: nothing touches the real home folder or the real clock.

The database is a SQLite file in tmp_path, or, when ``NETTY_TEST_DATABASE_URL``
names a PostgreSQL server (``python -m tests.pg start DIR`` makes one), a fresh
empty schema of its own on that server, dropped after the test (see
``tests/pgschema.py``). Tests that are SQLite by nature say so with
``@pytest.mark.sqlite_only("reason")`` and are skipped on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from netty.db import close_database, open_database
from tests import pgschema

FIXED_NOW = "2026-11-23T10:00:00+00:00"
# Python's webbrowser (which Textual's App.open_url uses) runs $BROWSER: here a shell
# line that appends the URL to the file $NETTY_TEST_OPENED, so no test ever starts a
# real browser and a test can read back exactly what the app opened.
BROWSER = 'sh -c \'echo "$0" >> "$NETTY_TEST_OPENED"\' %s'


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixed NETTY_NOW, no NETTY_DB, HOME and XDG folders inside tmp_path, no real browser."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("NETTY_NOW", FIXED_NOW)
    monkeypatch.setenv("BROWSER", BROWSER)
    monkeypatch.setenv("NETTY_TEST_OPENED", str(tmp_path / "opened.txt"))
    monkeypatch.setenv("TZ", "UTC")  # the user's zone: days and pings are reckoned in it
    monkeypatch.delenv("NETTY_DB", raising=False)
    monkeypatch.delenv("NETTY_DEBUG", raising=False)


@pytest.fixture
def now() -> pendulum.DateTime:
    return pendulum.parse(FIXED_NOW)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): SQLite by nature; skipped on the PostgreSQL pass"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    marker = item.get_closest_marker("sqlite_only")
    if marker is not None and pgschema.SERVER_URL:
        reason = marker.args[0] if marker.args else marker.kwargs.get("reason", "SQLite only")
        pytest.skip(f"SQLite only: {reason}")


@pytest.fixture
def db_path(tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """Where the test's database lives: a file path in tmp_path (not yet created), or on
    the PostgreSQL pass the URL of a fresh, empty schema (dropped after the test)."""
    if pgschema.SERVER_URL:
        return pgschema.fresh_url(request)
    return tmp_path / "data" / "netty.db"


@pytest.fixture
def db(db_path: Path, now: pendulum.DateTime):
    """An opened, migrated, empty netty database in tmp_path; yields its path."""
    open_database(db_path, now)
    yield db_path
    close_database()
