"""The reminder engine in the app: polled, notified once, acted on from the due view."""

from __future__ import annotations

from netty.services import ledger
from netty.services.contacts import ContactFields, add_contact
from netty.services.reminders import due
from netty.ui.app import NettyApp
from netty.ui.screens.due import DueScreen
from tests.ui.conftest import SIZE, notices, screen_text, settle


async def test_poll_notifies_once_for_what_became_due_then_snooze_and_done(db, now):
    add_contact(ContactFields(name="Ann Lee", ring=2), now)
    bob = add_contact(ContactFields(name="Bob Stone", ring=2), now).id
    ledger.add_promise(bob, "i_owe", "Send the deck", now=now, due=now.add(days=40).date())
    clock = {"now": now}
    app = NettyApp(str(db), now=lambda: clock["now"], poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert notices(app) == []  # nothing due yet
        clock["now"] = now.add(days=41)  # Ann's and Bob's pings, and Bob's promise
        app.poll_due()
        await settle(pilot)
        shown = notices(app)
        assert any("Ann Lee" in n for n in shown) and any("Send the deck" in n for n in shown)
        count = len(shown)
        app.poll_due()
        await settle(pilot)
        assert len(notices(app)) == count  # once, not on every poll

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
        screen = app.screen
        first = screen.selected
        assert first.id.startswith("deliver-")
        await pilot.press("space")  # done: the promise is delivered
        await settle(pilot)
        later = clock["now"]
        assert all(not i.id.startswith("deliver-") for i in due(later))
        ping = screen.selected
        assert ping.kind == "ping"
        await pilot.press("s", "2")  # snooze a week
        await settle(pilot)
        remaining = {i.id for i in due(later)}
        assert ping.id not in remaining
        assert ping.id not in [i.id for i in screen._items]  # gone from the view too
        assert any("Snoozed until" in n for n in notices(app))


async def test_the_due_view_logs_and_opens_contacts(db, now):
    ann = add_contact(ContactFields(name="Ann Lee", ring=1), now.subtract(days=30)).id
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("l", *"Called her", "ctrl+s")
        await settle(pilot)
        assert due(now, kinds=["ping"]) == []
        assert "Nothing due" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.contacts.highlighted.id == ann


async def test_enter_in_the_due_view_opens_the_contact(db, now):
    add_contact(ContactFields(name="Zed", ring=3), now)
    ann = add_contact(ContactFields(name="Ann Lee", ring=1), now.subtract(days=30)).id
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.contacts.highlighted.id == ann


async def test_one_thing_due_is_said_in_the_singular(db, now):
    add_contact(ContactFields(name="Ann Lee", ring=1), now.subtract(days=30))
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert notices(app) == ["1 thing is due. Press d to see it."]
        assert "1 due" in screen_text(app)


SUNDAY_EVENING = "2026-11-29T20:00:00+00:00"


def fill_week(now):
    """A Sunday evening with something of every kind due in the next seven days."""
    import pendulum

    from netty.services.reminders import remind
    from netty.services.timeline import log_interaction

    start = now.subtract(days=60)
    ann = add_contact(ContactFields(name="Ann Lee", ring=2), start).id
    bo = add_contact(ContactFields(name="Bo Chan", ring=2), start).id
    cy = add_contact(ContactFields(name="Cy Dunn", ring=2), start).id
    log_interaction([ann], kind="call", when=now.subtract(days=26), now=now)
    log_interaction([bo, cy], kind="call", when=now.subtract(days=1), now=now)
    day = now.date()
    ledger.add_promise(bo, "i_owe", "Send the deck", now=start, due=day.add(days=5))
    ledger.add_promise(cy, "they_owe", "Intro to Di", now=start, due=day.add(days=1))
    ledger.add_need(cy, "A designer for the clinic", now=start, horizon=day.add(days=3))
    remind(ann, now.add(days=6), "Ask about the role", start)
    remind(bo, now.add(days=8), "Not this week", start)
    _ = pendulum


async def test_w_shows_the_next_seven_days_like_due_within_7d(db):
    import pendulum

    now = pendulum.parse(SUNDAY_EVENING)
    fill_week(now)
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "w")
        await settle(pilot)
        screen = app.screen
        assert [(i.kind, i.contact) for i in screen._items] == [
            ("check-in", "Cy Dunn"),
            ("nudge", "Cy Dunn"),
            ("ping", "Ann Lee"),
            ("deliver", "Bo Chan"),
            ("custom", "Ann Lee"),
        ]
        assert {i.id for i in screen._items} == {
            i.id for i in due(now, within=pendulum.duration(days=7))
        }
        text = screen_text(app)
        assert "Networking time · the next 7 days" in text
        assert " 5 items: 1 deliver, 1 nudge, 1 custom, 1 check-in, 1 ping" in text
        assert "Not this week" not in text
        rows = painted(screen.query_one("#due-list"))
        assert rows[:4] == [
            "Wed 2 Dec  check-in Cy Dunn  their need A designer for the clinic reaches its date "
            "in 3 days; ask whether it is",
            "                    still open",
            "Thu 3 Dec  nudge    Cy Dunn  nudge 1 of 3: they owe you: Intro to Di (promise due "
            "tomorrow)",
            "                    Hi Cy, hope all is well! Just checking in about “intro to Di”. "
            "No rush at all.",
        ]


async def test_a_capped_list_says_so_and_agrees_with_the_status_line(db, now, monkeypatch):
    from netty.ui.screens import due as due_screen

    monkeypatch.setattr(due_screen, "PING_LIMIT", 2)
    for name in ("Ann Lee", "Bo Chan", "Cy Dunn"):
        add_contact(ContactFields(name=name, ring=1), now.subtract(days=30))
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "3 due" in screen_text(app)
        await pilot.press("d")
        await settle(pilot)
        assert " 3 items: 3 ping (showing 2 of 3 pings)" in screen_text(app)


async def test_wrapped_rows_keep_every_line_indented_under_the_text(db, now):
    ann = add_contact(ContactFields(name="Ann Lee", ring=3), now).id
    long = "Send the annotated reading list on clinical onboarding and the three case studies"
    ledger.add_promise(ann, "i_owe", long, now=now, due=now.subtract(days=20).date())
    app = NettyApp(str(db), now=lambda: now, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        rows = painted(app.screen.query_one("#due-list"))
        assert rows[1:4] == [
            "Tue 3 Nov  Ann Lee  you promised: Send the annotated reading list on",
            "           clinical… (due 20 days ago)",
            "",
        ]


def painted(widget) -> list[str]:
    """The widget's lines as painted on the screen, right spaces trimmed."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
