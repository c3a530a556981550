"""Rude requests between people who collaborate online (issue 3, DESIGN's politeness target).

tests/data/requests/pol.jsonl: 240 requests by an author who never saw the rules (110 rude, 60
blunt but fine, 70 polite). Its first run, before the `# ---- direct requests` rules existed,
caught 55 of the 110 rude ones; the rules were then written from our own variants
(families.jsonl) and caught 61; only then were pol.jsonl's misses read and generalised. So the
figures here are a floor against regressions, not a measure of recall on unseen phrasing.
families.jsonl: our own variants (12 a family in round 1) and near-misses, written before each rule.
"""
from pathlib import Path

import pytest

from tact.engine import CheckRequest, run
from tact.evaluation import evaluate, read_jsonl

DATA = Path(__file__).parent / "data" / "requests"
RUDE = ("accusatory-question", "condescension")
DIRECT_REQUESTS = "# ---- direct requests"


def direct_request_rules() -> set[str]:
    """The ids under the `# ---- direct requests` header of the two rule files, up to the next header."""
    ids = set()
    for name in ("accusatory-question.yaml", "condescension.yaml"):
        text = (Path(__file__).parents[1] / "rules" / name).read_text(encoding="utf-8")
        block = text[text.index(DIRECT_REQUESTS):].split("\n  # ---- ")[0]
        ids.update(line.split("id:", 1)[1].strip() for line in block.splitlines() if line.strip().startswith("- id:"))
    return ids


def flagged(ruleset, text: str) -> list[str]:
    return [issue.rule for issue in run(CheckRequest(text=text, categories=frozenset(RUDE)), ruleset).issues]


@pytest.fixture(scope="module")
def pol():
    items = read_jsonl(str(DATA / "pol.jsonl"))
    assert len(items) == 240
    return items


def kind(item: dict) -> str:
    if item["expect"]:
        return "rude"
    return "polite" if "polite" in item.get("note", "").lower() else "blunt"


def test_rude_requests_are_flagged_and_fine_ones_are_not(service, pol):
    counts = {"rude": [0, 0], "blunt": [0, 0], "polite": [0, 0]}
    for item in pol:
        counts[kind(item)][0] += 1
        counts[kind(item)][1] += bool(flagged(service.ruleset, item["text"]))
    assert counts["rude"][1] >= 97, counts  # 55 of 110 at first sight, 61 with rules from our own variants, 100 tuned
    assert counts["blunt"][1] == 0, counts
    assert counts["polite"][1] <= 3, counts


@pytest.mark.parametrize("category,floor", [("accusatory-question", 0.85), ("condescension", 0.85)])
def test_pol_f1_floor(service, pol, category, floor):
    score = evaluate(pol, service.ruleset, RUDE).scores[category]
    assert score.f1 >= floor, (round(score.precision, 3), round(score.recall, 3))


def test_direct_request_rules_flag_no_near_miss(service):
    """Near-misses written with each family (same words, fair requests) stay unflagged by these rules."""
    ids = direct_request_rules()
    assert len(ids) >= 15
    mine = service.ruleset.only(lambda rule: rule.id in ids)
    near = [item for item in read_jsonl(str(DATA / "families.jsonl")) if not item["expect"]]
    assert len(near) >= 100
    assert [item["text"] for item in near if flagged(mine, item["text"])] == []


def test_family_variants_are_caught(service):
    variants = [item for item in read_jsonl(str(DATA / "families.jsonl")) if item["expect"]]
    caught = sum(bool(flagged(service.ruleset, item["text"])) for item in variants)
    assert caught / len(variants) >= 0.9, (caught, len(variants))


def test_direct_request_rules_stay_out_of_ordinary_mail(service):
    ids = direct_request_rules()
    mine = service.ruleset.only(lambda rule: rule.id in ids)
    mail = [item for path in sorted((Path(__file__).parent / "data" / "clean").glob("*.jsonl"))
            for item in read_jsonl(str(path))]
    assert len(mail) >= 600
    assert [item["text"][:80] for item in mail if flagged(mine, item["text"])] == []


@pytest.mark.parametrize("text,rule,rewrite", [
    ("How hard is it to read the pinned FAQ before posting?", "accusatory.trivial-step",
     "Could you please read the pinned FAQ before posting?"),
    ("Could your team reply to the ticket for once?", "accusatory.for-once",
     "Could your team reply to the ticket?"),
    ("Did you try, like, checking the release notes?", "accusatory.heard-of",
     "Could you try checking the release notes first?"),
])
def test_first_replacement_keeps_the_request(check, text, rule, rewrite):
    issues = [i for i in check(text=text, categories=list(RUDE)).issues if i.rule == rule]
    assert issues and issues[0].replacements[0] == rewrite


@pytest.mark.parametrize("text", [
    "Who made you the referee of which benchmarks count?",
    "Is proofreading beneath your team?",
    "Care to explain why the tags were all removed?",
    "We've been over this before.",
    "Try reading the style guide for once.",
    "why are you so determined to merge this today?",
])
def test_fresh_rude_requests(check, text):
    assert {i.category for i in check(text=text, categories=list(RUDE)).issues} & set(RUDE), text


@pytest.mark.parametrize("text", [
    "Who made you the cover art? I love it.",
    "How hard is it to host a wiki on a Raspberry Pi?",
    "Do you know anything about the venue for the meetup?",
    "Could you, if you have a minute, look at my PR?",
    "Thanks for deleting the duplicate page so quickly!",
    "What makes the new parser faster than the old one?",
])
def test_fair_requests_stay_unflagged(check, text):
    assert not {i.category for i in check(text=text, categories=list(RUDE)).issues} & set(RUDE), text


def test_sincere_questions_with_judging_words_stay_unflagged(service):
    """Rounds 4-6 of families.jsonl: questions that share words with accusations but ask to learn
    ("Why would you use a pointer here? I'm trying to learn"), for a method ("How could you detect
    the encoding?", "How do you delete a remote branch?") or for a fact ("Do you actually need the
    mutex?"): no rule may flag them."""
    items = [item for item in read_jsonl(str(DATA / "families.jsonl"))
             if item["note"].startswith(("round 4", "round 5", "round 6")) and not item["expect"]]
    assert len(items) >= 20
    assert [item["text"] for item in items if flagged(service.ruleset, item["text"])] == []
