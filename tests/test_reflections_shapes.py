"""Reflections recognised by the shape of the text rather than by cue words.

Written for wordings no cue list foresees: the items of a list counted in words
(第一，… 第二，…), words a named or pronoun speaker says, a resolution that shares
its sentence with a story, the generic 你 / "you" of a statement about anyone,
imperatives. Each case is checked in simplified and traditional script (the
extractors run on one working form) and, where it applies, in English.
"""

from __future__ import annotations

import opencc
import pytest

import careernarr
from careernarr.model import Narrative, Reflection

_S2TWP = opencc.OpenCC("s2twp")


def _parse(text: str, traditional: bool = False) -> Narrative:
    return careernarr.parse(_S2TWP.convert(text) if traditional else text)


def _holding(n: Narrative, words: str, traditional: bool = False) -> list[Reflection]:
    words = _S2TWP.convert(words) if traditional else words
    return [r for r in n.reflections if words in r.text]


COUNTED = """做了六年药剂师，今年终于换了行

2019年我进了一家连锁药店，每天站十个小时。2023年底我辞职了，去读了一个数据分析的课程。

回头看，有几件事想记下来。

第一，证书只是门票，不是护身符。

第二，辞职之前先把半年的生活费存好。

第三，别拿别人的节奏衡量自己。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_items_of_a_list_counted_in_words_are_points(traditional: bool) -> None:
    n = _parse(COUNTED, traditional)
    first = _holding(n, "证书只是门票", traditional)
    second = _holding(n, "先把半年的生活费存好", traditional)
    third = _holding(n, "别拿别人的节奏", traditional)
    assert first and second and third, [r.text for r in n.reflections]
    assert second[0].kind == "advice" and third[0].kind == "advice"
    assert not _holding(n, "每天站十个小时", traditional)


GOALS = """写于2024年12月31日

今年我升了机长，很累。

给明年定几件事。第一，带好自己的第一个副驾驶，不让他等别人拍板。第二，每个月至少休满八天，不再硬排班。第三，把英语从四级考到五级。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_a_counted_list_after_goals_are_set_holds_resolutions(traditional: bool) -> None:
    n = _parse(GOALS, traditional)
    items = [_holding(n, words, traditional) for words in ("带好自己的第一个副驾驶", "每个月至少休满八天", "把英语从四级考到五级")]
    assert all(items), [r.text for r in n.reflections]
    assert [found[0].kind for found in items] == ["resolution"] * 3


def test_a_lone_ordinal_is_a_manner_of_speaking() -> None:
    n = _parse("随笔\n\n那年我换了三份工作。第一，是在工地做资料员，每天跑现场。后来我去了设计院。\n")
    assert not _holding(n, "资料员")


def test_a_counted_story_is_not_a_list_of_points() -> None:
    text = "回顾\n\n第一，2020年3月我入职了一家游戏公司。\n\n第二，2021年我被调到了上海。\n"
    n = _parse(text)
    assert not n.reflections, [r.text for r in n.reflections]


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_words_someone_else_says_are_their_quote(traditional: bool) -> None:
    text = "随笔\n\n第一次画完整套图纸，师傅看了半天，他说“这行拼的是耐心”。我记到现在。\n"
    n = _parse(text, traditional)
    found = _holding(n, "这行拼的是耐心", traditional)
    assert found and found[0].kind == "quote", [(r.text, r.rule) for r in n.reflections]


def test_what_the_narrator_says_in_a_story_is_not_a_quote() -> None:
    n = _parse("随笔\n\n组长问我能不能周末加班，我说“好的我周六过来”。\n")
    assert not n.reflections, [(r.text, r.rule) for r in n.reflections]


def test_a_resolution_sharing_its_sentence_with_a_story_counts() -> None:
    text = ("Notes\n\nI spent eleven years as a flight attendant. I'm not going back to flying, "
            "and I've made my peace with that.\n")
    n = careernarr.parse(text)
    found = _holding(n, "I'm not going back to flying")
    assert found and found[0].kind == "resolution", [(r.text, r.rule) for r in n.reflections]


CLOSING = """做了十年空乘，今年落地了

2014年我进了航空公司，飞国际线。2020年停飞了大半年，我在家学了烘焙。
2023年我转去地面做培训，带新乘务员。
今年三月我正式离开了航空公司，开了一家小小的烘焙工作室。

写到这里，天快亮了。
接下来我想把工作室做稳，也想每年带爸妈出去走一次。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_looking_ahead_at_the_close_is_a_resolution(traditional: bool) -> None:
    n = _parse(CLOSING, traditional)
    found = _holding(n, "把工作室做稳", traditional)
    assert found and found[0].kind == "resolution", [(r.text, r.rule) for r in n.reflections]
    assert not _holding(n, "飞国际线", traditional)


def test_wanting_in_the_story_is_not_looking_ahead() -> None:
    text = CLOSING.replace("接下来我想把工作室做稳，也想每年带爸妈出去走一次。",
                           "当我想起那些航班的时候，我会觉得像做了一场梦。")
    n = _parse(text)
    assert not _holding(n, "做了一场梦"), [(r.text, r.rule) for r in n.reflections]


def test_a_statement_pattern_does_not_swallow_the_words_inside_it() -> None:
    n = careernarr.parse("Notes\n\nI spent four years at the paper.\n\nVisibility is part of the job, whether or not we like it.\n")
    found = _holding(n, "Visibility is part of the job")
    assert found and found[0].kind == "insight", [(r.text, r.rule) for r in n.reflections]
    assert "is part of the job" in found[0].rule


def test_a_speaker_is_named_as_the_users_text_writes_it() -> None:
    n = careernarr.parse("隨筆\n\n第一次畫完整套圖紙，陳師傅看了半天才說「這行拼的是耐心，急不來」。\n")
    [r] = n.reflections
    assert r.kind == "quote" and r.speaker == "陳師傅"  # not 陈师傅 of the simplified working text


def test_thread_speakers_are_the_authors_as_the_posts_name_them() -> None:
    from pathlib import Path

    n = careernarr.parse(Path(__file__).parent / "fixtures" / "forum" / "workplace-zh-hant.txt")
    authors = {p.author for p in n.posts if p.author}
    assert n.reflections and {r.speaker for r in n.reflections} <= authors


def test_someone_elses_words_telling_their_own_story_are_their_quote() -> None:
    n = _parse("随笔\n\n访谈那天她正在备考研究生。她说：“离开工地那天我哭了，不是舍不得工地，是舍不得那帮兄弟。”\n")
    found = _holding(n, "离开工地那天我哭了")
    assert found and found[0].kind == "quote", [(r.text, r.rule) for r in n.reflections]


ARTICLE = """摘要：本文访谈了三位外卖骑手。

关键词：零工；倦怠

一、骑手的一天

受访者每天工作十二小时以上，平均每天跑四十单。

“下雨天单子多，可是摔一跤一周就白干了。”

二、结论

平台应当为骑手提供基本的工伤保障。
"""


def test_a_quotation_standing_alone_in_an_article_is_an_interviewees_quote() -> None:
    n = careernarr.parse(ARTICLE)
    assert n.format == "article"
    found = _holding(n, "下雨天单子多")
    assert found and found[0].kind == "quote", [(r.text, r.rule) for r in n.reflections]


def test_a_quotation_standing_alone_in_an_essay_is_a_line_of_the_story() -> None:
    n = _parse("随笔\n\n那天晚上下着雨。\n\n“下雨天单子多，可是摔一跤一周就白干了。”\n\n我没说话。\n")
    assert not _holding(n, "下雨天单子多")


def test_a_short_quotation_is_one_sentence_whatever_stops_it_holds() -> None:
    from careernarr.extract.context import ExtractionContext
    from careernarr.extract.sentences import sentences_of

    text = 'Notes\n\nI asked how the first month went. "Nobody cared. That was the best part." He laughed.\n'
    n = careernarr.parse(text)
    said = [n.text[s.start : s.end] for s in sentences_of(ExtractionContext(n))]
    assert '"Nobody cared. That was the best part."' in said
    assert "He laughed." in said
    long_quote = '"' + "We worked every night. " * 10 + '"'
    n = careernarr.parse(f"Notes\n\nShe said {long_quote}\n")
    assert len(sentences_of(ExtractionContext(n))) > 2  # a long quotation is read sentence by sentence


INLINE_LIST = """桥合龙那年

2024年12月写。今年我在工地上待了大半年，春节也没回家，腰也伤了。

明年的打算很简单：把一建剩下那门拿下；每个月至少回一次家；腰不好，就别再逞强爬塔吊了。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_the_items_of_a_list_written_in_one_sentence_are_each_a_resolution(traditional: bool) -> None:
    n = _parse(INLINE_LIST, traditional)
    for item in ("把一建剩下那门拿下", "每个月至少回一次家"):
        found = _holding(n, item, traditional)
        assert [r.kind for r in found] == ["resolution"], [(r.kind, r.text) for r in n.reflections]
    first = _holding(n, "把一建剩下那门拿下", traditional)[0]
    assert "打算" in first.text  # the first item keeps the intro that says what the list is


FRAMED = """离开银行的这一年

2023年我离职了。不是要说银行不好，只是我终于接受：稳定不等于适合。

最后给自己记一句：累的时候可以停一下，但别在最累的那天做决定。
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_a_lesson_after_a_colon_survives_the_story_before_it(traditional: bool) -> None:
    n = _parse(FRAMED, traditional)
    assert [r.kind for r in _holding(n, "稳定不等于适合", traditional)] == ["insight"]
    assert [r.kind for r in _holding(n, "别在最累的那天做决定", traditional)] == ["advice"]


TOLD = """读博第四年

2024年师兄博士毕业后转行去做了数据分析。他跟我说，读博五年最值钱的不是那三篇SCI，而是知道自己能坚持下去。

去年我考砸了资格考试，一位带过我的前辈听到消息，传讯息给我：「会落地的才是好飞行。」
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_words_someone_told_the_narrator_are_a_quote(traditional: bool) -> None:
    n = _parse(TOLD, traditional)
    assert [r.kind for r in _holding(n, "最值钱的不是那三篇SCI", traditional)] == ["quote"]
    assert [r.kind for r in _holding(n, "会落地的才是好飞行", traditional)] == ["quote"]


CONTRASTS = """當媽媽之後的第一張證照

2024年我請了育嬰假，回來以後考績被打了乙等。

公司不會記得你多努力，只會記得你多便宜。考績只是公司的語言，不是我的價值。
"""


def test_a_contrast_stated_of_no_one_is_an_insight() -> None:
    n = _parse(CONTRASTS)
    for words in ("只會記得你多便宜",):
        assert [r.kind for r in n.reflections if words in r.text] == ["insight"], [(r.kind, r.text) for r in n.reflections]


def test_a_mentor_named_by_role_speaks_an_english_quotation() -> None:
    text = ("Ten years behind the counter\n\nI failed the exam twice. Then my mentor from rotations texted me: "
            "\"Count twice, counsel once.\" I still hear it every shift.\n")
    n = _parse(text)
    assert [r.kind for r in n.reflections if "Count twice" in r.text] == ["quote"], [(r.kind, r.text) for r in n.reflections]


def test_a_lesson_that_tells_the_reader_what_to_do_is_advice() -> None:
    text = ("## What I learned\n\n- Teach what you know while you still remember how hard it was.\n"
            "- Join the union before you need it.\n- Pay is lower than you think, and that is fine.\n")
    kinds = {r.text.strip("- \n")[:5]: r.kind for r in careernarr.parse(text).reflections}
    assert kinds["Teach"] == "advice" and kinds["Join "] == "advice"
    assert kinds.get("Pay i") != "advice"  # "Pay" the noun


SPOKEN_LIST = """Timestamp: 2025-03-01T10:00:00
Title: 干了六年外墙清洗 说说我自己
URL: https://example.com/v/1
Status: success
Duration: 6:10

Description:
我的经历。

Content:
大家好 今天聊聊我自己 我第一个月工资三千第二个月就四千了 后来慢慢做熟了 我想跟想入行的兄弟说几句啊第一个绳子每天出工前都要自己检查别信别人第二个这行拼的不是胆子大是细心第三个就是身体是本钱 我打算明年去考个高处作业的证 好了今天就到这
"""


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_points_counted_in_unpunctuated_speech_are_each_a_reflection(traditional: bool) -> None:
    n = _parse(SPOKEN_LIST, traditional)
    points = [_holding(n, words, traditional) for words in ("绳子每天出工前都要自己检查", "拼的不是胆子大是细心", "身体是本钱")]
    assert all(len(found) == 1 for found in points), [r.text for r in n.reflections]
    assert "明年去考个高处作业的证" not in points[2][0].text  # the last point ends where the speaker pauses
    assert [r.kind for r in _holding(n, "明年去考个高处作业的证", traditional)] == ["resolution"]
    assert not _holding(n, "工资三千", traditional)  # 第一个月…第二个月 counts months, not points


@pytest.mark.parametrize(("heading", "items"), [
    ("想对新人说的话", ["高空作业没有差不多。", "工具每天都要检查。"]),
    ("What I'd tell a beginner", ["Play the game before you translate it.", "Consistency matters more than elegance."]),
])
def test_a_section_of_words_to_newcomers_holds_advice(heading: str, items: list[str]) -> None:
    body = "\n".join(f"- {item}" for item in items)
    n = careernarr.parse(f"---\ntitle: 十年\ndate: 2024-01-01\n---\n\n那年我换了工作。\n\n## {heading}\n\n{body}\n",
                         format="frontmatter")
    assert [r.kind for r in n.reflections if r.text in items] == ["advice"] * len(items)


SHORT_POINTS = SPOKEN_LIST.replace(
    "我想跟想入行的兄弟说几句啊第一个绳子每天出工前都要自己检查别信别人第二个这行拼的不是胆子大是细心第三个就是身体是本钱",
    "我给新人的建议就是第一手要稳第二眼要尖第三个就是身体是本钱你累垮了谁也替不了你",
)


@pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])
def test_short_spoken_points_said_in_one_breath_are_one_piece_of_advice(traditional: bool) -> None:
    n = _parse(SHORT_POINTS, traditional)
    joined = _holding(n, "第一手要稳第二眼要尖", traditional)
    assert [r.kind for r in joined] == ["advice"], [r.text for r in n.reflections]
    assert "身体是本钱" not in joined[0].text
    assert _holding(n, "身体是本钱", traditional)


@pytest.mark.parametrize("line", [
    '"The sea finds every shortcut you take," she said.',
    'My first boss handed me a trowel and said, "The wall doesn\'t care how tired you are."',
])
def test_words_whose_speaker_is_named_after_or_before_them_are_a_quote(line: str) -> None:
    n = careernarr.parse(f"Notes\n\nThat year I changed jobs.\n\n{line}\n", format="essay")
    assert [r.kind for r in n.reflections] == ["quote"], [r.rule for r in n.reflections]


def test_a_short_remark_said_in_a_story_is_no_quote() -> None:
    n = careernarr.parse('Notes\n\nThat year I changed jobs.\n\n"You learn speed there," she said.\n', format="essay")
    assert n.reflections == ()
