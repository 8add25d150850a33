"""Every file netty writes goes through here: checked first, then written atomically.

``check_output(path, protect)`` decides whether ``path`` may be written: it must
be a new file or an existing regular file, in a folder that exists, with a name
of at most 255 bytes, and it must not be the database, its ``-wal``, ``-shm``
or ``-journal``, a backup beside it, or any other SQLite file. Devices, FIFOs,
sockets and folders are refused. Nothing is opened to decide (``os.stat``
only), so a FIFO never blocks. Refusals are ``InvalidInput`` (one line, exit 2).

``atomic_path(target)`` yields a temporary path in the target's folder, named
``.<name>.<pid>-<random>.netty-tmp``; when the block ends without an exception
the temporary file is fsynced, renamed over the target, and the folder is
fsynced. On any exception, ``KeyboardInterrupt`` included, the temporary file
(and a ``-journal``/``-wal``/``-shm`` beside it) is removed. A temporary file
left by a killed run (its pid no longer alive) is removed by the next run that
checks an output path in that folder, even one it then refuses. ``atomic_text`` is the same for a text stream.

Errors of the file system become one line: a full disk says "disk full".
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from netty.errors import InvalidInput

TEMP_SUFFIX = ".netty-tmp"
MAX_NAME_BYTES = 255
_TEMP_NAME = re.compile(r"^\.(?P<name>.*)\.(?P<pid>\d+)-[0-9a-f]{8}\.netty-tmp(?:-\w+)?$")
# Temporary files written by netty's exports before this module:
# ``.<target name>.<8 random>.tmp``; removed only beside that same target.
_OLD_TEMP_SUFFIX = re.compile(r"^\.[a-z0-9_]{8}\.tmp$")
SQLITE_HEADER = b"SQLite format 3\x00"


def describe_os_error(exc: OSError) -> str:
    """A few words for an OS error; a full disk (ENOSPC, EDQUOT, EFBIG) is "disk full"."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return "disk full"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def protected_paths(database: Path | None) -> list[Path]:
    """The database file, its companions and the backups beside it: never an output."""
    if database is None:
        return []
    database = Path(database)
    found = [database] + [
        database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal")
    ]
    with contextlib.suppress(OSError):
        found += list(database.parent.glob(f"{database.name}.*.bak"))
        found += list(database.parent.glob("netty-backup-*.db"))
    return found


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_output(
    path: str | os.PathLike[str], protect: Iterable[Path] = (), *, overwrite: bool = True
) -> Path:
    """The checked target for ``path``; ``InvalidInput`` if it must not be written.

    ``protect`` lists files that are never overwritten (see ``protected_paths``);
    ``overwrite=False`` refuses any existing file.
    """
    target = Path(path).expanduser()
    if not target.name or target.name in (".", ".."):
        raise InvalidInput(f"{path} is not a file name; give one, e.g. netty-export.json")
    if len(os.fsencode(target.name)) > MAX_NAME_BYTES:
        raise InvalidInput(
            f"the file name {target.name[:40]}... is {len(target.name)} characters long; "
            f"names can have at most {MAX_NAME_BYTES} bytes"
        )
    target = Path(os.path.abspath(target))
    if target.parent.is_dir():
        clean_stale_temps(target.parent, target.name)  # left by a killed run, whatever next
    for other in protect:
        if _same(target, other):
            raise InvalidInput(f"{target} is the database or its backup; choose another file name")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InvalidInput(f"cannot write {target}: {describe_os_error(exc)}") from exc
    if info is not None:
        kind = _kind(info.st_mode)
        if kind:
            raise InvalidInput(f"{target} is {kind}; give the name of a regular file")
        if not overwrite:
            raise InvalidInput(f"{target} already exists; choose another name")
        if _is_sqlite(target):
            raise InvalidInput(
                f"{target} is a SQLite database; netty never writes over one: choose another name"
            )
    folder = target.parent
    if not folder.is_dir():
        raise InvalidInput(f"the folder {folder} does not exist; create it first")
    return target


def _temp_name(target: Path) -> Path:
    stem = target.name[:120]
    return target.with_name(f".{stem}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_stale_temps(folder: Path, target: str | None = None) -> list[Path]:
    """Remove temporary files in ``folder`` left by killed netty runs; returns them.

    A ``.netty-tmp`` file is stale when the process named in it is gone; an
    older-style ``.<target>.<8 random>.tmp`` only when ``target`` names it.
    """
    removed = []
    old_prefix = f".{target}" if target else None
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMP_NAME.match(entry.name)
            stale = match and not _alive(int(match["pid"]))
            if old_prefix and entry.name.startswith(old_prefix):
                stale = stale or bool(_OLD_TEMP_SUFFIX.match(entry.name[len(old_prefix) :]))
            if stale and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _remove_temp(temp: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(f"{temp}{suffix}")


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: Path, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a new, empty, 0600 temporary file beside ``target``; on success it becomes ``target``.

    ``target`` should come from ``check_output``. With ``overwrite=False`` the
    rename never replaces a file that appeared meanwhile (``os.link``).
    """
    folder = target.parent
    clean_stale_temps(folder, target.name)
    temp = _temp_name(target)
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise InvalidInput(f"cannot write in {folder}: {describe_os_error(exc)}") from exc
    try:
        yield temp
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(temp, target)
        else:
            os.link(temp, target)
            os.unlink(temp)
        fsync_folder(folder)
    except FileExistsError as exc:
        _remove_temp(temp)
        raise InvalidInput(f"{target} already exists; choose another name") from exc
    except OSError as exc:
        _remove_temp(temp)
        raise InvalidInput(f"cannot write {target}: {describe_os_error(exc)}") from exc
    except BaseException:
        _remove_temp(temp)
        raise
    _remove_temp(temp)  # companions SQLite may have left beside it


@contextlib.contextmanager
def atomic_text(target: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """``atomic_path`` for text: yields a stream (newlines written as given)."""
    with atomic_path(target) as temp, open(temp, "w", encoding=encoding, newline="") as out:
        yield out
        out.flush()


__all__ = [
    "atomic_path",
    "atomic_text",
    "check_output",
    "clean_stale_temps",
    "describe_os_error",
    "protected_paths",
]
