"""The ``careernarr`` command line (built with click).

Exit status: 0 on success, 1 when a document could not be read (one clear
line on stderr, no traceback), 2 on usage errors.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .errors import CareerNarrError

if TYPE_CHECKING:
    from rich.console import Console

    from .plugins import Host

__all__ = ["main"]


def _fail(message: str) -> None:
    click.echo(f"careernarr: error: {message}", err=True)
    raise SystemExit(1)


def _host() -> Host:
    from .plugins import default_host

    return default_host()


def _set_dated(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Make the built-in event extractor keep the dated happenings asked for, in this process and
    in the worker processes it starts (through the environment they inherit)."""
    import os

    from .extract.events import DATED_ENV

    if value is not None:
        os.environ[DATED_ENV] = value


_DATED = click.option(
    "--dated-happenings", type=click.Choice(["named", "topics", "all"]), callback=_set_dated,
    expose_value=False, is_eager=True,
    help="Dated sentences no event word names: kept when a hint verb names them (named, the default), "
         "also when only topic words do (topics), or all of them, as kind 'other' if nothing names them (all).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="careernarr")
def cli() -> None:
    """Turn career narratives into typed, checkable data."""


def _expand(paths: Sequence[str]) -> Iterator[Path]:
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        else:
            yield p


@cli.command("parse")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--to", "to", default=("json",), multiple=True, show_default=True,
              help="Output format (an exporter name); repeat to write several with -o.")
@click.option("--format", "format_", metavar="NAME", help="Force a parser instead of detecting the format.")
@click.option("--script", metavar="SCRIPT", help="Convert to zh-Hans, zh-Hant, zh-TW, zh-HK or an OpenCC config.")
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False), help="Write one file per document here.")
@click.option("--no-extract", is_flag=True, help="Parse structure only; skip extraction.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, None),
              help="Documents parsed in parallel (processes).")
@_DATED
def parse_cmd(inputs: tuple[str, ...], to: tuple[str, ...], format_: str | None, script: str | None,
              outdir: str | None, no_extract: bool, jobs: int) -> None:
    """Parse documents (files or folders) and print or write them.

    One file without -o prints to stdout; otherwise every document is
    written to OUTDIR as <name><suffix>, bad files are reported and skipped.
    """
    from .api import parse

    host = _host()
    try:
        exporters = [host.exporter(name) for name in to]
        if format_:
            host.parser(format_)
    except CareerNarrError as exc:
        raise click.UsageError(str(exc)) from None
    files = list(_expand(inputs))
    if outdir is None and len(files) == 1:
        if len(exporters) > 1:
            raise click.UsageError("several --to formats need -o OUTDIR")
        try:
            narrative = parse(files[0], format_, script=script, extract=not no_extract, host=host)
        except CareerNarrError as exc:
            _fail(str(exc))
        click.echo(exporters[0].export([narrative]))
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import file_size, output_stems, parse_to_files, run_many

    target = Path(outdir or "careernarr-out")
    names = tuple(e.name for e in exporters)
    failures: list[tuple[str, str]] = []
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=_stderr_console(), transient=False) as progress:
        task = progress.add_task("parsing", total=len(files))
        for (path, _stem), error in run_many(
            parse_to_files, list(zip([str(f) for f in files], output_stems(files))), jobs=jobs,
            ordered=False, args=(str(target), names, format_, script, not no_extract),
            on_crash=lambda item, exc: f"{item[0]}: worker process died ({exc})", weight=file_size,
        ):
            if error is not None:
                failures.append((path, error))
            progress.advance(task)
    done = len(files) - len(failures)
    click.echo(f"{done} of {len(files)} documents written to {target}/", err=True)
    if failures:
        click.echo(f"{len(failures)} failed:", err=True)
        for path, message in failures:
            click.echo(f"  {message if message.startswith(path) else f'{path}: {message}'}", err=True)
        raise SystemExit(1)


def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@cli.command("formats")
def formats_cmd() -> None:
    """List the parsers (formats) careernarr can read."""
    host = _host()
    for name in sorted(host.parsers):
        parser = host.parsers[name]
        origin, version = host.parser_origin(name)
        click.echo(f"{name:14} {origin} {version or ''}".rstrip() + f"  — {parser.description}")


@cli.command("plugins")
def plugins_cmd() -> None:
    """List loaded plugins with their hooks and versions, and the ones that failed."""
    host = _host()
    for info in host.plugins():
        click.echo(f"{info.name}  ({info.distribution} {info.version or ''})".replace(" )", ")"))
        click.echo(f"    hooks: {', '.join(info.hooks)}")
    for failure in host.failures:
        click.echo(f"FAILED {failure.name}: {failure.error}")


@cli.command("exporters")
def exporters_cmd() -> None:
    """List the exporters (output formats) for --to."""
    host = _host()
    for name in sorted(host.exporters):
        exporter = host.exporters[name]
        click.echo(f"{name:12} {exporter.suffix:15} {exporter.description}")


@cli.command("export")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--to", "to", required=True, metavar="NAME",
              help="Exporter: markdown, mermaid, timelinejs, html, json… (see `careernarr exporters`).")
@click.option("-o", "--output", "output", type=click.Path(), help="Write to this file (a folder with --each); default stdout.")
@click.option("--each", is_flag=True, help="One file per narrative in the -o folder, instead of one for all.")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Keep only events of this kind (repeatable).")
@click.option("--subject", "subjects", multiple=True, type=click.Choice(["narrator", "other"]),
              help="Keep only the narrator's or others' events (repeatable).")
@click.option("--from", "start", metavar="EDTF", help="Keep events that end on or after this date (2023, 2023-06…).")
@click.option("--until", "end", metavar="EDTF", help="Keep events that start on or before this date.")
@click.option("--format", "format_", metavar="NAME", help="Force a parser instead of detecting the format.")
@click.option("--script", metavar="SCRIPT", help="Convert to zh-Hans, zh-Hant, zh-TW, zh-HK or an OpenCC config.")
@_DATED
def export_cmd(inputs: tuple[str, ...], to: str, output: str | None, each: bool, kinds: tuple[str, ...],
               subjects: tuple[str, ...], start: str | None, end: str | None, format_: str | None,
               script: str | None) -> None:
    """Export documents (or careernarr JSON) to one report or one corpus timeline.

    All inputs go into one output (a corpus timeline for the timeline
    formats); --each writes one file per narrative instead. Event filters
    apply before exporting; with --from/--until undated events are left out.
    """
    from .export.load import load_narratives
    from .export.timeline import filter_narratives
    from .model import EVENT_KINDS

    host = _host()
    try:
        exporter = host.exporter(to)
        if format_:
            host.parser(format_)
    except CareerNarrError as exc:
        raise click.UsageError(str(exc)) from None
    unknown = sorted(set(kinds) - set(EVENT_KINDS))
    if unknown:
        raise click.UsageError(f"unknown event kind(s) {', '.join(unknown)}; known: {', '.join(EVENT_KINDS)}")
    if each and not output:
        raise click.UsageError("--each needs -o FOLDER")
    loaded = load_narratives(inputs, format=format_, script=script, host=host)
    for path, message in loaded.failures:
        click.echo(f"careernarr: error: {message if message.startswith(path) else f'{path}: {message}'}", err=True)
    if not loaded.narratives:
        _fail("no document could be read")
    try:
        narratives = filter_narratives(loaded.narratives, kinds=kinds or None, subjects=subjects or None,
                                       start=start, end=end)
    except CareerNarrError as exc:
        raise click.UsageError(str(exc)) from None
    from .batch import output_stems, write_atomic

    if output is None:
        click.echo(exporter.export(narratives), nl=False)
    elif each:
        names = [Path(n.source or f"narrative-{i + 1}") for i, n in enumerate(narratives)]
        for narrative, stem in zip(narratives, output_stems(names)):
            write_atomic(Path(output) / (stem + exporter.suffix), exporter.export([narrative]))
        click.echo(f"{len(narratives)} files written to {output}/", err=True)
    else:
        write_atomic(Path(output), exporter.export(narratives))
        click.echo(f"{len(narratives)} narrative{'' if len(narratives) == 1 else 's'} written to {output}", err=True)
    if loaded.failures:
        raise SystemExit(1)


@cli.command("explain")
@click.argument("input_")
@click.option("--format", "format_", metavar="NAME", help="Force a parser instead of detecting the format.")
@click.option("--only", "only", multiple=True, type=click.Choice(["time", "events", "reflections"]),
              help="Explain only these items (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation records as JSON.")
@_DATED
def explain_cmd(input_: str, format_: str | None, only: tuple[str, ...], as_json: bool) -> None:
    """Show every item extracted from a document, with its evidence and the rule that found it."""
    import json

    from .api import parse
    from .extract.explain import explain

    names = {"time": "time_expressions", "events": "events", "reflections": "reflections"}
    fields = [names[o] for o in only] or list(names.values())
    try:
        narrative = parse(input_, format_, host=_host())
        records = explain(narrative, fields=fields)
    except CareerNarrError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(records.to_dicts(), ensure_ascii=False, indent=2))
    else:
        click.echo(records.render(width=shutil.get_terminal_size((100, 20)).columns), nl=False)


@cli.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of careernarr's narrative JSON."""
    import json

    from .export.json import load_schema

    click.echo(json.dumps(load_schema(), ensure_ascii=False, indent=2))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="careernarr", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
