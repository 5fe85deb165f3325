"""The ``forum`` parser: floors, authors, mentions, replies, spans and links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.export.json import to_dict, validate
from careernarr.model import Narrative, Post
from careernarr.parsers.forum import ForumParser
from careernarr.plugins import Host
from careernarr.source import read_source

FORUM = Path(__file__).parent / "fixtures" / "forum"
PARSER = ForumParser()
SEPARATOR_LINE = re.compile(r"^\s*([-—─━=＝_*－])(?:\s*\1){4,}\s*$")


def _parse(name: str, host: Host | None = None) -> Narrative:
    return careernarr.parse(FORUM / name, format="forum", extract=False, host=host)


def _post(n: Narrative, floor: int) -> Post:
    found = [p for p in n.posts if p.floor == floor]
    assert len(found) == 1, f"floor {floor}: {len(found)} posts"
    return found[0]


def _summary(n: Narrative) -> dict[int, tuple[Any, ...]]:
    return {
        p.floor: (p.author, p.author_candidates, p.author_source, p.mentions, p.reply_to)
        for p in n.posts
    }


# ---------------------------------------------------------------- expectations, fixture by fixture

V2EX_HANS = {
    0: (None, (), None, (), ()),
    1: ("zhang_wei", ("zhang_wei",), "mention", (), ()),
    2: (None, ("阿飞", "kevin-liu"), "ambiguous", (), ()),
    3: ("laomao", ("laomao",), "mention", (), ()),
    4: ("dev_ops_cat", ("dev_ops_cat",), "mention", ("zhang_wei",), (1,)),
    5: (None, (), None, ("阿飞", "laomao"), (2, 3)),
    6: (None, (), None, ("zhang_wei",), (1,)),
    7: (None, (), None, ("阿飞",), ()),  # the e-mail address is not a mention
    8: ("dev_ops_cat", ("dev_ops_cat",), "mention", ("kevin-liu", "dev_ops_cat"), (2, 4)),
    9: (None, (), None, ("老王说事", "dev_ops_cat"), (8,)),  # #99 does not exist
}

HANT = {
    0: ("小林同學", ("小林同學",), "header", (), ()),
    1: ("阿傑", ("阿傑",), "header", (), ()),
    2: ("Mei_Chen", ("Mei_Chen",), "header", ("小林同學",), (0,)),
    3: ("老張", ("老張",), "header", ("Mei_Chen", "阿傑"), (1, 2)),
    4: ("小林同學", ("小林同學",), "header", (), ()),
}

ENGLISH = {
    0: ("dana_k", ("dana_k",), "header", (), ()),
    1: ("marcus.o", ("marcus.o",), "header", (), ()),
    2: ("priya-s", ("priya-s",), "header", ("dana_k",), (0,)),
    3: ("tom_w", ("tom_w",), "header", ("marcus.o",), (1,)),
    4: ("marcus.o", ("marcus.o",), "header", ("tom_w",), (3,)),
    5: ("dana_k", ("dana_k",), "header", ("priya-s",), ()),
}

LINKS = {
    0: (None, (), None, (), ()),
    1: ("kai_dev", ("kai_dev",), "mention", (), ()),
    2: (None, (), None, ("sunny_qa",), ()),
    3: (None, (), None, ("kai_dev",), (1,)),
}

RULES = {
    0: ("jlee", ("jlee",), "header", (), ()),
    1: ("sam_r", ("sam_r",), "header", ("jlee",), ()),
    2: ("ana.m", ("ana.m",), "header", ("sam_r",), (1,)),
    3: ("jlee", ("jlee",), "header", ("ana.m",), (2,)),
}

BULLETS = {
    0: (None, (), None, (), ()),
    1: ("xiaoyu", ("xiaoyu",), "header", (), ()),
    2: ("codemonkey42", ("codemonkey42",), "header", ("xiaoyu",), (1,)),
    3: ("小鱼干", ("小鱼干",), "header", ("codemonkey42",), (2,)),
    4: ("xiaoyu", ("xiaoyu",), "header", ("小鱼干",), (3,)),
}

CASES = {
    "v2ex-zh-hans.md": ("三十五岁被优化之后，我去了一家小公司，聊聊这半年的感受", "separators", V2EX_HANS),
    "workplace-zh-hant.txt": ("轉職軟體工程師三年，想聽聽前輩的建議", "separators", HANT),
    "engineering-en.md": ("Burned out after two years as a tech lead - step back to IC?", "headers", ENGLISH),
    "link-block.md": ("整理了一些程序员转行的资料，欢迎补充", "separators", LINKS),
    "markdown-rules.md": ("Should I take the counter-offer?", "rules", RULES),
    "v2ex-bullet-headers.txt": ("大家的年终奖都发了吗？", "headers", BULLETS),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_floors_authors_mentions_and_replies(name: str) -> None:
    title, layout, expected = CASES[name]
    n = _parse(name)
    assert n.title == title
    assert n.metadata["layout"] == layout
    assert [p.floor for p in n.posts] == sorted(expected)
    assert _summary(n) == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_detection_picks_forum(name: str, host: Host) -> None:
    assert careernarr.detect(FORUM / name, host=host) == "forum"
    assert careernarr.parse(FORUM / name, host=host).format == "forum"


@pytest.mark.parametrize("name", sorted(CASES))
def test_spans_hold_whole_posts_and_nothing_is_lost(name: str) -> None:
    n = _parse(name)
    original = (FORUM / name).read_text(encoding="utf-8")
    assert n.text == original  # verbatim, separators included
    previous_end = 0
    for post in n.posts:
        body = n.quote(post.span)
        assert body == body.strip(), "no surrounding blank lines"
        assert body, "no empty posts"
        assert not any(SEPARATOR_LINE.match(line) for line in body.splitlines())
        assert post.span.start >= previous_end, "posts are in order and do not overlap"
        previous_end = post.span.end
    covered = [False] * len(n.text)
    for section in n.sections:
        for i in range(section.span.start, section.span.end):
            covered[i] = True
    sep = n.metadata.get("separator")
    for offset, line in _lines(n.text):
        for i, ch in enumerate(line):
            if not ch.isspace() and not covered[offset + i]:
                assert sep is not None and "".join(line.split()) == sep, f"lost {line!r}"


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_sections_are_a_title_then_one_per_post(name: str) -> None:
    n = _parse(name)
    assert n.sections[0].role == "title"
    assert n.quote(n.sections[0].span).lstrip("#= \n").startswith(n.title[:4])
    posts = n.sections[1:]
    assert [s.role for s in posts] == ["post"] * len(n.posts)
    assert [s.heading for s in posts] == [None] * len(n.posts)
    assert [s.span for s in posts] == [p.span for p in n.posts]


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_export_is_valid(name: str) -> None:
    n = careernarr.parse(FORUM / name, format="forum")
    validate(n)
    data = to_dict(n)
    assert [p["floor"] for p in data["posts"]] == [p.floor for p in n.posts]


def test_simplified_thread_details() -> None:
    n = _parse("v2ex-zh-hans.md")
    assert n.authors == ()  # nobody names the opening post's author
    assert n.links == ("https://www.v2ex.com/t/1002345",)
    assert _post(n, 0).links == ("https://www.v2ex.com/t/1002345",)
    assert n.quote(_post(n, 0).span).startswith("今年三月")
    assert n.quote(_post(n, 1).span) == "工资降三成还能接受，关键看股票"
    assert any("kevin-liu" in w and "阿飞" in w for w in n.warnings)  # the ambiguity is reported


def test_traditional_thread_counts_the_opening_post_as_floor_zero() -> None:
    n = _parse("workplace-zh-hant.txt")
    assert n.metadata["floor_offset"] == 1  # the forum calls the opening post 1樓
    assert n.authors == ("小林同學",)
    assert n.date == "2024-03-02"
    assert _post(n, 2).time == "2024-03-02T22:05:00"
    assert n.quote(_post(n, 4).span).startswith("5樓 小林同學")


def test_english_headers_give_authors_times_and_links() -> None:
    n = _parse("engineering-en.md")
    assert n.authors == ("dana_k",)
    assert n.date == "2023-04-05"
    assert [p.time for p in n.posts][:2] == ["2023-04-05T09:12:00", "2023-04-05T10:03:00"]
    assert _post(n, 2).links == ("https://lethain.com/staff-engineer/",)
    assert n.quote(_post(n, 0).span).startswith("#1 dana_k")
    assert n.quote(_post(n, 5).span).endswith("two weeks of leave first.")


def test_html_links_are_read_with_lxml() -> None:
    n = _parse("link-block.md")
    assert _post(n, 0).links == (
        "https://roadmap.sh/backend",
        "https://github.com/donnemartin/system-design-primer",
        "https://www.example.org/career?from=forum&page=2",  # &amp; decoded by the HTML parser
    )
    assert _post(n, 1).links == ("https://leetcode.cn/studyplan/top-100-liked/",)
    assert _post(n, 3).links == ("https://blog.example.com/qa-to-dev",)
    assert set(n.links) == {link for p in n.posts for link in p.links}


def test_mentions_inside_html_are_found() -> None:
    text = (
        "# 标题\n\n正文\n\n----------\n\n第一条回复\n\n----------\n\n"
        '@<a href="/member/haha512">haha512</a> #1 同意\n'
    )
    n = careernarr.parse(text, format="forum", extract=False)
    assert n.posts[2].mentions == ("haha512",)
    assert n.posts[2].reply_to == (1,)
    assert n.posts[1].author == "haha512"
    assert n.posts[2].links == ("/member/haha512",)


def test_thread_without_replies_is_one_post() -> None:
    n = _parse("no-replies.md")
    assert n.title == "在外企工作五年后，我决定回老家"
    assert len(n.posts) == 1
    post = n.posts[0]
    assert (post.floor, post.author, post.mentions, post.reply_to) == (0, None, (), ())
    assert n.quote(post.span).startswith("2019 年我从上海")
    assert n.quote(post.span).endswith("再做决定。")
    assert n.metadata["layout"] == "single"


def test_a_thread_with_no_replies_is_not_claimed_by_the_forum_sniffer(host: Host) -> None:
    assert PARSER.sniff(read_source(FORUM / "no-replies.md")) == 0.0
    assert careernarr.detect(FORUM / "no-replies.md", host=host) != "forum"


@pytest.mark.parametrize("name", ["essay-with-rules.md", "setext-notes.md"])
def test_markdown_rules_and_setext_headings_are_not_threads(name: str, host: Host) -> None:
    source = read_source(FORUM / name)
    assert PARSER.sniff(source) == 0.0
    assert careernarr.detect(FORUM / name, host=host) != "forum"
    forced = _parse(name)
    assert len(forced.posts) == 1  # forced: one post, the rules stay inside it


def test_front_matter_document_is_not_a_forum(host: Host) -> None:
    doc = (
        "---\ntitle: 我的转行笔记\nauthor: lin\n---\n\n# 转行\n\n正文\n\n-----\n\n@someone 你好\n\n-----\n\n结尾\n"
    )
    assert PARSER.sniff(read_source(doc)) == 0.0
    assert careernarr.detect(doc, host=host) != "forum"


@pytest.mark.parametrize(
    ("doc", "score"),
    [
        ("标题\n\n正文\n\n-----\n\n回复一\n\n-----\n\n回复二\n", 0.9),
        ("Title\n\nbody\n\n—————\n\nreply\n\n—————\n\nreply\n", 0.9),
        ("Title\n\nbody\n\n─────────\n\nreply\n\n─────────\n\nreply\n", 0.9),
        ("Title\n\nbody\n\n-----\n\n@alice agreed\n", 0.5),
        ("Title\n\nbody\n\n-----\n\njust a reply\n", 0.0),
        ("#1 alice 2023-04-05 10:00\nhi\n\n#2 bob 2023-04-05 11:00\nhello\n", 0.9),
        ("3楼 张三\n说得对\n\n4楼 李四\n同意\n", 0.9),
        ("A plain note.\n\nNothing else.\n", 0.0),
    ],
)
def test_sniff_scores(doc: str, score: float) -> None:
    assert PARSER.sniff(read_source(doc)) == score


def test_conflicting_claims_are_never_guessed() -> None:
    text = "T\n\nop\n\n-----\n\nfirst\n\n-----\n\n@amy #1 yes\n\n-----\n\n@bo #1 no\n\n-----\n\n@amy #1 again\n"
    n = careernarr.parse(text, format="forum", extract=False)
    first = _post(n, 1)
    assert first.author is None
    assert first.author_candidates == ("amy", "bo")
    assert first.author_source == "ambiguous"


def test_stated_author_wins_over_mentions() -> None:
    text = (
        "#1 alice 2023-01-01 09:00\nopening\n\n#2 bob 2023-01-01 10:00\nreply\n\n"
        "#3 carol 2023-01-01 11:00\n@dave #2 you are wrong\n"
    )
    n = careernarr.parse(text, format="forum", extract=False)
    second = _post(n, 1)
    assert second.author == "bob"
    assert second.author_source == "header"
    assert second.author_candidates == ("bob", "dave")  # the claim is kept as evidence
    assert any("dave" in w for w in n.warnings)


def test_reply_to_points_only_backwards() -> None:
    text = "T\n\nop\n\n-----\n\n@a #2 too early\n\n-----\n\n@b #1 fine\n\n-----\n\n@c #3 self\n"
    n = careernarr.parse(text, format="forum", extract=False)
    assert _post(n, 1).reply_to == ()
    assert _post(n, 2).reply_to == (1,)
    assert _post(n, 3).reply_to == ()
    assert _post(n, 1).mentions == ("a",)
    assert _post(n, 2).author is None  # a claim from an earlier floor is no claim
    assert _post(n, 1).author == "b"


def test_a_reply_that_starts_like_a_header_is_not_one() -> None:
    text = "T\n\nop\n\n-----\n\none\n\n-----\n\ntwo\n\n-----\n\n#1 同意\n"
    n = careernarr.parse(text, format="forum", extract=False)
    assert [p.floor for p in n.posts] == [0, 1, 2, 3]
    assert _post(n, 3).author is None


def test_mention_forms() -> None:
    text = (
        "T\n\nop\n\n-----\n\nfirst reply\n\n-----\n\n"
        "@Alice_1. hi @张三 你好 @李四，谢谢 mail bob@example.com, see https://medium.com/@writer "
        "@dev.team# 1 @x-y #1楼\n"
    )
    n = careernarr.parse(text, format="forum", extract=False)
    post = _post(n, 2)
    assert post.mentions == ("Alice_1", "张三", "李四", "dev.team", "x-y")
    assert post.reply_to == (1,)
    assert _post(n, 1).author_candidates == ("dev.team", "x-y")  # two names claim floor 1


def test_separator_characters_and_bare_rules() -> None:
    for rule in ("=====", "_____", "* * * * *", "——————", "－－－－－"):
        text = f"T\n\nop\n\n{rule}\n\n@a hi\n\n{rule}\n\n@b hey\n"
        n = careernarr.parse(text, format="forum", extract=False)
        assert len(n.posts) == 3, rule
        assert n.quote(n.posts[2].span) == "@b hey"
    text = "T\n\nop\n\n---\n\n@a #0 hi\n\n---\n\n@b hey\n"
    n = careernarr.parse(text, format="forum", extract=False)
    assert n.metadata["layout"] == "rules"
    assert n.posts[0].author == "a"


def test_empty_blocks_are_skipped_and_fenced_code_is_left_alone() -> None:
    text = "T\n\nop\n\n-----\n\n-----\n\n```\n-----\ncode\n-----\n```\n\n-----\n\nlast\n"
    n = careernarr.parse(text, format="forum", extract=False)
    assert [p.floor for p in n.posts] == [0, 1, 2]
    assert "code" in n.quote(n.posts[1].span)


def test_the_sample_thread_shape_is_met() -> None:
    """The thread layout of the shared sample, rebuilt from scratch (no corpus text)."""
    posts = ["开头帖子正文", "第一条", "第二条", "第三条 @someone", "@name3 #3 回复三楼", "@other # 3 也回复三楼"]
    text = "### 标题\n\n" + ("\n\n" + "-" * 51 + "\n\n").join(posts) + "\n"
    n = careernarr.parse(text, extract=False)
    assert n.format == "forum"
    assert len(n.posts) == 6
    assert _post(n, 3).author_candidates == ("name3", "other")
    assert _post(n, 5).reply_to == (3,)


# ---------------------------------------------------------------- property: rendered threads read back

_words = st.text(
    alphabet=st.sampled_from(list("abcdefghij 加班离职工作，。！？年月") + ["\n"]), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")
_names = st.sampled_from(["alice", "bob_2", "c.d", "张三", "李四"])


@st.composite
def _threads(draw: st.DrawFn) -> tuple[list[str], list[list[tuple[str, int | None]]]]:
    count = draw(st.integers(1, 8))
    bodies, refs = [], []
    for floor in range(count):
        mentions = []
        parts = [draw(_words).strip()]
        for _ in range(draw(st.integers(0, 2))):
            name = draw(_names)
            target = draw(st.none() | st.integers(0, max(0, floor - 1))) if floor else None
            parts.append(f"@{name} #{target}" if target is not None else f"@{name}")
            parts.append(draw(_words).strip() or "x")
            mentions.append((name, target))
        bodies.append(" ".join(parts))
        refs.append(mentions)
    return bodies, refs


@settings(max_examples=80, deadline=None)
@given(thread=_threads(), sep=st.sampled_from(["-" * 5, "-" * 51, "=" * 20, "─" * 12]))
def test_rendered_threads_read_back(thread: tuple[list[str], list[list[tuple[str, int | None]]]],
                                    sep: str) -> None:
    bodies, refs = thread
    text = "# 标题\n\n" + f"\n\n{sep}\n\n".join(bodies) + "\n"
    n = careernarr.parse(text, format="forum", extract=False)
    assert [p.floor for p in n.posts] == list(range(len(bodies)))
    claims: dict[int, set[str]] = {}
    for post, body, mentions in zip(n.posts, bodies, refs):
        assert n.quote(post.span) == body
        assert set(post.mentions) == {name for name, _ in mentions}
        assert set(post.reply_to) == {t for _, t in mentions if t is not None}
        for name, target in mentions:
            if target is not None:
                claims.setdefault(target, set()).add(name)
    for post in n.posts:
        names = claims.get(post.floor, set())
        if len(names) == 1:
            assert post.author == next(iter(names))
        elif names:
            assert post.author is None and set(post.author_candidates) == names
        else:
            assert post.author is None


def test_a_long_opening_post_does_not_hide_the_separators() -> None:
    opening = "我在这家公司工作了八年，今年终于决定离开。" * 300  # far beyond the 4 000-character head
    text = f"# 标题\n\n{opening}\n\n-----\n\n第一条回复\n\n-----\n\n@someone #1 第二条回复\n"
    assert PARSER.sniff(read_source(text)) == 0.9
    assert careernarr.parse(text, extract=False).format == "forum"


def test_a_lone_line_is_the_opening_post_and_the_title() -> None:
    n = careernarr.parse("# 只有标题\n", format="forum", extract=False)
    assert n.title == "只有标题"
    assert [n.quote(p.span) for p in n.posts] == ["# 只有标题"]


def test_forced_front_matter_is_kept_as_a_header_section() -> None:
    text = "---\ntitle: 笔记\n---\n\n正文第一段。\n\n-----\n\n@lin 回复\n"
    n = careernarr.parse(text, format="forum", extract=False)
    assert n.sections[0].role == "header" and n.quote(n.sections[0].span).endswith("title: 笔记\n---")
    assert [n.quote(p.span) for p in n.posts] == ["正文第一段。", "@lin 回复"]


def test_contract_kit() -> None:
    from careernarr.testing import check_parser

    samples = [FORUM / name for name in sorted(CASES)]
    narratives = check_parser(PARSER, samples, others=[FORUM / "essay-with-rules.md", FORUM / "setext-notes.md"])
    assert [n.format for n in narratives] == ["forum"] * len(samples)


@pytest.mark.parametrize("opener, reply", [
    ("**樓主 — 阿明**", "**回覆 #{n} — {name}**"),
    ("楼主：阿明", "回复 {n}楼：{name}"),
    ("OP: 阿明", "Reply #{n} · {name}"),
])
def test_posts_headed_by_reply_labels(opener: str, reply: str) -> None:
    body = [opener, "", "我在物流公司做了十年仓管，上个月被裁了。想问大家该不该转行。", ""]
    for n, (name, words) in enumerate([("过来人", "我前年也被裁，后来去考了叉车证。"), ("小雨", "先把失业补助申请好，别急着做决定。")], 1):
        body += [reply.format(n=n, name=name), "", words, ""]
    narrative = careernarr.parse("# 三十五岁被裁，该转行吗？\n\n" + "\n".join(body))
    assert narrative.format == "forum"
    assert [(p.floor, p.author) for p in narrative.posts] == [(0, "阿明"), (1, "过来人"), (2, "小雨")]
    assert "别急着做决定" in narrative.posts[2].span.of(narrative.text)


def test_a_signature_line_at_the_end_of_an_answer_dates_it() -> None:
    text = ("### 这行值得做吗？\n\n今年春节后店关了，想转行。\n\n-----\n\n"
            "谢邀。我去年底刚离开这行。\n\n去年十一月我递了辞呈。\n\n编辑于 2023-03-18 22:41・IP 属地四川\n\n-----\n\n"
            "干第七年了。\n\n说点不一样的：别急着辞职。\n\n发布于 2021-06-01\n")
    n = careernarr.parse(text, format="forum")
    assert [p.time for p in n.posts] == [None, "2023-03-18", "2021-06-01"]
    values = {t.text: t.value for t in n.time_expressions}
    assert values["去年十一月"] == "2022-11"
    assert values["今年春节"] is None  # the question is undated: the last post's date is not its


def test_a_dated_sentence_closing_a_post_is_no_date_line() -> None:
    text = "### 标题\n\n开头。\n\n-----\n\n第一段。\n\n第二段。\n\n我在 2023-03-18 那天递了辞职信，老板很生气。\n"
    n = careernarr.parse(text, format="forum", extract=False)
    assert [p.time for p in n.posts] == [None, None]


def test_a_closing_date_line_dates_its_post_in_taiwan_script_too() -> None:
    import opencc

    text = ("### 标题\n\n开头。\n\n-----\n\n谢邀。去年十一月我递了辞呈。\n\n发布于 2023-04-02 10:15・IP 属地浙江\n")
    n = careernarr.parse(opencc.OpenCC("s2twp").convert(text), format="forum")
    assert [p.time for p in n.posts] == [None, "2023-04-02"]  # 发布于 becomes 釋出於
