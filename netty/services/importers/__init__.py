"""Bringing a network in: LinkedIn, vCard, CSV, and netty's own JSON export.

``import_file(fmt, path, now)`` is the one entry point the CLI and the app use.
It reads and decodes the file (``sources``: encodings, binary and ZIP refusal),
parses it with the reader for ``fmt`` (``linkedin``, ``vcard``, ``csvfile``,
``jsonrestore``), and writes the result in one transaction (``apply``), after
an automatic backup. Anything refused raises ``InvalidInput`` before a single
row is written, and the database is left as it was.

What becomes a contact (``record.build_record``): a LinkedIn row with a first
or last name; any other record with a person's name, an organization name or
an email address, named by whichever is present. A record with only a phone
number, or nothing, is skipped with that reason; group cards are skipped; a
completely empty row is ignored without a report line. How duplicates are
merged is described in ``apply``.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pendulum

from netty.errors import InvalidInput
from netty.services.importers import apply, csvfile, jsonrestore, linkedin, sources, vcard
from netty.services.importers.record import MAX_LINE_CHARS, MAX_NOTE_CHARS
from netty.services.importers.report import ImportReport

FORMATS = ("linkedin", "vcard", "csv", "json")

Progress = Callable[[int, int], None]


def import_file(
    fmt: str,
    path: str | Path,
    now: pendulum.DateTime,
    *,
    dry_run: bool = False,
    mapping: str | None = None,
    progress: Progress | None = None,
    backup: bool = True,
) -> ImportReport:
    """Import ``path`` as ``fmt``; with ``dry_run`` report what would happen and write nothing.

    ``mapping`` is the CSV ``--map`` text; ``progress(done, total)`` is called as
    records are processed; ``backup`` takes the automatic backup first (tests
    may turn it off).
    """
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown import format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if mapping is not None and fmt != "csv":
        raise InvalidInput("--map is for `netty import csv` only")
    path = Path(path).expanduser()
    text, warnings = sources.read_text(path)
    return import_text(
        fmt,
        text,
        now,
        name=path.name,
        warnings=warnings,
        dry_run=dry_run,
        mapping=mapping,
        progress=progress,
        backup=backup,
    )


def import_text(
    fmt: str,
    text: str,
    now: pendulum.DateTime,
    *,
    name: str = "the file",
    warnings: list[str] | None = None,
    dry_run: bool = False,
    mapping: str | None = None,
    progress: Progress | None = None,
    backup: bool = True,
) -> ImportReport:
    """Import already decoded text (``import_file`` after reading)."""
    warnings = list(warnings or ())
    with _no_gc_pauses():
        return _import_text(fmt, text, now, name, warnings, dry_run, mapping, progress, backup)


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Hold the cyclic garbage collector while tens of thousands of records are alive.

    The records form no cycles; without this, the collector's full passes over
    them cost about a fifth of a 30,000-row import.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import_text(fmt, text, now, name, warnings, dry_run, mapping, progress, backup):
    if fmt == "json":
        return jsonrestore.restore(
            text, now, name=name, dry_run=dry_run, backup=backup, warnings=warnings
        )
    if fmt == "linkedin":
        source, items = "LinkedIn connections", linkedin.parse(text, name)
    elif fmt == "vcard":
        source, items = "vCard", vcard.parse(text, name)
    else:
        source, items = csvfile.parse(text, mapping, name)
    return apply.run(
        items,
        now,
        source=source,
        warnings=warnings,
        dry_run=dry_run,
        progress=progress,
        backup=backup,
    )


__all__ = [
    "FORMATS",
    "MAX_LINE_CHARS",
    "MAX_NOTE_CHARS",
    "ImportReport",
    "import_file",
    "import_text",
]
