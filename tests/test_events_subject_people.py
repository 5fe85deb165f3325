"""Whose happening: people called by a nickname (老周, 小芸, 阿凯) are someone else; a person the
narrator does something with (跟他, 被她) is not whose happening it is; a title after the event word
(升了主管) is what the narrator became, not someone acting.

Sentences written for these tests (not taken from any corpus), in simplified and Taiwan script.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, in_script, sentence_events

import careernarr


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("text", "kind", "subject"), [
    ("同梯的小芸在2022年初离职了。", "job_end", "other"),
    ("小吴2023年春天跳槽去了一家生鲜电商公司。", "job_start", "other"),
    ("老周去年在工地上中暑晕倒了。", "health", "other"),
    ("阿凯2021年考上了消防员。", "education", "other"),
    ("我跟小周在评审会上吵了一架。", "conflict", "narrator"),
    ("9月份跟他在需求评审会上吵了一架。", "conflict", "narrator"),
    ("2020年被她当众骂了一顿。", "conflict", "narrator"),
    ("主管2019年升了副理。", "promotion", "other"),
    ("2019年升了主管。", "promotion", "narrator"),
])
def test_whose_happening(tmp_path: Path, script: str, text: str, kind: str, subject: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert [(e.kind, e.subject) for e in events] == [(kind, subject)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_words_that_only_look_like_nicknames_name_nobody(tmp_path: Path, script: str) -> None:
    events = sentence_events(tmp_path, script, "2022年我做的小程序上线了，小于一百个用户。")
    assert [(e.kind, e.subject) for e in events] == [("project", "narrator")]


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_opening_post_calls_its_author_the_original_poster(tmp_path: Path, script: str) -> None:
    thread = ("# 报关五年，想转行\n\n"
              "#1 报关小王 2024-05-01 20:00\n"
              "楼主深圳，2016年7月毕业进了一家报关行，从制单员做起。2019年升了主管。\n\n"
              "#2 老李 2024-05-01 21:00\n"
              "楼主可以考虑转去甲方。我2018年就跳到了一家外企做关务。\n")
    path = tmp_path / "thread.md"
    path.write_text(in_script(script, thread), encoding="utf-8")
    narrative = careernarr.parse(path)
    assert [(e.kind, e.subject) for e in narrative.events] == [
        ("job_start", "narrator"), ("promotion", "narrator"), ("job_start", "narrator")]


@pytest.mark.parametrize(("text", "subject"), [
    ("佢哋2022年都辭咗職。", "other"),       # Cantonese they
    ("我哋2022年成組俾人炒咗。", "narrator"),  # Cantonese we
])
def test_cantonese_plural_pronouns(tmp_path: Path, text: str, subject: str) -> None:
    assert [(e.kind, e.subject) for e in sentence_events(tmp_path, "simplified", text)] == [("job_end", subject)]
