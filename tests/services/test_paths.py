"""Warm paths on a hand-built network whose best routes are known.

me ─ Lena (ring 1, seen 5 days ago) ─ friend ─ Sally @XYZ (on file)
me ─ Greg (ring 1, seen, I owe him) ─ friend ─ Sally
me ─ Omar (ring 2, 200 days ago) ─ acquaintance ─ Bob @XYZ (on file)
me ─ Priya (ring 2) ─ friend ─ Tom @Acme (on file) ─ colleague ─ Bob
me ─ Zed (ring 1) ─ Quinn (on file) ─ Uma (on file) ─ Tom ─ Bob   (4 steps: cut)
me ─ Maria (ring 2; XYZ 2015-2019) ... Dan @XYZ since 2017 (former colleague)
me ─ Nina (ring 2; XYZ 2005-2010) ... no overlap with anyone at XYZ
"""

from __future__ import annotations

import pytest

from netty.db.models import Affiliation, Organization
from netty.services import ledger
from netty.services.changes import change
from netty.services.contacts import ContactFields, add_contact, edit_contact, set_target
from netty.services.knows import add_knows
from netty.services.paths import has_route, person_target, resolve_target, routes_to
from netty.services.timeline import log_interaction


def person(now, name, org=None, ring=3, seen_days=None, **more):
    cid = add_contact(ContactFields(name=name, organization=org, ring=ring, **more), now).id
    if seen_days is not None:
        log_interaction([cid], kind="coffee", when=now.subtract(days=seen_days), now=now)
    return cid


def affiliate(now, cid, org, start, end, current=False):
    with change("affiliation", now):
        org_id = Organization.get(Organization.name == org).id
        Affiliation.create(
            contact=cid, organization=org_id, start_year=start, end_year=end, is_current=current
        )


@pytest.fixture
def net(db, now):
    for org in ("XYZ Corp", "Acme", "Fabrikam"):
        set_target(org, org != "Acme", now)
    p = {}
    p["sally"] = person(now, "Sally Jones", "XYZ Corp")
    p["bob"] = person(now, "Bob Stone", "XYZ Corp")
    p["dan"] = person(now, "Dan Reyes", "XYZ Corp")
    p["tom"] = person(now, "Tom Wu", "Acme")
    p["quinn"] = person(now, "Quinn Ash")
    p["uma"] = person(now, "Uma Bell")
    p["lena"] = person(now, "Lena Park", ring=1, seen_days=5)
    p["greg"] = person(now, "Greg Hill", ring=1, seen_days=5)
    p["omar"] = person(now, "Omar Said", ring=2, seen_days=200)
    p["priya"] = person(now, "Priya Raman", ring=2, seen_days=10)
    p["zed"] = person(now, "Zed Cole", ring=1, seen_days=3)
    p["maria"] = person(now, "Maria Lopez", ring=2, seen_days=20)
    p["nina"] = person(now, "Nina Berg", ring=2, seen_days=20)
    add_knows(p["lena"], p["sally"], now, "friend")
    add_knows(p["greg"], p["sally"], now, "friend")
    add_knows(p["omar"], p["bob"], now)
    add_knows(p["priya"], p["tom"], now, "friend")
    add_knows(p["tom"], p["bob"], now, "colleague")
    add_knows(p["zed"], p["quinn"], now, "friend")
    add_knows(p["quinn"], p["uma"], now, "friend")
    add_knows(p["uma"], p["tom"], now, "friend")
    ledger.add_promise(p["greg"], "i_owe", "the deck", now=now)
    for who in ("sally", "bob"):
        affiliate(now, p[who], "XYZ Corp", 2021, None, current=True)
    affiliate(now, p["dan"], "XYZ Corp", 2017, None, current=True)
    affiliate(now, p["maria"], "XYZ Corp", 2015, 2019)
    affiliate(now, p["nina"], "XYZ Corp", 2005, 2010)
    return p


def firsts(paths):
    return [r.hops[0].name for r in paths.routes]


def test_routes_rank_by_strength_recency_and_reciprocity(net, now):
    paths = routes_to("xyz corp", now)
    assert paths.target.name == "XYZ Corp" and paths.target.is_target
    assert firsts(paths) == ["Lena Park", "Maria Lopez", "Greg Hill", "Priya Raman", "Omar Said"]
    lena, *_middle, omar = paths.routes
    assert [h.name for h in lena.hops] == ["Lena Park", "Sally Jones"]
    assert lena.reason == (
        "Lena Park knows Sally Jones at XYZ Corp (friend). "
        "You and Lena: ring 1, in touch 5 days ago."
    )
    assert lena.ask == "Ask Lena for an email intro to Sally Jones at XYZ Corp, a target."
    assert lena.score == pytest.approx(0.8 * 1.0 * 0.95 * 0.75)
    assert omar.score == pytest.approx(0.6 * 0.8 * 0.4 * 0.75)  # seen 200 days ago
    assert paths.advice == ()


def test_give_first_demotes_and_says_so(net, now):
    greg = routes_to("XYZ Corp", now).routes[2]
    assert greg.hops[0].name == "Greg Hill"
    assert greg.give_first == "you owe Greg “the deck”"
    assert greg.score == pytest.approx(0.8 * 0.5 * 0.95 * 0.75)  # Lena's route, halved
    assert "Give first: you owe Greg “the deck”." in greg.reason
    assert greg.ask.startswith("Give first: you owe Greg “the deck”; then ask Greg")
    # only asking, never giving, demotes too
    ledger.add_ask(net["lena"], "Any leads?", now=now)
    lena = next(r for r in routes_to("XYZ Corp", now).routes if r.hops[0].name == "Lena Park")
    assert lena.give_first == "you have only asked of Lena (1 ask, no gives)"
    ledger.add_give(net["lena"], "advice", "Portfolio review", now=now)
    lena = routes_to("XYZ Corp", now).routes[0]
    assert lena.hops[0].name == "Lena Park" and lena.give_first == ""


def test_three_steps_at_most(net, now):
    paths = routes_to("XYZ Corp", now)
    priya = next(r for r in paths.routes if r.hops[0].name == "Priya Raman")
    assert [h.name for h in priya.hops] == ["Priya Raman", "Tom Wu", "Bob Stone"]
    assert priya.reason.startswith(
        "Priya Raman knows Tom Wu (friend), who knows Bob Stone at XYZ Corp (colleague)."
    )
    assert priya.ask == (
        "Ask Priya for an email intro to Tom Wu, who knows Bob Stone at XYZ Corp, a target."
    )
    assert "Zed Cole" not in firsts(paths)  # Zed - Quinn - Uma - Tom - Bob: four steps
    # Zed reaches Uma in three steps (Zed, Quinn, Uma) but Tom only in four
    assert firsts(routes_to(person_target(net["tom"]), now)) == ["Priya Raman", "Omar Said"]
    assert firsts(routes_to(person_target(net["uma"]), now)) == ["Zed Cole", "Priya Raman"]


def test_colleague_links_from_overlapping_years_only(net, now):
    paths = routes_to("XYZ Corp", now)
    maria = next(r for r in paths.routes if r.hops[0].name == "Maria Lopez")
    assert [h.name for h in maria.hops] == ["Maria Lopez", "Dan Reyes"]
    assert "Dan Reyes at XYZ Corp (former colleague at XYZ Corp, 2017–2019)" in maria.reason
    assert "Nina Berg" not in firsts(paths)  # XYZ 2005-2010: nobody there then


def test_one_step_and_person_targets(net, now):
    set_target("Acme", True, now)
    tom = person_target(net["tom"])
    assert tom.label == "Tom Wu at Acme" and tom.is_target
    lena = routes_to(person_target(net["lena"]), now).routes[0]
    assert lena.steps == 1 and lena.reason == (
        "You know Lena Park yourself (ring 1, in touch 5 days ago)."
    )
    kim = person(now, "Kim Ode", "Acme", introduced_by=net["omar"])
    paths = routes_to("Acme", now)
    # Kim was introduced by Omar: Omar knows her; Priya knows Tom
    assert {r.hops[-1].name for r in paths.routes} >= {"Tom Wu", "Kim Ode"}
    omar = next(r for r in paths.routes if r.hops[0].name == "Omar Said")
    assert "Kim Ode at Acme (introduced)" in omar.reason
    log_interaction([kim], kind="call", when=now, now=now)
    edit_contact(kim, ContactFields(strength=5), now)
    direct = routes_to("Acme", now).routes[0]
    assert direct.hops[0].name == "Kim Ode" and direct.steps == 1
    assert direct.reason == "You know Kim Ode at Acme (ring 3, strength 5, in touch just now)."
    assert direct.ask == (
        "Ask Kim for an email intro to the hiring manager for your kind of role at Acme, a target."
    )
    # I know Kim myself now: no route leads to her through someone else
    assert [r.hops[-1].name for r in routes_to("Acme", now).routes] == [
        "Kim Ode",
        "Tom Wu",
        "Tom Wu",
    ]


def test_no_route_says_where_to_position_myself(net, now):
    paths = routes_to("Fabrikam", now)
    assert paths.routes == ()
    assert paths.advice[0] == "No warm route to Fabrikam within 3 steps yet."
    assert any("civic club meeting can be attended as a guest" in a for a in paths.advice)
    assert not has_route("Fabrikam", now) and has_route("XYZ Corp", now)
    # people at my other targets came through a civic club
    edit_contact(net["sally"], ContactFields(channel="civic club"), now)
    advice = routes_to("Fabrikam", now).advice
    assert "People at your other targets came through: civic club (1); go there." in advice
    person(now, "Fay Grant", "Fabrikam")
    advice = routes_to("fabrikam", now).advice
    assert advice[1].startswith("On file there but not yet in touch: Fay Grant")


def test_resolve_target(net, now):
    assert resolve_target("xyz").kind == "organization"
    assert resolve_target("Sally").kind == "person"
    from netty.errors import NotFound

    with pytest.raises(NotFound):
        resolve_target("Nowhere Inc")


def test_a_current_organization_runs_to_this_year_and_a_connection_counts_as_known(net, now):
    from netty.db.models import Contact

    ray = person(now, "Ray Ode", "Acme")  # current, no years: since ever, to this day
    old = person(now, "Olga Berg", ring=3)  # on file: no interaction, ring 3
    affiliate(now, old, "Acme", 2012, 2014)
    target = person_target(ray)
    # Priya knows Tom, Tom's colleague at Acme now; Olga is on file, not a way in
    assert firsts(routes_to(target, now)) == ["Priya Raman"]
    with change("connected", now):
        Contact.update(connected_at=now.subtract(years=2)).where(Contact.id == old).execute()
    route = next(r for r in routes_to(target, now).routes if r.hops[0].name == "Olga Berg")
    assert "Ray Ode at Acme (former colleague at Acme, 2012–2014)" in route.reason
