"""Warm paths, full screen: who can get me to an organization or a person.

Opened with `W` on the main screen (the selected contact's organization, or the
contact when they have none; `t` switches between the two) or from the palette
("paths: warm paths to…", which asks for a target). The search runs in a worker;
the screen says what it is doing, shows the ranked routes with their reasons and
asks, or where to position myself when there is no route: never an empty screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, Static

from netty.errors import NettyError
from netty.services.paths import Paths, Target, person_target, resolve_target, routes_to
from netty.ui.safe import content
from netty.ui.widgets.keylist import scroll_bindings, scroll_box


def render_paths(paths: Paths) -> Content:
    """The answer as styled lines: the target, then each route (chain, reason, ask),
    or the advice when there is no route. All user text is literal."""
    t = paths.target
    parts = [content(f"Warm paths to {t.label}", "bold")]
    if t.is_target:
        parts.append(content(", a target", "bold $accent"))
    parts.append(Content("\n"))
    if not paths.routes:
        for line in paths.advice:
            parts += [Content("\n"), content("  • "), content(line)]
        return Content("").join(parts)
    for number, route in enumerate(paths.routes, 1):
        chain = " → ".join(["you", *(h.name for h in route.hops)])
        steps = "1 step" if route.steps == 1 else f"{route.steps} steps"
        parts += [
            Content("\n"),
            content(f"{number}. {chain}", "bold"),
            content(f"  {steps} · score {route.score:.2f}", "$text-muted"),
            Content("\n   "),
            content(route.reason),
            Content("\n   "),
            content(route.ask, "$warning" if route.give_first else "$accent"),
            Content("\n"),
        ]
    return Content("").join(parts)


class PathsScreen(Screen):
    """Ranked warm routes to one target; `t` switches organization / person."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="paths.back", tooltip="Back to the list"),
        *scroll_bindings("paths"),
        Binding(
            "t",
            "switch",
            "Org / person",
            id="paths.switch",
            tooltip="Switch between the contact and their organization",
        ),
        Binding(
            "slash",
            "ask_target",
            "Other target",
            key_display="/",
            id="paths.other",
            tooltip="Warm paths to another organization or person",
        ),
    ]

    @dataclass
    class Found(Message):
        """The search finished: ``paths`` or the one-line ``problem``."""

        paths: Paths | None
        problem: str = ""
        switch_to: Target | None = None  # the other target `t` shows

    def __init__(self, *, contact_id: int | None = None, text: str | None = None) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.text = text
        self._other: Target | None = None
        self._showing: Target | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="paths-full", classes="pane") as box:
            box.border_title = "Warm paths · who can get you there"
            yield Static(id="paths-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#paths-full").focus()
        self._search(None)

    def _say(self, body: Content) -> None:
        self.query_one("#paths-body", Static).update(body)

    def _search(self, target: Target | None) -> None:
        what = target.label if target else (self.text or "the selected contact")
        self._say(content(f"Looking for warm paths to {what}…", "$text-muted"))
        self._find(target)

    @work(thread=True, exclusive=True, group="paths", exit_on_error=False)
    def _find(self, target: Target | None) -> None:
        """Resolve the target and search, in a thread; post what was found."""
        now = self.app.now()
        other = None
        try:
            if target is None and self.contact_id is not None:
                person = person_target(self.contact_id)
                if person.organization:
                    target, other = resolve_target(person.organization), person
                else:
                    target = person
            elif target is None:
                target = resolve_target(self.text or "")
            elif self._showing is not None:
                other = self._showing
            found = routes_to(target, now)
        except NettyError as exc:
            self.post_message(self.Found(None, str(exc)))
            return
        self.post_message(self.Found(found, switch_to=other))

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.paths is None:
            self._say(
                Content("").join(
                    [
                        content(message.problem, "$error"),
                        Content("\n\n"),
                        content("Press / to name an organization or a person.", "$text-muted"),
                    ]
                )
            )
            return
        self._showing = message.paths.target
        self._other = message.switch_to
        self._say(render_paths(message.paths))

    def action_switch(self) -> None:
        if self._other is None:
            self.notify("Only one target here: the contact has no organization.", timeout=3)
            return
        self._search(self._other)

    def action_ask_target(self) -> None:
        def chosen(text: str | None) -> None:
            if text:
                self.contact_id, self.text = None, text
                self._other = self._showing = None
                self._search(None)

        self.app.push_screen(TargetPrompt(), chosen)

    def action_scroll_box(self, how: str) -> None:
        scroll_box(self.query_one("#paths-full", VerticalScroll), how)


class TargetPrompt(ModalScreen[str | None]):
    """Ask which organization or person to find warm paths to; enter goes, escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="target.cancel", tooltip="Close without searching")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(content("Warm paths to… (an organization or a person)"))
            yield Input(placeholder="XYZ Corp, or Sally Jones", id="target-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
