"""Events: the Chinese event vocabulary across trades and registers, kind by kind.

Sentences written for these tests (not taken from any corpus): many occupations (site engineers,
nurses, riders, factory workers, auditors, lawyers, civil servants, teachers, PhD students, chefs,
streamers, soldiers …) and registers (essays, forum slang, spoken transcripts with fillers, Taiwan
and Cantonese writing). Each sentence is parsed as a whole document, as written and converted to
Taiwan traditional script (OpenCC s2twp), since traditional text is read through the same simplified
lexicon. ``HAPPENINGS`` must give an event of the kind named; ``NOT_EVENTS`` (the same words used as
nouns, plans, hypotheticals, negations, general statements, someone else's shop) must give none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from extract_helpers import events_in, to_traditional
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careernarr.extract.lexicon import builtin_lexicon, compile_term
from careernarr.model import Event

_to_traditional = to_traditional


def _events(tmp_path: Path, text: str) -> list[Event]:
    return events_in(tmp_path, text + "\n")


def _shown(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(e.kind, e.rule, e.text) for e in events]


HAPPENINGS: list[tuple[str, str]] = [
    # job_start
    ("job_start", "2020年老家的厂子停工了，我就跑到杭州送外卖。"),
    ("job_start", "2021年我跳槽成功，去了一家外企。"),
    ("job_start", "2020年我考编成功，当了一名小学老师。"),
    ("job_start", "2019年7月，我正式入职一家建筑设计院，做结构设计。"),
    ("job_start", "去年九月我去市一院报到，成了一名规培护士。"),
    ("job_start", "2021年我考上了区里的公务员，算是上岸了。"),
    ("job_start", "2020年疫情那年，我开始跑外卖，注册了美团骑手。"),
    ("job_start", "2018年我在深圳进厂，做电子厂流水线。"),
    ("job_start", "博士毕业后，我去上海交大做博后，2022年3月进站。"),
    ("job_start", "2023年我签了三方，去一家券商做研究员。"),
    ("job_start", "2017年入伍，在新疆当了两年兵。"),
    ("job_start", "去年我跑起了网约车，一天跑十个小时。"),
    ("job_start", "2016年我拿到了厦大的教职。"),
    ("job_start", "前年我揾到份新工，喺中环做会计。"),
    ("job_start", "终于上岸了！今年考编上岸，下个月去学校报到。"),
    ("job_start", "2019年我通过了空乘面试，9月份首飞。"),
    ("job_start", "2018年我从药学院毕业，进了一家连锁药房。"),
    ("job_start", "去年我在一家社工机构入职，做青少年个案。"),
    ("job_start", "2020年我以管培生身份加入了一家快消公司。"),
    ("job_start", "2019年我入职后第一天就被拉进了项目群。"),
    ("job_start", "2020年我找到了第一份工作，在一家公司做项目助理。"),
    ("job_start", "2020年我去了一家做工业软件的创业公司。"),
    ("job_start", "2021年我跳到了一家外企。"),
    # job_end
    ("job_end", "疫情那三年生意很差，2022年我们把店转让了。"),
    ("job_end", "2022年公司把我裁了，给了N+1。"),
    ("job_end", "去年老板直接把我开了。"),
    ("job_end", "2023年公司把我们整个组都裁了。"),
    ("job_end", "去年公司把我优化了，拿了n+1。"),
    ("job_end", "2022年底我被裁了，拿了N+1。"),
    ("job_end", "去年3月，我向主任递了辞呈，离开了干了八年的医院。"),
    ("job_end", "2019年合同到期，公司没有续签，我就失业了。"),
    ("job_end", "2020年我爸下岗了，买断工龄拿了三万块。"),
    ("job_end", "2021年我辞去公职，离开了体制。"),
    ("job_end", "2015年我退伍回到老家。"),
    ("job_end", "去年我辞工离开了东莞的电子厂。"),
    ("job_end", "今年二月我把店盘出去了。"),
    ("job_end", "2023年我离开了报社，结束了十年的记者生涯。"),
    ("job_end", "2022年我被末位淘汰了。"),
    ("job_end", "2021年我劈咗炮，唔做喇。"),
    ("job_end", "去年公司裁员，我俾人炒咗。"),
    ("job_end", "2020年我被資遣了。"),
    ("job_end", "然后呢就是那个，嗯，2022年的时候我就裸辞了嘛。"),
    ("job_end", "楼主去年被优化了，现在在家躺平。"),
    ("job_end", "2022年我离开了四大，去了一家上市公司做财务。"),
    ("job_end", "2023年我结束了十年的记者生涯。"),
    # transfer
    ("transfer", "2013年我开始当班主任。"),
    ("transfer", "2018年我去乡下支教了一年。"),
    ("transfer", "2023年我调回学校，当了教务主任。"),
    ("transfer", "2022年公司派我去新加坡开拓市场。"),
    ("transfer", "2020年我被调到总部人力资源部。"),
    ("transfer", "去年组织安排我去县里挂职一年。"),
    ("transfer", "2021年我被外派到迪拜的工地。"),
    ("transfer", "2019年我从急诊科调到了ICU。"),
    ("transfer", "前年我被借调到市里，今年又调回原单位。"),
    ("transfer", "2022年公司派我去新加坡驻场半年。"),
    ("transfer", "2018年我主动申请去西藏支教。"),
    ("transfer", "2022年我从门店调到了区域办公室。"),
    ("transfer", "去年我从研发调到了项目管理部。"),
    # promotion
    ("promotion", "2016年我升了厨师长，手下管着十几个人。"),
    ("promotion", "2020年我又评上了高级教师。"),
    ("promotion", "2021年我评上了副高职称。"),
    ("promotion", "去年年底，我终于升了乘务长。"),
    ("promotion", "2023年我从P6升到了P7。"),
    ("promotion", "2022年我被提拔为副科长。"),
    ("promotion", "今年我评上了副教授。"),
    ("promotion", "2020年我成为了律所的合伙人。"),
    ("promotion", "去年我开始带团队，手下有五个人。"),
    ("promotion", "2019年我当上了护士长。"),
    ("promotion", "今年四月老板给我涨了工资。"),
    ("promotion", "今年总算升了P8，熬了四年。"),
    ("promotion", "2023年我终于放机长了。"),
    ("promotion", "2022年我通过了晋升答辩，升了高级工程师。"),
    ("promotion", "2023年我升了项目经理。"),
    # job_search
    ("job_search", "博士毕业后我考了选调。"),
    ("job_search", "2022年我的offer被毁约了。"),
    ("job_search", "2023年秋招，我投了八十多份简历，只拿到两个offer。"),
    ("job_search", "去年我参加了国考笔试，可惜面试没过。"),
    ("job_search", "那年毕业即失业，在家赋闲了半年。"),
    ("job_search", "上个月我面了三家公司，二面都挂了。"),
    ("job_search", "2022年我拒了字节的offer，留在了原来的公司。"),
    ("job_search", "去年我开始考编，报了三个区的教师招聘。"),
    ("job_search", "那个时候呢我就，呃，疯狂投简历，投了一百多家。"),
    ("job_search", "秋招投了五十家，三个二面，最后挂了两个。"),
    ("job_search", "上周我去了一家公司面试。"),
    # review
    ("review", "2022年年终考核我拿了个C。"),
    ("review", "去年三月，我顺利通过了试用期。"),
    ("review", "2021年我被评为优秀员工。"),
    ("review", "2014年他获得了公司的“安全标兵”称号。"),  # awards and titles for one's work
    ("review", "2019年我在讲师评选中获得了二等奖。"),
    ("review", "今年一月做了年终述职，领导给了B+。"),
    ("review", "2023年我季度考核不合格，被约谈了。"),
    ("review", "今年绩效背了3.25，心态崩了。"),
    ("review", "2022年我做了年终述职答辩。"),
    # project
    ("project", "2017年我们的高速公路项目竣工。"),
    ("project", "2020年我负责的商业综合体项目顺利竣工。"),
    ("project", "2021年我负责的地铁工程顺利完工。"),
    ("project", "去年我们院中标了一个地铁站的设计。"),
    ("project", "2022年我主刀了第一台腹腔镜手术。"),
    ("project", "去年我们的游戏正式公测了。"),
    ("project", "2021年我做了一篇关于外卖骑手的深度报道。"),
    ("project", "2023年我代理的劳动争议案胜诉了。"),
    ("project", "去年我的论文被顶会接收了。"),
    ("project", "2022年我拿到了国自然青年基金。"),
    ("project", "今年我们签下了一个三百万的大单。"),
    ("project", "去年我们工地的主体结构封顶了。"),
    ("project", "2021年我负责的楼盘通过了竣工验收。"),
    ("project", "去年我画的原画被用在了游戏的新版本里，正式上线了。"),
    # overwork
    ("overwork", "2021年我每天剪视频剪到凌晨三点。"),
    ("overwork", "那年中考前我天天备课到晚上十一点。"),
    ("overwork", "那年实验一直做不出来，我经常在实验室待到凌晨。"),
    ("overwork", "2021年忙季，我连续一个月每天加班到凌晨两点。"),
    ("overwork", "那段时间我天天爆肝，全年无休。"),
    ("overwork", "去年春节我在医院连值了三个夜班。"),
    ("overwork", "2022年我每天只睡四个小时，起早贪黑地赶图。"),
    ("overwork", "那年双十一我在仓库通宵打包。"),
    ("overwork", "去年我几乎每个周末都在公司加班。"),
    ("overwork", "忙季嗰阵我日日通顶。"),
    ("overwork", "就是说那半年我基本上天天通宵，真的是爆肝。"),
    ("overwork", "四大的忙季，我连续三个月每天凌晨才下班。"),
    ("overwork", "为了赶项目，我们连续两个月通宵。"),
    # leave
    ("leave", "2020年我休了半年产假。"),
    ("leave", "去年夏天我请了两周年假去了西藏。"),
    ("leave", "2022年我申请了停薪留职，在家休息了一年。"),
    ("leave", "2019年我gap了一年，去澳洲打工度假。"),
    ("leave", "去年我读博读到崩溃，休学了一年。"),
    ("leave", "上个月我请了三天病假。"),
    ("leave", "上个月我拎咗一个礼拜假去日本。"),
    ("leave", "2021年我申請了育嬰留停，在家帶小孩半年。"),
    ("leave", "裸辞后gap了半年，去大理住了三个月。"),
    # health
    ("health", "那一年我头发掉了好多。"),
    ("health", "去年我查出了痛风，医生让我少喝酒。"),
    ("health", "去年冬天我在路口被一辆电动车撞了，膝盖缝了六针。"),
    ("health", "去年我在厨房烫伤了手。"),
    ("health", "2021年我确诊了腰椎间盘突出。"),
    ("health", "去年体检查出了甲状腺结节。"),
    ("health", "2022年我得了焦虑症，整夜睡不着。"),
    ("health", "那年我因为长期站立得了静脉曲张。"),
    ("health", "去年我在厨房烫伤了手。"),
    ("health", "2020年送外卖的时候出了车祸，骨折了。"),
    ("health", "去年我胃出血住院了一周。"),
    ("health", "那年我天天画图，得了腱鞘炎。"),
    ("health", "去年我病咗成个月。"),
    ("health", "做了十年会计，去年查出了颈椎病。"),
    ("health", "跑了三年外卖，去年腰椎出了问题，住院两周。"),
    # support
    ("support", "2022年我开始看心理咨询，每周一次。"),
    ("support", "去年我找了一位职业咨询师聊了三次。"),
    ("support", "那段时间我去医院挂了精神科，开始吃药治疗。"),
    ("support", "2021年我向工会求助，申请了法律援助。"),
    ("support", "后来我找了一位mentor，每个月聊一次。"),
    ("support", "去年我開始去身心科看診，也做了諮商。"),
    # conflict
    ("conflict", "2022年我被家长投诉了。"),
    ("conflict", "2022年我和老板大吵了一架。"),
    ("conflict", "去年我申请了劳动仲裁，要回了拖欠的工资。"),
    ("conflict", "上个月我被家长投诉了。"),
    ("conflict", "2021年我被领导边缘化，坐了一年冷板凳。"),
    ("conflict", "去年我被客户差评，被平台罚款两百。"),
    ("conflict", "那年项目出了问题，领导把锅甩给了我。"),
    ("conflict", "上个月我喺公司俾老细闹咗一餐。"),
    ("conflict", "去年有个病人家属来医闹，我被打了一巴掌。"),
    # education
    ("education", "2012年我出师了，去了一家粤菜馆做炒锅。"),
    ("education", "2019年我考下了一建证书。"),
    ("education", "2018年我保研到了北京一所高校。"),
    ("education", "2021年中期考核差点没过。"),
    ("education", "2019年我考研成功，去了南京读书。"),
    ("education", "2020年我考上了研究生。"),
    ("education", "去年我过了法考。"),
    ("education", "2022年我通过了博士论文答辩。"),
    ("education", "2023年我终于过了中期。"),
    ("education", "今年三月我顺利开题了。"),
    ("education", "2019年我报了在职MBA。"),
    ("education", "去年我考过了CPA三科。"),
    ("education", "2021年我延毕了一年。"),
    ("education", "2023年我拿到了一建证书。"),
    ("education", "那年我去英国访学了一年。"),
    ("education", "2022年我考上了研究所在職專班。"),
    ("education", "2021年我考过了执业药师。"),
    ("education", "2021年读研期间，我参加了学校的交换项目，去了德国。"),
    ("education", "2022年我参加了公司的管培生培训项目。"),
    ("education", "2023年我通过了论文答辩，博士毕业了。"),
    ("education", "去年我开始读在职研究生，课题是城市更新。"),
    ("education", "2021年我在培训班里学完了前端课程，做了一个项目。"),
    ("education", "2022年我攻克了英语六级。"),
    ("education", "2016年我结束了学生生涯，开始工作。"),
    # creator
    ("creator", "2020年我开了个抖音号，开始拍做饭的视频。"),
    ("creator", "2019年我和朋友合伙开了一家茶餐厅。"),
    ("creator", "2021年我开始做自媒体，在小红书上开了号。"),
    ("creator", "去年秋天我在夜市摆摊卖烤肠。"),
    ("creator", "2022年我盘下了一家面馆。"),
    ("creator", "2020年我的独立游戏上架了Steam。"),
    ("creator", "去年我出了第一本书。"),
    ("creator", "2023年我的B站账号粉丝破万了。"),
    ("creator", "前年我和朋友合伙开了一家咖啡馆。"),
    ("creator", "2022年我开始接私活，做小程序开发。"),
    ("creator", "前年我喺旺角开咗间铺头。"),
    ("creator", "去年我開始接案，做品牌設計。"),
    ("creator", "2020年我开了一家律所。"),
    ("creator", "2019年我在老家开了一家民宿。"),
    ("creator", "去年我和朋友开了家火锅店。"),
    # career_change
    ("career_change", "2020年我从程序员转行做了产品经理。"),
    ("career_change", "2019年我离开了讲台，转行做培训。"),
    ("career_change", "2018年我从部队转业到地方。"),
    ("career_change", "去年我弃医从文，开始全职写作。"),
    ("career_change", "2021年我转换跑道，从会计转做数据分析。"),
    ("career_change", "三十岁那年我跨行去做了UI设计。"),
    ("career_change", "2019年我轉換跑道，從工程師變成咖啡師。"),
    ("career_change", "对，然后我就，嗯，转码了，去学了前端。"),
    ("career_change", "退伍后我转行做了保安。"),
    # family
    ("family", "2021年我老婆生BB。"),
    ("family", "2021年我结婚了。"),
    ("family", "去年我女儿出生了。"),
    ("family", "2022年我生了二胎。"),
    ("family", "去年我爸中风住院，我请假回去陪床。"),
    ("family", "2023年我和老婆领证了。"),
    ("family", "今年二月我奶奶去世了。"),
    ("family", "2022年我同女朋友摆酒。"),
    ("family", "去年我老婆生孩子，我请了陪产假。"),
    # other
    ("other", "2022年我拿到了新加坡的工签。"),
    ("other", "去年我们全家移民去了加拿大。"),
    ("other", "2021年我在杭州落了户。"),
    ("other", "2022年我被美国拒签了。"),
]

SCRIPTS = ["as written", "s2twp"]


def _in(script: str, text: str) -> str:
    return text if script == "as written" else _to_traditional(text)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), HAPPENINGS)
def test_a_told_happening_gives_its_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    events = _events(tmp_path, _in(script, text))
    # found by a word of the lexicon, not only by the shape of a dated sentence
    assert any(e.kind == kind and e.rule.startswith("zh.events.") and "dated happening" not in e.rule
               for e in events), _shown(events)


NOT_EVENTS: list[str] = [
    "我把头发剪到了肩膀。",
    # a pension, the promoted: nouns
    "她一个月的退休金才三千多，这个课包她买不起。",
    "受访者分为三类：过渡者、留守者与内部晋升者。",
    # an article about riders: complaints, injuries, arbitration and gig work of anyone
    "骑手被投诉后往往要承担扣款。",
    "不少骑手因为交通事故受伤，却难以认定工伤。",
    "在劳动仲裁实践中，骑手与平台之间是否存在劳动关系一直存在争议。",
    "跑外卖和开网约车成为许多进城务工人员的选择。",
    # a pharmacist, a midwife, a TV schedule, 连值得: words of illness and birth at work
    "我每天要给几十个糖尿病患者发药。",
    "今天病房里来了两个化疗患者。",
    "我们医院剖腹产的比例很高。",
    "这部剧下周开播。",
    "这一年连值得一提的事都没有。",
    "他把我的电脑打开了。",
    "妈妈把我爱吃的菜炒了。",
    "学校放了暑假，我在家备课。",
    "我打算明年辞职。",
    "如果被裁了怎么办？",
    "我没有辞职，只是换了个心态。",
    "辞职不是逃避。",
    "裸辞需要勇气。",
    "面试官问了我三个问题。",
    "这次面试的技巧有很多。",
    "银行柜员每天要处理大量跨行转账。",
    "这两个会议时间冲突了。",
    "律所立案前要做利益冲突检查。",
    "很多人不想当上班族。",
    "系统升级了以后速度快了很多。",
    "加班文化害人不浅。",
    "产假是女性的权利。",
    "我一直想开一家咖啡馆。",
    "考编的人越来越多。",
    "如果考研失败，我就去工作。",
    "老板拿我们部门开刀。",
    "我懂得了病人的痛苦。",
    "他说下周会给我加薪。",
    "我是一名外卖骑手。",
    "他每天在太阳下晒着。",
    "这份工作让我明白了很多道理。",
    "我希望能评上职称。",
    "晋升不是唯一的出路。",
    "本文讨论了医护人员的职业倦怠问题。",
    "面试官的问题很刁钻。",
    "我打算明年考编。",
    "如果考不上研究生，我就去找工作。",
    "我没有被裁。",
    "外卖骑手是一个辛苦的职业。",
    "我们银行的跨行业务很多。",
    "老师说下学期要开题。",
    "这本书讲的是如何转行。",
    "下岗职工再就业是当时的社会问题。",
    "利益冲突是律师必须避免的。",
    "视频转码需要很强的显卡。",
    "我想当上班族。",
    "一般来说护士都要倒班。",
    "他从包里拿出了一本书。",
    "系统架构调整需要谨慎。",
    "这篇文章分析了下岗潮的原因。",
    "我还没领证。",
    "这台手术的风险很高吗？",
    "如果明年评上职称，我就买房。",
    "很多公司都会末位淘汰。",
    "我不想当护士长。",
    "这是一份关于医闹的调查报告。",
    "我家楼下新开了一家奶茶店。",
    "周末我们去了一家火锅店吃饭。",
    "他自己开了车去机场。",
    "这个职位需要提升沟通能力。",
    "她成为了我们家的一员。",
    "我们开了一家店的门进去看了看。",
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", NOT_EVENTS)
def test_the_same_words_told_as_no_happening_give_no_event(tmp_path: Path, text: str, script: str) -> None:
    events = _events(tmp_path, _in(script, text))
    assert events == [], _shown(events)


#: A longer word of one kind holds a shorter word of another: the longer one decides.
KIND_DECIDED = [
    ("2023年我通过了博士论文答辩。", "education", "review"),       # a degree's 答辩, not a work review
    ("2022年我做了转正答辩。", "review", "education"),
    ("2022年我通过了晋升答辩，升了高级工程师。", "promotion", "review"),
    ("2022年我主刀了第一台腹腔镜手术。", "project", "health"),     # the surgeon operates
    ("去年我做了一次胃部手术。", "health", "project"),             # the patient is operated on
    ("2019年我当上了护士长。", "promotion", "job_start"),
    ("2020年我当上了一名小学老师。", "job_start", "promotion"),
    ("2022年我被美国拒签了。", "other", "job_search"),
    ("去年我的论文被拒了。", "project", "job_search"),
    ("2022年我攻克了英语六级。", "education", "project"),
    ("2021年我参加了学校的交换项目。", "education", "project"),
    ("那年毕业即失业，在家待业半年。", "job_search", "education"),
    ("2016年我结束了学生生涯。", "education", "job_end"),
    ("2023年我结束了十年的记者生涯。", "job_end", "education"),
    ("2018年我从部队转业到地方。", "career_change", "job_end"),
]


@pytest.mark.parametrize(("text", "kind", "other"), KIND_DECIDED)
def test_the_longer_word_decides_the_kind(tmp_path: Path, text: str, kind: str, other: str) -> None:
    kinds = [e.kind for e in _events(tmp_path, text)]
    assert kind in kinds and other not in kinds, kinds


#: Words that contain an event word but are none (a bank clerk's 跨行转账, a lawyer's 利益冲突).
CONTAINED = [
    "跨行转账", "时间冲突", "利益冲突", "代码冲突", "面试官", "当上班族", "视频转码", "离任审计", "下岗职工",
    "出师不利", "工伤保险", "求助帖", "实习生", "新开了一家店", "系统架构调整",
]


def test_every_exception_covers_an_event_word() -> None:
    """An exception (``not``) that holds no event word would cancel nothing: each one must."""
    lexicon = builtin_lexicon()
    entries = [e for e in lexicon.events if e.source == "zh.events"]
    words = [e for e in entries if e.strength != "not"]
    for exc in (e for e in entries if e.strength == "not"):
        example = exc.term.replace("…", "一个")
        assert exc.regex.fullmatch(example) or exc.regex.search(example), exc.term
        assert any(w.regex.search(example) for w in words), exc.term


@pytest.mark.parametrize("word", CONTAINED)
def test_a_word_holding_an_event_word_is_cancelled(tmp_path: Path, word: str) -> None:
    assert _events(tmp_path, f"我们聊了聊{word}这个话题。") == []


def test_the_vocabulary_is_compiled_as_written() -> None:
    """Terms with … find a few words between their parts, within a clause only."""
    regex = compile_term("辞了…工作", "zh")
    assert regex.search("辞了医院的工作") and not regex.search("辞了，工作")


#: Single-sentence happenings: asked as a question they tell nothing.
_ONE_SENTENCE = [(k, t) for k, t in HAPPENINGS if t.endswith("。") and not re.search(r"[。！？!?]", t[:-1])]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.sampled_from(_ONE_SENTENCE), script=st.sampled_from(SCRIPTS))
def test_a_happening_asked_about_is_no_event(tmp_path: Path, case: tuple[str, str], script: str) -> None:
    _, text = case
    asked = _in(script, text[:-1] + "吗？")
    assert _events(tmp_path, asked) == []
