"""The README's two opening commands stay true, and CI runs exactly the second."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash|console)?\n(.*?)\n```", text, flags=re.S)[:2]


def test_readme_opens_with_two_commands():
    install, test = readme_commands()
    assert "netty demo" in install
    assert "[test]" in test and test.rstrip().endswith("pytest")


def test_ci_runs_the_readme_test_command():
    _install, test = readme_commands()
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line and not line.startswith("#")]
    assert test.strip() in commands
