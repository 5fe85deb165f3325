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
* a weak word (项目, 孩子) with nothing saying it happened (了, 过, 开始, a date);
* a plan marker in its clause or the one before (我要把…，然后辞职, I want to, my goal), or a
  section headed as plans (## 2025 目标), unless the clause tells it done;
* a statement about the notion rather than a happening: 裸辞不是逃避, 请假是劳工的权利,
  "Quitting without a plan is risky", 被裁了也不丢人 (no one named, no date);
* someone else's rule or quoted advice (医生说…要半年复查一次, “…别…”), a family noun only
  spoken to (跟老婆吐槽), a profile (女，38岁，…) or a stated tenure (担任班主任已经十年).

A sentence is skipped when it only heads a section (一、项目：从年初忙到年底, **间隔年做了什么**,
第二章 裸辞, a short label paragraph) or states an article's findings (研究发现, 本文认为).

A clause is cut where a connector joins two happenings of different kinds
(辞职后去读研, "quit in March and started freelancing in May"). One event per
clause: a plain term beats a weak one, then the kind that comes first in
:data:`KIND_ORDER` (a health word next to a family member makes a
``family`` event, and so does a relative who opens the clause and acts: 儿子去大专报到, 妻子辞掉了
工作). Someone else's leaving told right before the narrator takes their place (老业务跳槽走了，老板
让我顶上去) leaves the promotion alone; a leave told after the ailment that caused it (左手腕骨折，休了六周的
工伤假) is a ``health`` event, and a placement told with a job start (我进了殡仪馆，被分到整容组) is part
of the start; English event words in a trailing participle phrase
(", seeing clients while keeping two days at the hospital") do not lead. Neighbouring clauses
of the same kind are one event (in a sentence of one kind, all its clauses of that kind are). The same words told
again (a thread quoting an earlier post) are one event, at their first
telling; a line of a timeline ("- 2018：辞职") that repeats an event told elsewhere
(same kind and time) leaves the story's telling as the evidence, and so does a summary
(a transcript's Description, an abstract) repeating a dated event the body tells. A sentence with one event is its evidence; a sentence with several
completed happenings (or, in a dated sentence, several plain terms) gives each
its own clauses; a run-on sentence (a transcript) gives clauses. A happening dated
after the document is still an event when told as settled (2025年3月正式到职); only
the document's own bare year, written in its first month, lists plans.

A sentence that dates a happening and tells it done (2019年夏天我们中了一个标, "In June 2021
she qualified") but gives no event from its words is still an event, of the kind of an event
word it holds or of the hint verbs and topic words (``hints``) that weigh most in it (rule "dated
happening"; topic words alone only with ``topics=True``), unless it is imagined, planned, asked, a heading, an analysis or a saying, or its
only date is the document's own year or one after it. With no such word (2021年10月，我们在城郊吃了
一顿饭) nothing names it part of a working life: no event, unless the extractor is made with
``unnamed=True`` (then an event of kind ``other``).
Each event names the lexicon entry that found it
(``rule``), its time and duration (see :mod:`careernarr.extract.dating`) and
whose it is (see :mod:`careernarr.extract.subject`).
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections.abc import Callable, Sequence

import attrs
from attrs import frozen

from ..errors import CareerNarrError
from ..model import EVENT_KINDS, Event, Span, TimeExpr
from .context import ExtractionContext
from .cues import Cues, lexicon_hits
from .dating import LONG_SENTENCE, Dating, scope_of
from .lexicon import Lexicon, Match, load_lexicon
from .sentences import SUMMARY_ROLES, Sentence, sentences_of
from .subject import Voices
from .time_reference import datelines, reference_year

__all__ = ["KIND_ORDER", "EventExtractor", "find_events"]

#: Which kind wins when one clause holds words of several kinds (first wins).
KIND_ORDER: tuple[str, ...] = (
    "career_change", "job_end", "job_start", "promotion", "transfer", "leave", "support",
    "review", "job_search", "overwork", "conflict", "health", "education", "creator", "family",
    "project", "other",
)
_RANK = {kind: i for i, kind in enumerate(KIND_ORDER + tuple(k for k in EVENT_KINDS if k not in KIND_ORDER))}
#: Terms that decide a clause's kind whatever else it holds: a diagnosis (去看身心科确诊焦虑症).
_DECISIVE = re.compile(r"确诊|诊断|(?i:diagnos)")
#: Evidence shorter than this borrows the clause before it.
_SHORT = 6
#: Whether dated happenings no lexicon word names are kept (kind ``other``), unless told otherwise:
#: on four unseen sets keeping them raised events F1 by 0.03-0.05 and cost kind accuracy 0.04-0.08.
UNNAMED_DEFAULT = False
#: Whether topic words alone (no hint verb) name a dated happening's kind, unless told otherwise: on
#: eight development sets they named it right 18 times in 30, on five held-out sets 11 in 28; without
#: them, kind accuracy rose 0.006-0.05 and events F1 fell 0.005-0.03 (all sets, session 11).
TOPICS_DEFAULT = False
#: Which dated happenings an :class:`EventExtractor` made without options keeps, when this environment
#: variable is set (``careernarr parse --dated-happenings`` sets it): one of :data:`DATED_CHOICES`.
DATED_ENV = "CAREERNARR_DATED_HAPPENINGS"
#: ``(unnamed, topics)`` for each choice: those event words or hint verbs name (the default), also
#: those only topic words name, or every dated happening (kind ``other`` when nothing names it).
DATED_CHOICES: dict[str, tuple[bool, bool]] = {"named": (False, False), "topics": (False, True), "all": (True, True)}


def dated_options(choice: str | None = None) -> tuple[bool, bool]:
    """``(unnamed, topics)`` for a choice of :data:`DATED_CHOICES`, by default read from
    :data:`DATED_ENV` (unset or empty: the defaults)."""
    raw = os.environ.get(DATED_ENV, "") if choice is None else choice
    name = raw.strip().lower()
    if not name:
        return UNNAMED_DEFAULT, TOPICS_DEFAULT
    if name not in DATED_CHOICES:
        where = f"{DATED_ENV}={raw!r}" if choice is None else repr(raw)
        raise CareerNarrError(f"{where}: expected one of {', '.join(DATED_CHOICES)}",
                              hint="unset it for the default (named)")
    return DATED_CHOICES[name]
_NEGATION_REACH = 8
#: Between a negation and an event word: a new predicate starts, the negation is not the word's
#: (厂里效益不好我就辞职了, 实在干不下去了就辞了, 过年没回家一直在厂里加班: unpunctuated speech runs
#: two clauses together).
_RESTART = re.compile(r"(?:我|他|她|佢)(?:们|哋)?(?:就|才|便|只好|只能|干脆)|了(?:就|便)|一直|于是|所以")


@frozen
class _Candidate:
    match: Match
    clause: int
    strong: bool
    #: Told as the time of what follows (辞职后…, 被裁之后…): an event only where it is first told.
    after: bool = False
    #: The kind of the happening this step opens (毕业就进了…: job_start), told as part of it.
    opens: str | None = None
    #: What the rule adds to the lexicon entry's name (see :func:`_after_graduation`).
    note: str = ""

    @property
    def kind(self) -> str:
        return self.opens or self.match.entry.category

    def key(self) -> tuple[int, int, int, int]:
        m = self.match
        if self.opens:
            return (2, _RANK.get(self.kind, 99), -(m.end - m.start), m.start)  # never leads its event
        rank = -1 if _DECISIVE.match(m.entry.term) else _RANK.get(self.kind, 99)  # 去看身心科确诊焦虑症: health
        return (self._strength(), rank, -(m.end - m.start), m.start)

    def _strength(self) -> int:
        """Strong words first, then weak words of a working life's kinds, then strong `other` words,
        then weak words of the rest of life: a loss or a move (other) told of a channel or a job
        takes that kind (2020年直播间亏了三万: creator), but 全家 does not make 全家移民 family."""
        if self.strong:
            return 2 if self.kind == "other" else 0
        return 3 if self.kind in ("family", "other") else 1


class EventExtractor:
    """Finds events with the built-in and plugin lexicons.

    ``unnamed`` keeps the dated happenings no lexicon word names, as events of kind ``other``
    whose rule ends in :data:`NO_KIND_WORD` (see :func:`_dated_happening`). ``topics`` lets topic
    words alone (``hints`` such as 部门, 医院, "the office") name a dated happening's kind, its rule
    ending in ``(hint)``; without it a hint verb (调到, "made me … director") must stand there.
    Either left out (``None``) is read from :data:`DATED_ENV` (see :func:`dated_options`), else
    its default (both off).
    """

    name = "builtin-events"
    field = "events"

    def __init__(self, *, unnamed: bool | None = None, topics: bool | None = None) -> None:
        env_unnamed, env_topics = dated_options()
        self.unnamed = env_unnamed if unnamed is None else unnamed
        self.topics = env_topics if topics is None else topics

    def extract(self, context: ExtractionContext) -> Sequence[Event]:
        """Events of ``context.narrative`` (spans into its working text)."""
        return find_events(context, load_lexicon(context.lexicons), unnamed=self.unnamed, topics=self.topics)


def find_events(context: ExtractionContext, lexicon: Lexicon,
                sentences: Sequence[Sentence] | None = None, *, unnamed: bool = UNNAMED_DEFAULT,
                topics: bool = TOPICS_DEFAULT) -> list[Event]:
    """Events found in ``context.narrative`` with ``lexicon`` (``unnamed``, ``topics``: see
    :class:`EventExtractor`)."""
    narrative = context.narrative
    text = narrative.text
    sentences = list(sentences) if sentences is not None else sentences_of(context)
    hits = lexicon_hits(context, lexicon)
    cues = hits.cues
    voices = Voices(narrative, sentences, cues)
    dating = Dating(narrative, sentences, context.time_expressions, cues)
    matches = [m for m in hits.events if m.entry.strength not in _HINTS]
    hints = [m for m in hits.events if m.entry.strength in _HINTS]  # only name a dated happening's kind
    starts = [m.start for m in matches]
    sayings = [m for m in hits.reflections
               if m.entry.pattern and m.entry.category in ("advice", "insight")]
    saying_starts = [m.start for m in sayings]
    events: list[Event] = []
    seen: set[tuple[str, int, int]] = set()
    told: set[tuple[str, str]] = set()
    where: list[tuple[str, int, int | None]] = []  # (kind, paragraph, post floor) of each event
    narrated = not narrative.posts and voices.document == "narrator"
    year = reference_year(narrative, context.reference_date)
    dated_lines = datelines(text)
    labels = [(m.start(1), m.end(1)) for m in _LABEL.finditer(text)]
    for sentence in sentences:
        if any(lo <= sentence.start and sentence.end <= hi for lo, hi in dated_lines):
            continue  # "写于2024年12月31日，虹桥", "Posted March 3, 2023": when it was written, not a happening
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
        if inside and (_is_heading(sentence, text, cues) or _is_analysis(sentence, text)
                       or _announces_topic(sentence, text, cues) or _of_the_text(sentence, text)):
            continue  # "四、休假：终于把年假休完了", "研究发现，倦怠并非…", "[06:30] The injury.": the body tells, or nothing happened
        kept = _longest(inside)
        sentence = _split_at_connectors(sentence, kept, text)
        floor = sentence.post.floor if sentence.post is not None else None
        ahead = _plans_section(sentence)
        for m in kept:
            cand = _candidate(m, sentence, cues, dating, grounded)
            if cand is None:
                continue
            if ahead and cues.any("realis", sentence.clauses[cand.clause].start, sentence.clauses[cand.clause].end,
                                  outside=(m.start, m.end)) is None:
                continue  # "## 2025 目标" / "## Goals for 2024": what the section lists is planned
            if cand.after and _told_before(where, cand.kind, sentence.paragraph, floor):
                continue  # 裸辞之后…, after a paragraph that told the quitting: a time, not a new event
            found.append(cand)
        if labels:
            body = [c for c in found if not _inside(c.match, labels)]
            if body:
                found = body  # "- **入行**：2012年考取导游证…": the body tells; the bold label only names its topic
        busy = {c.clause for c in found if not c.after}
        found = [c for c in found if not (c.after and c.clause in busy)]  # 辞职后去读研 in one clause: the study
        found = _opened(found, cues, text)
        found = _after_graduation(found, sentence, cues, text)
        found = _made_way(found, sentence, cues)
        found = _placed_on_arrival(found, text)
        found = _without_adjuncts(found, sentence, text)
        told_here = _events_of(sentence, found, cues, voices, dating, text)
        if not any(e.kind == "health" for e in told_here):
            told_here = [_for_an_ailment(e, kept, cues) for e in told_here]
        if not told_here and not ahead:
            told_here = _dated_happening(sentence, kept, cues, voices, dating, text, hits.reflections, year,
                                         hints, unnamed=unnamed, topics=topics)
        for event in told_here:
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
    def in_summary(e: Event) -> bool:
        section = narrative.section_at(e.span.start)
        return section is not None and section.role in SUMMARY_ROLES

    return _without_repeats(events, text, in_summary)


#: The bold label of a list item ("- **入行**：…", "* **Getting in**: …"); group 1 is the label.
_LABEL = re.compile(r"(?m)^[ \t]*(?:[-*+•][ \t]*)?\*\*([^*\n]{1,30})\*\*[ \t]*[：:]")


def _inside(m: Match, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``m`` lies within one of ``spans`` (few: a linear scan)."""
    return any(lo <= m.start and m.end <= hi for lo, hi in spans)


#: Who treats an ailment, not the ailment: a doctor who signs a leave.
_CARER = re.compile(r"(?i)doctor|physician|\bGP\b|医生|大夫|医师")  # the working text is simplified


def _for_an_ailment(event: Event, kept: Sequence[Match], cues: Cues) -> Event:
    """A leave told after the ailment that caused it is a ``health`` event (左手腕骨折，休了六周的工伤假;
    做到腰伤，停工休息了半年; "had carpal tunnel surgery and took six weeks of medical leave"): the
    leave is what the ailment cost. The ailment must stand in the event's words before the leave, not
    negated (没受伤，只是请了假), and not the doctor who signed the leave ("my doctor signed me off"). A
    sentence that tells the ailment as its own event keeps both."""
    if event.kind != "leave":
        return event
    lo, hi = event.span.start, event.span.end
    leaves = [m.start for m in kept if m.entry.category == "leave" and lo <= m.start and m.end <= hi]
    if not leaves:
        return event
    for m in kept:
        if (m.entry.category == "health" and lo <= m.start and m.end <= min(leaves)
                and _CARER.search(cues.text, m.start, m.end) is None
                and cues.starting_at("temporal_reference", m.end) is None  # 手术以后我休息了两个礼拜: a leave
                and cues.any("negation", max(lo, m.start - _NEGATION_REACH), m.start) is None):
            return attrs.evolve(event, kind="health", rule=m.entry.rule)
    return event


#: Kinds a step of ``opens`` (cues.toml) opens, and what may stand between the two (no sentence end,
#: at most two short clauses: 毕业，我进了…; 毕业，二十一岁，进了…; 毕业后于2021年夏天入职; "graduated in 2015 and joined …").
_OPENED = ("job_start",)
_OPEN_GAP_ZH = re.compile(r"[^。！？!?；;\n，,]{0,10}(?:[，,][^。！？!?；;\n，,]{0,6}){0,2}")
_OPEN_GAP_EN = re.compile(r"[^.!?;\n]{0,40}")
#: A graduation from a school it names (我从医学院硕士毕业，进了…; 在 UTM 读完…毕业之后; "graduated from
#: Leeds and joined …") is a happening of its own, told beside the job.
_FROM_SCHOOL_ZH = re.compile(r"(?:从|自|於|于|在)[^，,。！？；;：:\n]{1,40}$")
_FROM_SCHOOL_EN = re.compile(r"[ \t]+from\b", re.IGNORECASE)


def _opened(found: list[_Candidate], cues: Cues, text: str) -> list[_Candidate]:
    """``found`` with a graduation told right before a job start made part of it (毕业就进了一家设计院,
    毕业后入职, "graduated in 2015 and joined a bank"): the graduation dates the start, and the
    evidence runs from it; one job_start event, not a study and a job."""
    order = sorted(found, key=lambda c: c.match.start)
    opened: dict[int, str] = {}
    for i, cand in enumerate(order):
        m = cand.match
        hit = cues.any("opens", m.start, m.end)
        if hit is None or hit.end < m.end - 1 or cand.kind in _OPENED:
            continue  # 申请延期一年毕业: the degree delayed, not finished
        latin = _is_latin(m.entry.term)
        if _FROM_SCHOOL_EN.match(text, m.end) if latin else _FROM_SCHOOL_ZH.search(text, max(0, m.start - 45), m.start):
            continue
        for nxt in order[i + 1:]:
            if nxt.match.start < m.end or nxt.kind == cand.kind:
                continue  # the same graduation told again (大学毕业，毕业就…)
            gap = text[m.end : nxt.match.start]
            shape = _OPEN_GAP_EN if latin else _OPEN_GAP_ZH
            if nxt.kind in _OPENED and shape.fullmatch(gap):
                opened[id(cand)] = nxt.kind
            break
    return [attrs.evolve(c, opens=opened[id(c)]) if id(c) in opened else c for c in found]


#: Added to a step's rule (a graduation, a discharge from the army) when what follows it is taken
#: for the next job.
AFTER_GRADUATION = " + what follows (after this step: the next job)"


def _after_graduation(found: list[_Candidate], sentence: Sentence, cues: Cues, text: str) -> list[_Candidate]:
    """A dated graduation (or discharge, 退伍: the ``opens`` cues) told as the time of what the
    sentence goes on to tell, in words no lexicon entry names (2009年大学毕业之后开始教琴;
    2014年拿到学位后，我回新竹，在国小兼课; 105年退伍后进当铺的), is the start of the next job:
    that is what follows such a step in a working life's story. Not when
    the rest is wished, supposed or denied (毕业之后我想转去做社工), nor when it names its own
    happening (then that event is told, as before)."""
    if len(found) != 1:
        return found
    cand = found[0]
    m = cand.match
    if not cand.after or cand.opens or cues.any("opens", m.start, m.end) is None:
        return found
    ref = cues.starting_at("temporal_reference", m.end)
    if ref is None:
        return found
    rest = (ref.end, sentence.end)
    if (any(cues.any(name, *rest) is not None for name in ("modal", "hypothetical", "negation", "question"))
            or _IDLE.search(text, *rest) is not None):
        return found
    return [attrs.evolve(cand, opens="job_start", note=AFTER_GRADUATION)]


#: After a graduation: no job found, time spent at home (毕业后找不到工作, 在家待了半年).
_IDLE = re.compile(r"找不到|没找到|没有找到|找唔到|揾唔到|待业|失业|在家")  # the working text is simplified


#: A line of a timeline: a date, a colon, a few words ("- 2009：硕士毕业，入职华为", "2012–2016: Dubai").
_TIMELINE_LINE = re.compile(r"[ \t]*(?:[-*+•][ \t]*)?(?:\*\*)?[0-9]{4}[^：:\n]{0,14}?(?:\*\*)?[ \t]*[：:]")


def _without_repeats(events: list[Event], text: str, in_summary: Callable[[Event], bool]) -> list[Event]:
    """``events`` less the retellings of events the story tells: a line of a timeline
    ("- 2018：辞职"; same kind, agreeing times, a timeline line names no one) and a summary's event
    (a transcript's Description, an abstract; same kind, agreeing times, or undated and found by
    the same lexicon entry as a dated event of the body). The story's telling is the evidence."""
    story = [e for e in events if e.when and not _on_timeline_line(e, text)]
    if not story:
        return events
    out = [e for e in events if not (e.when and _on_timeline_line(e, text) and any(
        s.kind == e.kind and _same_time(s.when, e.when) for s in story))]  # "- 2021：回归职场" after 2021年3月…回到职场
    body = [(e.kind, e.when) for e in out if not in_summary(e)]
    dated = [(e.kind, e.rule, _words(e.text)) for e in out if not in_summary(e) and e.when]
    return [e for e in out if not (in_summary(e) and (
        any(k == e.kind and _same_time(w, e.when) for k, w in body)
        or (e.when is None and any(k == e.kind and (r == e.rule or words & _words(e.text))
                                   for k, r, words in dated))))]  # 被调去夜班 / 19年…被调去夜班


#: Words too common to say two texts tell the same thing.
_COMMON_WORDS = frozenset({"我们", "他们", "她们", "自己", "一个", "这个", "那个", "开始", "时候", "因为", "所以", "但是",
                           "然后", "后来", "之后", "已经", "还是", "就是", "没有", "不是", "可以", "什么", "现在", "当时",
                           "工作", "公司", "that", "with", "have", "this", "from", "they", "were", "when", "after"})
_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def _words(text: str) -> set[str]:
    """The words of an evidence text that can say two tellings are one: two Han characters in a row,
    a Latin word of four letters or more (a summary's 辞职开店 and the talk's 我辞职开了家店)."""
    han = {text[i : i + 2] for i in range(len(text) - 1) if _is_han(text[i]) and _is_han(text[i + 1])}
    return (han | {w.lower() for w in _LATIN_WORD.findall(text)}) - _COMMON_WORDS


def _same_time(a: str | None, b: str | None) -> bool:
    """Whether two events' times agree: both told, equal or one inside the other's year or month."""
    if a is None or b is None:
        return False
    return a.startswith(b) or b.startswith(a)


def _on_timeline_line(event: Event, text: str) -> bool:
    line = text.rfind("\n", 0, event.span.start) + 1
    return _TIMELINE_LINE.match(text, line) is not None


#: The rule of an event found by its shape, without a lexicon word (see :func:`_dated_happening`).
DATED_HAPPENING = "dated happening"
#: How the rule of a dated happening that no word of the lexicons names ends: its kind is ``other``.
NO_KIND_WORD = "(no kind word)"


def _dated_happening(sentence: Sentence, words: Sequence[Match], cues: Cues, voices: Voices, dating: Dating,
                     text: str, sayings: Sequence[Match], year: int | None,
                     hints: Sequence[Match] = (), *, unnamed: bool = UNNAMED_DEFAULT,
                     topics: bool = TOPICS_DEFAULT) -> list[Event]:
    """A happening told with a date where no event word made an event ("2019年夏天我们中了一个标",
    "In June 2021 she qualified"): kept, so that the timeline holds it, with the kind of an
    event word the sentence holds (one its context did not confirm) or of the hints that weigh
    most in it. With neither ("2008年初那场雪灾，山路结了冰…我又把那辆自行车推了出来") it is an
    event only with ``unnamed``: of kind ``other``, its rule ending in :data:`NO_KIND_WORD`
    (annotators give such happenings a specific kind four times in five). A clause that holds only the
    date and an age or a turn ("那年我二十六岁", "And then 2020 happened.") tells none.

    The sentence must date it (a time expression with a value, not only a duration, and not
    the document's own year naming the whole story), tell it done (了/过/咗, a past tense), and
    be neither imagined, planned, asked, a heading, an analysis nor a saying (a reflection
    cue that is not weak). Its evidence is the sentence, or in a long sentence the date's
    clause and the one after.
    """
    start, end = sentence.start, sentence.end
    times = [t for t in dating.inside(start, end) if t.value and not _frames_document(t, year)
             and _BORN.match(text, t.span.end) is None]  # 阿强，1991年生，2012年起…: a birth year is no happening's date
    if not times or cues.any("realis", start, end) is None:
        return []
    for name in ("hypothetical", "modal"):
        if cues.any(name, start, end) is not None:
            return []
    if _is_question(cues, sentence, start, end) or _is_heading(sentence, text, cues) or _is_analysis(sentence, text):
        return []
    if any(start <= m.start and m.end <= end and m.entry.strength != "weak" for m in sayings):
        return []
    if _PLAN.search(text, start, end) is not None or _of_the_text(sentence, text):
        return []
    t = times[0]
    index = sentence.clause_at(t.span.start)
    clause = sentence.clauses[index]
    if _date_only(clause, dating) and index + 1 < len(sentence.clauses):
        clause = Span(clause.start, sentence.clauses[index + 1].end)  # "2019年，|我们中了一个标"
    if cues.any("negation", clause.start, clause.end) is not None:
        return []  # 那一年我没有回家过年: told as not done
    if sentence.size <= LONG_SENTENCE:
        span = sentence.span
    else:
        span = clause
    if not any(text[m.start : m.end].lower() not in _STATE_WORDS for m in cues.within("realis", span.start, span.end)):
        return []  # "In spring 2020 our unit was full": a state, not a happening
    when = dating.when(sentence, clause, t.span.start)
    duration = dating.duration(clause, t.span.start, t.span.end)
    word = next((m for m in words if span.start <= m.start and m.end <= span.end), None)
    if word is None:
        word = _naming_hint(hints, span, clause, t.span.start, topics=topics)
    if word is None and (not unnamed or _tells_nothing_more(t, clause, text)):
        return []  # "And then 2020 happened.", 那年我二十六岁: a date and an age or a turn, no happening
    if word is None:
        kind, rule = "other", f"{DATED_HAPPENING} {NO_KIND_WORD}"
    else:
        kind = word.entry.category
        rule = f"{DATED_HAPPENING}; {word.entry.rule}" + (
            f" ({word.entry.strength})" if word.entry.strength in _HINTS else " (unconfirmed)")
    return [Event(
        kind=kind,
        text=span.of(text),
        span=span,
        when=when.value if when else t.value,
        duration=duration.value if duration else None,
        subject=voices.subject(sentence, clause, (t.span.start, t.span.end), word=False),
        rule=rule,
        when_source=when.source if when else "clause",
    )]


#: After a date: an age (那年我二十六岁) or a turn of the story ("2020 happened", "changed everything"),
#: and nothing else in the clause: no happening of its own.
_AGE_OR_TURN = re.compile(
    r"[ \t，,]*(?:(?:我|他|她|我们)(?:才|已经|刚|刚好|正好)?[0-9一二三四五六七八九十两]{1,3}(?:岁|歲)"
    r"|(?i:[ \t]+(?:happened|hit|came|arrived|changed everything)\b))")


def _tells_nothing_more(t: TimeExpr, clause: Span, text: str) -> bool:
    """Whether the date's clause holds only the date and an age or a turn of the story."""
    m = _AGE_OR_TURN.match(text, t.span.end)
    if m is None:
        return False
    rest = text[m.end() : clause.end].strip(" \t，,。.!！…")
    return not rest


#: Anywhere in a sentence: how the text itself was made: its fieldwork, interviews, notes.
_MADE = re.compile(
    r"本文基于|本研究|笔者.{0,30}?(?:进行|开展|做)了?.{0,6}?(?:田野调查|访谈|调研)|访谈于|调查于"
    r"|(?i:\binterviews? (?:were|was) (?:conducted|carried out|held|done)\b|\binterviews? conducted (?:between|in|over)\b"
    r"|\bdrawing on (?:[\w-]+ ){0,4}interviews\b|\binterview-based\b"
    r"|\bthis (?:paper|study|article|essay(?:-study)?|chapter|report|piece) (?:draws on|follows|is based on|uses|reports)"
    r"|\b(?:these|this) (?:are|is) (?:the|my) .{0,20}\bnotes?\b)")


def _of_the_text(sentence: Sentence, text: str) -> bool:
    """Whether the sentence tells how the text itself was made ("本文基于2024年7月至9月的田野调查",
    "Interviews were conducted between …"): no happening of its story. (A line dating the
    writing, 写于…, is left out before: see :func:`find_events`.)"""
    return _MADE.search(text, sentence.start, sentence.end) is not None


#: A spoken or written announcement of what comes next: "The injury.", "[11:20] So, the burnout part."
_TOPIC = re.compile(r"(?i)(?:\[[0-9:]{4,8}\][ \t]*)?(?:(?:so|and|now|okay|ok|right|alright)[, \t]+)?the(?:[ \t]+[\w'’-]+){1,3}[ \t]*[.:!…]?")


def _announces_topic(sentence: Sentence, text: str, cues: Cues) -> bool:
    """Whether the sentence only names a topic in a few words ("The injury.", "so the burnout part."):
    it says no one and tells nothing; what follows tells it."""
    said = text[sentence.start : sentence.end].strip(" \t*_")
    if _TOPIC.fullmatch(said) is None:
        return False
    return not _someone(cues, sentence.start, sentence.end) and cues.any(
        "realis", sentence.start, sentence.end) is None


#: Strengths of the lexicon words that only name a dated happening's kind: topic words and verbs.
_HINTS = frozenset({"hint", "hint verb"})


def _naming_hint(hints: Sequence[Match], span: Span, clause: Span, at: int, *, topics: bool = TOPICS_DEFAULT,
                 ) -> Match | None:
    """The hint that names the kind of a dated happening told in ``span``: of the kind whose hints
    weigh most, a verb ("调到", "负责了", "made me … director") twice a topic word (项目, 部门,
    a client), either twice as much inside the date's ``clause``; then the heaviest, nearest the
    date (``at``), of the kind listed first. A hint inside a longer one is not counted. Without a
    hint verb in ``span``, topic words name it only with ``topics``."""
    near = [m for m in hints if span.start <= m.start and m.end <= span.end]
    near = [m for m in near if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                                      for o in near)]
    if not topics and not any(m.entry.strength == "hint verb" for m in near):
        return None  # topic words alone (部门, a client) name the kind too poorly
    if not near:
        return None

    def weight(m: Match) -> int:
        inside = clause.start <= m.start and m.end <= clause.end
        return (2 if m.entry.strength == "hint verb" else 1) * (2 if inside else 1)

    score: dict[str, int] = {}
    for m in near:
        score[m.entry.category] = score.get(m.entry.category, 0) + weight(m)
    return min(near, key=lambda m: (-score[m.entry.category], -weight(m), abs(m.start - at),
                                    KIND_ORDER.index(m.entry.category) if m.entry.category in KIND_ORDER
                                    else len(KIND_ORDER)))


#: Right after a year: the year someone was born (1991年生, 1985年出生, born in 1990 is before it).
_BORN = re.compile(r"[ \t]*(?:生人|生|出生|出世)(?![产活意日气病])")

#: Realis words that tell a state or a time rather than something done ("our unit was full").
_STATE_WORDS = frozenset({"was", "were", "had", "felt", "then", "just", "already", "ago", "last year",
                          "have been", "has been", "eventually"})


def _frames_document(t: TimeExpr, year: int | None) -> bool:
    """Whether ``t`` names the document's own year as a whole ("回望2025", "my 2023") or a year
    after it ("站在2026年的门槛上"): the frame of the story or what lies ahead, not one happening."""
    if year is None or t.value is None or not t.value[:4].isdigit():
        return False
    return (len(t.value) == 4 and int(t.value) == year) or int(t.value[:4]) > year


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
    """Whether its own sentence dates the event by the bare year of the document, written in
    that year's first month ("2024年，跳槽，考证" on 2024-01-02): the year ahead, a list of plans.

    Other happenings dated after the document stay events: what is scheduled and told as
    settled ("2025年3月正式到职", "答辩定在明年5月") belongs on the timeline; what is wished
    or planned (我打算, I want to) is caught by the plan and modal cues.
    """
    if not reference or not event.when or event.when_source not in ("clause", "sentence"):
        return False
    start = event.when.split("/")[0].rstrip("~?%")
    ref = reference.split("/")[0]
    return len(start) == 4 and start == ref[:4] and ref[5:7] == "01"


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
    if quote is None and _COLON.search(cues.text, end, stop) is not None:
        return False  # 请了两周病假，每天盯着天花板想：…又能用几年？ asks what follows the colon
    tail = cues.text[start:stop].rstrip("”’」』）)\"' 。；;，,")
    for hit in cues.within("question", max(start, stop - 4), stop):
        word = cues.text[hit.start : hit.end]
        if tail.endswith(word):
            return True
    return False


#: A colon: what follows it is said or thought, apart from what comes before.
_COLON = re.compile("[：:](?![0-9])")


def _after_colon(text: str, start: int, end: int) -> int:
    """``start``, or just past the last colon in ``text[start:end]`` (…或许最能说明问题：孩子出生那天)."""
    last = None
    for last in _COLON.finditer(text, start, end):
        pass
    return start if last is None else last.end()


#: 调到 / 调至 / 调成 followed by an amount (一千二, 3000块, 八折, 26度): a price or a setting, not a posting.
_ADJUSTED_TO_AMOUNT = re.compile(
    "调(?:到|至|成|高到|低到|涨到)(?:了)?[ \t]*(?:[0-9][0-9.,]*[ \t]*(?:块|元|%|％|折|度|[kKwW万千百])"
    "|[一二三四五六七八九十两几]*[百千万][一二三四五六七八九十两]*|[一二三四五六七八九]折)")


_GLOSS = re.compile(r"[ \t]*(?:（[^（）\n]{0,40}）|\([^()\n]{0,40}\))?[”’」』）)*]*")


def _candidate(m: Match, sentence: Sentence, cues: Cues, dating: Dating, grounded: bool) -> _Candidate | None:
    """``m`` as an event candidate, or ``None`` when its context says it did not happen."""
    ci = sentence.clause_at(m.start)
    clause = sentence.clauses[ci]
    text = cues.text
    if _is_question(cues, sentence, m.start, m.end):
        return None
    if m.entry.category == "transfer" and _ADJUSTED_TO_AMOUNT.search(text, m.start, min(clause.end, m.end + 12)) is not None:
        return None  # 把价格从六百块调到一千二: a price or a setting changed, nobody moved
    negation = cues.any("negation", max(clause.start, m.start - _NEGATION_REACH), m.start)
    if negation is not None and _RESTART.search(text, negation.end, m.end) is None:
        return None
    if ("…" in m.entry.term or m.entry.pattern) and cues.any("negation", m.start + 1, m.end - 1) is not None:
        return None  # a term's gap holds the negation: 去年…没有去做博后
    prev = sentence.clauses[ci - 1].start if ci > 0 else clause.start
    if cues.any("hypothetical", _after_colon(text, prev, m.start), m.start) is not None:
        return None
    modal = cues.within("modal", _after_colon(text, clause.start, m.start), m.start)
    if modal and not _due(m, modal, text):
        return None
    if cues.any("advice", sentence.start, m.start) is not None:
        return None  # "我的建议：先面试，拿到 offer 再提离职"
    if _leads_to(cues.ending_at("purpose", m.start, slack=4), m, text, _TO_GOAL):
        return None  # "为了晋升", 为了能升职: a goal (not 为了分钱闹翻: a cause)
    if cues.any("generic", clause.start, m.start) is not None:
        return None
    if _leads_to(cues.ending_at("anaphora", m.start, slack=1), m, text, _TO_NOUN):
        return None  # 这次裁员, 那次的裁员: the happening told before (not 那次我被…骂: a new one)
    if _planned_earlier(sentence, clause, m, cues):
        return None  # "2024年，我要把…考下来，然后辞职": a resolution, whatever its date
    if _defined(m, sentence, clause, cues, dating):
        return None  # "裸辞不是逃避", "Being laid off says more about…": a statement about the word
    if m.entry.strength != "strong" and _SPEAKS.match(text, m.end) is not None:
        return None  # "The doctor said …": the word names who speaks
    if _rule_told(m, sentence, cues):
        return None  # 医生说…要半年复查一次; 我妈常说：“吵架可以，别…”
    if m.entry.strength != "strong" and m.entry.category == "family" and _FAMILY_OBJECT.search(
            text, max(clause.start, m.start - 16), m.start):
        return None  # 跟老婆吐槽, "which terrified my parents": a family member, no family happening
    if m.entry.strength != "strong" and _profile(sentence, clause, cues, dating):
        return None
    if (m.entry.strength != "strong" and m.entry.category in ("job_start", "promotion")
            and _TENURE.search(text, m.end, clause.end) is not None):
        return None  # 担任班主任已经十年: a tenure stated, not a start told  # "李老师，女，38岁，…担任班主任已经十年": a profile states, it does not tell
    after = False
    ref = cues.starting_at("temporal_reference", m.end)
    if ref is not None and text[ref.start : ref.end] == "中" and text[ref.end : ref.end + 1] in _ZHONG_NOUNS:
        ref = None  # 心理咨询中心, 面试中介: a noun, not 休假中
    if ref is not None:
        said = text[ref.start : ref.end]
        if (said not in _AFTER_WORDS and not _names_when(said, ref.end, sentence, cues)) or not _continues(
                sentence, ref.end, text):
            return None
        if m.entry.strength != "strong" and not any(
                t.value for t in dating.inside(clause.start, m.start)):
            return None  # a weak word (毕业, 离开) needs its date: 2016年毕业后…
        after = True  # 辞职后去读研: the quitting happened; kept unless it was told before
    if _is_latin(text[m.start : m.end]):
        before = _DURING_EN.search(text, max(clause.start, m.start - 24), m.start)
        if before is not None:
            after = True  # "During her time off she called a helpline", "after my layoff": the time of what follows
    gloss = _GLOSS.match(text, m.end)
    nxt = gloss.end() if gloss else m.end
    if cues.starting_at("mental_noun", nxt) is not None:
        return None  # 离职背景, 面试技巧: the word qualifies another noun
    if (text[nxt : nxt + 1] == "的" and _is_han(text[nxt + 1 : nxt + 2])
            and cues.starting_at("de_time", nxt + 1) is None):
        return None  # 辞职的念头, 换组的过程: the word describes something else (not 休假的头两周)
    if _WHO_DID.match(text, nxt):
        return None  # 考上了的和放弃了的, 辞职了的人: the people who did it, not a happening told
    strong = m.entry.strength == "strong"
    if strong and not grounded and not _anchored(m, sentence, clause, cues, dating):
        return None
    if not strong and not _happened(m, sentence, clause, cues, dating):
        return None
    return _Candidate(m, ci, strong, after)


#: Between 为了 and an event word: characters that keep it the goal (为了能升职, 为了能早日转正).
_TO_GOAL = frozenset("能去要早日尽快可以顺利考拿到")
#: Between 这次/那次 and an event word: words that keep the word its noun (那次的裁员).
_TO_NOUN = frozenset("的 之")


def _leads_to(cue: Match | None, m: Match, text: str, gaps: frozenset[str]) -> bool:
    """Whether ``cue`` ends right before ``m``, or only ``gaps`` characters stand between them."""
    return cue is not None and all(ch in gaps for ch in text[cue.end : m.start])


#: Before a job start: words that say when it is due, not whether (下周一入职, 明年一月就要去报到).
_DUE = frozenset({"明年", "后年", "下个月", "下月", "下周", "下个星期", "下礼拜", "下个礼拜", "明天", "就要", "即将",
                  "将要"})


def _due(m: Match, modal: Sequence[Match], text: str) -> bool:
    """Whether the only modal words before a job start say when it is due: a start arranged
    (下个月15号入职), not a wish or a plan (想入职, 打算明年入职)."""
    return (m.entry.category == "job_start" and m.entry.strength == "strong"
            and all(text[c.start : c.end] in _DUE for c in modal))


#: After an event word: 了的/过的 + a person or nothing — it names the people who did it.
_WHO_DID = re.compile(r"(?:了|过|咗)的(?:人|朋友|同事|同学|前辈|都|也|和|跟|与|，|,|。|？|\?|$)")


#: A section heading that announces plans: what its body lists has not happened.
_PLANS_HEADING = re.compile(
    r"计划|规划|展望|目标|愿望|心愿|flag|明年|下一年|(?i:\bgoals?\b|\bplans?\b|resolutions?|looking ahead"
    r"|next year|what'?s next|to-?do|wish ?list|for 20\d\d\b)")


def _plans_section(sentence: Sentence) -> bool:
    section = sentence.section
    return bool(section is not None and section.heading and _PLANS_HEADING.search(section.heading))


#: A line that only heads a section: numbered or bold labels ("一、项目：从年初忙到年底",
#: "**间隔年做了什么**", "# 休假") with no sentence-final mark.
#: A chapter line of a video's description: a timestamp and a short title.
_CHAPTER = re.compile(r"[ \t]*[-*•]?[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[ \t]*(?:[-–—|:：][ \t]*)?[^\n。！？!?]{1,60}")
_HEADING = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+\S"
    r"|第[一二三四五六七八九十\d]{1,3}(?:章|部分|部|节|篇|幕)|(?i:(?:section|chapter|part)[ \t]+(?:\d{1,2}|[ivx]{1,4})\b)"
    r"|(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[、：:. ]"
    r"|\d{1,2}[、．]|\d{1,2}\.[ \t]+)[ \t]*[^\d：:，,。\n]{1,10}[：:]"
    r"|(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)[ \t]*$)")
_FINAL = "。！？!?.…"
_LIST_MARK = re.compile(r"[ \t*#>-]*(?:\d{1,2}[.、．)）]|[一二三四五六七八九十]{1,3}[、.．]|[（(][^）)\n]{1,3}[）)])?[ \t*]*")


def _is_heading(sentence: Sentence, text: str, cues: Cues) -> bool:
    """Whether the sentence is a whole line that heads a section (the body below tells it)."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if (not _LIST_MARK.fullmatch(text, line_start, sentence.start)
            or text[sentence.end : line_end].strip(" \t*")):
        return False  # not the whole line
    bare = line.strip(" \t*_")
    if sentence.role in SUMMARY_ROLES and _CHAPTER.fullmatch(line) is not None:
        return True  # "11:20 Burnout and the sale": a chapter of the video the description lists
    if not bare or bare[-1] in _FINAL or len(bare) > 40:
        return False
    if _HEADING.match(line) is not None:
        return True
    return _label_paragraph(text, line_start, line_end, bare, cues)


def _label_paragraph(text: str, start: int, end: int, bare: str, cues: Cues) -> bool:
    """A short paragraph of its own that names a topic ("裸辞", "关于加班", "Burnout, and what came after").

    It has blank lines around it, says no one (我, I, 他) and tells nothing done (了, a past tense).
    """
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    if not (start == 0 or before == "\n\n") or not (end >= len(text.rstrip()) or after == "\n\n"):
        return False
    if end >= len(text.rstrip()):
        return False  # the last line has no body below it
    if _is_han(bare[:1]) or any(_is_han(ch) for ch in bare):
        if len(bare) > 12:
            return False
    elif len(bare.split()) > 8 or not bare[:1].isupper():
        return False
    if _someone(cues, start, end) or cues.any("second_person", start, end) is not None:
        return False
    return cues.any("realis", start, end) is None and not any(ch.isdigit() for ch in bare)


#: At the head of a sentence: analysis in an article, not a happening.
_ANALYSIS = re.compile(
    r"[ \t>*-]*(?:有|一项|一些|多项|不少|最新|国外|国内)?(?:研究|调查|数据)?[ \t]*(?:研究(?:发现|表明|显示|指出|认为)|调查(?:发现|显示|表明)|数据显示|本文(?:认为|指出|发现|主张|提出|探讨|将)"
    r"|笔者认为|本研究|结果(?:表明|显示)|(?i:studies (?:show|suggest|find)|research (?:shows|suggests|finds)"
    r"|this (?:paper|article|study|essay) (?:argues|shows|finds|suggests|examines)|we argue))")
#: Anywhere in a sentence: a definition of a notion (教师倦怠应被理解为…).
_NOTION = re.compile(r"应(?:被|当被|该被)(?:理解|视为|看作|看成|定义)|(?i:should be (?:understood|seen|viewed) as)")


def _is_analysis(sentence: Sentence, text: str) -> bool:
    """Whether the sentence states findings or a definition (an article's analysis)."""
    return (_ANALYSIS.match(text, sentence.start) is not None
            or _NOTION.search(text, sentence.start, sentence.end) is not None)


#: Before an event word in its sentence: a resolution or plan of the narrator (I want to, 我要把).
_PLAN = re.compile(
    r"我(?:们)?(?:要(?!求)|打算|计划|准备|希望|想要|会)|(?<=[，,；;])[ \t]*(?:打算|计划|准备)|目标(?:是|：|:)|(?i:\b(?:I|we) (?:want|plan|hope|intend|need) to\b"
    r"|\b(?:I'm|I’m|I am|we're|we are) (?:going|planning|hoping) to\b(?! (?:be honest|be frank|say|tell|admit|share|talk|start with))"
    r"|\bmy (?:goal|plan|resolution)s?\b"
    r"|\bgoals?\b|\bresolutions?\b)")


def _planned_earlier(sentence: Sentence, clause: Span, m: Match, cues: Cues) -> bool:
    """Whether a plan marker earlier in the sentence makes the word a plan (its clause tells nothing done)."""
    ci = sentence.clause_at(m.start)
    since = sentence.clauses[ci - 1].start if ci > 0 else clause.start
    if _PLAN.search(cues.text, since, m.start) is None:
        return False
    if _is_latin(cues.text[m.start : m.end]):  # "For 2023: I want to … take a month off"; not "got promoted"
        return cues.any("realis", clause.start, clause.end, outside=(m.start, m.end)) is None
    return cues.any("realis", clause.start, clause.end) is None  # 第二天就请了年假: done after all


#: Right after an event word: a statement about the notion (裸辞不是逃避, "Being laid off says…").
_DEFINES = re.compile(
    r"[ \t]*(?:了)?[ \t]*(?:(?:也)?(?:不是|并非|并不是|不等于|不代表|不一定|唔系|唔等于|是一种|是一个|本身|应被|是真的会|可以，|(?:不)?会让(?:你|人)|让人|使人)"
    r"|(?i:is not|isn't|is never|doesn't mean|does not mean|says (?:more|nothing|a lot)|is a |is an |happens to|can happen|(?:won't|will not|doesn't|does not) make you|makes you))")
#: Later in the clause: a saying that the word only illustrates (项目延期了天不会塌).
_SAYING_TAIL = re.compile(r"(?:都|也)(?:冇|没)人(?:记得|在乎|会记得|理)|天(?:也)?不会塌|天塌不下来|地球照样转"
                          r"|不丢人|不丢脸|不可耻|唔丢架|唔丢脸|没什么(?:好)?丢人|没什么(?:好)?丢脸"  # 求助不丢人: no shame in it
                          r"|(?i:isn't the end of the world|is not the end of the world|the world won't end"
                          r"|is nothing to be ashamed of|is not a weakness|isn't a weakness)")
_NOT_BECAUSE = re.compile(r"[ \t]*(?:也)?(?:不是|并非|并不是|唔系)(?:因为|为了|因為)|(?i:[ \t]*(?:is not|isn't) (?:because|why))")


def _defined(m: Match, sentence: Sentence, clause: Span, cues: Cues, dating: Dating) -> bool:
    """Whether the words after an event word define or judge it (a statement, not a happening)."""
    text = cues.text
    if _SAYING_TAIL.search(text, m.end, clause.end) is not None:
        return True
    if any(t.value for t in dating.inside(clause.start, clause.end)):
        return False
    if _GENERIC_NEXT.match(text, _next_clause_start(sentence, clause)) is not None and not _someone(
            cues, sentence.start, sentence.end):
        return True  # 年轻人被裁，往往不是能力问题
    if _DEFINES.match(text, m.end) is not None and _NOT_BECAUSE.match(text, m.end) is None:
        # 我裸辞不是逃避, 其离职并非突发之举: told of someone who did it
        return not _someone(cues, clause.start, m.start)
    if text[clause.start : m.start].strip(" \t*>-“「\"长期经常你被") or _someone(cues, sentence.start, sentence.end):
        return False
    # the word opens its clause and the clause judges it: 请假是劳工的权利, "Quitting … is risky"
    if not any(_is_han(ch) for ch in text[clause.start : clause.end]):
        return (_PRESENT_EN.search(text, m.end, clause.end) is not None
                and cues.any("realis", clause.start, clause.end, outside=(m.start, m.end)) is None)
    return _JUDGED_ZH.match(text, m.end) is not None and _ROUTINE.match(text, m.end) is None


def _someone(cues: Cues, start: int, end: int) -> bool:
    return (cues.any("first_person", start, end) is not None
            or cues.any("third_person", start, end) is not None)


def _next_clause_start(sentence: Sentence, clause: Span) -> int:
    ci = sentence.clause_at(clause.start)
    return sentence.clauses[ci + 1].start if ci + 1 < len(sentence.clauses) else sentence.end


#: Opening the next clause: a general statement about the clause before (…被裁，往往不是能力问题).
_GENERIC_NEXT = re.compile(r"[ \t]*(?:往往|通常|一般|多半|大多|常常是|(?i:(?:it )?(?:often|usually|generally|rarely)\b))")
#: After a word that opens its clause: the clause judges the notion (请假是…权利, 加班文化害人).
_JUDGED_ZH = re.compile(r"[ \t]*(?:是|係|系|乃|文化|害|本质|这件事本身|这种事|(?:了)?也(?:不|别|没什么|冇)|久了|(?:需要|要)(?:趁早|勇气|趁|有|想清楚|谨慎|慎重))")
#: …but 加班是常态 tells how things were there.
_ROUTINE = re.compile(r"[ \t]*(?:是|係|系)(?:一种)?(?:常态|家常便饭|日常|常事|家常|每天的事|必然)")
_PRESENT_EN = re.compile(r"\b(?:is|are|isn't|aren't|doesn't|does|can|can't|won't|makes|means|never)\b", re.IGNORECASE)


_SPEAKS = re.compile(r"[ \t]*(?:说|讲|话|告诉|建议|表示|(?i:said|says|told|tells|suggested|recommended)\b)")
#: Someone else's words: an obligation after a speech verb (医生说…要半年复查一次), or advice quoted.
_OBLIGATION = re.compile(r"(?<![想主重只还也])要(?![求是])|需要|必须|应该|应当|记得|最多|最少|至少|规定|(?i:\b(?:should|must|have to|has to|need to|needs to)\b)")
_QUOTED_ADVICE = re.compile(r"别|不要|千万|切记|(?i:\bdon't\b|\bdon’t\b|\bnever\b)")


def _rule_told(m: Match, sentence: Sentence, cues: Cues) -> bool:
    """Whether the word is in a rule or advice someone else gives (not the narrator's happening)."""
    text = cues.text
    quote = sentence.in_quote(m.start, m.end)
    if quote is not None:
        return _QUOTED_ADVICE.search(text, quote.start, quote.end) is not None
    for hit in cues.within("speech", sentence.start, m.start):
        if cues.any("first_person", max(sentence.start, hit.start - 2), hit.start) is not None:
            continue  # 我说: the narrator's own words
        if hit.end < m.start - 16 or text[hit.start : hit.end + 1] == "问题":
            continue
        if _OBLIGATION.search(text, hit.end, sentence.clauses[sentence.clause_at(m.start)].end) is not None:
            return True
    return False


#: Before a family noun: the member is only someone spoken to or affected (跟老婆, terrified my parents).
_FAMILY_OBJECT = re.compile(
    r"(?:跟|和|同|给|对|向|与|找|问)(?:我|我的|我们)?[ \t]*$"
    r"|(?i:\b(?:with|to|told|tell|terrified|scared|worried|surprised|shocked|upset|annoyed|called|texted|asked)[ \t]+(?:my|our|his|her|their)[ \t]+$)")
#: A profile: gender or age listed between commas (李老师，女，38岁，…).
#: After a weak job word: how long it has lasted (担任班主任已经十年), a state.
_TENURE = re.compile(r"已(?:经)?(?:有|做了|当了)?[ \t]*[0-9一二三四五六七八九十两几多]+[ \t]*(?:个)?(?:多)?年")
_GENDER = re.compile(r"[，,、][ \t]*(?:男|女)[ \t]*[，,、]")
_AGE = re.compile(r"[0-9一二三四五六七八九十]{1,3}[ \t]*岁[ \t]*[，,、]")


def _profile(sentence: Sentence, clause: Span, cues: Cues, dating: Dating) -> bool:
    """Whether the sentence lists a person's profile (gender, age) and the clause has no date of its own."""
    text = cues.text
    mark = _GENDER.search(text, sentence.start, sentence.end) or _AGE.search(text, sentence.start, sentence.end)
    if mark is None:
        return False
    if any(t.value for t in dating.inside(sentence.start, mark.start())):
        return False  # 2004年夏天，十八岁，第一份工作在…: a story told from a date, not a profile
    return not any(t.value for t in dating.inside(clause.start, clause.end))


#: Before an English event word: it is the time of what the clause tells (during her leave, after my layoff).
_DURING_EN = re.compile(r"\b(during|after|throughout|amid)[ \t]+(?:(?:my|her|his|their|our|the|that|this|a|an)[ \t]+)?(?:\w+[ \t]+)?$",
                        re.IGNORECASE)

#: Words after an event word that make it the time of what follows (辞职后, 被裁之后).
_AFTER_WORDS = frozenset({"后", "之后", "以后"})
#: After "面试的时候，": advice follows, not a told happening.
_IMPERATIVE = re.compile(r"别|不要|千万|记得|一定要|要先|最好|(?i:\b(?:don't|never|always|make sure)\b)")
#: After 中: a noun (心理咨询中心, 面试中介), not 休假中.
_ZHONG_NOUNS = frozenset("心介层级间型专餐药学")
#: …and words that make it the time of what the sentence then tells as done (提离职的时候他沉默了很久).
_WHEN_WORDS = frozenset({"时", "的时候", "那天", "当天", "那年", "那一刻", "之际"})
#: …of which these name the day or year it happened (孩子出生那天): told, whatever follows.
_DAY_OF = frozenset({"那天", "当天", "那年", "那一刻"})


def _names_when(said: str, pos: int, sentence: Sentence, cues: Cues) -> bool:
    """Whether 的时候 / 那天 … after an event word names the time of what the sentence goes on to
    tell as done (提离职的时候他沉默了很久, 孩子出生那天他在外地): the happening is told too.
    Not when advice follows (面试的时候，别只问…)."""
    if said not in _WHEN_WORDS:
        return False
    if said not in _DAY_OF and cues.any("realis", pos, sentence.end) is None:
        return False
    return _IMPERATIVE.search(cues.text, pos, sentence.end) is None


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
    if cues.any("moves_on", scope.start, m.start) is not None:
        return True  # 后来去县医院看, 现在自己做独立经纪人: a point of someone's story, not a general rule
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
        if dated:  # 1999年，我从师院毕业，在一间幼儿园当老师: the job that follows a told step is the next one
            steps = [g[0].clause for g in groups if done[id(g)]]
            for g in groups:
                if g[0].kind in _OPENED and any(c < g[0].clause for c in steps):
                    done[id(g)] = True
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


def _clause_span(sentence: Sentence, group: Sequence[_Candidate], text: str,
                 others: set[int] | frozenset[int] = frozenset()) -> Span:
    first, last = group[0].clause, group[-1].clause
    start, end = sentence.clauses[first].start, sentence.clauses[last].end
    if (end - start < _SHORT and last + 1 < len(sentence.clauses)
            and not text[end : sentence.clauses[last + 1].start].strip()):
        end = sentence.clauses[last + 1].end  # 辭咗之後|休息咗三個月: a clause cut at a connector keeps what follows
    while end - start < _SHORT and first > 0 and (
            first - 1 not in others  # not another event's words, unless a connector cut them (毕业后|入职)
            or not text[sentence.clauses[first - 1].end : sentence.clauses[first].start].strip()):
        first -= 1
        start = sentence.clauses[first].start
    return Span(start, end)


def _kind(lead: _Candidate, clause: Span, cues: Cues, dating: Dating) -> str:
    """The lead's kind; a health or quarrel word next to a family member is a family event, and
    so is any happening whose subject is a family member (see :func:`_kin_subject`)."""
    if lead.kind in ("health", "conflict") and cues.any("kin", clause.start, clause.end) is not None:
        return "family"  # 我妈中风入院; 两公婆差啲为咗呢件事嗌交
    if lead.kind != "family" and _kin_subject(lead, clause, cues, dating):
        return "family"  # 儿子九月份去大专报到; 妻子辞掉了工作回到村里
    return lead.kind


#: What may stand before a family member who is a clause's subject, once its dates are set aside:
#: connectors and the narrator's possessive (也是在这一年，妻子…; 后来我老婆…; "Then my wife …").
_KIN_LEAD = re.compile(r"(?:也是在|也是|也|又|就|后来|然后|同年|当年|那年|这年|那时|当时|我的|我家|我|在|"
                       r"(?i:and|then|also|in|on|by|that|this|last|year|so|but|when)\b|[\s，,、:：*\-])*")
#: A child: its start (报到 at a school, "started kindergarten") is the family's life, not a job.
_CHILD = re.compile(r"儿|女|孩|(?i:son|daughter|kid|child)")
#: A couple named together (夫妻俩, 两口子): the narrator may be one of them.
_COUPLE = re.compile(r"夫妻|两口|兩口|公婆")
#: Right after a family member: it is only the owner of what follows (儿子的学校, "my dad's friend").
_KIN_OWNS = re.compile(r"[ \t]*(?:的|嘅|['’]s\b)")


def _kin_subject(lead: _Candidate, clause: Span, cues: Cues, dating: Dating) -> bool:
    """Whether a family member opens the lead's clause as the one who acts (儿子去大专报到, 妻子辞掉了
    工作, "my wife quit her job"), with no 我/I between them and the event word: the narrator telling a
    relative's step tells family life (a job a spouse or parent starts stays a job_start: theirs). A
    relative elsewhere ("a buddy's dad got me in", 我妈让我辞职) leaves the kind alone."""
    kin = cues.any("kin", clause.start, lead.match.start)
    if kin is None or kin.end > lead.match.start:
        return False
    text = cues.text
    lead_in = list(text[clause.start : kin.start])
    for t in dating.inside(clause.start, kin.start):
        lead_in[t.span.start - clause.start : t.span.end - clause.start] = " " * (t.span.end - t.span.start)
    if not _KIN_LEAD.fullmatch("".join(lead_in)) or _KIN_OWNS.match(text, kin.end):
        return False
    if text.startswith(("们", "們"), kin.end):
        return False  # 孩子们考上了重点中学: a teacher's pupils, not the narrator's children
    if _COUPLE.search(text, kin.start, kin.end):
        return False  # 两口子一起辞职: the narrator may be one of the two
    if lead.kind == "job_start" and not _CHILD.search(text, kin.start, kin.end):
        return False  # "My wife went back to work": a spouse's or parent's new job is theirs (job_start)
    return cues.any("first_person", kin.end, lead.match.start) is None


#: An English participle phrase trailing a clause ("…, while keeping two days at the hospital",
#: "…, seeing clients at home"): circumstances of the clause's happening, not its predicate.
_ADJUNCT_EN = re.compile(r",?[ \t]+(?:while|whilst)[ \t]+[a-z]+ing\b|,[ \t]+[a-z]+ing\b")


def _without_adjuncts(found: list[_Candidate], sentence: Sentence, text: str) -> list[_Candidate]:
    """``found`` without English event words inside a trailing participle phrase of a clause that
    holds an event word before it ("In 2022 she opened a private practice, seeing clients while
    keeping two days at the hospital": the practice, not a hospital stay)."""
    out = []
    for c in found:
        clause = sentence.clauses[c.clause]
        earlier = [o for o in found if o.clause == c.clause and o.match.end <= c.match.start and not o.after]
        adjunct = earlier and any(
            _ADJUNCT_EN.search(text, e.match.end, c.match.start) is not None for e in earlier)
        if not (adjunct and _is_latin(text[c.match.start : c.match.end]) and clause.start <= c.match.start):
            out.append(c)
    return out


#: A promotion told as taking someone's place (老板让我顶上去, 我接了他的位子, "took over her job").
_IN_THEIR_PLACE = re.compile(r"顶|接替|[他她]的|(?i:\b(?:his|her|their)\b)")


def _made_way(found: list[_Candidate], sentence: Sentence, cues: Cues) -> list[_Candidate]:
    """``found`` without someone else's leaving or move told right before the narrator takes their
    place (公司一个老业务跳槽走了，老板让我顶上去; 主管调去了分公司，我接了他的位子): the place taken
    is the narrator's promotion, the other's leaving only its cause."""
    takes = [c.clause for c in found if c.kind == "promotion"
             and _IN_THEIR_PLACE.search(cues.text, c.match.start, c.match.end)]
    if not takes:
        return found
    first = min(takes)

    def someone_else(c: _Candidate) -> bool:
        clause = sentence.clauses[c.clause]
        return not any(not _KIN_OWNS.match(cues.text, h.end) and cues.text[h.start : h.end].lower() not in ("my", "our")
                       for h in cues.within("first_person", clause.start, c.match.start))

    return [c for c in found if not (c.kind in ("job_end", "transfer") and c.clause < first and someone_else(c))]


#: A placement: where a newcomer is put (被分到遗体整容组, 分配到急诊, "was assigned to nights").
_PLACED = re.compile(r"分到|分配到|分配去|分去|安排到|安排在|分在|(?i:assigned to|placed (?:in|on))")


def _placed_on_arrival(found: list[_Candidate], text: str) -> list[_Candidate]:
    """``found`` without a placement told after a job start in the same sentence (同年7月，我进了市殡仪馆，
    被分到遗体整容组; "joined the county in 2019 and was assigned to nights"): where the newcomer was put
    is part of the start, not a move."""
    starts = [c.clause for c in found if c.kind == "job_start"]
    if not starts:
        return found
    return [c for c in found if not (c.kind == "transfer" and c.clause > min(starts)
                                     and _PLACED.search(text, c.match.start, c.match.end) is not None)]


def _event(sentence: Sentence, group: Sequence[_Candidate], by_clause: bool, voices: Voices,
           dating: Dating, text: str, others: set[int] | frozenset[int] = frozenset()) -> Event:
    best = min(c.key()[:2] for c in group)
    lead = min((c for c in group if c.key()[:2] == best), key=lambda c: (c.clause, c.key()))
    clause = sentence.clauses[lead.clause]
    at = lead.match.start
    when = dating.when(sentence, clause, at, [sentence.clauses[i] for i in sorted(others)])
    duration = dating.duration(clause, lead.match.start, lead.match.end)
    if by_clause:
        span = _clause_span(sentence, group, text, others)
        if (when is not None and when.source == "sentence"
                and sentence.clause_at(when.expr.span.start) not in others):
            lo = sentence.clause_at(min(span.start, when.expr.span.start))
            hi = sentence.clause_at(max(span.end, when.expr.span.end) - 1)
            if not any(lo <= c <= hi for c in others):  # 21年底，我被调到…，其实是有人请产假: not over the transfer
                span = Span(sentence.clauses[lo].start, sentence.clauses[hi].end)
    else:
        span = sentence.span
    kind = _kind(lead, clause, voices.cues, dating)
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
        rule=lead.match.entry.rule + lead.note,
        when_source=when.source if when else None,
    )
