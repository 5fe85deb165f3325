"""``ptt``: a PTT BBS article with its comments, as a thread.

The article (header, body, signature, footer) is floor 0; every
``推/噓/→ user: text MM/DD HH:MM`` line after it is a post of its own (floors
1…N) with its author, stance (``push``/``boo``/``neutral``), the span of its
words and its time, dated with the article's year (rolling over to the next
year when the month goes backwards). The whole input is the narrative's text;
structure goes into sections (``header``, ``body``, ``quote``, ``signature``,
``footer``, ``comments``) and fields into metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from attrs import frozen
from careernarr.errors import ParseError
from careernarr.model import Narrative, Post, Section
from careernarr.source import Source

from .lines import (
    EDIT,
    FIELD,
    FORWARDED,
    FORWARDER,
    QUOTE_HEAD,
    QUOTED,
    SITE,
    URL_LINE,
    article_time,
    match_push,
    split_author,
    split_title,
)

__all__ = ["PttParser"]

_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}，。、；：！？（）【】「」]+")
_KEYS = {"作者": "author", "看板": "board", "站內": "board", "站内": "board", "標題": "title", "标题": "title",
         "標题": "title", "标題": "title", "時間": "time", "时间": "time", "時间": "time", "时間": "time"}
_EXPECTED = "a PTT article: 作者/看板/標題/時間 header lines at the top, or 推/噓/→ comment lines"


@frozen
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _header(lines: Sequence[_Line]) -> tuple[dict[str, str], int, int] | None:
    """The header fields, the index of its first line and of the first line after it.

    The header starts at the first ``作者`` line among the first 15 lines (a
    copy of the web page may start with the site's navigation).
    """
    first = next((i for i in range(min(15, len(lines)))
                  if (m := FIELD.match(lines[i].text.strip())) and m.group(1) == "作者"), None)
    if first is None:
        return None
    i = first
    fields: dict[str, str] = {}
    while i < len(lines):
        line = lines[i].text.strip()
        m = FIELD.match(line)
        if m is None:
            break
        key, value = _KEYS.get(m.group(1), m.group(1)), line[m.end():].strip()
        if not value and i + 1 < len(lines) and not FIELD.match(lines[i + 1].text.strip()):
            i += 1  # the web page's layout: the key on one line, its value on the next
            value = lines[i].text.strip()
        if key == "author":
            board = re.search(r"\s*(看板|站內|站内)(?:[ \t]*[:：][ \t]*|[ \t]*)(\S*)\s*$", value)
            if board:
                value, fields["board"] = value[: board.start()].strip(), board.group(2)
                if not fields["board"] and i + 1 < len(lines) and not FIELD.match(lines[i + 1].text.strip()):
                    i += 1
                    fields["board"] = lines[i].text.strip()
        fields.setdefault(key, value)
        i += 1
    return fields, first, i


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class PttParser:
    """PTT BBS articles: header fields, body, footer, and push comments as posts."""

    name = "ptt"
    description = "PTT BBS articles (作者/看板/標題/時間 header, ※ 發信站 footer): 推/噓/→ comments become posts."

    def sniff(self, source: Source) -> float:
        top = [ln.strip() for ln in source.head.split("\n")[:20] if ln.strip()]
        keys = [_KEYS.get(m.group(1)) for ln in top if (m := FIELD.match(ln))]
        if "author" in keys and {"title", "time", "board"} & set(keys[keys.index("author"):]):
            return min(0.9 + 0.02 * len(set(keys)), 0.98)
        if "批踢踢實業坊" in source.head or re.search(r"^※\s*(?:[發发]信站|引述《)", source.head, re.MULTILINE):
            return 0.6
        pushes = sum(1 for ln in source.head.split("\n") if match_push(ln))
        return 0.5 if pushes >= 3 else 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        lines = _lines(text)
        warnings: list[str] = []
        meta: dict[str, Any] = {}
        header = _header(lines)
        header_span: tuple[int, int] | None = None
        preamble_span: tuple[int, int] | None = None
        if header is None:
            fields: dict[str, str] = {}
            body_from = 0
        else:
            fields, first, body_from = header
            end = lines[body_from - 1].end
            header_span = (lines[first].start, end)
            meta["header"] = dict(fields)
            if text[: lines[first].start].strip():
                preamble_span = _trim(text, 0, lines[first].start)
        pushes = [(i, p) for i in range(body_from, len(lines)) if (p := match_push(lines[i].text))]
        first_push = pushes[0][0] if pushes else len(lines)
        site = next((i for i in range(first_push - 1, body_from - 1, -1) if SITE.match(lines[i].text.strip())), None)
        if header is None and not pushes and site is None:
            raise ParseError("no PTT header, footer or comment lines", file=source.name, line=1, expected=_EXPECTED)
        if header is None:
            warnings.append("no 作者/看板/標題/時間 header: the article's author, title and date are unknown")

        # -- header fields
        author_id, nickname = split_author(fields["author"]) if "author" in fields else (None, None)
        if nickname:
            meta["nickname"] = nickname
        if fields.get("board"):
            meta["board"] = fields["board"]
        title = fields.get("title") or None
        if title:
            category, reply, forward = split_title(title)
            if category:
                meta["category"] = category
            meta["reply"], meta["forward"] = reply, forward
        posted = article_time(fields["time"]) if fields.get("time") else None
        if posted:
            meta["time"] = posted.isoformat()
        elif fields.get("time"):
            warnings.append(f"line {body_from}: cannot read the article time {fields['time']!r}")

        # -- footer: the last ※ 發信站 before the comments, its signature and following lines
        sections: list[Section] = []
        if header_span:
            sections.append(Section(None, 0, header_span, "header"))
            if preamble_span:
                sections.append(Section(None, 0, preamble_span, "navigation"))
        body_end_line = first_push
        if site is not None:
            m = SITE.match(lines[site].text.strip())
            assert m is not None
            meta["site"] = m.group("site")
            if m.group("ip"):
                meta["ip"] = m.group("ip")
            if m.group("place"):
                meta["ip_place"] = m.group("place")
            signature = _signature(lines, site, body_from)
            if signature is not None:
                body_end_line, sig_from, sig_to = signature
                sig = _trim(text, lines[sig_from].start, lines[sig_to - 1].end) if sig_to > sig_from else None
                if sig and sig[1] > sig[0]:
                    sections.append(Section(None, 0, sig, "signature"))
            else:
                body_end_line = site
            footer = _trim(text, lines[site].start, lines[first_push - 1].end)
            sections.append(Section(None, 0, footer, "footer"))
        body_start = lines[body_from].start if body_from < len(lines) else len(text)
        body_end = lines[body_end_line - 1].end if body_end_line > body_from else body_start
        body = _trim(text, body_start, body_end)
        if body[1] > body[0]:
            sections.append(Section(title, 1, body, "body"))
        sections.extend(self._quotes(lines, body_from, body_end_line, meta))
        self._marks(lines, body_from, len(lines), meta)
        url = meta.pop("_url", None)
        if pushes:
            comments = _trim(text, lines[first_push].start, len(text))
            sections.append(Section(None, 0, comments, "comments"))
        sections.sort(key=lambda s: (s.span.start, -s.span.end))

        # -- posts: the article, then one per push line
        article_from = header_span[0] if header_span else 0  # after any navigation copied with the page
        article = _trim(text, article_from, lines[first_push - 1].end if first_push > 0 else 0)
        posts = [Post(0, article, author=author_id, author_source="header" if author_id else None,
                      links=_links(text[article[0]:article[1]]), time=meta.get("time"))]
        counts = {"push": 0, "boo": 0, "neutral": 0}
        listed: list[dict[str, Any]] = []
        year, month = (posted.year, posted.month) if posted else (None, None)
        for floor, (i, push) in enumerate(pushes, start=1):
            counts[push.stance] += 1
            if year is not None and month is not None and push.month < month:
                year += 1
            month = push.month
            when = None
            if year is not None:
                when = f"{year:04d}-{push.month:02d}-{push.day:02d}"
                if push.clock:
                    hh, mm = push.clock.split(":")
                    when += f"T{int(hh):02d}:{mm}"
            start = lines[i].start
            span = (start + push.text_start, start + push.text_end)
            posts.append(Post(floor, span, author=push.user, author_source="push", time=when, stance=push.stance,
                              links=_links(text[span[0]:span[1]])))
            entry: dict[str, Any] = {"floor": floor, "line": i + 1,
                                     "time_text": f"{push.month:02d}/{push.day:02d}" + (f" {push.clock}" if push.clock else "")}
            if push.ip:
                entry["ip"] = push.ip
            listed.append(entry)
        if pushes:
            meta["push_counts"] = counts
            meta["pushes"] = listed
        return Narrative(
            format=self.name,
            text=text,
            title=title,
            date=posted.date().isoformat() if posted else None,
            url=url,
            authors=[author_id] if author_id else [],
            links=_links(text),
            metadata=meta,
            sections=sections,
            posts=posts,
            source=source.path,
            warnings=warnings,
        )

    @staticmethod
    def _quotes(lines: Sequence[_Line], start: int, stop: int, meta: dict[str, Any]) -> list[Section]:
        """``※ 引述《user (nick)》之銘言:`` and the ``: `` lines after it, as ``quote`` sections."""
        sections: list[Section] = []
        quotes: list[dict[str, Any]] = []
        i = start
        while i < stop:
            head = QUOTE_HEAD.match(lines[i].text.strip())
            if head or QUOTED.match(lines[i].text):
                j = i + 1
                while j < stop and QUOTED.match(lines[j].text):
                    j += 1
                span = (lines[i].start, lines[j - 1].end)
                sections.append(Section(None, 2, span, "quote"))
                if head:
                    entry: dict[str, Any] = {"author": head.group("user"), "line": i + 1, "span": list(span)}
                    if head.group("nick"):
                        entry["nickname"] = head.group("nick").strip()
                    quotes.append(entry)
                i = j
            else:
                i += 1
        if quotes:
            meta["quotes"] = quotes
        return sections

    @staticmethod
    def _marks(lines: Sequence[_Line], start: int, stop: int, meta: dict[str, Any]) -> None:
        """``※`` lines anywhere after the header: article URL, edits, forwarding."""
        edits: list[dict[str, Any]] = []
        for i in range(start, stop):
            line = lines[i].text.strip()
            if not line.startswith("※"):
                continue
            if m := URL_LINE.match(line):
                meta["_url"] = m.group("url")
            elif m := EDIT.match(line):
                edit = {"author": m.group("user"), "line": i + 1}
                if m.group("from"):
                    edit["from"] = m.group("from")
                if m.group("time"):
                    edit["time"] = m.group("time")
                edits.append(edit)
            elif m := FORWARDED.match(line):
                meta.setdefault("forwarded_from", {"board": m.group("board"), "article": m.group("article")})
            elif m := FORWARDER.match(line):
                meta.setdefault("forwarded_by", m.group("user"))
        if edits:
            meta["edits"] = edits


def _dashes_above(lines: Sequence[_Line], below: int, floor: int) -> int | None:
    """The nearest ``--`` line above line ``below`` (within 15 lines, not past another footer)."""
    for i in range(below - 1, max(floor, below - 16) - 1, -1):
        line = lines[i].text.strip()
        if line == "--":
            return i
        if SITE.match(line):  # a quoted or forwarded article's own footer
            return None
    return None


def _signature(lines: Sequence[_Line], site: int, floor: int) -> tuple[int, int, int] | None:
    """``(body end, signature start, signature end)`` line indexes before the footer at ``site``.

    PTT closes an article with ``--`` before ``※ 發信站``; a signature sits
    between that mark and the footer, or between two marks.
    """
    close = _dashes_above(lines, site, floor)
    if close is None:
        return None
    if any(lines[i].text.strip() for i in range(close + 1, site)):
        return close, close + 1, site
    opener = _dashes_above(lines, close, floor)
    if opener is None:
        return close, close, close
    return opener, opener + 1, close


def _links(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in _URL.finditer(text):
        seen.setdefault(m.group(0).rstrip(".,;:!?"), None)
    return list(seen)

