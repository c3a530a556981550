from tact.text.sentences import split_sentences


def sentences(text):
    return [s.text for s in split_sentences(text, [(0, len(text))])]


def test_terminal_punctuation_ends_sentences_and_questions_are_known():
    found = split_sentences("Hi. Did you see it? Great!", [(0, 26)])
    assert [s.text for s in found] == ["Hi.", "Did you see it?", "Great!"]
    assert [s.is_question for s in found] == [False, True, False]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert sentences("Mr. Tanaka and Dr. J. Smith met at 2 p.m. on Friday. Then we left.") == [
        "Mr. Tanaka and Dr. J. Smith met at 2 p.m. on Friday.", "Then we left."]


def test_an_abbreviation_before_a_closing_quote_does_not_end_the_sentence():
    assert sentences('What part of "no food after 10 p.m." was unclear? We cleaned up.') == [
        'What part of "no food after 10 p.m." was unclear?', "We cleaned up."]
    assert sentences('The sign says "closed at 6 p.m." Nobody told us.') == [
        'The sign says "closed at 6 p.m."', "Nobody told us."]


def test_a_letter_before_a_sentence_opener_ends_the_sentence():
    assert sentences("See drawing A-201 rev C. Who signed off on these?") == [
        "See drawing A-201 rev C.", "Who signed off on these?"]
    assert sentences("We went with Plan B. It worked.") == ["We went with Plan B.", "It worked."]
    assert sentences("Ask J. Whitfield and A. Smith.") == ["Ask J. Whitfield and A. Smith."]


def test_short_lines_end_sentences_but_hard_wrapped_lines_do_not():
    text = ("Hi Dana,\nI wanted to follow up on the contract we talked about last week and\n"
            "the timeline for the review.\nThanks")
    assert sentences(text) == [
        "Hi Dana,",
        "I wanted to follow up on the contract we talked about last week and\nthe timeline for the review.",
        "Thanks",
    ]


def test_sentence_offsets_point_into_the_text():
    text = "  One.  Two?\n\nThree"
    for s in split_sentences(text, [(0, len(text))]):
        assert text[s.start:s.end] == s.text


def test_terminator_spans_are_those_of_the_regex_they_replace():
    """`terminators` finds sentence-ending marks with str.find; the spans must be the regex's on any
    text and range (runs, closers, white space or the range end after them)."""
    import random
    import re

    from tact.text.sentences import terminators

    regex = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
    pieces = list(".!?…\"'”’)] \n\tax\u00a0\u2028") + ["...", "?!", "a.m.", "etc."]
    rnd = random.Random(11)
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 18)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        assert terminators(text, lo, hi) == [m.span() for m in regex.finditer(text, lo, hi)]


def test_a_question_may_end_in_an_exclamation_mark_or_an_emoji():
    text = "Why didn't you send the deck?! Done!\nWho signed this off?🙄\nReally? 👍🏽 Fine."
    found = split_sentences(text, [(0, len(text))])
    assert [(s.text, s.is_question) for s in found] == [
        ("Why didn't you send the deck?!", True), ("Done!", False), ("Who signed this off?🙄", True),
        ("Really?", True), ("👍🏽 Fine.", False)]


def test_an_emoji_between_two_unpunctuated_sentences_ends_the_first():
    text = "Got your note 👍 Will send the deposit soon 😊 The invoice is attached. Really? 👍🏽 Fine. I ❤️ it"
    found = [s.text for s in split_sentences(text, [(0, len(text))])]
    assert found == ["Got your note 👍", "Will send the deposit soon 😊", "The invoice is attached.", "Really?",
                     "👍🏽 Fine.", "I ❤️ it"]
