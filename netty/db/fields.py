"""Column types shared by the models and the frozen migration models."""

from __future__ import annotations

import datetime as dt

import pendulum
from peewee import Check, DateField, DateTimeField

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


def to_utc_text(value: dt.datetime) -> str:
    """An aware (or naive-UTC) datetime as sortable UTC text, to the second."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime(TIMESTAMP_FORMAT)


def from_utc_text(value: str | dt.datetime) -> pendulum.DateTime:
    """Stored UTC text (or a driver's datetime) back as an aware pendulum DateTime in UTC.

    PostgreSQL's ``timestamptz`` arrives as an aware datetime. Every row read passes here (five moments per contact), so it is built directly:
    ``fromisoformat`` and the ``DateTime`` constructor are about 20 times faster than
    ``strptime`` plus ``pendulum.instance`` (issue 16, ``netty list`` at 50,000).
    Raises ``ValueError`` for text that is not a moment.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        parsed = value
    else:
        parsed = dt.datetime.fromisoformat(value[:19])
    return pendulum.DateTime(
        parsed.year,
        parsed.month,
        parsed.day,
        parsed.hour,
        parsed.minute,
        parsed.second,
        parsed.microsecond if isinstance(value, dt.datetime) else 0,
        tzinfo=pendulum.UTC,
    )


class Timestamp(DateTimeField):
    """A moment, stored as UTC text (``YYYY-MM-DD HH:MM:SS``) so it sorts and indexes."""

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            return value
        return to_utc_text(value)

    def python_value(self, value):
        if value is None:
            return None
        return from_utc_text(value)


class Day(DateField):
    """A calendar day (due dates, horizons), stored as ``YYYY-MM-DD``."""

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        return value.isoformat()

    def python_value(self, value):
        if value is None:
            return None
        if isinstance(value, dt.date):
            return pendulum.date(value.year, value.month, value.day)
        return pendulum.Date.fromisoformat(str(value)[:10])


def one_of(column: str, values: tuple[str, ...]) -> Check:
    """A CHECK that keeps ``column`` within ``values`` (NULL allowed where the field is)."""
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return Check(f"{column} IN ({quoted})")


def not_blank(column: str) -> Check:
    """A CHECK that ``column`` holds more than spaces, tabs and newlines."""
    return Check(f"trim({column}, ' ' || char(9) || char(10) || char(13)) <> ''")
