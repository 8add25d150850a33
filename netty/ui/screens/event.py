"""`E`: event mode. Name, date, venue, channel; then one line per person met."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.option_list import Option

from netty.dates import parse_when, plural
from netty.db.vocab import CHANNELS
from netty.errors import NettyError
from netty.services.candidates import Candidate, candidates
from netty.services.events import PersonLine, read_people, record_event
from netty.ui.dialogs.contact_form import FormBody
from netty.ui.safe import content
from netty.ui.widgets.keylist import SwitchList

ASK = -1  # a line whose name matches several contacts: the person must choose
EXAMPLE = "Sally Jones @XYZ Corp, VP Engineering #rotary needs: a UX designer; i owe: the article"


class PeoplePreview(SwitchList):
    """Who each line is: a new contact or an existing one; `space` switches."""

    BINDINGS = [
        Binding(
            "space",
            "switch",
            "New / existing",
            id="event.switch",
            tooltip="Switch between a new contact and a matching existing one",
        ),
    ]


class EventScreen(ModalScreen[int | None]):
    """ctrl+s saves the event and everyone in one transaction; escape asks first."""

    AUTO_FOCUS = ""  # on_mount focuses the name without scrolling past its label

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="event.save", tooltip="Save the event and people"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="event.cancel",
            tooltip="Close without saving (asks if something was typed)",
        ),
    ]

    @dataclass
    class Read(Message):
        """The lines, read in a worker."""

        text: str
        people: list[PersonLine]
        error: str
        found: dict[int, Candidate] = field(default_factory=dict)

    def __init__(self) -> None:
        super().__init__()
        self._people: list[PersonLine] = []
        self._choice: dict[int, int | None] = {}  # line_no -> contact id, None (new) or ASK
        self._found: dict[int, Candidate] = {}
        self._read_for = ""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with FormBody(classes="dialog form event") as box:
            box.border_title = "Event mode"
            box.border_subtitle = "ctrl+s save · esc cancel"
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label("Event")
                    yield Input(id="event-name", placeholder="Rotary breakfast")
                with Vertical(classes="col"):
                    yield Label("When")
                    yield Input("today", id="event-when")
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label("Venue")
                    yield Input(id="event-venue")
                with Vertical(classes="col"):
                    yield Label("Channel")
                    yield Select(
                        [(label, key) for key, label in CHANNELS.items()],
                        value="business-event",
                        allow_blank=False,
                        id="event-channel",
                    )
            yield Label("People met, one per line: NAME @ORG, TITLE #tag needs: … i owe: …")
            yield Static(content(f"e.g. {EXAMPLE}"), classes="hint")
            yield TextArea("", id="event-people", soft_wrap=True)
            yield Label("Who they are (space: new contact / existing one)")
            yield PeoplePreview(id="event-preview")
            yield Static("", id="form-error", classes="error")

    def on_mount(self) -> None:
        self.query_one("#event-name", Input).focus(scroll_visible=False)
        self._initial = self._snapshot()

    def _snapshot(self) -> tuple:
        return (
            self.query_one("#event-name", Input).value,
            self.query_one("#event-when", Input).value,
            self.query_one("#event-venue", Input).value,
            self.query_one("#event-people", TextArea).text,
        )

    # ------------------------------------------------------------------ preview

    @on(TextArea.Changed, "#event-people")
    def _people_changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.25, self._read_now)

    def _read_now(self) -> None:
        self._read(self.query_one("#event-people", TextArea).text)

    @work(thread=True, exclusive=True, group="event-read", exit_on_error=False)
    def _read(self, text: str) -> None:
        try:
            people, error = read_people(text, self.app.now()), ""
        except NettyError as exc:
            people, error = [], str(exc)
        self.post_message(self.Read(text, people, error, _found(people)))

    def on_event_screen_read(self, message: Read) -> None:
        self._read_for = message.text
        self._found = message.found
        self.query_one("#form-error", Static).update(content(message.error))
        old = {p.line_no: p for p in self._people}
        self._people = message.people
        choice = {}
        for person in self._people:
            before = old.get(person.line_no)
            if before is not None and before.name == person.name:
                choice[person.line_no] = self._choice.get(person.line_no)
            else:
                choice[person.line_no] = ASK if person.ambiguous else person.suggested
        self._choice = choice
        self._render_preview()

    def _render_preview(self) -> None:
        preview = self.query_one(PeoplePreview)
        keep = preview.highlighted
        preview.clear_options()
        for person in self._people:
            preview.add_option(Option(self._prompt(person)))
        if self._people:
            preview.highlighted = min(keep or 0, len(self._people) - 1)

    def _prompt(self, person: PersonLine) -> Content:
        chosen = self._choice.get(person.line_no)
        matches = dict(person.exact + person.close)
        tz = self.app.now().tz or "UTC"
        if chosen == ASK:
            parts = [
                content(
                    f"? {person.name} matches {len(matches)} contacts: space to choose",
                    "bold $warning",
                )
            ]
            for cid in matches:
                if cid in self._found:
                    parts.append(Content("\n    "))
                    parts.append(content(self._found[cid].describe(tz), "$text-muted"))
            return Content("").join(parts)
        if chosen is not None:
            head = content(
                f"= {matches.get(chosen, person.name)} (#{chosen}, existing)", "bold $success"
            )
        else:
            head = content(f"+ {person.name} (new)", "bold $accent")
        bits = [x for x in (person.organization, person.title) if x]
        parts = [head]
        if bits:
            parts.append(content("  " + " · ".join(bits), "$text-muted"))
        if chosen is None and matches:
            names = ", ".join(f"{n} (#{c})" for c, n in matches.items())
            parts.append(content(f"  close to {names}: space to use", "italic $warning"))
        for line in person.preview:
            parts.append(content("\n    " + line))
        return Content("").join(parts)

    def on_switch_list_switched(self, message: PeoplePreview.Switched) -> None:
        if not 0 <= message.index < len(self._people):
            return
        person = self._people[message.index]
        options = [None, *dict(person.exact + person.close)]
        current = self._choice.get(person.line_no)
        if current == ASK:
            current = None  # the first press picks the first candidate
        self._choice[person.line_no] = options[(options.index(current) + 1) % len(options)]
        self._render_preview()

    # ------------------------------------------------------------------ actions

    def action_save(self) -> None:
        text = self.query_one("#event-people", TextArea).text
        if text != self._read_for:  # read what is there now, then save
            try:
                people = read_people(text, self.app.now())
            except NettyError as exc:
                self.query_one("#form-error", Static).update(content(str(exc)))
                return
            self.on_event_screen_read(self.Read(text, people, "", _found(people)))
        undecided = [p for p in self._people if self._choice.get(p.line_no) == ASK]
        if undecided:
            first = undecided[0]
            self.query_one("#form-error", Static).update(
                content(
                    f"line {first.line_no}: {first.name} matches several contacts; "
                    "highlight the line below and press space to choose who it is"
                )
            )
            return
        now = self.app.now()
        try:
            when = parse_when(self.query_one("#event-when", Input).value, now)
            event_id, _lines = record_event(
                self.query_one("#event-name", Input).value,
                when=when,
                venue=self.query_one("#event-venue", Input).value,
                channel=str(self.query_one("#event-channel", Select).value),
                people=[(p, self._choice.get(p.line_no)) for p in self._people],
                now=now,
            )
        except NettyError as exc:
            self.query_one("#form-error", Static).update(content(str(exc)))
            return
        self.app.notify(
            content(f"Saved the event and {plural(len(self._people), 'person', 'people')}."),
            title="Event saved",
        )
        self.dismiss(event_id)

    def action_cancel(self) -> None:
        from netty.ui.dialogs.confirm import close_or_confirm

        close_or_confirm(self, self._snapshot() != self._initial, "Discard this event?")


def _found(people: list[PersonLine]) -> dict[int, Candidate]:
    """Organization, title and last contact of every contact the lines may be."""
    return {c.id: c for c in candidates(cid for p in people for cid in p.candidate_ids)}
