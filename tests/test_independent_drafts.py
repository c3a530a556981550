"""Labeled drafts written by authors who never saw the rules (tests/data/independent/).

Each author wrote realistic client email in their own industries and registers, labeled as in
shared/eval/README.md: w1-w24 a tuning file each; w1v-w6v, w9v-w12v and w13v-w18v the held-back
drafts of those authors, kept unseen for one session's blind measurement (sessions 2, 3 and 4),
w19v-w24v the session-5 blind drafts, all then retired into tuning. The rules are improved on
these drafts' misses as devices, so the figures here are a floor against regressions, not a measure
of unseen-phrasing recall: that is what each file's first run measured (see the issue notes), and
what the current held-back drafts (outside the repository) measure.
"""
from pathlib import Path

import pytest

from tact.evaluation import GRADED, evaluate, read_jsonl

DATA = Path(__file__).parent / "data" / "independent"

# F1 floors per category over all files (2,760 drafts), a little under the figures at the start of
# session 6, when w19v-w24v joined (rules tuned on these drafts: a floor against
# regressions, not a measure of recall on unseen phrasing).
FLOORS = {  # the comment gives each category's F1 over the 2,760 drafts at the start of session 6
    "condescension": 0.98,  # 0.959; 0.986 after the session-6 condescension families
    "accusatory-question": 0.985,  # 0.995
    "blame-shifting": 0.985,  # 0.965; 0.990 after the session-6 blame families
    "timezone": 0.98,  # 0.989
    "vague-commitment": 0.975,  # 0.982
    "apology": 0.985,  # 0.985; 0.992 after the session-6 apology fixes
}
CLEAN_FLAGGED = 0.03  # 5 of 755 at the start of session 6; the DESIGN target


@pytest.fixture(scope="module")
def report(service):
    items = [item for path in sorted(DATA.glob("*.jsonl")) for item in read_jsonl(str(path))]
    assert len(items) >= 2760
    return evaluate(items, service.ruleset, GRADED)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_each_category_keeps_its_floor(report, category):
    score = report.scores[category]
    assert score.f1 >= FLOORS[category], (category, round(score.precision, 3), round(score.recall, 3))


def test_clean_drafts_stay_unflagged(report):
    assert report.clean_flagged / report.clean <= CLEAN_FLAGGED, report.clean_flagged
