"""Grovelling in a pile: one passage, counted by phrase, with a calm rewrite (checks/groveling.py)."""
from tact.checks.groveling import _SENTENCE_WRAP, _phrase


def test_the_cluster_counts_phrases_not_the_sentences_their_rules_flag(check):
    """The single-phrase rules flag whole sentences; three phrases in one sentence are still three."""
    text = "I'm so, so sorry about the venue, I feel awful and I hope you can forgive me."
    issue, = check(text=text, rules=["apology.grovel-cluster"]).issues
    assert issue.text == text.rstrip() and "3 ways" in issue.message


def test_a_wrapped_phrase_pattern_is_unwrapped_and_others_are_left_alone():
    head, tail = _SENTENCE_WRAP
    assert _phrase(head + r"\bmortified\b" + tail) == r"\bmortified\b"
    assert _phrase(r"\bmortified\b") == r"\bmortified\b"


def test_the_rewrite_drops_a_dangling_intensifier(check):
    text = "We are deeply, truly sorry. We would understand if you took your business elsewhere."
    issue, = check(text=text, rules=["apology.grovel-cluster"]).issues
    assert issue.replacements == ("I'm sorry.",)


def test_the_rewrite_keeps_what_the_passage_says_besides_grovelling(check):
    text = "I am mortified. Truly. Please forgive me for the wrong address. The parcel went out again at 9am today."
    issue, = check(text=text, rules=["apology.grovel-cluster"]).issues
    assert issue.replacements and issue.replacements[0].startswith("I'm sorry.")
