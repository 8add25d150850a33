"""User settings stored in the database (JSON values in the ``setting`` table)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

import pendulum

from netty.db.bulk import execute_many
from netty.db.fields import from_utc_text, to_utc_text
from netty.db.models import Setting, database
from netty.db.vocab import DEFAULT_CADENCE_DAYS, RINGS
from netty.errors import InvalidInput
from netty.services.changes import change, write_transaction

RING_CADENCES = "ring_cadences"
DATABASE_ID = "sys.database_id"  # netty's own id: outside the journal
PREFERENCE_KEYS = ("theme", "sort", "ring")
PREFERENCES = (
    "ui.preferences"  # a preference, not user data: outside the journal (u never undoes it)
)


@dataclass(frozen=True)
class Preferences:
    """What a person chose in the app: colour theme, list sort, ring filter (None: all)."""

    theme: str | None = None
    sort: str = "attention"
    ring: int | None = None


def preferences() -> Preferences:
    """The app preferences stored in the settings table (defaults where never set)."""
    from netty.services.contact_index import SORTS

    stored = get(PREFERENCES, {}) or {}
    sort = stored.get("sort")
    ring = stored.get("ring")
    theme = stored.get("theme")
    return Preferences(
        theme=theme if isinstance(theme, str) and theme else None,
        sort=sort if sort in SORTS else "attention",
        ring=ring if ring in RINGS else None,
    )


def set_preference(key: str, value: Any, now: pendulum.DateTime) -> Preferences:
    """Store one preference (``theme``, ``sort`` or ``ring``); returns them all.

    Raises InvalidInput for an unknown key or a value the app can't use (a sort
    not in ``contact_index.SORTS``, a ring other than 1, 2, 3 or None).
    """
    from netty.services.contact_index import SORTS

    if key not in PREFERENCE_KEYS:
        raise InvalidInput(f"unknown preference {key!r}; use one of: {', '.join(PREFERENCE_KEYS)}")
    if key == "sort" and value not in SORTS:
        raise InvalidInput(f"sort must be one of: {', '.join(SORTS)}")
    if key == "ring" and value is not None and value not in RINGS:
        raise InvalidInput(f"ring must be 1, 2, 3 or none, not {value!r}")
    if key == "theme" and not (isinstance(value, str) and value.strip()):
        raise InvalidInput("a theme needs a name")
    with write_transaction():
        stored = dict(get(PREFERENCES, {}) or {})
        stored[key] = value
        put(PREFERENCES, stored, now)
    return preferences()


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
        execute_many("UPDATE contact SET next_ping_at = ? WHERE id = ?", moved)
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
