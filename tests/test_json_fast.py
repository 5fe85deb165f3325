"""to_json writes the same bytes with and without orjson (the optional fast path)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.export import json as cjson
from careernarr.model import Event, Narrative, Reflection, Section, TimeExpr

pytest.importorskip("orjson")

FIXTURES = Path(__file__).parent / "fixtures"

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.text(),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(), st.datetimes(),
)
metadata = st.dictionaries(
    st.text(min_size=1, max_size=12),
    st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.text(max_size=5), inner, max_size=3), max_leaves=8),
    max_size=5,
)


@st.composite
def narratives(draw: Any) -> Narrative:
    text = draw(st.text(st.characters(exclude_categories=["Cs"]), min_size=4, max_size=200))
    n = len(text)
    a, b = sorted(draw(st.lists(st.integers(0, n), min_size=2, max_size=2)))
    b = max(b, a + 1) if a < n else n
    a = min(a, b - 1) if b > 0 else 0
    span = (a, b)
    return Narrative(
        "essay", text, title=draw(st.none() | st.text(max_size=20)), date="2024-03",
        authors=draw(st.lists(st.text(max_size=8), max_size=2)), language="zh-Hans",
        metadata=draw(metadata),
        sections=[Section(draw(st.none() | st.text(max_size=10)), 1, span)],
        time_expressions=[TimeExpr(text[a:b], span, "2024", None)],
        events=[Event("job_start", text[a:b], span, "2024-03", None, "narrator", "zh.events.job_start:入职")],
        reflections=[Reflection("insight", text[a:b], span, ("burnout",), None, "r")],
    )


def _slow(n: Narrative, indent: int | None, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as m:
        m.setattr(cjson, "_orjson", None)
        return cjson.to_json(n, indent=indent)


@settings(max_examples=150, deadline=None)
@given(narratives(), st.sampled_from([2, None]))
def test_fast_and_standard_writers_agree_byte_for_byte(n: Narrative, indent: int | None) -> None:
    with pytest.MonkeyPatch.context() as mp:
        slow = _slow(n, indent, mp)
    fast = cjson.to_json(n, indent=indent)
    assert fast == slow
    assert json.loads(fast) == json.loads(json.dumps(cjson.to_dict(n), ensure_ascii=False))


def test_compact_form_is_one_line_and_reads_back(monkeypatch: pytest.MonkeyPatch) -> None:
    n = careernarr.parse("年终总结\n\n2023年3月我换了工作。\n去年我辞职了，学到了很多。\n")
    compact = cjson.to_json(n, indent=None)
    assert "\n" not in compact and ", " not in compact.replace(n.text, "")
    assert careernarr.from_json(compact) == n
    assert compact == _slow(n, None, monkeypatch)


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.rglob("*.md") if "hostile" not in p.parts)[:12],
                         ids=lambda p: p.name)
def test_fixture_documents_export_identically(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        n = careernarr.parse(path)
    except careernarr.CareerNarrError:
        pytest.skip("a fixture meant to fail")
    assert cjson.to_json(n) == _slow(n, 2, monkeypatch)


def test_what_orjson_refuses_falls_back_to_the_standard_writer() -> None:
    n = Narrative("essay", "text", metadata={"big": 2**80, "when": dt.date(2024, 1, 2), "ratio": 1e16})
    data = json.loads(cjson.to_json(n))
    assert data["metadata"] == {"big": 2**80, "when": "2024-01-02", "ratio": 1e16}
