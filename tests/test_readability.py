from hypothesis import given, settings
from hypothesis import strategies as st

from tact.checks.readability import draft_grade, draft_words, reading_grade, word_count
from tact.text.draft import build_draft


def test_reading_grade_is_higher_for_dense_text():
    plain = "We sent the file. Please check it today."
    dense = ("Comprehensive organizational restructuring necessitates interdepartmental "
             "coordination and institutional accountability.")
    assert reading_grade(dense) > reading_grade(plain) + 5


def test_text_without_words_has_grade_zero():
    assert reading_grade("😀 … —") == 0.0
    assert word_count("😀 … —") == 0


def test_a_giant_run_without_spaces_counts_as_one_ordinary_long_word():
    # Syllable counting on a 100,000-letter "word" took seconds; it is cut to 40 letters first.
    assert reading_grade("a" * 100_000) == reading_grade("a" * 40)


def test_long_sentence_and_stats_through_the_engine(check):
    long = "Hi. Thanks. Got it. Sure. We " + "really " * 40 + "need the numbers."
    result = check(text=long)
    assert [i.text[:9] for i in result.issues if i.rule == "readability.long-sentence"] == ["We really"]
    assert result.stats["sentences"] == 5 and result.stats["words"] == 49


EMAIL_BITS = ["Hi Dana,", "\n", "\n\n", " ", "Thanks.", "e.g. the file", "don't", "We’ll", "3.5%", "x. y. ", "…",
              "Mr. Smith", "—", "😀", "'quoted'", "(see above)", "line\nwrapped", "\n> quoted\n", "-- \nBob", "İ", "\u212a"]
email_text = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(EMAIL_BITS)), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(email_text)
def test_per_sentence_counts_agree_with_counting_the_whole_new_text(text):
    # The stats and rules add up per-sentence counts; that must equal counting the joined new text.
    draft = build_draft(text=text)
    assert draft_words(draft) == word_count(draft.new_text)
    assert draft_grade(draft) == reading_grade(draft.new_text, len(draft.sentences))


def test_syllables_are_textstats_for_every_word_of_the_eval_sets_and_odd_words():
    import json
    from pathlib import Path

    import pytest
    import textstat

    from tact.checks.readability import _WORD, _textstat_syllables

    eval_dir = Path(__file__).resolve().parents[2] / "shared" / "eval"
    if not eval_dir.is_dir():
        pytest.skip("the shared eval sets are not next to this checkout")
    words = {"a", "i", "rhythm", "queueing", "naïve", "don't", "o'clock", "well-known", "x2", "2pm", "co-op",
             "zzzzzz", "mcdonald's", "abc_def", "über", "strengths"}
    for path in eval_dir.rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.update(w.lower() for w in _WORD.findall(json.loads(line).get("text") or ""))
    assert len(words) > 20000
    assert [w for w in sorted(words) if _textstat_syllables(w) != textstat.syllable_count(w)] == []


def test_hyphenation_points_are_pyphens_own():
    # The trie walk counts exactly the points textstat's hyphenator finds, for real words and for
    # letter soup (which reaches the long patterns and both margins).
    import random

    from tact.checks.readability import _dictionaries, _hyphen_points
    cmu, hyphenator = _dictionaries()
    rnd = random.Random(7)
    words = [w for w in list(cmu)[::40] if w.isascii() and w.isalpha() and w.islower()]
    words += ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(1, 40))) for _ in range(3000)]
    words += ["".join(rnd.choice("aeiouy") for _ in range(rnd.randint(1, 12))) for _ in range(1000)]
    assert [_hyphen_points(w) for w in words] == [len(hyphenator.positions(w)) for w in words]


def test_syllables_of_any_word_are_textstats_own():
    # Words with apostrophes, digits, hyphens or non-ASCII letters go through textstat's tokenizer and
    # dictionary as textstat.syllable_count does; their ASCII pieces are hyphenated by the trie walk.
    import random

    import textstat

    from tact.checks.readability import _textstat_syllables
    rnd = random.Random(11)
    alphabet = list("abcdefghijklmnopqrstuvwxyz'’-_0123456789éüßİ") + ["n't", "'s", "'ll", "-mail"]
    words = ["don't", "we'll", "e-mail", "q3", "o'clock", "naïve", "İstanbul", "xyzzy's", "co-operate", "'tis"]
    words += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 8))) for _ in range(3000)]
    assert [_textstat_syllables(w) for w in words] == [textstat.syllable_count(w) for w in words]
