"""The prep sheet tells the truth on the command line: whole text, overdue marked,
and a give that fulfils a promise closes it."""

from __future__ import annotations

LONG = (
    "Walked through the whole onboarding flow with her team and agreed to send the annotated "
    "research plan, the recruiting screener and three interview guides before the holidays"
)


def test_markdown_never_cuts_notes_summaries_or_needs(netty):
    netty("add", "Ann Lee", "--details", LONG)
    netty("log", "ann", "--kind", "coffee", "--summary", LONG)
    netty("log", "ann", f"needs: {LONG}", "--kind", "note")
    out = netty("prep", "ann", "--markdown").out
    assert out.count(LONG) == 3  # details, the interaction, the need: whole
    assert "…" not in out


def test_an_overdue_promise_i_owe_is_marked_overdue(netty):
    netty("add", "Ann Lee")
    netty("log", "ann", "i owe: the deck by 2026-11-20", "--kind", "note")
    out = netty("prep", "ann", "--markdown").out
    assert "- Deliver first: the deck (OVERDUE: due 20 Nov 2026, 3 days late)" in out.splitlines()


def test_gave_closes_the_promise_it_fulfils_and_says_so(netty):
    netty("add", "Sally Jones")
    netty("add", "Ann Lee")
    netty("log", "sally", "i owe: intro to Ann by friday", "--kind", "coffee")
    out = netty("log", "sally", "gave: intro to Ann Lee", "--kind", "email").out
    assert out.splitlines()[1:] == [
        "  gave g1 (intro): intro to Ann Lee",
        "  p1: done (you promised: intro to Ann; g1 fulfils it)",
    ]
    assert "Deliver first" not in netty("prep", "sally", "--markdown").out


def test_who_shows_tags_emails_phone_and_linkedin(netty):
    netty(
        "add",
        "Ann Lee",
        "--tag",
        "design",
        "--email",
        "ann@example.org",
        "--phone",
        "+1 503 555 0100",
        "--url",
        "https://www.linkedin.com/in/annlee",
    )
    out = netty("prep", "ann", "--markdown").out
    for line in (
        "- Tags: #design",
        "- Email: ann@example.org",
        "- Phone: +1 503 555 0100",
        "- LinkedIn: https://www.linkedin.com/in/annlee",
    ):
        assert line in out.splitlines()
