"""The line shapes of a PTT article: header fields, footer marks, quotes, and push comments.

Patterns accept both traditional and simplified characters (articles are
often passed through a converter before they reach careernarr), full-width
colons, and the spacing of both the telnet screen and the ptt.cc web page.
"""

from __future__ import annotations

import datetime as _dt
import re

from attrs import frozen

__all__ = [
    "EDIT",
    "FIELD",
    "FORWARDED",
    "FORWARDER",
    "PUSH",
    "QUOTED",
    "QUOTE_HEAD",
    "SITE",
    "URL_LINE",
    "Push",
    "article_time",
    "match_push",
    "split_author",
    "split_title",
]

# 作者 / 看板 / 站內 / 標題 / 時間, each followed by a colon, spaces, or the end of the line.
FIELD = re.compile(r"(作者|看板|站內|站内|[標标][題题]|[時时][間间])(?:[ \t]*[:：][ \t]*|[ \t]+|$)")
# ※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.2.3.4 (臺灣)   — or the older ※ Origin: 批踢踢實業坊 <ptt.cc> ◆ From: 1.2.3.4
SITE = re.compile(
    r"^※\s*(?:[發发]信站|Origin)\s*[:：]\s*(?P<site>.*?)\s*"
    r"(?:(?:[,，]\s*[來来]自|◆\s*From)\s*[:：]\s*(?P<ip>[\d.]+)(?:\s*\((?P<place>[^)]*)\))?)?\s*$"
)
URL_LINE = re.compile(r"^※\s*文章[網网]址\s*[:：]\s*(?P<url>\S+)\s*$")
EDIT = re.compile(r"^※\s*[編编][輯辑]\s*[:：]\s*(?P<user>\S+)\s*(?:\((?P<from>[^)]*)\))?\s*,?\s*(?P<time>.*?)\s*$")
FORWARDED = re.compile(r"^※\s*\[\s*本文[轉转][錄录]自\s*(?P<board>\S+?)\s*[看][板]\s*(?P<article>#\S+)?\s*\]")
FORWARDER = re.compile(r"^※\s*[轉转][錄录]者\s*[:：]\s*(?P<user>\S+)")
QUOTE_HEAD = re.compile(r"^※\s*引述\s*《\s*(?P<user>[^\s《》()]+)\s*(?:\((?P<nick>[^《》]*)\))?\s*》\s*之[銘铭]言")
QUOTED = re.compile(r"^[:：](?:\s|$)")
# 推 user: text [ip] MM/DD [HH:MM]
PUSH = re.compile(
    r"^(?P<tag>[推噓嘘→])[ \t]*(?P<user>[A-Za-z0-9_]+)[ \t]*[:：][ \t]?(?P<text>.*?)[ \t]*"
    r"(?:(?P<ip>\d{1,3}(?:\.\d{1,3}){3})[ \t]+)?(?P<month>\d{1,2})/(?P<day>\d{1,2})"
    r"(?:[ \t]+(?P<clock>\d{1,2}:\d{2}))?[ \t]*$"
)
STANCES = {"推": "push", "噓": "boo", "嘘": "boo", "→": "neutral"}


@frozen
class Push:
    """One push comment line, as read (offsets relative to the line)."""

    stance: str
    user: str
    text_start: int
    text_end: int
    ip: str | None
    month: int
    day: int
    clock: str | None


def match_push(line: str) -> Push | None:
    """The push comment on ``line``, if it is one."""
    m = PUSH.match(line)
    if m is None:
        return None
    month, day = int(m.group("month")), int(m.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Push(STANCES[m.group("tag")], m.group("user"), m.start("text"), m.end("text"),
                m.group("ip"), month, day, m.group("clock"))


def split_author(value: str) -> tuple[str, str | None]:
    """``ptt_user (小明)`` → ``("ptt_user", "小明")``."""
    m = re.match(r"^\s*(\S+?)\s*(?:\((.*)\))?\s*$", value)
    if m is None:
        return value.strip(), None
    nick = m.group(2)
    return m.group(1), nick.strip() if nick and nick.strip() else None


def split_title(value: str) -> tuple[str | None, bool, bool]:
    """``Re: [心得] 標題`` → ``("心得", is_reply, is_forward)``."""
    m = re.match(r"^\s*((?:(?:Re|RE|re|Fw|FW|fw|轉|转)\s*[:：]\s*)*)(?:\[\s*([^\]]+?)\s*\]|【\s*([^】]+?)\s*】)?", value)
    if m is None:  # pragma: no cover - the pattern matches every string
        return None, False, False
    prefix = m.group(1).lower()
    return m.group(2) or m.group(3), "re" in prefix, "fw" in prefix or "轉" in prefix or "转" in prefix


def article_time(value: str) -> _dt.datetime | None:
    """``Wed Mar  5 21:14:09 2025`` (weekday optional) as a datetime, or ``None``."""
    s = " ".join(value.split())
    for fmt in ("%a %b %d %H:%M:%S %Y", "%b %d %H:%M:%S %Y", "%a %b %d %H:%M %Y", "%Y/%m/%d %H:%M:%S",
                "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return _dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
    return None
