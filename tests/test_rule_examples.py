"""The built-in library's examples run as tests, one per rule, so a failure names the rule (as `tact rules test`)."""
import pytest

from tact import checks  # noqa: F401  (registers the Python checks the rules name)
from tact.rules.examples import check_examples
from tact.rules.loader import PackError
from tact.rules.ruleset import BUILTIN_RULES, load_rules


def _library():
    try:
        return load_rules([BUILTIN_RULES]), ""
    except PackError as exc:
        return [], str(exc)


RULES, LOAD_ERROR = _library()


def test_the_built_in_library_loads():
    assert not LOAD_ERROR, LOAD_ERROR
    assert RULES


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    failures = check_examples(rule)
    assert not failures, "\n".join(map(str, failures))
