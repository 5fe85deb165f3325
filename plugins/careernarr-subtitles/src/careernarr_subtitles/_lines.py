"""Offsets to 1-based line numbers, for error messages."""

from __future__ import annotations

import bisect

__all__ = ["LineIndex"]


class LineIndex:
    """Answers "which line is character ``offset`` on?" in O(log n)."""

    def __init__(self, text: str) -> None:
        self._breaks = [i for i, ch in enumerate(text) if ch == "\n"]

    def line(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect.bisect_left(self._breaks, offset) + 1
