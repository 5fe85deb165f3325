"""Time expressions: the cases of tests/fixtures/time/cases.toml, EDTF validity, properties."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import edtf
import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.extract.context import ExtractionContext
from careernarr.extract.time import TimeExtractor, extract_times, find_times, reference_year
from careernarr.extract.time_numerals import (
    chinese_number,
    digit_sequence,
    english_number,
    is_vague,
    quantity,
)
from careernarr.extract.time_values import When, iso_duration
from careernarr.model import Diagram, Narrative, Post, Section, TimeExpr

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).parent / "fixtures" / "time"
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases.toml").read_text(encoding="utf-8"))["case"]
_DURATION = re.compile(r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?"
                       r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")
_S2T = opencc.OpenCC("s2t")


def check_well_formed(text: str, found: list[TimeExpr]) -> None:
    """Spans inside the text, sorted, not overlapping; values EDTF; durations ISO 8601."""
    last = 0
    for t in found:
        assert last <= t.span.start < t.span.end <= len(text)
        assert t.text == text[t.span.start : t.span.end]
        last = t.span.end
        if t.value is not None:
            edtf.parse_edtf(t.value)  # raises on anything that is not EDTF
        if t.duration is not None:
            assert _DURATION.match(t.duration), t.duration
        if t.resolved:
            assert t.value is not None


def valued(found: list[TimeExpr]) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.duration) for t in found if t.value or t.duration]


def run_case(case: dict[str, Any], text: str, convert: Any = None) -> None:
    found = find_times(text, case.get("ref"), title=case.get("title"))
    check_well_formed(text, found)
    expected = [
        (convert(e["text"]) if convert else e["text"], e.get("value"), e.get("duration"))
        for e in case.get("expect", [])
    ]
    got = valued(found)
    if case.get("exact", True):
        assert got == expected
    else:
        for item in expected:
            assert item in got
    for word in case.get("unresolved", []):
        word = convert(word) if convert else word
        assert any(t.text == word and t.value is None and not t.resolved for t in found), (word, found)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    run_case(case, case["text"])


ZH = [c for c in CASES if c["lang"] == "zh"]


@pytest.mark.parametrize("case", ZH, ids=[c["id"] for c in ZH])
def test_case_in_traditional_script(case: dict[str, Any]) -> None:
    """The same expressions, values and offsets on the OpenCC traditional conversion."""
    text = _S2T.convert(case["text"])
    assert len(text) == len(case["text"])  # s2t keeps these sentences' length
    run_case(case, text, convert=_S2T.convert)
    simplified = find_times(case["text"], case.get("ref"), title=case.get("title"))
    traditional = find_times(text, case.get("ref"), title=case.get("title"))
    assert [(t.span, t.value, t.duration) for t in simplified] == [(t.span, t.value, t.duration) for t in traditional]


# --- properties -----------------------------------------------------------------

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
_CN_DIGIT = "零一二三四五六七八九"


def _cn_year(year: int) -> str:
    return "".join(_CN_DIGIT[int(d)] for d in str(year))


def _cn_small(n: int) -> str:
    if n < 10:
        return _CN_DIGIT[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGIT[tens]) + "十" + (_CN_DIGIT[ones] if ones else "")


@st.composite
def dated_phrase(draw: st.DrawFn) -> tuple[str, str]:
    """A date written one of many ways, and its EDTF value."""
    year = draw(st.integers(1950, 2060))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    form = draw(st.sampled_from(range(9)))
    ymd = f"{year:04d}-{month:02d}-{day:02d}"
    ym = f"{year:04d}-{month:02d}"
    return [
        (f"{year}年{month}月{day}日", ymd),
        (f"{year}年{month}月", ym),
        (f"{year}/{month:02d}/{day:02d}", ymd),
        (f"{year}-{month:02d}-{day:02d}", ymd),
        (f"{_cn_year(year)}年{_cn_small(month)}月{_cn_small(day)}日", ymd),
        (f"{_MONTHS_EN[month - 1]} {day}, {year}", ymd),
        (f"{day} {_MONTHS_EN[month - 1]} {year}", ymd),
        (f"{_MONTHS_EN[month - 1]} {year}", ym),
        (f"{year}年", f"{year:04d}"),
    ][form]


_FILLERS = st.sampled_from(["", "我在", "In ", "那是", "，", "。", "Since ", "到了"])


@given(dated_phrase(), _FILLERS, st.sampled_from(["", "，我换了工作。", " I moved.", "的时候"]))
@settings(max_examples=300, deadline=None)
def test_generated_dates(phrase: tuple[str, str], before: str, after: str) -> None:
    written, value = phrase
    text = before + written + after
    found = find_times(text)
    check_well_formed(text, found)
    assert [(t.text, t.value) for t in found if t.value] == [(written, value)]


@given(st.integers(1950, 2060), st.sampled_from([("去年", -1), ("今年", 0), ("明年", 1), ("前年", -2),
                                                 ("两年前", -2), ("三年前", -3), ("last year", -1),
                                                 ("next year", 1), ("two years ago", -2)]))
@settings(max_examples=100, deadline=None)
def test_relative_years_count_from_the_reference(year: int, word: tuple[str, int]) -> None:
    written, offset = word
    found = find_times(f"{written}，", f"{year}-06-15")
    assert [(t.text, t.value, t.resolved) for t in found] == [(written, str(year + offset), True)]
    unresolved = find_times(f"{written}，")
    assert [(t.text, t.value, t.resolved) for t in unresolved] == [(written, None, False)]


_ALPHABET = st.sampled_from(list(
    "0123456789 年月日号天周个小时分秒季度初中底末终上下半去今明前后两三五十二一零〇春夏秋冬每第几多左右到至~-–/.:，。"
    "QaAyMmrs"
) + ["March ", "years ", "ago ", "in ", "early ", "the end of ", "2019", "2025年", "个月", "小时"])


@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from([None, "2025-11-17", "2020", "2019-02"]))
@settings(max_examples=400, deadline=None)
def test_any_text_gives_well_formed_expressions(text: str, ref: str | None) -> None:
    check_well_formed(text, find_times(text, ref))


# --- the reference year -----------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "date", "expected"),
    [
        (None, "去年我离职了。", "2025-11-17", 2025),
        (None, "去年我离职了。", "2019", 2019),
        ("我的2024年终总结", "去年我离职了。", None, 2024),
        ("My 2023 in review", "Last year I quit.", None, 2023),
        (None, "这是我的2025总结：人生过山车。", None, 2025),
        (None, "回首2022年，我经历了很多。", None, 2022),
        (None, "回顧2021年，我經歷了很多。", None, 2021),
        (None, "Looking back at 2020, I learned a lot.", None, 2020),
        (None, "二零二五年终总结", None, 2025),
        (None, "2019年我在上海工作，去年离职。", None, None),
        (None, "去年我离职了。", None, None),
    ],
)
def test_reference_year(title: str | None, text: str, date: str | None, expected: int | None) -> None:
    narrative = Narrative(format="text", text=text, title=title, date=date)
    assert reference_year(narrative, date) == expected


def test_reference_date_argument_wins_over_the_document() -> None:
    narrative = Narrative(format="text", text="回首2020年", date="2021-01-01")
    assert reference_year(narrative, "2025-11-17") == 2025
    assert reference_year(narrative) == 2021


# --- what is read and what is not -------------------------------------------------


def test_header_diagram_code_and_keywords_are_not_read() -> None:
    text = "Timestamp: 2025-11-13\n\n2024年3月入职。\n\n```\n2019年\n```\n\n关键词：2020年\n\ngraph TD; A[2018年]"
    code = text.index("```")
    keywords = text.index("关键词")
    graph = text.index("graph")
    narrative = Narrative(
        format="text", text=text,
        sections=[
            Section(None, 0, (0, 21), "header"),
            Section(None, 0, (23, 33), "body"),
            Section(None, 0, (code, keywords - 2), "code"),
            Section(None, 0, (keywords, graph - 2), "keywords"),
        ],
        diagrams=[Diagram("mermaid", (graph, len(text)))],
    )
    found = extract_times(narrative)
    assert [(t.text, t.value) for t in found] == [("2024年3月", "2024-03")]


def test_heading_year_is_the_context_of_its_section() -> None:
    text = "## 2019年\n\n3月，我入职了。\n\n## 去年\n\n5月，我离职了。"
    second = text.index("## 去年")
    narrative = Narrative(
        format="markdown", text=text, date="2025-11-17",
        sections=[Section("2019年", 2, (0, second - 2)), Section("去年", 2, (second, len(text)))],
    )
    assert valued(extract_times(narrative)) == [
        ("2019年", "2019", None), ("3月", "2019-03", None),
        ("去年", "2024", None), ("5月", "2024-05", None),
    ]


@pytest.mark.parametrize("heading", ["## 2023：旺季", "## 2023: Peak season", "## 2023"])
def test_year_heading_with_a_colon_and_title_governs_its_section(heading: str) -> None:
    text = f"## 2022：封号\n\n5月被封。\n\n{heading}\n\n今年开始加班。\n\n10 月中到 12 月中，连续 8 周单休。"
    second = text.index(heading)
    narrative = Narrative(
        format="markdown", text=text, date="2024-01-07",
        sections=[Section("2022：封号", 2, (0, second - 2)), Section(heading[3:], 2, (second, len(text)))],
    )
    values = {t.text: t.value for t in extract_times(narrative)}
    assert values["10 月中到 12 月中"] == "2023-10/2023-12"
    assert values["5月"] == "2022-05"


def test_year_and_clock_in_a_heading_is_no_year_heading() -> None:
    narrative = Narrative(format="markdown", text="## 2023:30 分钟\n\n5月被封。", date="2024-01-07",
                          sections=[Section("2023:30 分钟", 2, (0, 20))])
    assert "2023" not in [t.text for t in extract_times(narrative)]


def test_extractor_uses_the_context_reference_date() -> None:
    narrative = Narrative(format="text", text="去年3月离职。")
    found = TimeExtractor().extract(ExtractionContext(narrative, reference_date="2025-06-01"))
    assert [(t.text, t.value, t.resolved, t.rule) for t in found] == [("去年3月", "2024-03", True, "zh-relative-year")]


def test_plugin_lexicon_adds_words() -> None:
    narrative = Narrative(format="text", text="大大前年我毕业。")
    extra = {"lexicon": "time", "language": "zh", "relative_years": {"大大前年": -4}}
    assert valued(extract_times(narrative, "2025-01-01", [extra])) == [("大大前年", "2021", None)]
    assert valued(extract_times(narrative, "2025-01-01", [{"lexicon": "events"}])) == [("大前年", "2022", None)]


@pytest.mark.parametrize("name", sorted(p.name for p in (HERE / "docs").iterdir()))
def test_documents_through_the_pipeline(name: str) -> None:
    """Whole documents: parsed, extracted, every expression well formed and mapped to the text."""
    narrative = careernarr.parse(HERE / "docs" / name)
    check_well_formed(narrative.text, list(narrative.time_expressions))
    got = valued(list(narrative.time_expressions))
    assert got, name
    assert all(t.value is not None for t in narrative.time_expressions if t.resolved)


def test_document_relative_years_use_the_front_matter_date() -> None:
    narrative = careernarr.parse(HERE / "docs" / "notes-trad.md")
    by_text = {t.text: t.value for t in narrative.time_expressions}
    assert by_text["去年"] == "2023"  # 去年年終獎金: last year's bonus, a time of last year
    assert by_text["上個月"] == "2024-02"
    assert by_text["14年底到16年中"] == "2014-10/2016-08"
    assert "2024-03-18" not in by_text.values()  # the front matter is not prose


def test_document_reference_year_from_its_title() -> None:
    narrative = careernarr.parse(HERE / "docs" / "review-2023.txt")
    by_text = {t.text: t.value for t in narrative.time_expressions}
    assert by_text["去年"] == "2022"
    assert by_text["两年前"] == "2021"
    assert by_text["4月"] == "2023-04"


# --- the building blocks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "number"),
    [("十二", 12), ("两", 2), ("二十", 20), ("二十五", 25), ("一百零五", 105), ("两千", 2000), ("十", 10),
     ("三五", None), ("二零", None)],
)
def test_chinese_number(written: str, number: int | None) -> None:
    assert chinese_number(written) == number


@pytest.mark.parametrize(("written", "vague"), [("三五", True), ("两三", True), ("几", True), ("十几", True),
                                               ("二十三", False), ("十二", False), ("一百零五", False)])
def test_vague_numbers(written: str, vague: bool) -> None:
    assert is_vague(written) is vague
    assert (quantity(written) is None) is vague


def test_digit_sequences_and_english_numbers() -> None:
    assert digit_sequence("二零二五") == 2025
    assert digit_sequence("两零") is None
    assert english_number("twenty-five") == 25
    assert english_number("seven") == 7
    assert english_number("umpteen") is None


@pytest.mark.parametrize(
    ("parts", "iso"),
    [([(3, "M")], "P3M"), ([(1.5, "Y")], "P1Y6M"), ([(0.5, "Y")], "P6M"), ([(2.5, "M")], "P2M15D"), ([(0.3, "Y")], "P0.3Y"),
     ([(1.5, "TH")], "PT1H30M"), ([(2, "Y"), (3, "M")], "P2Y3M"), ([(2, "W")], "P2W"),
     ([(1, "W"), (2, "D")], "P9D"), ([(72, "TH")], "PT72H"), ([(0, "D")], None)],
)
def test_iso_duration(parts: list[tuple[float, str]], iso: str | None) -> None:
    assert iso_duration(parts) == iso


def test_when_ranges_and_seasons() -> None:
    start = When.months(2014, 10, 12)
    end = When.months(2016, 5, 8)
    joined = start.until(end)
    assert joined is not None and joined.edtf() == "2014-10/2016-08"
    assert end.until(start) is None
    assert When.of_season(2024, 24).edtf() == "2024-24"
    assert When.point(2025).approximate().edtf() == "2025~"
    assert When.days(2024, 2, 21, 31).edtf() == "2024-02-21/2024-02-29"


# --- the story's year: posts, top-level headings, anaphora ---------------------------


def _by_text(found: list[TimeExpr]) -> dict[str, tuple[str | None, str | None, bool]]:
    return {t.text: (t.value, t.duration, t.resolved) for t in found}


def test_each_post_is_its_own_story() -> None:
    """A year told in one post never dates a bare quarter in another (an undated thread)."""
    first, second = "我2021年入职，Q3转正。", "Q3的时候我也被裁了，同年十月去了外企。"
    text = first + "\n\n----------\n\n" + second
    start = text.index(second)
    narrative = Narrative(
        format="forum", text=text,
        posts=[Post(0, (0, len(first))), Post(1, (start, len(text)))],
        sections=[Section(None, 0, (0, len(first)), "post"), Section(None, 0, (start, len(text)), "post")],
    )
    found = extract_times(narrative)
    assert [(t.text, t.value, t.resolved) for t in found if t.span.start < start] == [
        ("2021年", "2021", False), ("Q3", "2021-07/2021-09", True)]
    assert [(t.text, t.value, t.resolved) for t in found if t.span.start >= start] == [
        ("Q3", None, False), ("同年十月", None, False)]


def test_a_post_with_its_own_time_is_its_own_reference() -> None:
    first, second = "去年我离职了。", "去年我也被裁了，3月才找到工作。"
    text = first + "\n\n" + second
    start = text.index(second)
    narrative = Narrative(
        format="forum", text=text, date="2023-01-05",
        posts=[Post(0, (0, len(first)), time="2023-01-05"), Post(1, (start, len(text)), time="2024-06-30")],
    )
    assert valued(extract_times(narrative)) == [
        ("去年", "2022", None), ("去年", "2023", None), ("3月", "2023-03", None)]


def test_a_top_level_heading_starts_a_new_story() -> None:
    """A transcript's Description and Content are told separately; lower headings carry the story."""
    description, content = "Description:\n2019年春天辞职，开了工作室。", "Content:\n3月，我接到第一个订单。"
    text = description + "\n\n" + content
    start = text.index(content)
    narrative = Narrative(
        format="transcript", text=text, date="2024-09-07",
        sections=[Section("Description", 1, (0, len(description)), "description"),
                  Section("Content", 1, (start, len(text)), "content")],
    )
    assert valued(extract_times(narrative)) == [("2019年春天", "2019-21", None), ("3月", "2024-03", None)]
    chapters = "## 辞职\n\n2019年春天辞职。\n\n## 开店\n\n3月，我接到第一个订单。"
    narrative = Narrative(
        format="markdown", text=chapters, date="2024-09-07",
        sections=[Section("辞职", 2, (0, chapters.index("## 开店") - 2)),
                  Section("开店", 2, (chapters.index("## 开店"), len(chapters)))],
    )
    assert valued(extract_times(narrative)) == [("2019年春天", "2019-21", None), ("3月", "2019-03", None)]


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("2018年入职，那年冬天第一次出差。", "那年冬天", "2018-24"),
        ("2018年入职，次年升职。", "次年", "2019"),
        ("In 2018 I moved. The following year I quit.", "The following year", "2019"),
        ("In 2018 I moved. That spring I quit.", "That spring", "2018-21"),
        ("那年冬天第一次出差。", "那年冬天", None),
        ("次年升职。", "次年", None),
        ("The following year I quit.", "The following year", None),
        ("That spring I quit.", "That spring", None),
    ],
)
def test_anaphora_resolve_from_the_text_or_stay_null(text: str, word: str, value: str | None) -> None:
    """Never from the reference year: only a dated expression before them gives them a value."""
    found = _by_text(find_times(text, "2025-11-17"))
    assert found[word] == (value, None, value is not None)


def test_documents_tell_their_story_years() -> None:
    english = _by_text(list(careernarr.parse(HERE / "docs" / "warehouse-en.md").time_expressions))
    assert english["'16"] == ("2016", None, False)
    assert english["May"] == ("2023-05", None, True)
    assert english["That summer"] == ("2023-22", None, True)
    assert english["ten hours"] == (None, "PT10H", False)
    assert english["September"] == ("2023-09", None, True)  # not 2016: "back in '16" is background
    assert english["a week off"] == (None, "P1W", False)
    assert english["The following year"] == ("2024", None, True)
    thread = careernarr.parse(HERE / "docs" / "thread-trad.md")
    found = [(t.text, t.value, t.duration) for t in thread.time_expressions if t.value or t.duration or t.rule != "zh-rate"]
    assert ("Q3", "2021-07/2021-09", None) in found
    assert ("Q4", None, None) in found  # a reply with no date: 前年 and Q4 are unknown
    assert ("同年十月", "2016-10", None) in found
    assert ("第二年", "2017", None) in found
    assert ("兩日", None, "P2D") in found


_ANAPHORS = ["同年", "次年", "同年九月", "那年秋天", "第二年", "当年年底", "That summer", "that fall",
             "The following year", "the same year", "That year"]
_UNDATED = ["我换了工作。", "I quit.", "\n\n", "休了三个月，", "took a week off. ", "，", "。", "## 转行\n\n",
            "每天加班超过十二小时。", "I worked over ten hours a day. "]


@given(st.lists(st.sampled_from(_ANAPHORS + _UNDATED), max_size=12), st.sampled_from([None, "2025-11-17", "2020"]))
@settings(max_examples=200, deadline=None)
def test_anaphora_without_a_dated_expression_are_never_guessed(parts: list[str], ref: str | None) -> None:
    """However the reference date is set, an anaphor with nothing dated before it has no value."""
    text = "".join(parts)
    found = find_times(text, ref)
    check_well_formed(text, found)
    assert all(t.value is None and not t.resolved for t in found if t.text in _ANAPHORS), found
