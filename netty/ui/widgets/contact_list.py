"""The contact list: a Line API ``ScrollView`` that paints only the visible rows.

Rows are ``IndexRow`` tuples held in memory; filtering and sorting never build
a widget per contact, so the list stays instant at 50,000 contacts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import compress, count, repeat
from operator import eq, itemgetter

import pendulum
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netty.dates import ago
from netty.services.contact_index import (
    ARCHIVED,
    PING_OVERDUE,
    PROMISE_DUE,
    SORTS,
    ContactIndex,
    Filter,
    IndexRow,
    apply_filter,
    rank_matches,
    sort_rows,
)
from netty.ui.safe import plain

RING_WIDTH = 4
LAST_WIDTH = 15
MARK_WIDTH = 3


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (with an ellipsis when cut)."""
    from rich.cells import cell_len, set_cell_size

    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def _position(rows: list[IndexRow], contact_id: int, default: int | None) -> int | None:
    """Where the contact ``contact_id`` is in ``rows`` (a scan in C), else ``default``."""
    ids = map(itemgetter(0), rows)
    return next(compress(count(), map(eq, ids, repeat(contact_id))), default)


class ContactList(ScrollView, can_focus=True, inherit_bindings=False):
    """Everyone, sorted by who needs attention; `/` filters as you type."""

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="list.down", tooltip="Next contact"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="list.up", tooltip="Previous contact"),
        Binding("g,home", "jump('top')", "Top", show=False, id="list.top", tooltip="First contact"),
        Binding(
            "G,end",
            "jump('bottom')",
            "Bottom",
            show=False,
            id="list.bottom",
            tooltip="Last contact",
        ),
        Binding(
            "pagedown,ctrl+d",
            "page(1)",
            "Page down",
            show=False,
            id="list.page-down",
            tooltip="One screen down",
        ),
        Binding(
            "pageup,ctrl+u",
            "page(-1)",
            "Page up",
            show=False,
            id="list.page-up",
            tooltip="One screen up",
        ),
        Binding(
            "s",
            "cycle_sort",
            "Sort",
            show=False,
            id="list.sort",
            tooltip="Sort by attention, name or last contact",
        ),
        Binding(
            "r",
            "cycle_ring",
            "Ring",
            show=False,
            id="list.ring",
            tooltip="Show ring 1, 2, 3 or all",
        ),
        Binding(
            "exclamation_mark",
            "toggle_due",
            "Due only",
            key_display="!",
            show=False,
            id="list.due",
            tooltip="Show only contacts that need attention",
        ),
        Binding(
            "enter",
            "choose",
            "Card",
            show=False,
            id="list.card",
            tooltip="The contact card: everything about them",
        ),
        Binding(
            "b",
            "toggle_asked",
            "Asked of",
            show=False,
            id="list.asked",
            tooltip="Only people I have asked of and never given to: offer first",
        ),
    ]

    COMPONENT_CLASSES = {
        "contact-list--cursor",
        "contact-list--overdue",
        "contact-list--owed",
        "contact-list--dim",
        "contact-list--header",
    }

    DEFAULT_CSS = """
    ContactList {
        overflow-x: hidden;
    }
    """

    sort: reactive[str] = reactive("attention")

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another contact (or to none)."""

        contact_id: int | None

    @dataclass
    class Chosen(Message):
        """`enter` on a contact: show everything about them."""

        contact_id: int

    @dataclass
    class Changed(Message):
        """What is shown changed: the filter, the sort or the data."""

        shown: int
        total: int
        filter: Filter
        sort: str

    async def _on_key(self, event: events.Key) -> None:
        """Keys typed in one burst straight after ``/`` (a fast typist, a paste, tmux)
        belong to the filter. They are all queued here before the screen's ``/``
        binding would run (bindings run when a key has bubbled up to the app), so the
        list opens the filter itself, at once, and hands the keys queued behind ``/``
        to whatever has focus now; as list keys they would sort (``s``) or open a
        form (``a``)."""
        focused = self.screen.focused
        if focused is not None and focused is not self:
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        if event.key == "slash" and hasattr(self.screen, "action_filter"):
            event.stop()
            event.prevent_default()
            await self.run_action("screen.filter")
            return
        await super()._on_key(event)

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self._index: ContactIndex | None = None
        self._base: list[IndexRow] = []  # all rows, in the current sort
        self._matched: list[IndexRow] = []  # rows matching the filter, in the sort order
        self._rows: list[IndexRow] = []  # rows shown: the matches, name matches first
        self._filter = Filter()
        self._cursor = 0
        self._now: pendulum.DateTime | None = None
        self._ago_cache: dict[str | None, str] = {}

    # ------------------------------------------------------------------ data

    @property
    def filter(self) -> Filter:
        return self._filter

    @property
    def rows(self) -> list[IndexRow]:
        return self._rows

    @property
    def cursor(self) -> int:
        return self._cursor

    @property
    def total(self) -> int:
        """How many contacts there are (known from a first page already)."""
        if self._index is not None and self._index.page is not None:
            return self._index.page.total
        return len(self._base)

    @property
    def loaded(self) -> bool:
        """Whether the whole index is in (not only a first page)."""
        return self._index is not None and self._index.page is None

    def _shown(self) -> int:
        """How many rows the view has: a first page knows the count it stands for."""
        page = self._index.page if self._index is not None else None
        if page is not None and self._filter == Filter(ring=page.ring) and self.sort == page.sort:
            return max(page.shown, len(self._rows))
        return len(self._rows)

    @property
    def highlighted(self) -> IndexRow | None:
        if 0 <= self._cursor < len(self._rows):
            return self._rows[self._cursor]
        return None

    def set_index(self, index: ContactIndex, keep_id: int | None = None) -> None:
        """Show a freshly loaded index, keeping the cursor on ``keep_id`` when it is there."""
        keep = keep_id if keep_id is not None else getattr(self.highlighted, "id", None)
        self._index = index
        self._now = index.now
        self._ago_cache.clear()
        self._base = (
            sort_rows(index.rows, self.sort) if self.sort != "attention" else list(index.rows)
        )
        self._refilter(full=True, keep_id=keep)

    def restore(self, sort: str, ring: int | None) -> None:
        """Start with a saved sort and ring filter (before the first index arrives)."""
        self.set_reactive(ContactList.sort, sort)
        self._filter = replace(self._filter, ring=ring)

    def empty_message(self) -> str:
        """What the list says when the filter hides everyone."""
        if self._filter.text:
            return f"No contact matches “{plain(self._filter.text)}”. escape clears the filter."
        return "No contact matches this filter. escape clears it."

    def set_filter(self, flt: Filter) -> None:
        """Narrow (or widen) what is shown."""
        narrowing = flt.narrows(self._filter)
        self._filter = flt
        self._refilter(full=not narrowing)

    def _refilter(self, *, full: bool, keep_id: int | None = None) -> None:
        if keep_id is None:
            keep_id = getattr(self.highlighted, "id", None)
        source = self._base if full else self._matched
        self._matched = apply_filter(source, self._filter)
        self._rows = rank_matches(self._matched, self._filter.text)
        self._cursor = 0
        if keep_id is not None:
            self._cursor = _position(self._rows, keep_id, 0)
        self.virtual_size = Size(self.size.width, self._shown() + 1)
        self._scroll_cursor_into_view(animate=False)
        self.refresh()
        self.post_message(self.Changed(self._shown(), self.total, self._filter, self.sort))
        self.post_message(self.Highlighted(getattr(self.highlighted, "id", None)))

    def watch_sort(self, sort: str) -> None:
        if self._index is None:
            return
        self._base = sort_rows(self._index.rows, sort)
        self._refilter(full=True)

    # ------------------------------------------------------------------ actions

    def action_cursor(self, delta: int) -> None:
        self.move_to(self._cursor + delta)

    def action_jump(self, where: str) -> None:
        self.move_to(0 if where == "top" else len(self._rows) - 1)

    def action_page(self, direction: int) -> None:
        self.move_to(self._cursor + direction * max(1, self.scrollable_content_region.height - 2))

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def action_cycle_ring(self) -> None:
        rings = (None, 1, 2, 3)
        nxt = rings[(rings.index(self._filter.ring) + 1) % len(rings)]
        self.set_filter(replace(self._filter, ring=nxt))

    def action_choose(self) -> None:
        row = self.highlighted
        if row is not None:
            self.post_message(self.Chosen(row.id))

    def action_toggle_due(self) -> None:
        f = self._filter
        self.set_filter(replace(f, due_only=not f.due_only))

    def action_toggle_asked(self) -> None:
        f = self._filter
        self.set_filter(replace(f, asked_only=not f.asked_only))

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and tell the screen."""
        if not self._rows:
            return
        index = max(0, min(len(self._rows) - 1, index))
        if index == self._cursor:
            return
        old = self._cursor
        self._cursor = index
        self._refresh_row(old)
        self._refresh_row(index)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self._rows[index].id))

    def select_id(self, contact_id: int) -> bool:
        """Move the cursor to a contact; clears the filter if it hides them."""
        found = _position(self._rows, contact_id, None)
        if found is not None:
            self.move_to(found)
            return True
        if self._filter.active:
            self._filter = Filter()
            self._refilter(full=True, keep_id=contact_id)
            return self.highlighted is not None and self.highlighted.id == contact_id
        return False

    def _refresh_row(self, index: int) -> None:
        y = index + 1 - int(self.scroll_offset.y)  # +1 for the header line
        self.refresh(Region(0, y, self.size.width, 1))

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        height = self.scrollable_content_region.height - 1
        top = int(self.scroll_offset.y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=animate)
        elif height > 0 and self._cursor >= top + height:
            self.scroll_to(y=self._cursor - height + 1, animate=animate)

    async def _on_click(self, event: events.Click) -> None:
        row = event.y - 1 + int(self.scroll_offset.y)
        if event.y >= 1 and 0 <= row < len(self._rows):
            self.move_to(row)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self._shown() + 1)

    # ------------------------------------------------------------------ painting

    def _columns(self, width: int) -> tuple[int, int]:
        rest = width - MARK_WIDTH - RING_WIDTH - LAST_WIDTH - 3
        if rest < 24:
            return max(8, rest), 0  # narrow: name only
        name = max(14, rest * 9 // 20)
        return name, rest - name

    def _ago(self, last_at: str | None) -> str:
        cached = self._ago_cache.get(last_at)
        if cached is None:
            if last_at is None or self._now is None:
                cached = "never"
            else:
                from netty.db.fields import from_utc_text

                cached = ago(from_utc_text(last_at), self._now)
            self._ago_cache[last_at] = cached
        return cached

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        name_w, org_w = self._columns(width)
        if y == 0:
            header = self.get_component_rich_style("contact-list--header")
            text = (
                " " * MARK_WIDTH
                + _fit("Name", name_w)
                + " "
                + (_fit("Title · Organization", org_w) + " " if org_w else "")
                + _fit("Ring", RING_WIDTH)
                + " "
                + _fit("Last contact", LAST_WIDTH)
            )
            return Strip([Segment(_fit(text, width), base + header)], width)
        index = y - 1 + int(self.scroll_offset.y)
        if index == 0 and not self._rows and self._base:
            dim = base + self.get_component_rich_style("contact-list--dim")
            return Strip([Segment(_fit("   " + self.empty_message(), width), dim)], width)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        style = base
        if index == self._cursor:
            style = base + self.get_component_rich_style("contact-list--cursor")
            if not self.has_focus:
                style += Style(dim=False)
        mark, mark_style = "  ", style
        if row.flags & PROMISE_DUE:
            mark, mark_style = "◆ ", style + self.get_component_rich_style("contact-list--owed")
        elif row.flags & PING_OVERDUE:
            mark, mark_style = "● ", style + self.get_component_rich_style("contact-list--overdue")
        elif row.flags & ARCHIVED:
            mark = "× "
        dim = style + self.get_component_rich_style("contact-list--dim")
        if index == self._cursor:
            dim = style
        segments = [
            Segment(" " + mark, mark_style),
            Segment(_fit(plain(row.name), name_w) + " ", style),
        ]
        if org_w:
            segments.append(Segment(_fit(plain(row.org_title), org_w) + " ", dim))
        segments.append(Segment(_fit(f" {row.ring}", RING_WIDTH) + " ", dim))
        segments.append(Segment(_fit(self._ago(row.last_at), LAST_WIDTH), style))
        strip = Strip(segments)
        return strip.adjust_cell_length(width, style)
