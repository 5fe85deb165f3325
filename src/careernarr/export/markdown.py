"""A Markdown report of a narrative: metadata, dated events, reflections, posts."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Narrative

__all__ = ["MarkdownExporter", "to_markdown"]


def _esc(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell (no HTML, no links)."""
    out = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "`*_[]|#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def to_markdown(n: Narrative) -> str:
    """A GitHub-flavoured Markdown report of ``n``."""
    lines = [f"# {_esc(n.title or n.source or 'Untitled narrative')}", ""]
    meta = [("format", n.format), ("date", n.date), ("language", n.language), ("url", n.url),
            ("authors", ", ".join(n.authors)), ("duration", n.duration), ("video id", n.video_id),
            ("keywords", ", ".join(n.keywords)), ("tags", ", ".join(n.tags))]
    for key, value in meta:
        if value:
            lines.append(f"- **{key}**: {_esc(str(value))}")
    if n.summary:
        lines += ["", "> " + _esc(n.summary)]
    if n.events:
        lines += ["", "## Events", "", "| when | kind | subject | evidence |", "|---|---|---|---|"]
        for e in n.events:
            lines.append(f"| {_esc(e.when or 'undated')} | {e.kind} | {e.subject} | {_esc(e.text)} |")
    if n.reflections:
        lines += ["", "## Reflections"]
        for r in n.reflections:
            who = f" — {_esc(r.speaker)}" if r.speaker else ""
            lines.append(f"- *{r.kind}*: {_esc(r.text)}{who}")
    if n.posts:
        lines += ["", "## Posts", "", f"{len(n.posts)} posts."]
    return "\n".join(lines) + "\n"


class MarkdownExporter:
    """Markdown reports, one after another."""

    name = "markdown"
    description = "A readable Markdown report per narrative"
    suffix = ".md"

    def export(self, narratives: Sequence[Narrative]) -> str:
        return "\n---\n\n".join(to_markdown(n) for n in narratives)
