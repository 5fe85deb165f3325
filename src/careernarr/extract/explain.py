"""Why careernarr found what it found: one explanation per extracted item.

:func:`explain` turns a narrative's time expressions, events and reflections
into :class:`Explanation` records: the evidence and where it is (line and
column), the kind, the rule that fired (a lexicon entry such as
``zh.events.job_end:辞职``, or the cues a reflection counted), and the
details that matter for the item (an event's time, the words that dated it
and where they were, its duration and subject; a reflection's themes and
speaker; a time expression's value). :func:`render` prints them for a
terminal; ``careernarr explain FILE`` does both.

>>> import careernarr
>>> records = careernarr.explain("我的2025总结\\n\\n2025年3月，我辞职了。")
>>> [r.kind for r in records if r.field == "events"]
['job_end']
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from ..model import Event, Narrative, Reflection, Span, TimeExpr

if TYPE_CHECKING:
    from ..plugins import Host

__all__ = ["Explanation", "Explanations", "explain", "render"]

#: The order fields are explained and printed in.
FIELDS: tuple[str, ...] = ("time_expressions", "events", "reflections")
_TITLES = {"time_expressions": "Time expressions", "events": "Events", "reflections": "Reflections"}


def _mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return dict(value)


@frozen
class Explanation:
    """One extracted item, explained.

    ``field`` is the narrative field the item comes from; ``line`` and
    ``column`` (from 1) locate its evidence in the narrative's text;
    ``rule`` is what found it; ``details`` holds the item's own facts
    (``when``, ``when_source``, ``when_text``, ``duration``, ``subject`` for
    events; ``themes`` and ``speaker`` for reflections; ``value``,
    ``duration`` and ``resolved`` for time expressions).
    """

    field: str
    kind: str
    text: str
    span: Span
    line: int
    column: int
    rule: str
    details: Mapping[str, Any] = attrs.field(factory=dict, converter=_mapping, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data."""
        return {"field": self.field, "kind": self.kind, "text": self.text,
                "span": [self.span.start, self.span.end], "line": self.line,
                "column": self.column, "rule": self.rule, "details": dict(self.details)}


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _dating_expr(narrative: Narrative, event: Event) -> TimeExpr | None:
    """The time expression that gave ``event`` its time (the nearest one before it)."""
    if not event.when:
        return None
    same = [t for t in narrative.time_expressions if t.value == event.when]
    inside = [t for t in same if event.span.contains(t.span)]
    if inside:
        return inside[0]
    before = [t for t in same if t.span.start <= event.span.start]
    if before:
        return max(before, key=lambda t: t.span.start)
    return min(same, key=lambda t: abs(t.span.start - event.span.start)) if same else None


def _record(narrative: Narrative, name: str, item: Any) -> Explanation:
    line, column = _position(narrative.text, item.span.start)
    details: dict[str, Any]
    if isinstance(item, Event):
        expr = _dating_expr(narrative, item)
        details = {"when": item.when, "when_source": item.when_source,
                   "when_text": expr.text if expr else None,
                   "when_line": _position(narrative.text, expr.span.start)[0] if expr else None,
                   "duration": item.duration, "subject": item.subject}
        kind = item.kind
    elif isinstance(item, Reflection):
        details = {"themes": list(item.themes), "speaker": item.speaker}
        kind = item.kind
    elif isinstance(item, TimeExpr):
        details = {"value": item.value, "duration": item.duration, "resolved": item.resolved}
        kind = "time"
    else:  # an item from a plugin extractor: keep what it has
        details = {}
        kind = str(getattr(item, "kind", name))
    return Explanation(name, kind, narrative.quote(item.span), item.span, line, column,
                       str(getattr(item, "rule", "") or ""), details)


class Explanations(tuple[Explanation, ...]):
    """The explanations of one narrative: a tuple of :class:`Explanation`, printable.

    ``str(explanations)`` (or :meth:`render`) is the terminal text of
    ``careernarr explain``; :meth:`to_dicts` the JSON-ready records.
    """

    title: str | None = None

    def render(self, width: int = 100) -> str:
        """The explanations as text for a terminal."""
        return render(self, title=self.title, width=width)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every record as plain data."""
        return [r.to_dict() for r in self]

    def __str__(self) -> str:
        return self.render()


def explain(source: Narrative | str | bytes | os.PathLike[str], *, fields: Iterable[str] = FIELDS,
            host: Host | None = None) -> Explanations:
    """Explanations of every extracted item of ``source``, field by field, in text order.

    ``source`` is a :class:`~careernarr.model.Narrative` (explained as it
    is) or anything :func:`careernarr.parse` reads (parsed first).
    """
    if not isinstance(source, Narrative):
        from ..api import parse

        source = parse(source, host=host)
    wanted = list(fields)
    unknown = [f for f in wanted if f not in FIELDS]
    if unknown:
        from ..errors import CareerNarrError

        raise CareerNarrError(f"cannot explain {', '.join(unknown)}; choose from {', '.join(FIELDS)}")
    out: list[Explanation] = []
    for name in FIELDS:
        if name not in wanted:
            continue
        items = sorted(getattr(source, name), key=lambda i: (i.span.start, i.span.end))
        out.extend(_record(source, name, item) for item in items)
    result = Explanations(out)
    counts = ", ".join(f"{len(getattr(source, n))} {_TITLES[n].lower()}" for n in FIELDS if n in wanted)
    result.title = f"{source.source or source.title or 'document'} ({source.format}): {counts}"
    return result


def _facts(record: Explanation) -> str:
    d = record.details
    parts: list[str] = []
    if record.field == "events":
        if d.get("when"):
            where = d.get("when_source") or "?"
            said = f" from “{d['when_text']}”" if d.get("when_text") else ""
            line = f", line {d['when_line']}" if d.get("when_line") and where in ("paragraph", "heading") else ""
            parts.append(f"when {d['when']} ({where}{said}{line})")
        else:
            parts.append("when ?")
        if d.get("duration"):
            parts.append(f"for {d['duration']}")
        parts.append(str(d.get("subject")))
    elif record.field == "reflections":
        if d.get("themes"):
            parts.append("themes " + ", ".join(d["themes"]))
        parts.append(f"speaker {d.get('speaker') or '?'}")
    elif record.field == "time_expressions":
        if d.get("value"):
            parts.append(f"= {d['value']}")
        if d.get("duration"):
            parts.append(f"lasting {d['duration']}")
        if not d.get("value") and not d.get("duration"):
            parts.append("= ? (not placed)")
        if d.get("resolved"):
            counted = record.rule.endswith("+after")  # 两年后, "a week later"
            parts.append("(counted from the time told before it)" if counted else "(resolved from the document's year)")
    return "  ".join(parts)


def render(records: Sequence[Explanation], *, title: str | None = None, width: int = 100) -> str:
    """The explanations as text for a terminal, grouped by field."""
    lines: list[str] = []
    if title:
        lines += [title, ""]
    for name in FIELDS:
        group = [r for r in records if r.field == name]
        if not group:
            continue
        lines.append(f"{_TITLES[name]} ({len(group)})")
        for r in group:
            lines.append(f"  {r.line:>4}:{r.column:<4} {r.kind:<13} {_facts(r)}".rstrip())
            quote = " ".join(r.text.split())
            for piece in textwrap.wrap(f"“{quote}”", width=max(20, width - 13)) or ["“”"]:
                lines.append(" " * 13 + piece)
            if r.rule:
                for piece in textwrap.wrap("rule: " + r.rule, width=max(20, width - 13)):
                    lines.append(" " * 13 + piece)
        lines.append("")
    if not lines or all(not ln for ln in lines):
        return "nothing was extracted\n"
    return "\n".join(lines).rstrip() + "\n"
