"""Two-way sync with a vdir: a folder of ``.vcf`` files, one contact each.

The layout is the one vdirsyncer and khard use (``<uid>.vcf``; vdirsyncer keeps
such a folder in step with a CardDAV server), so ``netty sync vdir PATH`` plus
``vdirsyncer sync`` keeps netty in step with Nextcloud, iCloud, Fastmail or
Radicale. What is compared, per card file (state in ``VdirCard``):

- the file: its ``stat`` (mtime in nanoseconds and size) against the last sync's;
  only a file whose stat moved is read, and only one whose bytes hash differently
  (BLAKE2b) changed;
- the contact: its fingerprint (``cards.fingerprints``, column-only queries)
  against the last sync's. So a sync with nothing changed reads no card at all.

What happens, side by side (netty's card fields are ``cards.SYNCED``):

- a new card becomes a contact, or joins the contact with its ``UID``, else the
  one contact (not yet in this vdir) with one of its email addresses;
- a contact new to the vdir gets a UID if it had none and is written as
  ``<uid>.vcf``;
- a changed card or contact is merged field by field, three-way, against the
  fields both had at the last sync: a field changed on one side only takes that
  side's value; lists (emails, phones, URLs, tags) take every addition and
  removal from either side; a single value changed differently on both sides is
  a conflict: netty's value stays (on both sides) and the card's value is named in
  the report and in the change's label in the journal, so nothing is dropped;
- a deleted card archives its contact (never deletes it); if the contact also
  changed in netty since, the card is written back instead (a conflict);
- a contact archived in netty removes its card (only if the file is still the
  one synced); if the card changed meanwhile, the contact is restored with it;
- a card that cannot be read (damaged, a group card) is skipped with the reason
  and left alone until it changes.

Netty-only data (ring, cadence, notes, details, the timeline, ledger and
promises) is never written to a card and never touched by one. Every write to
netty is one change (``synced vdir PATH: 3 in, 1 out, 1 conflict``), so
``netty undo`` takes it back in netty; files already written to the folder are
not undone, and the next sync carries netty's restored state to them. Writes to
the folder are atomic (a temporary file, fsynced, then renamed); files other
than ``*.vcf`` and cards never synced are only ever read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pendulum

from netty.dates import plural
from netty.db.models import Contact, VdirCard, database
from netty.errors import InvalidInput
from netty.outfile import describe_os_error, fsync_folder
from netty.services.changes import change, write_transaction
from netty.services.sync import cards

EXTENSION = ".vcf"
BATCH = 50  # this many new cards or more are made durable by one os.sync()
CONFLICTS_KEY = "sync.conflicts"  # the last sync's conflicts (a journaled setting)
LABEL_CONFLICTS = 20  # conflicts named in the change's label
TEMP_SUFFIX = ".netty-tmp"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9@._+-]{1,200}$")


# ------------------------------------------------------------------ what a sync reports


@dataclass(frozen=True)
class SyncConflict:
    """A field changed differently on both sides: ``kept`` is netty's value (now on
    both sides), ``other`` the card's, which only the report and the journal keep."""

    contact_id: int | None
    contact: str
    field: str
    kept: Any
    other: Any

    def line(self) -> str:
        """One line a person reads."""
        return f"{self.contact}: {self.field}: kept {_shown(self.kept)}, the card had {_shown(self.other)}"

    def to_json(self) -> dict[str, Any]:
        """The shape ``--json`` prints for one conflict."""
        return {
            "contact_id": self.contact_id,
            "contact": self.contact,
            "field": self.field,
            "kept": self.kept,
            "card": self.other,
        }


@dataclass(frozen=True)
class SyncItem:
    """One contact or card that moved: ``direction`` is ``in`` (netty changed) or
    ``out`` (the folder changed); ``what`` says how (new, changed, archived,
    restored, removed, written back); ``fields`` the synced fields that changed."""

    direction: str
    what: str
    contact: str
    href: str
    contact_id: int | None = None
    fields: tuple[str, ...] = ()

    def line(self) -> str:
        """One line a person reads: ``-> changed: Ann Lee (title)  [ann.vcf]``."""
        arrow = "<-" if self.direction == "in" else "->"
        detail = f" ({', '.join(self.fields)})" if self.fields else ""
        return f"{arrow} {self.what}: {self.contact}{detail}  [{self.href}]"

    def to_json(self) -> dict[str, Any]:
        """The shape ``--json`` prints for one item."""
        return {
            "direction": self.direction,
            "what": self.what,
            "contact": self.contact,
            "contact_id": self.contact_id,
            "href": self.href,
            "fields": list(self.fields),
        }


@dataclass(frozen=True)
class SyncReport:
    """What a sync did (or, with ``dry_run``, would do)."""

    vdir: str
    dry_run: bool
    items: tuple[SyncItem, ...]
    conflicts: tuple[SyncConflict, ...]
    skipped: tuple[tuple[str, str], ...]  # (file name, reason)
    cards: int  # card files in the folder after the sync
    label: str

    @property
    def incoming(self) -> int:
        """How many contacts changed in netty."""
        return sum(1 for i in self.items if i.direction == "in")

    @property
    def outgoing(self) -> int:
        """How many cards were written or removed in the folder."""
        return sum(1 for i in self.items if i.direction == "out")

    def to_json(self) -> dict[str, Any]:
        """The shape ``netty sync vdir --json`` prints."""
        return {
            "vdir": self.vdir,
            "dry_run": self.dry_run,
            "in": self.incoming,
            "out": self.outgoing,
            "items": [i.to_json() for i in self.items],
            "conflicts": [c.to_json() for c in self.conflicts],
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "cards": self.cards,
            "label": self.label,
        }


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return repr(value)


# ------------------------------------------------------------------ the folder


def vdir_path(path: str | os.PathLike[str]) -> Path:
    """The folder as an absolute path; InvalidInput when it is not a folder."""
    folder = Path(os.path.expanduser(str(path))).resolve()
    if not folder.is_dir():
        raise InvalidInput(
            f"{path} is not a folder; create it, or point netty at the folder "
            "vdirsyncer keeps (its `path` setting)"
        )
    return folder


def _list(folder: Path) -> dict[str, tuple[int, int]]:
    """``{file name: (mtime_ns, size)}`` of the card files (hidden files left out)."""
    out = {}
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        raise InvalidInput(f"cannot read {folder}: {describe_os_error(exc)}") from exc
    for entry in entries:
        name = entry.name
        if not name.endswith(EXTENSION) or name.startswith("."):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        out[name] = (st.st_mtime_ns, st.st_size)
    return out


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _read(folder: Path, href: str) -> tuple[bytes, str] | None:
    try:
        data = (folder / href).read_bytes()
    except OSError:
        return None
    return data, _decode(data)


def _write(run: _Run, href: str, text: str, contact_id: int) -> None:
    """Write a card atomically: a temporary file beside it, fsynced, renamed over it.

    Many cards at once (``BATCH``, a first sync) are written as temporary files,
    made durable by one ``os.sync()``, then renamed, instead of one fsync each.
    """
    target = run.folder / href
    temp = run.folder / f".{href[:120]}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
    data = text.encode("utf-8")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        try:
            os.write(fd, data)
            if not run.batch:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise InvalidInput(f"cannot write {target}: {describe_os_error(exc)}") from exc
    run.pending.append((temp, target))
    run.wrote_files = True
    run.touched[contact_id] = href
    run.written[href] = data
    if not run.batch:
        _rename(run)


def _rename(run: _Run) -> None:
    """Give the written temporary files their names (after one sync in a batch)."""
    if run.batch and run.pending:
        os.sync()
    try:
        for temp, target in run.pending:
            os.replace(temp, target)
    except OSError as exc:
        for temp, _target in run.pending:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise InvalidInput(f"cannot write in {run.folder}: {describe_os_error(exc)}") from exc
    finally:
        run.pending.clear()


def _remove(folder: Path, href: str, card_hash: str) -> bool:
    """Remove a card file, only if it still holds the bytes last synced."""
    target = folder / href
    try:
        if _digest(target.read_bytes()) != card_hash:
            return False
        os.unlink(target)
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise InvalidInput(f"cannot remove {target}: {describe_os_error(exc)}") from exc
    return True


def _href_for(uid: str, taken: set[str]) -> str:
    stem = uid if _SAFE_NAME.match(uid) else hashlib.sha1(uid.encode()).hexdigest()
    href = stem + EXTENSION
    number = 1
    while href in taken:
        number += 1
        href = f"{stem}-{number}{EXTENSION}"
    return href


# ------------------------------------------------------------------ merging fields


def _empty(value: Any) -> bool:
    return value in (None, "", [])


def _merge_list(base: list | None, ours: list, theirs: list) -> list:
    def key(value: Any) -> Any:
        return tuple(value) if isinstance(value, list) else value

    base_keys = {key(v) for v in base or ()}
    our_keys = {key(v) for v in ours}
    their_keys = {key(v) for v in theirs}
    removed = (base_keys - our_keys) | (base_keys - their_keys) if base is not None else set()
    out, seen = [], set()
    for value in [*ours, *theirs]:
        k = key(value)
        if k in removed or k in seen:
            continue
        # a method (value, label): one entry per value, netty's label first
        first = k[0] if isinstance(k, tuple) else k
        if isinstance(k, tuple) and any(s[0] == first for s in seen if isinstance(s, tuple)):
            continue
        seen.add(k)
        out.append(value)
    return out


def merge_fields(
    base: dict[str, Any] | None, ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, Any, Any]]]:
    """Three-way merge of synced fields: ``(merged, [(field, kept, other)])``.

    ``base`` is what both had at the last sync (None for a first meeting: then an
    empty side takes the other's value and lists are joined). A field changed on
    one side only takes that side's value; lists merge item by item; a single
    value changed on both sides keeps ``ours`` (netty) and is a conflict.
    """
    merged: dict[str, Any] = {}
    conflicts: list[tuple[str, Any, Any]] = []
    for name in cards.SYNCED:
        o, t = ours.get(name), theirs.get(name)
        b = base.get(name) if base is not None else None
        if o == t:
            merged[name] = o
        elif name in cards.LIST_FIELDS:
            merged[name] = _merge_list(b if base is not None else None, o or [], t or [])
            if name == "tags":
                merged[name] = sorted(merged[name])
        elif base is not None and t == b:
            merged[name] = o
        elif (base is not None and o == b) or (base is None and _empty(o)):
            merged[name] = t
        elif base is None and _empty(t):
            merged[name] = o
        else:
            merged[name] = o
            conflicts.append((name, o, t))
    return merged, conflicts


# ------------------------------------------------------------------ the sync


@dataclass
class _State:
    id: int
    href: str
    contact_id: int
    uid: str
    card_hash: str
    mtime_ns: int
    size: int
    netty_fp: str


@dataclass
class _Run:
    folder: Path
    now: pendulum.DateTime
    dry: bool
    items: list[SyncItem] = field(default_factory=list)
    conflicts: list[SyncConflict] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    touched: dict[int, str] = field(default_factory=dict)  # contact id -> href to re-state
    names: dict[int, str] = field(default_factory=dict)
    wrote_files: bool = False
    batch: bool = False  # many files: one os.sync() instead of an fsync each
    pending: list[tuple[Path, Path]] = field(default_factory=list)  # (temporary, target)
    written: dict[str, bytes] = field(default_factory=dict)  # href -> bytes written


def _states(key: str) -> dict[str, _State]:
    query = VdirCard.select(
        VdirCard.id,
        VdirCard.href,
        VdirCard.contact_id,
        VdirCard.uid,
        VdirCard.card_hash,
        VdirCard.mtime_ns,
        VdirCard.size,
        VdirCard.netty_fp,
    ).where(VdirCard.vdir == key)
    return {row[1]: _State(*row) for row in database.execute(query).fetchall()}


@dataclass
class _Scan:
    files: dict[str, tuple[int, int]]
    states: dict[str, _State]
    fps: dict[int, tuple[str, bool, str | None]]
    pairs: list[tuple[_State, str, str, bytes | None, str | None]]  # state, card, netty, data, text
    new_files: list[str]
    new_contacts: list[int]
    restat: list[tuple[int, int, int]]  # (state id, mtime_ns, size) of files with the same bytes

    @property
    def quiet(self) -> bool:
        return not (self.pairs or self.new_files or self.new_contacts)


def _scan(folder: Path) -> _Scan:
    key = str(folder)
    files = _list(folder)
    states = _states(key)
    fps = cards.fingerprints()
    pairs = []
    restat = []
    for href, s in states.items():
        stat = files.get(href)
        data = text = None
        if stat is None:
            card = "deleted"
        elif stat == (s.mtime_ns, s.size):
            card = "same"
        else:
            got = _read(folder, href)
            if got is None:
                card = "deleted"
            elif _digest(got[0]) == s.card_hash:
                card = "same"
                restat.append((s.id, *stat))
            else:
                card, (data, text) = "changed", got
        if s.contact_id == 0:  # a card skipped as unreadable: looked at again when it changes
            if card != "same":
                pairs.append((s, card, "skipped", data, text))
            continue
        fp = fps.get(s.contact_id)
        if fp is None:
            netty = "gone"
        elif fp[1]:
            netty = "archived"
        elif fp[0] == s.netty_fp:
            netty = "same"
        else:
            netty = "changed"
        if card == "same" and netty == "same":
            continue
        pairs.append((s, card, netty, data, text))
    linked = {s.contact_id for s in states.values()}
    new_files = sorted(h for h in files if h not in states)
    new_contacts = sorted(
        c for c, (_fp, archived, _u) in fps.items() if not archived and c not in linked
    )
    return _Scan(files, states, fps, pairs, new_files, new_contacts, restat)


def sync_vdir(
    path: str | os.PathLike[str], now: pendulum.DateTime, *, dry_run: bool = False
) -> SyncReport:
    """Sync netty with the vdir at ``path`` both ways; returns what moved.

    With ``dry_run`` nothing is written anywhere (database or folder): the report
    says what would move. Raises InvalidInput when ``path`` is not a folder or a
    file cannot be written (the database is then left as it was).
    """
    folder = vdir_path(path)
    version = _version()
    scan = _scan(folder)
    if scan.quiet or dry_run:
        if scan.restat and not dry_run:
            _restat(scan.restat)
        run = _Run(folder, now, True)
        if not scan.quiet:
            _carry(run, scan)
        return _report(run, scan, len(scan.files), dry_run)
    with change(f"synced vdir {folder}", now, kind="sync") as ch:
        if _version() != version:  # another netty wrote meanwhile: look again, with the lock
            scan = _scan(folder)
        run = _Run(folder, now, False)
        _restat(scan.restat)
        try:
            _carry(run, scan)
        except BaseException:
            for temp, _target in run.pending:  # a batch cut short: no temporary file left
                with contextlib.suppress(OSError):
                    os.unlink(temp)
            raise
        report = _report(run, scan, len(_list(folder)), False)
        if report.conflicts:  # kept in the journal too: the card's values are never lost
            from netty.services import settings

            settings.put(
                CONFLICTS_KEY,
                {"vdir": str(folder), "conflicts": [c.to_json() for c in report.conflicts]},
                now,
            )
        ch.label = report.label
    if run.wrote_files:
        fsync_folder(folder)
    return report


def _version() -> tuple[int, int, int]:
    """Moves with every change, undo and redo of any netty (the one open now left out)."""
    from peewee import fn

    from netty.db.models import Change

    done = Change.state != "open"
    newest = Change.select(fn.MAX(Change.id)).where(done).scalar() or 0
    undo_order = Change.select(fn.MAX(Change.undo_seq)).where(done).scalar() or 0
    undone = Change.select().where(Change.state == "undone").count()
    return (int(newest), int(undo_order), int(undone))


def _restat(rows: list[tuple[int, int, int]]) -> None:
    with write_transaction():
        for state_id, mtime_ns, size in rows:
            VdirCard.update(mtime_ns=mtime_ns, size=size).where(VdirCard.id == state_id).execute()


def _report(run: _Run, scan: _Scan, count: int, dry_run: bool) -> SyncReport:
    incoming = sum(1 for i in run.items if i.direction == "in")
    outgoing = sum(1 for i in run.items if i.direction == "out")
    label = (
        f"synced vdir {run.folder}: {incoming} in, {outgoing} out, "
        f"{plural(len(run.conflicts), 'conflict')}"
    )
    if run.conflicts:
        shown = "; ".join(c.line() for c in run.conflicts[:LABEL_CONFLICTS])
        more = len(run.conflicts) - LABEL_CONFLICTS
        if more > 0:  # every one is kept in the journal all the same (CONFLICTS_KEY)
            shown += f"; and {more} more in the setting {CONFLICTS_KEY}"
        label += f" ({shown})"
    return SyncReport(
        vdir=str(run.folder),
        dry_run=dry_run,
        items=tuple(run.items),
        conflicts=tuple(run.conflicts),
        skipped=tuple(run.skipped),
        cards=count,
        label=label,
    )


def _carry(run: _Run, scan: _Scan) -> None:
    """Decide and (unless dry) do everything the scan found."""
    key = str(run.folder)
    taken = set(scan.files)
    for s, card, netty, _data, text in scan.pairs:
        if netty == "skipped" or (netty == "gone" and card == "changed"):
            _forget(run, s)
            if card == "changed":
                scan.new_files.append(s.href)
            continue
        name = _name(run, s.contact_id)
        if card == "deleted":
            if netty in ("gone", "archived"):
                _forget(run, s)
            elif netty == "same":
                run.items.append(
                    SyncItem("in", "archived (card deleted)", name, s.href, s.contact_id)
                )
                if not run.dry:
                    from netty.services.contacts import archive_contact

                    archive_contact(s.contact_id, run.now)
                _forget(run, s)
            else:  # changed in netty since: the card is written back
                run.conflicts.append(
                    SyncConflict(s.contact_id, name, "card", "kept, changed in netty", "deleted")
                )
                _out(run, s.contact_id, s.href, None, None, "written back", s)
            continue
        if netty in ("archived", "gone") and card == "same":
            run.items.append(
                SyncItem("out", "removed (archived in netty)", name, s.href, s.contact_id)
            )
            if not run.dry:
                if _remove(run.folder, s.href, s.card_hash):
                    run.wrote_files = True
                _forget(run, s)
            continue
        if text is None:
            got = _read(run.folder, s.href)
            if got is None:
                continue
            _data, text = got
        restore = netty == "archived"
        base_text = VdirCard.select(VdirCard.base).where(VdirCard.id == s.id).scalar() or ""
        try:
            base = cards.fields_from_card(base_text)
        except cards.CardUnreadable:
            base = None
        _merge(run, s.contact_id, s.href, text, base, s, restore=restore)
    # new cards
    if scan.new_files:
        _new_cards(run, scan, key, taken)
    # contacts new to the folder
    fresh = [c for c in scan.new_contacts if c not in run.touched]
    if fresh:
        _new_contacts(run, scan, fresh, taken)
    if not run.dry:
        _store(run, key)


def _name(run: _Run, contact_id: int) -> str:
    if contact_id not in run.names:
        row = Contact.select(Contact.name).where(Contact.id == contact_id).first()
        run.names[contact_id] = row.name if row else f"#{contact_id}"
    return run.names[contact_id]


def _forget(run: _Run, s: _State) -> None:
    if not run.dry:
        VdirCard.delete().where(VdirCard.id == s.id).execute()


def _merge(
    run: _Run,
    contact_id: int,
    href: str,
    text: str,
    base: dict[str, Any] | None,
    state: _State | None,
    *,
    restore: bool = False,
) -> None:
    """Merge one card with its contact; apply to netty and write the card as needed."""
    try:
        theirs = cards.fields_from_card(text)
    except cards.CardUnreadable as exc:
        run.skipped.append((href, str(exc)))
        return
    ours = cards.fields_from_card(cards.card_text(contact_id))
    merged, found = merge_fields(base, ours, theirs)
    name = _name(run, contact_id)
    for field_name, kept, other in found:
        run.conflicts.append(SyncConflict(contact_id, name, field_name, kept, other))
    into_netty = {k: merged[k] for k in cards.SYNCED if merged[k] != ours.get(k)}
    if restore:
        run.items.append(SyncItem("in", "restored (card changed)", name, href, contact_id))
        if not run.dry:
            from netty.services.contacts import restore_contact

            restore_contact(contact_id, run.now)
    if into_netty:
        run.items.append(
            SyncItem("in", "changed", merged["name"], href, contact_id, tuple(into_netty))
        )
        if not run.dry:
            try:
                with database.atomic():
                    cards.apply_fields(contact_id, into_netty, run.now)
            except InvalidInput as exc:
                run.items.pop()
                run.skipped.append((href, f"not taken into netty: {exc}"))
                return
            run.names[contact_id] = merged["name"]
    out_fields = tuple(k for k in cards.SYNCED if merged[k] != theirs.get(k))
    if out_fields:
        _out(run, contact_id, href, text, out_fields, "changed", state)
    elif not run.dry:
        run.touched[contact_id] = href


def _out(
    run: _Run,
    contact_id: int,
    href: str,
    previous: str | None,
    out_fields: tuple[str, ...] | None,
    what: str,
    state: _State | None,
) -> None:
    run.items.append(
        SyncItem("out", what, _name(run, contact_id), href, contact_id, tuple(out_fields or ()))
    )
    if run.dry:
        return
    uid = _ensure_uid(contact_id, state.uid if state else None)
    text = cards.card_text(contact_id, previous=previous, uid=uid)
    _write(run, href, text, contact_id)


def _ensure_uid(contact_id: int, wanted: str | None) -> str:
    row = Contact.select(Contact.uid).where(Contact.id == contact_id).first()
    if row and row.uid:
        return row.uid
    uid = wanted or cards.new_uid()
    if Contact.select().where(Contact.uid == uid).exists():
        uid = cards.new_uid()
    cards.set_uid(contact_id, uid)
    return uid


def _new_cards(run: _Run, scan: _Scan, key: str, taken: set[str]) -> None:
    """Cards never synced: join them to their contact, or make one."""
    linked = {s.contact_id for s in scan.states.values() if s.href not in scan.new_files}
    linked |= set(run.touched)
    by_uid = {uid: cid for cid, (_fp, _archived, uid) in scan.fps.items() if uid}
    by_email = _emails()
    for href in scan.new_files:
        got = _read(run.folder, href)
        if got is None:
            continue
        data, text = got
        try:
            theirs = cards.fields_from_card(text)
        except cards.CardUnreadable as exc:
            run.skipped.append((href, str(exc)))
            if not run.dry:
                _store_skipped(run, key, href, data)
            continue
        uid = cards.card_uid(text)
        contact_id = by_uid.get(uid) if uid else None
        if contact_id is not None and contact_id in linked:
            other = next((s.href for s in scan.states.values() if s.contact_id == contact_id), "")
            run.skipped.append((href, f"the same UID as {other or 'another card'}"))
            continue
        if contact_id is None:
            for value, _label in theirs["emails"]:
                candidates = by_email.get(value.lower(), set()) - linked
                if len(candidates) == 1:
                    contact_id = next(iter(candidates))
                    break
        if contact_id is not None:
            linked.add(contact_id)
            archived = scan.fps.get(contact_id, ("", False, None))[1]
            if uid and not run.dry and not scan.fps[contact_id][2]:
                cards.set_uid(contact_id, uid)
            _merge(run, contact_id, href, text, None, None, restore=archived)
            run.touched[contact_id] = href
            continue
        run.items.append(SyncItem("in", "new", theirs["name"], href, None, ()))
        if run.dry:
            continue
        try:
            with database.atomic():
                new_id = cards.apply_fields(None, theirs, run.now)
        except InvalidInput as exc:
            run.items.pop()
            run.skipped.append((href, f"not taken into netty: {exc}"))
            continue
        if uid and not Contact.select().where(Contact.uid == uid).exists():
            cards.set_uid(new_id, uid)
        else:
            cards.set_uid(new_id, cards.new_uid())
        linked.add(new_id)
        run.names[new_id] = theirs["name"]
        run.touched[new_id] = href


def _emails() -> dict[str, set[int]]:
    from netty.db.models import ContactMethod

    out: dict[str, set[int]] = {}
    query = (
        ContactMethod.select(ContactMethod.value_key, ContactMethod.contact)
        .join(Contact)
        .where((ContactMethod.kind == "email") & Contact.archived_at.is_null(True))
        .tuples()
    )
    for value, cid in query:
        out.setdefault(value, set()).add(cid)
    return out


def _new_contacts(run: _Run, scan: _Scan, ids: list[int], taken: set[str]) -> None:
    """Contacts the folder has never had: one new card each."""
    run.batch = len(ids) >= BATCH and hasattr(os, "sync")  # os.sync: POSIX only
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        names = dict(Contact.select(Contact.id, Contact.name).where(Contact.id.in_(chunk)).tuples())
        uids = {cid: scan.fps[cid][2] or cards.new_uid() for cid in chunk}
        if not run.dry:
            cards.set_uids({cid: uids[cid] for cid in chunk if not scan.fps[cid][2]})
        texts = {} if run.dry else cards.card_texts(chunk)
        for cid in chunk:
            href = _href_for(uids[cid], taken)
            taken.add(href)
            run.items.append(SyncItem("out", "new", names.get(cid, f"#{cid}"), href, cid))
            if not run.dry:
                _write(run, href, texts[cid], cid)
    if not run.dry:
        _rename(run)
    run.batch = False


def _store_skipped(run: _Run, key: str, href: str, data: bytes) -> None:
    st = os.stat(run.folder / href)
    VdirCard.insert(
        vdir=key,
        href=href,
        contact_id=0,
        uid="",
        card_hash=_digest(data),
        mtime_ns=st.st_mtime_ns,
        size=st.st_size,
        netty_fp="",
        base="",
        synced_at=run.now,
    ).on_conflict(
        conflict_target=[VdirCard.vdir, VdirCard.href],
        update={VdirCard.card_hash: _digest(data), VdirCard.mtime_ns: st.st_mtime_ns},
    ).execute()


def _store(run: _Run, key: str) -> None:
    """Record, for every card this sync touched, its file and its contact as they are now."""
    if not run.touched:
        return
    fps = cards.fingerprints(list(run.touched))
    rows = []
    for cid, href in run.touched.items():
        data = run.written.get(href)
        if data is None:
            got = _read(run.folder, href)
            if got is None:
                continue
            data = got[0]
        if cid not in fps:
            continue
        try:
            st = os.stat(run.folder / href)
        except OSError:
            continue
        rows.append(
            {
                "vdir": key,
                "href": href,
                "contact_id": cid,
                "uid": fps[cid][2] or "",
                "card_hash": _digest(data),
                "mtime_ns": st.st_mtime_ns,
                "size": st.st_size,
                "netty_fp": fps[cid][0],
                "base": _decode(data),
                "synced_at": run.now,
            }
        )
    hrefs = [r["href"] for r in rows]
    for start in range(0, len(hrefs), 500):
        VdirCard.delete().where(
            (VdirCard.vdir == key) & VdirCard.href.in_(hrefs[start : start + 500])
        ).execute()
    for start in range(0, len(rows), 100):
        VdirCard.insert_many(rows[start : start + 100]).execute()


# ------------------------------------------------------------------ configuration

VDIR_KEY = "sync.vdir"
ON_START_KEY = "sync.on_start"
POLL_KEY = "sync.poll"


@dataclass(frozen=True)
class SyncConfig:
    """The configured vdir (None: none) and when the app syncs it (both off by default)."""

    vdir: str | None = None
    on_start: bool = False
    poll: bool = False

    @property
    def active(self) -> bool:
        """Whether the app syncs at all."""
        return bool(self.vdir) and (self.on_start or self.poll)


def sync_config() -> SyncConfig:
    """The ``sync.*`` settings (``netty config sync.vdir PATH`` ...)."""
    from netty.services import settings

    vdir = settings.get(VDIR_KEY)
    return SyncConfig(
        vdir=vdir if isinstance(vdir, str) and vdir else None,
        on_start=settings.get(ON_START_KEY, False) is True,
        poll=settings.get(POLL_KEY, False) is True,
    )
