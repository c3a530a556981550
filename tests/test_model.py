"""The values that flow through Tact: an issue is immutable and its id names the rule, text and place."""
import dataclasses
import hashlib

import pytest

from tact.model import Finding, Issue


def issue(**changes):
    fields = dict(rule="apology.no-remedy", category="apology", severity="warning", message="m", explanation="e",
                  offset=3, length=5, offset_utf16=3, length_utf16=6, text="sorr\ud83d", replacements=("a",))
    return Issue(**{**fields, **changes})


def test_the_id_is_a_hash_of_rule_text_and_offset():
    expected = hashlib.sha1("apology.no-remedy\x00sorr\ud83d\x003".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    assert issue().id == expected
    assert issue(id="given").id == "given"
    assert issue(message="other").id == expected and issue(offset=4).id != expected


def test_an_issue_is_frozen_and_compares_by_value():
    first = issue()
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.offset = 9
    assert first == issue() and hash(first) == hash(issue())
    assert dataclasses.replace(first, length=2) == issue(length=2, id=first.id)
    assert first.to_json()["replacements"] == ["a"] and first.to_json()["id"] == first.id


def test_a_finding_is_frozen_compares_by_value_and_takes_defaults():
    first = Finding(3, 8, "apology.no-remedy", "apology", "warning", "m")
    assert (first.explanation, first.replacements) == ("", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.start = 9
    same = Finding(start=3, end=8, rule="apology.no-remedy", category="apology", severity="warning", message="m",
                   explanation="", replacements=())
    assert first == same and hash(first) == hash(same) and repr(first) == repr(same)
    moved = dataclasses.replace(first, start=4, replacements=("a",))
    assert (moved.start, moved.end, moved.replacements) == (4, 8, ("a",)) and moved != first
