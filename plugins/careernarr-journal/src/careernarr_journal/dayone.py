"""``dayone``: a Day One journal exported as JSON (``Journal.json`` in the export zip).

Each entry's ``text`` is Day One's Markdown: its backslash escapes (``\\.``,
``\\-``, ``\\!``) are undone so the words read as written. The entry's date is
``creationDate`` (UTC) shown in the entry's own ``timeZone``. Every other
field of an entry (uuid, tags, starred, location, weather, photos …) is kept
in its ``metadata["entries"]`` item; only ``richText``, a second rendering of
the same text, is left out.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from careernarr.errors import ParseError
from careernarr.model import Narrative
from careernarr.source import Source

from ._entries import Entry, load_json, narrative_from_entries, tags_in

__all__ = ["DayOneParser", "unescape"]

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_EXPECTED = 'Day One\'s JSON export: {"metadata": …, "entries": [{"creationDate": "2025-03-05T01:14:09Z", "text": …}]}'


def unescape(markdown: str) -> str:
    """Day One's Markdown with backslash escapes undone (``2024\\. Done\\!`` → ``2024. Done!``)."""
    return _ESCAPE.sub(r"\1", markdown)


def _local(stamp: str, zone: object, warnings: list[str]) -> str:
    moment = _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if isinstance(zone, str) and zone and moment.tzinfo is not None:
        try:
            moment = moment.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            warnings.append(f"unknown time zone {zone!r}: the date is given in UTC")
    return moment.strftime("%Y-%m-%dT%H:%M")


class DayOneParser:
    """Day One JSON exports: one dated section per entry, entry fields kept in metadata."""

    name = "dayone"
    description = "Day One journal exports (Journal.json): one dated section per entry, tags and places kept."

    def sniff(self, source: Source) -> float:
        head = source.head
        if head.lstrip().startswith("{") and '"entries"' in head and '"creationDate"' in head:
            return 0.95
        return 0.0

    def parse(self, source: Source) -> Narrative:
        data = load_json(source, _EXPECTED)
        line = source.line_of(source.text.find('"entries"')) if '"entries"' in source.text else 1
        if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
            raise ParseError('no "entries" list', file=source.name, line=line, expected=_EXPECTED)
        warnings: list[str] = []
        entries = []
        for n, raw in enumerate(data["entries"], start=1):
            if not isinstance(raw, Mapping) or not isinstance(raw.get("creationDate"), str):
                raise ParseError(f'entry {n} has no "creationDate"', file=source.name, line=line,
                                 expected=_EXPECTED)
            try:
                when = _local(raw["creationDate"], raw.get("timeZone"), warnings)
            except ValueError:
                raise ParseError(f"entry {n}: not a date: {raw['creationDate']!r}", file=source.name, line=line,
                                 expected="an ISO 8601 time like 2025-03-05T01:14:09Z") from None
            text = unescape(str(raw.get("text") or "")).strip()
            first = text.split("\n", 1)[0].strip()
            heading = _HEADING.match(first)
            title = heading.group(1) if heading else (first if 0 < len(first) <= 80 else None)
            raw_tags = raw.get("tags")
            tags = tuple(str(t) for t in raw_tags) if isinstance(raw_tags, list) else tags_in(text)
            extra: dict[str, Any] = {k: v for k, v in raw.items() if k not in ("text", "richText", "tags")}
            entries.append(Entry(when, text, title, tags, extra))
        meta = {k: v for k, v in data.items() if k != "entries"}
        return narrative_from_entries(self.name, entries, source, metadata=meta, warnings=warnings)
