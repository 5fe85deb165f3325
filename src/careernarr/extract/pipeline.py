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


def _speakers_back(items: Sequence[T], working: Narrative, narrative: Narrative,
                   back: Callable[[Span], Span]) -> tuple[T, ...]:
    """``items`` (reflections of the working text) with their speakers in the user's script:
    a post's author as the post names it, a name found in the text as the text writes it."""
    names: dict[str, str] = {}
    for wp, np in zip(working.posts, narrative.posts):
        for w, o in ((wp.author, np.author), *zip(wp.mentions, np.mentions),
                     *zip(wp.author_candidates, np.author_candidates)):
            if w and o:
                names.setdefault(w, o)
    out = []
    for item in items:
        speaker = getattr(item, "speaker", None)
        if speaker and speaker != "narrator" and speaker not in names.values():
            original = names.get(speaker) or _as_written(speaker, item.span.end, working.text,  # type: ignore[attr-defined]
                                                          narrative.text, back)
            if original and original != speaker:
                item = attrs.evolve(item, speaker=original)  # type: ignore[misc]
        out.append(item)
    return tuple(out)


def _as_written(name: str, before: int, working: str, text: str, back: Callable[[Span], Span]) -> str | None:
    """``name`` (found in the working text, nearest before ``before``) as the user's text writes it."""
    at = working.rfind(name, 0, before)
    if at < 0:
        at = working.find(name)
    if at < 0:
        return None
    span = back(Span(at, at + len(name)))
    return span.of(text) or None


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
    if "reflections" in found and working is not narrative:
        found["reflections"] = _speakers_back(found["reflections"], working, narrative, back)
    return narrative.evolve(**{k: _map_back(v, back, narrative.text) for k, v in found.items()})
