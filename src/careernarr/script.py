"""Simplified ⇄ traditional Chinese with OpenCC, keeping every offset right.

(First version: language detection and an identity working form. The
offset-preserving conversion is being written.)
"""

from __future__ import annotations

from collections.abc import Callable

from .model import Narrative, Span

__all__ = ["detect_language", "working_form"]


def detect_language(text: str) -> str:
    """``zh-Hans``, ``zh-Hant``, ``en`` or ``mixed`` (see docs/script.md)."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if han == 0 and latin == 0:
        return "und"
    if han < latin * 0.1:
        return "en"
    return "zh-Hans"


def working_form(narrative: Narrative) -> tuple[Narrative, Callable[[Span], Span]]:
    """The narrative in careernarr's working script, and a map of its spans back."""
    return narrative, lambda span: span


def convert(narrative: Narrative, to: str) -> Narrative:
    """``narrative`` converted to script ``to`` (being written)."""
    from .errors import CareerNarrError

    raise CareerNarrError("script conversion is not available yet")
