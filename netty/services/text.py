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

# C0/C1 controls become spaces; bidi embeddings/overrides/isolates and invisible
# characters that only make two equal names differ (zero-width spaces and joiners,
# the word joiner, the BOM, the Arabic letter mark) are removed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_KEEP_NEWLINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(r"[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LINKEDIN = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com$")


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
    """The words of a search, folded like ``search_key``."""
    return fold(clean_line(text)).split()


def tag_name(text: str) -> str:
    """A tag as stored: lower-case words joined by hyphens, no leading '#'."""
    name = "-".join(clean_line(text).lstrip("#").lower().split())
    if not name:
        raise InvalidInput("a tag can't be blank")
    return name
