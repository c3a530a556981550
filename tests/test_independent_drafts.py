"""Labeled drafts written by authors who never saw the rules (tests/data/independent/).

Each author wrote realistic client email in their own industries and registers, labeled as in
shared/eval/README.md: w1-w8 a tuning file each, w1v-w6v the same authors' held-back drafts, kept
unseen for one session's blind measurement and then retired into tuning. The rules are improved on
these drafts' misses as devices, so the figures here are a floor against regressions, not a measure
of unseen-phrasing recall: that is what each file's first run measured (see the issue notes), and
what the current held-back drafts (outside the repository) measure.
"""
from pathlib import Path

import pytest

from tact.evaluation import GRADED, evaluate, read_jsonl

DATA = Path(__file__).parent / "data" / "independent"

# F1 floors per category over all files (840 drafts), a little under the figures when the retired
# held-back files were added.
FLOORS = {
    "condescension": 0.95,  # 0.795 when added; 0.996 after session 3
    "accusatory-question": 0.97,  # 0.918; 0.996 after session 3
    "blame-shifting": 0.95,  # 0.895; 0.969 after session 3 (rules only)
    "timezone": 0.95,  # 0.968
    "vague-commitment": 0.97,  # 0.907; 0.986 after session 3
    "apology": 0.96,  # 0.917; 0.984 after session 3
}
CLEAN_FLAGGED = 0.03  # 10 of 244 when added; 5 of 244 (0.020) after session 3; the target is 0.03


@pytest.fixture(scope="module")
def report(service):
    items = [item for path in sorted(DATA.glob("*.jsonl")) for item in read_jsonl(str(path))]
    assert len(items) >= 800
    return evaluate(items, service.ruleset, GRADED)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_each_category_keeps_its_floor(report, category):
    score = report.scores[category]
    assert score.f1 >= FLOORS[category], (category, round(score.precision, 3), round(score.recall, 3))


def test_clean_drafts_stay_unflagged(report):
    assert report.clean_flagged / report.clean <= CLEAN_FLAGGED, report.clean_flagged
