"""Helpers every parser shares: Markdown headings, links, dates, durations."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator

from ..model import Section

__all__ = [
    "clock_duration",
    "html_links",
    "iter_lines",
    "markdown_sections",
    "normalize_date",
    "text_links",
    "unique",
]

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_URL = re.compile(r"""https?://[^\s<>"'()\[\]{}，。、；：！？（）【】「」]+""")


def unique(items: Iterable[str]) -> list[str]:
    """``items`` without repeats, first occurrence kept."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` for each line of ``text[start:end]`` (no newline in ``line``)."""
    stop = len(text) if end is None else end
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        if nl < 0:
            yield pos, text[pos:stop]
            return
        yield pos, text[pos:nl]
        pos = nl + 1


def _strip_emphasis(heading: str) -> str:
    return re.sub(r"(\*\*|__|\*|_|`)", "", heading).strip()


def markdown_sections(text: str, start: int = 0, end: int | None = None, *, role: str = "body") -> list[Section]:
    """One section per ATX heading (``#`` … ``######``) in ``text[start:end]``.

    A section runs from its heading line to the next heading of the same or a
    higher level. Headings inside fenced code blocks are ignored.
    """
    stop = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []  # (offset, level, heading)
    fence: str | None = None
    for offset, line in iter_lines(text, start, stop):
        m = _FENCE.match(line)
        if m:
            marker = m.group(1)[0] * 3
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            continue
        if fence:
            continue
        h = _ATX.match(line)
        if h:
            found.append((offset, len(h.group(1)), _strip_emphasis(h.group(2))))
    sections = []
    for i, (offset, level, heading) in enumerate(found):
        section_end = stop
        for later_offset, later_level, _ in found[i + 1 :]:
            if later_level <= level:
                section_end = later_offset
                break
        while section_end > offset and text[section_end - 1] == "\n":
            section_end -= 1
        sections.append(Section(heading, level, (offset, section_end), role))
    return sections


def html_links(fragment: str) -> list[str]:
    """``href`` targets of every ``<a>`` in an HTML fragment (parsed with lxml)."""
    if "<" not in fragment:
        return []
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (AssertionError, IndexError):  # lxml finds no <body> for a lone <html> tag
        try:
            root = html.document_fromstring(fragment)
        except (etree.ParserError, ValueError):
            return []
    except (etree.ParserError, ValueError):
        return []
    return unique(str(a.get("href")).strip() for a in root.iter("a") if a.get("href"))


def text_links(text: str) -> list[str]:
    """Bare ``http(s)://`` URLs written in plain text (not inside HTML tags)."""
    return unique(m.group(0).rstrip(".,;:!?") for m in _URL.finditer(text))


_DATE_ONLY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def normalize_date(value: object) -> str | None:
    """A date in any common written form as ISO/EDTF (``2025-11-17``), or ``None``.

    Accepts ``date``/``datetime`` objects and strings such as ``2025-11-17``,
    ``2025/11/17``, ``04/23/2023 09:36 AM``, ``2017-12-26 10:00``,
    ``2025年11月17日``, ``March 5, 2023``. Times of day are dropped: the
    narrative's date is a day.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    s = str(value).strip()
    if _DATE_ONLY.match(s):
        return s
    m = re.match(r"^(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号號])?)?", s)
    if m:
        y, mo, d = m.groups()
        return y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
    m = re.match(r"^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?(?:\b|T|\s|$)", s)
    if m:
        y, mo, d = m.groups()
        return f"{y}-{int(mo):02d}" + (f"-{int(d):02d}" if d else "")
    from dateutil import parser as dateparser

    try:
        parsed = dateparser.parse(s, default=_dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1:
        return None
    return parsed.date().isoformat()


_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?$")


def clock_duration(value: str) -> str | None:
    """``4:28`` or ``1:02:03`` as an ISO 8601 duration (``PT4M28S``); ISO input passes through."""
    s = value.strip()
    if re.match(r"^P(?=\d|T\d)", s):
        return s
    m = _CLOCK.match(s)
    if not m:
        if s.isdigit():
            secs = int(s)
            return _iso(secs // 3600, secs % 3600 // 60, secs % 60)
        return None
    h, mi, se = (int(x) if x else 0 for x in m.groups())
    return _iso(h, mi, se)


def _iso(h: int, m: int, s: int) -> str:
    out = "PT"
    if h:
        out += f"{h}H"
    if m:
        out += f"{m}M"
    if s or out == "PT":
        out += f"{s}S"
    return out
