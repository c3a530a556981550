"""Invariants over arbitrary input: ranges lie inside the input and select the issue's text; output is deterministic."""
import html as html_lib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tact.engine import CheckRequest

PHRASES = ["Why didn't you send it?", "Why didn’t you call? ", "😀", "é", "\r\n", "\n> quoted\n", "&amp;",
           "<b>", "</div>", "<br>", "On Mon, Dana wrote:\n", "-- \n", "\u200d", "\u202e", "\x00"]
drafts = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PHRASES)), max_size=12).map("".join)


def utf16_slice(s, offset, length):
    return s.encode("utf-16-le", "surrogatepass")[2 * offset: 2 * (offset + length)].decode("utf-16-le", "surrogatepass")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_plain_ranges_select_the_issue_text(service, text):
    result = service.check(CheckRequest(text=text), service.ruleset)
    for issue in result.issues:
        assert 0 <= issue.offset <= issue.offset + issue.length <= len(text)
        selected = text[issue.offset: issue.offset + issue.length]
        assert selected.replace("\r\n", "\n").replace("\r", "\n") == issue.text
        assert utf16_slice(text, issue.offset_utf16, issue.length_utf16) == selected
    assert service.check(CheckRequest(text=text), service.ruleset).issues == result.issues


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_html_ranges_lie_inside_the_input(service, markup):
    result = service.check(CheckRequest(html=markup), service.ruleset)
    for issue in result.issues:
        assert 0 <= issue.offset <= issue.offset + issue.length <= len(markup)
        selected = markup[issue.offset: issue.offset + issue.length]
        assert utf16_slice(markup, issue.offset_utf16, issue.length_utf16) == selected
        shown = re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]*>", "", selected)))
        assert issue.text.split()[0] in shown
