"""Batch safety: a crashing plugin or a bad file is reported and the rest complete; outputs are atomic.

An interrupted run (Ctrl-C to the process group, ``kill``, ``kill -9``) may
leave fewer outputs, and hidden ``.tmp`` files after ``kill -9``, but never
a half-written JSON file under its real name.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import careernarr
import careernarr.api
from careernarr import hookimpl
from careernarr.model import Narrative
from careernarr.plugins import Host
from careernarr.source import Source


class _Treacherous:
    """A parser plugin that claims documents marked CRASH-ME or EXIT-ME, then breaks on them."""

    name = "treacherous"
    description = "raises on CRASH-ME, kills its process on EXIT-ME"

    def sniff(self, source: Source) -> float:
        return 5.0 if ("CRASH-ME" in source.text or "EXIT-ME" in source.text) else 0.0

    def parse(self, source: Source) -> Narrative:
        if "EXIT-ME" in source.text:
            os._exit(3)
        raise RuntimeError("the plugin's own bug")


class _Plugin:
    @hookimpl
    def careernarr_parsers(self) -> list[object]:
        return [_Treacherous()]


@pytest.fixture
def treacherous_host(monkeypatch: pytest.MonkeyPatch) -> Host:
    """Every parse (in this process and in forked workers) sees the treacherous plugin."""
    host = Host.create(entry_points=False, plugins=[_Plugin()])
    monkeypatch.setattr(careernarr.api, "default_host", lambda: host)
    return host


def _corpus(root: Path, good: int, marks: list[str]) -> tuple[list[Path], list[Path]]:
    goods, bads = [], []
    for i in range(good):
        p = root / f"note-{i:02d}.txt"
        p.write_text(f"第{i}篇笔记\n\n2023年3月我换了工作，这是第{i}段经历。\n", encoding="utf-8")
        goods.append(p)
    for i, mark in enumerate(marks):
        p = root / f"bad-{i}-{mark.lower()}.txt"
        p.write_text(f"坏文件\n\n{mark} 2023年我离职了。\n", encoding="utf-8")
        bads.append(p)
    return goods, bads


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crashing_parser_plugin_is_reported_and_the_rest_complete(
    tmp_path: Path, treacherous_host: Host, jobs: int
) -> None:
    goods, bads = _corpus(tmp_path, 8, ["CRASH-ME", "CRASH-ME"])
    paths = [*goods[:4], bads[0], *goods[4:], bads[1]]
    outcomes = {o.path: o for o in careernarr.parse_many(paths, jobs=jobs)}
    assert len(outcomes) == len(paths)
    for p in goods:
        n = outcomes[str(p)].narrative
        assert outcomes[str(p)].ok and n is not None and "换了工作" in n.text
    for p in bads:
        error = outcomes[str(p)].error or ""
        assert str(p) in error and "treacherous" in error and "RuntimeError" in error


def test_a_plugin_that_kills_its_worker_costs_only_its_document(tmp_path: Path, treacherous_host: Host) -> None:
    goods, bads = _corpus(tmp_path, 12, ["EXIT-ME", "CRASH-ME"])
    paths = [*goods[:6], bads[0], *goods[6:], bads[1]]
    outcomes = list(careernarr.parse_many(paths, jobs=2))
    assert [o.path for o in outcomes] == [str(p) for p in paths], "ordered, one outcome per input"
    by_path = {o.path: o for o in outcomes}
    assert all(by_path[str(p)].ok for p in goods), [o.error for o in outcomes if not o.ok]
    assert "worker process died" in (by_path[str(bads[0])].error or "")
    assert "RuntimeError" in (by_path[str(bads[1])].error or "")


def test_bad_files_are_reported_and_the_rest_complete(tmp_path: Path) -> None:
    goods, _ = _corpus(tmp_path, 5, [])
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    bomb = tmp_path / "bomb.md"
    bomb.write_text("---\nx: " + "[" * 10_000 + "\n---\n\n正文。\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    paths = [binary, *goods, bomb, missing]
    outcomes = {o.path: o for o in careernarr.parse_many(paths, jobs=2, ordered=False)}
    assert all(outcomes[str(p)].ok for p in goods)
    for bad, words in ((binary, "binary"), (bomb, "nested"), (missing, "no such file")):
        assert not outcomes[str(bad)].ok and words in (outcomes[str(bad)].error or "")


# -- interrupted runs never leave a half-written JSON ---------------------------------------------


def _big_corpus(root: Path, count: int) -> None:
    root.mkdir()
    paragraph = "2023年3月我离职了，然后休息了三个月。后来我加入了一家创业公司。I quit in March 2023.\n\n"
    for i in range(count):
        (root / f"doc-{i:03d}.txt").write_text(f"第{i}篇\n\n" + paragraph * 3000, encoding="utf-8")


def _wait_for_outputs(out: Path, at_least: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(list(out.glob("*.json"))) >= at_least:
            return
        time.sleep(0.05)
    pytest.fail(f"the run ended or stalled before writing {at_least} outputs")


def _assert_outputs_complete(out: Path) -> int:
    visible = [p for p in out.iterdir() if not p.name.startswith(".")]
    for p in visible:
        assert p.suffix == ".json", f"unexpected file {p.name}"
        n = careernarr.from_json(p.read_text(encoding="utf-8"))  # a truncated file would not load
        assert n.text.startswith("第")
        json.loads(p.read_text(encoding="utf-8"))
    hidden = [p for p in out.iterdir() if p.name.startswith(".")]
    assert all(p.name.endswith(".tmp") for p in hidden)
    return len(visible)


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm", "sigkill"])
def test_an_interrupted_batch_never_leaves_a_half_written_json(tmp_path: Path, how: str) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _big_corpus(src, 100)  # enough work that the signal comes while the batch runs (almost always)
    log = tmp_path / "stderr.txt"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "careernarr", "parse", str(src), "-o", str(out), "--jobs", "2", "--no-extract"],
            stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
        )
    try:
        _wait_for_outputs(out, 3, proc)
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group
        else:
            proc.send_signal(signal.SIGTERM if how == "sigterm" else signal.SIGKILL)
        proc.wait(timeout=120)
        written = _assert_outputs_complete(out)
        if proc.returncode == 0:  # a loaded machine: the batch ended before the signal came
            assert written == 100
            return
        assert 3 <= written < 100
        if how == "ctrl-c":
            stderr = log.read_text(encoding="utf-8", errors="replace")
            assert "Traceback" not in stderr, stderr[-2000:]
            assert not list(out.glob(".*.tmp")), "an orderly stop removes its temporary files"
    finally:
        try:  # workers orphaned by kill / kill -9 of the parent
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)
    _assert_outputs_complete(out)  # whatever orphaned workers wrote is whole too
