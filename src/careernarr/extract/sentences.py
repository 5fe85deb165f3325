"""Sentences and clauses of a narrative: the units events and reflections quote.

:func:`segment` walks the narrative's readable text (sections whose role is
metadata, a diagram, code, keywords, a title or verse are left out, as are
Markdown headings, fenced code and separator lines) and cuts it into
:class:`Sentence` objects, each with its clauses, its paragraph, its
section's role and its post. Offsets are indices into ``narrative.text``.

Sentences end at 。！？!? and at line ends (an English line that wraps
mid-sentence continues); a period ends an English sentence unless it
follows an abbreviation or sits inside a number. A short quotation (at most
:data:`QUOTED_SENTENCE` characters) is never cut: someone's words are read
together ("Nobody cared. That was the best part."). Clauses end at semicolons
and at commas (，,) in Chinese, and in English at a comma before a
conjunction or a pronoun, or (in unpunctuated speech) before a conjunction
followed by its subject ("… and I quit …").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from attrs import field, frozen

from ..model import Narrative, Post, Section, Span
from .context import ExtractionContext

__all__ = ["SKIPPED_ROLES", "Sentence", "quote_spans", "segment", "sentences_of", "text_size"]

#: Section roles whose text is not narrative prose.
SKIPPED_ROLES = frozenset({
    "header", "diagram", "code", "keywords", "title", "verse", "metadata", "footer",
    "frontmatter", "front_matter", "links", "references", "toc",
})
#: Roles of LLM-written or author-written summaries of the document.
SUMMARY_ROLES = frozenset({"summary", "description", "abstract"})

_TERMINATORS = "。！？!?"
_CLOSERS = "”’」』）)\"'》】］"
#: Markdown emphasis that may close right after a sentence's full stop ("**…。**").
_EMPHASIS = "*_"
_OPEN_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》"}
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd",
    "co", "corp", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "ph.d", "a.m", "p.m",
})
_EN_CLAUSE_START = re.compile(
    r"(?:and|but|so|then|because|while|which|when|after|before|until|though|although|yet|or|if|unless"
    r"|i|we|he|she|they|my|our|his|her|their)\b", re.IGNORECASE)
# In English without punctuation (speech transcribed), a clause starts at a
# conjunction followed by its subject: "… and I quit …", "… so in 2022 I …".
_EN_RUN_ON = re.compile(
    r"but\b|(?:and|so|then|because|until|after|when)\s+"
    r"(?:then\s+|eventually\s+|finally\s+|basically\s+|honestly\s+|actually\s+)?"
    r"(?:I|we|he|she|they|my|our|his|her|their|in\s+\d{4})\b")
_LEAD = re.compile(r"(?:[ \t]*(?:[*+\-•·>]|\d{1,3}[.)、]|\d{1,3}[ \t]+、|[（(]\d{1,3}[)）]|"
                   r"@[^\s@]+(?:[ \t]*#[ \t]*\d+)?)[ \t]*)+")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")
_SEPARATOR = re.compile(r"^[ \t]*([-=_*~—])\1{2,}[ \t]*$|^[ \t]*(?:[-*_][ \t]*){3,}$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DIAGRAM_OPEN = re.compile(r"^\s*<(Mermaid_Diagram|mermaid|diagram)\b[^>]*>", re.IGNORECASE)


_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


_HAN = re.compile("[\u2e80-\u9fff\uf900-\ufaff]")


def text_size(text: str) -> int:
    """How long a stretch of text reads: Chinese characters count one, English words two."""
    return len(_HAN.findall(text)) + 2 * len(_LATIN_WORD.findall(text))


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


@frozen
class Sentence:
    """One sentence: its span, its clauses, and where it sits in the document.

    ``paragraph`` numbers blank-line separated blocks from 0; ``role`` is its
    section's role (``body`` when it has none); ``post`` the post it belongs
    to in a thread; ``quoted`` the spans of quotations inside it; ``size``
    how long it reads (see :func:`text_size`).
    """

    span: Span
    clauses: tuple[Span, ...] = field(converter=_spans)
    paragraph: int = 0
    role: str = "body"
    section: Section | None = None
    post: Post | None = None
    quoted: tuple[Span, ...] = field(default=(), converter=_spans)
    index_in_paragraph: int = 0
    size: int = 0

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def clause_at(self, offset: int) -> int:
        """Index of the clause holding ``offset`` (the last one if past the end)."""
        for i, clause in enumerate(self.clauses):
            if offset < clause.end:
                return i
        return len(self.clauses) - 1

    def window(self, clause: int, before: int = 60, after: int = 30) -> Span:
        """Clause ``clause`` with its neighbours up to ``before``/``after`` characters away.

        In a run-on sentence (a transcript without full stops) this stands in
        for the sentence around a clause.
        """
        lo = hi = clause
        while lo > 0 and self.clauses[clause].end - self.clauses[lo - 1].start <= before:
            lo -= 1
        while hi + 1 < len(self.clauses) and self.clauses[hi + 1].end - self.clauses[clause].start <= after:
            hi += 1
        return Span(self.clauses[lo].start, self.clauses[hi].end)

    def in_quote(self, start: int, end: int) -> Span | None:
        """The quotation enclosing ``[start, end)``, if any."""
        for q in self.quoted:
            if q.start <= start and end <= q.end:
                return q
        return None


#: The characters :func:`quote_spans` acts on: quote marks and line ends.
_QUOTE_CHARS = re.compile("[" + re.escape("".join(_OPEN_QUOTES) + "".join(_OPEN_QUOTES.values()) + '"\n') + "]")


def quote_spans(text: str) -> list[Span]:
    """Spans of the quotations in ``text`` (inside the quote marks), outermost only.

    Curly and corner quotes pair up; straight double quotes pair within a line.
    """
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for m in _QUOTE_CHARS.finditer(text):  # every other character changes nothing
        i, ch = m.start(), m.group()
        if ch == "\n" and straight is not None:
            straight = None
        if ch in _OPEN_QUOTES and ch != "《":
            stack.append((_OPEN_QUOTES[ch], i + 1))
        elif stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if not stack:
                spans.append(Span(start, i))
        elif ch == '"' and not stack:
            if straight is None:
                straight = i + 1
            else:
                spans.append(Span(straight, i))
                straight = None
        if ch == "\n" and stack and text[i - 1 : i] == "\n":
            stack.clear()  # an unclosed quote never runs past a paragraph
    return spans


def _excluded(narrative: Narrative) -> list[tuple[int, int]]:
    """Ranges of text that are not prose, sorted."""
    ranges = [tuple(d.span) for d in narrative.diagrams]
    for section in narrative.sections:
        if section.role in SKIPPED_ROLES:
            ranges.append(tuple(section.span))
    text = narrative.text
    fence: tuple[str, int] | None = None
    diagram: tuple[str, int] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\n")
        if diagram is not None:
            if re.search(rf"</{re.escape(diagram[0])}\s*>", stripped, re.IGNORECASE):
                ranges.append((diagram[1], pos + len(stripped)))
                diagram = None
        elif fence is not None:
            m = _FENCE.match(stripped)
            if m and m.group(1)[0] == fence[0][0]:
                ranges.append((fence[1], pos + len(stripped)))
                fence = None
        else:
            m = _FENCE.match(stripped)
            d = _DIAGRAM_OPEN.match(stripped)
            if m:
                fence = (m.group(1), pos)
            elif d:
                diagram = (d.group(1), pos)
            elif _HEADING.match(stripped) or _SEPARATOR.match(stripped):
                ranges.append((pos, pos + len(stripped)))
        pos += len(line)
    if fence is not None:
        ranges.append((fence[1], len(text)))
    if diagram is not None:
        ranges.append((diagram[1], len(text)))
    return sorted((int(a), int(b)) for a, b in ranges)


def _readable_pieces(start: int, end: int, excluded: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    pos = start
    for a, b in excluded:
        if b <= pos or a >= end:
            continue
        if a > pos:
            yield pos, a
        pos = max(pos, b)
    if pos < end:
        yield pos, end


def _is_latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalpha() or ch in ",")


#: The characters that may end a sentence.
_END_CHARS = re.compile("[" + re.escape(_TERMINATORS) + ".\n]")


#: A quotation at most this long is one sentence, whatever full stops it holds inside
#: ("Nobody cared. That was the best part."): someone's words are read together.
QUOTED_SENTENCE = 120


def _sentence_ends(text: str, start: int, end: int, quotes: Sequence[Span] = ()) -> Iterator[int]:
    """Offsets just past each sentence end in ``text[start:end]``; none inside the short
    quotations of ``quotes`` (spans inside the quote marks, sorted)."""
    short = [q for q in quotes if len(q) <= QUOTED_SENTENCE and start <= q.start and q.end <= end]
    starts = [q.start for q in short]
    i = start
    while i < end:
        found = _END_CHARS.search(text, i, end)  # every other character is passed over
        if found is None:
            break
        i = found.start()
        ch = text[i]
        cut = False
        if short and ch != "\n":
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and i + 1 < short[k].end:
                i += 1  # inside a short quotation, before its last character: read on
                continue
        if ch in _TERMINATORS or ch == "." and _english_period(text, i, end):
            cut = True
        elif ch == "\n":
            prev = text[i - 1] if i > start else ""
            nxt = text[i + 1] if i + 1 < end else ""
            if not (_is_latin(prev) and nxt.isascii() and nxt.islower()):
                cut = True
        if cut:
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in _CLOSERS or text[j] in _EMPHASIS
                               or text[j] == "."):
                j += 1
            yield j
            i = j
            continue
        i += 1
    yield end


def _english_period(text: str, i: int, end: int) -> bool:
    nxt = text[i + 1] if i + 1 < end else ""
    if nxt and nxt in _EMPHASIS:  # "**A rate is a signal.** When I …": Markdown emphasis closes after the period
        k = i + 1
        while k < end and text[k] in _EMPHASIS:
            k += 1
        nxt = text[k] if k < end else ""
    if nxt and not (nxt.isspace() or nxt in _CLOSERS):
        return False
    m = re.search(r"([A-Za-z.]+)$", text[max(0, i - 12) : i])
    if m and m.group(1).lower().rstrip(".") in _ABBREVIATIONS:
        return False
    return not (m and len(m.group(1)) == 1 and m.group(1).isupper())  # an initial: "J. Smith"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _LEAD.match(text, s, e)
    if m and m.end() > s:
        s = m.end()
    while s < e and (text[s].isspace() or text[s] in "，,、：:"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


#: The characters at which a clause may end.
_CLAUSE_CHARS = re.compile("[，；;,— ]")


def _past_spaces(text: str, i: int, e: int) -> int:
    while i < e and text[i] == " ":
        i += 1
    return i


def _clauses(text: str, s: int, e: int) -> list[Span]:
    cuts = [s]
    for found in _CLAUSE_CHARS.finditer(text, s, e):  # every other character is passed over
        i = found.start()
        ch = found.group()
        if ch in "，；;":
            cuts.append(i + 1)
        elif ch == ",":
            before = text[i - 1] if i > s else ""
            after = text[i + 1] if i + 1 < e else ""
            if before.isdigit() and after.isdigit():
                continue
            if ord(before or " ") >= 0x2E80 or ord(after or " ") >= 0x2E80 or _EN_CLAUSE_START.match(text, i + 1 + (1 if after == " " else 0), e):
                cuts.append(i + 1)
        elif ch in "—" and text[i + 1 : i + 2] == "—" and i > s:
            cuts.append(i)
        elif ch == " " and text[i + 1 : i + 3] in ("— ", "- ") and i > s:
            cuts.append(i + 1)
        elif ch == " " and i > s and _HAN.match(text, i - 1) and _HAN.match(text, _past_spaces(text, i, e)):
            cuts.append(i + 1)  # 今年年初 我辞职了: a transcript without punctuation pauses with a space
        elif ch == " " and i > s and text[i - 1].isascii() and text[i - 1].isalpha():
            m = _EN_RUN_ON.match(text, i + 1, e)
            if m:
                cuts.append(i + 1)
    cuts.append(e)
    out = []
    for a, b in itertools.pairwise(cuts):
        a2, b2 = a, b
        while a2 < b2 and (text[a2].isspace() or text[a2] in "—-"):
            a2 += 1
        while b2 > a2 and (text[b2 - 1].isspace() or text[b2 - 1] in "，,；;"):
            b2 -= 1
        if b2 > a2:
            out.append(Span(a2, b2))
    return out or [Span(s, e)]


def _blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Blank-line separated blocks of ``text[start:end]``."""
    pos = start
    for m in re.finditer(r"\n[ \t]*\n", text[start:end]):
        yield pos, start + m.start()
        pos = start + m.end()
    yield pos, end


def segment(narrative: Narrative) -> list[Sentence]:
    """Every readable sentence of ``narrative``, in text order."""
    text = narrative.text
    excluded = _excluded(narrative)
    quotes = quote_spans(text)
    quote_starts = [q.start for q in quotes]
    sentences: list[Sentence] = []
    paragraph = -1
    for b_start, b_end in _blocks(text, 0, len(text)):
        if not text[b_start:b_end].strip():
            continue
        pieces = list(_readable_pieces(b_start, b_end, excluded))
        if not any(text[a:b].strip() for a, b in pieces):
            continue
        paragraph += 1
        index = 0
        for p_start, p_end in pieces:
            s = p_start
            lo_q = bisect.bisect_left(quote_starts, p_start)
            hi_q = bisect.bisect_right(quote_starts, p_end)
            for e in _sentence_ends(text, p_start, p_end, quotes[lo_q:hi_q]):
                a, b = _trim(text, s, e)
                s = e
                if b <= a or not any(ch.isalnum() for ch in text[a:b]):
                    continue
                section = narrative.section_at(a)
                role = section.role if section is not None else "body"
                lo = bisect.bisect_left(quote_starts, a - 1)
                inner = []
                for q in quotes[max(0, lo - 4):]:
                    if q.start > b:
                        break
                    if q.end > a and q.start < b:
                        inner.append(Span(max(q.start, a), min(q.end, b)))
                sentences.append(Sentence(
                    Span(a, b), _clauses(text, a, b), paragraph, role, section,
                    narrative.post_at(a), inner, index, text_size(text[a:b])))
                index += 1
    return sentences


def sentences_of(context: ExtractionContext) -> list[Sentence]:
    """:func:`segment` of the context's narrative, done once per context (a new list each call)."""
    return list(context.memo("sentences", lambda: tuple(segment(context.narrative))))
