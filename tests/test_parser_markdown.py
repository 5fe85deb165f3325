"""The ``markdown`` parser: headings (ATX and Setext), links (Markdown and raw HTML), text verbatim."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.model import Narrative
from careernarr.parsers.markdown import MarkdownParser, read_markdown
from careernarr.plugins import Host
from careernarr.source import Source, read_source

HERE = Path(__file__).parent / "fixtures" / "markdown"
PARSER = MarkdownParser()

EXPECTED: dict[str, dict[str, Any]] = {
    "career-log-en.md": {
        "title": "Career Log 2019–2024",
        "headings": [(1, "Career Log 2019–2024"), (2, "Starting out"), (2, "2021: the reorg"),
                     (3, "What I did about it"), (2, "2024: going independent")],
        "links": ("https://alex.example.net/", "https://wiki.example.net/onboarding",
                  "https://example.org/essays/first-job", "/archive/2020.html",
                  "https://alex.example.net/2024/independent"),
    },
    "study-notes-zh-hant.md": {
        "title": "讀研還是工作？我的選擇筆記",
        "headings": [(1, "讀研還是工作？我的選擇筆記"), (2, "選項一：直接就業"), (2, "選項二：繼續讀研究所"),
                     (2, "最後的決定")],
        "links": ("https://example.tw/grad-or-work", "https://blog.example.tw/decision"),
    },
    "weekly-review-zh-hans.md": {
        "title": None,  # no heading: no title is made up
        "headings": [],
        "links": (),
    },
}


def _parse(name: str) -> Narrative:
    return PARSER.parse(read_source(HERE / name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields_sections_and_links(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    assert n.format == "markdown"
    assert n.title == want["title"]
    assert [(s.level, s.heading) for s in n.sections if s.role == "body"] == want["headings"]
    assert n.links == want["links"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_is_the_source_verbatim_and_spans_start_at_headings(name: str) -> None:
    n = _parse(name)
    assert n.text == (HERE / name).read_text(encoding="utf-8")
    for section in n.sections:
        words = n.quote(section.span)
        assert words and words == words.rstrip()
        if section.heading is not None:
            assert words.split("\n", 1)[0].lstrip("#").strip() == section.heading


@pytest.mark.parametrize("name", ["career-log-en.md", "study-notes-zh-hant.md"])
def test_detected_validated_and_round_tripped(name: str, host: Host) -> None:
    n = careernarr.parse(HERE / name, host=host)
    assert n.format == "markdown"
    careernarr.validate(n)
    assert careernarr.from_json(careernarr.to_json(n)) == n


def test_sections_nest_by_level() -> None:
    n = _parse("career-log-en.md")
    by_heading = {s.heading: s.span for s in n.sections}
    assert by_heading["2021: the reorg"].contains(by_heading["What I did about it"])
    assert not by_heading["2021: the reorg"].contains(by_heading["2024: going independent"])
    assert by_heading["Career Log 2019–2024"].end == len(n.text.rstrip())


def test_headings_in_code_blocks_are_code_not_sections() -> None:
    n = _parse("career-log-en.md")
    code = [s for s in n.sections if s.role == "code"]
    assert len(code) == 1
    assert n.quote(code[0].span).startswith("```bash\n# not a heading")
    assert all(not (s.heading or "").startswith("not a heading") for s in n.sections)


def test_javascript_links_in_html_blocks_are_skipped() -> None:
    n = _parse("career-log-en.md")
    assert not any(link.lower().startswith("javascript:") for link in n.links)


def test_inline_html_links_and_link_targets_stay_as_written() -> None:
    text = "# 链接\n\n见 <a href=\"https://example.cn/文章\">这里</a> 和 [维基](https://zh.wikipedia.org/wiki/職業)。\n"
    n = PARSER.parse(Source(text))
    assert n.links == ("https://example.cn/文章", "https://zh.wikipedia.org/wiki/職業")


def test_heading_words_drop_emphasis_and_code_marks() -> None:
    found = read_markdown("## **重点**：`996` 与 *倦怠*\n\ntext\n")
    assert [s.heading for s in found.sections] == ["重点：996 与 倦怠"]


def test_first_h1_wins_over_an_earlier_lower_heading() -> None:
    assert read_markdown("### intro\n\n# 真正的标题\n").title == "真正的标题"
    assert read_markdown("## only h2\n").title == "only h2"


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("# 标题\n\n正文", 0.5),
        ("Title\n=====\n\ntext", 0.5),
        ("Some **bold** text and a [link](https://x.org).", 0.5),
        ("- item one\n- item two\n\n> quoted", 0.5),
        ("Only one construct: **bold**.", 0.2),
        ("二零二五似云烟，低谷高峰一线牵。\n\n这是我的总结。", 0.0),
    ],
)
def test_sniff_scores(text: str, score: float) -> None:
    assert PARSER.sniff(Source(text)) == score


# -- properties -----------------------------------------------------------------

_words = st.text(st.characters(categories=("L", "N"), exclude_characters="\u2028\u2029"), min_size=1, max_size=12)
_heading = st.tuples(st.integers(1, 6), st.lists(_words, min_size=1, max_size=3).map(" ".join))
_para = st.lists(_words, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(blocks=st.lists(st.one_of(_heading, _para), max_size=12))
def test_generated_headings_all_become_sections(blocks: list[Any]) -> None:
    lines = [("#" * b[0] + " " + b[1]) if isinstance(b, tuple) else b for b in blocks]
    text = "\n\n".join(lines) + "\n"
    n = PARSER.parse(Source(text))
    assert n.text == text
    want = [(b[0], b[1]) for b in blocks if isinstance(b, tuple)]
    assert [(s.level, s.heading) for s in n.sections] == want
    for i, s in enumerate(n.sections):
        assert n.quote(s.span).startswith("#" * s.level + " " + (s.heading or ""))
        later = n.sections[i + 1 :]
        stop = next((t for t in later if t.level <= s.level), None)
        # A section holds every deeper heading up to the next one of its level or higher.
        for t in later:
            if stop is not None and t is stop:
                assert s.span.end <= t.span.start
                break
            assert s.span.contains(t.span)
