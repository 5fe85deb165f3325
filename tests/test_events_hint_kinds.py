"""The kind of a dated happening weighed from its hints (``hints`` and ``hint_verbs`` of the
event lexicons), and the sentences about the text itself that are no happening.

A sentence that dates something done without an event word is a "dated happening". Its kind
is that of the hints weighing most: a verb of the kind (裁了, 负责了, moved up)
counts twice a topic word (部门, 小程序), either twice inside the date's clause.
"""

from __future__ import annotations

import opencc
import pytest
from extract_helpers import topics_host, unnamed_host

import careernarr
from careernarr.extract.events import DATED_HAPPENING, NO_KIND_WORD
from careernarr.model import Event

_S2TWP = opencc.OpenCC("s2twp")

#: (sentence, kind, the hint that names it, its strength)
ZH = [
    ("2022年秋天，我们部门裁了三个人。", "job_end", "裁了", "hint verb"),  # not transfer (部门)
    ("2020年5月，我负责了新版小程序的开发。", "project", "负责了", "hint verb"),  # not creator (小程序)
    ("2020年2月，原定的几场展会都被取消了。", "other", "被取消", "hint verb"),  # not project (展会)
    ("2021年冬天，我的胃开始疼，吃不下饭。", "health", "开始疼", "hint verb"),
    ("2020年9月，我考过了注会的最后一科。", "education", "考过了", "hint verb"),
    ("2019年底，我们把最后两个员工的赔偿付清了。", "job_end", "赔偿", "hint"),
    # a stoppage told of a workplace: a while without work, not a project (工地) nor a job ended
    ("2022年春天，工地全停了，我们在宿舍里等了两个月。", "other", "全停了", "hint verb"),
    ("2020年3月，整条生产线停摆了六个星期。", "other", "停摆", "hint verb"),
    # work stopped from outside: not the kind of the workplace named (工地, 店铺, 案子)
    ("2021年那阵子，镇上的工地全停了，我们在出租屋里待了两个月。", "other", "全停了", "hint verb"),
    ("2023年6月，我们最大的一个店铺被封了。", "other", "被封", "hint verb"),
    ("2022年11月，学校停课了两周。", "other", "停课", "hint verb"),
]

EN = [
    ("In 2016 I got bumped a level.", "promotion", "got bumped", "hint verb"),
    ("In May 2019 I moved up a grade.", "promotion", "moved up", "hint verb"),
    ("In April 2020 the tour was called off.", "other", "called off", "hint verb"),
    ("In March 2020 my stomach started hurting.", "health", "started hurting", "hint verb"),
    ("In 2015 the gallery closed for a refit that took two years.", "other", "closed for", "hint verb"),
]


def _events(text: str) -> list[Event]:
    return careernarr.parse("随笔\n\n" + text + "\n", host=topics_host()).events


def _dated(text: str) -> Event:
    [event] = _events(text)
    assert event.rule.startswith(DATED_HAPPENING), event.rule
    return event


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
@pytest.mark.parametrize("text, kind, hint, strength", ZH, ids=[h for _, _, h, _ in ZH])
def test_a_chinese_dated_happening_takes_the_kind_its_hints_weigh_most(
        text: str, kind: str, hint: str, strength: str, traditional: bool) -> None:
    event = _dated(_S2TWP.convert(text) if traditional else text)
    assert event.kind == kind
    assert event.rule == f"{DATED_HAPPENING}; zh.events.{kind}:{hint} ({strength})"
    assert event.when is not None and event.when[:4] == text[:4]


@pytest.mark.parametrize("text, kind, hint, strength", EN, ids=[h for _, _, h, _ in EN])
def test_an_english_dated_happening_takes_the_kind_its_hints_weigh_most(
        text: str, kind: str, hint: str, strength: str) -> None:
    event = _dated(text)
    assert event.kind == kind
    assert event.rule == f"{DATED_HAPPENING}; en.events.{kind}:{hint} ({strength})"


@pytest.mark.parametrize("text, kind", [(text, kind) for text, kind, _, strength in ZH + EN if strength == "hint verb"])
def test_by_default_a_hint_verb_still_names_a_dated_happening(text: str, kind: str) -> None:
    [event] = careernarr.parse("随笔\n\n" + text + "\n").events
    assert event.kind == kind and event.rule.endswith("(hint verb)")


def test_a_verb_in_the_dates_clause_outweighs_topic_words_after_it() -> None:
    for text in ("2022年3月，我们组裁了两个人，剩下的人接着跟客户、改方案。",
                 "2022年3月，我們組裁了兩個人，剩下的人接著跟客戶、改方案。"):
        event = _dated(text)
        assert event.kind == "job_end" and event.rule.endswith("job_end:裁了 (hint verb)")  # not project (客户, 方案)


@pytest.mark.parametrize("text", [
    "Posted June 2, 2022 · 5 min read",
    "本文基于2023年5月至8月的田野调查，访谈了三位店主。",
    "本文基於2023年5月至8月的田野調查，訪談了三位店主。",
    "Interviews were conducted between May and July 2021.",
])
def test_a_sentence_about_the_text_itself_is_no_happening(text: str) -> None:
    doc = "随笔\n\n2019年我辞职了。\n\n" + text + "\n\n后来我开了一家店。\n"
    events = careernarr.parse(doc).events
    assert events and not [e for e in events if e.rule.startswith(DATED_HAPPENING)]


def test_the_narrators_own_fieldwork_is_still_a_happening() -> None:
    assert _dated("2023年夏天，我去云南做了田野调查。").when == "2023-22"


def test_without_a_hint_the_kind_is_other() -> None:
    assert _events("2020年8月，我们在城郊吃了一顿饭。") == ()
    [event] = careernarr.parse("随笔\n\n2020年8月，我们在城郊吃了一顿饭。\n", host=unnamed_host()).events
    assert event.kind == "other" and event.rule.endswith(NO_KIND_WORD)


@pytest.mark.parametrize("text", ["2021年起，我每个周末去一家陶艺工作室带课，一开始是为了多挣点钱。", "2021年起，我每個週末去一家陶藝工作室帶課，一開始是為了多掙點錢。"])
def test_a_weekend_says_when_not_that_one_overworked(text: str) -> None:
    event = _dated(text)
    assert event.kind == "creator", event.rule  # 工作室: what is done on weekends, not overwork (周末)
