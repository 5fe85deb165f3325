"""The JSON contract: one converter owns the shape of a narrative in JSON.

``SCHEMA_ID`` names the shape; its integer version changes only on
incompatible changes. The JSON Schema ships as
``careernarr/schema/narrative-1.schema.json``.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import CareerNarrError
from ..model import (
    Conversion,
    Diagram,
    DiagramEdge,
    DiagramNode,
    Event,
    Narrative,
    Post,
    Reflection,
    Section,
    Span,
    Subgraph,
    TimeExpr,
)

__all__ = ["SCHEMA_ID", "from_dict", "from_json", "json_safe", "load_schema", "to_dict", "to_json", "validate"]

SCHEMA_ID = "careernarr.narrative/1"


def _load_orjson() -> Any:
    """The optional fast JSON writer (``careernarr[fast]``), if installed."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - the fallback is tested by setting _orjson to None
        return None
    return orjson


_orjson: Any = _load_orjson()


def json_safe(value: Any) -> Any:
    """``value`` with dates, sets and other non-JSON types made JSON-friendly."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _span(s: Span) -> list[int]:
    return [s.start, s.end]


def _conversion_to_dict(c: Conversion) -> dict[str, Any]:
    return {"config": c.config, "original": c.original, "blocks": [list(b) for b in c.blocks]}


def _conversion_from_dict(d: Mapping[str, Any] | None) -> Conversion | None:
    if d is None:
        return None
    return Conversion(d["config"], d["original"], d.get("blocks", ()))


def to_dict(n: Narrative) -> dict[str, Any]:
    """The JSON-ready dict of ``n`` (SPEC.md's contract plus a few extra fields).

    A converted narrative (``careernarr.convert``) also carries
    ``conversion``: the OpenCC configuration, the original text and the
    blocks whose length changed.
    """
    d = _to_dict(n)
    if n.conversion is not None:
        d["conversion"] = _conversion_to_dict(n.conversion)
    return d


def _to_dict(n: Narrative) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "format": n.format,
        "title": n.title,
        "date": n.date,
        "url": n.url,
        "authors": list(n.authors),
        "language": n.language,
        "summary": n.summary,
        "keywords": list(n.keywords),
        "tags": list(n.tags),
        "links": list(n.links),
        "duration": n.duration,
        "video_id": n.video_id,
        "draft": n.draft,
        "source": n.source,
        "metadata": json_safe(n.metadata),
        "text": n.text,
        "sections": [
            {"heading": s.heading, "level": s.level, "span": _span(s.span), "role": s.role}
            for s in n.sections
        ],
        "posts": [
            {
                "floor": p.floor,
                "author": p.author,
                "mentions": list(p.mentions),
                "reply_to": list(p.reply_to),
                "span": _span(p.span),
                "author_candidates": list(p.author_candidates),
                "author_source": p.author_source,
                "links": list(p.links),
                "time": p.time,
                "stance": p.stance,
            }
            for p in n.posts
        ],
        "diagrams": [
            {
                "kind": d.kind,
                "span": _span(d.span),
                "direction": d.direction,
                "nodes": [{"id": x.id, "label": x.label} for x in d.nodes],
                "edges": [{"source": e.source, "target": e.target, "label": e.label} for e in d.edges],
                "subgraphs": [{"id": g.id, "title": g.title, "nodes": list(g.nodes)} for g in d.subgraphs],
            }
            for d in n.diagrams
        ],
        "time_expressions": [
            {"text": t.text, "span": _span(t.span), "value": t.value, "duration": t.duration,
             "resolved": t.resolved, "rule": t.rule}
            for t in n.time_expressions
        ],
        "events": [
            {"kind": e.kind, "text": e.text, "span": _span(e.span), "when": e.when,
             "duration": e.duration, "subject": e.subject, "rule": e.rule, "when_source": e.when_source}
            for e in n.events
        ],
        "reflections": [
            {"kind": r.kind, "text": r.text, "span": _span(r.span), "themes": list(r.themes),
             "speaker": r.speaker, "rule": r.rule}
            for r in n.reflections
        ],
        "warnings": list(n.warnings),
    }


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, Mapping):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_has_float(v) for v in value)
    return False


def to_json(n: Narrative, *, indent: int | None = 2) -> str:
    """``n`` as a JSON document (UTF-8 text, non-ASCII kept readable).

    ``indent=None`` gives the compact form (no spaces), one line. With
    ``orjson`` installed (``pip install 'careernarr[fast]'``) the text is
    written by it, about ten times faster, and is byte for byte what the
    standard library writes; the standard library takes over for what orjson
    would spell differently or refuse (floats in metadata, integers beyond
    64 bits, lone surrogates) and for other indents.
    """
    data = to_dict(n)
    if _orjson is not None and indent in (2, None) and not _has_float(n.metadata):
        try:
            raw = _orjson.dumps(data, option=_orjson.OPT_INDENT_2 if indent else 0)
        except TypeError:  # orjson.JSONEncodeError: big integers, lone surrogates
            pass
        else:
            del data  # not needed any more: its memory is free for the text
            # orjson's buffer is sized for the worst case (up to ten times the text for Chinese):
            # an exact copy lets it go before the text is decoded.
            raw = bytes(memoryview(raw))
            text: str = raw.decode("utf-8")
            return text
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_dict(d: Mapping[str, Any]) -> Narrative:
    """The :class:`Narrative` a :func:`to_dict` result describes."""
    schema = d.get("schema")
    if schema != SCHEMA_ID:
        raise CareerNarrError(f"not a careernarr narrative: schema is {schema!r}, expected {SCHEMA_ID!r}")
    try:
        return Narrative(
            format=d["format"],
            text=d["text"],
            title=d.get("title"),
            date=d.get("date"),
            url=d.get("url"),
            authors=d.get("authors", ()),
            language=d.get("language"),
            summary=d.get("summary"),
            keywords=d.get("keywords", ()),
            tags=d.get("tags", ()),
            links=d.get("links", ()),
            duration=d.get("duration"),
            video_id=d.get("video_id"),
            draft=d.get("draft"),
            source=d.get("source"),
            metadata=dict(d.get("metadata") or {}),
            sections=[Section(s["heading"], s["level"], s["span"], s.get("role", "body"))
                      for s in d.get("sections", ())],
            posts=[
                Post(
                    floor=p["floor"], span=p["span"], author=p.get("author"),
                    mentions=p.get("mentions", ()), reply_to=p.get("reply_to", ()),
                    author_candidates=p.get("author_candidates", ()),
                    author_source=p.get("author_source"), links=p.get("links", ()),
                    time=p.get("time"), stance=p.get("stance"),
                )
                for p in d.get("posts", ())
            ],
            diagrams=[
                Diagram(
                    kind=g["kind"], span=g["span"], direction=g.get("direction"),
                    nodes=[DiagramNode(x["id"], x.get("label")) for x in g.get("nodes", ())],
                    edges=[DiagramEdge(e["source"], e["target"], e.get("label")) for e in g.get("edges", ())],
                    subgraphs=[Subgraph(s["id"], s.get("title"), s.get("nodes", ()))
                               for s in g.get("subgraphs", ())],
                )
                for g in d.get("diagrams", ())
            ],
            time_expressions=[
                TimeExpr(t["text"], t["span"], t.get("value"), t.get("duration"),
                         t.get("resolved", False), t.get("rule", ""))
                for t in d.get("time_expressions", ())
            ],
            events=[
                Event(e["kind"], e["text"], e["span"], e.get("when"), e.get("duration"),
                      e.get("subject", "narrator"), e.get("rule", ""), e.get("when_source"))
                for e in d.get("events", ())
            ],
            reflections=[
                Reflection(r["kind"], r["text"], r["span"], r.get("themes", ()), r.get("speaker"),
                           r.get("rule", ""))
                for r in d.get("reflections", ())
            ],
            warnings=d.get("warnings", ()),
            conversion=_conversion_from_dict(d.get("conversion")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CareerNarrError(f"malformed careernarr JSON: {exc}") from None


def from_json(s: str | bytes) -> Narrative:
    """The :class:`Narrative` in a :func:`to_json` document."""
    try:
        data = json.loads(s)
    except json.JSONDecodeError as exc:
        raise CareerNarrError(f"not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if not isinstance(data, Mapping):
        raise CareerNarrError("malformed careernarr JSON: expected an object at the top level")
    return from_dict(data)


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema of :data:`SCHEMA_ID`, as shipped in the package."""
    text = resources.files("careernarr.schema").joinpath("narrative-1.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate(data: Mapping[str, Any] | Narrative) -> None:
    """Raise :class:`jsonschema.ValidationError` unless ``data`` follows the schema."""
    import jsonschema

    instance = to_dict(data) if isinstance(data, Narrative) else data
    jsonschema.validate(instance, load_schema())
