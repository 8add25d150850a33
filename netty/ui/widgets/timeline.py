"""The timeline pane: the selected contact's history, newest first."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from netty.services.timeline import TimelineItem
from netty.ui.safe import content

KIND_STYLE = {
    "need": "$warning",
    "give": "$success",
    "ask": "$accent",
    "promise": "$secondary",
}


class TimelineList(OptionList):
    """Interactions, needs, gives, asks and promises; `enter` shows one whole."""

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
            tooltip="Mark a need met, a promise done, an ask granted",
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
            "Edit item",
            id="timeline.edit",
            tooltip="Edit the item: text, date, status",
        ),
        Binding(
            "delete",
            "delete",
            "Delete item",
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
        self.add_options([Option(self._prompt(item), id=str(i)) for i, item in enumerate(items)])
        self.highlighted = 0

    def _prompt(self, item: TimelineItem) -> Content:
        when = item.at.in_tz(self._tz) if self._tz else item.at
        label = item.label + (
            f" · {item.status}" if item.status and item.status not in ("open", "pending") else ""
        )
        style = KIND_STYLE.get(item.kind, "$primary")
        return Content.assemble(
            (when.format("YYYY-MM-DD"), "$text-muted"),
            " ",
            content(f"{label:<12}", f"bold {style}"),
            " ",
            content(item.text or "—"),
        )

    @property
    def selected(self) -> TimelineItem | None:
        """The item under the cursor, or None."""
        if self.highlighted is None or not self._items:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.id is None else self._items[int(option.id)]

    def action_close(self, how: str) -> None:
        """Close the need, promise or ask under the cursor; on a closed one, reopen it."""
        item = self.selected
        if item is None:
            return
        if item.kind not in ("need", "promise", "ask"):
            self.app.notify("Only needs, promises and asks can be closed.", severity="warning")
            return
        if item.status not in ("open", "pending"):
            self.post_message(self.Reopen(item.ref))
            return
        self.post_message(self.Close(item.ref, how))

    def action_edit(self) -> None:
        item = self.selected
        if item is not None:
            self.post_message(self.Edit(item.ref))

    def action_delete(self) -> None:
        item = self.selected
        if item is not None:
            self.post_message(self.Delete(item.ref))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Open(self._items[int(event.option.id)]))
