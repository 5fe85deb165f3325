"""When did it happen: an event's time and duration, from the time expressions.

An event is dated by a time expression (one with an EDTF value) found, in
this order, in its own clause (a clause whose own relative time, 去年 or
last year, has no year to count from stays undated: the sentence's other
date is not its date), in its sentence, in one of the two sentences before
it in its paragraph ("In spring 2020 our unit was full. I was picking
up extra shifts."), at the head of its paragraph ("2019年，…" dates the
paragraph it opens), or in the heading of a section that contains it. A
sentence that tells a time of its own that is not a date (毕业那年, last
spring unresolved) or that moves the story on (后来, 如今, later, these days)
takes no date from the sentences before it nor from its paragraph's opening;
only a heading still dates it. ``when_source`` says which: ``clause``, ``sentence``,
``paragraph`` or ``heading``. Nothing else dates an event: no date is
guessed. A duration ("三个月的假期", "for two years") attaches when it sits next
to the event's words in their clause and is not an offset ("三个月后", "two
years ago").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from attrs import frozen

from ..model import Narrative, Section, Span, TimeExpr
from .cues import Cues
from .sentences import Sentence

__all__ = ["LONG_SENTENCE", "Dated", "Dating", "scope_of"]

#: Sentences longer than this (see :func:`~careernarr.extract.sentences.text_size`)
#: are read clause by clause (run-on transcripts).
LONG_SENTENCE = 120
#: How far back (in characters) in a run-on sentence the time told before an event's clauses still dates it.
RUN_ON_REACH = 240
#: The start of a list item: a bullet or a number ("- ", "* ", "• ", "1. ", "2、").
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•·]|\d{1,2}[.、)）])[ \t]+")
#: How many sentences before, in the same paragraph, still date an event (the story's time carries).
_CARRY = 2
#: How far (in characters) a duration may sit from the words it measures.
ATTACH_GAP = 6
_PUNCTUATION = set("，,、。；;：:！？!?—（）()“”\"「」")
#: Right after a time: the story lies before it (六月之前, 六月以前).
#: The last character of the words before 之后 that make it a later time (几年之后, 很久之后, 那些事之后是另一段).
_MOVED_ON_BY = frozenset("年月日天周久些时候代期")
_BEFORE = re.compile(r"[ \t]*(?:之前|以前)")
_OFFSET_AFTER = ("后", "前", "以后", "之后", "以前", "之前", "以来", "内", "里", "多后", " ago", " later",
                 " after", " before", " earlier", "ago", "later")


def _heading_line(line: str, section: Section) -> bool:
    """Whether ``line`` is the written heading of ``section`` (not just its first line)."""
    words = "".join(ch for ch in str(section.heading) if ch.isalnum())
    return bool(words) and words in "".join(ch for ch in line if ch.isalnum())


def scope_of(sentence: Sentence, clause: Span) -> Span:
    """The sentence of a clause; in a run-on sentence, the clauses around it."""
    if sentence.size <= LONG_SENTENCE:
        return sentence.span
    return sentence.window(sentence.clause_at(clause.start))


@frozen
class Dated:
    """A time (``value``) or a duration found for an event, and where from."""

    value: str
    source: str
    expr: TimeExpr


class Dating:
    """Answers "when" and "how long" for spans of one narrative."""

    def __init__(self, narrative: Narrative, sentences: Sequence[Sentence],
                 times: Sequence[TimeExpr], cues: Cues) -> None:
        self._text = narrative.text
        self._cues = cues
        self._times = sorted((t for t in times if t.span.end <= len(narrative.text)),
                             key=lambda t: t.span.start)
        self._starts = [t.span.start for t in self._times]
        self._leads: dict[int, tuple[int, TimeExpr]] = {}
        self._before: dict[int, list[Span]] = {}
        self._items = {s.start: self._item(s.start) for s in sentences}
        for prev, s in zip([None, *sentences], sentences):
            if (prev is not None and prev.paragraph == s.paragraph and prev.post == s.post
                    and self._items[prev.start] == self._items[s.start]):
                self._before[s.start] = [*self._before.get(prev.start, [])[-(_CARRY - 1):], prev.span]
        for s in sentences:
            if s.index_in_paragraph != 0 or s.paragraph in self._leads:
                continue
            first = s.clauses[0]
            for t in self.inside(first.start, first.end):
                if t.value and t.span.start - s.start <= 10:
                    self._leads[s.paragraph] = (s.start, t)
                    break
        self._sections = narrative.sections

    def _item(self, pos: int) -> int | None:
        """Where the list item holding ``pos`` starts ("- **入行**：2012年…"), or ``None`` outside
        a list: one item's date does not carry to the next (each bullet is told on its own)."""
        line = self._text.rfind("\n", 0, pos) + 1
        return line if _LIST_ITEM.match(self._text, line) else None

    def _item_of(self, sentence: Sentence) -> int | None:
        """:meth:`_item` of a sentence, from the table when it is one of the narrative's own (a
        sentence cut at a connector starts elsewhere)."""
        item = self._items.get(sentence.start, -1)
        return self._item(sentence.start) if item == -1 else item

    def inside(self, start: int, end: int) -> list[TimeExpr]:
        """Time expressions lying inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._times) and self._times[i].span.start < end:
            if self._times[i].span.end <= end:
                out.append(self._times[i])
            i += 1
        return out

    def _nearest(self, candidates: Sequence[TimeExpr], at: int) -> TimeExpr | None:
        before = [t for t in candidates if t.span.start <= at]
        if before:
            return before[-1]
        return candidates[0] if candidates else None

    def when(self, sentence: Sentence, clause: Span, at: int, others: Sequence[Span] = ()) -> Dated | None:
        """The time of an event whose words are at ``at`` in ``clause``.

        ``others``: clauses of the sentence that tell other happenings; a date in one after
        ``clause`` is theirs (我先在工厂做了三年普工，2015年辞职去了深圳: 2015 is the quitting's).
        """
        points = [t for t in self.inside(clause.start, clause.end) if t.value and not self._is_offset(t)]
        best = self._nearest(points, at)
        if best is not None:
            best = self._named(best, points, at)
            return Dated(str(best.value), "clause", best)
        if any(not t.value and "relative" in t.rule for t in self.inside(clause.start, clause.end)):
            return None  # "去年畀人炒咗" with no year to count from: its own time, unknown; not the sentence's
        scope = scope_of(sentence, clause)
        points = [t for t in self.inside(scope.start, scope.end) if t.value and not self._is_offset(t)
                  and not self._planned(sentence, t)]
        later = [o for o in others if o.start >= clause.end]
        own = [t for t in points if not any(o.start <= t.span.start < o.end for o in later)]
        best = self._nearest(own, at)
        if best is not None:
            return Dated(str(best.value), "sentence", best)
        if len(own) < len(points):
            return None  # told before a later happening's date: earlier, by how much unknown
        year_only = False
        if self._own_time(scope, at):
            right_after = self._right_after(scope, at)
            if right_after is None:
                heading = self._heading_time(sentence.start)
                return Dated(str(heading.value), "heading", heading) if heading is not None else None
            year_only = right_after
        if scope.start > sentence.start:  # a run-on sentence (a transcript): the story's time told earlier in it
            earlier = [t for t in self.inside(max(sentence.start, scope.start - RUN_ON_REACH), scope.start)
                       if t.value and not self._is_offset(t) and not self._planned(sentence, t)]
            if earlier and self._cues.any("moves_on", earlier[-1].span.end, max(at, scope.start + 1)) is None:
                return Dated(self._carried(earlier[-1]), "sentence", earlier[-1])
        for prev in reversed(self._before.get(sentence.start, [])):
            points = [t for t in self.inside(prev.start, prev.end) if t.value and not self._is_offset(t)]
            if points:  # "In spring 2020 our unit was full. I was picking up extra shifts."
                best = points[0]
                for t in points[1:]:  # 下半年…：十月，…。我在家待了一个月: the narrower time told after it
                    if _within(str(t.value), str(best.value)):
                        best = t
                value = self._carried(best)
                return Dated(value[:4] if year_only and value[:4].isdigit() else value, "paragraph", best)
        lead = self._leads.get(sentence.paragraph)
        if lead is not None and lead[0] < sentence.start and self._items.get(lead[0]) == self._item_of(sentence):
            return Dated(str(lead[1].value), "paragraph", lead[1])
        heading = self._heading_time(sentence.start)
        if heading is not None:
            return Dated(str(heading.value), "heading", heading)
        return None

    def _carried(self, t: TimeExpr) -> str:
        """The value ``t`` gives the sentences after it: its year when it is a bound the story
        lies before (去年六月之前…。最后那半年…: some time that year, not in June)."""
        value = str(t.value)
        if _BEFORE.match(self._text, t.span.end) and value[:4].isdigit() and len(value) > 4:
            return value[:4]
        return value

    def _planned(self, sentence: Sentence, t: TimeExpr) -> bool:
        """Whether ``t`` dates a plan or a wish told in another clause of the sentence
        (她报名了课程，打算明年转岗): the time of what is planned, not of what was done."""
        clause = sentence.clauses[sentence.clause_at(t.span.start)]
        return self._cues.any("modal", clause.start, t.span.end) is not None

    def _own_time(self, scope: Span, at: int) -> bool:
        """Whether the sentence tells a time of its own that is not a date: an unresolved one
        (毕业那年, last spring), or words that move the story on (后来, later, 如今) before ``at``."""
        for t in self.inside(scope.start, scope.end):
            if not t.value and not t.duration and "-rate" not in t.rule and "-indefinite" not in t.rule:
                return True  # (a rate, 一天要爬两趟塔吊 or four days a week, is no time of its own; nor is
                # 有一天 / 有一个星期, one day within the time the story is at)
        return self._cues.any("moves_on", scope.start, max(at, scope.start + 1)) is not None

    def _right_after(self, scope: Span, at: int) -> bool | None:
        """Whether the sentence's only own time is a 之后 that follows on from the sentences before:
        ``False`` after a happening told (返工之后我转做兼职: the time they told carries), ``True``
        opening the sentence (2018年2月我提了离职。之后休息了三个月: that year carries, not the month);
        ``None`` when the story moves on (后来, 如今, 三年之后) or the sentence tells a time of its own."""
        hits = list(self._cues.within("moves_on", scope.start, max(at, scope.start + 1)))
        if not hits or any(self._text[h.start : h.end] != "之后" for h in hits):
            return None
        if any(not t.value and not t.duration and "-rate" not in t.rule and "-indefinite" not in t.rule
               for t in self.inside(scope.start, scope.end)):
            return None
        opening = True
        for h in hits:
            before = self._text[scope.start : h.start].strip(" \t，,")
            if not before:
                continue
            if before[-1] in _MOVED_ON_BY or any(t.span.end == h.start for t in self._times):
                return None  # 几年之后, 三个月之后: time has passed
            opening = False
        return opening

    def _named(self, best: TimeExpr, points: Sequence[TimeExpr], at: int) -> TimeExpr:
        """A vaguer time joined to the event's words (2022年3月的年中述职) names it; the exact one dates it."""
        if "/" not in str(best.value) or self._text[best.span.end : at].strip("的 \t"):
            return best
        exact = [t for t in points if t is not best and t.span.end <= best.span.start
                 and "/" not in str(t.value) and str(t.value)[:4] == str(best.value)[:4]]
        return exact[-1] if exact else best

    def duration(self, clause: Span, start: int, end: int) -> Dated | None:
        """A duration attached to the words at ``[start, end)`` of ``clause``.

        Attached means in the same clause, at most :data:`ATTACH_GAP`
        characters away and with no punctuation between ("三个月的假期",
        "休假三个月", "sick leave for two weeks"); an offset ("三个月后", "two years ago") is not a duration.
        """
        best: TimeExpr | None = None
        gap = ATTACH_GAP + 1
        for t in self.inside(clause.start, clause.end):
            if not t.duration or t.value or self._is_offset(t):
                continue
            d = max(t.span.start - end, start - t.span.end, 0)
            between = self._text[min(t.span.end, end) : max(t.span.start, start)]
            if any(ch in _PUNCTUATION for ch in between):
                continue
            if d < gap:
                best, gap = t, d
        return Dated(str(best.duration), "clause", best) if best is not None else None

    def _is_offset(self, t: TimeExpr) -> bool:
        before = self._text[max(0, t.span.start - 6) : t.span.start].lower()
        if t.duration and not t.value and before.endswith(("after ", "within ")):
            return True
        after = self._text[t.span.end : t.span.end + 6]
        if t.text.endswith(("后", "前", "以来", "ago", "later")):
            return not t.value
        return bool(t.duration) and not t.value and after.lstrip("了").startswith(_OFFSET_AFTER)

    def _heading_time(self, offset: int) -> TimeExpr | None:
        containing: list[Section] = [s for s in self._sections
                                     if s.heading and s.span.start <= offset < s.span.end]
        containing.sort(key=lambda s: len(s.span))
        for section in containing:
            line_end = self._text.find("\n", section.span.start, section.span.end)
            line_end = section.span.end if line_end < 0 else line_end
            if offset < line_end or not _heading_line(self._text[section.span.start : line_end], section):
                continue
            for t in self.inside(section.span.start, line_end):
                if t.value:
                    return t
        return None


def _bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and last (year, month, day) of an EDTF point or interval (seasons left out)."""
    lo, _, hi = value.partition("/")
    out = []
    for part, first in ((lo, True), (hi or lo, False)):
        bits = part.rstrip("~?%").split("-")
        if not bits[0].isdigit() or any(not b.isdigit() for b in bits) or (len(bits) > 1 and int(bits[1]) > 12):
            return None
        y = int(bits[0])
        m = int(bits[1]) if len(bits) > 1 else (1 if first else 12)
        d = int(bits[2]) if len(bits) > 2 else (1 if first else 31)
        out.append((y, m, d))
    return out[0], out[1]


def _within(inner: str, outer: str) -> bool:
    """Whether EDTF ``inner`` is a narrower time inside ``outer`` (2025-10 in 2025-07/2025-12, 2024-03 in 2024)."""
    a, b = _bounds(inner), _bounds(outer)
    if a is None or b is None or a == b:
        return False
    return b[0] <= a[0] and a[1] <= b[1]
