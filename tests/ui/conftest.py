"""UI fixtures: an app over a temp database, with the clock fixed."""

from __future__ import annotations

import pendulum
import pytest
from textual.worker import WorkerState

from netty.services.contacts import ContactFields, add_contact
from netty.services.demo import load_demo
from netty.ui.app import NettyApp

SIZE = (120, 36)


@pytest.fixture
def make_app(db, now):
    """Build a NettyApp over the test database (empty unless the test fills it)."""

    def build() -> NettyApp:
        return NettyApp(str(db), now=lambda: now)

    return build


@pytest.fixture
def demo_app(db, now, make_app):
    load_demo(now)
    return make_app()


@pytest.fixture
def evil_app(db, now, make_app):
    """Contacts whose names are markup and terminal escapes."""
    for name in EVIL_NAMES:
        add_contact(ContactFields(name=name, organization=name, title=name, details=name), now)
    return make_app()


EVIL_NAMES = [
    "[bold red]Eve[/]",
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=file:///etc/passwd]x[/link]",
]


async def settle(pilot) -> None:
    """Let workers finish, the workers their results start finish too, and the screen
    repaint: done when three pauses in a row find no worker running or waiting.

    One worker's answer often starts another (the list loads, the highlight moves,
    the detail pane loads), so waiting a fixed number of rounds made pictures depend
    on the machine's speed: under load the pane behind a dialog was sometimes filled.
    """
    quiet = 0
    for _ in range(50):
        await pilot.pause()
        busy = [
            w for w in pilot.app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        ]
        if busy:
            quiet = 0
            await pilot.app.workers.wait_for_complete(busy)
        else:
            quiet += 1
            if quiet == 3:
                return


def screen_text(app) -> str:
    """What the user sees, as plain text (the exported SVG's text)."""
    import html
    import re

    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg.split("</style>", 1)[-1])
    return html.unescape(text).replace("\xa0", " ")


_ = pendulum


def notices(app) -> list[str]:
    """The text of the notifications on screen (toasts may wrap in the SVG)."""
    return [str(getattr(n.message, "plain", n.message)) for n in app._notifications]


def opened(tmp_path) -> list[str]:
    """The URLs the app opened (through $BROWSER, see tests/conftest.py), in order."""
    path = tmp_path / "opened.txt"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []
