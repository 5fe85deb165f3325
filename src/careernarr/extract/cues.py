"""Finding lexicon words in a text once, and asking where they are.

:class:`Cues` runs every cue list of a :class:`~careernarr.extract.lexicon.Lexicon`
over the whole text (dropping hits that an exception list covers, such as
不断 for 不) and answers range questions: is there a negation between here
and there, does a temporal word start right here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from .lexicon import Entry, Lexicon, Match

__all__ = ["Cues", "find_all"]

#: Cue lists and the exception list that cancels their hits.
_EXCEPTIONS = {
    "negation": "not_negation",
    "modal": "not_modal",
    "realis": "not_realis",
    "first_person": "not_person",
    "second_person": "not_person",
    "third_person": "not_person",
}


def find_all(entries: Iterable[Entry], text: str) -> list[Match]:
    """Every match of every entry in ``text``, sorted by position (longest first).

    Entries of strength ``not`` are exceptions: a hit they cover is dropped
    ("的建议" covers the advice cue "建议").
    """
    found: list[Match] = []
    nots: list[Match] = []
    for entry in entries:
        sink = nots if entry.strength == "not" else found
        for m in entry.regex.finditer(text):
            if m.end() > m.start():
                sink.append(Match(entry, m.start(), m.end()))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    if nots:
        nots.sort(key=lambda m: (m.start, -(m.end - m.start)))
        found = _cancel(found, nots)
    return found


def _cancel(hits: list[Match], exceptions: Sequence[Match]) -> list[Match]:
    if not exceptions:
        return hits
    starts = [e.start for e in exceptions]
    kept = []
    for hit in hits:
        i = bisect.bisect_right(starts, hit.start)
        covered = False
        for exc in exceptions[max(0, i - 8) : i + 1]:
            if exc.start <= hit.start and hit.end <= exc.end and exc.end - exc.start > hit.end - hit.start:
                covered = True
                break
            if exc.start <= hit.start and hit.end <= exc.end and exc.entry.term != hit.entry.term:
                covered = True
                break
        if not covered:
            kept.append(hit)
    return kept


class Cues:
    """Where each cue list of ``lexicon`` occurs in ``text``."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self._hits: dict[str, list[Match]] = {}
        self._starts: dict[str, list[int]] = {}
        exceptions = {name: find_all(lexicon.cue(name), text) for name in set(_EXCEPTIONS.values())}
        for name, entries in lexicon.cues.items():
            if name.startswith("not_"):
                continue
            hits = find_all(entries, text)
            exc = _EXCEPTIONS.get(name)
            if exc:
                hits = _cancel(hits, exceptions.get(exc, []))
            self._hits[name] = hits
            self._starts[name] = [h.start for h in hits]

    def within(self, name: str, start: int, end: int) -> list[Match]:
        """Hits of cue list ``name`` lying entirely inside ``[start, end)``."""
        hits = self._hits.get(name, [])
        starts = self._starts.get(name, [])
        i = bisect.bisect_left(starts, start)
        out = []
        while i < len(hits) and hits[i].start < end:
            if hits[i].end <= end:
                out.append(hits[i])
            i += 1
        return out

    def any(self, name: str, start: int, end: int, *, outside: tuple[int, int] | None = None) -> Match | None:
        """The first hit inside ``[start, end)`` (not overlapping ``outside``), if any."""
        for hit in self.within(name, start, end):
            if outside and hit.start < outside[1] and hit.end > outside[0]:
                continue
            return hit
        return None

    def starting_at(self, name: str, pos: int) -> Match | None:
        """A hit of ``name`` that starts exactly at ``pos`` (the longest)."""
        starts = self._starts.get(name, [])
        hits = self._hits.get(name, [])
        i = bisect.bisect_left(starts, pos)
        best = None
        while i < len(hits) and hits[i].start == pos:
            if best is None or hits[i].end > best.end:
                best = hits[i]
            i += 1
        return best

    def ending_at(self, name: str, pos: int, slack: int = 0) -> Match | None:
        """A hit of ``name`` that ends at ``pos`` (or up to ``slack`` characters before)."""
        for hit in self.within(name, max(0, pos - 12), pos):
            if pos - slack <= hit.end <= pos:
                return hit
        return None
