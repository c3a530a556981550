from tact.checks.readability import reading_grade, word_count


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
