"""LinkedIn's ``Connections.csv`` (from "Get a copy of your data").

The file starts with a few lines of notes, then the header row
``First Name,Last Name,URL,Email Address,Company,Position,Connected On``: the
header is searched for in the first ``HEADER_SEARCH_LINES`` lines, never assumed
to be line 1. Most emails are empty (LinkedIn only exports those a connection
allowed). ``Connected On`` is ``14 Mar 2024``; month names are parsed from a
built-in English table, so the locale does not matter.

Each row with a first or last name becomes a contact: Company -> organization,
Position -> title, URL -> the LinkedIn profile (the merge key), Connected On ->
``connected_at``; ring 3 and channel "online" unless the contact already exists.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from functools import lru_cache

from netty.dates import MAX_YEAR, MIN_YEAR
from netty.errors import InvalidInput
from netty.services.importers._fast import fold, linkedin_key
from netty.services.importers.record import (
    LINKEDIN_PREFIX,
    Record,
    Skip,
    build_record,
    quiet_line,
)

HEADER_SEARCH_LINES = 60
DEFAULT_RING = 3
DEFAULT_CHANNEL = "online"

COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "e-mail address": "email",
    "email": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected",
}
_LINES = re.compile(r"\r\n|\r|\n")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ \-/.]+([a-z]+)\.?[ \-/.,]+(\d{2}|\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


@lru_cache(maxsize=8192)
def parse_connected_on(text: str) -> str | None:
    """``14 Mar 2024`` (or ``Mar 14, 2024``, ``2024-03-14``, ``3/14/24``) as UTC text at midnight."""
    value = " ".join(text.strip().lower().split())
    if not value:
        return None
    year = month = day = 0
    if m := _DAY_MONTH_YEAR.match(value):
        day, month, year = int(m[1]), MONTHS.get(m[2], 0), int(m[3])
    elif m := _MONTH_DAY_YEAR.match(value):
        month, day, year = MONTHS.get(m[1], 0), int(m[2]), int(m[3])
    elif m := _ISO.match(value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _US.match(value):
        month, day, year = int(m[1]), int(m[2]), int(m[3])
    if 0 < year < 100:
        year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return f"{date.isoformat()} 00:00:00"


def find_header(text: str) -> tuple[int, dict[str, int]] | None:
    """(character offset of the header row, column -> index), or None if there is none."""
    offset = 0
    for number, match in enumerate(_iter_lines(text)):
        if number >= HEADER_SEARCH_LINES:
            break
        line, end = match
        if "," in line or ";" in line:
            columns = _columns(line)
            if columns is not None:
                return offset, columns
        offset = end
    return None


def _iter_lines(text: str):
    start = 0
    for m in _LINES.finditer(text):
        yield text[start : m.start()], m.end()
        start = m.end()
    if start < len(text):
        yield text[start:], len(text)


def _columns(line: str) -> dict[str, int] | None:
    delimiter = ";" if line.count(";") > line.count(",") else ","
    try:
        cells = next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return None
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = COLUMNS.get(" ".join(cell.strip().lstrip("\ufeff").lower().split()))
        if key and key not in found:
            found[key] = index
    if {"first", "last"} <= found.keys() and ({"url", "connected"} & found.keys()):
        found["_delimiter"] = ord(delimiter)
        return found
    return None


def parse(text: str, name: str = "the file") -> list[Record | Skip]:
    """Every data row as a Record or a Skip; empty rows are left out."""
    header = find_header(text)
    if header is None:
        raise InvalidInput(
            f"{name} is not a LinkedIn Connections.csv: no header row "
            "'First Name,Last Name,URL,Email Address,Company,Position,Connected On' in its "
            f"first {HEADER_SEARCH_LINES} lines (for Google or Outlook CSV use "
            "`netty import csv`, for .vcf files `netty import vcard`)"
        )
    offset, columns = header
    delimiter = chr(columns.pop("_delimiter"))
    reader = csv.reader(io.StringIO(text[offset:], newline=""), delimiter=delimiter)
    try:
        next(reader)  # the header itself
    except csv.Error as exc:
        raise InvalidInput(f"cannot read {name} as CSV: {exc}") from exc
    width = max(columns.values()) + 1
    get = {key: index for key, index in columns.items()}
    out: list[Record | Skip] = []
    seen: dict[str, str | None] = {}  # companies and positions repeat: cleaned once
    no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InvalidInput(f"cannot read {name} as CSV after row {no}: {exc}") from exc
        no += 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
        first = row[get["first"]]
        last = row[get["last"]]
        if not (first.strip() or last.strip()):
            out.append(Skip(no, "no first or last name"))
            continue
        warnings: list[str] = []
        connected = None
        if "connected" in get and row[get["connected"]].strip():
            raw = row[get["connected"]]
            connected = parse_connected_on(raw)
            if connected is None:
                warnings.append(f"'Connected On' {raw.strip()!r} is not a date; left out")
        url = row[get["url"]] if "url" in get else ""
        email = row[get["email"]] if "email" in get else ""
        company = row[get["company"]] if "company" in get else ""
        position = row[get["position"]] if "position" in get else ""
        if not email.strip():
            record = quick_record(
                no, first, last, url, company, position, connected, warnings, seen
            )
            if record is not None:
                out.append(record)
                continue
        record = build_record(
            no,
            given=first,
            family=last,
            organization=company,
            title=position,
            emails=[(email, "")] if email.strip() else (),
            urls=[(url, "linkedin")] if url.strip() else (),
            connected_at=connected,
            warnings=warnings,
        )
        if isinstance(record, Record):
            record.default_ring = DEFAULT_RING
            record.default_channel = DEFAULT_CHANNEL
        out.append(record)
    return out


def quick_record(
    no: int,
    first: str,
    last: str,
    url: str,
    company: str,
    position: str,
    connected: str | None,
    warnings: list[str],
    seen: dict[str, str | None] | None = None,
) -> Record | None:
    """The common row without an email, quickly: exactly the Record ``build_record``
    makes of it (with LinkedIn's default ring and channel), or None for a row that
    needs ``build_record``'s general path: a field cut to length, a URL that is not a
    LinkedIn profile, a name that is the company's. ``seen`` remembers cleaned
    companies and positions between rows. tests/services/importers/test_fast.py
    checks the two agree.
    """
    seen = {} if seen is None else seen
    person = quiet_line(f"{first} {last}")
    if not person:
        return None
    org = seen[company] if company in seen else seen.setdefault(company, quiet_line(company))
    title = seen[position] if position in seen else seen.setdefault(position, quiet_line(position))
    name_key = fold(person)
    if org is None or title is None or (org and name_key == fold(org)):
        return None
    urls: list[tuple[str, str, str, int]] = []
    profile = None
    if url.strip():
        text = quiet_line(url)
        if text is None or " " in text:
            return None
        if text:
            key = linkedin_key(text)
            if not key:
                return None
            urls.append((text, key, "linkedin", 0))
            profile = key if key.startswith(LINKEDIN_PREFIX) else None
    return Record(
        no=no,
        name=person,
        name_key=name_key,
        organization=org,
        title=title,
        urls=urls,
        linkedin=profile,
        default_ring=DEFAULT_RING,
        default_channel=DEFAULT_CHANNEL,
        connected_at=connected,
        warnings=warnings,
    )
