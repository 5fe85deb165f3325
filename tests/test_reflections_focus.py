"""Reflections told by a focus construction: what is hardest or most needed (这份工作最难熬的是夜班),
what something really is by contrast (我学到的不是X，而是Y), and flat advice (先…再…, …就对了,
越早越好). Sentences written for these tests (not taken from any corpus), in simplified and Taiwan
script; look-alikes that tell a story or describe someone give none."""

from __future__ import annotations

import pytest
from extract_helpers import SCRIPTS, in_script

import careernarr


def _kinds(script: str, text: str) -> list[str]:
    return [r.kind for r in careernarr.parse(in_script(script, text)).reflections]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "kind"), [
    ("这份工作最难熬的是夜班。", "insight"),
    ("干这行最缺的是耐心。", "insight"),
    ("这些年我学到的不是手艺，而是怎么跟人打交道。", "insight"),
    ("先存够半年的钱再辞职。", "advice"),
    ("有问题直接找主管谈，谈就对了。", "advice"),
    ("想转行的话，准备越早越好。", "advice"),
])
def test_a_focus_construction_is_a_reflection(script: str, text: str, kind: str) -> None:
    assert _kinds(script, text) == [kind]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", [
    "我最开心的是拿到了第一份工资。",
    "他最擅长的是修发动机。",
    "最后的结果是我被裁了。",
])
def test_look_alikes_are_no_reflection(script: str, text: str) -> None:
    assert _kinds(script, text) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("The hardest part of the job is the paperwork.", "insight"),
    ("Nobody burns out on the patients.", "insight"),
    ("The sooner the better.", "advice"),
    ("Nobody told me about the night shifts.", None),  # a story: past tense
    ("No one was hiring that year.", None),
])
def test_english_focus_and_generic_statements(text: str, kind: str | None) -> None:
    assert [r.kind for r in careernarr.parse(text).reflections] == ([kind] if kind else [])


@pytest.mark.parametrize("text", ["Update: I got the job.", "update：下个礼拜一第二轮面试。", "EDIT 2: thanks all."])
def test_an_update_label_is_no_imperative(text: str) -> None:
    assert [r.kind for r in careernarr.parse(text).reflections] == []


def test_update_as_a_verb_still_advises() -> None:
    assert [r.kind for r in careernarr.parse("Update your CV every year.").reflections] == ["advice"]
