"""``article``: an article or paper with an abstract (摘要) and keywords (关键词).

Recognised headings, as a line of their own or followed by the text on the
same line (``摘要：…``, ``【摘要】…``, ``Abstract — …``, ``Keywords: a; b``):

- abstract: ``摘要``, ``摘 要``, ``内容摘要``, ``内容提要``, ``Abstract``;
- keywords: ``关键词``, ``关键字``, ``關鍵詞``, ``關鍵字``, ``Keywords``,
  ``Key words``, ``Index Terms``.

Optional lines before the abstract are the title (the first) and a byline.
The abstract runs to the keywords heading (or, without one, to the end of its
first paragraph); keywords are split on ``,，、;；`` (or on spaces when a
Chinese list has no other separator). Bilingual papers with a second
abstract and keyword list keep both: the first abstract is ``summary``, all
abstracts are listed in ``metadata["abstracts"]`` and ``keywords`` joins
both lists. Everything after is body: one ``body`` section per paragraph,
and ``part`` sections for short subheadings. The text is the source,
verbatim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from attrs import frozen

from .. import hookimpl
from ..errors import ParseError
from ..hookspecs import Parser
from ..model import Narrative, Section
from ..source import Source
from ._common import html_links, iter_lines, text_links, unique
from ._prose import is_cjk, part_sections, prose_paragraphs, strip_markup

__all__ = ["ArticleParser", "Heading", "find_headings", "split_keywords"]

_OPEN = r"(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?P<open>[【\[〔(（])?[ \t]*"
_CLOSE = r"[ \t]*(?P<close>[】\]〕)）])?(?:\*\*|__)?"
# After the label: nothing, a separator and text, or (after a bracket or for Chinese labels) text.
_REST = r"(?:[ \t]*(?:[:：—–]|[.-](?=[ \t])|(?<=[】\]〕)）])|(?<=[要词詞字])[ \t\u3000]{1,})[ \t\u3000]*(?P<rest>\S.*?))?[ \t]*$"
_ABSTRACT = re.compile(
    r"^[ \t]*" + _OPEN + r"(?P<label>内容摘要|内容提要|內容摘要|內容提要|摘[ \t\u3000]*要|abstract)" + _CLOSE + _REST,
    re.IGNORECASE,
)
_KEYWORDS = re.compile(
    r"^[ \t]*" + _OPEN
    + r"(?P<label>关[ \t\u3000]*键[ \t\u3000]*[词字]|關[ \t\u3000]*鍵[ \t\u3000]*[詞字]|key[ \t]*words?|index[ \t]+terms)"
    + _CLOSE + _REST,
    re.IGNORECASE,
)
_KEYWORD_SEPARATORS = re.compile(r"[,，、;；]")


@frozen
class Heading:
    """An abstract or keywords heading: its line, label and where its text starts."""

    kind: str  # "abstract" or "keywords"
    start: int  # offset of the heading line
    line_end: int  # offset of the end of the heading line
    label: str
    rest: int | None  # offset of text on the same line, if any


#: The last call's text, limit and headings: two sniffers ask about the same document head.
_LAST: tuple[str, int | None, tuple[Heading, ...]] = ("", None, ())


def find_headings(text: str, limit: int | None = None) -> list[Heading]:
    """Abstract and keywords headings in ``text[:limit]``, in order."""
    global _LAST
    last = _LAST
    if limit == last[1] and text == last[0] and text:
        return list(last[2])
    found = _find_headings(text, limit)
    _LAST = (text, limit, tuple(found))
    return found


def _find_headings(text: str, limit: int | None) -> list[Heading]:
    found: list[Heading] = []
    for offset, line in iter_lines(text, 0, limit):
        if len(line) > 2000:
            continue
        for kind, pattern in (("abstract", _ABSTRACT), ("keywords", _KEYWORDS)):
            m = pattern.match(line)
            if m and _balanced(m):
                rest = offset + m.start("rest") if m.group("rest") else None
                label = m.group("label")
                if is_cjk(label):  # "摘  要" is "摘要"; "Key words" stays as written
                    label = re.sub(r"[ \t\u3000]+", "", label)
                found.append(Heading(kind, offset, offset + len(line.rstrip()), label, rest))
                break
    return found


def _balanced(m: re.Match[str]) -> bool:
    return bool(m.group("open")) == bool(m.group("close"))


def split_keywords(line: str) -> list[str]:
    """Keywords of a keywords line, trimmed, without the closing period."""
    s = strip_markup(line).strip().rstrip("。.;；")
    if _KEYWORD_SEPARATORS.search(s):
        parts = _KEYWORD_SEPARATORS.split(s)
    elif is_cjk(s):
        parts = s.split()
    else:
        parts = re.split(r"[ \t]{2,}|\u3000+", s)
    return unique(p.strip().strip("*_").strip() for p in parts)


class ArticleParser:
    """Articles and papers: title, abstract, keywords, body."""

    name = "article"
    description = "Articles with an abstract and keywords (摘要/关键词, Abstract/Keywords): summary, keywords, body."

    def sniff(self, source: Source) -> float:
        try:
            kinds = {h.kind for h in find_headings(source.head)}
        except Exception:  # a sniffer never raises
            return 0.0
        return 0.9 if len(kinds) == 2 else 0.6 if kinds else 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        headings = find_headings(text)
        if not headings:
            first = next((o for o, ln in iter_lines(text) if ln.strip()), 0)
            raise ParseError(
                "no abstract heading", file=source.name, line=source.line_of(first),
                expected="an abstract heading such as '摘要', '【摘要】', 'Abstract' "
                         "(and a keywords heading such as '关键词' or 'Keywords')",
            )
        warnings: list[str] = []
        sections: list[Section] = []
        metadata: dict[str, object] = {}

        # Title and byline: the lines before the first heading.
        title: str | None = None
        before = [(o, ln) for o, ln in iter_lines(text, 0, headings[0].start) if ln.strip()]
        if before:
            o, ln = before[0]
            title = strip_markup(ln)
            s = o + len(ln) - len(ln.lstrip())
            sections.append(Section(title, 1, (s, o + len(ln.rstrip())), "title"))
            if len(before) > 1:
                o2, ln2 = before[1]
                o3, ln3 = before[-1]
                sections.append(Section(None, 0, (o2 + len(ln2) - len(ln2.lstrip()), o3 + len(ln3.rstrip())),
                                        "header"))
                metadata["byline"] = [ln.strip() for _, ln in before[1:]]

        abstracts: list[str] = []
        keywords: list[str] = []
        blocks: list[tuple[int, int]] = []
        starts = [h.start for h in headings]  # in text order
        for i, heading in enumerate(headings):
            if blocks and heading.start < blocks[-1][1]:
                continue  # inside the previous block (a heading-like line in an abstract)
            j = bisect.bisect_left(starts, heading.line_end, i + 1)
            nxt = headings[j] if j < len(headings) else None
            if heading.kind == "abstract":
                start, end = _abstract_extent(text, heading, nxt)
                body = text[start:end].strip()
                if body:
                    abstracts.append(body)
                else:
                    warnings.append(f"line {source.line_of(heading.start)}: the abstract is empty")
                role = "summary"
            else:
                start, end = _keywords_extent(text, heading, nxt)
                found = split_keywords(text[start:end])
                if not found:
                    warnings.append(f"line {source.line_of(heading.start)}: the keywords list is empty")
                keywords.extend(found)
                role = "keywords"
            end = max(end, heading.line_end)
            sections.append(Section(heading.label, 1, (heading.start, end), role))
            blocks.append((heading.start, end))
        if not any(h.kind == "abstract" for h in headings):
            warnings.append(f"line {source.line_of(headings[0].start)}: no abstract heading "
                            "(expected '摘要' or 'Abstract'); the article has keywords only")
        elif not any(h.kind == "keywords" for h in headings):
            warnings.append(f"line {source.line_of(headings[-1].line_end)}: no keywords heading "
                            "(expected '关键词' or 'Keywords')")
        if len(abstracts) > 1:
            metadata["abstracts"] = abstracts

        # The body: every stretch between and after the heading blocks.
        paragraphs: list[Section] = []
        for (_, gap_start), nxt_block in zip(blocks, blocks[1:] + [(len(text), len(text))]):
            paragraphs.extend(prose_paragraphs(text, gap_start, nxt_block[0]))
        sections.extend(paragraphs)
        sections.extend(part_sections(text, paragraphs, len(text)))
        sections.sort(key=lambda s: (s.span.start, -s.span.end))
        return Narrative(
            format=self.name,
            text=text,
            title=title,
            summary=abstracts[0] if abstracts else None,
            keywords=unique(keywords),
            links=unique(html_links(text) + text_links(text)),
            metadata=metadata,
            sections=sections,
            source=source.path,
            warnings=warnings,
        )


def _abstract_extent(text: str, heading: Heading, nxt: Heading | None) -> tuple[int, int]:
    """Where the abstract's text starts and ends.

    Up to the next heading when it comes within a few paragraphs, else the
    end of the first paragraph (a blank line, or the end of the line when
    the document puts one paragraph per line).
    """
    start = heading.rest if heading.rest is not None else heading.line_end
    limit = nxt.start if nxt else len(text)
    paragraphs = prose_paragraphs(text, start, limit)
    if not paragraphs:
        return start, start
    if nxt is not None and len(paragraphs) <= 5:
        return paragraphs[0].span.start, paragraphs[-1].span.end
    return paragraphs[0].span.start, paragraphs[0].span.end


def _keywords_extent(text: str, heading: Heading, nxt: Heading | None) -> tuple[int, int]:
    """The keywords line: the rest of the heading line, else the next non-empty line."""
    if heading.rest is not None:
        return heading.rest, heading.line_end
    limit = nxt.start if nxt else len(text)
    for offset, line in iter_lines(text, min(heading.line_end + 1, len(text)), limit):
        if line.strip():
            return offset + len(line) - len(line.lstrip()), offset + len(line.rstrip())
    return heading.line_end, heading.line_end


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [ArticleParser()]
