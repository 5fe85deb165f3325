"""Events in the everyday wordings of a working life, one sentence per happening.

Written for these tests from how people commonly tell each kind (none comes from an evaluation
set): every sentence must give an event of its kind; the look-alikes (plans, questions, general
statements, the people who did it) must give none. Chinese rows hold in Taiwan script too.
"""

from __future__ import annotations

import pytest
from extract_helpers import to_traditional

import careernarr
from careernarr.model import Event

#: What comes before each sentence: a paragraph that sets the story going.
LEAD_ZH = "随笔\n\n那年我换了工作。\n\n"
LEAD_EN = "Notes\n\nThat year I changed jobs.\n\n"

ZH: list[tuple[str, str]] = [
    ('job_start', '2015年我进了一家物流公司做调度。'),
    ('job_start', '2016年我在一家咖啡馆当了两年店员。'),
    ('job_start', '2018年春天我去了深圳，在一家电子厂上流水线。'),
    ('job_start', '2012年经人介绍，我到县医院做了护工。'),
    ('job_start', '2019年我被一家广告公司录用了。'),
    ('job_start', '2014年我正式上岗，成了一名公交司机。'),
    ('job_start', '2020年我开始在一家律所实习。'),
    ('job_start', '2017年我应聘上了小学代课老师。'),
    ('job_start', '2013年我考进了市里的消防队。'),
    ('job_start', '2021年我去了一家民宿当管家。'),
    ('job_start', '2009年我在老乡的介绍下进了一家酒店后厨。'),
    ('job_start', '2022年我入职了一家做新能源的公司。'),
    ('job_start', '2016年我顶了我爸的岗，进了电厂。'),
    ('job_end', '2019年底我离开了那家公司。'),
    ('job_end', '2020年公司倒闭，我失业了。'),
    ('job_end', '2021年我被辞退了。'),
    ('job_end', '2018年我提了离职，月底走人。'),
    ('job_end', '2022年合同到期后我没有续签。'),
    ('job_end', '2017年我从厂里辞工了。'),
    ('job_end', '2023年3月我从医院离职。'),
    ('job_end', '2015年我退休了。'),
    ('job_end', '2020年店里生意不好，老板把我们都遣散了。'),
    ('job_end', '那年年底我不干了。'),
    ('transfer', '2018年我被调到了仓储部。'),
    ('transfer', '2019年公司派我去成都分公司。'),
    ('transfer', '2020年我从门诊转到了住院部。'),
    ('transfer', '2016年我被借调到总部半年。'),
    ('transfer', '2021年我申请调岗去了客服部。'),
    ('transfer', '2017年领导把我调去夜班。'),
    ('promotion', '2019年我升了主管。'),
    ('promotion', '2020年我被提拔为副经理。'),
    ('promotion', '2018年我当上了车间主任。'),
    ('promotion', '2021年我评上了高级技师。'),
    ('promotion', '2016年我被任命为项目负责人。'),
    ('promotion', '2022年我涨了工资，从八千涨到一万二。'),
    ('review', '2019年我被评为优秀员工。'),
    ('review', '2020年我拿了公司的年度销售冠军。'),
    ('review', '2018年年终考核我拿了A。'),
    ('review', '2021年我的绩效被打了C。'),
    ('review', '2016年我在技能大赛上拿了二等奖。'),
    ('review', '2022年我收到了客户写的感谢信。'),
    ('job_search', '2019年我投了上百份简历。'),
    ('job_search', '2020年我面试了五家公司，都没过。'),
    ('job_search', '2021年我拿到了两个offer。'),
    ('job_search', '2018年我开始在网上找工作。'),
    ('job_search', '2023年我去人才市场找活。'),
    ('project', '2019年我负责了新厂房的搬迁。'),
    ('project', '2020年我们接了一个大单，做了整整半年。'),
    ('project', '2018年我带队完成了系统升级。'),
    ('project', '2021年我们团队上线了新产品。'),
    ('project', '2017年我参与了地铁三号线的施工。'),
    ('overwork', '那两年我每天加班到凌晨。'),
    ('overwork', '2019年我连续上了一个月的夜班。'),
    ('overwork', '2020年疫情期间我三个月没休息过一天。'),
    ('overwork', '旺季的时候一天要干十四五个小时。'),
    ('overwork', '那段时间我经常通宵赶工。'),
    ('overwork', '2018年我一年只休了五天假。'),
    ('leave', '2019年我请了一个月的病假。'),
    ('leave', '2020年我休了产假。'),
    ('leave', '2021年我请了年假去西藏玩了一圈。'),
    ('leave', '2018年我停薪留职了一年。'),
    ('leave', '2022年我休了三个月的长假。'),
    ('health', '2019年我查出了甲状腺结节。'),
    ('health', '2020年我得了抑郁症。'),
    ('health', '2018年我腰椎间盘突出，疼得下不了床。'),
    ('health', '2021年我在工地上摔断了腿。'),
    ('health', '2017年我累到住院了。'),
    ('health', '2022年我开始失眠，整夜睡不着。'),
    ('support', '2020年我开始看心理医生。'),
    ('support', '2019年师傅手把手带了我半年。'),
    ('support', '2021年工会帮我争取到了赔偿。'),
    ('support', '2018年同事们凑钱帮我渡过了难关。'),
    ('conflict', '2019年我跟主管大吵了一架。'),
    ('conflict', '2020年我被客户投诉了。'),
    ('conflict', '2018年老板克扣了我三个月的工资。'),
    ('conflict', '2021年我跟公司打了劳动仲裁。'),
    ('conflict', '2017年我被同事排挤，天天受气。'),
    ('education', '2016年我考了会计证。'),
    ('education', '2019年我报了一个夜校学日语。'),
    ('education', '2020年我拿到了教师资格证。'),
    ('education', '2014年我考上了在职研究生。'),
    ('education', '2018年我去德国进修了半年。'),
    ('education', '2021年我自学了Python。'),
    ('creator', '2020年我开了自己的工作室。'),
    ('creator', '2019年我在抖音上开了个账号，专门拍修车。'),
    ('creator', '2021年我和朋友合伙开了家奶茶店。'),
    ('creator', '2018年我注册了自己的公司。'),
    ('creator', '2022年我出了一本书。'),
    ('creator', '2017年我开始接私活。'),
    ('career_change', '2019年我转行做了程序员。'),
    ('career_change', '2020年我从银行跳出来，改行卖保险。'),
    ('career_change', '2018年我放弃了设计，回老家种茶。'),
    ('career_change', '2021年我离开了教育行业，去做了销售。'),
    ('family', '2019年我结婚了。'),
    ('family', '2020年我女儿出生了。'),
    ('family', '2018年我爸生病住院，我回家照顾了半年。'),
    ('family', '2021年我离婚了。'),
    ('family', '2017年我妈去世了。'),
]

EN: list[tuple[str, str]] = [
    ('job_start', 'In 2015 I got a job at a logistics firm as a dispatcher.'),
    ('job_start', 'In 2016 I started working at a coffee shop.'),
    ('job_start', 'In 2018 I landed a position with a software company.'),
    ('job_start', 'In 2012 I was taken on as an apprentice electrician.'),
    ('job_start', 'In 2019 I joined a small ad agency.'),
    ('job_start', 'In 2014 I signed on with a trucking company.'),
    ('job_start', 'In 2020 I began an internship at a law firm.'),
    ('job_start', 'In 2017 I got hired as a substitute teacher.'),
    ('job_start', "In 2013 I went to work for my uncle's roofing business."),
    ('job_start', 'In 2021 I took a job cleaning offices at night.'),
    ('job_end', 'In late 2019 I left the company.'),
    ('job_end', 'In 2020 the plant closed and I lost my job.'),
    ('job_end', 'In 2021 I was let go.'),
    ('job_end', 'In 2018 I handed in my notice.'),
    ('job_end', "In 2022 my contract wasn't renewed."),
    ('job_end', 'In 2015 I retired from the force.'),
    ('job_end', 'In 2020 they laid off half the crew, me included.'),
    ('job_end', 'That winter I walked out and never went back.'),
    ('transfer', 'In 2018 I was moved to the warehouse team.'),
    ('transfer', 'In 2019 the company sent me to the Denver office.'),
    ('transfer', 'In 2020 I switched from days to nights.'),
    ('transfer', 'In 2021 I asked for a transfer to customer service.'),
    ('transfer', 'In 2017 I was reassigned to the night desk.'),
    ('promotion', 'In 2019 I was promoted to supervisor.'),
    ('promotion', 'In 2020 I made shift lead.'),
    ('promotion', 'In 2018 I became head chef.'),
    ('promotion', 'In 2022 I got a raise.'),
    ('promotion', 'In 2016 they put me in charge of the whole floor.'),
    ('review', 'In 2019 I was named employee of the month.'),
    ('review', 'In 2020 I won the regional sales award.'),
    ('review', 'In 2018 my annual review was glowing.'),
    ('review', 'In 2021 I got a poor performance rating.'),
    ('review', 'In 2016 I took second place in a national competition.'),
    ('job_search', 'In 2019 I sent out over a hundred applications.'),
    ('job_search', 'In 2020 I interviewed at five places and got nothing.'),
    ('job_search', 'In 2021 I had two offers on the table.'),
    ('job_search', 'In 2018 I started looking for work.'),
    ('project', 'In 2019 I led the move to the new plant.'),
    ('project', 'In 2020 we landed a big contract that kept us busy for months.'),
    ('project', 'In 2018 I rolled out the new scheduling system.'),
    ('project', 'In 2021 our team launched a new product.'),
    ('project', 'In 2017 I worked on the construction of the new bridge.'),
    ('overwork', 'For two years I worked until midnight every day.'),
    ('overwork', 'In 2019 I worked a month of night shifts in a row.'),
    ('overwork', 'During the pandemic I went three months without a day off.'),
    ('overwork', 'In peak season we put in fourteen-hour days.'),
    ('overwork', 'I was pulling all-nighters to meet deadlines.'),
    ('overwork', 'In 2018 I took only five days off all year.'),
    ('leave', 'In 2019 I took a month of sick leave.'),
    ('leave', 'In 2020 I went on maternity leave.'),
    ('leave', 'In 2021 I used my vacation days to travel in Spain.'),
    ('leave', 'In 2018 I took a year-long sabbatical.'),
    ('health', 'In 2019 I was diagnosed with thyroid nodules.'),
    ('health', 'In 2020 I developed depression.'),
    ('health', "In 2018 I slipped a disc and couldn't get out of bed."),
    ('health', 'In 2021 I broke my leg on the job.'),
    ('health', 'In 2017 I ended up in hospital from exhaustion.'),
    ('health', 'In 2022 I started having insomnia.'),
    ('support', 'In 2020 I started seeing a therapist.'),
    ('support', 'In 2019 my supervisor mentored me for six months.'),
    ('support', 'In 2021 the union helped me get compensation.'),
    ('support', 'In 2018 my coworkers chipped in to help me through.'),
    ('conflict', 'In 2019 I had a huge fight with my manager.'),
    ('conflict', 'In 2020 a customer filed a complaint against me.'),
    ('conflict', 'In 2018 my boss withheld three months of my wages.'),
    ('conflict', 'In 2021 I took the company to an employment tribunal.'),
    ('conflict', 'In 2017 I was bullied by my coworkers.'),
    ('education', 'In 2016 I got my accounting certificate.'),
    ('education', 'In 2019 I signed up for evening Japanese classes.'),
    ('education', 'In 2020 I earned my teaching license.'),
    ('education', "In 2014 I started a part-time master's degree."),
    ('education', 'In 2018 I spent six months training in Germany.'),
    ('education', 'In 2021 I taught myself Python.'),
    ('creator', 'In 2020 I opened my own studio.'),
    ('creator', 'In 2019 I started a YouTube channel about car repair.'),
    ('creator', 'In 2021 a friend and I opened a bubble tea shop.'),
    ('creator', 'In 2018 I registered my own company.'),
    ('creator', 'In 2022 I published a book.'),
    ('creator', 'In 2017 I started taking on freelance work.'),
    ('career_change', 'In 2019 I switched careers and became a programmer.'),
    ('career_change', 'In 2020 I left banking to sell insurance.'),
    ('career_change', 'In 2018 I gave up design and went home to grow tea.'),
    ('career_change', 'In 2021 I left teaching for a job in sales.'),
    ('family', 'In 2019 I got married.'),
    ('family', 'In 2020 my daughter was born.'),
    ('family', 'In 2018 my dad got sick and I moved home to look after him.'),
    ('family', 'In 2021 I got divorced.'),
    ('family', 'In 2017 my mother passed away.'),
]

NOT_ZH = [
    '我打算明年去一家民宿当管家。',
    '如果能进流水线也行。',
    '你们有谁在人才市场找过活？',
    '我不想参与这个工程。',
    '我们公司一年只休五天假是常态吗？',
    '销售冠军一般都很会聊天。',
    '他从门诊部门口走过。',
    '三个月没休息的人不止我一个。',
    '听说老家种茶挺赚钱的。',
]

NOT_EN = [
    'I plan to open my own studio next year.',
    'If I got promoted, I would buy a car.',
    'Has anyone here ever been laid off?',
    'Most baristas start working at sixteen.',
    'Getting a raise is harder than it looks.',
    'A promotion is not a reward.',
    "I don't want to switch careers.",
    'Night shifts are hard on anyone.',
]


def _events(text: str) -> list[Event]:
    lead = LEAD_EN if text.isascii() else LEAD_ZH
    first = lead.split("\n\n")[1]
    return [e for e in careernarr.parse(lead + text + "\n", format="essay").events if e.text.strip() != first]


@pytest.mark.parametrize(("kind", "text"), ZH + EN)
def test_an_everyday_wording_gives_its_kind(kind: str, text: str) -> None:
    events = _events(text)
    assert kind in [e.kind for e in events], [(e.kind, e.rule) for e in events]


@pytest.mark.parametrize(("kind", "text"), ZH)
def test_the_same_in_taiwan_script(kind: str, text: str) -> None:
    events = _events(to_traditional(text))
    assert kind in [e.kind for e in events], [(e.kind, e.rule) for e in events]


@pytest.mark.parametrize("text", NOT_ZH + NOT_EN)
def test_plans_questions_and_general_statements_give_no_event(text: str) -> None:
    assert _events(text) == [], [(e.kind, e.rule) for e in _events(text)]
