"""`e` on the update letter: edit the template every letter is made from.

One field per part (``update_letter.FIELDS``); ctrl+s saves them as one change
(`u` undoes it), escape cancels, asking first if something was typed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from netty.services.update_letter import FIELDS, set_template, template
from netty.ui.dialogs.contact_form import FormBody
from netty.ui.dialogs.saving import SavesInWorker
from netty.ui.safe import content


class LetterTemplateForm(SavesInWorker, ModalScreen[str | None]):
    """The letter's parts; dismisses with the change's label, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="letter_form.save", tooltip="Save the template"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="letter_form.cancel",
            tooltip="Close without saving (asks if something was changed)",
        ),
    ]

    def compose(self) -> ComposeResult:
        current = template().to_json()
        with FormBody(classes="dialog form") as box:
            box.border_title = "The update letter"
            box.border_subtitle = "ctrl+s save · esc cancel"
            for key, what in FIELDS.items():
                yield Label(what[:1].upper() + what[1:])
                yield Input(current[key], id=f"tpl-{key}")
            yield Static("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self._initial = self._values()
        self.query_one("#tpl-where", Input).focus()

    def _values(self) -> dict[str, str]:
        return {key: self.query_one(f"#tpl-{key}", Input).value for key in FIELDS}

    def action_save(self) -> None:
        values = self._values()
        changed = {k: v for k, v in values.items() if v != self._initial[k]}
        if not changed:
            self.dismiss(None)
            return
        now = self.app.now()
        self.save_in_worker(lambda: set_template(changed, now))

    def saved(self, result, label: str | None) -> None:
        self.dismiss(label)

    def save_failed(self, error: str) -> None:
        self.query_one("#form-error", Static).update(content(error))

    def action_cancel(self) -> None:
        from netty.ui.dialogs.confirm import close_or_confirm

        close_or_confirm(self, self._values() != self._initial, "Discard these changes?")
