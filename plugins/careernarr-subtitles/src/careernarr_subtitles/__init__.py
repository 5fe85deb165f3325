"""careernarr-subtitles: SRT and WebVTT subtitle files as careernarr narratives.

Installed next to careernarr, it adds the formats ``srt`` and ``webvtt``
(entry point ``subtitles`` of the group ``careernarr``)::

    >>> import careernarr
    >>> n = careernarr.parse("talk.vtt")                 # doctest: +SKIP
    >>> n.format, n.duration, n.sections[0].heading      # doctest: +SKIP
    ('webvtt', 'PT12M41S', '00:00:01.000 --> 00:00:04.200')
"""

from __future__ import annotations

from collections.abc import Sequence

import careernarr
from careernarr.hookspecs import Parser

from .subrip import SrtParser
from .vtt import WebVttParser

__all__ = ["SrtParser", "WebVttParser", "careernarr_parsers"]
__version__ = "0.1.0"


@careernarr.hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    """The ``srt`` and ``webvtt`` parsers."""
    return [SrtParser(), WebVttParser()]
