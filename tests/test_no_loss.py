"""No loss: whatever parses keeps all of its text, valid spans, and survives JSON and script conversion.

SPEC's promise, as properties: every non-whitespace character of the decoded
input is in the narrative's text — for markup formats, every character of
the visible text; for front matter, of the body, with the metadata values
kept in ``metadata``. Spans lie in the text and quote it, JSON round-trips,
and a conversion to another script maps every span back onto the original.
"""

from __future__ import annotations

import os
from collections import Counter
from html import escape
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.errors import CareerNarrError
from careernarr.model import Narrative, Span
from careernarr.plugins import Host
from careernarr.source import read_source

EXAMPLES = int(os.environ.get("CAREERNARR_FUZZ_EXAMPLES", "40"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
HOST = Host.create(entry_points=False)
#: Formats whose text is the document as written (markup included).
PLAIN = ["article", "essay", "forum", "markdown", "text", "transcript"]


def _ink(text: str) -> Counter[str]:
    """The non-whitespace characters of ``text``, counted."""
    return Counter(ch for ch in text if not ch.isspace())


def _missing(expected: str, got: str) -> Counter[str]:
    return _ink(expected) - _ink(got)


def _check_spans(n: Narrative) -> None:
    for span in n.spans():
        assert 0 <= span.start <= span.end <= len(n.text)
    for item in (*n.time_expressions, *n.events, *n.reflections):
        assert n.text[item.span.start:item.span.end] == item.text
    careernarr.validate(n)
    assert careernarr.from_json(careernarr.to_json(n)) == n


# -- documents ----------------------------------------------------------------------------------

_WORDS = st.sampled_from([
    "2023年3月", "我离职了", "我離職了", "然后休息了三个月", "去年", "加班", "升职", "面试", "心理咨询",
    "I quit in March 2023", "took three months off", "burnout", "promotion", "@haha512", "#3",
    "摘要", "关键词", "Abstract", "Keywords", "Title:", "Content:", "---", "***", "# ", "## ", "> ", "- ", "1. ",
    "**粗体**", "`code`", "[链接](https://example.com/a)", "<b>x</b>", "&amp;", "Last updated 2024-01-01",
    "，", "。", "！", "？", "「", "」", "“", "”", "(", ")", "…", "——", "\t", "\u3000", "\u200b", "\u202e", "é",
])
_LINE = st.lists(st.one_of(_WORDS, st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                                           max_size=12)), min_size=1, max_size=8).map(" ".join)
_DOC = st.lists(st.one_of(_LINE, st.just(""), st.just("-" * 51)), min_size=1, max_size=14).map("\n".join)


@pytest.mark.parametrize("fmt", [None, *PLAIN])
@PROPERTY
@given(doc=_DOC)
def test_plain_formats_keep_every_character(fmt: str | None, doc: str) -> None:
    try:
        n = careernarr.parse(doc.encode("utf-8"), format=fmt, host=HOST)
    except CareerNarrError:
        return
    if n.format in PLAIN:
        assert not _missing(read_source(doc.encode("utf-8")).text, n.text)
    _check_spans(n)


_SNIPPET = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
_SAYING = st.one_of(_WORDS, _SNIPPET).filter(lambda s: s.strip() != "")


@PROPERTY
@given(blocks=st.lists(st.tuples(st.sampled_from(["p", "h1", "h2", "li", "blockquote", "td", "em", "div"]), _SAYING),
                       min_size=1, max_size=10))
def test_html_keeps_all_visible_text(blocks: list[tuple[str, str]]) -> None:
    body = "".join(
        f"<ul><li>{escape(s)}</li></ul>" if tag == "li" else
        f"<table><tr><td>{escape(s)}</td></tr></table>" if tag == "td" else
        f"<p><em>{escape(s)}</em></p>" if tag == "em" else f"<{tag}>{escape(s)}</{tag}>"
        for tag, s in blocks)
    page = (f"<!DOCTYPE html><html><head><title>t</title><script>var hidden = 1;</script>"
            f"<style>p {{ color: red }}</style></head><body><article>{body}</article></body></html>")
    try:
        n = careernarr.parse(page.encode("utf-8"), format="html", host=HOST)
    except CareerNarrError:
        assume(False)
        return
    visible = "".join(s for _, s in blocks)
    assert not _missing(visible, n.text), "visible text was dropped"
    assert "hidden" not in n.text and "color" not in n.text
    _check_spans(n)


_KEY = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(
    lambda k: k not in {"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_VALUE: st.SearchStrategy[Any] = st.one_of(
    _SNIPPET, st.integers(-10**6, 10**6), st.booleans(), st.lists(_SNIPPET, max_size=4),
    st.dictionaries(_KEY, _SNIPPET, max_size=3))


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


@PROPERTY
@given(fields=st.dictionaries(_KEY, _VALUE, min_size=1, max_size=8), body=_DOC)
def test_front_matter_keeps_the_body_and_every_value(fields: dict[str, Any], body: str) -> None:
    block = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    doc = f"---\n{block}---\n{body}\n"
    try:
        n = careernarr.parse(doc.encode("utf-8"), format="frontmatter", host=HOST)
    except CareerNarrError:
        assume(False)
        return
    assert not _missing(read_source(body.encode("utf-8")).text, n.text), "the body was dropped"
    kept = " ".join(_strings(dict(n.metadata)))
    for value in _strings(fields):
        assert not _missing(value, kept), f"front-matter value {value!r} was dropped"
    _check_spans(n)


# -- script conversion round trips spans -----------------------------------------------------------

_ZH_SENTENCES = st.sampled_from([
    "2023年我离职了，然后休息了三个月。", "后来我加入了一家软件公司，头发掉了不少。", "我学到了：身体最重要。",
    "去年年底老板找我谈话，说我的绩效不够好。", "这个项目的后台系统由我负责，加班到凌晨是常态。",
    "2022年初我從工程師轉做產品經理，花了半年適應。", "後來我去台北做產品經理，薪水少了一些。",
    "我在公司里面对着电脑发呆。", "In 2024 I joined a small studio.", "干了三年，终于升职为组长。",
])


@pytest.mark.parametrize("to", ["zh-Hant", "zh-TW", "zh-HK", "zh-Hans"])
@PROPERTY
@given(sentences=st.lists(_ZH_SENTENCES, min_size=1, max_size=8), data=st.data())
def test_script_conversion_round_trips_spans(to: str, sentences: list[str], data: st.DataObject) -> None:
    n = careernarr.parse(("我的经历\n\n" + "".join(sentences)).encode("utf-8"), host=HOST)
    c = careernarr.convert(n, to=to)
    conversion = c.conversion
    assert conversion is not None and conversion.original == n.text
    assert len(c.text) == conversion.converted_length
    _check_spans(c)
    assert not _missing(n.text, conversion.original)
    for group in ("sections", "time_expressions", "events", "reflections"):
        before, after = getattr(n, group), getattr(c, group)
        assert len(before) == len(after), f"{group} changed in number"
        for old, new in zip(before, after):
            back = conversion.to_original(new.span)
            assert back.start <= old.span.start and old.span.end <= back.end, f"{group}: {old.span} -> {back}"
    for _ in range(5):
        a = data.draw(st.integers(0, len(n.text)))
        b = data.draw(st.integers(a, len(n.text)))
        there = conversion.to_converted(Span(a, b))
        assert 0 <= there.start <= there.end <= len(c.text)
        back = conversion.to_original(there)
        assert back.start <= a and b <= back.end


def test_script_conversion_keeps_spans_on_a_length_changing_phrase() -> None:
    """OpenCC's zh-TW phrases change length (软件 -> 軟體, 鼠标 -> 滑鼠); spans still fit."""
    n = careernarr.parse("我的经历\n\n2021年我在一家软件公司做后端开发，每天对着鼠标和键盘加班到深夜。".encode(), host=HOST)
    c = careernarr.convert(n, to="s2twp")
    assert c.conversion is not None
    for old, new in zip(n.events, c.events):
        back = c.conversion.to_original(new.span)
        assert back.start <= old.span.start and old.span.end <= back.end
        assert new.text == c.text[new.span.start:new.span.end]
