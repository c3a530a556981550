"""tact.text.regex gives exactly google-re2's results, with less overhead per call."""
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from tact.text import regex

PATTERNS = [r"\bsorry\b", r"(?i)(so+)(rry)?", r"\w+", r"", r"a*", r"(x)|(é+)", r"\s*", r"[^a]", r"\b(?:I|we)'ll\s+(\w+)",
            r"^\w", r"\w$", r"(?P<word>\w+)\s+(?P<rest>.)", "é|💩|\u00a0", r"(a)(b)?"]
ALPHABET = st.sampled_from(list("abxos ré\u00a0—💩I'l.\n") + ["sorry", "we'll go", "\u20ac"])
texts = st.lists(ALPHABET, max_size=30).map("".join)


def _options(case_insensitive: bool) -> re2.Options:
    options = re2.Options()
    options.case_sensitive = not case_insensitive
    return options


def _spans(matches):
    return [(m.span(), m.start(), m.end(), m.groups(), m.groups("-"), m.group(), m.group(0), m[0],
             [(m.span(g), m.start(g), m.end(g), m.group(g)) for g in range(m.re.groups + 1)]) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATTERNS), st.booleans(), texts, st.one_of(st.none(), st.integers(-2, 35)),
       st.one_of(st.none(), st.integers(-2, 35)))
def test_same_results_as_google_re2(pattern, case_insensitive, text, pos, endpos):
    ours, theirs = regex.compile(pattern, _options(case_insensitive)), re2.compile(pattern, _options(case_insensitive))
    assert _spans(ours.finditer(text, pos, endpos)) == _spans(theirs.finditer(text, pos, endpos))
    for method in ("search", "match", "fullmatch"):
        a, b = getattr(ours, method)(text, pos, endpos), getattr(theirs, method)(text, pos, endpos)
        assert (a and (a.span(), a.groups(), a.group())) == (b and (b.span(), b.groups(), b.group()))
    assert ours.findall(text) == theirs.findall(text)
    assert ours.sub("<\\g<0>>", text) == theirs.sub("<\\g<0>>", text)
    assert ours.groups == theirs.groups and ours.groupindex == theirs.groupindex


def test_offsets_of_a_text_with_wide_characters():
    text = "a—b💩c é d"
    found = [m.span() for m in regex.compile(r"\w").finditer(text)]
    assert found == [(0, 1), (2, 3), (4, 5), (8, 9)]  # RE2's \w is ASCII only
    assert regex.compile(r"d").search(text, 8).span() == (8, 9)


def test_many_texts_do_not_grow_the_offset_tables_without_bound():
    for i in range(500):
        regex.compile(r"\w").search(f"é{i}")
    assert len(regex._tables) <= regex._TABLES_KEPT


def test_lone_surrogates_raise_like_google_re2():
    import pytest
    with pytest.raises(UnicodeEncodeError):
        regex.compile("a").search("a\ud800")
    with pytest.raises(UnicodeEncodeError):
        re2.compile("a").search("a\ud800")


def test_a_text_with_thousands_of_non_ascii_characters_keeps_google_re2s_mapping():
    text = "é" * 5000 + " sorry — sorry"
    assert regex._offsets(text) is None
    ours, theirs = regex.compile(r"sorry"), re2.compile(r"sorry")
    assert [m.span() for m in ours.finditer(text, 10)] == [m.span() for m in theirs.finditer(text, 10)] == [(5001, 5006), (5009, 5014)]
