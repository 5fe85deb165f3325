"""Speed paths in the parsers give exactly what the reference paths give."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careernarr.errors import ParseError
from careernarr.parsers import frontmatter

keys = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=10)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
    | st.dates(min_value=dt.date(1900, 1, 1)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)


def _reference(raw: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        m.setattr(frontmatter, "_load_yaml_fast", lambda raw: None)
        try:
            return frontmatter.load_yaml_mapping(raw, name="x.md", first_line=2)
        except ParseError as exc:
            return str(exc)


def _fast(raw: str) -> Any:
    try:
        return frontmatter.load_yaml_mapping(raw, name="x.md", first_line=2)
    except ParseError as exc:
        return str(exc)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, values, min_size=1, max_size=6), st.booleans())
def test_libyaml_and_pure_python_front_matter_agree(data: dict[str, Any], flow: bool) -> None:
    raw = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    with pytest.MonkeyPatch.context() as mp:
        assert _fast(raw) == _reference(raw, mp)


@pytest.mark.parametrize("raw", [
    "title: 我的一年\ndate: 2024-02-30 10:00:00\n",         # impossible timestamp
    "title: [unclosed\n",                                    # syntax error with a position
    "a: &x [*x]\n",                                          # recursive alias
    "- just\n- a list\n",                                    # not a mapping
    "title: \x07bell\n",                                     # control character
    "title: \ud800\n",                                       # lone surrogate
    "k: " + "[" * 300 + "]" * 300 + "\n",                    # too deep
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"),  # alias bomb
], ids=["timestamp", "syntax", "cycle", "list", "control", "surrogate", "deep", "bomb"])
def test_odd_front_matter_is_read_or_reported_as_the_reference_loader_does(
        raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _fast(raw) == _reference(raw, monkeypatch)
