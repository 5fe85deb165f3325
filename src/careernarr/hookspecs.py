"""Hook specifications: the whole contract between careernarr and its plugins.

A plugin is a module (or object) with functions marked ``@careernarr.hookimpl``
named after the hooks below. careernarr's own parsers, extractors and
exporters are registered through these very hooks. Third-party plugins are
found through the entry-point group ``careernarr``::

    [project.entry-points.careernarr]
    myformat = "careernarr_myformat"

Each hook returns a sequence of objects that follow one of the protocols
below. They are plain protocols: any object with these attributes works.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import pluggy

if TYPE_CHECKING:
    from .extract.context import ExtractionContext
    from .model import Narrative
    from .source import Source

__all__ = ["Exporter", "Extractor", "Parser", "hookspec"]

hookspec = pluggy.HookspecMarker("careernarr")


@runtime_checkable
class Parser(Protocol):
    """Reads one source format into a :class:`~careernarr.model.Narrative`.

    ``name`` is the format name users pass as ``format=``; ``description``
    is one line for ``careernarr formats``.
    """

    name: str
    description: str

    def sniff(self, source: Source) -> float:
        """How likely ``source`` is this format, from 0.0 (no) to 1.0 (surely).

        Must be cheap (look at ``source.head``) and must never raise.
        """
        ...

    def parse(self, source: Source) -> Narrative:
        """Read ``source``; raise :class:`~careernarr.errors.ParseError` on bad input.

        The narrative's ``text`` must keep every visible character of the
        input; structure goes into sections and posts, fields into
        ``metadata``. Extraction (times, events, reflections) is not the
        parser's job.
        """
        ...


@runtime_checkable
class Extractor(Protocol):
    """Finds one kind of item in a narrative.

    ``field`` is the :class:`~careernarr.model.Narrative` field it fills:
    ``"time_expressions"``, ``"events"`` or ``"reflections"``. An extractor
    from a plugin replaces the built-in one for the same field.
    """

    name: str
    field: str

    def extract(self, context: ExtractionContext) -> Sequence[Any]:
        """Items found in ``context.narrative`` (spans into its text)."""
        ...


@runtime_checkable
class Exporter(Protocol):
    """Writes narratives to an output format (``careernarr export --to NAME``)."""

    name: str
    description: str
    suffix: str

    def export(self, narratives: Sequence[Narrative]) -> str:
        """The whole output for ``narratives`` as text."""
        ...


@hookspec
def careernarr_parsers() -> Sequence[Parser]:  # type: ignore[empty-body]
    """Return the parsers this plugin provides."""


@hookspec
def careernarr_extractors() -> Sequence[Extractor]:  # type: ignore[empty-body]
    """Return extractors; one for a field replaces careernarr's built-in one."""


@hookspec
def careernarr_lexicons() -> Sequence[Mapping[str, Any] | str]:  # type: ignore[empty-body]
    """Return lexicons to add to the rule-based extractors.

    Each item is a path to a TOML lexicon file, a path to a folder laid out
    like ``careernarr/lexicons/`` (``<language>/<lexicon>.toml``), or an
    already-loaded mapping with the content of one file. Every lexicon
    starts with ``lexicon`` (what it is), ``language`` (``"zh"`` — written in
    simplified script, documents are converted before reading — or ``"en"``
    …) and optionally ``name`` (the prefix of the rules it fires, default
    the language):

    * ``lexicon = "events"``: one table per event kind (``[job_end]`` …, the
      kinds of :data:`careernarr.model.EVENT_KINDS`) with ``terms`` (an
      event on their own), ``weak`` (an event only when the clause says it
      happened or the sentence has a date), and optional ``patterns``
      (regular expressions) and ``not`` (exceptions);
    * ``lexicon = "reflections"``: one table per reflection kind
      (``[insight]``, ``[advice]``, ``[resolution]``, ``[opinion]``,
      ``[quote]``) with ``terms`` (strong cues), ``weak``, ``narrated``
      (realizations), ``general`` (strong only without 我/I), ``patterns``
      and ``not``;
    * ``lexicon = "themes"``: one table per theme with its ``terms``;
    * ``lexicon = "cues"``: flat lists named after the cue they add to
      (``negation``, ``hypothetical``, ``modal``, ``realis``,
      ``first_person`` …);
    * ``lexicon = "time"``: time words for the time extractor (see
      ``careernarr/lexicons/time/``).

    In terms, ``…`` stands for a few words of one clause and ``……`` for a
    longer stretch of one sentence; English terms match whole words in any
    case, ``*`` ending a word any way. The words add to the built-in ones;
    rules they fire are named ``<name>.<lexicon>.<table>:<term>``. The full
    guide is ``careernarr/lexicons/README.md``. Example::

        @careernarr.hookimpl
        def careernarr_lexicons():
            return [{"lexicon": "events", "language": "zh", "name": "nursing",
                     "overwork": {"terms": ["连上…个夜班"]}}]
    """


@hookspec
def careernarr_exporters() -> Sequence[Exporter]:  # type: ignore[empty-body]
    """Return the exporters this plugin provides."""
