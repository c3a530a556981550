"""Labeled drafts written by authors who never saw the rules (tests/data/independent/).

Each author wrote realistic client email in their own industries and registers, labeled as in
shared/eval/README.md: w1-w24 a tuning file each; w1v-w6v, w9v-w12v and w13v-w18v the held-back
drafts of those authors, kept unseen for one session's blind measurement (sessions 2, 3 and 4),
w19v-w24v, w25v-w30v, w31v-w36v and w37v-w42v the blind drafts of sessions 5 to 8, all then retired
into tuning; w25-w30 (session 6), w31-w36 (session 7) and w37-w42 (session 8) a tuning file each.
tests/data/devices/ holds short dev-style drafts: each file is one writer's draft per device named in
shared/eval/sentences.jsonl (`kind`), plus near-misses and timezone drafts: d1-d4 (session 8) and b1-b9
(session 10: b1-b3, b4-b6, b7-b9, b10-b12 and b13-b15 each blind for one measurement, then tuned on;
b16-b18 blind at the session's end, then retired), b19-b24 (session 11: b19-b21 and b22-b24 each
blind for one measurement, then tuned on) and b25-b33 (session 12: b25-b27 and b28-b30 each blind for
one measurement, then tuned on; b31-b33 blind twice, then retired unread) and b34-b37 (session 14:
blind for one measurement against session 13's rules, then tuned on) and b38-b41 (session 15: b39-b41 blind for
one measurement against session 14's rules, then tuned on; b38 blind twice, before and after the session's
changes, then retired unread) and b43-b45 (session 16: blind for one measurement against session 15's rules, then
tuned on; b42 blind twice, before and after the session's changes, then retired unread), b49-b51 (session 17:
blind for one measurement against session 16's rules, then tuned on), b46-b48 (session 17's held-back writers,
blind twice, then tuned on in session 18) and b54, b56, b57 (session 18: blind for one measurement against
session 17's rules, then tuned on), b59-b61 (batch I), b64, b67, b68 (batch J's tuning half), b70-b75 (batch
K), b76-b81 (batch L, measured blind in session 21, joined in session 22) and b82-b87 (batch M, measured
blind in session 22, joined in session 23), each blind for one measurement,
then tuned on. The rules are improved on
these drafts' misses as devices, so the figures here are a floor against regressions, not a measure
of unseen-phrasing recall: that is what each file's first run measured (see the issue notes), and
what the current held-back drafts (outside the repository) measure.
"""
from pathlib import Path

import pytest

from tact.evaluation import GRADED, evaluate, read_jsonl

DATA = Path(__file__).parent / "data" / "independent"
DEVICES = Path(__file__).parent / "data" / "devices"

# F1 floors per category (rules tuned on these drafts: a floor against regressions, not a measure of
# recall on unseen phrasing). The comments give each category's F1 when w37-w42 (both halves) and
# d1-d4 joined (start of session 9; their blind figures are in the session-8 issue note).
FLOORS = {
    "independent": {
        "condescension": 0.885,  # 0.890
        "accusatory-question": 0.945,  # 0.951
        "blame-shifting": 0.915,  # 0.920
        "timezone": 0.975,  # 0.981
        "vague-commitment": 0.945,  # 0.949
        "apology": 0.955,  # 0.960
    },
    "devices": {  # end of session 16 (b42-b45 joined in it)
        "condescension": 0.930,  # 0.952
        "accusatory-question": 0.965,  # 0.988
        "blame-shifting": 0.890,  # 0.912
        "timezone": 0.965,  # 0.987
        "vague-commitment": 0.940,  # 0.962
        "apology": 0.905,  # 0.927
    },
}
COUNTS = {"independent": 4920, "devices": 14760}
CLEAN_FLAGGED = 0.03  # of both sets' clean drafts: 51 of 3,463 at the end of session 17; the DESIGN target


@pytest.fixture(scope="module")
def reports(service):
    reports = {}
    for name, folder in (("independent", DATA), ("devices", DEVICES)):
        items = [item for path in sorted(folder.glob("*.jsonl")) for item in read_jsonl(str(path))]
        assert len(items) >= COUNTS[name]
        reports[name] = evaluate(items, service.ruleset, GRADED)
    return reports


@pytest.mark.parametrize("data, category", [(data, c) for data, floors in FLOORS.items() for c in sorted(floors)])
def test_each_category_keeps_its_floor(reports, data, category):
    score = reports[data].scores[category]
    assert score.f1 >= FLOORS[data][category], (category, round(score.precision, 3), round(score.recall, 3))


def test_clean_drafts_stay_unflagged(reports):
    flagged = sum(r.clean_flagged for r in reports.values())
    assert flagged / sum(r.clean for r in reports.values()) <= CLEAN_FLAGGED, flagged
