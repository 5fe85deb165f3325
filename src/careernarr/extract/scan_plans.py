"""How the scanner looks for each entry, worked out once and kept on disk.

A :class:`~careernarr.extract.cues.Scanner` reads every entry's regular
expression with ``re``'s own parser to learn its literal prefixes, the
literals a match must hold and where a match can start. For the built-in
lexicons (about 12,000 entries) that takes most of a second, every time a
process parses its first document. The answer depends only on the pattern,
its flags, the Python version and this code, so it is kept in a JSON file in
the user's cache directory (``platformdirs``) and read back by later
processes; entries the file does not know (a plugin's lexicon, an edited
entry) are worked out and added.

``CAREERNARR_CACHE_DIR`` names another directory; ``CAREERNARR_CACHE=off``
turns the file off (everything is worked out in memory, as before). A file
that cannot be read or written is ignored: the cache only saves time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

__all__ = ["Plan", "cache_file", "plans"]

#: Cache files of other versions kept next to the current one (the newest).
_KEEP = 3


@frozen
class Plan:
    """What a scanner needs to know of one entry's expression.

    ``prefixes``: texts one of which every match starts with, folded (none:
    the entry runs wherever it can start); ``exact``: a prefix occurrence is
    a match; ``required``: texts one of which every match holds;
    ``anchors``: for an entry without prefixes that opens with anchors or
    look-behinds, whether it can start at offset 0 and the expressions (with
    flags and width) that find the characters a start follows.
    """

    prefixes: tuple[str, ...]
    exact: bool
    required: tuple[str, ...]
    anchors: tuple[bool, tuple[tuple[str, int, int], ...]] | None

    def to_json(self) -> list[Any]:
        anchors = None if self.anchors is None else [self.anchors[0], [list(m) for m in self.anchors[1]]]
        return [list(self.prefixes), self.exact, list(self.required), anchors]

    @classmethod
    def from_json(cls, raw: Any) -> Plan:
        """The plan ``raw`` (from :meth:`to_json`) holds; ValueError if it is not one."""
        try:
            prefixes, exact, required, anchors = raw
            plan = cls(tuple(prefixes), exact, tuple(required),
                       None if anchors is None else
                       (anchors[0], tuple((m[0], m[1], m[2]) for m in anchors[1])))
        except (TypeError, ValueError, IndexError, KeyError) as exc:
            raise ValueError(f"not a scan plan: {raw!r}") from exc
        texts = [*plan.prefixes, *plan.required, *(m[0] for m in (plan.anchors or (False, ()))[1])]
        flags = [plan.exact, *(() if plan.anchors is None else (plan.anchors[0],))]
        numbers = [n for m in (plan.anchors or (False, ()))[1] for n in m[1:]]
        if (not all(isinstance(t, str) for t in texts) or not all(isinstance(f, bool) for f in flags)
                or not all(type(n) is int for n in numbers)):
            raise ValueError(f"not a scan plan: {raw!r}")
        return plan


def _enabled() -> bool:
    return os.environ.get("CAREERNARR_CACHE", "").strip().lower() not in ("0", "off", "no", "false")


def _directory() -> Path:
    named = os.environ.get("CAREERNARR_CACHE_DIR")
    if named:
        return Path(named)
    import platformdirs

    return Path(platformdirs.user_cache_dir("careernarr", appauthor=False))


@functools.cache
def _code_key() -> str:
    """What the plans depend on besides the patterns: this code, the scanner's, Python's ``re``."""
    from careernarr import __version__

    digest = hashlib.sha256(f"{__version__} {sys.version_info[:3]}".encode())
    for module in ("careernarr.extract.cues", __name__):
        source = getattr(sys.modules.get(module), "__file__", None)
        try:
            digest.update(Path(source).read_bytes() if source else b"?")
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()[:16]


def cache_file() -> Path | None:
    """The file plans are kept in, or None when the cache is turned off."""
    if not _enabled():
        return None
    return _directory() / f"scan-plans-{_code_key()}.json"


def _key(regex: re.Pattern[str]) -> str:
    return f"{regex.flags}:{regex.pattern}"


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as f:
            raw = json.load(f)
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _write(path: Path, known: dict[str, Any]) -> None:
    """``known`` into ``path``, atomically (workers may write at once); older versions' files pruned."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(known, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        others = sorted((p for p in path.parent.glob("scan-plans-*.json") if p != path),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: the plans were worked out anyway


#: Plans known in this process, by key; filled from the file by the first large scanner.
_known: dict[str, Plan] = {}
_read_from: set[Path] = set()

#: Scanners of fewer entries than this are planned in memory only (reading the file would cost more).
_SMALL = 256


def plans(regexes: Sequence[re.Pattern[str]], work_out: Callable[[re.Pattern[str]], Plan]) -> list[Plan]:
    """The plan of each expression: known, from the cache file, or from ``work_out`` (then stored)."""
    path = cache_file() if len(regexes) >= _SMALL else None
    stored: dict[str, Any] = {}
    if path is not None and path not in _read_from:
        stored = _read(path)
        _read_from.add(path)
    out: list[Plan] = []
    new: dict[str, Any] = {}
    for regex in regexes:
        key = _key(regex)
        plan = _known.get(key)
        if plan is None and key in stored:
            try:
                plan = Plan.from_json(stored[key])
            except ValueError:
                plan = None
        if plan is None:
            plan = work_out(regex)
            new[key] = plan.to_json()
        _known[key] = plan
        out.append(plan)
    if path is not None and new:
        on_disk = stored if stored else _read(path)
        on_disk.update(new)  # a process with a plugin's lexicon keeps the built-in plans too
        _write(path, on_disk)
    return out
