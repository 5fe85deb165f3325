"""``srt``: SubRip subtitle files, read with the ``srt`` library.

Cue numbers may be missing, timestamps may use ``,`` or ``.``, cue text may
hold blank lines. A cue timing line that cannot be read, or text before the
first cue, is a :class:`~careernarr.errors.ParseError` naming the line.
"""

from __future__ import annotations

import re
from datetime import timedelta

import srt
from careernarr.errors import ParseError
from careernarr.model import Narrative
from careernarr.source import Source

from ._cues import TIMING_LIKE, Cue, narrative_from_cues
from ._lines import LineIndex

__all__ = ["SrtParser"]

_TS = r"\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}"
# A cue at the very start: an optional number line, then a timing line.
_FIRST_CUE = re.compile(rf"\A\s*(?:\d+[ \t]*\n)?[ \t]*{_TS}[ \t]*-->[ \t]*{_TS}")
_TIMING_LINE = re.compile(rf"^[ \t]*{_TS}[ \t]*-->[ \t]*{_TS}", re.MULTILINE)
_EXPECTED = "a cue: an optional number line, a timing line like `00:00:01,000 --> 00:00:04,000`, then its text"


def _ms(delta: timedelta) -> int:
    return round(delta.total_seconds() * 1000)


class SrtParser:
    """SubRip (``.srt``) subtitles: one cue per line, timings kept per cue."""

    name = "srt"
    description = "SubRip (.srt) subtitles: cue text in order, each cue's start and end kept."

    def sniff(self, source: Source) -> float:
        head = source.head.lstrip("\ufeff")
        if head.startswith("WEBVTT"):
            return 0.0
        if _FIRST_CUE.match(head):
            return 0.95
        timings = len(_TIMING_LINE.findall(head))
        return 0.5 if timings >= 2 else 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text.lstrip("\ufeff")
        lines = LineIndex(text)
        try:
            subtitles = list(srt.parse(text))
        except srt.SRTParseError as exc:
            raise _unmatched(text, exc.expected_start, exc.actual_start, lines, source.name) from None
        except (srt.TimestampParseError, ValueError) as exc:
            raise ParseError(f"a cue timestamp cannot be read: {exc}", file=source.name, line=1,
                             expected=_EXPECTED) from None
        if not subtitles:
            raise ParseError("no subtitle cues found", file=source.name, line=1, expected=_EXPECTED)
        matches = list(srt.SRT_REGEX.finditer(text))
        cues: list[Cue] = []
        warnings: list[str] = []
        for position, (sub, match) in enumerate(zip(subtitles, matches, strict=True), start=1):
            timing_line = lines.line(match.start(2))
            after_end = text[match.end(3) : match.end(3) + 1]
            if after_end and not after_end.isspace():
                raise ParseError(
                    f"the end time of this cue cannot be read: {match.group(3)}{match.group(4)!r}",
                    file=source.name, line=timing_line, expected="a timestamp like 00:00:04,000",
                )
            content = _check_content(sub.content, match.start(5), lines, source.name)
            start, end = _ms(sub.start), _ms(sub.end)
            if end < start:
                warnings.append(f"line {timing_line}: cue ends ({match.group(3)}) before it starts")
            cues.append(Cue(start, end, content, sub.index if sub.index is not None else position,
                            timing_line, settings=sub.proprietary.strip() or None))
        return narrative_from_cues(self.name, cues, source, warnings=warnings)


def _check_content(raw: str, offset: int, lines: LineIndex, file: str) -> str:
    """The cue's text without surrounding blank lines; a garbled timing line inside is an error."""
    pos = offset
    for line in raw.split("\n"):
        if "-->" in line or TIMING_LIKE.match(line):
            raise ParseError(
                f"a cue timing line that cannot be read: {line.strip()!r}", file=file,
                line=lines.line(pos), expected="a timing line like `00:00:01,000 --> 00:00:04,000`",
            )
        pos += len(line) + 1
    return re.sub(r"\s+\Z", "", raw.lstrip("\n"))


def _unmatched(text: str, start: int, stop: int, lines: LineIndex, file: str) -> ParseError:
    """The error for text between cues that no cue pattern reads: a garbled timing line, or prose."""
    pos = start
    for line in text[start:stop].split("\n"):
        if "-->" in line or TIMING_LIKE.match(line):
            return ParseError(f"a cue timing line that cannot be read: {line.strip()!r}", file=file,
                              line=lines.line(pos), expected="a timing line like `00:00:01,000 --> 00:00:04,000`")
        pos += len(line) + 1
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    bad = text[start : end if end >= 0 else len(text)]
    return ParseError(f"not a subtitle cue: {bad[:60]!r}", file=file, line=lines.line(start),
                      expected=_EXPECTED)
