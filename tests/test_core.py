"""The model, the plugin host and the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr import hookimpl
from careernarr.errors import CareerNarrError, UnknownFormatError
from careernarr.model import Event, Narrative, Post, Section, Span
from careernarr.plugins import Host
from careernarr.source import Source


def test_span_rejects_negative_or_reversed() -> None:
    with pytest.raises(ValueError):
        Span(3, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_narrative_rejects_span_outside_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        Narrative(format="text", text="abc", sections=[Section(None, 0, (0, 4))])


def test_narrative_is_frozen_and_repr_is_short() -> None:
    n = Narrative(format="text", text="x" * 20000)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        n.title = "t"  # type: ignore[misc]
    assert len(repr(n)) < 600
    assert "20000 chars" in repr(n)


class _Shouty:
    name = "shouty"
    description = "Documents that start with SHOUT"

    def sniff(self, source: Source) -> float:
        return 0.99 if source.text.startswith("SHOUT") else 0.0

    def parse(self, source: Source) -> Narrative:
        return Narrative(format=self.name, text=source.text, title="shout")


class _ShoutyPlugin:
    @hookimpl
    def careernarr_parsers(self) -> Sequence[object]:
        return [_Shouty()]


def test_third_party_parser_wins_detection_and_can_be_forced() -> None:
    host = Host.create(entry_points=False, plugins=[_ShoutyPlugin()])
    n = careernarr.parse("SHOUT hello\n\nmore", host=host)
    assert n.format == "shouty"
    assert careernarr.parse("SHOUT hello", format="text", host=host).format == "text"


def test_unknown_format_lists_known_ones(host: Host) -> None:
    with pytest.raises(UnknownFormatError, match="known formats: .*text"):
        careernarr.parse("hello", format="nope", host=host)


def test_parser_crash_becomes_careernarr_error() -> None:
    class Broken:
        name = "broken"
        description = "always crashes"

        def sniff(self, source: Source) -> float:
            return 1.0

        def parse(self, source: Source) -> Narrative:
            raise KeyError("boom")

    class Plugin:
        @hookimpl
        def careernarr_parsers(self) -> Sequence[object]:
            return [Broken()]

    host = Host.create(entry_points=False, plugins=[Plugin()])
    with pytest.raises(CareerNarrError, match="'broken' parser failed"):
        careernarr.parse("anything", host=host)


def test_builtin_import_failure_is_reported_and_others_load() -> None:
    from careernarr.plugins import DEFAULT_PLUGINS, PluginFailure, get_plugin_manager

    failures: list[PluginFailure] = []
    pm = get_plugin_manager(entry_points=False, builtins=(*DEFAULT_PLUGINS, "careernarr.no_such_plugin"),
                            failures=failures)
    assert [f.name for f in failures] == ["careernarr.no_such_plugin"]
    assert "ModuleNotFoundError" in failures[0].error
    assert pm.get_plugin("careernarr.parsers.text") is not None


_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(deadline=None)
@given(_texts, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=5), _texts)
def test_json_round_trip(text: str, raw_spans: list[tuple[int, int]], title: str) -> None:
    spans = [Span(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in raw_spans]
    n = Narrative(
        format="text", text=text, title=title or None, metadata={"k": [1, "二"], "nested": {"a": None}},
        sections=[Section("h", 1, s) for s in spans],
        posts=[Post(i, s, author="a", mentions=["m"], reply_to=[0]) for i, s in enumerate(spans)],
        events=[Event("job_start", s.of(text), s, when="2025", rule="test") for s in spans],
    )
    out = careernarr.to_json(n)
    assert careernarr.from_json(out) == n
    careernarr.validate(json.loads(out))


def test_cli_bad_input_is_one_line_exit_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "photo.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    out = subprocess.run([sys.executable, "-m", "careernarr", "parse", str(binary)],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert str(binary) in out.stderr and out.stderr.count("\n") == 1


def test_cli_usage_error_exit_2() -> None:
    out = subprocess.run([sys.executable, "-m", "careernarr", "parse", "x.txt", "--format", "nope"],
                         capture_output=True, text=True)
    assert out.returncode == 2
