"""A text that says in its opening that it looks back at one year (年度复盘, 年终总结, "year in review"),
written in December (or in January, about the year before), keeps that year as its story: a
background year told in another paragraph (2020年6月跳到…) does not carry into the next section.

Documents written for these tests (not taken from any corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, in_script

import careernarr

ZH_REVIEW = """---
title: 做运营的第五年
date: {date}
---

## 写在前面

今天是一年的最后几天，照例写{word}。

先交代一下背景：2019年毕业进了一家代运营公司；2020年6月跳到现在这家品牌方。

## 上半年

6月中旬我开始掉头发。7月初出了绩效，我拿了个B。

## 下半年

十月注册了个体户，11月1日店铺正式上线。
"""


def _values(tmp_path: Path, text: str, script: str = "simplified") -> dict[str, str | None]:
    """The time values of ``text`` written in ``script`` to a Markdown file and parsed."""
    path = tmp_path / "review.md"
    path.write_text(in_script(script, text), encoding="utf-8")
    return {t.text: t.value for t in careernarr.parse(path).time_expressions}


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("date", "word", "year"), [
    ("2023-12-31", "年度复盘", "2023"),
    ("2023-12-28", "年终总结", "2023"),
    ("2024-01-03", "年终总结", "2023"),
])
def test_a_review_of_the_year_keeps_its_year_past_a_background_paragraph(
        tmp_path: Path, script: str, date: str, word: str, year: str) -> None:
    values = _values(tmp_path, ZH_REVIEW.format(date=date, word=word), script)
    assert values[in_script(script, "2020年6月")] == "2020-06"
    assert values[in_script(script, "6月中旬")].startswith(f"{year}-06")
    assert values[in_script(script, "7月初")].startswith(f"{year}-07")
    assert values[in_script(script, "十月")] == f"{year}-10"
    assert values[in_script(script, "11月1日")] == f"{year}-11-01"


@pytest.mark.parametrize("script", SCRIPTS)
def test_without_a_review_word_the_story_follows_its_last_year(tmp_path: Path, script: str) -> None:
    text = ZH_REVIEW.format(date="2023-12-31", word="点东西").replace("今天是一年的最后几天", "今天下雪")
    assert _values(tmp_path, text, script)[in_script(script, "十月")] == "2020-10"


def test_an_english_year_in_review(tmp_path: Path) -> None:
    text = ("---\ntitle: Five years in\ndate: 2022-12-30\n---\n\n"
            "It's time for my year in review.\n\n"
            "Some background: I joined the agency in June 2019.\n\n"
            "## Spring\n\nIn March I was promoted to account lead.\n")
    assert _values(tmp_path, text)["March"] == "2022-03"


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_year_named_by_a_section_heading_leaves_relative_years_to_the_date_of_writing(
        tmp_path: Path, script: str) -> None:
    text = ("---\ntitle: 开花店的第二年\ndate: 2024-01-14\n---\n\n## 为什么是花\n\n每次有人问我为什么开花店，我都要从那个凌晨说起。\n\n"
            "## 2023 recap\n\n去年2月情人节那一周，我们做了三百束花。\n\n## 接下来\n\n今年3月想在地铁站试一个花亭。\n")
    values = _values(tmp_path, text, script)
    assert values[in_script(script, "去年2月")] == "2023-02"
    assert values[in_script(script, "今年3月")] == "2024-03"


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_year_named_by_the_title_is_the_year_relative_words_count_from(tmp_path: Path, script: str) -> None:
    text = ("---\ntitle: 2023年终总结\ndate: 2024-01-02\n---\n\n"
            "年初接了个烂摊子。原来的负责人去年十一月跳槽走了，留下几十万行代码。\n")
    values = _values(tmp_path, text, script)
    assert values[in_script(script, "年初")] == "2023-01/2023-03"
    assert values[in_script(script, "去年十一月")] == "2022-11"
