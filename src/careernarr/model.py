"""The typed model: a Narrative, its structure, and what was extracted from it.

Every class here is a frozen, slotted ``attrs`` value object. Offsets are
Python string indices into :attr:`Narrative.text`; a :class:`Narrative`
refuses to exist with a span that falls outside its text. Change a value with
:func:`attrs.evolve`, never in place.
"""

from __future__ import annotations

import heapq
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from attrs import field, frozen

__all__ = [
    "EVENT_KINDS",
    "REFLECTION_KINDS",
    "Block",
    "Conversion",
    "Diagram",
    "DiagramEdge",
    "DiagramNode",
    "Event",
    "Narrative",
    "Post",
    "Reflection",
    "Section",
    "Span",
    "Subgraph",
    "TimeExpr",
]

#: Event kinds of SPEC.md, in the order the spec lists them.
EVENT_KINDS: tuple[str, ...] = (
    "job_start", "job_end", "transfer", "promotion", "job_search", "review",
    "project", "overwork", "leave", "health", "support", "conflict",
    "education", "creator", "career_change", "family", "other",
)
#: Reflection kinds of SPEC.md.
REFLECTION_KINDS: tuple[str, ...] = ("insight", "advice", "resolution", "quote", "opinion")


def _tuple_of_str(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@frozen(order=True)
class Span:
    """A half-open ``[start, end)`` range of character offsets into a text."""

    start: int = field()
    end: int = field()

    @end.validator
    def _check(self, _attr: attrs.Attribute[int], end: int) -> None:
        if self.start < 0 or end < self.start:
            raise ValueError(f"invalid span [{self.start}, {end})")

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[int]:
        yield self.start
        yield self.end

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end})"

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def shift(self, offset: int) -> Span:
        """This span moved by ``offset`` characters."""
        return Span(self.start + offset, self.end + offset)

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    @classmethod
    def coerce(cls, value: Span | tuple[int, int] | list[int]) -> Span:
        """A Span from a Span, a ``(start, end)`` pair or a two-item list."""
        if isinstance(value, Span):
            return value
        start, end = value
        return cls(int(start), int(end))


def _span(value: Any) -> Span:
    return Span.coerce(value)


@frozen
class Section:
    """A titled or untitled stretch of the text.

    ``role`` says what the stretch is, so extractors know what to read:
    ``body`` (prose), ``verse``, ``title``, ``header`` (metadata lines),
    ``summary`` (an abstract), ``keywords``, ``description``, ``content``,
    ``code``, ``diagram``, ``footer`` …; parsers may add their own.
    """

    heading: str | None
    level: int
    span: Span = field(converter=_span)
    role: str = "body"


@frozen
class Post:
    """One post of a thread. The opening post is floor 0.

    ``author`` is ``None`` when unknown or when later posts disagree about it;
    ``author_candidates`` then lists every claim, so nothing is guessed.
    """

    floor: int
    span: Span = field(converter=_span)
    author: str | None = None
    mentions: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    reply_to: tuple[int, ...] = field(default=(), converter=_tuple)
    author_candidates: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    author_source: str | None = None
    links: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    time: str | None = None
    stance: str | None = None


@frozen
class DiagramNode:
    """A node of a diagram: its identifier and its label (the id if none)."""

    id: str
    label: str | None = None


@frozen
class DiagramEdge:
    """A directed edge between two node ids, with an optional label."""

    source: str
    target: str
    label: str | None = None


@frozen
class Subgraph:
    """A named group of node ids."""

    id: str
    title: str | None = None
    nodes: tuple[str, ...] = field(default=(), converter=_tuple_of_str)


@frozen
class Diagram:
    """A diagram found in the document (for now Mermaid flowcharts)."""

    kind: str
    span: Span = field(converter=_span)
    direction: str | None = None
    nodes: tuple[DiagramNode, ...] = field(default=(), converter=_tuple, repr=lambda v: f"<{len(v)} nodes>")
    edges: tuple[DiagramEdge, ...] = field(default=(), converter=_tuple, repr=lambda v: f"<{len(v)} edges>")
    subgraphs: tuple[Subgraph, ...] = field(default=(), converter=_tuple, repr=lambda v: f"<{len(v)} subgraphs>")


@frozen
class TimeExpr:
    """A time expression with its normalized value.

    ``value`` is EDTF (a point, an interval, a season, an approximation) or
    ``None`` when the expression cannot be placed; ``duration`` is an ISO 8601
    duration. ``resolved`` is true when the value was computed from a
    reference date (``去年``, ``last year``) rather than read off the text.
    """

    text: str
    span: Span = field(converter=_span)
    value: str | None = None
    duration: str | None = None
    resolved: bool = False
    rule: str = ""


@frozen
class Event:
    """One happening in someone's working life, with its evidence."""

    kind: str
    text: str
    span: Span = field(converter=_span)
    when: str | None = None
    duration: str | None = None
    subject: str = "narrator"
    rule: str = ""
    when_source: str | None = None


@frozen
class Reflection:
    """What the speaker learned, believes, advises or resolves."""

    kind: str
    text: str
    span: Span = field(converter=_span)
    themes: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    speaker: str | None = None
    rule: str = ""


def _summarise(items: tuple[Any, ...]) -> str:
    return f"<{len(items)}>"


#: A stretch whose length changed: ``(orig_start, orig_end, conv_start, conv_end)``.
Block = tuple[int, int, int, int]


def _blocks(value: Any) -> tuple[Block, ...]:
    return tuple((int(a), int(b), int(c), int(d)) for a, b, c, d in value)


@frozen
class Conversion:
    """How a converted text lines up with its original (see ``careernarr.script``).

    ``blocks`` are the stretches whose length changed, in order, as
    ``(orig_start, orig_end, conv_start, conv_end)``; outside them characters
    correspond one to one. A span boundary inside a block snaps outward to
    the block's edges. ``config`` names the OpenCC configuration(s) applied,
    ``original`` is the text before conversion.
    """

    config: str
    original: str = field(repr=lambda t: f"<{len(t)} chars>")
    blocks: tuple[Block, ...] = field(default=(), converter=_blocks, repr=lambda b: f"<{len(b)} blocks>")
    _starts: tuple[tuple[int, ...], tuple[int, ...]] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        prev_o = prev_c = 0
        for a0, a1, b0, b1 in self.blocks:
            if not (prev_o <= a0 <= a1 and prev_c <= b0 <= b1) or a0 - prev_o != b0 - prev_c:
                raise ValueError(f"conversion blocks out of order or misaligned at {(a0, a1, b0, b1)}")
            prev_o, prev_c = a1, b1
        if prev_o > len(self.original):
            raise ValueError(f"conversion block ends at {prev_o}, past the original's {len(self.original)} characters")
        object.__setattr__(self, "_starts", (tuple(b[0] for b in self.blocks), tuple(b[2] for b in self.blocks)))

    @property
    def converted_length(self) -> int:
        """The length of the converted text."""
        return len(self.original) + sum((b[3] - b[2]) - (b[1] - b[0]) for b in self.blocks)

    def _map(self, x: int, side: int, outward_end: bool) -> int:
        i = bisect_right(self._starts[side], x) - 1
        if i < 0:
            return x
        block = self.blocks[i]
        s0, s1 = block[2 * side], block[2 * side + 1]
        d0, d1 = block[2 - 2 * side], block[3 - 2 * side]
        if x >= s1 and not (x == s0 == s1):
            return d1 + (x - s1)
        if x == s0 and (s0 != s1 or not outward_end):
            return d0
        return d1 if outward_end else d0

    def to_original(self, span: Span | tuple[int, int]) -> Span:
        """``span`` of the converted text as a span of :attr:`original`."""
        s = Span.coerce(span)
        return Span(self._map(s.start, 1, False), self._map(s.end, 1, True))

    def to_converted(self, span: Span | tuple[int, int]) -> Span:
        """``span`` of :attr:`original` as a span of the converted text."""
        s = Span.coerce(span)
        return Span(self._map(s.start, 0, False), self._map(s.end, 0, True))


class _Stabbing:
    """Which item of a list of spans answers "the one containing offset x", for every x.

    Built once in O(k log k) by a sweep over the span boundaries; each query
    is then a bisection, so asking once per sentence stays linear overall.
    ``rank(index, span)`` orders the candidates containing an offset: the
    smallest wins.
    """

    def __init__(self, spans: Sequence[Span], rank: Callable[[int, Span], tuple[int, ...]]) -> None:
        order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        bounds = sorted({p for s in spans for p in (s.start, s.end)})
        heap: list[tuple[tuple[int, ...], int]] = []
        answers: list[int] = []
        nxt = 0
        for x in bounds:
            while nxt < len(order) and spans[order[nxt]].start <= x:
                i = order[nxt]
                if spans[i].end > spans[i].start:
                    heapq.heappush(heap, (rank(i, spans[i]), i))
                nxt += 1
            while heap and spans[heap[0][1]].end <= x:
                heapq.heappop(heap)
            answers.append(heap[0][1] if heap else -1)
        self.bounds = bounds
        self.answers = answers

    def at(self, offset: int) -> int:
        """The index of the answer at ``offset``, or -1."""
        k = bisect_right(self.bounds, offset) - 1
        return self.answers[k] if k >= 0 else -1


_STABBING: dict[tuple[int, str], _Stabbing] = {}


def _lookup(owner: Narrative, name: str, items: Sequence[Any],
            rank: Callable[[int, Span], tuple[int, ...]], offset: int) -> Any:
    """``items[i]`` containing ``offset`` chosen by ``rank``, through an index kept while ``owner`` lives."""
    if not items:
        return None
    if len(items) < 8:
        best = None
        for i, item in enumerate(items):
            if item.span.start <= offset < item.span.end and (best is None or rank(i, item.span) < best[0]):
                best = (rank(i, item.span), i)
        return items[best[1]] if best else None
    key = (id(owner), name)
    index = _STABBING.get(key)
    if index is None:
        index = _STABBING[key] = _Stabbing([item.span for item in items], rank)
        weakref.finalize(owner, _STABBING.pop, key, None)
    i = index.at(offset)
    return items[i] if i >= 0 else None


@frozen
class Narrative:
    """A document read into careernarr's model.

    ``text`` is what every span points into. ``metadata`` keeps every field
    the source carried, as read; the first-class fields (``title``, ``date``
    …) are their normalized forms. ``warnings`` lists what the parser noticed
    but could not use — data, not exceptions.
    """

    format: str
    text: str = field(repr=lambda t: f"<{len(t)} chars>")
    title: str | None = None
    date: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    language: str | None = None
    summary: str | None = field(default=None, repr=lambda s: "None" if s is None else repr(_short(s)))
    keywords: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    tags: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    links: tuple[str, ...] = field(default=(), converter=_tuple_of_str)
    duration: str | None = None
    video_id: str | None = None
    draft: bool | None = None
    metadata: Mapping[str, Any] = field(factory=dict, repr=lambda m: f"<{len(m)} fields>", hash=False)
    sections: tuple[Section, ...] = field(default=(), converter=_tuple, repr=_summarise)
    posts: tuple[Post, ...] = field(default=(), converter=_tuple, repr=_summarise)
    diagrams: tuple[Diagram, ...] = field(default=(), converter=_tuple, repr=_summarise)
    time_expressions: tuple[TimeExpr, ...] = field(default=(), converter=_tuple, repr=_summarise)
    events: tuple[Event, ...] = field(default=(), converter=_tuple, repr=_summarise)
    reflections: tuple[Reflection, ...] = field(default=(), converter=_tuple, repr=_summarise)
    source: str | None = None
    warnings: tuple[str, ...] = field(default=(), converter=_tuple_of_str, repr=_summarise)
    conversion: Conversion | None = field(
        default=None, repr=lambda c: "None" if c is None else f"<{c.config}>", hash=False
    )

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for span in self.spans():
            if span.end > n:
                raise ValueError(f"span [{span.start}, {span.end}) lies outside a text of {n} characters")

    def spans(self) -> Iterator[Span]:
        """Every span this narrative holds, structure and extraction alike."""
        for group in (self.sections, self.posts, self.diagrams, self.time_expressions,
                      self.events, self.reflections):
            for item in group:
                yield item.span

    def quote(self, span: Span | tuple[int, int]) -> str:
        """The words of the text at ``span``."""
        return Span.coerce(span).of(self.text)

    def post_at(self, offset: int) -> Post | None:
        """The post containing character ``offset``, if any (the first, should posts overlap)."""
        post: Post | None = _lookup(self, "posts", self.posts, lambda i, span: (i,), offset)
        return post

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing character ``offset``, if any (the last of equal size)."""
        section: Section | None = _lookup(self, "sections", self.sections, lambda i, span: (len(span), -i), offset)
        return section

    def evolve(self, **changes: Any) -> Narrative:
        """A copy with ``changes`` applied (spans are checked again)."""
        return attrs.evolve(self, **changes)
