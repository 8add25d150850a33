"""The in-memory contact index: attention order, flags, and the filters `/`, r, ! use."""

from __future__ import annotations

from netty.services import ledger
from netty.services.contact_index import (
    PING_OVERDUE,
    PROMISE_DUE,
    SORTS,
    Filter,
    apply_filter,
    load_index,
    load_page,
    rank_matches,
    sort_rows,
)
from netty.services.contacts import ContactFields, add_contact, archive_contact
from netty.services.timeline import log_interaction


def add(now, name, days_ago=0, **kw):
    return add_contact(ContactFields(name=name, **kw), now.subtract(days=days_ago)).id


def test_most_overdue_relative_to_cadence_comes_first(db, now):
    # both 30 days late; 30 late on a 14-day cadence beats 30 late on a 90-day one
    close = add(now, "Close", days_ago=44, ring=1)
    far = add(now, "Far", days_ago=120, ring=3)
    fresh = add(now, "Fresh", ring=2)
    rows = load_index(now).rows
    assert [r.id for r in rows] == [close, far, fresh]
    assert rows[0].flags & PING_OVERDUE and not rows[2].flags
    assert round(rows[0].attention, 2) == round(30 / 14, 2)


def test_logging_clears_the_overdue_flag(db, now):
    cid = add(now, "Ann", days_ago=100, ring=2)
    assert load_index(now).rows[0].flags & PING_OVERDUE
    log_interaction([cid], kind="call", when=now, now=now)
    assert load_index(now).rows[0].flags == 0
    assert load_index(now).due_count == 0


def test_a_promise_i_owe_that_is_due_is_flagged(db, now):
    cid = add(now, "Bob")
    ledger.add_promise(cid, "i_owe", "Send the deck", now=now, due=now.date())
    row = load_index(now).rows[0]
    assert row.flags & PROMISE_DUE and load_index(now).due_count == 1


def test_archived_contacts_are_a_separate_index(db, now):
    cid = add(now, "Gone")
    add(now, "Here")
    archive_contact(cid, now)
    assert [r.name for r in load_index(now).rows] == ["Here"]
    assert [r.name for r in load_index(now, archived=True).rows] == ["Gone"]


def test_filters_and_sorts(db, now):
    add(now, "Zoë Müller", ring=1, tags=["rotary"], organization="Northwind")
    add(now, "Bob Stone", ring=2, days_ago=200)
    add(now, "Ann Lee", ring=3, tags=["rotary"])
    rows = load_index(now).rows
    assert [r.name for r in apply_filter(rows, Filter("zoe north"))] == ["Zoë Müller"]
    assert [r.name for r in apply_filter(rows, Filter(ring=2))] == ["Bob Stone"]
    assert [r.name for r in apply_filter(rows, Filter(tag="rotary"))] == ["Zoë Müller", "Ann Lee"]
    assert [r.name for r in apply_filter(rows, Filter(due_only=True))] == ["Bob Stone"]
    assert [r.name for r in sort_rows(rows, "name")] == ["Ann Lee", "Bob Stone", "Zoë Müller"]
    assert Filter("zoe m").narrows(Filter("zoe")) and not Filter("zo").narrows(Filter("zoe"))


def test_give_balance_sort_and_the_asked_of_filter(db, now):
    taker = add(now, "Taker")
    giver = add(now, "Giver")
    add(now, "Nobody")
    ledger.add_ask(taker, "Intro to Dana", now=now)
    ledger.add_ask(taker, "A reference", now=now)
    ledger.add_give(giver, "advice", "Portfolio review", now=now)
    rows = load_index(now).rows
    assert [r.name for r in sort_rows(rows, "give balance")] == ["Taker", "Nobody", "Giver"]
    assert [r.name for r in apply_filter(rows, Filter(asked_only=True))] == ["Taker"]
    assert Filter(asked_only=True).narrows(Filter())


def test_name_matches_rank_above_matches_elsewhere(db, now):
    theo = add(now, "Theo Nakamura", days_ago=200, notes="knows a dev shop in Lisbon")
    dev = add(now, "Dev Patel")
    ada = add(now, "Ada Devlin", days_ago=100)
    add(now, "Nobody Else")
    rows = load_index(now).rows
    assert [r.id for r in rows[:3]] == [theo, ada, dev]  # attention order
    matched = apply_filter(rows, Filter("dev"))
    assert [r.name for r in rank_matches(matched, "dev")] == [
        "Ada Devlin",
        "Dev Patel",
        "Theo Nakamura",
    ]
    assert rank_matches(matched, "") == matched


def _view(rows, sort, ring):
    """What the list shows from ``rows`` under ``sort`` and ``ring`` (ContactList's way)."""
    base = sort_rows(rows, sort) if sort != "attention" else list(rows)
    return apply_filter(base, Filter(ring=ring))


def test_a_first_page_is_exactly_the_first_rows_of_the_whole_list(db, now):
    # ties everywhere: many added at one moment (one next_ping_at), custom cadences,
    # promises due, gives and asks, never contacted, archived, tags
    ids = []
    for i in range(40):
        ids.append(
            add(
                now,
                f"P{i % 7} {chr(97 + i % 5)}",
                days_ago=(0, 30, 30, 95, 400)[i % 5],
                ring=1 + i % 3,
                cadence_days=(None, None, 10, 200)[i % 4],
                tags=["rotary"] if i % 6 == 0 else [],
            )
        )
    for cid in ids[::9]:
        ledger.add_promise(cid, "i_owe", "Send the deck", now=now, due=now.date())
    for cid in ids[1::8]:
        ledger.add_ask(cid, "An intro", now=now)
    for cid in ids[2::11]:
        ledger.add_give(cid, "advice", "A review", now=now)
    log_interaction(ids[3:12], kind="call", when=now.subtract(days=3), now=now)
    archive_contact(ids[5], now)
    whole = load_index(now).rows
    for sort in SORTS:
        for ring in (None, 1, 2, 3):
            want = _view(whole, sort, ring)
            for limit in (1, 3, 8, 100):
                page = load_page(now, sort=sort, ring=ring, limit=limit)
                got = _view(page.rows, sort, ring)
                assert [r.id for r in got] == [r.id for r in want[:limit]], (sort, ring, limit)
                for mine, theirs in zip(got, want[: len(got)], strict=True):  # tags: any order
                    assert mine._replace(tags="") == theirs._replace(tags="")
                    assert sorted(mine.tags.split()) == sorted(theirs.tags.split())
                assert (page.page.shown, page.page.total) == (len(want), len(whole))
                assert page.due_count == load_index(now).due_count


def test_a_first_page_of_nobody(db, now):
    page = load_page(now)
    assert page.rows == () and page.total == 0 and page.page.shown == 0


def test_a_first_page_breaks_ties_in_overdue_pings_by_name(db, now):
    # one import long ago: the same next_ping_at for all, so the list orders them by
    # name; the names run against the ids, and ring 1 (first by ring) is not overdue
    for i in range(6):
        add(now, f"Fresh {i}", ring=1)
    for i in range(10):
        add(now, f"Late {9 - i}", days_ago=400, ring=2)
    want = [r.name for r in load_index(now).rows]
    assert want[:3] == ["Late 0", "Late 1", "Late 2"]
    for limit in (1, 3, 5):
        assert [r.name for r in load_page(now, limit=limit).rows] == want[:limit]


def test_every_word_of_a_query_in_the_name_ranks_first(db, now):
    add(now, "Mara Quinn", days_ago=200, notes="ana's sister")
    add(now, "Ana Marsh")
    add(now, "Bo Stone")
    rows = load_index(now).rows
    matched = apply_filter(rows, Filter("ana mar"))
    assert [r.name for r in matched] == ["Mara Quinn", "Ana Marsh"]  # attention order
    assert [r.name for r in rank_matches(matched, "ana mar")] == ["Ana Marsh", "Mara Quinn"]
    assert [r.name for r in rank_matches(matched, "mar")] == ["Mara Quinn", "Ana Marsh"]
