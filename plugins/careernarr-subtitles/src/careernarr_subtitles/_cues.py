"""What SRT and WebVTT share: a cue, and cues read into a narrative.

The narrative's text is the cues' text, one cue after another separated by a
line break, each cue's text exactly as written (tags such as ``<i>`` or
``<v Speaker>`` included). Timings are structure: each cue is a section
(role ``cue``) headed ``00:01:02.500 --> 00:01:05.000``, and
``metadata["cues"]`` lists every cue's number, start and end (seconds) and
span.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen
from careernarr.model import Narrative, Section
from careernarr.source import Source

__all__ = ["TIMING_LIKE", "Cue", "clock", "iso_duration", "narrative_from_cues"]

#: A line that looks like a garbled cue timing line (two timestamps joined by something
#: other than ``-->``): in cue text it means a broken file, not words.
TIMING_LIKE = re.compile(
    r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,:]\d{1,3}\s*(?:-+|–|—|=+|->|to)\s*>?\s*(?:\d+:)?\d{1,2}:\d{2}"
)


@frozen
class Cue:
    """One subtitle cue: its times in milliseconds, its text, and where it came from."""

    start_ms: int
    end_ms: int
    text: str
    index: int
    line: int
    identifier: str | None = None
    settings: str | None = None
    voice: str | None = None


def clock(ms: int) -> str:
    """``62500`` → ``00:01:02.500``."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def iso_duration(ms: int) -> str:
    """``65500`` → ``PT1M5.5S`` (ISO 8601)."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    out = "PT"
    if hours:
        out += f"{hours}H"
    if minutes:
        out += f"{minutes}M"
    if seconds or millis or out == "PT":
        out += (f"{seconds}.{millis:03d}".rstrip("0") if millis else str(seconds)) + "S"
    return out


def _seconds(ms: int) -> float | int:
    return ms // 1000 if ms % 1000 == 0 else ms / 1000


def narrative_from_cues(
    format: str,
    cues: Sequence[Cue],
    source: Source,
    *,
    title: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    warnings: Sequence[str] = (),
) -> Narrative:
    """The narrative of ``cues``: their text joined by line breaks, one section per cue."""
    parts: list[str] = []
    sections: list[Section] = []
    listed: list[dict[str, Any]] = []
    pos = 0
    for cue in cues:
        if parts:
            pos += 1  # the line break between two cues
        start, end = pos, pos + len(cue.text)
        parts.append(cue.text)
        pos = end
        heading = f"{clock(cue.start_ms)} --> {clock(cue.end_ms)}"
        sections.append(Section(heading, 0, (start, end), "cue"))
        entry: dict[str, Any] = {
            "index": cue.index,
            "start": _seconds(cue.start_ms),
            "end": _seconds(cue.end_ms),
            "span": [start, end],
            "line": cue.line,
        }
        for key in ("identifier", "settings", "voice"):
            value = getattr(cue, key)
            if value:
                entry[key] = value
        listed.append(entry)
    meta: dict[str, Any] = dict(metadata or {})
    meta["cues"] = listed
    last_end = max((cue.end_ms for cue in cues), default=None)
    return Narrative(
        format=format,
        text="\n".join(parts),
        title=title,
        duration=iso_duration(last_end) if last_end is not None else None,
        metadata=meta,
        sections=sections,
        source=source.path,
        warnings=warnings,
    )
