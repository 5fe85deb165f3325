"""Finding lexicon words in a text once, and asking where they are.

:class:`Scanner` finds every entry of a lexicon (or of one entry list) in a
text in one pass: an Aho–Corasick automaton (``ahocorasick-rs``) finds where
each entry's literal prefix occurs, and the entry's own regular expression is
tried only there; the few entries without a literal prefix run over the
text only when it holds a literal they require, and only where they can
start. The result is exactly what running each entry's regular
expression with ``finditer`` over the whole text gives (:func:`find_all`
states it), at a fraction of the cost.

:func:`lexicon_hits` does it once per document (the extractors share it
through the :class:`~careernarr.extract.context.ExtractionContext`).
:class:`Cues` holds the cue lists found (dropping hits that an exception
list covers, such as 不断 for 不) and answers range questions: is there a
negation between here and there, does a temporal word start right here.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import ahocorasick_rs
from attrs import frozen

from . import scan_plans
from .context import ExtractionContext
from .lexicon import Entry, Lexicon, Match

try:  # Python ≥ 3.11
    import re._constants as _sre_constants  # type: ignore[import-not-found,unused-ignore]
    import re._parser as _sre_parser  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef,unused-ignore]
    import sre_parse as _sre_parser  # type: ignore[no-redef,unused-ignore]

__all__ = ["Cues", "LexiconHits", "Scanner", "find_all", "fold", "lexicon_hits", "literal_prefixes", "plan_of",
           "required_literals", "start_anchors"]

#: Cue lists and the exception list that cancels their hits.
_EXCEPTIONS = {
    "negation": "not_negation",
    "modal": "not_modal",
    "realis": "not_realis",
    "first_person": "not_person",
    "second_person": "not_person",
    "third_person": "not_person",
}

#: Characters other than A–Z that ``re.IGNORECASE`` matches to an ASCII letter, and that letter.
ASCII_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD_TABLE: dict[int, int | str] = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_FOLD_TABLE.update({ord(k): v for k, v in ASCII_FOLDS.items()})


def fold(text: str) -> str:
    """``text`` with every character that ``re.IGNORECASE`` matches to an ASCII letter turned into it.

    The result has ``text``'s length (offsets carry over). Other characters
    may be lower-cased too or left alone: only ASCII letters and characters
    without case are looked up in it (see :func:`literal_prefixes`).
    """
    low = text.lower()  # fast; keeps the length unless a character lower-cases to two (İ)
    if len(low) == len(text) and "\u0131" not in text and "\u017f" not in text:
        return low
    return text.translate(_FOLD_TABLE)


def _prefix_char(ch: str, ignorecase: bool) -> str | None:
    """``ch`` as :func:`fold` writes every character that can match it, or None if that is not one character."""
    if ch.isascii():
        return ch.lower()
    if ch in ASCII_FOLDS or ch.lower() != ch:
        return None  # fold() may write it one way or another
    if ignorecase and ch.upper() != ch:
        return None  # a cased character: re.IGNORECASE matches others too
    return ch


@functools.lru_cache(maxsize=8192)
def _parse(pattern: str, flags: int) -> Any:
    """The parsed form of a pattern ``re`` compiled (read by three functions below), or None."""
    try:
        return _sre_parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern re compiled but we cannot read: nothing known about it
        return None


def _zero_width(op: Any) -> bool:
    return op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT, _sre_constants.AT)


def _exact_char(ch: str, ignorecase: bool) -> bool:
    """Whether a text character folds to ``ch`` exactly when it matches ``ch``."""
    if ch.isascii():
        return ignorecase or not ch.isalpha()
    return ch.lower() == ch == ch.upper()


#: At most this many prefixes stand for one entry (``[我你]们`` has two).
_MAX_PREFIXES = 8


def _class_chars(op: Any, arg: Any, ignorecase: bool) -> list[str] | None:
    """The folded characters a one-character item (a literal, or a small set of literals) matches."""
    if op is _sre_constants.LITERAL:
        ch = _prefix_char(chr(arg), ignorecase)
        return None if ch is None else [ch]
    if op is _sre_constants.IN and len(arg) <= 4 and all(o is _sre_constants.LITERAL for o, _ in arg):
        chars = [_prefix_char(chr(a), ignorecase) for _, a in arg]
        if any(ch is None for ch in chars):
            return None
        return sorted({ch for ch in chars if ch is not None})
    return None


def literal_prefixes(regex: re.Pattern[str]) -> tuple[list[str], bool]:
    """Texts one of which every match of ``regex`` starts with, as :func:`fold` writes them (none if unsure).

    Leading look-arounds and anchors are skipped (they match no text); the
    literal characters after them make the prefix, a small set of
    characters (``[ \\t]``) makes one prefix for each, an alternation of
    literals (``(?:is|was)``) one for each and ends it, and so does a
    repeated character (``[ \\t]+``). The flag tells whether there is one prefix, the
    whole expression, and a text matches it exactly where its folded form
    holds the prefix (so the expression need not be run).
    """
    plain = _plain_literal(regex.pattern)
    if plain is not None:
        return _plain_prefixes(plain, regex.flags)
    word = _whole_word(regex.pattern)
    if word is not None:  # "(?<![A-Za-z0-9])quit(?![A-Za-z0-9])": never exact (the guards must run)
        return _plain_prefixes(word, regex.flags)[0], False
    parsed = _parse(regex.pattern, regex.flags)
    if parsed is None:
        return [], False
    ops = list(parsed)
    i = 0
    while i < len(ops) and _zero_width(ops[i][0]):
        i += 1
    ignorecase = bool(regex.flags & re.IGNORECASE)
    prefixes = [""]
    exact = i == 0 and not regex.flags & re.ASCII  # (?a): K is not k, though fold() says so
    for op, arg in ops[i:]:
        repeated = False
        if op is _sre_constants.BRANCH:
            runs = [_literal_run(list(alternative), ignorecase) for alternative in arg[1]]
            exact = False
            if not all(runs) or len(prefixes) * len(runs) > _MAX_PREFIXES:
                break
            prefixes = [p + run for p in prefixes for run in dict.fromkeys(runs)]
            break
        if op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT) and arg[0] >= 1 and len(arg[2]) == 1:
            repeated = True
            op, arg = arg[2][0]
        chars = _class_chars(op, arg, ignorecase)
        if chars is None or len(prefixes) * len(chars) > _MAX_PREFIXES:
            exact = False
            break
        exact = exact and op is _sre_constants.LITERAL and not repeated and _exact_char(chr(arg), ignorecase)
        prefixes = [p + ch for p in prefixes for ch in chars]
        if repeated:
            break
    if not prefixes[0]:
        return [], False
    return prefixes, exact


#: A pattern made of literal characters only: unescaped ones that are not special, and
#: backslashes before characters that are neither letters nor digits (as ``re.escape`` writes).
_PLAIN_PATTERN = re.compile(r"(?:\\[^A-Za-z0-9]|[^\\.^$*+?{}\[\]|()])+")
_UNESCAPE = re.compile(r"\\(.)")


def _plain_literal(pattern: str) -> str | None:
    """The text a pattern of literal characters only matches (``辞职``, ``被\\ 裁``), else None."""
    if _PLAIN_PATTERN.fullmatch(pattern) is None:
        return None
    return _UNESCAPE.sub(r"\1", pattern)


#: The word guards :func:`~careernarr.extract.lexicon.compile_term` puts around a Latin term.
_GUARD_BEFORE = ("(?<![A-Za-z0-9])", "(?<![\\w'’-])")
_GUARD_AFTER = "(?![A-Za-z0-9])"


def _whole_word(pattern: str) -> str | None:
    """The word of a guarded Latin term of literal characters only (``quit``, ``burn-out``), else None."""
    for guard in _GUARD_BEFORE:
        if pattern.startswith(guard) and pattern.endswith(_GUARD_AFTER):
            return _plain_literal(pattern[len(guard) : len(pattern) - len(_GUARD_AFTER)])
    return None


def _plain_prefixes(literal: str, flags: int) -> tuple[list[str], bool]:
    """:func:`literal_prefixes` of a pattern that is the literal ``literal`` (the same answer,
    without parsing it: most lexicon terms are such patterns)."""
    ignorecase = bool(flags & re.IGNORECASE)
    exact = not flags & re.ASCII
    chars = []
    for ch in literal:
        folded = _prefix_char(ch, ignorecase)
        if folded is None:
            exact = False
            break
        exact = exact and _exact_char(ch, ignorecase)
        chars.append(folded)
    if not chars:
        return [], False
    return ["".join(chars)], exact


def _literal_run(ops: list[Any], ignorecase: bool) -> str:
    """The folded literal characters ``ops`` start with."""
    chars = []
    for op, arg in ops:
        ch = _prefix_char(chr(arg), ignorecase) if op is _sre_constants.LITERAL else None
        if ch is None:
            break
        chars.append(ch)
    return "".join(chars)


def required_literals(regex: re.Pattern[str]) -> list[str]:
    """Texts one of which every match of ``regex`` holds, as :func:`fold` writes them (none if unsure).

    They are a run of literal characters of the expression's top level, or
    the literal starts of the alternatives of a top-level alternation,
    whichever is longest. A text whose folded form holds none of them has
    no match.
    """
    parsed = _parse(regex.pattern, regex.flags)
    if parsed is None:
        return []
    ops = list(parsed)
    ignorecase = bool(regex.flags & re.IGNORECASE)
    options: list[list[str]] = []
    for i, (op, arg) in enumerate(ops):
        if op is _sre_constants.LITERAL and (i == 0 or ops[i - 1][0] is not _sre_constants.LITERAL):
            run = _literal_run(ops[i:], ignorecase)
            if run:
                options.append([run])
        elif op is _sre_constants.BRANCH:
            runs = [_literal_run(list(alternative), ignorecase) for alternative in arg[1]]
            if all(runs):
                options.append(list(dict.fromkeys(runs)))
    if not options:
        return []
    return max(options, key=lambda texts: min(len(t) for t in texts))


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
}


def _one_char(op: Any, arg: Any) -> str | None:
    """A regular expression for a one-character item (a literal or a set), or None."""
    if op is _sre_constants.LITERAL:
        return re.escape(chr(arg))
    if op is not _sre_constants.IN:
        return None
    parts: list[str] = []
    for o, a in arg:
        if o is _sre_constants.NEGATE and not parts:
            parts.append("^")
        elif o is _sre_constants.LITERAL:
            parts.append(re.escape(chr(a)))
        elif o is _sre_constants.RANGE:
            parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
        elif o is _sre_constants.CATEGORY and str(a) in _CATEGORIES:
            parts.append(_CATEGORIES[str(a)])
        else:
            return None
    return "[" + "".join(parts) + "]"


@frozen
class StartAnchors:
    """Where a match of an expression that opens with ``^`` or look-behinds can start.

    ``(?m)(?:^|(?<=[。！？]))…`` starts at 0 (``at_start``), after a line
    end or after 。！？: each of ``markers`` (an expression and its width)
    finds the characters a start follows.
    """

    at_start: bool
    markers: tuple[tuple[re.Pattern[str], int], ...]

    def positions(self, text: str) -> list[int]:
        """Every offset a match can start at, ascending."""
        found = {0} if self.at_start else set()
        for marker, width in self.markers:
            found.update(m.start() + width for m in marker.finditer(text))
        return sorted(found)


def start_anchors(regex: re.Pattern[str]) -> StartAnchors | None:
    """Where ``regex`` can start, when it opens with anchors and look-behinds of single characters only.

    None for expressions that can match empty text (``finditer`` treats
    those specially) or open otherwise.
    """
    spec = _anchor_spec(regex)
    return None if spec is None else _anchors_of(spec)


def _anchors_of(spec: tuple[bool, tuple[tuple[str, int, int], ...]]) -> StartAnchors:
    return StartAnchors(spec[0], tuple((re.compile(pattern, flags), width) for pattern, flags, width in spec[1]))


def _anchor_spec(regex: re.Pattern[str]) -> tuple[bool, tuple[tuple[str, int, int], ...]] | None:
    """:func:`start_anchors` as data: whether at 0, and each marker's pattern, flags and width."""
    ops = _parse(regex.pattern, regex.flags)
    if ops is None:
        return None
    if not len(ops) or ops.getwidth()[0] == 0:
        return None
    op, arg = ops[0]
    alternatives = arg[1] if op is _sre_constants.BRANCH else [[(op, arg)]]
    at_start = False
    markers: list[tuple[str, int, int]] = []
    flags = regex.flags & (re.IGNORECASE | re.ASCII)
    for alternative in alternatives:
        if len(alternative) != 1:
            return None
        op, arg = alternative[0]
        if op is _sre_constants.AT and arg in (_sre_constants.AT_BEGINNING, _sre_constants.AT_BEGINNING_STRING):
            at_start = True
            if arg is _sre_constants.AT_BEGINNING and regex.flags & re.MULTILINE:
                markers.append(("\n", 0, 1))
        elif op is _sre_constants.ASSERT and arg[0] == -1:  # (?<=…)
            chars = [_one_char(o, a) for o, a in arg[1]]
            if not chars or any(c is None for c in chars):
                return None
            first, rest = chars[0], "".join(c for c in chars[1:] if c is not None)
            markers.append((f"{first}(?={rest})" if rest else f"{first}", int(flags), len(chars)))
        else:
            return None
    return at_start, tuple(markers)


def plan_of(regex: re.Pattern[str]) -> scan_plans.Plan:
    """How a :class:`Scanner` looks for ``regex``: its prefixes, whether they are all of it, what gates it."""
    prefixes, exact = literal_prefixes(regex)
    if not prefixes:
        return scan_plans.Plan((), False, tuple(required_literals(regex)), _anchor_spec(regex))
    required: list[str] = []
    if not exact and _whole_word(regex.pattern) is None:
        # "I realized": its prefix "i " is everywhere, "realized" seldom: tried only where "realized" occurs
        # ("(?<!…)quit(?!…)": the prefix is all the literal text there is; nothing to gate on)
        required = required_literals(regex)
        if not required or min(map(len, required)) <= max(map(len, prefixes)):
            required = []
    return scan_plans.Plan(tuple(prefixes), exact, tuple(required), None)


class Scanner:
    """Named entry lists, indexed so that one pass over a text finds all their entries.

    :meth:`scan` gives, for each list, what :func:`find_all` gives for it.
    """

    def __init__(self, lists: Mapping[str, Iterable[Entry]]) -> None:
        self.names = list(lists)
        #: (list index, entry) of every entry, list by list, in order.
        self.entries: list[tuple[int, Entry]] = [(li, e) for li, name in enumerate(self.names) for e in lists[name]]
        by_prefix: dict[str, list[int]] = {}
        by_gate: dict[str, list[int]] = {}
        #: Entries without a literal prefix: run over the whole text.
        self.slow: set[int] = set()
        #: Entries tried only if the text holds one of their required literals (longer than a prefix).
        self.gated: set[int] = set()
        #: Slow entries that can only start at a line start or after given characters: where.
        self.anchors: dict[int, StartAnchors] = {}
        #: Entries that are their literal prefix: their length (nothing to run).
        self.exact: dict[int, int] = {}
        for k, plan in enumerate(scan_plans.plans([e.regex for _, e in self.entries], plan_of)):
            if not plan.prefixes:
                self.slow.add(k)
                if plan.anchors is not None:
                    self.anchors[k] = _anchors_of(plan.anchors)
                if plan.required:
                    self.gated.add(k)
                for text in plan.required:
                    by_gate.setdefault(text, []).append(k)
                continue
            for prefix in plan.prefixes:
                by_prefix.setdefault(prefix, []).append(k)
            if plan.exact:
                self.exact[k] = len(plan.prefixes[0])
            elif plan.required:
                self.gated.add(k)
                for text in plan.required:
                    by_gate.setdefault(text, []).append(k)
        self.prefixes = list(dict.fromkeys([*by_prefix, *by_gate]))
        #: For each prefix: the entries it starts, and the gated entries it lets run.
        self.groups = [by_prefix.get(p, []) for p in self.prefixes]
        self.gates = [by_gate.get(p, []) for p in self.prefixes]
        self.automaton = ahocorasick_rs.AhoCorasick(self.prefixes) if self.prefixes else None
        self.longest = max(map(len, self.prefixes), default=1)
        _parse.cache_clear()  # the parsed patterns were needed only here

    def candidates(self, text: str) -> tuple[dict[int, array[int]], set[int]]:
        """Entry index → where its literal prefix occurs in ``text`` (ascending); and the entries not gated off.

        The second part holds the slow entries that are not gated and
        the gated entries whose required literal occurs.

        The text is folded and goes through the automaton a thousand
        characters at a time (overlapping by a prefix's length), so the
        list of hits it returns stays small; offsets are kept in arrays.
        """
        run = self.slow - self.gated
        if self.automaton is None or not text:
            return {}, run
        find = self.automaton.find_matches_as_indexes
        overlap = self.longest - 1
        by_prefix: dict[int, array[int]] = {}
        unsorted: set[int] = set()
        for offset in range(0, len(text), _CHUNK):
            # folded a chunk at a time (no folded copy of a long text): fold() is character by character
            for pid, start, _ in find(fold(text[offset : offset + _CHUNK + overlap]), overlapping=True):
                if start >= _CHUNK:
                    continue  # the next chunk's
                got = by_prefix.get(pid)
                if got is None:
                    by_prefix[pid] = got = array("q")
                elif offset + start < got[-1]:
                    unsorted.add(pid)  # not seen: the automaton reports by end, a prefix has one length
                got.append(offset + start)
        out: dict[int, array[int]] = {}
        merged: set[int] = set()
        for pid, starts in by_prefix.items():
            run.update(self.gates[pid])
            if pid in unsorted:
                starts = array("q", sorted(starts))
            for k in self.groups[pid]:
                got = out.get(k)
                if got is None:
                    out[k] = starts
                else:  # an entry with several prefixes: an array of its own
                    out[k] = got + starts
                    merged.add(k)
        for k in merged:
            out[k] = array("q", sorted(out[k]))
        return out, run

    def scan(self, text: str) -> dict[str, list[Match]]:
        """Every match of every entry of each list in ``text`` (see :func:`find_all`)."""
        return dict(self.scan_lists(text))

    def scan_lists(self, text: str) -> Iterator[tuple[str, list[Match]]]:
        """:meth:`scan`, one list after the other (a caller may store each compactly before the next)."""
        candidates, opened = self.candidates(text)
        exact, entries, slow, gated = self.exact, self.entries, self.slow, self.gated
        # entry order, as finditer entry by entry would give
        todo = sorted(k for k in opened.union(candidates) if k in opened or k not in gated)
        j = 0
        for li, name in enumerate(self.names):
            found: list[Match] = []
            nots: list[Match] = []
            while j < len(todo) and entries[todo[j]][0] == li:
                k = todo[j]
                j += 1
                entry = entries[k][1]
                sink = nots if entry.strength == "not" else found
                starts: Sequence[int] | None
                if k in slow:
                    anchors = self.anchors.get(k)
                    if anchors is None:
                        for m in entry.regex.finditer(text):
                            if m.end() > m.start():
                                sink.append(Match(entry, m.start(), m.end()))
                        continue
                    starts = anchors.positions(text)  # tried there only, as below
                else:
                    starts = candidates.get(k)
                    if starts is None:
                        continue
                last = -1
                size = exact.get(k)
                if size is not None:
                    for start in starts:
                        if start >= last:  # finditer goes on after the previous match
                            last = start + size
                            sink.append(Match(entry, start, last))
                    continue
                match = entry.regex.match
                for start in starts:
                    if start < last:
                        continue
                    hit = match(text, start)
                    if hit is not None:
                        last = hit.end()
                        sink.append(Match(entry, start, last))
            found.sort(key=_order)
            if nots:
                nots.sort(key=_order)
                found = _cancel(found, nots)
            yield name, found


def _order(m: Match) -> tuple[int, int]:
    return m.start, m.start - m.end


#: Characters of text per automaton call (see :meth:`Scanner.candidates`).
_CHUNK = 1024

_SCANNERS: dict[int, tuple[object, Scanner]] = {}
_SCANNERS_KEPT = 32


def _scanner(key: object, lists: Mapping[str, Iterable[Entry]]) -> Scanner:
    """The scanner for ``key`` (a lexicon or an entry tuple), built once while ``key`` lives in the cache."""
    cached = _SCANNERS.get(id(key))
    if cached is not None and cached[0] is key:
        return cached[1]
    scanner = Scanner(lists)
    if len(_SCANNERS) >= _SCANNERS_KEPT:
        _SCANNERS.pop(next(iter(_SCANNERS)))
    _SCANNERS[id(key)] = (key, scanner)
    return scanner


def find_all(entries: Iterable[Entry], text: str) -> list[Match]:
    """Every match of every entry in ``text``, sorted by position (longest first).

    That is: each entry's ``regex.finditer(text)`` (empty matches left
    out), in entry order, sorted by start and then by length, longest first
    (a stable sort). Entries of strength ``not`` are exceptions: a hit they
    cover is dropped ("的建议" covers the advice cue "建议").
    """
    if isinstance(entries, tuple):
        scanner = _scanner(entries, {"": entries})
    else:
        scanner = Scanner({"": list(entries)})
    return scanner.scan(text)[""]


def _cancel(hits: list[Match], exceptions: Sequence[Match]) -> list[Match]:
    """``hits`` less those an exception covers (longer, or another term), among the 8 exceptions starting before."""
    if not exceptions:
        return hits
    starts = [e.start for e in exceptions]
    ends = [e.end for e in exceptions]
    kept = []
    for hit in hits:
        start, end = hit.start, hit.end
        i = bisect.bisect_right(starts, start)  # exceptions[i:] start after the hit: they cannot cover it
        covered = False
        for j in range(max(0, i - 8), i):
            if end <= ends[j]:
                exc = exceptions[j]
                if exc.end - exc.start > end - start or exc.entry.term != hit.entry.term:
                    covered = True
                    break
        if not covered:
            kept.append(hit)
    return kept


class Cues:
    """Where each cue list of ``lexicon`` occurs in ``text``.

    ``found`` is what :meth:`Scanner.scan_lists` gives for the cue lists
    (exception lists, ``not_…``, first), when the caller scanned the text
    already (see :func:`scan_lexicon`). Hits are kept as arrays of offsets
    (a :class:`Match` is made when asked for): a text holds thousands.
    """

    def __init__(self, text: str, lexicon: Lexicon, found: Iterable[tuple[str, list[Match]]] | None = None) -> None:
        self.text = text
        self._starts: dict[str, array[int]] = {}
        self._ends: dict[str, array[int]] = {}
        self._entries: dict[str, list[Entry]] = {}
        if found is None:
            found = _scanner(lexicon.cues, _cue_lists(lexicon)).scan_lists(text)
        exceptions: dict[str, list[Match]] = {}
        for name, hits in found:
            if name.startswith("not_"):
                exceptions[name] = hits
                continue
            exc = _EXCEPTIONS.get(name)
            if exc:
                hits = _cancel(hits, exceptions.get(exc, []))
            self._starts[name] = array("q", [h.start for h in hits])
            self._ends[name] = array("q", [h.end for h in hits])
            self._entries[name] = [h.entry for h in hits]

    def _hit(self, name: str, i: int) -> Match:
        return Match(self._entries[name][i], self._starts[name][i], self._ends[name][i])

    def within(self, name: str, start: int, end: int) -> list[Match]:
        """Hits of cue list ``name`` lying entirely inside ``[start, end)``."""
        starts = self._starts.get(name)
        if starts is None:
            return []
        ends, entries = self._ends[name], self._entries[name]
        i = bisect.bisect_left(starts, start)
        out = []
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                out.append(Match(entries[i], starts[i], ends[i]))
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
        starts = self._starts.get(name)
        if starts is None:
            return None
        ends = self._ends[name]
        i = bisect.bisect_left(starts, pos)
        best = None
        while i < len(starts) and starts[i] == pos:
            if best is None or ends[i] > ends[best]:
                best = i
            i += 1
        return None if best is None else self._hit(name, best)

    def ending_at(self, name: str, pos: int, slack: int = 0) -> Match | None:
        """A hit of ``name`` that ends at ``pos`` (or up to ``slack`` characters before)."""
        for hit in self.within(name, max(0, pos - 12), pos):
            if pos - slack <= hit.end <= pos:
                return hit
        return None


@frozen
class LexiconHits:
    """Every entry of a lexicon found in one text: event, reflection and theme matches, and the cues."""

    events: tuple[Match, ...]
    reflections: tuple[Match, ...]
    themes: tuple[Match, ...]
    cues: Cues


def _cue_lists(lexicon: Lexicon, prefix: str = "") -> dict[str, Iterable[Entry]]:
    """The cue lists of ``lexicon``, exception lists (``not_…``) first, names prefixed."""
    names = sorted(lexicon.cues, key=lambda name: not name.startswith("not_"))
    return {prefix + name: lexicon.cues[name] for name in names}


def scan_lexicon(text: str, lexicon: Lexicon) -> LexiconHits:
    """Every entry of ``lexicon`` in ``text``, found in one pass."""
    lists: dict[str, Iterable[Entry]] = _cue_lists(lexicon, "cue:")
    lists.update({"events": lexicon.events, "reflections": lexicon.reflections, "themes": lexicon.themes})
    found: dict[str, tuple[Match, ...]] = {}

    def cue_lists() -> Iterator[tuple[str, list[Match]]]:
        for name, hits in _scanner(lexicon, lists).scan_lists(text):
            if name.startswith("cue:"):
                yield name[4:], hits  # stored compactly by Cues before the next list is scanned
            else:
                found[name] = tuple(hits)

    cues = Cues(text, lexicon, cue_lists())
    return LexiconHits(found["events"], found["reflections"], found["themes"], cues)


def lexicon_hits(context: ExtractionContext, lexicon: Lexicon) -> LexiconHits:
    """:func:`scan_lexicon` of the context's text, done once per context (extractors share it)."""
    # The lexicon is kept with its hits: its id stays its own while the context lives.
    kept = context.memo(("lexicon hits", id(lexicon)), lambda: (lexicon, scan_lexicon(context.text, lexicon)))
    return kept[1]
