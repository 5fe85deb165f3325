"""Mermaid timeline text and TimelineJS3 JSON: order, dates, groups, escaping."""

from __future__ import annotations

import json
import re

import pytest
from export_fixtures import load, load_all
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lhtml

from careernarr.export.mermaid import mermaid_text, to_mermaid
from careernarr.export.timeline import build_timeline, parse_when
from careernarr.export.timelinejs import date_parts, to_timelinejs

_MERMAID_SPECIAL = set(':#%;"\'`<>&{}=')


def _decode(text: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), text)


# -- Mermaid ----------------------------------------------------------------


def test_mermaid_timeline_has_sorted_periods_year_sections_and_undated_last() -> None:
    out = to_mermaid(load_all())
    lines = out.splitlines()
    assert lines[0] == "timeline"
    assert lines[1] == "    title Career timeline of 4 narratives"
    sections = [line.strip()[len("section "):] for line in lines if line.strip().startswith("section ")]
    assert sections == ["2018", "2019", "2021", "2022", "2023", "2024", "Undated"]
    periods = [line.split(" : ")[0].strip() for line in lines
               if " : " in line and not line.strip().startswith(":")]
    assert periods[:4] == ["2018?", "2019-06", "2019-06 – 2021-08", "2019-06-03"]
    assert periods[-1] == "undated"
    events = sum(1 for line in lines if " : " in line or line.strip().startswith(": "))
    assert events == sum(len(n.events) for n in load_all()), "every event has a box"


def test_mermaid_events_name_their_narrative_and_wrap_chinese() -> None:
    out = to_mermaid(load_all())
    line = next(line for line in out.splitlines() if "2023年底" in _decode(line))
    assert line.strip().startswith("2023-10 – 2023-12 : ")
    box = _decode(line.split(" : ", 1)[1]).split("<br>")
    assert box[0].startswith("[1] 我的2023")
    assert box[1] == "review"
    assert all(len(part) <= 20 for part in box[2:])


def test_hostile_mermaid_cannot_reach_directives_clicks_or_html() -> None:
    out = to_mermaid(load("hostile"))
    for line in out.splitlines()[2:]:
        stripped = line.strip()
        assert re.fullmatch(r"section [^:\n]+|[^#:%\n]+ : [^:\n%]+|: [^:\n%]+", stripped), line
        assert "<" not in stripped.replace("<br>", "")
    assert "%%" not in out and "click" not in out.split("\n", 2)[2].split(":")[0]
    assert "securityLevel" in _decode(out), "the words are kept, written as entity codes"


@settings(deadline=None, max_examples=300)
@given(st.text(max_size=80))
def test_mermaid_text_is_inert_and_reversible(text: str) -> None:
    out = mermaid_text(text)
    assert "\n" not in out
    assert not (set(re.sub(r"#\d+;", "", out)) & _MERMAID_SPECIAL)
    flat = " ".join(text.split())
    assert _decode(out) == (flat or "\u00a0")


# -- TimelineJS -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2023", {"year": 2023}, None),
        ("2023-03", {"year": 2023, "month": 3}, None),
        ("2023-05-08", {"year": 2023, "month": 5, "day": 8}, None),
        ("2023-10/2023-12", {"year": 2023, "month": 10}, {"year": 2023, "month": 12}),
        ("2023-22", {"year": 2023, "month": 6}, {"year": 2023, "month": 8}),
        ("2019/2021", {"year": 2019}, {"year": 2021}),
        ("2016-01-21/2017-11-30", {"year": 2016, "month": 1, "day": 21}, {"year": 2017, "month": 11, "day": 30}),
    ],
)
def test_timelinejs_dates_keep_the_values_precision(value: str, start: dict[str, int], end: dict[str, int] | None) -> None:
    rng = parse_when(value)
    assert rng is not None
    assert date_parts(rng) == (start, end)


def test_timelinejs_slides_for_a_corpus() -> None:
    narratives = load_all()
    data = to_timelinejs(narratives)
    tl = build_timeline(narratives)
    assert len(data["events"]) == len(tl.dated)
    assert len({e["unique_id"] for e in data["events"]}) == len(data["events"])
    groups = {e["group"] for e in data["events"]}
    assert len(groups) == 4, "one group per narrative in a corpus"
    review = next(e for e in data["events"] if e["display_date"] == "2023年底")
    assert review["start_date"] == {"year": 2023, "month": 10} and review["end_date"] == {"year": 2023, "month": 12}
    assert "review-zh-hans.txt, line 13" in review["text"]["text"]
    # undated events are listed on the title slide, not dropped
    title = data["title"]["text"]["text"]
    assert f"{len(tl.undated)} undated events" in title
    assert "和产品经理在会上吵了起来" in title


def test_timelinejs_groups_by_kind_for_one_narrative() -> None:
    data = to_timelinejs(load("review-zh-hans"))
    assert {e["group"] for e in data["events"]} == {"other", "job_search", "job_start", "project", "overwork",
                                                     "review", "career_change"}


_ALLOWED_TAGS = {"blockquote", "p", "b", "code", "small", "ul", "li", "div", "span"}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_hostile_timelinejs_has_no_markup_of_its_own() -> None:
    data = to_timelinejs(load("hostile"))
    json.dumps(data)
    for s in _strings(data):
        fragment = lhtml.fragment_fromstring(s, create_parent="div")
        for el in fragment.iter():
            assert el.tag in _ALLOWED_TAGS, (el.tag, s)
            assert not el.attrib, (el.attrib, s)
    texts = " ".join(lhtml.fragment_fromstring(s, create_parent="div").text_content() for s in _strings(data))
    assert "<script>window.__pwned='event'</script>" in texts, "the words are shown as text"
