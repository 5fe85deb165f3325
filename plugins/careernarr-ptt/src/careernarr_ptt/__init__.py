"""careernarr-ptt: PTT BBS articles and their push comments as careernarr narratives.

Installed next to careernarr, it adds the format ``ptt`` (entry point ``ptt``
of the group ``careernarr``)::

    >>> import careernarr
    >>> n = careernarr.parse("M.1741180449.A.123.txt")    # doctest: +SKIP
    >>> n.metadata["board"], n.posts[1].stance, n.posts[1].time   # doctest: +SKIP
    ('Tech_Job', 'push', '2025-03-05T21:20')
"""

from __future__ import annotations

from collections.abc import Sequence

import careernarr
from careernarr.hookspecs import Parser

from .parser import PttParser

__all__ = ["PttParser", "careernarr_parsers"]
__version__ = "0.1.0"


@careernarr.hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    """The ``ptt`` parser."""
    return [PttParser()]
