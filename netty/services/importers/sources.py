"""Reading an import file: refuse what is not text, then decode it.

Accepted: UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 with a
byte-order mark, and, for a file that is not valid UTF-8, the legacy
single-byte Windows-1252 encoding (Latin-1 for the five bytes it leaves
undefined), with a warning. Refused up front, before anything is written: a
ZIP archive (LinkedIn and Google hand out ZIPs: unzip first), other binary
files (NUL bytes, known magic numbers, or too many control characters), files
larger than ``MAX_FILE_BYTES`` (200 MB), anything that is not a regular file (a
device such as /dev/zero, a FIFO: checked with ``stat`` before opening, so it
never blocks or reads without end), and files that cannot be read.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from netty.errors import InvalidInput

MAX_FILE_BYTES = 200 * 1024 * 1024
FORMATS_READ = (
    "LinkedIn Connections.csv, vCard (.vcf), Google Contacts or Outlook CSV, "
    "and netty's own JSON export"
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"PK\x07\x08", "zip"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an Office document (.xls/.doc)"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, form feed and carriage return.
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def refuse_binary(name: str, what: str) -> InvalidInput:
    if what == "zip":
        return InvalidInput(
            f"{name} is a ZIP archive; unzip it first, then import the file inside "
            f"(netty reads {FORMATS_READ})"
        )
    return InvalidInput(f"{name} is {what}, not a contacts file; netty reads {FORMATS_READ}")


def read_text(path: Path) -> tuple[str, list[str]]:
    """The decoded text of ``path`` and any warnings about its encoding; InvalidInput if refused."""
    name = path.name or str(path)
    try:
        info = os.stat(path)  # never opened before it is known to be a regular file
        if stat.S_ISDIR(info.st_mode):
            raise InvalidInput(f"{path} is a folder; give the path of a file")
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(
                f"{path} is not a regular file (a device, a FIFO or a socket); "
                "save the contacts to a file and import that"
            )
        if info.st_size > MAX_FILE_BYTES:
            raise InvalidInput(_too_big(name, info.st_size))
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)  # a file growing meanwhile is cut off here
        if len(data) > MAX_FILE_BYTES:
            raise InvalidInput(_too_big(name, len(data)))
    except FileNotFoundError as exc:
        raise InvalidInput(f"no file {path}; check the path") from exc
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    return decode(data, name)


def _too_big(name: str, size: int) -> str:
    return (
        f"{name} is {size / 1024 / 1024:.0f} MB or more; netty imports files up to "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB: split it first"
    )


def decode(data: bytes, name: str = "the file") -> tuple[str, list[str]]:
    """Bytes to text by the rules above; InvalidInput for anything that is not text."""
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InvalidInput(
                    f"{name} starts like {encoding.removesuffix('-sig').upper()} text but is "
                    f"damaged at byte {exc.start}; save it again as UTF-8 and retry"
                ) from exc
            text = text.removeprefix("\ufeff")
            _check_text(text, name)
            return text, warnings
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise refuse_binary(name, what)
    if b"\x00" in data:
        raise refuse_binary(name, "a binary file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        warnings.append(
            f"{name} is not UTF-8; read it as Windows-1252 (Western European). If names "
            "look wrong, save the file as UTF-8 and import it again"
        )
    _check_text(text, name)
    return text, warnings


def _check_text(text: str, name: str) -> None:
    controls = len(_BINARY_CHARS.findall(text))
    if controls and controls * 100 > len(text):
        raise refuse_binary(name, "a binary file")
