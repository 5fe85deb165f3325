"""Built-in ``events`` extractor (not written yet)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .context import ExtractionContext


class EventExtractor:
    """Finds events."""

    name = "builtin-events"
    field = "events"

    def extract(self, context: ExtractionContext) -> Sequence[Any]:
        return []
