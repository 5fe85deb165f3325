"""careernarr-journal: the contract kit, jrnl text and JSON, Day One JSON, broken exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import careernarr
import pytest
from careernarr.errors import ParseError
from careernarr.source import read_source
from careernarr.testing import check_parser, sample
from hypothesis import given, settings
from hypothesis import strategies as st

from careernarr_journal import DayOneParser, JrnlParser

FIXTURES = Path(__file__).parent / "fixtures"
JRNL = [FIXTURES / "work-journal.txt", FIXTURES / "zh-hans-journal.txt", FIXTURES / "jrnl-export.json"]
DAYONE = FIXTURES / "dayone-journal.json"


def visible(path: Path) -> str:
    """What a reader of the journal sees: entry words, not JSON keys (Markdown escapes undone)."""
    if path.suffix != ".json":
        return read_source(path).text
    data = json.loads(path.read_text("utf-8"))
    parts = []
    for entry in data["entries"]:
        if "creationDate" in entry:
            parts.append(re.sub(r"\\(.)", r"\1", entry["text"]))
        else:
            parts.append(entry["title"] + entry["body"])
    return "\n".join(parts)


def test_jrnl_parser_keeps_the_contract() -> None:
    check_parser(
        JrnlParser(),
        [sample(p, visible_text=visible(p)) for p in JRNL],
        others=[DAYONE, '{"entries": [], "note": "some other JSON"}'],
        bad=[FIXTURES / "bad-syntax.json", FIXTURES / "bad-no-entries.txt"],
    )


def test_dayone_parser_keeps_the_contract() -> None:
    check_parser(
        DayOneParser(),
        [sample(DAYONE, visible_text=visible(DAYONE))],
        others=JRNL,
        bad=[FIXTURES / "bad-dayone-date.json", FIXTURES / "bad-syntax.json"],
    )


def test_jrnl_text_file_entries_are_dated_sections() -> None:
    n = careernarr.parse(FIXTURES / "work-journal.txt", extract=False)
    assert n.format == "jrnl"
    assert n.text == read_source(FIXTURES / "work-journal.txt").text
    assert [s.heading for s in n.sections] == [
        "First day on the platform team.", "Worried about the reorg rumours.",
        "Got the offer from the fintech startup!", "Last day.",
    ]
    entries = n.metadata["entries"]
    assert [e["date"] for e in entries] == ["2025-01-06T08:52", "2025-01-17T21:30", "2025-02-03T18:05",
                                            "2025-03-14T12:10"]
    assert entries[1]["tags"] == ["@work", "@anxiety"]
    assert n.quote(entries[2]["span"]).endswith("Told them I'd answer by Friday.")
    assert n.date == "2025-01-06" and n.metadata["date_range"] == ["2025-01-06", "2025-03-14"]
    assert n.tags == ("@work", "@anxiety")


def test_jrnl_twelve_hour_clock_and_chinese_titles() -> None:
    n = JrnlParser().parse(read_source(FIXTURES / "zh-hans-journal.txt"))
    assert [e["date"] for e in n.metadata["entries"]] == ["2024-11-02T22:15", "2024-11-30T07:40", "2024-12-09T09:00"]
    assert n.sections[0].heading == "今天终于把辞职信交了。"


def test_jrnl_json_export_is_laid_out_like_the_journal_file() -> None:
    n = JrnlParser().parse(read_source(FIXTURES / "jrnl-export.json"))
    assert n.text.startswith('[2024-06-12 17:45] Performance review today. Got "meets expectations" again')
    assert n.text.endswith("[2024-09-03 20:02] Signed up for the evening data-science course.")
    entries = n.metadata["entries"]
    assert [e["starred"] for e in entries] == [False, True, False]
    assert n.metadata["tags"] == {"@work": 2, "@health": 1}
    assert n.sections[1].heading == "Doctor says my blood pressure is too high."


def test_dayone_dates_are_local_and_escapes_undone() -> None:
    n = DayOneParser().parse(read_source(DAYONE))
    first, second = n.metadata["entries"]
    assert first["date"] == "2025-05-01T01:12"  # 17:12 UTC is past midnight in Taipei
    assert first["title"] == "面試結果" and first["tags"] == ["工作", "轉職"]
    assert first["location"]["localityName"] == "新竹市" and first["starred"] is True
    assert "richText" not in first and second["photos"][0]["identifier"] == "F1E2D3C4"
    assert "錄取我了!" in n.text and "\\" not in n.text
    assert n.quote(second["span"]) == (
        "[2025-05-19 09:30] Told my manager I'm leaving. She asked me to stay until the Q2 release - I said two weeks."
    )
    assert n.metadata["metadata"] == {"version": "1.0"}


@pytest.mark.parametrize(
    ("parser", "name", "line"),
    [(JrnlParser(), "bad-syntax.json", 4), (JrnlParser(), "bad-no-entries.txt", 1),
     (DayOneParser(), "bad-dayone-date.json", 3)],
)
def test_broken_exports_name_the_line(parser: JrnlParser | DayOneParser, name: str, line: int) -> None:
    with pytest.raises(ParseError) as info:
        parser.parse(read_source(FIXTURES / name))
    assert info.value.line == line


_title = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=20).map(
    lambda s: s + ".")
_body = st.text(st.characters(whitelist_categories=("Ll", "Lo", "Nd", "Zs")), max_size=40).map(str.strip)
_day = st.dates(min_value=__import__("datetime").date(2000, 1, 1), max_value=__import__("datetime").date(2030, 12, 31))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_day, st.integers(0, 23), st.integers(0, 59), _title, _body), min_size=1, max_size=6))
def test_journal_file_and_json_export_read_the_same(entries: list[tuple[object, int, int, str, str]]) -> None:
    file_text = "\n\n".join(f"[{d} {h:02d}:{m:02d}] {t}" + (f"\n{b}" if b else "") for d, h, m, t, b in entries)
    export = {"tags": {}, "entries": [{"date": str(d), "time": f"{h:02d}:{m:02d}", "title": t, "body": b, "tags": [],
                                       "starred": False} for d, h, m, t, b in entries]}
    from_file = JrnlParser().parse(read_source(file_text))
    from_json = JrnlParser().parse(read_source(json.dumps(export, ensure_ascii=False)))
    assert from_file.text == from_json.text
    assert [s.heading for s in from_file.sections] == [s.heading for s in from_json.sections] == [t for *_, t, _ in entries]
    assert [e["date"] for e in from_file.metadata["entries"]] == [e["date"] for e in from_json.metadata["entries"]]
