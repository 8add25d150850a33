"""Log an interaction (`l`) or wrap up a meeting (`w`): kind, when, a quick note.

The note is read by the capture grammar as you type (needs:, gave:, asked:,
i owe:, they owe:, follow up WHEN, #tag, @Org) and a live preview shows what
will be recorded. The wrap-up also lists the person's open needs and both
sides' open promises, to tick off in the same save.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea
from textual.widgets.option_list import Option

from netty.dates import moment_in, parse_when
from netty.db.vocab import INTERACTION_KINDS
from netty.errors import NettyError
from netty.services.contacts import get_contact, resolve_contact
from netty.services.notes import Closing, preview_note, record_note
from netty.services.timeline import DEFAULT_KIND, needs_of, promises_of
from netty.ui.dialogs.contact_form import FormBody
from netty.ui.dialogs.saving import SavesInWorker
from netty.ui.safe import content, markup
from netty.ui.widgets.keylist import KeyList

TICKS = {None: "[ ]", "done": "[✓]", "drop": "[✗]"}
TICK_WORDS = {None: "", "done": "done", "drop": "dropped"}
NOTE_HELP = "needs: … · gave: … · asked: … · i owe: … by fri · they owe: … · follow up 2w · #tag"


class OpenItems(KeyList):
    """Open needs and promises; `space` cycles: keep, done/met, dropped."""

    BINDINGS = [
        Binding(
            "space",
            "cycle",
            "Tick",
            id="wrap.tick",
            tooltip="Cycle: keep open, done (met), dropped",
        ),
    ]

    def __init__(self, items: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = items  # (ref, label)
        self.state: dict[str, str | None] = {ref: None for ref, _label in items}

    def on_mount(self) -> None:
        self._render_all()
        if self.items:
            self.highlighted = 0

    def _prompt(self, ref: str, label: str) -> Content:
        state = self.state[ref]
        mark = content(
            TICKS[state],
            "bold $success" if state == "done" else ("bold $error" if state == "drop" else ""),
        )
        word = content(f" {TICK_WORDS[state]}" if state else "", "italic $text-muted")
        return Content("").join([mark, Content(" "), content(label), word])

    def _render_all(self) -> None:
        keep = self.highlighted
        self.clear_options()
        self.add_options([Option(self._prompt(ref, label), id=ref) for ref, label in self.items])
        if keep is not None:
            self.highlighted = keep

    def action_cycle(self) -> None:
        if self.highlighted is None:
            return
        ref, _label = self.items[self.highlighted]
        order = [None, "done", "drop"]
        self.state[ref] = order[(order.index(self.state[ref]) + 1) % len(order)]
        self._render_all()

    def closings(self) -> list[Closing]:
        return [Closing(ref, how) for ref, how in self.state.items() if how]


class LogForm(SavesInWorker, ModalScreen[int | None]):
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

    def __init__(
        self, contact_id: int, *, wrap_up: bool = False, answers: tuple[str, ...] = ()
    ) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.wrap_up = wrap_up
        self.answers = answers  # due items this log answers, done in the same save

    def compose(self) -> ComposeResult:
        name = get_contact(self.contact_id).name
        title = f"Wrap up with {name}" if self.wrap_up else f"Log with {name}"
        with FormBody(classes="dialog form") as box:
            box.border_title = content(title[:60])
            box.border_subtitle = "ctrl+s save · esc cancel"
            yield Label("Kind")
            yield Select(
                [(label, key) for key, label in INTERACTION_KINDS.items()],
                value=DEFAULT_KIND,
                allow_blank=False,
                id="kind",
            )
            yield Label("When (today, yesterday, fri, 3 days ago, dec 1, 2026-11-01 ...)")
            yield Input("now" if self.wrap_up else "today", id="when")
            yield Static("", id="when-preview", classes="hint")
            yield Label("Note: what happened, and what they need, what you gave and promised")
            yield Static(NOTE_HELP, classes="hint")
            yield TextArea("", id="summary", soft_wrap=True)
            yield Static("", id="note-preview", classes="preview")
            if self.wrap_up:
                items = self._open_items()
                yield Label("Open needs and promises (space: done / dropped)")
                if items:
                    yield OpenItems(items, id="open-items")
                else:
                    yield Static("Nothing open with them.", classes="hint")
            yield Label("Also there (names, comma-separated)")
            yield Input("", id="others", placeholder="for a group: Ann Lee, Bob")
            yield Checkbox("They started it", id="by-them")
            yield Static("", id="form-error", classes="error")

    def _open_items(self) -> list[tuple[str, str]]:
        items = []
        for n in needs_of(self.contact_id):
            if n.status == "open":
                items.append((n.ref, f"they need: {n.text}"))
        promises = [p for p in promises_of(self.contact_id) if p.status == "open"]
        for direction, who in (("i_owe", "I owe"), ("they_owe", "they owe")):
            items += [(p.ref, f"{who}: {p.text}") for p in promises if p.direction == direction]
        return items

    def on_mount(self) -> None:
        self._initial = self._snapshot()
        self._preview_when(self.query_one("#when", Input).value)
        self.query_one("#summary", TextArea).focus()

    def _snapshot(self) -> tuple:
        ticks = self.query("#open-items")
        return (
            self.query_one("#kind", Select).value,
            self.query_one("#when", Input).value,
            self.query_one("#summary", TextArea).text,
            self.query_one("#others", Input).value,
            self.query_one("#by-them", Checkbox).value,
            tuple(ticks.first(OpenItems).closings()) if ticks else (),
        )

    @on(Input.Changed, "#when")
    def _when_changed(self, event: Input.Changed) -> None:
        self._preview_when(event.value)

    def _preview_when(self, text: str) -> None:
        box = self.query_one("#when", Input)
        preview = self.query_one("#when-preview", Static)
        try:
            moment = parse_when(text, self.app.now())
        except NettyError as exc:
            preview.update(content(str(exc)))
            box.add_class("invalid")
        else:
            preview.update(markup("→ $d", d=moment_in(moment, self.app.now(), "dialog")))
            box.remove_class("invalid")

    @on(TextArea.Changed, "#summary")
    def _note_changed(self, event: TextArea.Changed) -> None:
        preview = self.query_one("#note-preview", Static)
        text = event.text_area.text
        if not text.strip():
            preview.update("")
            return
        note = preview_note(text, self.app.now(), [self.contact_id])
        lines = [line for line in note.preview() if not line.startswith("summary:")]
        if not lines:
            preview.update("")
            return
        preview.update(
            Content("\n").join(
                [
                    content("will record:", "bold $text-muted"),
                    *(content("  " + line) for line in lines),
                ]
            )
        )

    def action_save(self) -> None:
        now = self.app.now()
        try:
            moment = parse_when(self.query_one("#when", Input).value, now)
            others = [
                resolve_contact(name.strip())
                for name in self.query_one("#others", Input).value.split(",")
                if name.strip()
            ]
            ticks = self.query("#open-items")
            closings = ticks.first(OpenItems).closings() if ticks else []
        except NettyError as exc:
            self.save_failed(str(exc))
            return
        ids = [self.contact_id, *others]
        text = self.query_one("#summary", TextArea).text
        kind = str(self.query_one("#kind", Select).value)
        by_them = self.query_one("#by-them", Checkbox).value
        self.save_in_worker(
            lambda: record_note(
                ids,
                text,
                kind=kind,
                when=moment,
                by_them=by_them,
                closings=closings,
                answers=self.answers,
                now=now,
            )
        )

    def saved(self, result, label: str | None) -> None:
        self.app.announce_change(label, "Wrapped up" if self.wrap_up else "Logged")
        self.dismiss(self.contact_id)

    def save_failed(self, error: str) -> None:
        self.query_one("#form-error", Static).update(content(error))

    def action_cancel(self) -> None:
        from netty.ui.dialogs.confirm import close_or_confirm

        close_or_confirm(self, self._snapshot() != self._initial, "Discard this interaction?")
