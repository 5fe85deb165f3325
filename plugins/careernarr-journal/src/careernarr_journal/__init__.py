"""careernarr-journal: personal journals (jrnl, Day One) as careernarr narratives.

Installed next to careernarr, it adds the formats ``jrnl`` (jrnl's plain-text
journal file or its JSON export) and ``dayone`` (Day One's JSON export), under
the entry point ``journal`` of the group ``careernarr``::

    >>> import careernarr
    >>> n = careernarr.parse("work.txt")                         # doctest: +SKIP
    >>> n.format, n.metadata["date_range"], n.sections[0].heading  # doctest: +SKIP
    ('jrnl', ['2025-01-06', '2025-03-14'], 'First day on the new team.')
"""

from __future__ import annotations

from collections.abc import Sequence

import careernarr
from careernarr.hookspecs import Parser

from .dayone import DayOneParser
from .jrnl import JrnlParser

__all__ = ["DayOneParser", "JrnlParser", "careernarr_parsers"]
__version__ = "0.1.0"


@careernarr.hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    """The ``jrnl`` and ``dayone`` parsers."""
    return [JrnlParser(), DayOneParser()]
