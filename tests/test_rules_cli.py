"""`tact rules test` and `tact rules lint` on a team pack: failures name file, rule and example; exit 1."""
import textwrap

from tact.cli import main

PACK = """\
rules:
  - id: acme.no-asap
    category: vague-commitment
    message: "“{match}” sets no date."
    phrases: ["ASAP"]
    examples:
      flag: ["I'll send it ASAP."]
      pass: ["I'll send it by Friday.", "Sure, asap works."]
"""


def write(tmp_path, text):
    path = tmp_path / "acme" / "style.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_rules_test_fails_on_a_pass_example_that_matches(tmp_path, capsys):
    path = write(tmp_path, PACK)
    assert main(["rules", "test", "--no-builtin", str(path.parent)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL {path}:2: acme.no-asap: pass example 'Sure, asap works.' was flagged ('asap')" in out
    assert "2 passed, 1 failed" in out


def test_rules_test_fails_on_a_flag_example_that_does_not_match(tmp_path, capsys):
    path = write(tmp_path, PACK.replace(", \"Sure, asap works.\"", "").replace("it ASAP.", "it soon."))
    assert main(["rules", "test", "--no-builtin", str(path)]) == 1
    assert "acme.no-asap: flag example \"I'll send it soon.\" was not flagged" in capsys.readouterr().out


def test_rules_test_passes_a_good_pack_with_the_built_in_library(tmp_path, capsys):
    path = write(tmp_path, PACK.replace(", \"Sure, asap works.\"", ""))
    assert main(["rules", "test", str(path.parent)]) == 0
    assert " 0 failed" in capsys.readouterr().out


def test_rules_test_refuses_a_pack_that_does_not_load(tmp_path, capsys):
    path = write(tmp_path, PACK.replace('phrases: ["ASAP"]', "pattern: '(?=ASAP)'"))
    assert main(["rules", "test", "--no-builtin", str(path)]) == 1
    assert f"{path}:5: acme.no-asap: RE2 cannot compile" in capsys.readouterr().err


def test_rules_lint_names_file_and_line(tmp_path, capsys):
    path = write(tmp_path, PACK + "    tone: stern\n")
    assert main(["rules", "lint", "--no-builtin", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:9: acme.no-asap: unknown key 'tone'" in err and "1 problem found" in err
    write(tmp_path, PACK)
    assert main(["rules", "lint", "--no-builtin", str(path)]) == 0
    assert "1 rules OK" in capsys.readouterr().out
