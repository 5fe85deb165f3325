"""``text``: any readable document, as paragraphs. The parser of last resort."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import hookimpl
from ..hookspecs import Parser
from ..model import Narrative, Section
from ..source import Source
from ._common import html_links, text_links, unique

_BLANK = re.compile(r"\n[ \t]*\n")


def paragraph_sections(text: str, start: int = 0, end: int | None = None, role: str = "body") -> list[Section]:
    """One untitled section per blank-line-separated paragraph of ``text[start:end]``."""
    stop = len(text) if end is None else end
    sections: list[Section] = []
    pos = start
    for m in _BLANK.finditer(text, start, stop):
        _add(text, pos, m.start(), role, sections)
        pos = m.end()
    _add(text, pos, stop, role, sections)
    return sections


def _add(text: str, s: int, e: int, role: str, out: list[Section]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Section(None, 0, (s, e), role))


def _footer_date(text: str) -> str | None:
    """The date of a trailing footer (``Last updated 2024-06-18``, ``编辑于 2024-06-18``), if any."""
    from ._prose import date_in
    from .essay import find_footer

    footer = find_footer(text)
    return date_in(footer[2]) if footer and footer[2] else None


class TextParser:
    """Plain text of any kind: the whole text kept, paragraphs as sections."""

    name = "text"
    description = "Any readable text: paragraphs become sections (the fallback format)."

    def sniff(self, source: Source) -> float:
        return 0.01

    def parse(self, source: Source) -> Narrative:
        text = source.text
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
        title = first if first and len(first) <= 80 else None
        return Narrative(
            format=self.name,
            text=text,
            title=title,
            date=_footer_date(text),
            links=unique(html_links(text) + text_links(text)),
            sections=paragraph_sections(text),
            source=source.path,
        )


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [TextParser()]
