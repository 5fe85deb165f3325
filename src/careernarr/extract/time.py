"""Built-in ``time_expressions`` extractor: dates, parts of years, relative times, durations.

Values are EDTF (points, intervals, seasons ``Y-21``…``Y-24``, approximations
``2025~``, decades ``199X``, open ranges ``2019/..``) and ISO 8601 durations
(``P3M``, ``PT72H``). Conventions (``Y`` is the year in context):

- 年初 / early Y ``Y-01/Y-03``; 年中 / mid Y ``Y-05/Y-08``; 年底, 年末, 年终,
  岁末 / late Y, the end of Y ``Y-10/Y-12``; 上半年 ``Y-01/Y-06``, 下半年
  ``Y-07/Y-12``; Q1…Q4, 第一季度… three months each; seasons are EDTF
  seasons; 月初, 月底, 上旬, 中旬, 下旬 the month itself.
- 去年, 今年, 明年, 前年, 两年前, last year, two years ago count from the
  *reference year* (:func:`reference_year`); 上个月, 上周, 昨天 from the
  reference date, when it has that precision. Without one they keep value
  ``None``: never guessed. ``resolved`` is true when a value was computed.
- A bare month or part of a year (``8月``, ``年底``, ``in March``) takes the
  closest preceding year in its paragraph, else the year in its section's
  heading, else the reference year. 同年 / 次年 / the following year count
  from that same year in context.
- ``14年底到16年中`` is ``2014-10/2016-08``: a range runs from the start of
  its first end to the end of its last. Two-digit years take the century
  that puts them at most ten years after the reference year (without one:
  00-49 → 20xx).
- ``三个月`` ``P3M``; ``一年半`` ``P1Y6M``; ``三个多月``, ``2 周左右`` keep the
  stated amount; vague amounts (几个月, 三五年, 两三天, a few years) and
  ranges of amounts (3-5年) have no duration. ``N年后`` / ``two years
  later`` are durations (counted from a happening, not from the reference);
  ``N年前`` / ``ago`` are dates.
- Not times: ages (三岁, 30 years old), money, counts, percentages, floors
  (#3), versions (v2.0, PyCharm 2024.1), areas, frequencies (每两周, every
  two weeks), rates of pay (一年也能挣…), ordinals (第三年), set phrases
  (一天到晚), clock readings (4:28).

The patterns live in :mod:`.time_zh`, :mod:`.time_en` and
:mod:`.time_atoms`; the words in ``lexicons/time/{zh,en}.toml``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..model import Narrative, TimeExpr
from .context import ExtractionContext
from .time_atoms import Atom, S, numeric_patterns, scan
from .time_en import english_patterns
from .time_lexicon import TimeLexicon, builtin_time_lexicon, time_lexicon
from .time_numerals import chinese_number, digit_sequence
from .time_reference import about_year_at, reference_year, written_date
from .time_values import Date, When, days_of, iso_duration, month_shift, parse_reference
from .time_zh import COUNT_AT_CLAUSE_START, chinese_patterns

__all__ = ["SKIP_ROLES", "TimeExtractor", "TimeFinder", "extract_times", "find_times", "reference_year"]

#: Section roles whose text is not read for times (metadata lines, diagrams, code, keyword lists).
SKIP_ROLES = frozenset({"header", "diagram", "code", "keywords", "frontmatter", "metadata"})

#: 预约, 合约, 签约 …: 约 that does not mean "about".
_NOT_ABOUT = frozenset("预节合签相制邀婚公条和契")
_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")
_COMPOUND_GAP = re.compile(r"[ \t]*(?:零|又|and|,)?[ \t]*\Z", re.IGNORECASE)
#: Stretches of Latin letters and digits where English expressions can be.
_LATIN_RUN = re.compile(r"[A-Za-z0-9'‘’][A-Za-z0-9 \t\n,.;:!?'‘’\"“”()\[\]*_#\-–—~/$&%+=]*")
_LETTER = re.compile(r"[A-Za-z]")
#: Every English expression holds one of these (a month, a unit, a season, a relative day).
_EN_GATE = re.compile(
    r"[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]u[nl]|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|[Yy]e?a?r|[Mm]onth|[Ww]eek"
    r"|[Dd]ay|[Hh]ou?r|[Mm]in|[Ss]ec|[Dd]ecade|[Ff]ortnight|[Yy]esterday|[Tt]omorrow|[Qq]uarter|[Ss]pring"
    r"|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter|\ds\b|YEAR|MONTH|DAY|WEEK"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")
#: A heading that is a year, or a year and a part of it: ``## 2019``, ``## 2021年``, ``### 2022 Q3``.
_HEADING_YEAR = re.compile(r"[ \t#*_=>]*(?:year[ \t]+)?(?P<y>(?:19|20)\d\d)(?![\d.,/\-]|:\d)", re.IGNORECASE)
#: The end of an offset counted from a happening: 两年后, 兩年後, two years later.
_LATER = re.compile(r"(?:后|later)\Z", re.IGNORECASE)
#: The most weeks or days "later" that still fall in the month (or season, year) just told: a week
#: later, 三天后. Counted from a day when one was told.
_NEAR_LATER = {"W": 3, "D": 20}
_LATER_AFTER = re.compile(r"[ \t]*(?:之后|以后)")
#: Before a bare month, in the same sentence: the story moves forward (then, after, 之后, 后来, 接着).
_FORWARD = re.compile(
    r"(?:之后|以后|后来|接着|接著|随后|隨后|然后|转眼|过了|到了|then|after|afterwards|the following|later|next|by)"
    r"[^。！？!?\n]{0,24}\Z",
    re.IGNORECASE,
)
# 年终是四个月, 年终只拿了两个月: 年终 (the year-end bonus) followed by an amount.
_PAY_AMOUNT = re.compile(r"[ \t]*(?:只|就|才|也|都)?(?:是|有|拿了|拿到|领了|发了|发|给了)[ \t]*[0-9零一二两三四五六七八九十半几]")
#: After 年终: other pay it is listed with (年终和股票, 年终、分红): the bonus, not a time of year.
_PAY_COMPANY = re.compile(r"[ \t]*(?:和|跟|与|及|、|加)[ \t]*(?:股票|期权|分红|奖金|红包|年薪|薪水|工资|调薪)")
#: Right before a bare month: when something told takes effect, the next such month
#: (a promotion in November, effective January: the January after).
_EFFECTIVE = re.compile(r"(?:effective|starting|as of|起生效|生效于)[ \t]*(?:from[ \t]+|in[ \t]+)?\Z", re.IGNORECASE)
#: 那个 / 这个 before a season: the year told (那年) or this one (今年), two characters for two.
_SEASON_OF = re.compile(r"(那|这)个(?=(?:春|夏|秋|冬)(?:天|季)|暑假|寒假)")
_SEASON_YEAR = {"那": "那年", "这": "今年"}
#: A 民国 year written anywhere in the document: its bare 108年, 110年 are 民国 years too.
_ERA_NAMED = re.compile(r"民国[ \t]*(?:\d{2,3}|[零一二三四五六七八九十百]{1,5}|元)[ \t]*年")
_ERA_COUNT = re.compile(r"(?P<n>1[0-2]\d)[ \t]*年(?![ \t]*(?:多|来|以上|左右|的时间|之久|的历史|历史|间|内|后|以后|之后|前|以前|之前))")
#: Right before a year: (ever) since (the summer of).
_SINCE_BEFORE = re.compile(r"(?<![A-Za-z])(?:ever[ \t]+)?since[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+of[ \t]+)?\Z", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.[ \t]")
#: A season right after "N年后": 三年后的夏天 is that summer, not just that year.
_SEASON_AFTER = re.compile(r"[ \t]*的?[ \t]*(?P<s>[春夏秋冬])(?:天|季)")
_ANY_END = re.compile(r"[。！？!?\n，,；;：:]")
_CLAUSE_END = re.compile(r"[，,；;：:]")
_ZH_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ZH_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(set(words), key=len, reverse=True))


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_number(text)


class TimeFinder:
    """The time patterns of one lexicon, compiled once, and what runs them."""

    def __init__(self, lexicon: TimeLexicon) -> None:
        self.lexicon = lexicon
        self.fold = lexicon.fold_table()
        everywhere, in_latin = english_patterns(lexicon)
        self.patterns = numeric_patterns() + chinese_patterns(lexicon) + everywhere
        self.latin_patterns = in_latin
        pairs = sorted(self.fold.items())
        self.fold_re = re.compile("[" + "".join(re.escape(chr(k)) for k, _ in pairs) + "]") if pairs else None
        zh, en = lexicon.table("zh", "cues"), lexicon.table("en", "cues")
        separators = list(zh.get("range_separators", [])) + list(en.get("range_separators", []))
        self.separator = re.compile(rf"{S}(?:{_alt(separators)}){S}", re.IGNORECASE)
        approx_before = list(zh.get("approximate_before", [])) + list(en.get("approximate_before", []))
        self.approx_before = re.compile(rf"(?:{_alt(approx_before)}){S}\Z", re.IGNORECASE)
        self.approx_after = re.compile(rf"{S}(?:{_alt(zh.get('approximate_after', []))})")
        open_end = list(zh.get("open_end", [])) + list(en.get("open_end", []))
        self.open_end = re.compile(rf"(?:{_alt(open_end)})(?![A-Za-z])", re.IGNORECASE)
        self.zh_month_right = re.compile(
            rf"(?P<mon>{_ZH_MONTH}){S}月(?:份)?(?:{S}(?P<day>{_ZH_DAY}){S}[日号])?"
        )
        self.day_right = re.compile(
            rf"(?P<day>{_ZH_DAY}){S}[日号]|(?P<dday>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:/.\-年月])"
            rf"(?:,?{S}(?P<y>(?:19|20)\d\d)(?!\d))?"
        )
        self.year_right = re.compile(r"(?P<yy>\d\d)(?!\d)(?:[ \t]*年)?")
        eras = _alt(lexicon.table("zh", "era_years"))
        self.era_right = re.compile(
            rf"(?:{eras})?{S}(?P<n>\d{{1,3}}|[零一二三四五六七八九十百]{{1,5}})(?!\d){S}年" if eras else r"(?!)")
        self.era_number = re.compile(r"\d{1,3}|[零一二三四五六七八九十百]{1,5}|元")
        reviews = [self.fold_text(str(w)) for w in [*zh.get("review_of_year", []), *en.get("review_of_year", [])]]
        self.review_of_year = re.compile(rf"(?<![A-Za-z])(?:{_alt(reviews)})(?![A-Za-z])", re.IGNORECASE) if reviews else None
        background = list(en.get("background_before", [])) + list(zh.get("background_before", []))
        self.background_before = re.compile(rf"(?<![A-Za-z])(?:{_alt(background)}){S}\Z", re.IGNORECASE)
        self.background_after = re.compile(rf"{S}(?:{_alt(zh.get('background_after', []))})")
        self.since_before = re.compile(rf"(?:{_alt(zh.get('since_before', []))}){S}\Z")
        self.since_after = re.compile(rf"{S}(?:{_alt(zh.get('since_after', []))})")
        speech = [self.fold_text(str(w)) for w in [*zh.get("speech_time", []), *en.get("speech_time", [])]]
        reporting = [self.fold_text(str(w)) for w in [*zh.get("reporting", []), *en.get("reporting", [])]]
        self.speech = (
            re.compile(rf"(?<![A-Za-z])(?:{_alt(speech)})(?![A-Za-z])", re.IGNORECASE) if speech else None,
            re.compile(rf"(?<![A-Za-z])(?:{_alt(reporting)})(?![A-Za-z])", re.IGNORECASE) if reporting else None,
        )
        pay = _alt(list(zh.get("pay_words", [])) + list(en.get("pay_words", [])))
        self.pay_after = re.compile(
            rf"{S}(?:的|嘅|'s|’s|'|’|of|worth of)?{S}(?:{pay})(?![A-Za-z])", re.IGNORECASE)
        self.pay_before = re.compile(
            rf"(?<![A-Za-z])(?:{pay}){S}(?:只|就|才|也|都|再|共|多|少|一共|总共)?{S}"
            rf"(?:是|有|拿了|拿到了|拿|发了|发|给了|给|加了|加|得返|得|了|of|was|is|were|:|=)?{S}\Z",
            re.IGNORECASE)

    # --- finding ------------------------------------------------------------

    def fold_text(self, text: str) -> str:
        """``text`` with traditional characters read as simplified ones (same length), and
        那个冬天 / 这个冬天 read as 那年冬天 / 今年冬天 (a season of the year told, or of this one)."""
        if self.fold_re is not None:
            table = self.fold
            text = self.fold_re.sub(lambda m: chr(table[ord(m.group())]), text)
        return _SEASON_OF.sub(lambda m: _SEASON_YEAR[m.group(1)], text)

    def atoms(self, folded: str, skip: Sequence[tuple[int, int]] = ()) -> list[Atom]:
        """The non-overlapping atoms of ``folded`` text, outside the ``skip`` spans, in order."""
        found = list(scan(folded, self.patterns))
        for run in _LATIN_RUN.finditer(folded):
            if _LETTER.search(folded, run.start(), run.end()) and _EN_GATE.search(folded, run.start(), run.end()):
                found.extend(scan(folded, self.latin_patterns, run.start(), run.end()))
        found.sort(key=lambda a: (a.start, a.start - a.end))
        starts = [s for s, _ in skip]
        chosen: list[Atom] = []
        last_end = -1
        for atom in found:
            if atom.start < last_end or atom.end <= atom.start:
                continue
            if skip:
                i = bisect.bisect_right(starts, atom.start) - 1
                if i >= 0 and skip[i][1] > atom.start:
                    continue
                if i + 1 < len(skip) and skip[i + 1][0] < atom.end:
                    continue
            chosen.append(atom)
            last_end = atom.end
        chosen = self._compounds(folded, chosen)
        return [a for a in chosen if a.kind != "block"]

    @staticmethod
    def _compounds(text: str, atoms: list[Atom]) -> list[Atom]:
        """两年三个月, 1 hour and 20 minutes: adjacent durations in falling units as one."""
        out: list[Atom] = []
        for atom in atoms:
            prev = out[-1] if out else None
            if (
                prev is not None and prev.kind == "duration" and atom.kind == "duration"
                and prev.parts and atom.parts
                and _ORDER.index(prev.parts[-1][1]) < _ORDER.index(atom.parts[0][1])
                and _COMPOUND_GAP.match(text[prev.end : atom.start])
            ):
                parts = prev.parts + atom.parts
                duration = iso_duration(list(parts))
                if duration is not None:
                    prev.end, prev.parts, prev.duration = atom.end, parts, duration
                    prev.rule = prev.rule + "+compound"
                    continue
            out.append(atom)
        return out

    # --- the whole job ------------------------------------------------------

    def extract(self, narrative: Narrative, reference_date: str | None = None) -> list[TimeExpr]:
        """Every time expression of ``narrative`` (outside metadata, diagrams and code)."""
        text = narrative.text
        folded = self.fold_text(text)
        skip = _skip_spans(narrative)
        atoms = [b for a in self.atoms(folded, skip) if not self._pay(folded, b := _bonus_year(folded, a))]
        era_named = _ERA_NAMED.search(folded) is not None
        atoms = [_era_count(folded, a) if era_named or _opens_clause(folded, a) else a for a in atoms]
        atoms, scopes = _heading_years(narrative, folded, atoms)
        ref_date = parse_reference(reference_date or narrative.date or written_date(narrative))
        ref_year = ref_date[0] if ref_date else reference_year(narrative, reference_date, self.lexicon)
        told_at = about_year_at(narrative, self.lexicon)
        told = None if told_at is None else told_at[0]
        # "## 2023 recap" under a January 2024 date: a section about that year; 去年 there counts from 2024
        section = told_at is not None and _in_heading_line(narrative, told_at[1])
        if told is None and ref_date is not None:
            if ref_date[1] == 12 and (_THIS_YEAR.search(folded) is not None or self._reviews_year(folded)):
                told = ref_date[0]  # written in December and speaking of 今年, or a 年度复盘: a look back at that year
            elif ref_date[1] == 1 and self._reviews_year(folded):
                told = ref_date[0] - 1  # a 年终总结 written in January looks back at the year before
        if ref_date is not None and told is not None and not section and ref_date[0] - 1 <= told < ref_date[0]:
            ref_year = told  # "My 2023 in review", last updated 2024-01-05: this year is 2023
        placer = _Placer(narrative, folded, ref_year, ref_date,
                         lambda atom, when: self._background(folded, atom, when), scopes,
                         ongoing=lambda atom: self._ongoing(folded, atom),
                         focus=told if told is not None and told == ref_year else None, speech=self.speech)
        placed = [placer.place(atom) for atom in atoms]
        items = _glossed(folded, self._ranges(folded, placed, placer))
        out = []
        for atom, when, resolved in items:
            start, end, approx = self._approximation(folded, atom)
            if approx and when is not None and (when.is_point or atom.rule.startswith("range:")):
                when = when.approximate()  # 大约2025年, about 2017 to 2020
            rule = atom.rule + ("~" if approx else "")
            out.append(TimeExpr(
                text=text[start:end], span=(start, end), value=when.edtf() if when else None,
                duration=atom.duration, resolved=resolved and when is not None, rule=rule,
            ))
        return out

    def _pay(self, text: str, atom: Atom) -> bool:
        """A length that is an amount of pay (两个月的年终奖, 年终奖1.5个月, a month's salary), or 年终 of 年终奖."""
        if atom.kind == "date":
            return atom.months is not None and not atom.has_year and (
                text.startswith("奖", atom.end) or bool(_PAY_AMOUNT.match(text, atom.end))
                or bool(_PAY_COMPANY.match(text, atom.end)))
        if atom.kind != "duration" and not atom.rule.endswith("rate"):
            return False
        return bool(self.pay_after.match(text, atom.end) or self.pay_before.search(text, max(0, atom.start - 12), atom.start))

    def _reviews_year(self, text: str) -> bool:
        """Whether the opening of ``text`` says it looks back at one year (年度复盘, "my year in review")."""
        return self.review_of_year is not None and self.review_of_year.search(text, 0, _REVIEW_OPENING) is not None

    def _background(self, text: str, atom: Atom, when: When | None) -> bool:
        """A year told as background: since 2021, back in '21, 早在2015年, 2019年以来, 2019年至今."""
        if self.background_before.search(text, max(0, atom.start - 16), atom.start):
            return True
        return self._lasting(text, atom)

    def _ongoing(self, text: str, atom: Atom) -> bool:
        """A year a state has lasted since: since 2021, 2019年以来, 自2019年起, 2019年至今 (not back in '21)."""
        if _SINCE_BEFORE.search(text[max(0, atom.start - 24) : atom.start]):
            return True
        return self._lasting(text, atom)

    def _lasting(self, text: str, atom: Atom) -> bool:
        """A year followed by 以来/至今, framed by 自…起, or opening a range left open (2019 – now)."""
        start, end = atom.start, atom.end
        if self.background_after.match(text, end):
            return True
        if self.since_before.search(text, max(0, start - 4), start) and self.since_after.match(text, end):
            return True
        sep = self.separator.match(text, end)
        return bool(sep and sep.group(0).strip() not in ("and", "") and self.open_end.match(text, sep.end()))

    def _approximation(self, text: str, atom: Atom) -> tuple[int, int, bool]:
        if atom.kind not in ("date", "duration"):
            return atom.start, atom.end, False
        start, end, approx = atom.start, atom.end, False
        before = self.approx_before.search(text, max(0, start - 12), start)
        if before and not (before.group(0).startswith("约") and text[before.start() - 1 : before.start()] in _NOT_ABOUT):
            start, approx = before.start(), True
        after = self.approx_after.match(text, end)
        if after:
            end, approx = after.end(), True
        return start, end, approx

    def _ranges(self, text: str, placed: list[tuple[Atom, When | None, bool]],
                placer: _Placer) -> list[tuple[Atom, When | None, bool]]:
        """Join ``A ~ B``, ``A到B``, ``from A to B`` into one range; read partial right ends."""
        out: list[tuple[Atom, When | None, bool]] = []
        i = 0
        while i < len(placed):
            atom, when, resolved = placed[i]
            if atom.kind != "date" or when is None or when.decade is not None:
                out.append(placed[i])
                i += 1
                continue
            sep = self.separator.match(text, atom.end)
            if sep is None or (sep.group(0).strip().lower() == "and" and _between_before(text, atom.start) is None):
                out.append(placed[i])
                i += 1
                continue
            nxt = placed[i + 1] if i + 1 < len(placed) else None
            if nxt is not None and nxt[0].start == sep.end() and nxt[0].kind == "date":
                right_atom, right, right_resolved = nxt
                if right is not None:
                    left = when
                    if not atom.has_year and right_atom.has_year:
                        left = placer.when(atom, right.lo[0]) or when
                    joined = left.until(right)
                    if joined is not None:
                        begin = _between_before(text, atom.start)
                        merged = Atom(begin if begin is not None else atom.start, right_atom.end,
                                      "range:" + atom.rule)
                        out.append((merged, joined, resolved or right_resolved))
                        i += 2
                        continue
            partial = self._partial(text, sep.end(), atom, when)
            if partial is not None:
                end, joined = partial
                merged = Atom(atom.start, end, "range:" + atom.rule)
                out.append((merged, joined, resolved))
                i += 1
                if i < len(placed) and placed[i][0].start < end:
                    i += 1
                continue
            out.append(placed[i])
            i += 1
        return out

    def _era_number(self, text: str, atom: Atom) -> int:
        """109 of 民国109年: the number of the era year ``atom`` writes."""
        m = self.era_number.search(text, atom.start, atom.end)
        word = m.group(0) if m else ""
        number = 1 if word == "元" else _int(word)
        if number is None:
            number = digit_sequence(word) or 0
        return number

    def _partial(self, text: str, pos: int, atom: Atom, when: When) -> tuple[int, When] | None:
        """A right end that only says what changes: 3月5日到8日, 2014-16, March 5–8, 2019年至今."""
        if not when.is_point:
            m = self.open_end.match(text, pos)
            if m and when.season is None:
                return m.end(), When(when.lo, when.lo).until_open()
            return None
        y, mo, d = when.lo
        m = self.open_end.match(text, pos)
        if m:
            return m.end(), when.until_open()
        if d is not None and mo is not None:
            r = self.day_right.match(text, pos)
            if r:
                day = _int(r.group("day") or r.group("dday") or "")
                if day is not None:
                    try:
                        _dt.date(y, mo, day)
                    except ValueError:
                        return None
                    joined = when.until(When.point(y, mo, day))
                    return (r.end(), joined) if joined else None
        if mo is not None:
            r = self.zh_month_right.match(text, pos)
            if r:
                month = _int(r.group("mon"))
                day = _int(r.group("day")) if r.group("day") else None
                if month and 1 <= month <= 12:
                    joined = when.until(When.point(y, month, day))
                    return (r.end(), joined) if joined else None
        if mo is None and atom.rule == "zh-era-year" and atom.months is None and atom.season is None:
            r = self.era_right.match(text, pos)  # 民国108年至110年: the right end is in the era too
            number = (_int(r.group("n")) or digit_sequence(r.group("n"))) if r else None
            if r and number is not None:
                joined = when.until(When.point(y - self._era_number(text, atom) + number))
                return (r.end(), joined) if joined else None
        if mo is None and atom.year is not None and atom.months is None and atom.season is None:
            r = self.year_right.match(text, pos)
            if r:
                yy = int(r.group("yy"))
                full = (y // 100) * 100 + yy
                if full > y:
                    joined = when.until(When.point(full))
                    return (r.end(), joined) if joined else None
        return None


def _between_before(text: str, start: int) -> int | None:
    """Where ``between`` starts right before ``start``, or ``None``."""
    lo = max(0, start - 12)
    m = re.search(r"\bbetween[ \t]+\Z", text[lo:start], re.IGNORECASE)
    return lo + m.start() if m else None


def _heading_years(narrative: Narrative, text: str,
                   atoms: list[Atom]) -> tuple[list[Atom], list[tuple[int, int]]]:
    """Headings that are a year (``## 2019``, ``## 2021年``, ``### 2022 Q3``) as time expressions.

    The year governs everything under its heading, down to the next heading
    of the same or a higher level: the section's span is its scope.
    """
    scopes: list[tuple[int, int]] = []
    out = list(atoms)
    starts = [a.start for a in out]
    for section in narrative.sections:
        if section.heading is None or section.role in SKIP_ROLES:
            continue
        head_start = section.span.start
        nl = text.find("\n", head_start, section.span.end)
        head_end = nl if nl >= 0 else section.span.end
        m = _HEADING_YEAR.match(text, head_start, head_end)
        if m is None:
            continue
        ys, ye = m.span("y")
        year = int(m.group("y"))
        i = bisect.bisect_left(starts, ys)
        covering = out[i - 1] if i and out[i - 1].end > ys else (out[i] if i < len(out) and out[i].start == ys else None)
        if covering is None:
            nxt = out[i] if i < len(out) else None
            if (nxt is not None and nxt.kind == "date" and not nxt.has_year and nxt.end <= head_end
                    and not text[ye : nxt.start].strip(" \t年度")):
                out[i] = attrs.evolve(nxt, start=ys, year=year, rule="heading-year+" + nxt.rule)
            else:
                out.insert(i, Atom(ys, ye, "heading-year", year=year))
                starts.insert(i, ys)
            starts = [a.start for a in out]
        if section.span.end > head_end:
            scopes.append((section.span.start, section.span.end))
    return out, scopes


def _skip_spans(narrative: Narrative) -> list[tuple[int, int]]:
    """Spans not read for times, merged and sorted."""
    spans = [tuple(s.span) for s in narrative.sections if s.role in SKIP_ROLES]
    spans += [tuple(d.span) for d in narrative.diagrams]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _century(yy: int, ref_year: int | None) -> int:
    if ref_year is None:
        return 2000 + yy if yy <= 49 else 1900 + yy
    return 2000 + yy if 2000 + yy <= ref_year + 10 else 1900 + yy


class _Placer:
    """Places atoms on the calendar, keeping track of the story's year.

    A *story* is one post of a thread, or the rest of the document after a
    top-level heading (a title, ``Description``, ``摘要``); the story's year
    carries over its paragraphs and lower headings. Within a story:

    - the *story year* is the year of the latest expression that names a
      year (2019, 14年, 去年十月, 次年, ``'21``, the end of last year). Bare
      months, quarters, seasons and parts of years take it; before any, they
      take the reference year. A bare month earlier than the month the story
      has reached moves into the next year when the sentence says the story
      moves on (then, 之后), or, in a story told in order (not a document about
      one year), when it is told in a later sentence (2023年11月入职。3月转正
      → 2024-03); either way only while the next year's month is not past the
      document's date.
    - a relative year alone (去年, last year, 两年前, not 去年十月) compares
      with the present rather than moving the story: it governs only the
      rest of its paragraph (unless it stands in a heading). So does a
      relative year that looks back before the year the story has reached
      (前年冬天 told after the story reached 2024): the next paragraph is
      the story's again.
    - a time after the document's date (明年6月, next year, in a text dated
      2025-06) is a plan: it dates the rest of its own sentence only, and
      the story's year and month stay where they were. The story never
      moves forward past the document's date (after 2024年12月, 然后3月 in a
      text dated 2024-12-29 is 2024-03).
    - a year in the background (since 2021, back in '21, 早在2015年,
      2019年以来, 从2022年下半年开始, 2019年至今) does not move the story.
    - the *antecedent* is the year of the closest preceding dated
      expression (background or not, bare months included): what 同年, 次年,
      那年秋天, that summer and the following year count from. Without one
      they stay unresolved: never the reference year, never a guess. A year
      a state has lasted *since* (since 2010, 2010年以来, 2010年至今) is an
      antecedent only when the story has told no other year: "I joined in
      2019; the firm had lost money since 2010. That December…" is 2019.
    - 毕业那年 (the year of a happening) is the year of an earlier dated
      clause in the story that tells that happening (2014年6月毕业后…毕业那年年底);
      without one it stays unresolved.
    - in a document with no date, a relative year reported from a dated
      conversation in its sentence (2023年4月访谈时，她说今年…) counts from
      the conversation.

    A post with its own time (a reply dated 2024 in a thread opened in
    2023) is its own reference: 去年 in it counts from the post's year.

    A document *about* one year (its title or opening names it: ``2023，流水账``,
    ``My 2022 in review``) keeps that year as its story: another year it
    mentions (the flat bought in 2019, I joined in the spring of 2019, 去年十月)
    governs only the rest of its paragraph, as a lone relative year does.
    """

    def __init__(self, narrative: Narrative, text: str, ref_year: int | None, ref_date: Date | None,
                 background: Callable[[Atom, When | None], bool],
                 scopes: Sequence[tuple[int, int]] = (), *, focus: int | None = None,
                 speech: tuple[re.Pattern[str] | None, re.Pattern[str] | None] = (None, None),
                 ongoing: Callable[[Atom], bool] = lambda atom: False) -> None:
        self.ongoing = ongoing
        self.ante_ongoing = False  # the antecedent is a year a state has lasted since
        self.told_year: int | None = None  # the latest antecedent year that is not such a year
        self.narrative = narrative
        self.speech = speech
        self.ante_span: tuple[int, int] | None = None  # where the antecedent is written
        self.said: tuple[int, int] | None = None  # (where, year) of a conversation a sentence reports
        self.dated: list[tuple[int, int, int]] = []  # (start, end, year) of the story's dated expressions
        self.focus = focus
        self.text = text
        self.doc_ref = (ref_year, ref_date)
        self.ref_year = ref_year
        self.ref_date = ref_date
        self.background = background
        bounds = {m.end() for m in _PARAGRAPH_BREAK.finditer(text)}
        bounds.update(s.span.start for s in narrative.sections)
        self.bounds = sorted(bounds)
        stories = {p.span.start for p in narrative.posts}
        stories.update(s.span.start for s in narrative.sections
                       if s.role == "post" or (s.heading is not None and s.level <= 1))
        for start, end in scopes:  # a year heading governs its section, and no further
            stories.update((start, end))
        self.story_bounds = sorted(stories)
        self.post_refs: dict[int, Date] = {}
        for post in narrative.posts:
            date = parse_reference(post.time)
            if date is not None:
                self.post_refs[post.span.start] = date
        self.heading_lines: list[tuple[int, int]] = []
        for s in narrative.sections:
            if s.heading is not None:
                nl = text.find("\n", s.span.start, s.span.end)
                self.heading_lines.append((s.span.start, nl if nl >= 0 else s.span.end))
        self.heading_lines.sort()
        self.heading_starts = [start for start, _ in self.heading_lines]
        self.story_index = -1
        self.story: tuple[int | None] | None = None  # (year,) once the story names one
        self.local: tuple[int, int | None] | None = None  # (paragraph, year) of a lone relative year
        self.plan: tuple[int, int | None] | None = None  # (sentence end, year) of a time after the document's
        self.antecedent: tuple[int | None] | None = None
        self.ante_when: When | None = None  # the closest preceding dated expression
        self.story_month: tuple[int, int] | None = None  # (year, month) the story has reached

    def _enter(self, pos: int) -> int:
        """Start a new story when ``pos`` is past a story boundary; the paragraph index of ``pos``."""
        index = bisect.bisect_right(self.story_bounds, pos)
        if index != self.story_index:
            self.story_index, self.story, self.local, self.antecedent = index, None, None, None
            self.ante_when, self.story_month, self.ante_span, self.said = None, None, None, None
            self.ante_ongoing, self.told_year, self.dated, self.plan = False, None, [], None
            own = self.post_refs.get(self.story_bounds[index - 1]) if index else None
            self.ref_year, self.ref_date = (own[0], own) if own is not None else self.doc_ref
        return bisect.bisect_right(self.bounds, pos)

    def _in_heading(self, pos: int) -> bool:
        i = bisect.bisect_right(self.heading_starts, pos) - 1
        return i >= 0 and self.heading_lines[i][0] <= pos < self.heading_lines[i][1]

    def context_year(self, pos: int) -> int | None:
        """The year a bare month at ``pos`` belongs to."""
        paragraph = self._enter(pos)
        if self.plan is not None and pos < self.plan[0]:
            return self.plan[1]
        if self.local is not None and self.local[0] == paragraph:
            return self.local[1]
        if self.story is not None:
            return self.story[0]
        return self.ref_year

    def place(self, atom: Atom) -> tuple[Atom, When | None, bool]:
        """``atom`` with its place on the calendar and whether it was resolved."""
        if atom.kind == "duration":
            return self._offset(atom)
        if atom.kind != "date":
            return atom, None, False
        ctx = self.context_year(atom.start)
        effective = _EFFECTIVE.search(self.text, max(0, atom.start - 16), atom.start) is not None
        if (ctx is not None and atom.month is not None and not atom.has_year and self.story_month is not None
                and self.story_month == (ctx, self.story_month[1]) and atom.month < self.story_month[1]
                and (effective or not self._after_reference(ctx + 1, atom.month))
                and (effective or self._forward(atom.start) or self._moves_on(atom, ctx + 1))):
            # December 2022 … then in January: 2023. A story told in order moves forward; a
            # document about one year (its months told by topic) only with "then", 之后 ….
            ctx += 1
            self.story, self.local, self.plan = (ctx,), None, None
        when = self.when(atom, ctx)
        resolved = not (atom.year is not None or atom.two_digit is not None
                        or atom.decade is not None or atom.two_digit_decade is not None)
        self._remember(atom, when)
        return atom, when, resolved

    def _moves_on(self, atom: Atom, year: int) -> bool:
        """Whether a bare month earlier than the month the story has reached lies in the next
        ``year``: in a story told in order (not a document about one year), told in a later
        sentence than the story's last date (a list in one sentence jumps about), and not after
        the document's date (2023年11月入职。…3月转正 → 2024-03)."""
        if self.focus is not None or self.ante_span is None or atom.month is None:
            return False
        return bool(_SENTENCE_END.search(self.text, self.ante_span[1], atom.start))

    def _after_reference(self, year: int | None, month: int | None = None) -> bool:
        """Whether ``year`` (and ``month``) lies after the document's date: a plan, not the story."""
        if year is None:
            return False
        ref = self.ref_date
        if ref is None or ref[1] is None:
            return self.ref_year is not None and year > self.ref_year
        return (year, month or 1) > (ref[0], ref[1])

    def _sentence_end(self, pos: int) -> int:
        end = _SENTENCE_END.search(self.text, pos)
        return end.start() if end else len(self.text)

    def _forward(self, pos: int) -> bool:
        """Whether the sentence before ``pos`` moves the story on (then, after, 之后, 后来, 接着)."""
        lo = max(0, pos - 40)
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, lo, pos)]
        return bool(_FORWARD.search(self.text, ends[-1] if ends else lo, pos))

    def _offset(self, atom: Atom) -> tuple[Atom, When | None, bool]:
        """两年后, three months later: a date counted from the antecedent, else a duration."""
        self._enter(atom.start)
        ante = self.ante_when
        later = _LATER.search(self.text, atom.start, atom.end) or _LATER_AFTER.match(self.text, atom.end)
        if ante is None or not later or len(atom.parts) != 1 or atom.duration is None:
            return atom, None, False
        amount, unit = atom.parts[0]
        if amount != int(amount) or ante.approx:
            return atom, None, False
        n = int(amount)
        if ante.lo[0] is None or not 1 <= ante.lo[0] + (n if unit == "Y" else n // 12 + 1) <= 9999:
            return atom, None, False  # March 12025年后: past any year EDTF writes in four digits
        season = _SEASON_AFTER.match(self.text, atom.end) if unit == "Y" else None
        if unit == "Y" and ante.lo[0] is not None and season is not None:
            code = {"春": 21, "夏": 22, "秋": 23, "冬": 24}[season.group("s")]  # 三年后的夏天
            when = When.of_season(ante.lo[0] + n, code)
            atom = attrs.evolve(atom, end=season.end())
        elif unit == "Y" and ante.lo[0] is not None:
            when = When.point(ante.lo[0] + n)
        elif unit == "M" and ante.is_point and ante.lo[1] is not None:
            when = When.point(*month_shift(ante.lo[0], ante.lo[1], n))
        elif unit in ("W", "D") and n <= _NEAR_LATER[unit] and ante.decade is None and not ante.open_end:
            if ante.is_point and ante.lo[1] is not None and ante.lo[2] is not None:
                when = days_of(_dt.date(ante.lo[0], ante.lo[1], ante.lo[2]), n * (7 if unit == "W" else 1))
            else:
                when = ante  # a week later, 几天后: still the month, season or year just told
        else:
            return atom, None, False
        if unit in ("W", "D"):  # three weeks later: the time just told, and the length counted from it
            dated = attrs.evolve(atom, kind="date", rule=atom.rule + "+after")
        else:
            dated = attrs.evolve(atom, kind="date", duration=None, parts=(), rule=atom.rule + "+after")
        if self.ref_year is not None and when.lo[0] is not None and when.lo[0] > self.ref_year:
            return dated, when, True  # 五年后的自己: a time imagined ahead, not where the story goes on
        self.antecedent, self.ante_when, self.story, self.local = (when.lo[0],), when, (when.lo[0],), None
        self.ante_span = (atom.start, atom.end)
        self.story_month = (when.lo[0], when.lo[1]) if when.lo[1] is not None else None
        return dated, when, True

    def _remember(self, atom: Atom, when: When | None) -> None:
        if atom.decade is not None or atom.two_digit_decade is not None:
            return  # 90年代, the 1990s: an era, not where the story is
        if when is None and atom.shift is not None and atom.shift[0] != "Y" and self.ref_year is not None:
            return  # 这个月, next week in a text dated only by its year: still that year's story
        year = None if when is None else (when.lo[0] if when.season is not None else when.year)
        if when is not None or atom.has_year:
            self.antecedent = (year,)
            self.ante_when = when
            self.ante_span = (atom.start, atom.end)
            if year is not None and atom.of_event is None:
                self.dated.append((atom.start, atom.end, year))
            self.ante_ongoing = atom.has_year and self.ongoing(atom)
            if not self.ante_ongoing and year is not None:
                self.told_year = year
        in_heading = self._in_heading(atom.start)
        in_plan = self.plan is not None and atom.start < self.plan[0]
        if ((atom.has_year or in_plan) and when is not None and not in_heading
                and not self.background(atom, when) and self._after_reference(when.lo[0], when.lo[1])):
            # 明年6月答辩，9月入职; plan to sit for it next year: a plan after the document's date
            # dates the rest of its sentence; the story (and the bare months after it) stays where it was.
            if atom.has_year:
                self.plan = (self._sentence_end(atom.end), year)
            return
        if atom.has_year:
            self.plan = None
        if when is not None and when.season is not None and when.lo[1] is not None and when.lo[0] == year:
            self.story_month = (when.lo[0], when.lo[1])  # that fall … by January: the story reached September
        elif when is not None and atom.months is not None and when.lo[1] is not None and when.lo[0] == year:
            self.story_month = (when.lo[0], when.lo[1])  # 下半年 … 十月: a part of a year is walked through, not past
        elif when is not None and when.season is None and when.hi[1] is not None and when.hi[0] == year:
            self.story_month = (when.hi[0], when.hi[1])
        elif atom.has_year:
            self.story_month = None
        if not atom.has_year or self.background(atom, when):
            return
        lone_relative = (
            (atom.rel_year is not None or (atom.shift is not None and atom.shift[0] == "Y"))
            and atom.month is None and atom.months is None and atom.season is None
        )
        aside = self.focus is not None and year != self.focus and not self.post_refs
        # 前年冬天 told after the story reached 2024: a look back from the present, not where the
        # story goes on (the paragraph after it is the story's again).
        looking_back = (atom.rel_year is not None and self.story is not None and self.story[0] is not None
                        and year is not None and year < self.story[0])
        if (lone_relative or aside or looking_back) and not in_heading:
            self.local = (bisect.bisect_right(self.bounds, atom.start), year)
        else:
            self.story, self.local = (year,), None

    def when(self, atom: Atom, ctx: int | None) -> When | None:
        """Where ``atom`` lies, given the story's year ``ctx`` (and the antecedent, for 同年)."""
        if atom.decade is not None or atom.two_digit_decade is not None:
            if atom.decade is not None:
                first = int(atom.decade[:3]) * 10
            else:
                first = _century(atom.two_digit_decade or 0, self.ref_year)
            if atom.decade_part is not None:  # 九十年代初, the late 1980s: some years of it
                lo, hi = atom.decade_part
                return When((first + lo, None, None), (first + hi, None, None))
            return When((first, None, None), (first + 9, None, None), decade=f"{first // 10}X")
        if atom.shift is not None:
            return self._shift(*atom.shift, atom.start)
        if atom.year is not None:
            year: int | None = atom.year
        elif atom.two_digit is not None:
            year = _century(atom.two_digit, self.ref_year)
        elif atom.rel_year is not None:
            now = self.ref_year if self.ref_year is not None else self._speech_year(atom.start)
            year = now + atom.rel_year if now is not None else None
            if atom.rule == "en-last-season" and not self._last_season_is_last_year(atom):
                return None
            if atom.rule == "en-next-season" and not self._next_season_is_this_year(atom):
                return None
        elif atom.recent is not None:
            year = self._recent_year(atom)
        elif atom.of_event is not None:
            year = self._event_year(atom)
        elif atom.ana_year is not None:
            ante = self.antecedent[0] if self.antecedent is not None else None
            if self.ante_ongoing and self.told_year is not None:
                ante = self.told_year  # joined in 2019; losing money since 2010. That December: 2019
            shift = atom.ana_year
            ante_month = self.ante_when.lo[1] if self.ante_when is not None else None
            if (shift == 1 and atom.season is not None and ante_month is not None
                    and _SEASON_FIRST_MONTH.get(atom.season, 0) > ante_month):
                shift = 0  # resigned in September 2023, the following winter: the winter of 2023
            year = ante + shift if ante is not None else None
        else:
            year = ctx
        if year is None:
            return None
        if atom.until_year is not None:
            return When.point(year).until(When.point(atom.until_year))
        try:
            when = _build(atom, year)
        except ValueError:
            return None
        return when.approximate() if atom.approx and when.is_point else when

    def _event_year(self, atom: Atom) -> int | None:
        """The year of 毕业 in 毕业那年: an earlier dated clause in the story that tells 毕业, else None."""
        key = atom.of_event or ""
        for start, end, year in reversed(self.dated):
            lo = max([max(0, start - 30)] + [m.end() for m in _ANY_END.finditer(self.text, max(0, start - 30), start)])
            hi = _ANY_END.search(self.text, end, end + 30)
            if key in self.text[lo : hi.start() if hi else end + 30]:
                return year
        return None

    def _speech_year(self, pos: int) -> int | None:
        """The year of a conversation stated earlier in ``pos``'s sentence, that a reported speech dates.

        "2023年4月访谈时，她说今年…", "When I spoke to her in May 2023, she said
        this year…": the antecedent's clause names a conversation (访谈时, spoke
        to) and a reporting verb (说, said) stands between it and ``pos``.
        """
        if self.said is not None and not _SENTENCE_END.search(self.text, self.said[0], pos):
            return self.said[1]  # …she said this year was hard and last year worse
        cue, say = self.speech
        ante, span = self.ante_when, self.ante_span
        if cue is None or say is None or ante is None or span is None or ante.approx or not ante.is_point:
            return None
        year = ante.lo[0]
        if year is None or span[1] > pos:
            return None
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, max(0, span[0] - 80), pos)]
        if ends and ends[-1] > span[0]:
            return None  # the conversation is in another sentence
        lo = ends[-1] if ends else max(0, span[0] - 80)
        clause_lo = max([lo] + [m.end() for m in _CLAUSE_END.finditer(self.text, lo, span[0])])
        clause_hi = _CLAUSE_END.search(self.text, span[1], pos)
        if clause_hi is None or not cue.search(self.text, clause_lo, clause_hi.start()):
            return None
        if not say.search(self.text, clause_hi.end(), pos):
            return None
        self.said = (span[0], year)
        return year

    def _recent_year(self, atom: Atom) -> int | None:
        """The year of this past March (the latest March before the reference date) or next March
        (the first after it); unknown without the reference month."""
        ref = self.ref_date
        if ref is None or ref[1] is None or atom.month is None or atom.recent is None:
            return None
        if atom.recent < 0:
            return ref[0] if atom.month < ref[1] else ref[0] - 1
        return ref[0] if atom.month > ref[1] else ref[0] + 1

    def _next_season_is_this_year(self, atom: Atom) -> bool:
        """"next fall" is this year's when written before this year's began (else it is ambiguous)."""
        ref = self.ref_date
        if ref is None or ref[1] is None or atom.season is None:
            return False
        first_month = {21: 3, 22: 6, 23: 9}.get(atom.season)
        return first_month is not None and ref[1] < first_month

    def _last_season_is_last_year(self, atom: Atom) -> bool:
        """"last summer" is last year's when written before this year's ended (else it is ambiguous)."""
        ref = self.ref_date
        if ref is None or ref[1] is None or atom.season is None:
            return False
        first_month = {21: 3, 22: 6, 23: 9}.get(atom.season)
        return first_month is not None and ref[1] <= first_month + 2

    def _shift(self, unit: str, n: int, pos: int) -> When | None:
        ref = self.ref_date
        if unit == "Y":
            now = self.ref_year if self.ref_year is not None else self._speech_year(pos)
            if now is None or not 1 <= now + n <= 9999:
                return None  # 12025年前: no year of the calendar EDTF writes in four digits
            return When.point(now + n)
        if ref is None or ref[1] is None:
            return None
        if unit == "M":
            y, m = month_shift(ref[0], ref[1], n)
            return When.point(y, m)
        if ref[2] is None:
            return None
        day = _dt.date(ref[0], ref[1], ref[2])
        if unit == "W":
            monday = day - _dt.timedelta(days=day.weekday()) + _dt.timedelta(weeks=n)
            sunday = monday + _dt.timedelta(days=6)
            return When((monday.year, monday.month, monday.day), (sunday.year, sunday.month, sunday.day))
        if unit == "D":
            return days_of(day, n)
        return None


#: Words of a text that looks back at the year it is written in (今年, 这一年, this year).
def _in_heading_line(narrative: Narrative, pos: int) -> bool:
    """Whether ``pos`` lies in the heading line of one of the narrative's sections (not its title)."""
    for section in narrative.sections:
        if section.heading is None or not section.span.start <= pos < section.span.end:
            continue
        line_end = narrative.text.find("\n", section.span.start, section.span.end)
        if pos < (line_end if line_end >= 0 else section.span.end):
            return True
    return False


#: How far into a text a word saying it looks back at one year may stand (its title and first paragraph).
_REVIEW_OPENING = 600
_THIS_YEAR = re.compile(r"今年|这一年|(?i:\bthis year\b)")
#: The month each EDTF season code begins in (spring 21 … winter 24, northern hemisphere).
_SEASON_FIRST_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}


def _build(atom: Atom, year: int) -> When:
    if atom.season is not None:
        return When.of_season(year, atom.season)
    if atom.months is not None:
        first, last = atom.months
        return When.months(year, first, last)
    if atom.month is not None:
        if atom.day is not None:
            _dt.date(year, atom.month, atom.day)  # raises ValueError for 2月30日
            # A clock reading written with the date (2024-03-12 10:22) stays in the span; the value is
            # the day: a career's happenings are placed on days, and annotators date them so.
            return When.point(year, atom.month, atom.day)
        if atom.days:  # () is the month itself (3月底, late November)
            return When.days(year, atom.month, *atom.days)
        return When.point(year, atom.month)
    return When.point(year)


_FINDERS: dict[str | None, TimeFinder] = {}
_BY_ARGUMENT: dict[tuple[Any, ...], tuple[tuple[Any, ...], TimeFinder]] = {}


def _finder(lexicons: Sequence[Mapping[str, Any] | str | Path] = ()) -> TimeFinder:
    """The finder for the built-in words plus ``lexicons`` (compiled once per set of lexicons)."""
    key = tuple(str(item) if isinstance(item, (str, Path)) else id(item) for item in lexicons)
    cached = _BY_ARGUMENT.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], lexicons)):
        return cached[1]
    lexicon = time_lexicon(lexicons)
    words = lexicon.key() if lexicon is not builtin_time_lexicon() else None
    if words not in _FINDERS:
        _FINDERS[words] = TimeFinder(lexicon)
    if len(_BY_ARGUMENT) > 32:
        _BY_ARGUMENT.clear()
    _BY_ARGUMENT[key] = (tuple(lexicons), _FINDERS[words])
    return _FINDERS[words]


def extract_times(narrative: Narrative, reference_date: str | None = None,
                  lexicons: Sequence[Mapping[str, Any] | str | Path] = ()) -> list[TimeExpr]:
    """The time expressions of ``narrative``, sorted by position, never overlapping."""
    return _finder(lexicons).extract(narrative, reference_date)


def find_times(text: str, reference_date: str | None = None, *, title: str | None = None) -> list[TimeExpr]:
    """The time expressions of a plain ``text`` (a convenience over :func:`extract_times`)."""
    narrative = Narrative(format="text", text=text, title=title, date=reference_date)
    return extract_times(narrative, reference_date)


class TimeExtractor:
    """Finds time expressions and normalizes them to EDTF and ISO 8601 durations."""

    name = "builtin-time"
    field = "time_expressions"

    def extract(self, context: ExtractionContext) -> Sequence[TimeExpr]:
        """The time expressions of ``context.narrative``."""
        return extract_times(context.narrative, context.reference_date, tuple(context.lexicons))


def _bonus_year(text: str, atom: Atom) -> Atom:
    """那年年终奖, 2023年终奖: the year is a time, 年终 is the bonus (the atom keeps the year only)."""
    if atom.kind != "date" or not atom.has_year or not text.startswith("年终奖", atom.end - 2):
        return atom
    end = atom.end - 2 if text[atom.end - 3] == "年" else atom.end - 1
    return attrs.evolve(atom, end=end, months=None)


#: After a clause-opening 105年: what makes it a count of years after all (105年来, 105年的历史, 105年以上).
_COUNT_AFTER_CLAUSE_YEAR = COUNT_AT_CLAUSE_START | {"以"}


def _opens_clause(text: str, atom: Atom) -> bool:
    """105年我退伍, 108年考上: three digits and 年 opening a clause, before what happened: a 民国 year
    written without the era (Taiwan), in either script; a working life is never counted in centuries."""
    before = text[atom.start - 1 : atom.start]
    after = text[atom.end : atom.end + 1]
    return (atom.kind == "duration" and not (before.isalnum() or before == ".")
            and "\u4e00" <= after <= "\u9fff" and after not in _COUNT_AFTER_CLAUSE_YEAR)


def _era_count(text: str, atom: Atom) -> Atom:
    """108年 in a text that writes 民国 years: the 民国 year 108 (2019), not 108 years."""
    m = _ERA_COUNT.fullmatch(text, atom.start, atom.end) if atom.kind == "duration" else None
    if m is None or text[atom.start - 1 : atom.start].isdigit() or _ERA_COUNT.match(text, atom.start) is None:
        return atom
    return Atom(atom.start, atom.end, "zh-era-year", year=1911 + int(m.group("n")))


_GLOSS_OPEN = re.compile(r"[ \t]*[（(][ \t]*")
_GLOSS_CLOSE = re.compile(r"[ \t]*[）)]")
_PART_GAP = re.compile(r"[ \t]*(?:的)?[ \t]*")


def _glossed(text: str, items: list[tuple[Atom, When | None, bool]]) -> list[tuple[Atom, When | None, bool]]:
    """去年（2022）, last year (2022): a time glossed with the same time in brackets is one expression."""
    out: list[tuple[Atom, When | None, bool]] = []
    i = 0
    while i < len(items):
        atom, when, resolved = items[i]
        if i + 1 < len(items) and when is not None:
            opened = _GLOSS_OPEN.match(text, atom.end)
            gloss, other, _ = items[i + 1]
            closed = _GLOSS_CLOSE.match(text, gloss.end) if opened is not None else None
            if (opened is not None and closed is not None and gloss.start == opened.end()
                    and other is not None and other.edtf() == when.edtf()):
                nxt = items[i + 2] if i + 2 < len(items) else None
                if (nxt is not None and nxt[1] is not None and nxt[0].kind == "date"
                        and _PART_GAP.fullmatch(text, closed.end(), nxt[0].start)
                        and nxt[1].lo[0] == when.lo[0] and nxt[1].hi[0] == when.hi[0]):
                    out.append((attrs.evolve(nxt[0], start=atom.start), nxt[1], resolved))
                    i += 3  # 今年（2024）Q1: the first quarter of that year
                    continue
                out.append((attrs.evolve(atom, end=closed.end()), when, resolved))
                i += 2
                continue
        out.append(items[i])
        i += 1
    return out
