"""`L`: the update letter to friends and neighbours, one preview per recipient.

The list on the left is who gets it (the default selection: rings 1 and 2 met as
family or friends and neighbours); the right shows the selected person's letter
exactly as it will be sent. `x` writes one ``.eml`` per recipient into a folder in
your home folder, `o` opens the letter in your mail program (a ``mailto:`` link),
`y` copies it, `e` edits the template, `S` marks the update sent (an email logged with everyone, the next
reminder in six weeks: one change, `u` undoes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from netty.dates import plural
from netty.services import update_letter
from netty.services.update_letter import Draft, Selection
from netty.ui.safe import content
from netty.ui.widgets.keylist import KeyList


class RecipientList(KeyList):
    """Who gets the letter; moving the cursor previews theirs."""


class LetterScreen(Screen):
    """Preview each personalised letter before sending it."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="letter.back", tooltip="Back"),
        Binding("e", "edit_template", "Edit template", id="letter.edit", tooltip="Edit what every letter says: where I am, what I look for, the ask, the offer"),
        Binding("x", "export", "Export .eml", id="letter.export", tooltip="Write one .eml per recipient into a folder in your home folder"),
        Binding("o", "open_mail", "Open in mail", id="letter.open", tooltip="Open this letter in your mail program (mailto:)"),
        Binding("y", "copy", "Copy", id="letter.copy", tooltip="Copy this letter to the clipboard"),
        Binding("S", "sent", "Mark sent", key_display="S", id="letter.sent", tooltip="Log an email with everyone and remind me of the next update in six weeks"),
    ]  # fmt: skip

    @dataclass
    class Loaded(Message):
        """The letters, from a worker."""

        draft: Draft

    def __init__(self, selection: Selection | None = None) -> None:
        super().__init__()
        self.selection = selection or Selection()
        self._draft: Draft | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="letter-panes"):
            with Vertical(id="letter-people", classes="pane"):
                yield RecipientList(id="letter-list")
            with VerticalScroll(id="letter-preview", classes="pane"):
                yield Static("", id="letter-head")
                yield Static("", id="letter-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RecipientList).focus()
        self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="letter", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.Loaded(update_letter.draft(self.selection, self.app.now())))

    def on_letter_screen_loaded(self, message: Loaded) -> None:
        self._draft = message.draft
        people = self.query_one("#letter-people")
        people.border_title = f"{plural(len(message.draft.letters), 'recipient')}"
        people.border_subtitle = content(message.draft.selection.describe())
        listing = self.query_one(RecipientList)
        keep = listing.highlighted
        listing.clear_options()
        for index, letter in enumerate(message.draft.letters):
            mark = "" if letter.email else "  (no email)"
            listing.add_option(Option(content(f"{letter.name}{mark}"), id=str(index)))
        if not message.draft.letters:
            listing.add_option(
                Option(content("Nobody matches: set rings and channels on people"), disabled=True)
            )
        elif keep is None or keep >= len(message.draft.letters):
            listing.highlighted = 0
        else:
            listing.highlighted = keep
        self._preview()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview()

    def _current(self):
        if self._draft is None:
            return None
        index = self.query_one(RecipientList).highlighted
        if index is None or not 0 <= index < len(self._draft.letters):
            return None
        return self._draft.letters[index]

    def _preview(self) -> None:
        letter = self._current()
        preview = self.query_one("#letter-preview")
        head = self.query_one("#letter-head", Static)
        body = self.query_one("#letter-body", Static)
        if letter is None:
            head.update("")
            body.update("")
            return
        preview.border_title = content(f"Letter to {letter.first_name}")
        missing = self._draft.missing if self._draft else ()
        preview.border_subtitle = (
            content("template blank: " + ", ".join(missing) + " (e edits it)") if missing else ""
        )
        to = (
            f"{letter.name} <{letter.email}>"
            if letter.email
            else f"{letter.name} (no email: send it another way)"
        )
        head.update(content(f"To: {to}\nSubject: {letter.subject}", keep_newlines=True))
        body.update(content(letter.body, keep_newlines=True))

    def action_edit_template(self) -> None:
        from netty.ui.dialogs.letter_form import LetterTemplateForm

        def saved(label: str | None) -> None:
            if label:
                self.app.announce_change(label)
                self.reload()

        self.app.push_screen(LetterTemplateForm(), saved)

    def action_export(self) -> None:
        if not self._draft or not self._draft.letters:
            return
        folder = Path.home() / f"netty-update-{self.app.now().to_date_string()}"
        self._export(self._draft, folder)

    @work(thread=True, exclusive=True, group="letter-export", exit_on_error=False)
    def _export(self, draft: Draft, folder: Path) -> None:
        from netty.errors import NettyError

        try:
            paths = update_letter.write_eml(draft.letters, folder, self.app.now())
        except NettyError as exc:
            self.app.call_from_thread(
                self.notify, content(str(exc)), title="Not written", severity="warning"
            )
            return
        text = f"Wrote {plural(len(paths), 'letter')} to {folder}"
        self.app.call_from_thread(self.notify, content(text), title="Exported")

    def action_open_mail(self) -> None:
        letter = self._current()
        if letter is None:
            return
        if not letter.email:
            self.notify(content(f"{letter.name} has no email address"), severity="warning")
            return
        self.app.open_url(update_letter.mailto(letter))

    def action_copy(self) -> None:
        letter = self._current()
        if letter is not None:
            self.app.copy_to_clipboard(f"Subject: {letter.subject}\n\n{letter.body}")
            self.notify(content(f"Copied the letter to {letter.first_name}"), title="Copied")

    def action_sent(self) -> None:
        if not self._draft or not self._draft.letters:
            return
        from netty.ui.dialogs.confirm import Confirm

        count = len(self._draft.letters)
        question = (
            f"Log an email with {plural(count, 'person', 'people')} and remind you of the "
            "next update in six weeks?"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                selection, now = self.selection, self.app.now()

                def run() -> str:
                    done = update_letter.mark_sent(selection, now)
                    return (
                        f"Sent the update to {plural(done.count, 'person', 'people')}; "
                        f"next one on {done.next_at.to_date_string()}. Press u to undo."
                    )

                self.app.write(run, "Update sent")

        self.app.push_screen(Confirm(question, yes="Mark sent", no="Not yet"), answered)
