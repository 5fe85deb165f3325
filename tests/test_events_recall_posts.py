"""Events: general wordings of posts assigned, ranks of a trade, shifts, stoppages, penalties and pay cuts.

Sentences written for these tests (not taken from any corpus). Each ``TOLD`` sentence must give an
event of the kind named (Chinese ones in simplified and in Taiwan traditional script); each
``NOT_TOLD`` sentence (a look-alike: a post being written, a kid at work, advice) must give none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, sentence_events

TOLD: list[tuple[str, str]] = [
    # a first post assigned, a ship's crew joined, a contract signed with an employer
    ("job_start", "2009年我从卫校毕业，分到县医院当护士。"),
    ("job_start", "2016年我上了一艘散货船当三副。"),
    ("job_start", "2020年5月我签了一家物流公司，开始跑长途。"),
    # 升了 + a title of the trade ending in 长 or 师
    ("promotion", "2018年我升了车间班长。"),
    ("promotion", "干了四年，我终于升了面点师。"),
    # another shift at the same employer
    ("transfer", "2022年我调去做夜班了。"),
    ("transfer", "2021年腰伤以后，我转咗去做早更。"),
    # work stopped or a convalescence of a stated length
    ("leave", "2020年我做完手术，停工了三个多月。"),
    ("leave", "2018年我摔断了腿，在家养了两个月。"),
    # a studio of one's own, classes of one's own
    ("creator", "2015年她开设了自己的陶艺工作室。"),
    ("creator", "2021年起我在周末开班授徒。"),
    # an illness found
    ("health", "2022年体检，我查出了甲状腺结节和胆囊息肉。"),
    # a penalty on one's pay for one's work, a pay cut
    ("review", "2023年因为一次漏检，主管扣了我半年的奖金。"),
    ("review", "今年公司把我的底薪从六千降到四千五。"),
    ("review", "2020年疫情，我们全组都降薪了。"),
    # on one's feet all day, one day off a week
    ("overwork", "那几年我每天站十个小时。"),
    ("overwork", "在饭店那三年，我一个月只休两天。"),
    # a crew entered, part time made full time, a post where one went, a crew of one's own
    ("job_start", "2011年我跟着舅舅进的施工队。"),
    ("job_start", "实习半年后，2017年我转了全职。"),
    ("job_start", "2005年我到广州的酒楼里当杂工。"),
    ("creator", "2014年我自己拉了个班组，接外墙的活。"),
    # at odds with the boss, wages run off with or held back
    ("conflict", "新来的经理跟我理念不合，我们在会上拍过桌子。"),
    ("conflict", "2012年工头卷钱跑了，欠了我们两个月的工钱。"),
    ("conflict", "去年那个客户一直拖尾款，拖了半年。"),
    # back pain, nerve-block shots, more work on fewer hands, a school attended, quarantine
    ("health", "2019年冬天我连着两个月腰疼，打了两次封闭针。"),
    ("overwork", "这两年人走了一半，活越来越多。"),
    ("education", "2008年我去一所厨师学校学了半年。"),
    ("other", "2022年我在酒店隔离了十四天。"),
    # English: overwork, a partnership quarrelling, applications, a licence done
    ("overwork", "Those years I was skipping lunch and working Saturdays."),
    ("conflict", "By 2018 my partner and I were arguing about money every week."),
    ("job_search", "In 2020 I applied twice for a supervisor post."),
    ("education", "In 2019 I did my forklift licence."),
    # English: a show of one's own, the firm sold, a partner bought out, a first hire, an assignment
    ("promotion", "In 2015 the editor gave me my own column."),
    ("other", "In 2019 the bakery got bought by a national chain."),
    ("other", "In 2018 the mill got bought by a holding group."),
    ("other", "Then the station got bought by a company that owned three hundred stations."),
    ("other", "In 2021 I bought her out and ran the clinic alone."),
    ("other", "Next month I'm hiring my first assistant."),
    ("transfer", "In 2016 I was assigned to the night desk."),
]

NOT_TOLD: list[str] = [
    # the post itself being written, a kid as a role at work
    "I'm writing this in March, in the break room.",
    "I was the kid who swept the floor and fetched coffee.",
    # a skill learned over years is no school attended
    "我学了三年才看得出来。",
    # a pay cut named as a topic, not told
    "其实降薪我也能接受，怕的是以后。",
    # advice: ask for help when you need it
    "该求助就求助，别硬撑。",
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("kind", "text"), TOLD)
def test_a_told_happening_gives_its_kind(tmp_path: Path, kind: str, text: str, script: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert any(e.kind == kind for e in events), [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("text", NOT_TOLD)
def test_the_same_words_untold_give_no_event(tmp_path: Path, text: str, script: str) -> None:
    events = sentence_events(tmp_path, script, text)
    assert events == [], [(e.kind, e.rule, e.text) for e in events]


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_shift_moved_to_is_no_change_of_trade(tmp_path: Path, script: str) -> None:
    events = sentence_events(tmp_path, script, "2023年我转去做白班了。")
    assert [e.kind for e in events] == ["transfer"], [(e.kind, e.rule, e.text) for e in events]
