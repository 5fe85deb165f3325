"""Narratives for the export tests, built from the fixture files in fixtures/export/.

Extraction is not what these tests check, so each fixture names its events,
reflections, time expressions and posts by an anchor (a piece of the text);
the loader turns anchors into spans and builds the model objects directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from careernarr.model import Event, Narrative, Post, Reflection, Section, Span, TimeExpr

EXPORT_FIXTURES = Path(__file__).parent / "fixtures" / "export"
NAMES = ("review-zh-hans", "thread-zh-hant", "blog-en", "hostile")


def _find(text: str, anchor: str, after: int = 0) -> Span:
    start = text.find(anchor, after)
    if start < 0:
        raise AssertionError(f"anchor not in the fixture text: {anchor!r}")
    return Span(start, start + len(anchor))


def load(name: str) -> Narrative:
    """The narrative the fixture ``name`` describes."""
    data: dict[str, Any] = json.loads((EXPORT_FIXTURES / f"{name}.json").read_text("utf-8"))
    text = data.get("text") or (EXPORT_FIXTURES / data["text_file"]).read_text("utf-8")

    def between(item: dict[str, Any]) -> Span:
        start = _find(text, item["from"]).start
        return Span(start, _find(text, item["to"], start).end)

    return Narrative(
        text=text,
        **data["narrative"],
        sections=[Section(s["heading"], 1, between(s)) for s in data.get("sections", ())],
        posts=[
            Post(p["floor"], between(p), author=p.get("author"), mentions=p.get("mentions", ()),
                 reply_to=p.get("reply_to", ()), author_candidates=p.get("author_candidates", ()))
            for p in data.get("posts", ())
        ],
        time_expressions=[
            TimeExpr(t["anchor"], _find(text, t["anchor"]), t.get("value"), t.get("duration"))
            for t in data.get("time_expressions", ())
        ],
        events=[
            Event(e["kind"], e["anchor"], _find(text, e["anchor"]), e.get("when"), e.get("duration"),
                  e.get("subject", "narrator"), rule="fixture")
            for e in data.get("events", ())
        ],
        reflections=[
            Reflection(r["kind"], r["anchor"], _find(text, r["anchor"]), r.get("themes", ()),
                       r.get("speaker"), rule="fixture")
            for r in data.get("reflections", ())
        ],
    )


def load_all() -> list[Narrative]:
    """Every export fixture, hostile one last."""
    return [load(n) for n in NAMES]
