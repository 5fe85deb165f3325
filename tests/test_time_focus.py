"""A document about one year keeps that year: other years it mentions govern only their paragraph."""

from __future__ import annotations

import opencc
import pytest

from careernarr.extract.time import find_times

_S2TWP = opencc.OpenCC("s2twp")


def values(text: str, **kwargs: str) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, **kwargs)}


REVIEW_ZH = (
    "我在这家公司第五年了。房子是2019年买的，每个月还贷。\n\n"
    "年初接了新项目，3月上线。\n\n"
    "去年十一月老板走了。我们组重组了一次。\n\n"
    "8月请了年假，年底评了优秀。"
)


@pytest.mark.parametrize("convert", [lambda s: s, _S2TWP.convert], ids=["zh-Hans", "zh-Hant"])
def test_year_review_keeps_its_year_after_a_background_year(convert: object) -> None:
    text = convert(REVIEW_ZH)  # type: ignore[operator]
    found = values(text, title=convert("2023，我的流水账"))  # type: ignore[operator]
    assert found["2019年"] == "2019"
    assert found[convert("年初")] == "2023-01/2023-03"  # type: ignore[operator]
    assert found["3月"] == "2023-03"
    assert found["8月"] == "2023-08"
    assert found[convert("年底")] == "2023-10/2023-12"  # type: ignore[operator]


def test_year_review_dated_the_next_january() -> None:
    text = "I joined the startup in the spring of 2019.\n\nIn April I got promoted. In July we moved offices."
    found = values(text, title="2022: promoted, laid off, and somehow okay", reference_date="2023-01-02")
    assert found["April"] == "2022-04"
    assert found["July"] == "2022-07"


def test_another_year_still_governs_its_own_paragraph() -> None:
    text = "2019年我入职，3月转正。\n\n5月开始带团队。"
    found = values(text, title="我的2023年终总结")
    assert found["3月"] == "2019-03"
    assert found["5月"] == "2023-05"


def test_a_life_story_without_a_focus_year_still_carries_its_years() -> None:
    text = "2014年我毕业了。\n\n8月进了一家银行。"
    assert values(text, title="一个社工的十年")["8月"] == "2014-08"


@pytest.mark.parametrize("text", [
    "In Q3 2022 our org got folded into ads. For most of that fall I was on call.\n\nBy January I was exhausted.",
    "2022年秋天我被调去了广告部。\n\n到了1月，我已经撑不住了。",
])
def test_a_season_moves_the_story_so_an_earlier_month_after_it_is_next_year(text: str) -> None:
    found = values(text, reference_date="2023-06-02")
    month = next(v for k, v in found.items() if k.endswith(("January", "1月")))
    assert month == "2023-01"


def test_a_month_inside_the_season_just_told_stays_in_its_year() -> None:
    found = values("In Summer 2021 I got promoted. Then in July I led my first project.", reference_date="2023-06-02")
    assert found["July"] == "2021-07"


@pytest.mark.parametrize("first_line", ["2021年3月入职。", "2021年3月到職，去年年底被資遣。", "I joined in March 2021."])
def test_a_first_line_that_is_a_sentence_names_no_year_to_count_from(first_line: str) -> None:
    text = first_line + "\n\n去年被裁。 Last year I quit."
    found = values(text, title=first_line)
    assert found["去年"] is None and found["Last year"] is None


def test_a_title_still_names_the_year_relative_words_count_from() -> None:
    assert values("3月入职，去年被裁。", title="我的2023年终总结")["去年"] == "2022"
