"""Explanations: every extracted item with its evidence, position and rule."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from extract_helpers import EXTRACT, builtin_host, parsed

import careernarr
from careernarr.cli import cli
from careernarr.errors import CareerNarrError
from careernarr.extract.explain import Explanation, explain


def test_every_item_is_explained_with_its_position_and_rule() -> None:
    narrative = parsed("year-end-review.zh.txt")
    records = explain(narrative)
    assert len(records) == len(narrative.time_expressions) + len(narrative.events) + len(narrative.reflections)
    lines = narrative.text.split("\n")
    for r in records:
        assert r.text == narrative.text[r.span.start : r.span.end]
        assert lines[r.line - 1][r.column - 1 :].startswith(r.text.split("\n")[0])
        if r.field != "time_expressions":
            assert r.rule
    fields = [r.field for r in records]
    assert fields == sorted(fields, key=["time_expressions", "events", "reflections"].index)


def test_an_event_says_which_words_dated_it() -> None:
    records = explain(parsed("year-end-review.zh.txt"), fields=["events"])
    quit_ = next(r for r in records if "离职申请" in r.text)
    assert quit_.details["when"] == "2024-06"
    assert quit_.details["when_source"] == "sentence"
    assert quit_.details["when_text"] == "2024年6月"
    assert quit_.rule == "zh.events.job_end:离职"
    overwork = next(r for r in records if r.kind == "overwork")
    assert overwork.details["when_source"] == "paragraph"
    assert overwork.details["when_line"] == 5


def test_the_rendering_reads_like_a_report() -> None:
    records = explain(parsed("burnout-blog.en.md"))
    text = records.render(width=100)
    assert text.startswith(str(EXTRACT / "burnout-blog.en.md"))
    assert "Events (" in text and "Reflections (" in text and "Time expressions (" in text
    assert "when 2024-04 (clause from “April 2024”)" in text
    assert "rule: en.events.job_end:resigned" in text
    assert str(records) == text
    assert all(len(line) <= 100 for line in text.splitlines() if not line.startswith("/"))


def test_the_api_parses_a_path_and_filters_fields() -> None:
    records = careernarr.explain(EXTRACT / "short-thread.zh.md", fields=["reflections"], host=builtin_host())
    assert records and {r.field for r in records} == {"reflections"}
    assert all(isinstance(r, Explanation) for r in records)
    assert records.to_dicts()[0]["details"]["speaker"] in (None, "bob")
    with pytest.raises(CareerNarrError, match="cannot explain"):
        explain(parsed("short-thread.zh.md"), fields=["verbs"])


def test_cli_explain_prints_items_with_their_rules() -> None:
    result = CliRunner().invoke(cli, ["explain", str(EXTRACT / "engineer-profile.zh.txt")])
    assert result.exit_code == 0, result.output
    assert "递交了辞呈" in result.output
    assert "rule: zh.events.job_end:递交…辞呈" in result.output
    assert "when 2022-09" in result.output


def test_cli_explain_json_and_only() -> None:
    result = CliRunner().invoke(cli, ["explain", str(EXTRACT / "engineer-profile.zh.txt"), "--only", "events", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert records and {r["field"] for r in records} == {"events"}
    assert {"kind", "text", "span", "line", "column", "rule", "details"} <= set(records[0])


def test_cli_explain_reports_a_missing_file_in_one_line() -> None:
    result = CliRunner().invoke(cli, ["explain", "no/such/file.txt"])
    assert result.exit_code == 1
    assert "careernarr: error:" in result.output
    assert "Traceback" not in result.output


def test_a_time_counted_from_the_one_before_says_so(tmp_path: Any) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Notes\n\nIn March 2014 I quit. A week later I enrolled in a pastry course.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", str(path), "--only", "time"])
    assert result.exit_code == 0, result.output
    assert "= 2014-03  lasting P1W  (counted from the time told before it)" in result.output
