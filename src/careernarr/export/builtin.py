"""careernarr's built-in exporters, registered through the ``careernarr_exporters`` hook."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import hookimpl
from ..hookspecs import Exporter
from ..model import Narrative
from .html import HtmlExporter
from .json import to_dict
from .markdown import MarkdownExporter
from .mermaid import MermaidExporter
from .timelinejs import TimelineJsExporter


class JsonExporter:
    """The JSON contract: one object for one narrative, an array for several."""

    name = "json"
    description = "careernarr.narrative/1 JSON (validates against the shipped JSON Schema)"
    suffix = ".json"

    def export(self, narratives: Sequence[Narrative]) -> str:
        data = [to_dict(n) for n in narratives]
        return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


@hookimpl
def careernarr_exporters() -> Sequence[Exporter]:
    return [JsonExporter(), MarkdownExporter(), MermaidExporter(), TimelineJsExporter(), HtmlExporter()]
