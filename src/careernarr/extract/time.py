"""Built-in ``time_expressions`` extractor (not written yet)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .context import ExtractionContext


class TimeExtractor:
    """Finds time_expressions."""

    name = "builtin-time"
    field = "time_expressions"

    def extract(self, context: ExtractionContext) -> Sequence[Any]:
        return []
