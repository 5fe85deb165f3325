"""A self-contained HTML page: the timeline drawn as SVG, evidence, reflections.

The page needs no network: CSS, JavaScript and the SVG chart are inline,
no fonts or images are loaded. It is built as an lxml tree (every text and
attribute from the document is escaped by the serializer, never pasted into
markup), links are made only for ``http``/``https`` URLs, and a
Content-Security-Policy allows exactly the page's own script and style (by
hash) and nothing else, so even a missed escape could not run a script or
load anything.

The chart has one lane per narrative; events are packed into rows inside
their lane. A point in time is a dot, a range (``2023-10/2023-12``, a
season, a month on a short axis) is a bar, an approximate value (``~``) is
a lighter dashed bar with whiskers out to its fuzzy bounds, an open
interval trails off to the edge. Clicking an event (on the chart or in the
list) shows its evidence in context and its source; hovering previews it.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lhtml

from .. import __version__
from ..model import EVENT_KINDS, REFLECTION_KINDS, Narrative, Post
from ._text import clip_columns
from .timeline import Location, Timeline, TimelineEntry, build_timeline, humanize_when

__all__ = ["KIND_COLORS", "HtmlExporter", "safe_url", "timeline_to_html", "to_html"]

#: Colours of event kinds (colour-blind-aware qualitative palette); other kinds are grey.
KIND_COLORS: dict[str, str] = dict(zip(EVENT_KINDS, (
    "#2f7ed8", "#c0392b", "#8e44ad", "#e67e22", "#16a085", "#d4a017", "#27ae60", "#e74c3c",
    "#1abc9c", "#ff6f91", "#5d6dbe", "#a0522d", "#0097a7", "#9b59b6", "#f39c12", "#7f8c8d", "#95a5a6",
)))
_OTHER_COLOR = "#9ca3af"

# Chart geometry (SVG user units; the SVG scales to the page width).
_W = 1200
_LABEL_W = 190
_X0 = _LABEL_W + 14
_X1 = _W - 24
_AXIS_H = 42
_ROW_H = 22
_LANE_PAD = 10
_POINT_MIN_W = 10.0
_LANE_MIN_H = 50

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _t(text: object) -> str:
    """Text an lxml tree accepts: control characters (not XML-compatible) dropped."""
    return _CONTROL.sub("", "" if text is None else str(text))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an ``http``/``https`` URL with a host, else ``None``."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not _CONTROL.search(url):
        return url
    return None


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("careernarr.export").joinpath("assets", name).read_text("utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


class _Tree:
    """Tiny helpers to grow an lxml tree with escaped text."""

    @staticmethod
    def el(parent: etree._Element | None, tag: str, text: object = None, **attrs: object) -> etree._Element:
        clean = {k.rstrip("_").replace("_", "-"): _t(v) for k, v in attrs.items() if v is not None}
        node = etree.Element(tag, clean) if parent is None else etree.SubElement(parent, tag, clean)
        if text is not None:
            node.text = _t(text)
        return node

    @staticmethod
    def tail(node: etree._Element, text: object) -> None:
        node.tail = (node.tail or "") + _t(text)


el = _Tree.el


# -- chart ------------------------------------------------------------------


class _Scale:
    def __init__(self, start: _dt.date, end: _dt.date) -> None:
        self.start, self.end = start, end
        self.days = max(1, (end - start).days + 1)

    def x(self, d: _dt.date, *, end_of_day: bool = False) -> float:
        offset = (d - self.start).days + (1 if end_of_day else 0)
        return round(_X0 + (_X1 - _X0) * offset / self.days, 1)


def _domain(tl: Timeline) -> tuple[_dt.date, _dt.date]:
    bounds = tl.bounds()
    assert bounds is not None
    lo, hi = bounds
    return _dt.date(lo.year, 1, 1), _dt.date(hi.year, 12, 31)


def _extent(entry: TimelineEntry, scale: _Scale) -> tuple[float, float]:
    rng = entry.range
    assert rng is not None
    left = scale.x(rng.fuzzy_lower if rng.approximate or rng.uncertain else rng.lower)
    right = scale.x(rng.fuzzy_upper if rng.approximate or rng.uncertain else rng.upper, end_of_day=True)
    if rng.open_end:
        right = _X1
    if rng.open_start:
        left = _X0
    mid = (left + right) / 2
    return min(left, mid - 9), max(right, mid + 9)


def _pack(entries: Sequence[TimelineEntry], scale: _Scale) -> list[int]:
    """A row for each entry so that no two marks in a row overlap (greedy, in time order)."""
    row_ends: list[float] = []
    rows = []
    for entry in entries:
        left, right = _extent(entry, scale)
        for i, end in enumerate(row_ends):
            if end + 3 <= left:
                row_ends[i] = right
                rows.append(i)
                break
        else:
            row_ends.append(right)
            rows.append(len(row_ends) - 1)
    return rows


def _axis(svg: etree._Element, scale: _Scale, height: float) -> None:
    years = list(range(scale.start.year, scale.end.year + 1))
    year_w = (_X1 - _X0) / max(1, len(years))
    step = 1 if year_w >= 34 else 2 if year_w >= 17 else 5 if year_w >= 7 else 10
    for i, year in enumerate(years):
        x = scale.x(_dt.date(year, 1, 1))
        x_end = scale.x(_dt.date(year, 12, 31), end_of_day=True)
        el(svg, "rect", class_="band alt" if i % 2 else "band", x=x, y=_AXIS_H - 6,
           width=round(x_end - x, 1), height=round(height - _AXIS_H + 6, 1))
        if len(years) <= 3:
            for month in range(2, 13):
                mx = scale.x(_dt.date(year, month, 1))
                el(svg, "line", class_="minor", x1=mx, x2=mx, y1=_AXIS_H - 6, y2=height)
                if year_w >= 300:
                    el(svg, "text", str(month), class_="lane-count", x=mx + 3, y=_AXIS_H - 9)
        el(svg, "line", class_="tick", x1=x, x2=x, y1=_AXIS_H - 24, y2=height)
        if year % step == 0 or len(years) == 1:
            el(svg, "text", str(year), class_="year", x=round((x + x_end) / 2, 1),
               y=_AXIS_H - 26 if len(years) <= 3 else _AXIS_H - 14, text_anchor="middle")


def _mark(g: etree._Element, entry: TimelineEntry, scale: _Scale, y: float, color: str) -> None:
    rng = entry.range
    assert rng is not None
    x0 = scale.x(rng.lower)
    x1 = scale.x(rng.upper, end_of_day=True)
    cy = y + _ROW_H / 2
    fuzzy = rng.approximate or rng.uncertain
    if fuzzy:
        fl, fu = scale.x(rng.fuzzy_lower), scale.x(rng.fuzzy_upper, end_of_day=True)
        if fl < x0:
            el(g, "line", class_="fuzz", x1=fl, x2=x0, y1=cy, y2=cy, stroke=color)
        if fu > x1:
            el(g, "line", class_="fuzz", x1=x1, x2=fu, y1=cy, y2=cy, stroke=color)
    if rng.open_end:
        el(g, "line", class_="open", x1=x1, x2=_X1, y1=cy, y2=cy, stroke=color)
    if rng.open_start:
        el(g, "line", class_="open", x1=_X0, x2=x0, y1=cy, y2=cy, stroke=color)
    left, right = _extent(entry, scale)
    el(g, "rect", class_="hit", x=left, y=y, width=round(right - left, 1), height=_ROW_H)
    if x1 - x0 < _POINT_MIN_W:
        el(g, "circle", class_="m", cx=round((x0 + x1) / 2, 1), cy=cy, r=6, fill=color)
    else:
        el(g, "rect", class_="m", x=x0, y=cy - 6, width=round(x1 - x0, 1), height=12, rx=6, fill=color)


def _chart(parent: etree._Element, tl: Timeline) -> None:
    dated = tl.dated
    if not dated:
        el(parent, "p", "No event could be placed in time; see the undated events below.", class_="hint")
        return
    scale = _Scale(*_domain(tl))
    lanes = [i for i in range(len(tl.narratives)) if any(e.narrative == i for e in dated)]
    layout: list[tuple[int, list[TimelineEntry], list[int], float, float]] = []
    y: float = _AXIS_H
    for lane in lanes:
        entries = [e for e in dated if e.narrative == lane]
        rows = _pack(entries, scale)
        h: float = max(_LANE_MIN_H, (max(rows) + 1) * _ROW_H + 2 * _LANE_PAD)
        layout.append((lane, entries, rows, y, h))
        y += h
    height = y + 4
    wrap = el(parent, "div", class_="chart-wrap")
    svg = el(wrap, "svg", class_="chart", viewBox=f"0 0 {_W} {round(height)}", role="img",
             aria_label=f"Timeline of {len(dated)} dated events")
    _axis(svg, scale, height)
    for lane, entries, rows, top, _ in layout:
        el(svg, "line", class_="lane-sep", x1=0, x2=_W, y1=top, y2=top)
        label = tl.label(lane)
        short = clip_columns(label, 21 if len(tl.narratives) > 1 else 23)
        text = el(svg, "text", f"{lane + 1}  {short}" if len(tl.narratives) > 1 else short,
                  class_="lane-label", x=8, y=round(top + _LANE_PAD + 13, 1))
        el(text, "title", label)
        el(svg, "text", f"{len(entries)} dated event{'' if len(entries) == 1 else 's'}", class_="lane-count",
           x=8, y=round(top + _LANE_PAD + 29, 1))
        for entry, row in zip(entries, rows):
            rng = entry.range
            assert rng is not None
            classes = ["ev"]
            if rng.approximate:
                classes.append("approx")
            if rng.uncertain:
                classes.append("uncertain")
            g = el(svg, "g", class_=" ".join(classes), data_id=entry.id, data_kind=entry.event.kind,
                   data_subject=entry.event.subject, tabindex="0", role="button",
                   aria_label=f"{humanize_when(entry.event.when)}: {entry.event.kind}: {entry.event.text}")
            el(g, "title", f"{humanize_when(entry.event.when)} · {entry.event.kind}\n{entry.event.text}")
            _mark(g, entry, scale, top + _LANE_PAD + row * _ROW_H, KIND_COLORS.get(entry.event.kind, _OTHER_COLOR))
    el(svg, "line", class_="lane-sep", x1=0, x2=_W, y1=round(height - 4, 1), y2=round(height - 4, 1))
    _legend(parent)


def _legend(parent: etree._Element) -> None:
    legend = el(parent, "div", class_="legend")
    samples: list[tuple[str, list[tuple[str, dict[str, object]]]]] = [
        ("a day or a month: dot", [("circle", {"cx": 9, "cy": 7, "r": 5, "fill": "#6b7280"})]),
        ("a range (quarter, season, interval): bar",
         [("rect", {"x": 1, "y": 2, "width": 30, "height": 10, "rx": 5, "fill": "#6b7280"})]),
        ("approximate (~) or uncertain (?): dashed bar, whiskers to the fuzzy bounds",
         [("line", {"x1": 0, "x2": 34, "y1": 7, "y2": 7, "stroke": "#6b7280", "stroke-width": 2,
                    "stroke-dasharray": "2 3"}),
          ("rect", {"x": 8, "y": 2, "width": 18, "height": 10, "rx": 5, "fill": "#6b7280",
                    "fill-opacity": ".55", "stroke": "#374151", "stroke-dasharray": "3 2"})]),
    ]
    for label, shapes in samples:
        span = el(legend, "span")
        svg = el(span, "svg", width=36, height=14, viewBox="0 0 36 14", aria_hidden="true")
        for tag, attrs in shapes:
            etree.SubElement(svg, tag, {k: str(v) for k, v in attrs.items()})
        _Tree.tail(svg, label)


# -- sections ---------------------------------------------------------------


def _kind_badge(parent: etree._Element, kind: str) -> etree._Element:
    badge = el(parent, "span", class_="kind")
    el(badge, "span", class_=f"dot {_kind_class(kind)}")
    _Tree.tail(badge[-1], kind)
    return badge


def _kind_class(kind: str) -> str:
    return f"k{EVENT_KINDS.index(kind)}" if kind in EVENT_KINDS else "kx"


def _kind_css() -> str:
    rules = [f".k{i} {{ background: {KIND_COLORS[k]}; }}" for i, k in enumerate(EVENT_KINDS)]
    return "\n".join(rules + [f".kx {{ background: {_OTHER_COLOR}; }}"])


def _header(body: etree._Element, tl: Timeline, title: str) -> None:
    top = el(body, "header", class_="top")
    el(top, "h1", title)
    langs = sorted({n.language for n in tl.narratives if n.language})
    sub = f"{len(tl.narratives)} narrative{'s' if len(tl.narratives) != 1 else ''}"
    if langs:
        sub += " · " + ", ".join(langs)
    bounds = tl.bounds()
    if tl.dated and bounds:
        years = sorted({e.range.lower.year for e in tl.dated if e.range} | {e.range.upper.year for e in tl.dated if e.range})
        sub += f" · {years[0]}–{years[-1]}" if years[0] != years[-1] else f" · {years[0]}"
    el(top, "div", sub, class_="sub")
    stats = el(top, "div", class_="stats")
    for value, label in (
        (len(tl.entries), "events"), (len(tl.dated), "dated"), (len(tl.undated), "undated"),
        (sum(len(n.reflections) for n in tl.narratives), "reflections"),
        (sum(len(n.posts) for n in tl.narratives), "posts"),
    ):
        stat = el(stats, "div", class_="stat")
        el(stat, "b", value)
        el(stat, "span", label)


def _narratives(main: etree._Element, tl: Timeline) -> None:
    card = el(main, "section", class_="card", id="narratives")
    h2 = el(card, "h2", "Narratives")
    el(h2, "span", str(len(tl.narratives)), class_="count")
    grid = el(card, "div", class_="narratives")
    for i, n in enumerate(tl.narratives):
        box = el(grid, "div", class_="narr")
        h3 = el(box, "h3")
        if len(tl.narratives) > 1:
            el(h3, "span", i + 1, class_="lane-no")
            _Tree.tail(h3[-1], tl.label(i))
        else:
            h3.text = _t(tl.label(i))
        facts = [n.format, n.date or "undated", n.language or "", ", ".join(n.authors)]
        el(box, "div", " · ".join(f for f in facts if f), class_="facts")
        count = sum(1 for e in tl.entries if e.narrative == i)
        el(box, "div", f"{count} events shown · {len(n.reflections)} reflections"
           + (f" · {len(n.posts)} posts" if n.posts else ""), class_="facts")
        if n.source:
            el(box, "div", n.source, class_="facts")
        href = safe_url(n.url)
        if href:
            link_line = el(box, "div", class_="facts")
            el(link_line, "a", href, href=href, rel="noopener noreferrer")
        elif n.url:
            el(box, "div", f"url (not a web link): {n.url}", class_="facts")


def _filters(parent: etree._Element, tl: Timeline) -> None:
    kinds = Counter(e.event.kind for e in tl.entries)
    subjects = Counter(e.event.subject for e in tl.entries)
    bar = el(parent, "div", class_="filters", role="group", aria_label="Filter events")
    el(bar, "span", "Kinds", class_="label")
    ordered = [k for k in EVENT_KINDS if k in kinds] + sorted(k for k in kinds if k not in EVENT_KINDS)
    for kind in ordered:
        b = el(bar, "button", type="button", class_="chip", data_facet="kind", data_value=kind, aria_pressed="true")
        el(b, "span", class_=f"dot {_kind_class(kind)}")
        _Tree.tail(b[-1], f"{kind} {kinds[kind]}")
    if len(subjects) > 1:
        el(bar, "span", class_="sep")
        el(bar, "span", "Whose", class_="label")
        for subject in sorted(subjects):
            el(bar, "button", f"{subject} {subjects[subject]}", type="button", class_="chip",
               data_facet="subject", data_value=subject, aria_pressed="true")


def _row(ol: etree._Element, tl: Timeline, entry: TimelineEntry) -> None:
    ev = entry.event
    li = el(ol, "li", class_="row" + ("" if entry.dated else " undated"), data_id=entry.id,
            data_kind=ev.kind, data_subject=ev.subject, tabindex="0")
    when = el(li, "div", class_="when")
    if entry.dated:
        when.text = _t(humanize_when(ev.when))
    else:
        when.text = _t("undated" if not ev.when else f"unplaced: {ev.when}")
    if entry.phrase and entry.phrase != when.text:
        el(when, "span", entry.phrase, class_="phrase")
    body = el(li, "div")
    el(body, "div", ev.text, class_="ev-text")
    meta = el(body, "div", class_="meta")
    _kind_badge(meta, ev.kind)
    if ev.subject != "narrator":
        el(meta, "span", ev.subject)
    if len(tl.narratives) > 1:
        el(meta, "span", f"{entry.narrative + 1} · {clip_columns(tl.label(entry), 44)}", title=tl.label(entry))
    el(meta, "span", f"line {tl.location(entry).line}")


def _detail(panel: etree._Element, tl: Timeline, entry: TimelineEntry) -> None:
    ev = entry.event
    loc = tl.location(entry)
    art = el(panel, "article", class_="detail", data_for=entry.id, hidden="hidden")
    h3 = el(art, "h3")
    _kind_badge(h3, ev.kind)
    el(h3, "span", humanize_when(ev.when) if entry.dated else "undated")
    before, evidence, after = tl.context(entry)
    ctx = el(art, "p", before, class_="context")
    mark = el(ctx, "mark", evidence)
    _Tree.tail(mark, after)
    dl = el(art, "dl", class_="facts")

    def fact(name: str, value: object, code: bool = False) -> None:
        if value in (None, ""):
            return
        el(dl, "dt", name)
        dd = el(dl, "dd")
        if code:
            el(dd, "code", value)
        else:
            dd.text = _t(value)

    fact("EDTF", ev.when, code=True)
    fact("Phrase", entry.phrase)
    if entry.range is not None:
        rng = entry.range
        text = f"{rng.lower.isoformat()} → {rng.upper.isoformat()}"
        if rng.approximate or rng.uncertain:
            text += f" (fuzzy {rng.fuzzy_lower.isoformat()} → {rng.fuzzy_upper.isoformat()})"
        if rng.open_start or rng.open_end:
            text += " (open interval)"
        fact("Range", text)
    elif ev.when:
        fact("Range", "this value could not be placed on a calendar")
    fact("Duration", ev.duration, code=True)
    fact("Whose", ev.subject)
    fact("Narrative", loc.document)
    fact("Source", loc.describe())
    href = safe_url(loc.url)
    if href:
        el(dl, "dt", "URL")
        el(el(dl, "dd"), "a", href, href=href, rel="noopener noreferrer")
    else:
        fact("URL", loc.url)
    fact("Found by", ev.rule)


def _events(main: etree._Element, tl: Timeline) -> None:
    card = el(main, "section", class_="card", id="timeline")
    h2 = el(card, "h2", "Timeline")
    el(h2, "span", f"{len(tl.dated)} dated · {len(tl.undated)} undated", class_="count")
    if not tl.entries:
        el(card, "p", "No events were found.", class_="hint")
        return
    _filters(card, tl)
    _chart(card, tl)

    split = el(main, "div", class_="split")
    listing = el(split, "section", class_="card", id="events")
    el(listing, "h2", "Events")
    el(listing, "p", "Earliest first (by the lower bound of each date). Click an event to see its evidence "
       "and where it comes from.", class_="hint")
    ol = el(listing, "ol", class_="rows")
    for entry in tl.dated:
        _row(ol, tl, entry)
    if tl.undated:
        el(listing, "div", f"Undated — {len(tl.undated)} events that could not be placed in time, "
           "in the order their documents tell them", class_="undated-head")
        ol = el(listing, "ol", class_="rows")
        for entry in tl.undated:
            _row(ol, tl, entry)
    aside = el(split, "aside", class_="details", aria_live="polite")
    panel = el(aside, "div", class_="panel", id="details")
    el(panel, "h2", "Evidence and source")
    el(panel, "p", "Select an event on the timeline or in the list.", class_="empty", id="details-empty")
    for entry in tl.entries:
        _detail(panel, tl, entry)


def _reflections(main: etree._Element, tl: Timeline) -> None:
    items = [(i, r) for i, n in enumerate(tl.narratives) for r in n.reflections]
    card = el(main, "section", class_="card", id="reflections")
    h2 = el(card, "h2", "Reflections")
    el(h2, "span", str(len(items)), class_="count")
    if not items:
        el(card, "p", "No reflections were found.", class_="hint")
        return
    kinds = [k for k in REFLECTION_KINDS if any(r.kind == k for _, r in items)]
    kinds += sorted({r.kind for _, r in items} - set(kinds))
    for kind in kinds:
        group = el(card, "div", class_="refl-group")
        chosen = [(i, r) for i, r in items if r.kind == kind]
        h3 = el(group, "h3", kind.capitalize())
        el(h3, "span", str(len(chosen)), class_="count")
        grid = el(group, "div", class_="refls")
        for i, r in chosen:
            fig = el(grid, "figure", class_="refl")
            el(fig, "blockquote", r.text)
            cap = el(fig, "figcaption")
            el(cap, "span", r.speaker or "narrator")
            for theme in r.themes:
                el(cap, "span", theme, class_="theme")
            loc = Location.of(tl.narratives[i], r.span, i)
            where = f"line {loc.line}"
            if len(tl.narratives) > 1:
                where = f"{i + 1} · {tl.label(i)} · " + where
            el(cap, "span", where)


def _author(post: Post | None) -> str:
    if post is None:
        return "—"
    if post.author:
        return post.author
    if post.author_candidates:
        return "ambiguous: " + " / ".join(post.author_candidates)
    return "unknown"


def _threads(main: etree._Element, tl: Timeline) -> None:
    threads = [(i, n) for i, n in enumerate(tl.narratives) if n.posts]
    if not threads:
        return
    card = el(main, "section", class_="card", id="threads")
    el(card, "h2", "Threads")
    for i, n in threads:
        floors = {p.floor: p for p in n.posts}
        authors = Counter(p.author for p in n.posts if p.author)
        el(card, "h3", tl.label(i))
        el(card, "p", f"{len(n.posts)} posts by {len(authors)} named authors; most active: "
           + (", ".join(f"{a} ({c})" for a, c in authors.most_common(6)) or "—"), class_="hint")
        replies = [(p, f) for p in n.posts for f in p.reply_to]
        if not replies:
            continue
        table = el(card, "table", class_="replies")
        head = el(table, "tr")
        for name in ("Reply", "By", "To", "Whose post"):
            el(head, "th", name)
        for post, floor in replies:
            tr = el(table, "tr")
            for value in (f"#{post.floor}", _author(post), f"#{floor}", _author(floors.get(floor))):
                el(tr, "td", value)


# -- page -------------------------------------------------------------------


def timeline_to_html(tl: Timeline, title: str | None = None) -> str:
    """The self-contained HTML page of an already built (perhaps filtered) timeline."""
    if title is None:
        title = tl.label(0) if len(tl.narratives) == 1 else f"Career timeline of {len(tl.narratives)} narratives"
    css = _asset("page.css") + "\n" + _kind_css() + "\n"
    js = _asset("page.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    root = el(None, "html", lang="en")
    head = el(root, "head")
    el(head, "meta", charset="utf-8")
    el(head, "meta", http_equiv="Content-Security-Policy", content=csp)
    el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    el(head, "meta", name="generator", content=f"careernarr {__version__}")
    el(head, "title", title)
    el(head, "style", css)
    body = el(root, "body")
    _header(body, tl, title)
    main = el(body, "main")
    if tl.narratives:
        _narratives(main, tl)
    _events(main, tl)
    _reflections(main, tl)
    _threads(main, tl)
    el(body, "footer", f"Made by careernarr {__version__} — a self-contained page: nothing is loaded "
       "from the network.")
    tip = el(body, "div", class_="tip", id="tip", hidden="hidden", role="tooltip")
    el(tip, "span", class_="tip-when")
    el(tip, "span", class_="tip-text")
    el(body, "script", js)
    out: str = lhtml.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return out + "\n"


def to_html(narratives: Sequence[Narrative] | Narrative, title: str | None = None) -> str:
    """A self-contained HTML page of the events and reflections of ``narratives``."""
    return timeline_to_html(build_timeline(narratives), title)


class HtmlExporter:
    """One self-contained HTML timeline page for all the narratives given."""

    name = "html"
    description = "A self-contained HTML page: SVG timeline, evidence and source on click, reflections"
    suffix = ".html"

    def export(self, narratives: Sequence[Narrative]) -> str:
        return to_html(narratives)
