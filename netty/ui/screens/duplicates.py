"""`M`: review possible duplicates and merge them (a backup is taken first)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from netty.dates import plural
from netty.errors import NettyError
from netty.services.duplicates import DuplicateGroup, find_duplicates, merge_contacts
from netty.ui.safe import content


class DuplicatesScreen(Screen):
    """Each group: who, why, how sure. `m` merges into the one marked keep; `k` changes it."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="dupes.back", tooltip="Back"),
        Binding(
            "m",
            "merge",
            "Merge",
            id="dupes.merge",
            tooltip="Merge the group into the contact marked keep (backup first)",
        ),
        Binding(
            "k",
            "cycle_keep",
            "Keep which",
            id="dupes.keep",
            tooltip="Choose which contact of the group is kept",
        ),
        Binding("j", "down", "Down", show=False, id="dupes.down", tooltip="Next group"),
    ]

    @dataclass
    class Found(Message):
        """Groups found by a worker."""

        groups: list[DuplicateGroup]

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[DuplicateGroup] = []
        self._keep: dict[int, int] = {}  # group index -> index of the contact kept

    def compose(self) -> ComposeResult:
        with Vertical(id="dupes-pane", classes="pane"):
            yield Static("Looking for possible duplicates…", id="dupes-summary")
            yield OptionList(id="dupes-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#dupes-pane").border_title = "Possible duplicates"
        self.query_one("#dupes-list", OptionList).focus()
        self._find()

    @work(thread=True, exclusive=True, group="dupes", exit_on_error=False)
    def _find(self) -> None:
        self.post_message(self.Found(find_duplicates()))

    def on_duplicates_screen_found(self, message: Found) -> None:
        self._groups = message.groups
        self._keep = {i: 0 for i in range(len(self._groups))}
        self.query_one("#dupes-summary", Static).update(
            f"{plural(len(self._groups), 'group')}. m merges into the one marked keep; k changes it."
            if self._groups
            else "No possible duplicates."
        )
        self._show()

    def _show(self) -> None:
        listing = self.query_one("#dupes-list", OptionList)
        keep = listing.highlighted
        listing.clear_options()
        for index, group in enumerate(self._groups):
            listing.add_option(Option(self._prompt(index, group)))
        if self._groups:
            listing.highlighted = min(keep or 0, len(self._groups) - 1)

    def _prompt(self, index: int, group: DuplicateGroup) -> Content:
        parts = [content(f"{group.score:>3}%  ", "bold $warning")]
        for i, ref in enumerate(group.contacts):
            style = "bold $success" if i == self._keep.get(index, 0) else ""
            tag = " (keep)" if i == self._keep.get(index, 0) else ""
            parts.append(content(f"{ref.name} #{ref.id}{tag}", style))
            if i < len(group.contacts) - 1:
                parts.append(Content("  ·  "))
        parts.append(content("\n      " + "; ".join(group.reasons), "$text-muted"))
        return Content("").join(parts)

    def _current(self) -> int | None:
        return self.query_one("#dupes-list", OptionList).highlighted

    def action_down(self) -> None:
        self.query_one("#dupes-list", OptionList).action_cursor_down()

    def action_cycle_keep(self) -> None:
        index = self._current()
        if index is None:
            return
        size = len(self._groups[index].contacts)
        self._keep[index] = (self._keep.get(index, 0) + 1) % size
        self._show()

    def action_merge(self) -> None:
        from netty.ui.dialogs.confirm import Confirm

        index = self._current()
        if index is None or not self._groups:
            return
        group = self._groups[index]
        keep = group.contacts[self._keep.get(index, 0)]
        others = [ref for ref in group.contacts if ref.id != keep.id]
        names = ", ".join(f"{o.name} (#{o.id})" for o in others)

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                for other in others:
                    merge_contacts(keep.id, other.id, self.app.now())
            except NettyError as exc:
                self.app.notify(content(str(exc)), severity="error")
                return
            self.app.notify(content(f"Merged {names} into {keep.name}."), title="Merged")
            self.app.data_changed()
            self._find()

        self.app.push_screen(
            Confirm(
                f"Merge {names} into {keep.name} (#{keep.id})? Everything moves to "
                f"{keep.name}; the others are archived; a backup is taken first.",
                yes="Merge",
                no="Cancel",
            ),
            answer,
        )
