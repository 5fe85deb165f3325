"""Lexicons: the words careernarr's rule-based extractors look for.

A lexicon is a TOML file anyone can read and edit (see
``careernarr/lexicons/README.md``). The built-in ones live in
``careernarr/lexicons/<language>/<lexicon>.toml``; plugins add more through
the ``careernarr_lexicons`` hook (a path to such a file, a folder laid out
like ``careernarr/lexicons/``, or an already-loaded mapping of one file).

Every file names its ``lexicon`` (``events``, ``reflections``, ``themes`` or
``cues``) and its ``language``; each table in it is a category (an event
kind, a reflection kind, a theme) with ``terms`` (enough on their own),
``weak`` terms (they need support from the context) and, for the technically
minded, ``patterns`` (Python regular expressions). The ``cues`` lexicon holds
flat lists instead (negations, hypotheticals, pronouns …).

Term syntax: ``…`` stands for a few words inside one clause, ``……`` for a
longer stretch inside one sentence; in English terms ``*`` stands for the
rest of a word (``resign*``) and words match whole, in any case.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, cast

from attrs import field, frozen

from ..errors import CareerNarrError
from ..model import EVENT_KINDS, REFLECTION_KINDS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "BUILTIN_LANGUAGES",
    "LEXICON_NAMES",
    "Entry",
    "Lexicon",
    "LexiconError",
    "Match",
    "builtin_lexicon",
    "load_lexicon",
    "read_lexicon_file",
]

#: The kinds of lexicon file there are.
LEXICON_NAMES: tuple[str, ...] = ("events", "reflections", "themes", "cues")
#: Languages careernarr ships lexicons for (Chinese in the simplified script).
BUILTIN_LANGUAGES: tuple[str, ...] = ("zh", "en")

#: Cue lists a ``cues`` lexicon may hold, and what each means.
CUE_NAMES: dict[str, str] = {
    "negation": "words that deny what follows (没有辞职, didn't quit)",
    "not_negation": "words that contain a negation but do not deny (不断, 不仅)",
    "hypothetical": "words that make a clause imagined or conditional (如果, if)",
    "modal": "wishes, plans, advice and abilities before a happening (想, 打算, want to)",
    "not_modal": "words that contain a modal but are not one (回想, 理想)",
    "question": "sentence endings that make it a question (吗, ？)",
    "temporal_reference": "words right after an event word that use it as a time (辞职后, 离职前)",
    "moves_on": "words that move the story on from the time told before (后来, 如今, later): no date carries",
    "mental_noun": "nouns after an event word + 的 that make it a thought (辞职的念头)",
    "de_time": "words after an event word + 的 that still tell of it (休假的头两周)",
    "realis": "words that say something did happen (了, 过, 开始, finally)",
    "not_realis": "words that contain a realis word but do not say so (了解, 为了)",
    "narrative": "words that make a sentence tell a story (当我, 让我, when I): general cues count less",
    "purpose": "words right before an event word that make it a goal (为了晋升, in order to)",
    "advice": "words earlier in the sentence that make it advice (我的建议：…提离职, my advice)",
    "kin": "family members: a health word next to them is a family event (我妈中风入院)",
    "opens": "event words of a step that opens the job told right after it (毕业就进了…, graduated and joined …): one job_start event",
    "anaphora": "words right before an event word that point back to one already told (这场转岗)",
    "generic": "words that make a statement general, not one happening (任何, 每个人, anyone)",
    "first_person": "the narrator speaking (我, I)",
    "second_person": "the listener (你, you)",
    "third_person": "someone else (他, 她, she, they)",
    "role": "people named by their role (主管, 老板): someone else when they open a clause",
    "not_person": "words that contain a pronoun but are not one (自我, 其实, 你好)",
    "speech": "verbs that introduce quoted speech (说, 问, said)",
    "self_speech": "the narrator introducing their own words (我说, 我对自己说)",
    "elder": "people who pass sayings on, named by their role (前辈, 师傅, mentor): they speak a quotation",
    "channel": "a speaker's words to the audience of a video or a post (welcome back, 一键三连, 下期见): no reflection",
}

_CLAUSE_GAP_ZH = r"[^。！？!?；;\n，,]{0,12}?"
_SENTENCE_GAP_ZH = r"[^。！？!?；;\n]{0,40}?"
_CLAUSE_GAP_EN = r"[ \t]+(?:[\w'’-]+[ \t]+){0,3}?"
_SENTENCE_GAP_EN = r"[^.!?;\n]{1,80}?"
_LATIN = re.compile(r"[A-Za-z0-9]")


class LexiconError(CareerNarrError, ValueError):
    """A lexicon file or mapping that does not have the expected layout."""


@frozen
class Entry:
    """One thing to look for: a term of a category, and where it comes from.

    ``strength`` is ``strong`` (enough on its own), ``weak`` (needs support),
    ``narrated`` (a strong reflection cue that reports a realization),
    ``general`` (a reflection cue that is strong only in a sentence without
    我/I), ``not`` (an exception that cancels the cues it covers), ``hint`` (a
    topic word that only names the kind of a dated happening) or ``hint verb``
    (a verb that names it ahead of topic words). ``rule``
    (``zh.events.job_end:辞职``) is what extracted items report, so every
    item says which line of which lexicon found it.
    """

    category: str
    term: str
    regex: re.Pattern[str] = field(eq=False, repr=False)
    strength: str = "strong"
    source: str = "zh.events"
    #: Whether the entry is a regular expression of ``patterns`` (its term is the pattern's name).
    pattern: bool = False

    @property
    def rule(self) -> str:
        """``<name>.<lexicon>.<category>:<term>``."""
        return f"{self.source}.{self.category}:{self.term}"


@frozen
class Match:
    """Where an :class:`Entry` was found in a text."""

    entry: Entry
    start: int
    end: int


def _is_latin_term(term: str) -> bool:
    return bool(term) and all(ord(ch) < 0x3000 for ch in term)


def compile_term(term: str, language: str) -> re.Pattern[str]:
    """A regular expression for a lexicon term (see the module docstring)."""
    if not term.strip():
        raise LexiconError("a lexicon term is empty")
    latin = language == "en" or _is_latin_term(term)
    parts = re.split(r"(……|\.\.\.\.\.\.|…|\.\.\.)", term.strip())
    out: list[str] = []
    for part in parts:
        if part in ("…", "..."):
            out.append(_CLAUSE_GAP_EN if latin else _CLAUSE_GAP_ZH)
        elif part in ("……", "......"):
            out.append(_SENTENCE_GAP_EN if latin else _SENTENCE_GAP_ZH)
        elif part:
            out.append(_latin_piece(part) if latin else _han_piece(part))
    body = "".join(out)
    if latin:
        # A term that starts with a wildcard (``*ed``) is only tried where a run of word
        # characters starts: tried inside one it would rescan the run (quadratic time on
        # long runs); the leftmost match, all finditer reports, is the same.
        before = r"(?<![\w'’-])" if body.startswith(_WILDCARD) else r"(?<![A-Za-z0-9])"
        body = rf"{before}{body}(?![A-Za-z0-9])"
    return cast("re.Pattern[str]", LazyPattern(body, re.IGNORECASE))


class LazyPattern:
    """A term's regular expression, compiled the first time it is matched.

    Most terms never are: the lexicon scanner (:mod:`careernarr.extract.cues`)
    finds a term that is its own literal text by that text alone and reads
    only ``pattern`` and ``flags``; compiling the ~4,000 built-in terms up
    front was most of the cost of the first ``parse``. A term's expression is
    built from escaped text and fixed gaps, so it always compiles.
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled expression (made once)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_compiled", "flags", "pattern"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __getstate__(self) -> tuple[str, int]:
        return (self.pattern, self.flags)

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state
        self._compiled = None

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"


_WILDCARD = r"[\w'’-]*"


def _latin_piece(part: str) -> str:
    words = part.strip().split()
    pieces = []
    for word in words:
        pieces.append(r"[\w'’-]*".join(re.escape(w) for w in word.split("*")))
    piece = r"[ \t]+".join(pieces)
    if part[:1].isspace():
        piece = r"[ \t]*" + piece
    return piece


def _han_piece(part: str) -> str:
    out: list[str] = []
    prev = ""
    for ch in part:
        if ch.isspace():
            if out and out[-1] != r"[ \t]*":
                out.append(r"[ \t]*")
            prev = ""
            continue
        if prev and bool(_LATIN.match(prev)) != bool(_LATIN.match(ch)):
            out.append(r"[ \t]*")
        # Taiwan script writes the particle 着 as 著, which OpenCC's t2s keeps (连著, 跟著, 睡不著)
        out.append("[着著]" if ch == "着" else re.escape(ch))
        prev = ch
    return "".join(out)


@frozen
class _Raw:
    """One lexicon file as read: its name, language, source and tables."""

    lexicon: str
    language: str
    name: str
    origin: str
    data: Mapping[str, Any] = field(repr=False)


def read_lexicon_file(path: str | Path) -> list[_Raw]:
    """The event/reflection/theme/cue lexicons in a TOML file or a folder laid out like ``careernarr/lexicons``.

    Lexicons meant for other extractors (``lexicon = "time"``) are left out.
    """
    p = Path(path)
    if p.is_dir():
        found = sorted(f for f in p.glob("*/*.toml") if f.stem in LEXICON_NAMES)
        if not found:
            raise LexiconError(f"{p}: no lexicon files (expected <language>/<lexicon>.toml inside, "
                               f"<lexicon> one of {', '.join(LEXICON_NAMES)})")
        out: list[_Raw] = []
        for f in found:
            out.extend(read_lexicon_file(f))
        return out
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"{p}: cannot read lexicon: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{p}: not valid TOML: {exc}") from None
    default_lexicon = p.stem if p.stem in LEXICON_NAMES else None
    default_language = p.parent.name if default_lexicon else None
    raw = _raw(data, str(p), default_lexicon, default_language)
    return [raw] if raw is not None else []


#: Lexicon kinds read by other extractors; skipped here.
FOREIGN_LEXICONS = frozenset({"time"})


def _raw(data: Mapping[str, Any], origin: str, lexicon: str | None = None,
         language: str | None = None) -> _Raw | None:
    if not isinstance(data, Mapping):
        raise LexiconError(f"{origin}: a lexicon must be a mapping, not {type(data).__name__}")
    lex = data.get("lexicon", lexicon)
    if lex in FOREIGN_LEXICONS:
        return None
    lang = data.get("language", language)
    if lex not in LEXICON_NAMES:
        raise LexiconError(
            f"{origin}: 'lexicon' must be one of {', '.join(sorted(LEXICON_NAMES + tuple(FOREIGN_LEXICONS)))}"
            f" (got {lex!r})")
    if not isinstance(lang, str) or not lang:
        raise LexiconError(f"{origin}: 'language' is missing (expected e.g. \"zh\" or \"en\")")
    name = data.get("name", lang)
    if not isinstance(name, str) or not re.fullmatch(r"[\w-]+", name):
        raise LexiconError(f"{origin}: 'name' must be a short word (got {name!r})")
    return _Raw(str(lex), lang, name, origin, data)


_META_KEYS = {"lexicon", "language", "name", "description"}


def _strings(value: Any, origin: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise LexiconError(f"{origin}: {where} must be a list of strings")
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(f"{origin}: {where} holds {item!r}, expected a non-empty string")
        out.append(item)
    return out


_PATTERN_STRENGTHS = ("strong", "narrated", "general", "weak")


def _patterns(value: Any, origin: str, category: str) -> Iterator[tuple[str, str, str]]:
    """``(name, regex, strength)`` of each pattern: a string, or a table with ``name`` and ``regex``
    (and an optional ``strength``: strong, the default, narrated, general or weak)."""
    if value is None:
        return
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise LexiconError(f"{origin}: [{category}] patterns must be a list")
    for item in value:
        if isinstance(item, str) and item:
            yield item, item, "strong"
        elif (isinstance(item, Mapping) and isinstance(item.get("regex"), str) and isinstance(item.get("name"), str)
              and item.get("strength", "strong") in _PATTERN_STRENGTHS):
            yield item["name"], item["regex"], item.get("strength", "strong")
        else:
            raise LexiconError(f"{origin}: [{category}] patterns holds {item!r}, expected a regular "
                               "expression or a table with 'name', 'regex' and optionally 'strength' "
                               f"({', '.join(_PATTERN_STRENGTHS)})")


def _entries(raw: _Raw) -> Iterator[Entry]:
    source = f"{raw.name}.{raw.lexicon}"
    if raw.lexicon == "cues":
        for key, value in raw.data.items():
            if key in _META_KEYS:
                continue
            if key not in CUE_NAMES:
                raise LexiconError(
                    f"{raw.origin}: unknown cue list {key!r}; known: {', '.join(CUE_NAMES)}")
            for term in _strings(value, raw.origin, key):
                yield Entry(key, term, compile_term(term, raw.language), "strong", source)
        return
    allowed: Sequence[str] | None = {
        "events": EVENT_KINDS, "reflections": REFLECTION_KINDS}.get(raw.lexicon)
    for category, table in raw.data.items():
        if category in _META_KEYS:
            continue
        if allowed is not None and category not in allowed:
            raise LexiconError(
                f"{raw.origin}: [{category}] is not a known {raw.lexicon[:-1]} kind; "
                f"expected one of {', '.join(allowed)}")
        if not isinstance(table, Mapping):
            raise LexiconError(f"{raw.origin}: [{category}] must be a table with 'terms'")
        keys = {"terms", "weak", "narrated", "general", "not", "patterns", "description", "label"}
        if raw.lexicon == "events":
            keys.update(("hints", "hint_verbs"))
        unknown = set(table) - keys
        if unknown:
            raise LexiconError(f"{raw.origin}: [{category}] has unknown keys: {', '.join(sorted(unknown))}"
                               f" (expected {', '.join(sorted(keys - {'label'}))})")
        for term in _strings(table.get("terms"), raw.origin, f"[{category}] terms"):
            yield Entry(category, term, compile_term(term, raw.language), "strong", source)
        for term in _strings(table.get("narrated"), raw.origin, f"[{category}] narrated"):
            yield Entry(category, term, compile_term(term, raw.language), "narrated", source)
        for term in _strings(table.get("general"), raw.origin, f"[{category}] general"):
            yield Entry(category, term, compile_term(term, raw.language), "general", source)
        for term in _strings(table.get("not"), raw.origin, f"[{category}] not"):
            yield Entry(category, term, compile_term(term, raw.language), "not", source)
        for term in _strings(table.get("weak"), raw.origin, f"[{category}] weak"):
            yield Entry(category, term, compile_term(term, raw.language), "weak", source)
        for term in _strings(table.get("hints"), raw.origin, f"[{category}] hints"):
            yield Entry(category, term, compile_term(term, raw.language), "hint", source)
        for term in _strings(table.get("hint_verbs"), raw.origin, f"[{category}] hint_verbs"):
            yield Entry(category, term, compile_term(term, raw.language), "hint verb", source)
        for name, pattern, strength in _patterns(table.get("patterns"), raw.origin, category):
            try:
                regex = re.compile(pattern, re.IGNORECASE if raw.language == "en" else 0)
            except re.error as exc:
                raise LexiconError(f"{raw.origin}: [{category}] pattern {pattern!r}: {exc}") from None
            yield Entry(category, name, regex, strength, source, pattern=True)


@frozen
class Lexicon:
    """Every lexicon in force, compiled: built-in ones first, then plugins'.

    ``events``, ``reflections`` and ``themes`` are lists of entries;
    ``cues`` maps a cue name (``negation`` …) to its entries.
    """

    events: tuple[Entry, ...] = ()
    reflections: tuple[Entry, ...] = ()
    themes: tuple[Entry, ...] = ()
    cues: Mapping[str, tuple[Entry, ...]] = field(factory=dict)
    origins: tuple[str, ...] = ()

    def cue(self, name: str) -> tuple[Entry, ...]:
        """The entries of cue list ``name`` (empty if no lexicon has it)."""
        return self.cues.get(name, ())

    @classmethod
    def from_raw(cls, raws: Iterable[_Raw]) -> Lexicon:
        groups: dict[str, list[Entry]] = {"events": [], "reflections": [], "themes": []}
        cues: dict[str, list[Entry]] = {}
        origins = []
        for raw in raws:
            origins.append(raw.origin)
            for entry in _entries(raw):
                if raw.lexicon == "cues":
                    cues.setdefault(entry.category, []).append(entry)
                else:
                    groups[raw.lexicon].append(entry)
        return cls(tuple(groups["events"]), tuple(groups["reflections"]), tuple(groups["themes"]),
                   {k: tuple(v) for k, v in cues.items()}, tuple(origins))


def _builtin_raws() -> list[_Raw]:
    root = resources.files("careernarr") / "lexicons"
    raws = []
    for lang in BUILTIN_LANGUAGES:
        for name in LEXICON_NAMES:
            res = root / lang / f"{name}.toml"
            if res.is_file():
                data = tomllib.loads(res.read_text(encoding="utf-8"))
                raw = _raw(data, f"careernarr/lexicons/{lang}/{name}.toml", name, lang)
                if raw is not None:
                    raws.append(raw)
    return raws


@functools.lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """careernarr's own lexicons, compiled once."""
    return Lexicon.from_raw(_builtin_raws())


def _extra_raws(extra: Any) -> list[_Raw]:
    if isinstance(extra, (str, Path)):
        return read_lexicon_file(extra)
    if isinstance(extra, Mapping):
        raw = _raw(extra, f"<lexicon mapping {extra.get('name', extra.get('language', '?'))}>")
        return [raw] if raw is not None else []
    raise LexiconError(f"a plugin lexicon must be a path or a mapping, not {type(extra).__name__}")


_CACHE: dict[str, Lexicon] = {}
_CACHE_SIZE = 8


def _cache_key(extras: Sequence[Any]) -> str:
    parts = []
    for extra in extras:
        if isinstance(extra, (str, Path)):
            p = Path(extra)
            stamp = max((f.stat().st_mtime_ns for f in ([p] if p.is_file() else p.glob("*/*.toml"))),
                        default=0) if p.exists() else 0
            parts.append(["path", str(p), stamp])
        else:
            parts.append(["data", extra])
    return json.dumps(parts, sort_keys=True, ensure_ascii=False, default=repr)


def load_lexicon(extras: Sequence[Any] = ()) -> Lexicon:
    """The built-in lexicons plus ``extras`` (paths or mappings from plugins), compiled.

    The result for the same ``extras`` is reused (files are read again when
    they change).
    """
    if not extras:
        return builtin_lexicon()
    key = _cache_key(extras)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    raws = _builtin_raws()
    for extra in extras:
        raws.extend(_extra_raws(extra))
    lexicon = Lexicon.from_raw(raws)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = lexicon
    return lexicon
