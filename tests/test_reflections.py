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
