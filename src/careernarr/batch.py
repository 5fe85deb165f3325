"""Many documents at once: :func:`parse_many`, in one process or several.

Workers read their own files (only paths cross process boundaries), and a
document that fails is reported as an :class:`Outcome` with an error — it
never stops the others. With ``ordered=True`` (the default) outcomes come
back in input order; with ``ordered=False`` they are streamed as they finish.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

from attrs import frozen

from .errors import CareerNarrError
from .model import Narrative

__all__ = ["Outcome", "parse_many", "run_many"]

T = TypeVar("T")
R = TypeVar("R")


@frozen
class Outcome:
    """What became of one document: a narrative, or the error that stopped it."""

    path: str
    narrative: Narrative | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was read."""
        return self.error is None


def _parse_one(path: str, format: str | None, script: str | None, extract: bool) -> Outcome:
    from .api import parse

    try:
        return Outcome(path, parse(Path(path), format, script=script, extract=extract))
    except CareerNarrError as exc:
        return Outcome(path, error=str(exc))
    except Exception as exc:  # a bug must not take the whole batch down
        return Outcome(path, error=f"{path}: unexpected {type(exc).__name__}: {exc}")


def run_many(
    func: Callable[..., R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    ordered: bool = True,
    args: tuple[object, ...] = (),
    on_crash: Callable[[T, BaseException], R],
) -> Iterator[tuple[T, R]]:
    """``(item, func(item, *args))`` for every item, using ``jobs`` processes.

    ``func`` must be a module-level function (it is pickled by reference).
    When a worker process dies, ``on_crash(item, error)`` stands in for the
    items it took down and the rest continue in a fresh pool.
    """
    todo = list(items)
    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            yield item, func(item, *args)
        return
    while todo:
        remaining: list[T] = []
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
            futures = {pool.submit(func, item, *args): i for i, item in enumerate(todo)}
            finished: set[int] = set()
            for fut in (list(futures) if ordered else as_completed(futures)):
                i = futures[fut]
                try:
                    result = fut.result()
                except BrokenProcessPool as exc:
                    # The pool is gone: blame this item, retry the unfinished rest.
                    finished.add(i)
                    yield todo[i], on_crash(todo[i], exc)
                    remaining = [it for j, it in enumerate(todo) if j not in finished]
                    break
                finished.add(i)
                yield todo[i], result
        todo = remaining


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    ordered: bool = True,
    format: str | None = None,
    script: str | None = None,
    extract: bool = True,
) -> Iterator[Outcome]:
    """Parse every path, ``jobs`` at a time; one :class:`Outcome` per path.

    ``ordered=True`` yields in input order; ``ordered=False`` as each
    document finishes (faster to first result on uneven corpora).
    """
    names = [os.fspath(p) for p in paths]
    for _, outcome in run_many(
        _parse_one, names, jobs=jobs, ordered=ordered, args=(format, script, extract),
        on_crash=lambda path, exc: Outcome(path, error=f"{path}: worker process died ({exc})"),
    ):
        yield outcome


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    An interrupted run never leaves a half-written file behind.
    """
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def output_stems(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Output file stems: each input's stem, its full name where stems collide."""
    items = [Path(p) for p in paths]
    counts: dict[str, int] = {}
    for p in items:
        counts[p.stem] = counts.get(p.stem, 0) + 1
    stems = [p.stem if counts[p.stem] == 1 else p.name for p in items]
    seen: dict[str, int] = {}
    out = []
    for stem in stems:
        n = seen.get(stem, 0)
        seen[stem] = n + 1
        out.append(stem if n == 0 else f"{stem}-{n + 1}")
    return out


def parse_to_files(
    item: tuple[str, str], outdir: str, exporters: tuple[str, ...], format: str | None,
    script: str | None, extract: bool,
) -> str | None:
    """Parse ``item = (path, output stem)``, write one file per exporter; the error, if any."""
    from .plugins import default_host

    path, stem = item
    outcome = _parse_one(path, format, script, extract)
    if outcome.narrative is None:
        return outcome.error
    host = default_host()
    try:
        for name in exporters:
            exporter = host.exporter(name)
            write_atomic(Path(outdir) / (stem + exporter.suffix), exporter.export([outcome.narrative]))
    except CareerNarrError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path}: cannot write output ({exc})"
    return None
