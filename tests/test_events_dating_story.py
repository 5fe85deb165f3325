"""An event takes a date from the sentences before it only while it continues their story."""

from __future__ import annotations

import opencc
import pytest

import careernarr

_S2TWP = opencc.OpenCC("s2twp")


def _dates(text: str) -> dict[str, tuple[str | None, str | None]]:
    narrative = careernarr.parse(text, format="text")
    return {e.kind: (e.when, e.when_source) for e in narrative.events}


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("later", ["后来我被裁了。", "如今我已经被裁了。"])
def test_a_sentence_that_moves_on_takes_no_earlier_date(convert: object, later: str) -> None:
    text = convert("2019年3月，我加入了一家创业公司。那段时间我每天加班。" + later)  # type: ignore[operator]
    found = _dates(text)
    assert found["job_start"] == ("2019-03", "sentence")
    assert found["overwork"] == ("2019-03", "paragraph")  # the same story: it carries
    assert found["job_end"] == (None, None)


@pytest.mark.parametrize("later", ["Later I was laid off.", "Years later I was laid off.",
                                   "These days I have been laid off."])
def test_a_sentence_that_moves_on_takes_no_earlier_date_in_english(later: str) -> None:
    found = _dates("In March 2019 I joined a startup. I worked long hours. " + later)
    assert found["job_start"] == ("2019-03", "clause")
    assert found["overwork"] == ("2019-03", "paragraph")
    assert found["job_end"] == (None, None)


def test_english_seasons_and_months_in_one_story() -> None:
    found = _dates("In March 2019 I joined a startup. That spring I worked long hours. In April I was promoted.")
    assert found["overwork"] == ("2019-21", "clause")
    assert found["promotion"] == ("2019-04", "clause")


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
def test_a_sentence_with_an_unresolved_time_of_its_own_takes_no_earlier_date(convert: object) -> None:
    found = _dates(convert("2019年3月，我加入了一家创业公司。上个月我被裁了。"))  # type: ignore[operator]
    assert found["job_start"] == ("2019-03", "sentence")
    assert found["job_end"] == (None, None)


def test_a_moved_on_sentence_under_a_dated_heading_keeps_the_heading() -> None:
    narrative = careernarr.parse("# 2021\n\nIn March I joined a startup. Later I was laid off.\n", format="markdown")
    found = {e.kind: (e.when, e.when_source) for e in narrative.events}
    assert found["job_end"] == ("2021", "heading")


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("one", ["有一个星期", "有一天", "有一次"])
def test_one_day_within_the_story_takes_its_date(convert: object, one: str) -> None:
    text = convert(f"写于2024年12月\n\n2023年3月到6月，我在工地上几乎没有休息。白天干活，晚上看图纸。{one}我连续加班到凌晨三点。")  # type: ignore[operator]
    assert careernarr.parse(text, format="text").events[-1].when == "2023-03/2023-06"


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
def test_a_planned_time_in_another_clause_does_not_date_what_was_done(convert: object) -> None:
    text = convert("写于2024年6月\n\n她报名了会计的自考课程，打算明年转岗。")  # type: ignore[operator]
    assert careernarr.parse(text, format="text").events[0].when is None
    text = convert("写于2024年6月\n\n2023年她报名了会计的自考课程，打算明年转岗。")  # type: ignore[operator]
    assert careernarr.parse(text, format="text").events[0].when == "2023"


@pytest.mark.parametrize("before", ["去年六月之前", "去年六月以前"])
def test_a_time_the_story_lies_before_dates_the_next_sentences_by_its_year(before: str) -> None:
    text = f"写于2023年1月\n\n{before}，我在广告公司写文案。最后那半年每周都要通宵加班。"
    events = careernarr.parse(text, format="text").events
    assert events[-1].kind == "overwork" and events[-1].when == "2022"



def test_a_run_on_transcript_sentence_dates_later_clauses_by_the_time_told_before() -> None:
    text = ("Timestamp: 2024-06-15T10:00:00\nTitle: 我的故事\nURL: https://www.bilibili.com/video/BV1xx411c7mD\n\nContent:\n"
            "[00:10] 22年底工厂订单少了很多 线长天天在车间骂人 大家都很紧张 我们宿舍六个人每天下班都在讨论要不要走 "
            "有人说再等等 有人说早走早好 我那时候也不知道怎么办 每天就是上班下班 反正我也在名单里面 就这样被裁了 赔了我两个月工资\n")
    events = [e for e in careernarr.parse(text).events if e.kind == "job_end"]
    assert [e.when for e in events] == ["2022-10/2022-12"]
