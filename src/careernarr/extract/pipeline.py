"""Running the extractors: working script in, the user's spans out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..model import Narrative, Span
from ..script import working_form
from .context import ExtractionContext

if TYPE_CHECKING:
    from ..plugins import Host

__all__ = ["run_extractors"]

T = TypeVar("T")


def _map_back(items: Sequence[T], back: Callable[[Span], Span], text: str) -> tuple[T, ...]:
    out = []
    for item in items:
        span = back(item.span)  # type: ignore[attr-defined]
        changes: dict[str, Any] = {"span": span}
        if hasattr(item, "text"):
            changes["text"] = span.of(text)
        out.append(attrs.evolve(item, **changes))  # type: ignore[misc]
    return tuple(out)


def run_extractors(narrative: Narrative, host: Host) -> Narrative:
    """``narrative`` with time expressions, events and reflections filled in.

    Extractors see the narrative in the working script; their spans are
    mapped back to ``narrative.text`` and every item's ``text`` re-quoted
    from it.
    """
    working, back = working_form(narrative)
    extractors = host.extractors
    context = ExtractionContext(
        working,
        reference_date=narrative.date,
        lexicons=host.lexicons,
        language=narrative.language,
    )
    found: dict[str, tuple[Any, ...]] = {}
    for field in ("time_expressions", "events", "reflections"):
        extractor = extractors.get(field)
        if extractor is None:
            continue
        found[field] = tuple(extractor.extract(context))
        if field == "time_expressions":
            context = attrs.evolve(context, time_expressions=found[field])
    return narrative.evolve(**{k: _map_back(v, back, narrative.text) for k, v in found.items()})
