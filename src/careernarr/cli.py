"""The ``careernarr`` command line (built with click).

Exit status: 0 on success, 1 when a document could not be read (one clear
line on stderr, no traceback), 2 on usage errors.
"""

from __future__ import annotations

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

    from .batch import output_stems, parse_to_files, run_many

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
            on_crash=lambda item, exc: f"{item[0]}: worker process died ({exc})",
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
