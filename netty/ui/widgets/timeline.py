"""The timeline pane: the selected contact's history, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pendulum
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from netty.ui.safe import content

if TYPE_CHECKING:  # loaded with the first detail, after the first frame
    from netty.services.timeline import TimelineItem

KIND_STYLE = {
    "need": "$warning",
    "give": "$success",
    "ask": "$accent",
    "promise": "$secondary",
    "reminder": "$primary",
}


class TimelineList(OptionList):
    """Upcoming follow-ups, then interactions, needs, gives, asks and promises.

    `enter` shows one whole. ``selected_item`` is the item under the cursor (its
    ``ref`` names the record: ``i12``, ``n4``, ``g3``, ``a2``, ``p7``, ``r5``).
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="timeline.down", tooltip="Next item"),
        Binding("k", "cursor_up", "Up", show=False, id="timeline.up", tooltip="Previous item"),
        Binding("g", "first", "Top", show=False, id="timeline.top", tooltip="Newest item"),
        Binding("G", "last", "Bottom", show=False, id="timeline.bottom", tooltip="Oldest item"),
        Binding("enter", "select", "Show whole", id="timeline.show", tooltip="Show the whole item"),
        Binding(
            "space",
            "close('done')",
            "Done",
            id="timeline.done",
            tooltip="Mark a need met, a promise done, an ask granted, a follow-up done",
        ),
        Binding(
            "D",
            "close('drop')",
            "Drop",
            id="timeline.drop",
            tooltip="Drop a need or a promise; withdraw an ask",
        ),
        Binding(
            "n",
            "close('decline')",
            "Declined",
            id="timeline.declined",
            tooltip="They said no to an ask (on a closed item: reopen it)",
        ),
        Binding(
            "e",
            "edit",
            "edit",
            id="timeline.edit",
            tooltip="Edit the item: text, date, status",
        ),
        Binding(
            "delete",
            "delete",
            "delete",
            show=False,
            id="timeline.delete",
            tooltip="Delete the item (u brings it back)",
        ),
    ]

    @dataclass
    class Edit(Message):
        """Edit the record ``ref`` (i12, n4 ...) in a form."""

        ref: str

    @dataclass
    class Delete(Message):
        """Delete the record ``ref``."""

        ref: str

    @dataclass
    class Reopen(Message):
        """Open again the closed need, promise or ask ``ref``."""

        ref: str

    @dataclass
    class Close(Message):
        """Close a need, promise or ask: ``how`` is done, drop or decline."""

        ref: str
        how: str

    @dataclass
    class Open(Message):
        """The user asked to see a timeline item whole."""

        item: TimelineItem

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[TimelineItem] = []
        self._tz = None

    def show_items(self, items: list[TimelineItem], now: pendulum.DateTime) -> None:
        """Replace what is shown (newest first)."""
        self._items = items
        self._tz = now.timezone
        self.clear_options()
        if not items:
            self.add_option(
                Option(
                    Content.styled("Nothing recorded yet. Press l to log.", "italic $text-muted"),
                    disabled=True,
                )
            )
            return
        options: list[Option] = []
        has_upcoming = any(item.upcoming for item in items)
        for i, item in enumerate(items):
            if has_upcoming and (i == 0 or item.upcoming != items[i - 1].upcoming):
                title = "Upcoming" if item.upcoming else "History"
                options.append(Option(Content.styled(title, "bold $accent"), disabled=True))
            options.append(Option(self._prompt(item), id=str(i)))
        self.add_options(options)
        self.highlighted = next(i for i, o in enumerate(options) if not o.disabled)

    @property
    def selected_item(self) -> TimelineItem | None:
        """The item under the cursor, or None (no items, or the cursor on a heading)."""
        if self.highlighted is None or not self._items:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self._items[int(option.id)] if option.id is not None else None

    def _prompt(self, item: TimelineItem) -> Content:
        when = item.at.in_tz(self._tz) if self._tz else item.at
        closed = item.status and item.status not in ("open", "pending")
        # "I owe · done" on the line that opened it; the closing line already says "I owe: done"
        label = item.label + (
            f" · {item.status}" if closed and item.status not in item.label else ""
        )
        style = KIND_STYLE.get(item.kind, "$primary")
        return Content.assemble(
            (when.format("YYYY-MM-DD"), "$text-muted"),
            " ",
            content(f"{label:<12}", f"bold {style}"),
            " ",
            content(item.text or "—"),
        )

    def action_close(self, how: str) -> None:
        """Close the need, promise or ask under the cursor (an upcoming follow-up: done);
        on a closed one, or a follow-up already done, reopen it."""
        item = self.selected_item
        if item is None:
            return
        if item.kind == "reminder":
            if not item.upcoming:
                self.post_message(self.Reopen(item.ref))
            elif how != "done":
                self.app.notify("A follow-up is marked done with space.", severity="warning")
            else:
                self.post_message(self.Close(item.ref, how))
            return
        if item.kind not in ("need", "promise", "ask"):
            self.app.notify("Only needs, promises and asks can be closed.", severity="warning")
            return
        if item.status not in ("open", "pending"):
            self.post_message(self.Reopen(item.ref))
            return
        self.post_message(self.Close(item.ref, how))

    def action_edit(self) -> None:
        item = self.selected_item
        if item is not None:
            self.post_message(self.Edit(item.ref))

    def action_delete(self) -> None:
        item = self.selected_item
        if item is not None:
            self.post_message(self.Delete(item.ref))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Open(self._items[int(event.option.id)]))
