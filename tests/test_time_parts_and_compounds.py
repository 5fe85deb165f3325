"""Decades in parts (九十年代初, the late 1980s), lengths joined by 零 (三年零八个月), a year glossed
and then parted (今年（2024）Q1), seasons that are not one of the story (春运, 夏天和冬天), a number
in a user's handle, 但第二年 and the month a date-of-writing phrase names."""

from __future__ import annotations

import pytest
from extract_helpers import SCRIPTS, in_script

import careernarr
from careernarr.extract.time import find_times


def _found(text: str, ref: str | None = "2025-06-18") -> dict[str, tuple[str | None, str | None]]:
    return {t.text: (t.value, t.duration) for t in find_times(text, ref)}


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("九十年代初，这一行的师傅供不应求。", "九十年代初", "1990/1993"),
    ("八十年代末期他进了国营厂。", "八十年代末期", "1987/1989"),
    ("到了90年代中期，厂子开始亏损。", "90年代中期", "1994/1996"),
    ("九十年代的工厂很多。", "九十年代", "199X"),
])
def test_a_part_of_a_decade_is_some_years_of_it(script: str, text: str, expr: str, value: str) -> None:
    text, expr = in_script(script, text), in_script(script, expr)
    assert _found(text)[expr] == (value, None)


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("In the early 1990s the shop had forty benches.", "early 1990s", "1990/1993"),
    ("By the mid-1990s the plant was losing money.", "mid-1990s", "1994/1996"),
    ("He started in the late 80s.", "late 80s", "1987/1989"),
    ("She moved there in the 1990s.", "1990s", "199X"),
])
def test_an_english_part_of_a_decade(text: str, expr: str, value: str) -> None:
    assert _found(text)[expr] == (value, None)


def test_a_decade_followed_by_a_noun_is_the_whole_decade() -> None:
    assert _found("九十年代中国的工厂很多。")["九十年代"] == ("199X", None)  # 中国, not 中期
    assert "in her 30s" not in _found("She was in her 30s then.")


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expr", "duration"), [
    ("学徒期三年零八个月，头一年只准扫地。", "三年零八个月", "P3Y8M"),
    ("前后一共两年零三个月。", "两年零三个月", "P2Y3M"),
])
def test_lengths_joined_by_ling_are_one(script: str, text: str, expr: str, duration: str) -> None:
    text, expr = in_script(script, text), in_script(script, expr)
    assert _found(text)[expr] == (None, duration)


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("今年（2024）Q1 的绩效出来了，我拿了C。", "今年（2024）Q1", "2024-01/2024-03"),
    ("去年（2023）下半年特别忙。", "去年（2023）下半年", "2023-07/2023-12"),
])
def test_a_glossed_year_and_its_part_are_one_expression(text: str, expr: str, value: str) -> None:
    assert _found(text, "2024-05-01")[expr] == (value, None)


@pytest.mark.parametrize("script", SCRIPTS)
def test_chunyun_is_the_festival_rush_not_spring(script: str) -> None:
    found = _found(in_script(script, "2015年春运，车厢超员到百分之一百八十。"))
    assert found[in_script(script, "2015年")] == ("2015", None)


@pytest.mark.parametrize("script", SCRIPTS)
def test_paired_seasons_are_any_year(script: str) -> None:
    text = in_script(script, "2020年我入行。师傅说，夏天和冬天的配比不一样，春天、秋天最好做。")
    values = [t.value for t in find_times(text, None) if t.rule != "zh-year"]
    assert values == [None] * len(values)


def test_a_number_in_a_users_handle_is_not_a_year() -> None:
    assert "2046" not in _found("@打工仔2046 #4 考的时候体能测试难唔难？")
    assert _found("2046年的事谁知道。")["2046年"] == ("2046", None)


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_next_year_after_a_conjunction(script: str) -> None:
    text = in_script(script, "2020年出口爆单。那一年公司赚翻了，但第二年春天我就查出了胃溃疡。")
    assert _found(text, None)[in_script(script, "第二年春天")] == ("2021-21", None)


def test_the_month_a_writing_phrase_names_dates_last_season() -> None:
    text = "I'm writing this in February 2022, in the back office of my shop.\n\nLast fall I took a course."
    times = {t.text: t.value for t in careernarr.parse(text).time_expressions}
    assert times["Last fall"] == "2021-23"


def test_a_year_after_then_that_ends_the_clause() -> None:
    assert _found("Then 2020. For two months nobody drove anywhere.")["2020"] == ("2020", None)
    assert "2000" not in _found("And then 2000 people came.")


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("2016年中专毕业就进了这一行。", "2016年", "2016"),  # a vocational school, not mid-2016
    ("98年中五毕业，成绩一般。", "98年", "1998"),  # Hong Kong's Form 5
    ("2009年中考那天下着雨。", "2009年", "2009"),
    ("14年底到16年中一直在深圳。", "14年底到16年中", "2014-10/2016-08"),  # 中一直: still mid-2016
    ("2019年中我换了工作。", "2019年中", "2019-05/2019-08"),
])
def test_a_school_after_nian_zhong_is_no_middle_of_the_year(script: str, text: str, expr: str, value: str) -> None:
    found = _found(in_script(script, text))
    assert found[in_script(script, expr)][0] == value, found


@pytest.mark.parametrize(("text", "found"), [
    ("but I had six people under me 2016 was bad my knee went", {"2016": "2016"}),  # a run-on transcript
    ("2020 was the year I quit.", {"2020": "2020"}),
    ("Room 2016 was cold.", {}),
    ("We shipped 2016 units, and that was bad.", {}),
])
def test_a_bare_year_judged_is_a_year(text: str, found: dict[str, str]) -> None:
    assert {t: v for t, (v, _) in _found(text).items() if v} == found


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("In March last year I quit.", "March last year", "2024-03"),
    ("In January this year I moved to a new team.", "January this year", "2025-01"),
    ("In January of this year I moved.", "January of this year", "2025-01"),
    ("I start in September next year.", "September next year", "2026-09"),
])
def test_a_month_of_this_or_last_year_is_one_month(text: str, expr: str, value: str) -> None:
    assert _found(text)[expr] == (value, None)


def test_a_month_of_last_year_without_a_date_of_writing_stays_unplaced() -> None:
    assert _found("In March last year I quit.", ref=None)["March last year"] == (None, None)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("我入行是19年底", "19年底", "2019-10/2019-12"),
    ("店是2021年年中", "2021年年中", "2021-05/2021-08"),
    ("合同签到了2024年初", "2024年初", "2024-01/2024-03"),
])
def test_a_part_of_the_year_at_the_very_end_of_the_text_is_kept(script: str, text: str, expr: str, value: str) -> None:
    found = _found(in_script(script, text))
    assert found[in_script(script, expr)][0] == value, found


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("2015年暑假我去工地打工。", "2015年暑假", "2015-22"),  # the summer holidays: that summer
    ("去年寒假我回了老家。", "去年寒假", "2024-24"),
])
def test_the_school_holidays_are_their_season(script: str, text: str, expr: str, value: str) -> None:
    found = _found(in_script(script, text))
    assert found[in_script(script, expr)][0] == value, found


def test_a_school_holiday_takes_no_day_after_it() -> None:
    assert "2015年暑假" in _found("2015年暑假天天加班。")


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("In March 2014 I quit. A week later I enrolled in a pastry course.", "A week later", "2014-03"),
    ("In early 2014 I quit. A week later I enrolled in a pastry course.", "A week later", "2014-01/2014-03"),
    ("2018年5月3日我辞了职。三天后我去了一家健身房上班。", "三天后", "2018-05-06"),
    ("2018年5月我辞了职。两周后我去了一家健身房上班。", "两周后", "2018-05"),
])
def test_a_few_days_or_weeks_later_stay_in_the_time_just_told(text: str, expr: str, value: str) -> None:
    assert _found(text)[expr][0] == value


def test_a_few_weeks_later_keep_their_length_too() -> None:
    assert _found("In January 2015 I failed. I passed it three weeks later.")["three weeks later"] == ("2015-01", "P3W")


def test_many_weeks_later_are_only_a_length() -> None:
    assert _found("2018年5月我辞了职。十个星期后我又回去了。")["十个星期后"][0] is None


def test_the_same_month_is_no_length_of_a_month() -> None:
    found = _found("2018年5月我辞了职。同一个月我进了一家健身房。")
    assert "一个月" not in found and found["2018年5月"][0] == "2018-05"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("My apprenticeship ran 1994 to 1998: four years of night classes.", "1994 to 1998", "1994/1998"),
    ("I drove trucks 2009 to 2013 for a dairy.", "2009 to 2013", "2009/2013"),
])
def test_a_bare_year_that_a_later_year_closes_opens_a_range(text: str, expr: str, value: str) -> None:
    assert _found(text)[expr][0] == value


def test_numbers_that_count_something_open_no_range() -> None:
    assert "1994 to 1998" not in _found("We sold 1994 to 1998 units a month.")
