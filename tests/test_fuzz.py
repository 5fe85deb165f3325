"""Fuzzing every parser and format detection with hypothesis.

The only exceptions that may escape ``careernarr.parse`` are careernarr's own
(:class:`careernarr.CareerNarrError`). Whatever parses keeps valid spans and
round-trips through JSON. ``CAREERNARR_FUZZ_EXAMPLES`` raises the number of
examples per test (default 60) for long local runs; the atheris harness in
``tests/fuzz/`` is the coverage-guided counterpart.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.errors import CareerNarrError
from careernarr.model import Narrative
from careernarr.plugins import Host

EXAMPLES = int(os.environ.get("CAREERNARR_FUZZ_EXAMPLES", "60"))
FIXTURES = Path(__file__).parent / "fixtures"
HOST = Host.create()  # built-in parsers and the installed plugin packages
FORMATS = sorted(HOST.parsers)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def _fixture_texts() -> list[str]:
    texts = []
    for p in sorted(FIXTURES.rglob("*")):
        if p.is_file() and p.stat().st_size < 200_000:
            try:
                texts.append(p.read_bytes().decode("utf-8"))
            except UnicodeDecodeError:
                continue
    return texts or ["标题\n\n正文。"]


SEEDS = _fixture_texts()


def _check(n: Narrative) -> None:
    for span in n.spans():
        assert 0 <= span.start <= span.end <= len(n.text)
    for item in (*n.time_expressions, *n.events, *n.reflections):
        assert n.text[item.span.start:item.span.end] == item.text
    assert careernarr.from_json(careernarr.to_json(n)) == n


def _attempt(data: str | bytes, fmt: str | None) -> None:
    try:
        n = careernarr.parse(data, format=fmt, host=HOST)
    except CareerNarrError:
        return
    _check(n)


# Text that stresses parsers: markup characters, separators, CJK, controls, RTL marks, surrogates.
_alphabet = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("-=#@:<>&;\"'`*|[](){}~/\\\n\n\n\t\r\x00\u200f\u202e\ufeff年月日去前两兩个個")),
)
_markup = st.sampled_from([
    "---\n", "+++\n", "Title: x\n", "Timestamp: 2025-01-01T00:00:00\n", "Content:\n", "Description:\n",
    "摘要\n", "关键词\n", "Abstract\n", "-" * 51 + "\n", "@user #3 ", "<a href='javascript:alert(1)'>x</a>",
    "<script>alert(1)</script>", "<!DOCTYPE html><html>", "```mermaid\ngraph TD\nA-->B\n```\n",
    "<Mermaid_Diagram>\ngraph TD\n  subgraph \"s\"\nA[\"x\"] -- \"l\" --> B\n", "# 标题\n", "Last updated\n",
    "2025年3月", "去年", "三个月", "Q3", "&amp;", "]]>", "<!--", "\x00", "\ud800",
])
_documents = st.lists(st.one_of(_markup, st.text(_alphabet, max_size=30)), max_size=25).map("".join)


@pytest.mark.parametrize("fmt", [None, *FORMATS])
@FUZZ
@given(doc=_documents)
def test_random_text_never_escapes(fmt: str | None, doc: str) -> None:
    _attempt(doc, fmt)


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), _documents, st.text(max_size=200)))
def test_detection_never_escapes(data: str | bytes) -> None:
    try:
        name = careernarr.detect(data, host=HOST)
    except CareerNarrError:
        return
    assert name in HOST.parsers


@pytest.mark.parametrize("fmt", [None, *FORMATS])
@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes_never_escape(fmt: str | None, data: bytes) -> None:
    _attempt(data, fmt)


@FUZZ
@given(seed=st.sampled_from(SEEDS), cut=st.floats(0, 1), fmt=st.sampled_from([None, *FORMATS]))
def test_truncated_fixtures(seed: str, cut: float, fmt: str | None) -> None:
    _attempt(seed[: int(len(seed) * cut)], fmt)


@FUZZ
@given(seed=st.sampled_from(SEEDS), data=st.data())
def test_mutated_fixtures(seed: str, data: st.DataObject) -> None:
    chars = list(seed)
    for _ in range(data.draw(st.integers(1, 8))):
        if not chars:
            break
        i = data.draw(st.integers(0, len(chars) - 1))
        op = data.draw(st.sampled_from(["drop", "dup", "swap", "insert"]))
        if op == "drop":
            del chars[i]
        elif op == "dup":
            chars.insert(i, chars[i] * data.draw(st.integers(1, 50)))
        elif op == "swap":
            j = data.draw(st.integers(0, len(chars) - 1))
            chars[i], chars[j] = chars[j], chars[i]
        else:
            chars.insert(i, data.draw(_markup))
    _attempt("".join(chars), data.draw(st.sampled_from([None, *FORMATS])))


def test_every_boundary_truncation_of_a_small_fixture() -> None:
    small = min((s for s in SEEDS if len(s) > 50), key=len, default=SEEDS[0])
    for cut in range(len(small) + 1):
        for fmt in (None, *FORMATS):
            _attempt(small[:cut], fmt)
