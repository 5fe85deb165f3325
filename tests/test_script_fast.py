"""The fast paths of script conversion give what the plain, slow ways give.

``careernarr.script`` avoids work where it can: lines whose differences are
closed runs on the diagonal are not walked, the narrative's short strings
ride along in the text's OpenCC call, items are copied through generated
slot setters, spans are moved past the first block only. Each test here
checks one of those against the straightforward computation.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import attrs
import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr import script
from careernarr.model import Conversion, Event, Narrative, Post, Reflection, Section, Span, TimeExpr
from careernarr.script import (
    _NUMPY_MIN,
    _align,
    _convert_text,
    _copier,
    _diagonal,
    _engine,
    _numpy,
    _regions,
    _Strings,
    convert,
    convert_text,
    resolve_script,
)

FIXTURES = Path(__file__).parent / "fixtures" / "script"
DOCS = sorted(p for p in FIXTURES.iterdir() if p.is_file())
EXACT = ("s2twp", "tw2sp", "s2hkp")

SIMPLIFIED = list("我是的了在公司工作年月日里后发干面台系着只几个这")
TRADITIONAL = list("們這裡後發幹麵臺係著隻幾體軟憶記網個")
PHRASES = [
    "程序员", "首席技术官", "内存", "软件", "互联网", "信息", "视频", "博客", "用户", "优化", "头发",
    "U盘", "程式設計師", "記憶體", "軟體", "網際網路", "資訊", "影片", "部落格", "使用者", "最佳化",
    "計程車", "程式碼", "技術長", "隨身碟", "資料庫", "伺服器", "演算法", "預設",
]
lines = st.lists(st.sampled_from(PHRASES + SIMPLIFIED + TRADITIONAL + list("，。 AI")), max_size=40).map("".join)


@cache
def cc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def parsed(path: Path) -> Narrative:
    return careernarr.parse(path)


# ----------------------------------------------------------------------------- alignment


@settings(max_examples=400, deadline=None)
@given(lines, st.sampled_from(EXACT))
def test_a_line_judged_diagonal_is_one_the_walk_closes_on_the_diagonal(line: str, config: str) -> None:
    engine = _engine(config)
    t, c = line.translate(engine.table), cc(config).convert(line)
    if len(t) != len(c):
        return
    if _diagonal(t, c):
        assert all(a0 == b0 and a1 == b1 for a0, a1, b0, b1 in _regions(t, c))


def test_cancelling_phrases_on_one_line_are_not_judged_diagonal() -> None:
    """程序员 grows by two, 首席技术官 shrinks by two: same length, but not one to one.

    (Back to back, ``我是程序员首席技术官``, the walk itself closes them on the
    diagonal — a known limit, see docs/script.md.)
    """
    engine = _engine("s2twp")
    for line in ("程序员和首席技术官", "程序员，首席技术官。"):
        c = cc("s2twp").convert(line)
        t = line.translate(engine.table)
        assert len(c) == len(line)
        assert not _diagonal(t, c)
        blocks: list[Any] = []
        _align(line, c, engine, 0, 0, blocks)
        assert [(line[a0:a1], c[b0:b1]) for a0, a1, b0, b1 in blocks] == [("程序员", "程式設計師"),
                                                                        ("首席技术官", "技術長")]


@pytest.mark.parametrize(("text", "pairs"), [
    ("我負責記憶體管理和軟體測試。", [("記憶體", "内存")]),
    ("他是程式設計師，寫程式碼，用演算法。", [("程式設計師", "程序员"), ("程式碼", "代码"), ("演算法", "算法")]),
    ("在網際網路公司的技術長。", [("網際網路", "互联网"), ("技術長", "首席技术官")]),
])
def test_taiwan_vocabulary_to_mainland_gives_one_block_per_phrase(text: str, pairs: list[tuple[str, str]]) -> None:
    out, conv = convert_text(text, "tw2sp")
    assert out == cc("tw2sp").convert(text)
    assert [(text[a0:a1], out[b0:b1]) for a0, a1, b0, b1 in conv.blocks] == pairs
    for a0, a1, b0, b1 in conv.blocks:
        assert cc("tw2sp").convert(text[a0:a1]) == out[b0:b1]


@pytest.mark.parametrize("config", ["tw2sp", "s2twp", "t2s", "s2t"])
def test_text_opencc_leaves_alone_has_no_blocks_and_its_narrative_keeps_its_items(config: str) -> None:
    text = "Year in review\n\nIn 2023 I joined a startup as a backend engineer.\nI left in May 2024.\n"
    n = careernarr.parse(text)
    m = convert(n, config)
    assert m.text == text and m.conversion is not None and m.conversion.blocks == ()
    for before, after in zip(n.spans(), m.spans()):
        assert before == after
    for group in ("sections", "time_expressions", "events", "reflections"):
        for a, b in zip(getattr(n, group), getattr(m, group)):
            assert a is b, group  # nothing changed: the very same object


# ----------------------------------------------------------------------------- one OpenCC call


@pytest.mark.parametrize("config", ["t2s", "tw2sp", "s2twp"])
@pytest.mark.parametrize("text", [
    "軟體工程師的一年\n\n記憶體不夠，寫程式碼。",
    "見 `記憶體` 與 https://example.org/軟體 之後，\n```\n軟體 = 1\n```\n我寫程式碼。",
    "```\n只有程式碼\n```",
    "",
])
def test_strings_riding_along_convert_as_they_would_alone(text: str, config: str) -> None:
    engine = _engine(config)
    strings = ["軟體工程師", "", "記憶體", "Alice", "網際網路公司"]
    tail = list(strings)
    out, blocks = _convert_text(text, engine, (), tail)
    assert (out, blocks) == _convert_text(text, engine)
    assert tail == [cc(config).convert(s) for s in strings]


def test_strings_with_newlines_urls_and_code_convert_like_the_text() -> None:
    engine = _engine("tw2sp")
    strings = ["軟體\n記憶體", "見 https://example.org/軟體", "`記憶體` 與軟體", "程式設計師", "程式設計師"]
    cs = _Strings(engine)
    assert cs.plan(strings) == (["程式設計師"], False)
    assert cs.plan(["程式設計師", "軟體"]) == (["程式設計師", "軟體"], True)
    cs.prime(strings)
    for s in strings:
        assert cs(s) == _convert_text(s, engine)[0]


# ----------------------------------------------------------------------------- rebuilding items


def test_a_copier_copies_every_field_and_changes_only_the_named_ones() -> None:
    e = Event(kind="job_start", text="入職", span=Span(3, 5), when="2020", duration="P1Y",
              subject="narrator", rule="r", when_source="text")
    copy = _copier(Event, ("span", "text"))(e, Span(4, 7), "入职了")
    assert copy == attrs.evolve(e, span=Span(4, 7), text="入职了")
    assert type(copy) is Event and e.text == "入職"
    with pytest.raises(TypeError):
        _copier(Event, ("nonsense",))


def test_a_narrative_copier_still_refuses_a_span_outside_the_text() -> None:
    n = Narrative(format="text", text="我的一年", sections=[Section(None, 0, (0, 4))])
    with pytest.raises(ValueError):
        _copier(Narrative, ("text",))(n, "短")


def _reference(n: Narrative, to: str) -> dict[str, list[Any]]:
    """Spans and quoted texts of ``convert(n, to)`` the slow way: ``Conversion.to_converted`` per span."""
    config = resolve_script(to)
    code = [(s.span.start, s.span.end) for s in n.sections if s.role == "code"]
    _, blocks = _convert_text(n.text, _engine(config), code)
    step = Conversion(config, n.text, blocks)
    ref: dict[str, list[Any]] = {}
    for group in ("sections", "posts", "diagrams", "time_expressions", "events", "reflections"):
        ref[group] = [step.to_converted(item.span) for item in getattr(n, group)]
    return ref


@pytest.mark.parametrize("to", ["zh-Hans", "zh-TW", "tw2sp", "zh-HK"])
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_moved_spans_are_the_conversions_own_mapping(path: Path, to: str) -> None:
    n = parsed(path)
    m = convert(n, to)
    assert m.conversion is not None
    for group, spans in _reference(n, to).items():
        moved = [item.span for item in getattr(m, group)]
        assert moved == [m.conversion.to_converted(item.span) for item in getattr(n, group)], group
        if all(s.role != "code" for s in n.sections):
            assert moved == spans, group
    for item in (*m.time_expressions, *m.events, *m.reflections):
        assert isinstance(item, TimeExpr | Event | Reflection)
        assert item.text == item.span.of(m.text)
    strings = _Strings(_engine(resolve_script(to)))
    for post, moved_post in zip(n.posts, m.posts):
        assert isinstance(moved_post, Post)
        assert moved_post.author == (None if post.author is None else strings(post.author))
    for section, moved_section in zip(n.sections, m.sections):
        assert moved_section.heading == (None if section.heading is None else strings(section.heading))


def _prefix(a: str, i: int, b: str, j: int) -> int:
    """The common prefix of ``a[i:]`` and ``b[j:]``, the plain way (for the references below)."""
    k = 0
    while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
        k += 1
    return k


def _diagonal_by_slices(t: str, c: str) -> bool:
    """:func:`_diagonal` as first written: each run found by comparing slices."""
    from careernarr.script import _MAXD, _before, _synced

    n, i = len(t), 0
    while True:
        p = i + _prefix(t, i, c, i)
        if p == n:
            return True
        q = p + 1
        while q < n and t[q] != c[q]:
            q += 1
        if q - p > _MAXD or not _synced(t, q, c, q):
            return False
        if any(p + di < n and p + dj < n and t[p + di] == c[p + dj] for di, dj in _before(q - p)):
            return False
        i = q


@settings(max_examples=500, deadline=None)
@given(st.text("ab程式設計師，𠀀", max_size=60), st.data())
def test_differences_found_at_once_are_the_ones_found_one_by_one(t: str, data: st.DataObject) -> None:
    c = "".join(data.draw(st.sampled_from([ch, "x", "程", "𠀀"])) for ch in t)
    assert _diagonal(t, c) == _diagonal_by_slices(t, c)


def _regions_by_slices(t: str, c: str) -> list[list[int]]:
    """:func:`_regions` as first written: common stretches skipped by comparing slices."""
    from careernarr.script import _resync

    n, m = len(t), len(c)
    i = j = 0
    out: list[list[int]] = []
    while True:
        k = _prefix(t, i, c, j)
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


@settings(max_examples=500, deadline=None)
@given(st.text("ab程式設計師，𠀀", max_size=60), st.text("ab程式設計師，𠀀", max_size=60))
def test_regions_found_by_xor_are_the_regions_found_by_slices(t: str, c: str) -> None:
    assert _regions(t, c) == _regions_by_slices(t, c)


@settings(max_examples=300, deadline=None)
@given(lines, st.sampled_from(EXACT))
def test_regions_of_real_conversions_are_the_same_either_way(line: str, config: str) -> None:
    t, c = line.translate(_engine(config).table), cc(config).convert(line)
    assert _regions(t, c) == _regions_by_slices(t, c)


# ----------------------------------------------------------------------------- numpy (the fast extra)

CONFIGS = ("s2twp", "tw2sp", "t2s", "s2t", "s2hk", "hk2s", "s2hkp", "tw2s")
#: Han of both scripts, Latin, punctuation, a newline, a character past the BMP, a lone surrogate.
wide_text = st.text(st.sampled_from([*SIMPLIFIED, *TRADITIONAL, *"，。 AI\n", "𠀀", "\ud800", "\U0010ffff"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(wide_text, min_size=1, max_size=40).map("".join), st.sampled_from(CONFIGS))
def test_numpy_translation_is_str_translate(text: str, config: str) -> None:
    engine = _engine(config)
    long = text * (_NUMPY_MIN // max(1, len(text)) + 1)  # past the threshold: numpy's path
    assert engine.translate(long) == long.translate(engine.table)
    assert engine.translate(text) == text.translate(engine.table)


def test_numpy_translation_is_used_for_long_texts() -> None:
    engine = _engine("tw2sp")
    assert _numpy() is not None  # the test extra pulls the fast one
    assert len(engine.codes) == 0x110000
    text = "軟體與記憶體，" * 100
    assert engine.translate(text) == text.translate(engine.table) != text


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_without_numpy_conversion_is_the_same(path: Path, config: str, monkeypatch: pytest.MonkeyPatch) -> None:
    n = parsed(path)
    with_numpy = convert(n, config)
    monkeypatch.setattr(script, "_numpy", lambda: None)
    without = convert(n, config)
    assert without == with_numpy
    assert without.conversion is not None and with_numpy.conversion is not None
    assert without.conversion.blocks == with_numpy.conversion.blocks


# ----------------------------------------------------------------------------- short strings


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(max_codepoint=0x7F), max_size=30), max_size=8), st.sampled_from(CONFIGS))
def test_ascii_strings_are_remembered_as_themselves_which_is_what_opencc_gives(strings: list[str],
                                                                              config: str) -> None:
    """Every entry of OpenCC's dictionaries holds a Han character, so ASCII never changes."""
    cs = _Strings(_engine(config))
    todo, _ = cs.plan([*strings, "軟體"])
    assert todo == ["軟體"]
    for s in strings:
        assert cs(s) == s == _engine(config).convert(s)


def test_all_of_ascii_comes_out_of_opencc_unchanged() -> None:
    text = "".join(map(chr, range(0x80))) + "ok QA AI CEO KPI U IT PPT app"
    for config in CONFIGS:
        assert _engine(config).convert(text) == text
        assert cc(config).convert(text.replace("\0", "")) == text.replace("\0", "")


@pytest.mark.parametrize("config", CONFIGS)
def test_a_nul_character_does_not_cut_the_text(config: str) -> None:
    """OpenCC's multi-step configurations stop at NUL (``s2twp`` turns ``a\\0b`` into ``a``)."""
    text = "軟體\0記憶體\n程式設計師\0"
    out, conv = convert_text(text, config)
    pieces = text.split("\0")
    assert out == "\0".join(cc(config).convert(p) for p in pieces)
    assert out.count("\0") == 2 and conv.converted_length == len(out)


def test_metadata_under_url_keys_is_not_sent_to_opencc_and_stays() -> None:
    text = "---\ntitle: 軟體工程師\nsource: 軟體之家\nlinks: [網際網路, 記憶體]\ntags: [軟體]\n---\n我寫程式碼。\n"
    n = careernarr.parse(text, format="frontmatter")
    strings = script._narrative_strings(n)
    assert "軟體之家" not in strings and "網際網路" not in strings and "軟體工程師" in strings
    m = convert(n, "zh-Hans")
    assert m.metadata["source"] == "軟體之家" and m.metadata["links"] == ["網際網路", "記憶體"]
    assert m.title == "软体工程师" and m.metadata["tags"] == ["软体"]


@settings(max_examples=300, deadline=None)
@given(st.text("`~a\n 軟", max_size=40), st.integers(0, 40))
def test_the_fence_pattern_finds_what_its_plain_spelling_finds(text: str, pos: int) -> None:
    import re

    from careernarr.script import _FENCE_OPEN_RE

    plain = re.compile(r"`{3,}|~{3,}")
    assert [m.span() for m in _FENCE_OPEN_RE.finditer(text, min(pos, len(text)))] == \
        [m.span() for m in plain.finditer(text, min(pos, len(text)))]
