"""Inputs shaped like the benchmark's: long single lines, documents glued together."""

from __future__ import annotations

import careernarr


def test_glued_documents_on_one_line_parse_with_every_span_in_the_text() -> None:
    pieces = [
        "# 年终总结 2023年3月我换了工作，开始带团队。 --- title: 筆記 --- 去年我離職了。",
        '<!DOCTYPE html> <html lang="en"> <head><title>Retro</title></head>',
        '<body><p>In 2021 I <a href="https://example.org/team">joined the platform team</a>.</p></body></html>',
    ]
    text = " ".join(pieces * 40)
    n = careernarr.parse(text)
    assert n.format != "html"
    assert n.text.strip() == text.strip()
    for item in (*n.time_expressions, *n.events, *n.reflections):
        assert 0 <= item.span.start < item.span.end <= len(n.text)
        assert item.text == n.text[item.span.start:item.span.end]
