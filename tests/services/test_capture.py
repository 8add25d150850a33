"""Quick capture: real-looking notes read into records, and nothing typed is ever lost."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netty.db.vocab import GIVE_KINDS as DB_GIVE_KINDS
from netty.services import capture
from netty.services.capture import (
    GIVE_KINDS,
    FollowUpNote,
    ParsedNote,
    Span,
    guess_give_kind,
    parse_note,
)
from netty.services.text import clean_line

NOW = pendulum.datetime(2026, 11, 23, 10, tz="UTC")  # a Monday
KNOWN = {"Sally Jones", "Ann"}
FRIDAY = pendulum.date(2026, 11, 27)
NEXT_MONTH = pendulum.date(2026, 12, 23)
DEFAULT_HORIZON = pendulum.date(2027, 1, 7)  # 45 days on


def read(text: str, now: pendulum.DateTime = NOW) -> ParsedNote:
    note = parse_note(text, now, is_person=lambda name: name in KNOWN)
    assert_accounted_for(text, note)
    return note


def assert_accounted_for(text: str, note: ParsedNote) -> None:
    """Every non-whitespace character outside a ``;`` is in some record, tag or summary."""
    covered = [False] * len(text)
    record_spans = [r.span for r in note.records]
    spans = [*record_spans, *note.summary_spans, *note.tag_spans]
    if note.organization_span is not None:
        spans.append(note.organization_span)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        for i in range(span.start, span.end):
            covered[i] = True
    lost = [(i, ch) for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
    assert all(ch == ";" for _, ch in lost), f"lost {lost!r} of {text!r}"
    # Records never overlap each other, and the summary never overlaps a record.
    ordered = sorted(record_spans, key=lambda s: s.start)
    for a, b in itertools.pairwise(ordered):
        assert a.end <= b.start, (a, b)
    for s in note.summary_spans:
        assert not any(r.start < s.end and s.start < r.end for r in record_spans)
        assert clean_line(s.of(text)) in note.summary
    for record in note.records:
        assert any(ch.isalnum() for ch in getattr(record, "text", ""))
    assert not any(p.startswith("could not read this note") for p in note.problems)


# --- the issue's example and event lines --------------------------------------------------


def test_the_issue_example():
    note = read(
        "coffee at Blue Bottle. needs: a UX designer by next month; i owe: intro to Ann "
        "by friday; they owe: intro to Bob at @XYZ Corp #fintech"
    )
    assert note.summary == "coffee at Blue Bottle."
    (need,) = note.needs
    assert (need.text, need.horizon, need.horizon_given) == ("a UX designer", NEXT_MONTH, True)
    mine, theirs = note.promises
    assert (mine.direction, mine.text, mine.due) == ("i_owe", "intro to Ann", FRIDAY)
    assert (theirs.direction, theirs.text, theirs.due) == (
        "they_owe",
        "intro to Bob at @XYZ Corp",
        None,
    )
    assert note.tags == ("fintech",)
    assert note.organization is None  # the @Org is inside a promise
    assert note.problems == ()
    assert note.preview() == [
        "need: a UX designer (by Wed 23 Dec)",
        "I owe: intro to Ann (by Fri 27 Nov)",
        "they owe: intro to Bob at @XYZ Corp",
        "#fintech",
        "summary: coffee at Blue Bottle.",
    ]


def test_spans_cover_marker_and_text_exactly():
    text = "coffee. needs: a UX designer by next month; i owe: intro to Ann #x"
    note = read(text)
    assert note.needs[0].span.of(text) == "needs: a UX designer by next month"
    assert note.promises[0].span.of(text) == "i owe: intro to Ann #x"
    assert [s.of(text) for s in note.summary_spans] == ["coffee."]
    assert [s.of(text) for s in note.tag_spans] == ["#x"]


def test_event_mode_line_with_org_title_and_tag():
    note = read(
        "Sally Jones @XYZ Corp, VP Engineering #rotary needs: a UX designer; i owe: the article"
    )
    assert note.summary == "Sally Jones @XYZ Corp, VP Engineering"
    assert note.organization == "XYZ Corp"
    assert note.tags == ("rotary",)
    assert [n.text for n in note.needs] == ["a UX designer"]
    assert note.needs[0].horizon == DEFAULT_HORIZON and not note.needs[0].horizon_given
    assert [(p.direction, p.text) for p in note.promises] == [("i_owe", "the article")]


def test_multi_line_notes_from_an_event():
    note = read(
        "Rotary breakfast at the Marriott\n"
        "sat next to Dana, runs ops @Northwind Health\n"
        "needs: two data engineers by jan 15\n"
        "gave: intro to Ann\n"
        "asked: an email intro to Sally Jones at @XYZ Corp\n"
        "follow up in 2 weeks about the role\n"
        "#rotary #healthcare"
    )
    assert (
        note.summary
        == "Rotary breakfast at the Marriott\nsat next to Dana, runs ops @Northwind Health"
    )
    assert note.organization == "Northwind Health"
    assert note.needs[0].horizon == pendulum.date(2027, 1, 15)
    assert note.gives[0].kind == "intro" and note.gives[0].intro_to == "Ann"
    assert note.asks[0].target_person == "Sally Jones" and note.asks[0].target_org == "XYZ Corp"
    assert note.follow_ups[0].when == pendulum.datetime(2026, 12, 7, 9, tz="UTC")
    assert note.follow_ups[0].text == "about the role"
    assert note.tags == ("rotary", "healthcare")


def test_windows_line_breaks_and_blank_lines():
    note = read("lunch with Priya\r\n\r\ni owe: the deck by tomorrow\r\n")
    assert note.summary == "lunch with Priya"
    assert note.promises[0].due == pendulum.date(2026, 11, 24)


def test_summary_keeps_semicolons_between_plain_clauses():
    note = read("met Ann at the meetup; talked about Rust; she is moving to Lisbon")
    assert note.summary == "met Ann at the meetup; talked about Rust; she is moving to Lisbon"
    assert note.records == ()


def test_summary_pieces_around_a_record_join_with_a_space():
    note = read("coffee. needs: a mentor; great chat overall")
    assert note.summary == "coffee. great chat overall"


# --- markers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "NEEDS: A UX DESIGNER BY FRIDAY",
        "Needs: a UX designer by Friday",
        "needs:a UX designer by friday",
        "need : a UX designer by fri",
        "she needs: a UX designer by friday",
        "Good call! needs: a UX designer by friday",
    ],
)
def test_need_marker_forms(text):
    (need,) = read(text).needs
    assert need.text.lower() == "a ux designer"
    assert need.horizon == FRIDAY and need.horizon_given


@pytest.mark.parametrize(
    ("text", "direction", "body"),
    [
        ("I OWE: the slides BY FRIDAY", "i_owe", "the slides"),
        ("i owe them: a thank-you note by friday", "i_owe", "a thank-you note"),
        ("i promised: the slides by friday", "i_owe", "the slides"),
        ("they owe me:an intro to their CTO by friday", "they_owe", "an intro to their CTO"),
        ("Bob owes me: lunch by friday", "they_owe", "lunch"),
        ("he owes me: the contract draft by friday.", "they_owe", "the contract draft"),
        ("She owes: a reference letter by friday", "they_owe", "a reference letter"),
        ("you promised: feedback by friday", "they_owe", "feedback"),
    ],
)
def test_promise_marker_forms(text, direction, body):
    (promise,) = read(text).promises
    assert (promise.direction, promise.text, promise.due) == (direction, body, FRIDAY)


def test_a_need_without_a_date_gets_the_default_horizon():
    (need,) = read("needs: a cofounder who knows payments").needs
    assert need.horizon == NOW.date().add(days=45) == DEFAULT_HORIZON
    assert not need.horizon_given


def test_iso_and_month_day_dates():
    note = read("needs: office space by 2026-12-01; i owe: the budget by dec 4th")
    assert note.needs[0].horizon == pendulum.date(2026, 12, 1)
    assert note.promises[0].due == pendulum.date(2026, 12, 4)


def test_only_the_last_by_is_the_date():
    (promise,) = read("i owe: a book by Malcolm Gladwell by next week").promises
    assert promise.text == "a book by Malcolm Gladwell"
    assert promise.due == pendulum.date(2026, 11, 30)


def test_a_date_before_another_sentence_is_still_the_date():
    (promise,) = read("i owe: the deck by friday. She was thrilled").promises
    assert (promise.text, promise.due) == ("the deck. She was thrilled", FRIDAY)


def test_a_date_with_nothing_to_do_stays_in_the_summary():
    note = read("needs: by friday; they owe: BY TOMORROW!")
    assert note.records == ()
    assert note.summary == "needs: by friday; they owe: BY TOMORROW!"
    assert len(note.problems) == 2


def test_tags_inside_a_clause_leave_its_text_and_date_alone():
    note = read("needs: a designer #design by friday #urgent")
    assert note.needs[0].text == "a designer"
    assert note.needs[0].horizon == FRIDAY
    assert note.tags == ("design", "urgent")


@pytest.mark.parametrize(
    "text",
    [
        "I need: a holiday after this week",
        "He asked: could I look at his resume",
        "they gave: me a lift home",
        "we should follow up with Sam at some point",
        "Follow up when she is back",
    ],
)
def test_prose_that_only_looks_like_a_marker_stays_summary(text):
    note = read(text)
    assert note.records == ()
    assert note.summary == text
    assert note.problems == ()


# --- problems: nothing is lost ---------------------------------------------------------------


def test_a_bad_date_stays_in_the_text_with_a_problem():
    note = read("needs: a UX designer by next decade; i owe: the deck by Christmas")
    assert note.needs[0].text == "a UX designer by next decade"
    assert not note.needs[0].horizon_given
    assert note.promises[0].text == "the deck by Christmas" and note.promises[0].due is None
    assert len(note.problems) == 2
    assert 'no date in "next decade"' in note.problems[0]
    assert any(line.startswith("problem: ") for line in note.preview())


@pytest.mark.parametrize(
    "text",
    [
        "i owe: a book by Malcolm Gladwell",
        "i owe: the deck by email",
        "they owe: an intro by the way, she is great",
        "gave: a talk written by the team",
        "i owe: a call by Sally Jones",
    ],
)
def test_by_that_is_plainly_not_a_date_is_no_problem(text):
    note = read(text)
    assert note.problems == ()
    assert len(note.records) == 1


def test_empty_clauses_stay_in_the_summary_with_a_problem():
    note = read("needs:; gave: #design; follow up: someday")
    assert note.records == ()
    assert note.summary == "needs:; gave:; follow up: someday"
    assert note.tags == ("design",)
    assert len(note.problems) == 3


def test_is_person_that_raises_is_treated_as_no():
    def broken(name: str) -> bool:
        raise RuntimeError("db gone")

    note = parse_note("asked: intro to Sally Jones", NOW, is_person=broken)
    assert note.asks[0].target_person is None


def test_empty_and_blank_notes():
    assert read("").is_empty()
    assert read("  \n ; \n").is_empty()
    assert not read("#rotary").is_empty()
    assert read("#rotary").summary == ""


# --- gives ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "intro_to"),
    [
        ("gave: intro to Ann", "intro", "Ann"),
        ("gave: intro to Ann Lee at XYZ", "intro", "Ann"),  # the longest known name wins
        ("gave them: an introduction to Priya Raman, our old CTO", "intro", "Priya Raman"),
        ("i gave: introduced her to Sally Jones", "intro", "Sally Jones"),
        ("gave: introduced him to the hiring team", "intro", None),
        ("give: referred him to the Acme hiring manager", "referral", None),
        ("gave: a referral for the PM role", "referral", None),
        ("gave: sent the article on pricing", "resource", None),
        ("gave: shared https://example.com/guide", "resource", None),
        ("gave: the pitch deck template", "resource", None),
        ("gave: feedback on her CV", "advice", None),
        ("gave: shared some interview tips", "advice", None),
        ("gave: suggested she talk to recruiters early", "advice", None),
        ("gave: told him which conferences matter", "advice", None),
        ("gave: helped move boxes on Saturday", "favour", None),
    ],
)
def test_give_kinds(text, kind, intro_to):
    (give,) = read(text).gives
    assert (give.kind, give.intro_to) == (kind, intro_to)
    assert give.kind in GIVE_KINDS


def test_intro_to_without_a_known_name_is_the_capitalised_run():
    note = parse_note("gave: intro to Ann Lee at XYZ", NOW)
    assert note.gives[0].intro_to == "Ann Lee"


def test_give_kinds_match_the_data_model():
    assert set(GIVE_KINDS) == set(DB_GIVE_KINDS)
    assert guess_give_kind("") == "favour"


# --- asks -----------------------------------------------------------------------------------


def test_ask_with_org_and_known_person():
    (ask,) = read("asked: an email intro to Sally Jones at @XYZ Corp, my target").asks
    assert ask.text == "an email intro to Sally Jones at @XYZ Corp, my target"
    assert (ask.target_person, ask.target_org) == ("Sally Jones", "XYZ Corp")


def test_ask_person_must_be_known():
    (ask,) = read("my ask: intro to Bob Smith at @Initech").asks
    assert ask.target_person is None and ask.target_org == "Initech"


def test_ask_meet_and_lower_case_names():
    note = read("asked: to meet Ann next month; i asked: an intro to sally jones")
    assert note.asks[0].target_person == "Ann"
    assert note.asks[1].target_person is None  # "sally jones" is not "Sally Jones"
    assert note.asks[1].target_org is None


def test_vague_ask_has_no_targets():
    (ask,) = read("ASK: any advice on pricing").asks
    assert (ask.target_org, ask.target_person) == (None, None)
    assert read("ASK: any advice on pricing").preview() == ["ask: any advice on pricing"]


def test_top_level_org_and_ask_org_are_kept_apart():
    note = read("lunch at @Northwind Health; asked: an intro to someone at @Bank of America")
    assert note.organization == "Northwind Health"
    assert note.asks[0].target_org == "Bank of America"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("met at @XYZ Corp and chatted", "XYZ Corp"),
        ("coffee with Li @Procter & Gamble.", "Procter & Gamble"),
        ("@3M Health Care, product lead", "3M Health Care"),
        ("intern at @eBay for the summer", "eBay"),
        ("(@Initech) sales lead", "Initech"),
        ("emailed ann@xyz.com about @Acme", "Acme"),
        ("emailed ann@xyz.com and bob@Initech.com", None),
        ("an @ alone, @ Foo", None),
    ],
)
def test_organizations(text, org):
    note = read(text)
    assert note.organization == org
    assert note.summary == text  # an @Org is never taken out of the text


# --- follow-ups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when", "about"),
    [
        ("follow up in 2 weeks about the role", (2026, 12, 7, 9), "about the role"),
        ("Follow-up: next week", (2026, 11, 30, 9), "follow up"),
        ("followup dec 1, send the deck", (2026, 12, 1, 9), "send the deck"),
        ("FOLLOW UP: about the deck by friday", (2026, 11, 27, 9), "about the deck"),
        ("follow up in 3 hours", (2026, 11, 23, 13), "follow up"),
        ("Great chat. Follow up tomorrow.", (2026, 11, 24, 9), "follow up"),
        (
            "follow up 2026-12-02T15:30 call with her team",
            (2026, 12, 2, 15, 30),
            "call with her team",
        ),
    ],
)
def test_follow_ups(text, when, about):
    (follow,) = read(text).follow_ups
    assert follow.when == pendulum.datetime(*when, tz="UTC")
    assert follow.text == about


def test_follow_up_keeps_the_local_timezone():
    london = pendulum.datetime(2026, 6, 1, 10, tz="Europe/London")
    (follow,) = read("follow up friday", london).follow_ups
    assert follow.when == pendulum.datetime(2026, 6, 5, 9, tz="Europe/London")


def test_follow_up_preview():
    note = read("Great chat. follow up in 2 weeks about the role")
    assert note.preview() == [
        "follow up Mon 7 Dec 09:00: about the role",
        "summary: Great chat.",
    ]
    assert isinstance(note.follow_ups[0], FollowUpNote)


# --- tags, URLs, emails ---------------------------------------------------------------------


def test_tags_are_normalised_unique_and_in_order():
    note = read("#FinTech demo night #Rotary-Club #fintech; #1 priority is # the intro")
    assert note.tags == ("fintech", "rotary-club")
    assert note.summary == "demo night; #1 priority is # the intro"


def test_a_hash_in_a_url_is_not_a_tag():
    text = "read https://example.com/post#comments; see www.x.io/a;b#c later"
    note = read(text)
    assert note.tags == ()
    assert note.summary == "read https://example.com/post#comments; see www.x.io/a;b#c later"


def test_markers_inside_urls_are_text():
    note = read("bookmarked https://x.com/q;needs:more #later")
    assert note.records == ()
    assert note.tags == ("later",)


def test_emails_are_not_orgs_and_gives_with_links_are_resources():
    note = read("emailed dana@northwind.org. gave: the salary survey link")
    assert note.organization is None
    assert note.gives[0].kind == "resource"


def test_preview_of_every_kind_of_line():
    note = read(
        "demo day @Acme #demo\n"
        "needs: a designer\n"
        "gave: intro to Ann\n"
        "asked: intro to Sally Jones at @XYZ Corp\n"
        "they owe: the slides by next week\n"
        "i owe: a thank-you note by next year"
    )
    assert note.preview() == [
        "need: a designer (by Thu 7 Jan 2027, default)",
        "gave: intro to Ann (intro to Ann)",
        "ask: intro to Sally Jones at @XYZ Corp (person: Sally Jones, org: XYZ Corp)",
        "they owe: the slides (by Mon 30 Nov)",
        "I owe: a thank-you note (by Tue 23 Nov 2027)",
        "#demo",
        "organization: Acme",
        "summary: demo day @Acme",
    ]


def test_multi_line_summary_preview_is_one_line():
    note = read("breakfast\nmet the mayor")
    assert note.summary == "breakfast\nmet the mayor"
    assert note.preview() == ["summary: breakfast / met the mayor"]


def test_the_module_stays_pure():
    tree = ast.parse(Path(capture.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    roots = {name.split(".")[0] for name in imported}
    assert not roots & {"textual", "rich", "peewee"}
    assert not any(name.startswith("netty.db") for name in imported)


# --- nothing is ever lost -------------------------------------------------------------------

FRAGMENTS = [
    "needs:",
    "NEED :",
    "need:",
    "she needs:",
    "I need:",
    "gave:",
    "gave them:",
    "give:",
    "asked:",
    "i asked:",
    "my ask:",
    "He asked:",
    "i owe:",
    "I OWE THEM:",
    "they owe:",
    "they owe me:",
    "owes me:",
    "i promised:",
    "follow up",
    "follow-up:",
    "followup",
    "Follow Up:",
    "by",
    " by ",
    "by next month",
    "by friday",
    "by 2026-12-01",
    "by next decade",
    "in 2 weeks",
    "tomorrow",
    "dec 1",
    "2026-12-02T15:30+01:00",
    "3d",
    "#fintech",
    "#",
    "#1",
    "#a-b-",
    "@XYZ Corp",
    "@",
    "@Bank of America",
    "ann@xyz.com",
    "https://x.com/a#b;c",
    "www.x.io/;needs:",
    "intro to Ann",
    "intro to Sally Jones",
    "meet",
    "sent the article",
    "Sally Jones",
    "coffee at Blue Bottle",
    ".",
    "!",
    "?",
    ",",
    ":",
    "-",
    "é",
    "\u0301",
    "\x00",
]
SEPARATORS = ["", " ", "  ", ";", "; ", "\n", "\r\n", ". ", "! ", "? ", "\t", "\u2028"]
notes = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(SEPARATORS),
        st.text(max_size=8),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
def test_any_mix_of_markers_is_read_without_losing_anything(text):
    assert_accounted_for(text, read(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_read_without_losing_anything(text):
    note = parse_note(text, NOW)
    assert_accounted_for(text, note)
    note.preview()
    note.is_empty()


def test_spans_are_offsets_into_the_original():
    text = "  x;  needs:  y  "
    note = read(text)
    assert note.needs[0].span == Span(6, 15)
    assert note.summary_spans == (Span(2, 3),)
