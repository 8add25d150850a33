"""A modal that shows one piece of text whole (a timeline item)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from netty.ui.safe import content
from netty.ui.widgets.keylist import scroll_bindings, scroll_box


class DetailDialog(ModalScreen[None]):
    """Everything about one item; escape closes."""

    BINDINGS = [
        Binding("escape,q,enter", "dismiss", "Close", id="detail.close", tooltip="Close"),
        *scroll_bindings("detail"),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog") as box:
            box.border_title = content(self._title)
            yield Static(content(self._body, keep_newlines=True), id="detail-body")

    def action_scroll_box(self, how: str) -> None:
        scroll_box(self.query_one(VerticalScroll), how)

    def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
