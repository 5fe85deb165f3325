"""The scanner's plans kept on disk: a later process reads what an earlier one worked out, and gets the same."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careernarr.extract import cues, scan_plans
from careernarr.extract.cues import Scanner, plan_of
from careernarr.extract.lexicon import Entry, builtin_lexicon, compile_term
from careernarr.extract.scan_plans import Plan

SAMPLE = ("2019年我辞职了，不想再加班。后来我进了一家公司当学徒，老板说我手艺不错。\n"
          "I quit in March. Looking back, I realized the overtime had burned me out. 我覺得值得。")


def _lists() -> dict[str, list[Entry]]:
    lexicon = builtin_lexicon()
    lists: dict[str, list[Entry]] = {f"cue:{name}": list(entries) for name, entries in lexicon.cues.items()}
    lists.update(events=list(lexicon.events), reflections=list(lexicon.reflections), themes=list(lexicon.themes))
    return lists


def _counted(calls: list[str]):  # type: ignore[no-untyped-def]
    def work_out(regex: re.Pattern[str]) -> Plan:
        calls.append(regex.pattern)
        return plan_of(regex)
    return work_out


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process has planned, as a new process would."""
    monkeypatch.setattr(scan_plans, "_known", {})
    monkeypatch.setattr(scan_plans, "_read_from", set())


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERNARR_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CAREERNARR_CACHE", raising=False)
    _new_process(monkeypatch)
    return tmp_path


def test_a_later_process_reads_every_plan_and_works_none_out(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regexes = [e.regex for entries in _lists().values() for e in entries]
    first: list[str] = []
    planned = scan_plans.plans(regexes, _counted(first))
    assert len(first) == len({(r.pattern, r.flags) for r in regexes})  # each expression once
    assert [p.name for p in cache_dir.iterdir()] == [scan_plans.cache_file().name]  # type: ignore[union-attr]
    _new_process(monkeypatch)
    later: list[str] = []
    assert scan_plans.plans(regexes, _counted(later)) == planned
    assert later == []
    assert planned == [plan_of(r) for r in regexes]


def test_a_scanner_from_the_cache_finds_what_one_without_it_finds(cache_dir: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lists = _lists()
    Scanner(lists)  # writes the file
    _new_process(monkeypatch)
    from_file = Scanner(lists)
    monkeypatch.setenv("CAREERNARR_CACHE", "off")
    _new_process(monkeypatch)
    fresh = Scanner(lists)
    for attribute in ("prefixes", "groups", "gates", "slow", "gated", "exact"):
        assert getattr(from_file, attribute) == getattr(fresh, attribute), attribute
    assert from_file.anchors.keys() == fresh.anchors.keys()
    assert all(from_file.anchors[k].positions(SAMPLE) == fresh.anchors[k].positions(SAMPLE) for k in fresh.anchors)
    assert from_file.scan(SAMPLE) == fresh.scan(SAMPLE)
    assert any(from_file.scan(SAMPLE)["events"])


def test_turned_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERNARR_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CAREERNARR_CACHE", "off")
    _new_process(monkeypatch)
    assert scan_plans.cache_file() is None
    Scanner(_lists())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]", '{"0:x": "nonsense"}'])
def test_a_broken_file_is_ignored_and_written_anew(cache_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                   content: str) -> None:
    lists = _lists()
    Scanner(lists)
    path = scan_plans.cache_file()
    assert path is not None
    stored = json.loads(path.read_text(encoding="utf-8"))
    if content.startswith('{"'):  # valid JSON, wrong plans: every stored plan replaced by nonsense
        path.write_text(json.dumps({key: "nonsense" for key in stored}), encoding="utf-8")
    else:
        path.write_text(content, encoding="utf-8")
    _new_process(monkeypatch)
    found = Scanner(lists).scan(SAMPLE)
    monkeypatch.setenv("CAREERNARR_CACHE", "off")
    _new_process(monkeypatch)
    assert found == Scanner(lists).scan(SAMPLE)
    assert json.loads(path.read_text(encoding="utf-8")) == stored


def test_a_directory_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("CAREERNARR_CACHE_DIR", str(blocker / "cache"))
    _new_process(monkeypatch)
    scanner = Scanner(_lists())
    assert scanner.scan(SAMPLE)["events"]
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_a_plugins_entries_are_added_and_the_builtin_plans_kept(cache_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    lists = _lists()
    Scanner(lists)
    path = scan_plans.cache_file()
    assert path is not None
    builtin_keys = set(json.loads(path.read_text(encoding="utf-8")))
    extra = [Entry("job_end", t, compile_term(t, "en"), source="plugin.events") for t in ("clocked out for good",)]
    _new_process(monkeypatch)
    calls: list[str] = []
    regexes = [e.regex for entries in [*lists.values(), extra] for e in entries]
    scan_plans.plans(regexes, _counted(calls))
    assert calls == [extra[0].regex.pattern]
    added = f"{extra[0].regex.flags}:{extra[0].regex.pattern}"
    assert set(json.loads(path.read_text(encoding="utf-8"))) == builtin_keys | {added}


def test_small_entry_lists_never_touch_the_disk(cache_dir: Path) -> None:
    entries = [Entry("job_end", t, compile_term(t, "en")) for t in ("quit", "resign*")]
    assert [m.entry.term for m in cues.find_all(entries, "I quit, she resigned.")] == ["quit", "resign*"]
    assert list(cache_dir.iterdir()) == []


_texts = st.text(max_size=6)
_plans = st.builds(
    Plan, st.lists(_texts, max_size=3).map(tuple), st.booleans(), st.lists(_texts, max_size=3).map(tuple),
    st.none() | st.tuples(st.booleans(), st.lists(st.tuples(_texts, st.integers(0, 512), st.integers(1, 4)),
                                                  max_size=3).map(tuple)))


@given(_plans)
def test_a_plan_survives_its_json(plan: Plan) -> None:
    assert Plan.from_json(json.loads(json.dumps(plan.to_json()))) == plan


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=3),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
                     max_leaves=12)


@given(_json)
def test_anything_else_in_the_file_is_refused_as_a_plan(raw: object) -> None:
    try:
        plan = Plan.from_json(raw)
    except ValueError:
        return
    assert Plan.from_json(plan.to_json()) == plan  # what is accepted is a plan
