"""Only the sender's new text is linted; the quoted thread and the signature are kept as context."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tact.text.draft import build_draft

FLAG = "Why didn't you send it?"


def flagged(result):
    return [i for i in result.issues if i.category == "accusatory-question"]


@pytest.mark.parametrize("text", [
    "Thanks, will do.\n\nOn Mon, Mar 2, 2026 at 10:00 AM Dana Lee <dana@example.com> wrote:\n> " + FLAG,
    "Thanks, will do.\n\n> " + FLAG + "\n> Dana",
    "Thanks, will do.\n\n________________________________\nFrom: Dana Lee <dana@example.com>\n"
    "Sent: Monday, March 2, 2026 10:00 AM\nTo: Al\nSubject: Re: contract\n\n" + FLAG,
    "Thanks, will do.\n\n-----Original Message-----\nFrom: Dana\nSent: Monday\nTo: Al\nSubject: x\n\n" + FLAG,
])
def test_plain_text_quotes_are_never_flagged(check, text):
    assert flagged(check(text=text)) == []


@pytest.mark.parametrize("markup", [
    '<div>Thanks, will do.</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Dana wrote:</div>'
    '<blockquote class="gmail_quote">' + FLAG + "</blockquote></div>",
    '<div>Thanks, will do.</div><blockquote type="cite">' + FLAG + "</blockquote>",
    '<div>Thanks, will do.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg">'
    "<b>From:</b> Dana<br><b>Sent:</b> Monday</div><div>" + FLAG + "</div>",
])
def test_html_quotes_are_never_flagged(check, markup):
    assert flagged(check(html=markup)) == []


@pytest.mark.parametrize("text", [
    "Thanks, will do.\n\n-- \nAl Smith\n" + FLAG,
    "Thanks, will do.\n\nSent from my iPhone\n" + FLAG,
])
def test_signatures_are_never_flagged(check, text):
    assert flagged(check(text=text)) == []


def test_gmail_signature_block_is_not_new_text():
    draft = build_draft(html='<div>Hello there.</div><div class="gmail_signature">Why didn\'t you</div>')
    assert [draft.text[s:e] for s, e in draft.new_ranges] == ["Hello there.\n"]


def test_new_text_before_and_after_a_quote_is_still_checked(check):
    text = "> Can we meet?\n" + FLAG
    assert len(flagged(check(text=text))) == 1


def test_quoted_thread_is_available_to_checks():
    draft = build_draft(text="Sure.\n\nOn Mon, Dana wrote:\n> Could we do 2pm Central?")
    assert "2pm Central" in draft.quoted
    assert "2pm Central" not in draft.new_text


def test_context_quoted_is_part_of_the_quoted_thread():
    from tact.model import Context

    draft = build_draft(text="Sure.", context=Context(quoted="> 2pm Central?"))
    assert "2pm Central" in draft.quoted


def test_sign_off_block_is_signature_but_a_short_reply_is_not():
    draft = build_draft(text="Got it, I'll send it Friday.\n\nBest,\nAl Smith\nAcme Corp")
    assert draft.new_text.strip() == "Got it, I'll send it Friday."
    draft = build_draft(text="Thanks!\nI'll get back to you soon.\nAl")
    assert "get back to you soon" in draft.new_text


LINES = ["> a", " >x", "a", "", " ", "-- ", "--", "___", "— ", "—", "Sent from my iPhone", "Sent from my Galaxy S9 phone x",
         "Get Outlook for iOS", "\t> q", "b > c", "Best,", "Dana"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=12).map("\n".join), st.integers(0, 80))
def test_line_patterns_led_by_the_line_break_find_what_line_anchored_ones_do(text, limit):
    import re

    from tact.text import segments
    limit = min(limit, len(text))
    quoted = re.compile(r"^[ \t]*>.*$", re.M)
    delimiter = re.compile(r"^(?:-- ?|__+|—\s*)$|^Sent from my \w+(?: \w+){0,3}\s*$|^Get Outlook for \w+", re.M)
    assert ([(m.start(), m.end() + 1) for m in quoted.finditer(text, 0, limit)]
            == [m.span() for m in segments._QUOTED_LINE.finditer("\n" + text, 0, limit + 1)])
    old, new = delimiter.search(text), segments._SIG_DELIMITER.search("\n" + text)
    assert (old and old.start()) == (new and new.start())


SIGN_OFF_LINES = ["", " ", "\t", "Best,", "best", "Kind", " KIND ", "regards", "Regards!", "warmest", "wishes", "--", "-- Dana",
                  "Dana", "Thanks", "thanks again", "How are you?", "Cheers", "many", "Yours truly", "\f", "all the best",
                  "Call me at 555-1234", "Kind regards", "ſincerely", "We will send it."]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SIGN_OFF_LINES), max_size=14).map("\n".join), st.integers(0, 200))
def test_a_sign_off_scan_of_the_last_lines_finds_what_a_scan_of_the_whole_draft_does(text, limit):
    from tact.text import segments
    head = text[:min(limit, len(text))]
    too_early = segments._last_lines_start(head, segments._SIGN_OFF_TAIL_LINES + 1)
    whole = [m.span() for m in segments._SIGN_OFF.finditer(head) if m.end() > too_early]
    last_lines = [m.span() for m in segments._SIGN_OFF.finditer(head, segments._sign_off_scan_start(head, too_early))
                  if m.end() > too_early]
    assert last_lines == whole
