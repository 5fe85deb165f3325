"""``markdown``: Markdown without front matter, read with markdown-it-py.

Headings (ATX ``#`` lines and Setext ``===``/``---`` underlines) become
sections, the first H1 (else the first heading) the title. Links come from
inline and reference links, ``<autolinks>``, bare URLs in prose and the
``<a href>`` of raw HTML, which is read with lxml (never with regular
expressions). The text is the source, verbatim.

:func:`read_markdown` is shared with the ``frontmatter`` parser, which reads
the body after its front matter the same way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from attrs import frozen
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import hookimpl
from ..hookspecs import Parser
from ..model import Narrative, Section
from ..source import Source
from ._common import html_links, text_links, unique

__all__ = ["MarkdownParser", "MarkdownStructure", "heading_sections", "markdown_score", "read_markdown"]


class _Reader(MarkdownIt):
    """CommonMark (plus tables and strikethrough) that keeps link targets as written.

    markdown-it percent-encodes link targets for HTML output; careernarr
    reports links as the author wrote them (``/wiki/職業``, not ``%E8…``).
    """

    def normalizeLink(self, url: str) -> str:
        return url.strip()


@functools.lru_cache(maxsize=1)
def _reader() -> _Reader:
    reader = _Reader("commonmark")
    reader.enable(["table", "strikethrough"])
    # Inline parsing is most of markdown-it's time; it is run below only where it matters.
    reader.core.ruler.disable("inline")
    return reader


def _parse_inline(reader: _Reader, token: Token, env: dict[str, object]) -> Token:
    children: list[Token] = []
    reader.inline.parse(token.content, reader, env, children)
    token.children = children
    return token


@frozen
class MarkdownStructure:
    """What :func:`read_markdown` finds: sections, links and the title."""

    sections: tuple[Section, ...]
    links: tuple[str, ...]
    title: str | None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _plain(inline: Token | None) -> str:
    """The visible words of an inline token (emphasis and code marks dropped)."""
    if inline is None:
        return ""
    parts: list[str] = []
    for child in inline.children or ():
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_plain(child))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _is_followable(href: str) -> bool:
    return bool(href) and not href.lower().startswith(("javascript:", "vbscript:", "data:"))


def _inline_links(inline: Token) -> Iterable[str]:
    for child in inline.children or ():
        if child.type == "link_open":
            yield str(child.attrGet("href") or "")
        elif child.type == "html_inline":
            yield from html_links(child.content)
        elif child.type == "text":
            yield from text_links(child.content)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def heading_sections(text: str, headings: Sequence[tuple[int, int, str]], role: str = "body") -> list[Section]:
    """Sections for ``(offset, level, heading)`` triples in text order.

    Each runs from its offset to the next heading of the same or a higher
    level (or the end of ``text``), trailing whitespace excluded. Linear: a
    stack holds the headings still open.
    """
    ends: list[int] = [len(text)] * len(headings)
    open_: list[int] = []  # indices of headings whose section has not ended yet
    for i, (start, level, _) in enumerate(headings):
        while open_ and headings[open_[-1]][1] >= level:
            ends[open_.pop()] = start
        open_.append(i)
    return [Section(words, level, (start, _trim_end(text, start, ends[i])), role)
            for i, (start, level, words) in enumerate(headings)]


def read_markdown(text: str) -> MarkdownStructure:
    """Sections (headings and code blocks), links and title of Markdown ``text``.

    A heading's section runs from its first line to the next heading of the
    same or a higher level (trailing blank lines excluded); a fenced or
    indented code block is a section of role ``code`` with no heading.
    Offsets are indices into ``text``.
    """
    reader = _reader()
    env: dict[str, object] = {}
    tokens = reader.parse(text, env)
    starts = _line_starts(text)
    n = len(text)

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else n

    headings: list[tuple[int, int, str]] = []  # (offset, level, heading)
    code: list[Section] = []
    links: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map:
            inline = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].type == "inline" else None
            words = _plain(_parse_inline(reader, inline, env) if inline else None)
            if words:
                headings.append((offset(tok.map[0]), int(tok.tag[1]), words))
        elif tok.type in ("fence", "code_block") and tok.map:
            start, end = offset(tok.map[0]), offset(tok.map[1])
            end = _trim_end(text, start, end)
            if end > start:
                code.append(Section(None, 0, (start, end), "code"))
        elif tok.type == "html_block":
            links.extend(html_links(tok.content))
        elif tok.type == "inline":
            if not tok.children and any(mark in tok.content for mark in ("[", "<", "://")):
                _parse_inline(reader, tok, env)
            links.extend(_inline_links(tok))

    sections = heading_sections(text, headings)
    sections.extend(code)
    sections.sort(key=lambda s: (s.span.start, -s.span.end))
    h1 = next((words for _, level, words in headings if level == 1), None)
    title = h1 or (headings[0][2] if headings else None)
    return MarkdownStructure(tuple(sections), tuple(unique(h for h in links if _is_followable(h))), title)


_ATX_LINE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_SETEXT_LINE = re.compile(r"^\S.*\n {0,3}(=+|-{2,})[ \t]*$", re.MULTILINE)
_CONSTRUCTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\[[^\]\n]+\]\([^)\s]+[^)\n]*\)"),  # [text](target)
    re.compile(r"<https?://[^>\s]+>"),  # <autolink>
    re.compile(r"(\*\*|__)\S[^\n]*?\S?\1"),  # **strong**
    re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE),  # fenced code
    re.compile(r"^ {0,3}[-*+][ \t]+\S", re.MULTILINE),  # bullet item
    re.compile(r"^ {0,3}\d{1,9}[.)][ \t]+\S", re.MULTILINE),  # numbered item
    re.compile(r"^ {0,3}>[ \t]?\S", re.MULTILINE),  # blockquote
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"^ {0,3}\|.*\|[ \t]*$", re.MULTILINE),  # table row
)


def markdown_score(head: str) -> float:
    """0.5 for Markdown headings or several kinds of Markdown, 0.2 for one, 0 for plain text."""
    if _ATX_LINE.search(head) or _SETEXT_LINE.search(head):
        return 0.5
    kinds = sum(1 for pattern in _CONSTRUCTS if pattern.search(head))
    return 0.5 if kinds >= 2 else 0.2 if kinds == 1 else 0.0


class MarkdownParser:
    """Markdown without front matter: headings as sections, links, text verbatim."""

    name = "markdown"
    description = "Markdown without front matter: headings become sections, links are collected."

    def sniff(self, source: Source) -> float:
        try:
            return markdown_score(source.head)
        except Exception:  # noqa: BLE001 (a sniffer never raises)
            return 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        found = read_markdown(text)
        return Narrative(
            format=self.name,
            text=text,
            title=found.title,
            links=found.links,
            sections=found.sections,
            source=source.path,
        )


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [MarkdownParser()]
