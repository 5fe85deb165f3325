"""Built-in ``reflections`` extractor: what the speaker learned, believes, advises or resolves.

Each readable sentence is weighed by the reflection cues of the lexicons it
contains (each distinct cue once): a strong cue ("本质上", "you should")
counts two, a weak one ("往往", "真正", "always") one, and a cue of a general
statement ("不是……而是", "才是") two in a sentence that does not speak of
我/I, one in a sentence that does. A sentence reaches a reflection with a weight
of two that includes a strong cue, or with three weak ones. Some sentences
count less:

* a sentence that tells a story (我 with 了/过, 当我, 以为 …: the ``narrative``
  cues) counts two less, unless a cue reports a realization ("我终于明白",
  "I realized", "原来根本…") or a resolution still to come ("I've decided",
  "从此以后"); the 我 of an opening "我觉得"/"I think" frames a view and tells
  nothing;
* a hypothetical in a sentence that says 我/I ("如果是在两年前，我会…"): an
  imagined story (a conditional about anyone, "技术若不能落地,便只是空中楼阁",
  states a rule; one addressed to you, "如果你…，建议…", is advice);
* in a reply of a thread, a sentence aimed at or about someone (他, op, or
  "you" in a post that answers someone or speaks of what "you" said): a turn
  in the argument; and a sentence in the middle of a longer reply needs one
  more (a short reply, or the last sentence of a reply, states its view).

A clause that opens a general frame ("当一份工作开始吞噬睡眠…时,") does not
make a sentence personal or a story. Quoted words someone says count as a
saying of their own when they state something (a cue, or no story of their
own); a quotation told within the narrator's story ("当我…时，他回应：“…”")
does not. Questions are never reflections, except in a thread the ones that
carry their answer ("难道…吗"). Sentences under a heading of lessons or advice
("心得", "What I've learned", "给…的你") and the items of a list announced as
advice or lessons ("几个建议：") are sayings of that kind; under a heading of
plans (接下来, "## 2025" in a document written in 2024) they are resolutions; a
list counted inside one sentence ("第一,…,第二,…") gives a reflection a point.

Quoted words the narrator marks as kept ("说过一句话，我一直记得", "told me
something I still think about:") are a saying, even a question; a verdict on
the narrator quoted in the story ("老板说我“…”", "评语是：", "I was told
they "…"") is not. Words to the audience of a video or a post (welcome back,
一键三连: the ``channel`` cues) are never reflections. A general statement in a
sentence that names a date ("2021年的考评，她是“称职”，而不是“优秀”") tells a
happening. In a reply to the one who asked, advice addressed to them (楼主,
OP, 你) and a short remark that says 你 are no turns of the argument.

The kind is that of the heaviest cues (``insight``, ``advice``,
``resolution``, ``opinion``; a sentence framed by "我觉得", "Honestly," is an
opinion); words spoken inside a quotation are a ``quote``, whose ``speaker``
is the one named before or after it ("林晓雯说：", "my mentor told me", "”她说"
names nobody); a view reported in the third person ("王建平认为，…") is that
person's opinion, but the document speaking of itself ("本文认为") gives the
author's finding. In a thread the speaker is the post's author (not of someone
else's quoted words), and a reply's
general statement is an ``opinion``. Themes come from the theme lexicons. A
run-on sentence (a transcript) is read a line, then a few clauses, at a time.
``rule`` lists the cues that counted and the adjustments made.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ..model import Narrative, Post, Reflection, Span
from .context import ExtractionContext
from .cues import Cues, lexicon_hits
from .dating import LONG_SENTENCE
from .lexicon import Lexicon, Match, load_lexicon
from .sentences import SUMMARY_ROLES, Sentence, sentences_of, text_size
from .subject import _is_speech

__all__ = ["ReflectionExtractor", "find_reflections", "weigh"]

#: Weight a sentence needs to be a reflection.
THRESHOLD = 2
#: Weight a sentence with weak cues only needs.
WEAK_ONLY_THRESHOLD = 3
#: Extra weight a sentence of a reply in a thread needs (replies are all views and
#: turns of an argument; only firmly stated ones count).
THREAD_EXTRA = 1
#: A reply of at most this many sentences states a view of its own (a one-liner in a
#: thread is an opinion); longer replies argue, and only their firm statements count.
SHORT_REPLY = 3
#: A unit is someone's quoted words when they fill at least 1/SPEECH_SHARE of it.
SPEECH_SHARE = 3
#: The fewest characters of a saying whose speaker the sentence names ("你这几年太累了").
NAMED_SAYING = 6
#: A speech verb this many characters before a quotation makes it speech ("said my work was "…"").
SPEECH_REACH = 20
#: A sentence longer than this mostly describes; it counts one less.
LONG_REFLECTION = 55
#: A finding of a study (an article) with a firm cue may run this long before it counts one less.
LONG_FINDING = 75
#: A sentence at most this long under a lessons heading is a saying of its own.
SAYING = 40
#: Where the closing part of a document starts, as a share of its text: a first-person "我想/我会/
#: I hope" there, in a clause that tells nothing done, is the narrator looking ahead (a resolution).
CLOSING = 0.6
#: The farthest (in characters) an item of a counted list starts from the item before.
LIST_REACH = 400
#: Headings of sections that hold lessons, advice or conclusions (心得, "What I learned").
LESSON_HEADING = re.compile(
    r"心得|感悟|感想|体会|领悟|启示|教训|经验|建议|忠告|总结|反思|收获|道理|想说的|给.{0,6}的话|写给|学到|学会|明白的|懂得"
    r"|给.{0,8}(?:的你|的人|的朋友|的自己)|(?:对|跟|和|同|给).{0,8}说的话|说(?:几|两|三)句|心里话"
    r"|lesson|learn|takeaway|advice|tips?\b|reflection|conclusion|wisdom|what i.{0,12}know"
    r"|if i could|note to|dos and don|rules? (?:i|for)|what i(?:'d| would) (?:tell|say)|for (?:anyone|beginners|newcomers)",
    re.IGNORECASE)
#: A sentence that announces a list of advice or lessons ("给学弟妹的几个建议：", "My rules:").
LIST_INTRO = re.compile(
    r"(?:建议|忠告|心得|经验|教训|提醒|原则|规矩|几点|几件事|学到|明白了|说几句|说两句|心里话|tips?|advice|lessons?|rules?|takeaways?|things I"
    r"|I (?:have |'ve )?learn(?:ed|t))"
    r"[^。！？!?\n]{0,16}[：:][ \t]*$", re.IGNORECASE)
#: Headings and list intros of the narrator's goals ("For 2023", "Next year", "明年的计划", "新年目标").
RESOLUTION_HEADING = re.compile(
    r"^[#\s*]*(?:for|in)\s+(?:19|20)\d\d\b|next year|goals?\b|plans? for|resolutions?|intentions?|to-?do"
    r"|(?:明年|新年|来年|新的一年|下一年|下年|出年|上半年|下半年|下学期|\d{4}年)[^：:\n。]{0,4}(?:计划|目标|愿望|希望|打算|flag)|立个flag|目标清单"
    r"|(?:明年|新年|来年|下半年|下学期|接下来|今后|往后)[^：:\n。]{0,4}(?:想|要|打算)做[^：:\n。]{0,4}(?:事|事情)"
    r"|^[#\s*]*(?:接下来|下一步|往后|今后|展望|looking ahead|what'?s next|next)[\s*]*$",
    re.IGNORECASE)
_GOAL_INTRO = re.compile(r"[^。！？!?\n]{0,30}[：:][ \t]*$")
#: An item of a list: a line that opens with a bullet or a number.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•·]|\d{1,3}[.)、]|[（(]\d{1,3}[)）])[ \t]*")
#: An item of an enumerated list, counted in words: "第一，…", "二、…", "（三）…", "First, …", "Finally, …".
_ORDINAL_ITEM = re.compile(
    r"[ \t*>-]*(?:第[一二三四五六七八九十]{1,2}(?:点|个|條|条)?[，,、：:．.]|[一二三四五六七八九十]{1,2}[、．]"
    r"|[（(][一二三四五六七八九十]{1,2}[)）]|(?:First|Second|Third|Fourth|Fifth|Sixth|Finally|Lastly)(?:ly)?[,:])")
#: A list introduced as lessons learned rather than advice to others ("学到的几件事：", "Lessons:").
_LESSONS_LEARNED = re.compile(r"心得|教训|学到|收获|体会|明白|lessons?|learn|takeaways?", re.IGNORECASE)
_ADVICE_HEADING = re.compile(r"建议|忠告|提醒|给.{0,8}(?:的你|的人|的朋友|的话)|分享给|说的话|说(?:几|两|三)句|advice|tips?\b|dos and don|rules? (?:i|for)|what i(?:'d| would) (?:tell|say)|for (?:anyone|beginners|newcomers)"
                             r"|how to|if you", re.IGNORECASE)
_WEIGHT = {"strong": 2, "narrated": 2, "weak": 1}
_KIND_ORDER = ("resolution", "advice", "insight", "opinion", "quote")


class ReflectionExtractor:
    """Finds reflections with the built-in and plugin lexicons."""

    name = "builtin-reflections"
    field = "reflections"

    def extract(self, context: ExtractionContext) -> Sequence[Reflection]:
        """Reflections of ``context.narrative`` (spans into its working text)."""
        return find_reflections(context, load_lexicon(context.lexicons))


_LEAD_CHARS = " \t*>-"
#: A labelled field of a summary: "**目的**：…", "发布视频的目的：…", "Purpose: …".
_SUMMARY_FIELD = re.compile(r"[ \t*>-]*[^：:。！？!?\n，,]{1,14}?\**[ \t]*[：:]")


def _past_lead(m: Match, text: str) -> Match:
    """A match of a sentence-opening pattern without the spaces and markers it took before
    the words ("[ \t*>-]*别…"), so that it lies inside a sentence that starts at the words."""
    start = m.start
    while start < m.end - 1 and text[start] in _LEAD_CHARS:
        start += 1
    return m if start == m.start else Match(m.entry, start, m.end)


def _bucket(matches: Sequence[Match], starts: Sequence[int], span: Span) -> list[Match]:
    i = bisect.bisect_left(starts, span.start)
    out = []
    while i < len(matches) and matches[i].start < span.end:
        if matches[i].end <= span.end:
            out.append(matches[i])
        i += 1
    return out


def _longest(matches: Sequence[Match]) -> list[Match]:
    """Matches that do not overlap: the longest, then the strongest, then the earliest.

    A pattern that spans a whole statement ("X is Y") does not swallow the words
    inside it ("is part of the job").
    """
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.entry.strength == "weak", m.start)):
        if all(m.end <= k.start or m.start >= k.end or _spans_statement(k, m) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


#: A pattern match at least this long spans a statement rather than marking a few words.
STATEMENT_PATTERN = 12


def _spans_statement(outer: Match, inner: Match) -> bool:
    """Whether ``outer`` is a pattern spanning a statement and ``inner`` a word inside it."""
    return (bool(outer.entry.pattern) and not inner.entry.pattern and outer.end - outer.start >= STATEMENT_PATTERN
            and outer.start <= inner.start and inner.end <= outer.end)


_TERMINATED = re.compile(r"[。！？!?]|[.…](?=\s|$)")


def _lines(sentence: Sentence, text: str) -> list[Span]:
    """The lines of an unpunctuated sentence that runs over several lines (speech
    transcribed a line an utterance), else the sentence.

    A wrapped line of prose ends its sentence with a full stop somewhere; a
    transcript's lines have none.
    """
    body = text[sentence.start : sentence.end]
    if "\n" not in body or _TERMINATED.search(body):
        return [sentence.span]
    out = []
    pos = sentence.start
    for line in body.split("\n"):
        start = pos + len(line) - len(line.lstrip())
        end = pos + len(line.rstrip())
        if end > start:
            out.append(Span(start, end))
        pos += len(line) + 1
    return out


def _units(sentence: Sentence, cue_matches: Sequence[Match], text: str) -> list[Span]:
    """The sentence, or for a run-on sentence the clause windows around its cues."""
    units: list[Span] = []
    for line in _lines(sentence, text):
        if text_size(text[line.start : line.end]) <= LONG_SENTENCE:
            units.append(line)
            continue
        windows: list[Span] = []
        for m in cue_matches:
            if not (line.start <= m.start < line.end):
                continue
            w = sentence.window(sentence.clause_at(m.start), before=30, after=20)
            w = Span(max(w.start, line.start), min(w.end, line.end))
            if windows and w.start < windows[-1].end:
                windows[-1] = Span(windows[-1].start, max(w.end, windows[-1].end))
            else:
                windows.append(w)
        units.extend(windows)
    return units


def weigh(cues_found: Sequence[Match], unit: Span, sentence: Sentence, cues: Cues,
          thread: bool, *, short_reply: bool = False, closing: bool = False,
          dated: bool = False, study: bool = False) -> tuple[int, int, list[str]]:
    """``(weight, needed, notes)`` of a unit: its cues' weight, the weight it needs, and why.

    ``short_reply``: the unit belongs to a reply of a few sentences (a view of its
    own, which needs no extra weight). ``closing``: the unit lies in the closing
    part of a document (see :data:`CLOSING`), where the narrator's "我想/我会/I hope"
    looks ahead rather than back. ``dated``: the unit names a date ("2019年和2020年的考评，她都是
    “合格”，而不是“良好”"), so a cue of a general statement marks a happening and counts weak.
    ``study``: the document is an article, whose findings take long sentences (no "long -1"
    for a firm cue).
    """
    distinct: dict[str, Match] = {}
    for m in cues_found:
        distinct.setdefault(m.entry.rule, m)
    speech = _speech_share(unit, sentence, cues) * SPEECH_SHARE >= len(unit)
    scope = _speech_span(unit, sentence, cues) if speech else unit  # a quote speaks for its speaker
    own = _own_clauses(scope, sentence, cues.text)
    head = cues.text[unit.start : unit.end]
    lead = len(head) - len(head.lstrip(_LEAD_CHARS))
    framing = [Span(m.start, m.end) for m in distinct.values()
               if m.entry.category == "opinion" and m.start - unit.start <= lead + 2]
    told = _TOLD_ME.match(cues.text, unit.start, unit.end)
    if told is not None:
        framing.append(Span(told.start(), told.end()))  # "他跟我说，读博最值钱的不是…": the 我 heard it
    personal = _has_outside(cues, "first_person", own, framing)
    reply = thread and sentence.post is not None and sentence.post.floor > 0
    strengths = [("weak" if personal or dated else "strong") if m.entry.strength == "general" else m.entry.strength
                 for m in distinct.values()]
    if reply:  # a reply that opens with "我觉得" / "I feel" states a view
        strengths = ["strong" if m.entry.category == "opinion" and m.start - unit.start <= lead + 2
                     and ("我" in m.entry.term or m.entry.term.lower().startswith("i ")) else st
                     for m, st in zip(distinct.values(), strengths)]
    weight = sum(_WEIGHT.get(s, 0) for s in strengths)
    ahead = closing and not thread and _looks_ahead(distinct.values(), own, cues)
    if ahead:
        weight += 2
        strengths.append("strong")
    name, named = _Speakers(cues.text, cues).who_says(sentence, scope) if speech else (None, False)
    saying = speech and _is_saying(scope, sentence, cues, bool(distinct), named)
    strong = saying or any(s in ("strong", "narrated") for s in strengths)
    needed = (THRESHOLD if strong else WEAK_ONLY_THRESHOLD) + (THREAD_EXTRA if reply and not short_reply else 0)
    notes: list[str] = ["looks ahead at the close +2"] if ahead else []
    if saying:
        weight += 2  # someone's words that state something: a saying of its own
        notes.append("quoted saying +2")
    elif speech:
        weight += 1  # quoted speech: someone's words, a weak cue of its own
        notes.append("quoted speech +1")
    narrated = any(m.entry.strength == "narrated" for m in distinct.values())
    kept = saying and _kept_words(scope, sentence, cues.text)
    if saying and named and name is not None:
        notes.append("named speaker")  # "林老师说：“离开讲台那天我哭了…”": their words, story or not
    elif kept:
        notes.append("words kept")  # "he told me something I still think about: "…"": told to be kept
    elif speech and not narrated and _lead_tells_a_story(unit, scope, cues):
        weight -= 2
        notes.append("said in a story -2")
    elif (not narrated and not (saying and named) and _tells_a_story(own, cues, framing)
          and not _resolves_apart(distinct.values(), own, cues, framing)):
        weight -= 2
        notes.append("story -2")
    firm = any(s in ("strong", "narrated") for s in strengths)
    if text_size(cues.text[(scope if kept else unit).start : (scope if kept else unit).end]) > (
            LONG_FINDING if study and firm else LONG_REFLECTION):
        weight -= 1
        notes.append("long -1")
    resolved = any(m.entry.category == "resolution" and m.entry.strength != "weak" for m in distinct.values())
    if personal and not resolved and cues.any("hypothetical", unit.start, unit.end) is not None:
        weight -= 1
        notes.append("hypothetical -1")
    advice = [m.start for m in distinct.values() if m.entry.category == "advice" and m.entry.strength != "weak"]
    counsel = any(m.entry.category == "advice" for m in distinct.values())
    if reply and not resolved and _aimed(unit, sentence, cues, min(advice) if advice else None, counsel=counsel):
        weight -= 2
        notes.append("aimed at someone -2")
    return weight, needed, notes


#: Opening a unit: someone else told the narrator what follows (他跟我说，…, 师傅告诉我：…).
_TOLD_ME = re.compile(r"[ \t>*-]*(?P<who>[^。！？!?\n，,：:我]{1,8}?)(?:跟|对|同|和|告诉)我(?:说|讲|话)?(?:过)?[ \t]*[，,：:]")



def _resolution_clauses(found: Iterable[Match], own: Sequence[Span], *,
                        firm: bool) -> Iterator[tuple[Match, Span]]:
    """The resolution cues among ``found`` (``firm``: not weak ones) with the clause of ``own``
    each sits in."""
    for m in found:
        if m.entry.category != "resolution" or (firm and m.entry.strength == "weak"):
            continue
        clause = next((c for c in own if c.start <= m.start < c.end), None)
        if clause is not None:
            yield m, clause


def _looks_ahead(found: Iterable[Match], own: Sequence[Span], cues: Cues) -> bool:
    """Whether a resolution cue of any strength ("我想", "我会", "I hope") sits in a clause of
    the narrator's (我/I) that tells nothing done (no 了/过, 当时 …), in a sentence that frames no
    story (当我, 以为 …): the narrator looking ahead."""
    if _has(cues, "narrative", own):
        return False  # "当我站在山顶的时候，我会发现…": a frame of the story
    return any(cues.text[m.end : m.end + 1] not in "，,"  # "我想，这才是…": 我想 frames a view
               and _has(cues, "first_person", [clause]) and not _has(cues, "realis", [clause])
               for m, clause in _resolution_clauses(found, own, firm=False))


def _resolves_apart(found: Iterable[Match], own: Sequence[Span], cues: Cues, framing: Sequence[Span]) -> bool:
    """Whether a firm resolution cue sits in a clause of its own that tells no story: "I'm not
    going back to bedside, and I've made peace with that" resolves, whatever the rest tells."""
    return any(not _tells_a_story([clause], cues, framing) for _, clause in _resolution_clauses(found, own, firm=True))


#: Words before a quotation that mark it as words the narrator kept ("跟我讲过一句话，我一直记得",
#: "只问了一句：", "told me something I still think about:", "the question that changed everything:").
_KEPT_WORDS = re.compile(
    r"(?:说|讲|问|写|话|留|送)(?:了|过)?(?:一句|句)(?:话)?|一直记得|记到(?:现在|今天)|忘不了|忘不掉|记住了|记在心里|贴在"
    r"|(?i:\bstill\s+(?:think|remember|hear|keep)|\bnever\s+forg[eo]t|stuck\s+with\s+me|sticky\s+note"
    r"|the\s+(?:question|words?|line|thing)\s+that\s+(?:changed|stuck|stayed)|exact\s+words)")


#: Right before a quotation: words that make it a verdict on the narrator told in the story
#: ("老板说我“没有风险意识”", "园长的评语是：", "被问“…”", "told me I "don't communicate enough"").
_VERDICT = re.compile(
    r"(?:(?:说|讲|话|评价|批评|骂|嫌|夸)(?:我|我们)|说法是(?:我|我们)?|评语是|反馈是|评价是|考评是|评分是|被(?:问|说|骂|批评|评为))"
    r"[ \t：:，,]*[“「『\"'‘]?$"
    r"|(?i:\b(?:told|said|wrote)\s+(?:me\s+)?(?:that\s+)?(?:I|we)|\b(?:I|we)\s+(?:was|were)\s+told(?:\s+(?:that|they|it))?"
    r"|\bcalled\s+me|\bfeedback\s+was)[\s:,]*[\"“'‘]?$")


def _verdict(quote: Span, sentence: Sentence, text: str) -> bool:
    """Whether ``quote`` is a verdict on the narrator (see :data:`_VERDICT`): a happening of the
    story, not a saying."""
    return _VERDICT.search(text, max(sentence.start, quote.start - 24), quote.start) is not None


def _kept_words(quote: Span, sentence: Sentence, text: str) -> bool:
    """Whether the words before ``quote`` in its sentence mark it as a saying the narrator kept
    (see :data:`_KEPT_WORDS`): a saying, even when it asks a question."""
    return _KEPT_WORDS.search(text, sentence.start, quote.start) is not None


def _is_saying(quote: Span, sentence: Sentence, cues: Cues, cued: bool, named: bool = False) -> bool:
    """Whether quoted words are someone's saying: introduced by a speech verb or a colon, a
    full statement (not a question or a fragment), which carries a reflection cue, is
    general (it does not tell the speaker's own story) or is said by someone the sentence
    names (``named``: "老婆说“你这几年太累了”" — their words, whatever they tell)."""
    text = cues.text
    words = text[quote.start : quote.end].strip("“”「」『』\"'‘’ ")
    if _verdict(quote, sentence, text):
        return False
    kept = _kept_words(quote, sentence, text)
    if text_size(words) < (NAMED_SAYING if named or kept else 8) or (
            not kept and words.rstrip("。.！!…，, ").endswith(("？", "?", "吗", "呢", "么"))):
        return False
    lead = text[max(sentence.start, quote.start - 16) : quote.start].rstrip("“「『\"'‘ ")
    spoken = (named or lead.endswith((":", "：")) or cues.any("speech", max(sentence.start, quote.start - SPEECH_REACH), quote.start)
              is not None or cues.any("speech", quote.end, min(sentence.end, quote.end + 12)) is not None)
    if not spoken:
        return False
    if cued or named or kept:
        return True
    personal = any(_has(cues, name, [quote]) for name in ("first_person", "second_person", "third_person"))
    return not (personal and (_has(cues, "realis", [quote]) or _has(cues, "narrative", [quote])))


#: A quotation whose speaker is named after it counts as someone's words from this many characters
#: (a Latin word counts two): shorter ones are remarks of a story ('"You learn speed there," she said.').
ATTRIBUTED_SAYING = 12
#: After a quotation: who said it ('…," she says.', '…," the old chef told me.', “…”他说。).
_ATTRIBUTED = re.compile(
    r"[,.!?，。！？]?[\"”’'」』]*[,，]?[ \t]*(?:"
    r"(?:she|he|they|I|we|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|(?:the|my|our|his|her|their)(?:[ \t][a-z-]+){1,3}?)[ \t]+"
    r"(?:says|said|told (?:me|us|him|her|them)|tells (?:me|us)|recalls|recalled|explains|explained|adds|added|remembers"
    r"|insists|insisted|warns|warned|laughs|laughed)\b"
    r"|(?:says|said|recalls|adds|explains|insists)[ \t]+(?:she|he|[A-Z][a-z]+)\b"
    r"|[\u4e00-\u9fff]{0,6}?(?:说|讲|表示|坦言|回忆|笑着说|补充|感叹)(?:道)?[。，,：:！!]"
    r")")


def _spoken(cues: Cues, sentence: Sentence, quote: Span) -> bool:
    """Whether a quotation is someone's words: :func:`_is_speech`, or a speech verb a few
    words before it ("my charge nurse said to me "…"")."""
    if _is_speech(cues, sentence, quote) or cues.any(
            "speech", max(sentence.start, quote.start - SPEECH_REACH), quote.start) is not None:
        return True
    if text_size(cues.text[quote.start : quote.end]) >= ATTRIBUTED_SAYING and _ATTRIBUTED.match(
            cues.text, quote.end, min(sentence.end, quote.end + 48)) is not None:
        return True  # '"Salt water finds every shortcut you take," she said.' (not a short remark: '"Go on," he said.')
    # "Dana told me something on our first call that I wrote on a sticky note: "…"": a speech verb
    # earlier in the sentence, and a colon that hands over to the quotation
    lead = cues.text[sentence.start : quote.start].rstrip(_OPENING + " ")
    return lead.endswith((":", "：")) and cues.any("speech", sentence.start, quote.start) is not None


def _speech_share(unit: Span, sentence: Sentence, cues: Cues) -> int:
    """How many characters of ``unit`` lie inside quotations someone speaks."""
    quoted = [q for q in sentence.quoted if len(q) >= 6 and _spoken(cues, sentence, q)]
    return sum(min(q.end, unit.end) - max(q.start, unit.start) for q in quoted
               if q.start < unit.end and q.end > unit.start)


def _speech_span(unit: Span, sentence: Sentence, cues: Cues) -> Span:
    """The quoted speech of ``unit`` (its longest quotation someone speaks)."""
    quoted = [q for q in sentence.quoted if len(q) >= 6 and _spoken(cues, sentence, q)
              and q.start < unit.end and q.end > unit.start]
    q = max(quoted, key=len)
    return Span(max(q.start, unit.start), min(q.end, unit.end))


#: A clause that opens a general frame ("当一份工作开始…时", "每当…"): not the narrator's story.
_FRAME = re.compile(r"每当|当(?![然时初年天我])|[Ww]henever\b")


def _own_clauses(unit: Span, sentence: Sentence, text: str) -> list[Span]:
    """The parts of ``unit`` outside general frames ("当一份工作开始吞噬睡眠…时,")."""
    out = []
    for clause in sentence.clauses:
        start, end = max(clause.start, unit.start), min(clause.end, unit.end)
        if start < end and not _FRAME.match(text, start):
            out.append(Span(start, end))
    return out


def _has(cues: Cues, name: str, spans: Sequence[Span]) -> bool:
    return any(cues.any(name, s.start, s.end) is not None for s in spans)


def _has_outside(cues: Cues, name: str, spans: Sequence[Span], outside: Sequence[Span]) -> bool:
    """Whether cue list ``name`` has a hit in ``spans`` that no span of ``outside`` covers."""
    for s in spans:
        for hit in cues.within(name, s.start, s.end):
            if not any(o.start <= hit.start and hit.end <= o.end for o in outside):
                return True
    return False


def _tells_a_story(spans: Sequence[Span], cues: Cues, framing: Sequence[Span] = ()) -> bool:
    """Words that say 我/I and 了, 过, 当我, 以为 … tell the narrator's story (the 我 of
    "我觉得", "I think" frames a view and tells nothing)."""
    if not _has_outside(cues, "first_person", spans, framing):
        return False
    return _has(cues, "narrative", spans) or _has(cues, "realis", spans)


def _lead_tells_a_story(unit: Span, quote: Span, cues: Cues) -> bool:
    """Whether the words around a quotation tell the narrator's story ("当我…时，他回应：“…”")."""
    lead = Span(unit.start, quote.start) if quote.start > unit.start else Span(quote.end, unit.end)
    if len(lead) == 0:
        return False
    return _has(cues, "first_person", [lead]) and _has(cues, "narrative", [lead])


def _aimed(unit: Span, sentence: Sentence, cues: Cues, advice: int | None = None, *, counsel: bool = False) -> bool:
    """Whether a reply's sentence speaks to or of someone (a turn in the argument).

    Someone named (他, op) makes it one; so does "you" in a post that answers
    someone (@user) or in words about what "you" said ("你说的", "你这么理解").
    Otherwise "you" is anyone ("35岁不是问题，问题是你还学不学得动"). Advice
    (starting at ``advice``) is meant for "you": a "you" after it does not count;
    in a sentence that ``counsel``s (any advice cue), neither does the one it is
    addressed to ("楼主唔好一个人顶住", "OP, talk to your BA first"): a reply's advice
    to the one who asked.
    """
    post = sentence.post
    answering = post is not None and bool(post.mentions or post.reply_to)
    to_op = post is not None and set(post.reply_to) <= {0}  # a reply to the one who asked
    for name in ("second_person", "third_person"):
        end = advice if advice is not None and name == "second_person" else unit.end
        for hit in cues.within(name, unit.start, end):
            if sentence.in_quote(hit.start, hit.end) is not None:
                continue
            if counsel and _ADDRESSEE.fullmatch(cues.text, hit.start, hit.end) and not cues.text.startswith(
                    ("的", " 的", " op", "op"), hit.end):
                continue
            if (name == "second_person" and to_op and not _TO_YOU.match(cues.text, hit.end)
                    and text_size(cues.text[unit.start : unit.end]) <= SAYING):
                continue  # "有得必有失吧，看你自己最在乎什么": a short word to the one who asked
            if name == "third_person" or answering or _TO_YOU.match(cues.text, hit.end):
                return True
    return False


#: Who a reply speaks to: the one who opened the thread.
_ADDRESSEE = re.compile(r"楼主|op|OP|原\s?po|原PO|原帖|樓主")
#: "你说的", "你这么", "your point": "you" meaning the one argued with, not anyone.
_TO_YOU = re.compile(r"\s*(?:说|讲|这|那|的观点|的意思|所说|所讲|们这|们那|理解|误会|搞错|举的|自己也|也知道|倒是|还真)"
                     r"|\s+(?:said|say|are wrong|missed|misread|claim)\b|'s\s+point")


def _is_question(text: str, unit: Span) -> bool:
    tail = text[unit.start : unit.end].rstrip("”’」』）)\"' 。；;")
    return tail.endswith(("？", "?", "吗"))


def find_reflections(context: ExtractionContext, lexicon: Lexicon,
                     sentences: Sequence[Sentence] | None = None) -> list[Reflection]:
    """Reflections found in ``context.narrative`` with ``lexicon``."""
    narrative = context.narrative
    text = narrative.text
    sentences = list(sentences) if sentences is not None else sentences_of(context)
    thread = bool(narrative.posts)
    if thread:
        sentences = _in_posts(sentences, narrative)
    per_post: dict[int, int] = {}
    last_of_post: dict[int, int] = {}
    for i, sentence in enumerate(sentences):
        if sentence.post is not None and not _is_byline(sentence, text):
            per_post[sentence.post.floor] = per_post.get(sentence.post.floor, 0) + 1
            last_of_post[sentence.post.floor] = i
    hits = lexicon_hits(context, lexicon)
    cues = hits.cues
    matches = [_past_lead(m, text) for m in hits.reflections]
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    starts = [m.start for m in matches]
    theme_matches = hits.themes
    theme_starts = [m.start for m in theme_matches]
    speakers = _Speakers(text, cues)
    listing: str | None = None  # the kind of the list of advice or lessons being read
    counted = _ordinal_lists(sentences, text)
    closing_from = int(len(text) * CLOSING)
    dates = [t for t in context.time_expressions if t.value and re.match(r"\d{4}", t.value)]
    out: list[Reflection] = []
    for i, sentence in enumerate(sentences):
        in_sentence = _longest(_bucket(matches, starts, sentence.span))
        member = listing is not None and _continues_list(sentence, text)
        lesson = (listing if member else None) or _in_lessons(sentence, narrative) or counted.get(i)
        intro = _list_intro(sentence, text)
        listing = intro or (listing if member else None)
        if intro is not None and text[sentence.start : sentence.end].rstrip().endswith((":", "：")):
            continue  # "Things I learned:", "明年的计划：": it announces the list, the items say it
        alone = _quote_alone(sentence, text, sentences[i - 1] if i else None, theme_matches, theme_starts,
                             interview=narrative.format == "article" or _spoken_before(sentences, i, cues)) \
            if not thread and _standing_quote(sentence, text) else None
        if alone is not None:
            out.append(alone)
            continue
        inline = _inline_list(sentence, text)
        if inline is not None:
            lesson = inline[0]  # "明年的打算很简单：A；B；C。": each item is one
        if not in_sentence and not lesson and not (sentence.quoted and _speech_share(sentence.span, sentence, cues)):
            continue
        # A short reply states a view of its own; a longer one comes to its point at the end.
        short = sentence.post is not None and (per_post.get(sentence.post.floor, 0) <= SHORT_REPLY
                                               or last_of_post.get(sentence.post.floor) == i)
        counted_items, after_points = _counted_in_sentence(sentence, text) if inline is None else ([], None)
        if inline is not None:
            units = inline[1]
        elif counted_items:
            units = counted_items + ([after_points] if after_points else [])  # "第一,…,第二,…": each point is one
            lesson = lesson or _points_kind(text[max(sentence.start, counted_items[0].start - 24) : counted_items[0].start])
        else:
            units = _units(sentence, in_sentence, text) if in_sentence else _lines(sentence, text)
        before = len(out)
        for unit in units + _quote_units(sentence, units, cues, speakers):
            if unit not in units and any(r.span.start < unit.end and unit.start < r.span.end for r in out[before:]):
                continue  # a saying quoted in a longer stretch that is a reflection already
            if _is_question(text, unit) and not (thread and _rhetorical(unit, in_sentence)) and not any(
                    q.end >= unit.end - 2 and _kept_words(q, sentence, text) and _spoken(cues, sentence, q)
                    for q in sentence.quoted):
                continue  # a question, unless it is words the narrator kept ("她只问了一句：“…？”")
            if sentence.role in SUMMARY_ROLES and _SUMMARY_FIELD.match(text, unit.start, unit.end):
                continue  # "**目的**：…", "Key takeaway: …": a field of a summary describes the document
            if _is_heading(sentence, unit, text):
                continue  # "二、研究发现", "## Things I learned": a heading names what follows
            if cues.any("channel", unit.start, unit.end) is not None:
                continue  # "Thanks for watching …", "下期给大家讲讲…，记得一键三连": words to the audience
            found = [m for m in in_sentence if unit.start <= m.start and m.end <= unit.end]
            weight, needed, notes = weigh(found, unit, sentence, cues, thread, short_reply=short,
                                          closing=unit.start >= closing_from,
                                          dated=any(unit.start <= t.span.start and t.span.end <= unit.end
                                                    for t in dates), study=narrative.format == "article")
            if (lesson and text_size(text[unit.start : unit.end]) <= SAYING and "story -2" not in notes
                    and unit != after_points):
                weight += 2
                notes.append("lessons section +2")
                reply = thread and sentence.post is not None and sentence.post.floor > 0
                needed = min(needed, THRESHOLD + (THREAD_EXTRA if reply and not short else 0))
            if weight < needed:
                continue
            kind, speaker = _kind_and_speaker(sentence, unit, found, cues, thread, speakers,
                                              lesson if isinstance(lesson, str) else "insight")
            if lesson == "resolution" and kind in ("advice", "insight", "opinion"):
                kind = "resolution"  # an item of a list of goals ("For 2023:", "明年的计划："): the narrator's plan
            themes: list[str] = []
            for t in _bucket(theme_matches, theme_starts, unit):
                if t.entry.category not in themes:
                    themes.append(t.entry.category)
            rules = list(dict.fromkeys(m.entry.rule for m in found))
            out.append(Reflection(
                kind=kind, text=unit.of(text), span=unit, themes=themes, speaker=speaker,
                rule="; ".join(rules + notes),
            ))
    remembered = _remembered_words(sentences, text, out, cues, theme_matches, theme_starts)
    if remembered:
        out = sorted(out + remembered, key=lambda r: r.span.start)
    return out


#: A sentence that says the words before it stayed with the narrator ("这句话我记到现在",
#: "I've never forgotten it"): those words were someone's, passed on (the working text is simplified).
_REMEMBERED = re.compile(
    r"[ \t]*(?:(?:这|那)(?:句话|句|话|几句话|番话)[^。！？!?\n]{0,8}?(?:记到(?:了)?现在|记了[^。！？!?\n]{0,6}年|(?:到现在|至今|现在)"
    r"(?:都|还|仍然|依然)?记得|一直(?:都)?记(?:得|着)|记(?:了)?一辈子|忘不了|没忘|刻在|受用)"
    r"|(?i:I(?:'ve| have) never forgotten (?:it|that|those words)|I still remember (?:it|that|those words)"
    r"|(?:that|it|those words) (?:has )?stuck with me|I(?:'ve| have) carried (?:it|that|those words)))")
#: How long such a sentence may be (characters, counting a Latin word as one).
_REMEMBERED_SIZE = 24


def _remembered_words(sentences: Sequence[Sentence], text: str, found: Sequence[Reflection], cues: Cues,
                      theme_matches: Sequence[Match], theme_starts: Sequence[int]) -> list[Reflection]:
    """Quotes of words someone said, told in the sentence before one that says they were kept
    ("师傅跟我说过，活可以慢，不能返工。这句话我记到现在。"): the two sentences, kind ``quote``."""
    out: list[Reflection] = []
    for before, sentence in itertools.pairwise(sentences):
        if (before.paragraph != sentence.paragraph or text_size(text[sentence.start : sentence.end]) > _REMEMBERED_SIZE
                or _REMEMBERED.match(text, sentence.start) is None):
            continue
        if cues.any("speech", before.start, before.end) is None and "：" not in text[before.start : before.end]:
            continue  # the sentence before tells no words said
        span = Span(before.start, sentence.end)
        if any(r.span.start < span.end and span.start < r.span.end for r in found):
            continue
        themes = list(dict.fromkeys(t.entry.category for t in _bucket(theme_matches, theme_starts, span)))
        out.append(Reflection(kind="quote", text=span.of(text), span=span, themes=themes, speaker=None,
                              rule="words remembered"))
    return out


#: Someone named in the sentence before a quotation that stands alone ("受访者陈老师回忆，…"):
#: a name with a title or a familiar prefix, or an English name.
_NAMED = re.compile(r"(?:[小老阿][\u4e00-\u9fff]|[\u4e00-\u9fff](?:老师|先生|女士|小姐|医生|护士|经理|主任|校长|师傅|阿姨|教授|同学))"
                    r"|(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?=\s+(?:said|says|recalled|remembers|told|explained|added|was|is|has|had)\b)")
#: Words whose quotation is a term, not someone's words.
_QUOTED_TERM = re.compile(r"[《》<>]")


def _standing_quote(sentence: Sentence, text: str) -> bool:
    """Whether a sentence is nothing but one quotation of someone's words (“我请假了，谁来上？”),
    a line of an interview or a story told in the words spoken."""
    body = text[sentence.start : sentence.end].strip(_LEAD_CHARS + "\n")
    if len(body) < 8 or body[0] not in "“「『\"" or body.rstrip("。.！!？?")[-1:] not in "”」』\"":
        return False
    inner = body[1:].rstrip("。.！!？?")[:-1]
    return (text_size(inner) >= 6 and not any(c in inner for c in "“”「」『』\"")
            and _QUOTED_TERM.search(inner) is None)


def _quote_alone(sentence: Sentence, text: str, before: Sentence | None, theme_matches: Sequence[Match],
                 theme_starts: Sequence[int], *, interview: bool = False) -> Reflection | None:
    """The quote of a sentence that is one quotation, when the sentence before names its speaker
    (an interviewee: "受访者陈老师回忆，…"), or in an ``interview`` (an article quoting the people
    it studies, or right after someone's words: '… he told me. "Nobody cared."'), whoever
    speaks; elsewhere, without a name, it is a line of a story."""
    speaker = None
    if before is not None and sentence.start - before.end < 200:
        names = _NAMED.findall(text, before.start, before.end)
        if names:
            speaker = names[-1]
    if speaker is None and not interview:
        return None
    themes: list[str] = []
    for t in _bucket(theme_matches, theme_starts, sentence.span):
        if t.entry.category not in themes:
            themes.append(t.entry.category)
    return Reflection(kind="quote", text=sentence.span.of(text), span=sentence.span, themes=themes,
                      speaker=speaker, rule="quotation standing alone")


def _spoken_before(sentences: Sequence[Sentence], i: int, cues: Cues) -> bool:
    """Whether the sentence before ``sentences[i]``, in its paragraph, ends someone's words with a
    speech verb ('"…," he told me.'), so that a quotation right after goes on with them."""
    if i == 0 or sentences[i - 1].paragraph != sentences[i].paragraph:
        return False
    before = sentences[i - 1]
    tail = max(before.start, before.end - 16)
    return bool(before.quoted) and cues.any("speech", tail, before.end) is not None


def _quote_units(sentence: Sentence, units: Sequence[Span], cues: Cues, speakers: _Speakers) -> list[Span]:
    """The clause that introduces a spoken quotation and the quotation, for quotations that
    fill too little of their unit to make it someone's words ("I remember my charge nurse
    said to me "you can't pour from an empty cup" and I just laughed …"). Only whole
    quotations whose speaker is named count."""
    text = cues.text
    out = []
    lines = _lines(sentence, text)
    for q in sentence.quoted:
        if (len(q) < NAMED_SAYING or q.start == 0 or q.end >= len(text) or text[q.start - 1] not in _OPENING
                or text[q.end] not in _CLOSING or not _spoken(cues, sentence, q)):
            continue
        unit = next((u for u in list(units) + lines if u.start <= q.start and q.end <= u.end), None)
        if unit is None or _speech_share(unit, sentence, cues) * SPEECH_SHARE >= len(unit):
            continue
        if not speakers.said_by_other(sentence, q):
            continue
        index = sentence.clause_at(q.start)
        clause = sentence.clauses[index]
        start = clause.start if clause.start < q.start else sentence.clauses[max(0, index - 1)].start
        span = Span(max(start, unit.start), q.end + 1)
        if span != unit:
            out.append(span)
    return out


_OPENING = "“「『\"'‘"
#: "老周跟我说": someone said it to the narrator (我说 after these is not the narrator speaking).
_TO_ME = ("跟", "对", "同", "和", "向", "给", "帮")
_CLOSING = "”」』\"'’"


def _in_posts(sentences: Sequence[Sentence], narrative: Narrative) -> list[Sentence]:
    """Sentences of a thread, each cut to the post it holds when it starts outside every
    post (a comment line "推 user: words   12/14 23:45" whose post is its words)."""
    posts = sorted(narrative.posts, key=lambda p: p.span.start)
    post_starts = [p.span.start for p in posts]
    out = []
    for sentence in sentences:
        if sentence.post is None:
            i = bisect.bisect_left(post_starts, sentence.start)
            if i < len(posts) and posts[i].span.start < sentence.end:
                post: Post = posts[i]
                span = Span(post.span.start, min(sentence.end, post.span.end))
                clauses = [Span(max(c.start, span.start), min(c.end, span.end)) for c in sentence.clauses
                           if c.end > span.start and c.start < span.end]
                quoted = [q for q in sentence.quoted if span.start <= q.start and q.end <= span.end]
                sentence = attrs.evolve(sentence, span=span, clauses=clauses or [span], post=post,
                                        quoted=quoted, size=text_size(span.of(narrative.text)))
        out.append(sentence)
    return out


#: A question that carries its own answer in a thread ("难道…吗", "有必要吗", "isn't it obvious").
_RHETORICAL = "rhetorical"


def _rhetorical(unit: Span, found: Sequence[Match]) -> bool:
    return any(m.entry.term == _RHETORICAL or m.entry.term.startswith(_RHETORICAL + " ")
               for m in found if unit.start <= m.start and m.end <= unit.end)


def _list_intro(sentence: Sentence, text: str) -> str | None:
    """The kind of list a sentence announces: "advice" ("给学弟妹的几个建议："), "insight" ("Lessons:")."""
    if not text[sentence.start : sentence.end].rstrip().endswith((":", "：")):
        return None  # a list is announced by a line that ends with a colon
    intro = LIST_INTRO.search(text, sentence.start, sentence.end)
    if intro is None:
        goal = _GOAL_INTRO.search(text, sentence.start, sentence.end)
        return ("resolution" if goal is not None and (RESOLUTION_HEADING.search(goal.group(0)) or _GOAL_SET.search(goal.group(0)))
                else None)
    words = intro.group(0)
    return "insight" if _LESSONS_LEARNED.search(words) else "advice"


#: Between the items of a list written on one line: ；/; (明年的打算：A；B；C).
_ITEM_CUT = re.compile(r"[；;]")


def _inline_list(sentence: Sentence, text: str) -> tuple[str, list[Span]] | None:
    """A list written inside one sentence: an intro of goals, advice or lessons, a colon, and
    two or more items cut by ；("明年的打算很简单：把一建拿下；每个月至少回一次家。",
    "A few rules: sleep; eat; call your mother."). The kind the intro names, and the items
    (the first with the intro before it)."""
    body = text[sentence.start : sentence.end]
    colon = body.find("：")
    if colon < 0:
        colon = body.find(": ")
    if colon < 0 or _ITEM_CUT.search(body, colon) is None:
        return None
    intro = body[:colon + 1]
    if RESOLUTION_HEADING.search(intro) or _GOAL_SET.search(intro):
        kind = "resolution"
    else:
        words = LIST_INTRO.search(intro)
        if words is None:
            return None
        kind = "insight" if _LESSONS_LEARNED.search(words.group(0)) else "advice"
    items: list[Span] = []
    start = sentence.start  # the first item keeps the intro: what the list is, then its first point
    for cut in [*(m.start() for m in _ITEM_CUT.finditer(text, start, sentence.end)), sentence.end]:
        a, b = start, cut
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t。.！!":
            b -= 1
        if b - a >= 2:
            items.append(Span(a, b))
        start = cut + 1
    return (kind, items) if len(items) >= 2 else None


#: Before a colon: goals the narrator set ("我给自己定了三个目标：", "立了几个flag：").
_GOAL_SET = re.compile(r"(?:定了|立了|定下|列了|给自己定)[^：:\n。]{0,8}(?:目标|flag|计划|规矩|原则)|(?:打算|计划|目标)(?:很简单|是)?[ \t]*[：:]$"
                       r"|(?:做了|下了|定了)[^：:\n。]{0,4}决定[ \t]*[：:]$",
                       re.IGNORECASE)


#: A point counted inside a sentence: "第一，", "第二,", "其次，" (a transcript speaks its list).
#: Spoken without a mark, the count must be in order and name no month, child or time (第一个月, 第二个孩子).
_COUNTED_POINT = re.compile(r"第[一二三四五六七八九十][点个条]?[，,、：:]")
_SPOKEN_POINT = re.compile(r"第([一二三四五六七八九十])(?![点个条]?[月年星礼孩人季周天次回期届位家份步名场轮单台批件套节课集])")


def _spoken_points(text: str, start: int, end: int) -> list[int]:
    """Where the points of a list spoken without marks start ("第一个安全带要挂第二个…"): counted
    from 第一 in order, at least two; else nothing."""
    best: list[int] = []
    marks: list[int] = []
    for m in _SPOKEN_POINT.finditer(text, start, end):
        n = "一二三四五六七八九十".index(m.group(1))
        if n == 0:
            marks = [m.start()]  # a count starts again (第一个赛季…, later 第一 电竞不是…)
        elif n == len(marks) and m.start() - marks[-1] <= SPOKEN_POINT_REACH:
            marks.append(m.start())
        if len(marks) > len(best):
            best = list(marks)
    return best if len(best) >= 2 else []


def _counted_in_sentence(sentence: Sentence, text: str) -> tuple[list[Span], Span | None]:
    """The points of a list counted inside one sentence ("第一,剪辑是门手艺…,第二,学会说不,…"),
    each from its marker to the next, when it counts two or more (else none); and, when the list
    is spoken without marks, what is said after its last point ("…第三个就是身体是本钱 我打算…")."""
    marks = [m.start() for m in _COUNTED_POINT.finditer(text, sentence.start, sentence.end)]
    spoken = len(marks) < 2
    if spoken:
        marks = _spoken_points(text, sentence.start, sentence.end)
    if len(marks) < 2:
        return [], None
    cuts = [*marks, sentence.end]
    items = []
    for a, b in itertools.pairwise(cuts):
        if spoken and b == sentence.end:  # the last point of unpunctuated speech ends where the speaker pauses
            pause = _PAUSE.search(text, a + 6, b)
            if pause is not None:
                b = pause.start()
        while b > a and text[b - 1] in " \t，,。.！!；;":
            b -= 1
        if b - a >= 4:
            items.append(Span(a, b))
    if len(items) < 2:
        return [], None
    if not spoken:
        return items, None
    rest = _strip_span(text, items[-1].end, sentence.end)
    return _short_points_joined(items, text), (rest if rest.end - rest.start >= 4 else None)


#: Words before the points of a list said in one sentence that make them advice ("我给新人的建议就是第一…").
_ADVICE_POINTS = re.compile(r"建议|忠告|提醒|劝|说几句|说两句|嘱咐|(?i:advice|tips?\b)")


def _points_kind(before: str) -> str:
    """The kind of the points of a list counted in a sentence, from the words said before them."""
    return "advice" if _ADVICE_POINTS.search(before) else "insight"


#: A spoken point at most this long (characters) is said in one breath with its neighbours.
SHORT_POINT = 8


def _short_points_joined(items: Sequence[Span], text: str) -> list[Span]:
    """Neighbouring short points of a spoken list as one ("第一记性要好第二嘴要甜第三脚要勤":
    one piece of advice in three words); longer points stay their own."""
    out: list[Span] = []
    for before, item in zip([None, *items], items):
        if (out and before is not None and text_size(text[before.start : before.end]) <= SHORT_POINT
                and text_size(text[item.start : item.end]) <= SHORT_POINT
                and not text[before.end : item.start].strip(" \t，,、；;。")):
            out[-1] = Span(out[-1].start, item.end)
        else:
            out.append(item)
    return out


#: The farthest (in characters) a spoken point starts from the one before.
SPOKEN_POINT_REACH = 120
#: A pause in unpunctuated speech: a space between two Han characters.
_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t，,。.！!；;":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return Span(start, end)


def _continues_list(sentence: Sentence, text: str) -> bool:
    """Whether a sentence is (part of) an item of a list: its line opens with a bullet or a number."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    return _LIST_ITEM.match(text, line_start) is not None


def _ordinal_lists(sentences: Sequence[Sentence], text: str) -> dict[int, str]:
    """The sentences that open an item of a list counted in words (第一，… 第二，…), by index,
    with the kind of what they list.

    A list needs two items or more, each within :data:`LIST_REACH` characters
    of the one before (its paragraphs may be sections of their own): a lone
    "第一，" is a manner of speaking. The items of such a list, when they are
    short and tell no story, are the narrator's points: lessons, advice, views
    (``insight``); after a sentence that sets goals ("给明年定几件事。", "A few
    resolutions for next year."), they are ``resolution``.
    """
    items = [i for i, sentence in enumerate(sentences) if _ORDINAL_ITEM.match(text, sentence.start, sentence.end)]
    out: dict[int, str] = {}
    run: list[int] = []
    for i in items:
        if run and sentences[i].start - sentences[run[-1]].start > LIST_REACH:
            run = []
        run.append(i)
        if len(run) >= 2:
            first = run[0]
            lead = sentences[first - 1] if first else None
            goals = lead is not None and _GOAL_LIST_INTRO.search(text, lead.start, lead.end) is not None
            for j in run:
                out[j] = "resolution" if goals else "insight"
    return out


#: A sentence that announces the narrator's goals before a counted list ("给明年定几件事。",
#: "明年想做三件事：", "A few resolutions for next year.").
_GOAL_LIST_INTRO = re.compile(
    r"(?:明年|新年|来年|新的一年|下一年|接下来|今后|往后|未来一年)[^。！？!?\n]{0,10}(?:几件事|[一二三四五两几]件事|目标|计划|打算|想做|要做)"
    r"|(?:给|为)(?:明年|新年|自己|来年)[^。！？!?\n]{0,6}(?:定|立|列)"
    r"|(?i:\b(?:goals?|plans?|resolutions?|intentions?)\b[^.!?\n]{0,30}\b(?:next year|this year|20\d\d|coming year)"
    r"|\b(?:next year|for 20\d\d|the coming year)\b[^.!?\n]{0,30}\b(?:goals?|plans?|resolutions?|I will|I want to))")


#: A heading that is only a year ("## 2025", "2025年").
_YEAR_HEADING = re.compile(r"[#\s*]*((?:19|20)\d\d)[\s*]*(?:年)?[\s*]*")


def _later_year(heading: str, narrative: Narrative | None) -> bool:
    """Whether ``heading`` is only a year after the one the document was written in: a
    section of plans ("## 2025" in a wrap-up dated 2024-12-30)."""
    m = _YEAR_HEADING.fullmatch(heading)
    if m is None or narrative is None or not narrative.date:
        return False
    written = re.match(r"(\d{4})", str(narrative.date))
    return written is not None and int(m.group(1)) > int(written.group(1))


def _in_lessons(sentence: Sentence, narrative: Narrative | None = None) -> str | None:
    """Whether a sentence sits in a section whose heading announces lessons or advice.

    A heading that is the document's own title ("[心得] 離開外商三年") announces
    a story with lessons in it, not a list of them.
    """
    section = sentence.section
    heading = section.heading if section is not None else None
    if not heading:
        return None
    if narrative is not None and narrative.title and _squash(str(heading)) == _squash(narrative.title):
        return None
    if RESOLUTION_HEADING.search(str(heading)) or _later_year(str(heading), narrative):
        return "resolution"
    if LESSON_HEADING.search(str(heading)) is None:
        return None
    return "advice" if _ADVICE_HEADING.search(str(heading)) else "insight"


#: A line that only names a post's author ("**回覆 #5 — 过来人**"): not one of its sentences.
_BYLINE = re.compile(r"[ \t]*\*\*[^*\n]{1,40}\*\*[ \t]*")


def _is_byline(sentence: Sentence, text: str) -> bool:
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    return _BYLINE.fullmatch(text, line_start, len(text) if line_end < 0 else line_end) is not None


_HEADING_LINE = re.compile(r"[ \t]*#{1,6}[ \t]")
#: "二、研究发现", "3. Findings": a short numbered line without a full stop.
_NUMBERED_HEADING = re.compile(r"[ \t]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]\s*)"
                               r"[^。！？!?.\n]{1,16}")


def _is_heading(sentence: Sentence, unit: Span, text: str) -> bool:
    """Whether ``unit`` is a heading (its section's heading, or a Markdown heading line)."""
    line_start = text.rfind("\n", 0, unit.start) + 1
    if _HEADING_LINE.match(text, line_start) or _NUMBERED_HEADING.fullmatch(text, unit.start, unit.end):
        return True
    heading = sentence.section.heading if sentence.section is not None else None
    return bool(heading) and _squash(str(heading)) == _squash(text[unit.start : unit.end]).lstrip("#")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


#: Words before a speech verb that are not its speaker ("她在电话里哭着说").
_ZH_SPEAKER_TAIL = re.compile(
    r"(?:曾经|曾|常常|常|总是|总|一直|也|还|又|就|都|一再|再三|笑着|哭着|在电话里|在信里|私下|后来|当时|那时"
    r"|对我|对她|对他|对我们|跟我|和我|向我|同我|同佢|成日|经常|时时|到现在|至今|现在|还是|总会|都会|会|回忆|坦言|轻声|认真地|淡淡地"
    r"|讲过|说过|讲|说|一句|只是|只|才|便|这才|终于|最后|直接|倒是|以前|之前|走之前|临走前|第一日就|第一天就|第一次就|私下里|当着[^，,。]{1,8}的面|在[^，,。]{1,6}上|点名)+$")
_ZH_SPEAKER_HEAD = re.compile(r"^(?:而|但|可|后来|当时|那时|只有|就连|连|然后|于是|所以|另一位|另一名|另一个|一位|一名"
                              r"|受访者|被访者|受访的)+")
#: A name that ends with a title or a role ("陈师傅", "王老师", "我妈"), and words after a name that
#: tell what the speaker did before speaking (看了半天才, 想了想).
_ZH_TITLED = re.compile(r"[^，,。]{0,4}?(?:老师|先生|女士|小姐|医生|护士|经理|主任|校长|师傅|阿姨|教授|同学|主管|老板"
                        r"|组长|总监|妈妈|爸爸|我妈|我爸|老婆|老公|太太)")
#: "我第一个主管陈姐", "我以前的老板Ken": a role of the narrator's, then the name of who held it.
_ZH_MY_ROLE_NAME = re.compile(r"^我[^，,。]{0,5}?(?:主管|老板|上司|经理|领导|师傅|师父|导师|前辈|同事|组长|老师)([^，,。的]{2,5})$")
_ZH_I_TO = re.compile(r"^我(?:跟|对|和|同|向|给)[^，,。]{1,6}$")
_ZH_ACTION = re.compile(r"[了着过才就想]")
#: A time before the speaker ("散会后老周", "那天晚上妈妈"): not part of the name.
_ZH_SPEAKER_WHEN = re.compile(r"^[^，,。]{1,6}?(?:之后|以后|后|时|那天|当天|晚上|早上)")
#: Words before a speech verb that do not name someone ("得到的回答", "用他的话说", "换句话说").
_NOT_A_SPEAKER = re.compile(r"[的了着过地得回应询反追提发]$|^(?:用|按|照|借|换句|换个|俗|有句|正如|如|就像|像)|的话$|[0-9A-Za-z]$"
                            r"|[不没别再想要会能]|习惯|试图")
_ZH_PRONOUNS = {"他": "", "她": "", "他们": "", "她们": "", "对方": "", "佢": "", "佢哋": ""}
_ZH_SELF = {"我", "我们", "笔者", "本人"}
_ZH_SPEECH_AFTER = re.compile(
    r"^[”」』\"'’\s，,]*([^，,。！？!?“”「」『』\s]{1,8}?)(?:曾|也|还|又|笑着|哭着)?"
    r"(?:说|表示|坦言|写道|回答|补充道|补充|强调|感叹|提醒)")
_EN_SPEAKER = re.compile(
    r"((?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}?[\w-]+"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[Hh]e|[Ss]he|[Tt]hey|I)"  # "my manager called me into a meeting and said"
    r"\s+(?:(?:once|always|often|later|then|just|used\s+to|would)\s+)?"
    r"(?:said|says|told|tells|asked|wrote|replied|put\s+it|explained|added|admitted|warned|reminded)\b")
#: "my manager called me into a meeting and said …": someone close named before what they did and said.
_EN_SPEAKER_AND = re.compile(
    r"\b((?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+[\w-]+(?:\s+(?![\w-]+(?:ed|s)\b)[\w-]+)?)\s+(?:[\w'-]+\s+){1,8}?and\s+"
    r"(?:said|told|wrote|added)\b")
_EN_SPEECH_AFTER = re.compile(
    r"^[\"”’'\s,]*(?:((?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur)\s+[\w-]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|he|she|they)"
    r"\s+(?:said|says|told|wrote|added|replied)|(?:said|says|added)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\b")
_EN_PRONOUNS = {"he", "she", "they"}
#: A sentence whose subject is someone else: "He …", "她…", "My mentor …", "Dr. Chen …".
_OTHER_SUBJECT = re.compile(r"[ \t*>-]*(?:他|她|佢|对方|(?:He|She|They|(?:His|Her|Their|My|Our)\s+[a-z][\w-]*)\b)")
#: …unless the narrator opens the sentence (我跟老板说).
_SELF_LEAD = re.compile(r"[ \t*>-]*(?:我|I\b)")
#: A pronoun of someone else right before a speech verb ("她说", "他跟我讲", "she told me").
_OTHER_SPEAKS = re.compile(r"(?:他|她|他们|她们|对方|佢|佢哋|\b[Hh]e|\b[Ss]he|\b[Tt]hey|\b(?:[Hh]is|[Hh]er|[Tt]heir)(?:\s+exact)?)\s*"
                           r"(?:也|还|就|又|曾|都|只|跟我|对我|同我|和我|then|just|also|once|always)?\s*$")
#: "林晓雯的建议是：“…”": the words of the one named before 的.
_ZH_WHOSE_WORDS = re.compile(
    r"([^，,。：:；;“”「」\s的]{1,8})的(?:建议|忠告|回答|看法|观点|口头禅|原话|座右铭|名言)(?:是|就是)?[：:，,]?[ \t]*[“「『\"]?$")
#: A reported view: "教育学者王建平认为，…", "她还提醒，…", "Dr. Lee argues that …".
_ZH_REPORTED = re.compile(
    r"[ \t*>-]*([^，,。：:“”「」\s]{1,12}?)(?:也|还|则|更|一直|始终|曾|一再)?(认为|指出|表示|相信|强调|提醒|建议|坦言|直言)[，,：:]?")
_EN_REPORTED = re.compile(
    r"[ \t*>-]*((?:[A-Z][a-z]+\.?\s+)?[A-Z][a-z]+|[Hh]e|[Ss]he|[Tt]hey|[Mm]y\s+[\w-]+)\s+"
    r"(?:also\s+)?(argues|believes|thinks|says|points\s+out|warns|recommends|suggests|advises)\b")


#: "My mentor's advice was simple: "…"": the words of the one named before 's.
_EN_WHOSE_WORDS = re.compile(
    r"((?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)\s+[\w-]+|[A-Z][a-z]+)['’]s\s+(?:advice|words|answer|feedback|motto|reply|line|rule)"
    r"\b[^\"“]{0,24}[:,]?\s*[\"“]?$")


class _Speakers:
    """Who speaks a quotation: the name before or after it (a pronoun names nobody here)."""

    def __init__(self, text: str, cues: Cues) -> None:
        self.text = text
        self.cues = cues

    def _clean_zh(self, words: str) -> str:
        words = re.split(r"[，,。：:；;“”「」『』\s]", words)[-1]
        if len(words) > 8 and "的" in words[:-1]:
            words = words.rsplit("的", 1)[1]  # "转行做培训的赵老师": the one the words describe
        words = _ZH_SPEAKER_HEAD.sub("", _ZH_SPEAKER_TAIL.sub("", words))
        when = _ZH_SPEAKER_WHEN.match(words)
        if when and len(words) - when.end() >= 2:
            words = words[when.end():]
        if _ZH_I_TO.match(words):
            return "我"  # "我跟老板说": the narrator speaks
        boss = _ZH_MY_ROLE_NAME.match(words)
        if boss:
            words = boss.group(1)  # "我第一个主管陈姐": the name, not the role
        titled = _ZH_TITLED.match(words)
        if titled and _ZH_ACTION.search(words, titled.end()):
            words = titled.group(0)  # "陈师傅看了半天才(说)": the one named, not what they did first
        if not 0 < len(words) <= 8 or _NOT_A_SPEAKER.search(words):
            return ""
        return words

    def _resolve(self, name: str) -> str | None:
        if name in _ZH_SELF or name == "I":
            return "narrator"
        if name in _ZH_PRONOUNS or name.lower() in _EN_PRONOUNS:
            return None  # 他/她, he/she: who is meant is not said here
        if name.split()[0] in ("My", "Our", "His", "Her", "Their", "The", "A", "An"):
            name = name[0].lower() + name[1:]
        return name

    def of_quote(self, sentence: Sentence, quote: Span) -> str | None:
        """The speaker of ``quote`` when the sentence names one."""
        text = self.text
        lead = text[sentence.start : quote.start]
        hits = self.cues.within("speech", sentence.start, quote.start)
        if hits and lead.strip() and not lead.isascii():
            name = self._clean_zh(text[sentence.start : hits[-1].start])
            if name:
                return self._resolve(name)
            # "我爸倒是很平静，只说：「…」": the speech verb has no subject of its own; the one the
            # sentence opens with, a titled name or kin ("陈老师", "我爸"), speaks
            opener = _ZH_TITLED.match(text, sentence.start, hits[-1].start)
            if opener is not None and re.search(r"[，,]", text[opener.end() : hits[-1].start]):
                name = self._clean_zh(opener.group(0))
                if name:
                    return self._resolve(name)
        en_whose = _EN_WHOSE_WORDS.search(lead)
        if en_whose:
            return self._resolve(en_whose.group(1))
        whose = _ZH_WHOSE_WORDS.search(lead)
        if whose:
            name = self._clean_zh(whose.group(1))
            if name:
                return self._resolve(name)
        if lead.strip():
            found = [m for m in _EN_SPEAKER.finditer(lead)  # not "a meeting and (said)"
                     if m.group(1).rsplit(None, 1)[-1].lower() not in ("and", "but", "then", "so", "or")]
            others = [m for m in found if m.group(1) != "I"]
            if others and found[-1].group(1) == "I":
                found = others  # "Dana told me something that I wrote on a sticky note:": Dana's words
            if found:
                return self._resolve(found[-1].group(1))
            did = _EN_SPEAKER_AND.search(lead)
            if did:
                return self._resolve(did.group(1))
        after = text[quote.end : sentence.end]
        m = _ZH_SPEECH_AFTER.match(after)
        if m:
            name = self._clean_zh(m.group(1))
            if name:
                return self._resolve(name)
        e = _EN_SPEECH_AFTER.match(after)
        if e:
            return self._resolve(e.group(1) or e.group(2))
        return None

    def said_by_other(self, sentence: Sentence, quote: Span) -> bool:
        """Whether the sentence gives ``quote`` to someone other than the narrator: a name
        (:meth:`of_quote`) or a pronoun right before the speech verb ("她说“…”", "he told me")."""
        return self.who_says(sentence, quote)[1]

    def who_says(self, sentence: Sentence, quote: Span) -> tuple[str | None, bool]:
        """``(name, other)``: the speaker :meth:`of_quote` names, and whether someone other than
        the narrator says ``quote`` (see :meth:`said_by_other`)."""
        name = self.of_quote(sentence, quote)
        if name is not None:
            return name, name != "narrator"
        return None, self._pronoun_speaks(sentence, quote)

    def _pronoun_speaks(self, sentence: Sentence, quote: Span) -> bool:
        hits = self.cues.within("speech", sentence.start, quote.start)
        if not hits:
            # "He described a conflict with his director: "…"": the sentence's own subject, someone
            # else, introduces the quotation with a colon.
            lead = self.text[sentence.start : quote.start].rstrip("“「『\"'‘ ")
            return lead.endswith((":", "：")) and _OTHER_SUBJECT.match(self.text, sentence.start, quote.start) is not None
        if _OTHER_SPEAKS.search(self.text, max(sentence.start, hits[-1].start - 8), hits[-1].start) is not None:
            return True
        # "一位飞了二十年的前辈听到消息，传讯息给我：「…」": a mentor, a colleague, a parent speaks
        lead = self.text[sentence.start : hits[-1].start]
        if _SELF_LEAD.match(lead):
            return False
        return any(self.cues.any(name, sentence.start, hits[-1].start) is not None for name in ("elder", "role", "kin"))

    def reported(self, unit: Span) -> tuple[str | None, str] | None:
        """``(speaker, verb)`` of a view reported in the third person ("王建平认为，…");
        the speaker is ``None`` for a pronoun ("她还提醒，…")."""
        m = _ZH_REPORTED.match(self.text, unit.start, unit.end)
        if m:
            name = self._clean_zh(m.group(1))
            if name and name not in _ZH_SELF and not name.startswith("我"):
                return self._resolve(name), m.group(2)
            return None
        e = _EN_REPORTED.match(self.text, unit.start, unit.end)
        if e and e.group(1) != "I":
            return self._resolve(e.group(1)), e.group(2)
        return None


#: The document speaking of itself ("本文认为", "本研究指出"): its author, the narrator.
_DOCUMENT_SELF = {"本文", "文章", "本研究", "该研究", "这篇文章", "本篇", "研究", "本报告", "报告"}
_REPORTED_KIND = {"提醒": "advice", "建议": "advice", "warns": "advice", "recommends": "advice",
                  "suggests": "advice", "advises": "advice"}


#: How far into a unit (characters) a cue of someone's saying may start and still frame it (我师傅常说).
_QUOTE_LEAD = 6


def _kind_and_speaker(sentence: Sentence, unit: Span, found: Sequence[Match], cues: Cues,
                      thread: bool, speakers: _Speakers | None = None,
                      default: str = "insight") -> tuple[str, str | None]:
    speakers = speakers or _Speakers(cues.text, cues)
    post = sentence.post
    weights: dict[str, int] = {}
    for m in found:
        if m.entry.strength == "weak" and any(o is not m and _spans_statement(o, m) for o in found):
            continue  # "可以" in "客户可以再找，嗓子坏了找不回": a word of the statement, not of its kind
        weights[m.entry.category] = weights.get(m.entry.category, 0) + _WEIGHT.get(m.entry.strength, 0)
    rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    kind = max(weights, key=lambda k: (weights[k], -rank.get(k, 9))) if weights else default
    head = cues.text[unit.start : unit.end]
    lead = len(head) - len(head.lstrip(" \t*>-"))
    if any(m.entry.category == "opinion" and m.start - unit.start <= lead + (0 if m.entry.strength == "weak" else 2)
           for m in found):
        kind = "opinion"  # "我觉得…", "Honestly, …": the whole sentence is framed as a view
    if any(m.entry.category == "quote" and m.entry.strength != "weak" and m.start - unit.start <= lead + _QUOTE_LEAD
           for m in found):
        kind = "quote"  # "我妈常说，…", "师傅教我的第一件事是：…": the sentence passes someone's words on
    spoken = [q for q in sentence.quoted if q.start < unit.end and q.end > unit.start and _spoken(cues, sentence, q)]
    voiced = bool(found) and bool(spoken) and all(any(q.start <= m.start and m.end <= q.end for q in spoken)
                                                  for m in found)  # 他说“这行拼的是耐心”: every cue is in the quote
    if voiced or _speech_share(unit, sentence, cues) * SPEECH_SHARE >= len(unit):
        quoted = spoken
        before = Span(sentence.start, quoted[0].start if quoted else unit.start)
        own = cues.any("self_speech", before.start, before.end)
        # the narrator speaks when no one else does around it ("Dana told me something that I wrote …")
        later = [h for h in cues.within("speech", before.start, before.end)
                 if h.end <= own.start or h.start >= own.end] if own is not None else []
        if own is not None and cues.text[max(0, own.start - 1) : own.start] not in _TO_ME and not later:
            who: str | None = "narrator"
        else:
            who = speakers.of_quote(sentence, quoted[0]) if quoted else None
        if thread and post is not None and who in (None, "narrator") and not (
                quoted and speakers.said_by_other(sentence, quoted[0])):
            who = post.author or ("narrator" if post.floor == 0 else None)
        return "quote", who
    if thread and post is not None:
        author = post.author or ("narrator" if post.floor == 0 else None)
        if post.floor > 0 and kind == "insight" and not any(m.entry.strength == "narrated" for m in found):
            kind = "opinion"  # a reply's general statement is its author's view
        return kind, author
    told = _TOLD_ME.match(cues.text, unit.start, unit.end)
    if told is not None:  # "他跟我说，…": someone else's words, reported
        name = speakers._clean_zh(told.group("who"))
        return "quote", (speakers._resolve(name) if name and name not in _ZH_SELF else None)
    reported = speakers.reported(unit)
    if reported is not None and reported[0] in _DOCUMENT_SELF:
        # "本文认为，教师倦怠应被理解为…": the document's own finding, said by its author
        rest = [m for m in found if not (m.entry.category == "opinion" and m.start - unit.start <= lead + 6)]
        weights = {}
        for m in rest:
            weights[m.entry.category] = weights.get(m.entry.category, 0) + _WEIGHT.get(m.entry.strength, 0)
        return (max(weights, key=lambda k: (weights[k], -rank.get(k, 9))) if weights else "insight"), "narrator"
    if reported is not None:
        who, verb = reported
        return _REPORTED_KIND.get(verb, "opinion"), who
    return kind, "narrator"
