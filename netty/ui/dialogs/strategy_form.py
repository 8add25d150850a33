"""Edit the strategy page: the gap analysis (now, want, gap, fill) and the SWOT."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from netty.services import strategy
from netty.services.text import for_terminal
from netty.ui.dialogs.contact_form import FormBody
from netty.ui.dialogs.saving import SavesInWorker
from netty.ui.safe import content


class StrategyForm(SavesInWorker, ModalScreen[bool]):
    """Eight text boxes; ctrl+s saves them as one change, escape cancels (asking first if
    something was typed)."""

    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="strategy-form.save", tooltip="Save the page"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="strategy-form.cancel",
            tooltip="Close without saving (asks if something was typed)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._initial: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        texts = strategy.texts()
        with FormBody(classes="dialog form") as box:
            box.border_title = "Strategy: gap analysis and SWOT"
            box.border_subtitle = "ctrl+s save · esc cancel"
            for key, (heading, hint) in strategy.FIELDS.items():
                yield Label(content(f"{heading}  ({hint})"))
                yield TextArea(for_terminal(texts[key]), id=f"field-{key}", soft_wrap=True)
            yield Static("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self._initial = self._values()
        self.query_one("#field-now", TextArea).focus(scroll_visible=False)

    def _values(self) -> dict[str, str]:
        return {key: self.query_one(f"#field-{key}", TextArea).text for key in strategy.FIELDS}

    @property
    def dirty(self) -> bool:
        return self._values() != self._initial

    def action_save(self) -> None:
        values = self._values()
        changed = {k: v for k, v in values.items() if v != self._initial.get(k)}
        if not changed:
            self.dismiss(False)
            return
        now = self.app.now()
        self.save_in_worker(lambda: strategy.set_fields(changed, now))

    def saved(self, result, label: str | None) -> None:
        self.app.announce_change(label)
        self.dismiss(bool(result))

    def save_failed(self, error: str) -> None:
        widget = self.query_one("#form-error", Static)
        widget.update(content(error))
        widget.scroll_visible(animate=False)

    def action_cancel(self) -> None:
        from netty.ui.dialogs.confirm import close_or_confirm

        close_or_confirm(self, self.dirty, "Discard what you typed?")
