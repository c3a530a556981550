"""Time and time zone intelligence: find the times a draft names and what a reader could get wrong.

`extract` finds time mentions, `zones` knows what zone names and abbreviations mean,
`checks` registers the Python checks that `rules/timezone.yaml` selects.
"""
from . import checks  # noqa: F401  (registers the checks)
