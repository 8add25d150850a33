"""Whole-database commands stream (issue 16): the memory an export (JSON, CSV,
vCard, iCalendar) or a full ``netty list`` needs does not grow with the number of
contacts.

Two generated networks, one eight times the other; the peak of Python allocations
(tracemalloc) while exporting or listing the larger must stay close to the smaller's.
Reading everything into lists first (as before) makes the peak grow about eightfold.
Streaming changes no byte: an export read in batches of three is the export read
in one batch (what every export did before it streamed).
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from netty.db import close_database, open_database
from netty.services import contacts
from netty.services.contacts import iter_contacts
from netty.services.demo import generate, load_demo
from netty.services.exporters import EXPORTERS, export, jsondump, vcard
from tests.services.test_card_roundtrip import import_everything

NOW = pendulum.datetime(2026, 11, 23, 10, tz="UTC")
SMALL, LARGE = 1_000, 8_000


class Discard(io.TextIOBase):
    """A text stream that counts what it is given and keeps none of it."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches far smaller than either network, so both are read in many batches."""
    monkeypatch.setattr(jsondump, "BATCH", 100)
    monkeypatch.setattr(vcard, "BATCH", 100)  # the CSV export reads through it too
    monkeypatch.setattr(contacts, "LIST_BATCH", 100)


def peak(path: Path, action: Callable[[], object]) -> int:
    open_database(path, NOW)
    try:
        tracemalloc.start()
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        close_database()


@pytest.fixture(scope="module")
def networks(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    out = {}
    for size in (SMALL, LARGE):
        path = tmp_path_factory.mktemp(f"n{size}") / "netty.db"
        open_database(path, NOW)
        generate(size, NOW, interactions_per_contact=2)
        close_database()
        out[size] = path
    return out


def test_json_export_memory_stays_flat_as_the_network_grows(networks) -> None:
    sinks = {size: Discard() for size in networks}
    peaks = {
        size: peak(path, lambda s=sinks[size]: jsondump.write(s, NOW))
        for size, path in networks.items()
    }
    assert sinks[LARGE].chars > 6 * sinks[SMALL].chars  # eight times the data went out
    assert peaks[LARGE] < 1.5 * peaks[SMALL] + 1_000_000, peaks


def test_listing_everyone_memory_stays_flat_as_the_network_grows(networks) -> None:
    counts: dict[int, int] = {}

    def consume(size: int) -> None:
        counts[size] = sum(1 for _ in iter_contacts())

    peaks = {size: peak(path, lambda s=size: consume(s)) for size, path in networks.items()}
    assert counts == {SMALL: SMALL, LARGE: LARGE}
    assert peaks[LARGE] < 1.5 * peaks[SMALL] + 1_000_000, peaks


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "vcard", "ics"])
def test_export_memory_stays_flat_as_the_network_grows(networks, fmt: str) -> None:
    sinks = {size: Discard() for size in networks}
    counts: dict[int, int] = {}

    def run(size: int) -> None:
        counts[size] = EXPORTERS[fmt].write(sinks[size], NOW)

    peaks = {size: peak(path, lambda s=size: run(s)) for size, path in networks.items()}
    assert counts[LARGE] > 6 * counts[SMALL] > 0  # contacts, or reminders for ics
    assert sinks[LARGE].chars > 6 * sinks[SMALL].chars  # eight times the data went out
    assert peaks[LARGE] < 1.5 * peaks[SMALL] + 1_000_000, peaks


@pytest.fixture
def rich(db, now):
    """The hand-made demo network (birthdays, anniversaries, every reminder kind) and
    every fixture file's contacts (every card field: names, addresses, handles...)."""
    load_demo(now)
    import_everything(now)


@pytest.mark.parametrize("fmt", ["csv", "vcard"])
def test_a_streamed_export_is_the_export_read_at_once(
    rich, now, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vcard, "BATCH", 10**9)  # one batch: everything in memory first
    whole = export(fmt, None, now)
    monkeypatch.setattr(vcard, "BATCH", 3)
    streamed = export(fmt, None, now)
    assert streamed.count == whole.count > 60
    assert streamed.text == whole.text


def test_a_streamed_calendar_is_the_calendar_written_whole(rich, now) -> None:
    from icalendar import Calendar

    text = export("ics", None, now).text
    kinds = {str(e["categories"].cats[0]) for e in Calendar.from_ical(text).walk("VEVENT")}
    assert {"ping", "deliver", "nudge", "birthday", "anniversary"} <= kinds
    # written in pieces, it is what icalendar writes for the calendar as one object
    assert Calendar.from_ical(text).to_ical().decode("utf-8") == text
