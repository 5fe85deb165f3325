"""In a thread, a strong event word with no subject is told of someone when a story adverb ties it to a
timeline (后来, 现在, 而家): Chinese drops the subject of a poster's own happenings. A general statement
in the same thread, with no such adverb, person or date, stays no event.

The thread is written for this test (not taken from any corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import SCRIPTS, in_script

import careernarr

THREAD = """# 做了十年中介，聊聊转行

#1 老周 2024-03-02 21:10
干这行十年，眼睛一直不好。

#2 阿梅 2024-03-02 22:05
眼睛干得滴眼药水都不管用，后来去县医院看，说是干眼症。

#3 小林 2024-03-03 08:40
现在自己做独立经纪人，接的单少，但晚上睡得着。

#4 Kit 2024-03-03 09:15
而家手上有个 offer，人工少一成，但係朝九晚六。

#5 路人甲 2024-03-03 10:02
做独立经纪人风险很大，收入不稳定。
"""


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_story_adverb_ties_a_subjectless_post_to_its_poster(tmp_path: Path, script: str) -> None:
    path = tmp_path / "thread.md"
    path.write_text(in_script(script, THREAD), encoding="utf-8")
    narrative = careernarr.parse(path)
    assert narrative.format == "forum"
    by_author: dict[str | None, list[str]] = {}
    for event in narrative.events:
        post = next(p for p in narrative.posts if p.span.start <= event.span.start < p.span.end)
        by_author.setdefault(post.author, []).append(event.kind)
        assert event.subject == "narrator"
    assert by_author == {"阿梅": ["health"], "小林": ["creator"], "Kit": ["job_search"]}
    # 路人甲's 做独立经纪人风险很大 is a general statement: no one's happening
