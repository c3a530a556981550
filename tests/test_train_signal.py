"""tools/train_signal.py: which labeled files it trains on (authors left out whole, for a transfer set)
and the per-author-balanced weights of the positives."""
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")
_SPEC = importlib.util.spec_from_file_location("train_signal", Path(__file__).resolve().parents[1] / "tools" / "train_signal.py")
train_signal = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("train_signal", train_signal)  # its dataclasses look their module up by name
_SPEC.loader.exec_module(train_signal)


def _files(tmp_path, *names):
    for name in names:
        (tmp_path / name).write_text("", encoding="utf-8")
    return tmp_path


def test_an_excluded_author_leaves_out_all_its_files_and_no_other_author(tmp_path):
    folder = _files(tmp_path, "w3.jsonl", "w3v.jsonl", "w34.jsonl", "w34v.jsonl", "w35.jsonl", "w36v.jsonl", "w340.jsonl")
    kept = train_signal.independent_files((), "w34, w36", folder)
    assert [p.name for p in kept] == ["w3.jsonl", "w340.jsonl", "w35.jsonl", "w3v.jsonl"]


def test_excluded_file_names_and_authors_combine(tmp_path):
    folder = _files(tmp_path, "w1.jsonl", "w1v.jsonl", "w2.jsonl")
    assert [p.name for p in train_signal.independent_files(("w1v.jsonl",), "w2", folder)] == ["w1.jsonl"]
    assert len(train_signal.independent_files((), "", folder)) == 3


def test_an_excluded_author_must_be_named_wN(tmp_path):
    with pytest.raises(ValueError, match="w34.jsonl"):
        train_signal.independent_files((), "w34.jsonl", _files(tmp_path, "w34.jsonl"))


def test_the_command_line_leaves_the_excluded_authors_out_of_training_and_validation(monkeypatch, tmp_path):
    seen = {}

    def fake_labeled_drafts(paths, ruleset):
        seen["paths"] = [p.name for p in paths]
        raise SystemExit(0)

    monkeypatch.setattr(train_signal, "labeled_drafts", fake_labeled_drafts)
    monkeypatch.setattr(train_signal, "sentence_rows", lambda path: [])
    with pytest.raises(SystemExit):
        train_signal.main(["--cv", "--exclude-authors", "w34,w35,w36", "--clean"])
    assert seen["paths"] and not any(n.startswith(("w34", "w35", "w36")) for n in seen["paths"])
    assert "w33.jsonl" in seen["paths"] and "w33v.jsonl" in seen["paths"]


def test_balanced_weights_give_every_sources_positives_the_same_total():
    row = train_signal.Row
    rows = [row([], {"blame-shifting"}, "w1")] * 3 + [row([], {"blame-shifting"}, "w2")] + [row([], set(), "w1")] * 2
    weights = train_signal.author_balanced_weights(rows, "blame-shifting")
    assert np.allclose(weights, [2 / 3] * 3 + [2.0] + [1.0, 1.0])
    assert weights[:4].sum() == pytest.approx(4)  # the positives' mass is unchanged
