"""`?`: every key of the focused pane and of the whole app, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from netty.ui.safe import content
from netty.ui.widgets.keylist import scroll_bindings, scroll_box


def _key_label(app, key: str, display: str | None) -> str:
    return display or app.get_key_display(Binding(key, ""))


class HelpScreen(ModalScreen[None]):
    """The keys that work right now, grouped by where they come from."""

    BINDINGS = [
        Binding(
            "escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close help"
        ),
        *scroll_bindings("help"),
    ]

    def __init__(self, groups: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self._groups = groups

    @classmethod
    def for_focus(cls, app) -> HelpScreen:
        """Collect bindings from the focused widget up to the app, in that order."""
        screen = app.screen
        chain = []
        node = screen.focused
        while node is not None and node is not screen:
            chain.append(node)
            node = node.parent
        chain += [screen, app]
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        seen: set[str] = set()
        names = {
            "ContactList": "Contacts pane",
            "TimelineList": "Timeline pane",
            "MainScreen": "Main screen",
            "PrepScreen": "Prep sheet",
            "ContactCardScreen": "Contact card",
            "DueScreen": "Due view",
            "NettyApp": "Everywhere",
            "Input": "Text box",
            "TextArea": "Text box",
        }
        for node in chain:
            by_action: dict[str, tuple[list[str], str]] = {}
            for key, bindings in node._bindings.key_to_bindings.items():
                for b in bindings:
                    if not b.description or (b.system and b.action != "quit"):
                        continue
                    label = _key_label(app, key, b.key_display if key == b.key else None)
                    keys, what = by_action.setdefault(b.action, ([], b.tooltip or b.description))
                    if b.id and b.tooltip:  # our own wording wins over Textual's default
                        by_action[b.action] = (keys, b.tooltip)
                    if label not in keys:
                        keys.append(label)
            rows = []
            for action, (keys, what) in by_action.items():
                if action in seen:
                    continue
                seen.add(action)
                rows.append((" / ".join(keys), what))
            if rows:
                title = names.get(type(node).__name__, "This pane")
                groups.append((title, rows))
        return cls(groups)

    def compose(self) -> ComposeResult:
        # Two columns: the focused pane's keys on the left, the screen's and the app's
        # on the right, so every key fits on a 120x36 screen without scrolling.
        left, right = self._groups[:1], self._groups[1:]
        with VerticalScroll(classes="dialog help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "esc close"
            with Horizontal(classes="help-columns"):
                yield Static(self._column(left), classes="help-column")
                if right:
                    yield Static(self._column(right), classes="help-column")

    @staticmethod
    def _column(groups: list[tuple[str, list[tuple[str, str]]]]) -> Content:
        parts: list[Content] = []
        for title, rows in groups:
            parts.append(content(title, "bold $accent"))
            parts.append(Content("\n"))
            for key, what in rows:
                parts.append(content(f"{key:>12}  ", "bold"))
                parts.append(content(what))
                parts.append(Content("\n"))
            parts.append(Content("\n"))
        return Content("").join(parts)

    def action_scroll_box(self, how: str) -> None:
        scroll_box(self.query_one(VerticalScroll), how)

    def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
