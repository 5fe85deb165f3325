"""The Markdown report: GFM structure, time order, grouping, and inert text."""

from __future__ import annotations

import re

import pytest
from export_fixtures import load, load_all
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from careernarr.export.markdown import md_text, to_markdown

GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _tokens(md: str) -> list[Token]:
    out: list[Token] = []
    for tok in GFM.parse(md):
        out.append(tok)
        out.extend(tok.children or ())
    return out


def _section(md: str, heading: str) -> str:
    start = md.index(heading)
    nxt = re.search(r"^#{1,2} ", md[start + len(heading):], re.M)
    return md[start: start + len(heading) + (nxt.start() if nxt else len(md))]


def test_report_of_a_review_has_metadata_timeline_and_grouped_reflections() -> None:
    md = to_markdown(load("review-zh-hans"))
    assert md.startswith("# 我的2023：从外包到自研\n")
    assert "| Date | 2024-01-06 |" in md and "| Authors | 林小舟 |" in md
    timeline = _section(md, "## Timeline")
    rows = [line for line in timeline.splitlines() if line.startswith("| ") and "|---" not in line][1:]
    whens = [r.split(" | ")[1] for r in rows if not r.startswith("| #")]
    assert whens[:3] == ["2021\\~", "2023-01/2023-03", "2023-03"]
    assert "(2023年底)" in timeline, "the document's own phrase is shown"
    undated = _section(md, "### Undated events")
    assert "和产品经理在会上吵了起来" in undated and "| undated |" in undated
    assert md.index("### Insights (1)") < md.index("### Advice (1)") < md.index("### Resolutions (1)")
    assert "> 技能要跟着业务走，而不是跟着工具走" in md


def test_report_of_a_thread_says_who_replied_to_whom() -> None:
    md = to_markdown(load("thread-zh-hant"))
    thread = _section(md, "## Thread")
    assert "6 posts by 3 named authors" in thread
    assert "| 樓主 | 2 | #0, #5 |" in thread
    assert "| #2 | ambiguous: 小林 / kevin | #1 | 阿哲 |" in thread
    assert "| #4 | unknown | #3 | mei\\_dev |" in thread
    assert "— 阿哲 · themes: career change" in md, "a reflection names its speaker"


@pytest.mark.parametrize("name", ["review-zh-hans", "thread-zh-hant", "blog-en", "hostile"])
def test_report_renders_as_clean_gfm(name: str) -> None:
    n = load(name)
    md = to_markdown(n)
    toks = _tokens(md)
    types = {t.type for t in toks}
    assert not types & {"html_inline", "html_block", "link_open", "image", "code_inline", "fence"}
    tables = [t for t in toks if t.type == "table_open"]
    assert len(tables) >= 2
    # every table row has as many cells as its header
    md_tables = GFM.parse(md)
    width = None
    for tok in md_tables:
        if tok.type == "tr_open":
            width = 0
        elif tok.type in ("th_open", "td_open"):
            assert width is not None
            width += 1
        elif tok.type == "tr_close":
            assert width in (2, 3, 4, 6)
    # every event's evidence is in the report, read back as plain text
    text = " ".join(t.content for t in toks if t.type == "text")
    for e in n.events:
        assert " ".join(e.text.split()) in text


def test_hostile_report_keeps_markup_as_text() -> None:
    md = to_markdown(load("hostile"))
    rendered = GFM.render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "&lt;script&gt;window.__pwned='event'&lt;/script&gt;" in rendered
    assert "javascript:" in rendered  # shown, never linked
    assert 'href="javascript' not in rendered


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_md_text_is_read_back_literally(text: str) -> None:
    flat = " ".join(text.split())
    toks = _tokens(f"- {md_text(text)}\n") if flat else []
    if not flat:
        assert md_text(text) == ""
        return
    kinds = {t.type for t in toks}
    assert kinds <= {"bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
                     "paragraph_open", "paragraph_close", "inline", "text"}, kinds
    inline = next(t for t in toks if t.type == "inline")
    assert "".join(c.content for c in inline.children or ()) == flat.replace("\x00", "\ufffd")


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("a|*_`[]()<>#!~&\\-+=1. \n:")), max_size=30))
def test_md_text_in_a_table_cell_stays_one_cell(text: str) -> None:
    md = f"| a | b |\n|---|---|\n| {md_text(text) or ' '} | x |\n"
    toks = GFM.parse(md)
    assert sum(1 for t in toks if t.type == "td_open") == 2
