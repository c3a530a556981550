"""The prefilter on Hyperscan databases: the same superset of rules as the RE2 sets, its expressions,
and the on-disk cache (reused, stale, corrupt, unwritable, written by several processes at once)."""
import multiprocessing
import threading
from pathlib import Path

import pytest

from tact.rules import hyperscan_prefilter, prefilter_cache
from tact.rules.hyperscan_prefilter import HyperscanPrefilter, branches, expressions
from tact.rules.rule import build_rule
from tact.rules.ruleset import BUILTIN_RULES, RuleSet, load_rules
from tact.text.draft import build_draft

needs_hyperscan = pytest.mark.skipif(not hyperscan_prefilter.available(), reason="hyperscan is not installed")


def latin1(source: str) -> bytes:
    return source.encode("latin-1")


def test_the_installed_hyperscan_is_one_the_prefilter_uses():
    """pyproject.toml pins a wheel whose engine finds the match later wheels miss; a wrong install
    would silently leave the prefilter to RE2."""
    pytest.importorskip("hyperscan")
    assert hyperscan_prefilter.available()


def test_branches_drop_a_leading_optional_group_and_split_alternatives():
    sentence = r'(?:[^.!?\n"\s][^.!?\n"]*?)?'
    assert branches(sentence + r"(\bsorry\b)") == [r"(\bsorry\b)"]
    assert branches("(" + sentence + r")(\bI|we\b)\s+x") == [r"(?:\bI)\s+x", r"(?:we\b)\s+x"]
    assert branches(r"(?:a|b(?:c|d)|[|)])\s+x") == [r"(?:a)\s+x", r"(?:b(?:c|d))\s+x", r"(?:[|)])\s+x"]
    assert branches("a|b") == ["a", "b"]
    assert branches("(?:a)*?(?:b)?c") == ["c"]
    # kept whole: a repeated group, an inline flag that reaches across branches, a named or flagged
    # group, a pattern that is nothing but an optional group
    for kept in ("(?:a|b)+c", "(?:a|b){2}c", "(?i)a|b", "(?P<n>a|b)c", "(?i:a|b)c", "(?:x)?", "a"):
        assert branches(kept) == [kept], kept


def test_expressions_drop_end_anchors_and_leave_cased_latin1_letters_to_re2():
    assert expressions(r"\bdone(?:\.|$)|finished\z", True, latin1) == (rb"(?i:\bdone(?:\.|))", rb"(?i:finished)")
    assert expressions(r"[$]x", False, latin1) == (rb"[$]x",)
    assert expressions("caf\u00e9", True, latin1) is None  # Hyperscan folds ASCII letters only
    assert expressions("caf\u00e9", False, latin1) == ("caf\u00e9".encode("latin-1"),)
    assert expressions("x", True, lambda source: None) is None  # not Latin-1 ready: RE2's UTF-8 sets


def _rules(*patterns: str):
    return [build_rule({"id": f"t.r{i}", "category": "condescension", "message": "m", "pattern": p}, "pack.yaml",
                       require_examples=False) for i, p in enumerate(patterns)]


@needs_hyperscan
def test_a_pattern_hyperscan_refuses_stays_with_the_re2_sets(tmp_path, monkeypatch):
    monkeypatch.setenv("TACT_CACHE_DIR", str(tmp_path))
    ruleset = RuleSet.of(_rules(r"(?U)\bplain\s+as\s+day\b", r"x^y|\bobviously\b", r"\bsimply\b"))
    assert ruleset.compile_prefilter() > 0
    assert ruleset._hyperscan.covered == {2}  # (?U) and an embedded ^ are refused by Hyperscan
    for text, expected in (("It is plain as day.", [0]), ("Obviously.", [1]), ("Simply put.", [2]), ("Nothing.", [])):
        assert ruleset.candidates(build_draft(text=text)) == expected, text


@pytest.fixture(scope="module")
def builtin():
    """The built-in library with its databases compiled, or read from the cache `tact serve` fills."""
    rules = load_rules([BUILTIN_RULES])
    ruleset = RuleSet.of(rules)
    ruleset.compile_prefilter()
    return rules, ruleset


@needs_hyperscan
def test_hyperscan_names_every_rule_and_trigger_the_rules_own_regexes_match(builtin):
    """On every example, and on the examples with odd characters put in, the candidates hold every
    rule whose own regex matches and the fired triggers every trigger that matches, with Hyperscan
    answering for nearly every member."""
    from test_ruleset import _with_odd_characters

    from tact.rules.rule import compile_pattern

    rules, ruleset = builtin
    members = len(ruleset._pattern_rules) + len(ruleset._members[1])
    assert len(ruleset._hyperscan.covered) >= 0.95 * members
    triggers = {i: compile_pattern(rule.trigger) for i, rule in enumerate(rules) if rule.check and rule.trigger}
    examples = [e.text for r in rules for e in (*r.flag, *r.passes) if e.text]
    extra = 0
    for text in examples + _with_odd_characters(examples):
        draft = build_draft(text=text)
        if not draft.new_ranges:
            continue
        matching = {i for i, rule in enumerate(ruleset._pattern_rules)
                    if any(True for s, e in draft.new_ranges for _ in rule.regex.finditer(draft.folded, s, e))}
        candidates = set(ruleset.candidates(draft))
        assert matching <= candidates, text
        extra += len(candidates - matching)
        fired = ruleset._scan(draft)[1]
        assert {i for i, trigger in triggers.items() if trigger.search(draft.new_text)} <= fired, text
    assert extra <= len(examples) // 50  # the databases name few rules that cannot match


@needs_hyperscan
def test_databases_missing_from_the_cache_leave_their_members_to_re2(builtin, tmp_path, monkeypatch):
    rules, complete = builtin
    source = prefilter_cache.cache_dir()
    keys = [group.key for group in complete._hyperscan._groups]
    for key in keys[1:]:  # every database but the first
        (tmp_path / f"{key}.bin").write_bytes((source / f"{key}.bin").read_bytes())
    monkeypatch.setenv("TACT_CACHE_DIR", str(tmp_path))
    partial = RuleSet.of(rules)
    covered = partial._hyperscan.covered
    assert not partial._hyperscan.complete() and 0 < len(covered) < len(complete._hyperscan.covered)
    for text in [e.text for r in rules for e in r.flag if e.text][::3]:
        draft = build_draft(text=text)
        matching = {i for i, rule in enumerate(partial._pattern_rules) if rule.regex.search(draft.new_text)}
        assert matching <= set(partial.candidates(draft)), text


def _members(*patterns: str):
    return [(f"t.r{i}", expressions(p, True, latin1)) for i, p in enumerate(patterns)]


@needs_hyperscan
def test_a_second_prefilter_reads_the_cache_and_a_changed_rule_recompiles_its_own_database(tmp_path):
    patterns = [rf"\bword{i}\b" for i in range(12)]
    first = HyperscanPrefilter(_members(*patterns), directory=tmp_path)
    assert first.covered == frozenset() and first.compile() > 0 and first.complete()
    assert len(list(tmp_path.glob("*.bin"))) == len(first._groups) > 1
    again = HyperscanPrefilter(_members(*patterns), directory=tmp_path)
    assert again.complete() and again.compile() == 0
    assert again.scan(b"so word3 and word11")[0] == {3, 11}
    changed = HyperscanPrefilter(_members(*patterns[:-1], r"\bother\b"), directory=tmp_path)
    unchanged = {m for group in changed._groups if 11 not in group.members for m in group.members}
    assert not changed.complete() and changed.covered == unchanged and unchanged
    changed.compile()
    assert changed.scan(b"other word11")[0] == {11}
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


@needs_hyperscan
@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "foreign header", "empty"])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(tmp_path, damage):
    members = _members(r"\bobviously\b")
    HyperscanPrefilter(members, directory=tmp_path).compile()
    (path,) = tmp_path.glob("*.bin")
    data = path.read_bytes()
    head, _, payload = data.partition(b"\n")
    path.write_bytes({
        "garbage": b"\x00not a database" * 50,
        "truncated": data[: len(data) // 2],
        "flipped": head + b"\n" + payload[:-40] + bytes(b ^ 0xFF for b in payload[-40:]),
        "foreign header": head.replace(b'"key": "', b'"key": "0') + b"\n" + payload,
        "empty": b"",
    }[damage])
    damaged = HyperscanPrefilter(members, directory=tmp_path)
    assert not damaged.complete() and damaged.scan(b"obviously")[0] == set()  # nothing trusted: RE2 answers
    assert damaged.compile() > 0 and damaged.scan(b"obviously") == ({0}, {0})
    assert HyperscanPrefilter(members, directory=tmp_path).complete()  # the file was rewritten whole


@needs_hyperscan
def test_an_unwritable_cache_directory_keeps_the_databases_in_memory(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    prefilter = HyperscanPrefilter(_members(r"\bobviously\b"), directory=blocked / "cache")
    assert prefilter.compile() > 0 and prefilter.scan(b"Obviously")[0] == {0}


@needs_hyperscan
def test_a_ruleset_looks_again_for_databases_another_process_compiled(tmp_path, monkeypatch):
    monkeypatch.setenv("TACT_CACHE_DIR", str(tmp_path))
    rules = _rules(r"\bobviously\b")
    serving = RuleSet.of(rules)
    assert serving._hyperscan.covered == frozenset()
    RuleSet.of(rules).compile_prefilter()  # what `tact rules compile` does
    monkeypatch.setattr(serving._hyperscan, "_next_look", 0.0)  # the look-again interval has passed
    assert serving.candidates(build_draft(text="Obviously not.")) == [0]
    assert serving._hyperscan.covered == {0}


@needs_hyperscan
def test_threads_scan_one_prefilter_at_once(tmp_path):
    prefilter = HyperscanPrefilter(_members(*[rf"\bword{i}\b" for i in range(8)]), directory=tmp_path)
    prefilter.compile()
    texts = [f"word{i} and word{(i * 3) % 8}".encode() for i in range(8)]
    expected = [prefilter.scan(t)[0] for t in texts]
    failures = []

    def work():
        for _ in range(200):
            if [prefilter.scan(t)[0] for t in texts] != expected:
                failures.append(1)
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures


def _write_often(directory: str, key: str, payload: bytes, rounds: int) -> None:
    for _ in range(rounds):
        prefilter_cache.write(key, payload, {"taken": [0]}, Path(directory))


def test_concurrent_writers_never_expose_a_half_written_file(tmp_path):
    """Several processes (gunicorn workers) write the same database while another reads it: every
    read is either nothing yet or the whole payload."""
    key, payload = prefilter_cache.key_of("test"), bytes(range(256)) * 8192  # 2 MB
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_often, args=(str(tmp_path), key, payload, 15)) for _ in range(3)]
    for w in writers:
        w.start()
    reads, seen = 0, False
    while any(w.is_alive() for w in writers) or reads == 0:
        stored = prefilter_cache.read(key, tmp_path)
        reads += 1
        if stored is None:
            assert not seen  # once written, never missing or torn
        else:
            seen = True
            assert stored == ({"taken": [0]}, payload)
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert prefilter_cache.read(key, tmp_path) == ({"taken": [0]}, payload)
    assert [p.name for p in tmp_path.iterdir()] == [f"{key}.bin"]


def _compile_into(directory: str, results) -> None:
    patterns = [rf"\b(?:word{i}|term{i})\s+(?:\w+\s+){{0,3}}again\b" for i in range(40)]
    results.put(HyperscanPrefilter(_members(*patterns), directory=Path(directory)).compile())


@needs_hyperscan
def test_two_compiles_at_once_build_each_database_once(tmp_path):
    """Two `tact serve` starts with an empty cache: the second waits on the compile lock and reads
    what the first wrote instead of spending the CPU again."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    compilers = [context.Process(target=_compile_into, args=(str(tmp_path), results)) for _ in range(2)]
    for c in compilers:
        c.start()
    for c in compilers:
        c.join()
        assert c.exitcode == 0
    spent = sorted(results.get() for _ in compilers)
    assert spent[0] == 0.0 < spent[1]


def test_only_the_newest_files_stay(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(prefilter_cache, "KEEP", 3)
    crashed = tmp_path / ".abc.tmp"
    crashed.write_bytes(b"half")
    os.utime(crashed, (1, 1))
    keys = [prefilter_cache.key_of(str(i)) for i in range(5)]
    for n, key in enumerate(keys):
        prefilter_cache.write(key, b"x", {}, tmp_path)
        os.utime(tmp_path / f"{key}.bin", (1000 + n, 1000 + n))  # written in this order
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.bin" for k in keys[-3:])


def test_the_cache_directory_follows_the_settings():
    assert str(prefilter_cache.cache_dir({"TACT_CACHE_DIR": "/x/y"})) == "/x/y"
    assert str(prefilter_cache.cache_dir({"XDG_CACHE_HOME": "/c"})) == "/c/tact/prefilter"
    assert str(prefilter_cache.cache_dir({})).endswith(".cache/tact/prefilter")


@needs_hyperscan
def test_rules_compile_fills_the_cache_once(tmp_path, monkeypatch, capsys):
    import textwrap

    from packs import ACME_PACK

    from tact.cli import main

    pack = tmp_path / "acme" / "style.yaml"
    pack.parent.mkdir()
    pack.write_text(textwrap.dedent(ACME_PACK), encoding="utf-8")
    monkeypatch.setenv("TACT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["rules", "compile", "--no-builtin", str(pack.parent)]) == 0
    first = capsys.readouterr().out
    assert "compiled in" in first and str(tmp_path / "cache") in first
    assert list((tmp_path / "cache").glob("*.bin"))
    assert main(["rules", "compile", "--no-builtin", str(pack.parent)]) == 0
    assert "all in the cache" in capsys.readouterr().out
