"""A Markdown report of a narrative: metadata, timeline, reflections, thread.

The report is GitHub-flavoured Markdown: the timeline and the thread are
tables, reflections are grouped by kind as block quotes. Every text taken
from the document goes through :func:`md_text`, which backslash-escapes
what Markdown would read as markup (emphasis, links, raw HTML, entities,
table pipes, list and heading markers), so a document cannot inject links,
HTML or structure into its own report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import Narrative, Post
from .timeline import Location, build_timeline, humanize_when, narrative_label

__all__ = ["MarkdownExporter", "md_text", "to_markdown"]

# Every ASCII punctuation character CommonMark lets a backslash escape and that
# can start markup somewhere: emphasis, code, links, images, HTML, entities,
# tables, strikethrough, headings.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
# What turns the start of a line into a block: lists, quotes, setext/thematic lines.
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=>])")

KIND_TITLES = {
    "insight": "Insights",
    "advice": "Advice",
    "resolution": "Resolutions",
    "quote": "Quotes",
    "opinion": "Opinions",
}


def md_text(text: str | None) -> str:
    """``text`` as inert, one-line Markdown: shown literally, never interpreted."""
    if not text:
        return ""
    out = _INLINE.sub(r"\\\1", " ".join(str(text).split()))
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", out)


def _cell(text: str | None) -> str:
    return md_text(text) or " "


def _meta_rows(n: Narrative) -> list[tuple[str, str]]:
    rows = [
        ("Format", n.format), ("Date", n.date), ("Language", n.language),
        ("Authors", ", ".join(n.authors)), ("URL", n.url), ("Source", n.source),
        ("Duration", n.duration), ("Video id", n.video_id),
        ("Keywords", ", ".join(n.keywords)), ("Tags", ", ".join(n.tags)),
    ]
    return [(k, v) for k, v in rows if v]


def _post_author(post: Post | None) -> str:
    if post is None:
        return "?"
    if post.author:
        return post.author
    if post.author_candidates:
        return "ambiguous: " + " / ".join(post.author_candidates)
    return "unknown"


def _timeline_section(n: Narrative) -> list[str]:
    tl = build_timeline(n)
    lines = ["## Timeline", ""]
    if not tl.entries:
        return lines + ["_No events were found._", ""]
    if tl.dated:
        lines += [
            f"{len(tl.dated)} dated events, earliest first (sorted by the EDTF lower bound).", "",
            "| When | EDTF | Kind | Who | Evidence | Line |",
            "|---|---|---|---|---|---:|",
        ]
        for e in tl.dated:
            when = humanize_when(e.event.when)
            if e.phrase:
                when += f" ({e.phrase})"
            loc = tl.location(e)
            lines.append(
                f"| {_cell(when)} | {_cell(e.event.when)} | {_cell(e.event.kind)} | "
                f"{_cell(e.event.subject)} | {_cell(e.event.text)} | {loc.line} |"
            )
        lines.append("")
    else:
        lines += ["_No event could be placed in time._", ""]
    if tl.undated:
        lines += [
            f"### Undated events ({len(tl.undated)})", "",
            "These could not be placed in time; they are listed in the order the document tells them.", "",
            "| # | When | Kind | Who | Evidence | Line |",
            "|---:|---|---|---|---|---:|",
        ]
        for e in tl.undated:
            when = f"⚠ unplaced: {e.event.when}" if e.event.when else "undated"
            lines.append(
                f"| {e.index + 1} | {_cell(when)} | {_cell(e.event.kind)} | {_cell(e.event.subject)} | "
                f"{_cell(e.event.text)} | {tl.location(e).line} |"
            )
        lines.append("")
    return lines


def _reflections_section(n: Narrative) -> list[str]:
    lines = ["## Reflections", ""]
    if not n.reflections:
        return lines + ["_No reflections were found._", ""]
    kinds = list(dict.fromkeys([k for k in KIND_TITLES if any(r.kind == k for r in n.reflections)]
                               + [r.kind for r in n.reflections]))
    for kind in kinds:
        items = [r for r in n.reflections if r.kind == kind]
        title = KIND_TITLES.get(kind, kind)
        lines += [f"### {md_text(title)} ({len(items)})", ""]
        for r in items:
            loc = Location.of(n, r.span)
            credit = [md_text(r.speaker) if r.speaker else "narrator"]
            if r.themes:
                credit.append("themes: " + ", ".join(md_text(t) for t in r.themes))
            credit.append(f"line {loc.line}")
            lines += [f"> {md_text(r.text)}", ">", f"> — {' · '.join(credit)}", ""]
    return lines


def _thread_section(n: Narrative) -> list[str]:
    posts = n.posts
    by_floor = {p.floor: p for p in posts}
    authors = Counter(p.author for p in posts if p.author)
    unknown = sum(1 for p in posts if not p.author)
    replies = [(p, f) for p in posts for f in p.reply_to]
    lines = [
        "## Thread", "",
        f"{len(posts)} posts by {len(authors)} named authors"
        + (f" ({unknown} posts with an unknown or ambiguous author)" if unknown else "")
        + f"; {len(replies)} replies point at an earlier floor.", "",
    ]
    if authors:
        lines += ["| Author | Posts | Floors |", "|---|---:|---|"]
        for name, count in authors.most_common():
            floors = ", ".join(f"#{p.floor}" for p in posts if p.author == name)
            lines.append(f"| {_cell(name)} | {count} | {floors} |")
        lines.append("")
    if replies:
        lines += ["### Who replied to whom", "", "| Reply | By | To | Whose |", "|---|---|---|---|"]
        for post, floor in replies:
            target = by_floor.get(floor)
            lines.append(
                f"| #{post.floor} | {_cell(_post_author(post))} | #{floor} | "
                f"{_cell(_post_author(target) if target else 'not in the thread')} |"
            )
        lines.append("")
    mentions = [(p, m) for p in posts for m in p.mentions]
    if mentions:
        lines += ["### Mentions", ""]
        for post, name in mentions:
            lines.append(f"- #{post.floor} ({md_text(_post_author(post))}) mentions {md_text(name)}")
        lines.append("")
    return lines


def to_markdown(n: Narrative) -> str:
    """A GitHub-flavoured Markdown report of ``n``."""
    lines = [f"# {md_text(narrative_label(n))}", ""]
    meta = _meta_rows(n)
    if meta:
        lines += ["| Field | Value |", "|---|---|"]
        lines += [f"| {k} | {_cell(v)} |" for k, v in meta]
        lines.append("")
    if n.summary:
        lines += ["> " + md_text(n.summary), ""]
    lines += _timeline_section(n)
    lines += _reflections_section(n)
    if n.posts:
        lines += _thread_section(n)
    if n.warnings:
        lines += ["## Parser warnings", ""] + [f"- {md_text(w)}" for w in n.warnings] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


class MarkdownExporter:
    """Markdown reports, one per narrative, separated by a rule."""

    name = "markdown"
    description = "A readable GitHub-flavoured Markdown report per narrative"
    suffix = ".md"

    def export(self, narratives: Sequence[Narrative]) -> str:
        return "\n---\n\n".join(to_markdown(n) for n in narratives)
