"""Events: wordings of career talk told without the usual event words, and their look-alikes.

Sentences written for these tests (not taken from any corpus). Each ``TOLD`` sentence must give an
event of the kind named (in simplified and in Taiwan traditional script); each ``NOT_TOLD`` sentence
(a plan, a wish, a question, a hypothetical, advice, a general statement) must give none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import events_in, in_script

from careernarr.model import Event


def _events(tmp_path: Path, text: str) -> list[Event]:
    return events_in(tmp_path, text + "\n")


SCRIPTS = ("simplified", "traditional")

TOLD: list[tuple[str, str]] = [
    # a transcript without punctuation: each space-separated stretch is read as a clause
    ("job_end", "那时候我们厂订单少了很多 我想了很久 今年三月我辞职了 回老家休息"),
    ("job_start", "面试过了之后想了很久 最后下个月入职 先去培训两周"),
    # a job start arranged: the date it is due is no wish
    ("job_start", "offer已经签了，下周一入职。"),
    ("job_start", "谈好了薪水，明年一月五号去新公司报到。"),
    # overwork told by when the work stopped at night, or days without rest
    ("overwork", "去年旺季我连续三个月一天都没休息。"),
    ("overwork", "那半年我几乎天天陪客户看房看到晚上十一点。"),
    ("overwork", "项目上线前那周，我每天改稿改到凌晨两点。"),
    ("overwork", "赶工那阵子晚上十一点还在工地。"),
    # family: New Year away from home
    ("family", "做餐饮这几年，我已经三年没回老家过年了。"),
    # a job left after a stated time; staff sent away
    ("job_end", "那家公司我待了四个月就走了。"),
    ("job_end", "撑到去年底还是走了。"),
    ("job_end", "2020年疫情，公司把我们整个组遣散了。"),
    # back at work; a new employer told by where one goes to work
    ("job_start", "孩子上了小学，2022年我重返职场。"),
    ("job_start", "2023年我加入一家做新能源的公司做采购。"),
    ("job_start", "去年十月我正式到一家物流公司当调度。"),
    # conflict: clients taken, fees unpaid, falling out, arbitration
    ("conflict", "去年我被同事跳了一单，白跑了两个月。"),
    ("conflict", "那个客户拖欠了我三个月的设计费。"),
    ("conflict", "2021年我和合伙人开始不合，最后散伙。"),
    ("conflict", "我们几个司机去劳动仲裁，拿回了一部分工资。"),
    # creator: an account, working for oneself
    ("creator", "2020年我在抖音做了个讲装修的账号。"),
    ("creator", "现在我自己做独立摄影师，接商业活动和产品拍摄。"),
    # health, support, review, promotion, education, job_search
    ("health", "去年冬天我得了急性肠胃炎，在医院挂了三天水。"),
    ("health", "带了一学期课，嗓子哑到说不出话。"),
    ("support", "那段时间我打了公司的心理援助热线。"),
    ("support", "师傅手把手教我看图纸。"),
    ("review", "去年年终考核我评了个优秀。"),
    ("promotion", "在连锁超市干了五年，做到店长。"),
    ("education", "疫情那年我在家把教师资格证考了。"),
    ("job_search", "2021年6月我收到了研究所的录用通知。"),
    # straight from school into work; a school or studio set up; a wedding held
    ("job_start", "我2015年一毕业就进了一家设计院画图。"),
    ("creator", "退休后，他和朋友开设了一间小型书法教室。"),
    ("family", "2019年国庆我们办了婚礼。"),
    # English: a start told by its month, a post left some time after, staff laid off, time off
    ("job_start", "I started that September, two weeks after the move."),
    ("job_end", "He was made head of department in 2019 and left two years later."),
    ("job_end", "That spring I had to lay off forty people."),
    ("leave", "After the sale I took two months completely off."),
]

NOT_TOLD: list[str] = [
    "我打算下个月入职。",
    "如果顺利的话，下周一入职。",
    "我想明年入职一家外企。",
    "下个月入职的新人要先培训。",
    "很多人想过 要不要辞职 最后都没辞",
    "周末我们打游戏打到十二点。",
    "他追剧追到凌晨两点。",
    "昨晚我等他等到十点。",
    "他们晚上十点还在睡觉。",
    "我打算明年出来接案。",
    "如果做到店长，工资能翻倍。",
    "要做到主管的要求并不容易。",
    "我在朋友家待了半个小时就走了。",
    "我想把教师资格证考了。",
    "怎么才能做到店长？",
    "他的嗓子很好听。",
    "新人一般待三个月就走了。",
    "本文探讨合约制与自由接案两种工作模式。",
    # a post's date line, a family doctor, weddings as a photographer's work, a pension
    "发布于 2023-04-02 10:15・IP 属地浙江",
    "我们社区有两位家庭医生。",
    "那年我跟着师傅跑了五十多场婚礼。",
    "阿姨一个月退休金才两千多。",
    "附近新开设了一家超市。",
    "I wrote on a sticky note what she said.",
    "It was the closest I came to the surgery career I imagined.",
    "I'll start in April.",
    "If I left two years later, would it matter?",
    "We might have to lay off some staff next year.",
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), TOLD)
def test_a_told_happening_gives_its_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    events = _events(tmp_path, in_script(script, text))
    assert any(e.kind == kind for e in events), [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", NOT_TOLD)
def test_the_same_words_untold_give_no_event(tmp_path: Path, text: str, script: str) -> None:
    events = _events(tmp_path, in_script(script, text))
    assert events == [], [(e.kind, e.rule, e.text) for e in events]
