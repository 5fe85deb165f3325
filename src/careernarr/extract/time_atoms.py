"""What a time pattern finds before it is placed on the calendar: an :class:`Atom`.

An atom records what the words say — a written year, a relative year
(``去年`` = -1), a month, a part of the year, a duration — and nothing that
needs the document's context. :mod:`careernarr.extract.time` places atoms
(the reference year, the year in context) and joins them into ranges.

Also here: the patterns both languages share (``2016/01/21``,
``2019–05–08``, ``04/23/2023``) and the guards of a bare year (``2025``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from attrs import define

__all__ = [
    "Atom",
    "Pattern",
    "S",
    "bare_year_ok",
    "is_han",
    "numeric_patterns",
    "prev_char",
    "prev_word",
    "scan",
]

#: Spaces allowed inside an expression (never a line break).
S = r"[ \t\u3000]*"



#: Parts of a decade, as (first, last) years within it: early, middle, late.
DECADE_PARTS: dict[str, tuple[int, int]] = {
    "early": (0, 3), "mid": (4, 6), "late": (7, 9),
    "初": (0, 3), "前": (0, 3), "中": (4, 6), "末": (7, 9), "后": (7, 9),
}


@define
class Atom:
    """One time expression as written, before it is placed.

    ``kind`` is ``date`` (a place on the calendar), ``duration``, ``none``
    (a time word that names no time: 当年, 几年, 有一天) or ``block`` (a set
    phrase such as 一天到晚: it hides the time words inside it).
    """

    start: int
    end: int
    rule: str
    kind: str = "date"
    year: int | None = None  # written in full: 2025
    two_digit: int | None = None  # 14 of 14年底
    rel_year: int | None = None  # 去年 = -1, from the reference year
    ana_year: int | None = None  # 次年 = +1, from the year in context
    of_event: str | None = None  # 毕业 of 毕业那年: the year of a happening, known only if told
    month: int | None = None
    day: int | None = None
    months: tuple[int, int] | None = None  # a part of the year
    days: tuple[int, int] | None = None  # a part of the month
    season: int | None = None
    decade: str | None = None
    two_digit_decade: int | None = None  # 90 of 90年代
    decade_part: tuple[int, int] | None = None  # 九十年代初, the early 1990s: (0, 3) of the decade
    shift: tuple[str, int] | None = None  # ("Y", -2) 两年前, ("M", -1) 上个月
    duration: str | None = None
    parts: tuple[tuple[float, str], ...] = ()  # a duration's (amount, designator) pairs
    approx: bool = False
    until_year: int | None = None  # 2014-2016: a range of years in one atom
    recent: int | None = None  # this past March (-1), next March (+1): the closest such month before / after the reference date

    @property
    def has_year(self) -> bool:
        """Whether the words say which year (in full, in two digits, relatively, or as a decade)."""
        return (
            self.year is not None
            or self.two_digit is not None
            or self.rel_year is not None
            or self.ana_year is not None
            or self.shift is not None
            or self.decade is not None
            or self.two_digit_decade is not None
            or self.recent is not None
        )


#: A compiled pattern and the function that turns a match into an atom (or rejects it).
Handler = Callable[["re.Match[str]", str], Atom | None]
Pattern = tuple["re.Pattern[str]", Handler]


def scan(text: str, patterns: list[Pattern], start: int = 0, end: int | None = None) -> Iterator[Atom]:
    """Every atom the patterns find in ``text[start:end]`` (overlaps included)."""
    stop = len(text) if end is None else end
    for regex, handler in patterns:
        for m in regex.finditer(text, start, stop):
            atom = handler(m, text)
            if atom is not None:
                yield atom


def is_han(ch: str) -> bool:
    """A CJK ideograph."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def prev_char(text: str, pos: int, skip_space: bool = False) -> str:
    """The character before ``pos`` (``""`` at the start)."""
    i = pos - 1
    if skip_space:
        while i >= 0 and text[i] in " \t\u3000":
            i -= 1
    return text[i] if i >= 0 else ""


def prev_word(text: str, pos: int) -> str:
    """The Latin word right before ``pos`` (spaces skipped), lower-cased, or ``""``."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    end = i + 1
    while i >= 0 and end - i <= 30 and (text[i].isascii() and text[i].isalpha() or text[i] in ".'’"):
        i -= 1
    word = text[i + 1 : end].strip(".'’")
    if not word or not word[0].isalpha():
        return ""
    if i >= 0 and text[i].isascii() and text[i].isalnum():
        return ""  # part of a longer token (v2, H1)
    return word.lower()


# --- numeric dates shared by every language ---------------------------------

_YEAR4 = r"(?:1[89]|20)\d\d"
_ISO = re.compile(
    rf"(?P<y>{_YEAR4})(?P<s>[-/.–—])(?P<m>1[0-2]|0?[1-9])(?:(?P=s)(?P<d>3[01]|[12]\d|0?[1-9]))?"
    r"(?:[T ](?P<clock>(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)(?:\.\d+)?)?"
    rf"(?P<suffix>{S}[日号])?"
)
_US = re.compile(rf"(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>{_YEAR4})")
# 3/20/23, 11/14/22: month, day and a two-digit year (American usage).
_US_SHORT = re.compile(r"(?P<a>1[0-2]|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9])/(?P<yy>\d\d)(?![\d/])")
_YEAR_RANGE = re.compile(
    rf"(?P<a>{_YEAR4}){S}(?:-|–|—|~|〜|到|至){S}(?P<b>{_YEAR4}|\d\d)(?![\d.])(?P<nian>{S}年(?!代))?"
)
_MONTH_YEAR = re.compile(rf"(?P<m>1[0-2]|0[1-9])/(?P<y>{_YEAR4})")


def _iso(m: re.Match[str], text: str) -> Atom | None:
    start, end = m.span()
    before = prev_char(text, start)
    if before and (before.isalnum() and before.isascii() or before in ".-/–—_"):
        return None
    after = text[end : end + 1]
    sep = m.group("s")
    if after.isdigit() or (after == sep and text[end + 1 : end + 2].isdigit()):
        return None
    if m.group("d") is None and m.group("clock"):
        return None
    if sep == "." and (prev_word(text, start) or after == "."):
        return None  # PyCharm 2024.1, 2024.1.2.3: versions
    if m.group("d") is None and sep in "-–—" and after in {"–", "—", "-"}:
        return None
    day = int(m.group("d")) if m.group("d") else None
    return Atom(start, end, "numeric-date", year=int(m.group("y")), month=int(m.group("m")), day=day)


def _us(m: re.Match[str], text: str) -> Atom | None:
    start, end = m.span()
    before = prev_char(text, start)
    if before.isdigit() or before in {"/", ".", "-"} or text[end : end + 1].isdigit():
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    month, day = (a, b) if a <= 12 else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Atom(start, end, "numeric-date-us", year=int(m.group("y")), month=month, day=day)


def _us_short(m: re.Match[str], text: str) -> Atom | None:
    start, end = m.span()
    before = prev_char(text, start)
    if before.isalnum() or before in {"/", ".", "-", "#", "$", "v", "V"}:
        return None
    if text[end : end + 1] in {".", ","} and text[end + 1 : end + 2].isdigit():
        return None
    return Atom(start, end, "numeric-date-us", two_digit=int(m.group("yy")),
                month=int(m.group("a")), day=int(m.group("b")))


def _month_year(m: re.Match[str], text: str) -> Atom | None:
    start, end = m.span()
    before = prev_char(text, start)
    if before.isdigit() or before in {"/", ".", "-"} or text[end : end + 1].isdigit() or text[end : end + 1] == "/":
        return None
    return Atom(start, end, "numeric-month", year=int(m.group("y")), month=int(m.group("m")))


def _year_range(m: re.Match[str], text: str) -> Atom | None:
    start, end = m.span()
    before = prev_char(text, start)
    if before and (before.isascii() and before.isalnum() or before in {".", "-", "/", "#", "$", "¥", "+"}):
        return None
    after = text[end : end + 1]
    if after and (after.isascii() and after.isalpha() or after in {"%", "/", "-", "+"}):
        return None
    first = int(m.group("a"))
    last = int(m.group("b"))
    if last < 100:
        last += (first // 100) * 100
    if not first < last <= first + 100:
        return None
    return Atom(start, end, "year-range", year=first, until_year=last)


def numeric_patterns() -> list[Pattern]:
    """``2016/01/21``, ``2019–05–08``, ``2025-03``, ``2025.3``, ``04/23/2023``, ``3/20/23``, ``03/2023``, ``2014-2016``."""
    return [(_ISO, _iso), (_US, _us), (_US_SHORT, _us_short), (_MONTH_YEAR, _month_year), (_YEAR_RANGE, _year_range)]


def bare_year_ok(text: str, start: int, end: int, not_after: tuple[str, ...],
                 not_before: frozenset[str], english_cues: frozenset[str]) -> bool:
    """Whether the number at ``text[start:end]`` (``2025``) is a year here.

    Not when it is part of a longer number, a decimal, an amount (``2000元``,
    ``$2019``), a count (``2048个``), a tag (``#2025``) or an identifier; in
    English prose only after a cue word (``in 2019``, ``since 2019``).
    """
    before = prev_char(text, start)
    if (
        before
        and (before.isalnum() and before.isascii() or before in "._/\\:+-–—~@#$¥￥,，")
        and (before not in ",，" or text[start - 2 : start - 1].isdigit())
    ):
        return False
    after = text[end : end + 1]
    if after and (after.isascii() and after.isalnum() or after in "%‰+_"):
        return False
    token = re.search(r"\S{0,24}\Z", text[max(0, start - 24) : start])
    if token is not None and token.group().startswith("@"):
        return False  # @打工仔2046: a user's handle
    if after in {".", ",", ":"} and text[end + 1 : end + 2].isdigit():
        return False
    rest = text[end : end + 4].lstrip(" \t")
    if any(rest.startswith(word) for word in not_after):
        return False
    if before in not_before or prev_char(text, start, skip_space=True) in not_before:
        return False
    word = prev_word(text, start)
    if word:
        return word in english_cues or (word == "then" and after in tuple(".,;:!—–"))  # "Then 2020."
    nxt = text[end : end + 2]
    # "… 2000 users": a number in English prose with no cue before it
    return not (before in " \t" and nxt[:1] == " " and nxt[1:2].isascii() and nxt[1:2].isalpha())
