"""The main screen: contacts on the left, timeline and prep on the right."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from netty.dates import plural
from netty.services.contact_index import ContactIndex, Filter, load_index, load_page
from netty.ui.safe import content, markup
from netty.ui.widgets.contact_list import ContactList
from netty.ui.widgets.prep import PrepView
from netty.ui.widgets.timeline import TimelineList

if TYPE_CHECKING:  # loaded with the first detail, after the first frame
    from netty.services.prep import PrepSheet
    from netty.services.timeline import TimelineItem


PAINT_WAIT_SECONDS = 0.5  # the longest the full index load waits for a first page's paint


class StatusLine(Static):
    """Filter, count shown / total, and how many contacts need attention."""

    def show(
        self, shown: int, total: int, flt: Filter, sort: str, due: int, sync: str | None = None
    ) -> None:
        parts = [Content.styled(f" {shown:,} / {total:,} contacts", "bold")]
        bits = []
        if flt.text:
            bits.append(markup("filter “$t”", t=flt.text))
        if flt.ring:
            bits.append(Content(f"ring {flt.ring}"))
        if flt.tag:
            bits.append(markup("#$t", t=flt.tag))
        if flt.due_only:
            bits.append(Content("due only"))
        if flt.asked_only:
            bits.append(Content("asked of, never given to"))
        bits.append(Content(f"sorted by {sort}"))
        for bit in bits:
            parts += [Content("  ·  "), bit]
        parts += [Content("  ·  "), Content.styled(f"{due:,} due", "bold $warning" if due else "")]
        if sync:  # the vdir sync's mark: "⇅ synced 14:02" or "sync failed: ..."
            style = "" if sync.startswith("⇅") else "bold $error"
            parts += [Content("  ·  "), content(sync, style)]
        self.update(Content("").join(parts))


WELCOME_TEXT = (
    "netty keeps the people you network with: what they need, what you gave and "
    "promised, and who is overdue for a ping. Give before you get."
)
WELCOME_STEPS = (
    ("i", "import your LinkedIn connections (or a vCard, CSV or JSON file)"),
    ("a", "add someone by hand"),
    ("netty demo", "(in a shell) try it first on a demo network, in a temporary file"),
    ("?", "every key that works here;  q quits"),
)


NO_CONTACTS = "No contacts yet: press a to add one, or i to import LinkedIn."


class Welcome(Static):
    """The first-run card: what netty is for and the three ways to start."""

    def on_mount(self) -> None:
        self.border_title = "Welcome to netty"
        parts = [content(WELCOME_TEXT), Content("\n")]
        for key, what in WELCOME_STEPS:
            parts += [Content("\n"), content(f"{key:>12}  ", "bold $accent"), content(what)]
        self.update(Content("").join(parts))


class MainScreen(Screen):
    """Browse the network: j/k through contacts, / to filter, the panes follow."""

    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "filter",
            key_display="/",
            id="main.filter",
            tooltip="Filter contacts as you type",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            show=False,
            id="main.clear-filter",
            tooltip="Clear the filter and show everyone",
        ),
        Binding("a", "add", "add", id="main.add", tooltip="Add a contact"),
        Binding(
            "e", "edit", "Edit", show=False, id="main.edit", tooltip="Edit the selected contact"
        ),
        Binding("l", "log", "log", id="main.log", tooltip="Log an interaction (a quick note)"),
        Binding("p", "prep", "prep", id="main.prep", tooltip="Open the prep sheet full screen"),
        Binding(
            "c",
            "card",
            "Card",
            show=False,
            id="main.card",
            tooltip="The contact card: everything about them",
        ),
        Binding(
            "x",
            "archive",
            "Archive",
            show=False,
            id="main.archive",
            tooltip="Archive the selected contact (u undoes)",
        ),
        Binding(
            "d",
            "due",
            "due",
            id="main.due",
            tooltip="What is due now (w there: this week's queue)",
        ),
        Binding(
            "w",
            "wrap_up",
            "Wrap up",
            show=False,
            id="main.wrap-up",
            tooltip="Wrap up a meeting: log, capture, tick off",
        ),
        Binding(
            "i",
            "import",
            "Import",
            id="main.import",
            show=False,
            tooltip="Import LinkedIn, vCard, CSV or JSON",
        ),
        Binding(
            "M",
            "duplicates",
            "Duplicates",
            id="main.duplicates",
            show=False,
            key_display="M",
            tooltip="Review possible duplicates and merge them",
        ),
        Binding(
            "W",
            "paths",
            "Warm paths",
            key_display="W",
            show=False,
            id="main.paths",
            tooltip="Warm paths to their organization or them",
        ),
        Binding(
            "o",
            "goals",
            "Goals",
            show=False,
            id="main.goals",
            tooltip="Goals this week and month, with streaks; targets",
        ),
        Binding(
            "S",
            "strategy",
            "Strategy",
            key_display="S",
            show=False,
            id="main.strategy",
            tooltip="The strategy page: gap analysis, SWOT, channels and venues",
        ),
        Binding(
            "E",
            "event",
            "Event",
            key_display="E",
            show=False,
            id="main.event",
            tooltip="Event mode: everyone you met, one line each",
        ),
        Binding(
            "v",
            "progress",
            "Progress",
            show=False,
            id="main.progress",
            tooltip="Progress over six months: charts of conversations, gives and asks, reach",
        ),
        Binding(
            "L",
            "letter",
            "Update letter",
            key_display="L",
            show=False,
            id="main.letter",
            tooltip="The update letter to friends and neighbours: preview, export, mark sent",
        ),
    ]

    @dataclass
    class Loaded(Message):
        """A contact index finished loading in a worker."""

        index: ContactIndex
        keep_id: int | None
        painted: threading.Event | None = None  # set once a first page is on screen

    @dataclass
    class DetailLoaded(Message):
        """The timeline and prep sheet of one contact finished loading."""

        contact_id: int
        items: list[TimelineItem]
        sheet: PrepSheet

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box", classes="hidden"):
            yield Welcome(id="welcome")
        with Horizontal(id="panes"):
            with Vertical(id="contacts-pane", classes="pane"):
                yield Input(
                    placeholder="filter: name, org, title, email, tag, notes",
                    id="filter",
                    classes="hidden",
                )
                yield ContactList(id="contacts")
            with Vertical(id="right"):
                with Vertical(id="timeline-pane", classes="pane"):
                    yield TimelineList(id="timeline")
                with Vertical(id="prep-pane", classes="pane"):
                    yield PrepView(id="prep", brief=True)
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#contacts-pane").border_title = "Contacts"
        self.query_one("#timeline-pane").border_title = "Timeline"
        self.query_one("#prep-pane").border_title = "Prep"
        self._detail_for: int | None = None
        self.query_one(ContactList).focus()
        self._restore_preferences()
        self.reload()

    @property
    def contacts(self) -> ContactList:
        return self.query_one(ContactList)

    # ------------------------------------------------------------------ loading

    def reload(self, keep_id: int | None = None) -> None:
        """Reload the contact index in a worker; the list and the panes update when it
        arrives, the cursor on ``keep_id``. Without one, the cursor stays where a reload
        still on its way was told to put it, else where it is (a refresh for another
        netty's write never undoes the cursor of our own save)."""
        self._detail_for = None
        if keep_id is None:
            keep_id = getattr(self, "_pending_keep", None)
        if keep_id is None and self.contacts.highlighted is not None:
            keep_id = self.contacts.highlighted.id
        self._pending_keep = keep_id
        # The first load paints the first screenful from a quick query, then reads
        # everyone; a reload keeps showing the old list until the new one is whole.
        first = None if self.contacts.loaded else (self.contacts.sort, self.contacts.filter.ring)
        self._load_index(keep_id, first)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _load_index(self, keep_id: int | None, first: tuple[str, int | None] | None) -> None:
        worker = get_current_worker()
        now = self.app.now()
        if first is not None:
            page = load_page(now, sort=first[0], ring=first[1])
            if worker.is_cancelled:
                return
            painted = threading.Event()
            self.post_message(self.Loaded(page, keep_id, painted))
            # Python threads share one interpreter lock: reading everyone while the
            # first screenful is being painted would only slow that paint down.
            painted.wait(PAINT_WAIT_SECONDS)
        try:
            index = load_index(now)
        except Exception:  # shown by the app's one handler; the start-up work goes on
            self.app.call_from_thread(self.app.start_background)
            raise
        if not worker.is_cancelled:
            self.post_message(self.Loaded(index, keep_id))

    def on_main_screen_loaded(self, message: Loaded) -> None:
        if message.index.page is None:
            self._pending_keep = None
        self._index = message.index
        self.contacts.set_index(message.index, keep_id=message.keep_id)
        if message.painted is not None:
            self.call_after_refresh(message.painted.set)
        if message.index.page is None:
            self.app.start_background()  # whole: start-up work may run
        empty = not message.index.total
        was_empty = self.query_one("#panes").has_class("hidden")
        self.query_one("#welcome-box").set_class(not empty, "hidden")
        self.query_one("#panes").set_class(empty, "hidden")
        self.query_one(StatusLine).set_class(empty, "hidden")
        if was_empty and not empty:
            self.contacts.focus()

    def _restore_preferences(self) -> None:
        """The sort and ring filter chosen last time (stored in the settings table)."""
        from netty.services import settings

        prefs = settings.preferences()
        self._prefs = (prefs.sort, prefs.ring)
        self.contacts.restore(prefs.sort, prefs.ring)

    def _remember_preferences(self, sort: str, ring: int | None) -> None:
        from netty.services import settings

        if (sort, ring) == getattr(self, "_prefs", None):
            return
        if sort != self._prefs[0]:
            settings.set_preference("sort", sort, self.app.now())
        if ring != self._prefs[1]:
            settings.set_preference("ring", ring, self.app.now())
        self._prefs = (sort, ring)

    @on(ContactList.Changed)
    def _update_status(self, message: ContactList.Changed) -> None:
        self._remember_preferences(message.sort, message.filter.ring)
        if getattr(self, "_index", None) is not None:
            self._due = self._index.due_count
        self._last_change = message
        self._show_status()
        self.query_one("#contacts-pane").border_subtitle = f"{message.shown:,}"

    def set_due_count(self, count: int) -> None:
        """The reminder engine's latest count (from the app's poll)."""
        self._due = count
        self._show_status()

    def set_sync_mark(self, mark: str) -> None:
        """The vdir sync's latest outcome, for the status line (from the app's worker)."""
        self._sync_mark = mark
        self._show_status()

    def _show_status(self) -> None:
        change = getattr(self, "_last_change", None)
        if change is not None:
            self.query_one(StatusLine).show(
                change.shown,
                change.total,
                change.filter,
                change.sort,
                getattr(self, "_due", 0),
                getattr(self, "_sync_mark", None),
            )

    @on(ContactList.Highlighted)
    def _contact_highlighted(self, message: ContactList.Highlighted) -> None:
        if message.contact_id is None:
            self.query_one(TimelineList).show_items([], self.app.now())
            self.query_one(PrepView).show_sheet(None)
            self._detail_for = None
            return
        if message.contact_id != self._detail_for:
            self._detail_for = message.contact_id
            if self.contacts.loaded:
                self._load_detail(message.contact_id)
            else:  # a first page: paint the list before the panes' worker runs
                self.call_after_refresh(self._load_detail, message.contact_id)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def _load_detail(self, contact_id: int) -> None:
        from netty.services.prep import build_prep_sheet
        from netty.services.timeline import timeline

        worker = get_current_worker()
        now = self.app.now()
        items = timeline(contact_id, now)
        if worker.is_cancelled:
            return
        sheet = build_prep_sheet(contact_id, now)
        if not worker.is_cancelled:
            self.post_message(self.DetailLoaded(contact_id, items, sheet))

    def on_main_screen_detail_loaded(self, message: DetailLoaded) -> None:
        if message.contact_id != self._detail_for:
            return
        self.query_one(TimelineList).show_items(message.items, self.app.now())
        self.query_one(PrepView).show_sheet(message.sheet)
        self.query_one("#timeline-pane").border_subtitle = plural(len(message.items), "item")
        self.query_one("#prep-pane").border_subtitle = content(message.sheet.name[:40])

    def refresh_detail(self) -> None:
        if self._detail_for is not None:
            self._load_detail(self._detail_for)

    # ------------------------------------------------------------------ filter

    def action_filter(self) -> None:
        if not self.contacts.total:
            self.app.notify(NO_CONTACTS, title="Nothing to filter yet", severity="warning")
            return
        box = self.query_one("#filter", Input)
        box.remove_class("hidden")
        # Focus now, not after the keys already queued (``focus()`` waits its turn);
        # the list hands those on to the filter (``ContactList._on_key``).
        self.set_focus(box)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        f = self.contacts.filter
        self.contacts.set_filter(replace(f, text=event.value))

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.contacts.focus()
        if not event.value:
            event.input.add_class("hidden")

    def action_clear_filter(self) -> None:
        """Clear the filter (text, ring, tag and due-only) and return to the list."""
        box = self.query_one("#filter", Input)
        if self.contacts.filter.active or not box.has_class("hidden"):
            box.value = ""
            box.add_class("hidden")
            self.contacts.set_filter(Filter())
            self.contacts.focus()

    def set_filter(self, flt: Filter) -> None:
        box = self.query_one("#filter", Input)
        with box.prevent(Input.Changed):
            box.value = flt.text
        box.set_class(not flt.text, "hidden")
        self.contacts.set_filter(flt)

    # ------------------------------------------------------------------ actions

    def _selected(self) -> int | None:
        """The highlighted contact's id; otherwise say what to do first and return None."""
        row = self.contacts.highlighted
        if row is None:
            if not self.contacts.total:
                said = NO_CONTACTS
            else:
                said = "No contact matches the filter: press escape to clear it first."
            self.app.notify(said, title="Choose a contact first", severity="warning")
            return None
        return row.id

    def action_goals(self) -> None:
        from netty.ui.screens.goals import GoalsScreen

        self.app.push_screen(GoalsScreen())

    def action_strategy(self) -> None:
        from netty.ui.screens.strategy import StrategyScreen

        self.app.push_screen(StrategyScreen())

    def action_add(self) -> None:
        from netty.ui.dialogs.contact_form import ContactForm

        self.app.push_screen(ContactForm(None), self._saved)

    def action_edit(self) -> None:
        from netty.ui.dialogs.contact_form import ContactForm

        contact_id = self._selected()
        if contact_id is not None:
            self.app.push_screen(ContactForm(contact_id), self._saved)

    def action_log(self) -> None:
        from netty.ui.dialogs.log_form import LogForm

        contact_id = self._selected()
        if contact_id is not None:
            self.app.push_screen(LogForm(contact_id), self._saved)

    def _saved(self, contact_id: int | None) -> None:
        if contact_id is not None:
            self._detail_for = None
            self.reload(keep_id=contact_id)
            self.app.poll_due()

    def action_due(self) -> None:
        from netty.ui.screens.due import DueScreen

        self.app.push_screen(DueScreen())

    def action_wrap_up(self) -> None:
        from netty.ui.dialogs.log_form import LogForm

        contact_id = self._selected()
        if contact_id is not None:
            self.app.push_screen(LogForm(contact_id, wrap_up=True), self._saved)

    def action_event(self) -> None:
        from netty.ui.screens.event import EventScreen

        def saved(event_id: int | None) -> None:
            if event_id is not None:
                self.app.data_changed()

        self.app.push_screen(EventScreen(), saved)

    def action_import(self) -> None:
        from netty.ui.dialogs.import_dialog import ImportDialog

        def done(wrote: bool | None) -> None:
            if wrote:
                self.app.data_changed()

        self.app.push_screen(ImportDialog(), done)

    def action_progress(self) -> None:
        from netty.ui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def action_letter(self) -> None:
        from netty.ui.screens.letter import LetterScreen

        self.app.push_screen(LetterScreen())

    def action_duplicates(self) -> None:
        from netty.ui.screens.duplicates import DuplicatesScreen

        self.app.push_screen(DuplicatesScreen())

    @on(TimelineList.Close)
    def _close_item(self, message: TimelineList.Close) -> None:
        from netty.services.changes import last_change
        from netty.services.ledger import close_item
        from netty.services.reminders import done

        def run() -> str:
            if message.ref.startswith("r"):  # an upcoming follow-up: done
                done(message.ref, self.app.now())
            else:
                close_item(message.ref, message.how, self.app.now())
            return f"{last_change().label}. Press u to undo."

        self.app.write(run, "Updated")

    @on(TimelineList.Reopen)
    def _reopen_item(self, message: TimelineList.Reopen) -> None:
        from netty.services.items import reopen_item

        self.app.write(
            lambda: f"{reopen_item(message.ref, self.app.now())}. Press u to undo.", "Reopened"
        )

    @on(TimelineList.Delete)
    def _delete_item(self, message: TimelineList.Delete) -> None:
        from netty.services.items import delete_item

        self.app.write(
            lambda: f"{delete_item(message.ref, self.app.now())}. Press u to undo.", "Deleted"
        )

    @on(TimelineList.Edit)
    def _edit_item(self, message: TimelineList.Edit) -> None:
        from netty.ui.dialogs.item_form import ItemForm

        def saved(label: str | None) -> None:
            if label:
                self.app.notify(content(f"{label}. Press u to undo."), title="Saved")
                self.app.data_changed()

        self.app.push_screen(ItemForm(message.ref), saved)

    def action_prep(self) -> None:
        from netty.ui.screens.prep import PrepScreen

        contact_id = self._selected()
        if contact_id is not None:
            self.app.push_screen(PrepScreen(contact_id))

    def action_paths(self) -> None:
        from netty.ui.screens.paths import PathsScreen

        contact_id = self._selected()
        if contact_id is not None:
            self.app.push_screen(PathsScreen(contact_id=contact_id))

    def action_paths_to(self) -> None:
        """Ask for an organization or a person, then show the warm paths to it."""
        from netty.ui.screens.paths import PathsScreen, TargetPrompt

        def chosen(text: str | None) -> None:
            if text:
                self.app.push_screen(PathsScreen(text=text))

        self.app.push_screen(TargetPrompt(), chosen)

    def action_card(self) -> None:
        from netty.ui.screens.card import ContactCardScreen

        contact_id = self._selected()
        if contact_id is not None:
            self.app.push_screen(ContactCardScreen(contact_id))

    @on(ContactList.Chosen)
    def _contact_chosen(self, message: ContactList.Chosen) -> None:
        from netty.ui.screens.card import ContactCardScreen

        self.app.push_screen(ContactCardScreen(message.contact_id))

    def action_archive(self) -> None:
        from netty.services.contacts import archive_contact

        contact_id = self._selected()
        if contact_id is None:
            return
        rows = self.contacts.rows
        pos = self.contacts.cursor
        neighbour = (
            rows[pos + 1].id if pos + 1 < len(rows) else (rows[pos - 1].id if pos > 0 else None)
        )
        if neighbour is not None:
            self.contacts.select_id(neighbour)

        def run() -> str:
            view = archive_contact(contact_id, self.app.now())
            return f"Archived {view.name}. Press u to undo."

        self.app.write(run, "Archived")

    def jump_to(self, contact_id: int) -> None:
        """Select a contact (from the palette), clearing a filter that hides them."""
        if not self.contacts.select_id(contact_id):
            self.app.notify("That contact is not in the list (archived?).", severity="warning")
        else:
            self.set_filter(self.contacts.filter)
        self.contacts.focus()

    def show_text(self, title: str, body: str) -> None:
        from netty.ui.dialogs.detail import DetailDialog

        self.app.push_screen(DetailDialog(title, body))

    @on(TimelineList.Open)
    def _open_item(self, message: TimelineList.Open) -> None:
        self.show_text(message.item.label, message.item.detail)


__all__ = ["MainScreen", "StatusLine", "content"]
