"""User settings stored in the database (JSON values in the ``setting`` table)."""

from __future__ import annotations

import json
import secrets
from typing import Any

import pendulum

from netty.db.fields import from_utc_text, to_utc_text
from netty.db.models import Setting, database
from netty.db.vocab import DEFAULT_CADENCE_DAYS, RINGS
from netty.errors import InvalidInput
from netty.services.changes import change, write_transaction

RING_CADENCES = "ring_cadences"
DATABASE_ID = "sys.database_id"  # netty's own id: outside the journal


def get(key: str, default: Any = None) -> Any:
    """A setting's value, or ``default`` when it was never set."""
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def put(key: str, value: Any, now: pendulum.DateTime) -> None:
    """Store a setting, as one change of its own or as part of the caller's change.

    Keys starting with ``ui.`` or ``sys.`` are preferences, outside the journal
    (``netty.db.journal``), and are written in a plain transaction.
    """
    if key.startswith(("ui.", "sys.")):
        with write_transaction():
            _put(key, value, now)
        return
    with change(f"set {key} to {json.dumps(value)}", now, kind="setting"):
        _put(key, value, now)


def _put(key: str, value: Any, now: pendulum.DateTime) -> None:
    Setting.insert(key=key, value=json.dumps(value), updated_at=now).on_conflict(
        conflict_target=[Setting.key],
        update={Setting.value: json.dumps(value), Setting.updated_at: now},
    ).execute()


def ring_cadences() -> dict[int, int]:
    """Default keep-in-touch cadence in days for each ring (1 -> 14, 2 -> 30, 3 -> 90)."""
    stored = get(RING_CADENCES, {}) or {}
    return {ring: int(stored.get(str(ring), days)) for ring, days in DEFAULT_CADENCE_DAYS.items()}


def set_ring_cadence(ring: int, days: int, now: pendulum.DateTime) -> dict[int, int]:
    """Change a ring's default cadence and move every affected contact's next ping."""
    if ring not in RINGS:
        raise InvalidInput(f"ring must be 1, 2 or 3, not {ring!r}")
    if not 1 <= days <= 3650:
        raise InvalidInput(f"cadence must be from 1 to 3650 days, not {days!r}")
    with change(f"set ring {ring}'s cadence to {days} days", now, kind="cadence"):
        cadences = ring_cadences()
        cadences[ring] = days
        put(RING_CADENCES, {str(k): v for k, v in cadences.items()}, now)
        # Calendar days in the user's zone, as contacts.next_ping counts them.
        zone = now.tz or pendulum.UTC
        rows = database.execute_sql(
            "SELECT id, COALESCE(last_interaction_at, created_at) FROM contact "
            "WHERE ring = ? AND cadence_days IS NULL",
            (ring,),
        ).fetchall()
        moved = [
            (to_utc_text(from_utc_text(base).in_tz(zone).add(days=days)), cid) for cid, base in rows
        ]
        cursor = database.cursor()
        cursor.executemany(
            f"UPDATE contact SET next_ping_at = {database.param} WHERE id = {database.param}",
            moved,
        )
    return cadences


def database_id(now: pendulum.DateTime) -> str:
    """This database's own random id (16 hex digits), created and stored on first need.

    Makes calendar UIDs unique across databases: two networks exported into one
    calendar never overwrite each other's events.
    """
    value = get(DATABASE_ID)
    if isinstance(value, str) and value:
        return value
    with write_transaction():
        value = get(DATABASE_ID)
        if not (isinstance(value, str) and value):
            value = secrets.token_hex(8)
            put(DATABASE_ID, value, now)
    return value
