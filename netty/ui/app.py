"""The netty app: wiring only. Screens own their logic, widgets their keys."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import pendulum
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState

from netty import clock
from netty.ui.commands import ActionsProvider, ContactsProvider
from netty.ui.safe import content, plain

DEFAULT_POLL_SECONDS = 60.0
NOTIFY_EACH = 3  # more new items than this become one summary notification
POLL_PING_LIMIT = 200  # pings the poll looks at (the most overdue first)


class NettyApp(App):
    """Browse your network, prepare before a coffee, log what happened."""

    CSS_PATH = "app.tcss"
    TITLE = "netty"
    SUB_TITLE = "give before you get"
    COMMANDS = App.COMMANDS | {ContactsProvider, ActionsProvider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding(
            "question_mark",
            "help",
            "keys",
            key_display="?",
            id="app.help",
            tooltip="Show every key that works here",
        ),
        Binding("q", "quit", "quit", id="app.quit", tooltip="Quit netty"),
    ]

    @dataclass
    class DuePolled(Message):
        """The reminder engine's answer from the timer's worker."""

        ids: list[str]
        labels: dict[str, str]
        count: int

    def __init__(
        self,
        location: str = "",
        now: Callable[[], pendulum.DateTime] = clock.now,
        poll_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self.location = location
        self._now = now
        self.poll_seconds = poll_seconds or DEFAULT_POLL_SECONDS
        self._seen_due: set[str] | None = None

    def now(self) -> pendulum.DateTime:
        """The clock (NETTY_NOW in tests and demos)."""
        return self._now()

    def on_mount(self) -> None:
        from netty.ui.screens.main import MainScreen

        self._restore_theme()
        self.install_screen(MainScreen(), "main")
        self.push_screen("main")
        if self.location:
            self.sub_title = plain(os.path.basename(self.location))
        self.set_interval(self.poll_seconds, self.poll_due, name="due-poll")
        self.poll_due()

    # ------------------------------------------------------------------ preferences

    def _restore_theme(self) -> None:
        """Use the theme chosen last time, and remember each new choice."""
        from netty.services import settings

        chosen = settings.preferences().theme
        if chosen and chosen in self.available_themes:
            self.theme = chosen
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme) -> None:
        from netty.services import settings

        if settings.preferences().theme != theme.name:
            settings.set_preference("theme", theme.name, self.now())

    # ------------------------------------------------------------------ reminders

    @work(thread=True, exclusive=True, group="due-poll", exit_on_error=False)
    def poll_due(self) -> None:
        """Ask the reminder engine what is due (in a worker); the answer is posted."""
        from netty.services.reminders import due, due_count

        now = self.now()
        # The most urgent pings only: at 50,000 contacts thousands can be overdue, and a
        # notification for the 5,000th is noise. The count covers everything.
        items = [i for i in due(now, limit=POLL_PING_LIMIT) if not i.soon]
        labels = {i.id: f"{i.contact}: {i.reason}" if i.contact else i.reason for i in items}
        self.post_message(self.DuePolled([i.id for i in items], labels, due_count(now)))

    def on_netty_app_due_polled(self, message: DuePolled) -> None:
        """Items that became due since the last poll show once as a notification."""
        current = set(message.ids)
        if self._seen_due is None:
            if message.count:
                noun = "thing is" if message.count == 1 else "things are"
                self.notify(
                    content(f"{message.count} {noun} due. Press d to see them."), title="Due"
                )
        else:
            new = [i for i in message.ids if i not in self._seen_due]
            if len(new) > NOTIFY_EACH:
                self.notify(content(f"{len(new)} new things are due. Press d."), title="Due")
            else:
                for item_id in new:
                    self.notify(content(message.labels[item_id]), title="Now due", timeout=8)
        self._seen_due = current
        main = self._main()
        if main is not None:
            main.set_due_count(message.count)

    def _main(self):
        from netty.ui.screens.main import MainScreen

        if self.is_screen_installed("main"):
            screen = self.get_screen("main")
            if isinstance(screen, MainScreen):
                return screen
        return None

    def open_contact(self, contact_id: int) -> None:
        """Show a contact on the main screen."""
        main = self._main()
        if main is not None:
            main.jump_to(contact_id)

    def data_changed(self) -> None:
        """Something was written: reload the list and ask the engine again."""
        main = self._main()
        if main is not None:
            main.reload()
        self.poll_due()

    # ------------------------------------------------------------------ keys

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
    from netty.services import settings

    poll = settings.get("poll_seconds", DEFAULT_POLL_SECONDS)
    NettyApp(location, poll_seconds=float(poll)).run()
