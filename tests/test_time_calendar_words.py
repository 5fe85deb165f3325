"""Calendar words: 民国 (ROC) era years, relative years after a word that ends in 以/之/然,
and the one before last (上上个月, 上上周, 大前年, the month before last)."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careernarr.extract.time import find_times

_S2T = opencc.OpenCC("s2t")
_SCRIPTS = [lambda s: s, _S2T.convert]
_IDS = ["zh-Hans", "zh-Hant"]
REF = "2025-06-18"


def _found(text: str, ref: str | None = REF) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.duration) for t in find_times(text, ref)]


# --- 民国 years -------------------------------------------------------------------------


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("民国109年我进了航空公司。", "民国109年", "2020"),
    ("民国一百零九年我进了航空公司。", "民国一百零九年", "2020"),
    ("民国 109 年 3 月我进了航空公司。", "民国 109 年 3 月", "2020-03"),
    ("民国一〇九年三月我进了航空公司。", "民国一〇九年三月", "2020-03"),
    ("民国九十九年底我退伍。", "民国九十九年底", "2010-10/2010-12"),
    ("中华民国108年度的考核我拿了甲等。", "中华民国108年度", "2019"),
    ("民国元年，他的祖父出生。", "民国元年", "1912"),
    ("民国一百零九年的春天，公司开始放无薪假。", "民国一百零九年的春天", "2020-21"),
    ("109年3月我到职。", "109年3月", "2020-03"),
])
def test_an_era_year_is_counted_from_the_era(convert: object, text: str, expr: str, value: str) -> None:
    text, expr = convert(text), convert(expr)  # type: ignore[operator]
    found = _found(text, None)  # the value needs no reference date
    assert (expr, value, None) in found


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize("text", ["这家店有109年的历史。", "109年过去了，没人记得他。", "他在那里住了109年"])
def test_three_digits_before_nian_without_era_or_month_are_no_year(convert: object, text: str) -> None:
    text = convert(text)  # type: ignore[operator]
    assert all(value is None for _, value, _ in _found(text))


def test_an_era_range_reads_its_right_end_in_the_era() -> None:
    assert ("民國108年至110年", "2019/2021", None) in _found("民國108年至110年我在桃園機場工作。")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=150), st.integers(min_value=1, max_value=12))
def test_every_era_year_and_month_is_1911_on(year: int, month: int) -> None:
    text = f"民國{year}年{month}月，我換了工作。"
    assert (f"民國{year}年{month}月", f"{1911 + year}-{month:02d}", None) in _found(text)


# --- 前年 after 所以, 可以 … ----------------------------------------------------------------

_YEARS = {"前年": "2023", "去年": "2024", "今年": "2025", "明年": "2026", "后年": "2027"}


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize("lead", ["所以", "可以", "难以", "加以", "自从", "项目", "同事", "因此", "虽然"])
@pytest.mark.parametrize("word", list(_YEARS))
def test_a_relative_year_after_a_word_that_ends_in_its_glue_is_found(convert: object, lead: str, word: str) -> None:
    text = convert(f"那时候{lead}{word}三月的事我记得很清楚。")  # type: ignore[operator]
    expr = convert(f"{word}三月")  # type: ignore[operator]
    assert (expr, f"{_YEARS[word]}-03", None) in _found(text)


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_a_resignation_after_suoyi_is_dated(convert: object) -> None:
    text = convert("我在报社做了七年。所以前年三月我就递了辞呈。")  # type: ignore[operator]
    assert (convert("前年三月"), "2023-03", None) in _found(text)  # type: ignore[operator]


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize("text", ["以前年轻的时候我不怕加班。", "之前年底总要加班。", "从前年纪小，不懂事。",
                                  "目前年薪还行。"])
def test_yiqian_and_its_kin_followed_by_nian_are_no_time(convert: object, text: str) -> None:
    text = convert(text)  # type: ignore[operator]
    found = _found(text)
    assert all(value is None for _, value, _ in found), found
    assert not any(t.startswith(("以前", "之前", "從前", "从前")) for t, _, _ in found)


# --- the one before last -------------------------------------------------------------------


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("上上个月我递了辞呈。", "上上个月", "2025-04"),
    ("上上月刚转正。", "上上月", "2025-04"),
    ("下下个月搬家。", "下下个月", "2025-08"),
    ("上上周面试了两家。", "上上周", "2025-06-02/2025-06-08"),
    ("上上个礼拜面试了两家。", "上上个礼拜", "2025-06-02/2025-06-08"),
    ("上上星期面试了两家。", "上上星期", "2025-06-02/2025-06-08"),
    ("大前年我还在读研。", "大前年", "2022"),
    ("大后年我想出国。", "大后年", "2028"),
    ("大前天我交了辞呈。", "大前天", "2025-06-15"),
    ("上个月我递了辞呈。", "上个月", "2025-05"),
])
def test_the_one_before_last(convert: object, text: str, expr: str, value: str) -> None:
    text, expr = convert(text), convert(expr)  # type: ignore[operator]
    assert _found(text) == [(expr, value, None)]


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("I quit the month before last.", "the month before last", "2025-04"),
    ("We met the week before last.", "the week before last", "2025-06-02/2025-06-08"),
    ("I left the year before last.", "the year before last", "2023"),
    ("I start the day after tomorrow.", "the day after tomorrow", "2025-06-20"),
])
def test_the_one_before_last_in_english(text: str, expr: str, value: str) -> None:
    assert _found(text) == [(expr, value, None)]


# --- last October, this past January, next fall, that July ---------------------------------


@pytest.mark.parametrize(("text", "ref", "expr", "value"), [
    ("I gave notice last October.", "2024-12-29", "last October", "2023-10"),
    ("Last January I spent ninety days offline.", "2024-03-09", "Last January", "2023-01"),
    ("This past January I started at the hospital.", "2024-12-29", "This past January", "2024-01"),
    ("This past November I moved.", "2024-03-09", "This past November", "2023-11"),
    ("Next March I sit the exam.", "2024-12-29", "Next March", "2025-03"),
    ("I sit the exam next October.", "2024-03-09", "next October", "2024-10"),
    ("I start a new studio next fall.", "2024-03-09", "next fall", "2024-23"),
    ("In the summer of '15 I got hired.", "2024-03-09", "the summer of '15", "2015-22"),
])
def test_an_english_month_or_season_named_from_the_present(text: str, ref: str, expr: str, value: str) -> None:
    assert (expr, value, None) in _found(text, ref)


def test_that_month_is_the_storys_and_keeps_its_word() -> None:
    found = _found("I graduated in May 2014, passed boards that July, and started in the fall.", "2024-12-29")
    assert ("that July", "2014-07", None) in found


@pytest.mark.parametrize(("text", "ref"), [
    ("I start a new studio next fall.", "2024-10-01"),  # which fall: this one is under way
    ("I gave notice last October.", None),  # last October of when?
])
def test_an_english_month_or_season_from_the_present_stays_unknown_without_a_clear_reference(
        text: str, ref: str | None) -> None:
    assert all(value is None for _, value, _ in _found(text, ref))


def test_the_last_may_is_no_date_of_last_year() -> None:
    assert all(not expr.lower().startswith("last") for expr, _, _ in _found("The last May I remember was wet.", "2024-10-01"))


def test_a_year_ago_count_beyond_the_calendar_stays_unresolved() -> None:
    assert [(t.value, t.duration) for t in find_times("12025年前", "2025-11-17")] == [(None, None)]
    assert [t.value for t in find_times("March 12025年后", "2025-11-17")] == ["2025-03", None]


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize(("text", "expr", "duration"), [
    ("琴日揸咗十二粒钟车，揸到手腕都痛。", "十二粒钟", "PT12H"),
    ("佢喺度等咗三粒钟。", "三粒钟", "PT3H"),
])
def test_cantonese_hours_are_counted_in_lap_zung(convert: object, text: str, expr: str, duration: str) -> None:
    text, expr = convert(text), convert(expr)  # type: ignore[operator]
    assert (expr, None, duration) in _found(text)


# --- per day, any day, between N and M minutes -----------------------------------------------


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize(("text", "expr"), [
    ("我最夸张的时候一天要发八则新闻。", "一天"),
    ("那时候一个月到手三千多。", "一个月"),
    ("一个礼拜能休一天就谢天谢地了。", "一个礼拜"),
    ("干工程的人总说一年一个项目。", "一年"),
    ("我一天要爬两趟塔吊。", "一天"),
    ("比在飞机上的任何一天都更像她自己。", "一天"),
])
def test_one_unit_before_a_count_of_what_is_done_in_it_is_no_length(convert: object, text: str, expr: str) -> None:
    text, expr = convert(text), convert(expr)  # type: ignore[operator]
    found = _found(text)
    assert any(t == expr for t, _, _ in found)
    assert all(d is None for t, _, d in found if t == expr)


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
@pytest.mark.parametrize(("text", "expr", "duration"), [
    ("花了一个月写了三篇论文。", "一个月", "P1M"),
    ("我请了一天假。", "一天", "P1D"),
    ("我在那里待了一个月，认识了三个朋友。", "一个月", "P1M"),
])
def test_one_unit_after_a_verb_stays_a_length(convert: object, text: str, expr: str, duration: str) -> None:
    text, expr = convert(text), convert(expr)  # type: ignore[operator]
    assert (expr, None, duration) in _found(text)


@pytest.mark.parametrize(("text", "expr"), [
    ("Interviews lasted between 50 and 95 minutes.", "50 and 95 minutes"),
    ("It took between two and three years.", "two and three years"),
])
def test_between_n_and_m_units_is_a_range_of_lengths(text: str, expr: str) -> None:
    assert [(t, d) for t, _, d in _found(text)] == [(expr, None)]


def test_n_and_m_units_without_between_is_no_range() -> None:
    assert ("4 hours", None, "PT4H") in _found("I slept 3 and 4 hours.")
