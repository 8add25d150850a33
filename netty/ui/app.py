"""The netty app: wiring only. Screens own their logic, widgets their keys."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pendulum
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState

from netty import clock
from netty.dates import plural
from netty.ui.commands import ActionsProvider, ContactsProvider
from netty.ui.safe import content, plain

DEFAULT_POLL_SECONDS = 60.0
WATCH_SECONDS = 2.0  # how often the app looks for another netty's writes
NOTIFY_EACH = 3  # more new items than this become one summary notification
POLL_PING_LIMIT = 200  # pings the poll looks at (the most overdue first)
START_BACKGROUND_SECONDS = 5.0  # start-up work starts by then even without a list


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
        Binding(
            "u",
            "undo",
            "undo",
            show=False,
            id="app.undo",
            tooltip="Undo the last change of any kind (netty history lists them)",
        ),
        Binding(
            "ctrl+r,U",
            "redo",
            "redo",
            show=False,
            key_display="ctrl+r",
            id="app.redo",
            tooltip="Redo the change undone last",
        ),
    ]

    @dataclass
    class DuePolled(Message):
        """The reminder engine's answer from the timer's worker."""

        ids: list[str]
        labels: dict[str, str]
        count: int

    @dataclass
    class WriteDone(Message):
        """A write run in a worker finished: ``text`` is its toast, or why it was refused."""

        text: str
        ok: bool
        title: str
        keep_id: int | None = None

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
        self._background_started = False
        self._journal_version: tuple[int, int, int] | None = None

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
        self.set_interval(WATCH_SECONDS, self.watch_journal, name="journal-watch")
        self.set_interval(self.poll_seconds, partial(self.sync_vdir, "poll"), name="sync-poll")
        self.watch_journal()  # before the list loads: a write after it is then seen
        # The reminder poll, the file check and the vdir sync wait for the first whole
        # contact list (MainScreen calls start_background), so they never slow the
        # first frames; a timer starts them anyway if the list never comes.
        self.set_timer(START_BACKGROUND_SECONDS, self.start_background, name="start-background")

    def start_background(self) -> None:
        """Start the start-up work that nothing on screen waits for (once): ask the
        reminder engine, check the file, sync the vdir if configured."""
        if self._background_started:
            return
        self._background_started = True
        self.poll_due()
        self.check_file()
        self.sync_vdir("start")

    @dataclass
    class FileChecked(Message):
        """SQLite's ``quick_check`` of the open file: ``problem`` is None when sound."""

        problem: str | None

    @work(thread=True, exclusive=True, group="file-check", exit_on_error=False)
    def check_file(self) -> None:
        """Run ``PRAGMA quick_check`` once at start, in a worker (0.3 s at 50,000
        contacts), so a damaged file is said before the person writes into it
        (SQLite only: a PostgreSQL server checks its own pages)."""
        from netty.db import database
        from netty.db.dialect import is_postgres

        if is_postgres(database):  # a server checks its own pages
            return
        rows = [row[0] for row in database.execute_sql("PRAGMA quick_check").fetchall()]
        self.post_message(self.FileChecked(None if rows == ["ok"] else rows[0]))

    def on_netty_app_file_checked(self, message: FileChecked) -> None:
        if message.problem is not None:
            self.notify(
                content(
                    f"This database is damaged ({message.problem}). Don't add to it: quit and "
                    "run `netty check`, which says which backup to restore."
                ),
                title="Damaged database",
                severity="error",
                timeout=3600,
            )

    @dataclass
    class JournalMoved(Message):
        """The change journal moved: some netty (this one or another) wrote."""

        version: tuple[int, int, int]

    @work(thread=True, exclusive=True, group="journal-watch", exit_on_error=False)
    def watch_journal(self) -> None:
        """Read the journal's version (in a worker) and post it."""
        from netty.services.changes import journal_version

        self.post_message(self.JournalMoved(journal_version()))

    def on_netty_app_journal_moved(self, message: JournalMoved) -> None:
        """Another process wrote since the last look: refresh what is shown."""
        seen, self._journal_version = self._journal_version, message.version
        if seen is not None and seen != message.version:
            self.data_changed()

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

    # ------------------------------------------------------------------ vdir sync

    @dataclass
    class Synced(Message):
        """A vdir sync finished (or failed): its status-line mark and toast, if any."""

        mark: str | None
        toast: str | None
        ok: bool
        changed: bool

    def sync_now(self) -> None:
        """Sync with the configured vdir now (the palette's "sync: now")."""
        self.sync_vdir("now")

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def sync_vdir(self, when: str) -> None:
        """Sync the vdir of ``netty config sync.vdir`` in a worker, if ``when`` (start,
        poll, now) is switched on; the outcome is posted, a failure included."""
        from netty.db import explain_error
        from netty.errors import NettyError
        from netty.services.sync.vdir import sync_config
        from netty.services.sync.vdir import sync_vdir as run_sync

        config = sync_config()
        if (when == "start" and not config.on_start) or (when == "poll" and not config.poll):
            return
        if not config.vdir:
            if when == "now":
                text = "No vdir to sync with: set one with `netty config sync.vdir PATH`."
                self.post_message(self.Synced(None, text, False, False))
            return
        try:
            report = run_sync(config.vdir, self.now())
        except Exception as exc:  # never a dead app: the failure is shown
            known = exc if isinstance(exc, NettyError) else explain_error(exc)
            text = str(known) if known is not None else f"{type(exc).__name__}: {exc}"
            self.post_message(self.Synced(f"sync failed: {text}", text, False, False))
            return
        at = self.now().in_tz(pendulum.local_timezone()).format("HH:mm")
        toast = report.label if report.items or report.conflicts else None
        self.post_message(self.Synced(f"⇅ synced {at}", toast, True, bool(report.items)))

    def on_netty_app_synced(self, message: Synced) -> None:
        main = self._main()
        if main is not None and message.mark is not None:
            main.set_sync_mark(message.mark)
        if message.toast:
            if message.ok:
                self.notify(content(message.toast), title="Synced")
            else:
                self.notify(content(message.toast), title="Sync failed", severity="error")
        if message.changed:
            self.data_changed()

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
                what = plural(message.count, "thing is", "things are")
                them = "it" if message.count == 1 else "them"
                self.notify(content(f"{what} due. Press d to see {them}."), title="Due")
        else:
            new = [i for i in message.ids if i not in self._seen_due]
            if len(new) > NOTIFY_EACH:
                what = plural(len(new), "new thing is", "new things are")
                self.notify(content(f"{what} due. Press d."), title="Due")
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

    def data_changed(self, keep_id: int | None = None) -> None:
        """Something was written: reload the list (the cursor on ``keep_id``, else where
        it was), the open screen, and ask the engine again."""
        if not self.screen_stack:  # quitting: a late message finds no screen to refresh
            return
        main = self._main()
        if main is not None:
            main.reload(keep_id=keep_id)
        reload = getattr(self.screen, "reload", None)
        if self.screen is not main and callable(reload):
            reload()
        self.poll_due()

    # ------------------------------------------------------------------ writes

    def announce_change(self, label: str | None, title: str = "Saved") -> None:
        """Toast a change this app just made (its journal label, read by the worker that
        made it), saying that `u` undoes it."""
        self._journal_version = None  # our own write: the watcher need not refresh for it
        if label:
            self.notify(content(f"{label[:1].upper()}{label[1:]}. Press u to undo."), title=title)

    def write(self, fn: Callable[[], str | tuple[str, int | None]], title: str = "Saved") -> None:
        """Run a service write in a thread worker (``fn`` returns the toast text, or
        the text and the contact to put the cursor on), so a
        writer that must wait for another netty never freezes the screen. A refusal
        (bad input, a conflict, the database busy) becomes a warning; nothing is lost,
        and the same key tries again."""
        self._write(fn, title)

    @work(thread=True, group="write", exit_on_error=False)
    def _write(self, fn: Callable[[], str], title: str) -> None:
        from netty.db import explain_error
        from netty.errors import NettyError

        try:
            result = fn()
        except NettyError as exc:
            self.post_message(self.WriteDone(str(exc), False, "Not done"))
            return
        except Exception as exc:  # a full disk, a read-only or damaged file: say so
            known = explain_error(exc)
            if known is None:
                raise
            self.post_message(self.WriteDone(str(known), False, "Not done"))
            return
        text, keep_id = result if isinstance(result, tuple) else (result, None)
        self.post_message(self.WriteDone(text, True, title, keep_id))

    def on_netty_app_write_done(self, message: WriteDone) -> None:
        if message.ok:
            self.notify(content(message.text), title=message.title)
            self._journal_version = None  # our own write: no second refresh for it
            self.data_changed(message.keep_id)
        else:
            self.notify(content(message.text), title=message.title, severity="warning", timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo and redo work on every screen but inside a form (there keys are text)."""
        from textual.screen import ModalScreen

        return not (action in ("undo", "redo") and isinstance(self.screen, ModalScreen))

    def action_undo(self) -> None:
        """Take back the newest change of any kind, on any screen."""
        from netty.services.changes import undo

        def run() -> tuple[str, int | None]:
            entry = undo(self.now())
            keep = entry.contacts[0] if len(entry.contacts) == 1 else None
            return f"Undid: {entry.label}. ctrl+r redoes it.", keep

        self.write(run, "Undone")

    def action_redo(self) -> None:
        """Reapply the change undone last."""
        from netty.services.changes import redo

        def run() -> tuple[str, int | None]:
            entry = redo(self.now())
            keep = entry.contacts[0] if len(entry.contacts) == 1 else None
            return f"Redid: {entry.label}. u undoes it.", keep

        self.write(run, "Redone")

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
