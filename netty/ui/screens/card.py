"""The contact card (`enter` or `c` on a contact): everything about them on one screen."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from netty.services.card import CardLine, ContactCard, contact_card
from netty.ui.safe import content

LABEL_WIDTH = 14


class CardList(OptionList):
    """The card's lines under their headings; the cursor picks what `y` copies and `o` opens."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="card.down", tooltip="Next line"),
        Binding("k", "cursor_up", "Up", show=False, id="card.up", tooltip="Previous line"),
        Binding("g", "first", "Top", show=False, id="card.top", tooltip="First line"),
        Binding("G", "last", "Bottom", show=False, id="card.bottom", tooltip="Last line"),
    ]


class ContactCardScreen(Screen):
    """Every email, phone, URL, tag, note, follow-up, need and promise of one contact."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="card.back", tooltip="Back to the list"),
        Binding(
            "y",
            "copy",
            "Copy",
            id="card.copy",
            tooltip="Copy the selected value to the clipboard",
        ),
        Binding(
            "o",
            "open",
            "Open",
            id="card.open",
            tooltip="Open the selected email, phone or web address",
        ),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.card: ContactCard | None = None
        self._lines: list[CardLine] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="card-pane", classes="pane"):
            yield Static("", id="card-headline")
            yield CardList(id="card-list")
        yield Footer()

    def on_mount(self) -> None:
        self.show_card(contact_card(self.contact_id, self.app.now()))
        self.query_one(CardList).focus()

    def show_card(self, card: ContactCard) -> None:
        """Lay out ``card``: a heading per section, one option per line."""
        self.card = card
        pane = self.query_one("#card-pane")
        pane.border_title = content(card.contact.name)
        pane.border_subtitle = "y copy · o open · esc back"
        self.query_one("#card-headline", Static).update(content(card.headline, "$text-muted"))
        listing = self.query_one(CardList)
        keep = listing.highlighted
        listing.clear_options()
        self._lines = []
        options: list[Option] = []
        for section in card.sections:
            options.append(Option(Content.styled(section.title, "bold $accent"), disabled=True))
            for line in section.lines:
                options.append(Option(self._prompt(line), id=str(len(self._lines))))
                self._lines.append(line)
        listing.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        listing.highlighted = keep if keep is not None and keep < len(options) else first

    def on_resize(self) -> None:
        if self.card is not None:
            self.show_card(self.card)

    def _prompt(self, line: CardLine) -> Content:
        width = max(20, self.app.size.width - LABEL_WIDTH - 6)
        rows = [
            wrapped
            for row in line.text.split("\n")
            for wrapped in (textwrap.wrap(row, width) or [""])
        ]
        indent = "\n" + " " * (LABEL_WIDTH + 1)
        body = Content(indent).join(content(row) for row in rows)
        style = "underline" if line.url else ""
        return Content.assemble(
            content(f"{line.label:>{LABEL_WIDTH}} ", "$text-muted"),
            body.stylize(style) if style else body,
        )

    @property
    def selected(self) -> CardLine | None:
        """The line under the cursor (None on a heading or an empty card)."""
        listing = self.query_one(CardList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return self._lines[int(option.id)] if option.id is not None else None

    def action_copy(self) -> None:
        line = self.selected
        if line is None or not line.copy:
            self.app.notify("Nothing to copy on this line.", severity="warning")
            return
        self.app.copy_to_clipboard(line.copy)
        self.app.notify(content(f"Copied {line.label}: {line.copy}"), title="Copied")

    def action_open(self) -> None:
        line = self.selected
        if line is None or line.url is None:
            self.app.notify(
                "Nothing to open here: pick an email, phone or web address.", severity="warning"
            )
            return
        self.app.open_url(line.url)
        self.app.notify(content(f"Opening {line.url}"), title="Open")
