"""The rule set's prefilter: pattern rules split over a few RE2 sets, with the same answer as one."""
from tact.rules.ruleset import BUILTIN_RULES, RuleSet, load_rules
from tact.text.draft import build_draft

TEXTS = [
    "Why didn't you send the report? As I already explained, it's simple.",
    "Sorry for the delay, but your team never sent the figures. I'll get back to you soon.",
    "Thanks for the update. The meeting is at 3pm on Tuesday.",
    "",
    "Obviously nobody read my last email. With all due respect, calm down.",
]


def test_every_pattern_rule_is_in_exactly_one_set():
    ruleset = RuleSet.of(load_rules([BUILTIN_RULES]))
    assert len(ruleset._sets) > 1
    indices = sorted(i for _, members, _ in ruleset._sets for i in members)
    assert indices == list(range(len(ruleset._pattern_rules)))


def test_candidates_are_the_rules_whose_pattern_matches_the_new_text():
    ruleset = RuleSet.of(load_rules([BUILTIN_RULES]))
    for text in TEXTS:
        draft = build_draft(text=text)
        expected = [i for i, rule in enumerate(ruleset._pattern_rules) if rule.regex.search(draft.new_text)]
        assert set(expected) <= set(ruleset.candidates(draft))
    assert any(ruleset.candidates(build_draft(text=t)) for t in TEXTS)


def test_prefilter_patterns_widen_counted_repeats_and_nothing_else():
    from tact.rules.ruleset import prefilter_pattern

    assert prefilter_pattern(r"\bso\b[^.;!?\n]{0,160}?\s+(?:\w+\s+){1,3}done{2}") == r"\bso\b[^.;!?\n]{0,}?\s+(?:\w+\s+){1,}done{2}"
    for kept in (r"[{0,2}]x", r"[]{0,2}]", r"[^]{1,2}]", r"[[:alpha:]{1,2}]", r"\{0,2\}", r"a\Q{0,2}\E", r"x{3}", r"x{2,}"):
        assert prefilter_pattern(kept) == kept


def test_every_builtin_prefilter_pattern_compiles_and_still_finds_every_rule_that_matches():
    """Widened patterns match a superset of texts, so the prefilter may name an extra rule (its own
    regex then finds nothing) but never misses one: checked on every rule's examples."""
    import re2

    from tact.rules.ruleset import prefilter_pattern

    rules = load_rules([BUILTIN_RULES])
    ruleset = RuleSet.of(rules)
    texts = [e.text for r in rules for e in (*r.flag, *r.passes) if e.text]
    extra = 0
    for text in texts:
        draft = build_draft(text=text)
        expected = [i for i, rule in enumerate(ruleset._pattern_rules) if rule.regex.search(draft.new_text)]
        found = ruleset.candidates(draft)
        assert set(expected) <= set(found)
        extra += len(found) - len(expected)
    assert extra <= len(texts) // 100  # widening almost never names a rule that cannot match
    for rule in ruleset._pattern_rules:
        re2.compile(prefilter_pattern(rule.pattern_source))


# Characters the Latin-1 sets read differently from UTF-8 ones: dashes and emoji (caseless, above
# U+00FF), Latin-1 letters, letters beyond Latin-1, C1 controls, and those RE2's case folding ties to
# ASCII (K is k, ſ is s) or to Latin-1 letters (µ, ß, ÿ, Å).
_ODD = ["\u2014", "\u2013", "\U0001f644", "\u00e9", "\u00c9", "\u0142", "\u4e2d", "\x82", "\x80", "\u212a", "\u017f",
        "\u0130", "\u0131", "\u00b5", "\u03bc", "\u00df", "\u1e9e", "\u00ff", "\u0178", "\u00c5", "\u212b", "\u00a3", " "]


def _with_odd_characters(texts: list[str], seed: int = 7) -> list[str]:
    import random

    rnd = random.Random(seed)
    out = []
    for text in texts:
        chars = list(text)
        for _ in range(rnd.randint(1, 4)):
            chars.insert(rnd.randint(0, len(chars)), rnd.choice(_ODD))
        if chars and rnd.random() < 0.3:  # a letter of a rule's word swapped for one that folds to it
            i = rnd.randrange(len(chars))
            chars[i] = {"k": "\u212a", "s": "\u017f", "K": "\u212a", "S": "\u017f"}.get(chars[i], chars[i])
        out.append("".join(chars))
    return out


def test_latin1_sets_name_every_rule_and_trigger_the_rules_own_regexes_match():
    """The sets scan Latin-1 bytes (characters above U+00FF as C1 codes or a placeholder, a text with
    a character that folds into ASCII through the UTF-8 twins): on every example, and on the examples
    with odd characters put in, the candidates hold every rule whose own regex matches and the
    fired triggers every trigger that matches."""
    from tact.rules.rule import compile_pattern

    rules = load_rules([BUILTIN_RULES])
    ruleset = RuleSet.of(rules)
    assert any(twin is not None for twin in ruleset._twins), "the built-in library scans Latin-1"
    triggers = {i: compile_pattern(rule.trigger) for i, rule in enumerate(rules) if rule.check and rule.trigger}
    examples = [e.text for r in rules for e in (*r.flag, *r.passes) if e.text]
    twin_path = 0
    for text in examples + _with_odd_characters(examples):
        draft = build_draft(text=text)
        if not draft.new_ranges:
            continue
        new = draft.new_text
        twin_path += ruleset._latin1(new) is None
        matching = {i for i, rule in enumerate(ruleset._pattern_rules)
                    if any(True for s, e in draft.new_ranges for _ in rule.regex.finditer(draft.folded, s, e))}
        assert matching <= set(ruleset.candidates(draft)), text
        fired = ruleset._scan(draft)[1]
        assert {i for i, trigger in triggers.items() if trigger.search(new)} <= fired, text
    assert twin_path > 50  # the UTF-8 twins were used


def test_a_pattern_reads_in_latin1_with_its_dashes_as_c1_codes():
    from tact.rules.ruleset import _latin1_source

    codes: dict = {}
    assert _latin1_source(r"\bso\s*[\x{2014}\x{2013}-]\s*\u00e9t\u00e9", codes) is not None
    assert _latin1_source("a \u2014 b", codes) == b"a \\x81 b" and codes == {"\u2014": "\x81", "\u2013": "\x82"}
    assert _latin1_source("caf\u00e9", codes) == "caf\u00e9".encode("latin-1")
    for unready in (r"\pL+", r"\x{0142}", "Stra\u00dfe", "\u03bc", r"\Qa\E", r"[^\x80-\xff]", "\u0142"):
        assert _latin1_source(unready, codes) is None, unready


def test_a_text_reads_in_latin1_one_byte_per_character():
    from tact.rules.rule import build_rule

    raw = {"id": "t.dash", "category": "condescension", "message": "m", "pattern": "\\bfine\\s*\u2014\\s*whatever\\b"}
    ruleset = RuleSet.of([build_rule(raw, "pack.yaml", require_examples=False)])
    assert ruleset._latin1("fine \u2014 whatever, caf\u00e9 \u4e2d \x82") == b"fine \x81 whatever, caf\xe9 \x80 \x80"
    assert ruleset._latin1("\u212aeep it") is None  # K folds to k: the UTF-8 twin scans it
    assert ruleset.candidates(build_draft(text="Fine \u2014 whatever you like.")) == [0]
    assert ruleset.candidates(build_draft(text="Fine \u2013 whatever you like.")) == []
    assert ruleset.candidates(build_draft(text="\u212a. Fine \u2014 whatever.")) == [0]


def test_a_text_reads_in_latin1_the_same_through_the_codec_as_character_by_character():
    import random

    from tact.rules.rule import build_rule

    raw = {"id": "t.dash", "category": "condescension", "message": "m", "pattern": "a\\s*[\u2014\u2013]\\s*b"}
    ruleset = RuleSet.of([build_rule(raw, "pack.yaml", require_examples=False)])
    alphabet = ["a", "K", " ", "\n", "\u00e9", "\u00ff", "\u00a3", "\x80", "\x85", "\x9f", "\u2014", "\u2013", "\u4e2d",
                "\U0001F389", "\u0130", "\u0131", "\u017f", "\u212a", "\u0100", "\ud800"]
    randomly = random.Random(6)
    for _ in range(5000):
        text = "".join(randomly.choice(alphabet) for _ in range(randomly.randint(1, 10)))
        utf8 = text.encode("utf-8", "surrogatepass")
        assert ruleset._latin1(text, utf8) == ruleset._latin1_by_character(text), repr(text)
    assert ruleset._latin1("a \u2014 \u00e9 \U0001F389") == b"a \x81 \xe9 \x80"
    assert ruleset._latin1("\u2014 \u212a") is None and ruleset._latin1("\u2014 \x85") == b"\x81 \x80"


def test_fill_replaces_known_placeholders_and_keeps_the_rest():
    """`fill` as the one regex substitution it replaces: known `{name}`s filled, others left as written."""
    import random
    import re

    from tact.rules.ruleset import fill

    placeholder = re.compile(r"\{(\w+)\}")
    rnd = random.Random(2)
    pieces = ["{match}", "{1}", "{x}", "{", "}", "a", " ", "{{1}}", "{a b}", "{}", "é", "{2}"]
    values = {"match": "M{1}", "1": 7, "x": ""}
    for _ in range(5000):
        template = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        expected = placeholder.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)
        assert fill(template, values) == expected
