"""The first screenful comes from a quick query; the whole list follows in a worker."""

from __future__ import annotations

import threading

from netty.services import contact_index
from netty.ui.screens import main
from netty.ui.widgets.contact_list import ContactList
from tests.ui.conftest import SIZE, screen_text, settle


async def test_the_first_rows_and_the_counts_show_before_the_whole_list(demo_app, monkeypatch):
    whole = threading.Event()
    load_index = contact_index.load_index

    def held_back(now, **kw):  # the whole list waits until the test has looked
        whole.wait(10)
        return load_index(now, **kw)

    monkeypatch.setattr(main, "load_index", held_back)
    monkeypatch.setattr(main, "load_page", _with_limit(contact_index.load_page, 5))
    async with demo_app.run_test(size=SIZE) as pilot:
        contacts = demo_app.screen.query_one(ContactList)
        for _ in range(200):
            await pilot.pause(0.01)
            if contacts.rows:
                break
        first = [r.name for r in contacts.rows]
        text = screen_text(demo_app)
        assert len(first) == 5 and not contacts.loaded
        assert "63 / 63 contacts" in text and first[0] in text  # everyone counted already
        whole.set()
        await settle(pilot)
        assert contacts.loaded and len(contacts.rows) == 63
        assert [r.name for r in contacts.rows[:5]] == first  # the same first rows
        assert "63 / 63 contacts" in screen_text(demo_app)


def _with_limit(load_page, limit):
    def page(now, **kw):
        return load_page(now, **{**kw, "limit": limit})

    return page
