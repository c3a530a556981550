"""Suggestions as the user sees them once applied: shared by the tone tests of replacements."""
import re

_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
_FINE_DOUBLES = ("so", "please", "very", "sorry", "apologies", "had", "that")
_STRAY = re.compile(r"\s[,.;:?]|,\s*[.;:!?]|\b(?:for|about|with|and|to|the|without),?\s*(?:[.!?;]|$)|  ")


def applied(text, issue, replacement):
    return text[:issue.offset] + replacement + text[issue.offset + issue.length:]


def first_rewrites(check, rules):
    """(rule id, example, the example with the first replacement applied) for each flag example of `rules`."""
    for rule in rules:
        for example in rule.definition["examples"]["flag"]:
            text = example if isinstance(example, str) else example["text"]
            context = {} if isinstance(example, str) else example.get("context", {})
            for issue in check(text=text, rules=[rule.id], **({"context": context} if context else {})).issues:
                if issue.replacements:
                    yield rule.id, text, applied(text, issue, issue.replacements[0])


def reads_as_a_sentence(rewritten: str) -> list[str]:
    """What keeps a rewrite from being sent as it stands, bar at most two [placeholders]."""
    problems = []
    if rewritten.count("[") > 2:
        problems.append("more than two [placeholders]")
    if (doubled := _DOUBLED.search(rewritten)) and doubled.group(1).lower() not in _FINE_DOUBLES:
        problems.append(f"doubled word {doubled.group(0)!r}")
    if _STRAY.search(rewritten):
        problems.append("dangling word or stray punctuation")
    if not rewritten[:1].isupper():
        problems.append("does not start with a capital")
    return problems
