"""Events: the kind of an event word decided by its context — a graduation that opens a job
(毕业就进了…), what follows 考上, a check that is an exam, a leave told beside an illness or a
family happening. Sentences written for these tests, in simplified script and (converted with
OpenCC s2twp) in Taiwan traditional; English where it applies.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from extract_helpers import events_in, to_traditional

from careernarr.model import Event

_S2TWP = opencc.OpenCC("s2twp")
SCRIPTS = pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])


def _events(tmp_path: Path, text: str, traditional: bool = False) -> list[Event]:
    return events_in(tmp_path, "写于2024年5月\n\n" + (to_traditional(text) if traditional else text))


def _kinds(events: list[Event]) -> list[str]:
    return [e.kind for e in events]


# A bare graduation told right before a job start opens it: one job_start event, dated by the
# graduation, its evidence from the graduation on.
OPENS = [
    "2015年大学毕业就进了一家物流公司做调度。\n",
    "我2012年研究生毕业后入职，一干就是六年。\n",
    "2018年7月毕业，我进了现在这家设计院。\n",
    "大专毕业后于2020年秋天入职。\n",
]


@SCRIPTS
@pytest.mark.parametrize("text", OPENS)
def test_a_graduation_right_before_a_job_start_opens_it(tmp_path: Path, text: str, traditional: bool) -> None:
    events = _events(tmp_path, text, traditional)
    assert _kinds(events) == ["job_start"], [(e.kind, e.text, e.rule) for e in events]
    assert "业" in events[0].text or "業" in events[0].text  # 毕业 / 畢業: the graduation is part of the evidence
    assert events[0].rule.startswith("zh.events.job_start")


@SCRIPTS
def test_a_graduation_from_a_named_school_is_its_own_event(tmp_path: Path, traditional: bool) -> None:
    events = _events(tmp_path, "2016年6月，我从护理学院毕业，进了市里一家医院做护士。\n", traditional)
    assert _kinds(events) == ["education", "job_start"]


@SCRIPTS
def test_a_graduation_with_no_job_after_it_stays_education(tmp_path: Path, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, "2019年我硕士毕业了，又读了一年博士预科。\n", traditional))[:1] == ["education"]


@SCRIPTS
def test_the_emergency_department_as_a_workplace_is_no_visit(tmp_path: Path, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, "2019年我被分到急诊，一年里学到的比前三年都多。\n", traditional)) == ["transfer"]
    assert _kinds(_events(tmp_path, "去年冬天我发高烧，半夜进了急诊。\n", traditional)) == ["health"]


def test_english_graduation_opens_the_job(tmp_path: Path) -> None:
    events = _events(tmp_path, "I graduated in 2014 and joined a logistics firm as a planner.\n")
    assert _kinds(events) == ["job_start"]
    assert events[0].text.startswith("I graduated")
    events = _events(tmp_path, "I graduated from Leeds in 2014 and joined a logistics firm as a planner.\n")
    assert _kinds(events) == ["education", "job_start"]


# 考上 + a post wins the post (job_start); 考上 + a school stays education.
@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), [
    ("2014年我考上了县里的民警，分到派出所。\n", "job_start"),
    ("2017年她考取了选调生，去了乡镇。\n", "job_start"),
    ("2012年我考上了省城的师范大学。\n", "education"),
])
def test_what_follows_kao_shang_decides_the_kind(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, text, traditional))[:1] == [kind]


# A check alone may be an exam of one's work (a pilot's check ride): a review; a medical check
# names what is checked (胃镜检查, 各种检查).
@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), [
    ("2021年五月第一次模拟机检查，我没过。\n", "review"),
    ("2022年秋天航线检查通过了，我松了口气。\n", "review"),
    ("2020年我在医院做了胃镜检查，是慢性胃炎。\n", "health"),
])
def test_a_check_is_an_exam_or_a_medical_check(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, text, traditional)) == [kind]


# A sentence that tells an illness (or a relative's) and the leave taken for it gives each its
# own event.
@SCRIPTS
def test_an_illness_and_the_leave_for_it_are_two_events(tmp_path: Path, traditional: bool) -> None:
    events = _events(tmp_path, "2023年3月我发烧咳嗽，嗓子哑了好几天，请了五天病假。\n", traditional)
    assert _kinds(events) == ["health", "leave"]
    events = _events(tmp_path, "2021年冬天，我母亲病重，我请了一个月假回老家。\n", traditional)
    assert _kinds(events) == ["family", "leave"]


@SCRIPTS
def test_leave_taken_for_an_interview_is_the_search(tmp_path: Path, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, "2023年五月我请了两天假去杭州面试。\n", traditional)) == ["job_search"]


@pytest.mark.parametrize(("text", "kind"), [
    ("In 2019 my manager made me team lead.\n", "promotion"),
    ("In 2021 I joined a peer group for night-shift nurses.\n", "support"),
    ("In 2022 I led the redesign of our onboarding flow.\n", "project"),
    ("In 2020 I went down to three days a week at the clinic.\n", None),
])
def test_english_kinds_in_context(tmp_path: Path, text: str, kind: str | None) -> None:
    kinds = _kinds(_events(tmp_path, text))
    if kind is None:
        assert "overwork" not in kinds  # three days a week is part time, not too much work
    else:
        assert kinds == [kind]


# Wordings whose object decides the kind.
@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), [
    # ten hours and more on end is overwork, whatever the work (直播, 站, 开车)
    ("2022年年底那次大促，我连续开了十六个小时直播。\n", "overwork"),
    # too little sleep told in Cantonese
    ("2023年3月有单大case，连续两个礼拜每晚瞓唔够四个钟。\n", "overwork"),
    # full time on something of one's own: a change of line, not a side project
    ("2023年三月我开始全职做自己的独立游戏。\n", "career_change"),
    # another employer told as 另一家
    ("2021年他跳去了另一家外企。\n", "job_start"),
    # a course named first, then signed up for
    ("2024年初，插画的网课我已经报了。\n", "education"),
    # a residency left; layoffs counted in rounds, down to a headcount; a studio wound up
    ("2022年秋天我退出了规培，回县城开了诊所。\n", "job_end"),
    ("2023年公司前后裁了三轮，我们组就剩两个人。\n", "job_end"),
    ("2020年疫情那年，餐厅从二十个人裁到六个。\n", "job_end"),
    ("去年年底，我的摄影工作室正式收掉了。\n", "job_end"),
    # a paper accepted is a project's result
    ("2023年6月，我们那篇合作的工作被接收了。\n", "project"),
])
def test_the_object_decides_the_kind(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    kinds = _kinds(_events(tmp_path, text, traditional))
    assert kinds[:1] == [kind], kinds


# 项目 alone names a topic, not a happening; a site office (项目部) and a post's date line
# (发布于 …) are no project events.
@SCRIPTS
@pytest.mark.parametrize("text", [
    "2023年冬天，项目部的板房里冷得睡不着觉，我们就围着电暖器聊天。\n",
    "这几年我换了三个项目，住过的宿舍比老家的房间还多。\n",
    "发布于 2023-05-02 10:15・IP 属地江苏\n",
])
def test_a_project_word_alone_is_no_project_event(tmp_path: Path, text: str, traditional: bool) -> None:
    assert "project" not in _kinds(_events(tmp_path, text, traditional))


@SCRIPTS
def test_a_project_told_done_is_still_one(tmp_path: Path, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, "2022年我负责的支付系统项目上线了。\n", traditional)) == ["project"]


# Counselling taken is support; consulting given in one's trade is a business of one's own.
@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), [
    ("2023年三月我开始做心理咨询，每两周一次。\n", "support"),
    ("2024年初我开始尝试做跨境电商的运营咨询，接了两个老客户。\n", "creator"),
    ("2019年她在老城区开设了一间小小的陶艺工作室。\n", "creator"),
])
def test_consulting_given_or_counselling_taken(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, text, traditional))[:1] == [kind]


# A parent's child in a teacher's day is no family event of the narrator's.
@SCRIPTS
def test_a_pupils_parent_is_no_family_event(tmp_path: Path, traditional: bool) -> None:
    text = "2023年十月，一位家长因为孩子在学校摔了一跤，在群里骂了我一晚上。\n"
    assert "family" not in _kinds(_events(tmp_path, text, traditional))
    assert _kinds(_events(tmp_path, "2021年我的孩子出生了。\n", traditional)) == ["family"]
