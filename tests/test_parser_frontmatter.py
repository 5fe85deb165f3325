"""The ``frontmatter`` parser: YAML, TOML and Pelican metadata blocks over a Markdown body."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import careernarr
from careernarr.errors import ParseError
from careernarr.model import Narrative
from careernarr.parsers.frontmatter import FrontMatterParser, find_front_matter
from careernarr.parsers.markdown import MarkdownParser
from careernarr.plugins import Host
from careernarr.source import Source, read_source

HERE = Path(__file__).parent / "fixtures" / "frontmatter"
PARSER = FrontMatterParser()

EXPECTED: dict[str, dict[str, Any]] = {
    "hugo-toml-zh-hans.md": {
        "title": "离开大厂的第一年：自由职业复盘",
        "date": "2024-12-30",
        "authors": ("林晓雨",),
        "url": None,  # Hugo's `url` is a site path, not a URL
        "tags": ("自由职业", "复盘", "倦怠"),
        "keywords": (),
        "summary": "从互联网大厂离职后做自由职业的一年，收入、节奏和心态的变化。",
        "headings": ["为什么离开", "自由职业的节奏", "收入", "时间", "明年的计划"],
        "links": ("https://notes.example.cn/weekly",),
    },
    "jekyll-yaml-en.md": {
        "title": "Two Promotions and a Burnout: Notes From My Thirties",
        "date": "2023-04-23",
        "authors": ("Maya Chen", "Daniel Ortiz"),
        "url": "https://mayachen.example.org/2023/04/two-promotions/",
        "tags": ("career", "burnout", "management"),
        "keywords": ("engineering management", "sabbatical"),
        "summary": "What I learned going from senior engineer to director in four years, "
                   "and why I took a sabbatical afterwards.",
        "headings": ["The first promotion", "The second promotion", "What the burnout looked like",
                     "The sabbatical"],
        "links": ("https://example.com/priya", "https://mayachen.example.org/sabbatical-log"),
    },
    "pelican-zh-hant.md": {
        "title": "轉職三年：從會計到資料分析師",
        "date": "2017-12-26",
        "authors": ("陳怡君",),
        "url": None,
        "tags": ("轉職", "資料分析", "學習"),
        "keywords": (),
        "summary": "三年前我還在事務所做審計，今年終於以資料分析師的身分拿到第一份正式錄取。 "
                   "這篇記錄轉職路上的選擇與代價。",
        "headings": ["第一年：晚上的課程", "第二年：面試與拒絕", "第三年：終於轉職"],
        "links": ("https://example.tw/data-career",),
    },
    "obsidian-note-zh-hans.md": {
        "title": "第三季度绩效面谈",  # no title field: the first H1 of the body
        "date": "2024-09-27",
        "authors": (),
        "url": None,
        "tags": ("职场", "绩效", "倦怠"),
        "keywords": (),
        "summary": None,
        "headings": ["第三季度绩效面谈", "经理的反馈", "我的感受", "下一步"],
        "links": (),
    },
}


def _parse(name: str) -> Narrative:
    return PARSER.parse(read_source(HERE / name))


def _body(name: str) -> str:
    """What follows the front matter in the file, found without the parser."""
    raw = (HERE / name).read_text(encoding="utf-8")
    if raw.startswith(("---\n", "+++\n")):
        fence = raw[:4]
        return raw[raw.index("\n" + fence, 3) + len(fence) + 1 :]
    return raw[raw.index("\n\n") + 2 :]  # Pelican: after the first blank line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_first_class_fields(name: str) -> None:
    n = _parse(name)
    want = EXPECTED[name]
    assert n.format == "frontmatter"
    for key in ("title", "date", "authors", "url", "tags", "keywords", "summary", "links"):
        assert getattr(n, key) == want[key], key
    assert [s.heading for s in n.sections if s.role == "body"] == want["headings"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_is_the_body_verbatim_and_sections_point_at_headings(name: str) -> None:
    n = _parse(name)
    assert n.text == _body(name)
    for section in n.sections:
        words = n.quote(section.span)
        assert words == words.strip()
        if section.heading is not None:
            first_line = words.split("\n", 1)[0]
            assert first_line.lstrip("#").strip() == section.heading


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_validated_and_round_tripped(name: str, host: Host) -> None:
    n = careernarr.parse(HERE / name, host=host)
    assert n.format == "frontmatter"
    careernarr.validate(n)
    assert careernarr.from_json(careernarr.to_json(n)) == n


def test_every_yaml_field_is_kept_json_safe() -> None:
    n = _parse("jekyll-yaml-en.md")
    assert n.metadata["layout"] == "post"
    assert n.metadata["guest"] is None and n.metadata["speaker"] == "" and n.metadata["author"] == ""
    assert n.metadata["authors"] == ["Maya Chen", "", "Daniel Ortiz"]
    assert n.metadata["categories"] == ["career", "reflection"]
    assert n.metadata["date"] == "2023-04-23T09:36:00+08:00"  # a YAML datetime, as ISO text
    assert n.metadata["last_modified_at"] == "2023-05-01"
    assert n.metadata["reading_time"] == 9 and n.metadata["comments"] is True
    assert "layout: post" not in n.text


def test_toml_tables_and_datetimes_are_kept() -> None:
    n = _parse("hugo-toml-zh-hans.md")
    assert n.metadata["params"] == {"cover": "/img/cover.jpg", "reading_time": 12}
    assert n.metadata["date"] == "2024-12-30T21:15:00+08:00"
    assert n.metadata["url"] == "/posts/freelance-year-one/"
    code = [s for s in n.sections if s.role == "code"]
    assert len(code) == 1 and "# 这不是标题" in n.quote(code[0].span)


def test_pelican_fields_keep_their_names_and_continuations() -> None:
    n = _parse("pelican-zh-hant.md")
    assert n.metadata["Slug"] == "from-accounting-to-data"
    assert n.metadata["Category"] == "職涯"
    assert n.metadata["Modified"] == "2018-01-03 08:30"
    assert n.metadata["Summary"].endswith("這篇記錄轉職路上的選擇與代價。")
    assert n.text.startswith("三年前的冬天")


def test_obsidian_note_tags_lose_their_hash_but_metadata_keeps_it() -> None:
    n = _parse("obsidian-note-zh-hans.md")
    assert n.metadata["tags"][0] == "#职场"
    assert n.metadata["aliases"] == ["季度面谈记录", "Q3 1:1"]
    assert n.metadata["related"] == "[[2024 年度目标]]"


@pytest.mark.parametrize(
    ("value", "date"),
    [("2025-11-17", "2025-11-17"), ("'04/23/2023 09:36 AM'", "2023-04-23"),
     ("2017-12-26 10:00", "2017-12-26"), ("2017-12-26 10:00:00", "2017-12-26"), ("2023-04-23 09:36:00 +0800", "2023-04-23"),
     ("2021-03-04T05:06:07Z", "2021-03-04"), ("2019年3月5日", "2019-03-05"), ("''", None)],
)
def test_dates_become_edtf(value: str, date: str | None) -> None:
    n = PARSER.parse(Source(f"---\ntitle: t\ndate: {value}\n---\nbody\n"))
    assert n.date == date


def test_date_falls_back_to_other_date_fields() -> None:
    n = PARSER.parse(Source("---\ntitle: t\ndate: ''\npubDate: 2022-08-01\n---\nbody\n"))
    assert n.date == "2022-08-01"


def test_authors_url_and_lists_from_varied_shapes() -> None:
    src = (
        "---\n"
        "author: {name: 李雷, email: li@example.cn}\n"
        "speakers: 韩梅梅、王小明\n"
        "guest: ['', 张三]\n"
        "creator: 李雷\n"
        "link: not a url\n"
        "permalink: https://talks.example.cn/42\n"
        "tags: 职场, 成长，心态\n"
        "keywords: 复盘\n"
        "abstract: 一次分享的记录\n"
        "---\n"
        "正文\n"
    )
    n = PARSER.parse(Source(src))
    assert n.authors == ("李雷", "韩梅梅", "王小明", "张三")
    assert n.url == "https://talks.example.cn/42"
    assert n.tags == ("职场", "成长", "心态")
    assert n.keywords == ("复盘",)
    assert n.summary == "一次分享的记录"


def test_yaml_alias_merge_keys_are_fine() -> None:
    src = "---\nbase: &b {lang: zh, draft: false}\npost:\n  <<: *b\n  title: 合并\ntitle: ok\n---\nx\n"
    n = PARSER.parse(Source(src))
    assert n.metadata["post"] == {"lang": "zh", "draft": False, "title": "合并"}


# -- broken input ------------------------------------------------------------


def test_unterminated_front_matter_names_the_opening_line() -> None:
    with pytest.raises(ParseError) as info:
        careernarr.parse(HERE / "broken-unterminated.md", format="frontmatter")
    err = info.value
    assert err.line == 3
    assert "broken-unterminated.md:3:" in str(err)
    assert "line 3" in str(err) and "never closed" in str(err)
    assert err.expected is not None and "'---'" in err.expected


def test_invalid_yaml_points_at_the_line_and_column_in_the_file() -> None:
    with pytest.raises(ParseError) as info:
        careernarr.parse(HERE / "broken-invalid-yaml.md", format="frontmatter")
    err = info.value
    assert (err.line, err.column) == (5, 7)  # `author: …`, where the flow list turns out unclosed
    assert "broken-invalid-yaml.md:5:7" in str(err)
    assert err.expected == "',' or ']'"


def test_invalid_toml_points_at_the_line_in_the_file() -> None:
    with pytest.raises(ParseError) as info:
        careernarr.parse(HERE / "broken-invalid-toml.md", format="frontmatter")
    assert (info.value.line, info.value.column) == (4, 10)  # author = 王小明 (unquoted)
    assert "TOML" in str(info.value) and "quotes" in str(info.value)


def test_yaml_list_is_not_a_mapping() -> None:
    with pytest.raises(ParseError, match="is a list, not a mapping"):
        careernarr.parse(HERE / "broken-yaml-list.md", format="frontmatter")
    source = read_source(HERE / "broken-yaml-list.md")
    # Claimed by front matter, not read as Markdown rules around a list, so the user hears why.
    assert PARSER.sniff(source) > MarkdownParser().sniff(source)


def test_yaml_scalar_is_not_a_mapping() -> None:
    with pytest.raises(ParseError, match="single str value, not a mapping"):
        PARSER.parse(Source("---\njust one sentence\n---\nbody\n"))


def test_billion_laughs_is_refused_before_expansion() -> None:
    with pytest.raises(ParseError, match="alias") as info:
        careernarr.parse(HERE / "broken-billion-laughs.md", format="frontmatter")
    assert info.value.line == 2


def test_a_far_larger_alias_bomb_is_refused_all_the_same() -> None:
    # 9**40 values if expanded: only a check that never expands can answer this.
    lines = ["---", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 41):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    lines += ["---", "body"]
    with pytest.raises(ParseError, match="alias"):
        PARSER.parse(Source("\n".join(lines) + "\n"))


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(ParseError, match="refers to itself"):
        PARSER.parse(Source("---\na: &a [1, *a]\n---\nbody\n"))


def test_python_tags_are_never_constructed() -> None:
    src = "---\ntitle: x\nrun: !!python/object/apply:os.system ['echo pwned']\n---\nbody\n"
    with pytest.raises(ParseError, match="tag") as info:
        PARSER.parse(Source(src))
    assert info.value.line == 3


def test_impossible_yaml_timestamp_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="invalid value"):
        PARSER.parse(Source("---\ndate: 2023-02-30 10:00:00\n---\nbody\n"))


@pytest.mark.parametrize(("char", "code"), [("\x07", "U+0007"), ("\ud800", "U+D800")])
def test_control_characters_in_yaml_point_at_their_place(char: str, code: str) -> None:
    with pytest.raises(ParseError) as info:
        PARSER.parse(Source(f"---\ntitle: x\nnote: ab{char}c\n---\nbody\n"))
    assert (info.value.line, info.value.column) == (3, 9)
    assert code in str(info.value)


def test_forcing_the_format_on_a_plain_document_explains_what_was_expected() -> None:
    with pytest.raises(ParseError) as info:
        PARSER.parse(Source("# Just Markdown\n\nNo metadata here.\n"))
    assert info.value.expected is not None and "'---'" in info.value.expected


def test_empty_front_matter_is_a_warning_not_an_error() -> None:
    n = PARSER.parse(Source("---\n---\n# 标题\n\n正文\n"))
    assert n.metadata == {} and n.title == "标题"
    assert any("empty" in w for w in n.warnings)


# -- sniffing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("---\ntitle: x\n---\nbody\n", 0.95),
        ("+++\ntitle = 'x'\n+++\nbody\n", 0.95),
        ("Title: 标题\nDate: 2020-01-01\n\n正文\n", 0.7),
        ("Title: only a title\n\nbody\n", 0.0),  # one known key is not enough
        ("Title: x\nDate: 2020-01-01\nno blank line after the headers\n", 0.0),
        ("# Heading\n\n---\n\ntext\n", 0.0),
        ("---\ntitle: never closed\n\ntext\n", 0.6),
        ("", 0.0),
    ],
)
def test_sniff_scores(text: str, score: float) -> None:
    assert PARSER.sniff(Source(text)) == score


def test_transcript_headers_score_below_a_transcript_parser() -> None:
    text = "Timestamp: 2025-01-02T10:00:00\nTitle: 视频\nURL: https://example.org/v\nStatus: success\n\nDescription:\nx\n"
    assert PARSER.sniff(Source(text)) == 0.7


def test_find_front_matter_reports_where_the_body_starts() -> None:
    text = "\n---\na: 1\n---\nbody\n"
    block = find_front_matter(text)
    assert block is not None
    assert (block.kind, block.open_line, block.content_line, text[block.body_start:]) == ("yaml", 2, 3, "body\n")


# -- properties ---------------------------------------------------------------

_keys = st.text(st.characters(categories=("Ll", "Lu", "Lo"), max_codepoint=0x9FFF), min_size=1, max_size=12)
_scalars = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30),
    st.integers(-10**6, 10**6),
    st.booleans(),
    st.none(),
)
_values = st.one_of(_scalars, st.lists(_scalars, max_size=4))
_bodies = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\r\ufeff"),
                  max_size=200)


@settings(max_examples=80, deadline=None)
@given(fields=st.dictionaries(_keys, _values, max_size=8), body=_bodies)
def test_any_yaml_mapping_is_kept_and_the_body_is_untouched(fields: dict[str, Any], body: str) -> None:
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) if fields else ""
    n = PARSER.parse(Source(f"---\n{dumped}---\n{body}"))
    assert n.text == body
    assert dict(n.metadata) == fields
    for section in n.sections:
        assert 0 <= section.span.start <= section.span.end <= len(n.text)


@pytest.mark.parametrize(
    ("header", "draft"),
    [("draft: true", True), ("draft: false", False), ("published: false", True), ("title: x", None)],
)
def test_draft_flag_is_first_class(header: str, draft: bool | None) -> None:
    n = careernarr.parse(f"---\n{header}\n---\n\n# 标题\n\n正文。\n", format="frontmatter")
    assert n.draft is draft
    assert careernarr.from_json(careernarr.to_json(n)).draft is draft


def test_a_posts_file_name_dates_it_when_its_front_matter_does_not(tmp_path: Path) -> None:
    """Jekyll and Hugo take a post's date from a file name such as 2024-12-29-year-end.md."""
    body = "---\ntitle: 年终\n---\n\n3月我辞职了。去年我入职。\n"
    post = tmp_path / "2024-12-29-year-end.md"
    post.write_text(body, encoding="utf-8")
    narrative = careernarr.parse(post)
    assert narrative.date == "2024-12-29"
    assert {t.text: t.value for t in narrative.time_expressions} == {"3月": "2024-03", "去年": "2023"}
    dated = tmp_path / "2024-12-29-dated.md"
    dated.write_text(body.replace("title: 年终", "title: 年终\ndate: 2025-01-03"), encoding="utf-8")
    assert careernarr.parse(dated).date == "2025-01-03"  # the front matter's own date wins
    odd = tmp_path / "2024-13-45-notes.md"
    odd.write_text(body, encoding="utf-8")
    assert careernarr.parse(odd).date is None  # not a date
