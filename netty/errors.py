"""The errors netty shows to people: each carries a one-line message.

Every layer raises these for bad input; the CLI prints the message and exits 2,
the app shows it in a notification. Anything else is a bug (exit 1).
"""

from __future__ import annotations


class NettyError(Exception):
    """A problem the user can fix; ``str(err)`` is one line saying what and how."""

    exit_code = 2


class InvalidInput(NettyError):
    """A value the user typed is not acceptable."""


class NotFound(NettyError):
    """No record matches what the user named."""


class Ambiguous(NettyError):
    """A name matches several records; ``candidates`` lists (id, label) pairs."""

    def __init__(self, message: str, candidates: list[tuple[int, str]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class DatabaseRefused(NettyError):
    """The database file cannot be used: not netty's, too new, or not writable."""


class DatabaseBusy(NettyError):
    """Another writer held the database's write lock past the busy timeout."""


class Conflict(NettyError):
    """Undo or redo would disturb a later change; nothing was changed."""
