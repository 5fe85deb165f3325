"""``jrnl``: a jrnl journal, as its plain-text journal file or its JSON export.

The plain-text file (``[2025-03-05 09:14] Title. Body…``, entries one after
another) is kept as it is: the narrative's text is the file, each entry a
section. The JSON export (``jrnl --format json``: ``{"tags": …, "entries":
[{"date", "time", "title", "body", "tags", "starred"}]}``) is laid out the
same way, so both give the same narrative.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any

from careernarr.errors import ParseError
from careernarr.model import Narrative, Section
from careernarr.source import Source

from ._entries import Entry, load_json, narrative_from_entries, tags_in, title_of

__all__ = ["JrnlParser"]

_ENTRY = re.compile(
    r"^\[(?P<date>\d{4}-\d{2}-\d{2})[ T](?P<clock>\d{1,2}:\d{2}(?::\d{2})?)(?:[ \t]?(?P<ampm>[AaPp][Mm]))?\][ \t]?"
    r"(?P<rest>.*)$",
    re.MULTILINE,
)
_JSON_EXPECTED = 'jrnl\'s JSON export: {"entries": [{"date": "2025-03-05", "time": "09:14", "title": …, "body": …}]}'
_TEXT_EXPECTED = "jrnl entries: lines starting `[2025-03-05 09:14] ` followed by the entry"


def _clock(clock: str, ampm: str | None) -> str:
    hh, mm = (int(x) for x in clock.split(":")[:2])
    if ampm:
        hh = hh % 12 + (12 if ampm.lower() == "pm" else 0)
    return f"{hh:02d}:{mm:02d}"


def _looks_like_jrnl_json(head: str) -> bool:
    return (
        head.lstrip().startswith("{")
        and '"entries"' in head
        and '"creationDate"' not in head
        and re.search(r'"date"\s*:\s*"\d{4}-\d{2}-\d{2}"', head) is not None
        and '"title"' in head
    )


class JrnlParser:
    """jrnl journals: the plain-text journal file or ``jrnl --format json``; one section per entry."""

    name = "jrnl"
    description = "jrnl journals ([2025-03-05 09:14] entries, or jrnl's JSON export): one dated section per entry."

    def sniff(self, source: Source) -> float:
        head = source.head
        if _looks_like_jrnl_json(head):
            return 0.9
        first = next((ln for ln in head.split("\n") if ln.strip()), "")
        if _ENTRY.match(first):
            return 0.9
        return 0.5 if len(_ENTRY.findall(head)) >= 2 else 0.0

    def parse(self, source: Source) -> Narrative:
        if source.text.lstrip().startswith("{"):
            return self._parse_json(source)
        return self._parse_text(source)

    def _parse_text(self, source: Source) -> Narrative:
        text = source.text
        starts = list(_ENTRY.finditer(text))
        if not starts:
            raise ParseError("no jrnl entry found", file=source.name, line=1, expected=_TEXT_EXPECTED)
        warnings: list[str] = []
        if text[: starts[0].start()].strip():
            warnings.append("text before the first entry is kept but belongs to no entry")
        sections: list[Section] = []
        listed: list[dict[str, Any]] = []
        for i, m in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            title = title_of(m.group("rest")) or None
            when = f"{m.group('date')}T{_clock(m.group('clock'), m.group('ampm'))}"
            try:
                _dt.date.fromisoformat(m.group("date"))
            except ValueError:
                raise ParseError(f"not a date: {m.group('date')}", file=source.name,
                                 line=source.line_of(m.start()), expected="an entry date like 2025-03-05") from None
            span = (m.start(), end)
            sections.append(Section(title, 1, span, "entry"))
            listed.append({"date": when, "title": title, "tags": list(tags_in(text[m.start():end])),
                           "span": list(span)})
        days = sorted(e["date"][:10] for e in listed)
        return Narrative(
            format=self.name,
            text=text,
            date=days[0],
            tags=list(dict.fromkeys(t for e in listed for t in e["tags"])),
            metadata={"entries": listed, "date_range": [days[0], days[-1]]},
            sections=sections,
            source=source.path,
            warnings=warnings,
        )

    def _parse_json(self, source: Source) -> Narrative:
        data = load_json(source, _JSON_EXPECTED)
        line = source.line_of(source.text.find('"entries"')) if '"entries"' in source.text else 1
        if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
            raise ParseError('no "entries" list', file=source.name, line=line, expected=_JSON_EXPECTED)
        entries = []
        for n, raw in enumerate(data["entries"], start=1):
            if not isinstance(raw, Mapping) or not isinstance(raw.get("date"), str):
                raise ParseError(f'entry {n} has no "date"', file=source.name, line=line, expected=_JSON_EXPECTED)
            try:
                day = _dt.date.fromisoformat(raw["date"]).isoformat()
            except ValueError:
                raise ParseError(f"entry {n}: not a date: {raw['date']!r}", file=source.name, line=line,
                                 expected="a date like 2025-03-05") from None
            clock = raw.get("time")
            when = f"{day}T{clock}" if isinstance(clock, str) and re.fullmatch(r"\d{2}:\d{2}", clock) else day
            title = str(raw.get("title") or "")
            body = str(raw.get("body") or "")
            # jrnl's body keeps its leading space when it went on the title's line
            joined = title + ((body if body[:1].isspace() else "\n" + body) if body.strip() else "")
            tags = tuple(str(t) for t in raw.get("tags") or ()) or tags_in(joined)
            extra = {k: v for k, v in raw.items() if k not in ("date", "time", "title", "body", "tags")}
            entries.append(Entry(when, joined.rstrip(), title or None, tags, extra))
        meta = {k: v for k, v in data.items() if k != "entries"}
        return narrative_from_entries(self.name, entries, source, metadata=meta)
