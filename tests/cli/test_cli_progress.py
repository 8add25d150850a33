"""`netty stats`, `netty review` and `netty update` from the command line."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

from tests.cli.helpers import assert_user_error, query


def _history(netty) -> None:
    netty(
        "add",
        "Zoë Müller",
        "--ring",
        "1",
        "--channel",
        "friends and neighbours",
        "--email",
        "zoe@example.org",
    )
    netty("add", "Tess Calloway", "--ring", "2", "--channel", "family")
    netty("add", "Sam Work", "--ring", "3", "--channel", "work", "--email", "sam@x.example")
    netty(
        "log",
        "Zoë",
        "coffee at the bakery. needs: a Python tutor",
        "--kind",
        "coffee",
        "--when",
        "2026-10-31T23:30",
    )
    netty("log", "Sam", "--kind", "call", "--when", "2026-11-01T08:00", "--summary", "catch-up")
    netty("log", "Zoë", "gave: my tutor list", "--when", "2026-11-20")


def test_stats_prints_one_line_per_month_and_the_totals(netty):
    _history(netty)
    lines = netty("stats").out.splitlines()
    assert lines[0].split()[:4] == ["period", "talks", "in", "pers"]
    months = [line.split()[0] for line in lines[1:8]]
    assert months == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    october, november, total = lines[6].split(), lines[7].split(), lines[8].split()
    assert october[1:4] == ["1", "1", "0"]  # one talk, in person
    assert november[1:4] == ["1", "0", "1"]  # the call (the note of a give is no talk)
    assert total[0] == "total"


def test_stats_by_week_as_json(netty):
    _history(netty)
    data = netty("stats", "--by", "week", "--since", "2026-10-26", "--json").json
    assert data["by"] == "week"
    assert [p["label"] for p in data["periods"]] == [
        "2026-W44",
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
    ]
    week44 = data["periods"][0]
    assert week44["in_person"] == 1 and week44["online"] == 1
    assert week44["reached_by_ring"] == {"1": 1, "2": 0, "3": 1}
    assert data["totals"]["gives"] == 1
    assert data["reached_by_channel"] == {"friends-neighbours": 1, "work": 1}


def test_stats_refuses_bad_input(netty):
    assert_user_error(netty("stats", "--by", "day", ok=False))
    assert_user_error(netty("stats", "--since", "next year", ok=False))


def test_review_in_markdown(netty):
    _history(netty)
    out = netty("review", "--month", "2026-11", "--markdown").out
    assert out.startswith("# Review of November 2026\n")
    assert "## Who I helped\n- Zoë Müller: my tutor list\n" in out
    assert "## Next month" in out
    plain = netty("review", "--month", "2026-11").out
    assert plain.startswith("REVIEW OF NOVEMBER 2026\n")
    assert_user_error(netty("review", "--month", "2026-13", ok=False))


def test_update_template_draft_export_and_sent(netty, tmp_path):
    _history(netty)
    netty(
        "update",
        "template",
        "--where",
        "I left Acme in September.",
        "--ask",
        "an intro to Northwind",
        "--signature",
        "Alex",
    )
    draft = netty("update", "draft").out
    assert draft.splitlines()[0] == "2 letters to rings 1, 2 · family, friends and neighbours"
    assert "no email address: Tess Calloway" in draft
    assert "Hi Zoë,\n\nLast time you mentioned you need a Python tutor." in draft
    assert "The one thing that would help most: an intro to Northwind.\n" in draft

    folder = tmp_path / "letters"
    result = netty("update", "export", "-o", folder)
    assert result.out == f"wrote 1 letter to {folder}\n"
    assert "Tess Calloway has no email address" in result.err
    (eml,) = folder.iterdir()
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert str(message["To"]) == "Zoë Müller <zoe@example.org>"
    assert "I left Acme in September." in message.get_content()

    links = netty("update", "export", "--format", "mailto", "--ring", "3").out
    assert links.startswith("Sam Work: mailto:sam@x.example?subject=A%20quick%20update")

    sent = netty("update", "sent").out
    assert sent.startswith("logged an email with 2 people; next update reminder r")
    assert "on 2027-01-04" in sent
    assert "sent the update to 2 people" in netty("history", "--limit", "1").out
    due = netty("due", "--within", "60d").out
    assert "send the next update to friends and neighbours" in due
    netty("undo")
    assert "send the next update" not in netty("due", "--within", "60d").out


def test_update_saved_lists(netty):
    _history(netty)
    assert netty("update", "list", "club", "Sam", "Zoë").out == "saved the list 'club': 2 people\n"
    assert netty("update", "list").out == "club: 2 people\n"
    draft = netty("update", "draft", "--list", "club").out
    assert draft.splitlines()[0] == "2 letters to the list 'club'"
    assert_user_error(netty("update", "draft", "--list", "nope", ok=False))
    assert_user_error(netty("update", "sent", "--ring", "4", ok=False))
    netty("update", "list", "club", "--delete")
    assert "no saved lists" in netty("update", "list").out


def test_show_suggests_a_strength_beside_the_one_set_and_keeps_it(netty, dbfile):

    _history(netty)
    netty("edit", "Zoë", "--strength", "2")
    out = netty("show", "Zoë").out
    assert (
        "strength: 2/5; suggested 3/5 (last talked 23 days ago, 1 conversation in the last "
        "year, help goes one way (I gave))"
    ) in out
    out = netty("show", "Sam").out
    assert "strength: not set; suggested 3/5 (last talked 22 days ago" in out
    stored = dict(query(dbfile, "SELECT name, strength FROM contact"))
    assert stored["Zoë Müller"] == 2 and stored["Sam Work"] is None


def test_update_as_plain_text_json_and_other_targets(netty, tmp_path):
    _history(netty)
    netty("target", "Northwind Health")
    out = tmp_path / "letters.txt"
    assert netty("update", "export", "--format", "text", "-o", out).out == (
        f"wrote 2 letters to {out}\n"
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("To: Tess Calloway (no email)\nSubject: A quick update on my search\n")
    assert "To: Zoë Müller <zoe@example.org>" in text
    assert "Organizations I would love to reach: Northwind Health." in text
    netty("update", "template", "--targets", "Acme and Initech")
    letters = netty("update", "draft", "--json").json
    assert [letter["name"] for letter in letters] == ["Tess Calloway", "Zoë Müller"]
    assert "Organizations I would love to reach: Acme and Initech." in letters[1]["body"]
    assert netty("update", "list", "pair", "Sam", "Tess").code == 0
    assert netty("update", "list", "pair").out == (
        "#3 Sam Work <sam@x.example>\n#2 Tess Calloway (no email)\n"
    )


def test_review_as_json(netty):
    _history(netty)
    data = netty("review", "--month", "2026-11", "--json").json
    assert data["month"] == "2026-11"
    assert data["i_helped"] == [{"id": 1, "name": "Zoë Müller", "what": ["my tutor list"]}]
    assert data["figures"]["gives"] == 1 and data["month_before"]["label"] == "2026-10"
