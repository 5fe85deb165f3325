"""Anaphoric times: counted from the antecedent (the closest preceding dated expression), never guessed."""

from __future__ import annotations

import opencc
import pytest

from careernarr.extract.time import find_times

_S2TWP = opencc.OpenCC("s2twp")


def values(text: str, reference_date: str | None = None) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, reference_date)}


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("2019年我入职。第二年3月我升职了。", "第二年3月", "2020-03"),
    ("2019年我入职。次年三月我升职了。", "次年三月", "2020-03"),
    ("2019年我入职。隔年我升职了。", "隔年", "2020"),
    ("2019年我入职。翌年我升职了。", "翌年", "2020"),
    ("2019年我入职。同年年底我升职了。", "同年年底", "2019-10/2019-12"),
    ("2019年我入职。当年秋天我升职了。", "当年秋天", "2019-23"),
    ("2019年我入职。那年年底我升职了。", "那年年底", "2019-10/2019-12"),
    ("2021年部门重组。她的导师也在同一年提前退休。", "同一年", "2021"),
    ("2021年合作社成立。也是在这一年，妻子回到村里。", "这一年", "2021"),
])
def test_chinese_anaphoric_years_count_from_the_antecedent(convert: object, text: str, expr: str,
                                                             value: str) -> None:
    found = values(convert(text))  # type: ignore[operator]
    assert found[convert(expr)] == value  # type: ignore[operator]


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize(("text", "expr"), [
    ("第二年3月我升职了。", "第二年3月"),
    ("隔年我升职了。", "隔年"),
    ("毕业那年我去了北京。", "那年"),
    ("那年年底我升职了。", "那年年底"),
])
def test_chinese_anaphoric_years_without_an_antecedent_stay_unresolved(convert: object, text: str,
                                                                        expr: str) -> None:
    found = values(convert(text))  # type: ignore[operator]
    assert convert(expr) in found  # type: ignore[operator]
    assert found[convert(expr)] is None  # type: ignore[operator]


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("I joined in 2019. The year after, I was promoted.", "The year after", "2020"),
    ("I joined in 2019. A year later I was promoted.", "A year later", "2020"),
    ("I joined in 2019. The next spring I was promoted.", "The next spring", "2020-21"),
    ("I joined in 2019. The following spring I was promoted.", "The following spring", "2020-21"),
    ("I joined in 2019. That winter I was promoted.", "That winter", "2019-24"),
    ("I joined in 2019. The following March I was promoted.", "The following March", "2020-03"),
    ("I joined in 2019. The next March I was promoted.", "The next March", "2020-03"),
    ("At the start of 2021 I quit.", "the start of 2021", "2021-01/2021-03"),
    ("In the first half of 2020 I quit.", "the first half of 2020", "2020-01/2020-06"),
    ("In mid-2018 I quit.", "mid-2018", "2018-05/2018-08"),
    ("I joined in 2019. That spring I moved. In April I was promoted.", "April", "2019-04"),
])
def test_english_anaphoric_times_count_from_the_antecedent(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == value


@pytest.mark.parametrize(("text", "expr"), [
    ("The following March I was promoted.", "The following March"),
    ("The next spring I was promoted.", "The next spring"),
    ("That winter I was promoted.", "That winter"),
])
def test_english_anaphoric_times_without_an_antecedent_stay_unresolved(text: str, expr: str) -> None:
    found = values(text)
    assert expr in found
    assert found[expr] is None


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
def test_a_stated_speech_time_is_the_reference_of_its_sentence(convert: object) -> None:
    found = values(convert("2023年4月访谈时，她说今年想换工作，去年已经面试过几家。"))  # type: ignore[operator]
    assert found[convert("今年")] == "2023"  # type: ignore[operator]
    assert found[convert("去年")] == "2022"  # type: ignore[operator]


def test_a_stated_speech_time_in_english() -> None:
    found = values("When I spoke to her in May 2023, she said this year was hard and last year was worse.")
    assert found["this year"] == "2023"
    assert found["last year"] == "2022"


def test_a_speech_time_does_not_reach_past_its_sentence() -> None:
    found = values("2023年4月访谈时，她很紧张。今年我又去看她。")
    assert found["今年"] is None


def test_a_document_reference_date_wins_over_a_date_in_the_sentence() -> None:
    found = values("2019年我入职，今年是第五年。", reference_date="2024-05-01")
    assert found["今年"] == "2024"


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
def test_a_year_a_state_lasted_since_is_not_what_that_year_means(convert: object) -> None:
    text = convert("2019年我跳槽到了A公司，这家公司2010年以来一直亏损。那年年底我升职了。")  # type: ignore[operator]
    assert values(text)[convert("那年年底")] == "2019-10/2019-12"  # type: ignore[operator]


def test_a_year_a_state_lasted_since_is_not_what_that_year_means_in_english() -> None:
    text = "I joined Acme in 2019; the firm had been losing money since 2010. That winter I was promoted."
    assert values(text)["That winter"] == "2019-24"


@pytest.mark.parametrize("text", [
    "这家公司2010年以来一直亏损。那年年底我入职了。",
    "The firm has been losing money since 2010. That winter I joined.",
])
def test_with_no_other_year_a_since_year_is_still_the_antecedent(text: str) -> None:
    found = values(text)
    assert any(v in ("2010-10/2010-12", "2010-24") for v in found.values())


def test_back_in_a_year_is_still_what_that_year_means() -> None:
    text = "I joined in 2019. Back in 2015 I had met the founder. That winter we went skiing."
    assert values(text)["That winter"] == "2015-24"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("I joined in 2019. By the end of that year I was promoted.", "the end of that year", "2019-10/2019-12"),
    ("I joined in 2019. Early the next year I was promoted.", "Early the next year", "2020-01/2020-03"),
    ("I joined in 2019. In the spring of the following year I left.", "the spring of the following year", "2020-21"),
    ("I joined in 2019. By the end of the year I was promoted.", "the end of the year", "2019-10/2019-12"),
    ("I joined in 2019. In the first half of the year I shipped.", "the first half of the year", "2019-01/2019-06"),
])
def test_english_parts_of_an_anaphoric_year(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == value


def test_the_end_of_the_year_takes_the_reference_year_with_no_story_year() -> None:
    assert values("By the end of the year I hope to ship it.", "2023-05-01")["the end of the year"] == "2023-10/2023-12"
    assert values("By the end of the year I hope to ship it.")["the end of the year"] is None


def test_the_end_of_the_year_before_counts_from_the_antecedent() -> None:
    found = values("I quit in 2020. By the end of the year before, I had already stopped caring.")
    assert found["the end of the year before"] == "2019-10/2019-12"


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("text", ["2019年我入职。我们隔年举办一次年会。", "2019年我入职。这个比赛隔年一届。"])
def test_every_other_year_is_not_the_next_year(convert: object, text: str) -> None:
    found = values(convert(text))  # type: ignore[operator]
    assert [v for v in found.values() if v is not None] == ["2019"]


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
def test_a_season_after_n_years_later(convert: object) -> None:
    found = values(convert("2019年我入职。三年后的夏天我离职了。"))  # type: ignore[operator]
    assert found[convert("三年后的夏天")] == "2022-22"  # type: ignore[operator]
    alone = {t.text: (t.value, t.duration) for t in find_times(convert("三年后的夏天我离职了。"))}  # type: ignore[operator]
    assert alone[convert("三年后")] == (None, "P3Y")  # type: ignore[operator]


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("2014年我毕业了。毕业那年我去了北京。", "那年", "2014"),
    ("2014年6月毕业后，我进了银行。2016年跳槽。毕业那年年底，我转正了。", "那年年底", "2014-10/2014-12"),
    ("2014年我毕业了。毕业的那一年冬天我去了北京。", "那一年冬天", "2014-24"),
    ("2019年我入职。毕业那年我去了北京。", "那年", None),
    ("2019年我入职。毕业那年年底我转正了。", "那年年底", None),
    ("离开中环那一年，我30岁。", "那一年", None),
    ("2019年我入职，那年我25岁。", "那年", "2019"),
])
def test_the_year_of_a_happening_is_known_only_if_told(convert: object, text: str, expr: str,
                                                       value: str | None) -> None:
    found = values(convert(text))  # type: ignore[operator]
    assert found[convert(expr)] == value  # type: ignore[operator]


def test_cantonese_go_nian_is_na_nian() -> None:
    assert values("2020年我入行。嗰年二月我老公确诊。")["嗰年二月"] == "2020-02"
    assert values("2020年我入行。嗰年二月我老公確診。")["嗰年二月"] == "2020-02"


def test_zhe_yi_nian_after_zai_needs_a_year_told_before() -> None:
    assert values("也是在这一年，妻子回到村里。") == {"这一年": None}
    assert values("这一年我过得很累。", "2023-12-31") == {"这一年": None}  # deictic: kept, never resolved
