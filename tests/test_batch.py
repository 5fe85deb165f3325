"""Many documents: parse_many and the CLI's batch mode keep going past bad files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import careernarr
from careernarr.batch import output_stems


def _corpus(root: Path, good: int, bad: int) -> list[Path]:
    paths = []
    for i in range(good):
        p = root / f"note-{i:02d}.txt"
        p.write_text(f"第{i}篇笔记\n\n2023年3月我换了工作，这是第{i}段经历。\n", encoding="utf-8")
        paths.append(p)
    for i in range(bad):
        p = root / f"broken-{i}.bin"
        p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        paths.append(p)
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_reports_failures_and_keeps_order(tmp_path: Path, jobs: int) -> None:
    paths = _corpus(tmp_path, 6, 2)
    outcomes = list(careernarr.parse_many(paths, jobs=jobs))
    assert [o.path for o in outcomes] == [str(p) for p in paths]
    assert [o.ok for o in outcomes] == [True] * 6 + [False] * 2
    assert all("binary" in (o.error or "") for o in outcomes[6:])
    assert outcomes[0].narrative is not None and "换了工作" in outcomes[0].narrative.text


def test_parse_many_unordered_yields_everything(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, 5, 1)
    outcomes = list(careernarr.parse_many(paths, jobs=2, ordered=False))
    assert sorted(o.path for o in outcomes) == sorted(str(p) for p in paths)


def test_cli_batch_writes_47_of_50_and_names_the_3_failures(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _corpus(src, 47, 3)
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "careernarr", "parse", str(src), "-o", str(out), "--jobs", "2"],
        capture_output=True, text=True,
    )
    assert run.returncode == 1
    assert len(list(out.glob("*.json"))) == 47
    assert "47 of 50" in run.stderr
    for i in range(3):
        assert f"broken-{i}.bin" in run.stderr
    assert "Traceback" not in run.stderr
    assert not list(out.glob(".*.tmp")), "no temporary files are left behind"


def test_output_stems_disambiguate_collisions() -> None:
    assert output_stems(["a/x.txt", "b/x.md", "c/y.md"]) == ["x.txt", "x.md", "y"]
    assert output_stems(["a/x.txt", "b/x.txt"]) == ["x.txt", "x.txt-2"]
