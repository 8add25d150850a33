"""Fast paths for the text helpers, for imports of tens of thousands of rows.

Each function returns exactly what its counterpart in ``netty.services.text`` or
``netty.db.vocab`` returns (tests/services/importers/test_fast.py checks this
with hypothesis); it only skips work for plain ASCII text, which is most of a
LinkedIn export, and remembers recent answers, since companies, titles and
first names repeat.
"""

from __future__ import annotations

import re
from functools import lru_cache

from netty.db.vocab import fold as _fold
from netty.services.text import clean_line as _clean_line
from netty.services.text import linkedin_key as _linkedin_key

_LINKEDIN_FAST = re.compile(r"^https?://(?:www\.)?linkedin\.com/(?:in|pub)/([^/?#\s]+)/?$", re.I)
_PREFIX = "https://www.linkedin.com/in/"


@lru_cache(maxsize=1 << 15)
def _clean_slow(text: str) -> str:
    return _clean_line(text)


def clean_line(text: str | None) -> str:
    """``text.clean_line``."""
    if not text:
        return ""
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    return _clean_slow(text)


@lru_cache(maxsize=1 << 15)
def _fold_slow(text: str) -> str:
    return _fold(text)


def fold(text: str) -> str:
    """``vocab.fold``."""
    if text.isascii():
        return text.lower()
    return _fold_slow(text)


def search_key(*parts: str | None) -> str:
    """``text.search_key``."""
    out = []
    for part in parts:
        if not part:
            continue
        if part.isascii() and part.isprintable():  # clean_line and fold, for plain ASCII
            out.append(" ".join(part.split()).lower())
        else:
            out.append(fold(clean_line(part)))
    return " ".join(out)


def linkedin_key(text: str) -> str | None:
    """``text.linkedin_key``."""
    value = text.strip()
    m = _LINKEDIN_FAST.match(value)
    if m:
        host = value.split("/")[2].lower()
        if host in ("linkedin.com", "www.linkedin.com"):
            return _PREFIX + m.group(1).lower()
    return _linkedin_key(text)
