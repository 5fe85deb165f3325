"""The corpus timeline: events of many narratives merged, placed and filtered.

Every timeline exporter (Mermaid, TimelineJS, HTML, the Markdown report's
timeline) reads this one model, so they agree on order and placement:

* :func:`parse_when` turns an event's EDTF ``when`` into a :class:`TimeRange`
  (lower and upper calendar bounds, approximate/uncertain flags). It uses the
  maintained `edtf <https://pypi.org/project/edtf/>`_ package, which knows
  the whole of EDTF levels 0–2 (seasons, ``~``/``?``, intervals); a value it
  cannot read is kept as *unplaced* (the event is listed as undated, with its
  value shown), never dropped and never guessed.
* :func:`build_timeline` merges narratives: dated entries sorted by lower
  bound, then upper bound, then narrative and event order; undated entries
  after them, in narrative order.
* :meth:`Timeline.filter` and :func:`filter_narratives` keep the events of
  some kinds, subjects and a date range (an event counts when its range
  overlaps the filter's).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import time
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Any

from attrs import evolve, field, frozen

from ..errors import CareerNarrError
from ..model import Event, Narrative, Span

__all__ = [
    "Location",
    "TimeRange",
    "Timeline",
    "TimelineEntry",
    "build_timeline",
    "filter_narratives",
    "humanize_when",
    "narrative_label",
    "parse_when",
    "time_phrase",
]

_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


@frozen
class TimeRange:
    """Where an EDTF value lies on the calendar.

    ``lower``/``upper`` are the strict bounds (``2025-03`` → March 1st to
    31st). ``fuzzy_lower``/``fuzzy_upper`` widen them for approximate or
    uncertain values (``2025~`` → 2024 to 2026), as the edtf package does.
    ``open_start``/``open_end`` mark an interval with an unknown end
    (``../2025``), whose missing bound is the known one.
    """

    value: str
    lower: _dt.date
    upper: _dt.date
    fuzzy_lower: _dt.date
    fuzzy_upper: _dt.date
    approximate: bool = False
    uncertain: bool = False
    open_start: bool = False
    open_end: bool = False

    @property
    def is_point(self) -> bool:
        """Whether the value is a single day."""
        return self.lower == self.upper

    @property
    def is_interval(self) -> bool:
        """Whether the value is written as an interval ``A/B``."""
        return "/" in self.value

    def overlaps(self, start: _dt.date | None, end: _dt.date | None) -> bool:
        """Whether this range meets ``[start, end]`` (``None``: unbounded).

        An open end reaches every later date, an open start every earlier one.
        """
        return ((start is None or self.open_end or self.upper >= start)
                and (end is None or self.open_start or self.lower <= end))


def _date(st: time.struct_time) -> _dt.date:
    return _dt.date(st.tm_year, st.tm_mon, st.tm_mday)


def _bounds(text: str) -> tuple[_dt.date, _dt.date, _dt.date, _dt.date]:
    import edtf

    obj = edtf.parse_edtf(text)
    return (_date(obj.lower_strict()), _date(obj.upper_strict()),
            _date(obj.lower_fuzzy()), _date(obj.upper_fuzzy()))


@functools.lru_cache(maxsize=4096)
def parse_when(value: str | None) -> TimeRange | None:
    """The calendar range of an EDTF value, or ``None`` if it cannot be placed.

    Never raises: unreadable values, dates outside years 1–9999 and fully
    open intervals give ``None``.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        if "/" in text:
            left, _, right = text.partition("/")
            lo = None if left in ("", "..") else _bounds(left)
            hi = None if right in ("", "..") else _bounds(right)
            if lo is None and hi is None:
                return None
            first = lo or hi
            last = hi or lo
            assert first is not None and last is not None
            if last[1] < first[0]:
                return None
            return TimeRange(
                text, first[0], last[1], first[2], last[3],
                approximate="~" in text or "%" in text, uncertain="?" in text or "%" in text,
                open_start=lo is None, open_end=hi is None,
            )
        lower, upper, fuzzy_lower, fuzzy_upper = _bounds(text)
    except Exception:  # the edtf package raises several kinds of errors on bad input
        return None
    if upper < lower:
        return None
    return TimeRange(text, lower, upper, min(lower, fuzzy_lower), max(upper, fuzzy_upper),
                     approximate="~" in text or "%" in text, uncertain="?" in text or "%" in text)


def _human_point(part: str) -> str:
    if part in ("", ".."):
        return "…"
    marks = "".join(ch for ch in part if ch in "~?%")
    core = part.rstrip("~?%")
    m = re.fullmatch(r"(-?\d{4})-(\d{2})", core)
    if m and int(m.group(2)) in _SEASONS:
        core = f"{_SEASONS[int(m.group(2))]} {m.group(1)}"
    if "~" in marks or "%" in marks:
        core = "c. " + core
    if "?" in marks or "%" in marks:
        core += "?"
    return core


def humanize_when(value: str | None) -> str:
    """A short reading of an EDTF value: ``2025-10/2025-12`` → ``2025-10 – 2025-12``.

    Seasons are named (``2025-21`` → ``spring 2025``), approximation becomes
    ``c.``, uncertainty ``?``; ``None`` becomes ``undated``.
    """
    if not value:
        return "undated"
    if "/" in value:
        left, _, right = value.partition("/")
        return f"{_human_point(left)} – {_human_point(right)}"
    return _human_point(value)


def time_phrase(narrative: Narrative, event: Event) -> str | None:
    """The words of the document that gave ``event`` its time, if they can be found.

    In order: a time expression inside the evidence with the event's value;
    any valued time expression inside the evidence; the nearest earlier time
    expression with the event's value in the same paragraph.
    """
    inside = [t for t in narrative.time_expressions if event.span.contains(t.span)]
    for t in inside:
        if event.when and t.value == event.when:
            return t.text
    for t in inside:
        if t.value:
            return t.text
    if event.when:
        para_start = narrative.text.rfind("\n\n", 0, event.span.start)
        before = [t for t in narrative.time_expressions
                  if t.value == event.when and para_start <= t.span.start < event.span.start]
        if before:
            return max(before, key=lambda t: t.span.start).text
    return None


def narrative_label(narrative: Narrative, index: int = 0) -> str:
    """A short human name for a narrative: its title, else its file name."""
    if narrative.title and narrative.title.strip():
        return " ".join(narrative.title.split())
    if narrative.source:
        return PurePath(narrative.source).name
    return f"narrative {index + 1}"


@frozen
class Location:
    """Where an item's evidence sits in its source document."""

    document: str
    source: str | None
    url: str | None
    line: int
    span: Span
    section: str | None = None
    floor: int | None = None
    author: str | None = None

    @classmethod
    def of(cls, narrative: Narrative, span: Span, index: int = 0) -> Location:
        """The location of ``span`` in ``narrative``."""
        section = narrative.section_at(span.start)
        post = narrative.post_at(span.start)
        return cls(
            document=narrative_label(narrative, index),
            source=narrative.source,
            url=narrative.url,
            line=narrative.text.count("\n", 0, span.start) + 1,
            span=span,
            section=section.heading if section is not None else None,
            floor=post.floor if post is not None else None,
            author=post.author if post is not None else None,
        )

    def describe(self) -> str:
        """One line: file, line, characters, section, post."""
        where = PurePath(self.source).name if self.source else self.document
        parts = [f"{where}, line {self.line}, chars {self.span.start}–{self.span.end}"]
        if self.section:
            parts.append(f"section “{' '.join(self.section.split())}”")
        if self.floor is not None:
            parts.append(f"post #{self.floor}" + (f" by {self.author}" if self.author else ""))
        return "; ".join(parts)


def context(narrative: Narrative, span: Span, width: int = 90) -> tuple[str, str, str]:
    """``(before, evidence, after)``: the evidence with up to ``width`` characters
    of its paragraph on each side, whitespace collapsed."""
    text = narrative.text
    para_start = text.rfind("\n\n", 0, span.start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", span.end)
    para_end = len(text) if para_end < 0 else para_end
    start = max(para_start, span.start - width)
    end = min(para_end, span.end + width)
    before = " ".join(text[start:span.start].split())
    after = " ".join(text[span.end:end].split())
    if start > para_start:
        before = "…" + before
    if end < para_end:
        after += "…"
    if text[start:span.start][-1:].isspace():
        before += " "
    if text[span.end:end][:1].isspace():
        after = " " + after
    return before, " ".join(span.of(text).split()), after


@frozen
class TimelineEntry:
    """One event of one narrative, placed (or not) on the timeline."""

    narrative: int
    index: int
    event: Event
    range: TimeRange | None
    phrase: str | None = None

    @property
    def id(self) -> str:
        """A stable identifier: narrative and event positions (``n0e3``)."""
        return f"n{self.narrative}e{self.index}"

    @property
    def dated(self) -> bool:
        """Whether the entry has a place on the calendar."""
        return self.range is not None


def _sort_key(entry: TimelineEntry) -> tuple[Any, ...]:
    if entry.range is None:
        return (1, _dt.date.max, _dt.date.max, entry.narrative, entry.index)
    return (0, entry.range.lower, entry.range.upper, entry.narrative, entry.index)


def _as_bound(value: str | _dt.date | None, *, upper: bool) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    rng = parse_when(value)
    if rng is None:
        raise CareerNarrError(
            f"cannot read the date {value!r}: expected an EDTF date such as 2024, 2024-06 or 2024-06-30"
        )
    return rng.upper if upper else rng.lower


def _narrative_tuple(items: Iterable[Narrative]) -> tuple[Narrative, ...]:
    return tuple(items)


def _entry_tuple(items: Iterable[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    return tuple(items)


@frozen
class Timeline:
    """Events of several narratives in timeline order.

    ``entries`` holds the dated entries sorted by lower bound, then the
    undated ones in narrative order. Narratives are kept whole, so exporters
    can show titles, sources and reflections alongside.
    """

    narratives: tuple[Narrative, ...] = field(converter=_narrative_tuple)
    entries: tuple[TimelineEntry, ...] = field(converter=_entry_tuple)

    @property
    def dated(self) -> tuple[TimelineEntry, ...]:
        """Entries with a calendar place, earliest first."""
        return tuple(e for e in self.entries if e.range is not None)

    @property
    def undated(self) -> tuple[TimelineEntry, ...]:
        """Entries without one, in narrative order."""
        return tuple(e for e in self.entries if e.range is None)

    def narrative_of(self, entry: TimelineEntry) -> Narrative:
        """The narrative ``entry`` comes from."""
        return self.narratives[entry.narrative]

    def label(self, entry_or_index: TimelineEntry | int) -> str:
        """The short name of an entry's narrative (or of narrative ``index``)."""
        i = entry_or_index if isinstance(entry_or_index, int) else entry_or_index.narrative
        return narrative_label(self.narratives[i], i)

    def location(self, entry: TimelineEntry) -> Location:
        """Where the entry's evidence is in its document."""
        return Location.of(self.narratives[entry.narrative], entry.event.span, entry.narrative)

    def context(self, entry: TimelineEntry, width: int = 90) -> tuple[str, str, str]:
        """The evidence with some of its paragraph around it."""
        return context(self.narratives[entry.narrative], entry.event.span, width)

    def bounds(self) -> tuple[_dt.date, _dt.date] | None:
        """The earliest fuzzy lower and latest fuzzy upper bound of the dated entries."""
        ranges = [e.range for e in self.entries if e.range is not None]
        if not ranges:
            return None
        return min(r.fuzzy_lower for r in ranges), max(r.fuzzy_upper for r in ranges)

    def kinds(self) -> list[str]:
        """The event kinds present, in first-seen order."""
        return list(dict.fromkeys(e.event.kind for e in self.entries))

    def filter(
        self,
        *,
        kinds: Iterable[str] | None = None,
        subjects: Iterable[str] | None = None,
        start: str | _dt.date | None = None,
        end: str | _dt.date | None = None,
    ) -> Timeline:
        """The entries of some ``kinds`` and ``subjects`` that overlap ``[start, end]``.

        ``start``/``end`` are EDTF values or dates (``start="2024"`` means
        from January 1st 2024, ``end="2024"`` up to December 31st). With a
        date bound, undated entries are left out, since they cannot be
        placed inside it. A ``None`` filter keeps everything.
        """
        kind_set = set(kinds) if kinds is not None else None
        subject_set = set(subjects) if subjects is not None else None
        lo = _as_bound(start, upper=False)
        hi = _as_bound(end, upper=True)
        dated_filter = lo is not None or hi is not None

        def keep(e: TimelineEntry) -> bool:
            if kind_set is not None and e.event.kind not in kind_set:
                return False
            if subject_set is not None and e.event.subject not in subject_set:
                return False
            if dated_filter:
                return e.range is not None and e.range.overlaps(lo, hi)
            return True

        return evolve(self, entries=tuple(e for e in self.entries if keep(e)))


def build_timeline(narratives: Sequence[Narrative] | Narrative) -> Timeline:
    """Merge the events of ``narratives`` into one :class:`Timeline`."""
    items = (narratives,) if isinstance(narratives, Narrative) else tuple(narratives)
    entries = [
        TimelineEntry(i, j, event, parse_when(event.when), time_phrase(n, event))
        for i, n in enumerate(items)
        for j, event in enumerate(n.events)
    ]
    entries.sort(key=_sort_key)
    return Timeline(items, entries)


def filter_narratives(
    narratives: Sequence[Narrative],
    *,
    kinds: Iterable[str] | None = None,
    subjects: Iterable[str] | None = None,
    start: str | _dt.date | None = None,
    end: str | _dt.date | None = None,
) -> list[Narrative]:
    """``narratives`` keeping only the events :meth:`Timeline.filter` keeps.

    Works with any exporter: filter first, then export. Reflections, posts
    and structure are left as they are.
    """
    kept = build_timeline(narratives).filter(kinds=kinds, subjects=subjects, start=start, end=end)
    chosen: dict[int, set[int]] = {i: set() for i in range(len(narratives))}
    for e in kept.entries:
        chosen[e.narrative].add(e.index)
    return [
        n.evolve(events=tuple(ev for j, ev in enumerate(n.events) if j in chosen[i]))
        for i, n in enumerate(narratives)
    ]
