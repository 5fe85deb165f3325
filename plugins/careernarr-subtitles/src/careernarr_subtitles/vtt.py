"""``webvtt``: WebVTT subtitle files; cues are checked with ``webvtt-py``'s model.

The file is read block by block (blocks end at blank lines, and a second
timing line starts a new cue even without one) so every problem can name
its line. ``NOTE``, ``STYLE`` and ``REGION`` blocks and header fields go to
``metadata``; cue identifiers, settings and ``<v Speaker>`` voices go to each
cue's entry in ``metadata["cues"]``. Timestamps written with ``,`` or without
milliseconds are accepted. A file whose first line is not ``WEBVTT``, a
timing line that cannot be read, or words before the first cue are a
:class:`~careernarr.errors.ParseError` naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import webvtt
from careernarr.errors import ParseError
from careernarr.model import Narrative
from careernarr.source import Source
from webvtt.errors import MalformedCaptionError

from ._cues import TIMING_LIKE, Cue, narrative_from_cues

__all__ = ["WebVttParser"]

_HEADER = re.compile(r"^WEBVTT(?:[ \t]+(.*?))?[ \t]*$")
_TS = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_TIMING = re.compile(rf"^\s*({_TS})[ \t]*-->[ \t]*({_TS})(?:[ \t]+(.*?))?\s*$")
_FIELD = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)\s*$")
_TIMING_EXAMPLE = "a timing line like `00:00:01.000 --> 00:00:04.000`"


def _timestamp(raw: str) -> str:
    """``1:02,5`` → ``1:02.5``; ``00:01:02`` → ``00:01:02.000`` (webvtt-py wants ``.mmm``)."""
    raw = raw.replace(",", ".")
    return raw if "." in raw else raw + ".000"


def _blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """``(index of first line, lines)`` per block; a block ends at a blank line.

    A line with ``-->`` that cannot be this block's timing line starts a new
    block, as WebVTT players read files missing a blank line between cues.
    """
    block: list[str] = []
    first = 0
    in_header = True
    for i, line in enumerate(lines):
        new_cue = bool(block) and "-->" in line and (in_header or len(block) > 1 or "-->" in block[0])
        if not line.strip() or new_cue:
            if block:
                yield first, block
                block = []
                in_header = False
            if not line.strip():
                continue
        if not block:
            first = i
        block.append(line)
    if block:
        yield first, block


def _keyword(line: str, word: str) -> bool:
    return line == word or (line.startswith(word) and line[len(word)].isspace())


class WebVttParser:
    """WebVTT (``.vtt``) subtitles: one cue per line, timings, identifiers and settings kept."""

    name = "webvtt"
    description = "WebVTT (.vtt) subtitles: cue text in order, timings, voices, notes and styles kept."

    def sniff(self, source: Source) -> float:
        first = source.head.lstrip("\ufeff").split("\n", 1)[0]
        return 0.99 if _HEADER.match(first) else 0.0

    def parse(self, source: Source) -> Narrative:
        lines = source.text.lstrip("\ufeff").split("\n")
        header = _HEADER.match(lines[0])
        if header is None:
            raise ParseError(
                f"not a WebVTT file: the first line is {lines[0][:40]!r}", file=source.name, line=1,
                expected="`WEBVTT` on the first line",
            )
        meta: dict[str, Any] = {}
        if header.group(1):
            meta["header"] = header.group(1)
        cues: list[Cue] = []
        notes: list[str] = []
        styles: list[str] = []
        regions: list[str] = []
        warnings: list[str] = []
        blocks = _blocks(lines)
        _, head_block = next(blocks)
        fields = {m.group(1): m.group(2) for m in map(_FIELD.match, head_block[1:]) if m}
        if fields:
            meta["header_fields"] = fields
        other = [line for line in head_block[1:] if not _FIELD.match(line)]
        if other:
            meta["header_lines"] = other
        for first, block in blocks:
            line_no = first + 1
            top = block[0].strip()
            if _keyword(top, "NOTE"):
                notes.append("\n".join(block)[block[0].index("NOTE") + 4 :].strip())
            elif top == "STYLE":
                styles.append("\n".join(block[1:]))
            elif top == "REGION":
                regions.append("\n".join(block[1:]))
            elif "-->" in block[0] or (len(block) > 1 and "-->" in block[1]):
                cues.append(self._cue(block, line_no, len(cues) + 1, source.name))
            elif TIMING_LIKE.match(block[0]):
                raise ParseError(f"a cue timing line that cannot be read: {top!r}", file=source.name,
                                 line=line_no, expected=_TIMING_EXAMPLE)
            elif cues:
                last = cues[-1]
                cues[-1] = Cue(last.start_ms, last.end_ms, last.text + "\n\n" + "\n".join(block), last.index,
                               last.line, last.identifier, last.settings, last.voice)
                warnings.append(f"line {line_no}: text after a blank line inside a cue, kept with that cue")
            else:
                raise ParseError(f"text outside any cue: {top[:60]!r}", file=source.name, line=line_no,
                                 expected=f"a cue ({_TIMING_EXAMPLE}), or a NOTE, STYLE or REGION block")
        if not cues:
            raise ParseError("no subtitle cues found", file=source.name, line=len(lines),
                             expected=f"at least one cue ({_TIMING_EXAMPLE})")
        for key, items in (("notes", notes), ("styles", styles), ("regions", regions)):
            if items:
                meta[key] = items
        title = meta.get("header", "").lstrip("-–—: \t") or None
        if title and title.upper() == "FILE":  # "WEBVTT FILE", an old way to write the first line
            title = None
        return narrative_from_cues(self.name, cues, source, title=title, metadata=meta, warnings=warnings)

    @staticmethod
    def _cue(block: list[str], line_no: int, position: int, file: str) -> Cue:
        at = 0 if "-->" in block[0] else 1
        timing_line = line_no + at
        m = _TIMING.match(block[at])
        if m is None:
            raise ParseError(f"a cue timing line that cannot be read: {block[at].strip()!r}", file=file,
                             line=timing_line, expected=_TIMING_EXAMPLE)
        payload = block[at + 1 :]
        for offset, line in enumerate(payload, start=1):
            if TIMING_LIKE.match(line):
                raise ParseError(f"a cue timing line that cannot be read: {line.strip()!r}", file=file,
                                 line=timing_line + offset, expected=_TIMING_EXAMPLE)
        try:
            caption = webvtt.Caption(_timestamp(m.group(1)), _timestamp(m.group(2)), payload,
                                     identifier=block[0] if at else None)
        except MalformedCaptionError as exc:
            raise ParseError(f"a cue timestamp cannot be read: {exc}", file=file, line=timing_line,
                             expected=_TIMING_EXAMPLE) from None
        return Cue(
            caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds(), caption.raw_text,
            position, timing_line, identifier=caption.identifier, settings=m.group(3) or None,
            voice=caption.voice,
        )
