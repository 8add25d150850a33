"""The netty app: wiring only. Screens own their logic, widgets their keys."""

from __future__ import annotations

import os
from collections.abc import Callable

import pendulum
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from netty import clock
from netty.ui.commands import ActionsProvider, ContactsProvider
from netty.ui.safe import content, plain


class NettyApp(App):
    """Browse your network, prepare before a coffee, log what happened."""

    CSS_PATH = "app.tcss"
    TITLE = "netty"
    SUB_TITLE = "give before you get"
    COMMANDS = App.COMMANDS | {ContactsProvider, ActionsProvider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit netty"),
        Binding(
            "question_mark",
            "help",
            "Keys",
            key_display="?",
            id="app.help",
            tooltip="Show every key that works here",
        ),
    ]

    def __init__(self, location: str = "", now: Callable[[], pendulum.DateTime] = clock.now):
        super().__init__()
        self.location = location
        self._now = now

    def now(self) -> pendulum.DateTime:
        """The clock (NETTY_NOW in tests and demos)."""
        return self._now()

    def on_mount(self) -> None:
        from netty.ui.screens.main import MainScreen

        self.install_screen(MainScreen(), "main")
        self.push_screen("main")
        if self.location:
            self.sub_title = plain(os.path.basename(self.location))

    def action_help(self) -> None:
        from netty.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen.for_focus(self))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place where a failed worker becomes a visible error, never a dead app."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.notify(
                content(f"{type(error).__name__}: {error}"),
                title="Something failed",
                severity="error",
                timeout=10,
            )


def run_app(location: str, now: pendulum.DateTime | None = None) -> None:
    """Open the app on an already opened database."""
    NettyApp(location).run()
