"""Events: more wordings of trades' career talk, their look-alikes, and the time a 之后 carries.

Sentences written for these tests (not taken from any corpus). Each ``TOLD`` sentence must give an
event of the kind named (Chinese ones in simplified and in Taiwan traditional script); each
``NOT_TOLD`` sentence (a price set, a time of day, a newcomer named, a plan) must give none.
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
    # rising to a post of command or to a trade's full title; a post taken over; a shop handed over
    ("promotion", "2019年我升中队长，开始管十几个人。"),
    ("promotion", "跟了师傅三年，我升成了主厨。"),
    ("promotion", "去年老店长退休，我接了他的位子。"),
    ("promotion", "师傅年纪大了，间铺交咗俾我打理。"),
    ("promotion", "跑了五年龙套，2019年我终于演上了主角。"),
    # a move to desk work, part time at the same employer
    ("transfer", "那次受伤以后，我就调内勤了。"),
    ("transfer", "去年我跟公司谈好转做兼职，一周上三天。"),
    # leave of a stated length
    ("leave", "手术以后我休息咗两个礼拜。"),
    ("leave", "2021年我休息了差不多半年。"),
    # training received, classes taken, credits and graduate school
    ("education", "2017年我受了半年的潜水救援训练。"),
    ("education", "我每周三晚上去社区大学上木工课。"),
    ("education", "工作三年后，我念了两年研究所。"),
    ("education", "我现在周末在读教育学分。"),
    # overwork: nights living at work, little sleep, a seven-day week, work past midnight
    ("overwork", "开业那个月我连着十天住在店里。"),
    ("overwork", "那阵子我一天睡不到四个小时。"),
    ("overwork", "2023年过年那阵我连着上了十二天班。"),
    ("overwork", "头两年我一个礼拜做足七日。"),
    ("overwork", "投标前那周我们天天改到凌晨两点。"),
    ("overwork", "去年我在工地一年住了两百多天，几乎住在工地。"),
    # a workplace shut, orders taken no more
    ("job_end", "2019年厂子关门，我们全都回家了。"),
    ("job_end", "2020年疫情，我们剧团解散。"),
    ("job_end", "去年年底我就没再接单了。"),
    # a shop opened; work taken on one's own
    ("creator", "咖啡馆是2021年春天开张的。"),
    ("creator", "现在我自己接案，做品牌设计。"),
    # exams failed, applications counted
    ("job_search", "2020年第一次考，差三分落榜。"),
    ("job_search", "上个月我投了五家，都没有回音。"),
    # a scolding before others, arguing (Cantonese 拗), a payment chased
    ("conflict", "2022年开例会时，经理点名批评我。"),
    ("conflict", "有一次我被客户指着鼻子骂了十分钟。"),
    ("conflict", "新来的主管成日同我拗排班。"),
    # apprentices and interns taken on
    ("support", "2022年我收了第一个学徒。"),
    # passed an interview; a civil-service posting
    ("job_start", "今年三月我面上了一家物流公司的调度。"),
    ("job_start", "2016年我毕业分发到一所小学当老师。"),
    # a change of line told with Taiwan's 转职
    ("career_change", "2020年我从护理师转职为保险业务员。"),
    # English
    ("health", "I had a meniscus repair in 2021."),
    ("health", "In 2020 I cracked two ribs on a ladder."),
    ("conflict", "Last spring a customer got aggressive with me at the counter."),
    ("overwork", "From 2016 I was on permanent nights."),
    ("support", "In 2023 I also began supervising two trainees."),
    ("promotion", "In March I took my first post as head chef."),
]

NOT_TOLD: list[str] = [
    # a price or a setting changed
    "我花了三年才敢把一幅画从八百块调到一千五。",
    "我把空调调到26度。",
    # the end of a day's work, a time of day
    "那时候收工以后，师傅常常带我去吃宵夜。",
    # a trade's newcomers, a time since starting
    "今年商会请我给新入行的年轻人讲课。",
    "回头看，那两个月是我入行以嚟第一次真正休息。",
    # "started as" a joke, a favour: no post
    "It started as a joke between friends.",
    "It began as a favour to a friend.",
]


TOLD_MORE: list[tuple[str, str]] = [
    ("conflict", "2021年佢喺成个team面前话我冇上进心。"),
    ("transfer", "2020年店长就让我转去私教部。"),
    ("overwork", "2022年赶工期，我连着在工地待了十六天。"),
    ("leave", "2023年我给自己放了一个月的 gap，去海边住了两周。"),
    ("health", "2023年眼睛一直很干，后来去县医院看，说是干眼症。"),
    ("health", "2022年我也是从那天开始戒烟的。"),
    # a body part that gave out; hired and told to come; more kinds of shop opened
    ("health", "去年三月我的腰出了问题，当场蹲在地上起不来。"),
    ("job_start", "试了一道菜，第二周老板就让我来上班了。"),
    ("creator", "2011年我在镇上开了个小卖部。"),
    # the post a job began in, without an article or a subject; an orchestra is an employer
    ("job_start", "I started as assistant librarian at a regional symphony in September 2001."),
    ("job_start", "I graduated in May 2014 and started as a staff pharmacist that summer."),
    ("job_start", "In 2015 I moved to a bigger orchestra."),
]

NOT_TOLD_MORE: list[str] = [
    # no shame in it: a saying, not a happening
    "去看医生不丢脸，真的。",
    "求助不丢人。",
    # a reply's 'were it me'
    "你做得已经很好了，换我当年早就辞职了。",
    # a topic announced, a text's method
    "[06:30] The injury.",
    "So the burnout part.",
    "Drawing on two long interviews, it traces how caseload pressure shaped her burnout in 2019.",
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), TOLD + TOLD_MORE)
def test_a_told_happening_gives_its_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    if script == "traditional" and text.isascii():
        pytest.skip("English has one script")
    events = _events(tmp_path, in_script(script, text))
    assert any(e.kind == kind for e in events), [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", NOT_TOLD + NOT_TOLD_MORE)
def test_the_same_words_untold_give_no_event(tmp_path: Path, text: str, script: str) -> None:
    events = _events(tmp_path, in_script(script, text))
    assert events == [], [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_sentence_opened_by_zhihou_takes_the_year_before(tmp_path: Path, script: str) -> None:
    events = _events(tmp_path, in_script(script, "2019年5月我辞职了。之后休息了两个多月，到处走走。"))
    leave = [e for e in events if e.kind == "leave"]
    assert leave and leave[0].when == "2019", [(e.kind, e.when, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_happening_after_one_told_takes_its_time(tmp_path: Path, script: str) -> None:
    text = "2021年我放了四个月产假。回来之后我跟公司谈，转做兼职。"
    events = _events(tmp_path, in_script(script, text))
    moved = [e for e in events if e.kind == "transfer"]
    assert moved and moved[0].when == "2021", [(e.kind, e.when, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
def test_years_later_carries_no_time(tmp_path: Path, script: str) -> None:
    events = _events(tmp_path, in_script(script, "2015年我进了这家公司。几年之后，我被调到了总部。"))
    moved = [e for e in events if e.kind == "transfer"]
    assert moved and moved[0].when is None, [(e.kind, e.when, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_check_up_that_found_harm_is_health(tmp_path: Path, script: str) -> None:
    events = _events(tmp_path, in_script(script, "2021年体检发现血压偏高，我开始每天走路上班。"))
    assert any(e.kind == "health" for e in events), [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
def test_kaishi_opens_no_shop(tmp_path: Path, script: str) -> None:
    """一开始 is "at first": dated, it may be kept as a happening, but no shop was opened."""
    events = _events(tmp_path, in_script(script, "2017年一开始在分馆柜台。"))
    assert "creator" not in [e.kind for e in events]
