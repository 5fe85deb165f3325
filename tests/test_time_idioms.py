"""Numbers and time words that name no time (三分钟热度, 十年磨一剑), and a year that can be nothing else (09年).

They are written here for these tests; each must give no time expression, in either
script, while the same time word used plainly stays a duration.
"""

from __future__ import annotations

import opencc
import pytest

import careernarr
from careernarr.model import TimeExpr

_S2TWP = opencc.OpenCC("s2twp")

IDIOMS = [
    "年轻人做事都是三分钟热度。",
    "他说我干什么都只有五分钟热度。",
    "我在车间里一直是千年老二。",
    "师傅常说，十年磨一剑。",
    "十年寒窗，换来一张文凭。",
    "她三天两头往医院跑。",
    "这病一年半载好不了。",
    "这事一时半会儿说不清。",
]


def _parsed(text: str, *, traditional: bool = False, dated: bool = False) -> list[TimeExpr]:
    """The time expressions of ``text`` told as an essay (in Taiwan script, or written on 2024-05-01)."""
    body = _S2TWP.convert(text) if traditional else text
    if dated:
        return list(careernarr.parse(f"---\ntitle: 随笔\ndate: 2024-05-01\n---\n\n{body}\n", format="frontmatter").time_expressions)
    return list(careernarr.parse(f"随笔\n\n{body}\n", format="essay").time_expressions)


def _times(text: str) -> list[str]:
    return [t.text for t in _parsed(text)]


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
@pytest.mark.parametrize("text", IDIOMS)
def test_a_set_phrase_is_not_a_time(text: str, traditional: bool) -> None:
    assert [t.text for t in _parsed(text, traditional=traditional)] == []


@pytest.mark.parametrize(("text", "duration"), [("我在门口等了三分钟。", "PT3M"), ("那活我磨了十年。", "P10Y")])
def test_the_same_words_said_plainly_are_a_duration(text: str, duration: str) -> None:
    assert [t.duration for t in _parsed(text)] == [duration]


@pytest.mark.parametrize(("text", "value"), [
    ("小弟09年机电系毕业，一出来就进了电梯公司。", "2009"),
    ("阿姐05年底进了厂。", "2005-10/2005-12"),
])
def test_a_two_digit_year_with_a_leading_zero_is_a_year_wherever_it_stands(text: str, value: str) -> None:
    assert [t.value for t in _parsed(text)] == [value]


@pytest.mark.parametrize(("text", "value", "duration"), [
    ("那几年胃一直不好，16年还因为胃出血住了一次院。", "2016", None),
    ("那几年在外面跑，16年也去了一趟深圳。", "2016", None),
    ("他在外面漂着，20年都没回家。", None, "P20Y"),
    ("他说，10年还算短。", None, "P10Y"),
])
def test_a_clause_opening_two_digit_year_before_also_tells_that_year(text: str, value: str | None,
                                                                   duration: str | None) -> None:
    assert [(t.value, t.duration) for t in _parsed(text) if t.text[0].isdigit()] == [(value, duration)]


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
@pytest.mark.parametrize(("text", "value", "duration"), [
    ("105年我退伍，进了一家公司。", "2016", None),
    ("那年家里出事，108年考上了证照。", "2019", None),
    ("那家店已经开了100年了。", None, "P100Y"),
    ("100年来没变过。", None, "P100Y"),
])
def test_three_digits_and_nian_opening_a_clause_are_a_minguo_year(text: str, value: str | None,
                                                                  duration: str | None, traditional: bool) -> None:
    times = _parsed(text, traditional=traditional)
    assert [(t.value, t.duration) for t in times if t.text[0].isdigit()] == [(value, duration)]


@pytest.mark.parametrize(("text", "value"), [("我下年想报考关员。", "2025"), ("出年我就退休。", "2025")])
def test_cantonese_next_year_counts_from_the_date_of_writing(text: str, value: str) -> None:
    assert [(t.value, t.resolved) for t in _parsed(text, dated=True)] == [(value, True)]


def test_a_cantonese_next_year_inside_other_words_is_no_time() -> None:
    assert _times("公司发不出年终奖。") == []


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
@pytest.mark.parametrize(("text", "value"), [
    ("2018年我进了厂。那个冬天特别冷。", "2018-24"),
    ("2018年，那个春天我开始失眠。", "2018-21"),
    ("这个冬天我一直在加班。", "2024-24"),
    ("为了这个暑假我准备了很久。", "2024-22"),
])
def test_that_season_and_this_season_are_the_season_of_a_year(text: str, value: str, traditional: bool) -> None:
    seasons = [t for t in _parsed(text, traditional=traditional, dated=True) if t.text.startswith(("那", "這", "这"))]
    assert [t.value for t in seasons] == [value]
    assert seasons[0].text in (_S2TWP.convert(text) if traditional else text)
