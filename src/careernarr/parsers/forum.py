"""``forum``: a discussion thread pasted as text — a title, then posts.

How posts are told apart, decided once per document:

``separators``
    lines made only of a run of at least five ``-``, ``—``, ``─``, ``=``,
    ``_`` or ``*`` (spaces between allowed). A run right under a short line
    is a Markdown setext underline, not a separator, unless the document
    uses that very line as its separator elsewhere.
``rules``
    bare Markdown rules (``---``, ``***``), only when most blocks between
    them look like replies (a per-post header line or an ``@mention``).
``headers``
    no separators, but posts introduced by header lines (see
    :mod:`careernarr.parsers._thread`).
``single``
    neither: the whole thread is one post, floor 0.

The opening post is floor 0. Floors stated by header lines are kept, shifted
so that the opening post is 0 when a forum counts it as ``#1``/``1楼``; the
shift is ``metadata["floor_offset"]`` and applies to ``@name #N`` references
too. Authors come from header lines (``author_source="header"``), else from
later posts' ``@name #N`` references (``"mention"``); claims that disagree
leave the author ``None`` with every claimed name in ``author_candidates``
(``"ambiguous"``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from .. import hookimpl
from ..hookspecs import Parser
from ..model import Narrative, Post, Section
from ..source import Source
from ._common import iter_lines, unique
from ._thread import (
    Header,
    date_line_of,
    header_of,
    mentions_in,
    post_links,
    reply_refs,
    resolve_authors,
    visible_text,
)

__all__ = ["ForumParser"]

_SEPARATOR_CHARS = frozenset("-—─━=＝_*－")
_SETEXT_CHARS = frozenset("-=")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_SNIFF_WINDOW = 65536
_MENTION_HINT = re.compile(r"(?<![A-Za-z0-9_.@/])@\S")


@frozen
class _Rule:
    """A line made of one repeated separator character."""

    start: int
    end: int  # end of the line, before its newline
    key: str  # the run without spaces, e.g. "-----"
    setext: bool  # right under a lone short line: a Markdown heading underline


def _rule_key(line: str) -> str | None:
    compact = "".join(line.split())
    if len(compact) >= 3 and compact[0] in _SEPARATOR_CHARS and compact == compact[0] * len(compact):
        return compact
    return None


def _scan_rules(text: str) -> list[_Rule]:
    """Every separator-like line outside fenced code."""
    rules: list[_Rule] = []
    fence: str | None = None
    prev: str | None = None  # previous line (None at start)
    prev_blank_before = True  # was the line before ``prev`` blank (or the start)?
    prev_is_rule = False
    for offset, line in iter_lines(text):
        m = _FENCE.match(line)
        if m:
            marker = m.group(1)[0] * 3
            fence = marker if fence is None else (None if marker == fence else fence)
        key = None if (fence or m) else _rule_key(line)
        if key:
            setext = (
                key[0] in _SETEXT_CHARS
                and prev is not None
                and bool(prev.strip())
                and not prev_is_rule
                and prev_blank_before
                and len(prev.strip()) <= 80
            )
            rules.append(_Rule(offset, offset + len(line), key, setext))
        prev_blank_before = prev is None or not prev.strip() or prev_is_rule
        prev, prev_is_rule = line, bool(key)
    return rules


def _front_matter_end(text: str) -> int:
    """Offset just past a YAML front matter block at the start, or 0."""
    if not text.startswith("---"):
        return 0
    lines = list(iter_lines(text))
    if not lines or lines[0][1].strip() != "---":
        return 0
    keyed = False
    for offset, line in lines[1:60]:
        if line.strip() in ("---", "...") and keyed:
            return offset + len(line)
        if _FRONT_MATTER_KEY.match(line):
            keyed = True
    return 0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks_between(text: str, cuts: Sequence[tuple[int, int]], start: int = 0) -> list[tuple[int, int]]:
    """The trimmed stretches of ``text[start:]`` between the ``cuts`` (start, end) ranges."""
    blocks = []
    pos = start
    for cut_start, cut_end in cuts:
        blocks.append(_trim(text, pos, cut_start))
        pos = cut_end
    blocks.append(_trim(text, pos, len(text)))
    return blocks


def _first_line(text: str, start: int, end: int) -> str:
    nl = text.find("\n", start, end)
    return text[start : end if nl < 0 else nl]


def _looks_like_reply(text: str, start: int, end: int) -> bool:
    return header_of(_first_line(text, start, end)) is not None or bool(
        _MENTION_HINT.search(text, start, end)
    )


@frozen
class _Layout:
    kind: str
    separators: tuple[_Rule, ...] = ()
    headers: tuple[tuple[int, Header], ...] = ()  # (line offset, header) in "headers" layout


def _header_lines(text: str, start: int = 0) -> list[tuple[int, Header]]:
    found = []
    fence = False
    for offset, line in iter_lines(text, start):
        if _FENCE.match(line):
            fence = not fence
            continue
        if not fence:
            header = header_of(line)
            if header is not None:
                found.append((offset, header))
    return found


def _layout(text: str, body_start: int, rules: list[_Rule] | None = None,
            headers: list[tuple[int, Header]] | None = None) -> _Layout:
    """How ``text`` splits into posts (``rules`` and ``headers`` the caller already scanned are reused)."""
    if rules is None:
        rules = [r for r in _scan_rules(text) if r.start >= body_start]
    long = [r for r in rules if len(r.key) >= 5]
    strong_keys = {r.key for r in long if not r.setext}
    separators = [r for r in long if not r.setext or r.key in strong_keys]
    if separators:
        return _Layout("separators", tuple(separators))
    short = [r for r in rules if len(r.key) < 5 and not r.setext and r.key[0] in "-*_"]
    if len(short) >= 2:
        blocks = _blocks_between(text, [(r.start, r.end) for r in short], body_start)[1:]
        replies = [b for b in blocks if b[1] > b[0]]
        if replies and sum(_looks_like_reply(text, s, e) for s, e in replies) * 2 >= len(replies):
            return _Layout("rules", tuple(short))
    if headers is None:
        headers = _header_lines(text, body_start)
    if _enough_headers([h for _, h in headers]):
        return _Layout("headers", headers=tuple(headers))
    return _Layout("single")


def _enough_headers(headers: Sequence[Header]) -> bool:
    numbered = [h.floor for h in headers if h.floor is not None]
    increasing = len(numbered) >= 2 and all(a < b for a, b in zip(numbered, numbered[1:]))
    return increasing or len(headers) >= 3


@frozen
class _Title:
    text: str
    level: int
    start: int
    end: int


def _title(text: str, start: int, end: int) -> _Title | None:
    """The thread's title: its first heading, or a lone short first line."""
    lines = list(iter_lines(text, start, end))
    idx = next((i for i, (_, ln) in enumerate(lines) if ln.strip()), None)
    if idx is None:
        return None
    offset, line = lines[idx]
    following = lines[idx + 1][1] if idx + 1 < len(lines) else ""
    atx = _ATX.match(line)
    if atx:
        return _Title(_plain_heading(atx.group(2)), len(atx.group(1)), offset, offset + len(line))
    stripped = line.strip()
    s, e = _trim(text, offset, offset + len(line))
    under = _rule_key(following)
    if under and under[0] in _SETEXT_CHARS and len(stripped) <= 80:
        next_offset = lines[idx + 1][0]
        return _Title(_plain_heading(stripped), 1 if under[0] == "=" else 2, s, next_offset + len(following))
    if header_of(line) is not None or stripped.startswith("@") or _rule_key(line):
        return None
    if len(stripped) <= 100 and not following.strip() and not stripped.endswith(("。", ".", "：", ":")):
        return _Title(_plain_heading(stripped), 1, s, e)
    return None


def _plain_heading(heading: str) -> str:
    return re.sub(r"(\*\*|__|`)", "", heading).strip()


def _visible_title(title: _Title | None) -> str | None:
    if title is None:
        return None
    return visible_text(title.text).strip() or title.text


class ForumParser:
    """Threads: a title, then posts split by separator lines or per-post headers."""

    name = "forum"
    description = "Forum threads: posts split by dashed lines or per-post headers, with @mentions and #floor replies."

    def sniff(self, source: Source) -> float:
        try:
            # Line scans are cheap: look past ``head`` so that a long opening post still shows its separators.
            return _sniff(source.text[:_SNIFF_WINDOW])
        except Exception:  # a sniffer must never raise
            return 0.0

    def parse(self, source: Source) -> Narrative:
        text = source.text
        body_start = _front_matter_end(text)
        layout = _layout(text, body_start)
        if layout.kind in ("separators", "rules"):
            blocks = _blocks_between(text, [(r.start, r.end) for r in layout.separators], body_start)
        elif layout.kind == "headers":
            starts = [offset for offset, _ in layout.headers]
            blocks = [_trim(text, body_start, starts[0])] + [
                _trim(text, s, e) for s, e in zip(starts, starts[1:] + [len(text)])
            ]
        else:
            blocks = [_trim(text, body_start, len(text))]

        title = _title(text, *blocks[0])
        kept = [b for b in blocks if b[1] > b[0]]
        if title is not None:
            blocks[0] = _trim(text, title.end, blocks[0][1])
            if any(b[1] > b[0] for b in blocks):
                kept = [b for b in blocks if b[1] > b[0]]
            else:  # a lone line: the whole thread is its opening post
                title = None
        blocks = kept
        return _build(source, text, title, blocks, layout, body_start)


def _first_short_line(text: str, blocks: list[tuple[int, int]]) -> str | None:
    """A title for an untitled thread: the opening post's first line, if short and not a header."""
    if not blocks:
        return None
    line = _first_line(text, *blocks[0]).strip()
    if not line or len(line) > 80 or header_of(line) is not None:
        return None
    atx = _ATX.match(line)
    return visible_text(_plain_heading(atx.group(2)) if atx else line).strip() or None


def _build(source: Source, text: str, title: _Title | None, blocks: list[tuple[int, int]],
           layout: _Layout, body_start: int) -> Narrative:
    headers = _trusted_headers([header_of(_first_line(text, s, e)) for s, e in blocks])
    warnings: list[str] = []
    base = 0
    for idx, header in enumerate(headers):
        if header is not None and header.floor is not None:
            base = max(0, header.floor - idx)
            break
    floors: list[int] = []
    for idx, header in enumerate(headers):
        previous = floors[-1] if floors else -1
        if header is not None and header.floor is not None:
            if header.floor - base > previous:
                floors.append(header.floor - base)
                continue
            warnings.append(
                f"line {source.line_of(blocks[idx][0])}: post says it is #{header.floor}, "
                f"which does not follow #{previous + base}; numbered {previous + 1 + base} instead"
            )
        floors.append(previous + 1)

    existing = set(floors)
    visible = [visible_text(text[s:e]) for s, e in blocks]
    mentions = [mentions_in(v) for v in visible]
    claims: dict[int, list[str]] = {}
    replies: list[list[int]] = []
    for floor, found, plain in zip(floors, mentions, visible):
        targets: list[int] = []
        for m in found:
            if m.floor is None:
                continue
            target = m.floor - base
            if target in existing and target < floor:
                targets.append(target)
                claims.setdefault(target, []).append(m.name)
        for ref in reply_refs(plain):
            if ref - base in existing and ref - base < floor:
                targets.append(ref - base)
        replies.append(sorted(set(targets)))

    posts = []
    for idx, ((s, e), floor) in enumerate(zip(blocks, floors)):
        header = headers[idx]
        stated = header.author if header is not None else None
        author, candidates, how, note = resolve_authors(stated, claims.get(floor, []))
        if note:
            warnings.append(f"floor {floor}: {note}")
        posts.append(Post(
            floor=floor,
            span=(s, e),
            author=author,
            mentions=unique(m.name for m in mentions[idx]),
            reply_to=replies[idx],
            author_candidates=candidates,
            author_source=how,
            links=post_links(text[s:e]),
            time=(header.time if header is not None else None) or _own_date(text, s, e),
        ))

    sections: list[Section] = []
    links: list[str] = []
    if body_start:
        sections.append(Section(None, 0, (0, body_start), "header"))
    if title is not None:
        sections.append(Section(_visible_title(title), title.level, (title.start, title.end), "title"))
        links.extend(post_links(text[title.start:title.end]))
    sections.extend(Section(None, 0, p.span, "post") for p in posts)
    for post in posts:
        links.extend(post.links)
    opener = next((p for p in posts if p.floor == 0), None)
    metadata: dict[str, object] = {"layout": layout.kind, "floor_offset": base}
    if layout.separators:
        metadata["separator"] = layout.separators[0].key
    date = None
    if opener is not None and opener.time:
        date = opener.time[:10]
    return Narrative(
        format="forum",
        text=text,
        title=_visible_title(title) or _first_short_line(text, blocks),
        date=date,
        authors=[opener.author] if opener is not None and opener.author else [],
        links=unique(links),
        metadata=metadata,
        sections=sections,
        posts=posts,
        source=source.path,
        warnings=warnings,
    )


def _own_date(text: str, start: int, end: int) -> str | None:
    """The time a post's date line states, among its first three lines (``發表於 2024-03-02``)
    or its last two (``编辑于 2023-03-18 22:41・IP 属地四川`` closes a Zhihu answer)."""
    lines = [line for _, line in iter_lines(text, start, end) if line.strip()]
    for line in [*lines[:3], *lines[3:][-2:]]:
        when = date_line_of(line)
        if when is not None:
            return when
    return None


def _trusted_headers(headers: list[Header | None]) -> list[Header | None]:
    """Header lines that really are headers.

    When most posts open with a header line, all of them count; otherwise
    only distinct ones (with a time, or ``**name** replied:``), and a stated
    floor must follow the floors before it — ``#3 agreed`` in a late reply
    is a reply to #3, not a header.
    """
    count = sum(h is not None for h in headers)
    if count >= 2 and count * 2 >= len(headers):
        return headers
    trusted: list[Header | None] = []
    last: int | None = None
    for header in headers:
        if header is None or not header.distinct or (
                header.floor is not None and last is not None and header.floor <= last):
            trusted.append(None)
            continue
        trusted.append(header)
        last = header.floor if header.floor is not None else last
    return trusted


def _sniff(head: str) -> float:
    start = _front_matter_end(head)
    if start:
        return 0.0
    rules = _scan_rules(head)
    long = [r for r in rules if len(r.key) >= 5]
    strong_keys = {r.key for r in long if not r.setext}
    separators = [r for r in long if not r.setext or r.key in strong_keys]
    mentioned = bool(_MENTION_HINT.search(head))
    header_lines = _header_lines(head)
    headers = [h for _, h in header_lines]
    if len(separators) >= 2:
        if all(r.key[0] in "-—─━－" for r in separators) or mentioned or headers:
            return 0.9
        return 0.35
    if _enough_headers(headers):
        return 0.9
    if len(separators) == 1 and mentioned:
        return 0.5
    if _layout(head, 0, rules, header_lines).kind == "rules":
        return 0.7
    return 0.0


@hookimpl
def careernarr_parsers() -> Sequence[Parser]:
    return [ForumParser()]
