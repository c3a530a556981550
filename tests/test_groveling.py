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


# Session 8: a pile of apology and remorse is one finding, whichever sentence of it a check starts from.
def _apology_issues(check, text):
    return [i for i in check(text=text).issues if i.category == "apology"]


def test_a_plain_apology_beside_the_groveling_joins_the_passage(check):
    text = ("Hi Mr Duval,\n\nHonestly, I feel dreadful. I can't apologise enough. I'm so sorry the tasting menu "
            "came out an hour late.\n\nWarm regards,\nInes")
    issue, = _apology_issues(check, text)
    assert issue.text.startswith("Honestly, I feel dreadful") and issue.text.endswith("an hour late.")


def test_groveling_after_the_repeated_apologies_joins_the_over_apology(check):
    text = ("Sorry about the mislabelled crates. Sorry, I know it's the second time, and sorry for the extra work "
            "at your end. I feel terrible about it.")
    issue, = _apology_issues(check, text)
    assert issue.rule == "apology.over-apology" and issue.text.endswith("I feel terrible about it.")
    assert "terrible" not in issue.replacements[0]


def test_groveling_before_the_repeated_apologies_joins_the_over_apology(check):
    text = ("I am so embarrassed, I hardly know what to say. Pardon me for quoting the wrong tonnage. Pardon me, "
            "please, and sorry again. The right quote is attached.")
    issue, = _apology_issues(check, text)
    assert issue.rule == "apology.over-apology" and issue.text.startswith("I am so embarrassed")
    assert "embarrassed" not in issue.replacements[0]


def test_groveling_far_from_the_apologies_stays_its_own_finding(check):
    text = ("Sorry for the delay. Apologies for the confusion, and sorry for the extra emails. The invoice is attached. "
            "The parts are in the van. The fitter comes on Tuesday at 8am. I feel awful about the whole thing.")
    assert len(_apology_issues(check, text)) == 2


# The whole blame taken for an act the sentence before gave to someone else.
def test_blame_taken_for_the_act_told_before_is_flagged_on_its_own_sentence(check):
    text = "Hi Dana,\n\nThe courier left the parcel at the wrong depot. That's all on me. A new one ships today.\n\nSam"
    issue, = check(text=text, rules=["apology.blame-for-others"]).issues
    assert issue.text == "That's all on me."


def test_blame_for_the_writers_own_act_or_work_ahead_is_not_flagged(check):
    for text in ("I sent the file to the wrong address. That's entirely on me.",
                 "Your team uploaded the new logo. Picking the colours is all on us.",
                 "The courier lost the parcel. It's not all our fault, though.",
                 "The supplier sent the specs. I take full responsibility for the rollout from here."):
        assert not check(text=text, rules=["apology.blame-for-others"]).issues, text
