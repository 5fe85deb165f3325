"""The story's year: a plan after the document's date, and a look back (前年冬天) told late in a
story, date only their own sentence / paragraph; bare months after them keep the story's year."""

from __future__ import annotations

from collections.abc import Callable

import opencc
import pytest

import careernarr
from careernarr.extract.time import find_times

_S2T = opencc.OpenCC("s2t")
Convert = Callable[[str], str]
_SCRIPTS: list[Convert] = [lambda s: s, _S2T.convert]
_IDS = ["zh-Hans", "zh-Hant"]


def _values(text: str, ref: str) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, ref)}


# --- plans after the document's date -----------------------------------------------------

_PLAN_ZH = (
    "今年3月我通过了资格考试。明年6月答辩，9月去北京做博后。\n\n"
    "五月底我爸做了个手术，我请了一周假回老家陪床。"
)


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_a_bare_month_after_a_plan_keeps_the_story_year(convert: Convert) -> None:
    text = convert(_PLAN_ZH)
    found = _values(text, "2025-06-18")
    assert found[convert("明年6月")] == "2026-06"
    assert found["9月"] == "2026-09"  # the plan's own sentence
    assert found[convert("五月底")] == "2025-05"


def _events(text: str, date: str) -> dict[str, str | None]:
    narrative = careernarr.parse(f"---\ntitle: notes\ndate: '{date}'\n---\n\n{text}", format="frontmatter")
    assert narrative.date == date
    return {e.kind: e.when for e in narrative.events}


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_an_event_after_a_plan_is_dated_in_the_story_year(convert: Convert) -> None:
    found = _events(convert(_PLAN_ZH), "2025-06-18")
    assert found["family"] == "2025-05"
    assert found["leave"] == "2025-05"


def test_a_bare_month_after_next_year_keeps_the_story_year_in_english() -> None:
    text = ("This past January I started at the hospital. I plan to sit for the board exam next year. "
            "On the side, I started a little newsletter in March.")
    found = _values(text, "2024-12-29")
    assert found["next year"] == "2025"
    assert found["March"] == "2024-03"
    assert found["This past January"] == "2024-01"


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_the_story_does_not_move_forward_past_the_documents_date(convert: Convert) -> None:
    text = convert("2024年11月我入职。12月转正。然后3月我升了组长。")
    assert _values(text, "2024-12-29")["3月"] == "2024-03"
    # … but it does move on while the next year is not past the document's date
    assert _values(text, "2025-06-18")["3月"] == "2025-03"


def test_the_story_does_not_move_forward_past_the_documents_date_in_english() -> None:
    text = "I joined in November 2024. I was confirmed in December. Then in March I became a team lead."
    assert _values(text, "2024-12-29")["March"] == "2024-03"
    assert _values(text, "2025-06-18")["March"] == "2025-03"


def test_a_plan_dates_the_rest_of_its_own_sentence() -> None:
    text = "明年3月考一建，6月出成绩。"
    found = _values(text, "2024-12-30")
    assert found["明年3月"] == "2025-03"
    assert found["6月"] == "2025-06"


# --- a look back told late in the story ------------------------------------------------------

_LOOK_BACK_ZH = (
    "2016年7月毕业，我进了现在这家公司。\n\n"
    "去年十月，公司把我调到贵州。3月28日，主跨合龙。\n\n"
    "九月我去考了一级建造师。\n\n"
    "家里的事也得说两句。前年冬天我们在县城买了套房子，首付是两边老人凑的。\n\n"
    "12月26日，桥正式通车。"
)


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_a_look_back_governs_only_its_paragraph(convert: Convert) -> None:
    text = convert(_LOOK_BACK_ZH)
    found = _values(text, "2024-12-30")
    assert found[convert("去年十月")] == "2023-10"
    assert found["3月28日"] == "2024-03-28"
    assert found[convert("前年冬天")] == "2022-24"
    assert found["12月26日"] == "2024-12-26"


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_the_event_after_a_look_back_is_dated_in_the_story_year(convert: Convert) -> None:
    found = _events(convert(_LOOK_BACK_ZH + "我辞职了。"), "2024-12-30")
    assert found["transfer"] == "2023-10"
    assert found["job_end"] == "2024-12-26"


def test_a_look_back_governs_only_its_paragraph_in_english() -> None:
    text = ("I joined the firm in 2019. In March 2024 I was promoted to manager.\n\n"
            "Back home, in the summer of last year we bought a flat.\n\n"
            "In December I handed in my notice.")
    found = _values(text, "2024-12-30")
    assert found["the summer of last year"] == "2023-22"
    assert found["December"] == "2024-12"


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_a_relative_year_forward_of_the_story_still_moves_it(convert: Convert) -> None:
    text = convert("2016年7月毕业。\n\n去年冬天我换了工作。\n\n三月我升了职。")
    assert _values(text, "2024-12-30")[convert("三月")] == "2024-03"


@pytest.mark.parametrize("convert", _SCRIPTS, ids=_IDS)
def test_a_rate_in_a_sentence_does_not_stop_the_paragraphs_date(convert: Convert) -> None:
    text = convert("四月份有一天早上起床，腰弯不下去。去医院拍了片子，确诊腰椎间盘突出，我说我一天要爬两趟塔吊。")
    narrative = careernarr.parse(f"---\ntitle: notes\ndate: '2024-12-30'\n---\n\n{text}", format="frontmatter")
    whens = {e.kind: e.when for e in narrative.events}
    assert whens.get("health") == "2024-04", [(e.kind, e.text, e.when) for e in narrative.events]
