"""``transcript``: a saved video record — header lines, a ``Description:`` and a ``Content:`` block.

::

    Timestamp: 2025-11-13T11:22:36.427172
    Title: … BV1wEW5ehEpA
    URL: https://b23.tv/…
    Status: success
    Duration: 4:28

    Description:
    ### **Summary heading**            ← Markdown headings become ``summary`` sections
    <Mermaid_Diagram>                  ← or a ```mermaid fence, anywhere in the document
    graph TD …
    </Mermaid_Diagram>

    Content:
    the transcript itself …

Every header field is kept in ``metadata`` as read; ``date`` is the day of
``Timestamp`` (EDTF), ``duration`` is ISO 8601 (``4:28`` → ``PT4M28S``),
``video_id`` is a Bilibili ``BV…`` id or a YouTube id found in the URL or the
title. Each Mermaid flowchart becomes a :class:`~careernarr.model.Diagram`
and a ``diagram`` section; what cannot be read goes to ``warnings``.

``<Mermaid_Diagram>`` / ``</Mermaid_Diagram>`` are block delimiters of this
plain-text format, like a code fence: they are found on their lines and what
lies between them is Mermaid source, not markup, so it is not given to an
HTML/XML parser.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from urllib.parse import parse_qs, urlsplit

from attrs import frozen

from .. import hookimpl
from ..errors import ParseError
from ..hookspecs import Parser
from ..model import Diagram, Narrative, Section
from ..source import Source
from ._common import (
    clock_duration,
    html_links,
    iter_lines,
    markdown_sections,
    normalize_date,
    text_links,
    unique,
)
from ._mermaid import parse_mermaid
from ._prose import prose_paragraphs

__all__ = ["TranscriptParser", "iso_duration", "video_id"]

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9 _-]{0,30}?)[ \t]*[:：][ \t]*(?P<value>.*?)[ \t]*$")
_BLOCK_LINE = re.compile(r"^(?P<key>description|content)[ \t]*[:：][ \t]*(?P<rest>.*?)[ \t]*$", re.IGNORECASE)
_BLOCK_ANYWHERE = re.compile(r"^(?:description|content)[ \t]*[:：]", re.IGNORECASE | re.MULTILINE)
_KNOWN = ("timestamp", "title", "url", "status", "duration")
_DATE_KEYS = ("timestamp", "date", "published", "upload date", "uploaded")
_URL_KEYS = ("url", "link", "source", "video url")
_AUTHOR_KEYS = ("author", "channel", "uploader", "creator", "speaker")

_TAG_OPEN = re.compile(r"<mermaid_diagram\s*>", re.IGNORECASE)
_TAG_CLOSE = re.compile(r"</mermaid_diagram\s*>", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)")
_FLOWCHART_START = re.compile(r"^\s*(?:graph|flowchart)\b", re.IGNORECASE)

_BV = re.compile(r"(?<![0-9A-Za-z])BV[0-9A-Za-z]{10}(?![0-9A-Za-z])")
_AV = re.compile(r"bilibili\.com/video/av(\d+)", re.IGNORECASE)
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_DURATION_PART = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>hours?|hrs?|h|小时|小時|時|minutes?|mins?|m|分钟|分鐘|分|seconds?|secs?|s|秒)",
    re.IGNORECASE,
)


@frozen
class _Block:
    key: str  # "Description" or "Content"
    start: int  # the block's line
    body: int  # where its text starts
    end: int  # where it ends (the next block's line, or the end of the text)


@frozen
class _Region:
    start: int
    end: int
    content_start: int
    content_end: int
    line: int
    closed: bool


class TranscriptParser:
    """Saved video records: header lines, Description and Content blocks, Mermaid diagrams."""

    name = "transcript"
    description = "Video transcripts: Timestamp/Title/URL/Duration headers, Description and Content blocks."

    def sniff(self, source: Source) -> float:
        try:
            return _score(source)
        except Exception:  # a sniffer never raises
            return 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        fields, header_span = _read_header(text)
        regions, region_warnings = _diagram_regions(source)
        blocks = _read_blocks(text, header_span[1] if header_span else 0, regions)
        if not fields and not blocks:
            first = next((o for o, ln in iter_lines(text) if ln.strip()), 0)
            raise ParseError(
                "no transcript header and no Description/Content block", file=source.name,
                line=source.line_of(first),
                expected="header lines such as 'Timestamp: 2025-11-13T11:22:36' and 'Title: …', "
                         "then 'Description:' and 'Content:' blocks",
            )
        warnings = list(region_warnings)
        sections: list[Section] = []
        if header_span:
            sections.append(Section(None, 0, header_span, "header"))
        lookup = {k.lower(): v for k, v in fields.items()}
        header_line = {k.lower(): n for k, n in _header_lines(text, header_span)}

        # Blocks, and whatever stands outside them.
        after_header = header_span[1] if header_span else 0
        first_block = blocks[0].start if blocks else len(text)
        sections.extend(prose_paragraphs(text, after_header, first_block))
        for block in blocks:
            end = _rstrip(text, block.start, block.end)
            role = "description" if block.key == "Description" else "content"
            sections.append(Section(block.key, 1, (block.start, end), role))
            if role == "description":
                sections.extend(markdown_sections(text, block.body, end, role="summary"))
        if not any(b.key == "Content" for b in blocks):
            where = source.line_of(blocks[-1].start) if blocks else source.line_of(after_header)
            warnings.append(f"line {where}: no 'Content:' block (the transcript itself); read what is there")

        diagrams: list[Diagram] = []
        for region in regions:
            problems: list[str] = []
            direction, nodes, edges, subgraphs = parse_mermaid(
                text[region.content_start : region.content_end],
                first_line=source.line_of(region.content_start), problems=problems,
            )
            warnings.extend(f"Mermaid diagram at line {region.line}: {p}" for p in problems)
            diagrams.append(Diagram("mermaid", (region.start, region.end), direction, nodes, edges, subgraphs))
            sections.append(Section(None, 0, (region.start, region.end), "diagram"))

        date = _date(lookup, header_line, warnings)
        duration: str | None = None
        if lookup.get("duration"):
            duration = iso_duration(lookup["duration"])
            if duration is None:
                warnings.append(f"line {header_line.get('duration', 1)}: cannot read the Duration "
                                f"{lookup['duration']!r} (expected 4:28, 1:02:03 or 268)")
        url = next((lookup[k] for k in _URL_KEYS if lookup.get(k)), None)
        title = lookup.get("title") or None
        vid, platform = video_id(url, title)
        metadata: dict[str, object] = dict(fields)
        if platform:
            metadata.setdefault("platform", platform)
        authors = [lookup[k] for k in _AUTHOR_KEYS if lookup.get(k)]
        sections.sort(key=lambda s: (s.span.start, -s.span.end))
        return Narrative(
            format=self.name,
            text=text,
            title=title,
            date=date,
            url=url,
            authors=unique(authors),
            duration=duration,
            video_id=vid,
            links=unique(([url] if url else []) + html_links(text) + text_links(text)),
            metadata=metadata,
            sections=sections,
            diagrams=diagrams,
            source=source.path,
            warnings=warnings,
        )


# -- header -------------------------------------------------------------------------------------


def _read_header(text: str) -> tuple[dict[str, str], tuple[int, int] | None]:
    """Header fields (as written) and the span of the header lines."""
    fields: dict[str, str] = {}
    start = end = None
    for offset, line in iter_lines(text):
        if not line.strip():
            continue
        if _BLOCK_LINE.match(line):
            break
        m = _HEADER_LINE.match(line)
        if not m:
            break
        fields.setdefault(m.group("key").strip(), m.group("value"))
        if start is None:
            start = offset
        end = offset + len(line.rstrip())
    if start is None or end is None:
        return {}, None
    return fields, (start, end)


def _header_lines(text: str, span: tuple[int, int] | None) -> list[tuple[str, int]]:
    if span is None:
        return []
    out = []
    for n, (offset, line) in enumerate(iter_lines(text, 0, span[1]), start=1):
        m = _HEADER_LINE.match(line) if offset >= span[0] else None
        if m:
            out.append((m.group("key").strip(), n))
    return out


def _date(lookup: dict[str, str], lines: dict[str, int], warnings: list[str]) -> str | None:
    for key in _DATE_KEYS:
        raw = lookup.get(key)
        if not raw:
            continue
        value = _timestamp(raw)
        if value:
            return value
        warnings.append(f"line {lines.get(key, 1)}: cannot read the {key.title()} {raw!r} as a date")
    return None


def _timestamp(raw: str) -> str | None:
    s = raw.strip()
    if re.fullmatch(r"\d{10}(?:\d{3})?(?:\.\d+)?", s):  # Unix time, seconds or milliseconds
        seconds = float(s) / (1000 if len(s.split(".")[0]) == 13 else 1)
        return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).date().isoformat()
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ]|$)", s)  # ISO 8601 date-time: its day, as written
    if iso:
        return iso.group(1)
    return normalize_date(s)


def iso_duration(raw: str) -> str | None:
    """A written duration as ISO 8601: ``4:28``, ``1:02:03``, ``268``, ``1h 2m``, ``4分28秒``."""
    clock = clock_duration(raw)
    if clock:
        return clock
    s = raw.strip()
    parts = list(_DURATION_PART.finditer(s))
    if not parts or re.sub(r"[\s,]+", "", _DURATION_PART.sub("", s)):
        return None
    total = 0.0
    for part in parts:
        unit = part.group("unit").lower()
        n = float(part.group("n"))
        if unit.startswith(("h", "小", "時")):
            total += n * 3600
        elif unit.startswith(("m", "分")):
            total += n * 60
        else:
            total += n
    return clock_duration(str(round(total)))


def video_id(url: str | None, title: str | None) -> tuple[str | None, str | None]:
    """``(id, platform)``: a YouTube or Bilibili id from the URL, else a ``BV…`` id in the title."""
    for candidate in (url, title):
        if not candidate:
            continue
        for word in re.findall(r"https?://\S+", candidate) or ([candidate] if candidate is url else []):
            found = _youtube_id(word)
            if found:
                return found, "youtube"
        av = _AV.search(candidate)
        bv = _BV.search(candidate)
        if bv:
            return bv.group(0), "bilibili"
        if av:
            return "av" + av.group(1), "bilibili"
    return None, None


def _youtube_id(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    candidate: str | None = None
    if host == "youtu.be" and segments:
        candidate = segments[0]
    elif host.endswith(("youtube.com", "youtube-nocookie.com")):
        if segments[:1] == ["watch"]:
            candidate = next(iter(parse_qs(parts.query).get("v", [])), None)
        elif len(segments) >= 2 and segments[0] in ("shorts", "embed", "live", "v", "e"):
            candidate = segments[1]
    return candidate if candidate and _YOUTUBE_ID.match(candidate) else None


# -- blocks and diagrams --------------------------------------------------------------------------


def _read_blocks(text: str, start: int, regions: list[_Region]) -> list[_Block]:
    """The first ``Description:`` and ``Content:`` lines outside diagrams and code, in order."""
    heads: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    fence: str | None = None
    for offset, line in iter_lines(text, start):
        if any(r.start <= offset < r.end for r in regions):
            continue
        f = _FENCE.match(line)
        if f:
            marker = f.group("fence")
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence) and not f.group("info"):
                fence = None
            continue
        if fence:
            continue
        m = _BLOCK_LINE.match(line)
        if m:
            key = m.group("key").capitalize()
            if key not in seen:
                seen.add(key)
                body = offset + m.start("rest") if m.group("rest") else offset + len(line)
                heads.append((key, offset, body))
    blocks = []
    for i, (key, offset, body) in enumerate(heads):
        end = heads[i + 1][1] if i + 1 < len(heads) else len(text)
        blocks.append(_Block(key, offset, min(body, end), end))
    return blocks


def _diagram_regions(source: Source) -> tuple[list[_Region], list[str]]:
    """Every ``<Mermaid_Diagram>`` block and Mermaid code fence, with warnings for unclosed ones."""
    text = source.text
    lines = list(iter_lines(text))
    regions: list[_Region] = []
    warnings: list[str] = []
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        tag = _TAG_OPEN.search(line)
        fence = _FENCE.match(line)
        if tag and not line[: tag.start()].strip():
            content_start = offset + tag.end()
            close = _TAG_CLOSE.search(line, tag.end())
            j = i
            while close is None and j + 1 < len(lines):
                j += 1
                if _BLOCK_LINE.match(lines[j][1]):
                    j -= 1
                    break
                close = _TAG_CLOSE.search(lines[j][1])
            line_no = source.line_of(offset)
            if close is not None:
                close_offset = lines[j][0]
                regions.append(_Region(offset + tag.start(), close_offset + close.end(), content_start,
                                       close_offset + close.start(), line_no, True))
            else:
                end = _rstrip(text, offset, lines[j][0] + len(lines[j][1]))
                warnings.append(f"line {line_no}: <Mermaid_Diagram> is never closed; "
                                "read to the end of its block")
                regions.append(_Region(offset + tag.start(), end, content_start, end, line_no, False))
            i = j + 1
            continue
        if fence:
            marker, info = fence.group("fence"), fence.group("info").lower()
            j = i + 1
            while j < len(lines):
                close_f = _FENCE.match(lines[j][1])
                if close_f and close_f.group("fence")[0] == marker[0] \
                        and len(close_f.group("fence")) >= len(marker) and not close_f.group("info"):
                    break
                j += 1
            body_lines = lines[i + 1 : j]
            first_body = next((ln for _, ln in body_lines if ln.strip()), "")
            if info == "mermaid" or (not info and _FLOWCHART_START.match(first_body)):
                line_no = source.line_of(offset)
                content_start = lines[i + 1][0] if i + 1 < len(lines) else len(text)
                if j < len(lines):
                    end = lines[j][0] + len(lines[j][1].rstrip())
                    content_end = lines[j][0]
                else:
                    end = content_end = _rstrip(text, offset, len(text))
                    warnings.append(f"line {line_no}: the ```mermaid fence is never closed; read to the end")
                regions.append(_Region(offset + len(line) - len(line.lstrip()), end,
                                       min(content_start, content_end), content_end, line_no, j < len(lines)))
            i = j + 1
            continue
        i += 1
    return regions, warnings


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# -- sniffing -------------------------------------------------------------------------------------


def _score(source: Source) -> float:
    head = source.head
    keys: set[str] = set()
    for n, line in enumerate(head.split("\n")):
        if n > 30:
            break
        if not line.strip():
            continue
        if _BLOCK_LINE.match(line):
            break
        m = _HEADER_LINE.match(line)
        if not m:
            break
        keys.add(m.group("key").strip().lower())
    known = keys.intersection(_KNOWN)
    if not known:
        return 0.0
    has_block = _BLOCK_ANYWHERE.search(source.text) is not None
    if {"timestamp", "title"} <= known and has_block:
        return 0.97
    if len(known) >= 2 and has_block:
        return 0.95
    if len(known) >= 3:
        return 0.8
    return 0.5 if has_block else 0.0


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [TranscriptParser()]
