"""The top-level API: ``parse`` a document, ``detect`` its format."""

from __future__ import annotations

import os

from .errors import CareerNarrError, ParseError
from .extract.pipeline import run_extractors
from .model import Narrative
from .plugins import Host, default_host
from .script import detect_language
from .source import read_source

__all__ = ["detect", "extract", "parse"]

Input = str | bytes | os.PathLike[str]


def detect(source: Input, *, host: Host | None = None) -> str:
    """The name of the format ``source`` most likely is."""
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
    result is converted to that script. Raises :class:`CareerNarrError`
    subclasses only.
    """
    host = host or default_host()
    src = read_source(source)
    if not src.text.strip():
        raise ParseError("the document is empty", file=src.name, expected="some text to read")
    parser = host.parser(format) if format else host.detect(src)
    try:
        narrative = parser.parse(src)
    except ParseError as exc:
        raise exc.with_file(src.name) from None
    except CareerNarrError:
        raise
    except Exception as exc:  # a parser's bug must not surface as a deep traceback
        raise ParseError(
            f"the {parser.name!r} parser failed: {type(exc).__name__}: {exc}",
            file=src.name,
            hint="this is a bug in the parser; please report it with the file",
        ) from exc
    changes: dict[str, object] = {}
    if narrative.language is None:
        changes["language"] = detect_language(narrative.text)
    if narrative.source is None and src.path:
        changes["source"] = src.path
    if changes:
        narrative = narrative.evolve(**changes)
    if extract:
        narrative = run_extractors(narrative, host)
    if script:
        from .script import convert

        narrative = convert(narrative, to=script)
    return narrative


def extract(narrative: Narrative, *, host: Host | None = None) -> Narrative:
    """Run the extractors on an already parsed narrative (replacing what it had)."""
    return run_extractors(narrative, host or default_host())
