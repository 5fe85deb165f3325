"""Reflections: what the speaker learned, believes, advises or resolves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from extract_helpers import EXPECTED, case_id, cases, context, parsed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careernarr.extract.lexicon import builtin_lexicon
from careernarr.extract.reflections import find_reflections
from careernarr.model import REFLECTION_KINDS, Post, Reflection


def _reflections(text: str, **kw: Any) -> list[Reflection]:
    return find_reflections(context(text, **kw), builtin_lexicon())


@pytest.mark.parametrize("case", cases("reflection"), ids=case_id)
def test_expected_reflection(case: tuple[str, dict[str, Any]]) -> None:
    name, want = case
    narrative = parsed(name)
    found = [r for r in narrative.reflections if want["anchor"] in r.text]
    assert found, f"no reflection quotes {want['anchor']!r}; got {[r.text for r in narrative.reflections]}"
    reflection = found[0]
    assert reflection.kind == want["kind"]
    if "speaker" in want:
        assert reflection.speaker == want["speaker"]
    for theme in want.get("themes", []):
        assert theme in reflection.themes
    assert reflection.rule


@pytest.mark.parametrize("doc", EXPECTED, ids=lambda d: d["file"])
def test_every_reflection_quotes_its_span(doc: dict[str, Any]) -> None:
    narrative = parsed(doc["file"])
    for r in narrative.reflections:
        assert r.text == narrative.text[r.span.start : r.span.end]
        assert r.kind in REFLECTION_KINDS
        assert len("".join(r.text.split())) <= 200


@pytest.mark.parametrize("text, kind", [
    ("职场本质上是一场交易。", "insight"),
    ("我终于明白：身体才是一切的本钱。", "insight"),
    ("技术只是手段，解决问题才是目的。", "insight"),
    ("最重要的是先照顾好自己。", "advice"),
    ("建议每个人都留出一年的生活费。", "advice"),
    ("我想做一个更开放的连接者。", "resolution"),
    ("在我看来，管理的本事是知人善用。", "opinion"),
    ("The truth is that no job is worth your health.", "insight"),
    ("You should set boundaries before you need them.", "advice"),
    ("I'm going to take weekends off from now on.", "resolution"),
])
def test_cue_words_make_a_reflection_of_their_kind(text: str, kind: str) -> None:
    [reflection] = _reflections(text)
    assert reflection.kind == kind
    assert reflection.speaker == "narrator"
    assert reflection.text == text


@pytest.mark.parametrize("text", [
    "2024年6月，我正式提交了离职申请。",                      # a happening, no reflection cue
    "难道这才是真正的意义吗？",                              # a question
    "让我感觉自己不是一个科学家，而是一个流水线工人。",          # a story told with a general frame
    "这个项目很重要。",
    "I resigned in April.",
])
def test_plain_statements_questions_and_stories_are_not_reflections(text: str) -> None:
    assert _reflections(text) == []


def test_a_general_frame_counts_in_a_general_statement_only() -> None:
    assert [r.kind for r in _reflections("阻碍大多数人的，不是方法，而是从未迈出第一步。")] == ["insight"]
    assert _reflections("那天我不是不想去，而是去不了。") == []


def test_a_general_frame_does_not_make_a_sentence_personal() -> None:
    text = "当一份工作开始吞噬睡眠、甚至让我恐惧黎明时，盲目的坚持不再是美德，而是一场对自我的剥削。"
    assert [r.kind for r in _reflections(text)] == ["insight"]
    assert _reflections("当我开始恐惧上班时，我发现坚持不再是美德，而是一种惯性。") == []


def test_quoted_speech_is_a_quote() -> None:
    text = "咨询师问我：“你有没有想过，环境本身的毒素，才是你痛苦的根源。”"
    [reflection] = _reflections(text)
    assert reflection.kind == "quote"
    assert reflection.speaker == "咨询师"
    own = _reflections("我对自己说：“我终于明白，该停下来了。”")
    assert [(r.kind, r.speaker) for r in own] == [("quote", "narrator")]


def test_in_a_thread_every_reflection_is_its_authors_opinion() -> None:
    text = "要不要为了钱跳槽？\n\n----------\n\n我觉得稳定本身就是一种收入，千万不要轻易放弃。"
    posts = [Post(0, (0, 9)), Post(1, (23, len(text)), author="bob")]
    [reflection] = _reflections(text, posts=posts)
    assert (reflection.kind, reflection.speaker) == ("opinion", "bob")


def test_short_replies_state_views_long_ones_argue_and_turns_count_less() -> None:
    def found(opening: str, reply: str) -> tuple[int, int]:
        text = opening + "\n\n----------\n\n" + reply
        split = len(opening) + 14
        rs = _reflections(text, posts=[Post(0, (0, len(opening))), Post(1, (split, len(text)))])
        return sum(r.span.start < split for r in rs), sum(r.span.start >= split for r in rs)

    assert found("这才是问题的关键。", "这才是问题的关键。") == (1, 1)  # a one-line reply is a view
    long_reply = "我也遇到过。这才是问题的关键。后来我换了组。现在好多了。最后还是看运气吧。"
    assert found("标题", long_reply) == (0, 0)  # in the middle of a longer reply: a turn of its story
    assert found("标题", "我也遇到过。后来我换了组。现在好多了。说到底，这才是问题的关键。") == (0, 1)  # its point
    assert found("标题", "说到底，你说的这才是问题的关键。") == (0, 0)  # aimed at someone


def test_themes_and_rule_explain_the_reflection() -> None:
    [r] = _reflections("我终于明白：工作只是生活的一部分，身体才是一切的本钱。")
    assert "health" in r.themes and "work" in r.themes
    assert "zh.reflections.insight:我终于明白" in r.rule


def test_run_on_transcripts_are_read_a_few_clauses_at_a_time() -> None:
    filler = "然后我就每天去上班,每天开会,每天写代码," * 8
    text = filler + "所以说小公司就不要做AI了,最重要的是先活下去," + filler
    reflections = _reflections(text)
    assert reflections
    assert all(len(r.text) < 80 for r in reflections)
    assert any("最重要的是先活下去" in r.text for r in reflections)


_PIECES = ["我", "你", "本质上", "才是", "不是", "而是", "建议", "我想做", "？", "。", "，", "“", "”",
           "说：", "了", "I ", "should ", "realized ", ". ", "\n\n", "往往", "真正", "@a #1 "]


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.text(max_size=10))
def test_any_text_gives_well_formed_reflections(pieces: Sequence[str], noise: str) -> None:
    text = "".join(pieces) + noise
    for r in _reflections(text):
        assert r.text == text[r.span.start : r.span.end] and r.text
        assert r.kind in REFLECTION_KINDS
        assert r.rule


def test_narrative_transition_is_not_a_saying() -> None:
    import careernarr

    assert careernarr.parse("休息不是偷懒。\n").reflections
    assert not careernarr.parse("但这还不是最令人窒息的。\n").reflections
    assert not careernarr.parse("但這也不是最糟的。\n").reflections


@pytest.mark.parametrize("text, kind", [
    # opinions framed as views
    ("说真的，35岁不是问题，问题是你还学不学得动。", "opinion"),
    ("依我看，愿不愿意跟人打交道才是关键。", "opinion"),
    ("老實講，香港租金咁貴，人工少一半真係頂唔順。", "opinion"),
    ("In my experience, managers who praise overtime already know.", "opinion"),
    # advice to the reader
    ("千萬不要在情緒最差的時候遞辭呈。", "advice"),
    ("如果你都諗緊轉行，唔好淨係睇人工。", "advice"),
    ("If you're a nurse thinking about switching, don't throw away your clinical experience.", "advice"),
    # insights: later knowledge, corrected beliefs, generalizations
    ("後來我才明白，比較是沒有盡頭的。", "insight"),
    ("以前我以為人工高就等於生活好，原來根本唔係咁。", "insight"),
    ("The skills transfer way more than people think.", "insight"),
    # resolutions
    ("從此以後，我要把時間留給家人和自己。", "resolution"),
    ("I've decided to stop doing free pitch work.", "resolution"),
])
def test_views_advice_insights_and_resolutions_in_every_script(text: str, kind: str) -> None:
    import careernarr

    [reflection] = careernarr.parse(text + "\n", format="essay").reflections
    assert reflection.kind == kind, reflection.rule
    assert reflection.speaker == "narrator"


@pytest.mark.parametrize("text", [
    "有没有人知道杭州这边技术专家岗一般开多少？求个参考。",
    "想問下咖啡師入行要讀咩課程？",
    "2021年我從一家美商半導體設備公司離職，當時年薪大概一百八。",
    "醫生說是恐慌發作，建議我去身心科。",
    "I got my first UX job in March 2022 at a health tech startup.",
    "I think about that every week.",
    "The first year was rough.",
])
def test_help_questions_narration_and_advice_received_are_not_reflections(text: str) -> None:
    import careernarr

    assert careernarr.parse(text + "\n", format="essay").reflections == ()


@pytest.mark.parametrize("text, speaker", [
    ("谈到离开的原因，林晓雯说：“钱能解决很多问题，但解决不了空虚。”", "林晓雯"),
    ("林晓雯的建议是：“不要因为逃避而离开，要因为热爱而出发。”", "林晓雯"),
    ('My mentor once told me, "Clients remember how you made them feel, not how many revisions you did."',
     "my mentor"),
    ("“我不觉得这是牺牲，”她说，“我只是换了一种活法。”", None),  # 她: not named here
])
def test_quoted_sayings_name_their_speaker(text: str, speaker: str | None) -> None:
    [reflection] = _reflections(text)
    assert (reflection.kind, reflection.speaker) == ("quote", speaker)


def test_a_quotation_told_in_a_story_is_not_a_saying() -> None:
    assert _reflections("当我试图向老板反馈工作负荷时，他回应到：“公司的文化就是算法工程师推动一切。”") == []
    assert _reflections("得到的回答却轻描淡写：“你做了该做的，但做得还不够。”") == []


def test_a_reported_view_is_its_speakers() -> None:
    [r] = _reflections("教育学者王建平认为，年轻人选择逆向流动，反映的不是个人的冲动，而是对单一成功标准的反思。")
    assert (r.kind, r.speaker) == ("opinion", "教育学者王建平")
    [r] = _reflections("她还提醒，辞职前一定要给自己留出至少一年的积蓄。")
    assert (r.kind, r.speaker) == ("advice", None)


def test_items_of_an_announced_list_of_advice_are_advice() -> None:
    text = "给还在犹豫的人几个建议：\n1. 存款至少要有半年的生活费。\n2. 面试的时候问清楚加班文化。\n\n后来我去了新创。"
    found = [(r.kind, r.text) for r in _reflections(text)]
    assert found == [("advice", "存款至少要有半年的生活费。"), ("advice", "面试的时候问清楚加班文化。")]


def test_a_transcript_is_read_a_line_an_utterance() -> None:
    text = ("so I was a nurse for eight years mostly night shifts\n"
            "the skills transfer way more than people think\n"
            "I got my first UX job in March 2022 at a health tech startup\n")
    assert [r.text for r in _reflections(text)] == ["the skills transfer way more than people think"]


def test_rhetorical_questions_count_in_threads_only() -> None:
    opening, reply = "要不要转管理？", "难道不转管理就只能等着被裁吗？"
    text = opening + "\n\n----------\n\n" + reply
    split = len(opening) + 14
    [r] = _reflections(text, posts=[Post(0, (0, len(opening))), Post(1, (split, len(text)), author="ann")])
    assert (r.kind, r.speaker, r.text) == ("opinion", "ann", reply)
    assert _reflections(reply) == []


def test_themes_come_from_broad_lexicons_in_every_script() -> None:
    import careernarr

    def themes(text: str) -> set[str]:
        return {t for r in careernarr.parse(text + "\n", format="essay").reflections for t in r.themes}

    assert {"money", "health"} <= themes("這三年學到最重要的一件事：薪水只是工作的一部分，能不能睡飽才是真正的福利。")
    assert "burnout" in themes("記住，冇人會因為你捱更抵夜而多謝你。")
    assert "family" in themes("從此以後，我要把時間留給家人和自己。")
    assert {"connection"} <= themes("Loneliness is the part nobody warns you about.")
    assert {"autonomy", "money"} <= themes("The real freedom is having six months of runway.")
