"""The ``essay`` parser: title, verse, byline, paragraphs, subheadings, "Last updated" footer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.model import Narrative
from careernarr.parsers.essay import EssayParser, find_footer
from careernarr.source import Source, read_source
from careernarr.testing import check_parser

HERE = Path(__file__).parent / "fixtures" / "essay"
PARSER = EssayParser()

EXPECTED: dict[str, dict[str, Any]] = {
    "year-in-review-en.txt": {
        "title": "Year in Review: Leaving the Pager Behind",
        "date": "2025-01-04",
        "authors": (),
        "verse": ["Twelve months of alarms", "one quiet morning in May"],
        "parts": ["What changed", "What I learned"],
        "paragraphs": 9,
        "footer": "Last updated: January 4, 2025",
    },
    "zh-hans-annual.txt": {
        "title": "我的2023：从996到早十晚七",
        "date": "2024-01-02",
        "authors": ("林舟",),
        "verse": ["一年辞旧岁", "半生逐浮名", "夜半灯犹亮", "晨钟梦未醒"],
        "parts": ["一、工作", "二、身体", "三、选择"],
        "paragraphs": 9,
        "footer": "最后更新于 2024年1月2日",
    },
    "zh-hant-review.txt": {
        "title": "轉職這一年",
        "date": "2024-12-30",
        "authors": (),
        "verse": ["離開的那天下著雨", "我把識別證還給櫃檯", "走出大樓時", "天空忽然亮了"],
        "parts": [],
        "paragraphs": 4,
        "footer": "最後更新於 2024/12/30",
    },
    "freelance-notes-en.txt": {
        "title": "Notes From My First Year Freelancing",
        "date": "2023-03-03",  # from the dateline under the title
        "authors": ("Priya Raman",),
        "verse": None,
        "parts": [],
        "paragraphs": 4,  # hard-wrapped paragraphs stay whole
        "footer": None,
    },
}


def _parse(name: str) -> Narrative:
    return PARSER.parse(read_source(HERE / name))


def _roles(n: Narrative, role: str) -> list[str]:
    return [s.span.of(n.text) for s in n.sections if s.role == role]


def test_contract() -> None:
    """Sniff above other formats, detection, spans, no text lost, JSON round trip and schema."""
    check_parser(PARSER, sorted(HERE.iterdir()))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields_and_sections(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    assert n.format == "essay"
    assert (n.title, n.date, n.authors) == (want["title"], want["date"], want["authors"])
    assert n.metadata.get("verse") == want["verse"]
    assert [s.heading for s in n.sections if s.role == "part"] == want["parts"]
    assert len(_roles(n, "body")) == want["paragraphs"]
    assert _roles(n, "title") == [want["title"]]
    assert _roles(n, "footer") == ([want["footer"]] if want["footer"] else [])
    assert n.warnings == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_visible_character_is_in_a_section(name: str) -> None:
    n = _parse(name)
    assert n.text == read_source(HERE / name).text
    covered = [False] * len(n.text)
    for s in n.sections:
        for i in range(s.span.start, s.span.end):
            covered[i] = True
    lost = [i for i, ch in enumerate(n.text) if not ch.isspace() and not covered[i]]
    assert not lost, f"outside every section: {n.text[lost[0]:lost[0] + 20]!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_heading_spans_start_with_their_heading(name: str) -> None:
    n = _parse(name)
    for s in n.sections:
        if s.heading is not None:
            assert s.span.of(n.text).startswith(s.heading), s


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_and_valid_through_the_api(name: str) -> None:
    n = careernarr.parse(HERE / name)
    assert n.format == "essay"
    careernarr.validate(n)
    assert careernarr.from_json(careernarr.to_json(n)) == n


def test_crlf_input_gives_the_same_structure() -> None:
    lf = _parse("zh-hant-review.txt")
    crlf = careernarr.parse((HERE / "zh-hant-review.txt").read_bytes().replace(b"\n", b"\r\n"), extract=False)
    assert crlf.format == "essay"
    assert (crlf.title, crlf.date, crlf.metadata) == (lf.title, lf.date, lf.metadata)
    assert [(s.role, s.span) for s in crlf.sections] == [(s.role, s.span) for s in lf.sections]


def test_last_updated_without_a_date_is_a_footer_and_no_date() -> None:
    text = "何去何从\n\n今年我离开了工作了八年的公司，开始了一段新的旅程。\n\n未来还很长。\n\nLast updated\n"
    n = PARSER.parse(Source(text))
    assert n.date is None
    assert _roles(n, "footer") == ["Last updated"]
    assert n.metadata["last_updated"] is None


def test_date_on_the_line_after_the_label() -> None:
    text = "Leaving\n\nI resigned in March and took the summer off.\n\nLast updated\n2024-09-01\n"
    n = PARSER.parse(Source(text))
    assert n.date == "2024-09-01"
    assert _roles(n, "footer") == ["Last updated\n2024-09-01"]


@pytest.mark.parametrize(
    ("line", "footer"),
    [
        ("Last updated: 2024-12-31", True),
        ("Last modified on Dec 31, 2024", True),
        ("最后更新：2025年1月3日", True),
        ("更新于 2025-01-03", True),
        ("最後更新時間：2024/12/30", True),
        ("Updated 2 January 2025", True),
        ("Updated my résumé and sent it to three companies.", False),  # prose, not a footer
        ("更新了简历，投了三家公司。", False),
    ],
)
def test_footer_forms(line: str, footer: bool) -> None:
    assert (find_footer(f"标题\n\n正文第一段，写得很长很长。\n\n{line}\n") is not None) is footer


def test_no_title_line_is_a_warning_not_an_error() -> None:
    text = "这是一段很长的开头，没有标题，直接进入正文。作者讲述了自己离职的经过。\n\n第二段。\n"
    n = PARSER.parse(Source(text))
    assert n.title is None
    assert n.warnings and n.warnings[0].startswith("line 1:")
    assert len(_roles(n, "body")) == 2


def test_sniff_levels() -> None:
    with_footer = PARSER.sniff(read_source(HERE / "year-in-review-en.txt"))
    without = PARSER.sniff(read_source(HERE / "freelance-notes-en.txt"))
    assert with_footer == 0.6 and without == 0.3
    assert PARSER.sniff(Source("Timestamp: 2025-01-01\nTitle: x\n\nContent:\n正文。")) == 0.0
    assert PARSER.sniff(Source("一个很长的第一行，以句号结束，所以它不是标题。\n\n第二段。")) == 0.0


_PARA = st.text(alphabet=st.sampled_from(list("我在公司工作了三年后离职去旅行写作")), min_size=12, max_size=60).map(
    lambda s: s + "。")


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(alphabet=st.sampled_from(list("年度总结归零重启我的")), min_size=2, max_size=12),
    paragraphs=st.lists(_PARA, min_size=1, max_size=6),
    day=st.dates(),
    crlf=st.booleans(),
)
def test_generated_essays(title: str, paragraphs: list[str], day: Any, crlf: bool) -> None:
    text = "\n\n".join([title, *paragraphs, f"最后更新于 {day.year:04d}-{day.month:02d}-{day.day:02d}"]) + "\n"
    data = text.replace("\n", "\r\n") if crlf else text
    n = careernarr.parse(data.encode("utf-8"), extract=False)
    assert n.format == "essay"
    assert n.title == title
    assert n.date == f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    assert _roles(n, "body") == paragraphs
    careernarr.validate(n)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_with_spans_inside(text: str) -> None:
    if not text.strip():
        return
    n = PARSER.parse(Source(text))
    for span in n.spans():
        assert 0 <= span.start <= span.end <= len(n.text)
    assert 0.0 <= PARSER.sniff(Source(text)) <= 1.0


def test_two_even_clauses_with_written_dates_are_prose_not_verse() -> None:
    n = careernarr.parse("随笔\n\n2018年5月我辞了职。两周后我进了一家健身房。\n", format="essay")
    assert [s.role for s in n.sections] == ["title", "body"]
    assert "verse" not in n.metadata
    assert [e.kind for e in n.events][:1] == ["job_end"]


def test_verse_in_chinese_numerals_is_still_verse() -> None:
    n = careernarr.parse("年终\n\n二零二五似云烟，低谷高峰一线牵。\n\n今年我换了工作。\n", format="essay")
    assert "verse" in [s.role for s in n.sections]
