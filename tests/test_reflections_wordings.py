"""Reflections in wordings people use for lessons, advice, plans, views and kept words.

Each sentence here is written for the test (none comes from an evaluation
set): contrasts that weigh two things, what is one's own, later views on
the past, plans without their 我, findings that weigh causes, advice a reply
gives the one who asked, words the narrator kept, and verdicts on the
narrator that are happenings of the story. The Chinese ones hold in Taiwan
script too (OpenCC s2twp).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import context, to_traditional

import careernarr
from careernarr.extract.lexicon import builtin_lexicon
from careernarr.extract.reflections import find_reflections
from careernarr.model import Post, Reflection


def _essay(text: str) -> tuple[Reflection, ...]:
    return careernarr.parse(text + "\n", format="essay").reflections


ZH_SAYINGS = [
    # whose each thing is, weighed
    ("合同是公司的，时间是自己的。", "insight"),
    ("证书是自己的，工位不是。", "insight"),
    # what a thing is, and what it is not
    ("加班是选择，不是义务。", "insight"),
    ("电脑不会骗人，报表会。", "insight"),
    ("客户可以再找，嗓子坏了找不回。", "insight"),
    ("毕业典礼只有一次，但你的颈椎也只有一条。", "insight"),
    ("奖金没以前多，但周末回来了。", "insight"),
    ("带团队和自己写代码是两回事。", "insight"),
    ("入行第一年学的是分寸，而不是技术。", "insight"),
    # advice told firmly after its topic
    ("腰上的毛病一定别拖。", "advice"),
    ("刚入行的可别学我。", "advice"),
    ("剩菜别往下水道里倒。", "advice"),
    # a view taken from later on, the first time, what one keeps
    ("现在回头看，那几年是拿睡眠换的。", "insight"),
    ("那是我第一次觉得讲台是属于我的。", "insight"),
    ("至少这一次，辞职是我自己选的。", "insight"),
    ("这十年，我最大的体会是：手上有活，心里不慌。", "insight"),
    # plans without their 我, and a kept vow
    ("明年想把驾照考下来。", "resolution"),
    ("每天十一点前关电脑，说到做到。", "resolution"),
    # a reader in that place is told what to do; the author's stand
    ("如果你是刚入行的新人：先把合同看三遍。", "advice"),
    ("先问清楚试用期能不能转正，再决定要不要签。", "advice"),
    # what depends on what, however much, the moment one knew
    ("一份工作开不开心，七成取决于你的搭档。", "insight"),
    ("办公室装修得再漂亮，也比不上按时下班。", "insight"),
    ("老师和辅导员的差别在于能不能拒绝家长。", "insight"),
    ("那一刻我就知道，这个岗位留不住我了。", "insight"),
    ("睡眠不解决，效率提不了。", "insight"),
    ("说句公道话：这个行业的门槛一直很低。", "opinion"),
    ("本文主张，医院应把夜班补贴写进合同。", "opinion"),
    # a lesson announced by its name; a word denied of one thing and given to another
    ("我的心得是：修表修的是耐心，不是手速。", "insight"),
    ("送外卖不丢人，丢人的是欠钱不还。", "insight"),
    # advice to newcomers, what matters most, a promise made to oneself, agreeing with the thread
    ("给想入行的人一个建议，先把腰护好。", "advice"),
    ("想干这行的朋友，先去店里站一个月。", "advice"),
    ("修车这行，手快是其次，最要紧的是细心。", "advice"),
    ("我跟自己说好了，四十岁以前不再上夜班。", "resolution"),
    ("同意楼主，找师傅比找店重要。", "opinion"),
    ("她认为，社区药房需要更多的药师。", "opinion"),
    ("我不想再当只会赶工的师傅。", "resolution"),
]


@pytest.mark.parametrize("text, kind", ZH_SAYINGS)
def test_chinese_wordings_of_lessons_plans_and_advice(text: str, kind: str) -> None:
    [reflection] = _essay(text)
    assert reflection.kind == kind, reflection.rule


@pytest.mark.parametrize("text, kind", ZH_SAYINGS)
def test_the_same_wordings_in_taiwan_script(text: str, kind: str) -> None:
    [reflection] = _essay(to_traditional(text))
    assert reflection.kind == kind, reflection.rule
    assert reflection.text == to_traditional(text)


@pytest.mark.parametrize("text, kind", [
    ("Turnover is less about pay than about who gets to decide.", "insight"),
    ("Promotion is rarely a reward for the work you already did.", "insight"),
    ("Her exit should be read as a verdict on the system.", "insight"),
    ("The archive belongs to the town, not to the board.", "insight"),
    ("Night shifts wear out more nurses than the patients do.", "insight"),
    ("A deadline is a promise somebody else made for you.", "insight"),
    ("Volunteers rarely quit because they stop caring.", "insight"),
    ("Decide your walk-away number before the interview.", "advice"),
    ("I promised myself I'm not working another Christmas Eve.", "resolution"),
    ("We argue that exhaustion in the field was a staffing problem.", "insight"),
    ("Best decision I made for my knees.", "opinion"),
    ("Saying no is a skill you can practise.", "insight"),
    ("People assume court reporters just type fast.", "opinion"),
    ("In 2025 I want to take every Friday afternoon off.", "resolution"),
    ("Overtime pays less than it costs, so put a limit on it.", "advice"),
    ("Pay yourself something, even if it's small.", "advice"),
    ("Wear ear plugs on every site.", "advice"),
    ("I'm determined to take every August off.", "resolution"),
    ("The best welders I know are the ones who ask questions.", "insight"),
])
def test_english_wordings_of_findings_advice_and_plans(text: str, kind: str) -> None:
    [reflection] = _essay(text)
    assert reflection.kind == kind, reflection.rule


@pytest.mark.parametrize("text", [
    "然后就是年底。",
    "2019年和2020年的考评，她都是“合格”，而不是“良好”。",
    "老板在例会上说我“缺乏主动性”。",
    "组长给我的评语是：“踏实，但沟通需加强。”",
    "Twice I was told they \"went with someone more senior.\"",
    "The VP told me I \"lack executive presence\".",
    # a hedge, and words to the audience of a video
    "要不要读研，这取决于你的专业。",
    "Thanks for watching, and I'll see you next week.",
    "今天就聊到这，下期给大家讲讲面试，记得一键三连。",
    "I don't know if I'll ever go back to teaching.",
    # a wish denied and given to someone else is no lesson; pay as a noun
    "我不想走，想走的是他。",
    "Pay was terrible that year.",
])
def test_transitions_and_verdicts_on_the_narrator_are_not_reflections(text: str) -> None:
    assert _essay(text) == (), [r.rule for r in _essay(text)]


@pytest.mark.parametrize("text, speaker", [
    # words the narrator kept, even a question
    ("面试官只问了一句：“你想清楚为什么要离开了吗？”", "面试官"),
    ('Priya told me something I still think about: "Your calendar is your real job description."', "Priya"),
    # the one the sentence opens with speaks, and a role then a name
    ("我妈倒是很冷静，只说：“工作没了可以再找，人垮了就什么都没了。”", "我妈"),
    ("我第一个组长阿芬以前常说：“报表要对得上，良心也要对得上。”", "阿芬"),
])
def test_kept_words_are_quotes_of_their_speaker(text: str, speaker: str) -> None:
    for version in (text, to_traditional(text)):
        [reflection] = _essay(version)
        assert reflection.kind == "quote", reflection.rule
        assert reflection.speaker in (speaker, to_traditional(speaker))


def test_the_narrator_speaking_to_someone_is_the_narrator() -> None:
    [reflection] = find_reflections(context("我跟主管说：“人不能一直为了绩效活。”"), builtin_lexicon())
    assert (reflection.kind, reflection.speaker) == ("quote", "narrator")


def _thread(opening: str, reply: str, *, reply_to: tuple[int, ...] = (0,)) -> list[Reflection]:
    text = opening + "\n\n----------\n\n" + reply
    split = len(opening) + 14
    posts = [Post(0, (0, len(opening)), author="op"), Post(1, (split, len(text)), author="ann", reply_to=reply_to)]
    return find_reflections(context(text, posts=posts), builtin_lexicon())


def test_a_reply_advising_the_one_who_asked_is_advice() -> None:
    opening = "做了五年行政，想转做人事，大家觉得可行吗？"
    reply = "我也是从行政转过去的，过程不算顺利。楼主唔好一个人扛，先找做人事的朋友聊聊。转岗这种事急不来。"
    found = [(r.kind, r.speaker) for r in _thread(opening, reply) if "一个人扛" in r.text]
    assert found == [("advice", "ann")]


def test_a_dated_wrap_up_has_plans_under_the_next_years_heading(tmp_path: Path) -> None:
    doc = tmp_path / "wrap.md"
    doc.write_text("---\ntitle: 年度小结\ndate: 2023-12-28\n---\n\n## 这一年\n\n今年换了组，学了很多。\n\n"
                   "## 2024\n\n- 每周游泳两次\n- 把日语捡起来\n", encoding="utf-8")
    found = [(r.kind, r.text) for r in careernarr.parse(doc).reflections]
    assert ("resolution", "每周游泳两次") in found and ("resolution", "把日语捡起来") in found
    assert all(kind != "resolution" for kind, text in found if "换了组" in text)


def test_a_list_counted_inside_one_sentence_gives_a_reflection_a_point() -> None:
    text = "做自由职业这几年\n\n我给新人就三条第一,别接没有合同的活,第二,学会拒绝,第三,每年给自己放一次长假\n"
    found = [r.text for r in careernarr.parse(text, format="essay").reflections]
    assert "第二,学会拒绝" in found and "第三,每年给自己放一次长假" in found


def test_the_document_speaking_of_itself_gives_the_authors_finding() -> None:
    [r] = _essay("本文认为，护士的离职应被理解为排班制度的结果，而非个人的韧性不足。")
    assert (r.kind, r.speaker) == ("insight", "narrator")
    [r] = _essay("We argue that attrition is better understood as a slow accumulation.")
    assert r.kind == "insight"
