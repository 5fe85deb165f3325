"""Prose helpers shared by the ``essay`` and ``article`` parsers.

Paragraphs (blank-line separated, or one per line where a writer puts each
paragraph on its own line), short subheadings between paragraphs, clause
splitting for verse, and dates written inside a line.
"""

from __future__ import annotations

import re

from ..model import Section
from ._common import iter_lines, normalize_date
from .text import paragraph_sections

__all__ = [
    "TERMINAL",
    "clauses",
    "date_in",
    "is_cjk",
    "looks_like_title",
    "part_sections",
    "prose_paragraphs",
    "strip_markup",
]

#: Characters that end a sentence (closing quotes and brackets included).
TERMINAL = "。！？!?…．.」』”\"’）)】"
_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?、\n]|\.(?=\s|$)")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MARKUP = re.compile(r"^\s*#{1,6}\s+|^\s*(\*\*|__)|(\*\*|__)\s*$")
_REFERENCES = re.compile(r"^(参考文献|參考文獻|references|bibliography|works cited)$", re.IGNORECASE)

# Dates written inside a line: ISO/slashed, Chinese, English month names.
_DATE_PATTERNS = (
    re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"),
    re.compile(r"\d{4}[/.]\d{1,2}[/.]\d{1,2}"),
    re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?"),
    re.compile(
        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}",
        re.IGNORECASE,
    ),
    re.compile(
        r"\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}",
        re.IGNORECASE,
    ),
    re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}", re.IGNORECASE),
    re.compile(r"\d{4}-\d{1,2}(?!\d)"),
)


def is_cjk(text: str) -> bool:
    """Whether Han characters outnumber Latin letters in ``text``."""
    han = len(_HAN.findall(text))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return han > 0 and han >= latin


def strip_markup(line: str) -> str:
    """``line`` without a Markdown heading marker or wrapping ``**``."""
    return _MARKUP.sub("", line).strip()


def looks_like_title(line: str, limit: int = 40) -> bool:
    """A short line without sentence-final punctuation (a title or subheading)."""
    s = strip_markup(line)
    return 0 < len(s) <= limit and s[-1] not in TERMINAL and s[-1] not in "，,；;：:、"


def clauses(text: str) -> list[str]:
    """``text`` split into clauses at ``，,。；;！？`` and line breaks, blanks dropped."""
    return [c.strip() for c in _CLAUSE_SPLIT.split(text) if c.strip()]


def date_in(text: str) -> str | None:
    """The first date written in ``text`` (EDTF), or ``None``."""
    whole = text.strip().rstrip(".。")
    if whole and any(ch.isdigit() for ch in whole) and len(whole) <= 40:
        value = normalize_date(whole)
        if value:
            return value
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            value = normalize_date(m.group(0))
            if value:
                return value
    return None


def prose_paragraphs(text: str, start: int = 0, end: int | None = None, role: str = "body") -> list[Section]:
    """One section per paragraph of ``text[start:end]``.

    Paragraphs are separated by blank lines; a block whose lines each end a
    sentence (Chinese text with one paragraph per line), or whose lines are
    too long to be hard-wrapped, gives one paragraph per line.
    """
    out: list[Section] = []
    for block in paragraph_sections(text, start, end, role):
        lines = [(o, ln) for o, ln in iter_lines(text, block.span.start, block.span.end) if ln.strip()]
        if len(lines) > 1 and _one_paragraph_per_line([ln for _, ln in lines]):
            for offset, line in lines:
                s = offset + (len(line) - len(line.lstrip()))
                out.append(Section(None, 0, (s, offset + len(line.rstrip())), role))
        else:
            out.append(block)
    return out


def _one_paragraph_per_line(lines: list[str]) -> bool:
    if max(len(ln.strip()) for ln in lines) > 100:
        return True
    joined = "".join(lines)
    if is_cjk(joined):
        return all(ln.rstrip()[-1] in TERMINAL for ln in lines[:-1])
    return False


def part_sections(text: str, paragraphs: list[Section], end: int) -> list[Section]:
    """Titled sections for subheadings: short single-line paragraphs that introduce longer ones.

    Each runs from its heading to the paragraph before the next subheading
    (or ``end``). Its role is ``part``, or ``references`` for a
    bibliography heading.
    """
    heads: list[tuple[int, str]] = []
    for i, para in enumerate(paragraphs[:-1]):
        body = para.span.of(text)
        if "\n" in body or not looks_like_title(body, 30):
            continue
        following = paragraphs[i + 1].span.of(text)
        if len(following) <= len(body) or looks_like_title(following, 30):
            continue
        heads.append((i, strip_markup(body)))
    parts: list[Section] = []
    for n, (i, heading) in enumerate(heads):
        last = heads[n + 1][0] - 1 if n + 1 < len(heads) else len(paragraphs) - 1
        stop = min(paragraphs[last].span.end, end)
        role = "references" if _REFERENCES.match(heading.strip(" :：")) else "part"
        parts.append(Section(heading, 2, (paragraphs[i].span.start, stop), role))
    return parts
