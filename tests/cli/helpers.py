"""What the CLI tests share: the result of a run, table dumps, the user-error shape."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


def dump(path: Path, *, schema_history: bool = True) -> list[str]:
    """Every table's schema and rows, as SQL text (optionally without migration times)."""
    conn = sqlite3.connect(path)
    try:
        lines = list(conn.iterdump())
    finally:
        conn.close()
    return lines if schema_history else [line for line in lines if "netty_schema" not in line]


def assert_user_error(result: Result) -> None:
    """Exit 2, one line on stderr starting with 'netty:', nothing on stdout, no traceback."""
    assert result.code == 2, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("netty: ")
    assert len(lines[0]) > len("netty: ") + 5
    assert "Traceback" not in result.err
    assert result.out == ""
