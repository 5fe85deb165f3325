"""The corpus timeline: EDTF placement, order, filters, nothing dropped."""

from __future__ import annotations

import datetime as dt

import pytest
from export_fixtures import load, load_all
from hypothesis import given, settings
from hypothesis import strategies as st

from careernarr.errors import CareerNarrError
from careernarr.export.json import validate
from careernarr.export.timeline import (
    build_timeline,
    filter_narratives,
    humanize_when,
    parse_when,
    time_phrase,
)
from careernarr.model import Event, Narrative


@pytest.mark.parametrize("name", ["review-zh-hans", "thread-zh-hant", "blog-en", "hostile"])
def test_fixtures_follow_the_json_schema(name: str) -> None:
    validate(load(name))


@pytest.mark.parametrize(
    ("value", "lower", "upper", "approx", "uncertain"),
    [
        ("2025", "2025-01-01", "2025-12-31", False, False),
        ("2025-03", "2025-03-01", "2025-03-31", False, False),
        ("2024-02", "2024-02-01", "2024-02-29", False, False),
        ("2025-03-05", "2025-03-05", "2025-03-05", False, False),
        ("2016-01-21/2017-11-30", "2016-01-21", "2017-11-30", False, False),
        ("2025-10/2025-12", "2025-10-01", "2025-12-31", False, False),
        ("2025-21", "2025-03-01", "2025-05-31", False, False),
        ("2025~", "2025-01-01", "2025-12-31", True, False),
        ("2018?", "2018-01-01", "2018-12-31", False, True),
    ],
)
def test_parse_when_gives_calendar_bounds(value: str, lower: str, upper: str, approx: bool, uncertain: bool) -> None:
    rng = parse_when(value)
    assert rng is not None
    assert (rng.lower.isoformat(), rng.upper.isoformat()) == (lower, upper)
    assert (rng.approximate, rng.uncertain) == (approx, uncertain)
    assert rng.fuzzy_lower <= rng.lower <= rng.upper <= rng.fuzzy_upper
    if approx or uncertain:
        assert rng.fuzzy_lower < rng.lower and rng.upper < rng.fuzzy_upper


def test_open_intervals_keep_the_known_bound() -> None:
    open_end = parse_when("2022/..")
    assert open_end is not None and open_end.open_end and not open_end.open_start
    assert (open_end.lower, open_end.upper) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    open_start = parse_when("../2020-06")
    assert open_start is not None and open_start.open_start
    assert parse_when("../..") is None


@pytest.mark.parametrize("value", [None, "", "  ", "someday", "2025-13", "2025-02-30", "2025-12/2025-01", "0000"])
def test_values_that_cannot_be_placed_give_none(value: str | None) -> None:
    assert parse_when(value) is None


@settings(deadline=None)
@given(st.text(max_size=30))
def test_parse_when_never_raises(value: str) -> None:
    rng = parse_when(value)
    if rng is not None:
        assert rng.lower <= rng.upper


@pytest.mark.parametrize(
    ("value", "human"),
    [("2025-10/2025-12", "2025-10 – 2025-12"), ("2025-21", "spring 2025"), ("2025-24", "winter 2025"),
     ("2021~", "c. 2021"), ("2018?", "2018?"), ("2022/..", "2022 – …"), (None, "undated")],
)
def test_humanize_when(value: str | None, human: str) -> None:
    assert humanize_when(value) == human


def test_corpus_timeline_is_sorted_by_lower_bound_then_undated_in_narrative_order() -> None:
    narratives = load_all()
    tl = build_timeline(narratives)
    assert len(tl.entries) == sum(len(n.events) for n in narratives), "no event is dropped"
    dated = tl.dated
    assert [e.range.lower for e in dated if e.range] == sorted(e.range.lower for e in dated if e.range)
    assert tl.entries[: len(dated)] == dated, "dated entries come first"
    assert [(e.narrative, e.index) for e in tl.undated] == sorted((e.narrative, e.index) for e in tl.undated)
    # the value the timeline cannot place is listed among the undated, with its value kept
    assert any(e.event.when == "someday" for e in tl.undated)
    # each entry keeps its narrative
    for e in tl.entries:
        assert tl.narrative_of(e).events[e.index] is e.event


def test_the_review_reads_in_time_order() -> None:
    tl = build_timeline(load("review-zh-hans"))
    assert [e.event.when for e in tl.dated] == [
        "2021~", "2023-01/2023-03", "2023-03", "2023-03", "2023-05", "2023-05-08", "2023-22", "2023-10/2023-12",
    ]
    assert [e.event.kind for e in tl.undated] == ["conflict"]


def test_time_phrase_is_the_documents_own_words() -> None:
    n = load("review-zh-hans")
    phrases = {e.event.when: e.phrase for e in build_timeline(n).entries}
    assert phrases["2023-10/2023-12"] == "2023年底"
    assert phrases["2023-22"] == "夏天"
    assert phrases["2021~"] == "大约2021年"
    # an event whose evidence holds no time expression borrows the one earlier in its paragraph
    offer = next(e for e in n.events if e.text == "拿到两个offer")
    assert time_phrase(n, offer) == "2023年3月"


def test_filter_by_kind_subject_and_date_range() -> None:
    tl = build_timeline(load_all())
    jobs = tl.filter(kinds=["job_start", "job_end"])
    assert jobs.entries and {e.event.kind for e in jobs.entries} == {"job_start", "job_end"}
    others = tl.filter(subjects=["other"])
    assert others.entries and all(e.event.subject == "other" for e in others.entries)
    in_2023 = tl.filter(start="2023", end="2023")
    assert in_2023.entries and not in_2023.undated
    for e in in_2023.entries:
        assert e.range is not None and e.range.overlaps(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert {e.event.when for e in in_2023.entries} >= {"2023-22", "2023-10/2023-12", "2022/.."}
    assert "2024-07" not in {e.event.when for e in in_2023.entries}
    # a range that only overlaps the filter counts: 2019-06/2021-08 is in 2020
    assert any(e.event.when == "2019-06/2021-08" for e in tl.filter(start="2020-03", end="2020-04").entries)
    # an open interval reaches every later date
    assert any(e.event.when == "2022/.." for e in tl.filter(start="2024").entries)
    with pytest.raises(CareerNarrError, match="EDTF"):
        tl.filter(start="last spring")


def test_filter_narratives_keeps_everything_but_the_events() -> None:
    narratives = load_all()
    kept = filter_narratives(narratives, kinds=["job_start"])
    assert [len(n.reflections) for n in kept] == [len(n.reflections) for n in narratives]
    assert [n.text for n in kept] == [n.text for n in narratives]
    assert sum(len(n.events) for n in kept) == sum(1 for n in narratives for e in n.events if e.kind == "job_start")


@st.composite
def narratives_with_events(draw: st.DrawFn) -> list[Narrative]:
    values = st.one_of(
        st.none(),
        st.integers(1990, 2030).map(str),
        st.tuples(st.integers(1990, 2030), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
        st.tuples(st.integers(1990, 2030), st.integers(21, 24)).map(lambda t: f"{t[0]}-{t[1]}"),
        st.tuples(st.integers(1990, 2030), st.integers(0, 5)).map(lambda t: f"{t[0]}/{t[0] + t[1]}"),
        st.integers(1990, 2030).map(lambda y: f"{y}~"),
        st.just("not a date"),
    )
    out = []
    for _ in range(draw(st.integers(1, 4))):
        whens = draw(st.lists(values, max_size=8))
        text = "x" * max(1, len(whens))
        events = [Event("other", "x", (i, i + 1), when) for i, when in enumerate(whens)]
        out.append(Narrative(format="text", text=text, events=events))
    return out


@settings(deadline=None)
@given(narratives_with_events())
def test_timeline_order_invariants(narratives: list[Narrative]) -> None:
    tl = build_timeline(narratives)
    assert sorted((e.narrative, e.index) for e in tl.entries) == [
        (i, j) for i, n in enumerate(narratives) for j in range(len(n.events))
    ]
    keys = [(e.range.lower, e.range.upper, e.narrative, e.index) for e in tl.dated if e.range]
    assert keys == sorted(keys)
    assert [(e.narrative, e.index) for e in tl.undated] == sorted((e.narrative, e.index) for e in tl.undated)
    # filtering by a date range never keeps an entry outside it
    some = tl.filter(start="2000", end="2010-06")
    assert all(e.range and e.range.overlaps(dt.date(2000, 1, 1), dt.date(2010, 6, 30)) for e in some.entries)
