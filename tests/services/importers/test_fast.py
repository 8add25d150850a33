"""The importer's fast text helpers give exactly what the shared helpers give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netty.db.vocab import fold
from netty.services import text
from netty.services.importers import _fast

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


@settings(max_examples=200, deadline=None)
@given(URLS)
def test_linkedin_key(url):
    assert _fast.linkedin_key(url) == text.linkedin_key(url)
