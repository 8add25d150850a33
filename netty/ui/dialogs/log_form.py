"""Log an interaction: kind, when (any date phrase), summary, and more people if a group."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from netty.dates import parse_when
from netty.db.vocab import INTERACTION_KINDS
from netty.errors import NettyError
from netty.services.contacts import get_contact, resolve_contact
from netty.services.timeline import log_interaction
from netty.ui.dialogs.contact_form import FormBody
from netty.ui.safe import content, markup


class LogForm(ModalScreen[int | None]):
    """ctrl+s saves; escape cancels (asking first if something was typed)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="log.save", tooltip="Save the interaction"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="log.cancel",
            tooltip="Close without saving (asks if something was typed)",
        ),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id

    def compose(self) -> ComposeResult:
        name = get_contact(self.contact_id).name
        with FormBody(classes="dialog form") as box:
            box.border_title = content(f"Log with {name}"[:60])
            box.border_subtitle = "ctrl+s save · esc cancel"
            yield Label("Kind")
            yield Select(
                [(label, key) for key, label in INTERACTION_KINDS.items()],
                value="coffee",
                allow_blank=False,
                id="kind",
            )
            yield Label("When (today, yesterday, fri, 3 days ago, dec 1, 2026-11-01 ...)")
            yield Input("today", id="when")
            yield Static("", id="when-preview", classes="hint")
            yield Label("Summary")
            yield TextArea("", id="summary", soft_wrap=True)
            yield Label("Also there (names, comma-separated)")
            yield Input("", id="others", placeholder="for a group: Ann Lee, Bob")
            yield Checkbox("They started it", id="by-them")
            yield Static("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self._initial = self._snapshot()
        self._preview("today")
        self.query_one("#summary", TextArea).focus()

    def _snapshot(self) -> tuple:
        return (
            self.query_one("#kind", Select).value,
            self.query_one("#when", Input).value,
            self.query_one("#summary", TextArea).text,
            self.query_one("#others", Input).value,
            self.query_one("#by-them", Checkbox).value,
        )

    @on(Input.Changed, "#when")
    def _when_changed(self, event: Input.Changed) -> None:
        self._preview(event.value)

    def _preview(self, text: str) -> None:
        box = self.query_one("#when", Input)
        preview = self.query_one("#when-preview", Static)
        try:
            moment = parse_when(text, self.app.now())
        except NettyError as exc:
            preview.update(content(str(exc)))
            box.add_class("invalid")
        else:
            preview.update(markup("→ $d", d=moment.format("dddd D MMMM YYYY, HH:mm")))
            box.remove_class("invalid")

    def action_save(self) -> None:
        now = self.app.now()
        try:
            moment = parse_when(self.query_one("#when", Input).value, now)
            others = [
                resolve_contact(name.strip())
                for name in self.query_one("#others", Input).value.split(",")
                if name.strip()
            ]
            log_interaction(
                [self.contact_id, *others],
                kind=str(self.query_one("#kind", Select).value),
                when=moment,
                summary=self.query_one("#summary", TextArea).text,
                by_them=self.query_one("#by-them", Checkbox).value,
                now=now,
            )
        except NettyError as exc:
            self.query_one("#form-error", Static).update(content(str(exc)))
            return
        self.app.notify("Interaction logged.", title="Logged")
        self.dismiss(self.contact_id)

    def action_cancel(self) -> None:
        if self._snapshot() == self._initial:
            self.dismiss(None)
            return
        from netty.ui.dialogs.confirm import Confirm

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Discard this interaction?"), answer)
