"""Rule matching features authors use: phrases with word forms, `when` conditions, placeholders."""
import re

import pytest

from tact.engine import CheckRequest, run
from tact.rules.conditions import quotation_spans
from tact.rules.inflect import word_forms
from tact.rules.rule import RuleInvalid, build_rule
from tact.rules.ruleset import RuleSet


def rule(**keys):
    definition = {"id": "t.rule", "category": "style", "message": "“{match}”",
                  "examples": {"flag": ["x"], "pass": ["y"]}, **keys}
    return build_rule(definition, "test.yaml")


def flagged(r, text: str) -> list[str]:
    return [i.text for i in run(CheckRequest(text=text), RuleSet.of([r])).issues]


@pytest.mark.parametrize("word, forms", [
    ("circle", {"circles", "circled", "circling"}),
    ("drop", {"drops", "dropped", "dropping"}),
    ("reply", {"replies", "replied", "replying"}),
    ("touch", {"touches", "touched", "touching"}),
    ("send", {"sends", "sent", "sending"}),
    ("deadline", {"deadlines"}),
])
def test_word_forms_cover_regular_and_irregular_inflections(word, forms):
    assert word_forms(word)[0] == word and forms <= set(word_forms(word))


def test_inflect_true_matches_every_content_word_in_its_forms():
    r = rule(phrases=["circle back", "drop the ball"], inflect=True)
    assert flagged(r, "I circled back. She is circling back. They dropped the ball.") == [
        "circled back", "circling back", "dropped the ball"]
    assert flagged(r, "Drop thes ball.") == []  # function words keep their form


def test_tilde_marks_the_one_word_that_inflects():
    r = rule(phrases=["follow~ up on"])
    assert flagged(r, "Following up on the invoice.") == ["Following up on"]
    assert flagged(r, "Follow ups on the invoice.") == []


def test_bar_gives_alternative_words_in_one_place():
    r = rule(phrases=["per my last|previous email~"])
    assert flagged(r, "As per my previous emails, and per my last email.") == ["per my previous emails", "per my last email"]


def test_phrases_match_whole_words_across_line_breaks_and_typographic_apostrophes():
    r = rule(phrases=["don’t worry", "ASAP"])
    assert flagged(r, "Don't\nworry, send it asap.") == ["Don't\nworry", "asap"]
    assert flagged(r, "Wasapi drivers") == []


def test_malformed_phrase_syntax_is_a_validation_error():
    with pytest.raises(RuleInvalid, match="empty alternative"):
        rule(phrases=["per my |previous email"])
    with pytest.raises(RuleInvalid, match="`inflect` applies to `phrases` only"):
        rule(pattern="x", inflect=True)


def test_message_and_replacements_fill_match_and_capture_groups():
    r = rule(pattern=r"\bper my (last|previous) (email|note)\b", message="“{match}” sounds curt.",
             replacements=["as I said in my {1} {2}", "{match}"])
    [issue] = run(CheckRequest(text="Per my last email, no."), RuleSet.of([r])).issues
    assert issue.message == "“Per my last email” sounds curt."
    assert issue.replacements == ("as I said in my last email",)  # the unchanged text is no suggestion


def test_not_in_quotes_skips_quoted_words_only():
    r = rule(phrases=["ASAP"], when={"not_in_quotes": True})
    assert flagged(r, 'Send it ASAP.') == ["ASAP"]
    assert flagged(r, 'He wrote "we need it ASAP" yesterday.') == []
    assert flagged(r, "He wrote \u201cwe need it ASAP\u201d yesterday.") == []
    assert flagged(r, "The word 'ASAP' is banned here.") == []
    assert flagged(r, "Don't say it. Our clients' files need it ASAP.") == ["ASAP"]
    assert flagged(rule(phrases=["ASAP"]), 'He wrote "ASAP".') == ["ASAP"]  # off unless asked


def test_quotation_spans_ignore_apostrophes_and_unclosed_marks():
    text = "It's the team's 'final' word, \"she said\", and an unclosed \" here."
    assert [text[s:e] for s, e in quotation_spans(text)] == ["'final'", '"she said"']
    assert quotation_spans('He said "hello\n\nworld" there.') == []  # a paragraph break ends a quotation


def test_near_requires_the_other_phrase_within_n_words():
    r = rule(phrases=["ASAP"], when={"near": {"phrases": ["please"], "within": 3}})
    assert flagged(r, "Please send it ASAP.") == ["ASAP"]
    assert flagged(r, "ASAP, and please.") == ["ASAP"]  # after counts too
    assert flagged(r, "Please, when you have a moment, send it ASAP.") == []
    assert flagged(r, "Send it ASAP.") == []


def test_not_near_drops_matches_close_to_the_phrase():
    r = rule(phrases=["sorry"], when={"not_near": {"pattern": r"\bfor your loss\b", "within": 2}})
    assert flagged(r, "Sorry for the delay.") == ["Sorry"]
    assert flagged(r, "I am so sorry for your loss.") == []


def test_conditions_combine_with_question_and_sentence_start():
    r = rule(phrases=["why"], when={"question": True, "sentence_start": True, "not_in_quotes": True})
    assert flagged(r, "Why is it late? I asked why. 'Why not?' she said.") == ["Why"]


def test_near_and_quotes_are_not_allowed_on_python_checks():
    from tact.checks.registry import PYTHON_CHECKS

    with pytest.raises(RuleInvalid, match="apply to `pattern`/`phrases` rules"):
        rule(check=next(iter(PYTHON_CHECKS)), when={"not_in_quotes": True})


from hypothesis import given, settings, strategies as st  # noqa: E402

QUOTEY = st.text(alphabet=st.sampled_from(list("ab '\"\n.“”‘’-(")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(QUOTEY)
def test_quotation_spans_are_in_bounds_and_start_and_end_on_a_mark(text):
    for start, end in quotation_spans(text):
        assert 0 <= start < end <= len(text)
        assert text[start] == text[end - 1] and text[start] in "\"'"
        assert "\n\n" not in text[start:end].replace(" ", "")


CONDITIONED = RuleSet.of([
    rule(id="t.quotes", phrases=["a b", "b~"], when={"not_in_quotes": True}),
    rule(id="t.near", pattern=r"\ba\b", when={"near": {"phrases": ["b"], "within": 1}}),
    rule(id="t.far", pattern=r"b+", when={"not_near": {"pattern": "a", "within": 0}}),
])


@settings(max_examples=300, deadline=None)
@given(QUOTEY)
def test_conditioned_rules_never_crash_and_select_what_they_report(text):
    for issue in run(CheckRequest(text=text), CONDITIONED).issues:
        assert text[issue.offset:issue.offset + issue.length] == issue.text


def _quotation_spans_by_regex(text: str) -> list[tuple[int, int]]:
    """The earlier quotation_spans, walking every mark with a Python regex: the reference the
    str.find version must agree with."""
    from tact.rules.conditions import _OPENS_AFTER, MAX_QUOTATION_CHARS

    spans, double, single = [], None, None
    for mark in re.finditer(r"[\"']|\n[ \t]*\n", text):
        i = mark.start()
        if text[i] == "\n":
            double = single = None
        elif text[i] == '"':
            if double is not None and i - double <= MAX_QUOTATION_CHARS:
                spans.append((double, i + 1))
            double = i if double is None else None
        else:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if single is None:
                if (before.isspace() or before in _OPENS_AFTER) and not after.isspace():
                    single = i
            elif not before.isspace() and not after.isalnum():
                if i - single <= MAX_QUOTATION_CHARS:
                    spans.append((single, i + 1))
                single = None
    return sorted(spans)


def test_quotation_spans_agree_with_the_regex_walk_they_replace():
    import random

    pieces = list("\"' \n\t\rab.(-") + ["don't", "\n\n", "\n \t\n", "é", "x" * 650]
    rnd = random.Random(13)
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        assert quotation_spans(text) == _quotation_spans_by_regex(text)


def test_tone_findings_in_one_sentence_or_neighbouring_ones_fold_into_one_issue_whose_replacement_keeps_the_rest():
    strong = rule(id="t.strong", category="condescension", severity="warning", pattern=r"obviously",
                  replacements=["clearly enough"])
    weak = rule(id="t.weak", category="condescension", severity="suggestion", pattern=r"as I said")
    style = [rule(id=f"t.style{k}", pattern=word) for k, word in enumerate(("obviously", "as I said"))]
    text = "Obviously the form goes to HR, as I said. As I said, Tuesday works. The rest is fine. As I said, bye."
    issues = run(CheckRequest(text=text), RuleSet.of([strong, weak, *style])).issues
    tone = [(i.rule, i.text, i.replacements) for i in issues if i.category == "condescension"]
    assert tone == [
        # the next sentence is the same passage; one sentence further on is a problem of its own
        ("t.strong", "Obviously the form goes to HR, as I said. As I said",
         ("clearly enough the form goes to HR, as I said. As I said",)),
        ("t.weak", "As I said", ()),
    ]
    # A category of a team's own is not judged by the sentence: its findings stay apart.
    assert sorted(i.text for i in issues if i.category == "style") == ["As I said", "As I said", "Obviously", "as I said"]


def test_a_folded_passage_replacement_applies_every_member_fix_and_questions_stay_apart():
    strong = rule(id="t.strong", category="blame-shifting", severity="warning", pattern=r"mistakes were made",
                  replacements=["I made a mistake"])
    weak = rule(id="t.weak", category="blame-shifting", severity="suggestion", pattern=r"nobody told us",
                replacements=["we should have asked"])
    ask = rule(id="t.ask", category="accusatory-question", pattern=r"why \w+ you",
               replacements=["could you tell me"])
    text = "Mistakes were made. But nobody told us. Why did you wait? Why did you go?"
    issues = run(CheckRequest(text=text), RuleSet.of([strong, weak, ask])).issues
    assert [(i.rule, i.text, i.replacements) for i in issues] == [
        ("t.strong", "Mistakes were made. But nobody told us", ("I made a mistake. But we should have asked",)),
        ("t.ask", "Why did you", ("could you tell me",)),
        ("t.ask", "Why did you", ("could you tell me",)),
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="\n \t\ra\"'", max_size=40))
def test_paragraph_breaks_are_line_breaks_before_a_blank_line(text):
    from tact.rules.conditions import _paragraph_breaks
    expected = [i for i, c in enumerate(text) if c == "\n" and text[i + 1:].lstrip(" \t").startswith("\n")]
    assert _paragraph_breaks(text) == expected


def test_words_are_counted_where_a_scan_from_the_start_finds_them():
    """`near`'s word count between two places: the word starts a scan of the whole text with
    `\\w+(?:'\\w+)*` finds, counted in the window only."""
    import random
    import re

    from tact.rules.conditions import DraftFacts
    from tact.text.draft import build_draft

    rnd, word = random.Random(3), re.compile(r"\w+(?:'\w+)*")
    for _ in range(3000):
        text = "".join(rnd.choice(["a", "b1", "'", "''", " ", "-", "é", "_", "\u0663", "x'y", "\n", "."])
                       for _ in range(rnd.randint(0, 16)))
        facts = DraftFacts(build_draft(text=text))
        folded = facts.draft.folded
        starts = [m.start() for m in word.finditer(folded)]
        left = rnd.randint(0, len(folded))
        right = rnd.randint(left, len(folded))
        count = sum(left <= s < right for s in starts)
        for most in range(4):
            assert facts.words_at_most(left, right, most) == (count <= most)


def test_a_pattern_captures_only_when_the_rule_names_a_group():
    """A rule whose text names no `{1}` matches with a non-capturing regex (RE2 finds its spans with
    DFAs alone); one that names a group still fills it."""
    plain = rule(pattern=r"\b(foo|bar)\b")
    named = rule(pattern=r"\b(foo|bar)\b", message="Avoid “{1}”.")
    assert plain.regex.groups == 0 and named.regex.groups == 1
    assert flagged(plain, "a foo b") == flagged(named, "a foo b") == ["foo"]
    assert run(CheckRequest(text="a bar b"), RuleSet.of([named])).issues[0].message == "Avoid “bar”."
