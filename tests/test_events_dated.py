"""Events told with a date in words no lexicon knows ("dated happening").

A sentence that dates something done keeps its place on the timeline even when
no event word names it; what is imagined, planned, asked, a heading, or dated only
by the document's own year (the frame of a year-in-review) is not an event.
"""

from __future__ import annotations

import opencc
import pytest
from extract_helpers import topics_host, unnamed_host

import careernarr
from careernarr.extract.events import DATED_HAPPENING, NO_KIND_WORD
from careernarr.model import Event, Narrative

_S2TWP = opencc.OpenCC("s2twp")


def _parse(text: str, traditional: bool = False, *, topics: bool = False) -> Narrative:
    return careernarr.parse(_S2TWP.convert(text) if traditional else text, host=topics_host() if topics else None)


def _holding(n: Narrative, words: str) -> list[Event]:
    return [e for e in n.events if words in e.text]


STORY = """在工地的六年

2017年7月，我跟着项目部去了贵州山里，住在板房里。
2019年夏天我们中了一个跨江大桥的标，我第一次当上技术负责人。
2021年10月，大桥项目的最后一段钢梁吊上去了，那天我在桥面上站了很久。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_a_dated_happening_without_event_words_is_kept_with_its_date(traditional: bool) -> None:
    n = _parse(STORY, traditional, topics=True)  # 项目 (a topic word) names it: see TOPICS_DEFAULT
    closing = _holding(n, _S2TWP.convert("最后一段钢梁") if traditional else "最后一段钢梁")
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


def test_a_timeline_line_repeating_a_told_event_is_not_told_twice() -> None:
    text = ("访谈笔记\n\n她2018年辞职，和朋友合伙开了一家面包店。\n\n"
            "## 时间线\n\n- 2018：辞职\n- 2020：面包店关门\n")
    n = careernarr.parse(text)
    quits = [e for e in n.events if e.kind == "job_end"]
    assert len(quits) == 1 and quits[0].text.startswith("她2018年"), [(e.kind, e.when, e.text) for e in n.events]


def test_a_timeline_line_telling_something_new_is_kept() -> None:
    n = careernarr.parse("访谈笔记\n\n她做了十年会计。\n\n## 时间线\n\n- 2018：辞职\n")
    assert [(e.kind, e.when) for e in n.events if e.kind == "job_end"] == [("job_end", "2018")]


def test_a_summary_repeating_a_dated_event_of_the_body_is_not_told_twice() -> None:
    text = ("Timestamp: 2025-03-08T09:30:00\nTitle: 我的间隔年 BV1Ab411c7Xy\nStatus: success\n\n"
            "Description:\n以下是视频内容的重点整理。\n\n*   **裸辞**：2023年3月裸辞，休息至今。\n\n"
            "Content:\n大家好。2019年我毕业进了大厂做运营。2023年3月我裸辞了，休息到现在。\n")
    n = careernarr.parse(text)
    quits = [e for e in n.events if e.kind == "job_end"]
    assert len(quits) == 1 and "大家好" not in quits[0].text and "我裸辞了" in quits[0].text, \
        [(e.kind, e.when, e.text) for e in n.events]


def test_an_undated_summary_line_found_by_the_same_words_as_a_dated_telling_is_not_told_twice() -> None:
    text = ("Timestamp: 2025-03-08T09:30:00\nTitle: 开地铁的第八年 BV1Ab411c7Xz\nStatus: success\n\n"
            "Description:\n以下是视频内容的重点整理。\n\n*   **夜班**：被调去夜班，作息全乱了。\n\n"
            "Content:\n大家好 我开地铁八年了 19年的时候我被调去夜班 一干就是三年\n")
    moves = [e for e in careernarr.parse(text).events if e.kind == "transfer"]
    assert [(e.when, "19年的时候" in e.text) for e in moves] == [("2019", True)], moves


def test_an_undated_summary_line_sharing_words_with_a_dated_telling_of_its_kind_is_not_told_twice() -> None:
    text = ("Timestamp: 2025-03-08T09:30:00\nTitle: 卖菜十年 BV1Ab411c7Xw\nStatus: success\n\n"
            "Description:\n以下是视频内容的重点整理。\n\n*   **单干**：借钱盘下第一个档口，自己当老板。\n\n"
            "*   **学手艺**：跟着舅舅学了三年杀鱼。\n\n"
            "Content:\n大家好 2016年我在菜市场开了一个档口，一开始天天亏钱。\n")
    events = careernarr.parse(text).events
    shops = [e for e in events if e.kind == "creator"]
    assert [(e.when, "2016年" in e.text) for e in shops] == [("2016", True)], events
    assert any("杀鱼" in e.text for e in events)  # a summary line the talk does not tell stays


@pytest.mark.parametrize("text", ["想听听大家的看法，尤其是考上了的和放弃了的。", "辞职了的人都说好。", "裸辞过的朋友都劝我别急。"])
def test_the_people_who_did_it_are_no_event(text: str) -> None:
    n = careernarr.parse("随笔\n\n" + text + "\n")
    assert not n.events, [(e.kind, e.text) for e in n.events]


@pytest.mark.parametrize("text, kind", [
    ("随笔\n\n2021年10月，工地上最后一段钢梁吊上去了，那天我在桥面上站了很久。\n", "project"),
    ("Notes\n\nIn May 2020 the thesis was finally accepted.\n", "education"),
])
def test_a_hint_word_names_the_kind_of_a_dated_happening(text: str, kind: str) -> None:
    assert careernarr.parse(text).events == ()  # topic words alone, by default: no event
    [event] = careernarr.parse(text, host=topics_host()).events
    assert event.kind == kind and DATED_HAPPENING in event.rule
    assert "(hint)" in event.rule


UNNAMED = "随笔\n\n2008年初那场雪灾，山路结了冰，我又把那辆自行车推了出来。\n"


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_a_dated_happening_nothing_names_is_no_event_by_default(traditional: bool) -> None:
    narrative = _parse(UNNAMED, traditional)
    assert narrative.events == ()
    assert "2008年初" in narrative.text  # the words stay in the text


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_a_dated_happening_nothing_names_is_kept_as_other_when_asked(traditional: bool) -> None:
    text = _S2TWP.convert(UNNAMED) if traditional else UNNAMED
    [event] = careernarr.parse(text, host=unnamed_host()).events
    assert (event.kind, event.when) == ("other", "2008-01/2008-03")
    assert event.rule == f"{DATED_HAPPENING} {NO_KIND_WORD}"


@pytest.mark.parametrize("text", ["那年我二十六岁。", "2016年，我才二十二岁。", "And then 2020 happened.",
                                  "March 2020 changed everything."])
def test_a_date_with_only_an_age_or_a_turn_tells_no_happening(text: str) -> None:
    events = careernarr.parse("Notes\n\n2015年我去了北京。\n\n" + text + "\n", host=unnamed_host()).events
    assert [e.text for e in events] == ["2015年我去了北京。"]


def test_a_hint_word_alone_makes_no_event() -> None:
    assert not careernarr.parse("随笔\n\n项目验收那天我不在现场。\n").events


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_a_clause_with_its_own_unplaced_relative_time_takes_no_other_date(traditional: bool) -> None:
    text = "随笔\n\n我2014年入职一家贸易公司做文员，去年被炒了。\n"  # no date of writing: 去年 stays unplaced
    n = _parse(text, traditional)
    assert [(e.kind, e.when) for e in n.events] == [("job_start", "2014"), ("job_end", None)]


def test_one_list_items_date_does_not_carry_to_the_next() -> None:
    text = "小结\n\n- **入行**：2012年考取了导游证，在桂林带团。\n- **外派**：公司把我调去做出境领队。\n"
    events = careernarr.parse(text).events
    assert [(e.kind, e.when) for e in events] == [("education", "2012"), ("transfer", None)], events


def test_a_paragraphs_date_still_carries_to_its_next_sentence() -> None:
    text = "小结\n\n2018年我进了一家旅行社。第二个月公司把我调去做出境领队。\n"
    events = careernarr.parse(text).events
    assert [(e.kind, e.when) for e in events] == [("job_start", "2018"), ("transfer", "2018")], events
