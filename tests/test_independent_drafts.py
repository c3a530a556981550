"""Labeled drafts written by authors who never saw the rules (tests/data/independent/).

Each author wrote realistic client email in their own industries and registers, labeled as in
shared/eval/README.md: w1-w24 a tuning file each; w1v-w6v, w9v-w12v and w13v-w18v the held-back
drafts of those authors, kept unseen for one session's blind measurement (sessions 2, 3 and 4) and
then retired into tuning. The rules are improved on
these drafts' misses as devices, so the figures here are a floor against regressions, not a measure
of unseen-phrasing recall: that is what each file's first run measured (see the issue notes), and
what the current held-back drafts (outside the repository) measure.
"""
from pathlib import Path

import pytest

from tact.evaluation import GRADED, evaluate, read_jsonl

DATA = Path(__file__).parent / "data" / "independent"

# F1 floors per category over all files (2,400 drafts), a little under the figures at the start of
# session 5, when w13v-w18v and w19-w24 joined (rules tuned on these drafts: a floor against
# regressions, not a measure of recall on unseen phrasing).
FLOORS = {
    "condescension": 0.97,  # 0.906 with w19-w24 (2,400 drafts), start of session 5; 0.984 after the session-5 condescension round 1
    "accusatory-question": 0.985,  # 0.978; 1.000 after the session-5 accusatory devices
    "blame-shifting": 0.98,  # 0.953; 0.991 after the session-5 blame devices
    "timezone": 0.98,  # 0.994
    "vague-commitment": 0.98,  # 0.965; 0.997 after the session-5 vague devices
    "apology": 0.975,  # 0.974; 0.986 after the session-5 apology devices
}
CLEAN_FLAGGED = 0.03  # 2 of 659 at the start of session 5; the DESIGN target


@pytest.fixture(scope="module")
def report(service):
    items = [item for path in sorted(DATA.glob("*.jsonl")) for item in read_jsonl(str(path))]
    assert len(items) >= 2400
    return evaluate(items, service.ruleset, GRADED)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_each_category_keeps_its_floor(report, category):
    score = report.scores[category]
    assert score.f1 >= FLOORS[category], (category, round(score.precision, 3), round(score.recall, 3))


def test_clean_drafts_stay_unflagged(report):
    assert report.clean_flagged / report.clean <= CLEAN_FLAGGED, report.clean_flagged
