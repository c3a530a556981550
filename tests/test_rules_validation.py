"""Rule pack validation: every problem names file, line and rule id, so the author can act on it."""
import textwrap
import time

import pytest

from tact.rules.loader import PackError
from tact.rules.ruleset import RuleSet, load_rules
from tact.text.draft import build_draft

GOOD = """\
  - id: acme.no-asap
    category: vague-commitment
    message: "“{match}” sets no date."
    pattern: '\\bASAP\\b'
    examples:
      flag: ["I'll send it ASAP."]
      pass: ["I'll send it by Friday."]
"""


def write(tmp_path, body: str, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def problems(tmp_path, body: str) -> list[str]:
    write(tmp_path, body)
    with pytest.raises(PackError) as error:
        load_rules([tmp_path])
    return [str(p) for p in error.value.problems]


def test_a_valid_pack_loads_with_file_and_line_of_each_rule(tmp_path):
    path = write(tmp_path, "rules:\n" + GOOD)
    [rule] = load_rules([tmp_path])
    assert rule.id == "acme.no-asap" and rule.file == str(path) and rule.line == 2


def test_unknown_key_names_file_line_and_rule(tmp_path):
    [message] = problems(tmp_path, "rules:\n" + GOOD + "    severty: error\n")
    assert message.startswith(f"{tmp_path / 'pack.yaml'}:9: acme.no-asap: unknown key 'severty'")


@pytest.mark.parametrize("line, expected", [
    ("    severity: loud\n", "`severity` must be one of"),
    ("    case_sensitive: 'yes'\n", "`case_sensitive` must be true or false"),
    ("    replacements: by Friday\n", "`replacements` must be a list of strings"),
    ("    when: {question: 1}\n", "condition 'question' must be a true or false"),
    ("    when: {min_count: 0}\n", "'min_count' must be 1 or more"),
    ("    when: {near: {phrases: [please]}}\n", "`within` must be a number of words"),
    ("    when: {near: {phrases: [please], pattern: x, within: 2}}\n", "exactly one of `phrases` or `pattern`"),
    ("    options: [1]\n", "`options` must be a mapping"),
])
def test_wrong_types_are_reported_on_their_line(tmp_path, line, expected):
    [message] = problems(tmp_path, "rules:\n" + GOOD + line)
    assert message.startswith(f"{tmp_path / 'pack.yaml'}:9: acme.no-asap: ") and expected in message


def test_missing_required_keys_are_each_reported(tmp_path):
    found = problems(tmp_path, """\
        rules:
          - id: acme.bare
            pattern: x
        """)
    assert any(": acme.bare: `category` is required" in m for m in found)
    assert any(": acme.bare: `message` is required" in m for m in found)
    assert any(":2: acme.bare: `examples` with at least one `flag` and one `pass`" in m for m in found)


def test_missing_pass_example_is_reported_on_the_examples_line(tmp_path):
    [message] = problems(tmp_path, """\
        rules:
          - id: acme.no-pass
            category: style
            message: m
            pattern: x
            examples:
              flag: [x]
              pass: []
        """)
    assert message == f"{tmp_path / 'pack.yaml'}:8: acme.no-pass: `examples.pass` needs at least one example"


def test_duplicate_ids_name_both_places(tmp_path):
    write(tmp_path, "rules:\n" + GOOD, "a.yaml")
    write(tmp_path, "rules:\n" + GOOD, "b.yaml")
    with pytest.raises(PackError) as error:
        load_rules([tmp_path])
    [message] = map(str, error.value.problems)
    assert message == (f"{tmp_path / 'b.yaml'}:2: acme.no-asap: duplicate rule id "
                       f"(first defined at {tmp_path / 'a.yaml'}:2)")


@pytest.mark.parametrize("pattern", [r"(a)\1", r"foo(?=bar)", r"(?<!x)foo", r"(?!x)foo"])
def test_backreferences_and_lookarounds_are_rejected_at_load_with_file_and_line(tmp_path, pattern):
    body = "rules:\n" + GOOD.replace("'\\bASAP\\b'", f"'{pattern}'")
    [message] = problems(tmp_path, body)
    assert message.startswith(f"{tmp_path / 'pack.yaml'}:5: acme.no-asap: RE2 cannot compile this pattern")


def test_nested_quantifiers_cannot_hang_the_engine(tmp_path):
    # (a+)+$ backtracks exponentially in Python's re; RE2 compiles it and runs it in linear time.
    write(tmp_path, """\
        rules:
          - id: acme.nested
            category: style
            message: m
            pattern: '(a+)+$'
            examples:
              flag: ["aaa"]
              pass: ["b"]
        """)
    ruleset = RuleSet.of(load_rules([tmp_path]))
    draft = build_draft(text="a" * 100_000 + "b")
    draft.sentences  # split before the clock starts: this test times the rule
    started = time.perf_counter()
    findings = list(ruleset.findings(draft))
    assert time.perf_counter() - started < 0.5
    assert findings == []
    assert [f.rule for f in ruleset.findings(build_draft(text="b " + "a" * 100_000))] == ["acme.nested"]


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    [message] = problems(tmp_path, "rules:\n" + GOOD + "  - id: [unclosed\n")
    assert message.startswith(f"{tmp_path / 'pack.yaml'}:") and "YAML syntax error" in message
    assert int(message.split(":")[1]) >= 9


def test_a_key_given_twice_is_an_error_not_a_silent_override(tmp_path):
    [message] = problems(tmp_path, "rules:\n" + GOOD + "    pattern: 'ASAP'\n")
    assert message.startswith(f"{tmp_path / 'pack.yaml'}:9: ") and "duplicate key 'pattern' (first at line 5)" in message


def test_a_group_placeholder_must_name_a_capture_group(tmp_path):
    body = "rules:\n" + GOOD.replace('message: "“{match}” sets no date."', 'message: "{2} sets no date."')
    [message] = problems(tmp_path, body)
    assert ":4: acme.no-asap: `{2}` names capture group 2, but the pattern has 0 groups" in message


def test_every_problem_in_a_pack_is_reported_at_once(tmp_path):
    write(tmp_path, "rules:\n" + GOOD.replace("acme.no-asap", "acme.one") + "    colour: red\n", "a.yaml")
    write(tmp_path, "rules: [\n", "b.yaml")
    with pytest.raises(PackError) as error:
        load_rules([tmp_path])
    assert [p.file.rsplit("/", 1)[1] for p in error.value.problems] == ["a.yaml", "b.yaml"]


def test_a_missing_pack_is_an_error(tmp_path):
    with pytest.raises(PackError, match="no such rule pack"):
        load_rules([tmp_path / "nowhere"])


def test_category_may_be_a_teams_own_but_must_be_a_name(tmp_path):
    write(tmp_path, "rules:\n" + GOOD.replace("vague-commitment", "acme-style"))
    assert load_rules([tmp_path])[0].category == "acme-style"
    [message] = problems(tmp_path, "rules:\n" + GOOD.replace("vague-commitment", "Acme Style"))
    assert ":3: acme.no-asap: `category` is a lowercase name" in message


def test_a_rule_that_is_not_a_mapping_is_reported(tmp_path):
    [message] = problems(tmp_path, "rules:\n  - just a string\n")
    assert "each rule is a mapping" in message
