"""The clock is an input: ``now()`` reads ``NETTY_NOW`` or the real clock.

Domain code never calls this; it takes ``now`` as an argument. Only the edges
(the CLI, the app) ask the clock, once per command or tick.
"""

from __future__ import annotations

import os

import pendulum
from pendulum import DateTime

from netty.errors import InvalidInput

ENV_VAR = "NETTY_NOW"


def local_zone() -> pendulum.Timezone | pendulum.FixedTimezone:
    """The user's time zone: ``TZ`` when it names a zone (``Europe/Berlin``), else the system's.

    Days ("due today"), pings ("every 30 days") and daylight-saving changes are reckoned
    in this zone, so a next ping keeps its local hour across a DST change.
    """
    name = os.environ.get("TZ", "").strip().lstrip(":")
    if name:
        try:
            return pendulum.timezone(name)
        except Exception:  # not an IANA name (e.g. a POSIX rule): fall back to the system
            pass
    return pendulum.local_timezone()


def now() -> DateTime:
    """The current time in the user's zone (:func:`local_zone`).

    ``NETTY_NOW`` (ISO 8601) fixes the instant when set; else the real clock.
    """
    fixed = os.environ.get(ENV_VAR, "").strip()
    if not fixed:
        return pendulum.now(local_zone())
    try:
        parsed = pendulum.parse(fixed)
    except (ValueError, pendulum.parsing.exceptions.ParserError) as exc:
        raise InvalidInput(
            f"{ENV_VAR}={fixed!r} is not an ISO 8601 time; use e.g. 2026-11-23T09:00:00"
        ) from exc
    if not isinstance(parsed, DateTime):
        if isinstance(parsed, pendulum.Date):
            return pendulum.datetime(parsed.year, parsed.month, parsed.day, tz="UTC")
        raise InvalidInput(f"{ENV_VAR}={fixed!r} must be a date and time, not a duration")
    return parsed.in_tz(local_zone())
