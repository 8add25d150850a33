"""Quick capture: one free-text note, read into needs, gives, asks, promises and more.

``parse_note(text, now)`` is pure: it never writes anything and never raises. The
caller (CLI ``netty log``, the log form, event mode) resolves names to contacts and
saves the records; the form shows ``ParsedNote.preview()`` live while typing.

The grammar
===========

A note is cut into **clauses** at ``;`` and at line breaks (a ``;`` inside a URL
does not cut). Inside a clause, a **marker** starts a record that runs to the next
marker or the end of the clause. Markers are case-insensitive; the space after the
colon is optional (``needs:a designer``).

=========================================  ============================================
marker                                     record
=========================================  ============================================
``needs:`` ``need:`` (``she needs:`` ...)  :class:`NeedNote`, ``TEXT [by WHEN]``
``gave:`` ``give:`` ``gave them:``         :class:`GiveNote`, kind guessed (see below)
``asked:`` ``ask:`` ``i asked:`` ``my      :class:`AskNote`, ``@Org`` / a person inside
ask:``                                     become its targets
``i owe:`` ``i owe them:`` ``i promised:`` :class:`PromiseNote` ``i_owe``, ``TEXT [by
                                           WHEN]``
``they owe:`` ``they owe me:`` ``owes      :class:`PromiseNote` ``they_owe``, ``TEXT [by
me:`` ``he/she/you owe(s) (me):``          WHEN]``
``they promised:``
``knows:`` (``she knows:`` ...)             :class:`KnowsNote`, ``NAME [@ORG] [(HOW)]``
``follow up WHEN [TEXT]`` (also            :class:`FollowUpNote`
``follow-up``, ``followup``, optional
``:``; ``follow up: TEXT WHEN`` works too)
=========================================  ============================================

Where a marker is recognised:

* A marker with a colon is recognised at the start of a clause or after any
  whitespace (so ``coffee at Blue Bottle. needs: ...`` and the event-mode line
  ``Sally Jones @XYZ Corp #rotary needs: a UX designer`` both work), never in the
  middle of a word or inside a URL. Three guards keep ordinary prose out:
  ``needs:`` right after ``I``/``we`` (my own need), and ``gave:``/``asked:``
  right after ``he``/``she``/``they``/``you``/``who`` (someone else's) are text.
* ``follow up`` *without* a colon is a marker only at the start of a clause or
  after a sentence end (``. `` ``! `` ``? ``), and only when a date is found;
  otherwise it is ordinary text ("we should follow up with Sam").

Dates (``WHEN``) are any phrase :mod:`netty.dates` accepts:

* ``TEXT by WHEN`` (needs and promises): the words after the **last** `` by `` must
  all read as a date (trailing ``.`` ``!`` ``,`` ignored), or the words up to the
  first sentence end (``the deck by friday. She was thrilled``: the sentence after
  stays in the text). A body that is only ``by WHEN`` is not a record: it stays
  in the summary with a problem. If the words are not a date, the
  words stay in the text and a problem is noted, unless they plainly are not a
  date attempt: a capitalised name of two or more words (``by Malcolm Gladwell``),
  a name ``is_person`` confirms, an ``@Org``, more than six words, or a manner
  (``by email``, ``by phone``, ``by the way`` ...). A need without a date gets a
  horizon 45 days from today (``horizon_given`` is False).
* ``follow up``: the longest run of up to six words right after the marker that
  reads as a date (``follow up in 2 weeks about the role``), else the longest
  run of words at the end (``follow up: about the role by friday``; a dangling
  ``by``/``on``/``before``... is dropped). A day is turned into 09:00 that day in
  ``now``'s timezone; an explicit time (``in 3 hours``, ISO date-time) is kept.
  The text is what is left, or ``"follow up"``.

Tags and organizations:

* ``#tag`` is a tag when the ``#`` starts the text or a clause, or follows
  whitespace, ``(`` or a marker's colon, and the tag has a letter: so
  ``example.com/page#top``, ``#1`` and ``# heading`` are text. Tag tokens are
  taken out of whatever text they sit in and recorded in ``tags`` (normalised
  with :func:`netty.services.text.tag_name`, first occurrence order, unique).
* ``@Org Name`` is an organization when the ``@`` starts a clause or follows
  whitespace or ``(`` (so ``ann@xyz.com`` is not one). The name is the word right
  after ``@`` plus the following words that start with an upper-case letter or a
  digit (``@XYZ Corp``, ``@Northwind Health``, ``@3M``); ``&`` and ``of`` join
  words (``@Procter & Gamble``, ``@Bank of America``). It stops at a comma, ``#``,
  the clause end or a lower-case word (``@XYZ Corp and friends`` is ``XYZ Corp``).
  ``@Org`` text is never removed: it stays in the summary or the record's text.
  The first ``@Org`` outside any record is ``organization``; the first one in an
  ask is its ``target_org``.

Who they know (``knows:``): one person per marker (another ``;`` clause for the
next). ``NAME`` is the text up to the first ``@``, ``(``, comma or `` as ``;
``@ORG`` is that person's organization; ``HOW`` (how they know each other, one
of :data:`KNOWS_HOW`) is written ``(friend)``, ``, friend`` or ``as a friend``
after the name or organization. ``knows: Sally Jones @XYZ Corp (former
colleague)``. A marker with no name is not a record (a problem says so); a
``HOW`` that is not one of the words stays out and a problem says which.

Give kinds, the first rule that matches wins (words compared lower-case):

1. ``intro``/``introduced``/``introduction``/``introduce`` ... -> ``intro``, and
   ``intro_to`` is the name after ``intro to`` / ``introduction to`` /
   ``introduced (them|him|her|me|us) to``;
2. ``referral``/``referred``/``refer`` -> ``referral``;
3. advice nouns (``advice``, ``feedback``, ``tips``, ``suggestions``, ``pointers``
   ...) -> ``advice``;
4. resource nouns (``article``, ``link``, ``book``, ``template``, ``deck``,
   ``resource``, ``slides``, ``guide`` ...) or a URL -> ``resource``;
5. advice verbs (``suggested``, ``told``, ``advised``, ``recommended`` ...) ->
   ``advice``;
6. resource verbs (``sent``, ``shared``, ``forwarded``, ``lent`` ...) ->
   ``resource``;
7. otherwise ``favour``.

People (``intro_to`` of a give, ``target_person`` of an ask): after ``intro to``,
``introduction to``, ``introduce me to``, ``connect me with``, ``meet`` or
``meeting with``, the run of capitalised words (up to five, stopping at
punctuation) is tried longest first with ``is_person``; the first it confirms
wins (lower-case words are tried too, so ``intro to ann`` finds a contact
``ann``). An ask's ``target_person`` must be confirmed; a give's ``intro_to``
falls back to the whole capitalised run (``intro to Ann Lee at XYZ`` ->
``Ann Lee``). ``is_person`` raising counts as "no".

Nothing is lost
===============

Every non-whitespace character of the input, except the ``;`` separators, ends
up in exactly one place: inside the span of a record (which covers its marker and
its text, tags included), in a tag token (``tag_spans``) or in the summary
(``summary_spans``). A marker with nothing after it (``needs:``, ``follow up:
someday``) is not a record: its text stays in the summary and a problem says why.
The summary is the summary pieces in order, each cleaned with
:func:`~netty.services.text.clean_line`, joined by a line break where the note
had one, by ``"; "`` where it had a ``;``, else by a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pendulum

from netty.dates import parse_date, parse_when
from netty.errors import NettyError
from netty.services.text import clean_line, tag_name

__all__ = [
    "DEFAULT_HORIZON_DAYS",
    "GIVE_KINDS",
    "AskNote",
    "FollowUpNote",
    "GiveNote",
    "KnowsNote",
    "NeedNote",
    "ParsedNote",
    "PromiseNote",
    "Span",
    "guess_give_kind",
    "parse_note",
]

# Same values as netty.db.vocab.GIVE_KINDS (a test keeps them equal); this module
# stays free of the database package.
GIVE_KINDS = ("intro", "resource", "advice", "referral", "favour")
# Same values as netty.db.vocab.KNOWS_HOW (a test keeps them equal).
KNOWS_HOW = (
    "family",
    "friend",
    "colleague",
    "former colleague",
    "client",
    "classmate",
    "introduced",
    "acquaintance",
)
DEFAULT_HORIZON_DAYS = 45
FOLLOW_UP_HOUR = 9
_MAX_DATE_WORDS = 6
_MAX_NAME_WORDS = 5
_QUOTE_LIMIT = 40


# --- the records ------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into the original text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True)
class NeedNote:
    """``needs: TEXT [by WHEN]``: something they need, by ``horizon``."""

    text: str
    horizon: pendulum.Date
    horizon_given: bool
    span: Span


@dataclass(frozen=True)
class GiveNote:
    """``gave: TEXT``: something I gave; ``kind`` is one of :data:`GIVE_KINDS`."""

    text: str
    kind: str
    intro_to: str | None
    span: Span


@dataclass(frozen=True)
class AskNote:
    """``asked: TEXT``: something I asked for, with its target when named."""

    text: str
    target_org: str | None
    target_person: str | None
    span: Span


@dataclass(frozen=True)
class PromiseNote:
    """``i owe: TEXT [by WHEN]`` or ``they owe: TEXT [by WHEN]``."""

    direction: str  # "i_owe" | "they_owe"
    text: str
    due: pendulum.Date | None
    span: Span


@dataclass(frozen=True)
class FollowUpNote:
    """``follow up WHEN [TEXT]``: a custom reminder at ``when``."""

    when: pendulum.DateTime
    text: str
    span: Span


@dataclass(frozen=True)
class KnowsNote:
    """``knows: NAME [@ORG] [(HOW)]``: the contact knows this person.

    ``how`` is one of :data:`KNOWS_HOW`, or None when not given.
    """

    name: str
    organization: str | None
    how: str | None
    span: Span


Note = NeedNote | GiveNote | AskNote | PromiseNote | FollowUpNote | KnowsNote


@dataclass(frozen=True)
class ParsedNote:
    """What a note says, record by record; see the module docstring for the rules."""

    summary: str  # what is left: the interaction summary (never loses text)
    needs: tuple[NeedNote, ...]
    gives: tuple[GiveNote, ...]
    asks: tuple[AskNote, ...]
    promises: tuple[PromiseNote, ...]
    follow_ups: tuple[FollowUpNote, ...]
    tags: tuple[str, ...]  # normalised with text.tag_name, in order, unique
    organization: str | None  # the first @Org outside every record
    problems: tuple[str, ...]  # one line each on what was not understood
    summary_spans: tuple[Span, ...] = ()  # where the summary's pieces come from
    tag_spans: tuple[Span, ...] = ()  # every tag token, in order (repeats included)
    organization_span: Span | None = None  # the "@Org Name" token of ``organization``
    now: pendulum.DateTime | None = None  # the clock the note was read with
    knows: tuple[KnowsNote, ...] = ()  # people the contact knows (``knows:``)

    @property
    def records(self) -> tuple[Note, ...]:
        """Every record, in the order it appears in the note."""
        notes: list[Note] = [
            *self.needs,
            *self.gives,
            *self.asks,
            *self.promises,
            *self.follow_ups,
            *self.knows,
        ]
        return tuple(sorted(notes, key=lambda n: n.span.start))

    def is_empty(self) -> bool:
        """True when the note says nothing at all: no record, tag, org or summary."""
        return not (self.summary or self.records or self.tags or self.organization)

    def preview(self) -> list[str]:
        """Human lines saying how the note will be recorded, records first.

        ``need: a UX designer (by Wed 23 Dec)``, ``gave: the article (resource)``,
        ``I owe: intro to Ann (by Fri 27 Nov)``, ``follow up Mon 7 Dec 09:00: the
        role``, ``#fintech #rotary``, ``organization: XYZ Corp``, ``summary: ...``,
        then ``problem: ...`` lines. A year is shown only when it is not ``now``'s.
        """
        lines: list[str] = []
        for need in self.needs:
            if need.horizon_given:
                lines.append(f"need: {need.text} (by {self._day(need.horizon)})")
            else:
                lines.append(f"need: {need.text} (by {self._day(need.horizon)}, default)")
        for give in self.gives:
            detail = give.kind if give.intro_to is None else f"{give.kind} to {give.intro_to}"
            lines.append(f"gave: {give.text} ({detail})")
        for ask in self.asks:
            targets = [
                f"{label} {value}"
                for label, value in (("person:", ask.target_person), ("org:", ask.target_org))
                if value
            ]
            suffix = f" ({', '.join(targets)})" if targets else ""
            lines.append(f"ask: {ask.text}{suffix}")
        for promise in self.promises:
            who = "I owe" if promise.direction == "i_owe" else "they owe"
            due = f" (by {self._day(promise.due)})" if promise.due else ""
            lines.append(f"{who}: {promise.text}{due}")
        for follow in self.follow_ups:
            when = f"{self._day(follow.when.date())} {follow.when.format('HH:mm')}"
            lines.append(f"follow up {when}: {follow.text}")
        for known in self.knows:
            at = f" at {known.organization}" if known.organization else ""
            lines.append(f"knows: {known.name}{at} ({known.how or 'acquaintance'})")
        if self.tags:
            lines.append(" ".join(f"#{tag}" for tag in self.tags))
        if self.organization:
            lines.append(f"organization: {self.organization}")
        if self.summary:
            lines.append("summary: " + " / ".join(self.summary.split("\n")))
        lines.extend(f"problem: {problem}" for problem in self.problems)
        return lines

    def _day(self, day: pendulum.Date) -> str:
        shown = day.format("ddd D MMM", locale="en")
        if self.now is None or day.year != self.now.year:
            shown += f" {day.year}"
        return shown


# --- patterns ---------------------------------------------------------------------------

_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}>'\"’”"
_COLON_MARKER_RE = re.compile(
    r"""
    (?<!\S)
    (?:
        (?P<need>(?:(?:they|he|she|their|his|her)\s+)?needs?)
      | (?P<they_owe>(?:they|he|she|you)\s+(?:owes?(?:\s+me)?|promised)|owes\s+me)
      | (?P<i_owe>i\s+owe(?:\s+(?:them|him|her))?|(?:i\s+)?promised)
      | (?P<give>(?:i\s+)?(?:gave|give)(?:\s+(?:them|him|her))?)
      | (?P<ask>(?:(?:i|my)\s+)?(?:asked|ask)(?:\s+(?:them|him|her))?)
      | (?P<follow>follow\s*-?\s*up)
      | (?P<knows>(?:(?:they|he|she)\s+)?knows)
    )
    \s*:
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BARE_FOLLOW_RE = re.compile(r"(?<!\S)follow\s*-?\s*up\b(?!\s*:)", re.IGNORECASE)
_SENTENCE_START_RE = re.compile(r"(?:\A|[.!?][\"'’”)\]]*)\s*\Z")
# Words right before a mid-clause marker that make it someone else's words.
_NOT_AFTER = {
    "need": frozenset({"i", "we"}),
    "give": frozenset({"he", "she", "they", "you", "who"}),
    "ask": frozenset({"he", "she", "they", "you", "who"}),
}
_TAG_RE = re.compile(r"(?<![^\s;(])#(?P<name>\w+(?:-\w+)*)")
_TAG_AT_RE = re.compile(r"#(?P<name>\w+(?:-\w+)*)")
_ORG_START_RE = re.compile(r"(?<![^\s;(])@(?=[^\W_])")
_ORG_WORD_RE = re.compile(r"[^\W_][\w&'’.+-]*")
_ORG_SYMBOL_RE = re.compile(r"[&+](?!\S)")
_ORG_JOINERS = frozenset({"&", "of", "+"})
_ORG_TRAILING = ".'’-+&"
_BY_RE = re.compile(r"(?:(?<=\S)\s+|\A)by\s+(?=\S)", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?]+\s+")
_NOT_A_DATE = frozenset(
    {
        "way",
        "far",
        "hand",
        "email",
        "e-mail",
        "mail",
        "post",
        "phone",
        "text",
        "dm",
        "slack",
        "linkedin",
        "zoom",
        "video",
        "car",
        "train",
        "bus",
        "myself",
        "himself",
        "herself",
        "themselves",
    }
)
_FOLLOW_CONNECTORS = frozenset({"by", "on", "in", "at", "before", "around", "until", "for"})
_EDGE_PUNCTUATION = ".,;:!?"
_LEADING_JUNK = ":;,.-–— "
_PERSON_TRIGGER_RE = re.compile(
    r"\b(?:intro(?:duction|duce)?(?:\s+(?:me|us))?\s+(?:to|with)"
    r"|connect(?:ion)?(?:\s+(?:me|us))?\s+(?:to|with)"
    r"|meet(?:ing)?(?:\s+with)?)\s+",
    re.IGNORECASE,
)
_INTRO_TO_RE = re.compile(
    r"\bintro(?:s|duction|duced|duce)?(?:\s+(?:them|him|her|me|us))?\s+to\s+", re.IGNORECASE
)
_NAME_TRAILING = ".,;:!?)]}'\"’”"
_KNOWS_NAME_END_RE = re.compile(r"\s*(?:@|\(|,|\bas\s)", re.IGNORECASE)
_KNOWS_AS_RE = re.compile(r"^as\s+(?:an?\s+)?", re.IGNORECASE)

_INTRO_WORDS = frozenset(
    {"intro", "intros", "introduce", "introduced", "introducing", "introduction", "introductions"}
)
_REFERRAL_WORDS = frozenset({"referral", "referrals", "referred", "refer", "referring"})
_ADVICE_NOUNS = frozenset(
    {
        "advice",
        "feedback",
        "tip",
        "tips",
        "suggestion",
        "suggestions",
        "pointer",
        "pointers",
        "input",
        "guidance",
        "mentoring",
        "coaching",
    }
)
_RESOURCE_NOUNS = frozenset(
    {
        "article",
        "articles",
        "link",
        "links",
        "book",
        "books",
        "template",
        "templates",
        "deck",
        "decks",
        "resource",
        "resources",
        "paper",
        "report",
        "slides",
        "doc",
        "docs",
        "document",
        "guide",
        "video",
        "podcast",
        "pdf",
        "spreadsheet",
        "checklist",
        "course",
        "url",
    }
)
_ADVICE_VERBS = frozenset(
    {"suggested", "told", "advised", "recommended", "coached", "reviewed", "explained"}
)
_RESOURCE_VERBS = frozenset({"sent", "send", "shared", "share", "forwarded", "lent", "emailed"})


# --- public entry point -----------------------------------------------------------------


def parse_note(
    text: str,
    now: pendulum.DateTime,
    *,
    is_person: Callable[[str], bool] = lambda name: False,
) -> ParsedNote:
    """Read a free-text note into records; see the module docstring for the grammar.

    ``now`` anchors every date phrase; ``is_person(name)`` says whether a name is a
    known contact (used for an ask's target person and a give's intro). Never
    raises: what is not understood stays in the summary, with a line in
    ``problems``.
    """
    text = text or ""
    try:
        return _Parser(text, now, is_person).parse()
    except Exception as exc:  # a bug here must never lose the user's note
        return ParsedNote(
            summary="\n".join(filter(None, (clean_line(line) for line in text.splitlines()))),
            needs=(),
            gives=(),
            asks=(),
            promises=(),
            follow_ups=(),
            tags=(),
            organization=None,
            problems=(
                f"could not read this note ({type(exc).__name__}); kept it all as the summary",
            ),
            summary_spans=(Span(0, len(text)),) if text else (),
            now=now,
        )


def guess_give_kind(text: str) -> str:
    """The kind of a give from its words; see the module docstring for the rules."""
    words = set(re.findall(r"[^\W_]+", text.casefold()))
    if words & _INTRO_WORDS:
        return "intro"
    if words & _REFERRAL_WORDS:
        return "referral"
    if words & _ADVICE_NOUNS:
        return "advice"
    if words & _RESOURCE_NOUNS or _URL_RE.search(text):
        return "resource"
    if words & _ADVICE_VERBS:
        return "advice"
    if words & _RESOURCE_VERBS:
        return "resource"
    return "favour"


# --- the parser -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Marker:
    kind: str  # need, give, ask, i_owe, they_owe, follow
    start: int  # absolute offsets of the marker itself
    end: int
    bare: bool  # "follow up" without a colon


class _Parser:
    """One parse: holds the text, the clock and what has been found so far."""

    def __init__(self, text: str, now: pendulum.DateTime, is_person: Callable[[str], bool]):
        self.text = text
        self.now = now
        self._is_person = is_person
        self.in_url = [False] * len(text)
        self.tag_spans: list[Span] = []
        self.records: list[Note] = []
        self.summary_regions: list[tuple[int, int]] = []
        self.problems: list[str] = []

    # .. top level ..............................................................

    def parse(self) -> ParsedNote:
        self._find_urls()
        markers: list[_Marker] = []
        clauses = self._clauses()
        for start, end in clauses:
            markers.extend(self._markers(start, end))
        self._find_tags(markers)
        for start, end in clauses:
            self._read_clause(start, end, [m for m in markers if start <= m.start < end])
        return self._result()

    def _find_urls(self) -> None:
        for match in _URL_RE.finditer(self.text):
            end = match.end()
            while end > match.start() and self.text[end - 1] in _URL_TRAILING:
                end -= 1
            for i in range(match.start(), end):
                self.in_url[i] = True

    def _clauses(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each clause; ``;`` outside URLs and line breaks cut."""
        clauses, start = [], 0
        for i, ch in enumerate(self.text):
            if ch in _LINE_BREAKS or (ch == ";" and not self.in_url[i]):
                clauses.append((start, i))
                start = i + 1
        clauses.append((start, len(self.text)))
        return [(s, e) for s, e in clauses if s < e]

    def _markers(self, start: int, end: int) -> list[_Marker]:
        """The marker candidates of one clause, in order; bare follow-ups unconfirmed."""
        clause = self.text[start:end]
        found: list[_Marker] = []
        for match in _COLON_MARKER_RE.finditer(clause):
            kind = match.lastgroup or ""
            if self._touches_url(start + match.start(), start + match.end()):
                continue
            if _previous_word(clause[: match.start()]) in _NOT_AFTER.get(kind, ()):
                continue
            found.append(_Marker(kind, start + match.start(), start + match.end(), bare=False))
        for match in _BARE_FOLLOW_RE.finditer(clause):
            if self._touches_url(start + match.start(), start + match.end()):
                continue
            if not _SENTENCE_START_RE.search(clause[: match.start()]):
                continue
            found.append(_Marker("follow", start + match.start(), start + match.end(), bare=True))
        found.sort(key=lambda m: m.start)
        kept: list[_Marker] = []
        for marker in found:
            if not kept or marker.start >= kept[-1].end:
                kept.append(marker)
        return kept

    def _touches_url(self, start: int, end: int) -> bool:
        return any(self.in_url[start:end])

    def _find_tags(self, markers: list[_Marker]) -> None:
        """Every tag token: after whitespace/``;``/``(``/the start, or right after a colon marker."""
        spans = []
        for match in _TAG_RE.finditer(self.text):
            if _is_tag(match) and not self._touches_url(match.start(), match.end()):
                spans.append(Span(match.start(), match.end()))
        for marker in markers:
            match = _TAG_AT_RE.match(self.text, marker.end)
            if match and not marker.bare and _is_tag(match):
                spans.append(Span(match.start(), match.end()))
        self.tag_spans = sorted(set(spans), key=lambda s: s.start)

    # .. clauses ................................................................

    def _read_clause(self, start: int, end: int, markers: list[_Marker]) -> None:
        """Turn one clause into records and summary regions."""
        # Confirm bare follow-ups right to left: each one's text runs to the next marker.
        confirmed: list[tuple[_Marker, int]] = []
        next_start = end
        for marker in reversed(markers):
            if marker.bare and self._follow_up(marker.end, next_start) is None:
                continue
            confirmed.append((marker, next_start))
            next_start = marker.start
        confirmed.reverse()
        if not confirmed:
            self.summary_regions.append((start, end))
            return
        if start < confirmed[0][0].start:
            self.summary_regions.append((start, confirmed[0][0].start))
        for marker, seg_end in confirmed:
            if not self._read_record(marker, seg_end):
                self.summary_regions.append((marker.start, seg_end))

    def _read_record(self, marker: _Marker, seg_end: int) -> bool:
        """Add the record ``marker`` starts; False (with a problem) when there is none."""
        body = self._clean_region(marker.end, seg_end)
        span = Span(marker.start, _rstrip_end(self.text, marker.start, seg_end))
        label = clean_line(self.text[marker.start : marker.end])
        if marker.kind == "follow":
            follow = self._follow_up(marker.end, seg_end)
            if follow is None:
                what = f'"{_short(clean_line(label + " " + body))}"'
                self.problems.append(f"{what}: no date after follow up; kept in the summary")
                return False
            self.records.append(FollowUpNote(follow[0], follow[1], span))
            return True
        if marker.kind == "knows":
            return self._knows(marker, seg_end, body, span, label)
        if not _has_word(body):
            self.problems.append(f'"{_short(label)}" has nothing after it; kept in the summary')
            return False
        if marker.kind in ("need", "i_owe", "they_owe"):
            text, day = self._by_date(body, "need" if marker.kind == "need" else "promise")
            if not _has_word(text):
                self.problems.append(
                    f'"{_short(label + " " + body)}" has a date but nothing to do; '
                    "kept in the summary"
                )
                return False
            if marker.kind != "need":
                self.records.append(PromiseNote(marker.kind, text, day, span))
            elif day is None:
                horizon = self.now.date().add(days=DEFAULT_HORIZON_DAYS)
                self.records.append(NeedNote(text, horizon, False, span))
            else:
                self.records.append(NeedNote(text, day, True, span))
        elif marker.kind == "give":
            kind = guess_give_kind(body)
            intro_to = self._intro_to(body) if kind == "intro" else None
            self.records.append(GiveNote(body, kind, intro_to, span))
        else:  # ask
            org = self._first_org(marker.end, seg_end)
            person = self._target_person(body)
            self.records.append(AskNote(body, org[0] if org else None, person, span))
        return True

    def _knows(self, marker: _Marker, seg_end: int, body: str, span: Span, label: str) -> bool:
        """Add the ``knows:`` record; False (with a problem) when no name is there."""
        org = self._first_org(marker.end, seg_end)
        head = _KNOWS_NAME_END_RE.split(body, maxsplit=1)[0]
        name = clean_line(head).strip(_EDGE_PUNCTUATION + " ")
        if not _has_word(name):
            self.problems.append(
                f'"{_short(label + " " + body)}" names nobody; kept in the summary'
            )
            return False
        how = None
        rest = body[len(head) :]
        if org:
            rest = rest.replace("@" + org[0], " ", 1)
        words = " ".join(rest.replace("(", " ").replace(")", " ").replace(",", " ").split())
        words = _KNOWS_AS_RE.sub("", words).strip(_EDGE_PUNCTUATION + " ").casefold()
        words = " ".join(words.replace("_", " ").replace("-", " ").split())
        if words in KNOWS_HOW:
            how = words
        elif words == "former":
            how = "former colleague"
        elif words:
            self.problems.append(
                f'"{_short(words)}" is not how people know each other '
                f"({', '.join(KNOWS_HOW)}); recorded {name} without it"
            )
        self.records.append(KnowsNote(name, org[0] if org else None, how, span))
        return True

    def _clean_region(self, start: int, end: int) -> str:
        """The text of ``[start, end)`` without tag tokens, cleaned and trimmed."""
        pieces = [self.text[a:b] for a, b in self._untagged(start, end)]
        text = clean_line(" ".join(pieces))
        text = text.lstrip(_LEADING_JUNK)
        return text.rstrip(_EDGE_PUNCTUATION + " ")

    def _untagged(self, start: int, end: int) -> list[tuple[int, int]]:
        """``[start, end)`` cut around the tag tokens inside it."""
        pieces, cursor = [], start
        for tag in self.tag_spans:
            if tag.end <= start or tag.start >= end:
                continue
            if cursor < tag.start:
                pieces.append((cursor, tag.start))
            cursor = max(cursor, tag.end)
        if cursor < end:
            pieces.append((cursor, end))
        return pieces

    # .. dates ..................................................................

    def _by_date(self, body: str, what: str) -> tuple[str, pendulum.Date | None]:
        """Split ``TEXT by WHEN``; a WHEN that is not a date stays in the text.

        The text is ``""`` when the body is only ``by WHEN``. A date followed by
        more sentences (``the deck by friday. She was thrilled``) is found too; the
        sentences stay in the text.
        """
        matches = list(_BY_RE.finditer(body))
        if not matches:
            return body, None
        last = matches[-1]
        head = body[: last.start()].rstrip(",;:-–— ")
        rest = body[last.end() :]
        phrase = rest.rstrip(_EDGE_PUNCTUATION + " ")
        day = _try_date(phrase, self.now) if phrase else None
        if day is not None:
            return head, day
        cut = _SENTENCE_END_RE.search(rest)
        if cut is not None:
            day = _try_date(rest[: cut.start()], self.now)
            if day is not None:
                text = f"{head}{cut.group().rstrip()} {rest[cut.end() :]}"
                return text.lstrip(_LEADING_JUNK), day
        if phrase and not self._plainly_not_a_date(phrase):
            self.problems.append(
                f'no date in "{_short(phrase)}" after "by"; kept it in the {what} text'
            )
        return body, None

    def _plainly_not_a_date(self, phrase: str) -> bool:
        words = phrase.split()
        if len(words) > _MAX_DATE_WORDS or any(w.startswith("@") for w in words):
            return True
        first = words[1] if len(words) > 1 and words[0].lower() in ("the", "a") else words[0]
        if first.lower().strip(_EDGE_PUNCTUATION) in _NOT_A_DATE:
            return True
        if len(words) >= 2 and all(w[0].isupper() and any(c.islower() for c in w) for w in words):
            return True
        return self.is_person(phrase)

    def _follow_up(self, start: int, end: int) -> tuple[pendulum.DateTime, str] | None:
        """(when, text) of a follow-up whose words are ``[start, end)``, or None."""
        words = self._clean_region(start, end).split()
        if not words:
            return None
        for k in range(min(len(words), _MAX_DATE_WORDS), 0, -1):
            when = self._when(" ".join(words[:k]))
            if when is not None:
                return when, _follow_text(words[k:])
        for k in range(max(1, len(words) - _MAX_DATE_WORDS), len(words)):
            when = self._when(" ".join(words[k:]))
            if when is not None:
                rest = words[:k]
                if rest and rest[-1].lower() in _FOLLOW_CONNECTORS:
                    rest = rest[:-1]
                return when, _follow_text(rest)
        return None

    def _when(self, phrase: str) -> pendulum.DateTime | None:
        """The moment a phrase names; a bare day becomes 09:00 that day."""
        phrase = phrase.rstrip(_EDGE_PUNCTUATION)
        if not phrase:
            return None
        try:
            moment = parse_when(phrase, self.now)
        except (NettyError, ValueError, OverflowError):
            return None
        if moment.time() == self.now.time():  # a day phrase: parse_when kept now's time
            try:
                return moment.at(FOLLOW_UP_HOUR)
            except (ValueError, OverflowError):
                return moment
        return moment

    # .. names ..................................................................

    def is_person(self, name: str) -> bool:
        try:
            return bool(self._is_person(name))
        except Exception:
            return False

    def _confirmed(self, rest: str) -> tuple[str | None, list[str]]:
        """(the longest name after a trigger that is_person confirms, capitalised runs)."""
        runs = _capitalised_runs(rest)
        plain = [w.rstrip(_NAME_TRAILING) for w in rest.split()[:_MAX_NAME_WORDS]]
        candidates = runs + [" ".join(plain[:k]) for k in range(len(plain), 0, -1)]
        for name in candidates:
            if name and self.is_person(name):
                return name, runs
        return None, runs

    def _intro_to(self, body: str) -> str | None:
        for match in _INTRO_TO_RE.finditer(body):
            name, runs = self._confirmed(body[match.end() :])
            if name or runs:
                return name or runs[0]
        return None

    def _target_person(self, body: str) -> str | None:
        for match in _PERSON_TRIGGER_RE.finditer(body):
            name, _ = self._confirmed(body[match.end() :])
            if name:
                return name
        return None

    def _first_org(self, start: int, end: int) -> tuple[str, Span] | None:
        """The first ``@Org Name`` token in ``[start, end)``."""
        region = self.text[:end]  # offsets stay absolute; the ``@`` rule looks behind
        for match in _ORG_START_RE.finditer(region, start):
            found = _org_at(region, match.end())
            if found is not None:
                name, stop = found
                return name, Span(match.start(), stop)
        return None

    # .. result .................................................................

    def _result(self) -> ParsedNote:
        summary_spans: list[Span] = []
        for start, end in sorted(self.summary_regions):
            for a, b in self._untagged(start, end):
                span = _tight(self.text, a, b)
                if span is not None:
                    summary_spans.append(span)
        organization = None
        for start, end in sorted(self.summary_regions):
            for a, b in self._untagged(start, end):
                organization = self._first_org(a, b)
                if organization:
                    break
            if organization:
                break
        tags: list[str] = []
        for span in self.tag_spans:
            name = _tag(span.of(self.text))
            if name and name not in tags:
                tags.append(name)
        records = sorted(self.records, key=lambda r: r.span.start)
        return ParsedNote(
            summary=self._summary(summary_spans, records),
            needs=tuple(r for r in records if isinstance(r, NeedNote)),
            gives=tuple(r for r in records if isinstance(r, GiveNote)),
            asks=tuple(r for r in records if isinstance(r, AskNote)),
            promises=tuple(r for r in records if isinstance(r, PromiseNote)),
            follow_ups=tuple(r for r in records if isinstance(r, FollowUpNote)),
            knows=tuple(r for r in records if isinstance(r, KnowsNote)),
            tags=tuple(tags),
            organization=organization[0] if organization else None,
            problems=tuple(self.problems),
            summary_spans=tuple(summary_spans),
            tag_spans=tuple(self.tag_spans),
            organization_span=organization[1] if organization else None,
            now=self.now,
        )

    def _summary(self, spans: list[Span], records: list[Note]) -> str:
        """The summary pieces joined by the kind of gap the note had between them."""
        out: list[str] = []
        previous: Span | None = None
        for span in spans:
            piece = clean_line(span.of(self.text))
            if not piece:
                continue
            if previous is not None:
                gap = self.text[previous.end : span.start]
                if any(ch in _LINE_BREAKS for ch in gap):
                    out.append("\n")
                elif any(previous.end <= r.span.start < span.start for r in records):
                    out.append(" ")
                elif ";" in gap:
                    out.append("; ")
                else:
                    out.append(" ")
            out.append(piece)
            previous = span
        return "".join(out)


# --- small helpers ----------------------------------------------------------------------


def _previous_word(before: str) -> str:
    words = before.split()
    return words[-1].lower().strip(_EDGE_PUNCTUATION) if words else ""


def _is_tag(match: re.Match[str]) -> bool:
    return any(ch.isalpha() for ch in match["name"])


def _tag(token: str) -> str | None:
    try:
        return tag_name(token)
    except NettyError:
        return None


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _tight(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    end = _rstrip_end(text, start, end)
    return Span(start, end) if start < end else None


def _try_date(phrase: str, now: pendulum.DateTime) -> pendulum.Date | None:
    try:
        return parse_date(phrase, now)
    except (NettyError, ValueError, OverflowError):
        return None


def _follow_text(words: list[str]) -> str:
    text = " ".join(words).strip(_LEADING_JUNK)
    return text if _has_word(text) else "follow up"


def _capitalised_runs(rest: str) -> list[str]:
    """The leading run of capitalised words of ``rest`` and its prefixes, longest first."""
    words: list[str] = []
    for raw in rest.split()[:_MAX_NAME_WORDS]:
        word = raw.rstrip(_NAME_TRAILING)
        if not word or not word[0].isupper() or not any(c.isalpha() for c in word):
            break
        words.append(word)
        if word != raw:  # punctuation ends a name
            break
    return [" ".join(words[:k]) for k in range(len(words), 0, -1)]


def _org_at(region: str, pos: int) -> tuple[str, int] | None:
    """``(name, end)`` of the org name starting at ``pos`` (just after the ``@``)."""
    first = _ORG_WORD_RE.match(region, pos)
    if first is None:
        return None
    end = first.end()
    while True:
        gap = len(region[end:]) - len(region[end:].lstrip(" \t"))
        if gap == 0:
            break
        word = _ORG_WORD_RE.match(region, end + gap) or _ORG_SYMBOL_RE.match(region, end + gap)
        if word is None:
            break
        token = word.group()
        if token.lower() in _ORG_JOINERS:
            follow = _org_next(region, word.end())
            if follow is None:
                break
            end = follow
            continue
        if not (token[0].isupper() or token[0].isdigit()):
            break
        end = word.end()
    while end > pos and region[end - 1] in _ORG_TRAILING:
        end -= 1
    name = " ".join(region[pos:end].split())
    return (name, end) if name else None


def _org_next(region: str, pos: int) -> int | None:
    """End of the capitalised word after a joiner at ``pos``, or None."""
    gap = len(region[pos:]) - len(region[pos:].lstrip(" \t"))
    if gap == 0:
        return None
    word = _ORG_WORD_RE.match(region, pos + gap)
    if word is None or not (word.group()[0].isupper() or word.group()[0].isdigit()):
        return None
    return word.end()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1].rstrip() + "…"
