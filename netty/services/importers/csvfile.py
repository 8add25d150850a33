"""Contacts CSV: Google Contacts (current and older layouts), Outlook, or any CSV with a map.

The layout is recognised by the header row (line 1, or the first non-empty
line); the delimiter is whichever of ``,`` ``;`` or tab the header uses most.

- Google Contacts, current layout: ``First Name``, ``Middle Name``,
  ``Last Name``, ``Organization Name``, ``Organization Title``, ``Labels``,
  ``E-mail 1 - Label`` / ``E-mail 1 - Value``, ``Phone 1 - ...``,
  ``Website 1 - ...``, ``Address 1 - Formatted`` ...
- Google Contacts, older layout: ``Name``, ``Given Name``, ``Family Name``,
  ``Group Membership``, ``E-mail 1 - Type`` / ``E-mail 1 - Value``,
  ``Organization 1 - Name``, ``Organization 1 - Title`` ...
  In both, one cell may hold several values joined with `` ::: ``.
- Outlook: ``First Name``, ``Last Name``, ``Company``, ``Job Title``,
  ``E-mail Address``, ``E-mail 2 Address``, ``Mobile Phone``, ``Business Phone``,
  ``Web Page``, ``Categories`` ... (Outlook's ``Title`` is "Mr."/"Dr.").
- Thunderbird: ``First Name``, ``Last Name``, ``Display Name``, ``Nickname``,
  ``Primary Email``, ``Secondary Email``, ``Work Phone`` ... ``Birth Year``,
  ``Birth Month``, ``Birth Day`` (told apart from Outlook by ``Primary Email``
  and ``Display Name``).
- netty's own ``netty export csv`` (``id,name,...,ring,...,next_ping_at``): read
  back without ``--map``; the formula guard (a ``'`` before ``=``, ``+``, ``-``,
  ``@``) is taken off, so a phone keeps its ``+``.
- In every layout nicknames, birthdays (Outlook's ``4/12/1985``, Google's
  ``--04-12``), anniversaries, departments, structured names and addresses go to
  the card (``record.Card``), not into the details text.
- A LinkedIn ``Connections.csv`` is read as ``netty import linkedin`` would.
- Any other CSV needs ``--map``: ``name=Full Name,email=E-mail,...`` naming,
  for each netty field, the column it comes from (see ``MAP_FIELDS``; a field
  may be named more than once, e.g. two email columns). Without a map, a CSV
  that is none of the above is refused: it is not a contacts export netty
  knows.

A data row's record number counts rows after the header, from 1 (a cell with
newlines inside quotes is still one row).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import defaultdict
from collections.abc import Callable

from netty.errors import InvalidInput
from netty.services.cardfields import (
    address_text,
    parse_address_cell,
    parse_affiliation_cell,
    parse_csv_date,
    parse_handle_cell,
)
from netty.services.importers import linkedin
from netty.services.importers.record import Card, Record, Skip, build_record
from netty.services.importers.sources import FORMATS_READ

csv.field_size_limit(min(sys.maxsize, 1 << 28))  # a huge note is truncated, not fatal

SEPARATOR = " ::: "
MAP_FIELDS = {
    "name": "name",
    "full_name": "name",
    "first_name": "given",
    "first": "given",
    "given": "given",
    "last_name": "family",
    "last": "family",
    "family": "family",
    "organization": "organization",
    "org": "organization",
    "company": "organization",
    "title": "title",
    "position": "title",
    "email": "email",
    "phone": "phone",
    "url": "url",
    "website": "url",
    "linkedin": "url",
    "notes": "notes",
    "note": "notes",
    "details": "details",
    "location": "location",
    "address": "location",
    "tags": "tags",
    "tag": "tags",
    "ring": "ring",
    "channel": "channel",
    "cadence": "cadence",
    "every": "cadence",
    "strength": "strength",
    "how_met": "how_met",
    "met": "how_met",
}
_NUMBERED = re.compile(r"^(.+?) (\d+) - (.+)$")
_OUTLOOK_EMAIL = re.compile(r"^e-mail(?: (\d+))? address$")
_OUTLOOK_PHONE = re.compile(r"^(.*?)\s*(phone|fax|pager)(?: (\d+))?$")
_EMPTY_DATES = frozenset({"0/0/00", "1/0/00", "00/00/0000", "0/0/0000"})

Row = Callable[[str], str]


def parse(
    text: str, mapping: str | None, name: str = "the file"
) -> tuple[str, list[Record | Skip]]:
    """(the layout recognised, every data row as a Record or a Skip)."""
    if mapping is None and linkedin.find_header(text) is not None:
        return "LinkedIn connections", linkedin.parse(text, name)
    if "BEGIN:VCARD" in text[:4096].upper():
        raise InvalidInput(f"{name} is a vCard file; import it with `netty import vcard`")
    first_line = next((ln for ln in re.split(r"\r\n|\r|\n", text) if ln.strip()), "")
    if not first_line:
        raise InvalidInput(f"{name} is empty; netty reads {FORMATS_READ}")
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = _rows(reader, name)
    header: list[str] | None = None
    for row in rows:
        if any(cell.strip() for cell in row):
            header = [" ".join(c.replace("\ufeff", "").split()) for c in row]
            break
    if header is None:
        raise InvalidInput(f"{name} is empty; netty reads {FORMATS_READ}")
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        if h:
            index.setdefault(h.lower(), i)
    if mapping is not None:
        layout, reader_fn = "CSV with --map", _mapped(_parse_map(mapping, index, name), index)
    else:
        layout, reader_fn = _recognise(index, name)
    out: list[Record | Skip] = []
    for no, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue

        def cell(column: str, row: list[str] = row) -> str:
            i = index.get(column)
            return row[i] if i is not None and i < len(row) else ""

        out.append(reader_fn(no, cell))
    return layout, out


def _rows(reader, name: str):
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InvalidInput(f"cannot read {name} as CSV after row {count}: {exc}") from exc
        count += 1
        yield row


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(SEPARATOR.strip())] if value.strip() else []


def _recognise(index: dict[str, int], name: str):
    has = index.__contains__
    numbered = any(_NUMBERED.match(h) for h in index)
    if has("name") and has("ring") and has("emails") and has("next_ping_at"):
        return "netty CSV", _netty(index)
    if has("primary email") and has("display name"):
        return "Thunderbird CSV", _thunderbird
    if has("first name") and (has("e-mail address") or has("job title") or has("company")):
        return "Outlook CSV", _outlook(index)
    if has("first name") and (has("organization name") or has("labels") or numbered):
        return "Google Contacts CSV", _google(index, current=True)
    if (has("given name") or has("family name")) and (has("group membership") or numbered):
        return "Google Contacts CSV (older layout)", _google(index, current=False)
    shown = ", ".join(list(index)[:6])
    raise InvalidInput(
        f"{name} is not a contacts export netty recognises (its columns: {shown}); netty "
        f"reads {FORMATS_READ}. For another CSV, say which column is which: "
        '--map "name=Full Name,email=E-mail,phone=Mobile"'
    )


# ------------------------------------------------------------------ Google


def _google(index: dict[str, int], current: bool):
    groups: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for header in index:
        m = _NUMBERED.match(header)
        if m:
            groups[(m[1], m[2])][m[3]] = header

    def numbered(kind: str) -> list[dict[str, str]]:
        found = [(int(n), cols) for (k, n), cols in groups.items() if k == kind]
        return [cols for _n, cols in sorted(found, key=lambda item: item[0])]

    def values(cell: Row, kind: str) -> list[tuple[str, str]]:
        out = []
        for cols in numbered(kind):
            label = cell(cols.get("label", cols.get("type", "")))
            label = label.strip().lstrip("* ").strip()
            for value in _split(cell(cols.get("value", ""))):
                out.append((value, "" if label.lower() in ("other", "") else label))
        return out

    def read(no: int, cell: Row) -> Record | Skip:
        orgs = numbered("organization")
        org_cols = orgs[0] if orgs else {}
        organization = cell("organization name") or cell(org_cols.get("name", ""))
        title = cell("organization title") or cell(org_cols.get("title", ""))
        department = cell("organization department") or cell(org_cols.get("department", ""))
        labels = cell("labels") if current else cell("group membership")
        tags = [
            t.lstrip("* ").strip()
            for t in _split(labels)
            if t.lstrip("* ").strip().lower() not in ("mycontacts", "my contacts")
        ]
        address = ""
        for cols in numbered("address"):
            formatted = cell(cols.get("formatted", ""))
            address = formatted or ", ".join(
                v
                for v in (
                    cell(cols.get(part, ""))
                    for part in ("street", "city", "region", "postal code", "country")
                )
                if v.strip()
            )
            if address.strip():
                break
        card = Card(
            nicknames=_split(cell("nickname")),
            unit=department.strip(),
            name_parts=_parts(
                cell("name prefix"),
                cell("first name") or cell("given name"),
                cell("middle name") or cell("additional name"),
                cell("last name") or cell("family name"),
                cell("name suffix"),
            ),
            gender=_gender(cell("gender")),
        )
        _add_date(card, "BDAY", cell("birthday"))
        for cols in numbered("event"):
            label = cell(cols.get("label", cols.get("type", ""))).strip().lstrip("* ").lower()
            if label == "anniversary":
                _add_date(card, "ANNIVERSARY", cell(cols.get("value", "")))
        for cols in numbered("address"):
            parts = tuple(
                cell(cols.get(f, ""))
                for f in ("po box", "extended address", "street", "city", "region",
                          "postal code", "country")
            )  # fmt: skip
            if not any(p.strip() for p in parts):
                parts = ("", "", cell(cols.get("formatted", "")), "", "", "", "")
            label = cell(cols.get("label", cols.get("type", ""))).strip().lstrip("* ").lower()
            if any(p.strip() for p in parts):
                card.addresses.append((label if label != "other" else "", *parts))
        for cols in numbered("im"):
            service = cell(cols.get("service", "")).strip().lstrip("* ").lower()
            for value in _split(cell(cols.get("value", ""))):
                card.handles.append(("impp", _SERVICE_NAMES.get(service, service), value, ""))
        details: list[str] = []
        given = " ".join(
            cell(c).strip()
            for c in ("name prefix", "first name", "given name", "middle name", "additional name")
            if cell(c).strip()
        )
        family = " ".join(
            cell(c).strip() for c in ("last name", "family name", "name suffix") if cell(c).strip()
        )
        return build_record(
            no,
            name=cell("name") if not current else "",
            given=given,
            family=family,
            organization=organization,
            title=title,
            emails=values(cell, "e-mail"),
            phones=values(cell, "phone"),
            urls=values(cell, "website"),
            location=address or cell("location"),
            notes=[cell("notes")],
            details=details,
            tags=tags,
            card=card,
        )

    return read


# ------------------------------------------------------------------ Outlook


def _outlook(index: dict[str, int]):
    email_cols = sorted((int(m[1] or 1), h) for h in index if (m := _OUTLOOK_EMAIL.match(h)))
    phone_cols = [
        (h, " ".join(w for w in (m[1], m[2] if m[2] != "phone" else "") if w).strip())
        for h in index
        if (m := _OUTLOOK_PHONE.match(h)) and "yomi" not in h
    ]
    phone_cols.sort(key=lambda item: (item[0] != "primary phone", index[item[0]]))
    url_cols = [h for h in ("web page", "personal web page", "business web page") if h in index]

    def read(no: int, cell: Row) -> Record | Skip:
        location = ""
        for where in ("business", "home", "other"):
            location = ", ".join(
                v.strip()
                for v in (
                    cell(f"{where} street"),
                    cell(f"{where} city"),
                    cell(f"{where} state"),
                    cell(f"{where} postal code"),
                    cell(f"{where} country/region") or cell(f"{where} country"),
                )
                if v.strip()
            )
            if location:
                break
        card = Card(
            nicknames=_split(cell("nickname")),
            unit=cell("department").strip(),
            name_parts=_parts(
                cell("title"), cell("first name"), cell("middle name"), cell("last name"),
                cell("suffix"),
            ),
            gender=_gender(cell("gender")),
        )  # fmt: skip
        _add_date(card, "BDAY", cell("birthday"))
        _add_date(card, "ANNIVERSARY", cell("anniversary"))
        for where, label in (("business", "work"), ("home", "home"), ("other", "")):
            street = "\n".join(
                v.strip()
                for v in (cell(f"{where} street{n}") for n in ("", " 2", " 3"))
                if v.strip()
            )
            parts = (
                cell(f"{where} address po box"), "", street, cell(f"{where} city"),
                cell(f"{where} state"), cell(f"{where} postal code"),
                cell(f"{where} country/region") or cell(f"{where} country"),
            )  # fmt: skip
            if any(p.strip() for p in parts):
                card.addresses.append((label, *parts))
        details = []
        for label, column in (
            ("Spouse", "spouse"),
            ("Children", "children"),
        ):
            value = cell(column).strip()
            if value and value not in _EMPTY_DATES:
                details.append(f"{label}: {value}")
        categories = cell("categories")
        tags = [t.strip() for t in re.split(r"[;,]", categories) if t.strip()]
        given = " ".join(
            cell(c).strip() for c in ("title", "first name", "middle name") if cell(c).strip()
        )
        family = " ".join(cell(c).strip() for c in ("last name", "suffix") if cell(c).strip())
        return build_record(
            no,
            name=cell("name"),
            given=given,
            family=family,
            organization=cell("company"),
            title=cell("job title"),
            emails=[(v, "") for _n, h in email_cols for v in _split(cell(h))],
            phones=[(cell(h), label) for h, label in phone_cols if cell(h).strip()],
            urls=[(cell(h), "") for h in url_cols if cell(h).strip()],
            location=location or cell("location"),
            notes=[cell("notes")],
            details=details,
            tags=tags,
            card=card,
        )

    return read


# ------------------------------------------------------------------ the card


_SERVICE_NAMES = {"jabber": "xmpp", "google talk": "gtalk", "hangouts": "gtalk"}


def _parts(*parts: str) -> tuple[str, str, str, str, str] | None:
    """A structured name (prefix, given, additional, family, suffix), or None when empty."""
    cleaned = tuple(p.strip() for p in parts)
    return cleaned if any(cleaned) else None  # type: ignore[return-value]


def _gender(text: str) -> str:
    return {"male": "M", "female": "F", "m": "M", "f": "F", "other": "O"}.get(
        text.strip().lower(), ""
    )


def _add_date(card: Card, kind: str, text: str) -> None:
    date = parse_csv_date(kind, text)
    if date is not None:
        card.dates.append(date)


# ------------------------------------------------------------------ Thunderbird


def _thunderbird(no: int, cell: Row) -> Record | Skip:
    """Thunderbird's address book CSV (``First Name,Last Name,Display Name,...``)."""
    card = Card(
        nicknames=_split(cell("nickname")),
        unit=cell("department").strip(),
        name_parts=_parts("", cell("first name"), "", cell("last name"), ""),
    )
    for where, label in (("work", "work"), ("home", "home")):
        parts = (
            "", cell(f"{where} address 2"), cell(f"{where} address"), cell(f"{where} city"),
            cell(f"{where} state"), cell(f"{where} zipcode"), cell(f"{where} country"),
        )  # fmt: skip
        if any(p.strip() for p in parts):
            card.addresses.append((label, *parts))
    year, month, day = (cell(f"birth {w}").strip() for w in ("year", "month", "day"))
    if month.isdigit() and day.isdigit():
        text = f"{year}-{int(month):02d}-{int(day):02d}" if year.isdigit() else (
            f"--{int(month):02d}{int(day):02d}"
        )  # fmt: skip
        _add_date(card, "BDAY", text)
    if cell("screen name").strip():
        card.handles.append(("impp", "aim", cell("screen name").strip(), ""))
    details = [
        f"Custom {n}: {cell(f'custom {n}').strip()}"
        for n in range(1, 5)
        if cell(f"custom {n}").strip()
    ]
    return build_record(
        no,
        name=cell("display name"),
        given=cell("first name"),
        family=cell("last name"),
        organization=cell("organization"),
        title=cell("job title"),
        emails=[(cell(c), "") for c in ("primary email", "secondary email") if cell(c).strip()],
        phones=[
            (cell(column), label)
            for column, label in (
                ("work phone", "work"),
                ("home phone", "home"),
                ("mobile number", "cell"),
                ("fax number", "fax"),
                ("pager number", "pager"),
            )
            if cell(column).strip()
        ],
        urls=[(cell(c), "") for c in ("web page 1", "web page 2") if cell(c).strip()],
        location=address_text(card.addresses[0][1:]) if card.addresses else "",
        notes=[cell("notes")],
        details=details,
        card=card,
    )


# ------------------------------------------------------------------ netty's own export

_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def _unguard(text: str) -> str:
    """A cell as netty wrote it, with the spreadsheet formula guard (a leading ') taken off."""
    return text[1:] if text.startswith(_GUARDED) else text


def _netty(index: dict[str, int]):
    """netty's own CSV export (``netty export csv``): every column back where it came from."""

    def read(no: int, raw: Row) -> Record | Skip:
        def cell(column: str) -> str:
            return _unguard(raw(column))

        def labelled(kind: str) -> list[tuple[str, str]]:
            values = _split(cell(kind + "s"))
            labels = [v.strip() for v in cell(kind + "_labels").split(SEPARATOR.strip())]
            labels += [""] * len(values)
            return list(zip(values, labels, strict=False))

        card = Card(
            uid=cell("uid").strip() or None,
            name_parts=_parts(
                cell("name_prefix"), cell("given_name"), cell("additional_names"),
                cell("family_name"), cell("name_suffix"),
            ),
            nicknames=_split(cell("nicknames")),
            unit=cell("unit"),
            role=cell("role"),
        )  # fmt: skip
        sex, _, identity = cell("gender").partition(";")
        card.gender, card.gender_text = sex.strip()[:1].upper(), identity.strip()
        if card.gender not in ("M", "F", "O", "N", "U"):
            card.gender = ""
        _add_date(card, "BDAY", cell("birthday"))
        for text in _split(cell("anniversaries")):
            _add_date(card, "ANNIVERSARY", text)
        card.addresses = [parse_address_cell(a) for a in _split(cell("addresses"))]
        card.handles = [h for h in map(parse_handle_cell, _split(cell("handles"))) if h]
        card.affiliations = [parse_affiliation_cell(a) for a in _split(cell("affiliations"))]
        connected = cell("connected_at").strip()
        return build_record(
            no,
            name=cell("name"),
            organization=cell("organization"),
            title=cell("title"),
            emails=labelled("email"),
            phones=labelled("phone"),
            urls=labelled("url"),
            location=cell("location"),
            notes=[cell("notes")],
            details=[cell("details")],
            how_met=cell("how_met"),
            tags=_split(cell("tags")),
            ring=cell("ring") or None,
            channel=cell("channel") or None,
            cadence=cell("cadence_days") or None,
            strength=cell("strength") or None,
            connected_at=connected if _MOMENT.match(connected) else None,
            card=card,
        )

    return read


_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


# ------------------------------------------------------------------ --map


def _parse_map(mapping: str, index: dict[str, int], name: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = defaultdict(list)
    for item in mapping.split(","):
        if not item.strip():
            continue
        key, eq, column = item.partition("=")
        key = key.strip().lower().replace("-", "_").replace(" ", "_")
        if not eq or not column.strip():
            raise InvalidInput(
                f"--map wants field=Column pairs separated by commas, e.g. "
                f'"name=Full Name,email=E-mail"; {item.strip()!r} has no column'
            )
        if key not in MAP_FIELDS:
            raise InvalidInput(
                f"--map: unknown field {key!r}; use some of: {', '.join(sorted(set(MAP_FIELDS)))}"
            )
        column_key = " ".join(column.split()).lower()
        if column_key not in index:
            shown = ", ".join(list(index)[:12])
            raise InvalidInput(f"--map: {name} has no column {column.strip()!r} (it has: {shown})")
        fields[MAP_FIELDS[key]].append(column_key)
    if not {"name", "given", "family", "organization", "email"} & fields.keys():
        raise InvalidInput(
            "--map must name the column of at least one of: name, first_name, last_name, "
            "organization, email"
        )
    return fields


def _mapped(fields: dict[str, list[str]], index: dict[str, int]):
    def many(cell: Row, field: str) -> list[str]:
        return [v for column in fields.get(field, ()) for v in _split(cell(column))]

    def one(cell: Row, field: str) -> str:
        return " ".join(cell(column).strip() for column in fields.get(field, ()) if cell(column))

    def read(no: int, cell: Row) -> Record | Skip:
        return build_record(
            no,
            name=one(cell, "name"),
            given=one(cell, "given"),
            family=one(cell, "family"),
            organization=one(cell, "organization"),
            title=one(cell, "title"),
            emails=[(v, "") for v in many(cell, "email")],
            phones=[(v, "") for v in many(cell, "phone")],
            urls=[(v, "") for v in many(cell, "url")],
            location=one(cell, "location"),
            notes=[cell(column) for column in fields.get("notes", ())],
            details=[cell(column) for column in fields.get("details", ())],
            how_met=one(cell, "how_met"),
            tags=[t for v in many(cell, "tags") for t in re.split(r"[;,]", v)],
            ring=one(cell, "ring") or None,
            channel=one(cell, "channel") or None,
            cadence=one(cell, "cadence") or None,
            strength=one(cell, "strength") or None,
        )

    return read
