"""`d`: everything due, grouped by kind, most urgent first; `w` for this week's queue."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from netty.errors import NettyError
from netty.services import reminders
from netty.services.reminders import DueItem
from netty.ui.safe import content
from netty.ui.widgets.keylist import KeyList

PING_LIMIT = 500  # the view reads at most this many pings (the most overdue)
KIND_TITLES = {
    "deliver": "Deliver what you promised",
    "thank": "Say thank you",
    "nudge": "Nudge gently",
    "custom": "Your reminders",
    "check-in": "Check in on their needs",
    "ping": "Keep in touch",
}
WEEK_KINDS = ("ping", "deliver", "nudge", "thank")


class DueList(KeyList):
    """The items; `space` marks done, `s` snoozes, `enter` opens the contact."""


class DueScreen(Screen):
    """What is due now, or (w) this week's networking time as one queue."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="due.back", tooltip="Back to the list"),
        Binding("enter", "open", "Open", id="due.open", tooltip="Open the item's contact"),
        Binding(
            "l", "log", "Log", id="due.log", tooltip="Log an interaction with the item's contact"
        ),
        Binding("space", "done", "Done", id="due.done", tooltip="Mark the item done"),
        Binding(
            "s", "snooze", "Snooze", id="due.snooze", tooltip="Snooze: 1 day, 1 week or a date"
        ),
        Binding(
            "w",
            "toggle_week",
            "This week",
            id="due.week",
            tooltip="This week's pings, deliveries, nudges and thank-yous as one queue",
        ),
    ]

    @dataclass
    class Loaded(Message):
        """The engine's answer, from a worker."""

        items: list[DueItem]
        week: bool

    def __init__(self, week: bool = False) -> None:
        super().__init__()
        self.week = week
        self._items: list[DueItem] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="due-pane", classes="pane"):
            yield Static("", id="due-summary")
            yield DueList(id="due-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DueList).focus()
        self.reload()

    def reload(self) -> None:
        self._load(self.week)

    @work(thread=True, exclusive=True, group="due", exit_on_error=False)
    def _load(self, week: bool) -> None:
        now = self.app.now()
        if week:
            end = now.end_of("week")
            items = reminders.due(now, within=end - now, kinds=WEEK_KINDS, limit=PING_LIMIT)
            items.sort(key=lambda i: (i.due_at, -i.urgency))
        else:
            items = [i for i in reminders.due(now, limit=PING_LIMIT) if not i.soon]
        self.post_message(self.Loaded(items, week))

    def on_due_screen_loaded(self, message: Loaded) -> None:
        if message.week != self.week:
            return
        self._items = message.items
        pane = self.query_one("#due-pane")
        pane.border_title = "Networking time · this week" if self.week else "Due now"
        listing = self.query_one(DueList)
        keep = listing.highlighted
        listing.clear_options()
        now = self.app.now()
        if self.week:
            for index, item in enumerate(self._items):
                listing.add_option(Option(self._prompt(item, now, with_kind=True), id=str(index)))
        else:
            for kind, group in reminders.group_by_kind(self._items).items():
                listing.add_option(
                    Option(
                        Content.styled(f"{KIND_TITLES[kind]} ({len(group)})", "bold $accent"),
                        disabled=True,
                    )
                )
                for item in group:
                    index = self._items.index(item)
                    listing.add_option(Option(self._prompt(item, now), id=str(index)))
        if not self._items:
            listing.add_option(
                Option(
                    Content.styled("Nothing due. Go and give something.", "italic $text-muted"),
                    disabled=True,
                )
            )
        listing.highlighted = self._first_enabled(keep)
        counts = ", ".join(f"{len(v)} {k}" for k, v in reminders.group_by_kind(self._items).items())
        self.query_one("#due-summary", Static).update(
            content(f" {len(self._items)} items: {counts}" if self._items else "")
        )

    def _first_enabled(self, near: int | None) -> int | None:
        listing = self.query_one(DueList)
        start = near or 0
        for index in range(start, listing.option_count):
            if not listing.get_option_at_index(index).disabled:
                return index
        for index in range(min(start, listing.option_count) - 1, -1, -1):
            if not listing.get_option_at_index(index).disabled:
                return index
        return None

    def _prompt(self, item: DueItem, now: pendulum.DateTime, with_kind: bool = False) -> Content:
        when = item.due_at.in_tz(now.timezone or "UTC").format("ddd D MMM")
        parts = [content(f"{when:<11}", "$text-muted")]
        if with_kind:
            parts.append(content(f"{item.kind:<9}", "bold $secondary"))
        parts += [content(item.contact or "—", "bold"), Content("  "), content(item.reason)]
        if item.stale:
            parts.append(content("  stale", "bold $error"))
        if item.wording:
            parts += [Content("\n" + " " * 13), content(item.wording, "italic $text-muted")]
        return Content("").join(parts)

    @property
    def selected(self) -> DueItem | None:
        listing = self.query_one(DueList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return self._items[int(option.id)] if option.id is not None else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        item = self.selected
        if item is None or item.contact_id is None:
            return
        self.app.pop_screen()
        self.app.open_contact(item.contact_id)

    def action_log(self) -> None:
        from netty.ui.dialogs.log_form import LogForm

        item = self.selected
        if item is not None and item.contact_id is not None:
            self.app.push_screen(LogForm(item.contact_id), lambda _saved: self._changed())

    def action_done(self) -> None:
        item = self.selected
        if item is None:
            return
        try:
            what = reminders.done(item.id, self.app.now())
        except NettyError as exc:
            self.app.notify(content(str(exc)), severity="error")
            return
        self.app.notify(content(f"{item.contact}: {what}."), title="Done")
        self._changed()

    def action_snooze(self) -> None:
        from netty.ui.dialogs.snooze import SnoozeDialog

        item = self.selected
        if item is None:
            return

        def chosen(until: pendulum.DateTime | None) -> None:
            if until is None:
                return
            try:
                reminders.snooze(item.id, until, self.app.now())
            except NettyError as exc:
                self.app.notify(content(str(exc)), severity="error")
                return
            self.app.notify(content(f"Snoozed until {until.format('ddd D MMM')}."), title="Snoozed")
            self._changed()

        self.app.push_screen(SnoozeDialog(), chosen)

    def action_toggle_week(self) -> None:
        self.week = not self.week
        self.reload()

    def _changed(self) -> None:
        self.reload()
        self.app.data_changed()
