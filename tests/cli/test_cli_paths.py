"""`netty knows` and `netty paths`: what a person types and what they read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, dump, query


@pytest.fixture
def people(netty) -> None:
    netty("add", "Lena Park", "--ring", "1")
    netty("log", "Lena Park", "--kind", "coffee", "--when", "5 days ago")
    netty("add", "Sally Jones", "--org", "XYZ Corp")
    netty("add", "Omar Said", "--ring", "2")
    netty("target", "XYZ Corp")


def links(dbfile: Path) -> list[tuple[str, str, str]]:
    return query(
        dbfile,
        "SELECT a.name, b.name, k.how FROM knows k JOIN contact a ON a.id = k.a_id"
        " JOIN contact b ON b.id = k.b_id ORDER BY a.name",
    )


def test_knows_records_lists_changes_and_forgets(netty, dbfile, people) -> None:
    out = netty("knows", "Sally", "Lena", "--how", "friend").out
    assert out == "Sally Jones and Lena Park know each other (friend)\n"
    assert links(dbfile) == [("Lena Park", "Sally Jones", "friend")]  # one row, mutual
    again = netty("knows", "Lena", "Sally").out
    assert again == "Lena Park and Sally Jones know each other (friend); already recorded\n"
    netty("knows", "Lena", "Sally", "--how", "Former_Colleague")
    assert links(dbfile) == [("Lena Park", "Sally Jones", "former colleague")]
    assert netty("knows", "Sally").out == "Sally Jones knows:\n  Lena Park (former colleague)\n"
    assert (
        netty("knows", "Lena").out
        == "Lena Park knows:\n  Sally Jones at XYZ Corp (former colleague)\n"
    )
    assert netty("history", "--limit", "1").out.endswith(
        "recorded that Lena Park and Sally Jones know each other\n"
    )
    out = netty("knows", "Lena", "Sally", "--forget").out
    assert out == "forgot that Lena Park and Sally Jones know each other\n"
    assert links(dbfile) == []
    netty("undo")
    assert links(dbfile) == [("Lena Park", "Sally Jones", "former colleague")]


@pytest.mark.parametrize(
    "args",
    [
        ["knows", "Lena", "Lena"],
        ["knows", "Lena", "Sally", "--how", "nemesis"],
        ["knows", "Lena", "Nobody Atall"],
        ["knows", "Lena", "Omar", "--forget"],
        ["knows", "Lena", "--forget"],
        ["paths", "Nowhere Inc"],
        ["paths", "  "],
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(netty, dbfile, people, args) -> None:
    before = dump(dbfile)
    assert_user_error(netty(*args, ok=False))
    assert dump(dbfile) == before


def test_paths_text_and_json(netty, people) -> None:
    netty("knows", "Lena", "Sally", "--how", "friend")
    out = netty("paths", "xyz corp").out
    assert out == (
        "Warm paths to XYZ Corp, a target\n"
        "1. you → Lena Park → Sally Jones  (2 steps, score 0.57)\n"
        "   Lena Park knows Sally Jones at XYZ Corp (friend). "
        "You and Lena: ring 1, in touch 5 days ago.\n"
        "   Ask Lena for an email intro to Sally Jones at XYZ Corp, a target.\n"
    )
    data = netty("paths", "Sally Jones", "--json").json
    assert data["target"] == {
        "kind": "person",
        "id": 2,
        "name": "Sally Jones",
        "organization": "XYZ Corp",
        "is_target": True,
    }
    (route,) = data["routes"]
    assert [p["name"] for p in route["people"]] == ["Lena Park", "Sally Jones"]
    assert route["people"][1]["how"] == "friend" and route["give_first"] is None
    assert route["steps"] == 2 and route["score"] == 0.57
    assert data["advice"] == []


def test_paths_without_a_route_says_where_to_go(netty, people) -> None:
    netty("target", "Fabrikam")
    out = netty("paths", "Fabrikam").out.splitlines()
    assert out[0] == "Warm paths to Fabrikam, a target"
    assert out[1] == "  No warm route to Fabrikam within 3 steps yet."
    assert "civic club meeting can be attended as a guest" in out[2]
    assert netty("paths", "Fabrikam", "--json").json["routes"] == []
