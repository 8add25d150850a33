"""The prep pane: a thin view over ``PrepSheet`` from the services."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from netty.services.prep import PrepSheet
from netty.ui.safe import content


def render_sheet(sheet: PrepSheet | None) -> Content:
    """The sheet as styled text; every piece of user text stays literal."""
    if sheet is None:
        return Content.styled("No contact selected.", "italic $text-muted")
    parts: list[Content] = [
        content(sheet.name, "bold $text"),
        Content("\n"),
        content(sheet.headline, "$text-muted"),
        Content("\n"),
    ]
    for section in sheet.sections:
        parts.append(Content("\n"))
        parts.append(content(section.title, "bold $accent"))
        parts.append(Content("\n"))
        for line in section.lines:
            parts.append(Content("  • "))
            parts.append(content(line))
            parts.append(Content("\n"))
    return Content("").join(parts)


class PrepView(Static):
    """Who they are, what to remember, what they need, what each side owes."""

    def show_sheet(self, sheet: PrepSheet | None) -> None:
        self.update(render_sheet(sheet))
