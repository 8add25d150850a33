"""Edit one timeline item (`e` in the timeline): an interaction, need, give, ask,
promise or reminder, with the fields that kind of record has.

Saving is one change in the journal (``netty.services.items.edit_item``), so `u`
takes it back. The form shows only what this record has; dates are typed in the
same words as everywhere (today, fri, dec 1, 2026-11-01).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from netty.dates import parse_date, parse_when
from netty.db.vocab import GIVE_KINDS, INTERACTION_KINDS, PROMISE_DIRECTIONS
from netty.errors import NettyError
from netty.services.contacts import resolve_contact
from netty.services.items import ItemEdit, ItemView, edit_item, get_item
from netty.ui.dialogs.contact_form import FormBody
from netty.ui.dialogs.saving import SavesInWorker
from netty.ui.safe import content


class ItemForm(SavesInWorker, ModalScreen[str | None]):
    """ctrl+s saves; escape cancels (asking first if something was changed).

    Dismisses with the journal's label of the edit, or None when cancelled.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="item.save", tooltip="Save the changes"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="item.cancel",
            tooltip="Close without saving (asks if something was changed)",
        ),
    ]

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref
        self.item: ItemView = get_item(ref)

    def compose(self) -> ComposeResult:
        item = self.item
        tz = self.app.now().timezone
        with FormBody(classes="dialog form") as box:
            box.border_title = content(f"Edit {item.noun} {item.ref}")
            box.border_subtitle = "ctrl+s save · esc cancel"
            if item.contacts:
                yield Static(content("with " + ", ".join(item.contacts)), classes="hint")
            yield Label("Summary" if item.ref[0] == "i" else "Text")
            yield TextArea(item.text or "", id="text", soft_wrap=True)
            if "kind" in item.fields:
                options = (
                    [(label, key) for key, label in INTERACTION_KINDS.items()]
                    if item.ref[0] == "i"
                    else [(k, k) for k in GIVE_KINDS]
                )
                yield Label("Kind")
                yield Select(options, value=item.kind, allow_blank=False, id="kind")
            if "when" in item.fields:
                yield Label("Due" if item.ref[0] == "r" else "When")
                local = item.when.in_tz(tz) if (item.when and tz) else item.when
                yield Input(local.format("YYYY-MM-DD HH:mm") if local else "", id="when")
            if "due" in item.fields:
                yield Label("Due day (empty: none)")
                yield Input(item.due.isoformat() if item.due else "", id="due")
            if "horizon" in item.fields:
                yield Label("By (the day it matters)")
                yield Input(item.horizon.isoformat() if item.horizon else "", id="horizon")
            if "direction" in item.fields:
                yield Label("Who owes")
                yield Select(
                    [(label, key) for key, label in PROMISE_DIRECTIONS.items()],
                    value=item.direction,
                    allow_blank=False,
                    id="direction",
                )
            if "status" in item.fields:
                yield Label("Status")
                yield Select(
                    [(s, s) for s in item.statuses],
                    value=item.status,
                    allow_blank=False,
                    id="status",
                )
            if "contacts" in item.fields:
                yield Label("Who took part (names, comma-separated)")
                yield Input(", ".join(item.contacts), id="contacts")
            yield Static("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self._initial = self._snapshot()
        self.query_one("#text", TextArea).focus()

    def _value(self, selector: str) -> object:
        found = self.query(selector)
        if not found:
            return None
        widget = found.first()
        if isinstance(widget, TextArea):
            return widget.text
        return widget.value

    def _snapshot(self) -> tuple:
        return tuple(
            self._value(s)
            for s in (
                "#text",
                "#kind",
                "#when",
                "#due",
                "#horizon",
                "#direction",
                "#status",
                "#contacts",
            )
        )

    def _edit(self) -> ItemEdit:
        """The fields that differ from the record, as an ItemEdit (raises NettyError)."""
        now = self.app.now()
        old = self._initial
        new = self._snapshot()
        changed = {
            name: value
            for name, value, before in zip(
                ("text", "kind", "when", "due", "horizon", "direction", "status", "contacts"),
                new,
                old,
                strict=True,
            )
            if value != before
        }
        edit: dict = {}
        if "text" in changed:
            edit["text"] = changed["text"]
        for name in ("kind", "direction", "status"):
            if name in changed:
                edit[name] = str(changed[name])
        if "when" in changed:
            edit["when"] = parse_when(str(changed["when"]), now)
        if "due" in changed:
            text = str(changed["due"]).strip()
            if text:
                edit["due"] = parse_date(text, now)
            else:
                edit["clear_due"] = True
        if "horizon" in changed:
            edit["horizon"] = parse_date(str(changed["horizon"]), now)
        if "contacts" in changed:
            names = [n.strip() for n in str(changed["contacts"]).split(",") if n.strip()]
            edit["contacts"] = [resolve_contact(n, archived=None) for n in names]
        return ItemEdit(**edit)

    def action_save(self) -> None:
        """Read the form (a typo is said at once), then write in a worker."""
        if self._snapshot() == self._initial:
            self.dismiss(None)
            return
        try:
            edit = self._edit()
        except NettyError as exc:
            self.save_failed(str(exc))
            return
        self.save_in_worker(lambda: edit_item(self.ref, edit, self.app.now()))

    def saved(self, result: str, label: str | None) -> None:
        self.dismiss(result)

    def save_failed(self, error: str) -> None:
        self.query_one("#form-error", Static).update(content(error))

    def action_cancel(self) -> None:
        from netty.ui.dialogs.confirm import close_or_confirm

        close_or_confirm(self, self._snapshot() != self._initial, "Discard these changes?")
