"""The sync's card adapter and its three-way merge, without a folder."""

from __future__ import annotations

from netty.services.contacts import ContactFields, add_contact, edit_contact
from netty.services.sync import cards
from netty.services.sync.vdir import merge_fields

PHONE_CARD = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:ann-1\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
    "ORG:Acme\r\nTEL;TYPE=VOICE,CELL:+1 555 0100\r\nADR;TYPE=home:;;1 Main St;Springfield;;;\r\n"
    "item1.IMPP:xmpp:ann@chat.example\r\nitem1.X-ABLabel:jabber\r\n"
    "BDAY:--0315\r\nNOTE:from the phone\r\nEND:VCARD\r\n"
)


def test_fields_from_card_reads_what_syncs():
    fields = cards.fields_from_card(PHONE_CARD)
    assert fields == {
        "name": "Ann Lee",
        "name_parts": [],
        "nicknames": [],
        "organization": "Acme",
        "unit": "",
        "title": "",
        "role": "",
        "affiliations": [],
        "location": "1 Main St, Springfield",
        "addresses": [[";;1 Main St;Springfield;;;", "home"]],
        "emails": [],
        "phones": [["+1 555 0100", "cell"]],
        "urls": [],
        "handles": [["impp/xmpp: ann@chat.example", "jabber"]],
        "birthday": "--0315",
        "anniversary": "",
        "gender": [],
        "tags": [],
    }
    assert cards.card_uid(PHONE_CARD) == "ann-1"


def test_card_text_leaves_netty_only_fields_out(db, now):
    view = add_contact(
        ContactFields(
            name="Ann Lee", ring=1, notes="owes me", details="two kids", how_met="at the gym",
            strength=4, cadence_days=7, channel="work", tags=["design"],
        ),
        now,
    )  # fmt: skip
    text = cards.card_text(view.id, uid="u-1")
    assert "UID:u-1\r\n" in text and "CATEGORIES:design" in text
    for private in ("X-NETTY", "owes me", "two kids", "at the gym", "NOTE"):
        assert private not in text


def test_an_edit_rewrites_only_the_changed_field_and_keeps_the_rest(db, now):
    view = cards.apply_fields(None, cards.fields_from_card(PHONE_CARD), now)
    edit_contact(view, ContactFields(title="Founder"), now)
    text = cards.card_text(view, previous=PHONE_CARD, uid="ann-1")
    for kept in (
        "VERSION:4.0",
        "TEL;TYPE=VOICE,CELL:+1 555 0100",
        "ADR;TYPE=home:;;1 Main St;Springfield;;;",
        "item1.IMPP:xmpp:ann@chat.example",
        "item1.X-ABLabel:jabber",
        "BDAY:--0315",
        "NOTE:from the phone",
    ):
        assert kept + "\r\n" in text
    assert "TITLE:Founder\r\n" in text
    assert cards.fields_from_card(text)["title"] == "Founder"


def test_fingerprints_move_with_synced_fields_only(db, now):
    view = add_contact(ContactFields(name="Ann Lee", emails=["ann@x.example"]), now)
    before = cards.fingerprints()[view.id]
    edit_contact(view.id, ContactFields(notes="private", ring=1, details="x"), now)
    assert cards.fingerprints()[view.id] == before
    edit_contact(view.id, ContactFields(emails=["ann@y.example"]), now)
    assert cards.fingerprints()[view.id][0] != before[0]
    assert cards.fingerprints([view.id]) == {view.id: cards.fingerprints()[view.id]}


def test_fingerprints_move_with_the_card_tables(db, now):
    from netty.services.cardinfo import edit_card

    view = add_contact(ContactFields(name="Ann Lee"), now)
    seen = {cards.fingerprints()[view.id][0]}
    edit_contact(view.id, ContactFields(birthday="1980-05-02"), now)
    seen.add(cards.fingerprints()[view.id][0])
    edit_card(view.id, now, add_nicknames=("Annie",))
    seen.add(cards.fingerprints()[view.id][0])
    cards.apply_fields(view.id, {"addresses": [[";;1 Main St;Springfield;;;", "home"]]}, now)
    seen.add(cards.fingerprints()[view.id][0])
    assert len(seen) == 4


def test_the_whole_card_goes_into_netty_and_comes_back_the_same(db, now):
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ann-2\r\nFN:Dr. Ann Lee\r\nN:Lee;Ann;Marie;Dr.;\r\n"
        "NICKNAME:Annie\r\nORG:Acme;Research\r\nTITLE:CTO\r\nROLE:Founder\r\n"
        "org1.ORG:Tailspin Toys\r\norg1.TITLE:Advisor\r\n"
        "org1.X-NETTY-AFFILIATION:past;2015;2019\r\n"
        "ADR;TYPE=work:;;1 Main St;Springfield;;;\r\n"
        "IMPP;X-SERVICE-TYPE=xmpp:xmpp:ann@chat.example\r\n"
        "X-SOCIALPROFILE;TYPE=mastodon:https://social.example/@ann\r\n"
        "BDAY:--0315\r\nANNIVERSARY:2010-06-01\r\nGENDER:F\r\nEND:VCARD\r\n"
    )
    fields = cards.fields_from_card(card)
    view = cards.apply_fields(None, fields, now)
    assert cards.fields_from_card(cards.card_text(view)) == fields
    assert fields["affiliations"] == ["Tailspin Toys |  | Advisor |  | past 2015-2019"]
    assert fields["name_parts"] == ["Dr.", "Ann", "Marie", "Lee", ""]
    assert (fields["birthday"], fields["anniversary"], fields["gender"]) == (
        "--0315",
        "2010-06-01",
        ["F", ""],
    )


BASE = {
    "name": "Ann Lee",
    "organization": "Acme",
    "title": "CTO",
    "location": "",
    "emails": [["ann@acme.example", "work"]],
    "phones": [],
    "urls": [],
    "tags": ["design"],
}


def test_merge_takes_each_sides_change_and_reports_overlaps():
    ours = {**BASE, "title": "VP", "tags": ["design", "mentor"]}
    theirs = {
        **BASE,
        "organization": "Acme Inc",
        "title": "Head",
        "emails": [["ann@acme.example", "work"], ["ann@home.example", "home"]],
        "tags": [],
    }
    merged, conflicts = merge_fields(BASE, ours, theirs)
    assert merged["organization"] == "Acme Inc"
    assert merged["title"] == "VP"
    assert merged["emails"] == [["ann@acme.example", "work"], ["ann@home.example", "home"]]
    assert merged["tags"] == ["mentor"]  # design removed on the card, mentor added in netty
    assert conflicts == [("title", "VP", "Head")]


def test_a_first_meeting_fills_gaps_and_joins_lists():
    ours = {**BASE, "title": "", "phones": [["+1 555 0100", ""]]}
    theirs = {**BASE, "location": "Springfield", "phones": [["+1 555 0199", "cell"]]}
    merged, conflicts = merge_fields(None, ours, theirs)
    assert merged["location"] == "Springfield" and merged["title"] == "CTO"
    assert merged["phones"] == [["+1 555 0100", ""], ["+1 555 0199", "cell"]]
    assert conflicts == []


def test_a_location_without_an_address_travels_as_one(db, now):
    view = add_contact(ContactFields(name="Ann Lee", location="Lisbon"), now)
    fields = cards.fields_from_card(cards.card_text(view.id, uid="u-2"))
    assert (fields["location"], fields["addresses"]) == ("Lisbon", [])
    assert "X-NETTY" not in cards.card_text(view.id, uid="u-2").replace("ADR;X-NETTY-LOCATION", "")
