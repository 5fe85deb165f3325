"""Reflections in the everyday wordings of lessons, advice, plans, views and passed-on sayings.

Written for these tests (none comes from an evaluation set): each sentence, told after a paragraph
of the story, must give a reflection of its kind; the story's own sentences must give none.
Chinese rows hold when the whole document is in Taiwan script.
"""

from __future__ import annotations

import pytest
from extract_helpers import after_lead

from careernarr.model import Reflection

ZH: list[tuple[str, str]] = [
    ('insight', '这些年我慢慢明白，工作只是生活的一部分。'),
    ('insight', '后来才知道，身体垮了什么都白搭。'),
    ('insight', '干了这么多年，我发现最难的不是技术，是人。'),
    ('insight', '其实很多事情急不来。'),
    ('insight', '钱是赚不完的，但命只有一条。'),
    ('insight', '说到底，这行拼的是耐心。'),
    ('insight', '人一旦习惯了熬夜，就很难回头。'),
    ('insight', '我终于懂了师傅当年为什么那么严。'),
    ('insight', '这份工作教会了我怎么跟人打交道。'),
    ('insight', '回头看，那三年是我成长最快的时候。'),
    ('advice', '年轻人千万别为了钱拼命。'),
    ('advice', '如果你也想入这行，先去店里干半年再说。'),
    ('advice', '一定要签合同，别信口头承诺。'),
    ('advice', '身体不舒服就赶紧去看医生，别硬扛。'),
    ('advice', '建议大家多存点钱，给自己留条后路。'),
    ('advice', '记住，安全永远是第一位的。'),
    ('advice', '新人最好先跟着老师傅学两年。'),
    ('advice', '别把所有时间都给了工作。'),
    ('resolution', '明年我要把驾照考下来。'),
    ('resolution', '以后我再也不会为了加班错过孩子的生日了。'),
    ('resolution', '我决定今年年底前换份工作。'),
    ('resolution', '接下来我想多陪陪家人。'),
    ('resolution', '我给自己定了个目标，三年内开一家自己的店。'),
    ('resolution', '从今以后我每天晚上十点前下班。'),
    ('opinion', '我觉得这个行业被低估了。'),
    ('opinion', '说实话，现在的年轻人比我们那时候难多了。'),
    ('opinion', '在我看来，工资低不是最大的问题。'),
    ('opinion', '我认为公司应该给一线员工涨工资。'),
    ('opinion', '个人觉得，这种制度很不合理。'),
    ('quote', '师傅常说：“手艺是自己的，别人拿不走。”'),
    ('quote', '我妈总跟我说，吃亏是福。'),
    ('quote', '老话说得好，三百六十行，行行出状元。'),
    # Cantonese, Taiwan script, and more everyday forms
    ('insight', '呢行冇捷径，只可以慢慢学。'),
    ('advice', '后生仔唔好贪快钱。'),
    ('advice', '如果你想入行，记住先搞好人际关系。'),
    ('resolution', '今年我一定要储够首期。'),
    ('opinion', '我个人认为呢个行业好难捱。'),
    ('insight', '這些年下來，我學到的是，錢永遠賺不完。'),
    ('advice', '奉勸大家，合約一定要看清楚。'),
    ('resolution', '我告訴自己，明年一定要出國看看。'),
    ('opinion', '老實說，台灣的薪水真的太低了。'),
    ('advice', '工作再忙，也要留时间给家人。'),
    ('insight', '原来最累的不是身体，是心。'),
    ('insight', '人到中年才明白，稳定比什么都重要。'),
    ('advice', '听我一句劝，别裸辞。'),
    ('advice', '有条件的话，尽量多学一门手艺。'),
    ('opinion', '现在这个行情，能有份工作就不错了。'),
    ('quote', '我爸常说：“干一行爱一行。”'),
    ('insight', '我这才意识到，工作不是生活的全部。'),
    ('insight', '后来我想通了，钱够用就行。'),
    ('insight', '那次之后我才明白，健康比什么都重要。'),
    ('insight', '做这一行，最怕的就是心软。'),
    ('insight', '时间久了你就知道，客户记住的是你的态度。'),
    ('insight', '很多人以为这行轻松，其实不然。'),
    ('insight', '其实最难熬的不是累，是没有盼头。'),
    ('advice', '能早点离开就早点离开。'),
    ('advice', '别等身体垮了才后悔。'),
    ('advice', '趁年轻多出去看看。'),
    ('advice', '还是那句话，安全第一。'),
    ('advice', '每天再忙也要吃早饭。'),
    ('resolution', '我打算再干两年就退休。'),
    ('resolution', '以后每年至少出去旅游一次。'),
    ('resolution', '我想趁还能干，多攒点钱。'),
    ('opinion', '这个行业真的不适合女生长期做。'),
    ('opinion', '我一直觉得，手艺人应该被尊重。'),
    ('opinion', '现在的年轻人吃不了这个苦。'),
    ('quote', '用我师傅的话说，慢就是快。'),
    # words kept from someone (这句话我记到现在), blunt advice, a step set for a coming time
    ('quote', '我师傅跟我说过，活可以慢，不能返工。这句话我记到现在。'),
    ('quote', '老板只说了一句：客户骂你是看得起你。这句话我到现在还记得。'),
    ('quote', '我妈常说，手艺人饿不死。'),
    ('advice', '劝各位兄弟一句，能交社保的地方就别嫌钱少。'),
    ('advice', '你要是想承包，一定先把合同看清楚。'),
    ('advice', '说句不中听的，腰的问题先治，别等到动不了再后悔。'),
    ('advice', '楼主趁年轻多出去走走。'),
    ('opinion', '我还是觉得那个决定是错的。'),
    ('opinion', '说实话，这行的待遇真的配不上它的辛苦。'),
    ('resolution', '明年年底租约到期我就不续了。'),
    ('resolution', '我打算今年先把证考下来，明年再决定要不要转行。'),
    # Cantonese 教识, a realization come late (才真正明白), a trade judged, a decision announced
    ('insight', '这行教会我一件事：客人记得的不是你做了多少，而是你记不记得他。'),
    ('insight', '这份工教识我一样嘢：做人要留余地。'),
    ('insight', '那次之后我才真正明白这行的分量。'),
    ('insight', '钱可以慢慢赚，身体坏了就真的没了。'),
    ('insight', '手艺在自己身上，换个地方照样吃饭。'),
    ('insight', '不是年纪的问题，是你有没有自己的风格。'),
    ('advice', '想进这一行的学弟妹，我只想说：先想清楚你能不能接受倒班。'),
    ('advice', '劝那些刚毕业的别碰，先去正经上几年班。'),
    ('advice', '后生仔想入行，先考牌，唔好净系睇人工。'),
    ('opinion', '讲句公道话，这行不是没有前途。'),
    ('opinion', '我倒觉得走平台那条路是对的。'),
    ('opinion', '这行吃的是青春饭，更是口碑饭。'),
    ('opinion', '说实话，我觉得系统再聪明也替代不了人。'),
    ('resolution', '我决定了，毕业之后就去考会计师牌。'),
    ('resolution', '我今年的目标是多休息，不再一个礼拜做足七日。'),
    ('resolution', '今年，她计划把十几年的修复档案整理成一本书。'),
    # Cantonese realizations and contrasts (先至谂清楚, 唔系…，系), what really matters, a decision announced
    ('resolution', '决定了，今年下半年先把手上的活交接完。'),
    ('resolution', '明年八月我打算申请退休。'),
    ('insight', '嗰阵我先至谂清楚，我唔系怕辛苦，我系怕冇时间陪屋企人。'),
    ('insight', '那次之后我学识咗，做嘢之前先问清楚。'),
    ('insight', '教书唔系为钱，系想将啲手艺传落去。'),
    ('insight', '钱系赚唔晒嘅。'),
    ('insight', '钱是赚不完的。'),
    ('insight', '我自己的感受就是，摆摊没有什么丢人的。'),
    ('insight', '真正伤人的是腰和颈椎。'),
    ('insight', '行业会变，手艺不会。'),
    ('insight', '现在回头看，那两年打的底是最扎实的。'),
    # while one still can, whatever one can
    ('advice', '趁还走得动的时候多出去走走，日子还是会过下去。'),
    ('advice', '考证这步很对，能转出去就转。'),
    # words announced as kept, a rule taught first, found out as it went
    ('quote', '那天他说的一句话我记到现在：车上没有差不多。'),
    ('quote', '师傅教我的第一条规矩是先量三遍再剪一刀。'),
    ('insight', '干了十一年，我想明白了几件事。'),
    ('insight', '带着带着就发现，教人其实是把自己会的东西重新过一遍。'),
    ('insight', '人最怕的不是没生意，是心浮了。'),
    ('insight', '身体是本钱，家人也是。'),
    ('advice', '所以还是看你自己想要什么。'),
]

EN: list[tuple[str, str]] = [
    ('insight', 'Looking back, those years taught me patience.'),
    ('insight', "I've learned that no job is worth your health."),
    ('insight', "What I didn't understand then is that the client is always scared too."),
    ('insight', 'It turns out that saying no is a skill.'),
    ('insight', 'The older I get, the more I value quiet work.'),
    ('advice', "If you're thinking about this trade, start as a helper first."),
    ('advice', 'Always get the agreement in writing.'),
    ('advice', "Take your breaks, even when it's busy."),
    ('advice', 'My advice to anyone starting out: find a good mentor.'),
    ('advice', 'You should never work for free.'),
    ('resolution', "Next year I'm going to take every weekend off."),
    ('resolution', "I've decided to cut my hours to four days a week."),
    ('resolution', "From now on I'm not answering emails after six."),
    ('resolution', 'This year I want to finish my license.'),
    ('opinion', 'I think the industry undervalues its apprentices.'),
    ('opinion', 'Honestly, the pay has never matched the work.'),
    ('opinion', 'In my view, the night shift should pay double.'),
    ('opinion', 'I believe every worker deserves a proper break.'),
    ('quote', 'My old boss used to say, "Measure twice, cut once."'),
    ('quote', 'As my grandfather put it, "Work never runs out."'),
    ('insight', 'Nobody tells you how lonely the night shift is.'),
    ('insight', 'The job never loves you back.'),
    ('insight', 'I realised the money was never going to be enough.'),
    ('advice', "Don't let anyone tell you it's too late to switch."),
    ('advice', "Find people who'll tell you the truth about your work."),
    ('resolution', "I'm not going back to a job that eats my weekends."),
    ('resolution', "I'll give it one more year and then decide."),
    ('opinion', 'The pay in this trade is a joke.'),
    ('opinion', 'I honestly think the apprenticeship system is broken.'),
    ('quote', 'She always said, "The customer remembers how you made them feel."'),
    ('insight', "I finally understood that burnout isn't a personal failing."),
    ('insight', 'It took me ten years to learn that rest is part of the job.'),
    ('insight', 'What matters in the end is who you worked with.'),
    ('advice', "Protect your evenings like they're your paycheck."),
    ('advice', 'If you can, get out before it breaks you.'),
    ('advice', 'Never let a client set your prices.'),
    ('resolution', "I'm not doing another winter on nights."),
    ('resolution', 'My plan is to retire at fifty-five.'),
    ('opinion', "I don't think anyone should work twelve-hour shifts."),
    ('opinion', 'The trade has changed, and not for the better.'),
    ('quote', 'In his words, "You\'re only as good as your last job."'),
    ('quote', 'My first foreman told me, "Measure twice, cut once."'),
    ('quote', 'My mentor used to say that a good nurse notices before the patient speaks.'),
    ('advice', "If you're thinking about this job, talk to someone who has done it for ten years."),
    ('insight', 'In this job, curiosity is what keeps you kind.'),
    ('opinion', 'I still think closing the unit was the wrong call.'),
    ('resolution', 'Next year I want to start teaching a night class.'),
    ('insight', "I've also learned that quiet work is still work."),
    ('advice', 'And be kind to the people at the gate.'),
    ('advice', 'And get a contract in writing.'),
    ('opinion', "I still believe nursing is the best job I've ever had."),
    ('resolution', "This year I'm planning to finish the certification."),
    ('resolution', "I'm planning to take a month off next spring."),
]

#: Sentences of the story: no reflection.
NOT = [
    '我趁早上人少去了一趟银行。',
    '我一直觉得很累，就去看了医生。',
    '那天我在店里待到很晚。',
    '干了这么多年，他还是没升职。',
    '这些年下来，我换了三家公司。',
    '做了这么多年，我第一次被客户表扬。',
    '说到底那天我也没去。',
    '2019年我进了一家物流公司。',
    '那天我加班到很晚，回家的时候下着雨。',
    '老板说下周开会。',
    '我妈给我打了个电话。',
    '他一旦迟到，就要扣钱。',
    'In 2019 I joined a logistics company.',
    "My boss said we'd meet on Monday.",
    'The shop was busy that summer.',
    '我们公司非常讲究流程。',
    '他总说不清楚自己要什么。',
    'I still think about that night sometimes.',
    '那天师傅跟我说了很多，我记不太清了。',
    '那年我想辞职，妈妈劝我别辞职。',
    'Back then I still believed in my old boss.',
]


def _reflections(text: str, *, taiwan: bool = False) -> tuple[Reflection, ...]:
    return after_lead(text, taiwan=taiwan)[0].reflections


@pytest.mark.parametrize(("kind", "text"), ZH + EN)
def test_an_everyday_wording_gives_its_kind(kind: str, text: str) -> None:
    found = _reflections(text)
    assert kind in [r.kind for r in found], [(r.kind, r.rule) for r in found]


@pytest.mark.parametrize(("kind", "text"), ZH)
def test_the_same_in_taiwan_script(kind: str, text: str) -> None:
    found = _reflections(text, taiwan=True)
    assert kind in [r.kind for r in found], [(r.kind, r.rule) for r in found]


@pytest.mark.parametrize("text", NOT)
def test_the_storys_own_sentences_give_no_reflection(text: str) -> None:
    assert _reflections(text) == ()
