"""The prep sheet, full screen: read it on the way to the coffee."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from netty.services.prep import build_prep_sheet
from netty.ui.widgets.keylist import scroll_bindings, scroll_box
from netty.ui.widgets.prep import PrepView


class PrepScreen(Screen):
    """The whole sheet for one contact; escape returns."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="prep.back", tooltip="Back to the list"),
        *scroll_bindings("prep"),
        Binding("l", "log", "Log", id="prep.log", tooltip="Log an interaction with them"),
        Binding(
            "w",
            "wrap_up",
            "Wrap up",
            id="prep.wrap_up",
            tooltip="Wrap up the meeting: log it, capture, tick off needs and promises",
        ),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="prep-full", classes="pane") as box:
            box.border_title = "Prep sheet · give before you get"
            yield PrepView(id="prep-full-body")
        yield Footer()

    def on_mount(self) -> None:
        self._show()
        self.query_one("#prep-full").focus()

    def _show(self) -> None:
        sheet = build_prep_sheet(self.contact_id, self.app.now())
        self.query_one(PrepView).show_sheet(sheet)

    def action_log(self) -> None:
        from netty.ui.dialogs.log_form import LogForm

        self.app.push_screen(LogForm(self.contact_id), self._saved)

    def action_wrap_up(self) -> None:
        from netty.ui.dialogs.log_form import LogForm

        self.app.push_screen(LogForm(self.contact_id, wrap_up=True), self._saved)

    def _saved(self, contact_id: int | None) -> None:
        """After a log or wrap-up: show the sheet as it is now, and refresh the rest."""
        if contact_id is not None:
            self._show()
            self.app.data_changed()

    def action_scroll_box(self, how: str) -> None:
        scroll_box(self.query_one("#prep-full", VerticalScroll), how)
