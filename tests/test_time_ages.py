"""A child's age told in months, weeks or days, the age of a thing and a rate (三千一个月) are not times of the story;
a length near a child, or one done (跟了我六年的老斑马), still is."""

from __future__ import annotations

import pytest
from extract_helpers import SCRIPTS, in_script

from careernarr.extract.time import find_times


def _found(text: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {t.text: (t.value, t.duration, t.rule) for t in find_times(text, "2025-06-18")}


#: (text, expression, rule): lengths that tell no time of the story.
NOT_TIMES = [
    # a child's age
    ("出来第一件事就是去医院看儿子。他已经五个多月了，我抱他，他哭。", "五个多月", "zh-age"),
    ("宝宝三个月大的时候我回去上班。", "三个月", "zh-age"),
    ("我儿子三个月的时候我回去上班。", "三个月", "zh-age"),
    ("女儿才两周，我就回去上班了。", "两周", "zh-age"),
    ("家里的老二刚满六个月。", "六个月", "zh-age"),
    ("领养的小猫两个月大，整天黏着我。", "两个月", "zh-age"),
    # the age of a thing
    ("那是一栋五十年的老房子。", "五十年", "zh-of-a-thing"),
    ("村口有一棵三百年的老茶树。", "三百年", "zh-of-a-thing"),
    ("一斤三年陈的普洱卖八百。", "三年", "zh-of-a-thing"),
    ("这台机器有五年质保。", "五年", "zh-of-a-thing"),
    ("保修期两年，过了就自费。", "两年", "zh-of-a-thing"),
    ("这棵树树龄三百年。", "三百年", "zh-of-a-thing"),
    # a term, a loan's length, a battery's run
    ("五年期LPR降到了3.95%。", "五年", "zh-of-a-thing"),
    ("一年期的存款利率。", "一年", "zh-of-a-thing"),
    ("30年期的按揭利率更高。", "30年", "zh-of-a-thing"),
    ("贷款期限二十年，等额本息。", "二十年", "zh-of-a-thing"),
    ("他贷了三十年的房贷。", "三十年", "zh-of-a-thing"),
    ("这台无人机续航四十分钟。", "四十分钟", "zh-of-a-thing"),
    # an amount, then "a month" or "a day": a rate (三千一个月 is not 3001 months)
    ("那时候三千一个月，包吃住。", "三千一个月", "zh-rate"),
    ("小工两百一天，干一天算一天。", "两百一天", "zh-rate"),
    ("She took a 30-year mortgage in 2019.", "30-year", "en-attribute"),
    ("The 5-year fixed rate dropped to 4%.", "5-year", "en-attribute"),
    ("A thirty-year loan at 3% looked cheap.", "thirty-year", "en-attribute"),
]

#: (text, expression, duration): lengths next to those words that stay lengths.
LENGTHS = [
    ("陪了孩子三个月，然后回到工地。", "三个月", "P3M"),          # time spent with a child
    ("儿子出生以后，他已经三个月没回家了。", "三个月", "P3M"),    # the father's absence
    ("我已经三个月了，还没转正。", "三个月", "P3M"),              # no child at all
    ("项目做了三个月大概有点眉目。", "三个月", "P3M"),            # 大概, not 大
    ("孩子出生后我休了三个月产假。", "三个月", "P3M"),
    ("跟了我六年的老斑马走了。", "六年", "P6Y"),                  # a length told with its verb
    ("她是一位做了十五年的老代理人。", "十五年", "P15Y"),
    ("我是这里十年的老员工了。", "十年", "P10Y"),                 # a person's standing
    ("我签了三年的合同。", "三年", "P3Y"),
    ("三年期满以后我续了约。", "三年", "P3Y"),                    # the term ran out: a length told
    ("I signed a two-year contract in 2020.", "two-year", "P2Y"),
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expr", "rule"), NOT_TIMES)
def test_an_age_or_a_term_is_no_time(script: str, text: str, expr: str, rule: str) -> None:
    if script == "traditional" and text.isascii():
        pytest.skip("English has one script")
    value, duration, found = _found(in_script(script, text))[in_script(script, expr)]
    assert (value, duration, found) == (None, None, rule)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "expr", "duration"), LENGTHS)
def test_a_length_near_those_words_stays_a_length(script: str, text: str, expr: str, duration: str) -> None:
    if script == "traditional" and text.isascii():
        pytest.skip("English has one script")
    value, found, rule = _found(in_script(script, text))[in_script(script, expr)]
    assert (value, found) == (None, duration), rule


def test_english_ages_were_already_no_times() -> None:
    assert not any(t.duration for t in find_times("My son was five months old when I went back.", "2025-06-18"))
