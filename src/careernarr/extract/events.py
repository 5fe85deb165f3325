"""Built-in ``events`` extractor: happenings of a working life, from lexicons.

For every readable sentence (see :mod:`careernarr.extract.sentences`), each
event word of the lexicons found in it is a candidate. A candidate is
dropped when the words around it say it did not happen as told:

* a negation just before it (没有辞职, didn't quit);
* a hypothetical in its clause or the one before (如果被裁, if I get laid off);
* a wish, plan or piece of advice before it in its clause (想辞职, 建议跳槽);
* a general statement before it (任何绩效评分);
* a time use right after it (休假期间, 入职第一年) or a thought noun (辞职的念头,
  离职背景); 辞职后/被裁之后 followed by more of the sentence still tells the
  quitting, unless an event of that kind was told in the same post or the two
  paragraphs before (then it is only the time of what follows);
* a goal marker right before it (为了晋升), or advice earlier in its sentence
  (我的建议：…再提离职);
* a demonstrative pointing back to an event already told (这场转岗);
* a question (…吗？);
* a weak word (项目, 孩子) with nothing saying it happened (了, 过, 开始, a date).

A clause is cut where a connector joins two happenings of different kinds
(辞职后去读研, "quit in March and started freelancing in May"). One event per
clause: a plain term beats a weak one, then the kind that comes first in
:data:`KIND_ORDER` (a health word next to a family member makes a
``family`` event). Neighbouring clauses of the same kind are one event (in a
sentence of one kind, all its clauses of that kind are). The same words told
again (a thread quoting an earlier post) are one event, at their first
telling; a happening its own sentence dates after the document's date is a
plan, not an event. A sentence with one event is its evidence; a sentence with several
completed happenings (or, in a dated sentence, several plain terms) gives each
its own clauses; a run-on sentence (a
transcript) gives clauses. Each event names the lexicon entry that found it
(``rule``), its time and duration (see :mod:`careernarr.extract.dating`) and
whose it is (see :mod:`careernarr.extract.subject`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

import attrs
from attrs import frozen

from ..model import EVENT_KINDS, Event, Span, TimeExpr
from .context import ExtractionContext
from .cues import Cues, lexicon_hits
from .dating import LONG_SENTENCE, Dating, scope_of
from .lexicon import Lexicon, Match, load_lexicon
from .sentences import SUMMARY_ROLES, Sentence, sentences_of
from .subject import Voices

__all__ = ["KIND_ORDER", "EventExtractor", "find_events"]

#: Which kind wins when one clause holds words of several kinds (first wins).
KIND_ORDER: tuple[str, ...] = (
    "career_change", "job_end", "job_start", "promotion", "transfer", "leave", "support",
    "review", "job_search", "overwork", "conflict", "health", "education", "creator", "family",
    "project", "other",
)
_RANK = {kind: i for i, kind in enumerate(KIND_ORDER + tuple(k for k in EVENT_KINDS if k not in KIND_ORDER))}
#: Evidence shorter than this borrows the clause before it.
_SHORT = 6
_NEGATION_REACH = 8


@frozen
class _Candidate:
    match: Match
    clause: int
    strong: bool
    #: Told as the time of what follows (辞职后…, 被裁之后…): an event only where it is first told.
    after: bool = False

    @property
    def kind(self) -> str:
        return self.match.entry.category

    def key(self) -> tuple[int, int, int, int]:
        m = self.match
        return (0 if self.strong else 1, _RANK.get(self.kind, 99), -(m.end - m.start), m.start)


class EventExtractor:
    """Finds events with the built-in and plugin lexicons."""

    name = "builtin-events"
    field = "events"

    def extract(self, context: ExtractionContext) -> Sequence[Event]:
        """Events of ``context.narrative`` (spans into its working text)."""
        return find_events(context, load_lexicon(context.lexicons))


def find_events(context: ExtractionContext, lexicon: Lexicon,
                sentences: Sequence[Sentence] | None = None) -> list[Event]:
    """Events found in ``context.narrative`` with ``lexicon``."""
    narrative = context.narrative
    text = narrative.text
    sentences = list(sentences) if sentences is not None else sentences_of(context)
    hits = lexicon_hits(context, lexicon)
    cues = hits.cues
    voices = Voices(narrative, sentences, cues)
    dating = Dating(narrative, sentences, context.time_expressions, cues)
    matches = hits.events
    starts = [m.start for m in matches]
    sayings = [m for m in hits.reflections
               if m.entry.pattern and m.entry.category in ("advice", "insight")]
    saying_starts = [m.start for m in sayings]
    events: list[Event] = []
    seen: set[tuple[str, int, int]] = set()
    told: set[tuple[str, str]] = set()
    where: list[tuple[str, int, int | None]] = []  # (kind, paragraph, post floor) of each event
    narrated = not narrative.posts and voices.document == "narrator"
    for sentence in sentences:
        grounded = narrated or sentence.role in SUMMARY_ROLES
        i = bisect.bisect_left(starts, sentence.start)
        inside: list[Match] = []
        while i < len(matches) and matches[i].start < sentence.end:
            if matches[i].end <= sentence.end:
                inside.append(matches[i])
            i += 1
        found: list[_Candidate] = []
        if (inside and _is_saying(sentence, sayings, saying_starts, text)
                and cues.any("first_person", sentence.start, sentence.end) is None):
            continue
        kept = _longest(inside)
        sentence = _split_at_connectors(sentence, kept, text)
        floor = sentence.post.floor if sentence.post is not None else None
        for m in kept:
            cand = _candidate(m, sentence, cues, dating, grounded)
            if cand is None:
                continue
            if cand.after and _told_before(where, cand.kind, sentence.paragraph, floor):
                continue  # 裸辞之后…, after a paragraph that told the quitting: a time, not a new event
            found.append(cand)
        for event in _events_of(sentence, found, cues, voices, dating, text):
            key = (event.kind, event.span.start, event.span.end)
            said = (event.kind, "".join(event.text.split()))
            if key in seen or said in told:
                continue  # the same words quoted again (a thread quoting an earlier post)
            if _planned(event, context.reference_date):
                continue
            seen.add(key)
            told.add(said)
            where.append((event.kind, sentence.paragraph, floor))
            events.append(event)
    return events


#: Between two event words of one clause: the first happened, then the second (辞职后去读研,
#: "quit in March and started freelancing in May"). Chinese connectors stay with the first part.
_AFTER_ZH = re.compile(r"(?:之后|以后|后)")
_CONNECTOR_ZH = re.compile(r"(?:然后|后来|随后|接着|又|再|并且|并|就)")
_CONNECTOR_EN = re.compile(r"[ \t]+(?:and|then|but|before|after)[ \t]+", re.IGNORECASE)


def _split_at_connectors(sentence: Sentence, matches: Sequence[Match], text: str) -> Sentence:
    """``sentence`` with a clause cut where a connector joins two happenings of different kinds."""
    cuts: list[int] = []
    for a, b in itertools.pairwise(matches):
        if a.entry.category == b.entry.category or b.start <= a.end:
            continue
        ci = sentence.clause_at(a.start)
        if sentence.clause_at(b.start) != ci or b.start > sentence.clauses[ci].end:
            continue
        gap = text[a.end : b.start]
        en = _CONNECTOR_EN.search(gap)
        if en is not None:
            cuts.append(a.end + en.start())
            continue
        zh = _AFTER_ZH.match(gap) or _CONNECTOR_ZH.search(gap)
        if zh is not None and _is_han(gap[:1] or "x"):
            cuts.append(a.end + zh.end())
    if not cuts:
        return sentence
    clauses: list[Span] = []
    for clause in sentence.clauses:
        start = clause.start
        for cut in sorted(c for c in cuts if clause.start < c < clause.end):
            left, right = Span(start, cut), _strip(text, cut, clause.end)
            if left.end > left.start and right.end > right.start:
                clauses.append(Span(start, _rstrip(text, start, cut)))
                start = right.start
        clauses.append(Span(start, clause.end))
    return attrs.evolve(sentence, clauses=tuple(clauses))


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t":
        start += 1
    return Span(start, end)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t":
        end -= 1
    return end


def _told_before(where: Sequence[tuple[str, int, int | None]], kind: str, paragraph: int,
                 floor: int | None) -> bool:
    """Whether an event of ``kind`` was told in this post or the two paragraphs before."""
    for k, par, fl in reversed(where):
        if k != kind:
            continue
        if floor is not None:
            if fl == floor:
                return True
        elif paragraph - 2 <= par <= paragraph:
            return True
    return False


def _planned(event: Event, reference: str | None) -> bool:
    """Whether its own sentence dates the event after the document was written: a plan, not a happening."""
    if not reference or not event.when or event.when_source not in ("clause", "sentence"):
        return False
    start = event.when.split("/")[0].rstrip("~?%")
    ref = reference.split("/")[0]
    if start[:4].isdigit() and ref[:4].isdigit() and start[:4] != ref[:4]:
        return start[:4] > ref[:4]
    month, ref_month = start[5:7], ref[5:7]
    if month.isdigit() and ref_month.isdigit() and int(month) <= 12:
        return month > ref_month
    return False


def _is_saying(sentence: Sentence, sayings: Sequence[Match], starts: Sequence[int], text: str) -> bool:
    """Whether a sentence is advice or a saying, not a happening.

    It is when a pattern of advice opens it ("Talk to your manager first",
    别一个人扛) or a general statement's pattern makes it ("加班不是忠诚",
    "A job is a contract, not a family").
    """
    i = bisect.bisect_left(starts, sentence.start)
    while i < len(sayings) and sayings[i].start < sentence.end:
        m = sayings[i]
        i += 1
        if m.entry.category == "insight":
            return True
        if not text[sentence.start : m.start].strip(" \t*>-"):
            return True
    return False


def _longest(matches: Sequence[Match]) -> list[Match]:
    """Matches that do not overlap, the longest (then the earliest) kept."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.entry.strength == "weak", m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _is_question(cues: Cues, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the words at ``[start, end)`` are asked about (…吗？), in their quote or sentence."""
    quote = sentence.in_quote(start, end)
    stop = quote.end if quote is not None else sentence.end
    tail = cues.text[start:stop].rstrip("”’」』）)\"' 。；;，,")
    for hit in cues.within("question", max(start, stop - 4), stop):
        word = cues.text[hit.start : hit.end]
        if tail.endswith(word):
            return True
    return False


_GLOSS = re.compile(r"[ \t]*(?:（[^（）\n]{0,40}）|\([^()\n]{0,40}\))?[”’」』）)*]*")


def _candidate(m: Match, sentence: Sentence, cues: Cues, dating: Dating, grounded: bool) -> _Candidate | None:
    """``m`` as an event candidate, or ``None`` when its context says it did not happen."""
    ci = sentence.clause_at(m.start)
    clause = sentence.clauses[ci]
    text = cues.text
    if _is_question(cues, sentence, m.start, m.end):
        return None
    if cues.any("negation", max(clause.start, m.start - _NEGATION_REACH), m.start) is not None:
        return None
    prev = sentence.clauses[ci - 1].start if ci > 0 else clause.start
    if cues.any("hypothetical", prev, m.start) is not None:
        return None
    if cues.any("modal", clause.start, m.start) is not None:
        return None
    if cues.any("advice", sentence.start, m.start) is not None:
        return None  # "我的建议：先面试，拿到 offer 再提离职"
    if cues.ending_at("purpose", m.start, slack=2) is not None:
        return None  # "为了晋升": a goal
    if cues.any("generic", clause.start, m.start) is not None:
        return None
    if cues.ending_at("anaphora", m.start, slack=1) is not None:
        return None
    after = False
    ref = cues.starting_at("temporal_reference", m.end)
    if ref is not None:
        if text[ref.start : ref.end] not in _AFTER_WORDS or not _continues(sentence, ref.end, text):
            return None
        if m.entry.strength != "strong" and not any(
                t.value for t in dating.inside(clause.start, m.start)):
            return None  # a weak word (毕业, 离开) needs its date: 2016年毕业后…
        after = True  # 辞职后去读研: the quitting happened; kept unless it was told before
    gloss = _GLOSS.match(text, m.end)
    nxt = gloss.end() if gloss else m.end
    if cues.starting_at("mental_noun", nxt) is not None:
        return None  # 离职背景, 面试技巧: the word qualifies another noun
    if (text[nxt : nxt + 1] == "的" and _is_han(text[nxt + 1 : nxt + 2])
            and cues.starting_at("de_time", nxt + 1) is None):
        return None  # 辞职的念头, 换组的过程: the word describes something else (not 休假的头两周)
    strong = m.entry.strength == "strong"
    if strong and not grounded and not _anchored(m, sentence, clause, cues, dating):
        return None
    if not strong and not _happened(m, sentence, clause, cues, dating):
        return None
    return _Candidate(m, ci, strong, after)


#: Words after an event word that make it the time of what follows (辞职后, 被裁之后).
_AFTER_WORDS = frozenset({"后", "之后", "以后"})


def _continues(sentence: Sentence, pos: int, text: str) -> bool:
    """Whether the sentence goes on after ``pos`` (辞职后去读研), not a bare phrase (辞职后。)."""
    rest = text[pos : sentence.end].strip(" \t，,。！？!?；;")
    return len(rest) >= 2


def _is_latin(text: str) -> bool:
    return bool(text) and all(ord(ch) < 0x2E80 for ch in text)


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _anchored(m: Match, sentence: Sentence, clause: Span, cues: Cues, dating: Dating) -> bool:
    """Whether a clause is tied to someone or to a time (not a general statement)."""
    if _happened(m, sentence, clause, cues, dating, own=True):
        return True
    scope = scope_of(sentence, clause)
    if cues.any("first_person", scope.start, scope.end) is not None:
        return True
    if cues.any("third_person", scope.start, scope.end) is not None:
        return True
    return cues.any("second_person", clause.start, clause.end) is not None  # 你 is often anyone


def _happened(m: Match, sentence: Sentence, clause: Span, cues: Cues, dating: Dating,
              own: bool = False) -> bool:
    """Whether a word's context says something did happen (了, 过 …, or a date).

    With ``own`` the word's own 了 counts (a plain term: 投了…简历 says it was done); a weak
    word's does not (加入了 alone is not a happening).
    """
    inside_ok = own or (m.entry.regex.flags & re.IGNORECASE and _is_latin(cues.text[m.start : m.end]))
    outside = None if inside_ok else (m.start, m.end)  # "joined" says it happened; "项目" does not
    if cues.any("realis", clause.start, clause.end, outside=outside) is not None:
        return True
    if dating.duration(clause, m.start, m.end) is not None:
        return True
    scope = scope_of(sentence, clause)
    # a date, even one left unresolved (去年3月离职 in a thread with no date)
    return any(t.value or _past_reference(t, then=own) for t in dating.inside(scope.start, scope.end))


def _past_reference(t: TimeExpr, then: bool = False) -> bool:
    """去年, 上个月, last year: a time of the story left unresolved (not 几年, 这几年).

    With ``then``, also 那两年, 那几年 (said of a plain term: 离职前那两年…加班).
    """
    if t.value or t.duration:
        return False
    rule = t.rule or ""
    return "relative" in rule or (then and rule.endswith("deictic") and t.text.startswith(("那", "當", "当")))


def _groups(found: Sequence[_Candidate], merge: bool) -> list[list[_Candidate]]:
    """The best candidate of each clause, grouped by kind, the most telling kind first.

    With ``merge`` every clause of a kind joins one group; otherwise only
    neighbouring clauses do (a run-on transcript tells many happenings).
    """
    best: dict[int, _Candidate] = {}
    for cand in found:
        if cand.clause not in best or cand.key() < best[cand.clause].key():
            best[cand.clause] = cand
    if len({c.kind for c in best.values()}) > 1:
        merge = False  # 挂了精神科的号，诊断是中度焦虑，又去做心理咨询: each telling keeps its own words
    groups: list[list[_Candidate]] = []
    for ci in sorted(best):
        cand = best[ci]
        same = [g for g in groups if g[-1].kind == cand.kind and (merge or g[-1].clause == ci - 1)]
        if same:
            same[0].append(cand)
        else:
            groups.append([cand])
    groups.sort(key=lambda g: min(c.key() for c in g)[:2] + (g[0].clause,))
    return groups


def _events_of(sentence: Sentence, found: Sequence[_Candidate], cues: Cues, voices: Voices,
               dating: Dating, text: str) -> list[Event]:
    if not found:
        return []
    long = sentence.size > LONG_SENTENCE
    groups = _groups(found, merge=not long)
    if len(groups) > 1 and not long:
        dated = any(t.value for t in dating.inside(sentence.start, sentence.end))
        done = {id(g): _completed(g, sentence, cues, dating)
                or (dated and any(c.strong for c in g)) for g in groups}
        groups.sort(key=lambda g: not done[id(g)])  # stable: completed first, then by kind
        groups = [groups[0]] + [g for g in groups[1:] if done[id(g)]]
        groups.sort(key=lambda g: g[0].clause)
    taken = {c.clause for g in groups for c in g}
    return [_event(sentence, group, long or len(groups) > 1, voices, dating, text,
                   taken - {c.clause for c in group}) for group in groups]


def _completed(group: Sequence[_Candidate], sentence: Sentence, cues: Cues, dating: Dating) -> bool:
    """Whether the clauses of a group say that the happening was completed or dated."""
    for cand in group:
        clause = sentence.clauses[cand.clause]
        if cues.any("realis", clause.start, clause.end) is not None:
            return True
        if any(t.value or _past_reference(t) for t in dating.inside(clause.start, clause.end)):
            return True  # dated, even where the date stays unresolved (去年体检查出…)
        if cand.clause > 0 and _date_only(sentence.clauses[cand.clause - 1], dating):
            return True  # "去年三月，我从外企离职": the date clause belongs to the next one
        if dating.duration(clause, cand.match.start, cand.match.end) is not None:
            return True  # 住院两周
        if (cand.clause > 0 and _SEQUENCE.match(cues.text, clause.start)
                and cues.any("realis", sentence.start, clause.start) is not None):
            return True  # 挂了精神科的号，…，又每两周去做一次心理咨询: the next step of a told sequence
        if (0 < cand.clause < len(sentence.clauses) - 1
                and cues.any("realis", sentence.clauses[cand.clause - 1].start, clause.start) is not None
                and cues.any("realis", clause.end, sentence.end) is not None):
            return True  # 挂了号，诊断是中度焦虑，开了药: between two told steps
    return False


#: At the start of a clause: the next step of what the sentence has told (又, 然后, and then).
_SEQUENCE = re.compile(r"(?:又|然后|接着|随后|后来|再|还|并|(?i:and then|then|and)\b)")


def _date_only(clause: Span, dating: Dating) -> bool:
    """Whether a clause is nothing but a date ("2019年，", "In March 2023,")."""
    times = [t for t in dating.inside(clause.start, clause.end) if t.value]
    rest = len(clause) - sum(len(t.span) for t in times)
    return bool(times) and rest <= 4


def _clause_span(sentence: Sentence, group: Sequence[_Candidate], text: str) -> Span:
    first, last = group[0].clause, group[-1].clause
    start, end = sentence.clauses[first].start, sentence.clauses[last].end
    while end - start < _SHORT and first > 0:
        first -= 1
        start = sentence.clauses[first].start
    return Span(start, end)


def _kind(lead: _Candidate, clause: Span, cues: Cues) -> str:
    """The lead's kind; a health word next to a family member is a family event (我妈中风入院)."""
    if lead.kind == "health" and cues.any("kin", clause.start, clause.end) is not None:
        return "family"
    return lead.kind


def _event(sentence: Sentence, group: Sequence[_Candidate], by_clause: bool, voices: Voices,
           dating: Dating, text: str, others: set[int] | frozenset[int] = frozenset()) -> Event:
    best = min(c.key()[:2] for c in group)
    lead = min((c for c in group if c.key()[:2] == best), key=lambda c: (c.clause, c.key()))
    clause = sentence.clauses[lead.clause]
    at = lead.match.start
    when = dating.when(sentence, clause, at)
    duration = dating.duration(clause, lead.match.start, lead.match.end)
    if by_clause:
        span = _clause_span(sentence, group, text)
        if (when is not None and when.source == "sentence"
                and sentence.clause_at(when.expr.span.start) not in others):
            span = Span(min(span.start, when.expr.span.start), max(span.end, when.expr.span.end))
            span = Span(sentence.clauses[sentence.clause_at(span.start)].start,
                        sentence.clauses[sentence.clause_at(span.end - 1)].end)
    else:
        span = sentence.span
    kind = _kind(lead, clause, voices.cues)
    subject = voices.subject(sentence, clause, (lead.match.start, lead.match.end))
    if kind == "family" and subject == "other" and voices.of(sentence) == "narrator":
        subject = "narrator"  # 陪爸妈回老家, 我妈中风入院: the narrator's family life
    return Event(
        kind=kind,
        text=span.of(text),
        span=span,
        when=when.value if when else None,
        duration=duration.value if duration else None,
        subject=subject,
        rule=lead.match.entry.rule,
        when_source=when.source if when else None,
    )
