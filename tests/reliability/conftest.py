"""The reliability trials reuse the CLI tests' in-process runner."""

from tests.cli.conftest import run  # noqa: F401
