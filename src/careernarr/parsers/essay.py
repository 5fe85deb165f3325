"""``essay``: plain prose with a short title line, optional verse and a "Last updated" footer.

The shape of year-end reviews and personal essays copied out of a blog or a
WeChat/Zhihu page::

    Title (a short line)

    二零二五似云烟,低谷高峰一线牵。…        ← optional verse right after the title
    By Jane Doe / 作者:… / 2025-01-03        ← optional byline and dateline

    Paragraph …
    Paragraph …

    Last updated 2025-01-03                   ← optional footer (最后更新于 / 更新于 …)

Sections: ``title``, ``header`` (byline, dateline), ``verse`` (one per verse
block), ``body`` (one per paragraph), ``part`` (a short subheading with the
paragraphs under it) and ``footer``. ``metadata["verse"]`` lists the verse
clauses. The text is the source, verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import hookimpl
from ..hookspecs import Parser
from ..model import Narrative, Section
from ..source import Source
from ._common import html_links, iter_lines, text_links, unique
from ._prose import (
    clauses,
    date_in,
    is_cjk,
    looks_like_title,
    part_sections,
    prose_paragraphs,
    strip_markup,
)
from .article import find_headings

__all__ = ["LAST_UPDATED", "EssayParser", "find_footer"]

#: A "Last updated" line: English, simplified and traditional Chinese; group ``rest`` is what follows.
LAST_UPDATED = re.compile(
    r"^[ \t]*(?:last[ \t]+(?:updated|modified|edited)|updated(?:[ \t]+on)?|"
    r"最后(?:更新|修改|编辑)(?:于|时间|日期)?|最後(?:更新|修改|編輯)(?:於|時間|日期)?|更新(?:于|於|时间|時間|日期)|"
    r"(?:编辑|編輯|发布|發佈|發布|发表|發表)(?:于|於|时间|時間|日期)|"
    r"(?:posted|published|edited|written)(?:[ \t]+on)?)"
    r"[ \t]*(?:on|at)?[ \t]*[:：]?[ \t]*(?P<rest>.*?)[ \t]*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:(?:作者|文|撰文|author)\s*[:：|/]\s*|(?:by|written by)\s+)(?P<name>\S.{0,40})$", re.IGNORECASE
)
_TITLE_LIMIT = 40
_HEADER_FIELD = re.compile(r"^[A-Za-z][\w -]{0,30}[:：]\s*\S")


def find_footer(text: str) -> tuple[int, int, str] | None:
    """``(start, end, rest)`` of a trailing "Last updated" footer, or ``None``.

    The footer is the last non-empty line, or the last two when the label
    stands alone and its date follows on the next line. ``rest`` is what
    follows the label (the date, if any).
    """
    tail = [(o, ln) for o, ln in iter_lines(text, max(0, len(text) - 400)) if ln.strip()][-2:]
    if not tail:
        return None
    if len(tail) == 2:
        (o1, l1), (o2, l2) = tail
        m1 = LAST_UPDATED.match(l1)
        if m1 and not m1.group("rest") and date_in(l2):
            return o1 + _indent(l1), o2 + len(l2.rstrip()), l2.strip()
    offset, line = tail[-1]
    m = LAST_UPDATED.match(line)
    if not m:
        return None
    rest = m.group("rest")
    # "Updated my résumé." is prose: a bare "updated"/"更新于" needs a date; "Last updated" does not.
    strong = line.lstrip()[:1].lower() in ("l", "最")
    if rest and not date_in(rest) and (not strong or len(rest) > 40):
        return None
    return offset + _indent(line), offset + len(line.rstrip()), rest


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_verse(block: str) -> bool:
    if len(block) > _VERSE_LIMIT:  # not verse; and splitting a huge block into clauses costs memory
        return False
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    if is_cjk(block):
        if _DIGITS.search(block):
            return False  # 2018年5月我辞了职。两周后…: prose with written-out dates, however even its clauses
        parts = clauses(block)
        if len(parts) < 2 or not all(3 <= len(c) <= 11 for c in parts):
            return False
        if len({len(c) for c in parts}) == 1:  # 五言, 七言 …
            return True
        return len(lines) >= 2 and all(len(ln) <= 20 for ln in lines)
    return len(lines) >= 2 and all(len(ln) <= 60 for ln in lines) and not any(date_in(ln) for ln in lines)


#: Verse after a title is a few short lines; a longer block is prose.
_VERSE_LIMIT = 4000
#: Arabic digits: Chinese verse writes its numbers in characters (二零二五似云烟).
_DIGITS = re.compile(r"[0-9０-９]")


def _front_fact(line: str) -> tuple[str, str] | None:
    """``("author", name)`` for a byline, ``("date", edtf)`` for a dateline, else ``None``."""
    s = line.strip()
    byline = _BYLINE.match(s)
    if byline:
        return "author", byline.group("name").strip()
    if (len(s) <= 30 or (len(s) <= 80 and LAST_UPDATED.match(s))) and not re.search(r"[。，！？!?]", s):
        value = date_in(s)
        if value:
            return "date", value
    return None


class EssayParser:
    """Plain prose: title line, optional verse, paragraphs, "Last updated" footer."""

    name = "essay"
    description = "Plain-prose essays: a short title line, optional verse, paragraphs, a 'Last updated' footer."

    def sniff(self, source: Source) -> float:
        try:
            return _score(source)
        except Exception:  # a sniffer never raises
            return 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        warnings: list[str] = []
        sections: list[Section] = []
        metadata: dict[str, object] = {}
        authors: list[str] = []
        date: str | None = None

        footer = find_footer(text)
        body_end = footer[0] if footer else len(text)
        title: str | None = None
        pos = 0
        first = next(((o, ln) for o, ln in iter_lines(text, 0, body_end) if ln.strip()), None)
        if first is not None:
            offset, line = first
            start = offset + len(line) - len(line.lstrip())
            if looks_like_title(line, 80):
                title = strip_markup(line)
                pos = offset + len(line.rstrip())
                sections.append(Section(title, 1, (start, pos), "title"))
            else:
                warnings.append(f"line {source.line_of(offset)}: no title line "
                                "(expected a short first line without final punctuation)")

        # Verse, byline and dateline right after the title.
        verse: list[str] = []
        front = prose_paragraphs(text, pos, body_end) if title else []
        body_start = pos
        for block in front:
            chunk = block.span.of(text)
            lines = [(o, ln) for o, ln in iter_lines(text, block.span.start, block.span.end) if ln.strip()]
            facts = [(o, ln, fact) for o, ln in lines if (fact := _front_fact(ln)) is not None]
            if len(facts) == len(lines):
                for offset, line, (kind, value) in facts:
                    if kind == "author":
                        authors.append(value)
                        metadata.setdefault("byline", line.strip())
                    elif date is None:
                        date = value
                        metadata.setdefault("dateline", line.strip())
                    start = offset + len(line) - len(line.lstrip())
                    sections.append(Section(None, 0, (start, offset + len(line.rstrip())), "header"))
            elif _is_verse(chunk):
                verse.extend(clauses(chunk))
                sections.append(Section(None, 0, block.span, "verse"))
            else:
                break
            body_start = block.span.end
        if verse:
            metadata["verse"] = verse

        paragraphs = prose_paragraphs(text, body_start, body_end)
        sections.extend(paragraphs)
        sections.extend(part_sections(text, paragraphs, body_end))

        if footer:
            start, end, rest = footer
            sections.append(Section(None, 0, (start, end), "footer"))
            metadata["last_updated"] = rest or None
            updated = date_in(rest) if rest else None
            if updated:
                date = updated
            elif rest:
                warnings.append(f"line {source.line_of(start)}: cannot read a date in the footer {rest!r}")
        sections.sort(key=lambda s: (s.span.start, -s.span.end))
        return Narrative(
            format=self.name,
            text=text,
            title=title,
            date=date,
            authors=unique(authors),
            links=unique(html_links(text) + text_links(text)),
            metadata=metadata,
            sections=sections,
            source=source.path,
            warnings=warnings,
        )


def _score(source: Source) -> float:
    """0.6 title and footer, 0.4 footer only, 0.3 title and paragraphs (0.25 for one), else 0."""
    head = source.head
    non_empty = [ln.strip() for ln in head.split("\n") if ln.strip()]
    if len(non_empty) < 2 or all(_HEADER_FIELD.match(ln) for ln in non_empty[:2]):
        return 0.0  # header lines (a transcript, Pelican metadata) are not an essay's title
    footer = find_footer(source.text) is not None
    first = non_empty[0]
    prose = sum(1 for ln in non_empty[1:] if _prose_line(ln, len(first)))
    titled = (
        len(first) <= _TITLE_LIMIT
        and first[-1] not in "。！？!?….:：,，;；"
        and not first.startswith(("#", "---", "<", "{", "[", "|", "-", "*", ">"))
        and prose > 0
    )
    if find_headings(head):
        return 0.1  # an abstract or keywords heading: an article
    if titled and footer:
        return 0.6
    if footer:
        return 0.4
    if titled:
        return 0.3 if prose > 1 else 0.25
    return 0.0


def _prose_line(line: str, title_length: int) -> bool:
    """A line of prose longer than the title: it ends a sentence or is too long for a heading."""
    return len(line) > max(title_length, 8) and (len(line) >= 60 or line[-1] in "。！？!?….\"”」』）)")


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [EssayParser()]
