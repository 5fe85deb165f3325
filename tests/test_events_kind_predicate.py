"""Events: the clause's main predicate and its object decide the kind, not the first kind of
KIND_ORDER among its words — an exam that wins a school place, an interview passed and a
workplace entered, a project led, training one is sent to, a relative who acts, someone else
leaving and the narrator taking their place, a bare quit or a workplace closed. Sentences
written for these tests, in simplified script and (converted with OpenCC s2twp) in Taiwan
traditional; English where it applies.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import events_in, to_traditional

from careernarr.model import Event

SCRIPTS = pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])


def _events(tmp_path: Path, text: str, traditional: bool = False) -> list[Event]:
    return events_in(tmp_path, "写于2024年5月\n\n" + (to_traditional(text) if traditional else text))


def _kinds(events: list[Event]) -> list[str]:
    return [e.kind for e in events]


@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), [
    # 考进/考入 + a school is a study place won; + a post or a hospital it is a job
    ("我2011年考进了音乐学院作曲系。\n", "education"),
    ("2006年他考入省城的一所师范大学，读的是化学。\n", "education"),
    ("2015年我考进大学附属医院当护士。\n", "job_start"),
    # an interview or exam passed and a workplace entered: the start (成为一名 that follows is part of it)
    ("2018年秋天，我通过面试进了市里的一家歌舞团。\n", "job_start"),
    ("2010年，他通过考试进入县档案馆，成为一名普通的档案员。\n", "job_start"),
    # a graduation right before the workplace, with or without 就
    ("2020年6月我中专毕业进了一家做汽车配件的工厂。\n", "job_start"),
    # leading a project is the project, not a post taken
    ("2016年至2019年，我担任一条地铁线路改造项目的技术负责人。\n", "project"),
    # training one is sent to is learning, not a transfer
    ("2022年春天，厂里派我去上海培训了两周，学新设备的调试。\n", "education"),
    # a bare quit ending its clause, a workplace closed: the job's end, even with the next job told after
    ("去年3月我已经辞了，现在在一家物业公司当保安。\n", "job_end"),
    ("我以前在镇上的砖厂开叉车，2016年厂子关门，大家都散了。\n", "job_end"),
    # a workplace shut for a stated while is a stoppage (other), not the job's end
    ("2022年春天封城，我们的面馆关了整整两个月，房租照交。\n", "other"),
    ("疫情那年街口的面包店停业了三个多月，店员们都没有收入。\n", "other"),
])
def test_the_predicate_and_its_object_decide(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    events = _events(tmp_path, text, traditional)
    assert _kinds(events)[:1] == [kind], [(e.kind, e.text, e.rule) for e in events]


@pytest.mark.parametrize(("text", "kind"), [
    ("In 2021 the bakery was shut for nine weeks while the ovens were replaced.\n", "other"),
    ("In 2019 the gallery closed for a refurbishment that ran a year over.\n", "other"),
    ("In 2019 the bakery closed for good.\n", "job_end"),
])
def test_a_workplace_shut_for_a_while_is_a_stoppage(tmp_path: Path, text: str, kind: str) -> None:
    events = events_in(tmp_path, "Notes\n\n" + text)
    assert _kinds(events)[:1] == [kind], [(e.kind, e.text, e.rule) for e in events]


# A relative who acts in the clause makes it family life when the narrator tells it; a relative
# who only helps the narrator (我妈让我…, "a friend's uncle got me in") leaves the kind alone.
@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), [
    ("女儿今年九月去县里的职校报到，学的是护理。\n", "family"),
    ("2021年，老公辞掉了工地的活，回家帮我带孩子。\n", "family"),
    ("2019年我妈托人让我进了一家银行。\n", "job_start"),
])
def test_a_relative_who_acts_makes_family_life(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    events = _events(tmp_path, text, traditional)
    assert _kinds(events)[:1] == [kind], [(e.kind, e.text, e.rule) for e in events]
    if kind == "family":
        assert events[0].subject == "narrator"


# Someone else leaving, the narrator taking their place: one promotion.
@SCRIPTS
@pytest.mark.parametrize("text", [
    "2023年5月，店里的老厨师长退休了，老板让我顶上去，管后厨八个人。\n",
    "2020年底，原来的组长调去了总部，我接了她的位子。\n",
])
def test_taking_the_place_of_someone_who_left_is_a_promotion(tmp_path: Path, text: str, traditional: bool) -> None:
    events = _events(tmp_path, text, traditional)
    assert _kinds(events) == ["promotion"], [(e.kind, e.text, e.rule) for e in events]
    assert events[0].subject == "narrator"


@SCRIPTS
def test_the_narrators_own_leaving_before_a_promotion_stays(tmp_path: Path, traditional: bool) -> None:
    kinds = _kinds(_events(tmp_path, "2019年我辞职了，2021年在新公司升了主管。\n", traditional))
    assert "job_end" in kinds and "promotion" in kinds


@pytest.mark.parametrize(("text", "kind"), [
    ("In 2019 I moved to base maintenance at a regional airline.\n", "job_start"),
    ("In 2017 she moved to a small design agency.\n", "job_start"),
    ("In 2016 I moved to Leeds for a senior role at a games studio.\n", "job_start"),
    ("Then in 2020 I moved in-house at a retailer.\n", "job_start"),
    ("In 2021 I moved to Leeds with my partner.\n", "other"),
    ("In 2018 my daughter started secondary school.\n", "family"),
    ("In 2022 my husband went back to work full time.\n", "job_start"),
    ("A neighbour's uncle got me in as an apprentice at a boatyard in 2005.\n", "job_start"),
    ("In 2021 our old supervisor retired and I took over her job.\n", "promotion"),
    ("I tore a ligament in 2022. Out for nine weeks, then light duties.\n", "leave"),
])
def test_english_predicates_decide(tmp_path: Path, text: str, kind: str) -> None:
    events = _events(tmp_path, text)
    assert kind in _kinds(events), [(e.kind, e.text, e.rule) for e in events]
    if kind != "leave":
        assert _kinds(events)[:1] == [kind], [(e.kind, e.text, e.rule) for e in events]


# A date after 在 is no workplace: 在2019年前后从…转岗做… is the move within the firm.
@SCRIPTS
def test_a_date_after_zai_is_no_workplace(tmp_path: Path, traditional: bool) -> None:
    events = _events(tmp_path, "老陈在2019年前后从客服转岗做质检。\n", traditional)
    assert _kinds(events) == ["transfer"], [(e.kind, e.text, e.rule) for e in events]


# A trailing participle phrase tells circumstances, not the clause's happening.
def test_a_trailing_participle_phrase_does_not_lead(tmp_path: Path) -> None:
    text = "In 2021 she opened a small private practice, seeing clients while keeping two days at the hospital.\n"
    assert _kinds(_events(tmp_path, text)) == ["creator"]


# A couple named together quarrelling is family life; pupils (孩子们) are no relatives, and a couple
# that quits together may include the narrator.
@SCRIPTS
@pytest.mark.parametrize(("text", "kind"), [
    ("2020年，小两口为买房的事吵过好几回。\n", "family"),
    ("2023年孩子们考上了重点中学，我很骄傲。\n", "education"),
    ("2021年两口子一起辞职回了老家。\n", "job_end"),
])
def test_couples_and_pupils(tmp_path: Path, text: str, kind: str, traditional: bool) -> None:
    assert _kinds(_events(tmp_path, text, traditional))[:1] == [kind]


def test_staff_let_go_is_a_job_end(tmp_path: Path) -> None:
    text = "In 2020 I had to let three of my engineers go over a video call, one of them had just had a baby.\n"
    assert _kinds(_events(tmp_path, text))[:1] == ["job_end"]


@SCRIPTS
def test_a_relative_named_is_no_family_event(tmp_path: Path, traditional: bool) -> None:
    text = "2024年3月我被裁了，没有下一家 offer，爸妈在电话里沉默了半分钟，我妈只问了一句社保怎么办。"
    assert _kinds(_events(tmp_path, text, traditional)) == ["job_end"]


@SCRIPTS
@pytest.mark.parametrize("text", [
    "2022年春节，我带全家回了一趟老家。",
    "2021年我妈中风住院，我请假回去陪床。",
])
def test_what_a_family_does_is_still_a_family_event(tmp_path: Path, text: str, traditional: bool) -> None:
    assert "family" in _kinds(_events(tmp_path, text, traditional))


# A credential won, told with 是…的 (2019年考的叉车证) or as a trade's grade (丙级技术士), is a study
# step of its own beside what the sentence tells next (a stall opened, a job lost).
@SCRIPTS
@pytest.mark.parametrize(("text", "kinds"), [
    ("2015年我考到中餐烹调的丙级技术士，三年后在夜市开了一家小吃店。\n", ["education", "creator"]),
    ("我是2019年考的叉车证，后来在物流园开了四年叉车。\n", ["education"]),
])
def test_a_credential_won_is_told_beside_what_follows(tmp_path: Path, text: str, kinds: list[str],
                                                       traditional: bool) -> None:
    events = _events(tmp_path, text, traditional)
    assert _kinds(events)[:len(kinds)] == kinds, [(e.kind, e.text, e.rule) for e in events]
    assert events[0].when is not None and events[0].when.startswith(("2015", "2019"))


# "straight out of nursing school" says when a start came, not a study; a timeline's present
# tense ("2016: starts at a …") tells the start.
@pytest.mark.parametrize("text", [
    "Notes\n\nIn 2012 I took a job on a surgical ward, straight out of nursing school.\n",
    "# Timeline\n\n* **2010**: leaves the army.\n* **2013**: starts at a regional airline fresh out of flight school.\n",
])
def test_out_of_school_times_a_start(tmp_path: Path, text: str) -> None:
    events = events_in(tmp_path, text)
    assert "job_start" in _kinds(events) and "education" not in _kinds(events), [(e.kind, e.text, e.rule) for e in events]


# Cantonese 日做十二个钟 (a working day of twelve hours) is overwork, even when a wedding is told after it.
@SCRIPTS
def test_a_cantonese_working_day_is_overwork(tmp_path: Path, traditional: bool) -> None:
    events = _events(tmp_path, "2009年佢喺车房日做十三个钟，冇得休息，后来先结婚。\n", traditional)
    assert _kinds(events)[:1] == ["overwork"], [(e.kind, e.text, e.rule) for e in events]
    assert "overwork" not in _kinds(_events(tmp_path, "今日做了十二个钟的手术，好累。\n", traditional))  # today, not daily
