"""`v`: progress over the last six months, as charts drawn in the terminal.

Two bar charts (textual-plotext: conversations in person and online; gives and
asks) and three sparklines (Textual's own: people reached in each ring), per week
or (`b`) per month, over the figures of ``netty.services.progress``. Colours come
from the theme's variables, so a theme change recolours the charts. `r` shows the
month's review, `L` the update letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, Sparkline, Static
from textual_plotext import PlotextPlot

from netty.dates import plural
from netty.services.progress import Stats, stats
from netty.ui.safe import content

TICKS = 4  # x labels shown on a chart (more would collide at 80 columns)


class ProgressChart(PlotextPlot):
    """A bar chart of per-period series, coloured from the app's theme."""

    def show(
        self,
        title: str,
        labels: list[str],
        series: list[tuple[str, list[int], str]],
        *,
        stacked: bool,
    ) -> None:
        """Draw ``series`` (name, values, theme variable) over ``labels`` (one per period)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(title)
        xs = list(range(1, len(labels) + 1))
        colors = [self._color(variable) for _, _, variable in series]
        names = [name for name, _, _ in series]
        values = [list(v) for _, v, _ in series]
        if stacked:
            plt.stacked_bar(xs, values, labels=names, color=colors, width=0.6)
        else:
            plt.multiple_bar(xs, values, labels=names, color=colors, width=0.8)
        step = max(1, len(labels) // TICKS)
        ticks = list(range(0, len(labels), step))
        plt.xticks([xs[i] for i in ticks], [_short(labels[i]) for i in ticks])
        if stacked:
            top = max((sum(column) for column in zip(*values, strict=True)), default=0)
        else:
            top = max((max(v, default=0) for v in values), default=0)
        top = max(4, top + (-top % 2))  # an even top: three whole-number ticks
        plt.ylim(0, top)
        plt.yticks([0, top // 2, top], ["0", str(top // 2), str(top)])
        self.refresh()

    def _color(self, variable: str) -> tuple[int, int, int]:
        value = self.app.theme_variables.get(variable) or self.app.theme_variables["foreground"]
        return Color.parse(value).rgb


def _short(label: str) -> str:
    """'2026-W47' -> 'W47', '2026-11' -> 'Nov'."""
    if "-W" in label:
        return label.split("-")[1]
    import calendar

    _year, month = label.split("-")
    return calendar.month_abbr[int(month)]


class ProgressScreen(Screen):
    """Six months of networking as charts; escape returns."""

    BINDINGS = [
        Binding(
            "escape,q", "app.pop_screen", "Back", id="progress.back", tooltip="Back to the list"
        ),
        Binding(
            "b",
            "toggle_by",
            "Week/month",
            id="progress.by",
            tooltip="Show the figures per week or per calendar month",
        ),
        Binding("r", "review", "Review", id="progress.review", tooltip="This month's review"),
        Binding(
            "L",
            "letter",
            "Update letter",
            key_display="L",
            id="progress.letter",
            tooltip="The update letter to friends and neighbours: preview, export, mark sent",
        ),
    ]

    @dataclass
    class Loaded(Message):
        """The figures, from a worker."""

        stats: Stats

    def __init__(self, by: str = "month") -> None:
        super().__init__()
        self.by = by

    def compose(self) -> ComposeResult:
        with Vertical(id="progress-pane", classes="pane"):
            yield Static("", id="progress-summary")
            with Horizontal(id="progress-charts"):
                yield ProgressChart(id="chart-talks")
                yield ProgressChart(id="chart-giving")
            with Vertical(id="progress-reach"):
                for ring in (1, 2, 3):
                    with Horizontal(classes="reach-row"):
                        yield Label("", id=f"reach-label-{ring}", classes="reach-label")
                        yield Sparkline([], id=f"reach-{ring}", classes=f"reach-ring-{ring}")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#progress-pane").focus()
        self.reload()

    def reload(self) -> None:
        self._load(self.by)

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False)
    def _load(self, by: str) -> None:
        self.post_message(self.Loaded(stats(self.app.now(), by=by)))

    def on_progress_screen_loaded(self, message: Loaded) -> None:
        result = message.stats
        if result.by != self.by:
            return
        pane = self.query_one("#progress-pane")
        first = result.periods[0]
        pane.border_title = (
            f"Progress · per {result.by} · {first.start.format('MMM D, YYYY')} to now"
        )
        t = result.totals
        reached = sum(t.reached_by_ring)
        kept = t.kept_on_time + t.kept_late
        self.query_one("#progress-summary", Static).update(
            Content.assemble(
                (plural(t.interactions, "conversation"), "bold"),
                f" ({t.in_person} in person) · reached ",
                (plural(reached, "person", "people"), "bold"),
                " · gave ",
                (str(t.gives), "bold"),
                ", asked ",
                (str(t.asks), "bold"),
                " · kept ",
                (plural(kept, "promise"), "bold"),
                f" ({t.kept_late} late) · {t.kept_to_me} kept to me · "
                f"{plural(t.thanks_sent, 'thank-you')} · "
                f"{plural(t.needs_met_helped, 'need')} met with my help",
            )
        )
        labels = [p.label for p in result.periods]
        self.query_one("#chart-talks", ProgressChart).show(
            f"Conversations per {result.by}",
            labels,
            [
                ("in person", [p.in_person for p in result.periods], "primary"),
                ("online", [p.online for p in result.periods], "secondary"),
            ],
            stacked=True,
        )
        self.query_one("#chart-giving", ProgressChart).show(
            f"Gives and asks per {result.by}",
            labels,
            [
                ("gives", [p.gives for p in result.periods], "success"),
                ("asks", [p.asks for p in result.periods], "warning"),
            ],
            stacked=False,
        )
        for ring in (1, 2, 3):
            values = [p.reached_by_ring[ring - 1] for p in result.periods]
            self.query_one(f"#reach-{ring}", Sparkline).data = values
            self.query_one(f"#reach-label-{ring}", Label).update(
                content(f"reached in ring {ring}: {t.reached_by_ring[ring - 1]:>4}")
            )

    def action_toggle_by(self) -> None:
        self.by = "month" if self.by == "week" else "week"
        self.reload()

    def action_review(self) -> None:
        from netty.services.review import monthly_review, review_lines
        from netty.ui.dialogs.detail import DetailDialog

        review = monthly_review(None, self.app.now())
        lines = review_lines(review)
        month = review.figures.start.format("MMMM YYYY")
        self.app.push_screen(DetailDialog(f"Review of {month}", "\n".join(lines[2:])))

    def action_letter(self) -> None:
        from netty.ui.screens.letter import LetterScreen

        self.app.push_screen(LetterScreen())
