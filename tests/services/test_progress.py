"""Progress figures on a fixed history whose figures are known by hand.

The user lives in Berlin. The history straddles a month end (Oct 31 / Nov 1), the
daylight-saving change (Sunday 2026-10-25, 03:00 CEST -> 02:00 CET) and a year end
(Dec 31 / Jan 1), with moments chosen so that UTC and local time put them in
different periods: only local periods give the figures below.
"""

from __future__ import annotations

import pendulum
import pytest

from netty.db.models import Ask, Give, Need, Promise
from netty.services import ledger
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact
from netty.services.progress import period_bounds, stats
from netty.services.review import monthly_review, review_lines, suggest_strength
from netty.services.timeline import log_interaction

ZONE = "Europe/Berlin"
NOW = pendulum.datetime(2027, 1, 15, 12, 0, tz=ZONE)


def at(*parts: int) -> pendulum.DateTime:
    return pendulum.datetime(*parts, tz=ZONE)


@pytest.fixture
def history(db):
    """A (ring 1, family), B (ring 2, friends and neighbours), C (ring 3, no channel),
    D (ring 2, added on New Year's Eve)."""
    a = add_contact(ContactFields(name="Ann Lee", ring=1, channel="family"), at(2026, 9, 10)).id
    b = add_contact(
        ContactFields(name="Bob Stone", ring=2, channel="friends-neighbours"), at(2026, 8, 1)
    ).id
    c = add_contact(ContactFields(name="Cy Young", ring=3), at(2027, 1, 1, 0, 30)).id
    d = add_contact(ContactFields(name="Di Park", ring=2), at(2026, 12, 31, 23, 30)).id

    def log(ids, kind, when, **kw):
        log_interaction(ids, kind=kind, when=when, now=NOW, **kw)

    log([a], "coffee", at(2026, 10, 25, 23, 30))  # CET: 22:30 UTC, still local week 43
    log([a], "call", at(2026, 10, 31, 23, 30))  # October either way
    log([b], "email", at(2026, 11, 1, 0, 30))  # UTC: Oct 31 23:30; local: November
    log([a], "note", at(2026, 11, 10))  # a note is not a conversation
    log([a], "thank-you", at(2026, 12, 31, 23, 30))  # UTC 22:30: December either way
    log([a, c], "meal", at(2027, 1, 1, 0, 30))  # UTC: Dec 31; local: January
    need = ledger.add_need(b, "a plumber", now=at(2026, 10, 1))
    ledger.add_give(a, "advice", "CV review", now=NOW, given_at=at(2026, 10, 31, 23, 30))
    ledger.add_give(
        b, "intro", "intro to Sam", now=NOW, given_at=at(2026, 11, 1, 0, 30), need_id=need
    )
    ledger.add_ask(a, "intro to XYZ", now=at(2026, 12, 31, 23, 59))
    late = ledger.add_promise(
        a, "i_owe", "send the deck", now=at(2026, 10, 20), due=pendulum.date(2026, 11, 1)
    )
    on_time = ledger.add_promise(
        a, "i_owe", "book", now=at(2026, 11, 20), due=pendulum.date(2026, 12, 10)
    )
    theirs = ledger.add_promise(b, "they_owe", "the ladder", now=at(2026, 11, 20))
    with change("closed by hand", NOW):
        # UTC day Nov 1 (on time in UTC); local day Nov 2: late
        Promise.update(status="done", closed_at=at(2026, 11, 2, 0, 30)).where(
            Promise.id == late
        ).execute()
        Promise.update(status="done", closed_at=at(2026, 12, 5)).where(
            Promise.id == on_time
        ).execute()
        Promise.update(status="done", closed_at=at(2026, 12, 1, 9)).where(
            Promise.id == theirs
        ).execute()
        Need.update(status="met", closed_at=at(2026, 11, 5)).where(Need.id == need).execute()
    assert Give.select().count() == 2 and Ask.select().count() == 1
    return {"a": a, "b": b, "c": c, "d": d}


def test_month_figures_follow_local_month_and_year_ends(history):
    result = stats(NOW, since=at(2026, 10, 1), by="month")
    assert [p.label for p in result.periods] == ["2026-10", "2026-11", "2026-12", "2027-01"]
    octo, nov, dec, jan = result.periods
    assert (octo.in_person, octo.online, nov.online, dec.online, jan.in_person) == (1, 1, 1, 1, 1)
    assert (nov.in_person, jan.online) == (0, 0)
    assert octo.reached_by_ring == (1, 0, 0)
    assert nov.reached_by_ring == (0, 1, 0)
    assert jan.reached_by_ring == (1, 0, 1)
    assert dec.new_by_ring == (0, 1, 0) and jan.new_by_ring == (0, 0, 1)
    assert (octo.gives, nov.gives, dec.asks) == (1, 1, 1)
    assert (nov.kept_on_time, nov.kept_late, dec.kept_on_time, dec.kept_late) == (0, 1, 1, 0)
    assert (dec.kept_to_me, dec.help_received, dec.thanks_sent) == (1, 1, 1)
    assert nov.needs_met_helped == 1 and octo.needs_met_helped == 0
    totals = result.totals
    assert totals.interactions == 5 and totals.reached_by_ring == (1, 1, 1)
    assert dict(result.reached_by_channel) == {"family": 1, "friends-neighbours": 1, "none": 1}


def test_weeks_are_local_across_the_daylight_saving_change(history):
    result = stats(NOW, since=at(2026, 10, 19), until=at(2026, 11, 3), by="week")
    assert [p.label for p in result.periods] == ["2026-W43", "2026-W44", "2026-W45"]
    w43, w44, _ = result.periods
    assert (w43.in_person, w43.online) == (1, 0)  # the coffee at 23:30 CET on Sunday
    assert (w44.in_person, w44.online) == (0, 2)
    assert (w43.end - w43.start).in_hours() == 169  # the week with the extra hour
    assert w44.start.hour == 0 and w44.start.format("YYYY-MM-DD") == "2026-10-26"


def test_period_bounds_are_local_midnights():
    bounds = period_bounds(at(2026, 3, 20), at(2026, 4, 2), "week")
    assert [b.format("MM-DD HH:mm Z") for b in bounds] == [
        "03-16 00:00 +01:00",
        "03-23 00:00 +01:00",
        "03-30 00:00 +02:00",
        "04-06 00:00 +02:00",
    ]


def test_stats_refuse_an_unknown_period(history):
    from netty.errors import InvalidInput

    with pytest.raises(InvalidInput, match="week or month"):
        stats(NOW, by="day")


def test_review_of_december_names_who_helped_and_whether_thanked(history):
    review = monthly_review("2026-12", NOW)
    assert review.month == "2026-12"
    assert [(h.name, h.thanked) for h in review.helped_me] == [("Bob Stone", False)]
    assert review.i_helped == ()
    assert review.rings_grew == ((2, 1),)
    assert review.before.label == "2026-11"
    assert any("Thank Bob Stone" in item for item in review.next_month)
    text = "\n".join(review_lines(review, markdown=True))
    assert "# Review of December 2026" in text
    assert "- Bob Stone: the ladder (NOT THANKED YET)" in text


def test_review_of_november_names_who_i_helped(history):
    review = monthly_review("2026-11", NOW)
    assert [(h.name, h.what) for h in review.i_helped] == [("Bob Stone", ("intro to Sam",))]


def test_review_refuses_a_bad_or_future_month(history):
    from netty.errors import InvalidInput

    for bad in ("2026-13", "26-01", "november", "2027-02"):
        with pytest.raises(InvalidInput):
            monthly_review(bad, NOW)


def test_suggested_strength_reads_recency_frequency_and_reciprocity(history):
    ann = suggest_strength(history["a"], NOW)
    # 14 days ago: 2; 4 conversations this year: 1; I gave, they never did: 0.5
    assert ann.score == 4
    assert ann.reasons == (
        "last talked 14 days ago",
        "4 conversations in the last year",
        "help goes one way (I gave)",
    )
    # the ladder they lent me; my intro to Sam: both ways (1); 75 days ago: 1; once: 0.5
    assert suggest_strength(history["b"], NOW).score == 3
    di = suggest_strength(history["d"], NOW)
    assert di.score == 0 and di.reasons[0] == "no conversation logged"
