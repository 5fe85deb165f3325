"""The ``html`` parser: saved web pages, chrome removed, text built block by block."""

from __future__ import annotations

import html as html_escape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

import careernarr
from careernarr.errors import ParseError
from careernarr.model import Narrative
from careernarr.parsers.html import HtmlParser
from careernarr.plugins import Host
from careernarr.source import Source, read_source

HERE = Path(__file__).parent / "fixtures" / "html"
PARSER = HtmlParser()

EXPECTED: dict[str, dict[str, Any]] = {
    "blog-post-en.html": {
        "title": "Quitting my FAANG job after 7 years",  # og:title, not the <title> with the site name
        "date": "2023-09-14",
        "authors": ("Rowan Patel",),  # article:author is a profile URL: kept in metadata only
        "url": "https://rowan.example.com/blog/quitting-after-seven-years/",
        "summary": "Seven years, four managers, one burnout, and the decision to leave.",
        "keywords": ("career change", "burnout", "big tech"),
        "tags": ("career", "burnout"),
        "headings": [(1, "Quitting my FAANG job after 7 years"), (2, "The good years"),
                     (2, "The slow slide"), (3, "Warning signs I ignored"),
                     (2, "What I would tell my younger self")],
        "links": ("https://example.com/people/lena", "https://rowan.example.com/blog/2022/sabbatical/"),
        "content": "article",
        "gone": ["Rowan Writes", "Popular posts", "© 2023", "Subscribe", "dataLayer", "font-family",
                 "enable JavaScript", "loadAd", "About"],
    },
    "article-zh-hant.html": {
        "title": "護理師的第十年：我為什麼離開醫院",  # JSON-LD headline before the <title> with the site name
        "date": "2022-05-12",
        "authors": ("黃雅婷",),
        "url": "https://career.example.tw/stories/nurse-ten-years",
        "summary": "在醫學中心工作十年的護理師，談輪班、過勞與轉職長照的決定。",
        "keywords": ("護理", "過勞", "轉職", "長照"),
        "tags": (),
        "headings": [(1, "護理師的第十年：我為什麼離開醫院"), (2, "輪班的代價"), (2, "轉職長照"),
                     (2, "給學弟妹的話")],
        "links": ("https://career.example.tw/glossary/long-term-care",),
        "content": "main",
        "gone": ["登入", "分享", "隱私權政策", "隱藏的編輯備註"],
    },
    "column-zh-hans.html": {
        "title": "三十五岁，被优化之后",
        "date": "2023-11-02",
        "authors": ("周默",),
        "url": None,
        "summary": None,
        "keywords": (),
        "tags": (),
        "headings": [(2, "一、通知"), (2, "二、之后的三个月"), (2, "三、现在")],
        "links": ("https://column.example.cn/2023/11/freelance.html",),  # resolved against <base>
        "content": "div",
        "gone": ["首页", "专栏", "备案号"],
    },
}

_INVISIBLE = ("script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "button")


def _parse(name: str) -> Narrative:
    return PARSER.parse(read_source(HERE / name))


def _visible(name: str, content: str) -> str:
    """The visible characters of the page's content element, found with plain lxml."""
    doc = lxml_html.fromstring((HERE / name).read_bytes())
    root = next(el for el in doc.iter(content)
                if content != "div" or el.get("role") == "main")
    for el in list(root.iter(*_INVISIBLE)):
        el.drop_tree()
    for el in [el for el in root.iter() if el.get("hidden") is not None]:
        el.drop_tree()
    return "".join("".join(root.itertext()).split())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields_sections_and_links(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    assert n.format == "html"
    for key in ("title", "date", "authors", "url", "summary", "keywords", "tags", "links"):
        assert getattr(n, key) == want[key], key
    assert [(s.level, s.heading) for s in n.sections if s.role == "body"] == want["headings"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_visible_text_is_lost_and_chrome_is_gone(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    assert "".join(n.text.split()) == _visible(name, want["content"])
    for chrome in want["gone"]:
        assert chrome not in n.text, chrome


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_section_spans_start_with_their_heading(name: str) -> None:
    n = _parse(name)
    for section in n.sections:
        words = n.quote(section.span)
        assert words == words.strip()
        if section.heading is not None:
            assert words.startswith(section.heading)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_validated_and_round_tripped(name: str, host: Host) -> None:
    n = careernarr.parse(HERE / name, host=host)
    assert n.format == "html"
    careernarr.validate(n)
    assert careernarr.from_json(careernarr.to_json(n)) == n


def test_text_has_blank_lines_between_blocks_and_collapsed_spaces() -> None:
    n = _parse("blog-post-en.html")
    assert "I joined in 2016 as a new grad. I left last month with a director title, a stack" in n.text
    assert "\n\nInsomnia before every quarterly planning\n\nSnapping at my partner" in n.text
    assert "  " not in n.text


def test_tables_keep_rows_and_cells_and_pre_is_verbatim() -> None:
    assert "每週工時\t五十五小時\t四十小時" in _parse("article-zh-hant.html").text
    n = _parse("column-zh-hans.html")
    code = [s for s in n.sections if s.role == "code"]
    assert len(code) == 1
    assert n.quote(code[0].span) == "时间线：\n  2023-10  被裁员\n  2024-01  入职新公司"


def test_every_meta_tag_is_kept_in_metadata() -> None:
    n = _parse("blog-post-en.html")
    meta = n.metadata["meta"]
    assert meta["article:author"] == "https://social.example.com/rowan"
    assert meta["article:tag"] == ["career", "burnout"]
    assert meta["charset"] == "utf-8"
    assert n.metadata["title"] == "Quitting my FAANG job after 7 years | Rowan Writes"
    assert n.metadata["canonical"] == "https://rowan.example.com/blog/quitting-after-seven-years/"
    assert n.metadata["lang"] == "en"
    assert n.metadata["removed"]["header"] == 1 and n.metadata["removed"]["script"] == 2
    ld = _parse("article-zh-hant.html").metadata["json_ld"]
    assert ld[0]["@type"] == "NewsArticle"


def test_time_element_dates_a_page_without_date_meta() -> None:
    page = ("<!doctype html><html><head><title>t</title></head><body><article><h1>轉職</h1>"
            "<p><time datetime='2021-06-30T08:00'>去年夏天</time>我離開了銀行。</p></article></body></html>")
    n = PARSER.parse(Source(page))
    assert n.date == "2021-06-30"
    assert n.title == "t"


def test_a_page_of_scripts_only_is_a_clear_error() -> None:
    page = "<!DOCTYPE html><html><head><title>App</title></head><body><div id=app></div><script>render()</script></body></html>"
    with pytest.raises(ParseError) as info:
        careernarr.parse(page, format="html")
    assert "no readable text" in str(info.value)
    assert info.value.expected is not None


def test_content_nested_beyond_the_parser_limit_is_reported() -> None:
    deep = "<div>" * 3000 + "深处" + "</div>" * 3000
    n = PARSER.parse(Source(f"<!DOCTYPE html><html><body><p>浅处</p>{deep}</body></html>"))
    assert "浅处" in n.text
    assert "深处" in n.text or any("nest too deeply" in w for w in n.warnings)


def test_lone_surrogates_are_replaced_with_notice() -> None:
    n = PARSER.parse(Source("<html><body><p>離職\ud800之後</p></body></html>"))
    assert n.text == "離職\ufffd之後"
    assert any("surrogate" in w for w in n.warnings)


def test_entities_are_never_resolved_from_outside() -> None:
    page = ('<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n'
            "<html><body><p>before &e; after</p></body></html>")
    n = PARSER.parse(Source(page))
    assert "before" in n.text and "after" in n.text
    assert "localhost" not in n.text


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("<!DOCTYPE html>\n<html><body>x</body></html>", 0.95),
        ("<?xml version='1.0'?>\n<!-- saved -->\n<html lang=zh>", 0.95),
        ("<div><p>一</p><p>二</p><p>三</p></div>", 0.6),
        ("# Markdown\n\n<a href='x'>link</a> and text", 0.0),
        ("正文里提到 <b>粗体</b>。", 0.0),
    ],
)
def test_sniff_scores(text: str, score: float) -> None:
    assert PARSER.sniff(Source(text)) == score


# -- properties -----------------------------------------------------------------

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=40)
_block = st.one_of(
    st.tuples(st.sampled_from(["h1", "h2", "h3", "h4"]), _text),
    st.tuples(st.sampled_from(["p", "li", "blockquote", "div"]), _text),
)


@settings(max_examples=80, deadline=None)
@given(blocks=st.lists(_block, min_size=1, max_size=10))
def test_generated_pages_keep_every_visible_character(blocks: list[tuple[str, str]]) -> None:
    body = "".join(f"<{tag}>{html_escape.escape(words)}</{tag}>" for tag, words in blocks)
    visible = "".join("".join(words for _, words in blocks).split())
    if not visible:
        return
    n = PARSER.parse(Source(f"<!DOCTYPE html><html><body><article>{body}</article></body></html>"))
    assert "".join(n.text.split()) == visible
    headings = [" ".join(words.split()) for tag, words in blocks if tag.startswith("h") and words.strip()]
    assert [s.heading for s in n.sections] == headings
    for s in n.sections:
        assert n.quote(s.span).startswith(s.heading or "")
