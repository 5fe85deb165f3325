"""careernarr-ptt: the contract kit, header/body/footer, push comments as posts, odd copies."""

from __future__ import annotations

from pathlib import Path

import careernarr
import pytest
from careernarr.errors import ParseError
from careernarr.source import read_source
from careernarr.testing import check_parser
from hypothesis import given, settings
from hypothesis import strategies as st

from careernarr_ptt import PttParser

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = sorted(p for p in FIXTURES.glob("*.txt") if p.name != "not-ptt.txt")
SRT_LIKE = "1\n00:00:01,000 --> 00:00:03,000\n我在竹科待了七年。\n"


def parse(name: str) -> careernarr.Narrative:
    return PttParser().parse(read_source(FIXTURES / name))


def test_ptt_parser_keeps_the_contract() -> None:
    narratives = check_parser(PttParser(), GOOD, others=[SRT_LIKE], bad=[FIXTURES / "not-ptt.txt"])
    for n in narratives:
        assert n.format == "ptt" and n.authors and n.date


def test_header_body_footer_and_metadata() -> None:
    n = parse("tech-job-xinde.txt")
    assert n.authors == ("fwengineer",)
    assert n.metadata["nickname"] == "韌體人生" and n.metadata["board"] == "Tech_Job"
    assert n.title == "[心得] 竹科七年，離職前的一些想法" and n.metadata["category"] == "心得"
    assert n.date == "2024-12-14" and n.metadata["time"] == "2024-12-14T23:41:07"
    assert n.url == "https://www.ptt.cc/bbs/Tech_Job/M.1734190867.A.3F2.html"
    assert n.metadata["ip"] == "36.228.101.17" and n.metadata["ip_place"] == "臺灣"
    roles = {s.role: n.quote(s.span) for s in n.sections}
    assert roles["body"].startswith("2017年碩士畢業後") and roles["body"].endswith("年終再多也換不回來。")
    assert roles["signature"] == "人生不是只有工作"
    assert roles["footer"].startswith("※ 發信站") and roles["footer"].endswith("3F2.html")
    assert roles["comments"].startswith("推 chipgod") and roles["comments"].endswith("02/10 12:30")
    assert n.metadata["edits"] == [{"author": "fwengineer", "line": 26, "from": "36.228.101.17 臺灣",
                                    "time": "12/15/2024 09:02:11"}]


def test_push_lines_become_posts_dated_across_the_new_year() -> None:
    n = parse("tech-job-xinde.txt")
    assert [p.floor for p in n.posts] == list(range(8))
    article = n.posts[0]
    assert article.author == "fwengineer" and n.quote(article.span).startswith("作者: fwengineer")
    assert article.time == "2024-12-14T23:41:07"
    comments = n.posts[1:]
    assert [p.author for p in comments] == ["chipgod", "nightowl88", "nightowl88", "grindset",
                                            "hsinchu_mama", "oldbird", "chipgod"]
    assert [p.stance for p in comments] == ["push", "push", "neutral", "boo", "push", "neutral", "push"]
    assert [n.quote(p.span) for p in comments[:2]] == ["推 身體最重要", "恭喜脫離苦海"]
    assert n.quote(comments[4].span) == "同樣住過院 真的要保重"
    assert [p.time for p in comments] == ["2024-12-14T23:45", "2024-12-15T00:12", "2024-12-15T00:13",
                                          "2024-12-15T08:30", "2024-12-28T21:07", "2025-01-01T00:03",
                                          "2025-02-10T12:30"]
    assert n.metadata["push_counts"] == {"push": 4, "boo": 1, "neutral": 2}
    assert [p.get("ip") for p in n.metadata["pushes"]][4:6] == ["111.243.5.8", "1.169.22.40"]


def test_reply_with_quote_and_telnet_spacing() -> None:
    n = parse("re-salary-quote.txt")
    assert n.authors == ("lazycat",) and n.metadata["board"] == "Salary"
    assert n.title == "Re: [請益] 30歲轉職軟體工程師還來得及嗎"
    assert n.metadata["category"] == "請益" and n.metadata["reply"] is True
    quote = n.metadata["quotes"][0]
    assert quote["author"] == "careerlost" and quote["nickname"] == "迷途"
    assert n.quote(quote["span"]).endswith(": 請問這個年紀還來得及嗎？")
    quotes = [s for s in n.sections if s.role == "quote"]
    assert len(quotes) == 1 and n.quote(quotes[0].span).startswith("※ 引述《careerlost")
    assert [p.time for p in n.posts[1:]] == ["2025-03-10T09:30", "2025-03-10T10:02", "2025-03-10T10:03"]


def test_web_page_copy_with_keys_on_their_own_lines_and_crlf() -> None:
    n = careernarr.parse(FIXTURES / "web-copy-crlf.txt", extract=False)
    assert n.format == "ptt"
    assert n.authors == ("mountaindew",) and n.metadata["nickname"] == "阿露"
    assert n.metadata["board"] == "Soft_Job" and n.date == "2025-07-01"
    assert n.title == "[心得] 裸辭半年後找到遠端工作"
    assert [(p.author, p.stance) for p in n.posts[1:]] == [
        ("remote4life", "push"), ("trolltw", "boo"), ("mountaindew", "neutral")]


def test_forwarded_article_keeps_the_forwarder_and_nested_article() -> None:
    n = parse("forwarded.txt")
    assert n.authors == ("boardbot",)
    assert n.metadata["forwarded_from"] == {"board": "Salary", "article": "#1eXyZ2aB"}
    assert n.metadata["forwarded_by"] == "boardbot"
    body = next(s for s in n.sections if s.role == "body")
    assert "九月初公司說要組織調整" in n.quote(body.span)
    assert n.posts[1].time == "2025-10-02T11:40"


def test_article_without_header_is_read_with_a_warning() -> None:
    text = "上週被主管約談，說我的績效不夠。\n\n推 coworker: 加油 03/02 18:00\n噓 anon: 真假 03/02 19:12\n"
    n = PttParser().parse(read_source(text))
    assert n.authors == () and n.date is None and n.warnings
    assert [(p.author, p.time) for p in n.posts[1:]] == [("coworker", None), ("anon", None)]


def test_text_that_is_not_ptt_is_a_parse_error_with_a_line() -> None:
    with pytest.raises(ParseError) as info:
        parse("not-ptt.txt")
    assert info.value.line == 1 and "PTT" in str(info.value)


def test_simplified_header_from_a_converter() -> None:
    text = "作者: oldbird (老鳥) 看板: Salary\n标题: [心得] 转职一年\n时间: Fri Jan 10 08:00:00 2025\n\n正文。\n"
    n = PttParser().parse(read_source(text))
    assert n.title == "[心得] 转职一年" and n.date == "2025-01-10"
    assert PttParser().sniff(read_source(text)) > 0.9


_user = st.from_regex(r"[a-z][a-z0-9_]{1,11}", fullmatch=True)
_words = st.text(st.characters(whitelist_categories=("Lo", "Ll", "Nd")), min_size=1, max_size=20)
_push = st.tuples(st.sampled_from("推噓→"), _user, _words, st.integers(1, 12), st.integers(1, 28),
                  st.integers(0, 23), st.integers(0, 59))


@settings(max_examples=60, deadline=None)
@given(st.lists(_push, min_size=1, max_size=12), st.integers(1, 12))
def test_any_push_list_reads_back_in_order_with_non_decreasing_times(
    pushes: list[tuple[str, str, str, int, int, int, int]], month: int
) -> None:
    head = f"作者: someone (某人) 看板: Tech_Job\n標題: [心得] 測試\n時間: Mon {['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'][month-1]}  1 10:00:00 2024\n\n內文\n\n--\n※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.2.3.4 (臺灣)\n"
    lines = [f"{tag} {user}: {words} {mo:02d}/{d:02d} {h:02d}:{mi:02d}" for tag, user, words, mo, d, h, mi in pushes]
    n = PttParser().parse(read_source(head + "\n".join(lines) + "\n"))
    got = n.posts[1:]
    assert [(p.author, n.quote(p.span)) for p in got] == [(u, w) for _, u, w, *_ in pushes]
    times = [p.time for p in got]
    assert all(t is not None for t in times)
    assert times == sorted(times, key=lambda t: t[:7])  # months never go backwards


def test_web_page_navigation_before_the_header_and_old_origin_footer() -> None:
    text = (
        "批踢踢實業坊 › 看板 Salary\n返回看板\n作者\nmitsuki0 (みつき)\n看板\nSalary\n標題\n[心得] 日商三年\n"
        "時間\nSun Feb  9 11:02:45 2025\n\n穩是穩，但是升遷很慢。\n\n--\n"
        "※ Origin: 批踢踢實業坊 <ptt.cc> ◆ From: 61.224.11.8\n"
        "→ gundam00:但是福利不錯 02/09 11:21\n"
    )
    n = PttParser().parse(read_source(text))
    assert PttParser().sniff(read_source(text)) > 0.9
    assert n.authors == ("mitsuki0",) and n.metadata["ip"] == "61.224.11.8"
    assert [s.role for s in n.sections] == ["navigation", "header", "body", "footer", "comments"]
    assert n.quote(n.posts[0].span).startswith("作者\nmitsuki0")
    assert (n.posts[1].author, n.quote(n.posts[1].span)) == ("gundam00", "但是福利不錯")
