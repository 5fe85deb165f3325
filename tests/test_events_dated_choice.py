"""Which dated happenings are events: the extractor's options, the environment and the CLI switch.

A dated sentence no event word names is an event when a hint verb names it (the default, "named"),
also when only topic words do ("topics"), or always, as kind ``other`` when nothing names it ("all").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careernarr.errors import CareerNarrError
from careernarr.extract.events import DATED_CHOICES, DATED_ENV, EventExtractor, dated_options

DOC = ("随笔\n\n"
       "2022年秋天，我们部门裁了三个人。\n\n"  # a hint verb (裁了): job_end
       "2021年6月，老板把门店的质检结果发到了群里。\n\n"  # a topic word only (质检): review
       "2008年初那场雪灾，山路结了冰，我又把那辆自行车推了出来。\n")  # nothing names it
EXPECTED = {
    "named": ["job_end"],
    "topics": ["job_end", "review"],
    "all": ["job_end", "review", "other"],
}


def _kinds(tmp_path: Path, *args: str) -> list[str]:
    """The kinds of DOC's events, through the CLI, with the setting of the environment left out."""
    path = tmp_path / "notes.txt"
    path.write_text(DOC, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != DATED_ENV}
    run = subprocess.run([sys.executable, "-m", "careernarr", "parse", str(path), *args],
                         capture_output=True, text=True, env=env, check=True)
    return [e["kind"] for e in json.loads(run.stdout)["events"]]


def test_the_choices_name_the_extractor_options() -> None:
    assert DATED_CHOICES == {"named": (False, False), "topics": (False, True), "all": (True, True)}
    assert dated_options("Topics ") == (False, True)


@pytest.mark.parametrize("choice", sorted(EXPECTED))
def test_the_cli_switch_keeps_the_dated_happenings_asked_for(tmp_path: Path, choice: str) -> None:
    assert _kinds(tmp_path, "--dated-happenings", choice) == EXPECTED[choice]


def test_by_default_only_named_dated_happenings_are_events(tmp_path: Path) -> None:
    assert _kinds(tmp_path) == EXPECTED["named"]


def test_the_environment_sets_the_choice_for_every_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "careernarr", "parse", str(folder), "-o", str(out), "-j", "2",
                    "--dated-happenings", "all"], capture_output=True, text=True, check=True)
    for name in ("a.json", "b.json"):  # written by worker processes
        assert [e["kind"] for e in json.loads((out / name).read_text())["events"]] == EXPECTED["all"]


def test_explicit_options_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATED_ENV, "all")
    assert (EventExtractor().unnamed, EventExtractor().topics) == (True, True)
    extractor = EventExtractor(unnamed=False, topics=False)
    assert (extractor.unnamed, extractor.topics) == (False, False)


def test_a_bad_setting_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATED_ENV, "everything")
    with pytest.raises(CareerNarrError, match=r"CAREERNARR_DATED_HAPPENINGS='everything': expected one of "
                                              r"named, topics, all"):
        EventExtractor()
    path = tmp_path / "notes.txt"
    path.write_text(DOC, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "careernarr", "parse", str(path)],
                         capture_output=True, text=True, env={**os.environ, DATED_ENV: "everything"}, check=False)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(f"careernarr: error: {path}: CAREERNARR_DATED_HAPPENINGS='everything'")
