"""What an import did (or, with ``--dry-run``, would do)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ImportReport:
    """The outcome of one import.

    ``created`` and ``merged`` count records: a record merged into a contact that
    already had everything it says (e.g. the second import of the same file)
    counts as merged, and also in ``unchanged``. ``skipped`` lists
    ``{"record": n, "reason": ...}``; ``possible_duplicates`` lists new contacts
    whose name is the same as another contact's (never merged on a name alone):
    ``{"record": n, "name": ..., "id": new id, "same_name_as": [ids]}``. With
    ``dry_run`` the ids are those a real import would give now.
    """

    source: str  # the format recognised, e.g. "LinkedIn connections"
    created: int
    merged: int
    skipped: tuple[dict[str, Any], ...]
    warnings: tuple[str, ...]
    possible_duplicates: tuple[dict[str, Any], ...]
    unchanged: int = 0
    dry_run: bool = False
    backup: Path | None = None
    restored: dict[str, int] = field(default_factory=dict)  # JSON restore: rows per table

    def as_json(self) -> dict[str, Any]:
        """The ``--json`` object: exactly created, merged, skipped, warnings, possible_duplicates."""
        return {
            "created": self.created,
            "merged": self.merged,
            "skipped": [dict(s) for s in self.skipped],
            "warnings": list(self.warnings),
            "possible_duplicates": [dict(p) for p in self.possible_duplicates],
        }
