"""Gathering narratives to export: documents to parse, or careernarr JSON already made.

``careernarr export`` takes files and folders. A ``.json`` file holding a
``careernarr.narrative/1`` object (or an array of them, as ``parse --to
json`` writes for several documents) is read back as it is; any other file
is parsed (format detected unless given). Bad files are collected, not
raised, so one broken document does not stop a corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ..errors import CareerNarrError
from ..model import Narrative
from .json import SCHEMA_ID, from_dict

if TYPE_CHECKING:
    from ..plugins import Host

__all__ = ["Loaded", "expand_paths", "load_narratives", "read_careernarr_json"]


@frozen
class Loaded:
    """What :func:`load_narratives` read, and what it could not."""

    narratives: tuple[Narrative, ...]
    failures: tuple[tuple[str, str], ...]


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files inside folders named (sorted, hidden ones skipped)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += [c for c in sorted(p.rglob("*"))
                    if c.is_file() and not any(part.startswith(".") for part in c.relative_to(p).parts)]
        else:
            out.append(p)
    return out


def read_careernarr_json(path: Path) -> list[Narrative] | None:
    """The narratives in a careernarr JSON file, or ``None`` if it is not one."""
    if path.suffix.lower() != ".json":
        return None
    try:
        data: Any = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(i, dict) and i.get("schema") == SCHEMA_ID for i in items):
        return None
    return [from_dict(i) for i in items]


def load_narratives(
    paths: Sequence[str | Path],
    *,
    format: str | None = None,
    script: str | None = None,
    host: Host | None = None,
) -> Loaded:
    """Read every input: careernarr JSON as is, other files through :func:`careernarr.parse`."""
    from ..api import parse

    narratives: list[Narrative] = []
    failures: list[tuple[str, str]] = []
    for path in expand_paths(paths):
        try:
            ready = read_careernarr_json(path)
            if ready is not None:
                narratives += ready
            else:
                narratives.append(parse(path, format, script=script, host=host))
        except CareerNarrError as exc:
            failures.append((str(path), str(exc)))
    return Loaded(tuple(narratives), tuple(failures))
