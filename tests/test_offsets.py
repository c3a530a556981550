"""Offsets are a contract: every issue's ranges select exactly the flagged text of what the client sent."""
import html as html_lib
import re

import pytest

FLAG = "Why didn't you send it?"


def utf16_slice(s: str, offset: int, length: int) -> str:
    units = s.encode("utf-16-le", "surrogatepass")
    return units[2 * offset: 2 * (offset + length)].decode("utf-16-le", "surrogatepass")


def text_content(markup: str) -> str:
    """What a browser shows for a fragment of markup (tags dropped, entities decoded)."""
    return html_lib.unescape(re.sub(r"<[^>]*>", "", markup))


def only_issue(result, rule="accusatory.why-didnt-you"):
    issues = [i for i in result.issues if i.rule == rule]
    assert len(issues) == 1, result.issues
    return issues[0]


@pytest.mark.parametrize("prefix", [
    "", "Hi Zoë,\n\n", "😀 ", "👩‍👩‍👧 Olá, José! ", "Hi\r\nthere,\r\n\r\n", "𝒜𝒷𝒸 é\r\n", "\u200f\u200dRTL ",
])
def test_plain_text_offsets_select_the_flagged_words_in_both_units(check, prefix):
    text = prefix + FLAG + " 🙏"
    issue = only_issue(check(text=text))
    assert text[issue.offset: issue.offset + issue.length] == "Why didn't you"
    assert utf16_slice(text, issue.offset_utf16, issue.length_utf16) == "Why didn't you"
    assert issue.text == "Why didn't you"


def test_utf16_offsets_count_surrogate_pairs(check):
    issue = only_issue(check(text="😀😀 " + FLAG))
    assert issue.offset == 3
    assert issue.offset_utf16 == 5


def test_curly_apostrophe_is_matched_and_reported_as_typed(check):
    text = "Why didn’t you send it?"
    issue = only_issue(check(text=text))
    assert issue.text == "Why didn’t you"
    assert text[issue.offset: issue.offset + issue.length] == "Why didn’t you"


@pytest.mark.parametrize("markup", [
    "<div>Hi Zoë,</div><div><br></div><div>Why didn&#39;t you send it?</div>",
    "<div>😀 &amp; caf&eacute;</div><p>Why <b>didn&rsquo;t</b> <i><span>you</span></i> send it?</p>",
    "<div dir=\"ltr\">Hello&nbsp;there<br>Why didn&#x27;t you send it?<br></div>",
    "<p>Ok</p>\n\n  <p>\n    Why   didn't\n   you send it?\n  </p>",
    "<div>unclosed <b>bold<div>Why didn't you send it?",
])
def test_html_offsets_cover_markup_whose_text_is_the_issue_text(check, markup):
    issue = only_issue(check(html=markup))
    source = markup[issue.offset: issue.offset + issue.length]
    assert utf16_slice(markup, issue.offset_utf16, issue.length_utf16) == source
    assert re.sub(r"\s+", " ", text_content(source)).replace("’", "'") == issue.text.replace("’", "'")
    assert source.startswith("Why") and source.endswith("you")


def test_html_entities_before_the_issue_shift_offsets_correctly(check):
    markup = "<div>&lt;tag&gt; &#128512; &amp;&amp;</div><div>Why didn't you send it?</div>"
    issue = only_issue(check(html=markup))
    assert markup[issue.offset: issue.offset + issue.length] == "Why didn't you"
    assert utf16_slice(markup, issue.offset_utf16, issue.length_utf16) == "Why didn't you"


def test_utf16_index_of_every_offset_with_and_without_astral_characters():
    import random

    from tact.text.source import Source

    rnd = random.Random(17)
    pieces = ["a", " ", "é", "\u2019", "😀", "\U0001d11e", "\ud800", "\n"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces[:rnd.randint(1, len(pieces))]) for _ in range(rnd.randint(0, 12)))
        source = Source(original=text, text=text)
        for offset in range(len(text) + 1):
            assert source.utf16(offset) == len(text[:offset].encode("utf-16-le", "surrogatepass")) // 2
