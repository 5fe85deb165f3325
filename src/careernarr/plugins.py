"""The plugin host: builds a pluggy manager and answers "which parser?".

:func:`get_plugin_manager` makes a fresh :class:`pluggy.PluginManager` with
careernarr's built-in plugins and every third-party plugin of the entry-point
group ``careernarr``; :class:`Host` wraps it with the questions the rest of
careernarr asks (parsers by name, format detection, extractors, exporters).
A plugin that fails to import is recorded in :attr:`Host.failures` and the
others still load.

``CAREERNARR_LOAD_PLUGINS`` restricts third-party loading to a comma-separated
list of entry-point names (empty: none).
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterable, Sequence
from importlib import metadata
from typing import Any

import pluggy
from attrs import frozen

from . import hookspecs
from .errors import CareerNarrError, FormatDetectionError, PluginError, UnknownFormatError
from .hookspecs import Exporter, Extractor, Parser
from .source import Source

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "Host",
    "PluginFailure",
    "PluginInfo",
    "default_host",
    "get_plugin_manager",
]

ENTRY_POINT_GROUP = "careernarr"
ENV_LOAD_PLUGINS = "CAREERNARR_LOAD_PLUGINS"

#: careernarr's own plugins, registered through the same hooks as anyone's.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "careernarr.parsers.essay",
    "careernarr.parsers.transcript",
    "careernarr.parsers.article",
    "careernarr.parsers.frontmatter",
    "careernarr.parsers.forum",
    "careernarr.parsers.markdown",
    "careernarr.parsers.html",
    "careernarr.parsers.text",
    "careernarr.extract.builtin",
    "careernarr.export.builtin",
)


@frozen
class PluginFailure:
    """A plugin that could not be loaded, and why."""

    name: str
    error: str


@frozen
class PluginInfo:
    """A loaded plugin: its name, hooks, and where it comes from."""

    name: str
    hooks: tuple[str, ...]
    distribution: str | None
    version: str | None


def get_plugin_manager(
    *,
    entry_points: bool = True,
    builtins: Sequence[str] = DEFAULT_PLUGINS,
    failures: list[PluginFailure] | None = None,
    distributions: dict[str, tuple[str, str | None]] | None = None,
) -> pluggy.PluginManager:
    """A fresh plugin manager with built-in and (optionally) third-party plugins.

    Failures to import a plugin are appended to ``failures``; the
    distribution and version of each entry-point plugin go to
    ``distributions`` (by plugin name), when given.
    """
    pm = pluggy.PluginManager("careernarr")
    pm.add_hookspecs(hookspecs)
    sink = failures if failures is not None else []
    for modname in builtins:
        try:
            module = importlib.import_module(modname)
        except Exception as exc:  # a broken built-in must not hide the others
            sink.append(PluginFailure(modname, f"{type(exc).__name__}: {exc}"))
            continue
        pm.register(module, name=modname)
    if entry_points:
        _load_entry_points(pm, sink, distributions if distributions is not None else {})
    return pm


def _allowed_names() -> set[str] | None:
    raw = os.environ.get(ENV_LOAD_PLUGINS)
    if raw is None:
        return None
    return {n.strip() for n in raw.split(",") if n.strip()}


def _load_entry_points(
    pm: pluggy.PluginManager,
    failures: list[PluginFailure],
    distributions: dict[str, tuple[str, str | None]],
) -> None:
    allowed = _allowed_names()
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if allowed is not None and ep.name not in allowed:
            continue
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:
            failures.append(PluginFailure(ep.name, f"{type(exc).__name__}: {exc}"))
            continue
        dist = getattr(ep, "dist", None)
        if dist is not None:
            distributions[ep.name] = (dist.metadata["Name"], dist.version)


class Host:
    """careernarr's view of a plugin manager: parsers, extractors, exporters.

    Build one with :meth:`Host.create`; :func:`default_host` returns a shared
    one for the top-level API.
    """

    def __init__(
        self,
        pm: pluggy.PluginManager,
        failures: Iterable[PluginFailure] = (),
        distributions: dict[str, tuple[str, str | None]] | None = None,
    ) -> None:
        self.pm = pm
        self.failures: tuple[PluginFailure, ...] = tuple(failures)
        self.distributions = dict(distributions or {})

    @classmethod
    def create(cls, *, entry_points: bool = True, plugins: Iterable[Any] = ()) -> Host:
        """A host with built-ins, entry-point plugins and any extra ``plugins`` objects."""
        failures: list[PluginFailure] = []
        dists: dict[str, tuple[str, str | None]] = {}
        pm = get_plugin_manager(entry_points=entry_points, failures=failures, distributions=dists)
        for plugin in plugins:
            pm.register(plugin)
        return cls(pm, failures, dists)

    # -- what plugins provide -------------------------------------------------

    def _collect(self, hook_name: str) -> list[tuple[str, Any]]:
        """(plugin name, item) for every item the hook returns, last-registered first."""
        caller = getattr(self.pm.hook, hook_name)
        out: list[tuple[str, Any]] = []
        for impl in reversed(caller.get_hookimpls()):
            try:
                items = impl.function()
            except CareerNarrError:
                raise  # said on purpose, and clearly (a bad setting): not a crash of the plugin
            except Exception as exc:
                raise PluginError(f"plugin {impl.plugin_name!r} failed in {hook_name}: {exc}",
                                  plugin=impl.plugin_name,
                                  hint="fix or uninstall the plugin (`careernarr plugins` lists them)") from exc
            for item in items or ():
                out.append((impl.plugin_name, item))
        return out

    @functools.cached_property
    def _parsers(self) -> dict[str, tuple[str, Parser]]:
        found: dict[str, tuple[str, Parser]] = {}
        for plugin_name, parser in self._collect("careernarr_parsers"):
            found.setdefault(parser.name, (plugin_name, parser))
        return found

    @property
    def parsers(self) -> dict[str, Parser]:
        """Parsers by format name (a plugin's parser shadows a built-in of the same name)."""
        return {name: p for name, (_, p) in self._parsers.items()}

    def parser(self, name: str) -> Parser:
        """The parser for format ``name``; :class:`UnknownFormatError` lists the known ones."""
        try:
            return self._parsers[name][1]
        except KeyError:
            known = ", ".join(sorted(self._parsers))
            raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}") from None

    def parser_origin(self, name: str) -> tuple[str, str | None]:
        """``(distribution or 'built-in', version)`` of the parser for ``name``."""
        plugin_name = self._parsers[name][0]
        return self._origin(plugin_name)

    def _origin(self, plugin_name: str) -> tuple[str, str | None]:
        if plugin_name in DEFAULT_PLUGINS:
            from . import __version__

            return "built-in", __version__
        return self.distributions.get(plugin_name, (plugin_name, None))

    def scores(self, source: Source) -> list[tuple[float, str]]:
        """Every parser's sniff score for ``source``, best first."""
        scored: list[tuple[float, str]] = []
        for name, (_, parser) in self._parsers.items():
            try:
                score = float(parser.sniff(source))
            except Exception:  # a sniffer must never break detection
                score = 0.0
            scored.append((score, name))
        scored.sort(key=lambda pair: -pair[0])
        return scored

    def detect(self, source: Source) -> Parser:
        """The parser most confident that ``source`` is its format."""
        scored = self.scores(source)
        if not scored or scored[0][0] <= 0.0:
            raise FormatDetectionError(
                f"{source.name}: no parser recognises this document; "
                f"pass format= one of: {', '.join(sorted(self._parsers))}", file=source.name,
            )
        return self._parsers[scored[0][1]][1]

    @functools.cached_property
    def extractors(self) -> dict[str, Extractor]:
        """The extractor for each field (a plugin's replaces the built-in one)."""
        chosen: dict[str, Extractor] = {}
        for _, extractor in self._collect("careernarr_extractors"):
            chosen.setdefault(extractor.field, extractor)
        return chosen

    @functools.cached_property
    def lexicons(self) -> list[Any]:
        """Extra lexicons (paths or mappings) from plugins, in load order."""
        return [item for _, item in reversed(self._collect("careernarr_lexicons"))]

    @functools.cached_property
    def exporters(self) -> dict[str, Exporter]:
        """Exporters by name."""
        found: dict[str, Exporter] = {}
        for _, exporter in self._collect("careernarr_exporters"):
            found.setdefault(exporter.name, exporter)
        return found

    def exporter(self, name: str) -> Exporter:
        """The exporter called ``name``; :class:`UnknownFormatError` lists the known ones."""
        try:
            return self.exporters[name]
        except KeyError:
            known = ", ".join(sorted(self.exporters))
            raise UnknownFormatError(f"unknown export format {name!r}; known: {known}") from None

    def plugins(self) -> list[PluginInfo]:
        """Every loaded plugin with its hooks, distribution and version."""
        infos = []
        for plugin_name, plugin in self.pm.list_name_plugin():
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            dist, version = self._origin(plugin_name)
            infos.append(PluginInfo(plugin_name, hooks, dist, version))
        return infos


@functools.lru_cache(maxsize=1)
def default_host() -> Host:
    """The host the top-level API uses (built once, on first use)."""
    return Host.create()
