"""A yes/no question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from netty.ui.safe import content


class Confirm(ModalScreen[bool]):
    """Ask before doing something that loses typing; y / n / escape."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="No"),
    ]

    def __init__(self, question: str, yes: str = "Discard", no: str = "Keep editing") -> None:
        super().__init__()
        self._question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(content(self._question))
            with Horizontal(classes="buttons"):
                yield Button(content(f"{self._yes} (y)"), id="yes", variant="error")
                yield Button(content(f"{self._no} (n)"), id="no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def close_or_confirm(screen: ModalScreen, dirty: bool, question: str) -> None:
    """Close a form at once if nothing was typed; otherwise ask before discarding it."""
    if not dirty:
        screen.dismiss(None)
        return

    def answer(discard: bool | None) -> None:
        if discard:
            screen.dismiss(None)

    screen.app.push_screen(Confirm(question), answer)
