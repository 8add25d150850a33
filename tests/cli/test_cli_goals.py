"""`netty goals`, `netty target` (organizations and people), `netty channels` and
`netty strategy`: what a person types and sees, and what is written."""

from __future__ import annotations

from tests.cli.helpers import query


def test_goals_offer_the_defaults_then_show_progress(netty, monkeypatch):
    netty("add", "Sally Jones", "--ring", "3")
    out = netty("goals").out
    assert out.startswith("no goals set; `netty goals defaults` sets these:\n")
    assert "  1 event attended a week\n" in out and "  2 new people in ring 3 a month\n" in out
    netty("goals", "defaults")
    # Monday 2026-11-23 10:00 UTC: a coffee an hour ago counts this week.
    netty("log", "Sally Jones", "--kind", "coffee", "--when", "2026-11-23T09:00")
    out = netty("goals").out.splitlines()
    assert out[0] == "coffees or meals: 1 of 2 this week (last week 0)"
    assert out[4] == "new people in ring 3: 1 of 2 this month (last month 0)"
    assert out[-1] == "0 of 5 goals met so far"
    data = netty("goals", "--json").json
    coffees = data["goals"][0]
    assert coffees == {
        "kind": "coffees",
        "label": "coffees or meals",
        "target": 2,
        "per": "week",
        "done": 1,
        "met": False,
        "period_start": "2026-11-23",
        "period_end": "2026-11-29",
        "previous": 0,
        "streak": 0,
    }
    assert data["met"] == 0 and data["defaults"] == []


def test_goals_set_and_clear_and_undo(netty):
    assert netty("goals", "set", "coffee", "1").out == "goal: 1 coffee or meal a week\n"
    assert netty("goals", "set", "events", "3", "--per", "month").out == (
        "goal: 3 events attended a month\n"
    )
    assert netty("goals").out.splitlines()[0] == "coffees or meals: 0 of 1 this week (last week 0)"
    assert netty("goals", "clear", "coffees").out == "cleared: 1 coffee or meal a week\n"
    assert netty("goals", "clear", "coffees").out == "no goal for coffees was set\n"
    assert "undid change" in netty("undo").out
    assert [g["kind"] for g in netty("goals", "--json").json["goals"]] == ["coffees", "events"]


def test_bad_goals_exit_2_with_one_line_and_write_nothing(netty, dbfile):
    netty("info")
    for args in (["naps", "2"], ["coffees", "0"], ["coffees", "2", "--per", "day"]):
        result = netty("goals", "set", *args, ok=False)
        assert result.code == 2 and result.out == ""
        assert result.err.startswith("netty: ") and result.err.count("\n") == 1
    assert query(dbfile, "SELECT count(*) FROM setting WHERE key = 'goals'") == [(0,)]


def test_target_keeps_the_old_spelling_and_adds_people_with_why(netty, dbfile):
    assert netty("target", "XYZ Corp").out == "XYZ Corp is a target\n"
    netty("add", "Sally Jones", "--org", "XYZ Corp", "--title", "VP Engineering")
    out = netty("target", "--person", "sally", "--note", "runs the design team").out
    assert out == "Sally Jones is a target: runs the design team\n"
    netty("target", "XYZ Corp", "--note", "best design team in town")
    assert netty("target").out == (
        "organization XYZ Corp (1 person I know there): best design team in town\n"
        "person       Sally Jones (VP Engineering at XYZ Corp): runs the design team\n"
    )
    assert [t["kind"] for t in netty("target", "--json").json] == ["organization", "person"]
    assert netty("target", "--person", "Sally Jones", "--off").out == (
        "Sally Jones is no longer a target\n"
    )
    assert query(dbfile, "SELECT is_target, target_note FROM contact") == [(0, "")]
    result = netty("target", "--person", "Nobody Here", ok=False)
    assert result.code == 2


def test_the_contact_card_json_and_show_say_they_are_a_target(netty):
    netty("add", "Sally Jones", "--org", "XYZ Corp")
    netty("target", "--person", "Sally Jones", "--note", "runs the design team")
    netty("target", "XYZ Corp", "--note", "best design team in town")
    out = netty("show", "Sally Jones").out
    assert "         target: runs the design team\n" in out
    assert "     target org: XYZ Corp: best design team in town\n" in out


def test_channels_lists_reach_suggests_the_seeds_and_venues(netty):
    netty("add", "Ann Lee", "--channel", "civic club", "--ring", "2", "--org", "XYZ Corp")
    netty("target", "XYZ Corp")
    netty("event", "Rotary breakfast", "--when", "yesterday", "--channel", "civic club",
          "--person", "Ann Lee")  # fmt: skip
    out = netty("channels").out
    assert "civic club                     1  0/1/0             1\n" in out
    assert (
        "  professional association: “Professional associations represent the leaders in any "
        "profession" in out
    )
    assert "as many times as they offer guest attendants.” (seed 002)" in out
    assert "events that brought people at your targets:\n  2026-11-22 Rotary breakfast: " in out
    assert "Ann Lee (XYZ Corp)" in out
    data = netty("channels", "--json").json
    civic = next(c for c in data["channels"] if c["channel"] == "civic-club")
    assert civic["rings"] == {"1": 0, "2": 1, "3": 0} and civic["interactions_90d"] == 1
    assert data["venues"][0]["event"]["name"] == "Rotary breakfast"


def test_strategy_set_show_markdown_and_stdin(netty, monkeypatch):
    import io

    assert netty("strategy", "set", "now", "Laid off in July").out == "Where am I now?: written\n"
    monkeypatch.setattr("sys.stdin", io.StringIO("Past co-workers\ncommunication skills\n"))
    assert netty("strategy", "set", "S", "-").out == "Strengths: written\n"
    out = netty("strategy").out
    assert "Where am I now?\n  Laid off in July\n" in out
    assert "Strengths\n  Past co-workers\n  communication skills\n" in out
    assert out.startswith("people:                 0 in ring 1, 0 in ring 2, 0 in ring 3\n")
    md = netty("strategy", "--markdown").out
    assert "### Where am I now?\n\nLaid off in July\n" in md
    assert netty("strategy", "--json").json["fields"][0] == {
        "field": "now",
        "heading": "Where am I now?",
        "text": "Laid off in July",
    }
    result = netty("strategy", "set", "mood", "fine", ok=False)
    assert result.code == 2 and "unknown strategy field" in result.err
