"""The learned tone signal: model files (loading, errors), scoring, offsets, quotations, replacements,
and the shipped models' rules (their examples, their size and provenance)."""
import json
import math

import pytest

from tact.checks import learned
from tact.engine import CheckRequest, run
from tact.rules.examples import example_results
from tact.rules.loader import PackError
from tact.rules.ruleset import BUILTIN_RULES, RuleSet, load_rules

RULE = """rules:
  - id: test.learned
    category: condescension
    severity: suggestion
    check: learned
    options: {{model: {model}}}
    message: "This sentence may read as talking down to the reader."
    replacements: ["[Your point, stated once.]"]
    examples:
      flag: ["Let me explain it slowly."]
      pass: ["The invoice is attached."]
"""
# Several cue words make a sentence pass a threshold of 0.9 (logit 2.2): "slowly" alone does not.
TOY = {"category": "condescension", "threshold": 0.9, "bias": -3.0,
       "weights": {"slowly": 3.0, "explain": 1.0, "qqstartqq let": 0.5, "let me": 1.0, "obviously": 2.5, "invoice": -1.0}}


def pack(tmp_path, model=TOY, name="toy.json", raw=None):
    (tmp_path / "rules.yaml").write_text(RULE.format(model=name), encoding="utf-8")
    if model is not None or raw is not None:
        (tmp_path / name).write_text(raw if raw is not None else json.dumps(model), encoding="utf-8")
    return tmp_path


def ruleset(tmp_path, **kw) -> RuleSet:
    return RuleSet.of(load_rules([pack(tmp_path, **kw)]))


def hits(rules: RuleSet, text: str):
    return run(CheckRequest(text=text), rules).issues


# ---- model files

@pytest.mark.parametrize("raw, reason", [
    (None, "does not exist"),
    ("{not json", "is not valid JSON"),
    ("[]", "expected a JSON object"),
    (json.dumps({**TOY, "weights": {}}), "`weights`"),
    (json.dumps({**TOY, "weights": {"a": "heavy"}}), "`weights`"),
    (json.dumps({**TOY, "bias": None}), "`bias`"),
    (json.dumps({**TOY, "threshold": 1.5}), "`threshold`"),
    (json.dumps({**TOY, "category": 3}), "`category`"),
])
def test_a_missing_or_broken_model_is_a_rule_load_error_naming_the_file(tmp_path, raw, reason):
    with pytest.raises(PackError) as error:
        ruleset(tmp_path, model=None, raw=raw)
    message = str(error.value)
    assert "toy.json" in message and reason in message and "test.learned" in message


@pytest.mark.parametrize("name", ["../toy.json", "/etc/passwd", "toy.txt", "''"])
def test_a_model_outside_the_rule_directory_or_not_json_is_refused(tmp_path, name):
    (tmp_path / "pack").mkdir()
    (tmp_path / "toy.json").write_text(json.dumps(TOY))
    with pytest.raises(PackError, match="options"):
        ruleset(tmp_path / "pack", model=None, name=name)


def test_a_rule_without_a_model_on_disk_never_crashes_a_check(tmp_path):
    rules = ruleset(tmp_path)
    (tmp_path / "toy.json").unlink()
    learned._MODELS.clear()  # as if the rule had been built without loading its model
    assert hits(rules, "Let me explain it slowly.") == []


def test_the_model_is_read_when_the_rules_load_not_per_draft(tmp_path):
    rules = ruleset(tmp_path)
    (tmp_path / "toy.json").write_text("{broken")
    assert [i.rule for i in hits(rules, "Let me explain it slowly.")] == ["test.learned"]


# ---- scoring

def test_features_are_case_folded_words_bigrams_sentence_start_and_question():
    assert learned.features("Why didn't YOU?", True) == ["why", "didn't", "you", "qqstartqq why", "why didn't", "didn't you", "<q>"]


def test_score_is_the_logit_of_the_features_present(tmp_path):
    model = learned.read_model(pack(tmp_path) / "toy.json")
    assert model.score(learned.features("Let me explain it slowly.", False)) == pytest.approx(-3 + 3 + 1 + 0.5 + 1)
    assert model.logit_threshold == pytest.approx(math.log(9))


def test_each_sentence_is_scored_alone_with_its_quotations_blanked():
    from tact.rules.conditions import quotation_spans
    from tact.text.draft import build_draft

    model = learned.Model("condescension", {"why": 0.5, "qqstartqq why": 1.0, "you": -0.25, "did you": 2.0,
                                            "<q>": 0.75, learned.QUOTE: 0.125, "fine": -1.5}, -1.0, 0.5)
    text = ('Hi Jo,\n\nWhy did you send it? It is fine, you said "why did you" twice. "All quoted."\n'
            "Why? why why\n\nBest,\nAl")
    draft = build_draft(text=text)
    sentences, logits = learned.sentence_logits(draft, model)
    quotes = quotation_spans(draft.folded)
    alone = [model.score(learned.features(learned.sentence_text(draft.folded, s.start, s.end, quotes), s.is_question))
             for s in sentences]
    assert len(sentences) == len(draft.sentences) - 1  # the all-quoted sentence is not scored
    assert logits == pytest.approx(alone)
    assert alone[1] == pytest.approx(-1.0 + 0.5 + 1.0 - 0.25 + 2.0 + 0.75)
    assert alone[2] == pytest.approx(-1.0 - 1.5 - 0.25 + 0.125)  # the quoted "why did you" counts as one QUOTE word


def test_questions_only_scores_the_questions_alone_with_the_same_scores(tmp_path):
    rules = ruleset(tmp_path)
    (tmp_path / "rules.yaml").write_text(RULE.format(model="toy.json").replace(
        "{model: toy.json}", "{model: toy.json, questions_only: true}"), encoding="utf-8")
    questions = RuleSet.of(load_rules([tmp_path]))
    # the invoice line keeps the two flagged sentences apart (neighbours would be one passage)
    text = 'Let me explain it slowly. The invoice is attached. Let me explain it slowly, shall I? "Let me explain it slowly?"'
    assert [i.text for i in hits(rules, text)] == ["Let me explain it slowly.", "Let me explain it slowly, shall I?"]
    assert [i.text for i in hits(questions, text)] == ["Let me explain it slowly, shall I?"]


def test_questions_only_must_be_true_or_false(tmp_path):
    (tmp_path / "toy.json").write_text(json.dumps(TOY))
    (tmp_path / "rules.yaml").write_text(RULE.format(model="toy.json").replace(
        "{model: toy.json}", "{model: toy.json, questions_only: 1}"), encoding="utf-8")
    with pytest.raises(PackError, match="questions_only"):
        load_rules([tmp_path])


def test_a_hit_covers_its_sentence_inside_the_draft(tmp_path):
    rules = ruleset(tmp_path)
    text = "Hi Ana,\n\nThe invoice is attached. Let me explain it slowly, step by step. Thanks!\n\nBen"
    issues = hits(rules, text)
    assert len(issues) == 1
    sentence = "Let me explain it slowly, step by step."
    assert issues[0].offset == text.index(sentence) and issues[0].text == sentence
    assert issues[0].severity == "suggestion"


def test_words_inside_quotation_marks_do_not_count(tmp_path):
    rules = ruleset(tmp_path)
    assert hits(rules, 'Their note said "let me explain it slowly" and I agree.') == []
    assert hits(rules, '"Let me explain it slowly."') == []
    assert learned.sentence_text('a "b c" d', 0, 9, [(2, 7)]) == f"a  {learned.QUOTE}  d"


def test_quoted_thread_and_signature_are_not_scored(tmp_path):
    rules = ruleset(tmp_path)
    text = "Thanks, see below.\n\nOn Mon, Ana wrote:\n> Let me explain it slowly, obviously.\n"
    assert hits(rules, text) == []


def test_replacement_drops_the_cue_words_only_when_that_clears_the_sentence(tmp_path):
    rules = ruleset(tmp_path)
    # Without "obviously" (logit 2.5 + 3 - 3 + 0.5 = 3.0 -> 0.5) the sentence passes the model.
    cleared = hits(rules, "Obviously, the fee goes up slowly.")[0]
    assert cleared.replacements[0] == "The fee goes up slowly."
    assert cleared.replacements[-1] == "[Your point, stated once.]"
    # Removing "just" (no weight) changes nothing the model counts: only the template is offered.
    kept = hits(rules, "Let me just explain it slowly.")[0]
    assert kept.replacements == ("[Your point, stated once.]",)


# ---- the shipped models

def shipped():
    return [r for r in load_rules([BUILTIN_RULES]) if r.check == "learned"]


def test_each_shipped_learned_rule_is_a_suggestion_with_its_examples_passing():
    rules = shipped()
    assert rules, "no learned rule is shipped"
    for rule in rules:
        assert rule.severity == "suggestion" and rule.replacements
        assert len(rule.flag) >= 5 and len(rule.passes) >= 5
        failures = [str(r) for r in example_results(rule) if not r.passed]
        assert not failures, failures


def test_shipped_models_are_small_with_provenance():
    for rule in shipped():
        path = BUILTIN_RULES / rule.options["model"]
        raw = json.loads(path.read_text())
        assert raw["category"] == rule.category
        assert len(raw["weights"]) <= 5000 and path.stat().st_size < 200_000
        assert {"trained", "data", "validation"} <= set(raw["provenance"])
        assert not any("dev.jsonl" in d["file"] or "external" in d["file"] or "private" in d["file"]
                       for d in raw["provenance"]["data"])


def test_a_length_normalized_model_divides_the_weights_by_the_root_of_the_feature_count(tmp_path):
    model = learned.read_model(pack(tmp_path, model={**TOY, "length_normalized": True}) / "toy.json")
    feats = learned.features("Let me explain it slowly.", False)  # 5 words + 5 bigrams
    assert len(feats) == 10
    assert model.score(feats) == pytest.approx(-3 + (3 + 1 + 0.5 + 1) / math.sqrt(10))


def test_length_normalized_must_be_true_or_false(tmp_path):
    with pytest.raises(PackError, match="length_normalized"):
        ruleset(tmp_path, model={**TOY, "length_normalized": "yes"})


def test_sentence_features_are_computed_once_per_draft_for_every_model():
    from tact.text.draft import build_draft

    draft = build_draft(text='Why did you send it? "Quoted." It is fine, you know.')
    one = learned.Model("condescension", {"fine": 1.0, "you know": 0.5}, -0.25, 0.5)
    two = learned.Model("blame-shifting", {"why": 1.0, "fine": -2.0}, 0.5, 0.5, length_normalized=True)
    sentences, logits = learned.sentence_logits(draft, one)
    memo = draft.memo("tact.checks.learned.words", lambda _: None)
    assert [s.text for s in sentences] == ["Why did you send it?", "It is fine, you know."]  # all-quoted one skipped
    assert learned.sentence_logits(draft, two)[0] == sentences
    assert draft.memo("tact.checks.learned.words", lambda _: None) is memo  # the second model reused it
    for model in (one, two):
        alone = [model.score(learned.features(s.text, s.is_question)) for s in sentences]
        assert learned.sentence_logits(draft, model)[1] == pytest.approx(alone, abs=1e-12)
    questions = learned.sentence_logits(draft, two, questions_only=True)
    assert [s.text for s in questions[0]] == ["Why did you send it?"]
    assert questions[1] == [two.score(learned.features("Why did you send it?", True))]


@pytest.mark.parametrize("text", [
    "Café’s menu — naïve? Don't worry: it's FINE.\n\nNew line 2nd try!! 😀 ok",
    "He wrote qqstartqq here. Then 'quoted words' and \"more\" here? Yes.",
    "Line one without a stop\nline two, wrapped\n\nΑλφα beta. Done",
])
def test_each_sentences_tokens_are_its_text_tokenized(text):
    """The draft is mapped once and each sentence's tokens split from its slice (no quotation) or its
    blanked text (quotation): the same tokens as `tokenize` of what the model scores."""
    from tact.rules.conditions import quotation_spans
    from tact.text.draft import build_draft

    draft = build_draft(text=text)
    words = learned._draft_words(draft)
    quotes = quotation_spans(draft.folded)
    texts = [(s, learned.sentence_text(draft.folded, s.start, s.end, quotes)) for s in draft.sentences]
    assert words.sentences == [s for s, t in texts if t is not None]
    assert words.tokens == [learned.tokenize(t) for _, t in texts if t is not None]


# ---- ordinary email (tests/data/clean): fine mail the learned rules must leave alone

CLEAN_MAIL = sorted((BUILTIN_RULES.parent / "tests" / "data" / "clean").glob("*.jsonl"))


def _clean_mail():
    for path in CLEAN_MAIL:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield path.name, json.loads(line)


def test_the_clean_mail_files_are_ordinary_email_in_the_eval_schema():
    items = list(_clean_mail())
    assert len(CLEAN_MAIL) >= 2 and len(items) >= 300
    assert all(item["expect"] == [] and item["text"].strip() and item["id"] for _, item in items)
    assert len({item["id"] for _, item in items}) == len(items)


def test_the_learned_rules_flag_almost_no_ordinary_email():
    """At most one ordinary email in 500 (2 of 1,950 in session 19: "As you know better than anyone, …" and "not
    sure the paragraph … is clear enough for a non-lawyer", both scored just above condescension's threshold)."""
    rules = RuleSet.of(shipped())
    items = list(_clean_mail())
    flagged = [(name, item["id"], [i.text for i in hits(rules, item["text"])]) for name, item in items]
    assert len([f for f in flagged if f[2]]) <= len(items) / 500, [f for f in flagged if f[2]]


def test_the_whole_library_flags_at_most_three_percent_of_ordinary_email():
    rules = RuleSet.of(load_rules([BUILTIN_RULES]))
    graded = {"condescension", "accusatory-question", "blame-shifting", "vague-commitment", "apology"}
    items = list(_clean_mail())
    flagged = [item["id"] for _, item in items if any(i.category in graded for i in hits(rules, item["text"]))]
    assert len(flagged) <= 0.03 * len(items), flagged


# ---- gated models and word classes

def test_a_gated_model_scores_only_sentences_holding_a_gate_word_with_the_same_score():
    from tact.text.draft import build_draft

    weights = {"simple": 2.0, "you": 0.5, "it": 0.25, "qqstartqq it": 0.5, "@ease": 1.0}
    gated = learned.Model("condescension", weights, -1.0, 0.5, gate=frozenset({"simple"}))
    draft = build_draft(text="It is simple, you see. It is late. You know it. So simple!")
    sentences, logits = learned.sentence_logits(draft, gated)
    assert [s.text for s in sentences] == ["It is simple, you see.", "So simple!"]
    full = learned.Model("condescension", weights, -1.0, 0.5)
    every = dict(zip(*(map(lambda s: s.text, learned.sentence_logits(draft, full)[0]),
                       learned.sentence_logits(draft, full)[1])))
    assert logits == pytest.approx([every[s.text] for s in sentences])


def test_class_features_name_the_classes_present_and_their_pairs_and_imperatives_only_at_the_start():
    classes = {"you": "reader", "simple": "ease", "again": "repeat", "read": "^cmd"}
    assert learned.class_features(["it", "is", "simple"], classes) == ["@ease"]
    assert learned.class_features(["you", "can", "read", "it", "again"], classes) == ["@reader", "@repeat", "@reader&repeat"]
    assert learned.class_features(["please", "read", "it"], classes) == ["@^cmd"]
    model = learned.Model("condescension", {"@ease": 1.0, "@ease&reader": 2.0}, -1.0, 0.5, True, classes=classes)
    assert model.score(model.features("Simple for you.", False)) == pytest.approx(-1.0 + 3.0 / math.sqrt(9))


@pytest.mark.parametrize("tokens, said", [
    ("surely you should know this", ["@reader>hard"]),  # "know" two words after "you": said of the reader
    ("you of all people found it simple", []),  # "simple" five words on: not within NEAR
    ("let me know if you need it", []),  # "know" before the reader: ordinary
    ("your simple question and you again", ["@reader>ease", "@reader>repeat"]),
    ("you you you", []),  # the reader class itself is not said of the reader
    ("you can read it", []),  # an imperative class ("^cmd") counts at the start only
])
def test_class_features_name_the_classes_said_of_the_reader_within_a_few_words(tokens, said):
    classes = {"you": "reader", "your": "reader", "simple": "ease", "again": "repeat", "know": "hard",
               "read": "^cmd", "surely": "hedge"}
    features = learned.class_features(tokens.split(), classes)
    assert [f for f in features if ">" in f] == said
    assert [f for f in features if ">" not in f] == learned._class_names(frozenset(
        c for c in map(classes.get, tokens.split()) if c and c[0] != "^"))


def test_a_model_with_classes_is_scored_per_sentence_with_its_class_features(tmp_path):
    toy = {**TOY, "weights": {"@ease&reader": 6.0, "invoice": -1.0}, "classes": {"reader": ["you"], "ease": ["simple"]}}
    rules = ruleset(tmp_path, model=toy)
    assert [i.text for i in hits(rules, "The invoice is attached. It is simple for you. It is simple.")] == [
        "It is simple for you."]


@pytest.mark.parametrize("key, value, reason", [
    ("gate", [], "`gate`"), ("gate", "simple", "`gate`"), ("gate", [""], "`gate`"),
    ("classes", ["you"], "`classes`"), ("classes", {"reader": "you"}, "`classes`"),
])
def test_a_broken_gate_or_classes_is_a_rule_load_error(tmp_path, key, value, reason):
    with pytest.raises(PackError, match=reason):
        ruleset(tmp_path, model={**TOY, key: value})


@pytest.mark.parametrize("text, expected", [
    ("plain text, it's fine", False), ('a "quote"', True), ("'start", True), ("it's (‘no’) 'x'", True),
    ("said 'this' twice", True), ("a-'b", True), ("don't won't can't", False), ("", False),
])
def test_may_quote_agrees_with_the_opener_search(text, expected):
    assert learned._may_quote(text) is expected
    assert learned._may_quote(text) == ('"' in text or text.startswith("'")
                                        or any(c + "'" in text for c in learned._SINGLE_OPENERS))


def test_a_gated_or_class_model_scores_each_sentence_as_model_score_does():
    from tact.text.draft import build_draft

    classes = {"you": "reader", "simple": "ease", "again": "repeat", "read": "^cmd", "not": "neg"}
    weights = {"simple": 1.5, "you": 0.5, "qqstartqq read": 1.0, "read it": 0.25, "<q>": 0.75, "@ease": 1.0,
               "@reader&repeat": 2.0, "@^cmd": 0.5, "@neg&reader": -1.0}
    model = learned.Model("condescension", weights, -2.0, 0.5, True, frozenset({"simple", "again", "read"}), classes)
    draft = build_draft(text="Read it again, it is simple. Is it not simple for you? Thanks. You read it again?")
    sentences, logits = learned.sentence_logits(draft, model)
    assert [s.text for s in sentences] == ["Read it again, it is simple.", "Is it not simple for you?", "You read it again?"]
    assert logits == pytest.approx([model.score(model.features(s.text, s.is_question)) for s in sentences], abs=1e-12)
