"""Arbitrary input never crashes an importer and never half-imports a refused file.

Every reader gets arbitrary bytes, and text assembled from the pieces real
files are made of. The outcome is a report, or an InvalidInput with a one-line
message after which the database is exactly as it was.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from netty.errors import NettyError
from netty.services.changes import change
from netty.services.importers import FORMATS, import_file
from netty.services.importers.report import ImportReport
from tests.services.importers.helpers import fixture, tables

VCARD_LINES = [
    "VERSION:2.1",
    "VERSION:4.0",
    "FN:Ana",
    "FN:",
    "N:López;Ana;;;",
    "N:;;;;",
    "EMAIL:a@b.example",
    "EMAIL;INTERNET:A@B.EXAMPLE",
    "EMAIL:not-mail",
    "TEL;HOME:+1 555",
    "TEL:12",
    "KIND:group",
    "KIND:org",
    "ORG:Acme;Dept",
    "ORG:",
    "item1.EMAIL:x@y.example",
    "item1.X-ABLabel:_$!<Work>!$_",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:caf=C3=A9=",
    "NOTE;ENCODING=QUOTED-PRINTABLE:=",
    "NOTE;CHARSET=bogus;ENCODING=QUOTED-PRINTABLE:=FF=FE",
    "PHOTO;ENCODING=b:AAAA",
    " folded",
    "\tfolded",
    "X-NETTY-RING:1",
    "X-NETTY-CADENCE:x",
    "X-NETTY-CONNECTED:yesterday",
    "CATEGORIES:a\\,b,c",
    "URL:linkedin.com/in/ana",
    "URL:https\\://x",
    "FN;ALTID=1:Ana",
    "N;bad",
    ":",
    ";;;",
    "",
    'TEL;TYPE="a:b":1234',
    "X-ABShowAs:COMPANY",
    "BEGIN:VCARD",
    "END:VCARD",
]
CELLS = [
    "",
    "Ana",
    "López",
    "https://www.linkedin.com/in/ana",
    "linkedin.com/in/ANA/",
    "a@b.example",
    "A@B.example",
    "not-mail",
    "Acme",
    "Acme, Inc.",
    "Boss",
    "14 Mar 2024",
    "31 Feb 2024",
    "x ::: y",
    "* myContacts ::: Friends",
    "+1 555 0100",
    "=cmd|' /C calc'!A0",
    '"',
    "\u202eEvil",
    "  ",
]
HEADERS = [
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value,Labels,Notes",
    "Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value",
    "First Name,Last Name,E-mail Address,Company,Job Title,Mobile Phone,Categories",
    "Date,Description,Amount",
]  # fmt: skip
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=12)
CARDS = st.lists(
    st.tuples(
        st.lists(
            st.sampled_from(VCARD_LINES)
            | WORDS.map("FN:{}".format)
            | WORDS.map("NOTE:{}".format)
            | WORDS.map("EMAIL:{}@x.example".format),
            max_size=8,
        ),
        st.booleans(),
    ),
    max_size=6,
).map(
    lambda cards: "".join(
        "BEGIN:VCARD\r\n"
        + "".join(f"{line}\r\n" for line in lines)
        + ("END:VCARD\r\n" if end else "")
        for lines, end in cards
    )
)
ROWS = st.tuples(
    st.sampled_from(["", 'Notes:\n"some, notes"\n\n', "junk line\n"]),
    st.sampled_from(HEADERS),
    st.lists(st.lists(st.sampled_from(CELLS) | WORDS, max_size=8), max_size=8),
).map(
    lambda parts: (
        parts[0]
        + parts[1]
        + "\r\n"
        + "".join(",".join(_quote(c) for c in row) + "\r\n" for row in parts[2])
    )
)
TEXTS = {"vcard": CARDS, "linkedin": ROWS, "csv": ROWS}
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n') else cell


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def seeded(db, now):
    """A database with a few contacts, so merges happen too."""
    import_file("vcard", fixture("vcard30_apple.vcf"), now, backup=False)
    import_file("linkedin", fixture("linkedin_connections.csv"), now, backup=False)
    return db


def check(fmt: str, data: bytes, tmp_path, now) -> None:
    path = tmp_path / f"input.{fmt}"
    path.write_bytes(data)
    before = tables()
    try:
        report = import_file(fmt, path, now, backup=False)
    except NettyError as exc:
        event("refused")
        message = str(exc)
        assert message and "\n" not in message
        assert tables() == before  # a refused file changes nothing
        return
    event("imported" if report.created or report.merged else "nothing to import")
    assert isinstance(report, ImportReport)
    assert set(report.as_json()) == {
        "created",
        "merged",
        "skipped",
        "warnings",
        "possible_duplicates",
    }
    assert all(set(s) == {"record", "reason"} for s in report.skipped)


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes(seeded, now, tmp_path, fmt, data):
    check(fmt, data, tmp_path, now)


@pytest.mark.parametrize("fmt", ["linkedin", "vcard", "csv"])
@SETTINGS
@given(data=st.data(), encoding=ENCODINGS)
def test_text_made_of_real_pieces(seeded, now, tmp_path, fmt, data, encoding):
    text = data.draw(TEXTS[fmt])
    check(fmt, encoded(text, encoding), tmp_path, now)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.sampled_from(["2026-11-23 10:00:00", "2026-02-30", "2026-11-23", "\ud800", "open"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


@pytest.fixture(scope="module")
def export_text(tmp_path_factory):
    """A small real JSON export to damage."""
    import pendulum

    from netty.db import close_database, open_database
    from netty.services.exporters import export

    now = pendulum.parse("2026-11-23T10:00:00+00:00")
    open_database(tmp_path_factory.mktemp("export") / "netty.db", now)
    try:
        import_file("vcard", fixture("vcard30_apple.vcf"), now, backup=False)
        import_file("csv", fixture("google_older.csv"), now, backup=False)
        return export("json", None, now).text
    finally:
        close_database()


@SETTINGS
@given(data=st.data())
def test_damaged_json_exports(db, now, tmp_path, export_text, data):
    """Any cell of a real export replaced by any JSON value: a restore, or a refusal that writes nothing."""
    import json

    document = json.loads(export_text)
    tables_in = [t for t in document["tables"].values() if t["rows"]]
    for _ in range(data.draw(st.integers(1, 3))):
        table = data.draw(st.sampled_from(tables_in))
        row = data.draw(st.sampled_from(table["rows"]))
        row[data.draw(st.integers(0, len(row) - 1))] = data.draw(JSON_VALUES)
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    try:
        report = import_file("json", path, now, backup=False)
    except NettyError as exc:
        event("refused")
        assert "\n" not in str(exc)
        assert all(rows == [] for rows in tables().values())
        return
    event("restored")
    assert report.created == len(document["tables"]["contact"]["rows"])
    from netty.db.models import MODELS

    with change("empty the database again for the next example", now):
        for model in MODELS:
            model.delete().execute()
