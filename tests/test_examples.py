"""Every example script runs as it is, the way a user would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_custom_parser_plugin_example(tmp_path: Path) -> None:
    run = _run(str(EXAMPLES / "custom_parser_plugin.py"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("interview ")
    assert "I resigned in March 2023" in run.stdout


def test_events_table_example(tmp_path: Path) -> None:
    run = _run(str(EXAMPLES / "events_table.py"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Events in" in run.stdout


def test_events_per_year_example_writes_png(tmp_path: Path) -> None:
    png = tmp_path / "plot.png"
    run = _run(str(EXAMPLES / "events_per_year.py"), str(EXAMPLES / "documents"), str(png), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("script", sorted(p.name for p in EXAMPLES.glob("*.py")
                                          if p.name not in {"custom_parser_plugin.py", "events_table.py",
                                                            "events_per_year.py"}))
def test_other_examples_run(script: str, tmp_path: Path) -> None:
    run = _run(str(EXAMPLES / script), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
