"""TimelineJS3 JSON (Knight Lab) for one narrative or a corpus.

Each dated event becomes a slide: ``start_date``/``end_date`` come from
the EDTF range at the precision the value has (a year, a month, a day; a
season or an interval gets both ends), ``display_date`` is the document's
own phrase (``2023年底``) when it can be found, and ``group`` is the
narrative (several narratives) or the event kind (one narrative). TimelineJS
cannot place an undated event, so those are listed on the title slide
rather than dropped.

TimelineJS inserts ``headline``, ``text``, ``display_date`` and ``group`` as
HTML, so every text from the document is HTML-escaped before it goes in.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from html import escape
from typing import Any, Literal

from ..model import Narrative
from .timeline import Timeline, TimelineEntry, TimeRange, build_timeline, humanize_when

__all__ = ["TimelineJsExporter", "date_parts", "timeline_to_timelinejs", "to_timelinejs"]

GroupBy = Literal["auto", "narrative", "kind", "none"]


def _h(text: str | None) -> str:
    return escape(" ".join((text or "").split()), quote=True)


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _last_day(d: _dt.date) -> bool:
    return (d + _dt.timedelta(days=1)).day == 1


def date_parts(rng: TimeRange) -> tuple[dict[str, int], dict[str, int] | None]:
    """TimelineJS ``start_date`` and ``end_date`` for a range, at its precision."""
    lo, hi = rng.lower, rng.upper
    if lo.month == 1 and lo.day == 1 and hi.month == 12 and hi.day == 31:
        start: dict[str, int] = {"year": lo.year}
        end: dict[str, int] | None = {"year": hi.year} if hi.year != lo.year else None
    elif lo.day == 1 and _last_day(hi):
        start = {"year": lo.year, "month": lo.month}
        end = None if (hi.year, hi.month) == (lo.year, lo.month) else {"year": hi.year, "month": hi.month}
    else:
        start = {"year": lo.year, "month": lo.month, "day": lo.day}
        end = None if hi == lo else {"year": hi.year, "month": hi.month, "day": hi.day}
    return start, end


def _group(tl: Timeline, entry: TimelineEntry, group_by: GroupBy) -> str | None:
    if group_by == "auto":
        group_by = "narrative" if len(tl.narratives) > 1 else "kind"
    if group_by == "narrative":
        return _h(_short(tl.label(entry), 40))
    if group_by == "kind":
        return _h(entry.event.kind)
    return None


def _slide(tl: Timeline, entry: TimelineEntry, group_by: GroupBy) -> dict[str, Any]:
    assert entry.range is not None
    start, end = date_parts(entry.range)
    ev = entry.event
    loc = tl.location(entry)
    when = humanize_when(ev.when)
    facts = [f"<b>{_h(ev.kind)}</b>", _h(ev.subject),
             _h(when) + ("" if when == ev.when else f" <code>{_h(ev.when)}</code>")]
    if ev.duration:
        facts.append(f"duration <code>{_h(ev.duration)}</code>")
    headline = _short(ev.text)
    text = (
        (f"<blockquote>{_h(ev.text)}</blockquote>" if headline != " ".join(ev.text.split()) else "")
        + f"<p>{' · '.join(facts)}</p>"
        f"<p><small>{_h(loc.describe())}</small></p>"
    )
    slide: dict[str, Any] = {
        "unique_id": entry.id,
        "start_date": start,
        "display_date": _h(entry.phrase or when),
        "text": {"headline": _h(headline), "text": text},
    }
    if end is not None:
        slide["end_date"] = end
    group = _group(tl, entry, group_by)
    if group:
        slide["group"] = group
    return slide


def _title_slide(tl: Timeline, title: str | None) -> dict[str, Any]:
    if title is None:
        title = tl.label(0) if len(tl.narratives) == 1 else f"Career timeline of {len(tl.narratives)} narratives"
    parts = []
    if len(tl.narratives) == 1 and tl.narratives[0].summary:
        parts.append(f"<p>{_h(tl.narratives[0].summary)}</p>")
    parts.append(f"<p>{len(tl.dated)} dated events from {len(tl.narratives)} "
                 f"narrative{'s' if len(tl.narratives) != 1 else ''}.</p>")
    if tl.undated:
        items = "".join(
            f"<li>{_h(e.event.kind)}: {_h(_short(e.event.text, 120))} <small>({_h(tl.label(e))})</small></li>"
            for e in tl.undated
        )
        parts.append(f"<p>{len(tl.undated)} undated events (not placed on the timeline):</p><ul>{items}</ul>")
    return {"text": {"headline": _h(title), "text": "".join(parts)}}


def timeline_to_timelinejs(tl: Timeline, *, group_by: GroupBy = "auto", title: str | None = None) -> dict[str, Any]:
    """The TimelineJS3 JSON object of an already built (perhaps filtered) timeline."""
    return {
        "title": _title_slide(tl, title),
        "events": [_slide(tl, e, group_by) for e in tl.dated],
    }


def to_timelinejs(
    narratives: Sequence[Narrative] | Narrative, *, group_by: GroupBy = "auto", title: str | None = None
) -> dict[str, Any]:
    """The TimelineJS3 JSON object of the events of ``narratives``, merged."""
    return timeline_to_timelinejs(build_timeline(narratives), group_by=group_by, title=title)


class TimelineJsExporter:
    """One TimelineJS3 JSON file for all the narratives given."""

    name = "timelinejs"
    description = "TimelineJS3 JSON (Knight Lab): dated events as slides, grouped by narrative or kind"
    suffix = ".timeline.json"

    def __init__(self, group_by: GroupBy = "auto") -> None:
        self.group_by: GroupBy = group_by

    def export(self, narratives: Sequence[Narrative]) -> str:
        return json.dumps(to_timelinejs(narratives, group_by=self.group_by), ensure_ascii=False, indent=2)
