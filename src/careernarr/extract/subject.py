"""Whose happening is it: the narrator's, or someone else's.

The narrator is whoever speaks: the author of an essay, the speaker of a
transcript, and in a thread the author of the post (a reply that says 我
tells its own author's story). A clause that says 我/I is the narrator's; a
clause that says 他/她/你/they and not 我 is someone else's; a clause that
says neither takes its sentence's answer (a role noun such as 主管 or 老板
acting in the clause, not as an object, makes it someone else's), and a sentence that says neither
takes the voice of its post or document. People called by a nickname (老周, 小芸, 阿凯) count as
他/她; a person the happening is done with or to (跟他吵了一架, 被她骂了) does not make it theirs,
and a title after the event word (升了主管) is what someone became, not who acted. A document told in the third
person (an article about an engineer) has the voice ``other``. Summaries
written about the document (an abstract, a video description) speak of its
narrator in the third person, so they take the voice of the document's body.
Words inside quoted speech belong to the quoted speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Narrative, Post, Span
from .cues import Cues
from .sentences import SUMMARY_ROLES, Sentence

__all__ = ["Voices", "person_in"]

NARRATOR = "narrator"
OTHER = "other"


def _outside(hits_span: tuple[int, int], quotes: Sequence[Span]) -> bool:
    s, e = hits_span
    return not any(q.start <= s and e <= q.end for q in quotes)


def person_in(cues: Cues, start: int, end: int, quotes: Sequence[Span] = (), *,
              clause: bool = False, opening: bool = False, word: int | None = None) -> str | None:
    """``narrator`` if ``[start, end)`` says 我/I, ``other`` if only 他/你/they, else ``None``.

    Pronouns inside ``quotes`` are skipped (they belong to the quoted speaker). With
    ``clause`` (the words are the event's own clause) a role noun acting there (主管升了副理)
    is someone else too, and English object and possessive forms (their, him) are not: they
    name whom the happening touches, not whose it is. With ``word`` (where the event word
    starts) only a role noun before it acts: after it, the noun is what the happening made
    of someone (2019年升了主管) or whom it touched.
    """
    if any(_outside((h.start, h.end), quotes) for h in cues.within("first_person", start, end)):
        return NARRATOR
    text = cues.text
    for name in ("third_person", "second_person"):
        for h in cues.within(name, start, end):
            if not _outside((h.start, h.end), quotes):
                continue
            if clause and text[h.start : h.end].lower() in _OBJECT_FORMS:
                continue
            if clause and _english_object(text, start, h.start, h.end):
                continue  # "helped a friend's agency", "told my friend": not whose happening it is
            if text[h.start - 1 : h.start] in _WITH_BEFORE and h.start > start:
                continue  # 跟他吵了一架, 被她骂了: the other person is whom the happening touches
            if opening and text[h.start : h.end].lower().replace(" ", "") in _OP_WORDS:
                continue  # 楼主29岁: in the opening post the original poster is the narrator
            return OTHER
    if clause and any(_outside((h.start, h.end), quotes) and _acts(text, start, h.start)
                      and (word is None or h.start < word)
                      for h in cues.within("role", start, end)):
        return OTHER
    return None


#: How a thread names its original poster (someone else, except in the opening post).
_OP_WORDS = frozenset({"楼主", "樓主", "原po", "op", "原帖"})
#: English pronouns that are never the subject of a clause.
_OBJECT_FORMS = frozenset({"him", "his", "her", "hers", "them", "their", "theirs", "himself", "herself",
                           "themselves"})


#: An English person phrase owned by a possessive or right after a past-tense verb is an object.
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_VERB_BEFORE = re.compile(r"\b(?:[a-z]+ed|told|met|saw|took|gave|got|let|made|sent)[ \t]+$", re.IGNORECASE)


def _english_object(text: str, start: int, at: int, end: int) -> bool:
    if not text[at:end].isascii():
        return False
    return (_POSSESSIVE_AFTER.match(text, end) is not None
            or _VERB_BEFORE.search(text, start, at) is not None)


#: Right before a person: the happening is done with, to or for them (跟他吵了一架, 被她骂了), not by them
#: (causatives such as 让他辞职 and 把他裁了 make them whose happening it is, so they are not here).
_WITH_BEFORE = set("跟和与同给对向找问帮替为被")

#: Right before a role noun: it is the object of a verb or preposition (跟主管提了, 被老板骂).
_OBJECT_BEFORE = set("跟和与给对向被把找问为帮让叫替同的求")


def _acts(text: str, start: int, at: int) -> bool:
    """Whether the role noun at ``at`` is the one acting (not an object: 跟主管, 被老板)."""
    before = text[start:at].rstrip(" \t")
    return not before or before[-1] not in _OBJECT_BEFORE


class Voices:
    """The default subject of each post and of the document as a whole."""

    def __init__(self, narrative: Narrative, sentences: Sequence[Sentence], cues: Cues) -> None:
        self._cues = cues
        self.cues = cues
        self._post_counts: dict[int, list[int]] = {}
        body = [0, 0]
        for s in sentences:
            first = sum(1 for h in cues.within("first_person", s.start, s.end)
                        if _outside((h.start, h.end), s.quoted))
            third = sum(1 for h in cues.within("third_person", s.start, s.end)
                        if _outside((h.start, h.end), s.quoted))
            if s.post is not None:
                counts = self._post_counts.setdefault(s.post.floor, [0, 0])
                counts[0] += first
                counts[1] += third
            if s.role not in SUMMARY_ROLES:
                body[0] += first
                body[1] += third
        self.document = _voice(*body)

    def of(self, sentence: Sentence) -> str:
        """The voice a sentence speaks in when it names nobody."""
        post: Post | None = sentence.post
        if post is not None:
            first, third = self._post_counts.get(post.floor, [0, 0])
            return NARRATOR if first or not third else _voice(first, third)
        return self.document

    def subject(self, sentence: Sentence, clause: Span, at: tuple[int, int], *, word: bool = True) -> str:
        """Whose happening the words at ``at`` in ``clause`` of ``sentence`` tell.

        ``word``: ``at`` is the event word (a role noun after it does not act); else a date.
        """
        quote = sentence.in_quote(*at)
        if quote is not None and len(quote) >= 6 and _is_speech(self._cues, sentence, quote):
            before = Span(sentence.start, quote.start)
            if self._cues.any("self_speech", before.start, before.end) is not None:
                return NARRATOR
            return OTHER
        if sentence.role in SUMMARY_ROLES:
            first = person_in(self._cues, clause.start, clause.end, sentence.quoted)
            return first if first == NARRATOR else self.of(sentence)
        opening = sentence.post is not None and sentence.post.floor == 0
        who = person_in(self._cues, clause.start, clause.end, sentence.quoted, clause=True, opening=opening,
                        word=at[0] if word else None)
        if who is None:
            who = person_in(self._cues, sentence.start, sentence.end, sentence.quoted, opening=opening)
        return who or self.of(sentence)


def _is_speech(cues: Cues, sentence: Sentence, quote: Span) -> bool:
    """Whether a quotation is someone's words rather than a quoted term."""
    text = cues.text
    lead = text[max(sentence.start, quote.start - 8) : quote.start]
    if lead.rstrip("“「『\"'‘ ").endswith((":", "：", ",", "，")):
        return True
    return cues.any("speech", max(sentence.start, quote.start - 8), quote.start) is not None


def _voice(first: int, third: int) -> str:
    return OTHER if third >= 3 and third > 2 * first else NARRATOR
