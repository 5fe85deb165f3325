"""Events: general Chinese wordings of every event kind (the "vocab7" blocks of zh/events.toml).

Sentences written for these tests, not taken from any corpus: everyday ways mainland, Taiwan and
Hong Kong writers tell a working life (被降本增效, 办了入职, 打了个C, 挨批, 扯了证 …). Each is
parsed as a whole document, as written and in Taiwan traditional script, and must give an event
of the kind named; ``NOT_TOLD`` holds the same words where they tell nothing of the narrator's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, sentence_events

TOLD: list[tuple[str, str]] = [
    ("career_change", "2019年我从会计转行做了摄影。"),
    ("career_change", "2021年我改行当了厨师。"),
    ("job_end", "2023年春天我被降本增效了，拿了一笔补偿。"),
    ("job_end", "去年十月公司跟我解除了劳动合同。"),
    ("job_end", "2022年底我卷铺盖走人，离开了那家公司。"),
    ("job_start", "2020年7月我办了入职，分在运营组。"),
    ("job_start", "2018年我正式参加工作，在县医院当护士。"),
    ("job_start", "2021年我被挖到了一家券商。"),
    ("promotion", "2022年厂长让我当了质检组的组长。"),
    ("promotion", "去年我被破格提拔，管一个二十人的团队。"),
    ("transfer", "2023年我被调了岗，去做售后。"),
    ("transfer", "2020年公司把我外派到了马来西亚。"),
    ("leave", "2021年我请了长假，在家陪老人。"),
    ("leave", "去年秋天我休完产假回到了岗位。"),
    ("support", "2022年我约了一位心理咨询师，每周谈一次。"),
    ("support", "刚入职那年我请教了好几位前辈，他们拉了我一把。"),
    ("review", "2023年年中我的绩效被打了个C。"),
    ("review", "去年我评上了公司的优秀员工。"),
    ("job_search", "2024年3月我跑了好几场招聘会，递了二十多份简历。"),
    ("job_search", "去年我四处找工作，最后在家附近找到了一份。"),
    ("overwork", "2022年双十一前我连着熬了三个通宵。"),
    ("overwork", "2022年我每天工作十几个小时，周末也要去公司。"),
    ("conflict", "2021年我在周会上被领导当众批了一顿，挨批以后一晚没睡。"),
    ("conflict", "去年老板扣了我半个月工资，我们为此闹僵了。"),
    ("health", "2023年夏天我在工地中暑，被送到医院打了点滴。"),
    ("health", "去年体检查出椎间盘突出，医生让我少坐。"),
    ("education", "2020年我考了驾照，又报了专升本。"),
    ("education", "2022年我拿到了本科文凭，算是提升了学历。"),
    ("creator", "2021年我开了直播，开始带货卖自家的茶叶。"),
    ("creator", "去年我自创品牌，做了一个卖手工皂的小程序。"),
    ("family", "2022年我们扯了证，第二年生了老二。"),
    ("family", "去年五月我当了爹，休了半个月陪老婆坐月子。"),
    ("project", "2023年我们中了一个标，是市里的污水厂改造。"),
    ("project", "去年我们的新版本验收通过，顺利交付了。"),
    ("other", "2021年我交了首付，在老家买了一套小房子。"),
    ("other", "2022年我在公司的帮助下办了居住证。"),
]

NOT_TOLD: list[str] = [
    "他们把风险都转嫁给了员工。",
    "健身教练的收入大多来自卖课提成。",
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), TOLD)
def test_a_general_wording_gives_its_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert any(e.kind == kind for e in events), [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", NOT_TOLD)
def test_the_same_words_untold_give_no_event(tmp_path: Path, text: str, script: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert events == [], [(e.kind, e.rule, e.text) for e in events]
