"""`netty show` shows every stored fact: reminders with their source, location, the event met at."""

from __future__ import annotations


def test_show_lists_reminders_with_where_they_came_from(netty) -> None:
    netty("add", "Sally Jones", "--location", "Portland, OR")
    netty(
        "log",
        "sally",
        "coffee at Blue Bottle; follow up in 2 weeks about the role",
        "--kind",
        "coffee",
    )
    netty("remind", "sally", "in 3 days", "send", "the", "deck")
    out = netty("show", "sally").out
    assert "location: Portland, OR" in out
    reminders = out.split("\nReminders\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert reminders == [
        "  [r2] 2026-11-26 10:00 send the deck (open; set on 23 Nov 2026)",
        "  [r1] 2026-12-07 09:00 about the role (open; from the coffee on 23 Nov 2026 (i1): "
        "“coffee at Blue Bottle”)",
    ]
    shown = netty("show", "sally", "--json").json
    assert [r["ref"] for r in shown["reminders"]] == ["r2", "r1"]
    by_note = shown["reminders"][1]
    assert by_note == {
        "id": 1,
        "ref": "r1",
        "contact": {"id": 1, "name": "Sally Jones"},
        "text": "about the role",
        "due_at": "2026-12-07T09:00:00Z",
        "done_at": None,
        "snoozed_until": None,
        "created_at": "2026-11-23T10:00:00Z",
        "source": {
            "ref": "i1",
            "kind": "coffee",
            "occurred_at": "2026-11-23T10:00:00Z",
            "summary": "coffee at Blue Bottle",
            "event": None,
        },
    }
    assert shown["reminders"][0]["source"] is None
    netty("done", "r2")
    assert "[r2] 2026-11-26 10:00 send the deck (done 2026-11-23; set on 23 Nov 2026)" in (
        netty("show", "sally").out
    )
    assert (
        netty("show", "sally", "--json").json["reminders"][0]["done_at"] == "2026-11-23T10:00:00Z"
    )


def test_show_names_the_event_they_were_met_at(netty) -> None:
    netty("event", "Rotary breakfast", "--channel", "civic club", "--person", "Bob Stone, Pastor")
    shown = netty("show", "bob", "--json").json
    assert shown["met_at_event"] == {"id": 1, "name": "Rotary breakfast"}
    assert "met: civic-club, met at Rotary breakfast\n" in netty("show", "bob").out
