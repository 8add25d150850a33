"""Birthdays and anniversaries: typed, stored, undone, and due on the day with a look-ahead.

The clock moves across year ends, leap and common years, and time zones.
"""

from __future__ import annotations

import pendulum
import pytest

from netty.db.models import ContactDate
from netty.errors import InvalidInput
from netty.services import settings
from netty.services.birthdays import DateValue, parse_value, set_date, soon_words
from netty.services.changes import undo
from netty.services.contacts import ContactFields, add_contact, edit_contact, get_contact
from netty.services.reminders import DATES_AHEAD, done, due, due_count, snooze


def at(text: str) -> pendulum.DateTime:
    return pendulum.parse(text)


def ids(items):
    return [i.id for i in items]


def dates(now, **kinds):
    return [i for i in due(now, kinds=["birthday", "anniversary"]) if i.kind in kinds or not kinds]


@pytest.fixture
def sally(db, now):
    return add_contact(ContactFields(name="Sally Jones"), now).id


# ------------------------------------------------------------------ typing a date


@pytest.mark.parametrize(
    ("typed", "year", "month", "day"),
    [
        ("03-15", None, 3, 15),
        ("--03-15", None, 3, 15),
        ("--0315", None, 3, 15),
        ("1980-03-15", 1980, 3, 15),
        ("19800315", 1980, 3, 15),
        ("02-29", None, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        (" 12-31 ", None, 12, 31),
    ],
)
def test_typed_dates(typed, year, month, day):
    assert parse_value("birthday", typed) == DateValue("BDAY", year, month, day)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("1981-02-29", "February 1981 has no day 29"),
        ("04-31", "April has no day 31"),
        ("13-01", "month must be from 01 to 12"),
        ("march 15", "use MM-DD (03-15) or YYYY-MM-DD"),
        ("1800-03-15", "year must be from 1900 to 2200"),
    ],
)
def test_bad_dates_say_what_is_wrong_in_one_line(typed, says):
    with pytest.raises(InvalidInput) as err:
        parse_value("birthday", typed)
    assert says in str(err.value) and "\n" not in str(err.value)


def test_empty_clears():
    assert parse_value("anniversary", "") is None
    assert parse_value("anniversary", None) is None


def test_edit_sets_and_clears_through_one_change_that_undo_takes_back(sally, now):
    view = edit_contact(sally, ContactFields(birthday="1980-03-15", anniversary="06-01"), now)
    assert view.birthday.label() == "15 March 1980"
    assert view.anniversary.label() == "1 June"
    assert ContactDate.select().count() == 2
    undo(now)
    assert get_contact(sally).birthday is None and ContactDate.select().count() == 0
    edit_contact(sally, ContactFields(birthday="--03-15"), now)
    assert get_contact(sally).birthday.iso() == "--03-15"
    edit_contact(sally, ContactFields(birthday=""), now)
    assert get_contact(sally).birthday is None
    undo(now)
    assert get_contact(sally).birthday.iso() == "--03-15"


def test_a_bad_date_writes_nothing(sally, now):
    with pytest.raises(InvalidInput):
        edit_contact(sally, ContactFields(title="CTO", birthday="02-30"), now)
    assert get_contact(sally).title == "" and ContactDate.select().count() == 0


# ------------------------------------------------------------------ the reminder


def test_due_from_seven_days_ahead_to_the_day_then_gone(sally, now):
    edit_contact(sally, ContactFields(birthday="1986-12-04"), now)  # now: Mon 23 Nov 2026
    assert dates(at("2026-11-26T10:00:00Z")) == []  # 8 days ahead
    item = dates(at("2026-11-27T10:00:00Z"))[0]  # 7 days ahead
    assert item.id == f"birthday-c{sally}-2026" and item.kind == "birthday"
    assert item.due_at == at("2026-12-04T09:00:00Z") and not item.soon
    assert item.reason == "turns 40 on 4 Dec (in 7 days)"
    assert dates(at("2026-11-28T10:00:00Z"))[0].reason == "turns 40 on Friday (in 6 days)"
    assert item.title == "turns 40" and "Happy birthday, Sally!" in item.wording
    assert dates(at("2026-12-04T23:59:00Z"))[0].reason == "turns 40 today"
    assert dates(at("2026-12-05T00:00:00Z")) == []
    assert ids(dates(at("2027-11-28T10:00:00Z"))) == [f"birthday-c{sally}-2027"]


def test_the_look_ahead_is_a_setting(sally, now):
    edit_contact(sally, ContactFields(birthday="12-04"), now)
    settings.put(DATES_AHEAD, 14, now)
    assert dates(now)[0].reason == "birthday in 11 days (Friday 4 Dec)"
    settings.put(DATES_AHEAD, 0, now)
    assert dates(at("2026-12-03T10:00:00Z")) == []
    assert dates(at("2026-12-04T10:00:00Z"))[0].reason == "birthday today"


def test_within_adds_later_ones_as_soon_and_the_status_count_has_due_ones(sally, now):
    edit_contact(sally, ContactFields(birthday="12-20"), now)
    assert dates(now) == [] and due_count(now) == 0
    later = due(now, within=pendulum.duration(days=30), kinds=["birthday"])
    assert ids(later) == [f"birthday-c{sally}-2026"] and later[0].soon
    assert due_count(at("2026-12-15T10:00:00Z")) == 1


def test_across_the_year_end(sally, now):
    edit_contact(sally, ContactFields(birthday="1990-01-02", anniversary="2016-12-30"), now)
    items = dates(at("2026-12-28T10:00:00Z"))
    assert {i.id: i.reason for i in items} == {
        f"anniversary-c{sally}-2026": "10th anniversary on Wednesday (in 2 days)",
        f"birthday-c{sally}-2027": "turns 37 on Saturday (in 5 days)",
    }
    done(f"birthday-c{sally}-2027", at("2026-12-28T10:00:00Z"))
    assert ids(dates(at("2026-12-29T10:00:00Z"))) == [f"anniversary-c{sally}-2026"]
    assert ids(dates(at("2027-12-30T10:00:00Z"), birthday=1)) == [f"birthday-c{sally}-2028"]


def test_29_february_falls_on_28_february_in_common_years(sally, now):
    edit_contact(sally, ContactFields(birthday="2000-02-29"), now)
    settings.put(DATES_AHEAD, 0, now)
    assert dates(at("2027-02-27T12:00:00Z")) == []
    common = dates(at("2027-02-28T12:00:00Z"))
    assert ids(common) == [f"birthday-c{sally}-2027"] and common[0].reason == "turns 27 today"
    assert dates(at("2027-03-01T12:00:00Z")) == []
    assert dates(at("2028-02-28T12:00:00Z")) == []  # a leap year: the day itself
    leap = dates(at("2028-02-29T12:00:00Z"))
    assert ids(leap) == [f"birthday-c{sally}-2028"] and leap[0].reason == "turns 28 today"


def test_a_year_less_29_february_and_a_28_february_both_come_on_the_28th(db, now):
    a = add_contact(ContactFields(name="Leap Day", birthday="02-29"), now).id
    b = add_contact(ContactFields(name="Day Before", birthday="02-28"), now).id
    settings.put(DATES_AHEAD, 0, now)
    assert set(ids(dates(at("2027-02-28T12:00:00Z")))) == {
        f"birthday-c{a}-2027",
        f"birthday-c{b}-2027",
    }


def test_days_are_local_calendar_days(sally, now, monkeypatch):
    edit_contact(sally, ContactFields(birthday="11-24"), now)
    settings.put(DATES_AHEAD, 0, now)
    utc_evening = at("2026-11-23T20:00:00Z")
    assert dates(utc_evening) == []
    tokyo = utc_evening.in_tz("Asia/Tokyo")  # already 24 Nov, 05:00
    item = dates(tokyo)[0]
    assert item.reason == "birthday today"
    assert item.due_at == pendulum.datetime(2026, 11, 24, 9, tz="Asia/Tokyo")
    los_angeles = at("2026-11-25T06:00:00Z").in_tz("America/Los_Angeles")  # still 24 Nov
    assert ids(dates(los_angeles)) == [f"birthday-c{sally}-2026"]


def test_text_dates_never_remind(db, now):
    cid = add_contact(ContactFields(name="Old Friend"), now).id
    set_date(cid, "birthday", DateValue("BDAY", None, None, None, "circa 1800"), now)
    assert get_contact(cid).birthday.label() == "circa 1800"
    assert due(now, within=pendulum.duration(days=365), kinds=["birthday"]) == []
    assert soon_words(get_contact(cid).birthday, now) is None


def test_snooze_hides_this_year_and_next_year_comes_back(sally, now):
    edit_contact(sally, ContactFields(anniversary="11-25"), now)
    key = f"anniversary-c{sally}-2026"
    assert ids(dates(now)) == [key]
    snooze(key, now.add(days=1), now)
    assert dates(now) == []
    assert ids(dates(now.add(days=1, hours=1))) == [key]
    assert done(key, now) == "marked it done"
    assert dates(now.add(days=1)) == []
    assert ids(dates(at("2027-11-20T10:00:00Z"))) == [f"anniversary-c{sally}-2027"]
    undo(now)  # the done
    assert ids(dates(now.add(days=1, hours=1))) == [key]


def test_archived_contacts_have_no_birthdays_due(sally, now):
    from netty.services.contacts import archive_contact

    edit_contact(sally, ContactFields(birthday="11-25"), now)
    archive_contact(sally, now)
    assert dates(now) == []


def test_soon_words_on_the_card_and_prep_sheet(sally, now):
    def words(value, when="2026-11-23T10:00:00Z"):
        return soon_words(parse_value("birthday", value), at(when))

    assert words("11-23") == "birthday today"
    assert words("1986-11-24") == "turns 40 tomorrow"
    assert words("11-27") == "birthday in 4 days (Friday 27 Nov)"
    assert words("1986-11-27") == "turns 40 on Friday (in 4 days)"
    assert words("1986-12-07") == "turns 40 on 7 Dec (in 14 days)"
    assert words("12-08") is None  # beyond the 14-day window
    assert words("11-22") is None  # yesterday: next year's is far away
    ann = parse_value("anniversary", "2025-11-25")
    assert soon_words(ann, at("2026-11-23T10:00:00Z")) == "1st anniversary on Wednesday (in 2 days)"


def test_the_card_shows_the_date_and_the_prep_sheet_only_when_near(sally, now):
    from netty.services.card import contact_card
    from netty.services.prep import build_prep_sheet

    edit_contact(sally, ContactFields(birthday="1986-11-27", anniversary="06-01"), now)
    who = {line.label: line.text for line in contact_card(sally, now).section("Who").lines}
    assert who["birthday"] == "27 November 1986 · turns 40 on Friday (in 4 days)"
    assert who["anniversary"] == "1 June"
    remember = build_prep_sheet(sally, now).section("Remember").lines
    assert remember[0] == "Turns 40 on Friday (in 4 days)"
    assert not any("anniversary" in line.lower() for line in remember)
    far = at("2026-12-20T10:00:00Z")
    sheet = build_prep_sheet(sally, far).section("Remember")
    assert sheet is None or not any("40" in line for line in sheet.lines)
