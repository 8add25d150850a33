"""Issue 9: text restored from a hostile JSON file never reaches the terminal raw."""

from __future__ import annotations

import json

from netty.services.exporters import export
from netty.services.importers import import_file
from netty.ui.widgets.contact_list import ContactList
from tests.ui.conftest import SIZE, screen_text, settle

HOSTILE = "Eve\x1b[2J\x1b]0;pwned\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \u202eLi"


async def test_the_edit_form_shows_no_raw_escape_after_a_hostile_restore(
    tmp_path, now, make_app, db
):
    from netty.db.models import Contact

    # A netty export whose text holds ESC, OSC 8 and title sequences (as an attacker
    # would write it), restored into this empty database.
    export("json", tmp_path / "empty.json", now)
    data = json.loads((tmp_path / "empty.json").read_text())
    columns = [f.column_name for f in Contact._meta.sorted_fields]
    row = {c: None for c in columns}
    row.update(
        id=1, name=HOSTILE, name_key="eve", ring=3, created_at="2026-11-01 10:00:00",
        updated_at="2026-11-01 10:00:00", next_ping_at="2026-12-01 10:00:00",
        notes=HOSTILE + "\nZWJ 👩🏽‍💻", details=HOSTILE, title=HOSTILE, search_text="eve",
    )  # fmt: skip
    row = {c: v for c, v in row.items() if v is not None or c in ("archived_at",)}
    data["tables"]["contact"] = {"columns": list(row), "rows": [list(row.values())]}
    (tmp_path / "hostile.json").write_text(json.dumps(data))
    import_file("json", tmp_path / "hostile.json", now, backup=False)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ContactList).highlighted.name.startswith("Eve")
        assert "\x1b" not in screen_text(app)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        for field in ("#name", "#title"):
            assert "\x1b" not in form.query_one(field).value
            assert "\x07" not in form.query_one(field).value
        notes = form.query_one("#notes").text
        assert "\x1b" not in notes and "👩🏽‍💻" in notes
        assert "\x1b" not in screen_text(app)
