"""`M`: review possible duplicates, one pair at a time, and merge them field by field.

Each pair shows both sides with organization, title, emails and last contact.
`m` (or enter) opens the merge: every field the two fill differently is listed,
and `space` chooses which value stays. `o` swaps which contact is kept. A backup
is taken before each merge.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from netty.errors import NettyError
from netty.services.candidates import Candidate
from netty.services.duplicates import (
    FieldConflict,
    Pair,
    find_pairs,
    merge_conflicts,
    merge_contacts,
)
from netty.ui.safe import content
from netty.ui.widgets.keylist import KeyList, SwitchList


def side(label: str, person: Candidate, style: str, tz) -> Content:
    """One side of a pair: name and id, then title, organization, emails, last contact."""
    bits = [", ".join(x for x in (person.title, person.organization) if x)]
    bits.append(", ".join(person.emails))
    bits.append(
        f"last contact {person.last_contact.in_tz(tz).to_date_string()}"
        if person.last_contact
        else "never contacted"
    )
    return Content("").join(
        [
            content(f"{label:<6}", "$text-muted"),
            content(f"{person.name} #{person.id}", style),
            content("  " + " · ".join(b for b in bits if b), "$text-muted"),
        ]
    )


class DuplicatesScreen(Screen):
    """Each pair: who, why, how sure. `m` merges (field by field); `o` keeps the other."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="dupes.back", tooltip="Back"),
        Binding(
            "m,enter",
            "merge",
            "Merge",
            key_display="m",
            id="dupes.merge",
            tooltip="Merge this pair, choosing field by field (backup first)",
        ),
        Binding(
            "o",
            "swap",
            "Keep other",
            id="dupes.other",
            tooltip="Keep the other contact of the pair instead",
        ),
    ]

    @dataclass
    class Found(Message):
        """Pairs found by a worker."""

        pairs: list[Pair]

    def __init__(self) -> None:
        super().__init__()
        self._pairs: list[Pair] = []
        self._swapped: set[int] = set()  # pair indexes whose second contact is kept

    def compose(self) -> ComposeResult:
        with Vertical(id="dupes-pane", classes="pane"):
            yield Static("Looking for possible duplicates…", id="dupes-summary")
            yield KeyList(id="dupes-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#dupes-pane").border_title = "Possible duplicates"
        self.query_one("#dupes-list", OptionList).focus()
        self._find()

    @work(thread=True, exclusive=True, group="dupes", exit_on_error=False)
    def _find(self) -> None:
        self.post_message(self.Found(find_pairs()))

    def on_duplicates_screen_found(self, message: Found) -> None:
        self._pairs = message.pairs
        self._swapped = set()
        count = len(self._pairs)
        self.query_one("#dupes-summary", Static).update(
            f"{count} possible duplicate {'pair' if count == 1 else 'pairs'}. "
            "m merges one pair, field by field; o keeps the other one."
            if count
            else "No possible duplicates."
        )
        self._show()

    def kept(self, index: int) -> tuple[Candidate, Candidate]:
        """(kept, merged into it) for a pair."""
        pair = self._pairs[index]
        if index in self._swapped:
            return pair.second, pair.first
        return pair.first, pair.second

    def _show(self) -> None:
        listing = self.query_one("#dupes-list", OptionList)
        keep = listing.highlighted
        listing.clear_options()
        for index, pair in enumerate(self._pairs):
            listing.add_option(Option(self._prompt(index, pair)))
        if self._pairs:
            listing.highlighted = min(keep or 0, len(self._pairs) - 1)

    def _prompt(self, index: int, pair: Pair) -> Content:
        tz = self.app.now().tz or "UTC"
        kept, other = self.kept(index)
        return Content("\n").join(
            [
                Content("").join(
                    [
                        content(f"{pair.score:>3}% ", "bold $warning"),
                        content("; ".join(pair.reasons), "$text-muted"),
                    ]
                ),
                Content("     ") + side("keep", kept, "bold $success", tz),
                Content("     ") + side("merge", other, "", tz),
            ]
        )

    def _current(self) -> int | None:
        index = self.query_one("#dupes-list", OptionList).highlighted
        return index if index is not None and index < len(self._pairs) else None

    def action_swap(self) -> None:
        index = self._current()
        if index is None:
            return
        self._swapped ^= {index}
        self._show()

    @on(OptionList.OptionSelected, "#dupes-list")
    def _selected(self) -> None:
        self.action_merge()

    def action_merge(self) -> None:
        index = self._current()
        if index is None:
            return
        kept, other = self.kept(index)
        try:
            conflicts = merge_conflicts(kept.id, other.id)
        except NettyError as exc:
            self.app.notify(content(str(exc)), severity="error")
            return

        def answer(take: list[str] | None) -> None:
            if take is None:
                return
            try:
                result = merge_contacts(kept.id, other.id, self.app.now(), take=take)
            except NettyError as exc:
                self.app.notify(content(str(exc)), severity="error")
                return
            said = "; ".join(
                f"{c.field}: {'took' if c.kept == 'other' else 'kept'} {c.kept_value}"
                for c in result.conflicts
            )
            self.app.notify(
                content(
                    f"Merged {other.name} (#{other.id}) into {kept.name} (#{kept.id})."
                    + (f" {said}." if said else "")
                ),
                title="Merged",
            )
            self.app.data_changed()
            self._find()

        self.app.push_screen(MergeDialog(kept, other, conflicts), answer)


class FieldChoices(SwitchList):
    """One line per differing field; `space` switches which value stays."""

    BINDINGS = [
        Binding(
            "space",
            "switch",
            "Switch",
            id="merge.switch",
            tooltip="Keep the other value of this field",
        ),
    ]


class MergeDialog(ModalScreen[list[str] | None]):
    """Merge OTHER into KEPT; returns the fields whose OTHER value wins, or None."""

    BINDINGS = [
        Binding("ctrl+s,m", "merge", "Merge", id="merge.go", tooltip="Merge now (backup first)"),
        Binding("escape,q", "cancel", "Cancel", id="merge.cancel", tooltip="Don't merge"),
    ]

    def __init__(
        self, kept: Candidate, other: Candidate, conflicts: tuple[FieldConflict, ...]
    ) -> None:
        super().__init__()
        self.kept = kept
        self.other = other
        self.conflicts = list(conflicts)
        self.take: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog merge") as box:
            box.border_title = "Merge"
            box.border_subtitle = "space switch · m merge · esc cancel"
            yield Label(
                content(
                    f"Everything of {self.other.name} (#{self.other.id}) moves to "
                    f"{self.kept.name} (#{self.kept.id}); #{self.other.id} is archived."
                )
            )
            if self.conflicts:
                yield Label("Where they differ, the value in bold stays (space switches):")
                yield FieldChoices(id="merge-fields")
            else:
                yield Label("No field differs: nothing to choose.")

    def on_mount(self) -> None:
        if self.conflicts:
            self._show()
            self.query_one(FieldChoices).focus()

    def _show(self) -> None:
        listing = self.query_one(FieldChoices)
        keep = listing.highlighted
        listing.clear_options()
        for conflict in self.conflicts:
            other_wins = conflict.field in self.take
            listing.add_option(
                Option(
                    Content("").join(
                        [
                            content(f"{conflict.field:<14}", "$text-muted"),
                            content(
                                conflict.keep_value,
                                "$text-muted strike" if other_wins else "bold $success",
                            ),
                            Content("  |  "),
                            content(
                                conflict.other_value,
                                "bold $success" if other_wins else "$text-muted strike",
                            ),
                        ]
                    )
                )
            )
        listing.highlighted = min(keep or 0, len(self.conflicts) - 1)

    def on_switch_list_switched(self, message: FieldChoices.Switched) -> None:
        field = self.conflicts[message.index].field
        self.take ^= {field}
        self._show()

    @on(OptionList.OptionSelected, "#merge-fields")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.on_switch_list_switched(FieldChoices.Switched(event.option_index))

    def action_merge(self) -> None:
        self.dismiss(sorted(self.take))

    def action_cancel(self) -> None:
        self.dismiss(None)
