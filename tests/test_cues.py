"""Lexicon matching: the one-pass scanner finds exactly what each entry's regex finds on its own."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careernarr.extract import cues as cues_mod
from careernarr.extract.context import ExtractionContext
from careernarr.extract.cues import (
    ASCII_FOLDS,
    Cues,
    Scanner,
    find_all,
    fold,
    lexicon_hits,
    literal_prefixes,
    required_literals,
    scan_lexicon,
)
from careernarr.extract.lexicon import Entry, Lexicon, Match, builtin_lexicon, compile_term
from careernarr.extract.sentences import sentences_of
from careernarr.model import Narrative

FIXTURES = Path(__file__).parent / "fixtures"


def reference(entries: Iterable[Entry], text: str) -> list[Match]:
    """What find_all promises: every entry's finditer, in entry order, sorted stably, exceptions applied."""
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
        found = cues_mod._cancel(found, nots)
    return found


def _lists(lexicon: Lexicon) -> dict[str, tuple[Entry, ...]]:
    out = {"events": lexicon.events, "reflections": lexicon.reflections, "themes": lexicon.themes}
    out.update({f"cue:{k}": v for k, v in lexicon.cues.items()})
    return out


def _same(got: list[Match], want: list[Match]) -> bool:
    # Match compares entries by value; identity says it is the very entry (same rule, same list)
    return [(m.entry.rule, id(m.entry), m.start, m.end) for m in got] == [
        (m.entry.rule, id(m.entry), m.start, m.end) for m in want]


def _assert_lexicon_matches_like_finditer(text: str) -> None:
    lexicon = builtin_lexicon()
    lists = _lists(lexicon)
    scanned = Scanner(lists).scan(text)
    for name, entries in lists.items():
        want = reference(entries, text)
        assert _same(scanned[name], want), name
        assert _same(find_all(entries, text), want), name


def _sample_texts() -> list[str]:
    texts = []
    for p in sorted(FIXTURES.rglob("*")):
        if p.is_file() and p.suffix in (".txt", ".md", ".srt", ".vtt") and "hostile" not in p.parts:
            try:
                texts.append(p.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
    return texts


def test_every_builtin_entry_is_found_where_its_regex_finds_it_in_the_fixtures() -> None:
    texts = _sample_texts()
    assert len(texts) > 20
    for text in texts:
        _assert_lexicon_matches_like_finditer(text)


def _fragments() -> list[str]:
    lexicon = builtin_lexicon()
    words: list[str] = []
    for entries in _lists(lexicon).values():
        for entry in entries[::7]:
            if not entry.pattern:
                words.append(entry.term.replace("……", "我觉得").replace("…", "了").replace("*", "ing"))
    words += [w.upper() for w in words[::5]] + [w.title() for w in words[::6]]
    return words + [" ", "  ", "\t", "\n", "\n\n", "，", "。", ". ", "!", "? ", "'", "’", "-", "—", ":",
                    "ſ", "ı", "İ", "\u212a", "é", "É", "ß", "我", "不", "了", "do not ", "Don't ", "ed",
                    "n't", "is a ", "2023", "# ", "> ", "* "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_fragments()), max_size=40))
def test_every_builtin_entry_is_found_where_its_regex_finds_it_in_any_text(parts: list[str]) -> None:
    _assert_lexicon_matches_like_finditer("".join(parts))


#: Expressions with what the prefix reading has to get right: look-behinds, case, sets, alternations.
TRICKY = [
    r"(?<![A-Za-z0-9])i[ \t]+quit(?![A-Za-z0-9])",
    r"(?<![\w'’-])[\w'’-]*ed(?![A-Za-z0-9])",
    r"Kelvin",
    r"kel",
    r"straße",
    r"STRASSE",
    r"résumé",
    r"É+t",
    r"is",
    r"[我你]们",
    r"[Ss]ave|ask",
    r"(?:is|are|was)\s+not",
    r"(?m)^[ \t]*(?:别|不要)",
    r"(?:^|(?<=[。！？]))[ \t]*不是",
    r"\bdon't\b",
    r"a(?=b)",
    r"aa",
    r"a+",
    r"(?i:ab)c",
    r"x?y",
    r"(?=\w)\w+",
    r"\d\d年",
    r"ı",
    r"İs",
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:Save|Ask)",
    r"(?m)(?:^|(?<=[，,]))[^，,\n]{1,3}是",
    r"(?m)(?:^|(?<=[，,]))x?",
    r"(?m)^",
    r"(?<=[a-c][^a])s+",
    r"\A.",
    r"(?a)kel",
    r"(?a:s)t",
]
ALPHABET = "aAbBcCiIıİsSſkKKlLeEtTéÉßqQuUrRyYxX我你们别不要是年12 \t\n。！？'’-"


@pytest.mark.parametrize("ignorecase", [False, True])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_the_scanner_agrees_with_finditer_on_tricky_expressions(ignorecase: bool, text: str) -> None:
    flags = re.IGNORECASE if ignorecase else 0
    entries = tuple(Entry("c", p, re.compile(p, flags)) for p in TRICKY)
    scanner = Scanner({"all": entries})
    assert _same(scanner.scan(text)["all"], reference(entries, text))


def test_prefixes_read_from_expressions() -> None:
    def prefixes(pattern: str, flags: int = re.IGNORECASE) -> tuple[list[str], bool]:
        return literal_prefixes(re.compile(pattern, flags))

    assert prefixes(r"(?<![A-Za-z0-9])I[ \t]+quit") == (["i\t", "i "], False)
    assert prefixes("辞职") == (["辞职"], True)
    assert prefixes("Quit") == (["quit"], True)
    assert prefixes("Quit", 0) == (["quit"], False)  # "QUIT" folds alike: the regex decides
    assert prefixes("[我你]们") == (["你们", "我们"], False)
    assert prefixes(r"\b(?:is|are|was)\s") == (["is", "are", "was"], False)
    assert prefixes("résumé") == (["r"], False)  # é has a case: the prefix stops before it
    assert prefixes(r"[\w]*ed") == ([], False)
    assert prefixes(r"(?m)^[ \t]*别") == ([], False)
    assert required_literals(re.compile(r"(?m)^[ \t]*(?:别|不要)")) == ["别", "不要"]
    assert required_literals(re.compile(r"[\w'’-]*n't(?![A-Za-z0-9])")) == ["n't"]
    assert required_literals(re.compile(r"\w+")) == []
    anchors = cues_mod.start_anchors(re.compile(r"(?m)(?:^|(?<=[。！？]))[ \t]*(?:别|不要)"))
    assert anchors is not None and anchors.positions("别去。不要\n别") == [0, 3, 6]
    assert cues_mod.start_anchors(re.compile(r"(?m)(?:^|(?<=[，,]))x?")) is None  # may match empty
    assert cues_mod.start_anchors(re.compile(r"(?<![\w'’-])[\w'’-]*ed")) is None


def test_builtin_entries_nearly_all_have_a_prefix() -> None:
    scanner = Scanner(_lists(builtin_lexicon()))
    # Entries with no literal prefix (…点以后还在, 'X is Y') run wherever a literal they require occurs:
    # a few dozen at most, or lexicon matching slows down for every text.
    assert len(scanner.slow) <= 30 < len(scanner.entries) / 50
    assert len(scanner.exact) > len(scanner.entries) / 3


def test_fold_keeps_length_and_folds_what_ignorecase_matches_to_ascii_letters() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    for cp in range(0x80, 0x110000):
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000 or not letters.fullmatch(ch):
            continue
        target = next(c for c in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(c, ch, re.IGNORECASE))
        assert ASCII_FOLDS.get(ch) == target
        assert fold(ch) == target and fold("x" + ch + "ı")[1] == target  # both ways fold() works
    for text in ("İstanbul ıs ſo \u212aelvin", "Straße ÉTÉ 我们"):
        assert len(fold(text)) == len(text)


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="reads CPython's re internals")
def test_characters_taken_as_caseless_have_no_case_for_re() -> None:
    import _sre  # type: ignore[import-not-found,unused-ignore]

    for cp in range(0x80, 0x110000):
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        if cues_mod._prefix_char(ch, True) is not None:
            assert not _sre.unicode_iscased(cp), hex(cp)
        low = ch.lower()
        if len(low) == 1 and low != ch and not low.isascii():
            assert cues_mod._prefix_char(low, True) is None, hex(cp)


def test_cues_answer_range_questions_like_the_full_hit_lists() -> None:
    lexicon = builtin_lexicon()
    text = "我没有辞职，不断地想：如果我不去呢？他说我应该休息。I didn't quit; I never said I would."
    cues = Cues(text, lexicon)
    shared = scan_lexicon(text, lexicon).cues
    for name in ("negation", "first_person", "third_person", "modal", "hypothetical", "speech", "question"):
        exc = cues_mod._EXCEPTIONS.get(name)
        hits = reference(lexicon.cue(name), text)
        if exc:
            hits = cues_mod._cancel(hits, reference(lexicon.cue(exc), text))
        for c in (cues, shared):
            assert c.within(name, 0, len(text)) == hits
            for start in range(0, len(text), 3):
                inside = [h for h in hits if start <= h.start and h.end <= start + 9]
                assert c.within(name, start, start + 9) == inside
                assert c.any(name, start, start + 9) == (inside[0] if inside else None)
                at = [h for h in hits if h.start == start]
                assert c.starting_at(name, start) == (max(at, key=lambda h: h.end) if at else None)
    assert cues.within("negation", 0, len(text)), "the sample has negations"
    assert not any(h.entry.term == "不" and text[h.start : h.start + 2] == "不断" for h in cues.within(
        "negation", 0, len(text))), "不断 is an exception"


def test_extractors_share_one_scan_and_one_segmentation_per_context(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"scan": 0, "segment": 0}
    real_scan = cues_mod.scan_lexicon

    def counting_scan(text: str, lexicon: Lexicon) -> cues_mod.LexiconHits:
        calls["scan"] += 1
        return real_scan(text, lexicon)

    from careernarr.extract import sentences as sentences_mod

    real_segment = sentences_mod.segment

    def counting_segment(narrative: Narrative) -> list[sentences_mod.Sentence]:
        calls["segment"] += 1
        return real_segment(narrative)

    monkeypatch.setattr(cues_mod, "scan_lexicon", counting_scan)
    monkeypatch.setattr(sentences_mod, "segment", counting_segment)
    from careernarr.extract.events import EventExtractor
    from careernarr.extract.reflections import ReflectionExtractor

    ctx = ExtractionContext(Narrative(format="text", text="2020年我辞职了。我明白了一个道理：健康最重要。"))
    events = EventExtractor().extract(ctx)
    reflections = ReflectionExtractor().extract(ctx)
    assert events and reflections
    assert calls == {"scan": 1, "segment": 1}
    assert lexicon_hits(ctx, builtin_lexicon()) is lexicon_hits(ctx, builtin_lexicon())
    assert sentences_of(ctx) == sentences_of(ctx)
    evolved = attrs.evolve(ctx, narrative=Narrative(format="text", text="我去年跳槽了。"))
    assert [s.span for s in sentences_of(evolved)] != [s.span for s in sentences_of(ctx)]
    assert calls == {"scan": 1, "segment": 2}, "an evolved context remembers nothing"


def test_a_long_text_is_scanned_in_chunks_without_losing_prefixes_across_their_edges() -> None:
    lexicon = builtin_lexicon()
    chunk = cues_mod._CHUNK
    unit = "我辞职了，I quit my job. "
    text = "x" * (chunk - 2) + unit * (3 * chunk // len(unit))  # terms straddle every chunk edge
    _assert_lexicon_matches_like_finditer(text)
    assert any(m.start < chunk < m.end for m in scan_lexicon(text, lexicon).events)


def test_compile_term_entries_keep_working_without_a_cached_scanner() -> None:
    entries = [Entry("job_end", t, compile_term(t, "en")) for t in ("quit", "resign*", "walk*…out")]
    text = "I QUIT. She resigned, then walked right out."
    assert [(m.entry.term, text[m.start : m.end]) for m in find_all(entries, text)] == [
        ("quit", "QUIT"), ("resign*", "resigned"), ("walk*…out", "walked right out")]


def test_literal_shortcuts_give_what_parsing_gives_for_every_builtin_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain terms and guarded whole words skip the regex parser; their prefixes must not change."""
    from careernarr.extract import cues as C
    from careernarr.extract.lexicon import builtin_lexicon

    lex = builtin_lexicon()
    entries = [*lex.events, *lex.reflections, *lex.themes, *(e for v in lex.cues.values() for e in v)]
    fast = [C.literal_prefixes(e.regex) for e in entries]
    monkeypatch.setattr(C, "_plain_literal", lambda pattern: None)
    monkeypatch.setattr(C, "_whole_word", lambda pattern: None)
    assert [C.literal_prefixes(e.regex) for e in entries] == fast
