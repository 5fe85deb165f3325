"""The ``article`` parser: title, abstract, keywords (inline, bracketed, bilingual), body."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.errors import ParseError
from careernarr.model import Narrative
from careernarr.parsers.article import ArticleParser, find_headings, split_keywords
from careernarr.source import Source, read_source
from careernarr.testing import check_parser

HERE = Path(__file__).parent / "fixtures" / "article"
PARSER = ArticleParser()

EXPECTED: dict[str, dict[str, Any]] = {
    "zh-hans-inline.txt": {
        "title": "互联网行业中年程序员的职业转型研究",
        "summary": "本文基于对二十位35岁以上互联网从业者的半结构化访谈",
        "keywords": ("中年程序员", "职业转型", "裁员", "身份认同"),
        "headings": [("title", "互联网行业中年程序员的职业转型研究"), ("summary", "摘要"), ("keywords", "关键词"),
                     ("part", "一、引言"), ("part", "二、研究方法"), ("part", "三、研究发现"),
                     ("references", "参考文献")],
        "byline": ["——基于二十位受访者的深度访谈", "王晓明\u3000李静（某大学社会学院）"],
    },
    "zh-hant-bilingual.txt": {
        "title": "科技業工程師的職業倦怠與復原歷程",
        "summary": "本研究訪談十二位在臺灣科技業任職五年以上的工程師",
        "keywords": ("職業倦怠", "科技業", "工程師", "復原", "burnout", "technology industry", "engineers",
                     "recovery"),
        "headings": [("title", "科技業工程師的職業倦怠與復原歷程"), ("summary", "摘要"), ("keywords", "關鍵字"),
                     ("summary", "Abstract"), ("keywords", "Keywords"), ("part", "壹、前言"),
                     ("part", "貳、研究發現")],
        "abstracts": 2,
    },
    "en-paper.txt": {
        "title": "Quiet Quitting or Quiet Coping? Career Narratives of Remote Engineers",
        "summary": "Drawing on forty interviews with software engineers",
        "keywords": ("remote work", "burnout", "software engineering", "boundary work"),
        "headings": [("title", "Quiet Quitting or Quiet Coping? Career Narratives of Remote Engineers"),
                     ("summary", "ABSTRACT"), ("keywords", "Key words"), ("part", "1. Introduction"),
                     ("part", "2. Method"), ("references", "References")],
        "byline": ["Dana Whitfield", "Department of Sociology, Northfield University"],
    },
    "no-title-lines.txt": {
        "title": None,
        "summary": "一位在三甲医院工作了十五年的护士长",
        "keywords": ("医护人员", "职业倦怠", "辞职", "社区健康"),
        "headings": [("summary", "摘要"), ("keywords", "关键词")],
        "paragraphs": 3,  # one paragraph per line, no blank lines
    },
}


def _parse(name: str) -> Narrative:
    return PARSER.parse(read_source(HERE / name))


def test_contract() -> None:
    """Sniff above other formats, detection, spans, no text lost, JSON round trip, errors with lines."""
    check_parser(
        PARSER, sorted(HERE.iterdir()),
        bad=["离职随笔\n\n今年我离开了工作十年的公司。\n", "Just a note.\n\nNothing here is an abstract.\n"],
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields_and_sections(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    assert n.format == "article"
    assert n.title == want["title"]
    assert n.summary is not None and n.summary.startswith(want["summary"])
    assert n.keywords == want["keywords"]
    assert [(s.role, s.heading) for s in n.sections if s.heading is not None] == want["headings"]
    assert n.metadata.get("byline") == want.get("byline")
    assert len(n.metadata.get("abstracts", [n.summary])) == want.get("abstracts", 1)
    if "paragraphs" in want:
        assert len([s for s in n.sections if s.role == "body"]) == want["paragraphs"]
    assert n.warnings == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_summary_section_holds_the_summary_and_headings_open_their_spans(name: str) -> None:
    n = _parse(name)
    summary = next(s for s in n.sections if s.role == "summary")
    assert n.summary is not None and n.summary in summary.span.of(n.text)
    for s in n.sections:
        if s.heading is not None:
            first_line = s.span.of(n.text).split("\n", 1)[0]
            assert s.heading in first_line, s


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_visible_character_is_in_a_section(name: str) -> None:
    n = _parse(name)
    covered = [False] * len(n.text)
    for s in n.sections:
        for i in range(s.span.start, s.span.end):
            covered[i] = True
    lost = [i for i, ch in enumerate(n.text) if not ch.isspace() and not covered[i]]
    assert not lost, f"outside every section: {n.text[lost[0]:lost[0] + 20]!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_and_valid_through_the_api(name: str) -> None:
    n = careernarr.parse(HERE / name)
    assert n.format == "article"
    careernarr.validate(n)
    assert careernarr.from_json(careernarr.to_json(n)) == n


def test_crlf_input_gives_the_same_fields() -> None:
    lf = _parse("zh-hant-bilingual.txt")
    data = (HERE / "zh-hant-bilingual.txt").read_bytes().replace(b"\n", b"\r\n")
    crlf = careernarr.parse(data, extract=False)
    assert (crlf.format, crlf.title, crlf.summary, crlf.keywords) == ("article", lf.title, lf.summary, lf.keywords)


def test_forced_article_without_headings_names_what_was_expected() -> None:
    with pytest.raises(ParseError) as info:
        careernarr.parse("\n\n我的离职记录\n\n今年三月我离职了。\n", format="article")
    err = info.value
    assert err.line == 3  # the first line with text
    assert err.expected is not None and "摘要" in err.expected and "Abstract" in err.expected


def test_keywords_without_abstract_is_a_warning() -> None:
    n = PARSER.parse(Source("Keywords: burnout, nursing\n\nShe resigned after twelve years on the ward.\n"))
    assert n.summary is None and n.keywords == ("burnout", "nursing")
    assert any("no abstract heading" in w for w in n.warnings)


def test_abstract_without_keywords_ends_at_its_paragraph() -> None:
    text = "摘要：本文讨论倦怠。\n\n正文第一段。\n\n正文第二段。\n"
    n = PARSER.parse(Source(text))
    assert n.summary == "本文讨论倦怠。"
    assert [s.span.of(text) for s in n.sections if s.role == "body"] == ["正文第一段。", "正文第二段。"]
    assert any("no keywords heading" in w for w in n.warnings)


@pytest.mark.parametrize(
    ("line", "kind", "rest"),
    [
        ("摘要", "abstract", None),
        ("摘  要：本文研究倦怠", "abstract", "本文研究倦怠"),
        ("【摘要】本文", "abstract", "本文"),
        ("[摘要] 本文", "abstract", "本文"),
        ("内容提要：本书", "abstract", "本书"),
        ("**摘要**", "abstract", None),
        ("## Abstract", "abstract", None),
        ("Abstract: We study", "abstract", "We study"),
        ("Abstract — We study", "abstract", "We study"),
        ("关键词：甲；乙", "keywords", "甲；乙"),
        ("關鍵詞：甲、乙", "keywords", "甲、乙"),
        ("【關鍵字】甲、乙", "keywords", "甲、乙"),
        ("Key words: a, b", "keywords", "a, b"),
        ("KEYWORDS", "keywords", None),
        ("Index Terms—burnout, careers", "keywords", "burnout, careers"),
    ],
)
def test_heading_forms(line: str, kind: str, rest: str | None) -> None:
    (heading,) = find_headings(line)
    assert heading.kind == kind
    assert (line[heading.rest:] if heading.rest is not None else None) == rest


@pytest.mark.parametrize(
    "line",
    ["摘要显示他很累", "Abstract thinking is hard.", "Abstract-based methods", "(摘要", "关键词很重要。",
     "我们的关键词是坚持"],
)
def test_prose_is_not_a_heading(line: str) -> None:
    assert find_headings(line) == []


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("技术倦怠, 娱乐化科研, 资深离职", ["技术倦怠", "娱乐化科研", "资深离职"]),
        ("中年程序员；职业转型；裁员。", ["中年程序员", "职业转型", "裁员"]),
        ("職業倦怠、科技業、工程師", ["職業倦怠", "科技業", "工程師"]),
        ("技术倦怠  娱乐化科研 资深离职", ["技术倦怠", "娱乐化科研", "资深离职"]),
        ("machine learning  career change", ["machine learning", "career change"]),
        ("burnout; remote work; burnout", ["burnout", "remote work"]),
    ],
)
def test_split_keywords(line: str, words: list[str]) -> None:
    assert split_keywords(line) == words


_WORD = st.text(alphabet=st.sampled_from(list("职业倦怠转型裁员 abcdef")), min_size=1, max_size=10).map(
    lambda w: " ".join(w.split())).filter(bool)


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORD, min_size=2, max_size=8, unique=True), st.sampled_from([", ", "，", "、", "; ", "；"]))
def test_split_keywords_inverts_joining(words: list[str], sep: str) -> None:
    """With a separator present, splitting gives back the keywords (spaces inside them kept)."""
    assert split_keywords(sep.join(words)) == words


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    try:
        n = PARSER.parse(Source(text))
    except ParseError as exc:
        assert exc.line is not None
        return
    for span in n.spans():
        assert 0 <= span.start <= span.end <= len(n.text)
