# mypy: disallow-untyped-calls=False, warn-return-any=False
"""careernarr on a Dask cluster: a list of files in, a bag of narratives or records out.

Needs the ``dask`` extra (``pip install 'careernarr[dask]'``). Nothing here
distributes work by itself: the functions build :mod:`dask.bag` collections
and whatever scheduler is in force runs them — a ``dask.distributed``
:class:`~distributed.Client` on a laptop (``LocalCluster``) or on a real
cluster, exactly the same code::

    from dask.distributed import Client
    from careernarr.dask import read_narratives, event_records

    client = Client("tcp://scheduler:8786")
    outcomes = read_narratives(paths)          # one Outcome per path, in order
    events = event_records(outcomes)           # one flat dict per event
    events.to_dataframe().to_parquet("events/")   # with dask[dataframe]

Only paths travel to the workers, which read the files themselves: every
worker must see the same files at the same paths (a shared or network file
system). A document that fails becomes an :class:`~careernarr.batch.Outcome`
with ``error`` set; it never fails the computation.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .batch import Outcome, _parse_one, _parse_to_outcome, output_stems

if TYPE_CHECKING:
    import dask.bag

__all__ = ["EVENT_FIELDS", "REFLECTION_FIELDS", "event_records", "read_narratives", "reflection_records",
           "write_outputs"]

#: The keys of every :func:`event_records` record, in order.
EVENT_FIELDS: tuple[str, ...] = (
    "path", "format", "language", "title", "date", "kind", "text", "start", "end", "when",
    "duration", "subject", "rule",
)
#: The keys of every :func:`reflection_records` record, in order.
REFLECTION_FIELDS: tuple[str, ...] = (
    "path", "format", "language", "title", "date", "kind", "text", "start", "end", "themes",
    "speaker", "rule",
)


def _bag(items: Sequence[Any], npartitions: int | None, partition_size: int | None) -> dask.bag.Bag:
    import dask.bag as db

    if not items:
        raise ValueError("no documents to read")
    if npartitions is None and partition_size is None:
        npartitions = min(len(items), 64)
    return db.from_sequence(items, npartitions=npartitions, partition_size=partition_size)


def read_narratives(
    paths: Sequence[str | os.PathLike[str]],
    *,
    npartitions: int | None = None,
    partition_size: int | None = None,
    format: str | None = None,
    script: str | None = None,
    extract: bool = True,
) -> dask.bag.Bag:
    """A bag of :class:`~careernarr.batch.Outcome`, one per path, in input order.

    Each task reads and parses its own files. ``npartitions`` (default: one
    per document, at most 64) or ``partition_size`` decide how documents are
    grouped into tasks; ``format``, ``script`` and ``extract`` are those of
    :func:`careernarr.parse`. The narratives that were read:
    ``.filter(lambda o: o.ok).map(lambda o: o.narrative)``.
    """
    names = [os.fspath(p) for p in paths]
    return _bag(names, npartitions, partition_size).map(_parse_one, format, script, extract)


def _event_rows(outcome: Outcome) -> list[dict[str, Any]]:
    n = outcome.narrative
    if n is None:
        return []
    return [
        {"path": outcome.path, "format": n.format, "language": n.language, "title": n.title, "date": n.date,
         "kind": e.kind, "text": e.text, "start": e.span.start, "end": e.span.end, "when": e.when,
         "duration": e.duration, "subject": e.subject, "rule": e.rule}
        for e in n.events
    ]


def _reflection_rows(outcome: Outcome) -> list[dict[str, Any]]:
    n = outcome.narrative
    if n is None:
        return []
    return [
        {"path": outcome.path, "format": n.format, "language": n.language, "title": n.title, "date": n.date,
         "kind": r.kind, "text": r.text, "start": r.span.start, "end": r.span.end, "themes": list(r.themes),
         "speaker": r.speaker, "rule": r.rule}
        for r in n.reflections
    ]


def event_records(outcomes: dask.bag.Bag) -> dask.bag.Bag:
    """One flat dict per event of every good narrative in ``outcomes`` (keys: :data:`EVENT_FIELDS`).

    Offsets (``start``, ``end``) index the narrative's ``text``. Ready for
    ``.to_dataframe()`` when ``dask[dataframe]`` is installed.
    """
    return outcomes.map(_event_rows).flatten()


def reflection_records(outcomes: dask.bag.Bag) -> dask.bag.Bag:
    """One flat dict per reflection of every good narrative (keys: :data:`REFLECTION_FIELDS`)."""
    return outcomes.map(_reflection_rows).flatten()


def write_outputs(
    paths: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    to: str | Sequence[str] = ("json",),
    npartitions: int | None = None,
    partition_size: int | None = None,
    format: str | None = None,
    script: str | None = None,
    extract: bool = True,
) -> dask.bag.Bag:
    """A bag of :class:`~careernarr.batch.Outcome` whose workers write one file per exporter in ``to``.

    Files land in ``outdir`` (which every worker must see) as
    ``<name><suffix>``, names disambiguated as the CLI does; only file names
    come back (``Outcome.outputs``), never the narratives.
    """
    from .plugins import default_host

    exporters = (to,) if isinstance(to, str) else tuple(to)
    host = default_host()
    for name in exporters:
        host.exporter(name)  # an unknown exporter fails here, before any work
    names = [os.fspath(p) for p in paths]
    items = list(zip(names, output_stems(names)))
    return _bag(items, npartitions, partition_size).map(
        _parse_to_outcome, os.fspath(outdir), exporters, format, script, extract)
