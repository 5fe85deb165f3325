"""Chinese time patterns: years, months, parts of a year, relative words, durations.

Patterns run on the *folded* text (traditional characters read as their
simplified twins, one for one, so offsets do not move). Every word list
comes from ``lexicons/time/zh.toml``; the grammar — where a number, a unit
and a suffix may stand — lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .time_atoms import DECADE_PARTS, Atom, Pattern, S, is_han, prev_char
from .time_lexicon import TimeLexicon
from .time_numerals import chinese_number, digit_sequence, is_vague, quantity
from .time_values import iso_duration

__all__ = ["COUNT_AT_CLAUSE_START", "chinese_patterns"]

_D = "零一二两三四五六七八九"
_CN_DIGITS = set(_D + "十百千")
#: A written quantity: 3, 1.5, 十二, 两, 几, 半, 好几.
_NUM = rf"(?:\d+(?:\.\d+)?|好几|若干|[{_D}十百千几数]+|半)"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_NUM_FULL = re.compile(_NUM)
_MONTH_FULL = re.compile(_MONTH)
_DECADE_FULL = re.compile(r"(?:19|20)?\d0|[二三四五六七八九]十|[零一二三四五六七八九]零")
_VAGUE_YEAR_PAIRS = {"一二", "二三", "三四", "三五", "四五", "五六", "六七", "七八", "八九"}
#: Han characters after which a two-digit year may stand (在14年, 从14年底).
_YEAR_LEAD = set("在于从自至到截是")
#: A conjunction that opens a clause (，但第二年…, 。可那年…) and the marks before it.
_CLAUSE_CONJ = set("但可而")
_CLAUSE_OPEN = set("，,。；;！？!?：:\n") | {""}
#: After a decade: which part of it (九十年代初, 八十年代中期, 二〇一〇年代末).
_DECADE_PART_ZH = re.compile(r"(?P<part>初期|初|前期|中期|中叶|中葉|末期|末|后期)(?!年)")
_RANGE_CHARS = set("~〜–—-到至")
#: After 今年 / 明年 / 那年: an age (今年四岁, 今年35了, 明年就三十岁, 那年27，): the year names nobody's happening.
_AGE_AFTER = re.compile(r"[ \t]*(?:就|都|已经|才|也|刚|刚好|正好|满)?[ \t]*(?:[0-9一二三四五六七八九十两]{1,3}[ \t]*(?:岁|周岁|了(?![0-9一二三四五六七八九十]))"
                        r"|(?:[1-9][0-9]|[二三四五六][十](?:[一二三四五六七八九])?)(?=[ \t]*[，,。；;、]))")
#: Before 两天 / 几天: a few days pointed at (前两天 the other day, 这几天 these days, 过两天 in a day or two;
#: 那两天 stays a length: 准备材料那两天…).
_FEW_DAYS_BEFORE = set("前这过")
#: "One <unit>" earlier in a clause: a larger unit a shorter length is counted in (一个礼拜有六天).
_PER_UNIT = re.compile(r"(?<![第前后上下这那同头每])一(?:个)?[ \t]*(年|月|礼拜|星期|周|天|日)(?![前后里内间中])")
_BASE_UNIT = {"年": "Y", "月": "M", "礼拜": "W", "星期": "W", "周": "W", "天": "D", "日": "D"}
_UNIT_RANK = {"Y": 5, "M": 4, "W": 3, "D": 2, "H": 1, "S": 0}
#: After a clause-opening NN年, characters that make NN a count of years (20年来, 20年过去了, 20年如一日);
#: the 民国 years of time.py (105年来) share them.
COUNT_AT_CLAUSE_START = frozenset("了来过的里内间多后前之左半如都也才已还中整光")
#: After a clause-opening NN年: 还/也/都 + a happening tell that year (16年还因为…住了院); + a negation or a
#: judgement they count years (20年都没回家, 10年还算短, 20年也不短了).
_ALSO = set("还也都")
_ALSO_COUNT = set("没不未算是挺很真有就过了能可")
#: Right before NN年 with a part of a year after it: a verb that makes NN a count (干了16年多, 做过20年初级…).
_COUNT_VERB_BEFORE = set("了过干做当待")
#: After 在NN年, characters that make NN a count of years (在10年的时间里, 在10年内).
_COUNT_AFTER_YEARS = set("的里内间中之来后前多半左")
#: After a part-of-year word, characters that make it ordinary prose:
#: 年中国 (… year, China), 年终于 (… year, finally), 年初心; 2016年中专毕业, 98年中五毕业 (a school and
#: Hong Kong's Form 5; not 中一, as in 16年中一直…).
_PROSE_AFTER_PART = {
    "年中": "国华文外央心学层部的间东西南北美日韩欧亚非期端级共方医药资秋午专專學考技二三四五六",
    "年终": "于",
    "年初": "心中一二三恋",
    "年底": "线气牌",
}
#: The same after a part of a month: 十一月中风 (a stroke in November), 9月初中 (junior high).
_PROSE_AFTER_MONTH_PART = {
    "中": _PROSE_AFTER_PART["年中"] + "风",
    "初": _PROSE_AFTER_PART["年初"],
    "底": _PROSE_AFTER_PART["年底"] + "薪",
}
#: After 时 in ``14年时``: 时间, 时光 make it a count of years.
_NOT_WHEN_AFTER_SHI = set("间光长代期薪")


#: After a length in hours or minutes, with 离/距 before it in the clause: a distance told in
#: travel time (离家一个小时车程, 距离公司半小时的路); 十四个小时的航程 is a flight taken.
_DISTANCE_AFTER = re.compile(r"[ \t]*(?:的)?(?:车程|車程|路程|脚程|腳程|步程|路)(?![上边口邊])")
_DISTANCE_BEFORE = re.compile(r"(?:离|離|距|隔)[^，,。；;！？!?\n]*\Z")
#: After a season told alone: what is usual in it, not one season of the story (夏天最难熬，冬天反倒好一些).
_HABITUAL_AFTER = re.compile(r"[ \t]*(?:最|总是|总会|一般|通常|往往|反倒|反而|倒是|比较|都是|都会|都要|都得|就是最)")
#: A season paired with another (夏天和冬天水灰比不一样, 春秋两季): any year's, not one of the story.
_PAIRED_AFTER = re.compile(r"[ \t]*(?:和|跟|与|同|或|、|/)[ \t]*[春夏秋冬]")
_PAIRED_BEFORE = re.compile(r"[春夏秋冬][天季]?[ \t]*(?:和|跟|与|同|或|、|/)[ \t]*\Z")
#: Right after a one-character season following a year: another word (2015年春运, 2020年春晚).
_NOT_SEASON_AFTER = "运運晚"  # 運: the time fold keeps it
#: Right before a season: the whole of it (成个夏天 in Cantonese, 整个夏天).
_WHOLE = re.compile(r"(?:一整个|整整一个|整个|成个|成一个)[ \t]*\Z")
#: Before such a season: a year nobody names (有一年成个夏天).
_SOME_YEAR = re.compile(r"(?:有一年|有年|某一年|某年)[，, \t]*\Z")


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _getter(m: re.Match[str]) -> Callable[[str], str]:
    """``g(name)``: the text of group ``name``, ``""`` when it did not take part or does not exist."""
    groups = m.groupdict()

    def g(name: str) -> str:
        return groups.get(name) or ""

    return g


def _num_value(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return chinese_number(text)


#: After 隔年: a frequency (隔年举办一次, 隔年一届), not "the year after".
_EVERY_OTHER = re.compile(r"[^，,。；;！？!?\n]{0,8}?(?:一次|一回|一届|一屆|一度|轮换|輪換)")


#: After a holiday on a fixed day: the days after it (国庆节后, 元旦过后), not the day itself (read on the
#: simplified text: 國慶後 is folded to 国庆后). 双十一期间 stays the day, as writers mean it.
_AFTER_THE_DAY = ("后", "之后", "以后", "过后")

#: Right after N年: a term, the name of a product (五年期LPR, 30年期的按揭), not 三年期间 or 三年期满.
_TERM = "期(?![间限末中望待盼满内])"
_TERM_RE = re.compile(_TERM)

#: After a length: the age, term or run of a thing (五十年的老房子, 三百年的老茶树, 三年陈的普洱, 五年质保,
#: 五年期LPR, 三十年的房贷), not of a person's standing (十年的老员工, 二十年的老客户 stay lengths), nor after a
#: verb (跟了我六年的老斑马).
_THING_AFTER = re.compile(
    r"[ \t]*(?:以上|左右|多)?[ \t]*(?:的[ \t]*)?(?:老(?!员工|客户|朋友|同事|师傅|邻居|会员|顾客|粉丝|同学|战友|搭档|伙计|工人|领导|"
    r"街坊|乡亲|主顾|熟客|兵|手|板|师|公|婆|家|乡|总|大|爸|妈|伴|人|友|司机|技工|员)|陈(?![述列设])|质保|保修"
    r"|房贷|按揭|车贷|贷款)"
    r"|" + _TERM)
#: Before a length: what it measures is a thing's age, term or run (树龄三百年, 保修期两年, 贷款期限二十年,
#: 续航四十分钟).
_THING_BEFORE = re.compile(r"(?:树龄|房龄|车龄|楼龄|茶龄|酒龄|窑龄|质保|保修|保修期|保质期|质保期|续航|续航时间|贷款期限|"
                           r"贷款年限|按揭年限|按揭|房贷|贷了|贷款)[ \t]*(?:是|为|有|只有|长达|达|能到|可达)?[ \t]*$")

#: Right before a length: a verb done for it (做了, 跟了我): the length is told, whatever follows.
_DONE_FOR = re.compile(r"(?:了|过|咗)(?:我|你|他|她|我们|他们|她们|我们家)?[ \t]*$")


def _of_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the length at ``text[start:end]`` is how old a thing is, its term or its run."""
    if _THING_BEFORE.search(text, max(0, start - 8), start) is not None:
        return True
    done = _DONE_FOR.search(text, max(0, start - 5), start) is not None  # 做了十五年的老代理人, 跟了我六年的老斑马
    return not done and _THING_AFTER.match(text, end) is not None


class _Chinese:
    """The Chinese patterns built from one lexicon."""

    def __init__(self, lexicon: TimeLexicon) -> None:
        lx = lexicon
        self.year_parts = {k: tuple(v) for k, v in lx.table("zh", "year_parts").items()}
        self.holidays = {k: tuple(v) for k, v in lx.table("zh", "holidays").items()}
        self.quarters = {int(k): tuple(v) for k, v in lx.table("zh", "quarters").items()}
        self.seasons = {k: int(v) for k, v in lx.table("zh", "seasons").items()}
        self.month_parts = {k: tuple(v) for k, v in lx.table("zh", "month_parts").items()}
        self.rel_years = {k: int(v) for k, v in lx.table("zh", "relative_years").items()}
        self.ana_years = {k: int(v) for k, v in lx.table("zh", "anaphoric_years").items()}
        self.rel_months = {k: int(v) for k, v in lx.table("zh", "relative_months").items()}
        self.rel_weeks = {k: int(v) for k, v in lx.table("zh", "relative_weeks").items()}
        self.rel_days = {k: int(v) for k, v in lx.table("zh", "relative_days").items()}
        self.deictic = lx.words("zh", "deictic")
        self.units = {k: str(v) for k, v in lx.table("zh", "units").items()}
        counter = lx.table("zh", "counter")
        self.counter_required = set(counter.get("required", []))
        self.counter_allowed = set(counter.get("allowed", []))
        self.not_after_unit = {k: tuple(v) for k, v in lx.table("zh", "not_after_unit").items()}
        self.idioms = lx.words("zh", "idioms")
        cues = lx.table("zh", "cues")
        self.frequency = tuple(cues.get("frequency", []))
        self.indefinite = tuple(cues.get("indefinite", []))
        self.ordinal = tuple(cues.get("ordinal", []))
        self.rate_re = re.compile(
            rf"{S}(?:{_alt(cues.get('rate_fillers', []))}|{S})*"
            rf"(?:{_alt(cues.get('rate_after', []))}|\d+(?:\.\d+)?{S}[kKwW万千元块]"
            r"|[零一二两三四五六七八九十百千]+[万千]?[元块])"
        )
        self.distributive = tuple(cues.get("distributive", []))
        # 一天要发八则新闻, 一个月到手三千多, 一年一个项目: "one day / month" before a count of
        # what is done in it is "per day / month", not a length of time.
        self.per_unit_re = re.compile(
            rf"{S}(?:{_alt(cues.get('rate_fillers', []))}|{S})*(?:(?!了|过)[\u4e00-\u9fff]){{0,2}}?{S}"
            rf"(?:\d+|[{_D}十百千几多]+)[多几来余]?{S}(?:{_alt(cues.get('per_unit_counted', []))})"
        ) if cues.get("per_unit_counted") else None
        self.pointing = frozenset(cues.get("pointing", []))
        self.length_before = tuple(cues.get("length_before", []))
        self.ana_after_zai = frozenset(cues.get("anaphoric_after_zai", []))
        children = _alt(cues.get("child_age_nouns", [])) or "(?!)"
        adverbs = _alt(cues.get("age_adverbs", [])) or "(?!)"
        self.child_re = re.compile(children)
        self.child_age_re = re.compile(
            rf"(?:(?P<child>{children})|(?P<pronoun>[他她它]))[ \t]*(?P<adverb>(?:{adverbs})[ \t]*)*$")
        self.year_subject_after = tuple(cues.get("year_subject_after", []))
        self.year_time_after = tuple(cues.get("year_time_after", []))
        self.clause_start_ana = frozenset(cues.get("anaphoric_clause_start", []))
        self.ana_with_part = frozenset(cues.get("anaphoric_with_part", []))
        day_unit = lx.table("zh", "day_unit")
        self.day_before = tuple(day_unit.get("before", []))
        self.day_after = tuple(day_unit.get("after", []))
        glue = lx.table("zh", "relative_year_glue")
        self.glue_chars = frozenset(str(glue.get("glues", "")))
        self.glue_taken = tuple(str(w) for w in glue.get("taken", []))
        self.whole_year = [str(w) for w in lx.table("zh", "whole_year").get("words", [])]
        standalone = lx.table("zh", "standalone_years")
        self.standalone_years = frozenset(standalone.get("words", []))
        self.standalone_after = frozenset(str(standalone.get("after", "")))
        self.eras = {k: int(v) for k, v in lx.table("zh", "era_years").items()}

        # 年-initial parts share the 年 of a year before them: 2025年底, 去年底.
        shared = {k[1:]: v for k, v in self.year_parts.items() if k.startswith("年")}
        self.part_suffixes = shared
        season_forms = {}
        for ch, code in self.seasons.items():
            season_forms[ch] = code
            if len(ch) > 1:
                continue  # 暑假: a word of its own (no 暑假天, 入暑假)
            season_forms[ch + "天"] = code
            season_forms[ch + "季"] = code
            season_forms["入" + ch] = code  # 入冬: as the winter began
        season_forms["开春"] = self.seasons.get("春", 21)  # 次年开春: early in that spring
        self.season_forms = season_forms
        self.lone_seasons = {k: v for k, v in season_forms.items() if len(k) > 1}
        years = {**self.rel_years, **self.ana_years}
        deictic_years = [w for w in self.deictic if w.endswith("年")]
        tail = (
            rf"(?:(?:{S}的)?{S}(?P<mon>{_MONTH}){S}月(?P<fen>份)?"  # 2023年的三月, 民國一一三年的六月二號
            rf"(?:{S}(?P<day>{_DAY}){S}[日号])?(?:{S}(?P<mpart>{_alt(self.month_parts)}))?"
            rf"|(?P<ypart>{_alt(shared)})"
            rf"|{S}(?P<ypart2>{_alt(self.year_parts)})"
            rf"|{S}(?P<hq>[“\"「『])?(?P<holiday>{_alt(self.holidays)})(?(hq)[”\"」』])"
            rf"|{S}(?:第{S})?(?P<qcn>[一二三四1-4]){S}季度"
            rf"|{S}(?P<qq>Q[1-4])(?![0-9A-Za-z])"
            rf"|{S}(?P<season>{_alt(season_forms)})(?![{_NOT_SEASON_AFTER}])"
            rf"|{S}的{S}(?P<season_de>{_alt(self.lone_seasons)})"
            rf"|{S}(?P<whole>{_alt(self.whole_year)})"  # 去年一整年, 2022年全年: the year itself
            r")?"
        )
        # Each pattern starts with one character class or literal words, so
        # the regex engine can skip ahead to candidates quickly.
        year_heads = [
            rf"(?P<yd>\d\d(?:\d\d)?){S}年(?P<du>度)?",
            rf"(?P<ycn>[零一二三四五六七八九][零一二三四五六七八九](?:[零一二三四五六七八九]{{2}})?){S}年(?P<du>度)?",
            rf"(?P<rel>{_alt(years)})",
        ]
        if deictic_years:
            year_heads.append(rf"(?P<dei>{_alt(deictic_years)})")
        if self.eras:
            # 民国109年, 民國一百零九年, 民国元年: a year of an era (the year 1 of 民国 is 1912).
            year_heads.append(
                rf"(?P<era>{_alt(self.eras)}){S}(?P<eran>\d{{1,3}}|[零一二三四五六七八九十百]{{1,5}}|元){S}年(?P<du>度)?"
            )
            # 109年3月: three digits before 年 and a month are a 民国 year written without the era
            # (a count of 109 years is never followed by a month); 109年 alone stays a count.
            year_heads.append(rf"(?P<eramon>\d{{3}})(?={S}年{S}{_MONTH}{S}月){S}年")
        self.year_res = [re.compile(head + tail) for head in year_heads]
        self.month_re = re.compile(
            rf"(?P<mon>[0-9十一二三四五六七八九][0-9一二]?){S}月(?P<fen>份)?(?:{S}(?P<day>{_DAY}){S}[日号])?"
            rf"(?:{S}(?P<mpart>{_alt(self.month_parts)}))?"
        )
        units_alt = _alt(self.units)
        counted = _alt(self.counter_allowed)
        self.unit_re = (
            rf"(?:个{S}(?P<cpart>[多半]{S})?(?P<cunit>{counted})|(?P<unit>{units_alt}))"
        )
        self.duration_re = re.compile(
            rf"(?P<num>[0-9{_D}十百千几数好若半][0-9.{_D}十百千几数干]*)(?P<more>{S}[多余来])?{S}{self.unit_re}"
            rf"(?P<tail>半|多(?!少))?(?:{S}(?P<dir>以前|之前|以后|之后|前|后))?"
        )
        self.range_dur_re = re.compile(
            rf"(?P<n1>[0-9{_D}十][0-9{_D}十]*){S}(?:-|~|–|—|到|至){S}(?P<n2>\d+|[{_D}十]+){S}(?:个{S})?(?P<unit>{units_alt})"
        )
        self.part_res = [
            re.compile(rf"(?P<ypart>{_alt(self.year_parts)})"),
            re.compile(rf"(?P<qhead>[第一二三四1-4]){S}(?P<qnum>[一二三四1-4])?{S}季度"),
            re.compile(rf"(?P<qq>Q[1-4])(?![0-9A-Za-z])(?:{S}(?P<qy>(?:19|20)\d\d)(?!\d))?"),
            re.compile(rf"(?P<season>{_alt(self.lone_seasons)})"),
        ]
        rel_words = {**self.rel_months, **self.rel_weeks, **self.rel_days}
        self.rel_re = re.compile(rf"(?P<w>{_alt(list(rel_words) + self.deictic)})")
        self.idiom_re = re.compile(_alt(self.idioms)) if self.idioms else None
        self.bare_year_re = re.compile(r"[一二][零九][零一二三四五六七八九]{2}")
        self.decade_re = re.compile(rf"(?P<d>[0-9{_D}][0-9十零]{{0,3}}){S}年代")

    # --- handlers -----------------------------------------------------------

    def _year_tail(self, m: re.Match[str], atom: Atom, text: str) -> Atom | None:
        g = _getter(m)
        if g("mon"):
            month = _num_value(g("mon"))
            if month is None or not 1 <= month <= 12:
                return None
            atom.month = month
            if g("day"):
                day = _num_value(g("day"))
                if day is None or not 1 <= day <= 31:
                    return None
                atom.day = day
            elif g("mpart"):
                if _month_part_is_prose(g("mpart"), text, m.end()):
                    atom.end = _trim(text, atom.start, m.start("mpart"))
                else:
                    atom.days = self.month_parts[g("mpart")]
        elif g("ypart") or g("ypart2"):
            word = g("ypart") or g("ypart2")
            key = word if g("ypart2") else "年" + word
            if self._part_is_prose(key, text, m.end()):
                atom.end = m.start("ypart" if g("ypart") else "ypart2")
                while atom.end > atom.start and text[atom.end - 1] in " \t":
                    atom.end -= 1
                return atom
            atom.months = self.year_parts[key]
        elif g("holiday"):
            months = self.holidays[g("holiday")]
            if len(months) == 3 and text.startswith(_AFTER_THE_DAY, m.end()):
                atom.months = (months[0], months[1])  # 国庆节后: the days after it, its month
            elif len(months) == 3:
                atom.month, atom.day = months[0], months[2]  # 国庆 = [10, 10, 1]: the day itself
            else:
                atom.months = (months[0], months[1])
        elif g("qcn") or g("qq"):
            q = _num_value(g("qcn")) if g("qcn") else int(g("qq")[1])
            if q not in self.quarters:
                return None
            atom.months = self.quarters[q]
        elif g("season"):
            atom.season = self.season_forms[g("season")]
        elif g("season_de"):
            atom.season = self.lone_seasons[g("season_de")]  # 2019年的夏天, 去年的冬天
        return atom

    def _era_year(self, m: re.Match[str], atom: Atom, text: str, before: str) -> Atom | None:
        """民国109年, 民國一百零九年三月, 民国元年; 109年3月 (a 民国 year without the era named)."""
        g = _getter(m)
        if before.isdigit():
            return None
        if g("eramon"):
            number: int | None = int(g("eramon"))
            offset = self.eras.get("民国", 1911)
        else:
            written = g("eran")
            number = 1 if written == "元" else (
                int(written) if written.isdigit() else chinese_number(written) or digit_sequence(written))
            offset = self.eras[g("era")]
        if number is None or not 1 <= number <= 199:
            return None
        atom.year = offset + number
        atom.rule = "zh-era-year"
        return self._year_tail(m, atom, text)

    @staticmethod
    def _part_is_prose(word: str, text: str, end: int) -> bool:
        """``2025年中国``, ``去年终于``: a year, then a word that is not a part of it."""
        nxt = text[end : end + 1]
        return bool(nxt) and nxt in _PROSE_AFTER_PART.get(word, "")  # "" is in every string

    def year(self, m: re.Match[str], text: str) -> Atom | None:
        start = m.start()
        g = _getter(m)
        before = prev_char(text, start)
        atom = Atom(start, m.end(), "zh-year")
        has_tail = any(g(k) for k in ("mon", "ypart", "ypart2", "holiday", "qcn", "qq", "season", "season_de"))
        if g("era") or g("eramon"):
            return self._era_year(m, atom, text, before)
        if g("yd") and len(g("yd") or "") == 4:
            if before.isdigit() or not 1800 <= int(g("yd") or 0) <= 2099:
                return None
            atom.year = int(g("yd") or 0)
        elif g("ycn") and len(g("ycn")) == 4:
            if before in _CN_DIGITS:
                return None
            value = digit_sequence(g("ycn"))
            if value is None or not 1800 <= value <= 2099:
                return None
            atom.year = value
        elif g("ycn"):
            digits = g("ycn") or ""
            if before in _CN_DIGITS or (digits in _VAGUE_YEAR_PAIRS and not has_tail):
                return None  # 三五年: three or five years
            atom.two_digit = digit_sequence(digits)
        elif g("yd"):
            arrived = text[max(0, start - 2) : start] == "到了"  # 到了19年下半年: the story reached a year
            if (g("yd") or "").startswith("0") and not before.isdigit():
                atom.two_digit = int(g("yd") or 0)  # 小弟09年毕业: nobody counts years with a leading 0
                return self._year_tail(m, atom, text)
            if before.isdigit() or (is_han(before) and before not in _YEAR_LEAD
                                    and not (has_tail and (before not in _COUNT_VERB_BEFORE or arrived))):
                return None  # 工作了16年: a count of years (然后22年底, 所以19年夏天: a year)
            if not has_tail and not self._two_digit_is_year(text, before, m.end()):
                return None  # 10年了, 14年之久, 在10年的时间里: a count of years
            atom.two_digit = int(g("yd") or 0)
        elif g("rel"):
            word = g("rel") or ""
            if text[m.end() : m.end() + 1] in set("龄级纪轻华会代") or (
                word == "同年" and before in set("不相共")
            ):
                return None
            event = self._year_of_event(word, text, start)
            if event is not None:
                atom.ana_year, atom.of_event, atom.rule = 0, event, "zh-year-of-event"
                return self._year_tail(m, atom, text)  # 毕业那年(年底): the year of 毕业, if told
            if word in self.clause_start_ana and not self._anaphor_stands(word, text, start, has_tail):
                atom.kind = "none"  # 离开中环那一年, 第一年…第二年: not "that/the next year"
                atom.rule = "zh-deictic"
                return atom
            if word in self.standalone_years and "\u4e00" <= before <= "\u9fff" and before not in self.standalone_after:
                return None  # 马上年底, 加上年终奖: 上 belongs to the word before
            if word in self.rel_years:
                if word in ("前年", "后年") and before in self.glue_chars and not text.endswith(self.glue_taken, 0, start):
                    return None  # 以前年轻时, 之后年底: 以前, 之后 and then 年; not 所以前年, 项目前年
                atom.rel_year = self.rel_years[word]
            else:
                if word == "隔年" and _EVERY_OTHER.match(text, m.end()):
                    return None  # 隔年举办一次: every other year, not the next one
                atom.ana_year = self.ana_years[word]
            if not has_tail and _AGE_AFTER.match(text, m.end()):
                atom.kind = "none"  # 女儿今年四岁, 我今年35了, 那年27，: an age told, not a time of the story
                atom.rule = "zh-age-year"
                return atom
            atom.rule = "zh-relative-year"
        elif g("dei"):
            if has_tail and g("dei") in self.ana_with_part:
                atom.ana_year = 0  # 当年九月, 当年秋天: that year's
                atom.rule = "zh-relative-year"
            elif not has_tail and g("dei") in self.ana_after_zai and before == "在":
                atom.ana_year = 0  # 也是在这一年, 就在这一年: the year just told (unresolved without one)
                atom.rule = "zh-relative-year"
            else:
                atom.kind = "none"
                atom.rule = "zh-deictic"
        return self._year_tail(m, atom, text)

    def _two_digit_is_year(self, text: str, before: str, end: int) -> bool:
        """``NN年`` with nothing after it: a year (2014), or a count of years?

        A year after 在/从/到 … (在19年), before a range (14年到16年), before
        的时候/那年/时 (14年的时候), or at the start of a clause before a
        subject or a happening (14年我毕业, 14年毕业). A count after a verb
        (干了14年) or before 了/之久/多/的时间 … (14年了, 在10年的时间里).
        """
        rest = text[end : end + 6].lstrip(" \t")
        if _TERM_RE.match(rest):
            return False  # 30年期的按揭: a term, not the year 2030
        if rest.startswith(self.year_time_after) and not (rest.startswith("时") and rest[1:2] in _NOT_WHEN_AFTER_SHI):
            return True
        if rest[:1] in _COUNT_AFTER_YEARS:
            return False
        if before in _YEAR_LEAD or self._two_digit_range(text, end):
            return True
        at_clause_start = not before or not (is_han(before) or before.isalnum())
        if not at_clause_start:
            return False
        if rest.startswith(self.year_subject_after):
            return True
        if rest[:1] in _ALSO and is_han(rest[1:2]) and rest[1:2] not in _ALSO_COUNT:
            return True  # ，16年还因为胃出血住了院: what also happened that year (not 20年都没回家)
        # 20年疫情那阵子, 22年考绩拿了甲等: a clause that goes on to tell what happened that year
        return is_han(rest[:1]) and rest[:1] not in COUNT_AT_CLAUSE_START

    def _year_of_event(self, word: str, text: str, start: int) -> str | None:
        """毕 业 of 毕业那年 / 毕业的那一年: the happening whose year 那年 names (None for a bare 那年)."""
        if not word.startswith("那"):
            return None
        i = start
        if prev_char(text, i) == "的":
            i -= 1
        head = text[max(0, i - 2) : i]
        if len(head) < 2 or not all(is_han(ch) for ch in head) or head[-1] in _YEAR_LEAD or head[-1] in _CN_DIGITS:
            return None
        if any(ch in "这那是在也就都还" for ch in head):
            return None
        return head

    def _anaphor_stands(self, word: str, text: str, start: int, has_tail: bool) -> bool:
        """那年, 那一年, 第二年 as "that year" / "the next year" (not 离开中环那一年, 第一年…第二年)."""
        before = prev_char(text, start, skip_space=True)
        if word.startswith("第"):
            window = text[max(0, start - 200) : start]
            if "第一年" in window or "头一年" in window:
                return False  # an ordinal: 第一年收入减半，第二年持平
        if before == "的" or before in _CN_DIGITS:
            return False
        if not before or not (is_han(before) or before.isalnum()):
            return True
        if before in _CLAUSE_CONJ and text[start - 2 : start - 1] in _CLAUSE_OPEN:
            return True  # ，但第二年春天: a conjunction opens the clause
        if word.startswith("第"):
            return before in _YEAR_LEAD and before != "是"  # 已经是第二年: an ordinal
        return has_tail or before in _YEAR_LEAD

    def _two_digit_range(self, text: str, end: int) -> bool:
        rest = text[end : end + 8].lstrip(" \t")
        return bool(rest) and rest[0] in _RANGE_CHARS and bool(
            re.match(rf"[~〜–—\-到至]{S}\d\d{S}年", rest)
        )

    def month(self, m: re.Match[str], text: str) -> Atom | None:
        start = m.start()
        before = prev_char(text, start)
        if before.isdigit() or before in _CN_DIGITS or before in set("个几每半数多第这那上下本当隔整满.年"):
            return None
        after = text[m.end() : m.end() + 1]
        if m.group("fen") is None and m.group("day") is None and after in set("薪亮饼球嫂票息光"):
            return None
        if not _MONTH_FULL.fullmatch(m.group("mon")):
            return None
        month = _num_value(m.group("mon"))
        if month is None or not 1 <= month <= 12:
            return None
        atom = Atom(start, m.end(), "zh-month", month=month)
        if m.group("day"):
            day = _num_value(m.group("day"))
            if day is None or not 1 <= day <= 31:
                return None
            atom.day = day
        elif m.group("mpart"):
            if _month_part_is_prose(m.group("mpart"), text, m.end()):
                atom.end = _trim(text, atom.start, m.start("mpart"))
            else:
                atom.days = self.month_parts[m.group("mpart")]
        return atom

    def part(self, m: re.Match[str], text: str) -> Atom | None:
        start = m.start()
        g = _getter(m)
        before = prev_char(text, start)
        atom = Atom(start, m.end(), "zh-year-part")
        if g("ypart"):
            word = g("ypart") or ""
            if word.startswith("年") and (
                before.isdigit() or before in _CN_DIGITS or before in set("这那每几数多余来半全整同次今去明前后本当一")
            ):
                return None
            if self._part_is_prose(word, text, m.end()):
                return None
            atom.months = self.year_parts[word]
        elif g("qhead"):
            head, number = g("qhead") or "", g("qnum")
            if (head == "第") == (not number) or before in set("每上下本这那个第"):
                return None
            q = _num_value(number or head)
            if q not in self.quarters:
                return None
            atom.months = self.quarters[q]
        elif g("qq"):
            if before.isascii() and before.isalnum():
                return None
            rest = text[m.end() : m.end() + 3].lstrip(" \t")
            if rest[:1] in (":", "：") and not g("qy"):
                return None  # Q1: a question's label
            atom.months = self.quarters[int((g("qq") or "Q0")[1])]
            if g("qy"):
                atom.year = int(g("qy") or 0)
        elif g("season"):
            whole = _WHOLE.search(text, max(0, m.start() - 4), m.start())
            if is_han(before) and before not in set("在从到于至") and whole is None:
                return None
            if text[m.end() : m.end() + 1] in set("的般"):
                return None
            if whole is not None:
                atom.start = whole.start()  # 成个夏天, 整个夏天: the whole summer
                if _SOME_YEAR.search(text, max(0, atom.start - 6), atom.start):
                    atom.kind = "none"  # 有一年成个夏天: a summer of some year
                    atom.rule = "zh-indefinite"
                    return atom
            atom.season = self.lone_seasons[g("season") or ""]
            if whole is None and (_HABITUAL_AFTER.match(text, m.end()) or _PAIRED_AFTER.match(text, m.end())
                                  or _PAIRED_BEFORE.search(text, max(0, m.start() - 6), m.start())):
                atom.kind = "none"  # 夏天最难熬: every summer, no season of the story
                atom.rule = "zh-habitual"
        return atom

    def relative(self, m: re.Match[str], text: str) -> Atom | None:
        word = m.group("w")
        start = m.start()
        before = prev_char(text, start)
        after = text[m.end() : m.end() + 1]
        atom = Atom(start, m.end(), "zh-relative")
        if word in self.rel_months:
            atom.shift = ("M", self.rel_months[word])
        elif word in self.rel_weeks:
            if before == "一" or after in set("报刊边围期岁年"):
                return None
            atom.shift = ("W", self.rel_weeks[word])
        elif word in self.rel_days:
            if before in set("之以提"):
                return None
            atom.shift = ("D", self.rel_days[word])
        else:
            atom.kind = "none"
            atom.rule = "zh-deictic"
        return atom

    def duration(self, m: re.Match[str], text: str) -> Atom | None:
        g = m.group
        start, end = m.span()
        num = g("num")
        joined = num.startswith("零") and len(num) > 1 and text[max(0, start - 1) : start] in ("年", "月", "天", "周")
        if joined:
            num, start = num[1:], start + 1  # 三年零八个月: 零 joins two lengths
        if not _NUM_FULL.fullmatch(num):
            return None
        before = "" if joined else prev_char(text, start)
        if before.isdigit() or before == "." or (num[0] in _CN_DIGITS and before in _CN_DIGITS):
            return None
        unit_word = g("cunit") or g("unit")
        if g("unit") in self.counter_required:
            return None  # 三月 is March, not three months
        designator = self.units[unit_word]
        blocked = self.not_after_unit.get(unit_word, ())
        unit_end = m.end("cunit") if g("cunit") else m.end("unit")
        after_unit = text[unit_end : unit_end + 4]
        if any(after_unit.startswith(w) for w in blocked):
            return None
        if unit_word == "日" and not self._counts_days(num, text, start, unit_end):
            return None  # 5日: a day of the month
        head = text[max(0, start - 2) : start]
        if any(head.endswith(w) for w in self.frequency):
            return None  # 每两周: a frequency
        if any(head.endswith(w) for w in self.ordinal):
            return None  # 第三年: an ordinal
        if head.endswith(("同", "同樣", "同样")) and num in ("一", "1"):
            return None  # 同一个月, 同一年: the time just told, not a length
        if num.isdigit() and designator == "Y" and len(num) == 4 and 1800 <= int(num) <= 2099:
            return None  # 2025年 is a year
        if num[0] in _D and len(num) > 1 and not any(c in num for c in "十百千几数") and not is_vague(num):
            return None  # 二零二五年, 一四年: years
        direction = g("dir")
        if direction:
            after_dir = text[end : end + 2]
            if after_dir[:1] in set("端台辈任夫妻司悔") or after_dir in ("东家", "女友", "男友"):
                end = m.start("dir")
                while end > start and text[end - 1] in " \t":
                    end -= 1
                direction = None
        amount = quantity(num)
        vague = amount is None
        if g("cpart") and g("cpart").strip() == "半" and amount is not None:
            amount += 0.5
        if g("tail") == "半" and amount is not None:
            amount += 0.5
        atom = Atom(start, end, "zh-duration", kind="duration")
        if vague:
            atom.kind = "none"
            atom.rule = "zh-vague"
            return atom
        assert amount is not None
        if head.endswith(self.indefinite) and amount == 1 and not direction:
            atom.kind = "none"
            atom.rule = "zh-indefinite"  # 有一天, 某一年
            return atom
        if direction in ("以前", "之前", "前"):
            if amount != int(amount) and designator != "Y":
                atom.kind = "none"
                return atom
            if designator == "Y" and amount != int(amount):
                atom.shift = ("M", -int(amount * 12))
            else:
                key = {"TH": "H", "TM": "H", "TS": "H"}.get(designator, designator)
                if key == "H":
                    atom.kind = "none"
                    return atom
                atom.shift = (key, -int(amount))
            atom.kind = "date"
            atom.rule = "zh-ago"
            return atom
        if num in ("两", "几") and designator == "D" and prev_char(text, start) in _FEW_DAYS_BEFORE:
            atom.kind = "none"
            atom.rule = "zh-deictic"  # 前两天, 这几天, 过两天: a few days pointed at, not a length
            return atom
        if num == "一" and prev_char(text, start) in self.pointing:
            atom.kind = "none"
            atom.rule = "zh-deictic"  # 下一秒, 这一天
            return atom
        if designator in ("M", "W", "D") and self._child_age(text, start, unit_end):
            atom.kind = "none"
            atom.rule = "zh-age"  # 宝宝已经五个多月了, 两个月大的小猫: an age, not a time told
            return atom
        if _of_a_thing(text, start, end):
            atom.kind = "none"
            atom.rule = "zh-of-a-thing"  # 五十年的老房子, 五年期LPR, 续航四十分钟: a thing's age, term or run
            return atom
        if len(num) > 2 and num[-1] == "一" and num[-2] in "百千万":
            atom.kind = "none"
            atom.rule = "zh-rate"  # 三千一个月, 两百一天: an amount, then "a month" (not 3001 months)
            return atom
        qualified = text[max(0, start - 4) : start].rstrip(" \t").endswith(self.length_before)
        per_unit = (num == "一" and not g("cpart") and not g("tail") and self.per_unit_re is not None
                    and text[max(0, start - 1) : start] not in ("了", "过") and self.per_unit_re.match(text, end))
        if self.rate_re.match(text, end) or per_unit or (not qualified and (
                self._distributive(text, start, designator))):
            atom.kind = "none"
            atom.rule = "zh-rate"  # 一年也能挣…, 每人节省1小时: a rate, not a length
            return atom
        if (designator.startswith("T") and _DISTANCE_AFTER.match(text, end)
                and _DISTANCE_BEFORE.search(text, max(0, start - 12), start)):
            atom.kind = "none"
            atom.rule = "zh-distance"  # 离家一个小时车程: how far, not a time told
            return atom
        atom.parts = ((amount, designator),)
        atom.duration = iso_duration(list(atom.parts))
        if atom.duration is None:
            atom.kind = "none"
        return atom

    def _child_age(self, text: str, start: int, unit_end: int) -> bool:
        """Whether the length ending at ``unit_end`` tells a child's age (儿子已经五个多月了, 三个月大)."""
        after = text[unit_end : unit_end + 3].lstrip("多 \t")
        if after[:1] == "大" and after[1:2] not in _NOT_AGE_AFTER_DA:
            return True
        said = self.child_age_re.search(text, max(0, start - 12), start)
        if said is None:
            return False
        if not _AGE_ENDS.match(text, unit_end):
            return False  # 他已经三个月没回家了: the length of something else
        if not said.group("adverb") and (not said.group("child") or not _OWNER_BEFORE.search(
                text, max(0, said.start() - 3), said.start())):
            return False  # 陪了孩子三个月: a length spent with a child (but: 我儿子三个月的时候)
        if said.group("pronoun"):
            return self.child_re.search(text, max(0, start - 40), said.start()) is not None
        return True

    def _counts_days(self, num: str, text: str, start: int, unit_end: int) -> bool:
        """Whether ``N日`` counts days (请了三日假, 两日, 几日) rather than naming one."""
        if num in ("两", "半") or is_vague(num):
            return True
        head = text[max(0, start - 4) : start].rstrip(" \t")
        return head.endswith(self.day_before) or text[unit_end : unit_end + 4].startswith(self.day_after)

    def _distributive(self, text: str, start: int, designator: str = "") -> bool:
        """每 earlier in the same clause (每人节省 1 小时, 每天工作八小时), or one of a
        larger unit (一个礼拜有六天, 一个月跑二十六天, 一天开十四个小时): a rate."""
        window = text[max(0, start - 20) : start]
        for stop in "，。！？；,.!?;:：\n、":
            cut = window.rfind(stop)
            if cut >= 0:
                window = window[cut + 1 :]
        if any(w in window for w in self.distributive):
            return True
        rank = _UNIT_RANK.get(designator[-1:] if designator.startswith("T") else designator)
        base = _PER_UNIT.search(window)
        return rank is not None and base is not None and _UNIT_RANK[_BASE_UNIT[base.group(1)]] > rank

    def range_duration(self, m: re.Match[str], text: str) -> Atom | None:
        before = prev_char(text, m.start())
        if before.isdigit() or before in _CN_DIGITS:
            return None
        if m.group("unit") in self.counter_required and "个" not in m.group(0):
            return None
        for n in (m.group("n1"), m.group("n2")):
            if n.isdigit() and len(n) == 4:
                return None  # 2014-2016年: years
        return Atom(m.start(), m.end(), "zh-duration-range", kind="none")

    def idiom(self, m: re.Match[str], text: str) -> Atom | None:
        return Atom(m.start(), m.end(), "zh-idiom", kind="block")

    def bare_year(self, m: re.Match[str], text: str) -> Atom | None:
        word = m.group(0)
        start, end = m.span()
        before, after = prev_char(text, start), text[end : end + 1]
        if before in _CN_DIGITS or after in _CN_DIGITS or after in set("个岁万亿元块"):
            return None
        value = digit_sequence(word)
        if value is None:
            return None
        return Atom(start, end, "zh-bare-year", year=value)

    def decade(self, m: re.Match[str], text: str) -> Atom | None:
        d = m.group("d")
        if not _DECADE_FULL.fullmatch(d):
            return None
        before = prev_char(text, m.start())
        if before.isdigit() or before in _CN_DIGITS:
            return None
        atom = Atom(m.start(), m.end(), "zh-decade")
        part = _DECADE_PART_ZH.match(text, m.end())
        if part is not None:
            atom.end = part.end()
            atom.decade_part = DECADE_PARTS[part.group("part")[0]]  # 九十年代初, 八十年代末期
        if d.isdigit():
            if len(d) == 4:
                atom.decade = d[:3] + "X"
            else:
                atom.two_digit_decade = int(d)
            return atom
        value = chinese_number(d) if "十" in d else digit_sequence(d)
        if value is None:
            return None
        atom.two_digit_decade = value
        return atom

    def patterns(self) -> list[Pattern]:
        out: list[Pattern] = [(regex, self.year) for regex in self.year_res]
        out += [(regex, self.part) for regex in self.part_res]
        out += [
            (self.month_re, self.month),
            (self.rel_re, self.relative),
            (self.duration_re, self.duration),
            (self.range_dur_re, self.range_duration),
            (self.bare_year_re, self.bare_year),
            (self.decade_re, self.decade),
        ]
        if self.idiom_re is not None:
            out.append((self.idiom_re, self.idiom))
        return out


#: After a child's age: the clause ends, or "when" follows (孩子三个月的时候).
_AGE_ENDS = re.compile(r"多?[ \t]*(?:了?[ \t]*(?:[，。！？、,.!?；;…\n]|$)|的时候|时)")

#: Before a child named without an adverb after it: whose child, or a clause start (not a verb's object).
_OWNER_BEFORE = re.compile(r"(?:我|我家|家|的|他|她|你|^|[，。！？、,.!?；;\n])[ \t]*$")

#: After N个月大: words that make 大 not "old" (三个月大概, 三个月大家, 三个月大学).
_NOT_AGE_AFTER_DA = frozenset("概约家学部多半体型量")


def _trim(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces (never before ``start``)."""
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return end


def _month_part_is_prose(part: str, text: str, end: int) -> bool:
    """``十一月中风``: a month, then a word that is not a part of it."""
    nxt = text[end : end + 1]
    return bool(nxt) and nxt in _PROSE_AFTER_MONTH_PART.get(part, "")  # at the end of the text: a part


def chinese_patterns(lexicon: TimeLexicon) -> list[Pattern]:
    """The Chinese patterns, built from ``lexicon``."""
    return _Chinese(lexicon).patterns()
