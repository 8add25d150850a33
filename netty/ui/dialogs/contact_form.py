"""Add or edit a contact: every field of the model, validated where it is typed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from netty.db.vocab import CHANNELS, RINGS
from netty.errors import InvalidInput, NettyError
from netty.services.birthdays import parse_value
from netty.services.changes import change
from netty.services.contacts import (
    ContactFields,
    add_contact,
    check_fields,
    edit_contact,
    get_contact,
    parse_cadence,
    parse_strength,
    resolve_contact,
)
from netty.services.knows import parse_knows_list, set_knows
from netty.services.text import for_terminal
from netty.ui.dialogs.saving import SavesInWorker
from netty.ui.safe import content


def _save(contact_id: int | None, fields: ContactFields, knows, now):
    """Add or edit the contact, and set whom they know when that field changed: one change."""
    if knows is None:
        if contact_id is None:
            return add_contact(fields, now)
        return edit_contact(contact_id, fields, now)
    with change("saved a contact", now, kind="edit") as ch:
        if contact_id is None:
            view = add_contact(fields, now)
            ch.label = f"added {view.name}"
        else:
            view = edit_contact(contact_id, fields, now)
            ch.label = f"edited {view.name}"
        if any(other == view.id for other, _how in knows):
            raise InvalidInput(f"{view.name} can't know themselves; take them out of Knows")
        set_knows(view.id, knows, now)
        ch.label += " and whom they know"
    return view


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class FormBody(VerticalScroll, can_focus=False):
    """The scrolling body of a form: tab goes to the fields, not to the container."""


class ContactForm(SavesInWorker, ModalScreen[int | None]):
    """ctrl+s saves; escape cancels (asking first if something was typed)."""

    AUTO_FOCUS = ""  # on_mount focuses the name without scrolling past its label

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save the contact"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="form.cancel",
            tooltip="Close without saving (asks if something was typed)",
        ),
    ]

    def __init__(self, contact_id: int | None) -> None:
        super().__init__()
        self.contact_id = contact_id
        self._initial: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        view = get_contact(self.contact_id) if self.contact_id else None

        def val(attr: str, default: str = "") -> str:
            if view is None:
                return default
            value = getattr(view, attr)
            if isinstance(value, tuple):
                value = ", ".join(value)
            return "" if value is None else for_terminal(str(value))  # no raw ESC in a field

        with FormBody(classes="dialog form") as box:
            box.border_title = "Edit contact" if view else "Add contact"
            box.border_subtitle = "ctrl+s save · esc cancel"
            yield Label("Name *")
            yield Input(val("name"), id="name")
            yield Static("", id="name-error", classes="error")
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label("Title")
                    yield Input(val("title"), id="title")
                with Vertical(classes="col"):
                    yield Label("Organization")
                    yield Input(val("organization"), id="organization")
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label("Ring")
                    yield Select(
                        [(f"{n} · {label}", n) for n, label in RINGS.items()],
                        value=view.ring if view else 3,
                        allow_blank=False,
                        id="ring",
                    )
                with Vertical(classes="col"):
                    yield Label("Channel (where we met)")
                    yield Select(
                        [(label, key) for key, label in CHANNELS.items()],
                        value=(view.channel if view and view.channel else Select.NULL),
                        id="channel",
                    )
            yield Label("Emails (comma-separated)")
            yield Input(val("emails"), id="emails")
            yield Label("Phones (comma-separated)")
            yield Input(val("phones"), id="phones")
            yield Label("URLs (comma-separated; LinkedIn profile welcome)")
            yield Input(val("urls"), id="urls")
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label("Location")
                    yield Input(val("location"), id="location")
                with Vertical(classes="col"):
                    yield Label("Tags (comma-separated)")
                    yield Input(val("tags"), id="tags")
            yield Label("How we met")
            yield Input(val("how_met"), id="how_met")
            yield Label("Introduced by (a contact's name)")
            yield Input(
                view.introduced_by.name if view and view.introduced_by else "", id="introduced_by"
            )
            yield Label("Knows (contacts, comma-separated; how in brackets: Sally Jones (friend))")
            yield Input(self._knows_text(), id="knows")
            with Horizontal(classes="row"):
                for kind in ("birthday", "anniversary"):
                    value = getattr(view, kind) if view else None
                    with Vertical(classes="col"):
                        yield Label(f"{kind.capitalize()} (MM-DD or YYYY-MM-DD)", markup=False)
                        yield Input(for_terminal(value.iso()) if value else "", id=kind)
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label("Keep in touch every N days (empty = ring default)")
                    yield Input(
                        "" if view is None or view.cadence_is_default else str(view.cadence_days),
                        id="cadence",
                    )
                with Vertical(classes="col"):
                    yield Label("Strength 0-5")
                    yield Input(val("strength"), id="strength")
            yield Label("Personal details (family, interests, career)")
            yield TextArea(val("details"), id="details", soft_wrap=True)
            yield Label("Notes")
            yield TextArea(val("notes"), id="notes", soft_wrap=True)
            yield Static("", id="form-error", classes="error")

    def _knows_text(self) -> str:
        """Whom the contact knows, as the field shows it: ``Sally Jones (friend), ...``."""
        if not self.contact_id:
            return ""
        from netty.services.knows import acquaintances

        return for_terminal(
            ", ".join(f"{p.name} ({p.how})" for p in acquaintances(self.contact_id))
        )

    def on_mount(self) -> None:
        self._initial = self._values()
        self.query_one("#name", Input).focus(scroll_visible=False)

    def _values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for widget in self.query("Input, TextArea, Select"):
            if isinstance(widget, Input):
                out[widget.id] = widget.value
            elif isinstance(widget, TextArea):
                out[widget.id] = widget.text
            elif isinstance(widget, Select):
                out[widget.id] = widget.value
        return out

    @property
    def dirty(self) -> bool:
        return self._values() != self._initial

    @on(Input.Changed, "#name")
    def _check_name(self, event: Input.Changed) -> None:
        error = self.query_one("#name-error", Static)
        if event.value.strip():
            error.update("")
            event.input.remove_class("invalid")
        else:
            error.update("A name is required.")
            event.input.add_class("invalid")

    @on(Input.Changed, "#cadence, #strength, #birthday, #anniversary")
    def _check_number(self, event: Input.Changed) -> None:
        key = event.input.id
        if key in ("birthday", "anniversary") and event.value == self._initial.get(key):
            self._error("")  # as stored (an imported text date too): not re-read
            event.input.remove_class("invalid")
            return
        checks = {"cadence": parse_cadence, "strength": parse_strength}
        check = checks.get(key) or (lambda text: parse_value(key, text))
        try:
            check(event.value)
        except NettyError as exc:
            self._error(str(exc))
            event.input.add_class("invalid")
        else:
            self._error("")
            event.input.remove_class("invalid")

    def _error(self, text: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(content(text))
        error.scroll_visible(animate=False)  # the form may be scrolled to its top

    def action_save(self) -> None:
        v = self._values()
        if not str(v["name"]).strip():
            self.query_one("#name-error", Static).update("A name is required.")
            self.query_one("#name", Input).add_class("invalid")
            self.query_one("#name", Input).focus(scroll_visible=False)
            return
        try:
            intro_text = str(v["introduced_by"]).strip()
            intro = resolve_contact(intro_text, archived=None) if intro_text else None
            fields = ContactFields(
                name=v["name"],
                title=v["title"],
                organization=v["organization"],
                ring=v["ring"],
                channel=None if v["channel"] is Select.NULL else v["channel"],
                emails=_split(str(v["emails"])),
                phones=_split(str(v["phones"])),
                urls=_split(str(v["urls"])),
                location=v["location"],
                tags=_split(str(v["tags"])),
                how_met=v["how_met"],
                introduced_by=intro,
                cadence_days=v["cadence"],
                strength=v["strength"],
                details=v["details"],
                notes=v["notes"],
                **{  # only when changed: an imported text date stays as it is
                    key: v[key]
                    for key in ("birthday", "anniversary")
                    if v[key] != self._initial.get(key)
                },
            )
            check_fields(fields)
            knows = None
            if v["knows"] != self._initial.get("knows"):
                knows = [
                    (resolve_contact(name, archived=None), how)
                    for name, how in parse_knows_list(str(v["knows"]))
                ]
        except NettyError as exc:
            self._error(str(exc))
            return
        now = self.app.now()
        contact_id = self.contact_id
        self.save_in_worker(lambda: _save(contact_id, fields, knows, now))

    def saved(self, result, label: str | None) -> None:
        self.app.announce_change(label)
        self.dismiss(result.id)

    def save_failed(self, error: str) -> None:
        self._error(error)

    def action_cancel(self) -> None:
        from netty.ui.dialogs.confirm import close_or_confirm

        close_or_confirm(self, self.dirty, "Discard what you typed?")
