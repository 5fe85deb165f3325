"""Script normalization: OpenCC conversion with every offset kept right."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.errors import CareerNarrError
from careernarr.export.json import from_json, to_dict, to_json, validate
from careernarr.model import Conversion, Narrative, Section, Span
from careernarr.script import (
    UnknownScriptError,
    convert,
    convert_text,
    detect_language,
    resolve_script,
    script_names,
    to_original,
    working_config,
    working_form,
)

FIXTURES = Path(__file__).parent / "fixtures" / "script"
DOCS = sorted(p for p in FIXTURES.iterdir() if p.is_file())
TARGETS = ("zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "tw2sp", "s2hkp")
#: Characters OpenCC never joins into a phrase with their neighbours.
SEPARATORS = frozenset("，。！？、；：\n ")


@lru_cache(maxsize=None)
def cc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def reference(config: str, text: str) -> str:
    """OpenCC's conversion of ``text``; with a URL or code inside, careernarr's on that stretch alone."""
    if "://" in text or "`" in text or "www." in text:
        return convert_text(text, config)[0]
    return str(cc(config).convert(text))


@lru_cache(maxsize=None)
def parsed(path: Path) -> Narrative:
    return careernarr.parse(path)


# ----------------------------------------------------------------------------- names


@pytest.mark.parametrize(("name", "config"), [
    ("zh-Hans", "t2s"), ("zh-hant", "s2t"), ("zh_TW", "s2twp"), ("zh-HK", "s2hk"),
    ("s2twp", "s2twp"), ("TW2SP", "tw2sp"), ("t2s.json", "t2s"), (" hk2s ", "hk2s"),
])
def test_script_names_resolve_to_opencc_configurations(name: str, config: str) -> None:
    assert resolve_script(name) == config


def test_unknown_script_is_a_careernarr_error_listing_the_accepted_names() -> None:
    with pytest.raises(UnknownScriptError) as info:
        convert(Narrative(format="text", text="软件"), to="klingon")
    assert isinstance(info.value, CareerNarrError)
    message = str(info.value)
    for name in ("zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "s2twp", "tw2sp", "t2s"):
        assert name in message
    assert set(script_names()) >= {"zh-TW", "s2twp", "hk2s"}


def test_cli_rejects_an_unknown_script_in_one_line(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("我的2024\n\n今年我换了工作。\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "careernarr", "parse", str(doc), "--script", "zh-XX"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "unknown script 'zh-XX'" in run.stderr
    assert "Traceback" not in run.stderr


def test_cli_script_option_converts_with_offsets(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("我的2024\n\n今年我做了三年程序员，内存和软件都懂一点。\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "careernarr", "parse", str(doc), "--script", "zh-TW"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert "程式設計師" in data["text"] and "記憶體" in data["text"]
    assert data["conversion"]["config"] == "s2twp"
    assert data["conversion"]["original"] == doc.read_text(encoding="utf-8")
    for section in data["sections"]:
        start, end = section["span"]
        assert 0 <= start <= end <= len(data["text"])


# ----------------------------------------------------------------------------- text alignment


def test_length_changing_phrases_become_blocks_and_map_both_ways() -> None:
    text = "我是程序员，在首席技术官手下写代码。"
    out, conv = convert_text(text, "zh-TW")
    assert out == cc("s2twp").convert(text) == "我是程式設計師，在技術長手下寫程式碼。"
    assert conv.converted_length == len(out)
    for a0, a1, b0, b1 in conv.blocks:
        assert cc("s2twp").convert(text[a0:a1]) == out[b0:b1]
    word = Span(text.index("程序员"), text.index("程序员") + 3)
    moved = conv.to_converted(word)
    assert moved.of(out) == "程式設計師"
    assert conv.to_original(moved) == word
    tail = Span(text.index("手下"), len(text))
    assert conv.to_converted(tail).of(out) == "手下寫程式碼。"


def test_taiwan_vocabulary_to_mainland_changes_length() -> None:
    text = "我負責記憶體管理和軟體測試，也寫程式碼。"
    out, conv = convert_text(text, "tw2sp")
    assert out == "我负责内存管理和软件测试，也写代码。"
    memory = Span(text.index("記憶體"), text.index("記憶體") + 3)
    assert conv.to_converted(memory).of(out) == "内存"
    clause = Span(text.index("也"), len(text))
    assert conv.to_converted(clause).of(out) == "也写代码。"


def test_a_boundary_inside_a_block_snaps_outward() -> None:
    text = "做程序员"
    out, conv = convert_text(text, "s2twp")
    assert out == "做程式設計師"
    inside = conv.to_original(Span(2, 3))  # the 式 of 程式設計師
    assert inside == Span(1, 4)
    assert conv.to_converted(Span(2, 3)) == Span(1, 6)
    empty = conv.to_converted(Span(2, 2))
    assert empty.start <= empty.end


def test_urls_and_code_are_never_converted() -> None:
    text = "见 https://example.com/软件/内存?q=程序员 和 `内存泄漏`。\n```\n# 软件\n```\n软件"
    out, conv = convert_text(text, "zh-TW")
    assert "https://example.com/软件/内存?q=程序员" in out
    assert "`内存泄漏`" in out
    assert "```\n# 软件\n```" in out
    assert out.endswith("軟體")
    assert conv.to_converted(Span(len(text) - 2, len(text))).of(out) == "軟體"


def test_latin_text_is_never_touched() -> None:
    text = "I joined 阿里巴巴 as a QA engineer (软件测试) in 2019; see README.md and v2.0.\n"
    out, _ = convert_text(text, "zh-TW")
    assert out == "I joined 阿里巴巴 as a QA engineer (軟體測試) in 2019; see README.md and v2.0.\n"


def test_conversion_refuses_misaligned_blocks() -> None:
    with pytest.raises(ValueError):
        Conversion("s2twp", "abcdef", [(2, 3, 3, 5)])  # before its first block the texts must agree
    with pytest.raises(ValueError):
        Conversion("s2twp", "abc", [(1, 9, 1, 2)])
    with pytest.raises(ValueError):
        Conversion("s2twp", "abcdefgh", [(4, 5, 4, 6), (1, 2, 1, 1)])


SIMPLIFIED = list("我是的了在公司工作年月日里后发干面台系着只几个这")
TRADITIONAL = list("們這裡後發幹麵臺係著隻幾體軟憶記網個")
PHRASES = [
    "程序员", "首席技术官", "内存", "软件", "互联网", "信息", "视频", "博客", "用户", "优化", "头发",
    "出租车", "数据库", "服务器", "U盘", "鼠标", "打印机",
    "程式設計師", "記憶體", "軟體", "網際網路", "資訊", "影片", "部落格", "使用者", "最佳化",
    "計程車", "程式碼", "技術長", "隨身碟", "資料庫", "伺服器", "埠",
]
LATIN = ["AI", "Python", "2025", "3", "-", "/", "(", ")", "#", "ok"]

pieces = st.one_of(
    st.sampled_from(SIMPLIFIED), st.sampled_from(TRADITIONAL), st.sampled_from(PHRASES),
    st.sampled_from(sorted(SEPARATORS) + ["\n\n"]), st.sampled_from(LATIN),
)
texts = st.lists(pieces, max_size=50).map("".join)
configs = st.sampled_from(["s2twp", "tw2sp", "s2t", "t2s", "s2hk", "hk2s", "s2hkp", "tw2s"])


def _cuts(text: str) -> list[int]:
    return [0, len(text), *(i + 1 for i, ch in enumerate(text) if ch in SEPARATORS)]


@settings(max_examples=300, deadline=None)
@given(texts, configs, st.data())
def test_spans_at_phrase_boundaries_convert_like_opencc(text: str, config: str, data: st.DataObject) -> None:
    out, conv = convert_text(text, config)
    assert out == cc(config).convert(text)
    assert conv.converted_length == len(out)
    for a0, a1, b0, b1 in conv.blocks:
        assert cc(config).convert(text[a0:a1]) == out[b0:b1]
    cuts = _cuts(text)
    start, end = sorted(data.draw(st.lists(st.sampled_from(cuts), min_size=2, max_size=2)))
    moved = conv.to_converted(Span(start, end))
    assert 0 <= moved.start <= moved.end <= len(out)
    back = conv.to_original(moved)
    assert back.start <= start and end <= back.end <= len(text)
    assert moved.of(out) == cc(config).convert(back.of(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASES + SIMPLIFIED + TRADITIONAL), max_size=30).map("".join), configs)
def test_block_edges_are_where_opencc_agrees(text: str, config: str) -> None:
    """Without any separator, length changes of both signs may sit in one run."""
    out, conv = convert_text(text, config)
    assert out == cc(config).convert(text)
    for a0, a1, b0, b1 in conv.blocks:
        assert cc(config).convert(text[a0:a1]) == out[b0:b1]
    for x in range(len(out) + 1):
        assert 0 <= conv.to_original(Span(x, x)).end <= len(text)
    whole = conv.to_converted(Span(0, len(text)))
    assert whole == Span(0, len(out))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_simplified_to_taiwan_and_back_keeps_every_span_valid(text: str) -> None:
    n = Narrative(format="text", text=text,
                  sections=[Section(None, 0, (s, e)) for s, e in zip(_cuts(text)[::2], _cuts(text)[1::2]) if s <= e])
    there = convert(n, "zh-TW")
    back = convert(there, "zh-Hans")
    assert back.conversion is not None and back.conversion.original == text
    assert back.conversion.config == "s2twp+t2s"
    for narrative in (there, back):
        for span in narrative.spans():
            assert span.end <= len(narrative.text)
            orig = to_original(narrative, span)
            assert 0 <= orig.start <= orig.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(["s2twp", "tw2sp"]), st.data())
def test_two_conversions_compose(text: str, second: str, data: st.DataObject) -> None:
    mid, first_conv = convert_text(text, "s2twp")
    out, second_conv = convert_text(mid, second)
    n = convert(convert(Narrative(format="text", text=text), "s2twp"), second)
    assert n.text == out and n.conversion is not None
    composed = n.conversion
    assert composed.converted_length == len(out)
    start, end = sorted(data.draw(st.lists(st.sampled_from(_cuts(text)), min_size=2, max_size=2)))
    moved = composed.to_converted(Span(start, end))
    back = composed.to_original(moved)
    assert back.start <= start and end <= back.end
    assert moved.of(out) == cc(second).convert(cc("s2twp").convert(back.of(text)))


protected_pieces = st.one_of(
    pieces, st.sampled_from(["https://example.com/软件/内存", "`内存`", "www.例子.cn/程序员", "\n```\n软件 内存\n```\n"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(protected_pieces, max_size=40).map("".join), configs)
def test_urls_and_code_survive_any_text(text: str, config: str) -> None:
    out, conv = convert_text(text, config)
    assert conv.converted_length == len(out)
    tokens = ["https://example.com/软件/内存", "```\n软件 内存\n```"]
    if "```" not in text:
        tokens.append("`内存`")
    for token in tokens:
        assert out.count(token) >= text.count(token)
    for a0, a1, b0, b1 in conv.blocks:
        assert 0 <= a0 <= a1 <= len(text) and 0 <= b0 <= b1 <= len(out)


# ----------------------------------------------------------------------------- narratives


@pytest.mark.parametrize("to", TARGETS)
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_every_span_of_a_converted_fixture_points_at_the_right_words(path: Path, to: str) -> None:
    n = parsed(path)
    m = convert(n, to)
    config = resolve_script(to)
    assert m.conversion is not None and m.conversion.original == n.text
    assert m.conversion.converted_length == len(m.text)
    for field in ("sections", "posts", "diagrams", "time_expressions", "events", "reflections"):
        assert len(getattr(m, field)) == len(getattr(n, field)), field
    for before, after in zip(n.spans(), m.spans()):
        assert 0 <= after.start <= after.end <= len(m.text)
        back = m.conversion.to_original(after)
        assert back.start <= before.start and before.end <= back.end
    for group in (m.sections, m.posts, m.diagrams, m.events, m.reflections):
        for item in group:
            back = m.conversion.to_original(item.span)
            assert item.span.of(m.text) == reference(config, back.of(n.text))
    for item in (*m.time_expressions, *m.events, *m.reflections):
        assert item.text == item.span.of(m.text)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_simplified_taiwan_simplified_round_trip(path: Path) -> None:
    n = parsed(path)
    back = convert(convert(n, "zh-TW"), "zh-Hans")
    assert back.conversion is not None and back.conversion.original == n.text
    assert back.language == ("zh-Hans" if n.language in ("zh-Hans", "zh-Hant") else back.language)
    for before, after in zip(n.spans(), back.spans()):
        assert after.end <= len(back.text)
        orig = back.conversion.to_original(after)
        assert orig.start <= before.start and before.end <= orig.end


def test_metadata_is_converted_but_urls_and_code_are_not() -> None:
    n = parsed(FIXTURES / "talk-notes.md")
    m = convert(n, "zh-TW")
    assert m.title == "從程式設計師到技術管理者：一次分享的筆記"
    assert m.authors == ("陳曉峰",)
    assert "程式設計師" in m.tags and "職業發展" in m.tags
    assert m.summary is not None and "軟體開發" in m.summary
    assert m.url == n.url and m.metadata["source"] == n.metadata["source"] == "https://example.org/talks/程序员转管理"
    assert m.metadata["title"] == m.title
    assert [s.heading for s in m.sections if s.heading] == [
        cc("s2twp").convert(s.heading) for s in n.sections if s.heading]
    assert "# 这段代码不应被转换：用户信息 内存 软件" in m.text
    assert "`blog.example.cn`" in m.text
    assert "A[程式設計師] -->|五年| B[技術經理]" in m.text
    assert m.language == "zh-Hant"


def test_diagram_labels_follow_the_text() -> None:
    n = parsed(FIXTURES / "transcript-zh-hans.txt")
    assert n.diagrams, "the transcript parser reads Mermaid diagrams"
    m = convert(n, "zh-TW")
    labels = {x.label for d in m.diagrams for x in d.nodes}
    assert "程式設計師" in labels and "自由職業者" in labels
    assert {e.label for d in m.diagrams for e in d.edges} >= {"裸辭", "寫部落格"}
    assert [g.title for d in m.diagrams for g in d.subgraphs] == ["副業"]
    for d in m.diagrams:
        for x in d.nodes:
            assert x.label is None or x.label in d.span.of(m.text)
    assert m.video_id == n.video_id == "BV1Gh4y1z7Qm" and m.duration == n.duration
    assert m.url == "https://b23.tv/abcd123"


def test_forum_posts_and_mentions_are_converted() -> None:
    n = parsed(FIXTURES / "thread-zh-hans.md")
    m = convert(n, "zh-TW")
    assert len(m.posts) == len(n.posts) >= 4
    mentions = {x for p in m.posts for x in p.mentions}
    assert "程式設計師小李" in mentions or not any("程序员小李" in p.mentions for p in n.posts)
    for before, after in zip(n.posts, m.posts):
        assert after.span.of(m.text) == reference("s2twp", before.span.of(n.text))


def test_converted_narrative_round_trips_through_json() -> None:
    m = convert(parsed(FIXTURES / "review-zh-hans.txt"), "zh-TW")
    validate(m)
    data = to_dict(m)
    assert data["conversion"]["config"] == "s2twp"
    assert all(len(b) == 4 for b in data["conversion"]["blocks"])
    assert len(data["conversion"]["blocks"]) < len(m.text) / 10
    again = from_json(to_json(m))
    assert again == m
    assert again.conversion is not None and again.conversion.blocks == m.conversion.blocks  # type: ignore[union-attr]
    plain = to_dict(parsed(FIXTURES / "review-zh-hans.txt"))
    assert "conversion" not in plain


def test_repr_of_a_converted_narrative_stays_short() -> None:
    m = convert(parsed(FIXTURES / "review-zh-hans.txt"), "zh-TW")
    assert len(repr(m)) < 600
    assert "s2twp" in repr(m)


def test_to_original_of_an_unconverted_narrative_is_the_span_itself() -> None:
    n = parsed(FIXTURES / "diary-en.txt")
    assert to_original(n, (3, 9)) == Span(3, 9)


# ----------------------------------------------------------------------------- language


@pytest.mark.parametrize(("name", "language"), [
    ("review-zh-hans.txt", "zh-Hans"), ("talk-notes.md", "zh-Hans"), ("thread-zh-hans.md", "zh-Hans"),
    ("transcript-zh-hans.txt", "zh-Hans"),
    ("review-zh-tw.txt", "zh-Hant"), ("notes-zh-hk.txt", "zh-Hant"), ("transcript-zh-hant.txt", "zh-Hant"),
    ("diary-en.txt", "en"), ("interview-bilingual.txt", "mixed"),
])
def test_language_of_each_fixture(name: str, language: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert detect_language(text) == language
    assert parsed(FIXTURES / name).language == language


@pytest.mark.parametrize(("text", "language"), [
    ("软件", "zh-Hans"), ("軟體", "zh-Hant"), ("记忆体", "zh-Hans"), ("這裡", "zh-Hant"),
    ("我今天很好", "zh-Hans"),  # nothing script-specific: simplified, where conversion is a no-op
    ("2025年3月，我入职。", "zh-Hans"),
    ("我們在2025年離職", "zh-Hant"),
    ("I quit my job in 2024.", "en"),
    ("12345 —— !!", "und"), ("", "und"),
    ("我在Google做SRE，负责Kubernetes和Terraform", "mixed"),
    ("仕事を辞めました。", "ja"),
    ("简体中文和繁體中文混在一起的句子", "mixed"),
])
def test_language_of_short_texts(text: str, language: str) -> None:
    assert detect_language(text) == language


@settings(max_examples=100, deadline=None)
@given(texts)
def test_converting_to_a_script_makes_the_text_read_as_that_script(text: str) -> None:
    out, _ = convert_text(text, "zh-Hant")
    if detect_language(text).startswith("zh") and detect_language(out) != "mixed":
        assert detect_language(out) in ("zh-Hant", "zh-Hans")
        assert detect_language(convert_text(out, "zh-Hans")[0]) == "zh-Hans"


# ----------------------------------------------------------------------------- working form


def test_working_form_of_simplified_and_english_text_is_the_narrative_itself() -> None:
    for name in ("review-zh-hans.txt", "diary-en.txt", "thread-zh-hans.md"):
        n = parsed(FIXTURES / name)
        working, back = working_form(n)
        assert working is n
        assert back(Span(1, 4)) == Span(1, 4)


@pytest.mark.parametrize(("name", "config"), [
    ("review-zh-tw.txt", "tw2sp"), ("transcript-zh-hant.txt", "tw2sp"), ("notes-zh-hk.txt", "hk2s"),
])
def test_working_form_of_traditional_text_is_simplified_with_spans_mapped(name: str, config: str) -> None:
    n = parsed(FIXTURES / name)
    assert working_config(n.text) == config
    working, back = working_form(n)
    assert working.text == cc(config).convert(n.text)
    assert detect_language(working.text) == "zh-Hans"
    for before, after in zip(n.spans(), working.spans()):
        assert after.end <= len(working.text)
        mapped = back(after)
        assert mapped.start <= before.start and before.end <= mapped.end <= len(n.text)


@pytest.mark.parametrize(("config", "expected"), [
    ("s2twp", "tw2sp"), ("s2tw", "tw2s"), ("s2hk", "hk2s"), ("s2t", "t2s"),
])
def test_working_form_undoes_how_the_text_was_converted(config: str, expected: str) -> None:
    text = (FIXTURES / "review-zh-hans.txt").read_text(encoding="utf-8")
    assert working_config(cc(config).convert(text)) == expected


CAREER_VOCABULARY = (
    "程序员 软件工程师 内存 硬盘 服务器 数据库 网络 信息 视频 鼠标 打印机 项目经理 产品经理 绩效考核 "
    "年终奖 裁员 离职 跳槽 面试 简历 加班 抑郁症 心理咨询 创业 副业 自媒体 博客 互联网 外包 实习 "
    "晋升 升职 加薪 年假 病假 辞职 入职 试用期 劳动合同 人工智能 算法 质量 系统 代码 优化 用户 "
    "文件 短视频 直播 领导 同事 团队 部门 总监 首席技术官 出差 远程办公 出租车 硬件 芯片 前端 后端 "
    "运维 测试 客户 上线 故障 复盘 焦虑 失眠 体检 住院 手术 房贷 搬家 结婚 孩子 父母"
).split()


def test_taiwan_conversion_of_career_vocabulary_comes_back_in_the_working_form() -> None:
    text = "这些年我接触过：" + "、".join(CAREER_VOCABULARY) + "。"
    taiwan = cc("s2twp").convert(text)
    assert taiwan != text
    n = Narrative(format="text", text=taiwan, language=detect_language(taiwan))
    working, back = working_form(n)
    assert working.text == text
    for word in CAREER_VOCABULARY:
        start = working.text.index(word)
        span = back(Span(start, start + len(word)))
        assert span.of(taiwan) == cc("s2twp").convert(word)


@pytest.mark.parametrize("path", [p for p in DOCS if p.name in {
    "review-zh-hans.txt", "talk-notes.md", "thread-zh-hans.md", "transcript-zh-hans.txt"}],
    ids=lambda p: p.name)
def test_extraction_is_the_same_on_the_taiwan_conversion(path: Path, tmp_path: Path) -> None:
    original = parsed(path)
    converted_file = tmp_path / path.name
    converted_file.write_text(cc("s2twp").convert(path.read_text(encoding="utf-8")), encoding="utf-8")
    converted = careernarr.parse(converted_file)
    assert converted.language == "zh-Hant"
    assert len(converted.sections) == len(original.sections)
    assert len(converted.posts) == len(original.posts)
    assert [e.kind for e in converted.events] == [e.kind for e in original.events]
    assert len(converted.reflections) == len(original.reflections)
    assert [(t.value, t.duration) for t in converted.time_expressions] == [
        (t.value, t.duration) for t in original.time_expressions]
    for e in converted.events:
        assert e.text == e.span.of(converted.text)
        assert e.text == cc("s2twp").convert(original.events[converted.events.index(e)].text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_working_form_spans_always_map_inside_the_users_text(text: str) -> None:
    n = Narrative(format="text", text=text or "x", sections=[Section(None, 0, (0, len(text or "x")))])
    working, back = working_form(n)
    for x in range(len(working.text) + 1):
        mapped = back(Span(x, x))
        assert 0 <= mapped.start <= mapped.end <= len(n.text)
    assert back(working.sections[0].span) == n.sections[0].span
