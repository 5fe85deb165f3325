"""The error taxonomy: one base class, a subclass per trouble, every message naming the input."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import careernarr
from careernarr import hookimpl
from careernarr.errors import (
    CareerNarrError,
    EncodingError,
    FormatDetectionError,
    ParseError,
    PluginError,
    SourceError,
    UnknownFormatError,
)
from careernarr.model import Narrative
from careernarr.plugins import Host
from careernarr.source import Source


def test_taxonomy() -> None:
    for cls in (SourceError, ParseError, FormatDetectionError, UnknownFormatError, PluginError):
        assert issubclass(cls, CareerNarrError)
    assert issubclass(EncodingError, SourceError), "undecodable bytes are a kind of unreadable input"
    assert not issubclass(SourceError, EncodingError)
    assert careernarr.SourceError is SourceError


def test_parse_error_renders_file_line_column_expected_and_hint() -> None:
    exc = ParseError("a cue timing line that cannot be read", file="talk.srt", line=12, column=3,
                     expected="00:00:01,000 --> 00:00:04,000", hint="fix the line or drop the cue")
    assert str(exc) == ("talk.srt:12:3: a cue timing line that cannot be read "
                        "(expected 00:00:01,000 --> 00:00:04,000); fix the line or drop the cue")
    assert (exc.file, exc.line, exc.column) == ("talk.srt", 12, 3)


def test_file_is_prefixed_once() -> None:
    assert str(SourceError("no such file", file="a.md")) == "a.md: no such file"
    assert str(SourceError("a.md: no such file", file="a.md")) == "a.md: no such file"
    assert str(CareerNarrError("plain")) == "plain"


def test_with_file_keeps_class_and_facts() -> None:
    exc = ParseError("bad", line=3, expected="x")
    named = exc.with_file("notes.md")
    assert type(named) is ParseError and named.line == 3 and str(named).startswith("notes.md:3: bad")
    assert named.with_file("other.md") is named, "a named error keeps its name"
    plugin = PluginError("boom", plugin="ptt").with_file("x.txt")
    assert isinstance(plugin, PluginError) and plugin.plugin == "ptt" and str(plugin) == "x.txt: boom"


@pytest.mark.parametrize("exc", [
    ParseError("bad", file="a.md", line=2, column=5, expected="x", hint="y"),
    EncodingError("binary", file="b.bin", hint="convert it"),
    PluginError("crashed", file="c.txt", plugin="ptt"),
    FormatDetectionError("no parser", file="d.txt"),
])
def test_errors_pickle_with_their_facts(exc: CareerNarrError) -> None:
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc) and str(back) == str(exc) and vars(back) == vars(exc)


def test_missing_file_is_a_source_error_not_an_encoding_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as info:
        careernarr.parse(tmp_path / "missing.md")
    assert not isinstance(info.value, EncodingError)
    assert info.value.file == str(tmp_path / "missing.md") and "no such file" in str(info.value)
    assert info.value.hint, "says what to do next"


def test_binary_is_an_encoding_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    with pytest.raises(EncodingError) as info:
        careernarr.parse(path)
    assert info.value.file == str(path) and str(info.value).startswith(str(path))


def test_detection_failure_names_the_input_and_the_way_out(host: Host) -> None:
    class Never:
        name = "never"
        description = "never sure"

        def sniff(self, source: Source) -> float:
            return 0.0

        def parse(self, source: Source) -> Narrative:
            raise AssertionError

    class OnlyNever:
        @hookimpl
        def careernarr_parsers(self) -> list[object]:
            return [Never()]

    only = Host.create(entry_points=False)
    for name, _ in list(only.pm.list_name_plugin()):
        if name.startswith("careernarr.parsers."):
            only.pm.unregister(name=name)
    only.pm.register(OnlyNever())
    with pytest.raises(FormatDetectionError) as info:
        careernarr.parse(b"some words", host=only)
    assert info.value.file == "<bytes>" and "format=" in str(info.value)


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match="known formats: .*essay"):
        careernarr.parse("两行\n文字", format="docx")


class _Crashing:
    name = "crashing"
    description = "raises a bare exception"

    def sniff(self, source: Source) -> float:
        return 1.0

    def parse(self, source: Source) -> Narrative:
        return {}["missing"]  # type: ignore[no-any-return]


class _CrashPlugin:
    @hookimpl
    def careernarr_parsers(self) -> list[object]:
        return [_Crashing()]


def test_a_crashing_parser_is_a_plugin_error_naming_file_and_parser(tmp_path: Path) -> None:
    host = Host.create(entry_points=False, plugins=[_CrashPlugin()])
    path = tmp_path / "note.txt"
    path.write_text("今年换了工作。\n", encoding="utf-8")
    with pytest.raises(PluginError) as info:
        careernarr.parse(path, format="crashing", host=host)
    assert info.value.plugin == "crashing" and info.value.file == str(path)
    assert "KeyError" in str(info.value) and "report" in str(info.value)
    assert isinstance(info.value.__cause__, KeyError), "the original traceback stays reachable"


def test_a_crashing_extractor_is_a_plugin_error(tmp_path: Path) -> None:
    class Broken:
        field = "events"
        description = "always fails"

        def extract(self, context: object) -> list[object]:
            raise ZeroDivisionError("division by zero")

    class Plugin:
        @hookimpl
        def careernarr_extractors(self) -> list[object]:
            return [Broken()]

    host = Host.create(entry_points=False, plugins=[Plugin()])
    with pytest.raises(PluginError, match=r"<bytes>: extraction failed: ZeroDivisionError") as info:
        careernarr.parse("我的2024\n\n今年换了工作。".encode(), host=host)
    assert info.value.plugin == "extractors"


def test_a_broken_hook_is_a_plugin_error() -> None:
    class Plugin:
        @hookimpl
        def careernarr_parsers(self) -> list[object]:
            raise RuntimeError("cannot import my model")

    host = Host.create(entry_points=False, plugins=[Plugin()])
    with pytest.raises(PluginError, match="cannot import my model") as info:
        host.parsers
    assert info.value.plugin and info.value.hint


@pytest.mark.parametrize(("make", "cls"), [
    (lambda d: d / "missing.txt", SourceError),
    (lambda d: d, SourceError),
    (lambda d: _write(d / "empty.md", b"   \n"), ParseError),
    (lambda d: _write(d / "bin.dat", bytes(range(256)) * 4), EncodingError),
    (lambda d: _write(d / "fm.md", b"---\ntitle: [unclosed\n---\nbody\n"), ParseError),
])
def test_every_public_error_carries_the_file_name(tmp_path: Path, make: object, cls: type) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    fmt = "frontmatter" if path.name == "fm.md" else None
    with pytest.raises(cls) as info:
        careernarr.parse(path, format=fmt)
    assert info.value.file is not None and str(path) in str(info.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_cli_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "careernarr", "parse", str(tmp_path / "gone.md")],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "gone.md: no such file" in run.stderr
    assert "Traceback" not in run.stderr
