"""What an extractor is handed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import field, frozen

from ..model import Narrative, TimeExpr

__all__ = ["ExtractionContext"]


@frozen
class ExtractionContext:
    """The input of every :class:`~careernarr.hookspecs.Extractor`.

    ``narrative`` is the document in careernarr's working script (simplified
    Chinese; other text untouched), so lexicons are written once: extractors
    return spans into *its* text and careernarr maps them back to the user's
    text afterwards. ``time_expressions`` holds what the time extractor found
    (empty while the time extractor itself runs). ``reference_date`` is the
    document's own date (EDTF), if any. ``lexicons`` are extra lexicons from
    plugins (paths or mappings).
    """

    narrative: Narrative
    reference_date: str | None = None
    time_expressions: tuple[TimeExpr, ...] = field(default=(), converter=tuple)
    lexicons: Sequence[Any] = ()
    language: str | None = None

    @property
    def text(self) -> str:
        """The working text every span points into."""
        return self.narrative.text
