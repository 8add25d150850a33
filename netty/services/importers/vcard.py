"""vCard 2.1, 3.0 and 4.0 (``.vcf``), many cards per file.

Why a hand parser and not ``vobject``: evaluated again with vobject 0.9.9
(the newest, used by khard and Radicale) on the files in tests/fixtures: it
cannot read vCard 2.1 quoted-printable values whose soft line breaks (``=`` at
the end of a line) continue on a line without leading whitespace, which is what
Android and old Nokia/Outlook exports write (the rest of the value is lost); it
silently drops 2.1's bare type parameters (``TEL;HOME;VOICE:``); it reads
``TYPE=VOICE\\,CELL`` as ``VOICE\\`` and ``CELL`` and ``TYPE="work,voice"`` as
one type ``work,voice``; and a byte-order mark at the start of a joined file's
second card, or one damaged card, raises out of ``readComponents`` and loses
every card of the file. vobject stays in the test extras, as a reader of netty's
own export. Reading vCards is small enough to do carefully here:

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

What goes where: ``FN`` (else ``N``) -> name; ``N`` -> the structured name,
kept when it says more than the display name does; the first ``ORG``
(organization; unit), ``TITLE`` and ``ROLE`` -> organization, title and the
card's unit and role; further ones (paired by group, else by order) ->
affiliations; ``EMAIL``, ``TEL``, ``URL`` and LinkedIn ``X-SOCIALPROFILE`` ->
methods (``TYPE=pref`` first); every ``ADR`` -> addresses (the first also the
location); ``IMPP`` and ``X-JABBER``/``X-SKYPE``/``X-AIM``... -> messaging
handles, other ``X-SOCIALPROFILE`` and ``X-TWITTER`` -> social handles;
``BDAY``, ``ANNIVERSARY``, ``X-ANNIVERSARY`` -> dates (``--MMDD`` and Apple's
``X-APPLE-OMIT-YEAR=1604`` without a year, ``VALUE=text`` as text);
``NICKNAME`` -> nicknames; ``GENDER`` -> gender; ``UID`` and ``REV`` -> the
matching key and the card's age; ``NOTE`` -> notes; ``CATEGORIES`` -> tags.
Any other property (``GEO``, ``TZ``, ``KEY``, ``RELATED``...) is named in a
warning. netty's own fields, written by ``netty export vcard``, come back from
``X-NETTY-RING``, ``X-NETTY-CHANNEL``, ``X-NETTY-CADENCE``, ``X-NETTY-STRENGTH``,
``X-NETTY-HOW-MET``, ``X-NETTY-DETAILS``, ``X-NETTY-CONNECTED``,
``X-NETTY-LOCATION`` and ``X-NETTY-AFFILIATION`` (a past one and its years).
"""

from __future__ import annotations

import datetime as dt
import quopri
import re
from dataclasses import dataclass, field

from netty.dates import MAX_YEAR, MIN_YEAR
from netty.errors import InvalidInput
from netty.services.cardfields import (
    IMPP_SERVICES,
    SCHEME_SERVICES,
    SOCIAL_PROPERTIES,
    address_text,
    name_from_parts,
    parse_date,
    split_name,
)
from netty.services.importers.record import Card, Record, Skip, build_record
from netty.services.importers.sources import FORMATS_READ

_PHYSICAL = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_GENERIC_TYPES = frozenset(
    {"internet", "pref", "voice", "x400", "text", "msg", "uri", "aol", "applelink", "eworld",
     "postal", "parcel", "dom", "intl"}  # the last four: vCard 3.0 address kinds, not labels
)  # fmt: skip
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
        physical = physical.lstrip("\ufeff")  # a BOM where a joined file started
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
        # A list either way: TYPE=a,b  TYPE="a,b"  TYPE=a\,b (escaped by some exporters)
        values = [
            item.strip().rstrip("\\")
            for v in _split_outside_quotes(value.replace("\\,", ","), ",")
            for item in v.strip().strip('"').split(",")
        ]
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


def _types(prop: _Prop) -> list[str]:
    return [t.lower() for t in prop.params.get("TYPE", ())]


def _read_card(card: _Card) -> Record | Skip:
    if card.problem:
        return Skip(card.no, f"damaged card at line {card.lineno}: {card.problem}")
    try:
        props = [_parse_line(lineno, line) for lineno, line in card.lines]
    except _Damaged as exc:
        return Skip(card.no, f"damaged card at line {card.lineno}: {exc}")
    warnings: list[str] = []
    group_labels: dict[str, str] = {}
    group_netty: dict[str, str] = {}
    for prop in props:
        if prop.name == "X-ABLABEL" and prop.group:
            text = _unescape(_decode(prop, warnings) or "").strip()
            apple = _APPLE_LABEL.match(text)
            group_labels[prop.group] = (apple.group(1) if apple else text).lower()
        elif prop.name == "X-NETTY-AFFILIATION" and prop.group:
            group_netty[prop.group] = _unescape(_decode(prop, warnings) or "").strip()

    fn = ""
    fn_altids: set[str] = set()
    n_parts: list[str] = []
    orgs: list[tuple[str, list[str]]] = []  # (group, [organization, unit...])
    titles: list[tuple[str, str]] = []
    roles: list[tuple[str, str]] = []
    emails: list[tuple[str, str, bool]] = []
    phones: list[tuple[str, str, bool]] = []
    urls: list[tuple[str, str]] = []
    notes: list[str] = []
    details: list[str] = []
    tags: list[str] = []
    location: str | None = None
    kind = ""
    show_as_company = False
    netty: dict[str, str] = {}
    photos = 0
    extra = Card()
    not_kept: dict[str, None] = {}
    netty_card = False

    for prop in props:
        value = _decode(prop, warnings)
        if value is None:
            if prop.name in ("PHOTO", "LOGO"):
                photos += 1
            else:
                not_kept.setdefault(prop.name, None)
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
                " ".join(_unescape(x).strip() for x in _split_escaped(p, ",") if x.strip())
                for p in _split_escaped(value, ";")
            ]  # family; given; additional; prefix; suffix
        elif name == "ORG":
            parts = [_unescape(p).strip() for p in _split_escaped(value, ";")]
            if any(parts):
                orgs.append((prop.group, parts))
        elif name == "TITLE":
            titles.append((prop.group, _unescape(value)))
        elif name == "ROLE":
            roles.append((prop.group, _unescape(value)))
        elif name in ("EMAIL", "TEL"):
            text = _unescape(value).strip()
            if name == "TEL" and text.lower().startswith("tel:"):
                text = text[4:]
            pref = "pref" in _types(prop) or bool(prop.params.get("PREF"))
            (emails if name == "EMAIL" else phones).append((text, _label(prop, group_labels), pref))
        elif name == "URL":
            urls.append((_unescape(value), _label(prop, group_labels)))
        elif name == "X-SOCIALPROFILE":
            url = _unescape(value).strip()
            service = next((t for t in _types(prop) if t not in _GENERIC_TYPES), "")
            if "linkedin.com" in url.lower():
                urls.append((url, "linkedin"))
            elif url:
                extra.handles.append(("social", service or _host_service(url), url, ""))
        elif name in SOCIAL_PROPERTIES:
            extra.handles.append(("social", SOCIAL_PROPERTIES[name], _unescape(value).strip(), ""))
        elif name == "IMPP" or name in IMPP_SERVICES:
            extra.handles.append(_impp(prop, _unescape(value).strip(), group_labels))
        elif name == "NOTE":
            notes.append(_unescape(value))
        elif name == "CATEGORIES":
            tags.extend(_unescape(t) for t in _split_escaped(value, ","))
        elif name == "ADR":
            parts = [_unescape(p).strip() for p in _split_escaped(value, ";")]
            parts = (parts + [""] * 7)[:7]
            if prop.params.get("X-NETTY-LOCATION"):
                location = address_text(tuple(parts)) if location is None else location
            elif any(parts):
                extra.addresses.append((_label(prop, group_labels), *parts))
        elif name in ("BDAY", "ANNIVERSARY", "X-ANNIVERSARY"):
            text = _unescape(value).strip()
            if text:
                is_text = any(v.lower() == "text" for v in prop.params.get("VALUE", ()))
                omit = bool(prop.params.get("X-APPLE-OMIT-YEAR"))
                extra.dates.append(
                    parse_date(name.removeprefix("X-"), text, text=is_text, omit_year=omit)
                )
        elif name == "NICKNAME":
            extra.nicknames.extend(_unescape(t).strip() for t in _split_escaped(value, ","))
        elif name in ("GENDER", "X-GENDER"):
            sex, _, identity = _unescape(value).strip().partition(";")
            letter = sex.strip()[:1].upper()
            if letter in ("M", "F", "O", "N", "U"):
                extra.gender = letter
                extra.gender_text = identity.strip() or (sex.strip() if len(sex) > 1 else "")
            elif sex.strip():
                extra.gender_text = sex.strip()
        elif name == "UID":
            extra.uid = _unescape(value).strip() or None
        elif name == "REV":
            extra.rev = _iso_moment(_unescape(value).split(".")[0])
        elif name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
            kind = _unescape(value).strip().lower()
        elif name in ("MEMBER", "X-ADDRESSBOOKSERVER-MEMBER"):
            kind = kind or "group"
        elif name == "X-ABSHOWAS":
            show_as_company = _unescape(value).strip().upper() == "COMPANY"
        elif name == "X-NETTY-LOCATION":
            location = _unescape(value)
        elif name.startswith("X-NETTY-"):
            netty.setdefault(name[8:], _unescape(value))
        elif name == "PRODID":
            netty_card = _unescape(value).startswith("-//netty//")
        elif name not in _KNOWN:
            not_kept.setdefault(name, None)

    if kind == "group":
        return Skip(card.no, "a group card (a list of contacts), not a contact")
    if netty_card:  # netty's own export: its REV is netty's last change, not a card's
        extra.rev = None
    org, title = _affiliations(orgs, titles, roles, group_netty, extra)
    if "DETAILS" in netty:
        details.append(netty["DETAILS"])
    if photos:
        warnings.append("its photo was not imported (netty keeps no pictures)")
    if not_kept:
        warnings.append("not kept (netty has no place for them): " + ", ".join(sorted(not_kept)))
    given = family = ""
    if n_parts:
        n_parts += [""] * (5 - len(n_parts))
        family, given_name, additional, prefix, suffix = n_parts[:5]
        parts5 = (prefix, given_name, additional, family, suffix)
        given = " ".join(p.strip() for p in (prefix, given_name, additional) if p.strip())
        family = " ".join(p.strip() for p in (family, suffix) if p.strip())
        display = fn.strip() or name_from_parts(parts5)
        if any(parts5) and parts5 != split_name(display):
            extra.name_parts = parts5
    org_only = kind in ("org", "organization") or show_as_company
    if org_only and not org:
        org = fn
    if location is None:
        location = address_text(tuple(extra.addresses[0][1:])) if extra.addresses else ""
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
        title=title,
        emails=_pref_first(emails),
        phones=_pref_first(phones),
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
        card=extra,
    )


# Properties read above, or that carry nothing to keep (versions, product ids, sort keys).
_KNOWN = frozenset(
    {"VERSION", "PRODID", "X-ABLABEL", "X-ABUID", "SORT-STRING", "X-NETTY-AFFILIATION",
     "CLIENTPIDMAP", "X-ABADR", "X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME", "SOURCE",
     "NAME", "X-EVOLUTION-FILE-AS", "X-MOZILLA-HTML", "LABEL", "X-ABSHOWAS"}
)  # fmt: skip


def _pref_first(values: list[tuple[str, str, bool]]) -> list[tuple[str, str]]:
    """Emails or phones with the preferred ones (``TYPE=pref``, ``PREF=1``) first."""
    ordered = sorted(values, key=lambda v: not v[2])
    return [(text, label) for text, label, _pref in ordered]


def _host_service(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].removeprefix("www.")
    return host.rsplit(".", 1)[0] if "." in host else ""


def _impp(prop: _Prop, value: str, group_labels: dict[str, str]) -> tuple[str, str, str, str]:
    """(kind, service, address, label) of ``IMPP`` or an ``X-JABBER``-style property."""
    label = _label(prop, group_labels)
    if prop.name != "IMPP":
        service = IMPP_SERVICES[prop.name][0]
        scheme, sep, rest = value.partition(":")
        if sep and scheme.lower() == IMPP_SERVICES[prop.name][1]:
            value = rest
        return ("impp", service, value, label)
    given = (prop.params.get("X-SERVICE-TYPE") or [""])[0].lower()
    scheme, sep, rest = value.partition(":")
    if sep and re.match(r"^[a-z][a-z0-9+.-]*$", scheme.lower()):
        service = given or SCHEME_SERVICES.get(scheme.lower(), scheme.lower())
        if service == "jabber":
            service = "xmpp"
        return ("impp", service, rest.removeprefix("//"), label)
    return ("impp", given or "", value, label)


def _affiliations(
    orgs: list[tuple[str, list[str]]],
    titles: list[tuple[str, str]],
    roles: list[tuple[str, str]],
    group_netty: dict[str, str],
    extra: Card,
) -> tuple[str, str]:
    """Pair ORG, TITLE and ROLE (by group, else by order); (organization, title) of the first.

    The first pairing is the current one (``Contact.organization``/``title``, with
    its unit and role on the card); each further one becomes an affiliation, with
    ``X-NETTY-AFFILIATION`` (``past 2015-2019``) in its group giving its state and years.
    """
    slots: list[dict[str, str]] = []
    by_group: dict[str, dict[str, str]] = {}

    def slot(group: str, key: str) -> dict[str, str]:
        if group and group in by_group:
            return by_group[group]
        for existing in slots:
            if not existing.get("group") and key not in existing and not group:
                return existing
        new: dict[str, str] = {"group": group}
        slots.append(new)
        if group:
            by_group[group] = new
        return new

    for group, parts in orgs:
        s = slot(group, "org")
        s["org"], s["unit"] = parts[0], "; ".join(p for p in parts[1:] if p)
    for group, text in titles:
        slot(group, "title")["title"] = text
    for group, text in roles:
        slot(group, "role")["role"] = text
    if not slots:
        return "", ""
    # netty's own export marks every further affiliation: never take one for the current
    current = [s for s in slots if not (s["group"] and s["group"] in group_netty)]
    first = current[0] if current else {}
    rest = [s for s in slots if s is not first]
    extra.unit, extra.role = first.get("unit", ""), first.get("role", "")
    for s in rest:
        state, start, end = _affiliation_state(group_netty.get(s["group"], ""))
        current = state != "past"
        extra.affiliations.append(
            (s.get("org", ""), s.get("unit", ""), s.get("title", ""), s.get("role", ""),
             current, start, end)
        )  # fmt: skip
    return first.get("org", ""), first.get("title", "")


def _affiliation_state(text: str) -> tuple[str, int | None, int | None]:
    """``X-NETTY-AFFILIATION:past;2015;2019`` -> ("past", 2015, 2019); years may be empty."""
    parts = [*text.split(";"), "", "", ""][:3]

    def year(t: str) -> int | None:
        t = t.strip()
        return int(t) if t.isdigit() and 1900 <= int(t) <= 2200 else None

    start, end = year(parts[1]), year(parts[2])
    if start is not None and end is not None and end < start:
        end = None
    return parts[0].strip().lower(), start, end
