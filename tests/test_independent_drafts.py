"""Labeled drafts written by authors who never saw the rules (tests/data/independent/).

Each author wrote realistic client email in their own industries and registers, labeled as in
shared/eval/README.md: w1-w24 a tuning file each; w1v-w6v, w9v-w12v and w13v-w18v the held-back
drafts of those authors, kept unseen for one session's blind measurement (sessions 2, 3 and 4),
w19v-w24v, w25v-w30v and w31v-w36v the blind drafts of sessions 5, 6 and 7, all then retired into
tuning; w25-w30 (session 6) and w31-w36 (session 7) a tuning file each. The rules are improved on
these drafts' misses as devices, so the figures here are a floor against regressions, not a measure
of unseen-phrasing recall: that is what each file's first run measured (see the issue notes), and
what the current held-back drafts (outside the repository) measure.
"""
from pathlib import Path

import pytest

from tact.evaluation import GRADED, evaluate, read_jsonl

DATA = Path(__file__).parent / "data" / "independent"

# F1 floors per category over all files (rules tuned on these drafts: a floor against regressions,
# not a measure of recall on unseen phrasing). The comment gives each category's F1 over the 4,200
# drafts when w31v-w36v joined (start of session 8; their blind figures are in the issue note).
FLOORS = {
    "condescension": 0.92,  # 0.928
    "accusatory-question": 0.975,  # 0.978
    "blame-shifting": 0.935,  # 0.940
    "timezone": 0.98,  # 0.989
    "vague-commitment": 0.96,  # 0.968
    "apology": 0.96,  # 0.967
}
CLEAN_FLAGGED = 0.03  # 5 of 1,139 when w31v-w36v joined; the DESIGN target


@pytest.fixture(scope="module")
def report(service):
    items = [item for path in sorted(DATA.glob("*.jsonl")) for item in read_jsonl(str(path))]
    assert len(items) >= 4200
    return evaluate(items, service.ruleset, GRADED)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_each_category_keeps_its_floor(report, category):
    score = report.scores[category]
    assert score.f1 >= FLOORS[category], (category, round(score.precision, 3), round(score.recall, 3))


def test_clean_drafts_stay_unflagged(report):
    assert report.clean_flagged / report.clean <= CLEAN_FLAGGED, report.clean_flagged
