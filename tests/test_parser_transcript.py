"""The ``transcript`` parser: header fields, Description/Content blocks, summary headings, Mermaid diagrams."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.errors import ParseError
from careernarr.model import Narrative
from careernarr.parsers.transcript import TranscriptParser, iso_duration, video_id
from careernarr.source import Source, read_source
from careernarr.testing import check_parser

HERE = Path(__file__).parent / "fixtures" / "transcript"
PARSER = TranscriptParser()

EXPECTED: dict[str, dict[str, Any]] = {
    "youtube-fence-en.txt": {
        "title": "Why I left big tech after 8 years (honest story)",
        "date": "2024-08-19",
        "url": "https://www.youtube.com/watch?v=Xk3_9aB-2Qz&t=42s",
        "duration": "PT1H2M3S",
        "video_id": "Xk3_9aB-2Qz",
        "platform": "youtube",
        "summary_headings": ["Key points", "Timeline", "Concept map"],
        "diagram": {"direction": "LR", "nodes": 7, "edges": 7, "subgraphs": 1},
        "labels": {"burn": "Burnout?", "income": "Sponsorships\nand courses", "quit": "Resigned"},
        "edge_labels": {("grind", "burn"): "two years later", ("burn", "leave"): "yes", ("burn", "grind"): "no"},
        "subgraph": ("after", "Life after big tech", ("channel", "income")),
        "warnings": 0,
    },
    "bilibili-zh-hant.txt": {
        "title": "在晶圓廠輪班五年後，我轉行當木工｜真實心路歷程 BV1Ab411c7Xy",
        "date": "2025-03-08",
        "url": "https://b23.tv/k2Jd8Qa",
        "duration": "PT18M42S",
        "video_id": "BV1Ab411c7Xy",  # from the title: the short link carries no id
        "platform": "bilibili",
        "summary_headings": ["轉職的原因", "關係圖"],
        "diagram": {"direction": "TD", "nodes": 5, "edges": 5, "subgraphs": 1},
        "labels": {"C": "要不要離職？", "E": "開設工作室"},
        "edge_labels": {("C", "D"): "離職", ("C", "A"): "留下"},
        "subgraph": ("新生活", "新的生活", ("D", "E")),
        "warnings": 0,
    },
    "broken-mermaid.txt": {
        "title": "三年两跳：我的求职复盘",
        "date": "2024-11-02",
        "url": "https://www.bilibili.com/video/BV1Fm4y1c7Rt",
        "duration": "PT9M58S",
        "video_id": "BV1Fm4y1c7Rt",
        "platform": "bilibili",
        "summary_headings": ["要点"],
        "diagram": {"direction": "TD", "nodes": 3, "edges": 2, "subgraphs": 1},
        "labels": {"D": "第二次跳槽"},
        "edge_labels": {},
        "subgraph": ("结果", "结果", ("B", "D")),
        "warnings": 3,
    },
    "no-content.txt": {
        "title": "大厂裁员后的第一个月 BV1qW4y1a7Zk",
        "date": "2025-01-15",
        "url": "https://www.bilibili.com/video/BV1qW4y1a7Zk",
        "duration": "PT6M10S",
        "video_id": "BV1qW4y1a7Zk",
        "platform": "bilibili",
        "summary_headings": [],
        "diagram": None,
        "warnings": 1,
    },
}


def _parse(name: str) -> Narrative:
    return PARSER.parse(read_source(HERE / name))


def test_contract() -> None:
    """Sniff above other formats, detection, spans, no text lost, JSON round trip, errors with lines."""
    check_parser(PARSER, sorted(HERE.iterdir()), bad=["离职随笔\n\n今年我离开了工作十年的公司。\n"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_header_fields(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    assert n.format == "transcript"
    assert (n.title, n.date, n.url, n.duration, n.video_id) == (
        want["title"], want["date"], want["url"], want["duration"], want["video_id"])
    assert n.metadata["platform"] == want["platform"]
    assert n.url in n.links
    assert len(n.warnings) == want["warnings"], n.warnings


def test_metadata_keeps_every_header_field_as_read() -> None:
    n = _parse("youtube-fence-en.txt")
    assert {k: v for k, v in n.metadata.items() if k != "platform"} == {
        "Timestamp": "2024-08-19T16:05:12.118204",
        "Title": "Why I left big tech after 8 years (honest story)",
        "URL": "https://www.youtube.com/watch?v=Xk3_9aB-2Qz&t=42s",
        "Status": "success",
        "Duration": "1:02:03",
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    blocks = [(s.heading, s.role) for s in n.sections if s.level == 1]
    has_content = name != "no-content.txt"
    assert blocks == [("Description", "description")] + ([("Content", "content")] if has_content else [])
    assert [s.heading for s in n.sections if s.role == "summary"] == want["summary_headings"]
    header = [s for s in n.sections if s.role == "header"]
    assert len(header) == 1 and header[0].span.of(n.text).startswith("Timestamp:")
    for s in n.sections:
        if s.role in ("description", "content"):
            assert s.span.of(n.text).startswith(s.heading + ":")
        if s.role == "summary":
            assert s.heading in s.span.of(n.text).split("\n", 1)[0]
    description = next(s for s in n.sections if s.role == "description")
    for s in n.sections:
        if s.role in ("summary", "diagram"):
            assert description.span.contains(s.span)


@pytest.mark.parametrize("name", [k for k, v in sorted(EXPECTED.items()) if v["diagram"]])
def test_diagram(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    (diagram,) = n.diagrams
    got = {"direction": diagram.direction, "nodes": len(diagram.nodes), "edges": len(diagram.edges),
           "subgraphs": len(diagram.subgraphs)}
    assert got == want["diagram"]
    labels = {node.id: node.label for node in diagram.nodes}
    assert {k: labels[k] for k in want["labels"]} == want["labels"]
    edges = {(e.source, e.target): e.label for e in diagram.edges}
    assert {k: edges[k] for k in want["edge_labels"]} == want["edge_labels"]
    (sub,) = diagram.subgraphs
    assert (sub.id, sub.title, sub.nodes) == want["subgraph"]
    (section,) = [s for s in n.sections if s.role == "diagram"]
    assert section.span == diagram.span
    quoted = diagram.span.of(n.text)
    assert quoted.startswith(("<Mermaid_Diagram>", "```mermaid"))
    assert quoted.endswith(("</Mermaid_Diagram>", "```"))


def test_broken_mermaid_warnings_name_document_lines() -> None:
    n = _parse("broken-mermaid.txt")
    lines = n.text.split("\n")
    for warning, needle in zip(n.warnings, ["B -->", "C[[", "subgraph 结果"]):
        line = int(warning.split("line ")[2].split(":")[0])
        assert lines[line - 1].strip().startswith(needle), (warning, lines[line - 1])


def test_no_content_block_is_a_warning_with_a_line() -> None:
    n = _parse("no-content.txt")
    assert n.warnings == ("line 7: no 'Content:' block (the transcript itself); read what is there",)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_and_valid_through_the_api(name: str) -> None:
    n = careernarr.parse(HERE / name)
    assert n.format == "transcript"
    careernarr.validate(n)
    assert careernarr.from_json(careernarr.to_json(n)) == n


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_visible_character_is_in_a_section(name: str) -> None:
    n = _parse(name)
    covered = [False] * len(n.text)
    for s in n.sections:
        for i in range(s.span.start, s.span.end):
            covered[i] = True
    lost = [i for i, ch in enumerate(n.text) if not ch.isspace() and not covered[i]]
    assert not lost, f"outside every section: {n.text[lost[0]:lost[0] + 20]!r}"


def test_crlf_input_gives_the_same_narrative_fields() -> None:
    lf = _parse("youtube-fence-en.txt")
    data = (HERE / "youtube-fence-en.txt").read_bytes().replace(b"\n", b"\r\n")
    crlf = careernarr.parse(data, extract=False)
    assert crlf.format == "transcript"
    assert (crlf.title, crlf.date, crlf.duration, crlf.video_id) == (lf.title, lf.date, lf.duration, lf.video_id)
    assert crlf.diagrams[0].nodes == lf.diagrams[0].nodes and crlf.diagrams[0].edges == lf.diagrams[0].edges
    assert "\r" not in crlf.text


def test_other_mermaid_types_and_unclosed_tags_are_warnings() -> None:
    text = (
        "Timestamp: 2024-01-01T00:00:00\nTitle: t\n\nDescription:\n"
        "```mermaid\nsequenceDiagram\n  Alice->>Bob: hi\n```\n"
        "<Mermaid_Diagram>\ngraph LR\n  a --> b\n\n"
        "Content:\n正文。\n"
    )
    n = PARSER.parse(Source(text))
    assert [len(d.nodes) for d in n.diagrams] == [0, 2]
    assert any("sequenceDiagram" in w and "line 6" in w for w in n.warnings)
    assert any("never closed" in w and "line 9" in w for w in n.warnings)
    assert [s.heading for s in n.sections if s.level == 1] == ["Description", "Content"]


def test_headers_only_and_unix_timestamp() -> None:
    n = PARSER.parse(Source("Timestamp: 1731490956\nTitle: 只有标题\nDuration: 4分28秒\n"))
    assert (n.date, n.duration) == ("2024-11-13", "PT4M28S")
    assert any("no 'Content:' block" in w for w in n.warnings)


def test_unreadable_timestamp_and_duration_are_warnings() -> None:
    n = PARSER.parse(Source("Timestamp: someday\nTitle: x\nDuration: long\n\nContent:\n正文。\n"))
    assert n.date is None and n.duration is None
    assert [w.split(":")[0] for w in n.warnings] == ["line 1", "line 3"]


def test_forced_on_plain_text_raises_with_a_line() -> None:
    with pytest.raises(ParseError) as info:
        careernarr.parse("\n我的离职记录\n\n今年三月我离职了。\n", format="transcript")
    assert info.value.line == 2
    assert info.value.expected is not None and "Timestamp" in info.value.expected


@pytest.mark.parametrize(
    ("url", "title", "want"),
    [
        ("https://www.youtube.com/watch?v=Xk3_9aB-2Qz&t=42s", None, ("Xk3_9aB-2Qz", "youtube")),
        ("https://youtu.be/Xk3_9aB-2Qz?si=abc", None, ("Xk3_9aB-2Qz", "youtube")),
        ("https://www.youtube.com/shorts/Xk3_9aB-2Qz", None, ("Xk3_9aB-2Qz", "youtube")),
        ("https://www.youtube-nocookie.com/embed/Xk3_9aB-2Qz", None, ("Xk3_9aB-2Qz", "youtube")),
        ("https://m.youtube.com/watch?feature=share&v=Xk3_9aB-2Qz", None, ("Xk3_9aB-2Qz", "youtube")),
        ("https://www.bilibili.com/video/BV1wEW5ehEpA/?p=2", None, ("BV1wEW5ehEpA", "bilibili")),
        ("https://www.bilibili.com/video/av170001", None, ("av170001", "bilibili")),
        ("https://b23.tv/MYCGBa1", "谈谈我的职场经历 BV1wEW5ehEpA", ("BV1wEW5ehEpA", "bilibili")),
        (None, "see https://youtu.be/Xk3_9aB-2Qz", ("Xk3_9aB-2Qz", "youtube")),
        ("https://www.youtube.com/watch?v=short", None, (None, None)),
        (None, "XBV1wEW5ehEpA is not an id", (None, None)),
        ("https://example.org/", "no id here", (None, None)),
    ],
)
def test_video_id(url: str | None, title: str | None, want: tuple[str | None, str | None]) -> None:
    assert video_id(url, title) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [("4:28", "PT4M28S"), ("1:02:03", "PT1H2M3S"), ("268", "PT4M28S"), ("PT4M28S", "PT4M28S"),
     ("1h 2m 3s", "PT1H2M3S"), ("4分28秒", "PT4M28S"), ("1小时5分钟", "PT1H5M"), ("12 min", "PT12M"),
     ("long", None), ("4:28 approx", None)],
)
def test_iso_duration(raw: str, want: str | None) -> None:
    assert iso_duration(raw) == want


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(alphabet=st.sampled_from(list("离职转行程序员木工 abcXYZ")), min_size=1, max_size=30).map(str.strip)
    .filter(bool),
    minutes=st.integers(0, 300), seconds=st.integers(0, 59), day=st.dates(),
    body=st.text(alphabet=st.sampled_from(list("我在公司工作了三年后离职。")), min_size=1, max_size=200),
)
def test_generated_transcripts(title: str, minutes: int, seconds: int, day: Any, body: str) -> None:
    stamp = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    text = (f"Timestamp: {stamp}T10:00:00\nTitle: {title}\nURL: https://b23.tv/x\nStatus: success\n"
            f"Duration: {minutes}:{seconds:02d}\n\nDescription:\n摘要。\n\nContent:\n{body}\n")
    assert PARSER.sniff(Source(text)) >= 0.95
    n = PARSER.parse(Source(text))
    assert (n.title, n.date) == (title, stamp)
    assert n.duration == iso_duration(f"{minutes}:{seconds:02d}")
    content = next(s for s in n.sections if s.role == "content")
    assert content.span.of(text).startswith("Content:")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    try:
        n = PARSER.parse(Source(text))
    except ParseError as exc:
        assert exc.line is not None
        return
    for span in n.spans():
        assert 0 <= span.start <= span.end <= len(n.text)
