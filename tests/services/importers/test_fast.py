"""The importer's fast text helpers give exactly what the shared helpers give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netty.db.vocab import fold
from netty.services import text
from netty.services.importers import _fast, linkedin
from netty.services.importers.record import Record, build_record

TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="ascii")),
    st.sampled_from(["Zoë  Müller", " Sally\tJones ", "ǅ", "ﬁ", "İstanbul", "\u202eEve", "a\x00b"]),
)
URLS = st.one_of(
    st.builds(
        lambda scheme, host, kind, slug, tail: f"{scheme}{host}/{kind}/{slug}{tail}",
        st.sampled_from(["https://", "http://", "HTTPS://", ""]),
        st.sampled_from(["www.linkedin.com", "linkedin.com", "LinkedIn.com", "uk.linkedin.com",
                         "linkedin.com:443", "notlinkedin.com", "www.linkedin.com.evil"]),
        st.sampled_from(["in", "IN", "pub", "company"]),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
        st.sampled_from(["", "/", "?trk=x", "#top", "/detail", " "]),
    ),
    st.text(),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_clean_line_fold_and_search_key(value):
    assert _fast.clean_line(value) == text.clean_line(value)
    assert _fast.fold(value) == fold(value)
    assert _fast.search_key(value, "Acme", value) == text.search_key(value, "Acme", value)
    parts = (value, "", None, " ", "Zoë", "\tx", value.upper())
    assert _fast.search_key(*parts) == text.search_key(*parts)


@settings(max_examples=200, deadline=None)
@given(URLS)
def test_linkedin_key(url):
    assert _fast.linkedin_key(url) == text.linkedin_key(url)


def _built(no, first, last, url, company, position, connected, warnings):
    """What ``linkedin.parse`` makes of a row through the general path."""
    record = build_record(
        no,
        given=first,
        family=last,
        organization=company,
        title=position,
        urls=[(url, "linkedin")] if url.strip() else (),
        connected_at=connected,
        warnings=list(warnings),
    )
    if isinstance(record, Record):
        record.default_ring = linkedin.DEFAULT_RING
        record.default_channel = linkedin.DEFAULT_CHANNEL
    return record


FIELD = st.one_of(TEXT, st.sampled_from(["", " ", "Acme", "acme", "x" * 501, "Blue Labs"]))


@settings(max_examples=300, deadline=None)
@given(FIELD, FIELD, URLS, FIELD, FIELD, st.sampled_from([None, "2024-03-14 00:00:00"]))
def test_quick_linkedin_record_is_what_build_record_makes(first, last, url, company, position, on):
    seen: dict[str, str | None] = {}
    for _ in range(2):  # the second time from what ``seen`` remembered
        quick = linkedin.quick_record(7, first, last, url, company, position, on, ["w"], seen)
        assert quick is None or quick == _built(7, first, last, url, company, position, on, ["w"])


def test_quick_linkedin_record_takes_the_plain_rows():
    url = "https://www.linkedin.com/in/zoe-muller-1a"
    for first, last, company in (
        ("Zoë", "Müller", "Blue Labs"),
        ("Sam", "Lee", ""),
        ("Ann", "", ""),
    ):
        quick = linkedin.quick_record(1, first, last, url, company, "CTO", None, [])
        assert quick is not None
        assert quick == _built(1, first, last, url, company, "CTO", None, [])
