"""Time: where a document says when it was written (今天 with a date, Posted on …), an article's
fieldwork year, and the calendar words added with them (fixed-day holidays, 开春, clause-opening
two-digit years, rates counted in a larger unit). Sentences written for these tests."""

from __future__ import annotations

import opencc
import pytest
from edtf import parse_edtf

from careernarr.extract.time import find_times
from careernarr.extract.time_reference import study_year, written_date
from careernarr.model import Narrative

_S2TWP = opencc.OpenCC("s2twp")
SCRIPTS = pytest.mark.parametrize("traditional", [False, True], ids=["hans", "hant"])


def _values(text: str, traditional: bool = False) -> dict[str, str | None]:
    text = _S2TWP.convert(text) if traditional else text
    out = {}
    for t in find_times(text):
        out[t.text] = t.value or t.duration
        if t.value:
            parse_edtf(t.value)
    return out


@SCRIPTS
def test_today_with_a_date_is_the_date_relative_words_count_from(traditional: bool) -> None:
    text = "今天（2023/12/28）是我在银行的最后一天。\n\n上个月我拿到了新工作的offer，明年一月二号报到。\n"
    values = _values(text, traditional)
    assert values[_S2TWP.convert("上个月") if traditional else "上个月"] == "2023-11"
    assert values[_S2TWP.convert("明年一月二号") if traditional else "明年一月二号"] == "2024-01-02"


def test_written_date_reads_today_and_posted_on() -> None:
    assert written_date(Narrative(format="text", text="It's done. Posted on June 3, 2021 by me.\n")) == "2021-06-03"
    assert written_date(Narrative(format="text", text="今天是2024年5月3日，我离职了。\n")) == "2024-05-03"
    assert written_date(Narrative(format="text", text="2024年5月3日我离职了。\n")) is None  # a happening, not the writing
    assert written_date(Narrative(format="text", text="今天（2023/02/30）\n")) is None  # no such day


def test_an_articles_fieldwork_year_is_its_reference_year() -> None:
    text = "摘要\n本文基于2024年7月至9月在湖南进行的田野调查。\n\n正文\n直到今年三月她才回到村里，去年春天还在城里。\n"
    article = Narrative(text=text, format="article")
    assert study_year(article) == 2024
    assert study_year(Narrative(text=text, format="essay")) is None
    en = Narrative(text="Abstract\nInterviews were conducted between September 2022 and February 2023.\n",
                   format="article")
    assert study_year(en) == 2023


@SCRIPTS
@pytest.mark.parametrize(("phrase", "value"), [
    ("2021年国庆", "2021-10-01"), ("去年双十一", "2022-11-11"), ("2020年元旦", "2020-01-01"), ("2022年“双十一”", "2022-11-11"), ("去年「国庆」", "2022-10-01"),
    ("次年开春", "2022-21"),
])
def test_holidays_and_season_openings(phrase: str, value: str, traditional: bool) -> None:
    text = f"写于2023年12月\n\n2021年冬天他出了车祸。{phrase}，他回到了老家。\n"
    values = _values(text, traditional)
    assert values[_S2TWP.convert(phrase) if traditional else phrase] == value


@SCRIPTS
@pytest.mark.parametrize(("phrase", "value"), [
    ("2023年的三月", "2023-03"), ("2020年的3月5日", "2020-03-05"), ("民国一一三年的六月二号", "2024-06-02"),
    ("去年的十月", "2022-10"),
])
def test_a_year_and_its_month_joined_by_de_are_one_date(phrase: str, value: str, traditional: bool) -> None:
    values = _values(f"写于2023年12月\n\n{phrase}，我从电子厂辞职了。\n", traditional)
    assert values[_S2TWP.convert(phrase) if traditional else phrase] == value


@SCRIPTS
@pytest.mark.parametrize(("after", "value"), [
    ("后", "2021-10"), ("之后", "2021-10"), ("过后", "2021-10"),
    ("", "2021-10-01"), ("当天", "2021-10-01"), ("期间", "2021-10-01"),
])
def test_the_days_after_a_fixed_holiday_are_its_month(after: str, value: str, traditional: bool) -> None:
    values = _values(f"写于2023年12月\n\n2021年国庆{after}，我从电子厂辞职。\n", traditional)
    assert values[_S2TWP.convert("2021年国庆") if traditional else "2021年国庆"] == value


@SCRIPTS
@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("20年疫情那阵子，我连续加班。", "20年", "2020"),
    ("22年考绩拿了甲等。", "22年", "2022"),
    ("20年过去了，我还在这里。", "20年", "P20Y"),
    ("我干了20年。", "20年", "P20Y"),
])
def test_a_two_digit_year_opening_a_clause(text: str, phrase: str, value: str, traditional: bool) -> None:
    assert _values(f"写于2023年12月\n\n{text}\n", traditional)[phrase] == value


@SCRIPTS
@pytest.mark.parametrize(("text", "rates"), [
    ("那段时间我一个礼拜有六天是这样过的。", ["一个礼拜", "六天"]),
    ("最忙的时候一个月跑二十六天，一天开十四个小时。", ["一个月", "二十六天", "一天", "十四个小时"]),
    ("薪水少了，可是 hybrid 一个礼拜只需要进 office 三天。", ["三天"]),
])
def test_counts_within_a_larger_unit_are_rates_not_times(text: str, rates: list[str], traditional: bool) -> None:
    values = _values(text, traditional)
    for phrase in rates:
        assert values.get(_S2TWP.convert(phrase) if traditional else phrase) is None, values


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("我请了一个月的假，休息了六天。", "六天", "P6D"),
    ("一年前我因为肺炎在医院躺了整整三天。", "三天", "P3D"),
])
def test_a_length_that_is_no_rate_stays_a_duration(text: str, phrase: str, value: str) -> None:
    assert _values(text)[phrase] == value


def test_an_unresolved_this_month_keeps_the_storys_year() -> None:
    text = "写在2025年的最后一个周末。\n\n现在一个客户不满意，这个月的房租就悬了。八月份接了一个宣传片。十月，老婆生了二胎。\n"
    values = _values(text)
    assert values["八月份"] == "2025-08"
    assert values["十月"] == "2025-10"


def test_a_time_imagined_ahead_does_not_move_the_story() -> None:
    values = _values("写于2024年12月\n\n今年我考了证。五年后的自己会怎样？五月我开始备考，八月底考完。\n")
    assert values["五月"] == "2024-05"
    assert values["八月底"] == "2024-08"


def test_the_following_season_after_an_earlier_month_is_that_years() -> None:
    values = _values("She resigned in September 2023. She spent the following winter at home.\n")
    assert values["the following winter"] == "2023-24"
    values = _values("She resigned in December 2023. She spent the following spring at home.\n")
    assert values["the following spring"] == "2024-21"


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("然后22年底，厂里订单少了。", "22年底", "2022-10/2022-12"),
    ("脑子也还行 21年就把我推荐去做拼检了", "21年", "2021"),
    ("我干了16年多。", "16年多", "P16Y"),
])
def test_two_digit_years_in_speech(text: str, phrase: str, value: str) -> None:
    assert _values(f"写于2024年6月\n\n{text}\n")[phrase] == value


@pytest.mark.parametrize(("text", "date"), [
    ("标题\n\n2024年12月31日 夜\n\n正文。\n", "2024-12-31"),
    ("Title\n\nbody.\n\n— Dec 31, 2024\n", "2024-12-31"),
    ("标题\n\n写于从浦东飞往乌鲁木齐的航班上，2024年12月\n\n正文。\n", "2024-12"),
    ("Title\n\nPosted March 3, 2023 by Dr. K\n\nbody.\n", "2023-03-03"),
    ("T\n\nWritten in December 2023, somewhere in Ohio\n\nbody.\n", "2023-12"),
    ("T\n\nbody.\n\n（收稿日期：2024年5月）\n", "2024-05"),
    ("一個社工的十年\n\n正文。\n\n二〇二四年八月\n", "2024-08"),  # the time finder's own reading: numerals too
])
def test_a_line_that_dates_the_writing(text: str, date: str) -> None:
    assert written_date(Narrative(format="text", text=text)) == date


@pytest.mark.parametrize("text", [
    "x\n\n2019年3月我入职了。\n",  # a happening told, not a date line
    "T\n\n2019年3月：入职\n正文\n",  # a timeline's label
    "T\n\nIn March 2019 I joined.\n",
])
def test_a_dated_sentence_is_no_date_line(text: str) -> None:
    assert written_date(Narrative(format="text", text=text)) is None


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("趁着跨年前两天宝宝终于睡过夜。", "两天", None),
    ("这几天我一直在加班。", "几天", None),
    ("我请了两天假。", "两天", "P2D"),
    ("准备材料那两天每天写到半夜。", "两天", "P2D"),
])
def test_a_few_days_pointed_at_are_no_length(text: str, phrase: str, value: str | None) -> None:
    assert _values(f"写于2024年12月\n\n{text}\n")[phrase] == value


def test_english_sizes_and_rates_are_no_times() -> None:
    values = _values("A 15-minute calendar invite appeared. I got a four-day week and a two-week vacation. "
                     "I worked 12-hour shifts for two years.\n")
    assert values["15-minute"] is None
    assert values["four-day"] is None
    assert values["12-hour"] is None
    assert values["two-week"] == "P2W"
    assert values["two years"] == "P2Y"


def test_a_text_written_in_december_that_speaks_of_this_year_looks_back_at_it() -> None:
    text = ("写于2024年12月31日\n\n今年是我飞的第四年。2020年我进了航校，那时候什么都不懂。\n\n"
            "三月我通过了复训，八月换了机型。\n")
    values = _values(text)
    assert values["三月"] == "2024-03"
    assert values["八月"] == "2024-08"
    # without 今年 the story goes on from the year last named
    assert _values(text.replace("今年是我飞的第四年。", ""))["三月"] == "2020-03"


@pytest.mark.parametrize(("text", "value"), [
    ("女儿今年四岁，上幼儿园小班。", None), ("我今年35了，还在加班。", None), ("我今年三十五，还在跑业务。", None),
    ("今年3月我辞职了。", "2024-03"), ("今年是我工作的第五年。", "2024"),
])
def test_this_year_before_an_age_is_no_time(text: str, value: str | None) -> None:
    values = _values(f"写于2024年10月\n\n{text}\n")
    assert values.get("今年", values.get("今年3月")) == value


@pytest.mark.parametrize(("text", "word", "value"), [
    ("我是2019年3月进的中介，那年27，之前做客服。", "那年", None),
    ("2016年我去了深圳，同年二十三岁。", "同年", None),
    ("2019年3月入职，那年八月开了第一单。", "那年八月", "2019-08"),
    ("2019年3月入职，那年我很穷。", "那年", "2019"),
])
def test_that_year_before_an_age_is_no_time(text: str, word: str, value: str | None) -> None:
    assert _values(f"写于2024年10月\n\n{text}\n").get(word) == value


@pytest.mark.parametrize(("text", "found"), [
    ("上年年尾 appraisal，partner 寫我差。", {"上年年尾": "2023-10/2023-12"}),
    ("我上年换了工作。", {"上年": "2023"}),
    ("马上年底了，我很忙。", {"年底": "2024-10/2024-12"}),
    ("加上年终奖一共十万。", {}),
    ("晚上年会我喝多了。", {}),
])
def test_last_year_written_shang_nian_only_where_it_stands_alone(text: str, found: dict[str, str]) -> None:
    values = _values(f"写于2024年5月\n\n{text}\n")
    values.pop("2024年5月")
    assert values == found


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("去年一整年开了十一单。", "去年一整年", "2022"),
    ("2022年全年营收下降。", "2022年全年", "2022"),
])
def test_a_whole_year_is_the_year(text: str, phrase: str, value: str) -> None:
    assert _values(f"写于2023年3月\n\n{text}\n")[phrase] == value


@pytest.mark.parametrize(("text", "phrase"), [
    ("会议口译一天的行情大概一万五到两万。", "一天"),
    ("旺季的时候一天飞四段，很累。", "一天"),
    ("一个月要打两百通电话。", "一个月"),
])
def test_a_day_or_month_with_its_price_or_count_is_a_rate(text: str, phrase: str) -> None:
    assert _values(f"写于2023年3月\n\n{text}\n")[phrase] is None


def test_reading_time_under_a_blog_title_is_no_time() -> None:
    values = _values("Why I left\n\nPosted March 3, 2023 · 8 min read\n\nI quit in May.\n")
    assert values["8 min"] is None
    assert values["March 3, 2023"] == "2023-03-03"


def test_a_while_is_no_length() -> None:
    assert "好半天" not in _values("写于2023年3月\n\n笔尖停在纸上好半天。\n")


@pytest.mark.parametrize(("text", "found"), [
    ("In 2019 I got my first GM job. And then 2020 happened. In March we lost everything.",
     {"2019": "2019", "2020": "2020", "March": "2020-03"}),
    ("Then 2008 hit and I was laid off.", {"2008": "2008"}),
    ("He sold 2020 hit singles.", {}),
])
def test_a_bare_year_told_by_what_follows_it(text: str, found: dict[str, str]) -> None:
    values = _values(f"Posted Feb 16, 2025\n\n{text}\n")
    values.pop("Feb 16, 2025")
    assert values == found


@pytest.mark.parametrize(("text", "value"), [
    ("In 2022 I quit. Since January I've been doing two days a week at the shelter.", "2023-01"),
    ("In 2022 I quit. Since January, she has worked from home.", "2023-01"),
    ("In 2019 I joined. Since January I worked nights.", "2019-01"),  # no perfect: the story's January
])
def test_since_a_month_with_a_perfect_counts_back_from_the_writing(text: str, value: str) -> None:
    assert _values(f"Posted March 3, 2023\n\n{text}\n")["January"] == value
