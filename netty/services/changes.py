"""Every write is a change: one transaction, one journal entry, undo and redo.

``change(label, now)`` is the one place a person's intent becomes a write. It
opens a transaction that takes the write lock at its start (SQLite
``BEGIN IMMEDIATE``: a writer that must wait, waits on the busy timeout instead
of failing half-way through a read-modify-write), opens a journal entry, runs the
caller's writes, and closes the entry with its label. The triggers of
``netty.db.journal`` record the before image of every row written. Nested calls
join the outer change, so ``record_note`` calling ``add_need`` is one change.

``undo`` reverts the newest change (or a named one) from those images in one
transaction and leaves every user table exactly as it was before that change;
``redo`` reapplies it from the after images taken on undo. A later change that
touched the same rows (directly, or through a cascade) makes undo refuse with one
line naming it, and nothing changes. A new change drops what could be redone.

The journal is bounded (settings ``journal.max_entries``, default 5,000, and
``journal.max_days``, default 90): entries past either bound are pruned after a
change, oldest first and only ever a prefix, never the newest ``MIN_KEPT``. The clock is an input: every function takes ``now``.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pendulum
from peewee import IntegrityError, OperationalError, SqliteDatabase, fn

from netty.db.journal import JOURNALED
from netty.db.models import Change, ChangeRow, database
from netty.db.reach import TABLE as REACH
from netty.errors import Conflict, DatabaseBusy, NotFound

MAX_ENTRIES = 5000
MAX_DAYS = 90
MIN_KEPT = 100
PRUNE_EVERY = 50
BIG_CHANGE = 5000  # journal rows past which PostgreSQL's planner statistics are refreshed
WRITER_LOCK = 0x6E6574  # PostgreSQL advisory lock key every netty writer takes ("net")  # prune after every 50th change, so pruning costs nothing per write

_local = threading.local()


@dataclass(frozen=True)
class ChangeView:
    """One journal entry: ``at`` is UTC; ``state`` is done or undone; ``rows`` counts
    the rows of user data it wrote."""

    id: int
    at: pendulum.DateTime
    label: str
    kind: str
    state: str
    rows: int
    contacts: tuple[int, ...] = ()  # the contacts whose own row it wrote (for the UI's cursor)

    def to_json(self) -> dict[str, Any]:
        """The shape ``netty history --json`` prints for one entry."""
        return {
            "id": self.id,
            "at": self.at.to_iso8601_string(),
            "label": self.label,
            "kind": self.kind,
            "state": self.state,
            "rows": self.rows,
        }


class ChangeHandle:
    """What ``change()`` yields: set ``label`` (and ``kind``) once the outcome is known."""

    def __init__(self, label: str, kind: str) -> None:
        self.label = label
        self.kind = kind
        self.id: int | None = None


def is_busy_error(exc: BaseException) -> bool:
    """Whether ``exc`` is the engine saying another writer holds the lock."""
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and (
        "locked" in text or "busy" in text or "lock timeout" in text
    )


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """A transaction that takes the write lock at its start (``BEGIN IMMEDIATE`` on
    SQLite), so it waits on the busy timeout rather than failing after a read.

    Raises DatabaseBusy when another writer holds the lock past the timeout.
    Inside an open transaction it is a savepoint of that transaction.
    """
    sqlite = isinstance(database.obj, SqliteDatabase)
    outermost = database.transaction_depth() == 0
    try:
        txn = database.atomic("IMMEDIATE") if sqlite and outermost else database.atomic()
        with txn:
            if outermost and not sqlite:
                # PostgreSQL: one writer at a time, as SQLite's write lock, so a change's
                # journal rows are contiguous; wait as long as SQLite's busy timeout.
                database.execute_sql("SET LOCAL lock_timeout = '5s'")
                database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield
    except OperationalError as exc:
        if is_busy_error(exc):
            raise DatabaseBusy(
                "the database is busy: another netty is writing; try again in a moment"
            ) from exc
        raise


@contextlib.contextmanager
def change(label: str, now: pendulum.DateTime, kind: str = "") -> Iterator[ChangeHandle]:
    """Make one change: a write-locked transaction recorded as one journal entry.

    ``label`` is the line a person reads in ``netty history`` and the undo toast
    ("logged coffee with Sally Jones: 1 need"); the caller may refine it through the
    yielded handle. ``now`` (UTC) stamps the entry. A change that wrote nothing
    leaves no entry. Nested calls join the outermost change.
    """
    outer: ChangeHandle | None = getattr(_local, "current", None)
    if outer is not None:  # part of a larger change: its label is the outer one's
        with database.atomic():
            yield ChangeHandle(label, kind)
        return
    handle = ChangeHandle(label, kind)
    _local.current = handle
    first = last = 0
    try:
        with write_transaction():
            first = _next_row()
            entry = Change.create(at=now, label=label, kind=kind, state="open", first_row=first)
            handle.id = entry.id
            yield handle
            last = _next_row() - 1
            if last < first:
                Change.delete().where(Change.id == entry.id).execute()
                handle.id = None
            else:
                _drop(Change.select().where(Change.state == "undone"))
                Change.update(
                    label=_one_line(handle.label), kind=handle.kind, state="done", last_row=last
                ).where(Change.id == entry.id).execute()
                if entry.id % PRUNE_EVERY == 0:
                    prune(now)
    finally:
        _local.current = None
    if handle.id is not None and last - first + 1 >= BIG_CHANGE and _postgres():
        counts = (
            ChangeRow.select(ChangeRow.tbl, fn.COUNT(ChangeRow.id))
            .where(ChangeRow.id.between(first, last))
            .group_by(ChangeRow.tbl)
        )
        refresh_statistics(tbl for tbl, n in counts.tuples() if n >= BIG_CHANGE // 10)


def _postgres() -> bool:
    return not isinstance(database.obj, SqliteDatabase)


def refresh_statistics(tables) -> None:
    """``ANALYZE`` each of ``tables`` (names) on PostgreSQL, after a committed change
    that wrote many of their rows (an import, a demo network, a restore, or the undo
    or redo of one). Until autovacuum gets to them, the planner counts on the old
    sizes and scans whole tables: measured at 50,000 contacts right after ``netty
    demo``, ``netty show`` took 814 ms instead of 34 ms. Takes no netty lock (ANALYZE
    reads a sample); a failure is not the user's write failing, so it is ignored.
    SQLite keeps no statistics netty relies on: nothing to do there.
    """
    if not _postgres():
        return
    tables = set(tables)
    if tables & {"interaction", "interaction_contact", "contact"}:
        tables.add(REACH)  # derived from them by triggers (netty.db.reach)
    for table in sorted(tables):
        if table in JOURNALED or table == REACH:
            try:
                with database.atomic():
                    database.execute_sql(f'ANALYZE "{table}"')
            except Exception:  # statistics are an optimisation only: never fail the write
                pass


def _one_line(text: str) -> str:
    return " ".join(str(text).split()) or "change"


def _next_row() -> int:
    return (ChangeRow.select(fn.MAX(ChangeRow.id)).scalar() or 0) + 1


def _rows_of(entry: Change):
    """The query for an entry's rows (by id range: no index needed)."""
    last = entry.last_row if entry.last_row is not None else entry.first_row - 1
    return ChangeRow.select().where(ChangeRow.id.between(entry.first_row, last))


def _drop(entries) -> int:
    """Delete these journal entries and their rows; returns how many entries."""
    dropped = 0
    for entry in list(entries):
        if entry.last_row is not None:
            ChangeRow.delete().where(
                ChangeRow.id.between(entry.first_row, entry.last_row)
            ).execute()
        Change.delete().where(Change.id == entry.id).execute()
        dropped += 1
    return dropped


# ---------------------------------------------------------------- reading


def history(limit: int | None = 50, *, include_undone: bool = True) -> list[ChangeView]:
    """The journal, newest first: ``limit`` entries (None for all)."""
    states = ["done", "undone"] if include_undone else ["done"]
    query = Change.select().where(Change.state.in_(states)).order_by(Change.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [_view(entry, _count(entry)) for entry in query]


def last_change() -> ChangeView | None:
    """The newest entry that can be undone, or None."""
    entry = Change.select().where(Change.state == "done").order_by(Change.id.desc()).first()
    return None if entry is None else _view(entry, _count(entry))


def _view(entry: Change, rows: int, contacts: tuple[int, ...] = ()) -> ChangeView:
    return ChangeView(entry.id, entry.at, entry.label, entry.kind, entry.state, int(rows), contacts)


def _count(entry: Change) -> int:
    return 0 if entry.last_row is None else entry.last_row - entry.first_row + 1


def _contacts(rows: list[ChangeRow]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(json.loads(r.row_key)[0] for r in rows if r.tbl == "contact"))


# ---------------------------------------------------------------- undo and redo


def undo(now: pendulum.DateTime, change_id: int | None = None) -> ChangeView:
    """Revert the newest change not yet undone (or change ``change_id``).

    Every user table ends exactly as it was before that change. Raises NotFound
    when there is nothing to undo, Conflict (naming the later change) when a later
    change touched the same rows, and DatabaseBusy when another writer holds the lock.
    """
    with write_transaction():
        if change_id is None:
            entry = Change.select().where(Change.state == "done").order_by(Change.id.desc()).first()
            if entry is None:
                raise NotFound("nothing to undo")
        else:
            entry = Change.get_or_none(Change.id == change_id)
            if entry is None or entry.state not in ("done", "undone"):
                raise NotFound(f"there is no change {change_id} in the history (netty history)")
            if entry.state == "undone":
                raise Conflict(f"change {change_id} is already undone; `netty redo` reapplies it")
        rows = list(_rows_of(entry).order_by(ChangeRow.id.desc()))
        keys = _keys(rows)
        _refuse_later(entry, keys, "undo")

        def revert() -> None:
            for row in rows:  # newest first: the row now is as right after this write
                if row.op != "D":  # the after image of this one write, for redo
                    after = json.dumps(_current(row.tbl, row.row_key), default=_jsonable)
                    ChangeRow.update(after=after).where(ChangeRow.id == row.id).execute()
                _revert_row(row)

        _replay(entry, keys, revert, "undo")
        seq = Change.select(fn.MAX(Change.undo_seq)).scalar() or 0
        Change.update(state="undone", undo_seq=seq + 1).where(Change.id == entry.id).execute()
        view = _view(Change.get_by_id(entry.id), len(rows), _contacts(rows))
    _after_big_replay(rows)
    return view


def _after_big_replay(rows: list[ChangeRow]) -> None:
    if len(rows) >= BIG_CHANGE:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.tbl] = counts.get(row.tbl, 0) + 1
        refresh_statistics(t for t, n in counts.items() if n >= BIG_CHANGE // 10)


def redo(now: pendulum.DateTime) -> ChangeView:
    """Reapply the change undone last, leaving every table as right after it was made.

    Raises NotFound when there is nothing to redo and Conflict when a later change
    touched the same rows.
    """
    with write_transaction():
        entry = (
            Change.select()
            .where(Change.state == "undone")
            .order_by(Change.undo_seq.desc(), Change.id.desc())
            .first()
        )
        if entry is None:
            raise NotFound("nothing to redo")
        rows = list(_rows_of(entry).order_by(ChangeRow.id))
        keys = _keys(rows)
        _refuse_later(entry, keys, "redo")

        def apply() -> None:
            for row in rows:  # oldest first: the same steps the change took
                _apply_row(row)

        _replay(entry, keys, apply, "redo")
        # undo_seq stays: it only ever grows, so journal_version never repeats a value
        Change.update(state="done").where(Change.id == entry.id).execute()
        view = _view(Change.get_by_id(entry.id), len(rows), _contacts(rows))
    _after_big_replay(rows)
    return view


def _touched(row: ChangeRow) -> list[tuple[str, str]]:
    """The (table, key) pairs one recorded write touched: where the row is keyed after
    it and, for an update or delete, where it was keyed before (its before image)."""
    keys = [(row.tbl, row.row_key)]
    if row.before is not None:
        before = json.loads(row.before)
        old = json.dumps(
            [before[c] for c in JOURNALED[row.tbl]], separators=(",", ":"), ensure_ascii=False
        )
        keys.append((row.tbl, old))
    return keys


def _keys(rows: list[ChangeRow]) -> list[tuple[str, str]]:
    """Every (table, key) the rows touched, each once, in order."""
    return list(dict.fromkeys(key for row in rows for key in _touched(row)))


def _who_touched(keys: set[tuple[str, str]], after_row: int, besides: int) -> int | None:
    """The newest still-applied change, other than ``besides``, whose rows (with ids
    above ``after_row``) touch one of ``keys``; a scan of those rows only."""
    later = list(
        Change.select()
        .where((Change.state == "done") & (Change.id != besides) & (Change.last_row > after_row))
        .order_by(Change.id.desc())
    )
    for other in later:
        for row in _rows_of(other).where(ChangeRow.id > after_row):
            if any(key in keys for key in _touched(row)):
                return other.id
    return None


def _refuse_later(entry: Change, keys: list[tuple[str, str]], verb: str) -> None:
    """Raise Conflict naming the newest later, still-applied change touching ``keys``."""
    if not keys:
        return
    later = _who_touched(set(keys), entry.last_row or 0, entry.id)
    if later is not None:
        _conflict(verb, entry, later)


def _conflict(verb: str, entry: Change, later_id: int | None) -> None:
    if later_id is None:
        raise Conflict(
            f"cannot {verb} change {entry.id} ({entry.label}): rows it touched have changed "
            "since; nothing was changed"
        )
    later = Change.get_by_id(later_id)
    raise Conflict(
        f"cannot {verb} change {entry.id} ({entry.label}): later change {later.id} "
        f"({later.label}) touched the same records; undo that first"
    )


def _replay(entry: Change, keys: list[tuple[str, str]], work, verb: str) -> None:
    """Run ``work`` (the reverting or reapplying writes) with the entry open, so the
    triggers record what it touches; anything touched outside ``keys`` (a cascade into
    a later change's rows) is a conflict. The records of the replay are then removed."""
    mark = _next_row() - 1
    Change.update(state="open").where(Change.id == entry.id).execute()
    if isinstance(database.obj, SqliteDatabase):
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
    else:  # PostgreSQL defers only constraints declared deferrable; the rest check per row
        database.execute_sql("SET CONSTRAINTS ALL DEFERRED")
    try:
        with database.atomic():  # a savepoint: a clash rolls back only the replay
            work()
    except IntegrityError as exc:  # a value it restores is now another row's (a unique name)
        raise Conflict(
            f"cannot {verb} change {entry.id} ({entry.label}): a later change took a value it "
            f"would restore ({' '.join(str(exc).split())}); nothing was changed"
        ) from exc
    allowed = set(keys)
    stray = {
        (row.tbl, row.row_key)
        for row in ChangeRow.select().where(ChangeRow.id > mark)
        if (row.tbl, row.row_key) not in allowed
    }
    if stray:
        _conflict(verb, entry, _who_touched(stray, 0, entry.id))
    ChangeRow.delete().where(ChangeRow.id > mark).execute()
    Change.update(state="replay").where(Change.id == entry.id).execute()


def _where(key_cols: tuple[str, ...], values: list[Any]) -> tuple[str, list[Any]]:
    param = database.param
    clauses = []
    params: list[Any] = []
    for col, value in zip(key_cols, values, strict=True):
        if value is None:
            clauses.append(f'"{col}" IS NULL')
        else:
            clauses.append(f'"{col}" = {param}')
            params.append(value)
    return " AND ".join(clauses), params


def _jsonable(value: Any) -> Any:
    """A driver's value (PostgreSQL's datetimes and dates) as JSON: ISO 8601 text."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in the journal")


def _current(tbl: str, key: str) -> dict[str, Any] | None:
    """The row of ``tbl`` with ``key`` (a JSON array) as a dict, or None if absent."""
    where, params = _where(JOURNALED[tbl], json.loads(key))
    cursor = database.execute_sql(f'SELECT * FROM "{tbl}" WHERE {where}', params)
    row = cursor.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cursor.description]
    return dict(zip(names, row, strict=True))


def _set_row(tbl: str, key: list[Any], image: dict[str, Any] | None) -> None:
    """Make the row of ``tbl`` keyed ``key`` be ``image`` (None: absent)."""
    where, params = _where(JOURNALED[tbl], key)
    if image is None:
        database.execute_sql(f'DELETE FROM "{tbl}" WHERE {where}', params)
        return
    cols = list(image)
    param = database.param
    exists = database.execute_sql(f'SELECT 1 FROM "{tbl}" WHERE {where}', params).fetchone()
    if exists:
        sets = ", ".join(f'"{c}" = {param}' for c in cols)
        database.execute_sql(
            f'UPDATE "{tbl}" SET {sets} WHERE {where}', [image[c] for c in cols] + params
        )
    else:
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join([param] * len(cols))
        database.execute_sql(
            f'INSERT INTO "{tbl}" ({names}) VALUES ({marks})', [image[c] for c in cols]
        )


def _old_key(row: ChangeRow) -> list[Any]:
    """Where an updated or deleted row was keyed before the write (its before image)."""
    before = json.loads(row.before)
    return [before[c] for c in JOURNALED[row.tbl]]


def _apply_row(row: ChangeRow) -> None:
    """Redo one recorded write (rows are reapplied oldest first), from the after image
    undo took of that very write: an insert, an update (the row may move to a new key,
    as a merge moves a tag to the kept contact) or a delete."""
    if row.op == "D":
        _set_row(row.tbl, _old_key(row), None)
        return
    image = json.loads(row.after) if row.after is not None else None
    if row.op == "I":
        _set_row(row.tbl, json.loads(row.row_key), image)
        return
    if image is None:  # updated, then gone by the end of the change: a later row deletes it
        return
    where, params = _where(JOURNALED[row.tbl], _old_key(row))
    cols = list(image)
    param = database.param
    sets = ", ".join(f'"{c}" = {param}' for c in cols)
    database.execute_sql(
        f'UPDATE "{row.tbl}" SET {sets} WHERE {where}', [image[c] for c in cols] + params
    )


def _revert_row(row: ChangeRow) -> None:
    """Undo one recorded write (rows are reverted newest first)."""
    key = json.loads(row.row_key)
    if row.op == "I":
        _set_row(row.tbl, key, None)
        return
    before = json.loads(row.before)
    if row.op == "D":
        _set_row(row.tbl, [before[c] for c in JOURNALED[row.tbl]], before)
        return
    # An update: the row is at ``key`` now; put every column back as it was.
    where, params = _where(JOURNALED[row.tbl], key)
    cols = list(before)
    param = database.param
    sets = ", ".join(f'"{c}" = {param}' for c in cols)
    database.execute_sql(
        f'UPDATE "{row.tbl}" SET {sets} WHERE {where}', [before[c] for c in cols] + params
    )


# ---------------------------------------------------------------- bounds


def prune(now: pendulum.DateTime) -> int:
    """Drop entries past the bounds (settings ``journal.max_entries``, ``journal.max_days``),
    never the newest ``MIN_KEPT``; returns how many were dropped. The journal is not
    user data, so this needs no change of its own."""
    from netty.services import settings  # settings writes through change(): import late

    max_entries = max(int(settings.get("journal.max_entries", MAX_ENTRIES)), MIN_KEPT)
    max_days = int(settings.get("journal.max_days", MAX_DAYS))
    newest = Change.select(fn.MAX(Change.id)).scalar() or 0
    keep_from = newest - max_entries + 1
    floor = newest - MIN_KEPT + 1
    recent = (
        Change.select(fn.MIN(Change.id)).where(Change.at >= now.subtract(days=max_days)).scalar()
    )
    age_cut = newest + 1 if recent is None else recent
    # Only ever a prefix of the journal: a gap in the middle would let an undo of an
    # older change pass over a later one it can no longer see (a clock set back).
    cutoff = min(floor, max(keep_from, age_cut))
    doomed = Change.select().where((Change.id < cutoff) & (Change.state != "open"))
    return _drop(doomed)


__all__ = [
    "ChangeHandle",
    "ChangeView",
    "Conflict",
    "change",
    "history",
    "last_change",
    "prune",
    "redo",
    "undo",
    "write_transaction",
]


def who(contact_ids) -> str:
    """Names for a label: "Sally Jones", "Sally Jones and Bob Lee", "Sally Jones and 3 others"."""
    from netty.db.models import Contact

    ids = list(dict.fromkeys(int(i) for i in contact_ids))
    if not ids:
        return "nobody"
    names = {
        c.id: c.name
        for c in Contact.select(Contact.id, Contact.name).where(Contact.id.in_(ids[:3]))
    }
    first = names.get(ids[0], f"#{ids[0]}")
    if len(ids) == 1:
        return first
    if len(ids) == 2:
        return f"{first} and {names.get(ids[1], f'#{ids[1]}')}"
    return f"{first} and {len(ids) - 1} others"


def journal_version() -> tuple[int, int, int]:
    """A fingerprint of the journal that moves with every change, undo and redo made by
    any process: (newest change id, newest undo order, entries undone). The app polls
    it to notice another netty's writes (three small queries on a bounded table)."""
    newest = Change.select(fn.MAX(Change.id)).scalar() or 0
    undo_order = Change.select(fn.MAX(Change.undo_seq)).scalar() or 0
    undone = Change.select().where(Change.state == "undone").count()
    return (int(newest), int(undo_order), int(undone))
