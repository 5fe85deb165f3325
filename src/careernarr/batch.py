"""Many documents at once: :func:`parse_many`, in one process or several.

Workers read their own files (only paths cross process boundaries), and a
document that fails is reported as an :class:`Outcome` with an error — it
never stops the others. With ``ordered=True`` (the default) outcomes come
back in input order; with ``ordered=False`` they are streamed as they finish.

Work is handed out in chunks (largest documents first, so no worker is left
with a big one at the end); plugins, lexicons and OpenCC configurations are
loaded once (in this process before workers are forked, so they start warm;
in each worker under other start methods), and a worker process that dies
costs only the document that killed it.
"""

from __future__ import annotations

import atexit
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import TypeVar

from attrs import frozen

from .errors import CareerNarrError
from .model import Narrative

__all__ = ["Outcome", "parse_many", "run_many", "warm_worker"]

T = TypeVar("T")
R = TypeVar("R")

#: Chunks handed out per worker: more balance the load, fewer cost less overhead.
CHUNKS_PER_WORKER = 16
#: The most documents one chunk holds.
MAX_CHUNK = 64


@frozen
class Outcome:
    """What became of one document: a narrative, or the error that stopped it.

    When :func:`parse_many` writes files (``outdir``), ``narrative`` stays
    ``None`` and ``outputs`` lists the files written.
    """

    path: str
    narrative: Narrative | None = None
    error: str | None = None
    outputs: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the document was read."""
        return self.error is None


def warm_worker(extract: bool = True) -> None:
    """Load plugins, OpenCC configurations and (with ``extract``) lexicons once, before the first document."""
    from .api import parse

    for text in ("2024年初我加入了一家公司。\n\n去年我辞职了，學到很多。", "In March 2023 I joined a startup.\n"):
        try:
            parse(text, extract=extract)
        except CareerNarrError:  # pragma: no cover - warming is best effort
            pass


_WARMED: set[object] = set()


def _warm_once(initializer: Callable[[], None] | None) -> Callable[[], None] | None:
    """The initializer workers still need to run.

    Workers forked from this process inherit its memory: warming this
    process once (it would warm itself on its own first document anyway)
    makes every pool's workers start warm, at no cost per worker. Other
    start methods run ``initializer`` in each worker.
    """
    import multiprocessing

    if initializer is None or multiprocessing.get_start_method() != "fork":
        return initializer
    key: object = (initializer.func, initializer.args) if isinstance(initializer, partial) else initializer
    if key not in _WARMED:
        initializer()
        _WARMED.add(key)
    return None


def _parse_one(path: str, format: str | None, script: str | None, extract: bool) -> Outcome:
    from .api import parse

    try:
        return Outcome(path, parse(Path(path), format, script=script, extract=extract))
    except CareerNarrError as exc:
        return Outcome(path, error=str(exc))
    except Exception as exc:  # a bug must not take the whole batch down
        return Outcome(path, error=f"{path}: unexpected {type(exc).__name__}: {exc}")


def _call_chunk(
    func: Callable[..., R], args: tuple[object, ...], chunk: list[tuple[int, T]]
) -> list[tuple[int, R]]:
    return [(i, func(item, *args)) for i, item in chunk]


def _chunks(indices: Sequence[int], weights: Sequence[float], workers: int, size: int | None) -> list[list[int]]:
    """``indices`` heaviest first, cut into chunks of about equal weight (or of ``size`` items)."""
    order = sorted(indices, key=lambda i: -weights[i])
    if size is not None:
        return [order[k : k + size] for k in range(0, len(order), size)]
    budget = sum(weights[i] for i in order) / (workers * CHUNKS_PER_WORKER)
    chunks: list[list[int]] = []
    current: list[int] = []
    load = 0.0
    for i in order:
        current.append(i)
        load += weights[i]
        if load >= budget or len(current) >= MAX_CHUNK:
            chunks.append(current)
            current, load = [], 0.0
    if current:
        chunks.append(current)
    return chunks


def _pooled(
    func: Callable[..., R],
    todo: list[T],
    weights: Sequence[float],
    jobs: int,
    args: tuple[object, ...],
    on_crash: Callable[[T, BaseException], R],
    initializer: Callable[[], None] | None,
) -> Iterator[tuple[int, R]]:
    """``(index, result)`` as chunks finish; a dead worker's chunks are re-run to find the culprit.

    Chunks are dispatched in submission order, so the chunk that killed a
    worker is among the first ``workers + 1`` unfinished ones: those are
    re-run one document at a time in a single worker, where the first
    document a crash breaks is the culprit; the rest go back to the pool.
    """
    initializer = _warm_once(initializer)
    waiting = list(range(len(todo)))
    suspects: list[int] = []
    while waiting or suspects:
        if suspects:
            batch, workers, size = suspects, 1, 1
            suspects = []
        else:
            batch, waiting = waiting, []
            workers, size = min(jobs, len(batch)), None
        chunks = _chunks(batch, weights, workers, size)
        crash: BaseException | None = None
        done: set[int] = set()
        with ProcessPoolExecutor(max_workers=workers, initializer=initializer) as pool:
            futures: list[Future[list[tuple[int, R]]]] = [
                pool.submit(_call_chunk, func, args, [(i, todo[i]) for i in chunk]) for chunk in chunks
            ]
            for fut in as_completed(futures):
                try:
                    results = fut.result()
                except BrokenProcessPool as exc:
                    crash = crash or exc
                    continue
                for i, result in results:
                    done.add(i)
                    yield i, result
        if crash is None:
            continue
        unfinished = [chunk for chunk in chunks if chunk[0] not in done]
        if workers == 1 and size == 1:
            culprit = unfinished[0][0]
            yield culprit, on_crash(todo[culprit], crash)
            waiting = [i for chunk in unfinished[1:] for i in chunk] + waiting
        else:
            suspects = [i for chunk in unfinished[: workers + 1] for i in chunk]
            waiting = [i for chunk in unfinished[workers + 1 :] for i in chunk] + waiting


def run_many(
    func: Callable[..., R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    ordered: bool = True,
    args: tuple[object, ...] = (),
    on_crash: Callable[[T, BaseException], R],
    weight: Callable[[T], float] | None = None,
    initializer: Callable[[], None] | None = warm_worker,
) -> Iterator[tuple[T, R]]:
    """``(item, func(item, *args))`` for every item, using ``jobs`` processes.

    ``func`` must be a module-level function (it is pickled by reference).
    Items are handed to workers in chunks, heaviest first (``weight``, e.g.
    a file's size); each worker runs ``initializer`` once. ``ordered`` yields
    in input order, otherwise as chunks finish. When a worker process dies,
    ``on_crash(item, error)`` stands in for the item that killed it and the
    rest continue in a fresh pool.
    """
    todo = list(items)
    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            yield item, func(item, *args)
        return
    weights = [float(weight(item)) if weight else 1.0 for item in todo]
    finished = _pooled(func, todo, weights, jobs, args, on_crash, initializer)
    if not ordered:
        for i, result in finished:
            yield todo[i], result
        return
    buffer: dict[int, R] = {}
    next_index = 0
    for i, result in finished:
        buffer[i] = result
        while next_index in buffer:
            yield todo[next_index], buffer.pop(next_index)
            next_index += 1


def file_size(item: str | os.PathLike[str] | tuple[str, ...]) -> float:
    """The size of a path (or of the first path of a tuple) in bytes; 0 when it cannot be read."""
    path = item[0] if isinstance(item, tuple) else item
    try:
        return float(os.stat(path).st_size)
    except (OSError, TypeError, ValueError):
        return 0.0


def _parse_to_outcome(
    item: tuple[str, str], outdir: str, exporters: tuple[str, ...], format: str | None,
    script: str | None, extract: bool,
) -> Outcome:
    written: list[str] = []
    error = parse_to_files(item, outdir, exporters, format, script, extract, written)
    return Outcome(item[0], error=error, outputs=tuple(written))


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    ordered: bool = True,
    format: str | None = None,
    script: str | None = None,
    extract: bool = True,
    outdir: str | os.PathLike[str] | None = None,
    to: str | Sequence[str] = ("json",),
) -> Iterator[Outcome]:
    """Parse every path, ``jobs`` at a time; one :class:`Outcome` per path.

    ``ordered=True`` yields in input order; ``ordered=False`` as each
    document finishes (faster to first result on uneven corpora). With
    ``outdir`` every document is written there by the worker that parsed it
    (one file per exporter named in ``to``, atomically) and only the file
    names come back, not the narratives: the fast way to convert a corpus.
    """
    names = [os.fspath(p) for p in paths]
    if outdir is None:
        for _, outcome in run_many(
            _parse_one, names, jobs=jobs, ordered=ordered, args=(format, script, extract),
            on_crash=lambda path, exc: Outcome(path, error=f"{path}: worker process died ({exc})"),
            weight=file_size, initializer=partial(warm_worker, extract),
        ):
            yield outcome
        return
    exporters = (to,) if isinstance(to, str) else tuple(to)
    from .plugins import default_host

    host = default_host()
    for name in exporters:
        host.exporter(name)  # an unknown exporter fails here, before any work
    items = list(zip(names, output_stems(names)))
    for _, outcome in run_many(
        _parse_to_outcome, items, jobs=jobs, ordered=ordered,
        args=(os.fspath(outdir), exporters, format, script, extract),
        on_crash=lambda item, exc: Outcome(item[0], error=f"{item[0]}: worker process died ({exc})"),
        weight=file_size, initializer=partial(warm_worker, extract),
    ):
        yield outcome


#: Temporary files being written; removed at exit if an interrupt came between their creation
#: and their rename (a Ctrl-C can land inside the call that creates one, before its name is known).
_PENDING: set[Path] = set()


def _remove_pending() -> None:
    for tmp in list(_PENDING):
        tmp.unlink(missing_ok=True)
    _PENDING.clear()


atexit.register(_remove_pending)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    An interrupted run never leaves a half-written file behind, nor its temporary file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    _PENDING.add(tmp)  # named before it exists: an interrupt at any point leaves it known
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        _PENDING.discard(tmp)


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
    script: str | None, extract: bool, written: list[str] | None = None,
) -> str | None:
    """Parse ``item = (path, output stem)``, write one file per exporter; the error, if any.

    The files written are appended to ``written`` when it is given.
    """
    from .plugins import default_host

    path, stem = item
    outcome = _parse_one(path, format, script, extract)
    if outcome.narrative is None:
        return outcome.error
    host = default_host()
    try:
        for name in exporters:
            exporter = host.exporter(name)
            target = Path(outdir) / (stem + exporter.suffix)
            write_atomic(target, exporter.export([outcome.narrative]))
            if written is not None:
                written.append(str(target))
    except CareerNarrError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path}: cannot write output ({exc})"
    return None
