"""The top-level API: ``parse`` a document, ``detect`` its format."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from .errors import CareerNarrError, ParseError, PluginError
from .extract.pipeline import run_extractors
from .model import Narrative
from .plugins import Host, default_host
from .script import detect_language
from .source import read_source

__all__ = ["detect", "extract", "parse"]

Input = str | bytes | os.PathLike[str]


def detect(source: Input, *, host: Host | None = None) -> str:
    """The name of the format ``source`` most likely is.

    Raises :class:`SourceError`, :class:`EncodingError` or
    :class:`FormatDetectionError` (all :class:`CareerNarrError`).
    """
    host = host or default_host()
    return host.detect(read_source(source)).name


def parse(
    source: Input,
    format: str | None = None,
    *,
    script: str | None = None,
    extract: bool = True,
    host: Host | None = None,
) -> Narrative:
    """Read ``source`` into a :class:`Narrative`.

    ``source`` is a path, a ``str`` of text (a ``str`` naming an existing
    file is read as that file) or raw ``bytes``. The format is detected by
    asking every parser how likely the input is its format, unless
    ``format`` names one. With ``extract`` (the default) time expressions,
    events and reflections are extracted; with ``script`` (``zh-Hans``,
    ``zh-Hant``, ``zh-TW``, ``zh-HK`` or an OpenCC configuration name) the
    result is converted to that script. What reading the bytes noticed
    (lines in another encoding) is added to ``warnings``.

    Raises :class:`CareerNarrError` subclasses only, each naming the input
    (see ``docs/guides/errors.md``): :class:`SourceError` /
    :class:`EncodingError` for input that cannot be read as text,
    :class:`FormatDetectionError` or :class:`UnknownFormatError` when no
    parser fits, :class:`ParseError` for a document not in its format's
    shape, :class:`PluginError` when a parser, extractor or converter
    crashes.
    """
    host = host or default_host()
    src = read_source(source)
    if not src.text.strip():
        raise ParseError("the document is empty", file=src.name, expected="some text to read")
    try:
        parser = host.parser(format) if format else host.detect(src)
    except CareerNarrError as exc:
        raise exc.with_file(src.name) from None
    narrative = _run(f"the {parser.name!r} parser", parser.name, src.name, parser.parse, src)
    changes: dict[str, object] = {}
    if narrative.language is None:
        changes["language"] = detect_language(narrative.text)
    if narrative.source is None and src.path:
        changes["source"] = src.path
    if src.warnings:
        changes["warnings"] = (*src.warnings, *narrative.warnings)
    if changes:
        narrative = narrative.evolve(**changes)
    if extract:
        narrative = _run("extraction", "extractors", src.name, run_extractors, narrative, host)
    if script:
        from .script import convert

        narrative = _run(f"conversion to {script!r}", "script", src.name, convert, narrative, to=script)
    return narrative


def _run(stage: str, plugin: str, name: str, func: Callable[..., Narrative], *args: Any, **kwargs: Any) -> Narrative:
    """``func(*args, **kwargs)``; careernarr errors gain the file name, anything else is a PluginError."""
    try:
        return func(*args, **kwargs)
    except CareerNarrError as exc:
        raise exc.with_file(name) from exc.__cause__
    except RecursionError as exc:
        raise ParseError(f"{stage} gave up: the document is nested too deeply", file=name,
                         expected="fewer levels of nesting (lists, quotes, tags)") from exc
    except MemoryError as exc:
        raise ParseError(f"{stage} ran out of memory", file=name, hint="split the document") from exc
    except Exception as exc:  # a plugin's bug must not surface as a deep traceback
        raise PluginError(
            f"{stage} failed: {type(exc).__name__}: {exc}",
            file=name,
            plugin=plugin,
            hint="this is a bug in careernarr or a plugin; please report it with the file",
        ) from exc


def extract(narrative: Narrative, *, host: Host | None = None) -> Narrative:
    """Run the extractors on an already parsed narrative (replacing what it had)."""
    return run_extractors(narrative, host or default_host())
