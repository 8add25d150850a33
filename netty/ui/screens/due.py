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

from netty.dates import date_in, plural
from netty.services import reminders
from netty.services.reminders import DueItem
from netty.ui.safe import content, hanging
from netty.ui.widgets.keylist import KeyList

PING_LIMIT = 500  # the view reads at most this many pings (the most overdue)
KIND_TITLES = {
    "deliver": "Deliver what you promised",
    "thank": "Say thank you",
    "nudge": "Nudge gently",
    "custom": "Your reminders",
    "birthday": "Birthdays",
    "anniversary": "Anniversaries",
    "check-in": "Check in on their needs",
    "ping": "Keep in touch",
}
WEEK_KINDS = ("ping", "deliver", "nudge", "thank")
#: Due kinds that logging an interaction from the due view (`l`) completes: the log
#: is the follow-up, the check-in or the birthday wishes. A ping is answered by the log itself; deliveries,
#: nudges and thank-yous are done only when the user says so.
COMPLETED_BY_LOGGING = ("custom", "check-in", "birthday", "anniversary")
DATE_WIDTH = 11
KIND_WIDTH = 9
KIND_LABELS = {"anniversary": "anniv."}  # the week plan's kind column is 9 wide


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
            "y",
            "copy",
            "Copy",
            id="due.copy",
            tooltip="Copy the nudge or thank-you wording (else the item) to the clipboard",
        ),
        Binding(
            "o",
            "write",
            "Write",
            id="due.write",
            tooltip="Write to them: an email with the wording filled in, or a call",
        ),
        Binding(
            "w",
            "toggle_week",
            "This week",
            id="due.week",
            tooltip="The next seven days: everything falling due, by date, as one queue",
        ),
    ]

    @dataclass
    class Loaded(Message):
        """The engine's answer, from a worker."""

        items: list[DueItem]
        week: bool
        pings: int  # how many pings fall due in all (the list holds at most PING_LIMIT)

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
            # The same question as `netty due --within 7d`: seven days from now.
            items = reminders.due(now, within=reminders.WEEK, limit=PING_LIMIT)
            items.sort(key=lambda i: (i.due_at, -i.urgency))
            pings = reminders.count_pings(now, reminders.WEEK)
        else:
            items = [i for i in reminders.due(now, limit=PING_LIMIT) if not i.soon]
            pings = reminders.count_pings(now)
        self.post_message(self.Loaded(items, week, pings))

    def on_due_screen_loaded(self, message: Loaded) -> None:
        if message.week != self.week:
            return
        self._items = message.items
        pane = self.query_one("#due-pane")
        pane.border_title = "Networking time · the next 7 days" if self.week else "Due now"
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
        self.query_one("#due-summary", Static).update(content(self._summary(message.pings)))

    def _summary(self, ping_total: int) -> str:
        """`` 2,085 items: 3 deliver, …, 2,069 ping (showing 500 of 2,069 pings)``.

        The total counts every ping that is due, not only those listed, so it agrees
        with the status line's count.
        """
        groups = reminders.group_by_kind(self._items)
        shown_pings = len(groups.pop("ping", ()))
        ping_total = max(ping_total, shown_pings)
        counts = [f"{len(v):,} {k}" for k, v in groups.items()]
        if ping_total:
            counts.append(f"{ping_total:,} ping")
        total = len(self._items) - shown_pings + ping_total
        if not total:
            return ""
        line = f" {plural(total, 'item')}: {', '.join(counts)}"
        if ping_total > shown_pings:
            line += f" (showing {shown_pings:,} of {plural(ping_total, 'ping')})"
        return line

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
        """One row: date, (kind,) who and why; wrapped lines hang under the text."""
        when = date_in(item.due_at, now, "list")
        head = [content(f"{when:<{DATE_WIDTH}}", "$text-muted")]
        if with_kind:
            kind = KIND_LABELS.get(item.kind, item.kind)
            head.append(content(f"{kind:<{KIND_WIDTH}}", "bold $secondary"))
        body = [content(item.contact or "—", "bold"), Content("  "), content(item.reason)]
        if item.stale:
            body.append(content("  stale", "bold $error"))
        width = self.query_one(DueList).scrollable_content_region.width - 2
        if width <= 8:  # not laid out yet: the pane fills the screen less its frame
            width = self.app.size.width - 6
        row = hanging(Content("").join(head), Content("").join(body), width)
        if item.wording and item.kind == "nudge":  # thank-you, birthday wording: y copies it
            indent = Content(" " * Content("").join(head).cell_length)
            wording = content(item.wording, "italic $text-muted")
            row = Content("\n").join([row, hanging(indent, wording, width)])
        return row

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

    def action_copy(self) -> None:
        item = self.selected
        if item is None:
            return
        text = item.wording or (f"{item.contact}: {item.reason}" if item.contact else item.reason)
        self.app.copy_to_clipboard(text)
        self.app.notify(content(f"Copied: {text}"), title="Copied")

    def action_write(self) -> None:
        from netty.services.card import reach_link

        item = self.selected
        if item is None or item.contact_id is None:
            return
        link = reach_link(item.contact_id, item.wording)
        if link is None:
            self.app.notify(
                content(f"No email or phone for {item.contact}; y copies the wording."),
                severity="warning",
            )
            return
        self.app.open_url(link)
        self.app.notify(content(f"Opening {link}"), title="Write")

    def action_log(self) -> None:
        from netty.ui.dialogs.log_form import LogForm

        item = self.selected
        if item is None or item.contact_id is None:
            return

        answers = (item.id,) if item.kind in COMPLETED_BY_LOGGING else ()
        self.app.push_screen(
            LogForm(item.contact_id, answers=answers), lambda _saved: self._changed()
        )

    def action_done(self) -> None:
        item = self.selected
        if item is None:
            return

        def run() -> str:
            what = reminders.done(item.id, self.app.now())
            return f"{item.contact or item.id}: {what}. Press u to undo."

        self.app.write(run, "Done")

    def action_snooze(self) -> None:
        from netty.ui.dialogs.snooze import SnoozeDialog

        item = self.selected
        if item is None:
            return

        def chosen(until: pendulum.DateTime | None) -> None:
            if until is None:
                return

            def run() -> str:
                reminders.snooze(item.id, until, self.app.now())
                return f"Snoozed until {date_in(until, self.app.now(), 'dialog')}. Press u to undo."

            self.app.write(run, "Snoozed")

        self.app.push_screen(SnoozeDialog(), chosen)

    def action_toggle_week(self) -> None:
        self.week = not self.week
        self.reload()

    def _changed(self) -> None:
        self.reload()
        self.app.data_changed()
