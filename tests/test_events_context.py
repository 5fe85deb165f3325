"""Events: what the words around an event word say (a colon, a time clause, a negation in a
term's gap), which clause an event's evidence may take, and vocabulary added for wordings seen
on unseen documents. Sentences written for these tests, in simplified script and (converted
with OpenCC s2twp) in Taiwan traditional; English where it applies.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from extract_helpers import events_in, to_traditional

import careernarr
from careernarr.model import Event

_S2TWP = opencc.OpenCC("s2twp")


def _events(tmp_path: Path, text: str, traditional: bool = False) -> list[Event]:
    return events_in(tmp_path, to_traditional(text) if traditional else text)


SCRIPTS = pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])

TOLD = [
    # a question after a colon asks what follows, not whether the leave was taken
    ("最后请了两周病假，每天躺着盯着天花板想：一个人的腰又能用几年？\n", "leave"),
    # a maybe before a colon does not reach the words after it
    ("他的经历或许最能说明问题：孩子出生那天，他在外地陪客户吃饭。\n", "family"),
    # 的时候 / 那天 with a main clause that tells what happened: the happening is told
    ("跟经理提离职的时候他沉默了很久，最后说了句理解。\n", "job_end"),
    # 中心 is a noun, not 休假中
    ("室友看出不对，拖着我去了学校的心理咨询中心。\n", "support"),
    # counselling sessions counted
    ("他通过公司的员工援助计划接受了六次心理咨询。\n", "support"),
    # the workplace itself closed
    ("三月份餐厅突然就关了，老板说资金链断了。\n", "job_end"),
    # long days and weeks
    ("那几年我们每天要站十四个小时，一个礼拜只休一天。\n", "overwork"),
    ("有整整八个月，我每周在实验楼待六十多个小时。\n", "overwork"),
    # a quarrel, a lawsuit
    ("我跟主管吵过一次，他说谁叫你写那么细。\n", "conflict"),
    ("2019年底我报导了一个工安事故，结果对方告我诽谤，官司打了两年。\n", "conflict"),
    # a doctor's words name the illness
    ("看了耳鼻喉科，医生说是航空性中耳炎。\n", "health"),
    # a step down is a transfer, not a promotion
    ("2022年第四季度他因为没完成指标，被从区域经理调整为副经理。\n", "transfer"),
    # where a job began
    ("2016年毕业以后，我从测量员干起。\n", "job_start"),
    # a diagnosis decides the clause's kind
    ("去年四月我去看身心科确诊广泛性焦虑症。\n", "health"),
]


@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), TOLD)
def test_a_told_happening_is_an_event_of_its_kind(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    events = _events(tmp_path, text, traditional)
    assert kind in [e.kind for e in events], [(e.kind, e.text, e.rule) for e in events]


NOT_TOLD = [
    # advice after 的时候, not a told happening
    "面试的时候，别只问课题组发了什么文章，去问问组里的人几点下班。\n",
    # a negation inside a term's gap: he did not go on to a postdoc
    "师兄去年博士毕业后没有去做博后。\n",
    # an age stated with 今年 is a profile, not a family happening
    "女儿今年四岁，上幼儿园小班。\n",
    # a dated sentence told as not done
    "写于2024年12月\n\n那一年我没有回家过年。\n",
    # noise is not a quarrel (the sleeplessness may be told; no conflict is)
]


@SCRIPTS
@pytest.mark.parametrize("text", NOT_TOLD)
def test_what_is_not_told_as_done_is_not_an_event(tmp_path: Path, text: str, traditional: bool) -> None:
    events = _events(tmp_path, text, traditional)
    assert [e for e in events if "做博后" in e.text or "四岁" in e.text or "面试" in e.text
            or "回家过年" in e.text or "回家過年" in e.text] == []


def test_noise_is_not_a_quarrel(tmp_path: Path) -> None:
    assert "conflict" not in [e.kind for e in _events(tmp_path, "楼上吵得我睡不着。\n")]


@SCRIPTS
def test_an_event_does_not_take_the_clause_of_another_event(tmp_path: Path, traditional: bool) -> None:
    events = _events(tmp_path, "21年底，我被调到另一间大分行做外汇，其实是那边有人请产假缺人。\n", traditional)
    kinds = {e.kind: e.text for e in events}
    assert "transfer" in kinds and "leave" in kinds
    assert ("产假" not in kinds["transfer"]) and ("產假" not in kinds["transfer"])
    assert "调到" not in kinds["leave"] and "調到" not in kinds["leave"]


@SCRIPTS
def test_a_short_clause_after_another_event_keeps_to_itself(tmp_path: Path, traditional: bool) -> None:
    events = _events(tmp_path, "我请了十天病假，开始吃药。\n", traditional)
    assert [e.kind for e in events] == ["leave", "health"]
    assert "病假" not in events[1].text


@SCRIPTS
def test_a_quarrel_with_kin_is_a_family_event(tmp_path: Path, traditional: bool) -> None:
    events = _events(tmp_path, "那几个月我们两公婆差点为了这件事吵了一架。\n", traditional)
    assert [e.kind for e in events] == ["family"]


ENGLISH = [
    ("During her time off she contacted a teachers' wellbeing helpline.\n", "support"),
    ("My doctor referred me to a therapist, who I still see every other Tuesday.\n", "support"),
    ("In 2021 Sarah was signed off with work-related stress for three months.\n", "leave"),
    ("By 9:20 on January 18 I no longer had a job.\n", "job_end"),
    ("In March the district manager gave me a write-up about our wait times.\n", "conflict"),
    ("The studio cut about 40% of staff in Q4 2022.\n", "job_end"),
]


@pytest.mark.parametrize(("text", "kind"), ENGLISH)
def test_english_wordings(tmp_path: Path, text: str, kind: str) -> None:
    events = _events(tmp_path, text)
    assert [e.kind for e in events] == [kind], [(e.kind, e.text, e.rule) for e in events]



@pytest.mark.parametrize("line", ["写于2024年12月31日，虹桥机场边上的过夜酒店。", "發佈於 2024/2/26 23:41",
                                  "Posted March 3, 2023 · 8 min read", "发布于 2023-04-02 10:15・IP 属地浙江"])
def test_a_line_that_dates_the_writing_tells_no_happening(line: str) -> None:
    text = f"一年的记录\n\n{line}\n\n2023年3月，我离职了。\n"
    events = careernarr.parse(text, format="text").events
    assert [(e.kind, e.text) for e in events] == [("job_end", "2023年3月，我离职了。")]


def test_a_sentence_about_publishing_is_still_an_event() -> None:
    events = careernarr.parse("2019年我发布了第一个视频，反响很好。\n", format="text").events
    assert [e.kind for e in events] == ["creator"]


def test_chapter_lines_of_a_video_description_are_headings() -> None:
    text = ("Timestamp: 2025-02-16T18:40:02\nTitle: Why I quit\nURL: https://www.youtube.com/watch?v=abcdefghijk\n"
            "Description:\nMy story. Chapters below.\n\n00:00 Intro\n11:20 Burnout and the sale\n15:06 Promoted, then quit\n\n"
            "Content:\n[00:00] hey everyone.\n[11:20] in 2023 I burned out and was signed off for six weeks.\n")
    narrative = careernarr.parse(text)
    assert narrative.format == "transcript"
    assert all("11:20 Burnout" not in e.text and "Promoted, then" not in e.text for e in narrative.events)
    assert any(e.kind in ("health", "leave") and "signed off" in e.text for e in narrative.events)
