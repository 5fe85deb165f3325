"""Events on documents written for development (tests/fixtures/dev, dev2): the language of careers
in mainland, Taiwan, Hong Kong and English writing, several happenings per sentence, whose
happening it is, and plans that are not happenings.

``dev/`` and ``dev2/`` hold documents with gold in the shared gold format (written before the
extractors ran on them; see their ``make_gold.py``). The key sentences below are checked one by one;
the aggregate test keeps the whole sets from sliding back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from extract_helpers import builtin_host, context

import careernarr
from careernarr.extract.events import find_events
from careernarr.extract.lexicon import builtin_lexicon
from careernarr.model import Event, Narrative, Post, Span

FIXTURES = Path(__file__).parent / "fixtures"
SETS = ("dev", "dev2", "dev3")


def _parsed(folder: str, name: str) -> Narrative:
    return careernarr.parse(FIXTURES / folder / "corpus" / name, host=builtin_host())


_CACHE: dict[tuple[str, str], Narrative] = {}


def parsed(folder: str, name: str) -> Narrative:
    key = (folder, name)
    if key not in _CACHE:
        _CACHE[key] = _parsed(folder, name)
    return _CACHE[key]


def _squash(text: str) -> str:
    return "".join(text.split())


def _quoting(narrative: Narrative, anchor: str) -> list[Event]:
    return [e for e in narrative.events if _squash(anchor) in _squash(e.text)]


# -- key sentences ------------------------------------------------------------------

KEY = [
    # (set, document, anchor, kind, subject, when)
    ("dev", "optimized-35-thread.md", "我被优化了", "job_end", "narrator", None),
    ("dev", "optimized-35-thread.md", "被裁之后在家躺了两个月", "job_end", "narrator", None),
    ("dev", "optimized-35-thread.md", "后来进了一家国企做信息化", "job_start", "narrator", None),
    ("dev", "optimized-35-thread.md", "我前年辞职后报了个驾校", "job_end", "narrator", None),
    ("dev", "optimized-35-thread.md", "回来才开始投简历", "job_search", "narrator", None),
    ("dev", "five-years-after-graduation.txt", "12 月顺利转正", "review", "narrator", "2019-12"),
    ("dev", "five-years-after-graduation.txt", "诊断是中度焦虑", "health", "narrator", None),
    ("dev", "five-years-after-graduation.txt", "每两周去做一次心理咨询", "support", "narrator", None),
    ("dev", "five-years-after-graduation.txt", "锅是我背的", "conflict", "narrator", None),
    ("dev", "five-years-after-graduation.txt", "我第二次考试终于上岸", "job_start", "narrator", "2023-04"),
    ("dev", "tw-foreign-firm-layoff.md", "8 月正式到職", "job_start", "narrator", "2019-08"),
    ("dev", "tw-foreign-firm-layoff.md", "2021 年底升了資深工程師", "promotion", "narrator", "2021-10/2021-12"),
    ("dev", "tw-foreign-firm-layoff.md", "申請了六個月的育嬰留職停薪", "leave", "narrator", "2024-05"),
    ("dev", "hk-banker-jumps.txt", "我終於辭咗職", "job_end", "narrator", None),
    ("dev", "hk-banker-jumps.txt", "當住成組人鬧我", "conflict", "narrator", "2020-10"),
    ("dev", "hk-banker-jumps.txt", "我俾人炒咗", "job_end", "narrator", None),
    ("dev", "hk-banker-jumps.txt", "我喺屋企搵咗四個月工", "job_search", "narrator", None),
    ("dev", "hk-banker-jumps.txt", "佢上個月啱啱升咗 associate", "promotion", "other", None),
    ("dev", "pip-to-newsletter-en.md", "I onboarded on 04/23/2021", "job_start", "narrator", "2021-04-23"),
    ("dev", "pip-to-newsletter-en.md", "I put in my notice on 3/20/23", "job_end", "narrator", "2023-03-20"),
    ("dev", "pip-to-newsletter-en.md", "My old team, I hear, was laid off in January", "job_end", "other", "2024-01"),
    ("dev", "nurse-to-ux-podcast.txt", "got hired at a county hospital", "job_start", "narrator", "2012"),
    ("dev", "nurse-to-ux-podcast.txt", "I quit in March 2022", "job_end", "narrator", "2022-03"),
    ("dev", "nurse-to-ux-podcast.txt", "started freelancing in May", "creator", "narrator", "2022-05"),
    ("dev", "teacher-to-streamer-article.txt", "她的一位前同事去年也辞了职", "job_end", "other", None),
    ("dev", "teacher-to-streamer-article.txt", "她考上了在职教育硕士", "education", "other", "2016"),
    ("dev2", "pm-zhihu-answer.txt", "我的 leader 被优化了", "job_end", "other", "2022-09"),
    ("dev2", "tw-ptt-career-switch.md", "去年 3 月離職", "job_end", "narrator", None),
    ("dev2", "tw-ptt-career-switch.md", "我也在今年升了資深 QA", "promotion", "narrator", None),
    ("dev2", "reddit-layoff-thread-en.md", "Two years later I was promoted to senior analyst", "promotion",
     "narrator", "2022"),
    ("dev2", "chef-profile-article-en.txt", "In August 2021 she quit", "job_end", "other", "2021-08"),
]


@pytest.mark.parametrize(("folder", "doc", "anchor", "kind", "subject", "when"), KEY,
                         ids=[f"{k[1].split('.')[0]}:{k[2][:14]}" for k in KEY])
def test_key_sentence(folder: str, doc: str, anchor: str, kind: str, subject: str, when: str | None) -> None:
    narrative = parsed(folder, doc)
    found = _quoting(narrative, anchor)
    assert found, f"no event quotes {anchor!r}"
    event = next((e for e in found if e.kind == kind), found[0])
    assert (event.kind, event.subject) == (kind, subject), event
    if when is not None:
        assert event.when == when, event
    assert event.rule, "every event names the lexicon entry that found it"


@pytest.mark.parametrize(("folder", "doc", "words"), [
    ("dev", "optimized-35-thread.md", "35 岁还能不能跳槽去别的厂"),   # a question, quoted twice
    ("dev", "tw-foreign-firm-layoff.md", "明年 1 月我會回到公司"),      # a plan
    ("dev", "tw-foreign-firm-layoff.md", "我可能會考慮再轉職一次"),     # a hypothetical
    ("dev", "five-years-after-graduation.txt", "我表妹今年也要毕业了"),  # not yet
    ("dev", "pip-to-newsletter-en.md", "I plan to keep the newsletter going"),
    ("dev", "hk-banker-jumps.txt", "我冇勸佢辭職"),
    ("dev2", "tw-ptt-career-switch.md", "我明年也想轉職"),
])
def test_questions_plans_and_denials_are_not_events(folder: str, doc: str, words: str) -> None:
    narrative = parsed(folder, doc)
    assert _squash(words) in _squash(narrative.text)
    assert not [e for e in narrative.events if _squash(words) in _squash(e.text)]


def _score(folder: str) -> dict[str, float]:
    """Recall, precision and kind accuracy of the set, matched as the shared scorer does (simplified)."""
    hit = total = pred = tp = kind_ok = kind_n = 0
    for gold_file in sorted((FIXTURES / folder / "gold").glob("*.json")):
        gold: dict[str, Any] = json.loads(gold_file.read_text(encoding="utf-8"))
        narrative = parsed(folder, gold["document"])
        golds = gold["events"]
        found = [False] * len(golds)
        for event in narrative.events:
            text = _squash(event.text)
            match = next((i for i, g in enumerate(golds)
                          if any(_squash(a) in text for a in g["anchors"])), None)
            if match is None:
                pred += 1
                continue
            found[match] = True
            if golds[match].get("optional"):
                continue
            pred += 1
            tp += 1
            kind_n += 1
            kind_ok += event.kind == golds[match]["kind"]
        for g, f in zip(golds, found):
            if not g.get("optional"):
                total += 1
                hit += f
    return {"recall": hit / total, "precision": tp / pred, "kind": kind_ok / kind_n}


@pytest.mark.parametrize(("folder", "recall"), [("dev", 0.9), ("dev2", 0.75), ("dev3", 0.75)])
def test_dev_sets_hold_their_level(folder: str, recall: float) -> None:
    """Measured when these tests were written (shared scorer): dev R 0.99 P 0.96 kind 1.0,
    dev2 R 0.83 P 0.92 kind 0.97 (dev2 was written after the first round of changes, as a check)."""
    score = _score(folder)
    assert score["recall"] >= recall, score
    assert score["precision"] >= 0.85, score
    assert score["kind"] >= 0.9, score


# -- whose event, with small made-up texts ---------------------------------------------


def _events(text: str, **kw: Any) -> list[Event]:
    return find_events(context(text, **kw), builtin_lexicon())


@pytest.mark.parametrize(("text", "subject"), [
    ("主管升了副理。", "other"),
    ("去年老板跑路了。", "other"),
    ("我跟主管提了离职。", "narrator"),        # the role noun is an object
    ("被老板骂了一顿之后我就辞职了。", "narrator"),
    ("My manager quit in May.", "other"),
    ("My old team, I hear, was laid off in January.", "other"),
    ("I was laid off in January.", "narrator"),
    ("我听说她被裁了。", "other"),
    ("我的 leader 被优化了。", "other"),
    ("我细佬上个月升咗 associate。", "other"),
    ("今年三月考绩拿到B，主管说是因为主动性不足。", "narrator"),   # the role noun acts in another clause
    ("I took a short contract, redesigning their sign-up app (version 2.0, if you're counting).", "narrator"),
    ("She was furloughed and the owner cut her pay.", "other"),
])
def test_role_nouns_and_hearsay_are_someone_else(text: str, subject: str) -> None:
    events = _events(text)
    assert events, text
    assert events[-1].subject == subject


def test_in_the_opening_post_the_original_poster_is_the_narrator() -> None:
    text = "楼主29岁，2019年入职了一家物流公司。\n\n---\n\n楼主2019年入职了一家物流公司，我也是。"
    first_end = text.index("\n\n---")
    second = text.index("楼主", first_end)
    posts = [Post(floor=0, span=Span(0, first_end)), Post(floor=1, span=Span(second, len(text)))]
    events = _events(text, times=[("2019年", "2019", None), ("2019年", "2019", None)], posts=posts)
    assert [(e.kind, e.subject) for e in events] == [("job_start", "narrator"), ("job_start", "other")]


def test_a_diagnosis_is_told() -> None:
    text = "诊断结果是中度忧郁合并焦虑，我开始每周一次的心理咨商，也吃了大概三个月的药。"
    assert [e.kind for e in _events(text)] == ["health", "support", "health"]


def test_the_same_quoted_words_in_several_posts_are_one_event() -> None:
    text = ("我去年被裁了。\n\n---\n\n> 我去年被裁了。\n\n同感。\n\n---\n\n> 我去年被裁了。\n\n加油。")
    posts = []
    pos = 0
    for floor, block in enumerate(text.split("\n\n---\n\n")):
        start = text.index(block, pos)
        posts.append(Post(floor=floor, span=Span(start, start + len(block))))
        pos = start + len(block)
    events = _events(text, posts=posts)
    assert [e.kind for e in events] == ["job_end"]
    assert events[0].span.start == 0  # its first telling


def test_a_happening_dated_after_the_document_and_told_as_settled_is_an_event() -> None:
    text = "2025年1月我会回到公司。2024年5月我女儿出生了，我请了育婴假。"
    ctx = context(text, [("2025年1月", "2025-01", None), ("2024年5月", "2024-05", None)])
    ctx = type(ctx)(ctx.narrative, reference_date="2024-11-02", time_expressions=ctx.time_expressions)
    kinds = [e.kind for e in find_events(ctx, builtin_lexicon())]
    assert "family" in kinds and "leave" in kinds
    planned = context("2025年3月正式到职。", [("2025年3月", "2025-03", None)])
    planned = type(planned)(planned.narrative, reference_date="2024-11-02",
                            time_expressions=planned.time_expressions)
    assert [(e.kind, e.when) for e in find_events(planned, builtin_lexicon())] == [("job_start", "2025-03")]
    wished = context("我打算2025年3月到职。", [("2025年3月", "2025-03", None)])
    wished = type(wished)(wished.narrative, reference_date="2024-11-02", time_expressions=wished.time_expressions)
    assert find_events(wished, builtin_lexicon()) == []
    told = type(planned)(planned.narrative, reference_date="2025-06-01", time_expressions=planned.time_expressions)
    assert [e.kind for e in find_events(told, builtin_lexicon())] == ["job_start"]


@pytest.mark.parametrize(("text", "kind"), [
    ("2019年7月面试上一家外商，8月正式到职。", "job_start"),     # Taiwan
    ("去年考绩拿到乙等。", "review"),
    ("2023年我申请了六个月的育婴留职停薪。", "leave"),
    ("我终于辞咗职。", "job_end"),                                # Cantonese, in simplified script
    ("我俾人炒咗。", "job_end"),
    ("我喺屋企揾咗四个月工。", "job_search"),
    ("2020年我转咗行。", "career_change"),
    ("锅是我背的。", "conflict"),
    ("去年体检查出脂肪肝。", "health"),
    ("裸辞之后我在家备考了半年。", "education"),
    ("我第二次考试终于上岸了。", "job_start"),                    # 考公上岸: a job
    ("他考研上岸了。", "education"),
    ("我上个月劈咗炮。", "job_end"),
    ("去年我转咗工。", "job_start"),
    ("我成日OT到十点。", "overwork"),
    ("我琴日啱啱俾公司 cut 咗。", "job_end"),
    ("三月份跟着他入了行。", "job_start"),
    ("2022年我报了个夜校。", "education"),
    ("2023年6月我把驿站盘了下来。", "creator"),
    ("In 2016 I moved to Singapore for a role in customer success.", "job_start"),
    ("I onboarded in April.", "job_start"),
    ("I stopped sleeping.", "health"),
    ("She was working six nights a week.", "overwork"),
    ("I worked my way up to finance manager in 2021.", "promotion"),
])
def test_career_words_of_each_region(text: str, kind: str) -> None:
    assert kind in [e.kind for e in _events(text)]


def test_a_word_that_only_contains_an_event_word() -> None:
    assert "job_start" not in [e.kind for e in _events("他见证了我从低谷到职业转型的过程。")]  # 到职业, not 到职


@pytest.mark.parametrize("text", [
    "那时候觉得内卷是别人的事。",
    "但每天六点下班，现在觉得挺好。",
    "HR 给了法定资遣费。",                   # severance pay, not a layoff
    "Host Marcus talks with a former nurse about burnout.",
])
def test_not_events(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize("text", [
    "明年我要辞职。", "我打算明年跳槽。", "我准备转职。", "我谂住辞职。", "我会考虑读研。", "她想去大厂。",
    "I plan to quit next year.", "I'd like to go back to school.", "I will resign in May.",
    "If I get laid off, I'll travel.", "Should I quit?", "我快要毕业了。",
])
def test_plans_wishes_and_questions(text: str) -> None:
    assert _events(text) == []


def test_the_story_time_carries_to_the_next_sentences_of_its_paragraph() -> None:
    text = "JENNA: And then COVID. In spring 2020 our unit was full. I was picking up extra shifts. I stopped sleeping."
    events = _events(text, times=[("spring 2020", "2020-21", None)])
    assert [(e.kind, e.when, e.when_source) for e in events] == [
        ("overwork", "2020-21", "paragraph"), ("health", "2020-21", "paragraph")]
    # the leading time of the sentence before, not an attributive one after it (年中述职)
    text = "2022年3月的年中述职，我没达标。那次绩效我拿了3.25。"
    events = _events(text, times=[("2022年3月", "2022-03", None), ("年中", "2022-05/2022-08", None)])
    assert [e.when for e in events if e.kind == "review"][-1] == "2022-03"


def test_in_a_thread_a_plain_term_with_its_own_le_or_a_past_time_is_told() -> None:
    post = "结训后投了八十多封履历，只有六家通知面试。\n\n离职前那两年，几乎天天加班到晚上十一点。"
    posts = [Post(floor=0, span=Span(0, len(post)))]
    times = [("那两年", None, None)]
    ctx = context(post, times, posts=posts)
    exprs = tuple(type(t)(t.text, t.span, t.value, t.duration, rule="zh-deictic") for t in ctx.time_expressions)
    ctx = type(ctx)(ctx.narrative, time_expressions=exprs)
    assert [e.kind for e in find_events(ctx, builtin_lexicon())] == ["job_search", "overwork"]
