"""Forms save in a thread worker: the form waits for the write, never the screen.

A form mixes in ``SavesInWorker``, reads and checks its fields on the event loop
(so a typo is said at once), then calls ``save_in_worker(fn)`` with a function that
makes the change through a service. While another netty holds the write lock (up
to the five-second busy timeout) the app keeps drawing; the result comes back to
``saved(result)``, a refusal to ``save_failed(message)``, shown beside what was
typed so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.message import Message


class SavesInWorker:
    """Mixin for a ``ModalScreen`` form; override ``saved`` and ``save_failed``."""

    @dataclass
    class SaveDone(Message):
        """A save finished: ``result`` from the service, or the one-line ``error``."""

        result: Any
        error: str | None
        label: str | None = None  # the journal's label of the change made

    def save_in_worker(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` (a service write) in a thread worker and post its outcome."""
        self._save_worker(fn)

    @work(thread=True, exclusive=True, group="form-save", exit_on_error=False)
    def _save_worker(self, fn: Callable[[], Any]) -> None:
        from netty.db import explain_error
        from netty.errors import NettyError

        try:
            result = fn()
        except NettyError as exc:
            self.post_message(self.SaveDone(None, str(exc)))  # type: ignore[attr-defined]
            return
        except Exception as exc:  # a full disk, a read-only or damaged file
            known = explain_error(exc)
            if known is None:
                raise
            self.post_message(self.SaveDone(None, str(known)))  # type: ignore[attr-defined]
            return
        from netty.services.changes import last_change

        entry = last_change()  # read here, off the event loop
        label = entry.label if entry is not None else None
        self.post_message(self.SaveDone(result, None, label))  # type: ignore[attr-defined]

    def on_saves_in_worker_save_done(self, message: SaveDone) -> None:
        if message.error is not None:
            self.save_failed(message.error)
        else:
            self.saved(message.result, message.label)

    def saved(self, result: Any, label: str | None) -> None:
        """The write is done (``label``: the change's line in the journal): close the
        form with ``result``."""

    def save_failed(self, error: str) -> None:
        """The write was refused: say so in the form."""
