"""Reflections recognised by the shape of the text rather than by cue words.

Written for wordings no cue list foresees: the items of a list counted in words
(第一，… 第二，…), words a named or pronoun speaker says, a resolution that shares
its sentence with a story, the generic 你 / "you" of a statement about anyone,
imperatives. Each case is checked in simplified and traditional script (the
extractors run on one working form) and, where it applies, in English.
"""

from __future__ import annotations

import opencc
import pytest

import careernarr
from careernarr.model import Narrative, Reflection

_S2TWP = opencc.OpenCC("s2twp")


def _parse(text: str, traditional: bool = False) -> Narrative:
    return careernarr.parse(_S2TWP.convert(text) if traditional else text)


def _holding(n: Narrative, words: str, traditional: bool = False) -> list[Reflection]:
    words = _S2TWP.convert(words) if traditional else words
    return [r for r in n.reflections if words in r.text]


COUNTED = """做了六年药剂师，今年终于换了行

2019年我进了一家连锁药店，每天站十个小时。2023年底我辞职了，去读了一个数据分析的课程。

回头看，有几件事想记下来。

第一，证书只是门票，不是护身符。

第二，辞职之前先把半年的生活费存好。

第三，别拿别人的节奏衡量自己。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_items_of_a_list_counted_in_words_are_points(traditional: bool) -> None:
    n = _parse(COUNTED, traditional)
    first = _holding(n, "证书只是门票", traditional)
    second = _holding(n, "先把半年的生活费存好", traditional)
    third = _holding(n, "别拿别人的节奏", traditional)
    assert first and second and third, [r.text for r in n.reflections]
    assert second[0].kind == "advice" and third[0].kind == "advice"
    assert not _holding(n, "每天站十个小时", traditional)


def test_a_lone_ordinal_is_a_manner_of_speaking() -> None:
    n = _parse("随笔\n\n那年我换了三份工作。第一，是在工地做资料员，每天跑现场。后来我去了设计院。\n")
    assert not _holding(n, "资料员")


def test_a_counted_story_is_not_a_list_of_points() -> None:
    text = "回顾\n\n第一，2020年3月我入职了一家游戏公司。\n\n第二，2021年我被调到了上海。\n"
    n = _parse(text)
    assert not n.reflections, [r.text for r in n.reflections]


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_words_someone_else_says_are_their_quote(traditional: bool) -> None:
    text = "随笔\n\n第一次画完整套图纸，师傅看了半天，他说“这行拼的是耐心”。我记到现在。\n"
    n = _parse(text, traditional)
    found = _holding(n, "这行拼的是耐心", traditional)
    assert found and found[0].kind == "quote", [(r.text, r.rule) for r in n.reflections]


def test_what_the_narrator_says_in_a_story_is_not_a_quote() -> None:
    n = _parse("随笔\n\n组长问我能不能周末加班，我说“好的我周六过来”。\n")
    assert not n.reflections, [(r.text, r.rule) for r in n.reflections]


def test_a_resolution_sharing_its_sentence_with_a_story_counts() -> None:
    text = ("Notes\n\nI spent eleven years as a flight attendant. I'm not going back to flying, "
            "and I've made my peace with that.\n")
    n = careernarr.parse(text)
    found = _holding(n, "I'm not going back to flying")
    assert found and found[0].kind == "resolution", [(r.text, r.rule) for r in n.reflections]
