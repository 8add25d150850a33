"""Cleaning and normalising the text people type or import.

One place decides what a name, an email, a phone number or a LinkedIn URL looks
like when stored and when compared, so the CLI, the app and the importers agree.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from netty.db.vocab import fold
from netty.errors import InvalidInput

# C0/C1 controls become spaces; bidi marks, embeddings, overrides and isolates and
# invisible characters that only make two equal names differ (the zero-width space,
# the word joiner, the BOM, the Arabic letter mark) are removed. The zero-width
# joiner and non-joiner (U+200D, U+200C) are KEPT: they are part of emoji
# sequences (👩🏽‍💻, 🏳️‍🌈) and of Persian and Indic spelling (Ali‌Reza); ``fold``
# ignores them when names are compared.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_KEEP_NEWLINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(r"[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# What must never reach a terminal: C0 controls but newline (ESC starts every
# escape sequence: colours, clear screen, OSC 8 links, window titles), DEL, C1
# controls (U+009B is a one-byte CSI), bidi marks/overrides/isolates, and the
# line and paragraph separators.
_TERMINAL_CONTROL = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_TERMINAL_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
MAX_ID = 2**63 - 1  # SQLite's largest integer: no record id is larger
MAX_NAME_CHARS = 500
MAX_SEARCH_CHARS = 1000
MAX_TEXT_CHARS = 100_000
_SPACES = re.compile(r"\s+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LINKEDIN = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com$")


def for_terminal(text: str, *, keep_newlines: bool = True, replacement: str = "") -> str:
    """``text`` made safe to print to a terminal: controls replaced by ``replacement``.

    The one cleaning step for text that leaves netty for a terminal (the CLI's
    text output; the app's ``netty.ui.safe``). ESC, C0 and C1 controls, DEL and
    bidi controls are replaced (a tab by a space); zero-width spaces, word joiners
    and BOMs are dropped; zero-width joiners and non-joiners are kept, so emoji
    and Persian names print as typed. ``keep_newlines=False`` turns newlines into
    spaces.
    """
    if not keep_newlines:
        text = text.replace("\r\n", " ").replace("\n", " ")
    text = _TERMINAL_INVISIBLE.sub("", text.replace("\t", " "))
    return _TERMINAL_CONTROL.sub(replacement, text)


def clean_stored(text: str) -> str:
    """Text restored as it was stored, minus what no typed text holds: C0/C1 controls
    other than tab and newline, and bidi controls. Used by ``netty import json``,
    where the rest must round-trip exactly."""
    return _INVISIBLE.sub("", _CONTROL_KEEP_NEWLINES.sub("", text.replace("\r\n", "\n")))


def id_number(digits: str) -> int | None:
    """The record id written as ASCII ``digits``, or None when it is not one or is larger
    than any id can be (``MAX_ID``)."""
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 19:
        return None
    number = int(digits)
    return number if number <= MAX_ID else None


def check_length(text: str | None, limit: int, what: str) -> None:
    """InvalidInput when ``text`` is longer than ``limit`` characters (documented limits:
    names ``MAX_NAME_CHARS``, searches ``MAX_SEARCH_CHARS``, other text ``MAX_TEXT_CHARS``)."""
    if text is not None and len(text) > limit:
        raise InvalidInput(
            f"the {what} is {len(text):,} characters long; at most {limit:,} are allowed"
        )


def clean_line(text: str | None) -> str:
    """One line of user text: NFC, no control or bidi characters, spaces folded, trimmed."""
    if not text:
        return ""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    return _SPACES.sub(" ", text).strip()


def clean_block(text: str | None) -> str:
    """Multi-line user text: NFC, newlines kept, other control characters removed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_KEEP_NEWLINES.sub("", _INVISIBLE.sub("", text.replace("\t", "    ")))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def require_name(text: str | None, what: str = "name") -> str:
    """A cleaned, non-blank name, or InvalidInput."""
    check_length(text, MAX_NAME_CHARS, what)
    name = clean_line(text)
    if not name:
        raise InvalidInput(f"the {what} can't be blank; type at least one letter")
    return name


def normalise_email(text: str) -> tuple[str, str]:
    """(display value, key) of an email address; InvalidInput if it is not one."""
    value = clean_line(text)
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL.match(value):
        raise InvalidInput(f"{value!r} is not an email address (expected name@domain.tld)")
    return value, value.lower()


def normalise_phone(text: str) -> tuple[str, str]:
    """(display value, key) of a phone number: the key is its digits, with a leading +."""
    value = clean_line(text)
    digits = re.sub(r"\D", "", value)
    if len(digits) < 3:
        raise InvalidInput(f"{value!r} is not a phone number (it needs at least three digits)")
    return value, ("+" if value.startswith("+") else "") + digits


def normalise_url(text: str) -> tuple[str, str]:
    """(display value, key) of a URL; a LinkedIn profile's key is its canonical URL."""
    value = clean_line(text)
    if not value or " " in value:
        raise InvalidInput(f"{value!r} is not a URL")
    linkedin = linkedin_key(value)
    if linkedin:
        return value, linkedin
    key = value if "://" in value else "https://" + value
    try:
        parts = urlsplit(key)
    except ValueError as exc:
        raise InvalidInput(f"{value!r} is not a URL ({exc})") from exc
    if not parts.netloc or "." not in parts.netloc:
        raise InvalidInput(f"{value!r} is not a URL (expected e.g. https://example.com)")
    return value, f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


def linkedin_key(text: str) -> str | None:
    """The canonical LinkedIn profile URL (``https://www.linkedin.com/in/slug``) or None."""
    value = text.strip()
    if "://" not in value:
        value = "https://" + value
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if not _LINKEDIN.match(parts.netloc.lower().removeprefix("www.")):
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2 or segments[0].lower() not in ("in", "pub"):
        return None
    return f"https://www.linkedin.com/in/{segments[1].lower()}"


def search_key(*parts: str | None) -> str:
    """The folded text a search matches against: every part, lower-cased, accents dropped."""
    return " ".join(fold(clean_line(p)) for p in parts if p)


def fold_query(text: str) -> list[str]:
    """The words of a search, folded like ``search_key``; InvalidInput past
    ``MAX_SEARCH_CHARS``."""
    check_length(text, MAX_SEARCH_CHARS, "search")
    return fold(clean_line(text)).split()


def tag_name(text: str) -> str:
    """A tag as stored: lower-case words joined by hyphens, no leading '#'."""
    name = "-".join(clean_line(text).lstrip("#").lower().split())
    if not name:
        raise InvalidInput("a tag can't be blank")
    return name
