"""Taking a network out: vCard, CSV and JSON (and iCalendar, from the reminders work).

``EXPORTERS`` maps a format name to an ``Exporter``; ``netty export FORMAT``
offers exactly its keys. Adding a format is one line here, e.g.::

    EXPORTERS["ics"] = Exporter("ics", ".ics", "iCalendar", "netty.services.calendar")

where the module's ``write(out: TextIO, now) -> int`` writes the whole export to ``out``
and returns how many items it wrote.

``export(fmt, path, now)`` writes to a file through ``netty.outfile``: the path
is checked (never the database, its companions or a backup, never a device,
FIFO or folder), then written to a 0600 temporary file in the same folder,
synced and renamed over ``path``, so a crash never leaves a half-written export
and nobody else can read it. Without a path it returns the text (the CLI prints it).
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pendulum

from netty.errors import InvalidInput
from netty.outfile import atomic_text, check_output, protected_paths


@dataclass(frozen=True)
class Exporter:
    """One export format; ``module`` holds its ``write(out, now) -> int``.

    The module is imported on first use of ``write``, so a command that only
    names the formats (every CLI call builds ``netty export``'s choices) does not
    import icalendar or the exporters themselves (issue 16: a command imports only
    what it uses).
    """

    name: str
    suffix: str
    label: str
    # the dotted path of a module whose ``write`` does the export, or the function
    module: str | Callable[[TextIO, pendulum.DateTime], int]
    bom: bool = False  # a UTF-8 byte-order mark in files (spreadsheets need it for accents)

    @property
    def write(self) -> Callable[[TextIO, pendulum.DateTime], int]:
        """The format's ``write(out: TextIO, now) -> int`` (count of items written)."""
        if callable(self.module):
            return self.module
        return importlib.import_module(self.module).write


EXPORTERS: dict[str, Exporter] = {
    "vcard": Exporter("vcard", ".vcf", "vCard 3.0", "netty.services.exporters.vcard"),
    "csv": Exporter("csv", ".csv", "CSV", "netty.services.exporters.csvfile", bom=True),
    "json": Exporter(
        "json", ".json", "netty JSON (the whole database)", "netty.services.exporters.jsondump"
    ),
    "ics": Exporter(
        "ics", ".ics", "iCalendar (due and upcoming reminders)", "netty.services.calendar"
    ),
}


@dataclass(frozen=True)
class ExportResult:
    format: str
    count: int
    path: Path | None
    text: str | None  # when written to no file


def _exporter(fmt: str) -> Exporter:
    try:
        return EXPORTERS[fmt]
    except KeyError:
        raise InvalidInput(
            f"unknown export format {fmt!r}; use one of: {', '.join(EXPORTERS)}"
        ) from None


def export(
    fmt: str, path: str | Path | None, now: pendulum.DateTime, *, out: TextIO | None = None
) -> ExportResult:
    """Export the database as ``fmt`` to ``path`` (atomically, 0600); with no path, write
    it to the text stream ``out`` as it is made (``netty export`` printing: memory stays
    flat however big the network), or, with neither, return the text.

    Raises InvalidInput for an unknown format or a path netty must not write to.
    """
    exporter = _exporter(fmt)
    if path is None and out is not None:
        return ExportResult(fmt, exporter.write(out, now), None, None)
    if path is None:
        buffer = io.StringIO(newline="")
        count = exporter.write(buffer, now)
        return ExportResult(fmt, count, None, buffer.getvalue())
    from netty.services.backup import database_file

    target = check_output(path, protected_paths(database_file()))
    with atomic_text(target, encoding="utf-8-sig" if exporter.bom else "utf-8") as out:
        count = exporter.write(out, now)
    return ExportResult(fmt, count, target, None)


__all__ = ["EXPORTERS", "ExportResult", "Exporter", "export"]
