"""Snooze: 1 day, 1 week, or a typed date phrase."""

from __future__ import annotations

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from netty.dates import date_in, parse_when
from netty.errors import NettyError
from netty.ui.safe import content, markup


class SnoozeDialog(ModalScreen[pendulum.DateTime | None]):
    """`1` a day, `2` a week, or `t` to type when and enter."""

    AUTO_FOCUS = ""  # nothing focused: keys 1, 2 and t act at once; t focuses the date box
    BINDINGS = [
        Binding("1", "pick('tomorrow')", "1 day", id="snooze.day", tooltip="Until tomorrow"),
        Binding("2", "pick('next week')", "1 week", id="snooze.week", tooltip="Until next week"),
        Binding("t", "type_date", "Type a date", id="snooze.type", tooltip="Type when: fri, dec 1"),
        Binding("escape", "dismiss_none", "Cancel", id="snooze.cancel", tooltip="Cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm") as box:
            box.border_title = "Snooze until"
            yield Static("1  tomorrow      2  next week      t  type a date")
            yield Label("a date: fri, in 3 days, dec 1 (enter to snooze)")
            yield Input(id="until")
            yield Static("", id="until-preview", classes="hint")

    def action_type_date(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _preview(self, event: Input.Changed) -> None:
        preview = self.query_one("#until-preview", Static)
        if not event.value.strip():
            preview.update("")
            return
        try:
            moment = parse_when(event.value, self.app.now())
        except NettyError as exc:
            preview.update(content(str(exc)))
        else:
            preview.update(markup("→ $d", d=date_in(moment, self.app.now(), "dialog")))

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.action_pick(event.value)

    def action_pick(self, phrase: str) -> None:
        try:
            moment = parse_when(phrase, self.app.now())
        except NettyError as exc:
            self.query_one("#until-preview", Static).update(content(str(exc)))
            return
        if phrase.strip().lower() in ("tomorrow", "next week"):
            moment = moment.start_of("day").set(hour=8)
        self.dismiss(moment)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
