"""The goals view (`o`): this week's and month's networking goals as bars, with streaks.

Progress comes from ``netty.services.goals`` (counted from what is logged); the
targets, organizations and people, are listed under the bars. With no goal set,
`a` accepts the defaults in one change.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar, Static

from netty.dates import plural
from netty.services.goals import GoalProgress, GoalsReport, progress
from netty.services.targets import Target, targets
from netty.ui.safe import content
from netty.ui.widgets.keylist import scroll_bindings, scroll_box


class GoalRow(Horizontal):
    """One goal: what it counts, a bar of this period's progress, the numbers and the streak."""

    def __init__(self, item: GoalProgress) -> None:
        super().__init__(classes="goal-row")
        self.item = item

    def compose(self) -> ComposeResult:
        p = self.item
        yield Label(content(f"{p.goal.label} ({p.goal.per})"), classes="goal-label")
        bar = ProgressBar(
            total=p.goal.target, show_eta=False, show_percentage=False, classes="goal-bar"
        )
        bar.progress = min(p.done, p.goal.target)
        yield bar
        done = f"{p.done} of {p.goal.target}"
        parts = [Content.styled(done, "bold $success" if p.met else "bold")]
        if p.met:
            parts.append(Content.styled(" ✓", "$success"))
        parts.append(content(f" · last {p.goal.per} {p.previous}"))
        if p.streak:
            parts.append(content(f" · streak {plural(p.streak, p.goal.per)}", "$accent"))
        yield Label(Content("").join(parts), classes="goal-numbers")


class GoalsScreen(Screen):
    """Goals for this week and month, as bars; the streak; the targets."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="goals.back", tooltip="Back to the list"),
        Binding(
            "a",
            "accept_defaults",
            "Accept defaults",
            id="goals.defaults",
            tooltip="Set the default goals: 2 coffees, 1 event, 5 pings, 2 gives a week; "
            "2 new people in ring 3 a month",
        ),
        Binding(
            "S",
            "strategy",
            "Strategy",
            key_display="S",
            id="goals.strategy",
            tooltip="The strategy page: gap analysis and SWOT",
        ),
        *scroll_bindings("goals"),
    ]

    @dataclass
    class Loaded(Message):
        """Progress and targets read in a worker."""

        report: GoalsReport
        targets: list[Target]

    def __init__(self) -> None:
        super().__init__()
        self.report: GoalsReport | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="goals-pane", classes="pane"):
            yield Static("", id="goals-summary")
            yield Vertical(id="goals-rows")
            yield Static("", id="goals-targets")
        yield Footer()

    def on_mount(self) -> None:
        pane = self.query_one("#goals-pane")
        pane.border_title = "Goals · bow and arrow, not tommy gun"
        pane.focus()
        self.reload()

    def reload(self) -> None:
        """Read progress again (after any write, ours or another netty's)."""
        self._load()

    @work(thread=True, exclusive=True, group="goals", exit_on_error=False)
    def _load(self) -> None:
        now = self.app.now()
        self.post_message(self.Loaded(progress(now), targets()))

    async def on_goals_screen_loaded(self, message: Loaded) -> None:
        self.report = message.report
        rows = self.query_one("#goals-rows", Vertical)
        await rows.remove_children()
        report = message.report
        summary = self.query_one("#goals-summary", Static)
        if report.progress:
            start = report.progress[0].start
            summary.update(
                Content.assemble(
                    Content.styled(
                        f"{report.met} of {plural(len(report.progress), 'goal')} met", "bold"
                    ),
                    content(
                        f" · week of {start.format('ddd D MMM')}"
                        if report.progress[0].goal.per == "week"
                        else ""
                    ),
                    content(" · counted from what you logged", "$text-muted"),
                )
            )
            await rows.mount_all(GoalRow(p) for p in report.progress)
        else:
            lines = [
                Content.styled("No goals yet. Press a to accept these:", "bold"),
                *(content(f"  {g.describe()}") for g in report.defaults),
                content(
                    "or set your own with `netty goals set KIND N [--per week|month]`.",
                    "$text-muted",
                ),
            ]
            summary.update(Content("\n").join(lines))
        self.query_one("#goals-targets", Static).update(targets_text(message.targets))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`a` is there only while no goal is set."""
        if action == "accept_defaults":
            return self.report is not None and not self.report.progress
        return True

    def action_accept_defaults(self) -> None:
        from netty.services.goals import accept_defaults

        def run() -> str:
            accept_defaults(self.app.now())
            return "Accepted the default goals. Press u to undo."

        self.app.write(run, "Goals")

    def action_strategy(self) -> None:
        from netty.ui.screens.strategy import StrategyScreen

        self.app.switch_screen(StrategyScreen())

    def action_scroll_box(self, how: str) -> None:
        scroll_box(self.query_one("#goals-pane", VerticalScroll), how)


def targets_text(found: list[Target]) -> Content:
    """The targets under the bars: organizations, then people, each with why."""
    head = Content.styled("Targets", "bold $accent")
    if not found:
        return Content("\n").join(
            [
                head,
                content(
                    "none yet: `netty target ORG`, or `netty target --person NAME`", "$text-muted"
                ),
            ]
        )
    lines = [head]
    for t in found:
        parts = [
            content(t.name, "bold"),
            content(f" ({t.detail})" if t.detail else "", "$text-muted"),
        ]
        if t.note:
            parts.append(content(f": {t.note}"))
        lines.append(Content.assemble(content("  ● " if t.kind == "person" else "  ◆ "), *parts))
    return Content("\n").join(lines)
