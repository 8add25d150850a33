"""Targets (organizations and people, with why), channel reach and venues, and the
strategy page's text and numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from netty.db.models import Contact, Event
from netty.errors import InvalidInput
from netty.services import changes, strategy
from netty.services.channels import CHANNEL_ADVICE, channel_reach
from netty.services.contacts import ContactFields, add_contact, set_target
from netty.services.ledger import add_ask, add_give
from netty.services.targets import set_organization_target, set_person_target, targets
from netty.services.timeline import log_interaction

SEEDS = Path("/work/shared/seeds")


def person(now, name, **kw):
    return add_contact(ContactFields(name=name, **kw), now).id


def test_people_are_targets_too_with_a_note_on_why(db, now):
    sally = person(now, "Sally Jones", organization="XYZ Corp", title="VP Engineering")
    person(now, "Ann Lee", organization="XYZ Corp")
    set_organization_target("XYZ Corp", True, now, note="the best design team in town")
    set_person_target(sally, True, now, note="runs the team I want to join")
    assert [(t.kind, t.name, t.note, t.detail) for t in targets()] == [
        ("organization", "XYZ Corp", "the best design team in town", "2 people I know there"),
        ("person", "Sally Jones", "runs the team I want to join", "VP Engineering at XYZ Corp"),
    ]
    assert changes.history(1)[0].label == "marked Sally Jones as a target"
    changes.undo(now)
    assert [t.kind for t in targets()] == ["organization"]
    set_person_target(sally, True, now)
    set_person_target(sally, False, now)
    assert Contact.get_by_id(sally).target_note == ""
    assert [t.kind for t in targets()] == ["organization"]


def test_the_old_set_target_still_marks_an_organization(db, now):
    assert set_target("Acme", True, now) == "Acme"
    assert [(t.kind, t.name, t.detail) for t in targets()] == [
        ("organization", "Acme", "nobody I know works there")
    ]


def test_channel_reach_per_ring_and_interactions_in_90_days(db, now):
    a = person(now.subtract(days=200), "Ann Lee", channel="civic club", ring=3)
    b = person(now.subtract(days=200), "Bob Ode", channel="civic-club", ring=2)
    person(now.subtract(days=200), "Cy Poe", channel="online", ring=3)
    person(now.subtract(days=200), "Dee Ray", ring=3)  # no channel
    log_interaction([a, b], kind="coffee", when=now.subtract(days=10), now=now)  # one, two people
    log_interaction([a], kind="call", when=now.subtract(days=100), now=now)  # too old
    report = channel_reach(now)
    civic = next(c for c in report.channels if c.channel == "civic-club")
    assert (civic.rings, civic.people, civic.recent) == ((0, 1, 1), 2, 1)
    online = next(c for c in report.channels if c.channel == "online")
    assert (online.people, online.recent, online.no_reach) == (1, 0, False)
    assert report.unknown == 1
    suggested = [c.channel for c in report.no_reach]
    assert "civic-club" not in suggested and "online" not in suggested
    assert "professional-association" in suggested and "other" not in suggested
    pro = next(c for c in report.no_reach if c.channel == "professional-association")
    assert "guest attendants" in pro.advice and pro.source == "002"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not on this machine")
def test_channel_advice_is_quoted_word_for_word_from_the_seeds():
    for channel, (seed, words) in CHANNEL_ADVICE.items():
        [path] = SEEDS.glob(f"{seed}_*.txt")
        assert words in path.read_text(encoding="utf-8"), channel


def test_venues_are_events_that_brought_people_at_targets(db, now):
    with changes.change("events", now):
        night = Event.create(name="Demo night", starts_at=now.subtract(days=20), created_at=now)
        fair = Event.create(name="Job fair", starts_at=now.subtract(days=5), created_at=now)
    sally = person(now, "Sally Jones", organization="XYZ Corp")
    ann = person(now, "Ann Lee", organization="XYZ Corp")
    bob = person(now, "Bob Ode", organization="Elsewhere")
    set_target("XYZ Corp", True, now)
    with changes.change("met", now):
        Contact.update(met_at_event=night.id).where(Contact.id == sally).execute()
    log_interaction(
        [ann, bob], kind="event", when=now.subtract(days=20), event_id=night.id, now=now
    )
    log_interaction([bob], kind="event", when=now.subtract(days=5), event_id=fair.id, now=now)
    venues = channel_reach(now).venues
    assert [(v.name, [p[1:] for p in v.people]) for v in venues] == [
        ("Demo night", [("Ann Lee", "XYZ Corp"), ("Sally Jones", "XYZ Corp")])
    ]
    set_person_target(bob, True, now)
    assert [v.name for v in channel_reach(now).venues] == ["Demo night", "Job fair"]


def test_strategy_text_is_journaled_and_undoable(db, now):
    assert strategy.set_field("now", "Laid off in July; freelance on the side", now)
    assert strategy.set_field("S", "Past co-workers\nwho like me", now)
    assert not strategy.set_field("now", "Laid off in July; freelance on the side", now)
    assert strategy.texts()["strengths"] == "Past co-workers\nwho like me"
    assert changes.history(1)[0].label == "wrote the strategy: strengths"
    changes.undo(now)
    assert strategy.texts()["strengths"] == ""
    with pytest.raises(InvalidInput, match="unknown strategy field"):
        strategy.set_field("mood", "fine", now)


def test_strategy_numbers_come_from_the_data(db, now):
    a = person(now.subtract(days=300), "Ann Lee", ring=1, channel="family")
    b = person(now.subtract(days=300), "Bob Ode", ring=3, channel="online")
    person(now.subtract(days=300), "Cy Poe", ring=3, organization="XYZ Corp")
    set_target("XYZ Corp", True, now)
    set_person_target(b, True, now)
    log_interaction([a], kind="coffee", when=now.subtract(weeks=1), now=now)
    log_interaction([b], kind="email", when=now.subtract(hours=1), now=now)
    add_give(a, "advice", "a portfolio review", now=now, given_at=now.subtract(days=200))
    add_give(a, "intro", "intro to Bob", now=now)
    add_ask(b, "an intro to XYZ", now=now)
    page = strategy.strategy_page(now)
    n = page.numbers
    assert n.rings == {1: 1, 2: 0, 3: 2}
    assert [c for _, c in n.weeks] == [0, 0, 0, 0, 0, 0, 1, 1]
    assert (n.gives, n.asks, n.gives_recent, n.asks_recent) == (2, 1, 1, 1)
    # Bob (in touch an hour ago) is his own route; nobody I know knows Cy at XYZ Corp
    assert (n.target_orgs, n.target_people, n.routes) == (1, 1, (1, 1))
    assert "civic club" in n.no_reach and "family" not in n.no_reach
    lines = dict(n.lines())
    assert lines["people"] == "1 in ring 1, 0 in ring 2, 2 in ring 3"
    assert lines["gives vs asks"] == "2 gives, 1 ask (1 vs 1 in the last 90 days)"
    assert lines["targets"] == "1 organization, 1 person; 1 with a warm route, 1 without"


def test_strategy_markdown_has_the_numbers_the_questions_and_the_advice(db, now):
    strategy.set_field("want", "Design lead at a health-tech company", now)
    text = strategy.markdown(strategy.strategy_page(now))
    assert text.startswith("# Strategy\n\n## The numbers\n")
    assert "### Where would I like to be?\n\nDesign lead at a health-tech company" in text
    assert "### Threats\n\n_(not written yet" in text
    assert "Find a way to attend a meeting as a guest" in text  # civic club: no reach
