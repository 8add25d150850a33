"""`i`: import a file (LinkedIn, vCard, CSV, JSON) with progress, then the report."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, ProgressBar, Select, Static

from netty.dates import plural
from netty.errors import NettyError
from netty.services.importers import FORMATS, import_file
from netty.services.importers.report import ImportReport
from netty.ui.dialogs.contact_form import FormBody
from netty.ui.safe import content

LABELS = {
    "linkedin": "LinkedIn Connections.csv",
    "vcard": "vCard (.vcf) from a phone or address book",
    "csv": "CSV: Google, Outlook, or any with a column map",
    "json": "netty JSON export (into an empty database)",
}


class ImportDialog(ModalScreen[bool]):
    """ctrl+s imports (in a worker); escape closes. Returns whether anything was written."""

    BINDINGS = [
        Binding("ctrl+s", "start", "Import", id="import.start", tooltip="Import the file"),
        Binding("escape", "close", "Close", id="import.close", tooltip="Close"),
    ]

    @dataclass
    class Progress(Message):
        """Records processed so far."""

        done: int
        total: int

    @dataclass
    class Finished(Message):
        """The import's report, or the reason it was refused."""

        report: ImportReport | None
        error: str

    def __init__(self) -> None:
        super().__init__()
        self._wrote = False
        self._importing = False

    def compose(self) -> ComposeResult:
        with FormBody(classes="dialog form import") as box:
            box.border_title = "Import"
            box.border_subtitle = "ctrl+s import · esc close"
            yield Label("Format")
            yield Select(
                [(LABELS.get(f, f), f) for f in FORMATS],
                value="linkedin",
                allow_blank=False,
                id="import-format",
            )
            yield Label("File (path)")
            yield Input(id="import-path", placeholder="~/Downloads/Connections.csv")
            yield Label("CSV column map, only for other CSVs: name=Full Name,email=E-mail")
            yield Input(id="import-map")
            yield Checkbox("Dry run: report what would happen, write nothing", id="import-dry")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static("", id="import-report")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def action_start(self) -> None:
        if self._importing:
            return
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.query_one("#import-report", Static).update("Type the path of the file.")
            return
        mapping = self.query_one("#import-map", Input).value.strip() or None
        fmt = str(self.query_one("#import-format", Select).value)
        self._importing = True
        self.query_one("#import-report", Static).update("Importing…")
        self._import(fmt, path, mapping, self.query_one("#import-dry", Checkbox).value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_start()

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, fmt: str, path: str, mapping: str | None, dry_run: bool) -> None:
        def progress(done: int, total: int) -> None:
            self.post_message(self.Progress(done, total))

        try:
            report = import_file(
                fmt,
                path,
                self.app.now(),
                dry_run=dry_run,
                mapping=mapping if fmt == "csv" else None,
                progress=progress,
            )
        except NettyError as exc:
            self.post_message(self.Finished(None, str(exc)))
        else:
            self.post_message(self.Finished(report, ""))

    def on_import_dialog_progress(self, message: Progress) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(1, message.total), progress=message.done)

    def on_import_dialog_finished(self, message: Finished) -> None:
        self._importing = False
        out = self.query_one("#import-report", Static)
        if message.report is None:
            out.update(content(f"Refused: {message.error}"))
            return
        r = message.report
        self._wrote = self._wrote or (not r.dry_run and (r.created or r.merged) > 0)
        lines = [
            f"{'Would import' if r.dry_run else 'Imported'} {r.source}: "
            f"{r.created} created, {r.merged} merged ({r.unchanged} unchanged), "
            f"{len(r.skipped)} skipped, {plural(len(r.warnings), 'warning')}, "
            f"{plural(len(r.possible_duplicates), 'possible duplicate')}.",
        ]
        lines += [f"skipped record {s['record']}: {s['reason']}" for s in r.skipped[:8]]
        lines += [f"warning: {w}" for w in r.warnings[:8]]
        lines += [f"possible duplicate: {d['name']}" for d in r.possible_duplicates[:8]]
        if r.possible_duplicates and not r.dry_run:
            lines.append("Review them with M on the main screen (or `netty duplicates`).")
        if r.backup:
            lines.append(f"backup taken first: {r.backup}")
        out.update(content("\n".join(lines), keep_newlines=True))
        self.query_one(ProgressBar).update(total=1, progress=1)

    def action_close(self) -> None:
        if not self._importing:
            self.dismiss(self._wrote)
