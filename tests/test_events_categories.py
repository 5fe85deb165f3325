"""Events: categories of error seen on unseen documents, with sentences written for these tests
(simplified, Taiwan traditional, Cantonese and English).

Each sentence is parsed as a whole document (so headings, front matter and times are read as in
real use). ``HAPPENINGS`` must give an event of the kind named; ``NOT_EVENTS`` must give none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import builtin_host

import careernarr
from careernarr.model import Event


def _events(tmp_path: Path, text: str, suffix: str = ".txt") -> list[Event]:
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    return list(careernarr.parse(path, host=builtin_host()).events)


HAPPENINGS = [
    # hospital, not a job (入咗 + a hospital)
    ("2022年我入咗急症室。", "health"),
    ("去年阿爸入咗医院。", "family"),
    # someone else's leaving
    ("上个月我同事跳槽走了。", "job_end"),
    ("In June my manager left.", "job_end"),
    ("她后因公司裁员离开。", "job_end"),
    # rest and travel in a break
    ("劈咗炮之后休息咗两个月先搵新工。", "leave"),
    ("辞职后先去了大理住了两个月。", "leave"),
    ("After the layoff I took a month off to travel.", "leave"),
    # what a newsletter is about is not the narrator's job search; contract work is a job
    ("In 2021 I started a newsletter about interviewing.", "creator"),
    ("In 2022 I did contract work for a coding bootcamp.", "job_start"),
    # transfers and reorganisations
    ("2021年我被调咗去新组。", "transfer"),
    ("2023年我被调到了深圳分公司。", "transfer"),
    ("去年三月我们组被划到新成立的数据部门。", "transfer"),
    ("2022年部門大調整，我換了老闆。", "transfer"),
    ("In 2023 our org got folded into marketing.", "transfer"),
    ("In May I moved to another team.", "transfer"),
    # overwork told as long hours
    ("去年我日日做到夜晚十点几先收工。", "overwork"),
    ("那学期我早上七点到校，晚上九点以后还在回消息。", "overwork"),
    ("In 2022 I was working most evenings.", "overwork"),
    ("That spring I was pulling 60-hour weeks.", "overwork"),
    # health told as symptoms
    ("去年我成日手震。", "health"),
    ("By March I had burned out.", "health"),
    ("In 2023 I slept badly for months.", "health"),
    ("那段時間我經常胃疼。", "health"),
    # career changes
    ("2019年我由会计转去教书。", "career_change"),
    ("2020年我走咗去一间NGO做finance。", "career_change"),
    ("In 2020 I switched from accounting to teaching.", "career_change"),
    ("2019年離開教職後，到一家公司做課程研發。", "career_change"),
    # education: certificates and exams
    ("2023年我报了个PMP。", "education"),
    ("去年夏天考了潛水證。", "education"),
    ("In 2022 I got my PADI certificate.", "education"),
    # creator: a business of one's own
    ("In 2021 I registered as a sole trader.", "creator"),
    ("2022年我开了工作室。", "creator"),
    # projects
    ("In 2023 I helped her agency with a rebrand.", "project"),
    ("去年我接了个烂摊子。", "project"),
    ("今年我们把系统从单体拆成微服务。", "project"),
]


@pytest.mark.parametrize(("text", "kind"), HAPPENINGS)
def test_happenings_of_each_category(tmp_path: Path, text: str, kind: str) -> None:
    events = _events(tmp_path, text + "\n")
    assert kind in [e.kind for e in events], [(e.kind, e.rule, e.text) for e in events]
    assert all(e.rule for e in events)


def test_a_quitting_cut_from_the_rest_that_follows_keeps_it_as_evidence(tmp_path: Path) -> None:
    events = _events(tmp_path, "我舊年都係咁，辭咗之後休息咗三個月，去咗日本同台灣。\n")
    assert [(e.kind, e.text) for e in events] == [
        ("job_end", "辭咗之後休息咗三個月"), ("leave", "休息咗三個月")]
