"""Events told with a date in words no lexicon knows ("dated happening").

A sentence that dates something done keeps its place on the timeline even when
no event word names it; what is imagined, planned, asked, a heading, or dated only
by the document's own year (the frame of a year-in-review) is not an event.
"""

from __future__ import annotations

import opencc
import pytest

import careernarr
from careernarr.extract.events import DATED_HAPPENING
from careernarr.model import Event, Narrative

_S2TWP = opencc.OpenCC("s2twp")


def _parse(text: str, traditional: bool = False) -> Narrative:
    return careernarr.parse(_S2TWP.convert(text) if traditional else text)


def _holding(n: Narrative, words: str) -> list[Event]:
    return [e for e in n.events if words in e.text]


STORY = """在工地的六年

2017年7月，我跟着项目部去了贵州山里，住在板房里。
2019年夏天我们中了一个跨江大桥的标，我第一次当上技术负责人。
2021年10月，大桥合龙了，那天我在桥面上站了很久。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_a_dated_happening_without_event_words_is_kept_with_its_date(traditional: bool) -> None:
    n = _parse(STORY, traditional)
    closing = _holding(n, _S2TWP.convert("大桥合龙了") if traditional else "大桥合龙了")
    assert closing, [(e.kind, e.text, e.rule) for e in n.events]
    event = closing[0]
    assert event.when == "2021-10"
    assert DATED_HAPPENING in event.rule
    assert event.subject == "narrator"
    assert n.text[event.span.start : event.span.end] == event.text


def test_english_dated_happening_of_someone_else() -> None:
    text = ("Five careers\n\nMaria trained as a pharmacist in Porto. In June 2021 she sat the licensing exam "
            "for the second time and passed.\n")
    n = careernarr.parse(text)
    found = _holding(n, "In June 2021")
    assert found and found[0].when == "2021-06", [(e.kind, e.text, e.rule) for e in n.events]


@pytest.mark.parametrize("text", [
    "随笔\n\n如果2020年我留在了北京，现在会怎样？\n",            # imagined and asked
    "随笔\n\n2026年我打算把这座桥的资料整理成书。\n",             # planned
    "我的2025\n\n回望2025，我经历了很多。\n\n2025，我准备好了。\n",  # the document's own year and what lies ahead
    "随笔\n\n2019年3月\n",                                      # a date alone
])
def test_what_is_not_a_dated_happening(text: str) -> None:
    n = careernarr.parse(text)
    assert not [e for e in n.events if DATED_HAPPENING in e.rule], [(e.text, e.rule) for e in n.events]
