"""Reflections in wordings the dev set did not have (``fixtures/reflections/unseen``).

Four documents written after the extractor proved shy on unseen language: a
Cantonese thread (唔好…, …先系最紧要, 边个唔攰, 钱少咗系真，但系…都系真, a
conditional resolution), a simplified study of teacher burnout (findings,
recommendations, the author's plan, interviewees' words in quotation marks), an
English year-in-review (short general statements, feedback quoted from a
manager, a lessons list and a list of goals) and a mainland year-end essay
(a colleague's saying, lessons, 2024年，我要…). Each expected reflection must be
found with its kind and speaker; headings and plain narration must not be
reflections; the set must score F1 >= 0.8; the same reflections in the other script.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import opencc
import pytest
from extract_helpers import in_other_script, reflection_f1, reflections_holding, squash

import careernarr
from careernarr.model import Narrative

UNSEEN = Path(__file__).parent / "fixtures" / "reflections" / "unseen"
GOLD = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((UNSEEN / "gold").glob("*.json"))}


@functools.cache
def _parsed(document: str) -> Narrative:
    return careernarr.parse(UNSEEN / "corpus" / document)


_squash = squash
_holding = reflections_holding


_T2S = opencc.OpenCC("t2s")
CASES = [(name, item) for name, gold in GOLD.items() for item in gold["reflections"] if not item.get("optional")]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0].split('.')[0]}:{c[1]['anchors'][0][:12]}")
def test_expected_reflection_with_its_kind_and_speaker(case: tuple[str, dict[str, Any]]) -> None:
    name, want = case
    narrative = _parsed(GOLD[name]["document"])
    found = _holding(narrative, want["anchors"])
    assert found, f"no reflection holds {want['anchors']}; got {[r.text for r in narrative.reflections]}"
    r = found[0]
    assert r.kind == want["kind"], r.rule
    if "speaker" in want:  # in either script (阿媽 / 阿妈)
        assert r.speaker is not None and _T2S.convert(want["speaker"].lower()) in _T2S.convert(r.speaker.lower())
    assert r.rule and r.text == narrative.text[r.span.start : r.span.end]


NOT_REFLECTIONS = {
    "hk-quit-bank-thread.json": ["我喺四大做咗八年審計", "屋企人話我傻", "我前年由銀行轉去做社工", "多謝各位"],
    "teacher-burnout-study.zh.json": ["二、研究发现", "四、建议", "近年来，教师离职的报道屡见不鲜", "仍然坚持上完了课",
                                      "本文访谈了十二位"],
    "laid-off-year-review.en.json": ["I still don't really know", "Things I learned", "For 2023", "The first month I mostly slept",
                                     "In May I signed"],
    "year-end-essay.zh.json": ["公司把我调到新成立的硬件项目组", "项目连续延期三次", "我请了一周假"],
}


@pytest.mark.parametrize("name", sorted(NOT_REFLECTIONS))
def test_headings_and_narration_are_not_reflections(name: str) -> None:
    narrative = _parsed(GOLD[name]["document"])
    for words in NOT_REFLECTIONS[name]:
        assert not _holding(narrative, [words]), words


def test_the_unseen_set_scores_well() -> None:
    precision, recall, f1 = reflection_f1([(_parsed(g["document"]), g["reflections"]) for g in GOLD.values()])
    assert f1 >= 0.8, (precision, recall)


@pytest.mark.parametrize("name", [n for n, g in GOLD.items() if g["metadata"]["language"].startswith("zh")])
def test_the_same_reflections_in_the_other_script(name: str, tmp_path: Path) -> None:
    document = GOLD[name]["document"]
    other = in_other_script(UNSEEN / "corpus" / document, GOLD[name]["metadata"]["language"], tmp_path)
    original = _parsed(document)
    assert [(r.kind, r.themes) for r in other.reflections] == [(r.kind, r.themes) for r in original.reflections]


#: Sentences in the wordings of the categories the extractor was shy of (Cantonese, Taiwan, simplified,
#: English; findings, recommendations and plans of studies; year-end resolutions; short general statements).
SENTENCES = [
 ("人工高唔等於開心。", "insight"),
 ("唔使驚，慢慢嚟就得。", "advice"),
 ("如果你都係咁，不如早啲走。", "advice"),
 ("下年我要搬出去住。", "resolution"),
 ("出年我會去讀夜校。", "resolution"),
 ("明年的目標是存夠三十萬。", "resolution"),
 ("新的一年，我希望可以多陪陪家人。", "resolution"),
 ("這一年最大的感受是，健康比升職重要。", "insight"),
 ("我給自己的建議是少看手機。", "advice"),
 ("笔者认为，减负首先要从减少检查开始。", "opinion"),
 ("值得注意的是，离职教师中有一半是班主任。", "insight"),
 ("调查显示，超过六成的教师每周工作超过五十小时。", "insight"),
 ("数据表明，加班时长与离职意愿高度相关。", "insight"),
 ("The study found that most nurses left because of staffing, not pay.", "insight"),
 ("Our findings suggest that burnout is organisational.", "insight"),
 ("Policymakers should fund more permanent positions.", "advice"),
 ("We plan to extend the survey to rural hospitals next year.", "resolution"),
 ("Your job is not your identity.", "insight"),
 ("It's okay to leave a job that is making you sick.", "advice"),
 ("There is no shame in starting over at forty.", "insight"),
 ("The hardest part wasn't the money, it was the silence.", "insight"),
 ("Next year I want to write every week.", "resolution"),
 ("In 2024 I'm going to say no more often.", "resolution"),
 ("工作是做不完的，人是会累垮的。", "insight"),
 ("离开不代表失败。", "insight"),
 ("与其抱怨，不如早点准备退路。", "insight"),
 ("人不能一辈子为公司活着。", "insight"),
 ("別把公司當成家。", "advice"),
 ("真的不要拿健康去換錢。", "advice"),
 ("我不會再為了別人的期待而活。", "resolution"),
 ("以後我會把週末留給自己。", "resolution"),
 ("很多事情過了就過了，沒必要一直回頭看。", "opinion"),
 ("其實轉職沒有想像中那麼可怕。", "insight"),
 ("Good managers protect their team's time.", "insight"),
 ("Don't wait for permission to change careers.", "advice"),
 ("A title is not a personality.", "insight"),
 ("Burnout doesn't announce itself.", "insight"),
 ("You don't have to love your job.", "advice"),
 ("Nobody owes you a career.", "insight"),
 ("你不需要每件事都做到完美。", "advice"),
 ("這一年讓我看清一件事：穩定的薪水會讓人忘記自己其實還有別的可能。", "insight"),
 ("如果你也想離開，先存好一年的生活費，再決定要不要遞辭呈。", "advice"),
 ("自己當老闆不代表比較自由，只是換了一種不自由。", "insight"),
 ("A job that costs you your health is too expensive at any salary.", "insight"),
 ("政府应该鼓励企业提供弹性工作。", "advice"),
 ("换言之，离职往往是最后的选择。", "insight"),
 ("媽媽到現在還是會說：「早知道就不要讓你念那麼多書。」", "quote"),
]
#: Plain narration and a sentence about a sentence: no reflection.
NARRATION = [
 "I still don't really know what to do with that sentence.",
 "2023年3月，我入职了一家新公司。",
 "那天我们去吃了火锅。",
 "我喺銀行做咗五年。",
 "In May I signed my first freelance contract.",
 "The office was on the fifth floor.",
 "公司在年底宣布裁员。",
 "我問主管可不可以轉組。",
 "I went home. Mom doesn't know yet.",
 "我当时应该减少加班的。",
 "她把简历发给了三家公司。",
]


@pytest.mark.parametrize("text, kind", SENTENCES)
def test_unseen_wordings_make_a_reflection_of_their_kind(text: str, kind: str) -> None:
    reflections = careernarr.parse(text).reflections
    assert kind in [r.kind for r in reflections], [(r.kind, r.rule) for r in reflections]
    assert all(r.rule for r in reflections)


@pytest.mark.parametrize("text", NARRATION)
def test_narration_makes_no_reflection(text: str) -> None:
    assert careernarr.parse(text).reflections == ()


def test_a_quotation_standing_alone_is_the_words_of_the_one_named_before_it() -> None:
    named = "受访者王老师说起那年冬天的事。\n\n“我病了，可是班上没人带。”"
    [r] = careernarr.parse(named).reflections
    assert (r.kind, r.speaker, r.rule) == ("quote", "王老师", "quotation standing alone")
    assert careernarr.parse("那年冬天下了很大的雪。\n\n“我病了，可是班上没人带。”").reflections == ()


@pytest.mark.parametrize("text, kind, items", [
    ("I spent the year freelancing.\n\nFor 2023:\n- Keep freelancing until summer.\n- Get the newsletter to 5,000 readers.\n",
     "resolution", 2),
    ("今年過得很累。\n\n新年新希望：\n- 每週運動三次\n- 存到第一桶金\n", "resolution", 2),
    ("今年过得很累。\n\n明年的计划：\n1. 每周跑步三次\n2. 读完二十本书\n", "resolution", 2),
    ("Here is what I learned this year:\n- Savings buy you time.\n- Visibility matters.\n", "insight", 2),
    ("The year was hard.\n\nNext year, I want to:\n- write every week\n- run a half marathon\n", "resolution", 2),
])
def test_the_items_of_a_list_of_goals_or_lessons_are_reflections_and_its_intro_is_not(
        text: str, kind: str, items: int) -> None:
    reflections = careernarr.parse(text).reflections
    assert [r.kind for r in reflections] == [kind] * items
    assert not any(r.text.rstrip().endswith((":", "：")) for r in reflections)


@pytest.mark.parametrize("text, speaker", [
    ("我阿爸成日話：「做人最緊要腳踏實地。」", "我阿爸"),
    ("老細同我講「後生仔唔好淨係睇錢」，我而家先明。", "老细"),
    ("學長跟我說：「薪水是公司給的，能力是自己的。」", "学长"),
    ('My mentor\'s advice was simple: "Never take a counteroffer."', "my mentor"),
    ('In March my manager called me into a meeting and said my work was "excellent but not visible enough to leadership".',
     "my manager"),
])
def test_quoted_words_name_their_speaker(text: str, speaker: str) -> None:
    quotes = [r for r in careernarr.parse(text).reflections if r.kind == "quote"]
    assert [_T2S.convert(q.speaker or "") for q in quotes] == [speaker]


def test_a_resolution_in_a_reply_is_not_a_turn_of_the_argument() -> None:
    from careernarr.model import Post
    opening = "Anyone else quit a studio job?"
    reply = "Thanks all. I'm not taking another studio job until they fix crunch. Back to contracting."
    text = opening + "\n\n----------\n\n" + reply
    split = len(opening) + 14
    from extract_helpers import context

    from careernarr.extract.lexicon import builtin_lexicon
    from careernarr.extract.reflections import find_reflections
    found = find_reflections(context(text, posts=[Post(0, (0, len(opening))), Post(1, (split, len(text)), author="op")]),
                             builtin_lexicon())
    assert [(r.kind, r.speaker) for r in found if "studio job until" in r.text] == [("resolution", "op")]
