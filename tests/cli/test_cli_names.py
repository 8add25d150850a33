"""Names that match several contacts are asked about, never guessed; merges say what won."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import assert_user_error, dump
from tests.services.importers.helpers import fixture


@pytest.fixture
def two_sams(netty) -> dict[str, int]:
    """Two contacts called Sam Lee, told apart by organization, title and last contact."""
    netty("add", "Sam Lee", "--org", "Acme", "--title", "CTO", "--email", "sam@acme.example")
    netty("add", "Sam Lee", "--org", "Globex", "--title", "Designer", "--location", "Berlin")
    netty("log", "#1", "--kind", "coffee", "--when", "2026-10-01")
    return {"acme": 1, "globex": 2}


def test_log_with_an_ambiguous_name_exits_2_listing_each_candidate(netty, two_sams, dbfile):
    before = dump(dbfile)
    result = netty("log", "sam lee", "--summary", "coffee", ok=False)
    assert_user_error(result)
    assert result.err == (
        "netty: 'sam lee' matches several contacts: "
        "Sam Lee #1 (CTO, Acme; last contact 2026-10-01); "
        "Sam Lee #2 (Designer, Globex; never contacted); use the id (#12) or more of the name\n"
    )
    assert dump(dbfile) == before


def test_log_with_an_unknown_single_word_suggests_kind_or_summary(netty, two_sams, dbfile):
    result = netty("log", "#1", "coffee", ok=False)
    assert_user_error(result)
    assert result.err == (
        "netty: no contact matches 'coffee'; if it says what happened, use "
        "--kind coffee (coffee, call, ...) or --summary 'coffee'\n"
    )


def test_log_defaults_to_the_same_kind_as_the_app_form(netty, two_sams):
    from netty.services.timeline import DEFAULT_KIND

    netty("log", "#2")
    assert netty("show", "#2", "--json").json["interactions"][0]["kind"] == DEFAULT_KIND == "note"


def test_event_with_an_ambiguous_name_exits_2_and_writes_nothing(netty, two_sams, dbfile):
    before = dump(dbfile)
    result = netty("event", "Rotary breakfast", "--person", "Sam Lee needs: a designer", ok=False)
    assert_user_error(result)
    assert result.err == (
        "netty: line 1: 'Sam Lee' matches several contacts: "
        "Sam Lee #1 (CTO, Acme; last contact 2026-10-01); "
        "Sam Lee #2 (Designer, Globex; never contacted); write #ID for one of them, "
        "or add the new person first with `netty add` and use their #ID\n"
    )
    assert dump(dbfile) == before


def test_event_line_naming_an_id_uses_that_contact(netty, two_sams):
    out = netty("event", "Rotary breakfast", "--person", "#2 needs: a designer").out
    assert "existing #2 Sam Lee" in out
    assert len(netty("list", "--json").json) == 2
    shown = netty("show", "#2", "--json").json
    assert [n["text"] for n in shown["needs"]] == ["a designer"]


def test_event_with_an_unknown_id_exits_2(netty, two_sams):
    assert_user_error(netty("event", "Rotary", "--person", "#9", ok=False))


def test_merge_reports_every_conflicting_field_and_the_value_kept(netty, two_sams):
    netty("edit", "#1", "--ring", "2", "--every", "30", "--location", "Paris")
    netty("edit", "#2", "--ring", "1", "--every", "60")
    out = netty("merge", "#1", "#2").out.splitlines()
    assert out[1:7] == [
        "  organization: kept “Acme”; #2 had “Globex” (--take organization keeps that instead)",
        "  title: kept “CTO”; #2 had “Designer” (--take title keeps that instead)",
        "  location: kept “Paris”; #2 had “Berlin” (--take location keeps that instead)",
        "  ring: kept “ring 2”; #2 had “ring 1” (--take ring keeps that instead)",
        "  cadence: kept “every 30 days”; #2 had “every 60 days” (--take cadence keeps that instead)",
        "  #2 is archived (see `netty list --archived`)",
    ]
    kept = netty("show", "#1", "--json").json
    assert (kept["organization"], kept["title"], kept["ring"], kept["cadence_days"]) == (
        "Acme", "CTO", 2, 30,
    )  # fmt: skip


def test_merge_take_keeps_the_others_values(netty, two_sams):
    netty("edit", "#2", "--ring", "1", "--every", "60")
    out = netty("merge", "#1", "#2", "--take", "organization,title", "--take", "ring").out
    assert "  organization: took “Globex” from #2 over “Acme”" in out.splitlines()
    assert "  ring: took “ring 1” from #2 over “ring 3”" in out.splitlines()
    kept = netty("show", "#1", "--json").json
    assert (kept["organization"], kept["title"], kept["ring"], kept["location"]) == (
        "Globex", "Designer", 1, "Berlin",
    )  # fmt: skip
    assert kept["cadence_days"] == 60  # KEEP had none: filled


def test_merge_json_lists_the_conflicts(netty, two_sams):
    data = netty("merge", "#2", "#1", "--take", "title", "--json").json
    assert data["conflicts"] == [
        {"field": "organization", "keep_value": "Globex", "other_value": "Acme", "kept": "keep"},
        {"field": "title", "keep_value": "Designer", "other_value": "CTO", "kept": "other"},
    ]


def test_merge_take_refuses_an_unknown_field(netty, two_sams, dbfile):
    before = dump(dbfile)
    result = netty("merge", "#1", "#2", "--take", "shoe-size", ok=False)
    assert_user_error(result)
    assert "unknown field 'shoe-size' for --take; use one of: name, organization" in result.err
    assert dump(dbfile) == before


def test_import_with_possible_duplicates_says_how_to_review_them(netty, dbfile: Path):
    out = netty("import", "linkedin", fixture("linkedin_connections.csv")).out
    assert (
        "  review them with `netty duplicates` (or M in the app), "
        "join two with `netty merge KEEP OTHER`"
    ) in out.splitlines()


def test_duplicates_lists_nickname_forms(netty):
    netty("add", "Bill Ng")
    netty("add", "William Ng")
    assert (
        netty("duplicates").out == "#1 Bill Ng, #2 William Ng  (nickname forms (Bill / William))\n"
    )


def test_log_on_a_terminal_asks_which_contact(netty, two_sams, monkeypatch):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("2\n"))
    result = netty("log", "sam lee", "--summary", "tea")
    assert result.err.splitlines()[:3] == [
        "'sam lee' matches several contacts:",
        "  1. Sam Lee #1 (CTO, Acme; last contact 2026-10-01)",
        "  2. Sam Lee #2 (Designer, Globex; never contacted)",
    ]
    assert netty("show", "#2", "--json").json["interactions"][0]["summary"] == "tea"
