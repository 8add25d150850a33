"""Write the README's screenshots from the demo network with a fixed clock.

    python -m tests.ui.make_screenshots

Uses a temporary database; NETTY_NOW is fixed so the pictures are reproducible.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

import pendulum

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "screenshots"
NOW = "2026-11-23T10:00:00+00:00"
SIZE = (120, 36)

SHOTS = {
    "main": ("j", "j"),
    "prep": ("j", "j", "p"),
    "help": ("question_mark",),
    "add-form": ("a",),
    "log-form": ("j", "j", "l", *"Coffee at Heart; she is hiring a researcher"),
    "filter": ("slash", *"health"),
    "due": ("d",),
    "week": ("d", "w"),
    "card": ("slash", *"sally", "enter", "enter"),
    "progress": ("v",),
    "letter": ("L",),
    "edit-item": ("slash", *"sally", "enter", "tab", "j", "e"),
    "paths": ("slash", *"hannah", "enter", "W"),
    "goals": ("o",),
    "strategy": ("S",),
    "event": (
        "E",
        *"Rotary breakfast",
        "tab",
        "tab",
        "tab",
        "tab",
        *"Sally Jones @XYZ Corp, VP Engineering needs: a UX designer",
        "enter",
        *"Priya Ramen, Researcher i owe: intro to Sally Jones by fri",
    ),
}


async def shoot(name: str, keys: tuple[str, ...], now: pendulum.DateTime) -> None:
    from netty.ui.app import NettyApp

    app = NettyApp("demo.db", now=lambda: now)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        app.clear_notifications()
        for widget in app.screen.query("Input, TextArea"):
            widget.cursor_blink = False  # the same picture every time
        await pilot.pause()
        app.save_screenshot(f"{name}.svg", path=str(OUT))


def main() -> None:
    os.environ["NETTY_NOW"] = NOW
    from netty.db import close_database, open_database
    from netty.services.demo import load_demo

    now = pendulum.parse(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        open_database(Path(tmp) / "demo.db", now)
        load_demo(now)
        OUT.mkdir(exist_ok=True)
        for name, keys in SHOTS.items():
            asyncio.run(shoot(name, keys, now))
            print(f"wrote screenshots/{name}.svg")
        close_database()


if __name__ == "__main__":
    main()
