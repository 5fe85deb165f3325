"""Events: the kind a sentence's own wording names, and the look-alikes that name another.

Sentences written for these tests (not taken from any corpus). Each ``KINDS`` sentence must give an
event of the kind named (Chinese ones in simplified and in Taiwan traditional script); each ``NOT``
row names a kind the sentence must not give.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, builtin_host, sentence_events

import careernarr
from careernarr.extract.events import AFTER_GRADUATION

KINDS: list[tuple[str, str]] = [
    # an ailment and the leave it cost: the ailment is the happening
    ("health", "去年冬天我在冷库里滑倒，右脚踝骨折，休了两个月的工伤假。"),
    ("health", "2022年我在码头搬货做到腰伤，停工休息了三个月。"),
    ("health", "In 2019 he tore a ligament on a ladder and took eight weeks of sick leave."),
    # a prize or title for one's work
    ("review", "2021年我做的青瓷在市里的手工艺比赛拿到三等奖。"),
    ("review", "那年公司把我们组评为“年度服务之星”。"),
    ("review", "2020年底我攞咗个「最佳导师」，开心到唔识讲嘢。"),
    ("review", "In 2018 the union named him Driver of the Year."),
    ("review", "She failed her first practical assessment in May 2016."),
    # learning: a skill for a stated time, classes in one's own time, a school applied to, a credential sat
    ("education", "2015年我去杭州学了三个月的咖啡拉花。"),
    ("education", "2019年开始我每周末去上油画课。"),
    ("education", "高考那年我报了省里的护理学院。"),
    ("education", "中级职称是2020年考的，前后考了三次。"),
    ("education", "He joined the police academy in September 2012."),
    ("education", "I passed Level 3 in the spring of 2021."),
    ("education", "In 2014 I got certified as a forklift trainer."),
    # a first job named where and what; a workplace entered; gig work taken up
    ("job_start", "我的第一份工作在一家物流公司做调度。"),
    ("job_start", "2016年9月我进入市档案馆，负责老照片的数字化。"),
    ("job_start", "2018年我进了县里的运输队，开了六年大车。"),
    ("job_start", "2020年3月我从餐馆出来跑外卖。"),
    # a placement told with the start is the start
    ("job_start", "2017年7月我进了市图书馆，被分到古籍部。"),
    # a job left for another line of work
    ("career_change", "2013年我辞了县城超市的工作，回老家跟着表哥学养蜂。"),
    ("career_change", "2021年公司搬去外地，我干脆辞职全职做插画。"),
    # a first piece done alone; apprentices taught; writing fiction; going solo
    ("project", "2019年，我第一次独立装裱一幅清代立轴。"),
    ("support", "今年开始师傅让我带两个徒弟。"),
    ("creator", "2017年我开始在网上写小说，一写就是五年。"),
    ("creator", "2020年我跟合伙人分开，自己单干。"),
    # put down before others
    ("conflict", "去年年会上，经理当着全部门的面把我的方案摔在桌上。"),
    # a move within the job asked for
    ("transfer", "Last spring I asked to run the night desk."),
    # moved up to lead a team; a studio of one's own closed; a child put through school
    ("promotion", "2019年领导把我调到中转站当班长。"),
    ("job_end", "2020年我收掉了工作室，去一家设计公司上班。"),
    ("family", "2015年我们终于供儿子读完了大学。"),
    # Cantonese 喺 (at) before a post; a business bought; a workplace closed; night work
    ("job_start", "2022年我喺一间中学做训导主任。"),
    ("creator", "In 2012 she bought the practice from her old boss."),
    ("job_end", "In March 2020 the bakery closed for good."),
    ("overwork", "In 2017 we did night work on the ring road for six months."),
    # a parent's post taken over; a firm joined and the work done there; another industry entered
    ("job_start", "2016年春天，我回镇上接了我妈的班。"),
    ("job_start", "毕业那年我进了苏州一家广告公司做文案。"),
    ("career_change", "2020年我转去教育行业当课程顾问。"),
    # sent to learn; a move asked for; another post at the same employer
    ("education", "2018年公司派我去学新设备的操作。"),
    ("transfer", "2020年春天我主动报名去了发热门诊的检验组。"),
    ("transfer", "In 2019 I moved to the night desk."),
    # recall: a firm in another city, a body part that hurt, pulled into other work, a post taken over,
    # risen from one post to another, a firm registered, made to cry, work into the night, sleeping at work
    ("job_start", "2015年我进入杭州一家会计师事务所。"),
    ("health", "2019年冬天腰骨痛到要打针。"),
    ("transfer", "2018年我被主任拉去做行政。"),
    ("promotion", "2020年我接下了店长的位子。"),
    ("promotion", "2017年到2021年，我从学徒做到了主厨。"),
    ("creator", "2019年我和朋友合伙注册了一家报关行。"),
    ("conflict", "2016年刚来的时候，我被师傅骂哭过两次。"),
    ("overwork", "2022年期末那阵，我每天批作业批到半夜。"),
    ("overwork", "2021年项目上线前，我几乎睡在办公室。"),
    ("job_start", "2020年疫情那年我去跑Foodpanda外送。"),
    ("health", "In 2018 my knee gave out on a ladder."),
    ("promotion", "In 2016 I was made master tech."),
    # poached, delivery work with its length, work at a workshop, scolded, classes sat through, past midnight
    ("job_start", "2013年我被一间大型技工所挖角。"),
    ("job_start", "2020年疫情那年我去送了三个月外卖。"),
    ("job_start", "2009年我在新竹一间小小的玻璃工厂打工。"),
    ("conflict", "2015年第一次炒茶，我被师傅骂到哭。"),
    ("education", "2018年我硬着头皮去上了半年的课。"),
    ("overwork", "2021年冬天，我每天晚上回讯息回到一两点。"),
    ("review", "2019年我拿了个安全行车标兵。"),
    ("health", "2020年我做摄影的，膝盖也废了。"),
    ("support", "In 2019 I saw a counselor through work."),
    ("overwork", "In 2018 I was doing double shifts at the plant."),
    ("job_start", "In 2012 I got hired full-time at the resort."),
    ("education", "In 2016 I got my Level 3 after two tries."),
    # a resignation letter handed in, praise by name, a trade test's grade, a part-time post, subcontracting
    ("job_end", "2023年11月，我把辞职信交了。"),
    ("review", "2019年我被老板在年会上点名表扬。"),
    ("education", "2011年我再考埋高级。"),
    ("job_start", "2014年我在一家书店当工读生。"),
    ("education", "2024年我报了今年秋季的成人本科。"),
    # a boss who raises someone to a title; a master's told in the short spoken form
    ("promotion", "2018年尾，老板升我做首席侍酒师，管四百多款酒。"),
    ("promotion", "去年公司升他当车队主管。"),
    ("education", "2016年我去读了研，读的是物流管理。"),
    ("education", "后来他又读了个研，回来接着干。"),
    # a graduation told from its subject (not a profile's 护理专业毕业); a post taken at a place
    ("education", "2011年我从技工学校的数控专业毕业。"),
    ("job_start", "2012年我进了县医院急诊科当护士。"),
    # a post named in English, a jump to another bar, a new employer, a gig platform, a kitchen post
    ("job_start", "2015年我喺尖沙咀一间酒吧开始做barback。"),
    ("job_start", "2018年我跳咗去湾仔一间cocktail bar做bartender。"),
    ("job_start", "2020年下半年我换了一家更大的装修公司。"),
    ("job_start", "2022年3月我注册了代驾。"),
    ("job_start", "2012年我在一间无菜单料理店当帮厨。"),  # 无菜单 is no negation
    ("job_start", "In 2001 he took a Saturday job on the fish counter."),
    # a boss who asks someone to lead; learning from a master; a colleague who shows the way
    ("promotion", "2019年老板请我做head chef。"),
    ("education", "2016年我跟一个老师傅学修表。"),
    ("support", "后来车队的老哥教我怎么接长途单。"),
    ("support", "These days she trains two apprentices."),
    # leave never taken, nights without sleep
    ("overwork", "那三年几乎没有休假。"),
    ("overwork", "那个月基本上没有睡过整觉。"),
    ("overwork", "2019年我连续五个礼拜没休假。"),
    # a move to another team, shares sold, a knee torn, a business bought from its owner
    ("transfer", "2013年我转去社区服务队。"),
    ("job_end", "2021年我把股份卖给了合伙人。"),
    ("health", "In May 2017 I tore up my right knee on a ladder."),
    ("creator", "In 2009 my old boss sold me his shop and his client list."),
    # an apprenticeship taken, a graduate school entered, a switch to driving, a move with the company
    ("education", "那年冬天我托人拜了村里的王师傅，跟着他学修船。"),
    ("education", "2013年，我考进了台中一所大学的美术研究所。"),
    ("career_change", "2022年我干脆转去跑网约车了。"),
    ("transfer", "2015年到2018年我跟着公司去了成都。"),
    ("job_start", "She took her first post on a surgical ward in 2004."),
    ("creator", "In 2016 we opened Blue Heron Pottery on Main Street."),
    # a discharge told as the time of the next job
    ("job_start", "我是2014年退伍后进的保全公司。"),
    # a negation that ends its own clause, in unpunctuated speech
    ("job_end", "那年厂里效益不好我就辞职了。"),
]

NOT: list[tuple[str, str]] = [
    # a door opened is no business; a tour leader's post is no rank
    ("creator", "In 2019 I opened the door and saw him."),
    ("promotion", "2018年底公司把我调去做出境领队。"),
    # the company denies the quitting; a slide deck is no post
    ("job_end", "公司不让我辞职。"),
    ("job_start", "我在公司做PPT做到半夜。"),
    # a profile's subject, not a graduation told
    ("education", "护理专业毕业，三年经验，会开车。"),
    # a leave after an operation (the time of the rest), a doctor who signs a leave
    ("health", "手术以后我休息了两个礼拜。"),
    ("health", "In March 2020 my doctor signed me off for three weeks."),
    # a trade's programme for children is no family event
    ("family", "In 2021 I started teaching the kids' program at the rink."),
    # the first time told as the time of what follows
    ("project", "第一次独立值夜班就碰上了停电，我吓得一晚没睡。"),
    # a police station entered, rest at home after an illness
    ("job_start", "2019年他喝多了闹事，进了派出所。"),
    ("career_change", "2018年我辞了工作回家养病。"),
    # a span counted from a start is the time of what follows
    ("job_start", "入职第一周，主管就让我一个人值班。"),
    # weddings as a sound engineer's gigs, a rotation of nights, a shop closed for a holiday
    ("family", "2019年我买了一台调音台，开始接商演和婚礼。"),
    ("overwork", "In 2020 I asked for a fixed rotation, four nights on and three off."),
    ("job_end", "In 2019 the shop closed for two weeks in August."),
    # an apprentice named, not taught; an emergency department as the workplace
    ("support", "2011年冬天，矿上出了事故，他带的一个徒弟没能出来。"),
    ("health", "从2016年下半年开始，我被排进急诊CT夜班。"),
    # online classes (线上课) hold 上课 in simplified script only: no class taken either way
    ("education", "2022年下半年上门训练全停了，我就靠线上课撑着。"),
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), KINDS)
def test_the_wording_names_the_first_event_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert events and events[0].kind == kind, [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), NOT)
def test_a_look_alike_names_another_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert all(e.kind != kind for e in events), [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_job_after_a_dated_graduation_is_its_own_event(tmp_path: Path, script: str) -> None:
    events = sentence_events(tmp_path, script, "2003年，我从师范学院毕业，在县城一间小学当老师。")
    assert [(e.kind, e.when) for e in events] == [("education", "2003"), ("job_start", "2003")], events


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", [
    "我是在2009年大学音乐系毕业之后开始教琴的。",
    "2014年拿到学位后，我回新竹，在一所小学的音乐班兼课。",
])
def test_what_follows_a_dated_graduation_in_unnamed_words_is_the_first_job(tmp_path: Path, script: str,
                                                                            text: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert [e.kind for e in events] == ["job_start"], events
    assert events[0].rule.endswith(AFTER_GRADUATION)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", [
    "2016年毕业之后我想转去做社工。",  # wished
    "2016年毕业后找不到工作，在家待了半年。",  # no job found
    "2016年夏天，我从职业学院的机电专业毕业。",  # nothing follows
])
def test_a_graduation_followed_by_no_work_stays_a_graduation(tmp_path: Path, script: str, text: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert [e.kind for e in events] == ["education"], events


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_graduation_then_the_age_then_a_job_is_one_start(tmp_path: Path, script: str) -> None:
    events = sentence_events(tmp_path, script, "2011年6月，我从卫校护理专业毕业，二十岁，进了县医院当护士。")
    assert [(e.kind, e.when) for e in events] == [("job_start", "2011-06")], events


def test_a_bold_label_of_a_list_item_yields_to_its_body(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("# 小结\n\n- **入行**：2012年考取了导游证。\n- **转岗**：申请从司机岗转到调度岗。\n",  # the body's words
                    encoding="utf-8")
    events = careernarr.parse(path, host=builtin_host()).events
    assert [(e.kind, e.rule.split(":")[1]) for e in events] == [("education", "考取"), ("transfer", "从<部门>转到<部门>")]
