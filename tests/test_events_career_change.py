"""Leaving one job to take up another trade is one career change, not a quitting and a start."""

from __future__ import annotations

import opencc
import pytest

import careernarr

_S2TWP = opencc.OpenCC("s2twp")


@pytest.mark.parametrize("text, when", [
    ("Tom left IT support in 2020 to become a chef.", "2020"),
    ("Dev left a sales management job in March 2020 to train as a counsellor.", "2020-03"),
    ("In 2019 she quit nursing to retrain as a software tester.", "2019"),
    ("2021年我辞掉了银行的工作，去当了木工学徒。", "2021"),
    ("2018年她离开了医院的岗位，跑去做了独立摄影师。", "2018"),
])
def test_leaving_a_job_for_another_trade_is_a_career_change(text: str, when: str) -> None:
    for doc in {text, _S2TWP.convert(text)}:
        events = careernarr.parse("Notes\n\n" + doc + "\n").events
        assert [(e.kind, e.when) for e in events] == [("career_change", when)], [(e.kind, e.rule) for e in events]


@pytest.mark.parametrize("text", ["I left early to pick up my son.", "我辞掉了银行的工作，去了另一家银行。"])
def test_leaving_for_something_else_is_no_career_change(text: str) -> None:
    events = careernarr.parse("Notes\n\n" + text + "\n").events
    assert "career_change" not in [e.kind for e in events]
