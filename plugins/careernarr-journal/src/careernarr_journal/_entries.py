"""What journal formats share: dated entries, and entries read into a narrative.

Every entry is laid out the way jrnl writes its own journal file,
``[2025-03-05 09:14] First line`` followed by the rest of the entry, entries
separated by a blank line. The date in brackets gives extractors the day each
entry speaks from; each entry is a section (role ``entry``, headed by its
title) and ``metadata["entries"]`` lists every entry's date, title, tags and
span with whatever else the export held.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import field, frozen
from careernarr.errors import ParseError
from careernarr.model import Narrative, Section
from careernarr.source import Source

__all__ = ["Entry", "load_json", "narrative_from_entries", "tags_in", "title_of"]

_TAG = re.compile(r"(?<![\w@])@[\w-]+")
_TITLE = re.compile(r"^(.*?(?:[.?!](?=\s|$)|[。？！]))")


@frozen
class Entry:
    """One journal entry: when (``2025-03-05T09:14`` or a date), its text, and the rest."""

    when: str
    text: str
    title: str | None = None
    tags: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(factory=dict)


def tags_in(text: str) -> tuple[str, ...]:
    """``@tags`` written in ``text``, first occurrence first."""
    return tuple(dict.fromkeys(m.group(0) for m in _TAG.finditer(text)))


def title_of(first_line: str) -> str:
    """jrnl's title: the first sentence of the first line (the whole line if it has no end mark)."""
    m = _TITLE.match(first_line.strip())
    return (m.group(1) if m else first_line).strip()


def load_json(source: Source, expected: str) -> Any:
    """The JSON document in ``source``; a :class:`ParseError` with line and column if it is not JSON."""
    try:
        return json.loads(source.text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", file=source.name, line=exc.lineno, column=exc.colno,
                         expected=expected) from None


def narrative_from_entries(
    format: str,
    entries: Sequence[Entry],
    source: Source,
    *,
    title: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    warnings: Sequence[str] = (),
) -> Narrative:
    """The narrative of ``entries`` in jrnl's layout, one ``entry`` section each."""
    chunks: list[str] = []
    sections: list[Section] = []
    listed: list[dict[str, Any]] = []
    pos = 0
    for entry in entries:
        if chunks:
            pos += 2  # the blank line between entries
        chunk = f"[{entry.when.replace('T', ' ')}] {entry.text}"
        chunks.append(chunk)
        span = (pos, pos + len(chunk))
        pos = span[1]
        sections.append(Section(entry.title, 1, span, "entry"))
        listed.append({"date": entry.when, "title": entry.title, "tags": list(entry.tags), "span": list(span),
                       **entry.extra})
    meta = dict(metadata or {})
    meta["entries"] = listed
    days = sorted(e.when[:10] for e in entries)
    if days:
        meta["date_range"] = [days[0], days[-1]]
    return Narrative(
        format=format,
        text="\n\n".join(chunks),
        title=title,
        date=days[0] if days else None,
        tags=list(dict.fromkeys(t for e in entries for t in e.tags)),
        metadata=meta,
        sections=sections,
        source=source.path,
        warnings=warnings,
    )
