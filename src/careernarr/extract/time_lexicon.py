"""The time words: ``careernarr/lexicons/time/{zh,en}.toml``, read into one object.

Plugins may add words through the ``careernarr_lexicons`` hook: a path to a
TOML file (or an already-loaded mapping) with ``lexicon = "time"`` and the
same tables as the built-in files. Their tables are merged over the
built-in ones (mappings updated, lists extended). Lexicons of other kinds
are left to their own extractors.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import frozen

from ..errors import CareerNarrError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["TimeLexicon", "builtin_time_lexicon", "time_lexicon"]

_LANGUAGES = ("zh", "en")


@frozen
class TimeLexicon:
    """Time words per language: ``tables["zh"]["year_parts"]["年初"] == [1, 3]``."""

    tables: Mapping[str, Mapping[str, Any]]

    def table(self, language: str, name: str) -> dict[str, Any]:
        """One table (``{}`` if absent)."""
        value = self.tables.get(language, {}).get(name, {})
        return dict(value) if isinstance(value, Mapping) else {}

    def words(self, language: str, table: str, key: str = "words") -> list[str]:
        """A list of words from ``table`` (``[]`` if absent)."""
        value = self.tables.get(language, {}).get(table, {})
        if isinstance(value, Mapping):
            value = value.get(key, [])
        return [str(v) for v in value] if isinstance(value, list) else []

    def fold_table(self) -> dict[int, int]:
        """The character-for-character folding (traditional → simplified)."""
        table: dict[int, int] = {}
        for pair in self.table("zh", "fold").get("pairs", []):
            pair = str(pair)
            if len(pair) != 2:
                raise CareerNarrError(
                    f"time lexicon [fold]: {pair!r} should be two characters, the written one and "
                    "the one it is read as"
                )
            table[ord(pair[0])] = ord(pair[1])
        return table

    def key(self) -> str:
        """A stable identity of the words (to cache compiled patterns)."""
        return repr(sorted((lang, repr(sorted(t.items()))) for lang, t in self.tables.items()))


def _read(path: Path | str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CareerNarrError(f"{path}: invalid TOML time lexicon: {exc}") from exc
    except OSError as exc:
        raise CareerNarrError(f"{path}: cannot read time lexicon: {exc}") from exc


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for name, value in extra.items():
        old = base.get(name)
        if isinstance(old, dict) and isinstance(value, Mapping):
            _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(v for v in value if v not in old)
        else:
            base[name] = value


@functools.lru_cache(maxsize=1)
def builtin_time_lexicon() -> TimeLexicon:
    """The time words shipped with careernarr."""
    folder = resources.files("careernarr") / "lexicons" / "time"
    tables: dict[str, Mapping[str, Any]] = {}
    for language in _LANGUAGES:
        with resources.as_file(folder / f"{language}.toml") as path:
            tables[language] = _read(path)
    return TimeLexicon(tables)


def time_lexicon(extra: Sequence[Mapping[str, Any] | str | Path] = ()) -> TimeLexicon:
    """The built-in time words with every ``lexicon = "time"`` item of ``extra`` merged in."""
    base = builtin_time_lexicon()
    loaded: list[dict[str, Any]] = []
    for item in extra:
        if isinstance(item, (str, Path)):
            path = Path(item)
            if path.is_dir():
                candidates = sorted((path / "time").glob("*.toml")) if (path / "time").is_dir() else []
                loaded.extend(_read(p) for p in candidates)
                continue
            if path.suffix != ".toml" or not path.is_file():
                continue
            item = _read(path)
        if isinstance(item, Mapping) and item.get("lexicon") == "time":
            loaded.append(dict(item))
    if not loaded:
        return base
    tables = {lang: _deepcopy(t) for lang, t in base.tables.items()}
    for item in loaded:
        language = str(item.get("language", "zh"))
        _merge(tables.setdefault(language, {}), item)
    return TimeLexicon(tables)


def _deepcopy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _deepcopy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deepcopy(v) for v in value]
    return value
