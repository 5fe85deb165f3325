"""Simplified ⇄ traditional Chinese with OpenCC, keeping every offset right.

Three jobs (the method is written down in ``docs/script.md``):

- :func:`detect_language` — ``zh-Hans``, ``zh-Hant``, ``en``, ``mixed`` (or
  ``ja``/``und``) from how much OpenCC's ``t2s`` and ``s2t`` would change.
- :func:`convert` — a narrative in another script (``zh-Hans``, ``zh-Hant``,
  ``zh-TW``, ``zh-HK`` or any OpenCC configuration), every span moved onto
  the converted text and a :class:`~careernarr.model.Conversion` kept to map
  spans back to the original.
- :func:`working_form` — the narrative in simplified Chinese for the
  extractors, and the map of their spans back to the user's text.

Alignment: OpenCC converts phrase by phrase, never across a newline, and most
phrases keep their length. The text is converted once; only lines whose
length changed (or, for configurations with regional phrase tables, whose
conversion is not character-for-character) are aligned, by walking the line
against its character-level conversion and checking every length-changing
stretch with OpenCC itself. The result is a short list of blocks
``(orig_start, orig_end, conv_start, conv_end)``; offsets between blocks map
one to one, and a span boundary inside a block snaps outward to the block.
URLs and code (inline and fenced, except Mermaid diagrams) are never
converted.
"""

from __future__ import annotations

import functools
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate, chain, compress, count
from operator import ne
from typing import Any

import attrs

from .errors import CareerNarrError
from .model import (
    Block,
    Conversion,
    Diagram,
    DiagramEdge,
    DiagramNode,
    Narrative,
    Post,
    Section,
    Span,
    Subgraph,
)

__all__ = [
    "SCRIPTS",
    "UnknownScriptError",
    "convert",
    "convert_text",
    "detect_language",
    "resolve_script",
    "script_names",
    "to_original",
    "working_form",
]

#: Script names careernarr accepts besides OpenCC's own configuration names.
SCRIPTS: Mapping[str, str] = {
    "zh-Hans": "t2s",
    "zh-CN": "t2s",
    "zh-SG": "t2s",
    "zh-Hant": "s2t",
    "zh-TW": "s2twp",
    "zh-HK": "s2hk",
    "zh-MO": "s2hk",
}


class UnknownScriptError(CareerNarrError, LookupError):
    """A script name that is neither a language tag careernarr knows nor an OpenCC configuration."""


# --------------------------------------------------------------------------- names


@functools.lru_cache(maxsize=1)
def _opencc_configs() -> tuple[str, ...]:
    import opencc

    return tuple(sorted(c[:-5] for c in opencc.CONFIGS))


def script_names() -> tuple[str, ...]:
    """Every name :func:`convert` accepts: the language tags, then the OpenCC configurations."""
    return (*SCRIPTS, *_opencc_configs())


@functools.lru_cache(maxsize=256)
def resolve_script(name: str) -> str:
    """The OpenCC configuration ``name`` stands for (``zh-TW`` → ``s2twp``)."""
    key = name.strip().replace("_", "-")
    for tag, config in SCRIPTS.items():
        if key.lower() == tag.lower():
            return config
    stem = key[:-5] if key.lower().endswith(".json") else key
    if stem.lower() in _opencc_configs():
        return stem.lower()
    raise UnknownScriptError(
        f"unknown script {name!r}: expected one of {', '.join(SCRIPTS)} "
        f"or an OpenCC configuration ({', '.join(_opencc_configs())})"
    )


# --------------------------------------------------------------------------- OpenCC

#: Han characters of the Basic Multilingual Plane (unified, extension A, compatibility): the
#: character-level maps cover these; the rarer planes are simply walked when they change.
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{_HAN_CLASS}]")
_KANA_RE = re.compile("[\u3040-\u30ff]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
#: Regional phrase tables rewrite vocabulary (软件 → 軟體) and change lengths freely.
_REGIONAL_PHRASES = re.compile(r"(TW|HK)Phrases|JPShinjitaiPhrases")


#: Texts shorter than this are translated with ``str.translate`` even when numpy is there
#: (numpy's fixed cost per call outweighs its speed below about a hundred characters).
_NUMPY_MIN = 128


@functools.cache
def _numpy() -> Any:
    """numpy when it is installed (the ``fast`` extra), else ``None``: the pure-Python paths are used."""
    try:
        import numpy
    except ImportError:  # pragma: no cover - the fallback is tested by replacing _numpy
        return None
    return numpy


@functools.lru_cache(maxsize=1)
def _all_han() -> tuple[str, ...]:
    return tuple(chr(c) for lo, hi in _HAN_RANGES for c in range(lo, hi + 1))


class _Engine:
    """One OpenCC configuration, its character-level map, and how carefully to align it."""

    def __init__(self, config: str) -> None:
        import opencc

        self.config = config
        self._cc = opencc.OpenCC(config)
        self.exact = _uses_regional_phrases(getattr(self._cc, "config", config))
        self._short: dict[str, str] = {}

    def convert(self, text: str) -> str:
        """OpenCC's conversion of ``text``.

        OpenCC's multi-step configurations (``s2twp``, ``tw2sp``, ``s2hk`` …)
        stop at a NUL character and drop the rest; a text holding one is
        converted piece by piece between them, the NULs kept.
        """
        if not text:
            return text
        if "\0" in text:
            return "\0".join(map(self.convert, text.split("\0")))
        out: str = self._cc.convert(text)
        return out

    @functools.cached_property
    def charmap(self) -> dict[int, str]:
        """What each Han character becomes on its own (one-to-one changes only)."""
        chars = _all_han()
        out = self.convert("\n".join(chars)).split("\n")
        if len(out) != len(chars):  # pragma: no cover - OpenCC never merges lines
            return {}
        return {ord(a): b for a, b in zip(chars, out) if a != b and len(b) == 1}

    @functools.cached_property
    def codes(self) -> Any:
        """:attr:`charmap` as a numpy array indexed by code point (every code point, most
        mapping to themselves), for :meth:`translate`."""
        np = _numpy()
        codes = np.arange(0x110000, dtype=np.uint32)
        if self.charmap:
            codes[np.fromiter(self.charmap, np.uint32)] = np.fromiter(map(ord, self.charmap.values()), np.uint32)
        return codes

    def translate(self, text: str) -> str:
        """The character-level conversion of ``text`` (every character as :attr:`charmap` has it).

        With numpy (the ``fast`` extra) a long text is translated as an array
        of code points, about seven times as fast as ``str.translate``; a
        short one, or any without numpy, goes through ``str.translate``. Both
        give the same string.
        """
        np = _numpy()
        if np is None or len(text) < _NUMPY_MIN:
            return text.translate(self.table)
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
        out: str = np.take(self.codes, points).tobytes().decode("utf-32-le", "surrogatepass")
        return out

    @functools.cached_property
    def table(self) -> list[int]:
        """:attr:`charmap` as a list indexed by code point, for ``str.translate``.

        A list lookup is about twice as fast as a dict lookup there; characters
        past the list are left as they are.
        """
        table = list(range(0x10000))
        for k, v in self.charmap.items():
            table[k] = ord(v)
        return table

    def convert_short(self, text: str) -> str:
        """:meth:`convert` for the short stretches alignment checks, remembered."""
        out = self._short.get(text)
        if out is None:
            if len(self._short) > 200_000:
                self._short.clear()
            out = self._short[text] = self.convert(text)
        return out

    def prime(self, texts: list[str]) -> None:
        """Remember OpenCC's conversions of ``texts`` (none holding a newline), in one call."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._short]
        if len(todo) < 2:
            return
        out = self.convert("\n".join(todo)).split("\n")
        if len(out) == len(todo):  # always: OpenCC never crosses a newline
            if len(self._short) > 200_000:
                self._short.clear()
            self._short.update(zip(todo, out))

    @functools.cached_property
    def changing(self) -> re.Pattern[str]:
        """A pattern finding any character this configuration changes on its own."""
        keys = "".join(sorted(chr(k) for k in self.charmap))
        return re.compile(f"[{re.escape(keys)}]") if keys else re.compile(r"(?!)")


def _uses_regional_phrases(config_path: str) -> bool:
    try:
        with open(config_path, encoding="utf-8") as fh:
            files = re.findall(r'"file"\s*:\s*"([^"]+)"', fh.read())
    except OSError:
        return True  # an unknown configuration: align carefully
    return any(_REGIONAL_PHRASES.search(os.path.basename(f)) for f in files)


@functools.cache
def _engine(config: str) -> _Engine:
    return _Engine(config)


# --------------------------------------------------------------------------- protection

_URL_STOP = "\\s<>\"'`，。、；！？）」』》】"
_URL_TAIL_RE = re.compile(f"://[^{_URL_STOP}]+")  # a literal first: scanned at memchr speed
_WWW_RE = re.compile(f"www\\.[A-Za-z0-9-]+\\.[^{_URL_STOP}]+")
_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}$")
_INLINE_CODE_RE = re.compile(r"``[^\n]+?``|`[^`\n]+`")
_FENCE_OPEN_RE = re.compile(r"```+|~~~+")  # spelled so (not `{3,}) for re's fast first-character scan


def _urls(text: str) -> list[tuple[int, int]]:
    """Spans of URLs (``scheme://…``, ``www.…``), stopped by spaces, quotes and CJK punctuation."""
    out: list[tuple[int, int]] = []
    if "://" in text:
        for m in _URL_TAIL_RE.finditer(text):
            scheme = _SCHEME_RE.search(text, max(0, m.start() - 16), m.start())
            if scheme:
                out.append((scheme.start(), m.end()))
    if "www." in text:
        out.extend(m.span() for m in _WWW_RE.finditer(text))
    return out


def _fences(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks (to their closing fence or the end), Mermaid diagrams excepted."""
    out: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _FENCE_OPEN_RE.search(text, pos)
        if m is None:
            return out
        k = m.start()
        line = text.rfind("\n", 0, k) + 1
        if k - line > 3 or text[line:k].strip(" \t"):
            pos = m.end()
            continue
        mark, run = text[k], len(m.group())
        eol = text.find("\n", k)
        if eol < 0:
            eol = len(text)
        closing = re.compile(rf"^[ \t]{{0,3}}{re.escape(mark)}{{{run},}}[ \t]*$", re.MULTILINE).search(text, eol + 1)
        end = closing.end() if closing else len(text)
        if not text[k + run : eol].strip().lower().startswith("mermaid"):
            out.append((line, end))
        pos = max(end, k + run)


def _protected(text: str, extra: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Stretches never converted: URLs, inline code, fenced code (not Mermaid), ``extra``."""
    found = [(s, e) for s, e in extra if e > s]
    if "`" in text or "~~~" in text:
        found.extend(_fences(text))
        found.extend(m.span() for m in _INLINE_CODE_RE.finditer(text))
    if "://" in text or "www." in text:
        found.extend(_urls(text))
    if not found:
        return []
    found.sort()
    merged = [found[0]]
    for s, e in found[1:]:
        if s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


# --------------------------------------------------------------------------- alignment

_K = 2  # Han characters that must agree again after a changed stretch
_MAXD = 8  # the longest stretch (in either text) a phrase change may span
_EXPAND = 6  # how often a stretch OpenCC disagrees with is widened before taking the whole line


def _synced(t: str, a: int, c: str, b: int) -> bool:
    """Whether ``t[a:]`` and ``c[b:]`` agree again: on :data:`_K` characters, on one
    character that is not Han (punctuation, Latin, digits never change), or to the end."""
    ra, rb = len(t) - a, len(c) - b
    if ra == 0 or rb == 0:
        return ra == rb
    if t[a] != c[b]:
        return False
    if ra < _K or rb < _K:
        return (ra == rb and t[a:] == c[b:]) or not _HAN_RE.match(t[a])
    return t[a : a + _K] == c[b : b + _K] or not _HAN_RE.match(t[a])


@functools.lru_cache(maxsize=1)
def _steps() -> tuple[tuple[int, int], ...]:
    """Resynchronisation offsets, shortest first, balanced before lopsided."""
    steps = [(di, dj) for di in range(_MAXD + 1) for dj in range(_MAXD + 1) if di + dj]
    steps.sort(key=lambda s: (s[0] + s[1], abs(s[0] - s[1]), -s[0]))
    return tuple(steps)


def _regions(t: str, c: str) -> list[list[int]]:
    """Stretches where ``t`` (character-level conversion) and ``c`` (OpenCC's) disagree."""
    n, m = len(t), len(c)
    i = j = 0
    out: list[list[int]] = []
    diagonal = -n - 1  # j - i of the diagonal ``diff`` describes (none yet)
    diff = base = end = 0
    while True:
        if j - i != diagonal:
            # The differences along this diagonal, as in _diagonal: one XOR of both sides.
            diagonal, base = j - i, i
            end = i + min(n - i, m - j)
            diff = (int.from_bytes(t[i:end].encode("utf-32-le"), "little")
                    ^ int.from_bytes(c[j : j + end - i].encode("utf-32-le"), "little"))
        elif i > base:
            diff >>= 32 * (i - base)
            base = i
        k = (base + (((diff & -diff).bit_length() - 1) >> 5) if diff else end) - i
        i += k
        j += k
        if i == n and j == m:
            return out
        if i == n or j == m:
            out.append([i, n, j, m])
            return out
        di, dj = _resync(t, i, c, j)
        out.append([i, i + di, j, j + dj])
        i += di
        j += dj


def _resync(t: str, i: int, c: str, j: int) -> tuple[int, int]:
    """Where ``t[i:]`` and ``c[j:]`` (which differ at their start) agree again: the first
    step of :func:`_steps` landing on :func:`_synced` characters, or on both ends; a step
    landing on one equal character (``weak``) is taken when every step two characters
    longer disagrees; failing all, the rest of both.

    (Finding the equal characters with ``str.find`` first and taking them in
    step order gives the same answers and was tried: it is slower, steps
    usually end within a dozen tries.)
    """
    ri, rj = len(t) - i, len(c) - j  # what is left of each
    tw, cw = t[i : i + _MAXD + 1], c[j : j + _MAXD + 1]  # all a step can land on
    weak: tuple[int, int] | None = None
    for di, dj in _STEPS:
        if di < ri and dj < rj:
            if tw[di] != cw[dj]:
                if weak is not None and di + dj > weak[0] + weak[1] + 2:
                    return weak  # one equal character, much nearer than any firm agreement
                continue
            if _synced(t, i + di, c, j + dj):
                return di, dj
            if weak is None:
                weak = (di, dj)
        elif di <= ri and dj <= rj and di - ri == dj - rj:
            return di, dj  # both at their end
    return weak or (ri, rj)


_STEPS = _steps()


@functools.cache
def _before(run: int) -> tuple[tuple[int, int], ...]:
    """The lopsided steps :func:`_regions` tries before the diagonal one ``(run, run)``."""
    steps = _steps()
    return tuple((di, dj) for di, dj in steps[: steps.index((run, run))] if di != dj)


def _diagonal(t: str, c: str) -> bool:
    """Whether :func:`_regions` finds only stretches of equal length on the diagonal of
    two strings of equal length — decided without walking, from where they differ.

    Each run of differing characters must be one the walk would close on the
    diagonal: at most :data:`_MAXD` long, agreeing firmly right after
    (:func:`_synced`), and no lopsided step tried before the diagonal one
    finding an equal character. Anything else (``False``) is left to the walk.
    """
    n = len(t)
    # Where they differ, all at once: the XOR of both as UTF-32 integers is zero exactly
    # on the characters they share; its lowest set bit is the next difference.
    diff = int.from_bytes(t.encode("utf-32-le"), "little") ^ int.from_bytes(c.encode("utf-32-le"), "little")
    base = 0  # diff holds the differences from character ``base`` on
    while True:
        if not diff:
            return True
        p = base + (((diff & -diff).bit_length() - 1) >> 5)
        q = p + 1
        while q < n and t[q] != c[q]:
            q += 1
        run = q - p
        # _synced(t, q, c, q), for two strings of equal length agreeing at q: true at the
        # end, on the last character, on two equal characters, or on one that is not Han.
        if run > _MAXD or (q < n - 1 and t[q + 1] != c[q + 1] and _HAN_RE.match(t[q])):
            return False
        for di, dj in _before(run):
            a, b = p + di, p + dj
            if a < n and b < n and t[a] == c[b]:
                return False
        diff >>= 32 * (q - base)
        base = q


def _edges(a: int, b: int, step: int, limit: int, others: list[list[int]], at: int) -> list[tuple[int, int, int]]:
    """Candidate edges for a block edge at ``(a, b)`` moving by ``step`` (±1).

    Each candidate is ``(a, b, absorbed)``: moving onto a neighbouring
    stretch (``others[at]``, ``others[at + step]`` …) swallows it whole.
    """
    out = [(a, b, 0)]
    taken = 0
    for _ in range(_EXPAND):
        k = at + taken * step
        if 0 <= k < len(others) and others[k][1 if step < 0 else 0] == a:
            a, b = (others[k][0], others[k][2]) if step < 0 else (others[k][1], others[k][3])
            taken += 1
        elif (step < 0 and a > 0) or (step > 0 and a < limit):
            a, b = a + step, b + step
        else:
            break
        out.append((a, b, taken))
    return out


#: Widenings to try (characters added on the left, on the right), fewest first.
_TRIES = tuple(sorted(((li, ri) for li in range(_EXPAND + 1) for ri in range(_EXPAND + 1)),
                      key=lambda p: (p[0] + p[1], max(p))))


@functools.cache
def _tries(lefts: int, rights: int) -> tuple[tuple[int, int], ...]:
    """:data:`_TRIES` within ``lefts`` left and ``rights`` right candidate edges."""
    return tuple((li, ri) for li, ri in _TRIES if li < lefts and ri < rights)


#: The widenings checked in advance, with the stretch itself, in :func:`_align`'s one call.
_PRIMED = _TRIES[:3]


def _align_line(o: str, c: str, regs: list[list[int]], engine: _Engine) -> list[list[int]]:
    """Verified length-changing blocks of one line (line-local offsets), from its stretches ``regs``.

    Every block is checked with OpenCC (``convert(o[a0:a1]) == c[b0:b1]``);
    one that fails is widened, fewest added characters first (a neighbouring
    stretch it reaches is swallowed whole), and after :data:`_EXPAND` steps
    each way the whole line is the block.
    """
    done: list[list[int]] = []
    idx = 0
    short = engine.convert_short
    while idx < len(regs):
        reg = regs[idx]
        a0, a1, b0, b1 = reg
        idx += 1
        if a1 - a0 == b1 - b0 or short(o[a0:a1]) == c[b0:b1]:
            done.append(reg)
            continue
        lefts = _edges(a0, b0, -1, 0, done, len(done) - 1)
        rights = _edges(a1, b1, 1, len(o), regs, idx)
        for li, ri in _tries(len(lefts), len(rights)):
            (l_a, l_b, l_n), (r_a, r_b, r_n) = lefts[li], rights[ri]
            if short(o[l_a:r_a]) == c[l_b:r_b]:
                del done[len(done) - l_n :]
                idx += r_n
                done.append([l_a, r_a, l_b, r_b])
                break
        else:
            return [[0, len(o), 0, len(c)]]
    return [r for r in done if r[1] - r[0] != r[3] - r[2]]


def _align(orig: str, conv: str, engine: _Engine, o_off: int, c_off: int, out: list[Block]) -> None:
    """Append to ``out`` the blocks between ``orig`` and its conversion ``conv``.

    Lines are compared whole first (C-level comparisons); only lines whose
    length changed — or, for configurations with regional phrase tables,
    whose conversion differs from the character-level one — are walked. The
    length-changing stretches the walks find are checked with OpenCC in one
    call (joined by newlines, which OpenCC never crosses) before any is
    widened.
    """
    if orig == conv or (not engine.exact and len(orig) == len(conv)):
        return  # script-level phrases keep their length: nothing moved
    olines = orig.split("\n")
    clines = conv.split("\n")
    if len(olines) != len(clines):  # pragma: no cover - OpenCC never crosses a newline
        out.append((o_off, o_off + len(orig), c_off, c_off + len(conv)))
        return
    tlines: dict[int, str] = {}
    if engine.exact:
        # The character-level conversion of the lines OpenCC changed (one translate call).
        changed = list(compress(count(), map(ne, olines, clines)))
        converted = engine.translate("\n".join([olines[k] for k in changed])).split("\n")
        tlines = dict(zip(changed, converted))
        todo = [k for k, t in tlines.items() if t != clines[k]]
    else:
        todo = list(compress(count(), map(ne, map(len, olines), map(len, clines))))
    walks: list[tuple[int, list[list[int]]]] = []
    checks: list[str] = []
    for k in todo:
        o, c = olines[k], clines[k]
        t = tlines[k] if tlines else engine.translate(o)
        if len(t) == len(c) and _diagonal(t, c):
            continue
        regs = _regions(t, c)
        changing = False
        for a0, a1, b0, b1 in regs:
            if a1 - a0 != b1 - b0:
                # The stretch, and the first widenings _align_line would try.
                checks.extend(o[max(0, a0 - li) : a1 + ri] for li, ri in _PRIMED)
                changing = True
        if changing:
            walks.append((k, regs))
    if not walks:
        return
    engine.prime(checks)
    ostarts = list(accumulate(map(len, olines), initial=o_off))  # line k starts at ostarts[k] + k
    cstarts = list(accumulate(map(len, clines), initial=c_off))
    for k, regs in walks:
        oo, co = ostarts[k] + k, cstarts[k] + k
        for a0, a1, b0, b1 in _align_line(olines[k], clines[k], regs, engine):
            out.append((oo + a0, oo + a1, co + b0, co + b1))


def _convert_text(text: str, engine: _Engine, extra: Iterable[tuple[int, int]] = (),
                  tail: list[str] | None = None) -> tuple[str, list[Block]]:
    """``text`` converted (protected stretches copied) and its blocks.

    ``tail`` — short strings without a newline — rides along in the OpenCC
    call of the text's last stretch (after a newline, which OpenCC never
    crosses), saving a call per narrative; it is replaced by their conversions.
    """
    blocks: list[Block] = []
    regions = _protected(text, extra)
    if not regions:
        conv = _convert_with_tail(text, tail, engine) if tail else engine.convert(text)
        _align(text, conv, engine, 0, 0, blocks)
        return conv, blocks
    parts: list[str] = []
    pos = cpos = 0
    ends = [*regions, (len(text), len(text))]
    gaps = [k for k, (s, _) in enumerate(ends) if s > (ends[k - 1][1] if k else 0)]
    last = gaps[-1] if gaps else -1  # the stretch after the last text to convert
    for k, (s, e) in enumerate(ends):
        if s > pos:
            seg = text[pos:s]
            cseg = _convert_with_tail(seg, tail, engine) if tail and k == last else engine.convert(seg)
            _align(seg, cseg, engine, pos, cpos, blocks)
            parts.append(cseg)
            cpos += len(cseg)
        parts.append(text[s:e])
        cpos += e - s
        pos = e
    if tail and last < 0:  # all of the text is protected
        tail[:] = engine.convert("\n".join(tail)).split("\n")
    return "".join(parts), blocks


def _convert_with_tail(seg: str, tail: list[str], engine: _Engine) -> str:
    """OpenCC's conversion of ``seg``; ``tail`` (no newlines) converted in the same call, in place."""
    out = engine.convert(seg + "\n" + "\n".join(tail))
    cut = len(out)
    for _ in tail:
        cut = out.rfind("\n", 0, cut)
    tail[:] = out[cut + 1 :].split("\n")
    return out[:cut]


def convert_text(text: str, to: str) -> tuple[str, Conversion]:
    """``text`` in script ``to`` and the :class:`Conversion` that maps it back."""
    config = resolve_script(to)
    conv, blocks = _convert_text(text, _engine(config))
    return conv, Conversion(config, text, blocks)


def _compose(first: Conversion, second: Conversion) -> Conversion:
    """One conversion doing ``first`` then ``second`` (``second.original`` is ``first``'s output)."""
    marks = sorted([(b[2], b[3]) for b in first.blocks] + [(b[0], b[1]) for b in second.blocks])
    merged: list[list[int]] = []
    for s, e in marks:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    blocks = []
    for s, e in merged:
        a = first.to_original(Span(s, e))
        b = second.to_converted(Span(s, e))
        if len(a) != len(b):
            blocks.append((a.start, a.end, b.start, b.end))
    return Conversion(f"{first.config}+{second.config}", first.original, blocks)


# --------------------------------------------------------------------------- narratives

_URL_KEYS = frozenset({"url", "urls", "link", "links", "href", "src", "source", "image", "cover", "permalink"})


#: What makes a string need :func:`_convert_text` rather than OpenCC alone: URLs and code.
_MARKERS_RE = re.compile(r"`|://|www\.|~~~")


class _Strings:
    """Converts the short strings of a narrative (titles, names, labels), URLs and code kept.

    :meth:`prime` converts many strings in one OpenCC call (joined by
    newlines, which OpenCC never crosses); those holding a URL or code are
    converted one by one, their URLs and code kept.
    """

    def __init__(self, engine: _Engine) -> None:
        self._engine = engine
        self._cache: dict[str, str] = {}

    def plan(self, strings: Iterable[str]) -> tuple[list[str], bool]:
        """The strings :meth:`prime` would convert in one OpenCC call, less any holding a
        newline, and whether that is all of them."""
        todo = self._unknown(strings)
        joined = "\n".join(todo)
        if joined.count("\n") != len(todo) - 1 or _MARKERS_RE.search(joined):
            return [s for s in todo if "\n" not in s and not _MARKERS_RE.search(s)], False
        return todo, True

    def _unknown(self, strings: Iterable[str]) -> list[str]:
        """``strings`` not converted yet, once each; ASCII ones are remembered as themselves
        (every entry of OpenCC's dictionaries holds a Han character: ASCII never changes)."""
        cache = self._cache
        distinct = dict.fromkeys(strings)
        plain = [s for s in distinct if s.isascii()]
        cache.update(zip(plain, plain))
        return [s for s in distinct if s not in cache]

    def fill(self, strings: list[str], converted: list[str]) -> None:
        """Remember ``converted``, the conversions of ``strings`` (from :meth:`plan`)."""
        self._cache.update(zip(strings, converted))

    def prime(self, strings: Iterable[str]) -> None:
        cache = self._cache
        todo = self._unknown(strings)
        joined = "\n".join(todo)
        if _MARKERS_RE.search(joined):  # rare: strings with a URL or code are left to __call__
            todo = [s for s in todo if not _MARKERS_RE.search(s)]
            joined = "\n".join(todo)
        if not todo:
            return
        out = self._engine.convert(joined).split("\n")
        if len(out) == len(todo):  # no string holds a newline: the common case, all at C speed
            cache.update(zip(todo, out))
            return
        pos = 0
        for s in todo:
            k = s.count("\n") + 1
            cache[s] = out[pos] if k == 1 else "\n".join(out[pos : pos + k])
            pos += k

    def __call__(self, s: str) -> str:
        out = self._cache.get(s)
        if out is None:
            out = _convert_text(s, self._engine)[0] if _HAN_RE.search(s) else s
            self._cache[s] = out
        return out

    def opt(self, s: str | None) -> str | None:
        return None if s is None else self(s)

    def many(self, items: tuple[str, ...]) -> tuple[str, ...]:
        if not items:
            return items
        try:
            out = tuple(map(self._cache.__getitem__, items))  # all primed: the common case
        except KeyError:
            out = tuple(self(s) for s in items)
        return items if out == items else out

    def value(self, v: Any, key: str = "") -> Any:
        if isinstance(v, str):
            return v if key.lower() in _URL_KEYS else self(v)
        if isinstance(v, Mapping):
            return {k: self.value(x, str(k)) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return type(v)(self.value(x, key) for x in v)
        return v


def _strings_in(value: Any, out: list[str], key: str = "") -> None:
    """Append to ``out`` the strings of a metadata value that :meth:`_Strings.value` converts
    (not those under URL-like keys)."""
    if isinstance(value, str):
        if key.lower() not in _URL_KEYS:
            out.append(value)
    elif isinstance(value, Mapping):
        for k, x in value.items():
            _strings_in(x, out, str(k))
    elif isinstance(value, list | tuple):
        for x in value:
            _strings_in(x, out, key)


def _narrative_strings(n: Narrative) -> list[str]:
    """Every short string of ``n`` that conversion may change."""
    out = [s for s in (n.title, n.summary, *n.authors, *n.keywords, *n.tags) if s]
    out.extend(x.heading for x in n.sections if x.heading)
    out.extend(r.speaker for r in n.reflections if r.speaker)
    if n.metadata:
        _strings_in(n.metadata, out)
    if n.posts:
        posts = n.posts
        out.extend([p.author for p in posts if p.author])
        out.extend(chain.from_iterable([p.mentions for p in posts]))
        out.extend(chain.from_iterable([p.author_candidates for p in posts]))
    for d in n.diagrams:
        for node in d.nodes:
            out.append(node.id)
            if node.label:
                out.append(node.label)
        for e in d.edges:
            out.extend((e.source, e.target))
            if e.label:
                out.append(e.label)
        for g in d.subgraphs:
            out.append(g.id)
            if g.title:
                out.append(g.title)
            out.extend(g.nodes)
    return out


_COPIERS: dict[tuple[Any, tuple[str, ...], bool], Callable[..., Any]] = {}


def _copier(cls: Any, changed: tuple[str, ...], *, post_init: bool = True) -> Callable[..., Any]:
    """A function ``(item, *values)`` returning a copy of ``item`` (a ``cls``) with the
    fields named ``changed`` set to ``values`` — ``attrs.evolve`` without its cost.

    The model's value objects are frozen and slotted: the copy is made with
    ``object.__new__`` and each slot's own descriptor, as attrs' generated
    ``__init__`` does, minus the converters and field validators (the values
    are already of the right types: mapped spans, converted strings, tuples).
    A class's ``__attrs_post_init__`` (the :class:`Narrative`'s check that
    every span lies inside its text) still runs, unless ``post_init`` is false
    and the caller has made sure of it. The function is generated
    once per class and set of fields (about four times as fast as a loop over
    the fields).
    """
    copy = _COPIERS.get((cls, changed, post_init))
    if copy is None:
        copy = _COPIERS[cls, changed, post_init] = _make_copier(cls, changed, post_init)
    return copy


def _make_copier(cls: Any, changed: tuple[str, ...], post_init: bool) -> Callable[..., Any]:
    names = [a.name for a in attrs.fields(cls)]
    if not set(changed) <= set(names):
        raise TypeError(f"{cls.__name__} has no field {sorted(set(changed) - set(names))}")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    args = [f"v{i}" for i in range(len(changed))]
    lines = [f"def copy(item, {', '.join(args)}):", "    new = _new(_cls)"]
    for k, name in enumerate(names):
        scope[f"_set{k}"] = cls.__dict__[name].__set__
        value = args[changed.index(name)] if name in changed else f"item.{name}"
        lines.append(f"    _set{k}(new, {value})")
    if post_init and hasattr(cls, "__attrs_post_init__"):
        lines.append("    new.__attrs_post_init__()")
    lines.append("    return new")
    exec("\n".join(lines), scope)  # noqa: S102 - generated from the class's own field names
    copy: Callable[..., Any] = scope["copy"]
    return copy


def _replace(item: Any, **changes: Any) -> Any:
    """``item`` itself when ``changes`` change nothing, else a copy with them (see :func:`_copier`)."""
    for k, v in changes.items():
        old = getattr(item, k)
        if old is not v and old != v:
            break
    else:
        return item
    return _copier(type(item), tuple(changes))(item, *changes.values())


def _forward(step: Conversion) -> Callable[[Span], Span]:
    """``step.to_converted`` for the spans of a narrative, to the offset: the span itself
    where it does not move, and spans built without re-validation (mapping keeps order).

    Offsets past a block's end move by that block's shift (one bisection on
    the block starts); the rarer offsets inside a block or at an insertion go
    through the model's own mapping.
    """
    blocks = step.blocks
    if not blocks:
        return _identity
    at = step._map
    starts = [b[0] for b in blocks]
    first = starts[0]  # before the first block nothing moves
    new_span = _copier(Span, ("start", "end"))

    def fwd(span: Span) -> Span:
        s, e = span.start, span.end
        if e < first:
            return span
        i = bisect_right(starts, s) - 1
        if i < 0:
            a = s
        else:
            a0, a1, _, b1 = blocks[i]
            a = b1 + s - a1 if s >= a1 and a0 != a1 else at(s, 0, False)
        a0, a1, _, b1 = blocks[bisect_right(starts, e) - 1]
        b = b1 + e - a1 if e >= a1 and a0 != a1 else at(e, 0, True)
        if a == s and b == e:
            return span
        moved: Span = new_span(span, a, b)
        return moved

    return fwd


def _language_after(config: str, language: str | None, text: str) -> str | None:
    """The language tag of a narrative once converted: Chinese takes the target script,
    mixed text is detected again, anything else keeps its tag."""
    if language == "mixed":
        return detect_language(text)
    if language is None or not language.startswith("zh"):
        return language
    target = config.split("2", 1)[-1]
    if target in ("s", "sp"):
        return "zh-Hans"
    if target in ("t", "tw", "twp", "hk", "hkp"):
        return "zh-Hant"
    return detect_language(text)


_MERMAID_FENCE_RE = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*mermaid\b", re.IGNORECASE)


def _is_diagram(n: Narrative, span: Span) -> bool:
    """Whether a code section is a diagram (its labels are prose, converted like the text)."""
    return bool(_MERMAID_FENCE_RE.match(n.text, span.start)) or any(span.contains(d.span) for d in n.diagrams)


def _diagram(d: Diagram, span: Span, cs: _Strings) -> Diagram:
    """``d`` at ``span`` with its ids and labels converted (each part itself when unchanged)."""
    opt = cs.opt
    node = _copier(DiagramNode, ("id", "label"))
    edge = _copier(DiagramEdge, ("source", "target", "label"))
    group = _copier(Subgraph, ("id", "title", "nodes"))
    nodes = []
    for x in d.nodes:
        i, label = cs(x.id), opt(x.label)
        nodes.append(x if i == x.id and label == x.label else node(x, i, label))
    edges = []
    for e in d.edges:
        a, b, label = cs(e.source), cs(e.target), opt(e.label)
        edges.append(e if a == e.source and b == e.target and label == e.label else edge(e, a, b, label))
    groups = []
    for g in d.subgraphs:
        i, title, members = cs(g.id), opt(g.title), cs.many(g.nodes)
        groups.append(g if i == g.id and title == g.title and members is g.nodes else group(g, i, title, members))
    new: Diagram = _replace(d, span=span, nodes=tuple(nodes), edges=tuple(edges), subgraphs=tuple(groups))
    return new


def _quoted(items: tuple[Any, ...], text: str, fwd: Callable[[Span], Span] | None,
            cs: _Strings | None = None) -> tuple[Any, ...]:
    """``items`` (of one class) quoting ``text`` at their spans moved by ``fwd`` (none: not
    moved), each quoted again — the item itself when nothing changes. With ``cs``, their
    ``speaker`` is converted too."""
    cls = type(items[0])
    out: list[Any] = []
    append = out.append
    if cs is not None and any(item.speaker for item in items):
        copy3 = _copier(cls, ("span", "text", "speaker"))
        for item in items:
            span = fwd(item.span) if fwd else item.span
            words = text[span.start : span.end]
            speaker = item.speaker and cs(item.speaker)
            if span is item.span and words == item.text and speaker == item.speaker:
                append(item)
            else:
                append(copy3(item, span, words, speaker))
    elif fwd is not None:
        copy = _copier(cls, ("span", "text"))
        for item in items:
            span = fwd(item.span)
            words = text[span.start : span.end]
            append(item if span is item.span and words == item.text else copy(item, span, words))
    else:
        copy1 = _copier(cls, ("text",))
        for item in items:
            span = item.span
            words = text[span.start : span.end]
            append(item if words == item.text else copy1(item, words))
    return tuple(out)


#: The fields :func:`_convert_narrative` sets, in the order it passes them.
_NARRATIVE_CHANGES = ("conversion", "text", "title", "summary", "authors", "keywords", "tags", "metadata",
                      "language", "sections", "posts", "diagrams", "time_expressions", "events", "reflections")


def _convert_narrative(n: Narrative, engine: _Engine, *, keep: bool) -> tuple[Narrative, Conversion]:
    """``n`` converted with ``engine`` and the conversion of this one step.

    With ``keep`` the result records its :class:`Conversion` (composed with
    one ``n`` already had); without, it records none (the working form).
    """
    code = [(s.span.start, s.span.end) for s in n.sections if s.role == "code" and not _is_diagram(n, s.span)]
    cs = _Strings(engine)
    strings = _narrative_strings(n)
    batch, complete = cs.plan(strings)
    tail = list(batch)
    text, blocks = _convert_text(n.text, engine, code, tail)
    if len(tail) == len(batch):
        cs.fill(batch, tail)
    else:  # pragma: no cover - OpenCC never merges lines
        complete = False
    if not complete:
        cs.prime(strings)  # what did not ride along
    step = Conversion(engine.config, n.text, blocks)
    fwd = _forward(step)

    moves = fwd is not _identity

    def sections() -> tuple[Section, ...]:
        out = []
        copy = _copier(Section, ("span", "heading"))
        for sec in n.sections:
            span = fwd(sec.span) if moves else sec.span
            heading = sec.heading if sec.heading is None else cs(sec.heading)
            out.append(sec if span is sec.span and heading == sec.heading else copy(sec, span, heading))
        return tuple(out)

    def posts() -> tuple[Post, ...]:
        out = []
        copy = _copier(Post, ("span", "author", "mentions", "author_candidates"))
        many = cs.many
        for p in n.posts:
            span = fwd(p.span) if moves else p.span
            author = p.author if p.author is None else cs(p.author)
            mentions = many(p.mentions)
            candidates = many(p.author_candidates)
            if span is p.span and author == p.author and mentions is p.mentions and candidates is p.author_candidates:
                out.append(p)
            else:
                out.append(copy(p, span, author, mentions, candidates))
        return tuple(out)

    metadata = cs.value(n.metadata) if n.metadata else n.metadata

    if not keep:
        conversion = None
    elif n.conversion is None:
        conversion = step
    else:
        conversion = _compose(n.conversion, step)
    if len(text) != step.converted_length:  # pragma: no cover - _convert_text builds them together
        raise AssertionError(f"converted text of {len(text)} characters, blocks say {step.converted_length}")
    # Every span is one of n's (inside n.text) moved through ``step``, whose blocks were
    # checked when it was built: so inside ``text``, and Narrative's own check is skipped.
    new: Narrative = _copier(Narrative, _NARRATIVE_CHANGES, post_init=False)(
        n,
        conversion,
        text,
        cs.opt(n.title),
        cs.opt(n.summary),
        cs.many(n.authors),
        cs.many(n.keywords),
        cs.many(n.tags),
        metadata,
        _language_after(engine.config, n.language, text),
        sections(),
        posts() if n.posts else (),
        tuple(_diagram(d, fwd(d.span), cs) for d in n.diagrams),
        _quoted(n.time_expressions, text, fwd if moves else None) if n.time_expressions else (),
        _quoted(n.events, text, fwd if moves else None) if n.events else (),
        _quoted(n.reflections, text, fwd if moves else None, cs) if n.reflections else (),
    )
    return new, step


def convert(narrative: Narrative, to: str) -> Narrative:
    """``narrative`` converted to script ``to``, every span moved onto the new text.

    ``to`` is ``zh-Hans``, ``zh-Hant``, ``zh-TW``, ``zh-HK`` (see
    :data:`SCRIPTS`) or an OpenCC configuration name (``s2twp``, ``tw2sp``
    …). The result's ``conversion`` maps spans back to the original text
    (the very first one, when a narrative is converted twice). Raises
    :class:`UnknownScriptError` for a name it does not know.
    """
    return _convert_narrative(narrative, _engine(resolve_script(to)), keep=True)[0]


def to_original(narrative: Narrative, span: Span | tuple[int, int]) -> Span:
    """``span`` of a converted narrative's text, as a span of its original text."""
    if narrative.conversion is None:
        return Span.coerce(span)
    return narrative.conversion.to_original(span)


# --------------------------------------------------------------------------- language

_SAMPLE = 50_000
_CLAUSE_RE = re.compile(r"[\n。！？；，：、!?;]+")


def _changed_count(text: str, config: str) -> int:
    """How many characters of ``text`` OpenCC configuration ``config`` changes."""
    conv = _engine(config).convert(text)
    if conv == text:
        return 0
    if len(conv) == len(text):
        return sum(map(ne, text, conv))
    return sum(
        sum(map(ne, a, b)) + abs(len(a) - len(b))
        for a, b in zip(text.split("\n"), conv.split("\n"))
        if a != b
    )


def _count(regex: re.Pattern[str], text: str) -> int:
    """How many times ``regex`` matches in ``text``, without a list of the matches (one string per Han character)."""
    return regex.subn("", text)[1]


def detect_language(text: str) -> str:
    """``zh-Hans``, ``zh-Hant``, ``en`` or ``mixed`` (``ja``, ``und`` when neither fits).

    Han characters are weighed against Latin words (one word counting as two
    characters): below 30 % Han the text is ``en``, between 30 % and 70 %
    ``mixed``. Chinese text is ``zh-Hant`` when at least 70 % of the
    characters OpenCC would change belong to the ``t2s`` side, ``zh-Hans``
    at most 30 %, ``mixed`` in between; with nothing script-specific it is
    ``zh-Hans`` (converting it is a no-op). Reads the first 50 000
    characters, URLs left out.
    """
    sample = text[:_SAMPLE]
    urls = _urls(sample)
    if urls:
        sample = "".join(sample[s:e] for s, e in zip([0, *(e for _, e in urls)], [*(s for s, _ in urls), len(sample)]))
    han = _count(_HAN_RE, sample)
    words = _count(_LATIN_WORD_RE, sample)
    if han == 0:
        return "en" if words else "und"
    kana = _count(_KANA_RE, sample)
    if kana > 0.2 * (han + kana):
        return "ja"
    share = han / (han + 2 * words)
    if share < 0.3:
        return "en"
    if share < 0.7:
        return "mixed"
    trad = _changed_count(sample, "t2s")
    simp = _changed_count(sample, "s2t")
    if trad + simp == 0:
        return "zh-Hans"
    t_share = trad / (trad + simp)
    if t_share >= 0.7:
        return "zh-Hant"
    if t_share <= 0.3:
        return "zh-Hans"
    return "mixed"


# --------------------------------------------------------------------------- working form

_UNDO_SAMPLE = 20_000


def _clauses(text: str) -> list[str]:
    return _CLAUSE_RE.split(text)


def _round_trip(clauses: list[str], sample: str, back: str, forth: str) -> tuple[list[str], list[bool]]:
    """``sample`` in simplified by ``back`` (as clauses), and which clauses ``forth`` gives back intact."""
    there = _engine(back).convert(sample)
    again = _clauses(_engine(forth).convert(there))
    if len(again) != len(clauses):  # pragma: no cover - punctuation never changes
        return _clauses(there), [False] * len(clauses)
    return _clauses(there), [a == b for a, b in zip(clauses, again)]


def working_config(text: str, language: str | None = None) -> str | None:
    """The OpenCC configuration that brings ``text`` to careernarr's working script, or ``None``.

    - ``None`` (no conversion) when no character of ``text`` would change
      under ``t2s`` — the common case of simplified or English text, checked
      with one regular-expression search.
    - ``t2s`` when the text is mostly simplified (``t2s`` would change fewer
      characters than ``s2t``): only its traditional bits change.
    - Otherwise the variant is read off round trips on a sample: ``hk2s``
      when ``hk2s``→``s2hk`` gives back more clauses than ``tw2s``→``s2tw``
      and ``t2s``→``s2t`` (Hong Kong variants such as 裏, 説); ``t2s`` when
      the ``s2t`` round trip wins (OpenCC's generic traditional); else the
      text is Taiwan style, and ``tw2sp`` (which also turns Taiwan vocabulary
      into mainland vocabulary: 軟體→软件, 記憶體→内存) is chosen when more
      clauses show Taiwan vocabulary (``tw2sp`` changes them beyond ``tw2s``
      and ``s2twp`` restores them) than show mainland vocabulary (``s2twp``
      does not give them back); ``tw2s`` otherwise.

    ``language`` is accepted for symmetry with :func:`detect_language` and
    not needed.
    """
    if not _engine("t2s").changing.search(text):
        return None
    sample = text[:_UNDO_SAMPLE]
    if _changed_count(sample, "t2s") <= _changed_count(sample, "s2t"):
        return "t2s"
    clauses = _clauses(sample)
    tw_s, tw_ok = _round_trip(clauses, sample, "tw2s", "s2tw")
    _, hk_ok = _round_trip(clauses, sample, "hk2s", "s2hk")
    _, t_ok = _round_trip(clauses, sample, "t2s", "s2t")
    tw, hk, generic = sum(tw_ok), sum(hk_ok), sum(t_ok)
    if hk > max(tw, generic):
        return "hk2s"
    if generic > tw:
        return "t2s"
    tw_sp, twp_ok = _round_trip(clauses, sample, "tw2sp", "s2twp")
    taiwan = sum(1 for a, b, ok in zip(tw_s, tw_sp, twp_ok) if ok and a != b)
    mainland = sum(1 for ok, script_ok in zip(twp_ok, tw_ok) if script_ok and not ok)
    if taiwan > mainland:
        return "tw2sp"
    return "tw2s" if tw > generic else "t2s"


def _identity(span: Span) -> Span:
    return span


def working_form(narrative: Narrative) -> tuple[Narrative, Callable[[Span], Span]]:
    """The narrative in careernarr's working script (simplified), and a map of its spans back.

    Every structural span is moved onto the working text; ``back`` maps a
    span of the working text to ``narrative.text``. When nothing would
    change (simplified or English text) the narrative itself is returned.
    """
    config = working_config(narrative.text, narrative.language)
    if config is None:
        return narrative, _identity
    working, step = _convert_narrative(narrative, _engine(config), keep=False)
    if not step.blocks and working.text == narrative.text:
        return narrative, _identity
    return working, step.to_original
