"""One list widget whose movement keys are the same everywhere: j/k, g/G, home/end.

Every list in netty (due view, duplicates, timeline, event preview, wrap-up
items) is a ``KeyList``, so `g`/`G` never silently do nothing on one screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.message import Message
from textual.widgets import OptionList

MOVES = [
    Binding("j", "cursor_down", "Down", show=False, id="list.j", tooltip="Next item"),
    Binding("k", "cursor_up", "Up", show=False, id="list.k", tooltip="Previous item"),
    Binding("g", "first", "Top", show=False, id="list.g", tooltip="First item"),
    Binding("G", "last", "Bottom", show=False, id="list.G", tooltip="Last item"),
]


def scroll_bindings(prefix: str) -> list[Binding]:
    """j/k/g/G for a screen whose body is one scrolling box (``action_scroll_box``)."""
    return [
        Binding("j", "scroll_box('down')", "Down", show=False, id=f"{prefix}.down",
                tooltip="Scroll down"),
        Binding("k", "scroll_box('up')", "Up", show=False, id=f"{prefix}.up",
                tooltip="Scroll up"),
        Binding("g", "scroll_box('top')", "Top", show=False, id=f"{prefix}.top",
                tooltip="Scroll to the top"),
        Binding("G", "scroll_box('bottom')", "Bottom", show=False, id=f"{prefix}.bottom",
                tooltip="Scroll to the end"),
    ]  # fmt: skip


def scroll_box(box: ScrollableContainer, how: str) -> None:
    """Scroll ``box`` one line down or up, or to its top or bottom."""
    {
        "down": box.scroll_down,
        "up": box.scroll_up,
        "top": box.scroll_home,
        "bottom": box.scroll_end,
    }[how](animate=False)


class KeyList(OptionList):
    """An ``OptionList`` with j/k/g/G beside the arrows, home and end."""

    BINDINGS = MOVES


class SwitchList(KeyList):
    """A ``KeyList`` whose rows each hold a choice that `space` switches (which value a
    merge keeps, who an event line is); the screen owning it does the switching.

    Subclasses set ``BINDINGS`` with their own label for `space` (action ``switch``).
    """

    @dataclass
    class Switched(Message):
        """The user switched the choice on row ``index``."""

        index: int

    def action_switch(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Switched(self.highlighted))
