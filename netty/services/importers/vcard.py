"""vCard 2.1, 3.0 and 4.0 (``.vcf``), many cards per file.

Why a hand parser and not ``vobject``: on real exports vobject 0.9 fails in
ways this importer must not. It cannot read vCard 2.1 quoted-printable values
whose soft line breaks (``=`` at the end of a line) continue on a line without
leading whitespace, which is what Android and old Nokia/Outlook exports write;
it silently drops 2.1's bare type parameters (``TEL;HOME;VOICE:``); and one
unparsable line raises out of ``readComponents`` and loses every card after
it. Reading vCards is small enough to do carefully here:

- lines are unfolded (a line starting with a space or tab continues the
  previous one) and 2.1 quoted-printable soft breaks are joined;
- the file is cut into cards at ``BEGIN:VCARD`` / ``END:VCARD``. A card that
  never ends (another ``BEGIN`` comes first, or the file stops) or that holds a
  line without a ``:`` is damaged: it is skipped with the line number, and the
  cards around it are read as usual;
- ``ENCODING=QUOTED-PRINTABLE`` (or a bare ``QUOTED-PRINTABLE``) values are
  decoded, then read in their ``CHARSET`` (UTF-8 if none; Windows-1252 if the
  bytes are not UTF-8); ``ENCODING=b``/``BASE64`` values (photos, keys,
  sounds) are not imported;
- escapes ``\\\\``, ``\\,``, ``\\;`` and ``\\n`` are undone; structured values
  (``N``, ``ORG``, ``ADR``) are split on unescaped ``;`` first;
- Apple's grouped properties (``item1.EMAIL`` with ``item1.X-ABLabel``) take
  the label; bare 2.1 types (``HOME``, ``WORK``) and ``TYPE=`` both give the
  label of an email, phone or URL;
- ``KIND:group`` and Apple's group cards (``X-ADDRESSBOOKSERVER-KIND:group``)
  are skipped, never contacts; ``KIND:org`` and Apple's ``X-ABShowAs:COMPANY``
  cards are organization-only records; ``FN`` alternatives sharing an
  ``ALTID`` (4.0) count once; ``VALUE=uri`` phones lose their ``tel:``.

What goes where: ``FN`` (else ``N``) -> name; ``ORG`` -> organization (its
units go to details); ``TITLE`` (else ``ROLE``) -> title; ``EMAIL``, ``TEL``,
``URL`` and LinkedIn ``X-SOCIALPROFILE`` -> methods; ``NOTE`` -> notes;
``CATEGORIES`` -> tags; the first ``ADR`` -> location; ``BDAY``,
``ANNIVERSARY`` and ``NICKNAME`` -> details. netty's own fields, written by
``netty export vcard``, come back from ``X-NETTY-RING``, ``X-NETTY-CHANNEL``,
``X-NETTY-CADENCE``, ``X-NETTY-STRENGTH``, ``X-NETTY-HOW-MET``,
``X-NETTY-DETAILS`` and ``X-NETTY-CONNECTED``.
"""

from __future__ import annotations

import datetime as dt
import quopri
import re
from dataclasses import dataclass, field

from netty.dates import MAX_YEAR, MIN_YEAR
from netty.errors import InvalidInput
from netty.services.importers.record import Record, Skip, build_record
from netty.services.importers.sources import FORMATS_READ

_PHYSICAL = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_GENERIC_TYPES = frozenset(
    {"internet", "pref", "voice", "x400", "text", "msg", "uri", "aol", "applelink", "eworld"}
)
_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT", "Q"})
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


class _Damaged(Exception):
    pass


@dataclass
class _Prop:
    lineno: int
    group: str
    name: str
    params: dict[str, list[str]]
    raw: str  # the value as written (still escaped)
    qp: bool = False


@dataclass
class _Card:
    no: int
    lineno: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    problem: str | None = None


def parse(text: str, name: str = "the file") -> list[Record | Skip]:
    """Every card as a Record or a Skip."""
    if "BEGIN:VCARD" not in text.upper():
        raise InvalidInput(
            f"{name} is not a vCard file (no BEGIN:VCARD in it); netty reads {FORMATS_READ}"
        )
    return [_read_card(card) for card in _cards(_logical_lines(text))]


# ------------------------------------------------------------------ lines and cards


def _is_qp(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first physical line number, unfolded line) for every logical line."""
    out: list[tuple[int, str]] = []
    current: str | None = None
    start = 0
    qp = False
    for number, physical in enumerate(_PHYSICAL.split(text), start=1):
        if current is not None and qp and current.endswith("="):
            current = current[:-1] + physical
            continue
        if current is not None and physical[:1] in (" ", "\t"):
            current += physical[1:]
            continue
        if current is not None:
            out.append((start, current))
        current, start = physical, number
        qp = _is_qp(physical)
    if current is not None:
        out.append((start, current))
    return out


def _cards(lines: list[tuple[int, str]]) -> list[_Card]:
    cards: list[_Card] = []
    card: _Card | None = None
    for lineno, line in lines:
        marker = line.strip().upper()
        if not marker:
            continue
        if marker == "BEGIN:VCARD":
            if card is not None:
                card.problem = f"no END:VCARD before the next card at line {lineno}"
                cards.append(card)
            card = _Card(len(cards) + 1, lineno)
        elif marker == "END:VCARD":
            if card is not None:
                cards.append(card)
                card = None
        elif card is not None:
            card.lines.append((lineno, line))
    if card is not None:
        card.problem = "the file ends before its END:VCARD"
        cards.append(card)
    return cards


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _parse_line(lineno: int, line: str) -> _Prop:
    quoted = False
    colon = -1
    for index, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            colon = index
            break
    if colon <= 0:
        shown = line if len(line) <= 40 else line[:37] + "..."
        raise _Damaged(f"line {lineno} has no property name and ':' ({shown!r})")
    head, raw = line[:colon], line[colon + 1 :]
    parts = _split_outside_quotes(head, ";")
    full = parts[0].strip()
    group, _, name = full.rpartition(".")
    if not _NAME.match(name):
        raise _Damaged(f"line {lineno} has no valid property name ({full[:40]!r})")
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        part = part.strip()
        if not part:
            continue
        key, eq, value = part.partition("=")
        if not eq:  # vCard 2.1 bare parameter: HOME, VOICE, QUOTED-PRINTABLE ...
            key, value = ("ENCODING" if part.upper() in _ENCODINGS else "TYPE"), part
        values = [v.strip().strip('"') for v in _split_outside_quotes(value, ",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    encoding = {v.upper() for v in params.get("ENCODING", ())}
    return _Prop(lineno, group.lower(), name.upper(), params, raw, "QUOTED-PRINTABLE" in encoding)


# ------------------------------------------------------------------ values


def _decode(prop: _Prop, warnings: list[str]) -> str | None:
    """The property's text (still escaped), or None for binary values."""
    encoding = {v.upper() for v in prop.params.get("ENCODING", ())}
    if encoding & {"B", "BASE64"}:
        return None
    if not prop.qp:
        return prop.raw
    data = quopri.decodestring(prop.raw.encode("utf-8", "replace"))
    charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
    try:
        return data.decode(charset)
    except LookupError:
        warnings.append(f"unknown charset {charset!r} on line {prop.lineno}; read as UTF-8")
    except (UnicodeError, ValueError):
        pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _unescape(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        ch = m.group(1)
        return "\n" if ch in "nN" else ch

    return _UNESCAPE.sub(repl, text)


def _split_escaped(text: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is not escaped by a backslash; parts stay escaped."""
    parts, current, escaped = [], [], False
    for ch in text:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def _label(prop: _Prop, group_labels: dict[str, str]) -> str:
    if prop.group and prop.group in group_labels:
        return group_labels[prop.group]
    types = [
        t.lower()
        for t in prop.params.get("TYPE", ())
        if t.lower() not in _GENERIC_TYPES and not t.lower().startswith("x-")
    ]
    return " ".join(dict.fromkeys(types))


def _iso_moment(text: str) -> str | None:
    value = text.strip().replace("Z", "").replace("z", "")
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y%m%dT%H%M%S", "%Y%m%d"):
        try:
            moment = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return f"{moment:%Y-%m-%d %H:%M:%S}" if MIN_YEAR <= moment.year <= MAX_YEAR else None
    return None


# ------------------------------------------------------------------ one card


def _read_card(card: _Card) -> Record | Skip:
    if card.problem:
        return Skip(card.no, f"damaged card at line {card.lineno}: {card.problem}")
    try:
        props = [_parse_line(lineno, line) for lineno, line in card.lines]
    except _Damaged as exc:
        return Skip(card.no, f"damaged card at line {card.lineno}: {exc}")
    warnings: list[str] = []
    group_labels: dict[str, str] = {}
    for prop in props:
        if prop.name == "X-ABLABEL" and prop.group:
            text = _unescape(_decode(prop, warnings) or "").strip()
            apple = _APPLE_LABEL.match(text)
            group_labels[prop.group] = (apple.group(1) if apple else text).lower()

    fn = ""
    fn_altids: set[str] = set()
    n_parts: list[str] = []
    org = ""
    units: list[str] = []
    title = role = ""
    emails: list[tuple[str, str]] = []
    phones: list[tuple[str, str]] = []
    urls: list[tuple[str, str]] = []
    notes: list[str] = []
    details: list[str] = []
    extra_details: list[str] = []
    tags: list[str] = []
    location = ""
    kind = ""
    show_as_company = False
    netty: dict[str, str] = {}
    photos = 0

    for prop in props:
        value = _decode(prop, warnings)
        if value is None:
            photos += prop.name in ("PHOTO", "LOGO")
            continue
        name = prop.name
        if name == "FN":
            altid = (prop.params.get("ALTID") or [""])[0]
            if altid and altid in fn_altids:
                continue
            fn_altids.add(altid)
            if not fn:
                fn = _unescape(value)
        elif name == "N" and not n_parts:
            n_parts = [
                _unescape(p).replace(",", " ") for p in _split_escaped(value, ";")
            ]  # family; given; additional; prefix; suffix
        elif name == "ORG" and not org:
            parts = [_unescape(p).strip() for p in _split_escaped(value, ";")]
            org = parts[0] if parts else ""
            units = [p for p in parts[1:] if p]
        elif name == "TITLE" and not title:
            title = _unescape(value)
        elif name == "ROLE" and not role:
            role = _unescape(value)
        elif name == "EMAIL":
            emails.append((_unescape(value), _label(prop, group_labels)))
        elif name == "TEL":
            number = _unescape(value).strip()
            if number.lower().startswith("tel:"):
                number = number[4:]
            phones.append((number, _label(prop, group_labels)))
        elif name == "URL":
            urls.append((_unescape(value), _label(prop, group_labels)))
        elif name == "X-SOCIALPROFILE":
            url = _unescape(value).strip()
            if "linkedin.com" in url.lower():
                urls.append((url, "linkedin"))
        elif name == "NOTE":
            notes.append(_unescape(value))
        elif name == "CATEGORIES":
            tags.extend(_unescape(t) for t in _split_escaped(value, ","))
        elif name == "ADR" and not location:
            parts = [_unescape(p).strip() for p in _split_escaped(value, ";")]
            location = ", ".join(p.replace("\n", ", ") for p in parts if p)
        elif name in ("BDAY", "ANNIVERSARY", "NICKNAME"):
            label = {"BDAY": "Birthday", "ANNIVERSARY": "Anniversary", "NICKNAME": "Nickname"}
            text = _unescape(value).strip()
            if text:
                extra_details.append(f"{label[name]}: {text}")
        elif name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
            kind = _unescape(value).strip().lower()
        elif name in ("MEMBER", "X-ADDRESSBOOKSERVER-MEMBER"):
            kind = kind or "group"
        elif name == "X-ABSHOWAS":
            show_as_company = _unescape(value).strip().upper() == "COMPANY"
        elif name.startswith("X-NETTY-"):
            netty.setdefault(name[8:], _unescape(value))

    if kind == "group":
        return Skip(card.no, "a group card (a list of contacts), not a contact")
    if units:
        extra_details.append("Department: " + ", ".join(units))
    if "DETAILS" in netty:
        details.append(netty["DETAILS"])
    details.extend(extra_details)
    if photos:
        warnings.append("its photo was not imported (netty keeps no pictures)")
    given = family = ""
    if n_parts:
        n_parts += [""] * (5 - len(n_parts))
        family, given_name, additional, prefix, suffix = n_parts[:5]
        given = " ".join(p.strip() for p in (prefix, given_name, additional) if p.strip())
        family = " ".join(p.strip() for p in (family, suffix) if p.strip())
    org_only = kind in ("org", "organization") or show_as_company
    if org_only and not org:
        org = fn
    connected = None
    if netty.get("CONNECTED", "").strip():
        connected = _iso_moment(netty["CONNECTED"])
        if connected is None:
            warnings.append(f"X-NETTY-CONNECTED {netty['CONNECTED']!r} is not a date; left out")
    return build_record(
        card.no,
        name=fn,
        given=given,
        family=family,
        organization=org,
        org_only=org_only,
        title=title or role,
        emails=emails,
        phones=phones,
        urls=urls,
        location=location,
        notes=notes,
        details=details,
        how_met=netty.get("HOW-MET", ""),
        tags=tags,
        ring=netty.get("RING"),
        channel=netty.get("CHANNEL"),
        cadence=netty.get("CADENCE"),
        strength=netty.get("STRENGTH"),
        connected_at=connected,
        warnings=warnings,
    )
