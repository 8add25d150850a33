"""The vCard fields beyond name, email, phone and URL, as plain values both ways.

Shared by the vCard and CSV readers and writers so that what one writes the
other reads back the same:

- ``split_name``: the structured name a display name implies (the last word is
  the family name). The importer keeps a card's ``N`` only when it differs from
  this, and the exporter writes this when none is kept, so a round trip is exact.
- ``CardDate`` and ``parse_date`` / ``date_value``: a ``BDAY`` / ``ANNIVERSARY``
  with or without a year (RFC 6350 section 4.3.4 ``--MMDD``; Apple's
  ``X-APPLE-OMIT-YEAR=1604`` placeholder year read as none), or as text.
- ``IMPP_SERVICES``: the older ``X-`` messaging properties and the URI scheme
  and service each one stands for.
- ``derived_uid``: the UID a contact without one is exported with.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

#: X- messaging properties (Apple, Evolution, KDE, Android) -> (service, IMPP URI scheme).
IMPP_SERVICES: dict[str, tuple[str, str]] = {
    "X-JABBER": ("xmpp", "xmpp"),
    "X-GOOGLE-TALK": ("gtalk", "xmpp"),
    "X-GTALK": ("gtalk", "xmpp"),
    "X-SKYPE": ("skype", "skype"),
    "X-SKYPE-USERNAME": ("skype", "skype"),
    "X-AIM": ("aim", "aim"),
    "X-ICQ": ("icq", "icq"),
    "X-MSN": ("msn", "msnim"),
    "X-YAHOO": ("yahoo", "ymsgr"),
    "X-GADUGADU": ("gadugadu", "gg"),
    "X-QQ": ("qq", "qq"),
    "X-SIP": ("sip", "sip"),
    "X-MATRIX": ("matrix", "matrix"),
}
#: IMPP URI scheme -> service, for ``IMPP:xmpp:...`` values.
SCHEME_SERVICES = {scheme: service for service, scheme in IMPP_SERVICES.values()} | {
    "xmpp": "xmpp",
    "skype": "skype",
    "sip": "sip",
    "tel": "tel",
    "irc": "irc",
}
SCHEMES = {service: scheme for service, scheme in IMPP_SERVICES.values()} | {"xmpp": "xmpp"}
#: X- properties that are social handles, with the service they name.
SOCIAL_PROPERTIES = {
    "X-TWITTER": "twitter",
    "X-MASTODON": "mastodon",
    "X-FACEBOOK": "facebook",
    "X-INSTAGRAM": "instagram",
}
APPLE_NO_YEAR = 1604  # Apple's placeholder year for a birthday without one

_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_UID_NAMESPACE = uuid.UUID("0b9a8b7e-6c1f-5a4e-9a7d-6e6574747921")


def split_name(display: str) -> tuple[str, str, str, str, str]:
    """(prefix, given, additional, family, suffix) a display name implies.

    "Anneke van der Berg" -> given "Anneke van der", family "Berg": a guess, and
    only a guess: it is what netty writes in ``N`` when no structured name is kept.
    """
    words = display.split()
    if len(words) > 1:
        return ("", " ".join(words[:-1]), "", words[-1], "")
    return ("", display.strip(), "", "", "")


def name_from_parts(parts: tuple[str, str, str, str, str]) -> str:
    """The display name a structured name gives: the parts in order, with spaces."""
    return " ".join(p.strip() for p in parts if p.strip())


@dataclass(frozen=True)
class CardDate:
    """A birthday or anniversary: ``kind`` BDAY or ANNIVERSARY, a year or None, or text."""

    kind: str
    year: int | None
    month: int | None
    day: int | None
    text: str = ""

    def key(self) -> tuple:
        return (self.kind, self.year, self.month, self.day, self.text.strip().lower())


def parse_date(kind: str, value: str, *, text: bool = False, omit_year: bool = False) -> CardDate:
    """A ``BDAY``/``ANNIVERSARY`` value as a ``CardDate``; anything not a date is kept as text.

    ``text`` is ``VALUE=text``; ``omit_year`` is Apple's ``X-APPLE-OMIT-YEAR``
    parameter. A year of 1604 (Apple's placeholder) also means no year when the
    card says so, and ``--MMDD`` / ``--MM-DD`` is a date without a year.
    """
    value = value.strip()
    if not text:
        if m := _NO_YEAR.match(value):
            month, day = int(m[1]), int(m[2])
            if _valid(month, day):
                return CardDate(kind, None, month, day)
        elif m := _DATE.match(value):
            year, month, day = int(m[1]), int(m[2]), int(m[3])
            if _valid(month, day) and 1 <= year <= 9999:
                no_year = omit_year or year == APPLE_NO_YEAR
                return CardDate(kind, None if no_year else year, month, day)
    return CardDate(kind, None, None, None, value)


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (
        29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    )


def date_value(date: CardDate) -> tuple[str, bool]:
    """(the vCard value, whether it needs ``VALUE=text``): ``1979-05-02``, ``--0315``, text."""
    if date.month is None or date.day is None:
        return date.text, True
    if date.year is None:
        return f"--{date.month:02d}{date.day:02d}", False
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}", False


def derived_uid(database_id: str, contact_id: int) -> str:
    """The stable UID of a contact that has none: a name-based UUID (RFC 4122 version 5).

    From this database's own random id and the contact's id, so the same contact
    gets the same UID on every export and two databases never share one.
    """
    return f"urn:uuid:{uuid.uuid5(_UID_NAMESPACE, f'{database_id}:{contact_id}')}"


def address_text(parts: tuple[str, ...]) -> str:
    """An address's components (after the label) as one line: "12 Harbour Road, Portsmouth"."""
    return ", ".join(p.replace("\n", ", ").strip() for p in parts if p.strip())


# ------------------------------------------------------------------ CSV cells
# netty's CSV export writes the card in plain cells (several values joined with
# " ::: ") and its CSV import reads them back; these are the cell formats.

ADDRESS_FIELDS = ("po_box", "extended", "street", "locality", "region", "postal_code", "country")


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace("\n", "\\n")


def _split_semicolons(text: str) -> list[str]:
    parts, current, escaped = [], [], False
    for ch in text:
        if escaped:
            current.append("\n" if ch == "n" else ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def address_cell(label: str, parts: tuple[str, ...]) -> str:
    """``home: ;;7 Elm Close;Winchester;;SO23 9AA;UK``: the label, then the 7 ADR fields."""
    value = ";".join(_esc(p) for p in parts)
    return f"{label}: {value}" if label else value


def parse_address_cell(text: str) -> tuple[str, ...]:
    """(label, po box, extended, street, locality, region, postal code, country) of a cell."""
    head, sep, rest = text.partition(": ")
    if sep and ";" not in head:
        label, text = head.strip(), rest
    else:
        label = ""
    parts = [p.strip() for p in _split_semicolons(text)]
    if len(parts) == 1:  # a plain one-line address: keep it as the street
        parts = ["", "", parts[0]]
    return (label, *([*parts, *[""] * 7][:7]))


def handle_cell(kind: str, service: str, value: str, label: str) -> str:
    """``impp/xmpp: jonas@chat.example`` or ``social/twitter/work: @jonas``."""
    head = f"{kind}/{service}/{label}" if label else f"{kind}/{service}"
    return f"{head}: {value}"


def parse_handle_cell(text: str) -> tuple[str, str, str, str] | None:
    """(kind, service, value, label) of a handle cell, or None if it is not one."""
    head, sep, value = text.partition(": ")
    bits = head.split("/")
    if not sep or bits[0] not in ("impp", "social") or not value.strip():
        return None
    bits += ["", ""]
    return (bits[0], bits[1].strip(), value.strip(), bits[2].strip())


def affiliation_cell(org: str, unit: str, title: str, role: str, current: bool,
                     start: int | None, end: int | None) -> str:  # fmt: skip
    """``Tailspin Toys | unit | Board Advisor | role | past 2015-2019``."""
    years = "" if start is None and end is None else f" {start or ''}-{end or ''}"
    state = ("current" if current else "past") + years
    return " | ".join((org, unit, title, role, state))


def parse_affiliation_cell(text: str) -> tuple[str, str, str, str, bool, int | None, int | None]:
    """The fields of an affiliation cell (see ``affiliation_cell``)."""
    bits = [b.strip() for b in text.split(" | ")] + ["", "", "", "", ""]
    org, unit, title, role, state = bits[:5]
    words = state.split()
    current = not (words and words[0].lower() == "past")
    start = end = None
    if len(words) > 1 and "-" in words[1]:
        a, _, b = words[1].partition("-")
        start = int(a) if a.isdigit() else None
        end = int(b) if b.isdigit() else None
    return (org, unit, title, role, current, start, end)


_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$")


def parse_csv_date(kind: str, text: str) -> CardDate | None:
    """A birthday cell: ``1985-04-12``, ``--0412``, Outlook's ``4/12/1985`` (``0/0/00``: none)."""
    text = text.strip()
    if not text:
        return None
    if m := _US_DATE.match(text):
        month, day, year = int(m[1]), int(m[2]), int(m[3])
        if month == 0 or day == 0:
            return None
        if _valid(month, day):
            if year < 100:
                year += 1900 if year > 30 else 2000
            return CardDate(kind, year, month, day)
    return parse_date(kind, text)
