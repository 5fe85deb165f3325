"""The self-contained HTML page, read back with lxml: content, layout, safety."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from export_fixtures import load, load_all
from lxml import html as lhtml

from careernarr.export.html import safe_url, to_html
from careernarr.export.timeline import build_timeline


def _page(narratives: object) -> lhtml.HtmlElement:
    return lhtml.document_fromstring(to_html(narratives))  # type: ignore[arg-type]


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_page_draws_every_dated_event_and_lists_every_event() -> None:
    narratives = load_all()
    tl = build_timeline(narratives)
    doc = _page(narratives)
    marks = doc.xpath("//svg//g[contains(@class, 'ev')]")
    assert len(marks) == len(tl.dated)
    rows = doc.xpath("//li[contains(@class, 'row')]")
    assert [r.get("data-id") for r in rows] == [e.id for e in tl.entries], "list in timeline order"
    undated = doc.xpath("//li[contains(@class, 'undated')]")
    assert len(undated) == len(tl.undated)
    assert doc.xpath("//div[@class='undated-head']")[0].text_content().startswith("Undated")
    details = doc.xpath("//article[@class='detail']")
    assert {d.get("data-for") for d in details} == {e.id for e in tl.entries}
    lanes = doc.xpath("//svg//text[@class='lane-label']")
    assert len(lanes) == 4


def test_ranges_are_bars_points_are_dots_and_approximations_are_marked() -> None:
    doc = _page(load("review-zh-hans"))
    by_when: dict[str, lhtml.HtmlElement] = {}
    for g in doc.xpath("//svg//g[contains(@class, 'ev')]"):
        row = doc.xpath(f"//li[@data-id='{g.get('data-id')}']")[0]
        by_when[row.xpath(".//div[@class='when']")[0].text] = g
    assert by_when["2023-05-08"].xpath("./circle[@class='m']"), "a day is a dot"
    bar = by_when["2023-10 – 2023-12"].xpath("./rect[@class='m']")
    assert bar and float(bar[0].get("width")) > 20, "a quarter is a bar"
    approx = by_when["c. 2021"]
    assert "approx" in approx.get("class")
    assert len(approx.xpath("./line[@class='fuzz']")) == 2, "whiskers out to the fuzzy bounds"


def test_detail_shows_evidence_in_context_and_its_source() -> None:
    doc = _page(load("review-zh-hans"))
    tl = build_timeline(load("review-zh-hans"))
    entry = next(e for e in tl.entries if e.event.when == "2023-10/2023-12")
    art = doc.xpath(f"//article[@data-for='{entry.id}']")[0]
    assert art.xpath(".//mark")[0].text == "2023年底，我通过了年度考核"
    assert "拿到了B+" in art.xpath(".//p[@class='context']")[0].text_content()
    facts = dict(zip([dt.text for dt in art.xpath(".//dt")], [dd.text_content() for dd in art.xpath(".//dd")]))
    assert facts["Phrase"] == "2023年底"
    assert facts["Source"].startswith("review-zh-hans.txt, line 13")
    assert facts["Range"] == "2023-10-01 → 2023-12-31"


def test_page_lists_reflections_by_kind_and_thread_replies() -> None:
    doc = _page(load_all())
    groups = [h.text for h in doc.xpath("//section[@id='reflections']//h3")]
    assert groups == ["Insight", "Advice", "Resolution", "Opinion"]
    quotes = [q.text for q in doc.xpath("//figure[@class='refl']/blockquote")]
    assert "轉職最難的不是技術，是放下原本的年資" in quotes
    cells = [td.text for td in doc.xpath("//table[@class='replies']//td")]
    assert cells[:4] == ["#2", "ambiguous: 小林 / kevin", "#1", "阿哲"]


def test_page_is_self_contained_and_locked_down() -> None:
    page = to_html(load_all())
    doc = lhtml.document_fromstring(page)
    assert not doc.xpath("//link|//img|//iframe|//object|//embed|//base")
    assert not doc.xpath("//*[@src]")
    scripts = doc.xpath("//script")
    styles = doc.xpath("//style")
    assert len(scripts) == 1 and len(styles) == 1
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    assert f"script-src {_sha(scripts[0].text)}" in csp
    assert f"style-src {_sha(styles[0].text)}" in csp
    assert not re.search(r"https?://(?!forum\.example\.tw|blog\.example\.com)", page), "no outside address"


def test_hostile_page_has_no_active_content_from_the_document() -> None:
    page = to_html(load("hostile"))
    doc = lhtml.document_fromstring(page)
    assert len(doc.xpath("//script")) == 1
    assert not doc.xpath("//iframe|//img|//a[starts-with(@href, 'javascript')]")
    for el in doc.iter():
        for name in el.attrib:
            assert not name.lower().startswith("on"), (el.tag, name)
    assert not doc.xpath("//style[position() > 1]")
    text = doc.text_content()
    assert "<script>window.__pwned='event'</script>" in text, "shown as words"
    assert "url (not a web link): javascript:window.__pwned='url'" in text


@pytest.mark.parametrize(
    ("url", "safe"),
    [("https://example.com/a?b=c", True), ("http://example.com", True), ("javascript:alert(1)", False),
     (" JavaScript:alert(1)", False), ("data:text/html,<b>", False), ("//example.com", False),
     ("https://", False), ("vbscript:x", False), (None, False)],
)
def test_safe_url(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) == safe


def test_page_without_events_says_so() -> None:
    n = load("blog-en").evolve(events=())
    doc = _page(n)
    assert "No events were found." in doc.text_content()
    assert doc.xpath("//figure[@class='refl']")
