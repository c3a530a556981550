"""Labeled sets under tests/data, scored by the evaluator behind `tact eval`."""
from pathlib import Path

from tact.evaluation import Report, evaluate, read_jsonl

DATA = Path(__file__).parent / "data"


def score(service, name: str, categories) -> Report:
    """Precision, recall and clean drafts flagged for tests/data/`name` in `categories`."""
    return evaluate(read_jsonl(str(DATA / name)), service.ruleset, tuple(categories))
