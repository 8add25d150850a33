"""CLI fixtures: run ``netty`` in-process against a database in tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netty.cli import main
from tests import pgschema
from tests.cli.helpers import Result


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """Run ``netty ARGS...`` in-process; returns exit code, stdout and stderr."""

    def _run(*args: Any) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


@pytest.fixture
def dbfile(tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """The CLI tests' database: a file in tmp_path, or a fresh PostgreSQL schema's URL
    on the PostgreSQL pass (see tests/conftest.py)."""
    if pgschema.SERVER_URL:
        return pgschema.fresh_url(request)
    return tmp_path / "cli" / "netty.db"


@pytest.fixture
def netty(run, dbfile: Path):
    """``netty --db DBFILE ARGS...``; fails the test on a non-zero exit unless told not to."""

    def _netty(*args: Any, ok: bool = True, db: Path | None = None) -> Result:
        result = run("--db", db or dbfile, *args)
        if ok:
            assert result.code == 0, result.err
        return result

    return _netty


@pytest.fixture
def new_db(tmp_path: Path, request: pytest.FixtureRequest):
    """A factory of further empty databases (files in tmp_path, or fresh PostgreSQL
    databases on the PostgreSQL pass), for tests that copy one database into another."""
    count = iter(range(1, 1000))

    def _new() -> Path | str:
        if pgschema.SERVER_URL:
            return pgschema.fresh_url(request)
        return tmp_path / f"db{next(count)}" / "netty.db"

    return _new
