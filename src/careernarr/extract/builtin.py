"""careernarr's built-in extractors, registered through the ``careernarr_extractors`` hook."""

from __future__ import annotations

from collections.abc import Sequence

from .. import hookimpl
from ..hookspecs import Extractor


@hookimpl
def careernarr_extractors() -> Sequence[Extractor]:
    """The rule-based time, event and reflection extractors."""
    from .events import EventExtractor
    from .reflections import ReflectionExtractor
    from .time import TimeExtractor

    return [TimeExtractor(), EventExtractor(), ReflectionExtractor()]
