"""Python checks, registered by name for YAML rules to use (`check: NAME`).

Importing this package registers every built-in Python check.
"""
from . import readability  # noqa: F401
from . import commitments  # noqa: F401
from . import questions  # noqa: F401
from . import account_demand  # noqa: F401
from . import times  # noqa: F401
from . import apologies  # noqa: F401
from . import apology_shapes  # noqa: F401
from . import condescension  # noqa: F401
from . import tautology  # noqa: F401
from . import truisms  # noqa: F401
from . import groveling  # noqa: F401
from . import blame_reader_cause  # noqa: F401
from . import blame_shapes  # noqa: F401
from . import learned  # noqa: F401
from . import reader_ease  # noqa: F401
from . import belittling  # noqa: F401
