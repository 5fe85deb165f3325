"""Hostile and broken input: never a crash, never lost text, never executed, never slow by construction."""

from __future__ import annotations

from pathlib import Path

import pytest

import careernarr
from careernarr.errors import CareerNarrError, ParseError

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


def _parse_or_error(path: Path) -> careernarr.Narrative | None:
    try:
        return careernarr.parse(path)
    except CareerNarrError as exc:
        assert path.name in str(exc), "errors name the file"
        return None


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.iterdir()))
def test_hostile_fixture_is_parsed_or_refused_cleanly(name: str) -> None:
    n = _parse_or_error(HOSTILE / name)
    if n is not None:
        for span in n.spans():
            assert span.end <= len(n.text)
        careernarr.validate(n)


@pytest.mark.parametrize("name", ["billion-laughs.md", "deep-nesting.md"])
def test_yaml_bombs_are_refused(name: str) -> None:
    with pytest.raises(ParseError) as info:
        careernarr.parse(HOSTILE / name, format="frontmatter")
    assert name in str(info.value)


def test_xxe_is_never_resolved() -> None:
    n = _parse_or_error(HOSTILE / "xxe.html")
    if n is not None:
        assert "root:" not in n.text
        assert "2023年我离职了" in n.text


def test_nul_bytes_keep_the_text() -> None:
    n = careernarr.parse(HOSTILE / "nul-bytes.txt")
    assert "含有空字节" in n.text and "2023年我换了工作" in n.text


def test_mixed_encodings_lose_nothing_silently() -> None:
    n = _parse_or_error(HOSTILE / "mixed-encodings.txt")
    if n is not None:  # decoded as a whole or refused; never a half-decoded text without notice
        assert "我辞职了" in n.text or n.warnings


def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    line = ("2023年我离职了,然后休息了三个月。I quit in March 2023. " * 250_000)[:10_000_000]
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    n = careernarr.parse(path, extract=False)
    assert len(n.text) == len(line)
