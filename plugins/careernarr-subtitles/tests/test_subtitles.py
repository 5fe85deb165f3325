"""careernarr-subtitles: the contract kit, what SRT and WebVTT files turn into, and bad files."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import careernarr
import pytest
import srt
from careernarr.errors import ParseError
from careernarr.source import read_source
from careernarr.testing import check_parser, sample
from hypothesis import given, settings
from hypothesis import strategies as st

from careernarr_subtitles import SrtParser, WebVttParser

FIXTURES = Path(__file__).parent / "fixtures"
SRT_FILES = sorted(p for p in FIXTURES.glob("*.srt") if not p.name.startswith("bad-"))
VTT_FILES = sorted(p for p in FIXTURES.glob("*.vtt") if not p.name.startswith("bad-"))
PTT_LIKE = "作者: hsinchu_fw (阿哲) 看板: Tech_Job\n標題: [心得] 轉職一年\n時間: Tue Oct  8 22:01:13 2024\n\n內文\n"


def visible(path: Path) -> str:
    """The words a viewer sees: all but cue numbers/identifiers, timings, headers, NOTE/STYLE blocks."""
    text = read_source(path).text
    out = []
    skipping = text.startswith("WEBVTT")  # the header block
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            skipping = False
            continue
        identifier = i + 1 < len(lines) and "-->" in lines[i + 1]
        if skipping or identifier or "-->" in line:
            continue
        if line.split(" ")[0] in ("NOTE", "STYLE", "REGION"):
            skipping = True
            continue
        out.append(line)
    return "\n".join(out)


def test_srt_parser_keeps_the_contract() -> None:
    narratives = check_parser(
        SrtParser(),
        [sample(p, visible_text=visible(p)) for p in SRT_FILES],
        others=[*VTT_FILES, PTT_LIKE],
        bad=sorted(FIXTURES.glob("bad-*.srt")),
    )
    assert [n.format for n in narratives] == ["srt"] * len(SRT_FILES)


def test_webvtt_parser_keeps_the_contract() -> None:
    narratives = check_parser(
        WebVttParser(),
        [sample(p, visible_text=visible(p)) for p in VTT_FILES],
        others=[*SRT_FILES, PTT_LIKE],
        bad=sorted(FIXTURES.glob("bad-*.vtt")),
    )
    assert [n.format for n in narratives] == ["webvtt"] * len(VTT_FILES)


def test_srt_cues_become_lines_with_their_timings() -> None:
    n = SrtParser().parse(read_source(FIXTURES / "en-interview-crlf-bom.srt"))
    assert n.text.startswith("So I was at the bank for eleven years.\n<i>Eleven years.</i> Same desk,\nsame badge.\n")
    cues = n.metadata["cues"]
    assert [c["index"] for c in cues] == [1, 2, 3, 4, 5, 6]
    assert cues[1]["start"] == 4.5 and cues[1]["end"] == 8
    assert cues[1]["settings"] == "X1:100 X2:600 Y1:50 Y2:100"
    assert n.quote(cues[4]["span"]) == "- Were you scared?\n- Terrified. I had a mortgage."
    assert [s.role for s in n.sections] == ["cue"] * 6
    assert n.sections[2].heading == "00:00:08.250 --> 00:00:12.900"
    assert n.quote(n.sections[2].span) == "In 2019 I finally asked for a transfer\nto the data team, and they said no."
    assert n.duration == "PT1M5.5S"
    assert "\r" not in n.text and "\ufeff" not in n.text


def test_srt_without_cue_numbers_numbers_cues_in_order() -> None:
    n = careernarr.parse(FIXTURES / "zh-hans-vlog.srt", extract=False)
    assert n.format == "srt"
    assert [c["index"] for c in n.metadata["cues"]] == [1, 2, 3, 4, 5, 6]
    assert n.metadata["cues"][1]["line"] == 4
    assert n.quote(n.sections[1].span) == "今天想聊聊我2023年裸辞之后\n这一年多是怎么过来的"
    assert n.duration == "PT1M2.75S"


def test_webvtt_keeps_identifiers_settings_voices_notes_and_styles() -> None:
    n = WebVttParser().parse(read_source(FIXTURES / "zh-hant-podcast.vtt"))
    assert n.title == "轉職心得：從工程師到產品經理"
    cues = n.metadata["cues"]
    assert cues[0]["identifier"] == "intro-1"
    assert cues[0]["settings"] == "line:90% align:center"
    assert cues[0]["voice"] == "主持人" and cues[1]["voice"] == "阿哲"
    assert "identifier" not in cues[2]
    assert n.quote(cues[1]["span"]) == "<v 阿哲>大家好，我在竹科當了七年韌體工程師，\n去年十月轉成產品經理。"
    assert n.metadata["notes"] == ["這一集錄於 2024 年 11 月，來賓要求隱去公司名稱。", "下面這段來賓講得比較快"]
    assert n.metadata["styles"] == ['::cue(v[voice="主持人"]) { color: yellow }']
    assert "NOTE" not in n.text and "::cue" not in n.text
    assert n.sections[-1].heading == "00:01:10.000 --> 00:01:15.250"
    assert n.duration == "PT1M15.25S"


def test_webvtt_header_fields_and_cues_without_blank_lines() -> None:
    n = careernarr.parse(FIXTURES / "en-vlog-youtube.vtt", extract=False)
    assert n.format == "webvtt"
    assert n.metadata["header_fields"] == {"Kind": "captions", "Language": "en"}
    assert len(n.metadata["cues"]) == 4  # the first two cues have no blank line between them
    assert n.text.split("\n")[:2] == [
        "hi everyone, today is my last day at the startup",
        "we raised our series A in 2021 and I led the mobile team",
    ]
    assert n.metadata["cues"][0]["settings"] == "align:start position:0%"


def test_webvtt_accepts_comma_and_short_timestamps_and_keeps_stray_text_with_its_cue() -> None:
    text = "WEBVTT\n\n00:01,5 --> 00:04\nFirst line.\n\nsecond paragraph of the same cue\n\n00:05.000 --> 00:06.000\nLast.\n"
    n = WebVttParser().parse(read_source(text))
    assert n.metadata["cues"][0]["start"] == 1.5 and n.metadata["cues"][0]["end"] == 4
    assert n.quote(n.sections[0].span) == "First line.\n\nsecond paragraph of the same cue"
    assert n.warnings and "line 6" in n.warnings[0]


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("bad-arrow.srt", 6, "timing line"),
        ("bad-prose-first.srt", 1, "not a subtitle cue"),
        ("bad-end-time.srt", 2, "end time"),
        ("bad-no-header.vtt", 1, "WEBVTT"),
        ("bad-minutes.vtt", 6, "timestamp"),
        ("bad-text-before-cue.vtt", 3, "outside any cue"),
    ],
)
def test_malformed_files_name_the_line(name: str, line: int, words: str) -> None:
    parser = SrtParser() if name.endswith(".srt") else WebVttParser()
    with pytest.raises(ParseError) as info:
        parser.parse(read_source(FIXTURES / name))
    assert info.value.line == line
    assert words in str(info.value)
    with pytest.raises(careernarr.CareerNarrError, match=re.escape(name)):
        careernarr.parse(FIXTURES / name, format=parser.name)


_cue_text = st.lists(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: s and "-->" not in s and not s.isdigit()),
    min_size=1, max_size=3,
).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 10**5), _cue_text), min_size=1, max_size=8))
def test_any_composed_srt_reads_back_cue_by_cue(cues: list[tuple[int, int, str]]) -> None:
    subs = [srt.Subtitle(i + 1, timedelta(milliseconds=s), timedelta(milliseconds=s + d), t)
            for i, (s, d, t) in enumerate(cues)]
    n = SrtParser().parse(read_source(srt.compose(subs, reindex=False)))
    assert [n.quote(c["span"]) for c in n.metadata["cues"]] == [t for _, _, t in cues]
    assert [round(c["start"] * 1000) for c in n.metadata["cues"]] == [s for s, _, _ in cues]
    assert n.text == "\n".join(t for _, _, t in cues)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 10**5), _cue_text), min_size=1, max_size=8))
def test_any_written_webvtt_reads_back_cue_by_cue(cues: list[tuple[int, int, str]]) -> None:
    def clock(ms: int) -> str:
        return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"

    body = "".join(f"\n{clock(s)} --> {clock(s + d)}\n{t}\n" for s, d, t in cues)
    n = WebVttParser().parse(read_source("WEBVTT\n" + body))
    assert [n.quote(s.span) for s in n.sections] == [t for _, _, t in cues]
    assert [s.heading for s in n.sections] == [f"{clock(s)} --> {clock(s + d)}" for s, d, _ in cues]
