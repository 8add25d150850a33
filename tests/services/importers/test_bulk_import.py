"""A big import is written in batches yet stays one change: every row journaled, undone
and redone exactly, and a second import of the same file merges everything."""

from __future__ import annotations

from netty.services.changes import last_change, redo, undo
from netty.services.importers import import_text
from tests.services.importers.helpers import tables
from tests.services.importers.make_linkedin import linkedin_csv

ROWS = 1234  # more than two batches of inserted rows (netty.db.bulk.BATCH_ROWS)


def test_a_big_linkedin_import_is_one_change_undone_and_redone_exactly(db, now):
    empty = tables()
    report = import_text("linkedin", linkedin_csv(ROWS).decode(), now, backup=False)
    full = tables()
    assert report.created == ROWS and not report.skipped
    assert len(full["contact"]) == ROWS
    assert [row[0] for row in full["contact"]] == list(range(1, ROWS + 1))
    written = sum(len(rows) for rows in full.values())  # contacts, their emails and URLs, orgs
    entry = last_change()
    assert entry is not None and entry.kind == "import" and entry.rows == written
    assert entry.label == f"imported LinkedIn connections: {ROWS:,} new contacts, 0 merged"

    undo(now)
    assert tables() == empty
    redo(now)
    assert tables() == full

    again = import_text("linkedin", linkedin_csv(ROWS).decode(), now.add(hours=1), backup=False)
    assert (again.created, again.merged, again.unchanged) == (0, ROWS, ROWS)
    assert tables() == full
