"""What a thread's posts say about themselves and each other.

* :func:`header_of` reads a per-post header line: ``#3 alice 2023-04-05
  10:00``, ``3楼 张三``, ``alice · 2 小时前 · #3``, ``**alice** replied:``,
  ``Reply #3 by alice``, ``alice 发表于 2023-4-5 10:00``.
* :func:`mentions_in` finds ``@name`` and ``@name #N`` (a reply to floor N,
  and a claim that floor N was written by ``name``).
* :func:`resolve_authors` turns a stated author and the claims of later
  posts into an author, its candidates and where it came from.
* :func:`visible_text` and :func:`post_links` read HTML with lxml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import frozen

from ._common import html_links, normalize_date, text_links, unique

__all__ = ["Header", "Mention", "date_line_of", "header_of", "mentions_in", "post_links", "reply_refs",
           "resolve_authors", "visible_text"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_NAME = rf"(?P<name>[A-Za-z0-9_][A-Za-z0-9_.-]{{0,38}}|[{_CJK}][{_CJK}A-Za-z0-9_-]{{0,15}})"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WHEN = (
    r"(?P<when>"
    rf"\d{{4}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?(?:(?:\s+|T){_CLOCK})?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}(?:,?\s+{_CLOCK})?"
    rf"|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}(?:,?\s+(?:at\s+)?{_CLOCK})?"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}(?:,?\s+{_CLOCK})?"
    r"|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月|年)\s*前"
    r"|\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdwy])\s+ago"
    rf"|(?:刚刚|剛剛|昨天|前天|今天|yesterday|today|just now)(?:\s*{_CLOCK})?"
    rf"|{_CLOCK})"
)
_SEP = r"\s*[·•|｜,，:：\-–—]?\s*"
_FLOOR_WORD = r"(?:楼|樓|F|L)?"

_HEADERS = [
    # #3 alice 2023-04-05 10:00  /  #3楼 · alice
    re.compile(rf"^[#＃](?P<floor>\d{{1,5}}){_FLOOR_WORD}{_SEP}@?{_NAME}(?:{_SEP}{_WHEN})?$"),
    # 3楼 alice  /  第3樓：alice 2023/4/5
    re.compile(rf"^(?:第\s*)?(?P<floor>\d{{1,5}})\s*[楼樓]{_SEP}@?{_NAME}(?:{_SEP}{_WHEN})?$"),
    # alice · 2 小时前 · #3
    re.compile(
        rf"^@?{_NAME}\s*[·•|｜]\s*(?:{_WHEN}\s*[·•|｜]\s*)?"
        r"(?:[^#＃\n]{0,30}?\s*[·•|｜]\s*)?[#＃](?P<floor>\d{1,5})\s*[楼樓]?$"
    ),
    # alice  2 hours ago via Android  #3
    re.compile(
        rf"^@?{_NAME}\s+{_WHEN}(?:\s+[^#＃\n]{{0,30}}?)?\s+[#＃](?P<floor>\d{{1,5}})\s*[楼樓]?$"
    ),
    # Reply #3 by alice on Apr 5, 2023
    re.compile(
        rf"^(?:reply|post|comment)\s*[#＃](?P<floor>\d{{1,5}})\s+(?:by|from)\s+{_NAME}"
        rf"(?:\s+(?:on|at|·)?\s*{_WHEN})?$",
        re.IGNORECASE,
    ),
    # 回覆 #1 — alice  /  回复 3楼：alice  /  Reply #2 · alice 2023-04-05
    re.compile(
        rf"^(?:回覆|回复|回應|回应|reply|comment)\s*(?:[#＃]\s?(?P<floor>\d{{1,5}})|(?:第\s*)?(?P<lou>\d{{1,5}})\s*[楼樓])"
        rf"{_SEP}@?{_NAME}(?:{_SEP}{_WHEN})?$",
        re.IGNORECASE,
    ),
    # 樓主 — alice  /  楼主：alice 2023-04-05  /  OP: alice: the opening post
    re.compile(rf"^(?P<op>楼主|樓主|OP|原帖|发帖人|發文者)\s*[·•|｜,，:：\-–—]\s*@?{_NAME}(?:{_SEP}{_WHEN})?$"),
    # alice 发表于 2023-4-5 10:00
    re.compile(rf"^{_NAME}\s*(?:发表于|發表於|发布于|發佈於|posted on|posted)\s*{_WHEN}$", re.IGNORECASE),
]
# **alice** replied:  /  **张三** 回复：  /  **bob** (2023-04-05) wrote:
_BOLD_HEADER = re.compile(
    r"^\*\*@?(?P<name>[^*\n]{1,40}?)\*\*\s*"
    rf"(?:[(（]{_WHEN}[)）]\s*)?"
    r"(?:replied|replies|wrote|writes|said|says|commented|answered|回复道|回复|回覆|写道|寫道|说道|說道|说|說|评论|評論|答)"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)
_DATEISH = re.compile(r"^\d{1,4}[-/.年:]\d")
_EMPHASIS = re.compile(r"(\*\*|__)")
_ABSOLUTE = re.compile(rf"\d{{4}}|{_MONTHS}", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])?")

_MENTION = re.compile(
    r"(?<![A-Za-z0-9_.@/\\])@"
    rf"(?:(?P<ascii>[A-Za-z0-9_][A-Za-z0-9_.-]*)|(?P<cjk>[{_CJK}][{_CJK}A-Za-z0-9_-]*))"
    r"(?:[ \t\u3000]*[#＃][ \t]?(?P<floor>\d{1,5})(?!\d))?"
)
_REPLY_REF = re.compile(
    r"(?:回复|回覆|replying to|reply to|re:)\s*(?:[#＃]\s?(?P<hash>\d{1,5})|(?:第\s*)?(?P<lou>\d{1,5})\s*[楼樓])",
    re.IGNORECASE,
)


@frozen
class Header:
    """What a post's header line states: its floor (as written), author and time."""

    author: str | None
    floor: int | None = None
    time: str | None = None
    #: unmistakably a header (it carries a time, or is ``**name** replied:``),
    #: not a reply that happens to start like one (``3楼 说得对``)
    distinct: bool = False


@frozen
class Mention:
    """An ``@name``, with the floor of ``@name #N`` when one follows."""

    name: str
    floor: int | None = None


def header_of(line: str) -> Header | None:
    """The header a post's first line states, or ``None`` if it is not a header line."""
    raw = line.strip()
    if not raw or len(raw) > 120:
        return None
    bold = _BOLD_HEADER.match(raw)
    if bold:
        return Header(bold.group("name").strip(), None, _edtf(bold.group("when")), True)
    plain = _EMPHASIS.sub("", raw).strip()
    for pattern in _HEADERS:
        m = pattern.match(plain)
        if m and not _DATEISH.match(m.group("name")):
            groups = m.groupdict()
            floor = groups.get("floor") or groups.get("lou") or ("0" if groups.get("op") else None)
            when = groups.get("when")
            labelled = bool(groups.get("op") or groups.get("lou")) or raw.lower().startswith(("回", "reply", "comment"))
            return Header(m.group("name"), int(floor) if floor else None, _edtf(when), bool(when) or labelled)
    return None


#: Words around a post's own date line: 发表于 2024-03-02, 楼主 alice 2024/03/02 21:14, Posted on March 2, 2024.
_DATE_LABEL = re.compile(
    r"发表于|發表於|发表时间|發表時間|发布于|發佈於|發布於|釋出於|释出于|发布时间|發佈時間|编辑于|編輯於|"
    r"IP[ \t]*属地|IP[ \t]*屬地|楼主|樓主|层主|層主|作者|日期|时间|時間|星期[一二三四五六日天]|周[一二三四五六日天]|週[一二三四五六日天]|"
    r"\b(?:posted|published|edited|updated|written|date|on|at|by|op|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\b",
    re.IGNORECASE,
)
_DATE_LINE_PUNCT = re.compile(r"[·•・|｜,，:：\-–—()（）\[\]【】/]")


def date_line_of(line: str) -> str | None:
    """The absolute time a post's date line states (``發表於 2024-03-02``,
    ``2024/03/02 21:14``, ``posted on March 2, 2024``, ``楼主 2024-03-02 10:00``), or ``None``.

    Besides the time, the line may hold only label words, separators and at
    most one other word (a name): a sentence that mentions a date is not a
    date line.
    """
    raw = _EMPHASIS.sub("", line).strip()
    if not raw or len(raw) > 80:
        return None
    m = re.search(_WHEN, raw)
    if m is None:
        return None
    when = _edtf(m.group("when"))
    if when is None:
        return None
    rest = _DATE_LABEL.sub(" ", raw[: m.start()] + " " + raw[m.end() :])
    rest = _DATE_LINE_PUNCT.sub(" ", re.sub(_CLOCK, " ", rest))
    words = rest.split()
    if len(words) > 1 or (words and (len(words[0]) > 20 or re.search(r"[。！？!?.;；]$", words[0]))):
        return None
    return when


def _edtf(when: str | None) -> str | None:
    """An absolute written time as EDTF (``2023-04-05`` or ``2023-04-05T10:00:00``)."""
    if not when or not _ABSOLUTE.search(when):
        return None
    day = normalize_date(when)
    if day is None or len(day) != 10:
        return day
    clock = _TIME_OF_DAY.search(when[4:])
    if clock is None:
        return day
    hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
    meridiem = (clock.group(4) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return day
    return f"{day}T{hour:02d}:{minute:02d}:{second:02d}"


def mentions_in(text: str) -> list[Mention]:
    """Every ``@name`` in ``text``, in order, with the floor of ``@name #N``."""
    found = []
    for m in _MENTION.finditer(text):
        if m.group("ascii"):
            name = m.group("ascii").rstrip(".-")
            if not name or len(name) > 40:
                continue
        else:
            name = m.group("cjk")
            if len(name) > 16:  # running text, not a name
                continue
        floor = m.group("floor")
        found.append(Mention(name, int(floor) if floor else None))
    return found


def reply_refs(text: str) -> list[int]:
    """Floors answered without naming anyone: ``回复 #3``, ``回复3楼``, ``reply to #3``."""
    return [int(m.group("hash") or m.group("lou")) for m in _REPLY_REF.finditer(text)]


def resolve_authors(stated: str | None, claims: Iterable[str]) -> tuple[
        str | None, list[str], str | None, str | None]:
    """``(author, candidates, author_source, note)`` from a header and later claims.

    A stated author wins; claims that agree give the author; claims that
    disagree (names compared case-insensitively) leave it ``None``.
    """
    names: list[str] = []
    seen: set[str] = set()
    for name in claims:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    if stated:
        others = [n for n in names if n.casefold() != stated.casefold()]
        note = f"header says {stated}, later posts call the author {', '.join(others)}" if others else None
        return stated, [stated, *others], "header", note
    if len(names) == 1:
        return names[0], names, "mention", None
    if names:
        return None, names, "ambiguous", f"later posts disagree about the author: {', '.join(names)}"
    return None, [], None, None


def visible_text(fragment: str) -> str:
    """``fragment`` as a reader sees it: HTML tags read by lxml and dropped."""
    if "<" not in fragment or ">" not in fragment:
        return fragment
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    if not any(isinstance(el.tag, str) for el in root.iterdescendants()):
        return fragment
    return str(root.text_content())


def post_links(fragment: str) -> list[str]:
    """Links of a stretch of text: ``<a href>`` targets, then bare URLs in its visible text."""
    return unique(html_links(fragment) + text_links(visible_text(fragment)))
