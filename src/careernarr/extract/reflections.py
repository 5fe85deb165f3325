"""Built-in ``reflections`` extractor: what the speaker learned, believes, advises or resolves.

Each readable sentence is weighed by the reflection cues of the lexicons it
contains (each distinct cue once): a strong cue ("本质上", "you should")
counts two, a weak one ("往往", "真正", "always") one, and a cue of a general
statement ("不是……而是", "才是") two in a sentence that does not speak of
我/I, one in a sentence that does. A sentence reaches a reflection with a weight of two that includes a strong
cue, or with three weak ones. Some sentences count less:

* a sentence that tells a story (我 with 了/过, 当我, 以为 …: the ``narrative``
  cues) counts two less, unless a cue reports a realization ("我终于明白",
  "I realized");
* a hypothetical in a sentence that says 我/I ("如果是在两年前，我会…"): an
  imagined story (a conditional about anyone, "技术若不能落地,便只是空中楼阁",
  states a rule; one addressed to you, "如果你…，建议…", is advice);
* in a reply of a thread, a sentence aimed at or about someone (你, 他, op …):
  a turn in the argument rather than a view; and a reply needs one more in
  any case (replies are all views: only the firmly stated ones count).

A clause that opens a general frame ("当一份工作开始吞噬睡眠…时,") does not
make a sentence personal or a story. A quotation someone speaks counts as
a weak cue. Questions are never
reflections. Its kind is that of its heaviest cues
(``insight``, ``advice``, ``resolution``, ``opinion``); words spoken inside a
quotation are a ``quote``; in a thread every reflection is the ``opinion`` of
the post's author, who is its ``speaker``. Themes come from the theme
lexicons. A run-on sentence (a transcript) is read a few clauses at a time.
``rule`` lists the cues that counted and the adjustments made.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..model import Reflection, Span
from .context import ExtractionContext
from .cues import Cues, lexicon_hits
from .dating import LONG_SENTENCE
from .lexicon import Lexicon, Match, load_lexicon
from .sentences import Sentence, sentences_of, text_size
from .subject import _is_speech

__all__ = ["ReflectionExtractor", "find_reflections", "weigh"]

#: Weight a sentence needs to be a reflection.
THRESHOLD = 2
#: Weight a sentence with weak cues only needs.
WEAK_ONLY_THRESHOLD = 3
#: Extra weight a sentence of a reply in a thread needs (replies are all views and
#: turns of an argument; only firmly stated ones count).
THREAD_EXTRA = 1
#: A sentence longer than this mostly describes; it counts one less.
LONG_REFLECTION = 55
#: A sentence at most this long under a lessons heading is a saying of its own.
SAYING = 40
#: Headings of sections that hold lessons, advice or conclusions (心得, "What I learned").
LESSON_HEADING = re.compile(
    r"心得|感悟|感想|体会|领悟|启示|教训|经验|建议|忠告|总结|反思|收获|道理|想说的|给.{0,6}的话|写给"
    r"|lesson|learn|takeaway|advice|tips?\b|reflection|conclusion|wisdom|what i.{0,12}know"
    r"|if i could|note to|dos and don|rules? (?:i|for)", re.IGNORECASE)
_WEIGHT = {"strong": 2, "narrated": 2, "weak": 1}
_KIND_ORDER = ("resolution", "advice", "insight", "opinion", "quote")


class ReflectionExtractor:
    """Finds reflections with the built-in and plugin lexicons."""

    name = "builtin-reflections"
    field = "reflections"

    def extract(self, context: ExtractionContext) -> Sequence[Reflection]:
        """Reflections of ``context.narrative`` (spans into its working text)."""
        return find_reflections(context, load_lexicon(context.lexicons))


def _bucket(matches: Sequence[Match], starts: Sequence[int], span: Span) -> list[Match]:
    i = bisect.bisect_left(starts, span.start)
    out = []
    while i < len(matches) and matches[i].start < span.end:
        if matches[i].end <= span.end:
            out.append(matches[i])
        i += 1
    return out


def _longest(matches: Sequence[Match]) -> list[Match]:
    """Matches that do not overlap: the longest, then the strongest, then the earliest."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.entry.strength == "weak", m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _units(sentence: Sentence, cue_matches: Sequence[Match]) -> list[Span]:
    """The sentence, or for a run-on sentence the clause windows around its cues."""
    if sentence.size <= LONG_SENTENCE:
        return [sentence.span]
    windows: list[Span] = []
    for m in cue_matches:
        w = sentence.window(sentence.clause_at(m.start), before=30, after=20)
        if windows and w.start < windows[-1].end:
            windows[-1] = Span(windows[-1].start, max(w.end, windows[-1].end))
        else:
            windows.append(w)
    return windows


def weigh(cues_found: Sequence[Match], unit: Span, sentence: Sentence, cues: Cues,
          thread: bool) -> tuple[int, int, list[str]]:
    """``(weight, needed, notes)`` of a unit: its cues' weight, the weight it needs, and why."""
    distinct: dict[str, Match] = {}
    for m in cues_found:
        distinct.setdefault(m.entry.rule, m)
    speech = _speech_share(unit, sentence, cues) * 2 >= len(unit)
    scope = _speech_span(unit, sentence, cues) if speech else unit  # a quote speaks for its speaker
    own = _own_clauses(scope, sentence, cues.text)
    personal = _has(cues, "first_person", own)
    strengths = [("weak" if personal else "strong") if m.entry.strength == "general" else m.entry.strength
                 for m in distinct.values()]
    weight = sum(_WEIGHT.get(s, 0) for s in strengths)
    strong = any(s in ("strong", "narrated") for s in strengths)
    reply = thread and sentence.post is not None and sentence.post.floor > 0
    needed = (THRESHOLD if strong else WEAK_ONLY_THRESHOLD) + (THREAD_EXTRA if reply else 0)
    notes: list[str] = []
    if speech:
        weight += 1  # quoted speech: someone's words, a weak cue of its own
        notes.append("quoted speech +1")
    narrated = any(m.entry.strength == "narrated" for m in distinct.values())
    if not narrated and _tells_a_story(own, cues):
        weight -= 2
        notes.append("story -2")
    if text_size(cues.text[unit.start : unit.end]) > LONG_REFLECTION:
        weight -= 1
        notes.append("long -1")
    if personal and cues.any("hypothetical", unit.start, unit.end) is not None:
        weight -= 1
        notes.append("hypothetical -1")
    if reply and _aimed(unit, sentence, cues):
        weight -= 1
        notes.append("aimed at someone -1")
    return weight, needed, notes


def _speech_share(unit: Span, sentence: Sentence, cues: Cues) -> int:
    """How many characters of ``unit`` lie inside quotations someone speaks."""
    quoted = [q for q in sentence.quoted if len(q) >= 6 and _is_speech(cues, sentence, q)]
    return sum(min(q.end, unit.end) - max(q.start, unit.start) for q in quoted
               if q.start < unit.end and q.end > unit.start)


def _speech_span(unit: Span, sentence: Sentence, cues: Cues) -> Span:
    """The quoted speech of ``unit`` (its longest quotation someone speaks)."""
    quoted = [q for q in sentence.quoted if len(q) >= 6 and _is_speech(cues, sentence, q)
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


def _tells_a_story(spans: Sequence[Span], cues: Cues) -> bool:
    """Words that say 我/I and 了, 过, 当我, 以为 … tell the narrator's story."""
    if not _has(cues, "first_person", spans):
        return False
    return _has(cues, "narrative", spans) or _has(cues, "realis", spans)


def _aimed(unit: Span, sentence: Sentence, cues: Cues) -> bool:
    for name in ("second_person", "third_person"):
        for hit in cues.within(name, unit.start, unit.end):
            if sentence.in_quote(hit.start, hit.end) is None:
                return True
    return False


def _is_question(text: str, unit: Span) -> bool:
    tail = text[unit.start : unit.end].rstrip("”’」』）)\"' 。；;")
    return tail.endswith(("？", "?", "吗"))


def find_reflections(context: ExtractionContext, lexicon: Lexicon,
                     sentences: Sequence[Sentence] | None = None) -> list[Reflection]:
    """Reflections found in ``context.narrative`` with ``lexicon``."""
    narrative = context.narrative
    text = narrative.text
    sentences = list(sentences) if sentences is not None else sentences_of(context)
    hits = lexicon_hits(context, lexicon)
    cues = hits.cues
    matches = hits.reflections
    starts = [m.start for m in matches]
    theme_matches = hits.themes
    theme_starts = [m.start for m in theme_matches]
    thread = bool(narrative.posts)
    out: list[Reflection] = []
    for sentence in sentences:
        in_sentence = _longest(_bucket(matches, starts, sentence.span))
        lesson = _in_lessons(sentence)
        if not in_sentence and not lesson:
            continue
        for unit in _units(sentence, in_sentence) if in_sentence else [sentence.span]:
            if _is_question(text, unit):
                continue
            found = [m for m in in_sentence if unit.start <= m.start and m.end <= unit.end]
            weight, needed, notes = weigh(found, unit, sentence, cues, thread)
            if lesson and text_size(text[unit.start : unit.end]) <= SAYING and "story -2" not in notes:
                weight += 2
                notes.append("lessons section +2")
                reply = thread and sentence.post is not None and sentence.post.floor > 0
                needed = min(needed, THRESHOLD + (THREAD_EXTRA if reply else 0))
            if weight < needed:
                continue
            kind, speaker = _kind_and_speaker(sentence, unit, found, cues, thread)
            themes: list[str] = []
            for t in _bucket(theme_matches, theme_starts, unit):
                if t.entry.category not in themes:
                    themes.append(t.entry.category)
            rules = list(dict.fromkeys(m.entry.rule for m in found))
            out.append(Reflection(
                kind=kind, text=unit.of(text), span=unit, themes=themes, speaker=speaker,
                rule="; ".join(rules + notes),
            ))
    return out


def _in_lessons(sentence: Sentence) -> bool:
    """Whether a sentence sits in a section whose heading announces lessons or advice."""
    section = sentence.section
    heading = section.heading if section is not None else None
    return bool(heading) and LESSON_HEADING.search(str(heading)) is not None


def _kind_and_speaker(sentence: Sentence, unit: Span, found: Sequence[Match], cues: Cues,
                      thread: bool) -> tuple[str, str | None]:
    post = sentence.post
    if thread and post is not None:
        return "opinion", post.author or ("narrator" if post.floor == 0 else None)
    if _speech_share(unit, sentence, cues) * 2 >= len(unit):
        quoted = [q for q in sentence.quoted if q.start < unit.end and q.end > unit.start]
        before = Span(sentence.start, quoted[0].start if quoted else unit.start)
        own = cues.any("self_speech", before.start, before.end) is not None
        return "quote", "narrator" if own else None
    weights: dict[str, int] = {}
    for m in found:
        weights[m.entry.category] = weights.get(m.entry.category, 0) + _WEIGHT.get(m.entry.strength, 0)
    rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    if not weights:
        return "insight", "narrator"  # a saying under a lessons heading
    kind = max(weights, key=lambda k: (weights[k], -rank.get(k, 9)))
    return kind, "narrator"
