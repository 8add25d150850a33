"""The fixed vocabularies of the data model, with the labels people read.

Stored values are short slugs; labels are for display. Parsing accepts either.
"""

from __future__ import annotations

import unicodedata

RINGS: dict[int, str] = {
    1: "inner circle",
    2: "colleagues & neighbours",
    3: "acquaintances",
}
DEFAULT_CADENCE_DAYS: dict[int, int] = {1: 14, 2: 30, 3: 90}

CHANNELS: dict[str, str] = {
    "family": "family",
    "friends-neighbours": "friends and neighbours",
    "work": "work",
    "professional-association": "professional association",
    "non-profit": "non-profit",
    "civic-club": "civic club",
    "place-of-worship": "place of worship",
    "business-event": "business event",
    "social-event": "social event",
    "online": "online",
    "other": "other",
}

INTERACTION_KINDS: dict[str, str] = {
    "coffee": "coffee",
    "meal": "meal",
    "call": "call",
    "video": "video call",
    "email": "email",
    "message": "message",
    "event": "event",
    "intro": "intro",
    "thank-you": "thank-you",
    "note": "note",
}
IN_PERSON_KINDS = frozenset({"coffee", "meal", "event"})

INITIATORS = ("me", "them")
NEED_STATUSES = ("open", "met", "dropped")
GIVE_KINDS = ("intro", "resource", "advice", "referral", "favour")
ASK_STATUSES = ("pending", "granted", "declined", "withdrawn")
PROMISE_DIRECTIONS: dict[str, str] = {"i_owe": "I owe", "they_owe": "they owe"}
PROMISE_STATUSES = ("open", "done", "dropped")
METHOD_KINDS = ("email", "phone", "url")
#: How two contacts know each other ("A knows B", netty.services.knows), with the
#: weight a link of that kind carries in the warm-path score (netty.services.paths):
#: family and friends open doors more readily than someone met once.
KNOWS_HOW: dict[str, float] = {
    "family": 1.0,
    "friend": 0.95,
    "colleague": 0.85,
    "former colleague": 0.7,
    "client": 0.7,
    "classmate": 0.6,
    "introduced": 0.5,
    "acquaintance": 0.4,
}
DEFAULT_KNOWS_HOW = "acquaintance"


def slug(text: str) -> str:
    """Lower-case, accents dropped, words joined by hyphens: 'Civic Club' -> 'civic-club'."""
    folded = fold(text)
    return "-".join(folded.replace("_", " ").replace("&", " ").split())


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for matching ('Zoë' -> 'zoe');
    zero-width joiners and non-joiners are ignored."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u200c", "").replace("\u200d", ""))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
