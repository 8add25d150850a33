"""The prep pane: a thin view over ``PrepSheet`` from the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from netty.ui.safe import content, hanging

if TYPE_CHECKING:  # loaded with the first detail, after the first frame
    from netty.services.prep import PrepSheet

BULLET = "  • "
BRIEF_LINES = 2  # the side pane shows each line in at most this many rows


def render_sheet(sheet: PrepSheet | None, width: int = 0, *, brief: bool = False) -> Content:
    """The sheet as styled text; every piece of user text stays literal.

    Bullets that wrap keep a hanging indent at ``width`` cells. ``brief`` (the side
    pane) shortens a long line between words to ``BRIEF_LINES`` rows, ending in "…";
    the full sheet (`p`) and ``--markdown`` never cut. Overdue lines are marked.
    """
    if sheet is None:
        return Content.styled("No contact selected.", "italic $text-muted")
    parts: list[Content] = [
        content(sheet.name, "bold $text"),
        Content("\n"),
        content(sheet.headline, "$text-muted"),
        Content("\n"),
    ]
    room = max(8, width - len(BULLET)) if width > 0 else 0
    cut = False
    for section in sheet.sections:
        parts.append(Content("\n"))
        parts.append(content(section.title, "bold $accent"))
        parts.append(Content("\n"))
        for index, line in enumerate(section.lines):
            text = line
            if brief and room and len(text) > room * BRIEF_LINES:
                text, cut = _shorten(text, room * BRIEF_LINES), True
            body = content(text, "bold $error" if index in section.overdue else "")
            parts.append(
                hanging(Content(BULLET), body, width) if width > 0 else Content(BULLET) + body
            )
            parts.append(Content("\n"))
    if cut:
        parts.append(
            Content.styled("\nShortened here: p shows the whole sheet.", "italic $text-muted")
        )
    return Content("").join(parts)


def _shorten(text: str, limit: int) -> str:
    """``text`` cut between words to at most ``limit`` characters, ending in "…"."""
    head = text[: limit - 1]
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:") + "…"


class PrepView(Static):
    """Who they are, what to remember, what they need, what each side owes.

    ``brief`` views (the side pane) shorten long lines; the full screen never does.
    """

    def __init__(self, *args, brief: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.brief = brief
        self._sheet: PrepSheet | None = None

    def show_sheet(self, sheet: PrepSheet | None) -> None:
        self._sheet = sheet
        self.update(render_sheet(sheet, self._width(), brief=self.brief))

    def on_resize(self) -> None:
        self.update(render_sheet(self._sheet, self._width(), brief=self.brief))

    def _width(self) -> int:
        return self.content_region.width or self.size.width
