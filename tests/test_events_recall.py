"""Events: wordings of career talk told without the usual event words, and their look-alikes.

Sentences written for these tests (not taken from any corpus). Each ``TOLD`` sentence must give an
event of the kind named (in simplified and in Taiwan traditional script); each ``NOT_TOLD`` sentence
(a plan, a wish, a question, a hypothetical, advice, a general statement) must give none.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from extract_helpers import builtin_host

import careernarr
from careernarr.model import Event


@functools.cache
def _to_traditional(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2twp").convert(text))


def _events(tmp_path: Path, text: str) -> list[Event]:
    path = tmp_path / "doc.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return list(careernarr.parse(path, host=builtin_host()).events)


def _in(script: str, text: str) -> str:
    return _to_traditional(text) if script == "traditional" and not text.isascii() else text


SCRIPTS = ("simplified", "traditional")

TOLD: list[tuple[str, str]] = [
    # a transcript without punctuation: each space-separated stretch is read as a clause
    ("job_end", "那时候我们厂订单少了很多 我想了很久 今年三月我辞职了 回老家休息"),
    ("job_start", "面试过了之后想了很久 最后下个月入职 先去培训两周"),
    # a job start arranged: the date it is due is no wish
    ("job_start", "offer已经签了，下周一入职。"),
    ("job_start", "谈好了薪水，明年一月五号去新公司报到。"),
]

NOT_TOLD: list[str] = [
    "我打算下个月入职。",
    "如果顺利的话，下周一入职。",
    "我想明年入职一家外企。",
    "下个月入职的新人要先培训。",
    "很多人想过 要不要辞职 最后都没辞",
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), TOLD)
def test_a_told_happening_gives_its_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    events = _events(tmp_path, _in(script, text))
    assert any(e.kind == kind for e in events), [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", NOT_TOLD)
def test_the_same_words_untold_give_no_event(tmp_path: Path, text: str, script: str) -> None:
    events = _events(tmp_path, _in(script, text))
    assert events == [], [(e.kind, e.rule, e.text) for e in events]
