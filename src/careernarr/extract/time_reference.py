"""The reference year of a document: what ``去年`` and ``last year`` count from.

In order: the document's date; else the date it says it was written on, near its
start or end (``今天（2023/12/28）是我的最后一天``, ``写于2024年5月3日``); else the year it says it
was written in (``写于2024年5月``, ``written in March 2023``); else a year its title names (``2024 in
review``, ``我的2025年终总结``); else a year an opening phrase says the text
is about (``回首2025年``, ``这是我的2025总结``, ``looking back at 2023``).
Nothing else: a year merely mentioned in the body is not the year of
writing, and no year is ever guessed.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Narrative, TimeExpr
from .time_lexicon import TimeLexicon, builtin_time_lexicon
from .time_numerals import digit_sequence
from .time_values import parse_reference

__all__ = ["about_year", "datelines", "reference_year", "study_year", "written_date", "written_year"]

#: How far into the text an "about" phrase is looked for.
OPENING_CHARS = 3000

_YEAR = r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?!\d)|(?P<cn>[一二][零〇九][零〇一二三四五六七八九]{2})"


#: A "title" that ends like a sentence (a text's first line, 2021年3月入职。) names no year the text is about.
_SENTENCE_END = re.compile(r"[。！？!?.][\s\"'”’」』)）]*\Z")

_ABOUT: dict[int, tuple[TimeLexicon, re.Pattern[str]]] = {}


def _about_re(lexicon: TimeLexicon) -> re.Pattern[str]:
    cached = _ABOUT.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_ABOUT) > 16:
            _ABOUT.clear()
        cached = _ABOUT[id(lexicon)] = (lexicon, _compile_about(lexicon))
    return cached[1]


_FOLDS: dict[int, tuple[TimeLexicon, dict[int, int]]] = {}


def _fold(lexicon: TimeLexicon) -> dict[int, int]:
    cached = _FOLDS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_FOLDS) > 16:
            _FOLDS.clear()
        cached = _FOLDS[id(lexicon)] = (lexicon, lexicon.fold_table())
    return cached[1]


def _compile_about(lexicon: TimeLexicon) -> re.Pattern[str]:
    zh = lexicon.table("zh", "cues")
    en = lexicon.table("en", "cues")

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    year = r"(?:(?P<y{n}>(?:19|20)\d\d)|(?P<cn{n}>[一二][零〇九][零〇一二三四五六七八九]{{2}}))"
    before = alt(zh.get("about_before", []) + en.get("about_before", []))
    after = alt(zh.get("about_after", []) + en.get("about_after", []))
    return re.compile(
        rf"(?:{before})\s*(?:the\s+year\s+)?{year.format(n=1)}(?!\d)"
        rf"|(?<!\d){year.format(n=2)}\s*(?:年度|年|year)?\s*(?:的\s*)?(?:{after})",
        re.IGNORECASE,
    )


def _year_of(match: re.Match[str], *names: str) -> int | None:
    for name in names:
        value = match.group(name)
        if value:
            year = int(value) if value.isdigit() else digit_sequence(value.replace("〇", "零"))
            if year is not None and 1800 <= year <= 2099:
                return year
    return None


def reference_year(narrative: Narrative, reference_date: str | None = None,
                   lexicon: TimeLexicon | None = None) -> int | None:
    """The year relative expressions count from, or ``None`` when the document does not say.

    ``reference_date`` (EDTF) wins; then ``narrative.date``; then the last
    year the title names; then the first "about" phrase in the opening of
    the text (``我的2025总结``, ``回首2025年``, ``my 2024 in review``).
    """
    for value in (reference_date, narrative.date):
        date = parse_reference(value)
        if date is not None:
            return date[0]
    written = parse_reference(written_date(narrative))
    if written is not None:
        return written[0]
    return (written_year(narrative, lexicon) or glossed_year(narrative) or about_year(narrative, lexicon)
            or study_year(narrative) or file_name_year(narrative))


#: A year in a file name, not inside a longer number: my-2023-review.md, 2024年终总结.txt.
_NAME_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


def file_name_year(narrative: Narrative) -> int | None:
    """The year the document's file name gives (``d03-laid-off-pm-2023.txt``,
    ``2024-12-29-year-end.md``), when it gives exactly one: the last resort for the year of
    writing, after everything the text says."""
    if not narrative.source:
        return None
    stem = Path(narrative.source).stem
    years = {int(y) for y in _NAME_YEAR.findall(stem)}
    return years.pop() if len(years) == 1 else None


#: A relative year glossed with its number: 去年（2022）, 今年(2024年), last year (2022).
_GLOSSED = re.compile(
    r"(?P<w>今年|去年|前年|明年|后年|後年|(?i:this year|last year|next year))[ \t]*[（(][ \t]*"
    r"(?P<y>(?:19|20)\d\d)[ \t]*年?[ \t]*[）)]")
_GLOSS_SHIFT = {"今年": 0, "去年": -1, "前年": -2, "明年": 1, "后年": 2, "後年": 2,
                "this year": 0, "last year": -1, "next year": 1}


def glossed_year(narrative: Narrative) -> int | None:
    """The year of writing told by a relative year glossed with its number: 去年（2022） → 2023."""
    m = _GLOSSED.search(_writer_text(narrative))
    if m is None:
        return None
    return int(m.group("y")) - _GLOSS_SHIFT[m.group("w").lower()]


#: How far from either end of the text a statement of when it was written is looked for.
WRITTEN_CHARS = 400
_WRITTEN: dict[int, tuple[TimeLexicon, re.Pattern[str]]] = {}


def _writer_text(narrative: Narrative) -> str:
    """Where the document may say when it was written: its text, or a thread's opening post
    (a later post's date line is that post's own, see :attr:`Post.time`)."""
    if not narrative.posts:
        return narrative.text
    opener = min(narrative.posts, key=lambda p: p.span.start)
    return narrative.text[: opener.span.end]


def _written_pattern(lex: TimeLexicon) -> re.Pattern[str] | None:
    """A date-of-writing cue and the year after it (写于2024年, posted on March 3, 2023)."""
    cached = _WRITTEN.get(id(lex))
    if cached is None or cached[0] is not lex:
        words = (lex.table("zh", "cues").get("written_before", []) + lex.table("en", "cues").get("written_before", []))
        if not words:
            return None
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        year = _YEAR.replace("(?P<y>", "(?P<y1>").replace("(?P<cn>", "(?P<cn1>")
        pattern = re.compile(rf"(?:{alt})\s*(?:[A-Za-z]+\.?\s+(?:\d{{1,2}},?\s+)?)?(?:{year})", re.IGNORECASE)
        if len(_WRITTEN) > 16:
            _WRITTEN.clear()
        cached = _WRITTEN[id(lex)] = (lex, pattern)
    return cached[1]


def written_year(narrative: Narrative, lexicon: TimeLexicon | None = None) -> int | None:
    """The year the text says it was written in, near its start or its end
    (``写于2024年5月``, ``written in March 2023``), or ``None``."""
    for m in _writing_phrases(_writer_text(narrative), lexicon or builtin_time_lexicon()):
        found = _year_of(m, "y1", "cn1")
        if found is not None:
            return found
    return None


def _writing_phrases(text: str, lex: TimeLexicon) -> list[re.Match[str]]:
    """The first date-of-writing phrase near the start of ``text`` and the first near its end
    (matched in the folded text, whose offsets are ``text``'s)."""
    pattern = _written_pattern(lex)
    if pattern is None:
        return []
    folded = text.translate(_fold(lex))
    found = (pattern.search(folded, lo, lo + WRITTEN_CHARS) for lo in (0, max(0, len(text) - WRITTEN_CHARS)))
    return [m for m in found if m is not None]


#: A line that says when the text (or a post) was written holds at most this many characters.
DATELINE_CHARS = 80


def datelines(text: str, lexicon: TimeLexicon | None = None) -> list[tuple[int, int]]:
    """Spans of the short lines that say when the text or a post was written (``写于2024年12月31日，
    虹桥机场``, ``發佈於 2024/2/26 23:41``, ``Posted March 3, 2023 · 8 min read``): they date the
    writing and tell no happening."""
    lex = lexicon or builtin_time_lexicon()
    pattern = _written_pattern(lex)
    if pattern is None:
        return []
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(text.translate(_fold(lex))):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        short = end - start <= DATELINE_CHARS and not text[start : m.start()].strip(" \t*_>#-—–·|()（）[]【】")
        if short and (not out or out[-1] != (start, end)):
            out.append((start, end))
    return out


def about_year(narrative: Narrative, lexicon: TimeLexicon | None = None) -> int | None:
    """The year the text says it is about: the last year its title names (a title,
    not a first line that ends like a sentence), else an "about" phrase in its opening (``回首2025年``, ``looking back at 2023``)."""
    found = about_year_at(narrative, lexicon)
    return None if found is None else found[0]


def about_year_at(narrative: Narrative, lexicon: TimeLexicon | None = None) -> tuple[int, int] | None:
    """:func:`about_year` and where the text names it: -1 for the title, else the phrase's offset."""
    lex = lexicon or builtin_time_lexicon()
    fold = _fold(lex)
    if narrative.title and not _SENTENCE_END.search(narrative.title):
        title = narrative.title.translate(fold)
        years = [y for m in re.finditer(_YEAR, title) if (y := _year_of(m, "y", "cn"))]
        if years:
            return years[-1], -1
    opening = narrative.text[:OPENING_CHARS].translate(fold)
    m = _about_re(lex).search(opening)
    if m:
        year = _year_of(m, "y1", "cn1", "y2", "cn2")
        return None if year is None else (year, m.start())
    return None


#: "today" or a date-of-writing word; a full date follows within a few characters.
_TODAY = re.compile(
    r"今天|今日|写于|写在|记于|发表于|发布于|更新于|(?i:\btoday\b|\bit'?s\b|\bit is\b|written on|posted on|published on|updated on)")
#: How far after such a word its date may begin (今天（2023/12/28）, "Today, March 3, 2024").
_TODAY_GAP = 6
#: An absolute date of a day or a month (what the document's own time finder gives for 2024年12月31日,
#: 2024.12.31, "Dec 31, 2024", "December 2023").
_DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def _dates(text: str) -> list[TimeExpr]:
    """The absolute dates of a day or a month in ``text``, read by the time finder itself
    (a reference date is passed so that it does not look for one: no recursion)."""
    from .time import find_times  # time imports this module

    return [t for t in find_times(text, "1900") if t.value and not t.resolved and _DAY_OR_MONTH.fullmatch(t.value)]


def written_date(narrative: Narrative) -> str | None:
    """The date (ISO, a day or a month) the text says it is written on, near its start or end:
    a line that is only a date or says so (see :func:`_date_line`), "today" with a date
    (今天（2023/12/28）是我的最后一天, "Today, March 3, 2024, I …") or a date-of-writing
    phrase with a day (写于2024年5月3日, "Posted on June 3, 2021"); else ``None``.
    In a thread, only the opening post is read (see :func:`_writer_text`)."""
    text = _writer_text(narrative)
    lined = _date_line(text)
    if lined is not None:
        return lined
    for part in (text[:WRITTEN_CHARS], text[-WRITTEN_CHARS:]):
        for cue in _TODAY.finditer(part):
            window = part[cue.end() : cue.end() + _TODAY_GAP + 24]
            day = next((t for t in _dates(window) if t.span.start <= _TODAY_GAP and len(str(t.value)) == 10), None)
            if day is not None and not any(ch in window[: day.span.start] for ch in "\n。.!?！？"):
                return str(day.value)
    return _written_month(text)


def _written_month(text: str) -> str | None:
    """The month or day a date-of-writing phrase names (写于2024年5月, "I'm writing this in
    February 2022"), or ``None`` when it names only a year."""
    for m in _writing_phrases(text, builtin_time_lexicon()):
        window = text[m.start() : m.end() + 12]
        date = next((t for t in _dates(window) if t.span.start < m.end() - m.start()), None)
        if date is not None:
            return str(date.value)
    return None


#: A sentence of an article's opening that says when its interviews or fieldwork took place.
_STUDY = re.compile(r"田野调查|实地调查|调研|访谈|问卷|采访|(?i:\binterview(?:s|ed)?\b|\bfieldwork\b|\bsurvey(?:s|ed)?\b)")
_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]|\.(?=\s)|$)")
STUDY_CHARS = 2500


def study_year(narrative: Narrative) -> int | None:
    """For an article, the last year of the interviews or fieldwork its opening dates
    ("本文基于2024年7月至9月进行的田野调查", "Interviews were conducted between September
    2022 and February 2023"): what the interviewees' 去年 and 今年 count from. ``None`` for
    other formats or when no such sentence names a year."""
    if narrative.format != "article":
        return None
    for m in _SENTENCE.finditer(narrative.text, 0, min(len(narrative.text), STUDY_CHARS)):
        if _STUDY.search(m.group()) is None:
            continue
        years = [y for y in (_year_of(x, "y", "cn") for x in re.finditer(_YEAR, m.group())) if y]
        if years:
            return max(years)
    return None


#: Besides its date, what a line that dates the writing may hold: a few words (夜, 于台北).
_DATE_LINE_REST = 12
#: …or, when it says so, a line of up to this many characters ("写于从浦东飞往乌鲁木齐的航班上，2024年12月").
_CUED_LINE = 80
_LINE_CUES: dict[int, tuple[TimeLexicon, re.Pattern[str]]] = {}


def _line_cue(lex: TimeLexicon) -> re.Pattern[str]:
    """Words that make a short dated line the date of writing (lexicon ``written_line``)."""
    cached = _LINE_CUES.get(id(lex))
    if cached is None or cached[0] is not lex:
        zh = "|".join(re.escape(w) for w in lex.table("zh", "cues").get("written_line", []))
        en = "|".join(re.escape(w) for w in lex.table("en", "cues").get("written_line", []))
        parts = ([zh] if zh else []) + ([rf"(?i:\b(?:{en})\b)"] if en else [])
        cached = (lex, re.compile("|".join(parts) or r"(?!)"))
        _LINE_CUES[id(lex)] = cached
    return cached[1]


def _date_line(text: str) -> str | None:
    """The date of a line near the start or the end of ``text`` that is nothing but a date
    (and a few words: 2024年12月31日 夜于台北, "— Dec 31, 2024") or says it dates the writing
    (写于…航班上，2024年12月, 收稿日期：2024年5月): when the text was written."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    for line in lines[:3] + lines[-3:]:
        found = _dates(line)
        if not found:
            continue
        t = found[0]
        rest = (line[: t.span.start] + line[t.span.end :]).strip(" \t*_>#-—–·|()（）[]【】")
        lex = builtin_time_lexicon()
        cued = _line_cue(lex).search(line.translate(_fold(lex))) is not None and len(line) <= _CUED_LINE
        if cued or (len(rest) <= _DATE_LINE_REST and not any(ch in rest for ch in "。！？!?：:；;")):
            return str(t.value)
    return None
