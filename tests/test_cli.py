import json
import subprocess
import sys

from tact.cli import main


def run_cli(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "tact.cli", *args], input=stdin, capture_output=True, text=True)


def test_check_prints_issues_and_exits_1(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("Hello Zoë 😀\nWhy didn't you send it?\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 1
    out = capsys.readouterr().out
    assert f"{draft}:2:1: warning:" in out and "accusatory.why-didnt-you" in out


def test_check_clean_draft_exits_0(capsys):
    assert run_cli("check", "-", stdin="Thanks, the contract is attached.\n").returncode == 0


def test_check_json_output_from_stdin():
    result = run_cli("check", "--format", "json", "-", stdin="Why didn't you send it?")
    assert result.returncode == 1
    assert json.loads(result.stdout)["issues"][0]["text"] == "Why didn't you"


def test_check_reads_the_draft_as_written_now_without_sent_at():
    """"Friday 10 October" with no year is judged against the current year, as a draft written today."""
    import datetime as dt
    today = dt.date.today()
    october_10 = dt.date(today.year if today <= dt.date(today.year, 12, 9) else today.year + 1, 10, 10)
    wrong = "Saturday" if october_10.weekday() != 5 else "Friday"
    result = run_cli("check", "--categories", "timezone", "-", stdin=f"Could you pay by {wrong} 10 October?")
    assert "timezone.weekday-mismatch" in result.stdout


def test_check_piped_into_a_reader_that_closes_early_exits_quietly():
    draft = "Why didn't you send it?\n" * 2000
    shell = subprocess.run(f"{sys.executable} -m tact.cli check - | head -1", shell=True, input=draft,
                           capture_output=True, text=True)
    assert shell.stdout.count("\n") == 1 and "Traceback" not in shell.stderr


def test_check_html_flag(tmp_path):
    page = tmp_path / "body.html"
    page.write_text("<div>Why didn&#39;t you send it?</div>")
    result = run_cli("check", "--html", "--format", "json", str(page))
    assert json.loads(result.stdout)["issues"][0]["offset"] == 5


def test_bad_input_exits_2_with_a_message(tmp_path):
    assert run_cli("check", str(tmp_path / "missing.txt")).returncode == 2
    result = run_cli("check", "--sender-tz", "Nowhere/Land", "-", stdin="hi")
    assert result.returncode == 2 and "unknown timezone" in result.stderr
    assert run_cli("check", "--bogus").returncode == 2


def test_rules_test_and_lint_pass_on_the_builtin_library():
    assert run_cli("rules", "test").returncode == 0
    assert run_cli("rules", "lint").returncode == 0


def test_serve_refuses_a_broken_configuration_with_a_clear_message(tmp_path):
    config = tmp_path / "tact.toml"
    config.write_text('[teams.acme]\napi_key_sha256 = "not-hex"\nrule_packs = ["missing-pack"]\n')
    result = subprocess.run([sys.executable, "-m", "tact.cli", "serve", "--port", "0"], capture_output=True,
                            text=True, timeout=60, env={**__import__("os").environ, "TACT_CONFIG": str(config)})
    assert result.returncode == 2
    assert "cannot be loaded" in result.stderr and "missing-pack" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_scores_a_labeled_set_and_refuses_context_fields_outside_context(tmp_path):
    draft = {"id": "t-1", "text": "Great, see you Thursday at 3pm.", "expect": [{"category": "timezone", "span": "Thursday at 3pm"}]}
    quoted = "On Tue, Dana wrote:\n> Thursday at 2pm works for me."
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    context = {"sender_timezone": "Europe/London", "recipient_timezone": "Europe/London", "sent_at": "2026-04-20T10:15:00+01:00"}
    good.write_text(json.dumps({**draft, "context": {**context, "quoted": quoted}}) + "\n", encoding="utf-8")
    bad.write_text("\n" + json.dumps({**draft, "context": context, "quoted": quoted}) + "\n", encoding="utf-8")
    scored = run_cli("eval", "--categories", "timezone", str(good))
    assert scored.returncode == 0 and "timezone                1.000  1.000  1.000    1   0   0" in scored.stdout
    refused = run_cli("eval", str(bad))
    assert refused.returncode == 2 and "line 2: `quoted` belongs inside `context`" in refused.stderr
