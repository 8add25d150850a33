"""Helpers for the import/export tests: fixture paths and a full picture of the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from netty.db.models import MODELS, database
from netty.services.exporters.jsondump import order_by

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


def fixture(name: str) -> Path:
    return FIXTURES / name


def tables() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every netty table, in primary-key order: the content of the database."""
    out = {}
    for model in MODELS:
        columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
        keys = ", ".join(f'"{c}"' for c in order_by(model))
        sql = f'SELECT {columns} FROM "{model._meta.table_name}" ORDER BY {keys}'
        out[model._meta.table_name] = [tuple(row) for row in database.execute_sql(sql)]
    return out
