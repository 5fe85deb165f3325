"""Built-in ``reflections`` extractor (not written yet)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .context import ExtractionContext


class ReflectionExtractor:
    """Finds reflections."""

    name = "builtin-reflections"
    field = "reflections"

    def extract(self, context: ExtractionContext) -> Sequence[Any]:
        return []
