"""The update letter: recipients, personal lines, .eml and mailto export, marking it sent."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser
from urllib.parse import unquote

import pendulum
import pytest

from netty.db.models import Change, Interaction, InteractionContact, Reminder
from netty.errors import InvalidInput
from netty.services import ledger, update_letter
from netty.services.changes import undo
from netty.services.contacts import ContactFields, add_contact, set_target
from netty.services.timeline import log_interaction
from netty.services.update_letter import Selection


@pytest.fixture
def people(db, now):
    earlier = now.subtract(days=60)
    zoe = add_contact(
        ContactFields(
            name="Zoë Müller", ring=1, channel="friends-neighbours", emails=["zoe@example.org"]
        ),
        earlier,
    ).id
    tess = add_contact(
        ContactFields(name="Tess Calloway", ring=2, channel="family", emails=["tess@example.com"]),
        earlier,
    ).id
    rosa = add_contact(ContactFields(name="Rosa Calloway", ring=1, channel="family"), earlier).id
    sam = add_contact(
        ContactFields(
            name="Sam Work", ring=2, channel="work", emails=["sam@x.example"], tags=["design"]
        ),
        earlier,
    ).id
    far = add_contact(
        ContactFields(
            name="Far Away", ring=3, channel="friends-neighbours", emails=["f@a.example"]
        ),
        earlier,
    ).id
    ledger.add_need(zoe, "A Python tutor for her son", now=now.subtract(days=5))
    log_interaction(
        [tess],
        kind="coffee",
        when=now.subtract(days=10),
        summary="Her bakery is opening a second shop",
        now=now,
    )
    set_target("Northwind Health", True, now)
    update_letter.set_template(
        {
            "where": "I left Acme in September.",
            "looking_for": "a design lead role in health tech",
            "ask": "an email intro to someone on the patient-app team at Northwind Health",
            "offer": "a teardown of your shop's website",
            "signature": "Alex",
            "sender": "alex@example.net",
        },
        now,
    )
    return {"zoe": zoe, "tess": tess, "rosa": rosa, "sam": sam, "far": far}


def test_default_recipients_are_rings_1_and_2_family_friends_and_neighbours(people, now):
    draft = update_letter.draft(Selection(), now)
    assert [letter.name for letter in draft.letters] == [
        "Rosa Calloway",
        "Tess Calloway",
        "Zoë Müller",
    ]
    assert [letter.name for letter in draft.without_email] == ["Rosa Calloway"]
    assert draft.missing == ()


def test_recipients_by_ring_tag_channel_and_saved_list(people, now):
    def names(selection):
        return [letter.name for letter in update_letter.draft(selection, now).letters]

    assert names(Selection(rings=(3,))) == ["Far Away"]
    assert names(Selection(tags=("Design",))) == ["Sam Work"]
    assert names(Selection(channels=("work", "family"))) == [
        "Rosa Calloway",
        "Sam Work",
        "Tess Calloway",
    ]
    update_letter.save_list("club", [people["far"], people["sam"]], now)
    assert names(Selection(list_name="club")) == ["Far Away", "Sam Work"]
    with pytest.raises(InvalidInput, match="no saved list 'nope'"):
        update_letter.draft(Selection(list_name="nope"), now)


def test_each_letter_is_personal_and_says_the_template(people, now):
    letters = {letter.name: letter for letter in update_letter.draft(Selection(), now).letters}
    zoe = letters["Zoë Müller"].body
    assert zoe.startswith("Hi Zoë,\n\nLast time you mentioned you need a Python tutor for her son.")
    assert "I left Acme in September." in zoe
    assert "What I am looking for: a design lead role in health tech.\n" in zoe
    assert "Organizations I would love to reach: Northwind Health.\n" in zoe
    assert "The one thing that would help most: an email intro" in zoe
    assert "And what I can do for you: a teardown of your shop's website.\n" in zoe
    assert zoe.rstrip().endswith("Alex")
    tess = letters["Tess Calloway"].body
    assert "our talk on November 13: her bakery is opening a second shop." in tess


def test_eml_files_parse_back_with_recipients_and_text(people, now, tmp_path):
    draft = update_letter.draft(Selection(), now)
    paths = update_letter.write_eml(draft.letters, tmp_path / "letters", now)
    assert sorted(p.name for p in paths) == sorted(
        [f"{people['tess']}-tess-calloway.eml", f"{people['zoe']}-zoe-muller.eml"]
    )
    for path in paths:
        assert path.stat().st_mode & 0o777 == 0o600
    zoe_path = next(p for p in paths if "zoe" in p.name)
    message = BytesParser(policy=policy.default).parsebytes(zoe_path.read_bytes())
    assert message["To"].addresses[0].addr_spec == "zoe@example.org"
    assert message["To"].addresses[0].display_name == "Zoë Müller"
    assert message["From"].addresses[0].addr_spec == "alex@example.net"
    assert message["Subject"] == "A quick update on my search"
    assert message["X-Unsent"] == "1"
    assert message["Date"].datetime == now
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    body = message.get_content()
    assert body.startswith("Hi Zoë,")
    assert "a Python tutor for her son" in body


def test_mailto_link_carries_subject_and_body(people, now):
    zoe = next(
        letter
        for letter in update_letter.draft(Selection(), now).letters
        if letter.first_name == "Zoë"
    )
    link = update_letter.mailto(zoe)
    address, query = link.removeprefix("mailto:").split("?", 1)
    assert address == "zoe@example.org"
    fields = dict(part.split("=", 1) for part in query.split("&"))
    assert unquote(fields["subject"]) == "A quick update on my search"
    assert unquote(fields["body"]).startswith("Hi Zoë,\r\n\r\nLast time")
    assert " " not in link and "\n" not in link


def test_marking_sent_logs_an_email_each_and_the_next_reminder_in_one_change(people, now):
    before = Change.select().count()
    sent = update_letter.mark_sent(Selection(), now)
    assert sent.count == 3
    assert sent.next_at == now.add(days=42)
    assert Change.select().count() == before + 1
    emails = (
        InteractionContact.select(InteractionContact.contact)
        .join(Interaction)
        .where(Interaction.kind == "email")
    )
    assert sorted(row.contact_id for row in emails) == sorted(
        [people["zoe"], people["tess"], people["rosa"]]
    )
    reminder = Reminder.get(Reminder.text == update_letter.REMINDER_TEXT)
    assert reminder.due_at == now.add(days=42) and reminder.contact_id is None
    assert update_letter.last_sent() == now
    entry = undo(now)
    assert entry.label == "sent the update to 3 people"
    assert emails.count() == 0 and Reminder.select().count() == 0
    assert update_letter.last_sent() is None


def test_template_edits_are_one_undoable_change_each(people, now):
    update_letter.set_template({"subject": "News from Alex"}, now)
    assert update_letter.template().subject == "News from Alex"
    undo(now)
    assert update_letter.template().subject == "A quick update on my search"
    with pytest.raises(InvalidInput):
        update_letter.set_template({"colour": "red"}, now)
    with pytest.raises(InvalidInput):
        update_letter.set_template({"subject": "  "}, now)


def test_nobody_selected_is_refused_and_nothing_logged(people, now):
    with pytest.raises(InvalidInput, match="nobody matches"):
        update_letter.mark_sent(Selection(tags=("nosuchtag",)), now)
    assert Reminder.select().count() == 0


_ = pendulum
