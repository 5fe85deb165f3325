"""Mermaid ``timeline`` text for one narrative or a corpus.

Periods are the events' times (read by :func:`~.timeline.humanize_when`),
sorted by EDTF lower bound and grouped in one ``section`` per year; undated
events close the diagram in their own section, in narrative order.

Mermaid reads ``:`` as an event separator, ``#`` and ``%%`` as comments,
``%%{…}%%`` anywhere as a configuration directive, and decodes ``#NN;``
entity codes after parsing. :func:`mermaid_text` therefore writes every
character that could mean something to Mermaid (``: # % ; " ' ` < > & { } =``
and newlines) as an entity code, so a document's words can neither end a
field nor reach Mermaid's directive, ``click`` or HTML handling.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Narrative
from ._text import clip_columns, wrap_columns
from .timeline import Timeline, TimelineEntry, build_timeline, humanize_when

__all__ = ["MermaidExporter", "mermaid_text", "timeline_to_mermaid", "to_mermaid"]

_SPECIAL = set(':#%;"\'`<>&{}=\\|[]()') | {"\ufb02", "\u00b6", "\u00b0", "\u00df"}
# ﬂ ¶ ° ß are Mermaid's own entity placeholders: written as codes, input cannot forge one.

#: Columns per line in an event box (an East Asian wide character takes two) and lines
#: of evidence kept; Mermaid wraps only at spaces, so Chinese text is wrapped here.
WRAP_COLUMNS = 20
MAX_EVIDENCE_LINES = 4


def mermaid_text(text: str | None, limit: int | None = None) -> str:
    """``text`` on one line with every Mermaid-significant character as ``#NN;``."""
    flat = " ".join((text or "").split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    out = "".join(f"#{ord(ch)};" if ch in _SPECIAL else ch for ch in flat)
    return out or "#160;"


def _event_label(tl: Timeline, entry: TimelineEntry) -> str:
    """The event's box: narrative (in a corpus), kind and subject, wrapped evidence."""
    head = entry.event.kind
    if entry.event.subject != "narrator":
        head += f" ({entry.event.subject})"
    lines = []
    if len(tl.narratives) > 1:
        lines.append(clip_columns(f"[{entry.narrative + 1}] {tl.label(entry)}", WRAP_COLUMNS))
    lines.append(head)
    lines += wrap_columns(entry.event.text, WRAP_COLUMNS, MAX_EVIDENCE_LINES)
    # <br> is Mermaid's own line break; it is the only markup written unescaped.
    return "<br>".join(mermaid_text(x) for x in lines)


def timeline_to_mermaid(tl: Timeline, title: str | None = None) -> str:
    """The Mermaid ``timeline`` of an already built (perhaps filtered) timeline."""
    if title is None:
        title = tl.label(0) if len(tl.narratives) == 1 else f"Career timeline of {len(tl.narratives)} narratives"
    lines = ["timeline", f"    title {mermaid_text(title)}"]
    section: str | None = None
    period: str | None = None
    for entry in tl.dated:
        assert entry.range is not None
        year = str(entry.range.lower.year)
        if year != section:
            section, period = year, None
            lines.append(f"    section {year}")
        label = humanize_when(entry.event.when)
        if label != period:
            period = label
            lines.append(f"        {mermaid_text(label)} : {_event_label(tl, entry)}")
        else:
            lines.append(f"            : {_event_label(tl, entry)}")
    if tl.undated:
        lines += ["    section Undated", f"        undated : {_event_label(tl, tl.undated[0])}"]
        lines += [f"            : {_event_label(tl, e)}" for e in tl.undated[1:]]
    if not tl.entries:
        lines += ["    no events : #160;"]
    return "\n".join(lines) + "\n"


def to_mermaid(narratives: Sequence[Narrative] | Narrative, title: str | None = None) -> str:
    """A Mermaid ``timeline`` of the events of ``narratives``, merged."""
    return timeline_to_mermaid(build_timeline(narratives), title)


class MermaidExporter:
    """One Mermaid timeline for all the narratives given."""

    name = "mermaid"
    description = "A Mermaid timeline diagram (text) of all events, sorted by time"
    suffix = ".mmd"

    def export(self, narratives: Sequence[Narrative]) -> str:
        return to_mermaid(narratives)
