"""The date a text says it was written (写于2024年5月, "written in March 2023") is the year
relative expressions count from, before any year the text is about; nothing is guessed."""

from __future__ import annotations

import opencc
import pytest

import careernarr

_S2TWP = opencc.OpenCC("s2twp")


def _values(text: str) -> dict[str, str | None]:
    return {t.text: t.value for t in careernarr.parse(text).time_expressions}


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_written_in_at_the_start_sets_the_year(traditional: bool) -> None:
    text = "做了五年药剂师，我还是走了\n\n写在2024年5月，离职满一个月。\n\n去年年底我开始失眠。今年2月我提了离职。\n"
    values = _values(_S2TWP.convert(text) if traditional else text)
    conv = _S2TWP.convert if traditional else (lambda s: s)
    assert values[conv("去年年底")] == "2023-10/2023-12"
    assert values[conv("今年2月")] == "2024-02"


def test_written_on_at_the_end_sets_the_year() -> None:
    text = "Leaving the newsroom\n\nLast year I took the buyout. I started freelancing in the spring.\n\nPosted on June 3, 2021\n"
    assert _values(text)["Last year"] == "2020"


def test_a_year_in_the_middle_of_the_story_is_not_the_date_of_writing() -> None:
    middle = "我在2019年入行。" * 80
    text = f"随笔\n\n{middle}\n\n写东西的习惯是在2020年养成的。去年我换了工作。\n" + "这是后话。" * 120
    assert _values(text)["去年"] is None


@pytest.mark.parametrize("line", ["（原发在 Translation 板，2024/10/15，朋友说值得留个纪录，转贴过来）",
                                  "（原發在八卦板，2024/10/15，轉貼過來）", "(Originally posted on my blog, 2024/10/15)"])
def test_a_reposting_note_dates_the_writing(line: str) -> None:
    text = f"接案第五年\n\n{line}\n\n去年冬天我妈住院。今年七月我开始投履历。\n"
    values = _values(text)
    assert values["去年冬天"] == "2023-24"
    assert values["今年七月"] == "2024-07"
