"""careernarr: personal career narratives as typed, checkable data.

>>> import careernarr
>>> n = careernarr.parse("我的2025总结\n\n2025年初，我加入了一家创业公司。")
>>> n.format
'essay'

Plugins need only :data:`hookimpl`; importing it does not load the host.
Everything else is loaded on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

import pluggy

__version__ = "0.1.0"

#: Marker for plugin hook implementations: ``@careernarr.hookimpl``.
hookimpl = pluggy.HookimplMarker("careernarr")

_LAZY: dict[str, str] = {
    "parse": "careernarr.api",
    "detect": "careernarr.api",
    "extract": "careernarr.api",
    "explain": "careernarr.extract.explain",
    "Explanation": "careernarr.extract.explain",
    "parse_many": "careernarr.batch",
    "Outcome": "careernarr.batch",
    "to_json": "careernarr.export.json",
    "from_json": "careernarr.export.json",
    "to_dict": "careernarr.export.json",
    "from_dict": "careernarr.export.json",
    "validate": "careernarr.export.json",
    "SCHEMA_ID": "careernarr.export.json",
    "convert": "careernarr.script",
    "convert_text": "careernarr.script",
    "to_original": "careernarr.script",
    "UnknownScriptError": "careernarr.script",
    "Conversion": "careernarr.model",
    "detect_language": "careernarr.script",
    "Narrative": "careernarr.model",
    "Section": "careernarr.model",
    "Post": "careernarr.model",
    "Diagram": "careernarr.model",
    "DiagramNode": "careernarr.model",
    "DiagramEdge": "careernarr.model",
    "Subgraph": "careernarr.model",
    "TimeExpr": "careernarr.model",
    "Event": "careernarr.model",
    "Reflection": "careernarr.model",
    "Span": "careernarr.model",
    "Source": "careernarr.source",
    "read_source": "careernarr.source",
    "Host": "careernarr.plugins",
    "get_plugin_manager": "careernarr.plugins",
    "CareerNarrError": "careernarr.errors",
    "ParseError": "careernarr.errors",
    "EncodingError": "careernarr.errors",
    "SourceError": "careernarr.errors",
    "UnknownFormatError": "careernarr.errors",
    "FormatDetectionError": "careernarr.errors",
    "PluginError": "careernarr.errors",
}

__all__ = ["__version__", "hookimpl", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'careernarr' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from .api import detect, extract, parse
    from .batch import Outcome, parse_many
    from .errors import (
        CareerNarrError,
        EncodingError,
        FormatDetectionError,
        ParseError,
        PluginError,
        SourceError,
        UnknownFormatError,
    )
    from .export.json import SCHEMA_ID, from_dict, from_json, to_dict, to_json, validate
    from .extract.explain import Explanation, explain
    from .model import (
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
    from .plugins import Host, get_plugin_manager
    from .script import UnknownScriptError, convert, convert_text, detect_language, to_original
    from .source import Source, read_source
