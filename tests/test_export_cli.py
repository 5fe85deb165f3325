"""``careernarr export`` and ``careernarr exporters``; exporters as plugins."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import load, load_all

import careernarr
from careernarr.cli import cli
from careernarr.export.json import to_dict
from careernarr.model import Narrative
from careernarr.plugins import Host


@pytest.fixture
def corpus_json(tmp_path: Path) -> Path:
    """The export fixtures written as careernarr JSON, one file per narrative."""
    folder = tmp_path / "json"
    folder.mkdir()
    for i, n in enumerate(load_all()):
        (folder / f"{i}.json").write_text(json.dumps(to_dict(n), ensure_ascii=False), "utf-8")
    return folder


def test_exporters_lists_every_builtin_exporter() -> None:
    result = CliRunner().invoke(cli, ["exporters"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert {"markdown", "mermaid", "timelinejs", "html", "json"} <= set(names)


@pytest.mark.parametrize(("to", "start"), [("markdown", "# "), ("mermaid", "timeline\n"), ("html", "<!DOCTYPE html>"),
                                           ("timelinejs", "{")])
def test_export_a_corpus_to_one_file(corpus_json: Path, tmp_path: Path, to: str, start: str) -> None:
    out = tmp_path / f"out.{to}"
    result = CliRunner().invoke(cli, ["export", str(corpus_json), "--to", to, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert text.startswith(start)
    assert "2023年底" in text or "2023-10" in text


def test_export_each_narrative_to_its_own_file(corpus_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["export", str(corpus_json), "--to", "markdown", "--each", "-o", str(out)])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.iterdir())
    assert files == ["blog-en.md", "hostile.md", "review-zh-hans.md", "thread-zh-hant.md"]
    assert (out / "thread-zh-hant.md").read_text("utf-8").startswith("# 三十五歲從會計轉職前端工程師")


def test_export_filters_events(corpus_json: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(corpus_json), "--to", "timelinejs", "--kind", "job_start",
                                      "--from", "2023", "--until", "2024-06"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    starts = sorted(e["start_date"].get("month", 0) + 100 * e["start_date"]["year"] for e in data["events"])
    # 2023-05-08, 2024-04-01 and summer 2024 (June to August overlaps --until 2024-06); 2019 is outside
    assert starts == [202305, 202404, 202406]
    result = CliRunner().invoke(cli, ["export", str(corpus_json), "--to", "mermaid", "--subject", "other"])
    assert result.exit_code == 0
    body = result.output.split("\n", 2)[2]
    assert body.count("#40;other#41;") == sum(1 for n in load_all() for e in n.events if e.subject == "other")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--to", "pdf"], "unknown export format 'pdf'"), (["--to", "html", "--kind", "napping"], "unknown event kind"),
     (["--to", "html", "--from", "yesterday"], "cannot read the date"), (["--to", "html", "--each"], "--each needs")],
)
def test_export_usage_errors(corpus_json: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(corpus_json), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_export_reports_bad_files_and_writes_the_rest(corpus_json: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    out = tmp_path / "t.mmd"
    result = CliRunner().invoke(cli, ["export", str(corpus_json), str(missing), "--to", "mermaid", "-o", str(out)])
    assert result.exit_code == 1
    assert "missing.txt" in result.output
    assert out.read_text("utf-8").startswith("timeline\n")


def test_export_parses_documents(tmp_path: Path, fixtures: Path) -> None:
    out = tmp_path / "hostile.html"
    result = CliRunner().invoke(cli, ["export", str(fixtures / "export" / "hostile.md"), "--to", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "window.__pwned" in out.read_text("utf-8")


class _CsvExporter:
    name = "csv-events"
    description = "events as CSV"
    suffix = ".csv"

    def export(self, narratives: Sequence[Narrative]) -> str:
        return "\n".join(f"{e.when},{e.kind}" for n in narratives for e in n.events)


class _Plugin:
    @careernarr.hookimpl
    def careernarr_exporters(self) -> list[_CsvExporter]:
        return [_CsvExporter()]


def test_a_plugin_exporter_joins_the_builtin_ones() -> None:
    host = Host.create(entry_points=False, plugins=[_Plugin()])
    assert {"markdown", "mermaid", "timelinejs", "html", "csv-events"} <= set(host.exporters)
    assert host.exporter("csv-events").export([load("review-zh-hans")]).startswith("2023-01/2023-03,other")
    assert any("careernarr_exporters" in p.hooks for p in host.plugins() if p.name == "careernarr.export.builtin")


def test_export_all_example_writes_every_export(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "examples" / "export_all.py"
    run = subprocess.run([sys.executable, str(script), str(tmp_path / "out")], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"corpus.mmd", "corpus.timeline.json", "corpus.html", "job-changes-since-2020.html"} <= names
    documents = [p for p in script.parent.joinpath("documents").iterdir() if p.is_file()]
    assert sum(1 for n in names if n.endswith(".md")) == len(documents)
    assert (tmp_path / "out" / "corpus.mmd").read_text("utf-8").startswith("timeline\n")
