"""The layers point one way: ui -> services -> db. Domain code never loads textual or rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import netty.db
import netty.services

DOMAIN_MODULES = sorted(
    {"netty.clock", "netty.dates", "netty.paths", "netty.errors", "netty.db", "netty.db.models"}
    | {f"netty.services.{m.name}" for m in pkgutil.iter_modules(netty.services.__path__)}
    | {f"netty.db.{m.name}" for m in pkgutil.iter_modules(netty.db.__path__) if not m.ispkg}
)


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_does_not_load_the_ui_toolkit(module):
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} loads {result.stdout.strip()} {result.stderr}"
