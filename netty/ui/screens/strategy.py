"""The strategy page (`S`): gap analysis and SWOT as written, the numbers beside them.

Left: where am I now, where would I like to be, the gap, how to fill it; strengths,
weaknesses, opportunities, threats (``e`` edits them, one change). Right: what the
data says (people per ring, interactions per week, gives vs asks, targets), the
channels that reach nobody with the seeds' advice, the events that brought people
at my targets, and the targets with why. On a narrow terminal the two stack.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from netty.services.strategy import FIELDS, StrategyPage, strategy_page
from netty.ui.safe import content
from netty.ui.screens.goals import targets_text
from netty.ui.widgets.keylist import scroll_bindings

GAP = ("now", "want", "gap", "fill")
SWOT = ("strengths", "weaknesses", "opportunities", "threats")


class StrategyScreen(Screen):
    """The strategy page: my words on the left, the data's on the right."""

    BINDINGS = [
        Binding(
            "escape,q", "app.pop_screen", "Back", id="strategy.back", tooltip="Back to the list"
        ),
        Binding("e", "edit", "Edit", id="strategy.edit", tooltip="Edit the gap analysis and SWOT"),
        Binding("o", "goals", "Goals", id="strategy.goals", tooltip="The goals view"),
        *scroll_bindings("strategy"),
    ]

    @dataclass
    class Loaded(Message):
        """The page, read in a worker."""

        page: StrategyPage

    def compose(self) -> ComposeResult:
        with Horizontal(id="strategy-panes"):
            with VerticalScroll(id="strategy-text", classes="pane"):
                yield Static("", id="strategy-fields")
            with VerticalScroll(id="strategy-data", classes="pane"):
                yield Static("", id="strategy-numbers")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#strategy-text").border_title = "Gap analysis and SWOT"
        self.query_one("#strategy-text").border_subtitle = "e edit"
        self.query_one("#strategy-data").border_title = "What the data says"
        self.query_one("#strategy-text").focus()
        self.reload()

    def reload(self) -> None:
        """Read the page again (after any write, ours or another netty's)."""
        self._load()

    @work(thread=True, exclusive=True, group="strategy", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.Loaded(strategy_page(self.app.now())))

    def on_strategy_screen_loaded(self, message: Loaded) -> None:
        page = message.page
        self.query_one("#strategy-fields", Static).update(_fields_text(page))
        self.query_one("#strategy-numbers", Static).update(_data_text(page))

    def action_edit(self) -> None:
        from netty.ui.dialogs.strategy_form import StrategyForm

        def done(changed: bool | None) -> None:
            if changed:
                self.app.data_changed()

        self.app.push_screen(StrategyForm(), done)

    def action_goals(self) -> None:
        from netty.ui.screens.goals import GoalsScreen

        self.app.switch_screen(GoalsScreen())

    def action_scroll_box(self, how: str) -> None:
        from netty.ui.widgets.keylist import scroll_box

        focused = self.focused
        box = focused if isinstance(focused, VerticalScroll) else self.query_one("#strategy-text")
        scroll_box(box, how)


def _fields_text(page: StrategyPage) -> Content:
    parts: list[Content] = []
    for title, keys in (("Gap analysis", GAP), ("SWOT", SWOT)):
        if parts:
            parts.append(Content(""))
        parts.append(Content.styled(title, "bold $accent"))
        for key in keys:
            heading, hint = FIELDS[key]
            parts.append(Content.styled(heading, "bold"))
            text = page.texts[key]
            if text:
                parts.append(content(text, keep_newlines=True))
            else:
                parts.append(content(f"(not written yet: {hint}; e to write)", "$text-muted"))
    return Content("\n").join(parts)


def _data_text(page: StrategyPage) -> Content:
    parts: list[Content] = [Content.styled("The numbers", "bold $accent")]
    for label, value in page.numbers.lines():
        parts.append(Content.assemble(content(f"{label}: ", "$text-muted"), content(value)))
    parts += [
        Content(""),
        Content.styled("Channels: people (ring 1/2/3) · last 90 days", "bold $accent"),
    ]
    for c in page.channels.channels:
        rings = "/".join(str(n) for n in c.rings)
        parts.append(
            Content.assemble(
                content(f"{c.label}: ", "$text-muted"),
                content(f"{c.people} ({rings}) · {c.recent}", "$text-muted" if c.no_reach else ""),
            )
        )
    no_reach = page.channels.no_reach
    parts += [Content(""), Content.styled("Channels with no reach", "bold $accent")]
    if not no_reach:
        parts.append(content("every channel reaches someone", "$text-muted"))
    for c in no_reach:
        parts.append(
            Content.assemble(content(c.label, "bold"), content(f": “{c.advice}” (seed {c.source})"))
        )
    parts += [
        Content(""),
        Content.styled("Events that brought people at my targets", "bold $accent"),
    ]
    if not page.channels.venues:
        parts.append(content("none yet", "$text-muted"))
    for v in page.channels.venues:
        who = ", ".join(name for _id, name, _org in v.people)
        parts.append(
            Content.assemble(
                content(f"{v.day.format('D MMM YYYY')} ", "$text-muted"),
                content(v.name, "bold"),
                content(f": {who}"),
            )
        )
    parts += [Content(""), targets_text(list(page.targets))]
    return Content("\n").join(parts)
